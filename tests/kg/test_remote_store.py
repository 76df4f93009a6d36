"""The graph held by a real SPARQL 1.1 server (Oxigraph's), through the same API."""

from __future__ import annotations

import socket

import pytest

from kg import Claim, Document, Entity, Extraction, KnowledgeGraph
from kg.errors import StoreError

pytestmark = pytest.mark.server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_the_knowledge_graph_works_the_same_on_a_sparql_server(oxigraph_server):
    doc = Document(key="remote-1", text="t", source="remote.md", title='A "quoted" title', published="2026-05-01")
    ex = Extraction(doc, [Entity("Ascend 910B", "Chip"), Entity("TSMC", "Foundry")], [
        Claim("Ascend 910B", "fabbedBy", "TSMC", sentence="TSMC made the dies.\nIt said so.", start=0, end=30,
              extractor="test"),
        Claim("Ascend 910B", "fabbedBy", "Samsung", modality="negated", sentence="Not Samsung.", start=31, end=43),
    ], extractor_version="test")
    with KnowledgeGraph.open(oxigraph_server) as graph:
        graph.add_extraction(ex)
        graph.add_extraction(ex)  # idempotent there too
        stats = graph.stats()
        assert stats["documents"] == 1 and stats["claims"] == 2 and stats["facts"] == 1
        rows = graph.select("SELECT ?e WHERE { GRAPH ?g { ?c kg:modality kg:Asserted ; kg:evidence ?e } }")
        assert rows == [{"e": "TSMC made the dies.\nIt said so."}]
        assert graph.remove_document("remote-1")
        assert graph.stats()["claims"] == 0


def test_an_unreachable_server_is_a_clear_error():
    with pytest.raises(StoreError, match="no SPARQL endpoint answers"):
        KnowledgeGraph.open(f"http://127.0.0.1:{free_port()}")
