"""Small hand-written corpora for the server tests (no spaCy: extractions are built by hand)."""

from __future__ import annotations

from kg import Claim, Document, Entity, Extraction

HOSTILE = '<img src=x onerror="window.kgPwned=1">'


def _doc(key: str, sentences: list[str], *, title: str, published: str = "2026-05-01") -> Document:
    return Document(key=f"https://example.org/news/{key}", text=" ".join(sentences), source=f"/corpus/{key}.txt",
                    title=title, publisher="Example Wire", published=published)


def _claim(doc: Document, sentence: str, s: str, p: str, o: str, **kw) -> Claim:
    start = doc.text.index(sentence)
    return Claim(s, p, o, sentence=sentence, start=start, end=start + len(sentence), extractor="test", **kw)


def story_extractions() -> list[Extraction]:
    """Four documents about one model: asserted, hedged, negated claims, and hostile text."""
    out = []
    s1 = "Orion-7 was trained on a cluster of Vela X1 accelerators."
    s2 = "Kestrel Foundry manufactures the Vela X1 on its newest process."
    d = _doc("orion-training", [s1, s2], title="How Orion-7 was trained")
    out.append(Extraction(d, [Entity("Orion-7", "AIModel"), Entity("Vela X1", "Chip"),
                              Entity("Kestrel Foundry", "Foundry")],
                          [_claim(d, s1, "Orion-7", "trainedOn", "Vela X1"),
                           _claim(d, s2, "Vela X1", "fabbedBy", "Kestrel Foundry")]))
    s3 = "Orion-7 may soon run on Lyra 2 chips as well, two people briefed on the plan said."
    d = _doc("orion-lyra", [s3], title="Orion-7 could move to Lyra 2", published="2026-06-10")
    out.append(Extraction(d, [Entity("Orion-7", "AIModel"), Entity("Lyra 2", "Chip")],
                          [_claim(d, s3, "Orion-7", "runsOn", "Lyra 2", modality="hedged",
                                  attributed_to=("two people briefed on the plan",))]))
    s4 = "Nimbus Lab said Orion-7 was not trained on Lyra 2 hardware."
    d = _doc("orion-denial", [s4], title="Nimbus Lab denies Lyra 2 training", published="2026-06-12")
    out.append(Extraction(d, [Entity("Orion-7", "AIModel"), Entity("Lyra 2", "Chip"), Entity("Nimbus Lab", "Lab")],
                          [_claim(d, s4, "Orion-7", "trainedOn", "Lyra 2", modality="negated",
                                  attributed_to=("Nimbus Lab",))]))
    s5 = f"Lyra 2 is made by Kestrel Foundry {HOSTILE} according to a filing."
    d = _doc("lyra-fab", [s5], title=f"Filing {HOSTILE}", published="2026-07-01")
    out.append(Extraction(d, [Entity("Lyra 2", "Chip"), Entity("Kestrel Foundry", "Foundry")],
                          [_claim(d, s5, "Lyra 2", "fabbedBy", "Kestrel Foundry")]))
    return out


def filler_extraction(i: int) -> Extraction:
    """A generic document number ``i``: a model trained on a chip made by a foundry."""
    model, chip, fab = f"Model {i}", f"Chip {i % 7}", f"Foundry {i % 3}"
    s1 = f"{model} was trained on a cluster of {chip} accelerators."
    s2 = f"{chip} is manufactured by {fab}."
    d = _doc(f"filler-{i}", [s1, s2], title=f"Report {i}")
    return Extraction(d, [Entity(model, "AIModel"), Entity(chip, "Chip"), Entity(fab, "Foundry")],
                      [_claim(d, s1, model, "trainedOn", chip), _claim(d, s2, chip, "fabbedBy", fab)])


def build_store(path, *, fillers: int = 20) -> None:
    """A store at ``path`` with the story documents and ``fillers`` generic ones."""
    from kg import KnowledgeGraph

    with KnowledgeGraph.open(path) as graph:
        for extraction in story_extractions():
            graph.add_extraction(extraction)
        for i in range(fillers):
            graph.add_extraction(filler_extraction(i), validate=False)


def write_documents(path, start: int, count: int, *, pause: float = 0.0) -> None:
    """A builder: add filler documents ``start .. start+count-1`` one by one, as `kg build` does."""
    import time

    from kg import KnowledgeGraph

    with KnowledgeGraph.open(path) as graph:
        for i in range(start, start + count):
            graph.add_extraction(filler_extraction(i))
            if pause:
                time.sleep(pause)


if __name__ == "__main__":  # python server_corpus.py STORE START COUNT [PAUSE]
    import sys

    write_documents(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]),
                    pause=float(sys.argv[4]) if len(sys.argv) > 4 else 0.0)
