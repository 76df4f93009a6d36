"""A store behind a SPARQL 1.1 Protocol endpoint, for graphs too big for one process.

:class:`RemoteStore` speaks plain SPARQL 1.1 Protocol over HTTP to a real
server, by default Oxigraph's (``oxigraph serve --location DIR --bind
127.0.0.1:7878``, shipped in the ``oxigraph`` wheel of the ``scale`` extra):
queries go to ``/query``, updates to ``/update``. It offers the same methods
as the embedded :class:`kg._store.Store`, so :class:`kg.KnowledgeGraph`
(and every command) works unchanged with ``--store http://host:port``.
Results come back as SPARQL JSON and are parsed by pyoxigraph into the very
types the embedded store returns.
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request

import pyoxigraph as ox

from kg._store import to_python
from kg.errors import QueryError, StoreError
from ontology import sparql_prefixes


def is_remote(location: object) -> bool:
    """True when ``location`` is an http(s) URL rather than a directory."""
    return isinstance(location, str) and location.startswith(("http://", "https://"))


class RemoteStore:
    """A SPARQL 1.1 Protocol endpoint used as the store.

    Parameters
    ----------
    url : the server's base URL (``http://127.0.0.1:7878``); ``/query`` and
        ``/update`` are appended unless ``query_endpoint`` / ``update_endpoint`` say otherwise
    read_only : refuse updates locally
    timeout : seconds to wait for one HTTP request
    token : sent as ``Authorization: Bearer TOKEN`` with updates, when given
    """

    def __init__(self, url: str, *, read_only: bool = False, timeout: float = 300.0,
                 query_endpoint: str | None = None, update_endpoint: str | None = None, token: str | None = None):
        self.url = url.rstrip("/")
        self.path = None
        self.read_only = read_only
        self.timeout = timeout
        self.token = token
        self.query_endpoint = query_endpoint or self.url + "/query"
        self.update_endpoint = update_endpoint or self.url + "/update"
        self._dataset = None
        try:
            self.select("SELECT (1 AS ?ok) WHERE {}")
        except QueryError as err:
            raise StoreError(f"no SPARQL endpoint answers at {self.query_endpoint}: {err}") from err

    def _post(self, endpoint: str, body: str, content_type: str, accept: str) -> bytes:
        headers = {"Content-Type": content_type + "; charset=utf-8", "Accept": accept}
        if self.token and endpoint == self.update_endpoint:
            headers["Authorization"] = f"Bearer {self.token}"
        request = urllib.request.Request(endpoint, data=body.encode("utf-8"), headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 (user's endpoint)
                return response.read()
        except urllib.error.HTTPError as err:
            detail = err.read().decode("utf-8", "replace")[:500]
            raise QueryError(f"{endpoint} answered {err.code}: {detail}") from err
        except (urllib.error.URLError, OSError) as err:
            raise QueryError(f"cannot reach {endpoint}: {err}") from err

    def query(self, sparql: str, *, prefixes: bool = True):
        """Evaluate a query on the server; returns pyoxigraph results like the embedded store."""
        text = (sparql_prefixes() if prefixes else "") + sparql
        data = self._post(self.query_endpoint, text, "application/sparql-query",
                          "application/sparql-results+json, application/n-triples;q=0.9")
        if data.lstrip().startswith(b"{"):
            return ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
        return iter(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))

    def select(self, sparql: str) -> list[dict[str, object]]:
        """Rows of a SELECT query as dicts of Python values."""
        result = self.query(sparql)
        names = [v.value for v in result.variables]
        return [{n: to_python(row[n]) for n in names} for row in result]

    def update(self, sparql: str) -> None:
        """Send a SPARQL Update (the server applies it in one transaction)."""
        if self.read_only:
            raise StoreError("the store is open read-only")
        self._post(self.update_endpoint, sparql_prefixes() + sparql, "application/sparql-update", "*/*")

    def flush(self) -> None:
        """Nothing to do: the server makes each update durable itself."""

    def generation(self) -> str:
        return ""

    def __len__(self) -> int:
        return int(self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")[0]["n"])

    @property
    def dataset(self):
        """An rdflib ``Dataset`` over the endpoint (rdflib's SPARQLUpdateStore)."""
        if self._dataset is None:
            from rdflib import Dataset
            from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore

            store = SPARQLUpdateStore(query_endpoint=self.query_endpoint, update_endpoint=self.update_endpoint,
                                      context_aware=True)
            self._dataset = Dataset(store=store, default_union=True)
        return self._dataset

    def close(self) -> None:
        self._dataset = None
