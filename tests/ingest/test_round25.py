"""Round twenty-five of the extractor (session 23): names written with a "+" sign, models measured on
hardware, and the false readings of the blind sets heldout124-128, in sentences written for these tests."""

from __future__ import annotations

import pytest

from ingest.extractors.entities import Gazetteer
from tests.conftest import related, related_objects, relations_of

pytestmark = pytest.mark.slow


# --- names written with a sign ---------------------------------------------------------------------------------

def test_a_plus_sign_names_another_model_than_the_name_without_it():
    gaz = Gazetteer([
        {"label": "Command R", "class": "AIModel", "aliases": ["Command-R"]},
        {"label": "Command R+", "class": "AIModel", "aliases": ["Command R Plus"]},
    ])
    assert gaz.lookup("Command R+").label == "Command R+"
    assert gaz.lookup("Command R Plus").label == "Command R+"
    assert gaz.lookup("Command-R").label == "Command R"


def test_a_plus_sign_in_an_article_keeps_the_larger_model(extract_text):
    text = "Cohere released Command R+ in April, a month after Command R."
    rels = relations_of(extract_text(text, published="2024-05-02"))
    assert ("2024-04", "asserted") in related(rels, "Command R+", "releasedOn")
    assert not related(rels, "Command R", "releasedOn") & {("2024-04", "asserted")}


# --- a model measured on hardware ran on it --------------------------------------------------------------------

@pytest.mark.parametrize("text, model, chip, modality", [
    ("Mistral says Mistral Large 2 generates more than 1,100 tokens per second on the Cerebras CS-3.",
     "Mistral Large 2", "Cerebras CS-3", "asserted"),
    ("DeepSeek published DeepSeek-V2 in May. On a single server with eight H800s, the paper says, DeepSeek-V2 "
     "produces more than 50,000 tokens per second.", "DeepSeek-V2", "NVIDIA H800", "asserted"),
    ("If DeepSeek-R1 produced 3,000 tokens per second on the H20, the chip would sell.", "DeepSeek-R1",
     "NVIDIA H20", "hypothetical"),
])
def test_a_model_measured_on_hardware_runs_on_it(extract_text, text, model, chip, modality):
    rels = relations_of(extract_text(text, published="2025-06-01"))
    assert (chip, modality) in related(rels, model, "runsOn")


@pytest.mark.parametrize("text, model, chip", [
    ("DeepSeek-R1 did not reach 3,000 tokens per second on the H20.", "DeepSeek-R1", "NVIDIA H20"),
    ("DeepSeek-R1 produces 200 tokens per second on chips other than the H20.", "DeepSeek-R1", "NVIDIA H20"),
    ("Llama 3 70B generates 300 tokens per second on a cluster Nvidia built to rival the MI300X.", "Llama 3 70B",
     "AMD Instinct MI300X"),
])
def test_a_speed_denied_or_a_chip_set_aside_says_nothing_of_where_a_model_ran(extract_text, text, model, chip):
    rels = relations_of(extract_text(text, published="2025-06-01"))
    assert chip not in related_objects(rels, model, "runsOn")


def test_a_result_on_a_model_is_no_result_of_the_model_elsewhere(extract_text):
    text = "DeepSeek-V3 generates 20 tokens per second, Nvidia said on a call about the H20."
    rels = relations_of(extract_text(text, published="2025-06-01"))
    assert "NVIDIA H20" not in related_objects(rels, "DeepSeek-V3", "runsOn")


# --- a round named by its owner's possessive -------------------------------------------------------------------

def test_a_round_in_another_company_is_not_the_possessors_raise(extract_text):
    text = "Nvidia's round of investment in xAI closed in December 2024."
    rels = relations_of(extract_text(text, published="2025-01-01"))
    assert not related(rels, "NVIDIA", "fundedIn")


@pytest.mark.parametrize("text", [
    "Mistral AI's Series B, led by General Catalyst, closed in June 2024.",
    "Mistral AI's Series B in June 2024, led by General Catalyst, raised 600 million euros.",
])
def test_a_round_its_owner_names_closes_for_the_owner(extract_text, text):
    rels = relations_of(extract_text(text, published="2024-07-01"))
    assert ("2024-06", "asserted") in related(rels, "Mistral AI", "fundedIn")
    assert "General Catalyst" in related_objects(rels, "Mistral AI", "fundedBy")


# --- false readings of the blind sets heldout124-128 -----------------------------------------------------------

def test_a_bare_once_trained_clause_names_no_training_hardware(extract_text):
    text = "Once trained, Gemma 3 runs on a single Nvidia H100."
    rels = relations_of(extract_text(text, published="2025-04-01"))
    assert "NVIDIA H100" in related_objects(rels, "Gemma 3", "runsOn")
    assert not related(rels, "Gemma 3", "trainedOn")


@pytest.mark.parametrize("text, model", [
    ("After being trained, Mistral Small fits on one Nvidia RTX 4090.", "Mistral Small"),
    ("Once trained by Meta, Llama 3 runs on Qualcomm's Snapdragon chips.", "Llama 3"),
])
def test_a_clause_of_time_about_training_names_no_training_hardware(extract_text, text, model):
    rels = relations_of(extract_text(text, published="2025-04-01"))
    assert not related(rels, model, "trainedOn")
    assert not {r for r in rels if r[1] == "usesHardware" and r[2] == "Qualcomm Snapdragon"}


def test_trained_using_hardware_still_names_it(extract_text):
    text = "Trained using 2,048 Nvidia H800 GPUs, DeepSeek-V3 cost far less than its rivals."
    rels = relations_of(extract_text(text, published="2025-01-10"))
    assert ("NVIDIA H800", "asserted") in related(rels, "DeepSeek-V3", "trainedOn")


def test_training_hardware_after_once_still_counts(extract_text):
    text = "Once pre-trained on 8,192 TPU v5p chips, the server model was tuned for chat."
    rels = relations_of(extract_text("Apple described AFM-server in July. " + text, published="2024-08-01"))
    assert ("Google TPU v5p", "asserted") in related(rels, "AFM-server", "preTrainedOn")


@pytest.mark.parametrize("text", [
    "Its maker had said last spring that it expected Grok 3 to ship by the end of 2024; it did not.",
    "xAI said it hoped to release Grok 3 before the end of 2024; with a week left, it has not appeared.",
])
def test_an_expected_release_that_did_not_happen_is_denied(extract_text, text):
    rels = relations_of(extract_text(text, published="2024-12-24"))
    assert {m for o, m in related(rels, "Grok 3", "releasedOn") if o.startswith("2024")} <= {"negated"}


@pytest.mark.parametrize("text, model, date", [
    ("Anthropic released Claude 3 in March 2024 and expected a rival to follow within weeks; it did not.",
     "Claude 3", "2024-03"),
    ("Meta released Llama 3 in April 2024; its rivals said they would match it, but they did not.", "Llama 3",
     "2024-04"),
])
def test_a_release_that_happened_stays_asserted_whatever_did_not_follow(extract_text, text, model, date):
    rels = relations_of(extract_text(text, published="2024-12-20"))
    assert (date, "asserted") in related(rels, model, "releasedOn")


def test_what_another_name_did_not_do_does_not_deny_a_plan(extract_text):
    text = "Apple said the M4 would arrive in 2024; Intel said its Lunar Lake would too, but it did not."
    rels = relations_of(extract_text(text, published="2024-03-01"))
    assert ("2024", "negated") not in related(rels, "Apple M4", "releasedOn")


def test_a_release_that_came_true_keeps_its_date(extract_text):
    text = "Nvidia expected the B200 to ship in 2024, and customers say they have not seen a delay."
    rels = relations_of(extract_text(text, published="2024-06-01"))
    assert related(rels, "NVIDIA B200", "releasedOn") & {("2024", "hedged"), ("2024", "asserted")}


def test_something_available_in_preview_is_not_released(extract_text):
    text = "AMD's Instinct MI300X accelerators are available in preview on Azure from today."
    rels = relations_of(extract_text(text, published="2023-11-15"))
    assert not related(rels, "AMD Instinct MI300X", "releasedOn")


def test_released_in_preview_is_a_release(extract_text):
    text = "Google released Gemini 2.0 Flash in preview in December 2024."
    rels = relations_of(extract_text(text, published="2025-01-15"))
    assert ("2024-12", "asserted") in related(rels, "Gemini 2.0 Flash", "releasedOn")


def test_released_as_a_research_preview_is_a_release(extract_text):
    text = "OpenAI released GPT-4.5 on Thursday as a research preview."
    rels = relations_of(extract_text(text, published="2025-03-01"))
    assert ("2025-02-27", "asserted") in related(rels, "GPT-4.5", "releasedOn")


def test_the_name_before_in_which_is_the_company_invested_in(extract_text):
    text = ("Mistral AI has raised 15 million euros from Microsoft, the company confirmed on Tuesday. For "
            "Microsoft, the deal adds a second model supplier to a strategy built largely around OpenAI, in which "
            "it has committed about $13 billion since 2019.")
    extraction = extract_text(text, published="2024-02-27")
    rels = relations_of(extraction)
    assert "OpenAI" not in related_objects(rels, "Mistral AI", "fundedBy")
    amounts = {(c.subject, c.object) for c in extraction.claims if c.predicate == "fundingAmountUSD"}
    assert ("OpenAI", 13e9) in amounts and ("Microsoft", 13e9) not in amounts


@pytest.mark.parametrize("text, company, investor", [
    ("The deal mirrors Microsoft's relationship with OpenAI, in which Microsoft has invested about $13 billion.",
     "OpenAI", "Microsoft"),
    ("Anthropic's round with Google, in which Google invested $2 billion, closed in October.", "Anthropic",
     "Google"),
])
def test_in_which_after_an_owned_deal_names_the_other_party(extract_text, text, company, investor):
    extraction = extract_text(text, published="2024-11-01")
    assert (investor, "asserted") in related(relations_of(extraction), company, "fundedBy")
    amounts = {c.subject for c in extraction.claims if c.predicate == "fundingAmountUSD"}
    assert amounts == {company}


def test_an_amount_invested_in_which_goes_to_the_company_named_before(extract_text):
    extraction = extract_text("Amazon backs Anthropic, in which it has invested $8 billion.", published="2024-12-01")
    amounts = {(c.subject, c.object) for c in extraction.claims if c.predicate == "fundingAmountUSD"}
    assert amounts == {("Anthropic", 8e9)}


# --- hardware a company uses, told through what it bought or where it runs its own models -----------------------

def test_machines_bought_from_a_chipmaker_are_its_hardware(extract_text):
    rels = relations_of(extract_text("G42 has bought three supercomputers from Cerebras.", published="2024-06-01"))
    assert ("Cerebras Systems", "asserted") in related(rels, "G42", "usesHardware")


@pytest.mark.parametrize("text, lab, hardware, modality", [
    ("OpenAI, which trains and runs its models on Azure, is Microsoft's partner.", "OpenAI", "Microsoft Azure",
     "asserted"),
    ("Mistral AI trains its models on Nvidia H100s.", "Mistral AI", "NVIDIA H100", "asserted"),
    ("Anthropic does not train its models on Azure.", "Anthropic", "Microsoft Azure", "negated"),
])
def test_a_lab_that_runs_its_own_models_on_hardware_uses_it(extract_text, text, lab, hardware, modality):
    rels = relations_of(extract_text(text, published="2025-01-01"))
    assert (hardware, modality) in related(rels, lab, "usesHardware")


def test_rivals_that_train_their_models_on_hardware_are_not_the_lab_they_belong_to(extract_text):
    text = "Google's rivals mostly train their largest models on Nvidia GPUs, which Google does not need."
    rels = relations_of(extract_text(text, published="2025-01-01"))
    assert "NVIDIA" not in related_objects(rels, "Google", "usesHardware")


# --- where a model is offered, named through the platform's catalogue or its customers ---------------------------

@pytest.mark.parametrize("text, model, cloud, modality", [
    ("Mistral Large is available through the model catalogue in Azure AI Studio.", "Mistral Large",
     "Azure AI Foundry", "asserted"),
    ("Microsoft said in May that Grok 3 was available to customers of its Azure AI Foundry service.", "Grok 3",
     "Azure AI Foundry", "asserted"),
    ("Grok 3 is not available to customers of Amazon Bedrock.", "Grok 3", "Amazon Bedrock", "negated"),
])
def test_a_platforms_catalogue_or_customers_name_where_a_model_runs(extract_text, text, model, cloud, modality):
    rels = relations_of(extract_text(text, published="2025-06-01"))
    assert (cloud, modality) in related(rels, model, "runsOn")


# --- model names that add a context length or a tier to another name ---------------------------------------------

def test_a_name_that_adds_a_context_length_is_a_version_of_the_nearest_named_model(extract_text):
    text = ("Microsoft released Phi-3 and Phi-3-mini in April. Phi-3-mini-4k-instruct handles 4,000 tokens, and "
            "Phi-3-mini-128k-instruct handles 128,000.")
    rels = relations_of(extract_text(text, published="2024-04-24"))
    for name in ("Phi-3-mini-4k-instruct", "Phi-3-mini-128k-instruct"):
        assert related_objects(rels, name, "variantOf") == {"Phi-3-mini"}


@pytest.mark.parametrize("text, member, family", [
    ("BigScience published BLOOM-560m alongside BLOOM.", "BLOOM-560m", "BLOOM"),
    ("BigScience published BLOOM-7b1 alongside BLOOM.", "BLOOM-7B1", "BLOOM"),
    ("EleutherAI's Pythia suite runs from Pythia-70M to Pythia-12B.", "EleutherAI Pythia-12B", "EleutherAI Pythia"),
])
def test_sizes_written_the_model_hub_way_name_members(extract_text, text, member, family):
    rels = relations_of(extract_text(text, published="2023-04-01"))
    assert family in related_objects(rels, member, "variantOf")


@pytest.mark.parametrize("text", [
    "Meta Releases Llama 3 With 70B Parameters",
    "Gemma 2 Beats 70B Models On Several Benchmarks",
])
def test_a_headline_word_and_a_size_after_a_model_make_no_new_model(extract_text, text):
    labels = {e.label for e in extract_text(text, published="2024-07-01").entities}
    assert not {label for label in labels if " With " in label or " Beats " in label}


def test_a_name_opening_the_sentence_keeps_its_verb_past_an_aside(extract_text):
    text = "Phi-3-mini, with 3.8 billion parameters, shipped last April in two versions, one reading 4,000 tokens."
    rels = relations_of(extract_text(text, published="2025-01-09"))
    assert ("2024-04", "asserted") in related(rels, "Phi-3-mini", "releasedOn")


# --- comparisons the parser read as nouns, and a mixture-of-experts model that is its own ------------------------

def test_a_comparing_verb_after_a_hyphenated_name_stays_a_verb(extract_text):
    text = "AFM-on-device beats or matches open models of similar size, including Meta's Llama 3 8B, on most tests."
    rels = relations_of(extract_text(text, published="2024-07-30"))
    assert ("Llama 3 8B", "asserted") in related(rels, "AFM-on-device", "comparedTo")


def test_phi_35_moe_is_its_own_model_in_the_phi_35_generation(extract_text):
    text = "Microsoft released Phi-3.5 in August; Phi-3.5-MoE outperforms Meta's Llama 3.1 on several tests."
    rels = relations_of(extract_text(text, published="2024-09-01"))
    assert ("Llama 3.1", "asserted") in related(rels, "Phi-3.5-MoE", "comparedTo")
    assert "Phi-3.5" in related_objects(rels, "Phi-3.5-MoE", "variantOf")


# --- training named by a gerund or a training run ---------------------------------------------------------------

@pytest.mark.parametrize("text, model, chip", [
    ("Microsoft released Phi-3-mini on Tuesday. Training the model took seven days on 512 Nvidia H100 GPUs.",
     "Phi-3-mini", "NVIDIA H100"),
    ("Ai2's first model, OLMo, whose training runs used AMD Instinct MI250X GPUs, came out in 2024.", "OLMo",
     "AMD Instinct MI250X"),
])
def test_a_training_run_or_training_the_model_names_the_models_hardware(extract_text, text, model, chip):
    rels = relations_of(extract_text(text, published="2024-04-25"))
    assert (chip, "asserted") in related(rels, model, "trainedOn")


def test_a_training_run_without_an_owner_is_no_recent_models(extract_text):
    text = ("Alibaba released Qwen2.5-Max on Tuesday. DeepSeek's report on V3 was widely read: the final training "
            "run used 2,048 Nvidia H800 GPUs.")
    rels = relations_of(extract_text(text, published="2025-01-30"))
    assert "NVIDIA H800" not in related_objects(rels, "Qwen2.5-Max", "trainedOn")


def test_a_denied_training_told_as_a_subject_is_denied(extract_text):
    rels = relations_of(extract_text("Training Llama 3 did not take place on AMD chips.", published="2024-06-01"))
    assert ("AMD", "asserted") not in related(rels, "Llama 3", "trainedOn")


def test_an_article_and_a_number_are_no_chip_code(extract_text):
    text = ("The M4 Max goes up to a 40-core GPU. A 30-billion-parameter successor, Jais 30B, followed in "
            "November.")
    labels = {e.label for e in extract_text(text, published="2024-11-01").entities}
    assert not labels & {"NVIDIA A40", "NVIDIA A30"}
    assert "Jais 30B" in labels


def test_its_largest_shareholder_in_a_raise_is_the_raising_companys(extract_text):
    text = ("Mistral AI, in which Microsoft took a small stake last year, raised 1.7 billion euros on Tuesday in a "
            "round led by ASML, which became its largest shareholder.")
    rels = relations_of(extract_text(text, published="2025-09-12"))
    assert ("ASML", "asserted") in related(rels, "Mistral AI", "fundedBy")
    assert not related(rels, "Microsoft", "fundedBy")


# --- a licence said of a group just named ------------------------------------------------------------------------

def test_all_of_them_carried_a_licence_gives_it_to_each_model_named_before(extract_text):
    text = ("Phi-3-small and Phi-3-medium followed in May, along with Phi-3-vision. All of them carried the MIT "
            "licence.")
    rels = relations_of(extract_text(text, published="2024-06-01"))
    for model in ("Phi-3-small", "Phi-3-medium", "Phi-3-vision"):
        assert ("MIT License", "asserted") in related(rels, model, "licensedUnder")


def test_both_under_a_denied_licence_denies_it_for_each(extract_text):
    text = "Meta released Llama 3 and Google released Gemma. Both are not under Apache 2.0."
    rels = relations_of(extract_text(text, published="2024-06-01"))
    for model in ("Llama 3", "Gemma"):
        assert ("Apache License 2.0", "asserted") not in related(rels, model, "licensedUnder")


# --- a second review's probes --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, model, chip", [
    ("Training Llama 3 on H100s did not finish on time.", "Llama 3", "NVIDIA H100"),
    ("Training GPT-4 on A100 GPUs did not come cheap for OpenAI.", "GPT-4", "NVIDIA A100"),
])
def test_a_denied_verb_about_a_training_that_happened_does_not_deny_its_hardware(extract_text, text, model, chip):
    rels = relations_of(extract_text(text, published="2025-06-01"))
    assert (chip, "negated") not in related(rels, model, "trainedOn")


@pytest.mark.parametrize("second", [
    "Not all of them carried Apache 2.0.",
    "All but one of them carry Apache 2.0.",
    "Some of them carry Apache 2.0.",
    "All of them carried Apache 2.0, except the 3B model.",
])
def test_a_licence_of_part_of_a_group_goes_to_none_of_it(extract_text, second):
    rels = relations_of(extract_text("Alibaba released Qwen2.5 and Qwen2.5-Coder. " + second,
                                     published="2024-10-01"))
    assert not {r for r in rels if r[1] == "licensedUnder" and r[3] == "asserted"}


def test_a_group_with_models_named_in_passing_takes_no_licence(extract_text):
    text = "Mistral's new models beat Llama 3 and Gemma 2 on most tests. All of them carry Apache 2.0."
    rels = relations_of(extract_text(text, published="2024-10-01"))
    assert not related(rels, "Llama 3", "licensedUnder") and not related(rels, "Gemma 2", "licensedUnder")


def test_its_in_another_clause_keeps_its_own_company(extract_text):
    text = "Anthropic closed a $13 billion round, while OpenAI said Microsoft remained its largest shareholder."
    rels = relations_of(extract_text(text, published="2025-09-03"))
    assert "Microsoft" not in related_objects(rels, "Anthropic", "fundedBy")


def test_training_the_model_is_the_model_the_article_released(extract_text):
    text = ("Google released Gemma 2 on Tuesday, a week after Meta's Llama 3. Training the model took weeks on "
            "TPU v5p chips.")
    rels = relations_of(extract_text(text, published="2024-06-30"))
    assert "Google TPU v5p" in related_objects(rels, "Gemma 2", "trainedOn")
    assert not related(rels, "Llama 3", "trainedOn")


def test_a_city_named_braga_is_no_chip(extract_text):
    labels = {e.label for e in extract_text("Microsoft opened an Azure region near Braga last year.",
                                            published="2025-06-01").entities}
    assert "Microsoft Maia 200" not in labels
