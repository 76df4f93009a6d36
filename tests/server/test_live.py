"""The server keeps answering while a builder writes the same store, and sees the new documents."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from conftest import start_server

pytestmark = [pytest.mark.server, pytest.mark.slow]

COUNT = "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { GRAPH ?d { ?d a kg:Document } }"
DEPENDENCY = """SELECT ?model ?chip ?foundry WHERE {
  GRAPH kgg:facts { ?m kg:trainedOn ?c . ?c kg:fabbedBy ?f }
  ?m skos:prefLabel ?model . ?c skos:prefLabel ?chip . ?f skos:prefLabel ?foundry } LIMIT 30"""


def documents(server) -> int:
    response = httpx.get(server.sparql, params={"query": COUNT}, timeout=30)
    assert response.status_code == 200, response.text
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def test_answers_follow_a_concurrent_build(writable_copy, tmp_path):
    server = start_server(writable_copy, "--workers", "2", log_dir=tmp_path)
    try:
        initial = documents(server)
        added = 40
        writer = subprocess.Popen([sys.executable, str(Path(__file__).with_name("server_corpus.py")),
                                   str(writable_copy), "1000", str(added)],
                                  stderr=subprocess.PIPE)  # takes the write lock: the server holds none
        seen, statuses = [], []
        while writer.poll() is None:
            seen.append(documents(server))
            statuses.append(httpx.get(server.sparql, params={"query": DEPENDENCY}, timeout=30).status_code)
        assert writer.returncode == 0, writer.stderr.read().decode()
        deadline = time.monotonic() + 10
        while documents(server) != initial + added:
            assert time.monotonic() < deadline, f"the server never saw all documents: {documents(server)}"
            time.sleep(0.1)
    finally:
        server.stop()
    assert set(statuses) == {200}, "every query during the build was answered"
    assert seen == sorted(seen), "no answer went back in time"
    assert any(initial < n < initial + added for n in seen), f"no partial state seen during the build: {seen}"
