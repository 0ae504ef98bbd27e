"""Databases written by earlier schema versions migrate forward with nothing lost.

``tests/data/schema_v1.db`` was written by tidings at schema version 1 (commit 5ff0637, ingesting
the demo corpus), before analyses were stored.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from tidings.store import Store
from tidings.store.schema import LATEST

FIXTURES = Path(__file__).parent / "data"
ARTICLES = "SELECT id, url, outlet, published, title, text, lang, paragraphs FROM articles"


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql).fetchall()
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


def test_a_read_only_open_refuses_an_old_schema_with_a_hint(tmp_path: Path) -> None:
    import pytest

    from tidings.errors import StoreError

    db = tmp_path / "old.db"
    shutil.copy(FIXTURES / "schema_v1.db", db)
    with pytest.raises(StoreError) as caught:
        Store.open(db, readonly=True)
    assert "schema version 1" in caught.value.message
    assert caught.value.hint and "migrate" in caught.value.hint
