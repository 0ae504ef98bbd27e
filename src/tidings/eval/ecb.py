"""ECB+ (Cybulska & Vossen 2014): document clustering and cross-document event coreference.

The corpus has 43 topics (1–45 without 15 and 17); each topic holds two sub-topics, the ECB
documents (``N_Mecb.xml``) and the ECB+ documents (``N_Mecbplus.xml``) about another happening of
the same kind. Event mentions are the ``ACTION_*`` and ``NEG_ACTION_*`` markables with token
anchors; their gold chain is the ``CROSS_DOC_COREF`` instance they belong to, else their
``INTRA_DOC_COREF`` chain, else they are singletons. As in the literature, event coreference is
scored only on the sentences listed in ``ECBplus_coreference_sentences.csv``, with singletons.

Split (Cybulska & Vossen 2015; Barhom et al. 2019): topics 1–35 are training (development topics
2, 5, 12, 18, 21, 23, 34, 35 among them) and were used to choose thresholds and weights; topics
36–45 are the test set and give the reported figure. Figures for all topics are reported too.

Two systems run on the same mentions and document clusters: the same-lemma baseline (mentions
whose trigger head lemmas are equal corefer, within each predicted document cluster) and tidings'
scorer and clustering (:mod:`tidings.stories.coref`).
"""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tidings.errors import InputError
from tidings.eval.common import require
from tidings.eval.coref_metrics import ari, b_cubed, conll, rounded

TEST_TOPICS = frozenset(range(36, 46))
DEV_TOPICS = frozenset({2, 5, 12, 18, 21, 23, 34, 35})
TRAIN_TOPICS = frozenset(range(1, 36)) - DEV_TOPICS
_NAME = re.compile(r"^(\d+)_(\d+)(ecbplus|ecb)\.xml$")
_ARGUMENT_TAGS = ("HUMAN_PART", "NON_HUMAN_PART", "LOC", "TIME")


@dataclass(slots=True)
class EcbMention:
    """A gold mention: its document, sentence, token positions, text, tag and gold chain."""

    doc: str
    sentence: int
    tokens: tuple[int, ...]  # indices into the sentence's words
    text: str
    tag: str
    chain: str


@dataclass(slots=True)
class EcbDocument:
    """An ECB+ document: topic, sub-topic, words per sentence, event and argument mentions."""

    name: str
    topic: int
    subtopic: str
    sentences: dict[int, list[str]]
    events: list[EcbMention] = field(default_factory=list)
    arguments: list[EcbMention] = field(default_factory=list)

    def text(self) -> str:
        """The article text (without the source URL that ECB+ documents keep as sentence 0)."""
        return "\n".join(
            " ".join(words) for number, words in sorted(self.sentences.items()) if not _is_url(words)
        )


def _is_url(words: Sequence[str]) -> bool:
    return len(words) > 2 and words[0].lower() in {"http", "https"} and words[1] == ":"


def load_document(path: Path) -> EcbDocument:
    """Parse one ECB+ XML file (the topic and sub-topic come from its name)."""
    match = _NAME.match(path.name)
    if not match:
        raise InputError(f"{path}: not an ECB+ document name", hint="expected names like 36_1ecbplus.xml")
    topic = int(match.group(1))
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise InputError(f"{path}: not well-formed XML ({exc})", hint="give the ECB+ XML files") from exc
    position: dict[str, tuple[int, int]] = {}
    sentences: dict[int, list[str]] = {}
    for token in root.iter("token"):
        number = int(token.get("sentence", "0"))
        words = sentences.setdefault(number, [])
        position[token.get("t_id", "")] = (number, len(words))
        words.append(token.text or "")
    chain: dict[str, str] = {}
    relations = root.find("Relations")
    for relation in relations if relations is not None else []:
        target = relation.find("target")
        if target is None:
            continue
        if relation.tag == "CROSS_DOC_COREF":
            label = relation.get("note") or f"{path.name}:{target.get('m_id')}"
        else:
            label = f"{path.name}:{target.get('m_id')}"
        for source in relation.iter("source"):
            chain[source.get("m_id", "")] = label
        if relation.tag == "INTRA_DOC_COREF":
            # the target is usually an instance descriptor; when it is a mention, it is in the chain
            chain.setdefault(target.get("m_id", ""), label)
    doc = EcbDocument(path.name, topic, f"{topic}{match.group(3)}", sentences)
    markables = root.find("Markables")
    for element in markables if markables is not None else []:
        anchors = [
            position[a.get("t_id", "")] for a in element.iter("token_anchor") if a.get("t_id") in position
        ]
        if not anchors:
            continue  # an instance descriptor, not a mention
        number = anchors[0][0]
        indices = tuple(sorted(i for s, i in anchors if s == number))
        words = sentences[number]
        m_id = element.get("m_id", "")
        mention = EcbMention(
            path.name,
            number,
            indices,
            " ".join(words[i] for i in indices),
            element.tag,
            chain.get(m_id, f"{path.name}:mention{m_id}"),
        )
        if element.tag.startswith(("ACTION", "NEG_ACTION")):
            doc.events.append(mention)
        elif element.tag.startswith(_ARGUMENT_TAGS):
            doc.arguments.append(mention)
    return doc


def load_corpus(
    folder: Path, topics: Iterable[int] | None = None
) -> tuple[list[EcbDocument], set[tuple[str, int]]]:
    """The documents under ``folder`` (of ``topics``, default all; sorted by topic and name) and
    the selected sentences."""
    base = require(folder, "ECB+ (ECB+/<topic>/*.xml and ECBplus_coreference_sentences.csv)")
    wanted = None if topics is None else set(topics)
    paths = sorted(
        p
        for p in base.rglob("*.xml")
        if (match := _NAME.match(p.name)) and (wanted is None or int(match.group(1)) in wanted)
    )
    if not paths:
        raise InputError(f"{folder}: no ECB+ documents found", hint="give the ecbplus folder")
    docs = sorted((load_document(p) for p in paths), key=lambda d: (d.topic, d.name))
    selected: set[tuple[str, int]] = set()
    index = next(iter(base.rglob("ECBplus_coreference_sentences.csv")), None)
    if index is not None:
        with index.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                try:
                    selected.add((f"{row['Topic']}_{row['File']}.xml", int(row["Sentence Number"])))
                except (KeyError, ValueError):
                    continue
    return docs, selected


def _topic_scores(docs: Sequence[EcbDocument], labels: Sequence[Hashable], level: str) -> dict[str, object]:
    response = {d.name: label for d, label in zip(docs, labels, strict=True)}
    key = {d.name: getattr(d, level) for d in docs}
    return {"clusters": len(set(labels)), "gold": len(set(key.values())), "b3": b_cubed(key, response),
            "ari": ari(key, response)}  # fmt: skip


def _coref_scores(
    docs: Sequence[EcbDocument],
    selected: set[tuple[str, int]],
    topics: Sequence[Hashable],
    subtopics: Sequence[Hashable],
) -> dict[str, object]:
    from tidings.stories.adapters import ecb_mentions
    from tidings.stories.coref import cluster_mentions, same_lemma

    mentions, gold = ecb_mentions(docs, selected, topics, subtopics)
    if not mentions:
        return {"mentions": 0}
    return {
        "mentions": len(mentions),
        "gold_chains": len(set(gold.values())),
        "lemma_baseline": conll(gold, same_lemma(mentions, within="subgroup")),
        "tidings": conll(gold, cluster_mentions(mentions)),
    }


def evaluate_ecb(folder: Path, all_topics: bool = True) -> dict[str, object]:
    """Document clustering and event coreference on the test topics (36–45) and on all topics.

    Documents are clustered into topics and, within them, sub-topics
    (:func:`tidings.stories.topics.cluster_topics`); topics are scored against the gold topics
    and sub-topics against the gold sub-topics (B³, ARI). Event coreference runs on the gold
    event mentions of the selected sentences: the same-lemma baseline within predicted
    sub-topics, and tidings' clustering within predicted topics.
    """
    from tidings.stories.topics import cluster_topics

    docs, selected = load_corpus(folder, None if all_topics else TEST_TOPICS)
    result: dict[str, object] = {
        "dataset": str(folder),
        "split": "figure = test topics 36-45; weights and thresholds tuned on topics 1-35",
        "sentences": len(selected),
    }
    parts = [("test", [d for d in docs if d.topic in TEST_TOPICS])]
    if all_topics:
        parts.append(("all", list(docs)))
    for name, part in parts:
        topics, subtopics = cluster_topics([d.text() for d in part])
        result[name] = rounded(
            {
                "documents": len(part),
                "topics": _topic_scores(part, topics, "topic"),
                "subtopics": _topic_scores(part, subtopics, "subtopic"),
                "events": _coref_scores(part, selected, topics, subtopics),
            }
        )
    return result


def evaluate_meantime_coref(folder: Path) -> dict[str, object]:
    """Cross-document event coreference on MEANTIME (English, ``intra_cross-doc_annotation``).

    Documents are read with :func:`tidings.eval.meantime.load_document`; the gold chain of an
    event mention is the corpus-level instance of the EVENT it refers to. Nothing was tuned on
    MEANTIME: the weights are those fitted on ECB+ topics 1–35. Its four corpora are the gold
    topics of the document clustering.
    """
    from tidings.eval.meantime import load_document
    from tidings.stories.adapters import meantime_mentions
    from tidings.stories.coref import cluster_mentions, same_lemma
    from tidings.stories.topics import cluster_topics

    base = require(folder, "MEANTIME (intra_cross-doc_annotation/corpus_*/*.xml)")
    cross = base / "intra_cross-doc_annotation"
    paths = sorted((cross if cross.is_dir() else base).rglob("*.xml"))
    if not paths:
        raise InputError(f"{folder}: no MEANTIME documents found", hint="give the meantime folder")
    docs = []
    for path in paths:
        try:
            docs.append(load_document(path))
        except ET.ParseError as exc:
            raise InputError(
                f"{path}: not well-formed XML ({exc})", hint="give the MEANTIME XML files"
            ) from exc
    topics, subtopics = cluster_topics([d.text for d in docs])
    key = {d.name: p.parent.name for d, p in zip(docs, paths, strict=True)}
    response = {d.name: label for d, label in zip(docs, topics, strict=True)}
    mentions, gold = meantime_mentions(docs, topics, subtopics)
    return rounded(
        {
            "dataset": str(folder),
            "documents": len(docs),
            "topics": {"clusters": len(set(topics)), "gold": len(set(key.values())),
                       "b3": b_cubed(key, response), "ari": ari(key, response)},
            "events": {
                "mentions": len(mentions),
                "gold_chains": len(set(gold.values())),
                "lemma_baseline": conll(gold, same_lemma(mentions, within="subgroup")),
                "tidings": conll(gold, cluster_mentions(mentions)),
            },
        }
    )  # fmt: skip


def _f1s(scores: dict[str, Any]) -> str:
    return "  ".join(f"{name} {scores[name]['f1']:.3f}" for name in ("muc", "b3", "ceaf_e")) + (
        f"  CoNLL F1 {scores['conll_f1']:.3f}"
    )


def summary_lines(result: dict[str, Any]) -> list[str]:
    """A readable summary of :func:`evaluate_ecb` or :func:`evaluate_meantime_coref` figures."""
    lines = [f"Cross-document event coreference — {result.get('dataset')}"]
    if "split" in result:
        lines.append(f"  split: {result['split']}")
    parts = [(name, result[name]) for name in ("test", "all") if name in result] or [("all", result)]
    for name, part in parts:
        lines.append(f"  [{name}] documents {part.get('documents')}")
        for level in ("topics", "subtopics"):
            if level in part:
                t = part[level]
                lines.append(
                    f"    {level:<10} clusters {t['clusters']} (gold {t['gold']})  "
                    f"B³ P/R/F1 {t['b3']['p']:.3f}/{t['b3']['r']:.3f}/{t['b3']['f1']:.3f}  ARI {t['ari']:.3f}"
                )
        events = part.get("events", {})
        lines.append(
            f"    events     mentions {events.get('mentions')}  gold chains {events.get('gold_chains')}"
        )
        for system in ("lemma_baseline", "tidings"):
            if system in events:
                lines.append(f"    {system:<15}{_f1s(events[system])}")
    return lines
