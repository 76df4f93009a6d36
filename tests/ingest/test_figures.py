"""Figures normalised to the units of the attribute inventory."""

from __future__ import annotations

import pytest

from ingest.extractors.figures import find_figures, number


def figures(text):
    return [(f.attribute, f.value) for f in find_figures(text)]


@pytest.mark.parametrize("text, expected", [
    ("the model (2.4T params) was tuned", [("parameterCount", 2.4e12)]),
    ("a 405-billion-parameter model", [("parameterCount", 4.05e11)]),
    ("with 671 billion total parameters and 37 billion active",
     [("parameterCount", 6.71e11), ("activeParameterCount", 3.7e10)]),
    ("37B active parameters", [("activeParameterCount", 3.7e10)]),
    ("a 256,000-token context window", [("contextLength", 256000.0)]),
    ("a context window of 128K tokens", [("contextLength", 128000.0)]),
    ("a 2-million-token context", [("contextLength", 2e6)]),
    ("it carries 96 GB of HBM3 memory", [("memoryCapacityGB", 96.0)]),
    ("192 gigabytes of HBM3e", [("memoryCapacityGB", 192.0)]),
    ("3.35 TB per second of memory bandwidth", [("memoryBandwidthTBps", 3.35)]),
    ("memory bandwidth of 819 GB/s", [("memoryBandwidthTBps", 0.819)]),
    ("the wafer's SRAM delivers 21 PB/s", [("memoryBandwidthTBps", 21000.0)]),
    ("21 petabytes per second of memory bandwidth", [("memoryBandwidthTBps", 21000.0)]),
    ("Ten billion dollars bought eight H100 GPUs each for the lab", [("chipCount", 8.0)]),
    ("the startup raised $1.2 billion in a round", [("fundingAmountUSD", 1.2e9)]),
    ("secured $300 million in funding", [("fundingAmountUSD", 3e8)]),
    ("a cluster of 24,576 H100s", [("chipCount", 24576.0)]),
    ("it bought 50,000 Huawei Ascend 910B chips", [("chipCount", 50000.0)]),
])
def test_figures(text, expected):
    assert sorted(figures(text)) == sorted(expected)


@pytest.mark.parametrize("text", [
    "the round valued the company at a $20 billion valuation",  # a valuation is not funding
    "it costs $0.50 per million input tokens",  # a price is not funding
    "the chip moves 900 GB/s over NVLink interconnect",  # not memory bandwidth of the chip
    "the 2 TB SSD in the laptop",  # no memory word: not HBM capacity
    "interconnect bandwidth around 2 TB per second",
])
def test_not_figures_of_the_inventory(text):
    assert not [f for f in figures(text) if f[0] in {"fundingAmountUSD", "memoryBandwidthTBps", "memoryCapacityGB"}]


def test_number():
    assert number("1,000") == 1000.0
    assert number("6.6", "billion") == 6.6e9
    assert number("49", "B") == 4.9e10


def test_figure_spans_point_into_the_text():
    text = "The accelerator has 128 GB of HBM3e memory."
    (fig,) = find_figures(text)
    assert text[fig.start:fig.end] == fig.text == "128 GB"


# ---------------------------------------------------------------- round two: owners of figures
def _attrs(extraction, predicate):
    return {(c.subject, c.object) for c in extraction.claims if c.predicate == predicate}


def test_chip_count_belongs_to_the_model_trained_on_the_chips(extract_text):
    ex = extract_text("DeepSeek trained DeepSeek-V3 on a cluster of 2,048 Nvidia H800 GPUs.")
    assert ("DeepSeek-V3", 2048.0) in _attrs(ex, "chipCount")
    assert ("NVIDIA H800", 2048.0) not in _attrs(ex, "chipCount")


def test_graphics_processors_are_counted(extract_text):
    ex = extract_text("Colossus, the machine xAI assembled from 100,000 Nvidia H100 graphics processors, is online.")
    assert ("xAI", 100000.0) in _attrs(ex, "chipCount")


def test_capacity_of_a_chip_named_after_the_figure(extract_text):
    ex = extract_text("The H200 has 141 GB of memory, up from 80 GB on the original H100.")
    got = _attrs(ex, "memoryCapacityGB")
    assert ("NVIDIA H200", 141.0) in got and ("NVIDIA H100", 80.0) in got
    assert ("NVIDIA H200", 80.0) not in got


def test_active_parameters_said_with_a_verb_and_megabytes_of_sram():
    figures = [(f.attribute, f.value) for f in find_figures(
        "It has 671 billion parameters in total, of which 37 billion are active for each token.")]
    assert ("activeParameterCount", 37e9) in figures
    assert ("parameterCount", 671e9) in figures
    assert [(f.attribute, f.value) for f in find_figures("Each chip carries about 230 MB of SRAM.")] == [
        ("memoryCapacityGB", 0.23)]
    assert find_figures("The driver is a 500 MB download of memory tools.") == []


def test_amounts_put_into_a_company_and_commitments_are_funding(extract_text):
    assert [(f.attribute, f.value) for f in find_figures("the $4 billion commitment it made last year")] == [
        ("fundingAmountUSD", 4e9)]
    ex = extract_text("Amazon said that it had put a further $2.75 billion into Anthropic, completing its "
                      "investment.", published="2024-03-28")
    attrs = {(c.subject, c.predicate, c.object) for c in ex.claims if c.kind == "attribute"}
    assert ("Anthropic", "fundingAmountUSD", 2.75e9) in attrs


def test_context_windows_without_the_word_window_and_counts_of_named_chips():
    assert [(f.attribute, f.value) for f in find_figures("Both models accept a context of 8,192 tokens.")] == [
        ("contextLength", 8192.0)]
    assert [(f.attribute, f.value) for f in find_figures("Testers can try a window of up to 1 million tokens.")] == [
        ("contextLength", 1e6)]
    assert ("chipCount", 1600.0) in [(f.attribute, f.value) for f in find_figures(
        "Baidu ordered 1,600 of Huawei's Ascend 910B chips.")]


def test_a_chip_count_belongs_to_the_subject_that_operates_the_chips(extract_text):
    ex = extract_text("CoreWeave operated more than 250,000 Nvidia GPUs across 32 data centres at the end of 2024.",
                      published="2025-03-28")
    attrs = {(c.subject, c.predicate, c.object) for c in ex.claims if c.kind == "attribute"}
    assert ("CoreWeave", "chipCount", 250000.0) in attrs
    assert ("NVIDIA", "chipCount", 250000.0) not in attrs
