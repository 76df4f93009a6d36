"""Memory: what a chip carries (``usesMemory``) and who supplies it (``memorySuppliedBy``).

Mixin of :class:`ingest.extractors.relations.RelationExtractor`. A memory vendor is linked to a chip only
through memory ("SK hynix's HBM3E", "HBM by Samsung", "Micron supplies the HBM3E for the H200"), never
because it is merely named near a chip.
"""

from __future__ import annotations

from spacy.tokens import Token

from ingest.extractors.entities import MEMORY_NOUNS, PRONOUNS, key
from ingest.extractors.lexicon import MEMORY_SUPPLY
from ingest.extractors.syntax import CHIP, MEMORY, ORG, RawClaim, _Sentence, possessor


_CAPACITY_UNITS = frozenset({"gb", "tb", "mb", "gigabytes", "terabytes", "megabytes", "gib", "tib"})


class MemoryRules:
    """Mixin: memory named for a chip, and the vendors said to supply it."""

    def _memory_for(self, s: _Sentence) -> list[RawClaim]:
        """Memory named for a chip: "HBM3 for the H100", "the HBM capacity of the TPU v5e".

        The memory mention (or the noun it qualifies: "supplier", "production",
        "capacity", "stacks") has a "for"/"in"/"of"/"on" phrase whose object is a chip.
        """
        out = []
        doc = s.sent.doc
        for m in s.mentions:
            mem = m.resolve(MEMORY)
            if mem is None or m.source == "coref":
                continue
            tok = doc[m.i]
            holders = [(tok, {"for", "in", "inside", "on"})]
            if tok.dep_ == "compound" and tok.head.lower_ in _MEMORY_SPECS:
                holders.append((tok.head, {"of", "on", "for", "in"}))
            if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in _CAPACITY_UNITS:
                holders.append((tok.head.head, {"for", "on", "in", "inside"}))  # "the 80 GB of HBM3 on the H100"
            elif tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
                holders.append((tok.head.head, {"for"}))  # "the supplier of HBM3 for the H100"
            out += self._memory_possessed(s, tok, mem)
            for holder, preps in holders:
                for p in holder.children:
                    if p.dep_ != "prep" or p.lower_ not in preps:
                        continue
                    for o in p.children:
                        if o.dep_ != "pobj" or o.i not in s.by_token:
                            continue
                        chip = s.by_token[o.i].resolve(CHIP)
                        if chip is None:
                            continue
                        for ct, cm in [(o, chip)] + self._conjuncts(s, o, CHIP):
                            c = self._claim(cm.label, "usesMemory", mem.label, p, s.sent, obj_tok=tok, subj_tok=ct,
                                            confidence=0.7, rule="memory-for-chip")
                            if c and c.modality in {"negated", "hypothetical"} and holder.i != tok.i \
                                    and holder.lower_ not in _MEMORY_SPECS | _CAPACITY_UNITS:
                                continue  # "Samsung is not a supplier of HBM3E for the H200": the supplier is
                                # denied, not the memory on the chip
                            if c:
                                out.append(c)
        return out

    def _memory_possessed(self, s: _Sentence, tok: Token, mem) -> list[RawClaim]:
        """"the H100's HBM3", "its HBM2E memory" (its = the chip), "the chip's 80 GB of HBM3"."""
        holder = tok
        if tok.dep_ == "compound" and tok.head.lower_ in _MEMORY_SPECS:
            holder = tok.head
        elif tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ in {"NOUN", "PROPN"}:
            holder = tok.head.head  # "80 GB of HBM3"
        c = possessor(holder, s)
        chip = s.by_token[c.i].resolve(CHIP) if c is not None else None
        if chip is None:
            return []
        claim = self._claim(chip.label, "usesMemory", mem.label, holder, s.sent, obj_tok=tok, subj_tok=c,
                            confidence=0.7, rule="possessed-memory")
        return [claim] if claim else []

    def _memory_supply(self, s: _Sentence) -> list[RawClaim]:
        out = []
        doc = s.sent.doc
        chips = [m for m in s.mentions if m.resolve(CHIP) is not None]
        if not chips:
            return self._supplier_of_that_memory(s)
        for m in s.mentions:
            org = m.resolve(ORG)
            tok = doc[m.i]
            if org is None or m.source == "coref" and org.cls != "MemoryVendor" or org.cls == "Foundry":
                continue  # a foundry may make a memory stack's base die; it supplies no memory
            if m.source == "coref" and m.text.lower() in PRONOUNS and tok.dep_ not in {"poss", "nsubj", "nsubjpass"}:
                continue  # "Micron has said its HBM3E ships in the H200", "it supplies the HBM3E": the vendor
            link = memory_linked(tok, s)
            if link is None:
                continue
            cands = s.candidates(CHIP, trigger=tok, maxd=8)
            if not cands and link.dep_ == "relcl" and link.head.i == tok.i:  # "X, which supplied ... in the H100"
                cands = s.candidates(CHIP, trigger=link, maxd=4)
            if not cands:
                continue
            d, c_tok, chip = cands[0]
            for ct, cm in [(c_tok, chip)] + self._conjuncts(s, c_tok, CHIP):
                if org.cls != "MemoryVendor" and self.gazetteer.vendor_of(cm.label) == org.label:
                    continue  # "Microsoft has not named the memory vendor for the Maia 100": the designer
                c = self._claim(cm.label, "memorySuppliedBy", org.label, link, s.sent, obj_tok=tok, subj_tok=ct,
                                confidence=0.75, rule="memory-supplier")
                if c:
                    out.append(c)
        return out


    def _supplier_of_that_memory(self, s: _Sentence) -> list[RawClaim]:
        """"The H100 carries 80 GB of HBM3. SK hynix is the main supplier of that memory": memory pointed
        at with a demonstrative is the memory of the chip the last sentence or two gave memory to."""
        holder = getattr(self, "_memory_holder", None)
        if holder is None or not s.sent.start - 80 <= holder[0] < s.sent.start:
            return []
        out = []
        doc = s.sent.doc
        for m in s.mentions:
            org = m.resolve(ORG)
            if org is None or org.cls != "MemoryVendor" or m.source == "coref" and m.text.lower() in PRONOUNS:
                continue
            link = memory_linked(doc[m.i], s)
            scope = link.head.subtree if link is not None and link.lower_ in {"by", "from"} else (
                link.subtree if link is not None else ())
            if not any(_pointed_at(t) for t in scope):
                continue
            c = self._claim(holder[1], "memorySuppliedBy", org.label, link, s.sent, obj_tok=doc[m.i],
                            confidence=0.6, rule="supplier-of-that-memory")
            if c:
                out.append(c)
        return out


def _pointed_at(tok: Token) -> bool:
    """"that memory", "those stacks", "this HBM3E": memory named with a demonstrative."""
    return (tok.lower_ in MEMORY_NOUNS or tok.lower_.startswith("hbm")) and any(
        c.dep_ == "det" and c.lower_ in {"that", "this", "those", "these"} for c in tok.children)


_MEMORY_SPECS = frozenset({"capacity", "bandwidth", "stacks", "stack", "memory", "pool", "configuration",
                           "subsystem", "interface", "packages", "modules"})


_SUPPLY_VERBS = frozenset({"supplies", "supplied", "supply", "provides", "provided", "provide", "supplying",
                           "providing"})


def memory_linked(tok: Token, s: _Sentence) -> Token | None:
    """The token that links an organisation to memory ("SK hynix's HBM3E", "HBM by Samsung",
    "SK hynix is the HBM3E supplier"), or None."""
    def is_memory(t: Token) -> bool:
        m = s.by_token.get(t.i)
        if m is not None and m.cls == "MemoryTechnology":
            return True
        return t.lower_ in MEMORY_NOUNS or t.lower_.startswith("hbm")

    head = tok.head
    # coordinated orgs share the link of the first
    while tok.dep_ == "conj" and head != tok:
        tok, head = head, head.head
    if tok.dep_ == "poss" and (is_memory(head) or any(c.dep_ == "compound" and is_memory(c) for c in head.children)):
        return head  # "SK hynix's HBM3E", "its HBM3E stacks"
    if tok.dep_ == "compound" and is_memory(head):
        return head
    if tok.dep_ == "pobj" and head.lower_ in {"by", "from"} and is_memory(head.head):
        return head
    if tok.dep_ == "pobj" and head.lower_ in {"by", "from"}:  # "memory (HBM) by Samsung", attached loosely
        j = head.i - 1
        doc = tok.doc
        while j > s.sent.start and doc[j].text in {")", "(", ","} | {t.text for t in doc[j].sent if False}:
            j -= 1
        if j >= s.sent.start and (is_memory(doc[j]) or doc[j].dep_ == "appos" and is_memory(doc[j].head)):
            return head
    if tok.dep_ == "pobj" and head.lower_ in {"by", "from"} and head.head.lower_ in MEMORY_SUPPLY and (
            any(is_memory(t) for t in head.head.subtree) or head.head.dep_ == "acl" and is_memory(head.head.head)):
        return head.head
    if tok.dep_ == "pobj" and head.lower_ in {"by", "from"} and head.head.pos_ in {"VERB", "AUX"}:
        top = head.head  # "the HBM3 stacks are believed to come from SK hynix"
        while top.dep_ == "xcomp" and top.head.i != top.i:
            top = top.head
        if any(is_memory(t) for t in top.subtree if t.i < head.i):
            return head
        # "carries HBM2E that came largely from Samsung", "rather than HBM bought from SK hynix": the memory's
        # own verb says how sure the supply is (the parser may take "that came from X" for a clause of that verb)
        rel = next((c for c in top.children if c.dep_ in {"nsubj", "nsubjpass", "dobj", "mark"}
                    and c.lower_ in {"that", "which"} and c.i > 0), None)
        memory = top.head if top.dep_ in {"relcl", "acl"} and is_memory(top.head) else \
            tok.doc[rel.i - 1] if rel is not None and is_memory(tok.doc[rel.i - 1]) else None
        if memory is not None:
            return next((a for a in memory.ancestors if a.pos_ in {"VERB", "AUX"}), head)
    if tok.dep_ == "dobj" or tok.dep_ == "pobj" and head.lower_ in {"on", "upon"}:
        for c in (head if tok.dep_ == "dobj" else head.head).children:  # or "relies on SK hynix as its source of"
            # "reports named Samsung as a source of memory for the MI300 series"
            if c.dep_ == "prep" and c.lower_ == "as" and any(
                    p.dep_ == "pobj" and p.lower_ in MEMORY_SUPPLY and any(is_memory(w) for w in p.subtree)
                    for p in c.children):
                return c
            # "analysts expect the Korean company to supply part of the HBM3E"
            if c.dep_ == "xcomp" and c.lower_ in _SUPPLY_VERBS and any(is_memory(w) for w in c.subtree):
                return c
    if tok.dep_ in {"nsubj", "nsubjpass"}:
        verb = head
        verbs = [verb] + [c for c in verb.children if c.dep_ == "xcomp"]
        verbs += [g for v in verbs[1:] for g in v.children if g.dep_ == "xcomp"]
        for v in verbs:  # "SK hynix is (reported to be) the main supplier of the HBM3E"
            for c in v.children:
                if c.dep_ in {"attr", "dobj"} and c.lower_ in MEMORY_SUPPLY and (
                        any(is_memory(t) for t in c.subtree)):
                    return c
        for v in verbs:  # "SK hynix supplies the HBM3", "Micron is understood to supply the rest of the HBM3E"
            if v.lower_ in _SUPPLY_VERBS and any(is_memory(t) for t in v.subtree):
                return v
        m = s.by_token.get(tok.i)
        if m is not None and m.resolve({"MemoryVendor"}) is not None:
            for c in head.children:  # "SK hynix was the main supplier for Nvidia's H100", amid talk of memory
                if c.dep_ == "attr" and c.lower_ in {"supplier", "suppliers", "vendor", "vendors", "source"} \
                        and any(p.dep_ == "prep" and p.lower_ == "for" for p in c.children) and _memory_talk(s):
                    return c
    # "SK hynix, which supplied most of the HBM3 in the H100"
    for c in tok.children:
        if c.dep_ == "relcl" and c.lower_ in _SUPPLY_VERBS and any(
                w.dep_ == "nsubj" and w.lower_ in {"which", "that", "who"} for w in c.children) and any(
                is_memory(t) for t in c.subtree):
            return c
    if tok.dep_ in {"nsubj", "nsubjpass"}:
        verb = head
        verbs = [verb] + [c for c in verb.children if c.dep_ == "xcomp"]
        verbs += [g for v in verbs[1:] for g in v.children if g.dep_ == "xcomp"]
        for v in verbs:  # "Micron began (mass) production of HBM3E for the H200", "to take the largest share of
            #              Rubin's HBM4"
            for c in v.children:
                if c.dep_ in {"dobj", "attr"} and c.lower_ in {"production", "shipments", "shipment", "supply",
                                                              "deliveries", "manufacturing", "output", "sampling",
                                                              "share"} \
                        and any(is_memory(t) for t in c.subtree) and _negation_free(v) and (c.lower_ != "share" or any(
                            t.i in s.by_token and s.by_token[t.i].resolve(CHIP) is not None for t in c.subtree)):
                    return c  # (a share of a chip's memory, not "of the HBM market")
    return None


def _memory_talk(s: _Sentence) -> bool:
    """Memory is named in the sentence or the one before it."""
    doc = s.sent.doc
    start = doc[s.sent.start - 1].sent.start if s.sent.start > 0 else s.sent.start
    return any(t.lower_ in MEMORY_NOUNS or t.lower_.startswith("hbm") or t.ent_type_ == "MemoryTechnology"
               for t in doc[start:s.sent.end])


def _negation_free(verb: Token) -> bool:
    return not any(c.dep_ == "neg" for c in verb.children)


def drop_generic_memory(claims: list[RawClaim]) -> list[RawClaim]:
    """A chip said to use both "HBM" and "HBM3E" uses HBM3E: drop the generic family name (a generation such
    as "HBM3" is no family name of "HBM3E": a chip may carry either, and the text may name both). Only an
    asserted generation replaces the family: one believed or denied ("analysts believe it uses HBM3E") leaves
    the family claim standing, whatever its modality."""
    specific = {(c.subject, key(c.object)) for c in claims if c.predicate == "usesMemory"
                and c.modality == "asserted"}
    out = []
    for c in claims:
        if c.predicate == "usesMemory":
            k = key(c.object)
            if not any(ch.isdigit() for ch in k) and any(  # "HBM" is a family; "HBM3" is no "HBM3E"
                    subj == c.subject and other != k and other.startswith(k) for subj, other in specific):
                continue
        out.append(c)
    return out

