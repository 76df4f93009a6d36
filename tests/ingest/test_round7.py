"""Round seven of the extractor (session 5): constructions found missing on unseen text, in sentences
written for these tests."""

from __future__ import annotations

import pytest

from tests.conftest import relations_of

pytestmark = pytest.mark.slow


def test_a_laboratory_runs_the_system_it_possesses(extract_text):
    ex = extract_text("Argonne National Laboratory's Aurora supercomputer was second on the list.")
    assert ("Argonne National Laboratory", "usesHardware", "Aurora supercomputer", "asserted") in relations_of(ex)


def test_a_possessed_cluster_built_from_chips_in_a_passive_clause(extract_text):
    rels = relations_of(extract_text("Meta's two training clusters are built from Nvidia H100 GPUs."))
    assert ("Meta", "usesHardware", "NVIDIA H100", "asserted") in rels


def test_a_possessed_cluster_not_built_from_chips_is_negated(extract_text):
    rels = relations_of(extract_text("Meta's two training clusters were not built from Nvidia H100 GPUs."))
    assert ("Meta", "usesHardware", "NVIDIA H100", "negated") in rels
    assert ("Meta", "usesHardware", "NVIDIA H100", "asserted") not in rels


@pytest.mark.parametrize("text, host, system", [
    ("Frontier, the system at Oak Ridge National Laboratory, was first again.",
     "Oak Ridge National Laboratory", "Frontier supercomputer"),
    ("The Aurora supercomputer, installed at Argonne National Laboratory, was second.",
     "Argonne National Laboratory", "Aurora supercomputer"),
    ("The analysts compared it with El Capitan, the supercomputer at Lawrence Livermore National Laboratory.",
     "Lawrence Livermore National Laboratory", "El Capitan supercomputer"),
])
def test_the_place_that_houses_a_system_operates_it(extract_text, text, host, system):
    assert (host, "usesHardware", system, "asserted") in relations_of(extract_text(text))


def test_a_system_built_by_a_company_is_not_used_by_it(extract_text):
    rels = relations_of(extract_text("Aurora, a machine built by Intel and HPE, is an exascale system."))
    assert not [r for r in rels if r[1] == "usesHardware" and r[0] in {"Intel", "Hewlett Packard Enterprise"}]
