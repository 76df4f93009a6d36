"""Round nine of the extractor (session 7): constructions found missing or misread on unseen text, in
sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.conftest import relations_of

pytestmark = pytest.mark.slow


def test_the_first_name_of_a_list_the_parser_reads_as_an_adverb_is_a_subject_too(extract_text):
    rels = relations_of(extract_text("Baidu, Alibaba and Tencent were among the biggest buyers of the H800 this "
                                     "year, according to analysts."))
    for buyer in ("Baidu", "Alibaba", "Tencent"):
        assert any(r[:3] == (buyer, "usesHardware", "NVIDIA H800") and r[3] == "asserted" for r in rels), buyer


def test_a_list_of_names_read_as_an_apposition_is_coordinated(extract_text):
    ext = extract_text("Sequoia Capital, Lightspeed Venture Partners, Index Ventures and General Catalyst "
                       "joined the round in Mistral AI.")
    rels = relations_of(ext)
    for backer in ("Sequoia Capital", "Lightspeed Venture Partners", "Index Ventures", "General Catalyst"):
        assert ("Mistral AI", "fundedBy", backer, "asserted") in rels, backer


def test_a_cloud_that_will_offer_a_chip_plans_to_use_it(extract_text):
    rels = relations_of(extract_text("Amazon Web Services will offer the B200 next year."))
    assert ("Amazon Web Services", "usesHardware", "NVIDIA B200", "hedged") in rels


def test_a_chip_offered_to_customers_is_used_by_the_cloud_offering_it(extract_text):
    rels = relations_of(extract_text("Microsoft offers AMD's MI300X to Azure customers."))
    assert ("Microsoft", "usesHardware", "AMD Instinct MI300X", "asserted") in rels


def test_offering_an_alternative_to_a_chip_is_not_using_it(extract_text):
    rels = relations_of(extract_text("AMD offers an alternative to the H100."))
    assert not any(r[1] == "usesHardware" for r in rels)


def test_rents_after_a_cloud_name_is_a_verb(extract_text):
    rels = relations_of(extract_text("Google Cloud rents Nvidia's H100 GPUs to customers."))
    assert ("Google Cloud", "usesHardware", "NVIDIA H100", "asserted") in rels


def test_among_the_first_providers_to_deploy_a_chip(extract_text):
    rels = relations_of(extract_text("Oracle Cloud Infrastructure is among the first cloud providers to deploy "
                                     "the H200."))
    assert any(r[1:] == ("usesHardware", "NVIDIA H200", "asserted") and r[0].startswith("Oracle") for r in rels)


def test_will_be_among_the_first_to_offer_is_a_plan_for_every_name(extract_text):
    rels = relations_of(extract_text("Amazon Web Services and Google Cloud will be among the first to offer "
                                     "the B200, Nvidia said."))
    assert ("Amazon Web Services", "usesHardware", "NVIDIA B200", "hedged") in rels
    assert ("Google Cloud", "usesHardware", "NVIDIA B200", "hedged") in rels


def test_not_among_the_first_to_deploy_is_no_assertion(extract_text):
    rels = relations_of(extract_text("Oracle is not among the first cloud providers to deploy the H200."))
    assert not any(r[1] == "usesHardware" and r[3] == "asserted" for r in rels)


def test_one_of_the_largest_buyers_of_a_chip(extract_text):
    rels = relations_of(extract_text("Meta is one of the largest buyers of H100s."))
    assert ("Meta", "usesHardware", "NVIDIA H100", "asserted") in rels


def test_if_a_lab_were_one_of_the_buyers_it_is_a_hypothesis(extract_text):
    rels = relations_of(extract_text("If Meta were one of the buyers of the MI300X, AMD would say so."))
    assert ("Meta", "usesHardware", "AMD Instinct MI300X", "hypothetical") in rels
    assert not any(r[1] == "usesHardware" and r[3] == "asserted" for r in rels)


@pytest.mark.parametrize("text, pair", [
    ("Google's comparisons put Gemini 3 Pro well ahead of Gemini 2.5 Pro.", ("Gemini 3 Pro", "Gemini 2.5 Pro")),
    ("The Gaudi outruns Nvidia's T4 on image recognition.", ("Intel Gaudi", "NVIDIA T4")),
    ("Trillium doubles the HBM capacity of the TPU v5e.", ("Google TPU Trillium", "Google TPU v5e")),
    ("Mistral Large ranks second, behind only OpenAI's GPT-4.", ("Mistral Large", "GPT-4")),
    ("Those figures put Ironwood in the same bracket as Nvidia's B200.", ("Google TPU Ironwood", "NVIDIA B200")),
    ("Code Llama 34B scored 53.7 per cent, which Meta said puts it roughly level with GPT-3.5.",
     ("Code Llama 34B", "GPT-3.5")),
])
def test_comparisons_by_ranking_and_multiples(extract_text, text, pair):
    rels = relations_of(extract_text(text))
    assert any(r[:3] == (pair[0], "comparedTo", pair[1]) and r[3] == "asserted" for r in rels), rels


@pytest.mark.parametrize("text", [
    "The launch put Gemini 3 ahead of schedule.",
    "Nvidia doubled its revenue from the H100 last year.",
    "The Trillium is in a different league from the H100.",
])
def test_rankings_and_multiples_that_compare_nothing(extract_text, text):
    assert not any(r[1] == "comparedTo" for r in relations_of(extract_text(text)))
