"""Content negotiation between the endpoint's result formats."""

from __future__ import annotations

import pytest

from kg.server._formats import negotiate


@pytest.mark.parametrize("kind,accept,expected", [
    ("SELECT", None, "JSON"),
    ("SELECT", "*/*", "JSON"),
    ("SELECT", "text/csv", "CSV"),
    ("SELECT", "application/sparql-results+xml, application/sparql-results+json;q=0.5", "XML"),
    ("SELECT", "application/sparql-results+json;q=0.2, text/tab-separated-values", "TSV"),
    ("SELECT", "text/*", "CSV"),
    ("ASK", "application/json", "JSON"),
    ("CONSTRUCT", None, "TURTLE"),
    ("CONSTRUCT", "application/turtle,text/turtle,text/rdf+n3,application/n-triples", "TURTLE"),
    ("DESCRIBE", "application/ld+json", "JSON_LD"),
    ("CONSTRUCT", "application/sparql-results+json, application/n-triples;q=0.9", "N_TRIPLES"),
    ("CONSTRUCT", "text/html, */*;q=0.1", "TURTLE"),
])
def test_negotiate(kind, accept, expected):
    assert negotiate(kind, accept).name == expected


@pytest.mark.parametrize("kind,accept", [
    ("SELECT", "image/png"),
    ("SELECT", "text/csv;q=0"),
    ("CONSTRUCT", "application/sparql-results+json"),
])
def test_nothing_acceptable(kind, accept):
    assert negotiate(kind, accept) is None
