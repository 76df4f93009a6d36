"""Same-class relations: ``comparedTo``, ``successorOf``, ``variantOf``.

Mixin of :class:`ingest.extractors.relations.RelationExtractor`. Both ends have the same class, so
word order around the trigger decides who is subject ("X outperforms Y", "the previous-generation
Hopper", "a variant of", "derived from").
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Token

from ingest.extractors.lexicon import COMPARE, COMPARATIVE_TAGS, DERIVING, MAKE, NUMBER_WORDS
from ingest.extractors.entities import MODEL_NOUNS, Mention, key
from ingest.extractors.modality import modality_of
from ingest.extractors.syntax import (
    CHIP, MODEL, RawClaim, _Sentence, _subject_mention, before_punctuation, possessor, predicated_of,
)


#: Verbs and nouns of "the family has three members", "the series comprises two chips", "comes in two sizes".
_HAVING = frozenset({"has", "have", "had", "comprises", "comprise", "comprised", "includes", "include", "included",
                     "consists", "consist", "consisted", "comes", "come", "came", "spans", "span"})
_MEMBER_NOUNS = frozenset({"members", "models", "versions", "variants", "sizes", "chips", "parts", "flavours",
                           "flavors", "editions", "configurations", "tiers", "products", "accelerators", "gpus"})

#: Nouns that make "after X" a place in a line of products ("the generation after the AI5").
_GENERATION_NOUNS = frozenset({"generation", "chip", "model", "architecture", "platform", "part", "design",
                               "accelerator", "gpu", "processor", "successor", "step", "version", "release"})

_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
             "ninth": 9, "tenth": 10, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "7th": 7, "8th": 8}


def _generation_number(tok: Token) -> tuple[str, int] | None:
    """``(line noun, n)`` for a name described as "the n-th-generation <noun>" in apposition or after a
    copula ("Ironwood, the seventh-generation TPU", "Trillium is Google's sixth-generation TPU")."""
    nouns = [c for c in tok.children if c.dep_ == "appos"]
    if tok.dep_ == "appos":
        nouns.append(tok.head)
    if tok.dep_ == "nsubj":
        nouns += [c for c in tok.head.children if c.dep_ == "attr"]
    for noun in nouns:
        words = [t for t in noun.subtree if t.i < noun.i]
        for j, w in enumerate(words):
            low = w.lower_
            if low in _ORDINALS and j + 1 < len(words) and words[j + 1].lower_ in {"-", "generation"}:
                return noun.lower_.rstrip("s"), _ORDINALS[low]
            if low.endswith("-generation") and low.split("-")[0] in _ORDINALS:
                return noun.lower_.rstrip("s"), _ORDINALS[low.split("-")[0]]
    return None


#: What a count compares ("more parameters than X"): a size, not the "stated performance comparison" of comparedTo.
_COUNTED = frozenset({"parameters", "weights", "billion", "million", "trillion", "layers", "experts"})


def _compared_before(tok: Token, trig: Token) -> bool:
    """Whether ``tok`` is the yardstick of an earlier comparison word than ``trig`` ("ahead of Y")."""
    cur = tok
    while cur.head.i != cur.i and cur.i != trig.i:
        if cur.dep_ in {"nsubj", "nsubjpass"}:
            return False
        cur = cur.head
        if cur.dep_ in {"nsubj", "nsubjpass"}:
            return False  # "the 910B's performance was comparable to": the subject's side
        if cur.i < trig.i and cur.lower_ in COMPARE:
            return True
        if cur.pos_ in {"VERB", "AUX"}:
            return False
    return False


def _called(noun: Token, s: _Sentence) -> bool:
    """"a prototype called Grok-0": a common noun given a name by "called"/"named"/"dubbed"."""
    return any(c.dep_ == "acl" and c.lower_ in {"called", "named", "dubbed", "known"} and any(
        t.i in s.by_token for t in c.subtree) for c in noun.children)


_MOVING_VERBS = frozenset({"moved", "moves", "move", "moving", "transitioned", "transition", "transitioning",
                           "shifted", "shift", "shifting", "upgraded", "upgrade", "upgrading", "went", "going"})
_PERFORMANCE_WORDS = frozenset({"score", "scored", "scores", "scoring", "performs", "performed", "perform",
                                "performance", "benchmark", "benchmarks", "test", "tests", "evaluation", "evaluations",
                                "results", "faster", "speed", "accuracy", "placed", "ranked", "ranks", "ranking",
                                "leaderboard", "outscores", "scores", "comparison", "comparisons", "chart",
                                "charts"})
#: "put X ahead of Y", "ranks second, behind only Y": verbs that rank one name against another
_RANKING_VERBS = frozenset({"put", "puts", "putting", "placed", "places", "placing", "ranks", "ranked", "ranking",
                            "came", "comes", "finished", "finishes", "sits", "sat", "landed", "lands"})
_LINE_NOUNS = frozenset({"family", "families", "line", "lineup", "series", "generation", "range"})
_PERIOD_ORDINALS = frozenset({"first", "second", "third", "fourth", "last", "final", "current", "next", "this",
                              "same", "previous", "latest", "coming", "1st", "2nd", "3rd", "4th"})
_ORDINAL_HEADS = frozenset({"generation", "generations", "version", "versions", "iteration", "release", "model",
                            "models", "quarter", "half", "year", "edition", "round", "chip", "part", "member",
                            "time", "place", "largest", "biggest", "-", "digit", "digits"})
_DESIGN_WORDS = frozenset({"architecture", "design", "platform", "family", "generation", "line", "series",
                           "model", "base"})
#: Words after a hyphen that make a name the line of what they describe ("an Ampere-based module").
_LINE_SUFFIXES = frozenset({"based", "family", "generation", "derived"})
#: Machines built from chips, which are no version of them ("a Blackwell-based server").
_WHOLE_MACHINES = frozenset({"server", "servers", "desktop", "desktops", "rack", "racks", "system", "systems",
                             "supercomputer", "supercomputers", "workstation", "workstations", "pc", "pcs",
                             "laptop", "laptops", "cluster", "clusters"})
#: What a processor is built from ("built on Arm's Neoverse V1 cores", "on its Neoverse N2 compute subsystem").
_CORE_WORDS = frozenset({"core", "cores", "subsystem", "subsystems"})


_SAYING = frozenset({"says", "said", "say", "claims", "claimed", "claim", "believes", "thinks", "reckons", "argues",
                     "contends", "insists", "estimates", "hopes"})


def relative_antecedent(s: _Sentence, trig: Token, classes) -> list:
    """"R1, a reasoning model that (the company says) performs on a par with o1": the name a relative
    clause around the trigger describes, directly or through the description in apposition."""
    verb = trig
    while verb.dep_ != "relcl":
        if verb.head.i == verb.i or verb.dep_ in {"ccomp", "advcl", "parataxis"} and verb.head.lower_ not in _SAYING:
            return []  # only through "says" to the relative clause
        verb = verb.head
    if not any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in {"that", "which", "who"} for c in verb.subtree
               if c.head.i == verb.i or c.head.dep_ == "ccomp" and c.head.head.i == verb.i):
        return []
    holder = verb.head
    described = holder.head if holder.dep_ == "appos" else None
    if holder.dep_ in {"dobj", "dep"}:
        # "Meta released Llama 3.3 on Friday, a model that ...": a second object (or "dep") describes the first
        described = next((c for c in holder.head.children if c.dep_ == "dobj" and c.i < holder.i), None)
    for tok in (holder, described):
        m = s.by_token.get(tok.i) if tok is not None else None
        r = m.resolve(classes) if m is not None else None
        if r is not None and tok.i < trig.i:
            return [(1, tok, r)]
    return []


def _described_variant(s: _Sentence, trig: Token):
    """"The A800, a version of its A100, ...", "the H20 is a cut-down version of the H100": the
    described name is the variant, the name after "of" (or the name of the line after "of") its origin."""
    if trig.pos_ != "NOUN" or trig.dep_ not in {"appos", "attr"}:
        return None
    if trig.dep_ == "appos":
        holder = trig.head
    else:
        holder = next((c for c in trig.head.children if c.dep_ == "nsubj"), None)
    if holder is None or holder.i not in s.by_token:
        return None
    of = [o for p in trig.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    of += [c for o in of if o.lower_ in _LINE_NOUNS for c in o.children if c.dep_ in {"compound", "nmod"}]
    for classes in (CHIP, MODEL):
        subj = s.by_token[holder.i].resolve(classes)
        if subj is None:
            continue
        obj = next(((o, m) for o in of if o.i in s.by_token
                    and (m := (_other_than(s.by_token[o.i], o, classes, subj.label) if trig.lower_ in _VERSION_NOUNS
                               else s.by_token[o.i].resolve(classes))) is not None), None)
        if obj is not None and subj.label != obj[1].label:
            return (1, holder, subj), (1, obj[0], obj[1])
    return None


#: Nouns that say a name is a model or a chip (not a cluster built from chips).
_DESCRIBING_NOUNS = MODEL_NOUNS | {"chip", "accelerator", "gpu", "processor", "version", "variant", "classifier",
                                  "llm"}
#: Nouns for a version of one model or chip ("a multimodal version of the model"), not a line or a generation.
_VERSION_NOUNS = frozenset({"version", "variant", "edition", "flavor", "flavour", "derivative", "iteration"})


def _other_than(mention, tok: Token, classes, label: str):
    """What a mention names, or for a bare description ("a multimodal version of the model") whose nearest
    antecedent is the very name it describes, the one before it, named in the sentence or the one before
    (not "the model behind Gemini", which says which model it is)."""
    named = mention.resolve(classes)
    if named is None or named.label != label or mention.source != "coref":
        return named
    if any(c.dep_ in {"prep", "relcl", "acl", "compound"} or c.dep_ == "amod" and c.lower_ != "same"
           for c in tok.children):
        return None  # ("the model behind Gemini" says which; "the same chip" is the one just named)
    since = tok.sent.start
    since = tok.doc[since - 1].sent.start if since > 0 else since  # (the sentence before, too)
    return next((a for a in mention.antecedents if a.cls in classes and a.label != label and a.i >= since), None)


_OVER_HEADS = frozenset({"gains", "gain", "improvement", "advantage", "lead", "boost", "speedup", "uplift",
                         "preferred", "wins", "win", "edge", "improvements", "advantages"})


def _described_name(noun: Token, s: _Sentence) -> Token | None:
    """The name a noun describes: the subject of "X is the generation after Y", the name before "X, the
    architecture after Y"."""
    if noun.dep_ == "attr":
        return next((c for c in noun.head.children if c.dep_ == "nsubj" and c.i in s.by_token), None)
    if noun.dep_ == "appos":
        return noun.head if noun.head.i in s.by_token else None
    return None


def _more_of_a_rate(verb: Token) -> bool:
    """"generates 40 per cent more tokens per dollar than the B200": the verb's object is a comparative
    amount of what it produces (not "has one billion more parameters than X", a count)."""
    return any(c.dep_ == "dobj" and c.lower_ not in _COUNTED and any(
        t.lower_ in {"more", "less", "fewer"} and t.dep_ == "amod" for t in c.children) for c in verb.children)


def _verb_compares(than: Token) -> bool:
    """"X scored higher on the maths test than Y": the comparative is the verb's, and the parser hung "than"
    on a noun after it."""
    verb = next((a for a in than.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    return verb is not None and any(c.tag_ in COMPARATIVE_TAGS and c.dep_ in {"advmod", "acomp"}
                                    and c.i < than.i for c in verb.children)


def _as_good_as(trig: Token) -> bool:
    """The second "as" of "as fast as X" / "not as capable as X", naming what is measured against."""
    head = trig.head
    return trig.dep_ == "prep" and head.pos_ in {"ADJ", "ADV"} and head.lower_ != "well" and any(
        c.dep_ == "advmod" and c.lower_ == "as" and c.i < head.i for c in head.children) and any(
        c.dep_ == "pobj" for c in trig.children)


#: Multiples that compare through an "of" phrase: "twice the bandwidth of X", "4.7 times the compute of Y".
_MULTIPLES = frozenset({"times", "twice", "double", "triple"})
#: Plural kind words, said of each of a list of names: "X and Y are members of the Z family".
_PLURAL_KINDS = frozenset({"members", "versions", "variants", "editions", "derivatives", "iterations", "additions",
                           "flavors", "flavours", "siblings"})
#: Verbs of making a model, which "by fine-tuning X" may complete.
_MAKING_PARTICIPLES = frozenset({"made", "make", "makes", "created", "create", "creates", "built", "build", "builds",
                                 "produced", "produce", "produces", "obtained", "derived", "developed", "trained"})


class LineageRules:
    """Mixin: comparisons, successors and variants between two models or two chips."""

    def _same_class_pair(self, s: _Sentence, trig: Token, *, inverse=False, maxd=5):
        """(subject, object) of a same-class relation: the mention before the trigger and the one after."""
        for classes in (CHIP, MODEL):
            cands = s.candidates(classes, trigger=trig, maxd=maxd)
            before = [x for x in cands if x[1].i < trig.i] or relative_antecedent(s, trig, classes)
            after = [x for x in cands if x[1].i > trig.i]
            if before and after:
                subj, obj = before[0], after[0]
                if subj[2].label != obj[2].label:
                    return (obj, subj) if inverse else (subj, obj)
        return None

    def _compare(self, s: _Sentence, trig: Token) -> list[RawClaim]:
        low = trig.lower_
        if low == "than":
            doc = trig.doc
            if trig.i > 0 and doc[trig.i - 1].lower_ in {"rather", "other"}:
                return []
            if trig.head.lower_ in _COUNTED and any(c.lower_ in {"more", "fewer", "less"} for c in trig.head.children) \
                    or trig.head.lower_ in {"more", "fewer", "less"} and (trig.head.head.lower_ in _COUNTED or any(
                    c.dep_ == "pobj" and (c.like_num or c.lower_ in _COUNTED) for c in trig.children)):
                return []  # "one billion more than the 175 billion of GPT-3", "fewer parameters than X": a count
            if trig.dep_ == "quantmod" and (trig.head.like_num or trig.head.tag_ == "CD") and not any(
                    t.lower_ in {"%", "percent", "per"} for t in trig.doc[trig.head.i + 1:trig.head.i + 2]):
                return []  # "powered by more than 10,000 of Nvidia's GH200s": how many, not a comparison ("more
                # than 90 per cent of ChatGPT's quality" still is one)
            if not (trig.head.tag_ in COMPARATIVE_TAGS or trig.head.lower_ in {"more", "less", "fewer"}
                    or any(c.tag_ in COMPARATIVE_TAGS or c.lower_ in {"more", "less", "fewer"} for c in trig.head.children)
                    or any(t.tag_ in COMPARATIVE_TAGS and trig in t.subtree for t in trig.ancestors)
                    or any(t.tag_ in COMPARATIVE_TAGS for left in trig.head.lefts for t in left.subtree)
                    or _more_of_a_rate(trig.head) or _verb_compares(trig)):
                # ("30 per cent better compute performance than X": the comparative deeper in the noun phrase)
                return []
        if low == "over" and trig.head.lower_ not in _OVER_HEADS:
            return []  # only "gains over X", "an advantage over X", "preferred over X" (by raters)
        if low == "as" and not _as_good_as(trig):
            return []  # only "as fast as X", "not as capable as X"
        if low == "parity" and not any(c.dep_ == "prep" and c.lower_ == "with" for c in trig.children):
            return []  # only "parity with X"
        if low in {"close", "closer", "similar"} and not any(c.dep_ == "prep" and c.lower_ == "to" for c in (
                *trig.children, *(trig.head.children if trig.dep_ == "amod" and low == "similar"
                                  and trig.head.lower_ in {"level", "levels"} | _PERFORMANCE_WORDS else ()))):
            return []  # only "comes close to X", "a level similar to X", "at a similar level to X" (not "a close
            # resemblance to X")
        if low == "level" and not any(c.dep_ == "prep" and c.lower_ == "with" for c in trig.children):
            return []  # only "roughly level with X"
        if low in {"alternative", "alternatives"}:  # only "X is (pitched as) a cheaper alternative to Y"
            return self._alternative_to(s, trig)
        ranking = _RANKING_VERBS - {"sits", "sat"} | {"scored", "scores", "scoring"}
        if low == "above" and not (trig.head.lower_ in ranking
                                   and any(c.dep_ == "pobj" for c in trig.children)):
            return []  # only "ranked above X", "scored above X" ("above 90 per cent" is a level, "sits above X" in a
            # range a place in a line-up, not a result)
        if low == "ahead" and not (any(c.dep_ == "prep" and c.lower_ == "of" for c in trig.children) and (any(
                t.lower_ in _PERFORMANCE_WORDS for t in trig.sent) or trig.head.lower_ in _RANKING_VERBS)):
            return []  # "scored ahead of X" compares performance; "well ahead of rivals" in usage does not
        window = trig.doc[trig.i:min(trig.sent.end, trig.i + 8)]
        if low in {"bracket", "league"} and not (any(c.lower_ == "same" for c in trig.children) and any(
                c.dep_ == "prep" and c.lower_ == "as" for c in trig.children)):
            return []  # only "in the same bracket as X", "in the same league as X"
        if low in {"percent", "half", "fraction", "times", "twice", "double", "triple", "third", "quarter", "tenth",
                   "fifth", "doubles", "doubled", "triples", "tripled", "quadruples", "quadrupled"} and not any(t.lower_ == "of" or t.lower_ in {"on", "found"} and t.i > trig.i + 2
                                        for t in window) and not (
                len(window) > 3 and window[1].lower_ == "as" and any(t.lower_ == "as" for t in window[3:])):
            return []  # "twice the memory of X", "60 percent of the performance of X", "twice as fast as X"
        if low in {"third", "quarter", "fifth", "tenth", "half", "double", "triple"} and trig.i + 1 < len(trig.doc) \
                and trig.doc[trig.i + 1].lower_ in _ORDINAL_HEADS:
            return []  # "the third generation of its Qwen models": no comparison
        if low in {"third", "quarter", "half"} and trig.i > 0 and trig.doc[trig.i - 1].lower_ in _PERIOD_ORDINALS:
            return []  # "in the last quarter of 2026", "the second half of 2026": a time
        if low == "performance" and not any(c.dep_ == "prep" and c.lower_ == "of" for c in trig.children):
            return []
        if low == "well" and not (0 < trig.i < len(trig.doc) - 1 and trig.doc[trig.i - 1].lower_ == "as"
                                  and trig.doc[trig.i + 1].lower_ == "as"
                                  and any(a.lower_ in _PERFORMANCE_WORDS for a in list(trig.ancestors)[:2])):
            return []  # only "performs (about) as well as X"; "as well as" alone is "and"
        if low == "behind" and trig.pos_ != "ADV" and trig.head.lower_ not in {
                "lags", "trails", "falls", "is", "was", "remains", "remained"} | _RANKING_VERBS:
            return []
        explicit = self._compared_with(s, trig)
        if explicit is not None:
            return explicit
        pair = self._same_class_pair(s, trig, maxd=8 if low in _MULTIPLES else 5)  # ("4.7 times the peak
        # compute per chip of the TPU v5e": the yardstick at the end of a longer "of" phrase)
        if not pair:
            return []
        (d_s, s_tok, subj), (d_o, o_tok, obj) = pair
        if trig.pos_ == "VERB":  # "X outperforms Y and matches Z": the verb's own subject
            own = _subject_mention(s, trig, frozenset({obj.cls}))
            if own is not None and own.label != obj.label:
                subj = own
        if subj is pair[0][2] and _compared_before(s_tok, trig):
            # "X scores ahead of Y, and also beats Z": Y is what X was set against, not who beats Z
            earlier = [x for x in s.candidates(frozenset({obj.cls}), trigger=trig)
                       if x[1].i < s_tok.i and not _compared_before(x[1], trig)]
            if not earlier:
                return []
            _d, s_tok, subj = earlier[-1]
        said = s.by_token.get(s_tok.i)
        if said is not None and said.source == "coref" and subj is said.resolve(frozenset({subj.cls})) \
                and key(obj.label).startswith(key(subj.label)):
            # "the model outperforms Llama 2 13B": not Llama 2 itself (a family is not set against its member)
            subj = next((a for a in said.antecedents if a.cls == subj.cls
                         and not key(obj.label).startswith(key(a.label)) and a.label != obj.label), None)
            if subj is None:
                return []
        against = self._set_against.setdefault(s.sent.start, {})  # yardstick -> what was set against it
        if against.get(subj.label) not in {None, obj.label}:
            # "puts X ahead of A and B, and close to C": A, already set against X, is not what is close to C
            subj = next((m for _d, _t, m in s.candidates(frozenset({subj.cls}))
                         if m.label == against[subj.label]), subj)
        out = []
        for ot, om in [(o_tok, obj)] + self._conjuncts(s, o_tok, CHIP | MODEL):
            if om.cls != subj.cls or om.label == subj.label:
                continue
            c = self._claim(subj.label, "comparedTo", om.label, trig, s.sent, obj_tok=ot, subj_tok=s_tok,
                            confidence=0.7, rule=f"trigger:{low}")
            if c and low == "as" and c.modality == "negated" and c.cue == "not":
                c = dataclasses.replace(c, modality="asserted", cue="")  # "not as capable as X" still compares
            if c:
                out.append(c)
                against[om.label] = subj.label
        return out

    def _alternative_to(self, s: _Sentence, trig: Token) -> list[RawClaim]:
        """"The MI300X is the main alternative to the H100", "Gaudi 3, which Intel pitched as a cheaper
        alternative to Nvidia's H100": the name the alternative is said of, set against the one after "to"."""
        said = None
        if trig.dep_ == "attr":
            said = next((c for c in trig.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        elif trig.dep_ == "pobj" and trig.head.lower_ == "as":
            verb = trig.head.head
            said = next((c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}), None)
            if said is not None and said.lower_ in {"which", "that"} and verb.dep_ == "relcl":
                said = verb.head
        m = s.by_token.get(said.i) if said is not None else None
        subj = m.resolve(CHIP | MODEL) if m is not None and m.source != "coref" else None
        if subj is None:
            return []
        out = []
        for p in trig.children:
            if p.dep_ != "prep" or p.lower_ != "to":
                continue
            for o in p.children:
                om = s.by_token.get(o.i)
                obj = om.resolve(frozenset({subj.cls})) if om is not None and om.source != "coref" else None
                if obj is None:
                    continue
                for ot, other in [(o, obj)] + self._conjuncts(s, o, frozenset({subj.cls})):
                    c = self._claim(subj.label, "comparedTo", other.label, trig, s.sent, obj_tok=ot, subj_tok=said,
                                    confidence=0.65, rule=f"trigger:{trig.lower_}")
                    if c:
                        out.append(c)
        return out

    def _compared_with(self, s: _Sentence, trig: Token) -> list[RawClaim] | None:
        """"charts comparing Codestral with CodeLlama 70B and Llama 3 70B and with DeepSeek Coder 33B": the
        object of "compare" set against every name after "with"/"to"/"against" (None: not this shape)."""
        if trig.lower_ not in {"comparing", "compared", "compare", "compares"} or trig.pos_ != "VERB":
            return None
        what = next((c for c in trig.children if c.dep_ in {"dobj", "nsubjpass", "npadvmod"} and c.i in s.by_token), None)
        if what is None and trig.dep_ in {"advcl", "prep"} and trig.i < trig.head.i:
            # "Compared with the H100, the B200 is faster": the main clause's subject
            what = next((c for c in trig.head.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i in s.by_token),
                        None)
        if what is None:
            return None
        preps = [p for p in trig.children if p.dep_ == "prep" and p.lower_ in {"with", "to", "against"}]
        preps += [c for p in preps for c in p.conjuncts if c.dep_ == "conj" and c.lower_ in {"with", "to", "against"}]
        out = []
        for classes in (CHIP, MODEL):
            subj = s.by_token[what.i].resolve(classes)
            if subj is None:
                continue
            for p in preps:
                for o in (c for c in p.children if c.dep_ == "pobj"):
                    for t in [o, *o.conjuncts]:
                        m = s.by_token.get(t.i)
                        obj = m.resolve(classes) if m is not None else None
                        if obj is None or obj.label == subj.label:
                            continue
                        c = self._claim(subj.label, "comparedTo", obj.label, trig, s.sent, obj_tok=t, subj_tok=what,
                                        confidence=0.7, rule="compared-with")
                        if c:
                            out.append(c)
        return out

    def _successor(self, s: _Sentence, trig: Token) -> list[RawClaim]:
        low = {"successors": "successor", "predecessors": "predecessor"}.get(trig.lower_, trig.lower_)
        doc = s.sent.doc
        if low in {"first", "previous", "prior", "last"} and trig.i + 1 < s.sent.end:
            # "first-generation" / "previous generation" split into several tokens
            nxt = [t.lower_ for t in doc[trig.i + 1:min(s.sent.end, trig.i + 3)]]
            if nxt[:1] == ["generation"] or nxt[:2] in (["-", "generation"], ["-", "gen"]):
                low = {"first": "first-generation", "last": "last-generation"}.get(low, "previous-generation")
            elif low == "first":
                return self._first_since(s, trig)
            elif low == "last":
                return []
        if low in {"previous", "prior", "previous-generation", "previous-gen", "last-gen", "last-generation",
                   "older", "first-generation", "first-gen", "original"} or (
                       low == "predecessor" and trig.dep_ in {"amod", "compound"}):
            # "the previous-generation Hopper": that mention is the predecessor of the sentence's subject
            if low in {"older", "first", "original"} and not any(
                    t.lower_ in {"generation", "gen"} for t in doc[trig.i:trig.i + 3]):
                return []
            if low == "first-generation" or low == "first-gen" or low == "original":
                if not any(t.lower_ in COMPARE | {"than", "over", "times", "faster", "improvement"} for t in trig.sent):
                    return []
            target = None
            for j in range(trig.i + 1, min(trig.i + 5, s.sent.end)):
                if j in s.by_token:
                    target = j
                    break
            if target is None:
                return []
            old = s.by_token[target].resolve(CHIP | MODEL)
            if old is None or s.by_token[target].source == "coref":
                return []
            others = [x for x in s.candidates(frozenset({old.cls}), trigger=doc[target], maxd=8)
                      if x[2].label != old.label and x[1].i < trig.i]
            if not others:
                return []
            d, n_tok, new = others[0]
            c = self._claim(new.label, "successorOf", old.label, doc[target], s.sent, obj_tok=None, subj_tok=n_tok,
                            confidence=0.7, rule=f"trigger:{low}")
            return [c] if c else []
        if low in {"newer"}:
            return []
        if low in {"predecessor", "successor"} and possessor(trig, s) is not None:
            return []  # "its predecessor, GPT-4 Turbo": read by _named_generation
        in_apposition = next((c for c in trig.children if c.dep_ == "appos" and c.i in s.by_token), None)
        if low in {"predecessor", "successor"} and (in_apposition is not None or any(
                c.dep_ == "acl" and c.lower_ in {"called", "named", "dubbed"} for c in trig.children)):
            # "it works on a successor called Jaguar Shores", "launched a successor, the X330": the named one
            named = in_apposition or next(
                (t for c in trig.children if c.dep_ == "acl" for t in c.subtree if t.i in s.by_token), None)
            y = s.by_token[named.i].resolve(CHIP | MODEL) if named is not None else None
            if y is None:
                return []
            x = next((m for _d, _t, m in s.candidates(frozenset({y.cls}), trigger=trig, maxd=8)
                      if m.label != y.label), None)
            if x is None:
                return []
            newer, older = (y, x) if low == "successor" else (x, y)
            c = self._claim(newer.label, "successorOf", older.label, trig, s.sent, obj_tok=named, confidence=0.7,
                            rule="named-successor")
            return [c] if c else []
        if low in {"take", "takes", "took", "taking", "taken"}:
            return self._taking_over(s, trig)
        if low == "after":
            return self._generation_after(s, trig)
        relative = self._relative_succession(s, trig)
        if relative is not None:
            return relative
        if low == "before" and not any(t.lower_ in {"generation", "gen"} for t in [trig.head, *trig.head.children]):
            return []
        follow_up = low == "follow" and doc[trig.i + 1:trig.i + 3].text.lower() in {"- up", "- on", "-up", "-on"}
        if low in {"follows", "followed", "follow"} and not follow_up and not any(t.lower_ in {"successor", "generation"} for t in trig.sent) \
                and not any(c.dep_ == "dobj" and (c.i in s.by_token or _called(c, s) or c.lower_ in _LINE_NOUNS and any(
                    n.dep_ in {"compound", "nmod"} and n.i in s.by_token for n in c.children)) for c in trig.children):
            return []  # ... "Grok-1 followed a prototype called Grok-0" names what it followed
        inverse = low in {"predecessor", "before", "preceded", "precedes", "precede"}  # ("the Graviton3 that
        #                                                                   preceded it": the newer one is "it")
        if trig.pos_ == "VERB" and any(c.dep_ == "auxpass" for c in trig.children) and any(
                c.dep_ == "agent" for c in trig.children):
            inverse = not inverse  # "The H100 was succeeded by the H200", "the H200 was preceded by the H100"
        pair = self._same_class_pair(s, trig, inverse=inverse)
        if not pair:
            return []
        (d_s, s_tok, subj), (d_o, o_tok, obj) = pair
        if subj.cls != obj.cls or _within(o_tok, trig):
            return []
        if low in {"preceded", "precedes", "precede"} and (
                self.gazetteer.vendor_of(subj.label) is None
                or self.gazetteer.vendor_of(subj.label) != self.gazetteer.vendor_of(obj.label)):
            return []  # an order in time between two makers' products ("GPT-4o preceded Claude 3.5 Sonnet by a
            #            month") is no lineage
        c = self._claim(subj.label, "successorOf", obj.label, trig, s.sent, obj_tok=o_tok, subj_tok=s_tok,
                        confidence=0.7, rule=f"trigger:{low}")
        out = [c] if c else []
        if not inverse and s_tok.i < trig.i < o_tok.i:  # "X and Y succeed A": each conjunct is a successor
            for st, sm in self._conjuncts(s, s_tok, frozenset({subj.cls})):
                if sm.label not in {subj.label, obj.label} and s.by_token[st.i].source != "coref":
                    c = self._claim(sm.label, "successorOf", obj.label, trig, s.sent, obj_tok=o_tok, subj_tok=st,
                                    confidence=0.7, rule=f"trigger:{low}")
                    if c:
                        out.append(c)
        if not inverse and o_tok.i > trig.i:  # "X succeeds A and B": each conjunct is a predecessor
            for ot, om in self._conjuncts(s, o_tok, CHIP | MODEL):
                if om.cls != subj.cls or om.label in {subj.label, obj.label}:
                    continue
                c = self._claim(subj.label, "successorOf", om.label, trig, s.sent, obj_tok=ot, subj_tok=s_tok,
                                confidence=0.7, rule=f"trigger:{low}")
                if c:
                    out.append(c)
        return out

    def _generation_after(self, s: _Sentence, trig: Token) -> list[RawClaim]:
        """"The AI6 is the generation after the AI5", "Rubin, the architecture after Blackwell": the name
        described as the generation (chip, model, architecture) after another succeeds it."""
        noun = trig.head
        if trig.dep_ != "prep" or noun.lower_ not in _GENERATION_NOUNS:
            return []
        older_tok = next((o for o in trig.children if o.dep_ == "pobj" and o.i in s.by_token), None)
        newer_tok = _described_name(noun, s)
        if older_tok is None or newer_tok is None:
            return []
        for classes in (CHIP, MODEL):
            newer, older = s.by_token[newer_tok.i].resolve(classes), s.by_token[older_tok.i].resolve(classes)
            if newer is not None and older is not None and newer.label != older.label:
                c = self._claim(newer.label, "successorOf", older.label, trig, s.sent, obj_tok=older_tok,
                                subj_tok=newer_tok, confidence=0.7, rule="generation-after")
                return [c] if c else []
        return []

    def _first_since(self, s: _Sentence, first: Token) -> list[RawClaim]:
        """"Claude Haiku 4.5, the first Haiku since Claude 3.5 Haiku", "Opus 4 is the first new model in the
        Opus line since Claude 3 Opus": the name so described succeeds the one after "since", when the
        gazetteer gives both the same maker (not "the first model since GPT-4 to top the chart")."""
        noun = first.head
        if first.dep_ != "amod" or noun.pos_ not in {"NOUN", "PROPN"}:
            return []
        since = next((t for t in noun.subtree if t.lower_ == "since" and t.dep_ == "prep" and t.i > noun.i), None)
        older_tok = next((o for o in since.children if o.dep_ == "pobj" and o.i in s.by_token), None) \
            if since is not None else None
        if older_tok is None or any(t.lower_ == "to" and t.dep_ == "aux" for t in noun.subtree):
            return []
        if not (noun.pos_ == "PROPN" and not noun.text.isupper()
                or any(t.lower_ in {"line", "family", "series"} for t in noun.subtree)):
            return []  # the first of a line ("the first Haiku", "in the Opus line"), not of a kind ("the first
            # open-weight model", "LLM" or "GPU" since ...)
        newer_tok = _described_name(noun, s)
        if newer_tok is None:
            return []
        for classes in (CHIP, MODEL):
            newer, older = s.by_token[newer_tok.i].resolve(classes), s.by_token[older_tok.i].resolve(classes)
            if newer is None or older is None or newer.label == older.label:
                continue
            maker = self.gazetteer.vendor_of(newer.label)
            if maker is None or maker != self.gazetteer.vendor_of(older.label):
                return []
            c = self._claim(newer.label, "successorOf", older.label, first, s.sent, obj_tok=older_tok,
                            subj_tok=newer_tok, confidence=0.65, rule="first-since")
            return [c] if c else []
        return []

    def _taking_over(self, s: _Sentence, trig: Token) -> list[RawClaim]:
        """"The H20 took over from the H800 (as its main product for China)": the subject succeeds."""
        if not any(c.dep_ == "prt" and c.lower_ == "over" for c in trig.children):
            return []
        olds = [o for p in trig.children if p.dep_ == "prep" and p.lower_ == "from" for o in p.children
                if o.dep_ == "pobj" and o.i in s.by_token]
        newer_tok = next((c for c in trig.children if c.dep_ == "nsubj" and c.i in s.by_token), None)
        if not olds or newer_tok is None:
            return []
        for classes in (CHIP, MODEL):
            newer, older = s.by_token[newer_tok.i].resolve(classes), s.by_token[olds[0].i].resolve(classes)
            if newer is not None and older is not None and newer.label != older.label:
                c = self._claim(newer.label, "successorOf", older.label, trig, s.sent, obj_tok=olds[0],
                                subj_tok=newer_tok, confidence=0.7, rule="took-over")
                return [c] if c else []
        return []

    def _relative_succession(self, s: _Sentence, trig: Token) -> list[RawClaim] | None:
        """Succession verbs in relative clauses: "Qwen2.5, which Qwen3 succeeds" (the relativised noun
        is the object) and "Rubin, the platform Nvidia lined up to succeed Blackwell" (it is the subject)."""
        if trig.pos_ != "VERB" and trig.dep_ != "relcl" or trig.lower_ not in {"succeeds", "succeeded", "succeed", "replaces", "replaced",
                                                       "replace", "follow", "follows", "followed"}:
            return None
        verb = trig
        while (verb.dep_ in {"xcomp", "conj", "advcl"} or verb.dep_ == "ccomp" and verb.head.lower_ in _SAYING) \
                and verb.head.i != verb.i and verb.tag_ in {"VB", "VBN", "VBZ", "VBD", "VBP"}:
            verb = verb.head  # "the architecture Nvidia has said will follow Blackwell"
        if verb.dep_ not in {"relcl", "acl"}:
            return None
        noun = verb.head
        named = [noun] + ([noun.head] if noun.dep_ == "appos" else [])
        if noun.dep_ == "attr":  # "Rubin is the architecture that follows Blackwell"
            named += [c for c in noun.head.children if c.dep_ == "nsubj"]
        before = before_punctuation(noun.left_edge)  # "Rubin, the platform ...": the name the noun describes
        if before is not None:
            named.append(before)
        relativised = next((s.by_token[n.i] for n in named if n.i in s.by_token
                            and s.by_token[n.i].source != "coref"), None)
        if relativised is None:
            return None
        own_subj = next((c for c in trig.children if c.dep_ == "nsubj" and c.i in s.by_token), None)
        if own_subj is None and any(c.dep_ == "nsubj" and c.lower_ in {"which", "that"} for c in trig.children):
            # "the A100, which the H100 replaces", parsed as if "H100 replaces" were one noun
            own_subj = next((c for c in trig.children if c.dep_ == "compound" and c.i in s.by_token), None)
        own_obj = next((c for c in trig.children if c.dep_ == "dobj" and c.i in s.by_token), None)
        if own_obj is not None and own_subj is None:  # "... lined up to succeed Blackwell"
            newer, older, o_tok = relativised, s.by_token[own_obj.i], own_obj
        elif own_subj is not None and own_obj is None:  # "Qwen2.5, which Qwen3 succeeds"
            newer, older, o_tok = s.by_token[own_subj.i], relativised, noun
        else:
            return None
        pronoun = newer.source == "coref"
        newer, older = newer.resolve(CHIP | MODEL), older.resolve(CHIP | MODEL)
        if pronoun and older is not None and newer is not None and newer.label == older.label:
            # "TPU v4, the generation it replaces": "it" is never the name its own clause describes
            newer = next((a for a in s.by_token[own_subj.i].antecedents
                          if a.cls == older.cls and a.label != older.label), None)
        if newer is None or older is None or newer.cls != older.cls or newer.label == older.label:
            return []
        c = self._claim(newer.label, "successorOf", older.label, trig, s.sent, obj_tok=o_tok, confidence=0.7,
                        rule="relative-succession")
        return [c] if c else []

    def _moves_between_generations(self, s: _Sentence) -> list[RawClaim]:
        """"when it moved from Hopper to Blackwell and on to Rubin", "upgrading from the H100 to the H200":
        each later name succeeds the one before, when one vendor makes them all."""
        out = []
        for verb in s.words(_MOVING_VERBS):
            chain = []
            for p in verb.subtree:
                if p.dep_ == "prep" and p.lower_ in {"from", "to"} and p.head.i in {verb.i} | {
                        t.i for t in verb.subtree if t.dep_ == "conj" or t.lower_ == "on"}:
                    o = next((c for c in p.children if c.dep_ == "pobj" and c.i in s.by_token), None)
                    if o is not None:
                        r = s.by_token[o.i].resolve(CHIP | MODEL)
                        if r is not None and s.by_token[o.i].source != "coref":
                            chain.append((p.i, o, r))
            chain.sort(key=lambda x: x[0])
            out += self._succession_chain(s, verb, [(o, r) for _i, o, r in chain], "moved-from-to")
        return out

    def _succession_chain(self, s: _Sentence, verb: Token, chain, rule: str) -> list[RawClaim]:
        """Each name of ``chain`` (``(token, mention)`` in order) succeeds the one before it, when one vendor
        makes both ("moved from GPT-4 to Claude" is a switch between vendors, no succession)."""
        out = []
        for (o_old, old), (o_new, new) in zip(chain, chain[1:]):
            if old.cls != new.cls or old.label == new.label:
                continue
            vendor = self.gazetteer.vendor_of(old.label)
            if vendor is None or vendor != self.gazetteer.vendor_of(new.label):
                continue
            c = self._claim(new.label, "successorOf", old.label, verb, s.sent, obj_tok=o_old, subj_tok=o_new,
                            confidence=0.65, rule=rule)
            if c:
                out.append(c)
        return out

    def _followed_by(self, s: _Sentence) -> list[RawClaim]:
        """A roadmap: "the Ascend 950 in 2026, followed by the Ascend 960 in 2027 and the Ascend 970 in 2028":
        each name after "followed by" succeeds the one before it, when one vendor makes them all."""
        out = []
        doc = s.sent.doc
        for i in range(s.sent.start, s.sent.end):
            if self._lowers[i] != "followed":
                continue
            verb = doc[i]
            if verb.dep_ not in {"advcl", "acl", "conj"}:
                continue
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            first = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if first is None:
                continue
            before = verb.head if verb.dep_ == "acl" else next(
                (c for c in verb.head.children if c.dep_ in {"dobj", "nsubjpass", "attr"} and c.i < verb.i), None)
            chain = []
            for tok in sorted({before, first, *first.conjuncts, *(c for c in verb.children if c.dep_ == "conj")}
                              - {None}, key=lambda t: t.i):
                m = s.by_token.get(tok.i)
                r = m.resolve(CHIP | MODEL) if m is not None and m.source != "coref" else None
                if r is not None:
                    chain.append((tok, r))
            out += self._succession_chain(s, verb, chain, "followed-by")
        return out

    def _hyphenated_lines(self, s: _Sentence) -> list[RawClaim]:
        """"Orin, an Ampere-based module", "Jetson Thor, its Blackwell-based robot computer", "Rubin CPX is a
        Rubin-family GPU": the name described is a variant of the line named before the hyphen."""
        out = []
        doc = s.sent.doc
        for m in s.mentions:
            if m.source == "coref" or m.i + 2 >= s.sent.end or doc[m.i + 1].text != "-" \
                    or doc[m.i + 2].lower_ not in _LINE_SUFFIXES:
                continue
            line = m.resolve(CHIP | MODEL)
            noun = doc[m.i + 2]
            if line is None or noun.dep_ not in {"amod", "compound"}:
                continue
            noun = noun.head
            while noun.dep_ == "compound" and noun.i < noun.head.i:
                noun = noun.head
            if noun.lower_ in _WHOLE_MACHINES:
                continue  # "The DGX B200 is a Blackwell-based server": built from the chips, no version of them
            named = noun if noun.i in s.by_token and s.by_token[noun.i].source != "coref" else predicated_of(noun)
            if named is None:
                continue
            for t in [named, *named.conjuncts]:
                said = s.by_token.get(t.i)
                member = said.resolve(frozenset({line.cls})) if said is not None and said.source != "coref" else None
                if member is None or member.label == line.label or self._known_system(member.label, said.text):
                    continue  # ("El Capitan, an MI300A-based system": built from the chip, no version of it)
                makers = {self.gazetteer.vendor_of(member.label), self.gazetteer.vendor_of(line.label)}
                if len(makers - {None}) > 1:
                    continue  # ("the Ascend 910C, an H100-class chip": another maker's tier)
                if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
                    continue  # ("is no Hopper-class chip")
                c = self._claim(member.label, "variantOf", line.label, doc[m.i + 2], s.sent, obj_tok=doc[m.i],
                                subj_tok=t, confidence=0.7, rule="hyphenated-line")
                if c:
                    out.append(c)
        return out

    def _named_generation(self, s: _Sentence) -> list[RawClaim]:
        """"Its predecessor, MTIA v1, ...", "the H100's successor, the H200": a possessed
        predecessor/successor noun with a name in apposition (or as its copula subject)."""
        out = []
        for noun in s.words({"predecessor", "successor"}):
            if noun.pos_ != "NOUN":
                continue
            owner_tok = possessor(noun, s)
            named = [c for c in noun.children if c.dep_ == "appos" and c.i in s.by_token]
            if noun.dep_ == "appos" and noun.head.i in s.by_token:  # "the WSE-2, its predecessor"
                named.append(noun.head)
            if noun.dep_ == "attr":  # "The H200 is the H100's successor"
                named += [c for c in noun.head.children if c.dep_ == "nsubj" and c.i in s.by_token]
            if owner_tok is None or not named:
                continue
            for y_tok in named:
                y = s.by_token[y_tok.i].resolve(CHIP | MODEL)
                if y is None or s.by_token[y_tok.i].source == "coref":
                    continue
                owner = s.by_token[owner_tok.i]
                if owner.source == "coref":  # "its predecessor": the nearest chip or model of the same kind
                    x = next((a for a in owner.antecedents if a.cls == y.cls and a.label != y.label), None)
                else:
                    x = owner.resolve(frozenset({y.cls}))
                if x is None or x.label == y.label:
                    continue
                newer, older = (x, y) if noun.lower_ == "predecessor" else (y, x)
                c = self._claim(newer.label, "successorOf", older.label, noun, s.sent, obj_tok=y_tok,
                                subj_tok=owner_tok, confidence=0.75, rule="named-generation")
                if c:
                    out.append(c)
        return out

    def _enumerated_members(self, doc, mentions) -> list[RawClaim]:
        """"The series has two members: the MI350X and the MI355X", "The family has three members. ...":
        the names a family is said to have, in that sentence after the verb or else in the next one, are
        variants of it."""
        sents = list(doc.sents)
        named = [m for m in mentions if m.source != "coref" and m.label and m.cls in CHIP | MODEL]
        by_token = {m.i: m for m in mentions}
        out = []
        for k, sent in enumerate(sents):
            for verb in sent:
                if verb.lower_ not in _HAVING or verb.pos_ not in {"VERB", "AUX"}:
                    continue
                subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                what = next((c for c in verb.children if c.dep_ == "dobj"), None) or next(
                    (o for p in verb.children if p.dep_ == "prep" and p.lower_ in {"of", "in"}
                     for o in p.children if o.dep_ == "pobj"), None)  # "consists of", "comes in"
                if subj is None or what is None or what.lower_ not in _MEMBER_NOUNS:
                    continue
                family = self._family_meant(subj, by_token, named, sent.start)
                if family is None:
                    continue
                number = next((int(c.text) if c.text.isdigit() else NUMBER_WORDS.get(c.lower_) for c in what.children
                               if c.dep_ == "nummod"), None)
                members = [m for m in named if verb.i < m.i < sent.end and m.cls == family.cls]
                if not members and k + 1 < len(sents):
                    nxt = sents[k + 1]
                    members = [m for m in named if nxt.start <= m.i < nxt.end and m.cls == family.cls]
                maker = self.gazetteer.vendor_of(family.label)
                members = [m for m in members if maker is None or self.gazetteer.vendor_of(m.label) in {None, maker}]
                labels = list(dict.fromkeys(m.label for m in members if m.label != family.label))
                if not labels or number is not None and len(labels) > number:
                    continue  # more names than the family is said to have: a list of something else
                for label in labels:
                    c = self._claim(label, "variantOf", family.label, verb, sent, obj_tok=subj, confidence=0.7,
                                    rule="enumerated-members")
                    if c:
                        out.append(c)
        return out

    @staticmethod
    def _family_meant(subj: Token, by_token, named, sent_start: int):
        """The family a subject names: a family name itself, a pronoun resolved to one, or "the series" /
        "the family" for the last name in the two sentences before that was called one."""
        m = by_token.get(subj.i)
        if subj.lower_ not in _LINE_NOUNS or not any(c.dep_ == "det" for c in subj.children):
            return m.resolve(CHIP | MODEL) if m is not None else None
        doc = subj.doc
        for cand in reversed([x for x in named if x.i < sent_start]):
            if sent_start - cand.i > 80:
                break
            tok = doc[cand.i]
            line_words = {w.lower() for w in cand.label.split()} | {tok.head.lower_} | {
                c.lower_ for c in tok.children if c.dep_ == "appos"}
            if subj.lower_ in line_words:  # "its Instinct MI350 series", "Nemotron-4 340B, a family of models"
                return cand
        return m.resolve(CHIP | MODEL) if m is not None else None

    def _numbered_generations(self, doc, mentions) -> list[RawClaim]:
        """"Ironwood, the seventh-generation TPU" ... "Trillium, the sixth-generation TPU": names the
        article numbers as consecutive generations of one line succeed each other."""
        numbered: dict[tuple[str, int], tuple[Mention, int]] = {}
        for m in mentions:
            if m.source == "coref" or m.cls not in CHIP | MODEL or not m.label:
                continue
            found = _generation_number(doc[m.i])
            if found is not None:
                numbered.setdefault(found, (m, doc[m.i].sent.start))
        out = []
        for (line, n), (newer, sent) in sorted(numbered.items(), key=lambda x: (x[0][0], x[0][1])):
            older = numbered.get((line, n - 1))
            if older is None or older[0].label == newer.label or older[0].cls != newer.cls:
                continue
            out.append(RawClaim(newer.label, "successorOf", older[0].label, "asserted", "", newer.i, sent, 0.65,
                                "numbered-generations"))
        return out

    def _variant(self, s: _Sentence, trig: Token) -> list[RawClaim]:
        if trig.lower_ in DERIVING:
            return self._derived(s, trig)
        if trig.lower_ in {"belongs", "belong", "belonged"} and trig.pos_ == "VERB":
            group = self._belonging_group(s, trig)
            if group:
                return group
        if trig.lower_ in {"addition", "additions", "belongs", "belong", "belonged", "belonging"}:
            # "the latest addition to the Llama 3 family", "the H800 belongs to Nvidia's Hopper generation"
            if not any(c.dep_ == "prep" and c.lower_ == "to" and any(o.dep_ == "pobj" and o.lower_ in _LINE_NOUNS
                                                                     for o in c.children) for c in trig.children):
                return []
        elif trig.lower_ in {"tune", "tunes"} and not any(c.lower_ == "fine" for c in trig.children):
            return []  # only "a fine-tune of Mistral Small 3.1"
        elif not any(c.dep_ == "prep" and c.lower_ in {"of", "in", "within"} for c in trig.children):
            return []
        made = self._made_members(s, trig)
        if made is not None:
            return made
        pair = _described_variant(s, trig) or self._same_class_pair(s, trig, maxd=4)
        if not pair:
            return []
        if trig.pos_ == "VERB" and not any(c.dep_ == "nsubj" and c.i == pair[0][1].i for c in trig.children) \
                or trig.pos_ == "VERB" and s.by_token[pair[0][1].i].source == "coref":
            return []  # "X belongs to the Y family": its own subject, named
        (d_s, s_tok, subj), (d_o, o_tok, obj) = pair
        if subj.cls != obj.cls:
            return []
        pred = "variantOf"  # ("a refresh of the H100", "a refresh of the Phi-3 family": a version of it)
        subjects = [(s_tok, subj)]
        if trig.lower_ in _PLURAL_KINDS and not o_tok.conjuncts and (
                trig.dep_ == "attr" and s_tok.dep_ == "nsubj" and s_tok.head.i == trig.head.i
                or trig.dep_ == "pobj" and trig.head.lower_ == "as"):  # ("..., which arrived as the first members")
            # "Claude Opus 4 and Claude Sonnet 4 are the first members of the Claude 4 family": a plural predicate
            # is said of every name listed as the subject (not "the H800 and A800, variants of its Hopper and
            # Ampere chips": each of its own; nor "X and Y, like Z, are members": Z is set beside them)
            subjects += [(t, x) for t in s_tok.conjuncts if (m := s.by_token.get(t.i)) is not None
                         and m.source != "coref" and (x := m.resolve(frozenset({subj.cls}))) is not None
                         and x.label not in {subj.label, obj.label}]
        out = []
        for t, x in subjects:
            c = self._claim(x.label, pred, obj.label, trig, s.sent, obj_tok=o_tok, subj_tok=t,
                            confidence=0.75, rule=f"trigger:{trig.lower_}")
            if c:
                out.append(c)
        return out

    def _made_members(self, s: _Sentence, trig: Token) -> list[RawClaim] | None:
        """"Anthropic released Claude Opus 4 and Claude Sonnet 4, making them the first members of its Claude 4
        family": the pronoun of the small clause stands for what the main verb took (None: not this shape)."""
        verb = trig.head
        if trig.dep_ not in {"ccomp", "oprd", "xcomp"} or verb.lower_ not in MAKE or verb.dep_ != "advcl":
            return None
        pron = next((c for c in (*trig.children, *verb.children) if c.dep_ in {"nsubj", "dobj"}
                     and c.lower_ in {"them", "it"}), None)
        if pron is None:
            return None
        family = next((s.by_token[o.i].resolve(CHIP | MODEL) for p in trig.children if p.dep_ == "prep"
                       and p.lower_ in {"of", "in"} for o in p.children if o.dep_ == "pobj" and o.i in s.by_token),
                      None)
        taken = next((c for c in verb.head.children if c.dep_ in {"dobj", "nsubjpass"} and c.i < verb.i), None)
        if family is None or taken is None:
            return []
        out = []
        for t in [taken, *taken.conjuncts][:1 if pron.lower_ == "it" else None]:
            m = s.by_token.get(t.i)
            member = m.resolve(frozenset({family.cls})) if m is not None and m.source != "coref" else None
            if member is None or member.label == family.label:
                continue
            c = self._claim(member.label, "variantOf", family.label, trig, s.sent, subj_tok=t,
                            confidence=0.7, rule="made-members")
            said, cue = modality_of(verb.head)  # "is expected to release X, making it the first member": as sure
            if c and said in {"hedged", "hypothetical", "negated"} and c.modality == "asserted":  # as the release
                c = dataclasses.replace(c, modality=said, cue=cue)
            if c:
                out.append(c)
        return out

    def _belonging_group(self, s: _Sentence, trig: Token) -> list[RawClaim]:
        """"The MI300X and the MI300A ... Both chips belong to the MI300 series": each of the things "both"
        (or "they", "all") stands for is a member of the family named."""
        subj = next((c for c in trig.children if c.dep_ == "nsubj"), None)
        m = s.by_token.get(subj.i) if subj is not None else None
        if m is None or m.source != "coref" or m.text.lower().split()[0] not in {"both", "they", "all"}:
            return []
        family = None
        for p in trig.children:
            if p.dep_ != "prep" or p.lower_ != "to":
                continue
            for o in (o for o in p.children if o.dep_ == "pobj"):
                named = [o] if o.i in s.by_token else [c for c in o.children if c.dep_ in {"compound", "nmod"}
                                                         and c.i in s.by_token and o.lower_ in _LINE_NOUNS]
                for t in named:
                    family = family or s.by_token[t.i].resolve(CHIP | MODEL)
        if family is None:
            return []
        members = [a for a in m.antecedents if a.cls == family.cls and a.label != family.label]
        if not members:
            return []
        if not (len(m.antecedents) == 2 and len(members) == 2):  # a pair "both" was found for, else the
            at = getattr(self, "_mention_at", {})                 # first one and the names coordinated with it
            first_tok = s.sent.doc[members[0].i]
            members = [members[0]] + [x for c in first_tok.conjuncts if (x := at.get(c.i)) is not None
                                      and x.source != "coref" and x.cls == family.cls and x.label != family.label]
        out = []
        for member in dict.fromkeys(x.label for x in members):
            if self.gazetteer.entry_for(member) is not None and not self._in_family(member, family.label):
                continue  # ("Colossus", a system the gazetteer files under no family: not what "both" means)
            c = self._claim(member, "variantOf", family.label, trig, s.sent, subj_tok=subj, confidence=0.7,
                            rule=f"trigger:{trig.lower_}")
            if c:
                out.append(c)
        return out

    def _made_by_tuning(self, s: _Sentence) -> list[RawClaim]:
        """"R1-Distill-Llama-70B was created by fine-tuning Llama 3.3 70B", "a smaller model that DeepSeek made
        by fine-tuning Meta's Llama 3.3 70B": what is made by tuning a model is a variant of that model."""
        out = []
        doc = s.sent.doc
        for tok in s.words({"tuning", "fine-tuning", "finetuning"}):
            if tok.lower_ == "tuning" and not (tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_
                                               == "fine"):
                continue
            if tok.dep_ in {"amod", "compound"} and tok.head.dep_ == "pobj" and tok.head.head.lower_ == "by":
                base, by = tok.head, tok.head.head  # ("by fine - tuning X": the parser makes X the object of "by")
            elif tok.dep_ == "pcomp" and tok.head.lower_ == "by":
                base, by = next((c for c in tok.children if c.dep_ == "dobj"), None), tok.head
            else:
                continue
            verb = by.head
            if base is None or base.i not in s.by_token or verb.lower_ not in _MAKING_PARTICIPLES:
                continue
            made = next((c for c in verb.children if c.dep_ in {"nsubjpass", "dobj"}
                         and c.lower_ not in {"that", "which"}), None)
            if made is None and verb.dep_ == "relcl":  # "a smaller model that DeepSeek made by ..."
                noun = verb.head
                made = noun if noun.i in s.by_token else noun.head if noun.dep_ == "appos" else next(
                    (c for c in noun.head.children if c.dep_ == "nsubj"), None) if noun.dep_ == "attr" else None
            m = s.by_token.get(made.i) if made is not None else None
            variant = m.resolve(MODEL) if m is not None and m.source != "coref" else None
            origin = s.by_token[base.i].resolve(MODEL)
            if variant is None or origin is None or variant.label == origin.label:
                continue
            c = self._claim(variant.label, "variantOf", origin.label, tok, s.sent, obj_tok=base, subj_tok=made,
                            confidence=0.65, rule="made-by-tuning")
            if c:
                out.append(c)
        return out

    def _backbones(self, s: _Sentence) -> list[RawClaim]:
        """"Its backbone is Helium", "Moshi's base model is Helium": the model is a variant of the one
        it was built from."""
        out = []
        for noun in s.words({"backbone", "model"}):
            if not (noun.lower_ == "backbone" or noun.lower_ == "model" and any(
                    c.dep_ in {"compound", "amod"} and c.lower_ in {"base", "foundation"} for c in noun.children)):
                continue
            if noun.dep_ != "nsubj" or noun.head.lower_ not in {"is", "was", "are", "were"}:
                continue
            owner = next((c for c in noun.children if c.dep_ == "poss" and c.i in s.by_token), None)
            base = next((c for c in noun.head.children if c.dep_ == "attr" and c.i in s.by_token), None)
            if owner is None or base is None:
                continue
            held = s.by_token[owner.i]
            model = held.resolve(MODEL)
            if model is None and held.source == "coref":  # "its" (taken for a company's): the model talked about
                model = next((a for a in held.antecedents if a.cls in MODEL), None)
            source = s.by_token[base.i].resolve(MODEL)
            if model is None or source is None or model.label == source.label:
                continue
            c = self._claim(model.label, "variantOf", source.label, noun, s.sent, obj_tok=base, subj_tok=owner,
                            confidence=0.7, rule="backbone")
            if c:
                out.append(c)
        return out

    def _derived(self, s: _Sentence, trig: Token) -> list[RawClaim]:
        """"Derived from the Hopper architecture, it keeps ...", "X is derived from Y", "X, built on Y",
        "X is based on Y", "distilled from Y": X is a variant of Y (both models, or both chips)."""
        preps = {"from"} if trig.lower_ in {"derived", "distilled"} else {"on", "upon", "from"}
        objs = [o for p in trig.children if p.dep_ in {"prep", "agent"} and p.lower_ in preps
                for o in p.children if o.dep_ == "pobj"]
        tops = [o for t in objs if t.lower_ == "top" for p in t.children if p.dep_ == "prep" and p.lower_ == "of"
                for o in p.children if o.dep_ == "pobj"]  # "built on top of Mistral Medium 3"
        objs = tops if trig.lower_ == "developed" else objs + tops  # ("developed" only "on top of" a model)
        # "based on its CDNA 4 architecture": the name qualifies a generic word for a design
        objs += [c for o in objs if o.lower_ in _DESIGN_WORDS | _CORE_WORDS for c in o.subtree
                 if c.i < o.i and c.dep_ in {"compound", "nmod"}]  # ("Arm's Neoverse N2 compute subsystem")
        src = next((o for o in objs if o.i in s.by_token), None)
        if src is None:
            return []
        subj_tok = next((c for c in trig.children if c.dep_ == "nsubjpass"), None)
        if subj_tok is None and trig.lower_ in {"built", "based", "distilled", "derived", "fine-tuned", "finetuned"}:
            subj_tok = next((c for c in trig.children if c.dep_ == "dobj" and c.i in s.by_token), None)
        if subj_tok is None and trig.dep_ == "conj" and trig.tag_ == "VBN" and any(
                c.dep_ == "auxpass" for c in trig.children):  # "X has 128 cores and is built on Y": the first
            subj_tok = next((c for c in trig.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)  # verb's
        if subj_tok is None and trig.dep_ in {"advcl", "acl"} and trig.tag_ == "VBN":
            holder = trig.head  # the clause the participle opens, or the noun it describes
            subj_tok = holder if trig.dep_ == "acl" else next(
                (c for c in holder.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj_tok is None and trig.dep_ == "prep" and before_punctuation(trig) is not None:
            # "AMD previewed the MI350 series, based on ...": the parser hangs "based" on the verb;
            # it describes the name just before the comma
            subj_tok = next((c for c in trig.head.children if c.dep_ in {"dobj", "nsubjpass"} and c.i < trig.i),
                            None) or next((c for c in trig.head.children if c.dep_ == "nsubj"), None)
        if subj_tok is not None and subj_tok.dep_ == "appos" and subj_tok.lower_ in _DESCRIBING_NOUNS \
                and subj_tok.head.i in s.by_token and s.by_token[subj_tok.head.i].source != "coref":
            subj_tok = subj_tok.head  # "DeepSeek's R1, a reasoning model built on the lab's V3": the name described
        if subj_tok is None or subj_tok.i not in s.by_token:
            return []
        for classes in (CHIP, MODEL):
            obj = s.by_token[src.i].resolve(classes)
            subj = s.by_token[subj_tok.i].resolve(classes)
            if obj is None or subj is None or obj.label == subj.label:
                continue
            c = self._claim(subj.label, "variantOf", obj.label, trig, s.sent, obj_tok=src, subj_tok=subj_tok,
                            confidence=0.7, rule="trigger:derived")
            return [c] if c else []
        return []


def _within(name: Token, trig: Token) -> bool:
    """"an upgrade within the Blackwell family": the name after "within" is the line the thing belongs to,
    not the one it replaces."""
    for a in name.ancestors:
        if a.i == trig.i:
            return False
        if a.dep_ == "prep" and a.lower_ in {"within", "inside"}:
            return True
    return False
