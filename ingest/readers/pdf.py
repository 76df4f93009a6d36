"""PDF articles: pypdf text extraction in a separate, limited process.

Malformed PDFs can make a parser loop or allocate without bound, so the
extraction runs in a child Python process (``_pdf_worker.py``, started with
``python -I``) that gets the PDF's bytes on stdin, has its address space
capped (``RLIMIT_AS``, default 1 GiB) and is killed after a wall-clock
timeout (default 30 s). Whatever goes wrong there becomes an
:class:`~kg.errors.IngestError`; the calling process is never at risk.

The PDF's ``/Title`` and ``/Author`` fill the document; its creation date is
kept as ``metadata["pdf_created"]`` but not used as the publication date
(it is when the file was made, not when the article appeared).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from ingest.readers._common import (
    MAX_FILE_BYTES,
    PathOrFile,
    clean_str,
    human_size,
    load_bytes,
    normalise_date,
)
from kg._model import Document
from kg.errors import IngestError

__all__ = ["PDF_MEMORY_LIMIT", "PDF_TIMEOUT", "parse_pdf", "read_pdf"]

#: Wall-clock seconds the extraction of one PDF may take.
PDF_TIMEOUT: float = 30.0
#: Address-space limit of the extraction process, in bytes.
PDF_MEMORY_LIMIT: int = 1024 * 1024 * 1024

_WORKER = Path(__file__).with_name("_pdf_worker.py")
_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?")
_OUT_OF_MEMORY = 3


def read_pdf(path: PathOrFile, *, max_bytes: int = MAX_FILE_BYTES, timeout: float = PDF_TIMEOUT,
             memory_limit: int = PDF_MEMORY_LIMIT) -> Iterator[Document]:
    """Read the text of a PDF article.

    Parameters
    ----------
    path : a file path or a binary handle
    max_bytes : the largest file accepted
    timeout : seconds the extraction may take before it is killed
    memory_limit : bytes of address space the extraction process may use

    Yields
    ------
    Document
        One, keyed by the file's resolved absolute path.

    Raises
    ------
    IngestError
        Missing, empty or oversize file; not a PDF; encrypted; no text layer;
        extraction timed out, ran out of memory or crashed.
    """
    name, data = load_bytes(path, max_bytes=max_bytes)
    yield from parse_pdf(data, source=name, timeout=timeout, memory_limit=memory_limit,
                         max_chars=max(5 * max_bytes, 1_000_000))


def parse_pdf(data: bytes, *, source: str, timeout: float = PDF_TIMEOUT,
              memory_limit: int = PDF_MEMORY_LIMIT, max_chars: int = 50_000_000) -> Iterator[Document]:
    """Extract the text of a PDF held in memory, in a limited subprocess.

    Parameters
    ----------
    data : the PDF's bytes (a PDF is binary: this takes bytes, not text)
    source : where it came from (a path); also the document key
    timeout : seconds the extraction may take before it is killed
    memory_limit : bytes of address space the extraction process may use
    max_chars : stop extracting pages once this much text was found
    """
    if not data.strip():
        raise IngestError(source, "empty file")
    if b"%PDF-" not in data[:1024]:
        raise IngestError(source, "not a PDF: no '%PDF-' header in its first 1024 bytes")
    result = _run_worker(data, source=source, timeout=timeout, memory_limit=memory_limit,
                         max_chars=max_chars)
    if "error" in result:
        raise IngestError(source, result["error"])
    text = "\n\n".join(page.strip() for page in result["pages"] if page.strip()).replace("\x00", "")
    if not text.strip():
        raise IngestError(source, "no text found in the PDF (a scanned PDF needs OCR first)")
    info = result.get("info", {})
    metadata = {}
    created = _pdf_date(info.get("CreationDate"))
    if created:
        metadata["pdf_created"] = created
    if info.get("Producer"):
        metadata["pdf_producer"] = info["Producer"]
    metadata["pages"] = len(result["pages"])
    yield Document(
        key=source,
        text=text,
        source=source,
        title=clean_str(info.get("Title")),
        author=clean_str(info.get("Author")),
        format="pdf",
        metadata=metadata,
    )


def _run_worker(data: bytes, *, source: str, timeout: float, memory_limit: int, max_chars: int) -> dict:
    """Run ``_pdf_worker.py`` on ``data``; its JSON result, or IngestError."""
    command = [sys.executable, "-I", str(_WORKER), str(int(memory_limit)), str(int(max_chars))]
    try:
        done = subprocess.run(command, input=data, capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:  # subprocess.run has killed the child
        raise IngestError(source, f"PDF text extraction did not finish within {timeout:g} s "
                                  "(a malformed or hostile PDF?)") from None
    except OSError as exc:
        raise IngestError(source, f"could not start the PDF text extraction process: {exc}") from None
    if done.returncode == _OUT_OF_MEMORY or b"MemoryError" in done.stderr[-4096:]:
        raise IngestError(source, f"PDF text extraction ran out of memory "
                                  f"(limit {human_size(memory_limit)})")
    if done.returncode < 0:
        raise IngestError(source, f"PDF text extraction crashed (signal {-done.returncode})")
    if done.returncode != 0:
        last = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
        raise IngestError(source, f"PDF text extraction failed: {last[0]}")
    try:
        return json.loads(done.stdout)
    except json.JSONDecodeError:
        raise IngestError(source, "PDF text extraction returned no result") from None


def _pdf_date(value: str | None) -> str | None:
    """``D:20260314093000Z`` -> ``2026-03-14`` (or a shorter ISO date)."""
    match = _PDF_DATE.match(value or "")
    if not match:
        return None
    return normalise_date("-".join(part for part in match.groups() if part))
