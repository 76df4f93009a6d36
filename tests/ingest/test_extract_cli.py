"""``kg extract``: JSON Lines in the scorer's shape, rich tables, per-file errors."""

from __future__ import annotations

import json

import pytest

from kg.cli import main
from tests.conftest import relations_of

pytestmark = pytest.mark.slow

ARTICLE = """---
title: A test article
published: 2026-03-02
---
Huawei's Ascend 950PR launched in the first quarter of 2026 with 128 GB of HiBL 1.0 memory.
The chip is manufactured by SMIC, according to TechInsights, and it was not made by TSMC.
"""


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "chips.md"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_jsonl_shape(runner, article):
    result = runner.invoke(main, ["extract", str(article), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert rows[0]["kind"] == "meta" and rows[0]["document"] == "chips.md" and rows[0]["published"] == "2026-03-02"
    kinds = {r["kind"] for r in rows}
    assert {"meta", "entity", "relation", "attribute"} <= kinds
    entity = next(r for r in rows if r["kind"] == "entity" and r["label"] == "Ascend 950PR")
    assert entity["class"] == "Chip" and "iri" in entity
    rel = {(r["subject"], r["predicate"], r["object"], r["modality"]) for r in rows if r["kind"] == "relation"}
    assert ("Ascend 950PR", "releasedOn", "2026-Q1", "asserted") in rel
    assert ("Ascend 950PR", "fabbedBy", "SMIC", "asserted") in rel
    assert ("Ascend 950PR", "fabbedBy", "TSMC", "negated") in rel
    for r in rows:
        if r["kind"] == "relation":
            assert {"attributed_to", "sentence", "start", "end", "confidence"} <= set(r)
    attr = next(r for r in rows if r["kind"] == "attribute")
    assert attr["predicate"] == "memoryCapacityGB" and attr["value"] == 128.0


def test_table(runner, article):
    result = runner.invoke(main, ["extract", str(article), "--format", "table"])
    assert result.exit_code == 0, result.output
    assert "Relations" in result.output and "fabbedBy" in result.output


def test_bad_file_is_reported_and_the_rest_extracted(runner, article, tmp_path):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.7 not really")
    result = runner.invoke(main, ["extract", str(article), str(bad)])
    assert result.exit_code == 1
    assert "broken.pdf" in result.output
    assert '"kind": "meta"' in result.output


def test_two_workers_give_the_same_rows(runner, article, tmp_path):
    second = tmp_path / "second.md"
    second.write_text(ARTICLE.replace("SMIC", "Samsung Foundry"), encoding="utf-8")
    one = runner.invoke(main, ["extract", str(article), str(second), "--workers", "1"])
    two = runner.invoke(main, ["extract", str(article), str(second), "--workers", "2"])
    assert one.exit_code == 0 and two.exit_code == 0, two.output
    assert one.output == two.output


def test_output_does_not_depend_on_the_hash_seed(tmp_path):
    """Two runs with different string hashing give the same rows in the same order (reproducible builds)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    articles = Path(__file__).resolve().parents[2] / "examples" / "articles"
    kg = Path(sys.executable).with_name("kg")
    outputs = []
    for seed in ("1", "5", "9"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        done = subprocess.run([str(kg), "extract", str(articles)], capture_output=True,
                              text=True, env=env, timeout=600, check=True)
        outputs.append(done.stdout)
    assert outputs[0] and outputs[0] == outputs[1] == outputs[2]


def test_a_documents_extraction_does_not_depend_on_the_documents_read_before(extract_text):
    text = ("Anthropic raised $3.5 billion on Monday. Bessemer Venture Partners, Cisco Investments, D1 Capital "
            "Partners, Fidelity Management & Research Company, General Catalyst, Jane Street and Salesforce "
            "Ventures also took part.")
    before = relations_of(extract_text(text, published="2025-03-04"))
    for other in ("Fidelity led the round; D1 and Bessemer joined.", "The AX4 chip and the D1 chip are built by "
                  "Samsung.", "Jane Street and General Catalyst invested in Cisco."):
        extract_text(other, published="2025-03-04")
    assert relations_of(extract_text(text, published="2025-03-04")) == before
