"""Helpers shared by the readers: loading bytes under a size limit, decoding, dates, keys."""

from __future__ import annotations

import codecs
import datetime as _dt
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import IO, Union

from kg.errors import IngestError

#: Largest file (or JSONL line) a reader accepts unless told otherwise: 10 MiB.
MAX_FILE_BYTES: int = 10 * 1024 * 1024

#: What a reader accepts as its input: a path, or a binary file handle.
PathOrFile = Union[str, "os.PathLike[str]", IO[bytes]]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_ESCAPED = re.compile("[\udc80-\udcff]")
_WESTERN = ("cp1252", "latin_1", "iso8859_15")


def human_size(n: int) -> str:
    """``12.3 MB`` / ``4.0 KB`` / ``12 bytes`` (binary units, as ``MAX_FILE_BYTES`` is 10 MiB)."""
    if n >= 1024 * 1024:
        text = f"{n / (1024 * 1024):.1f}"
        unit = "MB"
    elif n >= 1024:
        text = f"{n / 1024:.1f}"
        unit = "KB"
    else:
        return f"{n} bytes"
    return f"{text.removesuffix('.0')} {unit}"


def too_big(size: int, max_bytes: int, *, what: str = "file") -> str:
    """The message for an input over the size limit."""
    return (f"{what} is {human_size(size)}, over the {human_size(max_bytes)} limit "
            "(raise it with --max-bytes)")


def source_name(source: PathOrFile) -> str:
    """The resolved absolute path of ``source`` (or a handle's ``name``, or ``<stream>``)."""
    if hasattr(source, "read"):
        name = getattr(source, "name", None)
        if isinstance(name, (str, os.PathLike)):
            return str(Path(name).resolve())
        return "<stream>"
    return str(Path(source).resolve())


def load_bytes(source: PathOrFile, *, max_bytes: int) -> tuple[str, bytes]:
    """Read all bytes of ``source``, refusing more than ``max_bytes``.

    Returns the source's name (resolved absolute path) and its bytes; raises
    :class:`IngestError` for a missing, unreadable or oversize file.
    """
    name = source_name(source)
    if hasattr(source, "read"):
        data = source.read(max_bytes + 1)
        if isinstance(data, str):
            raise IngestError(name, "the file handle is open in text mode; open it with 'rb'")
        if len(data) > max_bytes:
            raise IngestError(name, f"file is over the {human_size(max_bytes)} limit "
                                    "(raise it with --max-bytes)")
        return name, data
    path = Path(source)
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise IngestError(name, "is a directory, not a file (use iter_documents for folders)")
        if size > max_bytes:
            raise IngestError(name, too_big(size, max_bytes))
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise IngestError(name, "no such file") from None
    except PermissionError:
        raise IngestError(name, "permission denied: the file cannot be read") from None
    except OSError as exc:
        raise IngestError(name, f"cannot read the file: {exc.strerror or exc}") from None
    if len(data) > max_bytes:  # grew while we read it
        raise IngestError(name, too_big(len(data), max_bytes))
    return name, data


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: decode the stray bytes of a mostly-UTF-8 text as Windows-1252."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    chunk = exc.object[exc.start:exc.end]
    return chunk.decode("cp1252", errors="replace"), exc.end


codecs.register_error("siliconkg-cp1252-fallback", _cp1252_fallback)


def encoding_note(data: bytes) -> str | None:
    """Why a file's text may not be exactly what its author wrote, or None for clean UTF-8/BOM text."""
    if any(data.startswith(bom) for bom, _codec in _BOMS):
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "not UTF-8: the encoding was detected, check the text"
    return None


def read_text_with(parse, source: PathOrFile, *, max_bytes: int):
    """Load, decode and ``parse(text, source=name)`` a text file, noting a non-UTF-8 encoding.

    The note goes into each document's ``metadata["encoding"]`` so a build can
    report that the text was decoded by detection.
    """
    name, data = load_bytes(source, max_bytes=max_bytes)
    note = encoding_note(data)
    for document in parse(decode(data, name=name), source=name):
        if note:
            document.metadata["encoding"] = note
        yield document


def decode(data: bytes, *, name: str, declared: str | None = None) -> str:
    """Decode an article's bytes to text, with newlines normalised to ``\\n``.

    Order: a byte-order mark; strict UTF-8; a mostly-UTF-8 text with a few stray
    legacy bytes (decoded as UTF-8 with those bytes read as Windows-1252); the
    ``declared`` charset (e.g. an HTML ``<meta charset>``); charset-normalizer's
    detection, preferring Windows-1252 when it is as plausible as the best guess.

    Raises
    ------
    IngestError
        "binary file, not a text article" for NUL bytes or no plausible encoding,
        "empty file" for an empty or whitespace-only text.
    """
    text = _decode(data, name=name, declared=declared)
    if not text.strip():
        raise IngestError(name, "empty file")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes, *, name: str, declared: str | None) -> str:
    if not data.strip():
        raise IngestError(name, "empty file")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                raise IngestError(name, f"starts with a {codec.upper()} byte-order mark but is not "
                                        f"valid {codec.upper()}; re-save it as UTF-8") from None
    if b"\x00" in data:
        raise IngestError(name, "binary file, not a text article")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    valid = len(_UTF8_MULTIBYTE.findall(data))
    invalid = len(_ESCAPED.findall(data.decode("utf-8", errors="surrogateescape")))
    if valid and valid >= invalid:
        return data.decode("utf-8", errors="siliconkg-cp1252-fallback")
    if declared:
        try:
            codec = codecs.lookup(declared).name
        except LookupError:
            codec = None
        if codec and codec not in ("utf-8",):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                pass
    return _detect(data, name=name)


def _detect(data: bytes, *, name: str) -> str:
    import charset_normalizer

    results = list(charset_normalizer.from_bytes(data))
    if not results:
        raise IngestError(name, "binary file, not a text article")
    best = min(r.chaos for r in results)
    if best > 0.3:
        raise IngestError(name, "binary file, not a text article")
    close = [r for r in results if r.chaos <= best + 0.005]
    for western in _WESTERN:
        for match in close:
            if match.encoding == western:
                return str(match)
    return str(min(results, key=lambda r: (r.chaos, -r.coherence)))


_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ]\S*)?\s*$")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")


def normalise_date(value: object) -> str | None:
    """An ISO date (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``) from whatever a source gives.

    Accepts :class:`datetime.date`/:class:`datetime.datetime` (YAML gives those),
    a year as an int, ISO strings (with or without a time) and absolute dates in
    words ("14 March 2026", "March 2026"). Relative phrases ("yesterday") and
    anything unreadable give ``None``: an unknown date is left unknown.

    Examples
    --------
    >>> normalise_date("2026-03-14T09:30:00Z")
    '2026-03-14'
    >>> normalise_date("March 2026")
    '2026-03'
    >>> import datetime
    >>> normalise_date(datetime.date(2025, 1, 2))
    '2025-01-02'
    >>> normalise_date("soon") is None
    True
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, int):
        return f"{value:04d}" if 1000 <= value <= 9999 else None
    if not isinstance(value, str) or not value.strip():
        return None
    match = _ISO.match(value) or _COMPACT.match(value)
    if match:
        year, month, day = (int(g) if g else None for g in match.groups())
        try:
            if day is not None:
                return _dt.date(year, month, day).isoformat()
            if month is not None:
                _dt.date(year, month, 1)
                return f"{year:04d}-{month:02d}"
        except ValueError:
            return None
        return f"{year:04d}"
    return _parse_words(value.strip())


@lru_cache(maxsize=4096)
def _parse_words(text: str) -> str | None:
    data = _date_parser().get_date_data(text)
    if data.date_obj is None:
        return None
    when = data.date_obj
    parts = set(data.parts or ())
    if "day" in parts:
        return when.date().isoformat()
    if "month" in parts:
        return f"{when.year:04d}-{when.month:02d}"
    if "year" in parts:
        return f"{when.year:04d}"
    return None


@lru_cache(maxsize=1)
def _date_parser():
    from dateparser.date import DateDataParser

    # no relative-time parser: "yesterday" has no meaning without the article's own date
    return DateDataParser(languages=["en"], settings={
        "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
        "PREFER_DAY_OF_MONTH": "first",
    })


def clean_str(value: object) -> str | None:
    """``value`` stripped when it is a non-empty string (a list of strings is joined), else None."""
    if isinstance(value, (list, tuple)):
        items = [clean_str(v) for v in value]
        joined = ", ".join(v for v in items if v)
        return joined or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def plain_metadata(value: object) -> object:
    """``value`` with dates turned into ISO strings, so metadata stays JSON-serialisable."""
    if isinstance(value, (_dt.date, _dt.datetime, _dt.time)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): plain_metadata(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [plain_metadata(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)
