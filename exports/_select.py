"""What part of the graph an export shows, and the value cleaning every format needs.

:class:`Selection` carries the options ``kg viz`` and ``kg export`` share
(focus, path, relations, as-of, modalities) and turns a store into a
``networkx.MultiDiGraph`` through :mod:`kg._projection`. The helpers below
make article text safe for formats with stricter rules than Python strings
(XML forbids most control characters; CSV cells can be formulas).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import networkx as nx

from kg._model import RELATIONS
from kg.errors import ExportError

#: Characters XML 1.0 forbids (C0 controls except tab/newline/CR, surrogates, U+FFFE/U+FFFF).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
#: Every C0/C1 control character (for one-line formats: CSV, DOT, Cypher).
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class Selection:
    """Which part of the store to export or draw.

    Parameters
    ----------
    focus : entity name (label, alias or IRI); keep what lies within ``depth`` hops
    depth : hops around ``focus``
    path : two entity names; keep the shortest chains between them
    relations : keep only these relations (names from :data:`kg.RELATIONS`)
    as_of : only evidence published on or before this ISO date
    include_hedged, include_negated, include_hypothetical : which modalities make an edge
    max_evidence : evidence sentences kept per edge
    """

    focus: str | None = None
    depth: int = 2
    path: tuple[str, str] | None = None
    relations: tuple[str, ...] | None = None
    as_of: str | None = None
    include_hedged: bool = True
    include_negated: bool = False
    include_hypothetical: bool = False
    max_evidence: int = 3

    def __post_init__(self):
        if self.relations:
            unknown = [r for r in self.relations if r not in RELATIONS]
            if unknown:
                raise ExportError(f"unknown relation(s) {', '.join(map(repr, unknown))}; "
                                  f"valid: {', '.join(RELATIONS)}")
        if self.focus and self.path:
            raise ExportError("choose either a focus entity or a path, not both")
        if self.as_of and not _DATE.match(self.as_of):
            raise ExportError(f"--as-of takes YYYY, YYYY-MM or YYYY-MM-DD, not {self.as_of!r}")
        if self.depth < 0:
            raise ExportError(f"depth must be 0 or more, not {self.depth}")

    @property
    def restricts_store(self) -> bool:
        """True when the selection leaves part of the store out (RDF dumps use the whole store otherwise)."""
        return bool(self.focus or self.path or self.relations or self.as_of or not self.include_hedged)

    def project(self, kg) -> nx.MultiDiGraph:
        """The selected projection of ``kg``.

        The graph attribute ``highlight`` lists the focus node, or the nodes of
        the chain between the two path ends; ``selection`` describes the choice.

        Raises
        ------
        UnknownEntityError
            a focus or path entity is not in the store
        ExportError
            the focus entity has no edge in the selection, or no path joins the two ends
        """
        from kg._entities import all_entities, resolve_entity
        from kg._projection import focus, path_subgraph, project

        graph = project(kg, as_of=self.as_of, relations=list(self.relations) if self.relations else None,
                        include_hedged=self.include_hedged, include_negated=self.include_negated,
                        include_hypothetical=self.include_hypothetical, max_evidence=self.max_evidence)
        highlight: list[str] = []
        described = []
        if self.focus or self.path:
            entities = all_entities(kg)
        if self.focus:
            info = resolve_entity(kg, self.focus, entities=entities)
            if info.iri not in graph:
                raise ExportError(f"{info.label!r} has no relation in the selected graph "
                                  "(check --relations, --as-of and the modality options)")
            graph = focus(graph, info.iri, depth=self.depth)
            highlight = [info.iri]
            described.append(f"around {info.label} (depth {self.depth})")
        if self.path:
            ends = [resolve_entity(kg, name, entities=entities) for name in self.path]
            missing = [e.label for e in ends if e.iri not in graph]
            sub = path_subgraph(graph, ends[0].iri, ends[1].iri) if not missing else nx.MultiDiGraph()
            if sub.number_of_nodes() == 0:
                raise ExportError(f"no chain joins {ends[0].label!r} and {ends[1].label!r} in the selected graph")
            graph = sub
            highlight = [ends[0].iri, *sorted(n for n in graph if n not in (ends[0].iri, ends[1].iri)),
                         ends[1].iri]
            described.append(f"chain from {ends[0].label} to {ends[1].label}")
        if self.relations:
            described.append("relations " + ", ".join(self.relations))
        if self.as_of:
            described.append(f"as of {self.as_of}")
        graph.graph["highlight"] = highlight
        graph.graph["selection"] = "; ".join(described)
        return graph


EVERYTHING = Selection()


def is_graph(source) -> bool:
    """True when ``source`` is already a networkx graph (not a store)."""
    return isinstance(source, nx.Graph)


def as_graph(source, selection: Selection | None = None) -> nx.MultiDiGraph:
    """A projected graph from a store (applying ``selection``) or a graph given as is."""
    if is_graph(source):
        if selection is not None and selection != EVERYTHING:
            raise ExportError("a selection applies to a store; the graph given is already projected")
        return source
    if not hasattr(source, "store"):
        raise ExportError(f"cannot export a {type(source).__name__}: pass a KnowledgeGraph or a networkx graph")
    return (selection or EVERYTHING).project(source)


# -- value cleaning -----------------------------------------------------------------

def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot carry, line ends as ``\n`` (as XML parsers read them)."""
    return _XML_ILLEGAL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def one_line(text: str) -> str:
    """``text`` with every control character (newlines included) turned into a space."""
    return _CONTROL.sub(" ", text)


def flat(value) -> str | int | float | bool:
    """A scalar for attribute-only formats: None -> "", list -> "; "-joined, dict -> JSON."""
    if value is None:
        return ""
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, list | tuple | set):
        return "; ".join(str(flat(v)) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return str(value)


def source_label(evidence: dict) -> str:
    """A readable name for the document an evidence dict comes from."""
    parts = [p for p in (evidence.get("publisher"), evidence.get("title")) if p]
    name = " — ".join(parts) or str(evidence.get("document") or "")
    return f"{name} ({evidence['published']})" if evidence.get("published") else name


def node_record(graph: nx.MultiDiGraph, node) -> dict:
    """The attributes every format exports for a node (plain values)."""
    data = graph.nodes[node]
    return {
        "id": str(node),
        "label": str(data.get("label") or node),
        "class": str(data.get("cls") or "Entity"),
        "aliases": [str(a) for a in data.get("aliases") or []],
        "iri": str(data.get("iri") or node),
        "attributes": {k: list(v) for k, v in (data.get("attributes") or {}).items()},
        "dates": {k: list(v) for k, v in (data.get("dates") or {}).items()},
    }


def edge_records(graph: nx.MultiDiGraph) -> list[dict]:
    """One dict per edge with the attributes every format exports (plain values, unique ``id``)."""
    rows = []
    triples = (graph.edges(keys=True, data=True) if graph.is_multigraph()
               else ((u, v, d.get("predicate") or d.get("relation") or "related", d) for u, v, d in graph.edges(data=True)))
    for number, (u, v, key, data) in enumerate(triples):
        evidence = list(data.get("evidence") or [])
        rows.append({
            "id": f"e{number}",
            "source": str(u),
            "target": str(v),
            "relation": str(data.get("predicate") or key),
            "modality": str(data.get("modality") or "asserted"),
            "support": int(data.get("support") or 0),
            "asserted": int(data.get("asserted") or 0),
            "hedged": int(data.get("hedged") or 0),
            "negated": int(data.get("negated") or 0),
            "hypothetical": int(data.get("hypothetical") or 0),
            "documents": [str(d) for d in data.get("documents") or []],
            "sources": list(dict.fromkeys(source_label(e) for e in evidence)),
            "first_seen": data.get("first_seen"),
            "last_seen": data.get("last_seen"),
            "evidence": evidence,
        })
    return rows
