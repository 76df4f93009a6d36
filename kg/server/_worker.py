"""The worker process: evaluates one request at a time against its own view of the store.

Query workers open the store read-only (``pyoxigraph.Store.read_only``, no
lock) and reopen it when ``KG_GENERATION`` changes, i.e. after ``kg build``
(or the update worker) has written a document. Opening can fail while a writer
compacts files away; the worker then keeps answering from its previous view
and tries again on the next request, so an answer is at worst a few documents
old, never an error. The update worker (only with ``--allow-update``) opens the
store for writing and touches ``KG_GENERATION`` after each update.

Everything here runs in a child process, so the pool can kill it when a query
outlives its timeout: Oxigraph has no timeout of its own.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections import Counter

from kg._sparql_safety import check_query
from kg.errors import QueryError
from kg.server._formats import negotiate

#: Reply sent back to the pool: (status, content type, body, extra headers).
Reply = tuple[int, str, bytes, dict]


def _text(status: int, message: str) -> Reply:
    return status, "text/plain; charset=utf-8", (message.rstrip("\n") + "\n").encode("utf-8"), {}


def _number(generation: str) -> int:
    """A generation token (nanoseconds written by the store) as a number; 0 if unreadable."""
    try:
        return int(generation.strip() or 0)
    except ValueError:
        return 0


class StoreView:
    """The worker's handle on the store, reopened when the writer says it changed."""

    def __init__(self, path: str, *, writable: bool):
        import pyoxigraph as ox

        from ontology import PREFIXES

        self.path = path
        self.writable = writable
        self.prefixes = {k: str(v) for k, v in PREFIXES.items()}
        self._ox = ox
        self.generation = self._read_generation()
        if writable:
            from kg._store import Store

            self.kg_store = Store(path)
            self.store = self.kg_store.ox
        else:
            self.store = self._open_read_only(attempts=20)

    def _read_generation(self) -> str:
        try:
            with open(os.path.join(self.path, "KG_GENERATION"), encoding="ascii") as handle:
                return handle.read()
        except OSError:
            return ""

    def _open_read_only(self, *, attempts: int):
        for attempt in range(attempts):
            try:
                return self._ox.Store.read_only(self.path)
            except Exception:  # RocksDB reports files a concurrent compaction removed
                if attempt == attempts - 1:
                    raise
                time.sleep(0.02 * (attempt + 1))
        raise AssertionError("unreachable")

    def refresh(self, *, force: bool = False, at_least: int = 0) -> None:
        """Reopen the read-only view if the store changed (keep the old one if that fails).

        ``at_least`` is the newest generation another worker has already answered
        from: to keep answers from going back in time, try harder (about a second)
        to reach it before falling back to the previous view.
        """
        if self.writable:
            return
        generation = self._read_generation()
        if generation == self.generation and not force:
            return
        behind = _number(self.generation) < at_least
        try:
            self.store = self._open_read_only(attempts=12 if behind else 3)
            self.generation = generation
        except Exception:
            pass  # answer from the previous view; the next request tries again

    def run(self, work, *, at_least: int = 0):
        """``work(store)`` with the freshest view; on a storage error reopen and retry."""
        self.refresh(at_least=at_least)
        for attempt in range(3):
            try:
                return work(self.store)
            except (SyntaxError, QueryError, ValueError, TypeError):
                raise
            except Exception:
                if self.writable or attempt == 2:
                    raise
                time.sleep(0.05)
                self.refresh(force=True)
        raise AssertionError("unreachable")


# -- SPARQL queries -------------------------------------------------------------------
def run_query(view: StoreView, text: str, accept: str | None, max_rows: int, *, at_least: int = 0) -> Reply:
    """Check, evaluate and serialise one query (the whole SPARQL protocol answer)."""
    try:
        kind = check_query(text, allow_update=True)
    except QueryError as err:
        return _text(400, str(err))
    if kind == "UPDATE":
        return _text(400, "this is a SPARQL Update sent as a query: POST it as `update=` (form) or with "
                          "Content-Type application/sparql-update")
    fmt = negotiate(kind, accept)
    if fmt is None:
        return _text(406, f"cannot answer a {kind} query in any of the accepted types ({accept}); "
                          "see the service description at /sparql for the formats")

    def work(store):
        results = store.query(text, use_default_graph_as_union=True, prefixes=view.prefixes)
        return _serialise(kind, fmt, results, max_rows)

    try:
        body, truncated = view.run(work, at_least=at_least)
    except SyntaxError as err:
        return _text(400, f"SPARQL syntax error: {err}")
    except (ValueError, TypeError, QueryError) as err:
        return _text(400, f"query failed: {err}")
    headers = {"X-KG-Generation": view.generation}
    if truncated:
        headers["X-KG-Truncated"] = "true"
        headers["X-KG-Max-Rows"] = str(max_rows)
    return 200, _content_type(fmt.media_type), body, headers


def _content_type(media: str) -> str:
    return media if media.endswith("+xml") or media.endswith("/xml") else f"{media}; charset=utf-8"


def _serialise(kind: str, fmt, results, max_rows: int) -> tuple[bytes, bool]:
    import pyoxigraph as ox

    if kind == "ASK":
        return results.serialize(format=getattr(ox.QueryResultsFormat, fmt.name)), False
    if kind in ("CONSTRUCT", "DESCRIBE"):
        triples = []
        for triple in results:
            if len(triples) == max_rows:
                return ox.serialize(triples, format=getattr(ox.RdfFormat, fmt.name)), True
            triples.append(triple)
        return ox.serialize(triples, format=getattr(ox.RdfFormat, fmt.name)), False
    # SELECT: keep the first max_rows solutions, then let pyoxigraph serialise them
    # (they are written as TSV, whose cells are N-Triples terms, and parsed back).
    names = [v.value for v in results.variables]
    lines = ["\t".join(f"?{n}" for n in names)]
    truncated = False
    for count, solution in enumerate(results):
        if count == max_rows:
            truncated = True
            break
        lines.append("\t".join("" if solution[n] is None else _tsv_term(solution[n]) for n in names))
    capped = ox.parse_query_results("\n".join(lines) + "\n", format=ox.QueryResultsFormat.TSV)
    body = capped.serialize(format=getattr(ox.QueryResultsFormat, fmt.name))
    if truncated and fmt.name == "JSON":
        body = b'{"truncated":true,"maxRows":%d,' % max_rows + body[1:]
    return body, truncated


def _tsv_term(term) -> str:
    text = str(term)  # N-Triples syntax; a literal's tab and newline come out escaped
    return text.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


# -- SPARQL updates -------------------------------------------------------------------
def run_update(view: StoreView, text: str) -> Reply:
    """Check and apply one SPARQL Update in one transaction, then tell readers."""
    try:
        check_query(text, allow_update=True)
    except QueryError as err:
        return _text(400, str(err))
    from kg.errors import StoreError

    try:
        view.kg_store.update(text)
        view.kg_store.flush()
    except QueryError as err:
        return _text(400, str(err))
    except StoreError as err:
        return _text(500, str(err))
    return 204, "text/plain", b"", {}


# -- explorer API ---------------------------------------------------------------------
_CLAIMS = """
SELECT ?c ?s ?p ?o ?m ?ev ?doc ?title ?publisher ?published ?attr ?attrLabel ?attrText WHERE {
  %(selector)s
  GRAPH ?doc {
    ?c a kg:Claim ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:modality ?m .
    FILTER(isIRI(?o))
    OPTIONAL { ?c kg:evidence ?ev }
    OPTIONAL { ?c kg:attributedTo ?attr OPTIONAL { ?attr skos:prefLabel ?attrLabel } }
    OPTIONAL { ?c kg:attributedToText ?attrText }
    OPTIONAL { ?doc dcterms:title ?title } OPTIONAL { ?doc dcterms:publisher ?publisher }
    OPTIONAL { ?doc dcterms:issued ?published }
  }
} LIMIT %(limit)d"""
_ENTITIES = """
SELECT ?e ?label ?cls WHERE {
  VALUES ?e { %s }
  OPTIONAL { ?e skos:prefLabel ?label }
  OPTIONAL { ?e a ?cls FILTER(STRSTARTS(STR(?cls), STR(kg:))) }
}"""
_BY_LABEL = "SELECT DISTINCT ?e WHERE { VALUES ?l { %s } ?e skos:prefLabel ?l }"
_MAX_CLAIMS = 3000
_MAX_EVIDENCE = 5


def run_neighbours(view: StoreView, iri: str) -> Reply:
    """Edges (with evidence) touching the entity ``iri``, and the nodes at their ends."""
    node = _iri(iri)
    if node is None:
        return _text(400, f"not an IRI: {iri!r}")
    selector = "{ GRAPH ?any { ?c rdf:subject %s } } UNION { GRAPH ?any { ?c rdf:object %s } }" % (node, node)
    return _graph_reply(view, selector, extra_nodes=[iri])


def run_subgraph(view: StoreView, iris: list[str], labels: list[str]) -> Reply:
    """Nodes for the given entities (IRIs, or labels resolved to entities) and the edges among them."""
    terms = [t for t in (_iri(i) for i in iris) if t]
    literals = [json.dumps(label, ensure_ascii=False) for label in labels]

    def resolve(store):
        found = []
        if literals:
            rows = store.query(_BY_LABEL % " ".join(literals), use_default_graph_as_union=True,
                               prefixes=view.prefixes)
            found = [row["e"].value for row in rows]
        return found

    try:
        resolved = view.run(resolve)
    except (SyntaxError, ValueError) as err:
        return _text(400, f"bad labels: {err}")
    entities = sorted({*(t[1:-1] for t in terms), *resolved})
    if not entities:
        return 200, "application/json", json.dumps({"nodes": [], "edges": []}).encode(), {}
    values = " ".join(f"<{e}>" for e in entities)
    listed = ", ".join(f"<{e}>" for e in entities)
    selector = ("VALUES ?s { %s } GRAPH ?any { ?c rdf:subject ?s ; rdf:object ?o } FILTER(?o IN (%s))"
                % (values, listed))
    return _graph_reply(view, selector, extra_nodes=entities)


def _iri(text: str) -> str | None:
    """``<text>`` if text is a plain absolute IRI safe to put in a query, else None."""
    if not isinstance(text, str) or not 0 < len(text) < 2000 or ":" not in text:
        return None
    if any(ch in text for ch in '<>"{}|^`\\') or any(ord(ch) <= 0x20 for ch in text):
        return None
    return f"<{text}>"


def _graph_reply(view: StoreView, selector: str, *, extra_nodes: list[str]) -> Reply:
    from exports._style import style

    def work(store):
        rows = list(store.query(_CLAIMS % {"selector": selector, "limit": _MAX_CLAIMS},
                                use_default_graph_as_union=True, prefixes=view.prefixes))
        ends = {row["s"].value for row in rows} | {row["o"].value for row in rows} | set(extra_nodes)
        values = " ".join(f"<{e}>" for e in sorted(ends) if _iri(e))
        info = list(store.query(_ENTITIES % values, use_default_graph_as_union=True,
                                prefixes=view.prefixes)) if values else []
        return rows, info

    rows, info = view.run(work)
    nodes: dict[str, dict] = {}
    for row in info:
        iri = row["e"].value
        node = nodes.setdefault(iri, {"id": iri, "label": "", "cls": "", "classes": []})
        if row["label"] is not None and not node["label"]:
            node["label"] = row["label"].value
        if row["cls"] is not None:
            name = row["cls"].value.rsplit("#", 1)[-1]
            if name not in node["classes"]:
                node["classes"].append(name)
    for node in nodes.values():
        specific = [c for c in node["classes"] if c != "Organization"]
        node["cls"] = (specific or node["classes"] or [""])[0]
        node["label"] = node["label"] or node["id"].rsplit("/", 1)[-1]
        node["colour"], node["shape"], _ = style(node["cls"])
    edges: dict[str, dict] = {}
    for row in rows:
        s, p, o = row["s"].value, row["p"].value, row["o"].value
        key = hashlib.sha1(f"{s}\n{p}\n{o}".encode()).hexdigest()[:16]
        edge = edges.setdefault(key, {"id": key, "from": s, "to": o, "relation": p.rsplit("#", 1)[-1],
                                      "predicate": p, "modalities": Counter(), "evidence": [], "claims": set()})
        claim = row["c"].value
        if claim in edge["claims"]:  # several attributions of one claim: one evidence entry
            continue
        edge["claims"].add(claim)
        modality = row["m"].value.rsplit("#", 1)[-1].lower()
        edge["modalities"][modality] += 1
        if len(edge["evidence"]) < _MAX_EVIDENCE:
            attributed = row["attrLabel"] or row["attrText"] or row["attr"]
            edge["evidence"].append({
                "sentence": row["ev"].value if row["ev"] is not None else "",
                "modality": modality,
                "document": row["doc"].value,
                "title": row["title"].value if row["title"] is not None else "",
                "publisher": row["publisher"].value if row["publisher"] is not None else "",
                "published": row["published"].value if row["published"] is not None else "",
                "attributed_to": attributed.value if attributed is not None else "",
            })
    for edge in edges.values():
        counts = edge.pop("modalities")
        edge.pop("claims")
        edge["counts"] = dict(counts)
        edge["modality"] = next((m for m in ("asserted", "hedged", "negated", "hypothetical") if counts[m]), "asserted")
        edge["support"] = counts["asserted"] + counts["hedged"]
    body = {"nodes": [n for n in nodes.values()], "edges": list(edges.values()),
            "truncated": len(rows) >= _MAX_CLAIMS}
    return 200, "application/json", json.dumps(body, ensure_ascii=False).encode("utf-8"), {}


# -- the process ----------------------------------------------------------------------
def _die_with_parent() -> None:
    """Exit when the server process goes away, even in the middle of a query (a watchdog thread)."""
    import threading

    parent = os.getppid()

    def watch():
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:  # re-parented: the server died (perhaps by SIGKILL)
                os._exit(0)

    threading.Thread(target=watch, name="kg-worker-watchdog", daemon=True).start()


def _limit_memory(megabytes: int | None) -> None:
    """Cap this process's address space: a query that would exhaust memory kills its worker, not the machine."""
    if not megabytes:
        return
    try:
        import resource

        limit = megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):
        pass  # not on this platform: the timeout still bounds the work


def serve(conn, store_path: str, writable: bool, max_rows: int, max_memory_mb: int | None = None) -> None:
    """Entry point of a worker process: answer jobs from ``conn`` until it closes."""
    _die_with_parent()
    _limit_memory(max_memory_mb)
    try:
        view = StoreView(store_path, writable=writable)
        check_query("ASK { ?s ?p ?o }")  # build rdflib's grammar before the first real query
    except Exception as err:  # tell the pool why, instead of dying silently
        conn.send(("error", f"{type(err).__name__}: {err}"))
        return
    conn.send(("ready", os.getpid()))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        try:
            op = job["op"]
            if op == "query":
                reply = run_query(view, job["text"], job.get("accept"), max_rows,
                                  at_least=job.get("at_least", 0))
            elif op == "update":
                reply = run_update(view, job["text"])
            elif op == "neighbours":
                reply = run_neighbours(view, job["iri"])
            elif op == "subgraph":
                reply = run_subgraph(view, job.get("iris", []), job.get("labels", []))
            else:
                reply = _text(400, f"unknown operation {op!r}")
        except Exception as err:  # an answer, not a dead worker
            reply = _text(500, f"the query failed inside the server: {type(err).__name__}: {err}")
        try:
            conn.send(reply)
        except (BrokenPipeError, OSError):
            return
