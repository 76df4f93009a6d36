"""Which entity a figure describes: the attribute claims of a parsed document.

:func:`ingest.extractors.figures.find_figures` reads the numbers of a sentence; :func:`attach_figures` gives
each to the entity it describes, from the parse and the relation claims of the same sentence: "the H100
carries 80 GB" (the subject), "trained on 2,048 H800s" (who trained on them), "A DGX H100 server combines
eight H100 GPUs" (the system), "Both handle a context window of 128,000 tokens" (each of the two).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from kg._model import Claim
from ingest.extractors.coref import relative_antecedents
from ingest.extractors.entities import ORG_CLASSES as ORGANIZATION_CLASSES
from ingest.extractors.figures import AttributeExtractor, find_figures
from ingest.extractors.funding import investor_link
from ingest.extractors.lexicon import SYSTEM_NOUNS
from ingest.extractors.syntax import tree_distance

ATTRIBUTE_EXTRACTOR = "kg.attributes.v1"


def figure_subject(doc: Doc, sent, span, attribute: str, classes, in_sent, investors, raiser=None,
                   gazetteer=None):
    """``((rank), label)`` of the entity a figure describes, or None."""
    anchor = span.root
    label_of_i = {m.i for m in in_sent}
    # "144GB on Gaudi 3", "1.6 TB/s for the 950DT": a chip named right after the figure
    for j in range(span.end, min(span.end + 4, sent.end)):
        if doc[j].pos_ in {"VERB", "AUX"} or (attribute in {"parameterCount", "activeParameters"}
                                              and doc[j].lower_ in {"model", "models", "version", "variant"}):
            break  # ("the 11B model is built on Llama 3.1 8B": the preposition is another clause's)
        if doc[j].lower_ in {"on", "for", "in", "of"} and j + 1 < sent.end:
            k = j + 1  # "on the original H100": past determiners and adjectives
            while k < min(sent.end, j + 4) and doc[k].pos_ in {"DET", "ADJ", "ADV"} and k not in label_of_i:
                k += 1
            for m in in_sent:
                if m.i in (j + 1, j + 2, k):
                    r = m.resolve(classes)
                    if r is not None and r.label not in investors:
                        return ((0, 0, 0), r.label)
            break
    if attribute == "chipCount":  # who has (or was trained on) the chips; else the chips counted
        owner = _count_owner(anchor, in_sent, classes)
        if owner is not None:  # "It operated more than 250,000 GPUs": the subject of the verb
            return ((0, 0, 0), owner)
        best = None
        for m in in_sent:
            if span.start <= m.i < span.end and m.cls in ORGANIZATION_CLASSES:
                continue  # "63,744 Intel GPUs": the chips' maker, not who has them
            if doc[m.i].dep_ == "pobj" and doc[m.i].head.lower_ in {"through", "via"}:
                continue  # "4,096 GPUs running through Amazon SageMaker": the channel, not who has them
            r = m.resolve(classes)
            if r is None and not (span.start <= m.i < span.end + 2):
                r = m.resolve(frozenset({"Chip"}))  # "A DGX H100 server combines eight H100 GPUs": the system
                r = r if r is not None and _a_system(r.label, doc[m.i], gazetteer) else None
            if r is None:
                continue
            d = tree_distance(anchor, doc[m.i])
            if d <= 5 and (best is None or (d, abs(m.i - anchor.i)) < best[0][:2]):
                best = ((d, abs(m.i - anchor.i), 0), r.label)
        if best is None and span[0].text[:1].isdigit():  # ("eight H100s" in a server: no fleet of H100s)
            for m in in_sent:
                if span.start <= m.i < span.end + 2 and m.cls == "Chip" and m.label:
                    return ((2, 0, 0), m.label)
        return best
    if attribute == "fundingAmountUSD":
        recipient = _money_recipient(anchor, in_sent, classes)
        if recipient is not None:  # "Amazon put a further $2.75 billion into Anthropic"
            return ((0, 0, 0), recipient)
    if attribute == "fundingAmountUSD" and raiser:
        return ((0, 0, 0), raiser)
    if attribute in {"parameterCount", "activeParameters"} and _sizes_an_unnamed_subject(anchor, label_of_i):
        return None  # "The 13-billion-parameter version outperformed GPT-3": not GPT-3's size
    best = None
    clause = _clause_of(anchor)
    own = [m for m in in_sent if _clause_of(doc[m.i]) == clause and m.resolve(classes) is not None]
    if not own and _unnamed_subject(clause, anchor):
        return None  # "Where the H100 carries 80 GB, its successor packs 141 GB": not the H100's 141 GB
    for m in in_sent:
        r = m.resolve(classes)
        if r is None or r.label in investors:
            continue
        d = tree_distance(anchor, doc[m.i]) + (3 if _set_aside(doc[m.i], anchor) else 0) \
            + (4 if _versioned(doc[m.i], anchor) else 0)
        rank = (d, 0 if m.i < anchor.i else 1, abs(m.i - anchor.i))
        if best is None or rank < best[0]:
            best = (rank, r.label)
    return best

def attach_figures(doc: Doc, mentions, offset: int, attribution, claims=(), *, raisers=None, focus=None,
                   gazetteer=None) -> list[Claim]:
    """The attribute claims of ``doc``: every figure of every sentence, given to the entity it describes.

    Parameters
    ----------
    mentions : the resolved mentions of ``doc``
    offset : where ``doc`` starts in the document's text (long documents are parsed in parts)
    attribution : ``attribution(sent, token)`` -> the sources the sentence gives for a statement
    claims : the relation claims made so far (who trained on / uses the chips a count is about)
    raisers : sentence start -> the organisation raising money in it; ``focus`` : the one the article is about
    gazetteer : to tell a named system (a supercomputer, a cluster) from a chip
    """
    out = []
    users: dict[int, dict[str, str]] = {}  # sentence start (in the text) -> chip -> who trains on / uses it
    for c in claims:
        if c.kind == "relation" and c.modality in {"asserted", "hedged"} and c.predicate in _HARDWARE_USE:
            users.setdefault(c.start, {})
            rank = _HARDWARE_USE.index(c.predicate)
            held = users[c.start].get(c.object)
            if held is None or rank < held[0]:
                users[c.start][c.object] = (rank, c.subject)
    backed: dict[int, list[tuple[str, str]]] = {}  # sentence start (in the text) -> (company, its backer)
    for c in claims:
        if c.kind == "relation" and c.predicate == "fundedBy":
            backed.setdefault(c.start, []).append((c.subject, c.object))
    sents = list(doc.sents)
    for k, sent in enumerate(sents):
        figures = find_figures(sent.text)
        if not figures:
            continue
        in_sent = [m for m in mentions if sent.start <= m.i < sent.end]
        investors = set()
        for m in in_sent:
            if investor_link(doc[m.i]) is not None and m.label:
                investors.add(m.label)
        # "bringing in $100 million from a group of investors that included Nvidia": the backers the relations
        # found are no raisers; the one company they back is
        pairs = backed.get(offset + sent.start_char, [])
        backers = {backer for _company, backer in pairs}
        backed_here = {company for company, _backer in pairs}
        told_as_round = bool(pairs) and (any(t.lower_ in _ROUND_WORDS for t in sent) and not any(
            doc[m.i].dep_ in {"nsubj", "nsubjpass"} and m.label in backers for m in in_sent) or any(
            doc[m.i].dep_ == "pobj" and doc[m.i].head.lower_ in {"in", "into", "to"} and m.label in backed_here
            for m in in_sent))  # (or the money goes "into Anthropic")
        raiser = (raisers or {}).get(sent.start)
        if told_as_round:  # (not "Sequoia, which backed Groq, raised a new $2 billion fund": its own money)
            investors |= backers
            companies = backed_here - investors
            named_here = {m.label for m in in_sent if m.label and m.cls in ORGANIZATION_CLASSES} - investors
            if raiser is None and len(companies) == 1 and not named_here - companies:
                raiser = next(iter(companies))
        for fig in figures:
            span = doc.char_span(sent.start_char + fig.start, sent.start_char + fig.end, alignment_mode="expand")
            if span is None:
                continue
            anchor = span.root
            classes = AttributeExtractor.SUBJECTS[fig.attribute]
            best = None
            if fig.attribute == "chipCount":  # "trained on 2,048 H800s": the model (or lab) that used them
                best = _chip_user(doc, sent, span, in_sent, users.get(offset + sent.start_char, {}), gazetteer)
            if best is None:
                best = figure_subject(doc, sent, span, fig.attribute, classes, in_sent, investors, raiser,
                                      gazetteer)
            if best is None and fig.attribute == "fundingAmountUSD" and focus:
                best = ((8, 0, 0), focus)
            group = _group_named(anchor, mentions, sents[max(0, k - 4)].start, classes) \
                if fig.attribute in _SHARED_FIGURES and not (best is not None and best[0][0] == 0) else []
            if (best is None or best[0][0] > 8) and not group:
                continue
            if _denied_figure(anchor):
                continue  # "will not carry the 288 GB": a value the text denies or only supposes
            sources = attribution(sent, anchor)
            confidence = round(max(0.3, 0.9 - 0.05 * best[0][0]), 2) if best is not None else 0.6
            for subject in group or [best[1]]:
                out.append(Claim(
                    subject=subject, predicate=fig.attribute, object=fig.value, modality="asserted",
                    attributed_to=sources, sentence=sent.text, start=offset + sent.start_char,
                    end=offset + sent.end_char, confidence=confidence if not group else 0.6,
                    extractor=ATTRIBUTE_EXTRACTOR, kind="attribute",
                ))
    return out


#: Words that tell a funding round: the money of a sentence with its backers is the round's only then.
_ROUND_WORDS = frozenset({"round", "series", "seed", "funding", "financing", "fundraising", "tranche"})

#: Figures a group shares ("Both accept up to 128,000 tokens", "The MI350X and MI355X each carry 288 GB").
_SHARED_FIGURES = frozenset({"contextLength", "memoryCapacityGB", "memoryBandwidthTBps"})
_GROUP_SIZES = {"both": 2, "two": 2, "three": 3, "four": 4, "all": None, "they": None, "each": None}


def _group_named(anchor, mentions, since: int, classes) -> list[str]:
    """The names a group subject of the figure's clause stands for: "Both handle a context window of 128,000
    tokens", "All three share ...", "the two small models support ...", "they have ...": the last two (three)
    names of the attribute's class before it, or all those the sentence before named."""
    verb = _clause_of(anchor)
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None:
        return []
    by_i = {m.i: m for m in mentions if m.source != "coref" and m.cls in classes and m.label}
    together = [by_i[t.i].label for t in [subj, *subj.conjuncts] if t.i in by_i]
    if len(set(together)) > 1:  # "The MI350X and MI355X each carry 288 GB of HBM3E"
        return list(dict.fromkeys(together))
    words = [t.lower_ for t in subj.subtree]
    size_words = [w for w in words if w in _GROUP_SIZES]
    if not size_words or words[-1] not in _GROUP_SIZES and not subj.tag_ in {"NNS", "NNPS"}:
        return []  # "Both handle ..." / "All three share ..." / "the two small models" / "they", not "each chip"
    size = next((_GROUP_SIZES[w] for w in size_words if _GROUP_SIZES[w]), None)
    named = [m for m in mentions if since <= m.i < subj.i and m.source != "coref" and m.cls in classes and m.label]
    labels = list(dict.fromkeys(m.label for m in reversed(named)))
    if labels:  # one line: "Llama 3.1 8B and 70B" with the 405B, not the Claude model they were compared with
        line = re.split(r"[\s-]", labels[0].lower())[0]
        labels = [label for label in labels if re.split(r"[\s-]", label.lower())[0] == line]
    if size is not None:
        return labels[:size] if len(labels) >= size else []
    last_sent = [m for m in named if m.i >= subj.sent.start] or [
        m for m in named if m.i >= (named[-1].i if named else 0) - 60]
    return list(dict.fromkeys(m.label for m in last_sent)) if 1 < len(set(m.label for m in last_sent)) <= 4 else []


_HAVING_VERBS = frozenset({"operated", "operates", "operate", "has", "have", "had", "owns", "owned", "bought",
                           "buys", "ordered", "orders", "deployed", "deploys", "runs", "ran", "installed", "uses",
                           "used", "rents", "rented", "acquired", "purchased", "received"})


def _count_owner(anchor, in_sent, classes) -> str | None:
    """The organisation whose verb of having takes the counted chips as its object."""
    cur = anchor
    for _ in range(4):  # from "250,000" up through "GPUs" (and "of") to the verb
        if cur.pos_ in {"VERB", "AUX"}:
            break
        cur = cur.head
    if cur.lower_ not in _HAVING_VERBS:
        return None
    by_i = {m.i: m for m in in_sent}
    subj = next((c for c in cur.children if c.dep_ == "nsubj"), None)
    m = by_i.get(subj.i) if subj is not None else None
    r = m.resolve(frozenset(classes) & ORGANIZATION_CLASSES) if m is not None else None
    return r.label if r is not None and r.cls not in {"Publisher", "Government"} else None


def _money_recipient(anchor, in_sent, classes) -> str | None:
    """The organisation an amount went into: "put $2.75 billion into Anthropic", "invested $4 billion in X"."""
    verb = anchor
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    if verb.lower_ not in {"put", "puts", "poured", "pours", "pumped", "pumps", "invested", "invests", "invest",
                           "investing", "sunk", "sinks", "committed", "commits", "pledged", "pledges"}:
        return None
    by_i = {m.i: m for m in in_sent}
    for p in verb.children:
        if p.dep_ == "prep" and p.lower_ in {"into", "in", "to"}:
            for o in p.children:
                if o.dep_ != "pobj":
                    continue
                # "OpenAI, in which it has committed $13 billion": what "which" stands for
                named = sorted(relative_antecedents(verb), reverse=True) \
                    if o.lower_ in {"which", "whom"} and verb.dep_ in {"relcl", "advcl"} else [o.i]
                for i in named:
                    m = by_i.get(i)
                    r = m.resolve(classes) if m is not None else None
                    if r is not None:
                        return r.label
    return None


def _set_aside(tok, anchor) -> bool:
    """The name stands in a likeness or comparison the figure is not part of ("Like the L40, it carries
    48 GB", "more than the H100, it carries 141 GB")."""
    for a in tok.ancestors:
        if anchor in a.subtree:
            return False
        if a.lower_ in {"like", "unlike", "than", "versus", "vs", "vs."}:
            return True
    return False


def _versioned(tok, anchor) -> bool:
    """The name is what another, named, is a version of ("the M4 Pro, a higher-end version of the chip with
    64 GB"): the figures of the phrase are the named version's (not in "The SXM version of the chip carries
    80 GB", nor in "a version of the 7-billion-parameter Phi-3-small")."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in _VERSION_NOUNS \
        and tok.head.head.dep_ in {"appos", "attr"} and anchor not in tok.subtree


_VERSION_NOUNS = frozenset({"version", "versions", "variant", "variants", "derivative", "edition", "upgrade",
                            "refresh", "successor", "cut-down", "cut"})


_CLAUSE_DEPS = frozenset({"advcl", "relcl", "ccomp", "xcomp", "acl", "ROOT"})


def _clause_of(tok):
    """The head verb of the clause ``tok`` stands in (climbing past noun phrases and prepositions)."""
    cur = tok
    while cur.dep_ not in _CLAUSE_DEPS and not (cur.dep_ == "conj" and cur.pos_ in {"VERB", "AUX"}) \
            and cur.head.i != cur.i:
        cur = cur.head
    return cur


def _sizes_an_unnamed_subject(anchor, named: set[int]) -> bool:
    """The figure qualifies a model noun that carries no name and is its clause's subject ("The
    13-billion-parameter version outperformed GPT-3"), or a conjunct after a name ("built on Llama 3.1 8B and
    the 90B model on ..."); not "X is a 7-billion-parameter model"."""
    head = anchor
    while head.dep_ in {"compound", "nummod", "amod", "quantmod", "npadvmod"} and head.head.i != head.i \
            and head.head.i - anchor.i <= 6:
        head = head.head
        if head.lower_ in {"version", "variant", "model", "edition"}:
            # (also a model noun coordinated after a name: "built on Llama 3.1 8B and the 90B model on ...")
            return (head.dep_ in {"nsubj", "nsubjpass"} or head.dep_ == "conj" and head.head.i in named) \
                and head.i not in named and not any(
                c.i in named for c in head.children if c.dep_ in {"compound", "appos", "nmod", "poss"})
    return False


def _unnamed_subject(verb, anchor) -> bool:
    """The clause's subject is a common noun that names nothing ("its successor", "the newer design"),
    and the figure is not part of that subject ("671 billion parameters are ...")."""
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None or anchor in subj.subtree or any(w.like_num for w in subj.subtree):
        return False
    return subj.pos_ == "NOUN" and subj.ent_type_ == "" and not any(
        c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in subj.children) \
        and subj.lower_ not in {"chip", "chips", "accelerator", "gpu", "model", "part", "processor"}


#: Relations that put hardware to use, the most specific owner of a chip count first.
_HARDWARE_USE = ("preTrainedOn", "trainedOn", "postTrainedOn", "usesHardware", "runsOn")


_SYSTEM_NAME = re.compile(r"\b(?:DGX|HGX|NVL\d+|SuperPOD|SuperCluster|supercomputer|supernode|UltraServer|instances?|"
                          r"pods?|servers?|racks?|clusters?|systems?)\b", re.IGNORECASE)
_SYSTEM_HEADS = SYSTEM_NOUNS | {"server", "servers", "pod", "rack", "supernode"}


def _a_system(label: str, tok, gazetteer=None) -> bool:
    """A computer built from many chips ("DGX H100", "the Aurora supercomputer", "a Trn2 instance", "Colossus",
    which the gazetteer also calls "Colossus supercomputer", "CloudMatrix 384 is a rack-scale system"): it has
    a chip count of its own."""
    entry = gazetteer.get(label) if gazetteer is not None else None
    names = [label, *(entry.aliases if entry else ())]
    return any(_SYSTEM_NAME.search(n) for n in names) or tok.head.lower_ in _SYSTEM_HEADS or (
        tok.dep_ == "nsubj" and any(c.dep_ == "attr" and c.lower_ in _SYSTEM_HEADS for c in tok.head.children))


def _chip_user(doc, sent, span, in_sent, users: dict, gazetteer=None) -> tuple | None:
    """``((rank), label)`` of who trains on or uses the chips a count is about, from this sentence's claims;
    a machine that is the counting verb's subject has them itself ("Frontier, at Oak Ridge, uses 37,632
    MI250X GPUs": Frontier's count, not the laboratory's)."""
    if not users:
        return None
    verb = span.root
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    holder = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    system = next((m for m in in_sent if holder is not None and m.i == holder.i and m.cls == "Chip" and m.label
                   and m.source != "coref" and _a_system(m.label, holder, gazetteer)), None)
    if system is not None:
        return ((0, 0, 0), system.label)
    for m in in_sent:  # the chips counted: named in or right after the figure ("2,048 Nvidia H800 GPUs")
        if span.start <= m.i < span.end + 3 and m.label in users and m.cls == "Chip":
            return ((0, 0, 0), users[m.label][1])
    return None


def _denied_figure(anchor) -> bool:
    """Whether the clause a figure sits in is negated or a condition ("did not reach 1 TB/s")."""
    verb = anchor
    for _ in range(6):  # up to the verb that governs the figure
        if verb.pos_ in {"VERB", "AUX"} or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    for c in verb.children:
        if c.dep_ == "neg" or c.lower_ == "never" and c.dep_ == "advmod":
            return True
        if c.dep_ == "mark" and c.lower_ in {"if", "unless"}:
            return True
    return False
