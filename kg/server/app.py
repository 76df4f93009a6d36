"""The starlette application of ``kg serve``: routes, CORS, and the worker pools' lifetime."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware

#: Browser origins allowed by default: pages served from this machine.
LOCAL_ORIGINS = r"https?://(localhost|127\.0\.0\.1|\[::1\])(:\d+)?"
#: Host headers a loopback-bound server accepts.
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]", "::1")
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from kg.errors import StoreError


@dataclass(frozen=True)
class ServerConfig:
    """What ``kg serve`` was asked for.

    Parameters
    ----------
    store : the store directory (it must exist: ``kg build`` creates it)
    timeout : seconds one query may run before its worker process is killed
    max_rows : most result rows (or triples) in one answer; more are cut and flagged
    workers : query worker processes
    allow_update : accept SPARQL Update (needs ``token``); the server then holds the write lock
    token : the bearer token updates must carry
    max_memory_mb : address-space cap of each worker process (None: no cap)
    cors_origins : web origins whose pages may read answers (``*``: any page); empty, the
        default: only pages served from this machine (http://localhost:*, http://127.0.0.1:*), so a
        web page the user happens to visit cannot read the store
    trusted_hosts : ``Host`` header values accepted (None: any); a loopback server accepts only
        loopback names, which defeats DNS rebinding
    """

    store: str
    timeout: float = 10.0
    max_rows: int = 10_000
    workers: int = 2
    allow_update: bool = False
    token: str | None = None
    cors_origins: tuple[str, ...] = ()
    trusted_hosts: tuple[str, ...] | None = None
    max_memory_mb: int | None = 4096


def create_app(config: ServerConfig) -> Starlette:
    """The ASGI application serving ``/sparql``, ``/health``, the explorer and its API.

    The worker processes start when the application starts (ASGI lifespan) and
    stop with it.

    Raises
    ------
    StoreError
        there is no store at ``config.store``, or updates are allowed without a token
    """
    from kg.server import endpoint, explorer

    if "://" in str(config.store):
        raise StoreError(f"kg serve serves a store directory, not a remote endpoint ({config.store}): "
                         "clients can query that server directly; pass --store DIR")
    store = Path(config.store)
    if not (store / "CURRENT").exists():
        raise StoreError(f"no store at {store}: run `kg build ARTICLES --store {store}` first, or pass --store DIR")
    if config.allow_update and not config.token:
        raise StoreError("--allow-update needs --token T (clients send `Authorization: Bearer T`)")

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette):
        from starlette.concurrency import run_in_threadpool

        from kg.server.pool import WorkerPool

        app.state.config = config
        app.state.update_pool = None
        app.state.query_pool = WorkerPool(str(store), size=config.workers, timeout=config.timeout,
                                          max_rows=config.max_rows, max_memory_mb=config.max_memory_mb)
        try:
            if config.allow_update:  # take the write lock first: a running `kg build` makes this fail clearly
                app.state.update_pool = WorkerPool(str(store), size=1, timeout=config.timeout, writable=True,
                                                  max_memory_mb=config.max_memory_mb)
                await run_in_threadpool(app.state.update_pool.start)
            await run_in_threadpool(app.state.query_pool.start)
            yield
        finally:
            app.state.query_pool.close()
            if app.state.update_pool is not None:
                app.state.update_pool.close()

    async def health(request: Request) -> JSONResponse:
        pool = request.app.state.query_pool
        try:
            generation = (store / "KG_GENERATION").read_text(encoding="ascii")
        except OSError:
            generation = ""
        ok = pool.alive > 0
        return JSONResponse({"status": "ok" if ok else "degraded", "store": os.path.abspath(store),
                             "workers": pool.alive, "pids": pool.pids, "timeouts": pool.killed, "generation": generation,
                             "read_only": not config.allow_update, "timeout": config.timeout,
                             "max_rows": config.max_rows}, status_code=200 if ok else 503)

    routes = [
        Route("/sparql", endpoint.sparql, methods=["GET", "POST"]),
        Route("/health", health, methods=["GET"]),
        Route("/", explorer.page, methods=["GET"]),
        Route("/static/{name}", explorer.asset, methods=["GET"]),
        Route("/api/queries", explorer.queries, methods=["GET"]),
        Route("/api/neighbours", explorer.neighbours, methods=["GET"]),
        Route("/api/subgraph", explorer.subgraph, methods=["POST"]),
    ]
    middleware = []
    if config.trusted_hosts is not None:
        middleware.append(Middleware(TrustedHostMiddleware, allowed_hosts=list(config.trusted_hosts)))
    middleware.append(Middleware(
        CORSMiddleware, allow_origins=list(config.cors_origins),
        allow_origin_regex=None if config.cors_origins else LOCAL_ORIGINS, allow_methods=["GET", "POST", "OPTIONS"],
        allow_headers=["Accept", "Authorization", "Content-Type"],
        expose_headers=["X-KG-Truncated", "X-KG-Max-Rows", "X-KG-Generation"], max_age=600))
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan)
    app.state.config = config
    return app
