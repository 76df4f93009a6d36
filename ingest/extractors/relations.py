"""Relations: the inventory's predicates from the dependency parse plus lexical triggers.

:class:`RelationExtractor` (``kg.relations.v1``) reads one parsed sentence at a
time. A relation needs a *trigger* (a word form that expresses it: "post-trained",
"fabbed", "slated", "under", "than" ...) and two mentions whose classes fit the
predicate's signature, close to the trigger in the dependency tree. Because
the signatures differ in class (model / chip / organisation / memory / licence /
date) the classes decide who is subject and who is object, whatever the voice
(active, passive, relative clause, nominalisation "post-training of X on Y",
prepositional chain "a cluster of 1,000 Y chips"); for same-class predicates
(``comparedTo``, ``successorOf``, ``variantOf``) word order around the trigger
decides. Coordinated mentions ("backed by Alibaba and Tencent") all take part.

Mention-level rules need no trigger: possessives ("Huawei's Ascend 950DT",
"its 910C chip", "X is NVIDIA's latest accelerator"), vendor-prefixed names
("Nvidia H100"), the gazetteer's vendor when the vendor is named in the same
article, and family names inside a variant's name ("Blackwell HGX B200").

Funding is discourse-level: investors ("led by", "backers include", "investors
including ... participated") are linked to the organisation the article says
raised the round (the funding focus).

The rules are split by family, each a mixin of :class:`RelationExtractor`:
:mod:`~ingest.extractors.makers` (possessives, vendor prefixes, families in names),
:mod:`~ingest.extractors.lineage` (comparisons, successors, variants),
:mod:`~ingest.extractors.memory` (memory and its suppliers),
:mod:`~ingest.extractors.releases` (release dates) and :mod:`~ingest.extractors.funding`;
this module holds the trigger dispatch and the hardware/training/licence rules. Trigger
words are in :mod:`~ingest.extractors.lexicon`, tree helpers in :mod:`~ingest.extractors.syntax`.
"""

from __future__ import annotations

import dataclasses
import itertools
import os
import re

from spacy.tokens import Doc, Span, Token

from ingest.extractors import register
from ingest.extractors.availability import _CLOUD, AvailabilityRules
from ingest.extractors.entities import (
    CHIP_NOUNS, MEMORY_NOUNS, MODEL_NOUNS, PRONOUNS, Gazetteer, Mention, _sentence_starts, default_gazetteer, key,
)
from ingest.extractors.funding import FundingRules, prefer_stated_round_dates
from ingest.extractors.learned import (
    SIGNATURES, PairContext, TreePath, another_in_between, candidate_pairs, load_weights, names_an_owner,
    of_a_third, pair_features, qualifies_a_third, score,
)
from ingest.extractors.lexicon import (
    ALL_TRIGGERS, CANCELLING, CHOOSE, COMPARE, DERIVING, DESIGN, DEVELOP, FAB, FIGURE_NOUNS, LICENSE_WORDS,
    MAKING_VERBS, MEM_USE, OWN_HW, POST_TRAIN, PRE_TRAIN, RELEASE, RUN, SERVING, SUCCESSOR, SYSTEM_NOUNS, TRAIN,
    USE_HW, VARIANT, WORK,
)
from ingest.extractors.lineage import LineageRules, relative_antecedent
from ingest.extractors.makers import MakerRules, brands_a_service, describes_a_member, prefer_makers
from ingest.extractors.memory import MemoryRules, drop_generic_memory, memory_linked
from ingest.extractors.modality import REPORTING, _object_negated, clause_chain, is_hedge_word, modality_of
from ingest.extractors.releases import (
    _PLANNING, RELEASE_NOUNS, ReleaseRules, debuts_that_were_showings, did_not_happen, drop_unveilings,
    inherit_from_family, never_came_out, phrasal_release, prefer_stated_dates, starts_after,
)
from ingest.extractors.supply import SupplyRules
from ingest.extractors.systems import SystemRules, operators_use_parts
from ingest.extractors.syntax import (
    CHIP, CHIPMAKER, LICENSE, MAKER_ORG, MEMORY, MODEL, ORG, RawClaim, TreeIndex, _Sentence,
    _HARDWARE_HEADS, BUILDING, _subject_mention, before_punctuation, built_for_another, forms, lowered_forms,
    predicated_of, tree_distance, whose_owner,
)


#: Verbs whose object "support for X" is support that exists: "has support for AMD GPUs", "added support for".
_HAVING_SUPPORT = frozenset({"has", "have", "had", "having", "add", "adds", "added", "adding", "gain", "gains",
                             "gained", "get", "gets", "got", "include", "includes", "included", "offer", "offers",
                             "offered", "bring", "brings", "brought", "announced", "announces", "ships", "shipped",
                             "provides", "provided", "describes", "described", "lists", "listed"})
#: "installing": the installer uses what it installs, unless it installs it for someone.
_INSTALLING = frozenset({"install", "installs", "installing", "installed"})


def _installs_for_another(s: _Sentence, verb: Token) -> bool:
    """"Dell is installing GB200 racks for xAI": installed for an organisation by one that is not a cloud (a
    cloud installing racks "for OpenAI" operates them itself)."""
    if not any(p.dep_ == "prep" and p.lower_ == "for" and any(
            t.i in s.by_token and s.by_token[t.i].resolve(ORG) is not None for t in p.subtree) for p in verb.children):
        return False
    installer = next((s.by_token[c.i].resolve(ORG) for c in verb.children if c.dep_ == "nsubj" and c.i in s.by_token),
                     None)
    return installer is None or installer.cls != "CloudProvider"


def _for_its_own_chip(verb: Token) -> bool:
    """"OpenAI picked Broadcom and TSMC for its custom inference chip": partners in making the chooser's chip."""
    return any(p.dep_ == "prep" and p.lower_ == "for" and any(
        o.dep_ == "pobj" and o.lower_ in {"chip", "chips", "accelerator", "accelerators", "processor", "processors"}
        and any(c.dep_ == "poss" and c.lower_ in {"its", "their"} for c in o.children) for o in p.children)
        for p in verb.children)


@register("kg.relations.v1")
class RelationExtractor(MakerRules, SystemRules, SupplyRules, AvailabilityRules, LineageRules, MemoryRules,
                        ReleaseRules, FundingRules):
    """Extract relation claims from a parsed doc and its mentions.

    Parameters
    ----------
    gazetteer : the entity gazetteer (vendors and families come from it)
    """

    def __init__(self, gazetteer: Gazetteer | None = None):
        self.gazetteer = gazetteer if gazetteer is not None else default_gazetteer()
        self._focus: str | None = None
        self._backers: set[str] = set()  # organisations the article has named as investors so far
        self.raisers: dict[int, str] = {}
        self._published: str | None = None
        # the learned second reading (see :mod:`ingest.extractors.learned`); KG_LEARNED=0 turns it off
        self.learned = os.environ.get("KG_LEARNED", "1").strip().lower() not in {"0", "no", "false", "off"}
        self.collected: list | None = None  # a list to collect every unrelated pair's features (training)

    # ------------------------------------------------------------------ entry point
    def __call__(self, doc: Doc, mentions: list[Mention], *, dates: dict[int, tuple[str, Span]] | None = None,
                 published: str | None = None) -> list[RawClaim]:
        """All relation claims of ``doc``.

        ``dates`` maps a token index to ``(iso, span)`` for every resolved date
        phrase (see :mod:`ingest.extractors.dates`).
        """
        dates = dates or {}
        self._published = published
        mentions, out = self._appositive_families(doc, mentions)
        mentions = [m for m in mentions if not describes_a_member(doc[m.i]) and not brands_a_service(m, doc[m.i])]
        self._focus: str | None = None
        self._backers: set[str] = set()  # organisations the article has named as investors so far
        self.raisers: dict[int, str] = {}  # sentence start -> the organisation raising money in it
        self._set_against: dict[int, dict[str, str]] = {}  # sentence start -> comparisons made in it
        tree = TreeIndex(doc)
        self._lowers = lowered_forms(doc)
        by_sent: dict[int, list[Mention]] = {}
        self._mention_at = {m.i: m for m in mentions}
        sent_of = _sentence_starts(doc)
        self._org_counts: dict[str, int] = {}
        self._memory_holder: tuple[int, str] | None = None  # (sentence start, chip) of the last memory named
        self._models_seen = [m for m in mentions if m.source != "coref" and m.cls == "AIModel" and m.label]
        parts: list[RawClaim] = []  # what systems are built from: not output, handed to their operators
        pairs: list = []  # pairs of mentions a predicate's signature fits, for the learned reading
        wanted = set(SIGNATURES) if self.collected is not None else set(load_weights()) if self.learned else set()
        for m in mentions:
            by_sent.setdefault(sent_of[m.i], []).append(m)
            if m.source != "coref" and m.label and m.cls in ORG:
                self._org_counts[m.label] = self._org_counts.get(m.label, 0) + 1
        for sent in doc.sents:
            if sent.start not in by_sent:
                continue
            s = _Sentence(sent, by_sent[sent.start], tree, presorted=True)
            if not s.mentions or sent.text.rstrip().rstrip("\"'”’)").endswith("?"):
                continue  # a question asserts nothing
            before = len(out)
            out += self._mention_rules(s)
            out += self._denied_makers(s)
            out += self._work_of(s)
            out += self._where_trained(s)
            out += self._products_use(s)
            out += self._foundry_used_for(s)
            out += self._named_generation(s)
            out += self._hyphenated_lines(s)
            out += self._backbones(s)
            out += self._made_by_tuning(s)
            out += self._moves_between_generations(s)
            out += self._followed_by(s)
            out += self._owned_fleets(s)
            out += self._hosted_systems(s)
            out += self._built_for(s)
            out += self._supply_deals(s)
            out += self._supplied_to(s)
            out += self._deliveries_taken(s)
            parts += self._system_parts(s)
            out += self._named_customers(s)
            out += self._customers_of(s)
            out += self._providers_of(s)
            out += self._offered_on_clouds(s)
            out += self._cloud_services(s)
            out += self._rented_instances(s)
            out += self._served_by_platform(s)
            out += self._measured_on_models(s)
            out += self._launched_chips(s)
            out += self._licence_described(s)
            out += self._trigger_rules(s, dates)
            out += self._training_ran_on(s)
            out += self._trained_on_clouds(s)
            out += self._labs_models_on(s)
            out += self._memory_supply(s)
            out += self._memory_for(s)
            holders = [c.subject for c in out[before:] if c.predicate == "usesMemory" and c.modality == "asserted"]
            if holders:
                self._memory_holder = (sent.start, holders[-1])  # "... of that memory" in the next sentences
            out += self._funding(s, dates, published)
            if wanted:
                pairs += [(s, *pair) for pair in candidate_pairs(s, wanted)]
        out += self._vendor_rules(doc, mentions)
        out += self._numbered_generations(doc, mentions)
        out += self._enumerated_members(doc, mentions)
        out += _labs_use_training_hardware(out)
        out += operators_use_parts(out, parts)
        class_of = {m.label: m.cls for m in mentions if m.label and m.source != "coref"}
        out += _shared_with_a_likeness(out, doc, self._mention_at, class_of)
        out += _and_so_is(out, doc, self._mention_at, class_of)
        out += inherit_from_family(out, doc, mentions, self._in_family)
        out += inherit_from_family(out, doc, mentions, self._in_family, predicate="licensedUnder", before=3)
        out += self._learned_reading(pairs, out)
        out = never_came_out([c for c in out if c.subject != c.object], doc, self._mention_at)
        out = debuts_that_were_showings(out, doc, self._mention_at, dates)
        out = names_yield(out, _misnamed(doc, self._mention_at))
        return prefer_makers(drop_unveilings(prefer_stated_round_dates(prefer_stated_dates(
            drop_generic_memory(_dedupe(out))))))

    def _learned_reading(self, pairs: list, out: list[RawClaim]) -> list[RawClaim]:
        """Claims the learned model finds among the pairs of names the rules left unrelated.

        A relation the article names in several sentences is claimed once, from its best-scoring
        sentence, and only when every sentence naming the pair reads the same way (an article that
        denies or conditions it anywhere is left to the rules).
        """
        weights = load_weights() if self.learned else {}
        if not weights and self.collected is None:
            return []
        related = {(c.subject, c.object) for c in out} | {(c.object, c.subject) for c in out}
        fabbed = {c.subject for c in out if c.predicate == "fabbedBy"}
        licensed = {c.subject for c in out if c.predicate == "licensedUnder" and c.modality == "asserted"}
        context = PairContext(self._mention_at.values(), [(ra.label, rb.label, s.sent.start)
                                                           for s, _p, _a, ra, _b, rb in pairs])
        found: dict[tuple[str, str, str], list] = {}
        for s, pred, a, ra, b, rb in pairs:
            if (ra.label, rb.label) in related or names_an_owner(a, self._mention_at) or qualifies_a_third(b, a) \
                    or of_a_third(a, b, self._mention_at):
                continue
            path = TreePath(a, b)
            if another_in_between(a, b, self._mention_at, path) or any(
                    t.i != path.top.i and any(c.dep_ == "neg" for c in t.children) for t in path.between()):
                continue  # (a denial below the governing word, "but AWS did not say which foundry would make
                #           Trainium2", is the rules' to read: the modality is read from the governing word)
            if pred == "licensedUnder" and _licence_left_unnamed(s, a):
                continue  # "Meta put Llama 3 under a custom licence, while ... Apache 2.0": its own, unnamed
            if pred in {"developedBy", "designedBy"} and _maker_described(path, b):
                continue  # "gives Microsoft a seat at the group behind Jais": the group is the maker
            if pred in {"developedBy", "designedBy"} and self.gazetteer.vendor_of(ra.label) not in {None, rb.label} \
                    or pred == "fabbedBy" and ra.label in fabbed \
                    or pred == "designedBy" and self._known_system(ra.label, a.text):
                continue  # who makes it is known already; a system's builder is its operator (systems.py)
            if pred not in weights and self.collected is None:
                continue
            feats = pair_features(a, b, ra.cls, rb.cls, ra is not self._mention_at.get(a.i),
                                  rb is not self._mention_at.get(b.i), path) + context.features(ra.label, rb.label)
            if self.collected is not None:
                self.collected.append((ra.label, pred, rb.label, feats, s.sent.text))
            p = score(pred, feats, weights)
            if p is not None:
                found.setdefault((ra.label, pred, rb.label), []).append((p, s, a, b, path))
        claims = []
        for (subj, pred, obj), instances in found.items():
            instances.sort(key=lambda f: -f[0])
            if instances[0][0] < weights[pred]["threshold"]:
                continue
            readings = [self._learned_claim(subj, pred, obj, s, a, b, path, p) for p, s, a, b, path in instances]
            if pred == "licensedUnder" and subj in licensed and readings[0] is not None \
                    and readings[0].modality == "asserted":
                continue  # "Most of the family is under Apache 2.0, but X carries the Qwen Research License": X's own
            if readings[0] is not None and all(r is not None and r.modality == readings[0].modality
                                               for r in readings):
                claims.append(readings[0])
                p, s, a, b, path = instances[0]  # "three chip platforms: Google's TPUs, Amazon's Trainium and
                listed = _colon_list(s, b, SIGNATURES[pred][1], [(b, self._mention_at[b.i])]  # Nvidia's GPUs"
                                     if b.i in self._mention_at else [])
                for t, r in listed:
                    c = self._claim(subj, pred, r.label, path.top, s.sent, obj_tok=t, subj_tok=a, confidence=p,
                                    rule="learned-list")
                    if c is not None and c.modality == readings[0].modality:
                        claims.append(c)
        return claims

    def _learned_claim(self, subj: str, pred: str, obj: str, s: _Sentence, a: Token, b: Token, path: TreePath,
                       p: float) -> RawClaim | None:
        """A learned reading, as sure as the pair's governing word; a denial there does not reach into a
        description of one name that holds the other ("Nor is it a derivative of Llama 2, which sets it apart
        from Orca 2"): the description's own word says how sure that is."""
        c = self._claim(subj, pred, obj, path.top, s.sent, obj_tok=b, subj_tok=a, confidence=p, rule="learned")
        own = _described_in(path, a, b)
        if c is not None and c.modality == "negated" and own is not None:
            c = self._claim(subj, pred, obj, own, s.sent, obj_tok=b, subj_tok=a, confidence=p, rule="learned")
        return c

    # ------------------------------------------------------------------ helpers
    def _claim(self, subj: str, pred: str, obj: str, trigger: Token, sent: Span, *, obj_tok=None,
               subj_tok=None, confidence=0.8, rule="", modality=None) -> RawClaim | None:
        if subj == obj:
            return None
        if pred == "successorOf" and self._variant_pair(subj, obj):
            return None  # "the H800 followed the H100": a cut-down version of it, not its next generation
        if modality is None:
            modality, cue = modality_of(trigger, obj_tok, subj_tok)
            if modality is None:
                return None
            subject = trigger
            while subject.dep_ == "compound" and subject.head.i != subject.i:
                subject = subject.head
            if modality in {"asserted", "hedged"} and subject.dep_ in {"csubj", "nsubj", "nsubjpass"} and any(
                    c.dep_ == "neg" or c.lower_ == "never" for c in subject.head.children) \
                    and obj_tok is not None and obj_tok not in subject.subtree and obj_tok in subject.head.subtree:
                # "Training Llama 3 did not take place on AMD chips" (not "Training Llama 3 on H100s did not finish
                # on time": the denied verb says something else of a training that happened)
                modality, cue = "negated", "not"
            if pred in {"designedBy", "developedBy"} and modality in {"hedged", "hypothetical"} \
                    and cue in _PLAN_CUES:
                modality, cue = "asserted", ""  # "AMD plans to sell the MI450": a plan, but AMD's chip all the same
            if pred in {"successorOf", "releasedOn"} and modality in {"asserted", "hedged"} \
                    and self._cancelled_in(sent, subj):
                modality, cue = "negated", "cancelled"  # "Intel cancelled Rialto Bridge, the follow-on to ..."
            if pred == "releasedOn" and modality in {"hedged", "hypothetical"} \
                    and did_not_happen(trigger, subj, getattr(self, "_mention_at", {})):
                modality, cue = "negated", "did not"  # "he expected Grok 3 to arrive by the end of 2024; it did not"
            if pred in {"fundedBy", "fundedIn"} and modality == "hedged" and cue in {"agreed", "agrees"}:
                modality, cue = "asserted", ""  # "Amazon agreed to invest $4 billion in Anthropic": a deal struck
            future = modality == "asserted" and any(c.lower_ in {"will", "'ll", "shall"} and c.dep_ == "aux"
                                                    for t in clause_chain(trigger)[:3] for c in t.children)
            if future and pred not in {"releasedOn", "fundedIn", "designedBy", "developedBy", "variantOf"}:
                modality, cue = "hedged", "will"  # "Oracle will offer instances built on the H200": a plan
            if modality == "asserted" and pred in {"releasedOn", "fundedIn"}:
                if is_hedge_word(trigger):
                    modality, cue = "hedged", trigger.lower_
                elif future:
                    modality, cue = "hedged", "will"  # a scheduled event is not a fact yet
                elif self._published and isinstance(obj, str) and obj[:4].isdigit() and starts_after(obj, self._published):
                    modality, cue = "hedged", "future date"
            if pred == "usesHardware" and modality == "asserted" and obj_tok is not None \
                    and _capacity_to_come(obj_tok, trigger):
                modality, cue = "hedged", "capacity to come"  # "as OpenAI deploys 10 gigawatts of Nvidia systems"
            if pred == "releasedOn" and modality == "hedged" and _an_earlier_plan(sent, cue):
                modality, cue = "negated", "originally " + cue  # "was first meant to arrive in 2018": not kept
        else:
            cue = ""
        return RawClaim(subj, pred, obj, modality, cue, trigger.i, sent.start, confidence, rule)

    def _cancelled_in(self, sent: Span, label: str) -> bool:
        """The sentence says ``label`` was cancelled ("Intel cancelled Rialto Bridge, which it had presented as
        the follow-on to Ponte Vecchio"): what it was to follow or when it was to ship did not happen."""
        at = getattr(self, "_mention_at", {})
        for verb in sent:
            if verb.lower_ not in CANCELLING or any(c.dep_ == "neg" for c in verb.children):
                continue
            for c in verb.children:
                m = at.get(c.i) if c.dep_ in {"dobj", "nsubjpass"} else None
                if m is not None and m.source != "coref" and m.label == label:
                    return True
        return False

    def _conjuncts(self, s: _Sentence, tok: Token, classes) -> list[tuple[Token, Mention]]:
        """Names coordinated with ``tok`` ("Alibaba and Tencent"), and for a plural description or
        pronoun ("both models", "they") the names coordinated with what it refers to."""
        out = []
        for c in tok.conjuncts:
            m = s.by_token.get(c.i)
            if m is None and c.lower_ in CHIP_NOUNS | _HARDWARE_HEADS:
                # "the GB300 and AMD's Instinct MI350 accelerators": the name qualifying a generic conjunct
                q = next((g for g in c.children if g.dep_ in {"compound", "nmod"} and g.i in s.by_token), None)
                c, m = (q, s.by_token[q.i]) if q is not None else (c, None)
            if m is not None:
                r = m.resolve(classes)
                if r is not None:
                    out.append((c, r))
        def add_named(g: Token) -> None:
            gm = s.by_token.get(g.i)
            gr = gm.resolve(classes) if gm is not None and gm.source != "coref" else None
            if gr is not None and all(gr.label != o.label for _t, o in out):
                out.append((g, gr))

        head = tok.head if tok.dep_ in {"compound", "nmod"} and tok.head.lower_ in CHIP_NOUNS | _HARDWARE_HEADS \
            else tok  # "AMD's Instinct accelerators, including the MI300X": the examples share what is said
        for p in (p for p in head.children if p.dep_ == "prep" and _gives_examples(p)):
            for e in (e for e in p.children if e.dep_ == "pobj"):
                for g in (e, *e.conjuncts):
                    add_named(g)
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep":  # "not on Ascend but on 2,048 H800s", "in A and in B"
            prep, verb = tok.head, tok.head.head  # (the parser hangs the second "on" on the first, the verb or
            heads = [prep, verb, *(c for c in verb.children if c.dep_ == "prep" and c.i != prep.i)]  # a sibling)
            for p in (p for h in heads for p in h.children if p.dep_ == "conj" and p.i > prep.i
                      and p.pos_ == "ADP" and p.lower_ == prep.lower_):
                for e in (e for e in p.children if e.dep_ == "pobj"):
                    named = e if e.i in s.by_token else next(
                        (g for g in e.children if g.dep_ in {"compound", "nmod"} and g.i in s.by_token), None) \
                        if e.lower_ in CHIP_NOUNS | _HARDWARE_HEADS else None
                    for g in (named, *named.conjuncts) if named is not None else ():
                        add_named(g)
        for c in tok.children:  # "Grayskull, its first chip, and Wormhole, its second": the list goes on after
            if c.dep_ == "appos" and c.i not in s.by_token:  # the first name's description
                for g in c.conjuncts:
                    add_named(g)
        for c in tok.children:  # "Google's TPUs, Amazon's Trainium and Nvidia's GPUs", the last head hung as an
            if c.dep_ != "appos" or c.i in s.by_token or c.lower_ not in CHIP_NOUNS | _HARDWARE_HEADS \
                    or not any(t.lower_ in {"and", "or"} for t in s.sent.doc[tok.i + 1:c.i]):  # apposition with
                continue  # the names before it as its qualifiers
            for q in (q for q in c.children if q.dep_ in {"poss", "nmod", "compound"} and q.i in s.by_token):
                for g in (q, *q.conjuncts):
                    add_named(g)
        for c in tok.children:  # a list the parser hung as apposition: "DeepSeek-R1, OpenAI's o1 and o3-mini",
            m = s.by_token.get(c.i) if c.dep_ in {"appos", "nmod"} else None  # "GPT-4o and Anthropic's Claude"
            r = m.resolve(classes) if m is not None and m.source != "coref" else None
            if r is None or any(r.label == o.label for _t, o in out):
                continue
            own = s.by_token.get(tok.i)
            if own is None or own.source == "coref" or own.label == r.label or own.cls != r.cls:
                continue
            between = s.sent.doc[min(c.i, tok.i) + 1:max(c.i, tok.i)]
            listed = c.dep_ == "nmod" and any(t.lower_ in {"and", "or"} for t in between) or any(
                g.dep_ == "conj" for g in c.children) or c.dep_ == "appos" and any(
                g.dep_ == "conj" and g.i < c.i and g.i in s.by_token and s.by_token[g.i].cls in ORG
                and g.i + 1 < len(s.sent.doc) and s.sent.doc[g.i + 1].tag_ == "POS" for g in tok.children)
            if listed:
                out.append((c, r))
                for g in c.conjuncts:
                    gm = s.by_token.get(g.i)
                    gr = gm.resolve(classes) if gm is not None else None
                    if gr is not None and all(gr.label != o.label for _t, o in out):
                        out.append((g, gr))
        if tok.dep_ == "compound" and tok.head.lower_ in CHIP_NOUNS | _HARDWARE_HEADS:
            # "HGX B200 systems and GB200 NVL72 racks": the names qualifying coordinated heads
            for head in tok.head.conjuncts:
                for c in head.children:
                    m = s.by_token.get(c.i) if c.dep_ in {"compound", "nmod"} else None
                    r = m.resolve(classes) if m is not None else None
                    if r is not None and all(r.label != o.label for _t, o in out):
                        out.append((c, r))
        m = s.by_token.get(tok.i)
        if m is not None and m.source == "coref" and m.text.lower() in {"both", "each"} and len(m.antecedents) == 2 \
                and m.antecedents[0].cls == m.antecedents[1].cls:  # the two topics coref found for "Both"
            second = m.antecedents[1].resolve(classes)
            if second is not None and m.antecedents[0].resolve(classes) is not None:
                return out + [(tok, second)]
        if m is not None and m.source == "coref" and _plural(m):
            first = m.resolve(classes)
            at = getattr(self, "_mention_at", {})
            if first is not None and first.i in at:
                ante_tok = s.sent.doc[first.i]
                for c in ante_tok.conjuncts:
                    other = at.get(c.i)
                    r = other.resolve(classes) if other is not None and other.source != "coref" else None
                    if r is not None and r.label != first.label and all(r.label != o.label for _t, o in out):
                        out.append((tok, r))
                words = m.text.lower().split()
                if not out and (words[0] == "both" or words[:2] == ["the", "two"]):
                    # "o1-preview, with a smaller sibling called o1-mini. Both went live": the other of the two
                    second = next((a for a in m.antecedents if a.label != first.label and a.cls == first.cls), None)
                    if second is not None and abs(second.i - first.i) < 40:
                        out.append((tok, second))
        return out

    @staticmethod
    def _alternatives(s: _Sentence, o_tok: Token, classes, trig: Token, taken) -> list[tuple[Token, Mention]]:
        """Objects set against the chosen one: "X rather than Y", "not by X but by Y", "by X and by Y"."""
        seen = {t.i for t, _m in taken}
        out = []
        heads = [o_tok.head] if o_tok.dep_ == "pobj" else []
        for h in heads:  # "not by SMIC but by TSMC": the pobj of a coordinated preposition
            for c in h.conjuncts:
                for p in c.children:
                    if p.dep_ == "pobj" and p.i in s.by_token and p.i not in seen:
                        r = s.by_token[p.i].resolve(classes)
                        if r is not None:
                            out.append((p, r))
                            seen.add(p.i)
        for m in s.mentions:
            if m.i in seen or m.source == "coref":
                continue
            r = m.resolve(classes)
            tok = s.sent.doc[m.i]
            if r is None or not s.tree.same_clause(trig.i, tok.i, lambda i: s.sent.doc[i].dep_ == "relcl"):
                continue
            if _object_negated(tok, trig) in {"rather than", "instead of", "not"} and o_tok.i < tok.i:
                out.append((tok, r))
                seen.add(m.i)
        return out

    # ------------------------------------------------------------------ possessives and names


    # ------------------------------------------------------------------ trigger rules
    def _trained_on_clouds(self, s: _Sentence) -> list[RawClaim]:
        """"Claude 3 was trained on hardware from both AWS and Google Cloud", "pre-trained on Google Cloud's
        TPUs": the cloud whose hardware a model was trained on (when no chip is named)."""
        out = []
        for verb in s.words(TRAIN | PRE_TRAIN | POST_TRAIN):
            if verb.pos_ != "VERB":
                continue
            pred = "preTrainedOn" if verb.lower_ in PRE_TRAIN else "postTrainedOn" if verb.lower_ in POST_TRAIN \
                else "trainedOn"
            models = [(c, m) for c in verb.children if c.dep_ in {"nsubjpass", "dobj"}
                      for t in (c, *c.conjuncts, *(g for g in c.children if g.dep_ == "compound"))
                      if (m := s.by_token.get(t.i)) is not None and (m := m.resolve(MODEL)) is not None]
            if not models:
                continue
            clouds = []
            for p in verb.children:
                if p.dep_ != "prep" or p.lower_ != "on":
                    continue
                for hw in p.children:
                    if hw.dep_ != "pobj" or hw.lower_ not in _CLOUD_HARDWARE or hw.i in s.by_token:
                        continue
                    owners = [o for q in hw.children if q.dep_ == "prep" and q.lower_ == "from"
                              for o in q.children if o.dep_ == "pobj"]
                    owners += [c for c in hw.children if c.dep_ == "poss"]
                    for o in owners:
                        for t in (o, *o.conjuncts):
                            m = s.by_token.get(t.i)
                            cloud = m.resolve(_CLOUD) if m is not None else None
                            if cloud is not None:
                                clouds.append((t, cloud))
            for m_tok, model in models:
                for c_tok, cloud in clouds:
                    c = self._claim(model.label, pred, cloud.label, verb, s.sent, obj_tok=c_tok, subj_tok=m_tok,
                                    confidence=0.6, rule="trained-on-cloud")
                    if c:
                        out.append(c)
        return out

    def _labs_models_on(self, s: _Sentence) -> list[RawClaim]:
        """"Anthropic's models run on Google Cloud", "the lab's models are built and served on Azure",
        "its models continue to run on Nvidia GPUs": a lab whose models, unnamed, run or are trained on some
        hardware or cloud uses it."""
        out = []
        for tok in s.words(_MODEL_WORDS):
            if tok.i in s.by_token or tok.dep_ not in {"nsubj", "nsubjpass", "dobj"} \
                    or tok.dep_ == "dobj" and tok.head.lower_ not in RUN | TRAIN \
                    or any(c.dep_ in {"compound", "nmod", "amod"} and c.i in s.by_token for c in tok.children) \
                    or any(c.dep_ == "amod" and c.lower_ in {"open", "open-weight", "open-source"} for c in tok.children):
                continue  # ("its V3 model", "Meta's Llama 2 models": the named model's own relations; "Meta's open
                #           models run on AMD and Nvidia hardware": anyone's, not the lab's)
            owner = next((c for c in tok.children if c.dep_ == "poss" and c.i in s.by_token), None)
            lab = s.by_token[owner.i].resolve(ORG) if owner is not None else None
            if lab is None or lab.cls in {"Publisher", "Government", "Investor", "Foundry", "MemoryVendor"}:
                continue
            if tok.dep_ == "dobj" and _doer(s, tok.head) != lab.label:
                continue  # ("Google's rivals train their models on Nvidia GPUs": the rivals', not Google's)
            verbs, todo = [], [tok.head] if tok.dep_ != "dobj" else []
            if tok.dep_ == "dobj":  # "OpenAI, which trains and runs its models on Azure": the lab's own models
                verbs = [tok.head, tok]  # (the parser may hang "on Azure" on the models)
            while todo and len(verbs) < 6:  # "are built and served on", "continue to run on"
                v = todo.pop()
                verbs.append(v)
                todo += [c for c in v.children if c.dep_ == "xcomp" or c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}
                         and not any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children)]
            for verb in verbs:
                if verb.lower_ not in RUN | TRAIN | PRE_TRAIN | POST_TRAIN | _MODEL_WORDS | {"built", "developed"} or any(
                        c.dep_ == "aux" and c.lower_ in {"can", "ca"} for c in verb.children):
                    continue  # ("can run on Snapdragon phones": what they are able to run on)
                for p in verb.children:
                    if p.dep_ != "prep" or p.lower_ != "on":
                        continue
                    objs = [x for o in p.children if o.dep_ == "pobj" for x in (o, *o.conjuncts)]
                    for t in objs + [c for x in objs if x.i not in s.by_token for c in x.children
                                     if c.dep_ in {"compound", "poss"}]:  # ("on Nvidia hardware")
                        m = s.by_token.get(t.i)
                        hw = m.resolve(CHIP | CHIPMAKER | _CLOUD) if m is not None else None
                        if hw is None or hw.label == lab.label or self.gazetteer.vendor_of(hw.label) == lab.label:
                            continue  # (a maker's own chips: "the company's models run on Nvidia H100s")
                        alone = any(w.lower_ in {"alone", "exclusively", "solely"} for w in [*p.subtree, *verb.children])
                        c = self._claim(lab.label, "usesHardware", hw.label, verb, s.sent, obj_tok=t, subj_tok=owner,
                                        confidence=0.6, rule="labs-models-on",
                                        modality="asserted" if alone else None)  # ("not on Azure alone": on it too)
                        if c:
                            out.append(c)
        return out

    def _training_ran_on(self, s: _Sentence) -> list[RawClaim]:
        """"The training ran on 24,576 H100 GPUs", "Training took 14 days on 96 A100s": a training run
        named by its noun is the model's (its possessor, "of X", or the model the article just named)."""
        out = []
        for tok in s.words(_TRAINING_NOUNS):
            pred = _TRAINING_NOUNS.get(tok.lower_)
            noun = tok.head if tok.dep_ == "compound" and tok.head.lower_ in {"run", "runs"} else tok
            verb = noun.head  # ("whose training runs used MI250X GPUs": the runs of the training)
            if pred is None or noun.dep_ not in {"nsubj", "nsubjpass", "csubj"} or verb.lower_ not in _RUNNING_VERBS:
                continue
            model = None
            for c in [*tok.children, *(noun.children if noun is not tok else ())]:
                # "Llama 3's training", "the training of Llama 3", "Training the model took", "whose training runs"
                for t in ([c] if c.dep_ in {"poss", "compound"} or c.dep_ == "dobj" and tok.dep_ == "csubj" else
                          [p for p in c.children if p.dep_ == "pobj"] if c.dep_ == "prep" and c.lower_ == "of" else []):
                    if t.lower_ == "whose" and verb.dep_ == "relcl":
                        t = verb.head  # "OLMo, whose training runs used ..."
                    m = s.by_token.get(t.i)
                    if m is not None and m.source == "coref" and c.dep_ == "dobj":
                        model = self._model_talked_about(s)  # "Training the model took ...": the article's model
                        continue
                    model = m.resolve(MODEL) if m is not None else model
            if model is None and noun is tok and tok.dep_ != "csubj" \
                    and not any(c.dep_ in {"poss", "compound", "prep"} for c in tok.children):
                # (a "training run" or "training the model" names its own model, or none)
                model = self._model_talked_about(s)
            if model is None:
                continue
            for p in verb.children:
                if not (p.dep_ == "prep" and p.lower_ in {"on", "using"} or p.dep_ == "dobj" and verb.lower_ in {
                        "used", "uses", "use"}):
                    continue
                for t in p.subtree:
                    m = s.by_token.get(t.i)
                    chip = m.resolve(CHIP) if m is not None and m.source != "coref" else None
                    if chip is None:
                        continue
                    c = self._claim(model.label, pred, chip.label, verb, s.sent, obj_tok=t, subj_tok=tok,
                                    confidence=0.6, rule="training-ran-on")
                    if c:
                        out.append(c)
                    break
        return out

    def _where_trained(self, s: _Sentence) -> list[RawClaim]:
        """"The Research SuperCluster is where Meta trained Llama 2": the subject of the copula is the machine
        the "where" clause's training (or serving) ran on; the clause's subject used it."""
        out = []
        for verb in s.words(TRAIN | PRE_TRAIN | POST_TRAIN | RUN):
            copula = verb.head
            if verb.dep_ not in {"advcl", "ccomp", "relcl"} or copula.lower_ not in {"is", "was", "are", "were"} \
                    or not any(c.dep_ == "advmod" and c.lower_ == "where" and c.i < verb.i for c in verb.children):
                continue
            place = next((c for c in copula.children if c.dep_ == "nsubj" and c.i < copula.i), None)
            m = s.by_token.get(place.i) if place is not None else None
            machine = m.resolve(CHIP) if m is not None else None
            if machine is None:
                continue
            pred = "preTrainedOn" if verb.lower_ in PRE_TRAIN else "postTrainedOn" if verb.lower_ in POST_TRAIN \
                else "trainedOn" if verb.lower_ in TRAIN else "runsOn"
            found = []
            for obj in (c for c in verb.children if c.dep_ == "dobj"):
                for t in [obj, *obj.conjuncts]:
                    named = s.by_token.get(t.i)
                    model = named.resolve(MODEL) if named is not None else None
                    if model is None:
                        continue
                    c = self._claim(model.label, pred, machine.label, verb, s.sent, obj_tok=place, subj_tok=t,
                                    confidence=0.7, rule="where-trained")
                    if c:
                        found.append(c)
            user = next((c for c in verb.children if c.dep_ == "nsubj" and c.i in s.by_token), None)
            org = s.by_token[user.i].resolve(ORG - {"Publisher", "Government"}) if user is not None else None
            if org is not None and found:
                c = self._claim(org.label, "usesHardware", machine.label, verb, s.sent, obj_tok=place, subj_tok=user,
                                confidence=0.65, rule="where-trained")
                if c:
                    found.append(c)
            said, cue = modality_of(copula)  # "Colossus is not / is reportedly where xAI trained Grok 3"
            if said in {"negated", "hedged", "hypothetical"}:
                found = [dataclasses.replace(c, modality=said, cue=cue) if c.modality == "asserted" else c
                         for c in found]
            out += found
        return out

    def _products_use(self, s: _Sentence) -> list[RawClaim]:
        """"Volvo's EX90 uses DRIVE Orin", "its i8 SUV carries a Thor-U": a company's own product (a car, a
        phone, a board: no chip, model or memory) built on another maker's chip means the company uses it."""
        out = []
        for verb in s.words(_PRODUCT_USING):
            product = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if product is None or product.i in s.by_token and s.by_token[product.i].source != "ner" \
                    or not _a_device(product):
                continue
            owner_tok = next((c for c in product.children if c.dep_ == "poss" and c.i in s.by_token), None)
            owner = s.by_token[owner_tok.i].resolve(ORG - {"Publisher", "Government", "Investor"}) \
                if owner_tok is not None else None
            if owner is None:
                continue
            for obj in (c for c in verb.children if c.dep_ == "dobj"):
                for t in [obj, *obj.conjuncts]:
                    named = s.by_token.get(t.i)
                    chip = named.resolve(CHIP) if named is not None and named.source != "coref" else None
                    if chip is None or self.gazetteer.vendor_of(chip.label) is None \
                            or self._its_own(chip.label, owner.label):
                        continue  # (the maker's own chip is no purchase; a chip of no known maker may be a system)
                    c = self._claim(owner.label, "usesHardware", chip.label, verb, s.sent, obj_tok=t,
                                    subj_tok=owner_tok, confidence=0.65, rule="product-uses")
                    if c:
                        out.append(c)
        for verb in s.words(_PUTTING_IN):  # "Raspberry Pi put Hailo's Hailo-8L into its AI Kit"
            if not any(p.dep_ == "prep" and p.lower_ in {"into", "in", "inside"} and any(
                    o.dep_ == "pobj" and _a_device(o) and (o.i not in s.by_token or s.by_token[o.i].source == "ner")
                    for o in p.children) for p in verb.children):
                continue  # (into a kit, a phone, "the Galaxy S24" taken for a firm; not "into production")
            maker_tok = next((c for c in verb.children if c.dep_ == "nsubj" and c.i in s.by_token), None)
            maker = s.by_token[maker_tok.i].resolve(ORG - {"Publisher", "Government", "Investor"}) \
                if maker_tok is not None else None
            if maker is None:
                continue
            for obj in (c for c in verb.children if c.dep_ == "dobj"):
                for t in (w for w in obj.subtree if w.i in s.by_token and w.dep_ != "poss"):
                    chip = s.by_token[t.i].resolve(CHIP) if s.by_token[t.i].source != "coref" else None
                    if chip is None or self._its_own(chip.label, maker.label):
                        continue
                    c = self._claim(maker.label, "usesHardware", chip.label, verb, s.sent, obj_tok=t,
                                    subj_tok=maker_tok, confidence=0.65, rule="put-into")
                    if c:
                        out.append(c)
        return out

    def _its_own(self, chip: str, org: str) -> bool:
        """The chip is the organisation's own (its maker is the organisation or a unit named after it)."""
        vendor = self.gazetteer.vendor_of(chip)
        return vendor is not None and (vendor == org or key(vendor).startswith(key(org))
                                       or key(org).startswith(key(vendor)))

    def _foundry_used_for(self, s: _Sentence) -> list[RawClaim]:
        """"Tesla uses TSMC for the D1", "picked Samsung for its next chip": a foundry taken for a chip makes it."""
        out = []
        for verb in s.words(_TAKING_A_FOUNDRY):
            foundry_tok = next((c for c in verb.children if c.dep_ == "dobj" and c.i in s.by_token), None)
            foundry = s.by_token[foundry_tok.i].resolve(frozenset({"Foundry"})) if foundry_tok is not None else None
            if foundry is None or s.by_token[foundry_tok.i].source == "coref":
                continue
            fors = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"]
            if len(fors) != 1 or foundry_tok.conjuncts or any(  # ("TSMC for the D1 and Samsung for the AI5")
                    t.lower_ in {"not", "rather", "instead"} for t in verb.doc[foundry_tok.i:fors[0].i]):
                continue
            for p in fors:
                for t in (o for c in p.children if c.dep_ == "pobj" for o in (c, *c.conjuncts)):
                    m = s.by_token.get(t.i)
                    chip = m.resolve(CHIP) if m is not None and m.source != "coref" else None
                    if chip is None:
                        continue  # (only the chip the phrase is for: not "for the D1's packaging")
                    c = self._claim(chip.label, "fabbedBy", foundry.label, verb, s.sent, obj_tok=foundry_tok,
                                    subj_tok=t, confidence=0.65, rule="foundry-used-for")
                    if c:
                        out.append(c)
        return out

    def _model_talked_about(self, s: _Sentence):
        """The model the article has just been talking about: a subject of the sentences just before, rather
        than one named in passing."""
        before = [m for m in self._models_seen if s.sent.start - 120 <= m.i < s.sent.start]
        subjects = [m for m in before if s.sent.doc[m.i].dep_ in {"nsubj", "nsubjpass"}]
        announced = [m for m in before if _announced(s.sent.doc[m.i])]  # ("Google released Gemma 2, a week after
        main = [m for m in before if not _in_passing(s.sent.doc[m.i])]  # Meta's Llama 3": Gemma 2)
        return next((group[-1] for group in (subjects, announced, main, before) if group), None)

    def _trigger_rules(self, s: _Sentence, dates) -> list[RawClaim]:
        out = []
        doc = s.sent.doc
        lowers = self._lowers
        for i in range(s.sent.start, s.sent.end):
            low = lowers[i]
            if low == "from" and doc[i].head.lower_ in {"up", "down"} and any(t.like_num for t in doc[i].subtree):
                out += self._compare(s, doc[i])  # "141 GB of HBM3E, up from 80 GB on the original H100"
                continue
            if low not in ALL_TRIGGERS:
                continue
            tok = doc[i]
            if tok.dep_ in {"pcomp", "pobj"} and tok.head.lower_ in {"about", "regarding", "whether"}:
                continue  # "a statement about running V4 on Ascend" names a topic, states nothing
            if tok.dep_ in {"compound", "amod", "nmod"} and tok.head.lower_ in _BENCHMARK_NOUNS \
                    and low in PRE_TRAIN | TRAIN | POST_TRAIN:
                continue  # "finished the Llama 3.1 405B pre-training test": a benchmark named after a model
            if low in PRE_TRAIN:
                out += self._cross(s, tok, "preTrainedOn", MODEL, CHIP | CHIPMAKER, maxd=6, conf=0.85)
            elif low in POST_TRAIN:
                out += self._cross(s, tok, "postTrainedOn", MODEL, CHIP, maxd=6, conf=0.85)
            elif low in TRAIN and tok.pos_ in {"VERB", "NOUN"} and not _trains_examples(tok):
                out += self._cross(s, tok, "trainedOn", MODEL, CHIP | CHIPMAKER, maxd=5, conf=0.75)
            if (low in TRAIN or low in PRE_TRAIN or low in POST_TRAIN) and tok.pos_ == "VERB" \
                    and not _bare_training_clause(tok):
                # "DeepSeek trained V3 on 2,048 H800s": the lab used that hardware
                # (not training there says nothing about using that hardware for other work)
                out += [c for c in self._cross(s, tok, "usesHardware", ORG - {"Publisher", "Government"},
                                               CHIP | CHIPMAKER, maxd=4, conf=0.65, vendor_check=True)
                        if c.modality != "negated"]
            if (low in RUN or low in WORK) and self._runs_trigger(tok):
                runs = self._cross(s, tok, "runsOn", MODEL, CHIP | CHIPMAKER, maxd=5, conf=0.7)
                out += runs + self._runner_uses(s, tok, runs)
            if low in USE_HW and tok.pos_ in {"VERB", "NOUN"} and (low not in _BRINGING or any(
                    c.lower_ in {"online", "up"} and c.dep_ in {"prt", "advmod"} for c in tok.children)):
                verb = tok.head if low in {"order", "orders"} and tok.dep_ == "dobj" and tok.head.lower_ in {
                    "placed", "places", "place", "placing"} else tok  # "placed an order for ...": from the verb
                if low in CHOOSE and (any(c.dep_ in {"xcomp", "prt"} or c.lower_ == "apart" for c in tok.children)
                                      or not any(c.dep_ == "nsubj" for c in tok.children)
                                      or _for_its_own_chip(tok)):
                    continue  # "picked Broadcom to co-design the TPU", "picked Broadcom and TSMC for its custom
                    # chip": partners; "chose to compare X with Y"; "picked the design apart"
                if low in _INSTALLING and _installs_for_another(s, tok):
                    continue  # "Dell is installing GB200 racks for xAI": the installer works for the user
                out += self._cross(s, verb, "usesHardware", ORG - {"Publisher"}, CHIP | CHIPMAKER, maxd=4,
                                   conf=0.65, vendor_check=True)
            if low in OWN_HW and tok.pos_ == "VERB":
                out += self._cross(s, tok, "usesHardware", ORG - {"Publisher"}, CHIP, maxd=4, conf=0.65, vendor_check=True)
            if low in FAB:
                out += self._fab(s, tok)
            # "a model from Mistral" names its maker after "from"; "raised it from the 512 tokens" does not
            maker_word = low != "from" or any(t.i in s.by_token and s.by_token[t.i].resolve(ORG) is not None
                                              for t in tok.subtree if t.i != i)
            if low in DESIGN and maker_word and (tok.pos_ in {"VERB", "NOUN"} or low in {"from", "behind"}):
                out += self._cross(s, tok, "designedBy", CHIP, MAKER_ORG - {"Foundry"}, maxd=3, conf=0.7,
                                   vendor_check="designer")
            if low in DEVELOP and maker_word and (tok.pos_ in {"VERB", "NOUN"} or low in {"from", "behind"}):
                out += self._cross(s, tok, "developedBy", MODEL, MAKER_ORG - {"Foundry", "MemoryVendor"},
                                   maxd=3, conf=0.7, vendor_check="designer")
            if low in MEM_USE and tok.dep_ not in {"aux", "auxpass"}:  # not the "had" of "had started"
                out += self._cross(s, tok, "usesMemory", CHIP, MEMORY, maxd=5, conf=0.7)
            if low in LICENSE_WORDS and not _describes_a_licence(s, tok):
                found = self._cross(s, tok, "licensedUnder", MODEL, LICENSE, maxd=5, conf=0.8)
                out += found or self._licence_of_topic(s, tok)
            if low in RELEASE or phrasal_release(tok) or (
                    low in {"followed", "follows", "follow"} and tok.pos_ == "VERB"
                    and not any(c.dep_ == "dobj" and c.lower_ not in {"that", "this", "it", "them"}
                                for c in tok.children)  # "followed that with R1 in January": R1 came then
                    and (any(c.dep_ == "nsubj" or c.dep_ == "prep" and c.lower_ == "with" for c in tok.children)
                         or any(c.dep_ == "agent" for c in tok.children) and any(c.dep_ == "auxpass" for c in
                                                                                  tok.children)  # "was followed by X"
                         or tok.dep_ == "xcomp" and tok.head.lower_ in _PLANNED
                         and any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.head.children))):
                # ("The Ascend 960 is planned to follow in the fourth quarter of 2027")
                # "launched in May", "Y followed in June", "plans to follow with Rubin Ultra in 2027"
                out += self._dated(s, tok, "releasedOn", CHIP | MODEL, dates)
            elif low in {"entered", "enters", "began", "begins", "started", "starts", "reached"} and any(
                    t.lower_ == "production" and t.head.i in {tok.i} | {c.i for c in tok.children}
                    and not _at_a_site(tok, t) for t in tok.subtree):
                # "Kunlun II entered mass production in August 2021" (not "started production at TSMC's plants
                # in Arizona": making it in one more place)
                out += self._dated(s, tok, "releasedOn", CHIP, dates)
            if (low in COMPARE or low == "as") and not (low in {"rival", "rivals"} and tok.pos_ == "NOUN"):
                out += self._compare(s, tok)

            if low in SUCCESSOR:
                out += self._successor(s, tok)
            if low in VARIANT or low in DERIVING:
                out += self._variant(s, tok)
        return out

    def _licence_described(self, s: _Sentence) -> list[RawClaim]:
        """"Apache 2.0, the permissive licence the company used for Mistral 7B and Mixtral 8x7B":
        a licence noun described by a relative clause about the models it covers."""
        out = []
        for noun in s.words({"licence", "license", "licenses", "licences", "terms"}):
            if noun.pos_ != "NOUN":
                continue
            lic_tok = next((t for t in (noun.head, *noun.head.children) if t.i < noun.i and t.i in s.by_token
                            and s.by_token[t.i].resolve(LICENSE) is not None), None)
            if lic_tok is None and noun.dep_ in {"appos", "npadvmod"}:
                before = before_punctuation(noun.left_edge)  # the name just before the comma
                lic_tok = before if before is not None and before.i in s.by_token \
                    and s.by_token[before.i].resolve(LICENSE) else None
            if lic_tok is None:
                continue
            licence = s.by_token[lic_tok.i].resolve(LICENSE)
            for verb in noun.children:
                if verb.dep_ != "relcl" or verb.lower_ not in _LICENSING_VERBS:
                    continue
                models = [o for p in verb.children if p.dep_ == "prep" and p.lower_ in {"for", "on", "with"}
                          for o in p.children if o.dep_ == "pobj"]
                models += [c for c in verb.children if c.dep_ == "dobj"]
                for o in models:
                    for t in [o, *o.conjuncts]:
                        m = s.by_token.get(t.i)
                        model = m.resolve(MODEL) if m is not None else None
                        if model is None:
                            continue
                        # the relative clause speaks for itself: "Llama 3 is not released under Apache 2.0,
                        # the licence Mistral chose for Mistral 7B" does not deny Mistral 7B's licence
                        own = "negated" if any(c.dep_ == "neg" for c in verb.children) else "asserted"
                        c = self._claim(model.label, "licensedUnder", licence.label, verb, s.sent, obj_tok=lic_tok,
                                        subj_tok=t, confidence=0.65, rule="licence-described", modality=own)
                        if c:
                            out.append(c)
        return out

    def _licence_of_topic(self, s: _Sentence, trig: Token) -> list[RawClaim]:
        """"The weights are distributed under X": the licence of the model the article is about.

        Only when the sentence names no model and the licensed thing is a generic
        word for a model's release ("the weights", "its sizes", "the model"); the
        model is the one the article names most often before this sentence.
        """
        if any(m.resolve(MODEL) is not None and not _a_share_of_a_group(s.sent.doc[m.i]) for m in s.mentions):
            return []  # (a model the sentence names or refers to is read from the sentence itself)
        lic = s.candidates(LICENSE, trigger=trig, maxd=3)
        if not lic:
            return []
        verb = trig if trig.pos_ in {"VERB", "AUX"} else trig.head
        subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is None:
            return []
        whole = subj.lower_ in {"all", "both", "each"} and not any(
            c.dep_ in {"neg", "advmod", "cc", "prep"} and c.lower_ in {"not", "nearly", "almost", "but", "except"}
            for c in subj.children)  # (not "Not all of them", "All but one of them")
        generic = subj.lower_ in RELEASE_NOUNS | {"both", "all"} or (
            subj.lower_ in {"most", "all", "some", "many", "each"} and any(
                p.lower_ == "of" and any(o.lower_ in RELEASE_NOUNS | ({"them"} if whole else set()) for o in p.children)
                for p in subj.children))
        if not generic or subj.lower_ in {"all", "both", "each"} and not whole:
            return []  # ("Not all of them", "All but one of them": some of the group, unknown which)
        group = self._group_before(s) if whole else []
        if group is None or subj.lower_ == "both" and len(group) not in {0, 2}:
            return []  # (a group with a model named in passing; "Both" after three names: which two is not said)
        if len(group) >= 2:  # "Phi-3-mini, Phi-3-small and Phi-3-medium followed. All of them carried the MIT
            out = []         # licence": each of the models just named
            for label in group:
                c = self._claim(label, "licensedUnder", lic[0][2].label, trig, s.sent, obj_tok=lic[0][1],
                                confidence=0.6, rule="licence-of-group")
                if c:
                    out.append(c)
            return out
        counts = self._model_counts_before(s.sent.start)
        if not counts:
            return []
        _d, l_tok, licence = lic[0]
        named = [label for label in counts if key(licence.label).startswith(key(label))]
        doc = s.sent.doc
        previous = doc[s.sent.start - 1].sent if s.sent.start else None
        just_released = [m for m in self._models_seen if previous is not None and previous.start <= m.i < previous.end
                         and doc[m.i].dep_ in {"dobj", "nsubjpass"} and doc[m.i].head.lower_ in RELEASE]
        if named:  # "the Llama 3.1 Community License" names its model
            topic = max(named, key=len)
        elif just_released:  # "Databricks released Dolly 2.0 ... The weights are published under MIT"
            topic = just_released[0].label
        else:  # the most frequent, then the first named
            first = list(counts)
            topic = max(counts, key=lambda label: (counts[label], -first.index(label)))
        c = self._claim(topic, "licensedUnder", licence.label, trig, s.sent, obj_tok=l_tok, confidence=0.6,
                        rule="licence-of-topic")
        return [c] if c else []

    def _group_before(self, s: _Sentence) -> list[str] | None:
        """The models named (not referred to) in the sentence before ``s``, in order: what "all of them" or
        "both" at the start of ``s`` stands for; None when one of them is only named in passing (the group is
        not clear)."""
        doc = s.sent.doc
        if not s.sent.start:
            return []
        previous = doc[s.sent.start - 1].sent
        out = []
        for m in self._models_seen:
            if previous.start <= m.i < previous.end and m.source != "coref" and m.label not in out:
                if not _announced(doc[m.i]):
                    return None  # (a model named in passing or as a yardstick)
                out.append(m.label)
        return out

    def _variant_pair(self, a: str, b: str) -> bool:
        """One is a cut-down or altered version of the other in the gazetteer (the H800 of the H100), not a
        numbered step of a line named after it (Trainium2 of Trainium, Mistral Large 2 of Mistral Large)."""
        ea, eb = self.gazetteer.entry_for(a), self.gazetteer.entry_for(b)
        if not (ea is not None and ea.family == b or eb is not None and eb.family == a):
            return False
        ka, kb = re.sub(r"[^a-z0-9]", "", a.lower()), re.sub(r"[^a-z0-9]", "", b.lower())
        return not (ka.startswith(kb) or kb.startswith(ka))

    def _model_counts_before(self, start: int) -> dict[str, int]:
        counts: dict[str, int] = {}
        for m in self._models_seen:
            if m.i >= start:
                break
            counts[m.label] = counts.get(m.label, 0) + 1
        return counts

    def _measured_on_models(self, s: _Sentence) -> list[RawClaim]:
        """"its H200 systems reached 33,000 tokens per second on Llama 2 70B", "the MI300X generated 1,000
        tokens per second on Llama 2 70B": a result measured on a model ran the model on the hardware; and the
        other way round, "V2 generates 50,000 tokens per second on a server with eight H800s"."""
        out = []
        doc = s.sent.doc
        for i in range(s.sent.start, s.sent.end):
            if self._lowers[i] not in _ACHIEVING or doc[i].pos_ != "VERB":
                continue
            verb = doc[i]
            measured = [c for c in verb.children if c.dep_ in {"dobj", "npadvmod"}
                        and any(t.lower_ in _MEASURES for t in c.subtree)]
            if not measured:
                continue
            out += self._model_measured_on(s, verb)
            models = [(p, s.by_token[p.i]) for on in verb.children if on.dep_ == "prep" and on.lower_ == "on"
                      for p in on.children if p.dep_ == "pobj" and p.i in s.by_token]
            chips = []
            for subj in (c for c in verb.children if c.dep_ == "nsubj"):  # "its H200 systems": the qualifier
                for t in [subj, *(c for c in subj.children if c.dep_ in {"compound", "nmod"})]:
                    m = s.by_token.get(t.i)
                    chip = m.resolve(CHIP) if m is not None else None
                    if chip is not None:
                        chips.append((t, chip))
            for p, pm in models:
                model = pm.resolve(MODEL)
                for t, chip in chips if model is not None else ():
                    c = self._claim(model.label, "runsOn", chip.label, verb, s.sent, obj_tok=t, subj_tok=p,
                                    confidence=0.65, rule="measured-on")
                    if c:
                        out.append(c)
        return out

    def _model_measured_on(self, s: _Sentence, verb: Token) -> list[RawClaim]:
        """A model measured on hardware: "the model generated 1,148 tokens a second on the 800I A2" (or "On
        the 800I A2, Huawei said, the model generated ..."), "V2 generates 50,000 tokens per second on a
        single server with eight H800s": the model ran on that hardware."""
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        m = s.by_token.get(subj.i) if subj is not None else None
        model = m.resolve(MODEL) if m is not None else None
        if model is None:
            return []
        said = verb.head if verb.dep_ == "ccomp" and verb.head.lower_ in REPORTING else None
        ons = [p for v in (verb, said) if v is not None for p in v.children if p.dep_ == "prep" and p.lower_ == "on"
               and (v is verb or p.i < verb.i)]  # ("On the 800I A2, Huawei said, ...": put before the saying)
        for on in ons:
            for t in _hardware_named_by(on):
                hm = s.by_token.get(t.i)
                hw = hm.resolve(CHIP) if hm is not None and (hm.source != "coref" or t.head.i == on.i) else None
                if hw is None:
                    continue
                c = self._claim(model.label, "runsOn", hw.label, verb, s.sent, obj_tok=t, subj_tok=subj,
                                confidence=0.65, rule="measured-on")
                # ("did not reach 3,000 tokens per second on the H20" denies the speed, not where it ran)
                return [c] if c and c.modality != "negated" else []
        return []

    def _runner_uses(self, s: _Sentence, verb: Token, runs: list[RawClaim]) -> list[RawClaim]:
        """"Perplexity runs Sonar on Cerebras systems", "Meta runs inference for its Llama models on the
        MI300X": the organisation that runs a model on some hardware uses that hardware (not its own maker's:
        "Groq serves Llama on its LPUs" sells what it makes)."""
        own = next((c for c in verb.children if c.dep_ == "nsubj"), None) \
            if verb.pos_ == "VERB" and verb.lower_ in SERVING else None
        m = s.by_token.get(own.i) if own is not None else None
        runner = m.resolve(ORG - {"Publisher", "Government", "Investor"}) if m is not None else None
        if runner is None or runner.source != "gazetteer":  # (not a name guessed from its shape)
            return []
        out = []
        for c in runs:
            if c.modality == "negated" or self.gazetteer.vendor_of(c.object) == runner.label \
                    or c.object == runner.label:
                continue
            out.append(RawClaim(runner.label, "usesHardware", c.object, c.modality, c.cue, c.trigger, c.sent_start,
                                round(c.confidence - 0.1, 2), "runs-it-on"))
        return out

    @staticmethod
    def _runs_trigger(tok: Token) -> bool:
        """"runs on", "serves", "supports" — but not the light verb of "ran post-training"."""
        if tok.dep_ == "amod":
            return False
        if tok.lower_ in {"inference", "adaptation"}:
            return any(c.dep_ == "prep" and c.lower_ in {"on", "to", "for"} for c in tok.children)
        if tok.lower_ == "support" and tok.pos_ == "NOUN" or tok.lower_ == "enabled":
            # "has support for AMD GPUs", "was enabled on Qualcomm hardware": the hardware named in that phrase
            # (not "support for generative AI workloads"), and support that exists (not "lacks support for",
            # "dropped support for", "Support for X was dropped")
            if tok.lower_ == "support" and not (tok.dep_ == "dobj" and tok.head.lower_ in _HAVING_SUPPORT
                                                or tok.dep_ == "pobj" and tok.head.lower_ == "with"):
                return False
            return tok.pos_ in {"NOUN", "VERB"} and any(
                c.dep_ == "prep" and c.lower_ in {"on", "for"} and any(
                    t.ent_type_ in {"Chip", "ChipDesigner"} for t in c.subtree)
                for c in tok.children)
        if tok.pos_ not in {"VERB", "ADJ"}:
            return False
        if tok.lower_ in {"ran", "run", "runs", "running"} and any(
                c.dep_ in {"prep", "prt"} and c.lower_ in {"into", "out", "up"} for c in tok.children):
            return False  # "ran into problems", "ran out of memory", "runs up costs"
        if tok.lower_ in {"fit", "fits", "fitting"}:  # "Scout fits on a single H100", not "fits the budget"
            return any(c.dep_ == "prep" and c.lower_ in {"on", "onto", "into", "in", "inside", "within"}
                       for c in tok.children)
        if tok.lower_ in {"offer", "offers", "offered", "offering"}:  # "offering R1 on Ascend servers"
            return any(c.dep_ == "prep" and c.lower_ == "on" for c in tok.children)
        if tok.lower_ in WORK:  # "works on Qualcomm hardware", not "works for Meta"
            return any(c.dep_ == "prep" and c.lower_ in {"on", "with", "across"} for c in tok.children)
        for c in tok.children:
            if c.dep_ in {"dobj", "nsubj", "nsubjpass"} and (
                    c.lower_ in PRE_TRAIN | POST_TRAIN | TRAIN or c.lower_ in {"job", "run", "workload", "stage"}):
                return False
        if tok.dep_ == "xcomp" and tok.head.head.lower_ in PRE_TRAIN | POST_TRAIN | TRAIN:
            return False
        if any(t.lower_ in PRE_TRAIN | POST_TRAIN | TRAIN and t.dep_ in {"nsubj", "nsubjpass"} for t in tok.head.children):
            return False
        return True

    def _cross(self, s: _Sentence, trig: Token, pred: str, subj_cls, obj_cls, *, maxd: int, conf: float,
               vendor_check=False) -> list[RawClaim]:
        if trig.pos_ == "ADP" and any(c.dep_ == "pobj" and c.ent_type_ in {"DATE", "TIME"} for c in trig.children):
            return []  # "in March", "on Tuesday": a time, no relation
        subs = s.candidates(subj_cls, trigger=trig, maxd=maxd)
        objs = [x for x in s.candidates(obj_cls, trigger=trig, maxd=maxd) if not _another_reading(s, x)]
        subs, objs = _outside_adverbial_clauses(s, trig, subs), _outside_adverbial_clauses(s, trig, objs)
        if pred in {"usesHardware", "trainedOn", "runsOn"}:  # "Before MN-Core, PFN relied on Nvidia": a time
            objs = [x for x in objs if not _a_time_mark(x[1], trig)]
        subs = [x for x in subs if not _a_yardstick(x[1], trig) and not _owner_of_another(x[1])]
        if trig.lower_ in WORK:  # "X works on Qualcomm hardware" (not "engineers worked on X on H100s")
            own = next((c for c in trig.children if c.dep_ == "nsubj"), None)
            if own is not None and own.lower_ in {"which", "that"} and trig.dep_ == "relcl":
                own = trig.head  # "Llama 3.2 1B, which works on Qualcomm hardware"
            subs = [x for x in subs if own is not None and (x[1].i == own.i or x[1] in own.conjuncts)]
        objs = [x for x in objs if not _a_yardstick(x[1], trig)]
        if pred == "usesMemory":
            # "192 GB of HBM3, the stacked high-bandwidth memory ...": the apposition only says what HBM3 is (a
            # description in lower case; "not HBM3, the memory of the H100" names a memory of its own)
            objs = [x for x in objs if not (x[1].dep_ == "appos" and x[1].text[:1].islower() and any(
                y[2].label != x[2].label and y[2].label.startswith(x[2].label) and y[1].i < x[1].i for y in objs))]
        subs, objs = _outside_conjoined_verbs(trig, subs), _outside_conjoined_verbs(trig, objs, objects=True)
        subs = [x for x in subs if not any(a.dep_ == "prep" and a.lower_ in _EXCEPTING and a.i != trig.i
                                           for a in x[1].ancestors)]
        # ("All of them carried Apache 2.0, except the 3B model": not the one set apart)
        if pred == "licensedUnder":  # "Not all of them carried Apache 2.0": a part of a group, unknown which
            subs = [x for x in subs if not _a_share_of_a_group(x[1])]
        aside = next((a for a in trig.ancestors if a.dep_ == "prep" and a.lower_ in {"like", "unlike"}), None)
        if aside is not None:  # "DBRX's licence, which, like Meta's terms for Llama 2, ...": the aside keeps to itself
            inside = {t.i for t in aside.subtree}
            subs = [x for x in subs if x[1].i in inside]
            objs = [x for x in objs if x[1].i in inside]
        if pred in {"designedBy", "developedBy"} and trig.pos_ == "VERB":
            # "was built by Atos around AMD's EPYC processors": what it is built around or with is no product of it
            material = {t.i for p in trig.children if p.dep_ == "prep" and p.lower_ in _MATERIAL_PREPS
                        for t in p.subtree}
            subs = [x for x in subs if x[1].i not in material]
        if pred in {"designedBy", "developedBy"} and trig.dep_ == "acl" and trig.pos_ == "VERB":
            # "pre-trained on Alps, the CSCS supercomputer built by HPE": the participle describes its noun
            described = trig.head
            while described.dep_ == "appos":
                described = described.head
            subs = [x for x in subs if x[1].i == described.i or x[1] in trig.head.subtree]
        elif trig.dep_ == "acl" and trig.tag_ == "VBN" and pred != "usesHardware" and not any(
                c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in trig.children):  # (a reduced relative)
            # "No model trained on Ascend has beaten GPT-4": the participle says something of its noun only
            # (or of the name that noun is said of: "X is the only one released under Apache 2.0")
            described = trig.head
            while described.dep_ == "appos":
                described = described.head
            said = predicated_of(described)
            subs = [x for x in subs if x[1].i == described.i or said is not None and x[1].i == said.i
                    or x[1] in described.subtree and x[1] not in trig.subtree]
        if not any(c.dep_ == "auxpass" for c in trig.children):  # "Meta said it runs Llama on MI300X": "it"
            objs = [x for x in objs if not (x[1].dep_ == "nsubj" and x[1].head.i == trig.i  # is no object
                                            and s.by_token[x[1].i].source == "coref")]
            if subj_cls == MODEL and trig.pos_ == "VERB" and _a_model_object(s, trig):
                # "a small model that it trained on MI250s": "it" trained the model (its object); it is no model
                subs = [x for x in subs if not (x[1].dep_ == "nsubj" and x[1].head.i == trig.i
                                                and x[1].lower_ in {"it", "they"})]
        if trig.pos_ == "ADP":  # a preposition ("with", "on", "under") relates names of its own clause only
            def relcl(i: int) -> bool:  # "the MI300X, which launched with 192 GB of HBM3"
                return s.sent.doc[i].dep_ == "relcl"
            subs = [x for x in subs if s.tree.same_clause(trig.i, x[1].i, relcl)]
            objs = [x for x in objs if s.tree.same_clause(trig.i, x[1].i, relcl)]
            participle = next((a for a in trig.ancestors if a.dep_ == "acl"), None)
            if participle is not None:  # "the H200, an H100 upgraded with 141 GB of memory": the noun's own
                inside = {t.i for t in participle.head.subtree}  # phrase, not the clause it sits in
                subs = [x for x in subs if x[1].i in inside]
                objs = [x for x in objs if x[1].i in inside]
            above = {a.i for a in trig.ancestors}  # "... upgraded with 141 GB of memory, and supplies the HBM3E
            objs = [x for x in objs if not any(  # on the B200": another verb's object is not this preposition's
                a.dep_ == "conj" and a.pos_ in {"VERB", "AUX"} and a.i not in above
                for a in [x[1], *x[1].ancestors] if a.i not in above)]
        if trig.pos_ == "NOUN" and trig.head.pos_ in {"VERB", "AUX"}:
            # "used Samsung's 8nm process for its gaming GPUs but kept the A100 at TSMC": a name of the clause
            # set against the noun's is not the noun's
            subs = [x for x in subs if not _in_another_conjunct(x[1], trig)]
            objs = [x for x in objs if not _in_another_conjunct(x[1], trig)]
        if pred in {"trainedOn", "preTrainedOn", "postTrainedOn"} and _bare_training_clause(trig):
            return []  # "Once trained, the model runs on the A17 Pro": the bare clause names no training hardware
        if pred in {"trainedOn", "preTrainedOn", "postTrainedOn"} and trig.pos_ == "VERB" \
                and _unnamed_on(s, trig):
            # "claims that V3 was trained on domestic hardware": the hardware is said, unnamed; a chip named
            # elsewhere in the sentence is not it
            objs = [x for x in objs if x[1] in trig.subtree]
        if pred in {"trainedOn", "preTrainedOn", "postTrainedOn", "runsOn"} and trig.pos_ == "VERB":
            # "According to the cards for the new family, Granite 4.0 was trained on a cluster of GB200 NVL72
            # racks": the hardware named in the verb's own "on" phrase, not a description resolved elsewhere
            on = {t.i for p in trig.children if p.dep_ == "prep" and p.lower_ in {"on", "using"} for t in p.subtree}
            if any(x[1].i in on and s.by_token[x[1].i].source != "coref" for x in objs):
                objs = [x for x in objs if x[1].i in on or s.by_token[x[1].i].source != "coref"]
            # "was trained years before the H100 existed, on V100 GPUs": the subject of a clause of time is no
            # hardware the model ran on
            objs = [x for x in objs if not (x[1].dep_ in {"nsubj", "nsubjpass"} and x[1].head.i != trig.i and any(
                c.dep_ == "mark" and c.lower_ in {"before", "after", "until", "since", "once", "when", "as"}
                for c in x[1].head.children))]
        if pred == "licensedUnder" and (trig.pos_ == "ADP" and any(
                c.dep_ == "pobj" and _unnamed_licence(s, c) for c in trig.children) or _unnamed_licence(s, trig)):
            # "... and Meta released Llama 3 under its own licence": the licence is said, unnamed; one named
            # elsewhere in the sentence is not it
            objs = [x for x in objs if x[1] in trig.subtree]
        if pred == "licensedUnder":  # "a permissive licence based on Apache 2.0": the licence it was drawn from
            objs = [x for x in objs if not any(a.dep_ in {"acl", "amod"} and a.lower_ in _DRAWN_FROM
                                               for a in x[1].ancestors if a.i != trig.i)]
            # "a model built on Alibaba's Qwen2.5-32B and published under Apache 2.0": the model built, not its base
            subs = [x for x in subs if not (x[1].dep_ == "pobj" and x[1].head.head.lower_ in DERIVING
                                            and x[1].head.head.i != trig.i)]
        whose = whose_owner(s, trig, subj_cls)
        if whose is not None:  # "Grok-1, the model whose weights it published under Apache 2.0": Grok-1
            subs = [whose] + [x for x in subs if x[2].label != whose[2].label
                              and s.by_token[x[1].i].source != "coref"]
        if pred == "usesHardware":  # the organisation is the user: subject or possessor of the verb
            subs = [x for x in subs if _is_agent(x[1], trig)] or _quantified_relative(s, trig, subj_cls) \
                or relative_antecedent(s, trig, subj_cls)  # "CoreWeave, a cloud that rents out H100 capacity"
            if not subs:  # the subject of a long chain of verbs ("committed to building, training and deploying")
                far = _chain_subject(trig) or _copula_subject(trig)
                m = s.by_token.get(far.i) if far is not None else None
                r = m.resolve(subj_cls) if m is not None else None
                subs = [(maxd, far, r)] if r is not None else []
        if pred == "usesMemory" and trig.pos_ == "VERB" and not any(c.dep_ == "auxpass" for c in trig.children):
            own = next((c for c in trig.children if c.dep_ == "nsubj"), None)
            if own is not None and own.lower_ in {"which", "that", "who"} and trig.dep_ == "relcl":
                subs = [x for x in subs if x[1].i in {trig.head.i, trig.head.head.i}]  # "the MI325X, which will carry"
            elif own is not None:  # "The chip does not carry HBM3E, the memory found on the H200": the chip
                subs = [x for x in subs if x[1] in own.subtree or x[1].i == own.i]
        clause = trig.head if trig.dep_ in {"prep", "acomp", "attr"} else trig
        while clause.dep_ == "xcomp":  # "which is widely reported to have co-designed Google's TPUs"
            clause = clause.head
        if pred in {"designedBy", "developedBy"} and obj_cls <= ORG and clause.dep_ == "relcl":
            # "Annapurna Labs, the start-up Amazon bought, which is also behind Graviton": the maker is the name
            # the relative clause describes, not a name inside the description
            named_makers = relative_antecedent(s, trig, obj_cls)
            if named_makers:
                objs = named_makers + [x for x in objs if x[2].label != named_makers[0][2].label]
            product = _object_relative(s, clause, subj_cls) if not subs else []
            if product:  # "Megatron-Turing NLG, the language model Nvidia built with Microsoft"
                subs = product
        else:
            named_makers = []
        if obj_cls & CHIP:  # "50,000 of AMD's forthcoming Instinct MI450 processors": the chip, past its maker
            named_chips = []
            for x in objs:
                if x[2].cls in ORG and x[1].dep_ == "poss":
                    inner = next((s.by_token[t.i] for t in x[1].head.subtree if t.i in s.by_token and t.i != x[1].i
                                  and s.by_token[t.i].source != "coref" and s.by_token[t.i].cls == "Chip"
                                  and _qualifies(t, x[1].head)), None)
                    if inner is not None and all(inner.label != y[2].label for y in objs):
                        named_chips.append((x[0], s.sent.doc[inner.i], inner))
            objs = named_chips + objs
        if obj_cls & ORG and obj_cls & CHIP:  # "on NVIDIA hardware": an organisation stands for its chips only then
            objs = [x for x in objs if x[2].cls not in ORG or _hardware_maker(x[1])]
            objs.sort(key=lambda x: (x[0], x[2].cls in ORG))  # "Nvidia's A800 processors": the A800 first
        objs = _contrasted_last(objs, trig)
        extra = _relativised(s, trig, obj_cls) if pred == "usesHardware" and trig.dep_ == "relcl" else []
        extra = [x for x in extra if x[2].cls not in ORG]  # "the chip-design unit that Amazon acquired"
        objs = extra + objs
        if not subs or not objs:
            return []
        out = []
        ruled = _copula_subject(trig) if pred == "usesHardware" else None  # "X is among the first to deploy Y"
        d_s, s_tok, subj = subs[0]
        if pred == "designedBy":  # "Broadcom is reported to help design Google's TPUs": who designs, before the
            objs.sort(key=lambda x: not _design_partner(s, trig, s_tok, x[1]))  # chip's owner
        picked_objs = []
        for d_o, o_tok, obj in objs:
            if obj.label == subj.label or s_tok == o_tok:
                continue
            picked_objs.append((d_o, o_tok, obj))
            break
        if not picked_objs:
            return []
        d_o, o_tok, obj = picked_objs[0]
        subj_all = [(s_tok, subj)]
        if not _in_relative_clause_of(trig, s_tok):  # "the MI325X, which shipped with HBM3E, and the MI300X"
            subj_all += self._conjuncts(s, s_tok, subj_cls)
        obj_all = [(o_tok, obj)] + self._conjuncts(s, o_tok, obj_cls)
        obj_all += self._alternatives(s, o_tok, obj_cls, trig, obj_all)
        obj_all += _colon_list(s, o_tok, obj_cls, obj_all)
        obj_all += [(t, m) for _d, t, m in extra[1:] if m.label not in {x[1].label for x in obj_all}]
        if pred in {"designedBy", "developedBy"} and trig.lower_ in MAKING_VERBS and o_tok.dep_ == "nsubj":
            # "the model Nvidia built with Microsoft", "Google developed the TPU together with Broadcom": partners
            makers = ORG - {"Publisher", "Government"}  # (Microsoft, an investor too, co-builds models)
            named = {x[1].label for x in obj_all}
            partners = []
            if not any(c.dep_ == "prep" and c.lower_ == "as" for c in trig.children):
                # ("built with Microsoft as its partner for the launch": a role, no making)
                for w in (w for p in trig.children if p.dep_ == "prep" and p.lower_ == "with" for w in p.children):
                    m = s.by_token.get(w.i) if w.dep_ == "pobj" else None
                    r = m.resolve(makers) if m is not None else None
                    if r is not None and r.label not in named:
                        partners.append((w, r))
            obj_all += partners
            named_makers = named_makers + [(1, t, m) for t, m in partners]  # named as makers by the sentence itself
        if trig.lower_ in {"offer", "offers", "offered", "offering"} and pred != "runsOn":
            # (a model offered on chips runs on them: "offering R1 on Ascend chips")
            # "Huawei Cloud began offering CloudMatrix 384 capacity": a cloud rents out what it runs;
            # "AMD offers an alternative to the H100" says nothing about who uses the H100
            obj_all = [(ot, om) for ot, om in obj_all if _rented_out(ot) or _offered_itself(ot, trig)]
        for st, sm in subj_all:
            for ot, om in obj_all:
                if sm.label == om.label:
                    continue
                if vendor_check:
                    if pred == "usesHardware":
                        chip_vendor = self.gazetteer.vendor_of(om.label)
                        if chip_vendor == sm.label and trig.lower_ not in _OPERATING_VERBS:
                            continue  # "Nvidia built the H100": a maker; "SambaNova operates SN40L racks": a user
                        if sm.cls in {"Foundry", "MemoryVendor"} and om.cls == "Chip" \
                                and chip_vendor != sm.label and trig.lower_ not in _BUYING_VERBS:
                            continue  # a foundry builds, a memory maker supplies: neither uses the chip
                        if om.cls in ORG and om.cls not in CHIPMAKER:
                            continue
                        if trig.lower_ in BUILDING and built_for_another(s, trig, ot, sm.label):
                            continue  # "xAI's Colossus, which Dell built", "Dell built Colossus for xAI": a builder
                    elif vendor_check == "designer":
                        known = self.gazetteer.vendor_of(sm.label)
                        by = ot
                        while by.dep_ == "conj" and by.head.i != by.i:  # "built by Intel and HPE": both
                            by = by.head
                        explicit = trig.lower_ in MAKING_VERBS and by.dep_ == "pobj" and by.head.lower_ == "by" \
                            and by.head.head.i == trig.i or (  # "the Trainium line is designed by Annapurna Labs"
                                om.label in {x[2].label for x in named_makers}) or (  # "Annapurna Labs, which is
                                pred == "designedBy" and _design_partner(s, trig, st, ot)) or (  # behind X"
                                trig.pos_ == "VERB" and _partner_of(trig, ot) and _made_by(trig, st))  # "co-developed
                            #                                                                       X with Y"
                        parent = key(known or "").startswith(key(om.label)) and st.head.i == trig.i \
                            and st.dep_ in {"dobj", "nsubjpass"}  # the maker's parent: "Google released Gemma"
                        if known and known != om.label and not explicit and not parent:
                            continue
                        if pred == "designedBy" and trig.lower_ == "built" and (
                                not explicit or om.cls not in {"ChipDesigner", "Organization"}):
                            continue  # "was built by Intel and HPE"; not "Meta built a cluster", a lab's own system
                        if om.cls in {"Foundry", "MemoryVendor"} and not trig.lower_.startswith("design"):
                            continue  # "Samsung builds AI4": a foundry makes, it does not design
                said = ruled.head if ruled is not None and ruled.i in {st.i, *(t.i for t in st.conjuncts)} else trig
                c = self._claim(sm.label, pred, om.label, said, s.sent, obj_tok=ot, subj_tok=st,
                                confidence=round(conf - 0.03 * max(d_s, d_o), 2), rule=f"trigger:{trig.lower_}")
                if c and c.modality in {"negated", "hypothetical"} and pred in {"developedBy", "designedBy"} \
                        and trig.lower_ not in MAKING_VERBS:
                    continue  # "Meta did not release X under Y" does not deny that Meta made X
                if c:
                    out.append(c)
        return out

    def _fab(self, s: _Sentence, trig: Token) -> list[RawClaim]:
        if trig.lower_ in {"process", "node", "nodes"} and not _process_node(trig):
            return []
        if trig.lower_ in {"die", "dies", "wafer", "wafers"} and not any(
                c.dep_ in {"compound", "poss", "nmod"} and c.i in s.by_token for c in trig.children) or any(
                c.dep_ == "compound" and c.i in s.by_token and s.by_token[c.i].resolve(MEMORY) is not None
                for left in trig.lefts for c in left.subtree):
            return []  # (nor is "its HBM4 base die" a processor's: it sits under a memory stack)
        if trig.pos_ == "VERB" and any(o.dep_ == "dobj" and not any(
                t.lower_ in _MADE_THINGS or t.i in s.by_token and s.by_token[t.i].resolve(CHIP) is not None
                for t in o.subtree) for o in trig.children):
            return []  # "it is making progress with a customer": what is made is no chip
        made = trig.head if trig.dep_ == "acl" else None
        if made is not None and (made.lower_ in MEMORY_NOUNS or made.i in s.by_token
                                 and s.by_token[made.i].resolve(MEMORY) is not None):
            return []  # "DRAM made on its 1c node": memory, not a processor, is made there
        chips = [x for x in _outside_conjoined_verbs(trig, s.candidates(CHIP, trigger=trig, maxd=5))
                 if not _maker_of_the_noun(x[1])] or _relativised_object(s, trig, CHIP)
        orgs = [x for x in _outside_conjoined_verbs(trig, s.candidates(ORG - {"Publisher", "Government", "Investor"},
                                                                        trigger=trig, maxd=4), objects=True)
                if not memory_linked(x[1], s) and not _owner_of_another(x[1])
                and not (x[1].dep_ == "poss" and x[1].lower_ in {"its", "their"})]  # ("Its successor ...")
        if not chips or not orgs:
            return []
        d_c, c_tok, chip = chips[0]
        if _another_generation(c_tok, chip):
            return []  # "its second-generation LPU would be built by Samsung": not the LPU now sold
        vendor = self.gazetteer.vendor_of(chip.label)
        ok = [x for x in orgs if x[2].label != vendor or x[2].cls == "Foundry" or _owner_of_a_fab(x[1], trig)]
        if not ok:
            return []
        d_o, o_tok, org = ok[0]
        own_fab = _owner_of_a_fab(o_tok, trig)  # "made in Intel's own fabs": the designer makes it itself
        if org.cls not in {"Foundry", "MemoryVendor", "Organization"} and not own_fab:
            return []
        if trig.lower_ in _RELYING and (org.cls != "Foundry" or not any(
                c.dep_ == "prep" and c.lower_ == "for" for c in trig.children)):
            return []  # only "relies on SMIC for the 910B": a foundry, for a chip
        if org.cls != "Foundry" and not own_fab and trig.lower_ in {"made", "make", "makes", "making", "built",
                                                                    "build", "builds", "building", "process",
                                                                    "production"} and not (
                org.cls == "MemoryVendor" and not any(m.resolve(MEMORY) for m in s.mentions)
                and not any(t.lower_ in MEMORY_NOUNS for t in s.sent)):
            return []  # a memory maker that also runs a foundry ("Samsung builds AI4") when no memory is named
        out = []
        org_all = [(o_tok, org)] + self._conjuncts(s, o_tok, ORG)
        org_all += self._alternatives(s, o_tok, ORG, trig, org_all)
        chips_all = [(c_tok, chip)] + ([] if _in_relative_clause_of(trig, c_tok) else self._conjuncts(s, c_tok, CHIP))
        if c_tok.dep_ == "pobj" and c_tok.head.lower_ == "like":
            # "The H20 is based on Hopper and, like the H100, manufactured by TSMC": both are
            own = _subject_mention(s, trig, CHIP)
            if own is not None and own.label != chip.label:
                chips_all.append((c_tok, own))
        for ct, cm in chips_all:
            for ot, om in org_all:
                if om.label == self.gazetteer.vendor_of(cm.label) and om.cls != "Foundry" and not own_fab:
                    continue
                c = self._claim(cm.label, "fabbedBy", om.label, trig, s.sent, obj_tok=ot, subj_tok=ct,
                                confidence=round(0.8 - 0.03 * (d_c + d_o), 2), rule=f"trigger:{trig.lower_}")
                if c:
                    out.append(c)
        return out


    # ------------------------------------------------------------------ memory suppliers


def _capacity_to_come(obj: Token, trigger: Token) -> bool:
    """Hardware counted in gigawatts ("deploys 10 gigawatts of Nvidia systems") is capacity still to be built,
    unless the verb says it was done ("deployed")."""
    if trigger.tag_ in {"VBD", "VBN"}:
        return False
    return any(a.lower_ in {"gigawatt", "gigawatts", "gw", "megawatts", "megawatt"}
               for a in itertools.islice(obj.ancestors, 4))


def _design_partner(s: _Sentence, trig: Token, chip: Token, org: Token) -> bool:
    """"Broadcom is reported to help design Google's TPUs": ``org`` is the subject of the design verb ``trig``,
    or of the verbs it completes, for a chip the sentence names (not one a pronoun or description stands for):
    it designs that chip even when the chip is another company's."""
    return trig.lower_ in _DESIGN_VERBS and s.by_token[chip.i].source != "coref" and _designing_subject(org, trig)


_DESIGN_VERBS = frozenset({"design", "designs", "designed", "designing", "co-design", "co-designs", "co-designed",
                           "co-designing"})


def _designing_subject(tok: Token, trig: Token) -> bool:
    """``tok`` is the subject of the verb ``trig``, or of the verbs it completes ("helps design", "is reported to
    help design"; a passive subject only there: "the TPU is designed by" names what is designed)."""
    verb = trig
    while True:
        if tok.head.i == verb.i and (tok.dep_ == "nsubj" or tok.dep_ == "nsubjpass" and verb.i != trig.i):
            return True
        if verb.dep_ != "xcomp":
            return False
        verb = verb.head


#: Objects of "make"/"build" that may stand for chips: "makes them", "builds most of them", "the dies".
_MADE_THINGS = CHIP_NOUNS | frozenset({"wafer", "wafers", "socs", "version", "versions", "it", "them", "one", "ones",
                                       "most", "all", "some", "many", "each", "both", "those", "these", "that",
                                       "this", "which", "what", "whatever"})


def _outside_conjoined_verbs(trig: Token, candidates: list, *, objects: bool = False) -> list:
    """"The H100 can train MoE models faster and can run inference on MT-NLG", "TSMC builds most leading chips
    but will not build AI5": a coordinated verb with its own words keeps them when the trigger already has
    its object. With ``objects`` (candidates for the object of the relation), the words of the verb the trigger
    is coordinated with are that verb's too ("Meta runs Llama on MI300X but does not run it on Gaudi 3"). A
    noun trigger keeps off a clause set against its own ("used Samsung's process ... but kept the A100 at
    TSMC")."""
    if trig.pos_ == "NOUN" and trig.head.pos_ in {"VERB", "AUX"}:
        return [x for x in candidates if not _in_another_conjunct(x[1], trig)]
    if trig.pos_ != "VERB" or not any(c.dep_ == "dobj" for c in trig.children):
        return candidates
    theirs = {t.i for c in trig.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"} for t in c.subtree}
    if objects and trig.dep_ == "conj" and trig.head.pos_ in {"VERB", "AUX"}:  # (its subject is shared)
        # the first verb's words in a slot the trigger fills itself (its object, its "on" phrase), but not what
        # "it" or "them" stands for ("designs its own MN-Core chips and runs them in its clusters")
        pronoun = any(t.dep_ in {"dobj", "pobj"} and t.lower_ in {"it", "them"} for t in trig.subtree)
        slots = {(c.dep_, c.lower_ if c.dep_ == "prep" else "") for c in trig.children
                 if c.dep_ in {"prep", "agent"} or not pronoun and c.dep_ in {"dobj", "dative", "attr"}}
        theirs |= {t.i for c in trig.head.children if c.i < trig.i
                   and (c.dep_, c.lower_ if c.dep_ == "prep" else "") in slots for t in c.subtree}
    return [x for x in candidates if x[1].i not in theirs] if theirs else candidates


def _a_share_of_a_group(tok: Token) -> bool:
    """A pronoun for part of the things named before, unknown which: "not all of them", "all but one of
    them", "some of those" (not "all of them" or "both", which coreference reads as the names just before)."""
    if tok.lower_ not in {"them", "those", "these"} or tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return False
    share = tok.head.head
    return share.lower_ not in {"all", "both", "each"} or any(
        c.lower_ in {"not", "nearly", "almost", "but", "except"} for c in share.children)


#: Words that set a name apart from what the sentence says of the others.
_EXCEPTING = frozenset({"except", "excluding", "besides", "but"})


def _announced(tok: Token) -> bool:
    """A name the sentence is about: its subject (or a conjunct of it), or what its verb releases ("released
    Qwen2.5 and Qwen2.5-Coder"), not a name it compares, describes or mentions in passing."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ == "with" and tok.head.head.lower_ == "along":
        return True  # "Phi-3-small and Phi-3-medium followed in May, along with Phi-3-vision"
    if tok.dep_ == "appos":  # "five base models — Falcon3-1B, Falcon3-3B ...": the names a noun lists
        return not any(a.dep_ in {"relcl", "acl", "advcl"} for a in tok.ancestors)
    if tok.dep_ in {"nsubj", "nsubjpass"}:
        return not any(a.dep_ in {"relcl", "acl", "advcl", "prep"} for a in tok.ancestors)
    return tok.dep_ == "dobj" and tok.head.lower_ in RELEASE and tok.head.dep_ in {"ROOT", "conj"}


def _in_passing(tok: Token) -> bool:
    """Whether a name is only mentioned in passing: inside a relative clause or a description, a modifier of
    another noun, or what something is set against ("followed with Vicuna-13B, a LLaMA 13B model tuned on
    chats shared from ChatGPT": Vicuna-13B is the news, LLaMA 13B and ChatGPT are not)."""
    if tok.dep_ in {"compound", "poss"} or tok.dep_ == "pobj" and tok.head.lower_ in {
            "than", "like", "from", "against", "over", "unlike"}:
        return True
    return any(a.dep_ in {"relcl", "acl", "advcl"} for a in tok.ancestors)


def _partner_of(verb: Token, tok: Token) -> bool:
    """``tok`` is a partner a making verb names: the subject of "co-developed", or the "with" object of
    "co-developed X with Y", "developed X together with Y"."""
    if verb.lower_.startswith("co-") and _designing_subject(tok, verb):
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ == "with" and (tok.head.head.i == verb.i or (
        tok.head.head.lower_ == "together" and tok.head.head.head.i == verb.i))


def _made_by(verb: Token, tok: Token) -> bool:
    """``tok`` is what the making verb makes: its object ("developed Evo 2"), its passive subject, or the name
    its relative clause describes ("Evo 2, which it developed together with Nvidia")."""
    if tok.head.i == verb.i and tok.dep_ in {"dobj", "nsubjpass"}:
        return True
    return verb.dep_ == "relcl" and (tok.i == verb.head.i or tok.dep_ == "appos" and tok.head.i == verb.head.i)


#: Generic words for the hardware a cloud rents: "trained on hardware from AWS", "on Google Cloud's TPUs".
_CLOUD_HARDWARE = frozenset({"hardware", "infrastructure", "chips", "gpus", "accelerators", "servers", "compute",
                             "capacity", "clusters", "machines", "tpus", "instances"})


#: Prepositions of what a thing is made around or from ("built by HPE with MI250X accelerators").
_MATERIAL_PREPS = frozenset({"around", "with", "using", "from", "upon", "atop"})


def _another_reading(s: _Sentence, candidate) -> bool:
    """Whether a pronoun candidate stands for its entity only as a far reading: "how many GPUs they need
    to serve it" (``it`` = the company or the model just named, not the chip named sentences before)."""
    _d, tok, entity = candidate
    said = s.by_token.get(tok.i)
    if said is None or said.source != "coref" or tok.lower_ not in PRONOUNS:
        return False
    return entity.label not in {a.label for a in said.antecedents[:3]}


def _quantified_relative(s: _Sentence, verb: Token, classes) -> list:
    """"Microsoft and Meta, both of which already deploy X": the names before "both of which"."""
    for q in verb.children:
        if q.dep_ != "nsubj" or q.lower_ not in {"both", "all", "each", "many", "most", "some", "several"}:
            continue
        if not any(p.lower_ == "of" and any(w.lower_ in {"which", "whom"} for w in p.children) for p in q.children):
            continue
        first = before_punctuation(q)
        if first is None or first.i not in s.by_token:
            return []
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        out = []
        for t in [first, *first.conjuncts]:
            m = s.by_token.get(t.i)
            r = m.resolve(classes) if m is not None else None
            if r is not None:
                out.append((1, t, r))
        return out
    return []


def _relativised(s: _Sentence, verb: Token, classes) -> list:
    """The thing a relative clause is about when it is the clause's object.

    "the MTIA accelerators, which the company uses", "Colossus, the supercomputer
    that xAI assembled": the verb has a subject but no object of its own, so the
    noun it modifies (or the name that noun stands in apposition to) is its object.
    Chips named in a "from"/"with" phrase of the verb are objects too.
    """
    if any(c.dep_ in {"dobj", "nsubjpass"} and c.lower_ not in {"which", "that"} for c in verb.children):
        return []
    if not any(c.dep_ == "nsubj" for c in verb.children):
        return []
    noun = verb.head
    out = []
    seen = set()
    for cand in [noun, *[c for c in noun.children if c.dep_ in {"compound", "nmod"}],
                 noun.head if noun.dep_ == "appos" else None]:
        if cand is None or cand.i in seen or cand.i not in s.by_token:
            continue
        m = s.by_token[cand.i].resolve(classes)
        if m is not None:
            seen.add(cand.i)
            out.append((0, cand, m))
    if verb.lower_ in {"assembled", "assembles", "assemble", "assembling", "built", "build", "builds"}:
        for p in verb.children:  # "assembled from 100,000 H100s"
            if p.dep_ == "prep" and p.lower_ in {"from", "with", "out"}:
                for t in p.subtree:
                    if t.i in s.by_token and t.i not in seen:
                        m = s.by_token[t.i].resolve(classes)
                        if m is not None:
                            seen.add(t.i)
                            out.append((1, t, m))
    return out


def _process_node(tok: Token) -> bool:
    """ "5nm process node", "a TSMC 4 nanometer (nm) process", "N3 process": a manufacturing process."""

    window = tok.doc[max(tok.sent.start, tok.i - 6):tok.i + 2].text
    return bool(re.search(r"\d+\s*-?\s*(?:nm|nanometer|nanometre)|\bN\d\w?\b|\b\d+N\b|\bnode\b", window))


def _is_agent(tok: Token, verb: Token) -> bool:
    """``tok`` is the subject (or the "by" agent, or the possessor) of ``verb``."""
    if tok.dep_ in {"nsubj"} and (tok.head.i == verb.i or verb.dep_ in {"xcomp", "conj"} and tok.head.i == verb.head.i):
        return True
    far = _chain_subject(verb)
    if far is not None and far.i == tok.i:
        return True
    if verb.dep_ == "relcl" and (verb.head.i == tok.i or verb.head.dep_ == "appos" and verb.head.head.i == tok.i) \
            and any(c.dep_ == "nsubj" and c.lower_ in {"which", "that", "who"} for c in verb.children):
        return True  # "Microsoft, which rents out MI300X capacity", "Lambda, the company that rents out GPUs"
    if tok.dep_ == "nsubjpass" and verb.dep_ == "xcomp" and tok.head.i == verb.head.i and verb.head.lower_ in {
            "reported", "said", "believed", "understood", "thought", "rumored", "rumoured", "expected",
            "known", "seen", "alleged"}:
        return True  # "High-Flyer is reported to have bought 10,000 A100s"
    if tok.dep_ == "nsubj" and verb.dep_ == "advcl" and verb.tag_ == "VBG" and tok.head.i == verb.head.i and not any(
            c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):  # "X remains a customer, operating Y"
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ == "by" and tok.head.head.i == verb.i:
        return verb.lower_ not in MAKING_VERBS  # "bought by Meta" is Meta's; "a machine built by Intel" is not
    if tok.dep_ == "poss" and tok.head.i == verb.i:
        # ("A and B were among its biggest buyers / customers": the seller's; "offers it to its customers": a cloud
        # that rents the chip out runs it)
        return not (verb.lower_ in {"buyers", "buyer", "customers", "customer", "clients", "client"} and (
            verb.dep_ == "attr" or verb.dep_ == "pobj" and verb.head.lower_ == "among"))
    said = predicated_of(verb)  # "X is a customer of Y", "X is among the buyers" (not "X offers it to customers")
    if said is not None and said.i == tok.i:
        return True
    if tok.dep_ == "nsubj" and verb.dep_ == "dobj" and tok.head.i == verb.head.i and verb.head.lower_ in {
            "placed", "places", "place", "placing", "made", "makes", "signed", "signs", "won", "wins"}:
        return True  # "Baidu placed an order for 1,600 Ascend 910B chips"
    ruled = _copula_subject(verb)  # "X is among the first clouds to offer Y", "one of the buyers of Y"
    if ruled is not None and ruled.i == tok.i:
        return True
    cur = tok
    while cur.dep_ == "conj" and cur.head.i != cur.i:
        cur = cur.head
    if cur.dep_ == "pobj" and cur.head.lower_ in {"including", "like", "as"}:  # "customers including X"
        group = cur.head.head
        named_group = group.tag_ == "NNS" or group.lower_ in {  # "groups such as X", "customers including X"
            "customers", "buyers", "users", "companies", "firms", "labs", "clouds", "hyperscalers", "operators",
            "such", "rivals", "competitors", "developers", "providers", "startups", "start-ups", "organisations",
            "organizations", "players"}
        if named_group and group.dep_ in {"nsubj", "nsubjpass"} and group.head.i == verb.i:
            return True
    return False


def _chain_subject(verb: Token) -> Token | None:
    """The subject of the first verb up a chain of subject-less verbs.

    "Anthropic made AWS its cloud and agreed to use Trainium", "Anthropic committed to building,
    training and deploying its models on Trainium" (through "to" and its gerunds): Anthropic.
    """
    cur = verb
    for _ in range(7):
        gerund = cur.dep_ == "pobj" and cur.head.lower_ in {"to", "for"} and cur.tag_ in {"VBG", "NN"}
        if cur.dep_ not in {"xcomp", "conj", "pcomp"} and not gerund \
                and not (cur.dep_ == "prep" and cur.lower_ in {"to", "for"}) \
                or any(c.dep_ in {"nsubj", "nsubjpass"} for c in cur.children):
            break
        cur = cur.head
        subj = next((c for c in cur.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return subj
    return None


#: Lower-case nouns of hardware that may end a maker's name as written ("Cerebras systems", "Nvidia chips").
_HARDWARE_WORDS = CHIP_NOUNS | {"hardware", "machines"}
#: What is bought from a hardware maker besides its chips.
_BOUGHT_MACHINES = SYSTEM_NOUNS | {w + "s" for w in SYSTEM_NOUNS} | {"hardware", "silicon", "servers", "racks"}


def _bare_training_clause(verb: Token) -> bool:
    """"Once trained, ...", "After being trained by Meta, ...": a clause of time about the training that names
    no hardware of its own (what the sentence then runs on is no training hardware)."""
    return verb.pos_ == "VERB" and (verb.dep_ == "advcl" or verb.dep_ == "pcomp" and verb.head.lower_ in {
        "after", "once", "before", "when", "since"}) and not any(
        c.dep_ in {"dobj", "nsubj", "nsubjpass"} or c.lower_ in _TRAINED_WITH for c in verb.children)


def _hardware_named_by(on: Token) -> list[Token]:
    """The words an "on" phrase names hardware with: its object, the object's qualifiers and conjuncts, and
    the chips "with" it ("on a single server with eight H800s"), not names in a clause inside it ("on chips
    other than the H20", "on a cluster built to rival the MI300X")."""
    out = []
    for o in (c for c in on.children if c.dep_ == "pobj"):
        for x in (o, *o.conjuncts):
            out += [x, *(c for c in x.children if c.dep_ in {"compound", "poss", "nmod"})]
            out += [w for p in x.children if p.dep_ == "prep" and p.lower_ == "with"
                    for w in p.children if w.dep_ == "pobj"]
    return out


def _doer(s: _Sentence, verb: Token) -> str | None:
    """The label of the named subject of ``verb`` (through coordinated verbs, and through the relative pronoun of
    a relative clause: "OpenAI, which trains and runs its models on Azure")."""
    while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.lower_ in {"which", "that", "who"} and verb.dep_ == "relcl":
        subj = verb.head
    m = s.by_token.get(subj.i) if subj is not None else None
    r = m.resolve(ORG) if m is not None else None
    return r.label if r is not None else None


def _hardware_maker(tok: Token) -> bool:
    """An organisation named for its hardware: "NVIDIA hardware", "Nvidia's GPUs", "chips from AMD"."""
    head = tok.head
    if " " in tok.text and tok.text.rsplit(" ", 1)[1] in _HARDWARE_WORDS:
        return True  # "on Cerebras systems": the maker's name and a common noun read as one name
    if tok.dep_ in {"compound", "poss", "nmod", "amod"} and head.lower_ in CHIP_NOUNS | {"hardware", "silicon", "gpus", "chips"}:
        return True
    if tok.dep_ == "pobj" and head.lower_ in {"from", "by"} and head.head.lower_ in CHIP_NOUNS | _BOUGHT_MACHINES:
        return True  # ("chips from AMD", "bought supercomputers from Cerebras")
    if tok.dep_ == "dobj" and head.lower_ in {"uses", "use", "used", "using", "chose", "picked", "selected", "tapped"}:
        return True  # "Mistral AI uses Cerebras to power Le Chat": the maker stands for its machines
    if any(c.dep_ == "conj" and c.lower_ in CHIP_NOUNS | {"hardware", "silicon"} and any(
            g.dep_ in {"compound", "poss"} for g in c.children) for c in tok.children):
        return True  # "on Qualcomm and MediaTek hardware": the hardware of each
    if tok.dep_ == "pobj" and head.lower_ == "on" and head.head.lower_ in _RELYING:
        return True  # "relies on Nvidia"
    return False


#: "brought online a cluster", "bring up 20,000 GPUs": a cluster put to work by whoever brings it up.
_BRINGING = frozenset({"bring", "brings", "brought", "bringing"})


#: Cues of plans and conditions: they put an event in the future, not who makes the product in doubt.
_PLAN_CUES = frozenset({"plans", "plan", "planned", "planning", "would", "will", "intends", "intend", "intended",
                        "aims", "aim", "set", "due", "slated", "scheduled", "agreed", "committed", "pledged",
                        "promised", "once", "when"})


def _in_relative_clause_of(trig: Token, noun: Token) -> bool:
    """Whether ``trig`` sits in a relative clause or an apposition attached to ``noun`` (which says nothing of
    its conjuncts: "Magistral Small, an open model under Apache 2.0, and Magistral Medium")."""
    cur = trig
    while cur.head.i != cur.i:
        if cur.dep_ == "appos" and cur.head.i == noun.i and cur.i > noun.i and cur.pos_ == "NOUN":
            return True
        if cur.dep_ == "relcl":
            head = cur.head
            while head.dep_ == "appos" and head.i != noun.i:  # "the NNP-T, a training chip that is built by TSMC"
                head = head.head
            return head.i == noun.i
        cur = cur.head
    return False


def _another_generation(tok: Token, chip) -> bool:
    """"its second-generation LPU", "the next-generation TPU": a line's name qualified by a generation
    names an unnamed member of the line, which the line's own facts do not cover."""
    return not any(ch.isdigit() for ch in chip.label) and any(
        c.dep_ == "compound" and c.lower_ == "generation" and any(
            a.dep_ == "amod" and a.lower_ in {"next", "new", "future", "second", "third", "fourth"}
            for a in c.children) for c in tok.children)


#: Words that may stand between the names of a list after a colon ("three platforms: Google's TPUs, Amazon's
#: Trainium and Nvidia's GPUs").
_COLON_LIST_GLUE = frozenset({",", "and", "'s", "’s", "the", "its", "their"}) | _HARDWARE_WORDS


def _colon_list(s: _Sentence, o_tok: Token, classes, taken) -> list[tuple[Token, Mention]]:
    """The names listed with ``o_tok`` after a colon ("spread across three chip platforms: Google's TPUs,
    Amazon's Trainium and Nvidia's GPUs"): the parser rarely links such a list, so it is read in word order,
    up to the first word that is no name and no glue of a list."""
    doc = s.sent.doc
    j = o_tok.i - 1
    while j > s.sent.start and (doc[j].dep_ in {"det", "poss", "case", "compound", "amod", "nummod"}
                                and doc[j].head.i <= o_tok.i):
        j -= 1
    if j < s.sent.start or doc[j].text != ":":
        return []
    seen = {t.i for t, _m in taken}
    out, last, listed = [], o_tok.i, False
    for m in sorted((m for m in s.mentions if m.start > o_tok.i and m.source != "coref"), key=lambda m: m.start):
        if m.start <= last:
            continue
        tok = doc[m.i]
        if any(t.lower_ not in _COLON_LIST_GLUE for t in doc[last + 1:m.start]) \
                or tok.dep_ in {"nsubj", "nsubjpass"}:
            break  # ("one platform: Google's TPUs, and Amazon's Trainium handles inference": a clause of its own)
        last = m.end - 1
        r = m.resolve(classes)
        after = [t.lower_ for t in doc[m.end:min(m.end + 2, s.sent.end)]]
        hardware = _hardware_maker(tok) or bool(after) and (after[0] in _HARDWARE_WORDS or (
            after[0] in {"'s", "’s"} and after[1:] and after[1] in _HARDWARE_WORDS))
        listed = not (r is None or m.i in seen or r.cls in ORG and not hardware or any(
            r.label == x.label for _t, x in taken + out))
        if listed:
            out.append((tok, r))
    end = last + 1  # the list ends the clause: "..., and Amazon's Trainium handles inference" starts another
    while end < s.sent.end and doc[end].lower_ in _COLON_LIST_GLUE - {",", "and"}:
        end += 1
    if out and listed and end < s.sent.end and not doc[end].is_punct:
        out = out[:-1]
    return out


def _described_in(path: TreePath, a: Token, b: Token) -> Token | None:
    """When one name of a pair governs the other through a description of it (a relative clause, a participle,
    an apposition), the description's own word; else None."""
    below = path.up if path.top.i == b.i else path.down if path.top.i == a.i else []
    return below[-1] if below and below[-1].dep_ in {"relcl", "acl", "appos"} else None


def _maker_described(path: TreePath, maker: Token) -> bool:
    """A noun on the path between a product and a candidate maker is said to be behind the product ("the
    group behind the Arabic model Jais"): that noun, not the candidate, names the maker."""
    return any(t.lower_ == "behind" and t.dep_ == "prep" and t.head.pos_ == "NOUN" and t.head.i != maker.i
               and not (t.head.dep_ == "appos" and t.head.head.i == maker.i)  # ("Mistral, the company behind X")
               for t in path.between())


_CONTRASTS = frozenset({"not", "rather than", "instead of"})


def _contrasted_last(objs: list, trig: Token) -> list:
    """"trained on Nvidia GPUs, not on LPUs": the object set against an earlier one is not the verb's own,
    even when the parse puts it nearer the verb; it comes after the others (and is found again as their
    alternative, negated)."""
    if len(objs) < 2 or _object_negated(objs[0][1], trig) not in _CONTRASTS:
        return objs
    if not any(x[1].i < objs[0][1].i and _object_negated(x[1], trig) not in _CONTRASTS for x in objs[1:]):
        return objs  # "not on LPUs but on Nvidia GPUs": the denied name comes first, the order stands
    return objs[1:] + objs[:1]


_MODEL_WORDS = frozenset({"model", "models"})


def _describes_a_licence(s: _Sentence, word: Token) -> bool:
    """"the Jamba Open Model License, a set of terms written by AI21": a licence word in an apposition to a
    licence only says what the licence is."""
    for a in [word, *word.ancestors][:4]:
        if a.dep_ == "appos":
            m = s.by_token.get(a.head.i)
            return m is not None and m.cls in LICENSE
    return False


def _labs_use_training_hardware(claims: list[RawClaim]) -> list[RawClaim]:
    """A lab whose model was trained on some hardware, in the same sentence, uses that hardware.

    ("Apple's foundation model was pre-trained on TPU v4 chips" -> Apple usesHardware TPU v4.)
    """
    makers = {}
    developer: dict[str, set[str]] = {}  # model -> the labs the article says built it
    for c in claims:
        if c.predicate == "developedBy" and c.modality == "asserted":
            developer.setdefault(c.subject, set()).add(c.object)
            if c.rule == "possessive":
                makers.setdefault((c.subject, c.sent_start), c.object)
    out = []
    for c in claims:
        if c.predicate in {"trainedOn", "preTrainedOn", "postTrainedOn"}:
            maker = makers.get((c.subject, c.sent_start))
            if maker is not None and maker != c.object and c.modality != "negated":
                out.append(RawClaim(maker, "usesHardware", c.object, c.modality, c.cue, c.trigger, c.sent_start,
                                    round(c.confidence - 0.1, 2), "trained-by-maker"))
            elif maker is None and c.modality == "asserted" and c.predicate != "postTrainedOn" \
                    and _one_developer(developer.get(c.subject, ())):
                # the model's one developer, named elsewhere in the article, ran its (pre-)training;
                # post-training and fine-tuning are often done by others
                lab = _one_developer(developer[c.subject])
                if lab != c.object:
                    out.append(RawClaim(lab, "usesHardware", c.object, c.modality, c.cue, c.trigger, c.sent_start,
                                        round(c.confidence - 0.15, 2), "trained-by-developer"))
    return out


def _one_developer(labs) -> str | None:
    """The one lab among ``labs``, a parent standing for its own unit ("Google" with "Google DeepMind"), or None."""
    if not labs:
        return None
    parent = min(labs, key=len)
    return parent if all(key(lab).startswith(key(parent)) for lab in labs) else None


_LIKENESS_PREDICATES = frozenset({"fabbedBy", "usesMemory", "memorySuppliedBy", "designedBy", "developedBy",
                                  "trainedOn", "preTrainedOn", "postTrainedOn", "runsOn", "licensedUnder"})


def _shared_with_a_likeness(claims: list[RawClaim], doc: Doc, mention_at: dict[int, Mention],
                            class_of: dict[str, str]) -> list[RawClaim]:
    """"Like Hopper, Blackwell is made by TSMC", "like it, manufactured by TSMC": what is said of the
    subject holds for the thing it is likened to (of the same class). "Unlike X" says nothing of X."""
    out = []
    for c in claims:
        if c.predicate not in _LIKENESS_PREDICATES or c.modality not in {"asserted", "hedged"}:
            continue
        cur, likeness = doc[c.trigger], None
        for _ in range(4):  # the trigger's own clause, up to its main verb
            likeness = next((p for p in cur.children if p.dep_ == "prep" and p.lower_ == "like"), None)
            if likeness is not None or cur.dep_ in {"ROOT", "ccomp", "relcl"} or cur.head.i == cur.i:
                break
            cur = cur.head
        if likeness is None:
            continue
        subject_cls = class_of.get(c.subject)
        for t in likeness.subtree:
            m = mention_at.get(t.i)
            other = m.resolve({subject_cls}) if m is not None and subject_cls else None
            if other is None or other.label in {c.subject, c.object}:
                continue
            if t.dep_ not in {"pobj", "conj", "compound", "appos"}:
                continue
            out.append(RawClaim(other.label, c.predicate, c.object, c.modality, c.cue, c.trigger, c.sent_start,
                                round(c.confidence - 0.1, 2), "likeness"))
    return out


#: Participles by which one licence is drawn from another ("a licence based on Apache 2.0").
_DRAWN_FROM = frozenset({"based", "derived", "modelled", "modeled", "adapted", "inspired", "patterned"})


def _owner_of_a_fab(tok: Token, trig: Token) -> bool:
    """"made in Intel's own fabs", "produced at the company's plant in Oregon": a designer named as the owner
    of the plants where the verb makes the chip makes it itself (not "the cluster at the company's factory,
    which is built from Nvidia GPUs")."""
    return tok.dep_ == "poss" and tok.head.lower_ in _FAB_SITES and tok.head.dep_ == "pobj" \
        and tok.head.head.lower_ in {"in", "at"} and tok.head.head.head.i == trig.i and not any(
            c.lower_ in {"partner", "partners", "supplier", "suppliers", "contract", "contractor"}
            for c in tok.head.children)  # (not "in AMD's partner plants")


_FAB_SITES = frozenset({"fab", "fabs", "factory", "factories", "plant", "plants", "foundry", "foundries"})
#: Words by which a training clause names its hardware: "trained on", "trained using", "trained with".
_TRAINED_WITH = frozenset({"on", "using", "with", "across", "atop"})
_TRAINING_NOUNS = {"training": "trainedOn", "pre-training": "preTrainedOn", "pretraining": "preTrainedOn",
                   "post-training": "postTrainedOn", "posttraining": "postTrainedOn", "fine-tuning": "postTrainedOn"}
_RUNNING_VERBS = forms("ran|run|runs|took|takes|used|uses|happened|relied|relies|was|were|is")


def _and_so_is(claims: list[RawClaim], doc: Doc, mention_at: dict[int, Mention],
               class_of: dict[str, str]) -> list[RawClaim]:
    """"Hopper is made on TSMC's 4-nanometre process, and so is Blackwell": what the first clause says of
    its subject holds for the name after "so is" / "so does" (of the same class)."""
    out = []
    for i, low in enumerate(lowered_forms(doc)):
        if low not in _ECHO_VERBS:
            continue
        t = doc[i]
        if t.dep_ != "conj" or not any(c.dep_ == "advmod" and c.lower_ == "so" and c.i < t.i for c in t.children):
            continue
        other = next((mention_at[c.i] for c in t.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i in mention_at
                      and mention_at[c.i].source != "coref"), None)
        if other is None:
            continue
        first = {x.i for x in t.head.subtree} - {x.i for x in t.subtree}
        for c in claims:
            if c.trigger not in first or c.modality not in {"asserted", "hedged"} or c.predicate not in \
                    _LIKENESS_PREDICATES | {"usesHardware", "fundedBy"} or other.label in {c.subject, c.object}:
                continue
            subject_cls = class_of.get(c.subject)
            if subject_cls != other.cls:
                continue
            out.append(RawClaim(other.label, c.predicate, c.object, c.modality, c.cue, c.trigger, c.sent_start,
                                round(c.confidence - 0.1, 2), "and-so-is"))
    return out


_ECHO_VERBS = frozenset({"is", "are", "was", "were", "does", "do", "did", "has", "have", "had", "will", "can"})


_RELYING = forms("rely|relies|relied|relying|depend|depends|depended|depending")
_LICENSING_VERBS = forms("used|uses|use|chose|chosen|adopted|adopts|applies|applied|covers|covered|governs|"
                         "governed|picked|kept|keeps|released|publishes|published")
#: Nouns for a benchmark: a training or inference "test" named after a model trains no model.
_BENCHMARK_NOUNS = frozenset({"test", "tests", "benchmark", "benchmarks", "workload", "workloads", "task", "tasks",
                              "suite", "submission", "submissions", "score", "scores", "result", "results", "round",
                              "category"})
#: What a benchmark result measures: "reached 33,000 tokens per second on Llama 2 70B".
_MEASURES = frozenset({"tokens", "token", "throughput", "performance", "speed", "speeds", "latency", "times",
                       "queries", "samples", "images", "words", "requests"})
_ACHIEVING = forms("reached|reaches|reach|generated|generates|generate|delivered|delivers|deliver|achieved|"
                   "achieves|achieve|hit|hits|posted|posts|produced|produces|processed|processes|served|serves|"
                   "managed|manages|recorded|records|showed|shows|ran|runs|outputs|output")
_OPERATING_VERBS = forms("operate|operates|operated|operating|serve|serves|served|serving|run|runs|ran|running|"
                         "trained|trains|train|training|deploy|deploys|deployed|deploying|rent|rents|rented")
_BUYING_VERBS = forms("buy|buys|bought|buying|purchase|purchased|purchases|order|ordered|orders|rent|rents|"
                      "rented|lease|leased|leases|operate|operates|operated|operating|deploy|deploys|deployed|"
                      "deploying|customer|customers|buyer|buyers")
_CAPACITY_NOUNS = frozenset({"capacity", "instances", "instance", "access", "servers", "clusters", "compute",
                             "time", "vms", "machines", "nodes", "racks", "pods", "rental", "rentals"})


def _rented_out(tok: Token) -> bool:
    """``tok`` names the hardware of a rented service: "CloudMatrix 384 capacity", "instances built on X"."""
    for t in (tok, tok.head, tok.head.head):
        if t.lower_ in _CAPACITY_NOUNS:
            return True
    return any(t.lower_ in _CAPACITY_NOUNS for t in tok.ancestors if t.i < tok.i)


def _an_earlier_plan(sent: Span, cue: str) -> bool:
    """"Aurora was first meant to arrive in 2018", "had originally been expected this year": a plan the
    sentence says was the first one (and so was not kept)."""
    for t in sent:
        if t.lower_ != cue:
            continue
        near = [*t.children, *(t.head.children if t.dep_ in {"xcomp", "acomp", "amod"} else ())]
        if any(c.dep_ == "advmod" and c.lower_ in {"originally", "initially", "first"} for c in near) and any(
                c.dep_ in {"aux", "auxpass"} and c.lower_ in {"was", "were", "had"} for c in [*near, *t.children]):
            return True
        if any(c.dep_ == "conj" and c.lower_ in _DELAYED for c in t.children) and any(
                c.dep_ == "cc" and c.lower_ in {"but", "yet"} for c in t.children):
            return True  # "was supposed to ship in the first quarter but was delayed"
    return False


#: What becomes of a plan that is not kept.
_DELAYED = frozenset({"delayed", "postponed", "pushed", "slipped", "scrapped", "cancelled", "canceled", "shelved",
                      "abandoned", "dropped", "missed"})


def _qualifies(tok: Token, noun: Token) -> bool:
    """``tok`` is part of the name of ``noun`` ("Instinct MI450 graphics processors"), not of a clause on it."""
    cur = tok
    while cur.i != noun.i:
        if cur.dep_ not in {"compound", "nmod", "amod"} or cur.head.i == cur.i:
            return False
        cur = cur.head
    return True


def _owner_of_another(tok: Token) -> bool:
    """"Mistral Small's previous version was released under ...", "the H100's successor carries ...": the
    possessor names a different product from the one the clause is about."""
    if tok.dep_ != "poss":
        return False
    head = tok.head
    if head.lower_ in {"predecessor", "predecessors", "successor", "successors", "rival", "rivals", "competitor",
                       "competitors", "forerunner"} or head.lower_ in FIGURE_NOUNS:
        return True  # (nor is the owner of a figure: "about eleven times V3's total")
    if any(c.dep_ == "amod" and c.lower_ in {"other", "remaining"} for c in head.children):
        return True  # "Le Chat's other features were not described as running on X": not the product's own
    return head.lower_ in {"version", "versions", "generation", "model", "release", "edition"} and any(
        c.lower_ in {"previous", "earlier", "older", "prior", "last", "original", "first"} for c in head.children)


def _copula_subject(verb: Token) -> Token | None:
    """The subject a ranking or a predicate noun ties ``verb`` to: "X is among the first cloud providers to
    deploy Y", "X was the only lab to buy Y" (an infinitive after a ranking), "X is one of the largest
    buyers of Y" (an agent noun said of the subject)."""
    path, cur = [], verb
    while cur.head.i != cur.i and len(path) < 6 and not _copula(cur):
        path.append(cur)
        cur = cur.head
    copula = cur
    if not path or not _copula(copula):
        return None
    subject = next((c for c in copula.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    if verb.pos_ == "NOUN":  # "one of the largest buyers of": nouns and prepositions only
        return subject if all(p.dep_ in {"pobj", "prep", "attr"} for p in path) else None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) or not all(
            p.dep_ in {"advcl", "relcl", "acl", "xcomp", "pobj", "prep", "attr"} for p in path):
        return None
    return subject if any(t.lower_ in _RANKS for t in verb.doc[copula.i + 1:verb.i]) else None


def _copula(tok: Token) -> bool:
    """A form of "be" (or "remain"). The pipeline has no lemmatizer: the attribute ruler gives "is" and
    "was" the lemma "be", but leaves "be", "been" and "being" without one."""
    return tok.lemma_ == "be" or tok.lower_ in {"be", "been", "being", "remain", "remains", "remained"}


_RANKS = frozenset({"first", "among", "only", "last", "latest", "next", "one"})


def _offered_itself(tok: Token, trig: Token) -> bool:
    """"AWS will offer the B200", "Microsoft offers AMD's MI300X to Azure customers": the hardware itself
    (or a conjunct of it) is what is offered, not "an alternative to" it."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ in {"compound", "nmod"} and tok.head.lower_ in CHIP_NOUNS | _HARDWARE_HEADS:
        tok = tok.head  # "offer Nvidia's H100 GPUs"
    return tok.dep_ == "dobj" and tok.head.i == trig.i


def _gives_examples(prep: Token) -> bool:
    """"including the MI300X", "such as the H100", "like Llama 3": examples of the noun it hangs on."""
    return prep.lower_ in {"including", "like"} or prep.lower_ == "as" and any(
        c.lower_ == "such" for c in prep.children) or prep.lower_ == "as" and prep.i > 0 and \
        prep.doc[prep.i - 1].lower_ == "such"


_YARDSTICKS = frozenset({"than", "times", "unlike", "versus", "vs", "vs.", "compared", "relative"})


def _trains_examples(verb: Token) -> bool:
    """"Gaudi 3 would train models such as Llama 2 and GPT-3 faster than the H100": a chip's speed on
    example workloads, not a model's training."""
    if verb.dep_ in {"compound", "amod", "nmod"} and verb.head.lower_ in _BENCHMARK_NOUNS:
        return True  # "the MLPerf training benchmark based on GPT-3": a test, not a training run
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return obj is not None and obj.lower_ in {"models", "workloads", "networks", "llms"} and any(
        c.dep_ == "prep" and (c.lower_ in {"like", "including"} or c.lower_ == "as" and c.i > 0
                              and c.doc[c.i - 1].lower_ == "such") for c in obj.children)


def _a_yardstick(tok: Token, trig: Token) -> bool:
    """A name the sentence measures against ("1.4 times the bandwidth of the older part",
    "more than the H100", "unlike the MI300X") takes no part in the trigger's relation — unless the trigger
    is inside the name's own phrase ("rather than Apache 2.0, which Mistral used for Mixtral")."""
    if trig.i != tok.i and tok.is_ancestor(trig):
        return False
    for a in tok.ancestors:
        if a.i == trig.i:
            return False
        if a.lower_ in _YARDSTICKS or any(w.lower_ in {"times", "twice"} for c in a.children if c.i < a.i
                                           for w in c.subtree):
            return True
        if a.lower_ == "from" and a.head.lower_ in {"up", "down"}:  # "141 GB, up from 80 GB of HBM3 on the H100"
            return True
    return False


def _object_relative(s: _Sentence, verb: Token, classes) -> list:
    """"Megatron-Turing NLG, the model Nvidia built with Microsoft": a relative clause without a pronoun whose
    own subject is named and which has no object of its own is about the noun it hangs on (or the name that
    noun describes)."""
    if not any(c.dep_ == "nsubj" and c.i in s.by_token for c in verb.children) or any(
            c.dep_ in {"dobj", "nsubjpass"} or c.lower_ in {"which", "that", "who", "whom"} for c in verb.children):
        return []
    noun = verb.head
    for tok in (noun, noun.head if noun.dep_ == "appos" else None):
        m = s.by_token.get(tok.i) if tok is not None else None
        r = m.resolve(classes) if m is not None else None
        if r is not None and tok.i < verb.i:
            return [(1, tok, r)]
    return []


def _plural(m: Mention) -> bool:
    """"they", "their", "both models", "the chips": a description of several things."""
    words = m.text.lower().split()
    return words[0] in {"they", "their", "them", "both", "each"} or (len(words) > 1 and words[-1].endswith("s")
                                                            and words[0] in {"the", "these", "those", "both"})


def _a_time_mark(tok: Token, trig: Token) -> bool:
    """``tok`` is the object of a "before" / "after" / "until" / "since" phrase on the trigger's verb: a point in
    time ("Before MN-Core, PFN relied on Nvidia"), not what the verb takes."""
    return tok.dep_ == "pobj" and tok.head.lower_ in {"before", "after", "until", "since"} \
        and tok.head.head.i == trig.i and tok.head.i != trig.i


def _outside_adverbial_clauses(s: _Sentence, verb: Token, cands: list) -> list:
    """Drop names inside a subordinate clause of a verb whose own subject is an unnamed noun.

    "Where the H100 carries HBM3, its successor packs HBM3E": what "packs" says is about
    "its successor", not about the H100 of the "where" clause.
    """
    own = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if own is None or own.i in s.by_token or own.pos_ not in {"NOUN", "PROPN"}:
        return cands
    inside = {t.i for c in verb.children if c.dep_ == "advcl" for t in c.subtree}
    return [x for x in cands if x[1].i not in inside] if inside else cands


def _maker_of_the_noun(tok: Token) -> bool:
    """"The last processor it produced": a pronoun subject of a relative clause on a chip noun is the maker of
    that chip, not the chip."""
    verb = tok.head
    return tok.pos_ == "PRON" and tok.dep_ == "nsubj" and verb.dep_ == "relcl" and verb.head.lower_ in CHIP_NOUNS


#: Verbs that plan what comes next: "is planned to follow in 2027", "is expected to follow".
_PLANNED = _PLANNING | {"poised", "likely", "going"}


def _at_a_site(verb: Token, production: Token) -> bool:
    """Production said to start "at" a site ("at TSMC's plants in Arizona", "at Fab 52"): making the product
    in one more place, not its release ("at the end of 2024", "at scale" are no sites)."""
    return any(p.dep_ == "prep" and p.lower_ == "at" and any(
        o.dep_ == "pobj" and (o.lower_ in _SITES or o.ent_type_ and o.ent_type_ not in {"DATE", "TIME", "CARDINAL"})
        for o in p.children) for h in (verb, production) for p in h.children)


#: Words for where things are made.
_SITES = frozenset({"plant", "plants", "fab", "fabs", "factory", "factories", "facility", "facilities", "site",
                    "sites", "foundry", "foundries", "campus", "line", "lines"})


def _a_model_object(s: _Sentence, verb: Token) -> bool:
    """Whether ``verb``'s object is a model: named ("trained Llama"), or the relative pronoun of a model
    noun ("a small language model that it trained")."""
    for c in verb.children:
        if c.dep_ != "dobj":
            continue
        if c.lower_ in {"that", "which"} and verb.dep_ == "relcl":
            c = verb.head
            if c.lower_ in MODEL_NOUNS:
                return True
        m = s.by_token.get(c.i)
        if m is not None and m.resolve(MODEL) is not None and m.source != "coref":
            return True
    return False


def _unnamed_licence(s: _Sentence, noun: Token) -> bool:
    """"its own licence", "a custom licence": a licence the noun phrase describes without naming it."""
    if noun.pos_ != "NOUN" or not any(c.dep_ == "poss" or c.lower_ in {"own", "custom", "bespoke", "proprietary"}
                                      for c in noun.children):
        return False
    return not any(t.i in s.by_token and s.by_token[t.i].source != "coref" for t in noun.subtree)


#: Verbs by which a product is built around a chip: "Volvo's EX90 uses DRIVE Orin".
_PRODUCT_USING = forms("uses|used|carries|carried|packs|packed|features|featured|runs|ran|houses|housed|"
                       "contains|contained")


#: Nouns for devices a chip is built into: "its i8 SUV", "a $70 AI Kit", "the new phone".
_DEVICE_NOUNS = frozenset({"car", "cars", "suv", "suvs", "vehicle", "vehicles", "sedan", "truck", "phone", "phones",
                           "smartphone", "smartphones", "handset", "handsets", "laptop", "laptops", "pc", "pcs",
                           "tablet", "tablets", "kit", "kits", "board", "boards", "camera", "cameras", "robot",
                           "robots", "humanoid", "drone", "drones", "headset", "headsets", "glasses", "watch",
                           "watches", "console", "consoles", "device", "devices", "module", "modules", "card",
                           "cards", "hat", "dongle", "stick", "notebook", "notebooks", "desktop", "desktops"})


def _a_device(tok: Token) -> bool:
    """A device a chip goes into: a device noun ("its i8 SUV", "an AI Kit"), or a product name with a number
    ("Volvo's EX90", "the Galaxy S24", "its XPS 13")."""
    if tok.lower_ in _DEVICE_NOUNS:
        return True
    return tok.pos_ == "PROPN" and any(ch.isdigit() for t in tok.subtree if t.i <= tok.i for ch in t.text)


#: Verbs of building a chip into a product: "put the Hailo-8L into its AI Kit".
_PUTTING_IN = forms("put|puts|putting|fitted|fits|fit|integrated|integrates|integrating|built|builds|building|"
                    "placed|places|embedded|embeds")


#: Verbs by which a chip designer takes a foundry: "uses TSMC for the D1", "picked Samsung for AI6".
_TAKING_A_FOUNDRY = forms("use|uses|used|using|chose|chosen|choose|chooses|picked|pick|picks|selected|select|"
                          "selects|tapped|taps|tap|hired|hires|enlisted|enlists")


def _relativised_object(s: _Sentence, verb: Token, classes) -> list:
    """"AI5, which Musk said has just finished its design and which TSMC will manufacture": the name a "which"
    object of the verb stands for, through the clauses the verb is joined to inside the relative clause."""
    if not any(c.dep_ in {"dobj", "nsubjpass"} and c.lower_ in {"which", "that"} for c in verb.children):
        return []
    cur = verb
    while cur.dep_ in {"conj", "ccomp"} and cur.head.i != cur.i:
        cur = cur.head
    if cur.dep_ != "relcl" or cur is verb:
        return []
    holder = cur.head.head if cur.head.dep_ == "appos" and cur.head.i not in s.by_token else cur.head
    m = s.by_token.get(holder.i)
    r = m.resolve(classes) if m is not None else None
    return [(1, holder, r)] if r is not None and holder.i < verb.i else []


def _in_another_conjunct(tok: Token, trig: Token) -> bool:
    """``tok`` hangs on a verb set against the trigger's clause by "but" / "yet", not on that clause itself."""
    above = {a.i for a in trig.ancestors} | {trig.i}
    return any(a.dep_ == "conj" and a.pos_ in {"VERB", "AUX"} and a.i not in above and trig.i not in
               {t.i for t in a.subtree} and any(c.dep_ == "cc" and c.lower_ in {"but", "yet"} and c.i < a.i
                                                for c in a.head.children)
               for a in [tok, *tok.ancestors] if a.i not in above)


def _licence_left_unnamed(s: _Sentence, model: Token) -> bool:
    """The verb the model hangs on puts it "under" a licence it does not name ("put X under a custom licence")."""
    verb = model.head if model.dep_ in {"dobj", "nsubj", "nsubjpass"} else None
    return verb is not None and any(p.dep_ == "prep" and p.lower_ == "under" and any(
        c.dep_ == "pobj" and _unnamed_licence(s, c) for c in p.children) for p in verb.children)


def _unnamed_on(s: _Sentence, verb: Token) -> bool:
    """The noun after the verb's "on" names nothing ("trained on domestic hardware")."""
    for p in verb.children:
        if p.dep_ == "prep" and p.lower_ == "on":
            obj = next((c for c in p.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ == "NOUN" and not any(t.i in s.by_token for t in obj.subtree):
                return True
    return False


#: Rules that read a relation from a name or the gazetteer rather than from what the text says.
_FROM_NAMES = frozenset({"family-name", "name-extends", "family-in-sentence", "appositive-family",
                         "gazetteer-vendor", "gazetteer-vendor-parent", "vendor-prefix"})


def names_yield(claims: list[RawClaim], misnamed: set[str] = frozenset()) -> list[RawClaim]:
    """Drop what a name suggests when the text denies it: "Codestral Mamba is not a version of Codestral"
    leaves no variantOf read from the name, and "Despite its name, it is a separate design" none of the
    lineage its name suggests (``misnamed``: the names so warned about)."""
    denied = {(c.subject, c.predicate, c.object) for c in claims if c.modality == "negated"}
    return [c for c in claims if not (c.rule in _FROM_NAMES and c.modality == "asserted" and (
        (c.subject, c.predicate, c.object) in denied or c.predicate == "variantOf" and c.subject in misnamed))]


def _misnamed(doc: Doc, mention_at: dict[int, Mention]) -> set[str]:
    """Names a sentence warns are misleading: the subject of "Despite its name, X is ..." (or "the name")."""
    out = set()
    for tok in (doc[i] for i, low in enumerate(lowered_forms(doc)) if low == "name"):
        if tok.dep_ != "pobj" or tok.head.lower_ not in {"despite", "notwithstanding"} \
                or not any(c.lower_ in {"its", "the"} for c in tok.children):
            continue
        verb = tok.head.head
        if verb.lower_ not in {"is", "was", "are", "were", "'s", "be", "been"} and not any(
                c.dep_ == "neg" for c in verb.children):
            continue  # only "Despite its name, it is a separate design" / "is not ...", not "runs fast on laptops"
        subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        m = mention_at.get(subj.i) if subj is not None else None
        named = m.resolve(frozenset({"AIModel", "Chip"})) if m is not None else None
        if named is not None:
            out.add(named.label)
    return out


def _dedupe(claims: list[RawClaim]) -> list[RawClaim]:
    seen = set()
    out = []
    for c in claims:
        k = (c.subject, c.predicate, c.object, c.modality, c.sent_start)
        if k in seen:
            continue
        seen.add(k)
        out.append(c)
    return out


__all__ = ["RelationExtractor", "RawClaim", "tree_distance"]
