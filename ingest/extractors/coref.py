"""Mentions and coreference: every mention of a parsed document, pronouns and descriptions resolved.

:class:`MentionFinder` (registry name ``kg.mentions.v1``) lists the named
mentions (from the ruler's ``doc.ents``), organisations the statistical NER found,
and pronouns and definite descriptions ("it", "the chip", "its model", "the
start-up", "both"), each with its candidate antecedents, nearest and most salient
first: subjects before other arguments, names set aside in a comparison last,
chains through earlier pronouns, the subject that governs a possessive pronoun.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ingest.extractors import register
from ingest.extractors.entities import (
    CHIP_NOUNS, COREF_DETERMINERS, Gazetteer, MEMORY_NOUNS, MODEL_NOUNS, ORG_CLASSES, ORG_NOUNS, PRONOUNS,
    _sentence_starts, default_gazetteer, key,
)
from ingest.extractors.lexicon import (
    ANOTHER_OF, FIGURE_NOUNS, INVEST_VERBS, NUMBER_WORDS, RELEASE, SYSTEM_NOUNS, TIERS, doc_text, forms,
    lowered_forms, token_texts,
)
from ingest.extractors.modality import REPORTING


@dataclass
class Mention:
    """One mention of an entity in a parsed doc (one token after the ruler's merge).

    ``label`` is None for a pronoun or definite description until resolved.
    """

    i: int  # token index of the mention's head
    start: int
    end: int
    label: str | None
    cls: str
    text: str
    source: str  # "gazetteer", "shape", "ner", "coref"
    accepts: frozenset = frozenset()  # for coref mentions: the classes it may refer to
    antecedents: list = field(default_factory=list)  # for coref mentions: candidates, nearest first

    def resolve(self, classes) -> Mention | None:
        """This mention, or for a coref mention its nearest antecedent of one of ``classes``."""
        if self.source != "coref":
            return self if self.cls in classes else None
        wanted = {coarse_class(c) for c in classes}
        for ante in self.antecedents:
            if not self.accepts or ante.cls in self.accepts:
                if coarse_class(ante.cls) in wanted:  # nearest of the right kind; then its exact class must fit
                    return ante if ante.cls in classes else None
        if self.accepts and self.accepts <= ORG_CLASSES and self.text.lower() not in PRONOUNS:
            for ante in self.antecedents:  # "the lab" may be an organisation of another role
                if ante.cls in classes and ante.cls in ORG_CLASSES:
                    return ante
        return None


def _set_off_relative(noun: Token, clause: Token) -> bool:
    """``clause`` is a "which" clause set off by a comma after the subject ``noun``: an aside about what the
    noun refers to, not a clause that picks it out ("The chip, which SambaNova introduced in 2023, is made
    by TSMC"; not "The rival chip, which ...": another one)."""
    return noun.dep_ in {"nsubj", "nsubjpass"} and clause.dep_ == "relcl" \
        and not any(c.dep_ == "amod" for c in noun.children) \
        and noun.i + 1 < len(noun.doc) and noun.doc[noun.i + 1].text == "," \
        and any(c.lower_ == "which" and c.dep_ in {"nsubj", "nsubjpass", "dobj"} for c in clause.children)


def coarse_class(cls: str) -> str:
    """Organisation roles collapse to one kind for coreference."""
    return "ORG" if cls in ORG_CLASSES else cls


_ORG_SUFFIX = re.compile(r"(?:,?\s+(?:Inc|Corp|Corporation|Ltd|LLC|Co|PBC|Group Holding Ltd|Holdings Ltd|Holdings|plc|AG|SA)\.?)+$")


def clean_org_name(text: str) -> str:
    """An organisation's name without "the", possessive and legal suffix.

    >>> clean_org_name("the Microsoft Corp.'s")
    'Microsoft'
    """
    text = re.sub(r"^(?:the|The)\s+", "", text.strip())
    text = re.sub(r"(?:\s+(?:and|or|&)|[,;:])+$", "", text).strip()  # "Atreides Management and"
    text = re.sub(r"['’]s$", "", text).strip()
    return _ORG_SUFFIX.sub("", text).strip() or text


@register("kg.mentions.v1")
class MentionFinder:
    """List the mentions of a parsed doc and resolve pronouns and definite descriptions."""

    def __init__(self, gazetteer: Gazetteer | None = None):
        self.gazetteer = gazetteer if gazetteer is not None else default_gazetteer()

    def __call__(self, doc: Doc) -> list[Mention]:
        mentions: list[Mention] = []
        taken: set[int] = dateline_tokens(doc)
        ents = doc.ents  # (built once: each read of ``doc.ents`` builds every span again)
        for ent in ents:
            if ent.kb_id_ and ent.start not in taken:
                mentions.append(Mention(ent.root.i, ent.start, ent.end, ent.kb_id_, ent.label_, ent.text,
                                        "gazetteer"))
                taken.update(range(ent.start, ent.end))
        mentions += _system_short_names(doc, mentions, taken)
        mentions += _brand_dropped_names(doc, mentions, taken)
        mentions += _bare_system_names(doc, taken, self.gazetteer)
        mentions += _named_in_context(doc, taken, self.gazetteer, ents)
        surnames = {ent.text.split()[-1] for ent in ents  # (a gazetteer name is one merged token)
                    if ent.label_ in {"PERSON", "Person"} and len(ent.text.split()) > 1}
        starts = {e.start: e for e in ents}
        for ent in ents:
            firm = ent.label_ in {"PERSON", "GPE", "FAC", "PRODUCT", "WORK_OF_ART", "NORP"} and len(ent) > 1 \
                and ent[-1].text in _FIRM_WORDS  # "Positive Sum Ventures", tagged as a person
            if ent.kb_id_ or (ent.label_ != "ORG" and not firm) or any(t in taken for t in range(ent.start, ent.end)):
                continue
            after = starts.get(ent.end)
            if after is not None and not after.kb_id_ and after[-1].text in _FIRM_WORDS and ent[-1].dep_ == "compound":
                continue  # "Lockheed" + "Martin Ventures": one firm, taken with the name that ends it
            start = ent.start
            while firm and start - 1 > ent.sent.start and doc[start - 1].dep_ == "compound" \
                    and doc[start - 1].text[:1].isupper() and start - 1 not in taken:
                start -= 1  # "Positive" in "Positive Sum Ventures"
            ent = doc[start:ent.end]
            name = clean_org_name(ent.text)
            if len(ent) == 1 and ent[0].tag_ == "NNS" and not firm:
                continue  # "Startups raised $50 billion": a plural common noun, capitalised to start a sentence
            last = ent[-2] if len(ent) > 1 and ent[-1].dep_ == "case" else ent[-1]
            if last.text.islower() and last.lower_ in ORG_NOUNS:
                continue  # "the Toronto company": a description (coref), not a name
            if not name or not (name[0].isupper() or name[0].isdigit() and any(ch.isupper() for ch in name)) \
                    or len(name) < 2 or name.lower() in _NOT_ORGS | _NOT_NAMES \
                    or name in surnames \
                    or name.lower() in CHIP_NOUNS | MEMORY_NOUNS | MODEL_NOUNS:
                continue
            entry = self.gazetteer.lookup(name)
            # "its Cosmos Reason vision-language model": a name the recogniser calls a firm, said to be a model
            said = _class_from_context(ent.root) if entry is None and not firm else None
            label, cls = (entry.label, entry.cls) if entry else (name, said if said in {"AIModel", "Chip"} else "Organization")
            mentions.append(Mention(ent.root.i, ent.start, ent.end, label, cls, ent.text, "ner"))
            taken.update(range(ent.start, ent.end))
        mentions += _sized_versions(doc, mentions, self.gazetteer)  # "the 8-billion-parameter version of Llama 3"
        mentions += _described_models(doc, mentions, taken)  # (resolved by their own words)
        mentions += self._coref(doc, taken)
        mentions.sort(key=lambda m: m.i)
        self._link(mentions, doc)
        self._machines_only(mentions, doc)
        self._prefer_members(mentions, doc)
        self._made_by_the_named(mentions, doc)
        sized = _by_size(doc, mentions, taken)
        if sized:
            mentions = sorted(mentions + sized, key=lambda m: m.i)
        return mentions

    def _machines_only(self, mentions: list[Mention], doc: Doc) -> None:
        """"the system", "the machine": a machine named before (a name the gazetteer or the text calls a
        system or supercomputer), never a chip."""
        products = [x for x in mentions if x.source != "coref" and x.label and x.cls == "Chip"]

        def named_near(m: Mention, a: Mention) -> bool:
            """The machine's name (or its first word: "JUPITER" for "the JUPITER supercomputer") stands a few
            sentences before the description, with no other product or thing told between them ("The Aurora
            supercomputer ... the first High-NA EUV tool. The machine ...": the tool)."""
            words = {a.label.split()[0], a.text.split()[0]} if a.label and a.text else set()
            last = max((t.i for t in doc[max(0, m.i - _MACHINE_REACH):m.i]
                        if t.text.strip() and t.text.split()[0] in words), default=None)
            if last is None:
                return False
            if any(last < x.i < m.i and x.label != a.label and self._a_machine(x, doc) for x in products):
                return False  # (another machine; chips and models between are parts and workloads)
            return not any(t.lower_ in _OTHER_THINGS and t.head.i != last and t.i not in {c.i for c in doc[last].children}
                           for t in doc[last + 1:m.i])

        for m in mentions:
            if m.source == "coref" and m.antecedents and doc[m.i].lower_ in _MACHINE_WORDS:
                new = any(c.dep_ == "amod" and c.lower_ in _NEWLY_TOLD for c in doc[m.i].children)
                m.antecedents = [] if new else [a for a in m.antecedents
                                                if self._a_machine(a, doc) and named_near(m, a)]
                # ("as Frontier does, the new system is built around the MI300A": another machine)

    def _a_machine(self, mention: Mention, doc: Doc) -> bool:
        """A name of one machine: the gazetteer's or the text's "X supercomputer" / "X system", not a product
        line ("HPE Cray EX", an architecture) nor a rack."""
        entry = self.gazetteer.get(mention.label) if mention.label else None
        aliases = entry.aliases if entry is not None else ()
        if any("architecture" in a.lower() for a in aliases):
            return False
        names = (mention.text, mention.label or "", *aliases)
        tok = doc[mention.i]
        return any(n.split() and n.split()[-1].lower() in _MACHINE_WORDS for n in names) or any(
            c.dep_ in {"appos", "compound"} and c.lower_ in _MACHINE_WORDS for c in tok.children) \
            or tok.dep_ == "compound" and tok.head.lower_ in _MACHINE_WORDS

    def _made_by_the_named(self, mentions: list[Mention], doc: Doc) -> None:
        """"The chip, which SambaNova introduced in 2023, ...": a description whose aside names a company as
        the clause's subject refers to that company's product, or to nothing ("The chip, which Huawei makes,
        ..." after Nvidia's H20 is not the H20)."""
        at = {m.i: m for m in mentions if m.source != "coref"}
        for m in mentions:
            tok = doc[m.i]
            if m.source != "coref" or not m.antecedents or m.text.lower() in PRONOUNS:
                continue
            clause = next((c for c in tok.children if c.dep_ == "relcl" and _set_off_relative(tok, c)), None)
            if clause is None:
                continue
            said = [c for c in clause.children if c.dep_ == "nsubj"] + [  # "which Huawei makes", "which is
                p for c in clause.children if c.dep_ == "attr" for p in c.children if p.dep_ == "poss"]  # Huawei's"
            maker = next((at[c.i] for c in said if c.i in at), None)
            if maker is None:
                continue
            m.antecedents = [a for a in m.antecedents if a.label and (
                self.gazetteer.vendor_of(a.label) == maker.label or a.label.startswith(maker.label.split()[0]))]

    def _prefer_members(self, mentions: list[Mention], doc: Doc) -> None:
        """"the WSE-3, the third-generation Wafer Scale Engine ... the chip": a description
        refers to the member just named, not to its family named beside it."""
        sent_of = None
        for m in mentions:
            if m.source != "coref" or len(m.antecedents) < 2 or m.text.lower() in PRONOUNS:
                continue
            fitting = [a for a in m.antecedents if not m.accepts or a.cls in m.accepts]
            if len(fitting) < 2:
                continue
            first = fitting[0]
            if sent_of is None:
                sent_of = _sentence_starts(doc)
            for other in fitting[1:]:
                if sent_of[other.i] != sent_of[first.i] or other.label == first.label:
                    continue
                if self._member_of(other.label, first.label):
                    m.antecedents = [other] + [a for a in m.antecedents if a is not other]
                    break

    def _member_of(self, member: str | None, family: str | None) -> bool:
        cur = member
        for _ in range(4):
            entry = self.gazetteer.get(cur) if cur else None
            if entry is None or not entry.family:
                return False
            if entry.family == family:
                return True
            cur = entry.family
        return False

    @staticmethod
    def _coref(doc: Doc, taken: set[int]) -> list[Mention]:
        out = []
        for i, lowered in enumerate(lowered_forms(doc)):
            if lowered not in _COREF_WORDS and lowered != "up":
                continue
            tok = doc[i]
            low = tok.lower_
            hyphened = low == "up" and tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ == "start"
            if hyphened:  # "the start-up", split by the tokenizer into "start", "-", "up"
                low = "start-up"
            if low not in _COREF_WORDS or tok.i in taken:
                continue
            if low == "them":
                # "AWS and Azure offer them through their services": the models just named. Only as the object of
                # a verb that puts models up ("them" anywhere else is as often the firms as their products), and
                # not after plural chips or models of its own sentence ("used TPUs to train models and GPUs to
                # serve them", "installed Maia 100 chips and serves them": those)
                if tok.dep_ == "dobj" and (tok.head.lower_ in _PUTTING_UP or _run_on_hardware(tok)) and not any(
                        t.tag_ == "NNS" and t.lower_ in MODEL_NOUNS | CHIP_NOUNS for t in doc[tok.sent.start:tok.i]):
                    out.append(Mention(tok.i, tok.i, tok.i + 1, None, "", tok.text, "coref", frozenset({"AIModel"})))
                continue
            if low in PRONOUNS and tok.tag_ in {"PRP", "PRP$"}:
                if _the_relative_head(tok, taken):
                    continue  # "the report, which circulated after it appeared": "it" is the report
                accepts = ORG_CLASSES if low in {"its", "their"} else ORG_CLASSES | {"Chip", "AIModel"}
                if low in {"it", "them"} and _run_on_hardware(tok):
                    accepts = {"AIModel"}  # "does not run it on Gaudi 3": what runs is a model
                elif low in {"it", "they"} and _said_to_be_a_firm(tok):
                    accepts = ORG_CLASSES  # "it became the first company to ...": a company, no product
                out.append(Mention(tok.i, tok.i, tok.i + 1, None, "", tok.text, "coref", frozenset(accepts)))
                continue
            if low in {"both", "each"} and tok.dep_ in {"nsubj", "nsubjpass"} and not any(
                    c.dep_ == "prep" for c in tok.children) and (low == "both" or tok.i == tok.sent.start
                                                                 and not _things_named_last(doc, tok, taken)):
                # "..., but both still buy Nvidia GPUs", "Each carries 288 GB": the names just coordinated ("each"
                # only opening its sentence: "ByteDance and Tencent each bought ..." is their own; and not after
                # "... on two clusters.": each cluster)
                out.append(Mention(tok.i, tok.i, tok.i + 1, None, "", tok.text, "coref",
                                   frozenset(ORG_CLASSES | {"Chip", "AIModel"})))
                continue
            if tok.pos_ not in {"NOUN", "PROPN"} or tok.dep_ in {"attr", "compound", "npadvmod"}:
                continue
            dets = [c for c in tok.children if c.dep_ == "det" and (c.lower_ in COREF_DETERMINERS or (
                c.lower_ == "each" and low in _CHIP_REFERENCES))]  # "Each accelerator carries 64 GB"
            if not dets and low in _PRODUCT_NOUNS and all(  # "its model", "their chips": the product talked about
                    c.dep_ in {"poss", "punct"} or c.dep_ == "amod" and c.lower_ in _PLAIN_ADJECTIVES
                    for c in tok.children if c.i < tok.i):
                dets = [c for c in tok.children if c.dep_ == "poss" and c.lower_ in {"its", "their"}]
                if low in _CHIP_REFERENCES and tok.tag_ == "NNS" and dets:
                    continue  # "imported HBM2E for its accelerators", "Google and Amazon design their chips": a
                    # company's chips in general, not one of them
            if not dets:
                continue
            mods = [c for c in tok.children if c.dep_ in {"compound", "nmod", "poss", "nummod", "quantmod"}
                    and c not in dets and not (hyphened and c.i == tok.i - 2)
                    and not (low in ORG_NOUNS and c.dep_ == "compound" and c.ent_type_ in {"GPE", "LOC", "NORP"})]
            # ("the Palo Alto start-up", "the Toronto company": where the company sits, not which one it is)
            if low in _CHIP_REFERENCES:  # "the compute dies", "the base die": parts of the chip talked about
                mods = [c for c in mods if not (c.dep_ in {"compound", "nmod"} and c.i not in taken
                                                and c.pos_ == "NOUN" and c.text.islower())]
            if mods or any(c.dep_ == "amod" and (c.tag_ in {"JJS", "JJR"} or c.lower_ in _NOT_ANAPHORIC)
                           for c in tok.children):
                continue  # "the Ascend 910C chip", "the first frontier model", "the largest lab"
            if any(c.dep_ in {"appos", "relcl", "acl"} and c.i > tok.i and not _set_off_relative(tok, c)
                   for c in tok.children) and low not in ORG_NOUNS:
                continue  # ("the chip Huawei sells in China" is told apart by the clause; "The chip, which
                #           SambaNova introduced in 2023, ..." is the chip talked about, the clause an aside)
            if low in _CHIP_REFERENCES and any(c.dep_ == "prep" and any(
                    w.ent_type_ == "MemoryTechnology" or w.lower_ in MEMORY_NOUNS for w in c.subtree)
                    for c in [*tok.children, *(c for c in tok.head.children if c.i == tok.right_edge.i + 1)]):
                continue  # "the base dies for SK hynix's HBM4" (the "for" hung on the verb or not): memory parts
            if low in _BOTH_FIRMS:
                if not any(d.lower_ == "both" for d in dets):
                    continue
                accepts = ORG_CLASSES
            elif low in ORG_NOUNS:
                accepts = frozenset({"Lab"}) if low in {"lab", "laboratory"} \
                    else frozenset({"Foundry"}) if low == "foundry" else ORG_CLASSES
            elif low in _CHIP_REFERENCES:
                accepts = frozenset({"Chip"})
            elif low in _MACHINE_WORDS and tok.tag_ == "NN" and all(d.lower_ == "the" for d in dets):
                accepts = frozenset({"Chip"})  # ("That system became Colossus": a machine told, not named, before)
            elif low in {"model", "chatbot", "llm"} or low == "models" and (tok.dep_ in {"nsubj", "nsubjpass"} or any(
                    d.lower_ == "both" for d in dets) or tok.dep_ == "dobj" and tok.head.lower_ in _PUTTING_UP
                    and any(d.dep_ == "det" for d in dets) and not any(
                        c.dep_ == "amod" or c.dep_ == "prep" and c.lower_ in {"from", "of", "by"} for c in tok.children)):
                # ("serving both models on its LPUs", "are offering the models on their platforms"; not "serves its
                # models": its models in general; nor "the distilled models", "the models from Mistral": others)
                accepts = frozenset({"AIModel"})
            elif low in {"flagship", "family"} or low == "generations" and any(d.lower_ == "both" for d in dets):
                # "the flagship", "the family", "both generations": the models or chips the article is about
                accepts = frozenset({"AIModel", "Chip"})
            else:
                continue
            start = min(c.i for c in dets)
            out.append(Mention(tok.i, start, tok.i + 1, None, "", doc[start:tok.i + 1].text, "coref", accepts))
        return out

    @staticmethod
    def _link(mentions: list[Mention], doc: Doc) -> None:
        """Give each coref mention its antecedents, nearest first.

        Pronouns look back to the start of the previous sentence and only at
        arguments (subjects, objects, possessors), never at the subject of their
        own clause ("Huawei is producing it": "it" is not Huawei). Definite
        descriptions look back further (about 400 tokens).
        """
        named: list[Mention] = []  # names, and pronouns already resolved (a chain: "X ... it ... its")
        preset = {id(m) for m in mentions if m.source == "coref" and m.antecedents}  # "the mini model"
        sent_of = _sentence_starts(doc) if any(m.source == "coref" for m in mentions) else []
        names_at = {m.i: m for m in mentions if m.source != "coref"}
        mentioned = {m.i for m in mentions}
        salient: dict[tuple[int, frozenset], int] = {}

        def salience(i: int, description: Mention) -> int:  # (asked again for each later description)
            key = (i, description.accepts)
            if key not in salient:
                salient[key] = _salience(doc[i], description)
            return salient[key]

        for m in mentions:
            if m.source != "coref" or m.antecedents:  # (a description resolved by its own words: "the mini model")
                named.append(m)
                continue
            tok = doc[m.i]
            after = doc[m.end] if m.end < len(doc) else None
            own_name = names_at.get(after.i) if after is not None and (
                after.head.i == tok.i or after.dep_ == "appos" or after.pos_ == "PROPN" and after.head.i == tok.head.i
                and after.dep_ in {"npadvmod", "appos", "nmod", "dep"}) else None  # ("The Toronto company Cohere
            #                                                         raised", the name hung beside the noun)
            if own_name is not None and m.accepts and own_name.cls not in m.accepts:
                own_name = None
            if own_name is not None and m.text.lower() not in PRONOUNS:
                m.antecedents = [own_name]  # "the Dutch firm Prosus": the name that follows, not one before
                continue
            described = names_at.get(tok.head.i) if tok.dep_ == "appos" and tok.head.i < tok.i else None
            if described is not None and m.text.lower() not in PRONOUNS:
                if not m.accepts or described.cls in m.accepts:  # "Sarashina, the family of Japanese models":
                    m.antecedents = [described]                  # the name it describes, nothing before
                continue
            if after is not None and m.text.lower() not in PRONOUNS and _named_untracked(tok, after, names_at):
                continue  # "and the investor Lachy Groom": someone the article names, not an entity of its own
            start = sent_of[m.i]
            if m.text.lower() in {"both", "each"} or m.text.lower().startswith("both ") and tok.tag_ == "NNS":
                pair = _two_topics(doc, named, sent_of, start)
                if pair and m.text.lower() not in {"both", "each"} and not all(
                        a.cls in m.accepts and a.source == "gazetteer" for a in pair):
                    pair = []  # ("both chips" after two labs; "both companies" only for two well-known ones)
                if not pair and m.accepts and m.text.lower().startswith("both "):
                    # "OpenAI released gpt-oss-120b and gpt-oss-20b ... AMD supported both models": the last two
                    # names of that kind coordinated with each other
                    pair = _coordinated_pair(doc, named, sent_of, start, m.accepts)
                if not pair and tok.lower_ == "models" and tok.dep_ not in {"nsubj", "nsubjpass"}:
                    # "serving both models": the pair an earlier "both models" stood for, or none
                    pair = next((list(a.antecedents) for a in reversed(named) if a.source == "coref"
                                 and a.text.lower() == m.text.lower() and len(a.antecedents) == 2), [])
                    if not pair:
                        continue
                if not pair and tok.lower_ in _BOTH_FIRMS:
                    continue  # ("both companies": two firms, or none; not the nearest one)
                if pair:  # "Poro was developed ... Viking covers ... Both were trained on LUMI"; "Both companies"
                    m.antecedents = pair
                    named.append(m)
                    continue
            pronoun = m.text.lower() in PRONOUNS | {"both", "each", "them"}
            if pronoun:
                limit = sent_of[start - 1] if start > 0 else start
            else:
                limit = max(0, start - 400)
            own_subject = _clause_subject(tok) if m.text.lower() in {"it", "they", "them"} else _clause_subject(
                tok, climb=True) if not pronoun and _object_of_a_deal(tok) and m.accepts \
                and m.accepts <= ORG_CLASSES and "same" not in m.text.lower() else None
            own_subjects = {own_subject} if own_subject is not None else set()
            own_subjects |= _backers_reported(tok) if not pronoun else set()
            if m.text.lower() == "its":  # "Meta has become one of its customers": "its" is not Meta
                own_subjects |= _subject_of_the_copula(tok)
            if own_subject is not None and (not pronoun or m.text.lower() == "them"):
                # "A, B and C all backed the company", "A, B and C all offer them": none of them
                own_subjects |= {c.i for c in doc[own_subject].conjuncts}
            fronted = _fronted_adjunct(tok, pronoun)
            relative_heads = {i for a in tok.ancestors if a.dep_ == "relcl" and object_relative(a)
                              for i in relative_antecedents(a)}
            cands = []
            seen_at: dict[int, int] = {}  # a name reached through an earlier reference -> where that stood
            subject_at: dict[str, int] = {}  # a label an earlier subject description stood for -> where
            for ante in reversed(named):
                if ante.i < limit:
                    break
                if ante.i in own_subjects:
                    continue
                if ante.i in fronted:  # "Unlike the H100, it ...": not the thing it is set against
                    continue
                if ante.i in relative_heads:  # "The WSE-2, which the new part replaces": not the WSE-2
                    continue
                if doc[ante.i].dep_ in {"compound", "nmod"} and doc[ante.i].head.lower_ in _PEOPLE_NOUNS:
                    continue  # "a Stanford professor", "former Google engineers": no company talked about
                if not pronoun and m.accepts and m.accepts <= ORG_CLASSES and doc[ante.i].dep_ == "compound" \
                        and doc[ante.i].head.lower_ in _WORK_NOUNS:
                    continue  # "the 2017 Google paper": a company named for its paper is not "the start-up"
                if pronoun and doc[ante.i].dep_ not in _ARGUMENT_DEPS:
                    continue
                if ante.source == "coref":  # for a pronoun, an earlier pronoun stands for what it refers to
                    if pronoun or id(ante) in preset:  # (a description, a description that named its model)
                        chained = [a for a in ante.antecedents if (not ante.accepts or a.cls in ante.accepts)
                                   and all(a.label != c.label for c in cands)]
                        if ante.antecedents and doc[ante.i].dep_ in {"nsubj", "nsubjpass"} and ante.accepts \
                                and ante.accepts <= ORG_CLASSES and ante.text.lower() not in PRONOUNS:
                            first = ante.antecedents[0]  # "The start-up was founded by ... of Stanford; ...": the
                            subject_at.setdefault(first.label, ante.i)  # subject it stands for, met again
                        for a in chained:
                            seen_at.setdefault(id(a), ante.i)  # ranked where it was referred to
                        cands += chained
                    continue
                cands.append(ante)
            if not pronoun and m.text.lower().split()[0] in {"that", "this", "these", "those"}:
                pass  # "that model": the one just named, nearest first
            elif not pronoun:  # salience: by sentence, the subject of a sentence before other mentions
                _by_sentence_then(cands, sent_of, lambda a: salience(a.i, m))
                if cands and tok.dep_ in {"nsubj", "nsubjpass"} and m.accepts and m.accepts <= ORG_CLASSES \
                        and tok.left_edge.i == start and salience(cands[0].i, m) != 0 \
                        and _a_workplace(doc[cands[0].i]):
                    # "Sakana was founded by ... Both founders spent years at Google. The company raised ...":
                    # a subject description goes on with the subject of the sentence before last, not a name
                    # the last sentence only mentions in passing
                    topic = next((a for a in cands[1:] if doc[a.i].dep_ in {"nsubj", "nsubjpass"}
                                  and doc[a.i].head.dep_ == "ROOT" and a.source == "gazetteer"
                                  and _sentences_back(sent_of, a.i, start) <= 2), None)
                    if topic is not None:
                        cands.remove(topic)
                        cands.insert(0, topic)
                # a name only set aside as a yardstick ("the gain over the older A100") comes after the rest
                cands.sort(key=lambda a: salience(a.i, m) == 2)
                if tok.lower_ in _LINE_WORDS:  # "the family": a name the article called a family first
                    cands.sort(key=lambda a: not _called_a(doc[a.i], a, tok.lower_))
            elif m.text.lower() == "its" and cands:
                if not any(sent_of[seen_at.get(id(a), a.i)] == start for a in cands):
                    # "Stargate was unveiled at the White House. Its funders are ...": the sentence before's
                    # subject, the thing it was about, before the other names in it
                    _by_sentence_then(cands, sent_of, lambda a: 0 if _topic(doc[seen_at.get(id(a), a.i)]) else 1,
                                      at=lambda a: seen_at.get(id(a), a.i))
                _its_of_a_product(m, cands, doc)
                _subject_first(tok, cands)
            elif pronoun and tok.dep_ not in {"nsubj", "nsubjpass"} and m.text.lower() in {"it", "them"}:
                # "OpenAI's charts set it against ...": not the yardstick of the sentence before (an aside is
                # no aside to a pronoun in the same clause: "while Google showed off Bard but has not opened it")
                own = _verb_of(tok)
                around = set() if own is None else {own, doc[own].head.i} if doc[own].dep_ == "conj" and not any(
                    c.dep_ in {"nsubj", "nsubjpass"} for c in doc[own].children) else {own}
                cands.sort(key=lambda a: salience(a.i, m) == 2 and _verb_of(doc[a.i]) not in around)
            elif tok.dep_ in {"nsubj", "nsubjpass"}:  # a subject pronoun continues the topic: subjects first
                _by_sentence_then(cands, sent_of, lambda a: 0 if any(doc[i].dep_ in {"nsubj", "nsubjpass"} for i in (
                    a.i, seen_at.get(id(a), a.i), subject_at.get(a.label, a.i))
                    if sent_of[i] == sent_of[seen_at.get(id(a), a.i)]) else 1,
                    at=lambda a: seen_at.get(id(a), a.i))
                if _speaker_first(tok, cands) and (tok.head.lower_ not in _PROPERTY_VERBS or any(
                        c.dep_ == "acomp" and c.lower_ in _READY for c in tok.head.children)) and not (
                        tok.dep_ == "nsubjpass" and tok.head.lower_ in _MANUFACTURED):
                    m.accepts = ORG_CLASSES  # "Micron said it had shipped ...": it is Micron, no product
                    # (but "SiPearl has said it will be manufactured by TSMC": a product, not the speaker)
            if pronoun and cands and m.text.lower() == "it" and tok.dep_ == "nsubj" \
                    and _a_place_in_between(doc, cands[0].i, tok.i):
                cands = []  # "China does not need Ascend ...; it needs Ascend to serve": the country, no entity
            if cands and m.text.lower() == "they" and _plural_subject_before(tok, mentioned):
                cands = []  # "the 1.5 models are not: they come under ...": those models, no name before
            m.antecedents = cands
            if cands and m.text.lower() not in {"they", "their"}:
                named.append(m)


#: Verbs that put a model on hardware: "run it on", "trained them on", "serves it on".
_ON_HARDWARE_VERBS = frozenset({"run", "runs", "ran", "running", "train", "trains", "trained", "training", "serve",
                                "serves", "served", "serving", "deploy", "deploys", "deployed", "deploying", "host",
                                "hosts", "hosted", "hosting", "pre-train", "pre-trained", "pretrained", "fine-tune",
                                "fine-tuned", "post-trained"})


_BECOMING = frozenset({"is", "was", "are", "were", "be", "been", "became", "becomes", "become", "remains",
                       "remained", "remain"})


def _plural_subject_before(tok: Token, mentioned: set[int]) -> bool:
    """The last subject before "they" in its sentence is a plural noun that names nothing, nor stands for
    anything named ("the 1.5 models are not: they come under ..."): "they" is those things."""
    last = next((t for t in reversed(tok.doc[tok.sent.start:tok.i]) if t.dep_ in {"nsubj", "nsubjpass"}), None)
    return last is not None and last.tag_ == "NNS" and not any(c.i in mentioned for c in last.subtree) \
        and last.head.lower_ not in REPORTING  # (not "Filings show they also invested": a source, not them)


def _named_untracked(tok: Token, after: Token, names_at: dict) -> bool:
    """A description followed by its own proper name that is no entity ("the investor Lachy Groom"): it
    stands for that person or thing, not for an entity named earlier."""
    if after.pos_ != "PROPN" or after.i in names_at:
        return False
    head = after.head if after.dep_ == "compound" else after
    return head.i not in names_at and head.pos_ == "PROPN" and (head.head.i == tok.i and head.dep_ in {
        "appos", "compound", "nmod"} or tok.head.i == head.i and tok.dep_ == "compound")


def _said_to_be_a_firm(pronoun: Token) -> bool:
    """"it became the first company to mass-produce HBM3E": the subject of a copula whose complement is a firm."""
    verb = pronoun.head
    return pronoun.dep_ == "nsubj" and verb.lower_ in _BECOMING and any(
        c.dep_ == "attr" and c.lower_ in ORG_NOUNS for c in verb.children)


def _run_on_hardware(pronoun: Token) -> bool:
    """"does not run it on Gaudi 3": the object of a verb that puts something on hardware ("on" + a noun)."""
    verb = pronoun.head
    return pronoun.dep_ == "dobj" and verb.lower_ in _ON_HARDWARE_VERBS and any(
        c.dep_ == "prep" and c.lower_ == "on" and any(g.dep_ == "pobj" for g in c.children) for c in verb.children)


def _two_topics(doc: Doc, named: list[Mention], sent_of: list[int], start: int) -> list[Mention]:
    """The subjects of the last sentences (up to three back), when two different names of one kind lead
    them: what a bare "Both" starting a sentence stands for. Otherwise nothing."""
    if start == 0:
        return []
    first_sentence = start
    for _ in range(3):
        if first_sentence == 0:
            break
        first_sentence = sent_of[first_sentence - 1]
    subjects: list[Mention] = []
    for ante in reversed(named):
        if ante.i < first_sentence:
            break
        tok = doc[ante.i]
        if ante.source == "coref" or tok.dep_ not in {"nsubj", "nsubjpass"} or tok.head.dep_ != "ROOT":
            continue
        if all(a.label != ante.label for a in subjects):
            subjects.append(ante)
    if len(subjects) < 2 or coarse_class(subjects[0].cls) != coarse_class(subjects[1].cls):
        return []
    return subjects[:2]


#: Verbs whose object is what the subject is measured against ("R1 beat o1 and Claude 3.5 Sonnet").
_BEATING = frozenset({"beat", "beats", "beating", "outperformed", "outperforms", "outperform", "outscored",
                      "outscores", "topped", "tops", "surpassed", "surpasses", "matched", "matches", "rivals",
                      "rivalled", "rivaled", "trails", "trailed", "lags", "compared", "edged", "bested"})


def _coordinated_pair(doc: Doc, named: list[Mention], sent_of: list[int], start: int, accepts) -> list[Mention]:
    """The last two names of an accepted class coordinated as a pair ("X and Y", nothing more) in this
    sentence before the reference or the three before it; otherwise nothing."""
    first_sentence = start
    for _ in range(3):
        if first_sentence == 0:
            break
        first_sentence = sent_of[first_sentence - 1]
    at = {m.i: m for m in named if m.source != "coref"}
    for ante in reversed(named):
        if ante.i < first_sentence:
            break
        tok = doc[ante.i]
        if ante.source == "coref" or ante.cls not in accepts or tok.dep_ != "conj" or tok.head.i not in at:
            continue
        other = at[tok.head.i]
        members = [tok.head, *tok.head.conjuncts]
        if len(members) != 2 or other.cls not in accepts or other.label == ante.label \
                or tok.head.dep_ not in {"dobj", "nsubj", "nsubjpass", "attr", "appos", "oprd"} \
                or tok.head.dep_ == "dobj" and tok.head.head.lower_ in _BEATING:
            continue  # (not names set aside: "ahead of larger models including Llama 2 70B and Falcon 180B", "beat
            # o1 and Claude 3.5 Sonnet on maths")
        return [other, ante]
    return []


_NOT_ORGS = frozenset({
    "ai", "gpu", "gpus", "cpu", "hbm", "llm", "api", "cuda", "fp8", "fp16", "bf16", "mxfp4", "moe", "rl",
    "hpc", "pflops", "tflops", "nm", "ram", "sram", "dram", "nvlink", "pcie", "sxm", "ceo", "cto", "cfo",
    "ipo", "soc", "asic", "npu", "tpu", "xpu", "rtx", "ml", "agi", "genai", "ai chip", "ai chips",
    "kb", "mb", "gb", "tb", "pb", "gb/s", "tb/s", "tops", "petaflops", "exaflops", "teraflops", "ssd", "nvme",
})

_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "attr", "appos", "conj", "ROOT", "oprd"})

_NOT_ANAPHORIC = frozenset({"first", "last", "next", "only", "other", "another", "such", "future", "frontier",
                            "typical", "average", "open", "open-weight", "closed"})

_CHIP_REFERENCES = frozenset({"chip", "chips", "accelerator", "accelerators", "gpu", "gpus", "processor",
                              "processors", "part", "superchip", "npu", "tpu", "package", "die", "dies",
                              "silicon", "device", "module", "card", "cards"})

#: Works a company is named on, not as the company talked about: "the Google paper", "a Meta blog post".
_WORK_NOUNS = frozenset({"paper", "papers", "study", "report", "blog", "post", "research", "team", "authors",
                         "article", "presentation", "patent"})  # (its people: _PEOPLE_NOUNS, checked first)

#: Nouns that refer back to a machine: "The system was built by Intel and HPE" (Aurora, named before).
_MACHINE_WORDS = frozenset({"system", "supercomputer", "machine"})
#: Things a text may tell between a machine and "the machine" that the description may stand for instead.
_OTHER_THINGS = frozenset({"system", "machine", "supercomputer", "tool", "tools", "robot", "robots", "stack",
                           "software", "platform", "vehicle", "car", "plant", "fab", "factory"})
#: How far back (tokens) "the system" looks for its machine: a few sentences, not the article.
_MACHINE_REACH = 150
#: Adjectives that tell of a machine not named before: "the new system", "the planned machine".
_NEWLY_TOLD = frozenset({"new", "newer", "planned", "proposed", "future", "next", "successor", "upcoming"})

_PRODUCT_NOUNS = frozenset({"chip", "chips", "accelerator", "accelerators", "gpu", "gpus", "processor",
                            "processors", "model", "models", "llm", "chatbot"})

_PLAIN_ADJECTIVES = frozenset({"new", "newest", "latest", "own", "flagship", "current", "main"})

_ASIDE_PREPS = frozenset({"alongside", "besides", "beside", "unlike", "like", "than", "including", "versus",
                          "against", "over", "vs", "vs.", "except", "plus"})

_DESCRIBING_NOUNS = {
    "Chip": frozenset({"chip", "chips", "accelerator", "accelerators", "gpu", "gpus", "processor", "processors",
                       "part", "superchip", "npu", "tpu", "asic", "silicon", "device"}),
    "AIModel": frozenset({"model", "models", "llm", "chatbot", "system", "release", "flagship"}),
}

_PRODUCT_PARTS = frozenset({"memory", "bandwidth", "capacity", "die", "dies", "package", "packaging", "stacks",
                            "transistors", "weights", "parameters", "context",
                            "architecture", "design", "licence", "license", "training", "pre-training",
                            "post-training", "throughput", "performance", "compute", "interconnect"})


#: Nouns that say what an unknown name is: "the Wormhole chip", "its first product, Grayskull".
_CONTEXT_CLASSES = {**{n: "Chip" for n in ("chip", "chips", "accelerator", "accelerators", "gpu", "gpus", "processor",
                                           "processors", "npu", "npus", "asic", "asics", "superchip", "xpu", "ipu",
                                           "ipus", "tpu", "lpu", "cpu", "cpus", "architecture")},
                    **{n: "AIModel" for n in ("model", "models", "llm", "llms", "chatbot")}}
_NOT_NAMES = frozenset({"ai", "gpu", "gpus", "cpu", "hbm", "the", "a", "an", "its", "their", "new", "next", "first",
                        "arm", "x86", "risc-v", "cuda", "us", "u.s.", "chinese", "american", "open", "image", "photo",
                        "caption", "source", "credit", "pro", "ultra", "max", "mini", "flash", "nano", "lite", "plus",
                        "air", "turbo", "base", "instruct", "chat", "large", "small", "medium"})
_SIZE_OR_UNIT = re.compile(r"^\d+(?:\.\d+)?(?:[KMBT]|GB|TB|MB|nm|W|x)?$", re.IGNORECASE)
_NAME_TOKEN = re.compile(r"^(?:[A-Z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*|[A-Za-z]*\d[A-Za-z0-9-]*)$")


#: A dateline: a paragraph that opens with a word in capitals and reaches a dash within the line.
_DATELINE = re.compile(r"(?m)^[ \t]*([A-Z]{2,}\b[^\n]{0,80}?)\s(?:—|–|--|-)\s")


def dateline_tokens(doc: Doc) -> set[int]:
    """The tokens of news datelines: "PARIS —", "SAN FRANCISCO, June 11 (Reuters) -" at the start of a
    paragraph name where the story was filed, no party to it."""
    out: set[int] = set()
    for match in _DATELINE.finditer(doc_text(doc)):
        span = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        if span is None or not span[0].is_upper or span[0].ent_kb_id_:
            continue  # (a known name in capitals, "NVIDIA — the chip giant —", is no place)
        out.update(range(span.start, span.end))
    return out


def _system_short_names(doc: Doc, mentions: list[Mention], taken: set[int]) -> list[Mention]:
    """"the Frontier supercomputer ... Frontier", "its Corsair accelerator ... Corsair": once a system, chip or
    model is named with its noun, its name alone (often too common a word to list: "frontier", "summit") is
    the same product in the rest of the article."""
    stems: dict[tuple[str, ...], Mention] = {}
    for m in mentions:
        words = m.text.split()
        if m.cls in {"Chip", "AIModel"} and len(words) > 1 and words[0][:1].isupper() and (
                words[-1].lower() in SYSTEM_NOUNS or words[-1].lower() in CHIP_NOUNS | MODEL_NOUNS | {"card", "cards"}
                and all(w[:1].isupper() or w[:1].isdigit() for w in words[:-1])):  # "its Corsair accelerator"
            stems.setdefault(tuple(words[:-1]), m)
    return _stems_met_again(doc, stems, taken)


def _stems_met_again(doc: Doc, stems: dict[tuple[str, ...], Mention], taken: set[int],
                     after: frozenset[str] | None = None) -> list[Mention]:
    """Mentions of each stem's product wherever its words stand again, free (and, given ``after``, right after
    one of those words)."""
    out = []
    if not stems:
        return out
    texts = token_texts(doc)
    for stem, m in stems.items():
        n = len(stem)
        for i in range(1 if after else 0, len(texts) - n + 1):
            if texts[i] != stem[0] or tuple(texts[i:i + n]) != stem or any(j in taken for j in range(i, i + n)) \
                    or after is not None and doc[i - 1].lower_ not in after:
                continue
            out.append(Mention(i + n - 1, i, i + n, m.label, m.cls, doc[i:i + n].text, "context"))
            taken.update(range(i, i + n))
    return out


def _brand_dropped_names(doc: Doc, mentions: list[Mention], taken: set[int]) -> list[Mention]:
    """"the Snapdragon 8 Elite ... the 8 Elite": once a chip or model is named with its brand, the rest of its
    name after "the" / "its" is the same product in the rest of the article (when that rest holds a number and
    a capitalised word, and is no other name)."""
    stems: dict[tuple[str, ...], Mention] = {}
    for m in mentions:
        words = m.text.split()
        rest = words[1:]
        if m.cls in {"Chip", "AIModel"} and len(rest) >= 2 and words[0][:1].isupper() \
                and any(w[:1].isdigit() for w in rest) and any(w[:1].isupper() and w.isalpha() for w in rest):
            stems.setdefault(tuple(rest), m)
    return _stems_met_again(doc, stems, taken, after=frozenset({"the", "its", "their"}))


#: Words that make an article one about supercomputers, where "Frontier" or "Aurora" alone is a machine.
_SUPERCOMPUTING_WORDS = frozenset({"supercomputer", "supercomputers", "supercomputing", "exascale", "top500",
                                   "petaflops", "exaflops", "exaflop", "petaflop", "hpc"})


def _bare_system_names(doc: Doc, taken: set[int], gazetteer: Gazetteer) -> list[Mention]:
    """"Oak Ridge National Laboratory's Frontier": in an article about supercomputers, a capitalised word
    standing alone is the machine the gazetteer knows as "<word> supercomputer" (too common a word to list)."""
    lowers = lowered_forms(doc)
    if _SUPERCOMPUTING_WORDS.isdisjoint(lowers) and not any(  # (names are one token: "the frontier supercomputer")
            word in _SUPERCOMPUTING_WORDS for low in lowers if " " in low for word in low.split()):
        return []
    out = []
    openers = []  # (a name opening its sentence is a machine only if the article uses it so elsewhere)
    for tok in doc:
        if tok.i in taken or not tok.text.isalpha() or not tok.text[:1].isupper():
            continue
        before = doc[tok.i - 1] if tok.i > 0 else None
        after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        in_a_longer_name = before is not None and not tok.is_sent_start and before.text[:1].isupper() \
            and before.text.isalpha() and before.lower_ not in COREF_DETERMINERS or after is not None \
            and after.text[:1].isupper() and after.text.isalpha()
        if in_a_longer_name or after is not None and after.lower_ in MODEL_NOUNS | {"ai"}:
            continue  # part of a longer name ("the AI Action Summit"), or a model ("Frontier models")
        entry = gazetteer.lookup(f"{tok.text} supercomputer")
        if entry is None or entry.cls != "Chip":
            continue
        if tok.is_sent_start:
            openers.append((tok, entry))
            continue
        out.append(Mention(tok.i, tok.i, tok.i + 1, entry.label, entry.cls, tok.text, "context"))
        taken.add(tok.i)
    used = {m.label for m in out}
    for tok, entry in openers:
        if entry.label in used:  # "Frontier, at Oak Ridge, improved its score" after "... Frontier ..."
            out.append(Mention(tok.i, tok.i, tok.i + 1, entry.label, entry.cls, tok.text, "context"))
            taken.add(tok.i)
    return out


def _named_in_context(doc: Doc, taken: set[int], gazetteer: Gazetteer, ents=None) -> list[Mention]:
    """Names no list knows, recognised from what the sentence says they are: "the Wormhole chip",
    "the company's first product, Grayskull", "The current AI chip is Wormhole", "a model called
    Nova". Each later bare occurrence of the same name is the same entity."""
    ents = doc.ents if ents is None else ents
    orgs = sorted({ent.kb_id_ for ent in ents if ent.kb_id_ and ent.label_ in ORG_CLASSES})
    surnames = {ent.text.split()[-1] for ent in ents
                if ent.label_ in {"PERSON", "Person"} and len(ent.text.split()) > 1}
    found: dict[str, tuple[str, str]] = {}  # surface -> (label, class)
    spans: list[tuple[int, int, str]] = []
    last_in_sentence: tuple[int, str] | None = None  # (sentence start, class) of the last name found
    texts = token_texts(doc)
    for i, text in enumerate(texts):
        if i in taken or not _NAME_TOKEN.match(text) or _SIZE_OR_UNIT.match(text):
            continue
        tok = doc[i]
        if tok.lower_ in _NOT_NAMES \
                or tok.ent_type_ in {"DATE", "MONEY", "CARDINAL", "PERCENT", "QUANTITY", "ORDINAL"} and not (
                    _CODE.match(tok.text) and not _DATE_CODE.match(tok.text)):  # "X220", taken for a date
            continue
        if tok.pos_ != "PROPN" and tok.pos_ in {"VERB", "AUX", "ADP", "DET", "PRON"}:
            continue
        if tok.text in {"M", "B", "K", "T"} and tok.i > 0 and not doc[tok.i - 1].whitespace_ \
                and doc[tok.i - 1].text[-1:].isdigit():
            continue  # "the 270M model": the unit of a size the tokenizer cut off, no name
        cls = _class_from_context(tok)
        if cls is None and tok.dep_ == "appos" and tok.head.lower_ in _NEXT_IN_LINE and _CODE.match(tok.text):
            # "its first chip, the X220, ... and a successor, the X330": the same kind (found here or listed)
            listed = [ent.label_ for ent in tok.sent.ents if ent.end <= tok.i and ent.label_ in {"Chip", "AIModel"}]
            if last_in_sentence is not None and last_in_sentence[0] == tok.sent.start:
                cls = last_in_sentence[1]
            elif listed:
                cls = listed[-1]
        if tok.pos_ != "PROPN" and tok.i == tok.sent.start and cls != "Organization":
            continue  # a capitalised first word is no evidence of a name (unless it raised money: "Poolside raised")
        if cls == "Organization" and tok.text in surnames:
            continue  # "Suleyman said it raised $225 million": the founder named before, not a company
        if cls is None or tok.dep_ == "compound" and tok.ent_type_ in {"GPE", "NORP", "LOC", "PERSON"} and not any(
                gazetteer.lookup(f"{org} {tok.text}") is not None for org in orgs):  # ("Its Sohu chip": Etched's)
            continue
        start = tok.i
        reach = tok.head.i + 1 if tok.head.lower_ in _KIND_WORDS and tok.head.i == tok.i + 1 else tok.i + 1
        while start - 1 >= tok.sent.start and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i in range(
                start, reach) and doc[start - 1].pos_ in {"PROPN", "NUM"} and start - 1 not in taken:
            start -= 1  # "Zhenwu" in "the Zhenwu 810E AI chip" (hung on "AI" by the parser)
        text = doc[start:tok.i + 1].text
        entry = gazetteer.lookup(text) or next(  # a short form the gazetteer knows, confirmed by the context
            (e for e in (gazetteer.lookup(f"{org} {text}") for org in orgs) if e is not None), None) or next(
            (gazetteer.get(org) for org in orgs if cls == "Organization" and org.startswith(text + " ")), None)
            # ("Figure raises $675 million" in an article about Figure AI: the company named in full)
        if entry is not None and entry.cls not in {"Chip", "AIModel"} and not (
                cls == "Organization" and entry.cls in ORG_CLASSES and entry.label != text):
            continue
        found.setdefault(text, (entry.label, entry.cls) if entry is not None else (text, cls))
        spans.append((start, tok.i, text))
        last_in_sentence = (tok.sent.start, found[text][1])
    if not found:
        return []
    marked = {i for s, e, _t in spans for i in range(s, e + 1)}
    for i, text in enumerate(texts):  # the same name again, without the words that told what it is
        if i not in taken and i not in marked and text in found:
            spans.append((i, i, text))
    out = []
    for start, head, text in spans:
        label, cls = found[text]
        out.append(Mention(head, start, head + 1, label, cls, text, "context"))
        taken.update(range(start, head + 1))
    return out


#: A product code: letters and digits ("X220", "MI300X"); the date-like ones ("Q3", "H1", "FY2024") are not.
_CODE = re.compile(r"^(?=.*[A-Za-z])(?=.*\d)[A-Za-z0-9-]+$")
_DATE_CODE = re.compile(r"^(?:Q[1-4]|H[12]|[12]H|FY\d{2,4}|CY\d{2,4}|\d{4}s?|\d+(?:st|nd|rd|th))$", re.IGNORECASE)
#: Nouns for the next or previous product of a line ("a successor, the X330").
_NEXT_IN_LINE = frozenset({"successor", "predecessor", "follow-up", "followup", "sibling"})

#: Last words that make a name a firm's, whatever the NER model says ("Positive Sum Ventures").
_FIRM_WORDS = frozenset({"Ventures", "Capital", "Partners", "Investments", "Holdings", "Fund", "Equity", "Labs",
                         "Technologies", "Inc", "Inc.", "Ltd", "Corp", "Corporation", "Group"})

#: Nouns for people an organisation name may qualify without being talked about ("a Stanford professor").
_PEOPLE_NOUNS = frozenset({"professor", "professors", "researcher", "researchers", "engineer", "engineers",
                           "scientist", "scientists", "student", "students", "alumni", "alumnus", "veteran",
                           "veterans", "employee", "employees", "executive", "executives", "graduate", "graduates",
                           "founder", "founders", "co-founder", "staff", "spokesperson", "spokesman",
                           "spokeswoman", "emeritus"})

#: Words between a name and its class noun that say what kind of chip or model it is ("the Zhenwu 810E AI chip").
_KIND_WORDS = frozenset({"ai", "inference", "training", "reasoning", "language", "accelerator", "gpu", "npu", "asic",
                         "coding", "vision", "video", "image", "flagship", "datacenter", "data-center", "server"})

_VERSION_NOUNS = frozenset({"version", "variant", "derivative", "member", "edition", "flavour", "flavor", "cousin",
                            "sibling", "relative"})


def _class_from_context(tok) -> str | None:
    """The class the words around an unknown name give it, or None."""
    head = tok.head
    doc = tok.doc
    if tok.dep_ == "compound" and head.lower_ in _KIND_WORDS and head.dep_ == "compound" and head.i == tok.i + 1:
        head = head.head  # "the Zhenwu 810E AI chip": 810E qualifies "AI", which qualifies "chip"
    between = doc[tok.i + 1:head.i] if head.i > tok.i else []
    if tok.dep_ == "compound" and head.lower_ in _CONTEXT_CLASSES and head.text.islower() and head.tag_ == "NN" and (
            head.i == tok.i + 1 or 0 < len(between) <= 2 and all(
                t.dep_ == "compound" and t.head.i == head.i and t.lower_ in _KIND_WORDS for t in between)
            or 0 < len(between) <= 4 and all(  # "its Cosmos Reason vision-language model"
                t.text == "-" or t.text.islower() and t.dep_ in {"compound", "amod"} for t in between)):
        # singular: "PyTorch models", "Nvidia chips" name a maker or a brand; "the Wormhole chip", "the Zhenwu
        # 810E AI chip" (not "Hot Chips", a name itself)
        return _CONTEXT_CLASSES[head.lower_]
    if tok.i + 3 < len(doc) and doc[tok.i + 1].text == "," and doc[tok.i + 2].lower_ in {"a", "an", "its", "the"}:
        k = tok.i + 3  # "Step-3, a model it says ...", "Kunlun P900, its newest chip" (however parsed)
        while k < min(len(doc), tok.i + 6) and doc[k].pos_ in {"ADJ", "NOUN", "PROPN", "NUM"} \
                and doc[k].lower_ not in _CONTEXT_CLASSES:
            k += 1
        if k < len(doc) and doc[k].lower_ in _CONTEXT_CLASSES and doc[k].tag_ == "NN" and doc[k].text.islower() \
                and not (doc[k].dep_ == "compound" and doc[k].head.i > k):  # not "Sapeon Korea, the chip unit"
            return _CONTEXT_CLASSES[doc[k].lower_]
    if tok.i >= 2 and doc[tok.i - 1].text == "," and doc[tok.i - 2].lower_ in _CONTEXT_CLASSES and (
            tok.i + 1 == len(doc) or doc[tok.i + 1].is_punct):
        return _CONTEXT_CLASSES[doc[tok.i - 2].lower_]  # "the company's first chip, Grayskull." (however parsed)
    if tok.dep_ == "appos" and head.lower_ in _CONTEXT_CLASSES:
        return _CONTEXT_CLASSES[head.lower_]  # "its second chip, Wormhole"
    for c in tok.children:  # "Wormhole, the company's second chip"
        if c.dep_ == "appos" and c.lower_ in _CONTEXT_CLASSES and c.i > tok.i:
            return _CONTEXT_CLASSES[c.lower_]
    if tok.dep_ in {"attr", "nsubj"} and head.lemma_ == "be":  # "The current AI chip is Wormhole"
        other = next((c for c in head.children if c.dep_ in {"nsubj", "attr"} and c.i != tok.i), None)
        if other is not None and other.lower_ in _CONTEXT_CLASSES:
            return _CONTEXT_CLASSES[other.lower_]
    for c in tok.children:  # "MI308, a version of its Instinct MI300 line": what it is a version of
        if c.dep_ == "appos" and c.lower_ in _VERSION_NOUNS and c.i > tok.i:
            of = [o for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children]
            named = [t for o in of for t in (o, *o.children) if t.ent_type_ in {"Chip", "AIModel"}]
            if named:
                return named[0].ent_type_
    if tok.dep_ in {"oprd", "dobj", "attr", "npadvmod"} and head.lower_ in {"called", "named", "dubbed"} \
            and head.head.lower_ in _CONTEXT_CLASSES:
        return _CONTEXT_CLASSES[head.head.lower_]  # "a chip called Maia"
    if tok.dep_ in {"compound", "amod"} and head.lower_ in {"family", "line", "series", "lineup"} \
            and head.i == tok.i + 1 and tok.text[:1].isupper() and tok.i > tok.sent.start:
        kind = next((o for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
                     for o in p.children if o.dep_ == "pobj"), None)  # "the Luminous family of language models"
        if kind is not None and kind.lower_ in _CONTEXT_CLASSES:
            return _CONTEXT_CLASSES[kind.lower_]
    if tok.ent_type_ in {"PERSON", "NORP"}:
        return None
    bare = tok.pos_ == "PROPN" or tok.tag_ == "NN" and not any(c.dep_ == "det" for c in tok.children)
    if tok.pos_ == "PROPN":  # (a place name too: the recogniser takes "Lamini, a company ..." for a place)
        if tok.i > tok.sent.start and _firm_word(doc[tok.i - 1]):
            return "Organization"  # "the start-up Poolside", "chipmaker Cerebras", "the Dutch firm Prosus"
        if any(c.dep_ == "appos" and c.i > tok.i and _firm_word(c) for c in tok.children):
            return "Organization"  # "Adept, a start-up founded by ..."
    said_it_raised = head.lower_ in {"said", "says", "announced"} and any(
        c.dep_ == "ccomp" and _raises_money(c) and any(g.dep_ == "nsubj" and g.lower_ == "it" for g in c.children)
        for c in head.children)
    if bare and tok.ent_type_ not in {"GPE", "LOC"} and tok.dep_ == "nsubj" and (_raises_money(head) or said_it_raised):
        return "Organization"  # "Poolside has raised $500 million", "Adept said it had raised ...": a company
    return None


def _firm_word(tok) -> bool:
    """``tok`` ends a word for a company ("firm", "start-up", split by the tokenizer into three)."""
    if tok.lower_ == "up" and tok.i >= 2 and tok.doc[tok.i - 1].text == "-":
        return tok.doc[tok.i - 2].lower_ == "start"
    return tok.lower_ in _FIRM_NOUNS


def _raises_money(verb) -> bool:
    """``verb`` is "raised" (or the like) with a sum of money as its object."""
    return verb.lower_ in _RAISING_VERBS and any(
        t.ent_type_ == "MONEY" for c in verb.children if c.dep_ == "dobj" for t in c.subtree)


#: Nouns that say a name is a company's ("the start-up Poolside", "Adept, a start-up").
_FIRM_NOUNS = frozenset({"start-up", "startup", "company", "firm", "chipmaker", "chip-maker", "lab", "unicorn",
                         "developer", "maker", "designer"})

#: Verbs whose subject, with a sum of money as object, is a company raising it.
_RAISING_VERBS = frozenset({"raised", "raises", "raise", "raising", "closed", "closes", "secured", "secures",
                            "landed", "lands", "banked", "netted"})


def _backers_reported(tok) -> set[int]:
    """"A, B and C also invested, the company said", "A and B joined it, according to the company": the
    company speaking is not one of the backers its sentence names, nor one of a list of subjects."""
    according = tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according"
    if not according and not (tok.dep_ == "nsubj" and tok.head.lower_ in REPORTING):
        return set()
    out = set()
    for verb in tok.sent:
        for subj in (c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < tok.i):
            if subj.conjuncts:  # "A, B and C are using Jetson Thor, according to the company": a list of
                out |= {t.i for t in (subj, *subj.conjuncts)}  # subjects is not the speaker
        if (verb.lower_ in INVEST_VERBS or verb.lower_ == "took") and verb.pos_ == "VERB":
            for subj in (c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}):
                out |= {t.i for t in subj.subtree if t.dep_ in {"nsubj", "nsubjpass", "conj", "appos", "npadvmod"}
                        or t.i == subj.i}
            for p in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"alongside", "with"}):
                # "A invested alongside B and C, according to the company": B and C invested too
                out |= {t.i for t in p.subtree if t.pos_ == "PROPN"}
    return out


def _topic(tok) -> bool:
    """The subject of its clause, or the name an expletive introduces ("Then there is xAI, the lab ...")."""
    return tok.dep_ in {"nsubj", "nsubjpass"} or tok.dep_ == "attr" and any(c.dep_ == "expl" for c in tok.head.children)


def _a_workplace(tok) -> bool:
    """A firm named as where people worked: "Both founders spent years at Google", "engineers from Meta"."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in {"at", "from"}:
        return False
    verb = tok.head.head
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subj is not None and (subj.lower_ in _PEOPLE_NOUNS | {"founders", "founder", "cofounders",
                                                                  "co-founders", "staff", "employees"}
                                 or subj.ent_type_ == "PERSON")


def _sentences_back(sent_of: list[int], i: int, start: int) -> int:
    """How many sentence starts lie between token ``i`` and the sentence starting at ``start``."""
    return len({sent_of[j] for j in range(i, start)} | {sent_of[i]}) if i < start else 0


def _by_sentence_then(cands: list[Mention], sent_of: list[int], rank, at=lambda a: a.i) -> None:
    """Sort candidates (nearest first) by their sentence, nearest sentence first, then by ``rank``;
    ``at`` gives where a candidate stands (a name reached through a reference stands at the reference)."""
    sent_rank: dict[int, int] = {}
    for a in cands:
        sent_rank.setdefault(sent_of[at(a)], len(sent_rank))
    cands.sort(key=lambda a: (sent_rank[sent_of[at(a)]], rank(a)))


def _a_place_in_between(doc: Doc, start: int, end: int) -> bool:
    """The nearest clause subject before a subject pronoun is a country or place ("China does not need
    Ascend ...; it needs Ascend to serve ..."), and no name stands between them."""
    sent_start = doc[end].sent.start
    for t in reversed(doc[sent_start:end]):
        if t.dep_ in {"nsubj", "nsubjpass"}:
            return t.ent_type_ in {"GPE", "LOC", "NORP"}
    return False


def _salience(tok, description: Mention, *, walked: bool = False) -> int:
    """How likely the name at ``tok`` is what a definite description in a later sentence refers to.

    0: the subject, or a name described by an apposition of the description's kind
    ("Maia 100, the in-house AI accelerator ..." for "the chip"); 1: any other argument;
    2: a name set aside in a comparison or list ("alongside the Cobalt 100 CPU", "unlike X").
    """
    if tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.dep_ == "ccomp" and description.accepts and \
            description.accepts <= ORG_CLASSES and any(c.dep_ == "nsubj" and c.pos_ == "PROPN"
                                                       for c in tok.head.head.children):
        return 1  # "Anthropic said that Amazon remained its cloud provider. The company": the one speaking
    if tok.dep_ in {"nsubj", "nsubjpass"} or tok.dep_ == "appos" and tok.head.dep_ in {"nsubj", "nsubjpass"}:
        return 0  # (or the name of a described subject: "The flagship GeForce RTX 5090 ... will sell")
    if tok.dep_ == "pobj" and tok.head.head.lower_ in {"successor", "predecessor"}:
        return 2  # "the RTX 5090, successor to the RTX 4090": the older one is set aside
    if tok.dep_ == "poss" and tok.head.lower_ in FIGURE_NOUNS:
        return 2  # "about four times Trillium's figure": a yardstick
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in ANOTHER_OF and not walked:
        return 2  # "is built on a fine-tuned version of Grok-1": another thing is talked about (but "a version
        #           of its card, the RTX 4090 D" is the version's name where the parser hangs it on the card)
    cur = tok
    for _ in range(4):  # (a yardstick stays set aside even when described: "than Claude 3 Opus, the top model")
        if cur.dep_ == "conj":
            cur = cur.head
            continue
        if cur.dep_ == "pobj" and cur.head.lower_ in _ASIDE_PREPS:
            return 2
        if cur.dep_ == "pobj" and cur.head.lower_ == "as" and cur.head.head.pos_ in {"ADJ", "ADV"}:
            return 2  # "twice as fast as GPT-4 Turbo": the yardstick
        if cur.dep_ == "pobj" and cur.head.lower_ in {"with", "to"} and cur.head.head.lower_ in {
                "compared", "compares", "compare", "comparing", "comparable", "competitive", "rivalling", "rivaling"}:
            return 2  # "compared gpt-oss-120b with o4-mini": the yardstick
        break
    nouns = set().union(*(_DESCRIBING_NOUNS.get(c, frozenset()) for c in description.accepts))
    if any(c.dep_ == "appos" and c.lower_ in nouns for c in tok.children):
        return 0
    if tok.dep_ == "compound" and tok.head.dep_ in {"nsubj", "nsubjpass"} and tok.head.lower_ in nouns:
        return 0  # "Each Ironwood chip carries ...": the subject, named by its compound
    if any(a.dep_ in {"pcomp", "advcl"} and any(c.dep_ == "nsubj" for c in a.children) and not _fronted_by_topic(a)
           for a in tok.ancestors):
        return 2  # "... a day after Meta published Llama 3.1 405B": an aside in a subordinate clause
    cur = tok  # "six times as much as Trillium, the sixth-generation TPU, also sold as TPU v6e": what describes
    for _ in range(5):  # a yardstick is set aside with it
        if cur.dep_ not in {"appos", "acl", "relcl", "prep", "pobj"}:
            break
        cur = cur.head
        if cur.pos_ in {"PROPN", "NOUN"} and _salience(cur, description, walked=True) == 2:
            return 2
    return 1


def _subject_of_the_copula(tok: Token) -> set[int]:
    """The subject (and its conjuncts) of a copula whose complement ``tok`` stands in: "Meta has become one
    of its most prominent customers", "Microsoft remains its largest investor". A thing is said to be
    something of another thing, not of itself."""
    cur = tok
    for _ in range(6):
        if cur.dep_ == "attr" and cur.head.lower_ in _BECOMING:  # (a noun, not "as fast as its predecessor")
            subj = next((c for c in cur.head.children if c.dep_ == "nsubj"), None)
            return {subj.i, *(c.i for c in subj.conjuncts)} if subj is not None else set()
        if cur.dep_ not in {"poss", "pobj", "prep", "compound", "amod", "nmod", "appos"}:
            return set()
        cur = cur.head
    return set()


def _things_named_last(doc: Doc, tok: Token, taken: set[int]) -> bool:
    """Whether the sentence before ``tok`` ends on unnamed things ("trained Llama 3 on two clusters."):
    a counted plural after its last name, which a sentence-opening "Each" counts."""
    if tok.sent.start == 0:
        return False
    before = doc[tok.sent.start - 1].sent
    named = [i for i in range(before.start, before.end) if i in taken]
    last = max(named) if named else before.start - 1
    return any(t.tag_ == "NNS" and t.i > last and any(c.dep_ == "nummod" for c in t.children) for t in before)


def _fronted_by_topic(clause: Token) -> bool:
    """"When it open-sourced Pangu Pro MoE ..., the company said the model ...": a clause put first, whose
    subject is a pronoun, that tells of a release carries on with the topic; what it releases is no aside
    (but "While it licenses GPT-4o ...", "Although it trails X ...": a rival or a yardstick)."""
    return clause.dep_ == "advcl" and clause.i < clause.head.i and clause.lower_ in RELEASE and any(
        c.dep_ in {"mark", "advmod"} and c.lower_ in {"when", "after", "once", "as"} for c in clause.children) and any(
        c.dep_ == "nsubj" and c.lower_ in {"it", "they", "we"} for c in clause.children)


def _subject_first(tok, cands: list[Mention]) -> None:
    """"AMD, Nvidia's closest rival, has said its MI400 will ...": a possessive pronoun in a clause
    governed by a named subject refers to that subject before a nearer possessor."""
    for a in tok.ancestors:
        subj = next((c for c in a.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < tok.i), None)
        if subj is None:
            continue
        match = next((c for c in cands if c.i == subj.i), None)
        if match is not None and match.cls in ORG_CLASSES:
            cands.remove(match)
            cands.insert(0, match)
        return


#: "SK hynix says it is ready to mass-produce HBM4": what a company says it is ready or able to do, it does.
_READY = frozenset({"ready", "able", "unable", "poised", "prepared", "willing", "eager", "set", "keen"})

#: Verbs that describe a product ("Nvidia said it offers 141 GB"): their subject pronoun may be the product.
_PROPERTY_VERBS = frozenset({"offers", "offer", "offered", "has", "have", "had", "carries", "carry", "uses", "use",
                             "used", "delivers", "deliver", "delivered", "features", "provides", "provide",
                             "performs", "runs", "run", "ran", "beats", "outperforms", "matches", "supports",
                             "is", "was", "are", "were", "will", "can", "comes", "pairs", "packs", "includes",
                             "doubles", "triples", "rivals", "trails", "exceeds", "surpasses", "outpaces"})


#: Participles of making, whose passive subject is a product, never the company that speaks of it.
_MANUFACTURED = frozenset({"manufactured", "made", "fabricated", "fabbed", "produced", "built", "packaged"})


def _speaker_first(tok, cands: list[Mention]) -> bool:
    """"Micron said it had shipped samples": the subject pronoun of what an organisation says is
    that organisation, before the topic of the sentence before. Whether it was moved first."""
    verb = tok.head
    if verb.dep_ != "ccomp" or verb.head.lower_ not in REPORTING:
        return False
    speaker = next((c for c in verb.head.children if c.dep_ == "nsubj" and c.i < tok.i), None)
    match = next((c for c in cands if speaker is not None and c.i == speaker.i), None)
    if match is None or match.cls not in ORG_CLASSES:
        return False
    cands.remove(match)
    cands.insert(0, match)
    return True


def _its_of_a_product(m: Mention, cands: list[Mention], doc: Doc) -> None:
    """"Its HBM2E memory", "its weights": a possessive pronoun before a part of a product refers to
    the chip or model just talked about when that is the nearest argument, not only to organisations."""
    head = doc[m.i].head
    part = head.lower_ in _PRODUCT_PARTS or any(c.dep_ == "compound" and c.lower_ in _PRODUCT_PARTS
                                                 for c in head.children) or head.ent_type_ == "MemoryTechnology"
    if not part or any(c.dep_ in {"nsubj", "nsubjpass"} and c.i < m.i and c.ent_type_ and c.ent_type_ in ORG_CLASSES
                       for a in doc[m.i].ancestors for c in a.children):
        return  # "Microsoft did not say who makes its HBM2E stacks": the subject's
    products = [a for a in cands if a.cls in {"Chip", "AIModel"}]
    if products and cands[0].cls != "MemoryVendor":  # "Micron said its HBM3E ...": the vendor's
        m.accepts = frozenset({products[0].cls})


def _the_relative_head(pronoun: Token, taken: set[int]) -> bool:
    """``pronoun`` is the subject of a clause inside a relative clause whose relative pronoun is its subject
    and whose head is a common noun no name stands for, or an organisation noun ("the report, which circulated
    widely after it appeared"; "a research firm, which ... after it appeared"): it refers to that noun, never
    to a model or chip named earlier."""
    if pronoun.lower_ not in {"it", "they"} or pronoun.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    clause = pronoun.head
    if clause.dep_ not in {"advcl", "conj"}:
        return False
    relative = clause.head
    if relative.dep_ != "relcl" or not any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in {"which", "that"}
                                           for c in relative.children):
        return False
    head = relative.head
    return head.pos_ == "NOUN" and head.i not in taken and (
        head.lower_ not in _COREF_WORDS or head.lower_ in ORG_NOUNS)


#: Plural firm nouns that refer back only with "both": "Both companies remain Nvidia customers".
_BOTH_FIRMS = frozenset({"companies", "firms", "labs", "chipmakers", "groups", "start-ups", "startups"})

#: Verbs that put models up for others to use: "offer them", "hosts them", "serves them".
_PUTTING_UP = forms("offer|offers|offered|offering|host|hosts|hosted|hosting|serve|serves|served|serving|sell|sells|"
                    "sold|selling|deploy|deploys|deployed|deploying|provide|provides|provided|providing")

def object_relative(clause: Token) -> bool:
    """A relative clause whose relative pronoun is not its subject: "which the new part replaces", "in which
    it has invested"."""
    return any(c.dep_ in {"dobj", "pobj", "nsubjpass"} and c.lower_ in {"which", "that", "whom"}
               or c.dep_ == "prep" and any(o.dep_ == "pobj" and o.lower_ in {"which", "whom"} for o in c.children)
               for c in clause.children)


def relative_antecedents(clause: Token) -> set[int]:
    """What a relative clause may be about: the noun the parser hangs it on, and for one opened by a preposition
    the name just before its comma ("a strategy built around OpenAI, in which it has committed $13 billion":
    OpenAI)."""
    out = {clause.head.i} if clause.dep_ == "relcl" else set()  # (the parser may hang it on the main verb)
    left = clause.left_edge.i
    owned = clause.dep_ == "relcl" and any(c.dep_ == "poss" for c in clause.head.children)
    if left >= 2 and clause.doc[left - 1].text == "," and clause.doc[left].dep_ == "prep" and not owned:
        out.add(left - 2)  # (not "OpenAI's deal with Microsoft, in which ...": the owner's deal)
    return out


_COREF_WORDS = PRONOUNS | ORG_NOUNS | frozenset({"both", "each", "them",
    "chip", "chips", "accelerator", "accelerators", "gpu", "gpus", "processor", "processors", "part",
    "superchip", "npu", "tpu", "model", "models", "chatbot", "llm", "package", "die", "dies", "silicon", "device",
    "module", "flagship", "family", "generations", "card", "cards"}) | frozenset(_BOTH_FIRMS) | _MACHINE_WORDS


_BIGGER = frozenset({"larger", "bigger", "largest", "biggest"})
_SMALLER = frozenset({"smaller", "smallest", "lighter", "lightest"})
_SMALL_TIERS = frozenset({"mini", "air", "lite", "nano", "small", "flash", "haiku", "micro", "tiny"})
_SIZE = re.compile(r"(\d+(?:\.\d+)?)\s*([bmt])\b", re.IGNORECASE)
#: The size or tier at the end of a name: what is left is the line ("gpt-oss-120b" -> "gpt-oss").
_SIZE_OR_TIER = re.compile(r"[\s-]+(?:\d+(?:\.\d+)?[bmt]|" + "|".join(sorted(_SMALL_TIERS)) + r")$")


def _size_rank(label: str) -> float | None:
    """How big a model's name says it is: its size ("gpt-oss-120b" -> 120e9), else small for a small tier."""
    m = _SIZE.search(label)
    if m:
        return float(m.group(1)) * {"b": 1e9, "m": 1e6, "t": 1e12}[m.group(2).lower()]
    return 0.0 if set(re.split(r"[\s-]+", label.lower())) & _SMALL_TIERS else None


def _by_size(doc: Doc, mentions: list[Mention], taken: set[int]) -> list[Mention]:
    """"The larger model has 117 billion parameters": of the two models just named, the one whose name
    says it is bigger (or smaller: "the smaller one", "its lighter sibling")."""
    out = []
    named = [m for m in mentions if m.source != "coref" and m.cls == "AIModel" and m.label]
    for i, low in enumerate(lowered_forms(doc)):  # (the doc's lower-case forms, worked out once)
        if low not in {"model", "one", "version", "variant", "sibling"} or i in taken:
            continue
        tok = doc[i]
        size = next((c.lower_ for c in tok.children if c.dep_ == "amod" and c.lower_ in _BIGGER | _SMALLER), None)
        det = next((c for c in tok.children if c.dep_ in {"det", "poss"} and c.lower_ in {"the", "its", "their"}),
                   None)
        if size is None or det is None:
            continue
        recent = list(dict.fromkeys(m.label for m in reversed(named) if tok.sent.start - 120 <= m.i < tok.i))
        lines: dict[str, list[str]] = {}
        for label in recent:
            lines.setdefault(_SIZE_OR_TIER.sub("", label.lower()), []).append(label)
        pairs = [labels for labels in lines.values() if len(labels) == 2]
        if len(pairs) != 1:
            continue  # two sizes of one line ("gpt-oss-120b", "gpt-oss-20b"), no more, no fewer
        recent = pairs[0]
        ranks = [_size_rank(label) for label in recent]
        if sorted(ranks, key=str) == [0.0, None]:  # "GLM-4.5" and "GLM-4.5-Air": the plain name is the bigger
            ranks = [1.0 if r is None else r for r in ranks]
        if None in ranks or ranks[0] == ranks[1]:
            continue
        pick = max if size in _BIGGER else min
        chosen = pick(zip(ranks, recent))[1]
        ante = next(m for m in named if m.label == chosen)
        start = min(det.i, tok.i)
        out.append(Mention(tok.i, start, tok.i + 1, None, "", doc[start:tok.i + 1].text, "coref",
                           frozenset({"AIModel"}), [ante]))
    return out


#: Nouns for one size of a model line: "the 8-billion-parameter version of Llama 3".
_SIZED_NOUNS = frozenset({"version", "versions", "variant", "variants", "model", "models", "edition", "editions",
                          "size", "sizes", "flavour", "flavours", "flavor", "flavors"})
_SCALES = {"million": "M", "billion": "B", "trillion": "T"}


def _sized_versions(doc: Doc, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """"the 8-billion-parameter version of Llama 3", "the one-billion- and three-billion-parameter versions of
    Llama 3.2": the line's members of those sizes, when the gazetteer knows them ("Llama 3 8B"). The noun
    ("versions") names the last size's member, each other size is named at its own number. Returns the new
    mentions."""
    out = []
    for m in mentions:
        tok = doc[m.i]
        if m.source == "coref" or m.cls != "AIModel" or tok.dep_ != "pobj" or tok.head.lower_ != "of" \
                or tok.head.head.lower_ not in _SIZED_NOUNS:
            continue
        noun = tok.head.head
        sizes = []  # (token of the scale word, "8B")
        words = doc[noun.left_edge.i:noun.i]
        for k, w in enumerate(words):
            scale = _SCALES.get(w.lower_.rstrip("-"))
            before = [t for t in words[max(0, k - 2):k] if t.text != "-"]
            if scale is None or not before:
                continue
            number = before[-1].lower_
            value = NUMBER_WORDS.get(number) if number in NUMBER_WORDS else number.replace(",", "")
            try:
                amount = float(value)
            except (TypeError, ValueError):
                continue
            sizes.append((w, f"{amount:g}{scale}"))
        members = [(w, gazetteer.lookup(f"{m.label} {size}")) for w, size in sizes]
        members = [(w, e) for w, e in members if e is not None and e.cls == "AIModel"]
        if not members or len(members) != len(sizes):
            continue
        *others, (_last, entry) = members
        out.append(Mention(noun.i, noun.left_edge.i, noun.i + 1, entry.label, entry.cls,
                           doc[noun.left_edge.i:noun.i + 1].text, "gazetteer"))
        out += [Mention(w.i, w.i, w.i + 1, e.label, e.cls, w.text, "gazetteer") for w, e in others]
    return out


_BASE_WORDS = frozenset({"base", "pre-trained", "pretrained", "foundation", "raw"})
_TUNED_WORDS = frozenset({"instruct", "instruction", "tuned", "fine-tuned", "instruction-tuned", "chat", "aligned",
                          "post-trained", "finetuned"})
_TUNED_SUFFIX = re.compile(r"[- ](?:instruct|chat|it)$", re.IGNORECASE)


#: Tier words a description may name a model by ("the mini model", "the MoE version"), lower case.
_TIER_WORDS = frozenset(t.lower() for t in TIERS - {"Instruct", "Base", "Chat", "Preview", "Exp", "Large", "Small",
                                                     "Medium", "Max", "Plus"}) | {"moe"}


def _described_models(doc: Doc, mentions: list[Mention], taken: set[int]) -> list[Mention]:
    """Descriptions that name one of the models just named by their own words: "the base model" / "the
    instruction-tuned version" (of "Solar 10.7B" and "Solar 10.7B Instruct"), "the mini model" (of
    "Phi-3.5-mini-instruct", "Phi-3.5-MoE-instruct" and "Phi-3.5-vision-instruct"). Resolved here, before
    pronouns are linked, so that a pronoun after them follows them."""
    out = []
    named = [m for m in mentions if m.source != "coref" and m.cls == "AIModel" and m.label]
    if not named:
        return out
    for tok in doc:
        if tok.lower_ not in {"model", "version", "variant", "one", "release", "checkpoint"} or tok.i in taken:
            continue
        det = next((c for c in tok.children if c.dep_ in {"det", "poss"}
                    and c.lower_ in {"the", "its", "their", "this", "that"}), None)
        modifiers = [t for c in tok.children if c.dep_ in {"amod", "compound", "nmod"} and c.i < tok.i
                     for t in c.subtree]
        words = {t.lower_ for t in modifiers if t.text.islower() or t.i == tok.i - 1}  # (a name only right
        # before the noun: "its Sonar model", not "its GPT-4 competitor model")
        if det is None:  # "the on-device model runs ...", which the parser may take apart: read the words
            det, words = _determined_run(doc, tok)
        if det is None or not words:
            continue
        recent = list(dict.fromkeys(m.label for m in reversed(named) if tok.sent.start - 200 <= m.i < tok.i))
        chosen = _by_tuning(words, recent) or _by_tier(words, recent) or _by_name_word(words, recent)
        if chosen is None:
            continue
        ante = next(m for m in named if m.label == chosen)
        start = min(det.i, tok.i)
        out.append(Mention(tok.i, start, tok.i + 1, None, "", doc[start:tok.i + 1].text, "coref",
                           frozenset({"AIModel"}), [ante]))
        taken.add(tok.i)
    return out


def _determined_run(doc: Doc, tok) -> tuple:
    """``(determiner, words)`` of "the on-device model" read from the text: a determiner at most four
    tokens before ``tok`` with only lower-case words and hyphens between; ``(None, set())`` otherwise."""
    for j in range(tok.i - 1, max(tok.sent.start, tok.i - 5) - 1, -1):
        t = doc[j]
        if t.lower_ in {"the", "its", "their"}:
            return (t, {w.lower_ for w in doc[j + 1:tok.i]}) if j < tok.i - 1 else (None, set())
        if not (t.text == "-" or t.is_alpha and t.text.islower()):
            break
    return None, set()


def _by_tuning(words: set[str], recent: list[str]) -> str | None:
    """"the base model", "the instruction-tuned version": of one model and its tuned sibling just named
    (no more, no fewer), the one the words name."""
    wanted = "base" if words & _BASE_WORDS else "tuned" if words & _TUNED_WORDS else None
    if wanted is None:
        return None
    pairs = [(base, tuned) for tuned in recent if _TUNED_SUFFIX.search(tuned)
             for base in recent if key(base) == key(_TUNED_SUFFIX.sub("", tuned))]
    if len(pairs) != 1:
        return None
    return pairs[0][0] if wanted == "base" else pairs[0][1]


def _by_tier(words: set[str], recent: list[str]) -> str | None:
    """"the mini model": the one model just named whose name has that tier word."""
    tier = next(iter(sorted(words & _TIER_WORDS)), None)
    if tier is None:
        return None
    fitting = [label for label in recent if tier in re.split(r"[\s\-.]+", label.lower())]
    return fitting[0] if len(fitting) == 1 else None


#: Modifier words too general to pick a model out by its name ("the new model", "the open version").
_GENERAL_WORDS = frozenset({"new", "newer", "newest", "latest", "old", "older", "large", "larger", "largest", "small",
                            "smaller", "smallest", "big", "bigger", "biggest", "open", "first", "second", "previous",
                            "own", "main", "flagship", "language", "ai", "model", "models", "the", "a", "an", "on",
                            "of", "-", "its", "their", "same", "other", "original", "current", "earlier", "next"})


#: Words by which a description speaks of a model other than the one named: "the new on-device model", "its
#: first Llama model" (one member of the family named).
_ANOTHER_ONE = frozenset({"new", "newer", "next", "updated", "upcoming", "future", "forthcoming", "successor",
                          "first", "second", "third", "last", "earlier", "earliest", "previous", "older", "original"})


def _by_name_word(words: set[str], recent: list[str]) -> str | None:
    """"the server model", "the on-device model" (of "AFM-server" and "AFM-on-device"): the one model just
    named whose name has the description's own word."""
    own = {p for w in words for p in w.split("-") if len(p) > 2 and p not in _GENERAL_WORDS and p.isalpha()}
    if not own or words & _ANOTHER_ONE:
        return None  # ("the new on-device model": this year's; "its first Llama model": one of the family)
    fitting = [label for label in recent if own & set(re.split(r"[\s\-.]+", label.lower()))]
    return fitting[0] if len(fitting) == 1 else None


_LINE_WORDS = frozenset({"family", "series", "line", "lineup"})


def _called_a(tok, m: Mention, noun: str) -> bool:
    """"GPT-4.1, a new family of models", "its Instinct MI350 series": the name is called a ``noun``."""
    return noun in m.label.lower().split() or tok.head.lower_ == noun or any(
        c.dep_ == "appos" and c.lower_ == noun for c in tok.children)


def _fronted_adjunct(tok, pronoun: bool = True) -> set[int]:
    """Token indices of the subject-less adjuncts before a subject pronoun's own clause.

    "Derived from the Hopper architecture, it ...", "Like other Hopper parts, it ...":
    the pronoun names the thing those phrases describe, never a name inside them. A definite
    description is kept from comparisons only ("Like the MI300X, the new part ..."):
    "According to the Baichuan 2 report, the models ..." are Baichuan 2.
    """
    if tok.dep_ not in {"nsubj", "nsubjpass"}:
        return set()
    out: set[int] = set()
    for c in tok.head.children:
        if c.i >= tok.i:
            continue
        # ("In announcing the Google deal, the company ...": what the company itself did)
        if c.dep_ == "prep" and (pronoun or c.lower_ in {"like", "unlike"} or any(
                g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children)) \
                or c.dep_ == "advcl" and c.tag_ in {"VBN", "VBG"} and not any(
                cc.dep_ in {"nsubj", "nsubjpass"} for cc in c.children):
            out.update(t.i for t in c.subtree)
    return out


def _verb_of(tok) -> int | None:
    """The index of the verb whose clause ``tok`` stands in."""
    return next((a.i for a in tok.ancestors if a.pos_ in {"VERB", "AUX"}), None)


def _clause_subject(tok, climb: bool = False) -> int | None:
    """The subject of the clause ``tok`` is an object in; with ``climb``, also the subject of the verb an
    infinitive completes ("Amazon agreed to invest ... in the company")."""
    head = tok.head
    if tok.dep_ in {"dobj", "pobj", "attr"}:
        verb = head if head.pos_ in {"VERB", "AUX"} else head.head
        if climb and verb.dep_ == "dobj" and verb.pos_ != "VERB":
            verb = verb.head  # "to invest $4 billion in the company"
        while True:
            for c in verb.children:
                if c.dep_ in {"nsubj", "nsubjpass"}:
                    return c.i
            if not climb or verb.dep_ != "xcomp" or verb.head.i == verb.i:
                return None
            verb = verb.head
    return None


#: Prepositions whose object, on a verb, is another party than the verb's subject: "invest in the company",
#: "sold chips to the company", "a deal with the company", "bought from the company".
_OTHER_PARTY = frozenset({"in", "into", "to", "with", "from"})


def _object_of_a_deal(tok) -> bool:
    """A description that is the object of its clause's verb, or the object of a preposition of another
    party on it: "A, B and C all backed the company", "Amazon agreed to invest $4 billion in the company"."""
    if tok.dep_ == "dobj":
        return True
    if tok.dep_ != "pobj" or tok.head.lower_ not in _OTHER_PARTY or tok.head.dep_ != "prep":
        return False
    holder = tok.head.head
    return holder.pos_ == "VERB" or holder.dep_ == "dobj" and holder.head.pos_ == "VERB"
