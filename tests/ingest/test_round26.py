"""Round twenty-six of the extractor (session 24): "neither ... nor", a maker the copula denies, licences
said without a name, and the false readings of the blind sets heldout129-133, in sentences written for these
tests."""

from __future__ import annotations

import pytest

from tests.conftest import related, relations_of

pytestmark = pytest.mark.slow


# --- "neither ... nor" ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, subject, predicate, obj", [
    ("Orion Labs said its Llama 3 build neither beats nor matches GPT-4o on coding tasks.",
     "Llama 3", "comparedTo", "GPT-4o"),
    ("Llama 3 neither ran on the H100 nor on the A100.", "Llama 3", "runsOn", "NVIDIA H100"),
    ("Llama 3 neither ran on the H100 nor on the A100.", "Llama 3", "runsOn", "NVIDIA A100"),
])
def test_neither_nor_denies_each_part(extract_text, text, subject, predicate, obj):
    rels = relations_of(extract_text(text, published="2025-03-01"))
    assert (obj, "negated") in related(rels, subject, predicate)
    assert (obj, "asserted") not in related(rels, subject, predicate)


def test_a_clause_nor_brings_in_is_denied(extract_text):
    text = "Meta trained Llama 3 on the H100 and did not buy the A100, nor did it run Llama 3 on the A100."
    rels = relations_of(extract_text(text, published="2025-03-01"))
    assert ("NVIDIA A100", "asserted") not in related(rels, "Llama 3", "runsOn")
    assert ("NVIDIA A100", "asserted") not in related(rels, "Meta", "usesHardware")
    assert ("NVIDIA H100", "asserted") in related(rels, "Llama 3", "trainedOn")


@pytest.mark.parametrize("text", [
    "Meta neither confirmed nor denied that Llama 3 was trained on the H100.",
    "Meta did not confirm or deny that Llama 3 was trained on the H100.",
])
def test_neither_confirmed_nor_denied_leaves_the_matter_open(extract_text, text):
    rels = relations_of(extract_text(text, published="2025-03-01"))
    assert related(rels, "Llama 3", "trainedOn") == {("NVIDIA H100", "hedged")}


def test_a_plain_denial_still_denies(extract_text):
    rels = relations_of(extract_text("Meta denied that Llama 3 was trained on the H100.", published="2025-03-01"))
    assert related(rels, "Llama 3", "trainedOn") == {("NVIDIA H100", "negated")}


def test_an_aside_after_an_inverted_neither_is_a_fact(extract_text):
    text = ("Nvidia is not among the named investors; neither is Microsoft, the largest backer of OpenAI.")
    rels = relations_of(extract_text(text, published="2025-03-01"))
    assert ("Microsoft", "asserted") in related(rels, "OpenAI", "fundedBy")


def test_an_inverted_nor_denies_past_an_aside(extract_text):
    rels = relations_of(extract_text("Nor is Phi-2, a Microsoft model, a derivative of Llama 2.",
                                     published="2025-03-01"))
    assert related(rels, "Phi-2", "variantOf") == {("Llama 2", "negated")}


# --- a maker the copula denies ---------------------------------------------------------------------------------

def test_not_a_makers_product_denies_the_maker_the_gazetteer_knows(extract_text):
    rels = relations_of(extract_text("Baltra is not an Apple product, the company said.", published="2025-03-01"))
    assert ("Apple", "asserted") not in related(rels, "Apple Baltra", "designedBy")
    assert ("Apple", "negated") in related(rels, "Apple Baltra", "designedBy")


def test_not_a_foundrys_part_denies_the_making(extract_text):
    rels = relations_of(extract_text("The Kirin 9000S is not a TSMC part.", published="2024-03-01"))
    assert ("TSMC", "negated") in related(rels, "Kirin 9000S", "fabbedBy")
    assert not related(rels, "Kirin 9000S", "designedBy")


def test_a_makers_product_stated_plainly_stays(extract_text):
    rels = relations_of(extract_text("Gaudi 3 is an Intel product.", published="2025-03-01"))
    assert related(rels, "Intel Gaudi 3", "designedBy") == {("Intel", "asserted")}


# --- a licence said without its name --------------------------------------------------------------------------

def test_its_own_licence_is_not_a_licence_named_for_another_model(extract_text):
    text = "Mistral released Mixtral 8x7B under Apache 2.0 and Meta released Llama 3 under its own licence."
    rels = relations_of(extract_text(text, published="2024-06-01"))
    assert ("Apache License 2.0", "asserted") in related(rels, "Mixtral 8x7B", "licensedUnder")
    assert not related(rels, "Llama 3", "licensedUnder")


def test_a_custom_licence_is_not_the_one_the_next_clause_names(extract_text):
    text = "Meta put Llama 3 under a custom licence, while Mistral chose Apache 2.0 for Mixtral 8x7B."
    rels = relations_of(extract_text(text, published="2024-06-01"))
    assert not related(rels, "Llama 3", "licensedUnder")


def test_a_named_licence_noun_still_counts(extract_text):
    rels = relations_of(extract_text("Llama 3 is available under the Apache 2.0 licence.", published="2024-06-01"))
    assert ("Apache License 2.0", "asserted") in related(rels, "Llama 3", "licensedUnder")
