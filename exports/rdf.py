"""RDF exports: Turtle, N-Triples, N-Quads, TriG, JSON-LD and RDF/XML.

The quad formats (N-Quads, TriG, JSON-LD) keep every named graph: one per
document (its entities, claims with modality, attribution, evidence and
provenance) and the facts graph. The triple formats (Turtle, N-Triples) hold
the union of those graphs: every claim still links its document through
``prov:wasDerivedFrom``. RDF/XML carries no named graphs; it holds the facts
graph, the entities' classes and labels and the OWL ontology, so an OWL
editor such as Protégé opens it as one ontology with its individuals.

Serialisation is pyoxigraph's (streamed to the file); the JSON-LD writer is
ours, to give it a readable ``@context`` (prefixes and short terms).

Each ``write_<fmt>(kg, path, *, selection=None)`` takes a
:class:`kg.KnowledgeGraph`. With a ``selection`` that leaves part of the store
out (focus, path, relations, as-of, no hedged claims), only the claims behind
the selected edges go out, with their documents' metadata, the entities'
descriptions and the matching fact nodes.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from collections.abc import Iterable, Iterator

import pyoxigraph as ox

from exports._select import Selection, edge_records, is_graph
from kg.errors import ExportError
from ontology import ENT, FACTS_GRAPH, KG, PREFIXES, ontology_text

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_PREFIXES = {name: str(ns) for name, ns in PREFIXES.items()}
#: Short JSON-LD terms for the properties most readers look at.
_TERMS = {
    "label": _SKOS + "prefLabel", "altLabel": _SKOS + "altLabel",
    "subject": _RDF + "subject", "predicate": _RDF + "predicate", "object": _RDF + "object",
    "modality": str(KG.modality), "evidence": str(KG.evidence), "attributedTo": str(KG.attributedTo),
    "attributedToText": str(KG.attributedToText), "aboutFact": str(KG.fact), "support": str(KG.support),
    "title": "http://purl.org/dc/terms/title", "publisher": "http://purl.org/dc/terms/publisher",
    "issued": "http://purl.org/dc/terms/issued", "wasDerivedFrom": "http://www.w3.org/ns/prov#wasDerivedFrom",
}
_TERM_OF = {iri: term for term, iri in _TERMS.items()}
assert not set(_TERMS) & set(PREFIXES), "a JSON-LD term must not shadow a prefix"


def _name(term) -> str:
    return term.value if isinstance(term, ox.NamedNode) else str(term)


def _all_quads(source) -> Iterator[ox.Quad]:
    """Every quad of the store: read directly from an embedded store, by one SELECT from a remote one."""
    if is_graph(source) or not hasattr(source, "store"):
        raise ExportError("RDF exports read the store: pass a KnowledgeGraph (kg.KnowledgeGraph.open(...)), "
                          "not a projected graph")
    store = source.store
    if hasattr(store, "ox"):
        yield from store.ox.quads_for_pattern(None, None, None, None)
        return
    for row in store.query("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"):
        yield ox.Quad(row["s"], row["p"], row["o"], row["g"])


def store_quads(kg, *, selection: Selection | None = None) -> list[ox.Quad]:
    """The quads to export: the whole store, or the part behind ``selection``'s edges (sorted)."""
    if selection is None or not selection.restricts_store:
        quads = list(_all_quads(kg))
    else:
        quads = _selected_quads(list(_all_quads(kg)), selection.project(kg))
    quads.sort(key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
    return quads


def _selected_quads(all_quads: list[ox.Quad], graph) -> list[ox.Quad]:
    """The quads behind a projected graph: its claims, their documents, entities and facts."""
    nodes = {str(n) for n in graph}
    edges: dict[tuple[str, str, str], set[str]] = {}
    for edge in edge_records(graph):
        edges[(edge["source"], str(KG[edge["relation"]]), edge["target"])] = set(edge["documents"])
    by_subject: dict[tuple[str, str], list[ox.Quad]] = defaultdict(list)
    for quad in all_quads:
        by_subject[(_name(quad.graph_name), _name(quad.subject))].append(quad)

    def spo(quads: list[ox.Quad]) -> tuple[str, str, object] | None:
        values = {q.predicate.value: q.object for q in quads}
        if _RDF + "subject" not in values:
            return None
        obj = values.get(_RDF + "object")
        return (values[_RDF + "subject"].value, values.get(_RDF + "predicate").value, obj)

    kept: list[ox.Quad] = []
    kept_documents: set[str] = set()
    literal_claims = []
    activities: set[tuple[str, str]] = set()
    for (graph_name, subject), quads in by_subject.items():
        if not any(q.predicate.value == _RDF_TYPE and q.object.value == str(KG.Claim) for q in quads):
            continue
        triple = spo(quads)
        if triple is None:
            continue
        s, p, o = triple
        if isinstance(o, ox.NamedNode):
            documents = edges.get((s, p, o.value))
            if documents is not None and graph_name in documents:
                kept.extend(quads)
                kept_documents.add(graph_name)
                activities.update((graph_name, q.object.value) for q in quads
                                  if q.predicate.value.endswith("#wasGeneratedBy"))
        elif s in nodes:
            literal_claims.append((graph_name, quads))
    for graph_name, quads in literal_claims:  # dates and attribute values from documents already kept
        if graph_name in kept_documents:
            kept.extend(quads)
            activities.update((graph_name, q.object.value) for q in quads
                              if q.predicate.value.endswith("#wasGeneratedBy"))
    agents = {(graph_name, q.object.value) for graph_name, activity in activities
              for q in by_subject.get((graph_name, activity), []) if q.predicate.value.endswith("#wasAssociatedWith")}
    facts = str(FACTS_GRAPH)
    for (graph_name, subject), quads in by_subject.items():
        if graph_name in kept_documents and (subject == graph_name or subject in nodes
                                             or (graph_name, subject) in activities
                                             or (graph_name, subject) in agents):
            kept.extend(quads)
        elif graph_name == facts:
            if subject in nodes:  # plain fact triples s p o
                for q in quads:
                    o = q.object
                    if isinstance(o, ox.NamedNode) and (subject, q.predicate.value, o.value) in edges:
                        kept.append(q)
                    elif not isinstance(o, ox.NamedNode) and kept_documents:
                        kept.append(q)
            triple = spo(quads)
            if triple is not None:
                s, p, o = triple
                if (isinstance(o, ox.NamedNode) and (s, p, o.value) in edges) or (
                        not isinstance(o, ox.NamedNode) and s in nodes and kept_documents):
                    kept.extend(quads)
    return list(dict.fromkeys(kept))


def _triples(quads: Iterable[ox.Quad]) -> list[ox.Triple]:
    return list(dict.fromkeys(ox.Triple(q.subject, q.predicate, q.object) for q in quads))


def _write(items, path, fmt: ox.RdfFormat) -> None:
    try:
        ox.serialize(items, os.fspath(path), fmt, prefixes=_PREFIXES if fmt not in (
            ox.RdfFormat.N_TRIPLES, ox.RdfFormat.N_QUADS) else None)
    except OSError as err:
        raise ExportError(f"cannot write {path}: {err}") from err


def write_turtle(kg, path: str | os.PathLike, *, selection: Selection | None = None) -> None:
    """Write the union of the store's graphs as Turtle.

    Parameters
    ----------
    kg : kg.KnowledgeGraph
    path : the file to write
    selection : the part of the store to write (default: everything)

    Examples
    --------
    >>> from kg import KnowledgeGraph
    >>> import tempfile, os
    >>> with KnowledgeGraph.open(None) as graph, tempfile.TemporaryDirectory() as tmp:
    ...     write_turtle(graph, os.path.join(tmp, "kg.ttl"))
    """
    _write(_triples(store_quads(kg, selection=selection)), path, ox.RdfFormat.TURTLE)


def write_ntriples(kg, path: str | os.PathLike, *, selection: Selection | None = None) -> None:
    """Write the union of the store's graphs as N-Triples (one triple a line).

    Parameters
    ----------
    kg : kg.KnowledgeGraph
    path : the file to write
    selection : the part of the store to write (default: everything)
    """
    _write(_triples(store_quads(kg, selection=selection)), path, ox.RdfFormat.N_TRIPLES)


def generate_ntriples(kg, *, selection: Selection | None = None) -> Iterator[str]:
    """Yield the N-Triples lines of :func:`write_ntriples` one by one."""
    for triple in _triples(store_quads(kg, selection=selection)):
        yield ox.serialize([triple], format=ox.RdfFormat.N_TRIPLES).decode("utf-8")


def write_nquads(kg, path: str | os.PathLike, *, selection: Selection | None = None) -> None:
    """Write every named graph of the store as N-Quads.

    Parameters
    ----------
    kg : kg.KnowledgeGraph
    path : the file to write
    selection : the part of the store to write (default: everything)
    """
    _write(store_quads(kg, selection=selection), path, ox.RdfFormat.N_QUADS)


def generate_nquads(kg, *, selection: Selection | None = None) -> Iterator[str]:
    """Yield the N-Quads lines of :func:`write_nquads` one by one."""
    for quad in store_quads(kg, selection=selection):
        yield ox.serialize([quad], format=ox.RdfFormat.N_QUADS).decode("utf-8")


def write_trig(kg, path: str | os.PathLike, *, selection: Selection | None = None) -> None:
    """Write every named graph of the store as TriG.

    Parameters
    ----------
    kg : kg.KnowledgeGraph
    path : the file to write
    selection : the part of the store to write (default: everything)
    """
    _write(store_quads(kg, selection=selection), path, ox.RdfFormat.TRIG)


def rdfxml_triples(kg, *, selection: Selection | None = None) -> list[ox.Triple]:
    """What the RDF/XML export holds: the facts graph, entity classes and labels, and the ontology."""
    facts = str(FACTS_GRAPH)
    keep = {_RDF_TYPE, _SKOS + "prefLabel", _SKOS + "altLabel"}
    entities = str(ENT)
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in store_quads(kg, selection=selection)
               if _name(q.graph_name) == facts or (q.predicate.value in keep and _name(q.subject).startswith(entities))]
    triples += list(ox.parse(ontology_text(), format=ox.RdfFormat.TURTLE))
    return list(dict.fromkeys(triples))


def write_rdfxml(kg, path: str | os.PathLike, *, selection: Selection | None = None) -> None:
    """Write the facts, the entities' classes and labels, and the ontology as RDF/XML.

    No named graphs: one document an OWL editor opens as an ontology with its individuals.

    Parameters
    ----------
    kg : kg.KnowledgeGraph
    path : the file to write
    selection : the part of the store to write (default: everything)
    """
    _write(rdfxml_triples(kg, selection=selection), path, ox.RdfFormat.RDF_XML)


# -- JSON-LD ---------------------------------------------------------------------------

def jsonld_context() -> dict:
    """The ``@context`` of the JSON-LD export: the project's prefixes and short terms."""
    context: dict = dict(_PREFIXES)
    context.update({term: {"@id": _compact(iri)} for term, iri in _TERMS.items()})
    return context


def _compact(iri: str) -> str:
    best = None
    for prefix, namespace in _PREFIXES.items():
        if iri.startswith(namespace) and (best is None or len(namespace) > len(_PREFIXES[best])):
            best = prefix
    if best is None:
        return iri
    local = iri[len(_PREFIXES[best]):]
    if not local or local.startswith("//"):  # "ent://x" would read as an absolute IRI
        return iri
    return f"{best}:{local}"


def _term(node) -> dict | str:
    if isinstance(node, ox.NamedNode):
        return {"@id": _compact(node.value)}
    if isinstance(node, ox.BlankNode):
        return {"@id": f"_:{node.value}"}
    if node.language:
        return {"@value": node.value, "@language": node.language}
    if node.datatype.value == _XSD_STRING:
        return node.value  # a plain JSON string is an xsd:string literal
    return {"@value": node.value, "@type": _compact(node.datatype.value)}


def _node_objects(quads: Iterable[ox.Quad]) -> list[dict]:
    subjects: dict[str, dict] = {}
    for q in quads:
        sid = _term(q.subject)["@id"]
        node = subjects.setdefault(sid, {"@id": sid})
        if q.predicate.value == _RDF_TYPE and isinstance(q.object, ox.NamedNode):
            node.setdefault("@type", []).append(_compact(q.object.value))
            continue
        key = _TERM_OF.get(q.predicate.value) or _compact(q.predicate.value)
        node.setdefault(key, []).append(_term(q.object))
    for node in subjects.values():  # one value: no list around it
        for key, values in node.items():
            if isinstance(values, list) and len(values) == 1:
                node[key] = values[0]
    return list(subjects.values())


def generate_jsonld(kg, *, selection: Selection | None = None) -> dict:
    """The JSON-LD document (a dict): ``@context`` plus one ``@graph`` entry per named graph."""
    by_graph: dict[str, list[ox.Quad]] = defaultdict(list)
    default: list[ox.Quad] = []
    for quad in store_quads(kg, selection=selection):
        if isinstance(quad.graph_name, ox.DefaultGraph):
            default.append(quad)
        else:
            by_graph[quad.graph_name.value].append(quad)
    graphs = [{"@id": _compact(name), "@graph": _node_objects(quads)} for name, quads in by_graph.items()]
    return {"@context": jsonld_context(), "@graph": _node_objects(default) + graphs}


def write_jsonld(kg, path: str | os.PathLike, *, selection: Selection | None = None) -> None:
    """Write every named graph as JSON-LD with a readable ``@context`` (prefixes and short terms).

    Parameters
    ----------
    kg : kg.KnowledgeGraph
    path : the file to write
    selection : the part of the store to write (default: everything)
    """
    document = generate_jsonld(kg, selection=selection)
    try:
        with open(path, "w", encoding="utf-8") as out:
            json.dump(document, out, ensure_ascii=False, indent=1)
            out.write("\n")
    except OSError as err:
        raise ExportError(f"cannot write {path}: {err}") from err
