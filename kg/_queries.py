"""The named SPARQL queries shipped in ``kg/queries/*.rq``, and running SPARQL as of a date.

Each ``.rq`` file starts with comment lines::

    # name: dependency-chains
    # description: one line saying what the query answers
    # param: model  what the parameter means (optional; one line per parameter)

A parameter ``NAME`` binds the variable ``?NAME``: :meth:`NamedQuery.render`
replaces the ``# PARAMETERS`` comment line in the query body with a
``VALUES ?NAME { ... }`` block (left out, the variable stays unbound and the
query answers for everything). The files are plain SPARQL: paste them into any
SPARQL 1.1 client with the prefixes of ``ontology.sparql_prefixes()``.

>>> sorted(named_queries())[:3]
['chokepoints', 'claims-of-document', 'dependency-chains']
>>> named_queries()["claims-of-document"].parameters
{'document': "the document's URL, key or source path (the end of the path is enough); every document when omitted"}
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from kg.errors import QueryError

_HEADER = re.compile(r"^#\s*(name|description|param):\s*(.*)$")
_MARKER = re.compile(r"^[ \t]*# PARAMETERS[ \t]*$", re.MULTILINE)
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass(frozen=True)
class NamedQuery:
    """A SPARQL query shipped with the package."""

    name: str
    description: str
    text: str
    parameters: dict[str, str] = field(default_factory=dict)  # name -> what it means

    def render(self, values: dict[str, str] | None = None) -> str:
        """The query text with ``values`` bound (``{param: text}``).

        A value written ``<...>`` or ``prefix:local`` (a known prefix) is an
        IRI; anything else is a plain string literal.

        Raises
        ------
        QueryError
            a parameter the query does not declare
        """
        values = dict(values or {})
        unknown = sorted(set(values) - set(self.parameters))
        if unknown:
            valid = ", ".join(self.parameters) or "none"
            raise QueryError(f"query {self.name!r} has no parameter {', '.join(map(repr, unknown))}; "
                             f"its parameters: {valid}")
        block = "\n".join(f"  VALUES ?{name} {{ {sparql_term(value)} }}" for name, value in values.items())
        return _MARKER.sub(lambda _m: block, self.text, count=1)


def sparql_term(value: str) -> str:
    """A user's parameter value as a SPARQL term: an IRI (``<...>`` or ``kg:x``) or a string literal."""
    from ontology import PREFIXES

    text = str(value).strip()
    if text.startswith("<") and text.endswith(">") and not re.search(r"[\s<>\"{}|\\^`]", text[1:-1]):
        return text
    prefix, _, local = text.partition(":")
    if prefix in PREFIXES and local and re.fullmatch(r"[A-Za-z0-9_.\-]+", local):
        return f"<{PREFIXES[prefix]}{local}>"
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"'


def parse_named_query(text: str, *, source: str = "<text>") -> NamedQuery:
    """Read the ``# name:`` / ``# description:`` / ``# param:`` header of a query file.

    Raises
    ------
    QueryError
        the header lacks a name or a description (``source`` names the file)
    """
    meta: dict[str, str] = {}
    params: dict[str, str] = {}
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        match = _HEADER.match(line.strip())
        if not match:
            continue
        key, value = match.group(1), match.group(2).strip()
        if key == "param":
            name, _, what = value.partition(" ")
            if not _NAME.match(name):
                raise QueryError(f"{source}: parameter name {name!r} is not a SPARQL variable name")
            params[name] = what.strip()
        else:
            meta[key] = value
    for key in ("name", "description"):
        if not meta.get(key):
            raise QueryError(f"{source}: the first lines must include '# {key}: ...'")
    if params and not _MARKER.search(text):
        raise QueryError(f"{source}: declares parameters but has no '# PARAMETERS' line in its body")
    return NamedQuery(meta["name"], meta["description"], text, params)


@lru_cache(maxsize=1)
def _load() -> tuple[NamedQuery, ...]:
    folder = resources.files("kg").joinpath("queries")
    found = []
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".rq"):
            found.append(parse_named_query(item.read_text(encoding="utf-8"), source=f"kg/queries/{item.name}"))
    return tuple(found)


def named_queries() -> dict[str, NamedQuery]:
    """The named queries shipped with the package, by name (sorted)."""
    return {q.name: q for q in sorted(_load(), key=lambda q: q.name)}


def named_query(name: str) -> NamedQuery:
    """The named query called ``name``.

    Raises
    ------
    QueryError
        no such query; the message lists them and the closest name
    """
    queries = named_queries()
    if name in queries:
        return queries[name]
    import difflib

    close = difflib.get_close_matches(name, list(queries), n=1)
    hint = f" Did you mean {close[0]!r}?" if close else ""
    raise QueryError(f"no named query {name!r}.{hint} Known: {', '.join(queries)} (`kg sparql --list`)")


def as_of_view(kg, as_of: str):
    """An in-memory copy of the store holding only the documents published on or before ``as_of``.

    The facts graph of the copy is recomputed from those documents' claims,
    so any query (named or not) answers as the store would have on that date.
    Undated documents are left out. Close the returned graph when done.

    Returns
    -------
    KnowledgeGraph
    """
    import pyoxigraph as ox

    from kg._evidence import _chunks, _iri, as_of_filter
    from kg._graph import KnowledgeGraph
    from kg._provenance import recompute_facts

    rows = kg.select(f"""SELECT ?d WHERE {{ GRAPH ?d {{ ?d a kg:Document . OPTIONAL {{ ?d dcterms:issued ?issued }} }}
                        {as_of_filter(as_of)} }}""")
    view = KnowledgeGraph.open(None)
    for chunk in _chunks(sorted(r["d"] for r in rows), 50):
        values = " ".join(_iri(d) for d in chunk)
        result = kg.query(f"SELECT ?s ?p ?o ?g WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}")
        view.store.ox.bulk_extend(ox.Quad(row["s"], row["p"], row["o"], row["g"]) for row in result)
    facts = [r["f"] for r in view.select("SELECT DISTINCT ?f WHERE { GRAPH ?d { ?c kg:fact ?f } }")]
    from rdflib import URIRef

    for chunk in _chunks(facts, 2000):
        update = recompute_facts(URIRef(f) for f in chunk)
        if update:
            view.store.update(update)
    return view
