"""Extract a PDF's text with pypdf; run as a script by :mod:`ingest.readers.pdf`, never imported.

Reads the PDF's bytes from stdin, applies the memory limit given as the first
argument (bytes, ``RLIMIT_AS``) before touching them, and writes one JSON
object to stdout: ``{"pages": [...], "info": {...}}`` or ``{"error": "..."}``.
Exit status 3 means it ran out of memory.
"""

import json
import sys


def _limit_memory(limit: int) -> None:
    try:
        import resource
    except ImportError:  # not a POSIX system: the wall-clock timeout still applies
        return
    if limit > 0:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _extract(data: bytes, max_chars: int) -> dict:
    import io
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.disable(logging.CRITICAL)  # pypdf logs every repaired defect
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    return {"error": "the PDF is encrypted with a password; decrypt it first"}
            except Exception:  # noqa: BLE001 - unsupported encryption algorithm and the like
                return {"error": "the PDF is encrypted and cannot be decrypted; decrypt it first"}
        pages, total = [], 0
        for page in reader.pages:
            text = page.extract_text() or ""
            pages.append(text)
            total += len(text)
            if total > max_chars:
                break
        info = {}
        meta = reader.metadata or {}
        for key in ("/Title", "/Author", "/CreationDate", "/ModDate", "/Producer"):
            value = meta.get(key)
            if value is not None:
                info[key[1:]] = str(value)
        return {"pages": pages, "info": info}
    except PdfReadError as exc:
        return {"error": f"not a readable PDF: {exc}"}


def main() -> int:
    limit, max_chars = int(sys.argv[1]), int(sys.argv[2])
    _limit_memory(limit)
    data = sys.stdin.buffer.read()
    try:
        result = _extract(data, max_chars)
    except MemoryError:
        return 3
    except RecursionError:
        result = {"error": "not a readable PDF: its object structure nests too deeply"}
    except Exception as exc:  # noqa: BLE001 - pypdf raises many types on malformed input
        result = {"error": f"not a readable PDF: {type(exc).__name__}: {exc}"}
    sys.stdout.write(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
