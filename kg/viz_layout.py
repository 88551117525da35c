"""Node positions for the graph page, computed before the page opens.

Browser-side physics takes minutes to settle a few thousand nodes and networkx's
spring layout takes about 50 s for 5,000 (kamada_kawai far longer), so large
components get a scalable two-step layout instead:

1. PivotMDS (Brandes & Pich): breadth-first distances from a few dozen pivot
   nodes, double-centred and projected on their two main axes.  This gives the
   global shape in a fraction of a second.
2. A short Fruchterman-Reingold refinement in which repulsion acts only between
   nodes closer than a cut-off (the "grid variant" of the original paper, with a
   k-d tree finding the close pairs), which spreads out the leaves that PivotMDS
   puts on top of their hub.

Connected components are laid out one by one and packed in rows, largest first.
"""

from __future__ import annotations

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components, shortest_path
from scipy.spatial import cKDTree

#: Ideal edge length in layout units; the page scales positions by this.
EDGE_LENGTH = 1.0


def layout(n: int, edges: list[tuple[int, int]], seed: int = 1) -> np.ndarray:
    """Positions (n x 2) for ``n`` nodes joined by undirected ``edges``."""
    pos = np.zeros((n, 2))
    if n == 0:
        return pos
    rng = np.random.default_rng(seed)
    adjacency = _adjacency(n, edges)
    count, labels = connected_components(adjacency, directed=False)
    parts = [np.flatnonzero(labels == c) for c in range(count)]
    parts.sort(key=lambda members: (-len(members), members[0]))
    placed = []
    for members in parts:
        sub = adjacency[members][:, members]
        placed.append(_component_layout(sub, rng))
    for members, coords, offset in zip(parts, placed, _pack(placed)):
        pos[members] = coords + offset
    return pos


def _adjacency(n: int, edges: list[tuple[int, int]]):
    if not edges:
        return coo_matrix((n, n)).tocsr()
    src, dst = np.array(edges, dtype=np.int64).T
    keep = src != dst
    src, dst = src[keep], dst[keep]
    data = np.ones(2 * len(src))
    matrix = coo_matrix((data, (np.concatenate([src, dst]), np.concatenate([dst, src]))),
                        shape=(n, n)).tocsr()
    matrix.data[:] = 1.0
    return matrix


def _component_layout(adjacency, rng: np.random.Generator) -> np.ndarray:
    """Positions of one connected component, centred on the origin."""
    n = adjacency.shape[0]
    if n == 1:
        return np.zeros((1, 2))
    if n == 2:
        return np.array([[-0.5, 0.0], [0.5, 0.0]]) * EDGE_LENGTH
    pos = _pivot_mds(adjacency, rng)
    pos = _refine(adjacency, pos, rng)
    pos = _separate(pos, rng)
    return pos - pos.mean(axis=0)


def _pivot_mds(adjacency, rng: np.random.Generator, pivots: int = 40) -> np.ndarray:
    """Global shape from graph distances to a few far-apart pivot nodes."""
    n = adjacency.shape[0]
    k = min(pivots, n)
    degrees = np.asarray(adjacency.sum(axis=1)).ravel()
    chosen = [int(np.argmax(degrees))]
    dist = np.empty((k, n))
    nearest = np.full(n, np.inf)
    for i in range(k):
        dist[i] = shortest_path(adjacency, unweighted=True, indices=chosen[i])
        nearest = np.minimum(nearest, dist[i])
        if i + 1 < k:
            chosen.append(int(np.argmax(nearest)))
    d2 = dist.T ** 2  # n x k
    centred = (d2 - d2.mean(axis=0) - d2.mean(axis=1, keepdims=True) + d2.mean()) * -0.5
    _, vectors = np.linalg.eigh(centred.T @ centred)  # k x k: cheap whatever n is
    pos = centred @ vectors[:, ::-1][:, :2]
    if pos.shape[1] < 2:
        pos = np.column_stack([pos, np.zeros(n)])
    pos = _scale_to_area(pos)
    return pos + rng.normal(scale=0.05 * EDGE_LENGTH, size=pos.shape)


def _scale_to_area(pos: np.ndarray) -> np.ndarray:
    """Spread to about one EDGE_LENGTH square per node, so few nodes start crowded."""
    pos = pos - pos.mean(axis=0)
    radius = float(np.sqrt((pos ** 2).sum(axis=1).mean()))
    target = 0.6 * EDGE_LENGTH * np.sqrt(len(pos))
    return pos * (target / radius) if radius > 1e-9 else pos


def _refine(adjacency, pos: np.ndarray, rng: np.random.Generator,
            iterations: int = 60) -> np.ndarray:
    """Fruchterman-Reingold with cut-off repulsion: spreads crowded neighbourhoods."""
    n = len(pos)
    upper = adjacency.tocoo()
    keep = upper.row < upper.col
    src, dst = upper.row[keep], upper.col[keep]
    k = EDGE_LENGTH
    cutoff = 2.5 * k
    extent = max(np.ptp(pos, axis=0).max(), k * np.sqrt(n))
    for step in range(iterations):
        temperature = 0.1 * extent * (1 - step / iterations) + 0.02 * k
        disp = np.zeros_like(pos)
        delta = pos[dst] - pos[src]
        dist = np.maximum(np.linalg.norm(delta, axis=1), 1e-6)
        pull = delta * (dist / k)[:, None]
        _accumulate(disp, src, dst, pull)
        pairs = cKDTree(pos).query_pairs(cutoff, output_type="ndarray")
        if len(pairs):
            a, b = pairs[:, 0], pairs[:, 1]
            delta = pos[a] - pos[b]
            dist2 = np.einsum("ij,ij->i", delta, delta)
            tiny = dist2 < 1e-12
            if tiny.any():
                delta[tiny] = rng.normal(scale=1e-3, size=(int(tiny.sum()), 2))
                dist2[tiny] = np.einsum("ij,ij->i", delta[tiny], delta[tiny])
            push = delta * (k * k / dist2)[:, None]
            _accumulate(disp, a, b, push)
        disp += _far_field(pos, cutoff)
        length = np.maximum(np.linalg.norm(disp, axis=1), 1e-9)
        pos = pos + disp * (np.minimum(length, temperature) / length)[:, None]
    return pos


def _separate(pos: np.ndarray, rng: np.random.Generator, iterations: int = 8) -> np.ndarray:
    """Push apart nodes closer than one edge length (those would be drawn overlapping)."""
    k = EDGE_LENGTH
    for _ in range(iterations):
        pairs = cKDTree(pos).query_pairs(k, output_type="ndarray")
        if not len(pairs):
            break
        a, b = pairs[:, 0], pairs[:, 1]
        delta = pos[a] - pos[b]
        dist = np.linalg.norm(delta, axis=1)
        tiny = dist < 1e-9
        delta[tiny] = rng.normal(size=(int(tiny.sum()), 2))
        dist[tiny] = np.linalg.norm(delta[tiny], axis=1)
        push = delta * ((k - dist) / (2 * dist))[:, None]  # half the overlap each
        disp = np.zeros_like(pos)
        _accumulate(disp, a, b, push)
        length = np.maximum(np.linalg.norm(disp, axis=1), 1e-9)
        pos = pos + disp * (np.minimum(length, 0.5 * k) / length)[:, None]
    return pos


def _far_field(pos: np.ndarray, cutoff: float, side: int = 24) -> np.ndarray:
    """Repulsion from the whole layout, computed between grid cells.

    Each occupied cell acts as one heavy node at its centre of mass; every node
    feels the force that the *other* cells exert on its own cell's centre (the
    exact close-pair repulsion covers what happens inside a cell).  Cost:
    nodes + occupied cells squared, independent of how many pairs are close.
    """
    low = pos.min(axis=0)
    span = np.maximum(np.ptp(pos, axis=0), 1e-9)
    cells = np.clip(np.ceil(span / cutoff), 1, side).astype(np.int64)
    index = np.minimum(((pos - low) / (span / cells)).astype(np.int64), cells - 1)
    flat = index[:, 0] * cells[1] + index[:, 1]
    used, slot, mass = np.unique(flat, return_inverse=True, return_counts=True)
    centre = np.column_stack([np.bincount(slot, pos[:, axis]) for axis in (0, 1)])
    centre /= mass[:, None]
    delta = centre[:, None, :] - centre[None, :, :]
    dist2 = np.einsum("ijk,ijk->ij", delta, delta)
    np.fill_diagonal(dist2, np.inf)
    dist2 = np.maximum(dist2, cutoff * cutoff)
    weight = (EDGE_LENGTH ** 2) * mass[None, :] / dist2
    force = np.einsum("ij,ijk->ik", weight, delta)
    return force[slot]


def _accumulate(disp: np.ndarray, a: np.ndarray, b: np.ndarray, force: np.ndarray) -> None:
    """disp[a] += force and disp[b] -= force, summing repeated indices (fast np.add.at)."""
    n = len(disp)
    for axis in (0, 1):
        disp[:, axis] += np.bincount(a, force[:, axis], n) - np.bincount(b, force[:, axis], n)


def _pack(placed: list[np.ndarray], gap: float = 2.0) -> list[np.ndarray]:
    """Offsets that put the components in rows of roughly square overall shape."""
    sizes = [np.ptp(p, axis=0) + gap * EDGE_LENGTH for p in placed]
    total_area = sum(float(w * h) for w, h in sizes)
    row_width = max(max(float(w) for w, _ in sizes), np.sqrt(total_area) * 1.2)
    offsets = []
    x = y = row_height = 0.0
    for coords, (w, h) in zip(placed, sizes):
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        low = coords.min(axis=0)
        offsets.append(np.array([x, y]) - low)
        x += float(w)
        row_height = max(row_height, float(h))
    return offsets
