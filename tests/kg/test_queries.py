"""deps, impact, path, why, conflicts, show, entities, chokepoints over a small hand-written corpus.

The corpus (``test_queries_corpus.py``) is five documents about invented models,
chips and foundries, with a denial, a hedged-only fact, a hypothetical claim
and two pairs of incompatible values.
"""

from __future__ import annotations

import json

import pytest
from tests.kg.test_queries_corpus import corpus_graph, corpus_store  # noqa: F401  (fixtures)

from kg import UnknownEntityError
from kg._analysis import chokepoints, deps, impact, paths
from kg._browse import entities, show
from kg._iris import entity_iri
from kg._verdicts import compatible, conflicts, why
from kg.cli import main
from kg.errors import QueryError

ORION, LYRA = str(entity_iri("Orion-7")), str(entity_iri("Lyra-2"))
X1, X2, K9 = str(entity_iri("Zephyr X1")), str(entity_iri("Zephyr X2")), str(entity_iri("Kestrel K9"))
HARBOR, NORTHGATE = str(entity_iri("Harbor Foundry")), str(entity_iri("Northgate Semiconductor"))
CRESTLINE, HBM = str(entity_iri("Crestline Memory")), str(entity_iri("HBM3e"))


def triples(edges):
    return {(e.subject, e.predicate, e.object) for e in edges}


def assert_provenance(edge):
    """Every edge carries documents, a modality, support and evidence sentences with their documents."""
    assert edge.documents and edge.support >= 1
    assert edge.modality in ("asserted", "hedged")
    assert edge.evidence and all(ev.sentence and ev.document and ev.title and ev.published for ev in edge.evidence)
    assert {ev.document for ev in edge.evidence} == set(edge.documents)


# -- deps ----------------------------------------------------------------------------------------
def test_deps_reaches_foundry_and_memory_vendor_with_provenance(corpus_graph):
    result = deps(corpus_graph, "Orion-7")
    found = triples(result.edges)
    assert (ORION, "trainedOn", X1) in found
    assert (X1, "fabbedBy", HARBOR) in found
    assert (X1, "memorySuppliedBy", CRESTLINE) in found
    assert (X1, "usesMemory", HBM) in found and (HBM, "memorySuppliedBy", CRESTLINE) in found
    assert result.depth[HARBOR] == 2 and result.depth[CRESTLINE] == 2
    for edge in result.edges:
        assert_provenance(edge)
    fabbed = next(e for e in result.edges if e.predicate == "fabbedBy")
    assert fabbed.evidence[0].title == "Zephyr X1 enters volume production"
    assert fabbed.evidence[0].publisher == "Chip Weekly"


def test_deps_never_follows_negated_only_facts(corpus_graph):
    result = deps(corpus_graph, "Orion-7")
    assert K9 not in result.entities  # "Orion-7 never touched a Kestrel K9": negated only
    assert NORTHGATE not in result.entities  # Zephyr X1 fabbedBy Northgate: negated only


def test_deps_hedged_only_edges_need_the_flag(corpus_graph):
    assert X2 not in deps(corpus_graph, "Lyra-2").entities
    hedged = deps(corpus_graph, "Lyra-2", include_hedged=True)
    edge = next(e for e in hedged.edges if e.object == X2)
    assert edge.modality == "hedged" and edge.evidence[0].attributed_to == ["people familiar with the project"]
    assert (X2, "fabbedBy", HARBOR) in triples(hedged.edges)


def test_deps_relations_and_max_depth(corpus_graph):
    shallow = deps(corpus_graph, "Orion-7", max_depth=1)
    assert max(shallow.depth.values()) == 1 and HARBOR not in shallow.entities
    only = deps(corpus_graph, "Zephyr X1", relations=["fabbedby"])
    assert triples(only.edges) == {(X1, "fabbedBy", HARBOR)}
    with pytest.raises(QueryError, match="fabbedBy"):
        deps(corpus_graph, "Zephyr X1", relations=["fabedBy"])


def test_as_of_before_the_assertion_hides_it(corpus_graph):
    assert deps(corpus_graph, "Orion-7", as_of="2026-02-28").edges == []
    assert (ORION, "trainedOn", X1) in triples(deps(corpus_graph, "Orion-7", as_of="2026-03-02").edges)
    # the month precision includes the whole month
    assert (ORION, "trainedOn", X1) in triples(deps(corpus_graph, "Orion-7", as_of="2026-03").edges)
    with pytest.raises(QueryError, match="YYYY-MM-DD"):
        deps(corpus_graph, "Orion-7", as_of="March 2026")


# -- impact ----------------------------------------------------------------------------------------
def test_impact_of_foundry_lists_chips_models_and_single_points_of_failure(corpus_graph):
    result = impact(corpus_graph, "harbor foundry")
    by_iri = {d.iri: d for d in result.dependents}
    assert set(by_iri) == {X1, X2, K9, ORION, LYRA}  # Lyra-2 -> Zephyr X2 is hedged only, via K9 it counts
    assert by_iri[X1].depth == 1 and by_iri[ORION].depth == 2
    assert [(e.subject, e.predicate, e.object) for e in by_iri[ORION].path] == [
        (ORION, "trainedOn", X1), (X1, "fabbedBy", HARBOR)]
    spof = {d.iri for d in result.single_points_of_failure}
    assert spof == {X1, X2, ORION}  # K9 is also made by Northgate, and Lyra-2 runs on K9
    assert result.roles == ["fabbedBy"]
    for edge in result.edges:
        assert_provenance(edge)


def test_impact_never_follows_negated_only_facts(corpus_graph):
    result = impact(corpus_graph, "Northgate Semiconductor")
    assert {d.iri for d in result.dependents} == {K9, LYRA}  # not Zephyr X1 (denied)
    assert result.single_points_of_failure == []
    assert {d.iri for d in impact(corpus_graph, "Kestrel K9").dependents} == {LYRA}  # not Orion-7 (denied)


# -- path --------------------------------------------------------------------------------------------
def test_path_is_shortest_evidence_backed_and_skips_denials(corpus_graph):
    result = paths(corpus_graph, "Orion-7", "Northgate Semiconductor")
    # Orion-7 -x- Kestrel K9 and Zephyr X1 -x- Northgate are denied only: the path goes the long way.
    assert result.paths == [[ORION, X1, HARBOR, K9, NORTHGATE]]
    for hop in result.steps(result.paths[0]):
        assert hop and all(e.supported for e in hop)
    for edge in result.edges:
        assert_provenance(edge)
    assert paths(corpus_graph, "Orion-7", "Northgate", max_depth=3).paths == []


def test_path_hedged_edges_need_the_flag(corpus_graph):
    assert paths(corpus_graph, "Lyra-2", "Zephyr X2").length == 3  # Lyra-2 K9 Harbor X2
    assert paths(corpus_graph, "Lyra-2", "Zephyr X2", include_hedged=True).length == 1


# -- why / conflicts ---------------------------------------------------------------------------------
def test_why_lists_claims_for_and_against_with_a_verdict(corpus_graph):
    result = why(corpus_graph, "orion 7", "trainedon", "zx1")
    assert [e.modality for e in result.supporting] == ["asserted"]
    assert result.supporting[0].attributed_to == ["Polaris AI"]
    assert result.supporting[0].publisher == "Model Digest"
    assert [e.publisher for e in result.against] == ["Rumour Mill"]
    line = result.verdict.line()
    assert line.startswith("1 source asserts, 0 hedge, 1 denies; first seen 2026-03-02, last seen 2026-05-20")
    assert result.verdict.status == "contested"
    before = why(corpus_graph, "Orion-7", "trainedOn", "Zephyr X1", as_of="2026-04-30")
    assert before.verdict.status == "supported" and before.against == []
    assert why(corpus_graph, "Orion-7", "trainedOn", "Zephyr X1", as_of="2026-01-31").verdict.status == "no evidence"


def test_why_single_valued_literals_show_other_values(corpus_graph):
    result = why(corpus_graph, "Orion-7", "releasedOn", "2026-02-20")
    assert result.verdict.asserted == 1
    assert [e.object for e in result.other_values] == ["2026-04-01"]
    counts = why(corpus_graph, "Lyra-2", "parameterCount", "9e10")
    assert counts.verdict.asserted == 1 and [e.object for e in counts.other_values] == [1.2e11]
    with pytest.raises(QueryError, match="not a number"):
        why(corpus_graph, "Lyra-2", "parameterCount", "ninety billion")
    with pytest.raises(QueryError, match="unknown relation"):
        why(corpus_graph, "Lyra-2", "madeOf", "Zephyr X1")


def test_conflicts_show_both_sides(corpus_graph):
    result = conflicts(corpus_graph)
    by_kind = {(c.kind, c.subject, c.predicate): c for c in result.conflicts}
    denial = by_kind[("denial", ORION, "trainedOn")]
    assert denial.object == X1
    (for_label, for_ev), (against_label, against_ev) = denial.sides
    assert (for_label, against_label) == ("for", "against")
    assert [e.publisher for e in for_ev] == ["Model Digest"] and [e.publisher for e in against_ev] == ["Rumour Mill"]
    released = by_kind[("values", ORION, "releasedOn")]
    assert sorted(label for label, _ in released.sides) == ["2026-02-20", "2026-04-01"]
    assert ("values", LYRA, "parameterCount") in by_kind
    # a denial nobody asserts, a hypothetical claim and a hedged-only fact are no conflicts
    assert not any(c.object in (K9,) or c.predicate == "preTrainedOn" for c in result.conflicts)
    assert len(result.conflicts) == 3
    data = result.to_json()
    assert {c["kind"] for c in data["conflicts"]} == {"denial", "values"}


def test_conflicts_as_of_and_entity(corpus_graph):
    assert conflicts(corpus_graph, as_of="2026-04-30").conflicts == []  # the denial and 2nd date come later
    assert len(conflicts(corpus_graph, as_of="2026-05-20").conflicts) == 2
    only = conflicts(corpus_graph, entity="Lyra 2")
    assert [(c.kind, c.predicate) for c in only.conflicts] == [("values", "parameterCount")]


def test_compatible_values():
    assert compatible("date", "2026", "2026-03-05") and compatible("date", "2026-Q1", "2026-02")
    assert not compatible("date", "2026-Q2", "2026-02") and not compatible("date", "2026-02-20", "2026-04-01")
    assert compatible("attribute", 7e10, 7.05e10) and not compatible("attribute", 9e10, 1.2e11)


# -- show / entities / lookup -----------------------------------------------------------------------
def test_show_lists_facts_in_and_out(corpus_graph):
    result = show(corpus_graph, "x1")
    assert result.entity.label == "Zephyr X1" and result.classes == ["Chip"]
    assert set(result.entity.aliases) == {"ZX1", "X1"}
    out = {(e.predicate, e.object): e for e in result.outgoing}
    assert out[("fabbedBy", HARBOR)].modality == "asserted"
    assert out[("fabbedBy", NORTHGATE)].modality == "negated" and out[("fabbedBy", NORTHGATE)].support == 0
    incoming = {(e.subject, e.predicate): e for e in result.incoming}
    assert incoming[(ORION, "trainedOn")].counts == {"asserted": 1, "hedged": 0, "negated": 1, "hypothetical": 0}
    assert incoming[(LYRA, "trainedOn")].modality == "hypothetical"
    values = show(corpus_graph, "Orion-7").values
    assert {(e.predicate, e.object) for e in values} == {
        ("releasedOn", "2026-02-20"), ("releasedOn", "2026-04-01"), ("parameterCount", 7e10)}


def test_entities_by_class_and_search(corpus_graph):
    foundries = [r.info.label for r in entities(corpus_graph, cls="foundry")]
    assert foundries == ["Harbor Foundry", "Northgate Semiconductor"]
    organizations = {r.info.label for r in entities(corpus_graph, cls="Organization")}
    assert {"Polaris AI", "Bluewater Capital", "Harbor Foundry", "Crestline Memory"} <= organizations
    assert [r.info.label for r in entities(corpus_graph, search="zx")] == ["Zephyr X1", "Zephyr X2"]
    early = {r.info.label for r in entities(corpus_graph, as_of="2026-01-31")}
    assert "Zephyr X1" in early and "Orion-7" not in early
    with pytest.raises(QueryError, match="Foundry"):
        entities(corpus_graph, cls="Foundri")


@pytest.mark.parametrize("name", ["Zephyr X1", "zephyr x1", "ZEPHYR X1", "ZX1", "zx1", "x1", X1])
def test_entity_lookup_by_label_or_alias_any_case(corpus_graph, name):
    assert show(corpus_graph, name).entity.iri == X1


def test_unknown_entity_suggests_close_names(corpus_graph):
    with pytest.raises(UnknownEntityError) as err:
        deps(corpus_graph, "Zephir X1")
    assert "Zephyr X1" in err.value.suggestions
    assert "Did you mean" in str(err.value)


def test_chokepoints_use_dominators(corpus_graph):
    result = chokepoints(corpus_graph)
    cut = {c.label: c.cut for c in result.chokepoints}
    assert cut["Harbor Foundry"] == ["Orion-7"]  # Lyra-2 can use Northgate through Kestrel K9
    assert cut["Zephyr X1"] == ["Orion-7"] and cut["Kestrel K9"] == ["Lyra-2"]
    assert "Northgate Semiconductor" not in cut
    assert result.models == 2
    memory = chokepoints(corpus_graph, target_relations=["memorySuppliedBy"])
    assert {c.label for c in memory.chokepoints} >= {"Zephyr X1", "Crestline Memory"}


# -- the CLI ------------------------------------------------------------------------------------------
def _run(runner, store, *args):
    result = runner.invoke(main, [*args, "--store", str(store)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return result.output


def test_cli_json_shapes(runner, corpus_store):
    data = json.loads(_run(runner, corpus_store, "deps", "orion-7", "--format", "json"))
    assert data["command"] == "deps" and data["root"]["label"] == "Orion-7"
    edge = next(e for e in data["edges"] if e["predicate"] == "fabbedBy")
    assert edge["subject"] == {"iri": X1, "label": "Zephyr X1"}
    assert edge["object"] == {"iri": HARBOR, "label": "Harbor Foundry"}
    assert edge["modality"] == "asserted" and edge["support"] == 1
    assert edge["documents"] and set(edge["documents"]) <= set(data["documents"])
    assert edge["evidence"][0]["sentence"]
    data = json.loads(_run(runner, corpus_store, "impact", "Harbor", "--format", "json"))
    assert set(data["single_points_of_failure"]) == {"Zephyr X1", "Zephyr X2", "Orion-7"}
    data = json.loads(_run(runner, corpus_store, "why", "Orion-7", "trainedOn", "Zephyr X1", "--format", "json"))
    assert data["verdict"]["status"] == "contested" and len(data["for"]) == len(data["against"]) == 1
    data = json.loads(_run(runner, corpus_store, "path", "Orion-7", "Northgate", "--format", "json"))
    assert data["paths"][0]["nodes"] == ["Orion-7", "Zephyr X1", "Harbor Foundry", "Kestrel K9",
                                         "Northgate Semiconductor"]
    data = json.loads(_run(runner, corpus_store, "conflicts", "--format", "json"))
    assert len(data["conflicts"]) == 3
    data = json.loads(_run(runner, corpus_store, "show", "ZX1", "--format", "json"))
    assert data["entity"]["label"] == "Zephyr X1"
    data = json.loads(_run(runner, corpus_store, "entities", "--class", "Chip", "--format", "json"))
    assert [e["label"] for e in data["entities"]] == ["Kestrel K9", "Zephyr X1", "Zephyr X2"]
    data = json.loads(_run(runner, corpus_store, "chokepoints", "--format", "json"))
    assert data["chokepoints"][0]["label"] == "Harbor Foundry"


def test_cli_text_output(runner, corpus_store):
    out = _run(runner, corpus_store, "why", "orion-7", "trainedOn", "x1")
    assert "Model Digest" in out and "Rumour Mill" in out and "Polaris AI" in out
    assert "1 source asserts, 0 hedge, 1 denies; first seen 2026-03-02, last seen 2026-05-20" in out
    out = _run(runner, corpus_store, "deps", "Orion-7")
    assert "fabbedBy → Harbor Foundry" in out and "Crestline Memory" in out and "Kestrel K9" not in out
    out = _run(runner, corpus_store, "impact", "Harbor Foundry")
    assert "Single points of failure" in out and "Orion-7" in out
    out = _run(runner, corpus_store, "conflicts", "--as-of", "2026-04-30")
    assert "No conflicts as of 2026-04-30" in out


def test_cli_unknown_entity_is_a_clean_error(runner, corpus_store):
    result = runner.invoke(main, ["deps", "Harbour Foundri", "--store", str(corpus_store)])
    assert result.exit_code == 2
    assert "Did you mean: Harbor Foundry" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("command", ["why", "deps", "impact", "path", "conflicts", "show", "entities",
                                     "chokepoints"])
def test_cli_help_teaches_with_an_example(runner, command):
    out = runner.invoke(main, [command, "--help"]).output
    assert "Examples:" in out and f"kg {command}" in out
    assert "--as-of" in out and "--format" in out and "--store" in out


# -- the sample articles (real extractor; built once per session) -------------------------------------
@pytest.mark.slow
def test_commands_on_the_sample_store(runner, sample_store_path):
    from kg import KnowledgeGraph

    with KnowledgeGraph.open(sample_store_path, read_only=True) as graph:
        facts = graph.select("SELECT (COUNT(?f) AS ?n) WHERE { GRAPH kgg:facts { ?f a kg:Fact } }")[0]["n"]
        models = [r.info.label for r in entities(graph, cls="AIModel")]
        for model in models:  # every edge a walk uses is backed by a supporting claim with its sentence
            for edge in deps(graph, model, include_hedged=True).edges:
                assert edge.supported and edge.evidence and all(ev.sentence for ev in edge.evidence)
        for c in conflicts(graph).conflicts:  # both sides of every conflict carry evidence
            assert all(evidence for _label, evidence in c.sides)
    assert facts > 0 and models
    data = json.loads(_run(runner, sample_store_path, "sparql", "--name", "fact-provenance", "--format", "json"))
    rows = data["results"]["bindings"]
    # every fact of the facts graph is listed with at least one supporting claim (document, sentence, modality)
    supported = {r["fact"]["value"] for r in rows if r["modality"]["value"] in ("asserted", "hedged")}
    assert len(supported) == facts
    assert all(r["sentence"]["value"] and r["title"]["value"] for r in rows)


def test_as_of_on_impact_path_and_show(corpus_graph):
    # Kestrel K9's foundries are first reported on 2026-04-15; before that nothing is made by Harbor but X1
    early = impact(corpus_graph, "Harbor Foundry", as_of="2026-04-14")
    assert {d.iri for d in early.dependents} == {X1, ORION}
    assert paths(corpus_graph, "Orion-7", "Northgate", as_of="2026-04-14").paths == []
    shown = show(corpus_graph, "Orion-7", as_of="2026-03-31")
    assert {(e.predicate, e.object) for e in shown.values} == {("releasedOn", "2026-02-20"), ("parameterCount", 7e10)}
    assert all(ev.published <= "2026-03-31" for e in shown.outgoing for ev in e.evidence)


def test_cli_deps_evidence_prints_sentences(runner, corpus_store):
    out = _run(runner, corpus_store, "deps", "Zephyr X1", "--evidence", "--relations", "fabbedBy")
    assert "Harbor Foundry builds the Zephyr X1" in out and "Chip Weekly" in out
    assert "Northgate" not in out  # denied only
