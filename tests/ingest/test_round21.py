"""Round twenty-one of the extractor (session 19): a showing that is only expected, a clause put first that
carries on with its topic, a possibility told of any one thing, and AMD's own small models, in sentences
written for these tests."""

from __future__ import annotations

import pytest

from tests.conftest import related, relations_of

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("verb", ["unveil", "announce", "introduce", "preview"])
def test_an_expected_unveiling_is_no_release(extract_text, verb):
    text = f"Nvidia is expected to {verb} Blackwell at its developer conference next month."
    rels = relations_of(extract_text(text, published="2024-02-20"))
    assert not related(rels, "NVIDIA Blackwell", "releasedOn")


def test_an_expected_launch_is_still_a_hedged_release(extract_text):
    rels = relations_of(extract_text("Nvidia is expected to launch Blackwell next month.", published="2024-02-20"))
    assert ("2024-03", "hedged") in related(rels, "NVIDIA Blackwell", "releasedOn")


def test_a_clause_put_first_names_what_the_description_refers_to(extract_text):
    text = ("DeepSeek has not said what hardware R2 needs. Huawei builds its own models too. "
            "When it open-sourced Pangu Pro MoE in June, the company said the model had been trained on its "
            "Ascend chips.")
    rels = relations_of(extract_text(text, published="2025-08-20"))
    assert ("Huawei Ascend", "asserted") in related(rels, "Pangu Pro MoE", "trainedOn") \
        or ("Ascend", "asserted") in related(rels, "Pangu Pro MoE", "trainedOn")
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
    mods = {m for o, m in related(rels, "Llama 3.2 3B", "runsOn")}
    assert mods <= {"hypothetical"}


def test_what_a_named_thing_could_do_in_reported_speech_stays_hedged(extract_text):
    text = "Qualcomm said its Snapdragon 8 Gen 3 could run Llama 3.2 3B at usable speeds."
    rels = relations_of(extract_text(text, published="2024-09-30"))
    assert {m for o, m in related(rels, "Llama 3.2 3B", "runsOn")} == {"hedged"}


def test_amds_own_small_model_is_named_and_trained_on_its_chips(extract_text):
    text = ("AMD released Instella this week. Last September it released AMD-135M, a small language model "
            "that it trained on Instinct MI250 accelerators.")
    rels = relations_of(extract_text(text, published="2025-03-07"))
    assert ("AMD Instinct MI250", "asserted") in related(rels, "AMD-135M", "trainedOn")
    assert not related(rels, "Instella", "trainedOn")
    assert ("AMD", "asserted") in related(rels, "Instella", "developedBy")


def test_what_a_research_firm_estimates_is_hedged(extract_text):
    text = "Research firm SemiAnalysis estimated that DeepSeek had access to about 10,000 H800 GPUs."
    rels = relations_of(extract_text(text, published="2025-02-01"))
    assert {m for o, m in related(rels, "DeepSeek", "usesHardware")} == {"hedged"}


def test_a_comparison_resting_on_an_estimate_stands(extract_text):
    text = ("SemiAnalysis estimated that the CloudMatrix 384 delivers about 300 petaflops, "
            "against roughly 180 petaflops for Nvidia's GB200 NVL72.")
    rels = relations_of(extract_text(text, published="2025-05-01"))
    assert ("NVIDIA GB200 NVL72", "asserted") in related(rels, "CloudMatrix 384", "comparedTo")


def test_clouds_that_offer_them_on_their_own_services_host_each_model(extract_text):
    text = ("Meta released Llama 4 Scout and Llama 4 Maverick on Saturday. Amazon Web Services, Microsoft Azure "
            "and Google Cloud all offer them through their managed AI services.")
    rels = relations_of(extract_text(text, published="2025-04-07"))
    for model in ("Llama 4 Scout", "Llama 4 Maverick"):
        assert {o for o, m in related(rels, model, "runsOn") if m == "asserted"} >= {
            "Amazon Web Services", "Microsoft Azure", "Google Cloud"}


def test_the_models_offered_on_their_platforms_are_the_ones_just_named(extract_text):
    text = ("Meta released Llama 3.1 405B and Llama 3.1 70B on Tuesday. Amazon Web Services and Google Cloud "
            "are offering the models on their platforms.")
    rels = relations_of(extract_text(text, published="2024-07-25"))
    for model in ("Llama 3.1 405B", "Llama 3.1 70B"):
        assert {o for o, m in related(rels, model, "runsOn")} >= {"Amazon Web Services", "Google Cloud"}


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


@pytest.mark.parametrize("text, chip, when", [
    ("Rubin, the generation that follows Blackwell and is scheduled for 2026, will carry HBM4.",
     "NVIDIA Rubin", "2026"),
    ("The MI355X, which AMD has said will start shipping in the second half of 2025, carries HBM3E.",
     "AMD Instinct MI355X", "2025"),
])
def test_a_release_in_a_relative_clause_is_the_named_things(extract_text, text, chip, when):
    rels = relations_of(extract_text(text, published="2025-03-20"))
    released = {r[0] for r in rels if r[1] == "releasedOn"}
    assert (when, "hedged") in related(rels, chip, "releasedOn")
    assert released == {chip}  # (not Blackwell, which the clause only names)


def test_what_a_model_was_followed_by_came_out_then(extract_text):
    text = "Microsoft released Phi-4-mini in February. In July it was followed by Phi-4-mini-flash-reasoning."
    rels = relations_of(extract_text(text, published="2025-10-15"))
    assert related(rels, "Phi-4-mini-flash-reasoning", "releasedOn") == {("2025-07", "asserted")}
    assert related(rels, "Phi-4-mini", "releasedOn") == {("2025-02", "asserted")}


def test_an_event_followed_by_another_releases_nothing(extract_text):
    rels = relations_of(extract_text("The H100 announcement was followed by a rally in Nvidia's shares in May.",
                                     published="2023-06-01"))
    assert not [r for r in rels if r[1] == "releasedOn"]


@pytest.mark.parametrize("text, newer, older", [
    ("The MI325X, a refresh of the MI300X, moved to HBM3E.", "AMD Instinct MI325X", "AMD Instinct MI300X"),
    ("The H200 is a refresh of the H100 with more memory.", "NVIDIA H200", "NVIDIA H100"),
])
def test_a_refresh_is_a_version_of_the_chip(extract_text, text, newer, older):
    rels = relations_of(extract_text(text, published="2025-03-20"))
    assert (older, "asserted") in related(rels, newer, "variantOf")
    assert not related(rels, newer, "successorOf")


@pytest.mark.parametrize("text, family, members", [
    ("The MI300X and the MI300A shipped in December. Both chips belong to the MI300 series.",
     "AMD Instinct MI300 series", {"AMD Instinct MI300X", "AMD Instinct MI300A"}),
    ("Nvidia makes the H100 and the newer H200. Both belong to Nvidia's Hopper generation.",
     "NVIDIA Hopper", {"NVIDIA H100", "NVIDIA H200"}),
])
def test_both_of_the_named_chips_belong_to_the_family(extract_text, text, family, members):
    rels = relations_of(extract_text(text, published="2025-03-20"))
    assert {r[0] for r in rels if r[1] == "variantOf" and r[2] == family and r[3] == "asserted"} == members


def test_a_system_is_no_member_of_the_family_its_chips_belong_to(extract_text):
    text = ("xAI built Colossus in Memphis with 100,000 H100 GPUs. It plans to add H200s to the system; "
            "both belong to Nvidia's Hopper generation.")
    rels = relations_of(extract_text(text, published="2024-12-01"))
    assert not related(rels, "Colossus", "variantOf")


def test_what_critics_argue_a_model_was_derived_from_is_hedged(extract_text):
    text = "An anonymous group argued that Pangu Pro MoE had been derived from Qwen2.5-14B."
    rels = relations_of(extract_text(text, published="2025-08-25"))
    assert {m for o, m in related(rels, "Pangu Pro MoE", "variantOf")} == {"hedged"}


def test_more_of_a_rate_than_another_chip_is_a_comparison(extract_text):
    text = "The MI355X generates up to 40 per cent more tokens per dollar than Nvidia's B200."
    rels = relations_of(extract_text(text, published="2025-06-12"))
    assert ("NVIDIA B200", "asserted") in related(rels, "AMD Instinct MI355X", "comparedTo")


def test_more_parameters_than_another_model_is_a_count_not_a_comparison(extract_text):
    rels = relations_of(extract_text("Llama 3.1 405B has 335 billion more parameters than Llama 3 70B.",
                                     published="2024-07-25"))
    assert not [r for r in rels if r[1] == "comparedTo"]


def test_a_memory_described_in_apposition_is_the_one_named_before(extract_text):
    text = ("The MI300X carries 192 GB of HBM3, the stacked high-bandwidth memory that sits beside the "
            "compute dies.")
    rels = relations_of(extract_text(text, published="2023-12-07"))
    assert related(rels, "AMD Instinct MI300X", "usesMemory") == {("HBM3", "asserted")}


def test_each_opening_a_sentence_is_every_chip_just_named(extract_text):
    text = "AMD launched the MI350X and the MI355X. Each carries 288 GB of HBM3E."
    rels = relations_of(extract_text(text, published="2025-06-12"))
    for chip in ("AMD Instinct MI350X", "AMD Instinct MI355X"):
        assert ("HBM3E", "asserted") in related(rels, chip, "usesMemory")


def test_each_after_the_names_is_theirs_alone(extract_text):
    text = ("Amazon bought about 196,000 Hopper chips, while ByteDance and Tencent each bought roughly "
            "230,000 H20s.")
    rels = relations_of(extract_text(text, published="2024-12-20"))
    assert not related(rels, "Amazon", "usesHardware") & {("NVIDIA H20", "asserted")}


# A helper's review of this round's rules (session 19) found these readings; each is kept here.

@pytest.mark.parametrize("text", [
    "The announcement in May was followed by a price cut for Gemini 2.5 Flash.",
    "The H20 ban in April was followed by a $5.5 billion charge on H20 inventory.",
    "In March, Nvidia's keynote was followed by Jensen Huang's comments on the GB300.",
])
def test_an_event_followed_by_talk_of_a_product_releases_nothing(extract_text, text):
    rels = relations_of(extract_text(text, published="2025-06-15"))
    assert not [r for r in rels if r[1] == "releasedOn"]


def test_a_model_followed_by_another_in_a_conjoined_clause(extract_text):
    text = "Mistral 7B came out in September, and was followed in December by Mixtral 8x7B."
    rels = relations_of(extract_text(text, published="2024-06-11"))
    assert ("2023-12", "asserted") in related(rels, "Mixtral 8x7B", "releasedOn")


@pytest.mark.parametrize("text, rival, model", [
    ("Microsoft launched Phi-4 in December. While it still licenses GPT-4o from OpenAI, the company said the "
     "model was trained on its own cluster of H100 GPUs.", "GPT-4o", "Phi-4"),
    ("Mistral released Mistral Large 2 in July. Although it trails Llama 3.1 405B on some tests, the company "
     "said the model runs on a single H100 node.", "Llama 3.1 405B", "Mistral Large 2"),
])
def test_a_rival_named_in_a_clause_put_first_is_no_topic(extract_text, text, rival, model):
    rels = relations_of(extract_text(text, published="2025-01-15"))
    assert not [r for r in rels if r[0] == rival and r[1] in {"trainedOn", "runsOn"}]
    assert [r for r in rels if r[0] == model and r[1] in {"trainedOn", "runsOn"}]


@pytest.mark.parametrize("text", [
    "Mistral released Mistral Large 2 in July. Microsoft Azure installed new Maia 100 chips and serves them "
    "through its cloud platform.",
    "DeepSeek released R1 in January. Nvidia designs GPUs and Oracle Cloud sells them through its platform.",
    "Meta released Llama 3.1 405B and Llama 3.1 70B on Tuesday. Amazon Web Services and Google Cloud are "
    "offering the models from Anthropic and Mistral on their platforms.",
    "Meta released Llama 4 Scout and Llama 4 Maverick on Saturday. Amazon Web Services and Microsoft Azure "
    "sell them through their marketplaces rather than hosting them directly.",
])
def test_them_and_the_models_that_are_other_things_host_no_model(extract_text, text):
    rels = relations_of(extract_text(text, published="2025-06-15"))
    assert not [r for r in rels if r[1] == "runsOn" and r[3] in {"asserted", "hedged"}]


def test_a_memory_named_in_apposition_stays_with_its_own_chip(extract_text):
    rels = relations_of(extract_text("The B200 carries 192 GB of HBM3E, not HBM3, the memory of the H100."))
    assert not related(rels, "NVIDIA H100", "usesMemory") & {("HBM3E", "asserted")}


def test_each_after_counted_things_is_each_of_them(extract_text):
    rels = relations_of(extract_text("Meta trained Llama 3 on two clusters. Each contains 24,576 Nvidia H100 GPUs.",
                                     published="2024-04-20"))
    assert not [r for r in rels if r[0] == "Meta" and r[1] == "chipCount"]


def test_a_named_chip_that_could_run_a_model_is_hedged_not_supposed(extract_text):
    rels = relations_of(extract_text("A new Snapdragon 8 Elite could run Llama 3.2 3B, Qualcomm said.",
                                     published="2025-01-15"))
    assert {m for o, m in related(rels, "Llama 3.2 3B", "runsOn")} == {"hedged"}


@pytest.mark.parametrize("text, customer, supplier", [
    ("AMD is the main alternative, and Meta has become one of its most prominent customers.", "Meta", "AMD"),
    ("Nvidia sells the H100. Microsoft remains one of its largest customers.", "Microsoft", "NVIDIA"),
])
def test_its_in_what_a_company_is_said_to_be_is_another_company(extract_text, text, customer, supplier):
    rels = relations_of(extract_text(text, published="2025-07-31"))
    assert (supplier, "asserted") in related(rels, customer, "usesHardware")


def test_its_of_the_subject_itself_is_still_the_subject(extract_text):
    rels = relations_of(extract_text("Meta expanded its cluster of H100 GPUs."))
    assert ("NVIDIA H100", "asserted") in related(rels, "Meta", "usesHardware")
