"""Result formats of the SPARQL endpoint and HTTP content negotiation between them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Format:
    """One serialisation the endpoint can answer with."""

    name: str  # short name (pyoxigraph QueryResultsFormat / RdfFormat attribute)
    media_type: str  # what the response's Content-Type says
    aliases: tuple[str, ...] = ()  # other media types a client may ask for

    @property
    def media_types(self) -> tuple[str, ...]:
        return (self.media_type, *self.aliases)


#: SELECT and ASK answers (pyoxigraph ``QueryResultsFormat``), the default first.
RESULT_FORMATS: tuple[Format, ...] = (
    Format("JSON", "application/sparql-results+json",
           ("application/json", "text/javascript", "application/javascript")),
    Format("XML", "application/sparql-results+xml", ("application/xml", "text/xml")),
    Format("CSV", "text/csv"),
    Format("TSV", "text/tab-separated-values"),
)
#: CONSTRUCT and DESCRIBE answers (pyoxigraph ``RdfFormat``), the default first.
GRAPH_FORMATS: tuple[Format, ...] = (
    Format("TURTLE", "text/turtle", ("application/turtle", "application/x-turtle")),
    Format("N_TRIPLES", "application/n-triples", ("text/plain",)),
    Format("JSON_LD", "application/ld+json", ("application/x-json+ld",)),
    Format("RDF_XML", "application/rdf+xml"),
)


def formats_for(kind: str) -> tuple[Format, ...]:
    """The formats a query of ``kind`` (SELECT, ASK, CONSTRUCT, DESCRIBE) can be answered in."""
    return GRAPH_FORMATS if kind in ("CONSTRUCT", "DESCRIBE") else RESULT_FORMATS


def parse_accept(header: str | None) -> list[tuple[str, float, int]]:
    """``(media range, q, position)`` for every range of an HTTP Accept header."""
    ranges = []
    for position, part in enumerate((header or "").split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for param in fields[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value)))
                except ValueError:
                    q = 0.0
        ranges.append((media, q, position))
    return ranges


def negotiate(kind: str, accept: str | None) -> Format | None:
    """The format to answer a ``kind`` query in, given the client's Accept header.

    No header (or ``*/*``) gives the default (SPARQL JSON, or Turtle for graphs);
    None means the client accepts nothing the endpoint can produce (HTTP 406).
    """
    candidates = formats_for(kind)
    ranges = parse_accept(accept)
    if not ranges:
        return candidates[0]
    best, best_key = None, None
    for preference, fmt in enumerate(candidates):
        for media in fmt.media_types:  # aliases count only when named exactly, not through a wildcard
            q, position, specificity = _match(media, ranges, exact_only=media != fmt.media_type)
            if q <= 0:
                continue
            key = (q, specificity, -position, -preference)
            if best_key is None or key > best_key:
                best, best_key = fmt, key
    return best


def _match(media: str, ranges: list[tuple[str, float, int]], *, exact_only: bool = False) -> tuple[float, int, int]:
    """(q, position, specificity) of the most specific range matching ``media``."""
    major = media.split("/")[0]
    found = (0.0, 0, -1)
    for pattern, q, position in ranges:
        if pattern == media:
            specificity = 2
        elif exact_only:
            continue
        elif pattern == f"{major}/*":
            specificity = 1
        elif pattern in ("*/*", "*"):
            specificity = 0
        else:
            continue
        if specificity > found[2]:
            found = (q, position, specificity)
    return found[0], found[1], max(found[2], 0)
