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
raised the round (the funding focus); those rules live in :mod:`ingest.extractors.funding`,
and the tree helpers in :mod:`ingest.extractors.syntax`.
"""

from __future__ import annotations

import dataclasses
import re

from spacy.tokens import Doc, Span, Token

from ingest.extractors import register
from ingest.extractors.entities import (
    CHIP_NOUNS, MEMORY_NOUNS, MODEL_NOUNS, Gazetteer, Mention, _sentence_starts,
    default_gazetteer, key,
)
from ingest.extractors.funding import FUNDING_NOUNS, INVESTOR_NOUNS, FundingRules, _investor_link  # noqa: F401
from ingest.extractors.modality import HEDGES, clause_chain, modality_of
from ingest.extractors.syntax import (  # noqa: F401  (re-exported for callers of this module)
    CHIP, CHIPMAKER, LICENSE, MAKER_ORG, MEMORY, MODEL, ORG, RawClaim, TreeIndex, _Sentence, _mention_index,
    _subject_mention, forms, in_same_clause, tree_distance,
)


PRE_TRAIN = forms("pre-train|pre-trained|pre-training|pre-trains|pretrain|pretrained|pretraining|pretrains")
POST_TRAIN = forms("post-train|post-trained|post-training|post-trains|posttrained|posttraining|"
                   "fine-tuned|fine-tuning|finetuned|finetuning|post-tuned|post-tuning")
TRAIN = forms("train|trained|training|trains")
RUN = forms("run|runs|ran|running|serve|served|serves|serving|deploy|deployed|deploys|deploying|"
            "support|supports|supported|supporting|host|hosted|hosts|hosting|optimized|optimised|"
            "adapted|adaptation|compatible|inference")
USE_HW = forms("use|uses|used|using|buy|buys|bought|buying|purchase|purchased|purchases|order|ordered|"
               "orders|operate|operates|operated|operating|rent|rents|rented|lease|leased|leases|rely|"
               "relies|relied|relying|acquire|acquired|acquires|stockpile|stockpiled|installed|deployed|"
               "deploys|deploy|deploying|customer|customers|buyer|buyers|user|users|tap|taps|tapped|procure|"
               "procured|procures|runs|run|ran|running|built|build|builds|powered|powers|evaluating|"
               "evaluates|testing|tests|adopted|adopts|adopt|assembled|assembles|assemble|assembling")
FAB = forms("fabbed|fab|fabs|fabricated|fabricate|fabricates|fabricating|fabrication|manufactured|"
            "manufacture|manufactures|manufacturing|made|make|makes|making|produced|produce|produces|"
            "producing|production|built|build|builds|building|node|nodes|process|die|dies|foundry|"
            "taped|tapes|tape-out|wafers|wafer")
DESIGN = forms("designed|designs|design|designer|designing|developed|develops|develop|developer|made|"
               "maker|sells|sold|sell|from|behind|builds")
DEVELOP = forms("developed|develops|develop|developer|developers|developing|built|builds|build|created|"
                "creates|create|trained|trains|released|releases|release|launched|launches|launch|"
                "open-sourced|unveiled|unveils|introduced|introduces|published|publishes|announced|"
                "announces|behind|from|maker|makers|debuted|shipped|ships")
MEM_USE = forms("with|uses|use|used|using|features|feature|featuring|featured|carries|carry|carrying|"
                "pairs|paired|pairing|packs|packed|integrates|integrated|integrating|equipped|packaging|"
                "packages|packaged|co-packaged|sports|offers|includes|include|including|has|have|had|"
                "boasts|memory|stacks|stacked|in|on|adopts|adopted|adopt|relies|rely|on|keeps|kept|retains|"
                "retained")
RELEASE = forms("released|releases|release|launched|launches|launch|launching|shipped|ships|ship|"
                "shipping|open-sourced|open-sources|open-source|debuted|debut|debuts|available|arrive|"
                "arrives|arrived|rolled|rollout|slated|scheduled|due|expected|published|unveiled|unveils|"
                "unveil|unveiling|introduced|introduces|previewed|previews|announced|announces|debuting")
COMPARE = forms("competitive|comparable|times|twice|double|triple|"
                "than|compete|competes|competing|compared|compare|compares|comparison|rival|rivals|"
                "rivaling|rivalling|outperform|outperforms|outperformed|beat|beats|beating|match|"
                "matches|matched|matching|trails|trail|trailed|eclipsed|eclipses|eclipse|par|over|"
                "performance|percent|half|fraction|behind|against|versus|surpasses|surpassed|exceeds|"
                "exceeded|edges|lags|lagging")
SUCCESSOR = forms("successor|succeeds|succeeded|succeed|replaces|replaced|replacing|replace|first|last|"
                  "follow-up|follows|followed|follow|upgrade|predecessor|before|previous|prior|"
                  "previous-generation|previous-gen|last-gen|last-generation|older|newer|first-generation|"
                  "first-gen|original")
VARIANT = forms("variant|variants|version|versions|member|members|flavor|flavour|edition|editions|"
                "flagship|part|sibling|derivative|iteration|derived")
LICENSE_WORDS = forms("under|licensed|license|licence|licenses|released|covers|covered|cover|governs|"
                      "governed|uses|use|used|ships|distributed|carries|comes|come|terms")
MEMORY_SUPPLY = forms("supplier|suppliers|supplies|supplied|supply|supplying|provider|providers|"
                      "provides|provided|provide|providing|vendor|maker|makes|made|by|from|sourced|"
                      "sources|source")
_COMPARATIVE_TAGS = frozenset({"JJR", "RBR"})
_ALL_TRIGGERS = (PRE_TRAIN | POST_TRAIN | TRAIN | RUN | USE_HW | FAB | DESIGN | DEVELOP | MEM_USE | LICENSE_WORDS
                 | RELEASE | COMPARE | SUCCESSOR | VARIANT | forms("came|come|comes|coming"))


@register("kg.relations.v1")
class RelationExtractor(FundingRules):
    """Extract relation claims from a parsed doc and its mentions.

    Parameters
    ----------
    gazetteer : the entity gazetteer (vendors and families come from it)
    """

    def __init__(self, gazetteer: Gazetteer | None = None):
        self.gazetteer = gazetteer if gazetteer is not None else default_gazetteer()
        self._focus: str | None = None
        self.raisers: dict[int, str] = {}
        self._published: str | None = None

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
        mentions = [m for m in mentions if not _describes_a_member(doc[m.i])]
        self._focus: str | None = None
        self.raisers: dict[int, str] = {}  # sentence start -> the organisation raising money in it
        tree = TreeIndex(doc)
        self._lowers = [t.lower_ for t in doc]
        by_sent: dict[int, list[Mention]] = {}
        sent_of = _sentence_starts(doc)
        self._org_counts: dict[str, int] = {}
        self._models_seen = [m for m in mentions if m.source != "coref" and m.cls == "AIModel" and m.label]
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
            out += self._mention_rules(s)
            out += self._trigger_rules(s, dates)
            out += self._memory_supply(s)
            out += self._memory_for(s)
            out += self._funding(s, dates, published)
        out += self._vendor_rules(doc, mentions)
        out += _labs_use_training_hardware(out)
        return _prefer_makers(_drop_generic_memory(_dedupe(out)))

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
            if m.source == "coref" or m.label is None or tok.dep_ != "appos":
                continue
            head = by_token.get(tok.head.i)
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

    # ------------------------------------------------------------------ helpers
    def _claim(self, subj: str, pred: str, obj: str, trigger: Token, sent: Span, *, obj_tok=None,
               subj_tok=None, confidence=0.8, rule="", modality=None) -> RawClaim | None:
        if subj == obj:
            return None
        if modality is None:
            modality, cue = modality_of(trigger, obj_tok, subj_tok)
            if modality is None:
                return None
            if modality == "asserted" and pred in {"releasedOn", "fundedIn"}:
                if trigger.lower_ in HEDGES:
                    modality, cue = "hedged", trigger.lower_
                elif any(c.lower_ in {"will", "'ll", "shall"} and c.dep_ == "aux"
                         for t in clause_chain(trigger)[:3] for c in t.children):
                    modality, cue = "hedged", "will"  # a scheduled event is not a fact yet
                elif self._published and isinstance(obj, str) and obj[:4].isdigit() and _after(obj, self._published):
                    modality, cue = "hedged", "future date"
        else:
            cue = ""
        return RawClaim(subj, pred, obj, modality, cue, trigger.i, sent.start, confidence, rule)

    @staticmethod
    def _conjuncts(s: _Sentence, tok: Token, classes) -> list[tuple[Token, Mention]]:
        out = []
        for c in tok.conjuncts:
            m = s.by_token.get(c.i)
            if m is not None:
                r = m.resolve(classes)
                if r is not None:
                    out.append((c, r))
        # "including Khosla Ventures, Altimeter Capital and Fidelity": appositions of the list head
        return out

    @staticmethod
    def _alternatives(s: _Sentence, o_tok: Token, classes, trig: Token, taken) -> list[tuple[Token, Mention]]:
        """Objects set against the chosen one: "X rather than Y", "not by X but by Y", "by X and by Y"."""
        from ingest.extractors.modality import _object_negated

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
    def _mention_rules(self, s: _Sentence) -> list[RawClaim]:
        out = []
        doc = s.sent.doc
        for m in s.mentions:
            tok = doc[m.i]
            if tok.dep_ != "poss" and not (tok.i + 1 < len(doc) and doc[tok.i + 1].tag_ == "POS"):
                continue
            org = m.resolve(ORG)
            if org is not None and org.cls not in {"Publisher", "Government"}:
                out += self._possessed_fleet(s, tok, org)
            if org is None or org.cls not in MAKER_ORG:
                continue
            head = tok.head if tok.dep_ == "poss" else (doc[tok.i + 2] if tok.i + 2 < len(doc) else tok.head)
            for target_tok, target in self._possessed(s, head):
                pred = "designedBy" if target.cls == "Chip" else "developedBy" if target.cls == "AIModel" else None
                if pred is None:
                    continue
                known = self.gazetteer.vendor_of(target.label)
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
                if known and known != org.label:
                    continue  # "Microsoft's H100s" are bought, not made, by Microsoft
                if pred == "designedBy" and org.cls == "Foundry" and known != org.label:
                    continue
                c = self._claim(target.label, pred, org.label, tok, s.sent, confidence=0.9,
                                rule="possessive", modality="asserted")
                if c:
                    out.append(c)
        return out

    def _possessed_fleet(self, s: _Sentence, tok: Token, org: Mention) -> list[RawClaim]:
        """"Microsoft's cluster of 10,000 MI300X accelerators": the possessor operates the chips."""
        if tok.dep_ != "poss" or tok.head.lower_ not in _FLEET_NOUNS:
            return []
        fleet = tok.head
        out = []
        for p in fleet.children:
            if p.dep_ != "prep" or p.lower_ not in {"of", "with"}:
                continue
            for t in p.subtree:
                m = s.by_token.get(t.i)
                chip = m.resolve(CHIP) if m is not None else None
                if chip is None or m.source == "coref" or self.gazetteer.vendor_of(chip.label) == org.label:
                    continue
                c = self._claim(org.label, "usesHardware", chip.label, fleet, s.sent, obj_tok=t, subj_tok=tok,
                                confidence=0.7, rule="possessed-fleet")
                if c:
                    out.append(c)
        return out

    def _possessed(self, s: _Sentence, head: Token) -> list[tuple[Token, Mention]]:
        """The model/chip a possessive is about: the head itself, or via apposition / copula."""
        m = s.by_token.get(head.i)
        if m is not None and m.source != "coref":
            r = m.resolve(CHIP | MODEL)
            return [(head, r)] + self._conjuncts(s, head, CHIP | MODEL) if r else []
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
        # "the flagship variant of DeepSeek's V4 family" : possessed family is the mention before "family"
        out = []
        for t in found:
            r = s.by_token[t.i].resolve(CHIP | MODEL)
            if r is not None and s.by_token[t.i].source != "coref":
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
            if family and family in labels and _extends(m.label, family):
                out.append(RawClaim(m.label, "variantOf", family, "asserted", "", tok.i, sent,
                                    0.75, "family-name"))
        return out

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
            for f in fams:
                fe = self.gazetteer.get(f)
                for n in [f, *(fe.aliases if fe else ())]:
                    k = key(n)
                    if len(k) >= 4:
                        self._family_keys.setdefault(k, f)
        out = []
        own = entry.label if entry else None
        for k, fam in self._family_keys.items():
            if fam != own and k in surface_key and k not in label_key and fam not in out:
                fe = self.gazetteer.get(fam)
                if fe is not None and entry is not None and fe.cls == entry.cls:
                    out.append(fam)
        return out

    # ------------------------------------------------------------------ trigger rules
    def _trigger_rules(self, s: _Sentence, dates) -> list[RawClaim]:
        out = []
        doc = s.sent.doc
        lowers = self._lowers
        for i in range(s.sent.start, s.sent.end):
            low = lowers[i]
            if low not in _ALL_TRIGGERS:
                continue
            tok = doc[i]
            if tok.dep_ in {"pcomp", "pobj"} and tok.head.lower_ in {"about", "regarding", "whether"}:
                continue  # "a statement about running V4 on Ascend" names a topic, states nothing
            if low in PRE_TRAIN:
                out += self._cross(s, tok, "preTrainedOn", MODEL, CHIP | CHIPMAKER, maxd=6, conf=0.85)
            elif low in POST_TRAIN:
                out += self._cross(s, tok, "postTrainedOn", MODEL, CHIP, maxd=6, conf=0.85)
            elif low in TRAIN and tok.pos_ in {"VERB", "NOUN"}:
                out += self._cross(s, tok, "trainedOn", MODEL, CHIP | CHIPMAKER, maxd=5, conf=0.75)
            if (low in TRAIN or low in PRE_TRAIN or low in POST_TRAIN) and tok.pos_ == "VERB":
                # "DeepSeek trained V3 on 2,048 H800s": the lab used that hardware
                # (not training there says nothing about using that hardware for other work)
                out += [c for c in self._cross(s, tok, "usesHardware", ORG - {"Publisher", "Government"}, CHIP,
                                               maxd=4, conf=0.65, vendor_check=True) if c.modality != "negated"]
            if low in RUN and self._runs_trigger(tok):
                out += self._cross(s, tok, "runsOn", MODEL, CHIP, maxd=4, conf=0.7)
            if low in USE_HW and tok.pos_ in {"VERB", "NOUN"}:
                out += self._cross(s, tok, "usesHardware", ORG - {"Publisher"}, CHIP | CHIPMAKER, maxd=4,
                                   conf=0.65, vendor_check=True)
            if low in FAB:
                out += self._fab(s, tok)
            if low in DESIGN and (tok.pos_ in {"VERB", "NOUN"} or low in {"from", "behind"}):
                out += self._cross(s, tok, "designedBy", CHIP, MAKER_ORG - {"Foundry"}, maxd=3, conf=0.7,
                                   vendor_check="designer")
            if low in DEVELOP and (tok.pos_ in {"VERB", "NOUN"} or low in {"from", "behind"}):
                out += self._cross(s, tok, "developedBy", MODEL, MAKER_ORG - {"Foundry", "MemoryVendor"},
                                   maxd=3, conf=0.7, vendor_check="designer")
            if low in MEM_USE:
                out += self._cross(s, tok, "usesMemory", CHIP, MEMORY, maxd=5, conf=0.7)
            if low in LICENSE_WORDS:
                found = self._cross(s, tok, "licensedUnder", MODEL, LICENSE, maxd=5, conf=0.8)
                out += found or self._licence_of_topic(s, tok)
            if low in RELEASE or (low in {"came", "come", "comes", "coming"} and any(
                    c.dep_ == "prt" and c.lower_ == "out" for c in tok.children)) or (
                    low in {"followed", "follows"} and tok.pos_ == "VERB"
                    and not any(c.dep_ in {"dobj", "agent"} for c in tok.children)
                    and any(c.dep_ == "nsubj" for c in tok.children)):  # "X came out in May", "Y followed in June"
                out += self._dated(s, tok, "releasedOn", CHIP | MODEL, dates)
            if low in COMPARE and not (low in {"rival", "rivals"} and tok.pos_ == "NOUN"):
                out += self._compare(s, tok)
            if low in SUCCESSOR:
                out += self._successor(s, tok)
            if low in VARIANT:
                out += self._variant(s, tok)
        return out

    def _licence_of_topic(self, s: _Sentence, trig: Token) -> list[RawClaim]:
        """"The weights are distributed under X": the licence of the model the article is about.

        Only when the sentence names no model and the licensed thing is a generic
        word for a model's release ("the weights", "its sizes", "the model"); the
        model is the one the article names most often before this sentence.
        """
        if any(m.resolve(MODEL) is not None for m in s.mentions):
            return []
        lic = s.candidates(LICENSE, trigger=trig, maxd=3)
        if not lic:
            return []
        verb = trig if trig.pos_ in {"VERB", "AUX"} else trig.head
        subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is None:
            return []
        generic = subj.lower_ in _RELEASE_NOUNS or (
            subj.lower_ in {"most", "all", "some", "many", "each"} and any(
                p.lower_ == "of" and any(o.lower_ in _RELEASE_NOUNS for o in p.children) for p in subj.children))
        if not generic:
            return []
        counts = self._model_counts_before(s.sent.start)
        if not counts:
            return []
        _d, l_tok, licence = lic[0]
        named = [label for label in counts if key(licence.label).startswith(key(label))]
        if named:  # "the Llama 3.1 Community License" names its model
            topic = max(named, key=len)
        else:  # the most frequent, then the first named
            first = list(counts)
            topic = max(counts, key=lambda label: (counts[label], -first.index(label)))
        c = self._claim(topic, "licensedUnder", licence.label, trig, s.sent, obj_tok=l_tok, confidence=0.6,
                        rule="licence-of-topic")
        return [c] if c else []

    def _model_counts_before(self, start: int) -> dict[str, int]:
        counts: dict[str, int] = {}
        for m in self._models_seen:
            if m.i >= start:
                break
            counts[m.label] = counts.get(m.label, 0) + 1
        return counts

    @staticmethod
    def _runs_trigger(tok: Token) -> bool:
        """"runs on", "serves", "supports" — but not the light verb of "ran post-training"."""
        if tok.dep_ == "amod":
            return False
        if tok.lower_ in {"inference", "adaptation"}:
            return any(c.dep_ == "prep" and c.lower_ in {"on", "to", "for"} for c in tok.children)
        if tok.pos_ not in {"VERB", "ADJ"}:
            return False
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
        subs = s.candidates(subj_cls, trigger=trig, maxd=maxd)
        objs = s.candidates(obj_cls, trigger=trig, maxd=maxd)
        if pred == "usesHardware":  # the organisation is the user: subject or possessor of the verb
            subs = [x for x in subs if _is_agent(x[1], trig)] or _quantified_relative(s, trig, subj_cls)
        if obj_cls & ORG:  # "on NVIDIA hardware": an organisation stands for its chips only then
            objs = [x for x in objs if x[2].cls not in ORG or _hardware_maker(x[1])]
        extra = _relativised(s, trig, obj_cls) if pred == "usesHardware" and trig.dep_ == "relcl" else []
        objs = extra + objs
        if not subs or not objs:
            return []
        out = []
        d_s, s_tok, subj = subs[0]
        picked_objs = []
        for d_o, o_tok, obj in objs:
            if obj.label == subj.label or s_tok == o_tok:
                continue
            picked_objs.append((d_o, o_tok, obj))
            break
        if not picked_objs:
            return []
        d_o, o_tok, obj = picked_objs[0]
        subj_all = [(s_tok, subj)] + self._conjuncts(s, s_tok, subj_cls)
        obj_all = [(o_tok, obj)] + self._conjuncts(s, o_tok, obj_cls)
        obj_all += self._alternatives(s, o_tok, obj_cls, trig, obj_all)
        obj_all += [(t, m) for _d, t, m in extra[1:] if m.label not in {x[1].label for x in obj_all}]
        for st, sm in subj_all:
            for ot, om in obj_all:
                if sm.label == om.label:
                    continue
                if vendor_check:
                    if pred == "usesHardware":
                        chip_vendor = self.gazetteer.vendor_of(om.label)
                        if chip_vendor == sm.label or sm.cls in {"Foundry", "MemoryVendor"} and om.cls == "Chip" \
                                and chip_vendor != sm.label and trig.lower_ in {"used", "uses", "use", "using"}:
                            continue
                        if om.cls in ORG and om.cls not in CHIPMAKER:
                            continue
                    elif vendor_check == "designer":
                        known = self.gazetteer.vendor_of(sm.label)
                        if known and known != om.label:
                            continue
                        if trig.lower_ in {"made", "maker", "built", "builds"} and om.cls == "Foundry":
                            continue
                c = self._claim(sm.label, pred, om.label, trig, s.sent, obj_tok=ot, subj_tok=st,
                                confidence=round(conf - 0.03 * max(d_s, d_o), 2), rule=f"trigger:{trig.lower_}")
                if c and c.modality in {"negated", "hypothetical"} and pred in {"developedBy", "designedBy"} \
                        and trig.lower_ not in _MAKING_VERBS:
                    continue  # "Meta did not release X under Y" does not deny that Meta made X
                if c:
                    out.append(c)
        return out

    def _fab(self, s: _Sentence, trig: Token) -> list[RawClaim]:
        if trig.lower_ in {"process", "node", "nodes"} and not _process_node(trig):
            return []
        if trig.lower_ in {"die", "dies", "wafer", "wafers"} and not any(
                c.dep_ in {"compound", "poss", "nmod"} and c.i in s.by_token for c in trig.children):
            return []
        chips = s.candidates(CHIP, trigger=trig, maxd=5)
        orgs = [x for x in s.candidates(ORG - {"Publisher", "Government", "Investor"}, trigger=trig, maxd=4)
                if not _memory_linked(x[1], s)]
        if not chips or not orgs:
            return []
        d_c, c_tok, chip = chips[0]
        vendor = self.gazetteer.vendor_of(chip.label)
        ok = [x for x in orgs if x[2].label != vendor or x[2].cls == "Foundry"]
        if not ok:
            return []
        d_o, o_tok, org = ok[0]
        if org.cls not in {"Foundry", "MemoryVendor", "Organization"}:
            return []
        if org.cls != "Foundry" and trig.lower_ in {"made", "make", "makes", "making", "built", "build",
                                                    "builds", "building", "process", "production"}:
            return []
        out = []
        org_all = [(o_tok, org)] + self._conjuncts(s, o_tok, ORG)
        org_all += self._alternatives(s, o_tok, ORG, trig, org_all)
        for ct, cm in [(c_tok, chip)] + self._conjuncts(s, c_tok, CHIP):
            for ot, om in org_all:
                if om.label == self.gazetteer.vendor_of(cm.label) and om.cls != "Foundry":
                    continue
                c = self._claim(cm.label, "fabbedBy", om.label, trig, s.sent, obj_tok=ot, subj_tok=ct,
                                confidence=round(0.8 - 0.03 * (d_c + d_o), 2), rule=f"trigger:{trig.lower_}")
                if c:
                    out.append(c)
        return out

    def _dated(self, s: _Sentence, trig: Token, pred: str, subj_cls, dates) -> list[RawClaim]:
        date_toks = [(s.tree.distance(trig.i, i), i, iso) for i, (iso, span) in dates.items()
                     if s.sent.start <= i < s.sent.end]
        date_toks = [x for x in date_toks if x[0] <= 3 and not _as_of(s.sent.doc[x[1]])]
        if not date_toks:
            return []
        both = next((c for c in trig.children if c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in {"both", "all"}),
                    None)
        if both is not None and (trig.dep_ in {"advcl", "acl", "relcl", "appos"} or trig.dep_ == "conj" and not any(
                c.dep_ in {"aux", "auxpass"} for c in trig.children)):
            # "replaces the H100 and H200, both introduced in 2023": each of the coordinated names before
            return self._dated_group(s, trig, pred, subj_cls, both, date_toks, dates)
        subs = s.candidates(subj_cls, trigger=trig, maxd=4)
        if not subs:
            return []
        subs = _released_things(s, trig, subs, subj_cls)
        if not subs:
            return []
        date_toks.sort()
        _, date_i, iso = date_toks[0]
        iso = _future_if_present_tense(iso, trig, dates[date_i][1], self._published)
        d_s, s_tok, subj = subs[0]
        out = []
        for st, sm in [(s_tok, subj)] + self._conjuncts(s, s_tok, subj_cls):
            c = self._claim(sm.label, pred, iso, trig, s.sent, subj_tok=st, confidence=0.8, rule=f"trigger:{trig.lower_}")
            if c:
                out.append(c)
        return out

    def _dated_group(self, s: _Sentence, trig: Token, pred: str, subj_cls, both: Token, date_toks, dates):
        """The coordinated names just before "both"/"all", each dated by the participle after it."""
        doc = s.sent.doc
        last = None
        for j in range(both.i - 1, s.sent.start - 1, -1):
            m = s.by_token.get(j)
            if m is not None and m.source != "coref" and m.resolve(subj_cls) is not None:
                last = doc[j]
                break
        if last is None:
            return []
        first = last
        while first.dep_ == "conj" and first.head != first:
            first = first.head
        group = [(first, s.by_token[first.i].resolve(subj_cls))] if first.i in s.by_token else []
        group += self._conjuncts(s, first, subj_cls)
        group = [(t, m) for t, m in group if m is not None]
        if len(group) < 2:
            return []
        date_toks.sort()
        _, date_i, iso = date_toks[0]
        iso = _future_if_present_tense(iso, trig, dates[date_i][1], self._published)
        out = []
        for st, sm in group:
            c = self._claim(sm.label, pred, iso, trig, s.sent, subj_tok=st, confidence=0.7,
                            rule=f"trigger:{trig.lower_}:group")
            if c:
                out.append(c)
        return out

    def _same_class_pair(self, s: _Sentence, trig: Token, *, inverse=False, maxd=5):
        """(subject, object) of a same-class relation: the mention before the trigger and the one after."""
        for classes in (CHIP, MODEL):
            cands = s.candidates(classes, trigger=trig, maxd=maxd)
            before = [x for x in cands if x[1].i < trig.i]
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
            if not (trig.head.tag_ in _COMPARATIVE_TAGS or trig.head.lower_ in {"more", "less", "fewer"}
                    or any(c.tag_ in _COMPARATIVE_TAGS or c.lower_ in {"more", "less", "fewer"} for c in trig.head.children)
                    or any(t.tag_ in _COMPARATIVE_TAGS and trig in t.subtree for t in trig.ancestors)):
                return []
        if low == "over" and not any(t.lower_ in {"gains", "gain", "improvement", "advantage", "lead", "boost", "speedup", "uplift"} for t in [trig.head]):
            return []
        if low in {"percent", "half", "fraction", "times", "twice", "double", "triple"} and not any(
                t.lower_ == "of" for t in trig.doc[trig.i:min(trig.sent.end, trig.i + 8)]):
            return []  # "twice the memory of X", "60 percent of the performance of X"
        if low == "performance" and not any(c.dep_ == "prep" and c.lower_ == "of" for c in trig.children):
            return []
        if low == "behind" and trig.pos_ != "ADV" and trig.head.lower_ not in {"lags", "trails", "falls", "is", "remains"}:
            return []
        pair = self._same_class_pair(s, trig)
        if not pair:
            return []
        (d_s, s_tok, subj), (d_o, o_tok, obj) = pair
        if trig.pos_ == "VERB":  # "X outperforms Y and matches Z": the verb's own subject
            own = _subject_mention(s, trig, frozenset({obj.cls}))
            if own is not None and own.label != obj.label:
                subj = own
        out = []
        for ot, om in [(o_tok, obj)] + self._conjuncts(s, o_tok, CHIP | MODEL):
            if om.cls != subj.cls or om.label == subj.label:
                continue
            c = self._claim(subj.label, "comparedTo", om.label, trig, s.sent, obj_tok=ot, subj_tok=s_tok,
                            confidence=0.7, rule=f"trigger:{low}")
            if c:
                out.append(c)
        return out

    def _successor(self, s: _Sentence, trig: Token) -> list[RawClaim]:
        low = trig.lower_
        doc = s.sent.doc
        if low in {"first", "previous", "prior", "last"} and trig.i + 1 < s.sent.end:
            # "first-generation" / "previous generation" split into several tokens
            nxt = [t.lower_ for t in doc[trig.i + 1:min(s.sent.end, trig.i + 3)]]
            if nxt[:1] == ["generation"] or nxt[:2] in (["-", "generation"], ["-", "gen"]):
                low = {"first": "first-generation", "last": "last-generation"}.get(low, "previous-generation")
            elif low in {"first", "last"}:
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
        if low == "before" and not any(t.lower_ in {"generation", "gen"} for t in [trig.head, *trig.head.children]):
            return []
        if low in {"follows", "followed", "follow"} and not any(t.lower_ in {"successor", "generation"} for t in trig.sent) \
                and not any(c.dep_ == "dobj" and c.i in s.by_token for c in trig.children):
            return []
        inverse = low in {"predecessor", "before"}
        pair = self._same_class_pair(s, trig, inverse=inverse)
        if not pair:
            return []
        (d_s, s_tok, subj), (d_o, o_tok, obj) = pair
        if subj.cls != obj.cls:
            return []
        c = self._claim(subj.label, "successorOf", obj.label, trig, s.sent, obj_tok=o_tok, subj_tok=s_tok,
                        confidence=0.7, rule=f"trigger:{low}")
        out = [c] if c else []
        if not inverse and o_tok.i > trig.i:  # "X succeeds A and B": each conjunct is a predecessor
            for ot, om in self._conjuncts(s, o_tok, CHIP | MODEL):
                if om.cls != subj.cls or om.label in {subj.label, obj.label}:
                    continue
                c = self._claim(subj.label, "successorOf", om.label, trig, s.sent, obj_tok=ot, subj_tok=s_tok,
                                confidence=0.7, rule=f"trigger:{low}")
                if c:
                    out.append(c)
        return out

    def _variant(self, s: _Sentence, trig: Token) -> list[RawClaim]:
        if trig.lower_ == "derived":
            return self._derived(s, trig)
        if not any(c.dep_ == "prep" and c.lower_ in {"of", "in", "within"} for c in trig.children):
            return []
        pair = self._same_class_pair(s, trig, maxd=4)
        if not pair:
            return []
        (d_s, s_tok, subj), (d_o, o_tok, obj) = pair
        if subj.cls != obj.cls:
            return []
        c = self._claim(subj.label, "variantOf", obj.label, trig, s.sent, obj_tok=o_tok, subj_tok=s_tok,
                        confidence=0.75, rule=f"trigger:{trig.lower_}")
        return [c] if c else []

    def _derived(self, s: _Sentence, trig: Token) -> list[RawClaim]:
        """"Derived from the Hopper architecture, it keeps ...", "X is derived from Y": X is a variant of Y."""
        src = next((o for p in trig.children if p.dep_ == "prep" and p.lower_ == "from"
                    for o in p.children if o.dep_ == "pobj" and o.i in s.by_token), None)
        if src is None:
            return []
        subj_tok = next((c for c in trig.children if c.dep_ == "nsubjpass"), None)
        if subj_tok is None and trig.dep_ in {"advcl", "acl"} and trig.tag_ == "VBN":
            holder = trig.head  # the clause the participle opens, or the noun it describes
            subj_tok = holder if trig.dep_ == "acl" else next(
                (c for c in holder.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
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

    # ------------------------------------------------------------------ memory suppliers
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
            if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
                holders.append((tok.head.head, {"for"}))  # "the supplier of HBM3 for the H100"
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
                            if c:
                                out.append(c)
        return out

    def _memory_supply(self, s: _Sentence) -> list[RawClaim]:
        out = []
        doc = s.sent.doc
        chips = [m for m in s.mentions if m.resolve(CHIP) is not None]
        if not chips:
            return out
        for m in s.mentions:
            org = m.resolve(ORG)
            tok = doc[m.i]
            if org is None or m.source == "coref" and (tok.dep_ != "poss" or org.cls != "MemoryVendor"):
                continue  # "Micron has said its HBM3E ships in the H200": a possessive pronoun may name the vendor
            link = _memory_linked(tok, s)
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


def _quantified_relative(s: _Sentence, verb: Token, classes) -> list:
    """"Microsoft and Meta, both of which already deploy X": the names before "both of which"."""
    doc = verb.doc
    for q in verb.children:
        if q.dep_ != "nsubj" or q.lower_ not in {"both", "all", "each", "many", "most", "some", "several"}:
            continue
        if not any(p.lower_ == "of" and any(w.lower_ in {"which", "whom"} for w in p.children) for p in q.children):
            continue
        j = q.i - 1
        while j > s.sent.start and doc[j].is_punct:
            j -= 1
        if j not in s.by_token:
            return []
        first = doc[j]
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


def _describes_a_member(tok: Token) -> bool:
    """"the first Llama model", "the largest Qwen model": the name only classifies an unnamed member."""
    if tok.dep_ not in {"compound", "nmod", "amod"} or tok.head.lower_ not in MODEL_NOUNS | CHIP_NOUNS:
        return False
    return any(c.dep_ in {"amod", "advmod"} and (c.tag_ in {"JJS", "RBS"} or c.lower_ in {
        "first", "second", "third", "last", "next", "only", "biggest", "largest", "smallest"})
        for c in tok.head.children)


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


def _released_things(s: _Sentence, trig: Token, subs, classes):
    """The candidates for what a release verb released, best first.

    "it previewed a reasoning model, R1-Lite-Preview": an active verb with an
    object released the object, so its subject (a pronoun resolved to some
    model) is not what was released. "Trillium, the sixth-generation TPU unveiled
    in May": a generic name in apposition stands for the name it describes.
    """
    def direct_object(tok: Token) -> bool:
        cur = tok
        for _ in range(3):
            if cur.dep_ == "dobj" and cur.head.i == trig.i:
                return True
            if cur.dep_ not in {"appos", "conj"}:
                return False
            cur = cur.head
        return False

    if trig.dep_ == "acl" and trig.tag_ == "VBN":  # "its cloud service, launched in August, serves X"
        noun = trig.head
        named = s.by_token.get(noun.i)
        if named is None or named.resolve(classes) is None:
            appos_of = s.by_token.get(noun.head.i) if noun.dep_ == "appos" else None
            if appos_of is None or appos_of.resolve(classes) is None:
                return []  # a participle about a thing that is no model or chip
    has_object = any(c.dep_ == "dobj" for c in trig.children)
    out = []
    for d, tok, m in subs:
        if has_object and tok.dep_ == "nsubj" and tok.head.i == trig.i:
            continue  # the releaser, not the released
        if tok.dep_ == "appos" and tok.head.i in s.by_token and (tok.i < trig.i or trig.head.i == tok.i):
            head = s.by_token[tok.head.i].resolve(classes)
            if head is not None and head.cls == m.cls and s.by_token[tok.head.i].source != "coref":
                tok, m = tok.head, head
        out.append((0 if direct_object(tok) else 1, d, tok, m))
    out.sort(key=lambda x: (x[0], x[1]))
    return [(d, tok, m) for _p, d, tok, m in out]


def _as_of(date_tok: Token) -> bool:
    """A date introduced by "as of" is when something was true, not when it happened."""
    doc = date_tok.doc
    span = dates_span_start(date_tok)
    return span >= 2 and doc[span - 2].lower_ == "as" and doc[span - 1].lower_ == "of"


def dates_span_start(tok: Token) -> int:
    """The first token of the date phrase ``tok`` belongs to."""
    if tok.ent_type_ == "DATE":
        i = tok.i
        while i > 0 and tok.doc[i - 1].ent_type_ == "DATE" and tok.doc[i].ent_iob_ != "B":
            i -= 1
        return i
    return tok.i


def _process_node(tok: Token) -> bool:
    """ "5nm process node", "a TSMC 4 nanometer (nm) process", "N3 process": a manufacturing process."""

    window = tok.doc[max(tok.sent.start, tok.i - 6):tok.i + 2].text
    return bool(re.search(r"\d+\s*-?\s*(?:nm|nanometer|nanometre)|\bN\d\w?\b|\b\d+N\b|process node|node", window))


def _is_agent(tok: Token, verb: Token) -> bool:
    """``tok`` is the subject (or the "by" agent, or the possessor) of ``verb``."""
    if tok.dep_ in {"nsubj"} and (tok.head.i == verb.i or verb.dep_ in {"xcomp", "conj"} and tok.head.i == verb.head.i):
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ == "by" and tok.head.head.i == verb.i:
        return True
    if tok.dep_ == "poss" and tok.head.i == verb.i:
        return True
    if tok.dep_ == "nsubj" and verb.dep_ == "attr" and tok.head.i == verb.head.i:  # "X is a customer of Y"
        return True
    if tok.dep_ == "nsubj" and verb.dep_ == "pobj" and verb.head.head.i == tok.head.i:  # "X is among the buyers"
        return True
    cur = tok
    while cur.dep_ == "conj" and cur.head.i != cur.i:
        cur = cur.head
    if cur.dep_ == "pobj" and cur.head.lower_ in {"including", "like", "as"}:  # "customers including X"
        group = cur.head.head
        if group.lower_ in {"customers", "buyers", "users", "companies", "firms", "labs", "clouds",
                            "hyperscalers", "operators", "such"} and (
                group.dep_ in {"nsubj", "nsubjpass"} and group.head.i == verb.i):
            return True
    return False


def _hardware_maker(tok: Token) -> bool:
    """An organisation named for its hardware: "NVIDIA hardware", "Nvidia's GPUs", "chips from AMD"."""
    head = tok.head
    if tok.dep_ in {"compound", "poss", "nmod", "amod"} and head.lower_ in CHIP_NOUNS | {"hardware", "silicon", "gpus", "chips"}:
        return True
    if tok.dep_ == "pobj" and head.lower_ in {"from", "by"} and head.head.lower_ in CHIP_NOUNS | {"hardware", "silicon"}:
        return True
    return False


def _extends(member: str, family: str) -> bool:
    """``"Ascend 950PR"`` extends ``"Ascend 950"``; ``"DeepSeek-V4-Pro"`` extends ``"DeepSeek-V4"``."""
    if not member.lower().startswith(family.lower()) or len(member) == len(family):
        return False
    if not any(ch.isdigit() for ch in family):
        return False
    rest = member[len(family):].lstrip(" -")
    if re.fullmatch(r"\d+(?:\.\d+)?[BMT]", rest):  # "Llama 3.1 405B": a size of the family
        return True
    return bool(rest) and rest[0].isalpha() and len(rest) <= 8


def _memory_linked(tok: Token, s: _Sentence) -> Token | None:
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
    if tok.dep_ == "poss" and is_memory(head):
        return head
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
        for v in verbs:  # "Micron began (mass) production of HBM3E for the H200"
            for c in v.children:
                if c.dep_ in {"dobj", "attr"} and c.lower_ in {"production", "shipments", "shipment", "supply",
                                                              "deliveries", "manufacturing", "output", "sampling"} \
                        and any(is_memory(t) for t in c.subtree) and _negation_free(v):
                    return c
    return None


_SUPPLY_VERBS = frozenset({"supplies", "supplied", "supply", "provides", "provided", "provide", "supplying",
                           "providing"})


def _negation_free(verb: Token) -> bool:
    return not any(c.dep_ == "neg" for c in verb.children)


def _after(iso: str, published: str) -> bool:
    """Whether the date ``iso`` (any precision, quarters too) starts after the article's date."""
    def start(d: str) -> str:
        if "-Q" in d:
            year, q = d.split("-Q")
            return f"{year}-{(int(q) - 1) * 3 + 1:02d}-01"
        return (d + "-01-01")[:10] if len(d) == 4 else (d + "-01")[:10] if len(d) == 7 else d[:10]
    return start(iso) > start(published)


_FLEET_NOUNS = frozenset({"cluster", "clusters", "supercomputer", "supercomputers", "fleet", "fleets",
                          "farm", "farms", "pod", "pods", "deployment", "deployments", "installation",
                          "stockpile", "stock", "inventory", "order", "orders", "purchase", "purchases"})

_MEMORY_SPECS = frozenset({"capacity", "bandwidth", "stacks", "stack", "memory", "pool", "configuration",
                           "subsystem", "interface", "packages", "modules"})

_RELEASE_NOUNS = frozenset({"weights", "model", "models", "sizes", "versions", "variants", "checkpoints",
                            "release", "it", "they"})

_MAKING_VERBS = forms("designed|designs|design|developed|develops|develop|built|builds|build|created|creates|"
                      "create|made|makes|make")


def _future_if_present_tense(iso: str, trig: Token, span, published: str | None) -> str:
    """"ships in October" (no year) in an article of June: the coming October, not the last one."""
    if not published or re.search(r"\b(?:19|20)\d\d\b", span.text) or len(iso) < 7:
        return iso
    future = trig.tag_ in {"VBZ", "VBP", "VB"} or any(c.lower_ in {"will", "'ll"} for c in trig.children) \
        or trig.lower_ in {"slated", "scheduled", "due", "expected"}
    if future and iso[:7] < published[:7]:
        return f"{int(iso[:4]) + 1}{iso[4:]}"
    return iso


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
                    and len(developer.get(c.subject, ())) == 1:
                # the model's one developer, named elsewhere in the article, ran its (pre-)training;
                # post-training and fine-tuning are often done by others
                (lab,) = developer[c.subject]
                if lab != c.object:
                    out.append(RawClaim(lab, "usesHardware", c.object, c.modality, c.cue, c.trigger, c.sent_start,
                                        round(c.confidence - 0.15, 2), "trained-by-developer"))
    return out


def _prefer_makers(claims: list[RawClaim]) -> list[RawClaim]:
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


def _drop_generic_memory(claims: list[RawClaim]) -> list[RawClaim]:
    """A chip said to use both "HBM" and "HBM3E" uses HBM3E: drop the generic family name."""
    specific = {(c.subject, key(c.object)) for c in claims if c.predicate == "usesMemory"}
    out = []
    for c in claims:
        if c.predicate == "usesMemory":
            k = key(c.object)
            if any(subj == c.subject and other != k and other.startswith(k) for subj, other in specific):
                continue
        out.append(c)
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
