"""GEXF export (Gephi), written by networkx.

Same attributes as the GraphML export (see :func:`exports._tabular.flat_graph`);
every string is XML-safe. Node labels are the entities' canonical names.
"""

from __future__ import annotations

import os

import networkx as nx

from exports._select import Selection, as_graph
from exports._tabular import flat_graph
from kg.errors import ExportError


def write_gexf(graph_or_kg, path: str | os.PathLike, *, selection: Selection | None = None,
               prettyprint: bool = True) -> None:
    """Write the projected graph as GEXF 1.2.

    Parameters
    ----------
    graph_or_kg : kg.KnowledgeGraph or networkx.MultiDiGraph
        a store (``selection`` picks the part to write) or a graph from ``kg._projection.project``
    path : the file to write
    selection : focus, path, relations, as-of and modality options (stores only)
    prettyprint : indent the XML
    """
    flat = flat_graph(as_graph(graph_or_kg, selection))
    for number, (_u, _v, _k, data) in enumerate(flat.edges(keys=True, data=True)):
        data["id"] = f"e{number}"  # GEXF edge ids must be unique across the file
        data["label"] = data["relation"]
    try:
        nx.write_gexf(flat, path, encoding="utf-8", prettyprint=prettyprint, version="1.2draft")
    except OSError as err:
        raise ExportError(f"cannot write {path}: {err}") from err
