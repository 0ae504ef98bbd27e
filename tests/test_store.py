"""store/: schema, WAL, full-text search, idempotent writes, sightings, refusing bad files."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest

from conftest import BRIDGE, FERRY, HARBOUR, KADHIMI, LIBRARY, query
from tidings.errors import StoreError
from tidings.models import Article
from tidings.nlp.langid import annotate
from tidings.store import Store
from tidings.store.schema import LATEST


def _articles() -> list[Article]:
    return [
        annotate(
            Article.create(
                HARBOUR,
                title="Harbour reopens after repairs",
                outlet="Coast Times",
                published="2022-03-01",
                url="https://coast.example/1",
                source="a.jsonl:1",
            )
        ),
        annotate(
            Article.create(
                BRIDGE,
                title="Old bridge closed",
                outlet="River Post",
                published="2022-03-05",
                source="a.jsonl:2",
            )
        ),
        annotate(
            Article.create(
                KADHIMI,
                title="Security council meets",
                outlet="Capital Wire",
                published="2022-03-03",
                source="a.jsonl:3",
            )
        ),
    ]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "store.db"
    with Store.open(path) as store:
        result = store.add_articles(_articles())
    assert len(result.new) == 3 and result.duplicates == []
    return path


def _dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    connection = sqlite3.connect(path)
    try:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'ingest_runs' ORDER BY name"
            )
        ]
        return {name: connection.execute(f'SELECT * FROM "{name}" ORDER BY 1').fetchall() for name in tables}
    finally:
        connection.close()


def test_schema_version_table(db: Path) -> None:
    rows = query(db, "SELECT version, applied_at, description FROM schema_version ORDER BY version")
    assert [version for version, _, _ in rows] == list(range(1, LATEST + 1))
    assert rows[0][2] == "articles, their sightings, full-text index and ingest runs"
    for _, applied_at, description in rows:
        assert applied_at[:2] == "20" and "T" in applied_at
        assert description.strip()
    with Store.open(db, readonly=True) as store:
        assert store.schema_version() == LATEST


def test_wal_journal_mode(db: Path) -> None:
    assert query(db, "PRAGMA journal_mode") == [("wal",)]


def test_foreign_keys_hold(db: Path) -> None:
    assert query(db, "PRAGMA foreign_key_check") == []
    assert query(db, "PRAGMA integrity_check") == [("ok",)]


def test_articles_are_listed_newest_first_with_their_sightings(db: Path) -> None:
    with Store.open(db, readonly=True) as store:
        rows = list(store.articles())
        limited = list(store.articles(limit=1))
    assert [r["published"] for r in rows] == ["2022-03-05", "2022-03-03", "2022-03-01"]
    assert [r["title"] for r in limited] == ["Old bridge closed"]
    harbour = rows[2]
    assert harbour["text"] == HARBOUR
    assert harbour["n_chars"] == len(HARBOUR)
    assert [harbour["text"][p["start"] : p["end"]] for p in harbour["paragraphs"]] == HARBOUR.split("\n\n")
    assert {p["lang"] for p in harbour["paragraphs"]} == {"en"}
    assert [(s["source"], s["outlet"], s["url"]) for s in harbour["sightings"]] == [
        ("a.jsonl:1", "Coast Times", "https://coast.example/1")
    ]


@pytest.mark.parametrize(
    ("search", "titles"),
    [
        ("stone supports", ["Old bridge closed"]),  # words of the text
        ("repairs harbour", ["Harbour reopens after repairs"]),  # any order, all must occur
        ("council", ["Security council meets"]),  # in the title and the text
        ("al-Kadhimi", ["Security council meets"]),  # punctuation is safe
        ('"al-Kadhimi', ["Security council meets"]),  # so is a stray quote
        ("AND", ["Harbour reopens after repairs"]),  # FTS5 operators are plain words
        ("harbour bridge", []),
        ("zebra", []),
    ],
)
def test_full_text_search(db: Path, search: str, titles: list[str]) -> None:
    with Store.open(db, readonly=True) as store:
        assert [r["title"] for r in store.articles(search)] == titles


def test_search_finds_words_only_in_the_title(db: Path) -> None:
    with Store.open(db, readonly=True) as store:
        assert [r["title"] for r in store.articles("closed")] == ["Old bridge closed"]
        assert [r["title"] for r in store.articles("meets")] == ["Security council meets"]


def test_search_folds_diacritics_and_case(tmp_path: Path) -> None:
    with Store.open(tmp_path / "d.db") as store:
        store.add_articles(
            [Article.create("Le café du port a rouvert ses portes mardi matin.", title="Café")]
        )
        assert len(list(store.articles("CAFE"))) == 1


def test_fts_syntax_search(db: Path) -> None:
    with Store.open(db, readonly=True) as store:
        titles = sorted(r["title"] for r in store.articles("harbour OR bridge", fts_syntax=True))
        assert titles == ["Harbour reopens after repairs", "Old bridge closed"]
        assert [r["title"] for r in store.articles("title:council", fts_syntax=True)] == [
            "Security council meets"
        ]
        assert [r["title"] for r in store.articles('"stone supports"', fts_syntax=True)] == [
            "Old bridge closed"
        ]


@pytest.mark.parametrize("bad", ['"unclosed', "AND OR", "al-Kadhimi"])
def test_invalid_fts_syntax_is_a_clear_error(db: Path, bad: str) -> None:
    with Store.open(db, readonly=True) as store, pytest.raises(StoreError) as raised:
        list(store.articles(bad, fts_syntax=True))
    assert raised.value.message.startswith(f"invalid search query {bad!r}: ")
    assert raised.value.hint == "quote phrases with double quotes, or drop --fts-syntax"


def test_adding_the_same_articles_again_is_a_no_op(db: Path) -> None:
    before = _dump(db)
    with Store.open(db) as store:
        result = store.add_articles(_articles())
    assert result.new == []
    assert len(result.duplicates) == 3
    assert _dump(db) == before
    assert query(db, "SELECT COUNT(*) FROM articles") == [(3,)]
    assert query(db, "SELECT COUNT(*) FROM sightings") == [(3,)]


def test_a_duplicate_inside_one_batch_is_counted(tmp_path: Path) -> None:
    article = Article.create(LIBRARY, source="x.jsonl:1")
    with Store.open(tmp_path / "x.db") as store:
        result = store.add_articles([article, article])
    assert (len(result.new), len(result.duplicates)) == (1, 1)


def test_the_same_text_from_two_outlets_is_one_article_with_two_sightings(tmp_path: Path) -> None:
    wire = Article.create(FERRY, outlet="Crescent Wire", url="https://wire.example/f", source="wire.jsonl:3")
    # the syndicated copy has different whitespace and metadata, but the same words
    copy = Article.create(
        FERRY.replace("\n\n", "\n\n\n").replace(" a ", "  a "),
        outlet="Northern Star",
        url="https://star.example/f",
        source="star.csv:4",
        title="Ferry strike over",
    )
    assert wire.id == copy.id
    path = tmp_path / "x.db"
    with Store.open(path) as store:
        first = store.add_articles([wire])
        second = store.add_articles([copy])
        [row] = list(store.articles())
    assert (len(first.new), len(second.duplicates)) == (1, 1)
    assert row["outlet"] == "Crescent Wire"  # the first sighting's metadata is the article's
    assert sorted((s["outlet"], s["url"]) for s in row["sightings"]) == [
        ("Crescent Wire", "https://wire.example/f"),
        ("Northern Star", "https://star.example/f"),
    ]
    assert query(path, "SELECT COUNT(*) FROM articles") == [(1,)]


def test_a_failed_batch_leaves_nothing_behind(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    good = Article.create(HARBOUR, source="ok")
    bad = dataclasses.replace(Article.create(BRIDGE, source="bad"), paragraphs=[None])  # fails mid-batch
    with Store.open(path) as store, pytest.raises(AttributeError):
        store.add_articles([good, bad])
    assert query(path, "SELECT COUNT(*) FROM articles") == [(0,)]
    assert query(path, "SELECT COUNT(*) FROM sightings") == [(0,)]
    assert query(path, "SELECT COUNT(*) FROM articles_fts_docsize") == [(0,)]


def test_ingest_runs_are_recorded(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    with Store.open(path) as store:
        run_id = store.begin_run(["a.jsonl", "b.txt"])
        store.finish_run(
            run_id, {"read": 5, "new": 3, "duplicate": 1, "rejected": 1, "failed_inputs": 0}, "done"
        )
    [row] = query(
        path,
        "SELECT inputs, n_read, n_new, n_duplicate, n_rejected, n_failed_inputs, status, "
        "finished_at IS NOT NULL FROM ingest_runs",
    )
    assert row == ('["a.jsonl", "b.txt"]', 5, 3, 1, 1, 0, "done", 1)


def test_store_stats(db: Path) -> None:
    with Store.open(db, readonly=True) as store:
        stats = store.stats()
    assert stats["articles"] == 3
    assert stats["sightings"] == 3
    assert stats["schema_version"] == LATEST
    assert stats["characters"] == len(HARBOUR) + len(BRIDGE) + len(KADHIMI)
    assert (stats["first_published"], stats["last_published"], stats["undated"]) == (
        "2022-03-01",
        "2022-03-05",
        0,
    )
    assert stats["by_language"] == {"en": 3}
    assert stats["by_month"] == {"2022-03": 3}
    assert stats["by_outlet"] == {"Capital Wire": 1, "Coast Times": 1, "River Post": 1}
    assert stats["file_bytes"] > 0


def test_a_database_newer_than_the_code_is_refused(db: Path) -> None:
    connection = sqlite3.connect(db)
    connection.execute(
        "INSERT INTO schema_version VALUES (?, '2099-01-01T00:00:00+00:00', 'from the future')", (LATEST + 1,)
    )
    connection.commit()
    connection.close()
    for readonly in (False, True):
        with pytest.raises(StoreError) as raised:
            Store.open(db, readonly=readonly)
        assert (
            raised.value.message
            == f"{db} has schema version {LATEST + 1}, newer than this tidings ({LATEST})"
        )
        assert raised.value.hint == "upgrade tidings to read it"


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("These are my notes, not a database.\n" * 100, encoding="utf-8")
    for readonly in (False, True):
        with pytest.raises(StoreError) as raised:
            Store.open(path, readonly=readonly)
        assert raised.value.message == f"cannot use database {path}: file is not a database"
        assert (
            raised.value.hint == "the file is damaged or not a tidings database; ingest into a new --db file"
        )
    assert path.read_text(encoding="utf-8").startswith("These are my notes")  # left untouched


def test_readonly_open_of_a_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "missing.db"
    with pytest.raises(StoreError) as raised:
        Store.open(path, readonly=True)
    assert raised.value.message == f"no database at {path}"
    assert raised.value.hint == "create one with: tidings ingest PATH --db FILE"
    assert not path.exists()


def test_readonly_open_of_an_unmigrated_database(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    sqlite3.connect(path).execute("CREATE TABLE other (x)").connection.close()
    with pytest.raises(StoreError) as raised:
        Store.open(path, readonly=True)
    assert raised.value.message == f"{path} has schema version 0; this tidings needs {LATEST}"


def test_a_folder_is_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as raised:
        Store.open(tmp_path)
    assert raised.value.message == f"cannot use {tmp_path} as a database: it is a folder"


def test_a_database_in_a_missing_folder(tmp_path: Path) -> None:
    path = tmp_path / "no" / "such" / "x.db"
    with pytest.raises(StoreError) as raised:
        Store.open(path)
    assert raised.value.message == f"cannot create database {path}: folder {path.parent} does not exist"
    assert raised.value.hint == f"create it first: mkdir -p {path.parent}"
    assert not path.parent.exists()


def test_readonly_store_cannot_write(db: Path) -> None:
    with Store.open(db, readonly=True) as store, pytest.raises(sqlite3.OperationalError):
        store.add_articles([Article.create(LIBRARY)])
    assert query(db, "SELECT COUNT(*) FROM articles") == [(3,)]


def test_an_analysing_ingest_records_how_many_articles_it_analysed(tmp_path: Path) -> None:
    from tidings.pipeline import ingest

    source = tmp_path / "notes.jsonl"
    source.write_text(
        '{"text": "Farmers marched through Lyon on Tuesday to protest fuel prices.", "date": "2023-01-10"}\n'
        '{"text": "The council approved a new bridge over the river on Monday.", "date": "2023-01-09"}\n',
        encoding="utf-8",
    )
    with Store.open(tmp_path / "x.db") as store:
        report = ingest([str(source)], store)
    assert report.analyzed == 2
    assert query(tmp_path / "x.db", "SELECT n_new, n_analyzed FROM ingest_runs") == [(2, 2)]


def test_an_ingest_run_merges_the_full_text_segments_its_batches_added(tmp_path: Path) -> None:
    from tidings.pipeline import ingest

    source = tmp_path / "many.jsonl"
    source.write_text(
        "".join(
            f'{{"text": "Dock workers in port {i} walked out over pay.", "date": "2023-01-09"}}\n'
            for i in range(12)
        ),
        encoding="utf-8",
    )
    path = tmp_path / "x.db"
    with Store.open(path) as store:
        ingest([str(source)], store, analyze=False, batch_size=1)  # one index segment per batch
        hits = store.connection.execute(
            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'walked'"
        ).fetchone()[0]
    assert hits == 12
    assert query(path, "SELECT count(DISTINCT segid) FROM articles_fts_idx") == [(1,)]


def test_a_transaction_left_open_by_an_interrupt_is_rolled_back_not_an_error(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    with Store.open(path) as store:
        run_id = store.begin_run(["a.jsonl"])
        store.connection.execute("BEGIN IMMEDIATE")  # as if Ctrl-C landed right after a BEGIN
        store.connection.execute("UPDATE ingest_runs SET n_read = 99")
        store.finish_run(run_id, {"read": 1}, "interrupted")
    assert query(path, "SELECT n_read, status FROM ingest_runs") == [(1, "interrupted")]
