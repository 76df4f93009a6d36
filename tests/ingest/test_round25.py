"""Round twenty-five of the extractor (session 23): names written with a "+" sign, models measured on
hardware, and the false readings of the blind sets heldout124-128, in sentences written for these tests."""

from __future__ import annotations

import pytest

from ingest.extractors.entities import Gazetteer
from tests.conftest import relations_of

pytestmark = pytest.mark.slow


def _of(rels, subj, pred):
    return {(r[2], r[3]) for r in rels if r[0] == subj and r[1] == pred}


def _objects(rels, subj, pred):
    return {o for o, _m in _of(rels, subj, pred)}


# --- names written with a sign ---------------------------------------------------------------------------------

def test_a_plus_sign_names_another_model_than_the_name_without_it():
    gaz = Gazetteer([
        {"label": "Command R", "class": "AIModel", "aliases": ["Command-R"]},
        {"label": "Command R+", "class": "AIModel", "aliases": ["Command R Plus"]},
    ])
    assert gaz.lookup("Command R+").label == "Command R+"
    assert gaz.lookup("Command R Plus").label == "Command R+"
    assert gaz.lookup("Command-R").label == "Command R"


def test_a_plus_sign_in_an_article_keeps_the_larger_model(extract_text):
    text = "Cohere released Command R+ in April, a month after Command R."
    rels = relations_of(extract_text(text, published="2024-05-02"))
    assert ("2024-04", "asserted") in _of(rels, "Command R+", "releasedOn")
    assert not _of(rels, "Command R", "releasedOn") & {("2024-04", "asserted")}


# --- a model measured on hardware ran on it --------------------------------------------------------------------

@pytest.mark.parametrize("text, model, chip, modality", [
    ("Mistral says Mistral Large 2 generates more than 1,100 tokens per second on the Cerebras CS-3.",
     "Mistral Large 2", "Cerebras CS-3", "asserted"),
    ("DeepSeek published DeepSeek-V2 in May. On a single server with eight H800s, the paper says, DeepSeek-V2 "
     "produces more than 50,000 tokens per second.", "DeepSeek-V2", "NVIDIA H800", "asserted"),
    ("DeepSeek-R1 did not reach 3,000 tokens per second on the H20.", "DeepSeek-R1", "NVIDIA H20", "negated"),
    ("If DeepSeek-R1 produced 3,000 tokens per second on the H20, the chip would sell.", "DeepSeek-R1",
     "NVIDIA H20", "hypothetical"),
])
def test_a_model_measured_on_hardware_runs_on_it(extract_text, text, model, chip, modality):
    rels = relations_of(extract_text(text, published="2025-06-01"))
    assert (chip, modality) in _of(rels, model, "runsOn")


def test_a_result_on_a_model_is_no_result_of_the_model_elsewhere(extract_text):
    text = "DeepSeek-V3 generates 20 tokens per second, Nvidia said on a call about the H20."
    rels = relations_of(extract_text(text, published="2025-06-01"))
    assert "NVIDIA H20" not in _objects(rels, "DeepSeek-V3", "runsOn")


# --- a round named by its owner's possessive -------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Mistral AI's Series B, led by General Catalyst, closed in June 2024.",
    "Mistral AI's Series B in June 2024, led by General Catalyst, raised 600 million euros.",
])
def test_a_round_its_owner_names_closes_for_the_owner(extract_text, text):
    rels = relations_of(extract_text(text, published="2024-07-01"))
    assert ("2024-06", "asserted") in _of(rels, "Mistral AI", "fundedIn")
    assert "General Catalyst" in _objects(rels, "Mistral AI", "fundedBy")
