"""GraphML, GEXF, Cytoscape, DOT and CSV open in the tools that read them, attributes intact."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

import exports
from exports._select import Selection
from kg._projection import project

QUILL = "https://w3id.org/siliconkg/entity/quill-x1"
HARBOR = "https://w3id.org/siliconkg/entity/harbor-foundry"
ZEPHYR = "https://w3id.org/siliconkg/entity/zephyr-2"
TERN = "https://w3id.org/siliconkg/entity/tern-3"


def _edge(graph, u, v, relation):
    return next(d for a, b, d in graph.edges(data=True) if a == u and b == v and d["relation"] == relation)


def test_graphml_reads_in_networkx_with_attributes(kg_store, tmp_path):
    out = tmp_path / "kg.graphml"
    exports.write_graphml(kg_store, out)
    graph = nx.read_graphml(out, force_multigraph=True)
    assert graph.number_of_nodes() == 8 and graph.number_of_edges() == 8
    assert graph.nodes[QUILL] == {"label": "Quill X1", "class": "Chip", "aliases": "QX1", "iri": QUILL,
                                  "attributes": "{}", "dates": "{}"}
    assert json.loads(graph.nodes[ZEPHYR]["attributes"]) == {"parameterCount": [70e9]}
    fab = _edge(graph, QUILL, HARBOR, "fabbedBy")
    assert (fab["modality"], fab["support"], fab["first_seen"], fab["last_seen"]) == ("asserted", 2, "2026-03-01", "2026-05-10")
    assert fab["sources"] == "Test Wire — Zephyr-2 arrives (2026-03-01); Chip Digest — Tern 3 notes (2026-05-10)"
    assert _edge(graph, ZEPHYR, TERN, "runsOn")["modality"] == "hedged"


def test_graphml_reads_in_igraph(kg_store, tmp_path):
    igraph = pytest.importorskip("igraph")
    out = tmp_path / "kg.graphml"
    exports.write_graphml(kg_store, out)
    graph = igraph.Graph.Read_GraphML(str(out))
    assert graph.is_directed() and graph.vcount() == 8 and graph.ecount() == 8
    labels = graph.vs["label"]
    quill = graph.vs[labels.index("Quill X1")]
    assert quill["class"] == "Chip" and quill["aliases"] == "QX1"
    fab = [e for e in graph.es if e.source == quill.index and e["relation"] == "fabbedBy"]
    assert len(fab) == 1 and fab[0]["support"] == 2 and fab[0]["modality"] == "asserted"
    assert graph.vs[fab[0].target]["label"] == "Harbor Foundry"
    assert fab[0]["first_seen"] == "2026-03-01" and fab[0]["last_seen"] == "2026-05-10"


def test_gexf_reads_in_networkx_with_attributes(kg_store, tmp_path):
    out = tmp_path / "kg.gexf"
    exports.write_gexf(kg_store, out)
    graph = nx.read_gexf(out)
    assert graph.number_of_nodes() == 8 and graph.number_of_edges() == 8
    assert graph.nodes[QUILL]["label"] == "Quill X1" and graph.nodes[QUILL]["class"] == "Chip"
    fab = _edge(graph, QUILL, HARBOR, "fabbedBy")
    assert fab["support"] == 2 and fab["modality"] == "asserted" and fab["last_seen"] == "2026-05-10"


def test_cytoscape_json_has_elements_and_attributes(kg_store, tmp_path):
    out = tmp_path / "kg.cyjs"
    exports.write_cytoscape(kg_store, out)
    document = json.loads(out.read_text(encoding="utf-8"))
    nodes = {n["data"]["id"]: n["data"] for n in document["elements"]["nodes"]}
    edges = [e["data"] for e in document["elements"]["edges"]]
    assert len(nodes) == 8 and len(edges) == 8 and len({e["id"] for e in edges}) == 8
    assert nodes[QUILL]["name"] == "Quill X1" and nodes[QUILL]["aliases"] == ["QX1"]
    fab = next(e for e in edges if e["source"] == QUILL and e["interaction"] == "fabbedBy")
    assert fab["target"] == HARBOR and fab["support"] == 2 and len(fab["evidence"]) == 2
    for edge in edges:  # every edge joins two nodes of the file
        assert edge["source"] in nodes and edge["target"] in nodes


def test_cytoscape_json_reads_in_networkx(kg_store, tmp_path):
    out = tmp_path / "kg.cyjs"
    exports.write_cytoscape(kg_store, out)
    document = json.loads(out.read_text(encoding="utf-8"))
    graph = nx.cytoscape_graph(document)
    assert graph.is_directed() and graph.is_multigraph()
    assert graph.number_of_nodes() == 8 and graph.number_of_edges() == 8
    assert graph.nodes[QUILL]["class"] == "Chip"


@pytest.mark.skipif(shutil.which("dot") is None, reason="Debian graphviz (dot) not installed")
def test_dot_renders_in_graphviz(kg_store, tmp_path):
    out = tmp_path / "kg.dot"
    exports.write_dot(kg_store, out, selection=Selection(include_negated=True))
    result = subprocess.run(["dot", "-Tsvg", str(out)], capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr.decode()
    assert not result.stderr
    svg = ET.fromstring(result.stdout)
    texts = ["".join(t.itertext()) for t in svg.iter("{http://www.w3.org/2000/svg}text")]
    assert "Quill X1" in texts and "fabbedBy" in texts
    dotted = [p for p in svg.iter("{http://www.w3.org/2000/svg}path") if p.get("stroke") == "#d62728"]
    assert dotted  # the negated trainedOn edge is drawn red


def test_csv_edge_list(kg_store, tmp_path):
    out = tmp_path / "kg.csv"
    exports.write_csv(kg_store, out)
    with open(out, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 8
    fab = next(r for r in rows if r["source_label"] == "Quill X1" and r["relation"] == "fabbedBy")
    assert (fab["target_label"], fab["support"], fab["asserted"], fab["documents"]) == ("Harbor Foundry", "2", "2", "2")


def test_projected_graph_is_accepted_as_is(kg_store, tmp_path):
    graph = project(kg_store, relations=["fabbedBy"])
    exports.write_graphml(graph, tmp_path / "fab.graphml")
    assert {d["relation"] for *_e, d in nx.read_graphml(tmp_path / "fab.graphml").edges(data=True)} == {"fabbedBy"}


def test_focus_and_path_selections(kg_store, tmp_path):
    exports.write_csv(kg_store, tmp_path / "focus.csv", selection=Selection(focus="QX1", depth=1))
    with open(tmp_path / "focus.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {(r["source_label"], r["relation"], r["target_label"]) for r in rows} == {
        ("Quill X1", "fabbedBy", "Harbor Foundry"), ("Zephyr-2", "trainedOn", "Quill X1"),
        ("Quill X1", "usesMemory", "HBM-Q")}
    exports.write_graphml(kg_store, tmp_path / "path.graphml", selection=Selection(path=("Lumen Labs", "Ridge Memory")))
    chain = nx.read_graphml(tmp_path / "path.graphml")
    assert sorted(d["label"] for _n, d in chain.nodes(data=True)) == sorted(
        ["Lumen Labs", "Zephyr-2", "Quill X1", "HBM-Q", "Ridge Memory"])


def test_as_of_and_hedged_options(kg_store, tmp_path):
    exports.write_csv(kg_store, tmp_path / "early.csv", selection=Selection(as_of="2026-04"))
    with open(tmp_path / "early.csv", newline="", encoding="utf-8") as handle:
        early = list(csv.DictReader(handle))
    assert {r["target_label"] for r in early} == {"Lumen Labs", "Quill X1", "Harbor Foundry"}
    assert next(r for r in early if r["relation"] == "fabbedBy")["support"] == "1"
    exports.write_csv(kg_store, tmp_path / "firm.csv", selection=Selection(include_hedged=False))
    with open(tmp_path / "firm.csv", newline="", encoding="utf-8") as handle:
        assert "runsOn" not in {r["relation"] for r in csv.DictReader(handle)}


def test_a_plain_digraph_is_accepted(tmp_path):
    graph = nx.DiGraph()
    graph.add_node("a", label="A", cls="Chip")
    graph.add_edge("a", "b", predicate="fabbedBy", support=1)
    exports.write_csv(graph, tmp_path / "plain.csv")
    with open(tmp_path / "plain.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["source_label"], r["relation"], r["target_label"], r["target_class"]) for r in rows] == [
        ("A", "fabbedBy", "b", "Entity")]


def test_bad_as_of_is_refused():
    from kg.errors import ExportError

    with pytest.raises(ExportError, match="YYYY-MM"):
        Selection(as_of="June 2026")
