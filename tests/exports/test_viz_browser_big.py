"""A page above the physics limit in headless Chromium: Python's layout, physics off, labels on demand."""

from __future__ import annotations

import os

import networkx as nx
import pytest

pytestmark = pytest.mark.browser
sync_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


def test_big_page_is_static_and_clickable(tmp_path):
    if not os.path.exists(CHROMIUM):
        pytest.skip("Debian chromium not installed")
    from exports.pyvis_html import PHYSICS_LIMIT, write_pyvis_html

    graph = nx.MultiDiGraph()
    n = PHYSICS_LIMIT + 300
    for i in range(n):
        graph.add_node(f"n{i}", label=f"Entity {i}", cls=("AIModel", "Chip", "Foundry")[i % 3], aliases=[])
    for i in range(1, n):
        graph.add_edge(f"n{i}", f"n{i // 3}", key="runsOn", predicate="runsOn", modality="asserted", support=1,
                       evidence=[{"sentence": f"Sentence {i}.", "modality": "asserted", "document": "d",
                                  "title": "T", "publisher": "P", "published": "2026-01-01"}], documents=["d"])
    out = tmp_path / "big.html"
    write_pyvis_html(graph, out)
    requests = []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file://")
                   else (requests.append(route.request.url), route.abort()))
        page.goto(out.as_uri())
        page.wait_for_selector("body[data-ready='1']", timeout=60_000)
        assert page.evaluate("network.physics.physicsEnabled") is False
        before = page.evaluate("JSON.stringify(network.getPositions(['0', 1, 2]))")
        page.wait_for_timeout(300)
        assert page.evaluate("JSON.stringify(network.getPositions(['0', 1, 2]))") == before  # nothing moves
        hub = page.evaluate("window.kgViz.find('Entity 1')[0]")
        page.evaluate("(id) => network.focus(Number(id), {scale: 2, animation: false})", hub)
        position = page.evaluate("(id) => window.kgViz.position(id)", hub)
        box = page.locator("#mynetwork canvas").bounding_box()
        page.mouse.click(box["x"] + position["x"], box["y"] + position["y"])
        assert page.inner_text("#kg-panel h3") == "Entity 1"
        labels = page.evaluate("network.body.data.edges.get().filter(e => e.label).map(e => e.label)")
        assert labels == ["runsOn"] * 4  # Entity 1 -> Entity 0, and Entities 3, 4, 5 -> Entity 1
        browser.close()
    assert requests == []
