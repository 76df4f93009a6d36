"""Dependency questions: ``deps``, ``impact``, ``paths`` and ``chokepoints``.

A *dependency* runs downward along :data:`DEPENDENCY_RELATIONS`: a model
depends on the chips it was pre-/post-trained, trained or served on; a chip
on its designer, foundry, memory technology, memory vendor and the chip it is
a variant of; a model on the lab that developed it; a lab on its investors.

``deps`` and ``impact`` walk the store breadth-first from the start entity,
one SPARQL query per level for the claims touching the current frontier, so
they cost what their answer costs whatever the size of the store. An edge is
used when a claim asserts it (or, with ``include_hedged``, hedges it) in a
document published on or before ``as_of``; an edge that is only negated is
never used. Every edge carries its evidence (see :mod:`kg._evidence`).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from kg._entities import EntityInfo, resolve_entity
from kg._evidence import (
    ENTITY_RELATIONS, Edge, check_as_of, entity_infos, entity_json, fetch_edges, relation_names,
)

#: Relations a dependency follows, from the dependent to what it depends on.
DEPENDENCY_RELATIONS: tuple[str, ...] = (
    "preTrainedOn", "postTrainedOn", "trainedOn", "runsOn", "usesHardware",
    "designedBy", "fabbedBy", "usesMemory", "memorySuppliedBy", "variantOf",
    "developedBy", "fundedBy",
)
#: Relations ``paths`` follows by default (all entity relations but licences, which join everything).
PATH_RELATIONS: tuple[str, ...] = tuple(r for r in ENTITY_RELATIONS if r != "licensedUnder")
#: Relations leading from a model towards the chips it uses.
MODEL_CHIP_RELATIONS: tuple[str, ...] = ("preTrainedOn", "postTrainedOn", "trainedOn", "runsOn")


@dataclass
class Traversal:
    """What a walk over the graph found: entities, the edges used, and depth from the start."""

    root: EntityInfo
    entities: dict[str, EntityInfo] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    depth: dict[str, int] = field(default_factory=dict)
    relations: list[str] = field(default_factory=list)
    as_of: str | None = None
    include_hedged: bool = False

    def edges_from(self, iri: str) -> list[Edge]:
        return [e for e in self.edges if e.subject == iri]

    def edges_to(self, iri: str) -> list[Edge]:
        return [e for e in self.edges if e.object == iri]

    def _base_json(self, command: str) -> dict:
        from kg._evidence import documents_json

        return {
            "command": command,
            "as_of": self.as_of,
            "include_hedged": self.include_hedged,
            "relations": list(self.relations),
            "root": entity_json(self.root),
            "entities": [dict(entity_json(self.entities[i]), depth=self.depth.get(i))
                         for i in sorted(self.entities, key=lambda i: (self.depth.get(i, 0), self.entities[i].label))],
            "edges": [e.to_json(self.entities) for e in self.edges],
            "documents": documents_json(self.edges),
        }


@dataclass
class DepsResult(Traversal):
    """Everything ``root`` depends on (downward)."""

    def to_json(self) -> dict:
        return self._base_json("deps")


@dataclass
class Dependent:
    """One entity that depends on the root of an impact query."""

    iri: str
    depth: int
    path: list[Edge]
    single_point_of_failure: bool


@dataclass
class ImpactResult(Traversal):
    """Everything that depends on ``root`` (upward), with a path each and single points of failure."""

    dependents: list[Dependent] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)

    @property
    def single_points_of_failure(self) -> list[Dependent]:
        return [d for d in self.dependents if d.single_point_of_failure]

    def to_json(self) -> dict:
        out = self._base_json("impact")
        out["roles"] = list(self.roles)
        out["dependents"] = [{
            "entity": entity_json(self.entities[d.iri]), "depth": d.depth,
            "single_point_of_failure": d.single_point_of_failure,
            "path": [{"subject": e.subject, "predicate": e.predicate, "object": e.object} for e in d.path],
        } for d in self.dependents]
        out["single_points_of_failure"] = [self.entities[d.iri].label for d in self.single_points_of_failure]
        return out


@dataclass
class PathsResult:
    """The shortest evidence-backed paths between two entities (direction ignored)."""

    source: EntityInfo
    target: EntityInfo
    paths: list[list[str]]
    edges: list[Edge]
    entities: dict[str, EntityInfo]
    relations: list[str]
    as_of: str | None = None
    include_hedged: bool = False

    @property
    def length(self) -> int | None:
        return len(self.paths[0]) - 1 if self.paths else None

    def steps(self, path: list[str]) -> list[list[Edge]]:
        """For each hop of ``path``, the edges (either direction) joining its two ends."""
        out = []
        for a, b in zip(path, path[1:]):
            out.append([e for e in self.edges if {e.subject, e.object} == {a, b}])
        return out

    def to_json(self) -> dict:
        from kg._evidence import documents_json

        return {
            "command": "path", "as_of": self.as_of, "include_hedged": self.include_hedged,
            "relations": list(self.relations),
            "source": entity_json(self.source), "target": entity_json(self.target),
            "length": self.length,
            "paths": [{"nodes": [self.entities[n].label for n in p], "iris": list(p),
                       "edges": [[{"subject": e.subject, "predicate": e.predicate, "object": e.object}
                                  for e in hop] for hop in self.steps(p)]} for p in self.paths],
            "entities": [entity_json(e) for e in self.entities.values()],
            "edges": [e.to_json(self.entities) for e in self.edges],
            "documents": documents_json(self.edges),
        }


def _setup(kg, entity, relations, as_of, default=DEPENDENCY_RELATIONS):
    as_of = check_as_of(as_of)
    relations = relation_names(relations) if relations else list(default)
    root = entity if isinstance(entity, EntityInfo) else resolve_entity(kg, entity)
    return root, relations, as_of


def _walk(kg, start: set[str], *, direction: str, relations, as_of, include_hedged, max_depth,
          stop: set[str] = frozenset()) -> tuple[dict[str, int], dict[tuple, Edge]]:
    """Breadth-first walk from ``start`` (``down``: subject -> object; ``up``: object -> subject)."""
    depth = {n: 0 for n in start}
    used: dict[tuple, Edge] = {}
    frontier = set(start)
    level = 0
    while frontier and (max_depth is None or level < max_depth):
        level += 1
        if direction == "down":
            found = fetch_edges(kg, subjects=frontier, predicates=relations, as_of=as_of)
        else:
            found = fetch_edges(kg, objects=frontier, predicates=relations, as_of=as_of)
        nxt = set()
        for key, edge in found.items():
            if not edge.keep(include_hedged=include_hedged):
                continue
            if edge.subject == edge.object:
                continue
            used[key] = edge
            other = edge.object if direction == "down" else edge.subject
            if other in stop:
                continue
            if other not in depth:
                depth[other] = level
                nxt.add(other)
        frontier = nxt
    return depth, used


def deps(kg, entity, *, relations=None, max_depth: int | None = None, include_hedged: bool = False,
         as_of: str | None = None) -> DepsResult:
    """Everything ``entity`` depends on, following dependency relations downward.

    Parameters
    ----------
    kg : KnowledgeGraph
    entity : name, alias or IRI (case-insensitive), or an ``EntityInfo``
    relations : relation names to follow (default :data:`DEPENDENCY_RELATIONS`)
    max_depth : stop after this many hops (default: no limit; cycles are cut)
    include_hedged : also follow edges whose only support is hedged
    as_of : only evidence from documents published on or before this date

    Returns
    -------
    DepsResult
        the entities reached (with their depth) and every edge used, each with its evidence

    Raises
    ------
    UnknownEntityError
        ``entity`` names nothing in the store (the message lists close names)

    Examples
    --------
    >>> from kg import Claim, Document, Entity, Extraction, KnowledgeGraph
    >>> graph = KnowledgeGraph.open(None)
    >>> graph.add_extraction(Extraction(
    ...     Document("note-1", "Fab B makes Chip A.", "note-1.md", published="2026-01-05"),
    ...     [Entity("Chip A", "Chip"), Entity("Fab B", "Foundry")],
    ...     [Claim("Chip A", "fabbedBy", "Fab B", sentence="Fab B makes Chip A.")]))
    >>> [(e.predicate, e.modality, e.support) for e in deps(graph, "chip a").edges]
    [('fabbedBy', 'asserted', 1)]
    >>> deps(graph, "chip a", as_of="2025-12-31").edges
    []
    """
    root, relations, as_of = _setup(kg, entity, relations, as_of)
    depth, used = _walk(kg, {root.iri}, direction="down", relations=relations, as_of=as_of,
                        include_hedged=include_hedged, max_depth=max_depth)
    edges = [e for e in used.values() if e.subject in depth and e.object in depth]
    edges.sort(key=lambda e: (depth[e.subject], e.subject, relations.index(e.predicate), e.object))
    return DepsResult(root=root, entities=entity_infos(kg, depth), edges=edges, depth=depth,
                      relations=relations, as_of=as_of, include_hedged=include_hedged)


def impact(kg, entity, *, relations=None, max_depth: int | None = None, include_hedged: bool = False,
           as_of: str | None = None) -> ImpactResult:
    """Everything that depends on ``entity``, each with a path to it and whether it has an alternative.

    A dependent is a *single point of failure* case when, with ``entity``
    removed, it can no longer reach any substitute: an entity outside the
    dependents that has one of ``entity``'s classes or is reached through
    one of the relations by which ``entity`` is reached (its *roles*, e.g.
    ``fabbedBy`` for a foundry). A chip made only by TSMC, and a model trained
    only on such chips, have no alternative to TSMC; a chip also made by
    Samsung has.

    Parameters
    ----------
    kg : KnowledgeGraph
    entity : name, alias or IRI (case-insensitive)
    relations : relation names to follow (default :data:`DEPENDENCY_RELATIONS`)
    max_depth : stop after this many hops upward
    include_hedged : also follow edges whose only support is hedged
    as_of : only evidence from documents published on or before this date

    Returns
    -------
    ImpactResult

    Raises
    ------
    UnknownEntityError
        ``entity`` names nothing in the store
    """
    root, relations, as_of = _setup(kg, entity, relations, as_of)
    depth, used = _walk(kg, {root.iri}, direction="up", relations=relations, as_of=as_of,
                        include_hedged=include_hedged, max_depth=max_depth)
    edges = [e for e in used.values() if e.subject in depth and e.object in depth]
    dependents = set(depth) - {root.iri}
    # One shortest path per dependent, following the BFS levels back down to the root.
    down: dict[str, list[Edge]] = {}
    for e in edges:
        down.setdefault(e.subject, []).append(e)
    paths: dict[str, list[Edge]] = {root.iri: []}
    for iri in sorted(dependents, key=lambda i: depth[i]):
        step = min((e for e in down.get(iri, ()) if e.object in paths and depth[e.object] == depth[iri] - 1),
                   key=lambda e: (relations.index(e.predicate), e.object), default=None)
        paths[iri] = [step, *paths[step.object]] if step else []
    roles = sorted({e.predicate for e in edges if e.object == root.iri})
    with_alternative = _alternatives(kg, root, dependents, roles, relations=relations, as_of=as_of,
                                     include_hedged=include_hedged)
    entities = entity_infos(kg, depth)
    result = [Dependent(i, depth[i], paths[i], i not in with_alternative)
              for i in sorted(dependents, key=lambda i: (depth[i], entities[i].label.casefold()))]
    edges.sort(key=lambda e: (depth[e.object], e.object, relations.index(e.predicate), e.subject))
    return ImpactResult(root=root, entities=entities, edges=edges, depth=depth, relations=relations,
                        as_of=as_of, include_hedged=include_hedged, dependents=result, roles=roles)


def _alternatives(kg, root: EntityInfo, dependents: set[str], roles: list[str], *, relations, as_of,
                  include_hedged) -> set[str]:
    """The dependents that still reach a substitute for ``root`` once ``root`` is gone."""
    if not dependents:
        return set()
    from kg._evidence import entity_classes

    depth, used = _walk(kg, set(dependents), direction="down", relations=relations, as_of=as_of,
                        include_hedged=include_hedged, max_depth=None, stop={root.iri})
    root_classes = set(entity_classes(kg, root.iri)) - {"Organization"}
    candidates = {e.object for e in used.values() if e.object != root.iri and e.object not in dependents}
    classes = {}
    if root_classes and candidates:
        from kg._evidence import _chunks, _iri, _values, local_name

        for chunk in _chunks(sorted(candidates)):
            for row in kg.select(f"SELECT DISTINCT ?e ?c WHERE {{ {_values('?e', [_iri(x) for x in chunk])} "
                                 "GRAPH ?g { ?e a ?c } }"):
                classes.setdefault(row["e"], set()).add(local_name(row["c"]))
    substitutes = {e.object for e in used.values()
                   if e.object in candidates and (e.predicate in roles or classes.get(e.object, set()) & root_classes)}
    # Reverse reachability from the substitutes over the edges that do not touch the root.
    parents: dict[str, set[str]] = {}
    for e in used.values():
        if root.iri not in (e.subject, e.object):
            parents.setdefault(e.object, set()).add(e.subject)
    reached = set(substitutes)
    queue = deque(substitutes)
    while queue:
        node = queue.popleft()
        for parent in parents.get(node, ()):
            if parent not in reached:
                reached.add(parent)
                queue.append(parent)
    return reached & dependents


def paths(kg, a, b, *, relations=None, include_hedged: bool = False, as_of: str | None = None,
          max_depth: int = 6, max_paths: int = 10) -> PathsResult:
    """The shortest evidence-backed paths between ``a`` and ``b``, in either direction of each edge.

    A bidirectional breadth-first search over the claims (one query per level
    and side); only asserted edges (and hedged ones with ``include_hedged``)
    count, never negated-only ones.

    Parameters
    ----------
    kg : KnowledgeGraph
    a, b : entity names, aliases or IRIs (case-insensitive)
    relations : relation names to follow (default :data:`PATH_RELATIONS`)
    include_hedged : also use edges whose only support is hedged
    as_of : only evidence from documents published on or before this date
    max_depth : give up beyond this many hops
    max_paths : return at most this many paths (all of the same, shortest, length)

    Returns
    -------
    PathsResult
        ``paths`` is empty when no path of at most ``max_depth`` hops exists
    """
    as_of = check_as_of(as_of)
    relations = relation_names(relations) if relations else list(PATH_RELATIONS)
    source = resolve_entity(kg, a)
    target = resolve_entity(kg, b)
    if source.iri == target.iri:
        return PathsResult(source, target, [[source.iri]], [], {source.iri: source}, relations, as_of,
                           include_hedged)
    sides = {"a": ({source.iri: 0}, {source.iri: set()}), "b": ({target.iri: 0}, {target.iri: set()})}
    frontiers = {"a": {source.iri}, "b": {target.iri}}
    used: dict[tuple, Edge] = {}
    meeting: set[str] = set()
    hops = 0
    while frontiers["a"] and frontiers["b"] and hops < max_depth and not meeting:
        side = "a" if len(frontiers["a"]) <= len(frontiers["b"]) else "b"
        dist, pred = sides[side]
        frontier = frontiers[side]
        found = dict(fetch_edges(kg, subjects=frontier, predicates=relations, as_of=as_of))
        found.update(fetch_edges(kg, objects=frontier, predicates=relations, as_of=as_of))
        nxt = set()
        level = dist[next(iter(frontier))] + 1
        for key, edge in found.items():
            if not edge.keep(include_hedged=include_hedged) or edge.subject == edge.object:
                continue
            for here, there in ((edge.subject, edge.object), (edge.object, edge.subject)):
                if here not in frontier:
                    continue
                used[key] = edge
                if there not in dist:
                    dist[there] = level
                    pred[there] = {here}
                    nxt.add(there)
                elif dist[there] == level:
                    pred[there].add(here)
        frontiers[side] = nxt
        hops += 1
        meeting = set(sides["a"][0]) & set(sides["b"][0])
    found_paths: list[list[str]] = []
    if meeting:
        best = min(sides["a"][0][n] + sides["b"][0][n] for n in meeting)
        for node in sorted(n for n in meeting if sides["a"][0][n] + sides["b"][0][n] == best):
            for left in _unwind(node, sides["a"][1]):
                for right in _unwind(node, sides["b"][1]):
                    candidate = list(reversed(left)) + right[1:]
                    if candidate not in found_paths:
                        found_paths.append(candidate)
                    if len(found_paths) >= max_paths:
                        break
    nodes = {n for p in found_paths for n in p}
    edges = [e for e in used.values() if e.subject in nodes and e.object in nodes
             and any(_adjacent(p, e.subject, e.object) for p in found_paths)]
    entities = entity_infos(kg, nodes | {source.iri, target.iri})
    return PathsResult(source, target, found_paths[:max_paths], edges, entities, relations, as_of, include_hedged)


def _adjacent(path: list[str], x: str, y: str) -> bool:
    return any({p, q} == {x, y} for p, q in zip(path, path[1:]))


def _unwind(node: str, pred: dict[str, set[str]], limit: int = 50) -> list[list[str]]:
    """Every predecessor chain from ``node`` back to the side's start (``[node, ..., start]``)."""
    chains = [[node]]
    done = []
    while chains and len(done) < limit:
        chain = chains.pop()
        parents = pred.get(chain[-1]) or set()
        if not parents:
            done.append(chain)
            continue
        for parent in sorted(parents):
            chains.append(chain + [parent])
    return sorted(done)


@dataclass
class Chokepoint:
    """An entity whose removal cuts models off from every target (e.g. every foundry)."""

    iri: str
    label: str
    cls: str | None
    cut: list[str]  # labels of the models that lose every target without it
    reach: int  # models with a dependency path through it at all


@dataclass
class ChokepointsResult:
    models: int  # models that reach a target at all
    targets: list[str]
    chokepoints: list[Chokepoint]
    as_of: str | None = None
    target_relations: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "command": "chokepoints", "as_of": self.as_of, "target_relations": self.target_relations,
            "models_reaching_a_target": self.models, "targets": self.targets,
            "chokepoints": [{"iri": c.iri, "label": c.label, "class": c.cls, "models_cut": len(c.cut),
                             "models": c.cut, "models_depending": c.reach} for c in self.chokepoints],
        }


def chokepoints(kg, *, target_relations=("fabbedBy",), include_hedged: bool = False,
                as_of: str | None = None, top: int = 10) -> ChokepointsResult:
    """Entities whose removal disconnects the most models from every target (by default: any foundry).

    On the networkx projection of the dependency relations, a super-sink
    joins every target (the objects of ``target_relations``); the dominator
    tree of the reversed graph names, for each model, every entity that all of
    its paths to a target pass through.

    Parameters
    ----------
    kg : KnowledgeGraph
    target_relations : relations whose objects are the targets (``fabbedBy``: foundries;
        ``memorySuppliedBy``: memory vendors)
    include_hedged : also use hedged-only edges
    as_of : only evidence from documents published on or before this date
    top : how many chokepoints to return

    Returns
    -------
    ChokepointsResult
    """
    import networkx as nx

    from kg._projection import project

    as_of = check_as_of(as_of)
    target_relations = relation_names(target_relations)
    graph = project(kg, as_of=as_of, relations=list(DEPENDENCY_RELATIONS), include_hedged=include_hedged,
                    max_evidence=0)
    simple = nx.DiGraph()
    sink = "\x00sink"
    targets = set()
    for s, o, key in graph.edges(keys=True):
        if key in target_relations:
            targets.add(o)
        simple.add_edge(s, o)
    for t in targets:
        simple.add_edge(t, sink)
    models = [n for n, d in graph.nodes(data=True) if d.get("cls") == "AIModel"]
    if not targets:
        return ChokepointsResult(0, [], [], as_of, target_relations)
    reverse = simple.reverse(copy=False)
    idom = nx.immediate_dominators(reverse, sink)
    reaching = [m for m in models if m in idom]
    cut: dict[str, list[str]] = {}
    for m in reaching:
        node = idom[m]
        while node != sink:
            cut.setdefault(node, []).append(m)
            node = idom[node]
    reach = {}
    for node in cut:
        ancestors = nx.ancestors(simple, node)
        reach[node] = sum(1 for m in reaching if m in ancestors)
    label = lambda n: graph.nodes[n]["label"]  # noqa: E731
    ranked = sorted(cut, key=lambda n: (-len(cut[n]), -reach[n], label(n).casefold()))[:top]
    points = [Chokepoint(n, label(n), graph.nodes[n]["cls"], sorted(label(m) for m in cut[n]), reach[n])
              for n in ranked]
    return ChokepointsResult(len(reaching), sorted(label(t) for t in targets), points, as_of, target_relations)
