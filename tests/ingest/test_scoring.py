"""``ingest.scoring`` (``kg eval``) gives the same figures as the reference scorer on a pair written here."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ingest.scoring import score_article, score_paths

REFERENCE = Path("/work/shared/eval/score.py")

GOLD = [
    {"kind": "meta", "document": "a.txt", "published": "2026-01-05"},
    {"kind": "entity", "id": "Ascend 910B", "class": "Chip", "aliases": ["910B", "Huawei Ascend 910B"]},
    {"kind": "entity", "id": "TSMC", "class": "Organization", "aliases": ["Taiwan Semiconductor Manufacturing Co."]},
    {"kind": "entity", "id": "SMIC", "class": "Organization", "aliases": []},
    {"kind": "entity", "id": "Samsung", "class": "Organization", "aliases": ["Samsung Electronics"]},
    {"kind": "entity", "id": "Huawei", "class": "Organization", "aliases": []},
    {"kind": "relation", "subject": "Ascend 910B", "predicate": "fabbedBy", "object": "TSMC", "modality": "asserted"},
    {"kind": "relation", "subject": "Ascend 910B", "predicate": "fabbedBy", "object": "SMIC", "modality": "negated"},
    {"kind": "relation", "subject": "Ascend 910B", "predicate": "designedBy", "object": "Huawei",
     "modality": ["asserted", "hedged"]},
    {"kind": "relation", "subject": "Ascend 910B", "predicate": "releasedOn", "object": ["2023", "2023-10"],
     "modality": "asserted"},
    {"kind": "trap", "subject": "*", "predicate": "fabbedBy", "object": ["Samsung"], "why": "memory vendor"},
    {"kind": "attribute", "subject": "Ascend 910B", "predicate": "memoryCapacityGB", "value": 64},
]
PRED = [
    {"kind": "entity", "label": "Huawei Ascend 910B", "aliases": ["910B"], "class": "Chip"},
    {"kind": "relation", "subject": "Huawei Ascend 910B", "predicate": "fabbedBy", "object": "tsmc", "modality": "asserted"},
    {"kind": "relation", "subject": "910B", "predicate": "fabbedBy", "object": "TSMC", "modality": "hedged"},  # duplicate
    {"kind": "relation", "subject": "910B", "predicate": "fabbedBy", "object": "SMIC", "modality": "asserted"},  # false
    {"kind": "relation", "subject": "910B", "predicate": "fabbedBy", "object": "Samsung Electronics", "modality": "hedged"},
    {"kind": "relation", "subject": "910B", "predicate": "designedBy", "object": "Huawei", "modality": "hedged"},
    {"kind": "relation", "subject": "910B", "predicate": "releasedOn", "object": "2023-10", "modality": "hedged"},
    {"kind": "relation", "subject": "910B", "predicate": "usesMemory", "object": "HBM2e", "modality": "asserted"},
    {"kind": "attribute", "subject": "910B", "predicate": "memoryCapacityGB", "value": 64.5},
]


def test_counts_by_hand():
    result = score_article(GOLD, PRED)
    assert result.gold == 4
    assert result.predicted == 6  # the duplicate TSMC triple counts once
    assert result.lenient_tp == 4
    assert result.strict_tp == 2  # TSMC asserted, Huawei hedged
    assert result.false_assertions == 2  # SMIC (gold negated) and the Samsung trap
    assert result.attributes_hit == 1


@pytest.mark.skipif(not REFERENCE.exists(), reason="the reference scorer is not on this machine")
def test_same_figures_as_the_reference_scorer(tmp_path, runner):
    gold_dir, pred_dir = tmp_path / "gold", tmp_path / "pred"
    gold_dir.mkdir()
    pred_dir.mkdir()
    (gold_dir / "a.gold.jsonl").write_text("\n".join(json.dumps(r) for r in GOLD) + "\n", encoding="utf-8")
    (pred_dir / "a.jsonl").write_text("\n".join(json.dumps(r) for r in PRED) + "\n", encoding="utf-8")
    (gold_dir / "b.gold.jsonl").write_text(json.dumps(GOLD[6]) + "\n", encoding="utf-8")  # no prediction file
    out = subprocess.run([sys.executable, str(REFERENCE), str(gold_dir), str(pred_dir), "--json"],
                         capture_output=True, text=True, check=True).stdout
    reference = json.loads(out.strip().splitlines()[-1])
    total, _per = score_paths(gold_dir, pred_dir)
    assert total.figures() == reference

    from kg.cli import main

    result = runner.invoke(main, ["eval", str(gold_dir), str(pred_dir), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output.strip().splitlines()[-1]) == reference
    assert "FALSE ASSERTION" in result.output


def test_eval_rejects_a_folder_without_gold(tmp_path, runner):
    from kg.cli import main

    result = runner.invoke(main, ["eval", str(tmp_path), str(tmp_path)])
    assert result.exit_code != 0
    assert "gold" in result.output
