"""Node positions computed in Python, so a big page needs no physics in the browser.

networkx's spring layout is used for small components; above a few hundred
nodes (where networkx would need SciPy) a Fruchterman-Reingold variant in
NumPy with sampled repulsion keeps the cost linear per iteration. Components
are laid out separately and packed on a spiral, biggest first.
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np

_DENSE_LIMIT = 400  # networkx's dense spring layout up to this many nodes


def _sampled_spring(graph: nx.Graph, *, seed: int, iterations: int = 120, samples: int = 24) -> np.ndarray:
    """Fruchterman-Reingold in the unit square with repulsion from ``samples`` random nodes per node."""
    nodes = list(graph)
    n = len(nodes)
    index = {node: i for i, node in enumerate(nodes)}
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2))
    edges = np.array([(index[u], index[v]) for u, v in graph.edges() if u != v], dtype=np.int64).reshape(-1, 2)
    k = 1.0 / math.sqrt(n)
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    scale = (n - 1) / samples
    for _ in range(iterations):
        others = rng.integers(0, n, size=(n, samples))
        delta = pos[:, None, :] - pos[others]
        dist2 = np.maximum((delta ** 2).sum(axis=2), 1e-6)
        displacement = (delta * (k * k / dist2)[:, :, None]).sum(axis=1) * scale
        if len(edges):
            d = pos[edges[:, 0]] - pos[edges[:, 1]]
            dist = np.sqrt(np.maximum((d ** 2).sum(axis=1), 1e-12))
            pull = d * (dist / k)[:, None]
            np.add.at(displacement, edges[:, 0], -pull)
            np.add.at(displacement, edges[:, 1], pull)
        length = np.sqrt(np.maximum((displacement ** 2).sum(axis=1), 1e-12))
        pos += displacement * (np.minimum(length, temperature) / length)[:, None]
        temperature -= cooling
    pos -= pos.mean(axis=0)
    return pos


def layout(graph: nx.Graph, *, seed: int = 7, spacing: float = 60.0) -> dict:
    """Positions ``{node: (x, y)}`` in pixels, about ``spacing`` apart on average.

    Examples
    --------
    >>> pos = layout(nx.path_graph(3))
    >>> sorted(pos) == [0, 1, 2] and all(len(p) == 2 for p in pos.values())
    True
    """
    undirected = nx.Graph(graph)
    components = sorted(nx.connected_components(undirected), key=len, reverse=True)
    positions: dict = {}
    placed: list[tuple[float, float, float]] = []  # x, y, radius of each placed component
    angle = 0.0
    for number, component in enumerate(components):
        sub = undirected.subgraph(component)
        n = len(component)
        radius = spacing * math.sqrt(n) * 0.75 + spacing * 0.5
        if n == 1:
            local = {next(iter(component)): np.zeros(2)}
        elif n <= _DENSE_LIMIT:
            raw = nx.spring_layout(sub, seed=seed, iterations=60)
            arr = np.array(list(raw.values()))
            arr -= arr.mean(axis=0)
            span = max(np.abs(arr).max(), 1e-9)
            local = {node: p / span * radius for node, p in zip(raw, arr)}
        else:
            arr = _sampled_spring(sub, seed=seed)
            span = max(np.abs(arr).max(), 1e-9)
            local = {node: p / span * radius for node, p in zip(sub, arr)}
        if number == 0:
            centre = (0.0, 0.0)
        else:  # walk out along a spiral until the disc fits
            distance = placed[0][2] + radius + spacing
            while True:
                centre = (distance * math.cos(angle), distance * math.sin(angle))
                if all(math.hypot(centre[0] - x, centre[1] - y) >= r + radius + spacing * 0.3 for x, y, r in placed):
                    break
                angle += 0.35
                distance += spacing * 0.25
        placed.append((centre[0], centre[1], radius))
        for node, p in local.items():
            positions[node] = (float(centre[0] + p[0]), float(centre[1] + p[1]))
    return positions
