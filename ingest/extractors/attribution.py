"""Attribution: who the text says a statement comes from.

Recognised: "according to X (and Y)", "per X", "reporting by X", "as X put it",
reporting verbs whose clause holds the statement ("X said / reported / estimates /
confirms that ...", "..., X has reported"), "X told Y" (both), and quotations
opened by "X said:". Sources are entity labels when the source is a known
entity, else the noun phrase ("people familiar with the matter").
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ingest.extractors import register
from ingest.extractors.lexicon import doc_text
from ingest.extractors.modality import REPORTING

_DROP_DET = re.compile(r"^(?:the|a|an|some|several|many)\s+", re.IGNORECASE)
_UNIT_AFTER_PER = frozenset({
    "second", "sec", "hour", "day", "week", "month", "year", "token", "tokens", "million", "billion",
    "thousand", "cent", "chip", "gpu", "unit", "share", "watt", "user", "person", "capita", "query",
})
_SOURCE_NOUNS = frozenset({
    "people", "person", "sources", "source", "officials", "official", "analysts", "analyst",
    "executives", "executive", "spokesperson", "spokesman", "spokeswoman", "government", "report",
    "reports", "media", "researchers", "insiders", "documents", "filing", "filings", "teardown",
    "specialists", "experts", "representatives", "statement", "data", "study", "estimates", "memo",
})


def _np_text(tok: Token, label_of) -> str:
    """The source's name: an entity label, or the noun phrase without leading determiners."""
    label = label_of(tok)
    if label:
        return label
    toks = [t for t in tok.subtree if not (t.dep_ in {"punct", "cc"} and t.i in (tok.left_edge.i, tok.right_edge.i))]
    # stop at a relative clause or a comma-separated appositive
    keep = []
    for t in toks:
        if t.i > tok.i and (t.dep_ in {"relcl", "appos", "punct"} or t.head.dep_ in {"relcl"}):
            break
        if any(a.dep_ in {"relcl", "appos", "acl"} and a.i > tok.i for a in t.ancestors if a.i != tok.i and a in tok.subtree):
            continue
        keep.append(t)
    text = " ".join(t.text for t in keep) if keep else tok.text
    text = text.replace(" 's", "'s").replace(" ,", ",")
    return _DROP_DET.sub("", text).strip()


def _with_conjuncts(tok: Token) -> list[Token]:
    return [tok, *[c for c in tok.conjuncts if c.i > tok.i]]


@register("kg.attribution.v1")
class AttributionFinder:
    """Find the sources a sentence attributes its statements to.

    Parameters
    ----------
    label_of : callable mapping a token to the canonical label of the entity it mentions (or None)
    """

    def __init__(self, label_of=lambda tok: None):
        self.label_of = label_of

    def __call__(self, sent: Span, trigger: Token | None = None) -> tuple[str, ...]:
        """Sources for the statement carried by ``trigger`` (or for the whole sentence)."""
        found: list[str] = []
        cues = self._cues(sent)

        def add(tok: Token):
            for t in _with_conjuncts(tok):
                name = _np_text(t, self.label_of)
                if name and name not in found and len(name) < 80:
                    found.append(name)

        for tok in cues:
            low = tok.lower_
            if low == "according" and tok.i + 1 < sent.end and tok.doc[tok.i + 1].lower_ == "to":
                to = tok.doc[tok.i + 1]
                for c in to.children:
                    if c.dep_ == "pobj":
                        add(c)
                for c in tok.children:
                    if c.dep_ == "prep" and c.lower_ == "to":
                        for p in c.children:
                            if p.dep_ == "pobj":
                                add(p)
            elif low == "per" and tok.dep_ == "prep":
                for c in tok.children:
                    if c.dep_ == "pobj" and c.lower_ not in _UNIT_AFTER_PER and not c.like_num and (
                            self.label_of(c) or c.pos_ == "PROPN" or c.lower_ in _SOURCE_NOUNS):
                        add(c)
            elif low in {"reporting", "report", "reports"} and tok.pos_ == "NOUN":
                for c in tok.children:
                    if c.dep_ == "prep" and c.lower_ in {"by", "from"}:
                        for p in c.children:
                            if p.dep_ == "pobj":
                                add(p)
            elif low == "put" and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children):
                for c in tok.children:
                    if c.dep_ == "nsubj":
                        add(c)
            elif low in REPORTING and tok.pos_ in {"VERB", "AUX"} and low != "according":
                if trigger is not None and not self._governs(tok, trigger):
                    continue
                if low in _WRITING and any(c.dep_ == "dobj" for c in tok.children):
                    continue  # "a separate model writes captions": writing something, not saying it
                if any(c.dep_ == "neg" for c in tok.children) or any(
                        c.dep_ == "nsubj" and any(d.dep_ == "det" and d.lower_ in {"neither", "no"} for d in c.children)
                        for c in tok.children):
                    continue  # "neither company has confirmed that", "Nvidia did not say": nobody says it
                if low == "told" and tok.i > sent.start and tok.doc[tok.i - 1].lower_ == "all" and not any(
                        c.dep_ in {"dobj", "dative"} for c in tok.children):
                    continue  # "All told, it has raised $1.1 billion": a total, nobody speaking
                for c in tok.children:
                    if c.dep_ in {"nsubj"} and c.lower_ not in {"we", "i", "it", "this", "that", "which", "nothing",
                                                                "none", "nobody", "neither"} and not any(
                            d.dep_ == "det" and d.lower_ == "no" for d in c.children):  # "no filing shows": nobody
                        add(c)
                    if c.dep_ == "dobj" and low in {"told", "tell", "tells"}:
                        add(c)
                    if c.dep_ == "dative" and low in {"told", "tell", "tells"}:
                        add(c)
                    if c.dep_ == "agent":
                        for p in c.children:
                            if p.dep_ == "pobj":
                                add(p)
                if low in {"told", "tell", "tells"}:
                    for c in tok.children:
                        if c.dep_ == "nsubj":
                            break
        return tuple(found)

    _CUE_WORDS = REPORTING | {"according", "per", "reporting", "report", "reports", "put"}

    def _cues(self, sent: Span) -> list[Token]:
        """The tokens of a sentence that can introduce a source (cached per sentence)."""
        cache = getattr(self, "_cache", None)
        if cache is None or cache[0] is not sent.doc:
            cache = self._cache = (sent.doc, {})
        got = cache[1].get(sent.start)
        if got is None:
            got = cache[1][sent.start] = [t for t in sent if t.lower_ in self._CUE_WORDS]
        return got

    @staticmethod
    def _governs(verb: Token, trigger: Token) -> bool:
        """The reporting verb governs the trigger's clause (above it, or a parenthetical beside it)."""
        if verb == trigger:
            return False
        if verb in trigger.ancestors:
            # but not when the trigger sits inside the reporter's own subject
            return not any(trigger in c.subtree for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"})
        # ", Bloomberg has reported." / "..., people familiar said."
        if verb.dep_ in {"parataxis", "advcl", "conj", "ccomp"} and (verb.head in trigger.ancestors or verb.head == trigger):
            return verb.i > trigger.i
        return False


#: Verbs of writing, which report only what they write about ("wrote that ..."), not what they produce.
_WRITING = frozenset({"write", "writes", "wrote", "writing", "written", "posted", "posts", "post", "posting"})


def quoted_speakers(doc) -> dict[int, str]:
    """Sentence start index -> speaker, for sentences inside a quotation opened by "X said:".

    A quotation opened right after ``<speaker> said:`` (or ``said,``) is attributed
    to the speaker until the closing quotation mark.
    """
    out: dict[int, str] = {}
    text = doc_text(doc)
    for m in re.finditer(r"([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})\s*,?\s+(?:said|says|stated|added|wrote)\s*[:,]\s*[\"“]", text):
        start = m.end()
        close = re.search(r"[\"”]", text[start:])
        end = start + close.start() if close else len(text)
        speaker = m.group(1).strip()
        for sent in doc.sents:
            if sent.start_char >= m.start() and sent.start_char < end:
                out[sent.start] = speaker
    return out


__all__ = ["AttributionFinder", "quoted_speakers"]
