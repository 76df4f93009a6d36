"""Round twenty-three of the extractor (session 21): counts that are not comparisons, systems put into
service at a centre and the parts they are powered by, participle releases, processors built on licensed
cores, members made by a small clause, and derived models that keep their own release day, in sentences
written for these tests."""

from __future__ import annotations

import pytest

from tests.conftest import related, related_objects, relations_of

pytestmark = pytest.mark.slow


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
    assert "ChatGPT" in related_objects(rels, "Vicuna", "comparedTo")


# --- systems and their parts -----------------------------------------------------------------------------

@pytest.mark.parametrize("text, centre, system", [
    ("The Frontier supercomputer, which entered service at Oak Ridge National Laboratory in 2022, set records.",
     "Oak Ridge National Laboratory", "Frontier supercomputer"),
    ("The Alps supercomputer, which went into service at CSCS last year, trains Swiss models.",
     "Swiss National Supercomputing Centre", "Alps supercomputer"),
])
def test_a_system_put_into_service_at_a_centre_is_used_by_it(extract_text, text, centre, system):
    rels = relations_of(extract_text(text, published="2025-09-03"))
    assert (system, "asserted") in related(rels, centre, "usesHardware")


def test_a_system_that_never_went_into_service_at_a_centre_is_not_asserted_there(extract_text):
    text = "The Aurora supercomputer, which never went into service at Oak Ridge National Laboratory, is fast."
    rels = relations_of(extract_text(text, published="2025-09-03"))
    assert ("Aurora supercomputer", "asserted") not in related(rels, "Oak Ridge National Laboratory", "usesHardware")


def test_the_centre_uses_the_chips_a_conjoined_verb_says_power_its_system(extract_text):
    text = ("The Alps supercomputer, which went into service at CSCS in 2024, was built by Hewlett Packard "
            "Enterprise and is powered by Nvidia's GH200 superchips.")
    rels = relations_of(extract_text(text, published="2025-09-03"))
    assert ("NVIDIA GH200", "asserted") in related(rels, "Swiss National Supercomputing Centre", "usesHardware")
    assert not related(rels, "Hewlett Packard Enterprise", "usesHardware")


# --- releases --------------------------------------------------------------------------------------------

def test_a_participle_release_takes_the_main_clauses_date(extract_text):
    text = "OpenAI changed course in August, releasing gpt-oss-120b and gpt-oss-20b under the Apache 2.0 licence."
    rels = relations_of(extract_text(text, published="2025-09-10"))
    assert ("2025-08", "asserted") in related(rels, "gpt-oss-120b", "releasedOn")
    assert ("2025-08", "asserted") in related(rels, "gpt-oss-20b", "releasedOn")


def test_a_release_in_progress_is_not_yet_a_fact(extract_text):
    rels = relations_of(extract_text("Meta is releasing Llama 4 Behemoth next month.", published="2025-04-10"))
    assert related(rels, "Llama 4 Behemoth", "releasedOn") <= {("2025-05", "hedged")}


def test_publishing_papers_is_no_release(extract_text):
    text = "The lab has been publishing papers on Llama 3 since 2024."
    rels = relations_of(extract_text(text, published="2025-04-10"))
    assert not related(rels, "Llama 3", "releasedOn")


def test_a_model_built_on_another_does_not_take_its_base_models_release_day(extract_text):
    text = ("Mistral Medium 3 came out in May. Magistral Medium, the larger reasoning model, was developed on top "
            "of Mistral Medium 3.")
    rels = relations_of(extract_text(text, published="2025-06-20"))
    assert ("Mistral Medium 3", "asserted") in related(rels, "Magistral Medium", "variantOf")
    assert not related(rels, "Magistral Medium", "releasedOn")


# --- lineage ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, chip, core", [
    ("Cobalt 100 has 128 cores and is built on Arm's Neoverse N2 compute subsystem.",
     "Microsoft Cobalt 100", "Arm Neoverse N2"),
    ("The Grace CPU is built on 72 Neoverse V2 cores.", "NVIDIA Grace", "Arm Neoverse V2"),
])
def test_a_processor_built_on_licensed_cores_is_a_variant_of_them(extract_text, text, chip, core):
    rels = relations_of(extract_text(text, published="2024-11-20"))
    assert (core, "asserted") in related(rels, chip, "variantOf")


def test_a_processor_built_at_a_foundry_is_no_variant(extract_text):
    text = "Cobalt 100 has 128 cores and is built on TSMC's N5 process."
    rels = relations_of(extract_text(text, published="2024-11-20"))
    assert not related(rels, "Microsoft Cobalt 100", "variantOf")


def test_models_a_small_clause_makes_members_of_a_family_belong_to_it(extract_text):
    text = ("Anthropic released Claude Opus 4 and Claude Sonnet 4 on Thursday, making them the first members of "
            "its Claude 4 family.")
    rels = relations_of(extract_text(text, published="2025-05-24"))
    assert ("Claude 4", "asserted") in related(rels, "Claude Opus 4", "variantOf")
    assert ("Claude 4", "asserted") in related(rels, "Claude Sonnet 4", "variantOf")


def test_it_in_the_small_clause_is_only_the_first_thing_released(extract_text):
    text = ("Google released Gemma 3 270M alongside Gemma 3 27B in August, making it the smallest member of the "
            "Gemma 3 family.")
    rels = relations_of(extract_text(text, published="2025-09-01"))
    assert ("Gemma 3", "asserted") in related(rels, "Gemma 3 270M", "variantOf")


def test_a_denied_membership_made_by_a_small_clause_is_not_asserted(extract_text):
    text = ("Anthropic released Claude Opus 4 on Thursday, without making it a member of the Claude 3 family.")
    rels = relations_of(extract_text(text, published="2025-05-24"))
    assert ("Claude 3", "asserted") not in related(rels, "Claude Opus 4", "variantOf")


# --- false assertions found in this session's blind sets, mended with general rules ---------------------

def test_training_hardware_is_named_in_the_verbs_own_on_phrase(extract_text):
    text = ("Granite 3.0 was trained on Blue Vela, an IBM supercomputer built around Nvidia H100 GPUs. According to "
            "the model cards for the new family, Granite 4.0 was trained on a cluster of Nvidia GB200 NVL72 racks.")
    rels = relations_of(extract_text(text, published="2025-10-02"))
    assert related_objects(rels, "Granite 4.0", "trainedOn") == {"NVIDIA GB200 NVL72"}


def test_a_licence_set_off_by_not_in_an_apposition_is_denied(extract_text):
    text = ("Nemotron-4 340B Instruct comes under the NVIDIA Open Model License. It is Nvidia's own licence, not a "
            "standard open-source licence such as Apache 2.0.")
    rels = relations_of(extract_text(text, published="2024-06-14"))
    assert related(rels, "Nemotron-4 340B Instruct", "licensedUnder") & {("Apache License 2.0", "asserted")} == set()
    assert ("NVIDIA Open Model License", "asserted") in related(rels, "Nemotron-4 340B Instruct", "licensedUnder")


@pytest.mark.parametrize("text", [
    "Falcon 3 comes under a licence derived from Apache 2.0.",
    "TII calls the Falcon 3 terms a permissive licence based on Apache 2.0.",
])
def test_a_licence_drawn_from_another_is_not_that_licence(extract_text, text):
    rels = relations_of(extract_text(text, published="2025-05-21"))
    assert ("Apache License 2.0", "asserted") not in related(rels, "Falcon 3", "licensedUnder")


def test_a_licence_named_before_its_apposition_is_still_the_licence(extract_text):
    rels = relations_of(extract_text("Falcon 3 is released under Apache 2.0, a licence based on nothing else.",
                                     published="2025-05-21"))
    assert ("Apache License 2.0", "asserted") in related(rels, "Falcon 3", "licensedUnder")


@pytest.mark.parametrize("denial", [
    "Intel will not sell Falcon Shores, the company said on Thursday.",
    "Intel decided not to bring Falcon Shores to market, the company said on Thursday.",
    "Intel has shelved Falcon Shores, the company said on Thursday.",
])
def test_a_plan_for_a_product_the_article_says_was_dropped_did_not_hold(extract_text, denial):
    text = (denial + " Jaguar Shores comes next. Nvidia shipped Blackwell. A year ago Intel recast the part as a "
            "GPU, and Falcon Shores was expected this year.")
    rels = relations_of(extract_text(text, published="2025-01-31"))
    assert related(rels, "Intel Falcon Shores", "releasedOn") <= {("2025", "negated")}


def test_a_product_dropped_only_if_something_happens_keeps_its_plan(extract_text):
    text = "If Intel does not sell Falcon Shores, Jaguar Shores comes next. Falcon Shores is expected this year."
    rels = relations_of(extract_text(text, published="2025-01-31"))
    assert ("2025", "hedged") in related(rels, "Intel Falcon Shores", "releasedOn")


# --- funding rounds and who raised them --------------------------------------------------------------------

def test_a_subject_pronoun_continues_the_subject_description_not_a_name_in_its_list(extract_text):
    text = ("Physical Intelligence said on Monday that it had raised $400 million.\n\nThe start-up was founded "
            "this year by Karol Hausman, its chief executive; Chelsea Finn of Stanford; and the investor Lachy Groom, "
            "among others. In March it raised a $70 million seed round led by Thrive Capital.")
    rels = relations_of(extract_text(text, published="2024-11-05"))
    assert ("Thrive Capital", "asserted") in related(rels, "Physical Intelligence", "fundedBy")
    assert not related(rels, "Stanford University", "fundedBy")


def test_a_name_after_a_fronted_month_is_the_subject_of_the_verb(extract_text):
    text = ("In July Skild AI, a Pittsburgh company started by two professors, raised a $300 million Series A. "
            "That round was led by Lightspeed Venture Partners and SoftBank Group.")
    rels = relations_of(extract_text(text, published="2024-11-05"))
    assert ("2024-07", "asserted") in related(rels, "Skild AI", "fundedIn")
    assert {"Lightspeed Venture Partners", "SoftBank Group"} <= related_objects(rels, "Skild AI", "fundedBy")


def test_the_backers_the_round_included_fund_the_company_that_raised_it(extract_text):
    text = ("Physical Intelligence said on Monday that it had raised $400 million. The round included Thrive "
            "Capital, Lux Capital and OpenAI, among others.")
    rels = relations_of(extract_text(text, published="2024-11-05"))
    assert {"Thrive Capital", "Lux Capital", "OpenAI"} <= related_objects(rels, "Physical Intelligence", "fundedBy")


def test_a_backer_the_round_did_not_include_is_denied(extract_text):
    text = "Physical Intelligence said on Monday that it had raised $400 million. The round did not include OpenAI."
    rels = relations_of(extract_text(text, published="2024-11-05"))
    assert related(rels, "Physical Intelligence", "fundedBy") <= {("OpenAI", "negated")}


def test_investors_that_joined_a_round_without_an_object_back_it(extract_text):
    text = ("Cerebras raised $1.1 billion in a Series G round led by Fidelity. Tiger Global, Valor Equity Partners "
            "and 1789 Capital joined, as did existing investors.")
    rels = relations_of(extract_text(text, published="2025-10-01"))
    assert {"Tiger Global Management", "Valor Equity Partners", "1789 Capital"} <= related_objects(
        rels, "Cerebras Systems", "fundedBy")


def test_joining_a_board_is_no_investment(extract_text):
    text = "Cerebras raised $1.1 billion in a Series G round. Nvidia joined the board."
    rels = relations_of(extract_text(text, published="2025-10-01"))
    assert "NVIDIA" not in related_objects(rels, "Cerebras Systems", "fundedBy")


def test_backers_a_company_named_as_participants_fund_it(extract_text):
    text = ("Figure AI raised $1 billion in its Series C round. Figure named Brookfield Asset Management, Nvidia "
            "and Salesforce as the other participants.")
    rels = relations_of(extract_text(text, published="2025-09-17"))
    assert {"Brookfield Asset Management", "NVIDIA", "Salesforce"} <= related_objects(rels, "Figure AI", "fundedBy")


def test_a_backer_a_company_did_not_name_is_not_asserted(extract_text):
    text = "Figure AI raised $1 billion in its Series C round. Figure did not name Nvidia as an investor."
    rels = relations_of(extract_text(text, published="2025-09-17"))
    assert ("NVIDIA", "asserted") not in related(rels, "Figure AI", "fundedBy")


# --- who uses hardware -----------------------------------------------------------------------------------

def test_early_adopters_a_chip_maker_names_use_its_product_named_just_before(extract_text):
    text = ("Jetson Thor went on sale on Monday. Nvidia named Agility Robotics, Boston Dynamics, Caterpillar and "
            "Meta as early adopters.")
    rels = relations_of(extract_text(text, published="2025-08-26"))
    for org in ("Agility Robotics", "Boston Dynamics", "Caterpillar", "Meta"):
        assert ("NVIDIA Jetson Thor", "asserted") in related(rels, org, "usesHardware")


def test_early_adopters_are_not_given_another_makers_chip(extract_text):
    text = "AMD shipped the MI300X in December. Nvidia named Boston Dynamics and Caterpillar as early adopters."
    rels = relations_of(extract_text(text, published="2024-03-20"))
    assert not related(rels, "Boston Dynamics", "usesHardware")


def test_a_foundry_customer_for_a_process_uses_no_hardware(extract_text):
    text = "Intel on Wednesday named Microsoft as a customer for its 18A manufacturing process."
    rels = relations_of(extract_text(text, published="2024-02-22"))
    assert not related(rels, "Microsoft", "usesHardware")


def test_who_takes_delivery_of_racks_uses_them(extract_text):
    rels = relations_of(extract_text("CoreWeave took delivery of the first GB300 NVL72 racks in July.",
                                     published="2025-10-10"))
    assert ("NVIDIA GB300 NVL72", "asserted") in related(rels, "CoreWeave", "usesHardware")


def test_who_did_not_take_delivery_is_denied(extract_text):
    rels = relations_of(extract_text("CoreWeave did not take delivery of any GB300 NVL72 racks.",
                                     published="2025-10-10"))
    assert related(rels, "CoreWeave", "usesHardware") <= {("NVIDIA GB300 NVL72", "negated")}


@pytest.mark.parametrize("text", [
    "Tesla trains its robot models at home. Its main training cluster reached about 50,000 Nvidia H100s last year.",
    "Tesla's training cluster grew to 100,000 H100s.",
])
def test_the_chips_a_companys_cluster_reached_are_used_by_it(extract_text, text):
    rels = relations_of(extract_text(text, published="2025-10-06"))
    assert ("NVIDIA H100", "asserted") in related(rels, "Tesla", "usesHardware")


# --- "both models" after a pair ------------------------------------------------------------------------------

def test_both_models_stands_for_the_pair_released_before(extract_text):
    text = ("OpenAI on Tuesday released gpt-oss-120b and gpt-oss-20b, its first open-weight models since GPT-2. "
            "AMD said its Instinct MI355X accelerators supported both models from the first day.")
    rels = relations_of(extract_text(text, published="2025-08-05"))
    assert ("AMD Instinct MI355X", "asserted") in related(rels, "gpt-oss-120b", "runsOn")
    assert ("AMD Instinct MI355X", "asserted") in related(rels, "gpt-oss-20b", "runsOn")
    assert not related(rels, "GPT-2", "runsOn")


def test_both_models_is_not_a_pair_only_set_aside_for_comparison(extract_text):
    text = ("Yi-34B climbed to the top of the leaderboard, ahead of larger open models including Llama 2 70B and "
            "Falcon 180B. AMD said its MI300X accelerators supported both models from the first day.")
    rels = relations_of(extract_text(text, published="2023-11-20"))
    assert not related(rels, "Llama 2 70B", "runsOn") and not related(rels, "Falcon 180B", "runsOn")


# --- releases told by a start of sales and by general availability -----------------------------------------

def test_beginning_to_sell_a_product_releases_it(extract_text):
    rels = relations_of(extract_text("Nvidia on Monday began selling Jetson Thor.", published="2025-08-26"))
    assert ("2025-08-25", "asserted") in related(rels, "NVIDIA Jetson Thor", "releasedOn")


def test_selling_a_product_somewhere_is_no_release(extract_text):
    rels = relations_of(extract_text("Nvidia sells the H20 in China.", published="2025-08-26"))
    assert not related(rels, "NVIDIA H20", "releasedOn")


def test_general_availability_expected_after_an_unveiling_is_a_planned_release(extract_text):
    text = "Intel unveiled Gaudi 3 on Tuesday, with general availability expected in the third quarter."
    rels = relations_of(extract_text(text, published="2024-04-09"))
    assert related(rels, "Intel Gaudi 3", "releasedOn") == {("2024-Q3", "hedged")}


def test_availability_of_a_cloud_offering_is_not_the_chips_release(extract_text):
    text = "IBM said it would offer Gaudi 3 on IBM Cloud, with general availability expected in early 2025."
    rels = relations_of(extract_text(text, published="2024-08-30"))
    assert not related(rels, "Intel Gaudi 3", "releasedOn")


# --- lines named before a hyphen, and chips made in their designer's own fabs -------------------------------

@pytest.mark.parametrize("text, member, line", [
    ("Nvidia's Jetson AGX Orin, an Ampere-based board, went on sale in 2022.", "NVIDIA Jetson AGX Orin",
     "NVIDIA Ampere"),
    ("Figure uses Jetson Thor, its Blackwell-based robot computer.", "NVIDIA Jetson Thor", "NVIDIA Blackwell"),
    ("Rubin CPX is a Rubin-family GPU for the context phase of inference.", "NVIDIA Rubin CPX", "NVIDIA Rubin"),
])
def test_a_name_described_as_line_based_is_a_variant_of_that_line(extract_text, text, member, line):
    rels = relations_of(extract_text(text, published="2025-09-10"))
    assert (line, "asserted") in related(rels, member, "variantOf")


def test_a_system_built_on_a_chip_is_no_variant_of_it(extract_text):
    text = "El Capitan, an MI300A-based supercomputer, is at Lawrence Livermore National Laboratory."
    rels = relations_of(extract_text(text, published="2025-09-10"))
    assert not related(rels, "El Capitan supercomputer", "variantOf")


def test_a_denied_line_is_denied(extract_text):
    rels = relations_of(extract_text("Rubin CPX is not a Blackwell-class GPU.", published="2025-09-10"))
    assert ("NVIDIA Blackwell", "asserted") not in related(rels, "NVIDIA Rubin CPX", "variantOf")


@pytest.mark.parametrize("text, modality", [
    ("Sierra Forest is made in Intel's own fabs.", "asserted"),
    ("Sierra Forest is produced at Intel's plant in Oregon.", "asserted"),
    ("Gaudi 3 is not produced in Intel's own factories.", "negated"),
])
def test_a_chip_made_in_its_designers_own_fabs_is_fabbed_by_it(extract_text, text, modality):
    rels = relations_of(extract_text(text, published="2024-06-04"))
    chip = "Intel Sierra Forest" if "Sierra" in text else "Intel Gaudi 3"
    assert ("Intel", modality) in related(rels, chip, "fabbedBy")


def test_a_cluster_at_a_companys_factory_is_not_fabbed_there(extract_text):
    text = ("Cortex, the training cluster at Tesla's Austin factory, is built from tens of thousands of Nvidia "
            "GPUs, H100s among them.")
    rels = relations_of(extract_text(text, published="2025-09-10"))
    assert not [r for r in rels if r[1] == "fabbedBy" and r[2] == "Tesla"]


def test_a_round_that_raised_money_is_the_round_of_the_company_talked_about(extract_text):
    text = ("Figure AI said on Tuesday that it had raised $1 billion. The Series B, announced at the end of February "
            "2024, raised $675 million from Microsoft and Nvidia.")
    rels = relations_of(extract_text(text, published="2025-10-06"))
    assert ("2024-02", "asserted") in related(rels, "Figure AI", "fundedIn")
    assert {"Microsoft", "NVIDIA"} <= related_objects(rels, "Figure AI", "fundedBy")


# --- a helper's review of this round: probes that must assert nothing (or not what they looked like) -------

@pytest.mark.parametrize("text, subject, predicate, obj", [
    ("Chinese resellers began selling smuggled Nvidia H100 chips in 2023.", "NVIDIA H100", "releasedOn", "2023"),
    ("Microsoft began selling the AMD Instinct MI300X through Azure in May.", "AMD Instinct MI300X", "releasedOn",
     "2025-05"),
    ("Nvidia began selling the H100 in volume in the third quarter of 2023.", "NVIDIA H100", "releasedOn", "2023-Q3"),
    ("Nvidia is publishing MLPerf results for the B200 this week.", "NVIDIA B200", "releasedOn", "2025-06"),
    ("Alibaba keeps releasing Qwen models, most recently Qwen3 in April.", "Qwen", "releasedOn", "2025-04"),
    ("Figure AI raised $1 billion in its Series C round. Reports named Nvidia and Intel as possible investors.",
     "Figure AI", "fundedBy", "NVIDIA"),
    ("Figure AI raised $1 billion in its Series C round. Bloomberg named Nvidia and Intel as investors.",
     "Figure AI", "fundedBy", "Intel"),
    ("Figure AI raised $1 billion. Figure cited Microsoft as an investor in OpenAI.", "Figure AI", "fundedBy",
     "Microsoft"),
    ("Jetson Thor went on sale on Monday. Separately, Nvidia named Microsoft and Meta as its largest customers.",
     "Microsoft", "usesHardware", "NVIDIA Jetson Thor"),
    ("Jetson Thor went on sale on Monday. Nvidia named Boston Dynamics as a potential customer.",
     "Boston Dynamics", "usesHardware", "NVIDIA Jetson Thor"),
    ("The MI300X is manufactured in AMD's partner plants.", "AMD Instinct MI300X", "fabbedBy", "AMD"),
    ("Huawei's Ascend 910C is an H100-class chip.", "Ascend 910C", "variantOf", "NVIDIA H100"),
    ("The DGX B200 is a Blackwell-based server.", "NVIDIA DGX B200", "variantOf", "NVIDIA Blackwell"),
    ("Tesla's training cluster reached the size of Meta's 24,000-H100 cluster.", "Tesla", "usesHardware",
     "NVIDIA H100"),
    ("Meta is expected to release Llama 4 Behemoth this month, making it the largest member of the Llama 4 "
     "family.", "Llama 4 Behemoth", "releasedOn", "2025-06"),
    ("DeepSeek-R1 beat o1 and Claude 3.5 Sonnet on maths. Cerebras said its CS-3 runs both models.",
     "OpenAI o1", "runsOn", "Cerebras CS-3"),
])
def test_review_probes_assert_nothing(extract_text, text, subject, predicate, obj):
    rels = relations_of(extract_text(text, published="2025-06-15"))
    assert (subject, predicate, obj, "asserted") not in rels


@pytest.mark.parametrize("first", [
    "Intel will not sell Falcon Shores in China.",
    "Analysts said Intel might not launch Falcon Shores.",
])
def test_a_refusal_limited_to_a_market_or_a_guess_keeps_the_plan(extract_text, first):
    rels = relations_of(extract_text(first + " Falcon Shores is expected this year.", published="2025-01-31"))
    assert ("2025", "hedged") in related(rels, "Intel Falcon Shores", "releasedOn")


@pytest.mark.parametrize("text, expected", [
    ("Anthropic is releasing Claude Opus 4 on Thursday.", ("2025-06-19", "hedged")),
    ("Nvidia plans to begin selling Jetson Thor in August.", ("2025-08", "hedged")),
    ("Anthropic released Claude Opus 4 on Thursday.", ("2025-06-12", "asserted")),
])
def test_a_release_still_to_come_takes_the_coming_day(extract_text, text, expected):
    rels = relations_of(extract_text(text, published="2025-06-16"))
    subject = "NVIDIA Jetson Thor" if "Jetson" in text else "Claude Opus 4"
    assert expected in related(rels, subject, "releasedOn")
