"""``KnowledgeGraph``: the Python API behind the ``kg`` commands.

>>> from kg import KnowledgeGraph
>>> with KnowledgeGraph.open(None) as graph:      # None: an in-memory store
...     graph.stats()["documents"]
0
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from rdflib import Graph, URIRef

from kg._iris import document_iri
from kg._model import Document, Extraction
from kg._provenance import extraction_triples, fact_key, functional_pairs, insert_data, recompute_facts
from kg._store import Store
from kg.errors import ExtractionError, IngestError, KGError, ShapeViolation, StoreError


@dataclass
class BuildReport:
    """What a build did: counts, and every file that failed with its reason."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    claims: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    degraded: bool = False

    @property
    def failed(self) -> int:
        return len(self.failures)


class KnowledgeGraph:
    """A knowledge graph in an Oxigraph store, with provenance for every fact.

    Use :meth:`open`; close it (or use ``with``) to release the store's lock.
    """

    def __init__(self, store: Store):
        self.store = store

    # -- lifecycle ---------------------------------------------------------------
    @classmethod
    def open(cls, path: str | os.PathLike | None, *, read_only: bool = False) -> "KnowledgeGraph":
        """Open (or create) the store at ``path``; ``None`` gives an in-memory store.

        ``path`` may also be the URL of a SPARQL 1.1 server (``http://127.0.0.1:7878``,
        e.g. ``oxigraph serve``), which then holds the graph (see :mod:`kg._remote`).

        Raises
        ------
        StoreInUseError
            another process is writing the store
        """
        from kg._remote import RemoteStore, is_remote

        if is_remote(path):
            return cls(RemoteStore(str(path), read_only=read_only, token=os.environ.get("KG_TOKEN")))
        return cls(Store(path, read_only=read_only))

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "KnowledgeGraph":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def dataset(self):
        """The rdflib ``Dataset`` view of the store (default graph = union of all graphs)."""
        return self.store.dataset

    # -- reading -----------------------------------------------------------------
    def query(self, sparql: str):
        """Evaluate SPARQL in Oxigraph (pyoxigraph results; prefixes kg:, ent:, prov: ... predefined)."""
        return self.store.query(sparql)

    def select(self, sparql: str) -> list[dict]:
        """Rows of a SELECT query as dicts of plain Python values."""
        return self.store.select(sparql)

    def document_hash(self, key: str) -> str | None:
        """The content hash stored for the document ``key``, or None if it is not in the store."""
        d = document_iri(key)
        rows = self.select(f"SELECT ?h WHERE {{ GRAPH {d.n3()} {{ {d.n3()} kg:contentHash ?h }} }}")
        return rows[0]["h"] if rows else None

    def documents(self) -> list[dict]:
        """Every document: iri, key, title, publisher, published, source."""
        return self.select("""
            SELECT ?iri ?key ?title ?publisher ?published ?source WHERE {
              GRAPH ?iri { ?iri a kg:Document ; kg:documentKey ?key ; dcterms:source ?source .
                OPTIONAL { ?iri dcterms:title ?title } OPTIONAL { ?iri dcterms:publisher ?publisher }
                OPTIONAL { ?iri dcterms:issued ?published } } } ORDER BY ?key""")

    def stats(self) -> dict[str, int]:
        """Counts: documents, entities, claims by modality, facts (and hedged-only facts), quads."""
        row = self.select("""
            SELECT (COUNT(DISTINCT ?d) AS ?documents) WHERE { GRAPH ?d { ?d a kg:Document } }""")[0]
        counts = {"documents": row["documents"]}
        counts["entities"] = self.select(
            "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { GRAPH ?g { ?e skos:prefLabel ?l } }")[0]["n"]
        counts["claims"] = self.select("SELECT (COUNT(?c) AS ?n) WHERE { GRAPH ?g { ?c a kg:Claim } }")[0]["n"]
        for modality in ("Asserted", "Negated", "Hedged", "Hypothetical"):
            counts[f"claims_{modality.lower()}"] = self.select(
                f"SELECT (COUNT(?c) AS ?n) WHERE {{ GRAPH ?g {{ ?c kg:modality kg:{modality} }} }}")[0]["n"]
        facts = self.select("""SELECT (COUNT(?f) AS ?n) (SUM(IF(?l = kg:HedgedOnlySupport, 1, 0)) AS ?h)
            WHERE { GRAPH kgg:facts { ?f a kg:Fact ; kg:support ?l } }""")[0]
        counts["facts"] = facts["n"]
        counts["facts_hedged_only"] = facts["h"] or 0
        counts["quads"] = len(self.store)
        return counts

    # -- writing -----------------------------------------------------------------
    def add_extraction(self, extraction: Extraction, *, validate: bool = True) -> None:
        """Put one document's extraction into the store, replacing its previous version.

        One SPARQL Update does it all (drop the document's graph, insert the new
        one, recompute the facts that either version touched), so the document is
        wholly in or wholly out whatever happens.

        Raises
        ------
        ShapeViolation
            ``validate`` is on and the claims violate the SHACL shapes
        """
        d = document_iri(extraction.document.key)
        triples = extraction_triples(extraction)
        if validate:
            validate_triples(triples)
        old_facts = self._facts_of(d)
        new_facts = {fact_key(c) for c in extraction.claims}
        pairs = self._functional_pairs_of(d) | functional_pairs(extraction.claims)
        parts = [f"DROP SILENT GRAPH {d.n3()}", insert_data(d, triples),
                 recompute_facts(old_facts | new_facts, pairs)]
        self.store.update(" ;\n".join(p for p in parts if p))
        self.store.flush()

    def remove_document(self, key_or_source: str) -> bool:
        """Take a document (by key, URL or source path) and the facts only it supported out.

        Returns False when no such document is in the store.
        """
        d = self._find_document(key_or_source)
        if d is None:
            return False
        parts = [f"DROP SILENT GRAPH {d.n3()}", recompute_facts(self._facts_of(d), self._functional_pairs_of(d))]
        self.store.update(" ;\n".join(p for p in parts if p))
        self.store.flush()
        return True

    def _stored_source(self, key: str) -> str | None:
        d = document_iri(key)
        rows = self.select(f"SELECT ?src WHERE {{ GRAPH {d.n3()} {{ {d.n3()} kg:sourcePath ?src }} }} LIMIT 1")
        return rows[0]["src"] if rows else None

    def _find_document(self, name: str) -> URIRef | None:
        for candidate in (name, os.path.abspath(name)):
            d = document_iri(candidate)
            if self.select(f"SELECT ?x WHERE {{ GRAPH {d.n3()} {{ {d.n3()} a kg:Document }} }} LIMIT 1"):
                return d
        rows = self.select("""SELECT ?d ?src ?key WHERE { GRAPH ?d { ?d a kg:Document ; kg:sourcePath ?src ;
                              kg:documentKey ?key } }""")
        for row in rows:
            if name in (row["src"], row["key"]) or os.path.abspath(name) == row["src"]:
                return URIRef(row["d"])
        return None

    def _functional_pairs_of(self, d: URIRef) -> set[tuple[URIRef, URIRef]]:
        from kg._model import FUNCTIONAL
        from ontology import KG

        wanted = " ".join(KG[p].n3() for p in FUNCTIONAL)
        rows = self.select(f"""SELECT DISTINCT ?s ?p WHERE {{ GRAPH {d.n3()} {{ ?c rdf:subject ?s ; rdf:predicate ?p }}
                               VALUES ?p {{ {wanted} }} }}""")
        return {(URIRef(r["s"]), URIRef(r["p"])) for r in rows}

    def _facts_of(self, d: URIRef) -> set[URIRef]:
        return {URIRef(r["f"]) for r in self.select(f"SELECT DISTINCT ?f WHERE {{ GRAPH {d.n3()} {{ ?c kg:fact ?f }} }}")}

    # -- building ----------------------------------------------------------------
    def build(
        self,
        paths: Iterable[str | os.PathLike],
        *,
        workers: int = 1,
        model: str | None = None,
        max_bytes: int | None = None,
        validate: bool = True,
        executor: str = "local",
        scheduler: str | None = None,
        on_document: Callable[[str, str], None] | None = None,
        on_start: Callable[[int], None] | None = None,
    ) -> BuildReport:
        """Read, extract and store every article under ``paths``.

        Unchanged documents (same key, same content hash) are skipped; changed
        ones replace their previous version; a bad file is reported in the
        returned :class:`BuildReport` and the rest still go in.
        ``on_start(total)`` and ``on_document(source, status)`` report progress.
        ``executor="dask"`` extracts on a Dask cluster (``scheduler`` address, or
        a local cluster of ``workers`` processes); writing stays here, one
        document per transaction.
        """
        from ingest.readers import MAX_FILE_BYTES, iter_documents

        report = BuildReport()
        pending: list[Document] = []
        seen_keys: dict[str, str] = {}
        for item in iter_documents(paths, max_bytes=max_bytes or MAX_FILE_BYTES):
            if isinstance(item, IngestError):
                report.failures.append((item.path, item.reason))
                if on_document:
                    on_document(item.path, "failed")
                continue
            if item.key in seen_keys:
                report.failures.append((item.source, f"has the same key ({item.key}) as {seen_keys[item.key]}: "
                                        "two articles with one URL would overwrite each other; give one "
                                        "another url in its metadata"))
                if on_document:
                    on_document(item.source, "failed")
                continue
            seen_keys[item.key] = item.source
            stored_source = self._stored_source(item.key)
            if stored_source and stored_source != item.source:
                report.warnings.append((item.source, f"replaces the document with the same key ({item.key}) "
                                        f"read earlier from {stored_source}"))
            if item.metadata.get("encoding"):
                report.warnings.append((item.source, item.metadata["encoding"]))
            if self.document_hash(item.key) == item.content_hash:
                report.unchanged += 1
                if on_document:
                    on_document(item.source, "unchanged")
                continue
            pending.append(item)
        if on_start:
            on_start(len(pending))
        if not pending:
            return report
        existing = {doc.key: self.document_hash(doc.key) is not None for doc in pending}
        if executor == "dask":
            from kg._distributed import extract_distributed

            results = extract_distributed(pending, scheduler=scheduler, n_workers=workers, model=model)
        elif executor == "local":
            from ingest.pipeline import Extractor

            extractor = Extractor.load(model=model)
            report.degraded = bool(extractor.degraded)
            results = extractor.extract_many(pending, workers=workers)
        else:
            raise KGError(f"unknown executor {executor!r}; valid: local, dask")
        for result in results:
            if isinstance(result, Extraction) and result.degraded:
                report.degraded = True
            if isinstance(result, KGError):
                source = getattr(result, "path", None) or str(result)
                report.failures.append((source, str(result)))
                if on_document:
                    on_document(source, "failed")
                continue
            try:
                self.add_extraction(result, validate=validate)
            except (ShapeViolation, StoreError, ExtractionError, ValueError) as err:
                report.failures.append((result.document.source, str(err)))
                if on_document:
                    on_document(result.document.source, "failed")
                continue
            report.claims += len(result.claims)
            if existing.get(result.document.key):
                report.updated += 1
            else:
                report.added += 1
            if on_document:
                on_document(result.document.source, "updated" if existing.get(result.document.key) else "added")
        return report

    # -- validation --------------------------------------------------------------
    def validate(self) -> None:
        """Validate the whole store against the SHACL shapes; raise ShapeViolation listing every violation."""
        graph = Graph()
        for s, p, o, _g in self.dataset.quads((None, None, None, None)):
            graph.add((s, p, o))
        validate_graph(graph)


def validate_triples(triples: Iterable[tuple]) -> None:
    """Validate triples against the SHACL shapes (raises :class:`ShapeViolation`)."""
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    validate_graph(graph)


def validate_graph(graph: Graph) -> None:
    """Validate an rdflib graph against the SHACL shapes (raises :class:`ShapeViolation`)."""
    from pyshacl import validate

    from ontology import load_shapes

    conforms, report, _text = validate(graph, shacl_graph=load_shapes(), inference="none", advanced=False)
    if conforms:
        return
    from rdflib.namespace import SH

    violations = []
    for result in report.subjects(SH.resultSeverity, None):
        shape = report.value(result, SH.sourceShape)
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        violations.append(f"shape {shape.n3() if shape is not None else '?'}: {focus} "
                          f"{path.n3() if path is not None else ''} — {message}")
    raise ShapeViolation(sorted(violations))
