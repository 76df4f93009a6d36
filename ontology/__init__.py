"""The siliconkg ontology as data, and the namespaces every other module uses.

No other module spells an IRI by hand: they take terms from here. The OWL
ontology (``kg.ttl``), the SHACL shapes (``shapes.ttl``) and the entity
gazetteer (``gazetteer/*.jsonl``) ship inside this package and are read with
:mod:`importlib.resources`.

>>> str(KG.fabbedBy)
'https://w3id.org/siliconkg/ontology#fabbedBy'
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from rdflib import Graph, Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

BASE = "https://w3id.org/siliconkg/"
KG = Namespace(BASE + "ontology#")  #: classes and properties
ENT = Namespace(BASE + "entity/")  #: entities, minted from canonical names
DOC = Namespace(BASE + "doc/")  #: documents (also their named graphs)
CLAIM = Namespace(BASE + "claim/")  #: reified claims
FACT = Namespace(BASE + "fact/")  #: fact nodes (support summaries)
GRAPH = Namespace(BASE + "graph/")  #: well-known named graphs
FACTS_GRAPH = GRAPH["facts"]  #: the graph of fact triples derived from claims
MODALITY = {m: KG[m.capitalize()] for m in ("asserted", "negated", "hedged", "hypothetical")}
SUPPORT_LEVEL = {"asserted": KG.AssertedSupport, "hedged": KG.HedgedOnlySupport}

PREFIXES = {
    "kg": KG, "ent": ENT, "doc": DOC, "claim": CLAIM, "fact": FACT, "kgg": GRAPH,
    "prov": PROV, "skos": SKOS, "dcterms": DCTERMS, "rdf": RDF, "rdfs": RDFS,
    "owl": OWL, "xsd": XSD,
}

__all__ = [
    "BASE", "KG", "ENT", "DOC", "CLAIM", "FACT", "GRAPH", "FACTS_GRAPH", "MODALITY",
    "SUPPORT_LEVEL", "PREFIXES", "sparql_prefixes", "ontology_text", "load_ontology",
    "load_shapes", "load_gazetteer",
]


def sparql_prefixes() -> str:
    """``PREFIX`` lines for every namespace above, to put in front of a query."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


def _read(name: str) -> str:
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


def ontology_text() -> str:
    """The OWL ontology as Turtle text."""
    return _read("kg.ttl")


@lru_cache(maxsize=1)
def load_ontology() -> Graph:
    """The OWL ontology as an rdflib graph (cached; do not mutate)."""
    return Graph().parse(data=ontology_text(), format="turtle")


@lru_cache(maxsize=1)
def load_shapes() -> Graph:
    """The SHACL shapes as an rdflib graph (cached; do not mutate)."""
    return Graph().parse(data=_read("shapes.ttl"), format="turtle")


@lru_cache(maxsize=1)
def load_gazetteer() -> tuple[dict, ...]:
    """The entity gazetteer: one dict per entity (``label``, ``class``, ``aliases``, ...)."""
    merged: dict[str, dict] = {}
    folder = resources.files(__name__).joinpath("gazetteer")
    for part in sorted(folder.iterdir(), key=lambda p: p.name):
        if not part.name.endswith(".jsonl"):
            continue
        for number, line in enumerate(part.read_text(encoding="utf-8").splitlines(), 1):
            line = line.strip()
            if not line or line.startswith("//"):
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as err:
                raise ValueError(f"ontology/gazetteer/{part.name}:{number}: not JSON: {err}") from err
            known = merged.get(row["label"])
            if known is None:
                merged[row["label"]] = {**row, "aliases": list(row.get("aliases", []))}
            else:  # the same entity in two files: union of aliases, first class wins
                known["aliases"] += [a for a in row.get("aliases", []) if a not in known["aliases"]]
                for key, value in row.items():
                    known.setdefault(key, value)
    return tuple(merged.values())
