"""The extraction pipeline over the real spaCy pipeline: entities, relations, coreference, bad input.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import pytest

from kg import Document, Extraction, ExtractionError
from tests.conftest import relations_of

pytestmark = pytest.mark.slow


def labels(extraction: Extraction) -> dict[str, str]:
    return {e.label: e.cls for e in extraction.entities}


# ---------------------------------------------------------------- entities
def test_gazetteer_names_are_canonicalised(extract_text):
    ex = extract_text("Engineers compared the nvidia h100 with two Ascend 910Cs and Huawei's 910B last week.")
    found = labels(ex)
    assert found.get("NVIDIA H100") == "Chip"
    assert found.get("Ascend 910C") == "Chip"  # a plural of a product code
    assert found.get("Ascend 910B") == "Chip"
    assert "Huawei" in found


def test_hyphenation_and_spacing_do_not_matter(extract_text):
    ex = extract_text("Both deepseek-v4-pro and DeepSeek V4-Pro name one model.")
    assert [e.label for e in ex.entities if e.cls == "AIModel"] == ["DeepSeek-V4-Pro"]


def test_vendor_prefixed_name_resolves_to_the_product(extract_text):
    ex = extract_text("The lab rented a rack of Huawei Ascend 910C processors.")
    rels = relations_of(ex)
    assert "Ascend 910C" in labels(ex)
    assert ("Ascend 910C", "designedBy", "Huawei", "asserted") in rels


def test_unknown_product_code_next_to_a_chip_word_is_a_chip(extract_text):
    ex = extract_text("Nvidia showed its Q7000 accelerators to investors on Tuesday.")
    chips = [e for e in ex.entities if e.cls == "Chip"]
    assert chips and chips[0].label.endswith("Q7000")


def test_unknown_code_without_context_is_not_an_entity(extract_text):
    ex = extract_text("The building at 2200 Mission Street hosted 300 guests.")
    assert not [e for e in ex.entities if e.cls in {"Chip", "AIModel"}]


def test_versioned_model_name_before_a_model_word(extract_text):
    ex = extract_text("Researchers released the Orca-7 model under the MIT license in May 2026.",
                      published="2026-06-01")
    assert labels(ex).get("Orca-7") == "AIModel"
    assert ("Orca-7", "licensedUnder", "MIT License", "asserted") in relations_of(ex)


# ---------------------------------------------------------------- relations: syntax
def test_active_and_passive_voice(extract_text):
    active = relations_of(extract_text("TSMC manufactures the Ascend 910B for Huawei."))
    passive = relations_of(extract_text("The Ascend 910B is manufactured by TSMC."))
    assert ("Ascend 910B", "fabbedBy", "TSMC", "asserted") in active
    assert ("Ascend 910B", "fabbedBy", "TSMC", "asserted") in passive


def test_possessive_makes_the_designer_and_the_developer(extract_text):
    rels = relations_of(extract_text("Analysts praised AMD's Instinct MI300X and Alibaba's Qwen3 model."))
    assert ("AMD Instinct MI300X", "designedBy", "AMD", "asserted") in rels
    assert any(s.startswith("Qwen3") and p == "developedBy" and o == "Alibaba" for s, p, o, _m in rels)


def test_possessive_of_a_buyer_is_not_a_designer(extract_text):
    rels = relations_of(extract_text("Microsoft's H100s sat idle for a week."))
    assert not any(p == "designedBy" and o == "Microsoft" for _s, p, o, _m in rels)


def test_apposition_with_possessive(extract_text):
    rels = relations_of(extract_text("Benchmarks favoured GLM-5, Zhipu's newest release, over older systems."))
    assert ("GLM-5", "developedBy", "Zhipu AI", "asserted") in rels or \
        any(s == "GLM-5" and p == "developedBy" and "Zhipu" in o for s, p, o, _m in rels)


def test_copula_with_possessive(extract_text):
    rels = relations_of(extract_text("The GB100 is NVIDIA's largest accelerator die so far."))
    assert ("NVIDIA GB100", "designedBy", "NVIDIA", "asserted") in rels


def test_relative_clause_release_date(extract_text):
    ex = extract_text("Engineers tested the V4 family that DeepSeek open-sourced on March 3, 2026.",
                      published="2026-05-01")
    rels = relations_of(ex)
    assert ("DeepSeek-V4", "releasedOn", "2026-03-03", "asserted") in rels
    assert ("DeepSeek-V4", "developedBy", "DeepSeek", "asserted") in rels


def test_nominalisation_and_prepositional_chain(extract_text):
    ex = extract_text("The team finished the post-training of DeepSeek-V4-Pro last week, on a big cluster "
                      "of 2,000 Huawei Ascend 910C chips.")
    assert ("DeepSeek-V4-Pro", "postTrainedOn", "Ascend 910C", "asserted") in relations_of(ex)


def test_coordination_of_objects(extract_text):
    ex = extract_text("OpenAI closed a funding round backed by Thrive Capital and SoftBank Group Corp.",
                      published="2025-03-31")
    rels = relations_of(ex)
    assert ("OpenAI", "fundedBy", "Thrive Capital", "asserted") in rels
    assert any(o.startswith("SoftBank") for s, p, o, _m in rels if s == "OpenAI" and p == "fundedBy")


def test_investors_including_and_funding_date(extract_text):
    text = ("Mistral AI said it raised $600 million in June 2024. The round was led by General Catalyst, "
            "with participation from investors including Lightspeed Venture Partners and Andreessen Horowitz.")
    ex = extract_text(text, published="2024-06-12")
    rels = relations_of(ex)
    assert ("Mistral AI", "fundedIn", "2024-06", "asserted") in rels
    backers = {o for s, p, o, m in rels if s == "Mistral AI" and p == "fundedBy"}
    assert {"General Catalyst", "Lightspeed Venture Partners"} <= backers
    amounts = [c.object for c in ex.claims if c.predicate == "fundingAmountUSD"]
    assert 6e8 in amounts


def test_memory_and_its_supplier(extract_text):
    rels = relations_of(extract_text("TechInsights found that the B200 carries HBM3E made by SK hynix."))
    assert ("NVIDIA B200", "usesMemory", "HBM3E", "asserted") in rels
    assert ("NVIDIA B200", "memorySuppliedBy", "SK hynix", "asserted") in rels
    assert not any(p == "fabbedBy" and o == "SK hynix" for _s, p, o, _m in rels)


def test_comparison_successor_and_variant(extract_text):
    rels = relations_of(extract_text(
        "The Ascend 950PR is a member of the Ascend 950 family. The Ascend 950 is faster than the "
        "previous-generation Ascend 910C."))
    assert ("Ascend 950PR", "variantOf", "Ascend 950", "asserted") in rels
    assert ("Ascend 950", "comparedTo", "Ascend 910C", "asserted") in rels
    assert ("Ascend 950", "successorOf", "Ascend 910C", "asserted") in rels


def test_runs_on_and_quarter_release(extract_text):
    rels = relations_of(extract_text(
        "Qwen3 now runs on the Ascend 910B. The Ascend 950PR shipped in the first quarter of 2026.",
        published="2026-05-02"))
    assert any(s.startswith("Qwen3") and p == "runsOn" and o == "Ascend 910B" for s, p, o, _m in rels)
    assert ("Ascend 950PR", "releasedOn", "2026-Q1", "asserted") in rels


def test_organisation_uses_hardware(extract_text):
    rels = relations_of(extract_text("Meta bought 350,000 NVIDIA H100 GPUs for its clusters."))
    assert ("Meta", "usesHardware", "NVIDIA H100", "asserted") in rels


def test_relative_date_resolved_against_the_article(extract_text):
    rels = relations_of(extract_text("Moonshot AI released its Kimi K2.5 model last month.", published="2026-02-17"))
    assert ("Kimi K2.5", "releasedOn", "2026-01", "asserted") in rels


# ---------------------------------------------------------------- coreference
def test_definite_description_resolves_to_the_subject_before(extract_text):
    text = "The Ascend 910C is Huawei's main product this year. The chip is manufactured by SMIC."
    assert ("Ascend 910C", "fabbedBy", "SMIC", "asserted") in relations_of(extract_text(text))


def test_the_company_and_its(extract_text):
    text = "Cerebras Systems expanded its lab in Toronto. The company also designed its CS-3 chips there."
    ex = extract_text(text)
    assert any(p == "designedBy" and o == "Cerebras Systems" for _s, p, o, _m in relations_of(ex)) or \
        any(p == "designedBy" and "Cerebras" in o for _s, p, o, _m in relations_of(ex))


def test_pronoun_is_not_the_subject_of_its_own_clause(extract_text):
    text = "The Ascend 910C is Huawei's flagship. Huawei is producing it at SMIC."
    rels = relations_of(extract_text(text))
    assert ("Ascend 910C", "fabbedBy", "SMIC", "asserted") in rels
    assert not any(s == "Huawei" and p == "fabbedBy" for s, p, _o, _m in rels)


def test_the_same_lab_prefers_a_lab(extract_text):
    text = ("DeepSeek shipped a new model while CSIS published a report. The same lab closed its first "
            "external funding round in June 2026.")
    rels = relations_of(extract_text(text, published="2026-07-01"))
    assert ("DeepSeek", "fundedIn", "2026-06", "asserted") in rels
    assert not any(s == "CSIS" for s, p, _o, _m in rels if p == "fundedIn")


# ---------------------------------------------------------------- what must not be asserted
def test_questions_assert_nothing(extract_text):
    ex = extract_text("Was Llama 3 trained on Ascend 910B chips?")
    assert not [c for c in ex.claims if c.predicate in {"trainedOn", "preTrainedOn"}]


def test_organisation_is_never_the_trained_model(extract_text):
    ex = extract_text("If a future DeepSeek model pre-trains on Ascend 950DT clusters, the story changes.")
    asserted = [c for c in ex.claims if c.predicate == "preTrainedOn" and c.modality in {"asserted", "hedged"}]
    assert asserted == []


def test_memory_vendor_is_not_a_foundry(extract_text):
    rels = relations_of(extract_text(
        "The accelerator packs TSMC dies with HBM3 supplied by Samsung, according to a teardown."))
    assert not any(p == "fabbedBy" and o == "Samsung" for _s, p, o, _m in rels)


# ---------------------------------------------------------------- document-level behaviour
def test_claims_carry_sentence_offsets_and_provenance(extract_text):
    text = "Intro line.\n\nThe Ascend 910B is manufactured by TSMC, the report said."
    ex = extract_text(text)
    claim = next(c for c in ex.claims if c.predicate == "fabbedBy")
    assert text[claim.start:claim.end] == claim.sentence
    assert claim.extractor == "kg.relations.v1"
    assert 0 < claim.confidence <= 1
    assert ex.pipeline and not ex.degraded


def test_published_date_found_in_the_page(extractor):
    doc = Document(key="d", text="By A. Writer\nUpdated: March 3, 2026\n\nThe Ascend 950PR launched last month.",
                   source="d.txt")
    ex = extractor.extract(doc)
    assert doc.published == "2026-03-03" and doc.metadata["published_from"] == "text"
    assert ("Ascend 950PR", "releasedOn", "2026-02", "asserted") in relations_of(ex)


def test_empty_text(extract_text):
    ex = extract_text("")
    assert ex.entities == [] and ex.claims == []


def test_text_longer_than_max_length_is_split(extractor):
    paragraph = "The Ascend 910B is manufactured by TSMC. " * 40
    text = "\n\n".join([paragraph] * 6)
    old = extractor.nlp.max_length
    extractor.nlp.max_length = 3000
    try:
        ex = extractor.extract(Document(key="long", text=text, source="long.txt"))
    finally:
        extractor.nlp.max_length = old
    claims = [c for c in ex.claims if c.predicate == "fabbedBy"]
    assert len(claims) > 6 * 10
    assert all(text[c.start:c.end] == c.sentence for c in claims)
    assert max(c.end for c in claims) > 3000


def test_extract_many_streams_and_reports_a_bad_document(extractor):
    docs = [Document(key="a", text="The Ascend 910B is manufactured by TSMC.", source="a.txt"),
            Document(key="broken", text=None, source="broken.txt"),  # type: ignore[arg-type]
            Document(key="c", text="Samsung supplies HBM3E for the NVIDIA B200.", source="c.txt")]
    results = list(extractor.extract_many(iter(docs), batch_size=2))
    errors = [r for r in results if isinstance(r, ExtractionError)]
    good = [r for r in results if isinstance(r, Extraction)]
    assert len(errors) == 1 and "broken" in str(errors[0])
    assert [r.document.key for r in good] == ["a", "c"]


def test_extractor_identity(extractor):
    assert extractor.name == "kg.extractor.v1"
    assert "siliconkg" in extractor.version and "core_web_sm" in extractor.version
    assert extractor.degraded is False
    assert extractor.nlp.pipe_names[0] == "kg_entity_ruler"
    assert "lemmatizer" not in extractor.nlp.pipe_names


# ---------------------------------------------------------------- more constructions
def test_inverted_investor_list_and_negated_membership(extract_text):
    text = ("Anthropic has closed a $4 billion funding round, the company said on Tuesday. "
            "Among the backers named by Anthropic were Spark Capital and Menlo Ventures. "
            "Google also took part as a strategic investor. Apple was not among the investors.")
    rels = relations_of(extract_text(text, published="2024-03-28"))
    assert ("Anthropic", "fundedIn", "2024-03-26", "asserted") in rels  # "on Tuesday" before the article date
    assert ("Anthropic", "fundedBy", "Spark Capital", "asserted") in rels
    assert ("Anthropic", "fundedBy", "Menlo Ventures", "asserted") in rels
    assert ("Anthropic", "fundedBy", "Google", "asserted") in rels
    assert ("Anthropic", "fundedBy", "Apple", "negated") in rels


def test_licence_names_from_their_shape(extract_text):
    ex = extract_text("Meta published Llama 3.1 under the Llama 3.1 Community License last summer.")
    assert labels(ex).get("Llama 3.1 Community License") == "License"
    assert ("Llama 3.1", "licensedUnder", "Llama 3.1 Community License", "asserted") in relations_of(ex)


def test_size_in_a_model_name_is_its_parameter_count(extract_text):
    ex = extract_text("Groq serves Llama 3.1 70B to developers.")
    assert ("Llama 3.1 70B", 7e10) in {(c.subject, c.object) for c in ex.claims if c.predicate == "parameterCount"}


def test_lab_training_a_model_uses_the_hardware(extract_text):
    rels = relations_of(extract_text("DeepSeek trained DeepSeek-V3 on 2,048 NVIDIA H800 GPUs."))
    assert ("DeepSeek-V3", "trainedOn", "NVIDIA H800", "asserted") in rels
    assert ("DeepSeek", "usesHardware", "NVIDIA H800", "asserted") in rels


def test_lowercase_word_is_not_an_acronym(extract_text):
    ex = extract_text("Samsung does not yet supply HBM3E for the NVIDIA B200.")
    assert "US Department of Energy" not in labels(ex)  # "does" is not "DOE"
    rels = relations_of(ex)
    assert ("NVIDIA B200", "memorySuppliedBy", "Samsung", "negated") in rels


def test_no_before_the_object_negates(extract_text):
    ex = extract_text("The Meta MTIA v2 uses no HBM and relies on LPDDR5 memory instead.")
    rels = relations_of(ex)
    assert ("Meta MTIA v2", "usesMemory", "HBM", "negated") in rels
    assert not any(p == "usesMemory" and o == "HBM" and m in {"asserted", "hedged"} for _s, p, o, m in rels)


def test_sentence_final_period_after_a_code(extract_text):
    ex = extract_text("The model was trained on the Ascend 910B. It shipped later.")
    assert "Ascend 910B" in labels(ex)
    assert all(not a.endswith(".") for e in ex.entities for a in (e.label, *e.aliases) if "910B" in a)


@pytest.mark.parametrize("text, subject, obj", [
    ("The Llama 3.1 405B is competitive with GPT-4o on coding tests.", "Llama 3.1 405B", "GPT-4o"),
    ("The NVIDIA H200 offers nearly twice the memory of the NVIDIA H100.", "NVIDIA H200", "NVIDIA H100"),
    ("DeepSeek-V3 beats Qwen2.5-72B and matches GPT-4o.", "DeepSeek-V3", "GPT-4o"),
])
def test_comparisons(extract_text, text, subject, obj):
    assert (subject, "comparedTo", obj, "asserted") in relations_of(extract_text(text))


def test_size_written_with_a_hyphen(extract_text):
    ex = extract_text("Alibaba released Qwen2.5-72B to developers.")
    assert labels(ex).get("Qwen2.5-72B") == "AIModel"
    assert ("Qwen2.5-72B", 7.2e10) in {(c.subject, c.object) for c in ex.claims if c.predicate == "parameterCount"}


def test_parts_of_the_chip_refer_to_it(extract_text):
    text = ("AMD launched the Instinct MI300X last year. The compute dies are manufactured by TSMC, "
            "and the package carries 192 GB of HBM3 memory.")
    ex = extract_text(text)
    rels = relations_of(ex)
    assert ("AMD Instinct MI300X", "fabbedBy", "TSMC", "asserted") in rels
    assert ("AMD Instinct MI300X", "usesMemory", "HBM3", "asserted") in rels
    assert ("AMD Instinct MI300X", 192.0) in {(c.subject, c.object) for c in ex.claims
                                              if c.predicate == "memoryCapacityGB"}


def test_successor_constructions(extract_text):
    rels = relations_of(extract_text(
        "The AMD Instinct MI325X, the successor to the AMD Instinct MI300X, is shipping now. "
        "Blackwell replaces Hopper as NVIDIA's flagship."))
    assert ("AMD Instinct MI325X", "successorOf", "AMD Instinct MI300X", "asserted") in rels
    assert ("NVIDIA Blackwell", "successorOf", "NVIDIA Hopper", "asserted") in rels


def test_two_workers_give_the_same_extractions(extractor):
    def docs():
        return [Document(key=f"d{i}", text=f"The Ascend 910B is manufactured by TSMC. Story {i}.", source=f"d{i}.txt")
                for i in range(5)] + [Document(key="broken", text=None, source="x.txt")]  # type: ignore[arg-type]

    one = list(extractor.extract_many(iter(docs()), workers=1, batch_size=2))
    two = list(extractor.extract_many(iter(docs()), workers=2, batch_size=2))
    assert [type(r) for r in one] == [type(r) for r in two]
    assert [r.claims for r in one if isinstance(r, Extraction)] == [r.claims for r in two if isinstance(r, Extraction)]
    assert any(isinstance(r, ExtractionError) and "broken" in str(r) for r in two)


def test_organisation_names_are_cleaned():
    from ingest.extractors.entities import clean_org_name

    assert clean_org_name("Atreides Management and") == "Atreides Management"
    assert clean_org_name("the Alibaba Group Holding Ltd.") == "Alibaba"
    assert clean_org_name("Nvidia Corp.'s") == "Nvidia"
