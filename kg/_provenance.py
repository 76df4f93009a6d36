"""The claim model: how one document's extraction is written as RDF.

Each document gets a named graph (its IRI is the document's IRI) holding

* the document: ``kg:Document`` with Dublin Core title, publisher, issued
  date, source, and ``kg:contentHash``;
* the entities it mentions: class, ``skos:prefLabel``, ``skos:altLabel``;
* one reified ``kg:Claim`` per statement: ``rdf:subject`` / ``rdf:predicate``
  / ``rdf:object``, ``kg:modality``, ``kg:attributedTo`` (an entity) or
  ``kg:attributedToText`` (a phrase), ``kg:evidence`` (the sentence) with
  ``kg:startOffset`` / ``kg:endOffset``, ``kg:confidence``, ``kg:extractor``,
  ``prov:wasDerivedFrom`` the document, ``prov:wasGeneratedBy`` the extraction
  activity (``prov:wasAssociatedWith`` the extractor, with its version) and
  ``prov:generatedAtTime``; ``kg:fact`` links it to its fact node.

The facts graph (:data:`ontology.FACTS_GRAPH`) holds, for every (s, p, o)
that at least one asserted or hedged claim supports, the plain triple and a
``kg:Fact`` node with its support level (``kg:AssertedSupport`` or
``kg:HedgedOnlySupport``), counts and first/last seen dates. Negated and
hypothetical claims never produce a fact. Facts are recomputed from the claims
in the same update that changes a document, so they cannot drift.
"""

from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal
from collections.abc import Iterable

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, SKOS, XSD

from kg._iris import claim_iri, document_iri, entity_iri, fact_iri
from kg._model import FUNCTIONAL, RELATIONS, Claim, Document, Extraction
from ontology import FACTS_GRAPH, KG, MODALITY

_DATE_TYPES = (
    (re.compile(r"^\d{4}-\d{2}-\d{2}$"), XSD.date),
    (re.compile(r"^\d{4}-\d{2}$"), XSD.gYearMonth),
    (re.compile(r"^\d{4}$"), XSD.gYear),
)


def date_literal(value: str) -> Literal:
    """An ISO date at its precision as a typed literal (a quarter stays a plain string)."""
    for pattern, datatype in _DATE_TYPES:
        if pattern.match(value):
            return Literal(value, datatype=datatype)
    return Literal(value)


def object_term(claim: Claim) -> URIRef | Literal:
    """The RDF object of a claim: an entity IRI, a date literal or a number."""
    if claim.kind == "attribute":
        return Literal(float(claim.object), datatype=XSD.double)
    if RELATIONS[claim.predicate] == "date":
        return date_literal(str(claim.object))
    return entity_iri(str(claim.object))


def fact_key(claim: Claim) -> URIRef:
    """The fact node a claim is about (same (s, p, o) -> same node)."""
    obj = object_term(claim)
    return fact_iri(claim.subject, claim.predicate, obj.n3())


def document_triples(document: Document, *, degraded: bool = False) -> list[tuple]:
    """Triples describing the document itself."""
    d = document_iri(document.key)
    triples = [
        (d, RDF.type, KG.Document),
        (d, RDF.type, PROV.Entity),
        (d, KG.documentKey, Literal(document.key)),
        (d, KG.contentHash, Literal(document.content_hash)),
        (d, DCTERMS.source, Literal(document.url or document.source)),
        (d, KG.sourcePath, Literal(document.source)),
        (d, DCTERMS["format"], Literal(document.format)),
        (d, KG.characterCount, Literal(len(document.text))),
    ]
    if document.title:
        triples.append((d, DCTERMS.title, Literal(document.title)))
    if document.publisher:
        triples.append((d, DCTERMS.publisher, Literal(document.publisher)))
    if document.author:
        triples.append((d, DCTERMS.creator, Literal(document.author)))
    if document.published:
        triples.append((d, DCTERMS.issued, date_literal(document.published)))
    if document.url:
        triples.append((d, KG.url, Literal(document.url)))
    if degraded:
        triples.append((d, KG.degradedExtraction, Literal(True)))
    return triples


def extraction_triples(extraction: Extraction, *, extracted_at: _dt.datetime | None = None) -> list[tuple]:
    """All triples of a document's named graph, from its extraction."""
    document = extraction.document
    d = document_iri(document.key)
    when = Literal((extracted_at or _dt.datetime.now(_dt.timezone.utc)).replace(microsecond=0).isoformat(),
                   datatype=XSD.dateTime)
    triples = document_triples(document, degraded=extraction.degraded)
    activity = URIRef(str(d) + "/extraction")
    agent = KG["extractor/" + re.sub(r"[^A-Za-z0-9._-]", "_", extraction.extractor_version or "unknown")]
    triples += [
        (activity, RDF.type, PROV.Activity),
        (activity, PROV.used, d),
        (activity, PROV.endedAtTime, when),
        (activity, PROV.wasAssociatedWith, agent),
        (agent, RDF.type, PROV.SoftwareAgent),
        (agent, KG.extractorVersion, Literal(extraction.extractor_version or "unknown")),
    ]
    if extraction.pipeline:
        triples.append((agent, KG.nlpPipeline, Literal(extraction.pipeline)))
    labels = {}
    for entity in extraction.entities:
        e = entity_iri(entity.label)
        labels[entity.label] = e
        triples += [(e, RDF.type, KG[entity.cls]), (e, SKOS.prefLabel, Literal(entity.label))]
        triples += [(e, SKOS.altLabel, Literal(a)) for a in entity.aliases if a != entity.label]
    for index, claim in enumerate(extraction.claims):
        obj = object_term(claim)
        c = claim_iri(document.key, index, claim.subject, claim.predicate, obj.n3(), claim.start)
        triples += [
            (c, RDF.type, KG.Claim),
            (c, RDF.subject, entity_iri(claim.subject)),
            (c, RDF.predicate, KG[claim.predicate]),
            (c, RDF.object, obj),
            (c, KG.fact, fact_key(claim)),
            (c, KG.modality, MODALITY[claim.modality]),
            (c, KG.evidence, Literal(claim.sentence)),
            (c, KG.startOffset, Literal(claim.start)),
            (c, KG.endOffset, Literal(claim.end)),
            (c, KG.confidence, Literal(Decimal(str(round(float(claim.confidence), 4))))),
            (c, KG.extractor, Literal(claim.extractor or "unknown")),
            (c, PROV.wasDerivedFrom, d),
            (c, PROV.wasGeneratedBy, activity),
            (c, PROV.generatedAtTime, when),
        ]
        for source in claim.attributed_to:
            if source in labels:
                triples.append((c, KG.attributedTo, labels[source]))
            else:
                triples.append((c, KG.attributedToText, Literal(source)))
        named = [claim.subject] + ([str(claim.object)] if isinstance(obj, URIRef) else [])
        for label in named:  # an entity the extractor did not list still gets its label
            if label not in labels:
                labels[label] = entity_iri(label)
                triples.append((labels[label], SKOS.prefLabel, Literal(label)))
    return triples


def insert_data(graph: URIRef, triples: Iterable[tuple]) -> str:
    """A SPARQL ``INSERT DATA`` putting ``triples`` into the named graph ``graph``."""
    body = " .\n".join(f"{s.n3()} {p.n3()} {o.n3()}" for s, p, o in triples)
    return f"INSERT DATA {{ GRAPH {graph.n3()} {{\n{body} .\n}} }}" if body else ""


def recompute_facts(facts: Iterable[URIRef], subject_predicates: Iterable[tuple[URIRef, URIRef]] = ()) -> str:
    """SPARQL Update operations that rebuild the given fact nodes from all claims.

    Besides the counts, a fact gets ``kg:disputed true`` when some claim negates
    it, and ``kg:competingValues true`` when its subject has another supported
    value for the same single-valued predicate (``subject_predicates`` lists the
    (subject, predicate) pairs whose markers must be refreshed), so ``kg
    conflicts`` reads markers instead of scanning every claim.
    """
    values = " ".join(f.n3() for f in set(facts))
    if not values:
        return ""
    g = FACTS_GRAPH.n3()
    update = f"""
DELETE {{ GRAPH {g} {{ ?f ?fp ?fo . ?s ?p ?o }} }}
WHERE {{ VALUES ?f {{ {values} }}
         GRAPH {g} {{ ?f rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; ?fp ?fo }} }} ;
INSERT {{ GRAPH {g} {{
  ?s ?p ?o .
  ?f a kg:Fact ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:support ?level ;
     kg:assertedCount ?na ; kg:hedgedCount ?nh ; kg:negatedCount ?nn ; kg:documentCount ?nd ;
     kg:firstSeen ?first ; kg:lastSeen ?last ; kg:disputed ?disputed .
}} }}
WHERE {{
  {{ SELECT ?f ?s ?p ?o
       (SUM(IF(?m = kg:Asserted, 1, 0)) AS ?na) (SUM(IF(?m = kg:Hedged, 1, 0)) AS ?nh)
       (SUM(IF(?m = kg:Negated, 1, 0)) AS ?nn)
       (COUNT(DISTINCT ?supporting) AS ?nd) (MIN(STR(?supportDate)) AS ?first) (MAX(STR(?supportDate)) AS ?last)
     WHERE {{ VALUES ?f {{ {values} }}
              GRAPH ?doc {{ ?c kg:fact ?f ; kg:modality ?m ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
                           OPTIONAL {{ ?doc dcterms:issued ?issued }} }}
              BIND (IF(?m IN (kg:Asserted, kg:Hedged), ?doc, ?none) AS ?supporting)
              BIND (IF(?m IN (kg:Asserted, kg:Hedged), ?issued, ?none) AS ?supportDate) }}
     GROUP BY ?f ?s ?p ?o
     HAVING (SUM(IF(?m IN (kg:Asserted, kg:Hedged), 1, 0)) > 0) }}
  BIND (IF(?na > 0, kg:AssertedSupport, kg:HedgedOnlySupport) AS ?level)
  BIND (IF(?nn > 0, true, ?none) AS ?disputed)
}}"""
    pairs = " ".join(f"({s.n3()} {p.n3()})" for s, p in sorted(set(subject_predicates)))
    if pairs:
        update += f""" ;
DELETE {{ GRAPH {g} {{ ?f kg:competingValues true }} }}
WHERE {{ VALUES (?s ?p) {{ {pairs} }} GRAPH {g} {{ ?f rdf:subject ?s ; rdf:predicate ?p ; kg:competingValues true }} }} ;
INSERT {{ GRAPH {g} {{ ?f kg:competingValues true }} }}
WHERE {{ VALUES (?s ?p) {{ {pairs} }}
         GRAPH {g} {{ ?f a kg:Fact ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
                      ?other a kg:Fact ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o2 }}
         FILTER (?o2 != ?o) }}"""
    return update


def functional_pairs(claims: Iterable[Claim]) -> set[tuple[URIRef, URIRef]]:
    """(subject IRI, predicate IRI) of the claims whose predicate takes a single value."""
    return {(entity_iri(c.subject), KG[c.predicate]) for c in claims if c.predicate in FUNCTIONAL}
