"""Merged events and stories in the store: the linker's reads and writes (schema v4).

``link_events`` runs the linker of :mod:`tidings.stories.link` over the events not yet linked, in
chunks, one transaction per chunk: an interrupted run leaves whole chunks linked and the next run
takes up the rest. Links of events that a reanalysis removed are dropped first, and the merged
events they belonged to recomputed.

The work per event is bounded, whatever the size of the store: the events to link are queued once
in a temporary table (in publication order); each event meets at most ``LIMIT`` merged events of
its type whose dates overlap its window (from :class:`tidings.store.link_index.MergedIndex`, which
reads the store a month at a time; :func:`_candidates` is the same query in SQL) and is scored
against at most ``SAMPLE`` reports of each, held in a cache of at most ``CACHE`` merged events.
Story keys carry their month, so a key shared by thousands of events is only looked up around an
event; a long story is recounted once per run, not once per chunk. Given the articles of a batch
(as ``tidings ingest`` does), only those articles' links and events are read. Events linked in
publication-ordered batches get the links, merged events and stories one run over all gives.
"""

from __future__ import annotations

import json
import sqlite3
from collections import OrderedDict
from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from tidings.store.db import Transaction
from tidings.store.events import event_id
from tidings.store.link_index import MergedIndex, month_of, months
from tidings.stories.link import (
    LINKED_AUX,
    STORY_DAYS,
    Member,
    best_match,
    iso_day,
    member_from_row,
    stable_id,
    story_keys,
    story_title,
    summarize,
)

_EVENT_COLUMNS = (
    "e.id, e.article_id, a.published, a.outlet, e.type, e.trigger, e.date, e.date_precision, e.date_start, "
    "e.date_end, e.country, e.admin1, e.location, e.geonameid, e.lat, e.lon, e.geo_precision, e.actors, "
    "e.recipients, "
    "e.sources, e.status, e.certainty, e.killed, e.injured, e.arrested, "
    "CASE json_valid(e.record) WHEN 1 THEN CASE json_type(e.record, '$.modes') WHEN 'array' "
    "THEN json_extract(e.record, '$.modes') END END AS modes"
)
#: The order events are linked in (and a merged event's first reports are sampled in).
_ORDER = "a.published IS NULL, a.published, e.article_id, e.rowid"
MERGED_COLUMNS = (
    "id", "representative", "type", "date", "date_start", "date_end", "geonameid", "location", "country",
    "lat", "lon", "n_events", "n_articles", "n_sources", "sources", "first_reported", "last_reported",
    "details", "participants", "names",
)  # fmt: skip
CHUNK = 2000


def _rows(connection: sqlite3.Connection, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
    cursor = connection.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


#: Members of a merged event a new event is compared with (its earliest reports).
SAMPLE = 12
#: Candidate merged events an event is compared with, at most.
LIMIT = 50
#: Merged events whose sampled reports are kept in memory during a run, at most.
CACHE = 4_000
#: The longest span of a "short" event date (a day, a weekend, an ISO week or a month, from
#: :func:`tidings.time.periods.period`); longer ones (quarter, half year, season, year, decade,
#: century) begin on the first day of a month.
SHORT_SPAN = 31
_EARLIEST = date(2, 1, 1)


def _members(
    connection: sqlite3.Connection, merged_ids: list[str], sample: int | None = None
) -> dict[str, list[Member]]:
    """The member events of ``merged_ids`` (only the first ``sample`` of each, when given: a
    merged event of 10,000 reports is compared through its first reports, not all of them)."""
    out: dict[str, list[Member]] = {}
    base = (
        f"SELECT l.merged_id, {_EVENT_COLUMNS} FROM event_links l JOIN events e ON e.id = l.event_id "
        "JOIN articles a ON a.id = e.article_id WHERE l.merged_id"
    )
    if sample is not None:
        for merged_id in merged_ids:
            rows = _rows(connection, f"{base} = ? ORDER BY {_ORDER} LIMIT ?", (merged_id, sample))
            out[merged_id] = [member_from_row(row) for row in rows]
        return {k: v for k, v in out.items() if v}
    for i in range(0, len(merged_ids), 400):
        part = merged_ids[i : i + 400]
        marks = ", ".join("?" * len(part))
        for row in _rows(connection, f"{base} IN ({marks}) ORDER BY e.rowid", part):
            out.setdefault(row["merged_id"], []).append(member_from_row(row))
    return out


@lru_cache(maxsize=4096)
def _long_starts(first: date) -> tuple[str, ...]:
    """The first days of the long spans (quarter, half year, season, year, decade, century) that
    may still cover ``first`` and begin more than ``SHORT_SPAN`` days before it: the first days
    of the twelve months before (no span under a year is longer), of its year, decade and century."""
    if first <= _EARLIEST:
        return ()
    starts = {date(first.year, 1, 1), date(max(1, first.year - first.year % 10), 1, 1)}
    starts.add(date(max(1, first.year - first.year % 100), 1, 1))
    for back in range(0, 12):
        index = first.year * 12 + first.month - 1 - back
        starts.add(date(max(1, index // 12), index % 12 + 1, 1))
    limit = first - timedelta(days=SHORT_SPAN)
    return tuple(sorted(d.isoformat() for d in starts if d < limit))


def _indexed_candidates(index: MergedIndex, event: Member) -> list[str]:
    """What :func:`_candidates` finds, from the run's in-memory index."""
    window = event.window()
    first = iso_day(window[0]) if window else None
    last = iso_day(window[1]) if window else None
    if window is None or first is None or last is None:
        return index.candidates(event.type, event.country, None, (), LIMIT)
    low = first - timedelta(days=SHORT_SPAN) if first > _EARLIEST else date.min
    span = (first.isoformat(), last.isoformat(), low.isoformat())
    return index.candidates(event.type, event.country, span, _long_starts(first), LIMIT)


def _candidates(connection: sqlite3.Connection, event: Member) -> list[str]:
    """Merged events of the event's type whose dates overlap its window (undated ones for an
    undated event), in its country or none, the latest reported first (at most ``LIMIT``)."""
    country_clause = "(m.country = ? OR m.country IS NULL)" if event.country else "1"
    country = [event.country] if event.country else []
    window = event.window()
    first = iso_day(window[0]) if window else None
    head = "SELECT m.id, m.first_reported FROM merged_events m WHERE m.type IS ? AND"
    if window is None or first is None:
        sql = f"{head} m.date_start IS NULL AND {country_clause}"
        params: list[Any] = [event.type, *country]
    else:
        low = (first - timedelta(days=SHORT_SPAN) if first > _EARLIEST else date.min).isoformat()
        sql = f"{head} m.date_start BETWEEN ? AND ? AND m.date_end >= ? AND {country_clause}"
        params = [event.type, low, window[1], window[0], *country]
        starts = _long_starts(first)
        if starts:  # long spans that began before: their first days, one index lookup each
            marks = ", ".join("?" * len(starts))
            sql += f" UNION ALL {head} m.date_start IN ({marks}) AND m.date_end >= ? AND {country_clause}"
            params += [event.type, *starts, window[0], *country]
    rows = connection.execute(
        f"SELECT id FROM ({sql}) ORDER BY first_reported DESC, id LIMIT {LIMIT}", params
    )
    return [row[0] for row in rows]


def _write_merged(
    connection: sqlite3.Connection, row: dict[str, Any], now: str, keys: bool = True
) -> set[str]:
    """Write a merged event's row (from :func:`summarize`) and, with ``keys``, its story keys;
    returns the keys it did not have."""
    values = [
        json.dumps(row[c], ensure_ascii=False) if c in ("participants", "names") else row[c]
        for c in MERGED_COLUMNS
    ]
    connection.execute(
        f"INSERT INTO merged_events ({', '.join(MERGED_COLUMNS)}, updated_at) "
        f"VALUES ({', '.join('?' * len(MERGED_COLUMNS))}, ?) "
        f"ON CONFLICT(id) DO UPDATE SET {', '.join(f'{c} = excluded.{c}' for c in MERGED_COLUMNS)}, "
        "updated_at = excluded.updated_at",
        [*values, now],
    )
    return _write_keys(connection, row) if keys else set()


def _write_keys(connection: sqlite3.Connection, row: dict[str, Any]) -> set[str]:
    """Store a merged event's story keys, each with the month it began (``key@YYYY-MM``), so
    that a key shared by thousands of events (a president and the country) is looked up only
    in the months around an event; returns the keys it did not have (without their month)."""
    month = month_of(row["date_start"])
    keys = story_keys(row["participants"], row["location"], row["country"], row["articles"])
    wanted = {f"{key}@{month}" for key in keys}
    stored = {
        r[0] for r in connection.execute("SELECT key FROM story_keys WHERE merged_id = ?", (row["id"],))
    }
    connection.executemany(
        "DELETE FROM story_keys WHERE key = ? AND merged_id = ?",
        [(k, row["id"]) for k in sorted(stored - wanted)],
    )
    connection.executemany(
        "INSERT OR IGNORE INTO story_keys (key, merged_id) VALUES (?, ?)",
        [(k, row["id"]) for k in sorted(wanted - stored)],
    )
    return {k.rsplit("@", 1)[0] for k in wanted - stored}


def _near(day: str | None, days: int) -> tuple[str, str] | None:
    try:
        middle = date.fromisoformat(day) if day else None
    except ValueError:
        return None
    if middle is None:
        return None
    span = timedelta(days=days)
    low = middle - span if middle - date.min > span else date.min
    high = middle + span if date.max - middle > span else date.max
    return low.isoformat(), high.isoformat()


def _assign_story(
    connection: sqlite3.Connection, merged: dict[str, Any], current: str | None, only: set[str] | None = None
) -> str:
    """Put a merged event (in story ``current``, if any) into a story (joining, or merging, the
    stories it ties to). With ``only``, only those of its keys are looked up: ties are
    symmetric, so keys it already had (on the same date) were found by the events that came
    later."""
    stories: set[str] = set()
    near = _near(merged["date_start"], STORY_DAYS)
    keys: list[str] = []
    if near:  # each key in the months around the event, and as written before keys had months
        around = months(*near)
        wanted = story_keys(merged["participants"], merged["location"], merged["country"], merged["articles"])
        for key in sorted(wanted if only is None else wanted & only):
            keys += [key, *(f"{key}@{month}" for month in around)]
    if keys and near:
        for i in range(0, len(keys), 400):  # one query per 400 keys
            part = keys[i : i + 400]
            marks = ", ".join("?" * len(part))
            rows = connection.execute(
                f"SELECT DISTINCT m.story_id FROM story_keys k JOIN merged_events m ON m.id = k.merged_id "
                f"WHERE k.key IN ({marks}) AND m.id != ? AND m.story_id IS NOT NULL "
                "AND m.date_start BETWEEN ? AND ?",
                [*part, merged["id"], near[0], near[1]],
            )
            stories |= {row[0] for row in rows}
    if current:
        stories.add(current)
    target = _largest(connection, stories) if stories else stable_id("s", merged["id"])
    for other in sorted(stories - {target}):
        connection.execute("UPDATE merged_events SET story_id = ? WHERE story_id = ?", (target, other))
        connection.execute("DELETE FROM stories WHERE id = ?", (other,))
    connection.execute("UPDATE merged_events SET story_id = ? WHERE id = ?", (target, merged["id"]))
    return target


def _largest(connection: sqlite3.Connection, stories: set[str]) -> str:
    """The story that the others join: the one with most merged events (then the least id), so
    a long story absorbing short ones does not move its own events every time."""
    if len(stories) == 1:
        return next(iter(stories))
    sizes = {
        story: connection.execute(
            "SELECT COUNT(*) FROM merged_events WHERE story_id = ?", (story,)
        ).fetchone()[0]
        for story in stories
    }
    return min(stories, key=lambda story: (-sizes[story], story))


def _write_story(connection: sqlite3.Connection, story_id: str, now: str) -> None:
    events = _rows(
        connection,
        "SELECT id, type, location, date_start, date_end, names, n_articles FROM merged_events "
        "WHERE story_id = ? ORDER BY date_start IS NULL, date_start, id",
        (story_id,),
    )
    if not events:
        connection.execute("DELETE FROM stories WHERE id = ?", (story_id,))
        return
    for event in events:
        event["names"] = json.loads(event["names"] or "[]")
    dated = [e for e in events if e["date_start"]]
    articles = connection.execute(  # an event's id begins with its article's (store/events.py)
        "SELECT COUNT(DISTINCT substr(l.event_id, 1, 16)) FROM merged_events m "
        "JOIN event_links l ON l.merged_id = m.id WHERE m.story_id = ?",
        (story_id,),
    ).fetchone()[0]
    connection.execute(
        "INSERT INTO stories (id, title, first, last, n_events, n_articles, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET title = excluded.title, first = excluded.first, last = excluded.last, "
        "n_events = excluded.n_events, n_articles = excluded.n_articles, updated_at = excluded.updated_at",
        (
            story_id,
            story_title(events),
            dated[0]["date_start"] if dated else None,
            max(e["date_end"] or e["date_start"] for e in dated) if dated else None,
            len(events),
            articles,
            now,
        ),
    )


def _touch_stories(connection: sqlite3.Connection, stories: Iterable[str], now: str) -> None:
    """Stories whose events changed: a new one is written now; a stored one is marked for
    rewriting (``updated_at`` NULL) by :func:`_write_touched`, once per run, so a long story
    is not recounted for every chunk that adds to it."""
    for story_id in sorted(stories):
        cursor = connection.execute("UPDATE stories SET updated_at = NULL WHERE id = ?", (story_id,))
        if cursor.rowcount == 0:
            _write_story(connection, story_id, now)


def _write_touched(connection: sqlite3.Connection, now: str, chunk: int = CHUNK) -> int:
    """Rewrite the stories marked by :func:`_touch_stories` (this run's, or an interrupted
    run's), ``chunk`` per transaction; returns how many."""
    done = 0
    while True:
        with Transaction(connection):
            marked = [
                row[0]
                for row in connection.execute(
                    "SELECT id FROM stories WHERE updated_at IS NULL ORDER BY id LIMIT ?", (chunk,)
                )
            ]
            for story_id in marked:
                _write_story(connection, story_id, now)
        if not marked:
            return done
        done += len(marked)


def _drop_stale(connection: sqlite3.Connection, articles: list[str] | None) -> set[str]:
    """Remove links of events that no longer exist (of ``articles`` only, when given: an event's
    id begins with its article's); returns the merged events they left."""
    missing = "NOT EXISTS (SELECT 1 FROM events e WHERE e.id = l.event_id)"
    if articles is None:
        stale = connection.execute(
            f"SELECT l.event_id, l.merged_id FROM event_links l WHERE {missing}"
        ).fetchall()
    else:
        stale = []
        for prefix in sorted({event_id(a, "") for a in articles}):
            stale += connection.execute(
                "SELECT l.event_id, l.merged_id FROM event_links l WHERE l.event_id >= ? AND l.event_id < ? "
                f"AND {missing}",
                (prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)),
            ).fetchall()
    connection.executemany("DELETE FROM event_links WHERE event_id = ?", [(e,) for e, _ in stale])
    return {m for _, m in stale}


def _queue(connection: sqlite3.Connection, articles: list[str] | None) -> None:
    """Queue the events to link (not linked yet, happenings only), in linking order, in a
    temporary table (of ``articles`` only, when given)."""
    aux = " OR ".join("e.aux IS NULL" if a is None else f"e.aux = '{a}'" for a in LINKED_AUX)
    connection.execute("CREATE TEMP TABLE IF NOT EXISTS link_queue (n INTEGER PRIMARY KEY, event INTEGER)")
    connection.execute("DELETE FROM temp.link_queue")
    select = (
        "INSERT INTO temp.link_queue (event) SELECT e.rowid FROM events e "
        "JOIN articles a ON a.id = e.article_id "
        f"WHERE NOT EXISTS (SELECT 1 FROM event_links l WHERE l.event_id = e.id) AND ({aux})"
    )
    if articles is None:
        connection.execute(f"{select} ORDER BY {_ORDER}")
        return
    connection.execute("CREATE TEMP TABLE IF NOT EXISTS link_articles (id TEXT PRIMARY KEY)")
    connection.execute("DELETE FROM temp.link_articles")
    connection.executemany(
        "INSERT OR IGNORE INTO temp.link_articles (id) VALUES (?)", [(a,) for a in articles]
    )
    connection.execute(f"{select} AND e.article_id IN (SELECT id FROM temp.link_articles) ORDER BY {_ORDER}")


class _Sample:
    """The first reports of merged events, as far as this run knows them (at most ``CACHE``
    merged events, the least recently used dropped first)."""

    def __init__(self, connection: sqlite3.Connection, limit: int = CACHE) -> None:
        self.connection = connection
        self.limit = limit
        self.groups: OrderedDict[str, list[Member]] = OrderedDict()
        self.complete: set[str] = set()  # merged events whose every report is in their group

    def get(self, merged_ids: list[str]) -> dict[str, list[Member]]:
        """The sampled reports of each of ``merged_ids`` (read from the store when not cached)."""
        missing = [m for m in merged_ids if m not in self.groups]
        for merged_id, members in _members(self.connection, missing, SAMPLE).items():
            self.groups[merged_id] = members
            if len(members) < SAMPLE:
                self.complete.add(merged_id)
        found = {}
        for merged_id in merged_ids:
            if merged_id in self.groups:
                self.groups.move_to_end(merged_id)
                found[merged_id] = self.groups[merged_id]
        self._trim()
        return found

    def add(self, merged_id: str, event: Member) -> None:
        """Record that ``event`` joined (or started) ``merged_id``."""
        if merged_id not in self.groups:  # a new merged event: its one report is all of it
            self.groups[merged_id] = []
            self.complete.add(merged_id)
        group = self.groups[merged_id]
        self.groups.move_to_end(merged_id)
        if len(group) < SAMPLE:
            group.append(event)
        else:
            self.complete.discard(merged_id)
        self._trim()

    def all(self, merged_id: str) -> list[Member] | None:
        """Every report of ``merged_id``, when the cache holds them all."""
        return self.groups[merged_id] if merged_id in self.complete else None

    def _trim(self) -> None:
        while len(self.groups) > self.limit:
            merged_id, _ = self.groups.popitem(last=False)
            self.complete.discard(merged_id)


def _refresh(
    connection: sqlite3.Connection,
    merged_ids: Iterable[str],
    now: str,
    sampled: _Sample | None = None,
    fresh: dict[str, dict[str, Any]] | None = None,
    index: MergedIndex | None = None,
) -> set[str]:
    """Recompute merged events, in the order given (and their story membership); returns the
    stories touched.

    Reports the ``sampled`` cache holds in full are not read again; a merged event of ``fresh``
    (written this chunk from its one report) that nothing joined is not summarized again.
    """
    order = list(merged_ids)
    members: dict[str, list[Member]] = {}
    for merged_id in order:
        known = sampled.all(merged_id) if sampled is not None else None
        if known:
            members[merged_id] = known
    members |= _members(connection, sorted(set(order) - members.keys()))
    fresh = fresh or {}
    stories: set[str] = set()
    for merged_id in order:
        previous = connection.execute(
            "SELECT story_id, date_start FROM merged_events WHERE id = ?", (merged_id,)
        ).fetchone()
        if previous and previous[0]:
            stories.add(previous[0])
        if merged_id not in members:
            connection.execute("DELETE FROM merged_events WHERE id = ?", (merged_id,))
            connection.execute("DELETE FROM story_keys WHERE merged_id = ?", (merged_id,))
            if index is not None:
                index.remove(merged_id)
            continue
        if merged_id in fresh and len(members[merged_id]) == 1:
            row = fresh[merged_id]
            added = _write_keys(connection, row)
        else:
            row = summarize(merged_id, members[merged_id])
            added = _write_merged(connection, row, now)
            if index is not None:
                index.put(row)
        settled = previous is not None and previous[0] is not None and previous[1] == row["date_start"]
        stories.add(
            _assign_story(connection, row, previous[0] if previous else None, added if settled else None)
        )
    return stories


def link_events(
    connection: sqlite3.Connection, now: str, chunk: int = CHUNK, articles: Iterable[str] | None = None
) -> dict[str, int]:
    """Link every unlinked event (of ``articles`` only, when given); returns counts (events
    linked, merged events and stories touched)."""
    counts = {"linked": 0, "merged_events": 0, "stories": 0}
    batch = None if articles is None else list(dict.fromkeys(articles))
    index = MergedIndex(connection)
    with Transaction(connection):
        left = _drop_stale(connection, batch)
        _touch_stories(connection, _refresh(connection, sorted(left), now, index=index), now)
        _queue(connection, batch)
    sampled = _Sample(connection)
    last = 0
    while True:
        with Transaction(connection):
            rows = _rows(
                connection,
                f"SELECT q.n, {_EVENT_COLUMNS} FROM temp.link_queue q JOIN events e ON e.rowid = q.event "
                "JOIN articles a ON a.id = e.article_id WHERE q.n > ? ORDER BY q.n LIMIT ?",
                (last, chunk),
            )
            if not rows:
                break
            last = rows[-1]["n"]
            touched: dict[str, None] = {}  # in the order events reached them
            fresh: dict[str, dict[str, Any]] = {}
            for row in rows:
                event = member_from_row(row)
                found = sampled.get(_indexed_candidates(index, event))
                target = best_match(event, found) if found else None
                merged_id = target or stable_id("m", event.id)
                sampled.add(merged_id, event)
                connection.execute(
                    "INSERT OR REPLACE INTO event_links (event_id, merged_id) VALUES (?, ?)",
                    (event.id, merged_id),
                )
                if target is None:  # a new happening: written now, so the next event can join it
                    fresh[merged_id] = summarize(merged_id, [event])
                    _write_merged(connection, fresh[merged_id], now, keys=False)
                    index.put(fresh[merged_id])
                touched[merged_id] = None
            stories = _refresh(connection, touched, now, sampled, fresh, index)
            _touch_stories(connection, stories, now)
        counts["linked"] += len(rows)
        counts["merged_events"] += len(touched)
        counts["stories"] += len(stories)
    connection.execute("DROP TABLE IF EXISTS temp.link_queue")
    _write_touched(connection, now)
    return counts
