"""The one error hierarchy of siliconkg.

Every error the library raises on purpose derives from :class:`KGError`, so a
caller (and the CLI) can catch one class::

    KGError
    ├── IngestError          a file could not be read (names the file and why)
    ├── ExtractionError      the NLP pipeline failed on a document
    ├── StoreError           the store cannot be opened or written
    │   └── StoreInUseError  another process holds the store's write lock
    ├── ShapeViolation       data violates a SHACL shape (names the shape)
    ├── QueryError           a SPARQL query is malformed or refused
    ├── UnknownEntityError   an entity name matches nothing (lists close names)
    ├── ExportError          an exporter could not write its output
    └── UnknownFormatError   a format name is not registered (lists valid ones)

Messages say what went wrong, where (file, line) and what to do about it.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable


class KGError(Exception):
    """Base class of every error raised by siliconkg on purpose."""


class IngestError(KGError):
    """A file could not be read as an article.

    Parameters
    ----------
    path : the file (or ``file:line`` for line-based formats)
    reason : what is wrong with it, in words a user can act on
    """

    def __init__(self, path: object, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class ExtractionError(KGError):
    """The extraction pipeline failed on a document."""


class StoreError(KGError):
    """The store cannot be opened, read or written."""


class StoreInUseError(StoreError):
    """Another process holds the store's write lock."""


class ShapeViolation(KGError):
    """Data violates one or more SHACL shapes; ``violations`` lists them all."""

    def __init__(self, violations: list[str]):
        self.violations = list(violations)
        super().__init__("SHACL validation failed:\n  " + "\n  ".join(self.violations))


class QueryError(KGError):
    """A SPARQL query is malformed, refused or timed out."""


class UnknownEntityError(KGError):
    """An entity name matches no entity in the graph."""

    def __init__(self, name: str, suggestions: Iterable[str] = ()):
        self.name = name
        self.suggestions = list(suggestions)
        hint = f" Did you mean: {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"no entity named {name!r} in the graph.{hint} (`kg entities --search TEXT` lists names)")


class ExportError(KGError):
    """An exporter could not write its output."""


class UnknownFormatError(KGError):
    """A format name is not in the registry."""

    def __init__(self, kind: str, name: str, valid: Iterable[str]):
        self.name = name
        self.valid = sorted(valid)
        close = difflib.get_close_matches(name, self.valid, n=1)
        hint = f" Did you mean {close[0]!r}?" if close else ""
        super().__init__(f"unknown {kind} {name!r}.{hint} Valid: {', '.join(self.valid)}")
