"""Merged events and stories in the store: the linker's reads and writes (schema v4).

``link_events`` runs the linker of :mod:`tidings.stories.link` over the events not yet linked, in
chunks, one transaction per chunk: an interrupted run leaves whole chunks linked and the next run
takes up the rest. Links of events that a reanalysis removed are dropped first, and the merged
events they belonged to recomputed.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from tidings.store.db import Transaction
from tidings.stories.link import (
    LINKED_AUX,
    STORY_DAYS,
    Member,
    best_match,
    member_from_row,
    stable_id,
    story_keys,
    story_title,
    summarize,
)

_EVENT_COLUMNS = (
    "e.id, e.article_id, a.published, a.outlet, e.type, e.trigger, e.date, e.date_precision, e.date_start, "
    "e.date_end, e.country, e.admin1, e.location, e.geonameid, e.lat, e.lon, e.actors, e.recipients, "
    "e.sources, e.status, e.certainty, e.record"
)
MERGED_COLUMNS = (
    "id", "representative", "type", "date", "date_start", "date_end", "geonameid", "location", "country",
    "lat", "lon", "n_events", "n_articles", "n_sources", "sources", "first_reported", "last_reported",
    "details", "participants", "names",
)  # fmt: skip
CHUNK = 500


def _rows(connection: sqlite3.Connection, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
    cursor = connection.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


#: Members of a merged event a new event is compared with (its earliest reports).
SAMPLE = 12


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
            rows = _rows(connection, f"{base} = ? ORDER BY l.event_id LIMIT ?", (merged_id, sample))
            out[merged_id] = [member_from_row(row) for row in rows]
        return {k: v for k, v in out.items() if v}
    for i in range(0, len(merged_ids), 400):
        part = merged_ids[i : i + 400]
        marks = ", ".join("?" * len(part))
        for row in _rows(connection, f"{base} IN ({marks}) ORDER BY e.rowid", part):
            out.setdefault(row["merged_id"], []).append(member_from_row(row))
    return out


def _candidates(connection: sqlite3.Connection, event: Member) -> list[str]:
    window = event.window()
    country_clause = "(m.country = ? OR m.country IS NULL)" if event.country else "1"
    params: list[Any] = [event.type]
    if window is None:
        date_clause = "m.date_start IS NULL"
    else:
        date_clause = "m.date_start <= ? AND m.date_end >= ?"
        params += [window[1], window[0]]
    if event.country:
        params.append(event.country)
    rows = connection.execute(
        f"SELECT m.id FROM merged_events m WHERE m.type IS ? AND {date_clause} AND {country_clause} "
        "ORDER BY m.first_reported DESC, m.id LIMIT 50",
        params,
    )
    return [row[0] for row in rows]


def _write_merged(connection: sqlite3.Connection, row: dict[str, Any], now: str) -> None:
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
    connection.execute("DELETE FROM story_keys WHERE merged_id = ?", (row["id"],))
    connection.executemany(
        "INSERT OR IGNORE INTO story_keys (key, merged_id) VALUES (?, ?)",
        [
            (key, row["id"])
            for key in story_keys(row["participants"], row["location"], row["country"], row["articles"])
        ],
    )


def _near(day: str | None, days: int) -> tuple[str, str] | None:
    try:
        middle = date.fromisoformat(day) if day else None
    except ValueError:
        return None
    if middle is None:
        return None
    return (middle - timedelta(days=days)).isoformat(), (middle + timedelta(days=days)).isoformat()


def _assign_story(connection: sqlite3.Connection, merged: dict[str, Any]) -> str:
    """Put a merged event into a story (joining, or merging, the stories it ties to)."""
    keys = sorted(
        story_keys(merged["participants"], merged["location"], merged["country"], merged["articles"])
    )
    stories: set[str] = set()
    near = _near(merged["date_start"], STORY_DAYS)
    if keys and near:
        for i in range(0, len(keys), 400):
            part = keys[i : i + 400]
            marks = ", ".join("?" * len(part))
            rows = connection.execute(
                f"SELECT DISTINCT m.story_id FROM story_keys k JOIN merged_events m ON m.id = k.merged_id "
                f"WHERE k.key IN ({marks}) AND m.id != ? AND m.story_id IS NOT NULL "
                "AND m.date_start BETWEEN ? AND ?",
                [*part, merged["id"], near[0], near[1]],
            )
            stories |= {row[0] for row in rows}
    current = connection.execute(
        "SELECT story_id FROM merged_events WHERE id = ?", (merged["id"],)
    ).fetchone()
    if current and current[0]:
        stories.add(current[0])
    target = min(stories) if stories else stable_id("s", merged["id"])
    for other in sorted(stories - {target}):
        connection.execute("UPDATE merged_events SET story_id = ? WHERE story_id = ?", (target, other))
        connection.execute("DELETE FROM stories WHERE id = ?", (other,))
    connection.execute("UPDATE merged_events SET story_id = ? WHERE id = ?", (target, merged["id"]))
    return target


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
    articles = connection.execute(
        "SELECT COUNT(DISTINCT e.article_id) FROM events e JOIN event_links l ON l.event_id = e.id "
        "JOIN merged_events m ON m.id = l.merged_id WHERE m.story_id = ?",
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


def _drop_stale(connection: sqlite3.Connection) -> set[str]:
    """Remove links of events that no longer exist; returns the merged events they left."""
    stale = connection.execute(
        "SELECT l.event_id, l.merged_id FROM event_links l LEFT JOIN events e ON e.id = l.event_id "
        "WHERE e.id IS NULL"
    ).fetchall()
    connection.executemany("DELETE FROM event_links WHERE event_id = ?", [(e,) for e, _ in stale])
    return {m for _, m in stale}


def _refresh(connection: sqlite3.Connection, merged_ids: set[str], now: str) -> set[str]:
    """Recompute merged events (and their story membership); returns the stories touched."""
    members = _members(connection, sorted(merged_ids))
    stories: set[str] = set()
    for merged_id in sorted(merged_ids):
        previous = connection.execute(
            "SELECT story_id FROM merged_events WHERE id = ?", (merged_id,)
        ).fetchone()
        if previous and previous[0]:
            stories.add(previous[0])
        if merged_id not in members:
            connection.execute("DELETE FROM merged_events WHERE id = ?", (merged_id,))
            connection.execute("DELETE FROM story_keys WHERE merged_id = ?", (merged_id,))
            continue
        row = summarize(merged_id, members[merged_id])
        _write_merged(connection, row, now)
        stories.add(_assign_story(connection, row))
    return stories


def link_events(connection: sqlite3.Connection, now: str, chunk: int = CHUNK) -> dict[str, int]:
    """Link every unlinked event; returns counts (events linked, merged events and stories touched)."""
    counts = {"linked": 0, "merged_events": 0, "stories": 0}
    with Transaction(connection):
        left = _drop_stale(connection)
        stories = _refresh(connection, left, now)
        for story_id in sorted(stories):
            _write_story(connection, story_id, now)
    sampled: dict[str, list[Member]] = {}  # the first reports of each merged event, for this run
    aux = " OR ".join("e.aux IS NULL" if a is None else f"e.aux = '{a}'" for a in LINKED_AUX)
    while True:
        with Transaction(connection):
            rows = _rows(
                connection,
                f"SELECT {_EVENT_COLUMNS} FROM events e JOIN articles a ON a.id = e.article_id "
                f"WHERE e.id NOT IN (SELECT event_id FROM event_links) AND ({aux}) "
                "ORDER BY a.published IS NULL, a.published, e.article_id, e.rowid LIMIT ?",
                (chunk,),
            )
            if not rows:
                break
            touched: set[str] = set()
            for row in rows:
                event = member_from_row(row)
                candidates = _candidates(connection, event)
                missing = [c for c in candidates if c not in sampled]
                sampled.update(_members(connection, missing, SAMPLE) if missing else {})
                found = {c: sampled[c] for c in candidates if c in sampled}
                target = best_match(event, found) if found else None
                merged_id = target or stable_id("m", event.id)
                group = sampled.setdefault(merged_id, [])
                if len(group) < SAMPLE:
                    group.append(event)
                connection.execute(
                    "INSERT OR REPLACE INTO event_links (event_id, merged_id) VALUES (?, ?)",
                    (event.id, merged_id),
                )
                if target is None:  # a new happening: written now, so the next event can join it
                    _write_merged(connection, summarize(merged_id, [event]), now)
                touched.add(merged_id)
            stories = _refresh(connection, touched, now)
            for story_id in sorted(stories):
                _write_story(connection, story_id, now)
        counts["linked"] += len(rows)
        counts["merged_events"] += len(touched)
        counts["stories"] += len(stories)
    return counts
