"""Train the learned second reading of relations (``ingest/extractors/relation_weights.json``).

Usage::

    .venv/bin/python scripts/train_relation_model.py collect pairs.jsonl   # extract the training sets
    .venv/bin/python scripts/train_relation_model.py train pairs.jsonl      # fit, choose thresholds, write weights

``collect`` runs the extractor with the learned reading off over the project's
annotated sets in ``tests/ingest/heldout*`` (never the shared dev set, never
the sets listed in ``BLIND``, kept to measure what the model does on text it
has not seen) and writes every pair of mentions the rules left unrelated, with
its features and whether the set's gold file holds that relation.

``train`` fits one L2-regularised logistic regression per predicate
(scikit-learn, a development dependency only: the shipped file is plain
weights), picks each predicate's threshold by cross-validation across sets
(the lowest score at which the pairs added are right at least ``--precision``
of the time), and drops predicates that cannot reach it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: Sets kept out of training to measure the model on text it has not seen.
BLIND = frozenset({"heldout69", "heldout70", "heldout71", "heldout72", "heldout73"})
#: Predicates whose articles are full of traps (the memory maker still "qualifying" its HBM for a chip, the
#: investor that is only a customer): read by the rules alone, a learned reading of them asserted traps.
TRAP_PRONE = frozenset({"fundedBy", "memorySuppliedBy"})
WEIGHTS = ROOT / "ingest" / "extractors" / "relation_weights.json"


def training_sets(blind=BLIND) -> list[Path]:
    """The annotated sets under tests/ingest used for training."""
    return [p for p in sorted((ROOT / "tests" / "ingest").glob("heldout*"))
            if p.is_dir() and p.name not in blind and any(p.glob("*.gold.jsonl"))]


def collect(out: Path, sets: list[Path]) -> None:
    from ingest.pipeline import Extractor
    from ingest.readers import iter_documents
    from ingest.scoring import GoldArticle, read_jsonl

    ex = Extractor.load()
    ex.relations.learned = False
    n = 0
    with out.open("w", encoding="utf-8") as f:
        for folder in sets:
            arts = sorted(p for p in folder.iterdir() if p.suffix in {".md", ".txt"} and p.name[:2].isdigit())
            for doc in iter_documents(arts):
                if isinstance(doc, Exception):
                    print("skipped:", doc, file=sys.stderr)
                    continue
                gold_path = folder / (Path(doc.source).stem + ".gold.jsonl")
                if not gold_path.exists():
                    continue
                gold = GoldArticle(read_jsonl(gold_path))
                ex.relations.collected = []
                extraction = ex.extract(doc)
                resolve = gold.resolver({e.label: [e.label, *e.aliases] for e in extraction.entities})
                for subj, pred, obj, feats, sentence in ex.relations.collected:
                    i = gold.find(resolve(subj), pred, resolve(obj))
                    hit = gold.relations[i] if i is not None else None
                    in_evidence = hit is None or _says(hit.get("evidence"), sentence)
                    modality = hit.get("modality", "asserted") if hit else None
                    f.write(json.dumps({"set": folder.name, "article": gold_path.name, "subject": subj,
                                        "predicate": pred, "object": obj, "label": hit is not None,
                                        "in_evidence": in_evidence,
                                        "modality": modality, "features": feats}) + "\n")
                    n += 1
            print(f"{folder.name}: {n} pairs so far", file=sys.stderr)
    ex.relations.collected = None


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def _says(evidence, sentence: str) -> bool:
    """The gold relation's evidence (fragments joined by "...") is in ``sentence``; no evidence: unknown, True."""
    if not evidence:
        return True
    fragments = [_squash(f) for f in re.split(r"\.\.\.|…", str(evidence))]
    longest = max(fragments, key=len)
    return not longest or longest in _squash(sentence)


def train(data: Path, *, precision: float, c: float, min_positives: int, skip=frozenset()) -> dict:
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = [json.loads(line) for line in data.open(encoding="utf-8")]
    model: dict = {}
    for pred in sorted({r["predicate"] for r in rows} - set(skip)):
        sub = [r for r in rows if r["predicate"] == pred]
        y = np.array([r["label"] for r in sub])
        # a pair named together in a sentence other than the gold relation's evidence teaches nothing sure
        usable = np.array([not (r["label"] and not r.get("in_evidence", True)) for r in sub])
        if y.sum() < min_positives:
            print(f"{pred:18s} {int(y.sum())} positives: no model")
            continue
        sets = sorted({r["set"] for r in sub})
        folds = [sets[i::5] for i in range(5)]
        scored = np.zeros(len(sub))
        vec = DictVectorizer()  # one vocabulary for the folds and the final fit
        x = vec.fit_transform([{f: 1 for f in r["features"]} for r in sub])
        for fold in folds:
            held = np.array([r["set"] in fold for r in sub])
            fit = ~held & usable
            if y[fit].sum() == 0:
                continue
            clf = LogisticRegression(C=c, max_iter=2000).fit(x[fit], y[fit])
            scored[held] = clf.predict_proba(x[held])[:, 1]
        # one decision per relation: the best-scoring sentence of the article
        best: dict[tuple, tuple[float, bool]] = {}
        for r, p in zip(sub, scored):
            k = (r["set"], r["article"], r["subject"], r["object"])
            if p > best.get(k, (-1, False))[0]:
                best[k] = (p, r["label"])
        ranked = sorted(best.values(), key=lambda t: -t[0])
        threshold, tp, n_at = None, 0, 0
        for i, (p, label) in enumerate(ranked, 1):
            tp += label
            if i >= 5 and tp / i >= precision:
                threshold, n_at = p, i
        gold_pos = sum(label for _p, label in ranked)
        if threshold is None:
            print(f"{pred:18s} {gold_pos} relations: cannot reach precision {precision}")
            continue
        hits = sum(label for p, label in ranked if p >= threshold)
        print(f"{pred:18s} {gold_pos} relations among the pairs; threshold {threshold:.3f}: "
              f"{n_at} added, {hits} right (cross-validated)")
        clf = LogisticRegression(C=c, max_iter=2000).fit(x[usable], y[usable])
        weights = {name: round(float(w), 4) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0])
                   if abs(w) >= 0.02}
        model[pred] = {"bias": round(float(clf.intercept_[0]), 4), "threshold": round(float(threshold), 4),
                       "weights": dict(sorted(weights.items()))}
    return model


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p_collect = sub.add_parser("collect", help="extract the training sets into a pairs file")
    p_collect.add_argument("pairs", type=Path)
    p_train = sub.add_parser("train", help="fit the model on a pairs file and write the weights")
    p_train.add_argument("pairs", type=Path)
    p_train.add_argument("--precision", type=float, default=0.7,
                         help="share of added relations that must be right in cross-validation (default 0.7)")
    p_train.add_argument("-C", type=float, default=0.3, help="inverse regularisation strength (default 0.3)")
    p_train.add_argument("--min-positives", type=int, default=15)
    p_train.add_argument("--skip", default=",".join(sorted(TRAP_PRONE)),
                         help="predicates left to the rules alone (default: %(default)s)")
    p_train.add_argument("-o", "--output", type=Path, default=WEIGHTS)
    args = parser.parse_args(argv)
    if args.command == "collect":
        collect(args.pairs, training_sets())
    else:
        model = train(args.pairs, precision=args.precision, c=args.C, min_positives=args.min_positives,
                      skip=set(filter(None, args.skip.split(","))))
        args.output.write_text(json.dumps(model, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {args.output} ({len(model)} predicates)")


if __name__ == "__main__":
    main()
