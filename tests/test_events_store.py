"""Events in the store, ``tidings events`` and its exports (JSON, CSV, GeoJSON, ACLED CSV).

The analysis records here are written by hand against the record contract (GUIDE §2), so these tests
hold whatever the event detector finds; the articles are invented for the tests.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import Run, query
from tidings.models import Article
from tidings.store import EventFilter, Store
from tidings.store import db as store_db
from tidings.store.events import COLUMNS, date_range, derive_rows, evidence_text, geo_precision
from tidings.store.exports import ACLED_COLUMNS, acled_row, interaction, write_acled_csv
from tidings.store.schema import LATEST

Tidings = Callable[..., Run]

MARKET = (
    "Gunmen on motorbikes attacked the livestock market in Gao on Tuesday morning, killing four traders, "
    "local officials said.\n\nThe army said soldiers arrested two suspects later that day. A similar "
    "raid on the same market in 2019 had left the town without trade for a month."
)
RALLY = (
    "Several hundred teachers marched through central Nairobi on 3 March to demand unpaid salaries. "
    "Police dispersed them with tear gas near the parliament buildings."
)
TALKS = "The two parties said they would meet next week to discuss a ceasefire, but no date was set."


def _span(text: str, phrase: str) -> list[int]:
    start = text.index(phrase)
    return [start, start + len(phrase)]


def market_record(article: Article) -> dict[str, Any]:
    text = article.text
    return {
        "article": {"id": article.id, "published": article.published, "text": text, "title": article.title},
        "actors": [
            {"id": "a1", "name": "gunmen", "sector": "UNK", "country": None, "role": None},
            {"id": "a2", "name": "traders", "sector": "CVL", "country": "MLI", "role": None},
            {"id": "a3", "name": "the army", "sector": "MIL", "country": "MLI", "role": None},
        ],
        "places": [
            {
                "start": text.index("Gao"),
                "end": text.index("Gao") + 3,
                "text": "Gao",
                "geonameid": 2457163,
                "name": "Gao",
                "lat": 16.27167,
                "lon": -0.04472,
                "country": "MLI",
                "admin1": "Gao",
                "feature": "PPLA",
                "precision": "city",
            }
        ],
        "events": [
            {
                "id": "e1",
                "type": "ASSAULT",
                "modes": ["firearms"],
                "contexts": [],
                "acled": {"event_type": "Violence against civilians", "sub_event_type": "Attack"},
                "actors": ["a1"],
                "recipients": ["a2"],
                "location": {"geonameid": 2457163, "precision": 1},
                "date": "2023-05-16",
                "date_precision": "day",
                "date_source": "text",
                "status": "completed",
                "aux": None,
                "certainty": "asserted",
                "size": {"killed": 4, "injured": None, "arrested": None},
                "claimed_by": None,
                "sources": ["local officials"],
                "evidence": [_span(text, "attacked the livestock market")],
                "confidence": 0.9,
                "trigger": _span(text, "attacked"),
            },
            {
                "id": "e2",
                "type": "SEIZE",
                "acled": {"event_type": "Strategic developments", "sub_event_type": "Arrests"},
                "actors": ["a3"],
                "recipients": [],
                "location": {"geonameid": 2457163, "precision": "city"},
                "date": "2023-05-16",
                "date_precision": "day",
                "date_source": "text",
                "status": "completed",
                "aux": None,
                "certainty": "asserted",
                "size": {"killed": None, "injured": None, "arrested": 2},
                "sources": ["the army"],
                "evidence": [_span(text, "arrested two suspects")],
                "confidence": 0.7,
            },
            {
                "id": "e3",
                "type": "ASSAULT",
                "acled": {"event_type": "Violence against civilians", "sub_event_type": "Attack"},
                "actors": [],
                "recipients": [],
                "location": {"geonameid": 2457163, "precision": "city"},
                "date": "2019",
                "date_precision": "year",
                "date_source": "text",
                "aux": "historical",
                "size": {"killed": None, "injured": None, "arrested": None},
                "evidence": [_span(text, "A similar raid")],
                "confidence": 0.6,
            },
        ],
    }


def rally_record(article: Article) -> dict[str, Any]:
    return {
        "article": {"id": article.id, "published": article.published, "text": article.text},
        "actors": [{"id": "a1", "name": "teachers", "sector": "CVL", "country": "KEN"}],
        "places": [],
        "events": [
            {
                "id": "e1",
                "type": "PROTEST",
                "acled": {"event_type": "Protests", "sub_event_type": "Protest with intervention"},
                "actors": ["a1"],
                "location": {"name": "Nairobi", "lat": -1.28333, "lon": 36.81667, "country": "KEN",
                             "admin1": "Nairobi Area", "precision": "city"},
                "date": "2023-03",
                "date_precision": "month",
                "size": {"killed": None, "injured": None, "arrested": None},
                "evidence": [_span(article.text, "marched")],
            }
        ],
    }  # fmt: skip


def bare_record(article: Article) -> dict[str, Any]:
    """Events that lack everything optional, or carry the wrong kinds of values."""
    return {
        "article": {"id": article.id, "text": article.text},
        "actors": "not a list",
        "events": [
            {"type": "CONSULT"},
            "not an event",
            {
                "id": "e9",
                "actors": ["a404", {"name": "a delegation"}],
                "location": {"lat": "north", "lon": 500},
                "date": "sometime",
                "size": {"killed": -3, "injured": "many", "arrested": True},
                "evidence": [[5, 2], "x", [0, 10**9]],
                "confidence": "high",
            },
        ],
    }


def _articles() -> list[Article]:
    return [
        Article.create(MARKET, title="Market attacked", outlet="Sahel Courier", published="2023-05-17"),
        Article.create(RALLY, title="Teachers march", outlet="Rift Times", published="2023-03-04"),
        Article.create(TALKS, title="Talks planned", outlet="Wire", published="2023-06-01"),
    ]


def _records(articles: list[Article]) -> dict[str, dict[str, Any]]:
    market, rally, talks = articles
    return {market.id: market_record(market), rally.id: rally_record(rally), talks.id: bare_record(talks)}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "events.db"
    articles = _articles()
    with Store.open(path) as store:
        store.add_articles(articles, _records(articles))
    return path


def _events(db: Path, **filters: Any) -> list[dict[str, Any]]:
    with Store.open(db, readonly=True) as store:
        return list(store.events(EventFilter(**filters)))


# -- storing -----------------------------------------------------------------------------------------


def test_the_events_table_has_the_columns_the_writer_fills(db: Path) -> None:
    names = tuple(row[1] for row in query(db, "PRAGMA table_info(events)"))
    assert names == COLUMNS


def test_events_are_stored_with_deterministic_ids_and_resolved_fields(db: Path) -> None:
    market = _articles()[0]
    rows = {row["id"]: row for row in _events(db)}
    assert len(rows) == 6
    attack = rows[f"{market.id[:16]}-e1"]
    assert attack["article_id"] == market.id
    assert (attack["type"], attack["event_type"], attack["sub_event_type"]) == (
        "ASSAULT",
        "Violence against civilians",
        "Attack",
    )
    assert (attack["location"], attack["country"], attack["admin1"]) == ("Gao", "MLI", "Gao")
    assert (attack["lat"], attack["lon"], attack["geo_precision"]) == (16.27167, -0.04472, 1)
    assert (attack["actors"], attack["actor_sectors"]) == ("gunmen", "UNK")
    assert (attack["recipients"], attack["recipient_countries"]) == ("traders", "MLI")
    assert attack["killed"] == 4 and attack["injured"] is None
    assert attack["trigger"] == "attacked"
    assert attack["notes"] == MARKET.split("\n\n")[0]
    assert attack["record"]["actors"] == ["a1"], "the event as the analyzer wrote it is kept"
    assert attack["detail"]["actors"][0]["name"] == "gunmen"
    assert query(db, "SELECT n_events FROM analyses WHERE article_id = ?", (market.id,)) == [(3,)]


def test_events_with_missing_or_wrong_fields_store_empty_fields(db: Path) -> None:
    talks = _articles()[2]
    rows = _events(db, article_id=talks.id)
    assert [row["event"] for row in rows] == ["e1", "e9"]
    bare, odd = rows
    assert bare["type"] == "CONSULT" and bare["date"] is None and bare["location"] is None
    assert bare["actors"] is None and bare["notes"] is None
    assert odd["actors"] == "a404; a delegation", "an unknown id is kept as written"
    assert (odd["lat"], odd["lon"], odd["date_start"]) == (None, None, None)
    assert (odd["killed"], odd["injured"], odd["arrested"]) == (None, None, None)
    assert odd["confidence"] is None
    assert odd["notes"] is None


def test_adding_the_same_analyses_again_changes_nothing(db: Path) -> None:
    before = query(db, "SELECT * FROM events ORDER BY id")
    articles = _articles()
    with Store.open(db) as store:
        result = store.add_articles(articles, _records(articles))
    assert len(result.duplicates) == 3
    assert query(db, "SELECT * FROM events ORDER BY id") == before


def test_a_new_analyzer_version_replaces_the_articles_events(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    market = _articles()[0]
    with Store.open(db) as store:
        assert store.unanalyzed([market.id]) == set()
    monkeypatch.setattr(store_db, "ANALYZER", "tidings-analyze/test-next")
    with Store.open(db) as store:
        assert store.unanalyzed([market.id]) == {market.id}, "a stale analysis is analysed again"
        record = market_record(market)
        record["events"] = record["events"][1:2]
        store.add_articles([market], {market.id: record})
        assert store.unanalyzed([market.id]) == set()
    rows = _events(db, article_id=market.id)
    assert [row["event"] for row in rows] == ["e2"]
    assert query(db, "SELECT analyzer, n_events FROM analyses WHERE article_id = ?", (market.id,)) == [
        ("tidings-analyze/test-next", 1)
    ]


def test_a_failed_batch_stores_neither_analysis_nor_events(tmp_path: Path) -> None:
    path = tmp_path / "fail.db"
    good, bad = _articles()[0], _articles()[1]
    bad = Article(**{**bad.to_dict(), "paragraphs": bad.paragraphs, "text": None})  # type: ignore[arg-type]
    with Store.open(path) as store, pytest.raises(Exception):  # noqa: B017 - any failure will do
        store.add_articles([good, bad], {good.id: market_record(good)})
    assert query(path, "SELECT COUNT(*) FROM events") == [(0,)]
    assert query(path, "SELECT COUNT(*) FROM analyses") == [(0,)]


def test_stats_count_events(db: Path) -> None:
    with Store.open(db, readonly=True) as store:
        assert store.stats()["events"] == 6


# -- filters -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"type": "assault"}, ["e1", "e3"]),
        ({"acled_type": "protests"}, ["e1"]),
        ({"acled_type": "Arrests"}, ["e2"]),
        ({"country": "mli"}, ["e1", "e2", "e3"]),
        ({"since": "2023-05-01"}, ["e1", "e2"]),
        ({"until": "2023-03-31"}, ["e1", "e3"]),
        ({"since": "2023-03-15", "until": "2023-03-31"}, ["e1"]),
        ({"since": "2023-04-01", "until": "2023-04-30"}, []),
        ({"actor": "GUNMEN"}, ["e1"]),
        ({"actor": "trader"}, ["e1"]),
        ({"place": "nairobi"}, ["e1"]),
        ({"search": "livestock market"}, ["e1"]),
        ({"search": "100%_"}, []),
        ({"limit": 2}, ["e1", "e2"]),
    ],
)
def test_filters(db: Path, filters: dict[str, Any], expected: list[str]) -> None:
    assert sorted(row["event"] for row in _events(db, **filters)) == sorted(expected)


def test_latest_events_come_first_and_undated_last(db: Path) -> None:
    rows = _events(db)
    assert [row["date"] for row in rows[:4]] == ["2023-05-16", "2023-05-16", "2023-03", "2019"]
    assert [row["date_start"] for row in rows[4:]] == [None, None], "undated or unreadable dates"
    assert {row["date"] for row in rows[4:]} == {None, "sometime"}, "a date is kept as the record gives it"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-11-07", ("2021-11-07", "2021-11-07")),
        ("2021-11-07T14:00", ("2021-11-07", "2021-11-07")),
        ("2024-02", ("2024-02-01", "2024-02-29")),
        ("2021-12", ("2021-12-01", "2021-12-31")),
        ("2019", ("2019-01-01", "2019-12-31")),
        ("2019-Q4", ("2019-10-01", "2019-12-31")),
        ("2020-H1", ("2020-01-01", "2020-06-30")),
        ("2021-W45", ("2021-11-08", "2021-11-14")),
        ("201", ("2010-01-01", "2019-12-31")),
        ("2021-02-30", (None, None)),
        ("PRESENT_REF", (None, None)),
        ("P1M", (None, None)),
        ("", (None, None)),
        (None, (None, None)),
    ],
)
def test_date_range(value: str | None, expected: tuple[str | None, str | None]) -> None:
    assert date_range(value) == expected


def test_evidence_text_is_the_whole_sentence_once() -> None:
    text = "First one here. Then gunmen fired on the crowd. Nobody knows why!"
    spans = [[21, 27], [28, 33], [999, 1000], [5, 1]]
    assert evidence_text(text, spans) == "Then gunmen fired on the crowd."
    assert evidence_text(text, "nonsense") == ""
    assert (
        evidence_text(text, [[0, 5], [0, 30], [35, 40]]) == "First one here. Then gunmen fired on the crowd."
    )


@pytest.mark.parametrize(
    ("precision", "feature", "expected"),
    [(1, None, 1), ("2", None, 2), ("city", None, 1), ("admin2", None, 2), ("country", None, 3),
     (None, "ADM1", 3), (None, "PPLX", 1), (None, None, None), (True, None, None), (7, None, None)],
)  # fmt: skip
def test_geo_precision(precision: Any, feature: str | None, expected: int | None) -> None:
    assert geo_precision(precision, feature) == expected


def test_a_record_that_is_not_an_object_has_no_events() -> None:
    assert derive_rows("x" * 64, "nonsense") == []  # type: ignore[arg-type]
    assert derive_rows("x" * 64, {"events": "nonsense"}) == []


# -- the ACLED export --------------------------------------------------------------------------------


def _acled(db: Path, include_all: bool = False) -> list[dict[str, str]]:
    out = io.StringIO()
    with Store.open(db, readonly=True) as store:
        write_acled_csv(store.events(), out, include_all=include_all)
    reader = csv.DictReader(io.StringIO(out.getvalue()))
    assert tuple(reader.fieldnames or ()) == ACLED_COLUMNS
    return list(reader)


def test_acled_export_codes_the_attack_as_acled_does(db: Path) -> None:
    market = _articles()[0]
    rows = {row["event_id_cnty"]: row for row in _acled(db)}
    attack = rows[f"MLI-{market.id[:16]}-e1"]
    assert attack["event_date"] == "2023-05-16" and attack["year"] == "2023"
    assert attack["time_precision"] == "1"
    assert attack["disorder_type"] == "Political violence"
    assert (attack["actor1"], attack["assoc_actor_1"], attack["inter1"]) == (
        "Unidentified Armed Group (Mali)",
        "gunmen",
        "3",
    )
    assert (attack["actor2"], attack["assoc_actor_2"], attack["inter2"]) == (
        "Civilians (Mali)",
        "traders",
        "7",
    )
    assert attack["interaction"] == "37"
    assert attack["civilian_targeting"] == "Civilian targeting"
    assert (attack["iso"], attack["region"], attack["country"]) == ("466", "Western Africa", "Mali")
    assert (attack["location"], attack["latitude"], attack["longitude"]) == ("Gao", "16.2717", "-0.0447")
    assert attack["geo_precision"] == "1"
    assert attack["fatalities"] == "4"
    assert attack["source"] == "local officials"
    assert attack["notes"].startswith("Gunmen on motorbikes attacked")
    assert int(attack["timestamp"]) > 1_600_000_000


def test_acled_export_of_arrests_protests_and_unknown_fatalities(db: Path) -> None:
    rows = {(row["event_type"], row["sub_event_type"]): row for row in _acled(db)}
    arrests = rows[("Strategic developments", "Arrests")]
    # the army of Mali, named as ACLED names a country's forces; the words of the text beside it
    assert (arrests["actor1"], arrests["assoc_actor_1"], arrests["inter1"]) == (
        "Military Forces of Mali",
        "the army",
        "1",
    )
    assert (arrests["actor2"], arrests["inter2"]) == ("", "")
    assert arrests["interaction"] == "10" and arrests["fatalities"] == "0"
    protest = rows[("Protests", "Protest with intervention")]
    assert (protest["actor1"], protest["assoc_actor_1"], protest["inter1"]) == (
        "Protesters (Kenya)",
        "teachers",
        "6",
    )
    assert protest["event_date"] == "2023-03-01" and protest["time_precision"] == "3"
    assert protest["region"] == "Eastern Africa" and protest["admin1"] == "Nairobi Area"
    assert protest["source"] == "Rift Times", "the outlet when the event names no source"
    assert protest["civilian_targeting"] == ""


def test_acled_export_leaves_out_background_unless_asked(db: Path) -> None:
    assert len(_acled(db)) == 3
    everything = _acled(db, include_all=True)
    assert len(everything) == 4, "events without an ACLED type are never exported"
    historical = [row for row in everything if row["event_date"] == "2019-01-01"]
    assert len(historical) == 1 and historical[0]["actor1"] == ""
    assert (historical[0]["actor2"], historical[0]["inter2"]) == ("Civilians (Mali)", "7"), "ACLED's victims"
    assert historical[0]["interaction"] == "" and historical[0]["civilian_targeting"] == "Civilian targeting"


def test_acled_row_of_an_event_without_date_place_or_actors() -> None:
    row = {
        "id": "abc-e1",
        "event_type": "Riots",
        "sub_event_type": "Mob violence",
        "published": "2022-01-02",
        "detail": {},
    }
    coded = acled_row(row)
    assert coded is not None
    assert (coded["event_date"], coded["time_precision"]) == ("2022-01-02", 3)
    assert coded["event_id_cnty"] == "XXX-abc-e1"
    assert (coded["actor1"], coded["inter1"], coded["interaction"]) == ("Rioters", 5, 50)
    assert coded["disorder_type"] == "Political violence"
    assert coded["latitude"] == "" and coded["country"] == "" and coded["fatalities"] == 0
    assert acled_row({"id": "x", "detail": {}}) is None


@pytest.mark.parametrize(("one", "two", "expected"), [(1, 2, 12), (7, 3, 37), (6, None, 60), (None, 7, None)])
def test_interaction_codes(one: int | None, two: int | None, expected: int | None) -> None:
    assert interaction(one, two) == expected


# -- the command -------------------------------------------------------------------------------------


def test_events_table(db: Path, tidings: Tidings) -> None:
    run = tidings("events", "--db", db, "--type", "ASSAULT")
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert lines[0].split() == [
        "id",
        "date",
        "type",
        "acled",
        "place",
        "actors",
        "recipients",
        "killed",
        "status",
    ]
    assert len(lines) == 4
    market = _articles()[0]
    cells = re.split(r"\s{2,}", lines[2])
    assert cells[0] == f"{market.id[:16]}-e1"
    assert cells[1:] == [
        "2023-05-16",
        "ASSAULT",
        "Attack",
        "Gao, MLI",
        "gunmen",
        "traders",
        "4",
        "completed/asserted",
    ]


def test_events_json_and_nl(db: Path, tidings: Tidings) -> None:
    run = tidings("events", "--db", db, "--json", "--acled-type", "Violence against civilians")
    events = json.loads(run.out)
    assert [e["event"]["id"] for e in events] == ["e1", "e3"]
    assert events[0]["modes"] == ["firearms"] and events[0]["event"]["recipients"][0]["name"] == "traders"
    run = tidings("events", "--db", db, "--nl", "--limit", "1")
    assert len(run.out.splitlines()) == 1 and json.loads(run.out)["date"] == "2023-05-16"


def test_events_csv(db: Path, tidings: Tidings) -> None:
    run = tidings("events", "--db", db, "--csv", "--country", "Kenya")
    rows = list(csv.DictReader(io.StringIO(run.out)))
    assert [(r["type"], r["location"], r["actors"]) for r in rows] == [("PROTEST", "Nairobi", "teachers")]


def test_events_geojson(db: Path, tidings: Tidings) -> None:
    run = tidings("events", "--db", db, "--geojson")
    collection = json.loads(run.out)
    assert collection["type"] == "FeatureCollection"
    placed = {f["properties"]["location"]: f["geometry"] for f in collection["features"] if f["geometry"]}
    assert placed["Nairobi"] == {"type": "Point", "coordinates": [36.81667, -1.28333]}
    assert sum(f["geometry"] is None for f in collection["features"]) == 2


def test_events_acled_option(db: Path, tidings: Tidings) -> None:
    run = tidings("events", "--db", db, "--acled")
    assert run.out.splitlines()[0] == ",".join(ACLED_COLUMNS)
    assert len(run.out.splitlines()) == 4
    run = tidings("events", "--db", db, "--acled", "--all")
    assert len(run.out.splitlines()) == 5


def test_events_on_a_missing_database(tmp_path: Path, tidings: Tidings) -> None:
    run = tidings("events", "--db", tmp_path / "none.db")
    assert run.code == 1
    assert run.err_lines == [
        f"Error: no database at {tmp_path}/none.db",
        "Hint: create one with: tidings ingest PATH --db FILE",
    ]
    assert run.out == ""


def test_events_on_an_old_schema_database(tmp_path: Path, tidings: Tidings) -> None:
    import shutil

    old = tmp_path / "old.db"
    shutil.copy(Path(__file__).parent / "data" / "schema_v2.db", old)
    run = tidings("events", "--db", old)
    assert run.code == 1
    assert run.err_lines == [
        f"Error: {old} has schema version 2; this tidings needs {LATEST}",
        "Hint: run tidings ingest (or any writing command) on it once to migrate it",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--since", "2023-13-01"), "Error: Invalid value for '--since': '2023-13-01' is not a date"),
        (("--until", "last week"), "Error: Invalid value for '--until': 'last week' is not a date"),
        (("--limit", "-1"), "Error: Invalid value for '--limit' / '-n'"),
        (("--country", "Atlantis"), "Error: unknown country 'Atlantis'"),
        (
            ("--since", "2023-05", "--until", "2023-04"),
            "Error: --since 2023-05-01 is after --until 2023-04-30",
        ),
    ],
)
def test_bad_event_options_are_usage_errors(
    db: Path, tidings: Tidings, args: tuple[str, ...], message: str
) -> None:
    run = tidings("events", "--db", db, *args)
    assert run.code == 2
    assert message in run.err
    assert run.out == ""


def test_ingest_stores_the_events_the_analyzer_finds(
    tmp_path: Path, tidings: Tidings, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tidings.analyze as analyze_module
    from tidings.models import Analysis

    def fake_many(articles: Any, batch_size: int = 64, skip: Any = ()) -> Any:
        for article in articles:
            analysis = Analysis(article=article)
            analysis.events = market_record(article)["events"][:1] if "Gao" in article.text else []
            yield analysis

    monkeypatch.setattr(analyze_module, "analyze_many", fake_many)
    source = tmp_path / "market.txt"
    source.write_text(MARKET, encoding="utf-8")
    db = tmp_path / "news.db"
    run = tidings("ingest", source, "--db", db, "--date", "2023-05-17")
    assert run.code == 0, run.err
    run = tidings("events", "--db", db, "--nl")
    assert [json.loads(line)["type"] for line in run.out.splitlines()] == ["ASSAULT"]


def test_reingesting_reanalyses_only_after_the_analyzer_changes(
    tmp_path: Path, tidings: Tidings, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tidings.analyze as analyze_module
    from tidings.models import Analysis

    calls: list[str] = []

    def fake_many(articles: Any, batch_size: int = 64, skip: Any = ()) -> Any:
        for article in articles:
            calls.append(article.id)
            analysis = Analysis(article=article)
            events = market_record(article)["events"]
            analysis.events = events[:1] if len(calls) == 1 else events[1:]
            yield analysis

    monkeypatch.setattr(analyze_module, "analyze_many", fake_many)
    source = tmp_path / "market.txt"
    source.write_text(MARKET, encoding="utf-8")
    db = tmp_path / "news.db"
    assert tidings("ingest", source, "--db", db, "--date", "2023-05-17").code == 0
    assert tidings("ingest", source, "--db", db, "--date", "2023-05-17").code == 0
    assert len(calls) == 1, "the same analyzer does not analyse a stored article twice"
    assert [row["event"] for row in _events(db)] == ["e1"]
    monkeypatch.setattr(store_db, "ANALYZER", "tidings-analyze/test-next")
    assert tidings("ingest", source, "--db", db, "--date", "2023-05-17").code == 0
    assert len(calls) == 2
    assert sorted(row["event"] for row in _events(db)) == ["e2", "e3"]


def test_ingest_with_the_real_analyzer_stores_every_event_of_the_record(
    tmp_path: Path, tidings: Tidings
) -> None:
    source = tmp_path / "market.txt"
    source.write_text(MARKET + "\n\n" + RALLY, encoding="utf-8")
    db = tmp_path / "news.db"
    assert tidings("ingest", source, "--db", db, "--date", "2023-05-17").code == 0
    with Store.open(db, readonly=True) as store:
        article_id = next(store.articles())["id"]
        record = store.analysis(article_id)
        stored = {row["event"]: row for row in store.events()}
    assert record is not None
    assert sorted(stored) == sorted(event["id"] for event in record["events"])
    for event in record["events"]:
        assert stored[event["id"]]["record"] == event
        assert stored[event["id"]]["type"] == event.get("type")
    run = tidings("events", "--db", db, "--acled", "--all")
    rows = list(csv.DictReader(io.StringIO(run.out)))
    assert len(rows) == sum(1 for event in record["events"] if (event.get("acled") or {}).get("event_type"))
    assert all(row["event_id_cnty"].endswith(tuple(stored)) for row in rows)


def test_events_on_a_file_that_is_not_a_database(tmp_path: Path, tidings: Tidings) -> None:
    junk = tmp_path / "junk.db"
    junk.write_text("a note, not a database\n", encoding="utf-8")
    run = tidings("events", "--db", junk, "--acled")
    assert run.code == 1
    assert run.err_lines == [
        f"Error: cannot use database {junk}: file is not a database",
        "Hint: the file is damaged or not a tidings database; ingest into a new --db file",
    ]
    assert run.out == ""
