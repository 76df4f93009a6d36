"""A small hand-written corpus for the query tests (no spaCy: extractions built by hand).

All names are invented for the tests (models Orion-7 and Lyra-2, chips Zephyr X1/X2
and Kestrel K9, foundries Harbor Foundry and Northgate Semiconductor, memory maker
Crestline Memory), so no statement here claims anything about real companies.

Timeline of the five documents:

* 2026-01-10 chip-weekly: Zephyr X1 is made by Harbor Foundry, designed by Zephyr
  Devices, carries HBM3e from Crestline Memory.
* 2026-03-02 model-digest: Orion-7 was trained on Zephyr X1 (according to Polaris AI),
  developed by Polaris AI, released 2026-02-20, 70B parameters; Lyra-2 runs on
  Kestrel K9 and has 90B parameters.
* 2026-04-15 foundry-report: Kestrel K9 is made by Harbor Foundry and Northgate
  Semiconductor; Orion-7 was NOT trained on Kestrel K9; Zephyr X1 is NOT made by
  Northgate (both negated only).
* 2026-05-20 rumour-mill: Orion-7 was NOT trained on Zephyr X1 (a denial of the
  2026-03-02 claim); Orion-7 released 2026-04-01 (a second date); Lyra-2 was
  reportedly pre-trained on Zephyr X2 (hedged only), made by Harbor Foundry.
* 2026-06-01 funding-news: Polaris AI raised money from Bluewater Capital; Lyra-2
  has 120B parameters (a second count); if Lyra-2 were trained on Zephyr X1 ...
  (hypothetical only).
"""

from __future__ import annotations

import pytest

from kg import Claim, Document, Entity, Extraction

ENTITIES = {
    "Orion-7": ("AIModel", ("Orion 7", "orion7")),
    "Lyra-2": ("AIModel", ("Lyra 2",)),
    "Zephyr X1": ("Chip", ("ZX1", "X1")),
    "Zephyr X2": ("Chip", ("ZX2",)),
    "Kestrel K9": ("Chip", ("K9",)),
    "Harbor Foundry": ("Foundry", ("Harbor",)),
    "Northgate Semiconductor": ("Foundry", ("Northgate",)),
    "Zephyr Devices": ("ChipDesigner", ()),
    "HBM3e": ("MemoryTechnology", ("HBM3E",)),
    "Crestline Memory": ("MemoryVendor", ("Crestline",)),
    "Polaris AI": ("Lab", ("Polaris",)),
    "Bluewater Capital": ("Investor", ()),
}


def _claim(s, p, o, sentence, modality="asserted", attributed=(), kind="relation"):
    return Claim(s, p, o, modality=modality, attributed_to=tuple(attributed), sentence=sentence,
                 start=0, end=len(sentence), confidence=0.9, extractor="test.hand.v1", kind=kind)


def _doc(key, published, title, publisher, text):
    return Document(key=f"https://news.example/{key}", text=text, source=f"tests/{key}.md", title=title,
                    publisher=publisher, published=published, url=f"https://news.example/{key}", format="md")


def corpus() -> list[Extraction]:
    """The five extractions, oldest first."""
    out = []

    def add(key, published, title, publisher, claims):
        text = " ".join(dict.fromkeys(c.sentence for c in claims))
        labels = {c.subject for c in claims} | {str(c.object) for c in claims if c.kind == "relation"}
        labels |= {a for c in claims for a in c.attributed_to}
        entities = [Entity(label, *ENTITIES[label]) for label in sorted(labels) if label in ENTITIES]
        out.append(Extraction(_doc(key, published, title, publisher, text), entities, claims))

    s1 = "Harbor Foundry builds the Zephyr X1, a part drawn up by Zephyr Devices."
    s2 = "Each Zephyr X1 package holds HBM3e stacks that Crestline Memory ships."
    add("chip-weekly", "2026-01-10", "Zephyr X1 enters volume production", "Chip Weekly", [
        _claim("Zephyr X1", "fabbedBy", "Harbor Foundry", s1),
        _claim("Zephyr X1", "designedBy", "Zephyr Devices", s1),
        _claim("Zephyr X1", "usesMemory", "HBM3e", s2),
        _claim("Zephyr X1", "memorySuppliedBy", "Crestline Memory", s2),
        _claim("HBM3e", "memorySuppliedBy", "Crestline Memory", s2),
    ])
    s3 = "Polaris AI says its Orion-7 model learned everything on a cluster of Zephyr X1 boards."
    s4 = "Orion-7, a 70-billion-parameter model from Polaris AI, came out on 20 February 2026."
    s5 = "Lyra-2, with 90 billion parameters, answers requests from Kestrel K9 servers."
    add("model-digest", "2026-03-02", "Two new models", "Model Digest", [
        _claim("Orion-7", "trainedOn", "Zephyr X1", s3, attributed=("Polaris AI",)),
        _claim("Orion-7", "developedBy", "Polaris AI", s4),
        _claim("Orion-7", "releasedOn", "2026-02-20", s4),
        _claim("Orion-7", "parameterCount", 7e10, s4, kind="attribute"),
        _claim("Lyra-2", "runsOn", "Kestrel K9", s5),
        _claim("Lyra-2", "parameterCount", 9e10, s5, kind="attribute"),
    ])
    s6 = "Both Harbor Foundry and Northgate Semiconductor turn out Kestrel K9 wafers."
    s7 = "Orion-7 never touched a Kestrel K9, and Northgate Semiconductor has no hand in the Zephyr X1."
    add("foundry-report", "2026-04-15", "Who makes the accelerators", "Foundry Report", [
        _claim("Kestrel K9", "fabbedBy", "Harbor Foundry", s6),
        _claim("Kestrel K9", "fabbedBy", "Northgate Semiconductor", s6),
        _claim("Orion-7", "trainedOn", "Kestrel K9", s7, modality="negated"),
        _claim("Zephyr X1", "fabbedBy", "Northgate Semiconductor", s7, modality="negated"),
    ])
    s8 = "Contrary to earlier reports, Orion-7 was not trained on Zephyr X1 hardware."
    s9 = "The public launch of Orion-7 happened on 1 April 2026."
    s10 = "People familiar with the project say Lyra-2 was probably pre-trained on Zephyr X2 chips."
    s11 = "Harbor Foundry manufactures the Zephyr X2 as well."
    add("rumour-mill", "2026-05-20", "Corrections and rumours", "Rumour Mill", [
        _claim("Orion-7", "trainedOn", "Zephyr X1", s8, modality="negated"),
        _claim("Orion-7", "releasedOn", "2026-04-01", s9),
        _claim("Lyra-2", "preTrainedOn", "Zephyr X2", s10, modality="hedged",
               attributed=("people familiar with the project",)),
        _claim("Zephyr X2", "fabbedBy", "Harbor Foundry", s11),
    ])
    s12 = "Bluewater Capital led a new investment in Polaris AI this spring."
    s13 = "Lyra-2 has grown to 120 billion parameters."
    s14 = "If Lyra-2 were ever trained on Zephyr X1 parts, supply would get tight."
    add("funding-news", "2026-06-01", "Polaris AI raises", "Funding News", [
        _claim("Polaris AI", "fundedBy", "Bluewater Capital", s12),
        _claim("Polaris AI", "fundedIn", "2026-05", s12),
        _claim("Polaris AI", "fundingAmountUSD", 5e8, s12, kind="attribute"),
        _claim("Lyra-2", "parameterCount", 1.2e11, s13, kind="attribute"),
        _claim("Lyra-2", "trainedOn", "Zephyr X1", s14, modality="hypothetical"),
    ])
    return out


def build(path) -> None:
    """Write the corpus into a store at ``path``."""
    from kg import KnowledgeGraph

    with KnowledgeGraph.open(path) as graph:
        for extraction in corpus():
            graph.add_extraction(extraction)


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory):
    """The corpus in an on-disk store (module scope: tests only read it)."""
    path = tmp_path_factory.mktemp("queries") / "store"
    build(path)
    return path


@pytest.fixture
def corpus_graph(corpus_store):
    """The corpus store opened read-only."""
    from kg import KnowledgeGraph

    with KnowledgeGraph.open(corpus_store, read_only=True) as graph:
        yield graph
