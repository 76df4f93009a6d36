"""`kg extract` over a folder of bad files: each is reported with its reason, the rest extracted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.cli import main

pytestmark = pytest.mark.slow

from tests.ingest.test_readers import _make_pdf  # noqa: E402  (the reader tests' hand-built PDFs)

GOOD = """---
title: "Good article"
published: 2026-05-02
---
Huawei designs the Ascend 910C. TSMC did not manufacture the Ascend 950PR, according to the company.
"""


def test_bad_files_are_reported_and_the_rest_extracted(runner, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.md").write_text(GOOD, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"   \n")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "cycle.pdf").write_bytes(_make_pdf(["Some text."], kids=b"[2 0 R]"))
    (folder / "truncated.html").write_text(
        "<html><head><title>Cut short</title></head><body><article><p>SK hynix supplies the HBM3E "
        "memory on the NVIDIA H200, the company said.</p><p>The report was cut", encoding="utf-8")
    (folder / "mixed.txt").write_bytes("Samsung’s HBM3E — shipped in 2025 — ".encode("utf-8")
                                       + "and the café’s Wi-Fi".encode("cp1252") + b". SMIC makes chips.")
    result = runner.invoke(main, ["extract", str(folder), "--format", "jsonl"])
    assert result.exit_code != 0
    stderr = result.stderr if hasattr(result, "stderr") else result.output
    for name, reason in (("empty.txt", "empty"), ("binary.txt", "binary"), ("cycle.pdf", "PDF")):
        assert any(name in line and reason in line for line in stderr.splitlines()), (name, stderr)
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    documents = {Path(r["document"]).name for r in rows if r["kind"] == "meta"}
    assert documents == {"good.md", "truncated.html", "mixed.txt"}
    relations = {(r["subject"], r["predicate"], r["object"], r["modality"]) for r in rows if r["kind"] == "relation"}
    assert ("Ascend 910C", "designedBy", "Huawei", "asserted") in relations
    assert ("NVIDIA H200", "memorySuppliedBy", "SK hynix", "asserted") in relations
