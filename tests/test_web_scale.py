"""The events API on a few thousand generated events: capped totals, keyset pages that neither
repeat nor skip, the two ways a substring or word filter is run giving the same rows, and the
trigram index of actor and place names kept in step with the events table.

Every listing is checked against a reference written the plain way (the store's own
``EventFilter`` clauses, ``ORDER BY date_start DESC, rowid DESC``, no limit)."""

from __future__ import annotations

import random
import sqlite3
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tidings.models import Article
from tidings.store.db import Store
from tidings.store.events import EventFilter
from tidings.web import create_app, planner, queries

TYPES = ["ASSAULT", "PROTEST", "ACCUSE", "Coerce", "consult", None]
PLACES = [
    ("Harbour Town", 1, 10.5, 20.5, "AAA", "North Coast"),
    ("Hill Village", 2, -5.25, 120.75, "BBB", "Uplands"),
    ("Riverside", 3, 45.0, -179.5, "CCC", None),
    ("Élan", 4, 0.0, 0.0, "DDD", "Zentrum"),
]
NAMES = ["police", "Port Authority", "dock workers", "Amal Haddad", "O'Brien", "Zoë Ström", "50% club"]
WORDS = ["harbour", "strike", "ceasefire", "market", "drone", "convoy", "election", "protest", "ferry"]


def _records(rng: random.Random, n_articles: int) -> tuple[list[Article], dict[str, dict[str, Any]]]:
    articles, records = [], {}
    for number in range(n_articles):
        words = " ".join(rng.choice(WORDS) for _ in range(12))
        text = f"Report {number}: {words}."
        article = Article.create(text, title=f"Report {number}", published="2020-01-01")
        actors = [{"id": f"a{i}", "name": name, "mentions": [], "country": None, "sector": "UNK"}
                  for i, name in enumerate(NAMES)]  # fmt: skip
        events = []
        for e in range(rng.randint(1, 12)):
            name, gid, lat, lon, country, admin1 = rng.choice(PLACES)
            day = None if rng.random() < 0.05 else f"20{rng.randint(18, 22)}-{rng.randint(1, 12):02d}"
            if day and rng.random() < 0.7:
                day += f"-{rng.randint(1, 28):02d}"  # few distinct days: many events share one
            events.append(
                {"id": f"e{e}", "type": rng.choice(TYPES), "date": day, "date_precision": "day",
                 "actors": [f"a{rng.randrange(len(NAMES))}"] if rng.random() < 0.8 else [],
                 "recipients": [f"a{rng.randrange(len(NAMES))}"] if rng.random() < 0.4 else [],
                 "acled": {"event_type": "Protests", "sub_event_type": "Peaceful protest"}
                 if rng.random() < 0.3 else None,
                 "location": {"geonameid": gid, "name": name, "lat": lat, "lon": lon, "country": country,
                              "admin1": admin1}}
            )  # fmt: skip
        articles.append(article)
        records[article.id] = {"article": {"id": article.id, "text": text}, "actors": actors}
        records[article.id]["events"] = events
    return articles, records


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("scale") / "scale.db"
    articles, records = _records(random.Random(5), 500)
    with Store.open(path) as store:
        store.add_articles(articles, records)
    return path


@pytest.fixture(autouse=True)
def _no_time_budgets(monkeypatch: pytest.MonkeyPatch) -> None:
    """Counts here are exact whatever the machine's load (the budgets have their own test)."""
    monkeypatch.setattr(planner, "COUNT_BUDGET", None)
    monkeypatch.setattr(queries, "FACET_BUDGET", None)


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(str(db)))


def _reference(db: Path, filters: EventFilter) -> list[str]:
    where, params = filters.where()
    connection = sqlite3.connect(db)
    try:
        sql = f"SELECT e.id FROM events e{where} ORDER BY e.date_start DESC, e.rowid DESC"
        return [row[0] for row in connection.execute(sql, params)]
    finally:
        connection.close()


def _reference_days(db: Path, ids: list[str]) -> list[str]:
    """The start days of the events ``ids`` (those with one)."""
    connection = sqlite3.connect(db)
    try:
        marks = ", ".join("?" * len(ids))
        rows = connection.execute(f"SELECT date_start FROM events WHERE id IN ({marks})", ids)
        return [row[0] for row in rows if row[0]]
    finally:
        connection.close()


def _follow(client: TestClient, query: str, limit: int) -> tuple[list[str], int]:
    ids: list[str] = []
    url = f"/api/events?{query}&limit={limit}"
    pages = 0
    while True:
        body = client.get(url).json()
        assert body["ok"] is True, body
        assert len(body["events"]) <= limit
        ids += [e["id"] for e in body["events"]]
        pages += 1
        if not body["next"]:
            return ids, pages
        url = f"/api/events?{query}&limit={limit}&cursor={body['next']}"


def test_the_store_is_big_enough_to_matter(db: Path) -> None:
    assert len(_reference(db, EventFilter())) > 2_500


CASES = [
    ("", EventFilter()),
    ("type=assault", EventFilter(type="assault")),
    ("type=COERCE&country=bbb", EventFilter(type="COERCE", country="bbb")),
    ("actor=police", EventFilter(actor="police")),
    ("actor=o%27brien", EventFilter(actor="o'brien")),
    ("actor=50%25", EventFilter(actor="50%")),
    ("actor=ol", EventFilter(actor="ol")),
    ("place=north%20coast", EventFilter(place="north coast")),
    ("since=2019-03&until=2020-06-15", EventFilter(since="2019-03-01", until="2020-06-15")),
    ("acled_type=peaceful%20PROTEST&place=riverside",
     EventFilter(acled_type="peaceful PROTEST", place="riverside")),
]  # fmt: skip


@pytest.mark.parametrize(("query", "filters"), CASES)
def test_following_next_lists_every_match_once_in_order(
    client: TestClient, db: Path, query: str, filters: EventFilter
) -> None:
    expected = _reference(db, filters)
    ids, pages = _follow(client, query, 97)
    assert ids == expected  # same order, none repeated or skipped, undated ones last
    assert pages == max(1, -(-len(expected) // 97))


@pytest.mark.parametrize("candidates", [0, 3, 1_000_000])
def test_a_filter_listing_its_events_or_checked_on_rows_gives_the_same_pages(
    client: TestClient, db: Path, candidates: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Actor, place and word filters run both ways (below and above the candidate limit)."""
    monkeypatch.setattr(planner, "CANDIDATES", candidates)
    for query, filters in CASES[3:8]:
        assert _follow(client, query, 250)[0] == _reference(db, filters), (query, candidates)


def test_word_search_pages_match_the_full_text_index(client: TestClient, db: Path) -> None:
    connection = sqlite3.connect(db)
    expected = [
        row[0]
        for row in connection.execute(
            "SELECT e.id FROM events e JOIN articles a ON a.id = e.article_id WHERE a.rowid IN "
            '(SELECT rowid FROM articles_fts WHERE articles_fts MATCH \'"ferry" "drone"\') '
            "ORDER BY e.date_start DESC, e.rowid DESC"
        )
    ]
    connection.close()
    assert expected
    assert _follow(client, "q=ferry+drone", 113)[0] == expected


def test_totals_are_capped_unless_asked_for_exactly(
    client: TestClient, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    everything = len(_reference(db, EventFilter()))
    monkeypatch.setattr(planner, "TOTAL_CAP", 1_000)
    body = client.get("/api/events?limit=5").json()
    assert body["total"] == 1_000 and body["total_exact"] is False
    exact = client.get("/api/events?limit=5&exact_total=true").json()
    assert exact["total"] == everything and exact["total_exact"] is True
    few = _reference(db, EventFilter(type="ACCUSE", country="CCC"))
    assert 0 < len(few) < 1_000
    small = client.get("/api/events?type=accuse&country=ccc").json()
    assert small["total"] == len(few) and small["total_exact"] is True
    response = client.get("/api/events.csv?limit=5")
    assert response.headers["X-Total-Count"] == "1000" and response.headers["X-Total-Exact"] == "false"
    geo = client.get("/api/events.geojson?limit=5&exact_total=1").json()
    assert geo["total"] == everything and geo["total_exact"] is True


def test_the_description_tells_how_totals_are_counted(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    text = spec["paths"]["/api/events"]["get"]["description"]
    assert "exact_total" in text and "10,000" in text
    names = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert "exact_total" in names


HOSTILE = ['"', '""', "*", "NEAR(a b)", "{actors}:x", "a:b", "^", "OR", "-", "\\", "%_%", "  ", "é" * 3,
           "\u202e\u200b", "x" * 200, "po*", 'pol"ice', "ZOË", "élan", "zoë"]  # fmt: skip


@pytest.mark.parametrize("value", HOSTILE)
def test_name_filters_survive_search_syntax_and_match_like_before(
    client: TestClient, db: Path, value: str
) -> None:
    for name in ("actor", "place"):
        response = client.get("/api/events", params={name: value, "limit": 10_000})
        assert response.status_code == 200, response.text
        ids = [e["id"] for e in response.json()["events"]]
        expected = _reference(db, EventFilter(**{name: value}))
        assert ids == expected[:10_000]


def test_reanalysis_keeps_the_name_index_in_step(tmp_path: Path) -> None:
    path = tmp_path / "names.db"
    article = Article.create("The harbour was shut.", title="Harbour", published="2021-05-01")

    def record(name: str) -> dict[str, Any]:
        return {"article": {"id": article.id, "text": article.text},
                "actors": [{"id": "a1", "name": name}],
                "events": [{"id": "e1", "type": "PROTEST", "date": "2021-05-01", "actors": ["a1"],
                            "location": {"name": "Quayside", "country": "AAA"}}]}  # fmt: skip

    with Store.open(path) as store:
        store.add_articles([article], {article.id: record("Harbourmen's Union")})
    client = TestClient(create_app(str(path)))
    assert client.get("/api/events?actor=harbourmen").json()["total"] == 1
    with Store.open(path) as store:
        store.connection.execute("BEGIN")
        from tidings.store.events import write_events

        write_events(store.connection, article.id, record("Ferry Crews"), "2021-05-02")
        store.connection.execute("COMMIT")
        assert store.connection.execute("SELECT COUNT(*) FROM events_names").fetchone() == (1,)
    fresh = TestClient(create_app(str(path)))
    assert fresh.get("/api/events?actor=harbourmen").json()["total"] == 0
    assert fresh.get("/api/events?actor=ferry%20cr").json()["total"] == 1
    assert fresh.get("/api/events?place=quaysid").json()["total"] == 1


def _facets_reference(db: Path, filters: EventFilter, latest: int | None = None) -> dict[str, Any]:
    where, params = filters.where()
    connection = sqlite3.connect(db)
    try:
        sql = f"SELECT e.type, e.sub_event_type, e.country, e.date_start FROM events e{where}"
        sql += " ORDER BY e.date_start DESC, e.rowid DESC"
        rows = connection.execute(sql, params).fetchall()[:latest]
    finally:
        connection.close()
    out: dict[str, Any] = {"types": {}, "acled_types": {}, "countries": {}, "dates": {}}
    for row in rows:
        for name, value in zip(out, (row[0], row[1], row[2], row[3] and row[3][:10]), strict=True):
            if value is not None:
                out[name][value] = out[name].get(value, 0) + 1
    return out


@pytest.mark.parametrize(("query", "filters"), CASES)
def test_facets_count_every_matching_event(
    client: TestClient, db: Path, query: str, filters: EventFilter
) -> None:
    body = client.get(f"/api/facets?{query}").json()
    expected = _facets_reference(db, filters)
    assert body["types"] == expected["types"] and list(body["types"].values()) == sorted(
        body["types"].values(), reverse=True
    )
    assert body["acled_types"] == expected["acled_types"]
    assert body["countries"] == expected["countries"]
    assert {d["date"]: d["n"] for d in body["dates"]} == expected["dates"]
    assert body["partial"] is False and body["counted"] == len(_reference(db, filters))


def test_facets_past_the_cap_count_the_latest_events(
    client: TestClient, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(queries, "FACET_CAP", 700)
    body = client.get("/api/facets?acled_type=protests").json()
    filters = EventFilter(acled_type="protests")
    expected = _facets_reference(db, filters, latest=700)
    assert body["partial"] is True and body["counted"] == 700
    assert body["total"] == len(_reference(db, filters)) > 700
    assert body["acled_types"] == expected["acled_types"] == {"Peaceful protest": 700}
    assert body["types"] == expected["types"] and body["countries"] == expected["countries"]
    assert {d["date"]: d["n"] for d in body["dates"]} == expected["dates"]


def test_counts_out_of_time_are_lower_bounds(
    client: TestClient, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(planner, "COUNT_BUDGET", 0.0)
    monkeypatch.setattr(queries, "FACET_BUDGET", 0.0)
    small = client.get("/api/events?type=accuse&country=ccc").json()
    assert small["total_exact"] is True  # a little work is never cut short, whatever the clock says
    monkeypatch.setattr(planner, "_stopper", lambda deadline: lambda: True)  # as if the store were huge
    everything = _reference(db, EventFilter(place="harbour"))
    body = client.get("/api/events?place=harbour&limit=50").json()
    assert [e["id"] for e in body["events"]] == everything[:50]  # the page itself is whole
    assert body["total_exact"] is False and 51 <= body["total"] <= len(everything)
    # facets out of time count the latest few matching events (here 100) in the list's order, and
    # out of time again a tenth of them (10)
    monkeypatch.setattr(queries, "FACET_FALLBACK", 100)
    facets = client.get("/api/facets?place=harbour").json()
    assert facets["partial"] is True and facets["counted"] == 10 < len(everything)
    assert sum(facets["types"].values()) <= facets["counted"]
    latest_days = Counter(d[:10] for d in _reference_days(db, everything[:10]))
    assert {d["date"]: d["n"] for d in facets["dates"]} == dict(latest_days)
