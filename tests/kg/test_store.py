"""The store and the claim model, on hand-made extractions (no spaCy needed)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg import Claim, Document, Entity, Extraction, KnowledgeGraph
from kg._iris import entity_iri
from kg.errors import ShapeViolation, StoreInUseError

FACT_TRIPLES = "SELECT ?s ?p ?o WHERE { GRAPH kgg:facts { ?s ?p ?o FILTER(isIRI(?s) && STRSTARTS(STR(?s), STR(ent:))) } }"


def extraction(key: str, claims: list[Claim], published: str = "2026-03-01") -> Extraction:
    doc = Document(key=key, text="text of " + key, source=key, title=f"Title {key}", publisher="Desk",
                   published=published)
    labels = {c.subject for c in claims} | {c.object for c in claims if isinstance(c.object, str)}
    return Extraction(doc, [Entity(label, "Chip") for label in sorted(labels) if not label[:1].isdigit()],
                      claims, extractor_version="test")


def claim(s, p, o, modality="asserted", sentence="A sentence.", **kw) -> Claim:
    return Claim(s, p, o, modality=modality, sentence=sentence, start=0, end=len(sentence),
                 extractor="test.v1", **kw)


def facts(graph) -> set[tuple[str, str, str]]:
    return {(r["s"].rsplit("/", 1)[-1], r["p"].rsplit("#", 1)[-1], str(r["o"]).rsplit("/", 1)[-1])
            for r in graph.select(FACT_TRIPLES)}


@pytest.fixture
def graph(tmp_path):
    with KnowledgeGraph.open(tmp_path / "store") as g:
        yield g


def test_only_asserted_and_hedged_claims_make_facts(graph):
    graph.add_extraction(extraction("a", [
        claim("Chip A", "fabbedBy", "TSMC"),
        claim("Chip A", "designedBy", "Huawei", "hedged"),
        claim("Chip B", "fabbedBy", "Samsung", "negated"),
        claim("Chip C", "fabbedBy", "SMIC", "hypothetical"),
    ]))
    assert facts(graph) == {("chip-a", "fabbedBy", "tsmc"), ("chip-a", "designedBy", "huawei")}
    levels = {r["p"]: r["level"].rsplit("#", 1)[-1] for r in graph.select(
        "SELECT ?p ?level WHERE { GRAPH kgg:facts { ?f kg:support ?level ; rdf:predicate ?p } }")}
    assert levels == {str(entity_iri("x")).replace("entity/x", "ontology#fabbedBy"): "AssertedSupport",
                      str(entity_iri("x")).replace("entity/x", "ontology#designedBy"): "HedgedOnlySupport"}
    stats = graph.stats()
    assert stats["claims"] == 4 and stats["claims_negated"] == 1 and stats["claims_hypothetical"] == 1
    assert stats["facts"] == 2 and stats["facts_hedged_only"] == 1


def test_adding_the_same_document_again_adds_nothing(graph):
    ex = extraction("a", [claim("Chip A", "fabbedBy", "TSMC"), claim("Chip A", "memoryCapacityGB", 96.0,
                                                                         kind="attribute")])
    graph.add_extraction(ex)
    before = len(graph.store)
    graph.add_extraction(ex)
    assert len(graph.store) == before


def test_an_edited_document_replaces_exactly_its_own_claims(graph):
    graph.add_extraction(extraction("a", [claim("Chip A", "fabbedBy", "TSMC"), claim("Chip A", "designedBy", "Huawei")]))
    graph.add_extraction(extraction("b", [claim("Chip A", "fabbedBy", "TSMC"), claim("Chip B", "fabbedBy", "SMIC")]))
    graph.add_extraction(extraction("a", [claim("Chip A", "fabbedBy", "TSMC", "negated")]))
    # designedBy was only in a's old version: gone. fabbedBy TSMC is still supported by b.
    assert facts(graph) == {("chip-a", "fabbedBy", "tsmc"), ("chip-b", "fabbedBy", "smic")}
    counts = graph.select("SELECT ?n WHERE { GRAPH kgg:facts { ?f rdf:object ent:tsmc ; kg:assertedCount ?n } }")
    assert counts == [{"n": 1}]
    assert graph.stats()["claims"] == 3


def test_remove_document_takes_out_facts_only_it_supported(graph):
    graph.add_extraction(extraction("a", [claim("Chip A", "fabbedBy", "TSMC"), claim("Chip A", "designedBy", "Huawei")]))
    graph.add_extraction(extraction("b", [claim("Chip A", "fabbedBy", "TSMC")]))
    assert graph.remove_document("a") is True
    assert facts(graph) == {("chip-a", "fabbedBy", "tsmc")}
    assert graph.remove_document("a") is False
    assert graph.remove_document("b") is True
    assert graph.stats() | {"quads": 0} == {k: 0 for k in graph.stats()}
    assert len(graph.store) == 0


def test_store_validates_against_the_shapes(graph):
    graph.add_extraction(extraction("a", [claim("Chip A", "fabbedBy", "TSMC", attributed_to=("CSIS", "officials"))]))
    graph.validate()  # raises on any violation


def test_a_malformed_claim_is_rejected_naming_the_shape_and_nothing_is_written(graph):
    graph.add_extraction(extraction("a", [claim("Chip A", "fabbedBy", "TSMC")]))
    before = len(graph.store)
    bad = extraction("b", [claim("Chip B", "fabbedBy", "SMIC", confidence=1.7), claim("Chip B", "designedBy", "Huawei")])
    with pytest.raises(ShapeViolation) as err:
        graph.add_extraction(bad)
    assert "ClaimConfidenceShape" in str(err.value)
    assert len(graph.store) == before


def test_a_document_without_hash_or_key_violates_the_document_shape():
    from rdflib import Graph, Literal

    from kg._graph import validate_graph
    from kg._iris import document_iri
    from ontology import KG
    from rdflib.namespace import RDF

    g = Graph()
    d = document_iri("x")
    g.add((d, RDF.type, KG.Document))
    g.add((d, KG.contentHash, Literal("md5:abc")))
    with pytest.raises(ShapeViolation) as err:
        validate_graph(g)
    text = str(err.value)
    assert "DocumentKeyShape" in text and "DocumentHashShape" in text and "DocumentSourceShape" in text


def test_entity_iris_are_stable_across_processes():
    labels = ["Ascend 910C", "NVIDIA H100", "Tom's Hardware", "HBM3E", "Fidelity Management & Research Company"]
    code = f"from kg._iris import entity_iri; print('\\n'.join(str(entity_iri(l)) for l in {labels!r}))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"PYTHONHASHSEED": "12345", "PATH": ""}).stdout.split()
    assert out == [str(entity_iri(label)) for label in labels]
    assert out[0].endswith("/entity/ascend-910c")


def test_a_second_writer_gets_store_in_use(tmp_path):
    path = tmp_path / "store"
    KnowledgeGraph.open(path).close()
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, time
        from kg import KnowledgeGraph
        g = KnowledgeGraph.open({str(path)!r})
        print("open", flush=True)
        sys.stdin.read()
        """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreInUseError, match="in use by another process"):
            KnowledgeGraph.open(path)
        # readers still work while the writer holds the lock
        with KnowledgeGraph.open(path, read_only=True) as reader:
            assert reader.stats()["documents"] == 0
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)


evidence_text = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=200)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sentence=evidence_text, title=evidence_text, label=evidence_text)
def test_any_article_text_round_trips_through_the_store(graph, sentence, title, label):
    doc = Document(key="k", text="t", source="s", title=title)
    ex = Extraction(doc, [Entity(label, "Chip")], [claim(label, "fabbedBy", "TSMC", sentence=sentence)])
    graph.add_extraction(ex, validate=False)
    rows = graph.select("SELECT ?e ?t ?l WHERE { GRAPH ?g { ?c kg:evidence ?e . ?d dcterms:title ?t . "
                        "?c rdf:subject ?s . ?s skos:prefLabel ?l } }")
    assert rows == [{"e": sentence, "t": title, "l": label}]


def test_facts_carry_dispute_and_competing_value_markers(graph):
    graph.add_extraction(extraction("a", [claim("Chip A", "fabbedBy", "TSMC"),
                                          claim("Chip A", "releasedOn", "2025-03")]))
    graph.add_extraction(extraction("b", [claim("Chip A", "fabbedBy", "TSMC", "negated"),
                                          claim("Chip A", "releasedOn", "2025-09")]))

    def marked(prop):
        return {str(r["o"]) .rsplit("/", 1)[-1] for r in graph.select(
            f"SELECT ?o WHERE {{ GRAPH kgg:facts {{ ?f kg:{prop} true ; rdf:object ?o }} }}")}

    assert marked("disputed") == {"tsmc"}
    assert marked("competingValues") == {"2025-03", "2025-09"}
    graph.remove_document("b")  # the denial and the second date go: so do the markers
    assert marked("disputed") == set() and marked("competingValues") == set()


def test_as_of_counts_a_year_only_date_from_the_end_of_that_year(graph):
    from kg._projection import project

    graph.add_extraction(extraction("yearly", [claim("Chip A", "fabbedBy", "TSMC")], published="2025"))
    graph.add_extraction(extraction("monthly", [claim("Chip B", "fabbedBy", "SMIC")], published="2025-03"))
    edges = lambda as_of: {d["predicate"] + ":" + v.rsplit("/", 1)[-1]  # noqa: E731
                           for _u, v, d in project(graph, as_of=as_of).edges(data=True)}
    assert edges("2025-01") == set()
    assert edges("2025-03") == {"fabbedBy:smic"}
    assert edges("2025-12-31") == {"fabbedBy:smic", "fabbedBy:tsmc"}
    assert edges("2025") == {"fabbedBy:smic", "fabbedBy:tsmc"}
