"""Common constructions found in real articles, each in a sentence written for these tests.

Round two of the extractor: bare sizes of a model family, release verbs with
the thing released as object, hardware in relative clauses and systems
operated by an organisation, and the lab that trains a model using that hardware.
"""

from __future__ import annotations

import pytest

from tests.conftest import relations_of

pytestmark = pytest.mark.slow


def labels(extraction) -> dict[str, str]:
    return {e.label: e.cls for e in extraction.entities}


def test_bare_sizes_name_members_of_the_family_last_sized(extract_text):
    ex = extract_text("Meta put Llama 3.1 405B on its servers first. Hosting partners said the 8B and 70B "
                      "models would come a week later, while the 405B model needs a full node.")
    found = labels(ex)
    assert found.get("Llama 3.1 8B") == "AIModel"
    assert found.get("Llama 3.1 70B") == "AIModel"
    assert "The 405B" not in found and "the 405B" not in found
    assert not [label for label in found if label.lower().startswith("the ")]


def test_a_bare_size_without_a_sized_model_before_it_is_no_entity(extract_text):
    ex = extract_text("The 70B model was easier to serve than anyone expected.")
    assert not [e for e in ex.entities if e.cls == "AIModel"]


def test_release_verb_with_an_object_dates_the_object_not_its_subject(extract_text):
    ex = extract_text("DeepSeek-V2.5 came first. Three weeks later, in November, the lab previewed a new "
                      "model, R1-Lite-Preview, to testers.", published="2024-12-20")
    rels = relations_of(ex)
    assert ("DeepSeek R1-Lite-Preview", "releasedOn", "2024-11", "asserted") in rels
    assert not any(r[0] == "DeepSeek-V2.5" and r[1] == "releasedOn" for r in rels)


def test_published_is_a_release_verb(extract_text):
    ex = extract_text("The Llama 3 models that Meta published in April were smaller.", published="2024-07-24")
    assert ("Llama 3", "releasedOn", "2024-04", "asserted") in relations_of(ex)


def test_holiday_date_of_a_release(extract_text):
    ex = extract_text("DeepSeek released DeepSeek-V3 the day after Christmas.", published="2025-01-10")
    assert ("DeepSeek-V3", "releasedOn", "2024-12-26", "asserted") in relations_of(ex)


def test_hardware_named_by_a_relative_clause(extract_text):
    ex = extract_text("AMD ships the Instinct MI300X accelerators, which Microsoft now uses for chatbot serving.")
    assert ("Microsoft", "usesHardware", "AMD Instinct MI300X", "asserted") in relations_of(ex)


def test_system_assembled_from_chips(extract_text):
    ex = extract_text("Colossus, the machine that xAI assembled in a former factory from 100,000 Nvidia H100 "
                      "GPUs, is now running.")
    rels = relations_of(ex)
    assert ("xAI", "usesHardware", "Colossus", "asserted") in rels
    assert ("xAI", "usesHardware", "NVIDIA H100", "asserted") in rels
    assert labels(ex).get("Colossus") == "Chip"


def test_possessed_system_is_operated_not_designed(extract_text):
    ex = extract_text("G42's Condor Galaxy 3 supercomputer will hold 64 of the systems.")
    rels = relations_of(ex)
    assert ("G42", "usesHardware", "Condor Galaxy 3", "asserted") in rels
    assert not any(r[1] == "designedBy" and r[0] == "Condor Galaxy 3" for r in rels)


def test_developer_named_elsewhere_uses_the_pre_training_hardware(extract_text):
    ex = extract_text("Meta released Llama 3.1 405B this week. The model was pre-trained on 16,000 Nvidia "
                      "H100 GPUs.", published="2024-07-24")
    assert ("Meta", "usesHardware", "NVIDIA H100", "asserted") in relations_of(ex)


def test_post_training_by_another_team_says_nothing_about_the_developer(extract_text):
    ex = extract_text("DeepSeek released DeepSeek-V4-Pro in April. A university group later post-trained "
                      "DeepSeek-V4-Pro on Ascend 910C chips.", published="2026-06-01")
    rels = relations_of(ex)
    assert ("DeepSeek-V4-Pro", "postTrainedOn", "Ascend 910C", "asserted") in rels
    assert not any(r[:3] == ("DeepSeek", "usesHardware", "Ascend 910C") for r in rels)


def test_relies_on_coordinated_chips(extract_text):
    ex = extract_text("Apple said it already relies on AWS's Inferentia and Graviton chips.")
    rels = relations_of(ex)
    assert ("Apple", "usesHardware", "AWS Inferentia", "asserted") in rels
    assert ("Apple", "usesHardware", "AWS Graviton", "asserted") in rels


# ---------------------------------------------------------------- funding with both sides named
@pytest.mark.parametrize("text, recipient, investor", [
    ("Microsoft invested $10 billion in OpenAI in early 2023, the company said.", "OpenAI", "Microsoft"),
    ("Analysts welcomed Amazon's decision to invest another $2.75 billion in Anthropic.", "Anthropic", "Amazon"),
    ("Google, which has put $2 billion into Anthropic, declined to comment.", "Anthropic", "Google"),
    ("DeepSeek is backed by the quantitative hedge fund High-Flyer.", "DeepSeek", "High-Flyer"),
])
def test_direct_investment(extract_text, text, recipient, investor):
    rels = relations_of(extract_text(text, published="2024-12-01"))
    assert (recipient, "fundedBy", investor, "asserted") in rels


def test_commitment_without_money_is_no_investment(extract_text):
    rels = relations_of(extract_text("Google has committed to open research with Anthropic."))
    assert not any(r[1] == "fundedBy" for r in rels)


def test_negated_direct_investment(extract_text):
    rels = relations_of(extract_text("Tesla did not invest any money in xAI."))
    assert ("xAI", "fundedBy", "Tesla", "negated") in rels
    assert not any(r[1] == "fundedBy" and r[3] == "asserted" for r in rels)


def test_backers_of_a_described_company(extract_text):
    ex = extract_text("Cerebras filed to go public on Monday. Cerebras said demand was strong. Mubadala "
                      "was not mentioned. Earlier backers of the company include Foundation Capital and "
                      "Eclipse Ventures.")
    rels = relations_of(ex)
    assert ("Cerebras Systems", "fundedBy", "Foundation Capital", "asserted") in rels
    assert ("Cerebras Systems", "fundedBy", "Eclipse Ventures", "asserted") in rels


# ---------------------------------------------------------------- licences and memory
def test_weights_licence_goes_to_the_model_the_licence_names(extract_text):
    ex = extract_text("Meta shipped Llama 3.1 on Tuesday, months after Llama 3 came out. "
                      "The weights are distributed under the Llama 3.1 Community License.")
    rels = relations_of(ex)
    assert ("Llama 3.1", "licensedUnder", "Llama 3.1 Community License", "asserted") in rels
    assert not any(r[0] == "Llama 3" and r[1] == "licensedUnder" for r in rels)


def test_weights_licence_goes_to_the_most_named_model(extract_text):
    ex = extract_text("Mistral Large 2 is the company's biggest model yet. Mistral Large 2 is also its most "
                      "expensive. The weights are released under the Apache 2.0 licence.")
    assert ("Mistral Large 2", "licensedUnder", "Apache License 2.0", "asserted") in relations_of(ex)


def test_licence_without_a_generic_subject_is_not_guessed(extract_text):
    ex = extract_text("Meta shipped Llama 3.1 on Tuesday. The code of the evaluation harness is released "
                      "under the MIT License.")
    assert not any(r[1] == "licensedUnder" for r in relations_of(ex))


@pytest.mark.parametrize("text, chip, memory", [
    ("Samsung became the second supplier of HBM3 for Nvidia's H100.", "NVIDIA H100", "HBM3"),
    ("The B200 doubles the HBM capacity of the Gaudi 3.", "Intel Gaudi 3", "HBM"),
])
def test_memory_named_for_a_chip(extract_text, text, chip, memory):
    assert (chip, "usesMemory", memory, "asserted") in relations_of(extract_text(text))


def test_memory_production_for_a_chip_names_the_supplier(extract_text):
    rels = relations_of(extract_text("Micron started volume production of HBM3E for the H200 in March."))
    assert ("NVIDIA H200", "memorySuppliedBy", "Micron", "asserted") in rels


def test_negated_memory_production_is_not_a_supply(extract_text):
    rels = relations_of(extract_text("Samsung did not start production of HBM3E for the H200."))
    assert not any(r[1] == "memorySuppliedBy" and r[3] == "asserted" for r in rels)


# ---------------------------------------------------------------- modality, denied figures, web noise
@pytest.mark.parametrize("text", [
    "Officials encouraged DeepSeek to train DeepSeek-R2 on Huawei Ascend 910C chips.",
    "Beijing pressed DeepSeek to train DeepSeek-R2 on Ascend 910C chips.",
    "Regulators asked that DeepSeek train DeepSeek-R2 on Ascend 910C chips.",
])
def test_urged_training_is_not_a_fact(extract_text, text):
    rels = relations_of(extract_text(text))
    training = [r for r in rels if r[1] == "trainedOn"]
    assert training and all(r[3] == "hypothetical" for r in training)
    assert not any(r[1] == "usesHardware" and r[3] == "asserted" for r in rels)


def test_reported_training_stays_asserted(extract_text):
    rels = relations_of(extract_text("People close to the lab told Reuters that DeepSeek trained "
                                     "DeepSeek-V3 on Nvidia H800 chips."))
    assert ("DeepSeek-V3", "trainedOn", "NVIDIA H800", "asserted") in rels


def test_denied_capacity_is_no_attribute(extract_text):
    ex = extract_text("The MI325X ships with 256 GB of HBM3E, and it will not carry the 288 GB that AMD "
                      "had talked about.")
    values = {c.object for c in ex.claims if c.predicate == "memoryCapacityGB"}
    assert 256.0 in values and 288.0 not in values
    assert ("AMD Instinct MI325X", "usesMemory", "HBM3E", "asserted") in relations_of(ex)
    assert not any(r[1] == "usesMemory" and r[3] == "negated" for r in relations_of(ex))


def test_navigation_lines_yield_nothing(extract_text):
    ex = extract_text("Cerebras filed for a listing on Monday.\n\nRead more: Nvidia ships the H200 with "
                      "HBM3E to every cloud\n\nRelated coverage\n- Why Micron supplies HBM3E for the H200\n"
                      "- AMD Instinct MI300X review\n\nTags: Cerebras, IPO\n")
    found = {e.label for e in ex.entities}
    assert "NVIDIA H200" not in found and "AMD Instinct MI300X" not in found
    assert not ex.claims or all("H200" not in c.subject for c in ex.claims)


# ---------------------------------------------------------------- members and their families
def test_family_in_apposition_describes_the_member(extract_text):
    ex = extract_text("The headline product is the WSE-3, the latest Wafer Scale Engine that Cerebras "
                      "unveiled in March.", published="2024-10-01")
    rels = relations_of(ex)
    assert ("Cerebras WSE-3", "variantOf", "Cerebras Wafer-Scale Engine", "asserted") in rels
    # a chip shown ("unveiled") is not yet a chip released; neither the member nor the family is dated
    assert not any(r[1] == "releasedOn" for r in rels)


def test_the_chip_is_the_member_not_the_family_beside_it(extract_text):
    ex = extract_text("Reviewers tested the WSE-3, the newest Wafer Scale Engine. Built by TSMC on a 5 nm "
                      "process, the chip holds four trillion transistors.")
    rels = relations_of(ex)
    assert ("Cerebras WSE-3", "fabbedBy", "TSMC", "asserted") in rels
    assert not any(r[0] == "Cerebras Wafer-Scale Engine" and r[1] == "fabbedBy" for r in rels)


@pytest.mark.parametrize("text, newer, older", [
    ("AWS said Trainium2 trains four times faster than the first-generation Trainium.", "AWS Trainium2",
     "AWS Trainium"),
    ("The MI325X doubles the memory of the previous generation MI300X.", "AMD Instinct MI325X",
     "AMD Instinct MI300X"),
])
def test_generation_words_split_into_tokens(extract_text, text, newer, older):
    assert (newer, "successorOf", older, "asserted") in relations_of(extract_text(text))


def test_first_without_generation_is_no_succession(extract_text):
    rels = relations_of(extract_text("Trainium2 was the first chip to beat the H100 in that test."))
    assert not any(r[1] == "successorOf" for r in rels)


def test_the_flagship_refers_to_the_model_named_before(extract_text):
    ex = extract_text("Meta released Llama 3.1 405B on Tuesday. Meta says the flagship is competitive with "
                      "closed systems such as OpenAI's GPT-4o.", published="2024-07-25")
    assert ("Llama 3.1 405B", "comparedTo", "GPT-4o", "asserted") in relations_of(ex)


def test_direct_investment_with_a_date_dates_the_round(extract_text):
    ex = extract_text("Microsoft invested $10 billion in OpenAI in January 2023.", published="2024-05-01")
    rels = relations_of(ex)
    assert ("OpenAI", "fundedBy", "Microsoft", "asserted") in rels
    assert ("OpenAI", "fundedIn", "2023-01", "asserted") in rels


def test_denied_investment_has_no_date(extract_text):
    ex = extract_text("Tesla did not invest in xAI in May.", published="2024-06-01")
    assert not any(r[1] == "fundedIn" for r in relations_of(ex))


# ---------------------------------------------------------------- who said it
def sources_of(extraction, predicate: str) -> set[tuple[str, ...]]:
    return {c.attributed_to for c in extraction.claims if c.predicate == predicate}


def test_speaker_title_is_dropped_and_he_is_resolved(extract_text):
    ex = extract_text("Intel CEO Pat Gelsinger said the Gaudi 3 ships this quarter. He added that the Gaudi 3 "
                      "is made by TSMC.", published="2024-06-04")
    assert ("Pat Gelsinger",) in sources_of(ex, "fabbedBy")
    assert not any("He" in s or "CEO" in " ".join(s) for c in ex.claims for s in [c.attributed_to])


def test_unresolved_pronoun_is_no_source(extract_text):
    ex = extract_text("She said the H100 is made by TSMC.")
    assert sources_of(ex, "fabbedBy") == {()}


def test_ordinary_lowercase_words_are_not_entities(extract_text):
    ex = extract_text("What does a colossus of meta data mean? A foundation of gaudi stone, an eclipse, an "
                      "apple and the llama herd; the graviton and the doe ran past the benchmark.")
    assert [e.label for e in ex.entities] == []


def test_participle_about_another_thing_dates_no_model(extract_text):
    ex = extract_text("Its chatbot app, launched in August, serves Meta's Llama 3.1 70B to paying users.",
                      published="2024-10-01")
    assert not any(r[1] == "releasedOn" for r in relations_of(ex))


def test_participle_about_a_chip_dates_the_chip(extract_text):
    ex = extract_text("The H200, launched in November, carries HBM3E.", published="2024-12-05")
    assert ("NVIDIA H200", "releasedOn", "2024-11", "asserted") in relations_of(ex)


def test_possessed_cluster_of_chips(extract_text):
    ex = extract_text("Microsoft's cluster of 10,000 AMD Instinct MI300X accelerators went live in March.")
    assert ("Microsoft", "usesHardware", "AMD Instinct MI300X", "asserted") in relations_of(ex)
    assert ("Microsoft", 10000.0) in {(c.subject, c.object) for c in ex.claims if c.predicate == "chipCount"}


def test_vendor_cluster_of_its_own_chips_is_not_a_use_claim(extract_text):
    ex = extract_text("Nvidia's cluster of H100 chips is large.")
    assert not any(r[1] == "usesHardware" for r in relations_of(ex))


def test_not_among_the_investors_after_a_long_apposition(extract_text):
    ex = extract_text("Mistral AI closed a $640 million round on Tuesday. Samsung, the electronics group that "
                      "also makes memory, was not among the investors in the round.", published="2024-06-12")
    rels = relations_of(ex)
    assert ("Mistral AI", "fundedBy", "Samsung", "negated") in rels
    assert not any(r[1] == "fundedBy" and r[2] == "Samsung" and r[3] == "asserted" for r in rels)


def test_not_training_on_a_chip_is_no_denial_of_using_it(extract_text):
    rels = relations_of(extract_text("DeepSeek did not train DeepSeek-V3 on Huawei's Ascend chips."))
    assert ("DeepSeek-V3", "trainedOn", "Ascend", "negated") in rels
    assert not any(r[1] == "usesHardware" for r in rels)


def test_an_earlier_round_of_the_focus_is_dated(extract_text):
    ex = extract_text("Anthropic closed a $4 billion round on Friday. It comes a year after a Series C of "
                      "similar size, which closed in March.", published="2024-11-22")
    rels = relations_of(ex)
    assert ("Anthropic", "fundedIn", "2024-03", "asserted") in rels


def test_family_name_classifying_an_unnamed_member_takes_no_relation(extract_text):
    ex = extract_text("Llama 3.1 405B was trained on 16,000 H100 GPUs, making it the largest Llama model "
                      "trained that way.")
    rels = relations_of(ex)
    assert ("Llama 3.1 405B", "trainedOn", "NVIDIA H100", "asserted") in rels
    assert not any(r[0] == "Llama" for r in rels)


def test_both_of_which_names_the_users(extract_text):
    ex = extract_text("Oracle will join Microsoft and Meta, both of which already deploy the AMD Instinct MI300X.")
    rels = relations_of(ex)
    assert ("Microsoft", "usesHardware", "AMD Instinct MI300X", "asserted") in rels
    assert ("Meta", "usesHardware", "AMD Instinct MI300X", "asserted") in rels


def test_relative_clause_in_a_conditional_sentence_is_still_a_fact(extract_text):
    ex = extract_text("If xAI bought MI300X accelerators, it would join Microsoft and Meta, both of which "
                      "already deploy the AMD Instinct MI300X.")
    rels = relations_of(ex)
    assert ("Microsoft", "usesHardware", "AMD Instinct MI300X", "asserted") in rels
    assert not any(r[0] == "xAI" and r[1] == "usesHardware" and r[3] == "asserted" for r in rels)
