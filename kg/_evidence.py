"""Claims with their evidence, fetched from the store a few nodes at a time.

The query commands (``kg why``, ``kg deps``, ``kg impact`` ...) never project
the whole graph: they ask Oxigraph for the claims touching a handful of
entities (``VALUES`` blocks over indexed patterns), so their cost follows the
size of the answer, not of the store. This module holds the shared pieces:

* :class:`Evidence` — one claim: sentence, modality, attribution, document;
* :class:`Edge` — every claim about one (subject, predicate, object), with
  its standing (modality), support (documents asserting or hedging it),
  claim counts, documents and first/last seen dates;
* :func:`fetch_edges` — the edges touching given subjects, objects or facts;
* :func:`entity_infos` — labels, classes and aliases of given entities;
* :func:`check_as_of` and the JSON helpers every command's ``--format json``
  output is made of (documented in ``docs/queries.md``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from kg._entities import EntityInfo
from kg._model import ATTRIBUTES, RELATIONS
from kg.errors import QueryError
from ontology import KG

#: Modalities in the order evidence is listed (strongest first).
MODALITY_ORDER: tuple[str, ...] = ("asserted", "hedged", "negated", "hypothetical")
#: Relations whose object is an entity.
ENTITY_RELATIONS: tuple[str, ...] = tuple(r for r, kind in RELATIONS.items() if kind == "entity")
_CHUNK = 400  # VALUES rows per query
_SEP = "\u001f"
_AS_OF = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


@dataclass
class Evidence:
    """One claim about a fact, as a document states it."""

    claim: str
    document: str
    modality: str
    sentence: str
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    key: str | None = None
    attributed_to: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        """The evidence as the JSON object of ``docs/queries.md``."""
        return {"claim": self.claim, "document": self.document, "modality": self.modality,
                "sentence": self.sentence, "title": self.title, "publisher": self.publisher,
                "published": self.published, "attributed_to": list(self.attributed_to)}


@dataclass
class Edge:
    """All claims about one (subject, predicate, object) that passed the filters.

    ``object`` is an entity IRI when ``object_is_entity`` else a literal value
    (an ISO date string or a number). ``modality`` is the edge's standing:
    ``asserted`` if any claim asserts it, else ``hedged``, ``negated`` or
    ``hypothetical``. ``support`` counts the documents that assert or hedge it.
    """

    subject: str
    predicate: str
    object: str | float
    object_is_entity: bool = True
    counts: dict[str, int] = field(default_factory=lambda: {m: 0 for m in MODALITY_ORDER})
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def modality(self) -> str:
        return next((m for m in MODALITY_ORDER if self.counts[m]), "hypothetical")

    @property
    def support(self) -> int:
        return len({e.document for e in self.evidence if e.modality in ("asserted", "hedged")})

    @property
    def documents(self) -> list[str]:
        return sorted({e.document for e in self.evidence})

    @property
    def supported(self) -> bool:
        """True when at least one claim asserts or hedges it."""
        return self.counts["asserted"] + self.counts["hedged"] > 0

    def documents_with(self, modality: str) -> set[str]:
        return {e.document for e in self.evidence if e.modality == modality}

    @property
    def first_seen(self) -> str | None:
        dates = [e.published for e in self.evidence if e.published and e.modality in ("asserted", "hedged")]
        return min(dates) if dates else None

    @property
    def last_seen(self) -> str | None:
        dates = [e.published for e in self.evidence if e.published and e.modality in ("asserted", "hedged")]
        return max(dates) if dates else None

    def keep(self, *, include_hedged: bool) -> bool:
        """Whether a traversal may use this edge: asserted, or hedged-only when allowed; never negated-only."""
        return self.counts["asserted"] > 0 or (include_hedged and self.counts["hedged"] > 0)

    def sort_evidence(self) -> None:
        order = {m: i for i, m in enumerate(MODALITY_ORDER)}
        self.evidence.sort(key=lambda e: (order[e.modality], e.published or "9999", e.document, e.claim))

    def to_json(self, entities: dict[str, EntityInfo]) -> dict:
        """The edge as the JSON object of ``docs/queries.md``."""
        return {
            "subject": entity_ref(self.subject, entities),
            "predicate": self.predicate,
            "object": entity_ref(self.object, entities) if self.object_is_entity else {"value": self.object},
            "modality": self.modality,
            "support": self.support,
            "claims": dict(self.counts),
            "documents": self.documents,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "evidence": [e.to_json() for e in self.evidence],
        }


def check_as_of(as_of: str | None) -> str | None:
    """Validate an ``--as-of`` date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``).

    Raises
    ------
    QueryError
        the text is not such a date
    """
    if as_of is None or as_of == "":
        return None
    as_of = str(as_of).strip()
    if not _AS_OF.match(as_of):
        raise QueryError(f"--as-of {as_of!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2026-06-30)")
    return as_of


def as_of_filter(as_of: str | None, variable: str = "?issued") -> str:
    """A FILTER keeping rows whose publication date ``variable`` is on or before ``as_of``.

    Undated documents are left out once a date is given. Dates compare at the
    end of their period on both sides: a document dated only "2025" counts from
    2025-12-31 (it may be from December), and ``--as-of 2025-06`` means up to
    the end of June.
    """
    as_of = check_as_of(as_of)
    if not as_of:
        return ""
    bound = as_of + "-99-99"[len(as_of) - 4:] if len(as_of) < 10 else as_of
    text = f"STR({variable})"
    end = f'CONCAT({text}, IF(STRLEN({text}) = 4, "-12-31", IF(STRLEN({text}) = 7, "-31", "")))'
    return f'FILTER (BOUND({variable}) && {end} <= "{bound}")'


def local_name(iri: str) -> str:
    """The part of an IRI after ``#`` (or the last ``/``)."""
    return iri.rsplit("#", 1)[-1] if "#" in iri else iri.rsplit("/", 1)[-1]


def relation_names(names: Iterable[str] | None, *, allowed: Iterable[str] = ENTITY_RELATIONS) -> list[str]:
    """Canonical relation names for user input (case-insensitive; commas allowed).

    Raises
    ------
    QueryError
        a name is not a relation; the message lists the valid ones
    """
    allowed = list(allowed)
    by_fold = {r.casefold(): r for r in allowed}
    out: list[str] = []
    for item in names or ():
        for name in str(item).split(","):
            name = name.strip()
            if not name:
                continue
            canonical = by_fold.get(name.casefold())
            if canonical is None:
                import difflib

                close = difflib.get_close_matches(name, allowed, n=1)
                hint = f" Did you mean {close[0]!r}?" if close else ""
                raise QueryError(f"unknown relation {name!r}.{hint} Valid: {', '.join(allowed)}")
            if canonical not in out:
                out.append(canonical)
    return out


def predicate_name(name: str) -> str:
    """The canonical relation or attribute name for ``name`` (case-insensitive, ``kg:`` prefix allowed)."""
    bare = name.strip()
    if bare.startswith("kg:"):
        bare = bare[3:]
    if bare.startswith(str(KG)):
        bare = bare[len(str(KG)):]
    return relation_names([bare], allowed=[*RELATIONS, *ATTRIBUTES])[0]


def _values(variable: str, terms: Iterable[str]) -> str:
    return f"VALUES {variable} {{ {' '.join(terms)} }}"


def _iri(text: str) -> str:
    return "<" + text.replace(">", "%3E").replace(" ", "%20") + ">"


def _chunks(items: list, size: int = _CHUNK):
    for i in range(0, len(items), size):
        yield items[i:i + size]


def fetch_edges(
    kg,
    *,
    subjects: Iterable[str] | None = None,
    objects: Iterable[str] | None = None,
    facts: Iterable[str] | None = None,
    predicates: Iterable[str] | None = None,
    as_of: str | None = None,
    entity_objects: bool = True,
) -> dict[tuple, Edge]:
    """Every claim touching the given subjects (or objects, or fact nodes), grouped into edges.

    Exactly one of ``subjects``, ``objects`` and ``facts`` is given (IRIs).
    ``predicates`` limits the relations (names); ``entity_objects`` keeps only
    claims whose object is an entity. Claims from documents published after
    ``as_of`` (and undated ones, when ``as_of`` is set) are left out.

    Returns
    -------
    dict
        ``(subject, predicate, object) -> Edge``, evidence sorted strongest first
    """
    if sum(x is not None for x in (subjects, objects, facts)) != 1:
        raise ValueError("give exactly one of subjects, objects, facts")
    variable, items = (("?s", subjects) if subjects is not None else
                       ("?o", objects) if objects is not None else ("?f", facts))
    items = sorted(set(items))
    # Predicates are filtered here, not with a second VALUES block: with both, Oxigraph's
    # planner picks a join that scans every claim (seconds on a 10k-fact store).
    wanted = {str(KG[p]) for p in predicates} if predicates else None
    # The pattern binding the given variable comes first: Oxigraph keeps the written order
    # of patterns here, and starting from an unbound one scans every claim in the store.
    first = {"?s": "rdf:subject ?s", "?o": "rdf:object ?o", "?f": "kg:fact ?f"}[variable]
    edges: dict[tuple, Edge] = {}
    for chunk in _chunks(items):
        rows = kg.select(f"""
            SELECT ?c ?s ?p ?o ?m ?sentence ?doc ?key ?title ?publisher ?issued
                   (GROUP_CONCAT(DISTINCT ?who; SEPARATOR="{_SEP}") AS ?attributed)
            WHERE {{
              {_values(variable, [_iri(x) for x in chunk])}
              GRAPH ?doc {{
                ?c {first} .
                ?c rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:modality ?m .
                OPTIONAL {{ ?c kg:evidence ?sentence }}
                OPTIONAL {{ ?doc kg:documentKey ?key }}
                OPTIONAL {{ ?doc dcterms:title ?title }}
                OPTIONAL {{ ?doc dcterms:publisher ?publisher }}
                OPTIONAL {{ ?doc dcterms:issued ?issued }}
                OPTIONAL {{ {{ ?c kg:attributedTo ?a . ?a skos:prefLabel ?who }} UNION {{ ?c kg:attributedToText ?who }} }}
              }}
              {"FILTER (isIRI(?o))" if entity_objects else ""}
              {as_of_filter(as_of)}
            }}
            GROUP BY ?c ?s ?p ?o ?m ?sentence ?doc ?key ?title ?publisher ?issued""")
        for row in rows:
            if wanted is None or row["p"] in wanted:
                add_row(edges, row)
    for edge in edges.values():
        edge.sort_evidence()
    return edges


def add_row(edges: dict[tuple, Edge], row: dict) -> None:
    """Add one claim row (as :func:`fetch_edges` selects it) to ``edges``."""
    predicate = local_name(row["p"])
    obj = row["o"]
    is_entity = isinstance(obj, str) and obj.startswith(("http://", "https://")) and predicate in ENTITY_RELATIONS
    key = (row["s"], predicate, obj)
    edge = edges.get(key)
    if edge is None:
        edge = edges[key] = Edge(row["s"], predicate, obj, object_is_entity=is_entity)
    modality = local_name(row["m"]).lower()
    edge.counts[modality] = edge.counts.get(modality, 0) + 1
    edge.evidence.append(Evidence(
        claim=row["c"], document=row["doc"], modality=modality, sentence=row["sentence"] or "",
        title=row.get("title"), publisher=row.get("publisher"),
        published=str(row["issued"]) if row.get("issued") is not None else None, key=row.get("key"),
        attributed_to=sorted(w for w in (row.get("attributed") or "").split(_SEP) if w)))


def entity_infos(kg, iris: Iterable[str]) -> dict[str, EntityInfo]:
    """Label, class and aliases of each given entity IRI (unlabelled ones get their IRI's tail)."""
    iris = sorted(set(iris))
    labels: dict[str, str] = {}
    classes: dict[str, set[str]] = {}
    aliases: dict[str, set[str]] = {}
    for chunk in _chunks(iris):
        values = _values("?e", [_iri(x) for x in chunk])
        for row in kg.select(f"SELECT DISTINCT ?e ?l WHERE {{ {values} GRAPH ?g {{ ?e skos:prefLabel ?l }} }}"):
            labels.setdefault(row["e"], row["l"])
        for row in kg.select(f"SELECT DISTINCT ?e ?c WHERE {{ {values} GRAPH ?g {{ ?e a ?c }} }}"):
            classes.setdefault(row["e"], set()).add(local_name(row["c"]))
        for row in kg.select(f"SELECT DISTINCT ?e ?a WHERE {{ {values} GRAPH ?g {{ ?e skos:altLabel ?a }} }}"):
            aliases.setdefault(row["e"], set()).add(row["a"])
    return {iri: EntityInfo(iri, labels.get(iri, local_name(iri)), main_class(classes.get(iri, ())),
                            tuple(sorted(aliases.get(iri, ())))) for iri in iris}


def entity_classes(kg, iri: str) -> list[str]:
    """Every class an entity is given in any document (local names, sorted)."""
    rows = kg.select(f"SELECT DISTINCT ?c WHERE {{ GRAPH ?g {{ {_iri(iri)} a ?c }} }}")
    return sorted(local_name(r["c"]) for r in rows)


def main_class(classes: Iterable[str]) -> str | None:
    """One class to show for an entity: a specific role before the generic ``Organization``."""
    classes = sorted(set(classes))
    specific = [c for c in classes if c != "Organization"]
    return (specific or classes or [None])[0]


def entity_ref(iri: str, entities: dict[str, EntityInfo]) -> dict:
    """``{"iri", "label"}`` of an entity, as edges refer to it in JSON."""
    info = entities.get(iri)
    return {"iri": iri, "label": info.label if info else local_name(iri)}


def entity_json(info: EntityInfo) -> dict:
    """An entity as the JSON object of ``docs/queries.md``."""
    return {"iri": info.iri, "label": info.label, "class": info.cls, "aliases": list(info.aliases)}


def documents_json(edges: Iterable[Edge]) -> dict[str, dict]:
    """The documents cited by ``edges``: IRI -> key, title, publisher, published."""
    out: dict[str, dict] = {}
    for edge in edges:
        for e in edge.evidence:
            out.setdefault(e.document, {"iri": e.document, "key": e.key, "title": e.title,
                                        "publisher": e.publisher, "published": e.published})
    return dict(sorted(out.items()))
