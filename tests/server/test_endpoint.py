"""The SPARQL 1.1 Protocol endpoint, talked to by real clients (SPARQLWrapper, rdflib, httpx)."""

from __future__ import annotations

import csv
import io
import json

import httpx
import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef

from kg import KnowledgeGraph

pytestmark = pytest.mark.server

KG = "https://w3id.org/siliconkg/ontology#"
ENT = "https://w3id.org/siliconkg/entity/"
FABBED = f"""PREFIX kg: <{KG}> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?chip ?foundry WHERE {{ GRAPH ?g {{ ?c kg:fabbedBy ?f }} ?c skos:prefLabel ?chip . ?f skos:prefLabel ?foundry }}"""
CONSTRUCT = f"""PREFIX kg: <{KG}>
CONSTRUCT {{ ?c kg:fabbedBy ?f }} WHERE {{ GRAPH <https://w3id.org/siliconkg/graph/facts> {{ ?c kg:fabbedBy ?f }} }}"""


@pytest.fixture(scope="module")
def expected(corpus_store):
    """What the store itself answers, read directly (the server takes no lock, so this works)."""
    with KnowledgeGraph.open(corpus_store, read_only=True) as graph:
        rows = {(r["chip"], r["foundry"]) for r in graph.select(FABBED)}
        triples = {(t.subject.value, t.predicate.value, t.object.value) for t in graph.query(CONSTRUCT)}
    assert rows and triples
    return rows, triples


def wrapper(server, query, fmt):
    from SPARQLWrapper import SPARQLWrapper

    client = SPARQLWrapper(server.sparql)
    client.setQuery(query)
    client.setReturnFormat(fmt)
    return client


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_sparqlwrapper_select_in_json_xml_csv_tsv(server, expected, method):
    from SPARQLWrapper import CSV, JSON, TSV, XML

    rows, _ = expected
    client = wrapper(server, FABBED, JSON)
    client.setMethod(method)
    data = client.query().convert()
    assert {(b["chip"]["value"], b["foundry"]["value"]) for b in data["results"]["bindings"]} == rows

    client = wrapper(server, FABBED, XML)
    client.setMethod(method)
    document = client.query().convert()  # an xml.dom.minidom Document
    got = set()
    for result in document.getElementsByTagName("result"):
        values = {b.getAttribute("name"): b.getElementsByTagName("literal")[0].firstChild.data
                  for b in result.getElementsByTagName("binding")}
        got.add((values["chip"], values["foundry"]))
    assert got == rows

    client = wrapper(server, FABBED, CSV)
    client.setMethod(method)
    table = list(csv.DictReader(io.StringIO(client.query().convert().decode("utf-8"))))
    assert {(r["chip"], r["foundry"]) for r in table} == rows

    client = wrapper(server, FABBED, TSV)
    client.setMethod(method)
    parsed = ox.parse_query_results(client.query().convert(), format=ox.QueryResultsFormat.TSV)
    assert {(s["chip"].value, s["foundry"].value) for s in parsed} == rows


def test_sparqlwrapper_ask(server):
    from SPARQLWrapper import JSON, XML

    assert wrapper(server, f"ASK {{ ?s <{KG}fabbedBy> ?o }}", JSON).query().convert()["boolean"] is True
    document = wrapper(server, f"ASK {{ ?s <{KG}fabbedBy> <{ENT}nowhere> }}", XML).query().convert()
    assert document.getElementsByTagName("boolean")[0].firstChild.data == "false"


def test_sparqlwrapper_construct_in_turtle_ntriples_jsonld_rdfxml(server, expected):
    from SPARQLWrapper import JSONLD, N3, RDFXML, TURTLE

    _, triples = expected
    wanted = {(URIRef(s), URIRef(p), URIRef(o)) for s, p, o in triples}
    for fmt in (TURTLE, JSONLD, RDFXML):
        result = wrapper(server, CONSTRUCT, fmt).query()
        graph = result.convert()
        if isinstance(graph, bytes):  # SPARQLWrapper hands Turtle back as bytes
            graph = Graph().parse(data=graph.decode("utf-8"), format="turtle")
        assert set(graph) == wanted, fmt
    client = wrapper(server, CONSTRUCT, N3)
    client.addCustomHttpHeader("Accept", "application/n-triples")
    response = client.query()
    assert response.info()["content-type"].startswith("application/n-triples")
    body = response.response.read().decode("utf-8")
    assert set(Graph().parse(data=body, format="nt")) == wanted


def test_rdflib_sparqlstore(server, expected):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    rows, _ = expected
    store = SPARQLStore(query_endpoint=server.sparql)
    graph = Graph(store=store)
    got = {(str(r.chip), str(r.foundry)) for r in graph.query(FABBED)}
    assert got == rows
    subjects = set(graph.subjects(URIRef(KG + "fabbedBy"), URIRef(ENT + "kestrel-foundry")))
    assert URIRef(ENT + "vela-x1") in subjects and URIRef(ENT + "lyra-2") in subjects
    assert (URIRef(ENT + "orion-7"), URIRef("http://www.w3.org/2004/02/skos/core#prefLabel"),
            Literal("Orion-7")) in graph


def test_predefined_prefixes_and_union_default_graph(server):
    response = httpx.get(server.sparql, params={"query": "SELECT DISTINCT ?l WHERE { ent:orion-7 skos:prefLabel ?l }"},
                         headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200
    assert [b["l"]["value"] for b in response.json()["results"]["bindings"]] == ["Orion-7"]


def test_row_cap_is_flagged_never_silent(server):
    many = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"  # hundreds of quads; the server caps at 40
    response = httpx.post(server.sparql, data={"query": many}, headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200
    assert response.headers["X-KG-Truncated"] == "true"
    body = response.json()
    assert body["truncated"] is True and body["maxRows"] == 40
    assert len(body["results"]["bindings"]) == 40
    csv_answer = httpx.get(server.sparql, params={"query": many}, headers={"Accept": "text/csv"})
    assert csv_answer.headers["X-KG-Truncated"] == "true"
    assert len(csv_answer.text.strip().splitlines()) == 41  # header + 40 rows
    construct = httpx.get(server.sparql, params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"},
                          headers={"Accept": "application/n-triples"})
    assert construct.headers["X-KG-Truncated"] == "true"
    assert len(construct.text.strip().splitlines()) == 40
    small = httpx.get(server.sparql, params={"query": "SELECT ?s WHERE { ?s ?p ?o } LIMIT 5"})
    assert "X-KG-Truncated" not in small.headers and "truncated" not in small.json()
    assert len(small.json()["results"]["bindings"]) == 5


def test_literals_with_tabs_newlines_and_languages_survive_the_cap(server):
    query = 'SELECT ?a ?b ?c WHERE { BIND("tab\\there\\nnew line" AS ?a) BIND("chat"@fr AS ?b) BIND(BNODE() AS ?c) }'
    body = httpx.get(server.sparql, params={"query": query}).json()
    (row,) = body["results"]["bindings"]
    assert row["a"]["value"] == "tab\there\nnew line"
    assert row["b"] == {"type": "literal", "value": "chat", "xml:lang": "fr"}
    assert row["c"]["type"] == "bnode"


# -- the W3C protocol's bad requests ------------------------------------------------------
ASK = "ASK { ?s ?p ?o }"


@pytest.mark.parametrize("name,request_args,status", [
    ("query_get", dict(method="GET", params={"query": ASK}), 200),
    ("query_post_form", dict(method="POST", data={"query": ASK}), 200),
    ("query_post_direct", dict(method="POST", content=ASK.encode(),
                               headers={"Content-Type": "application/sparql-query"}), 200),
    ("query_post_direct_utf8_charset", dict(method="POST", content=ASK.encode(),
                                            headers={"Content-Type": "application/sparql-query; charset=UTF-8"}), 200),
    ("bad_query_method", dict(method="PUT", params={"query": ASK}), 405),
    ("bad_multiple_queries", dict(method="GET", params=[("query", ASK), ("query", ASK)]), 400),
    ("bad_multiple_queries_post", dict(method="POST", params={"query": ASK}, data={"query": ASK}), 400),
    ("bad_query_wrong_media_type", dict(method="POST", content=ASK.encode(),
                                        headers={"Content-Type": "text/plain"}), 415),
    ("bad_query_missing_form_type", dict(method="POST", content=b"query=ASK%20%7B%7D"), 415),
    ("bad_query_non_utf8", dict(method="POST", content=ASK.encode("utf-16"),
                                headers={"Content-Type": "application/sparql-query; charset=UTF-16"}), 400),
    ("bad_query_non_utf8_body", dict(method="POST", content=b"ASK { ?s ?p \"\xff\xfe\" }",
                                     headers={"Content-Type": "application/sparql-query"}), 400),
    ("bad_query_non_utf8_form", dict(method="POST", content=b"query=ASK%20%7B%20%3Fs%20%3Fp%20%22%FF%22%20%7D",
                                     headers={"Content-Type": "application/x-www-form-urlencoded"}), 400),
    ("bad_query_syntax", dict(method="GET", params={"query": "ASK { ?s ?p }"}), 400),
    ("bad_query_dataset_param", dict(method="GET", params={"query": ASK, "default-graph-uri": "http://x/"}), 400),
    ("bad_update_get", dict(method="GET", params={"update": "CLEAR ALL"}), 400),
    ("bad_update_as_query", dict(method="GET", params={"query": "CLEAR ALL"}), 400),
    ("bad_query_and_update", dict(method="POST", data={"query": ASK, "update": "CLEAR ALL"}), 400),
    ("bad_update_read_only", dict(method="POST", content=b"CLEAR ALL",
                                  headers={"Content-Type": "application/sparql-update"}), 403),
    ("bad_update_read_only_form", dict(method="POST", data={"update": "CLEAR ALL"}), 403),
    ("not_acceptable", dict(method="GET", params={"query": ASK}, headers={"Accept": "image/png"}), 406),
    ("not_acceptable_graph", dict(method="GET", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"},
                                  headers={"Accept": "application/sparql-results+json"}), 406),
])
def test_protocol_status_codes(server, name, request_args, status):
    args = dict(request_args)
    response = httpx.request(args.pop("method"), server.sparql, timeout=30, **args)
    assert response.status_code == status, (name, response.text)
    if status >= 400 and status != 405:
        assert response.text.strip(), "an error says why"


def test_service_description_in_turtle(server):
    response = httpx.get(server.sparql)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/turtle")
    graph = Graph().parse(data=response.text, format="turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    services = set(graph.subjects(URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), URIRef(sd + "Service")))
    assert services == {URIRef(server.sparql)}
    assert (URIRef(server.sparql), URIRef(sd + "supportedLanguage"), URIRef(sd + "SPARQL11Query")) in graph
    assert (URIRef(server.sparql), URIRef(sd + "supportedLanguage"), URIRef(sd + "SPARQL11Update")) not in graph


def test_cors_for_browser_clients(server):
    origin = {"Origin": "http://localhost:8080"}  # e.g. YASGUI served from this machine
    answer = httpx.get(server.sparql, params={"query": ASK}, headers=origin)
    assert answer.headers["access-control-allow-origin"] == "http://localhost:8080"
    preflight = httpx.options(server.sparql, headers={**origin, "Access-Control-Request-Method": "POST",
                                                      "Access-Control-Request-Headers": "content-type"})
    assert preflight.status_code == 200
    assert "POST" in preflight.headers["access-control-allow-methods"]


def test_a_foreign_web_page_cannot_read_the_store_by_default(server):
    answer = httpx.get(server.sparql, params={"query": ASK}, headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in answer.headers


def test_dns_rebinding_is_refused_on_loopback(server):
    answer = httpx.get(server.sparql, params={"query": ASK}, headers={"Host": "evil.example"})
    assert answer.status_code == 400


def test_health(server):
    health = httpx.get(server.url + "/health").json()
    assert health["status"] == "ok" and health["read_only"] is True and health["workers"] >= 1


def test_neighbours_carry_evidence_with_modality_and_attribution(server):
    data = httpx.get(server.url + "/api/neighbours", params={"iri": ENT + "orion-7"}).json()
    labels = {n["id"]: n["label"] for n in data["nodes"]}
    assert labels[ENT + "orion-7"] == "Orion-7" and labels[ENT + "lyra-2"] == "Lyra 2"
    edges = {(e["from"], e["relation"], e["to"]): e for e in data["edges"]}
    hedged = edges[(ENT + "orion-7", "runsOn", ENT + "lyra-2")]
    assert hedged["modality"] == "hedged"
    (evidence,) = hedged["evidence"]
    assert evidence["attributed_to"] == "two people briefed on the plan"
    assert evidence["title"] == "Orion-7 could move to Lyra 2" and evidence["published"] == "2026-06-10"
    assert "Lyra 2 chips" in evidence["sentence"]
    negated = edges[(ENT + "orion-7", "trainedOn", ENT + "lyra-2")]
    assert negated["modality"] == "negated" and negated["evidence"][0]["attributed_to"] == "Nimbus Lab"
    bad = httpx.get(server.url + "/api/neighbours", params={"iri": "> } DROP ALL"})
    assert bad.status_code == 400


def test_explorer_assets_are_served_locally(server):
    page = httpx.get(server.url + "/")
    assert page.status_code == 200 and "script-src 'self'" in page.headers["content-security-policy"]
    assert "http" not in page.text.split("<body>")[1]  # no external URL in the page body
    for name in ("explorer.js", "explorer.css", "vis-network.min.js"):
        assert httpx.get(server.url + "/static/" + name).status_code == 200
    assert httpx.get(server.url + "/static/..%2Fserver%2Fapp.py").status_code == 404
    names = [q["name"] for q in httpx.get(server.url + "/api/queries").json()]
    assert names == sorted(names)


def test_named_queries_pass_the_safety_check_and_run(server):
    queries = httpx.get(server.url + "/api/queries").json()
    for query in queries:
        response = httpx.post(server.sparql, data={"query": query["text"]}, timeout=30)
        assert response.status_code == 200, (query["name"], response.text)
    json.dumps(queries)
