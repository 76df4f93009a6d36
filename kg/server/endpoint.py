"""The SPARQL 1.1 Protocol at ``/sparql``: request parsing, status codes, service description.

Requests are parsed here (query string, form body, direct body) and then
handed to the worker pool, which checks the query (:func:`kg._sparql_safety.check_query`),
evaluates it in Oxigraph and serialises the answer. Status codes follow the
W3C protocol tests: 400 for a malformed request (two queries, update by GET,
a body that is not UTF-8, a syntax error, a refused SERVICE/FROM/LOAD),
415 for an unsupported media type, 401/403 for an update without the right
token, 406 when no acceptable result format exists, 503 when the query was
stopped at the timeout.
"""

from __future__ import annotations

import hmac
from urllib.parse import parse_qsl

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

MAX_BODY_BYTES = 1_000_000
_DATASET_PARAMS = ("default-graph-uri", "named-graph-uri", "using-graph-uri", "using-named-graph-uri")


class BadRequest(Exception):
    """A request the protocol says to refuse: carries the status and the reason."""

    def __init__(self, status: int, message: str, headers: dict | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


def _text(status: int, message: str, headers: dict | None = None) -> Response:
    return Response(message.rstrip("\n") + "\n", status_code=status, media_type="text/plain; charset=utf-8",
                    headers=headers)


def _params(raw: str) -> dict[str, list[str]]:
    """Form / query-string parameters, refusing percent-encoded bytes that are not UTF-8."""
    params: dict[str, list[str]] = {}
    try:
        pairs = parse_qsl(raw, keep_blank_values=True, encoding="utf-8", errors="strict")
    except UnicodeDecodeError:
        raise BadRequest(400, "the parameters are not UTF-8: percent-encode UTF-8 bytes") from None
    except ValueError as err:
        raise BadRequest(400, f"malformed parameters: {err}") from None
    for key, value in pairs:
        params.setdefault(key, []).append(value)
    return params


def _ascii(raw: bytes, what: str) -> str:
    try:
        return raw.decode("ascii")
    except UnicodeDecodeError:
        raise BadRequest(400, f"the {what} contains raw non-ASCII bytes: percent-encode it (UTF-8)") from None


def _media_type(request: Request) -> tuple[str, dict[str, str]]:
    header = request.headers.get("content-type")
    if not header:
        raise BadRequest(415, "POST needs a Content-Type: application/x-www-form-urlencoded, "
                              "application/sparql-query or application/sparql-update")
    media, *rest = [part.strip() for part in header.split(";")]
    options = {}
    for part in rest:
        key, _, value = part.partition("=")
        options[key.strip().lower()] = value.strip().strip('"').lower()
    charset = options.get("charset")
    if charset and charset not in ("utf-8", "utf8"):
        raise BadRequest(400, f"the body must be UTF-8, not {charset}")
    return media.lower(), options


async def _body(request: Request) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise BadRequest(413, f"request body larger than {MAX_BODY_BYTES} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise BadRequest(413, f"request body larger than {MAX_BODY_BYTES} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _utf8(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise BadRequest(400, "the body is not valid UTF-8") from None


def _one(params: dict[str, list[str]], name: str) -> str | None:
    values = params.get(name, [])
    if len(values) > 1:
        raise BadRequest(400, f"{len(values)} `{name}` parameters: send exactly one")
    return values[0] if values else None


async def parse_request(request: Request) -> tuple[str, str] | None:
    """``("query" | "update", text)`` for a protocol request; None asks for the service description.

    Raises
    ------
    BadRequest
        the request breaks the protocol (status and reason inside)
    """
    params = _params(_ascii(request.scope.get("query_string", b""), "query string"))
    if request.method in ("GET", "HEAD"):
        if "update" in params:
            raise BadRequest(400, "a SPARQL Update cannot be sent with GET: POST it (update= or "
                                  "Content-Type application/sparql-update)")
        _refuse_dataset(params)
        query = _one(params, "query")
        return None if query is None else ("query", query)
    media, _options = _media_type(request)
    body = await _body(request)
    if media == "application/x-www-form-urlencoded":
        form = _params(_ascii(body, "form body") if body.isascii() else _utf8(body))
        for key, values in form.items():
            params.setdefault(key, []).extend(values)
        _refuse_dataset(params)
        query, update = _one(params, "query"), _one(params, "update")
        if query is not None and update is not None:
            raise BadRequest(400, "both `query` and `update` given: send one")
        if query is None and update is None:
            raise BadRequest(400, "no `query` or `update` parameter in the form")
        return ("query", query) if query is not None else ("update", update)
    if media in ("application/sparql-query", "application/sparql-update"):
        _refuse_dataset(params)
        if "query" in params or "update" in params:
            raise BadRequest(400, "the body already holds the request: do not also send a `query` or "
                                  "`update` parameter")
        return ("query" if media.endswith("query") else "update", _utf8(body))
    raise BadRequest(415, f"unsupported Content-Type {media!r}: use application/x-www-form-urlencoded, "
                          "application/sparql-query or application/sparql-update")


def _refuse_dataset(params: dict[str, list[str]]) -> None:
    for name in _DATASET_PARAMS:
        if name in params:
            raise BadRequest(400, f"refused: the `{name}` parameter names graphs the way FROM / USING do; "
                                  "the default graph here is the union of all graphs: use GRAPH <iri> { ... }")


def check_token(request: Request, token: str | None) -> None:
    """Refuse an update unless the server allows updates and the request carries its bearer token."""
    if not token:
        raise BadRequest(403, "the server is read-only: start it with `kg serve --allow-update --token T` "
                              "to accept SPARQL Update")
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise BadRequest(401, "SPARQL Update needs the header `Authorization: Bearer TOKEN`",
                         {"WWW-Authenticate": 'Bearer realm="kg"'})
    if not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise BadRequest(403, "wrong token for SPARQL Update")


async def sparql(request: Request) -> Response:
    """The ``/sparql`` route: query, update, or the service description."""
    state = request.app.state
    try:
        parsed = await parse_request(request)
        if parsed is None:
            return service_description(request)
        op, text = parsed
        if op == "update":
            check_token(request, state.config.token if state.config.allow_update else None)
            pool = state.update_pool
            job = {"op": "update", "text": text}
        else:
            pool = state.query_pool
            job = {"op": "query", "text": text, "accept": request.headers.get("accept")}
    except BadRequest as err:
        return _text(err.status, err.message, err.headers)
    status, content_type, body, headers = await run_in_threadpool(pool.submit, job)
    if status == 204:
        return Response(status_code=204)
    return Response(body, status_code=status, media_type=content_type, headers=headers)


def service_description(request: Request) -> Response:
    """The SPARQL 1.1 Service Description of this endpoint (Turtle unless asked otherwise)."""
    import pyoxigraph as ox

    from kg.server._formats import GRAPH_FORMATS, negotiate

    config = request.app.state.config
    sd = "http://www.w3.org/ns/sparql-service-description#"
    fmt_ns = "http://www.w3.org/ns/formats/"
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    comment = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#comment")
    try:
        service = ox.NamedNode(str(request.url.replace(query="", fragment="")))
    except ValueError:
        service = ox.BlankNode()
    dataset, graph = ox.BlankNode(), ox.BlankNode()
    triples = [
        ox.Triple(service, rdf_type, ox.NamedNode(sd + "Service")),
        ox.Triple(service, ox.NamedNode(sd + "supportedLanguage"), ox.NamedNode(sd + "SPARQL11Query")),
        ox.Triple(service, ox.NamedNode(sd + "feature"), ox.NamedNode(sd + "UnionDefaultGraph")),
        ox.Triple(service, ox.NamedNode(sd + "defaultEntailmentRegime"),
                  ox.NamedNode("http://www.w3.org/ns/entailment/Simple")),
        ox.Triple(service, ox.NamedNode(sd + "defaultDataset"), dataset),
        ox.Triple(dataset, rdf_type, ox.NamedNode(sd + "Dataset")),
        ox.Triple(dataset, ox.NamedNode(sd + "defaultGraph"), graph),
        ox.Triple(graph, rdf_type, ox.NamedNode(sd + "Graph")),
        ox.Triple(service, comment, ox.Literal(
            f"siliconkg knowledge graph. Read-only unless started with --allow-update. SERVICE, LOAD, FROM and "
            f"FROM NAMED are refused. Queries stop after {config.timeout:g} s; answers are capped at "
            f"{config.max_rows} rows (header X-KG-Truncated: true when cut).")),
    ]
    if isinstance(service, ox.NamedNode):
        triples.append(ox.Triple(service, ox.NamedNode(sd + "endpoint"), service))
    if config.allow_update:
        triples.append(ox.Triple(service, ox.NamedNode(sd + "supportedLanguage"), ox.NamedNode(sd + "SPARQL11Update")))
    for name in ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                 "Turtle", "N-Triples", "JSON-LD", "RDF_XML"):
        triples.append(ox.Triple(service, ox.NamedNode(sd + "resultFormat"), ox.NamedNode(fmt_ns + name)))
    fmt = negotiate("DESCRIBE", request.headers.get("accept")) or GRAPH_FORMATS[0]
    kwargs = {"prefixes": {"sd": sd, "fmt": fmt_ns}} if fmt.name == "TURTLE" else {}
    body = ox.serialize(triples, format=getattr(ox.RdfFormat, fmt.name), **kwargs)
    return Response(body, media_type=f"{fmt.media_type}; charset=utf-8")
