"""Cross-document event coreference: a score between two event mentions and a blocked clustering.

Works on any input through :class:`EventMention` (adapters in :mod:`tidings.stories.adapters`
build them from ECB+/MEANTIME gold mentions and from tidings' own event records). The classic
two-stage approach: documents are first grouped into topics (:mod:`tidings.stories.topics`) and
mentions are only compared within a topic group (``EventMention.group``); within a group,
candidate pairs come from blocking (:mod:`tidings.stories.blocking`: trigger or type keys, week or
year cells, country), so the work grows with the number of plausible pairs, not with n².

The score of a pair (:func:`score`) combines, as a logistic model over features in [0, 1]:

- trigger compatibility: same lemma, same derivational stem (``shooting``/``shoot``, ``arrest``/
  ``arrested``), or a lexical synonym from :mod:`tidings.stories.lexicon`;
- event type agreement (PLOVER type for tidings' events; disagreement is a strong veto);
- argument overlap: participants (Jaccard of normalised names), places (same place, or one inside
  the other's hierarchy, or within ``PLACE_KM``), times (dates within both precision windows);
- context: cosine of the mentions' sentence words, and of their documents; whether they share a
  predicted sub-topic (``subgroup``);
- interactions fitted on ECB+ (same lemma × document or sentence similarity, speech verbs).

Two weight sets: :data:`WEIGHTS` (fitted on ECB+ training topics, for mentions with text) and
:data:`RECORD_WEIGHTS` (set by hand for tidings' structured event records).

Mentions of the same document are allowed to corefer (within-document chains are part of the
cross-document chains in ECB+ and MEANTIME). Identical mentions (same features) are collapsed to
one weighted node before clustering, so 10,000 copies of one report cost as much as one.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field

from tidings.stories.agglomerative import Linkage, cluster
from tidings.stories.lexicon import SPEECH, stem, synonyms
from tidings.stories.when import PRECISION_DAYS, dates_compatible, parse_span

__all__ = ["PRECISION_DAYS", "dates_compatible", "parse_span"]

#: Places closer than this (km) are compatible when neither contains the other.
PLACE_KM = 50.0


#: Logistic weights over the features of :func:`features`, for mentions with text (ECB+/MEANTIME
#: gold mentions): fitted with :func:`tidings.stories.coref_fit.fit_weights` on ECB+ training
#: topics 1–35 (document groups from :func:`tidings.stories.topics.cluster_topics`). The four
#: structured features (``date_*``, ``place_*``) never fire on ECB+ and keep hand-set priors.
WEIGHTS: dict[str, float] = {
    "bias": -6.334, "lemma": -0.275, "stem": 0.263, "synonym": -0.054, "type": 2.864,
    "type_clash": -2.864, "participants": 0.807, "place_words": -0.082, "place_words_clash": -0.297,
    "time_words": -0.037, "sentence": 0.264, "sentence_tfidf": -0.785, "document": 2.559,
    "same_doc": -2.239, "same_subgroup": 2.601, "lemma_document": 1.615, "speech": -1.779,
    "lemma_sentence": 2.042, "lemma_same_doc": 0.409, "related_document": 1.137,
    "date_match": 1.0, "date_clash": -4.0, "place_match": 1.0, "place_clash": -3.0,
}  # fmt: skip
#: Weights for tidings' own event records (type, actors, place, date; little text). No gold exists
#: to fit them: set by hand so that the same type on compatible dates and places with a shared
#: actor or similar documents merges (p ≥ 0.5), and a date or place clash or another type never.
RECORD_WEIGHTS: dict[str, float] = {
    "bias": -3.0, "type": 2.0, "type_clash": -8.0, "participants": 2.0, "document": 2.0,
    "date_match": 1.0, "date_clash": -8.0, "place_match": 1.0, "place_clash": -8.0,
    "lemma": 0.5, "stem": 0.3, "synonym": 0.3, "sentence": 0.5, "same_doc": -1.0,
}  # fmt: skip
#: Average-link threshold on the pair probability (chosen on ECB+ topics 1–35).
THRESHOLD = 0.4


@dataclass(slots=True)
class EventMention:
    """One mention of an event, as the coreference model sees it.

    ``group`` is the document-topic cluster (mentions in different groups never corefer);
    ``participants`` and ``places`` are normalised names or ids; ``place_path`` the place's
    hierarchy from country down (e.g. ``("IRQ", "Baghdad", "98182")``); ``point`` (lat, lon);
    ``date`` ISO ``YYYY-MM-DD`` (or a prefix) with ``precision``; ``context`` the content words of
    the mention's sentence; ``doc_vector`` an L2-normalised sparse vector of its document.
    """

    id: str
    doc: str
    lemma: str
    group: Hashable = 0
    subgroup: Hashable | None = None
    type: str | None = None
    participants: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    place_path: tuple[str, ...] = ()
    point: tuple[float, float] | None = None
    date: str | None = None
    precision: str | None = None
    times: frozenset[str] = frozenset()
    context: frozenset[str] = frozenset()
    sentence_vector: dict[str, float] = field(default_factory=dict)
    doc_vector: dict[str, float] = field(default_factory=dict)

    def signature(self) -> tuple[object, ...]:
        """Everything the score depends on, except the id and document (for collapsing copies)."""
        return (
            self.group, self.subgroup, self.lemma, self.type, self.participants, self.places, self.place_path,
            self.point, self.date, self.precision, self.times, self.context,
            tuple(sorted(self.sentence_vector.items())),
            tuple(sorted(self.doc_vector.items())),
        )  # fmt: skip


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(k, 0.0) for k, v in a.items())


def _context_cosine(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


def haversine_km(p: tuple[float, float], q: tuple[float, float]) -> float:
    """Great-circle distance in kilometres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*p, *q))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def places_compatible(a: EventMention, b: EventMention) -> bool | None:
    """Same place, one inside the other's hierarchy, or within ``PLACE_KM`` (None: unknown).

    Only the structured location counts (``place_path``, ``point``); place words are a feature of
    their own.
    """
    if a.place_path and b.place_path:
        shorter = min(len(a.place_path), len(b.place_path))
        if a.place_path[:shorter] == b.place_path[:shorter]:
            return True
    if a.point is not None and b.point is not None:
        return haversine_km(a.point, b.point) <= PLACE_KM
    if a.place_path and b.place_path:
        return False
    return None


def features(a: EventMention, b: EventMention) -> dict[str, float]:
    """The pair features the score combines (each in [0, 1])."""
    same_lemma = a.lemma == b.lemma
    same_stem = not same_lemma and stem(a.lemma) == stem(b.lemma)
    synonym = not same_lemma and not same_stem and b.lemma in synonyms(a.lemma)
    dates = dates_compatible(a.date, a.precision, b.date, b.precision)
    places = places_compatible(a, b)
    typed = a.type is not None and b.type is not None
    document = _cosine(a.doc_vector, b.doc_vector) if a.doc_vector and b.doc_vector else 0.0
    sentence = (
        _cosine(a.sentence_vector, b.sentence_vector) if a.sentence_vector and b.sentence_vector else 0.0
    )
    return {
        "lemma": float(same_lemma),
        "stem": float(same_stem),
        "synonym": float(synonym),
        "type": float(typed and a.type == b.type),
        "type_clash": float(typed and a.type != b.type),
        "participants": _jaccard(a.participants, b.participants),
        "place_words": _jaccard(a.places, b.places),
        "place_words_clash": float(bool(a.places) and bool(b.places) and not a.places & b.places),
        "time_words": _jaccard(a.times, b.times),
        "place_match": float(places is True),
        "place_clash": float(places is False),
        "date_match": float(dates is True),
        "date_clash": float(dates is False),
        "sentence": _context_cosine(a.context, b.context),
        "sentence_tfidf": sentence,
        "document": document,
        "same_doc": float(a.doc == b.doc),
        "speech": float(a.lemma in SPEECH and b.lemma in SPEECH),
        "lemma_same_doc": float(same_lemma and a.doc == b.doc),
        "related_document": float(same_stem or synonym) * document,
        "lemma_sentence": float(same_lemma) * sentence,
        "same_subgroup": float(a.subgroup is not None and a.subgroup == b.subgroup),
        "lemma_document": float(same_lemma) * document,
    }


def score(a: EventMention, b: EventMention, weights: dict[str, float] | None = None) -> float:
    """The probability that ``a`` and ``b`` mention the same happening (logistic over features)."""
    w = weights or WEIGHTS
    z = w.get("bias", 0.0)
    for name, value in features(a, b).items():
        if value:
            z += w.get(name, 0.0) * value
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def record_score(a: EventMention, b: EventMention) -> float:
    """:func:`score` with :data:`RECORD_WEIGHTS`, computing only the features those weights use
    (the same value, several times faster: the linker scores every candidate of every event)."""
    w = RECORD_WEIGHTS
    z = w["bias"]
    if a.lemma == b.lemma:
        z += w["lemma"]
    elif stem(a.lemma) == stem(b.lemma):
        z += w["stem"]
    elif b.lemma in synonyms(a.lemma):
        z += w["synonym"]
    if a.type is not None and b.type is not None:
        z += w["type"] if a.type == b.type else w["type_clash"]
    if a.participants and b.participants:
        z += w["participants"] * _jaccard(a.participants, b.participants)
    places = places_compatible(a, b)
    if places is not None:
        z += w["place_match"] if places else w["place_clash"]
    dates = dates_compatible(a.date, a.precision, b.date, b.precision)
    if dates is not None:
        z += w["date_match"] if dates else w["date_clash"]
    if a.context and b.context:
        z += w["sentence"] * _context_cosine(a.context, b.context)
    if a.doc_vector and b.doc_vector:
        z += w["document"] * _cosine(a.doc_vector, b.doc_vector)
    if a.doc == b.doc:
        z += w["same_doc"]
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def cluster_mentions(
    mentions: Sequence[EventMention],
    threshold: float = THRESHOLD,
    linkage: Linkage = "average",
    weights: dict[str, float] | None = None,
) -> dict[str, str]:
    """A chain label per mention id (the id of the chain's first mention in input order)."""
    from tidings.stories.blocking import candidate_pairs

    nodes: list[EventMention] = []
    node_of: list[int] = []
    seen: dict[tuple[object, ...], int] = {}
    for m in mentions:
        key = m.signature()
        if key not in seen:
            seen[key] = len(nodes)
            nodes.append(m)
        node_of.append(seen[key])
    counts = [0] * len(nodes)
    for n in node_of:
        counts[n] += 1
    edges = [(i, j, score(nodes[i], nodes[j], weights)) for i, j in candidate_pairs(nodes)]
    # copies of one mention belong together when a mention matches itself
    labels = cluster(len(nodes), edges, threshold, linkage, counts)
    first: dict[int, str] = {}
    out: dict[str, str] = {}
    for m, n in zip(mentions, node_of, strict=True):
        label = first.setdefault(labels[n], m.id)
        out[m.id] = label
    return out


def same_lemma(mentions: Iterable[EventMention], within: str = "group") -> dict[str, str]:
    """The same-lemma baseline: mentions corefer when their trigger lemmas are equal within the
    same document cluster (``within`` = ``"group"`` or the finer ``"subgroup"``)."""
    first: dict[tuple[Hashable, str], str] = {}
    out: dict[str, str] = {}
    for m in mentions:
        cell = m.subgroup if within == "subgroup" and m.subgroup is not None else m.group
        out[m.id] = first.setdefault((cell, m.lemma), m.id)
    return out
