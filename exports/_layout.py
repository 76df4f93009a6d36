"""Node positions computed in Python, so a big page needs no physics in the browser.

networkx's spring layout is used for small components; above a few hundred
nodes (where networkx would need SciPy) a Fruchterman-Reingold variant in
NumPy with sampled repulsion keeps the cost linear per iteration. Components
are laid out separately and packed in rows, biggest first.
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np

_DENSE_LIMIT = 400  # networkx's dense spring layout up to this many nodes


def _sampled_spring(graph: nx.Graph, *, seed: int, iterations: int = 150, samples: int = 16,
                    window: int = 12) -> np.ndarray:
    """Fruchterman-Reingold in the unit square, linear per iteration.

    Repulsion comes from ``samples`` random nodes (the far field, scaled up)
    plus the ``window`` nodes next in a grid-cell ordering (the near field,
    which keeps crowded hubs from piling their neighbours on one spot).
    """
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
    # ForceAtlas2's mass: a hub repels (and is repelled) in proportion to its degree, which
    # opens room around it for its neighbours instead of piling them on one spot
    mass = np.bincount(edges.ravel(), minlength=n).astype(float) + 1.0 if len(edges) else np.ones(n)
    mass = mass / mass.mean()
    for _ in range(iterations):
        others = rng.integers(0, n, size=(n, samples))
        delta = pos[:, None, :] - pos[others]
        dist2 = np.maximum((delta ** 2).sum(axis=2), 1e-6)
        weight = k * k * mass[:, None] * mass[others] / dist2
        displacement = (delta * weight[:, :, None]).sum(axis=1) * scale
        # near field: neighbours in a jittered grid of cell size 2k, ordered cell by cell
        shift = rng.random(2) * 2 * k
        cells = np.floor((pos + shift) / (2 * k)).astype(np.int64)
        order = np.lexsort((cells[:, 1], cells[:, 0]))
        key = cells[order, 0] * 1_000_003 + cells[order, 1]
        for step in range(1, min(window, n - 1) + 1):
            a, b = order[:-step], order[step:]
            same = key[:-step] == key[step:]
            a, b = a[same], b[same]
            d = pos[a] - pos[b]
            d2 = np.maximum((d ** 2).sum(axis=1), 1e-6)
            push = d * (k * k * mass[a] * mass[b] / d2)[:, None]
            np.add.at(displacement, a, push)
            np.add.at(displacement, b, -push)
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

    Each connected component is laid out on its own, then the components are
    packed in rows (shelf packing), biggest first.

    Examples
    --------
    >>> pos = layout(nx.path_graph(3))
    >>> sorted(pos) == [0, 1, 2] and all(len(p) == 2 for p in pos.values())
    True
    """
    undirected = nx.Graph(graph)
    components = sorted(nx.connected_components(undirected), key=len, reverse=True)
    boxes = []  # (local positions centred on 0, half width, half height)
    for component in components:
        sub = undirected.subgraph(component)
        n = len(component)
        radius = spacing * math.sqrt(n) * 0.75 if n > 1 else 0.0
        if n == 1:
            nodes, arr = list(component), np.zeros((1, 2))
        elif n <= _DENSE_LIMIT:
            raw = nx.spring_layout(sub, seed=seed, iterations=60)
            nodes, arr = list(raw), np.array(list(raw.values()))
        else:
            nodes, arr = list(sub), _sampled_spring(sub, seed=seed)
        if n > 1:
            arr = arr - arr.mean(axis=0)
            arr = arr / max(np.abs(arr).max(), 1e-9) * radius
        half = np.abs(arr).max(axis=0) + spacing / 2
        boxes.append((nodes, arr, float(half[0]), float(half[1])))
    total = sum(4 * w * h for _n, _a, w, h in boxes)
    row_width = max(max((2 * w for _n, _a, w, _h in boxes), default=0.0), math.sqrt(total) * 1.2)
    positions: dict = {}
    x = y = row_height = 0.0
    for nodes, arr, half_w, half_h in boxes:
        if x > 0 and x + 2 * half_w > row_width:  # next row
            x, y, row_height = 0.0, y + row_height, 0.0
        centre = (x + half_w, y + half_h)
        for node, (px, py) in zip(nodes, arr):
            positions[node] = (float(centre[0] + px), float(centre[1] + py))
        x += 2 * half_w
        row_height = max(row_height, 2 * half_h)
    return positions
