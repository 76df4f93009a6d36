"""Round twenty of the extractor (session 18): publications in print, what a thing is built around, stakes
that change hands without money, a licence a model states for itself, bare version numbers and versions the
gazetteer keeps apart from their family, in sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.conftest import related, relations_of

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text", [
    "GraphCast appeared in Science in November 2023.",
    "GraphCast, published in the journal Science in November 2023, beat the physics models.",
    "DeepMind published a paper on GraphCast in November 2023.",
    "GraphCast was described in a paper in November 2023.",
])
def test_a_paper_in_print_is_no_release_of_the_model(extract_text, text):
    rels = relations_of(extract_text(text, published="2025-06-02"))
    assert not related(rels, "GraphCast", "releasedOn")


def test_a_release_of_the_weights_is_still_a_release(extract_text):
    rels = relations_of(extract_text("DeepMind released GraphCast in November 2023.", published="2025-06-02"))
    assert ("2023-11", "asserted") in related(rels, "GraphCast", "releasedOn")


@pytest.mark.parametrize("text", [
    "The supercomputer was built by Atos around AMD's EPYC processors.",
    "The system in Finland was built by HPE with AMD's MI250X accelerators.",
])
def test_what_a_machine_is_built_around_is_not_made_by_its_builder(extract_text, text):
    rels = relations_of(extract_text(text))
    assert not [r for r in rels if r[1] == "designedBy" and r[2] in {"Atos", "Hewlett Packard Enterprise"}]


def test_the_maker_named_by_the_agent_still_designs_the_subject(extract_text):
    rels = relations_of(extract_text("Trainium2 was designed by Annapurna Labs with help from Marvell."))
    assert ("Annapurna Labs", "asserted") in related(rels, "AWS Trainium2", "designedBy")


def test_a_stake_held_through_a_share_swap_is_no_funding(extract_text):
    text = ("Rebellions agreed to merge with Sapeon Korea on Sunday. "
            "SK Telecom will hold its stake in the merged company through the share swap, not with new money.")
    rels = relations_of(extract_text(text, published="2024-08-19"))
    assert not related(rels, "Rebellions", "fundedBy")


def test_a_stake_bought_with_money_is_still_funding(extract_text):
    rels = relations_of(extract_text("SK Telecom took a stake in Rebellions through a $50 million investment."))
    assert ("SK Telecom", "asserted") in related(rels, "Rebellions", "fundedBy")


def test_a_model_with_its_own_licence_does_not_take_the_familys(extract_text):
    text = ("Most of the Qwen2.5 family comes under Apache 2.0, but not all of it: "
            "Qwen2.5-3B carries the more restrictive Qwen Research License.")
    rels = relations_of(extract_text(text))
    held = related(rels, "Qwen2.5-3B", "licensedUnder")
    assert ("Qwen Research License", "asserted") in held
    assert ("Apache License 2.0", "asserted") not in held


def test_a_bare_decimal_is_no_short_name_of_a_version_named_before(extract_text):
    text = ("LG AI Research released EXAONE 4.0 as the successor to EXAONE 3.5. "
            "Falcon 180B, in contrast, was trained on 3.5 trillion tokens.")
    result = extract_text(text)
    exaone = next(e for e in result.entities if e.label == "EXAONE 3.5")
    assert "3.5" not in exaone.aliases
    assert not [c for c in result.claims if c.subject == "EXAONE 3.5" and "trillion" in c.sentence]


@pytest.mark.parametrize("name, family", [
    ("EXAONE 3.5", "EXAONE"), ("Qwen2.5-VL", "Qwen-VL"), ("Jamba 1.5", "Jamba"), ("Aya 23", "Cohere Aya"),
])
def test_a_version_the_gazetteer_knows_is_its_own_model(extract_text, name, family):
    result = extract_text(f"{name} came out in December 2024.", published="2025-07-22")
    assert name in {e.label for e in result.entities}
    assert ("2024-12", "asserted") in related(relations_of(result), name, "releasedOn")
    assert not related(relations_of(result), family, "releasedOn")


@pytest.mark.parametrize("text, model, cloud", [
    ("Amazon put Nova Micro and Nova Pro on sale right away through Amazon Bedrock.", "Amazon Nova Pro",
     "Amazon Bedrock"),
    ("Nova Sonic went on sale on Amazon Bedrock in April.", "Amazon Nova Sonic", "Amazon Bedrock"),
    ("From the first day, developers can use Claude Opus 4.1 through Amazon Bedrock and Vertex AI.",
     "Claude Opus 4.1", "Google Cloud Vertex AI"),
    ("Claude Sonnet 4 has been on Amazon Bedrock since May.", "Claude Sonnet 4", "Amazon Bedrock"),
    ("Microsoft also sells access to GPT-4 through Azure.", "GPT-4", "Microsoft Azure"),
    ("Phi-3 went live on Tuesday in Azure.", "Phi-3", "Microsoft Azure"),
])
def test_a_model_put_within_reach_on_a_cloud_runs_on_it(extract_text, text, model, cloud):
    rels = relations_of(extract_text(text, published="2025-08-29"))
    assert (cloud, "asserted") in related(rels, model, "runsOn")


@pytest.mark.parametrize("text, model, cloud, modality", [
    ("Llama 3 was not on Azure.", "Llama 3", "Microsoft Azure", "negated"),
    ("If developers could use Claude Opus 4.1 through Vertex AI, Google would gain.", "Claude Opus 4.1",
     "Google Cloud Vertex AI", "hypothetical"),
])
def test_a_model_kept_off_a_cloud_or_only_supposed_there_is_not_asserted(extract_text, text, model, cloud, modality):
    rels = relations_of(extract_text(text, published="2025-08-29"))
    assert (cloud, "asserted") not in related(rels, model, "runsOn")
    assert (cloud, modality) in related(rels, model, "runsOn")


def test_using_a_cloud_to_train_a_model_is_no_platform_for_it(extract_text):
    rels = relations_of(extract_text("OpenAI used Azure to train GPT-4.", published="2024-01-10"))
    assert not related(rels, "GPT-4", "runsOn")


def test_chips_used_in_a_cloud_are_the_users_not_the_clouds(extract_text):
    rels = relations_of(extract_text("Apple already uses Inferentia and Graviton in AWS for search."))
    assert not related(rels, "Amazon Web Services", "usesHardware")


@pytest.mark.parametrize("text, owner, chip, modality", [
    ("AWS said its P5e instances, which are built around Nvidia's H200, stay in demand.",
     "Amazon Web Services", "NVIDIA H200", "asserted"),
    ("Oracle's cloud rents out virtual machines based on the Ampere Altra.", "Oracle", "Ampere Altra", "asserted"),
    ("AWS said P6 instances built on Nvidia's Blackwell GPUs would arrive early next year.",
     "Amazon Web Services", "NVIDIA Blackwell", "hedged"),
    ("AWS also said P6 instances based on Nvidia's Blackwell GPUs are expected early next year.",
     "Amazon Web Services", "NVIDIA Blackwell", "hedged"),
])
def test_who_rents_out_instances_built_on_a_chip_uses_it(extract_text, text, owner, chip, modality):
    rels = relations_of(extract_text(text, published="2024-12-04"))
    assert related(rels, owner, "usesHardware") >= {(chip, modality)}
    assert (chip, "asserted") in related(rels, owner, "usesHardware") or modality != "asserted"
    if modality != "asserted":
        assert (chip, "asserted") not in related(rels, owner, "usesHardware")


@pytest.mark.parametrize("text", [
    "Micron said its HBM3E stacks go into servers built on the B300.",
    "Microsoft said the model would come to Copilot+ PCs, starting with machines built on Snapdragon X chips.",
    "Nvidia's own servers built on the H100 sold out.",
])
def test_servers_in_someone_elses_statement_are_not_the_speakers_hardware(extract_text, text):
    rels = relations_of(extract_text(text, published="2024-12-04"))
    assert not [r for r in rels if r[1] == "usesHardware" and r[0] in {"Micron", "Microsoft", "NVIDIA"}]


def test_the_same_day_is_the_day_the_sentence_before_named(extract_text):
    text = ("Amazon introduced Nova on Tuesday. "
            "Nova Micro and Nova Pro became generally available the same day.")
    rels = relations_of(extract_text(text, published="2024-12-05"))
    assert ("2024-12-03", "asserted") in related(rels, "Amazon Nova Pro", "releasedOn")


def test_the_same_day_further_on_is_the_day_of_the_articles_news(extract_text):
    text = ("Amazon on Tuesday introduced Nova, a family of models built in-house. "
            "Its chief executive presented the family at a conference in Las Vegas. "
            "Nova Micro and Nova Pro became generally available the same day.")
    rels = relations_of(extract_text(text, published="2024-12-05"))
    assert ("2024-12-03", "asserted") in related(rels, "Amazon Nova Pro", "releasedOn")


@pytest.mark.parametrize("text", [
    # the day another clause of the sentence gives, which no date names
    ("OpenAI released o3-mini on Friday. DeepSeek had released R1 on January 20. Shares fell on Monday. "
     "Three weeks later OpenAI launched GPT-5, and Microsoft put it into Copilot on the same day."),
    # the day a clause after it defines
    ("OpenAI released o3-mini on Friday. DeepSeek had released R1 on January 20. Shares fell on Monday. "
     "Mistral's release landed on the same day that OpenAI launched GPT-5."),
])
def test_the_same_day_of_another_clause_is_not_the_articles_day(extract_text, text):
    rels = relations_of(extract_text(text, published="2025-02-01"))
    assert not [o for o, _m in related(rels, "GPT-5", "releasedOn") if o.startswith("2025-01")]


@pytest.mark.parametrize("text, model, iso", [
    ("Microsoft shipped Phi-4-mini in February. Then, last Wednesday, came Phi-4-reasoning.", "Phi-4-reasoning",
     "2025-04-30"),
    ("In March Alibaba added Qwen2.5-Omni-7B to the family.", "Qwen2.5-Omni-7B", "2025-03"),
    ("Trainium2 went on general sale last December.", "AWS Trainium2", "2024-12"),
])
def test_releases_told_by_came_added_and_on_general_sale(extract_text, text, model, iso):
    rels = relations_of(extract_text(text, published="2025-05-06"))
    assert (iso, "asserted") in related(rels, model, "releasedOn")


def test_a_model_added_to_a_cloud_is_no_release(extract_text):
    rels = relations_of(extract_text("In March Amazon added Claude 3 to Bedrock.", published="2024-05-06"))
    assert not related(rels, "Claude 3", "releasedOn")


def test_a_size_unit_the_tokenizer_cut_off_stays_with_the_name(extract_text):
    result = extract_text("Hugging Face trained SmolLM2 135M and SmolLM2 360M. Phi-3-mini-128K reads long files. "
                          "The 270M model is the smallest.")
    labels = {e.label for e in result.entities}
    assert {"SmolLM2 135M", "SmolLM2 360M", "Phi-3-mini-128K"} <= labels
    assert not labels & {"M", "K", "SmolLM2 135", "Phi-3-mini-128"}


@pytest.mark.parametrize("text, label", [
    ("Rebellions sells ATOM to Korean clouds.", "Rebellions ATOM"),
    ("Samsung's Mach-1 was meant for inference.", "Samsung Mach-1"),
    ("Celestial AI's Photonic Fabric links memory to compute.", "Celestial AI Photonic Fabric"),
    ("Sapeon's X330 followed the X220.", "Sapeon X330"),
])
def test_chip_names_articles_use_on_their_own(extract_text, text, label):
    assert label in {e.label for e in extract_text(text).entities}


def test_intels_atom_is_not_rebellions_chip(extract_text):
    assert "Rebellions ATOM" not in {e.label for e in extract_text("Intel's Atom chips are old.").entities}


def test_a_name_that_only_starts_like_a_labs_line_is_not_its_model(extract_text):
    rels = relations_of(extract_text(
        "OpenAI makes GPT-4. At GTC, the example on Nvidia's slide was labelled GPT-MoE-1.8T."))
    assert not [r for r in rels if r[0] == "GPT-MoE-1.8T" and r[1] == "developedBy" and r[2] == "OpenAI"]


def test_a_tier_after_a_lines_name_is_still_its_model(extract_text):
    rels = relations_of(extract_text("Mistral AI released Mistral-Nemo-Base-2407 in July 2024.",
                                     published="2024-07-20"))
    assert ("Mistral AI", "asserted") in {(r[2], r[3]) for r in rels
                                          if r[0].startswith("Mistral-Nemo-Base") and r[1] == "developedBy"}


def _backers(rels, company):
    return {(o, m) for s, p, o, m in rels if s == company and p == "fundedBy"}


def test_what_a_round_drew_in_are_its_investors(extract_text):
    rels = relations_of(extract_text(
        "Sakana AI raised $100 million. The round drew the venture firms New Enterprise Associates, "
        "Khosla Ventures and Lux Capital, along with Mizuho Financial Group.", published="2024-09-04"))
    assert {("New Enterprise Associates", "asserted"), ("Khosla Ventures", "asserted"),
            ("Lux Capital", "asserted")} <= _backers(rels, "Sakana AI")


def test_a_round_that_drew_criticism_drew_no_investor(extract_text):
    rels = relations_of(extract_text("Sakana AI raised $100 million. The round drew criticism from Google.",
                                     published="2024-09-04"))
    assert not _backers(rels, "Sakana AI")


def test_the_first_of_two_names_among_the_backers_is_one_too(extract_text):
    rels = relations_of(extract_text(
        "Anthropic raised $450 million. Salesforce Ventures and Zoom Ventures were among the other backers.",
        published="2023-05-23"))
    assert ("Salesforce Ventures", "asserted") in _backers(rels, "Anthropic")


def test_whose_backers_include_a_described_name(extract_text):
    rels = relations_of(extract_text(
        "FuriosaAI raised $125 million. The company, whose backers include the internet group Naver and "
        "DSC Investment, makes RNGD.", published="2025-07-22"))
    assert {("Naver", "asserted"), ("DSC Investment", "asserted")} <= _backers(rels, "FuriosaAI")


def test_a_company_that_is_not_an_investor_is_denied_as_one(extract_text):
    rels = relations_of(extract_text(
        "Sakana AI raised $100 million. Google, where the founders once worked, is not an investor.",
        published="2024-09-04"))
    assert ("Google", "negated") in _backers(rels, "Sakana AI")
    assert ("Google", "asserted") not in _backers(rels, "Sakana AI")


@pytest.mark.parametrize("text, product, pred, makers", [
    ("Isomorphic Labs co-developed AlphaFold 3 with Google DeepMind.", "AlphaFold 3", "developedBy",
     {"Isomorphic Labs", "Google DeepMind"}),
    ("Broadcom co-designed the TPU with Google.", "Google TPU", "designedBy", {"Broadcom", "Google"}),
    ("Arc Institute developed Evo 2 together with Nvidia.", "Evo 2", "developedBy", {"Arc Institute", "NVIDIA"}),
])
def test_both_partners_of_a_joint_making_make_it(extract_text, text, product, pred, makers):
    rels = relations_of(extract_text(text))
    assert {(m, "asserted") for m in makers} <= related(rels, product, pred)


def test_a_partner_in_building_a_cluster_makes_no_model(extract_text):
    rels = relations_of(extract_text(
        "Inflection released Inflection-1 in June. It said it would build a cluster of 22,000 H100s together "
        "with CoreWeave.", published="2023-07-01"))
    assert not [r for r in rels if r[1] == "developedBy" and r[2] == "CoreWeave"]


def test_a_co_design_word_is_one_verb_for_the_parser(extract_text):
    rels = relations_of(extract_text("Broadcom is widely reported to co-design the TPU family with Google."))
    assert ("Broadcom", "hedged") in related(rels, "Google TPU", "designedBy")


def test_a_model_trained_on_hardware_from_clouds_was_trained_on_those_clouds(extract_text):
    rels = relations_of(extract_text(
        "Claude 3 models were trained on hardware from both AWS and Google Cloud, the company said."))
    assert {("Amazon Web Services", "asserted"), ("Google Cloud", "asserted")} <= related(rels, "Claude 3", "trainedOn")


def test_training_denied_on_a_clouds_hardware_is_denied(extract_text):
    rels = relations_of(extract_text("Claude 3 was not trained on hardware from Microsoft Azure."))
    assert related(rels, "Claude 3", "trainedOn") == {("Microsoft Azure", "negated")}


def test_an_h100_named_with_its_memory_is_the_h100(extract_text):
    result = extract_text("Phi-4 was trained over 21 days on 1,920 Nvidia H100-80G GPUs.")
    assert ("NVIDIA H100", "asserted") in related(relations_of(result), "Phi-4", "trainedOn")


@pytest.mark.parametrize("text, newer, older", [
    ("The H100 was succeeded by the H200.", "NVIDIA H200", "NVIDIA H100"),
    ("The H200 was preceded by the H100.", "NVIDIA H200", "NVIDIA H100"),
    ("The H100 preceded the H200.", "NVIDIA H200", "NVIDIA H100"),
    ("Graviton4 is faster than the Graviton3 that preceded it.", "AWS Graviton4", "AWS Graviton3"),
])
def test_succession_keeps_its_direction_in_the_passive_and_with_preceded(extract_text, text, newer, older):
    rels = relations_of(extract_text(text))
    assert (older, "asserted") in related(rels, newer, "successorOf")
    assert not related(rels, older, "successorOf")


@pytest.mark.parametrize("text, value", [
    ("Nova Micro reads up to 128,000 tokens.", 128000.0),
    ("Claude 2 reads roughly 100,000 tokens of text in a single prompt.", 100000.0),
    ("Llama 4 Scout accepts up to 10 million tokens.", 10_000_000.0),
])
def test_what_a_model_reads_at_once_is_its_context(text, value):
    from ingest.extractors.figures import find_figures
    assert [(f.attribute, f.value) for f in find_figures(text)] == [("contextLength", value)]


@pytest.mark.parametrize("text", [
    "It processes 1,000 tokens per second on one chip.",
    "The model was trained on 9.8 trillion tokens.",
    "It takes 2 million tokens of output to finish.",
])
def test_throughput_and_training_tokens_are_no_context(text):
    from ingest.extractors.figures import find_figures
    assert not [f for f in find_figures(text) if f.attribute == "contextLength"]


# probes from the helper review of session 18: none of these may assert
@pytest.mark.parametrize("text, subject, pred, obj", [
    ("Customers could eventually use Claude 3 Opus through Amazon Bedrock.", "Claude 3 Opus", "runsOn",
     "Amazon Bedrock"),
    ("Oracle will offer instances built on the H200.", "Oracle", "usesHardware", "NVIDIA H200"),
    ("Oracle's planned instances built on the H200 will arrive in 2025.", "Oracle", "usesHardware", "NVIDIA H200"),
    ("Oracle said competitors' instances built on the MI300X are cheaper.", "Oracle", "usesHardware",
     "AMD Instinct MI300X"),
    ("AWS said rival instances built on the MI300X performed poorly.", "Amazon Web Services", "usesHardware",
     "AMD Instinct MI300X"),
    ("CoreWeave avoided instances built on the Gaudi 3.", "CoreWeave", "usesHardware", "Intel Gaudi 3"),
    ("Dell sells servers built on the H100.", "Dell", "usesHardware", "NVIDIA H100"),
    ("OpenAI's GPT-4o preceded Anthropic's Claude 3.5 Sonnet by a month.", "Claude 3.5 Sonnet", "successorOf",
     "GPT-4o"),
    ("In January, Perplexity added DeepSeek-R1.", "DeepSeek-R1", "releasedOn", "2024-01"),
    ("Last week came a report that GPT-5 was delayed.", "GPT-5", "releasedOn", "2024-06"),
    ("Anthropic raised $4 billion. The round brought Microsoft into conflict with Google.", "Anthropic",
     "fundedBy", "Microsoft"),
    ("Anthropic raised $4 billion. The round includes Google only as a customer.", "Anthropic", "fundedBy",
     "Google"),
    ("DeepSeek-R1 is on hold on Amazon Bedrock.", "DeepSeek-R1", "runsOn", "Amazon Bedrock"),
    ("DeepSeek-R1 is still months away on Amazon Bedrock.", "DeepSeek-R1", "runsOn", "Amazon Bedrock"),
    ("Nvidia was founded on April 5, 1993. It sells the H100. It has many customers. It is busy. "
     "On the same day, AMD launched the MI300X.", "AMD Instinct MI300X", "releasedOn", "1993-04-05"),
])
def test_review_probes_assert_nothing(extract_text, text, subject, pred, obj):
    rels = relations_of(extract_text(text, published="2024-06-12"))
    assert (subject, pred, obj, "asserted") not in rels
