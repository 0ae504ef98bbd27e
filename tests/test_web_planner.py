"""The events API's planner on a few thousand generated events: a walk of the date index, a driving
filter's list, and SQLite's own choice give the same pages (checked against the plain query, with
page 2+ continuity); bounding boxes across the antimeridian; the plans SQLite runs, so an index
change cannot slow a query down silently."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tidings.models import Article
from tidings.store.db import Store
from tidings.store.events import EventFilter
from tidings.web import create_app, planner

# name, geonameid, lat, lon, country, admin1: two places either side of the antimeridian
PLACES = [
    ("Harbour Town", 1, 10.5, 20.5, "AAA", "North Coast"),
    ("Hill Village", 2, -5.25, 120.75, "BBB", "Uplands"),
    ("Date Line East", 3, -16.5, 179.6, "CCC", None),
    ("Date Line West", 5, -16.0, -179.7, "EEE", "Far West"),
    ("Élan", 4, 0.0, 0.0, "DDD", "Zentrum"),
]
NAMES = ["police", "Port Authority", "dock workers", "Amal Haddad", "Zoë Ström", "ZOË STRÖM", "50% club"]
WORDS = ["harbour", "strike", "ceasefire", "market", "drone", "convoy", "election", "protest", "ferry"]
TYPES = ["ASSAULT", "PROTEST", "ACCUSE", "Coerce", "consult", None]


def _store(path: Path, n_articles: int, seed: int) -> Path:
    rng = random.Random(seed)
    articles, records = [], {}
    for number in range(n_articles):
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 6)))
        text = f"Dispatch {number}: {words}."
        article = Article.create(text, title=f"Dispatch {number}", published="2021-01-01")
        actors = [{"id": f"a{i}", "name": name} for i, name in enumerate(NAMES)]
        events = []
        for e in range(rng.randint(1, 8)):
            name, gid, lat, lon, country, admin1 = rng.choice(PLACES)
            day = None if rng.random() < 0.05 else f"20{rng.randint(18, 22)}-{rng.randint(1, 12):02d}"
            if day and rng.random() < 0.7:
                day += f"-{rng.randint(1, 28):02d}"
            events.append(
                {"id": f"e{e}", "type": rng.choice(TYPES), "date": day,
                 "actors": [f"a{rng.randrange(len(NAMES))}"] if rng.random() < 0.8 else [],
                 "recipients": [f"a{rng.randrange(len(NAMES))}"] if rng.random() < 0.3 else [],
                 "acled": {"event_type": "Protests", "sub_event_type": "Peaceful protest"}
                 if rng.random() < 0.3 else None,
                 "location": {"geonameid": gid, "name": name, "lat": lat + rng.uniform(-0.2, 0.2),
                              "lon": max(-180.0, min(180.0, lon + rng.uniform(-0.2, 0.2))),
                              "country": country, "admin1": admin1}}
            )  # fmt: skip
        articles.append(article)
        records[article.id] = {
            "article": {"id": article.id, "text": text},
            "actors": actors,
            "events": events,
        }
    with Store.open(path) as store:
        store.add_articles(articles, records)
    return path


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _store(tmp_path_factory.mktemp("planner") / "planner.db", 700, seed=3)


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(str(db)))


@pytest.fixture(autouse=True)
def _no_time_budgets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(planner, "COUNT_BUDGET", None)


def _reference(db: Path, filters: EventFilter, box: tuple[float, float, float, float] | None = None,
               text: str | None = None) -> list[str]:  # fmt: skip
    """The matching events written the plain way (no index choice, no limit)."""
    where, params = filters.where()
    clauses = [where[len(" WHERE ") :]] if where else []
    if box is not None:
        west, south, east, north = box
        lon = "(e.lon >= ? AND e.lon <= ?)" if west <= east else "(e.lon >= ? OR e.lon <= ?)"
        clauses.append(f"e.lat >= ? AND e.lat <= ? AND {lon}")
        params += [south, north, west, east]
    if text is not None:
        match = " ".join(f'"{w}"' for w in text.split())
        clauses.append(
            "e.article_id IN (SELECT a.id FROM articles a WHERE a.rowid IN "
            "(SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?))"
        )
        params.append(match)
    sql = "SELECT e.id FROM events e" + (" WHERE " + " AND ".join(clauses) if clauses else "")
    connection = sqlite3.connect(db)
    try:
        return [r[0] for r in connection.execute(sql + " ORDER BY e.date_start DESC, e.rowid DESC", params)]
    finally:
        connection.close()


def _follow(client: TestClient, query: str, limit: int) -> list[str]:
    ids: list[str] = []
    url = f"/api/events?{query}&limit={limit}"
    while True:
        body = client.get(url).json()
        assert body["ok"] is True, body
        ids += [e["id"] for e in body["events"]]
        if not body["next"]:
            return ids
        url = f"/api/events?{query}&limit={limit}&cursor={body['next']}"


CASES: list[tuple[str, dict[str, Any]]] = [
    ("type=protest", {"filters": EventFilter(type="protest")}),
    ("type=consult&country=ccc", {"filters": EventFilter(type="consult", country="ccc")}),
    ("actor=police&since=2020-02&until=2021-06",
     {"filters": EventFilter(actor="police", since="2020-02-01", until="2021-06-30")}),
    ("actor=zo%C3%AB", {"filters": EventFilter(actor="zoë")}),  # the name index also finds ZOË
    ("actor=zo%C3%AB&type=assault", {"filters": EventFilter(actor="zoë", type="assault")}),
    ("place=date%20line", {"filters": EventFilter(place="date line")}),
    ("acled_type=peaceful%20protest&actor=50%25", {"filters": EventFilter(acled_type="peaceful protest",
                                                                          actor="50%")}),
    ("bbox=179,-18,-179,-14", {"filters": EventFilter(), "box": (179.0, -18.0, -179.0, -14.0)}),
    ("bbox=-180,-18,-179.5,-14&type=accuse", {"filters": EventFilter(type="accuse"),
                                              "box": (-180.0, -18.0, -179.5, -14.0)}),
    ("bbox=20,10,21,11&actor=dock", {"filters": EventFilter(actor="dock"), "box": (20.0, 10.0, 21.0, 11.0)}),
    ("q=ferry", {"filters": EventFilter(), "text": "ferry"}),
    ("q=drone+convoy&country=bbb", {"filters": EventFilter(country="bbb"), "text": "drone convoy"}),
    ("q=market&bbox=119,-7,122,-4&until=2020-12", {"filters": EventFilter(until="2020-12-31"),
                                                   "text": "market", "box": (119.0, -7.0, 122.0, -4.0)}),
]  # fmt: skip

#: (thousand steps a walk may take, events a list may hold, events a type or country may match to be
#: read through its index): the walk alone; a walk cut short at once or midway (a list going on from
#: its last event), with lists of any size or none short enough (then SQLite's choice, or the walk)
PATHS = [(None, 4_000, 0), (0, 1_000_000, 0), (0, 40, 0), (0, 0, 10**6), (0, 0, 0), (3, 1_000_000, 0),
         (3, 0, 10**6)]  # fmt: skip


def _take_path(monkeypatch: pytest.MonkeyPatch, steps: int | None, candidates: int, seek: int) -> None:
    """Bound the planner as one of :data:`PATHS` says (``None`` steps: a walk that never stops)."""
    monkeypatch.setattr(planner, "WALK_STEPS", 10**9 if steps is None else steps)
    monkeypatch.setattr(planner, "CANDIDATES", candidates)
    monkeypatch.setattr(planner, "SEEK_LIMIT", seek)


@pytest.mark.parametrize(("steps", "candidates", "seek"), PATHS)
@pytest.mark.parametrize(("query", "expected"), CASES, ids=[c[0] for c in CASES])
def test_every_path_gives_the_plain_query_s_events_page_after_page(
    client: TestClient, db: Path, monkeypatch: pytest.MonkeyPatch, query: str, expected: dict[str, Any],
    steps: int | None, candidates: int, seek: int,
) -> None:  # fmt: skip
    _take_path(monkeypatch, steps, candidates, seek)
    reference = _reference(db, expected["filters"], expected.get("box"), expected.get("text"))
    assert _follow(client, query, 37) == reference
    body = client.get(f"/api/events?{query}&limit=10000").json()
    assert body["total"] == len(reference) and body["total_exact"] is True


def test_the_cases_are_not_empty_and_cross_the_antimeridian(db: Path) -> None:
    for _, expected in CASES:
        assert _reference(db, expected["filters"], expected.get("box"), expected.get("text")), expected
    east_and_west = _reference(db, EventFilter(), (179.0, -18.0, -179.0, -14.0))
    connection = sqlite3.connect(db)
    marks = ", ".join("?" * len(east_and_west))
    lons = [r[0] for r in connection.execute(f"SELECT lon FROM events WHERE id IN ({marks})", east_and_west)]
    connection.close()
    assert min(lons) < -179 and max(lons) > 179


def _plan_of(db: Path, query: planner.EventQuery, steps: int) -> tuple[planner.Plan, int]:
    connection = sqlite3.connect(db)
    try:
        original = planner.WALK_STEPS
        planner.WALK_STEPS = steps
        try:
            plan, found = planner.find_page(connection, query, None, 51)
        finally:
            planner.WALK_STEPS = original
        return plan, len(found)
    finally:
        connection.close()


def test_a_walk_over_its_step_budget_hands_over_to_the_shortest_list(db: Path) -> None:
    query = planner.EventQuery(filters=EventFilter(place="date line", type="consult"), limit=50)
    walked, n_walked = _plan_of(db, query, 10**9)
    assert walked.index == planner.WALK_INDEX
    listed, n_listed = _plan_of(db, query, 0)
    assert listed.index is None and any("e.rowid IN (" in c for c in listed.clauses)
    assert n_walked == n_listed > 0


def _explain(db: Path, sql: str, params: list[Any]) -> str:
    connection = sqlite3.connect(db)
    try:
        return " | ".join(row[3] for row in connection.execute("EXPLAIN QUERY PLAN " + sql, params))
    finally:
        connection.close()


def test_a_walk_reads_only_the_walk_index(db: Path) -> None:
    query = planner.EventQuery(
        filters=EventFilter(
            type="assault", country="aaa", actor="police", place="harbour", until="2021-01-01"
        ),
        bbox=(10.0, 0.0, 30.0, 20.0),
        merged=True,
    )
    plan = planner.walk_plan(query)
    sql, params = planner.ids_sql(plan.index, [*plan.clauses, "e.date_start IS NOT NULL"], plan.params, 101)
    explained = _explain(db, sql, params)
    assert "SEARCH e USING COVERING INDEX events_walk" in explained, explained
    assert "SCAN e" not in explained and "USING INDEX events_type" not in explained
    # a page 2+ cursor is a range of the same index
    keyset = "e.date_start <= ? AND (e.date_start < ? OR e.rowid < ?)"
    sql, params = planner.ids_sql(plan.index, [*plan.clauses, keyset], [*plan.params, "x", "x", 5], 101)
    assert "COVERING INDEX events_walk (date_start<?)" in _explain(db, sql, params)


def test_a_listed_plan_looks_its_rows_up_and_a_count_of_a_type_stays_in_its_index(db: Path) -> None:
    connection = sqlite3.connect(db)
    try:
        query = planner.EventQuery(filters=EventFilter(place="date line west"))
        plan = planner.listed_plan(connection, query)
    finally:
        connection.close()
    sql, params = planner.ids_sql(plan.index, plan.clauses, plan.params, 101)
    explained = _explain(db, sql, params)
    assert "e.rowid IN (" in " ".join(plan.clauses) and "USING INTEGER PRIMARY KEY (rowid=?)" in explained
    count = _explain(db, "SELECT 1 FROM events e WHERE e.type = ? COLLATE NOCASE LIMIT 10", ["x"])
    assert "COVERING INDEX events_type_nocase" in count


def test_a_full_first_page_is_counted_and_a_short_one_is_its_own_total(client: TestClient, db: Path) -> None:
    everything = _reference(db, EventFilter())
    body = client.get("/api/events?limit=5").json()
    assert body["total"] == len(everything) and body["total_exact"] is True
    few = _reference(db, EventFilter(type="consult", country="ccc"))
    short = client.get(f"/api/events?type=consult&country=ccc&limit={len(few) + 1}").json()
    assert short["total"] == len(few) and short["total_exact"] is True and short["next"] is None


@pytest.mark.parametrize(
    "params",
    [{"bbox": "179,-90,-179,90", "q": '"'}, {"bbox": "-180,-90,180,90", "actor": "%"},
     {"q": "NEAR(a b)", "type": "x" * 200}, {"place": "ab", "cursor": "WyIiLCAwXQ"},
     {"actor": "\x00", "country": "\u202e"}],
)  # fmt: skip
def test_odd_values_on_every_path_are_answered_not_crashed(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, params: dict[str, str]
) -> None:
    for steps in (0, 10**9):
        monkeypatch.setattr(planner, "WALK_STEPS", steps)
        response = client.get("/api/events", params=params)
        assert response.status_code in (200, 400), response.text
        assert response.json()["ok"] is (response.status_code == 200)


def test_a_walk_stopped_midway_is_continued_by_the_list_from_its_last_event(db: Path) -> None:
    query = planner.EventQuery(filters=EventFilter(place="date line", actor="police"))
    connection = sqlite3.connect(db)
    try:
        full = planner.page(connection, planner.walk_plan(query), None, 10_000)
        found: list[tuple[int, str | None]] = []
        stopped = pytest.raises(sqlite3.OperationalError, match="interrupt")
        with stopped, planner.step_budget(connection, 3):
            planner.page(connection, planner.walk_plan(query), None, 10_000, found=found)
        assert 0 < len(found) < len(full) and found == full[: len(found)]
        original = planner.WALK_STEPS
        planner.WALK_STEPS = 3
        try:
            plan, resumed = planner.find_page(connection, query, None, 10_000)
        finally:
            planner.WALK_STEPS = original
    finally:
        connection.close()
    assert plan.index is None and resumed == full


def test_a_single_type_or_country_is_read_from_its_own_index_in_date_order(db: Path) -> None:
    connection = sqlite3.connect(db)
    try:
        for filters, index in ((EventFilter(type="protest"), "events_type_nocase"),
                               (EventFilter(country="bbb"), "events_country_date")):  # fmt: skip
            plan, found = planner.find_page(connection, planner.EventQuery(filters=filters), None, 20)
            assert plan.index is None and [r[0] for r in found]
            sql, params = planner.ids_sql(None, [*plan.clauses, "e.date_start IS NOT NULL"], plan.params, 20)
            explained = _explain(db, sql, params)
            assert f"INDEX {index} " in explained and "TEMP B-TREE" not in explained, explained
    finally:
        connection.close()


def test_a_name_list_too_long_as_trigrams_is_asked_again_as_a_phrase(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'docpolice' is no actor's name, but an event with the police and dock workers holds its
    trigrams (doc, pol, ice): the trigrams side by side list that event, the phrase does not."""
    query = planner.EventQuery(filters=EventFilter(actor="docpolice"))
    (names,) = query.narrowings()
    assert names.precise is not None
    connection = sqlite3.connect(db)
    try:
        loose = connection.execute(names.rowids, names.rowid_params).fetchall()
        assert loose and not connection.execute(names.rowids, names.precise).fetchall()
        monkeypatch.setattr(planner, "CANDIDATES", len(loose) - 1)
        plan = planner.listed_plan(connection, query)
    finally:
        connection.close()
    assert "0" in plan.clauses and plan.index is None  # the phrase's empty list drives
    assert _reference(db, EventFilter(actor="docpolice")) == []


@pytest.mark.parametrize("fields", ["id,type,date,location", "location", "id,confidence,event_type"])
def test_a_lean_geojson_has_the_full_one_s_features_and_properties(client: TestClient, fields: str) -> None:
    keep = fields.split(",")
    for query in ("limit=10000", "type=protest&limit=300", "bbox=179,-18,-179,-14&limit=50"):
        full = client.get(f"/api/events.geojson?{query}").json()
        lean = client.get(f"/api/events.geojson?{query}&fields={fields}").json()
        assert full["features"], query
        expected = [
            {**f, "properties": {k: v for k, v in f["properties"].items() if k in keep}}
            for f in full["features"]
        ]
        assert lean["features"] == expected
        assert [lean[k] for k in ("total", "total_exact", "next")] == [
            full[k] for k in ("total", "total_exact", "next")
        ]
    mixed = client.get("/api/events.geojson?limit=5&fields=id,actors").json()  # a list: the full path
    assert all(isinstance(f["properties"]["actors"], list) for f in mixed["features"])


#: Filters whose listing is exactly their events (a box, words) or a superset (a name), alone or not.
COUNTED = [("bbox=179,-18,-179,-14", {"filters": EventFilter(), "box": (179.0, -18.0, -179.0, -14.0)}),
           ("q=ferry", {"filters": EventFilter(), "text": "ferry"}),
           ("actor=police", {"filters": EventFilter(actor="police")}),
           ("q=drone+convoy&country=bbb",
            {"filters": EventFilter(country="bbb"), "text": "drone convoy"})]  # fmt: skip


@pytest.mark.parametrize(("steps", "candidates", "seek"), PATHS)
@pytest.mark.parametrize(("query", "expected"), COUNTED, ids=[c[0] for c in COUNTED])
def test_a_full_page_s_total_is_the_plain_count_on_every_path(
    client: TestClient, db: Path, monkeypatch: pytest.MonkeyPatch, query: str, expected: dict[str, Any],
    steps: int | None, candidates: int, seek: int,
) -> None:  # fmt: skip
    _take_path(monkeypatch, steps, candidates, seek)
    reference = _reference(db, expected["filters"], expected.get("box"), expected.get("text"))
    assert len(reference) > 3
    for url in (
        f"/api/events?{query}&limit=3",
        f"/api/events?{query}&limit=2&cursor=" + _second_cursor(client, query),
    ):
        body = client.get(url).json()
        assert body["total"] == len(reference) and body["total_exact"] is True, url


def _second_cursor(client: TestClient, query: str) -> str:
    return str(client.get(f"/api/events?{query}&limit=2").json()["next"])


def test_a_listing_filter_alone_counts_its_list_and_others_are_counted(db: Path) -> None:
    box = planner.EventQuery(bbox=(179.0, -18.0, -179.0, -14.0), limit=2)
    plan, _ = _plan_of(db, box, 0)
    assert plan.matches == len(_reference(db, EventFilter(), box.bbox))
    name = planner.EventQuery(filters=EventFilter(actor="police"), limit=2)  # a superset: checked
    assert _plan_of(db, name, 0)[0].matches is None
    boxed = planner.EventQuery(filters=EventFilter(type="accuse"), bbox=box.bbox, limit=2)
    assert _plan_of(db, boxed, 0)[0].matches is None
