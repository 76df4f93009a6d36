"""The flat, XML-safe copy of a projected graph that GraphML and GEXF writers take."""

from __future__ import annotations

import networkx as nx

from exports._select import edge_records, flat, node_record, source_label, xml_safe


def _clean(value):
    value = flat(value)
    return xml_safe(value) if isinstance(value, str) else value


def flat_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``graph`` whose attributes are strings or numbers with no XML-illegal character.

    Nodes: ``label``, ``class``, ``aliases`` ("; "-joined), ``iri``, ``attributes``
    and ``dates`` (JSON). Edges (key ``e<n>``): ``relation``, ``modality``,
    ``support``, claim counts, ``sources`` ("; "-joined document names),
    ``documents`` (document IRIs, space-separated), ``first_seen``, ``last_seen``
    ("" when unknown), ``evidence`` (the top sentence) and ``evidence_source``.
    """
    out = nx.MultiDiGraph()
    for node in graph:
        record = node_record(graph, node)
        out.add_node(xml_safe(record["id"]), label=_clean(record["label"]), **{"class": _clean(record["class"])},
                     aliases=_clean(record["aliases"]), iri=_clean(record["iri"]),
                     attributes=_clean(record["attributes"]), dates=_clean(record["dates"]))
    for edge in edge_records(graph):
        top = edge["evidence"][0] if edge["evidence"] else {}
        out.add_edge(
            xml_safe(edge["source"]), xml_safe(edge["target"]), key=edge["id"],
            relation=edge["relation"], modality=edge["modality"], support=edge["support"],
            asserted=edge["asserted"], hedged=edge["hedged"], negated=edge["negated"],
            hypothetical=edge["hypothetical"], sources=_clean(edge["sources"]),
            documents=_clean(" ".join(edge["documents"])), first_seen=_clean(edge["first_seen"]),
            last_seen=_clean(edge["last_seen"]), evidence=_clean(top.get("sentence")),
            evidence_source=_clean(source_label(top) if top else ""),
        )
    return out
