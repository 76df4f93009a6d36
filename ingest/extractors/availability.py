"""Where a model or chip is offered: "Claude 3.5 Sonnet is available in Amazon Bedrock and Vertex AI",
"Developers can reach it through Amazon Bedrock", "Mistral Large is also offered through Microsoft Azure".
A model a cloud platform serves runs on that platform (``runsOn`` with a cloud provider as object); a chip
a cloud offers ("the MI300X is available to rent from Azure") is that cloud's hardware (``usesHardware``).

Mixin of :class:`ingest.extractors.relations.RelationExtractor`.
"""

from __future__ import annotations

from spacy.tokens import Token

from ingest.extractors.lexicon import forms
from ingest.extractors.syntax import CHIP, MODEL, RawClaim, _Sentence

#: Words that put a model within users' reach somewhere ("available in", "offered through", "reach it via").
_OFFERING = forms("available|accessible|offered|offers|offer|offering|sold|sells|sell|selling|served|serves|serve|"
                  "serving|hosted|hosts|host|hosting|reach|reached|access|accessed|come|comes|coming|arrive|arrives|"
                  "arrived|launched|launches|launch|rolled|rolling|rolls|roll|listed|added|deployed|deploy|"
                  "generally|preview")
#: Prepositions that name the platform: "in Amazon Bedrock", "on Vertex AI", "through Azure", "via GroqCloud".
_PLATFORM_PREPS = frozenset({"in", "on", "through", "via", "to", "from"})
_CLOUD = frozenset({"CloudProvider"})
_RENTING = forms("rent|lease|buy|use|order|try|access")


def _platforms(s: _Sentence, prep: Token) -> list[tuple[Token, object]]:
    """The cloud platforms a preposition names, with their conjuncts ("in Amazon Bedrock and Vertex AI")."""
    out = []
    for obj in prep.children:
        if obj.dep_ != "pobj":
            continue
        for t in [obj, *obj.conjuncts]:
            m = s.by_token.get(t.i)
            cloud = m.resolve(_CLOUD) if m is not None and m.source != "coref" else None
            if cloud is not None:
                out.append((t, cloud))
    return out


#: Nouns for what a cloud runs a model as: "an inference service for R1", "an API for Llama 3".
_SERVICE_NOUNS = frozenset({"service", "services", "api", "apis", "endpoint", "endpoints", "instance", "instances"})
#: Verbs by which a cloud puts such a service up.
_SETTING_UP = forms("launched|launches|launch|launching|opened|opens|open|offers|offered|offer|introduced|introduces|"
                    "added|adds|started|starts|debuted|unveiled|rolled|built|set")


class AvailabilityRules:
    """Mixin: models and chips offered on cloud platforms."""

    def _cloud_services(self, s: _Sentence) -> list[RawClaim]:
        """"Huawei Cloud launched an inference service for R1 and for V3": the cloud runs each model it set up a
        service for."""
        out = []
        for noun in s.words(_SERVICE_NOUNS):
            verb = noun.head
            if noun.dep_ != "dobj" or verb.lower_ not in _SETTING_UP:
                continue
            clouds = [m.resolve(_CLOUD) for c in verb.children if c.dep_ == "nsubj"
                      for t in [c, *c.conjuncts] if (m := s.by_token.get(t.i)) is not None]
            preps = [p for p in noun.children if p.dep_ == "prep" and p.lower_ == "for"]
            preps += [c for p in preps for c in p.conjuncts if c.lower_ == "for"]
            objs = [t for p in preps for obj in p.children if obj.dep_ == "pobj" for t in [obj, *obj.conjuncts]]
            objs += [c for t in objs if t.i not in s.by_token for c in t.children  # "for DeepSeek's V3 model"
                     if c.dep_ in {"compound", "nmod"}]
            models = [(t, model) for t in objs if (m := s.by_token.get(t.i)) is not None
                      and (model := m.resolve(MODEL)) is not None]
            out += self._each_on_each(s, verb, models, [(noun, cloud) for cloud in clouds if cloud is not None],
                                      confidence=0.6, rule="cloud-service")
        return out

    def _each_on_each(self, s: _Sentence, trig: Token, things, clouds, *, confidence: float, rule: str,
                      predicate: str = "runsOn"):
        """runsOn claims for every model on every cloud (``(token, mention)`` pairs both); with ``predicate=
        "usesHardware"``, every cloud uses every chip."""
        out = []
        for m_tok, thing in things:
            for c_tok, cloud in clouds:
                subj, obj, subj_tok, obj_tok = (thing, cloud, m_tok, c_tok) if predicate == "runsOn" else (
                    cloud, thing, c_tok, m_tok)
                c = self._claim(subj.label, predicate, obj.label, trig, s.sent, obj_tok=obj_tok, subj_tok=subj_tok,
                                confidence=confidence, rule=rule)
                if c:
                    out.append(c)
        return out

    def _offered_on_clouds(self, s: _Sentence) -> list[RawClaim]:
        out = []
        doc = s.sent.doc
        for i in range(s.sent.start, s.sent.end):
            if self._lowers[i] not in _OFFERING:
                continue
            word = doc[i]
            if word.pos_ not in {"VERB", "ADJ", "AUX", "NOUN"}:
                continue
            holder = word.head if word.dep_ in {"acomp", "xcomp"} and word.pos_ == "ADJ" else word
            renting = [c for c in word.children if c.dep_ == "xcomp" and c.lower_ in _RENTING]  # "available to
            # rent from Azure": the platform on the verb after the word
            clouds = [x for h in {word, holder, *renting} for p in h.children
                      if p.dep_ == "prep" and p.lower_ in _PLATFORM_PREPS
                      for q in [p, *(c for c in p.conjuncts if c.lower_ in _PLATFORM_PREPS)]
                      for x in _platforms(s, q)]  # ("will be available on AWS": the parser hangs "on" on "be";
            #                                      "through Vertex AI as well as through Amazon Bedrock")
            if not clouds:
                continue
            models, chips = [], []
            for c in [*word.children, *(holder.children if holder is not word else [])]:
                if c.dep_ not in {"nsubj", "nsubjpass", "dobj"}:
                    continue
                m = s.by_token.get(c.i)
                model = m.resolve(MODEL) if m is not None else None
                chip = m.resolve(CHIP) if m is not None and model is None else None
                if chip is not None:  # "The MI300X is also available to rent from Azure": the cloud's hardware
                    chips += [(c, chip), *self._conjuncts(s, c, CHIP)]
                if model is not None:
                    models.append((c, model))
                    models += self._conjuncts(s, c, MODEL)
                elif m is None and c.pos_ in {"NOUN", "NUM"}:  # "Its newest models, X, released in May, and Y, ...
                    # are sold", "Three of them, X, Y and Z, became available through Bedrock"
                    named_ones = [a for a in c.children if a.dep_ == "appos"] + list(c.conjuncts)
                    for t in [*named_ones, *(x for a in named_ones for x in a.conjuncts if x not in named_ones)]:
                        named = s.by_token.get(t.i)
                        model = named.resolve(MODEL) if named is not None and named.source != "coref" else None
                        if model is not None:
                            models.append((t, model))
            out += self._each_on_each(s, word, models, clouds, confidence=0.65, rule="offered-on")
            out += self._each_on_each(s, word, chips, clouds, confidence=0.6, rule="chip-offered-on",
                                      predicate="usesHardware")
        return out
