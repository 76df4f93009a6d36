"""Every registered exporter writes the hostile document so that its consumer reads it back as plain data.

The corpus' hostile document carries HTML (``<img src=x onerror=...>``), a
``</script>``, the word href, quotes, backticks, spreadsheet formulas and
control characters in its title, publisher, an entity label, an alias and
its evidence sentence. A format without a check here fails the test, so a
new exporter cannot skip it.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest

from exports._select import one_line, xml_safe
from exports.registry import get, names

EVIDENCE = "https://w3id.org/siliconkg/ontology#evidence"
LABEL = "http://www.w3.org/2004/02/skos/core#prefLabel"


def _rdf(fmt):
    def check(out: Path, hostile):
        terms = {(q.predicate.value, q.object.value) for q in ox.parse(path=str(out), format=fmt)}
        if fmt != ox.RdfFormat.RDF_XML:  # RDF/XML holds facts and labels only, no evidence
            assert (EVIDENCE, hostile["sentence"]) in terms  # control characters and all, unchanged
            assert ("http://purl.org/dc/terms/title", hostile["title"]) in terms
        assert (LABEL, hostile["chip"]) in terms
    return check


def _graphml(out: Path, hostile):
    graph = nx.read_graphml(out)
    chip = next(d for _n, d in graph.nodes(data=True) if d["label"] == hostile["chip"])
    assert chip["aliases"] == hostile["alias"]
    evidence = {d["evidence"] for *_e, d in graph.edges(data=True)}
    assert xml_safe(hostile["sentence"]) in evidence


def _gexf(out: Path, hostile):
    graph = nx.read_gexf(out)
    assert hostile["chip"] in {d["label"] for _n, d in graph.nodes(data=True)}
    assert xml_safe(hostile["sentence"]) in {d["evidence"] for *_e, d in graph.edges(data=True)}


def _cytoscape(out: Path, hostile):
    document = json.loads(out.read_text(encoding="utf-8"))
    chip = next(n["data"] for n in document["elements"]["nodes"] if n["data"]["name"] == hostile["chip"])
    assert chip["aliases"] == [hostile["alias"]]
    sentences = {ev["sentence"] for e in document["elements"]["edges"] for ev in e["data"]["evidence"]}
    assert hostile["sentence"] in sentences


def _neo4j(out: Path, hostile):
    with open(out / "nodes" / "Chip.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {"name": hostile["chip"], "aliases:string[]": hostile["alias"]}.items() <= next(
        r for r in rows if r["name"] == hostile["chip"]).items()
    script = (out / "import.cypher").read_text(encoding="utf-8")
    assert all(line.endswith(";") for line in script.splitlines() if line and not line.startswith("//"))
    assert "`Vex" not in script  # the label is a value, never an identifier


def _dot(out: Path, hostile):
    if shutil.which("dot") is None:
        pytest.skip("Debian graphviz (dot) not installed")
    result = subprocess.run(["dot", "-Tsvg", str(out)], capture_output=True, timeout=60)
    assert result.returncode == 0 and not result.stderr, result.stderr.decode()
    svg = ET.fromstring(result.stdout)
    texts = {"".join(t.itertext()) for t in svg.iter("{http://www.w3.org/2000/svg}text")}
    assert hostile["chip"] in texts
    assert not list(svg.iter("{http://www.w3.org/2000/svg}image"))


def _csv(out: Path, hostile):
    with open(out, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    hostile_row = next(r for r in rows if r[1] == hostile["chip"])
    assert hostile_row[-1].startswith("'=HYPERLINK(")
    assert hostile["sentence"] in {r[-2] for r in rows}


def _html(out: Path, hostile):
    page = out.read_text(encoding="utf-8")
    assert hostile["payload"] not in page and "<b>bold</b>" not in page
    assert "</script><script>window.__pwned" not in page
    data = json.loads(re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S).group(1))
    assert hostile["chip"] in {n["label"] for n in data["nodes"].values()}
    evidence = [ev for e in data["edges"].values() for ev in e["evidence"]]
    assert hostile["sentence"] in {ev["sentence"] for ev in evidence}
    assert any(hostile["title"] in ev["source"] for ev in evidence)


CHECKS = {
    "turtle": _rdf(ox.RdfFormat.TURTLE), "ntriples": _rdf(ox.RdfFormat.N_TRIPLES),
    "nquads": _rdf(ox.RdfFormat.N_QUADS), "trig": _rdf(ox.RdfFormat.TRIG), "jsonld": _rdf(ox.RdfFormat.JSON_LD),
    "rdfxml": _rdf(ox.RdfFormat.RDF_XML), "graphml": _graphml, "gexf": _gexf, "cytoscape": _cytoscape,
    "neo4j": _neo4j, "dot": _dot, "csv": _csv, "html": _html,
}


@pytest.mark.parametrize("fmt", names())
def test_hostile_text_survives_as_data(fmt, kg_store, tmp_path, hostile):
    spec = get(fmt)
    out = tmp_path / f"out{spec.suffix}"
    spec.write(kg_store, out)
    assert fmt in CHECKS, f"exporter {fmt!r} has no hostile-text check: add one to CHECKS"
    CHECKS[fmt](out, hostile)


def test_cleaning_helpers():
    assert xml_safe("a\x00b\x07c\td\ne\ufffe\r\nf\rg") == "abc\td\ne\nf\ng"
    assert one_line("a\nb\tc\x1bd") == "a b c d"
