"""MEANTIME (NewsReader) documents, and named-entity recognition scored against them.

A MEANTIME file lists tokens (with sentence numbers), markables anchored to token ids
(``ENTITY_MENTION``, ``TIMEX3``, …) and relations (``REFERS_TO`` from mentions to an ``ENTITY`` with
its ``ent_type``). The text is rebuilt by joining tokens with spaces and sentences with newlines,
and every token keeps its character span, so gold markables become character spans. Only the
title and the first sentences of each article are annotated: ``annotated_end`` marks where the
annotation stops, and predictions beyond it are not scored.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from tidings.eval.common import parallel_map, require

#: spaCy entity labels → MEANTIME entity types.
LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
TYPES = ("PER", "ORG", "LOC")
_NAMED = frozenset({"NAM", "PRE.NAM"})


@dataclass(slots=True)
class Markable:
    """A gold annotation: its tag, character span and attributes."""

    tag: str
    start: int
    end: int
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class MeantimeDoc:
    """A MEANTIME document: rebuilt text, creation date and markables with character spans."""

    name: str
    text: str
    dct: str | None
    markables: dict[str, Markable]
    refers_to: dict[str, str]  # mention m_id → entity m_id
    annotated_end: int = 0


def load_document(path: Path) -> MeantimeDoc:
    """Parse one MEANTIME XML file."""
    root = ET.parse(path).getroot()
    spans: dict[str, tuple[int, int]] = {}
    sentence_of: dict[str, str] = {}
    sentence_end: dict[str, int] = {}
    parts: list[str] = []
    position = 0
    sentence = None
    for token in root.iter("token"):
        if parts:
            separator = "\n" if token.get("sentence") != sentence else " "
            parts.append(separator)
            position += 1
        sentence = token.get("sentence")
        word = token.text or ""
        spans[token.get("t_id", "")] = (position, position + len(word))
        sentence_of[token.get("t_id", "")] = sentence or ""
        parts.append(word)
        position += len(word)
        sentence_end[sentence or ""] = position
    markables: dict[str, Markable] = {}
    dct = None
    container = root.find("Markables")
    for element in container if container is not None else []:
        anchors = [spans[a.get("t_id", "")] for a in element.iter("token_anchor") if a.get("t_id") in spans]
        attrs = dict(element.attrib)
        if anchors:
            markables[attrs.get("m_id", "")] = Markable(
                element.tag, min(s for s, _ in anchors), max(e for _, e in anchors), attrs
            )
        else:
            markables[attrs.get("m_id", "")] = Markable(element.tag, -1, -1, attrs)
        if element.tag == "TIMEX3" and attrs.get("functionInDocument") == "CREATION_TIME":
            dct = attrs.get("value")
    refers: dict[str, str] = {}
    relations = root.find("Relations")
    for relation in relations.iter("REFERS_TO") if relations is not None else []:
        target = relation.find("target")
        if target is None:
            continue
        for source in relation.iter("source"):
            refers[source.get("m_id", "")] = target.get("m_id", "")
    annotated = {
        sentence_of[a.get("t_id", "")]
        for a in (container.iter("token_anchor") if container is not None else [])
        if a.get("t_id") in sentence_of
    }
    last = max(annotated, key=int, default=None)
    end = sentence_end[last] if last is not None else 0
    return MeantimeDoc(path.stem, "".join(parts), dct, markables, refers, end)


def documents(folder: Path) -> list[Path]:
    """The English MEANTIME files under ``folder`` (intra-document annotation), sorted."""
    base = require(folder, "MEANTIME (intra-doc_annotation/…)")
    intra = base / "intra-doc_annotation"
    return sorted((intra if intra.is_dir() else base).rglob("*.xml"))


def _gold_names(doc: MeantimeDoc) -> tuple[set[tuple[int, int, str]], list[tuple[int, int]]]:
    """Named mentions (span, type) of PER/ORG/LOC entities, and the spans of other mentions."""
    named: set[tuple[int, int, str]] = set()
    others: list[tuple[int, int]] = []
    for m_id, markable in doc.markables.items():
        if markable.tag != "ENTITY_MENTION" or markable.start < 0:
            continue
        entity = doc.markables.get(doc.refers_to.get(m_id, ""))
        kind = entity.attrs.get("ent_type") if entity else None
        if markable.attrs.get("syntactic_type") in _NAMED and kind in TYPES:
            named.add((markable.start, markable.end, kind))
        else:
            others.append((markable.start, markable.end))
    return named, others


def _score_document(path: Path) -> dict[str, Counter[str]]:
    from tidings.nlp.actors import find_entities
    from tidings.nlp.model import load

    doc = load_document(path)
    gold, others = _gold_names(doc)
    predicted = {
        (e.start, e.end, LABELS[e.label])
        for e in find_entities(load()(doc.text))
        if e.label in LABELS and e.end <= doc.annotated_end
    }
    counts: dict[str, Counter[str]] = {"exact": Counter(), "overlap": Counter()}
    for kind in TYPES:
        g = {(s, e) for s, e, k in gold if k == kind}
        p = {(s, e) for s, e, k in predicted if k == kind}
        # a prediction on a gold mention that is not a name (or not PER/ORG/LOC) is not counted
        p = {span for span in p if span in g or not any(s < span[1] and span[0] < e for s, e in others)}
        exact = len(g & p)
        overlap_gold = sum(1 for gs, ge in g if any(ps < ge and gs < pe for ps, pe in p))
        overlap_pred = sum(1 for ps, pe in p if any(gs < pe and ps < ge for gs, ge in g))
        counts["exact"].update({f"{kind}_tp": exact, f"{kind}_gold": len(g), f"{kind}_pred": len(p)})
        counts["overlap"].update(
            {f"{kind}_tp_gold": overlap_gold, f"{kind}_tp_pred": overlap_pred,
             f"{kind}_gold": len(g), f"{kind}_pred": len(p)}
        )  # fmt: skip
    return counts


def evaluate_meantime_entities(folder: Path, workers: int | None = None) -> dict[str, object]:
    """Precision, recall and F1 of PER/ORG/LOC names, exact span and overlap, per type and micro."""
    paths = documents(folder)
    exact: Counter[str] = Counter()
    overlap: Counter[str] = Counter()
    for counts in parallel_map(_score_document, paths, workers):
        exact.update(counts["exact"])
        overlap.update(counts["overlap"])
    result: dict[str, object] = {"dataset": str(folder), "documents": len(paths)}
    for kind in (*TYPES, "all"):
        kinds = TYPES if kind == "all" else (kind,)
        tp = sum(exact[f"{k}_tp"] for k in kinds)
        gold = sum(exact[f"{k}_gold"] for k in kinds)
        pred = sum(exact[f"{k}_pred"] for k in kinds)
        result[f"{kind}_exact"] = _prf(tp, tp, gold, pred)
        tp_gold = sum(overlap[f"{k}_tp_gold"] for k in kinds)
        tp_pred = sum(overlap[f"{k}_tp_pred"] for k in kinds)
        result[f"{kind}_overlap"] = _prf(tp_pred, tp_gold, gold, pred)
        result[f"{kind}_gold"] = gold
    return result


def _prf(tp_pred: int, tp_gold: int, gold: int, pred: int) -> dict[str, float]:
    precision = tp_pred / pred if pred else 0.0
    recall = tp_gold / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"p": round(precision, 4), "r": round(recall, 4), "f1": round(f1, 4)}
