"""Where a model or chip is offered: "Claude 3.5 Sonnet is available in Amazon Bedrock and Vertex AI",
"Developers can reach it through Amazon Bedrock", "Mistral Large is also offered through Microsoft Azure".
A model a cloud platform serves runs on that platform (``runsOn`` with a cloud provider as object); a chip
a cloud offers ("the MI300X is available to rent from Azure") is that cloud's hardware (``usesHardware``).

Mixin of :class:`ingest.extractors.relations.RelationExtractor`.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Token

from ingest.extractors.lexicon import MAKE, SERVING, forms
from ingest.extractors.modality import is_hedge_word, modality_of
from ingest.extractors.syntax import CHIP, MODEL, ORG, RawClaim, _Sentence

#: Words that put a model within users' reach somewhere ("available in", "offered through", "reach it via").
_OFFERING = forms("available|accessible|offered|offers|offer|offering|sold|sells|sell|selling|served|serves|serve|"
                  "serving|hosted|hosts|host|hosting|reach|reached|access|accessed|come|comes|coming|arrive|arrives|"
                  "arrived|launched|launches|launch|rolled|rolling|rolls|roll|listed|added|deployed|deploy|"
                  "generally|preview|sale|live|use|uses|used|using|try|tries|tried")
#: Words that put a model somewhere only with a platform after "through", "via", "on" or "in": "customers can use
#: Claude through Amazon Bedrock" (not "used Azure to train GPT-4", where the cloud is no platform of a model).
_USING = forms("use|uses|used|using|try|tries|tried")
#: Forms of "be" that place a model on a platform: "Sonnet 4 has been on Bedrock since May".
_BEING = frozenset({"is", "are", "was", "were", "been", "be"})
#: Prepositions that name the platform: "in Amazon Bedrock", "on Vertex AI", "through Azure", "via GroqCloud".
_PLATFORM_PREPS = frozenset({"in", "on", "through", "via", "to", "from"})
_CLOUD = frozenset({"CloudProvider"})
_RENTING = forms("rent|lease|buy|use|order|try|access")
#: "Cerebras added Qwen3-235B": a platform's new model (not "added support for X").
_ADDING_ONE = forms("added|adds|add|adding")


def _platforms(s: _Sentence, prep: Token) -> list[tuple[Token, object]]:
    """The cloud platforms a preposition names, with their conjuncts ("in Amazon Bedrock and Vertex AI")."""
    out = []
    for obj in prep.children:
        if obj.dep_ != "pobj":
            continue
        if obj.i not in s.by_token and obj.lower_ in _PLACES_ON_A_PLATFORM:
            # "through the model catalogue in Azure AI Studio", "to customers of its Azure AI Foundry service"
            obj = next((o for p in obj.children if p.dep_ == "prep" and p.lower_ in {"in", "of", "on"}
                        for o in p.children if o.dep_ == "pobj"), obj)
        for t in [obj, *obj.conjuncts]:
            if t.i not in s.by_token and t.lower_ in _OWN_PLATFORM_NOUNS:
                t = next((c for c in t.children if c.dep_ == "compound" and c.i in s.by_token), t)
            m = s.by_token.get(t.i)
            cloud = m.resolve(_CLOUD) if m is not None and m.source != "coref" else None
            if cloud is not None:
                out.append((t, cloud))
    return out


#: Where on a platform a model is found, or who reaches it there: "the model catalogue in Azure AI Studio",
#: "customers of Azure AI Foundry".
_PLACES_ON_A_PLATFORM = frozenset({"catalogue", "catalog", "catalogues", "catalogs", "marketplace", "library", "hub",
                                   "customers", "users", "clients", "subscribers"})


#: What a cloud calls its own place for models: "on their platforms", "through its managed AI service".
_OWN_PLATFORM_NOUNS = frozenset({"platform", "platforms", "service", "services", "catalogue", "catalog", "catalogues",
                                 "catalogs", "marketplace", "marketplaces", "cloud", "clouds", "offerings"})


def _own_platforms(s: _Sentence, verb: Token) -> list[tuple[Token, object]]:
    """The clouds that are the subject of ``verb`` when it puts something on their own platform:
    "AWS, Azure and Google Cloud all offer them through their managed AI services"."""
    if any(t.dep_ == "neg" or t.lower_ in {"rather", "instead", "only"} for t in s.sent):
        # ("sell them through their marketplaces rather than hosting them", "only to ..., and is not yet
        # serving them": what they do with the models is not plainly hosting them)
        return []
    # the platform phrase hangs on the verb or on its object ("offering the models on their platforms")
    own = any(p.dep_ == "prep" and p.lower_ in _PLATFORM_PREPS - {"to", "from"} and any(
        o.dep_ == "pobj" and o.lower_ in _OWN_PLATFORM_NOUNS and any(
            c.dep_ == "poss" and c.lower_ in {"its", "their"} for c in o.children) for o in p.children)
        for h in [verb, *(c for c in verb.children if c.dep_ == "dobj")] for p in h.children)
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None) if own else None
    out = []
    for t in [subj, *subj.conjuncts] if subj is not None else []:
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


#: What a cloud rents out, built on someone's chips: "its P5e instances, which are built around the H200".
_RENTED_NOUNS = frozenset({"instance", "instances", "vm", "vms", "machines"})  # (machines only as "virtual machines")
#: How such a noun names its chip: "built on", "based on", "powered by", "running", "using", "with".
_BASING = forms("built|based|powered|running|using|equipped|featuring|accelerated")
_REPORTING_OWN = forms("said|says|announced|announces|unveiled|unveils|introduced|introduces|launched|launches")


def _chips_of_rented(s: _Sentence, noun: Token) -> list[tuple[Token, object]]:
    """The chips ``noun`` ("instances", "virtual machines") is said to be built on, with their conjuncts."""
    heads = [noun]
    if noun.dep_ in {"nsubj", "nsubjpass"} and noun.head.lower_ in _BASING and noun.head.pos_ == "VERB":
        heads.append(noun.head)  # "its instances are built on the H200" (or a participle the parser gave a subject)
    for v in noun.children:
        if v.dep_ in {"acl", "relcl"} and v.lower_ in _BASING:
            heads.append(v)
            heads += [a for a in v.children if a.dep_ == "agent"]  # "powered by the MI300X"
    out = []
    for h in heads:
        for p in h.children:
            objs = [o for o in p.children if o.dep_ == "pobj"] if p.dep_ in {"prep", "agent"} and p.lower_ in {
                "on", "around", "with", "by", "upon"} else [p] if p.dep_ == "dobj" and h is not noun else []
            for o in objs:
                for t in [o, *o.conjuncts]:
                    m = s.by_token.get(t.i)
                    chip = m.resolve(CHIP) if m is not None else None
                    if chip is not None:
                        out.append((t, chip))
    return out


def _renter(s: _Sentence, noun: Token) -> tuple[Token, object] | None:
    """``(token, mention)`` of who rents out ``noun``: its possessor ("its instances", "Oracle's VMs"), the
    subject of the verb that has it as object ("Oracle's cloud rents out virtual machines"), or the company
    whose statement it is in ("AWS said new P6 instances ... would arrive")."""
    owners = ORG - {"Publisher", "Government", "Investor"}
    cands = [c for c in noun.children if c.dep_ == "poss"]
    if cands and not any(c.i in s.by_token or c.lower_ in {"its", "their"} or any(
            g.dep_ == "poss" and g.i in s.by_token for g in c.children) for c in cands):
        return None  # "competitors' instances": someone else's, unnamed
    if noun.dep_ == "dobj" and noun.head.lower_ in _OFFERING | _RENTING_OUT:
        cands += [c for c in noun.head.children if c.dep_ == "nsubj"]
    verb = noun.head
    while verb.dep_ not in {"ccomp", "ROOT"} and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ == "ccomp" and verb.head.lower_ in _REPORTING_OWN and _rented_out(noun):
        # (a cloud's own instances; not "Micron said ... servers built on the B300")
        cands += [c for c in verb.head.children if c.dep_ == "nsubj"]
    for c in cands:
        for t in (c, *(g for g in c.children if g.dep_ == "poss" and c.lower_ in _CLOUD_PARTS)):  # ("Oracle's cloud")
            m = s.by_token.get(t.i)
            r = m.resolve(owners) if m is not None and t.lower_ not in {"they", "their", "them"} else None
            if r is not None:  # (not "they": "cloud providers including A, B and C said they will offer ...")
                return t, r
    return None


#: Verbs by which a cloud rents out what it runs ("Oracle's cloud rents out virtual machines based on ...").
_RENTING_OUT = forms("rent|rents|rented|renting|lease|leases|leased|leasing|launched|launches|launch|added|adds|add|"
                     "sells|sell|sold|runs|run|ran|operates|operated")
#: Verbs by which a chip maker or a cloud serves a model itself: "Groq serves X", "Cerebras added Y".
_SERVING_ITSELF = SERVING | forms("offer|offers|offered|offering") | _ADDING_ONE
#: Who serves models on hardware of its own: the clouds, and the chip makers the gazetteer marks ``serves_models``.
_SERVERS = frozenset({"ChipDesigner", "CloudProvider"})
#: What a company's cloud is called as the subject of renting: "Oracle's cloud", "Google's cloud unit".
_CLOUD_PARTS = frozenset({"cloud", "unit", "arm", "division", "business"})


def _rented_out(noun: Token) -> bool:
    """"instances", "VMs", "virtual machines": what only a cloud rents out (not servers or PCs)."""
    return noun.lower_ in _RENTED_NOUNS and (noun.lower_ != "machines" or any(
        c.lower_ == "virtual" for c in noun.children))


def _platform_of(cloud: Token, verb: Token) -> bool:
    """Whether ``cloud`` (or the first of its list) is the object of "through", "via", "on" or "in" on ``verb``."""
    while cloud.dep_ == "conj":
        cloud = cloud.head
    return cloud.dep_ == "pobj" and cloud.head.lower_ in {"through", "via", "on", "in"} and cloud.head.head.i == verb.i


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

    def _served_by_platform(self, s: _Sentence) -> list[RawClaim]:
        """"Groq and Cerebras both serve DeepSeek-R1-Distill-Llama-70B", "SambaNova began serving the full R1",
        "In July Cerebras added Qwen3-235B": a chip maker or cloud that serves a model itself runs it on its own
        hardware (``runsOn`` the company). Not the model's own maker ("AMD offered Instella": a release), nor a
        model served somewhere the sentence names ("on Cerebras systems", "through Bedrock": other rules)."""
        out = []
        for verb in s.words(_SERVING_ITSELF):
            if verb.pos_ != "VERB" or any(
                    p.dep_ == "prep" and p.lower_ in _PLATFORM_PREPS - {"to", "from"} | {"onto"}
                    and any(t.i in s.by_token and s.by_token[t.i].resolve(ORG | CHIP) is not None for t in p.subtree)
                    for p in verb.children):
                continue  # ("serves Llama on Cerebras systems", "offers it through Bedrock": other rules' places)
            holder = verb
            while holder.dep_ in {"xcomp", "conj"} and not any(c.dep_ == "nsubj" for c in holder.children):
                holder = holder.head  # "began serving R1", "hosts X and added Y"
            servers = [(t, r) for c in holder.children if c.dep_ == "nsubj" for t in [c, *c.conjuncts]
                       if (m := s.by_token.get(t.i)) is not None and m.source == "gazetteer"
                       and (r := m.resolve(_SERVERS)) is not None and self._serves_models(r)]
            if not servers or any(p.dep_ == "prep" and p.lower_ == "as" and not any(
                    o.lower_ in _SERVICE_NOUNS for o in p.children) for p in verb.children):
                continue  # ("offered R1 as an example of ...": no service)
            if verb.lower_ in _ADDING_ONE and any(
                    c.dep_ == "dobj" and c.lower_ == "support" or c.dep_ == "prep" and c.lower_ == "to" and not any(
                        o.lower_ in _OWN_PLATFORM_NOUNS for o in c.children) for c in verb.children):
                continue  # ("added support for X", "added X to the family": not a model put into service; but
                #           "added R1 to its cloud" is)
            models = []
            for c in verb.children:
                if c.dep_ != "dobj":
                    continue
                for t in [c, *c.conjuncts]:
                    m = s.by_token.get(t.i)
                    model = m.resolve(MODEL) if m is not None and m.source != "coref" else None
                    if model is not None:
                        models.append((t, model))
            for m_tok, model in models:
                for c_tok, server in servers:
                    if self.gazetteer.vendor_of(model.label) == server.label:
                        continue
                    c = self._claim(model.label, "runsOn", server.label, verb, s.sent, obj_tok=c_tok,
                                    subj_tok=m_tok, confidence=0.6, rule="served-by-platform")
                    if c:
                        out.append(c)
        return out

    def _serves_models(self, org) -> bool:
        """A cloud, or a chip maker the gazetteer says runs models for customers on its own chips."""
        entry = self.gazetteer.entry_for(org.label)
        return org.cls == "CloudProvider" or entry is not None and entry.serves_models

    def _rented_instances(self, s: _Sentence) -> list[RawClaim]:
        """"its current P5e instances, which are built around Nvidia's H200", "Oracle's cloud rents out virtual
        machines based on the Altra": who rents out what is built on a chip uses that chip."""
        out = []
        for noun in s.words(_RENTED_NOUNS):
            if noun.pos_ != "NOUN" or not _rented_out(noun) or any(
                    c.dep_ == "amod" and c.lower_ in {"rival", "competing", "other", "competitors"} for c in noun.children):
                continue  # (not "servers built on the B200", nor "rival instances built on the MI300X")
            chips = _chips_of_rented(s, noun)
            owner = _renter(s, noun) if chips else None
            if owner is None:
                continue
            chips = [(t, chip) for t, chip in chips if self.gazetteer.vendor_of(chip.label) != owner[1].label]
            basing = next((v for v in noun.children if v.dep_ in {"acl", "relcl"} and v.lower_ in _BASING),
                          noun.head if noun.dep_ in {"nsubj", "nsubjpass"} and noun.head.lower_ in _BASING else noun)
            found = self._each_on_each(s, basing, chips, [owner], confidence=0.6, rule="rented-instances",
                                       predicate="usesHardware")
            if any(c.dep_ == "amod" and c.lower_ in {"planned", "upcoming", "future", "forthcoming"}
                   for c in noun.children) or any(c.dep_ == "aux" and c.lower_ in {"will", "'ll", "shall"}
                                                  for a in (noun.head, *noun.head.ancestors) for c in a.children):
                found = [dataclasses.replace(c, modality="hedged", cue="will") if c.modality == "asserted" else c
                         for c in found]  # "Oracle will offer instances built on the H200": a plan
            elif noun.dep_ in {"nsubj", "nsubjpass", "dobj"}:  # "new P6 instances built on Blackwell would arrive",
                # "Azure would add virtual machines built around the H200": not yet
                verb = noun.head.head if noun.head.dep_ in {"csubj", "csubjpass"} else noun.head
                said, cue = ("hedged", verb.lower_) if is_hedge_word(verb) else modality_of(verb)
                if said in {"hedged", "hypothetical", "negated"}:
                    found = [dataclasses.replace(c, modality=said, cue=cue) for c in found
                             if c.modality == "asserted"] + [c for c in found if c.modality != "asserted"]
                elif said is None:
                    found = []
            out += found
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
            low = self._lowers[i]
            if low not in _OFFERING and low not in _BEING:
                continue
            word = doc[i]
            if low == "sale":  # "put Nova Pro on sale through Amazon Bedrock", "went on sale on Bedrock"
                if word.head.lower_ != "on" or word.head.head.pos_ not in {"VERB", "AUX"}:
                    continue
                word = word.head.head
            elif low == "live":  # "went live in Azure AI Studio"
                if word.dep_ not in {"advmod", "acomp"} or word.head.pos_ not in {"VERB", "AUX"}:
                    continue
                word = word.head
            elif low in _BEING and (word.pos_ != "AUX" or word.dep_ not in {"ROOT", "conj", "ccomp", "relcl"} or any(
                    c.dep_ in {"acomp", "attr", "oprd", "npadvmod"} or c.dep_ == "advmod" and c.lower_ not in {
                        "also", "now", "already"} or c.dep_ == "prep" and c.lower_ not in _PLATFORM_PREPS | {"since"}
                    or c.dep_ == "prep" and c.lower_ == "on" and any(o.lower_ in {"hold", "ice", "track", "par"}
                                                                    for o in c.children)
                    for c in word.children)):
                continue  # ("X has been on Bedrock since May": "been" as the verb, the platform its only complement;
                #           not "is on hold on Bedrock", "is still months away on Bedrock")
            if word.pos_ not in {"VERB", "ADJ", "AUX", "NOUN"}:
                continue
            holder = word.head if word.pos_ == "ADJ" and (word.dep_ in {"acomp", "xcomp"} or word.dep_ in {
                "ccomp", "oprd"} and word.head.lower_ in MAKE) else word  # "made Phi-3 available through Azure"
            renting = [c for c in word.children if c.dep_ == "xcomp" and c.lower_ in _RENTING]  # "available to
            # rent from Azure": the platform on the verb after the word
            clouds = [x for h in {word, holder, *renting} for p in h.children
                      if p.dep_ == "prep" and p.lower_ in _PLATFORM_PREPS
                      for q in [p, *(c for c in p.conjuncts if c.lower_ in _PLATFORM_PREPS)]
                      for x in _platforms(s, q)]  # ("will be available on AWS": the parser hangs "on" on "be";
            #                                      "through Vertex AI as well as through Amazon Bedrock")
            if low in _USING | _BEING:
                clouds = [(t, cloud) for t, cloud in clouds if _platform_of(t, word)]
            elif not clouds:
                clouds = _own_platforms(s, word)  # "AWS and Azure offer them through their managed services"
            if not clouds:
                continue
            models, chips = [], []
            for c in [*word.children, *(holder.children if holder is not word else [])]:
                if c.dep_ not in {"nsubj", "nsubjpass", "dobj"}:
                    continue
                if low in _BEING and c.dep_ != "nsubj" or low in _USING and c.dep_ != "dobj":
                    continue  # ("customers can use X": X, not the customers)
                if c.dep_ == "dobj" and c.lower_ == "access":  # "sells access to GPT-4 through Azure"
                    c = next((o for p in c.children if p.dep_ == "prep" and p.lower_ == "to"
                              for o in p.children if o.dep_ == "pobj"), c)
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
                    if not named_ones and c.lower_ in {"model", "models"}:  # "its Inflection-2.5 model" (not "its
                        # Claude rival model": the name right before the noun, nothing between)
                        named_ones = [a for a in c.children if a.dep_ == "compound" and a.i == c.i - 1]
                    for t in [*named_ones, *(x for a in named_ones for x in a.conjuncts if x not in named_ones)]:
                        named = s.by_token.get(t.i)
                        model = named.resolve(MODEL) if named is not None and named.source != "coref" else None
                        if model is not None:
                            models.append((t, model))
            offered = self._each_on_each(s, word, models, clouds, confidence=0.65, rule="offered-on")
            if low in _USING and not any(c.dep_ == "advmod" and c.lower_ in {"eventually", "soon", "someday", "theory"}
                                         or c.dep_ in {"advcl", "mark"} for c in word.children):
                # "customers can use it through Bedrock": what it is open to (not "could eventually", "could ...
                # if Anthropic agrees")
                offered = [dataclasses.replace(c, modality="asserted", cue="") if c.modality == "hypothetical"
                           and c.cue == "can" else c for c in offered]
            out += offered
            if low in _USING | _BEING:
                continue  # ("Apple uses Inferentia in AWS": the user's hardware, rented; no more said of AWS)
            out += self._each_on_each(s, word, chips, clouds, confidence=0.6, rule="chip-offered-on",
                                      predicate="usesHardware")
        return out
