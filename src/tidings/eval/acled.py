"""The event coder against an ACLED export: each row's notes, analysed, against the row's coding.

Reads any ACLED export: the current lower-case columns (``event_date``, ``event_type``, ``notes`` …)
and the older upper-case ones (``EVENT_DATE``, ``EVENT_TYPE``, ``NOTES`` …), comma- or
tab-separated (or semicolon, as spreadsheets re-save it), with or without a byte-order mark, and the
date formats ACLED has used (``9-May-20``, ``01-January-2015``, ``2016-06-17``, ``03 December 2020``).
The pre-2019 event types (``Battle-No change of territory``, ``Remote violence``, ``Riots/Protests``
…) are read as the current types they became.

Each row's ``notes`` are analysed (:func:`tidings.analyze.analyze`) as an article published on the
row's event date, and one predicted event — the *primary event* — is compared with the row. The
primary event is chosen among the events that have an ACLED event type, preferring in turn: events
that happened (no ``aux``: not background, planned, hypothetical or negated), events of the
note's opening sentence (ACLED notes open with the event they code; later sentences add tolls,
responses and background), the higher confidence, violent events (battles, explosions/remote
violence, violence against civilians, riots), and the earlier mention. The prediction is read the
way the ACLED export writes it (:func:`tidings.store.exports.acled_row`), so the evaluator scores
exactly what users export.

Measures, each over the rows that give the gold field (a row with no predicted event counts as a
miss everywhere): event type and sub-event type accuracy, date exact match, location within 25 km
(haversine), fatalities exact and within ±1, actor match (a content word shared by the gold
``actor1`` and the predicted actor names, or the same ``inter1`` code). Rows without notes, with an
unreadable date, bad coordinates or no event type are counted by reason and not scored.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from tidings.errors import InputError
from tidings.eval.common import parallel_map
from tidings.eval.geo import haversine_km

WITHIN_KM = 25.0
REQUIRED = ("event_date", "event_type", "notes")
_DATE_FORMATS = (
    "%Y-%m-%d",
    "%d-%b-%y",
    "%d-%B-%Y",
    "%d-%b-%Y",
    "%d-%B-%y",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
)
_VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Riots")
_OLD_TYPES: dict[str, tuple[tuple[str, ...], str | None]] = {
    "battle-no change of territory": (("Battles",), "Armed clash"),
    "battle-government regains territory": (("Battles",), "Government regains territory"),
    "battle-non-state actor overtakes territory": (("Battles",), "Non-state actor overtakes territory"),
    "remote violence": (("Explosions/Remote violence",), None),
    "riots/protests": (("Protests", "Riots"), None),
    "strategic development": (("Strategic developments",), None),
    "headquarters or base established": (("Strategic developments",), "Headquarters or base established"),
    "non-violent transfer of territory": (("Strategic developments",), "Non-violent transfer of territory"),
}
_INTER_NAMES = {
    "state forces": 1,
    "rebel group": 2,
    "rebel groups": 2,
    "political militia": 3,
    "political militias": 3,
    "identity militia": 4,
    "identity militias": 4,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
    "external/other forces": 8,
    "other forces": 8,
}
_STOP = frozenset({"of", "the", "and", "al", "el", "de", "la", "du", "des", "for", "in"})

_SHOWN = ("event_type", "sub_event_type", "event_date", "actor1", "inter1", "location", "fatalities")


@dataclass(slots=True)
class Gold:
    """One readable ACLED row: what the coder is compared with."""

    row: str
    notes: str
    event_date: str
    event_types: tuple[str, ...]
    sub_event_type: str | None
    actor1: str | None = None
    inter1: int | None = None
    lat: float | None = None
    lon: float | None = None
    fatalities: int | None = None

    @property
    def event_type(self) -> str:
        return " | ".join(self.event_types)


@dataclass(slots=True)
class AcledFile:
    """The readable rows of an export, and the rows that were not, counted by reason."""

    rows: list[Gold] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    skipped_rows: list[tuple[str, str]] = field(default_factory=list)
    unreadable_fatalities: int = 0


# -- reading ---------------------------------------------------------------------------------------


def read_acled(path: Path) -> AcledFile:
    """Read an ACLED export; raises :class:`InputError` when it is not one (with a hint)."""
    if not path.is_file():
        raise InputError(
            f"{path}: not found", hint="give an ACLED export (.csv) downloaded from acleddata.com"
        )
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        raise InputError(
            f"{path}: not a text file", hint="export the data from ACLED as CSV (an .xlsx file is not read)"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        raise InputError(f"{path}: the file is empty", hint="give an ACLED export with a header row")
    delimiter, header = _header(lines[0])
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise InputError(
            f"{path}: not an ACLED export: no {', '.join(missing)} column"
            + ("s" if len(missing) > 1 else ""),
            hint="ACLED CSV needs a header row with event_date, event_type and notes "
            "(comma- or tab-separated; upper-case names are fine)",
        )
    found = AcledFile()
    reader = csv.reader(io.StringIO("\n".join(lines[1:])), delimiter=delimiter)
    for number, values in enumerate(reader, 2):
        if not any(v.strip() for v in values):
            continue
        record = {name: (values[i].strip() if i < len(values) else "") for i, name in enumerate(header)}
        gold, reason = _gold(record, number, found)
        if gold is None:
            label = record.get("event_id_cnty") or f"line {number}"
            found.skipped[reason] += 1
            found.skipped_rows.append((label, reason))
        else:
            found.rows.append(gold)
    return found


def _header(line: str) -> tuple[str, list[str]]:
    """The delimiter that yields ACLED's columns, and the normalised column names."""
    best: tuple[int, str, list[str]] = (-1, ",", [])
    for delimiter in (",", "\t", ";"):
        names = next(csv.reader([line], delimiter=delimiter))
        header = [re.sub(r"\s+", "_", n.strip().strip('"').lower()) for n in names]
        score = sum(c in header for c in REQUIRED)
        if score > best[0]:
            best = (score, delimiter, header)
    return best[1], best[2]


def _gold(record: dict[str, str], number: int, found: AcledFile) -> tuple[Gold | None, str]:
    notes = record.get("notes", "")
    if not notes:
        return None, "missing notes"
    day = parse_acled_date(record.get("event_date", ""))
    if day is None:
        return None, "unreadable date"
    raw_type = record.get("event_type", "")
    if not raw_type:
        return None, "missing event type"
    types, old_sub = _OLD_TYPES.get(raw_type.lower(), ((raw_type,), None))
    lat, lon = _coordinate(record.get("latitude"), 90), _coordinate(record.get("longitude"), 180)
    if (lat is None) != (lon is None) or lat is False or lon is False:
        return None, "bad coordinates"
    fatalities = _fatalities(record.get("fatalities"))
    if fatalities is False:
        found.unreadable_fatalities += 1
    return Gold(
        row=record.get("event_id_cnty") or f"line {number}",
        notes=notes,
        event_date=day,
        event_types=types,
        sub_event_type=record.get("sub_event_type") or old_sub,
        actor1=record.get("actor1") or None,
        inter1=_inter(record.get("inter1")),
        lat=lat if isinstance(lat, float) else None,
        lon=lon if isinstance(lon, float) else None,
        fatalities=fatalities if isinstance(fatalities, int) and fatalities is not False else None,
    ), ""


def parse_acled_date(value: str) -> str | None:
    """An ACLED event date in any of its formats, as ``YYYY-MM-DD``; ``None`` when unreadable."""
    value = " ".join(value.split())
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(value, pattern).date().isoformat()
        except ValueError:
            continue
    return None


def _coordinate(value: str | None, bound: float) -> float | bool | None:
    """A latitude or longitude; ``None`` when absent, ``False`` when unreadable or out of range."""
    if not value:
        return None
    try:
        number = float(value.replace(",", "."))
    except ValueError:
        return False
    return number if -bound <= number <= bound else False


def _fatalities(value: str | None) -> int | bool | None:
    if not value:
        return None
    try:
        number = float(value)
    except ValueError:
        return False
    return int(number) if number >= 0 and number == int(number) else False


def _inter(value: str | None) -> int | None:
    if not value:
        return None
    if value.strip().isdigit():
        return int(value) or None
    return _INTER_NAMES.get(value.strip().lower())


# -- scoring ---------------------------------------------------------------------------------------


def predicted_events(notes: str, day: str) -> list[dict[str, Any]]:
    """The events of ``notes`` analysed as an article published on ``day``, as export rows."""
    from tidings.analyze import analyze
    from tidings.models import Article

    article = Article.create(notes, published=day)
    return export_rows(analyze(article).to_dict())


def export_rows(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The events of an analysis record, resolved as the store resolves them (detail parsed)."""
    from tidings.store.events import derive_rows

    article_id = str((record.get("article") or {}).get("id") or "article")
    rows = derive_rows(article_id, record)
    for row in rows:
        row["detail"] = json.loads(row["detail"])
    return rows


def primary_event(rows: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The event compared with the ACLED row (the rule in the module docstring), or ``None``."""
    from tidings.store.exports import happened

    codable = [(index, row) for index, row in enumerate(rows) if row.get("event_type")]
    if not codable:
        return None
    opening = min(_sentence_start(row) for _, row in codable)

    def rank(item: tuple[int, dict[str, Any]]) -> tuple[bool, bool, float, bool, int]:
        index, row = item
        return (
            not happened(row),
            _sentence_start(row) > opening,
            -(row.get("confidence") or 0.0),
            row.get("event_type") not in _VIOLENT,
            index,
        )

    return min(codable, key=rank)[1]


def _sentence_start(row: dict[str, Any]) -> int:
    """Where the sentence of an event's trigger starts (its first evidence span)."""
    evidence = (row.get("detail") or {}).get("evidence") or []
    try:
        return int(evidence[0][0])
    except (TypeError, ValueError, IndexError):
        return 0


def score_row(gold: Gold, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The verdicts on one row (``None`` where the gold gives no value to compare)."""
    from tidings.store.exports import acled_row

    event = primary_event(rows)
    coded = acled_row(event) if event is not None else None
    verdict: dict[str, Any] = {
        "row": gold.row,
        "gold": {**asdict(gold), "event_type": gold.event_type},
        "predicted": None,
        "n_events": len(rows),
        "event_type": False,
        "sub_event_type": False if gold.sub_event_type else None,
        "date": False,
        "location": False if gold.lat is not None else None,
        "km": None,
        "fatalities": False if gold.fatalities is not None else None,
        "fatalities_1": False if gold.fatalities is not None else None,
        "actor": False if gold.actor1 or gold.inter1 is not None else None,
    }
    if coded is None or event is None:
        return verdict
    verdict["predicted"] = {key: coded[key] for key in _SHOWN}
    verdict["event_type"] = coded["event_type"] in gold.event_types
    verdict["date"] = coded["event_date"] == gold.event_date
    if gold.sub_event_type:
        verdict["sub_event_type"] = coded["sub_event_type"] == gold.sub_event_type
    if gold.lat is not None and gold.lon is not None and coded["latitude"] != "":
        km = haversine_km(gold.lat, gold.lon, float(coded["latitude"]), float(coded["longitude"]))
        verdict["km"] = round(km, 1)
        verdict["location"] = km <= WITHIN_KM
    if gold.fatalities is not None:
        verdict["fatalities"] = coded["fatalities"] == gold.fatalities
        verdict["fatalities_1"] = abs(int(coded["fatalities"]) - gold.fatalities) <= 1
    if verdict["actor"] is not None:
        verdict["actor"] = actor_match(gold, event, coded)
    return verdict


def actor_match(gold: Gold, event: dict[str, Any], coded: dict[str, Any]) -> bool:
    """A content word shared by gold ``actor1`` and the predicted actors, or the same inter code."""
    if gold.inter1 is not None and coded.get("inter1") == gold.inter1:
        return True
    if not gold.actor1:
        return False
    names = " ".join(
        [
            str(coded.get("actor1") or ""),
            str(coded.get("assoc_actor_1") or ""),
            str(event.get("actors") or ""),
        ]
    )
    return bool(_words(gold.actor1) & _words(names))


def _words(name: str) -> set[str]:
    name = re.sub(r"\([^)]*\)", " ", name)  # ACLED's "(Iraq)", "(2020-)"
    return {w for w in re.findall(r"[^\W\d_]+", name.lower()) if len(w) > 1 and w not in _STOP}


def _analyze_row(gold: Gold) -> list[dict[str, Any]]:
    return predicted_events(gold.notes, gold.event_date)


def evaluate_acled(
    path: Path,
    workers: int | None = None,
    *,
    details: bool = False,
    analyzer: Callable[[Gold], list[dict[str, Any]]] | None = None,
) -> dict[str, Any]:
    """Score the event coder on an ACLED export; ``analyzer`` (for tests) replaces the analysis."""
    found = read_acled(path)
    if analyzer is None:
        predictions = list(parallel_map(_analyze_row, found.rows, workers))
    else:
        predictions = [analyzer(gold) for gold in found.rows]
    verdicts = [score_row(gold, rows) for gold, rows in zip(found.rows, predictions, strict=True)]
    figures: dict[str, Any] = {
        "rows": len(found.rows) + sum(found.skipped.values()),
        "scored": len(found.rows),
        "skipped": sum(found.skipped.values()),
        "skipped_by_reason": dict(found.skipped.most_common()),
        "no_event": sum(1 for v in verdicts if v["predicted"] is None),
    }
    for key, name in (
        ("event_type", "event_type"),
        ("sub_event_type", "sub_event_type"),
        ("date", "date_exact"),
        ("location", "location_25km"),
        ("fatalities", "fatalities_exact"),
        ("fatalities_1", "fatalities_within_1"),
        ("actor", "actor"),
    ):
        judged = [v[key] for v in verdicts if v[key] is not None]
        figures[name] = round(sum(judged) / len(judged), 3) if judged else None
        figures[f"n_{name}"] = len(judged)
    if found.unreadable_fatalities:
        figures["unreadable_fatalities"] = found.unreadable_fatalities
    if details:
        skipped = [{"row": label, "skipped": reason} for label, reason in found.skipped_rows]
        figures["details"] = verdicts + skipped
    return figures
