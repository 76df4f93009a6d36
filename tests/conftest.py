"""Shared fixtures. The spaCy pipeline is loaded once per session (``extractor``)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "examples" / "articles"


@pytest.fixture
def runner() -> CliRunner:
    """A click CliRunner for the ``kg`` commands."""
    return CliRunner()


@pytest.fixture(scope="session")
def extractor():
    """The real extractor with the real spaCy pipeline, loaded once per session."""
    from ingest.pipeline import Extractor

    return Extractor.load()


@pytest.fixture(scope="session")
def sample_store_path(tmp_path_factory, extractor) -> Path:
    """A store built once from the sample articles (treat as read-only; copy it to change it)."""
    from kg import KnowledgeGraph

    path = tmp_path_factory.mktemp("sample") / "store"
    with KnowledgeGraph.open(path) as graph:
        from ingest.readers import iter_documents

        for item in iter_documents([SAMPLES]):
            assert not isinstance(item, Exception), f"sample article failed to read: {item}"
            graph.add_extraction(extractor.extract(item))
    return path


@pytest.fixture
def sample_store_copy(sample_store_path, tmp_path) -> Path:
    """A private, writable copy of the sample store."""
    target = tmp_path / "store"
    shutil.copytree(sample_store_path, target, ignore=shutil.ignore_patterns("LOCK"))
    return target


@pytest.fixture(autouse=True)
def _no_store_env(monkeypatch):
    """Tests never touch the user's $KG_STORE."""
    monkeypatch.delenv("KG_STORE", raising=False)
    yield


@pytest.fixture(scope="session")
def extract_text(extractor):
    """``extract_text(text, published=None)``: the real extractor on a text written for a test."""
    from kg import Document

    def run(text: str, published: str | None = None):
        return extractor.extract(Document(key="test", text=text, source="test.txt", published=published))

    return run


def relations_of(extraction) -> set[tuple[str, str, str, str]]:
    """``(subject, predicate, object, modality)`` of every relation claim of an extraction."""
    return {(c.subject, c.predicate, str(c.object), c.modality) for c in extraction.claims if c.kind == "relation"}


def related(rels, subject: str, predicate: str) -> set[tuple[str, str]]:
    """``(object, modality)`` of the relations ``rels`` (from :func:`relations_of`) give ``subject`` by ``predicate``."""
    return {(r[2], r[3]) for r in rels if r[0] == subject and r[1] == predicate}


def related_objects(rels, subject: str, predicate: str) -> set[str]:
    """The objects of :func:`related`, whatever their modality."""
    return {o for o, _m in related(rels, subject, predicate)}


@pytest.fixture
def oxigraph_server(tmp_path):
    """A real Oxigraph SPARQL server (the ``oxigraph`` binary of the 'scale' extra) on a free loopback port.

    Yields its base URL; ``/query``, ``/update`` and ``/store`` are its endpoints.
    """
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    binary = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    if not Path(binary).exists():
        pytest.skip("the oxigraph server binary (extra 'scale') is not installed")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen([binary, "serve", "--location", str(tmp_path / "oxigraph-db"),
                                "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(400):
            try:
                urllib.request.urlopen(url + "/query?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                time.sleep(0.05)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
