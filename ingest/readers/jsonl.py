"""JSON Lines articles: one JSON object per line, one article per object.

Each object needs a non-empty ``text`` (or ``content`` / ``body``); it may
carry ``title``, ``url``, ``published`` (or ``date``), ``author`` and
``publisher``; other keys go to ``metadata``. Blank lines are skipped.

A bad line — not JSON, not an object, no text, over the size limit — does not
stop the file: :func:`read_jsonl` and :func:`parse_jsonl` *yield* an
:class:`~kg.errors.IngestError` naming ``file:line`` in its place and go on,
so they yield ``Document | IngestError``. The file is streamed line by line;
``max_bytes`` bounds each line (one article), not the whole file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from ingest.readers._common import (
    MAX_FILE_BYTES,
    PathOrFile,
    clean_str,
    decode,
    normalise_date,
    plain_metadata,
    source_name,
    too_big,
)
from kg._model import Document
from kg.errors import IngestError

__all__ = ["parse_jsonl", "read_jsonl"]

_TEXT_KEYS = ("text", "content", "body")
_KNOWN = {*_TEXT_KEYS, "title", "url", "published", "date", "author", "publisher"}


def read_jsonl(path: PathOrFile, *, max_bytes: int = MAX_FILE_BYTES) -> Iterator[Document | IngestError]:
    """Read a JSON Lines file of articles, line by line.

    Parameters
    ----------
    path : a file path or a binary handle
    max_bytes : the longest line (one article) accepted

    Yields
    ------
    Document
        One per good line, keyed by its ``url``, else ``<path>#L<line>``.
    IngestError
        One per bad line, with ``path`` set to ``<file>:<line>``.

    Raises
    ------
    IngestError
        The file as a whole cannot be read: missing, binary or empty.
    """
    name = source_name(path)
    if hasattr(path, "read"):
        yield from _read_lines(path, name=name, max_bytes=max_bytes)
        return
    try:
        handle = Path(path).open("rb")
    except FileNotFoundError:
        raise IngestError(name, "no such file") from None
    except IsADirectoryError:
        raise IngestError(name, "is a directory, not a file (use iter_documents for folders)") from None
    except OSError as exc:
        raise IngestError(name, f"cannot read the file: {exc.strerror or exc}") from None
    with handle:
        yield from _read_lines(handle, name=name, max_bytes=max_bytes)


def _read_lines(handle, *, name: str, max_bytes: int) -> Iterator[Document | IngestError]:
    head = handle.peek(8192)[:8192] if hasattr(handle, "peek") else b""
    if b"\x00" in head:
        raise IngestError(name, "binary file, not a text article")
    seen_content = False
    number = 0
    while True:
        raw = handle.readline(max_bytes + 1)
        if not raw:
            break
        number += 1
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            size = len(raw)
            while raw and not raw.endswith(b"\n"):  # skip the rest of the long line
                raw = handle.readline(1024 * 1024)
                size += len(raw)
            size -= raw.endswith(b"\n")  # the line, not its line break
            seen_content = True
            yield IngestError(f"{name}:{number}", too_big(size, max_bytes, what=f"line {number}"))
            continue
        if not raw.strip():
            continue
        seen_content = True
        if number == 1 and b"\x00" in raw:
            raise IngestError(name, "binary file, not a text article")
        try:
            line = decode(raw, name=f"{name}:{number}")
        except IngestError as error:
            yield error
            continue
        yield _parse_line(line, source=name, number=number)
    if not seen_content:
        raise IngestError(name, "empty file")


def parse_jsonl(text: str | Iterable[str], *, source: str) -> Iterator[Document | IngestError]:
    """Turn JSON Lines text into documents, yielding an error for each bad line.

    Parameters
    ----------
    text : the whole text, or an iterable of lines
    source : where it came from (a path); keys are ``<source>#L<line>`` without a url

    Examples
    --------
    >>> rows = '{"text": "The chip ships in May.", "url": "https://example.org/a"}\\nnot json\\n'
    >>> [type(item).__name__ for item in parse_jsonl(rows, source="/feed.jsonl")]
    ['Document', 'IngestError']
    """
    lines = text.splitlines() if isinstance(text, str) else text
    seen_content = False
    for number, line in enumerate(lines, start=1):
        if line.strip():
            seen_content = True
            yield _parse_line(line, source=source, number=number)
    if not seen_content:
        raise IngestError(source, "empty file")


_SURROGATE = re.compile("[\ud800-\udfff]")


def _replace_surrogates(value):
    """JSON may escape lone UTF-16 surrogates (``"\\ud800"``), which are not text: U+FFFD them."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_replace_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {_replace_surrogates(k): _replace_surrogates(v) for k, v in value.items()}
    return value


def _parse_line(line: str, *, source: str, number: int) -> Document | IngestError:
    where = f"{source}:{number}"
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        return IngestError(where, f"not valid JSON at column {exc.colno}: {exc.msg}; "
                                  "each line must be one JSON object")
    row = _replace_surrogates(row)
    if not isinstance(row, dict):
        return IngestError(where, f"a line must be a JSON object with a \"text\" key, not a {type(row).__name__}")
    body = next((row[key] for key in _TEXT_KEYS if isinstance(row.get(key), str) and row[key].strip()), None)
    if body is None:
        return IngestError(where, "no article text: give the text in a \"text\" (or \"content\"/\"body\") key")
    url = clean_str(row.get("url"))
    published = row.get("published", row.get("date"))
    metadata = {key: plain_metadata(value) for key, value in row.items() if key not in _KNOWN}
    if published is not None and normalise_date(published) is None:
        metadata["published_raw"] = plain_metadata(published)
    return Document(
        key=url or f"{source}#L{number}",
        text=body.replace("\r\n", "\n"),
        source=source,
        title=clean_str(row.get("title")),
        publisher=clean_str(row.get("publisher")),
        author=clean_str(row.get("author")),
        published=normalise_date(published),
        url=url,
        format="jsonl",
        metadata=metadata,
    )
