"""``kg serve``: a SPARQL 1.1 Protocol endpoint and a web explorer over the store.

>>> from kg.server import ServerConfig, create_app        # doctest: +SKIP
>>> app = create_app(ServerConfig(store="kg-store"))       # doctest: +SKIP

Run it with any ASGI server (``uvicorn``); ``kg serve`` does that for you.
Design notes (live updates while ``kg build`` runs, timeouts, limits) are in
``docs/server.md``.
"""

from kg.server.app import ServerConfig, create_app

__all__ = ["ServerConfig", "create_app"]
