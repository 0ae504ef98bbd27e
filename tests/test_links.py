"""Linking stored events: merged events across reports, stories, incremental and deterministic runs."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

from tidings.models import Article
from tidings.store.db import Store

PLACES = {
    "Basra": (99532, 30.5085, 47.7804, "IRQ", "Basra"),
    "Mosul": (99072, 36.335, 43.1189, "IRQ", "Nineveh"),
    "Lyon": (2996944, 45.7484, 4.8467, "FRA", "Auvergne-Rhône-Alpes"),
}


def _report(
    text: str, published: str | None, outlet: str, events: list[dict[str, Any]]
) -> tuple[Article, dict]:
    article = Article.create(text, published=published, outlet=outlet)
    actors, records = {}, []
    for n, spec in enumerate(events, 1):
        ids = []
        for name in spec.get("who", []):
            actor = {
                "id": f"a{len(actors) + 1}",
                "name": name,
                "mentions": [],
                "country": None,
                "sector": None,
            }
            actors.setdefault(name, actor)
            ids.append(actors[name]["id"])
        place = PLACES.get(spec.get("place", ""))
        location = None
        if place:
            gid, lat, lon, country, admin1 = place
            location = {"geonameid": gid, "name": spec["place"], "lat": lat, "lon": lon, "country": country,
                        "admin1": admin1, "precision": "city"}  # fmt: skip
        trigger = text.index(spec["trigger"])
        records.append(
            {
                "id": f"e{n}",
                "type": spec["type"],
                "modes": spec.get("modes", []),
                "contexts": [],
                "acled": None,
                "actors": ids,
                "recipients": [],
                "location": location,
                "date": spec.get("date"),
                "date_precision": "day" if spec.get("date") else None,
                "date_source": "text",
                "status": "completed",
                "aux": spec.get("aux"),
                "certainty": "asserted",
                "size": {"killed": spec.get("killed"), "injured": None, "arrested": None},
                "claimed_by": None,
                "sources": [],
                "evidence": [[trigger, trigger + len(spec["trigger"])]],
                "confidence": 0.8,
                "trigger": [trigger, trigger + len(spec["trigger"])],
            }
        )
    record = {"article": {"id": article.id, "text": article.text}, "actors": list(actors.values())}
    record |= {"places": [], "events": records}
    return article, record


def _ingest(db: Path, reports: list[tuple[Article, dict]]) -> dict[str, int]:
    with Store.open(db) as store:
        store.add_articles([a for a, _ in reports], {a.id: r for a, r in reports})
        return store.link()


def _bombing(
    outlet: str, killed: int, modes: list[str], published: str = "2022-03-08"
) -> tuple[Article, dict]:
    text = f"A car bomb exploded at a market in Basra on Monday, killing {killed} people, {outlet} reported."
    return _report(text, published, outlet, [
        {"type": "ASSAULT", "trigger": "exploded", "place": "Basra", "date": "2022-03-07", "killed": killed,
         "modes": modes, "who": ["unidentified attackers"]},
    ])  # fmt: skip


def _rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as connection:
        return connection.execute(sql).fetchall()


def test_reports_of_one_happening_become_one_merged_event_with_their_disagreements(tmp_path: Path) -> None:
    db = tmp_path / "l.db"
    _ingest(db, [_bombing("Wire A", 5, ["explosives"]), _bombing("Wire B", 7, ["explosives", "vehicle"]),
                 _bombing("Wire C", 5, ["explosives"], published="2022-03-09")])  # fmt: skip
    merged = _rows(
        db,
        "SELECT n_events, n_articles, n_sources, first_reported, last_reported, details FROM merged_events",
    )
    assert len(merged) == 1
    n_events, n_articles, n_sources, first, last, details = merged[0]
    assert (n_events, n_articles, n_sources, first, last) == (3, 3, 3, "2022-03-08", "2022-03-09")
    assert '"killed"' in details and '"modes"' in details  # 5 vs 7 dead, two sets of modes: both kept


def test_different_places_dates_or_types_stay_apart(tmp_path: Path) -> None:
    db = tmp_path / "l.db"
    mosul = _report("A car bomb exploded in Mosul on Monday.", "2022-03-08", "Wire D", [
        {"type": "ASSAULT", "trigger": "exploded", "place": "Mosul", "date": "2022-03-07"}])  # fmt: skip
    later = _report("A car bomb exploded in Basra in May.", "2022-05-20", "Wire E", [
        {"type": "ASSAULT", "trigger": "exploded", "place": "Basra", "date": "2022-05-19"}])  # fmt: skip
    protest = _report("Hundreds protested in Basra on Monday.", "2022-03-08", "Wire F", [
        {"type": "PROTEST", "trigger": "protested", "place": "Basra", "date": "2022-03-07"}])  # fmt: skip
    _ingest(db, [_bombing("Wire A", 5, ["explosives"]), mosul, later, protest])
    assert _rows(db, "SELECT COUNT(*) FROM merged_events") == [(4,)]


def test_linking_is_incremental_idempotent_and_deterministic(tmp_path: Path) -> None:
    reports = [_bombing("Wire A", 5, ["explosives"]), _bombing("Wire B", 6, ["explosives"])]
    incremental, replay, at_once = tmp_path / "a.db", tmp_path / "b.db", tmp_path / "c.db"
    for db in (incremental, replay):
        _ingest(db, reports[:1])
        counts = _ingest(db, reports[1:])  # a later report joins the existing merged event
        assert counts["linked"] == 1
    with Store.open(incremental) as store:
        assert store.link()["linked"] == 0  # nothing left to do: a rerun changes nothing
    _ingest(at_once, reports)
    query = "SELECT m.id, m.n_articles, m.story_id, s.title FROM merged_events m "
    query += "JOIN stories s ON s.id = m.story_id"
    assert _rows(incremental, query) == _rows(replay, query)  # the same input gives the same ids
    partition = (
        "SELECT group_concat(event_id) FROM (SELECT * FROM event_links ORDER BY event_id) GROUP BY merged_id"
    )
    assert _rows(incremental, partition) == _rows(at_once, partition)  # and the same grouping
    assert _rows(incremental, query)[0][1] == 2


def test_stories_follow_shared_reports_but_one_shared_actor_is_not_enough(tmp_path: Path) -> None:
    db = tmp_path / "l.db"
    crisis = _report(
        "Protesters marched in Basra on Sunday. A car bomb exploded at a market in Basra on Monday.",
        "2022-03-08", "Wire A", [
            {"type": "PROTEST", "trigger": "marched", "place": "Basra", "date": "2022-03-06",
             "who": ["Protesters"]},
            {"type": "ASSAULT", "trigger": "exploded", "place": "Basra", "date": "2022-03-07"},
        ])  # fmt: skip
    france = _report("The United Nations envoy met officials in Lyon on Monday.", "2022-03-08", "Wire G", [
        {"type": "CONSULT", "trigger": "met", "place": "Lyon", "date": "2022-03-07",
         "who": ["United Nations", "Jean Martin"]}])  # fmt: skip
    iraq = _report("The United Nations envoy met officials in Mosul on Tuesday.", "2022-03-09", "Wire H", [
        {"type": "CONSULT", "trigger": "met", "place": "Mosul", "date": "2022-03-08",
         "who": ["United Nations", "Ali Hassan"]}])  # fmt: skip
    _ingest(db, [crisis, france, iraq])
    stories = _rows(db, "SELECT id, n_events, first, last FROM stories ORDER BY n_events DESC, id")
    assert stories[0][1:] == (2, "2022-03-06", "2022-03-07")  # told together in one report
    assert len(stories) == 3  # the two meetings share only the United Nations


def test_events_without_date_place_or_actors_are_linked_sensibly(tmp_path: Path) -> None:
    db = tmp_path / "l.db"
    bare = [
        _report(
            f"Something happened, report {i}.",
            None,
            f"Wire {i}",
            [{"type": "ASSAULT", "trigger": "happened"}],
        )
        for i in range(3)
    ]
    counts = _ingest(db, bare)
    assert counts["linked"] == 3
    assert _rows(db, "SELECT COUNT(*) FROM event_links") == [(3,)]
    assert _rows(db, "SELECT COUNT(*) FROM stories WHERE n_events > 0")[0][0] >= 1


def test_future_hypothetical_and_negated_events_are_not_merged(tmp_path: Path) -> None:
    db = tmp_path / "l.db"
    threat = _report("Militants threatened to bomb Basra if talks fail.", "2022-03-08", "Wire A", [
        {"type": "ASSAULT", "trigger": "bomb", "place": "Basra", "date": "2022-03-07",
         "aux": "hypothetical"}])  # fmt: skip
    _ingest(db, [threat])
    assert _rows(db, "SELECT COUNT(*) FROM event_links") == [(0,)]


def test_ten_thousand_reports_of_one_event_link_in_bounded_time(tmp_path: Path) -> None:
    db = tmp_path / "l.db"
    reports = [_bombing(f"Outlet {i}", 5, ["explosives"]) for i in range(10_000)]
    started = time.monotonic()
    _ingest(db, reports)
    assert time.monotonic() - started < 240
    assert _rows(db, "SELECT n_articles FROM merged_events") == [(10_000,)]
