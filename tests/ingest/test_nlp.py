"""Choosing the spaCy pipeline: explicit name, environment, fallbacks, degraded blank pipeline."""

from __future__ import annotations

import pytest

from ingest import nlp as nlp_module
from ingest.pipeline import Extractor
from kg import Document, ExtractionError


def test_unknown_explicit_model_is_a_clear_error():
    with pytest.raises(ExtractionError, match="no_such_pipeline_xyz"):
        nlp_module.load_pipeline("no_such_pipeline_xyz")


def test_environment_variable_is_used(monkeypatch):
    monkeypatch.setenv(nlp_module.ENV_VAR, "another_missing_pipeline")
    with pytest.raises(ExtractionError, match="another_missing_pipeline"):
        nlp_module.load_pipeline()


def test_degraded_blank_pipeline_still_finds_gazetteer_entities(monkeypatch, capsys):
    monkeypatch.delenv(nlp_module.ENV_VAR, raising=False)
    monkeypatch.setattr(nlp_module, "FALLBACKS", ("missing_one", "missing_two"))
    with pytest.warns(RuntimeWarning, match="blank pipeline"):
        loaded = nlp_module.load_pipeline()
    assert loaded.degraded and loaded.name == "blank:en"
    assert "WARNING" in capsys.readouterr().err
    assert loaded.nlp.pipe_names[0] == "kg_entity_ruler"
    extractor = Extractor(loaded)
    ex = extractor.extract(Document(key="d", text="Huawei sells the Ascend 910C. TSMC is big.", source="d.txt"))
    assert ex.degraded is True
    assert {"Huawei", "Ascend 910C", "TSMC"} <= {e.label for e in ex.entities}


@pytest.mark.slow
def test_default_is_the_pinned_package(monkeypatch):
    monkeypatch.delenv(nlp_module.ENV_VAR, raising=False)
    loaded = nlp_module.load_pipeline()
    assert not loaded.degraded
    assert "core_web_sm" in loaded.name
    names = loaded.nlp.pipe_names
    assert names.index("kg_entity_ruler") < names.index("ner")


def test_a_unit_per_second_ends_its_sentence(extractor):
    doc = extractor.nlp("The H200 has 141 GB at 4.8 TB/s. AMD's Instinct MI300X packs 192 GB of HBM3.")
    assert [s.text for s in doc.sents] == ["The H200 has 141 GB at 4.8 TB/s.",
                                           "AMD's Instinct MI300X packs 192 GB of HBM3."]


@pytest.mark.parametrize("module", ["ingest.extractors.lexicon", "ingest.extractors.ruler", "ingest.extractors.coref"])
def test_each_extractor_module_imports_on_its_own(module):
    """No import cycle bites whoever imports one rule module first (a script, a notebook, a plugin)."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", f"import {module}"], cwd=root, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
