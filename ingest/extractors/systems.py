"""Systems and their parts: who a supercomputer, rack or cluster is built for, and what it is built from.

Mixin of :class:`ingest.extractors.relations.RelationExtractor`. The annotation convention (every
evaluation set follows it) gives ``usesHardware`` to organisations only: the laboratory that operates
Frontier uses Frontier *and* the EPYC and MI250X chips inside it, while "Frontier uses MI250X" is no
relation of its own. So a system's parts are collected here, internally, from sentences such as
"El Capitan is built around the MI300A" or "Frontier pairs EPYC CPUs with MI250X GPUs", and
:func:`operators_use_parts` hands them to every organisation the article says uses the system.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Token

from ingest.extractors.lexicon import SYSTEM_NOUNS
from ingest.extractors.syntax import CHIP, ORG, RawClaim, _Sentence

#: Verbs by which a system has its parts: "El Capitan uses the MI300A", "Frontier pairs EPYC with MI250X".
_HAVING_PARTS = frozenset({"uses", "use", "used", "using", "pairs", "pair", "paired", "pairing", "combines",
                           "combine", "combined", "combining", "packs", "pack", "packed", "features", "feature",
                           "featured", "contains", "contain", "contained", "carries", "carry", "houses", "house",
                           "links", "link", "linked", "connects", "connect", "connected", "has", "have", "had",
                       "runs", "run", "ran", "running"})  # ("Colossus runs on 100,000 H100 GPUs")
#: Participles that say what a system is made of: "built around the MI300A", "based on GH200 superchips".
_MADE_OF = frozenset({"built", "powered", "based", "made", "consisting", "composed", "assembled", "equipped",
                      "running", "packed", "designed"})
_PART_PREPOSITIONS = frozenset({"around", "from", "on", "with", "upon", "of", "by"})
#: Verbs by which a maker builds a system for the organisation that will operate it.
_BUILDING = frozenset({"built", "builds", "build", "building", "delivered", "delivers", "deliver", "delivering",
                       "installed", "installs", "install", "installing", "assembled", "assembles", "assembling"})
_OPERATOR_CLASSES = ORG - {"Publisher", "Foundry", "MemoryVendor", "Investor"}
_STRENGTH = {"asserted": 0, "hedged": 1}


class SystemRules:
    """Mixin: the parts of systems, and the organisations systems are built for."""

    def _system_parts(self, s: _Sentence) -> list[RawClaim]:
        """"El Capitan will use the MI300A", "Frontier, an HPE system built around AMD's EPYC and MI250X":
        ``(system, "usesHardware", part)`` claims, kept apart from the output (see the module docstring)."""
        out = []
        for verb in s.sent:
            low = verb.lower_
            if verb.pos_ not in {"VERB", "AUX"} and low not in _MADE_OF:
                continue
            if low in _HAVING_PARTS and verb.pos_ in {"VERB", "AUX"}:
                holder = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                if holder is not None and holder.lower_ in {"which", "that"} and verb.dep_ == "relcl":
                    holder = verb.head  # "Frontier, which pairs EPYC CPUs with MI250X GPUs"
                places = [c for c in verb.children if c.dep_ in {"dobj", "prep"}]
            elif low in _MADE_OF:
                holder = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
                if holder is None and verb.dep_ in {"acl", "relcl"}:
                    holder = verb.head  # "an HPE system built around ...", "a machine which is built from ..."
                places = [c for c in verb.children if c.dep_ in {"prep", "agent"} and c.lower_ in _PART_PREPOSITIONS]
            else:
                continue
            if holder is None and verb.dep_ == "conj":  # "Alps was built by HPE and is powered by GH200s"
                holder = next((c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
                if holder is not None and holder.lower_ in {"which", "that"} and verb.head.dep_ == "relcl":
                    holder = verb.head.head  # "the machine that is operated by CSC and built around MI250X"
            system = self._system_named(s, holder)
            if system is None:
                continue
            for place in places:
                for t in place.subtree:
                    m = s.by_token.get(t.i)
                    part = m.resolve(CHIP) if m is not None and m.source != "coref" else None
                    if part is None or part.label == system.label or not self._a_part(part.label):
                        continue
                    c = self._claim(system.label, "usesHardware", part.label, verb, s.sent, obj_tok=t,
                                    confidence=0.6, rule="system-part")
                    if c and c.modality in _STRENGTH:
                        out.append(c)
        return out

    def _system_named(self, s: _Sentence, tok: Token | None):
        """The system ``tok`` is or describes: a Chip-class name that is a system ("the Frontier
        supercomputer", a name the gazetteer knows as a system), or the name a system noun stands in
        apposition to ("Frontier, an HPE system ..."). None for a chip ("the GB200 pairs ...")."""
        if tok is None:
            return None
        described = tok.lower_ in SYSTEM_NOUNS
        for t in (tok, tok.head if tok.dep_ == "appos" else None):
            m = s.by_token.get(t.i) if t is not None else None
            r = m.resolve(CHIP) if m is not None else None
            if r is None:
                continue
            own = described or any(c.dep_ in {"appos", "compound"} and c.lower_ in SYSTEM_NOUNS for c in t.children) \
                or t.dep_ == "compound" and t.head.lower_ in SYSTEM_NOUNS
            return r if own or self._known_system(r.label, m.text) else None
        return None

    def _known_system(self, label: str, surface: str) -> bool:
        entry = self.gazetteer.entry_for(label)
        names = (surface, label, *(entry.aliases if entry is not None else ()))
        return any(n.split()[-1].lower() in SYSTEM_NOUNS for n in names if n.split())

    def _a_part(self, label: str) -> bool:
        """A chip that can be a system's part: not an architecture ("Ampere", "the Hopper architecture")."""
        entry = self.gazetteer.entry_for(label)
        return entry is None or not any(a.lower().endswith("architecture") for a in entry.aliases)

    def _built_for(self, s: _Sentence) -> list[RawClaim]:
        """"Frontier, which HPE built for the US Department of Energy", "HPE built the Frontier
        supercomputer for Oak Ridge National Laboratory": the organisation a system is built for uses it."""
        out = []
        for verb in s.words(_BUILDING):
            if verb.pos_ != "VERB":
                continue
            users = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "for"
                     for o in (p_obj for p_obj in p.children if p_obj.dep_ == "pobj") if o.i in s.by_token]
            if not users:
                continue
            made = next((c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}), None)
            if made is not None and made.lower_ in {"which", "that"} and verb.dep_ == "relcl":
                made = verb.head
            if made is None and verb.dep_ in {"relcl", "acl"}:
                made = verb.head  # "the system HPE is building for LLNL"
            system = self._system_named(s, made)
            if system is None:
                continue
            vendor = self.gazetteer.vendor_of(system.label)
            for u in users:
                for tok, org in [(u, s.by_token[u.i].resolve(_OPERATOR_CLASSES))] + self._conjuncts(
                        s, u, _OPERATOR_CLASSES):
                    if org is None or org.label == vendor or org.cls == "ChipDesigner" and vendor is None:
                        continue  # "Broadcom builds the TPU for Google": Google's own chip
                    c = self._claim(org.label, "usesHardware", system.label, verb, s.sent, obj_tok=tok,
                                    confidence=0.65, rule="built-for")
                    if c and c.modality == "asserted" and _under_construction(verb):
                        c = dataclasses.replace(c, modality="hedged", cue=verb.lower_)
                    if c:
                        out.append(c)
        return out


def _under_construction(verb: Token) -> bool:
    """"which HPE is building for LLNL", "being assembled at Argonne": the system is not there yet."""
    return verb.tag_ == "VBG" and any(c.dep_ in {"aux", "auxpass"} and c.lower_ in {"is", "are", "being", "was",
                                                                                   "were"} for c in verb.children)


def operators_use_parts(claims: list[RawClaim], parts: list[RawClaim]) -> list[RawClaim]:
    """An organisation that uses a system uses the system's parts: ``(ORNL, usesHardware, Frontier)`` and
    the part ``(Frontier, MI250X)`` give ``(ORNL, usesHardware, MI250X)``, hedged if either is hedged."""
    parts_of: dict[str, list[RawClaim]] = {}
    for p in parts:
        parts_of.setdefault(p.subject, []).append(p)
    out = []
    for c in claims:
        if c.predicate != "usesHardware" or c.modality not in _STRENGTH or c.object not in parts_of:
            continue
        for p in parts_of[c.object]:
            if p.object == c.subject:
                continue
            modality = max(c.modality, p.modality, key=_STRENGTH.__getitem__)
            out.append(RawClaim(c.subject, "usesHardware", p.object, modality, c.cue or p.cue, p.trigger,
                                p.sent_start, round(min(c.confidence, p.confidence) - 0.1, 2), "operator-of-system"))
    return out
