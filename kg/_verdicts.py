"""Where sources agree and disagree: ``why`` one fact holds, and every ``conflict``.

``why`` gathers every claim about one (subject, predicate, object) — those
for it (asserted, hedged), against it (negated), merely hypothetical — and,
for single-valued predicates (a release date, a parameter count ...), the
claims of other, incompatible values. ``conflicts`` lists the facts that some
documents assert or hedge and others deny, and the single-valued predicates
given incompatible values, with both sides' evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg._entities import EntityInfo, resolve_entity
from kg._evidence import (
    Edge, Evidence, _iri, as_of_filter, check_as_of, documents_json,
    entity_infos, entity_json, entity_ref, fetch_edges, predicate_name,
)
from kg._model import FUNCTIONAL, RELATIONS
from kg.errors import QueryError
from ontology import KG

#: Relative difference under which two numbers count as the same value (rounding in the text).
NUMBER_TOLERANCE = 0.02


@dataclass
class Verdict:
    """How the sources stand on a fact: documents per modality and when it was seen."""

    asserted: int = 0
    hedged: int = 0
    negated: int = 0
    hypothetical: int = 0
    first_seen: str | None = None
    last_seen: str | None = None

    @property
    def status(self) -> str:
        """``supported``, ``contested``, ``hedged only``, ``denied``, ``hypothetical only`` or ``no evidence``."""
        if self.asserted and self.negated or self.hedged and self.negated:
            return "contested"
        if self.asserted:
            return "supported"
        if self.hedged:
            return "hedged only"
        if self.negated:
            return "denied"
        if self.hypothetical:
            return "hypothetical only"
        return "no evidence"

    def line(self) -> str:
        """``2 sources assert, 1 hedges, 1 denies; first seen 2026-01-10, last seen 2026-06-02``."""
        def n(count, one, many):
            return f"{count} {one if count == 1 else many}"
        parts = [n(self.asserted, "source asserts", "sources assert"), n(self.hedged, "hedges", "hedge"),
                 n(self.negated, "denies", "deny")]
        if self.hypothetical:
            parts.append(n(self.hypothetical, "raises it as hypothetical", "raise it as hypothetical"))
        seen = (f"first seen {self.first_seen}, last seen {self.last_seen}" if self.first_seen
                else "no dated source")
        return f"{', '.join(parts)}; {seen} — {self.status}"

    def to_json(self) -> dict:
        return {"asserted": self.asserted, "hedged": self.hedged, "negated": self.negated,
                "hypothetical": self.hypothetical, "first_seen": self.first_seen,
                "last_seen": self.last_seen, "status": self.status, "line": self.line()}


def verdict_of(evidence: list[Evidence]) -> Verdict:
    """Count the documents per modality; first/last seen over every dated claim."""
    docs = {m: {e.document for e in evidence if e.modality == m} for m in ("asserted", "hedged", "negated",
                                                                          "hypothetical")}
    dates = sorted(e.published for e in evidence if e.published)
    return Verdict(len(docs["asserted"]), len(docs["hedged"]), len(docs["negated"]), len(docs["hypothetical"]),
                   dates[0] if dates else None, dates[-1] if dates else None)


@dataclass
class WhyResult:
    """Every claim for and against ``subject predicate object``."""

    subject: EntityInfo
    predicate: str
    object: EntityInfo | str | float
    claims: list[Evidence]
    verdict: Verdict
    other_values: list[Edge] = field(default_factory=list)  # incompatible values of a single-valued predicate
    related: list[Edge] = field(default_factory=list)  # other relations between the same two entities
    entities: dict[str, EntityInfo] = field(default_factory=dict)
    as_of: str | None = None

    @property
    def supporting(self) -> list[Evidence]:
        return [e for e in self.claims if e.modality in ("asserted", "hedged")]

    @property
    def against(self) -> list[Evidence]:
        return [e for e in self.claims if e.modality == "negated"]

    @property
    def hypothetical(self) -> list[Evidence]:
        return [e for e in self.claims if e.modality == "hypothetical"]

    def to_json(self) -> dict:
        obj = entity_json(self.object) if isinstance(self.object, EntityInfo) else {"value": self.object}
        edges = [*self.other_values, *self.related]
        docs = documents_json(edges)
        for e in self.claims:
            docs.setdefault(e.document, {"iri": e.document, "key": e.key, "title": e.title,
                                         "publisher": e.publisher, "published": e.published})
        return {
            "command": "why", "as_of": self.as_of,
            "subject": entity_json(self.subject), "predicate": self.predicate, "object": obj,
            "verdict": self.verdict.to_json(),
            "for": [e.to_json() for e in self.supporting],
            "against": [e.to_json() for e in self.against],
            "hypothetical": [e.to_json() for e in self.hypothetical],
            "other_values": [e.to_json(self.entities) for e in self.other_values],
            "related": [e.to_json(self.entities) for e in self.related],
            "documents": dict(sorted(docs.items())),
        }


def why(kg, s, p, o, *, as_of: str | None = None) -> WhyResult:
    """Every claim for and against the fact ``s p o``, and a verdict.

    Parameters
    ----------
    kg : KnowledgeGraph
    s : subject: entity name, alias or IRI (case-insensitive)
    p : relation or attribute name (``fabbedBy``, ``parameterCount`` ...; case-insensitive)
    o : object: an entity for relations, an ISO date for ``releasedOn``/``fundedIn``,
        a number for attributes
    as_of : only evidence from documents published on or before this date

    Returns
    -------
    WhyResult
        claims (strongest first), the verdict, and for single-valued
        predicates the claims of other values

    Raises
    ------
    UnknownEntityError
        the subject or object names no entity (the message lists close names)
    QueryError
        the predicate is unknown, or an attribute value is not a number
    """
    as_of = check_as_of(as_of)
    predicate = predicate_name(p)
    subject = resolve_entity(kg, s)
    kind = RELATIONS.get(predicate, "attribute")
    if kind == "entity":
        target = resolve_entity(kg, o)
        found = fetch_edges(kg, subjects=[subject.iri], predicates=[predicate], as_of=as_of)
        edge = found.get((subject.iri, predicate, target.iri))
        claims = edge.evidence if edge else []
        related = [e for e in fetch_edges(kg, subjects=[subject.iri], as_of=as_of).values()
                   if e.object == target.iri and e.predicate != predicate]
        related += [e for e in fetch_edges(kg, subjects=[target.iri], as_of=as_of).values()
                    if e.object == subject.iri]
        entities = entity_infos(kg, {subject.iri, target.iri})
        return WhyResult(subject, predicate, target, claims, verdict_of(claims), [], related, entities, as_of)
    value = _parse_value(kind, o)
    found = fetch_edges(kg, subjects=[subject.iri], predicates=[predicate], as_of=as_of, entity_objects=False)
    claims, others, related = [], [], []
    for edge in found.values():
        if _same(kind, edge.object, value):
            claims += edge.evidence
        elif compatible(kind, edge.object, value):
            related.append(edge)  # e.g. "2026" when asked about "2026-03-05"
        elif predicate in FUNCTIONAL and edge.supported:
            others.append(edge)
    order = {"asserted": 0, "hedged": 1, "negated": 2, "hypothetical": 3}
    claims.sort(key=lambda e: (order[e.modality], e.published or "9999"))
    return WhyResult(subject, predicate, value, claims, verdict_of(claims), others, related,
                     {subject.iri: subject}, as_of)


def _parse_value(kind: str, text) -> str | float:
    if kind == "date":
        return str(text).strip()
    try:
        return float(str(text).replace(",", "").replace("_", ""))
    except ValueError:
        raise QueryError(f"{text!r} is not a number: an attribute value is written like 1.6e12 or 671000000000")


def _same(kind: str, a, b) -> bool:
    """Whether a stored value is the value asked about (dates: same text; numbers: within tolerance)."""
    if kind == "date":
        return str(a) == str(b)
    return compatible(kind, a, b)


def _date_range(text: str) -> tuple[str, str] | None:
    text = str(text).strip()
    m = re.fullmatch(r"(\d{4})-Q([1-4])", text)
    if m:
        year, q = m.group(1), int(m.group(2))
        return f"{year}-{3 * q - 2:02d}-01", f"{year}-{3 * q:02d}-31"
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", text)
    if not m:
        return None
    year, month, day = m.groups()
    if day:
        return text, text
    if month:
        return f"{year}-{month}-01", f"{year}-{month}-31"
    return f"{year}-01-01", f"{year}-12-31"


def compatible(kind: str, a, b) -> bool:
    """Whether two values of a single-valued predicate can both be right.

    Dates are ranges at their precision (``2026`` contains ``2026-03-05``;
    ``2026-Q1`` contains ``2026-02``); numbers agree within
    :data:`NUMBER_TOLERANCE`.

    >>> compatible("date", "2026", "2026-03-05"), compatible("date", "2026-04", "2026-Q1")
    (True, False)
    >>> compatible("attribute", 671e9, 6.71e11), compatible("attribute", 1.6e12, 6.71e11)
    (True, False)
    """
    if kind == "date":
        ra, rb = _date_range(a), _date_range(b)
        if ra is None or rb is None:
            return str(a) == str(b)
        return ra[0] <= rb[1] and rb[0] <= ra[1]
    try:
        x, y = float(a), float(b)
    except (TypeError, ValueError):
        return a == b
    if x == y:
        return True
    return abs(x - y) <= NUMBER_TOLERANCE * max(abs(x), abs(y))


@dataclass
class Conflict:
    """A disagreement between sources.

    ``kind == "denial"``: ``object`` is asserted or hedged by ``sides[0]`` and
    negated by ``sides[1]``. ``kind == "values"``: a single-valued predicate
    has incompatible values; one side per value.
    """

    kind: str
    subject: str
    predicate: str
    object: str | float | None
    sides: list[tuple[str, list[Evidence]]]  # (side label: "for" / "against" / the value, evidence)


@dataclass
class ConflictsResult:
    conflicts: list[Conflict]
    entities: dict[str, EntityInfo]
    as_of: str | None = None

    def to_json(self) -> dict:
        out = []
        docs: dict[str, dict] = {}
        for c in self.conflicts:
            is_entity = isinstance(c.object, str) and c.object in self.entities
            row = {"kind": c.kind, "subject": entity_ref(c.subject, self.entities), "predicate": c.predicate}
            if c.kind == "denial":
                row["object"] = entity_ref(c.object, self.entities) if is_entity else {"value": c.object}
                row["for"] = [e.to_json() for e in c.sides[0][1]]
                row["against"] = [e.to_json() for e in c.sides[1][1]]
            else:
                row["values"] = [{"value": label, "evidence": [e.to_json() for e in ev]} for label, ev in c.sides]
            for _label, ev in c.sides:
                for e in ev:
                    docs.setdefault(e.document, {"iri": e.document, "key": e.key, "title": e.title,
                                                 "publisher": e.publisher, "published": e.published})
            out.append(row)
        return {"command": "conflicts", "as_of": self.as_of, "conflicts": out,
                "entities": [entity_json(e) for e in self.entities.values()],
                "documents": dict(sorted(docs.items()))}


def conflicts(kg, *, as_of: str | None = None, entity=None) -> ConflictsResult:
    """Facts the sources disagree on, with both sides' evidence.

    Two kinds: a fact asserted (or hedged) by some documents and negated by
    others (``denial``), and a single-valued predicate (:data:`FUNCTIONAL`)
    given incompatible values (``values``: two release dates, two parameter
    counts ...).

    Parameters
    ----------
    kg : KnowledgeGraph
    as_of : only evidence from documents published on or before this date
    entity : only conflicts whose subject or object is this entity (name, alias or IRI)

    Returns
    -------
    ConflictsResult
    """
    as_of = check_as_of(as_of)
    focus = resolve_entity(kg, entity).iri if entity is not None else None
    found: list[Conflict] = []
    # 1. Denials: a negated claim and a supporting claim of the same fact node.
    if focus:
        edges = dict(fetch_edges(kg, subjects=[focus], as_of=as_of, entity_objects=False))
        edges.update(fetch_edges(kg, objects=[focus], as_of=as_of))
        denied = [e for e in edges.values() if e.counts["negated"] and e.supported]
    else:
        if as_of is None:  # the store marks supported facts that some claim negates: an index lookup
            candidates = [r["f"] for r in kg.select(
                "SELECT ?f WHERE { GRAPH kgg:facts { ?f kg:disputed true } }")]
        else:
            candidates = [r["f"] for r in kg.select(f"""
                SELECT DISTINCT ?f WHERE {{
                  GRAPH ?d {{ ?c kg:modality kg:Negated . ?c kg:fact ?f . OPTIONAL {{ ?d dcterms:issued ?issued }} }}
                  {as_of_filter(as_of)} }}""")]
        edges = fetch_edges(kg, facts=candidates, as_of=as_of, entity_objects=False) if candidates else {}
        denied = [e for e in edges.values() if e.counts["negated"] and e.supported]
    for e in sorted(denied, key=lambda e: (e.subject, e.predicate, str(e.object))):
        found.append(Conflict("denial", e.subject, e.predicate, e.object, [
            ("for", [x for x in e.evidence if x.modality in ("asserted", "hedged")]),
            ("against", [x for x in e.evidence if x.modality == "negated"])]))
    # 2. Incompatible values of single-valued predicates.
    for subject, predicate in _multi_valued(kg, as_of=as_of, focus=focus):
        values = fetch_edges(kg, subjects=[subject], predicates=[predicate], as_of=as_of, entity_objects=False)
        supported = [e for e in values.values() if e.supported]
        kind = RELATIONS.get(predicate, "attribute")
        groups: list[list[Edge]] = []
        for edge in sorted(supported, key=lambda e: str(e.object)):
            for group in groups:
                if all(compatible(kind, edge.object, other.object) for other in group):
                    group.append(edge)
                    break
            else:
                groups.append([edge])
        if len(groups) < 2:
            continue
        sides = []
        for group in groups:
            label = " / ".join(_show_value(e.object) for e in group)
            evidence = [x for e in group for x in e.evidence if x.modality in ("asserted", "hedged")]
            sides.append((label, evidence))
        found.append(Conflict("values", subject, predicate, None, sides))
    iris = {c.subject for c in found} | {c.object for c in found if c.kind == "denial" and isinstance(c.object, str)
                                         and c.object.startswith(("http://", "https://"))}
    return ConflictsResult(found, entity_infos(kg, iris), as_of)


def _show_value(value) -> str:
    if isinstance(value, float):
        return f"{value:,.0f}" if value >= 1000 and value == int(value) else f"{value:g}"
    return str(value)


def _multi_valued(kg, *, as_of: str | None, focus: str | None) -> list[tuple[str, str]]:
    """(subject, predicate) pairs of single-valued predicates with two or more supported values."""
    subject = _iri(focus) if focus else "?s"
    found = []
    if as_of is None and not focus:  # the store marks facts whose subject has another value: an index lookup
        rows = kg.select("""SELECT DISTINCT ?s ?p WHERE { GRAPH kgg:facts {
            ?f kg:competingValues true ; rdf:subject ?s ; rdf:predicate ?p } }""")
        return sorted((r["s"], r["p"].rsplit("#", 1)[-1]) for r in rows)
    for name in FUNCTIONAL:  # one query per predicate: constants let Oxigraph use its indexes
        p = KG[name].n3()
        if as_of is None:  # the facts graph holds exactly the supported triples
            rows = kg.select(f"""SELECT ?s WHERE {{ GRAPH kgg:facts {{ {subject} {p} ?o }}
                {f"BIND ({subject} AS ?s)" if focus else ""} }} GROUP BY ?s HAVING (COUNT(?o) > 1)""")
        else:
            rows = kg.select(f"""SELECT ?s WHERE {{
                GRAPH ?d {{ ?c rdf:predicate {p} ; rdf:subject {subject} ; rdf:object ?o ; kg:modality ?m .
                           OPTIONAL {{ ?d dcterms:issued ?issued }} }}
                FILTER (?m IN (kg:Asserted, kg:Hedged))
                {as_of_filter(as_of)}
                {f"BIND ({subject} AS ?s)" if focus else ""}
              }} GROUP BY ?s HAVING (COUNT(DISTINCT ?o) > 1)""")
        found += [(r["s"], name) for r in rows]
    return sorted(found)
