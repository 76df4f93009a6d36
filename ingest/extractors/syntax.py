"""Syntax helpers shared by the relation rules: the dependency tree as arrays, clauses, mentions by sentence.

* :class:`TreeIndex` — the tree of a doc as integer arrays: distances and "same clause" checks;
* :func:`in_same_clause` / :func:`tree_distance` — the same on tokens (for callers without an index);
* :class:`_Sentence` — the mentions of one sentence, resolved against the classes a slot needs;
* :class:`RawClaim` — a relation found in a sentence, before it becomes a :class:`kg.Claim`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy
from spacy.attrs import DEP, HEAD
from spacy.tokens import Doc, Span, Token

from ingest.extractors.coref import coarse_class
from ingest.extractors.dates import MONTHS
from ingest.extractors.entities import CHIP_NOUNS, MEMORY_NOUNS, MODEL_NOUNS, ORG_CLASSES, Mention
from ingest.extractors.lexicon import MAKE, forms, lowered_forms  # noqa: F401  (forms re-exported)
from ingest.extractors.modality import CLAIM_NOUNS, HEARSAY

CHIP = frozenset({"Chip"})

MODEL = frozenset({"AIModel"})

MEMORY = frozenset({"MemoryTechnology"})

LICENSE = frozenset({"License"})

ORG = ORG_CLASSES

MAKER_ORG = ORG - {"Publisher", "Government", "Investor", "ResearchOrganization"}

CHIPMAKER = frozenset({"ChipDesigner"})


@dataclass(frozen=True)
class RawClaim:
    """A relation found in a sentence, before it becomes a :class:`kg.Claim`."""

    subject: str
    predicate: str
    object: str
    modality: str
    cue: str
    trigger: int  # token index (for attribution)
    sent_start: int  # token index of the sentence start
    confidence: float
    rule: str


def tree_distance(a: Token, b: Token) -> int:
    """Edges between two tokens of one sentence in the dependency tree."""
    if a == b:
        return 0
    depth_a = {a.i: 0}
    cur, d = a, 0
    while cur.head != cur:
        cur, d = cur.head, d + 1
        depth_a[cur.i] = d
    cur, d = b, 0
    while True:
        if cur.i in depth_a:
            return depth_a[cur.i] + d
        if cur.head == cur:
            return 99
        cur, d = cur.head, d + 1


class TreeIndex:
    """The dependency tree of a doc as integer arrays, for fast distances and clause checks."""

    def __init__(self, doc: Doc):
        # read from spaCy's arrays: only the tokens whose edge may open a clause are built as objects
        table = doc.to_array([HEAD, DEP])  # (unsigned: a head before its token wraps round)
        self.heads = (numpy.arange(len(doc)) + table[:, 0].astype(numpy.int64)).tolist() if len(doc) else []
        strings = doc.vocab.strings
        deps = [strings[d] for d in table[:, 1].tolist()]
        self.new_clause = [dep in _CLAUSE_EDGES and _new_clause(doc[i]) for i, dep in enumerate(deps)]
        self.appos = [dep == "appos" for dep in deps]
        self._anc: dict[int, dict[int, int]] = {}

    def ancestors(self, i: int) -> dict[int, int]:
        """Token index -> depth above ``i`` (``i`` itself at 0)."""
        got = self._anc.get(i)
        if got is None:
            got = {i: 0}
            cur, d = i, 0
            while self.heads[cur] != cur and d < 200:
                cur, d = self.heads[cur], d + 1
                got[cur] = d
            self._anc[i] = got
        return got

    def distance(self, a: int, b: int) -> int:
        anc_a = self.ancestors(a)
        cur, d = b, 0
        while True:
            if cur in anc_a:
                return anc_a[cur] + d
            if self.heads[cur] == cur or d > 200:
                return 99
            cur, d = self.heads[cur], d + 1

    def same_clause(self, trigger: int, tok: int, relcl_ok) -> bool:
        anc_t = self.ancestors(trigger)
        lca = tok
        while lca not in anc_t and self.heads[lca] != lca:
            if self.new_clause[lca]:
                return False
            lca = self.heads[lca]
        if lca not in anc_t:
            return False
        cur = trigger
        while cur != lca:
            head = self.heads[cur]
            while head != lca and self.appos[head] and relcl_ok(cur) and tok == lca:
                head = self.heads[head]  # "the WSE-3, a processor that TSMC makes": the apposition's name too
            if head == lca and relcl_ok(cur):
                break
            if self.new_clause[cur]:
                return False
            cur = self.heads[cur]
        return True


class _Sentence:
    """Mentions of one sentence, resolved against a set of classes on demand."""

    def __init__(self, sent: Span, mentions: list[Mention], tree: TreeIndex | None = None, *, presorted=False):
        self.sent = sent
        self.tree = tree if tree is not None else TreeIndex(sent.doc)
        self.mentions = mentions if presorted else [m for m in mentions if sent.start <= m.i < sent.end]
        self.by_token = {m.i: m for m in self.mentions}

    def words(self, lowered) -> list[Token]:
        """The sentence's tokens whose lower-case form is in ``lowered`` (read from a per-doc list, so that
        a rule looking for a few words does not build every token of the sentence)."""
        doc = self.sent.doc
        lowers = lowered_forms(doc)
        return [doc[i] for i in range(self.sent.start, self.sent.end) if lowers[i] in lowered]

    def candidates(self, classes, *, trigger: Token | None = None, maxd: int = 99, exclude=(),
                   same_clause: bool = True):
        """(distance, mention token, resolved mention) for mentions of ``classes``, nearest first.

        A mention that only modifies a common noun ("the Gaudi roadmap") counts as two
        edges further away; with ``same_clause`` a mention in another clause than the
        trigger is left out.
        """
        out = []
        for m in self.mentions:
            r = m.resolve(classes)
            if r is None or r.label in exclude:
                continue
            tok = self.sent.doc[m.i]
            d = self.tree.distance(trigger.i, m.i) if trigger is not None else 0
            if trigger is not None and same_clause and not self.tree.same_clause(
                    trigger.i, m.i, lambda i: self.sent.doc[i].dep_ == "relcl"):
                continue
            if tok.dep_ in {"compound", "nmod"} and tok.head.i not in self.by_token and \
                    tok.head.lower_ not in CHIP_NOUNS | MODEL_NOUNS | MEMORY_NOUNS | _HARDWARE_HEADS | _LINE_HEADS:
                d += 2
            if d <= maxd:
                out.append((d, abs(tok.i - trigger.i) if trigger is not None else 0, tok, r))
        out.sort(key=lambda x: (x[0], x[1]))
        return [(d, tok, r) for d, _lin, tok, r in out]


#: Nouns a model or chip name qualifies as the whole line: "its Llama 3 family", "the Instinct series".
_LINE_HEADS = frozenset({"family", "families", "line", "lineup", "series", "generation", "range"})

_CLAUSE_EDGES = frozenset({"ccomp", "advcl", "parataxis", "csubj", "relcl"})

#: Nouns a chip name qualifies without standing further from the verb: "MI300X capacity", "H100 clusters".
_HARDWARE_HEADS = frozenset({"hardware", "silicon", "capacity", "instances", "instance", "racks", "rack", "clusters",
                             "cluster", "servers", "server", "systems", "system", "pods", "pod", "nodes", "node",
                             "supercomputer", "supercomputers", "fleet", "fleets"})


_CLAUSE_EDGES = frozenset({"ccomp", "parataxis", "csubj", "relcl", "advcl", "conj"})  # what _new_clause may accept


def _new_clause(tok: Token) -> bool:
    """Whether the edge from ``tok`` to its head opens another clause (one with its own subject)."""
    if tok.dep_ == "ccomp" and _misparsed_relative(tok):
        return False
    if tok.dep_ in {"ccomp", "parataxis", "csubj", "relcl"}:
        return True
    if tok.dep_ in {"advcl", "conj"} and tok.pos_ in {"VERB", "AUX"}:
        return any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in tok.children)
    return False


def _misparsed_relative(verb: Token) -> bool:
    """"the V4 family that DeepSeek open-sourced": a "that"-clause right after a noun with a gap
    where its object should be is a relative clause the parser took for a complement."""
    rel = [c for c in verb.children if c.lower_ in {"that", "which"} and c.dep_ in {"mark", "dobj", "nsubj", "nsubjpass"}]
    if not rel or rel[0].i > verb.i:
        return False
    if rel[0].dep_ == "mark" and any(c.dep_ in {"dobj", "ccomp", "xcomp"} for c in verb.children):
        return False
    before = verb.doc[rel[0].i - 1] if rel[0].i > 0 else None
    return before is not None and before.pos_ in {"NOUN", "PROPN"}


def _crosses_clause(lower: Token, top: Token) -> bool:
    """Whether the path from ``lower`` up to its ancestor ``top`` enters another clause."""
    cur = lower
    while cur.i != top.i and cur.head.i != cur.i:
        if _new_clause(cur):
            return True
        cur = cur.head
    return False


def in_same_clause(trigger: Token, tok: Token) -> bool:
    """Whether ``tok`` belongs to the clause of ``trigger`` (a relative clause's head noun does)."""
    anc_t = {trigger.i} | {a.i for a in trigger.ancestors}
    lca = tok
    while lca.i not in anc_t and lca.head.i != lca.i:
        lca = lca.head
    if lca.i not in anc_t:
        return False
    if _crosses_clause(tok, lca):
        return False
    # from the trigger up: a relative clause may hang from the argument itself
    cur = trigger
    while cur.i != lca.i:
        if cur.dep_ == "relcl" and cur.head.i == lca.i:
            break
        if _new_clause(cur):
            return False
        cur = cur.head
    return True


def _mention_index(s: _Sentence, mention: Mention) -> int:
    """Token index of the first mention in the sentence that resolves to ``mention``'s label."""
    for m in s.mentions:
        if m.label == mention.label or m.source == "coref" and any(a.label == mention.label for a in m.antecedents[:1]):
            return m.i
    return s.sent.start


def _subject_mention(s: _Sentence, verb: Token, classes) -> Mention | None:
    cur = verb
    for _ in range(4):
        for c in cur.children:
            if c.dep_ in {"nsubj", "nsubjpass"} and c.i in s.by_token:
                r = s.by_token[c.i].resolve(classes)
                if r is not None:
                    return r
            if c.dep_ in {"nsubj", "nsubjpass"}:
                # a dateline parsed as the subject ("BEIJING, May 2 - start-up X has raised"): the
                # organisation in apposition to it
                for a in c.children:
                    if a.dep_ == "appos" and a.i in s.by_token:
                        r = s.by_token[a.i].resolve(classes)
                        if r is not None:
                            return r
        if cur.dep_ in {"xcomp", "conj", "ccomp", "advcl", "relcl", "acl", "dobj", "pobj", "prep"} and cur.head != cur:
            if cur.dep_ == "relcl" and cur.head.i in s.by_token:
                r = s.by_token[cur.head.i].resolve(classes)
                if r is not None:
                    return r
            cur = cur.head
        else:
            break
    return None


def before_punctuation(first: Token) -> Token | None:
    """The token before the punctuation that precedes ``first`` in its sentence, or None.

    With ``first`` the first token of a phrase, that is the name the phrase is set after:
    "Rubin, the platform ...", "Anthropic, backed by ...", "Apache 2.0, the licence ...".
    """
    start = first.sent.start
    j = first.i - 1
    if j <= start or not first.doc[j].is_punct:
        return None
    while j > start and first.doc[j].is_punct:
        j -= 1
    return first.doc[j]


def possessor(noun: Token, s: _Sentence) -> Token | None:
    """The mention that possesses ``noun``: "its HBM", "Nvidia's H200", and "H100's successor"
    where the ruler merged the possessive into the name (parsed as a compound)."""
    for c in noun.children:
        if c.i in s.by_token and (c.dep_ == "poss" or c.dep_ in {"nmod", "compound"}
                                  and c.text.endswith(("'s", "’s"))):
            return c
    return None


def predicate_slot(noun: Token) -> Token:
    """Where a predicate noun hangs in its clause: the noun itself, or the "one" of "one of Nvidia's
    largest customers", or the "among" of "A and B were among its buyers"."""
    slot = noun
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in {"one", "some", "all"}:
        slot = noun.head.head
    if slot.dep_ == "pobj" and slot.head.lower_ == "among":
        slot = slot.head
    return slot


def predicated_of(noun: Token) -> Token | None:
    """The name a predicate noun is said of: "X is Nvidia's customer", "X remains one of its largest
    customers", "A and B were among its buyers" (the subject of the copula) and "X, a longtime AWS
    customer" (the name the apposition describes)."""
    slot = predicate_slot(noun)
    if slot.dep_ in {"attr", "prep", "npadvmod"} and slot.head.lower_ in BEING:  # ("are, overwhelmingly, Nvidia
        # customers": the parser takes a predicate noun after an aside for an adverbial one)
        return next((c for c in slot.head.children if c.dep_ == "nsubj"), None)
    if slot.dep_ == "appos":
        return slot.head
    return None


#: Forms of the verbs that say what something is ("is", "remains", "became").
BEING = frozenset({"is", "was", "are", "were", "be", "been", "remains", "remained", "remain", "became", "becomes",
                   "become", "'s"})


#: Verbs of putting hardware together, which its builder may do for someone else.
BUILDING = frozenset({"built", "build", "builds", "building", "assembled", "assembles", "assemble", "assembling"})


def built_for_another(s: _Sentence, trig: Token, obj: Token, builder: str) -> bool:
    """The hardware ``builder`` built belongs to another organisation ("xAI's Colossus, which Dell built")
    or was built for one ("Dell built a cluster of 50,000 H100s for xAI"): the builder is not its user."""
    path = [obj]  # the words between the object and the verb, and the object's own phrase, may say for whom
    while path[-1].i != trig.i and path[-1].head.i != path[-1].i and len(path) < 6:
        path.append(path[-1].head)
    for t in [*(c for c in obj.children if c.dep_ == "poss"),
              *(o for h in {*path, *obj.subtree} for p in h.children if p.dep_ == "prep" and p.lower_ == "for"
                for o in p.children)]:
        m = s.by_token.get(t.i)
        r = m.resolve(ORG - {"Publisher"}) if m is not None else None
        if r is not None and r.label != builder:
            return True
    return False


def whose_owner(s: _Sentence, trig: Token, classes):
    """(distance, token, mention) of the name a "whose" relative clause around ``trig`` is about, or None."""
    if trig.pos_ == "ADP":  # "whose weights it published under ...": the clause of the preposition
        trig = trig.head
    if trig.dep_ != "relcl" or not any(g.lower_ == "whose" for c in trig.children for g in c.children):
        return None
    noun = trig.head
    described = noun.head if noun.dep_ == "appos" else next(  # "Grok-1 is the model whose weights ..."
        (c for c in noun.head.children if c.dep_ == "nsubj"), None) if noun.dep_ == "attr" else None
    for tok in (noun, described):
        m = s.by_token.get(tok.i) if tok is not None else None
        r = m.resolve(classes) if m is not None and m.source != "coref" else None
        if r is not None:
            return (1, tok, r)
    return None


def repair_name_lists(doc: Doc, mentions: list[Mention]) -> int:
    """Mend the parse of a list of names the small parser breaks ("Baidu, Alibaba, Tencent and ByteDance
    were ..." with Baidu an adverb, "DST Global, Andreessen Horowitz, Bpifrance and ..." with the second
    name an apposition of the first): every name of the list becomes a conjunct of the first, which takes
    the list's place in the sentence. Only names of one kind that differ, next to each other with a comma
    between, where the second already heads or continues a coordination. Returns the number of repairs."""
    if not doc.has_annotation("DEP"):
        return 0  # (a blank pipeline has no parse to mend)
    named = {m.i: m for m in mentions if m.source != "coref" and m.label is not None}
    repaired = 0
    for i in sorted(named):
        a, first = doc[i], named[i]
        if i + 2 >= len(doc) or doc[i + 1].text != "," or (i + 2) not in named:
            continue
        b, second = doc[i + 2], named[i + 2]
        if coarse_class(first.cls) != coarse_class(second.cls) or first.label == second.label \
                or a.sent.start != b.sent.start:
            continue
        if b.dep_ != "conj" and not any(c.dep_ == "conj" for c in b.children) or a in b.conjuncts:
            continue
        if b.head.i == a.i and b.dep_ in {"appos", "npadvmod", "nmod", "dep"}:
            b.dep_ = "conj"  # "A, B, C and D" read as "A, (B, C and D)": the apposition is a list
        elif a.head.i == b.head.i and a.dep_ in {"advmod", "npadvmod", "nmod", "dep", "nsubj"} and b.dep_ != "conj":
            dep = b.dep_  # "Baidu, Alibaba and Tencent were": the adverb is the first subject
            b.head, b.dep_ = a, "conj"
            a.dep_ = dep
        elif a.head.i == b.i and a.dep_ in {"nmod", "compound", "dep"} and b.dep_ != "conj":
            head, dep = b.head, b.dep_  # "ahead of Google's Gemini 2.0 Pro, DeepSeek-V3 and ...": first is the head
            a.head, a.dep_ = head, dep
            b.head, b.dep_ = a, "conj"
        else:
            continue
        repaired += 1
    return repaired


def _says_what(noun: Token, mention: Mention) -> bool:
    """The noun names what kind of thing the mention is ("an inference chip" of a chip)."""
    low = noun.lower_
    return mention.cls == "Chip" and low in CHIP_NOUNS or mention.cls == "AIModel" and low in MODEL_NOUNS


def repair_relative_clauses(doc: Doc, mentions: list[Mention]) -> int:
    """Hang ", which ..." (and a describing apposition, ", the compact model it released in March") on the
    name right before the comma when the parser hung it higher up ("the successor to Gemini 2.5 Pro, which
    reached general availability in June", read as the successor's). Returns the number of repairs."""
    if not doc.has_annotation("DEP"):
        return 0  # (a blank pipeline has no parse to mend)
    named = {m.i: m for m in mentions if m.source != "coref" and m.label is not None}
    repaired = 0
    deps = doc.to_array("DEP").tolist()  # (the labels as they were: they stay put when a head is moved)
    appos, relcl = doc.vocab.strings["appos"], doc.vocab.strings["relcl"]
    for noun in [doc[i] for i, d in enumerate(deps) if d == appos]:
        if _whose_clause(noun, named) or _contact_clause(noun, named):
            repaired += 1
            continue
        # ", the compact model it released in March" after "from Mistral Small 3.1": that name's
        if noun.i in named or noun.left_edge.i < 2 or doc[noun.left_edge.i - 1].text != ",":
            continue
        name = doc[noun.left_edge.i - 2]
        if name.i not in named or name.i == noun.head.i or noun.head.i > name.i \
                or name in noun.head.conjuncts and not _describes_one(noun) \
                or name.sent.start != noun.sent.start or noun in name.ancestors:
            continue
        if name in noun.head.subtree or _says_what(noun, named[name.i]) and not (
                noun.head.i in named and _says_what(noun, named[noun.head.i])):
            noun.head = name  # (or "production of ATOM, an inference chip", hung on the company that began it)
            repaired += 1
    relative_clauses = [i for i, d in enumerate(deps) if d == relcl]
    for verb in (doc[i] for i in relative_clauses):
        # "large Nvidia clusters to the Cerebras systems it already operates": the systems'
        if verb.head.i == verb.i:
            continue
        left = verb.left_edge
        if left.i < 1 or left.i > verb.i or left.pos_ != "PRON" or left.lower_ in {"which", "that", "who", "whom",
                                                                                      "whose"}:
            continue
        name = doc[left.i - 1]  # (the name right before the clause's subject, wherever the parser hung it)
        # (or a noun a name qualifies: "the successor to the StarCoder code model it published last May")
        qualified = name.pos_ == "NOUN" and any(c.dep_ == "compound" and c.i in named for c in name.children)
        if (name.i in named or qualified) and name.i != verb.head.i and verb.head.i < name.i \
                and verb not in name.ancestors and name not in verb.head.conjuncts \
                and name.sent.start == verb.sent.start:
            verb.head = name
            repaired += 1
    for verb in (doc[i] for i in relative_clauses):
        if verb.head.i == verb.i:
            continue
        rel = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ == "which"), None)
        if rel is None or rel.i < 2 or doc[rel.i - 1].text != "," or rel.i != verb.left_edge.i:
            continue
        name = doc[rel.i - 2]
        if name.i not in named or name.i == verb.head.i or name.i < verb.head.i or name in verb.head.conjuncts \
                or name not in verb.head.subtree or name.sent.start != verb.sent.start:
            continue
        verb.head = name
        repaired += 1
    for verb in (doc[i] for i in relative_clauses):
        repaired += _dangling_conjunct(verb)
    for verb in [t for t in doc if t.pos_ == "VERB"]:
        repaired += _two_subjects(verb, named) or _lost_main_verb(verb, named)
    for word in [t for t in doc if t.lower_ in {"that", "which"} and t.dep_ not in {"nsubj", "nsubjpass", "dobj"}]:
        repaired += _lost_relative(word, named)
    for noun in [t for t in doc if t.dep_ == "ROOT" and t.tag_ == "NNS"]:
        repaired += _verb_read_as_noun(noun, named)
    for noun in [t for t in doc if t.dep_ in {"npadvmod", "dep"} and t.pos_ == "NOUN"]:
        repaired += _loose_description(noun, named)
    return repaired


#: Verbs that compare one thing with another, in the form a singular subject takes ("beats", "trails"): after
#: a hyphenated name the parser may read them as a plural noun the name qualifies.
_COMPARING_3SG = frozenset({"beats", "matches", "outperforms", "trails", "rivals", "surpasses", "exceeds", "tops",
                            "outscores", "outpaces", "edges", "leads", "lags"})


def _verb_read_as_noun(noun: Token, named: dict) -> int:
    """"AFM-on-device beats or matches open models ...": the sentence's verb read as a plural noun ("beats")
    that the name before it qualifies. Make it the verb and the name its subject. Returns 1 if mended."""
    if noun.lower_ not in _COMPARING_3SG or any(c.dep_ in {"det", "nsubj", "amod", "nummod"} for c in noun.children):
        return 0
    name = next((c for c in noun.children if c.dep_ == "compound" and c.i == noun.i - 1 and c.i in named), None)
    if name is None or not any(c.dep_ in {"dobj", "conj", "prep"} and c.i > noun.i for c in noun.children):
        return 0
    noun.pos_, noun.tag_ = "VERB", "VBZ"
    name.dep_ = "nsubj"
    return 1


def _loose_description(noun: Token, named: dict) -> int:
    """"the successor to MiniMax-M1, the reasoning model the company released in June": a description after
    a name and a comma that the parser hung on the verb as an adverb. Hang it on the name. 1 if mended."""
    doc = noun.doc
    start = noun.left_edge.i
    if start < 2 or doc[start - 1].text != "," or noun.i in named \
            or not any(c.dep_ == "det" and c.lower_ in {"the", "a", "an"} for c in noun.children) \
            or not any(c.dep_ in {"relcl", "acl"} for c in noun.children):
        return 0
    name = doc[start - 2]
    if name.i not in named or noun in name.ancestors or name.sent.start != noun.sent.start:
        return 0
    noun.head, noun.dep_ = name, "appos"
    return 1


#: Nouns whose "that"-clause tells their content, never a relative clause: "the claim that X trained on Y".
_CONTENT_NOUNS = CLAIM_NOUNS | HEARSAY | frozenset({
    "idea", "fact", "news", "view", "belief", "hope", "hopes", "fear", "fears", "concern", "concerns",
    "possibility", "question", "doubt", "doubts", "notion", "impression", "assumption", "argument", "assertion",
    "word", "expectation", "expectations", "risk", "chance", "prospect", "worry", "worries", "likelihood", "danger",
    "promise", "pledge", "warning",
})


def _lost_relative(word: Token, named: dict) -> int:
    """"the $450 million round that Anthropic, the developer of Claude, raised under ...": the relative clause
    the parser broke up (its "that" an adverb, its subject hung on the main verb, its verb a participle of the
    subject). Make the verb the clause of the noun before "that", with the name its subject. 1 if mended."""
    doc = word.doc
    if word.i < 1 or word.i + 1 >= len(doc):
        return 0
    noun, name = doc[word.i - 1], doc[word.i + 1]
    verb = next((c for c in name.children if c.dep_ == "acl" and c.tag_ in {"VBD", "VBN"} and not any(
        g.dep_ in {"nsubj", "nsubjpass", "dobj", "auxpass"} for g in c.children)), None)
    if noun.pos_ != "NOUN" or noun.lower_ in _CONTENT_NOUNS or name.i not in named or verb is None \
            or name in noun.ancestors or any(t.is_sent_start for t in doc[noun.i + 1:verb.i + 1]):
        return 0  # (not "the claim that DeepSeek, the Chinese lab, trained on H100s": what is claimed)
    verb.head, verb.dep_ = noun, "relcl"
    name.head, name.dep_ = verb, "nsubj"
    word.head, word.dep_ = verb, "dobj"
    return 1


def _lost_main_verb(verb: Token, named: dict) -> int:
    """"Phi-3-mini, with 3.8 billion parameters, shipped last April": the sentence's verb read as a participle
    describing the noun of the phrase set off by commas, and the name as the sentence's root. Make the verb the
    root and the name its subject. Returns 1 if mended."""
    doc = verb.doc
    if verb.dep_ != "acl" or verb.tag_ not in {"VBD", "VBN", "VBZ"} or verb.i < 3 or doc[verb.i - 1].text != "," \
            or any(c.dep_ in {"nsubj", "nsubjpass", "auxpass"} for c in verb.children):
        return 0
    root = next((a for a in verb.ancestors if a.dep_ == "ROOT"), None)
    name = root if root is not None and root.i in named else next(
        (c for c in root.children if c.dep_ == "nsubj" and c.i in named and verb in c.subtree), None) \
        if root is not None and root.i > verb.i else None  # (or the subject of a verb the parser found later)
    if name is None or name.i > verb.i or doc[name.i + 1].text != "," \
            or any(t.head.i != name.i for t in doc[name.sent.start:name.i]):
        return 0  # (the name opens the sentence: only its own "the" or qualifiers before it)
    aside = next((c for c in name.children if c.i > name.i + 1 and verb in c.subtree), None)
    if aside is None or aside.dep_ not in {"prep", "appos"} or aside.left_edge.i != name.i + 2:
        return 0  # (only a phrase set off right after the name: "X, with ..., shipped", "X, the Y, invested")
    verb.head, verb.dep_ = verb, "ROOT"
    name.head, name.dep_ = verb, "nsubj"
    if root is not name:  # ("..., shipped last April in two versions, one reading 4,000 tokens": an aside)
        root.head, root.dep_ = verb, "advcl"
    return 1


def _two_subjects(verb: Token, named: dict) -> int:
    """"ahead of Mistral Large, the flagship Mistral AI put out in February": a contact clause read as a verb
    with two subjects ("the flagship" and "Mistral AI"). Hang the description on the name before the comma and
    the verb on the description, whose clause it is. Returns 1 if mended."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subjects) != 2 or verb.tag_ not in {"VBD", "VBN"}:
        return 0
    noun, maker = subjects
    doc = verb.doc
    if noun.pos_ != "NOUN" or noun.i in named or maker.i not in named or maker.left_edge.i != noun.i + 1 \
            or noun.left_edge.i < 2 or doc[noun.left_edge.i - 1].text != "," \
            or not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return 0
    name = doc[noun.left_edge.i - 2]
    if name.i not in named:
        return 0
    if verb in name.ancestors:  # ("Command R+ came close to X and finished ahead of Mistral Large, the flagship
        # Mistral AI put out", read as the complement of "put"): the clause before is the sentence's own
        main = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < noun.i and c in name.ancestors), None)
        if main is None or verb.dep_ != "ROOT":
            return 0
        main.head, main.dep_ = main, "ROOT"
    noun.head, noun.dep_ = name, "appos"
    verb.head, verb.dep_ = noun, "relcl"
    return 1


#: Nouns for a kind or line of products, which a relative clause may describe like a model or a chip.
_KIND_NOUNS = frozenset({"family", "series", "version", "versions", "variant", "variants", "generation", "line"})


def _contact_clause(noun: Token, named: dict) -> bool:
    """"Falcon Mamba 7B, the model the institute released in August": a relative clause without "that",
    read as a second apposition ("the institute") with a participle of its own. Make the verb the clause of the
    noun before, with that noun phrase its subject. True if mended."""
    verb = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    head = noun.head
    if verb is None or verb.head.i != noun.i or verb.dep_ != "acl" or verb.tag_ not in {"VBN", "VBD"} \
            or noun.left_edge.i != head.i + 1 \
            or not (head.i in named or head.lower_ in CHIP_NOUNS | MODEL_NOUNS | _KIND_NOUNS) \
            or not (_the_noun(noun, named) or _named_maker_of(noun, head, named)) \
            or any(c.dep_ in {"nsubj", "nsubjpass", "auxpass", "agent", "dobj"} for c in verb.children):
        return False
    verb.head, verb.dep_ = head, "relcl"
    noun.head, noun.dep_ = verb, "nsubj"
    return True


def _the_noun(noun: Token, named: dict) -> bool:
    """"the institute": a definite description (not a name) as a contact clause's subject."""
    return noun.i not in named and noun.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "the"
                                                               for c in noun.children)


def _named_maker_of(noun: Token, head: Token, named: dict) -> bool:
    """"Gemma 3, the family Google released in March": an organisation named right after a described kind
    ("the family", "a model") is the subject of the clause that follows it."""
    m = named.get(noun.i)
    return m is not None and m.cls in ORG and head.i not in named and noun.i == noun.left_edge.i \
        and any(c.dep_ == "det" for c in head.children)


def _dangling_conjunct(verb: Token) -> int:
    """"TSMC, which makes most advanced processors and, according to Musk, will also build AI5": the "and"
    hangs on the relative clause but the parser joined the verb after it to the main clause (whose subject it
    then seemed to share). Hang that verb on the relative clause. Returns 1 if mended."""
    cc = next((c for c in reversed(list(verb.rights)) if c.dep_ == "cc"), None)
    if cc is None or any(c.dep_ == "conj" and c.i > cc.i for c in verb.children):
        return 0
    doc = verb.doc
    joined = next((t for t in doc[cc.i + 1:verb.sent.end] if t.dep_ == "conj" and t.pos_ in {"VERB", "AUX"}), None)
    if joined is None or joined.head.i >= verb.i or verb in joined.subtree \
            or any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in joined.children) \
            or any(t.pos_ in {"VERB", "AUX"} and t.lower_ != "according" and t.head.i != joined.i
                   for t in doc[cc.i + 1:joined.i]):
        return 0
    joined.head = verb
    return 1


def _describes_one(noun: Token) -> bool:
    """"the M4 or the new M4 Pro, a higher-end version of the chip": "a" + a singular noun describes one thing
    (the name right before it), not every name of the list."""
    return noun.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in noun.children)


def _whose_clause(noun: Token, named: dict) -> bool:
    """"Qwen2.5-Coder, whose largest version, Qwen2.5-Coder-32B, came out last November" read as an
    apposition and a verb joined to the main clause ("it succeeds X, ... came out"): make the verb the
    relative clause of the name it describes, with the "whose" noun as its subject. True if mended."""
    if noun.head.i not in named or not any(c.dep_ == "poss" and c.lower_ == "whose" for c in noun.children):
        return False
    doc = noun.doc
    after = noun.right_edge.i + 1
    while after < len(doc) and doc[after].text == ",":
        after += 1
    verb = doc[after] if after < len(doc) else None
    if verb is None or verb.dep_ != "conj" or verb.pos_ not in {"VERB", "AUX"} or verb.sent.start != noun.sent.start \
            or any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children) or verb in noun.ancestors:
        return False
    name = noun.head
    verb.head, verb.dep_ = name, "relcl"
    noun.head, noun.dep_ = verb, "nsubj"
    return True


def repair_small_clauses(doc: Doc) -> int:
    """"Google made Trillium, its sixth-generation TPU, generally available": with an apposition between, the
    parser hangs "available" on the apposition's noun as an adjective; hang it on "made" with the name as its
    subject, as the parser does without the apposition. Returns the number of repairs."""
    if not doc.has_annotation("DEP"):
        return 0
    repaired = 0
    for adj in doc:
        if adj.lower_ not in {"available", "public"} or adj.dep_ != "amod" or adj.i < adj.head.i:
            continue
        described = adj.head
        name = described.head
        verb = name.head
        if described.dep_ != "appos" or name.dep_ != "dobj" or verb.lower_ not in MAKE \
                or not any(t.text == "," for t in doc[described.i + 1:adj.i]):
            continue
        adj.head, adj.dep_ = verb, "ccomp"
        name.head, name.dep_ = adj, "nsubj"
        repaired += 1
    return repaired


#: Nouns for a set of companies acting together: "built by a consortium of Eviden and ParTec".
_GROUP_NOUNS = frozenset({"consortium", "group", "team", "partnership", "alliance", "syndicate"})


def repair_group_nouns(doc: Doc, mentions: list[Mention]) -> int:
    """"JUPITER was built by a consortium of Eviden and ParTec": the companies named after "a consortium of" do
    what the consortium does. Hang the first name where the group noun stood, the group noun in apposition to
    it. Returns the number of repairs."""
    if not doc.has_annotation("DEP"):
        return 0
    named = {m.i: m for m in mentions if m.source != "coref" and m.label is not None and m.cls in ORG}
    repaired = 0
    for noun in [t for t in doc if t.lower_ in _GROUP_NOUNS and t.dep_ in {"pobj", "nsubj", "nsubjpass", "dobj"}]:
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        first = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if first is None or first.i not in named or noun.head.i == noun.i:
            continue
        first.head, first.dep_ = noun.head, noun.dep_
        noun.head, noun.dep_ = first, "appos"
        repaired += 1
    return repaired


def repair_fronted_dates(doc: Doc, mentions: list[Mention]) -> int:
    """"In July Skild AI, a Pittsburgh company ..., raised $300 million": after a fronted month the parser
    takes the name for part of the date ("In July Skild AI") and leaves the verb without a subject; make the
    name the subject of the sentence's verb and the month the object of "In". Returns the number of repairs."""
    if not doc.has_annotation("DEP"):
        return 0
    named = {m.i for m in mentions if m.source != "coref" and m.cls in ORG_CLASSES}
    repaired = 0
    for sent in doc.sents:
        if len(sent) < 5:
            continue
        prep, month, name = sent[0], sent[1], sent[2]
        root = sent.root
        if prep.lower_ not in {"in", "on", "by"} or month.lower_.rstrip(".") not in MONTHS \
                or name.i not in named or name.dep_ != "pobj" or name.head.i != prep.i \
                or name.i + 1 >= sent.end or doc[name.i + 1].text != "," or root.pos_ != "VERB" or root.i <= name.i \
                or any(c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for c in root.children):
            continue
        month.head, month.dep_ = prep, "pobj"
        prep.head, prep.dep_ = root, "prep"
        name.head, name.dep_ = root, "nsubj"
        repaired += 1
    return repaired


__all__ = ["RawClaim", "TreeIndex", "tree_distance", "in_same_clause", "forms", "CHIP", "MODEL", "MEMORY",
           "LICENSE", "ORG", "MAKER_ORG", "CHIPMAKER", "possessor",
           "before_punctuation", "whose_owner", "repair_name_lists", "repair_relative_clauses", "repair_small_clauses",
           "repair_fronted_dates",
           "BUILDING", "built_for_another"]
