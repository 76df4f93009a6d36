"""``kg viz``'s page in headless Chromium, with every network request blocked (one page load).

Marked ``browser``: needs playwright and Debian's /usr/bin/chromium.
"""

from __future__ import annotations

import os

import pytest

pytestmark = pytest.mark.browser
sync_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


@pytest.fixture(scope="module")
def viz(store_path, tmp_path_factory):
    """The corpus page, loaded once: (page, requests attempted, dialogs opened, page errors)."""
    if not os.path.exists(CHROMIUM):
        pytest.skip("Debian chromium not installed")
    from exports.pyvis_html import write_pyvis_html
    from kg import KnowledgeGraph

    out = tmp_path_factory.mktemp("viz") / "graph.html"
    with KnowledgeGraph.open(store_path, read_only=True) as graph:
        write_pyvis_html(graph, out, title="test corpus")
    requests, dialogs, errors = [], [], []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})

        def route(route):
            if route.request.url.startswith("file://"):
                route.continue_()
            else:
                requests.append(route.request.url)
                route.abort()

        page.route("**/*", route)
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.goto(out.as_uri())
        page.wait_for_selector("body[data-ready='1']", timeout=60_000)
        yield page, requests, dialogs, errors
        browser.close()


def _node_id(page, label):
    return page.evaluate("(label) => window.kgViz.find(label)[0]", label)


def test_page_renders_the_nodes(viz):
    page, requests, dialogs, errors = viz
    assert page.evaluate("network.body.data.nodes.length") == 8
    assert page.inner_text("#kg-status") == "8 of 8 entities, 8 of 9 relations shown"
    # the canvas really has the Quill X1 square drawn in the Chip colour (#f28e2b) where the node is
    quill = _node_id(page, "Quill X1")
    colour = page.evaluate("""(id) => {
        const p = window.kgViz.position(id), canvas = document.querySelector('#mynetwork canvas');
        const box = canvas.getBoundingClientRect(), ratio = canvas.width / box.width;
        return Array.from(canvas.getContext('2d').getImageData(Math.round(p.x * ratio), Math.round(p.y * ratio), 1, 1).data);
    }""", quill)
    assert colour[:3] == [0xf2, 0x8e, 0x2b]
    legend = page.locator("#kg-classes").inner_text()
    assert "Chip (3)" in legend and "Foundry (1)" in legend
    assert not errors, errors


def test_search_finds_an_alias_and_selects_it(viz):
    page, *_ = viz
    page.fill("#kg-search", "qx1")
    assert page.locator("#kg-results li").first.inner_text() == "Quill X1 · Chip"
    page.press("#kg-search", "Enter")
    assert page.inner_text("#kg-panel h3") == "Quill X1"
    assert page.evaluate("network.getSelectedNodes()") == [int(_node_id(page, "Quill X1"))]


def test_clicking_a_node_shows_its_evidence_as_text(viz, hostile):
    page, requests, dialogs, _errors = viz
    chip = _node_id(page, hostile["chip"])
    page.evaluate("(id) => network.focus(Number(id), {scale: 1.5, animation: false})", chip)
    position = page.evaluate("(id) => window.kgViz.position(id)", chip)
    box = page.locator("#mynetwork canvas").bounding_box()
    page.mouse.click(box["x"] + position["x"], box["y"] + position["y"])
    panel = page.locator("#kg-panel")
    assert page.inner_text("#kg-panel h3") == hostile["chip"]
    quote = panel.locator("blockquote").first.text_content()
    assert quote == hostile["sentence"]
    assert hostile["title"] in panel.inner_text()
    assert panel.locator("img, script, b, a").count() == 0
    panel.locator("button.kg-link").first.click()  # the relation: its own evidence view
    assert page.inner_text("#kg-panel h3") == f"{hostile['chip']} — fabbedBy → Harbor Foundry"
    assert 'according to people who saw "the <b>deck</b>"' in panel.inner_text()
    assert panel.locator("img, script, b, a").count() == 0
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert dialogs == [] and requests == []


def test_filters_by_class_relation_date_and_negation(viz):
    page, *_ = viz
    status = lambda: page.inner_text("#kg-status")  # noqa: E731
    chip_box = page.locator("input[data-kg-class='Chip']")
    chip_box.uncheck()
    assert status() == "4 of 8 entities, 2 of 9 relations shown"  # developedBy and memorySuppliedBy
    assert page.evaluate("network.body.data.nodes.get(Number(window.kgViz.find('Tern 3')[0])).hidden") is True
    chip_box.check()
    page.locator("input[data-kg-relation='fabbedBy']").uncheck()
    assert status() == "6 of 8 entities, 5 of 9 relations shown"  # the foundry and the Vex chip go
    page.locator("input[data-kg-relation='fabbedBy']").check()
    page.fill("#kg-to", "2026-04-01")
    page.dispatch_event("#kg-to", "change")
    assert status() == "4 of 8 entities, 3 of 9 relations shown"  # what the launch article said
    page.fill("#kg-to", "")
    page.dispatch_event("#kg-to", "change")
    negated = page.evaluate("""() => network.body.data.edges.get().filter(e => e.color && e.color.color === '#d62728')""")
    assert len(negated) == 1 and negated[0]["hidden"] is True
    page.check("#kg-negated")
    assert status() == "8 of 8 entities, 9 of 9 relations shown"
    assert page.evaluate(f"network.body.data.edges.get({negated[0]['id']}).hidden") is False
