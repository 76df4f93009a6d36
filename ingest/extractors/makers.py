"""Makers and families from names: possessives, vendor prefixes, the gazetteer's vendors and families.

Mixin of :class:`ingest.extractors.relations.RelationExtractor`. These rules need no trigger word:
"Huawei's Ascend 950DT" and "Nvidia H100" name the designer, "its 910C chip" the designer through
coreference, "Microsoft's cluster of MI300X accelerators" the operator, "Blackwell HGX B200" the family;
a gazetteer vendor named anywhere in the article is the designer of its products.
"""

from __future__ import annotations

import dataclasses
import re

from spacy.tokens import Doc, Token

from ingest.extractors.entities import CAMEL_NAME, CHIP_NOUNS, MODEL_NOUNS, Mention, _sentence_starts, key
from ingest.extractors.lexicon import ENTERING, SYSTEM_NOUNS, TENTATIVE, TIERS
from ingest.extractors.modality import REPORTING, modality_of
from ingest.extractors.syntax import (
    _HARDWARE_HEADS, BEING, BUILDING, CHIP, MAKER_ORG, MODEL, ORG, RawClaim, _Sentence, before_punctuation,
    _subject_mention, built_for_another, predicate_slot, predicated_of,
)


class MakerRules:
    """Mixin: designers, developers, operators and families read from names and possessives."""

    def _appositive_families(self, doc: Doc, mentions: list[Mention]) -> tuple[list[Mention], list[RawClaim]]:
        """"the WSE-3, the third-generation Wafer Scale Engine that ...": a family name in apposition
        to one of its members describes that member.

        The member is a variant of the family; for every other relation of the
        sentence the appositive stands for the member (what Cerebras unveiled, what
        TSMC fabricates is the WSE-3, not the whole line).
        """
        by_token = {m.i: m for m in mentions}
        out: list[RawClaim] = []
        replaced: dict[int, Mention] = {}
        for m in mentions:
            tok = doc[m.i]
            if m.source == "coref" or m.label is None:
                continue
            if tok.dep_ in {"compound", "amod", "nmod"} and tok.head.lower_ in _GENERIC_PRODUCT_NOUNS \
                    and tok.head.i not in by_token:
                # "the H200, the memory-boosted Hopper part that ...": the family word qualifies a
                # generic noun in apposition to the member (parsed as appos, or loosely after a comma)
                anchor = tok.head
                before = before_punctuation(anchor.left_edge)
                if anchor.dep_ == "appos":
                    head = by_token.get(anchor.head.i)
                elif before is not None and before.i in by_token:
                    head = by_token.get(before.i)
                else:
                    continue
            elif tok.dep_ == "appos":
                head = by_token.get(tok.head.i)
            else:
                continue
            if head is None or head.source == "coref" or head.label is None or head.cls != m.cls \
                    or head.label == m.label:
                continue
            if not self._in_family(head.label, m.label):
                continue
            sent = doc[m.i].sent
            out.append(RawClaim(head.label, "variantOf", m.label, "asserted", "", tok.i, sent.start, 0.75,
                                "appositive-family"))
            replaced[m.i] = dataclasses.replace(m, label=head.label)
        if not replaced:
            return mentions, out
        return [replaced.get(m.i, m) for m in mentions], out

    def _in_family(self, member: str, family: str) -> bool:
        cur = member
        for _ in range(4):
            entry = self.gazetteer.entry_for(cur)
            if entry is None or not entry.family:
                return False
            if entry.family == family:
                return True
            cur = entry.family
        return False

    def _mention_rules(self, s: _Sentence) -> list[RawClaim]:
        out = []
        doc = s.sent.doc
        for tok, m in [(doc[m.i], m) for m in s.mentions] + _whose(s):
            if tok.dep_ != "poss" and not (tok.i + 1 < len(doc) and doc[tok.i + 1].tag_ == "POS"):
                continue
            org = m.resolve(ORG)
            if org is not None and org.cls not in {"Publisher", "Government"}:
                out += self._possessed_fleet(s, tok, org)
            if org is None or org.cls in {"Publisher", "Government"}:
                continue
            head = tok.head if tok.dep_ == "poss" else (doc[tok.i + 2] if tok.i + 2 < len(doc) else tok.head)
            for target_tok, target in self._possessed(s, head):
                pred = "designedBy" if target.cls == "Chip" else "developedBy" if target.cls == "AIModel" else None
                if pred is None:
                    continue
                known = self.gazetteer.vendor_of(target.label)
                parent = known is not None and key(known).startswith(key(org.label))  # Amazon for AWS's chips
                if org.cls not in MAKER_ORG and not parent:  # an investor's or a cloud's product: operated
                    entry = self.gazetteer.entry_for(target.label)
                    system = entry is not None and entry.vendor is None and org.cls == "ResearchOrganization"
                    if pred == "designedBy" and (known or system) and target_tok.i == head.i:
                        # "Argonne National Laboratory's Aurora supercomputer": a laboratory runs its system
                        out.append(RawClaim(org.label, "usesHardware", target.label, "asserted", "", tok.i,
                                            s.sent.start, 0.7, "possessive-operator"))
                    continue
                entry = self.gazetteer.entry_for(target.label)
                if pred == "designedBy" and entry is not None and entry.vendor is None:
                    # a system the gazetteer knows without a maker ("G42's Condor Galaxy 3"): its operator
                    pred = "usesHardware"
                    if org.cls in {"Foundry", "MemoryVendor", "Publisher"}:
                        continue
                    c = RawClaim(org.label, pred, target.label, "asserted", "", tok.i, s.sent.start, 0.75,
                                 "possessive-system")
                    out.append(c)
                    continue
                if known and known != org.label and not parent:
                    # "Microsoft's H100s", "G42's Condor Galaxy 3": bought or operated, not made
                    if pred == "designedBy" and target_tok.i == head.i and org.cls not in {
                            "Foundry", "MemoryVendor", "Publisher", "Government", "Investor"}:
                        out.append(RawClaim(org.label, "usesHardware", target.label, "asserted", "", tok.i,
                                            s.sent.start, 0.7, "possessive-operator"))
                    continue
                if pred == "designedBy" and org.cls == "Foundry" and known != org.label:
                    continue
                c = self._claim(target.label, pred, org.label, tok, s.sent, confidence=0.9,
                                rule="possessive", modality="asserted")
                if c:
                    out.append(c)
        return out

    def _denied_makers(self, s: _Sentence) -> list[RawClaim]:
        """"Baltra is not an Apple product", "Gaudi 3 is not an Nvidia chip": the copula denies the maker (and so
        drops the maker the gazetteer or the name would suggest); "not a TSMC part": not made there."""
        out = []
        for m in s.mentions:
            tok = s.sent.doc[m.i]
            org = m.resolve(ORG) if m.source != "coref" else None
            noun = tok.head
            if org is None or org.cls not in MAKER_ORG or tok.dep_ not in {"compound", "poss", "nmod"} \
                    or noun.dep_ != "attr" or noun.lower_ not in CHIP_NOUNS | MODEL_NOUNS | _MADE_THINGS:
                continue
            copula = noun.head
            if copula.lower_ not in _COPULAS or not any(c.dep_ == "neg" for c in copula.children) \
                    or _not_only(noun) or modality_of(copula)[0] != "negated" or any(
                        c.i != tok.i and c.dep_ not in {"det", "punct", "cc", "conj"} for c in noun.children) \
                    or any(c.dep_ == "advmod" for c in copula.children) or tok.dep_ == "poss":
                continue  # (only a plain "not an Apple product": not "Nvidia's newest chip", "an Nvidia chip you
                #           can still buy new", "not yet an Nvidia product")
                continue  # ("If the H100 were not an Nvidia product", "not just an Nvidia product")
            for subj in (c for c in copula.children if c.dep_ in {"nsubj", "nsubjpass"}):
                named = s.by_token.get(subj.i)
                target = named.resolve(CHIP | MODEL) if named is not None else None
                if target is None:
                    continue
                pred = "developedBy" if target.cls == "AIModel" else \
                    "fabbedBy" if org.cls in {"Foundry", "MemoryVendor"} else "designedBy"  # (a foundry makes)
                out.append(RawClaim(target.label, pred, org.label, "negated", "not", tok.i, s.sent.start, 0.8,
                                    "denied-maker"))
        return out

    def _work_of(self, s: _Sentence) -> list[RawClaim]:
        """"Fugaku-LLM is the work of seven partners: A, B and C", "The chip is the product of a team at X": the
        makers named after "the work / product / creation of"."""
        out = []
        for noun in s.words(_WORK_OF):
            copula = noun.head
            if noun.dep_ != "attr" or copula.lower_ not in _COPULAS:
                continue
            of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            subj = next((c for c in copula.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            named = s.by_token.get(subj.i) if subj is not None else None
            target = named.resolve(CHIP | MODEL) if named is not None else None
            if of is None or target is None:
                continue
            if _not_only(noun):
                continue  # "not just the work of Meta": Meta's, and others'
            pred = "designedBy" if target.cls == "Chip" else "developedBy"
            for t in _makers_listed(of):
                m = s.by_token.get(t.i)
                org = m.resolve(ORG - {"Publisher", "Investor", "Foundry", "MemoryVendor"}) \
                    if m is not None and m.source != "coref" else None
                if org is None:
                    continue  # (a foundry makes what others design: "the work of AMD and TSMC")
                c = self._claim(target.label, pred, org.label, copula, s.sent, obj_tok=t, subj_tok=subj,
                                confidence=0.75, rule="work-of")
                if c:
                    out.append(c)
        return out

    def _owned_fleets(self, s: _Sentence) -> list[RawClaim]:
        """"In 2021 Tesla described a cluster of 5,760 A100 GPUs", "xAI has a fleet of H100s": the
        subject of a verb of having or building, whose object is a cluster of chips, operates them."""
        out = []
        for fleet in s.words(_FLEET_NOUNS):
            verb = fleet.head
            if fleet.dep_ != "dobj" or verb.lower_ not in _OWNING_VERBS:
                continue
            holder = verb.head if verb.dep_ == "xcomp" else verb  # "plan to offer services built on the A100"
            subj = next((c for c in holder.children if c.dep_ == "nsubj" and c.i in s.by_token), None)
            org = s.by_token[subj.i].resolve(ORG) if subj is not None else None
            if org is None:
                continue
            for tok, owner in [(subj, org)] + self._conjuncts(s, subj, ORG):
                if verb.lower_ in BUILDING and built_for_another(s, verb, fleet, owner.label):
                    continue  # "Dell built a cluster of 50,000 H100s for xAI": a builder, not the user
                if owner.cls not in {"Publisher", "Government", "Foundry", "MemoryVendor"}:
                    out += self._possessed_fleet(s, tok, owner, fleet=fleet)
        return out

    def _hosted_systems(self, s: _Sentence) -> list[RawClaim]:
        """"Frontier, the system at Oak Ridge National Laboratory", "Eagle, a Microsoft Azure system",
        "the Aurora supercomputer, installed at Argonne": the place that houses a system operates it."""
        out = []
        for m in s.mentions:
            tok = s.sent.doc[m.i]
            chip = m.resolve(CHIP) if m.source != "coref" else None
            if chip is None:
                continue
            nouns = [tok] + [c for c in tok.children if c.dep_ == "appos" and c.lower_ in SYSTEM_NOUNS]
            if tok.dep_ == "appos" and tok.head.lower_ in SYSTEM_NOUNS:
                nouns.append(tok.head)
            nouns += [n for n in s.sent if n.lower_ in SYSTEM_NOUNS and n.i > tok.i and n not in nouns
                      and (b := before_punctuation(n.left_edge)) is not None and b.i == tok.i]  # set off by a comma
            hosts = []
            for n in nouns:
                if n.i != tok.i:  # "a Microsoft Azure system"
                    hosts += [c for c in n.children if c.dep_ in {"compound", "poss"} and c.i in s.by_token]
                holders = [n] + [a for a in n.children if a.dep_ == "acl" and a.lower_ in _HOUSING_VERBS
                                 or a.dep_ == "relcl" and (a.lower_ in _HOUSING_VERBS or _put_into_service(a))]
                if n.i == tok.i and (tok.dep_ == "nsubj" and tok.head.lower_ in {"is", "was", "sits", "sat"}
                                     or tok.dep_ == "nsubjpass" and tok.head.lower_ in _HOUSING_VERBS):
                    holders.append(tok.head)  # "JUPITER ... is at Forschungszentrum Jülich", "is housed at X"
                if n.i == tok.i and tok.dep_ in {"dobj", "pobj"} and tok.i + 1 < len(tok.doc) \
                        and tok.doc[tok.i + 1].head.i == tok.head.i:  # "power the El Capitan supercomputer at X"
                    hosts += [c for c in tok.doc[tok.i + 1].children if c.dep_ == "pobj" and c.i in s.by_token
                              and tok.doc[tok.i + 1].lower_ == "at"]
                for h in holders:
                    for p in h.children:
                        if p.dep_ == "prep" and p.lower_ == "at" and p.i > 1 and p.doc[p.i - 1].lower_ in {
                                "than", "of", "not"}:
                            continue  # "entered service at ORNL rather than at Argonne": not the other place
                        if p.dep_ == "prep" and p.lower_ == "at" or h.i != n.i and p.dep_ == "agent":
                            hosts += [c for c in p.children if c.dep_ == "pobj" and c.i in s.by_token]
            if any(h.dep_ == "pobj" for h in hosts):  # "Aurora, Intel's delayed supercomputer, is at Argonne":
                hosts = [h for h in hosts if h.dep_ == "pobj"]  # the place, not the possessor (maybe its builder)
            for host in hosts:
                org = s.by_token[host.i].resolve(ORG)
                if org is None or org.cls in {"Publisher", "Foundry", "MemoryVendor", "Investor"} \
                        or self.gazetteer.vendor_of(chip.label) == org.label:
                    continue
                c = self._claim(org.label, "usesHardware", chip.label, host.head, s.sent, obj_tok=tok,
                                subj_tok=host, confidence=0.65, rule="hosted-system")
                if c and c.modality == "hedged" and host.head.i != tok.i:
                    c = dataclasses.replace(c, modality="asserted", cue="")  # an aside in the writer's voice
                if c:
                    out.append(c)
        return out

    def _named_customers(self, s: _Sentence) -> list[RawClaim]:
        """"Nvidia named A, B and C among the early adopters of the platform", "lists X and Y as customers
        for the chip": each organisation named uses the hardware the customers are of."""
        out = []
        for verb in s.words(_NAMING_VERBS):
            if verb.pos_ not in {"VERB", "AUX"}:
                continue
            heads = [verb, verb.head] if verb.dep_ == "acl" else [verb]  # ("Nvidia named A and B as early adopters",
            group = next((p for h in heads for c in h.children if c.dep_ == "prep"  # parsed as a noun phrase)
                          and c.lower_ in {"as", "among"} for p in c.children
                          if p.dep_ == "pobj" and p.lower_ in _CUSTOMER_NOUNS), None)
            obj = next((c for c in verb.children if c.dep_ in {"dobj", "oprd"}), None)
            if group is None or obj is None:
                continue
            hardware = None
            for t in group.subtree:  # "among the early adopters of the Jetson Thor platform"
                m = s.by_token.get(t.i)
                hardware = m.resolve(CHIP) if m is not None else None
                if hardware is not None:
                    break
            if hardware is None and _first_adopters(group):  # "Jetson Thor went on sale ... Nvidia named A, B and
                hardware = self._namers_product_before(s, verb)  # C as early adopters" (not "as its largest customers")
            if hardware is None:
                continue
            if any(t.lower_ in _MANUFACTURING_WORDS for t in group.subtree):
                continue  # "named Microsoft as a customer for its 18A manufacturing process": a foundry's customer
            chain = [obj]
            while len(chain) < 15:  # "A, B, C and D": the chain of conjuncts (through an apposition the parser
                nxt = next((c for c in chain[-1].children if c.dep_ in {"conj", "appos"}), None)  # made of a name
                if nxt is None:  # split in two: "Amazon Robotics, Boston Dynamics, ...")
                    break
                chain.append(nxt)
            for t in chain:
                m = s.by_token.get(t.i)  # ("Amazon Robotics", split by the parser, is not Amazon)
                org = m.resolve(ORG) if m is not None else None
                if org is None or org.cls in {"Publisher", "Government", "Foundry", "MemoryVendor"} \
                        or self.gazetteer.vendor_of(hardware.label) == org.label:
                    continue
                c = self._claim(org.label, "usesHardware", hardware.label, verb, s.sent, obj_tok=group,
                                subj_tok=t, confidence=0.65, rule="named-customers")
                if c:
                    out.append(c)
        return out

    def _namers_product_before(self, s: _Sentence, verb: Token) -> Mention | None:
        """The chip of the naming verb's subject named last in this sentence or the two before ("Jetson Thor
        went on sale. Nvidia named A and B as early adopters": Nvidia's Jetson Thor), or None."""
        namer = _subject_mention(s, verb, ORG)
        if namer is None and verb.dep_ == "acl" and verb.head.i in s.by_token:
            namer = s.by_token[verb.head.i].resolve(ORG)
        if namer is None:
            return None
        doc = s.sent.doc
        starts = [sent.start for sent in doc[:s.sent.start].sents][-2:] if s.sent.start else []
        first = starts[0] if starts else s.sent.start
        at = getattr(self, "_mention_at", {})
        for i in range(verb.i - 1, first - 1, -1):
            m = at.get(i)
            chip = m.resolve(CHIP) if m is not None and m.source != "coref" else None
            if chip is not None and self.gazetteer.vendor_of(chip.label) == namer.label:
                return chip
        return None

    def _customers_of(self, s: _Sentence) -> list[RawClaim]:
        """"Microsoft remains one of Nvidia's largest customers", "Character.AI was already a Google Cloud
        customer", "Anthropic, a longtime AWS customer, ...", "a big customer of AMD": the customer uses the
        hardware of that chip maker or cloud (a foundry's or memory maker's customers are another relation)."""
        out = []
        doc = s.sent.doc
        for i in range(s.sent.start, s.sent.end):
            if self._lowers[i] not in {"customer", "customers", "client", "clients"}:
                continue
            noun = doc[i]
            if noun.pos_ != "NOUN":
                continue
            supplier = None
            for c in noun.children:
                for t in ([c] if c.dep_ in {"poss", "compound"} else
                          [p for p in c.children if p.dep_ == "pobj"] if c.dep_ == "prep" and c.lower_ == "of" else []):
                    m = s.by_token.get(t.i)
                    supplier = (m.resolve(frozenset({"ChipDesigner", "CloudProvider"})) if m is not None else None) \
                        or supplier
            if supplier is None:
                continue
            slot = predicate_slot(noun)
            customer = predicated_of(noun)
            verb = slot.head
            elsewhere = {t.i for c in verb.children if c.dep_ == "conj" and any(
                g.dep_ in {"nsubj", "nsubjpass"} for g in c.children) for t in c.subtree}
            if any(m.source != "coref" and m.cls == "Chip" and m.i not in elsewhere and _within(verb, m.i)
                   and self.gazetteer.vendor_of(m.label) == supplier.label for m in s.mentions):
                continue  # ("one of Nvidia's largest customers, operating thousands of H100 GPUs": the chip says more)
            users = ORG - {"Publisher", "Government"}
            orgs = [(who, m.resolve(users) if (m := s.by_token.get(who.i)) is not None else None)
                    for who in ([customer, *customer.conjuncts] if customer is not None else [])]
            if customer is not None:  # "Both companies remain Nvidia customers": each of the two
                named = {o.label for _w, o in orgs if o is not None}
                orgs += [(t, o) for t, o in self._conjuncts(s, customer, users) if o.label not in named]
            for who, org in orgs:
                if org is None or org.label == supplier.label or org.cls in {"Foundry", "MemoryVendor"}:
                    continue
                c = self._claim(org.label, "usesHardware", supplier.label, noun, s.sent, obj_tok=noun, subj_tok=who,
                                confidence=0.65, rule="customer-of")
                if c:
                    out.append(c)
        return out

    def _providers_of(self, s: _Sentence) -> list[RawClaim]:
        """"Amazon remains its primary training partner", "Anthropic named AWS its primary cloud provider",
        "Anthropic, whose main training partner is Amazon": the company served uses its compute provider's
        hardware (``usesHardware`` with the provider as object), the mirror of :meth:`_customers_of`."""
        out = []
        for noun in s.words(_PROVIDER_NOUNS):
            if noun.pos_ != "NOUN" or not any(c.dep_ in {"compound", "amod"} and c.lower_ in _COMPUTE_WORDS
                                              for c in noun.children):
                continue
            if _for_another_role(noun) or any(a.dep_ == "amod" and a.lower_ in _FORMER for a in noun.children):
                continue  # ("its training partner for talent": another role; "Google Cloud, Anthropic's former cloud
                #           provider": a role that has ended)
            user_tok = next((c for c in noun.children if c.dep_ == "poss"), None)
            slot = predicate_slot(noun)
            provider = predicated_of(noun)
            naming = slot.head.head if slot.dep_ == "pobj" and slot.head.lower_ == "as" else \
                provider.head if provider is not None and provider.dep_ in {"dobj", "oprd"} else None
            if naming is not None and naming.lower_ in _NAMING:  # "named AWS its primary training partner",
                # "named Google Cloud as a preferred cloud provider": the one who names is the one served
                if _for_another_role(naming):
                    continue  # ("named Microsoft its training partner for its recruitment programme")
                provider = next((c for c in naming.children if c.dep_ in {"dobj", "oprd"}), provider)
                user_tok = next((c for c in naming.children if c.dep_ == "nsubj"), None) or (
                    naming.head if naming.dep_ == "acl" else None)
            elif noun.dep_ == "nsubj" and noun.head.lower_ in BEING and user_tok is not None \
                    and user_tok.lower_ == "whose" and noun.head.dep_ == "relcl":
                # "Anthropic, whose main training partner is its investor Amazon"
                attr = next((c for c in noun.head.children if c.dep_ == "attr"), None)
                provider = next((c for c in (attr.children if attr is not None else ()) if c.dep_ == "appos"), attr) \
                    if attr is None or attr.i not in s.by_token else attr
                user_tok = noun.head.head
            if provider is None or user_tok is None:
                continue
            if user_tok.lower_ in {"its", "their"}:  # "Amazon remains its primary training partner, Anthropic
                # said", "the start-up said AWS would become its primary cloud provider": the company whose
                # statement it is, before whatever name the pronoun would find nearest
                speaker = next((c for a in noun.ancestors if a.lower_ in REPORTING for c in a.children
                                if c.dep_ == "nsubj" and c.i in s.by_token), None)
                user_tok = speaker if speaker is not None else user_tok
            pm, um = s.by_token.get(provider.i), s.by_token.get(user_tok.i)
            supplier = pm.resolve(_PROVIDING) if pm is not None and pm.source != "coref" else None
            user = um.resolve(_SERVED) if um is not None else None
            if supplier is None or user is None or supplier.label.split()[0] == user.label.split()[0]:
                continue  # (nor "Amazon" served by "Amazon Web Services": its own cloud)
            trigger = naming if naming is not None and naming.lower_ in _NAMING else noun
            c = self._claim(user.label, "usesHardware", supplier.label, trigger, s.sent, obj_tok=provider,
                            subj_tok=user_tok, confidence=0.6, rule="provider-of")
            if c and c.modality == "asserted" and _no_longer(noun):
                c = dataclasses.replace(c, modality="negated", cue="no longer")
            if c:
                out.append(c)
        return out

    def _launched_chips(self, s: _Sentence) -> list[RawClaim]:
        """"Habana Labs launched Gaudi2", "Etched unveiled Sohu": a chip designer that launches a chip
        under its own name designs it (a cloud that launches instances of someone's chip does not)."""
        out = []
        for verb in s.words(_LAUNCH_VERBS):
            if verb.pos_ != "VERB":
                continue
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.i not in s.by_token:  # "Intel's Habana Labs division launched ..."
                subj = next((c for c in subj.children if c.dep_ == "compound" and c.i in s.by_token), None) \
                    if subj.lower_ in {"division", "unit", "subsidiary", "arm", "business", "team"} else None
            org = s.by_token[subj.i].resolve(ORG) if subj is not None else None
            if org is None or org.cls not in {"ChipDesigner", "Organization"}:
                continue
            for obj in (c for c in verb.children if c.dep_ == "dobj"):
                for t in [obj, *obj.conjuncts, *(c for c in obj.children if c.dep_ == "appos")]:
                    m = s.by_token.get(t.i)
                    chip = m.resolve(CHIP) if m is not None and m.source != "coref" else None
                    if chip is None:
                        continue
                    known = self.gazetteer.vendor_of(chip.label)
                    parent = next((s.by_token[c.i].resolve(ORG) for c in subj.children
                                   if c.dep_ == "poss" and c.i in s.by_token), None)
                    if known and known != org.label and (parent is None or parent.label != known) \
                            and not s.by_token[subj.i].text.startswith(f"{known}'s "):
                        continue  # "Supermicro launched H100 servers": Nvidia's chip; "Intel's Habana" is Intel's
                    c = self._claim(chip.label, "designedBy", org.label, verb, s.sent, obj_tok=subj, subj_tok=t,
                                    confidence=0.65, rule="launched-chip")
                    if c and c.modality in {"asserted", "hedged"}:
                        out.append(dataclasses.replace(c, modality="asserted", cue=""))
        return out

    def _possessed_fleet(self, s: _Sentence, tok: Token, org: Mention, *, fleet: Token | None = None
                         ) -> list[RawClaim]:
        """"Microsoft's cluster of 10,000 MI300X accelerators": the possessor operates the chips."""
        if fleet is None:
            system = s.by_token.get(tok.head.i)
            system = system.resolve(CHIP) if system is not None and system.source != "coref" else None
            named_fleet = system is not None and tok.head.lower_.split()[-1] in _FLEET_NOUNS | SYSTEM_NOUNS
            if tok.dep_ != "poss" or tok.head.lower_ not in _FLEET_NOUNS and not named_fleet:
                return []  # "Microsoft's cluster of ...", "its Colossus supercomputer runs on ..."
            fleet = tok.head
        out = []
        preps = [p for p in fleet.children if p.dep_ == "prep" and p.lower_ in {"of", "with"}]
        preps += [c for c in fleet.children if c.dep_ == "compound" and c.i in s.by_token  # "Argonne's Aurora
                  and c.i != tok.i]                                                        # supercomputer"
        parts, trigger = list(fleet.children), fleet
        if fleet.dep_ in {"nsubjpass", "nsubj"} and fleet.head.lower_ in _COMPOSED | _RUNS_ON:
            trigger = fleet.head  # "Meta's two clusters are built from Nvidia H100 GPUs"
            parts.append(trigger)
        elif fleet.dep_ == "nsubj" and fleet.head.lower_ in _SIZED and fleet.lower_ in _FLEET_NOUNS:
            trigger = fleet.head  # "Its main training cluster, Cortex, reached about 50,000 Nvidia H100s"
            preps += [c for c in trigger.children if (c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ == "to"
                                                      and trigger.lower_ in {"grew", "grows", "grown"})
                      and not any(t.dep_ == "poss" for t in c.subtree)]  # (not "the size of Meta's cluster")
        for part in parts:  # "clusters, each built from 24,576 H100s", "both of which are built from"
            if part.dep_ in {"acl", "relcl", "advcl"} and part.lower_ in _COMPOSED or part.i == trigger.i != fleet.i:
                preps += [p for p in part.children if p.dep_ in {"prep", "agent"}
                          and p.lower_ in {"from", "with", "around", "on", "of", "by", "upon"}]
        for p in preps:
            for t in p.subtree:
                m = s.by_token.get(t.i)
                chip = m.resolve(CHIP) if m is not None else None
                if chip is None or m.source == "coref" or self.gazetteer.vendor_of(chip.label) == org.label:
                    continue
                c = self._claim(org.label, "usesHardware", chip.label, trigger, s.sent, obj_tok=t, subj_tok=tok,
                                confidence=0.7, rule="possessed-fleet")
                if c:
                    out.append(c)
        return out

    def _possessed(self, s: _Sentence, head: Token) -> list[tuple[Token, Mention]]:
        """The model/chip a possessive is about: the head itself, or via apposition / copula."""
        m = s.by_token.get(head.i)
        if m is not None and m.source != "coref":
            r = m.resolve(CHIP | MODEL)
            # "Nvidia's GB300 and AMD's MI350 accelerators": a conjunct with a possessor of its own is not this one's
            return [(head, r)] + [(t, o) for t, o in self._conjuncts(s, head, CHIP | MODEL) if not any(
                g.dep_ == "poss" for g in (*t.children, *(t.head.children if t.dep_ in {"compound", "nmod"} else ())))
            ] if r else []
        low = head.lower_
        if low not in CHIP_NOUNS | MODEL_NOUNS | {"family", "line", "series", "flagship", "product",
                                                  "products", "lineup", "generation", "offering"}:
            return []
        found = []
        for c in head.children:  # "Zhipu's newest release, GLM-5"
            if c.dep_ == "appos" and c.i in s.by_token:
                found.append(c)
        if head.dep_ == "appos" and head.head.i in s.by_token:  # "GLM-5, Zhipu's newest release"
            found.append(head.head)
        if head.dep_ == "attr":  # "The GB100 == NVIDIA's latest accelerator"
            for c in head.head.children:
                if c.dep_ in {"nsubj", "nsubjpass"} and c.i in s.by_token:
                    found.append(c)
        if head.dep_ == "nsubj" and head.head.lemma_ == "be":  # "Tenstorrent's current chip is Wormhole"
            found += [c for c in head.head.children if c.dep_ == "attr" and c.i in s.by_token]
        for c in head.children:  # "its Trainium and Inferentia chips": names qualifying the possessed noun
            if c.dep_ in {"compound", "nmod", "amod"} and c.i in s.by_token:
                found += [c, *c.conjuncts]
        out = []
        for t in found:
            m = s.by_token.get(t.i)
            r = m.resolve(CHIP | MODEL) if m is not None and m.source != "coref" else None
            if r is not None and all(r.label != o.label for _t, o in out):
                out.append((t, r))
        return out

    def _vendor_rules(self, doc: Doc, mentions: list[Mention]) -> list[RawClaim]:
        """Vendor prefixes ("Nvidia H100"), gazetteer vendors named in the article, family names in a name."""
        out = []
        named = [m for m in mentions if m.source != "coref"]
        labels = {m.label for m in named}
        sent_of = _sentence_starts(doc) if named else []
        sent_labels: dict[int, set[str]] = {}
        for m in named:
            sent_labels.setdefault(sent_of[m.i], set()).add(m.label)
        first: dict[str, Mention] = {}
        for m in named:
            first.setdefault(m.label, m)
        classes_named: dict[str, set[str]] = {}
        for m in named:
            classes_named.setdefault(m.cls, set()).add(m.label)
        org_labels = sorted({m.label for m in named if m.cls in MAKER_ORG}, key=len, reverse=True)
        parents: dict[str, str | None] = _ParentIndex(org_labels)
        for m in named:
            if m.cls not in {"Chip", "AIModel"}:
                continue
            pred = "designedBy" if m.cls == "Chip" else "developedBy"
            entry = self.gazetteer.entry_for(m.label)
            vendor = entry.vendor if entry else None
            tok = doc[m.i]
            sent = sent_of[m.i]
            if vendor is None and m.source == "shape":
                continue
            prefix_org = self._prefix_org(m.text, vendor)
            if prefix_org is not None:
                out.append(RawClaim(m.label, pred, prefix_org, "asserted", "", tok.i, sent, 0.9,
                                    "vendor-prefix"))
            elif vendor and vendor in labels:
                out.append(RawClaim(m.label, pred, vendor, "asserted", "", tok.i, sent, 0.7,
                                    "gazetteer-vendor"))
            elif vendor and parents[vendor]:
                # the maker's parent is the one the article names: "Google" for Google DeepMind's Gemini
                out.append(RawClaim(m.label, pred, parents[vendor], "asserted", "", tok.i, sent, 0.65,
                                    "gazetteer-vendor-parent"))
            surface_key = key(m.text)
            if prefix_org is not None:
                surface_key = surface_key[len(self._prefix_len(m.text, prefix_org)):]
            label_key = key(m.label)
            for fam in self._families_in(surface_key, label_key, entry):
                out.append(RawClaim(m.label, "variantOf", fam, "asserted", "", tok.i, sent,
                                    0.8, "family-name"))
            family = entry.family if entry else None
            if family and family != m.label and family in sent_labels.get(sent, ()) and \
                    not key(m.label).startswith(key(family)):
                # "Hopper-generation H100": the family is named next to its member
                out.append(RawClaim(m.label, "variantOf", family, "asserted", "", tok.i, sent, 0.6, "family-in-sentence"))
            if family and family in labels and (_extends(m.label, family, m.cls) or (
                    m.label not in self.gazetteer.entries and CAMEL_NAME.match(m.label)
                    and m.label.endswith(family))):  # "CodeGemma"
                out.append(RawClaim(m.label, "variantOf", family, "asserted", "", tok.i, sent,
                                    0.75, "family-name"))
            for other in sorted(classes_named.get(m.cls, ())):  # "Gemini 1.0 Ultra" and "Gemini 1.0" both named
                if other != family and other != m.label and _named_member(m.label, other, m.cls):
                    out.append(RawClaim(m.label, "variantOf", other, "asserted", "", tok.i, sent,
                                        0.7, "name-extends"))
        return _nearest_families(out, classes_named.get("AIModel", set()))

    def _prefix_org(self, surface: str, vendor: str | None) -> str | None:
        """The organisation a name starts with ("Nvidia H100" -> NVIDIA), if it makes the product.

        The vendor itself, or an organisation the vendor's name starts with
        ("Google Gemini", vendor Google DeepMind -> Google).
        """
        words = surface.split()
        for n in range(min(3, len(words) - 1), 0, -1):
            entry = self.gazetteer.lookup(" ".join(words[:n]))
            if entry is None or entry.cls not in ORG:
                continue
            if vendor is None or entry.label == vendor or key(vendor).startswith(key(entry.label)):
                return entry.label
            return None
        return None

    def _prefix_len(self, surface: str, org: str) -> str:
        words = surface.split()
        for n in range(min(3, len(words) - 1), 0, -1):
            entry = self.gazetteer.lookup(" ".join(words[:n]))
            if entry is not None and entry.label == org:
                return key(" ".join(words[:n]))
        return ""

    def _families_in(self, surface_key: str, label_key: str, entry) -> list[str]:
        """Family names inside a mention that are not part of its label ("Blackwell HGX B200")."""
        if not hasattr(self, "_family_keys"):
            fams = {e.family for e in self.gazetteer.entries.values() if e.family}
            self._family_keys = {}
            for f in sorted(fams):
                fe = self.gazetteer.get(f)
                for n in [f, *(fe.aliases if fe else ())]:
                    k = key(n)
                    if len(k) >= 4:
                        self._family_keys.setdefault(k, f)
        own = entry.label if entry else None
        cache = self.__dict__.setdefault("_families_seen", {})  # (names repeat within and across articles)
        seen_key = (surface_key, label_key, own, entry.cls if entry else None)
        known = cache.get(seen_key)
        if known is not None:
            return list(known)
        out = []
        for k, fam in self._family_keys.items():
            if fam != own and k in surface_key and k not in label_key and fam not in out:
                fe = self.gazetteer.get(fam)
                if fe is not None and entry is not None and fe.cls == entry.cls:
                    out.append(fam)
        if len(cache) < 50_000:
            cache[seen_key] = tuple(out)
        return out


_FLEET_NOUNS = frozenset({"cluster", "clusters", "supercomputer", "supercomputers", "fleet", "fleets",
                          "farm", "farms", "pod", "pods", "deployment", "deployments", "installation",
                          "stockpile", "stock", "inventory", "order", "orders", "purchase", "purchases",
                          "services", "instances", "capacity"})


_OWNING_VERBS = frozenset({"has", "have", "had", "operates", "operate", "operated", "runs", "run", "ran", "owns",
                           "owned", "built", "builds", "build", "described", "describes", "assembled", "installed",
                           "completed", "unveiled", "switched", "brought", "stood", "disclosed", "detailed",
                           "revealed", "offer", "offers", "offered", "offering", "provide", "provides", "rent",
                           "rents", "launched", "launches"})
#: Verbs by which a maker brings out its own product: "Habana launched Gaudi2".
_LAUNCH_VERBS = frozenset({"launched", "launches", "launch", "unveiled", "unveils", "unveil", "introduced",
                           "introduces", "introduce", "announced", "announces", "debuted", "debuts", "previewed",
                           "previews", "released", "releases", "shipped", "ships", "detailed", "details"})
#: Verbs that name customers: "Nvidia named A and B among the early adopters", "lists X as a customer".
_NAMING_VERBS = frozenset({"named", "names", "name", "listed", "lists", "list", "counted", "counts", "count",
                           "cited", "cites", "included", "includes"})
_CUSTOMER_NOUNS = frozenset({"customers", "customer", "adopters", "users", "buyers", "clients", "licensees"})
_RUNS_ON = frozenset({"runs", "run", "ran"})


def _first_adopters(group: Token) -> bool:
    """"as early adopters", "among the first customers", "as launch partners": the first users of a product
    just put on sale (no "of"/"for" phrase of its own, no "potential")."""
    return not any(c.dep_ == "prep" for c in group.children) and (group.lower_ in {"adopters", "adopter"} or any(
        c.dep_ == "amod" and c.lower_ in {"early", "first", "launch", "initial"} for c in group.children)) and not any(
        c.lower_ in TENTATIVE for c in group.children)
#: Words of making chips, not using them: "a customer for its 18A manufacturing process".
_MANUFACTURING_WORDS = frozenset({"process", "processes", "node", "nodes", "manufacturing", "foundry", "fab", "fabs",
                                  "packaging", "production"})
#: Verbs that give the size of a cluster in chips: "the cluster reached 50,000 H100s", "grew to 200,000 GPUs".
_SIZED = frozenset({"reached", "reaches", "grew", "grows", "grown", "totals", "totalled", "totaled", "numbers",
                    "numbered", "comprises", "comprised", "spans", "spanned"})
#: "its primary training partner", "a preferred cloud provider": a company that supplies another's compute.
_PROVIDER_NOUNS = frozenset({"partner", "partners", "provider", "providers"})
_COMPUTE_WORDS = frozenset({"cloud", "training", "compute", "computing", "infrastructure"})
#: Verbs by which a company names its provider: "Anthropic named AWS its primary training partner".
_NAMING = frozenset({"named", "names", "name", "naming", "picked", "chose", "selected", "designated", "made", "makes"})
#: Who can supply compute: clouds, chip makers and the large companies that own clouds ("Amazon", "Google").
_PROVIDING = ORG - {"Publisher", "Government", "Foundry", "MemoryVendor"}
#: What a compute provider is "for": "its primary cloud provider for its most important workloads".
_WORK_NOUNS = frozenset({"workloads", "workload", "training", "inference", "models", "model", "compute", "computing",
                         "capacity", "research", "services", "products", "chips", "hardware", "infrastructure"})
#: What a provider is no more: "Anthropic's former cloud provider".
_FORMER = frozenset({"former", "previous", "erstwhile", "ex", "onetime", "one-time"})
#: Who is served: labs and other companies, not a chip maker (whose "training partner" is a customer).
_SERVED = ORG - {"Publisher", "Government", "ChipDesigner", "Foundry", "MemoryVendor"}
def _put_into_service(verb: Token) -> bool:
    """"which went into service at CSCS", "which entered service at Jülich last year": a system started up at a
    place (the place runs it)."""
    return verb.lower_ in ENTERING and any(
        t.lower_ == "service" and t.head.head.i == verb.i or t.dep_ == "dobj" and t.lower_ == "service"
        for t in verb.subtree if t.head.i in {verb.i, *(c.i for c in verb.children)})


_HOUSING_VERBS = frozenset({"installed", "housed", "located", "based", "hosted", "operated", "run", "deployed",
                            "sited"})
_COMPOSED = frozenset({"built", "powered", "based", "made", "consisting", "composed", "assembled", "equipped",
                       "running", "packed"})
_GENERIC_PRODUCT_NOUNS = frozenset({"part", "chip", "accelerator", "gpu", "processor", "model", "design",
                                    "product", "member", "variant", "version", "refresh", "update"})
_TIERS = frozenset(t.lower() for t in TIERS)  # compared lower-cased


class _ParentIndex(dict):
    """``vendor -> the organisation of the article whose name the vendor's name extends`` ("Google
    DeepMind" -> "Google", "AWS Annapurna Labs" -> "AWS"), computed on demand; None when there is none."""

    def __init__(self, org_labels: list[str]):
        super().__init__()
        self._orgs = org_labels

    def __missing__(self, vendor: str) -> str | None:
        k = key(vendor)
        found = next((o for o in self._orgs if o != vendor and len(key(o)) >= 3 and k.startswith(key(o))), None)
        self[vendor] = found
        return found


def _not_only(noun: Token) -> bool:
    """"not just / only / solely / merely an Nvidia product": more than that, not other than that."""
    return any(c.lower_ in {"just", "only", "solely", "merely", "simply", "purely"} and c.dep_ == "advmod"
               for c in (*noun.children, *noun.head.children))


def _makers_listed(of: Token) -> list[Token]:
    """The names the "of" phrase lists as makers: its object, its conjuncts and appositions ("seven partners:
    A, B and C"), not names inside a clause or a possessive ("the result of TSMC's packaging")."""
    heads = [c for c in of.children if c.dep_ == "pobj"]
    out = []
    for h in heads:
        for t in (h, *h.conjuncts):
            out.append(t)
            for a in (c for c in t.children if c.dep_ == "appos"):
                out += [a, *a.conjuncts]
                out += [g for x in (a, *a.conjuncts) for g in x.children if g.dep_ == "appos"]
    # ("the Tokyo Institute of Technology, Tohoku University": a list's first name hung on the second)
    out += [g for t in list(out) for g in t.children if g.dep_ == "nmod" and g.i + 1 < len(g.doc)
            and g.doc[g.i + 1].text == ","]
    return out


#: Nouns that call a product the fruit of its makers' labour: "the work of seven partners".
_WORK_OF = frozenset({"work", "product", "creation", "brainchild", "result", "fruit"})
#: Nouns for what a maker puts out, besides chip and model nouns: "not an Apple product / design".
_MADE_THINGS = frozenset({"product", "products", "design", "designs", "part", "creation", "release"})
_COPULAS = frozenset({"is", "was", "are", "were", "be", "been", "'s", "isn't", "wasn't"})


def _whose(s: _Sentence) -> list[tuple[Token, Mention]]:
    """"Google, whose Gemini models ...": each possessive "whose" with the name its clause is about."""
    out = []
    for tok in s.words({"whose"}):
        if tok.dep_ != "poss":
            continue
        cur = tok
        while cur.dep_ != "relcl" and cur.head.i != cur.i:
            cur = cur.head
        if cur.dep_ == "relcl" and cur.head.i in s.by_token:
            out.append((tok, s.by_token[cur.head.i]))
    return out


def _splits_a_tier(member: str, family: str) -> bool:
    """"Gemini 2.0 Flash-Lite" is no "Gemini 2.0 Flash" plus "Lite": a hyphenated tier is one tier."""
    low = member.lower()
    return any(low.endswith(" " + t) and family.lower() != low[:-len(t) - 1] for t in _TIERS if "-" in t)


def _nearest_families(claims: list[RawClaim], models: set[str]) -> list[RawClaim]:
    """Of the families a model's name extends, the nearest: "Phi-3-mini-128k-instruct" is a version of
    "Phi-3-mini" when the article names both, not of "Phi-3" as well (a chip stays in each line it extends:
    the GB300 is a Blackwell part and a Blackwell Ultra one)."""
    by_name: dict[str, set[str]] = {}
    for c in claims:
        if c.predicate == "variantOf" and c.rule in {"family-name", "name-extends"} and c.subject in models:
            by_name.setdefault(c.subject, set()).add(c.object)

    def farther(c: RawClaim) -> bool:
        if c.predicate != "variantOf" or c.rule not in {"family-name", "name-extends"}:
            return False
        me = key(c.object)
        return any(len(key(o)) > len(me) and key(o).startswith(me) for o in by_name.get(c.subject, ()))

    return [c for c in claims if not farther(c)]


def _extends(member: str, family: str, cls: str = "AIModel") -> bool:
    """``"Ascend 950PR"`` extends ``"Ascend 950"``; ``"DeepSeek-V4-Pro"`` extends ``"DeepSeek-V4"``."""
    if _splits_a_tier(member, family):
        return False
    m, f = member.replace("-", " ").lower(), family.replace("-", " ").lower()  # "Kimi-K2-Base" / "Kimi K2"
    if not m.startswith(f) or len(member) == len(family):
        return False
    rest = member[len(family):].lstrip(" -")
    if rest.lower() in _TIERS:  # "Rubin Ultra", "Claude 3 Opus", "Gemini 2.0 Flash"
        return True
    if cls == "AIModel" and re.fullmatch(r"(?:\d+(?:\.\d+)?[BMT]|\d+B\d)(?:-A\d+(?:\.\d+)?[BMT])?", rest, re.IGNORECASE):
        return True  # "Llama 3.1 405B", "Qwen3-30B-A3B", "gpt-oss-120b", "BLOOM-7b1" (a chip's "910B" is no size)
    if cls == "AIModel" and re.fullmatch(r"\d{4}", rest) and member[len(family)] == "-":
        return True  # "DeepSeek-R1-0528", "Mistral-Large-2407": a dated snapshot
    if cls == "AIModel" and re.fullmatch(r"[A-Z][a-z]{2,}", rest):
        return True  # "Amazon Nova Micro", "Amazon Nova Canvas": a named member of the line
    words = rest.lower().replace("-", " ").split()
    if cls == "AIModel" and any(_MODEL_SUFFIX.fullmatch(w) for w in words) \
            and all(w in _TIERS or _MODEL_SUFFIX.fullmatch(w) for w in words):
        return True  # "Phi-3-mini-128k-instruct": a context length and a tier
    if not any(ch.isdigit() for ch in family):
        return False
    return bool(rest) and rest[0].isalpha() and len(rest) <= 8


def _named_member(member: str, family: str, cls: str) -> bool:
    """Two names of the article where one is the other plus a separated tier or size:
    "Gemini 1.0 Ultra" / "Gemini 1.0", "Kimi-K2-Base" / "Kimi K2" — never "GPT-4o" / "GPT-4"."""
    m, f = member.replace("-", " ").lower(), family.replace("-", " ").lower()
    if not m.startswith(f + " ") or _splits_a_tier(member, family):
        return False
    rest = m[len(f) + 1:]
    if rest in _TIERS or rest.replace(" ", "-") in _TIERS:
        return True
    # "Llama 3.1 405B", "Qwen3-30B-A3B", "Phi-3-mini-128k-instruct": sizes, context lengths and tiers
    return cls == "AIModel" and all(w in _TIERS or _MODEL_SUFFIX.fullmatch(w) for w in rest.split())


#: Words a model's own name adds to its family's: a size, an active size, a context length ("128k").
_MODEL_SUFFIX = re.compile(r"a?\d+(?:\.\d+)?[bmt]|\d+k")


def describes_a_member(tok: Token) -> bool:
    """"the first Llama model", "the largest Qwen model": the name only classifies an unnamed member
    (not "its first GB200 NVL72 system", "the largest H100 cluster": units of the hardware named)."""
    if tok.dep_ not in {"compound", "nmod", "amod"} or tok.head.lower_ not in MODEL_NOUNS | CHIP_NOUNS \
            or tok.head.lower_ in _HARDWARE_HEADS:
        return False
    return any(c.dep_ in {"amod", "advmod"} and (c.tag_ in {"JJS", "RBS"} or c.lower_ in {
        "first", "second", "third", "last", "next", "only", "biggest", "largest", "smallest"})
        for c in tok.head.children)


#: Things a model family's name brands that are no models: "Meta's Llama website", "every Claude plan".
_BRANDED_THINGS = frozenset({"website", "websites", "site", "sites", "plan", "plans", "licence", "licences", "license",
                             "licenses", "brand", "subscription", "subscriptions", "account", "accounts"})


def brands_a_service(m, tok: Token) -> bool:
    """"Meta's Llama website", "every Claude plan", "earlier Llama licences": a model family's name used as a
    brand for something that is no model names no model."""
    head = tok
    while head.dep_ in {"compound", "nmod"} and head.head.i != head.i:
        head = head.head
    return (m.cls == "AIModel" and m.source != "coref" and not any(ch.isdigit() for ch in m.label or "")
            and head.i != tok.i and head.lower_ in _BRANDED_THINGS)


def prefer_makers(claims: list[RawClaim]) -> list[RawClaim]:
    """A maker named by a possessive or a brand prefix is a fact: put it before a negated reading of it."""
    strong = {(c.subject, c.predicate, c.object) for c in claims
              if c.predicate in {"designedBy", "developedBy"} and c.rule in {"possessive", "vendor-prefix"}}
    first = [c for c in claims if (c.subject, c.predicate, c.object) in strong and c.modality == "asserted"
             and c.rule in {"possessive", "vendor-prefix"}]
    seen = {(c.subject, c.predicate, c.object) for c in first}
    head = []
    for c in first:  # one strong claim per triple goes first
        k = (c.subject, c.predicate, c.object)
        if k in seen:
            head.append(c)
            seen.discard(k)
    return head + [c for c in claims if c not in head]


def _within(head: Token, i: int) -> bool:
    """Whether token ``i`` is in the subtree of ``head``."""
    return head.left_edge.i <= i <= head.right_edge.i


def _for_another_role(word: Token) -> bool:
    """A "for" phrase on ``word`` names a role other than compute: "a training partner for talent" (not "a cloud
    provider for its most important workloads")."""
    return any(p.dep_ == "prep" and p.lower_ == "for" and not any(o.lower_ in _WORK_NOUNS for o in p.children)
               for p in word.children)


def _no_longer(noun: Token) -> bool:
    """"Google Cloud is no longer Anthropic's cloud provider" (not "no longer its exclusive cloud provider":
    still one of them): the copula over ``noun`` says "no longer" of the role itself."""
    verb = noun.head if noun.dep_ in {"attr", "appos"} else None
    return verb is not None and not any(c.lower_ in {"exclusive", "sole", "only"} for c in noun.children) and any(
        c.dep_ == "advmod" and c.lower_ == "longer" and any(d.lower_ == "no" for d in c.children)
        for c in verb.children)
