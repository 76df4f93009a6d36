"""The Neo4j export loads into an embedded Cypher database (ladybug), from the CSV files and from the script.

The schema each test creates is read from the export itself: one node table
per node file (its label), one relationship table per relation type with one
FROM/TO pair per relationship file, columns and types from the CSV headers.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

import pytest

import exports

ladybug = pytest.importorskip("ladybug")

_TYPES = {"int": "INT64", "string[]": "STRING", "": "STRING", "ID": "STRING"}
USES = ("trainedOn", "preTrainedOn", "postTrainedOn", "runsOn", "usesHardware")


def chain_query(relations) -> str:
    """Zephyr-2 -> chip -> foundry, over the usage relations the export has tables for."""
    uses = "|".join(r for r in USES if r in relations)
    return (f"MATCH (m:AIModel {{name: 'Zephyr-2'}})-[:{uses}]->(c:Chip)-[:fabbedBy]->(f:Foundry) "
            "RETURN DISTINCT m.name, c.name, f.name")


def reach_query(relations) -> str:
    """Everything Zephyr-2 depends on, transitively, over the dependency relations (kg deps' default set)."""
    followed = "|".join(r for r in (*USES, "developedBy", "fabbedBy", "designedBy", "usesMemory",
                                    "memorySuppliedBy", "variantOf", "fundedBy") if r in relations)
    return f"MATCH (m:AIModel {{name: 'Zephyr-2'}})-[:{followed}*1..8]->(x) RETURN DISTINCT x.name"


def _header(path: Path) -> list[str]:
    with open(path, newline="", encoding="utf-8") as handle:
        return next(csv.reader(handle))


def _column(spec: str, *, lists: bool) -> tuple[str, str]:
    name, _, kind = spec.partition(":")
    if lists and kind == "string[]":
        return name, "STRING[]"
    return name, _TYPES[kind]


def _schema(out: Path, connection, *, lists: bool) -> dict[str, list[tuple[str, str, Path]]]:
    for path in sorted((out / "nodes").glob("*.csv")):
        columns = [_column(c, lists=lists) for c in _header(path)]
        body = ", ".join(f"`{n}` {t}" for n, t in columns)
        connection.execute(f"CREATE NODE TABLE `{path.stem}`({body}, PRIMARY KEY(`{columns[0][0]}`))")
    pairs: dict[str, list[tuple[str, str, Path]]] = defaultdict(list)
    for path in sorted((out / "relationships").glob("*.csv")):
        relation, source, target = path.stem.split("__")
        pairs[relation].append((source, target, path))
    for relation, files in pairs.items():
        columns = [_column(c, lists=lists) for c in _header(files[0][2])[2:]]
        ends = ", ".join(f"FROM `{s}` TO `{t}`" for s, t, _p in files)
        body = ", ".join(f"`{n}` {t}" for n, t in columns)
        connection.execute(f"CREATE REL TABLE `{relation}`({ends}, {body})")
    return pairs


def _rows(connection, query: str) -> list[list]:
    result = connection.execute(query)
    rows = []
    while result.has_next():
        rows.append(result.get_next())
    return rows


@pytest.fixture
def neo4j_dir(kg_store, tmp_path) -> Path:
    out = tmp_path / "neo4j"
    exports.write_neo4j(kg_store, out)
    return out


def test_csv_files_load_and_give_what_kg_deps_finds(neo4j_dir, kg_store, tmp_path, hostile, deps_reference):
    connection = ladybug.Connection(ladybug.Database(str(tmp_path / "csv.lbug")))
    pairs = _schema(neo4j_dir, connection, lists=False)
    for path in sorted((neo4j_dir / "nodes").glob("*.csv")):
        connection.execute(f"COPY `{path.stem}` FROM '{path}' (header=true)")
    for relation, files in pairs.items():
        for source, target, path in files:
            connection.execute(f"COPY `{relation}` FROM '{path}' (from='{source}', to='{target}', header=true)")
    chains, dependencies = deps_reference(kg_store)
    assert {tuple(r) for r in _rows(connection, chain_query(pairs))} == chains == {
        ("Zephyr-2", "Quill X1", "Harbor Foundry"), ("Zephyr-2", "Tern 3", "Harbor Foundry")}
    assert {r[0] for r in _rows(connection, reach_query(pairs))} == dependencies
    chip = _rows(connection, "MATCH (c:Chip) WHERE c.iri ENDS WITH 'vex-9-b-bold-b' RETURN c.name, c.aliases")
    assert chip == [[hostile["chip"], hostile["alias"]]]
    support = _rows(connection, "MATCH (:Chip {name: 'Quill X1'})-[e:fabbedBy]->(:Foundry) RETURN e.support, e.sources")
    assert support[0][0] == 2 and support[0][1].count(";") == 1


def test_cypher_script_loads_and_gives_what_kg_deps_finds(neo4j_dir, kg_store, tmp_path, hostile, deps_reference):
    connection = ladybug.Connection(ladybug.Database(str(tmp_path / "cypher.lbug")))
    pairs = _schema(neo4j_dir, connection, lists=True)
    statements = 0
    for line in (neo4j_dir / "import.cypher").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("//") or line.startswith("CREATE CONSTRAINT"):
            continue  # ladybug declares keys in its schema instead of constraints
        connection.execute(line)
        statements += 1
    assert statements == 16  # 8 nodes, 8 relationships
    chains, dependencies = deps_reference(kg_store)
    assert {tuple(r) for r in _rows(connection, chain_query(pairs))} == chains
    assert {r[0] for r in _rows(connection, reach_query(pairs))} == dependencies
    chip = _rows(connection, "MATCH (c:Chip)-[e:fabbedBy]->(:Foundry) WHERE c.iri ENDS WITH 'vex-9-b-bold-b' "
                             "RETURN c.name, c.aliases, e.evidence")
    assert chip[0][0] == hostile["chip"] and chip[0][1] == [hostile["alias"]]
    assert "</script>" in chip[0][2] and '"javascript:alert(4)"' in chip[0][2]


def test_labels_and_types_are_backtick_quoted():
    from exports.neo4j import quote_name, quote_string

    assert quote_name("a`b") == "`a``b`"
    assert quote_string('say "hi" \\ \'x\'\nnext') == '"say \\"hi\\" \\\\ \\\'x\\\' next"'


def test_admin_command_lists_every_file(neo4j_dir):
    script = (neo4j_dir / "neo4j-admin-import.sh").read_text(encoding="utf-8")
    for path in [*neo4j_dir.glob("nodes/*.csv"), *neo4j_dir.glob("relationships/*.csv")]:
        assert str(path.relative_to(neo4j_dir)) in script
    assert "--nodes=Chip=nodes/Chip.csv" in script and "--relationships=fabbedBy=" in script
