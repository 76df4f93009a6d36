"""Refuse SPARQL that would reach outside the store, before it is evaluated.

Oxigraph (and rdflib) perform real network or file requests for some SPARQL
features: ``SERVICE <iri>`` calls a remote endpoint, ``LOAD <iri>`` fetches a
document, and ``FROM`` / ``FROM NAMED`` (``USING`` / ``USING NAMED`` in
updates) name the graphs of the dataset, which some engines dereference.
A query sent by a user of ``kg serve`` or ``kg sparql`` must never make such
a request, so :func:`check_query` parses the text with rdflib's SPARQL grammar
and walks the parse tree; a regular expression over the text would be fooled
by comments and string literals (``"service"`` in a literal is harmless).

The parse tree is rdflib's, the evaluation is Oxigraph's: to keep the two
parsers reading the same text, ``\\uXXXX`` escape sequences (which rdflib
expands everywhere before parsing, Oxigraph only inside strings and IRIs)
are refused; write the characters themselves.

>>> check_query("SELECT ?s WHERE { ?s ?p 'service' }")
'SELECT'
>>> check_query("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
Traceback (most recent call last):
...
kg.errors.QueryError: refused: SERVICE <http://example.org/sparql> would call another endpoint; this endpoint only answers from its own store (remove the SERVICE clause)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.errors import QueryError

MAX_QUERY_CHARS = 100_000
"""Longer texts are refused (parsing is not free, and no useful query is this long)."""

_QUERY_KINDS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT",
                "DescribeQuery": "DESCRIBE"}

# An odd number of backslashes followed by u/U: a SPARQL unicode escape.
_UNICODE_ESCAPE = re.compile(r"(?<!\\)(?:\\\\)*\\[uU]")


_LONE_CARRIAGE_RETURN = re.compile("\r(?!\n)")


def check_query(text: str, *, allow_update: bool = False) -> str:
    """Parse a SPARQL query or update and refuse anything that reaches outside the store.

    Parameters
    ----------
    text : the SPARQL 1.1 query or update, as sent by the user
    allow_update : accept SPARQL Update (still refusing ``LOAD``, ``SERVICE``,
        ``USING`` and ``USING NAMED``); when False every update is refused

    Returns
    -------
    str
        the kind of request: ``"SELECT"``, ``"ASK"``, ``"CONSTRUCT"``,
        ``"DESCRIBE"`` or ``"UPDATE"``

    Raises
    ------
    QueryError
        the text is not valid SPARQL 1.1 (the message gives line and column),
        or it uses ``SERVICE``, ``FROM``, ``FROM NAMED``, ``LOAD``, ``USING``,
        ``USING NAMED``, a ``\\u`` escape, or is an update while ``allow_update``
        is False (the message says which and what to do)

    Examples
    --------
    >>> check_query("ASK { ?s ?p ?o }")
    'ASK'
    >>> check_query("CLEAR ALL", allow_update=True)
    'UPDATE'
    """
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import Query, UpdateUnit

    if not isinstance(text, str):
        raise QueryError("the query must be text (a str), not %s" % type(text).__name__)
    if not text.strip():
        raise QueryError("empty query: send a SPARQL query (SELECT, ASK, CONSTRUCT or DESCRIBE)")
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"query too long ({len(text)} characters, limit {MAX_QUERY_CHARS}): shorten it")
    if _UNICODE_ESCAPE.search(text):
        raise QueryError("refused: \\uXXXX escape sequences are not accepted here; "
                         "write the characters themselves (the request is UTF-8)")
    if _LONE_CARRIAGE_RETURN.search(text):
        # Oxigraph ends a '#' comment at a carriage return, rdflib only at a line feed: a lone CR
        # would let text that this check reads as a comment run as code in Oxigraph.
        raise QueryError("refused: a carriage return not followed by a line feed; end lines with \\n "
                         "(or \\r\\n)")
    try:
        # Query.parse_string, not parseQuery: parseQuery would expand \u escapes first
        tree = Query.parse_string(text, parse_all=True)
        kind = _QUERY_KINDS.get(getattr(tree[1], "name", ""), "")
        if not kind:
            raise QueryError("not a SELECT, ASK, CONSTRUCT or DESCRIBE query")
    except ParseBaseException as query_error:
        try:
            tree = UpdateUnit.parse_string(text, parse_all=True)[0]
        except ParseBaseException as update_error:
            worst = max(query_error, update_error, key=lambda e: e.loc)
            near = text[worst.loc:worst.loc + 30].split("\n")[0] or "the end of the text"
            raise QueryError(f"SPARQL syntax error at line {worst.lineno}, column {worst.col}, near {near!r}: "
                             f"{worst.msg}") from None
        except RecursionError:
            raise QueryError("query nested too deeply to check: simplify it") from None
        kind = "UPDATE"
    except RecursionError:
        raise QueryError("query nested too deeply to check: simplify it") from None
    if kind == "UPDATE" and not allow_update:
        raise QueryError("refused: this is a SPARQL Update and the store is read-only here "
                         "(updates need `kg serve --allow-update --token T` and the token)")
    for name, node in _walk(tree):
        _refuse(name, node)
    return kind


def _refuse(name: str, node) -> None:
    """Raise QueryError if the parse-tree node ``name`` reaches outside the store."""
    if name == "ServiceGraphPattern":
        target = _term(_get(node, "term"))
        raise QueryError(f"refused: SERVICE {target} would call another endpoint; this endpoint only "
                         "answers from its own store (remove the SERVICE clause)")
    if name == "DatasetClause":
        which = "FROM NAMED" if _get(node, "named") is not None else "FROM"
        target = _term(_get(node, "named") if which == "FROM NAMED" else _get(node, "default"))
        raise QueryError(f"refused: {which} {target} could fetch a graph from outside the store; "
                         "the default graph is already the union of all graphs here: use "
                         "GRAPH <iri> { ... } to restrict a pattern to one named graph")
    if name == "Load":
        raise QueryError(f"refused: LOAD {_term(_get(node, 'iri'))} would fetch a document from the network "
                         "or file system; load files with `kg build` instead")
    if name == "UsingClause":
        which = "USING NAMED" if _get(node, "named") is not None else "USING"
        target = _term(_get(node, "named") if which == "USING NAMED" else _get(node, "default"))
        raise QueryError(f"refused: {which} {target} could fetch a graph from outside the store; "
                         "use GRAPH <iri> { ... } in the WHERE clause instead")


def _get(node, key: str):
    """A child of a parse-tree node, or None (``CompValue.get`` returns the key when missing)."""
    return dict.get(node, key)


def _term(term) -> str:
    if term is None:
        return "?"
    if getattr(term, "name", None) == "pname":  # an unresolved prefixed name
        return f"{_get(term, 'prefix') or ''}:{_get(term, 'localname') or ''}"
    n3 = getattr(term, "n3", None)
    return n3() if callable(n3) else str(term)


def _walk(node, depth: int = 0) -> Iterator[tuple[str, object]]:
    """Every named node (rdflib ``CompValue``) of a pyparsing parse tree."""
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    if depth > 500:
        raise QueryError("query nested too deeply to check: simplify it")
    if isinstance(node, CompValue):
        yield node.name, node
        for value in node.values():
            yield from _walk(value, depth + 1)
    elif isinstance(node, (ParseResults, list, tuple)):
        for value in node:
            yield from _walk(value, depth + 1)
    elif isinstance(node, dict):
        for value in node.values():
            yield from _walk(value, depth + 1)
