"""The exporter registry: lazy loading, built-ins, entry-point plug-ins and helpful errors."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import networkx as nx
import pytest

import exports
from exports import registry
from kg.errors import UnknownFormatError

BUILTIN = ["turtle", "ntriples", "nquads", "trig", "jsonld", "rdfxml", "graphml", "gexf", "cytoscape",
           "neo4j", "dot", "csv", "html"]


@pytest.fixture
def fresh_registry(monkeypatch):
    """A copy of the registry that the test may change; entry points are read again."""
    monkeypatch.setattr(registry, "_REGISTRY", dict(registry._REGISTRY))
    monkeypatch.setattr(registry, "_entry_points_loaded", False)
    return registry


def test_builtins_are_registered_in_order():
    assert registry.names()[:len(BUILTIN)] == BUILTIN
    for spec in registry.specs():
        assert isinstance(spec, registry.Exporter)
        assert callable(spec.load())


def test_unknown_format_lists_valid_names_and_the_closest():
    with pytest.raises(UnknownFormatError) as info:
        registry.get("grapml")
    message = str(info.value)
    assert "Did you mean 'graphml'?" in message
    for name in BUILTIN:
        assert name in message


def test_nothing_is_imported_before_use():
    code = textwrap.dedent("""
        import sys, exports, exports.registry
        names = exports.registry.names()
        heavy = [m for m in ("exports.graphml", "exports.rdf", "exports.pyvis_html", "pyvis", "pyoxigraph")
                 if m in sys.modules]
        assert not heavy, heavy
        exports.write_graphml
        assert "exports.graphml" in sys.modules
        print(len(names))
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) >= len(BUILTIN)


def test_package_exposes_the_write_functions_lazily():
    assert exports.write_graphml.__module__ == "exports.graphml"
    assert exports.generate_dot.__module__ == "exports.dot"
    assert "write_neo4j" in dir(exports)
    with pytest.raises(AttributeError):
        exports.write_nothing


def test_entry_point_plugin_is_loaded_on_demand(fresh_registry, tmp_path, monkeypatch):
    package = tmp_path / "site"
    (package / "dummy_kg_plugin-0.1.dist-info").mkdir(parents=True)
    (package / "dummy_kg_plugin-0.1.dist-info" / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: dummy-kg-plugin\nVersion: 0.1\n", encoding="utf-8")
    (package / "dummy_kg_plugin-0.1.dist-info" / "entry_points.txt").write_text(
        "[kg.exporters]\nedgecount = dummy_kg_plugin:write_edgecount\ngraphml = dummy_kg_plugin:write_edgecount\n",
        encoding="utf-8")
    (package / "dummy_kg_plugin.py").write_text(textwrap.dedent("""
        from exports._select import as_graph

        def write_edgecount(source, path, *, selection=None):
            with open(path, "w", encoding="utf-8") as out:
                out.write(str(as_graph(source, selection).number_of_edges()))
    """), encoding="utf-8")
    monkeypatch.syspath_prepend(str(package))
    assert "dummy_kg_plugin" not in sys.modules
    assert "edgecount" in fresh_registry.names()
    assert "dummy_kg_plugin" not in sys.modules  # registered, not imported
    assert fresh_registry.get("graphml").module_path == "exports.graphml"  # a plug-in cannot take a built-in name
    graph = nx.MultiDiGraph()
    graph.add_edge("a", "b", key="fabbedBy", predicate="fabbedBy")
    fresh_registry.get("edgecount").write(graph, tmp_path / "count.txt")
    assert (tmp_path / "count.txt").read_text(encoding="utf-8") == "1"


def test_register_replaces_and_validates(fresh_registry):
    spec = fresh_registry.register("mine", "exports.csv", "write_csv", description="x", suffix=".csv")
    assert fresh_registry.get("mine") is spec
    with pytest.raises(ValueError):
        fresh_registry.register("bad", "exports.csv", "write_csv", output="socket")
    fresh_registry.register("broken", "exports.csv", "no_such_function")
    from kg.errors import ExportError

    with pytest.raises(ExportError, match="cannot be loaded"):
        fresh_registry.get("broken").load()
