"""Exports of the knowledge graph: RDF, GraphML, GEXF, Cytoscape, Neo4j, DOT, CSV and the ``kg viz`` page.

One module per format, each with ``write_<fmt>(graph_or_kg, path, *, ...)``
(and ``generate_<fmt>`` where streaming makes sense). The source is either a
:class:`kg.KnowledgeGraph` (``selection=`` picks the part to export) or a
``networkx.MultiDiGraph`` from :func:`kg._projection.project`. Modules load
on first use::

    >>> import exports
    >>> exports.write_graphml                       # doctest: +ELLIPSIS
    <function write_graphml at ...>

:mod:`exports.registry` maps format names to these functions for
``kg export --format``; plug-ins add formats through the ``kg.exporters``
entry-point group.
"""

from __future__ import annotations

import importlib

#: public name -> module that defines it
_API = {
    "Selection": "exports._select",
    "write_turtle": "exports.rdf", "write_ntriples": "exports.rdf", "write_nquads": "exports.rdf",
    "write_trig": "exports.rdf", "write_jsonld": "exports.rdf", "write_rdfxml": "exports.rdf",
    "generate_ntriples": "exports.rdf", "generate_nquads": "exports.rdf",
    "write_graphml": "exports.graphml", "write_gexf": "exports.gexf",
    "write_cytoscape": "exports.cytoscape", "generate_cytoscape": "exports.cytoscape",
    "write_neo4j": "exports.neo4j", "generate_cypher": "exports.neo4j",
    "write_dot": "exports.dot", "generate_dot": "exports.dot",
    "write_csv": "exports.csv", "generate_csv": "exports.csv",
    "write_pyvis_html": "exports.pyvis_html", "generate_pyvis_html": "exports.pyvis_html",
}

__all__ = sorted(_API)


def __getattr__(name: str):
    try:
        module = _API[name]
    except KeyError:
        raise AttributeError(f"module 'exports' has no attribute {name!r}") from None
    return getattr(importlib.import_module(module), name)


def __dir__():
    return sorted(set(globals()) | set(_API))
