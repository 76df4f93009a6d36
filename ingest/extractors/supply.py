"""Supply deals: organisations that get chips by a deal with their maker ("OpenAI has signed supply
agreements with Nvidia, AMD and Broadcom").

Mixin of :class:`ingest.extractors.relations.RelationExtractor`.
"""

from __future__ import annotations

from ingest.extractors.syntax import CHIPMAKER, ORG, RawClaim, _Sentence


#: Words for a deal, and the verbs that strike one: "signed supply agreements with Nvidia, AMD and Broadcom".
_DEALS = frozenset({"agreement", "agreements", "deal", "deals", "contract", "contracts", "pact", "pacts"})
_STRIKING = frozenset({"signed", "signs", "sign", "signing", "struck", "strikes", "strike", "inked", "inks",
                       "reached", "reaches", "announced", "announces", "has", "have", "had"})


class SupplyRules:
    """Mixin: supply deals with chip makers."""

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
