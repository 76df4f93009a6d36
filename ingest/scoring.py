"""Score predicted extractions against gold annotations (the rules of ``shared/eval/README.md``).

Names match after case folding and dropping everything but letters and digits;
a predicted name matches a gold entity if it or any alias of the predicted
entity equals the gold id or one of its aliases. Identical predicted triples
count once (the first wins); a gold relation is matched at most once. Strict
scores also need the modality; a prediction that asserts (``asserted`` or
``hedged``) what the gold only denies or supposes, or that hits a ``trap``, is
a false assertion. Attributes match within 2 %.

>>> gold = [{"kind": "entity", "id": "TSMC", "aliases": ["Taiwan Semiconductor"]},
...         {"kind": "relation", "subject": "X1", "predicate": "fabbedBy", "object": "TSMC"}]
>>> pred = [{"kind": "relation", "subject": "X1", "predicate": "fabbedBy", "object": "tsmc",
...          "modality": "asserted"}]
>>> score_article(gold, pred).strict_tp
1
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KGError

ASSERTING = frozenset({"asserted", "hedged"})
NOT_SO = frozenset({"negated", "hypothetical"})
_NON_ALNUM = re.compile(r"[^0-9a-z]")


def norm(name) -> str:
    """The comparison key of a name: case folded, letters and digits only."""
    return _NON_ALNUM.sub("", str(name).casefold())


def _as_list(value) -> list:
    return value if isinstance(value, list) else [value]


def read_jsonl(path: str | Path) -> list[dict]:
    """Rows of a JSON Lines file.

    Raises
    ------
    kg.KGError
        When a line is not JSON (the message names the file and line).
    """
    rows = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line:
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as err:
            raise KGError(f"{path}:{number}: not JSON ({err}); every line must be one JSON object") from err
    return rows


@dataclass
class ArticleScore:
    """Counts for one article (or a total over several)."""

    gold: int = 0
    predicted: int = 0
    lenient_tp: int = 0
    strict_tp: int = 0
    false_assertions: int = 0
    attributes_gold: int = 0
    attributes_hit: int = 0
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def add(self, other: ArticleScore) -> None:
        """Add another article's counts into this one."""
        for name in ("gold", "predicted", "lenient_tp", "strict_tp", "false_assertions",
                     "attributes_gold", "attributes_hit"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def figures(self) -> dict:
        """Precision, recall, F1 (lenient and strict), false assertions, attribute recall."""
        lp, lr, lf = prf(self.lenient_tp, self.predicted, self.gold)
        sp, sr, sf = prf(self.strict_tp, self.predicted, self.gold)
        attr = self.attributes_hit / self.attributes_gold if self.attributes_gold else 0.0
        return {"lenient_p": round(lp, 3), "lenient_r": round(lr, 3), "lenient_f1": round(lf, 3),
                "strict_p": round(sp, 3), "strict_r": round(sr, 3), "strict_f1": round(sf, 3),
                "false_assertions": self.false_assertions, "attribute_recall": round(attr, 3),
                "gold_relations": self.gold, "predicted_relations": self.predicted}


def prf(tp: int, predicted: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1."""
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


class GoldArticle:
    """The gold rows of one article: entity names, relations, traps and attributes.

    >>> gold = GoldArticle([{"kind": "entity", "id": "TSMC", "aliases": ["Taiwan Semiconductor"]},
    ...                     {"kind": "relation", "subject": "X1", "predicate": "fabbedBy", "object": "TSMC"}])
    >>> resolve = gold.resolver({"tsmc": ["tsmc", "Taiwan Semiconductor"]})
    >>> gold.find(resolve("X1"), "fabbedBy", resolve("tsmc"))
    0
    """

    def __init__(self, rows: list[dict]):
        self.names: dict[str, str] = {}
        for row in rows:
            if row.get("kind") == "entity":
                for name in [row["id"], *row.get("aliases", [])]:
                    self.names.setdefault(norm(name), row["id"])
        self.relations = [r for r in rows if r.get("kind") == "relation"]
        self.traps = [r for r in rows if r.get("kind") == "trap"]
        self.attributes = [r for r in rows if r.get("kind") == "attribute"]

    def resolve(self, names) -> str:
        """The gold id of the first of ``names`` the gold knows, else a private key of the first."""
        for name in names:
            if norm(name) in self.names:
                return self.names[norm(name)]
        return "?" + norm(names[0]) if names else "?"

    def ids(self, spec) -> set[str]:
        """The gold ids of a relation's subject or object (a name or a list of accepted names)."""
        return {self.resolve([n]) for n in _as_list(spec)}

    def resolver(self, known: dict[str, list[str]]):
        """A function from a predicted label to its gold id, through ``known`` (label -> label and aliases)."""
        return lambda label: self.resolve(known.get(label, [label]))

    def find(self, subject: str, predicate: str, obj: str, among=None) -> int | None:
        """The index of the first gold relation (of those indexed by ``among``, default all) that a
        predicted triple, its names resolved to gold ids, matches; None if none does."""
        for i in range(len(self.relations)) if among is None else among:
            g = self.relations[i]
            if g["predicate"] == predicate and subject in self.ids(g["subject"]) and obj in self.ids(g["object"]):
                return i
        return None


def score_article(gold_rows: list[dict], pred_rows: list[dict]) -> ArticleScore:
    """Score one article's predicted rows against its gold rows."""
    gold = GoldArticle(gold_rows)
    resolve = gold.resolver({row["label"]: [row["label"], *row.get("aliases", [])]
                             for row in pred_rows if row.get("kind") == "entity" and "label" in row})

    seen, preds = set(), []
    for row in pred_rows:
        if row.get("kind") != "relation":
            continue
        k = (resolve(row.get("subject", "")), row.get("predicate"), resolve(row.get("object", "")))
        if k not in seen:
            seen.add(k)
            preds.append((k, row.get("modality", "asserted")))

    result = ArticleScore(gold=len(gold.relations), predicted=len(preds), attributes_gold=len(gold.attributes))
    unmatched = list(range(len(gold.relations)))
    for (s, p, o), modality in preds:
        hit = gold.find(s, p, o, among=unmatched)
        if hit is not None:
            unmatched.remove(hit)
            g = gold.relations[hit]
            allowed = set(_as_list(g.get("modality", "asserted")))
            result.lenient_tp += 1
            result.strict_tp += modality in allowed
            if modality in ASSERTING and allowed <= NOT_SO:
                result.false_assertions += 1
                result.wrong.append(f"FALSE ASSERTION {s} {p} {o} ({modality}; gold {g['modality']})")
            elif modality not in allowed:
                result.wrong.append(f"modality {s} {p} {o}: {modality}, gold {g.get('modality')}")
            continue
        trapped = any(t["predicate"] == p and (t["subject"] == "*" or s in gold.ids(t["subject"]))
                      and o in gold.ids(t["object"]) for t in gold.traps)
        if trapped and modality in ASSERTING:
            result.false_assertions += 1
            result.wrong.append(f"FALSE ASSERTION (trap) {s} {p} {o} ({modality})")
        else:
            result.wrong.append(f"spurious {s} {p} {o} ({modality})")
    for i in unmatched:
        g = gold.relations[i]
        result.misses.append(f"missed {_as_list(g['subject'])[0]} {g['predicate']} {_as_list(g['object'])[0]} "
                             f"({'/'.join(_as_list(g.get('modality', 'asserted')))})")
    pred_attrs = [r for r in pred_rows if r.get("kind") == "attribute"]
    for g in gold.attributes:
        for r in pred_attrs:
            try:
                value = float(r.get("value"))
            except (TypeError, ValueError):
                continue
            if (r.get("predicate") == g["predicate"] and resolve(r.get("subject", "")) in gold.ids(g["subject"])
                    and abs(value - g["value"]) <= 0.02 * abs(g["value"])):
                result.attributes_hit += 1
                break
    return result


def pairs(gold_path: str | Path, pred_path: str | Path) -> list[tuple[str, Path, Path]]:
    """``(name, gold file, predicted file)``: one pair for two files, else ``x.gold.jsonl`` with ``x.jsonl``."""
    gold_path, pred_path = Path(gold_path), Path(pred_path)
    if gold_path.is_file():
        return [(gold_path.name, gold_path, pred_path)]
    if not gold_path.is_dir():
        raise KGError(f"{gold_path}: no such file or folder; give a gold .jsonl file or a folder of *.gold.jsonl")
    out = []
    for g in sorted(gold_path.glob("*.gold.jsonl")):
        stem = g.name[: -len(".gold.jsonl")]
        out.append((stem, g, pred_path / f"{stem}.jsonl"))
    if not out:
        raise KGError(f"{gold_path}: no *.gold.jsonl files in this folder")
    return out


def score_paths(gold_path, pred_path) -> tuple[ArticleScore, list[tuple[str, ArticleScore, bool]]]:
    """Score files or folders: the total and ``(name, score, prediction file exists)`` per article."""
    total = ArticleScore()
    per = []
    for name, gold_file, pred_file in pairs(gold_path, pred_path):
        exists = pred_file.exists()
        result = score_article(read_jsonl(gold_file), read_jsonl(pred_file) if exists else [])
        total.add(result)
        per.append((name, result, exists))
    return total, per


__all__ = ["ArticleScore", "GoldArticle", "score_article", "score_paths", "pairs", "prf", "read_jsonl", "norm"]
