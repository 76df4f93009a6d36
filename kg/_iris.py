"""Minting of stable IRIs: the same name gives the same IRI on every run and machine."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import URIRef

from ontology import CLAIM, DOC, ENT, FACT


def slug(name: str) -> str:
    """A lowercase ASCII slug of ``name`` (``"Ascend 910C"`` -> ``"ascend-910c"``)."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    if not text:  # a name with no ASCII letters at all: fall back to a digest
        text = "x" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:12]
    return text


def entity_iri(label: str) -> URIRef:
    """The IRI of the entity whose canonical label is ``label``."""
    return ENT[slug(label)]


def document_iri(key: str) -> URIRef:
    """The IRI (and named-graph name) of the document identified by ``key``."""
    return DOC[hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]]


def _digest(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:24]


def fact_iri(subject: str, predicate: str, obj: object) -> URIRef:
    """The IRI of the fact node for (subject, predicate, object)."""
    return FACT[_digest(subject, predicate, obj)]


def claim_iri(doc_key: str, index: int, subject: str, predicate: str, obj: object, start: int) -> URIRef:
    """The IRI of one claim of one document (stable for the same text)."""
    return CLAIM[_digest(doc_key, index, subject, predicate, obj, start)]
