"""A real headless Chromium drives the explorer: named query, graph, expand a node, read an edge's evidence."""

from __future__ import annotations

import shutil

import pytest

pytestmark = [pytest.mark.server, pytest.mark.browser, pytest.mark.slow]

CHROMIUM = "/usr/bin/chromium"
ENT = "https://w3id.org/siliconkg/entity/"


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    if not shutil.which(CHROMIUM):
        pytest.skip("Debian's chromium is not installed")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"])
        yield chromium
        chromium.close()


def _settled(page, *, nodes_at_least: int):
    page.wait_for_function(
        "n => window.kgExplorer && window.kgExplorer.busy === 0 && window.kgExplorer.stable"
        " && window.kgExplorer.nodes.length >= n", arg=nodes_at_least, timeout=30_000)


def _node_point(page, iri):
    return page.evaluate("""iri => {
        const net = window.kgExplorer.network, pos = net.getPositions([iri])[iri];
        const dom = net.canvasToDOM(pos), box = document.querySelector('#kg-graph canvas').getBoundingClientRect();
        return [box.left + dom.x, box.top + dom.y]; }""", iri)


def _edge_point(page, a, b):
    (ax, ay), (bx, by) = _node_point(page, a), _node_point(page, b)
    return (ax + bx) / 2, (ay + by) / 2


def test_named_query_graph_expand_and_evidence(server, browser):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    errors = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.goto(server.url + "/")
    page.wait_for_selector("#kg-query-select option[value='hedged-only-facts']", state="attached")

    # run a named query: its table and its graph appear
    page.select_option("#kg-query-select", "hedged-only-facts")
    assert "hedged" in page.text_content("#kg-query-description")
    assert "HedgedOnlySupport" in page.input_value("#kg-editor")
    page.click("#kg-run")
    page.wait_for_selector("#kg-table tbody tr")
    assert "Orion-7" in page.text_content("#kg-table") and "Lyra 2" in page.text_content("#kg-table")
    _settled(page, nodes_at_least=2)
    ids = set(page.evaluate("window.kgExplorer.nodes.getIds()"))
    assert ids == {ENT + "orion-7", ENT + "lyra-2"}

    # click a node: its neighbours come in (Vela X1, which the query did not name)
    page.mouse.click(*_node_point(page, ENT + "orion-7"))
    _settled(page, nodes_at_least=3)
    ids = set(page.evaluate("window.kgExplorer.nodes.getIds()"))
    assert ENT + "vela-x1" in ids
    assert "Orion-7" in page.text_content("#kg-panel h3")

    # click an edge: its evidence (sentence, source, modality) shows in the panel
    page.mouse.click(*_edge_point(page, ENT + "orion-7", ENT + "vela-x1"))
    page.wait_for_selector("#kg-panel blockquote")
    panel = page.text_content("#kg-panel")
    assert "Orion-7 trainedOn Vela X1" in panel
    assert "Orion-7 was trained on a cluster of Vela X1 accelerators." in panel
    assert "How Orion-7 was trained" in panel and "Example Wire" in panel and "asserted" in panel

    # hostile article text is shown as text, never run as HTML
    page.mouse.click(*_node_point(page, ENT + "lyra-2"))
    _settled(page, nodes_at_least=4)
    page.mouse.click(*_edge_point(page, ENT + "lyra-2", ENT + "kestrel-foundry"))
    page.wait_for_function("document.querySelector('#kg-panel h3').textContent.includes('fabbedBy')")
    assert '<img src=x onerror="window.kgPwned=1">' in page.text_content("#kg-panel")
    assert page.evaluate("document.querySelectorAll('#kg-panel img, #kg-table img').length") == 0
    assert page.evaluate("window.kgPwned") is None

    assert errors == []
    assert all(url.startswith(server.url) for url in requests), "every asset comes from the server"
    page.close()
