"""How an events request is answered on a large store: the access path, the page, the total.

A request's events are the latest matching ones, so the cheapest way to find them depends on how
common the matches are:

* **walk**: read the index of every filterable column in date order (``events_walk``, schema 7)
  newest first and check every filter on the index entry, stopping at the page size. When matches
  are common this touches few entries, and never the wide event rows.
* **listed**: when the walk would be long (it is given :data:`WALK_STEPS` thousand SQLite steps, a
  count of work rather than of time, so the choice does not depend on the machine's load), a filter
  that can list its own events through an index (type, ACLED type, country, story, bounding box,
  actor, place, words) and lists at most :data:`CANDIDATES` drives the query: its events are looked
  up, checked and sorted. Without one, the index of the type or country asked for is read in date
  order (SQLite's choice), or the walk goes on.

Every path gives the same events in the same order; only the work differs. Keyset cursors on
``(date_start, rowid)`` make page 2+ cost what page 1 does. Every value is bound as a parameter.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from tidings.store.events import NAME_COLUMNS, EventFilter, like_any

#: Totals are counted up to this many; past it ``total`` is this number and ``total_exact`` false.
TOTAL_CAP = 10_000
#: …and for at most this many seconds (``None``: no limit); past it the count so far is a lower bound.
COUNT_BUDGET: float | None = 0.005
#: A filter listing at most this many events can drive the query (its events fetched and sorted).
CANDIDATES = 4_000
#: A type or country matching at most this many events is read through its own index in date order
#: (each row looked up in the table) when no filter lists few enough events to drive.
SEEK_LIMIT = 16_000
#: The index a walk of the latest events reads: every filterable column, in date order.
WALK_INDEX = "events_walk"
#: A walk is given this many thousand SQLite steps before the listing filters are looked up.
WALK_STEPS = 150


class BadRequest(ValueError):
    """A parameter the API cannot use (the message says which and why)."""


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
    probe: str = ""  # a cheaper estimate: over CANDIDATES rows, the list is not fetched (or "")
    precise: list[Any] | None = None  # ``rowid_params`` listing fewer events, at a higher cost


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
        """The filters that can list their own events: story, bounding box, actor, place, words
        (the costliest check last, so a row failing a cheaper one never reaches it)."""
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
        if self.bbox is not None:
            out.append(_box(*self.bbox))
        for value, columns in ((self.filters.actor, NAME_COLUMNS["actor"]),
                               (self.filters.place, NAME_COLUMNS["place"])):  # fmt: skip
            if not value:
                continue
            check, check_params = like_any(columns, value)
            words = value.strip()
            # the trigram index finds substrings of 3 characters or more (case-blind, a superset of
            # LIKE's ASCII case folding): every name holding the value holds each of its trigrams.
            # A few trigrams side by side (no phrase to match) narrow as much at a fraction of the
            # cost; the LIKE on the row decides
            listed = (
                "SELECT rowid AS r FROM events_names WHERE events_names MATCH ?" if len(words) >= 3 else ""
            )
            grams = " AND ".join(_phrase(words[i : i + 3]) for i in range(0, min(len(words) - 2, 12), 3))
            within = "{" + " ".join(columns) + "} : "
            phrase = [within + _phrase(words)]  # the trigrams in a row: fewer events, slower
            out.append(Narrowing(listed, [within + "(" + grams + ")"], check, check_params, exact=False,
                                 precise=phrase))  # fmt: skip
        if self.text:
            match = " ".join(_phrase(w) for w in self.text.split())
            listed = (
                "SELECT ev.rowid AS r FROM articles_fts f JOIN articles a ON a.rowid = f.rowid "
                "JOIN events ev ON ev.article_id = a.id WHERE articles_fts MATCH ?"
            )
            # each row asks the index about its own article (merged into one segment by schema 7,
            # a few dozen microseconds), after every cheaper check has passed
            check = (
                "EXISTS (SELECT 1 FROM articles ta, articles_fts tf WHERE ta.id = e.article_id "
                "AND tf.rowid = ta.rowid AND articles_fts MATCH ?)"
            )
            probe = "SELECT rowid AS r FROM articles_fts WHERE articles_fts MATCH ?"
            out.append(Narrowing(listed, [match], check, [match], probe=probe))
        return out


def _box(west: float, south: float, east: float, north: float) -> Narrowing:
    """A bounding box (crossing the antimeridian when ``west > east``)."""
    box, params = "lat BETWEEN ? AND ?", [south, north]
    if west <= east:
        box += " AND lon BETWEEN ? AND ?"
    else:  # the box crosses the antimeridian
        box += " AND (lon >= ? OR lon <= ?)"
    params += [west, east]
    listed = f"SELECT rowid AS r FROM events WHERE {box}"  # within the (lat, lon) index
    # on a walk in date order the box is checked on each row, not looked up in the index
    check = "(" + box.replace("lat ", "+e.lat ").replace("lon ", "+e.lon ") + ")"
    return Narrowing(listed, params, check, params)


@dataclass(slots=True)
class Plan:
    """Clauses on ``events e`` with their parameters, and the index a walk reads (``None``: SQLite
    chooses, e.g. to look up the listed rowids of a driving filter)."""

    clauses: list[str]
    params: list[Any]
    index: str | None = None
    matches: int | None = None  # how many events match, when the listed rowids are exactly them

    def source(self) -> str:
        """``events e``, with the index it must read when walking."""
        return f"events e INDEXED BY {self.index}" if self.index else "events e"

    def where(self) -> str:
        """The ``WHERE`` clause (or nothing)."""
        return (" WHERE " + " AND ".join(self.clauses)) if self.clauses else ""


def walk_plan(query: EventQuery) -> Plan:
    """Every filter checked on the entries of the walk index: story, box and names first (they
    usually match fewer events, so an entry fails sooner), then type, country and dates, words last
    (the costliest check)."""
    narrowings = query.narrowings()
    words = narrowings.pop() if query.text else None
    clauses: list[str] = []
    params: list[Any] = []
    for narrowing in narrowings:
        clauses.append(narrowing.check)
        params += narrowing.check_params
    plain, plain_params = query.plain()
    clauses += plain
    params += plain_params
    if words is not None:
        clauses.append(words.check)
        params += words.check_params
    return Plan(clauses, params, WALK_INDEX)


def listed_plan(connection: sqlite3.Connection, query: EventQuery) -> Plan:
    """The filter that lists the fewest events (at most :data:`CANDIDATES`) as the list of its
    event rowids, the others checked on those rows. Without one, SQLite's choice when a type or
    country matches at most :data:`SEEK_LIMIT` events (its index in date order, the other filters
    checked on each row it lists: fewer rows than the walk would visit, as the walk found the
    filters together rare), else the walk."""
    clauses, params = query.plain()
    narrowings = query.narrowings()
    driver: Narrowing | None = None
    listed: list[int] = []
    indexed = _indexed(query)
    seek = False
    for narrowing in [*indexed, *narrowings]:
        if not narrowing.rowids:
            continue
        if narrowing.probe and _more_than(connection, narrowing.probe, narrowing.rowid_params, CANDIDATES):
            continue
        rows = _listed(connection, narrowing.rowids, narrowing.rowid_params)
        if len(rows) > CANDIDATES and narrowing.precise is not None:
            rows = _listed(connection, narrowing.rowids, narrowing.precise)
        if len(rows) <= CANDIDATES and (driver is None or len(rows) < len(listed)):
            driver, listed = narrowing, [r[0] for r in rows]
        elif any(narrowing is i for i in indexed) and "event_type" not in narrowing.check and not seek:
            seek = not _more_than(connection, narrowing.rowids, narrowing.rowid_params, SEEK_LIMIT)
    if driver is None and not seek:
        return walk_plan(query)  # every filter matches many events: the walk goes on
    exact = driver is not None and driver.exact and not clauses
    if driver is not None:
        clauses.append(f"e.rowid IN ({', '.join('?' * len(listed))})" if listed else "0")
        params += listed
    for narrowing in narrowings:
        if narrowing is not driver or not narrowing.exact:
            clauses.append(narrowing.check)
            params += narrowing.check_params
            exact = False
    # a driver listing exactly its events, with no other filter: they are the matches, counted
    return Plan(clauses, params, matches=len(set(listed)) if exact else None)


def _listed(connection: sqlite3.Connection, rowids: str, params: list[Any]) -> list[tuple[int]]:
    """Up to :data:`CANDIDATES` + 1 rows of the listing statement ``rowids``."""
    return connection.execute(f"SELECT r FROM ({rowids}) LIMIT ?", [*params, CANDIDATES + 1]).fetchall()


def _indexed(query: EventQuery) -> list[Narrowing]:
    """Type, ACLED type and country filters as lists of their events (each within its index)."""
    out = []
    for clause, params in query.filters.indexed_each():
        if "date_" not in clause:
            out.append(Narrowing(f"SELECT e.rowid AS r FROM events e WHERE {clause}", params, clause, params))
    return out


def _more_than(connection: sqlite3.Connection, sql: str, params: list[Any], n: int) -> bool:
    found = connection.execute(f"SELECT COUNT(*) FROM ({sql} LIMIT ?)", [*params, n + 1]).fetchone()[0]
    return bool(found > n)


def find_page(
    connection: sqlite3.Connection, query: EventQuery, after: tuple[str, int] | None, n: int
) -> tuple[Plan, list[tuple[int, str | None]]]:
    """The plan chosen and up to ``n`` (rowid, date_start) of the matching events after the cursor.

    The walk comes first (but not for a story, whose events are few); when it takes more than
    :data:`WALK_STEPS` thousand steps, the matches are rare and :func:`listed_plan` goes on from
    the last event the walk found (the order is one, so any path can continue another)."""
    since = query.filters.since
    if _one_indexed_filter(query):  # its own index lists its events in date order
        plain = Plan(*query.plain())
        return plain, page(connection, plain, after, n, since)
    walk = walk_plan(query)
    found: list[tuple[int, str | None]] = []
    if query.story is None:
        try:
            with step_budget(connection, WALK_STEPS if walk.clauses else None):
                return walk, page(connection, walk, after, n, since, found)
        except sqlite3.OperationalError as exc:
            if not interrupted(exc):
                raise
    plan = listed_plan(connection, query)
    if found:
        rowid, day = found[-1]
        after = (day or "", rowid)
    return plan, found + page(connection, plan, after, n - len(found), since)


def _one_indexed_filter(query: EventQuery) -> bool:
    """Whether the only filter is a type or a country (each has an index in date order)."""
    f = query.filters
    if query.narrowings() or query.merged or f.acled_type or f.since or f.until:
        return False
    return bool(f.type) != bool(f.country)


@contextmanager
def step_budget(connection: sqlite3.Connection, thousands: int | None) -> Iterator[None]:
    """Statements run inside stop ("interrupted") after ``thousands`` thousand SQLite steps."""
    if thousands is None:
        yield
        return
    calls = [0]

    def stop() -> bool:
        calls[0] += 1
        return calls[0] > thousands

    connection.set_progress_handler(stop, 1_000)
    try:
        yield
    finally:
        connection.set_progress_handler(None, 0)


def _stopper(deadline: float) -> Any:
    """A progress handler that stops a statement past ``deadline``, but never one that has done
    little work (under 20,000 steps): small stores always get whole answers, whatever the load."""
    calls = [0]

    def stop() -> bool:
        calls[0] += 1
        return calls[0] > 20 and time.perf_counter() > deadline

    return stop


@contextmanager
def time_budget(connection: sqlite3.Connection, seconds: float | None) -> Iterator[None]:
    """Statements run inside stop with ``sqlite3.OperationalError`` ("interrupted", see
    :func:`interrupted`) once ``seconds`` have passed (see :func:`_stopper`); ``None``: no limit."""
    if seconds is None:
        yield
        return
    connection.set_progress_handler(_stopper(time.perf_counter() + seconds), 1_000)
    try:
        yield
    finally:
        connection.set_progress_handler(None, 0)


def interrupted(exc: sqlite3.OperationalError) -> bool:
    """Whether ``exc`` is a statement stopped by a budget."""
    return "interrupt" in str(exc)


def count_events(
    connection: sqlite3.Connection, plan: Plan, cap: int | None, at_least: int = 0
) -> tuple[int, bool]:
    """How many events match, and whether that is the exact number.

    Counted up to ``cap`` and for at most :data:`COUNT_BUDGET` seconds: past either, the number
    counted so far (never less than ``at_least``, the events already known to match) is a lower
    bound. ``cap=None`` counts them all, however long it takes.
    """
    source, where, params = plan.source(), plan.where(), plan.params
    if cap is None:
        return connection.execute(f"SELECT COUNT(*) FROM {source}{where}", params).fetchone()[0], True
    n = 0
    try:
        with time_budget(connection, COUNT_BUDGET):
            cursor = connection.execute(f"SELECT 1 FROM {source}{where} LIMIT ?", [*params, cap + 1])
            while rows := cursor.fetchmany(64):
                n += len(rows)
    except sqlite3.OperationalError as exc:
        if not interrupted(exc):
            raise
        return max(n, at_least), False
    return min(n, cap), n <= cap


def page(
    connection: sqlite3.Connection,
    plan: Plan,
    after: tuple[str, int] | None,
    n: int,
    since: str | None = None,
    found: list[tuple[int, str | None]] | None = None,
) -> list[tuple[int, str | None]]:
    """Up to ``n`` (rowid, date_start) of matching events after the cursor: dated events latest
    first, then the undated ones (as ``ORDER BY date_start DESC`` puts NULLs last). They are
    appended to ``found`` as they come (so a statement stopped midway leaves those found so far).

    With a ``since`` bound, the events that start within the range come first (a bounded walk of
    the date index), then those that start before it and end within it (from the index of end
    dates): the same order, without walking the whole store when the range holds few events."""
    clauses, params = plan.clauses, plan.params
    found = [] if found is None else found
    day, rowid = after if after is not None else (None, None)
    if after is None or day:
        keyset, extra = ["e.date_start IS NOT NULL"], []
        if after is not None:  # a range on the date index, then the rowid within the day
            keyset.append("e.date_start <= ? AND (e.date_start < ? OR e.rowid < ?)")
            extra = [day, day, rowid]
        if since is None:
            _ids(connection, plan.index, clauses + keyset, params + extra, n, found)
        else:
            where = [*clauses, *keyset, "e.date_start >= ?"]
            _ids(connection, plan.index, where, [*params, *extra, since], n, found)
            if len(found) < n:
                where = [*clauses, *keyset, "e.date_start < ?"]
                _ids(connection, None, where, [*params, *extra, since], n - len(found), found, by_end=True)
    if len(found) < n:
        keyset, extra = ["e.date_start IS NULL"], []
        if after is not None and not day:
            keyset.append("e.rowid < ?")
            extra = [rowid]
        _ids(connection, plan.index, clauses + keyset, params + extra, n - len(found), found)
    return found


def _ids(
    connection: sqlite3.Connection,
    index: str | None,
    clauses: list[str],
    params: list[Any],
    n: int,
    found: list[tuple[int, str | None]],
    by_end: bool = False,
) -> None:
    sql, values = ids_sql(index, clauses, params, n, by_end)
    for rowid, day in connection.execute(sql, values):
        found.append((rowid, day))


def ids_sql(
    index: str | None, clauses: list[str], params: list[Any], n: int, by_end: bool = False
) -> tuple[str, list[Any]]:
    """The statement listing up to ``n`` (rowid, date_start) of ``clauses``, latest first: a walk
    of ``index`` (when given), or of the index of end dates for the events spanning days that start
    before a range (``by_end``), or SQLite's choice."""
    where = " AND ".join(clauses)
    if by_end:  # events spanning days, found through their index by end date, then sorted
        where = where.replace("e.date_start", "+e.date_start") + " AND e.date_end > e.date_start"
        index = None
    else:  # a walk in date order checks date_end on each row
        where = where.replace("e.date_end >= ?", "+e.date_end >= ?")
    order = "+e.date_start DESC, +e.rowid DESC" if by_end else "e.date_start DESC, e.rowid DESC"
    source = f"events e INDEXED BY {index}" if index else "events e"
    sql = f"SELECT e.rowid, e.date_start FROM {source} WHERE {where or '1'} ORDER BY {order} LIMIT ?"
    return sql, [*params, n]
