"""Neo4j export: a Cypher script and the CSV files ``neo4j-admin database import`` reads.

``write_neo4j(graph_or_kg, directory)`` writes::

    directory/import.cypher               CREATE statements (cypher-shell -f import.cypher)
    directory/nodes/<Class>.csv           one file per entity class (its Neo4j label)
    directory/relationships/<relation>__<FromClass>__<ToClass>.csv
                                          one file per relation type and class pair
    directory/neo4j-admin-import.sh       the neo4j-admin command that loads the CSV files

Node labels are entity classes (``Chip``, ``Foundry`` ...), relationship types
are relations (``fabbedBy`` ...). In Cypher, labels and types are
backtick-quoted with backticks doubled and values are double-quoted strings
with backslashes and quotes escaped; control characters become spaces. The
CSV files use RFC 4180 quoting (``"`` doubled), ``;`` between array elements
(a ``;`` inside an element becomes ``,``) and one line per record.
"""

from __future__ import annotations

import csv
import os
import re
import shlex
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from exports._select import Selection, as_graph, edge_records, node_record, one_line
from kg.errors import ExportError

NODE_COLUMNS = ("iri:ID", "name", "class", "aliases:string[]")
REL_COLUMNS = (":START_ID", ":END_ID", "modality", "support:int", "asserted:int", "hedged:int", "negated:int",
               "hypothetical:int", "documents:string[]", "sources:string[]", "first_seen", "last_seen", "evidence")


def quote_name(name: str) -> str:
    """A label, relationship type or property name as a backtick-quoted Cypher identifier."""
    return "`" + one_line(str(name)).replace("`", "``") + "`"


def quote_string(value: str) -> str:
    """A Cypher string literal (double-quoted, backslashes and quotes escaped, controls as spaces)."""
    text = one_line(str(value)).replace("\\", "\\\\").replace('"', '\\"').replace("'", "\\'")
    return f'"{text}"'


def _value(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    return quote_string(value)


def _map(properties: dict) -> str:
    return "{" + ", ".join(f"{key}: {_value(value)}" for key, value in properties.items()) + "}"


def _file_part(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "_", name) or "_"


def _records(graph):
    nodes = {n: node_record(graph, n) for n in graph}
    edges = []
    for edge in edge_records(graph):
        top = edge["evidence"][0] if edge["evidence"] else {}
        edges.append({
            "source": edge["source"], "target": edge["target"], "relation": edge["relation"],
            "from": nodes[edge["source"]]["class"], "to": nodes[edge["target"]]["class"],
            "properties": {
                "modality": edge["modality"], "support": edge["support"], "asserted": edge["asserted"],
                "hedged": edge["hedged"], "negated": edge["negated"], "hypothetical": edge["hypothetical"],
                "documents": edge["documents"], "sources": edge["sources"],
                "first_seen": edge["first_seen"], "last_seen": edge["last_seen"],
                "evidence": top.get("sentence"),
            }})
    return nodes, edges


def generate_cypher(graph_or_kg, *, selection: Selection | None = None) -> Iterator[str]:
    """Yield the Cypher statements (one per line, each ending with ``;``)."""
    graph = as_graph(graph_or_kg, selection)
    nodes, edges = _records(graph)
    yield "// siliconkg graph for Neo4j: cypher-shell -f import.cypher\n"
    for cls in sorted({r["class"] for r in nodes.values()}):
        yield (f"CREATE CONSTRAINT {quote_name(cls + '_iri')} IF NOT EXISTS "
               f"FOR (n:{quote_name(cls)}) REQUIRE n.iri IS UNIQUE;\n")
    for record in nodes.values():
        props = {"iri": record["iri"], "name": record["label"], "class": record["class"],
                 "aliases": record["aliases"]}
        yield f"CREATE (:{quote_name(record['class'])} {_map(props)});\n"
    for edge in edges:
        yield (f"MATCH (a:{quote_name(edge['from'])} {{iri: {quote_string(edge['source'])}}}), "
               f"(b:{quote_name(edge['to'])} {{iri: {quote_string(edge['target'])}}}) "
               f"CREATE (a)-[:{quote_name(edge['relation'])} {_map(edge['properties'])}]->(b);\n")


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ";".join(one_line(str(v)).replace(";", ",") for v in value)
    if isinstance(value, str):
        return one_line(value)
    return value


def write_neo4j(graph_or_kg, path: str | os.PathLike, *, selection: Selection | None = None,
                database: str = "neo4j") -> None:
    """Write the Cypher script, the import CSV files and the neo4j-admin command into directory ``path``.

    Parameters
    ----------
    graph_or_kg : kg.KnowledgeGraph or networkx.MultiDiGraph
    path : a directory (created if missing)
    selection : focus, path, relations, as-of and modality options (stores only)
    database : the database name in the neo4j-admin command
    """
    graph = as_graph(graph_or_kg, selection)
    out = Path(path)
    if out.exists() and not out.is_dir():
        raise ExportError(f"{out} is a file; the neo4j export writes a directory: pass a directory name")
    nodes, edges = _records(graph)
    try:
        (out / "nodes").mkdir(parents=True, exist_ok=True)
        (out / "relationships").mkdir(parents=True, exist_ok=True)
        with open(out / "import.cypher", "w", encoding="utf-8") as script:
            script.writelines(generate_cypher(graph))
        by_class: dict[str, list] = defaultdict(list)
        for record in nodes.values():
            by_class[record["class"]].append(record)
        arguments = []
        for cls, records in sorted(by_class.items()):
            name = f"nodes/{_file_part(cls)}.csv"
            with open(out / name, "w", encoding="utf-8", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(NODE_COLUMNS)
                for r in records:
                    writer.writerow([_cell(r["iri"]), _cell(r["label"]), _cell(r["class"]), _cell(r["aliases"])])
            arguments.append(f"--nodes={cls}={name}")
        by_type: dict[tuple[str, str, str], list] = defaultdict(list)
        for edge in edges:
            by_type[(edge["relation"], edge["from"], edge["to"])].append(edge)
        for (relation, source_cls, target_cls), rows in sorted(by_type.items()):
            name = f"relationships/{_file_part(relation)}__{_file_part(source_cls)}__{_file_part(target_cls)}.csv"
            with open(out / name, "w", encoding="utf-8", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(REL_COLUMNS)
                for edge in rows:
                    p = edge["properties"]
                    writer.writerow([_cell(edge["source"]), _cell(edge["target"])] + [
                        _cell(p[key]) for key in ("modality", "support", "asserted", "hedged", "negated",
                                                  "hypothetical", "documents", "sources", "first_seen",
                                                  "last_seen", "evidence")])
            arguments.append(f"--relationships={relation}={name}")
        command = ["neo4j-admin", "database", "import", "full", "--array-delimiter=;",
                   "--multiline-fields=false", *arguments, database]
        with open(out / "neo4j-admin-import.sh", "w", encoding="utf-8") as sh:
            sh.write("#!/bin/sh\n# Load the CSV files into an empty Neo4j database (run from this directory).\n")
            sh.write("set -e\ncd \"$(dirname \"$0\")\"\n")
            sh.write(" \\\n  ".join(shlex.quote(a) for a in command) + "\n")
    except OSError as err:
        raise ExportError(f"cannot write the Neo4j export into {out}: {err}") from err
