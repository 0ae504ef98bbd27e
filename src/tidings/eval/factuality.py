"""Event factuality against MEANTIME: polarity, certainty and tense of gold event mentions.

For every gold ``EVENT_MENTION`` of a MEANTIME document, :func:`tidings.events.attributes.describe`
runs on the syntactic head of the mention (the root of its tokens in our parse), with the
document's time expressions and its creation time as the article date. Three dimensions are
scored, each against a majority-class baseline computed on the same mentions:

- **polarity**: gold ``NEG`` → ``negated``, ``POS`` → ``affirmed`` (``UNDERSPECIFIED`` skipped);
  predicted ``negated`` when ``aux`` is negated or ``certainty`` denied.
- **certainty**: gold ``CERTAIN`` → ``certain``, ``PROBABLE``/``POSSIBLE`` → ``uncertain``
  (``UNDERSPECIFIED`` skipped); predicted ``uncertain`` when ``certainty`` is alleged or apparent or
  ``aux`` is hypothetical — MEANTIME marks modal and conditional events (``could``, ``would``,
  ``if``) as possible, which tidings expresses as hypothetical.
- **tense**: MEANTIME's ``time`` attribute says ``FUTURE`` or ``NON_FUTURE``; a non-future mention
  is ``historical`` when a TLINK anchors it (IS_INCLUDED, INCLUDES, SIMULTANEOUS, DURING, IDENTITY,
  BEGINS, ENDS …) to a date that ends ``HISTORICAL_DAYS`` (14) or more before the document's
  creation time — background by the same definition the attribute rules use — else ``present``.
  Predicted: ``aux`` future or hypothetical (an unrealised event, which MEANTIME places in the
  future of its source) → ``future``, historical → ``historical``, anything else ``present``.

Documents are split in two fixed halves by a hash of the file name (``dev``: rules were studied
on its errors; ``test``: not looked at); figures are given for both and for all.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any

from tidings.eval.common import parallel_map
from tidings.eval.meantime import MeantimeDoc, documents, load_document
from tidings.eval.timeml import in_split

DIMENSIONS: dict[str, tuple[str, ...]] = {
    "polarity": ("affirmed", "negated"),
    "certainty": ("certain", "uncertain"),
    "tense": ("present", "historical", "future"),
}
_POLARITY = {"POS": "affirmed", "NEG": "negated"}
_CERTAINTY = {"CERTAIN": "certain", "PROBABLE": "uncertain", "POSSIBLE": "uncertain"}
_ANCHORS = frozenset(
    {"IS_INCLUDED", "INCLUDES", "SIMULTANEOUS", "DURING", "DURING_INV", "IDENTITY", "BEGINS",
     "ENDS", "BEGUN_BY", "ENDED_BY"}
)  # fmt: skip

#: ``aux`` → MEANTIME tense class (anything else is ``present``).
_TENSE = {"future": "future", "hypothetical": "future", "historical": "historical"}
#: One scored mention: (dimension, gold, predicted), and the text shown for error analysis.
Row = tuple[str, str, str, str]


def gold_labels(doc: MeantimeDoc, anchors: dict[str, list[str]]) -> dict[str, dict[str, str]]:
    """Gold classes by event mention id and dimension (mentions with no usable value are left out)."""
    from tidings.events.attributes_time import is_background_date, period

    published = period(doc.dct)
    out: dict[str, dict[str, str]] = {}
    for m_id, markable in doc.markables.items():
        if markable.tag != "EVENT_MENTION" or markable.start < 0:
            continue
        labels: dict[str, str] = {}
        polarity = _POLARITY.get(markable.attrs.get("polarity", ""))
        if polarity:
            labels["polarity"] = polarity
        certainty = _CERTAINTY.get(markable.attrs.get("certainty", ""))
        if certainty:
            labels["certainty"] = certainty
        time = markable.attrs.get("time", "")
        if time == "FUTURE":
            labels["tense"] = "future"
        elif time == "NON_FUTURE":
            old = any(
                is_background_date(value, published[0] if published else None)
                for value in anchors.get(m_id, [])
            )
            labels["tense"] = "historical" if old else "present"
        out[m_id] = labels
    return out


def _anchors(path: Path, doc: MeantimeDoc) -> dict[str, list[str]]:
    """The dates (TIMEX3 values, not the creation time) each event mention is anchored to."""
    relations = ET.parse(path).getroot().find("Relations")
    out: dict[str, list[str]] = {}
    for link in relations.iter("TLINK") if relations is not None else []:
        if link.get("reltype") not in _ANCHORS:
            continue
        ends = [e.get("m_id", "") for e in link if e.tag in ("source", "target")]
        if len(ends) != 2:
            continue
        for event, timex in (ends, ends[::-1]):
            e, t = doc.markables.get(event), doc.markables.get(timex)
            if e is None or t is None or e.tag != "EVENT_MENTION" or t.tag != "TIMEX3":
                continue
            if t.attrs.get("functionInDocument") == "CREATION_TIME" or t.attrs.get("type") != "DATE":
                continue
            out.setdefault(event, []).append(t.attrs.get("value", ""))
    return out


def predicted_labels(ctx: Any, token: Any) -> dict[str, str]:
    """The classes tidings' attributes give a trigger, in MEANTIME's dimensions."""
    from tidings.events.attributes import describe

    attrs = describe(ctx, token)
    polarity = "negated" if attrs.aux == "negated" or attrs.certainty == "denied" else "affirmed"
    uncertain = attrs.certainty in ("alleged", "apparent") or attrs.aux == "hypothetical"
    tense = {"future": "future", "hypothetical": "future", "historical": "historical"}.get(
        attrs.aux or "", "present"
    )
    return {"polarity": polarity, "certainty": "uncertain" if uncertain else "certain", "tense": tense}


def _score_document(path: Path) -> tuple[str, int, list[Row]]:
    from tidings.events.model import EventContext
    from tidings.nlp.model import load
    from tidings.time import find_timexes

    doc = load_document(path)
    published = doc.dct[:10] if doc.dct else None
    parsed = load()(doc.text)
    ctx = EventContext(doc=parsed, published=published, timexes=find_timexes(doc.text, published, parsed))
    gold = gold_labels(doc, _anchors(path, doc))
    rows: list[Row] = []
    mentions = 0
    for m_id, labels in sorted(gold.items(), key=lambda item: doc.markables[item[0]].start):
        markable = doc.markables[m_id]
        span = parsed.char_span(markable.start, markable.end, alignment_mode="expand")
        if span is None or not labels:
            continue
        predicted = predicted_labels(ctx, span.root)
        mentions += 1
        sentence = span.root.sent
        shown = f"{doc.text[markable.start : markable.end]} | {' '.join(sentence.text.split())[:200]}"
        for dimension, value in labels.items():
            rows.append((dimension, value, predicted[dimension], shown))
    return path.name, mentions, rows


def scores(pairs: list[tuple[str, str]], classes: tuple[str, ...]) -> dict[str, Any]:
    """Accuracy, per-class F1 and macro F1 of (gold, predicted) pairs, and the majority-class
    baseline's on the same pairs."""
    out = _prf(pairs, classes)
    support = Counter(g for g, _ in pairs)
    majority = max(classes, key=lambda c: (support[c], -classes.index(c)))
    baseline = _prf([(g, majority) for g, _ in pairs], classes)
    out["support"] = {c: support[c] for c in classes}
    out["baseline"] = {
        "predicts": majority,
        "accuracy": baseline["accuracy"],
        "macro_f1": baseline["macro_f1"],
    }
    return out


def _prf(pairs: list[tuple[str, str]], classes: tuple[str, ...]) -> dict[str, Any]:
    n = len(pairs)
    f1s: dict[str, float] = {}
    for c in classes:
        tp = sum(1 for g, p in pairs if g == c and p == c)
        pred = sum(1 for _, p in pairs if p == c)
        gold = sum(1 for g, _ in pairs if g == c)
        precision = tp / pred if pred else 0.0
        recall = tp / gold if gold else 0.0
        f1s[c] = round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0
    accuracy = sum(1 for g, p in pairs if g == p) / n if n else 0.0
    return {"accuracy": round(accuracy, 4), "macro_f1": round(sum(f1s.values()) / len(classes), 4), "f1": f1s}


def _summary(rows: list[Row], mentions: int) -> dict[str, Any]:
    out: dict[str, Any] = {"mentions": mentions}
    for dimension, classes in DIMENSIONS.items():
        out[dimension] = scores([(g, p) for d, g, p, _ in rows if d == dimension], classes)
    return out


def evaluate_factuality(
    folder: Path, workers: int | None = None, *, errors: str | None = None
) -> dict[str, Any]:
    """Polarity, certainty and tense of MEANTIME's gold event mentions (see the module doc), on all
    documents and on each half; ``errors="dev"`` (or ``"test"``) adds that half's errors."""
    paths = documents(folder)
    by_half: dict[str, list[Row]] = {"dev": [], "test": []}
    counted: Counter[str] = Counter()
    wrong: list[tuple[str, str, str, str, str]] = []
    for name, mentions, rows in parallel_map(_score_document, paths, workers):
        half = "dev" if in_split(name, "dev") else "test"
        by_half[half].extend(rows)
        counted[half] += mentions
        if errors == half:
            wrong.extend((name, d, g, p, shown) for d, g, p, shown in rows if g != p)
    result: dict[str, Any] = {"dataset": str(folder), "documents": len(paths)}
    result.update(_summary(by_half["dev"] + by_half["test"], sum(counted.values())))
    result["halves"] = {half: _summary(rows, counted[half]) for half, rows in by_half.items()}
    if errors:
        result["errors"] = wrong
    return result


def summary_lines(result: dict[str, Any]) -> list[str]:
    """The figures of :func:`evaluate_factuality` as readable lines (all documents, then halves)."""
    lines = [f"Event factuality on MEANTIME ({result['documents']} documents)"]
    parts = [("all", result), *((f"{half} half", result["halves"][half]) for half in ("dev", "test"))]
    for name, figures in parts:
        lines.append(f"  {name}: {figures['mentions']} event mentions")
        for dimension, classes in DIMENSIONS.items():
            x = figures[dimension]
            per_class = ", ".join(f"{c} {x['f1'][c]:.3f} (n={x['support'][c]})" for c in classes)
            base = x["baseline"]
            lines.append(
                f"    {dimension:<9} accuracy {x['accuracy']:.3f}  macro-F1 {x['macro_f1']:.3f}  "
                f"| majority baseline ({base['predicts']}) {base['accuracy']:.3f} / {base['macro_f1']:.3f}"
            )
            lines.append(f"              F1 by class: {per_class}")
    return lines
