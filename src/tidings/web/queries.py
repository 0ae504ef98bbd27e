"""Read queries of the web app: filtered, paginated events, facets, articles and stories.

Filters build on the store's :class:`~tidings.store.events.EventFilter` (the same filters as
``tidings events``) plus what only the API needs: a bounding box, a story, and a keyset cursor.
Every value is bound as a parameter; nothing from a request is spliced into SQL.
"""

from __future__ import annotations

import base64
import binascii
import json
import sqlite3
from typing import Any

from tidings.web import planner
from tidings.web.planner import (
    BadRequest,
    EventQuery,
    Narrowing,
    Plan,
    count_events,
    find_page,
    interrupted,
    listed_plan,
    time_budget,
)

__all__ = ["BadRequest", "EventQuery", "Narrowing"]

MAX_LIMIT = 10_000


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """``west,south,east,north`` in degrees, or ``None``."""
    if value is None or not value.strip():
        return None
    parts = value.split(",")
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise BadRequest("bbox: expected west,south,east,north in degrees, e.g. 38,29,49,38") from None
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise BadRequest("bbox: longitudes must be within ±180 and south ≤ north within ±90")
    return west, south, east, north


def _cursor(value: str | None) -> tuple[str, int] | None:
    if not value:
        return None
    try:
        day, rowid = json.loads(base64.urlsafe_b64decode(value.encode("ascii") + b"==").decode("utf-8"))
        return str(day), int(rowid)
    except (ValueError, TypeError, UnicodeError, binascii.Error):
        raise BadRequest("cursor: not a cursor this API gave out; start again without it") from None


def _make_cursor(day: str | None, rowid: int) -> str:
    raw = json.dumps([day or "", rowid]).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


#: What a listed event needs: columns only (the JSON documents are not read for a list).
LIST_COLUMNS = (
    "e.rowid AS rowid_, e.id, e.article_id, e.date, e.date_start, e.date_precision, e.date_source, e.type, "
    "e.event_type, e.sub_event_type, e.disorder_type, e.location, e.lat, e.lon, e.country, e.admin1, "
    "e.geonameid, e.geo_precision, e.actors, e.recipients, e.status, e.aux, e.certainty, e.killed, "
    "e.injured, e.arrested, e.claimed_by, e.sources, e.confidence, "
    "json_extract(e.record, '$.modes') AS modes, a.title AS title, a.outlet AS outlet, "
    "l.merged_id AS merged_id, m.n_articles AS n_articles, m.n_sources AS n_sources, m.story_id AS story_id"
)


FROM_EVENTS = (
    "events e JOIN articles a ON a.id = e.article_id LEFT JOIN event_links l ON l.event_id = e.id "
    "LEFT JOIN merged_events m ON m.id = l.merged_id"
)


def _rows(connection: sqlite3.Connection, sql: str, params: tuple[Any, ...]) -> list[dict[str, Any]]:
    cursor = connection.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def has_table(connection: sqlite3.Connection, name: str) -> bool:
    """Whether the database has table ``name``."""
    row = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
    ).fetchone()
    return row is not None


def list_events(
    connection: sqlite3.Connection,
    query: EventQuery,
    exact_total: bool = False,
    features: frozenset[str] | None = None,
) -> dict[str, Any]:
    """One page of events (latest first) with the total and the next page's cursor.

    With ``features`` (property names, all of :data:`LEAN_FIELDS`), the page is GeoJSON features
    (``features``, events without coordinates left out) carrying only those properties, read as
    plain columns: no event summary is built (10,000 events for a map: several times faster).

    The total is counted up to :data:`~tidings.web.planner.TOTAL_CAP` (``total_exact`` false past it) unless
    ``exact_total``; a first page holding every match needs no count. Pages are keyset pages on
    ``(date_start, rowid)``: each page costs the same, however deep, and a page never repeats or
    skips an event of the previous ones. :mod:`tidings.web.planner` chooses how they are found.
    """
    after = _cursor(query.cursor)
    plan, found = find_page(connection, query, after, query.limit + 1)
    shown = found[: query.limit]
    if after is None and len(found) <= query.limit:
        total, exact = len(found), True  # the first page is every match
    elif plan.matches is not None:  # the planner listed every match (a single listing filter)
        total, exact = plan.matches, True
        if not exact_total and total > planner.TOTAL_CAP:
            total, exact = planner.TOTAL_CAP, False
    else:
        counted = Plan(plan.clauses, plan.params) if _plain_walk(plan, query) else plan
        cap = None if exact_total else planner.TOTAL_CAP
        total, exact = count_events(connection, counted, cap, at_least=len(found))
    rowids = [rowid for rowid, _ in shown]
    following = None
    if len(found) > query.limit:
        rowid, day = shown[-1]
        following = _make_cursor(day, rowid)
    if features is not None:
        lean = _features(connection, rowids, features)
        return {"features": lean, "total": total, "total_exact": exact, "next": following}
    events = _summaries(connection, rowids)
    return {"events": events, "total": total, "total_exact": exact, "next": following}


#: Properties of a listed event that are plain columns of the events table (``location``: the
#: place's name, as GeoJSON features carry it).
LEAN_FIELDS = {
    name: f"e.{name}"
    for name in ("id", "article_id", "type", "date", "date_precision", "date_source", "event_type",
                 "sub_event_type", "disorder_type", "location", "status", "aux", "certainty",
                 "claimed_by", "confidence")
}  # fmt: skip


def _features(connection: sqlite3.Connection, rowids: list[int], fields: frozenset[str]) -> list[Any]:
    """GeoJSON point features of the events ``rowids`` (in that order) with the properties
    ``fields``, in one statement, from tuples."""
    names = sorted(fields)
    columns = ", ".join(LEAN_FIELDS[name] for name in names)
    sql = (
        f"SELECT e.lon, e.lat{', ' + columns if columns else ''} FROM json_each(?) j "
        "JOIN events e ON e.rowid = j.value WHERE e.lat IS NOT NULL AND e.lon IS NOT NULL ORDER BY j.key"
    )
    return [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [row[0], row[1]]},
            "properties": dict(zip(names, row[2:], strict=True)),
        }
        for row in connection.execute(sql, (json.dumps(rowids),))
    ]


def _plain_walk(plan: Plan, query: EventQuery) -> bool:
    """Whether ``plan`` walks with only the filters of an index of type, country or dates (which
    SQLite counts best within that index)."""
    return plan.index is not None and len(plan.clauses) == len(query.plain()[0])


def _summaries(connection: sqlite3.Connection, rowids: list[int]) -> list[dict[str, Any]]:
    """The listed events of ``rowids``, in that order."""
    rows: dict[int, dict[str, Any]] = {}
    for start in range(0, len(rowids), 200):  # small lists: the planner looks each row up
        chunk = rowids[start : start + 200]
        sql = f"SELECT {LIST_COLUMNS} FROM {FROM_EVENTS} WHERE e.rowid IN ({', '.join('?' * len(chunk))})"
        cursor = connection.execute(sql, chunk)
        names = [d[0] for d in cursor.description]
        rows.update((row[0], dict(zip(names, row, strict=True))) for row in cursor)
    return [summary(rows[r]) for r in rowids if r in rows]


def summary(row: dict[str, Any]) -> dict[str, Any]:
    """An events-table row as the API lists it."""
    modes = row.get("modes")
    if isinstance(modes, str):
        try:
            modes = json.loads(modes)
        except ValueError:
            modes = []
    location = None
    if row.get("lat") is not None and row.get("lon") is not None:
        location = {
            "name": row.get("location"),
            "lat": row["lat"],
            "lon": row["lon"],
            "country": row.get("country"),
            "admin1": row.get("admin1"),
            "geonameid": row.get("geonameid"),
            "precision": row.get("geo_precision"),
        }
    return {
        "id": row["id"],
        "article_id": row["article_id"],
        "title": row.get("title"),
        "outlet": row.get("outlet"),
        "date": row.get("date"),
        "date_precision": row.get("date_precision"),
        "date_source": row.get("date_source"),
        "type": row.get("type"),
        "modes": modes if isinstance(modes, list) else [],
        "event_type": row.get("event_type"),
        "sub_event_type": row.get("sub_event_type"),
        "disorder_type": row.get("disorder_type"),
        "location": location,
        "actors": _split(row.get("actors")),
        "recipients": _split(row.get("recipients")),
        "status": row.get("status"),
        "aux": row.get("aux"),
        "certainty": row.get("certainty"),
        "size": {"killed": row.get("killed"), "injured": row.get("injured"), "arrested": row.get("arrested")},
        "claimed_by": row.get("claimed_by"),
        "sources": _split(row.get("sources")),
        "confidence": row.get("confidence"),
        "merged_id": row.get("merged_id"),
        "n_articles": row.get("n_articles"),
        "n_sources": row.get("n_sources"),
        "story": row.get("story_id"),
    }


def _split(value: str | None) -> list[str]:
    return [part for part in (value or "").split("; ") if part]


def event_detail(connection: sqlite3.Connection, event_id: str) -> dict[str, Any] | None:
    """One event with its evidence spans, trigger, sources and the reports that carry it."""
    sql = (
        "SELECT e.rowid AS rowid_, e.*, a.title AS title, a.outlet AS outlet, a.url AS url, "
        "a.published AS article_published FROM events e JOIN articles a ON a.id = e.article_id WHERE e.id = ?"
    )
    cursor = connection.execute(sql, (event_id,))
    row = cursor.fetchone()
    if row is None:
        return None
    record = dict(zip([d[0] for d in cursor.description], row, strict=True))
    event = summary(record)
    detail = json.loads(record["detail"])
    event["modes"] = detail.get("modes") or []
    event["evidence"] = [list(span) for span in detail.get("evidence") or [] if _is_span(span)]
    event["trigger"] = detail.get("trigger") if _is_span(detail.get("trigger")) else None
    event["contexts"] = detail.get("contexts") or []
    event["notes"] = record.get("notes")
    event["actor_details"] = detail.get("actors") or []
    event["recipient_details"] = detail.get("recipients") or []
    reports = _rows(
        connection,
        "SELECT e2.id AS event_id, e2.article_id, a.title, a.outlet, a.url, a.published, e2.date, e2.type, "
        "e2.killed, e2.injured, e2.notes FROM event_links l1 "
        "JOIN event_links l2 ON l2.merged_id = l1.merged_id "
        "JOIN events e2 ON e2.id = l2.event_id JOIN articles a ON a.id = e2.article_id "
        "WHERE l1.event_id = ? ORDER BY a.published IS NULL, a.published, e2.rowid",
        (event_id,),
    ) or [
        {
            "event_id": event_id,
            "article_id": record["article_id"],
            "title": record.get("title"),
            "outlet": record.get("outlet"),
            "url": record.get("url"),
            "published": record.get("article_published"),
        }
    ]
    merged = _rows(
        connection,
        "SELECT m.* FROM merged_events m JOIN event_links l ON l.merged_id = m.id WHERE l.event_id = ?",
        (event_id,),
    )
    if merged:
        event["merged"] = {
            **{k: merged[0][k] for k in ("id", "n_articles", "n_sources", "first_reported", "last_reported")},
            "sources": json.loads(merged[0]["sources"] or "{}"),
            "disagreements": json.loads(merged[0]["details"] or "{}"),
            "story": merged[0]["story_id"],
        }
    return {"event": event, "reports": reports}


def _is_span(value: Any) -> bool:
    return (
        isinstance(value, list | tuple)
        and len(value) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    )


def article(connection: sqlite3.Connection, article_id: str) -> dict[str, Any] | None:
    """An article with every annotation of its analysis record."""
    cursor = connection.execute(
        "SELECT id, title, published, outlet, url, lang, text, paragraphs FROM articles WHERE id = ?",
        (article_id,),
    )
    row = cursor.fetchone()
    if row is None:
        return None
    item = dict(zip([d[0] for d in cursor.description], row, strict=True))
    item["paragraphs"] = [[s, e, lang] for s, e, lang, *_ in json.loads(item["paragraphs"] or "[]")]
    found = connection.execute("SELECT record FROM analyses WHERE article_id = ?", (article_id,)).fetchone()
    record = json.loads(found[0]) if found else None
    if record is not None:
        record.pop("article", None)
    events = [
        r[0]
        for r in connection.execute(
            "SELECT id FROM events WHERE article_id = ? ORDER BY rowid", (article_id,)
        )
    ]
    return {"article": item, "record": record, "event_ids": events}


#: Facets are counted over at most this many matching events (the latest, when more match)…
FACET_CAP = 20_000
#: …and for at most this many seconds (``None``: no limit): the latest events counted by then.
FACET_BUDGET: float | None = 0.04
#: Past the budget, the counts are of this many latest matching events (a tenth of them when counting
#: those takes longer than the budget again, e.g. when each row is checked for words).
FACET_FALLBACK = 2_000


def facets(connection: sqlite3.Connection, query: EventQuery) -> dict[str, Any]:
    """Counts of the matching events by type, ACLED type, country and day.

    When more than :data:`FACET_CAP` events match, or counting them all would take more than
    :data:`FACET_BUDGET` seconds, the counts are those of the latest matching events counted
    (``partial`` true, ``counted`` says how many), so a request costs about the same on any store;
    ``total`` is counted as in :func:`list_events`.
    """
    plan = listed_plan(connection, query)
    params = plan.params
    total, exact = count_events(connection, plan, planner.TOTAL_CAP)
    where = plan.where().replace("e.date_end >= ?", "+e.date_end >= ?")
    matching = (
        "SELECT e.type, e.sub_event_type, e.country, substr(e.date_start, 1, 10) AS day "
        f"FROM {plan.source()}{where}"
    )
    latest = matching + " ORDER BY e.date_start DESC, e.rowid DESC"  # in the order of the event list
    stopped = False
    try:
        with time_budget(connection, FACET_BUDGET):
            rows = _facet_counts(
                connection, latest if total > FACET_CAP or not exact else matching, params, FACET_CAP
            )
    except sqlite3.OperationalError as exc:
        if not interrupted(exc):
            raise
        stopped = True
    fallback = FACET_FALLBACK
    if stopped:  # over the time budget: the latest few (and, over it again, a tenth of them)
        try:
            with time_budget(connection, FACET_BUDGET):
                rows = _facet_counts(connection, latest, params, fallback)
        except sqlite3.OperationalError as exc:
            if not interrupted(exc):
                raise
            fallback = max(1, FACET_FALLBACK // 10)
            rows = _facet_counts(connection, latest, params, fallback)
    counts: list[dict[str, int]] = [{}, {}, {}, {}]  # types, ACLED types, countries, days
    counted = 0
    for tally, key, n in rows:
        if tally == 0:
            counted += n
        if key is not None:
            counts[tally][key] = n
    types, acled, countries, days = counts
    return {
        "types": _ranked(types),
        "acled_types": _ranked(acled),
        "countries": _ranked(countries),
        "dates": [{"date": d, "n": days[d]} for d in sorted(days)],
        "total": max(total, counted) if not exact else total,
        "total_exact": exact,
        "partial": (stopped and counted >= fallback) or counted < total or not exact,
        "counted": counted,
    }


def _facet_counts(
    connection: sqlite3.Connection, matching: str, params: list[Any], cap: int
) -> list[tuple[int, str | None, int]]:
    """(facet, value, count) of the first ``cap`` rows of ``matching``, counted by SQLite in one
    statement (no Python loop over the rows, so other requests keep running meanwhile)."""
    sql = (
        f"WITH m AS MATERIALIZED ({matching} LIMIT ?) "
        "SELECT 0, type, COUNT(*) FROM m GROUP BY type UNION ALL "
        "SELECT 1, sub_event_type, COUNT(*) FROM m GROUP BY sub_event_type UNION ALL "
        "SELECT 2, country, COUNT(*) FROM m GROUP BY country UNION ALL "
        "SELECT 3, day, COUNT(*) FROM m GROUP BY day"
    )
    return connection.execute(sql, [*params, cap]).fetchall()


def _ranked(counts: dict[str, int]) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def stories(connection: sqlite3.Connection) -> list[dict[str, Any]]:
    """Stories, most recent first (none before the stories stage has run)."""
    if not has_table(connection, "stories"):
        return []
    cursor = connection.execute("SELECT * FROM stories ORDER BY last DESC, id")
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def timeline(connection: sqlite3.Connection, story_id: str) -> dict[str, Any] | None:
    """A story and its events in date order."""
    if not has_table(connection, "stories"):
        return None
    cursor = connection.execute("SELECT * FROM stories WHERE id = ?", (story_id,))
    row = cursor.fetchone()
    if row is None:
        return None
    story = dict(zip([d[0] for d in cursor.description], row, strict=True))
    sql = (
        f"SELECT {LIST_COLUMNS} FROM {FROM_EVENTS} "
        "WHERE e.id IN (SELECT representative FROM merged_events WHERE story_id = ?) "
        "ORDER BY e.date_start IS NULL, e.date_start, e.rowid"
    )
    cursor = connection.execute(sql, (story_id,))
    names = [d[0] for d in cursor.description]
    return {"story": story, "events": [summary(dict(zip(names, r, strict=True))) for r in cursor]}
