"""`kg sparql` (free and named queries, W3C result formats, --as-of) and `kg stats`, on a real store."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from tests.kg.test_queries_corpus import corpus_store  # noqa: F401  (fixture)

from kg._queries import named_queries, named_query, parse_named_query
from kg.cli import main
from kg.errors import QueryError

FABBED = "SELECT ?chip ?foundry WHERE { GRAPH kgg:facts { ?c kg:fabbedBy ?f } ?c skos:prefLabel ?chip . " \
         "?f skos:prefLabel ?foundry } ORDER BY ?chip ?foundry"


def run(runner, store, *args, code=0):
    result = runner.invoke(main, ["sparql", *args, "--store", str(store)], env={"COLUMNS": "200"})
    assert result.exit_code == code, result.output
    return result.output


def distinct_rows(rows):
    return sorted(set(map(tuple, rows)))


def test_every_named_query_has_a_description_and_runs(runner, corpus_store):
    queries = named_queries()
    assert {"dependency-chains", "claims-of-document", "facts-by-modality", "hedged-only-facts", "chokepoints",
            "funding-timeline", "negated-claims", "who-says-what", "fact-provenance"} <= set(queries)
    for query in queries.values():
        assert query.description and query.text.startswith("# name: ")
        data = json.loads(run(runner, corpus_store, "--name", query.name, "--format", "json"))
        assert data["results"]["bindings"], f"{query.name} returned nothing on the corpus"


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_named_query_csv_tsv_xml_parse(runner, corpus_store, name):
    text = run(runner, corpus_store, "--name", name, "--format", "csv")
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) >= 2 and all(len(r) == len(rows[0]) for r in rows)
    tsv = run(runner, corpus_store, "--name", name, "--format", "tsv")
    header = tsv.splitlines()[0].split("\t")
    assert header == ["?" + h for h in rows[0]]
    root = ET.fromstring(run(runner, corpus_store, "--name", name, "--format", "xml"))
    assert root.tag == "{http://www.w3.org/2005/sparql-results#}sparql"


def test_dependency_chains_follow_property_paths(runner, corpus_store):
    data = json.loads(run(runner, corpus_store, "--name", "dependency-chains", "--format", "json"))
    rows = {tuple(b[v]["value"] for v in ("model", "chip", "role", "supplier")) for b in data["results"]["bindings"]}
    assert ("Orion-7", "Zephyr X1", "foundry", "Harbor Foundry") in rows
    assert ("Orion-7", "Zephyr X1", "memory vendor", "Crestline Memory") in rows
    assert not any(r[0] == "Orion-7" and r[3] == "Northgate Semiconductor" for r in rows)  # denied only


def test_named_query_parameters(runner, corpus_store):
    out = run(runner, corpus_store, "--name", "claims-of-document", "--param",
              "document=https://news.example/foundry-report", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {r["title"] for r in rows} == {"Who makes the accelerators"}
    assert sorted(r["modality"] for r in rows) == ["asserted", "asserted", "negated", "negated"]
    out = run(runner, corpus_store, "--name", "facts-by-modality", "-p", "modality=negated", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {(r["subject"], r["object"]) for r in rows} == {
        ("Orion-7", "Kestrel K9"), ("Zephyr X1", "Northgate Semiconductor"), ("Orion-7", "Zephyr X1")}
    out = run(runner, corpus_store, "--name", "dependency-chains", "-p", "model=Lyra-2", "--format", "csv")
    assert {r["model"] for r in csv.DictReader(io.StringIO(out))} == {"Lyra-2"}
    out = run(runner, corpus_store, "--name", "claims-of-document", "-p", "doc=x", code=2)
    assert "has no parameter 'doc'" in out and "document" in out


def test_free_query_formats(runner, corpus_store, tmp_path):
    data = json.loads(run(runner, corpus_store, FABBED, "--format", "json"))
    assert data["head"]["vars"] == ["chip", "foundry"]
    pairs = distinct_rows((b["chip"]["value"], b["foundry"]["value"]) for b in data["results"]["bindings"])
    assert pairs == [("Kestrel K9", "Harbor Foundry"), ("Kestrel K9", "Northgate Semiconductor"),
                     ("Zephyr X1", "Harbor Foundry"), ("Zephyr X2", "Harbor Foundry")]
    table = run(runner, corpus_store, FABBED)
    assert "Northgate Semiconductor" in table and "chip" in table
    query_file = tmp_path / "q.rq"
    query_file.write_text("ASK { GRAPH kgg:facts { ?c kg:fabbedBy ?f } }", encoding="utf-8")
    assert json.loads(run(runner, corpus_store, "-f", str(query_file), "--format", "json"))["boolean"] is True
    turtle = run(runner, corpus_store, "CONSTRUCT { ?c kg:fabbedBy ?f } WHERE { GRAPH kgg:facts { ?c kg:fabbedBy ?f } }")
    from rdflib import Graph

    assert len(Graph().parse(data=turtle, format="turtle")) == 4
    nt = run(runner, corpus_store, "CONSTRUCT { ?c kg:fabbedBy ?f } WHERE { GRAPH kgg:facts { ?c kg:fabbedBy ?f } }",
             "--format", "ntriples")
    assert len(nt.strip().splitlines()) == 4


def test_as_of_runs_on_the_store_as_it_was(runner, corpus_store):
    query = ("SELECT ?chip ?foundry WHERE { GRAPH kgg:facts { ?c kg:fabbedBy ?f } GRAPH ?g1 { ?c skos:prefLabel ?chip } "
             "GRAPH ?g2 { ?f skos:prefLabel ?foundry } }")
    early = json.loads(run(runner, corpus_store, query, "--as-of", "2026-03-31", "--format", "json"))
    assert distinct_rows((b["chip"]["value"], b["foundry"]["value"]) for b in early["results"]["bindings"]) == [
        ("Zephyr X1", "Harbor Foundry")]
    data = json.loads(run(runner, corpus_store, "--name", "dependency-chains", "--as-of", "2026-02-28",
                          "--format", "json"))
    assert data["results"]["bindings"] == []  # Orion-7's training claim is from 2026-03-02
    run(runner, corpus_store, FABBED, "--as-of", "last spring", code=2)


def test_unsafe_queries_are_refused(runner, corpus_store):
    out = run(runner, corpus_store, "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", code=2)
    assert "SERVICE" in out and "refused" in out
    out = run(runner, corpus_store, "SELECT * FROM <http://example.org/g> WHERE { ?s ?p ?o }", code=2)
    assert "FROM" in out
    out = run(runner, corpus_store, "DELETE WHERE { ?s ?p ?o }", code=2)
    assert "Update" in out
    out = run(runner, corpus_store, "SELECT ?s WHERE { ?s ?p }", code=2)
    assert "syntax error" in out


def test_usage_errors(runner, corpus_store):
    assert "exactly one" in run(runner, corpus_store, code=2)
    assert "exactly one" in run(runner, corpus_store, FABBED, "--name", "chokepoints", code=2)
    out = run(runner, corpus_store, "--name", "chokepoint", code=2)
    assert "Did you mean 'chokepoints'" in out


def test_list_and_show(runner, corpus_store):
    out = run(runner, corpus_store, "--list")
    for query in named_queries().values():
        assert query.name in out
    listed = json.loads(run(runner, corpus_store, "--list", "--format", "json"))
    assert {q["name"] for q in listed} == set(named_queries())
    text = run(runner, corpus_store, "--name", "claims-of-document", "--show", "-p", "document=a.md")
    assert 'VALUES ?document { "a.md" }' in text


def test_parse_named_query_rules():
    query = parse_named_query("# name: x\n# description: what\n# param: who  a name\nSELECT * WHERE {\n"
                              "  # PARAMETERS\n  ?s ?p ?who }\n")
    assert query.parameters == {"who": "a name"}
    assert "VALUES ?who { <https://w3id.org/siliconkg/ontology#Negated> }" in query.render({"who": "kg:Negated"})
    assert 'VALUES ?who { "say \\"hi\\"" }' in query.render({"who": 'say "hi"'})
    with pytest.raises(QueryError, match="description"):
        parse_named_query("# name: x\nSELECT * WHERE { ?s ?p ?o }")
    with pytest.raises(QueryError, match="PARAMETERS"):
        parse_named_query("# name: x\n# description: y\n# param: z  w\nSELECT * WHERE { ?s ?p ?z }")
    assert named_query("chokepoints").parameters == {}


def test_stats(runner, corpus_store):
    result = runner.invoke(main, ["stats", "--store", str(corpus_store), "--format", "json"])
    counts = json.loads(result.output)
    assert counts["documents"] == 5 and counts["claims_negated"] == 3 and counts["facts_hedged_only"] == 1
    table = runner.invoke(main, ["stats", "--store", str(corpus_store)]).output
    assert "documents" in table and "hedged only" in table


def test_claims_of_document_by_path_suffix(runner, corpus_store):
    out = run(runner, corpus_store, "--name", "claims-of-document", "-p", "document=rumour-mill.md", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 4 and {r["title"] for r in rows} == {"Corrections and rumours"}
    out = run(runner, corpus_store, "--name", "claims-of-document", "-p", "document=mill.md", "--format", "csv")
    assert list(csv.DictReader(io.StringIO(out))) == []  # a suffix must start at a path separator


def test_fact_provenance_lists_every_fact_with_its_claims(runner, corpus_store):
    data = json.loads(run(runner, corpus_store, "--name", "fact-provenance", "--format", "json"))
    rows = data["results"]["bindings"]
    stats = json.loads(runner.invoke(main, ["stats", "--store", str(corpus_store), "--format", "json"]).output)
    assert len({r["fact"]["value"] for r in rows}) == stats["facts"] == 20  # dates and numbers included
    release = [r for r in rows if r["relation"]["value"] == "releasedOn"]
    assert {r["object"]["value"] for r in release} == {"2026-02-20", "2026-04-01"}
    assert all(r["sentence"]["value"] and r["published"]["value"] for r in rows)
