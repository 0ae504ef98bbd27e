"""Events in the store: rows derived from an analysis record, and filtered reads.

Each ``events`` item of a stored analysis record (GUIDE §2) becomes one row of the ``events`` table,
written in the same transaction as the analysis. The row id is deterministic: the first 16
characters of the article id and the record's event id (``0cbdc410b123fccd-e1``). Every filterable
field has a column; the ``record`` column keeps the event as the analyzer wrote it, and ``detail``
the same event with its actor ids, place and evidence resolved against the record (names, sectors,
coordinates, evidence text), so readers never need the whole analysis.

A record may be incomplete (no date, no location, no actors, unknown actor ids, counts that are not
numbers): such fields are stored empty, never guessed, and never make the write fail.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from tidings.time.periods import period

#: Columns of the ``events`` table, in order (``rowid`` aside).
COLUMNS = (
    "id", "article_id", "event", "published", "type", "event_type", "sub_event_type", "disorder_type",
    "date", "date_start", "date_end", "date_precision", "date_source",
    "country", "admin1", "location", "geonameid", "lat", "lon", "geo_precision",
    "status", "aux", "certainty", "killed", "injured", "arrested",
    "actors", "actor_sectors", "actor_countries", "recipients", "recipient_sectors",
    "recipient_countries", "claimed_by", "sources", "confidence", "trigger", "notes",
    "analyzed_at", "record", "detail",
)  # fmt: skip

_GEO_PRECISION = {
    "sub-city": 1, "city": 1, "town": 1, "village": 1, "point": 1, "neighbourhood": 1,
    "neighborhood": 1, "admin3": 2, "admin2": 2, "district": 2, "near": 2,
    "admin1": 3, "region": 3, "province": 3, "state": 3, "country": 3, "continent": 3,
}  # fmt: skip
_FEATURE_PRECISION = {"ADM1": 3, "PCLI": 3, "PCLD": 3, "PCLS": 3, "PCLF": 3, "ADM2": 2, "ADM3": 2}
_NOTE_LIMIT = 600


def event_id(article_id: str, event: str) -> str:
    """The store's id of an event: ``<article_id[:16]>-<record event id>``."""
    return f"{article_id[:16]}-{event}"


def write_events(
    connection: sqlite3.Connection, article_id: str, record: dict[str, Any], analyzed_at: str
) -> int:
    """Replace the stored events of ``article_id`` by those of ``record``; returns how many.

    Call inside the transaction that writes the analysis, so the two never disagree.
    """
    connection.execute("DELETE FROM events WHERE article_id = ?", (article_id,))
    rows = derive_rows(article_id, record, analyzed_at)
    marks = ", ".join("?" * len(COLUMNS))
    connection.executemany(
        f"INSERT OR REPLACE INTO events ({', '.join(COLUMNS)}) VALUES ({marks})",
        [tuple(row[c] for c in COLUMNS) for row in rows],
    )
    return len(rows)


def derive_rows(
    article_id: str, record: dict[str, Any], analyzed_at: str | None = None
) -> list[dict[str, Any]]:
    """The ``events`` rows of one analysis record (events that are not objects are skipped)."""
    if not isinstance(record, dict):
        return []
    events = record.get("events")
    if not isinstance(events, list):
        return []
    article = record.get("article") if isinstance(record.get("article"), dict) else {}
    text = article.get("text") if isinstance(article.get("text"), str) else ""
    actors = {str(a.get("id")): a for a in _dicts(record.get("actors")) if a.get("id") is not None}
    places = {p.get("geonameid"): p for p in _dicts(record.get("places")) if p.get("geonameid") is not None}
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for index, event in enumerate(events, 1):
        if not isinstance(event, dict):
            continue
        local = str(event.get("id") or f"e{index}")
        if local in seen:
            local = f"{local}.{index}"
        seen.add(local)
        rows.append(_row(article_id, local, event, article, text, actors, places, analyzed_at))
    return rows


def _row(
    article_id: str,
    local: str,
    event: dict[str, Any],
    article: dict[str, Any],
    text: str,
    actors: dict[str, dict[str, Any]],
    places: dict[Any, dict[str, Any]],
    analyzed_at: str | None,
) -> dict[str, Any]:
    acled = event.get("acled") if isinstance(event.get("acled"), dict) else {}
    size = event.get("size") if isinstance(event.get("size"), dict) else {}
    where = _location(event.get("location"), places)
    doers = [_actor(a, actors) for a in _list(event.get("actors"))]
    targets = [_actor(a, actors) for a in _list(event.get("recipients"))]
    day = _text(event.get("date"))
    start, end = date_range(day)
    sources = [str(s) for s in _list(event.get("sources")) if s not in (None, "")]
    notes = evidence_text(text, event.get("evidence"))
    claimed = event.get("claimed_by")
    if isinstance(claimed, str) and claimed in actors:
        claimed = actors[claimed].get("name") or claimed
    detail = {
        **event,
        "id": local,
        "actors": doers,
        "recipients": targets,
        "location": where,
        "notes": notes,
    }
    return {
        "id": event_id(article_id, local),
        "article_id": article_id,
        "event": local,
        "published": _text(article.get("published")),
        "type": _text(event.get("type")),
        "event_type": _text(acled.get("event_type")),
        "sub_event_type": _text(acled.get("sub_event_type")),
        "disorder_type": _text(acled.get("disorder_type")),
        "date": day,
        "date_start": start,
        "date_end": end,
        "date_precision": _text(event.get("date_precision")),
        "date_source": _text(event.get("date_source")),
        "country": where.get("country"),
        "admin1": where.get("admin1"),
        "location": where.get("name"),
        "geonameid": where.get("geonameid"),
        "lat": where.get("lat"),
        "lon": where.get("lon"),
        "geo_precision": where.get("geo_precision"),
        "status": _text(event.get("status")),
        "aux": _text(event.get("aux")),
        "certainty": _text(event.get("certainty")),
        "killed": _count(size.get("killed")),
        "injured": _count(size.get("injured")),
        "arrested": _count(size.get("arrested")),
        "actors": _joined(a["name"] for a in doers),
        "actor_sectors": _joined(a["sector"] for a in doers),
        "actor_countries": _joined(a["country"] for a in doers),
        "recipients": _joined(a["name"] for a in targets),
        "recipient_sectors": _joined(a["sector"] for a in targets),
        "recipient_countries": _joined(a["country"] for a in targets),
        "claimed_by": _text(claimed),
        "sources": _joined(sources),
        "confidence": _number(event.get("confidence")),
        "trigger": _trigger(event.get("trigger"), text),
        "notes": notes or None,
        "analyzed_at": analyzed_at,
        "record": json.dumps(event, ensure_ascii=False, default=str),
        "detail": json.dumps(detail, ensure_ascii=False, default=str),
    }


# -- resolving a record's references ------------------------------------------------------------


def _actor(value: Any, actors: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """An actor reference (an id of the record's actors, a name, or an actor object), resolved."""
    found: dict[str, Any]
    if isinstance(value, dict):
        found = value
        if value.get("id") is not None and str(value["id"]) in actors and not value.get("name"):
            found = {**actors[str(value["id"])], **value}
    elif value is not None and str(value) in actors:
        found = actors[str(value)]
    else:
        found = {"id": None, "name": _text(value)}
    return {
        "id": _text(found.get("id")),
        "name": _text(found.get("name")) or "",
        "sector": _text(found.get("sector")),
        "country": _text(found.get("country")),
        "role": _text(found.get("role")),
    }


def _location(value: Any, places: dict[Any, dict[str, Any]]) -> dict[str, Any]:
    """The event's place with the fields the record left out filled from its ``places`` entry."""
    if not isinstance(value, dict):
        return {}
    place = dict(value)
    known = places.get(place.get("geonameid")) or {}
    for key in ("name", "lat", "lon", "country", "admin1", "feature"):
        if place.get(key) is None and known.get(key) is not None:
            place[key] = known[key]
    if place.get("name") is None and place.get("text"):
        place["name"] = place["text"]
    lat, lon = _number(place.get("lat")), _number(place.get("lon"))
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        lat = lon = None
    precision = place.get("geo_precision", place.get("precision"))
    if precision is None and known:
        precision = known.get("precision")
    return {
        "geonameid": _integer(place.get("geonameid")),
        "name": _text(place.get("name")),
        "lat": lat,
        "lon": lon,
        "country": (_text(place.get("country")) or "").upper() or None,
        "admin1": _text(place.get("admin1")),
        "precision": _text(place.get("precision")),
        "geo_precision": geo_precision(precision, _text(place.get("feature"))),
        "start": _integer(place.get("start")),
        "end": _integer(place.get("end")),
    }


def geo_precision(precision: Any, feature: str | None = None) -> int | None:
    """ACLED's geo precision (1 town, 2 near a town or a district, 3 a region or a country)."""
    if isinstance(precision, bool):
        return None
    if isinstance(precision, int | float) and int(precision) in (1, 2, 3):
        return int(precision)
    if isinstance(precision, str):
        if precision.strip() in ("1", "2", "3"):
            return int(precision)
        found = _GEO_PRECISION.get(precision.strip().lower())
        if found:
            return found
    if feature:
        return _FEATURE_PRECISION.get(feature, 1 if feature.startswith("PPL") else None)
    return None


def evidence_text(text: str, spans: Any, limit: int = _NOTE_LIMIT) -> str:
    """The sentences holding the evidence spans, in text order, each once (bounded in length)."""
    if not text or not isinstance(spans, list):
        return ""
    pieces: list[tuple[int, int]] = []
    for span in spans:
        if not (isinstance(span, list | tuple) and len(span) == 2):
            continue
        start, end = _integer(span[0]), _integer(span[1])
        if start is None or end is None or not 0 <= start < end <= len(text):
            continue
        pieces.append(_sentence(text, start, end))
    merged: list[list[int]] = []
    for start, end in sorted(pieces):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)  # overlapping evidence: one stretch of text
        else:
            merged.append([start, end])
    notes: list[str] = []
    for start, end in merged:
        sentence = " ".join(text[start:end].split())
        if sentence and sentence not in notes:
            notes.append(sentence if len(sentence) <= limit else sentence[: limit - 1] + "…")
    return " ".join(notes)


_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+(?=[\"'“‘(]*[A-Z0-9])|\n\s*\n")


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` widened to the enclosing sentence (at most ``_NOTE_LIMIT`` characters away)."""
    left = max(0, start - _NOTE_LIMIT)
    before = [m.end() for m in _SENTENCE_END.finditer(text, left, start)]
    begin = before[-1] if before else (0 if left == 0 else start)
    after = _SENTENCE_END.search(text, end, min(len(text), end + _NOTE_LIMIT))
    finish = after.start() if after else min(len(text), end + _NOTE_LIMIT)
    if not after and finish < len(text):
        finish = end
    return begin, max(finish, end)


def _trigger(value: Any, text: str) -> str | None:
    if isinstance(value, dict):
        return _text(value.get("text")) or _trigger([value.get("start"), value.get("end")], text)
    if isinstance(value, list | tuple) and len(value) == 2:
        start, end = _integer(value[0]), _integer(value[1])
        if start is not None and end is not None and 0 <= start < end <= len(text):
            return text[start:end]
        return None
    return _text(value)


# -- dates --------------------------------------------------------------------------------------


def date_range(value: str | None) -> tuple[str | None, str | None]:
    """First and last day a TIMEX3 date value covers (``2021-11`` → 2021-11-01 … 2021-11-30)."""
    found = period(value)
    return (found[0].isoformat(), found[1].isoformat()) if found else (None, None)


# -- reading ------------------------------------------------------------------------------------


@dataclass(slots=True)
class EventFilter:
    """Filters of ``tidings events``; every one left ``None`` matches everything."""

    type: str | None = None
    acled_type: str | None = None
    country: str | None = None
    since: str | None = None
    until: str | None = None
    actor: str | None = None
    place: str | None = None
    search: str | None = None
    article_id: str | None = None
    limit: int | None = None

    def indexed(self) -> tuple[list[str], list[Any]]:
        """Type, ACLED type (event or sub-event type), country and date range as clauses on
        ``events e`` with their parameters: type and ACLED type compare case-blind (ASCII), written
        so that the store's ``COLLATE NOCASE`` indexes serve them."""
        clauses: list[str] = []
        params: list[Any] = []
        for clause, values in self.indexed_each():
            clauses.append(clause)
            params += values
        return clauses, params

    def indexed_each(self) -> list[tuple[str, list[Any]]]:
        """The clauses of :meth:`indexed`, each with its own parameters."""
        out: list[tuple[str, list[Any]]] = []
        if self.type:
            out.append(("e.type = ? COLLATE NOCASE", [self.type.strip()]))
        if self.acled_type:
            out.append(
                (
                    "(e.event_type = ? COLLATE NOCASE OR e.sub_event_type = ? COLLATE NOCASE)",
                    [self.acled_type.strip()] * 2,
                )
            )
        if self.country:
            out.append(("e.country = ?", [self.country.strip().upper()]))
        if self.since:
            out.append(("e.date_end >= ?", [self.since]))
        if self.until:
            out.append(("e.date_start <= ?", [self.until]))
        return out

    def where(self) -> tuple[str, list[Any]]:
        """The SQL ``WHERE`` clause (possibly empty) and its parameters."""
        clauses, params = self.indexed()
        searched = [(NAME_COLUMNS["actor"], self.actor), (NAME_COLUMNS["place"], self.place)]
        searched += [(_SEARCH_COLUMNS, word) for word in (self.search or "").split()]
        for columns, value in searched:
            if value:
                clause, values = like_any(columns, value)
                clauses.append(clause)
                params += values
        if self.article_id:
            clauses.append("e.article_id LIKE ? ESCAPE '\\'")
            params.append(_escape(self.article_id) + "%")
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def query_events(connection: sqlite3.Connection, filters: EventFilter) -> Iterator[dict[str, Any]]:
    """Stored events matching ``filters``, latest first; each row with ``detail`` parsed.

    ``record`` (the event as the analyzer wrote it) is parsed too; the article outlet and URL come
    along for exports.
    """
    where, params = filters.where()
    sql = (
        "SELECT e.*, a.outlet AS outlet, a.url AS url FROM events e JOIN articles a ON a.id = e.article_id"
        f"{where} ORDER BY e.date_start IS NULL, e.date_start DESC, e.published DESC, e.article_id, e.rowid"
    )
    if filters.limit is not None:
        sql += " LIMIT ?"
        params.append(filters.limit)
    cursor = connection.execute(sql, params)
    names = [d[0] for d in cursor.description]
    for values in cursor:
        row = dict(zip(names, values, strict=True))
        row["record"] = json.loads(row["record"])
        row["detail"] = json.loads(row["detail"])
        yield row


#: The columns an actor or a place name is looked for in (``actor=``, ``place=`` filters).
NAME_COLUMNS = {"actor": ("actors", "recipients"), "place": ("location", "admin1")}
_SEARCH_COLUMNS = ("notes", "trigger", "actors", "recipients")


def like_any(columns: tuple[str, ...], value: str) -> tuple[str, list[str]]:
    """``value`` as a substring of any of ``columns`` of ``events e`` (SQLite's ``LIKE``: ASCII
    case-blind), as a clause and its parameters."""
    clause = "(" + " OR ".join(f"e.{column} LIKE ? ESCAPE '\\'" for column in columns) + ")"
    return clause, [_like(value)] * len(columns)


def _like(value: str) -> str:
    return f"%{_escape(value.strip())}%"


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# -- small coercions ----------------------------------------------------------------------------


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, dict | list):
        return None
    text = str(value).strip()
    return text or None


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        number = float(value)
    except ValueError:
        return None
    return number if number == number and abs(number) != float("inf") else None


def _integer(value: Any) -> int | None:
    number = _number(value)
    return int(number) if number is not None and number == int(number) else None


def _count(value: Any) -> int | None:
    """A casualty or arrest count: a non-negative integer (capped), else ``None``."""
    number = _integer(value)
    if number is None or number < 0:
        return None
    return min(number, 10**9)


def _joined(values: Any) -> str | None:
    kept = [str(v) for v in values if v not in (None, "")]
    return "; ".join(kept) if kept else None
