"""CSV export: one row per edge, with its evidence counts and top evidence.

Spreadsheets run a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or
a carriage return as a formula; such text cells get a leading apostrophe
(OWASP's advice), so they show as text. Numbers stay numbers.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator

from exports._select import Selection, as_graph, edge_records, node_record, source_label

from kg.errors import ExportError

COLUMNS = (
    "source", "source_label", "source_class", "relation", "target", "target_label", "target_class",
    "modality", "support", "asserted", "hedged", "negated", "hypothetical", "documents",
    "first_seen", "last_seen", "top_evidence", "top_evidence_source",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """A cell value a spreadsheet will not run: text starting like a formula gets a leading ``'``."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def generate_csv(graph_or_kg, *, selection: Selection | None = None) -> Iterator[list]:
    """Yield the header, then one row per edge (values already neutralised)."""
    graph = as_graph(graph_or_kg, selection)
    yield list(COLUMNS)
    nodes = {n: node_record(graph, n) for n in graph}
    for edge in edge_records(graph):
        top = edge["evidence"][0] if edge["evidence"] else None
        source, target = nodes[edge["source"]], nodes[edge["target"]]
        row = [edge["source"], source["label"], source["class"], edge["relation"], edge["target"],
               target["label"], target["class"], edge["modality"], edge["support"], edge["asserted"],
               edge["hedged"], edge["negated"], edge["hypothetical"], len(edge["documents"]),
               edge["first_seen"] or "", edge["last_seen"] or "",
               (top or {}).get("sentence") or "", source_label(top) if top else ""]
        yield [neutralise(v) for v in row]


def write_csv(graph_or_kg, path: str | os.PathLike, *, selection: Selection | None = None) -> None:
    """Write the edge list as CSV (UTF-8, RFC 4180 quoting).

    Parameters
    ----------
    graph_or_kg : kg.KnowledgeGraph or networkx.MultiDiGraph
    path : the file to write
    selection : focus, path, relations, as-of and modality options (stores only)
    """
    try:
        with open(path, "w", encoding="utf-8", newline="") as out:
            csv.writer(out).writerows(generate_csv(graph_or_kg, selection=selection))
    except OSError as err:
        raise ExportError(f"cannot write {path}: {err}") from err
