"""Modality and attribution on sentences written for these tests, over the real spaCy pipeline.

A wrong modality that turns a denial or a hypothesis into a fact is the worst
error: several tests check that nothing is asserted, not only what is.
"""

from __future__ import annotations

import pytest

from tests.conftest import relations_of

pytestmark = pytest.mark.slow

SUPPORTING = {"asserted", "hedged"}


def modality(extraction, subject, predicate, obj):
    found = [c.modality for c in extraction.claims
             if c.subject == subject and c.predicate == predicate and str(c.object) == obj]
    return found[0] if found else None


def never_supported(extraction, predicate, obj):
    return not any(c.predicate == predicate and str(c.object) == obj and c.modality in SUPPORTING
                   for c in extraction.claims)


# ---------------------------------------------------------------- negation
@pytest.mark.parametrize("text", [
    "The lab did not pre-train DeepSeek-V4-Pro on the Ascend 910C.",
    "DeepSeek never pre-trained DeepSeek-V4-Pro on the Ascend 910C.",
    "DeepSeek-V4-Pro wasn't pre-trained on the Ascend 910C.",
])
def test_negation_of_the_verb(extract_text, text):
    ex = extract_text(text)
    assert modality(ex, "DeepSeek-V4-Pro", "preTrainedOn", "Ascend 910C") == "negated"
    assert never_supported(ex, "preTrainedOn", "Ascend 910C")


def test_rather_than_negates_only_the_object_after_it(extract_text):
    ex = extract_text("The team post-trained DeepSeek-V4-Pro on the Ascend 910C rather than the Ascend 950DT.")
    assert modality(ex, "DeepSeek-V4-Pro", "postTrainedOn", "Ascend 910C") == "asserted"
    assert modality(ex, "DeepSeek-V4-Pro", "postTrainedOn", "Ascend 950DT") == "negated"


def test_not_x_but_y(extract_text):
    ex = extract_text("The Ascend 910B is manufactured not by SMIC but by TSMC.")
    assert never_supported(ex, "fabbedBy", "SMIC")


def test_did_not_use_x_it_used_y(extract_text):
    ex = extract_text("The post-training of DeepSeek-V4-Pro did not use the Ascend 950DT; "
                      "the post-training of DeepSeek-V4-Pro used the Ascend 910C.")
    assert never_supported(ex, "postTrainedOn", "Ascend 950DT")
    assert modality(ex, "DeepSeek-V4-Pro", "postTrainedOn", "Ascend 910C") == "asserted"


def test_did_not_participate_in_a_round(extract_text):
    text = ("OpenAI raised $2 billion in March 2026. Thrive Capital led the round. "
            "Apple did not participate in the round.")
    ex = extract_text(text, published="2026-03-20")
    assert modality(ex, "OpenAI", "fundedBy", "Thrive Capital") == "asserted"
    assert modality(ex, "OpenAI", "fundedBy", "Apple") == "negated"
    assert never_supported(ex, "fundedBy", "Apple")


def test_not_until_is_a_schedule_not_a_denial(extract_text):
    ex = extract_text("The Ascend 950DT from Huawei is not scheduled until the fourth quarter of 2027.",
                      published="2026-01-10")
    assert modality(ex, "Ascend 950DT", "releasedOn", "2027-Q4") == "hedged"


def test_double_negation_asserts_nothing(extract_text):
    ex = extract_text("DeepSeek-V4-Pro was not pre-trained without NVIDIA hardware.")
    assert not [c for c in ex.claims if c.predicate == "preTrainedOn" and c.modality == "negated"]


# ---------------------------------------------------------------- hedges
@pytest.mark.parametrize("text", [
    "DeepSeek-V4 was reportedly pre-trained on NVIDIA hardware.",
    "DeepSeek-V4 is widely understood to have been pre-trained on NVIDIA hardware.",
    "DeepSeek-V4 is believed to have been pre-trained on NVIDIA hardware.",
    "DeepSeek-V4 may have been pre-trained on NVIDIA hardware.",
    "DeepSeek-V4 is rumoured to have been pre-trained on NVIDIA hardware.",
])
def test_hedges(extract_text, text):
    ex = extract_text(text)
    assert modality(ex, "DeepSeek-V4", "preTrainedOn", "NVIDIA") == "hedged"


@pytest.mark.parametrize("text", [
    "Huawei's Ascend 950DT is slated for release in the fourth quarter of 2026.",
    "The Ascend 950DT is expected to ship in the fourth quarter of 2026.",
    "Huawei plans to launch the Ascend 950DT in the fourth quarter of 2026.",
    "The Ascend 950DT will ship in the fourth quarter of 2026.",
])
def test_scheduled_releases_are_hedged(extract_text, text):
    ex = extract_text(text, published="2026-02-01")
    assert modality(ex, "Ascend 950DT", "releasedOn", "2026-Q4") == "hedged"


def test_could_alone_is_a_possibility_and_reported_could_a_hedge(extract_text):
    ex = extract_text("The Intel Gaudi 3 could compete with the NVIDIA H100.")
    assert modality(ex, "Intel Gaudi 3", "comparedTo", "NVIDIA H100") == "hypothetical"
    ex = extract_text("Reports from Korean media say the Intel Gaudi 3 could compete with the NVIDIA H100.")
    assert modality(ex, "Intel Gaudi 3", "comparedTo", "NVIDIA H100") == "hedged"


def test_spec_after_a_schedule_is_not_hedged(extract_text):
    ex = extract_text("The Ascend 950DT is slated for late 2026, with 144 GB of HiZQ 2.0 memory.")
    assert modality(ex, "Ascend 950DT", "usesMemory", "HiZQ 2.0") == "asserted"


# ---------------------------------------------------------------- hypotheticals
@pytest.mark.parametrize("text", [
    "If DeepSeek-V4 pre-trains on the Ascend 950DT, the export controls will have failed.",
    "Unless DeepSeek-V4 is pre-trained on the Ascend 950DT, nothing changes.",
    "DeepSeek-V4 would be pre-trained on the Ascend 950DT if supply allowed it.",
])
def test_hypotheticals_are_never_facts(extract_text, text):
    ex = extract_text(text)
    assert modality(ex, "DeepSeek-V4", "preTrainedOn", "Ascend 950DT") == "hypothetical"
    assert never_supported(ex, "preTrainedOn", "Ascend 950DT")


def test_would_in_reported_speech_is_a_plan(extract_text):
    ex = extract_text("Huawei said the Ascend 950DT would ship in the fourth quarter of 2026.",
                      published="2026-01-05")
    assert modality(ex, "Ascend 950DT", "releasedOn", "2026-Q4") == "hedged"


# ---------------------------------------------------------------- attribution
def attributed(extraction, predicate):
    claim = next(c for c in extraction.claims if c.predicate == predicate)
    return claim.attributed_to


def test_according_to(extract_text):
    ex = extract_text("According to CSIS, TSMC manufactured the Ascend 910B.")
    assert "CSIS" in attributed(ex, "fabbedBy")
    assert modality(ex, "Ascend 910B", "fabbedBy", "TSMC") == "asserted"  # attribution keeps it a fact


def test_said_and_reported(extract_text):
    ex1 = extract_text("TechInsights said the Ascend 910B is manufactured by TSMC.")
    assert "TechInsights" in attributed(ex1, "fabbedBy")
    ex2 = extract_text("The Ascend 910B is manufactured by TSMC, Bloomberg has reported.")
    assert "Bloomberg" in attributed(ex2, "fabbedBy")


def test_per(extract_text):
    ex = extract_text("The Ascend 910B is manufactured by TSMC, per the Shenzhen government.")
    assert "Shenzhen government" in attributed(ex, "fabbedBy")


def test_estimates(extract_text):
    ex = extract_text("CSIS estimates that TSMC manufactured the Ascend 910B.")
    assert "CSIS" in attributed(ex, "fabbedBy")


def test_as_x_put_it(extract_text):
    ex = extract_text("As Tom's Hardware put it, TSMC manufactured the Ascend 910B.")
    assert "Tom's Hardware" in attributed(ex, "fabbedBy")


def test_people_familiar_told_a_publisher(extract_text):
    ex = extract_text("Alibaba invested in Moonshot AI's funding round, people familiar with the matter "
                      "told Bloomberg.")
    sources = attributed(ex, "fundedBy")
    assert "Bloomberg" in sources
    assert any("people familiar" in s for s in sources)


def test_quoted_speaker(extract_text):
    ex = extract_text('Lisa Su said: "The Instinct MI300X is manufactured by TSMC."')
    assert any("Lisa Su" in s for s in attributed(ex, "fabbedBy"))


def test_unit_after_per_is_not_a_source(extract_text):
    ex = extract_text("The Ascend 950PR is manufactured by SMIC and moves 1.6 TB per second.")
    assert attributed(ex, "fabbedBy") == ()


def test_relations_from_a_whole_paragraph(extract_text):
    text = ("Huawei stated that its Ascend Supernode products now support DeepSeek-V4. "
            "DeepSeek-V4 is reportedly pre-trained on NVIDIA hardware, and the team did not pre-train "
            "DeepSeek-V4 on Ascend chips.")
    rels = relations_of(extract_text(text))
    assert ("DeepSeek-V4", "runsOn", "Ascend Supernode", "asserted") in rels
    assert ("DeepSeek-V4", "preTrainedOn", "NVIDIA", "hedged") in rels
    assert ("DeepSeek-V4", "preTrainedOn", "Ascend", "negated") in rels


def test_a_denied_report_leaves_the_claim_open(extract_text):
    ex = extract_text("Google did not claim that Gemini had been trained on the Ascend 910B.")
    assert modality(ex, "Gemini", "trainedOn", "Ascend 910B") == "hypothetical"
    assert never_supported(ex, "trainedOn", "Ascend 910B")


def test_a_condition_covers_its_coordinated_clauses(extract_text):
    ex = extract_text("If supply improves, and the Ascend 950DT reaches 80 percent of the performance of "
                      "the NVIDIA B200, buyers will switch.")
    assert never_supported(ex, "comparedTo", "NVIDIA B200")


def test_is_reported_to_is_a_hedge(extract_text):
    ex = extract_text("SK hynix is widely reported to be the main supplier of the HBM3E used on the NVIDIA B200.")
    assert modality(ex, "NVIDIA B200", "memorySuppliedBy", "SK hynix") == "hedged"


def test_believed_to_come_from(extract_text):
    ex = extract_text("The HBM3 stacks on the AMD Instinct MI300X are believed to come from SK hynix and Samsung.")
    assert modality(ex, "AMD Instinct MI300X", "memorySuppliedBy", "SK hynix") == "hedged"
    assert modality(ex, "AMD Instinct MI300X", "memorySuppliedBy", "Samsung") == "hedged"
    assert never_supported(ex, "fabbedBy", "Samsung")


def test_a_negated_release_does_not_deny_the_maker(extract_text):
    ex = extract_text("Meta did not release Llama 3.1 405B under an open-source licence.")
    assert not any(c.predicate == "developedBy" and c.modality == "negated" for c in ex.claims)


def test_will_be_available_is_scheduled(extract_text):
    ex = extract_text("The Ascend 950DT will be available later this year.", published="2026-03-01")
    assert modality(ex, "Ascend 950DT", "releasedOn", "2026") == "hedged"


def test_an_expectation_is_a_hedge_but_a_report_is_not(extract_text):
    expected = extract_text("Analysts expect the Intel Gaudi 3 to rival the NVIDIA H100 on inference.")
    assert modality(expected, "Intel Gaudi 3", "comparedTo", "NVIDIA H100") == "hedged"
    reported = extract_text("TechInsights reports that the Ascend 910B is manufactured by TSMC.")
    assert modality(reported, "Ascend 910B", "fabbedBy", "TSMC") == "asserted"
    assert "TechInsights" in attributed(reported, "fabbedBy")


def test_an_apposition_to_a_denied_object_keeps_its_own_modality(extract_text):
    ex = extract_text("The H20 does not carry HBM3E, the faster memory found on the H200.")
    rels = relations_of(ex)
    assert ("NVIDIA H20", "usesMemory", "HBM3E", "negated") in rels
    assert ("NVIDIA H200", "usesMemory", "HBM3E", "asserted") in rels
    assert ("NVIDIA H200", "usesMemory", "HBM3E", "negated") not in rels


def test_not_after_a_name_denies_the_name_set_against_it(extract_text):
    rels = relations_of(extract_text("The Tesla D1 is fabricated by TSMC, not Samsung, and Tesla has never said "
                                     "how much of its training runs on the system."))
    assert ("Tesla D1", "fabbedBy", "TSMC", "asserted") in rels
    assert ("Tesla D1", "fabbedBy", "Samsung", "negated") in rels


def test_would_in_written_or_posted_speech_is_a_plan(extract_text):
    rels = relations_of(extract_text("Elon Musk wrote that Samsung's new Texas fab would be dedicated to making "
                                     "Tesla's AI6 chip."))
    assert ("Tesla AI6", "fabbedBy", "Samsung", "hedged") in rels


def test_a_relative_clause_about_a_denied_licence_is_not_denied(extract_text):
    rels = relations_of(extract_text("Grok-1 is not covered by a bespoke licence such as the Llama 2 Community "
                                     "License, under which Meta distributes the Llama 2 family."))
    assert ("Llama 2", "licensedUnder", "Llama 2 Community License", "negated") not in rels
    assert ("Llama 2", "licensedUnder", "Llama 2 Community License", "asserted") in rels


def test_a_trigger_inside_rather_than_is_denied(extract_text):
    rels = relations_of(extract_text("The WSE-3 carries 4 trillion transistors, and rather than relying on stacks "
                                     "of high-bandwidth memory beside the chip, it keeps 44 GB of SRAM on the wafer."))
    assert ("Cerebras WSE-3", "usesMemory", "HBM", "negated") in rels
    assert ("Cerebras WSE-3", "usesMemory", "HBM", "asserted") not in rels
    assert ("Cerebras WSE-3", "usesMemory", "SRAM", "asserted") in rels


def test_a_plan_that_was_pushed_back_is_no_release_date(extract_text):
    rels = relations_of(extract_text("Clearwater Forest had originally been expected this year and was pushed back, "
                                     "Intel said.", published="2025-06-01"))
    assert ("Intel Clearwater Forest", "releasedOn", "2025", "negated") in rels
    assert ("Intel Clearwater Forest", "releasedOn", "2025", "hedged") not in rels


def test_not_expected_until_a_date_is_a_hedged_release_then(extract_text):
    rels = relations_of(extract_text("Ironwood is not expected to be generally available to cloud customers until "
                                     "later this year.", published="2025-04-10"))
    assert ("Google TPU Ironwood", "releasedOn", "2025", "hedged") in rels


def test_what_unnamed_reports_say_is_hedged_and_a_named_source_only_attributes(extract_text):
    rels = relations_of(extract_text("Industry reports have said that the Cobalt 100 is also produced by TSMC."))
    assert ("Microsoft Cobalt 100", "fabbedBy", "TSMC", "hedged") in rels
    rels = relations_of(extract_text("According to media reports, the Cobalt 100 is produced by TSMC."))
    assert ("Microsoft Cobalt 100", "fabbedBy", "TSMC", "asserted") in rels


def test_a_plan_to_sell_a_chip_does_not_put_its_maker_in_doubt(extract_text):
    rels = relations_of(extract_text("AMD plans to sell the MI450 inside its Helios racks."))
    assert ("AMD Instinct MI450", "designedBy", "AMD", "asserted") in rels
    assert ("AMD Instinct MI450", "designedBy", "AMD", "hedged") not in rels


def test_could_is_a_possibility_unless_someone_reports_it(extract_text):
    rels = relations_of(extract_text("At 16-bit precision Phi-4 takes 28 GB, so Phi-4 could run on a single "
                                     "Nvidia H100."))
    assert ("Phi-4", "runsOn", "NVIDIA H100", "hypothetical") in rels
    rels = relations_of(extract_text("Korean media reported that Intel's Gaudi 3 could compete with Nvidia's H100."))
    assert ("Intel Gaudi 3", "comparedTo", "NVIDIA H100", "hedged") in rels


def test_what_anyone_hoping_to_do_would_need_is_no_fact(extract_text):
    rels = relations_of(extract_text("Phi-4 fits on one H100, while anyone hoping to run Phi-4 on a GeForce RTX "
                                     "4090 would need a quantised version."))
    assert ("Phi-4", "runsOn", "NVIDIA GeForce RTX 4090", "hypothetical") in rels


def test_an_attempt_is_no_fact_and_a_failed_one_is_a_denial(extract_text):
    rels = relations_of(extract_text("The FT reported that DeepSeek had tried to train R2 on Huawei's Ascend chips "
                                     "but ran into persistent technical problems."))
    assert ("DeepSeek R2", "trainedOn", "Ascend", "negated") in rels
    rels = relations_of(extract_text("DeepSeek tried to train R2 on Ascend chips."))
    assert ("DeepSeek R2", "trainedOn", "Ascend", "hypothetical") in rels


def test_a_chips_speed_on_example_models_is_no_training(extract_text):
    rels = relations_of(extract_text("Intel claimed Gaudi 3 would train models such as Llama 2 and GPT-3 about 50 "
                                     "per cent faster than the H100."))
    assert not [r for r in rels if r[1] == "trainedOn"]


def test_unconfirmed_reports_that_are_hedged_not_asserted(extract_text):
    rels = relations_of(extract_text("Zhipu has not confirmed reports that GLM-5 was trained on Ascend chips."))
    assert ("GLM-5", "trainedOn", "Ascend", "hedged") in rels
    assert ("GLM-5", "trainedOn", "Ascend", "asserted") not in rels


def test_dismissed_speculation_is_a_denial(extract_text):
    rels = relations_of(extract_text("Moonshot dismissed speculation that Kimi K2 ran on H20 chips."))
    assert ("Kimi K2", "runsOn", "NVIDIA H20", "negated") in rels


def test_a_companys_own_claim_that_is_attribution_not_doubt(extract_text):
    rels = relations_of(extract_text("The sell-off followed DeepSeek's claim that V3 was trained on 2,048 H800s."))
    assert ("DeepSeek-V3", "trainedOn", "NVIDIA H800", "asserted") in rels


def test_a_counterfactual_inversion_is_hypothetical(extract_text):
    rels = relations_of(extract_text("Had Meta trained Llama 4 on TPUs, the bill would have been lower."))
    assert ("Llama 4", "trainedOn", "Google TPU", "hypothetical") in rels
    rels = relations_of(extract_text("Should DeepSeek train R2 on Ascend chips, Nvidia would lose a customer."))
    assert not [r for r in rels if r[1] == "trainedOn" and r[3] in {"asserted", "hedged"}]


def test_would_be_the_first_model_trained_on_is_not_a_fact(extract_text):
    rels = relations_of(extract_text("GLM-5 would be the first frontier model trained entirely on Ascend chips."))
    assert ("GLM-5", "trainedOn", "Ascend", "hypothetical") in rels
    rels = relations_of(extract_text("GLM-5 is the first frontier model trained entirely on Ascend chips."))
    assert ("GLM-5", "trainedOn", "Ascend", "asserted") in rels


def test_talks_plans_and_failed_attempts(extract_text):
    rels = relations_of(extract_text("OpenAI is in talks to raise $40 billion from SoftBank."))
    assert ("OpenAI", "fundedBy", "SoftBank Group", "hedged") in rels
    rels = relations_of(extract_text("DeepSeek's attempt to train R2 on Ascend chips failed."))
    assert ("DeepSeek R2", "trainedOn", "Ascend", "negated") in rels


def test_no_one_has_confirmed_is_no_statement(extract_text):
    rels = relations_of(extract_text("No one has confirmed that DeepSeek-V4 ran on Ascend."))
    assert not [r for r in rels if r[1] == "runsOn" and r[3] in {"asserted", "hedged"}]


def test_no_longer_and_stopped_using_deny_current_use(extract_text):
    rels = relations_of(extract_text("Anthropic no longer uses TPUs."))
    assert ("Anthropic", "usesHardware", "Google TPU", "negated") in rels
    rels = relations_of(extract_text("Anthropic stopped using TPUs last year."))
    assert ("Anthropic", "usesHardware", "Google TPU", "negated") in rels
    rels = relations_of(extract_text("Anthropic keeps using TPUs."))
    assert ("Anthropic", "usesHardware", "Google TPU", "asserted") in rels


def test_considering_an_investment_or_a_chip_is_only_a_possibility(extract_text):
    rels = relations_of(extract_text("Apple reportedly considered investing in OpenAI."))
    assert ("OpenAI", "fundedBy", "Apple", "hypothetical") in rels
    rels = relations_of(extract_text("Meta is weighing using TPUs for Llama 5."))
    assert not [r for r in rels if r[1] == "usesHardware" and r[3] in {"asserted", "hedged"}]


def test_a_due_date_that_slipped_did_not_hold(extract_text):
    rels = relations_of(extract_text("The B300 was originally due in 2025 but slipped to 2026.", published="2025-06-01"))
    assert ("NVIDIA B300", "releasedOn", "2025", "negated") in rels


def test_a_model_shown_but_said_not_to_be_out_is_not_released(extract_text):
    ex = extract_text("Google on Thursday unveiled Veo, a video model, and made clear that the public would not be "
                      "getting it any time soon.", published="2024-05-17")
    assert not [r for r in relations_of(ex) if r[1] == "releasedOn" and r[3] in {"asserted", "hedged"}]
    ex = extract_text("Google unveiled Gemini on Wednesday; Ultra is not yet available.", published="2023-12-08")
    assert not [r for r in relations_of(ex) if r[1] == "releasedOn"]  # (an unveiling is no release in any case)


def test_did_not_make_it_available_denies_the_release(extract_text):
    rels = relations_of(extract_text("OpenAI showed o3 in December but did not make it available.", published="2025-04-17"))
    assert not [r for r in rels if r[1] == "releasedOn" and r[3] in {"asserted", "hedged"}]
    rels = relations_of(extract_text("OpenAI made o3 available in April.", published="2025-04-17"))
    assert ("OpenAI o3", "releasedOn", "2025-04", "asserted") in rels
