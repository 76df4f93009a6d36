"""Round three of the extractor: constructions from news wires, each in a sentence written for these tests."""

from __future__ import annotations

import pytest

from tests.conftest import relations_of

pytestmark = pytest.mark.slow


def test_dateline_before_the_raiser_does_not_hide_it(extract_text):
    ex = extract_text("\nSHANGHAI, May 2 - Chinese AI start-up Zhipu AI has closed a Series B round of 3 billion "
                      "yuan, valuing the firm at 10 billion yuan, local media reported on Monday.\n\n"
                      "Alibaba Group, Tencent Holdings and Meituan took part in the round, according to the reports.",
                      published="2024-05-02")
    rels = relations_of(ex)
    for investor in ("Alibaba", "Tencent", "Meituan"):
        assert ("Zhipu AI", "fundedBy", investor, "asserted") in rels


def test_labs_that_count_investors_as_backers(extract_text):
    ex = extract_text("The listing places Cohere next to Mistral AI and Aleph Alpha, which also count Nvidia and "
                      "Samsung as backers, in a club of European-facing labs. Reka does not count Microsoft "
                      "among its investors.")
    rels = relations_of(ex)
    for lab in ("Mistral AI", "Aleph Alpha"):
        for investor in ("NVIDIA", "Samsung"):
            assert (lab, "fundedBy", investor, "asserted") in rels
    assert ("NVIDIA", "fundedBy", "Samsung", "asserted") not in rels
    assert not [r for r in rels if r[0] == "Cohere" and r[1] == "fundedBy"]
    assert ("Reka AI", "fundedBy", "Microsoft", "negated") in rels


def test_gemini_generations_are_models_of_their_own(extract_text):
    ex = extract_text("Google said Gemini 2.0 was trained on TPU v5p pods.")
    assert ("Gemini 2.0", "trainedOn", "Google TPU v5p", "asserted") in relations_of(ex)


def test_a_successor_of_two_coordinated_chips(extract_text):
    ex = extract_text("The Blackwell Ultra succeeds the H100 and the H200, which both shipped before it.")
    rels = relations_of(ex)
    assert ("NVIDIA Blackwell Ultra", "successorOf", "NVIDIA H100", "asserted") in rels
    assert ("NVIDIA Blackwell Ultra", "successorOf", "NVIDIA H200", "asserted") in rels


def test_came_out_is_a_release_verb(extract_text):
    ex = extract_text("Its open Qwen2 family, in 7 billion and 72 billion parameter sizes, came out last June. "
                      "Llama 2 did not come out in 2022.", published="2024-11-20")
    rels = relations_of(ex)
    assert ("Qwen2", "releasedOn", "2024-06", "asserted") in rels
    assert ("Llama 2", "releasedOn", "2022", "asserted") not in rels


def test_both_launched_dates_each_coordinated_name(extract_text):
    ex = extract_text("The B200 replaces the H100 and H200, both launched in 2023.", published="2024-11-20")
    rels = relations_of(ex)
    assert ("NVIDIA H100", "releasedOn", "2023", "asserted") in rels
    assert ("NVIDIA H200", "releasedOn", "2023", "asserted") in rels
    assert not [r for r in rels if r[0] == "NVIDIA B200" and r[1] == "releasedOn"]
    ex = extract_text("Ironwood succeeds the TPU v5e and TPU v5p, both released in 2023.", published="2025-05-01")
    rels = relations_of(ex)
    assert ("Google TPU v5e", "releasedOn", "2023", "asserted") in rels
    assert ("Google TPU v5p", "releasedOn", "2023", "asserted") in rels


def test_weekday_glued_to_the_next_phrase_still_dates_a_release(extract_text):
    ex = extract_text("Google made the TPU v5p, its fifth-generation chip, generally available to customers on "
                      "Wednesday, months after showing it at a conference in May.", published="2023-12-08")
    rels = relations_of(ex)
    assert ("Google TPU v5p", "releasedOn", "2023-12-06", "asserted") in rels
    assert ("Google TPU v5p", "releasedOn", "2023-05", "asserted") not in rels


def test_the_models_as_subject_refer_to_the_family_last_named(extract_text):
    ex = extract_text("Its open Qwen2 family came out last June. According to the Qwen2 technical report, the "
                      "models were trained on a cluster of 512 Nvidia H800 GPUs.", published="2024-11-20")
    assert ("Qwen2", "trainedOn", "NVIDIA H800", "asserted") in relations_of(ex)


def test_derived_from_makes_a_variant_and_the_pronoun_skips_the_fronted_phrase(extract_text):
    ex = extract_text("The H800 was Nvidia's answer to the export rules. Derived from the Hopper architecture, "
                      "it keeps the 80 GB of HBM3.")
    rels = relations_of(ex)
    assert ("NVIDIA H800", "variantOf", "NVIDIA Hopper", "asserted") in rels
    figures = {(c.subject, c.predicate) for c in ex.claims if c.kind == "attribute"}
    assert ("NVIDIA H800", "memoryCapacityGB") in figures
    assert ("NVIDIA Hopper", "memoryCapacityGB") not in figures


def test_a_model_not_derived_from_another_is_negated(extract_text):
    ex = extract_text("Llama 3 was not derived from Llama 2.")
    rels = relations_of(ex)
    assert ("Llama 3", "variantOf", "Llama 2", "asserted") not in rels


def test_none_as_subject_negates_the_supply(extract_text):
    ex = extract_text("None of the memory in the B200 comes from Samsung.")
    rels = relations_of(ex)
    assert ("NVIDIA B200", "memorySuppliedBy", "Samsung", "asserted") not in rels
    assert ("NVIDIA B200", "memorySuppliedBy", "Samsung", "negated") in rels


def test_memory_supplier_in_a_relative_clause_and_under_a_hedging_verb(extract_text):
    ex = extract_text("SK hynix, which supplied most of the HBM3 in the H100, is a leader. Samsung, which never "
                      "supplied HBM3E for the H200, is behind. Micron is understood to supply the remainder of "
                      "the HBM3E for the B200.")
    rels = relations_of(ex)
    assert ("NVIDIA H100", "memorySuppliedBy", "SK hynix", "asserted") in rels
    assert ("NVIDIA H200", "memorySuppliedBy", "Samsung", "negated") in rels
    assert ("NVIDIA B200", "memorySuppliedBy", "Micron", "hedged") in rels


def test_a_hedge_in_one_clause_does_not_hedge_the_independent_clause(extract_text):
    ex = extract_text("The H200 is made by TSMC, and Nvidia would reportedly ship the B200 in March. Microsoft "
                      "reportedly runs GPT-4 on the Maia 100; the chip is fabbed by TSMC.", published="2024-11-20")
    rels = relations_of(ex)
    assert ("NVIDIA H200", "fabbedBy", "TSMC", "asserted") in rels
    assert ("Microsoft Maia 100", "fabbedBy", "TSMC", "asserted") in rels
    assert ("GPT-4", "runsOn", "Microsoft Maia 100", "hedged") in rels
    assert ("NVIDIA B200", "releasedOn", "2025-03", "asserted") not in rels


def test_an_earlier_round_backed_by_investors_is_dated(extract_text):
    ex = extract_text("Zhipu AI has raised 3 billion yuan. The same three groups had already backed the company "
                      "in a $300 million round last October.", published="2024-07-26")
    assert ("Zhipu AI", "fundedIn", "2023-10", "asserted") in relations_of(ex)


def test_followed_in_a_month_dates_the_follower(extract_text):
    ex = extract_text("Qwen2 came out last June. Its flagship Qwen2.5 followed in September but was larger.",
                      published="2024-11-20")
    rels = relations_of(ex)
    assert ("Qwen2.5", "releasedOn", "2024-09", "asserted") in rels
    assert ("Qwen2", "releasedOn", "2024-09", "asserted") not in rels


def test_a_possessive_pronoun_for_a_chip_designer_names_no_memory_supplier(extract_text):
    ex = extract_text("Microsoft built the Maia 100 for its own data centres. Its HBM2E memory gives it 1.8 TB/s "
                      "of bandwidth.")
    assert not [r for r in relations_of(ex) if r[1] == "memorySuppliedBy" and r[2] == "Microsoft"]


def test_the_chip_designer_is_not_its_memory_supplier(extract_text):
    ex = extract_text("Microsoft has not named the memory vendor for the Maia 100. SK hynix supplies HBM3E for "
                      "the H200.")
    rels = relations_of(ex)
    assert not [r for r in rels if r[1] == "memorySuppliedBy" and r[2] == "Microsoft"]
    assert ("NVIDIA H200", "memorySuppliedBy", "SK hynix", "asserted") in rels
