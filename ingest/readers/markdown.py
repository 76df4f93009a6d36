"""Markdown articles with optional YAML front matter.

The front matter is a YAML mapping between a first line ``---`` and a closing
``---`` (or ``...``) line. Known keys fill the document: ``title``,
``publisher``, ``published`` (or ``date``), ``url``, ``author``; every other
key goes to ``metadata``. Without a ``title`` key the first ``# Heading`` is the
title.

The document text is the body with Markdown markup lightly removed (heading
hashes, emphasis marks, link targets, images, HTML comments), so that
extractors see sentences, not syntax; line structure is kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import yaml

from ingest.readers._common import (
    MAX_FILE_BYTES,
    PathOrFile,
    clean_str,
    normalise_date,
    plain_metadata,
    read_text_with,
)
from kg._model import Document
from kg.errors import IngestError

__all__ = ["parse_markdown", "read_markdown"]

_KNOWN = {"title", "publisher", "published", "date", "url", "author"}
_FENCE_OPEN = re.compile(r"\A---[ \t]*\n")
_FENCE_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_H1 = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.MULTILINE)

# markup -> plain text, applied in order
_MARKUP: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"<!--.*?-->", re.DOTALL), ""),
    (re.compile(r"^```.*$|^~~~.*$", re.MULTILINE), ""),  # fence lines (code kept)
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images -> alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links -> link text
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # reference links
    (re.compile(r"^\[[^\]]+\]:\s+\S+.*$", re.MULTILINE), ""),  # link definitions
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t#]*$", re.MULTILINE), r"\1"),  # ATX headings
    (re.compile(r"^[ \t]{0,3}(?:=+|-{3,}|\*{3,}|_{3,})[ \t]*$", re.MULTILINE), ""),  # rules, setext
    (re.compile(r"^[ \t]{0,3}>[ \t]?", re.MULTILINE), ""),  # block quotes
    (re.compile(r"^([ \t]*)[-*+][ \t]+", re.MULTILINE), r"\1"),  # bullets
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),  # emphasis
    (re.compile(r"(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)"), r"\1"),
    (re.compile(r"`([^`\n]+)`"), r"\1"),  # inline code
)


def read_markdown(path: PathOrFile, *, max_bytes: int = MAX_FILE_BYTES) -> Iterator[Document]:
    """Read a Markdown article with optional YAML front matter.

    Parameters
    ----------
    path : a file path or a binary handle
    max_bytes : the largest file accepted

    Yields
    ------
    Document
        One, keyed by its ``url`` when the front matter has one, else by the
        file's resolved absolute path.

    Raises
    ------
    IngestError
        Missing, binary, empty or oversize file; front matter that is not
        closed, not valid YAML (the message gives ``file:line``) or not a
        mapping; no text after the front matter.
    """
    yield from read_text_with(parse_markdown, path, max_bytes=max_bytes)


def parse_markdown(text: str, *, source: str) -> Iterator[Document]:
    """Turn Markdown (with optional front matter) into one :class:`~kg.Document`.

    Parameters
    ----------
    text : the Markdown source
    source : where it came from (a path); the key when there is no ``url``

    Examples
    --------
    >>> md = "---\\ntitle: Fab news\\ndate: 2026-03-14\\n---\\nThe **new** fab opened.\\n"
    >>> doc = next(parse_markdown(md, source="/news/fab.md"))
    >>> doc.title, doc.published, doc.text
    ('Fab news', '2026-03-14', 'The new fab opened.\\n')
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    front, body = _split_front_matter(text, source=source)
    plain = _plain_text(body)
    if not plain.strip():
        raise IngestError(source, "no article text after the front matter" if front else "empty file")
    url = clean_str(front.get("url"))
    title = clean_str(front.get("title"))
    if title is None:
        heading = _H1.search(body)
        title = clean_str(_plain_text(heading.group(1))) if heading else None
    published = front.get("published", front.get("date"))
    metadata = {key: plain_metadata(value) for key, value in front.items() if key not in _KNOWN}
    if published is not None and normalise_date(published) is None:
        metadata["published_raw"] = plain_metadata(published)
    yield Document(
        key=url or source,
        text=plain,
        source=source,
        title=title,
        publisher=clean_str(front.get("publisher")),
        author=clean_str(front.get("author")),
        published=normalise_date(published),
        url=url,
        format="markdown",
        metadata=metadata,
    )


def _split_front_matter(text: str, *, source: str) -> tuple[dict, str]:
    """The parsed front matter (``{}`` if none) and the body after it."""
    opening = _FENCE_OPEN.match(text)
    if not opening:
        return {}, text
    closing = _FENCE_CLOSE.search(text, opening.end())
    if not closing:
        raise IngestError(f"{source}:1", "front matter opened with '---' on line 1 is never closed; "
                                         "add a '---' line after it")
    raw = text[opening.end():closing.start()]
    try:
        front = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 2 if mark is not None else 2  # +1 for 1-based, +1 for the '---' line
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise IngestError(f"{source}:{line}", f"front matter is not valid YAML: {problem}; "
                                              "fix the YAML between the '---' lines") from None
    if front is None:
        front = {}
    if not isinstance(front, dict):
        raise IngestError(f"{source}:2", "front matter must be a mapping of keys (title: ..., url: ...), "
                                         f"not a {type(front).__name__}")
    body = text[closing.end():].removeprefix("\n")
    return {str(key): value for key, value in front.items()}, body


def _plain_text(markdown: str) -> str:
    for pattern, replacement in _MARKUP:
        markdown = pattern.sub(replacement, markdown)
    return markdown
