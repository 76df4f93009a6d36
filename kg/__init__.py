"""siliconkg's graph layer: data types, the store, provenance and queries.

>>> from kg import KnowledgeGraph            # doctest: +SKIP
>>> with KnowledgeGraph.open("kg-store") as graph:   # doctest: +SKIP
...     graph.build(["examples/articles"])
"""

from kg._model import (
    ATTRIBUTES, CLASSES, MODALITIES, RELATIONS, SUPPORTING, Claim, Document, Entity,
    Extraction, content_hash,
)
from kg.errors import (
    ExportError, ExtractionError, IngestError, KGError, QueryError, ShapeViolation,
    StoreError, StoreInUseError, UnknownEntityError, UnknownFormatError,
)

__all__ = [
    "ATTRIBUTES", "CLASSES", "MODALITIES", "RELATIONS", "SUPPORTING", "Claim", "Document",
    "Entity", "Extraction", "content_hash",
    "KGError", "IngestError", "ExtractionError", "StoreError", "StoreInUseError",
    "ShapeViolation", "QueryError", "UnknownEntityError", "ExportError", "UnknownFormatError",
    "KnowledgeGraph",
]


def __getattr__(name):  # the store pulls in pyoxigraph: load it on first use
    if name == "KnowledgeGraph":
        from kg._graph import KnowledgeGraph

        return KnowledgeGraph
    raise AttributeError(name)
