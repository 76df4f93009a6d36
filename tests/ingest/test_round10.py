"""Round ten of the extractor (session 8): constructions found missing or misread on unseen text, in
sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.conftest import relations_of

pytestmark = pytest.mark.slow


def test_the_parent_of_a_models_lab_that_releases_it_developed_it(extract_text):
    rels = relations_of(extract_text("Google DeepMind leads the work on Gemma. Google released Gemma on Tuesday."))
    assert ("Gemma", "developedBy", "Google", "asserted") in rels
    assert ("Gemma", "developedBy", "Google DeepMind", "asserted") in rels


def test_another_lab_releasing_a_known_model_is_not_its_developer(extract_text):
    rels = relations_of(extract_text("Google DeepMind leads the work on Gemma. Meta released Gemma on Tuesday."))
    assert not any(r[:3] == ("Gemma", "developedBy", "Meta") for r in rels)


def test_a_parent_and_its_lab_count_as_one_developer_that_uses_the_training_chips(extract_text):
    rels = relations_of(extract_text("Google DeepMind leads the work on Gemma. Google released Gemma on Tuesday. "
                                     "Gemma was trained on TPU v5e chips."))
    assert ("Google", "usesHardware", "Google TPU v5e", "asserted") in rels
