"""Coreference and clustering measures, implemented from their definitions.

A clustering is given as a mapping ``mention → cluster label`` (any hashable labels). The key
(gold) and the response (system) are usually over the same mentions; a mention present on one side
only counts as a singleton on the other, so no mention is silently dropped.

- MUC (Vilain et al. 1995): link-based. Recall = Σ_K (|K| − |p(K)|) / Σ_K (|K| − 1), where p(K)
  is the partition of key cluster K by the response; precision swaps key and response.
- B³ (Bagga & Baldwin 1998): mention-based. For each mention m, precision = |R(m) ∩ K(m)| / |R(m)|
  and recall = |R(m) ∩ K(m)| / |K(m)|, averaged over mentions.
- CEAF-e (Luo 2005): entity-based. The one-to-one alignment of key and response clusters that
  maximises Σ φ4(K, R), φ4 = 2|K ∩ R| / (|K| + |R|); recall = Σ φ4 / #key clusters, precision =
  Σ φ4 / #response clusters.
- CoNLL F1 = mean of the MUC, B³ and CEAF-e F1 (Pradhan et al. 2012).
- ARI (Hubert & Arabie 1985): the Rand index adjusted for chance, from the contingency table.

Singletons are included everywhere, as in the ECB+ literature (Cybulska & Vossen 2015, Barhom et
al. 2019).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Mapping

import numpy as np

Clustering = Mapping[Hashable, Hashable]


def _clusters(assign: Clustering) -> list[set[Hashable]]:
    groups: dict[Hashable, set[Hashable]] = defaultdict(set)
    for mention, label in assign.items():
        groups[label].add(mention)
    return list(groups.values())


def _complete(key: Clustering, response: Clustering) -> tuple[dict[Hashable, object], dict[Hashable, object]]:
    """Both clusterings over the union of mentions; a missing mention becomes its own singleton."""
    mentions = set(key) | set(response)
    k = {m: ("k", key[m]) if m in key else ("ks", m) for m in mentions}
    r = {m: ("r", response[m]) if m in response else ("rs", m) for m in mentions}
    return k, r


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _prf(p: float, r: float) -> dict[str, float]:
    return {"p": p, "r": r, "f1": _f1(p, r)}


def _muc_recall(key: Clustering, response: Clustering) -> tuple[int, int]:
    numerator = denominator = 0
    for cluster in _clusters(key):
        parts = {response[m] for m in cluster}
        numerator += len(cluster) - len(parts)
        denominator += len(cluster) - 1
    return numerator, denominator


def muc(key: Clustering, response: Clustering) -> dict[str, float]:
    """MUC precision, recall and F1 (0 when there is no link to find or to judge)."""
    k, r = _complete(key, response)
    rn, rd = _muc_recall(k, r)
    pn, pd = _muc_recall(r, k)
    return _prf(pn / pd if pd else 0.0, rn / rd if rd else 0.0)


def b_cubed(key: Clustering, response: Clustering) -> dict[str, float]:
    """B³ precision, recall and F1, averaged over mentions."""
    k, r = _complete(key, response)
    if not k:
        return _prf(0.0, 0.0)
    overlap = Counter((k[m], r[m]) for m in k)
    k_size = Counter(k.values())
    r_size = Counter(r.values())
    precision = sum(n * n / r_size[rl] for (_, rl), n in overlap.items()) / len(k)
    recall = sum(n * n / k_size[kl] for (kl, _), n in overlap.items()) / len(k)
    return _prf(precision, recall)


def ceaf_e(key: Clustering, response: Clustering) -> dict[str, float]:
    """Entity-based CEAF (φ4) precision, recall and F1 with an optimal one-to-one alignment."""
    from scipy.optimize import linear_sum_assignment

    k, r = _complete(key, response)
    if not k:
        return _prf(0.0, 0.0)
    k_labels = {label: i for i, label in enumerate(dict.fromkeys(k.values()))}
    r_labels = {label: i for i, label in enumerate(dict.fromkeys(r.values()))}
    k_size = Counter(k.values())
    r_size = Counter(r.values())
    overlap = Counter((k[m], r[m]) for m in k)
    # only clusters that share a mention can score; align within those to keep the matrix small
    rows = sorted({k_labels[kl] for kl, _ in overlap})
    cols = sorted({r_labels[rl] for _, rl in overlap})
    row_of = {v: i for i, v in enumerate(rows)}
    col_of = {v: i for i, v in enumerate(cols)}
    matrix = np.zeros((len(rows), len(cols)))
    for (kl, rl), n in overlap.items():
        matrix[row_of[k_labels[kl]], col_of[r_labels[rl]]] = 2 * n / (k_size[kl] + r_size[rl])
    total = float(matrix[linear_sum_assignment(matrix, maximize=True)].sum())
    return _prf(total / len(r_size), total / len(k_size))


def conll(key: Clustering, response: Clustering) -> dict[str, object]:
    """MUC, B³, CEAF-e and their mean F1 (the CoNLL F1)."""
    scores = {"muc": muc(key, response), "b3": b_cubed(key, response), "ceaf_e": ceaf_e(key, response)}
    return {**scores, "conll_f1": sum(s["f1"] for s in scores.values()) / 3}


def ari(key: Clustering, response: Clustering) -> float:
    """Adjusted Rand index (1 for identical partitions, about 0 for chance, can be negative)."""
    k, r = _complete(key, response)
    n = len(k)
    if n < 2:
        return 1.0

    def pairs(x: int) -> float:
        return x * (x - 1) / 2

    index = sum(pairs(c) for c in Counter((k[m], r[m]) for m in k).values())
    a = sum(pairs(c) for c in Counter(k.values()).values())
    b = sum(pairs(c) for c in Counter(r.values()).values())
    expected = a * b / pairs(n)
    maximum = (a + b) / 2
    if maximum == expected:
        return 1.0
    return (index - expected) / (maximum - expected)


def rounded(scores: Mapping[str, object], digits: int = 4) -> dict[str, object]:
    """``scores`` with every float rounded (nested dicts too), for printing."""
    out: dict[str, object] = {}
    for name, value in scores.items():
        if isinstance(value, Mapping):
            out[name] = rounded(value, digits)
        elif isinstance(value, float):
            out[name] = round(value, digits)
        else:
            out[name] = value
    return out
