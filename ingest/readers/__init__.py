"""Article readers: one module per source format, networkx ``readwrite`` style.

Each format module offers ``read_<fmt>(path, *, max_bytes=...)`` (a path or a
binary handle) and ``parse_<fmt>(text, *, source=...)`` (content already in
memory); both yield :class:`kg.Document` records lazily.

=========  =====================  ==========================================
format     extensions             module
=========  =====================  ==========================================
TXT        ``.txt .text``         :mod:`ingest.readers.txt`
MARKDOWN   ``.md .markdown``      :mod:`ingest.readers.markdown` (YAML front matter)
HTML       ``.html .htm``         :mod:`ingest.readers.html` (trafilatura)
PDF        ``.pdf``               :mod:`ingest.readers.pdf` (pypdf, in a limited subprocess)
JSONL      ``.jsonl .ndjson``     :mod:`ingest.readers.jsonl` (one article a line)
=========  =====================  ==========================================

A file that cannot be read raises :class:`kg.errors.IngestError` naming the
file and the reason. Line-based formats (JSONL) *yield* an ``IngestError`` for
a bad line and go on with the next, so :func:`read_path` yields
``Document | IngestError``; :func:`iter_documents` goes further and turns every
failure into a yielded error, so a build reports it and goes on.
"""

from __future__ import annotations

import enum
import importlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ingest.readers._common import MAX_FILE_BYTES, PathOrFile, source_name
from kg._model import Document
from kg.errors import IngestError

__all__ = [
    "Format",
    "MAX_FILE_BYTES",
    "SUPPORTED_EXTENSIONS",
    "iter_documents",
    "read_path",
]


class Format(enum.Enum):
    """The article formats siliconkg reads; the value is :attr:`kg.Document.format`."""

    TXT = "txt"
    MARKDOWN = "markdown"
    HTML = "html"
    PDF = "pdf"
    JSONL = "jsonl"

    @property
    def extensions(self) -> tuple[str, ...]:
        """The file extensions of this format, with the leading dot."""
        return tuple(ext for ext, fmt in _EXTENSIONS.items() if fmt is self)

    @classmethod
    def from_extension(cls, path: str | os.PathLike[str]) -> Format:
        """The format of ``path``, from its extension (case-insensitive).

        Raises
        ------
        IngestError
            The extension is not one of :data:`SUPPORTED_EXTENSIONS`; the
            message lists them.

        Examples
        --------
        >>> Format.from_extension("news/launch.Markdown")
        <Format.MARKDOWN: 'markdown'>
        >>> Format.from_extension("feed.ndjson").value
        'jsonl'
        """
        suffix = Path(path).suffix.lower()
        try:
            return _EXTENSIONS[suffix]
        except KeyError:
            what = f"unsupported file type {suffix!r}" if suffix else "no file extension"
            raise IngestError(path, f"{what} (supported: {' '.join(SUPPORTED_EXTENSIONS)})") from None


_EXTENSIONS: dict[str, Format] = {
    ".txt": Format.TXT,
    ".text": Format.TXT,
    ".md": Format.MARKDOWN,
    ".markdown": Format.MARKDOWN,
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".pdf": Format.PDF,
    ".jsonl": Format.JSONL,
    ".ndjson": Format.JSONL,
}
#: Every extension a reader exists for, with the leading dot.
SUPPORTED_EXTENSIONS: tuple[str, ...] = tuple(_EXTENSIONS)

# format -> "module:function"; imported on first use (trafilatura and pypdf are slow to import)
_READERS: dict[Format, str] = {
    Format.TXT: "ingest.readers.txt:read_txt",
    Format.MARKDOWN: "ingest.readers.markdown:read_markdown",
    Format.HTML: "ingest.readers.html:read_html",
    Format.PDF: "ingest.readers.pdf:read_pdf",
    Format.JSONL: "ingest.readers.jsonl:read_jsonl",
}


def _reader(fmt: Format):
    module, _, function = _READERS[fmt].partition(":")
    return getattr(importlib.import_module(module), function)


def read_path(path: PathOrFile, *, max_bytes: int = MAX_FILE_BYTES,
              format: Format | None = None) -> Iterator[Document | IngestError]:
    """Read the articles of one file, choosing the reader by its extension.

    Parameters
    ----------
    path : a file path, or a binary handle (then ``format`` is required unless
        the handle has a ``name`` with a known extension)
    max_bytes : the largest file accepted (for JSONL: the largest line)
    format : the format to read, overriding the extension

    Yields
    ------
    Document, or IngestError for one bad record of a line-based format
    (JSONL) — the other records are still yielded.

    Raises
    ------
    IngestError
        The file as a whole cannot be read: unsupported type, missing, binary,
        empty, over ``max_bytes``, malformed front matter, no article text.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "note.txt").write_text("Chips are made in fabs.\\n")
    >>> [doc.text for doc in read_path(folder / "note.txt")]
    ['Chips are made in fabs.\\n']
    """
    if not hasattr(path, "read") and Path(path).is_dir():
        raise IngestError(source_name(path), "is a folder, not a file (iter_documents reads folders)")
    if format is None:
        name = getattr(path, "name", None) if hasattr(path, "read") else path
        if not isinstance(name, (str, os.PathLike)):
            raise IngestError(source_name(path), "cannot tell the format of a stream: pass format=")
        format = Format.from_extension(name)
    return _reader(format)(path, max_bytes=max_bytes)


def iter_documents(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], *,
                   max_bytes: int = MAX_FILE_BYTES) -> Iterator[Document | IngestError]:
    """Read every article under ``paths``, yielding an error for each bad file.

    Folders are walked recursively in sorted order; hidden files and folders
    (name starting with ``.``) are skipped. A file that cannot be read —
    unsupported type, binary, empty, too big, malformed — does not stop the
    walk: an :class:`IngestError` is yielded in its place.

    Parameters
    ----------
    paths : a file or folder, or several
    max_bytes : the largest file accepted (for JSONL: the largest line)

    Yields
    ------
    Document for each article read; IngestError for each file (or JSONL line)
    that could not be read.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for path in paths:
        for file in _walk(Path(path)):
            if isinstance(file, IngestError):
                yield file
                continue
            try:
                yield from read_path(file, max_bytes=max_bytes)
            except IngestError as error:
                yield error


def _walk(path: Path, seen: set[Path] | None = None) -> Iterator[Path | IngestError]:
    """The files under ``path`` in sorted order, hidden ones skipped; errors for what cannot be listed."""
    if path.is_dir():
        seen = set() if seen is None else seen
        real = path.resolve()
        if real in seen:  # a symlink back to a folder already walked
            return
        seen.add(real)
        try:
            entries = sorted(os.scandir(path), key=lambda e: e.name)
        except OSError as exc:
            yield IngestError(path.resolve(), f"cannot list the folder: {exc.strerror or exc}")
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            child = Path(entry.path)
            if entry.is_dir():
                yield from _walk(child, seen)
            else:
                yield child
    elif path.exists():
        yield path
    else:
        yield IngestError(path.resolve(), "no such file or folder")
