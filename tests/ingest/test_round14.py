"""Round fourteen of the extractor (session 12): constructions found among the misses of the sets opened this
session (heldout61-68), read with general rules, in sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.conftest import relations_of

pytestmark = pytest.mark.slow


def _dated(rels, subj, pred="releasedOn"):
    return {(r[2], r[3]) for r in rels if r[0] == subj and r[1] == pred}


def test_rolling_out_is_a_release(extract_text):
    rels = relations_of(extract_text("Anthropic began rolling out Claude 3.5 Sonnet in June.", published="2024-08-01"))
    assert _dated(rels, "Claude 3.5 Sonnet") == {("2024-06", "asserted")}
    rels = relations_of(extract_text("Google will roll out Gemini 2.0 Flash to more users in January.",
                                     published="2024-12-11"))
    assert _dated(rels, "Gemini 2.0 Flash") == {("2025-01", "hedged")}
    rels = relations_of(extract_text("The lab keeps rolling out small fixes to its chatbot."))
    assert not any(r[1] == "releasedOn" for r in rels)


def test_belonging_to_a_generation_or_being_a_fine_tune_makes_a_variant(extract_text):
    rels = relations_of(extract_text("The H800 belongs to Nvidia's Hopper generation."))
    assert ("NVIDIA H800", "variantOf", "NVIDIA Hopper", "asserted") in rels
    rels = relations_of(extract_text("Devstral, a fine-tune of Mistral Small 3.1, came out in May."))
    assert ("Devstral", "variantOf", "Mistral Small 3.1", "asserted") in rels
    # what a chip belongs to that is no family, and a pronoun for both chips, say nothing
    rels = relations_of(extract_text("The H100 belongs to Microsoft's cluster."))
    assert not any(r[1] == "variantOf" for r in rels)


def test_a_unit_of_named_hardware_is_that_hardware_and_bringing_it_online_uses_it(extract_text):
    rels = relations_of(extract_text("Lambda said on Monday that it had brought online its first GB200 NVL72 system."))
    assert ("Lambda", "usesHardware", "NVIDIA GB200 NVL72", "asserted") in rels
    rels = relations_of(extract_text("Meta built its largest H100 cluster in Texas."))
    assert ("Meta", "usesHardware", "NVIDIA H100", "asserted") in rels
    rels = relations_of(extract_text("xAI brought 100,000 H100 GPUs online in Memphis."))
    assert ("xAI", "usesHardware", "NVIDIA H100", "asserted") in rels
    # an unnamed member of a model family is still no family; bringing in money uses no chip
    rels = relations_of(extract_text("Meta released its first Llama model in 2023."))
    assert not any(r[0] == "Llama" and r[1] == "releasedOn" for r in rels)
    rels = relations_of(extract_text("The H100 brought Nvidia record revenue."))
    assert not any(r[1] == "usesHardware" for r in rels)


def test_every_company_of_a_list_invested_in_or_not_is_funded_by_the_investor(extract_text):
    rels = relations_of(extract_text("Nvidia has not invested in Cerebras, Groq or SambaNova."))
    assert {r[0] for r in rels if r[1:] == ("fundedBy", "NVIDIA", "negated")} == {
        "Cerebras Systems", "Groq", "SambaNova Systems"}
    rels = relations_of(extract_text("Nvidia has no stake in AMD or Intel."))
    assert {r[0] for r in rels if r[1:] == ("fundedBy", "NVIDIA", "negated")} == {"AMD", "Intel"}
    rels = relations_of(extract_text("Nvidia invested in Mistral AI and Cohere last year.", published="2025-03-01"))
    assert {r[0] for r in rels if r[1:] == ("fundedBy", "NVIDIA", "asserted")} == {"Mistral AI", "Cohere"}
    # a gapped second investor is no second recipient
    rels = relations_of(extract_text("Nvidia will invest up to $10 billion in Anthropic and Microsoft up to $5 billion."))
    assert not any(r[0] == "Microsoft" and r[1] == "fundedBy" for r in rels)


def test_past_tense_memory_verbs(extract_text):
    rels = relations_of(extract_text("The Tesla D1 chip carried no HBM."))
    assert ("Tesla D1", "usesMemory", "HBM", "negated") in rels
    rels = relations_of(extract_text("The MI250X carried 128 GB of HBM2e."))
    assert ("AMD Instinct MI250X", "usesMemory", "HBM2e", "asserted") in rels


def test_a_makers_own_licence_is_named_by_its_maker(extract_text):
    rels = relations_of(extract_text("DeepSeek released DeepSeek-V3 in December. Its weights come under DeepSeek's own "
                                     "model licence, which permits commercial use.", published="2025-01-10"))
    assert ("DeepSeek-V3", "licensedUnder", "DeepSeek License Agreement", "asserted") in rels
    rels = relations_of(extract_text("Alibaba published Qwen2-72B under Alibaba's own Qwen licence."))
    assert ("Qwen2-72B", "licensedUnder", "Tongyi Qianwen License Agreement", "asserted") in rels
    # no maker's name for the licence: no licence named
    rels = relations_of(extract_text("Google's own licence covers the model."))
    assert not any(r[1] == "licensedUnder" for r in rels)


def test_not_under_one_licence_but_under_another_asserts_the_other(extract_text):
    rels = relations_of(extract_text(
        "Llama 3.1 is not released under Apache 2.0 but under the Llama 3.1 Community License."))
    assert ("Llama 3.1", "licensedUnder", "Apache License 2.0", "negated") in rels
    assert ("Llama 3.1", "licensedUnder", "Llama 3.1 Community License", "asserted") in rels
    rels = relations_of(extract_text("DeepSeek did not use the H100, but Meta used the H100 for Llama 3."))
    assert ("DeepSeek", "usesHardware", "NVIDIA H100", "negated") in rels


def test_a_repeated_preposition_carries_the_relation_to_its_second_object(extract_text):
    rels = relations_of(extract_text("DeepSeek did not pre-train V3 on Ascend but on 2,048 Nvidia H800 GPUs."))
    assert ("DeepSeek-V3", "preTrainedOn", "Ascend", "negated") in rels
    assert ("DeepSeek-V3", "preTrainedOn", "NVIDIA H800", "asserted") in rels
    rels = relations_of(extract_text("Llama 3 was trained on H100s in Meta's clusters and on A100s at its older sites."))
    assert ("Llama 3", "trainedOn", "NVIDIA A100", "asserted") in rels


def test_a_participle_says_something_of_its_own_noun_only(extract_text):
    for text in ("No model trained on Ascend has beaten GPT-4.",
                 "The first model trained on Ascend outperformed Llama 3."):
        rels = relations_of(extract_text(text))
        assert not any(r[1] == "trainedOn" for r in rels), text
    rels = relations_of(extract_text("The V3 model, trained on 2,048 H800s, matched GPT-4o."))
    assert ("DeepSeek-V3", "trainedOn", "NVIDIA H800", "asserted") in rels
    rels = relations_of(extract_text("Mistral 7B is the only one released under Apache 2.0."))
    assert ("Mistral 7B", "licensedUnder", "Apache License 2.0", "asserted") in rels


@pytest.mark.parametrize("text, triple, modality", [
    ("Claims that Qwen3 was trained on Ascend are false.", ("Qwen3", "trainedOn", "Ascend"), "negated"),
    ("The rumour that OpenAI uses TPUs was dismissed by the company.", ("OpenAI", "usesHardware", "Google TPU"),
     "negated"),
    ("Reports that xAI bought 20,000 GB200 chips surfaced on Monday.", ("xAI", "usesHardware", "NVIDIA GB200"),
     "hedged"),
])
def test_a_claim_or_rumour_is_not_a_fact_and_a_denied_one_is_denied(extract_text, text, triple, modality):
    rels = relations_of(extract_text(text))
    assert (*triple, modality) in rels
    assert (*triple, "asserted") not in rels


def test_yet_to_is_not_yet_and_nobody_is_no_source(extract_text):
    rels = relations_of(extract_text("Meta has yet to train a Llama model on MTIA."))
    assert ("Llama", "trainedOn", "Meta MTIA", "negated") in rels
    assert not any(r[1] == "usesHardware" and r[3] == "asserted" for r in rels)
    extraction = extract_text("Nobody has confirmed that Grok 4 ran on Colossus.")
    claim = next(c for c in extraction.claims if c.predicate == "runsOn")
    assert claim.modality == "hypothetical" and claim.attributed_to == ()


@pytest.mark.parametrize("text, triple, modality", [
    ("Far from being trained on Ascend, V3 ran entirely on H800s.", ("DeepSeek-V3", "trainedOn", "Ascend"), "negated"),
    ("Apart from the H100, Meta uses no Nvidia chips.", ("Meta", "usesHardware", "NVIDIA"), "negated"),
    ("Only the H200, and not the H100, carries HBM3E.", ("NVIDIA H100", "usesMemory", "HBM3E"), "negated"),
    ("SK hynix is no longer the sole supplier of HBM3E for the H200.",
     ("NVIDIA H200", "memorySuppliedBy", "SK hynix"), "asserted"),
    ("Samsung is not a supplier of HBM3E for the H200.", ("NVIDIA H200", "memorySuppliedBy", "Samsung"), "negated"),
    ("DeepSeek could have trained V3 on H100s but chose H800s.", ("DeepSeek-V3", "trainedOn", "NVIDIA H100"),
     "hypothetical"),
])
def test_denials_and_counterfactuals_in_their_many_shapes(extract_text, text, triple, modality):
    rels = relations_of(extract_text(text))
    assert (*triple, modality) in rels
    assert not any(r[:3] == triple and r[3] != modality for r in rels)


def test_a_denial_about_a_single_chip_stays_a_denial(extract_text):
    rels = relations_of(extract_text("Llama 3.1 405B does not fit on a single H100."))
    assert ("Llama 3.1 405B", "runsOn", "NVIDIA H100", "negated") in rels
    assert not any(r[1] == "runsOn" and r[3] == "asserted" for r in rels)


def test_denying_a_supplier_does_not_deny_the_memory_on_the_chip(extract_text):
    rels = relations_of(extract_text("Samsung is not a supplier of HBM3E for the H200."))
    assert not any(r[1] == "usesMemory" and r[3] == "negated" for r in rels)


def test_a_plan_that_slipped_is_not_the_release_date(extract_text):
    rels = relations_of(extract_text("The H20 was supposed to ship in the first quarter but was delayed indefinitely.",
                                     published="2025-03-01"))
    assert ("NVIDIA H20", "releasedOn", "2025-Q1", "negated") in rels
    rels = relations_of(extract_text("The MI400 is expected in 2026 but could slip.", published="2025-03-01"))
    assert any(r[1] == "releasedOn" and r[2] == "2026" and r[3] == "hedged" for r in rels)


def test_what_nobody_expects_is_only_raised(extract_text):
    rels = relations_of(extract_text("Nobody expects the 910C to outrun the B200."))
    assert ("Ascend 910C", "comparedTo", "NVIDIA B200", "hypothetical") in rels
    rels = relations_of(extract_text("Analysts expect the 910C to rival the H100."))
    assert ("Ascend 910C", "comparedTo", "NVIDIA H100", "hedged") in rels


def test_who_builds_hardware_for_another_does_not_use_it(extract_text):
    rels = relations_of(extract_text("xAI's Colossus, which Dell and Supermicro built, uses 100,000 H100s."))
    assert ("xAI", "usesHardware", "NVIDIA H100", "asserted") in rels
    assert not any(r[0] in {"Dell Technologies", "Supermicro"} and r[1] == "usesHardware" for r in rels)
    rels = relations_of(extract_text("Dell built a cluster of 50,000 H100s for xAI."))
    assert not any(r[0] == "Dell Technologies" and r[1] == "usesHardware" for r in rels)
    rels = relations_of(extract_text("Meta built two clusters of 24,576 H100s for its own research."))
    assert ("Meta", "usesHardware", "NVIDIA H100", "asserted") in rels


def test_what_a_company_follows_with_is_released_not_the_chip_inside_it(extract_text):
    rels = relations_of(extract_text("On Tuesday it followed with a smaller Mac mini, offered with either the M4 or "
                                     "the new M4 Pro.", published="2024-10-31"))
    assert not any(r[1] == "releasedOn" for r in rels)
    rels = relations_of(extract_text("Google followed with a preview of Gemini 2.5 Flash in April.",
                                     published="2025-06-01"))
    assert ("Gemini 2.5 Flash", "releasedOn", "2025-04", "asserted") in rels
