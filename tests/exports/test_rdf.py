"""The RDF exports re-parse, in pyoxigraph, rdflib and Debian's rapper, into what the store holds."""

from __future__ import annotations

import json
import shutil
import subprocess

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

import exports
from exports._select import Selection
from exports.rdf import jsonld_context
from ontology import FACTS_GRAPH, KG, ontology_text

QUAD_FORMATS = {"nquads": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG, "jsonld": ox.RdfFormat.JSON_LD}
TRIPLE_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES}
RAPPER = {"turtle": "turtle", "ntriples": "ntriples", "nquads": "nquads", "trig": "trig", "rdfxml": "rdfxml"}
RDFLIB = {"turtle": "turtle", "ntriples": "nt", "nquads": "nquads", "trig": "trig", "jsonld": "json-ld"}


def store_quads(graph) -> set[ox.Quad]:
    return set(graph.store.ox.quads_for_pattern(None, None, None, None))


def _plain(term):
    """RDF 1.1: "x" and "x"^^xsd:string are one literal; oxrdflib spells the datatype, rdflib's parsers do not."""
    if isinstance(term, rdflib.Literal) and term.datatype == rdflib.XSD.string:
        return rdflib.Literal(str(term))
    return term


def write(fmt, graph, path, **options):
    from exports.registry import get

    get(fmt).write(graph, path, **options)


@pytest.mark.parametrize("fmt", sorted(QUAD_FORMATS))
def test_quad_formats_hold_every_named_graph(fmt, kg_store, tmp_path):
    out = tmp_path / f"kg.{fmt}"
    write(fmt, kg_store, out)
    parsed = set(ox.parse(path=str(out), format=QUAD_FORMATS[fmt]))
    expected = store_quads(kg_store)
    assert parsed == expected
    graphs = {q.graph_name for q in parsed}
    assert ox.NamedNode(str(FACTS_GRAPH)) in graphs and len(graphs) == 5  # facts + 4 documents


@pytest.mark.parametrize("fmt", sorted(TRIPLE_FORMATS))
def test_triple_formats_hold_the_union_of_the_graphs(fmt, kg_store, tmp_path):
    out = tmp_path / f"kg.{fmt}"
    write(fmt, kg_store, out)
    parsed = {ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(path=str(out), format=TRIPLE_FORMATS[fmt])}
    assert parsed == {ox.Triple(q.subject, q.predicate, q.object) for q in store_quads(kg_store)}


@pytest.mark.parametrize("fmt", sorted(RDFLIB))
def test_rdflib_reads_an_isomorphic_graph(fmt, kg_store, tmp_path):
    out = tmp_path / f"kg.{fmt}"
    write(fmt, kg_store, out)
    parsed = rdflib.Dataset()
    parsed.parse(out, format=RDFLIB[fmt])
    expected = rdflib.Graph()
    for s, p, o, _g in kg_store.dataset.quads((None, None, None, None)):
        expected.add((s, p, _plain(o)))
    got = rdflib.Graph()
    for s, p, o, _g in parsed.quads((None, None, None, None)):
        got.add((s, p, _plain(o)))
    assert len(got) == len(expected)
    assert set(got) == set(expected)
    assert isomorphic(got, expected)


@pytest.mark.skipif(shutil.which("rapper") is None, reason="Debian raptor2-utils (rapper) not installed")
@pytest.mark.parametrize("fmt", sorted(RAPPER))
def test_rapper_validates(fmt, kg_store, tmp_path):
    out = tmp_path / f"kg.{fmt}"
    write(fmt, kg_store, out)
    result = subprocess.run(["rapper", "-c", "-i", RAPPER[fmt], str(out)], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    count = int(result.stderr.rsplit("returned", 1)[1].split()[0])
    if fmt in ("nquads", "trig"):
        assert count == len(store_quads(kg_store))
    elif fmt == "rdfxml":
        assert count == len(exports.rdf.rdfxml_triples(kg_store))
    else:
        assert count == len({(q.subject, q.predicate, q.object) for q in store_quads(kg_store)})


def test_rdfxml_is_facts_labels_and_ontology(kg_store, tmp_path):
    out = tmp_path / "kg.rdf"
    exports.write_rdfxml(kg_store, out)
    text = out.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml")
    parsed = {ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(path=str(out), format=ox.RdfFormat.RDF_XML)}
    facts = {ox.Triple(q.subject, q.predicate, q.object)
             for q in kg_store.store.ox.quads_for_pattern(None, None, None, ox.NamedNode(str(FACTS_GRAPH)))}
    ontology = {ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(ontology_text(), format=ox.RdfFormat.TURTLE)}
    assert facts <= parsed and ontology <= parsed
    chip = ox.NamedNode("https://w3id.org/siliconkg/entity/quill-x1")
    label = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
    assert ox.Triple(chip, label, ox.Literal("Quill X1")) in parsed
    assert ox.Triple(chip, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                     ox.NamedNode(str(KG.Chip))) in parsed
    # no claim and no evidence sentence: those live in the named graphs
    assert not any(t.predicate.value == str(KG.evidence) for t in parsed)
    owl = rdflib.Graph().parse(out, format="xml")
    assert (rdflib.URIRef("https://w3id.org/siliconkg/ontology"), rdflib.RDF.type, rdflib.OWL.Ontology) in owl


def test_jsonld_context_is_readable(kg_store, tmp_path):
    out = tmp_path / "kg.jsonld"
    exports.write_jsonld(kg_store, out)
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["@context"] == jsonld_context()
    assert document["@context"]["kg"] == str(KG)
    assert document["@context"]["label"] == {"@id": "skos:prefLabel"}
    facts = next(g for g in document["@graph"] if g["@id"] == "kgg:facts")
    zephyr = next(n for n in facts["@graph"] if n["@id"] == "ent:zephyr-2")
    assert zephyr["kg:trainedOn"] == {"@id": "ent:quill-x1"}


def test_selection_exports_only_the_claims_behind_the_selected_edges(kg_store, tmp_path):
    out = tmp_path / "focus.nq"
    exports.write_nquads(kg_store, out, selection=Selection(focus="Tern 3", depth=1, include_negated=True))
    parsed = set(ox.parse(path=str(out), format=ox.RdfFormat.N_QUADS))
    assert parsed < store_quads(kg_store)
    claims = {q.subject for q in parsed if q.predicate.value == str(KG.evidence)}
    predicates = {q.object.value.rsplit("#", 1)[1] for q in parsed
                  if q.subject in claims and q.predicate.value.endswith("#predicate")}
    assert predicates == {"fabbedBy", "runsOn", "trainedOn"}  # trainedOn: the negated claim
    # every claim kept comes with its document's metadata
    documents = {q.graph_name for q in parsed if q.subject in claims}
    for document in documents:
        assert ox.Quad(document, ox.NamedNode("http://purl.org/dc/terms/title"),
                       next(q.object for q in parsed if q.subject == document and q.predicate.value.endswith("/title")),
                       document) in parsed
    # and its provenance: the extraction activity and the extractor that ran it
    generated = {q.object for q in parsed if q.subject in claims and q.predicate.value.endswith("#wasGeneratedBy")}
    agents = {q.object for q in parsed if q.subject in generated and q.predicate.value.endswith("#wasAssociatedWith")}
    assert generated and agents and all(any(q.subject == a for q in parsed) for a in agents)
    # the Quill X1 claims are about edges outside the selection
    assert not any("quill-x1" in q.object.value for q in parsed
                   if q.subject in claims and q.predicate.value.endswith("#subject"))


def test_as_of_leaves_later_documents_out(kg_store, tmp_path):
    out = tmp_path / "early.trig"
    exports.write_trig(kg_store, out, selection=Selection(as_of="2026-04"))
    parsed = set(ox.parse(path=str(out), format=ox.RdfFormat.TRIG))
    graphs = {q.graph_name.value for q in parsed}
    assert len(graphs) == 2  # the launch document and the facts graph
    assert not any(q.object == ox.Literal("Tern 3 notes") for q in parsed)


def test_rdf_needs_the_store(tmp_path):
    import networkx as nx

    from kg.errors import ExportError

    with pytest.raises(ExportError, match="pass a KnowledgeGraph"):
        exports.write_turtle(nx.MultiDiGraph(), tmp_path / "x.ttl")
