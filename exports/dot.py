"""Graphviz DOT export: colour and shape by class, hedged edges dashed, negated ones red.

Every identifier and label is a double-quoted DOT string: backslashes are
doubled, quotes escaped and control characters replaced, so no article text
can end a string early or turn into a Graphviz escape (``\\N``, ``\\l``) or
an HTML-like label.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from exports._select import Selection, as_graph, edge_records, node_record, one_line
from exports._style import NEGATED_COLOUR, style
from kg.errors import ExportError


def quote(text: str) -> str:
    """``text`` as a DOT double-quoted string."""
    text = one_line(str(text)).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"'


def generate_dot(graph_or_kg, *, selection: Selection | None = None, name: str = "siliconkg") -> Iterator[str]:
    """Yield the DOT text line by line.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", label='say "hi"', cls="Chip")
    >>> print("".join(generate_dot(g)))              # doctest: +NORMALIZE_WHITESPACE
    digraph "siliconkg" {
      graph [rankdir=LR, overlap=false, fontname="Helvetica"];
      node [style=filled, fontname="Helvetica", fontsize=10];
      edge [fontname="Helvetica", fontsize=8];
      "a" [label="say \\"hi\\"", shape=box, fillcolor="#f28e2b", tooltip="Chip"];
    }
    """
    graph = as_graph(graph_or_kg, selection)
    highlight = set(graph.graph.get("highlight") or [])
    yield f"digraph {quote(name)} {{\n"
    yield '  graph [rankdir=LR, overlap=false, fontname="Helvetica"];\n'
    yield '  node [style=filled, fontname="Helvetica", fontsize=10];\n'
    yield '  edge [fontname="Helvetica", fontsize=8];\n'
    for node in graph:
        record = node_record(graph, node)
        colour, _vis, shape = style(record["class"])
        extra = ", penwidth=3" if node in highlight else ""
        yield (f"  {quote(record['id'])} [label={quote(record['label'])}, shape={shape}, "
               f"fillcolor={quote(colour)}, tooltip={quote(record['class'])}{extra}];\n")
    for edge in edge_records(graph):
        attrs = [f"label={quote(edge['relation'])}", f"penwidth={1 + min(edge['support'], 5) * 0.5:g}"]
        if edge["modality"] == "hedged":
            attrs.append("style=dashed")
        elif edge["modality"] in ("negated", "hypothetical"):
            attrs += ["style=dotted", f"color={quote(NEGATED_COLOUR)}", f"fontcolor={quote(NEGATED_COLOUR)}"]
        yield f"  {quote(edge['source'])} -> {quote(edge['target'])} [{', '.join(attrs)}];\n"
    yield "}\n"


def write_dot(graph_or_kg, path: str | os.PathLike, *, selection: Selection | None = None) -> None:
    """Write the projected graph as a Graphviz DOT file (render it with ``dot -Tsvg``).

    Parameters
    ----------
    graph_or_kg : kg.KnowledgeGraph or networkx.MultiDiGraph
    path : the file to write
    selection : focus, path, relations, as-of and modality options (stores only)
    """
    try:
        with open(path, "w", encoding="utf-8") as out:
            out.writelines(generate_dot(graph_or_kg, selection=selection))
    except OSError as err:
        raise ExportError(f"cannot write {path}: {err}") from err
