"""Exports read a store behind a SPARQL server (``--store http://...``) the same as an embedded one."""

from __future__ import annotations

import urllib.request

import networkx as nx
import pyoxigraph as ox
import pytest

import exports

pytestmark = pytest.mark.server


@pytest.fixture
def server_with_corpus(kg_store, oxigraph_server, tmp_path):
    """An Oxigraph server holding exactly the corpus store's quads."""
    dump = tmp_path / "corpus.nq"
    exports.write_nquads(kg_store, dump)
    request = urllib.request.Request(oxigraph_server + "/store", data=dump.read_bytes(), method="POST",
                                     headers={"Content-Type": "application/n-quads"})
    urllib.request.urlopen(request, timeout=30).read()
    return oxigraph_server


def test_remote_store_exports_like_the_embedded_one(server_with_corpus, kg_store, tmp_path):
    from kg import KnowledgeGraph

    with KnowledgeGraph.open(server_with_corpus, read_only=True) as remote:
        exports.write_trig(remote, tmp_path / "remote.trig")
        exports.write_graphml(remote, tmp_path / "remote.graphml")
    expected = set(kg_store.store.ox.quads_for_pattern(None, None, None, None))
    assert set(ox.parse(path=str(tmp_path / "remote.trig"), format=ox.RdfFormat.TRIG)) == expected
    exports.write_graphml(kg_store, tmp_path / "local.graphml")
    local, there = nx.read_graphml(tmp_path / "local.graphml"), nx.read_graphml(tmp_path / "remote.graphml")
    assert dict(local.nodes(data=True)) == dict(there.nodes(data=True))

    def edges(graph):  # edge ids follow query order, which may differ: compare without them
        return sorted(repr((u, v, sorted((k, x) for k, x in d.items() if k != "id"))) for u, v, d in graph.edges(data=True))

    assert edges(local) == edges(there) and len(edges(local)) == 8
