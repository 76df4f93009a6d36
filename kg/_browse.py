"""Looking around: ``show`` one entity (every fact in and out), list ``entities``."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg._entities import EntityInfo, all_entities, resolve_entity
from kg._evidence import (
    Edge, as_of_filter, check_as_of, documents_json, entity_classes, entity_infos, entity_json,
    fetch_edges,
)
from kg._model import CLASSES, ORGANIZATION_ROLES
from kg.errors import QueryError


@dataclass
class ShowResult:
    """One entity: classes, aliases, and every claim-backed edge in and out (with support)."""

    entity: EntityInfo
    classes: list[str]
    outgoing: list[Edge]  # entity -> other entity
    incoming: list[Edge]  # other entity -> entity
    values: list[Edge]  # dates and numeric attributes
    entities: dict[str, EntityInfo] = field(default_factory=dict)
    as_of: str | None = None

    def to_json(self) -> dict:
        edges = [*self.outgoing, *self.incoming, *self.values]
        return {
            "command": "show", "as_of": self.as_of,
            "entity": dict(entity_json(self.entity), classes=self.classes),
            "outgoing": [e.to_json(self.entities) for e in self.outgoing],
            "incoming": [e.to_json(self.entities) for e in self.incoming],
            "values": [e.to_json(self.entities) for e in self.values],
            "entities": [entity_json(e) for e in self.entities.values()],
            "documents": documents_json(edges),
        }


def _order(edge: Edge) -> tuple:
    standing = {"asserted": 0, "hedged": 1, "negated": 2, "hypothetical": 3}[edge.modality]
    return (edge.predicate, standing, -edge.support, str(edge.object), edge.subject)


def show(kg, entity, *, as_of: str | None = None) -> ShowResult:
    """Everything the store says about ``entity``: facts in and out, dates and attributes.

    Every edge lists all its claims, including negated and hypothetical ones
    (its ``modality`` is its standing: asserted, hedged, negated or hypothetical).

    Parameters
    ----------
    kg : KnowledgeGraph
    entity : name, alias or IRI (case-insensitive)
    as_of : only evidence from documents published on or before this date

    Raises
    ------
    UnknownEntityError
        ``entity`` names nothing in the store (the message lists close names)
    """
    as_of = check_as_of(as_of)
    info = resolve_entity(kg, entity)
    out = fetch_edges(kg, subjects=[info.iri], as_of=as_of, entity_objects=False)
    inc = fetch_edges(kg, objects=[info.iri], as_of=as_of)
    outgoing = sorted((e for e in out.values() if e.object_is_entity), key=_order)
    values = sorted((e for e in out.values() if not e.object_is_entity), key=_order)
    incoming = sorted(inc.values(), key=_order)
    iris = {info.iri} | {e.object for e in outgoing} | {e.subject for e in incoming}
    return ShowResult(info, entity_classes(kg, info.iri), outgoing, incoming, values,
                      entity_infos(kg, iris), as_of)


@dataclass
class EntityRow:
    """One entity in a listing: its classes and how many documents mention it."""

    info: EntityInfo
    classes: list[str]
    documents: int

    def to_json(self) -> dict:
        return dict(entity_json(self.info), classes=self.classes, documents=self.documents)


def class_name(name: str) -> str:
    """The canonical class name for user input (case-insensitive).

    Raises
    ------
    QueryError
        not a class; the message lists the valid ones
    """
    by_fold = {c.casefold(): c for c in CLASSES}
    found = by_fold.get(name.strip().casefold())
    if found is None:
        import difflib

        close = difflib.get_close_matches(name, CLASSES, n=1)
        hint = f" Did you mean {close[0]!r}?" if close else ""
        raise QueryError(f"unknown class {name!r}.{hint} Valid: {', '.join(CLASSES)}")
    return found


def entities(kg, *, cls: str | None = None, search: str | None = None,
             as_of: str | None = None) -> list[EntityRow]:
    """The entities in the store, optionally of one class and matching a text.

    Parameters
    ----------
    kg : KnowledgeGraph
    cls : a class name (case-insensitive); ``Organization`` includes its roles
        (Lab, Foundry, MemoryVendor ...)
    search : keep entities whose label or an alias contains this text (case-insensitive)
    as_of : only entities mentioned in documents published on or before this date

    Returns
    -------
    list of EntityRow
        sorted by label
    """
    as_of = check_as_of(as_of)
    wanted = None
    if cls:
        canonical = class_name(cls)
        wanted = {canonical} | (set(ORGANIZATION_ROLES) if canonical == "Organization" else set())
    known = all_entities(kg)
    classes: dict[str, set[str]] = {}
    for row in kg.select("SELECT DISTINCT ?e ?c WHERE { GRAPH ?g { ?e skos:prefLabel ?l ; a ?c } }"):
        classes.setdefault(row["e"], set()).add(row["c"].rsplit("#", 1)[-1])
    counts = {row["e"]: row["n"] for row in kg.select(f"""
        SELECT ?e (COUNT(DISTINCT ?g) AS ?n) WHERE {{
          GRAPH ?g {{ ?e skos:prefLabel ?l . ?g a kg:Document . OPTIONAL {{ ?g dcterms:issued ?issued }} }}
          {as_of_filter(as_of)}
        }} GROUP BY ?e""")}
    needle = " ".join(search.casefold().split()) if search else None
    rows = []
    for iri, info in known.items():
        if iri not in counts:
            continue
        found = sorted(classes.get(iri, ()))
        if wanted and not wanted & set(found):
            continue
        if needle and not any(needle in " ".join(n.casefold().split()) for n in (info.label, *info.aliases)):
            continue
        rows.append(EntityRow(info, found, counts[iri]))
    return sorted(rows, key=lambda r: (r.info.label.casefold(), r.info.iri))


def entities_json(rows: list[EntityRow], *, cls: str | None, search: str | None, as_of: str | None) -> dict:
    """The JSON shape of ``kg entities`` (see ``docs/queries.md``)."""
    return {"command": "entities", "as_of": as_of, "class": cls, "search": search,
            "entities": [r.to_json() for r in rows]}
