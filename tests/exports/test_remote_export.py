"""Exports read a store behind a SPARQL server (``--store http://...``) the same as an embedded one."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest

import exports

pytestmark = pytest.mark.server
OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server_with_corpus(kg_store, tmp_path):
    """An Oxigraph server holding exactly the corpus store's quads."""
    if not Path(OXIGRAPH).exists():
        pytest.skip("the oxigraph server binary (extra 'scale') is not installed")
    dump = tmp_path / "corpus.nq"
    exports.write_nquads(kg_store, dump)
    port = _free_port()
    process = subprocess.Popen([OXIGRAPH, "serve", "--location", str(tmp_path / "db"), "--bind", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(url + "/query?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                time.sleep(0.05)
        request = urllib.request.Request(url + "/store", data=dump.read_bytes(), method="POST",
                                         headers={"Content-Type": "application/n-quads"})
        urllib.request.urlopen(request, timeout=30).read()
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


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
