"""The interactive page of ``kg viz``: pyvis (vis-network) with a legend, filters, search and an evidence panel.

The page is one self-contained HTML file: vis-network's JavaScript and CSS
are inlined from the pyvis package, the external Bootstrap links pyvis adds
are removed, and a Content-Security-Policy forbids every request (``connect``,
``img``, ``font`` ...) and every script but the page's own (by hash), so an
inline event handler smuggled into the page could not run either.

Article text is never HTML here: labels are drawn on the canvas, node and
edge data travel as JSON with ``<``, ``>`` and ``&`` escaped, and the side
panel fills itself with ``textContent``. Nodes carry no pyvis ``title``
(pyvis switches tooltips to ``innerHTML`` when a title contains "href").

Above :data:`PHYSICS_LIMIT` nodes the layout is computed in Python and
physics stays off, so a 5,000-node page is interactive as soon as it is drawn;
edge labels then appear for the relations of the entity or relation clicked
(all 10,000 labels at once cost about a second per frame).
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import html
import json
import math
import os
import re
from collections import Counter, defaultdict
from importlib import resources

from exports._layout import layout
from exports._select import EVERYTHING, Selection, edge_records, is_graph, node_record, source_label
from exports._style import EDGE_COLOUR, HIGHLIGHT_COLOUR, NEGATED_COLOUR, SHAPE_GLYPH, style
from kg.errors import ExportError

#: Up to this many nodes the browser lays the graph out with physics; above it Python does.
PHYSICS_LIMIT = 300

_EXTERNAL_TAG = re.compile(
    r"<link\b[^>]*\bhref=\"https?://[^\"]*\"[^>]*>|<script\b[^>]*\bsrc=\"[^\"]*\"[^>]*>\s*</script>", re.I | re.S)
_HEADING = re.compile(r"<center>\s*<h1>.*?</h1>\s*</center>", re.S)
_COMMENTED_LINKS = re.compile(r"<!--\s*<link\b.*?-->", re.S)
_INLINE_SCRIPT = re.compile(r"<script(?:\s+type=\"text/javascript\")?>(.*?)</script>", re.S)


def _json_for_html(value) -> str:
    """JSON that is safe inside a ``<script>`` element (no ``<``, ``>``, ``&`` or line separators)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                          ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text


def _static(name: str) -> str:
    return resources.files("exports").joinpath("static", name).read_text(encoding="utf-8")


def _page_data(graph, *, show_negated: bool, physics: bool, max_evidence: int, edge_labels: bool = True):
    """vis-network nodes and edges (no article text but labels) and the panel's data."""
    ids = {node: number for number, node in enumerate(graph)}
    highlight = set(graph.graph.get("highlight") or [])
    positions = layout(graph)
    degree = dict(graph.degree())
    vis_nodes, panel_nodes, classes = [], {}, Counter()
    for node, number in ids.items():
        record = node_record(graph, node)
        colour, shape, _dot = style(record["class"])
        classes[record["class"]] += 1
        x, y = positions[node]
        vis = {"id": number, "label": record["label"], "shape": shape, "x": round(x, 1), "y": round(y, 1),
               "size": round(8 + 3 * math.log2(1 + degree.get(node, 0)), 1),
               "color": {"background": colour, "border": "#333333",
                         "highlight": {"background": colour, "border": HIGHLIGHT_COLOUR}}}
        if node in highlight:
            vis["borderWidth"] = 4
            vis["color"]["border"] = HIGHLIGHT_COLOUR
            vis["font"] = {"size": 18}
        vis_nodes.append(vis)
        values = {k: [str(v) for v in vs] for k, vs in {**record["attributes"], **record["dates"]}.items()}
        panel_nodes[number] = {"label": record["label"], "cls": record["class"], "aliases": record["aliases"],
                               "iri": record["iri"], "values": values}
    vis_edges, panel_edges, relations = [], {}, set()
    parallel: dict[tuple, int] = defaultdict(int)
    for number, edge in enumerate(edge_records(graph)):
        a, b = ids[edge["source"]], ids[edge["target"]]
        pair = (min(a, b), max(a, b))
        nth = parallel[pair]
        parallel[pair] += 1
        negated = edge["modality"] in ("negated", "hypothetical")
        relations.add(edge["relation"])
        vis = {"id": number, "from": a, "to": b, "label": edge["relation"] if edge_labels else "",
               "width": round(1 + 1.5 * math.log2(1 + edge["support"]), 2),
               "dashes": edge["modality"] == "hedged", "hidden": negated and not show_negated}
        if negated:
            vis["color"] = {"color": NEGATED_COLOUR, "highlight": NEGATED_COLOUR}
            vis["font"] = {"color": NEGATED_COLOUR}
        if nth:
            vis["smooth"] = {"enabled": True, "type": "curvedCW" if nth % 2 else "curvedCCW",
                             "roundness": 0.2 * ((nth + 1) // 2)}
        if edge["source"] in highlight and edge["target"] in highlight and len(highlight) > 1:
            vis["width"] = vis["width"] + 2
            vis["color"] = {"color": HIGHLIGHT_COLOUR, "highlight": HIGHLIGHT_COLOUR}
        vis_edges.append(vis)
        panel_edges[number] = {
            "from": a, "to": b, "relation": edge["relation"], "modality": edge["modality"],
            "support": edge["support"], "asserted": edge["asserted"], "hedged": edge["hedged"],
            "negated": edge["negated"], "first_seen": edge["first_seen"], "last_seen": edge["last_seen"],
            "evidence": [{"sentence": e.get("sentence") or "", "modality": e.get("modality") or "",
                          "source": source_label(e), "document": str(e.get("document") or ""),
                          "attributed_to": [str(w) for w in e.get("attributed_to") or []]}
                         for e in edge["evidence"][:max_evidence]],
        }
    legend = [{"name": cls, "colour": style(cls)[0], "shape": style(cls)[1], "count": count,
               "glyph": SHAPE_GLYPH.get(style(cls)[1], "\u25cf")}
              for cls, count in sorted(classes.items())]
    panel = {"nodes": panel_nodes, "edges": panel_edges, "classes": legend, "relations": sorted(relations),
             "showNegated": show_negated, "physics": physics, "labelsOnDemand": not edge_labels,
             "nodeCount": len(vis_nodes),
             "edgeCount": len(vis_edges)}
    return vis_nodes, vis_edges, panel


def _options(*, physics: bool, big: bool) -> dict:
    stroke = 0 if big else 3  # outlined labels cost ~6x the drawing time of a 5,000-node frame
    return {
        "nodes": {"font": {"size": 14, "face": "sans-serif", "strokeWidth": stroke, "strokeColor": "#ffffff"},
                  "borderWidth": 1},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                  "font": {"size": 10, "align": "middle", "strokeWidth": stroke, "strokeColor": "#ffffff"},
                  "color": {"color": EDGE_COLOUR, "highlight": "#333333", "inherit": False},
                  "smooth": False if big else {"enabled": True, "type": "continuous"},
                  # re-styling a selected hub's edges re-measures every label: seconds per frame at 5,000 nodes
                  "chosen": not big},
        "physics": {"enabled": physics, "solver": "barnesHut",
                    "barnesHut": {"gravitationalConstant": -8000, "springLength": 140, "avoidOverlap": 0.2},
                    "stabilization": {"enabled": True, "iterations": 300, "fit": True}},
        "interaction": {"hover": False, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big, "tooltipDelay": 200,
                        "multiselect": False},
        "layout": {"improvedLayout": False},
    }


def _csp(page: str) -> str:
    hashes = sorted({"'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"
                     for body in _INLINE_SCRIPT.findall(page)})
    return ("default-src 'none'; script-src " + " ".join(hashes) + "; style-src 'unsafe-inline'; "
            "img-src data:; font-src 'none'; connect-src 'none'; frame-src 'none'; object-src 'none'; "
            "base-uri 'none'; form-action 'none'")


def generate_pyvis_html(graph_or_kg, *, selection: Selection | None = None, title: str = "siliconkg",
                        show_negated: bool | None = None, physics: bool | None = None,
                        max_evidence: int = 3) -> str:
    """The page as a string (see the module doc).

    Parameters
    ----------
    graph_or_kg : kg.KnowledgeGraph or networkx.MultiDiGraph
        a store (negated edges are always projected, hidden until the toggle) or a projected graph
    selection : focus, path, relations, as-of and modality options (stores only)
    title : the heading shown above the search box (text, never HTML)
    show_negated : start with negated edges shown (default: the selection's ``include_negated``)
    physics : lay out in the browser; default: only up to :data:`PHYSICS_LIMIT` nodes
    max_evidence : evidence sentences per edge in the panel

    Returns
    -------
    str
        the HTML document
    """
    from pyvis.network import Network

    if is_graph(graph_or_kg):
        if selection is not None and selection != EVERYTHING:
            raise ExportError("a selection applies to a store; the graph given is already projected")
        graph = graph_or_kg
        show_negated = bool(show_negated)
    else:
        selection = selection or EVERYTHING
        if show_negated is None:
            show_negated = selection.include_negated
        selection = dataclasses.replace(selection, include_negated=True, max_evidence=max(max_evidence, 1))
        graph = selection.project(graph_or_kg)
    if graph.number_of_nodes() == 0:  # nothing to stabilise
        physics = False
    elif physics is None:
        physics = graph.number_of_nodes() <= PHYSICS_LIMIT
    big = graph.number_of_nodes() > PHYSICS_LIMIT
    # big graphs label only the relations of the entity or relation clicked: drawing 10,000
    # edge labels costs a second per frame
    vis_nodes, vis_edges, panel = _page_data(graph, show_negated=show_negated, physics=physics,
                                             max_evidence=max_evidence, edge_labels=not big)
    net = Network(height="100vh", width="100%", directed=True, cdn_resources="in_line", heading="")
    net.nodes = vis_nodes  # filled directly: add_node checks a list per call (slow at 5,000 nodes)
    net.edges = vis_edges
    net.options = _options(physics=physics, big=big)
    page = net.generate_html()
    page = _EXTERNAL_TAG.sub("", page)
    page = _HEADING.sub("", page)
    page = _COMMENTED_LINKS.sub("", page)
    subtitle = graph.graph.get("selection") or "whole graph"
    side = f"""<div id="kg-side">
  <div id="kg-title">{html.escape(title)}</div>
  <div id="kg-subtitle">{html.escape(subtitle)}</div>
  <input id="kg-search" type="search" placeholder="Search entities and aliases" autocomplete="off" aria-label="search">
  <ul id="kg-results"></ul>
  <h2>Classes</h2><div id="kg-classes"></div>
  <h2>Relations</h2><div id="kg-relations"></div>
  <div class="kg-check"><span class="kg-line"></span>asserted <span class="kg-line dashed"></span>hedged
    <span class="kg-line negated"></span>negated</div>
  <label class="kg-check"><input id="kg-negated" type="checkbox">show negated claims (red)</label>
  <h2>Dates seen</h2>
  <div class="kg-dates"><span>from</span><input id="kg-from" type="date"><span>to</span><input id="kg-to" type="date"></div>
  <label class="kg-check"><input id="kg-undated" type="checkbox" checked>keep undated relations</label>
  <div id="kg-status"></div>
  <div id="kg-panel"><div class="kg-meta">Click an entity or a relation to see its evidence.</div></div>
</div>
<div id="kg-main">"""
    page = page.replace("<body>", "<body>\n" + side, 1)
    tail = (f'</div>\n<script type="application/json" id="kg-data">{_json_for_html(panel)}</script>\n'
            f"<script>{_static('viz.js')}</script>\n</body>")
    head, _sep, _rest = page.rpartition("</body>")
    page = head + tail + "\n</html>\n"
    page = page.replace("</head>", f"<style>{_static('viz.css')}</style>\n</head>", 1)
    if "<html>" in page:
        page = page.replace("<html>", '<!DOCTYPE html>\n<html lang="en">', 1)
    meta = (f'<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="{_csp(page)}">\n'
            f"<title>{html.escape(title)}</title>")
    page = page.replace('<meta charset="utf-8">', meta, 1)
    return page


def write_pyvis_html(graph_or_kg, path: str | os.PathLike, *, selection: Selection | None = None,
                     title: str = "siliconkg", show_negated: bool | None = None, physics: bool | None = None,
                     max_evidence: int = 3) -> None:
    """Write the interactive page (UTF-8) to ``path``; see :func:`generate_pyvis_html` for the options.

    Examples
    --------
    >>> import networkx as nx, tempfile, os
    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("a", "b", key="fabbedBy", predicate="fabbedBy", support=1)
    'fabbedBy'
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     write_pyvis_html(g, os.path.join(tmp, "graph.html"))
    """
    page = generate_pyvis_html(graph_or_kg, selection=selection, title=title, show_negated=show_negated,
                               physics=physics, max_evidence=max_evidence)
    try:
        with open(path, "w", encoding="utf-8") as out:
            out.write(page)
    except OSError as err:
        raise ExportError(f"cannot write {path}: {err}") from err
