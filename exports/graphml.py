"""GraphML export (Gephi, yEd, Cytoscape, igraph), written by networkx.

Every attribute is a string or a number and every string is XML-safe (see
:func:`exports._tabular.flat_graph` for the attribute list), whatever the
articles contained.
"""

from __future__ import annotations

import os

import networkx as nx

from exports._select import Selection, as_graph
from exports._tabular import flat_graph
from kg.errors import ExportError


def write_graphml(graph_or_kg, path: str | os.PathLike, *, selection: Selection | None = None,
                  prettyprint: bool = True) -> None:
    """Write the projected graph as GraphML.

    Parameters
    ----------
    graph_or_kg : kg.KnowledgeGraph or networkx.MultiDiGraph
        a store (``selection`` picks the part to write) or a graph from ``kg._projection.project``
    path : the file to write
    selection : focus, path, relations, as-of and modality options (stores only)
    prettyprint : indent the XML

    Examples
    --------
    >>> import networkx as nx, io
    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("a", "b", key="fabbedBy", predicate="fabbedBy", support=1)
    'fabbedBy'
    >>> buffer = io.BytesIO()
    >>> write_graphml(g, buffer)
    >>> nx.read_graphml(io.BytesIO(buffer.getvalue())).number_of_edges()
    1
    """
    flat = flat_graph(as_graph(graph_or_kg, selection))
    try:
        nx.write_graphml(flat, path, encoding="utf-8", prettyprint=prettyprint)
    except OSError as err:
        raise ExportError(f"cannot write {path}: {err}") from err
