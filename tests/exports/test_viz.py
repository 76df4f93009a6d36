"""The ``kg viz`` page as a file: self-contained, locked down, laid out in Python when big."""

from __future__ import annotations

import base64
import hashlib
import json
import re

import networkx as nx
import pytest

from exports.pyvis_html import PHYSICS_LIMIT, generate_pyvis_html, write_pyvis_html


def _data(page: str) -> dict:
    return json.loads(re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S).group(1))


def _vis_nodes(page: str) -> list[dict]:
    return json.loads(re.search(r"nodes = new vis\.DataSet\((.*?)\);\n", page, re.S).group(1))


def synthetic(n: int) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for i in range(n):
        graph.add_node(f"n{i}", label=f"Node {i}", cls=("Chip", "Foundry", "AIModel")[i % 3], aliases=[])
    for i in range(1, n):
        graph.add_edge(f"n{i}", f"n{(i * 7) % i}", key="fabbedBy", predicate="fabbedBy", modality="asserted",
                       support=1 + i % 3, evidence=[], documents=[])
    return graph


@pytest.fixture(scope="module")
def page(store_path):
    from kg import KnowledgeGraph

    with KnowledgeGraph.open(store_path, read_only=True) as graph:
        return generate_pyvis_html(graph)


def test_page_needs_nothing_from_the_network(page):
    tags = re.findall(r"<(?:script|link|img|iframe|object|embed|source|audio|video)\b[^>]*>", page)
    for tag in tags:
        assert not re.search(r"\b(?:src|href)\s*=", tag), tag
    assert "cdn.jsdelivr" not in page and "cdnjs" not in page and "<link" not in page
    assert "vis.Network" in page and len(page) > 400_000  # vis-network is inlined


def test_content_security_policy_allows_only_the_pages_own_scripts(page):
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page).group(1)
    assert "default-src 'none'" in policy and "connect-src 'none'" in policy and "unsafe-inline" in policy.split(
        "style-src")[1]
    scripts = [body for attrs, body in re.findall(r"<script([^>]*)>(.*?)</script>", page, re.S)
               if "application/json" not in attrs]
    assert len(scripts) >= 3
    hashes = set(re.findall(r"'sha256-([^']+)'", policy))
    for body in scripts:
        assert base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() in hashes
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]


def test_nodes_carry_no_html_title(page):
    nodes = _vis_nodes(page)
    assert nodes and all("title" not in n for n in nodes)
    assert "popup.innerHTML" not in page  # pyvis' href tooltip template stayed off


def test_small_graph_uses_physics_negated_hidden(page):
    data = _data(page)
    assert data["physics"] is True and data["showNegated"] is False
    negated = [e for e in data["edges"].values() if e["modality"] == "negated"]
    assert len(negated) == 1 and negated[0]["evidence"][0]["attributed_to"] == ["Lumen Labs"]
    edges = json.loads(re.search(r"edges = new vis\.DataSet\((.*?)\);\n", page, re.S).group(1))
    hidden = [e for e in edges if e["hidden"]]
    assert len(hidden) == 1 and hidden[0]["color"]["color"] == "#d62728"
    dashed = [e for e in edges if e["dashes"]]
    assert [e["label"] for e in dashed] == ["runsOn"]
    widths = {e["label"]: e["width"] for e in edges if e["label"] == "fabbedBy"}
    assert max(e["width"] for e in edges if e["label"] == "fabbedBy") > min(e["width"] for e in edges) and widths


def test_big_graph_is_laid_out_in_python(tmp_path):
    graph = synthetic(PHYSICS_LIMIT + 200)
    out = tmp_path / "big.html"
    write_pyvis_html(graph, out, title="Überblick")
    page = out.read_text(encoding="utf-8")
    assert "<title>Überblick</title>" in page
    data = _data(page)
    assert data["physics"] is False
    assert '"physics": {"enabled": false' in page
    nodes = _vis_nodes(page)
    assert len(nodes) == PHYSICS_LIMIT + 200
    positions = {(n["x"], n["y"]) for n in nodes}
    assert len(positions) == len(nodes)  # every node placed, none on top of another
    assert data["labelsOnDemand"] is True
    edges = json.loads(re.search(r"edges = new vis\.DataSet\((.*?)\);\n", page, re.S).group(1))
    assert {e["label"] for e in edges} == {""}  # labelled when their entity is clicked


def test_show_negated_option(store_path):
    from exports._select import Selection
    from kg import KnowledgeGraph

    with KnowledgeGraph.open(store_path, read_only=True) as graph:
        page = generate_pyvis_html(graph, selection=Selection(include_negated=True))
    assert _data(page)["showNegated"] is True
    edges = json.loads(re.search(r"edges = new vis\.DataSet\((.*?)\);\n", page, re.S).group(1))
    assert not any(e["hidden"] for e in edges)


def test_empty_graph_page_has_no_physics_to_wait_for():
    page = generate_pyvis_html(nx.MultiDiGraph())
    data = _data(page)
    assert data["physics"] is False and data["nodeCount"] == 0
