"""Round eighteen of the extractor (session 16): hardware use told through serving and lists, and the false
assertions of the new blind sets (heldout89-93), read with general rules, in sentences written for these
tests."""

from __future__ import annotations

import pytest

from tests.conftest import related, relations_of

pytestmark = pytest.mark.slow


def test_an_object_set_against_an_earlier_one_is_denied_and_the_earlier_one_kept(extract_text):
    # the parser puts ", not on Gaudi chips" nearer the verb than "on Nvidia GPUs"
    rels = relations_of(extract_text("Mistral AI trained Mistral Large 2 on Nvidia GPUs, not on Gaudi chips."))
    got = related(rels, "Mistral Large 2", "trainedOn")
    assert ("NVIDIA", "asserted") in got
    assert ("Intel Gaudi", "negated") in got
    assert not any(m == "asserted" and o.startswith("Intel Gaudi") for o, m in got)


def test_who_runs_a_model_on_hardware_uses_it_but_not_its_own_makers_chips(extract_text):
    rels = relations_of(extract_text("Meta runs inference for its Llama models on the MI300X."))
    assert ("AMD Instinct MI300X", "asserted") in related(rels, "Meta", "usesHardware")
    rels = relations_of(extract_text("Perplexity serves Mixtral 8x7B on Cerebras systems."))
    assert ("Cerebras Systems", "asserted") in related(rels, "Perplexity AI", "usesHardware")
    # a denial is no use (not even through "runs it on": the model's run is denied, so is the use); and only
    # run, serve and host: what "fits on" a chip says nothing of who runs it
    rels = relations_of(extract_text("Perplexity does not serve Mixtral 8x7B on Groq hardware."))
    assert not any(m == "asserted" for _o, m in related(rels, "Perplexity AI", "usesHardware"))
    rels = relations_of(extract_text("Cohere says it fits Command R on a single Gaudi 3."))
    assert not related(rels, "Cohere", "usesHardware")


def test_a_list_after_a_colon_is_read_in_word_order(extract_text):
    rels = relations_of(extract_text("Anthropic spreads its compute across three chip platforms: Google's TPUs, "
                                     "Amazon's Trainium and Nvidia's GPUs."))
    got = {o for o, m in related(rels, "Anthropic", "usesHardware") if m == "asserted"}
    assert {"Google TPU", "AWS Trainium", "NVIDIA"} <= got
    assert "Amazon" not in got  # (Amazon's Trainium: the chip, not the company)


def test_the_owner_of_other_features_is_not_what_runs(extract_text):
    rels = relations_of(extract_text(
        "Le Chat runs on Cerebras hardware. Le Chat's other features were not described as running on "
        "Nvidia GPUs."))
    assert ("Cerebras Systems", "asserted") in related(rels, "Le Chat", "runsOn")
    assert not any(m == "negated" for _o, m in related(rels, "Le Chat", "runsOn"))


def test_a_yardstick_and_what_describes_it_are_not_the_chip_talked_about(extract_text):
    rels = relations_of(extract_text(
        "Each Maia 200 chip carries 216 GB of memory, far more than Maia 100, the first-generation part, also "
        "sold as the Athena chip. Its bandwidth is about three times Maia 100's figure. Analysts believe the "
        "chip uses HBM3E rather than HBM4.", published="2026-02-01"))
    assert ("HBM3E", "hedged") in related(rels, "Microsoft Maia 200", "usesMemory")
    assert not related(rels, "Microsoft Maia 100", "usesMemory")


def test_a_stated_memory_family_stands_beside_a_believed_generation(extract_text):
    rels = relations_of(extract_text("The Ironwood TPU carries 192 GB of HBM. Analysts believe the chip uses "
                                     "HBM3E."))
    got = related(rels, "Google TPU Ironwood", "usesMemory")
    assert ("HBM", "asserted") in got and ("HBM3E", "hedged") in got
    rels = relations_of(extract_text("The Ironwood TPU carries 192 GB of HBM3E memory, a kind of HBM."))
    assert "HBM" not in {o for o, _m in related(rels, "Google TPU Ironwood", "usesMemory")}


def test_an_upgrade_within_a_family_succeeds_nothing(extract_text):
    rels = relations_of(extract_text("The B300 is an upgrade within the Blackwell family rather than a new "
                                     "architecture."))
    assert not related(rels, "NVIDIA B300", "successorOf")
    rels = relations_of(extract_text("The H200 is an upgrade of the H100."))
    assert ("NVIDIA H100", "asserted") in related(rels, "NVIDIA H200", "successorOf")


def test_a_date_after_since_a_name_is_that_names(extract_text):
    rels = relations_of(extract_text("Meta on Tuesday released Llama 4 Scout, the first model it has published "
                                     "since Llama 3.3 in 2024.", published="2026-04-08"))
    assert not any(d.startswith("2024") for d, _m in related(rels, "Llama 4 Scout", "releasedOn"))
    assert ("2026-04-07", "asserted") in related(rels, "Llama 4 Scout", "releasedOn")
    assert ("2024", "asserted") in related(rels, "Llama 3.3", "releasedOn")
    # a date of the same year stays the verb's: "its first open model since GPT-2 in August"
    rels = relations_of(extract_text("OpenAI released gpt-oss-120b, its first open-weight model since GPT-2, in "
                                     "August.", published="2025-09-01"))
    assert ("2025-08", "asserted") in related(rels, "gpt-oss-120b", "releasedOn")


def test_a_backer_of_another_company_is_not_the_focus_companys(extract_text):
    text = ("Mistral AI has raised more than 1 billion euros in two years. Its rivals lean on their investors: "
            "OpenAI relies on data centres run by its backer Microsoft, and Anthropic trains with its investor "
            "Amazon.")
    rels = relations_of(extract_text(text, published="2025-01-10"))
    assert not {o for o, _m in related(rels, "Mistral AI", "fundedBy")} & {"Microsoft", "Amazon"}
    assert ("Microsoft", "asserted") in related(rels, "OpenAI", "fundedBy")
    # but a backer described as another's that leads the round is the round's
    rels = relations_of(extract_text("Inflection AI raised $1.3 billion. The round was led by Microsoft, "
                                     "OpenAI's largest outside backer.", published="2023-07-01"))
    assert ("Microsoft", "asserted") in related(rels, "Inflection AI", "fundedBy")


def test_money_denied_to_have_been_raised_dates_no_round(extract_text):
    rels = relations_of(extract_text("OpenAI and SoftBank announced Stargate on Tuesday. The $500 billion is a "
                                     "budget for data centres, not money that Stargate has raised.",
                                     published="2025-01-22"))
    assert not any(m == "asserted" for _o, m in related(rels, "Stargate", "fundedIn"))
    rels = relations_of(extract_text("Stargate has raised money that SoftBank put up.", published="2025-01-22"))
    assert ("2025-01-22", "asserted") in related(rels, "Stargate", "fundedIn")  # (the same clause, not denied)


def test_what_a_system_is_built_from_does_not_come_online(extract_text):
    rels = relations_of(extract_text("G42's Condor Galaxy 3, announced at that event, will be built from 48 CS-3 "
                                     "systems in Texas and is expected to come online in the third quarter of "
                                     "this year.", published="2024-03-20"))
    assert not related(rels, "Cerebras CS-3", "releasedOn")
    assert ("G42", "usesHardware", "Condor Galaxy 3", "asserted") in rels  # (the sentence is still read)


def test_the_noun_behind_a_model_is_its_maker_not_another_party(extract_text):
    rels = relations_of(extract_text("The deal gives Microsoft a seat on the board of the group behind the Arabic "
                                     "model Jais and the Condor Galaxy machines."))
    assert not any(o == "Microsoft" for r in rels if r[1] == "developedBy" for o in [r[2]])
    rels = relations_of(extract_text("G42 is the group behind the Arabic model Jais."))
    assert ("Jais", "developedBy", "G42", "asserted") in rels


def test_an_inverted_denial_reaches_its_predicate_but_not_a_description(extract_text):
    rels = relations_of(extract_text("Nor is Phi-3 a derivative of Llama 2, which was trained on A100 chips."))
    assert ("Llama 2", "negated") in related(rels, "Phi-3", "variantOf")
    assert ("NVIDIA A100", "asserted") in related(rels, "Llama 2", "trainedOn")


def _backers(rels, subj):
    return {(r[2], r[3]) for r in rels if r[0] == subj and r[1] == "fundedBy"}


def test_one_of_its_investors_and_its_funders_are(extract_text):
    rels = relations_of(extract_text("Nvidia is both Lambda's largest supplier and one of its investors."))
    assert ("NVIDIA", "asserted") in _backers(rels, "Lambda")
    rels = relations_of(extract_text("Google rents chips to Lambda but is not one of its investors."))
    assert _backers(rels, "Lambda") == {("Google", "negated")}
    rels = relations_of(extract_text("Stargate was announced at the White House in January. Its first equity "
                                     "funders are SoftBank, OpenAI, Oracle and MGX, an Abu Dhabi fund."))
    assert {("SoftBank Group", "asserted"), ("OpenAI", "asserted"), ("Oracle", "asserted"),
            ("MGX", "asserted")} <= _backers(rels, "Stargate")
    assert not any(r[1] == "fundedBy" and r[0] == "White House" for r in rels)


def test_a_partner_rather_than_a_shareholder_is_denied(extract_text):
    for text in ("Oracle is a partner in Stargate rather than a shareholder in OpenAI.",
                 "Oracle is a partner in Stargate, not a shareholder in OpenAI."):
        rels = relations_of(extract_text(text))
        assert _backers(rels, "OpenAI") == {("Oracle", "negated")}, text
        assert not any(r[1] == "fundedBy" and r[3] == "asserted" for r in rels), text


def test_backers_listed_in_a_group_a_run_or_a_later_clause(extract_text):
    rels = relations_of(extract_text("Reka raised $110 million in July from a group that included Nvidia, "
                                     "Snowflake Ventures and DST Global.", published="2025-08-01"))
    assert {("NVIDIA", "asserted"), ("DST Global", "asserted")} <= _backers(rels, "Reka AI")
    # the group backs the company that took the money in, not the one raising before "while"
    rels = relations_of(extract_text("Lightmatter raised $400 million in a round led by T. Rowe Price, while Ayar "
                                     "Labs took in $155 million from a group that included Nvidia and Intel "
                                     "Capital.", published="2025-01-10"))
    assert not {o for o, _m in _backers(rels, "Lightmatter")} & {"NVIDIA", "Intel Capital"}
    rels = relations_of(extract_text("Poolside raised $500 million in October. Nvidia, Salesforce Ventures and "
                                     "Zoom Ventures took part.", published="2024-11-01"))
    assert {("NVIDIA", "asserted"), ("Salesforce Ventures", "asserted"), ("Zoom Ventures", "asserted")} \
        <= _backers(rels, "Poolside")
    rels = relations_of(extract_text(
        "Mistral AI raised 600 million euros in June. General Catalyst led the round, and Lightspeed Venture "
        "Partners, Index Ventures and Bpifrance joined it, according to the company.", published="2024-07-01"))
    assert {("Lightspeed Venture Partners", "asserted"), ("Index Ventures", "asserted"),
            ("Bpifrance", "asserted")} <= _backers(rels, "Mistral AI")
    rels = relations_of(extract_text("Groq raised $750 million. The round was led by Disruptive, with BlackRock, "
                                     "Cisco Investments and Samsung Catalyst Fund joining.", published="2025-09-20"))
    assert ("Cisco Investments", "asserted") in _backers(rels, "Groq")


def test_a_company_that_followed_with_a_round_raised_it(extract_text):
    rels = relations_of(extract_text(
        "Groq raised $750 million in September. Cerebras followed on September 30 with a $1.1 billion Series G "
        "round. "
        "Fidelity Management & Research led the round.", published="2025-10-02"))
    assert ("2025-09-30", "asserted") in {(r[2], r[3]) for r in rels
                                          if r[0] == "Cerebras Systems" and r[1] == "fundedIn"}
    assert ("Fidelity Management & Research Company", "asserted") in _backers(rels, "Cerebras Systems")
    assert not {o for o, _m in _backers(rels, "Groq")} & {"Fidelity Management & Research Company"}


def test_the_company_speaking_is_not_one_of_the_backers_it_names(extract_text):
    extraction = extract_text("Groq raised $640 million. BlackRock led the round. Cisco Investments and "
                              "Neuberger Berman also invested, the company said.", published="2024-08-06")
    said = [c for c in extraction.claims if c.predicate == "fundedBy" and c.object == "Neuberger Berman"]
    assert said and not any(set(c.attributed_to) & {"Cisco Investments", "Neuberger Berman"} for c in said)


def test_dates_told_against_an_earlier_date_of_the_text(extract_text):
    rels = relations_of(extract_text("Phi-3-mini came out in April. Phi-3-small and Phi-3-medium arrived the "
                                     "following month.", published="2024-06-01"))
    assert ("Phi-3-small", "releasedOn", "2024-05", "asserted") in rels
    rels = relations_of(extract_text("Meta released Llama 2 in July 2023. Three months later it released Code "
                                     "Llama.", published="2024-06-01"))
    assert ("Code Llama", "releasedOn", "2023-10", "asserted") in rels
    # a date stated right after the relative one wins: "A year earlier, in August 2024, ..."
    rels = relations_of(extract_text("Groq raised $750 million in September 2025. A year earlier, in August 2024, "
                                     "Groq had raised $640 million.", published="2025-10-01"))
    assert ("Groq", "fundedIn", "2024-08", "asserted") in rels
    assert ("Groq", "fundedIn", "2024", "asserted") not in rels


def test_due_set_off_after_a_name_and_that_year(extract_text):
    rels = relations_of(extract_text("Huawei laid out a roadmap with the Ascend 950PR, due in the first three "
                                     "months of 2026, and the Ascend 950DT, due in the last quarter of that year.",
                                     published="2025-09-18"))
    assert ("Ascend 950PR", "releasedOn", "2026-Q1", "hedged") in rels
    assert ("Ascend 950DT", "releasedOn", "2026-Q4", "hedged") in rels
    assert not any(r[0] == "Ascend 950DT" and r[1] == "releasedOn" and r[2] != "2026-Q4" for r in rels)


def test_relative_dates_resolve_against_the_reference():
    from ingest.extractors.dates import resolve_date, resolve_relative

    assert resolve_relative("the following month", "2024-04") == "2024-05"
    assert resolve_relative("three months later", "2025-11-20") == "2026-02"
    assert resolve_relative("a year earlier", "2025-09") == "2024"
    assert resolve_relative("the last quarter of that year", "2026-Q1") == "2026-Q4"
    assert resolve_relative("the following month", "2024") is None  # too coarse a reference
    assert resolve_relative("next month", "2024-04") is None  # the article's own date places that
    assert resolve_date("the last quarter of that year", "2025-09-18") is None
    assert resolve_date("the first three months of 2026") == "2026-Q1"


def test_an_ordinal_generation_names_the_numbered_member_of_a_chip_family(extract_text):
    rels = relations_of(extract_text("The second-generation MTIA that Meta described last April is built on a "
                                     "TSMC 5-nanometre process. AWS launched its 2nd-gen Trainium in 2023."))
    assert ("Meta MTIA v2", "fabbedBy", "TSMC", "asserted") in rels
    assert any(r[0] == "AWS Trainium2" and r[1] == "releasedOn" for r in rels)
    # only chips: HBM3 is HBM's fourth generation, and a model's number counts no generations
    extraction = extract_text("SK hynix makes fourth-generation HBM. Meta trained its second-generation Llama "
                              "on A100 chips.")
    labels = {e.label for e in extraction.entities}
    assert "HBM4" not in labels and "Llama 2" not in labels


def test_funding_roles_denied_one_conjunct_at_a_time(extract_text):
    for text, expected in (("Nvidia is neither Lambda's largest supplier nor one of its investors.", "negated"),
                           ("Nvidia is not Lambda's landlord but one of its investors.", "asserted")):
        rels = relations_of(extract_text(text))
        assert _backers(rels, "Lambda") == {("NVIDIA", expected)}, text


def test_backers_of_a_denied_or_possible_raise_and_joining_in_another_role(extract_text):
    for text in ("Reka did not raise money from a group that included Nvidia and Snowflake Ventures.",
                 "Reka may raise $110 million from a group that included Nvidia and Snowflake Ventures."):
        rels = relations_of(extract_text(text, published="2025-08-01"))
        assert not any(m == "asserted" for _o, m in _backers(rels, "Reka AI")), text
    rels = relations_of(extract_text("Reka raised $110 million. The round drew money from investors that "
                                     "included Nvidia and Snowflake Ventures.", published="2025-08-01"))
    assert ("NVIDIA", "asserted") in _backers(rels, "Reka AI")
    for text in ("Groq raised $750 million in September, with Microsoft joining as a customer.",
                 "Groq raised $750 million in September, with Microsoft and Nvidia joining the board.",
                 "Groq raised money. BlackRock led the round, and Microsoft joined it as a customer."):
        rels = relations_of(extract_text(text, published="2025-10-01"))
        assert not {o for o, _m in _backers(rels, "Groq")} & {"Microsoft", "NVIDIA"}, text


def test_a_colon_list_stops_where_a_new_clause_starts(extract_text):
    rels = relations_of(extract_text("Anthropic trains Claude on one platform: Google's TPUs, and Amazon's "
                                     "Trainium handles inference."))
    assert ("Google TPU", "asserted") in related(rels, "Anthropic", "usesHardware")
    assert not related(rels, "Claude", "trainedOn") & {("AWS Trainium", "asserted")}
