"""PLOVER gold-standard records (``PLOVER_GSR_CAMEO.txt``): event type, actors and recipients.

The file is one JSON array of records with the sentence (``text``), its PLOVER ``event``, the
``source`` and ``target`` actors (ISO3 ``code`` and CAMEO-style ``sector``) and an in-line markup
(``textInfo.markup``) whose ``(EVT: …)`` spans are the event words. ``DOCUMENT`` records are
documentation and are skipped. The records were coded with an older PLOVER draft: its DEMAND,
DISAPPROVE, INVESTIGATE and FIGHT are today's REQUEST, ACCUSE (`disapprove`, `investigate`) and
ASSAULT (manual v2.0), so gold types are mapped to the current ones before scoring.

Each sentence is analysed as an article dated the record's ``date``. The predicted event is the one
whose trigger overlaps the gold event words most (else the one nearest to them); a sentence
without a predicted event counts as wrong. Reported: type accuracy, macro-F1 over the gold types,
and micro-F1 of the chosen event's actors and recipients by country code and by sector (gold
sectors mapped to tidings' GOV MIL POL REB PTY MED IGO NGO CVL UNK; unmappable ones ignored).
Figures are given on all records and on the even- and odd-numbered halves, so rules studied on one
half can be checked on the other (the even half is the one studied), with the commonest confusions
between gold and predicted types.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tidings.errors import InputError
from tidings.eval.common import parallel_map, require

GOLD_FILE = "PLOVER_GSR_CAMEO.txt"
#: Older PLOVER draft types → manual v2.0 types.
TYPE_MAP = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
#: CAMEO-style gold sectors (first three letters) → tidings sectors.
SECTOR_MAP = {
    "GOV": "GOV", "LEG": "GOV", "JUD": "GOV", "ELI": "GOV", "SPY": "GOV", "MIL": "MIL", "COP": "POL",
    "REB": "REB", "UAF": "REB", "INS": "REB", "OPP": "PTY", "PTY": "PTY", "MED": "MED", "JRN": "MED",
    "IGO": "IGO", "NGO": "NGO", "CVL": "CVL", "CIV": "CVL", "REF": "CVL", "EDU": "CVL", "LAB": "CVL",
    "BUS": "CVL", "AGR": "CVL", "SOC": "CVL", "REL": "CVL", "CRM": "CVL", "MOS": "CVL", "UNK": "UNK",
}  # fmt: skip
_MARK = re.compile(r"\((?:SRC/TAR|SRC/LOC|SRC|TAR|EVT|LOC)\s*:\s*")
_SPACE = re.compile(r"\s+")


@dataclass(slots=True)
class GoldRecord:
    """One gold sentence: its id, text, date, (mapped) type, event words and participants."""

    id: str
    text: str
    date: str | None
    type: str
    event_words: list[str] = field(default_factory=list)
    actors: list[tuple[str | None, str | None]] = field(default_factory=list)  # (country, sector)
    recipients: list[tuple[str | None, str | None]] = field(default_factory=list)

    @property
    def number(self) -> int:
        """The record's serial number within its type (``…-AGREE-0007`` → 7)."""
        tail = self.id.rsplit("-", 1)[-1]
        return int(tail) if tail.isdigit() else 0


def load_gold(folder: Path) -> list[GoldRecord]:
    """Gold records of ``folder`` (the directory holding ``PLOVER_GSR_CAMEO.txt``, or the file)."""
    path = require(folder, "PLOVER_GSR_CAMEO.txt")
    if path.is_dir():
        path = require(path / GOLD_FILE, "PLOVER_GSR_CAMEO.txt")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(
            f"{path}: not a PLOVER JSON file ({exc})", hint="give the plover-gsr folder"
        ) from exc
    if not isinstance(data, list):
        raise InputError(f"{path}: expected a JSON array of records", hint="give the plover-gsr folder")
    records = []
    for item in data:
        record = gold_record(item)
        if record is not None:
            records.append(record)
    return records


def gold_record(item: Any) -> GoldRecord | None:
    """A :class:`GoldRecord` from one JSON record, or ``None`` (DOCUMENT records, bad records)."""
    if not isinstance(item, dict):
        return None
    event = str(item.get("event") or "")
    text = item.get("text")
    if not event or event == "DOCUMENT" or not isinstance(text, str) or not text.strip():
        return None
    info = item.get("textInfo")
    markup = info.get("markup") if isinstance(info, dict) else None
    return GoldRecord(
        id=str(item.get("id") or ""),
        text=text,
        date=str(item["date"]) if item.get("date") else None,
        type=TYPE_MAP.get(event, event),
        event_words=event_words(markup) if isinstance(markup, str) else [],
        actors=_participants(item.get("source")),
        recipients=_participants(item.get("target")),
    )


def _participants(value: Any) -> list[tuple[str | None, str | None]]:
    if not isinstance(value, list):
        return []
    out = []
    for entry in value:
        if not isinstance(entry, dict):
            continue
        code = str(entry.get("code") or "").strip().upper() or None
        raw = str(entry.get("sector") or "").strip().upper()[:3]
        out.append((code, SECTOR_MAP.get(raw)))
    return out


def event_words(markup: str) -> list[str]:
    """The texts of the ``(EVT: …)`` spans of a markup string (nested markers removed)."""
    words: list[str] = []
    for match in re.finditer(r"\(EVT\s*:\s*", markup):
        depth, i = 1, match.end()
        while i < len(markup) and depth:
            if markup[i] == "(":
                depth += 1
            elif markup[i] == ")":
                depth -= 1
            i += 1
        inner = _MARK.sub("", markup[match.end() : i - 1 if depth == 0 else i]).replace(")", "")
        inner = _SPACE.sub(" ", inner).strip()
        if inner:
            words.append(inner)
    return words


def gold_spans(text: str, words: list[str]) -> list[tuple[int, int]]:
    """Character spans of the event words in ``text`` (in order, whitespace-tolerant)."""
    spans: list[tuple[int, int]] = []
    position = 0
    for word in words:
        pattern = r"\s+".join(re.escape(part) for part in word.split())
        match = re.compile(pattern).search(text, position) or re.compile(pattern).search(text)
        if match:
            spans.append((match.start(), match.end()))
            position = match.end()
    return spans


# -- scoring ------------------------------------------------------------------------------------------


def choose(events: list[dict[str, Any]], spans: list[tuple[int, int]]) -> dict[str, Any] | None:
    """The predicted event whose trigger best matches the gold event words."""
    if not events:
        return None

    def overlap(event: dict[str, Any]) -> tuple[int, int]:
        start, end = event.get("trigger") or (0, 0)
        hits = [i for i, (s, e) in enumerate(spans) if min(end, e) > max(start, s)]
        return (len(hits), -hits[0] if hits else -len(spans))

    def distance(event: dict[str, Any]) -> int:
        start = (event.get("trigger") or (0, 0))[0]
        return min((abs(start - s) for s, _ in spans), default=start)

    best = max(events, key=lambda e: (*overlap(e), -distance(e)))
    return best


def predict(record: GoldRecord) -> dict[str, Any]:
    """Analyse one gold sentence: the chosen event's type and participants (country, sector)."""
    from tidings.analyze import analyze
    from tidings.models import Article

    article = Article.create(record.text, published=record.date, lang="en")
    analysis = analyze(article)
    spans = gold_spans(article.text, record.event_words)
    event = choose(analysis.events, spans)
    actors = {a.id: a for a in analysis.actors}

    def codes(ids: list[str]) -> list[tuple[str | None, str | None]]:
        out = []
        for actor_id in ids:
            actor = actors.get(actor_id)
            if actor is not None:
                country = actor.country or (actor.sector if actor.sector in ("IGO", "NGO") else None)
                out.append((country, actor.sector))
        return out

    if event is None:
        return {"type": None, "actors": [], "recipients": [], "trigger": None}
    return {
        "type": event["type"],
        "actors": codes(event.get("actors", [])),
        "recipients": codes(event.get("recipients", [])),
        "trigger": event.get("trigger"),
    }


def _f1(tp: int, gold: int, pred: int) -> float:
    if not gold and not pred:
        return 1.0
    precision = tp / pred if pred else 0.0
    recall = tp / gold if gold else 0.0
    return round(2 * precision * recall / (precision + recall), 3) if precision + recall else 0.0


def _matches(gold: list[str], pred: list[str]) -> int:
    remaining = Counter(pred)
    hits = 0
    for item in gold:
        if remaining[item] > 0:
            remaining[item] -= 1
            hits += 1
    return hits


def score(records: list[GoldRecord], predictions: list[dict[str, Any]]) -> dict[str, Any]:
    """Type accuracy, macro-F1 over gold types, actor/recipient F1 by country and by sector."""
    n = len(records)
    correct = sum(1 for r, p in zip(records, predictions, strict=True) if p["type"] == r.type)
    figures: dict[str, Any] = {"sentences": n, "type_accuracy": round(correct / n, 3) if n else 0.0}
    f1s = []
    for kind in sorted({r.type for r in records}):
        tp = sum(1 for r, p in zip(records, predictions, strict=True) if r.type == kind and p["type"] == kind)
        gold = sum(1 for r in records if r.type == kind)
        pred = sum(1 for p in predictions if p["type"] == kind)
        f1s.append(_f1(tp, gold, pred))
    figures["type_macro_f1"] = round(sum(f1s) / len(f1s), 3) if f1s else 0.0
    figures["no_event"] = sum(1 for p in predictions if p["type"] is None)
    for role in ("actors", "recipients"):
        for index, facet in ((0, "country"), (1, "sector")):
            tp = gold_n = pred_n = 0
            for record, prediction in zip(records, predictions, strict=True):
                gold = [item[index] for item in getattr(record, role) if item[index]]
                pred = [item[index] for item in prediction[role] if item[index]]
                if index == 1 and not gold:
                    continue  # no mappable gold sector: nothing to judge
                tp += _matches(gold, pred)
                gold_n += len(gold)
                pred_n += len(pred)
            figures[f"{role}_{facet}_f1"] = _f1(tp, gold_n, pred_n)
    return figures


def evaluate_plover(folder: Path, workers: int | None = None) -> dict[str, Any]:
    """Figures on all gold records and on the even- and odd-numbered halves."""
    records = load_gold(Path(folder))
    predictions = list(parallel_map(predict, records, workers))
    figures = score(records, predictions)
    for half, parity in (("even", 0), ("odd", 1)):
        pairs = [(r, p) for r, p in zip(records, predictions, strict=True) if r.number % 2 == parity]
        part = score([r for r, _ in pairs], [p for _, p in pairs])
        for key in ("type_accuracy", "type_macro_f1", "no_event", *_ROLE_KEYS):
            figures[f"{key}_{half}"] = part[key]
    figures["confusions"] = confusions(records, predictions)
    return figures


_ROLE_KEYS = tuple(f"{r}_{f}_f1" for r in ("actors", "recipients") for f in ("country", "sector"))


def confusions(records: list[GoldRecord], predictions: list[dict[str, Any]], top: int = 12) -> str:
    """The most frequent type errors, ``"GOLD>PREDICTED n"`` (``none`` when no event was found)."""
    counts = Counter(
        f"{r.type}>{p['type'] or 'none'}"
        for r, p in zip(records, predictions, strict=True)
        if p["type"] != r.type
    )
    return ", ".join(f"{pair} {n}" for pair, n in counts.most_common(top))
