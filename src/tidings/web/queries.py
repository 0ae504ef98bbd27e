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
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from tidings.store.events import NAME_COLUMNS, EventFilter, like_any

MAX_LIMIT = 10_000


class BadRequest(ValueError):
    """A parameter the API cannot use (the message says which and why)."""


#: Totals are counted up to this many; past it ``total`` is this number and ``total_exact`` false.
TOTAL_CAP = 10_000
#: …and for at most this many seconds (``None``: no limit); past it the count so far is a lower bound.
COUNT_BUDGET: float | None = 0.015
#: A substring, word or story filter matching at most this many events drives the query (its events
#: are fetched and sorted); one matching more is checked on each row of a walk in date order.
CANDIDATES = 4_000


def _phrase(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


@dataclass(slots=True)
class Narrowing:
    """A filter that can list its matching events through an index (``rowids``, a subquery on
    event rowids with its parameters), and the check of the same filter on a row (``check``)."""

    rowids: str
    rowid_params: list[Any]
    check: str
    check_params: list[Any]
    exact: bool = True  # whether ``rowids`` lists exactly the matching events (else a superset)


@dataclass(slots=True)
class EventQuery:
    """An events request: the store's filters and the API's extras."""

    filters: EventFilter = field(default_factory=EventFilter)
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    story: str | None = None
    text: str | None = None  # full-text words in the article
    cursor: str | None = None
    limit: int = 100
    merged: bool = False

    def plain(self) -> tuple[list[str], list[Any]]:
        """The filters an index of the events table serves in date order (type, ACLED type,
        country, dates: :meth:`EventFilter.indexed`, as ``tidings events`` filters) and ``merged``."""
        clauses, params = self.filters.indexed()
        if self.merged:  # one row per happening: the first report of each merged event
            clauses.append("EXISTS (SELECT 1 FROM merged_events mr WHERE mr.representative = e.id)")
        return clauses, params

    def narrowings(self) -> list[Narrowing]:
        """The filters that can list their own events: story, words, bounding box, actor, place."""
        out: list[Narrowing] = []
        if self.story is not None:
            listed = (
                "SELECT ev.rowid AS r FROM merged_events m JOIN event_links l ON l.merged_id = m.id "
                "JOIN events ev ON ev.id = l.event_id WHERE m.story_id = ?"
            )
            check = (
                "EXISTS (SELECT 1 FROM event_links sl JOIN merged_events sm ON sm.id = sl.merged_id "
                "WHERE sl.event_id = e.id AND sm.story_id = ?)"
            )
            out.append(Narrowing(listed, [self.story], check, [self.story]))
        if self.text:
            match = " ".join(_phrase(w) for w in self.text.split())
            listed = (
                "SELECT ev.rowid AS r FROM articles_fts f JOIN articles a ON a.rowid = f.rowid "
                "JOIN events ev ON ev.article_id = a.id WHERE articles_fts MATCH ?"
            )
            check = (  # the matching articles' rowids, gathered once; each row looks its article up
                "(SELECT ta.rowid FROM articles ta WHERE ta.id = e.article_id) IN "
                "(SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
            )
            out.append(Narrowing(listed, [match], check, [match]))
        if self.bbox is not None:
            west, south, east, north = self.bbox
            box, box_params = "lat BETWEEN ? AND ?", [south, north]
            if west <= east:
                box += " AND lon BETWEEN ? AND ?"
            else:  # the box crosses the antimeridian
                box += " AND (lon >= ? OR lon <= ?)"
            box_params += [west, east]
            listed = f"SELECT rowid AS r FROM events WHERE {box}"  # within the (lat, lon) index
            # on a walk in date order the box is checked on each row, not looked up in the index
            check = "(" + box.replace("lat ", "+e.lat ").replace("lon ", "+e.lon ") + ")"
            out.append(Narrowing(listed, box_params, check, box_params))
        for value, columns in ((self.filters.actor, NAME_COLUMNS["actor"]),
                               (self.filters.place, NAME_COLUMNS["place"])):  # fmt: skip
            if not value:
                continue
            check, check_params = like_any(columns, value)
            words = value.strip()
            # the trigram index finds substrings of 3 characters or more (case-blind, a superset of
            # LIKE's ASCII case folding); the LIKE on the row decides
            listed = (
                "SELECT rowid AS r FROM events_names WHERE events_names MATCH ?" if len(words) >= 3 else ""
            )
            out.append(
                Narrowing(listed, ["{" + " ".join(columns) + "} : " + _phrase(words)], check,
                          check_params, exact=False)
            )  # fmt: skip
        return out


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
    connection: sqlite3.Connection, query: EventQuery, exact_total: bool = False
) -> dict[str, Any]:
    """One page of events (latest first) with the total and the next page's cursor.

    The total is counted up to :data:`TOTAL_CAP` (``total_exact`` false past it) unless
    ``exact_total``. Pages are keyset pages on ``(date_start, rowid)``: each page costs the same,
    however deep, and a page never repeats or skips an event of the previous ones.
    """
    after = _cursor(query.cursor)
    clauses, params = _clauses(connection, query)
    found = _page(connection, clauses, params, after, query.limit + 1, query.filters.since)
    shown = found[: query.limit]
    cap = None if exact_total else TOTAL_CAP
    total, exact = count_events(connection, clauses, params, cap, at_least=len(found))
    events = _summaries(connection, [rowid for rowid, _ in shown])
    following = None
    if len(found) > query.limit:
        rowid, day = shown[-1]
        following = _make_cursor(day, rowid)
    return {"events": events, "total": total, "total_exact": exact, "next": following}


def _clauses(connection: sqlite3.Connection, query: EventQuery) -> tuple[list[str], list[Any]]:
    """Every filter as clauses on ``events e``; a filter that lists at most :data:`CANDIDATES`
    events (the fewest, if several do) becomes the list of its event rowids."""
    clauses, params = query.plain()
    narrowings = query.narrowings()
    driver: Narrowing | None = None
    listed: list[int] = []
    for narrowing in narrowings:
        if not narrowing.rowids:
            continue
        rows = connection.execute(
            f"SELECT r FROM ({narrowing.rowids}) LIMIT ?", [*narrowing.rowid_params, CANDIDATES + 1]
        ).fetchall()
        if len(rows) <= CANDIDATES and (driver is None or len(rows) < len(listed)):
            driver, listed = narrowing, [r[0] for r in rows]
    if driver is not None:
        clauses.append(f"e.rowid IN ({', '.join('?' * len(listed))})" if listed else "0")
        params += listed
    for narrowing in narrowings:
        if narrowing is not driver or not narrowing.exact:
            clauses.append(narrowing.check)
            params += narrowing.check_params
    return clauses, params


def _stopper(deadline: float) -> Any:
    """A progress handler that stops a statement past ``deadline``, but never one that has done
    little work (under 200,000 steps): small stores always get whole answers, whatever the load."""
    calls = [0]

    def stop() -> bool:
        calls[0] += 1
        return calls[0] > 200 and time.perf_counter() > deadline

    return stop


@contextmanager
def _time_budget(connection: sqlite3.Connection, seconds: float | None) -> Iterator[None]:
    """Statements run inside stop with ``sqlite3.OperationalError`` ("interrupted", see
    :func:`_interrupted`) once ``seconds`` have passed (see :func:`_stopper`); ``None``: no limit."""
    if seconds is None:
        yield
        return
    connection.set_progress_handler(_stopper(time.perf_counter() + seconds), 1_000)
    try:
        yield
    finally:
        connection.set_progress_handler(None, 0)


def _interrupted(exc: sqlite3.OperationalError) -> bool:
    return "interrupt" in str(exc)


def count_events(
    connection: sqlite3.Connection,
    clauses: list[str],
    params: list[Any],
    cap: int | None,
    at_least: int = 0,
) -> tuple[int, bool]:
    """How many events match, and whether that is the exact number.

    Counted up to ``cap`` and for at most :data:`COUNT_BUDGET` seconds: past either, the number
    counted so far (never less than ``at_least``, the events already known to match) is a lower
    bound. ``cap=None`` counts them all, however long it takes.
    """
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    if cap is None:
        return connection.execute(f"SELECT COUNT(*) FROM events e{where}", params).fetchone()[0], True
    n = 0
    try:
        with _time_budget(connection, COUNT_BUDGET):
            cursor = connection.execute(f"SELECT 1 FROM events e{where} LIMIT ?", [*params, cap + 1])
            while rows := cursor.fetchmany(64):
                n += len(rows)
    except sqlite3.OperationalError as exc:
        if not _interrupted(exc):
            raise
        return max(n, at_least), False
    return min(n, cap), n <= cap


def _page(
    connection: sqlite3.Connection,
    clauses: list[str],
    params: list[Any],
    after: tuple[str, int] | None,
    n: int,
    since: str | None = None,
) -> list[tuple[int, str | None]]:
    """Up to ``n`` (rowid, date_start) of matching events after the cursor: dated events latest
    first, then the undated ones (as ``ORDER BY date_start DESC`` puts NULLs last).

    With a ``since`` bound, the events that start within the range come first (a bounded walk of
    the date index), then those that start before it and end within it (from the index of end
    dates): the same order, without walking the whole store when the range holds few events."""
    found: list[tuple[int, str | None]] = []
    day, rowid = after if after is not None else (None, None)
    if after is None or day:
        keyset, extra = ["e.date_start IS NOT NULL"], []
        if after is not None:  # a range on the date index, then the rowid within the day
            keyset.append("e.date_start <= ? AND (e.date_start < ? OR e.rowid < ?)")
            extra = [day, day, rowid]
        if since is None:
            found += _ids(connection, clauses + keyset, params + extra, n)
        else:
            found += _ids(connection, [*clauses, *keyset, "e.date_start >= ?"], [*params, *extra, since], n)
            if len(found) < n:
                where = [*clauses, *keyset, "e.date_start < ?"]
                more = _ids(connection, where, [*params, *extra, since], n - len(found), by_end=True)
                found += more
    if len(found) < n:
        keyset, extra = ["e.date_start IS NULL"], []
        if after is not None and not day:
            keyset.append("e.rowid < ?")
            extra = [rowid]
        found += _ids(connection, clauses + keyset, params + extra, n - len(found))
    return found


def _ids(
    connection: sqlite3.Connection, clauses: list[str], params: list[Any], n: int, by_end: bool = False
) -> list[tuple[int, str | None]]:
    where = " AND ".join(clauses)
    if by_end:  # events spanning days, found through their index by end date, then sorted
        where = where.replace("e.date_start", "+e.date_start") + " AND e.date_end > e.date_start"
    else:  # a walk in date order checks date_end on each row
        where = where.replace("e.date_end >= ?", "+e.date_end >= ?")
    order = "+e.date_start DESC, +e.rowid DESC" if by_end else "e.date_start DESC, e.rowid DESC"
    sql = f"SELECT e.rowid, e.date_start FROM events e WHERE {where} ORDER BY {order}"
    return [(r[0], r[1]) for r in connection.execute(sql + " LIMIT ?", [*params, n])]


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
#: Past the budget, the counts are of this many latest matching events.
FACET_FALLBACK = 2_000


def facets(connection: sqlite3.Connection, query: EventQuery) -> dict[str, Any]:
    """Counts of the matching events by type, ACLED type, country and day.

    When more than :data:`FACET_CAP` events match, or counting them all would take more than
    :data:`FACET_BUDGET` seconds, the counts are those of the latest matching events counted
    (``partial`` true, ``counted`` says how many), so a request costs about the same on any store;
    ``total`` is counted as in :func:`list_events`.
    """
    clauses, params = _clauses(connection, query)
    total, exact = count_events(connection, clauses, params, TOTAL_CAP)
    where = " AND ".join(clauses).replace("e.date_end >= ?", "+e.date_end >= ?")
    matching = (
        "SELECT e.type, e.sub_event_type, e.country, substr(e.date_start, 1, 10) AS day FROM events e"
        + (f" WHERE {where}" if where else "")
    )
    latest = matching + " ORDER BY e.date_start DESC, e.rowid DESC"  # in the order of the event list
    interrupted = False
    try:
        with _time_budget(connection, FACET_BUDGET):
            rows = _facet_counts(
                connection, latest if total > FACET_CAP or not exact else matching, params, FACET_CAP
            )
    except sqlite3.OperationalError as exc:
        if not _interrupted(exc):
            raise
        interrupted = True
    if interrupted:  # over the time budget: the latest few, a bounded walk of the date index
        rows = _facet_counts(connection, latest, params, FACET_FALLBACK)
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
        "partial": (interrupted and counted >= FACET_FALLBACK) or counted < total or not exact,
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
