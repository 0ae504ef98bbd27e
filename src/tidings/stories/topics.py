"""Document clustering for story/topic grouping: TF-IDF cosine and average-link agglomeration.

Each document becomes a TF-IDF vector of its content words (lower-cased, stop words and numbers
dropped, sublinear term frequency ``1 + log tf``, smoothed idf ``log((1 + N) / (1 + df)) + 1``,
L2-normalised). Pairs of documents whose cosine is at least ``floor`` are candidate edges (a
sparse product, never a dense n × n matrix for large n), and documents merge average-link while
the mean cosine between two clusters is at least ``threshold``. Labels are deterministic: the
index of the cluster's first document.

``DEFAULT_THRESHOLD`` was chosen on the ECB+ training and development topics (1–35) and is only a
default: a coarser grouping (stories) wants a lower threshold, a finer one (one happening) higher.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from tidings.stories.agglomerative import Linkage, cluster

#: Mean cosine two clusters of documents need to merge (tuned on ECB+ topics 1–35).
DEFAULT_THRESHOLD = 0.08
#: Within a topic, the mean cosine of one happening's reports (ECB+ sub-topics, topics 1–35).
SUBTOPIC_THRESHOLD = 0.2
#: Sub-clusters smaller than this join the most similar larger sub-cluster of their topic.
MIN_SUBTOPIC = 3
#: Pairs below this cosine are not candidate edges (they count as 0 in the average).
DEFAULT_FLOOR = 0.02

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_STOP = """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it its
    itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them themselves
    then there these they this those through to too under until up very was we were what when where
    which while who whom why will with would you your yours yourself yourselves said says say told
    according new one two three last first year years week day today yesterday monday tuesday
    wednesday thursday friday saturday sunday mr mrs ms s t 's n't"""
STOP_WORDS = frozenset(_STOP.split())


def words(text: str) -> list[str]:
    """The lower-cased content words of ``text`` (no stop words, no numbers, at least 2 letters)."""
    out = []
    for match in _WORD.finditer(text.lower()):
        word = match.group().strip("'’-")
        if len(word) > 1 and word not in STOP_WORDS:
            out.append(word)
    return out


def tfidf(texts: Sequence[str]) -> list[dict[str, float]]:
    """L2-normalised TF-IDF vectors (sparse dicts) of ``texts``."""
    counts = [Counter(words(t)) for t in texts]
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    n = len(texts)
    vectors = []
    for c in counts:
        vector = {w: (1 + math.log(tf)) * (math.log((1 + n) / (1 + df[w])) + 1) for w, tf in c.items()}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        vectors.append({w: v / norm for w, v in vector.items()})
    return vectors


def cosine_edges(
    vectors: Sequence[dict[str, float]], floor: float = DEFAULT_FLOOR
) -> list[tuple[int, int, float]]:
    """Pairs ``(i, j, cosine)`` with ``i < j`` and cosine ≥ ``floor``, from a sparse product."""
    if not vectors:
        return []
    from scipy import sparse

    vocabulary: dict[str, int] = {}
    rows, cols, values = [], [], []
    for i, vector in enumerate(vectors):
        for word, value in vector.items():
            rows.append(i)
            cols.append(vocabulary.setdefault(word, len(vocabulary)))
            values.append(value)
    matrix = sparse.csr_matrix((values, (rows, cols)), shape=(len(vectors), max(1, len(vocabulary))))
    product = sparse.triu(matrix @ matrix.T, k=1).tocoo()
    return [
        (int(i), int(j), float(s))
        for i, j, s in zip(product.row, product.col, product.data, strict=True)
        if s >= floor
    ]


def cluster_documents(
    texts: Sequence[str],
    threshold: float = DEFAULT_THRESHOLD,
    linkage: Linkage = "average",
    floor: float = DEFAULT_FLOOR,
) -> list[int]:
    """A topic label per document (the index of its cluster's first document)."""
    vectors = tfidf(texts)
    return cluster(len(texts), cosine_edges(vectors, floor), threshold, linkage)


def cluster_topics(
    texts: Sequence[str],
    threshold: float = DEFAULT_THRESHOLD,
    sub_threshold: float = SUBTOPIC_THRESHOLD,
    min_size: int = MIN_SUBTOPIC,
) -> tuple[list[int], list[int]]:
    """Topic labels and, within each topic, sub-topic labels (one happening and its reports).

    Sub-topics are an average-link clustering at ``sub_threshold`` restricted to pairs of one
    topic; a sub-cluster with fewer than ``min_size`` documents then joins the sub-cluster of the
    same topic with the highest mean cosine to it (if there is one with at least ``min_size``).
    """
    n = len(texts)
    edges = cosine_edges(tfidf(texts), DEFAULT_FLOOR)
    topics = cluster(n, edges, threshold)
    inner = [(i, j, s) for i, j, s in edges if topics[i] == topics[j]]
    sub = cluster(n, inner, sub_threshold)
    members: dict[int, list[int]] = defaultdict(list)
    for i, label in enumerate(sub):
        members[label].append(i)
    similarity: dict[tuple[int, int], float] = {}
    for i, j, s in inner:
        similarity[(i, j)] = similarity[(j, i)] = s
    large = sorted(label for label, m in members.items() if len(m) >= min_size)
    for label in sorted(members):
        small = members[label]
        if len(small) >= min_size:
            continue
        options = [b for b in large if topics[b] == topics[small[0]]]
        if not options:
            continue

        def closeness(b: int, small: list[int] = small) -> float:
            return sum(similarity.get((i, j), 0.0) for i in small for j in members[b]) / len(members[b])

        best = max(options, key=lambda b: (closeness(b), -b))
        if closeness(best) > 0:
            for i in small:
                sub[i] = best
    return topics, sub
