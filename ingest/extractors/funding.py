"""Funding: who raised a round, when, and from whom (``fundedBy``, ``fundedIn``).

Funding is told over several sentences: the organisation raising money is
named once ("X has closed a $6 billion round") and the investors later ("The
round was led by A", "Among the participants were B and C", "D also took part
as a strategic investor", "E was not among the investors"). :class:`FundingRules`
keeps that *funding focus* across the sentences of a document and links every
organisation the syntax marks as an investor to it, with the modality of the
linking clause. A completed round without a stated date is dated by the article.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Token

from ingest.extractors.entities import Mention  # noqa: F401  (annotations)
from ingest.extractors.lexicon import INVEST_VERBS, TAKING, TENTATIVE
from ingest.extractors.lineage import relative_antecedent
from ingest.extractors.modality import modality_of
from ingest.extractors.syntax import (
    ORG, RawClaim, _Sentence, _mention_index, _subject_mention, before_punctuation, forms, possessor,
)

FUND_EVENT = forms("raised|raise|raises|raising|closed|closes|secured|secures|completed|completes|"
                   "landed|lands|round|fundraise|fundraising|financing|funding")


INVESTOR_NOUNS = forms("investor|investors|backer|backers|participants|participant|shareholders|"
                       "shareholder|funders|funder|lenders")

FUNDING_NOUNS = forms("round|funding|financing|investment|investments|raise|tranche|deal|stake|"
                      "capital|fundraising|fundraise|series|placement")

_RAISE_VERBS = forms("raised|raise|raises|raising|closed|closes|close|closing|secured|secures|secure|"
                     "securing|completed|completes|landed|lands|targeting|seeking|seeks|sought|expanding|"
                     "announced|announces|got|gets|received|receives|drew|draws|attracted|attracts|is|was|has")

#: Verbs of looking for money: a round sought is not a round raised, and has no funding date.
_SOUGHT = forms("seeking|seeks|seek|sought|targeting|targets|hoping|hopes|looking|trying|tries|tried|aiming|aims")
#: What an investor, not the company raising money, is said to own: "Microsoft's investment", "Nvidia's stake".
#: Verbs of getting rid of a holding: "sold its stake in X" puts no money into X.
_SELLING = forms("sold|sells|sell|selling|divested|divests|offloaded|unloaded|dumped|exited|exits|trimmed|cut")
_INVESTOR_OWNED = frozenset({"investment", "investments", "stake", "stakes", "holding", "holdings"})
_FROM_RAISING = forms("raised|raises|raise|raising|secured|secures|received|receives|drew|draws|attracted|"
                      "attracts|got|gets|obtained|obtains|took|takes|taken|landed|lands")
_MONEY_WORDS = forms("money|cash|funds|billion|billions|million|millions|dollars|euros|yuan|capital|equity|debt|"
                     "round|rounds")
_LEADING = forms("led|leads|lead|leading|co-led|co-leads|co-lead|headed|heads|joined|joins|join|joining|"
                 "anchored|anchors")
_BUYING = forms("buy|buys|bought|buying|purchase|purchased|purchases|purchasing|acquire|acquired|acquires|"
                "acquiring|take|took|takes|taking")
_MANAGING_VERBS = forms("managed|advised|affiliated|controlled|run|operated|owned")
_VEHICLE_NOUNS = forms("funds|fund|accounts|account|vehicles|vehicle|entities|entity|affiliates|affiliate|"
                       "clients|arm|arms")


#: Money a company got, named "with" it: "set up with backing from eight companies".
_WITH_BACKING = frozenset({"backing", "funding", "investment", "investments", "money", "capital", "financing"})
#: Verbs for a company's start, and the words that may qualify the money it started with.
_STARTING_UP = forms("set|sets|setting|founded|launched|launches|launch|started|starts|start|created|creates|"
                     "formed|forms|established|establishes|began|begins|begun|spun")
_MONEY_KINDS = frozenset({"financial", "initial", "early", "seed", "equity", "state", "public", "private"})


def _investor_link(tok: Token) -> Token | None:
    """The word that makes an organisation an investor in the round talked about, or None."""
    cur = tok
    while cur.dep_ in {"compound", "nmod"} and cur.head.pos_ == "PROPN" and cur.head.i > cur.i:
        cur = cur.head  # "BlackRock Private Equity Partners": the name goes on after the known part (or the
        #                 parser hung a list's first name on the last: "A and B Ventures were among the backers")
    while cur.dep_ in {"conj", "appos"} and cur.head != cur:
        if cur.dep_ == "appos" and cur.head.lower_ in INVESTOR_NOUNS:
            return cur.head  # "alongside existing backers Altimeter and Benchmark"
        cur = cur.head
    listed = _listed_after_investors(cur)
    if listed is not None:
        return listed
    head = cur.head
    dep = cur.dep_
    # "The round drew A, B and C, along with D": what a round draws in are its investors
    drawing = head.head.head if dep == "pobj" and head.lower_ == "with" and head.head.lower_ == "along" \
        else head.head if dep == "pobj" and head.lower_ in {"alongside", "with"} else head
    if (dep in {"dobj", "npadvmod", "attr"} or dep == "pobj" and drawing is not head) \
            and drawing.lower_ in _DRAWING and any(c.dep_ == "nsubj" and (c.lower_ in FUNDING_NOUNS or _round_noun(c))
                                                   for c in drawing.children) and not any(
            c.dep_ in {"acomp", "oprd", "xcomp", "ccomp"} or c.dep_ == "advmod" and c.lower_ not in {
                "also", "further", "additionally", "too"} or c.dep_ == "prep" and c.lower_ not in {
                "along", "alongside", "with", "from", "in", "according", "as"} or c.dep_ == "prt" and c.lower_ != "in"
            or c.dep_ == "prep" and c.lower_ == "as" and not any(o.lower_ in INVESTOR_NOUNS for o in c.children)
            for c in drawing.children):
        return drawing  # (not "the round brought Microsoft into conflict with Google", "includes Google only as a
        #                  customer", "brings Amazon closer to its rivals")
    # "led by funds and accounts managed by BlackRock", "vehicles affiliated with X": the manager invests
    if dep == "pobj" and head.lower_ in {"by", "with"} and head.head.lower_ in _MANAGING_VERBS \
            and head.head.dep_ == "acl" and head.head.head.lower_ in _VEHICLE_NOUNS:
        return _investor_link(head.head.head)
    # "led by Thrive Capital", "backed by Alibaba"
    if dep == "pobj" and head.lower_ == "by" and head.head.lower_ in INVEST_VERBS:
        return head.head
    # "investors including X", "backers include X", "participation from investors including X"
    if dep == "pobj" and head.lower_ in {"including", "include", "includes"}:
        anchor = head.head
        if anchor.lower_ in INVESTOR_NOUNS or anchor.lower_ in INVEST_VERBS or any(
                t.lower_ in INVESTOR_NOUNS for t in [anchor, *anchor.children]):
            return head
    if dep in {"dobj", "attr"} and head.lower_ in {"include", "includes", "included", "including"}:
        if any(c.dep_ == "nsubj" and c.lower_ in INVESTOR_NOUNS and not _whose_holders(c) for c in head.children):
            return head
        if head.dep_ == "relcl" and head.head.lower_ in FUNDING_NOUNS and any(
                c.dep_ == "nsubj" and c.lower_ in {"that", "which"} for c in head.children):
            return head  # "a round led by Inovia Capital that included Nvidia, Oracle and Salesforce Ventures"
    if dep == "prep" and cur.lower_ == "including":
        pass
    # "Among the participants were X, Y" / "X was not among the investors"
    if dep in {"nsubj", "attr"} and head.lemma_ in {"be"} | {head.lower_} and head.lower_ in {
            "is", "was", "were", "are", "be", "been", "being", "remains", "remained"}:
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in {"among", "including"} and any(
                    p.dep_ == "pobj" and p.lower_ in INVESTOR_NOUNS for p in c.children):
                return head
    # "Sinovation incubated 01.AI and is among its investors": a copula joined to the subject's first verb
    if dep == "nsubj":
        for v in head.children:
            if v.dep_ == "conj" and v.lower_ in {"is", "was", "are", "were", "remains", "remained"} and not any(
                    c.dep_ in {"nsubj", "nsubjpass"} for c in v.children) and any(
                    c.dep_ == "prep" and c.lower_ == "among" and any(p.dep_ == "pobj" and p.lower_ in INVESTOR_NOUNS
                                                                    for p in c.children) for c in v.children):
                return v
    # "Google is not an investor", "Nvidia is also a shareholder": of the company the article is about
    if dep == "nsubj" and head.lower_ in {"is", "was", "are", "were", "remains", "remained"} and any(
            c.dep_ == "attr" and c.lower_ in _BACKER_NOUNS and not any(g.dep_ in {"poss", "prep", "compound", "amod"}
                                                                       for g in c.children) for c in head.children):
        return head
    # "Tesla, the carmaker Musk runs, was not among the investors": the parser loses the subject of
    # a copula after a long apposition; a subject-less "was among the investors" takes the sentence's
    # first name
    if tok.i == tok.sent.start or all(t.is_punct or t.is_space for t in tok.doc[tok.sent.start:tok.i]):
        for v in tok.sent:
            if v.i <= tok.i or v.lower_ not in {"is", "was", "were", "are", "remains", "remained"}:
                continue
            if any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in v.children):
                continue
            for c in v.children:
                if c.dep_ == "prep" and c.lower_ == "among" and any(
                        p.dep_ == "pobj" and p.lower_ in INVESTOR_NOUNS for p in c.children):
                    return v
    # "Nvidia took part, as did ARK Invest and In-Q-Tel": what the clause of comparison repeats
    if dep == "nsubj" and head.lower_ in {"did", "do", "does"} and head.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ == "as" for c in head.children) and head.head.pos_ == "VERB" and not any(
            c.dep_ == "prep" and any(o.pos_ == "PROPN" for o in c.subtree) for c in head.children):
        # (not "as did Microsoft in a separate deal with Mistral AI": a deal of its own)
        main = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
        if main is not None and _investor_link(main) is not None:
            return head.head
    # "X also took part as strategic investors", "X joined as a backer"
    if dep == "nsubj":
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ == "as" and any(
                    p.dep_ == "pobj" and p.lower_ in INVESTOR_NOUNS for p in c.children):
                return head
        if head.lower_ in {"took", "take", "takes", "taking"} and any(c.lower_ == "part" for c in head.children):
            return head
    # "X invested / participated / committed / led the round"
    if dep in {"nsubj"} and head.lower_ in INVEST_VERBS:
        if any(c.dep_ == "prep" and c.lower_ in {"in", "into"} and any(
                p.dep_ == "pobj" and p.tag_ == "NNS" for p in c.children) for c in head.children):
            return None  # "X has put money into domestic chip designers": a kind of company, not the round's
        if head.lower_ in {"led", "leads", "lead", "joined", "joins", "join", "put", "puts", "wrote", "back", "backs", "backed"} and not any(
                t.lower_ in FUNDING_NOUNS for t in head.subtree) and not _the_round_again(head) \
                and not _joined_without_object(head):
            return None
        if head.lower_ in {"joined", "joins", "join", "joining"} and not _joins_as_backer(head):
            return None  # "with Microsoft joining the board", "Nvidia joined it as a customer"
        return head
    # "Figure named A, B and C as the other participants": the company's own list of its round's backers
    if dep in {"dobj", "oprd"} and head.lower_ in _NAMING and any(
            p.dep_ == "prep" and p.lower_ in {"as", "among"} and any(o.lower_ in INVESTOR_NOUNS and not any(
                c.lower_ in _NOT_YET_BACKERS or c.dep_ == "prep" for c in o.children) for o in p.children)
            for p in head.children) and not any(c.dep_ == "neg" for c in head.children) and _names_its_own(head):
        return head  # (not "Reports named A as possible investors", "cited A as an investor in OpenAI")
    # "Existing backers, including Alibaba": X hangs from "including" under an investor noun
    if dep == "pobj" and head.lower_ == "including" and head.head.lower_ in INVESTOR_NOUNS:
        return head
    # "funding from X", "investment from X"
    if dep == "pobj" and head.lower_ == "from" and head.head.lower_ in FUNDING_NOUNS | {"participation", "investment", "backing"}:
        return head
    # "raised $1 billion from X, Y and Z", "secured fresh capital from X"
    if dep == "pobj" and head.lower_ == "from":
        verb = head.head.head if head.head.lower_ in _MONEY_WORDS or head.head.like_num else head.head
        what = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if what is not None and what.pos_ == "NOUN" and what.lower_ not in FUNDING_NOUNS | _MONEY_WORDS and not any(
                t.like_num or t.text in {"$", "€", "£"} for t in what.subtree):
            return None  # "The round drew criticism from Google": no money drawn
        if verb.lower_ in _FROM_RAISING and verb.pos_ == "VERB" or _started_with_money(verb):
            return head  # (also "secured billions from X", "set up with ¥7.3 billion from X")
    # "set up with backing from eight companies, among them A and B": a name hung anywhere on the backing
    backing = next((a for a in list(cur.ancestors)[:3] if a.lower_ in _WITH_BACKING and a.dep_ == "pobj"
                    and a.head.lower_ == "with" and a.head.head.lower_ in _STARTING_UP and any(
                        p.dep_ == "prep" and p.lower_ == "from" for p in a.children)), None)
    if backing is not None:
        return backing
    # "X's investment"
    if dep == "poss" and head.lower_ in {"investment", "investments", "stake", "backing"}:
        return head
    # "raised $208 million, with Google and Nvidia among the investors"
    if dep == "pobj" and head.lower_ == "with" and any(  # (the parser may hang "among" on the verb, or on the
            p.dep_ == "prep" and p.lower_ == "among" and p.i > cur.i  # participle above: "led by X, with A and B
            and any(o.lower_ in INVESTOR_NOUNS for o in p.children)    # among the other investors")
            for p in [*cur.children, *(c for a in list(head.ancestors)[:3] for c in a.children)]):
        return head
    # "with A, B and C joining": the list after "with", however parsed, ends in the verb of its taking part
    if dep == "pobj" and head.lower_ == "with":
        j = cur.i + 1
        while j < cur.sent.end and (cur.doc[j].text in {",", "and", "&", "also"} or cur.doc[j].pos_ == "PROPN"
                                    or cur.doc[j].ent_type_):
            j += 1
        if j < cur.sent.end and cur.doc[j].lower_ in {"joining", "participating", "investing", "co-investing"} \
                and _joins_as_backer(cur.doc[j]):
            return head
    if dep == "dobj" and head.dep_ == "pcomp" and head.tag_ == "VBG" and head.head.lower_ in {"alongside", "with"} \
            and any(c.lower_ in INVESTOR_NOUNS for c in cur.children):
        dep, head = "pobj", head.head  # "alongside returning backers A and B", "returning" read as a verb
    # "A and B took part, alongside C": C took part too
    if dep == "pobj" and head.lower_ in {"alongside", "with"} and head.dep_ == "prep" and head.head.pos_ == "VERB":
        verb = head.head
        if verb.lower_ in INVEST_VERBS - {"put", "puts", "wrote"} or verb.lower_ in {"took", "take", "takes"} and any(
                c.lower_ == "part" for c in verb.children):
            return head
    return None


#: A backer noun that describes one organisation and names another ("Amazon is Anthropic's main investor").
_BACKER_NOUNS = frozenset({"backer", "investor", "shareholder", "funder", "backers", "investors", "shareholders",
                           "funders"})


def _gapped_investors(verb: Token, recipient: Token) -> list[Token]:
    """"Nvidia will invest up to $10 billion in Anthropic and Microsoft up to $5 billion": a second investor
    with its own sum and the verb left out, which the parser joins to the recipient or to the verb."""
    def with_money(tok: Token) -> bool:
        after = tok.doc[tok.i + 1:min(tok.i + 5, tok.sent.end)]
        return tok.pos_ == "PROPN" and any(t.text in {"$", "€", "£"} for t in after) and not any(
            t.pos_ in {"VERB", "AUX"} for t in after)
    if verb.pos_ != "VERB" or recipient.i <= verb.i:
        return []
    head = verb.head if verb.dep_ == "xcomp" else verb  # ("committed to invest ... , and Microsoft ...")
    return [c for h in (recipient, verb, head) for c in h.children if c.dep_ == "conj" and c.i > recipient.i
            and with_money(c)]


_DESCRIBED_BACKING_WORDS = INVESTOR_NOUNS | {"backed", "funded"}


def _in_which_antecedent(verb: Token, prep: Token, s: _Sentence) -> Token | None:
    """The name "in which" refers to: "Anthropic, in which Amazon has invested", "Anthropic, the Claude
    developer in which ...", or, when the parser hangs the clause on the main verb, the name before the comma
    ("Inflection worked with CoreWeave, in which Nvidia has also invested")."""
    if verb.dep_ == "relcl":
        head = verb.head
        if head.i not in s.by_token and head.dep_ == "appos":
            head = head.head
        if head.i in s.by_token:
            return head
    if verb.dep_ in {"relcl", "advcl"} and prep.i > 1 and prep.doc[prep.i - 1].text == ",":
        # ("a strategy built around OpenAI, in which Microsoft has committed $13 billion": the parser hangs the
        # clause on the strategy)
        before = prep.doc[prep.i - 2]
        if before.i not in s.by_token:
            return None
        owner = next((c for c in verb.head.children if c.dep_ == "poss" and c.i in s.by_token), None) \
            if verb.dep_ == "relcl" else None
        subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i in s.by_token), None)
        if owner is not None and subj is not None:
            # "OpenAI's deal with Microsoft, in which the software giant invested $10 billion": the name before
            # the comma invests, in the owner ("Microsoft's relationship with OpenAI, in which Microsoft
            # invested": in the name)
            said = s.by_token[subj.i].resolve(ORG)
            named = s.by_token[before.i].resolve(ORG)
            if said is not None and named is not None and said.label == named.label:
                return owner
        return before
    return None


def _in_the_main_clause(word: Token) -> bool:
    """No clause with a subject of its own stands between ``word`` and the sentence's main verb (a relative
    clause on a name may: "... led by ASML, which became its largest shareholder"; "while OpenAI said
    Microsoft remained its largest shareholder" may not)."""
    for a in word.ancestors:
        if a.dep_ == "ROOT":
            return True
        own = next((c for c in a.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if a.pos_ in {"VERB", "AUX"} and own is not None and not (
                a.dep_ == "relcl" and own.lower_ in {"which", "who", "that"}):
            return False
    return True


def _raising_subject(s: _Sentence):
    """The named organisation that is the subject of the sentence's main verb when that verb raises money
    ("Mistral AI, ..., raised €1.7 billion ..."), or None."""
    root = s.sent.root
    if root.lower_ not in _RAISE_VERBS - {"is", "was", "has", "announced", "announces"}:
        return None
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    m = s.by_token.get(subj.i) if subj is not None else None
    return m.resolve(ORG - {"Publisher", "Government"}) if m is not None and m.source != "coref" else None


def _whose_holders(noun: Token) -> bool:
    """"MGX, the fund whose founding shareholders include G42": the holders of the thing a relative clause
    describes, not of the round talked about (but "a Series B whose backers included A" is the round's)."""
    verb = noun.head
    return verb.dep_ == "relcl" and verb.head.lower_ not in FUNDING_NOUNS and not _round_noun(verb.head) and any(
        p.dep_ == "poss" and p.lower_ == "whose" for p in noun.children)


def _listed_runs(s: _Sentence) -> list[list[Mention]]:
    """Runs of three or more organisation names separated only by commas and "and", in word order."""
    doc = s.sent.doc
    orgs = [m for m in s.mentions if m.source != "coref" and m.resolve(ORG) is not None
            and doc[m.i].dep_ != "poss"]  # ("..., and Mistral's executives argued": no name in the list)
    runs, cur = [], []
    for m in orgs:
        if cur and all(t.lower_ in {",", "and", "&", "as", "well", "the"} for t in doc[max(cur[-1].end, cur[-1].i + 1):m.start]):
            cur.append(m)
        else:
            if len(cur) >= 3:
                runs.append(cur)
            cur = [m]
    if len(cur) >= 3:
        runs.append(cur)
    return runs


def _listed_after_investors(first: Token) -> Token | None:
    """"other participants, among them A, B and C": the investor noun a list is introduced after
    (read in word order: the parser often attaches such a list to the verb)."""
    doc, i = first.doc, first.i
    j = i - 1
    while j > first.sent.start and doc[j].lower_ in {"the", "a"}:
        j -= 1
    if doc[j].text == ":":  # "it named five investors in a post: A, B and C"
        return next((t for t in reversed(doc[first.sent.start:j]) if t.lower_ in INVESTOR_NOUNS), None)
    if j - 1 <= first.sent.start or doc[j].lower_ not in {"them", "whom"} or doc[j - 1].lower_ != "among":
        return None
    k = j - 2
    while k >= first.sent.start and doc[k].is_punct:
        k -= 1
    return doc[k] if k >= first.sent.start and doc[k].lower_ in INVESTOR_NOUNS else None


#: The verbs of backing a company: "Sequoia backed the company", "the fund that funds DeepSeek".
_BACKING_VERBS = forms("backed|funded|financed|bankrolled|backs|funds|finances|bankrolls")
_DIRECT_VERBS = forms("invested|invests|invest|investing|committed|commits|commit|poured|pours|put|puts|"
                      "putting|pledged|pledges") | _BACKING_VERBS


_INCLUDING = frozenset({"include", "includes", "included"})


#: Words that may stand between the names of a list of investors ("Temasek and its Xora Innovation fund").
_LIST_GLUE = frozenset({",", "and", "&", "as", "well", "the", "a", "also", "its", "fund", "arm", "unit", "venture",
                        "'s", "’s", "of", "capital", "investment", "group"})


def _group_named(words) -> bool:
    """Words that name a group whose members the list goes on with: "and Japan's three megabanks," before
    "MUFG, SMBC and Mizuho" (a number and a plural noun, ending with a comma or colon)."""
    if len(words) < 2 or words[-1].text not in {",", ":"}:
        return False
    rest = [t for t in words[:-1] if t.lower_ not in _LIST_GLUE and t.pos_ != "PROPN"]
    return any(t.tag_ == "NNS" for t in rest) and all(t.tag_ in {"NNS", "CD", "JJ"} for t in rest)


def _list_after(s: _Sentence, word: Token) -> list[tuple[Token, object]]:
    """The organisations listed right after ``word`` ("that included Microsoft and Nvidia, ..."), up to
    the first word that ends the list ("..., alongside several individuals, ... with CoreWeave")."""
    doc = s.sent.doc
    out, last = [], word.i
    for m in sorted((m for m in s.mentions if m.i > word.i and m.source != "coref"), key=lambda m: m.start):
        if m.start <= last:
            continue
        between = doc[last + 1:m.start]
        if any(t.lower_ not in _LIST_GLUE and t.pos_ != "PROPN" for t in between) and not _group_named(between):
            break
        inv = m.resolve(ORG - {"Publisher", "Government"})
        if inv is not None:
            out.append((doc[m.i], inv))
        last = m.end - 1
    return out


def _other_raisers(s: _Sentence, target: str) -> list[tuple[Token, str]]:
    """``(verb, raiser)`` for each clause of the sentence in which another organisation than ``target``
    raised money ("..., and Inflection said it had secured $1.3 billion from investors led by Microsoft")."""
    out = []
    for tok in s.sent:
        if tok.pos_ != "VERB" or tok.lower_ not in _RAISE_VERBS - {"is", "was", "has", "announced", "announces"} and not (
                tok.lower_ in _FROM_RAISING and any(c.dep_ == "prep" and c.lower_ == "from" for c in tok.children)):
            continue  # (and "has taken about $13 billion from Microsoft")
        if not any(c.dep_ == "dobj" and (c.lower_ in FUNDING_NOUNS | _MONEY_WORDS or any(
                t.like_num or t.text in {"$", "€", "£"} for t in c.subtree)) for c in tok.children):
            continue
        own = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        said = s.by_token.get(own.i) if own is not None else None
        subj = said.resolve(ORG - {"Publisher"}) if said is not None else None
        if subj is None or subj.label == target:
            continue
        if said.source == "coref" and not any(m.source != "coref" and m.label == subj.label and m.i < own.i
                                              for m in s.mentions):
            continue  # a pronoun counts only for a raiser the sentence has just named ("Inflection said it had")
        out.append((tok, subj.label))
    return out


def _backers_of(s: _Sentence, salience: dict[str, int]):
    """``(recipient, [(token, investor)])`` for "backers of Y include A, B and C", or None.

    The list after "include" is read in order of the words (the parser often
    mangles long lists of names); the recipient is the organisation after "of";
    a description there ("the company") is the organisation among its possible
    antecedents that the article names most often (``salience``: label -> count).
    """
    doc = s.sent.doc
    for i in range(s.sent.start, s.sent.end):
        tok = doc[i]
        including = next((c for c in tok.children if c.dep_ == "relcl" and c.lower_ in _INCLUDING and any(
            g.dep_ == "nsubj" and g.lower_ in {"that", "which"} for g in c.children)), None)
        of_investors = tok.lower_ in {"group", "consortium", "syndicate", "roster", "list"} and (any(
            p.lower_ == "of" and any(o.lower_ in INVESTOR_NOUNS for o in p.children) for p in tok.children)
            or tok.dep_ == "pobj" and tok.head.lower_ == "from" and tok.head.head.lower_ in _FROM_RAISING)
        # ("raised $1 billion from a group that included A, B and C")
        if (tok.lower_ in INVESTOR_NOUNS or of_investors) and including is not None:
            # "a round from a group of investors that includes A, B and C": the round's raiser's backers
            if any(c.dep_ == "neg" for c in including.children):
                return None
            raiser = None
            if tok.dep_ == "pobj" and tok.head.lower_ == "from":
                verb = tok.head.head
                if _no_round(verb) or modality_of(verb)[0] != "asserted":
                    return None  # "did not raise money from a group that included A": no backer, surely not a fact
                if tok.lower_ not in INVESTOR_NOUNS:  # "Ayar Labs took in $155 million from a group that
                    raiser = _subject_mention(s, verb, ORG - {"Publisher"})  # included ...": Ayar's backers
                    if raiser is None and not _the_rounds_money(verb):
                        return None
            return (raiser.label if raiser is not None else None), _list_after(s, including)
        if tok.lower_ in {"round", "raise", "financing", "funding"} and tok.dep_ == "nsubj" \
                and tok.head.lower_ in _INCLUDING and any(c.dep_ == "det" and c.lower_ in {"the", "that", "this"}
                                                          for c in tok.children):
            # "The round included Jeff Bezos, Thrive Capital and OpenAI": the backers of the round just told (not
            # "includes Google only as a customer")
            if any(c.dep_ == "neg" or c.dep_ == "prep" and c.lower_ == "as" and not any(
                    o.lower_ in INVESTOR_NOUNS for o in c.children) for c in tok.head.children):
                return None, []
            return None, _list_after(s, tok.head)
        if tok.lower_ not in INVESTOR_NOUNS or tok.dep_ != "nsubj" or tok.head.lower_ not in _INCLUDING:
            continue
        if any(c.dep_ == "neg" for c in tok.head.children):
            return None
        recipient = None
        owner = possessor(tok, s)  # "Zhipu's backers include", "its backers include"
        for p in [tok] if owner is not None else tok.children:
            if p is tok or p.dep_ == "prep" and p.lower_ in {"of", "in"}:
                for o in [owner] if p is tok else p.children:
                    if (o.dep_ == "pobj" or p is tok) and o.i in s.by_token:
                        m = s.by_token[o.i]
                        if m.source != "coref":
                            recipient = m.resolve(ORG - {"Publisher"})
                            continue
                        antes = [a for a in (m.antecedents or []) if a.cls in ORG - {"Publisher"}]
                        if antes:
                            recipient = max(antes, key=lambda a: salience.get(a.label, 0))
        if recipient is None:
            return None
        listed = []
        for m in s.mentions:
            if m.i <= tok.head.i or m.source == "coref":
                continue
            inv = m.resolve(ORG - {"Publisher", "Government"})
            if inv is not None and inv.label != recipient.label:
                listed.append((doc[m.i], inv))
        return recipient.label, listed
    return None


class FundingRules:
    """Mixin of :class:`ingest.extractors.relations.RelationExtractor`: the funding rules.

    Needs ``self._claim``, ``self._lowers`` (lower-cased tokens of the doc), and
    keeps ``self._focus`` (the organisation raising money) and ``self.raisers``
    (sentence start -> raiser) up to date.
    """

    # ------------------------------------------------------------------ funding
    def _funding(self, s: _Sentence, dates, published) -> list[RawClaim]:
        out = self._direct_investments(s, dates) + self._counted_backers(s) + self._backer_descriptions(s) \
            + self._rounds_and_shares(s, dates) + self._described_backing(s)
        self._backers |= {c.object for c in out if c.predicate == "fundedBy"}
        doc = s.sent.doc
        words = set(self._lowers[s.sent.start:s.sent.end])
        funding_context = bool(words & (FUNDING_NOUNS | INVESTOR_NOUNS | {
            "raised", "raise", "raises", "raising", "invested", "invest", "part", "participated", "participate",
            "participates", "participating", "backing"})) or bool(
            words & _FROM_RAISING and "from" in words and words & (_MONEY_WORDS | {"$", "€", "£"})) or (
            "from" in words and words & _STARTING_UP and any(_started_with_money(t) for t in s.sent))
        if not funding_context:
            return out
        def investing_here() -> set[str]:
            """The organisations the sentence names as investors."""
            return {r.label for m in s.mentions if m.source != "coref" and _investor_link(doc[m.i]) is not None
                    for r in [m.resolve(ORG)] if r is not None}

        # who raised: subject of a funding event verb
        focus_before = self._focus
        raiser = None
        someone_else = False  # a round the sentence gives to a company it only describes
        following = next((t.head.head for t in s.sent if _round_noun(t) and t.dep_ == "pobj" and t.head.lower_ == "with"
                          and t.head.head.lower_ in {"followed", "follows", "follow"}), None)
        if following is not None:  # "Cerebras followed on September 30 with a $1.1 billion Series G"
            raiser = _subject_mention(s, following, ORG - {"Publisher", "Government"})
            if raiser is not None:
                self._focus = raiser.label
                self.raisers[s.sent.start] = raiser.label
                out += self._funded_in(s, following, raiser, dates, published)
        followed = {t.i for t in following.subtree} if raiser is not None else set()
        for i in range(s.sent.start, s.sent.end):
            if self._lowers[i] not in FUND_EVENT or i in followed:
                continue
            tok = doc[i]
            if tok.lower_ in FUND_EVENT and tok.pos_ in {"VERB"} or (tok.lower_ in {"round", "funding", "financing"} and tok.dep_ in {"dobj", "pobj"}):
                verb = tok if tok.pos_ == "VERB" else tok.head
                while verb.dep_ in {"xcomp", "prep", "pobj", "dobj", "acl"} and verb.head != verb and verb.pos_ != "VERB":
                    verb = verb.head
                if _paid_for_a_purchase(verb):
                    continue  # "AMD bought ZT Systems in a deal that closed in March": a purchase, no funding
                subj = _subject_mention(s, verb, ORG - {"Publisher"})
                if verb.dep_ == "relcl" and verb.lower_ in _RAISE_VERBS and any(
                        c.dep_ == "nsubj" and c.lower_ in {"which", "that", "who"} for c in verb.children) and any(
                        c.dep_ == "dobj" and c.lower_ in FUNDING_NOUNS for c in verb.children):  # (not "a Series B,
                    # which closed in May": the round itself)
                    # "CoreWeave, the largest of the neoclouds, which in May closed a round led by Coatue": the
                    # round is the described company's (when the parser loses it, nobody's: not the article's)
                    named = relative_antecedent(s, verb, ORG - {"Publisher"})
                    subj = named[0][2] if named else subj
                    someone_else = subj is None
                own = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
                the_round = own if own is not None else next(
                    (c for c in verb.head.children if c.dep_ == "nsubj"), None) if verb.dep_ == "conj" else None
                round_subject = the_round is not None and _round_noun(the_round)
                owner = _round_owner(the_round, s) if subj is None and round_subject and not any(
                    p.dep_ == "prep" and p.lower_ in {"in", "into"} and any(o.i in s.by_token for o in p.children)
                    for p in the_round.subtree) else None  # (not "Nvidia's round of investment in xAI": the
                # investor's)
                if owner is not None and verb.lower_ in _RAISE_VERBS:
                    # "Mistral AI's Series B, led by General Catalyst, closed in June 2024": its owner's round
                    subj = s.by_token[owner.i].resolve(ORG - {"Publisher"})
                if subj is None and round_subject and self._focus and verb.lower_ in _RAISE_VERBS:
                    # "The Series B, announced in February 2024, raised $675 million": the round of the company
                    # the passage is about
                    subj = next((m for m in self._mention_at.values() if m.label == self._focus
                                 and m.source != "coref"), None)
                if own is not None and own.i not in s.by_token and own.pos_ == "NOUN" and not own.text.isupper() \
                        and own.lower_ not in FUNDING_NOUNS and not any(c.i in s.by_token for c in own.children):
                    subj = None  # "a review of the investment had been completed": not the raiser's round
                what = next((c for c in verb.children if c.dep_ == "dobj"), None)
                if what is not None and what.pos_ == "NOUN" and what.lower_ not in FUNDING_NOUNS | _MONEY_WORDS \
                        and not any(t.like_num or t.text in {"$", "€", "£"} for t in what.subtree):
                    subj = None  # "AMD raised its estimate of the market": no money raised
                if what is not None and what.lower_ in _OWN_FUNDS or verb.dep_ == "relcl" \
                        and verb.head.lower_ in _OWN_FUNDS:
                    subj = None  # "the fund that Sequoia raised in 2023": an investor's own fund, no round
                if subj is not None and _investor_link(doc[_mention_index(s, subj)]) is not None:
                    subj = None  # "Tesla did not take part in the round": an investor, not the raiser
                said = s.by_token.get(own.i) if own is not None else None
                here = investing_here() if subj is not None and said is not None and said.source == "coref" else set()
                if subj is not None and subj.label in here:
                    # "the company raised $1 billion ...; Nvidia, Amazon and Meta itself were among the
                    # participants": not Meta, another company it may stand for
                    other = self._described_recipient(said, own, None, prefer_focus=False, besides=here)
                    subj = dataclasses.replace(subj, label=other.label) if other is not None else None
                if subj is not None and said is not None and said.source == "coref" and self._focus \
                        and subj.label != self._focus and (subj.cls == "Investor" or subj.label in self._backers):
                    # "... DST Global also took part. ... when it raised €600 million": the company, not an investor
                    subj = dataclasses.replace(subj, label=self._focus)
                negated = any(c.dep_ == "neg" for c in verb.children) or verb.dep_ == "relcl" and _denied(verb.head)
                if any(c.dep_ == "dobj" and c.lower_ in {"investment", "investments", "stake", "stakes"} and any(
                        p.dep_ == "prep" and p.lower_ in {"in", "into"} for p in c.children) for c in verb.children):
                    subj = None  # "Amazon completed its investment in Anthropic": Amazon gave the money
                if subj is not None and not negated and verb.lower_ in _RAISE_VERBS and followed:
                    # "Cerebras followed with a Series G, after SambaNova raised $350 million": that round is
                    # dated too, and the sentence stays Cerebras's
                    out += self._funded_in(s, verb, subj, dates, published) if subj.label != raiser.label else []
                    break
                if subj is not None and not negated and verb.lower_ in _RAISE_VERBS:
                    raiser = subj
                    self._focus = subj.label
                    self.raisers[s.sent.start] = subj.label
                    out += self._funded_in(s, verb, subj, dates, published,
                                           max_hops=6 if round_subject else 4)
                    break
        if raiser is None:  # "Rapidus was set up with backing from Toyota, Sony and NTT": the clause's subject
            backed = self._backed_subject(s)
            if backed is not None:
                raiser, started = backed
                self._focus = raiser.label
                self.raisers[s.sent.start] = raiser.label
                # "set up in August 2022 with ... from ...": the founding is the first funding
                iso = next((iso for i, (iso, _span) in sorted(dates.items()) if s.sent.start <= i < s.sent.end
                            and s.tree.distance(started.i, i) <= 2), None)
                c = self._claim(raiser.label, "fundedIn", iso, started, s.sent, confidence=0.7,
                                rule="funding-event") if iso is not None else None
                if c:
                    out.append(c)

        # possessive round: "OpenAI's funding round"
        if raiser is None:
            for m in s.mentions:
                t = doc[m.i]
                r = m.resolve(ORG)
                if r is not None and t.dep_ == "poss" and (t.head.lower_ in FUNDING_NOUNS or _money_from(t.head) or
                                                           t.head.dep_ == "compound"
                                                           and t.head.head.lower_ in FUNDING_NOUNS):
                    # ("Mistral's seed round": the parser may hang the possessor on "seed")
                    here = investing_here() if m.source == "coref" else set()
                    if m.source == "coref" and (r.cls == "Investor" or r.label in self._backers | here):
                        # "Lightspeed, which led the company's seed round": not Lightspeed; "Nvidia joined the
                        # round, and Microsoft, which has backed the company since its previous fundraising": not
                        # Nvidia
                        r = self._described_recipient(m, t, None, prefer_focus=False, besides=here)
                        if r is None:
                            continue
                    raiser = r
                    if t.head.lower_ in _INVESTOR_OWNED:
                        continue  # "Microsoft's investment", "Nvidia's stake": the investor's, no new company to
                        # talk about (the sentence's round is not another's either)
                    self._focus = r.label
        if raiser is None and self._focus is not None and not someone_else:
            out += self._earlier_round(s, dates)
        out += self._investment_nouns(s, dates)  # after the focus: "Microsoft took a small stake" in it
        target = raiser.label if raiser is not None else None if someone_else else self._focus
        named = _backers_of(s, getattr(self, "_org_counts", {}))  # "earlier backers of the company include A, B and C"
        if named is not None:
            target, listed = (named[0] or target), named[1]
            for tok, inv in listed if target is not None else ():
                if inv.label == target:
                    continue
                said = next((a for a in tok.ancestors if a.pos_ in {"VERB", "AUX"}), tok.head)  # (the verb that
                c = self._claim(target, "fundedBy", inv.label, said, s.sent, obj_tok=tok, confidence=0.7,  # lists)
                                rule="backers-include")
                if c:
                    out.append(c)
        rivals = _other_raisers(s, focus_before) if focus_before else []
        if len({label for _verb, label in rivals}) >= 2:
            # "OpenAI has taken $13 billion from Microsoft, Anthropic has secured billions from Amazon": rivals'
            # money, set beside the article's company, which stays the company the article is about
            self._focus = target = focus_before
        if target is None:
            return out
        links = {m.i: _investor_link(doc[m.i]) for m in s.mentions}
        for run in _listed_runs(s):  # "A, B, C, D and E also took part": the parser often breaks long lists
            link = next((links[m.i] for m in run if links[m.i] is not None), None)
            for m in run:
                links[m.i] = links[m.i] or link
        invested_elsewhere = {c.object for c in out if c.predicate == "fundedBy" and c.subject != target
                              and c.rule == "direct-investment"}
        # "OpenAI, which relied on data centres run by its backer Microsoft": the word that makes Microsoft a backer
        # makes it OpenAI's, not the focus company's (but "led by Microsoft, OpenAI's largest backer" is the round's)
        described_elsewhere = {(c.object, c.trigger) for c in out if c.predicate == "fundedBy"
                               and c.subject != target and c.rule == "backer-description"}
        other_rounds = _other_raisers(s, target)
        for m in s.mentions:
            inv = m.resolve(ORG - {"Publisher", "Government"})
            if inv is None or inv.label == target or inv.label in invested_elsewhere:
                continue  # ("Microsoft committed an investment in OpenAI": OpenAI's backer, not the article's firm's)
            tok = doc[m.i]
            link = links[m.i]
            if link is None or (inv.label, link.i) in described_elsewhere or _without_new_money(link):
                continue
            # "X raised $270 million ..., and Y said it had secured $1.3 billion from investors led by A": A backs Y
            raiser = min(((len(list(verb.subtree)), label) for verb, label in other_rounds if tok in verb.subtree),
                         default=(0, target))[1]
            if inv.label in {label for _verb, label in other_rounds}:
                continue  # (Y raised money of its own in the sentence: no backer of X)
            if any(p.dep_ == "prep" and p.lower_ in {"in", "into"} and any(
                    o.dep_ == "pobj" and o.i in s.by_token and o.i != tok.i for o in p.children) for p in tok.children):
                continue  # "chipmakers are investors everywhere: Nvidia in Cohere and Reka": not the target's
            if link.lower_ in _NAMING:  # "Ayar Labs counted Nvidia among the investors": the namer's backers
                namer = _namer(s, link)
                if namer is False or namer is not None and namer == inv.label:
                    continue
                raiser = namer or raiser
            # "invested ... in the startup": the recipient named in the sentence wins
            c = self._claim(raiser, "fundedBy", inv.label, link, s.sent, obj_tok=tok, confidence=0.75,
                            rule="investor")
            if c:
                out.append(c)
                self._backers.add(inv.label)  # (a backer named so far is no later "the company" that raised)
        return out

    def _direct_investments(self, s: _Sentence, dates=None) -> list[RawClaim]:
        """Investments that name both sides, whatever the funding focus.

        "Amazon invested $4 billion in Anthropic", "Amazon's decision to invest a
        further $4 billion in Anthropic", "Google, which has committed $2 billion
        to Anthropic", "The lab is backed by the hedge fund High-Flyer".
        """
        doc = s.sent.doc
        out = []
        investors = ORG - {"Publisher", "Government"}

        def org_at(tok: Token):
            m = s.by_token.get(tok.i)
            return m.resolve(investors) if m is not None else None

        for i in range(s.sent.start, s.sent.end):
            low = self._lowers[i]
            if low not in _DIRECT_VERBS:
                continue
            verb = doc[i]
            if verb.pos_ not in {"VERB", "AUX"}:
                continue
            investor_tok = recipient_tok = None
            relativised = False  # the recipient is the name a relative clause describes
            more_agents: list[Token] = []
            passive = any(c.dep_ == "auxpass" for c in verb.children)
            if low in _BACKING_VERBS and (passive or verb.dep_ in {"acl", "advcl"} or verb.tag_ == "VBN" and any(
                    c.dep_ == "agent" for c in verb.children)):  # (or "Founded in 2014 and backed by X, ...")
                before = before_punctuation(verb)
                if before is not None and before.i in s.by_token:  # "Anthropic, backed by Amazon and Google"
                    recipient_tok = before
                elif verb.dep_ == "acl":
                    recipient_tok = verb.head
                    if recipient_tok.i not in s.by_token and recipient_tok.dep_ == "appos":
                        recipient_tok = recipient_tok.head  # "Humain, a company backed by ..."
                opening = verb.head if verb.dep_ == "conj" and verb.head.dep_ == "advcl" else verb
                if any(c.dep_ in {"mark", "advmod"} and c.lower_ in {"once", "if", "unless", "when", "should"}
                       for c in opening.children):
                    continue  # "Once founded and backed by Toyota, X would ...": a condition
                if recipient_tok is None and opening.dep_ == "advcl" and opening.tag_ == "VBN" \
                        and opening.i < opening.head.i and not any(c.dep_ == "mark" for c in opening.children):
                    # "Founded in 2014 and backed by Toyota and NTT, Preferred Networks designs ...": the
                    # opening participles tell of the main clause's subject
                    recipient_tok = next((c for c in opening.head.children if c.dep_ in {"nsubj", "nsubjpass"}
                                          and c.i in s.by_token), None)
                if recipient_tok is None and verb.dep_ == "conj" and not any(
                        c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
                    recipient_tok = next((c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}
                                          and c.i in s.by_token), None)  # "X was founded in 2014 and backed by Y"
                for c in verb.children:  # "Y is backed by X"
                    if c.dep_ == "nsubjpass":  # "DeepSeek, which is backed by": the relativised name
                        relative = c.lower_ in {"which", "who", "that"} and verb.dep_ == "relcl"
                        recipient_tok = verb.head if relative else c
                    if c.dep_ == "agent":
                        investor_tok = next((p for p in c.children if p.dep_ == "pobj"), None)
                        more_agents = [p for b in c.conjuncts for p in b.children if p.dep_ == "pobj"]  # "and by Y"
                if investor_tok is not None:  # "the hedge fund High-Flyer": the name in apposition
                    named = [t for t in investor_tok.children if t.dep_ == "appos" and org_at(t) is not None] + [
                        t for t in investor_tok.subtree if org_at(t) is not None]  # (not "Microsoft's fund M12")
                    if investor_tok.i not in s.by_token or org_at(investor_tok) is None:
                        investor_tok = named[0] if named else investor_tok
            elif low in _BACKING_VERBS:
                # "Sequoia Capital, Atomico and Microsoft all backed the company": the active voice
                clause = verb.head if verb.dep_ == "conj" and not any(  # "the fund that owns and funds DeepSeek"
                    c.dep_ == "nsubj" for c in verb.children) else verb
                investor_tok = next((c for c in clause.children if c.dep_ == "nsubj"), None)
                recipient_tok = next((c for c in verb.children if c.dep_ == "dobj" and c.i in s.by_token), None)
                if recipient_tok is not None and s.by_token[recipient_tok.i].source == "coref" and (
                        self._focus is None or s.by_token[recipient_tok.i].resolve(ORG) is None
                        or s.by_token[recipient_tok.i].resolve(ORG).label != self._focus):
                    recipient_tok = None  # "the company" only when it is the one raising money
                if investor_tok is not None and investor_tok.lower_ in {"which", "who", "that"} \
                        and clause.dep_ == "relcl":
                    investor_tok = clause.head  # "Sequoia, which backed the company early"
                    if investor_tok.i not in s.by_token and investor_tok.dep_ == "appos":
                        investor_tok = investor_tok.head  # "High-Flyer, the hedge fund that funds DeepSeek"
            else:
                objects = [c for c in verb.children if c.dep_ == "dobj"]
                if low in {"committed", "commits", "commit", "poured", "pours", "put", "puts", "putting", "pledged",
                           "pledges"} and not any(t.like_num or t.text in {"$", "€", "£"} or t.lower_ in _MONEY_WORDS
                                              or t.lower_ in FUNDING_NOUNS for h in (objects or [verb])
                                              for t in h.subtree):
                    continue  # "committed to open weights", "put the chip into a $70 kit" are no investment
                    #           ("putting money into X" is)
                holders = [verb] + [c for c in verb.children if c.dep_ == "dobj"]  # "$10 billion in OpenAI"
                for c in (c for h in holders for c in h.children):
                    if c.dep_ == "prep" and c.lower_ in {"in", "into", "to"} and recipient_tok is None:
                        recipient_tok = next((p for p in c.children if p.dep_ == "pobj" and p.i in s.by_token), None)
                        if recipient_tok is None and any(p.dep_ == "pobj" and p.lower_ in {"which", "whom"}
                                                         for p in c.children):
                            recipient_tok = _in_which_antecedent(verb, c, s)  # "Anthropic, in which Amazon has
                            relativised = recipient_tok is not None  # invested $8 billion"
                for c in verb.children:
                    if c.dep_ == "nsubj":
                        investor_tok = c
                head = verb  # "Nvidia said it intended to invest up to $100 billion in OpenAI"
                while investor_tok is None and head.dep_ == "xcomp" and head.head.i != head.i:
                    head = head.head
                    investor_tok = next((c for c in head.children if c.dep_ == "nsubj"), None)
                if investor_tok is not None and investor_tok.lower_ in {"which", "who", "that"} \
                        and verb.dep_ == "relcl":
                    investor_tok = verb.head  # "Google, which has committed ..."
                    if investor_tok.i not in s.by_token and investor_tok.dep_ == "attr" \
                            and not any(c.dep_ == "neg" for c in investor_tok.head.children):
                        # "Microsoft is the company that has invested $13 billion in OpenAI"
                        investor_tok = next((c for c in investor_tok.head.children if c.dep_ == "nsubj"),
                                            investor_tok)
                if investor_tok is None and verb.dep_ in {"xcomp", "acl"} and verb.head.pos_ == "NOUN":
                    # "Amazon's decision to invest ... in Anthropic"
                    investor_tok = next((c for c in verb.head.children if c.dep_ == "poss"), None)
            if investor_tok is not None and investor_tok.i not in s.by_token and _a_group_of_investors(investor_tok):
                # "A group of investors including A, B and C put new money into the company": each of them
                listed = [t for t in investor_tok.subtree if t.i in s.by_token and org_at(t) is not None
                          and t.dep_ != "poss"]
                if listed:
                    investor_tok, more_agents = listed[0], listed[1:]
            if investor_tok is None or recipient_tok is None:
                continue
            inv, rec = org_at(investor_tok), org_at(recipient_tok)
            if rec is None and s.by_token.get(recipient_tok.i) is not None:
                rec = s.by_token[recipient_tok.i].resolve(ORG - {"Publisher"})
            if rec is not None and s.by_token[recipient_tok.i].source == "coref":
                rec = self._described_recipient(s.by_token[recipient_tok.i], recipient_tok, inv)
            if inv is None or rec is None or inv.label == rec.label or rec.cls == "Publisher":
                continue
            if relativised and s.by_token[investor_tok.i].source == "coref":
                continue  # ("Anthropic, OpenAI's rival, in which it has invested": "it" is not the nearest name)
            c = self._claim(rec.label, "fundedBy", inv.label, verb, s.sent, obj_tok=investor_tok,
                            confidence=0.75, rule="direct-investment")
            if c:
                out.append(c)
            more_agents += _gapped_investors(verb, recipient_tok)  # "in Anthropic and Microsoft up to $5 billion"
            for other in [*investor_tok.conjuncts, *more_agents]:  # "backed by Amazon and Google", "and by Y"
                other = next((t for t in other.children if t.dep_ == "appos" and org_at(t) is not None), other)
                more = org_at(other)
                if more is not None and more.label != rec.label:
                    extra = self._claim(rec.label, "fundedBy", more.label, verb, s.sent, obj_tok=other,
                                        confidence=0.7, rule="direct-investment")
                    if extra:
                        out.append(extra)
            gapped = {t.i for t in more_agents}
            for other in recipient_tok.conjuncts if not relativised else ():  # "in Cerebras, Groq or SambaNova"
                if other.i in gapped:
                    continue
                more = org_at(other) or (s.by_token[other.i].resolve(ORG - {"Publisher"}) if other.i in s.by_token
                                         else None)
                if more is not None and more.label != inv.label and more.label != rec.label:
                    extra = self._claim(more.label, "fundedBy", inv.label, verb, s.sent, obj_tok=investor_tok,
                                        confidence=0.7, rule="direct-investment")
                    if extra:
                        out.append(extra)
            if c and c.modality in {"asserted", "hedged"} and dates and not _no_round(verb):  # "invested ... last month"
                near = _round_date(s, verb, dates, max_hops=3)
                if near:
                    d = self._claim(rec.label, "fundedIn", near, verb, s.sent, confidence=0.65,
                                    rule="direct-investment-date")
                    if d:
                        out.append(d)
        return out

    def _described_recipient(self, described: Mention, tok: Token, investor: Mention | None,
                             prefer_focus: bool = True, besides: frozenset[str] | set[str] = frozenset()):
        """The company "invest $2 billion in the company" means: the company raising money if it may be, else
        the nearest organisation that is neither the investor, nor a backer named so far, nor a unit of another
        company named in the article ("Google Cloud's Vertex AI", "Microsoft Azure"). A description that is
        its sentence's subject ("The company, which is backed by A, ...") goes on with the nearest one."""
        gives = investor.label if investor is not None else None
        antes = [a for a in described.antecedents or [] if a.cls in ORG - {"Publisher"} and a.label != gives]
        focus = next((a for a in antes if a.label == self._focus), None)
        if focus is not None and prefer_focus and tok.dep_ not in {"nsubj", "nsubjpass"}:
            return focus
        return next((a for a in antes if a.label not in self._backers | besides and a.cls != "Investor"
                     and not self._unit_of_another(a.label)), None)

    def _unit_of_another(self, label: str) -> bool:
        """The organisation is named after another one, named in the article or known to the gazetteer, as its
        unit or service: "Google Cloud Vertex AI", "Google Cloud", "Microsoft Azure"."""
        words = label.split()
        for n in range(1, len(words)):
            head = " ".join(words[:n])
            if head in self._org_counts:
                return True
            entry = self.gazetteer.get(head)
            if entry is not None and entry.cls in ORG:
                return True
        return False

    def _backed_subject(self, s: _Sentence) -> tuple[Mention, Token] | None:
        """The subject of a clause that began "with backing (funding, investment) from" named backers:
        "Rapidus was set up in 2022 with backing from Toyota, Sony and NTT" (not "Toyota launched the venture
        with backing from Sony": the venture got it; not "with technical backing from IBM"), with its verb."""
        for noun in s.words(_WITH_BACKING) + [t for t in s.sent if _a_sum(t)]:
            verb = noun.head.head
            if noun.dep_ != "pobj" or noun.head.lower_ != "with" or verb.pos_ not in {"VERB", "AUX"} \
                    or verb.lower_ not in _STARTING_UP or any(c.dep_ == "dobj" for c in verb.children) \
                    or any(c.dep_ == "amod" and c.lower_ not in _MONEY_KINDS for c in noun.children):
                continue
            if not any(p.dep_ == "prep" and p.lower_ == "from" and any(o.dep_ == "pobj" for o in p.children)
                       for p in (*noun.children, *(verb.children if _a_sum(noun) else ()))):
                continue  # ("set up in 2022 with ¥7.3 billion, ..., from eight companies": "from" on the verb)
            subj = _subject_mention(s, verb, ORG - {"Publisher", "Government", "Investor"})
            if subj is not None and _investor_link(s.sent.doc[_mention_index(s, subj)]) is None:
                return subj, verb
        return None

    def _investment_nouns(self, s: _Sentence, dates=None) -> list[RawClaim]:
        """"Amazon, which completed a $4 billion investment in Anthropic in March", "Google's stake in
        Anthropic": an investment noun with its recipient ("in Y") and its investor (the possessor, or the
        subject of the verb that has the noun as object)."""
        out = []
        investors = ORG - {"Publisher", "Government"}
        for noun in s.words({"investment", "investments", "stake", "stakes"}):
            if noun.pos_ != "NOUN":
                continue
            took = noun.dep_ == "dobj" and noun.head.lower_ in {"took", "takes", "taken", "take", "taking", "acquired",
                                                                 "acquires", "bought", "buys", "holds", "held"}
            holders = [noun] + ([noun.head] if took else [])  # ("took a stake in Intel": "in" hung on the verb)
            rec_tok = next((o for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ in {"in", "into"}
                            for o in p.children if o.dep_ == "pobj" and o.i in s.by_token
                            and s.by_token[o.i].resolve(ORG) is not None), None)
            if rec_tok is None and not (took and self._focus):
                continue  # "Microsoft took a small stake" names no company: the one the article is about
            if _without_new_money(noun):
                continue  # "will hold its stake in the merged company through the share swap": no money put in
            if noun.dep_ == "dobj" and noun.head.lower_ in _SELLING:
                continue  # "sold its entire stake in Nvidia": shares sold, no money put in
            inv_tok = next((c for c in noun.children if c.dep_ == "poss" and c.i in s.by_token), None)
            verb = noun.head
            if inv_tok is None and noun.dep_ == "dobj" and verb.pos_ in {"VERB", "AUX"}:
                inv_tok = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                if inv_tok is not None and inv_tok.lower_ in {"which", "who", "that"} and verb.dep_ == "relcl":
                    inv_tok = verb.head  # "Amazon, which completed a $4 billion investment in Anthropic"
            if inv_tok is None or inv_tok.i not in s.by_token:
                continue
            # (a government taking a stake buys equity: "The US government took a 9.9 per cent stake in Intel")
            inv = s.by_token[inv_tok.i].resolve(investors | ({"Government"} if noun.lower_ in {"stake", "stakes"}
                                                             and rec_tok is not None else set()))
            rec = s.by_token[rec_tok.i].resolve(ORG - {"Publisher"}) if rec_tok is not None else \
                dataclasses.replace(inv, label=self._focus) if inv is not None else None
            if inv is None or rec is None or inv.label == rec.label:
                continue
            trigger = verb if noun.dep_ == "dobj" else noun
            denied = any(c.dep_ in {"det", "neg"} and c.lower_ in {"no", "not"} for c in noun.children)
            c = self._claim(rec.label, "fundedBy", inv.label, trigger, s.sent, obj_tok=inv_tok, confidence=0.7,
                            rule="investment-noun", modality="negated" if denied else None)
            if c is None:
                continue
            out.append(c)
            for other in rec_tok.conjuncts if rec_tok is not None else ():  # "no stake in AMD or Intel"
                more = s.by_token[other.i].resolve(ORG - {"Publisher"}) if other.i in s.by_token else None
                if more is not None and more.label not in {inv.label, rec.label}:
                    extra = self._claim(more.label, "fundedBy", inv.label, trigger, s.sent, obj_tok=inv_tok,
                                        confidence=0.65, rule="investment-noun",
                                        modality="negated" if denied else None)
                    if extra:
                        out.append(extra)
            near = _nearest_date(s, trigger, dates, max_hops=3) if dates and c.modality == "asserted" else None
            if near:
                d = self._claim(rec.label, "fundedIn", near, trigger, s.sent, confidence=0.6, rule="investment-noun-date")
                if d:
                    out.append(d)
        return out

    def _rounds_and_shares(self, s: _Sentence, dates=None) -> list[RawClaim]:
        """"Alibaba led a $1 billion round in Moonshot AI", "SoftBank agreed to buy $2 billion of Intel
        shares": who led (or joined) a round in a company, or bought its shares, invested in it; a round
        led "in June 2023" dates the company's funding."""
        out = []
        investors = ORG - {"Publisher", "Government"}
        for noun in s.sent:
            low = noun.lower_
            verb = _joining_verb(noun) if _round_noun(noun) else None
            if verb is not None:
                whose = any(c.dep_ == "poss" and c.lower_ == "whose" for c in noun.children)
                rec_tok = verb.head if whose and verb.dep_ == "relcl" and verb.head.i in s.by_token else None
                # ("The company, whose last big round ... was led by X")
                rec_tok = rec_tok or _round_owner(noun, s) or next(
                    (o for t in [*noun.subtree, verb] for p in t.children
                     if p.dep_ == "prep" and p.lower_ in {"in", "for", "of"} and (t is verb or p in noun.subtree)
                     and (p.lower_ == "in" or t is noun)  # "a round for X", "the Series B of X"
                     for o in p.children if o.dep_ == "pobj" and o.i in s.by_token), None)
            elif low in {"shares", "stock", "equity"}:
                verb = next((a for a in noun.ancestors if a.pos_ in {"VERB", "AUX"}), None)
                if verb is None or verb.lower_ not in _BUYING or not any(t.text in {"$", "€", "£"} for t in verb.subtree):
                    continue  # a deal worth a sum ("buy $2 billion of Intel shares"), not trading in shares
                rec_tok = next((c for c in noun.children if c.dep_ in {"compound", "poss"} and c.i in s.by_token),
                               None) or next((o for p in noun.children if p.dep_ == "prep" and p.lower_ in {"of", "in"}
                                              for o in p.children if o.dep_ == "pobj" and o.i in s.by_token), None)
            else:
                continue
            if rec_tok is None:
                continue
            head = verb
            inv_tok = next((c for c in head.children if c.dep_ == "nsubj"), None)
            if noun.dep_ == "nsubjpass":  # "whose last round was led by SoftBank's Vision Fund 2"
                inv_tok = next((p for a in verb.children if a.dep_ == "agent" for p in a.children
                                if p.dep_ == "pobj"), None)
                inv_tok = next((c for c in inv_tok.subtree if c.i in s.by_token and c.dep_ != "poss"), inv_tok) \
                    if inv_tok is not None and inv_tok.i not in s.by_token else inv_tok
            while inv_tok is None and head.dep_ == "xcomp" and head.head.i != head.i:  # "agreed to buy"
                head = head.head
                inv_tok = next((c for c in head.children if c.dep_ == "nsubj"), None)
            if inv_tok is None or inv_tok.i not in s.by_token:
                continue
            inv = s.by_token[inv_tok.i].resolve(investors)
            rec = s.by_token[rec_tok.i].resolve(ORG - {"Publisher"})
            if rec is not None and s.by_token[rec_tok.i].source == "coref" and self._focus \
                    and rec.label != self._focus and (rec.cls == "Investor" or rec.label in self._backers):
                rec = dataclasses.replace(rec, label=self._focus)  # "Its Series A was led by ...": the company's
            fellows = [(t, f) for o in verb.children if o.dep_ == "dobj" and verb.lower_ in _JOINING
                       for t, f in [(o, s.by_token[o.i].resolve(investors) if o.i in s.by_token else None),
                                    *self._conjuncts(s, o, investors)] if f is not None] \
                if modality_of(verb)[0] in {"asserted", "hedged"} else []  # ("declined to join Accel in ...")
            # ("Nvidia joined Accel and Orbis in a placement": the ones it joined put money in too)
            giving = {f.label for _t, f in fellows} | ({inv.label} if inv is not None else set())
            if rec is not None and s.by_token[rec_tok.i].source == "coref" and rec.label in giving:
                # "Nvidia joined Accel in a placement in the Amsterdam-based company": none of them
                rec = self._described_recipient(s.by_token[rec_tok.i], rec_tok, inv, besides=giving)
            if inv is None or rec is None:
                continue
            backed = None
            for tok, backer in [(inv_tok, inv)] + self._conjuncts(s, inv_tok, investors) + fellows:
                if backer.label == rec.label:
                    continue
                c = self._claim(rec.label, "fundedBy", backer.label, verb, s.sent, obj_tok=tok, confidence=0.7,
                                rule="round-or-shares")
                if c:
                    out.append(c)
                    backed = backed or c
            if backed is not None and s.by_token[rec_tok.i].source == "coref":
                self.raisers.setdefault(s.sent.start, rec.label)  # (whose the sum of "the company" is)
            if backed is not None and backed.modality == "asserted" and dates \
                    and low not in {"shares", "stock", "equity"}:
                near = _round_date(s, verb, dates, max_hops=3)
                d = self._claim(rec.label, "fundedIn", near, verb, s.sent, confidence=0.6,
                                rule="round-or-shares-date") if near else None
                if d:
                    out.append(d)
        return out

    def _backer_descriptions(self, s: _Sentence) -> list[RawClaim]:
        """"Microsoft, OpenAI's largest backer", "Microsoft, the biggest backer of OpenAI", "Amazon is
        Anthropic's main investor": a backer noun describing one organisation and naming another."""
        out = []
        runs = _listed_runs(s)
        for noun in s.words(_BACKER_NOUNS):
            if noun.pos_ != "NOUN":
                continue
            named_after = next((c for c in noun.children if c.dep_ == "appos" and c.i in s.by_token), None)
            role = _one_of(noun)  # "Nvidia is both its main supplier and one of its investors": "one" is the role
            copula = role.head if role.dep_ == "attr" else role.head.head if role.dep_ == "conj" \
                and role.head.dep_ == "attr" else None
            said_of = next((a for a in noun.ancestors if a.lemma_ == "be"), None) \
                if noun.dep_ == "appos" and noun.head.dep_ == "pobj" and _denied(noun) else None
            if said_of is not None:  # "Oracle is a partner in Stargate, not a shareholder in OpenAI": the
                copula = said_of     # parser hangs the second predicate on the name before it
                inv_tok = next((c for c in said_of.children if c.dep_ == "nsubj" and c.i in s.by_token), None)
            elif named_after is not None:  # "OpenAI and its backer Microsoft"
                inv_tok = named_after
            elif noun.dep_ == "appos" and noun.head.i in s.by_token:
                inv_tok = noun.head
            elif noun.dep_ == "nsubj" and noun.head.lemma_ == "be":  # "Its initial funders are SoftBank, OpenAI"
                inv_tok = next((c for c in noun.head.children if c.dep_ == "attr" and c.i in s.by_token), None)
                copula = noun.head
            elif copula is not None:
                inv_tok = next((c for c in copula.children if c.dep_ == "nsubj"), None)
                if inv_tok is None and copula.dep_ == "conj":  # "Microsoft buys capacity from X but is not one
                    inv_tok = next((c for c in copula.head.children if c.dep_ == "nsubj"), None)  # of its investors"
                if inv_tok is not None and inv_tok.lower_ in {"which", "who", "that"} and copula.dep_ == "relcl":
                    inv_tok = copula.head  # "Microsoft, which remains OpenAI's largest investor"
                if inv_tok is not None and inv_tok.i not in s.by_token:
                    inv_tok = None
            else:
                before = before_punctuation(noun.left_edge)  # "Microsoft, the biggest backer of ..." (loosely)
                inv_tok = before if before is not None and before.i in s.by_token else None
            rec_tok = possessor(noun, s) or next(
                (o for p in noun.children if p.dep_ == "prep" and p.lower_ in {"of", "in"}
                 for o in p.children if o.dep_ == "pobj" and o.i in s.by_token), None) or next(
                (c for c in noun.children if c.dep_ == "compound" and c.i in s.by_token  # "a CoreWeave shareholder"
                 and s.by_token[c.i].source not in {"coref", "ner"}  # (not "the Abu Dhabi investor MGX": a place)
                 and s.by_token[c.i].resolve(ORG - {"Publisher", "Government"}) is not None), None) or next(
                (o for p in (noun.head.children if noun.dep_ == "attr" else ()) if p.dep_ == "prep" and p.lower_ == "in"
                 and p.i > noun.i for o in p.children if o.dep_ == "pobj" and o.i in s.by_token), None)
            # ("are not investors in X": the parser may hang "in X" on the copula)
            if inv_tok is None or rec_tok is None:
                continue
            inv = s.by_token[inv_tok.i].resolve(ORG - {"Publisher", "Government"})
            rec_mention = s.by_token[rec_tok.i]
            rec = rec_mention.resolve(ORG - {"Publisher"})
            raising = _raising_subject(s) if rec_mention.source == "coref" and rec_mention.text.lower() in {
                "its", "their"} and _in_the_main_clause(noun) else None
            if raising is not None and (inv is None or raising.label != inv.label):
                rec = raising  # "X raised €1.7 billion in a round led by ASML, which became its largest shareholder"
            if inv is not None and rec is not None and inv.label == rec.label and rec_mention.source == "coref":
                # "Microsoft, its largest investor": "its" is never the investor itself
                others = [a for a in rec_mention.antecedents or [] if a.cls in ORG - {"Publisher"}
                          and inv.label.lower() not in a.label.lower()]  # nor its own "Azure"
                # the company a sentence was about ("Anthropic runs Claude on Google Cloud"), else the nearest
                # (a name of its own sentence first: "Microsoft buys capacity from CoreWeave but is not one of its
                # investors")
                rec = next((a for a in others if s.sent.start <= a.i < s.sent.end), None) or next(
                    (a for a in others if s.sent.doc[a.i].dep_ in {"nsubj", "nsubjpass"}), None) or next(
                    iter(others), None)
            if inv is None or rec is None or inv.label == rec.label:
                continue
            denied = any(c.dep_ == "neg" for c in copula.children) if copula is not None else False
            after_but = False
            if role.dep_ == "conj":  # each conjunct of the predicate on its own terms
                links = {c.lower_ for c in role.head.children if c.dep_ in {"cc", "preconj"}}
                if links & {"nor", "neither", "than"} or _denied(role):
                    denied = True  # "neither its supplier nor one of its investors", "a partner rather than a
                    #                shareholder", "a partner, not a shareholder"
                elif "but" in links:
                    denied = False  # "not its landlord but one of its investors": the "not" was the first one's
                    after_but = any(c.dep_ == "neg" for c in copula.children)
            elif _denied(role):
                denied = True  # "X, not a shareholder in Y" (however the parser hangs it)
            backers = [(inv_tok, inv)]
            if copula is not None and noun.lower_.endswith("s"):  # "Google and Amazon are both investors in X"
                listed = next((run for run in runs if any(m.i == inv_tok.i for m in run)), [])
                backers += [(t, m) for t in [*inv_tok.conjuncts, *(s.sent.doc[m.i] for m in listed)]
                            if t.i in s.by_token and t.i != inv_tok.i  # (not "MGX, the Abu Dhabi investment firm")
                            and t.dep_ not in {"compound", "nmod", "amod"}
                            for m in [s.by_token[t.i].resolve(ORG - {"Publisher", "Government"})] if m is not None]
            for tok, backer in backers:
                if backer.label == rec.label:
                    continue
                c = self._claim(rec.label, "fundedBy", backer.label, noun, s.sent, obj_tok=tok, confidence=0.7,
                                rule="backer-description",
                                modality="negated" if denied else "asserted" if after_but else None)
                if c:
                    out.append(c)
        return out

    def _described_backing(self, s: _Sentence) -> list[RawClaim]:
        """Backing told in a description of the company: "Perplexity, whose backers include IVP and Nvidia",
        "CoreWeave, the Nvidia-backed cloud provider" ("in which Nvidia has invested": _direct_investments)."""
        out = []
        orgs = ORG - {"Publisher", "Government"}

        def org(tok):
            m = s.by_token.get(tok.i) if tok is not None else None
            return m.resolve(orgs) if m is not None else None

        doc = s.sent.doc
        for i in range(s.sent.start, s.sent.end):
            if self._lowers[i] not in _DESCRIBED_BACKING_WORDS:
                continue
            tok = doc[i]
            pairs = []  # (company token, backer token, trigger)
            if tok.lower_ in INVESTOR_NOUNS and tok.dep_ == "nsubj" and tok.head.dep_ == "relcl" and any(
                    c.dep_ == "poss" and c.lower_ == "whose" for c in tok.children) \
                    and tok.head.lower_ in {"include", "includes", "included", "are", "were"}:
                listed = [o for o in tok.head.children if o.dep_ in {"dobj", "attr"}]
                listed += [a for o in listed if o.i not in s.by_token for a in o.children if a.dep_ == "appos"]
                # ("whose backers include the internet group Naver and DSC Investment": the names the
                # description goes on to)
                pairs += [(tok.head.head, b, tok.head) for o in listed for b in (o, *o.conjuncts)]
            elif tok.lower_ in {"backed", "funded"} and tok.dep_ == "amod" and tok.i > 1 \
                    and tok.doc[tok.i - 1].text == "-" and tok.doc[tok.i - 2].i in s.by_token:
                noun = tok.head  # "the Nvidia-backed cloud provider": the provider, or the name it describes
                pairs.append((noun.head if noun.dep_ == "appos" else noun, tok.doc[tok.i - 2], tok))
            for company_tok, backer_tok, trig in pairs:
                if company_tok.i not in s.by_token and company_tok.dep_ == "appos":
                    company_tok = company_tok.head  # "Zhipu, a lab whose backers include Alibaba"
                company, backer = org(company_tok), org(backer_tok)
                if company is None or backer is None or company.label == backer.label:
                    continue
                c = self._claim(company.label, "fundedBy", backer.label, trig, s.sent, obj_tok=backer_tok,
                                confidence=0.7, rule="described-backing")
                if c:
                    out.append(c)
        return out

    def _counted_backers(self, s: _Sentence) -> list[RawClaim]:
        """"Y, which counts A and B as backers", "Y lists A among its investors": both sides named."""
        doc = s.sent.doc
        out = []
        for i in range(s.sent.start, s.sent.end):
            verb = doc[i]
            if verb.lower_ not in {"count", "counts", "counted", "counting", "list", "lists", "listed"} or verb.pos_ not in {"VERB", "AUX"}:
                continue
            if not any(c.dep_ == "prep" and c.lower_ in {"as", "among"} and any(
                    p.dep_ == "pobj" and p.lower_ in INVESTOR_NOUNS for p in c.children) for c in verb.children):
                continue
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.lower_ in {"which", "who", "that"} and verb.dep_ == "relcl":
                subj = verb.head
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if subj is None or obj is None:
                continue

            def orgs(tok, classes):
                found, chain = [], [tok]
                while chain[-1:] and len(chain) < 12:  # "A, B and C": the chain of conjuncts only
                    nxt = next((c for c in chain[-1].children if c.dep_ == "conj"), None)
                    if nxt is None:
                        break
                    chain.append(nxt)
                for t in chain:
                    m = s.by_token.get(t.i)
                    r = m.resolve(classes) if m is not None else None
                    if r is not None:
                        found.append((t, r))
                return found

            for _rt, rec in orgs(subj, ORG - {"Publisher", "Government"}):
                for it, inv in orgs(obj, ORG - {"Publisher", "Government"}):
                    if inv.label == rec.label:
                        continue
                    c = self._claim(rec.label, "fundedBy", inv.label, verb, s.sent, obj_tok=it,
                                    confidence=0.7, rule="counted-backers")
                    if c:
                        out.append(c)
        return out

    def _backed_in_round(self, s: _Sentence, dates) -> list[RawClaim]:
        """"(They) had backed the company in a $300 million round last October": a dated round of the focus.

        The backed organisation must be the funding focus, named or described
        ("the company", "the start-up"); the date must hang from the round.
        """
        out = []
        doc = s.sent.doc
        for i in range(s.sent.start, s.sent.end):
            verb = doc[i]
            if verb.lower_ not in {"backed", "funded", "invested", "financed"} or verb.pos_ != "VERB":
                continue
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if obj is None:
                continue
            m = s.by_token.get(obj.i)
            named = m.resolve(ORG) if m is not None and m.source != "coref" else None
            if not (named is not None and named.label == self._focus or named is None and obj.lower_ in {
                    "company", "start-up", "startup", "firm", "lab", "developer"}):
                continue
            rounds = [o for p in verb.children if p.dep_ == "prep" and p.lower_ in {"in", "during"}
                      for o in p.children if o.dep_ == "pobj" and o.lower_ in FUNDING_NOUNS]
            for r in rounds:
                near = sorted((s.tree.distance(r.i, j), iso) for j, (iso, _span) in dates.items()
                              if s.sent.start <= j < s.sent.end)
                near = [x for x in near if x[0] <= 2]
                if near:
                    c = self._claim(self._focus, "fundedIn", near[0][1], verb, s.sent, confidence=0.6,
                                    rule="backed-in-round")
                    if c:
                        out.append(c)
                    break
        return out

    def _earlier_round(self, s: _Sentence, dates) -> list[RawClaim]:
        """"a Series B of the same size, which closed in May", "A led a round of €385 million in December":
        another round of the focus, dated."""
        out = self._backed_in_round(s, dates)
        for noun in s.sent:
            verb = _joining_verb(noun) if _round_noun(noun) and noun.dep_ == "dobj" else None
            if verb is None or verb.lower_ not in _LEADING or any(
                    p.dep_ == "prep" and p.lower_ in {"in", "for", "of"} and _names_a_party(p, s, dates)
                    for t in (noun, verb) for p in t.children) or _round_owner(noun, s) is not None:
                continue  # (a round in or for another company, "led a round in a robotics start-up")
            lead = next((c for c in verb.children if c.dep_ == "nsubj" and c.i in s.by_token), None)
            leader = s.by_token[lead.i].resolve(ORG - {"Publisher", "Government"}) if lead is not None else None
            if leader is None or leader.label == self._focus:
                continue  # (the company itself leading a round invests in another)
            near = _round_date(s, verb, dates, max_hops=3)
            c = self._claim(self._focus, "fundedIn", near, verb, s.sent, confidence=0.6,
                            rule="led-round-date") if near else None
            if c:
                out.append(c)
        for i in range(s.sent.start, s.sent.end):
            verb = s.sent.doc[i]
            if verb.lower_ not in {"closed", "completed", "wrapped"} or verb.dep_ != "relcl":
                continue
            if not any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in {"which", "that"} for c in verb.children):
                continue
            noun = verb.head
            nouns = [noun] + ([noun.head.head] if noun.dep_ == "pobj" and noun.head.lower_ == "of" else [])
            # "a Series B of the same size, which closed": the clause may hang from the "of" phrase
            if not any(n.lower_ in FUNDING_NOUNS or any(c.lower_ in FUNDING_NOUNS for c in n.children)
                       for n in nouns):
                continue
            near = _nearest_date(s, verb, dates, max_hops=2)
            if near:
                c = self._claim(self._focus, "fundedIn", near, verb, s.sent, confidence=0.6,
                                rule="earlier-round")
                if c:
                    out.append(c)
        return out

    def _funded_in(self, s: _Sentence, verb: Token, subj: Mention, dates, published, *,
                   max_hops: int = 4) -> list[RawClaim]:
        if _no_round(verb):
            return []
        iso = _round_date(s, verb, dates, max_hops=max_hops)
        stated = iso is not None
        if iso is None:
            # no date: a completed round ("has raised", "closed") is dated by the article itself
            finished = verb.tag_ in {"VBD", "VBN"} or any(c.tag_ in {"VBD", "VBN"} and c.lower_ in {"raised", "closed", "secured", "completed"} for c in verb.subtree)
            temporal = any(t.lower_ in {"after", "before", "ago", "since", "previously", "earlier", "last"} for t in s.sent)
            if not published or not finished or temporal or len(published) < 7 or _a_total(s.sent):
                return []
            if self._focus not in {None, subj.label} or any(c.dep_ == "dobj" and c.lower_ in {"billions", "millions"}
                                                             for c in verb.children):
                return []  # "OpenAI has taken $13 billion, Anthropic has secured billions": totals, not today's news
            if any(c.dep_ == "aux" and c.lower_ in {"has", "have"} for c in verb.children) and any(
                    c.dep_ == "dobj" and any(q.lower_ in {"more", "over", "upwards", "excess"} for q in c.subtree)
                    for c in verb.children) and not any(t.lower_ in _NEW_MONEY for t in verb.subtree):
                return []  # "The company has raised more than $1 billion": what it has taken so far, no round
            iso = published
        c = self._claim(subj.label, "fundedIn", iso, verb, s.sent, confidence=0.7,
                        rule="funding-event" if stated else DATED_BY_THE_ARTICLE)
        return [c] if c else []


#: What an investor raises for itself, which is no round in a company: "Sequoia raised a $1 billion fund".
_OWN_FUNDS = frozenset({"fund", "funds", "vehicle", "vehicles"})

#: The rule of a round dated by the article's own day, the text stating none.
DATED_BY_THE_ARTICLE = "funding-event-article-day"


def prefer_stated_round_dates(claims: list) -> list:
    """"Moonshot has raised $1 billion ... The round closed this month": a round the text dates ("this month")
    is not also dated by the article's own day, which falls inside it."""
    stated = {(c.subject, c.object) for c in claims if c.predicate == "fundedIn" and c.rule != DATED_BY_THE_ARTICLE}
    return [c for c in claims if c.rule != DATED_BY_THE_ARTICLE or not any(
        subject == c.subject and c.object != obj and str(c.object).startswith(obj) for subject, obj in stated)]


#: Words that make "has raised more than $X" a round of the day rather than a running total.
_NEW_MONEY = frozenset({"round", "series", "funding", "led", "new", "latest", "announced", "fresh"})


def _joins_as_backer(verb: Token) -> bool:
    """"A joined it", "with A joining": joining the round, not "joining the board" or "joined it as a
    customer" (an object that is no round, or a role that is no investor's)."""
    if any(c.dep_ == "dobj" and not any(t.lower_ in FUNDING_NOUNS for t in c.subtree) and not (
            c.lower_ == "it" and _the_round_again(verb)) for c in verb.children):
        return False
    return not any(p.dep_ == "prep" and p.lower_ == "as" and not any(o.lower_ in INVESTOR_NOUNS for o in p.children)
                   for p in verb.children)


def _joined_without_object(verb: Token) -> bool:
    """"Tiger Global, Valor and 1789 Capital joined, as did existing investors": joined (the round this
    sentence or the forty words before it tell of), with no object or role of its own."""
    if verb.lower_ not in {"joined", "joins", "join"} or any(
            c.dep_ in {"dobj", "prep", "xcomp", "ccomp", "prt", "attr", "oprd"} for c in verb.children):
        return False
    sent = verb.sent
    before = verb.doc[max(0, sent.start - 40):sent.end]
    return any(t.lower_ in FUNDING_NOUNS | INVESTOR_NOUNS or t.lower_ in FUND_EVENT and t.pos_ == "VERB"
               for t in before)


#: Verbs by which a company names its backers: "named A and B as the other participants".
_NAMING = forms("named|names|listed|lists|counted|counts|cited|cites")
#: Words that make the investors named not (yet, or any longer) backers: "as possible investors".
_NOT_YET_BACKERS = TENTATIVE | {"former", "past", "future"}


#: Gatherings whose participants are no investors: "At its developer event, Cohere named A among the
#: participants".
_EVENT_NOUNS = frozenset({"conference", "event", "summit", "panel", "hackathon", "pilot", "trial", "workshop",
                          "keynote", "showcase"})


def _names_its_own(verb: Token) -> bool:
    """The naming verb's subject is a company (the one that raised, not a newspaper or "reports"), and no
    denial follows ("but Figure denied it")."""
    namer = verb.head if verb.dep_ == "acl" else next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if namer is None or namer.ent_type_ in {"Publisher", "Government", "Investor"} or not (
            namer.pos_ == "PROPN" or namer.lower_ in {"it", "company", "start-up", "startup", "firm"}
            or namer.pos_ == "NOUN" and namer.text[:1].isupper() and namer.tag_ != "NNS"  # ("Figure", a name
            and namer.lower_ not in {"report", "filing", "bloomberg"}):               # the tagger took for a noun)
        return False  # (not "Reports named A and B", "Bloomberg named A")
    return not any(t.lower_ in {"denied", "denies", "deny", "disputed"} or t.lower_ in _EVENT_NOUNS for t in verb.sent)


def _namer(s: _Sentence, verb: Token):
    """The organisation a naming verb's subject names ("Ayar Labs counted A among its investors"; for a round,
    its owner: "Lambda's Series D counted A"), None for "it" / "the company" (the company the passage is about),
    False for a name that is no known organisation."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is not None and _round_noun(subj):  # "Lambda's Series D counted Nvidia among its investors"
        owner = _round_owner(subj, s)
        org = s.by_token[owner.i].resolve(ORG - {"Publisher"}) if owner is not None else None
        return org.label if org is not None else None
    m = s.by_token.get(subj.i) if subj is not None else None
    if m is not None and m.source != "coref":
        org = m.resolve(ORG - {"Publisher"})
        return org.label if org is not None else False
    return False if subj is not None and subj.pos_ == "PROPN" else None


def _the_round_again(verb: Token) -> bool:
    """"A led the round, and B and C joined it": "it" is the round the sentence named before."""
    return any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children) and any(
        t.lower_ in FUNDING_NOUNS for t in verb.doc[verb.sent.start:verb.i])


def _one_of(noun: Token) -> Token:
    """The word that names the role a backer noun is said of: "investors" itself, or the "one" of "one of its
    investors"."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in {"one", "some", "several",
                                                                                      "two", "three"}:
        return noun.head.head
    return noun


def _denied(noun: Token) -> bool:
    """A noun phrase denied by its own "not", or by a "not" right before it that the parser hung elsewhere:
    "a spending plan, not capital that Stargate has already raised", "a partner in Stargate, not a shareholder
    in OpenAI". (A "neither ... nor" or "rather than" is read by the caller from the coordination.)"""
    start = noun.left_edge.i
    return any(c.dep_ == "neg" for c in noun.children) or start > noun.sent.start and noun.doc[start - 1].lower_ == "not"


def _names_a_party(prep: Token, s: _Sentence, dates) -> bool:
    """The preposition's object is someone, not a date or a sum: "in a robotics start-up", "for Mistral" (not
    "in December", "of €385 million")."""
    for o in prep.children:
        if o.dep_ != "pobj":
            continue
        if o.i in s.by_token or any(t.i in dates for t in o.subtree):
            return o.i in s.by_token
        if o.like_num or o.lower_ in _MONEY_WORDS or any(t.text in {"$", "€", "£"} for t in o.subtree):
            return False
        return o.pos_ in {"NOUN", "PROPN"}
    return False


def _paid_for_a_purchase(verb: Token) -> bool:
    """``verb`` tells of the deal in which something was bought: "AMD bought ZT Systems in a deal that closed in
    March" (but not "X bought Y, and in September raised $400 million", another clause, nor "X agreed to buy Y,
    which raised $64 million", a clause on the bought company)."""
    cur = verb
    while cur.head.i != cur.i and cur.dep_ not in {"conj", "ccomp", "parataxis"}:
        if cur.dep_ in {"relcl", "acl"} and cur.head.lower_ not in FUNDING_NOUNS:
            return False  # ("agreed to buy MosaicML, which raised $64 million": the bought company's own round)
        cur = cur.head
        if cur.lower_ in _BUYING - TAKING:
            return True
    return False


def _money_from(noun: Token) -> bool:
    """"Most of Mistral's money came from a round ...": money said to come from somewhere."""
    verb = next((a for a in noun.ancestors if a.pos_ in {"VERB", "AUX"}), None)  # ("Most of X's money came")
    return noun.lower_ in {"money", "cash", "funds"} and any(
        c.dep_ == "prep" and c.lower_ == "from" for c in (*noun.children, *(verb.children if verb is not None else ())))


def _round_owner(noun: Token, s: _Sentence) -> Token | None:
    """The named possessor of a round: "X's Series D", also "Mistral's seed round" where the parser hangs the
    possessor on the compound before the noun."""
    return next((c for t in (noun, *(c for c in noun.children if c.dep_ == "compound")) for c in t.children
                 if c.dep_ == "poss" and c.i in s.by_token), None)


def _the_rounds_money(verb: Token) -> bool:
    """"A Series A followed in September, bringing in $100 million from ...": the participle tells the money of
    a round that is the subject of its clause and belongs to no one named (so to the company talked about)."""
    if verb.tag_ != "VBG" or verb.dep_ not in {"advcl", "xcomp"}:
        return False
    subject = next((c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subject is not None and _round_noun(subject) and not any(
        c.dep_ in {"poss", "prep"} for c in subject.children) and not any(  # ("A Series A for Cohere")
        c.dep_ == "prep" and c.lower_ in {"at", "for"} for c in verb.head.children) \
        and modality_of(verb.head)[0] == "asserted"  # ("A Series A could follow next year, bringing in ...")


def _a_group_of_investors(tok: Token) -> bool:
    """"a group of investors including A and B", "investors led by A": a noun for backers that lists them."""
    return (tok.lower_ in INVESTOR_NOUNS or tok.lower_ in {"group", "consortium", "syndicate"} and any(
        p.lower_ == "of" and any(o.lower_ in INVESTOR_NOUNS for o in p.children) for p in tok.children)) and any(
        t.lower_ in {"including", "led", "such", "like"} for t in tok.subtree)


def _a_sum(tok: Token) -> bool:
    """A sum of money: "¥7.3 billion", "$50 million" (the number word the parser makes the phrase's head)."""
    return tok.ent_type_ == "MONEY" and tok.head.ent_type_ != "MONEY" and any(
        t.text in {"$", "€", "£", "¥"} or t.lower_ in {"dollars", "euros", "yen", "yuan", "won"} for t in tok.subtree)


def _started_with_money(verb: Token) -> bool:
    """"was set up in 2022 with ¥7.3 billion from eight companies": a company started with a sum of money."""
    return verb.lower_ in _STARTING_UP and verb.pos_ in {"VERB", "AUX"} and any(
        p.dep_ == "prep" and p.lower_ == "with" and any(o.dep_ == "pobj" and _a_sum(o) for o in p.children)
        for p in verb.children)


def _round_noun(noun: Token) -> bool:
    """A funding round: "round", "financing", "Series D" (the letter, with "Series" before it)."""
    return noun.lower_ in {"round", "rounds", "financing", "fundraise", "fundraising", "tranche", "placement"} or (
        len(noun.text) <= 2 and noun.text[:1].isupper() and any(
            c.lower_ == "series" and c.dep_ == "compound" for c in noun.children))


#: Verbs of taking part in a round ("participated in", "took part in"), with the preposition before it.
_PARTICIPATING = forms("participated|participate|participates|participating")
_JOINING = forms("joined|joins|join|joining")


def _joining_verb(noun: Token) -> Token | None:
    """The verb by which a subject led or joined the round ``noun``: "led X's Series D", "participated in
    the round", "took part in a round for X"; None when the round is not joined that way."""
    if noun.dep_ in {"dobj", "nsubjpass"} and noun.head.lower_ in _LEADING:
        return noun.head
    relative = next((c for c in noun.children if c.dep_ == "relcl" and c.lower_ in _LEADING and any(
        g.dep_ in {"dobj", "nsubjpass"} and g.lower_ in {"which", "that"} for g in c.children)), None)
    if relative is not None:
        return relative  # "Character.AI's Series A, which Andreessen Horowitz led"
    if noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.head.dep_ == "prep":
        verb = noun.head.head
        if verb.lower_ in _PARTICIPATING or verb.lower_ in TAKING and any(
                c.dep_ == "dobj" and c.lower_ == "part" for c in verb.children) or verb.lower_ in _JOINING:
            return verb  # ("joined Accel and Orbis in a private placement in Nebius")
    return None


def _no_round(verb: Token) -> bool:
    """The verb tells of no round that took place: money sought ("had been seeking new funding as recently as
    August") or a stake held now ("which is backed by Alibaba")."""
    if any(t.lower_ in _SOUGHT for t in (verb, *list(verb.ancestors)[:2])):
        return True
    return verb.lower_ == "backed" and any(c.dep_ == "auxpass" and c.lower_ in {"is", "are"} for c in verb.children)


def _round_date(s: _Sentence, verb: Token, dates, *, max_hops: int) -> str | None:
    """The date of the round ``verb`` tells of; in a relative clause, a date of that clause (or the date it
    describes: "in 2021, when it raised ..."), never the main clause's ("X, which raised money, published the
    weights last Thursday")."""
    iso = _nearest_date(s, verb, dates, max_hops=max_hops)
    if iso is not None and verb.dep_ == "relcl" and not any(
            verb.left_edge.i <= i <= verb.right_edge.i or i == verb.head.i
            for i, (d, _span) in dates.items() if d == iso):
        return None
    return iso


def _nearest_date(s: _Sentence, verb: Token, dates, *, max_hops: int) -> str | None:
    """The ISO date of the sentence closest to ``verb`` in the parse tree, within ``max_hops``; never the
    date of a founding ("Lightmatter, which was founded in 2017, has raised $850 million") nor the start of
    a span ("has invested in OpenAI since 2019": money put in over years, no dated round)."""
    near = sorted((s.tree.distance(verb.i, i) - 2 * _dates_the_lead(s.sent.doc[i], verb), iso)
                  for i, (iso, span) in dates.items()
                  if s.sent.start <= i < s.sent.end and not _founding_date(s.sent.doc[i])
                  and not _since(span, verb) and not _dates_another_event(s.sent.doc[i], verb))
    return near[0][1] if near and near[0][0] <= max_hops else None


def _dates_the_lead(date_tok: Token, verb: Token) -> bool:
    """The date hangs on the round's own participle below the verb: "raised $1.1 billion in a Series G led by
    A and B in September", "The Series B, announced in February, raised ..." (a long way from "raised" in the
    tree, but the round's date)."""
    cur = date_tok.head
    while cur != verb and cur.head.i != cur.i:
        if cur.pos_ == "VERB" and cur.dep_ == "acl" and (cur.lower_ in {"led", "co-led", "backed"} or cur.lower_ in {
                "announced", "closed", "completed", "unveiled"} and _round_noun(cur.head)):
            return verb in cur.ancestors  # (and "The Series B, announced at the end of February 2024, raised $675
            # million": the round's own participle, before the verb)
        cur = cur.head
    return False


def _since(span, verb: Token) -> bool:
    """"has invested in OpenAI since 2019": the date starts a span; but "its first round since 2021, when it
    raised $300 million" dates the raising in the date's own clause."""
    return span.start > 0 and span.doc[span.start - 1].lower_ == "since" and not any(verb in t.subtree for t in span)


#: Verbs that tell of the round itself, between it and its date: "a round led by A in September".
_ROUND_VERBS = INVEST_VERBS | _RAISE_VERBS | FUND_EVENT | forms(
    "raising|close|closing|led|leading|co-led|backed|backing|value|valued|valuing|joined|joining|complete|"
    "secured|securing|take|took|taken|taking|include|includes|included|including|bring|brought|bringing|"
    "financed|pledged|pledge|announce|say|said|says|price|priced|commit|committed|agreed")


def _dates_another_event(date_tok: Token, verb: Token) -> bool:
    """The date hangs on a verb of another event inside the round's clause: "closed a Series G before
    withdrawing its IPO in October", "raised $1.1 billion in September and withdrew its filing in October"."""
    cur = date_tok.head
    while cur != verb and cur.head.i != cur.i:
        if cur.pos_ == "VERB" and cur.lower_ not in _ROUND_VERBS and verb in cur.ancestors:
            return True
        cur = cur.head
    return False


#: Words that make the money a running total, not one round: "All told it has raised more than $1.1 billion".
_TOTAL_WORDS = frozenset({"total", "told", "altogether", "cumulatively", "overall", "combined"})


def _a_total(sent) -> bool:
    """The sentence gives the money raised so far, not a round: "in total", "all told", "to date", "so far"."""
    words = [t.lower_ for t in sent]
    pairs = set(zip(words, words[1:]))
    return bool(_TOTAL_WORDS & set(words)) or bool(pairs & {("to", "date"), ("so", "far")})


_FOUNDING = frozenset({"founded", "established", "set", "started", "incorporated", "formed", "created", "spun",
                       "co-founded", "cofounded", "born"})


def _founding_date(date_tok: Token) -> bool:
    """The date says when an organisation was founded: "founded in 2017", "set up in 2015"."""
    cur = date_tok
    for _ in range(3):
        cur = cur.head
        if cur.lower_ in _FOUNDING and cur.pos_ in {"VERB", "AUX"}:
            return True
        if cur.pos_ in {"VERB", "AUX"} or cur.head.i == cur.i:
            return False
    return False


#: How a stake changes hands without new money: "a stake held through the share swap".
_NO_NEW_MONEY = frozenset({"swap", "swaps", "merger", "mergers", "exchange", "acquisition", "takeover", "spin-off",
                           "spinoff", "inheritance"})


def _without_new_money(word: Token) -> bool:
    """"holds its stake through the share swap": a stake (or the verb holding it) that changed hands
    through a swap, merger or purchase, with no money put in."""
    return any(p.dep_ == "prep" and p.lower_ in {"through", "via"} and any(o.lower_ in _NO_NEW_MONEY for o in p.children)
               for h in (word, word.head) for p in h.children)


#: Verbs by which a round takes in its investors: "The round drew A, B and C".
_DRAWING = frozenset({"drew", "draws", "draw", "drawn", "attracted", "attracts", "attract", "included", "includes",
                      "include", "brought", "brings"})


__all__ = ["FundingRules", "FUND_EVENT", "INVEST_VERBS", "INVESTOR_NOUNS", "FUNDING_NOUNS", "investor_link"]

investor_link = _investor_link
