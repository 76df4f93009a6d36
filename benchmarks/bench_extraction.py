"""Benchmark: words per second of the full extraction against bare ``nlp.pipe`` of the same pipeline.

Both run in the same process, over the same texts, with the same pipeline
(the gazetteer entity ruler included): the difference is the extractors'
own work (mentions, coreference, relations, modality, attribution, dates,
figures). Then ``--workers 2`` against ``--workers 1`` for the full extraction.

Run::

    .venv/bin/python benchmarks/bench_extraction.py                  # examples/articles x 20
    .venv/bin/python benchmarks/bench_extraction.py --copies 50 --repeat 3
    .venv/bin/python benchmarks/bench_extraction.py --paths my/articles --no-workers

Targets (issue 3): full / bare >= 0.8; workers 2 faster than workers 1 on 2 cores.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def load_documents(paths, copies: int):
    """The articles under ``paths`` (readers of the project), each repeated ``copies`` times."""
    from dataclasses import replace

    from ingest.readers import iter_documents
    from kg import Document

    base = [d for d in iter_documents(paths) if isinstance(d, Document)]
    if not base:
        sys.exit(f"no readable articles under {', '.join(map(str, paths))}")
    return [replace(d, key=f"{d.key}#{i}", metadata=dict(d.metadata)) for i in range(copies) for d in base]


def words(docs) -> int:
    return sum(len(d.text.split()) for d in docs)


def time_bare(nlp, texts, *, batch_size: int, workers: int = 1) -> float:
    start = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=batch_size, n_process=workers):
        pass
    return time.perf_counter() - start


def time_full(extractor, docs, *, batch_size: int, workers: int = 1) -> float:
    start = time.perf_counter()
    for result in extractor.extract_many(iter(docs), workers=workers, batch_size=batch_size):
        if isinstance(result, Exception):
            raise result
    return time.perf_counter() - start


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--paths", nargs="+", default=[str(ROOT / "examples" / "articles")])
    ap.add_argument("--copies", type=int, default=20, help="repeat the articles this many times")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement (median reported)")
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--no-workers", action="store_true", help="skip the --workers 2 comparison")
    args = ap.parse_args(argv)

    from ingest.pipeline import Extractor

    extractor = Extractor.load()
    docs = load_documents(args.paths, args.copies)
    texts = [d.text for d in docs]
    n_words = words(docs)
    print(f"pipeline {extractor.pipeline}; {len(docs)} documents, {n_words:,} words; "
          f"batch size {args.batch_size}; median of {args.repeat}")
    time_full(extractor, docs[: min(len(docs), 10)], batch_size=args.batch_size)  # warm up (vocab, caches)

    bare, full = [], []
    for _ in range(args.repeat):  # interleaved, so load from other processes hits both alike
        bare.append(time_bare(extractor.nlp, texts, batch_size=args.batch_size))
        full.append(time_full(extractor, docs, batch_size=args.batch_size))
    bare_wps, full_wps = n_words / statistics.median(bare), n_words / statistics.median(full)
    ratio = full_wps / bare_wps
    print(f"bare nlp.pipe        {bare_wps:9,.0f} words/s")
    print(f"full extraction      {full_wps:9,.0f} words/s")
    print(f"ratio full / bare    {ratio:9.2f}   (target >= 0.80: {'ok' if ratio >= 0.8 else 'BELOW'})")
    if not args.no_workers:
        one = [time_full(extractor, docs, batch_size=args.batch_size, workers=1) for _ in range(args.repeat)]
        two = [time_full(extractor, docs, batch_size=args.batch_size, workers=2) for _ in range(args.repeat)]
        w1, w2 = n_words / statistics.median(one), n_words / statistics.median(two)
        print(f"full, --workers 1    {w1:9,.0f} words/s")
        print(f"full, --workers 2    {w2:9,.0f} words/s   speed-up {w2 / w1:.2f}x "
              f"({'faster' if w2 > w1 else 'NOT faster'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
