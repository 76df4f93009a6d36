"""Looking entities up by canonical name or alias, case-insensitively."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Literal

from kg.errors import UnknownEntityError


@dataclass(frozen=True)
class EntityInfo:
    """An entity as the store knows it."""

    iri: str
    label: str
    cls: str | None
    aliases: tuple[str, ...]


def _norm(name: str) -> str:
    return " ".join(name.casefold().split())


def all_entities(kg) -> dict[str, EntityInfo]:
    """Every labelled entity in the store, by IRI (classes and aliases merged over documents)."""
    # Three DISTINCT scans merged here: one joined query multiplies label x class x alias rows
    # over every document that mentions an entity (cubic in its mentions).
    labels: dict[str, str] = {}
    for row in kg.select("SELECT DISTINCT ?e ?l WHERE { GRAPH ?g { ?e skos:prefLabel ?l } } ORDER BY ?e ?l"):
        labels.setdefault(row["e"], row["l"])
    classes: dict[str, list[str]] = {}
    for row in kg.select("SELECT DISTINCT ?e ?c WHERE { GRAPH ?g { ?e skos:prefLabel ?l ; a ?c } }"):
        classes.setdefault(row["e"], []).append(row["c"].rsplit("#", 1)[-1])
    aliases: dict[str, set[str]] = {}
    for row in kg.select("SELECT DISTINCT ?e ?a WHERE { GRAPH ?g { ?e skos:altLabel ?a } }"):
        aliases.setdefault(row["e"], set()).add(row["a"])
    out = {}
    for iri, label in labels.items():
        found = sorted(set(classes.get(iri, ())))
        specific = [c for c in found if c != "Organization"]
        cls = (specific or found or [None])[0]
        out[iri] = EntityInfo(iri, label, cls, tuple(sorted(aliases.get(iri, ()))))
    return out


def _quick_match(kg, name: str) -> EntityInfo | None:
    """Exact lookups that use the store's indexes: the minted IRI, then an exact label or alias."""
    from kg._iris import entity_iri

    candidates: list[str] = []
    if name.startswith(("http://", "https://")) and not any(ch in name for ch in ' <>"{}|\\^`'):
        candidates.append(name)
    candidates.append(str(entity_iri(name)))
    for iri in candidates:
        rows = kg.select(f"SELECT ?l WHERE {{ GRAPH ?g {{ <{iri}> skos:prefLabel ?l }} }} LIMIT 1")
        if rows:
            return _info(kg, iri)
    literal = Literal(name).n3()  # escapes quotes, backslashes and line breaks
    for prop in ("skos:prefLabel", "skos:altLabel"):
        rows = kg.select(f"SELECT DISTINCT ?e WHERE {{ GRAPH ?g {{ ?e {prop} {literal} }} }} LIMIT 2")
        if len(rows) == 1:
            return _info(kg, rows[0]["e"])
    return None


def _info(kg, iri: str) -> EntityInfo:
    from kg._evidence import entity_infos

    return entity_infos(kg, [iri])[iri]


def resolve_entity(kg, name: str, *, entities: dict[str, EntityInfo] | None = None) -> EntityInfo:
    """The entity whose label, alias or IRI is ``name`` (case-insensitive).

    Raises
    ------
    UnknownEntityError
        nothing matches; the error lists the closest known names
    """
    if entities is None and "\n" not in name and name.strip():
        quick = _quick_match(kg, name.strip())
        if quick is not None:
            return quick
    entities = entities if entities is not None else all_entities(kg)
    if name in entities:
        return entities[name]
    wanted = _norm(name)
    by_label = [e for e in entities.values() if _norm(e.label) == wanted]
    if by_label:
        return by_label[0]
    by_alias = [e for e in entities.values() if wanted in {_norm(a) for a in e.aliases}]
    if by_alias:
        return by_alias[0]
    from rapidfuzz import fuzz, process, utils

    names = {e.label: e for e in entities.values()}
    for e in entities.values():
        for alias in e.aliases:
            names.setdefault(alias, e)
    close = process.extract(name, list(names), scorer=fuzz.WRatio, processor=utils.default_process, limit=5,
                            score_cutoff=60)
    suggestions = []
    for alias, _score, _i in close:
        label = names[alias].label
        if label not in suggestions:
            suggestions.append(label)
    raise UnknownEntityError(name, suggestions[:3])
