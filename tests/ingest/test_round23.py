"""Round twenty-three of the extractor (session 21): counts that are not comparisons, systems put into
service at a centre and the parts they are powered by, participle releases, processors built on licensed
cores, members made by a small clause, and derived models that keep their own release day, in sentences
written for these tests."""

from __future__ import annotations

import pytest

from tests.conftest import relations_of

pytestmark = pytest.mark.slow


def _of(rels, subj, pred):
    return {(r[2], r[3]) for r in rels if r[0] == subj and r[1] == pred}


def _objects(rels, subj, pred):
    return {o for o, _m in _of(rels, subj, pred)}


# --- counts and comparisons ------------------------------------------------------------------------------

def test_more_than_a_number_of_chips_is_a_count_not_a_comparison(extract_text):
    text = ("The Alps supercomputer was built by Hewlett Packard Enterprise and is powered by more than 10,000 of "
            "Nvidia's GH200 superchips.")
    rels = relations_of(extract_text(text, published="2025-09-03"))
    assert not [r for r in rels if r[1] == "comparedTo"]


@pytest.mark.parametrize("text", [
    "The Vicuna team said Vicuna reached more than 90 per cent of ChatGPT's quality.",
    "The Vicuna team said Vicuna reached more than 90% of ChatGPT's quality.",
])
def test_more_than_a_share_of_another_models_quality_still_compares(extract_text, text):
    rels = relations_of(extract_text(text, published="2023-04-10"))
    assert "ChatGPT" in _objects(rels, "Vicuna", "comparedTo")


# --- systems and their parts -----------------------------------------------------------------------------

@pytest.mark.parametrize("text, centre, system", [
    ("The Frontier supercomputer, which entered service at Oak Ridge National Laboratory in 2022, set records.",
     "Oak Ridge National Laboratory", "Frontier supercomputer"),
    ("The Alps supercomputer, which went into service at CSCS last year, trains Swiss models.",
     "Swiss National Supercomputing Centre", "Alps supercomputer"),
])
def test_a_system_put_into_service_at_a_centre_is_used_by_it(extract_text, text, centre, system):
    rels = relations_of(extract_text(text, published="2025-09-03"))
    assert (system, "asserted") in _of(rels, centre, "usesHardware")


def test_a_system_that_never_went_into_service_at_a_centre_is_not_asserted_there(extract_text):
    text = "The Aurora supercomputer, which never went into service at Oak Ridge National Laboratory, is fast."
    rels = relations_of(extract_text(text, published="2025-09-03"))
    assert ("Aurora supercomputer", "asserted") not in _of(rels, "Oak Ridge National Laboratory", "usesHardware")


def test_the_centre_uses_the_chips_a_conjoined_verb_says_power_its_system(extract_text):
    text = ("The Alps supercomputer, which went into service at CSCS in 2024, was built by Hewlett Packard "
            "Enterprise and is powered by Nvidia's GH200 superchips.")
    rels = relations_of(extract_text(text, published="2025-09-03"))
    assert ("NVIDIA GH200", "asserted") in _of(rels, "Swiss National Supercomputing Centre", "usesHardware")
    assert not _of(rels, "Hewlett Packard Enterprise", "usesHardware")


# --- releases --------------------------------------------------------------------------------------------

def test_a_participle_release_takes_the_main_clauses_date(extract_text):
    text = "OpenAI changed course in August, releasing gpt-oss-120b and gpt-oss-20b under the Apache 2.0 licence."
    rels = relations_of(extract_text(text, published="2025-09-10"))
    assert ("2025-08", "asserted") in _of(rels, "gpt-oss-120b", "releasedOn")
    assert ("2025-08", "asserted") in _of(rels, "gpt-oss-20b", "releasedOn")


def test_a_release_in_progress_is_not_yet_a_fact(extract_text):
    rels = relations_of(extract_text("Meta is releasing Llama 4 Behemoth next month.", published="2025-04-10"))
    assert _of(rels, "Llama 4 Behemoth", "releasedOn") <= {("2025-05", "hedged")}


def test_publishing_papers_is_no_release(extract_text):
    text = "The lab has been publishing papers on Llama 3 since 2024."
    rels = relations_of(extract_text(text, published="2025-04-10"))
    assert not _of(rels, "Llama 3", "releasedOn")


def test_a_model_built_on_another_does_not_take_its_base_models_release_day(extract_text):
    text = ("Mistral Medium 3 came out in May. Magistral Medium, the larger reasoning model, was developed on top "
            "of Mistral Medium 3.")
    rels = relations_of(extract_text(text, published="2025-06-20"))
    assert ("Mistral Medium 3", "asserted") in _of(rels, "Magistral Medium", "variantOf")
    assert not _of(rels, "Magistral Medium", "releasedOn")


# --- lineage ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, chip, core", [
    ("Cobalt 100 has 128 cores and is built on Arm's Neoverse N2 compute subsystem.",
     "Microsoft Cobalt 100", "Arm Neoverse N2"),
    ("The Grace CPU is built on 72 Neoverse V2 cores.", "NVIDIA Grace", "Arm Neoverse V2"),
])
def test_a_processor_built_on_licensed_cores_is_a_variant_of_them(extract_text, text, chip, core):
    rels = relations_of(extract_text(text, published="2024-11-20"))
    assert (core, "asserted") in _of(rels, chip, "variantOf")


def test_a_processor_built_at_a_foundry_is_no_variant(extract_text):
    text = "Cobalt 100 has 128 cores and is built on TSMC's N5 process."
    rels = relations_of(extract_text(text, published="2024-11-20"))
    assert not _of(rels, "Microsoft Cobalt 100", "variantOf")


def test_models_a_small_clause_makes_members_of_a_family_belong_to_it(extract_text):
    text = ("Anthropic released Claude Opus 4 and Claude Sonnet 4 on Thursday, making them the first members of "
            "its Claude 4 family.")
    rels = relations_of(extract_text(text, published="2025-05-24"))
    assert ("Claude 4", "asserted") in _of(rels, "Claude Opus 4", "variantOf")
    assert ("Claude 4", "asserted") in _of(rels, "Claude Sonnet 4", "variantOf")


def test_it_in_the_small_clause_is_only_the_first_thing_released(extract_text):
    text = ("Google released Gemma 3 270M alongside Gemma 3 27B in August, making it the smallest member of the "
            "Gemma 3 family.")
    rels = relations_of(extract_text(text, published="2025-09-01"))
    assert ("Gemma 3", "asserted") in _of(rels, "Gemma 3 270M", "variantOf")


def test_a_denied_membership_made_by_a_small_clause_is_not_asserted(extract_text):
    text = ("Anthropic released Claude Opus 4 on Thursday, without making it a member of the Claude 3 family.")
    rels = relations_of(extract_text(text, published="2025-05-24"))
    assert ("Claude 3", "asserted") not in _of(rels, "Claude Opus 4", "variantOf")


# --- false assertions found in this session's blind sets, mended with general rules ---------------------

def test_training_hardware_is_named_in_the_verbs_own_on_phrase(extract_text):
    text = ("Granite 3.0 was trained on Blue Vela, an IBM supercomputer built around Nvidia H100 GPUs. According to "
            "the model cards for the new family, Granite 4.0 was trained on a cluster of Nvidia GB200 NVL72 racks.")
    rels = relations_of(extract_text(text, published="2025-10-02"))
    assert _objects(rels, "Granite 4.0", "trainedOn") == {"NVIDIA GB200 NVL72"}


def test_a_licence_set_off_by_not_in_an_apposition_is_denied(extract_text):
    text = ("Nemotron-4 340B Instruct comes under the NVIDIA Open Model License. It is Nvidia's own licence, not a "
            "standard open-source licence such as Apache 2.0.")
    rels = relations_of(extract_text(text, published="2024-06-14"))
    assert _of(rels, "Nemotron-4 340B Instruct", "licensedUnder") & {("Apache License 2.0", "asserted")} == set()
    assert ("NVIDIA Open Model License", "asserted") in _of(rels, "Nemotron-4 340B Instruct", "licensedUnder")


@pytest.mark.parametrize("text", [
    "Falcon 3 comes under a licence derived from Apache 2.0.",
    "TII calls the Falcon 3 terms a permissive licence based on Apache 2.0.",
])
def test_a_licence_drawn_from_another_is_not_that_licence(extract_text, text):
    rels = relations_of(extract_text(text, published="2025-05-21"))
    assert ("Apache License 2.0", "asserted") not in _of(rels, "Falcon 3", "licensedUnder")


def test_a_licence_named_before_its_apposition_is_still_the_licence(extract_text):
    rels = relations_of(extract_text("Falcon 3 is released under Apache 2.0, a licence based on nothing else.",
                                     published="2025-05-21"))
    assert ("Apache License 2.0", "asserted") in _of(rels, "Falcon 3", "licensedUnder")


@pytest.mark.parametrize("denial", [
    "Intel will not sell Falcon Shores, the company said on Thursday.",
    "Intel decided not to bring Falcon Shores to market, the company said on Thursday.",
    "Intel has shelved Falcon Shores, the company said on Thursday.",
])
def test_a_plan_for_a_product_the_article_says_was_dropped_did_not_hold(extract_text, denial):
    text = (denial + " Jaguar Shores comes next. Nvidia shipped Blackwell. A year ago Intel recast the part as a "
            "GPU, and Falcon Shores was expected this year.")
    rels = relations_of(extract_text(text, published="2025-01-31"))
    assert _of(rels, "Intel Falcon Shores", "releasedOn") <= {("2025", "negated")}


def test_a_product_dropped_only_if_something_happens_keeps_its_plan(extract_text):
    text = "If Intel does not sell Falcon Shores, Jaguar Shores comes next. Falcon Shores is expected this year."
    rels = relations_of(extract_text(text, published="2025-01-31"))
    assert ("2025", "hedged") in _of(rels, "Intel Falcon Shores", "releasedOn")
