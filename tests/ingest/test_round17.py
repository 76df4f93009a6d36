"""Round seventeen of the extractor (session 15): funding told across sentences and through descriptions
(found among the misses of the sets opened this session, heldout79-83), and the false assertions of the new
blind sets (heldout84-88), read with general rules, in sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.conftest import relations_of

pytestmark = pytest.mark.slow


def _funding(rels, subj):
    return {(r[1], r[2], r[3]) for r in rels if r[0] == subj and r[1] in {"fundedBy", "fundedIn"}}


def test_a_round_whose_possessor_hangs_on_its_compound(extract_text):
    # "Mistral's seed round": the parser hangs the possessor on "seed"; the round is Mistral's, and dated
    rels = relations_of(extract_text("Index Ventures led Mistral's seed round of roughly $110 million in June "
                                     "2023, the start-up said.", published="2024-02-01"))
    assert ("fundedBy", "Index Ventures", "asserted") in _funding(rels, "Mistral AI")
    assert ("fundedIn", "2023-06", "asserted") in _funding(rels, "Mistral AI")
    assert not _funding(rels, "Index Ventures")


def test_a_round_led_later_is_the_focus_companys_and_dated(extract_text):
    rels = relations_of(extract_text(
        "Most of Mistral's money came from one large round. Andreessen Horowitz led a round of 385 million "
        "euros in December 2023, and Nvidia and Salesforce were among the other investors.",
        published="2024-04-10"))
    got = _funding(rels, "Mistral AI")
    assert {("fundedBy", "Andreessen Horowitz", "asserted"), ("fundedBy", "NVIDIA", "asserted"),
            ("fundedIn", "2023-12", "asserted")} <= got
    assert not _funding(rels, "NVIDIA")


def test_the_described_company_is_not_the_investor_itself(extract_text):
    # "Amazon agreed to invest ... in the company": the company is another party than Amazon
    rels = relations_of(extract_text("Anthropic trains Claude on AWS hardware. Amazon agreed in September to "
                                     "invest up to $4 billion in the company.", published="2023-10-05"))
    assert ("fundedBy", "Amazon", "asserted") in _funding(rels, "Anthropic")
    assert not _funding(rels, "Amazon")


def test_the_described_company_is_no_backer_and_no_unit_of_another(extract_text):
    # the nearest organisation is a backer already, or a cloud service of a company named: not the company
    rels = relations_of(extract_text(
        "Anthropic sells Claude through Amazon Bedrock and Google Cloud's Vertex AI. Google has committed $2 "
        "billion to the start-up.", published="2025-03-01"))
    assert ("fundedBy", "Google", "asserted") in _funding(rels, "Anthropic")
    assert not any(r[1] == "fundedBy" and r[0] in {"Google Cloud Vertex AI", "Google Cloud", "Amazon Bedrock"}
                   for r in rels)
    rels = relations_of(extract_text(
        "Amazon is not Anthropic's only large shareholder. Google agreed last year to invest up to $2 billion "
        "in the company.", published="2024-03-01"))
    assert ("fundedBy", "Google", "asserted") in _funding(rels, "Anthropic")
    assert not _funding(rels, "Amazon")


def test_the_largest_investor_in_a_relative_clause(extract_text):
    rels = relations_of(extract_text("Microsoft, which remains OpenAI's largest investor, declined to comment "
                                     "on the new model."))
    assert ("fundedBy", "Microsoft", "asserted") in _funding(rels, "OpenAI")


def test_a_round_paid_for_a_purchase_is_no_funding(extract_text):
    rels = relations_of(extract_text("Nvidia bought Run:ai, an Israeli software maker, in a deal that closed "
                                     "in December.", published="2025-02-01"))
    assert not any(r[1] in {"fundedIn", "fundedBy"} for r in rels)
    # another clause after the purchase may still tell of a round
    rels = relations_of(extract_text("Databricks bought MosaicML in July, and in September it raised $500 million "
                                     "in a round led by T. Rowe Price.", published="2023-10-01"))
    assert {("fundedBy", "T. Rowe Price", "asserted"), ("fundedIn", "2023-09", "asserted")} <= _funding(
        rels, "Databricks")


def test_a_round_of_the_bought_company_or_of_another_is_its_own(extract_text):
    # a relative clause on the bought company tells of that company's own round
    rels = relations_of(extract_text("Databricks agreed to buy MosaicML, which raised $64 million in a round led "
                                     "by Lux Capital in 2022.", published="2023-07-01"))
    assert {("fundedBy", "Lux Capital", "asserted"), ("fundedIn", "2022", "asserted")} <= _funding(rels, "MosaicML")
    # a round led in another company, or by the company itself, dates nothing of the company's own
    rels = relations_of(extract_text("Anthropic raised $4 billion from Amazon in 2023. Amazon led a round in a "
                                     "robotics start-up in December 2024.", published="2025-02-01"))
    assert ("fundedIn", "2024-12", "asserted") not in _funding(rels, "Anthropic")
    rels = relations_of(extract_text("Mistral AI raised money in 2024. Mistral AI itself led a round in December "
                                     "2024 for a small French start-up.", published="2025-02-01"))
    assert ("fundedIn", "2024-12", "asserted") not in _funding(rels, "Mistral AI")


def test_memory_avoided_is_memory_not_used(extract_text):
    rels = relations_of(extract_text("Groq's LPU and the Cerebras WSE-3 keep a model in SRAM spread across many "
                                     "chips. Both avoid the HBM that Nvidia's GPUs depend on, a choice that once "
                                     "looked like a weakness."))
    assert {("Groq LPU", "usesMemory", "HBM", "negated"), ("Cerebras WSE-3", "usesMemory", "HBM", "negated")} <= rels
    assert not any(r[1] == "usesMemory" and r[2] == "HBM" and r[3] == "asserted" for r in rels)


def test_what_anyone_doing_it_would_need_is_supposed(extract_text):
    rels = relations_of(extract_text("Moonshot released Kimi K2. Even stored at 8 bits per weight, Kimi K2 "
                                     "occupies more than 1,000 GB, so anyone hosting it themselves would need a "
                                     "multi-GPU server, for instance sixteen of Nvidia's 80 GB H100s."))
    assert ("Kimi K2", "runsOn", "NVIDIA H100", "hypothetical") in rels
    assert ("Kimi K2", "runsOn", "NVIDIA H100", "asserted") not in rels


def test_what_would_let_someone_compare_is_no_comparison(extract_text):
    rels = relations_of(extract_text("Google gave no benchmark that would let buyers set the TPU v5e against "
                                     "Nvidia's H100."))
    assert ("Google TPU v5e", "comparedTo", "NVIDIA H100", "hypothetical") in rels
    assert not any(r[1] == "comparedTo" and r[3] == "asserted" for r in rels)


def test_a_date_in_a_clause_of_its_own_is_not_the_release_date(extract_text):
    rels = relations_of(extract_text("Baidu's chief executive had said last year that open models would fall "
                                     "behind; on June 30 the company published ERNIE 4.5 under Apache 2.0.",
                                     published="2025-08-12"))
    assert {(r[2], r[3]) for r in rels if r[0] == "ERNIE 4.5" and r[1] == "releasedOn"} == {
        ("2025-06-30", "asserted")}


def test_the_update_of_a_model_is_not_the_model(extract_text):
    rels = relations_of(extract_text("DeepSeek-R1 came out under the MIT licence, and the March update of V3, "
                                     "DeepSeek-V3-0324, moved to MIT as well."))
    assert ("DeepSeek-V3-0324", "licensedUnder", "MIT License", "asserted") in rels
    assert ("DeepSeek-V3", "licensedUnder", "MIT License", "asserted") not in rels


def test_a_date_before_the_comma_of_a_fronted_when_clause_is_its_own(extract_text):
    # the parser hangs "on Monday" on the main verb; it stands inside the "when" clause
    rels = relations_of(extract_text("When Anthropic released Claude 3.5 Haiku on Monday, it closed a loop that "
                                     "began a year ago.", published="2024-12-10"))
    assert ("Claude 3.5 Haiku", "releasedOn", "2024-12-09", "asserted") in rels


def test_a_common_noun_subject_named_in_apposition(extract_text):
    rels = relations_of(extract_text("Intel's reply, the Core Ultra 200V series better known as Lunar Lake, went "
                                     "on sale on September 24.", published="2024-10-01"))
    assert ("Intel Lunar Lake", "releasedOn", "2024-09-24", "asserted") in rels
    rels = relations_of(extract_text("Its successor, the Atlas 950 SuperPoD, will link 8,192 Ascend 950DT chips "
                                     "and is scheduled for the fourth quarter of 2026.", published="2025-09-20"))
    assert ("Atlas 950 SuperPoD", "releasedOn", "2026-Q4", "hedged") in rels
    assert not any(r[0] == "Ascend 950DT" and r[1] == "releasedOn" for r in rels)


def test_a_model_that_works_on_each_makers_hardware(extract_text):
    rels = relations_of(extract_text("Meta said Llama 3.2 1B works on Qualcomm and MediaTek hardware."))
    assert {("Llama 3.2 1B", "runsOn", "Qualcomm", "asserted"), ("Llama 3.2 1B", "runsOn", "MediaTek", "asserted")} \
        <= rels
    rels = relations_of(extract_text("Meta released Llama 3.2 1B, which works on Qualcomm hardware."))
    assert ("Llama 3.2 1B", "runsOn", "Qualcomm", "asserted") in rels
    # people who work on a model do not make it run anywhere
    rels = relations_of(extract_text("Engineers at Meta worked on Llama 3 for a year on H100s."))
    assert not any(r[1] == "runsOn" for r in rels)


def test_a_bare_size_the_family_does_not_have_names_no_new_model(extract_text):
    ex = extract_text("Meta built the vision models on Llama 3.1: the 11B model is built on Llama 3.1 8B and the "
                      "90B model on Llama 3.1 70B.")
    labels = {e.label for e in ex.entities}
    assert "Llama 3.1 90B" not in labels and "Llama 3.1 11B" not in labels
    sizes = {(c.subject, c.object) for c in ex.claims if c.predicate == "parameterCount"}
    assert ("Llama 3.1 8B", 11e9) not in sizes and ("Llama 3.1 70B", 90e9) not in sizes
    assert ("Llama 3.1 8B", 8e9) in sizes


def test_the_first_of_a_line_since_another_succeeds_it(extract_text):
    rels = relations_of(extract_text("Claude Opus 4 is the first new model in the Opus line since Claude 3 Opus."))
    assert ("Claude Opus 4", "successorOf", "Claude 3 Opus", "asserted") in rels
    rels = relations_of(extract_text("Claude 3.5 Haiku, the first Haiku since Claude 3 Haiku, came out in "
                                     "October."))
    assert ("Claude 3.5 Haiku", "successorOf", "Claude 3 Haiku", "asserted") in rels
    # the first of a kind ("open-weight model", "LLM"), or a first set against another maker's model: no succession
    rels = relations_of(extract_text("OpenAI called gpt-oss-120b its first open-weight model since GPT-2. "
                                     "OpenAI called gpt-oss-20b its first open-weight LLM since GPT-2. "
                                     "Gemini 2.5 Pro is the first model since GPT-4 to top the chart. "
                                     "Gemini 2.5 Pro is the first Pro model in the line since GPT-4."))
    assert not any(r[1] == "successorOf" for r in rels)


def test_memory_said_to_come_from_a_vendor_in_a_clause_of_its_own(extract_text):
    rels = relations_of(extract_text("Analysts believe the Ascend 910B carries HBM2E that came largely from "
                                     "Samsung."))
    assert ("Ascend 910B", "memorySuppliedBy", "Samsung", "hedged") in rels
    rels = relations_of(extract_text("Nvidia says the H200 uses HBM3E that came from Micron."))
    assert ("NVIDIA H200", "memorySuppliedBy", "Micron", "asserted") in rels
