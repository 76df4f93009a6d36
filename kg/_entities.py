"""Looking entities up by canonical name or alias, case-insensitively."""

from __future__ import annotations

from dataclasses import dataclass

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
    rows = kg.select("""
        SELECT ?e (SAMPLE(?label) AS ?l) (SAMPLE(?cls) AS ?c) (GROUP_CONCAT(DISTINCT ?alt; SEPARATOR="\\u001f") AS ?alts)
        WHERE { GRAPH ?g { ?e skos:prefLabel ?label }
                OPTIONAL { GRAPH ?g2 { ?e a ?cls } }
                OPTIONAL { GRAPH ?g3 { ?e skos:altLabel ?alt } } }
        GROUP BY ?e""")
    out = {}
    for row in rows:
        cls = row["c"].rsplit("#", 1)[-1] if row["c"] else None
        aliases = tuple(sorted(a for a in (row["alts"] or "").split("\u001f") if a))
        out[row["e"]] = EntityInfo(row["e"], row["l"], cls, aliases)
    return out


def resolve_entity(kg, name: str, *, entities: dict[str, EntityInfo] | None = None) -> EntityInfo:
    """The entity whose label, alias or IRI is ``name`` (case-insensitive).

    Raises
    ------
    UnknownEntityError
        nothing matches; the error lists the closest known names
    """
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
