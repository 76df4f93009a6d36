"""check_query refuses SPARQL that reaches outside the store, decided on the parse tree."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg._sparql_safety import check_query
from kg.errors import QueryError

SAFE = [
    ("SELECT ?s WHERE { ?s ?p ?o } LIMIT 3", "SELECT"),
    ("ask { ?s ?p ?o }", "ASK"),
    ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "CONSTRUCT"),
    ("DESCRIBE <http://example.org/x>", "DESCRIBE"),
    # the words only appear inside literals, comments or IRIs: harmless
    ('SELECT ?s WHERE { ?s ?p "SERVICE <http://127.0.0.1:9/> { ?a ?b ?c }" }', "SELECT"),
    ("SELECT ?s WHERE { ?s ?p 'load <http://example.org/>' }", "SELECT"),
    ('SELECT ?s WHERE { ?s ?p """from\nnamed <http://example.org/>""" }', "SELECT"),
    ("SELECT ?s WHERE {\n  ?s ?p ?o # SERVICE <http://127.0.0.1:9/> { }\n}", "SELECT"),
    ("# FROM <http://example.org/g>\nSELECT ?s WHERE { ?s ?p ?o }", "SELECT"),
    ("SELECT ?s WHERE { ?s <http://example.org/service> ?o }", "SELECT"),
    ("SELECT ?from WHERE { ?from ?service ?load }", "SELECT"),
    ("SELECT ?s WHERE { GRAPH <http://example.org/g> { ?s ?p ?o } }", "SELECT"),
    # project prefixes are predefined at evaluation; the check does not need them declared
    ("SELECT ?c WHERE { ?c a kg:Claim ; kg:modality kg:Asserted }", "SELECT"),
]


@pytest.mark.parametrize("text,kind", SAFE)
def test_safe_queries_pass_and_oxigraph_agrees(text, kind):
    assert check_query(text) == kind
    prefixes = {"kg": "https://example.org/kg#"}
    ox.Store().query(text, prefixes=prefixes)  # Oxigraph parses the same text without error


REFUSED = [
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", "SERVICE"),
    ("select * where { service <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", "SERVICE"),
    ("SeLeCt * WhErE { SeRvIcE <http://127.0.0.1:9/> { ?s ?p ?o } }", "SERVICE"),
    ("SELECT * WHERE { SERVICE SILENT <http://127.0.0.1:9/> { ?s ?p ?o } }", "SERVICE"),
    ("SELECT * WHERE { ?x ?y ?z SERVICE ?x { ?s ?p ?o } }", "SERVICE"),
    ("SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE <http://127.0.0.1:9/> { ?s ?q ?r } } }", "SERVICE"),
    ("SELECT * WHERE { { ?s ?p ?o } UNION { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } } }", "SERVICE"),
    ("SELECT * WHERE { { SELECT ?s WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } } } }", "SERVICE"),
    ("ASK { MINUS { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } } }", "SERVICE"),
    ("ASK { FILTER EXISTS { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } } }", "SERVICE"),
    ("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } } }", "SERVICE"),
    ("PREFIX ex: <http://127.0.0.1:9/> SELECT * WHERE { SERVICE ex:sparql { ?s ?p ?o } }", "SERVICE"),
    ("SELECT * WHERE { # a comment }\n SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", "SERVICE"),
    ("SELECT * WHERE { ?s ?p 'x' . SERVICE/* no block comments in SPARQL */<http://127.0.0.1:9/> { } }", None),
    ("SELECT * FROM <http://127.0.0.1:9/g> WHERE { ?s ?p ?o }", "FROM"),
    ("select * from <file:///etc/passwd> where { ?s ?p ?o }", "FROM"),
    ("SELECT * FROM NAMED <http://127.0.0.1:9/g> WHERE { GRAPH ?g { ?s ?p ?o } }", "FROM NAMED"),
    ("CONSTRUCT { ?s ?p ?o } FROM <http://127.0.0.1:9/g> WHERE { ?s ?p ?o }", "FROM"),
    ("DESCRIBE ?s FROM <http://127.0.0.1:9/g> WHERE { ?s ?p ?o }", "FROM"),
    ("ASK FROM NAMED <http://127.0.0.1:9/g> { ?s ?p ?o }", "FROM NAMED"),
    # a \u escape that spells SERVICE: rdflib would expand it, Oxigraph would not
    ("ASK { \\u0053ERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", "escape"),
    ("SELECT * WHERE { VALUES ?x { \"a\\u0022\" } SERVICE <http://127.0.0.1:9/> { } }", "escape"),
]


@pytest.mark.parametrize("text,why", REFUSED)
def test_outside_requests_are_refused(text, why):
    with pytest.raises(QueryError) as err:
        check_query(text, allow_update=True)
    if why:
        assert why in str(err.value)


def test_updates_refused_unless_allowed():
    update = "INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }"
    with pytest.raises(QueryError, match="read-only"):
        check_query(update)
    assert check_query(update, allow_update=True) == "UPDATE"
    assert check_query("clear all", allow_update=True) == "UPDATE"
    assert check_query("WITH <http://example.org/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
                       allow_update=True) == "UPDATE"


@pytest.mark.parametrize("text,why", [
    ("LOAD <http://127.0.0.1:9/data.ttl>", "LOAD"),
    ("load silent <file:///etc/passwd> into graph <http://example.org/g>", "LOAD"),
    ("INSERT DATA { <a:a> <a:b> <a:c> } ; LOAD <http://127.0.0.1:9/x>", "LOAD"),
    ("INSERT { ?s ?p ?o } USING <http://127.0.0.1:9/g> WHERE { ?s ?p ?o }", "USING"),
    ("DELETE { ?s ?p ?o } USING NAMED <http://127.0.0.1:9/g> WHERE { GRAPH ?g { ?s ?p ?o } }", "USING NAMED"),
    ("INSERT { ?s ?p ?o } WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", "SERVICE"),
])
def test_updates_that_reach_outside_are_refused_even_when_allowed(text, why):
    with pytest.raises(QueryError) as err:
        check_query(text, allow_update=True)
    assert why in str(err.value)


@pytest.mark.parametrize("text", ["", "   ", "SELECT * WHERE { ?s ?p ?o", "SELEKT ?s WHERE { }",
                                  "SELECT * WHERE { ?s ?p ?o } ; SELECT * WHERE { ?s ?p ?o }"])
def test_malformed_queries_raise_query_error(text):
    with pytest.raises(QueryError):
        check_query(text, allow_update=True)


def test_syntax_error_names_the_position():
    with pytest.raises(QueryError, match=r"line 2, column"):
        check_query("SELECT ?s WHERE {\n  ?s ?p ?o ?x }")


def test_escaped_backslash_before_u_is_not_an_escape():
    # "\\u" is a backslash followed by the letter u, not a unicode escape
    assert check_query('SELECT ?s WHERE { ?s ?p "C:\\\\users" }') == "SELECT"


@pytest.mark.parametrize("text", [
    "SELECT ?x WHERE { # \r SERVICE <http://127.0.0.1:9/q> { ?x ?p ?o }\n }",
    "SELECT ?x WHERE { ?x ?p ?o # hidden\rSERVICE <http://127.0.0.1:9/q> { ?x ?p ?o }\n }",
])
def test_a_lone_carriage_return_cannot_hide_service_in_a_comment(text):
    # rdflib ends a comment at \n only, Oxigraph at \r too: the guard must not read code as a comment
    with pytest.raises(QueryError, match="carriage return"):
        check_query(text)


def test_crlf_line_endings_are_fine():
    assert check_query("SELECT * WHERE {\r\n  ?s ?p ?o # a comment\r\n}\r\n") == "SELECT"
