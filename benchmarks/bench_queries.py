"""Benchmark: deps, impact, why, conflicts and path on synthetic graphs of 10k, 100k (and 1M) facts.

The graphs carry full provenance, laid out exactly as ``kg build`` writes it
(docs/data-model.md): one named graph per document with its metadata, the
entities it mentions (class, label, alias), one reified claim per statement
(subject, predicate, object, modality, evidence sentence, offsets,
confidence, extractor, PROV-O links, fact link) and the facts graph with a
fact node per supported (s, p, o). The quads are generated directly as
N-Quads and bulk-loaded into an on-disk Oxigraph store (no spaCy).

The graph is made of independent clusters of ~90 facts (a lab and its
investors, two foundries, a chip designer, a memory technology and vendor,
four chips, ten models; a denial, a hedged-only fact, and in five clusters a
planted conflict). Growing the graph adds clusters, so every query below has a
fixed-size answer; the question is how its time grows with the store.

Run::

    .venv/bin/python benchmarks/bench_queries.py            # 10k and 100k facts
    .venv/bin/python benchmarks/bench_queries.py --full     # also 1M facts (minutes, ~GBs of disk)
    .venv/bin/python benchmarks/bench_queries.py --sizes 10000 --repeat 3
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg._model import FUNCTIONAL  # noqa: E402
from kg._iris import claim_iri, document_iri, entity_iri, fact_iri  # noqa: E402
from ontology import FACTS_GRAPH, KG, MODALITY  # noqa: E402

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD = "http://www.w3.org/2001/XMLSchema#"
PROV = "http://www.w3.org/ns/prov#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCT = "http://purl.org/dc/terms/"
CONFLICT_CLUSTERS = 5
DOCS_PER_CLUSTER = 5


def _lit(value, datatype: str | None = None) -> str:
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"^^<{XSD}{datatype}>' if datatype else f'"{text}"'


def cluster_claims(k: int) -> tuple[dict[str, str], list[tuple]]:
    """Entities (label -> class) and claims (s, p, o, kind, modality, doc) of cluster ``k``."""
    ents = {f"Lab {k}": "Lab", f"Fund {k}-a": "Investor", f"Fund {k}-b": "Investor",
            f"Foundry {k}": "Foundry", f"Foundry {k}-alt": "Foundry", f"Designer {k}": "ChipDesigner",
            f"HBM {k}": "MemoryTechnology", f"Memvendor {k}": "MemoryVendor"}
    claims = []
    n = 0

    def add(s, p, o, kind="entity", modality="asserted", copies=1):
        nonlocal n
        for c in range(copies):
            claims.append((s, p, o, kind, modality, (n + c) % DOCS_PER_CLUSTER))
        n += 1

    for j in range(1, 5):
        chip = f"Chip {k}-{j}"
        ents[chip] = "Chip"
        add(chip, "fabbedBy", f"Foundry {k}", copies=2)
        if j == 4:
            add(chip, "fabbedBy", f"Foundry {k}-alt")
        add(chip, "designedBy", f"Designer {k}")
        add(chip, "usesMemory", f"HBM {k}")
        add(chip, "memorySuppliedBy", f"Memvendor {k}")
        add(chip, "releasedOn", f"202{j % 6}-0{j}-1{j}", kind="date")
        add(chip, "memoryCapacityGB", 80.0 + j, kind="number")
    add(f"HBM {k}", "memorySuppliedBy", f"Memvendor {k}")
    for i in range(1, 11):
        model = f"Model {k}-{i}"
        ents[model] = "AIModel"
        add(model, "trainedOn", f"Chip {k}-{i % 4 + 1}", copies=1 + (i % 3 == 0))
        add(model, "runsOn", f"Chip {k}-{(i + 1) % 4 + 1}")
        add(model, "developedBy", f"Lab {k}")
        add(model, "releasedOn", f"2026-0{i % 9 + 1}-0{i % 9 + 1}", kind="date")
        add(model, "parameterCount", float(i * 1e10), kind="number")
        add(model, "contextLength", float(2 ** (12 + i % 5)), kind="number")
    add(f"Lab {k}", "fundedBy", f"Fund {k}-a")
    add(f"Lab {k}", "fundedBy", f"Fund {k}-b")
    add(f"Lab {k}", "fundedIn", "2025-11", kind="date")
    add(f"Lab {k}", "fundingAmountUSD", 5e8, kind="number")
    add(f"Model {k}-1", "preTrainedOn", f"Chip {k}-3", modality="negated")  # denied only
    add(f"Model {k}-2", "preTrainedOn", f"Chip {k}-1", modality="hedged")  # hedged only
    if k < CONFLICT_CLUSTERS:  # planted conflicts: a denial of an asserted fact, a second release date
        add(f"Model {k}-1", "trainedOn", f"Chip {k}-2", modality="negated")
        add(f"Model {k}-1", "releasedOn", "2027-12-24", kind="date")
    return ents, claims


def _object(o, kind: str) -> str:
    if kind == "entity":
        return f"<{entity_iri(o)}>"
    if kind == "date":
        return _lit(o, "date" if len(o) == 10 else "gYearMonth")
    return _lit(repr(float(o)).replace("e+", "E"), "double")


def cluster_nquads(k: int) -> tuple[list[str], int]:
    """N-Quads lines of cluster ``k`` and the number of facts it holds."""
    ents, claims = cluster_claims(k)
    out = []
    facts: dict[str, list] = {}
    for d in range(DOCS_PER_CLUSTER):
        key = f"https://bench.example/{k}/{d}"
        doc = f"<{document_iri(key)}>"
        g = doc
        published = f"2026-{d % 12 + 1:02d}-{k % 28 + 1:02d}"
        mine = [c for c in claims if c[5] == d]
        out += [
            f"{doc} <{RDF}type> <{KG.Document}> {g} .",
            f"{doc} <{RDF}type> <{PROV}Entity> {g} .",
            f"{doc} <{KG.documentKey}> {_lit(key)} {g} .",
            f"{doc} <{KG.contentHash}> {_lit('sha256:' + str(k) + '-' + str(d))} {g} .",
            f"{doc} <{DCT}source> {_lit(key)} {g} .",
            f"{doc} <{KG.sourcePath}> {_lit(f'bench/{k}/{d}.md')} {g} .",
            f"{doc} <{DCT}title> {_lit(f'Report {d} on cluster {k}')} {g} .",
            f"{doc} <{DCT}publisher> {_lit(f'Publisher {d}')} {g} .",
            f"{doc} <{DCT}issued> {_lit(published, 'date')} {g} .",
            f"<{document_iri(key)}/extraction> <{RDF}type> <{PROV}Activity> {g} .",
            f"<{document_iri(key)}/extraction> <{PROV}used> {doc} {g} .",
        ]
        mentioned = {c[0] for c in mine} | {c[2] for c in mine if c[3] == "entity"}
        for label in sorted(mentioned):
            e = f"<{entity_iri(label)}>"
            out += [f"{e} <{RDF}type> <{KG[ents[label]]}> {g} .", f"{e} <{SKOS}prefLabel> {_lit(label)} {g} .",
                    f"{e} <{SKOS}altLabel> {_lit(label.replace(' ', ''))} {g} ."]
        for index, (s, p, o, kind, modality, _d) in enumerate(mine):
            obj = _object(o, kind)
            f = fact_iri(s, p, obj)
            c = f"<{claim_iri(key, index, s, p, obj, index * 100)}>"
            sentence = f"Sentence {index} of report {d}: {s} {p} {o} ({modality})."
            out += [
                f"{c} <{RDF}type> <{KG.Claim}> {g} .",
                f"{c} <{RDF}subject> <{entity_iri(s)}> {g} .",
                f"{c} <{RDF}predicate> <{KG[p]}> {g} .",
                f"{c} <{RDF}object> {obj} {g} .",
                f"{c} <{KG.fact}> <{f}> {g} .",
                f"{c} <{KG.modality}> <{MODALITY[modality]}> {g} .",
                f"{c} <{KG.evidence}> {_lit(sentence)} {g} .",
                f"{c} <{KG.startOffset}> {_lit(index * 100, 'integer')} {g} .",
                f"{c} <{KG.endOffset}> {_lit(index * 100 + 60, 'integer')} {g} .",
                f"{c} <{KG.confidence}> {_lit('0.9', 'decimal')} {g} .",
                f"{c} <{KG.extractor}> {_lit('bench.synthetic.v1')} {g} .",
                f"{c} <{PROV}wasDerivedFrom> {doc} {g} .",
                f"{c} <{PROV}wasGeneratedBy> <{document_iri(key)}/extraction> {g} .",
                f"{c} <{PROV}generatedAtTime> {_lit('2026-11-28T00:00:00+00:00', 'dateTime')} {g} .",
            ]
            facts.setdefault(str(f), [s, p, obj, 0, 0, set(), [], 0])
            entry = facts[str(f)]
            if modality == "negated":
                entry[7] += 1
            if modality in ("asserted", "hedged"):
                entry[3 if modality == "asserted" else 4] += 1
                entry[5].add(d)
                entry[6].append(published)
    fg = f"<{FACTS_GRAPH}>"
    count = 0
    values: dict[tuple, set] = {}  # (subject, single-valued predicate) -> supported objects, as the store marks them
    for f, (s, p, obj, na, nh, docs, dates, nn) in facts.items():
        if na + nh and p in FUNCTIONAL:
            values.setdefault((s, p), set()).add(obj)
    for f, (s, p, obj, na, nh, docs, dates, nn) in facts.items():
        if not na + nh:
            continue
        if nn:
            out += [f"<{f}> <{KG.negatedCount}> {_lit(nn, 'integer')} {fg} .",
                    f"<{f}> <{KG.disputed}> {_lit('true', 'boolean')} {fg} ."]
        if len(values.get((s, p), ())) > 1:
            out.append(f"<{f}> <{KG.competingValues}> {_lit('true', 'boolean')} {fg} .")
        count += 1
        level = KG.AssertedSupport if na else KG.HedgedOnlySupport
        out += [
            f"<{entity_iri(s)}> <{KG[p]}> {obj} {fg} .",
            f"<{f}> <{RDF}type> <{KG.Fact}> {fg} .",
            f"<{f}> <{RDF}subject> <{entity_iri(s)}> {fg} .",
            f"<{f}> <{RDF}predicate> <{KG[p]}> {fg} .",
            f"<{f}> <{RDF}object> {obj} {fg} .",
            f"<{f}> <{KG.support}> <{level}> {fg} .",
            f"<{f}> <{KG.assertedCount}> {_lit(na, 'integer')} {fg} .",
            f"<{f}> <{KG.hedgedCount}> {_lit(nh, 'integer')} {fg} .",
            f"<{f}> <{KG.documentCount}> {_lit(len(docs), 'integer')} {fg} .",
            f"<{f}> <{KG.firstSeen}> {_lit(min(dates))} {fg} .",
            f"<{f}> <{KG.lastSeen}> {_lit(max(dates))} {fg} .",
        ]
    return out, count


def build_store(path: Path, facts: int) -> tuple[int, int, float]:
    """Generate about ``facts`` facts into a new store at ``path``; (facts, quads, seconds)."""
    import pyoxigraph as ox

    per_cluster = cluster_nquads(0)[1]
    clusters = max(CONFLICT_CLUSTERS, round(facts / per_cluster))
    store = ox.Store(str(path))
    start = time.perf_counter()
    total = 0
    batch: list[str] = []
    for k in range(clusters):
        lines, n = cluster_nquads(k)
        total += n
        batch += lines
        if len(batch) > 2_000_000 or k == clusters - 1:
            store.bulk_load(("\n".join(batch) + "\n").encode("utf-8"), format=ox.RdfFormat.N_QUADS, lenient=True)
            batch = []
    store.flush()
    quads = len(store)
    del store
    return total, quads, time.perf_counter() - start


def time_queries(path: Path, repeat: int) -> dict[str, float]:
    """Median seconds of each query (after one warm-up run), on the store at ``path``."""
    from kg import KnowledgeGraph
    from kg._analysis import deps, impact, paths
    from kg._verdicts import conflicts, why

    cases = {
        "deps Model 0-1": lambda g: deps(g, "Model 0-1"),
        "impact Foundry 0": lambda g: impact(g, "Foundry 0"),
        "why Model 0-1 trainedOn Chip 0-2": lambda g: why(g, "Model 0-1", "trainedOn", "Chip 0-2"),
        "conflicts --entity Model 0-1": lambda g: conflicts(g, entity="Model 0-1"),
        "conflicts (whole graph)": lambda g: conflicts(g),
        "path Model 0-1 Fund 0-a": lambda g: paths(g, "Model 0-1", "Fund 0-a"),
    }
    checks = {
        "deps Model 0-1": lambda r: len(r.edges),
        "impact Foundry 0": lambda r: len(r.dependents),
        "why Model 0-1 trainedOn Chip 0-2": lambda r: len(r.claims),
        "conflicts --entity Model 0-1": lambda r: len(r.conflicts),
        "conflicts (whole graph)": lambda r: len(r.conflicts),
        "path Model 0-1 Fund 0-a": lambda r: r.length,
    }
    out = {}
    with KnowledgeGraph.open(path, read_only=True) as graph:
        for name, run in cases.items():
            answer = checks[name](run(graph))
            times = []
            for _ in range(repeat):
                start = time.perf_counter()
                run(graph)
                times.append(time.perf_counter() - start)
            out[name] = (statistics.median(times), answer)
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=None, help="fact counts (default 10k 100k)")
    parser.add_argument("--full", action="store_true", help="also run 1M facts (slow: minutes, GBs of disk)")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per query (median reported)")
    parser.add_argument("--keep", type=Path, default=None, help="build the stores under this folder and keep them")
    args = parser.parse_args(argv)
    sizes = args.sizes or ([10_000, 100_000, 1_000_000] if args.full else [10_000, 100_000])
    root = args.keep or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    results = {}
    try:
        for size in sizes:
            path = root / f"store-{size}"
            if path.exists() and (path / "CURRENT").exists() and args.keep:
                print(f"reusing {path}", flush=True)
                facts, quads, load = size, None, None
            else:
                facts, quads, load = build_store(path, size)
            print(f"{facts:>9,} facts, {quads or 0:>11,} quads, loaded in {load or 0:6.1f} s", flush=True)
            results[size] = time_queries(path, args.repeat)
            for name, (seconds, answer) in results[size].items():
                print(f"    {name:<36} {seconds * 1000:9.1f} ms   (answer size {answer})", flush=True)
            if not args.keep:
                shutil.rmtree(path, ignore_errors=True)
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    small, big = min(results), max(results)
    if small != big:
        print(f"\nratio {big:,} / {small:,} facts (graph x{big // small}):")
        for name in results[small]:
            ratio = results[big][name][0] / results[small][name][0]
            print(f"    {name:<36} x{ratio:5.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
