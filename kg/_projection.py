"""The networkx projection of the graph: one edge per (subject, relation, object).

Built from the claims (not the facts graph) so that ``as_of`` can drop
evidence published after a date. Node ids are entity IRIs; node attributes:
``label``, ``cls``, ``aliases`` (list), ``iri``, plus ``attributes`` (a dict of
attribute name -> list of values) and ``dates`` (relation -> list of ISO dates).
Edge key is the relation name; edge attributes:

``predicate``  relation name (``fabbedBy`` ...)
``modality``   the edge's standing: ``asserted`` if any claim asserts it, else
               ``hedged``, else ``negated``, else ``hypothetical``
``support``    number of distinct documents with an asserted or hedged claim
``asserted`` / ``hedged`` / ``negated`` / ``hypothetical``  claim counts
``documents``  list of document IRIs (all claims)
``first_seen`` / ``last_seen``  publication dates of supporting documents
``evidence``   up to ``max_evidence`` dicts: sentence, modality, document,
               title, publisher, published, attributed_to
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx

from kg._entities import all_entities
from kg._evidence import as_of_filter

_MODALITIES = ("asserted", "hedged", "negated", "hypothetical")


def claim_rows(kg, *, as_of: str | None = None, entity_objects_only: bool = False) -> list[dict]:
    """Every claim with its document metadata (one row per claim)."""
    return kg.select(f"""
        SELECT ?c ?s ?p ?o ?m ?sentence ?doc ?title ?publisher ?issued
               (GROUP_CONCAT(DISTINCT ?who; SEPARATOR="\\u001f") AS ?attributed)
        WHERE {{
          GRAPH ?doc {{
            ?c a kg:Claim ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:modality ?m ; kg:evidence ?sentence .
            OPTIONAL {{ ?doc dcterms:title ?title }} OPTIONAL {{ ?doc dcterms:publisher ?publisher }}
            OPTIONAL {{ ?doc dcterms:issued ?issued }}
            OPTIONAL {{ {{ ?c kg:attributedTo ?a . ?a skos:prefLabel ?who }} UNION {{ ?c kg:attributedToText ?who }} }}
          }}
          {"FILTER (isIRI(?o))" if entity_objects_only else ""}
          {as_of_filter(as_of)}
        }}
        GROUP BY ?c ?s ?p ?o ?m ?sentence ?doc ?title ?publisher ?issued""")


def project(
    kg,
    *,
    as_of: str | None = None,
    relations: list[str] | None = None,
    include_hedged: bool = True,
    include_negated: bool = False,
    include_hypothetical: bool = False,
    max_evidence: int = 3,
) -> nx.MultiDiGraph:
    """Project the store's claims onto a ``networkx.MultiDiGraph`` (see the module doc).

    An edge is kept when it is asserted, or hedged and ``include_hedged``, or
    negated (with no support) and ``include_negated``, and so on.
    """
    entities = all_entities(kg)
    graph = nx.MultiDiGraph()
    edges: dict[tuple, dict] = {}
    node_values: dict[str, dict] = defaultdict(lambda: {"attributes": defaultdict(list), "dates": defaultdict(list)})
    for row in claim_rows(kg, as_of=as_of):
        predicate = row["p"].rsplit("#", 1)[-1]
        modality = row["m"].rsplit("#", 1)[-1].lower()
        subject, obj = row["s"], row["o"]
        if obj not in entities:  # a literal: a date or an attribute value, kept on the node
            if modality in ("asserted", "hedged"):
                bucket = "dates" if isinstance(obj, str) else "attributes"
                values = node_values[subject][bucket][predicate]
                if obj not in values:
                    values.append(obj)
            continue
        if relations and predicate not in relations:
            continue
        edge = edges.setdefault((subject, predicate, obj), {
            "predicate": predicate, **{m: 0 for m in _MODALITIES}, "documents": set(),
            "supporting": set(), "dates": [], "evidence": []})
        edge[modality] += 1
        edge["documents"].add(row["doc"])
        if modality in ("asserted", "hedged"):
            edge["supporting"].add(row["doc"])
            if row["issued"]:
                edge["dates"].append(str(row["issued"]))
        edge["evidence"].append({
            "sentence": row["sentence"], "modality": modality, "document": row["doc"],
            "title": row["title"], "publisher": row["publisher"],
            "published": str(row["issued"]) if row["issued"] else None,
            "attributed_to": [w for w in (row["attributed"] or "").split("\u001f") if w],
        })

    def add_node(iri: str) -> None:
        if iri in graph:
            return
        info = entities.get(iri)
        values = node_values.get(iri, {"attributes": {}, "dates": {}})
        graph.add_node(iri, iri=iri, label=info.label if info else iri.rsplit("/", 1)[-1],
                       cls=(info.cls if info and info.cls else "Entity"),
                       aliases=list(info.aliases) if info else [],
                       attributes={k: list(v) for k, v in values["attributes"].items()},
                       dates={k: list(v) for k, v in values["dates"].items()})

    for (subject, predicate, obj), edge in edges.items():
        standing = next(m for m in _MODALITIES if edge[m])
        keep = (edge["asserted"] > 0 or (standing == "hedged" and include_hedged)
                or (standing == "negated" and include_negated)
                or (standing == "hypothetical" and include_hypothetical))
        if not keep:
            continue
        order = {m: i for i, m in enumerate(_MODALITIES)}
        evidence = sorted(edge["evidence"], key=lambda e: (order[e["modality"]], e["published"] or ""))
        add_node(subject)
        add_node(obj)
        graph.add_edge(subject, obj, key=predicate, predicate=predicate, modality=standing,
                       support=len(edge["supporting"]), asserted=edge["asserted"], hedged=edge["hedged"],
                       negated=edge["negated"], hypothetical=edge["hypothetical"],
                       documents=sorted(edge["documents"]),
                       first_seen=min(edge["dates"]) if edge["dates"] else None,
                       last_seen=max(edge["dates"]) if edge["dates"] else None,
                       evidence=evidence[:max_evidence])
    for iri in node_values:  # entities with attributes but no kept edge still appear
        if iri in entities:
            add_node(iri)
    return graph


def focus(graph: nx.MultiDiGraph, node: str, *, depth: int = 2) -> nx.MultiDiGraph:
    """The part of ``graph`` within ``depth`` hops of ``node`` (either direction)."""
    near = nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), node, cutoff=depth)
    return graph.subgraph(near).copy()


def path_subgraph(graph: nx.MultiDiGraph, source: str, target: str) -> nx.MultiDiGraph:
    """The union of all shortest paths between ``source`` and ``target`` (ignoring direction)."""
    undirected = graph.to_undirected(as_view=True)
    try:
        nodes = {n for path in nx.all_shortest_paths(undirected, source, target) for n in path}
    except nx.NetworkXNoPath:
        nodes = set()
    return graph.subgraph(nodes).copy()
