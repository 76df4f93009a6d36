"""How fast a 5,000-node ``kg viz`` page becomes interactive in headless Chromium.

Builds a synthetic projected graph shaped like the real one (models -> chips
-> foundries / memory, labs, investors; power-law degrees; 1-3 evidence
sentences per edge), writes the page with ``exports.write_pyvis_html``, opens
it in Debian's Chromium with every non-file request aborted, and measures:

* ``generate_s``  Python: projection-free page generation (layout included)
* ``interactive_s``  browser: from navigation until the page is drawn and ready
  (``body[data-ready]``, set on vis-network's first ``afterDrawing``)
* ``select_s``  then: searching a node by name, selecting it and filling the
  evidence panel
* ``click_s``  a real mouse click on a node until the panel shows it

Usage::

    .venv/bin/python benchmarks/bench_viz.py [--nodes 5000] [--runs 3] [--json out.json]

Prints the medians; see benchmarks/README.md for the bound the page must meet.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
#: The bound stated in benchmarks/README.md: a 5,000-node page is interactive within this many seconds.
BOUND_S = 10.0

_CLASSES = (("AIModel", 0.40), ("Chip", 0.25), ("Lab", 0.10), ("Foundry", 0.03), ("MemoryVendor", 0.03),
            ("MemoryTechnology", 0.04), ("Investor", 0.10), ("CloudProvider", 0.05))
_RELATIONS = {("AIModel", "Chip"): ("trainedOn", "runsOn"), ("Chip", "Foundry"): ("fabbedBy",),
              ("AIModel", "Lab"): ("developedBy",), ("Chip", "MemoryTechnology"): ("usesMemory",),
              ("MemoryTechnology", "MemoryVendor"): ("memorySuppliedBy",), ("Lab", "Investor"): ("fundedBy",),
              ("AIModel", "CloudProvider"): ("runsOn",)}


def synthetic_graph(n: int, *, seed: int = 1) -> nx.MultiDiGraph:
    """A projected-graph look-alike with ``n`` nodes and about 1.6 edges per node."""
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    by_class: dict[str, list[str]] = {}
    for i in range(n):
        cls = rng.choices([c for c, _w in _CLASSES], weights=[w for _c, w in _CLASSES])[0]
        node = f"https://w3id.org/siliconkg/entity/synthetic-{i}"
        graph.add_node(node, iri=node, label=f"{cls} {i}", cls=cls, aliases=[f"{cls[:2].upper()}{i}"],
                       attributes={}, dates={})
        by_class.setdefault(cls, []).append(node)
    pairs = list(_RELATIONS)
    for node, data in list(graph.nodes(data=True)):
        for source_cls, target_cls in pairs:
            if data["cls"] != source_cls or not by_class.get(target_cls):
                continue
            targets = by_class[target_cls]
            for _ in range(rng.choice((1, 1, 1, 2))):
                # preferential: low indices are the popular chips / foundries
                target = targets[min(int(rng.paretovariate(1.2)) - 1, len(targets) - 1)]
                relation = rng.choice(_RELATIONS[(source_cls, target_cls)])
                support = rng.choice((1, 1, 1, 2, 3, 5))
                modality = rng.choices(("asserted", "hedged", "negated"), weights=(85, 10, 5))[0]
                month = rng.randint(1, 12)
                evidence = [{"sentence": f"A sentence of about this length says {data['label']} {relation} "
                                         f"{graph.nodes[target]['label']}, according to a report number {k}.",
                             "modality": modality, "document": f"https://w3id.org/siliconkg/doc/{rng.getrandbits(64):x}",
                             "title": f"Report {k}", "publisher": "Synthetic Wire", "published": f"2026-{month:02d}-01",
                             "attributed_to": []} for k in range(min(support, 3))]
                graph.add_edge(node, target, key=relation, predicate=relation, modality=modality,
                               support=0 if modality == "negated" else support,
                               asserted=support, hedged=0, negated=0, hypothetical=0,
                               documents=[e["document"] for e in evidence],
                               first_seen=f"2026-{month:02d}-01", last_seen=f"2026-{month:02d}-01", evidence=evidence)
    return graph


def measure(page_path: Path, *, target_label: str) -> dict:
    """Open the page once; return the browser timings and the requests it attempted."""
    from playwright.sync_api import sync_playwright

    requests: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file://")
                   else (requests.append(route.request.url), route.abort()))
        start = time.perf_counter()
        page.goto(page_path.as_uri(), wait_until="load", timeout=120_000)
        page.wait_for_selector("body[data-ready='1']", timeout=120_000)
        interactive = time.perf_counter() - start
        start = time.perf_counter()
        page.fill("#kg-search", target_label)
        page.press("#kg-search", "Enter")
        page.wait_for_function("(label) => document.querySelector('#kg-panel h3')?.textContent === label",
                               arg=target_label, timeout=60_000)
        select = time.perf_counter() - start
        # a real click on a neighbour of the hub that is not covered by another node
        other = page.evaluate("""() => {
            for (const id of network.getConnectedNodes(network.getSelectedNodes()[0]).slice(0, 200)) {
                network.focus(id, {scale: 1.5, animation: false});
                if (network.getNodeAt(window.kgViz.position(id)) === id) return id;
            }
            return null; }""")
        click = None
        if other is not None:
            position = page.evaluate("(id) => window.kgViz.position(id)", other)
            box = page.locator("#mynetwork canvas").bounding_box()
            start = time.perf_counter()
            page.mouse.click(box["x"] + position["x"], box["y"] + position["y"])
            page.wait_for_function("(id) => document.querySelector('#kg-panel').dataset.id === String(id)",
                                   arg=other, timeout=60_000)
            click = time.perf_counter() - start
        nodes = page.evaluate("network.body.data.nodes.length")
        browser.close()
    return {"interactive_s": interactive, "select_s": select, "click_s": click, "nodes": nodes,
            "requests": requests}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path, default=None, help="also write the results here")
    args = parser.parse_args(argv)

    from exports.pyvis_html import write_pyvis_html

    graph = synthetic_graph(args.nodes)
    hub = max(graph.degree, key=lambda item: item[1])[0]
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "graph.html"
        for _run in range(args.runs):
            start = time.perf_counter()
            write_pyvis_html(graph, out, title="bench")
            generate = time.perf_counter() - start
            timing = measure(out, target_label=graph.nodes[hub]["label"])
            timing["generate_s"] = generate
            timing["bytes"] = out.stat().st_size
            results.append(timing)
            print(json.dumps({k: (round(v, 3) if isinstance(v, float) else v) for k, v in timing.items()}),
                  file=sys.stderr)
    summary = {
        "nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(), "runs": args.runs,
        "page_mb": round(results[0]["bytes"] / 1e6, 2),
        **{key: round(statistics.median(r[key] for r in results if r[key] is not None), 3)
           for key in ("generate_s", "interactive_s", "select_s", "click_s")},
        "requests_attempted": sum(len(r["requests"]) for r in results),
        "bound_interactive_s": BOUND_S,
    }
    print(json.dumps(summary, indent=1))
    if args.json:
        args.json.write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")
    ok = summary["interactive_s"] <= BOUND_S and summary["requests_attempted"] == 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
