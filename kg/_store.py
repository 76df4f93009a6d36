"""The embedded store: an Oxigraph database on disk, opened through rdflib.

:class:`Store` wraps one ``pyoxigraph.Store`` in an rdflib ``Dataset`` (the
``oxrdflib`` plugin), so rdflib users get a familiar object while SPARQL runs
in Oxigraph's engine (queries are always passed as strings: a pre-parsed
query would fall back to rdflib's slow Python engine).

Writes go through :meth:`Store.update`: one SPARQL Update request per
document, which Oxigraph applies in a single transaction, so a crash leaves a
document wholly in or wholly out.
"""

from __future__ import annotations

import gc
import os
import time
from pathlib import Path

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Dataset

from kg.errors import QueryError, StoreError, StoreInUseError
from ontology import PREFIXES

GENERATION_FILE = "KG_GENERATION"


class Store:
    """An Oxigraph store on disk (or in memory when ``path`` is None).

    Parameters
    ----------
    path : directory of the store; created when missing (unless ``read_only``)
    read_only : open for reading only, without taking the write lock

    Raises
    ------
    StoreInUseError
        another process holds the store's write lock
    StoreError
        the directory is not a store, or a read-only store does not exist
    """

    def __init__(self, path: str | os.PathLike | None = None, *, read_only: bool = False):
        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        self._ox = self._open_ox()
        self.dataset = Dataset(store=OxigraphStore(store=self._ox), default_union=True)
        for prefix, namespace in PREFIXES.items():
            self.dataset.bind(prefix, namespace)

    def _open_ox(self) -> ox.Store:
        if self.path is None:
            return ox.Store()
        where = str(self.path)
        if self.read_only:
            if not (self.path / "CURRENT").exists():
                raise StoreError(f"no store at {where}: run `kg build ARTICLES` first, or pass --store DIR")
            try:
                return ox.Store.read_only(where)
            except (OSError, RuntimeError) as err:
                raise StoreError(f"cannot open the store at {where} for reading: {err}") from err
        if self.path.exists() and not self.path.is_dir():
            raise StoreError(f"{where} is a file, not a store directory: pass --store DIR")
        if self.path.is_dir() and any(self.path.iterdir()) and not (self.path / "CURRENT").exists():
            raise StoreError(f"{where} is a non-empty directory that is not a siliconkg store: choose another --store DIR")
        try:
            return ox.Store(where)
        except OSError as err:
            if "lock" in str(err).lower():
                raise StoreInUseError(
                    f"store {where} is in use by another process (a running `kg build`, or a "
                    "`kg serve --allow-update`); wait for it to finish, or use another --store"
                ) from err
            raise StoreError(f"cannot open the store at {where}: {err}") from err

    # -- reading -----------------------------------------------------------------
    @property
    def ox(self) -> ox.Store:
        """The underlying ``pyoxigraph.Store`` (for bulk loads and W3C result serialisation)."""
        return self._ox

    def query(self, sparql: str, *, prefixes: bool = True):
        """Evaluate a SPARQL query in Oxigraph; returns pyoxigraph results.

        The union of all named graphs is the default graph. ``prefixes`` adds the
        project's prefixes (``kg:``, ``ent:``, ``prov:`` ...) to the query.
        """
        try:
            return self._ox.query(sparql, use_default_graph_as_union=True,
                                  prefixes={k: str(v) for k, v in PREFIXES.items()} if prefixes else None)
        except SyntaxError as err:
            raise QueryError(f"SPARQL syntax error: {err}") from err
        except (OSError, RuntimeError, ValueError) as err:
            raise QueryError(f"query failed: {err}") from err

    def select(self, sparql: str) -> list[dict[str, object]]:
        """Rows of a SELECT query as dicts of Python values (str, int, float, or None)."""
        result = self.query(sparql)
        names = [v.value for v in result.variables]
        return [{n: to_python(row[n]) for n in names} for row in result]

    def __len__(self) -> int:
        return len(self._ox)

    # -- writing -----------------------------------------------------------------
    def update(self, sparql: str) -> None:
        """Apply a SPARQL Update in one transaction (all or nothing)."""
        if self.read_only:
            raise StoreError("the store is open read-only")
        try:
            self._ox.update(sparql, prefixes={k: str(v) for k, v in PREFIXES.items()})
        except SyntaxError as err:
            raise QueryError(f"SPARQL update syntax error: {err}") from err
        except (OSError, RuntimeError, ValueError) as err:
            raise StoreError(f"update failed, nothing was written: {err}") from err

    def flush(self) -> None:
        """Make everything written so far durable and tell readers the store changed."""
        if self.read_only or self.path is None:
            return
        self._ox.flush()
        marker = self.path / GENERATION_FILE
        marker.write_text(str(time.time_ns()), encoding="ascii")

    def generation(self) -> str:
        """A token that changes after every durable write (for readers that reopen)."""
        if self.path is None:
            return ""
        try:
            return (self.path / GENERATION_FILE).read_text(encoding="ascii")
        except OSError:
            return ""

    def close(self) -> None:
        if not self.read_only and self.path is not None:
            try:
                self._ox.flush()
            except OSError:
                pass
        if self.dataset is not None:
            self.dataset.close()  # oxrdflib drops its reference to the pyoxigraph store
        self._ox = None
        self.dataset = None
        gc.collect()  # release RocksDB's lock now, not whenever the cycle collector runs


def to_python(term) -> object:
    """A pyoxigraph term as a plain Python value (IRIs and strings as str)."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value if term.datatype else ""
        if datatype.endswith(("#integer", "#int", "#long", "#nonNegativeInteger")):
            return int(term.value)
        if datatype.endswith(("#double", "#decimal", "#float")):
            return float(term.value)
        if datatype.endswith("#boolean"):
            return term.value == "true"
        return term.value
    return term.value
