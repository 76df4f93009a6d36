"""Release dates: ``releasedOn`` from a release trigger and the nearest resolved date.

Mixin of :class:`ingest.extractors.relations.RelationExtractor`. "X, launched in May", "both released
in 2023" (each coordinated name), "ships in October" (the coming October); dates introduced by
"as of" say when something was true, not when it happened. An unveiling, announcement or preview is no
release (:func:`drop_unveilings`).
"""

from __future__ import annotations

import bisect
import datetime
import dataclasses
import re

from spacy.tokens import Token

from ingest.extractors.lexicon import (
    ADDING, CANCELLING, COMING, DELIVERING, ENTERING, GOING, OPENING, POSTING, PUTTING, RELEASE, SELLING,
    SWITCHING, lowered_forms,
)
from ingest.extractors.modality import REPORTING, path_up
from ingest.extractors.syntax import (
    CHIP, MODEL, ORG, RawClaim, _Sentence, _subject_mention, before_punctuation, whose_owner,
)


#: What a pronoun says did not happen after a release was expected: "it did not", "it has not appeared".
_HAPPENING = frozenset({"did", "does", "has", "have", "had", "was", "were", "is", "appeared", "appear", "arrived",
                        "arrive", "happened", "happen", "materialised", "materialized", "materialise",
                        "materialize", "came", "come", "emerged", "surfaced", "shipped", "ship", "launched"})


def did_not_happen(trig: Token, label: str, mention_at) -> bool:
    """A later clause of the sentence says the expected release of ``label`` did not happen: "he expected Grok 3
    to arrive by the end of 2024; it did not", "he hoped to release it this year; it has not appeared" (the
    pronoun standing for that name, not for another: "Intel said Lunar Lake would too, but it did not")."""
    for verb in trig.sent:
        if verb.i <= trig.i or verb.lower_ not in _HAPPENING or verb.pos_ not in {"VERB", "AUX"} \
                or verb.dep_ not in {"ROOT", "conj", "parataxis"}:
            continue  # (a clause of its own: not "a quality they have not had before")
        kids = list(verb.children)
        pronoun = next((c for c in kids if c.dep_ == "nsubj" and c.lower_ in {"it", "they", "neither", "none"}), None)
        m = mention_at.get(pronoun.i) if pronoun is not None else None
        product = next((a for a in (m.antecedents if m is not None else ()) if a.cls in {"AIModel", "Chip"}), None)
        if product is not None and product.label != label:
            continue  # (another name's release that did not happen)
        if any(c.dep_ == "neg" or c.lower_ == "never" for c in kids) and pronoun is not None \
                and not any(c.dep_ in {"dobj", "xcomp", "ccomp", "acomp", "attr", "prep"} and c.i > verb.i
                            for c in kids):
            return True
    return False


class ReleaseRules:
    """Mixin: release dates of models and chips."""

    def _dated(self, s: _Sentence, trig: Token, pred: str, subj_cls, dates) -> list[RawClaim]:
        if trig.lower_ == "releasing" and trig.head.lower_ in _KEEPING_ON:
            return []  # "Alibaba keeps releasing Qwen models": a habit, no dated release
        if trig.lower_ in _ON_OFFER_IN and any(p.dep_ == "prep" and p.lower_ == "in" and any(
                o.dep_ == "pobj" and o.lower_ in _PREVIEWS for o in p.children) for p in trig.children):
            return []  # "available in preview from today": shown, not released (but "released as a research
            # preview" came out)
        if trig.lower_ in SELLING and not self._sells_its_own(s, trig):
            return []  # "Chinese resellers began selling smuggled H100s": not the maker's release
        if trig.tag_ == "VBG" and trig.dep_ in {"csubj", "csubjpass", "nsubj", "nsubjpass", "ccomp"} and not any(
                c.dep_ in {"aux", "auxpass"} or c.dep_ == "nsubj" and c.lower_ not in {"that", "which"}
                for c in trig.children):
            return []  # "(that) shipping H20s to China would require a licence": an activity talked about
        if _in_print(trig):
            return []  # "Aurora appeared in Nature last month", "published a paper on it in May": a publication
        if trig.lower_ in {"track", "sale"} and not (trig.head.lower_ == "on" and trig.head.i < trig.i and all(
                t.dep_ in {"amod", "det", "advmod"} for t in trig.doc[trig.head.i + 1:trig.i])):
            return []  # only "on track for 2025", "went on sale in March", "went on general sale in December"
        if trig.lower_ in _REACH and not any(
                c.dep_ == "dobj" and c.lower_ in _BUYERS and not any(t.like_num or t.dep_ in {"nummod", "quantmod"}
                                                                     for t in c.subtree) for c in trig.children):
            return []  # only "will reach customers in the third quarter", not "reached 1,000 tokens a second" or
            # "reached 100 million users in March" (a count of users, not the day it came out)
        if trig.lower_ == "service" and not (trig.head.lower_ == "into" and trig.head.head.lower_ in ENTERING or
                                             trig.dep_ == "dobj" and trig.head.lower_ in ENTERING):
            return []  # only "went into service last year", "entered service in 2022"
        if trig.lower_ == "public" and trig.head.lower_ not in {"made", "makes", "make", "making"}:
            return []  # only "made ChatGPT public in November" ("went public" is a listing)
        planned = next((c for c in trig.children if c.dep_ == "acl" and c.lower_ in _PLANNING), None) \
            if trig.lower_ == "availability" else None
        if trig.lower_ == "availability" and (trig.head.lower_ not in _REACHING and planned is None or not any(
                c.lower_ in {"general", "broad", "wide"} for c in trig.children)):
            return []  # only "reached general availability in June", "unveiled X, with general availability
            # expected in the third quarter"
        start = planned or trig.head  # the verb that says when: "reached general availability in June"
        if trig.lower_ == "shipments" and start.lower_ not in _STARTING:
            # only "began production shipments of the MI325X this quarter", "shipments ... were on track to begin
            # in the fourth quarter"
            start = next((c for c in start.children if c.dep_ in {"xcomp", "advcl"} and c.lower_ in _STARTING
                          and trig.dep_ in {"nsubj", "nsubjpass"}), None)
            if start is None:
                return []
        shipped = {t.i for p in trig.children if p.dep_ == "prep" and p.lower_ == "of" or p.dep_ == "compound"
                   for t in p.subtree} if trig.lower_ == "shipments" else None  # "of the MI325X", "Blackwell shipments"
        if trig.lower_ in {"availability", "shipments"}:
            trig = start
        if trig.lower_ in {"planned", "targeted"} and any(c.dep_ == "xcomp" for c in trig.children):
            return []  # "planned to train X in 2025" plans the training, not a release
        if trig.lower_ in _PLANNING and any(c.dep_ == "xcomp" and c.lower_ not in RELEASE | _ARRIVING
                                            for c in trig.children):
            return []  # "said it expected to take a charge": what is expected is no release
        if trig.lower_ in _PLANNING and any(c.dep_ == "xcomp" and c.lower_ in _UNVEILING for c in trig.children):
            return []  # "is expected to unveil Blackwell next month": a showing is no release
        if trig.lower_ in _PLANNING and any(c.dep_ == "xcomp" and c.lower_ in {"be", "become"} and any(
                a.dep_ == "attr" for a in c.children) for c in trig.children):
            return []  # "is expected to be the first supplier of the memory": a role, no release
        anchor = trig.head.head if trig.lower_ in {"track", "sale"} or trig.lower_ == "service" and trig.dep_ == "pobj" \
            else trig.head if trig.lower_ == "service" else trig  # "is on track for", "went into service": the verb
        date_toks = [(s.tree.distance(anchor.i, i), i, iso) for i, (iso, span) in dates.items()
                     if s.sent.start <= i < s.sent.end]
        followed_by = _followed_with(s, trig, subj_cls)
        followed_span = {t.i for p in trig.children if followed_by and p.dep_ == "prep" and p.lower_ == "with"
                         for t in p.subtree}  # "followed that with R1 on January 20"
        date_toks = [x for x in date_toks if (x[0] <= 3 or _on_the_subject(anchor, s.sent.doc[x[1]])
                                              or x[1] in followed_span or _at_a_dated_event(anchor, s.sent.doc[x[1]]))
                     and not _as_of(s.sent.doc[x[1]]) and not _outside_subordinate(anchor, s.sent.doc[x[1]])]
        since = {x[1]: o for x in date_toks if (o := _what_came_since(trig, s.sent.doc[x[1]], s)) is not None
                 and self._published and x[2][:4] < self._published[:4]}
        earlier_releases = []
        if since:  # "the first models it has released since GPT-2 in 2019": 2019 is GPT-2's, not the new models'
            date_toks = [x for x in date_toks if x[1] not in since]
            for i, o in since.items():
                earlier = s.by_token[o.i].resolve(subj_cls)
                c = self._claim(earlier.label, pred, dates[i][0], trig, s.sent, subj_tok=o, confidence=0.7,
                                rule="since") if earlier is not None else None
                earlier_releases += [c] if c else []
        now = not date_toks and self._published and trig.lower_ in _ON_OFFER and any(
            c.dep_ == "advmod" and c.lower_ == "now" for h in (trig, trig.head) for c in h.children)
        if now:
            # "It costs $199,000 and is shipping now": out on the day the article was published
            dates = {**dates, trig.i: (self._published[:10], s.sent.doc[trig.i:trig.i + 1])}
            date_toks = [(0, trig.i, self._published[:10])]
        if not date_toks:
            return earlier_releases
        date_toks = [x for x in date_toks if not _day_of_saying(dates[x[1]][1])] or date_toks
        both = next((c for c in trig.children if c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in {"both", "all"}),
                    None)
        if both is not None and (trig.dep_ in {"advcl", "acl", "relcl", "appos"} or trig.dep_ == "conj" and not any(
                c.dep_ in {"aux", "auxpass"} for c in trig.children)):
            # "replaces the H100 and H200, both released in 2023": each of the coordinated names before
            return self._dated_group(s, trig, pred, subj_cls, both, date_toks, dates)
        set_after = _name_set_after(s, trig, subj_cls)
        if followed_by is not None:  # "it followed with (a preview of) X": X came out, not "it"
            subs = followed_by
        elif set_after:
            subs = set_after
        elif (whose := whose_owner(s, trig, subj_cls)) is not None:  # "Grok-1, the model whose weights xAI published"
            subs = [whose]
        elif (set_off := _set_off_after(s, trig, subj_cls)) is not None:  # "the Ascend 950PR, due in 2026, and"
            subs = [set_off]
        else:
            subs = _shared_named_subject(s, anchor, subj_cls) or _relative_subject(s, trig, subj_cls) \
                or s.candidates(subj_cls, trigger=trig, maxd=4) \
                or _relativised_release(s, trig, subj_cls) or _named_subject(s, anchor, subj_cls)
        if not subs:
            return earlier_releases
        subs = subs if set_after and subs is set_after else _released_things(s, trig, subs, subj_cls)
        not_released = _parts_of_a_conjoined_verb(trig) | {o.i for o in since.values()}
        subs = [x for x in subs if x[1].i not in not_released]
        releaser = _releaser(s, trig)  # "CoreWeave made instances based on the GB200 NVL72 available": a cloud's
        subs = [x for x in subs if releaser is None or not _what_it_is_built_on(x[1], trig)  # deployment, not the
                or self.gazetteer.vendor_of(x[2].label) in {None, releaser.label}]  # rack's release
        if shipped is not None:  # "shipments of HBM3E for Nvidia's H200": the memory ships, not the H200
            subs = [x for x in subs if x[1].i in shipped]
        if trig.lower_ in _INAUGURATING or trig.lower_ == "service" and _in_service_somewhere(anchor, s):
            # what is inaugurated is a machine, not the chips inside it; "went into service at Microsoft": a
            # machine at its centre, not a chip at a customer
            subs = [x for x in subs if self._known_system(x[2].label, x[2].text)]
        if not subs:
            return earlier_releases
        # at the same distance a date under the verb is its own: "X was unveiled last month, and Y opened to the
        # public at the end of August"
        below = {t.i for t in anchor.subtree}
        # a date in a clause of its own below the verb tells of that clause's event: "Its chief executive had
        # argued last year that ...; on June 30 the company published X"
        date_toks.sort(key=lambda x: (_in_a_clause_below(anchor, s.sent.doc[x[1]]), x[0], x[1] not in below, x[1]))
        gapped_dates = {i for i, _iso in _gapped_dates(s, trig, subj_cls, dates)}
        own = [x for x in date_toks if x[1] not in gapped_dates]  # "X on May 1 and Y earlier this month"
        _, date_i, iso = (own or date_toks)[0]
        iso = _future_if_present_tense(iso, anchor if trig.lower_ == "service" else trig, dates[date_i][1],
                                       self._published)
        d_s, s_tok, subj = subs[0]
        out = earlier_releases
        # "had been expected this year but was delayed"; "said X would follow in 2024, but that model was never
        # released"
        missed = "negated" if _plan_given_up(trig) or _never_came(trig) else None
        ahead = re.search(r"\b(?:next|coming|upcoming)\b", dates[date_i][1].text.lower())
        ahead = ahead.group(0) if ahead else "on track" if _on_track(trig) else None
        together = self._conjuncts(s, s_tok, subj_cls)
        path = [trig, *trig.ancestors]
        path = path[:next((k for k, a in enumerate(path) if a.i == s_tok.i), 0)]
        if any(a.dep_ in {"appos", "amod", "acl"} and a.head.i == s_tok.i and a.i > s_tok.i for a in path):
            together = []  # "Phi-1, a model released in June, and Phi-1.5, ...", "X, due in 2026, and Y": X's alone
        together += _released_alongside(s, trig, subj_cls, {subj.label} | {m.label for _t, m in together})
        s_tok, subj = _called(s, s_tok, subj, subj_cls)
        for st, sm in [(s_tok, subj)] + together:
            c = self._claim(sm.label, pred, iso, trig, s.sent, subj_tok=st, confidence=0.8,
                            rule="available-now" if now else f"trigger:{trig.lower_}", modality=missed)
            if c and ahead and c.modality == "asserted":  # "goes live next week": not yet a fact
                c = dataclasses.replace(c, modality="hedged", cue=ahead)
            if c and c.modality == "negated" and missed is None and date_i not in below:
                continue  # "unveiled in November, but has not yet reached customers": no date was denied (a
                # date that slipped, "was due in 2021 but has been held back", is the one that did not hold)
            if c:
                out.append(c)
        for g_tok, g, g_iso in _gapped(s, trig, dates[date_i][1], subj_cls, dates):  # "and Llama 3.1 in July"
            c = self._claim(g.label, pred, _future_if_present_tense(g_iso, trig, dates[date_i][1], self._published),
                            trig, s.sent, subj_tok=g_tok, confidence=0.75, rule="gapped", modality=missed)
            if c:
                out.append(c)
        return out

    def _sells_its_own(self, s: _Sentence, verb: Token) -> bool:
        """"Nvidia began selling Jetson Thor": the seller (the subject of "began") makes what it sells."""
        seller = _subject_mention(s, verb, ORG)
        sold = [s.by_token[c.i].resolve(CHIP | MODEL) for c in verb.children if c.dep_ == "dobj" and c.i in s.by_token]
        return seller is not None and any(x is not None and self.gazetteer.vendor_of(x.label) == seller.label
                                          for x in sold)

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


_INAUGURATING = frozenset({"inaugurated", "inaugurates", "inaugurate", "inaugurating"})


def _day_of_saying(span) -> bool:
    """"Nvidia said on Tuesday it would ship X in 2026": a date right after a reporting verb dates the
    saying (wherever the parser hung it)."""
    doc = span.doc
    return any(t.lower_ in REPORTING for t in doc[max(span.sent.start, span.start - 2):span.start])


def _in_service_somewhere(verb: Token, s: _Sentence) -> bool:
    """"went into service at Microsoft / in ChatGPT": put to use at a named place."""
    return any(p.dep_ == "prep" and p.lower_ in {"at", "in", "with", "for"} and any(
        o.dep_ == "pobj" and o.i in s.by_token for o in p.children) for p in verb.children)


def _in_a_clause_below(verb: Token, date_tok: Token) -> bool:
    """``date_tok`` hangs in a clause below ``verb`` with a verb and subject of its own ("had argued last
    year that ..." under "published")."""
    cur = date_tok.head
    while cur.i != verb.i and cur.head.i != cur.i:
        if cur.pos_ in {"VERB", "AUX"} and cur.dep_ in {"ccomp", "advcl", "parataxis"} and any(
                c.dep_ in {"nsubj", "nsubjpass"} for c in cur.children):
            return verb in cur.ancestors
        cur = cur.head
    return False


#: Verbs of going on with something: "keeps releasing Qwen models" is a habit, not a release.
_KEEPING_ON = frozenset({"keeps", "keep", "kept", "keeping", "continues", "continue", "continued", "continuing"})

#: Who a product reaches when it is released ("the chip will reach customers in the third quarter").
#: "reach" as a release word, only with buyers for object ("will reach customers in the third quarter").
_REACH = frozenset({"reach", "reaches", "reaching", "reached"})
_BUYERS = frozenset({"customers", "buyers", "users", "market", "markets", "shelves", "stores", "developers",
                     "clients", "subscribers", "public"})

#: A showing before the release: "available in (public) preview" (but "released in preview" came out).
_PREVIEWS = frozenset({"preview", "previews"})
_ON_OFFER_IN = frozenset({"available", "accessible", "offered", "open"})
#: Verbs after "expected to" that still announce a release ("expected to be available", "to reach customers").
_ARRIVING = frozenset({"be", "become", "go", "reach", "hit", "start", "begin", "enter", "come", "arrive", "ship",
                       "launch", "land", "appear"})
_PLANNING = frozenset({"expected", "planned", "scheduled", "slated", "due", "targeted", "set"})
_DELAYING = frozenset({"delayed", "postponed", "pushed", "slipped", "missed", "moved"}) | CANCELLING



def _gapped(s: _Sentence, trig: Token, span, classes, dates) -> list:
    """"Meta released Llama 3 in April and Llama 3.1 in July": the parser joins the second name to the first
    date (or to the verb); it came out on the date that follows it. Returns ``(token, mention, iso)`` triples."""
    return [(c, named, iso) for c, named, (_i, iso) in _gapped_names(s, trig, span.root, classes, dates)]


def _gapped_dates(s: _Sentence, trig: Token, classes, dates) -> list:
    """The ``(index, iso)`` of dates that belong to a gapped second name hung on the verb itself."""
    return [date for _c, _named, date in _gapped_names(s, trig, None, classes, dates)]


def _gapped_names(s: _Sentence, trig: Token, date_root: Token | None, classes, dates) -> list:
    out = []
    heads = (trig,) if date_root is None else (date_root, trig)
    for c in (c for h in heads for c in h.children if c.pos_ in {"PROPN", "NOUN"} and (c.dep_ == "conj" or (
            c.dep_ == "dep" and c.i > 0 and c.doc[c.i - 1].dep_ == "cc" and c.doc[c.i - 1].head == h))):
        # (the parser sometimes leaves the second name loose, "dep", right after the verb's "and")
        m = s.by_token.get(c.i)
        named = m.resolve(classes) if m is not None and m.source != "coref" else None
        later = sorted((i, iso) for i, (iso, _span) in dates.items() if c.i < i <= c.i + 4 and i < s.sent.end)
        if named is not None and later:
            out.append((c, named, later[0]))
    return out


def _on_track(trig: Token) -> bool:
    """"shipments were on track to begin in the fourth quarter": the start is a plan (the parser hangs the
    infinitive on "were" as a clause of its own, out of reach of the usual hedge words)."""
    return trig.dep_ in {"advcl", "xcomp"} and any(
        p.dep_ == "prep" and p.lower_ == "on" and any(o.lower_ == "track" for o in p.children)
        for p in trig.head.children)


def _released_alongside(s: _Sentence, trig: Token, classes, named: set[str]) -> list:
    """"released X alongside the smaller Y", "was published together with Y": Y came out with X."""
    out = []
    for p in trig.children:
        if p.dep_ != "prep" or not (p.lower_ == "alongside" or p.lower_ == "with" and any(
                c.lower_ in {"together", "along"} for c in (*p.children, *trig.children) if c.dep_ == "advmod")):
            continue
        for o in p.children:
            m = s.by_token.get(o.i) if o.dep_ == "pobj" else None
            other = m.resolve(classes) if m is not None and m.source != "coref" else None
            if other is not None and other.label not in named:
                out.append((o, other))
    return out


def _called(s: _Sentence, tok: Token, subj, classes):
    """"a sixth-generation TPU, called Trillium, due later this year", "the Core Ultra 200V series better known
    as Lunar Lake": the name the noun is called by (or ``(tok, subj)`` when it is given none)."""
    for acl in tok.children:
        if acl.dep_ == "acl" and acl.lower_ in _NAMING:
            for n in [*acl.children, *(g for p in acl.children if p.dep_ == "prep" and p.lower_ == "as"
                                       for g in p.children)]:
                m = s.by_token.get(n.i) if n.dep_ in {"oprd", "attr", "dobj", "pobj"} else None
                name = m.resolve(classes) if m is not None and m.source != "coref" else None
                if name is not None:
                    return n, name
    return tok, subj


#: Participles that give a noun its name: "the Core Ultra 200V series, better known as Lunar Lake".
_NAMING = frozenset({"known", "called", "named", "dubbed", "codenamed", "branded", "marketed", "sold"})


def _named_subject(s: _Sentence, verb: Token, classes) -> list:
    """The name a common-noun subject is given in apposition: "Intel's reply, the Core Ultra 200V series better
    known as Lunar Lake, went on sale on September 24" (``[(0, token, mention)]``, or [])."""
    noun = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if noun is None or noun.i in s.by_token or noun.pos_ != "NOUN":
        return []
    for a in [noun, *(c for c in noun.children if c.dep_ == "appos")]:
        m = s.by_token.get(a.i) if a.i != noun.i else None
        name = m.resolve(classes) if m is not None and m.source != "coref" else None
        n, name = (a, name) if name is not None else _called(s, a, None, classes)
        if name is not None:
            return [(0, n, name)]
    return []


def _shared_named_subject(s: _Sentence, verb: Token, classes) -> list:
    """A second verb without a subject of its own shares the first one's, named in apposition: "Its successor,
    the Atlas 950 SuperPoD, will link 8,192 chips and is scheduled for the fourth quarter" (not the chips)."""
    cur = verb.head if verb.dep_ == "xcomp" else verb  # ("is scheduled to ship")
    if cur.dep_ != "conj" or any(c.dep_ in {"nsubj", "nsubjpass"} for c in cur.children):
        return []
    return _named_subject(s, cur.head, classes)


def _never_came(trig: Token) -> bool:
    """A release said to be coming, then denied by a later clause about the same thing: "the company said X
    would follow later in 2024, but that model was never released" ("it", "that model", "the chip")."""
    for a in (trig, trig.head) if trig.dep_ == "ccomp" else (trig,):  # (the plan, or the saying of it)
        for c in a.children:
            if c.dep_ != "conj" or c.i <= trig.i or c.lower_ not in _CAME_OUT:
                continue
            if not any(n.dep_ == "neg" for n in c.children):
                continue
            subj = next((n for n in c.children if n.dep_ in {"nsubj", "nsubjpass"}), None)
            if subj is not None and (subj.lower_ in {"it", "they"} or subj.pos_ == "NOUN" and any(
                    d.dep_ == "det" and d.lower_ in {"that", "this", "the"} for d in subj.children)):
                return True  # (not another name: "X shipped in March, and the Y is not scheduled until May")
    return False


def _plan_given_up(trig: Token) -> bool:
    """"X had originally been expected this year and was pushed back": a plan that did not hold."""
    if trig.lower_ not in _PLANNING:
        return False
    verbs = [trig, *trig.conjuncts] + ([trig.head] if trig.dep_ == "conj" else [])
    if trig.dep_ in {"acomp", "attr"}:  # "was originally due in 2025 but slipped to 2026"
        verbs += list(trig.head.conjuncts)
    return any(v.lower_ in _DELAYING or v.lower_ in {"held", "holds", "hold"} and any(  # "held back by delays"
        c.dep_ in {"prt", "advmod"} and c.lower_ in {"back", "up"} for c in v.children) for v in verbs if v.i != trig.i)


RELEASE_NOUNS = frozenset({"weights", "model", "models", "sizes", "versions", "variants", "checkpoints",
                            "release", "it", "they", "production", "shipments", "availability"})


def _followed_with(s: _Sentence, trig: Token, classes) -> list | None:
    """"the company plans to follow with Rubin Ultra", "it followed with a preview of Gemini 2.5 Flash", "it
    was followed by X": what a company follows with is what it releases (None when the verb has no "with")."""
    if trig.lower_ not in {"follow", "follows", "followed", "following"}:
        return None
    withs = [p for p in trig.children if p.dep_ == "prep" and p.lower_ == "with"]
    if not withs and any(c.dep_ == "auxpass" for c in trig.children):
        # "In July it was followed by Phi-4-mini-flash-reasoning": what came next came out then (the name
        # itself after "by", and a model or chip before it: not "the keynote was followed by comments on X")
        before = next((c for c in trig.children if c.dep_ == "nsubjpass"), None)
        if before is None and trig.dep_ in {"conj", "xcomp"}:  # "X came out in September and was followed
            # by Y", "It is due to be followed by Y"
            before = next((c for c in trig.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        m = s.by_token.get(before.i) if before is not None else None
        if m is None or m.resolve(classes) is None and before.lower_ not in {"it", "they"}:
            return []
        out = []
        for p in trig.children:
            if p.dep_ == "agent" or p.dep_ == "prep" and p.lower_ == "by":
                for o in (o for o in p.children if o.dep_ == "pobj"):
                    for t in [o, *o.conjuncts]:
                        named = s.by_token.get(t.i)
                        r = named.resolve(classes) if named is not None and named.source != "coref" else None
                        if r is not None:
                            out.append((1, t, r))
        return out
    if not withs:
        return None
    out = []
    for p in withs:
        for o in p.subtree:
            if any(a.dep_ in {"acl", "relcl"} for a in path_up(o, p)):
                continue  # "followed with a smaller Mac mini, offered with the M4": the Mac mini, not its chip
            m = s.by_token.get(o.i)
            r = m.resolve(classes) if m is not None and m.source != "coref" else None
            if r is not None and all(r.label != x[2].label for x in out):
                out.append((1, o, r))
    return out


_REACHING = frozenset({"reached", "reach", "reaches", "reaching", "entered", "enter", "enters", "hit", "hits",
                       "achieved", "achieves"})
_STARTING = frozenset({"began", "begin", "begins", "begun", "started", "start", "starts", "commenced", "kicked"})


#: What a lab adds a new model to: "added X to the family".
_FAMILY_WORDS = frozenset({"family", "families", "line", "lineup", "line-up", "series", "range", "portfolio"})


def phrasal_release(verb: Token) -> bool:
    """A release told by a verb with its companions rather than by a release word: "X came out in May", "went
    live", "began delivering the B200 to customers", "In June came X", "posted X to Hugging Face", "opened Grok
    to subscribers in December", "switched on X on Monday", "began selling X"."""
    low = verb.lower_
    if low in COMING:
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children) or low in {"came", "comes"} and any(
            c.dep_ == "nsubj" and c.i > verb.i and c.ent_type_ in {"AIModel", "Chip"} for c in verb.children) and any(
            c.dep_ in {"prep", "npadvmod"} and c.i < verb.i for c in verb.children)  # "In June came X", "Then, last
        #                         Wednesday, came X" (not "Last week came a report that X was delayed": the report)
    if low in ADDING:  # "In March Alibaba added Qwen2.5-Omni-7B to the family": a lab's new model
        # (not "Amazon added Claude to Bedrock": a platform's catalogue)
        return any(c.dep_ == "dobj" and c.ent_type_ == "AIModel" for c in verb.children) and any(
            c.dep_ == "nsubj" and c.ent_type_ in ORG for c in verb.children) and any(
            o.lower_ in _FAMILY_WORDS for p in verb.children if p.dep_ == "prep" and p.lower_ == "to"
            for o in p.children if o.dep_ == "pobj")  # (only "to the family": "Perplexity added R1" is a platform's)
    if low in PUTTING:
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
    if low in GOING:
        return any(c.lower_ == "live" for c in verb.children)
    if low in SWITCHING:  # "switched on Apple Intelligence on Monday" (or "on" read as a preposition right after it)
        return any(c.dep_ == "prt" and c.lower_ == "on" for c in verb.children) and any(
            c.dep_ == "dobj" for c in verb.children) or any(
            c.dep_ == "prep" and c.lower_ == "on" and c.i == verb.i + 1 for c in verb.children)
    if low in DELIVERING or low in OPENING:
        return _to_buyers(verb)
    if low in SELLING:  # "Nvidia on Monday began selling Jetson Thor" (not "sells chips to China", nor "began
        # selling it through Azure", "in volume": a reseller's or a ramp; the seller is checked to be the maker)
        return verb.dep_ == "xcomp" and verb.head.lower_ in _STARTING and any(
            c.dep_ == "dobj" for c in verb.children) and not any(
            c.dep_ == "prep" and (c.lower_ in {"through", "via"} or c.lower_ == "in" and any(
                o.lower_ == "volume" for o in c.children) or c.lower_ == "to" and not any(
                o.lower_ in _BUYERS for o in c.children)) for c in verb.children)
    if low in POSTING:  # "posted the weights to Hugging Face", "uploaded it on GitHub" (not "posted H100 sales
        # on Wednesday"): a model or its weights, put on a platform
        return any(c.dep_ == "dobj" and (c.ent_type_ == "AIModel" or c.lower_ in RELEASE_NOUNS | {"them"})
                   for c in verb.children) and any(
            p.dep_ == "prep" and p.lower_ in {"to", "on"} and any(o.dep_ == "pobj" and o.ent_type_ in ORG
                                                                  for o in p.children) for p in verb.children)
    return False


def _to_buyers(verb: Token) -> bool:
    """"delivering to customers", "opened Grok to subscribers of its top tier"."""
    return any(p.dep_ == "prep" and p.lower_ == "to" and any(o.lower_ in _BUYERS for o in p.children)
               for p in verb.children)


_ON_OFFER = frozenset({"available", "shipping", "ships", "sale", "live"})
_EVENT_NOUNS = frozenset({"conference", "event", "keynote", "show", "summit", "expo", "convention", "fair",
                          "presentation", "gathering", "meeting"})


def _at_a_dated_event(anchor: Token, date_tok: Token) -> bool:
    """"introduced at its I/O conference in May": the date of the event the trigger took place at."""
    cur = date_tok
    for _ in range(3):
        cur = cur.head
        if cur.lower_ in _EVENT_NOUNS:
            return cur.dep_ == "pobj" and cur.head.lower_ in {"at", "during"} and cur.head.head.i == anchor.i
    return False


def _on_the_subject(anchor: Token, date_tok: Token) -> bool:
    """"Google Cloud on Wednesday made Trillium generally available": the parser hangs the date on the
    subject; it dates the clause whose subject that is (the trigger's or its governing verb's)."""
    prep = date_tok.head
    if date_tok.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in {"on", "in", "last", "this"}:
        return False
    subject = prep.head
    return subject.dep_ in {"nsubj", "nsubjpass"} and subject.head.i in {anchor.i, anchor.head.i}


def _outside_subordinate(trig: Token, date_tok: Token) -> bool:
    """The trigger sits in a subordinate clause ("a day after Meta put out Llama 3.1") and the date
    belongs to the clause around it ("Mistral on Wednesday released ..."), or the date sits in a relative
    clause the trigger is not in: not the trigger's date."""
    cur = trig
    while cur.head.i != cur.i:
        if cur.dep_ in {"advcl", "pcomp"} and any(c.dep_ in {"nsubj", "nsubjpass"} for c in cur.children):
            return date_tok not in cur.subtree and not _before_the_comma(trig, date_tok, cur.head)
        cur = cur.head
    # and the converse: "would reach customers two years after Gaudi 3, the accelerator Intel sells today"
    cur = date_tok
    while cur.head.i != cur.i and trig not in cur.subtree:
        if cur.dep_ == "relcl":
            return True
        cur = cur.head
    return False


def _before_the_comma(trig: Token, date_tok: Token, main: Token) -> bool:
    """A fronted subordinate clause runs up to its comma, and a date before that comma is its own, however the
    parser attached it: "When Anthropic released X on Monday, it closed a loop ..."."""
    if not trig.i < date_tok.i < main.i:
        return False
    return not any(t.text in {",", ";", ":"} for t in date_tok.doc[trig.i:date_tok.i]) and any(
        t.text == "," for t in date_tok.doc[date_tok.i:main.i])


def _name_set_after(s: _Sentence, trig: Token, classes) -> list:
    """"... the restrictions that come with Llama 2, released in July under ...": a participle set
    after a comma describes the name just before it, however the parser attached it."""
    if trig.tag_ != "VBN" or trig.dep_ not in {"acl", "advcl", "relcl", "appos", "conj"} or any(
            c.dep_ in {"nsubj", "nsubjpass", "dobj", "aux", "auxpass"} for c in trig.children):
        return []
    if trig.i > 0 and trig.doc[trig.i - 1].text != ",":
        return []
    before = before_punctuation(trig)
    m = s.by_token.get(before.i) if before is not None else None
    r = m.resolve(classes) if m is not None and m.source != "coref" else None
    return [(1, before, r)] if r is not None else []


def _relative_subject(s: _Sentence, trig: Token, classes) -> list:
    """The name a relative clause whose subject is "that" / "which" is about, when the release verb stands
    in it: "Rubin, the generation that follows Blackwell and is scheduled for 2026" (Rubin, not Blackwell),
    "the MI355X, which AMD has said will start shipping mid-year"."""
    verb = trig
    for _ in range(4):  # up through "start shipping", "follows ... and is scheduled", "has said (it) will"
        if any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children) or verb.dep_ not in {"xcomp", "conj"} and not (
                verb.dep_ in {"oprd", "ccomp"} and verb.pos_ == "ADJ"):  # "which it made available in 2022"
            break
        verb = verb.head
    relative = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}
                     and c.lower_ in {"that", "which"}), None)
    if relative is None:
        return []
    if verb.dep_ == "ccomp" and verb.head.dep_ == "relcl" and verb.head.lower_ in REPORTING:
        verb = verb.head  # "which AMD has said will start shipping"
    if verb.dep_ != "relcl":
        return []
    noun = verb.head
    for i in (noun.i, noun.head.i if noun.dep_ == "appos" else None):
        m = s.by_token.get(i) if i is not None else None
        r = m.resolve(classes) if m is not None and m.source != "coref" else None
        if r is not None:
            return [(1, s.sent.doc[i], r)]
    return []


def _relativised_release(s: _Sentence, trig: Token, classes) -> list:
    """The name a release verb's relative clause is about, when the clause has no object of its own:
    "o4-mini, the small model OpenAI released in April", "the version of GPT-4 that it introduced"."""
    if any(c.dep_ in {"dobj", "nsubjpass"} and c.lower_ not in {"that", "which", "who", "whom"} for c in trig.children):
        return []
    if trig.dep_ == "relcl":
        noun = trig.head
    else:  # "the Llama 2 family it released last July", parsed as a clausal complement
        subj = next((c for c in trig.children if c.dep_ == "nsubj" and c.pos_ == "PRON"), None)
        if trig.dep_ != "ccomp" or subj is None or subj.i == 0 or s.sent.doc[subj.i - 1].pos_ not in {"NOUN", "PROPN"}:
            return []
        noun = s.sent.doc[subj.i - 1]
    picked = []
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN" \
            and noun.head.head.i not in s.by_token and noun.i not in s.by_token:
        noun = noun.head.head  # "Phi-1.5, a model of the same size that came out in September"
    named = {noun.i} | ({noun.head.i} if noun.dep_ == "appos" else set())
    named |= {c.i for c in noun.children if c.dep_ in {"compound", "nmod"}}  # "the Llama 2 family it released"
    named |= {g.i for c in noun.children if c.dep_ == "nmod" and c.i not in s.by_token
              for g in c.children if g.dep_ == "compound"}  # "the Mixtral 8x7B mixture-of-experts model that ..."
    for i in sorted(named, reverse=True):
        m = s.by_token.get(i)
        r = m.resolve(classes) if m is not None and m.source != "coref" else None
        if r is not None:
            picked.append((1, s.sent.doc[i], r))
    return picked


#: What a cloud launches for a model that is not the model: "R1 inference services", "an R1 API".
_SERVICE_NOUNS = frozenset({"service", "services", "api", "apis", "endpoint", "endpoints", "instance", "instances",
                            "offering", "offerings", "hosting", "deployment", "deployments"})


_BASED = frozenset({"based", "built", "powered", "running", "equipped", "fitted"})


def _what_it_is_built_on(tok: Token, trig: Token) -> bool:
    """The name is what something else is based on ("instances based on the GB200 NVL72", "servers built
    around the H100"), below the release trigger: not itself released."""
    cur = tok
    for _ in range(4):
        head = cur.head
        if head.i == cur.i or head.i == trig.i:
            return False
        if cur.dep_ in {"pobj", "agent"} and head.dep_ in {"prep", "agent"} and head.head.lower_ in _BASED \
                and head.head.dep_ == "acl" and head.head.i != trig.i:
            return True
        cur = head
    return False


def _releaser(s: _Sentence, trig: Token):
    """The organisation that releases or makes available, the subject of the trigger's clause, if named."""
    cur = trig
    for _ in range(3):
        subj = next((c for c in cur.children if c.dep_ == "nsubj" and c.i in s.by_token), None)
        org = s.by_token[subj.i].resolve(ORG) if subj is not None else None
        if org is not None:
            return org
        if cur.dep_ not in {"ccomp", "xcomp", "oprd", "acomp"} or cur.head.lower_ in REPORTING:
            return None  # (not who reports it: "Amazon said the first instances ... would reach customers")
        cur = cur.head
    return None


def _availability_after_showing(noun: Token) -> bool:
    """"Intel unveiled Gaudi 3, with general availability expected in the third quarter": the general
    availability of what was shown (not "would offer it on IBM Cloud, with availability planned for 2025": a
    cloud's service)."""
    return noun.lower_ == "availability" and noun.dep_ == "pobj" and noun.head.lower_ == "with" \
        and noun.head.head.lower_ in RELEASE and any(c.lower_ in {"general", "broad", "wide"} for c in noun.children)


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

    if trig.pos_ == "ADJ" and trig.dep_ in {"amod", "acl"} and any(
            t.tag_ in {"JJS", "RBS"} or t.lower_ in {"most", "best"} for t in trig.head.subtree if t.i < trig.i):
        return []  # "the second most capable model available today": a comparison with what is on offer
    if trig.dep_ == "acl" and trig.tag_ == "VBN" and not _availability_after_showing(trig.head):
        # "its cloud service, launched in August, serves X" (but "unveiled X, with general availability expected in
        # the third quarter": X's availability)
        noun = trig.head
        named = s.by_token.get(noun.i)
        if named is None or named.resolve(classes) is None:  # "the V3 model, released last December"
            named = next((s.by_token[c.i] for c in noun.children if c.dep_ == "compound" and c.i in s.by_token
                          and s.by_token[c.i].resolve(classes) is not None), None)
        if named is None or named.resolve(classes) is None:  # "an architecture called Feynman, pencilled in"
            named = next((s.by_token[t.i] for c in noun.children if c.dep_ == "acl" and c.lower_ in {
                "called", "named", "dubbed"} for t in c.children if t.i in s.by_token
                and s.by_token[t.i].resolve(classes) is not None), None)
            if named is not None:
                subs = [(1, s.sent.doc[named.i], named.resolve(classes))]
        if named is None or named.resolve(classes) is None:
            appos_of = s.by_token.get(noun.head.i) if noun.dep_ == "appos" else None
            if appos_of is None or appos_of.resolve(classes) is None:
                return []  # a participle about a thing that is no model or chip
    # (what a release reaches is no released thing: "the chip will reach customers in the third quarter")
    objects = [c for c in trig.children if c.dep_ == "dobj" and c.lower_ not in {"that", "which", "who", "whom",
                                                                                 "availability", "shipments"}
               and not (trig.lower_ in _REACH and c.lower_ in _BUYERS)]
    has_object = bool(objects)
    if any(o.lower_ in _SERVICE_NOUNS or any(c.dep_ == "conj" and c.lower_ in _SERVICE_NOUNS for c in o.children)
           for o in objects):
        return []  # "launched R1 and V3 inference services": services for the models, not the models
    picked = _relativised_release(s, trig, classes)
    if not picked and trig.dep_ == "relcl" and trig.head.pos_ == "NOUN" and trig.head.i not in s.by_token \
            and any(c.dep_ == "nsubj" and c.lower_ not in {"which", "that", "who"} for c in trig.children) \
            and not any(c.dep_ in {"appos", "compound"} and c.i in s.by_token for c in trig.head.children) \
            and trig.head.dep_ == "pobj" and trig.head.head.lower_ in {"as", "than", "like", "unlike"} \
            and not (trig.right_edge.i + 2 < len(trig.doc) and trig.doc[trig.right_edge.i + 1].text == ","
                     and trig.right_edge.i + 2 in s.by_token):  # ("the model Google released in May, Gemini 2.5")
        return []  # "twice as large as the model it released a year ago": an unnamed yardstick came out then
    if picked:
        # "GPT-4 Turbo, the faster version of GPT-4 that it introduced last November": the relativised
        # noun (or the name it describes) was released, not a name inside its "of" phrase
        subs = picked
    if objects and all(c.i not in s.by_token and c.lower_ not in RELEASE_NOUNS | {"it", "them"} and c.pos_ == "NOUN"
                       and not any(g.i in s.by_token for g in c.children if g.dep_ in {"appos", "compound"})
                       for c in objects):
        return []  # "published performance figures for Qwen3": the figures came out, not the model
    subject = next((c for c in trig.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i not in s.by_token), None)
    named = next((c for c in (subject.children if subject is not None else ())
                  if c.dep_ == "appos" and c.i in s.by_token), None)
    if named is not None and s.by_token[named.i].resolve(classes) is not None:
        # "Its successor, the Bow IPU, followed in 2022": the name the subject is given, not its possessor
        subs = [(0, named, s.by_token[named.i].resolve(classes))] + [x for x in subs if x[1].i != named.i]
    venue = set()
    if trig.pos_ == "ADJ":  # "Gemini Pro is available today in Bard": Bard is where, not what
        holders = [trig] + ([trig.head] if trig.dep_ == "acomp" else [])
        venue = {t.i for h in holders for p in h.children if p.dep_ == "prep"
                 and p.lower_ in {"in", "on", "through", "via", "to"} for t in p.subtree}
    clause = trig.head if trig.dep_ in {"acomp", "attr"} else trig
    first_verbs = set()  # "the architecture that succeeds Blackwell and is due in 2026": not Blackwell
    if clause.dep_ == "conj" and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children):
        own = {t.i for t in clause.subtree}
        first_verbs = {t.i for c in clause.head.children if c.dep_ in {"dobj", "prep", "attr"} and c.i < clause.i
                       for t in c.subtree} - own
    out = []
    for d, tok, m in subs:
        if has_object and tok.dep_ == "nsubj" and tok.head.i == trig.i:
            continue  # the releaser, not the released
        if tok.i in first_verbs:
            continue
        if tok.i in venue:
            continue
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


def starts_after(iso: str, published: str) -> bool:
    """Whether the date ``iso`` (any precision, quarters too) starts after the article's date."""
    def start(d: str) -> str:
        if "-Q" in d:
            year, q = d.split("-Q")
            return f"{year}-{(int(q) - 1) * 3 + 1:02d}-01"
        return (d + "-01-01")[:10] if len(d) == 4 else (d + "-01")[:10] if len(d) == 7 else d[:10]
    return start(iso) > start(published)


def _future_if_present_tense(iso: str, trig: Token, span, published: str | None) -> str:
    """"ships in October" (no year) in an article of June: the coming October, not the last one."""
    if not published or re.search(r"\b(?:19|20)\d\d\b", span.text) or len(iso) < 7:
        return iso
    told_ahead = trig.lower_ in {"slated", "scheduled", "due", "expected", "planned"} \
        or any(c.dep_ == "aux" and c.lower_ in {"will", "'ll", "would", "shall"}  # "would start making it available"
               for t in [trig, *list(trig.ancestors)[:2]] for c in t.children) \
        or _coming(trig)
    future = told_ahead or trig.tag_ in {"VBZ", "VBP", "VB"}
    said_then = _day_of_saying(span)  # "said on Tuesday it would ship X": the day of the saying
    if (told_ahead or trig.tag_ in {"VBZ", "VBP"}) and not said_then and len(iso) == 10 and iso < published[:10] \
            and _weekday(span):
        return (datetime.date.fromisoformat(iso) + datetime.timedelta(days=7)).isoformat()  # the coming Thursday
    if _weekday(span):
        return iso  # (a weekday is within the week: never a year away)
    if future and iso[:7] < published[:7]:
        return f"{int(iso[:4]) + 1}{iso[4:]}"
    if not future and _past_tense(trig) and starts_after(iso, published):
        return f"{int(iso[:4]) - 1}{iso[4:]}"  # "was released in July" in an article of June: last July
    return iso


def _coming(trig: Token) -> bool:
    """"is releasing it on Thursday", "plans to begin selling it in August": a release still to come."""
    return trig.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in {"is", "are", "am", "'s", "'re"}
                                      for c in trig.children) or _planned_above(trig)


def _planned_above(trig: Token) -> bool:
    """The release verb is the infinitive of a plan: "plans to begin selling X", "aims to ship X"."""
    cur = trig
    while cur.dep_ == "xcomp" and cur.head.i != cur.i:
        cur = cur.head
        if cur.lower_ in _PLAN_HEADS:
            return True
    return False


_PLAN_HEADS = frozenset({"plans", "plan", "planned", "planning", "expects", "expect", "expected", "aims", "aim",
                         "intends", "intend", "hopes", "hope", "scheduled", "slated", "set", "due", "targets"})


def _weekday(span) -> bool:
    return any(t.lower_ in {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
               for t in span)


def _past_tense(trig: Token) -> bool:
    """"released", "was released", "has shipped", "X, released in July": the event is over."""
    if trig.tag_ == "VBD":
        return True
    if trig.tag_ != "VBN":
        return False
    auxes = [c.lower_ for c in trig.children if c.dep_ in {"aux", "auxpass"}]
    if any(a in {"will", "'ll", "would", "could", "may", "might", "should", "be", "to"} for a in auxes):
        return False
    return bool(auxes) or trig.dep_ == "acl"


#: Words that show a product without releasing it (releasedOn is released, launched, shipped or available):
#: "previewed the full o3 model in December", "Gemini 1.5 Pro, introduced in February", "unveiled in November".
_UNVEILING = frozenset({"unveiled", "unveils", "unveil", "unveiling", "announced", "announces", "introduced",
                        "introduces", "previewed", "previews"})


_PARTIAL = frozenset({"most", "some", "except", "but", "many", "several", "only", "not"})
_NOT_YET = frozenset({"will", "later", "coming", "upcoming", "planned", "plans", "soon", "next", "expected",
                      "not", "never", "yet", "earlier", "previous", "predecessor", "last"})


#: variantOf readings that make a derived model, not a member released with its family ("was developed on top
#: of Medium 3", "a fine-tune of Llama 3", "made by fine-tuning Qwen2.5").
_DERIVATION_RULES = frozenset({"trigger:derived", "backbone", "made-by-tuning", "trigger:tune", "trigger:tunes"})


def inherit_from_family(claims: list[RawClaim], doc, mentions, in_family, *, predicate: str = "releasedOn",
                        before: int = 0) -> list[RawClaim]:
    """"Meta on Tuesday released Llama 3.1 ... The largest, Llama 3.1 405B, ...": the members of a model
    family named just after its release (in the next three sentences) came out with it, unless the article
    dates them otherwise or speaks of them in another time anywhere ("later", "will", "earlier", "not").

    ``in_family(member, family)`` says whether one model label belongs to another's family. With
    ``predicate="licensedUnder"`` the same holds for a family's licence, ``before`` sentences before it
    too ("The family has three members ... The weights come under the MIT licence").
    """
    if not any(c.predicate == predicate and c.modality == "asserted" for c in claims):
        return []
    sents = list(doc.sents)
    starts = [sent.start for sent in sents]
    index = {start: k for k, start in enumerate(starts)}
    dated = {c.subject for c in claims if c.predicate == predicate}  # (an unveiling dates a member otherwise too:
    # "In April it previewed Grok-1.5V, a multimodal version of the model" did not come out with Grok-1.5)
    members = {(c.subject, c.object) for c in claims if c.predicate == "variantOf" and c.modality == "asserted"
               and c.rule not in _DERIVATION_RULES}  # (a model built on another came out on its own day)
    out, given = [], set()
    other_time = [any(t.lower_ in _NOT_YET or t.dep_ == "neg" for t in sent) for sent in sents]
    elsewhere: dict[str, bool] = {}  # a member the article speaks of in another time anywhere ("Haiku will follow")
    for m in mentions:
        if m.source != "coref" and m.cls == "AIModel" and m.label:
            k = bisect.bisect_right(starts, m.i) - 1
            elsewhere[m.label] = elsewhere.get(m.label, False) or other_time[k]
    for c in claims:
        if c.predicate != predicate or c.modality != "asserted" or c.sent_start not in index or _unveiling(c):
            continue
        k = index[c.sent_start]
        if any(t.lower_ in _PARTIAL for t in sents[k]):
            continue  # "Most of those models are available under Apache 2.0, but not all"
        if _said_in_passing(doc[c.trigger], c.subject, mentions):
            continue  # "Phi-4-reasoning is Phi-4, the model Microsoft released in December, tuned further"
        # from the next sentence on: a member named with its family's release is one release, said once
        after = (starts[k + 1] if k + 1 < len(starts) else len(doc), starts[k + 4] if k + 4 < len(starts) else len(doc))
        ahead = (starts[max(0, k - before)], c.sent_start)
        if predicate == "licensedUnder" and any(
                any(t.dep_ == "neg" for t in sent) and re.search(r"open|licen[cs]|weights", sent.text, re.I)
                for sent in sents[max(0, k - before):k + 4]):
            continue  # "Unlike QwQ-32B, it is not open-weight": some member is kept closed
        for m in mentions:
            if m.source == "coref" or m.cls != "AIModel" or not (after[0] <= m.i < after[1] or ahead[0] <= m.i < ahead[1]):
                continue
            label = m.label
            if label in dated or label in given or label == c.subject:
                continue
            if not ((label, c.subject) in members or in_family(label, c.subject)
                    or label.startswith((c.subject + " ", c.subject + "-"))):
                continue
            if elsewhere.get(label):
                continue
            given.add(label)
            out.append(RawClaim(label, predicate, c.object, "asserted", "", c.trigger, c.sent_start,
                                round(c.confidence - 0.2, 2), "family-" + predicate))
    return out


def _said_in_passing(trigger, subject: str, mentions) -> bool:
    """The release is told in a clause describing the family while the sentence is about another model:
    "Phi-4-reasoning is Phi-4, the model Microsoft released in December, tuned further" (the members that
    follow are the other model's kin, not part of that release)."""
    if not any(t.dep_ in {"relcl", "acl"} for t in (trigger, *trigger.ancestors)):
        return False
    root = trigger.sent.root
    told_of = {m.i: m.label for m in mentions if m.cls == "AIModel" and m.label}
    return any(c.dep_ in {"nsubj", "nsubjpass"} and told_of.get(c.i) not in {None, subject} for c in root.children)


#: Release words vague enough to name a showing: "the original Gauss, which made its debut a year ago".
_DEBUTS = frozenset({"trigger:debut", "trigger:debuted", "trigger:debuts"})
#: Participles and verbs that show a product without releasing it: "The first Gauss, shown in November 2023".
_SHOWN = frozenset({"shown", "showed", "unveiled", "presented", "demonstrated", "demoed", "previewed", "announced",
                    "introduced", "teased"})


def debuts_that_were_showings(claims: list[RawClaim], doc, mention_at, dates) -> list[RawClaim]:
    """A "debut" on the day the article elsewhere says the thing was only shown ("The first Gauss, shown in
    November 2023") was that showing, not a release: the release is dropped."""
    debuts = [c for c in claims if c.predicate == "releasedOn" and c.rule in _DEBUTS]
    if not debuts:
        return claims
    shown: set[tuple[str, str]] = set()
    for i, (iso, _span) in dates.items():
        verb = doc[i]
        while verb.dep_ in {"pobj", "prep", "npadvmod", "nummod", "compound"} and verb.head.i != verb.i:
            verb = verb.head
        if verb.lower_ not in _SHOWN:
            continue
        thing = verb.head if verb.dep_ == "acl" else next(
            (c for c in verb.children if c.dep_ in {"nsubjpass", "dobj"}), None)
        m = mention_at.get(thing.i) if thing is not None else None
        if m is not None and m.label:
            shown.add((m.label, iso))
    return [c for c in claims if not (c in debuts and (c.subject, str(c.object)) in shown)]


def never_came_out(claims: list[RawClaim], doc, mention_at) -> list[RawClaim]:
    """A release plan ("Anthropic said a 3.5 Opus would follow later in 2024") for a name the article says, in
    the sentences around it, never came out ("Claude 3.5 Opus was the piece that never appeared", "X never
    shipped") did not hold: the plan is negated."""
    never: dict[str, list[int]] = {}  # label -> where its release is denied (sentence starts)
    for t in (doc[i] for i, low in enumerate(lowered_forms(doc)) if low in _CAME_OUT):
        if not any(c.dep_ == "neg" and c.lower_ == "never" for c in t.children):
            continue
        subj = next((c for c in t.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if t.dep_ == "relcl" and (subj is None or subj.lower_ in {"that", "which"}):
            subj = t.head  # "the piece that never appeared" ...
            if subj.dep_ == "attr":  # ... which "Claude 3.5 Opus was"
                subj = next((c for c in subj.head.children if c.dep_ == "nsubj"), subj)
        m = mention_at.get(subj.i) if subj is not None else None
        if m is not None and m.source != "coref" and m.label:
            never.setdefault(m.label, []).append(t.sent.start)
    dropped = _dropped_products(doc, mention_at)
    if not never and not dropped:
        return claims
    starts = [sent.start for sent in doc.sents]

    def denied(c: RawClaim) -> bool:
        if c.predicate != "releasedOn" or c.modality != "hedged":
            return False
        if c.subject in dropped:
            return True
        k = bisect.bisect_right(starts, c.sent_start) - 1
        near = set(starts[max(0, k - 2):k + 3])
        return bool(near & set(never.get(c.subject, ())))

    return [dataclasses.replace(c, modality="negated", cue="never came out") if denied(c) else c for c in claims]


def _dropped_products(doc, mention_at) -> set[str]:
    """Names the article says were dropped: "Intel will not sell Falcon Shores", "decided not to bring X to
    market", "Meta scrapped X". Any plan the article mentions for them did not hold."""
    dropped = set()
    for t in (doc[i] for i, low in enumerate(lowered_forms(doc)) if low in _WITHHELD | CANCELLING):
        if t.pos_ != "VERB" or any(c.dep_ == "mark" for c in t.children) or any(
                a.dep_ == "advcl" and any(c.dep_ == "mark" for c in a.children) for a in t.ancestors):
            continue  # ("if Intel does not sell Falcon Shores")
        refused = any(c.dep_ == "neg" for c in t.children)
        if t.lower_ in _WITHHELD and not refused or t.lower_ in CANCELLING and refused:
            continue
        if any(c.dep_ == "aux" and c.lower_ in {"may", "might", "could", "should"} for c in t.children) or any(
                c.dep_ == "neg" for a in t.ancestors for c in a.children) or any(
                a.lower_ in _REPORTING_OTHERS for a in t.ancestors):
            continue  # "might not launch X", "never said it would not launch X", "analysts said ...": not a decision
        if t.lower_ in _WITHHELD and any(c.dep_ == "prep" and c.lower_ in {"in", "to", "into", "outside", "through"}
                                         and not any(o.lower_ in {"market", "customers"} for o in c.children)
                                         or c.dep_ == "advmod" and c.lower_ in {"directly", "there"}
                                         for c in t.children):
            continue  # "will not sell Falcon Shores in China", "not ship the H20 to China": kept from one market
        if t.lower_ in {"bring", "brings", "brought", "bringing"} and not any(
                p.lower_ == "to" and any(o.lower_ in {"market", "customers"} for o in p.children) for p in t.children):
            continue  # only "bring X to market"
        for obj in (c for c in t.children if c.dep_ in {"dobj", "nsubjpass"}):
            m = mention_at.get(obj.i)
            if m is not None and m.source != "coref" and m.label:
                dropped.add(m.label)
    return dropped


#: Verbs by which others than the maker report a decision ("analysts said Intel might not launch X").
_REPORTING_OTHERS = frozenset({"reported", "reports", "speculated", "suggested", "believe", "believes", "think",
                               "thinks", "expect", "expects"})
#: Verbs that, denied, keep a product off the market: "will not sell X", "decided not to launch X".
_WITHHELD = frozenset({"sell", "sells", "selling", "bring", "brings", "bringing", "launch", "launches", "release",
                       "releases", "ship", "ships", "commercialise", "commercialize", "offer"})
#: Verbs that say a product came out: "never appeared", "was never released", "did not ship".
_CAME_OUT = frozenset({"appeared", "arrived", "came", "shipped", "released", "launched", "debuted", "materialised",
                       "materialized"})


def prefer_stated_dates(claims: list[RawClaim]) -> list[RawClaim]:
    """"available now" dates a release by the article's day only when the article states no date for it."""
    dated = {c.subject for c in claims if c.predicate == "releasedOn" and c.rule != "available-now"}
    return [c for c in claims if c.rule != "available-now" or c.subject not in dated]


def drop_unveilings(claims: list[RawClaim]) -> list[RawClaim]:
    """An unveiling ("unveiled", "announced", "introduced", "previewed") shows a model or chip; it does not
    release it (releasedOn is released, launched, shipped or available): "The H200, which Nvidia unveiled in
    November, ... is scheduled to start shipping in the second quarter". Only a preview that is itself the
    product ("o1-preview") came out when it was previewed.
    """
    return [c for c in claims if not (c.predicate == "releasedOn" and _unveiling(c))]


def _unveiling(c: RawClaim) -> bool:
    return c.rule.startswith("trigger:") and c.rule.split(":")[1] in _UNVEILING and "preview" not in c.subject.lower()


def _parts_of_a_conjoined_verb(trig: Token) -> set[int]:
    """"Condor Galaxy 3 will be built from 64 CS-3 systems and is expected to come online in Q2": what the
    first verb is built from (its "from", "of", "with" or "around" phrase) is not what comes online."""
    verb = trig
    while verb.dep_ in {"xcomp", "advmod", "prep", "pobj"} and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ != "conj" or verb.head.pos_ not in {"VERB", "AUX"}:
        return set()
    return {t.i for p in verb.head.children if p.dep_ == "prep" and p.lower_ in {"from", "of", "with", "around"}
            and p.i < verb.i for t in p.subtree}


def _what_came_since(trig: Token, date_tok: Token, s: _Sentence) -> Token | None:
    """"the first models it has published since GPT-2 in 2019": the name "since" introduces, when a date
    follows it right away (the parser often hangs that date on the verb)."""
    for p in trig.children:
        if p.dep_ == "prep" and p.lower_ == "since":
            for o in p.children:
                if o.dep_ == "pobj" and o.i in s.by_token and o.i < date_tok.i <= o.i + 3 and all(
                        t.lower_ in {"in", "on", "of", "back"} for t in s.sent.doc[o.i + 1:date_tok.left_edge.i]):
                    return o
    return None


def _set_off_after(s: _Sentence, trig: Token, subj_cls):
    """"the Ascend 950PR, due in the first quarter, and the Ascend 950DT, due later": "due" set off by a comma
    right after a name is said of that name, however the parser hangs it."""
    if trig.lower_ != "due" or trig.pos_ not in {"ADJ", "ADV"}:
        return None
    before = before_punctuation(trig)
    m = s.by_token.get(before.i) if before is not None and trig.doc[trig.i - 1].text == "," else None
    r = m.resolve(subj_cls) if m is not None and m.source != "coref" else None
    return (1, before, r) if r is not None else None


#: Where research appears in print: a paper is no release of what it describes.
_JOURNALS = frozenset({"Nature", "Science", "Cell", "PNAS", "arXiv"})
_PAPER_NOUNS = frozenset({"paper", "papers", "journal", "preprint", "study", "arxiv"})


def _in_print(trig: Token) -> bool:
    """"appeared in Nature", "was published in the journal Science", "published a paper on it": the release
    word names a publication in print, not the model's release."""
    for c in trig.children:
        if c.dep_ == "dobj" and c.lower_ in _PAPER_NOUNS:
            return True
        if c.dep_ == "prep" and c.lower_ == "in":
            for o in c.children:
                if o.dep_ == "pobj" and (o.text in _JOURNALS or o.lower_ in _PAPER_NOUNS
                                         or any(a.dep_ == "appos" and a.text in _JOURNALS for a in o.children)):
                    return True
    return False
