"""Modality: does the sentence assert a relation, deny it, hedge it, or raise it as a hypothesis?

:func:`modality_of` looks at the clause that carries the relation's trigger
(the trigger, the verbs it hangs from through ``xcomp``/``aux``/noun links,
and the path to the object) and returns ``(modality, cue)``:

* ``negated`` — ``not``/``never``/``no`` on that clause ("did not pre-train X on Y"),
  the object after "rather than" / "instead of" / "not" ("the 910C, not the 950"),
  or under "without"; "not ... until <date>" is a schedule, not a denial (hedged);
* ``hypothetical`` — the clause is the condition of "if"/"unless"/"whether", or
  carries "would" outside reported speech;
* ``hedged`` — "reportedly", "is widely understood to", "is expected to", "rumoured",
  "slated for", "plans to", "could", "may", "will" and friends;
* ``asserted`` — none of these.

Precedence: hypothetical, then negated, then hedged. When the negation and a
"without" cancel out ("was not trained without X") the result == ``None``: the
caller must not emit the claim (when unsure, do not assert).
"""

from __future__ import annotations

from spacy.tokens import Token

from ingest.extractors import register
from ingest.extractors.lexicon import COMPARE, MAKE, forms, lowered_forms

NEGATIONS = frozenset({"not", "n't", "never", "no", "neither", "nor", "nowhere"})
NEGATING_VERBS = frozenset({"deny", "denied", "denies", "denying", "fail", "failed", "fails", "failing",
                            "refuted", "refute", "refutes", "ruled", "dismissed", "rejects", "rejected"})
HEDGES = frozenset({
    "reportedly", "allegedly", "purportedly", "supposedly", "apparently", "seemingly", "ostensibly",
    "possibly", "probably", "perhaps", "likely", "unlikely", "potentially", "presumably", "maybe",
    "rumoured", "rumored", "rumour", "rumor", "rumours", "rumors", "speculated", "speculation",
    "expected", "expect", "expects", "expecting", "anticipated", "anticipate", "anticipates",
    "understood", "believed", "believe", "believes", "thought", "estimated", "suspected", "assumed",
    "slated", "scheduled", "planned", "plan", "plans", "planning", "aims", "aim", "aiming", "pencilled", "penciled",
    "intends", "intend", "intended", "intending", "poised", "tipped", "set", "targeting", "targets",
    "may", "might", "could", "should",
    "suggest", "suggests", "suggested", "appears", "appear", "seems", "seem", "claimed", "claims",
    "unconfirmed", "uncertain", "unclear", "reports", "hopes", "hope", "hoping", "hoped", "due", "upcoming",
    "forthcoming", "future",
    "agreed", "agrees", "pledged", "pledges", "promised", "promises", "vowed", "vows", "committed", "commits",
    "meant", "supposed",
})
_MODALS = frozenset({"may", "might", "could", "should"})
#: Verbs whose "that"-clause is what someone wants others to believe: "persuade developers that X rivals Y".
_PERSUADING = frozenset({"persuade", "persuades", "persuaded", "persuading", "convince", "convinces",
                         "convinced", "convincing"})
#: Hedges that only count with a following "to" ("is set to launch", "is due to ship").
_NEEDS_TO = frozenset({"set", "due", "plan", "plans", "aim", "aims", "targets", "targeting", "hope",
                       "hopes", "hoping", "hoped", "appear", "appears", "seem", "seems", "agreed", "agrees", "pledged",
                       "pledges", "promised", "promises", "vowed", "vows", "committed", "commits"})
#: Of those, the ones that hedge only directly before "to" ("committed to using X", not "committed $2
#: billion to Y", which is money given).
_TO_NEXT = frozenset({"committed", "commits", "pledged", "pledges", "meant", "supposed"})  # "was meant to arrive"
#: Words that are hedges only in front of the event, not as ordinary adjectives.
_ADJ_HEDGES = frozenset({"upcoming", "forthcoming", "future"})
#: Nouns whose "that"-clause is hearsay: "reports that V4 was trained on Ascend".
HEARSAY = frozenset({"report", "reports", "rumour", "rumours", "rumor", "rumors", "speculation", "claim", "claims",
                      "suggestion", "suggestions", "allegation", "allegations", "talk", "chatter", "theory",
                      "speculations", "suspicion", "suspicions"})
#: Nouns whose "to"-infinitive is only intended: "talks to raise", "plans to train", "a bid to buy".
_INTENT_NOUNS = frozenset({"talks", "negotiations", "discussions", "plan", "plans", "bid", "bids", "effort", "efforts",
                           "attempt", "attempts", "ambition", "ambitions", "intention", "hopes", "push", "proposal",
                           "offer", "deal"})
_WEIGHING = frozenset({"considered", "considers", "consider", "considering", "weighed", "weighs", "weighing",
                       "explored", "explores", "exploring", "mulled", "mulls", "mulling", "contemplated",
                       "contemplates", "contemplating", "discussed", "discusses", "discussing"})
_EVALUATING = frozenset({"evaluating", "evaluates", "evaluate", "trialling", "trialing", "trials", "piloting",
                         "pilots"})
#: Verbs that turn down what their infinitive says: "declined to install X" did not install it.
_REFUSING = frozenset({"declined", "declines", "decline", "refused", "refuses", "refuse", "rejected", "rejects"})
#: What talks or a plan consist of: "the talks involve Meta renting TPUs" (see ``_INTENT_NOUNS``).
_CONTAINING = frozenset({"involve", "involves", "involved", "include", "includes", "included", "cover", "covers",
                         "covered", "envisage", "envisages", "envisaged", "envision", "envisions", "envisioned"})
_STOPPING = frozenset({"stopped", "stops", "stop", "ceased", "ceases", "quit", "quits", "halted", "halts",
                       "discontinued", "abandoned"})
_FAILING = frozenset({"failed", "fails", "fail", "collapsed", "collapses", "stalled", "stalls", "faltered", "falters",
                      "floundered", "foundered", "fell"})
#: Verbs that reject such hearsay: "Huawei dismissed reports that ...".
_DISMISSING = (NEGATING_VERBS - {"fail", "failed", "fails", "failing", "ruled"}) | {
    "dismisses", "dismiss", "reject", "disputed", "disputes", "dispute", "rebutted", "rebuts", "played", "downplayed",
    "downplays"}
#: Verbs whose complement is held with doubt ("analysts expect X to ..."); reporting verbs only attribute.
_EPISTEMIC = frozenset({
    "expect", "expects", "expected", "believe", "believes", "believed", "think", "thinks", "thought",
    "suspect", "suspects", "suspected", "assume", "assumes", "assumed", "speculate", "speculates",
    "speculated", "hope", "hopes", "hoped", "doubt", "doubts", "doubted", "predict", "predicts", "predicted",
    "anticipate", "anticipates", "anticipated", "guess", "guesses", "reckon", "reckons", "argue", "argues", "argued",
})
#: Verbs of a reckoning: what their "that"-clause says is a guess ("estimated that X had 50,000 GPUs").
_ESTIMATES = frozenset({"estimate", "estimates", "estimated", "estimating", "calculated", "calculates", "reckoned"})
_SCHEDULING = frozenset({"slated", "scheduled", "due", "set", "planned", "expected"})
#: Verbs that ask someone else to do what their complement says ("urged X to train ..."): not a fact.
DIRECTIVES = frozenset({
    "urge", "urged", "urges", "urging", "encourage", "encouraged", "encourages", "encouraging", "ask", "asked",
    "asks", "asking", "press", "pressed", "presses", "pressing", "push", "pushed", "pushes", "pushing",
    "order", "ordered", "orders", "request", "requested", "requests", "invite", "invited", "invites",
    "advise", "advised", "advises", "instruct", "instructed", "instructs", "pressure", "pressured",
    "lobby", "lobbied", "lobbies", "want", "wants", "wanted", "recommend", "recommended", "recommends",
    "demand", "demanded", "demands", "told", "tell", "tells", "direct", "directed", "directs",
})
#: Verbs of attempting: what they govern was tried, not done ("tried to train R2 on Ascend").
_TRYING = frozenset({"tried", "try", "tries", "trying", "attempted", "attempt", "attempts", "attempting"})
#: Participles of wanting that describe a party by what it would like to do ("anyone hoping to ...").
_SEEKING = frozenset({"hoping", "wanting", "looking", "seeking", "trying", "wishing", "aiming"})
#: Verbs that keep someone from doing what follows "from": "barred from buying", "blocked from shipping".
_PREVENTING = frozenset({"barred", "bars", "bar", "banned", "bans", "ban", "blocked", "blocks", "block",
                         "prevented", "prevents", "prevent", "prohibited", "prohibits", "prohibit", "forbidden",
                         "restricted", "restricts", "stopped", "stops", "kept", "keeps", "excluded", "cut"})
#: Nouns whose "that"-clause is a claim: with "no" ("no evidence that ...") it is not made.
CLAIM_NOUNS = frozenset({"claim", "claims", "evidence", "indication", "sign", "signs", "suggestion", "proof",
                          "confirmation", "announcement", "statement"})

#: Verbs that present evidence for a "that"-clause: with "nothing"/"no X" as subject, the clause is open.
_SHOWING = frozenset({"suggests", "suggested", "suggest", "indicates", "indicated", "indicate", "shows", "showed",
                      "show", "proves", "proved", "prove", "implies", "implied", "imply", "confirms", "confirmed",
                      "confirm", "says", "said", "points"})

CONDITIONALS = frozenset({"if", "unless", "whether", "provided", "assuming", "suppose", "supposing"})
REPORTING = frozenset({
    "say", "said", "says", "saying", "report", "reported", "reports", "reporting", "told", "tell",
    "tells", "state", "stated", "states", "note", "noted", "notes", "announce", "announced",
    "announces", "confirm", "confirmed", "confirms", "claim", "claimed", "claims", "write", "wrote",
    "writes", "writing", "posted", "posting", "tweeted", "estimate", "estimated", "estimates", "argue",
    "argued", "argues", "reveal",
    "revealed", "reveals", "found", "find", "finds", "show", "showed", "shows", "add", "added",
    "adds", "explain", "explained", "explains", "according", "relayed", "disclosed", "disclose",
})
#: The directives that are not also reporting verbs ("asked that ...", not "told").
_ASKING = DIRECTIVES - REPORTING
_CLAUSE_LINKS = frozenset({"xcomp", "aux", "auxpass", "acomp", "prep", "pobj", "dobj", "nsubj", "nsubjpass",
                           "attr", "pcomp", "compound", "amod", "nmod", "poss", "appos", "agent", "oprd",
                           "dative", "npadvmod", "conj", "relcl", "acl", "advcl", "ccomp", "quantmod", "nummod"})


#: Verbs that say what something is in a small clause ("made it available", "makes X a version of Y", "does not
#: consider X a rival"); word forms, since the pipeline has no lemmatizer.
_SMALL_CLAUSE_VERBS = frozenset({"make", "makes", "made", "making", "keep", "keeps", "kept", "keeping", "render",
                                 "renders", "rendered", "consider", "considers", "considered", "call", "calls",
                                 "called", "deem", "deems", "deemed"})


def clause_chain(tok: Token) -> list[Token]:
    """The trigger and the tokens above it that belong to its clause (stops at a new clause).

    Walks up through noun and ``xcomp`` links; a ``ccomp``, ``advcl``, ``relcl`` or
    verbal ``conj`` head with its own subject ends the walk (it is another clause).
    """
    chain = [tok]
    cur = tok
    for _ in range(12):
        head = cur.head
        if head == cur:
            break
        dep = cur.dep_
        if dep == "ccomp" and (cur.pos_ == "ADJ" or cur.pos_ == "NOUN" and head.lower_ in MAKE) \
                and head.lower_ in _SMALL_CLAUSE_VERBS:  # ("without making it a member of X")
            chain.append(head)  # "did not make it available": a small clause, the verb's negation is its own
            cur = head
            continue
        if dep == "appos" and head.dep_ == "nsubj" and head.head.lemma_ == "be" and head.head.i < head.i \
                and not any(c.dep_ == "attr" for c in head.head.children) \
                and cur.doc[cur.left_edge.i - 1].text != ",":  # ("neither is Microsoft, OpenAI's backer": aside)
            chain.append(head.head)  # "Nor is Phi-2 a derivative of X": the parser's apposition is the predicate
            cur = head.head          # of an inverted copula, whose negation is its own
            continue
        if dep == "appos" and head.dep_ == "appos" and head.head.dep_ == "nsubj" and head.head.head.lemma_ == "be" \
                and head.head.head.i < head.head.i and not any(c.dep_ == "attr" for c in head.head.head.children):
            chain.append(head.head.head)  # "Nor is Phi-2, a Microsoft model, a derivative of X": the second
            cur = head.head.head          # "apposition" is the inverted copula's predicate
            continue
        if dep in {"ccomp", "advcl", "relcl", "parataxis", "csubj", "acl", "appos"}:
            break  # an apposition describes its noun on its own terms: "does not carry HBM3E, the memory on the H200"
        if dep == "conj" and cur.pos_ in {"VERB", "AUX"} and any(
                c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in cur.children):
            break
        if dep not in _CLAUSE_LINKS:
            break
        if dep == "nsubj" and cur.pos_ in {"NOUN", "PROPN"} and cur.i != tok.i and any(
                c.dep_ == "dobj" for c in head.children):
            break  # "Phi-2 ships under X, ..., so a start-up cannot build a product on it": the subject's own
            # words are not what its verb says of it (the parser took "ships" for the subject)
        chain.append(head)
        cur = head
    return chain


def _own_clause(verb: Token) -> bool:
    """Whether ``verb`` heads a clause of its own joined to another ("X is made by A, and B would reportedly
    ship Y"; "B reportedly runs Y; X is made by A"): its adverbs do not qualify the other clause."""
    return verb.dep_ in {"conj", "ccomp", "parataxis"} and verb.pos_ in {"VERB", "AUX"} \
        and verb.lower_ not in REPORTING and any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children)


#: Verbs of what something would take or hold: "would require 638 H100s", "would need", "would fit on one card".
_ESTIMATING = frozenset({"require", "need", "take", "cost", "demand", "consume", "fit"})

#: What an attempt "ran into" or "hit" when it did not work out.
_TROUBLES = frozenset({"problems", "trouble", "troubles", "difficulties", "difficulty", "obstacles", "setbacks",
                       "snags", "hurdles", "issues", "wall"})


def _in_trouble(verb: Token) -> bool:
    """"ran into persistent technical problems", "hit snags", "struggled": an attempt that did not work out."""
    if verb.lower_ in {"struggled", "stumbled", "foundered"}:
        return True
    if verb.lower_ not in {"ran", "run", "runs", "hit", "hits", "encountered", "met", "faced"}:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"] + [
        g for c in verb.children if c.dep_ == "prep" and c.lower_ == "into" for g in c.children if g.dep_ == "pobj"]
    return any(o.lower_ in _TROUBLES for o in objects)


def _conditional_mark(clause: Token) -> bool:
    """``clause`` opens with "if" / "unless" / "provided" (not "even if", "as if": those concede or compare)."""
    for c in clause.children:
        if c.dep_ == "mark" and c.lower_ in CONDITIONALS - {"whether"}:
            before = c.doc[c.i - 1].lower_ if c.i > 0 else ""
            return before not in {"even", "as"} and not any(x.lower_ == "even" for x in c.children)
    return False


def _set_aside(obj: Token) -> str:
    """"rather than" / "instead of" just before the noun phrase of ``obj`` ("rather than the stacked HBM"),
    read from the words since parsers often misattach the phrase; "" when there is none."""
    doc, j = obj.doc, obj.i - 1
    while j > obj.i - 5 and j > 0 and doc[j].pos_ in {"DET", "ADJ", "NOUN", "PROPN", "NUM", "VERB"} \
            and doc[j].lower_ not in {"than", "of"}:
        j -= 1
    if j > 0 and (doc[j].lower_ == "than" and doc[j - 1].lower_ == "rather"
                  or doc[j].lower_ == "of" and doc[j - 1].lower_ == "instead"):
        return f"{doc[j - 1].lower_} {doc[j].lower_}"
    return ""


def _says_that(clause: Token) -> bool:
    """A clause that says what its noun holds: "claims that X ...", also when the parser took "that" for a
    relative pronoun of a verb whose object slot is filled ("the rumour that OpenAI uses TPUs")."""
    if any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
        return True
    that = next((c for c in clause.children if c.lower_ == "that" and c.dep_ in {"dobj", "nsubj"}), None)
    return that is not None and clause.dep_ == "relcl" and any(
        c.dep_ == ("dobj" if that.dep_ == "dobj" else "nsubj") and c.i != that.i for c in clause.children)


#: Generic words for hardware a maker's name qualifies: "no Nvidia chips".
_GENERIC_HW = frozenset({"chips", "chip", "gpus", "gpu", "hardware", "accelerators", "accelerator", "processors",
                         "silicon", "parts", "cards", "systems"})

#: What a denied role keeps: "is not the only supplier" is still a supplier.
_EXCLUSIVE = frozenset({"sole", "only", "exclusive", "single", "lone"})

#: Adverbs that put what a clause says down to hearsay.
_HEARSAY_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "rumoredly", "supposedly"})

#: "has yet to", "is yet to": not so far.
_HAVING_YET = frozenset({"has", "have", "had", "is", "are", "was", "were"})

#: What a claim turns out to be when it is denied: "claims that ... are false".
_UNTRUE = frozenset({"false", "untrue", "wrong", "baseless", "unfounded", "inaccurate", "incorrect", "mistaken",
                     "groundless", "misleading"})


def path_up(tok: Token, stop: Token) -> list[Token]:
    """Tokens from ``tok`` up to (not including) its ancestor ``stop`` (or the root)."""
    out = []
    cur = tok
    for _ in range(20):
        if cur == stop or cur.head == cur:
            break
        out.append(cur)
        cur = cur.head
    return out


_REPORT_NOUNS = frozenset({"reports"})


_HEARSAY_NOUNS = frozenset({"rumours", "rumors", "rumour", "rumor", "speculation", "chatter", "gossip"})
_UNCHECKED = frozenset({"unconfirmed", "unverified", "uncorroborated"})


def _according_to_hearsay(sent, lowers: list[str]) -> str | None:
    """"..., according to unconfirmed reports" / "according to rumours": told on hearsay (a cue), else None.
    ``lowers``: the doc's lower-case forms (only the sentence's "according" is looked at)."""
    for i in range(sent.start, sent.end - 1):
        if lowers[i] == "according" and lowers[i + 1] == "to":
            for o in sent.doc[i + 1].children:
                if o.dep_ != "pobj":
                    continue
                if o.lower_ in _HEARSAY_NOUNS:
                    return o.lower_
                unchecked = next((c.lower_ for c in o.children if c.dep_ == "amod" and c.lower_ in _UNCHECKED), None)
                if unchecked:
                    return unchecked
    return None


def _unnamed_reports(top: Token) -> bool:
    """Whether what the clause ``top`` says is what reports nobody is named for say: "industry reports
    have said that ..." (a named source, or "according to ...", only attributes)."""
    def unnamed(t: Token) -> bool:  # "industry reports", not "the reports" (already named) or "Bloomberg reports"
        return t.lower_ in _REPORT_NOUNS and t.pos_ == "NOUN" and not any(
            c.ent_type_ or c.dep_ in {"det", "poss"} for c in t.subtree if c.i != t.i)

    if top.dep_ == "ccomp" and top.head.lower_ in REPORTING and any(
            c.dep_ == "nsubj" and unnamed(c) for c in top.head.children):
        return True
    return False  # "according to media reports, X" attributes X (as "according to CSIS" does)


def is_hedge_word(tok: Token) -> bool:
    """Whether ``tok`` itself hedges ("slated", "expected"); "committed" only right before "to"."""
    low = tok.lower_
    if low not in HEDGES:
        return False
    if low in _TO_NEXT:
        return tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to"
    if low == "set" and any(c.dep_ == "prt" for c in tok.children):
        return False  # "was set up in 2022": founded, nothing scheduled
    return True


def _denies_what_follows(neg: Token, head: Token) -> bool:
    """"by TSMC, not Samsung": a "not" after a name, before a name set against it, denies that second name."""
    return neg.i > head.i and (any(s.dep_ in {"appos", "conj"} and s.i > neg.i and s.pos_ in {"NOUN", "PROPN", "NUM"}
                                   for s in head.children)  # (not "is not X ..., codenamed Y": a verb)
                               or _denied_phrase(neg) is not None)


def _denied_phrase(neg: Token) -> Token | None:
    """"trained X on Nvidia GPUs, not on Gaudi chips": a "not" after a comma, right before a second phrase of
    the same verb with the same preposition as an earlier one, denies that phrase only (the preposition); before
    an apposition ("its own licence, not a licence such as Apache 2.0"), that apposition."""
    doc, head = neg.doc, neg.head
    if neg.i == 0 or doc[neg.i - 1].text != "," or neg.i + 1 >= len(doc):
        return None
    restated = next((c for c in head.children if c.dep_ == "appos" and c.left_edge.i == neg.i + 1), None)
    if restated is not None:  # "Nvidia's own licence, not a standard licence such as Apache 2.0": the apposition
        return restated
    after = doc[neg.i + 1]
    if after.dep_ != "prep" or after.head.i != head.i or not any(
            c.dep_ == "prep" and c.lower_ == after.lower_ and c.i < neg.i for c in head.children):
        return None
    return after


#: Nouns for taking part in a deed: "no role in making X", "did not play a part in building X".
_INVOLVEMENT = frozenset({"role", "part", "hand", "involvement", "share"})
_HAVING_A_PART = forms("have|has|had|having|play|plays|played|playing|take|takes|took|taken|taking")


#: Verbs that give something up or keep away from it: their object is not (or no longer) used.
_DROPPING = forms("drop|drops|dropped|dropping|ditch|ditches|ditched|ditching|abandon|abandons|abandoned|abandoning|"
                  "replace|replaces|replaced|replacing|avoid|avoids|avoided|avoiding|shun|shuns|shunned|shunning|"
                  "eschew|eschews|eschewed|eschewing|forgo|forgoes|forwent|forgoing|forgone")


def _set_against(obj: Token, trigger: Token) -> str | None:
    """"instead of" / "rather than" right before the object, after the trigger: "uses LPDDR memory instead
    of HBM", however the parser hung "HBM"."""
    right_before = [t.lower_ for t in obj.doc[max(obj.sent.start, obj.i - 3):obj.i] if t.pos_ != "DET"][-2:]
    if right_before in (["instead", "of"], ["rather", "than"]) and trigger.i < obj.i - 2:
        return " ".join(right_before)
    return None


def _after_but(obj: Token, chain) -> bool:
    """The object sits in the conjunct after "but" of a clause whose negation denies the first one: "was not
    released under Apache 2.0 but under the Llama 3.1 Community License", "not on Ascend but on H800s"."""
    carrier = next((t for t in chain if any(c.dep_ == "neg" for c in t.children)), None)
    if carrier is None:
        return False
    for t in [obj, *obj.ancestors]:
        if t.i == carrier.i:
            return False
        if t.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ == "but" for c in t.head.children):
            return True
    return False


def _object_negated(obj: Token, trigger: Token) -> str | None:
    """Negation that scopes over the object only: "rather than X", "instead of X", "not X but Y", "without X"."""
    path = [obj] + path_up(obj, trigger)
    denied = {p.i for c in trigger.children if c.dep_ == "neg" for p in [_denied_phrase(c)] if p is not None}
    if denied and any(t.i in denied for t in path):
        return "not"  # "on Nvidia GPUs, not on Gaudi chips"
    for t in path:
        low = t.lower_
        if t.dep_ == "dobj" and t.head.lower_ in _DROPPING and t.head.i != trigger.i:
            return t.head.lower_  # "will drop HBM3E in favour of HBM4": what is dropped is no longer used
        if low == "than" and any(c.lower_ == "rather" for c in t.children) or (
                low == "than" and t.i > 0 and t.doc[t.i - 1].lower_ == "rather"):
            return "rather than"
        if low == "of" and t.i > 0 and t.doc[t.i - 1].lower_ == "instead":
            return "instead of"
        if low == "without":
            return "without"
        if t.i != trigger.i and any((c.dep_ == "neg" or c.dep_ == "preconj" and c.lower_ == "not")
                                    and not _denies_what_follows(c, t) for c in t.children):
            return "not"
        if t.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ in {"but", "instead"} for c in t.head.children):
            break  # "not by X but by Y": the negation stays with X
    # "uses neither Nvidia's DRIVE nor Qualcomm's Snapdragon Ride": each name of a "neither ... nor" list
    first = obj
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    if first.i != trigger.i and (any(c.lower_ == "neither" and c.dep_ in {"preconj", "det"} for c in first.children)
                                 or any(c.dep_ == "cc" and c.lower_ == "nor" for c in first.children)):
        return "neither ... nor"
    # "the older 910C rather than the new 950" when the parser attaches "rather than" flatly
    doc = obj.doc
    if (against := _set_against(obj, trigger)) is not None:
        return against
    first = obj
    while first.dep_ == "conj" and first.head.i < first.i and not any(  # "such as Apache 2.0 or MIT": from the
            t.lower_ == "than" for t in doc[first.head.i:first.i]):        # first one of the list
        first = first.head
    start = max(obj.sent.start, first.i - 12)  # ("rather than under a standard open-source licence such as X")
    window = [t.lower_ for t in doc[start:first.i]]
    for j in range(len(window) - 1):
        if window[j] == "rather" and window[j + 1] == "than" and (trigger.i < start + j or trigger.i > start + j + 1):
            # no other noun phrase head between "than" and the object (the trigger may be one of its words:
            # "rather than a standard licence such as Apache 2.0")
            between = doc[start + j + 2:first.i]
            if not any(t.pos_ in {"VERB", "AUX"} or t.text in {",", ";"} for t in between):
                return "rather than"
        if window[j] == "instead" and window[j + 1] == "of" and trigger.i < start + j:
            return "instead of"
    if obj.i > 0 and doc[obj.i - 1].lower_ == "not" and trigger.i < obj.i:
        return "not"
    if obj.i > 1 and doc[obj.i - 2].lower_ == "not" and doc[obj.i - 1].pos_ == "DET" and trigger.i < obj.i:
        return "not"
    return None


_CONFIRMING = forms("confirm|confirmed|confirms|confirming")
_DENYING = forms("deny|denied|denies|denying")


def _confirmed_nor_denied(verb) -> bool:
    """"neither confirmed nor denied", "did not confirm or deny": the company left the matter open."""
    if verb.lower_ not in _CONFIRMING | _DENYING or not any(
            c.dep_ == "neg" or c.dep_ == "preconj" and c.lower_ == "neither" for c in verb.children):
        return False  # ("confirmed the results and denied X": X denied)
    other = _DENYING if verb.lower_ in _CONFIRMING else _CONFIRMING  # (or "neither denied nor confirmed")
    return any(c.dep_ == "conj" and c.lower_ in other and c.i == verb.i + 2 for c in verb.children)


def _what_it_would_take(top: Token) -> bool:
    """The clause is the purpose of a requirement that is only supposed: "To serve Kimi K2, a company would
    need eight H200s", "a company that wanted to run Mixtral in-house would need two such cards", "anyone
    hosting it themselves would need eight H100s"."""
    head = top.head
    if top.dep_ == "relcl" and head.dep_ in {"nsubj", "nsubjpass"} and top.lower_ in _WANTING:
        head = head.head
    elif top.dep_ == "acl" and head.dep_ == "nsubj" and head.lower_ in _ANYONE:
        head = head.head  # "anyone hosting it themselves would need eight H100s"
    elif not (top.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in top.children)):
        return False
    return head.lower_ in _REQUIRING and any(c.dep_ == "aux" and c.lower_ in {"would", "could", "might"}
                                            for c in head.children)


#: Verbs that would make something possible ("would let buyers set X against Y"): what they allow is not done.
_ENABLING = forms("let|lets|allow|allows|enable|enables|permit|permits")

#: Subjects that stand for whoever might do something.
_ANYONE = frozenset({"anyone", "anybody", "someone", "somebody", "whoever", "those"})
_WANTING = frozenset({"wanted", "wants", "want", "wished", "wishes", "hoped", "hopes", "planned", "plans"})
_REQUIRING = frozenset({"need", "require", "take", "use", "have"})


@register("kg.modality.v1")
class ModalityClassifier:
    """Decide the modality of a relation from its trigger, subject and object tokens."""

    def __call__(self, trigger: Token, obj: Token | None = None, subj: Token | None = None):
        return modality_of(trigger, obj, subj)


def modality_of(trigger: Token, obj: Token | None = None, subj: Token | None = None) -> tuple[str | None, str]:
    """``(modality, cue)`` of the relation carried by ``trigger``; modality None means "do not emit".

    Parameters
    ----------
    trigger : the token that expresses the relation (verb, noun or preposition)
    obj : the object's token, for negation that scopes over the object only
    subj : the subject's token
    """
    chain = clause_chain(trigger)
    top = chain[-1]
    own_clause = set(chain)
    if obj is not None and not (top.dep_ == "relcl" and obj not in top.subtree):
        # (the object a relative clause is about, "the licence under which Meta distributes Llama 2",
        # stands in the outer clause: that clause's negation is not the relative clause's)
        for t in path_up(obj, trigger):
            if t not in chain and t.pos_ in {"VERB", "AUX", "NOUN", "PROPN"}:
                chain.append(t)
    words = {t.i: t for t in chain}
    for t in chain:  # "it has been barred from buying Nvidia's H100": kept from doing it
        if t.dep_ == "pcomp" and t.head.lower_ == "from" and t.head.head.lower_ in _PREVENTING:
            return "negated", f"{t.head.head.lower_} from"
        if t.dep_ == "pcomp" and t.head.lower_ == "in" and t.head.head.lower_ in _INVOLVEMENT:
            role = t.head.head  # "Samsung has no role in making the A17 Pro", "did not play a part in building X"
            if any(c.dep_ == "det" and c.lower_ == "no" for c in role.children) or role.head.lower_ in _HAVING_A_PART \
                    and any(c.dep_ == "neg" for c in role.head.children):  # (not "did not hide its role in making X")
                return "negated", f"no {role.lower_} in"
        if t.dep_ == "pcomp" and t.head.lower_ == "from" and t.head.i > 0 and t.doc[t.head.i - 1].lower_ == "far":
            return "negated", "far from"  # "Far from being trained on Ascend, V3 ran on H800s"
    named = obj.head if obj is not None and obj.dep_ in {"compound", "nmod"} and obj.head.lower_ in _GENERIC_HW \
        else obj  # "uses no Nvidia chips"
    while named is not None and named.dep_ == "conj" and named.head.i < named.i and not any(
            c.dep_ == "cc" and c.lower_ in {"but", "yet"} for c in named.head.children):
        named = named.head  # "uses no Nvidia or AMD accelerators": the "no" of the list's first name
    if named is not None and named.pos_ in {"NOUN", "PROPN"} and any(
            c.dep_ == "det" and c.lower_ == "no" for c in named.children):
        return "negated", "no"  # "the D1 carried no HBM"
    start = trigger.left_edge.i
    if trigger.dep_ == "appos" and trigger.pos_ == "NOUN" and start >= 2 \
            and trigger.doc[start - 1].lower_ == "not" and trigger.doc[start - 2].text == ",":
        return "negated", "not"  # "FLUX.1 is a new family, not a version of Stable Diffusion"
    for end in (subj, obj):  # "Only the H200, and not the H100, carries HBM3E"; "Microsoft, not Google, invested"
        if end is not None and end.dep_ in {"conj", "appos"} and any(
                c.dep_ == "neg" and c.i < end.i for c in end.children):
            return "negated", "not"
    if obj is not None:  # "carries GDDR7 rather than the stacked HBM": what is set aside is not so
        set_aside = _set_aside(obj)
        if set_aside:
            return "negated", set_aside
    for t in chain[1:]:  # the trigger inside "rather than relying on X", "instead of using X", "without X"
        if t.lower_ == "than" and (t.i > 0 and t.doc[t.i - 1].lower_ == "rather" or any(
                c.lower_ == "rather" for c in t.children)) or t.lower_ == "of" and t.i > 0 \
                and t.doc[t.i - 1].lower_ == "instead" or t.lower_ == "without":
            return "negated", t.lower_ if t.lower_ == "without" else f"{t.doc[t.i - 1].lower_} {t.lower_}"
    # "They made no claim that it rivals GPT-5", "there is no evidence that X ran on Y": the content of a claim
    # that nobody makes is open
    if top.dep_ in {"acl", "ccomp"} and top.head.lower_ in CLAIM_NOUNS and (
            any(c.lower_ in {"no", "neither"} and c.dep_ == "det" for c in top.head.children)
            or any(c.dep_ == "neg" for c in top.head.head.children)):
        return "hypothetical", f"no {top.head.lower_}"
    if trigger.tag_ in {"VBG", "VBN"} and trigger.dep_ in {"advcl", "acl"} and trigger.i > 0 and any(
            c.dep_ == "dobj" and c.right_edge.i == trigger.i - 1 and any(
                d.dep_ == "det" and d.lower_ == "no" for d in c.children) for c in trigger.head.children):
        return "negated", "no"  # "published no benchmark comparing the AI200 with X" (the participle hung on the verb)
    if top.dep_ == "ccomp" and any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in CLAIM_NOUNS and any(
            d.dep_ == "det" and d.lower_ in {"no", "neither"} for d in c.children) for c in top.head.children):
        return "hypothetical", "no evidence"  # "No evidence has been made public that the lab trained V3 on H100s"
    if top.dep_ == "ccomp" and top.head.lower_ in _SHOWING and any(
            c.dep_ == "nsubj" and (c.lower_ in {"nothing", "none"} or any(
                d.dep_ == "det" and d.lower_ == "no" for d in c.children)) for c in top.head.children):
        return "hypothetical", f"nothing {top.head.lower_}"  # "nothing suggests Samsung memory is in the B200"
    if top.dep_ in {"ccomp", "oprd", "xcomp"} and top.head.lower_ in _SMALL_CLAUSE_VERBS and any(
            c.dep_ == "neg" for c in top.head.children):  # "Sharing a tokenizer does not make DBRX a version of GPT-4"
        return "negated", f"not {top.head.lower_}"
    if top.dep_ in {"acl", "ccomp", "relcl"} and top.head.lower_ in HEARSAY and top.head.pos_ in {"NOUN", "PROPN"} \
            and _says_that(top) and not any(
            c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ in {"by", "from"} for c in top.head.children):
        # ("DeepSeek's claim that V3 was trained on H800s" is DeepSeek's statement: attribution, no doubt)
        # "reports that V4 was trained on Ascend": what is reported, not stated; "denied reports that ...",
        # "claims that ... are false", "the rumour that ... was dismissed": denied
        noun, governor = top.head, top.head.head
        if noun.dep_ in {"dobj", "pobj"} and governor.lower_ in _DISMISSING and not any(
                c.dep_ == "neg" for c in governor.children):
            return "negated", f"{governor.lower_} {noun.lower_}"
        if noun.dep_ == "nsubjpass" and governor.lower_ in _DISMISSING or noun.dep_ == "nsubj" and any(
                c.dep_ == "acomp" and c.lower_ in _UNTRUE for c in governor.children):
            return "negated", f"{noun.lower_} ... {governor.lower_}"
        return "hedged", f"{noun.lower_} that"
    if top.dep_ == "acl" and top.head.lower_ in _INTENT_NOUNS and top.i > top.head.i and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in top.children):
        noun = top.head
        if noun.dep_ in {"nsubj", "nsubjpass"} and (noun.head.lower_ in _FAILING or _in_trouble(noun.head)):
            return "negated", f"{noun.lower_} ... {noun.head.lower_}"  # "DeepSeek's attempt to train R2 on Ascend failed"
        return "hedged", f"{noun.lower_} to"  # "is in talks to raise $40 billion from SoftBank", "plans to train"
    above = list(top.ancestors)
    for t in chain + above:  # "What Google did not do was compare X with Y": a pseudo-cleft denies what it names
        # (the parser may hang the clause on "was" or, with an aside between, on the named verb itself)
        copula = t.lemma_ == "be" or any(c.dep_ in {"aux", "auxpass"} and c.lower_ in {"was", "is"} for c in t.children)
        if copula and any(c.dep_ in {"csubj", "csubjpass"} and any(g.dep_ == "neg" for g in c.children)
                          and any(g.lower_ == "what" for g in c.children) and trigger not in c.subtree
                          for c in t.children):
            return "negated", "what ... not"
    for n, t in enumerate(above):  # "The group stopped short of claiming that its model beats X"
        if t.lower_ in _STOPPING and any(c.lower_ == "short" for c in t.children):
            claimed = any(a.lower_ in REPORTING or a.lower_ in {"claiming", "saying", "suggesting"}
                          for a in above[:n])
            return ("hypothetical" if claimed else "negated"), f"{t.lower_} short of"
    for t in chain:
        for c in t.children:
            words.setdefault(c.i, c)
    neg_cue = None
    hyp_cue = None
    hedge_cue = None
    until = False
    if trigger.dep_ == "xcomp" and trigger.tag_ == "VBG":
        if trigger.head.lower_ in _STOPPING:
            neg_cue = trigger.head.lower_  # "Anthropic stopped using TPUs"
        elif trigger.head.lower_ in _WEIGHING:
            hyp_cue = trigger.head.lower_  # "Apple considered investing in OpenAI": a possibility
    refused = next((t.head for t in chain if t.dep_ == "xcomp" and t.head.lower_ in _REFUSING), None)
    if refused is not None:
        neg_cue = refused.lower_  # "Oak Ridge declined to install the MI300A", "Cerebras refused to host R1"
    if trigger.tag_ == "VBG" and trigger.dep_ in {"dobj", "xcomp", "ccomp"} and trigger.head.lower_ in _CONTAINING \
            and any(c.dep_ == "nsubj" and c.lower_ in _INTENT_NOUNS - {"effort", "efforts", "push"}
                    for c in trigger.head.children):
        hedge_cue = f"{trigger.head.lower_} ... {trigger.lower_}"  # "the talks involve Meta installing TPUs"
    for t in chain:
        for c in t.children:
            low = c.lower_
            if c.dep_ == "mark" and low in CONDITIONALS:
                hyp_cue = low
            if c.dep_ == "neg" or (low in {"never", "no"} and c.dep_ in {"advmod", "det", "neg"}):
                if c.dep_ == "det" and low == "no" and t != trigger and t != obj:
                    continue
                if c.dep_ == "neg" and c.i + 1 < len(c.doc) and c.doc[c.i + 1].lower_ == "only":
                    continue  # "not only"
                if _denies_what_follows(c, t):
                    continue  # "made by TSMC, not Samsung": the "not" denies what follows it
                neg_cue = neg_cue or low
            if c.dep_ == "prep" and t in own_clause and any(d.dep_ == "preconj" and d.lower_ == "neither"
                                                             for d in c.children) and (obj is None or (
                    obj in c.subtree and not any(w.lower_ in {"but", "instead"} for w in c.doc[c.i:obj.i]))):
                neg_cue = neg_cue or "neither"  # "runs neither on TPUs nor on Trainium"
            if low == "neither" and (c.dep_ == "preconj" and t in own_clause and (t.pos_ in {"VERB", "AUX"} or any(
                    d.dep_ == "cc" and d.lower_ == "nor" for d in t.children)) or c.dep_ == "det" and t == trigger):
                # ("its model neither beats nor matches X", the parser reading "beats" as a noun)
                if _confirmed_nor_denied(t):
                    hedge_cue = hedge_cue or "neither confirmed nor denied"  # left open, not denied
                else:
                    neg_cue = neg_cue or "neither"  # "X neither beats nor matches Y", "ran neither on A nor on B"
            if low == "nor" and c.i < t.i and (c.i == c.sent.start or c.doc[c.i - 1].is_punct) and (any(
                    a.dep_ in {"aux", "auxpass"} and c.i < a.i < t.i for a in t.children)
                    or t.lower_ in {"is", "was", "are", "were"} and t.i == c.i + 1):  # "Nor is it a derivative of X"
                neg_cue = neg_cue or "nor"  # "Nor does RNGD use HBM3E": the inverted clause denies
            if c.dep_ == "advmod" and low == "longer" and any(d.lower_ in {"no", "not"} for d in c.children):
                neg_cue = neg_cue or "no longer"  # "Anthropic no longer uses TPUs"
            if c.dep_ in {"nsubj", "nsubjpass"} and low in {"none", "nothing", "neither", "nobody"}:
                neg_cue = neg_cue or low  # "None of the memory comes from X"
            if c.dep_ in {"nsubj", "nsubjpass"} and any(d.dep_ in {"det", "preconj"} and d.lower_ in {"no", "neither"}
                                                        for d in c.children):
                neg_cue = neg_cue or "no"  # "Neither chipmaker had published ...", "No lab has trained ..."
            if c.dep_ == "prep" and low in {"until", "till", "before"} or low == "yet" and c.dep_ == "advmod":
                until = until or low in {"until", "till", "before"}
            if low == "yet" and c.dep_ == "advmod" and t.lower_ in _HAVING_YET and any(
                    x.dep_ == "xcomp" and x in chain for x in t.children):
                neg_cue = neg_cue or "yet to"  # "Meta has yet to train a Llama model on MTIA": not done so far
            if c.dep_ in {"aux", "auxpass", "advmod", "acomp", "amod", "npadvmod", "attr", "advcl", "dep", "oprd", "prep", "nsubj"} \
                    and low in HEDGES:
                if low in _NEEDS_TO and not any(g.lower_ == "to" for g in c.subtree) and c.dep_ != "aux":
                    if not (c.i + 1 < len(c.doc) and c.doc[c.i + 1].lower_ in {"to", "for"}):
                        continue
                if not is_hedge_word(c):  # "committed $2 billion to Y" is no hedge
                    continue
                if low in _ADJ_HEDGES and c.dep_ != "amod":
                    continue
                if low == "would" or low in _MODALS and c.tag_ != "MD":
                    continue  # "unveiled last May": the month, not the modal
                hedge_cue = hedge_cue or low
            if low == "would" and c.dep_ == "aux":
                hyp_cue = hyp_cue or "would"
        if t.dep_ in {"ccomp", "xcomp"} and t.head.lower_ in _ENABLING and any(
                c.dep_ == "aux" and c.lower_ in {"would", "could", "might"} for c in t.head.children):
            hyp_cue = hyp_cue or t.head.lower_  # "a benchmark that would let buyers set X against Y"
        low = t.lower_
        if low in {"reported", "said", "rumored", "rumoured", "alleged", "tipped"} and t != trigger and any(
                c.dep_ == "auxpass" for c in t.children) and any(c.dep_ == "xcomp" for c in t.children):
            hedge_cue = hedge_cue or f"is {low} to"  # "X is reported to be ...", "is said to have ..."
        if t.dep_ == "conj" and t.pos_ in {"VERB", "AUX"} and t.left_edge.i > 0 \
                and t.doc[t.left_edge.i - 1].lower_ == "nor" \
                and t in own_clause and not _confirmed_nor_denied(t.head):
            neg_cue = neg_cue or "nor"  # "... nor matches GPT-4o", ", nor did it run X": what "nor" brings in
        if low in NEGATING_VERBS and t != trigger and not (t.dep_ == "conj" and _confirmed_nor_denied(t.head)
                                                           or _confirmed_nor_denied(t)):
            neg_cue = neg_cue or low
        if low in HEDGES and t != trigger and t.pos_ in {"VERB", "ADJ", "AUX"}:
            if low in _ADJ_HEDGES or low in _MODALS and t.tag_ != "MD":
                continue
            if low in _NEEDS_TO and not any(  # "set to ship", "set for Q4"; not "set it against X"
                    c.lower_ == "to" or c.dep_ == "xcomp" or c.dep_ == "prep" and c.lower_ == "for"
                    for c in t.children):
                continue
            if not is_hedge_word(t):
                continue
            hedge_cue = hedge_cue or low
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITIONALS for c in t.children):
            hyp_cue = hyp_cue or "if"
        if t.dep_ == "ccomp" and t.head.lower_ in _PERSUADING:
            hedge_cue = hedge_cue or t.head.lower_  # "trying to persuade developers that X is an alternative to Y"
        if t.dep_ == "xcomp" and t.head.lower_ in DIRECTIVES:
            # "officials urged the lab to train X on Y": asked for, not done
            hyp_cue = hyp_cue or t.head.lower_
    if hyp_cue is None and _what_it_would_take(top):
        hyp_cue = "would"
    # "would" in reported speech ("said it would ship") is a plan, not a hypothesis
    if hyp_cue == "would":
        root = top  # the top of the trigger's own clause (the chain may have grown along the object's path)
        estimate = any(t.lower_ in _ESTIMATING and any(c.lower_ == "would" and c.dep_ == "aux" for c in t.children)
                       for t in chain)  # "said that running X would require 638 H100s": a sum, not a plan
        if root.dep_ == "ccomp" and root.head.lower_ in REPORTING and not estimate:
            hyp_cue, hedge_cue = None, hedge_cue or "would"
    # an adverb hedge anywhere in the sentence before the trigger's clause ("Reportedly, ...")
    sent = trigger.sent
    doc, lowers = trigger.doc, lowered_forms(trigger.doc)
    if hedge_cue is None:
        for i in range(sent.start, sent.end):
            if lowers[i] not in _HEARSAY_ADVERBS:
                continue
            t = doc[i]
            if t.head in chain or t.head.head in chain and not _own_clause(t.head):
                hedge_cue = t.lower_
                break
    if hedge_cue is None and _unnamed_reports(top):
        hedge_cue = "reports"  # "Industry reports have said that ..."
    if hedge_cue is None:
        hedge_cue = _according_to_hearsay(sent, lowers)  # "according to unconfirmed reports", "rumours"
    until = until or any(t.lower_ in {"until", "till"} and t.dep_ == "prep" for t in trigger.subtree)
    if trigger.lower_ == "with" and hedge_cue in _SCHEDULING:
        hedge_cue = None  # "slated for Q4, with 144 GB of memory": the spec is not what is scheduled
    # "If A, (and B,) then C" / "Were X to ...": neither the condition nor its consequence is asserted
    first = [t for t in sent[:3] if not t.is_punct and not t.is_space]
    for i in range(sent.start, trigger.i):  # "asked that the lab train X on Y" (the parser often breaks the
        if lowers[i] not in _ASKING:  # subjunctive)
            continue
        t = doc[i]
        if t.pos_ == "VERB" and t.i + 1 < trigger.i \
                and t.doc[t.i + 1].lower_ == "that" \
                and not any(x.text in {";", ":"} for x in t.doc[t.i:trigger.i]):
            hyp_cue = hyp_cue or t.lower_
    # a relative clause ("X and Y, both of which already deploy Z") states a fact about its
    # antecedent even inside a conditional sentence
    relative = top.dep_ == "relcl" and any(  # (a relative clause the parser made up, with no "which", is not one)
        c.lower_ in {"which", "who", "whom", "whose", "that", "where"} or c.dep_ == "nsubj" and c.lower_ == "both"
        or any(w.lower_ in {"which", "who", "whom", "whose"} for w in c.subtree) for c in top.children) or any(
        c.dep_ in {"nsubj", "nsubjpass"} and any(w.lower_ in {"which", "who", "whom"} for w in c.subtree)
        for c in trigger.children)
    if first and first[0].lower_ in CONDITIONALS - {"whether"} and not relative:
        hyp_cue = hyp_cue or first[0].lower_
    elif first and first[0].lower_ == "were" and any(t.lower_ == "to" for t in sent[1:8]):
        hyp_cue = hyp_cue or "were ... to"
    elif first and first[0].lower_ in {"had", "should"} and len(first) > 1 and first[1].pos_ in {"PROPN", "NOUN", "PRON",
                                                                                               "DET"} \
            and any(t.text == "," for t in sent[2:20]):
        hyp_cue = hyp_cue or f"{first[0].lower_} ..."  # "Had Meta trained Llama 4 on TPUs, ...": counterfactual
    if trigger.dep_ == "acl" and trigger.head.dep_ == "attr" and any(
            c.dep_ == "aux" and c.lower_ in {"would", "could", "might"} for c in trigger.head.head.children):
        hyp_cue = hyp_cue or "would be"  # "GLM-5 would be the first model trained entirely on Ascend"
    if hyp_cue is None and not relative:  # the condition is an ancestor, however the parser hung the clause
        for a in trigger.ancestors:
            if a.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITIONALS - {"whether"}
                                         for c in a.children):
                hyp_cue = "if"
                break
    if hyp_cue is None and not relative:  # "if Washington grants them, G42 could add ...": the clause's condition
        for t in chain:
            if t.pos_ in {"VERB", "AUX"} and any(c.dep_ == "advcl" and _conditional_mark(c) for c in t.children):
                hyp_cue = "if"
                break
    # "If demand is inference, and Ascend reaches 60 percent ...": the condition covers its conjuncts
    cur = top
    while cur.dep_ == "conj" and cur.head.i != cur.i:
        cur = cur.head
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONALS for c in cur.children):
            hyp_cue = hyp_cue or "if"
            break
    outside = obj is not None and top.dep_ == "relcl" and obj not in top.subtree  # the relativised object
    obj_neg = _object_negated(obj, trigger) if obj is not None and not outside else \
        _set_against(obj, trigger) if obj is not None else None
    if top.dep_ == "ccomp" and (_confirmed_nor_denied(top.head) or top.head.dep_ == "conj"
                                and top.head.lower_ in _DENYING | _CONFIRMING and _confirmed_nor_denied(top.head.head)):
        return "hedged", "neither confirmed nor denied"  # "Meta did not confirm or deny that X ran on Y"
    # "AWS did not claim that X was trained on Y": a denied or withheld report leaves X open
    asked = top.dep_ == "advcl" and any(c.dep_ in {"advmod", "mark"} and c.lower_ in {"when", "whether", "how", "if"}
                                        for c in top.children)  # "AMD has not said when X will move to HBM3"
    if (top.dep_ == "ccomp" or asked) and top.head.lower_ in REPORTING | {"disclose", "disclosed", "discloses",
                                                                          "comment"}:
        if any(c.dep_ == "neg" or c.lower_ == "never" for c in top.head.children):
            return "hypothetical", f"not {top.head.lower_}"
        if any(c.dep_ == "nsubj" and (c.lower_ in {"nobody", "none", "neither"} or any(
                d.lower_ in {"no", "neither"} for d in c.children)) for c in top.head.children):
            return "hypothetical", f"no one {top.head.lower_}"  # "No one has confirmed that V4 ran on Ascend"
    if top.dep_ in {"ccomp", "xcomp"}:  # "Analysts expect X to rival Y", "Nvidia denies that X ..."
        governor = top.head.lower_
        if governor in DIRECTIVES - REPORTING and (top.dep_ == "xcomp" or top.tag_ == "VB"):
            # "officials urged the lab to train X", "regulators asked that the lab train X"
            hyp_cue = hyp_cue or governor
        elif governor in NEGATING_VERBS | {"disputes", "disputed", "dispute"}:  # (see also _DISMISSING)
            neg_cue = neg_cue or governor
        elif governor in _EPISTEMIC and top.head.pos_ in {"VERB", "AUX"}:
            if any(c.dep_ == "nsubj" and (c.lower_ in {"nobody", "none", "neither"} or any(
                    d.lower_ in {"no", "neither"} for d in c.children)) for c in top.head.children):
                hyp_cue = hyp_cue or f"no one {governor}"  # "Nobody expects the 910C to outrun the B200"
            hedge_cue = hedge_cue or governor
        elif governor in _ESTIMATES and top.head.pos_ == "VERB" and trigger.lower_ not in COMPARE:
            # "SemiAnalysis estimated that DeepSeek had access to 50,000 Hopper GPUs": a guess; a
            # comparison that rests on the estimate ("estimated that it delivers X, against Y") stands
            hedge_cue = hedge_cue or governor
    tried = next((t for t in chain[1:] if t.lower_ in _TRYING), None)
    if tried is not None:  # "tried to train R2 on Ascend but ran into problems": an attempt is no fact
        failed = any(c.dep_ == "cc" and c.lower_ in {"but", "yet"} for c in tried.children) or any(
            c.dep_ == "conj" and any(g.lower_ in {"but", "yet"} for g in c.children) for c in tried.children)
        if failed:
            neg_cue = neg_cue or f"{tried.lower_} ... but"
        else:
            hyp_cue = hyp_cue or tried.lower_
    wanting = next((t for t in chain if t.lower_ in _SEEKING and (t.dep_ == "acl" or any(
        c.dep_ == "nsubj" and c.lower_ in {"anyone", "anybody", "someone", "whoever", "those"} for c in t.children))),
        None)
    if wanting is not None:  # "anyone hoping to run it on an RTX 4090 would need ...": wished for, not done
        hyp_cue = hyp_cue or wanting.lower_
    if hyp_cue:
        return "hypothetical", hyp_cue
    if neg_cue and obj_neg == "without":
        return None, "not ... without"
    if neg_cue and until:
        return "hedged", f"{neg_cue} ... until"
    if neg_cue and obj is not None and _after_but(obj, chain):
        neg_cue = None  # "not under Apache 2.0 but under its own licence": the "not" keeps to the first
    if neg_cue in {"not", "no", "never", "no longer"} and any(
            t.dep_ == "attr" and c.dep_ == "amod" and c.lower_ in _EXCLUSIVE for t in chain for c in t.children):
        neg_cue = None  # "SK hynix is no longer the sole supplier of HBM3E for the H200": still a supplier (the
        # role denied, not the relation; "does not fit on a single H100" stays denied)
    if neg_cue or obj_neg:
        return "negated", neg_cue or obj_neg
    if hedge_cue in {"could", "might"} and _about_the_past(trigger) and any(
            c.dep_ == "cc" and c.lower_ in {"but", "yet"} for t in chain for c in t.children):
        return "hypothetical", f"{hedge_cue} have ... but"  # "could have trained V3 on H100s but chose H800s"
    if hedge_cue in _MODALS - {"should"} and not _reported(trigger) and not _about_the_past(trigger):
        # "so it could run on a single H100": a possibility only; "reports that X could compete with Y"
        # and "analysts argue X could ..." report an expectation, which is hedged; so does "should"
        # ("the cards should reach customers in 2025")
        return "hypothetical", hedge_cue
    if hedge_cue in {"could", "might"} and _any_one(chain):
        return "hypothetical", f"a ... {hedge_cue}"  # "an analyst said a phone with X could run M": any phone
    if hedge_cue is None and any(t.dep_ == "xcomp" and t.head.lower_ in {"is", "are", "was", "were"} and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in t.children) for t in chain):
        hedge_cue = "is to"  # "AI6 is to be built at Samsung's fab": arranged, not yet done
    if hedge_cue:
        return "hedged", hedge_cue
    for t in [trigger, *trigger.ancestors]:  # "is evaluating Trainium2": tried out, not (yet) in use; "for
        if t.lower_ in _EVALUATING:         # training its models": what it might be used for, a possibility
            return ("hedged" if t is trigger else "hypothetical"), t.lower_
        if t.pos_ in {"VERB", "AUX"} and any(c.dep_ in {"nsubj", "nsubjpass"} for c in t.children):
            break  # (a clause of its own: "..., and it already relies on Inferentia" is not evaluated)
    return "asserted", ""


def _any_one(chain: list[Token]) -> bool:
    """Whether the clause with the modal has an indefinite subject ("a recent phone could run it",
    "a manufacturer could ship it"): what any such thing could do, not what one named thing does."""
    for t in chain:
        if any(c.dep_ == "aux" and c.lower_ in {"could", "might"} for c in t.children):
            subj = next((c for c in t.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            return subj is not None and not subj.ent_type_ and any(  # ("a new Snapdragon 8 Elite": a name)
                c.dep_ == "det" and c.lower_ in {"a", "an", "any"} for c in subj.children)
    return False


def _about_the_past(tok: Token) -> bool:
    """"may have been pre-trained", "could have used": a guess about what happened, which is hedged."""
    return any(c.dep_ == "aux" and c.lower_ in {"have", "'ve"} for t in clause_chain(tok)[:3] for c in t.children)


def _reported(tok: Token) -> bool:
    """Whether a reporting verb or a report noun governs the clause of ``tok``."""
    return any(a.lower_ in REPORTING | _EPISTEMIC | {"argued", "argues", "argue", "reports", "report", "according"}
               for a in tok.ancestors) or any(t.lower_ == "according" for t in tok.sent)


__all__ = ["modality_of", "clause_chain", "is_hedge_word", "ModalityClassifier", "REPORTING", "HEDGES",
           "NEGATIONS"]
