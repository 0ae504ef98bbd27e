"""Agglomerative clustering over a sparse similarity graph, with average or complete linkage.

Items are ``0 … n-1`` with an optional weight each (a node may stand for several identical items);
similarities are given only for candidate pairs (blocking), every other pair counts as 0. Clusters
merge best-first while their linkage is at least ``threshold``:

- ``average``: Σ w_i w_j s(i, j) over cross pairs / (W_A · W_B) — the UPGMA linkage, where a pair
  that was never a candidate contributes 0;
- ``complete``: the minimum similarity over cross pairs, so a merge needs every cross pair to be a
  candidate at or above the threshold.

The work is proportional to the number of candidate edges times the number of merges touching
them (a heap with lazy deletion), never to n².
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence
from typing import Literal

Linkage = Literal["average", "complete"]


def cluster(
    n: int,
    edges: Iterable[tuple[int, int, float]],
    threshold: float,
    linkage: Linkage = "average",
    weights: Sequence[int] | None = None,
) -> list[int]:
    """The cluster label (the smallest member index) of each item ``0 … n-1``.

    ``edges`` are ``(i, j, similarity)`` with ``i != j``; a repeated pair keeps its largest
    similarity. Ties are broken by item index, so the result is deterministic.
    """
    if linkage not in ("average", "complete"):
        raise ValueError(f"unknown linkage {linkage!r}")
    w = [int(x) for x in weights] if weights is not None else [1] * n
    # per cluster: neighbour → (Σ w w s  for average | min s for complete, number of weighted pairs)
    links: list[dict[int, tuple[float, int]]] = [{} for _ in range(n)]
    for i, j, s in edges:
        if i == j or not (0 <= i < n and 0 <= j < n):
            continue
        a, b = (i, j) if i < j else (j, i)
        pairs = w[a] * w[b]
        value = s * pairs if linkage == "average" else s
        old = links[a].get(b)
        if old is not None and (old[0] / pairs if linkage == "average" else old[0]) >= s:
            continue
        links[a][b] = links[b][a] = (value, pairs)
    size = list(w)
    alive = [True] * n
    members: list[list[int]] = [[i] for i in range(n)]
    heap: list[tuple[float, int, int]] = []

    def score(a: int, b: int) -> float | None:
        total, pairs = links[a][b]
        if linkage == "average":
            return total / (size[a] * size[b])
        return total if pairs == size[a] * size[b] else None  # complete: every cross pair present

    for a in range(n):
        for b in links[a]:
            if a < b:
                s = score(a, b)
                if s is not None and s >= threshold:
                    heap.append((-s, a, b))
    heapq.heapify(heap)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if not (alive[a] and alive[b]) or b not in links[a]:
            continue
        current = score(a, b)
        if current is None or abs(current + negative) > 1e-12:
            continue  # stale entry: the clusters changed since it was pushed
        # merge b into a
        alive[b] = False
        members[a].extend(members[b])
        members[b] = []
        del links[a][b]
        del links[b][a]
        for x, (value, pairs) in links[b].items():
            del links[x][b]
            if x in links[a]:
                old_value, old_pairs = links[a][x]
                merged = (
                    (old_value + value, old_pairs + pairs)
                    if linkage == "average"
                    else (min(old_value, value), old_pairs + pairs)
                )
            else:
                merged = (value, pairs)
            links[a][x] = links[x][a] = merged
        links[b] = {}
        size[a] += size[b]
        for x in links[a]:
            s = score(a, x)
            if s is not None and s >= threshold:
                heapq.heappush(heap, (-s, min(a, x), max(a, x)))
    labels = [0] * n
    for root in range(n):
        if alive[root]:
            label = min(members[root])
            for item in members[root]:
                labels[item] = label
    return labels
