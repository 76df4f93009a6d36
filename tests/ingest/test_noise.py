"""Navigation and teaser lines of saved web pages (no spaCy needed)."""

from __future__ import annotations

import pytest

from ingest.extractors.noise import noise_spans


def lines_of(text: str) -> list[str]:
    return [text[a:b] for a, b in noise_spans(text)]


@pytest.mark.parametrize("line", [
    "Read more: A headline about another chip",
    "READ MORE: Another headline",
    "See also: The foundry race",
    "Advertisement",
    "Tags: GPUs, HBM, foundries",
    "Subscribe to our newsletter",
    "> Read next: what comes after Hopper",
])
def test_navigation_line(line):
    assert lines_of(f"First paragraph.\n{line}\nLast paragraph.") == [line]


def test_related_list_up_to_the_blank_line():
    text = "Body.\n\nRelated Articles\n- One headline\n- Two headline\n\n- A bullet of the article itself\n"
    assert lines_of(text) == ["Related Articles", "- One headline", "- Two headline"]


@pytest.mark.parametrize("line", [
    "Related chips from AMD also shipped in March, the company said.",
    "More than 16,000 GPUs were used.",
    "Readers of the filing learn that G42 owns a stake.",
    "- The MI300X carries 192 GB of HBM3.",
])
def test_ordinary_lines_are_kept(line):
    assert lines_of(f"Intro.\n\n{line}\n") == []


def test_a_related_list_under_a_longer_heading_with_unbulleted_headlines():
    text = ("Body.\n\nMore from Chip Desk News\nAlibaba widens its model family\n> Nvidia's Blackwell: what we know"
            "\n\nThe article goes on here.")
    spans = [text[a:b] for a, b in noise_spans(text)]
    assert spans == ["More from Chip Desk News", "Alibaba widens its model family", "> Nvidia's Blackwell: what we know"]


def test_image_captions_are_noise():
    text = "[Image: A wafer of dies. Caption: The chip is made by TSMC.]\nTSMC makes the chip."
    assert [text[a:b] for a, b in noise_spans(text)] == ["[Image: A wafer of dies. Caption: The chip is made by TSMC.]"]


def test_a_paragraph_after_a_heading_like_line_is_kept():
    text = "More chips from Nvidia\nNvidia sells the H100 to every cloud."
    assert "Nvidia sells the H100 to every cloud." not in [text[a:b] for a, b in noise_spans(text)]
