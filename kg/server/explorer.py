"""The web explorer at ``/`` and the small JSON API behind it.

Every asset is served by the package (``kg/static/`` and pyvis' bundled
``vis-network.min.js``): the page works without any network access. The page
inserts article-derived text with ``textContent`` only, and its Content
Security Policy allows scripts from this server alone.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response

MAX_SUBGRAPH_ITEMS = 300
CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'none'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; "
       "form-action 'none'")
_SECURITY_HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
                     "Referrer-Policy": "no-referrer"}
_ASSETS = {"explorer.js": "text/javascript", "explorer.css": "text/css"}


def static_dir() -> Path:
    """The folder of the explorer's own files (``kg/static``)."""
    return Path(str(resources.files("kg") / "static"))


def vis_network_js() -> Path:
    """vis-network's script as shipped inside the pyvis package (no CDN)."""
    import pyvis

    base = Path(pyvis.__file__).parent / "templates" / "lib"
    found = sorted(base.glob("vis-*/vis-network.min.js"))
    if not found:
        raise FileNotFoundError(f"vis-network.min.js not found under {base}: reinstall pyvis==0.3.2")
    return found[-1]


async def page(request: Request) -> Response:
    """``/``: the explorer page."""
    return FileResponse(static_dir() / "explorer.html", media_type="text/html; charset=utf-8",
                        headers=_SECURITY_HEADERS)


async def asset(request: Request) -> Response:
    """``/static/NAME``: the page's script and style, and vis-network."""
    name = request.path_params["name"]
    if name == "vis-network.min.js":
        return FileResponse(vis_network_js(), media_type="text/javascript",
                            headers={"X-Content-Type-Options": "nosniff", "Cache-Control": "max-age=3600"})
    if name not in _ASSETS:
        return Response("not found\n", status_code=404, media_type="text/plain")
    return FileResponse(static_dir() / name, media_type=_ASSETS[name], headers={"X-Content-Type-Options": "nosniff"})


async def queries(request: Request) -> Response:
    """``/api/queries``: the named example queries (none when the query module is absent)."""
    try:
        from kg._queries import named_queries
    except ImportError:
        return JSONResponse([])
    items = []
    for name, query in sorted(named_queries().items()):
        items.append({"name": getattr(query, "name", name), "description": getattr(query, "description", ""),
                      "text": query.text, "parameters": dict(getattr(query, "parameters", {}) or {})})
    return JSONResponse(items)


def _reply(reply) -> Response:
    status, content_type, body, headers = reply
    return Response(body, status_code=status, media_type=content_type, headers=headers)


async def neighbours(request: Request) -> Response:
    """``/api/neighbours?iri=IRI``: edges touching an entity, each with its evidence."""
    iri = request.query_params.get("iri", "")
    if not iri:
        return Response("pass ?iri=ENTITY-IRI\n", status_code=400, media_type="text/plain")
    job = {"op": "neighbours", "iri": iri}
    return _reply(await run_in_threadpool(request.app.state.query_pool.submit, job))


async def subgraph(request: Request) -> Response:
    """``POST /api/subgraph`` with ``{"iris": [...], "labels": [...]}``: those entities and the edges among them."""
    from kg.server.endpoint import BadRequest, _body

    try:
        data = json.loads(await _body(request))
        iris = [str(x) for x in data.get("iris", []) if isinstance(x, str)]
        labels = [str(x) for x in data.get("labels", []) if isinstance(x, str) and 0 < len(x) <= 300]
    except BadRequest as err:
        return Response(f"{err}\n", status_code=413, media_type="text/plain")
    except (ValueError, AttributeError, UnicodeDecodeError):
        return Response('send JSON: {"iris": [...], "labels": [...]}\n', status_code=400, media_type="text/plain")
    iris = list(dict.fromkeys(iris))[:MAX_SUBGRAPH_ITEMS]
    labels = list(dict.fromkeys(labels))[:MAX_SUBGRAPH_ITEMS]
    job = {"op": "subgraph", "iris": iris, "labels": labels}
    return _reply(await run_in_threadpool(request.app.state.query_pool.submit, job))
