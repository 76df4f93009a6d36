"""Round twenty-one of the extractor (session 19): a showing that is only expected, a clause put first that
carries on with its topic, a possibility told of any one thing, and AMD's own small models, in sentences
written for these tests."""

from __future__ import annotations

import pytest

from tests.conftest import relations_of

pytestmark = pytest.mark.slow


def _of(rels, subj, pred):
    return {(r[2], r[3]) for r in rels if r[0] == subj and r[1] == pred}


@pytest.mark.parametrize("verb", ["unveil", "announce", "introduce", "preview"])
def test_an_expected_unveiling_is_no_release(extract_text, verb):
    text = f"Nvidia is expected to {verb} Blackwell at its developer conference next month."
    rels = relations_of(extract_text(text, published="2024-02-20"))
    assert not _of(rels, "NVIDIA Blackwell", "releasedOn")


def test_an_expected_launch_is_still_a_hedged_release(extract_text):
    rels = relations_of(extract_text("Nvidia is expected to launch Blackwell next month.", published="2024-02-20"))
    assert ("2024-03", "hedged") in _of(rels, "NVIDIA Blackwell", "releasedOn")


def test_a_clause_put_first_names_what_the_description_refers_to(extract_text):
    text = ("DeepSeek has not said what hardware R2 needs. Huawei builds its own models too. "
            "When it open-sourced Pangu Pro MoE in June, the company said the model had been trained on its "
            "Ascend chips.")
    rels = relations_of(extract_text(text, published="2025-08-20"))
    assert ("Huawei Ascend", "asserted") in _of(rels, "Pangu Pro MoE", "trainedOn") \
        or ("Ascend", "asserted") in _of(rels, "Pangu Pro MoE", "trainedOn")
    assert not [r for r in rels if r[0] == "DeepSeek R2" and r[1] == "trainedOn"]


def test_an_aside_after_the_main_clause_is_still_set_aside(extract_text):
    text = ("Google released Gemma 2 on Thursday, a day after Meta published Llama 3.1. "
            "The model was trained on TPU v5p chips.")
    rels = relations_of(extract_text(text, published="2024-07-25"))
    assert not [r for r in rels if r[0] == "Llama 3.1" and r[1] == "trainedOn"]


@pytest.mark.parametrize("text", [
    "An analyst said a recent phone with a Snapdragon 8 Gen 3 could run Llama 3.2 3B at usable speeds.",
    "A handset maker could ship Llama 3.2 3B on a phone built around the Snapdragon 8 Gen 3, an analyst said.",
])
def test_what_any_one_thing_could_do_is_a_possibility(extract_text, text):
    rels = relations_of(extract_text(text, published="2024-09-30"))
    mods = {m for o, m in _of(rels, "Llama 3.2 3B", "runsOn")}
    assert mods <= {"hypothetical"}


def test_what_a_named_thing_could_do_in_reported_speech_stays_hedged(extract_text):
    text = "Qualcomm said its Snapdragon 8 Gen 3 could run Llama 3.2 3B at usable speeds."
    rels = relations_of(extract_text(text, published="2024-09-30"))
    assert {m for o, m in _of(rels, "Llama 3.2 3B", "runsOn")} == {"hedged"}


def test_amds_own_small_model_is_named_and_trained_on_its_chips(extract_text):
    text = ("AMD released Instella this week. Last September it released AMD-135M, a small language model "
            "that it trained on Instinct MI250 accelerators.")
    rels = relations_of(extract_text(text, published="2025-03-07"))
    assert ("AMD Instinct MI250", "asserted") in _of(rels, "AMD-135M", "trainedOn")
    assert not _of(rels, "Instella", "trainedOn")
    assert ("AMD", "asserted") in _of(rels, "Instella", "developedBy")


def test_what_a_research_firm_estimates_is_hedged(extract_text):
    text = "Research firm SemiAnalysis estimated that DeepSeek had access to about 10,000 H800 GPUs."
    rels = relations_of(extract_text(text, published="2025-02-01"))
    assert {m for o, m in _of(rels, "DeepSeek", "usesHardware")} == {"hedged"}


def test_a_comparison_resting_on_an_estimate_stands(extract_text):
    text = ("SemiAnalysis estimated that the CloudMatrix 384 delivers about 300 petaflops, "
            "against roughly 180 petaflops for Nvidia's GB200 NVL72.")
    rels = relations_of(extract_text(text, published="2025-05-01"))
    assert ("NVIDIA GB200 NVL72", "asserted") in _of(rels, "CloudMatrix 384", "comparedTo")


def test_clouds_that_offer_them_on_their_own_services_host_each_model(extract_text):
    text = ("Meta released Llama 4 Scout and Llama 4 Maverick on Saturday. Amazon Web Services, Microsoft Azure "
            "and Google Cloud all offer them through their managed AI services.")
    rels = relations_of(extract_text(text, published="2025-04-07"))
    for model in ("Llama 4 Scout", "Llama 4 Maverick"):
        assert {o for o, m in _of(rels, model, "runsOn") if m == "asserted"} >= {
            "Amazon Web Services", "Microsoft Azure", "Google Cloud"}


def test_the_models_offered_on_their_platforms_are_the_ones_just_named(extract_text):
    text = ("Meta released Llama 3.1 405B and Llama 3.1 70B on Tuesday. Amazon Web Services and Google Cloud "
            "are offering the models on their platforms.")
    rels = relations_of(extract_text(text, published="2024-07-25"))
    for model in ("Llama 3.1 405B", "Llama 3.1 70B"):
        assert {o for o, m in _of(rels, model, "runsOn")} >= {"Amazon Web Services", "Google Cloud"}


@pytest.mark.parametrize("text", [
    # a company's models in general, not the one just named
    "OpenAI released GPT-4o in May. Microsoft's cloud supplies the Nvidia GPUs on which OpenAI serves its models.",
    # other models than the one named ("the distilled models")
    "DeepSeek released R1 on Monday. Customers could deploy the distilled models on Trainium chips, AWS said.",
    # "them" is the models of its own sentence
    "Midjourney released V7 in April. Google said that Midjourney used its TPU v4 chips to train models and "
    "GPUs to serve them.",
])
def test_models_in_general_are_no_model_just_named(extract_text, text):
    rels = relations_of(extract_text(text, published="2025-06-01"))
    assert not [r for r in rels if r[1] in {"runsOn", "trainedOn"} and r[0] in {"GPT-4o", "DeepSeek-R1",
                                                                               "Midjourney V7"}]
