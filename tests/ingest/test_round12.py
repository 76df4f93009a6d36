"""Round twelve of the extractor (session 10): false assertions found on new unseen sets, fixed with general
rules, in sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.conftest import relations_of

pytestmark = pytest.mark.slow


def _asserting(rels, subj, pred, obj=None):
    return [r for r in rels if r[0] == subj and r[1] == pred and (obj is None or r[2] == obj)
            and r[3] in {"asserted", "hedged"}]


def test_a_gerund_talked_about_is_no_release(extract_text):
    rels = relations_of(extract_text(
        "Commerce officials told Nvidia on April 9 that shipping H20 chips to China would need a licence.",
        published="2025-04-16"))
    assert not any(r[0] == "NVIDIA H20" and r[1] == "releasedOn" for r in rels)
    rels = relations_of(extract_text("Nvidia began shipping the H20 to Chinese buyers on March 3, 2024."))
    assert any(r[0] == "NVIDIA H20" and r[1] == "releasedOn" for r in rels)


def test_an_attempt_that_ran_into_problems_did_not_happen_and_ran_into_is_no_running_on(extract_text):
    rels = relations_of(extract_text(
        "People familiar with the project said that DeepSeek's effort to train R2 on Ascend chips ran into "
        "repeated technical problems."))
    assert not _asserting(rels, "DeepSeek R2", "trainedOn")
    assert not any(r[0] == "DeepSeek R2" and r[1] == "runsOn" for r in rels)


def test_a_pronoun_in_a_relative_clause_about_a_report_is_the_report(extract_text):
    rels = relations_of(extract_text(
        "A newsletter post, which spread quickly among engineers after it appeared on Monday, says GPT-4 has "
        "about 1.8 trillion parameters.", published="2023-07-13"))
    assert not any(r[0] == "GPT-4" and r[1] == "releasedOn" for r in rels)


def test_a_licence_in_the_apposition_of_one_conjunct_is_not_the_others(extract_text):
    rels = relations_of(extract_text(
        "The family comes in two sizes: Magistral Small, an open model under Apache 2.0, and Magistral Medium, "
        "which stays closed."))
    assert ("Magistral Small", "licensedUnder", "Apache License 2.0", "asserted") in rels
    assert not any(r[0] == "Magistral Medium" and r[1] == "licensedUnder" for r in rels)


def test_a_participle_describing_a_supercomputer_does_not_name_the_models_developer(extract_text):
    rels = relations_of(extract_text(
        "Apertus was pre-trained on 15 trillion tokens on Alps, the CSCS supercomputer in Lugano built by "
        "Hewlett Packard Enterprise."))
    assert not any(r[0] == "Apertus" and r[1] == "developedBy" and r[2] == "Hewlett Packard Enterprise"
                   for r in rels)
    rels = relations_of(extract_text("Gaudi 3, a chip built by Intel, ships this year."))
    assert ("Intel Gaudi 3", "designedBy", "Intel", "asserted") in rels


def test_what_a_job_would_require_is_a_sum_not_a_plan_even_in_reported_speech(extract_text):
    rels = relations_of(extract_text(
        "Analysts said that training GPT-5 from scratch would require 50,000 Nvidia H100 chips."))
    assert not _asserting(rels, "GPT-5", "trainedOn")
    rels = relations_of(extract_text("Meta said it would use H100 chips to train Llama 4."))
    assert ("Llama 4", "trainedOn", "NVIDIA H100", "hedged") in rels  # a plan stated by the lab stays hedged


def test_a_pseudo_cleft_denial_with_an_aside_still_denies(extract_text):
    rels = relations_of(extract_text(
        "What the lab did not do, despite rumours last spring, was train Grok 3 on Nvidia's Blackwell parts."))
    assert not _asserting(rels, "Grok 3", "trainedOn")


def test_launching_inference_services_for_models_is_no_release_of_the_models(extract_text):
    rels = relations_of(extract_text(
        "On February 1 two Chinese clouds said they had launched R1 and V3 inference services on Ascend chips.",
        published="2025-02-05"))
    assert not any(r[1] == "releasedOn" for r in rels)
    rels = relations_of(extract_text("DeepSeek released R1 and V3 on January 20.", published="2025-02-05"))
    assert ("DeepSeek-R1", "releasedOn", "2025-01-20", "asserted") in rels
