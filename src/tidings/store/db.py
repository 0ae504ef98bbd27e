"""Opening, migrating, writing and reading the SQLite store.

One file, WAL journal, foreign keys on, a 30 s busy timeout so concurrent writers wait their turn.
Writes happen in explicit transactions, one per batch: an interrupted ingest leaves whole batches
or nothing, never half an article.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tidings.errors import StoreError
from tidings.models import Article
from tidings.store.articles import insert_articles
from tidings.store.events import EventFilter, query_events, write_events
from tidings.store.schema import LATEST, MIGRATIONS, TEXT_INDEXES

#: Recorded with each stored analysis: which analyzer produced it. An article whose stored analysis
#: came from another analyzer version is analysed again on its next ingest, and its analysis and
#: events are replaced together. Version 2: analysis records carry events.
ANALYZER = "tidings-analyze/2"

_CACHE_KIB = 32_768  # page cache of a writing connection (SQLite's default is 2 MiB)
_CHECKPOINT_PAGES = 10_000  # WAL pages before an automatic checkpoint (default 1,000)
#: Pages of full-text segments merged at the end of an ingest run (about 8 MB of writes; 0.3 s on
#: all of Reuters-21578).
TIDY_PAGES = 2_000

_REBUILD_HINT = "the file is damaged or not a tidings database; ingest into a new --db file"


@dataclass(slots=True)
class BatchResult:
    """What one batch did: ids newly stored, and ids that were already there (duplicates)."""

    new: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """A tidings database. Open it with :meth:`Store.open`; use it as a context manager."""

    def __init__(self, connection: sqlite3.Connection, path: str, readonly: bool) -> None:
        self.connection = connection
        self.path = path
        self.readonly = readonly

    # -- opening -------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, readonly: bool = False) -> Store:
        """Open (and for writing, create and migrate) the database at ``path``."""
        location = Path(path)
        if readonly:
            if not location.is_file():
                raise StoreError(
                    f"no database at {location}", hint="create one with: tidings ingest PATH --db FILE"
                )
            uri = f"{location.resolve().as_uri()}?mode=ro"
        else:
            _check_writable(location)
            uri = location.resolve().as_uri()
        existed = location.exists()
        try:
            connection = sqlite3.connect(
                uri, uri=True, isolation_level=None, timeout=30.0, check_same_thread=False
            )
        except sqlite3.Error as exc:
            if not existed:
                raise StoreError(
                    f"cannot create database {location}: {exc}", hint="use a --db file in a writable folder"
                ) from exc
            raise StoreError(f"cannot open database {location}: {exc}", hint=_REBUILD_HINT) from exc
        store = cls(connection, str(location), readonly)
        try:
            connection.execute("PRAGMA busy_timeout = 30000")
            connection.execute("PRAGMA foreign_keys = ON")
            if not readonly:
                connection.execute("PRAGMA journal_mode = WAL")
                connection.execute("PRAGMA synchronous = NORMAL")
                # Bulk loads insert random keys (article ids are hashes) into large B-trees: a
                # bigger page cache and fewer, larger checkpoints cut the page reads and writes
                # (200,000 raw lines: system time 8.3 s -> 3.6 s). Same durability: WAL,
                # synchronous NORMAL; the cache is per connection and bounded.
                connection.execute(f"PRAGMA cache_size = -{_CACHE_KIB}")
                connection.execute(f"PRAGMA wal_autocheckpoint = {_CHECKPOINT_PAGES}")
            store._migrate()
        except sqlite3.DatabaseError as exc:
            connection.close()
            if not existed:
                raise StoreError(
                    f"cannot create database {location}: {exc}", hint="use a --db file in a writable folder"
                ) from exc
            if isinstance(exc, sqlite3.OperationalError) and "readonly" in str(exc):
                raise StoreError(
                    f"cannot write database {location}: {exc}",
                    hint="check its permissions, or use another --db file",
                ) from exc
            raise StoreError(f"cannot use database {location}: {exc}", hint=_REBUILD_HINT) from exc
        except StoreError:
            connection.close()
            raise
        return store

    def close(self) -> None:
        """Close the connection (checkpointing the WAL when writable)."""
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- schema --------------------------------------------------------------------------------

    def schema_version(self) -> int:
        """The schema version of the database (0 for a new, empty file)."""
        exists = self.connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
        ).fetchone()
        if not exists:
            return 0
        row = self.connection.execute("SELECT MAX(version) FROM schema_version").fetchone()
        return int(row[0] or 0)

    def _migrate(self) -> None:
        version = self.schema_version()
        if version > LATEST:
            raise StoreError(
                f"{self.path} has schema version {version}, newer than this tidings ({LATEST})",
                hint="upgrade tidings to read it",
            )
        if version == LATEST:
            return
        if self.readonly:
            raise StoreError(
                f"{self.path} has schema version {version}; this tidings needs {LATEST}",
                hint="run tidings ingest (or any writing command) on it once to migrate it",
            )
        with self._transaction():
            version = self.schema_version()  # another process may have migrated meanwhile
            if version == 0:
                self.connection.execute(
                    "CREATE TABLE IF NOT EXISTS schema_version ("
                    "version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL, description TEXT NOT NULL)"
                )
            for number, (description, statements) in enumerate(MIGRATIONS, 1):
                if number <= version:
                    continue
                for statement in statements:
                    if callable(statement):
                        statement(self.connection)
                    else:
                        self.connection.execute(statement)
                self.connection.execute(
                    "INSERT INTO schema_version (version, applied_at, description) VALUES (?, ?, ?)",
                    (number, _now(), description),
                )

    def _transaction(self) -> Transaction:
        return Transaction(self.connection)

    # -- writing -------------------------------------------------------------------------------

    def add_articles(
        self, articles: Iterable[Article], analyses: dict[str, dict[str, Any]] | None = None
    ) -> BatchResult:
        """Store a batch of articles in one transaction; an article already stored is a duplicate.

        Every sighting (where the text was read, from which outlet and URL) is kept, so the same
        text from a second outlet adds a sighting, not an article. Storing the same input twice
        changes nothing. ``analyses`` (article id → analysis record) are stored in the same
        transaction, so an article is never stored without the analysis it was given.
        """
        result = BatchResult()
        now = _now()
        batch = list(articles)
        with self._transaction():
            result.new, result.duplicates = insert_articles(self.connection, batch, now)
            for article in batch:
                record = (analyses or {}).get(article.id)
                if record is not None:
                    self._put_analysis(article.id, record, now)
        return result

    def _put_analysis(self, article_id: str, record: dict[str, Any], now: str) -> None:
        """Store an analysis and its events, unless one from this analyzer is already stored.

        An analysis from another analyzer version is replaced, and the article's events with it
        (the caller's transaction makes the replacement atomic).
        """
        stored = self.connection.execute(
            "SELECT analyzer FROM analyses WHERE article_id = ?", (article_id,)
        ).fetchone()
        if stored is not None and stored[0] == ANALYZER:
            return
        n_events = write_events(self.connection, article_id, record, now)
        self.connection.execute(
            "INSERT OR REPLACE INTO analyses (article_id, analyzer, record, n_actors, "
            "n_timexes, n_quotes, n_events, analyzed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article_id,
                ANALYZER,
                json.dumps(record, ensure_ascii=False),
                _length(record.get("actors")),
                _length(record.get("timexes")),
                _length(record.get("quotes")),
                n_events,
                now,
            ),
        )

    def unanalyzed(self, ids: Iterable[str]) -> set[str]:
        """Those of ``ids`` without an analysis from this analyzer (new articles included)."""
        wanted = list(dict.fromkeys(ids))
        done: set[str] = set()
        for index in range(0, len(wanted), 500):
            chunk = wanted[index : index + 500]
            marks = ",".join("?" * len(chunk))
            done.update(
                row[0]
                for row in self.connection.execute(
                    f"SELECT article_id FROM analyses WHERE article_id IN ({marks}) AND analyzer = ?",
                    [*chunk, ANALYZER],
                )
            )
        return set(wanted) - done

    def analysis(self, article_id: str) -> dict[str, Any] | None:
        """The stored analysis record of an article, or ``None``."""
        row = self.connection.execute(
            "SELECT record FROM analyses WHERE article_id = ?", (article_id,)
        ).fetchone()
        return json.loads(row[0]) if row else None

    def events(self, filters: EventFilter | None = None) -> Iterator[dict[str, Any]]:
        """Stored events matching ``filters`` (all by default), latest first.

        Each row has the table's columns, the article's ``outlet`` and ``url``, the event as the
        analyzer wrote it (``record``) and resolved against its analysis (``detail``).
        """
        return query_events(self.connection, filters or EventFilter())

    def link(self, articles: Iterable[str] | None = None) -> dict[str, int]:
        """Link the events not yet linked into merged events and stories (see store/links.py);
        given ``articles`` (a batch just stored), only theirs, and only their links are checked."""
        from tidings.store.links import link_events

        return link_events(self.connection, _now(), articles=articles)

    def tidy_text_indexes(self, pages: int = TIDY_PAGES) -> None:
        """Merge the full-text indexes' segments by a bounded amount of work (about ``pages``
        pages written). Every batch adds segments; merged, a word or name lookup reads fewer of
        them. Lossless: the indexes answer the same. Repeated calls go on towards one segment."""
        with self._transaction():
            for table in TEXT_INDEXES:
                found = self.connection.execute(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
                ).fetchone()
                if found:
                    merge = f"INSERT INTO {table}({table}, rank) VALUES ('merge', ?)"
                    self.connection.execute(merge, (-pages,))

    def begin_run(self, inputs: list[str]) -> int:
        """Record the start of an ingest run; returns its id."""
        with self._transaction():
            cursor = self.connection.execute(
                "INSERT INTO ingest_runs (started_at, inputs) VALUES (?, ?)",
                (_now(), json.dumps(inputs, ensure_ascii=False)),
            )
        return int(cursor.lastrowid or 0)

    def finish_run(self, run_id: int, counts: dict[str, int], status: str) -> None:
        """Record the end of an ingest run with its counts."""
        with self._transaction():
            self.connection.execute(
                "UPDATE ingest_runs SET finished_at = ?, n_read = ?, n_new = ?, n_duplicate = ?, "
                "n_rejected = ?, n_failed_inputs = ?, n_analyzed = ?, status = ? WHERE id = ?",
                (
                    _now(),
                    counts.get("read", 0),
                    counts.get("new", 0),
                    counts.get("duplicate", 0),
                    counts.get("rejected", 0),
                    counts.get("failed_inputs", 0),
                    counts.get("analyzed", 0),
                    status,
                    run_id,
                ),
            )

    # -- reading -------------------------------------------------------------------------------

    def articles(
        self, search: str | None = None, *, limit: int | None = None, fts_syntax: bool = False
    ) -> Iterator[dict[str, Any]]:
        """Stored articles, newest first; with ``search``, the best full-text matches first.

        A search is a list of words that must all occur (each quoted, so punctuation is safe);
        ``fts_syntax`` passes it to FTS5 as written (``"a phrase"``, ``OR``, ``NEAR``, ``title:x``).
        """
        columns = (
            "a.id, a.published, a.outlet, a.lang, a.title, a.url, a.n_chars, a.format, "
            "a.source, a.text, a.paragraphs, a.meta, a.lang_score, a.ingested_at"
        )
        params: list[Any] = []
        if search:
            query = search if fts_syntax else _quote_terms(search)
            if not query:
                return
            sql = (
                f"SELECT {columns} FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
                "WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 5.0, 1.0), a.rowid"
            )
            params.append(query)
        else:
            sql = f"SELECT {columns} FROM articles a ORDER BY a.published DESC, a.rowid"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        try:
            cursor = self.connection.execute(sql, params)
        except sqlite3.OperationalError as exc:
            raise StoreError(
                f"invalid search query {search!r}: {exc}",
                hint="quote phrases with double quotes, or drop --fts-syntax",
            ) from exc
        names = [d[0] for d in cursor.description]
        for row in cursor:
            record = dict(zip(names, row, strict=True))
            record["paragraphs"] = [
                {"start": s, "end": e, "lang": lang, "score": score}
                for s, e, lang, score in json.loads(record["paragraphs"])
            ]
            record["meta"] = json.loads(record["meta"])
            record["sightings"] = self.sightings(record["id"])
            yield record

    def sightings(self, article_id: str) -> list[dict[str, Any]]:
        """Where an article was seen: source, URL, outlet, date, title, first seen."""
        cursor = self.connection.execute(
            "SELECT source, url, outlet, published, title, first_seen FROM sightings "
            "WHERE article_id = ? ORDER BY first_seen, source",
            (article_id,),
        )
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor]

    def stats(self) -> dict[str, Any]:
        """Counts and ranges that describe the store."""
        one = self.connection.execute
        articles, chars, first, last = one(
            "SELECT COUNT(*), COALESCE(SUM(n_chars), 0), MIN(published), MAX(published) FROM articles"
        ).fetchone()

        def grouped(sql: str) -> dict[str, int]:
            return {str(key): count for key, count in one(sql).fetchall()}

        return {
            "database": self.path,
            "schema_version": self.schema_version(),
            "articles": articles,
            "characters": chars,
            "sightings": one("SELECT COUNT(*) FROM sightings").fetchone()[0],
            "first_published": first,
            "last_published": last,
            "undated": one("SELECT COUNT(*) FROM articles WHERE published IS NULL").fetchone()[0],
            "analyzed": one("SELECT COUNT(*) FROM analyses").fetchone()[0],
            "events": one("SELECT COUNT(*) FROM events").fetchone()[0],
            "by_language": grouped(
                "SELECT COALESCE(lang, 'unknown'), COUNT(*) FROM articles GROUP BY 1 ORDER BY 2 DESC, 1"
            ),
            "by_format": grouped(
                "SELECT COALESCE(format, 'unknown'), COUNT(*) FROM articles GROUP BY 1 ORDER BY 2 DESC, 1"
            ),
            "by_outlet": grouped(
                "SELECT COALESCE(outlet, 'unknown'), COUNT(*) FROM articles "
                "GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20"
            ),
            "by_month": grouped(
                "SELECT COALESCE(substr(published, 1, 7), 'undated'), COUNT(*) "
                "FROM articles GROUP BY 1 ORDER BY 1"
            ),
            "ingest_runs": one("SELECT COUNT(*) FROM ingest_runs").fetchone()[0],
            "file_bytes": _file_size(self.path),
        }


class Transaction:
    """``BEGIN IMMEDIATE`` … ``COMMIT``, rolled back on any exception."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    def __enter__(self) -> None:
        if self.connection.in_transaction:
            # a Ctrl-C that landed between BEGIN and the block left its transaction open: that
            # batch was never committed, so it is dropped, as an interrupted batch is
            self.connection.execute("ROLLBACK")
        self.connection.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is None:
            self.connection.execute("COMMIT")
        else:
            self.connection.execute("ROLLBACK")


def _length(value: object) -> int:
    return len(value) if isinstance(value, list) else 0


def _quote_terms(search: str) -> str:
    terms = [term.replace('"', '""') for term in search.split()]
    return " ".join(f'"{term}"' for term in terms if term.strip('"'))


def _file_size(path: str) -> int:
    return sum(os.path.getsize(p) for p in (path, path + "-wal") if os.path.exists(p))


def _check_writable(location: Path) -> None:
    folder = location.parent if str(location.parent) else Path(".")
    if location.is_dir():
        raise StoreError(
            f"cannot use {location} as a database: it is a folder", hint="give a file name, e.g. --db news.db"
        )
    if not folder.is_dir():
        raise StoreError(
            f"cannot create database {location}: folder {folder} does not exist",
            hint=f"create it first: mkdir -p {folder}",
        )
    if location.exists():
        if not os.access(location, os.W_OK):
            raise StoreError(
                f"cannot write database {location}: the file is read-only",
                hint="check its permissions, or use another --db file",
            )
        if not os.access(folder, os.W_OK):
            raise StoreError(
                f"cannot write database {location}: folder {folder} is read-only "
                "(SQLite needs to create its journal files there)",
                hint="use a --db file in a writable folder",
            )
    elif not os.access(folder, os.W_OK):
        raise StoreError(
            f"cannot create database {location}: folder {folder} is read-only",
            hint="use a --db file in a writable folder",
        )
