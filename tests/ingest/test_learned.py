"""The learned second reading of relations (ingest/extractors/learned.py), its training script, and the
modality guards it leans on, in sentences written for these tests."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

import ingest.extractors.relations as relations_module
from ingest.extractors.learned import SIGNATURES, governing_word, load_weights, pair_features, score
from tests.conftest import relations_of

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import train_relation_model  # noqa: E402


def _asserting(rels, subj, pred, obj):
    return any(r[:3] == (subj, pred, obj) and r[3] in {"asserted", "hedged"} for r in rels)


# ---------------------------------------------------------------- the shipped model
def test_the_shipped_model_covers_only_known_predicates_and_leaves_trap_prone_ones_to_the_rules():
    weights = load_weights()
    assert weights, "ingest/extractors/relation_weights.json is missing from the package"
    assert set(weights) <= set(SIGNATURES)
    assert not set(weights) & train_relation_model.TRAP_PRONE
    for pred, model in weights.items():
        assert 0.0 < model["threshold"] < 1.0, pred
        assert model["weights"], pred


def test_score_is_a_probability_and_rises_with_a_positive_feature():
    model = {"usesHardware": {"bias": -1.0, "threshold": 0.5, "weights": {"trig=use": 3.0}}}
    low = score("usesHardware", ["cls=Lab>Chip"], model)
    high = score("usesHardware", ["cls=Lab>Chip", "trig=use"], model)
    assert 0.0 < low < 0.5 < high < 1.0
    assert score("fabbedBy", ["trig=fab"], model) is None


@pytest.mark.slow
def test_pair_features_read_the_path_between_two_names(extractor):
    doc = extractor.nlp("Last year the company bought thousands of chips from Cerebras for its new cluster.")
    a = next(t for t in doc if t.lower_ == "company")
    b = next(t for t in doc if t.text == "Cerebras")
    assert governing_word(a, b).lower_ == "bought"
    feats = pair_features(a, b, "Lab", "ChipDesigner", False, False)
    assert "cls=Lab>ChipDesigner" in feats and "order=ab" in feats
    assert "lca=bought" in feats and "trig=use" in feats  # "bought" is one of the rules' hardware-use words
    assert any(f.startswith("path=nsubj|bought|") for f in feats)


# ---------------------------------------------------------------- the reading inside the extractor
@pytest.fixture
def lab_chip_model(monkeypatch):
    """A tiny model that reads every lab-and-chip pair as hardware use (to test the mechanism, not the model)."""
    model = {"usesHardware": {"bias": 4.0, "threshold": 0.5, "weights": {}}}
    monkeypatch.setattr(relations_module, "load_weights", lambda: model)
    return model


@pytest.mark.slow
def test_a_learned_claim_carries_its_own_extractor_name_and_the_sentence_modality(extract_text, lab_chip_model):
    ext = extract_text("Mistral AI filled its new data centre with Nvidia H200 accelerators.")
    learned = [c for c in ext.claims if c.extractor == "kg.relations.learned.v1"]
    assert [(c.subject, c.predicate, c.object, c.modality) for c in learned] == \
        [("Mistral AI", "usesHardware", "NVIDIA H200", "asserted")]
    ext = extract_text("If the export licence arrives, Mistral AI could fill its data centre with Nvidia H200 chips.")
    assert ("Mistral AI", "usesHardware", "NVIDIA H200", "hypothetical") in relations_of(ext)


@pytest.mark.slow
def test_no_learned_claim_when_the_article_reads_the_pair_two_ways(extract_text, lab_chip_model):
    rels = relations_of(extract_text(
        "Mistral AI filled its new data centre with Nvidia H200 accelerators. Its next data centre will hold "
        "no Nvidia H200 at all, the company said."))
    assert not _asserting(rels, "Mistral AI", "usesHardware", "NVIDIA H200")


@pytest.mark.slow
def test_the_learned_reading_can_be_switched_off(extractor, extract_text, lab_chip_model):
    text = "Mistral AI filled its new data centre with Nvidia H200 accelerators."
    extractor.relations.learned = False
    try:
        assert not any(c.extractor == "kg.relations.learned.v1" for c in extract_text(text).claims)
    finally:
        extractor.relations.learned = True
    assert any(c.extractor == "kg.relations.learned.v1" for c in extract_text(text).claims)


@pytest.mark.slow
def test_kg_extract_rules_only_and_kg_learned_0_leave_the_learned_reading_out(runner, tmp_path, monkeypatch,
                                                                              lab_chip_model):
    from kg.cli import main

    article = tmp_path / "cluster.md"
    article.write_text("---\ntitle: A cluster\npublished: 2025-03-01\n---\n"
                       "Mistral AI filled its new data centre with Nvidia H200 accelerators.\n")

    def extractors(*args):
        result = runner.invoke(main, ["extract", str(article), *args])
        assert result.exit_code == 0, result.output
        return [json.loads(line).get("extractor") for line in result.output.splitlines() if line.strip()]

    assert "kg.relations.learned.v1" in extractors()
    assert "kg.relations.learned.v1" not in extractors("--rules-only")
    monkeypatch.setenv("KG_LEARNED", "0")
    assert "kg.relations.learned.v1" not in extractors()


@pytest.mark.slow
def test_what_is_said_of_a_name_in_between_is_not_said_of_the_first(extract_text, monkeypatch):
    model = {"fabbedBy": {"bias": 4.0, "threshold": 0.5, "weights": {}}}  # every chip-and-company pair
    monkeypatch.setattr(relations_module, "load_weights", lambda: model)
    rels = relations_of(extract_text(
        "Intel's Sapphire Rapids still trails AMD's Epyc processors, which are built on TSMC's 5-nanometre "
        "process, on core count."))
    assert not any(r[0] == "Intel Xeon Sapphire Rapids" and r[1:3] == ("fabbedBy", "TSMC") for r in rels)


@pytest.mark.slow
def test_a_possessor_of_another_name_is_not_read_as_its_user(extract_text, lab_chip_model):
    rels = relations_of(extract_text("FuriosaAI says RNGD serves Meta's Llama models at a low cost per token."))
    assert not any(r[0] == "Meta" and r[1] == "usesHardware" for r in rels)
    rels = relations_of(extract_text("If a future Zhipu AI model trains on Ascend 910C clusters, analysts would "
                                     "be surprised."))
    assert not any(r[0] == "Zhipu AI" and r[1] == "usesHardware" for r in rels)


# ---------------------------------------------------------------- modality guards (rules and model alike)
@pytest.mark.slow
def test_memory_set_aside_by_rather_than_is_not_carried(extract_text):
    rels = relations_of(extract_text(
        "Cambricon's MLU370 pairs its compute dies with LPDDR5 memory rather than the stacked HBM that "
        "Nvidia's flagship parts carry."))
    assert not _asserting(rels, "Cambricon MLU370", "usesMemory", "HBM")


@pytest.mark.slow
def test_no_before_a_memory_denies_it(extract_text):
    rels = relations_of(extract_text("Tesla's D1 die carries no HBM; each of its training nodes has its own SRAM."))
    assert not _asserting(rels, "Tesla D1", "usesMemory", "HBM")


@pytest.mark.slow
def test_barred_from_buying_is_no_purchase(extract_text):
    rels = relations_of(extract_text(
        "Since 2022 Zhipu AI has been barred by US export rules from buying Nvidia H100 chips."))
    assert not _asserting(rels, "Zhipu AI", "usesHardware", "NVIDIA H100")


@pytest.mark.slow
def test_a_condition_hung_on_the_verb_makes_the_clause_hypothetical_but_even_if_concedes(extract_text):
    rels = relations_of(extract_text(
        "An analyst said that if Washington grants the licences, G42 could buy Nvidia H100 chips."))
    assert ("G42", "usesHardware", "NVIDIA H100", "hypothetical") in rels
    rels = relations_of(extract_text("Even if Washington objects, G42 uses Nvidia H100 chips."))
    assert ("G42", "usesHardware", "NVIDIA H100", "asserted") in rels


# ---------------------------------------------------------------- the training script
def _pairs_file(path: Path) -> Path:
    """Pairs where one feature decides usesHardware, with too few positives for runsOn."""
    rows = []
    for n in range(40):
        for k in range(6):
            positive = k < 2
            rows.append({"set": f"s{n % 8}", "article": f"a{n}", "subject": f"Lab{k}", "predicate": "usesHardware",
                         "object": "Chip", "label": positive, "in_evidence": True,
                         "features": ["cls=Lab>Chip", "trig=use" if positive else "trig=none"]})
        rows.append({"set": f"s{n % 8}", "article": f"a{n}", "subject": "M", "predicate": "runsOn",
                     "object": "Chip", "label": n == 0, "in_evidence": True, "features": ["cls=AIModel>Chip"]})
        rows.append({"set": f"s{n % 8}", "article": f"a{n}", "subject": "Lab0", "predicate": "fundedBy",
                     "object": "Fund", "label": True, "in_evidence": True, "features": ["trig=invest"]})
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def test_training_learns_a_deciding_feature_and_sets_a_threshold(tmp_path):
    pytest.importorskip("sklearn")
    model = train_relation_model.train(_pairs_file(tmp_path / "pairs.jsonl"), precision=0.9, c=1.0,
                                       min_positives=15, skip=train_relation_model.TRAP_PRONE)
    assert set(model) == {"usesHardware"}  # runsOn: too few positives; fundedBy: trap-prone, skipped
    uses = model["usesHardware"]
    assert uses["weights"]["trig=use"] > 0 > uses["weights"]["trig=none"]
    assert score("usesHardware", ["cls=Lab>Chip", "trig=use"], model) >= uses["threshold"]
    assert score("usesHardware", ["cls=Lab>Chip", "trig=none"], model) < uses["threshold"]


def test_evidence_decides_whether_a_positive_pair_teaches(tmp_path):
    says = train_relation_model._says
    assert says("Meta trained Llama 3 ... on 24,576 H100s", "Meta trained Llama 3, its new model, on 24,576 H100s.")
    assert not says("Meta trained Llama 3 on H100s", "Meta also sells ads.")
    assert says(None, "anything")
