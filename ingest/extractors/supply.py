"""Supply: organisations that get chips by a deal with their maker ("OpenAI has signed supply
agreements with Nvidia, AMD and Broadcom") or are sold, rented or shipped them ("Nvidia shipped H100s to
xAI", "Google rents Anthropic TPUs").

Mixin of :class:`ingest.extractors.relations.RelationExtractor`.
"""

from __future__ import annotations

from spacy.tokens import Token

from ingest.extractors.lexicon import TAKING, forms
from ingest.extractors.syntax import CHIP, CHIPMAKER, ORG, RawClaim, _Sentence


#: Words for a deal, and the verbs that strike one: "signed supply agreements with Nvidia, AMD and Broadcom".
_DEALS = frozenset({"agreement", "agreements", "deal", "deals", "contract", "contracts", "pact", "pacts"})
_STRIKING = frozenset({"signed", "signs", "sign", "signing", "struck", "strikes", "strike", "inked", "inks",
                       "reached", "reaches", "announced", "announces", "has", "have", "had"})


#: Verbs that hand chips to someone: "sells H100s to Meta", "rents Anthropic TPUs", "provides X with Y".
_HANDING = forms("sell|sells|sold|selling|supply|supplies|supplied|supplying|rent|rents|rented|renting|lease|"
                 "leases|leased|leasing|provide|provides|provided|providing|ship|ships|shipped|shipping|deliver|"
                 "delivers|delivered|delivering")
#: Who can be handed chips to use: companies, labs and research centres (not a publisher or a government).
_RECEIVERS = ORG - {"Publisher", "Government", "Foundry", "MemoryVendor"}


def _receivers(verb: Token) -> list[Token]:
    """Who ``verb`` hands its object to: "to Meta", "rents Anthropic TPUs" (dative), "provides Anthropic with"."""
    out = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "to" for o in p.children if o.dep_ == "pobj"]
    out += [c for c in verb.children if c.dep_ == "dative"]
    if any(p.dep_ == "prep" and p.lower_ == "with" for p in verb.children):
        out += [c for c in verb.children if c.dep_ == "dobj"]
    return out


class SupplyRules:
    """Mixin: supply deals with chip makers, and chips handed to their users."""

    def _supplied_to(self, s: _Sentence) -> list[RawClaim]:
        """"Nvidia shipped 10,000 H100s to xAI", "Google rents Anthropic TPUs through Google Cloud", "Amazon
        provides Anthropic with Trainium chips": who receives named chips uses them."""
        out = []
        for verb in s.words(_HANDING):
            if verb.pos_ != "VERB":
                continue
            receivers = _receivers(verb)
            if not receivers:
                continue
            things = [c for c in verb.children if c.dep_ == "dobj"] + [
                o for p in verb.children if p.dep_ == "prep" and p.lower_ == "with" for o in p.children
                if o.dep_ == "pobj"]
            chips = []
            for t in things:
                for x in [t, *t.conjuncts, *(c for c in t.children if c.dep_ in {"compound", "nmod"})]:
                    m = s.by_token.get(x.i)
                    chip = m.resolve(CHIP) if m is not None and m.source != "coref" else None
                    if chip is not None:
                        chips.append((x, chip))
            for r in receivers:
                for r_tok in [r, *r.conjuncts]:
                    m = s.by_token.get(r_tok.i)
                    user = m.resolve(_RECEIVERS) if m is not None and m.source != "coref" else None
                    if user is None:
                        continue
                    for c_tok, chip in chips:
                        if self.gazetteer.vendor_of(chip.label) == user.label:
                            continue
                        c = self._claim(user.label, "usesHardware", chip.label, verb, s.sent, obj_tok=c_tok,
                                        subj_tok=r_tok, confidence=0.6, rule="supplied-to")
                        if c:
                            out.append(c)
        return out

    def _deliveries_taken(self, s: _Sentence) -> list[RawClaim]:
        """"CoreWeave took delivery of the first GB300 NVL72 racks in July", "has taken delivery of X": who
        takes delivery of named chips uses them."""
        out = []
        for noun in s.words(frozenset({"delivery", "deliveries"})):
            verb = noun.head
            if noun.dep_ != "dobj" or verb.lower_ not in TAKING:
                continue
            who = next((c for c in verb.children if c.dep_ == "nsubj" and c.i in s.by_token), None)
            user = s.by_token[who.i].resolve(_RECEIVERS) if who is not None else None
            if user is None:
                continue
            for p in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
                for t in p.subtree:
                    m = s.by_token.get(t.i)
                    chip = m.resolve(CHIP) if m is not None and m.source != "coref" else None
                    if chip is None or self.gazetteer.vendor_of(chip.label) == user.label:
                        continue
                    c = self._claim(user.label, "usesHardware", chip.label, verb, s.sent, obj_tok=t, subj_tok=who,
                                    confidence=0.65, rule="took-delivery")
                    if c:
                        out.append(c)
        return out

    def _supply_deals(self, s: _Sentence) -> list[RawClaim]:
        """"OpenAI has signed supply agreements with Nvidia, AMD and Broadcom": a supply deal with a chip
        designer puts its chips to use (a deal of another kind, "a licensing deal with Arm", does not)."""
        out = []
        for deal in s.words(_DEALS):
            if not any(c.dep_ in {"compound", "amod"} and c.lower_ in {"supply", "chip"}
                                                    for c in deal.children):
                continue
            verb = deal.head if deal.dep_ == "dobj" and deal.head.lower_ in _STRIKING else None
            buyer_tok = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
            buyer = s.by_token[buyer_tok.i].resolve(ORG - {"Publisher", "Investor"}) \
                if buyer_tok is not None and buyer_tok.i in s.by_token else None
            if buyer is None:
                continue
            for w in (o for p in deal.children if p.dep_ == "prep" and p.lower_ == "with" for o in p.children
                      if o.dep_ == "pobj" and o.i in s.by_token):
                for tok, maker in [(w, s.by_token[w.i].resolve(CHIPMAKER))] + self._conjuncts(s, w, CHIPMAKER):
                    if maker is None or maker.label == buyer.label:
                        continue
                    c = self._claim(buyer.label, "usesHardware", maker.label, verb, s.sent, obj_tok=tok,
                                    subj_tok=buyer_tok, confidence=0.6, rule="supply-deal")
                    if c:
                        out.append(c)
        return out


#: "took delivery of", "has taken delivery of", "will take delivery of".
