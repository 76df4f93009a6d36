"""Safe by default: no outside requests, no update without the token, a timeout that really stops the work."""

from __future__ import annotations

import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pyoxigraph as ox
import pytest

from conftest import start_server

pytestmark = pytest.mark.server

TOKEN = "s3cret-token-for-tests"


class Canary:
    """An HTTP listener on loopback that counts every request made to it."""

    def __init__(self):
        self.requests: list[str] = []
        canary = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self):
                canary.requests.append(f"{self.command} {self.path}")
                if "sparql" in self.path:
                    body, ctype = b'{"head":{"vars":[]},"results":{"bindings":[{}]}}', "application/sparql-results+json"
                else:
                    body, ctype = b"<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n", "application/n-triples"
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _answer

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def canary():
    listener = Canary()
    yield listener
    listener.close()


def test_the_canary_sees_what_oxigraph_would_fetch(canary):
    """Control: evaluated directly, Oxigraph really calls SERVICE and LOAD targets."""
    store = ox.Store()
    list(store.query(f"SELECT * WHERE {{ SERVICE <{canary.url}/sparql> {{ ?s ?p ?o }} }}"))
    store.update(f"LOAD <{canary.url}/data.nt>")
    assert len(canary.requests) == 2 and len(store) == 1


@pytest.fixture
def update_server(writable_copy, tmp_path):
    srv = start_server(writable_copy, "--allow-update", "--token", TOKEN, "--timeout", "5", log_dir=tmp_path)
    yield srv
    srv.stop()


def _refused(canary_url: str) -> list[tuple[str, dict]]:
    c = canary_url
    return [
        ("query", {"query": f"SELECT * WHERE {{ SERVICE <{c}/sparql> {{ ?s ?p ?o }} }}"}),
        ("query", {"query": f"select * where {{ ?x ?y ?z optional {{ service silent <{c}/sparql> {{ ?s ?p ?o }} }} }}"}),
        ("query", {"query": f"SELECT * WHERE {{ BIND(<{c}/sparql> AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}"}),
        ("query", {"query": f"SELECT * WHERE {{ {{ SELECT * WHERE {{ SERVICE <{c}/sparql> {{ ?s ?p ?o }} }} }} }}"}),
        ("query", {"query": f"SELECT * FROM <{c}/data.nt> WHERE {{ ?s ?p ?o }}"}),
        ("query", {"query": f"SELECT * FROM NAMED <{c}/data.nt> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"}),
        ("query", {"query": f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{c}/sparql> {{ ?s ?p ?o }} }}"}),
        ("query", {"query": f"LOAD <{c}/data.nt>"}),
        ("query", {"query": "ASK { ?s ?p ?o }", "default-graph-uri": f"{c}/data.nt"}),
    ]


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_service_from_load_get_400_and_make_no_request(server, canary, method):
    for _, params in _refused(canary.url):
        if method == "GET":
            response = httpx.get(server.sparql, params=params)
        else:
            response = httpx.post(server.sparql, data=params)
        assert response.status_code == 400, (params, response.text)
        assert "refused" in response.text
    time.sleep(0.3)
    assert canary.requests == []


def test_updates_need_the_token_and_change_nothing_without_it(update_server, canary):
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"

    def quads() -> int:
        body = httpx.get(update_server.sparql, params={"query": count}).json()
        return int(body["results"]["bindings"][0]["n"]["value"])

    before = quads()
    insert = "INSERT DATA { GRAPH <https://example.org/g> { <https://example.org/a> <https://example.org/b> 1 } }"
    direct = {"Content-Type": "application/sparql-update"}
    attempts = [
        httpx.post(update_server.sparql, content=b"CLEAR ALL", headers=direct),  # no token
        httpx.post(update_server.sparql, data={"update": "CLEAR ALL"}),
        httpx.post(update_server.sparql, content=b"CLEAR ALL", headers={**direct, "Authorization": "Bearer nope"}),
        httpx.post(update_server.sparql, content=b"CLEAR ALL", headers={**direct, "Authorization": f"Basic {TOKEN}"}),
        httpx.get(update_server.sparql, params={"update": "CLEAR ALL"}, headers={"Authorization": f"Bearer {TOKEN}"}),
        httpx.post(update_server.sparql, data={"query": "CLEAR ALL"}, headers={"Authorization": f"Bearer {TOKEN}"}),
    ]
    assert [r.status_code for r in attempts] == [401, 401, 403, 401, 400, 400]
    assert attempts[0].headers["www-authenticate"].startswith("Bearer")
    auth = {"Authorization": f"Bearer {TOKEN}"}
    for refused in (f"LOAD <{canary.url}/data.nt>",
                    f"INSERT {{ ?s ?p ?o }} USING <{canary.url}/data.nt> WHERE {{ ?s ?p ?o }}",
                    f"INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <{canary.url}/sparql> {{ ?s ?p ?o }} }}"):
        response = httpx.post(update_server.sparql, content=refused.encode(), headers={**direct, **auth})
        assert response.status_code == 400, response.text
    time.sleep(0.3)
    assert canary.requests == []
    assert quads() == before

    accepted = httpx.post(update_server.sparql, content=insert.encode(), headers={**direct, **auth})
    assert accepted.status_code == 204, accepted.text
    deadline = time.monotonic() + 10  # the query workers reopen their view after the write
    while quads() != before + 1:
        assert time.monotonic() < deadline, "the update never became visible"
        time.sleep(0.1)
    description = httpx.get(update_server.sparql).text
    assert "SPARQL11Update" in description


def test_runaway_query_is_stopped_and_others_keep_being_served(server):
    runaway = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }")  # ~1e13 rows
    before = httpx.get(server.url + "/health").json()
    outcome = {}

    def fire():
        started = time.monotonic()
        outcome["response"] = httpx.get(server.sparql, params={"query": runaway}, timeout=60)
        outcome["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=fire)
    thread.start()
    time.sleep(0.5)
    served = 0
    while thread.is_alive():
        started = time.monotonic()
        response = httpx.get(server.sparql, params={"query": "ASK { ent:orion-7 ?p ?o }"}, timeout=30)
        assert response.status_code == 200 and response.json()["boolean"] is True
        assert time.monotonic() - started < 2.5
        served += 1
        time.sleep(0.2)
    thread.join()
    assert served >= 3
    response = outcome["response"]
    assert response.status_code == 503 and "timeout" in response.text
    assert 3 <= outcome["seconds"] < 10  # --timeout 3
    after = httpx.get(server.url + "/health").json()
    assert after["timeouts"] == before["timeouts"] + 1
    gone = set(before["pids"]) - set(after["pids"])
    assert len(gone) == 1
    (pid,) = gone
    with pytest.raises(ProcessLookupError):  # the worker that ran it no longer exists
        os.kill(pid, 0)
    deadline = time.monotonic() + 60  # a replacement worker comes up
    while httpx.get(server.url + "/health").json()["workers"] < 2:
        assert time.monotonic() < deadline
        time.sleep(0.2)


def test_runaway_update_is_stopped_before_it_commits(update_server):
    auth = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/sparql-update"}
    marker = "https://example.org/runaway"
    runaway = (f"INSERT {{ GRAPH <{marker}> {{ <{marker}> <{marker}> ?n }} }} WHERE {{ SELECT (COUNT(*) AS ?n) "
               "WHERE { GRAPH ?w { ?a ?b ?c } GRAPH ?x { ?d ?e ?f } GRAPH ?y { ?g ?h ?i } GRAPH ?z { ?j ?k ?l } } }")
    started = time.monotonic()
    response = httpx.post(update_server.sparql, content=runaway.encode(), headers=auth, timeout=60)
    assert response.status_code == 503 and "timeout" in response.text
    assert time.monotonic() - started < 15  # --timeout 5
    ask = {"query": f"ASK {{ GRAPH <{marker}> {{ ?s ?p ?o }} }}"}
    assert httpx.get(update_server.sparql, params=ask).json()["boolean"] is False
    # a new update worker takes the write lock again and the next update goes through
    quick = f"INSERT DATA {{ GRAPH <{marker}> {{ <{marker}> <{marker}> 1 }} }}"
    deadline = time.monotonic() + 60
    while (answer := httpx.post(update_server.sparql, content=quick.encode(), headers=auth, timeout=60)).status_code != 204:
        assert answer.status_code == 503 and time.monotonic() < deadline, answer.text
        time.sleep(0.5)
    deadline = time.monotonic() + 10
    while not httpx.get(update_server.sparql, params=ask).json()["boolean"]:
        assert time.monotonic() < deadline
        time.sleep(0.1)


def test_a_query_that_would_exhaust_memory_kills_only_its_worker(server):
    hungry = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a ?d ?g"  # sorts ~4e9 rows
    response = httpx.post(server.sparql, data={"query": hungry}, timeout=60)
    assert response.status_code in (500, 503), response.text  # out of memory (1.5 GB cap) or out of time
    assert httpx.get(server.sparql, params={"query": "ASK { ?s ?p ?o }"}).json()["boolean"] is True
    deadline = time.monotonic() + 60
    while httpx.get(server.url + "/health").json()["workers"] < 2:
        assert time.monotonic() < deadline
        time.sleep(0.2)
