"""Tests of the article readers (ingest/readers): every format, its metadata and its failures.

All inputs are written into ``tmp_path`` by the tests themselves; the PDFs are
assembled by hand (``_make_pdf``) with a correct cross-reference table.
"""

from __future__ import annotations

import datetime
import io
import json
import socket
import time
import zlib
from pathlib import Path

import pytest

from ingest.readers import (
    MAX_FILE_BYTES,
    SUPPORTED_EXTENSIONS,
    Format,
    iter_documents,
    read_path,
)
from ingest.readers._common import normalise_date
from ingest.readers.html import parse_html, read_html
from ingest.readers.jsonl import parse_jsonl, read_jsonl
from ingest.readers.markdown import parse_markdown, read_markdown
from ingest.readers.pdf import read_pdf
from ingest.readers.txt import read_txt
from kg import Document
from kg.errors import IngestError

# ---------------------------------------------------------------- helpers

ARTICLE = (
    "Northwind Labs said its Kestrel-2 model was trained on a cluster of 4,096 accelerators.\n"
    "The accelerators pair each compute die with six stacks of high-bandwidth memory.\n"
)


def _make_pdf(lines: list[str], *, info: bytes | None = None, compress: bool = False,
              kids: bytes = b"[3 0 R]") -> bytes:
    """A one-page PDF whose content stream shows ``lines`` in Helvetica, with a valid xref table."""
    content = "BT /F1 12 Tf 72 720 Td 14 TL\n" + "".join(f"({line}) Tj T*\n" for line in lines) + "ET"
    stream = content.encode("latin-1")
    extra = b""
    if compress:
        stream, extra = zlib.compress(stream), b" /Filter /FlateDecode"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids " + kids + b" /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d%s >>\nstream\n" % (len(stream), extra) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    if info is not None:
        objects.append(info)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    info_ref = b" /Info %d 0 R" % len(objects) if info is not None else b""
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, info_ref, xref)
    return bytes(out)


def _error(excinfo_or_error) -> IngestError:
    error = getattr(excinfo_or_error, "value", excinfo_or_error)
    assert isinstance(error, IngestError)
    return error


# ---------------------------------------------------------------- formats and dispatch

@pytest.mark.parametrize(("name", "fmt"), [
    ("a.txt", Format.TXT), ("a.TEXT", Format.TXT), ("b.md", Format.MARKDOWN),
    ("b.markdown", Format.MARKDOWN), ("c.html", Format.HTML), ("c.HTM", Format.HTML),
    ("d.pdf", Format.PDF), ("e.jsonl", Format.JSONL), ("dir/e.ndjson", Format.JSONL),
])
def test_format_from_extension(name, fmt):
    assert Format.from_extension(name) is fmt
    assert Path(name).suffix.lower() in fmt.extensions


def test_supported_extensions_cover_every_format():
    assert set(SUPPORTED_EXTENSIONS) == {".txt", ".text", ".md", ".markdown", ".html", ".htm",
                                         ".pdf", ".jsonl", ".ndjson"}
    assert {Format.from_extension("x" + ext) for ext in SUPPORTED_EXTENSIONS} == set(Format)
    assert MAX_FILE_BYTES == 10 * 1024 * 1024


def test_unsupported_extension_lists_the_supported_ones(tmp_path):
    path = tmp_path / "notes.xyz"
    path.write_text(ARTICLE)
    with pytest.raises(IngestError) as excinfo:
        list(read_path(path))
    error = _error(excinfo)
    assert error.path == str(path)
    assert error.reason.startswith("unsupported file type '.xyz' (supported: .txt .text .md")
    with pytest.raises(IngestError, match="no file extension"):
        Format.from_extension(tmp_path / "README")


def test_read_path_dispatches_on_extension(tmp_path):
    (tmp_path / "a.md").write_text("# Heading here\n\n" + ARTICLE, encoding="utf-8")
    (tmp_path / "b.text").write_text(ARTICLE, encoding="utf-8")
    assert [d.format for d in read_path(tmp_path / "a.md")] == ["markdown"]
    assert [d.format for d in read_path(tmp_path / "b.text")] == ["txt"]


def test_read_path_takes_a_binary_handle_with_a_format():
    docs = list(read_path(io.BytesIO(ARTICLE.encode("utf-8")), format=Format.TXT))
    assert [d.text for d in docs] == [ARTICLE]
    assert docs[0].key == "<stream>"
    with pytest.raises(IngestError, match="pass format="):
        read_path(io.BytesIO(b"x"))


# ---------------------------------------------------------------- plain text

def test_txt_happy_path(tmp_path):
    path = tmp_path / "kestrel.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    [doc] = read_txt(path)
    assert isinstance(doc, Document)
    assert doc.text == ARTICLE
    assert doc.key == doc.source == str(path.resolve())
    assert doc.format == "txt"
    assert doc.title is None and doc.published is None and doc.url is None


def test_txt_relative_path_gives_absolute_key(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("rel.txt").write_text(ARTICLE, encoding="utf-8")
    [doc] = read_txt("rel.txt")
    assert doc.key == str((tmp_path / "rel.txt").resolve())


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_legacy_encoding_decodes_correctly(tmp_path, encoding):
    text = ("The café in Zürich served the naïve engineers a crème brûlée.\n"
            "Señor Muñoz said the façade of the fab would be repainted.\n")
    if encoding == "cp1252":
        text += "He called it \u201cthe best wafer yet\u201d \u2014 and priced it at 5\u20ac.\n"
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    [doc] = read_txt(path)
    assert doc.text == text


def test_mixed_encoding_still_decodes(tmp_path):
    utf8 = "The modèle “Aurora” was trained on a cluster in Zürich.\n"
    latin = "Its price was 5€ per café visit.\n"
    path = tmp_path / "mixed.txt"
    path.write_bytes(utf8.encode("utf-8") + latin.encode("cp1252"))
    [doc] = read_txt(path)
    assert doc.text == utf8 + latin


def test_utf8_bom_and_crlf_are_normalised(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    [doc] = read_txt(path)
    assert doc.text == ARTICLE


def test_utf16_with_bom_decodes(tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes(ARTICLE.encode("utf-16"))
    [doc] = read_txt(path)
    assert doc.text == ARTICLE


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
    bytes(range(1, 32)) * 40 + bytes(range(128, 256)) * 10,
])
def test_binary_file_is_refused(tmp_path, data):
    path = tmp_path / "picture.txt"
    path.write_bytes(data)
    with pytest.raises(IngestError) as excinfo:
        list(read_txt(path))
    assert _error(excinfo).reason == "binary file, not a text article"
    assert _error(excinfo).path == str(path.resolve())


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  "])
@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".jsonl"])
def test_empty_file_is_refused(tmp_path, data, suffix):
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(data)
    with pytest.raises(IngestError) as excinfo:
        list(read_path(path))
    assert _error(excinfo).reason == "empty file"


def test_oversize_file_is_refused_with_a_hint(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: nothing is written
        handle.truncate(int(12.3 * 1024 * 1024))
    with pytest.raises(IngestError) as excinfo:
        list(read_path(path))
    assert _error(excinfo).reason == "file is 12.3 MB, over the 10 MB limit (raise it with --max-bytes)"
    small = tmp_path / "small.txt"
    small.write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(IngestError, match=r"over the 100 bytes limit"):
        list(read_path(small, max_bytes=100))
    assert [d.text for d in read_path(small, max_bytes=len(ARTICLE))] == [ARTICLE]


def test_missing_file(tmp_path):
    with pytest.raises(IngestError, match="no such file"):
        list(read_txt(tmp_path / "absent.txt"))


# ---------------------------------------------------------------- markdown

FRONT_MATTER_ARTICLE = """\
---
title: "Kestrel-2 moves to a new accelerator"
publisher: The Silicon Ledger
published: 2026-03-14
url: https://news.example.org/kestrel-2-accelerator
author: [Ada Quist, Bo Lindqvist]
tags: [models, chips]
updated: 2026-03-15 08:30:00
---
# Kestrel-2 moves to a new accelerator

Northwind Labs said **Kestrel-2** now runs on the [Falcon X9](https://example.org/x9) accelerator.

- The chip is built on a *3 nm* process.
- It uses `HBM3E` memory.
"""


def test_markdown_front_matter_fills_the_document(tmp_path):
    path = tmp_path / "kestrel.md"
    path.write_text(FRONT_MATTER_ARTICLE, encoding="utf-8")
    [doc] = read_markdown(path)
    assert doc.key == doc.url == "https://news.example.org/kestrel-2-accelerator"
    assert doc.source == str(path.resolve())
    assert doc.title == "Kestrel-2 moves to a new accelerator"
    assert doc.publisher == "The Silicon Ledger"
    assert doc.author == "Ada Quist, Bo Lindqvist"
    assert doc.published == "2026-03-14"
    assert doc.format == "markdown"
    assert doc.metadata == {"tags": ["models", "chips"], "updated": "2026-03-15T08:30:00"}
    json.dumps(doc.metadata)  # stays serialisable
    assert doc.text == (
        "Kestrel-2 moves to a new accelerator\n\n"
        "Northwind Labs said Kestrel-2 now runs on the Falcon X9 accelerator.\n\n"
        "The chip is built on a 3 nm process.\n"
        "It uses HBM3E memory.\n"
    )


@pytest.mark.parametrize(("line", "expected"), [
    ("date: 2025-11-02", "2025-11-02"),
    ("published: '2025-11'", "2025-11"),
    ("published: 2025", "2025"),
    ("date: March 2026", "2026-03"),
    ("date: 4 February 2026", "2026-02-04"),
    ("published: 2026-01-09T14:00:00+02:00", "2026-01-09"),
    ("published: sometime soon", None),
])
def test_markdown_front_matter_dates(line, expected):
    [doc] = parse_markdown(f"---\n{line}\n---\n{ARTICLE}", source="/x/a.md")
    assert doc.published == expected
    assert doc.key == "/x/a.md"
    if expected is None:
        assert doc.metadata["published_raw"] == "sometime soon"


def test_markdown_without_front_matter_takes_title_from_heading(tmp_path):
    path = tmp_path / "plain.markdown"
    path.write_text("Intro line.\n\n# The *first* heading\n\n" + ARTICLE, encoding="utf-8")
    [doc] = read_markdown(path)
    assert doc.title == "The first heading"
    assert doc.key == str(path.resolve())
    assert doc.metadata == {}


def test_markdown_bad_yaml_names_file_and_line(tmp_path):
    path = tmp_path / "broken.md"
    path.write_text("---\ntitle: fine\nurl: [not, closed\nauthor: x\n---\n" + ARTICLE, encoding="utf-8")
    with pytest.raises(IngestError) as excinfo:
        list(read_markdown(path))
    error = _error(excinfo)
    assert error.path == f"{path.resolve()}:4"  # the list opened on line 3 is still open there
    assert "front matter is not valid YAML" in error.reason


def test_markdown_bad_yaml_points_at_the_offending_line():
    with pytest.raises(IngestError) as excinfo:
        list(parse_markdown("---\ntitle: ok\npublisher: ok\n  bad: indentation: here\n---\nText.\n",
                            source="/m.md"))
    assert _error(excinfo).path == "/m.md:4"


@pytest.mark.parametrize(("text", "reason"), [
    ("---\ntitle: never closed\n" + ARTICLE, "never closed"),
    ("---\n- a\n- b\n---\n" + ARTICLE, "front matter must be a mapping"),
    ("---\ntitle: only metadata\n---\n\n", "no article text after the front matter"),
])
def test_markdown_front_matter_problems(text, reason):
    with pytest.raises(IngestError, match=reason):
        list(parse_markdown(text, source="/m.md"))


# ---------------------------------------------------------------- HTML

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Falcon X9 enters volume production | The Silicon Ledger</title>
<meta name="author" content="Ada Quist">
<meta property="og:site_name" content="The Silicon Ledger">
<meta property="article:published_time" content="2026-02-09T08:00:00Z">
<link rel="canonical" href="https://news.example.org/falcon-x9-volume">
</head><body>
<nav><ul><li><a href="/">Front page</a></li><li><a href="/chips">Chip desk</a></li>
<li><a href="/subscribe">Subscribe to our newsletter</a></li></ul></nav>
<article>
<h1>Falcon X9 enters volume production</h1>
<p>Orion Devices said the Falcon X9 accelerator entered volume production at a contract foundry this month,
after a pilot run that lasted most of the previous quarter.</p>
<p>Each package combines two compute dies with eight stacks of high-bandwidth memory, the company said,
and the first shipments are going to cloud operators that placed early orders.</p>
<p>Analysts at a research firm expect the added supply to shorten delivery times for large training clusters
through the second half of the year.</p>
</article>
<footer><p>Copyright The Silicon Ledger. Cookie preferences. Terms of use.</p></footer>
</body></html>
"""


def test_html_main_text_and_metadata(tmp_path):
    path = tmp_path / "falcon.html"
    path.write_text(PAGE, encoding="utf-8")
    [doc] = read_html(path)
    assert doc.format == "html"
    assert doc.key == doc.url == "https://news.example.org/falcon-x9-volume"
    assert doc.source == str(path.resolve())
    assert doc.title == "Falcon X9 enters volume production"
    assert doc.author == "Ada Quist"
    assert doc.publisher == "The Silicon Ledger"
    assert doc.published == "2026-02-09"
    assert "entered volume production at a contract foundry" in doc.text
    assert "second half of the year." in doc.text
    for boilerplate in ("Front page", "Subscribe to our newsletter", "Cookie preferences"):
        assert boilerplate not in doc.text


def test_html_without_canonical_url_is_keyed_by_path(tmp_path):
    path = tmp_path / "nourl.htm"
    path.write_text(PAGE.replace('<link rel="canonical" href="https://news.example.org/falcon-x9-volume">', ""),
                    encoding="utf-8")
    [doc] = read_path(path)
    assert doc.url is None
    assert doc.key == str(path.resolve())


def test_html_truncated_page_gives_what_is_there(tmp_path):
    cut = PAGE[:PAGE.index("Each package combines") + 40]
    path = tmp_path / "cut.html"
    path.write_text(cut, encoding="utf-8")
    [doc] = read_html(path)
    assert "entered volume production at a contract foundry" in doc.text
    assert "Analysts" not in doc.text


@pytest.mark.parametrize("markup", [
    "<html><head><title>Only a title</title><script>var a = 1;</script></head><body><div>",
    "<html><body><script>let x = 2;</script><style>p { color: red }</style>  </body></html>",
    "<html><body><!-- only a comment, never closed",
    "<html><body><img src='chip.png'></body></html>",
])
def test_html_without_article_text_is_an_ingest_error(markup):
    with pytest.raises(IngestError, match="no article text found"):
        list(parse_html(markup, source="/broken.html"))


def test_html_unclosed_tags_keep_their_text():
    markup = "<html><body><p>Wafer starts rose <b>sharply <i>in the <table><tr><td>second quarter"
    [doc] = parse_html(markup, source="/open.html")
    assert doc.text == "Wafer starts rose sharply in the second quarter"


def test_html_fragment_is_read():
    [doc] = parse_html("<p>Orion Devices opened a packaging plant in the spring.</p>", source="/f.html")
    assert doc.text == "Orion Devices opened a packaging plant in the spring."


def test_html_declared_legacy_charset(tmp_path):
    page = PAGE.replace('<meta charset="utf-8">', '<meta charset="windows-1252">').replace(
        "this month", "this month in Zürich \u2014 a première")
    path = tmp_path / "legacy.html"
    path.write_bytes(page.encode("cp1252"))
    [doc] = read_html(path)
    assert "this month in Zürich \u2014 a première" in doc.text


def test_html_reading_never_opens_a_connection(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the HTML reader tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    page = PAGE.replace("</head>", '<link rel="stylesheet" href="https://cdn.example.org/s.css">'
                                   '<script src="https://cdn.example.org/a.js"></script></head>')
    page = page.replace("<article>", '<article><img src="https://img.example.org/x9.jpg">')
    path = tmp_path / "remote.html"
    path.write_text(page, encoding="utf-8")
    [doc] = read_html(path)
    assert "volume production" in doc.text


# ---------------------------------------------------------------- PDF

PDF_INFO = b"<< /Title (Falcon X9 brief) /Author (Ada Quist) /CreationDate (D:20260214101500Z) >>"


def test_pdf_happy_path(tmp_path):
    path = tmp_path / "brief.pdf"
    path.write_bytes(_make_pdf(["Orion Devices designed the Falcon X9 accelerator.",
                                "A contract foundry makes it on a 3 nm process."], info=PDF_INFO))
    [doc] = read_pdf(path)
    assert doc.format == "pdf"
    assert doc.key == doc.source == str(path.resolve())
    assert doc.text == ("Orion Devices designed the Falcon X9 accelerator.\n"
                        "A contract foundry makes it on a 3 nm process.")
    assert doc.title == "Falcon X9 brief"
    assert doc.author == "Ada Quist"
    assert doc.published is None
    assert doc.metadata["pdf_created"] == "2026-02-14"
    assert doc.metadata["pages"] == 1


def test_pdf_with_cyclic_page_tree_is_an_ingest_error(tmp_path):
    path = tmp_path / "cycle.pdf"
    path.write_bytes(_make_pdf(["Some text."], kids=b"[2 0 R]"))  # the page tree contains itself
    start = time.monotonic()
    with pytest.raises(IngestError) as excinfo:
        list(read_pdf(path, timeout=10))
    assert time.monotonic() - start < 10
    assert "not a readable PDF" in _error(excinfo).reason


def test_pdf_extraction_that_runs_too_long_is_killed(tmp_path):
    path = tmp_path / "slow.pdf"
    # a small file that decompresses into hundreds of thousands of text operations
    path.write_bytes(_make_pdf(["chip"] * 300_000, compress=True))
    assert path.stat().st_size < 100_000
    start = time.monotonic()
    with pytest.raises(IngestError) as excinfo:
        list(read_pdf(path, timeout=0.5))
    assert time.monotonic() - start < 5
    assert _error(excinfo).reason.startswith("PDF text extraction did not finish within 0.5 s")


def test_pdf_extraction_over_the_memory_limit_is_stopped(tmp_path):
    path = tmp_path / "bomb.pdf"
    path.write_bytes(_make_pdf(["memory " * 50] * 200_000, compress=True))
    assert path.stat().st_size < 1_000_000
    with pytest.raises(IngestError, match=r"ran out of memory \(limit 128 MB\)"):
        list(read_pdf(path, memory_limit=128 * 1024 * 1024, timeout=30))


@pytest.mark.parametrize(("data", "reason"), [
    (b"This is plain text saved with a .pdf name.\n", "not a PDF"),
    (b"%PDF-1.7\n" + bytes(range(1, 256)) * 8, "not a readable PDF"),
    (_make_pdf(["Truncated text here."])[:200], "not a readable PDF"),
    (_make_pdf([]), "no text found in the PDF"),
])
def test_pdf_malformed(tmp_path, data, reason):
    path = tmp_path / "bad.pdf"
    path.write_bytes(data)
    with pytest.raises(IngestError, match=reason):
        list(read_pdf(path, timeout=10))


# ---------------------------------------------------------------- JSONL

def test_jsonl_good_and_bad_lines(tmp_path):
    rows = [
        json.dumps({"text": "Kestrel-2 was trained on licensed books.", "title": "Kestrel data",
                    "url": "https://news.example.org/kestrel-data", "published": "2026-01-20",
                    "author": "Bo Lindqvist", "publisher": "The Silicon Ledger", "lang": "en"}),
        "{not json at all",
        "",
        json.dumps({"content": "The X9 package holds eight memory stacks.", "date": "January 2026"}),
        json.dumps({"title": "no text here"}),
        json.dumps(["a", "list"]),
        json.dumps({"body": "A third article body.", "text": "   "}),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    items = list(read_jsonl(path))
    resolved = str(path.resolve())
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, IngestError)]
    assert [type(i).__name__ for i in items] == [
        "Document", "IngestError", "Document", "IngestError", "IngestError", "Document"]
    first, second, third = docs
    assert first.key == first.url == "https://news.example.org/kestrel-data"
    assert (first.title, first.published, first.author, first.publisher) == (
        "Kestrel data", "2026-01-20", "Bo Lindqvist", "The Silicon Ledger")
    assert first.metadata == {"lang": "en"}
    assert first.format == "jsonl" and first.source == resolved
    assert second.key == f"{resolved}#L4"
    assert second.text == "The X9 package holds eight memory stacks."
    assert second.published == "2026-01"
    assert third.text == "A third article body." and third.key == f"{resolved}#L7"
    assert [e.path for e in errors] == [f"{resolved}:2", f"{resolved}:5", f"{resolved}:6"]
    assert "not valid JSON" in errors[0].reason
    assert "no article text" in errors[1].reason
    assert "JSON object" in errors[2].reason


def test_jsonl_long_line_is_an_error_and_the_rest_is_read(tmp_path):
    path = tmp_path / "long.ndjson"
    lines = [json.dumps({"text": "x " * 500}), json.dumps({"text": "A short article."})]
    path.write_text("\n".join(lines), encoding="utf-8")
    items = list(read_path(path, max_bytes=300))
    assert isinstance(items[0], IngestError)
    assert items[0].path.endswith("long.ndjson:1")
    assert items[0].reason.startswith("line 1 is 1012 bytes, over the 300 bytes limit")
    assert isinstance(items[1], Document) and items[1].text == "A short article."


def test_jsonl_latin1_line_decodes(tmp_path):
    path = tmp_path / "legacy.jsonl"
    path.write_bytes('{"text": "Le modèle entraîné à Zürich."}\n'.encode("latin-1"))
    [doc] = read_jsonl(path)
    assert doc.text == "Le modèle entraîné à Zürich."


def test_jsonl_binary_file_is_refused(tmp_path):
    path = tmp_path / "data.jsonl"
    path.write_bytes(b"\x00\x01\x02{\"text\": 1}\n" * 3)
    with pytest.raises(IngestError, match="binary file, not a text article"):
        list(read_jsonl(path))


def test_parse_jsonl_from_text():
    items = list(parse_jsonl('{"text": "One."}\n\n{"text": "Two."}', source="/s.jsonl"))
    assert [(i.key, i.text) for i in items] == [("/s.jsonl#L1", "One."), ("/s.jsonl#L3", "Two.")]


# ---------------------------------------------------------------- dates

@pytest.mark.parametrize(("value", "expected"), [
    ("2026-03-14", "2026-03-14"),
    ("2026-3-4", "2026-03-04"),
    ("2026-03-14T23:59:59Z", "2026-03-14"),
    ("2026-03-14 10:00", "2026-03-14"),
    ("20260314", "2026-03-14"),
    ("2026-03", "2026-03"),
    ("2026", "2026"),
    (2026, "2026"),
    (datetime.date(2025, 12, 1), "2025-12-01"),
    (datetime.datetime(2025, 12, 1, 23, 0), "2025-12-01"),
    ("14 March 2026", "2026-03-14"),
    ("Mar 3, 2025", "2025-03-03"),
    ("March 2026", "2026-03"),
    ("2026-02-30", None),
    ("yesterday", None),
    ("", None),
    (None, None),
    (True, None),
    (12, None),
])
def test_normalise_date(value, expected):
    assert normalise_date(value) == expected


# ---------------------------------------------------------------- walking folders

def test_iter_documents_mixes_good_and_bad_files(tmp_path):
    root = tmp_path / "corpus"
    (root / "b_sub" / "deeper").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / ".git" / "HEAD.txt").write_text("ref: refs/heads/main\n")
    (root / ".hidden.txt").write_text(ARTICLE)
    (root / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "b_sub" / "c.md").write_text(FRONT_MATTER_ARTICLE, encoding="utf-8")
    (root / "b_sub" / "deeper" / "d.html").write_text(PAGE, encoding="utf-8")
    (root / "b_sub" / "deeper" / "e.pdf").write_bytes(_make_pdf(["Text inside a PDF file."]))
    (root / "f.jsonl").write_text(
        '{"text": "First line article."}\nnot json\n{"text": "Third line article."}\n', encoding="utf-8")
    # bad files, one error each
    (root / "g_binary.txt").write_bytes(b"\x00\x01binary\x00")
    (root / "h_empty.md").write_text("  \n")
    (root / "i_notes.xyz").write_text(ARTICLE)
    (root / "j_broken.md").write_text("---\ntitle: [unclosed\n---\nBody.\n")
    (root / "k_bad.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(1, 200)))

    items = list(iter_documents(root))
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, IngestError)]
    resolved = root.resolve()
    assert [d.source for d in docs] == [str(resolved / p) for p in (
        "a.txt", "b_sub/c.md", "b_sub/deeper/d.html", "b_sub/deeper/e.pdf", "f.jsonl", "f.jsonl")]
    assert [d.format for d in docs] == ["txt", "markdown", "html", "pdf", "jsonl", "jsonl"]
    assert docs[3].text == "Text inside a PDF file."
    assert [Path(e.path.split(":")[0]).name for e in errors] == [
        "f.jsonl", "g_binary.txt", "h_empty.md", "i_notes.xyz", "j_broken.md", "k_bad.pdf"]
    assert errors[0].path == f"{resolved / 'f.jsonl'}:2"
    assert errors[1].reason == "binary file, not a text article"
    assert errors[2].reason == "empty file"
    assert errors[3].reason.startswith("unsupported file type '.xyz' (supported: ")
    assert "not valid YAML" in errors[4].reason
    assert "not a readable PDF" in errors[5].reason
    assert not any(".git" in d.source or ".hidden" in d.source for d in docs)


def test_iter_documents_takes_files_folders_and_missing_paths(tmp_path):
    (tmp_path / "one.txt").write_text(ARTICLE, encoding="utf-8")
    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "two.md").write_text("# Two\n\nSecond article body.\n", encoding="utf-8")
    items = list(iter_documents([tmp_path / "one.txt", str(folder), tmp_path / "nowhere"]))
    assert [type(i).__name__ for i in items] == ["Document", "Document", "IngestError"]
    assert items[2].reason == "no such file or folder"
    assert [d.text for d in iter_documents(str(tmp_path / "one.txt"))] == [ARTICLE]


def test_iter_documents_survives_a_symlink_loop(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    docs = list(iter_documents(tmp_path))
    assert [d.text for d in docs] == [ARTICLE]


def test_iter_documents_applies_max_bytes(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    [error] = iter_documents(tmp_path, max_bytes=10)
    assert isinstance(error, IngestError)
    assert "over the 10 bytes limit" in error.reason


def test_read_path_on_a_folder_points_to_iter_documents(tmp_path):
    with pytest.raises(IngestError, match="is a folder, not a file"):
        read_path(tmp_path)


def test_oversize_stream_is_refused():
    with pytest.raises(IngestError, match=r"file is over the 100 bytes limit \(raise it with --max-bytes\)"):
        list(read_path(io.BytesIO(b"chip " * 100), format=Format.TXT, max_bytes=100))


def test_jsonl_lone_surrogate_escape_becomes_a_replacement_character(tmp_path):
    path = tmp_path / "sur.jsonl"
    path.write_text('{"text": "TSMC makes the \\ud800 chip."}\n{"text": "SMIC makes chips."}\n', encoding="utf-8")
    docs = list(read_jsonl(path))
    assert [d.text for d in docs] == ["TSMC makes the \ufffd chip.", "SMIC makes chips."]
    docs[0].text.encode("utf-8")  # storable as UTF-8
