"""Linking at scale: batches give the same links as one run, per-batch work, long date spans, odd dates."""

from __future__ import annotations

import random
import sqlite3
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from tidings.models import Article
from tidings.store.db import Store
from tidings.store.links import _long_starts
from tidings.stories.coref import RECORD_WEIGHTS, EventMention, record_score, score

TOWNS = [(f"Town{i}", 7_000_000 + i, 10.0 + 3 * i, 20.0 + 2 * i, "AAA" if i < 4 else "BBB") for i in range(8)]
PEOPLE = [f"Person {chr(65 + i)}{chr(97 + i)}" for i in range(12)]
TYPES = ["ASSAULT", "PROTEST", "CONSULT", "ACCUSE"]


def _record(article: Article, events: list[dict[str, Any]]) -> dict[str, Any]:
    names = sorted({n for e in events for n in e.get("actors", [])})
    actors = [{"id": n, "name": n, "mentions": [], "country": None, "sector": None} for n in names]
    return {
        "article": {"id": article.id, "text": article.text},
        "actors": actors,
        "places": [],
        "events": events,
    }


def _event(local: str, kind: str, day: str | None, precision: str | None, town: int | None,
           actors: list[str], killed: int | None = None) -> dict[str, Any]:  # fmt: skip
    location = None
    if town is not None:
        name, gid, lat, lon, country = TOWNS[town]
        location = {"geonameid": gid, "name": name, "lat": lat, "lon": lon, "country": country,
                    "admin1": None, "precision": "city"}  # fmt: skip
    return {"id": local, "type": kind, "modes": [], "actors": actors, "recipients": [], "location": location,
            "date": day, "date_precision": precision, "status": "completed", "aux": None,
            "certainty": "asserted", "size": {"killed": killed}, "sources": [], "evidence": []}  # fmt: skip


def _corpus(seed: int, happenings: int = 60) -> list[tuple[Article, dict[str, Any]]]:
    """Reports of random happenings (several reports each, some vague or unplaced), in
    publication order."""
    rng = random.Random(seed)
    reports = []
    for h in range(happenings):
        kind, town = rng.choice(TYPES), rng.randrange(len(TOWNS))
        day = date(2022, 1, 1) + timedelta(days=rng.randrange(120))
        cast = rng.sample(PEOPLE, 2)
        for r in range(rng.randint(1, 6)):
            published = (day + timedelta(days=rng.randint(0, 2))).isoformat()
            roll = rng.random()
            value, precision = (day.isoformat(), "day") if roll > 0.2 else (day.strftime("%Y-%m"), "month")
            if roll < 0.05:
                value, precision = None, None
            place = None if rng.random() < 0.1 else town
            who = [p for p in cast if rng.random() < 0.7]
            text = f"Report {h}.{r}: {kind.lower()} in town {town} by {', '.join(who) or 'someone'}."
            article = Article.create(text, published=published, outlet=f"Outlet {rng.randrange(9)}")
            events = [_event("e1", kind, value, precision, place, who, rng.randint(0, 9))]
            reports.append((article, _record(article, events)))
    reports.sort(key=lambda pair: (pair[0].published or "", pair[0].id))
    return reports


def _partition(db: Path, sql: str) -> list[tuple[str, ...]]:
    with sqlite3.connect(db) as connection:
        groups: dict[str, list[str]] = {}
        for member, group in connection.execute(sql):
            groups.setdefault(group, []).append(member)
    return sorted(tuple(sorted(v)) for v in groups.values())


def test_linking_in_batches_gives_what_one_run_gives(tmp_path: Path) -> None:
    reports = _corpus(3)
    at_once, batched = tmp_path / "once.db", tmp_path / "batched.db"
    with Store.open(at_once) as store:
        store.add_articles([a for a, _ in reports], {a.id: r for a, r in reports})
        assert store.link()["linked"] == len(reports)
    with Store.open(batched) as store:
        for start in range(0, len(reports), 17):
            batch = reports[start : start + 17]
            store.add_articles([a for a, _ in batch], {a.id: r for a, r in batch})
            assert store.link(a.id for a, _ in batch)["linked"] == len(batch)
    events = "SELECT event_id, merged_id FROM event_links"
    stories = "SELECT id, story_id FROM merged_events"
    assert _partition(at_once, events) == _partition(batched, events)
    assert len(_partition(at_once, events)) < len(reports)  # reports did merge
    assert _partition(at_once, stories) == _partition(batched, stories)
    with sqlite3.connect(at_once) as a, sqlite3.connect(batched) as b:
        query = "SELECT id, title, first, last, n_events, n_articles FROM stories ORDER BY id"
        assert a.execute(query).fetchall() == b.execute(query).fetchall()
        assert a.execute("SELECT COUNT(*) FROM stories WHERE updated_at IS NULL").fetchone() == (0,)


def test_a_batch_only_links_its_own_articles(tmp_path: Path) -> None:
    reports = _corpus(5, happenings=10)
    first, second = reports[:5], reports[5:]
    with Store.open(tmp_path / "l.db") as store:
        store.add_articles([a for a, _ in reports], {a.id: r for a, r in reports})
        assert store.link(a.id for a, _ in first)["linked"] == 5
        assert store.link([])["linked"] == 0
        assert store.link()["linked"] == len(second)  # the rest, when asked for everything


def test_reanalysis_drops_the_links_of_removed_events_of_that_batch(tmp_path: Path) -> None:
    text = "Two reports in one: a clash in town 1 and a protest in town 2."
    article = Article.create(text, published="2022-02-02", outlet="Wire")
    both = [
        _event("e1", "ASSAULT", "2022-02-01", "day", 1, []),
        _event("e2", "PROTEST", "2022-02-01", "day", 2, []),
    ]
    db = tmp_path / "l.db"
    with Store.open(db) as store:
        store.add_articles([article], {article.id: _record(article, both)})
        store.link([article.id])
        store.connection.execute("DELETE FROM events WHERE id LIKE '%-e2'")  # as a reanalysis would
        assert store.link([article.id])["linked"] == 0
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT COUNT(*) FROM event_links").fetchone() == (1,)
        assert connection.execute("SELECT type FROM merged_events").fetchall() == [("ASSAULT",)]


def test_a_report_joins_a_happening_known_only_by_its_year(tmp_path: Path) -> None:
    vague = Article.create("Clashes in town 3 this year.", published="2022-01-05", outlet="Wire A")
    exact = Article.create("A clash in town 3 on 7 November.", published="2022-11-08", outlet="Wire B")
    db = tmp_path / "l.db"
    with Store.open(db) as store:
        store.add_articles(
            [vague], {vague.id: _record(vague, [_event("e1", "ASSAULT", "2022", "year", 3, [])])}
        )
        store.link()
        store.add_articles(
            [exact], {exact.id: _record(exact, [_event("e1", "ASSAULT", "2022-11-07", "day", 3, [])])}
        )
        store.link([exact.id])
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT n_events FROM merged_events").fetchall() == [(2,)]


def test_a_report_joins_a_happening_known_only_by_its_season(tmp_path: Path) -> None:
    vague = Article.create("Clashes in town 3 all winter.", published="2021-12-20", outlet="Wire A")
    exact = Article.create("A clash in town 3 on 10 February.", published="2022-02-11", outlet="Wire B")
    db = tmp_path / "l.db"
    with Store.open(db) as store:
        record = _record(vague, [_event("e1", "ASSAULT", "2021-WI", "season", 3, [])])
        store.add_articles([vague], {vague.id: record})
        store.link()
        record = _record(exact, [_event("e1", "ASSAULT", "2022-02-10", "day", 3, [])])
        store.add_articles([exact], {exact.id: record})
        store.link([exact.id])
        assert store.connection.execute("SELECT date_start FROM events ORDER BY date_start").fetchall() == [
            ("2021-12-01",),
            ("2022-02-10",),
        ]
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT n_events FROM merged_events").fetchall() == [(2,)]


def test_long_span_starts_cover_every_long_period_around_a_day() -> None:
    day = date(2022, 11, 7)
    starts = set(_long_starts(day))
    assert {"2000-01-01", "2020-01-01", "2022-01-01", "2022-04-01", "2022-07-01", "2022-10-01"} <= starts
    assert "2021-12-01" in set(_long_starts(date(2022, 2, 10)))  # winter began in December
    assert all(s < "2022-10-07" for s in starts)  # only what began more than a month before
    assert _long_starts(date(1, 1, 1)) == ()
    assert _long_starts(date(1, 2, 15)) == ()


def test_odd_dates_and_fields_do_not_stop_linking(tmp_path: Path) -> None:
    odd = [("0001-01-01", "day"), ("9999-12-31", "day"), ("2022-13-45", "day"), ("tomorrow", None),
           ("2022", "decade"), ("", "week")]  # fmt: skip
    reports = []
    for n, (value, precision) in enumerate(odd):
        article = Article.create(
            f"Odd report {n}.", published=None if n % 2 else "2022-03-03", outlet=f"W{n}"
        )
        event = _event("e1", "ASSAULT", value, precision, n % 3, ["Person Aa"])
        event["modes"] = "drone"  # not a list
        event["size"] = {"killed": "many"}
        reports.append((article, _record(article, [event, {"id": "e2", "type": None}])))
    with Store.open(tmp_path / "l.db") as store:
        store.add_articles([a for a, _ in reports], {a.id: r for a, r in reports})
        assert store.link()["linked"] == 2 * len(odd)
        assert store.link()["linked"] == 0


def test_record_score_is_the_score_with_record_weights() -> None:
    rng = random.Random(11)
    lemmas = ["attack", "attacked", "bombing", "strike", "met", "meeting", "protest"]
    mentions = [
        EventMention(
            id=str(i),
            doc=f"d{rng.randrange(4)}",
            lemma=rng.choice(lemmas),
            type=rng.choice([None, "ASSAULT", "CONSULT"]),
            participants=frozenset(rng.sample(["a", "b", "c", "d"], rng.randint(0, 3))),
            place_path=rng.choice([(), ("IRQ",), ("IRQ", "Basra", "1"), ("FRA", "Lyon", "2")]),
            point=rng.choice([None, (30.5, 47.8), (30.6, 47.9), (45.7, 4.8)]),
            date=rng.choice([None, "2022-03-07", "2022-03-08", "2022-03", "2021"]),
            precision=rng.choice([None, "day", "month", "year"]),
        )
        for i in range(40)
    ]
    for a in mentions:
        for b in mentions:
            assert record_score(a, b) == score(a, b, RECORD_WEIGHTS)


def test_the_in_memory_index_finds_what_the_query_finds(tmp_path: Path) -> None:
    from tidings.store.link_index import MergedIndex
    from tidings.store.links import _candidates, _indexed_candidates
    from tidings.stories.link import member_from_row

    reports = _corpus(8, happenings=80)
    vague = Article.create("A year of clashes in town 2.", published="2022-02-01", outlet="Wire Y")
    reports.append((vague, _record(vague, [_event("e1", "ASSAULT", "2022", "year", 2, [])])))
    with Store.open(tmp_path / "l.db") as store:
        store.add_articles([a for a, _ in reports], {a.id: r for a, r in reports})
        store.link()
        index = MergedIndex(store.connection, limit=50)  # small: months are dropped and read again
        store.connection.row_factory = sqlite3.Row
        rows = store.connection.execute(
            "SELECT e.*, a.published, a.outlet FROM events e JOIN articles a ON a.id = e.article_id"
        ).fetchall()
        assert len(rows) > 100
        for row in rows:
            for country in (row["country"], None, "ZZZ"):
                event = member_from_row({**dict(row), "country": country})
                expected = _candidates(store.connection, event)
                assert _indexed_candidates(index, event) == expected


def test_a_report_placing_a_happening_only_in_its_country_joins_the_town_reports(tmp_path: Path) -> None:
    country_level = {"geonameid": 99237, "name": "Aland", "lat": 33.0, "lon": 44.0, "country": "AAA",
                     "admin1": None, "precision": "country"}  # fmt: skip
    reports = []
    for n, outlet in enumerate(["Wire A", "Wire B", "Wire C"]):
        article = Article.create(
            f"A clash in the country, report {n}.", published="2022-05-02", outlet=outlet
        )
        event = _event("e1", "ASSAULT", "2022-05-01", "day", 1, ["Person Aa"])
        if n == 2:
            event["location"] = country_level
        reports.append((article, _record(article, [event])))
    elsewhere = Article.create("A clash in the other country.", published="2022-05-02", outlet="Wire D")
    event = _event("e1", "ASSAULT", "2022-05-01", "day", 5, ["Person Aa"])  # town 5 is in country BBB
    reports.append((elsewhere, _record(elsewhere, [event])))
    db = tmp_path / "l.db"
    with Store.open(db) as store:
        store.add_articles([a for a, _ in reports], {a.id: r for a, r in reports})
        store.link()
    with sqlite3.connect(db) as connection:
        merged = connection.execute("SELECT country, n_events FROM merged_events ORDER BY country").fetchall()
    assert merged == [("AAA", 3), ("BBB", 1)]
