"""Plain-text articles: the whole file is the article text."""

from __future__ import annotations

from collections.abc import Iterator

from ingest.readers._common import MAX_FILE_BYTES, PathOrFile, read_text_with
from kg._model import Document
from kg.errors import IngestError

__all__ = ["parse_txt", "read_txt"]


def read_txt(path: PathOrFile, *, max_bytes: int = MAX_FILE_BYTES) -> Iterator[Document]:
    """Read a plain-text article.

    Parameters
    ----------
    path : a file path or a binary handle
    max_bytes : the largest file accepted

    Yields
    ------
    Document
        One, keyed by the file's resolved absolute path; no title or date
        (plain text carries none).

    Raises
    ------
    IngestError
        Missing, binary, empty or oversize file.
    """
    yield from read_text_with(parse_txt, path, max_bytes=max_bytes)


def parse_txt(text: str, *, source: str) -> Iterator[Document]:
    """Turn plain text into one :class:`~kg.Document`.

    Parameters
    ----------
    text : the article text
    source : where it came from (a path); also the document key

    Examples
    --------
    >>> [doc.key for doc in parse_txt("HBM3E goes into accelerators.", source="/a/b.txt")]
    ['/a/b.txt']
    """
    if not text.strip():
        raise IngestError(source, "empty file")
    yield Document(key=source, text=text, source=source, format="txt")
