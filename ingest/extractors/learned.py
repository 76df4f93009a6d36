"""A learned second reading: relations the rules missed, scored from the dependency path.

The rules of :mod:`ingest.extractors.relations` need a trigger word they know.
Articles say the same things in more ways than any list of triggers holds, so
after the rules have run, every pair of mentions in one sentence whose classes
fit a predicate's signature (an organisation and a chip for ``usesHardware``,
a model and a lab for ``developedBy`` ...) and that the rules did not relate
is scored by a linear model over features of the pair: the dependency path
between the two names with its words, the word that governs both, which of the
rules' trigger lists a word on the path belongs to, the words between them,
their order and classes, and how often the article names each side and the two
together (:class:`PairContext`).

The weights are data (``relation_weights.json`` next to this module), trained
by ``scripts/train_relation_model.py`` on the project's own annotated sets
(never on the shared dev set nor on the sets kept blind to measure it); a
predicate's threshold is the score above which cross-validation across sets
found the added relations right at least 70% of the time. A
pair above its predicate's threshold becomes a claim whose modality comes from
the same reading of negation, hedges and conditions as every rule's
(:func:`ingest.extractors.modality.modality_of` on the governing word), so a
denied or conditional relation is never asserted because a model scored it.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

from ingest.extractors.entities import CHIP_NOUNS, MEMORY_NOUNS, MODEL_NOUNS
from ingest.extractors.lexicon import (
    ANOTHER_OF, COMPARE, DERIVING, DESIGN, DEVELOP, FAB, LICENSE_WORDS, MEM_USE, MEMORY_SUPPLY, OWN_HW, POST_TRAIN, PRE_TRAIN,
    RELEASE, RUN, SUCCESSOR, TRAIN, USE_HW, VARIANT,
)
from ingest.extractors.syntax import CHIP, LICENSE, MEMORY, MODEL, ORG, _Sentence

#: What each predicate relates, as (subject classes, object classes).
SIGNATURES: dict[str, tuple[frozenset, frozenset]] = {
    "usesHardware": (ORG - {"Publisher"}, CHIP | {"ChipDesigner", "CloudProvider"}),
    "runsOn": (MODEL, CHIP | {"CloudProvider"}),
    "trainedOn": (MODEL, CHIP),
    "developedBy": (MODEL, ORG - {"Publisher", "Government"}),
    "designedBy": (CHIP, ORG - {"Publisher", "Government", "Investor"}),
    "fabbedBy": (CHIP, ORG - {"Publisher", "Government", "Investor"}),
    "usesMemory": (CHIP, MEMORY),
    "memorySuppliedBy": (CHIP, ORG - {"Publisher", "Government", "Investor"}),
    "fundedBy": (ORG - {"Publisher"}, ORG - {"Publisher"}),
    "licensedUnder": (MODEL, LICENSE),
    "variantOf": (MODEL | CHIP, MODEL | CHIP),
    "successorOf": (MODEL | CHIP, MODEL | CHIP),
    "comparedTo": (MODEL | CHIP, MODEL | CHIP),
}

#: The rules' trigger lists, named: a word of one on the path between two names is a strong sign.
_TRIGGER_SETS = {
    "pretrain": PRE_TRAIN, "posttrain": POST_TRAIN, "train": TRAIN, "run": RUN, "use": USE_HW, "own": OWN_HW,
    "fab": FAB, "design": DESIGN, "develop": DEVELOP, "memuse": MEM_USE, "release": RELEASE, "compare": COMPARE,
    "successor": SUCCESSOR, "variant": VARIANT, "derive": DERIVING, "licence": LICENSE_WORDS,
    "supply": MEMORY_SUPPLY,
}

_SAME_KIND = frozenset({"variantOf", "successorOf", "comparedTo"})
_MAX_LINEAR = 40  # names further apart in one sentence are rarely related


@lru_cache(maxsize=1)
def load_weights() -> dict:
    """The shipped model: ``{predicate: {"bias": b, "threshold": t, "weights": {feature: w}}}``."""
    path = resources.files("ingest.extractors").joinpath("relation_weights.json")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}


#: Nouns a name qualifies as the thing itself ("Nvidia's chips", "DeepSeek's models").
_OWNED_NOUNS = MODEL_NOUNS | CHIP_NOUNS | MEMORY_NOUNS


def _chain(tok: Token) -> list[Token]:
    out = [tok]
    while out[-1].head.i != out[-1].i:
        out.append(out[-1].head)
    return out


def names_an_owner(tok: Token, mention_at: dict) -> bool:
    """``tok`` is the possessor or qualifier of another name or of a model / chip noun ("Meta's Llama models",
    "DeepSeek's V3 and R1 models", "a future DeepSeek model"): it says whose the thing is, which the rules
    read; it is no party here."""
    return tok.dep_ in {"poss", "compound", "nmod"} and (tok.head.i in mention_at or tok.head.lower_ in _OWNED_NOUNS)


def qualifies_a_third(tok: Token, other: Token) -> bool:
    """``tok`` only qualifies a noun that is neither ``other`` nor a plain chip / model noun ("the CSCS
    supercomputer", "Google's TPUs" as seen from a lab): the relation, if any, is that noun's."""
    return tok.dep_ in {"poss", "compound", "nmod"} and tok.head.i != other.i and tok.head.lower_ not in _OWNED_NOUNS


def of_a_third(tok: Token, other: Token, mention_at: dict) -> bool:
    """``tok`` only completes a noun for another thing ("the March update of V3", "a fine-tuned version of
    Llama"): what is said of the phrase is said of that thing, not of ``tok``."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return False
    noun = tok.head.head
    return noun.lower_ in ANOTHER_OF and noun.i != other.i and noun.i not in mention_at


def another_in_between(a: Token, b: Token, mention_at: dict, path: TreePath | None = None) -> bool:
    """Another name, or a clause describing a third thing, lies on the tree path from ``a`` to ``b`` ("Sapphire
    Rapids trails Epyc, which is built on TSMC's process"; "Apertus was trained on Alps, a supercomputer built
    by HPE"): what is said there is said of that other thing. Names coordinated with or in apposition to
    either end do not count."""
    path = path if path is not None else TreePath(a, b)
    top = path.top
    ends = {a.i, b.i}
    appositive = {e.head.i for e in (a, b) if e.dep_ == "appos"} | {
        t.i for e in (a, b) for t in e.children if t.dep_ == "appos"}
    beside = {t.i for e in (a, b) for t in e.conjuncts} | appositive
    for t in path.between():
        if t.lower_ in _SETTING_ASIDE and t.dep_ == "prep":
            return True  # "Unlike Hopper, Blackwell is made by TSMC"
        if t.i != top.i and t.dep_ in {"acl", "relcl"} and t.head.i not in ends | appositive:
            return True  # a participle or relative clause describing a third thing ("a supercomputer built by")
        m = mention_at.get(t.i)
        if m is None or t.i in ends or t.i in beside or m.source == "coref" and not m.antecedents:
            continue
        return True
    return False


#: Prepositions that set a name beside the sentence's claim rather than inside it.
_SETTING_ASIDE = frozenset({"unlike", "like", "than", "versus", "vs", "vs.", "besides", "except", "beyond"})


class TreePath:
    """The dependency path between two tokens of one sentence, found once for the features, the guards and
    the governing word: ``up`` runs from ``a`` and ``down`` from ``b`` to (not including) ``top``, the lowest
    token over both (their sentence root, and ``joined`` False, when the parse splits them)."""

    __slots__ = ("top", "up", "down", "joined")

    def __init__(self, a: Token, b: Token):
        up_a, up_b = _chain(a), _chain(b)
        in_b = {t.i: n for n, t in enumerate(up_b)}
        k = next((n for n, t in enumerate(up_a) if t.i in in_b), None)
        self.joined = k is not None
        if k is None:
            self.top, self.up, self.down = a.sent.root, up_a, up_b
        else:
            self.top, self.up, self.down = up_a[k], up_a[:k], up_b[:in_b[up_a[k].i]]

    def between(self) -> list[Token]:
        """The tokens between the two ends, the governing word included."""
        return [self.top, *self.up[1:], *self.down[1:]]


def governing_word(a: Token, b: Token) -> Token:
    """The lowest token that dominates both ``a`` and ``b`` (their sentence root when the parse splits)."""
    return TreePath(a, b).top


def pair_features(a: Token, b: Token, a_cls: str, b_cls: str, a_coref: bool, b_coref: bool,
                  path: TreePath | None = None) -> list[str]:
    """Features of the pair (``a`` subject, ``b`` object) in their sentence, predicate-independent."""
    path = path if path is not None else TreePath(a, b)
    feats = [f"cls={a_cls}>{b_cls}", "order=" + ("ab" if a.i < b.i else "ba")]
    if not path.joined:
        feats.append("path=none")
    else:
        lca = path.top
        deps_up = [t.dep_ for t in path.up]
        deps_down = [t.dep_ for t in path.down]
        inner = path.up[1:] + path.down[1:]
        lca_word = lca.lower_ if lca.i not in (a.i, b.i) else "<" + ("a" if lca.i == a.i else "b") + ">"
        feats += [
            f"deps={'^'.join(deps_up)}|{'v'.join(deps_down)}",
            f"path={'^'.join(deps_up)}|{lca_word}|{'v'.join(deps_down)}",
            f"lca={lca_word}", f"lcapos={lca.pos_}", f"len={min(len(deps_up) + len(deps_down), 7)}",
        ]
        feats += [f"on={t.lower_}" for t in inner if not t.is_punct]
        words_on = {t.lower_ for t in inner} | {lca.lower_}
        feats += sorted(f"trig={name}" for name, words in _TRIGGER_SETS.items() if not words.isdisjoint(words_on))
        feats += [f"lca+{c.dep_}={c.lower_}" for c in lca.children
                  if c.dep_ in {"prep", "agent", "dative", "prt", "acomp"} and c.i not in (a.i, b.i)]
    lo, hi = sorted((a.i, b.i))
    gap = hi - lo - 1
    feats.append(f"gap={min(gap, 10) if gap < 10 else (15 if gap < 20 else 30)}")
    if gap <= 12:
        feats += [f"btw={t.lower_}" for t in a.doc[lo + 1:hi] if not t.is_punct or t.text in {",", "(", ";"}]
    feats += [f"a_dep={a.dep_}", f"b_dep={b.dep_}", f"a_head={a.head.lower_}",
              f"b_head={b.head.lower_}", f"a_coref={a_coref}", f"b_coref={b_coref}"]
    return feats


class PairContext:
    """What the whole article says about a pair: how often it names each side and in how many sentences
    the two appear together."""

    def __init__(self, mentions, pairs):
        """``mentions``: the article's mentions; ``pairs``: (subject label, object label, sentence start)."""
        self.named: dict[str, int] = {}
        for m in mentions:
            if m.label and m.source != "coref":
                self.named[m.label] = self.named.get(m.label, 0) + 1
        self.most = max(self.named.values(), default=1)
        self.together: dict[tuple[str, str], set[int]] = {}
        for a, b, sent in pairs:
            self.together.setdefault((a, b), set()).add(sent)

    def features(self, a: str, b: str) -> list[str]:
        na, nb = self.named.get(a, 0), self.named.get(b, 0)
        return [f"together={min(len(self.together.get((a, b), ())), 4)}", f"a_named={min(na, 5)}",
                f"b_named={min(nb, 5)}", f"a_most={na == self.most}", f"b_most={nb == self.most}"]


def score(predicate: str, feats: list[str], weights: dict | None = None) -> float | None:
    """Probability that ``predicate`` holds for a pair with ``feats``; None when no model exists for it."""
    model = (weights if weights is not None else load_weights()).get(predicate)
    if model is None:
        return None
    w = model["weights"]
    z = model["bias"] + sum(w.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def candidate_pairs(s: _Sentence, predicates=SIGNATURES):
    """``(predicate, subject token, subject mention, object token, object mention)`` for every pair of
    mentions of ``s`` whose classes fit the signature of one of ``predicates``."""
    doc = s.sent.doc
    signatures = [(pred, SIGNATURES[pred]) for pred in SIGNATURES if pred in predicates]
    # each mention resolved once per signature side (a pronoun's antecedent depends on the classes wanted)
    as_subject = [[m.resolve(subj_cls) for _p, (subj_cls, _o) in signatures] for m in s.mentions]
    as_object = [[m.resolve(obj_cls) for _p, (_s, obj_cls) in signatures] for m in s.mentions]
    for x, ma in enumerate(s.mentions):
        for y, mb in enumerate(s.mentions):
            if x == y or abs(ma.i - mb.i) > _MAX_LINEAR:
                continue
            for k, (pred, _sig) in enumerate(signatures):
                ra, rb = as_subject[x][k], as_object[y][k]
                if ra is None or rb is None or not ra.label or not rb.label or ra.label == rb.label:
                    continue
                if pred in _SAME_KIND and ra.cls != rb.cls:
                    continue
                yield pred, doc[ma.i], ra, doc[mb.i], rb
