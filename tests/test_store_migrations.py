"""Databases written by earlier schema versions migrate forward with nothing lost.

``tests/data/schema_v1.db`` was written by tidings at schema version 1 (commit 5ff0637, ingesting
the demo corpus), before analyses were stored. ``tests/data/schema_v2.db`` was written at schema
version 2 (commit 9c36784, before events were stored) with
``tidings ingest examples --db schema_v2.db`` (analysis on, so every article has its record; the
records' event lists are empty, as the analyzer found no events then), then ``VACUUM``.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from tidings.store import Store
from tidings.store.schema import LATEST

FIXTURES = Path(__file__).parent / "data"
ARTICLES = "SELECT id, url, outlet, published, title, text, lang, paragraphs FROM articles"


def _rows(path: Path, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def test_schema_v1_database_migrates_to_latest_without_loss(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    shutil.copy(FIXTURES / "schema_v1.db", db)
    articles_before = _rows(
        db, "SELECT id, url, outlet, published, title, text, lang, paragraphs FROM articles"
    )
    sightings_before = _rows(db, "SELECT * FROM sightings ORDER BY 1, 2, 3, 4")
    assert len(articles_before) == 22
    with Store.open(db) as store:
        assert store.schema_version() == LATEST
        versions = [row[0] for row in store.connection.execute("SELECT version FROM schema_version")]
        assert versions == list(range(1, LATEST + 1))
        assert store.unanalyzed(row[0] for row in articles_before) == {row[0] for row in articles_before}
        hits = list(store.articles("drone", limit=50))
        assert hits, "the full-text index survives the migration"
    assert _rows(db, ARTICLES) == articles_before
    assert _rows(db, "SELECT * FROM sightings ORDER BY 1, 2, 3, 4") == sightings_before
    assert _rows(db, "PRAGMA integrity_check") == [("ok",)]
    assert _rows(db, "SELECT COUNT(*) FROM events") == [(0,)]


ANALYSES = "SELECT article_id, analyzer, record, n_actors, n_timexes, n_quotes, analyzed_at FROM analyses"


def test_schema_v2_database_migrates_to_latest_without_loss(tmp_path: Path) -> None:
    db = tmp_path / "v2.db"
    shutil.copy(FIXTURES / "schema_v2.db", db)
    assert _rows(db, "SELECT MAX(version) FROM schema_version") == [(2,)]
    articles_before = _rows(db, ARTICLES)
    sightings_before = _rows(db, "SELECT * FROM sightings ORDER BY 1, 2, 3, 4")
    analyses_before = _rows(db, ANALYSES + " ORDER BY article_id")
    assert len(articles_before) == 22 and len(analyses_before) == 22
    with Store.open(db) as store:
        assert store.schema_version() == LATEST
        hits = list(store.articles("drone", limit=50))
        assert hits, "the full-text index survives the migration"
        assert store.analysis(articles_before[0][0]) == json.loads(
            dict((row[0], row[2]) for row in analyses_before)[articles_before[0][0]]
        )
        assert list(store.events()) == [], "the stored records hold no events"
    assert _rows(db, ARTICLES) == articles_before
    assert _rows(db, "SELECT * FROM sightings ORDER BY 1, 2, 3, 4") == sightings_before
    assert _rows(db, ANALYSES + " ORDER BY article_id") == analyses_before
    assert _rows(db, "SELECT DISTINCT n_events FROM analyses") == [(0,)]
    assert _rows(db, "PRAGMA integrity_check") == [("ok",)]


def test_migration_derives_events_from_stored_records(tmp_path: Path) -> None:
    """A v2 record that holds events (written by hand here) yields its rows when migrated."""
    db = tmp_path / "v2.db"
    shutil.copy(FIXTURES / "schema_v2.db", db)
    connection = sqlite3.connect(db)
    article_id, raw = connection.execute(
        "SELECT article_id, record FROM analyses ORDER BY article_id LIMIT 1"
    ).fetchone()
    record = json.loads(raw)
    record["events"] = [
        {"id": "e1", "type": "PROTEST", "date": "2021-10-10", "date_precision": "day",
         "acled": {"event_type": "Protests", "sub_event_type": "Peaceful protest"}},
        {"id": "e2", "type": "ASSAULT", "aux": "historical"},
    ]  # fmt: skip
    with connection:
        connection.execute(
            "UPDATE analyses SET record = ? WHERE article_id = ?", (json.dumps(record), article_id)
        )
        damaged = connection.execute(
            "SELECT article_id FROM analyses WHERE article_id != ? LIMIT 1", (article_id,)
        ).fetchone()[0]
        connection.execute("UPDATE analyses SET record = 'not json' WHERE article_id = ?", (damaged,))
    connection.close()
    with Store.open(db) as store:
        events = list(store.events())
    assert [(e["id"], e["type"], e["date"]) for e in events] == [
        (f"{article_id[:16]}-e1", "PROTEST", "2021-10-10"),
        (f"{article_id[:16]}-e2", "ASSAULT", None),
    ]
    assert _rows(db, "SELECT n_events FROM analyses WHERE article_id = ?", (article_id,)) == [(2,)]


def test_a_read_only_open_refuses_an_old_schema_with_a_hint(tmp_path: Path) -> None:
    import pytest

    from tidings.errors import StoreError

    db = tmp_path / "old.db"
    shutil.copy(FIXTURES / "schema_v1.db", db)
    with pytest.raises(StoreError) as caught:
        Store.open(db, readonly=True)
    assert "schema version 1" in caught.value.message
    assert caught.value.hint and "migrate" in caught.value.hint


def test_schema_v3_database_migrates_to_latest_without_loss_and_links(tmp_path: Path) -> None:
    """``tests/data/schema_v3.db`` was written at schema version 3 (commit fd95156, events stored,
    no links) with ``tidings ingest examples --db schema_v3.db``, then ``VACUUM``."""
    db = tmp_path / "v3.db"
    shutil.copy(FIXTURES / "schema_v3.db", db)
    assert _rows(db, "SELECT MAX(version) FROM schema_version") == [(3,)]
    events_before = _rows(db, "SELECT id, article_id, type, date, record FROM events ORDER BY id")
    analyses_before = _rows(db, ANALYSES + " ORDER BY article_id")
    assert events_before
    with Store.open(db) as store:
        assert store.schema_version() == LATEST
        counts = store.link()  # the old events join merged events and stories
    assert counts["linked"] > 0
    assert _rows(db, "SELECT id, article_id, type, date, record FROM events ORDER BY id") == events_before
    assert _rows(db, ANALYSES + " ORDER BY article_id") == analyses_before
    assert _rows(db, "SELECT COUNT(*) FROM stories")[0][0] > 0
    assert _rows(db, "PRAGMA integrity_check") == [("ok",)]


def test_schema_v4_database_migrates_with_its_name_index_filled(tmp_path: Path) -> None:
    """``tests/data/schema_v4.db`` was written at schema version 4 (commit e3157e6, events linked
    into merged events and stories) with ``tidings ingest examples --db schema_v4.db``, then
    ``VACUUM``. Version 5 adds indexes and the trigram index of actor and place names."""
    db = tmp_path / "v4.db"
    shutil.copy(FIXTURES / "schema_v4.db", db)
    assert _rows(db, "SELECT MAX(version) FROM schema_version") == [(4,)]
    events = (
        "SELECT rowid, id, article_id, type, date, actors, recipients, location, admin1, record FROM events"
    )
    tables = ("merged_events", "event_links", "stories", "analyses", "articles", "sightings")
    before = {t: _rows(db, f"SELECT * FROM {t} ORDER BY 1, 2") for t in tables}
    events_before = _rows(db, events + " ORDER BY rowid")
    assert events_before and before["stories"]
    with Store.open(db) as store:
        assert store.schema_version() == LATEST
    assert _rows(db, events + " ORDER BY rowid") == events_before
    assert {t: _rows(db, f"SELECT * FROM {t} ORDER BY 1, 2") for t in tables} == before
    names = _rows(db, "SELECT rowid, actors, recipients, location, admin1 FROM events_names ORDER BY rowid")
    assert names == [(r[0], r[5], r[6], r[7], r[8]) for r in events_before]
    named = next(r for r in events_before if r[5] and len(r[5]) >= 4)
    found = _rows(db, "SELECT rowid FROM events_names WHERE events_names MATCH ?", (f'"{named[5][1:4]}"',))
    assert (named[0],) in found
    assert _rows(db, "PRAGMA integrity_check") == [("ok",)]


def test_schema_v6_database_gains_the_walk_index_and_merged_text_indexes(tmp_path: Path) -> None:
    """``tests/data/schema_v6.db`` is ``schema_v4.db`` migrated by tidings at schema version 6
    (commit 09ba77b, ``Store.open``), then ``VACUUM``. Version 7 adds the index a walk of the
    latest events reads and merges each full-text index into one segment."""
    db = tmp_path / "v6.db"
    shutil.copy(FIXTURES / "schema_v6.db", db)
    assert _rows(db, "SELECT MAX(version) FROM schema_version") == [(6,)]
    tables = ("events", "merged_events", "event_links", "stories", "analyses", "articles", "sightings")
    before = {t: _rows(db, f"SELECT * FROM {t} ORDER BY 1, 2") for t in tables}
    names = "SELECT rowid, actors, recipients, location, admin1 FROM events_names ORDER BY rowid"
    names_before = _rows(db, names)
    word = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid"
    hits_before = _rows(db, word, ('"drone"',))
    assert before["events"] and hits_before
    with Store.open(db) as store:
        assert store.schema_version() == LATEST
    assert {t: _rows(db, f"SELECT * FROM {t} ORDER BY 1, 2") for t in tables} == before
    assert _rows(db, names) == names_before
    assert _rows(db, word, ('"drone"',)) == hits_before
    for table in ("articles_fts", "events_names"):
        assert _rows(db, f"SELECT COUNT(DISTINCT segid) FROM {table}_idx") == [(1,)]
    plan = _rows(
        db,
        "EXPLAIN QUERY PLAN SELECT rowid, date_start FROM events INDEXED BY events_walk "
        "WHERE type = 'PROTEST' AND actors LIKE '%a%' ORDER BY date_start DESC LIMIT 5",
    )
    assert any("COVERING INDEX events_walk" in row[3] for row in plan)
    assert _rows(db, "PRAGMA integrity_check") == [("ok",)]
