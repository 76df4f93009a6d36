"""Cytoscape JSON export: reads in Cytoscape.js (``cy.add(json.elements)``) and Cytoscape desktop (.cyjs).

Nodes carry ``id`` (and ``value``, the same, for ``networkx.cytoscape_graph``), ``name`` (the label Cytoscape desktop shows), ``label``,
``class``, ``aliases`` (a list), ``iri`` and the numeric attributes; edges
carry ``id``, ``source``, ``target``, ``interaction`` (the relation, as
Cytoscape desktop calls it), ``relation``, ``modality``, ``support``, the claim
counts, ``sources`` and ``documents`` (lists), ``first_seen``, ``last_seen``
and ``evidence`` (sentence, modality, source). JSON escaping makes any text safe.
"""

from __future__ import annotations

import json
import os

from exports._select import Selection, as_graph, edge_records, node_record, source_label
from kg.errors import ExportError


def generate_cytoscape(graph_or_kg, *, selection: Selection | None = None) -> dict:
    """The Cytoscape JSON document as a dict (``{"data": ..., "elements": {"nodes": [...], "edges": [...]}}``)."""
    graph = as_graph(graph_or_kg, selection)
    nodes = []
    for node in graph:
        record = node_record(graph, node)
        nodes.append({"data": {"id": record["id"], "value": record["id"], "name": record["label"], "label": record["label"],
                               "class": record["class"], "aliases": record["aliases"], "iri": record["iri"],
                               **{k: v[0] for k, v in record["attributes"].items() if v},
                               **{k: v[0] for k, v in record["dates"].items() if v}},
                      "classes": record["class"]})
    edges = []
    for edge in edge_records(graph):
        evidence = [{"sentence": e.get("sentence"), "modality": e.get("modality"), "source": source_label(e),
                     "attributed_to": e.get("attributed_to") or []} for e in edge.pop("evidence")]
        edges.append({"data": {**edge, "interaction": edge["relation"], "evidence": evidence},
                      "classes": f"{edge['relation']} {edge['modality']}"})
    return {"format_version": "1.0", "generated_by": "siliconkg", "target_cytoscapejs_version": "~3",
            "directed": True, "multigraph": True,  # networkx.cytoscape_graph reads these
            "data": {"name": graph.graph.get("selection") or "siliconkg", "shared_name": "siliconkg"},
            "elements": {"nodes": nodes, "edges": edges}}


def write_cytoscape(graph_or_kg, path: str | os.PathLike, *, selection: Selection | None = None) -> None:
    """Write the projected graph as Cytoscape JSON.

    Parameters
    ----------
    graph_or_kg : kg.KnowledgeGraph or networkx.MultiDiGraph
    path : the file to write (``.cyjs`` or ``.json``)
    selection : focus, path, relations, as-of and modality options (stores only)
    """
    document = generate_cytoscape(graph_or_kg, selection=selection)
    try:
        with open(path, "w", encoding="utf-8") as out:
            json.dump(document, out, ensure_ascii=False, indent=1)
    except OSError as err:
        raise ExportError(f"cannot write {path}: {err}") from err
