"""The registry of exporters: format name -> where its ``write`` function lives.

Nothing is imported until a format is used: :func:`register` records a module
path and a function name, and :func:`get` imports them on demand. The
built-in formats are registered through the same :func:`register` call as
third-party ones, which declare an entry point in the ``kg.exporters`` group::

    [project.entry-points."kg.exporters"]
    myformat = "my_package.my_module:write_myformat"

Entry points are read the first time the registry is asked for names or a
format, never at import.

>>> from exports.registry import names
>>> "graphml" in names()
True
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from kg.errors import ExportError, UnknownFormatError

ENTRY_POINT_GROUP = "kg.exporters"


@runtime_checkable
class Exporter(Protocol):
    """What an exporter is: something that writes a store or a projected graph to ``path``."""

    def write(self, source: Any, path: str | os.PathLike, /, **options: Any) -> None:
        """Write ``source`` (a :class:`kg.KnowledgeGraph` or a ``networkx.MultiDiGraph``) to ``path``."""


@dataclass(frozen=True)
class ExporterSpec:
    """A registered exporter: its name, where its function lives, and what it writes.

    ``output`` is ``"file"`` or ``"directory"`` (the Neo4j export writes several files).
    """

    name: str
    module_path: str
    function_name: str
    description: str = ""
    suffix: str = ""
    output: str = "file"

    def load(self):
        """Import and return the write function."""
        try:
            module = importlib.import_module(self.module_path)
            function = getattr(module, self.function_name)
        except (ImportError, AttributeError) as err:
            raise ExportError(f"exporter {self.name!r} cannot be loaded from "
                              f"{self.module_path}:{self.function_name}: {err}") from err
        if isinstance(function, Exporter):  # an object (or class) with a ``write`` method
            return function.write
        if not callable(function):
            raise ExportError(f"exporter {self.name!r}: {self.module_path}:{self.function_name} is not callable")
        return function

    def write(self, source, path, /, **options) -> None:
        """Load the exporter and write ``source`` to ``path``."""
        self.load()(source, path, **options)


_REGISTRY: dict[str, ExporterSpec] = {}
_entry_points_loaded = False


def register(name: str, module_path: str, function_name: str, *, description: str = "",
             suffix: str = "", output: str = "file") -> ExporterSpec:
    """Register (or replace) the exporter ``name``; nothing is imported now.

    Parameters
    ----------
    name : the format name users type (``kg export --format NAME``)
    module_path, function_name : where ``write(source, path, **options)`` lives
    description : one line for ``--help``
    suffix : the usual file name ending (``.graphml``)
    output : ``"file"`` or ``"directory"``

    Returns
    -------
    ExporterSpec
    """
    if output not in ("file", "directory"):
        raise ValueError(f"output must be 'file' or 'directory', not {output!r}")
    spec = ExporterSpec(name, module_path, function_name, description, suffix, output)
    _REGISTRY[name] = spec
    return spec


def _load_entry_points() -> None:
    global _entry_points_loaded
    if _entry_points_loaded:
        return
    _entry_points_loaded = True
    from importlib.metadata import entry_points

    for ep in entry_points(group=ENTRY_POINT_GROUP):
        if ep.name in _REGISTRY:  # a built-in keeps its name
            continue
        module_path, _, attr = ep.value.partition(":")
        register(ep.name, module_path.strip(), attr.strip() or "write",
                 description=f"from the {ep.dist.name if ep.dist else 'plug-in'} package")


def reload_entry_points() -> None:
    """Read the ``kg.exporters`` entry points again (after installing a plug-in)."""
    global _entry_points_loaded
    _entry_points_loaded = False
    _load_entry_points()


def names() -> list[str]:
    """Every registered format name, built-in ones first, in registration order."""
    _load_entry_points()
    return list(_REGISTRY)


def specs() -> list[ExporterSpec]:
    """Every registered exporter."""
    _load_entry_points()
    return list(_REGISTRY.values())


def get(name: str) -> ExporterSpec:
    """The exporter registered as ``name``.

    Raises
    ------
    UnknownFormatError
        no such format; the message lists the valid names and the closest one
    """
    _load_entry_points()
    try:
        return _REGISTRY[name]
    except KeyError:
        raise UnknownFormatError("export format", name, _REGISTRY) from None


# The built-in exporters, registered like any plug-in (DEFAULT_PLUGINS-style).
_BUILTINS = (
    ("turtle", "exports.rdf", "write_turtle", "RDF Turtle: every triple of every graph (claims, provenance, facts)", ".ttl", "file"),
    ("ntriples", "exports.rdf", "write_ntriples", "RDF N-Triples: every triple of every graph", ".nt", "file"),
    ("nquads", "exports.rdf", "write_nquads", "RDF N-Quads: every named graph kept", ".nq", "file"),
    ("trig", "exports.rdf", "write_trig", "RDF TriG: every named graph kept", ".trig", "file"),
    ("jsonld", "exports.rdf", "write_jsonld", "JSON-LD with a readable @context, named graphs kept", ".jsonld", "file"),
    ("rdfxml", "exports.rdf", "write_rdfxml", "RDF/XML: facts, entity labels and the ontology (opens in Protégé)", ".rdf", "file"),
    ("graphml", "exports.graphml", "write_graphml", "GraphML (Gephi, yEd, Cytoscape, igraph)", ".graphml", "file"),
    ("gexf", "exports.gexf", "write_gexf", "GEXF (Gephi)", ".gexf", "file"),
    ("cytoscape", "exports.cytoscape", "write_cytoscape", "Cytoscape.js / Cytoscape desktop JSON", ".cyjs", "file"),
    ("neo4j", "exports.neo4j", "write_neo4j", "Neo4j: a Cypher script and neo4j-admin import CSV files (a directory)", "", "directory"),
    ("dot", "exports.dot", "write_dot", "Graphviz DOT", ".dot", "file"),
    ("csv", "exports.csv", "write_csv", "CSV edge list with evidence counts", ".csv", "file"),
    ("html", "exports.pyvis_html", "write_pyvis_html", "the interactive page of `kg viz`", ".html", "file"),
)
for _name, _module, _function, _description, _suffix, _output in _BUILTINS:
    register(_name, _module, _function, description=_description, suffix=_suffix, output=_output)
