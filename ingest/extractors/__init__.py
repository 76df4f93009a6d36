"""Extractors: small components that each do one job on a parsed document.

Each extractor is a class registered under a namespaced, versioned name (like
spaCy's ``"spacy.levenshtein_compare.v1"``); the name is written into the
provenance of every claim it emits.

=========================  ==========================================================  =============================
registry name              class                                                       emits
=========================  ==========================================================  =============================
``kg.entity_ruler.v1``     :class:`ingest.extractors.ruler.EntityRuler`                entity spans (``doc.ents``)
``kg.mentions.v1``         :class:`ingest.extractors.coref.MentionFinder`              mentions and coreference
``kg.relations.v1``        :class:`ingest.extractors.relations.RelationExtractor`      relation claims (rule families
                                                                                       in ``makers``, ``lineage``,
                                                                                       ``memory``, ``releases``,
                                                                                       ``funding``)
``kg.modality.v1``         :class:`ingest.extractors.modality.ModalityClassifier`      a claim's modality
``kg.attribution.v1``      :class:`ingest.extractors.attribution.AttributionFinder`    a claim's sources
``kg.attributes.v1``       :class:`ingest.extractors.figures.AttributeExtractor`       attribute claims
=========================  ==========================================================  =============================

Dates (:mod:`ingest.extractors.dates`) and the shared tree helpers
(:mod:`ingest.extractors.syntax`) are plain functions; trigger words are data in
:mod:`ingest.extractors.lexicon`.
"""

from __future__ import annotations

REGISTRY: dict[str, type] = {}


def register(name: str):
    """Class decorator: register an extractor under ``name`` and set ``cls.name``."""

    def wrap(cls):
        if name in REGISTRY and REGISTRY[name] is not cls:
            raise ValueError(f"extractor name {name!r} is already registered to {REGISTRY[name].__name__}")
        REGISTRY[name] = cls
        cls.name = name
        return cls

    return wrap


__all__ = ["REGISTRY", "register"]

# The entity layer first: ``entities`` re-exports parts of ``coref`` and ``ruler``, which import it back, so
# ``import ingest.extractors.ruler`` works on its own only when ``entities`` is already loaded.
from ingest.extractors import entities as _entities  # noqa: E402,F401
