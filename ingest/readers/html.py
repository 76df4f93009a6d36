"""HTML articles: main text and metadata with trafilatura, never fetching anything.

trafilatura drops navigation, footers and other boilerplate and reads the
title, author, site name (the publisher), canonical URL and date from the
page's markup. The date is taken from metadata and structured markup only
(htmldate without its "extensive search" of the body text), so a date
mentioned in the article is not mistaken for its publication date.
Truncated or broken HTML gives whatever text can be recovered; a page with no
recoverable text raises ``IngestError("no article text found")``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

from ingest.readers._common import (
    MAX_FILE_BYTES,
    PathOrFile,
    clean_str,
    decode,
    load_bytes,
    normalise_date,
)
from kg._model import Document
from kg.errors import IngestError

__all__ = ["parse_html", "read_html"]

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HAS_ROOT = re.compile(r"<\s*(?:html|body)[\s>]", re.IGNORECASE)
_METADATA_FIELDS = ("description", "categories", "tags", "language", "hostname")


def read_html(path: PathOrFile, *, max_bytes: int = MAX_FILE_BYTES) -> Iterator[Document]:
    """Read an HTML article.

    Parameters
    ----------
    path : a file path or a binary handle
    max_bytes : the largest file accepted

    Yields
    ------
    Document
        One, keyed by the page's canonical URL when it declares one, else by
        the file's resolved absolute path.

    Raises
    ------
    IngestError
        Missing, binary, empty or oversize file; no article text found.
    """
    name, data = load_bytes(path, max_bytes=max_bytes)
    declared = _META_CHARSET.search(data[:4096])
    text = decode(data, name=name, declared=declared.group(1).decode("ascii") if declared else None)
    yield from parse_html(text, source=name)


def parse_html(text: str, *, source: str) -> Iterator[Document]:
    """Turn an HTML page into one :class:`~kg.Document` of its main text.

    Parameters
    ----------
    text : the HTML source
    source : where it came from (a path); the key when the page has no URL

    Examples
    --------
    >>> page = ("<html><head><title>Fab news</title></head><body><nav>Home</nav>"
    ...         "<article><p>The new fab opened in the spring.</p></article></body></html>")
    >>> doc = next(parse_html(page, source="/news/fab.html"))
    >>> doc.title, doc.text.splitlines()[-1]
    ('Fab news', 'The new fab opened in the spring.')
    """
    if not text.strip():
        raise IngestError(source, "empty file")
    result = _extract(text)
    if result is None and not _HAS_ROOT.search(text):
        result = _extract(f"<html><body>{text}</body></html>")  # a bare fragment
    body = (result.text or "").strip() if result is not None else ""
    if not body:
        raise IngestError(source, "no article text found (the page has no readable main text)")
    url = clean_str(result.url)
    if url is not None and not url.lower().startswith(("http://", "https://")):
        url = None
    metadata = {}
    for field in _METADATA_FIELDS:
        value = getattr(result, field, None)
        if value:
            metadata[field] = value
    yield Document(
        key=url or source,
        text=body,
        source=source,
        title=clean_str(result.title),
        publisher=clean_str(result.sitename),
        author=clean_str(result.author),
        published=normalise_date(result.date),
        url=url,
        format="html",
        metadata=metadata,
    )


def _quiet_library_loggers() -> None:
    """Stop trafilatura's complaints about broken pages reaching stderr through logging's last resort.

    They stay visible to an application that configures logging; the reader
    reports the failure itself as an IngestError.
    """
    for name in ("trafilatura", "htmldate", "courlan"):
        logger = logging.getLogger(name)
        if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
            logger.addHandler(logging.NullHandler())


def _extract(html: str):
    """trafilatura's extraction of ``html`` (a ``trafilatura.settings.Document``), or None."""
    import trafilatura

    _quiet_library_loggers()

    try:
        return trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            deduplicate=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except (ValueError, TypeError, AttributeError, RecursionError):  # lxml on pathological markup
        return None
