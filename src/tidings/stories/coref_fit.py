"""Fitting the pair weights of :mod:`tidings.stories.coref` on gold chains (logistic regression).

Used by the ECB+ evaluator to refit the weights on the training topics and by anyone with gold
chains of their own. Only blocked candidate pairs are used (the pairs the clustering will ever
see); the model is an L2-regularised logistic regression fitted with Newton's method.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from tidings.stories.blocking import candidate_pairs
from tidings.stories.coref import EventMention, features

FEATURES = (
    "lemma", "stem", "synonym", "type", "type_clash", "participants", "place_words",
    "place_words_clash", "time_words", "sentence", "sentence_tfidf", "document", "same_doc",
    "same_subgroup", "lemma_document", "speech", "lemma_sentence", "lemma_same_doc",
    "related_document", "date_match", "date_clash", "place_match", "place_clash",
)  # fmt: skip


def pair_matrix(mentions: Sequence[EventMention], gold: Mapping[str, str]) -> tuple[np.ndarray, np.ndarray]:
    """Features (one row per candidate pair, columns ``FEATURES``) and 0/1 gold labels."""
    rows: list[list[float]] = []
    labels: list[float] = []
    for i, j in sorted(candidate_pairs(mentions)):
        f = features(mentions[i], mentions[j])
        rows.append([f[name] for name in FEATURES])
        labels.append(float(gold.get(mentions[i].id) == gold.get(mentions[j].id) is not None))
    return np.array(rows, dtype=float).reshape(-1, len(FEATURES)), np.array(labels)


def fit_weights(
    mentions: Sequence[EventMention], gold: Mapping[str, str], l2: float = 1.0, steps: int = 25
) -> dict[str, float]:
    """Logistic weights (with ``bias``) that predict whether two candidate mentions corefer."""
    x, y = pair_matrix(mentions, gold)
    if len(y) == 0 or y.min() == y.max():
        raise ValueError("fitting needs candidate pairs of both kinds (coreferent and not)")
    x = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(x.shape[1])
    penalty = l2 * np.eye(x.shape[1])
    penalty[0, 0] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        gradient = x.T @ (p - y) + penalty @ w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + penalty + 1e-9 * np.eye(x.shape[1])
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return {
        "bias": round(float(w[0]), 3),
        **{n: round(float(v), 3) for n, v in zip(FEATURES, w[1:], strict=True)},
    }
