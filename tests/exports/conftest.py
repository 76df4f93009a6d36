"""The export tests' hand-written corpus, stored once per session.

Names are invented; sentences are written for these tests. One document is
hostile: its title, publisher, an entity label, an alias and an evidence
sentence carry HTML, a closing script tag, the word href, quotes, backticks,
spreadsheet formulas and control characters.
"""

from __future__ import annotations

import pytest

from kg import Claim, Document, Entity, Extraction

#: Executes if any exporter or the page lets HTML through.
PAYLOAD = "<img src=x onerror=\"window.__pwned=1;alert(1)\">"
HOSTILE_TITLE = f"Leak {PAYLOAD} </script><script>window.__pwned=2</script> see href=javascript:alert(3)"
HOSTILE_PUBLISHER = "=HYPERLINK(\"http://example.invalid\",\"x\") `tick` 'single' \"double\""
HOSTILE_CHIP = "Vex`9 <b>bold</b>"
HOSTILE_ALIAS = "@SUM(1+1) \\ back\\slash"
HOSTILE_SENTENCE = (f"Insiders say the Vex`9 {PAYLOAD} chip</script> is made by Harbor Foundry; "
                    "href=\"javascript:alert(4)\" \x07bell\x0bvt\x1besc\x0cff line\nbreak\ttab")


def _claim(subject, predicate, obj, sentence, *, modality="asserted", kind="relation", attributed_to=()):
    return Claim(subject, predicate, obj, modality=modality, sentence=sentence, start=0, end=len(sentence),
                 extractor="tests.handwritten.v1", kind=kind, attributed_to=tuple(attributed_to))


def corpus() -> list[Extraction]:
    """Four documents: a launch note, a follow-up, a later denial and the hostile one."""
    launch = "Lumen Labs trained its Zephyr-2 model on Quill X1 accelerators, which Harbor Foundry makes."
    follow = ("Harbor Foundry also makes the Tern 3, and Zephyr-2 might be served on Tern 3 parts; "
              "Quill X1 boards carry HBM-Q stacks from Ridge Memory.")
    denial = "Lumen Labs says Zephyr-2 was never trained on Tern 3 hardware."
    release = "Zephyr-2 came out in February 2026 with 70 billion parameters."
    return [
        Extraction(
            Document(key="https://news.example/zephyr-launch", text=launch + " " + release, source="launch.md",
                     title="Zephyr-2 arrives", publisher="Test Wire", published="2026-03-01",
                     url="https://news.example/zephyr-launch", format="md"),
            [Entity("Lumen Labs", "Lab"), Entity("Zephyr-2", "AIModel", ("Zephyr 2",)),
             Entity("Quill X1", "Chip", ("QX1",)), Entity("Harbor Foundry", "Foundry")],
            [_claim("Zephyr-2", "developedBy", "Lumen Labs", launch),
             _claim("Zephyr-2", "trainedOn", "Quill X1", launch),
             _claim("Quill X1", "fabbedBy", "Harbor Foundry", launch),
             _claim("Zephyr-2", "releasedOn", "2026-02", release),
             _claim("Zephyr-2", "parameterCount", 70e9, release, kind="attribute")],
        ),
        Extraction(
            Document(key="https://news.example/tern", text=follow, source="tern.md", title="Tern 3 notes",
                     publisher="Chip Digest", published="2026-05-10", format="md"),
            [Entity("Harbor Foundry", "Foundry"), Entity("Tern 3", "Chip"), Entity("Zephyr-2", "AIModel"),
             Entity("Quill X1", "Chip"), Entity("HBM-Q", "MemoryTechnology"), Entity("Ridge Memory", "MemoryVendor")],
            [_claim("Tern 3", "fabbedBy", "Harbor Foundry", follow),
             _claim("Quill X1", "fabbedBy", "Harbor Foundry", follow),
             _claim("Zephyr-2", "runsOn", "Tern 3", follow, modality="hedged"),
             _claim("Quill X1", "usesMemory", "HBM-Q", follow),
             _claim("HBM-Q", "memorySuppliedBy", "Ridge Memory", follow)],
        ),
        Extraction(
            Document(key="https://news.example/denial", text=denial, source="denial.md", title="A denial",
                     publisher="Test Wire", published="2026-07-20", format="md"),
            [Entity("Lumen Labs", "Lab"), Entity("Zephyr-2", "AIModel"), Entity("Tern 3", "Chip")],
            [_claim("Zephyr-2", "trainedOn", "Tern 3", denial, modality="negated", attributed_to=("Lumen Labs",))],
        ),
        Extraction(
            Document(key="https://evil.example/leak", text=HOSTILE_SENTENCE, source="leak.html",
                     title=HOSTILE_TITLE, publisher=HOSTILE_PUBLISHER, published="2026-06-01", format="html"),
            [Entity(HOSTILE_CHIP, "Chip", (HOSTILE_ALIAS,)), Entity("Harbor Foundry", "Foundry")],
            [_claim(HOSTILE_CHIP, "fabbedBy", "Harbor Foundry", HOSTILE_SENTENCE,
                    attributed_to=("people who saw \"the <b>deck</b>\"",))],
        ),
    ]


def _deps_reference(graph, model: str = "Zephyr-2") -> tuple[set, set]:
    """What ``kg deps MODEL --include-hedged`` finds: the (model, chip, foundry) chains and every dependency's name."""
    from kg._analysis import deps

    result = deps(graph, model, include_hedged=True)
    name = {iri: info.label for iri, info in result.entities.items()}
    chips = [e for e in result.edges if e.subject == result.root.iri and result.entities[e.object].cls == "Chip"]
    chains = {(name[c.subject], name[c.object], name[f.object]) for c in chips for f in result.edges
              if f.subject == c.object and f.predicate == "fabbedBy"}
    return chains, {label for iri, label in name.items() if iri != result.root.iri}


@pytest.fixture(scope="session")
def store_path(tmp_path_factory):
    """A store holding :func:`corpus`, built once (closed again; open it read-only)."""
    from kg import KnowledgeGraph

    path = tmp_path_factory.mktemp("exports") / "store"
    with KnowledgeGraph.open(path) as graph:
        for extraction in corpus():
            graph.add_extraction(extraction)
    return path


@pytest.fixture
def kg_store(store_path):
    """The corpus store, open read-only."""
    from kg import KnowledgeGraph

    with KnowledgeGraph.open(store_path, read_only=True) as graph:
        yield graph



@pytest.fixture(scope="session")
def hostile():
    """The hostile strings of the corpus, by name."""
    return {"payload": PAYLOAD, "title": HOSTILE_TITLE, "publisher": HOSTILE_PUBLISHER, "chip": HOSTILE_CHIP,
            "alias": HOSTILE_ALIAS, "sentence": HOSTILE_SENTENCE}


@pytest.fixture(scope="session")
def deps_reference():
    """A function giving what ``kg deps`` finds for a model: (chains model -> chip -> foundry, dependency names)."""
    return _deps_reference
