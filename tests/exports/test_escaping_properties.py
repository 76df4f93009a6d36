"""Property tests: any text survives the escaping of the Cypher, GraphML, DOT and CSV writers."""

from __future__ import annotations

import csv
import io

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exports._select import one_line, xml_safe
from exports.csv import neutralise
from exports.dot import quote as dot_quote
from exports.graphml import write_graphml
from exports.neo4j import quote_name, quote_string

ladybug = pytest.importorskip("ladybug")
_CONNECTION = None


def _cypher():
    global _CONNECTION
    if _CONNECTION is None:
        _CONNECTION = ladybug.Connection(ladybug.Database(":memory:"))
    return _CONNECTION


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_cypher_string_literal_round_trips(text):
    result = _cypher().execute(f"RETURN {quote_string(text)} AS x")
    assert result.get_next() == [one_line(text)]


@settings(max_examples=100, deadline=None)
@given(st.text(min_size=1).filter(lambda t: one_line(t).strip() and "\x00" not in t))
def test_cypher_identifier_is_one_token(text):
    quoted = quote_name(text)
    assert quoted.startswith("`") and quoted.endswith("`")
    assert quoted[1:-1].replace("``", "") .count("`") == 0


@settings(max_examples=150, deadline=None)
@given(st.text(), st.text())
def test_graphml_round_trips_xml_safe_text(label, sentence):
    graph = nx.MultiDiGraph()
    graph.add_node("a", label=label, cls="Chip", aliases=[label])
    graph.add_node("b", label="b", cls="Foundry")
    graph.add_edge("a", "b", key="fabbedBy", predicate="fabbedBy", support=1,
                   evidence=[{"sentence": sentence, "document": "d"}])
    buffer = io.BytesIO()
    write_graphml(graph, buffer)
    back = nx.read_graphml(io.BytesIO(buffer.getvalue()))
    assert back.nodes["a"]["label"] == xml_safe(label or "a")  # no label: the id stands in
    assert next(iter(back.edges(data=True)))[2]["evidence"] == xml_safe(sentence)


@given(st.text())
def test_dot_quote_has_no_unescaped_quote_or_newline(text):
    body = dot_quote(text)[1:-1]
    assert "\n" not in body and "\r" not in body
    # every quote is escaped by an odd run of backslashes
    for i, char in enumerate(body):
        if char == '"':
            run = len(body[:i]) - len(body[:i].rstrip("\\"))
            assert run % 2 == 1


@given(st.text())
def test_csv_cells_never_start_a_formula(text):
    buffer = io.StringIO()
    csv.writer(buffer).writerow([neutralise(text)])
    cell = next(csv.reader(io.StringIO(buffer.getvalue())))[0] if text else ""
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert cell in (text, "'" + text)
