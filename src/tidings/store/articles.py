"""The raw insert path: a batch of articles, their full-text rows and sightings, in bulk.

Called inside the caller's transaction (``BEGIN IMMEDIATE``), so no other writer can add an article
between the check for stored ids and the insert: the split into new articles and duplicates is exact,
and an interrupted batch leaves nothing behind. Rows go in with ``executemany`` (one statement
prepared per batch instead of three per article) and the full-text index is filled from the rows
just written with one ``INSERT … SELECT``, so the texts are not handed to SQLite twice.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

from tidings.models import Article

_CHUNK = 500  # ids per IN (…) lookup, well under SQLite's limit on bound parameters

_INSERT_ARTICLE = (
    "INSERT INTO articles (rowid, id, url, outlet, published, title, text, lang, lang_score, "
    "paragraphs, meta, source, format, n_chars, ingested_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_SIGHTING = (
    "INSERT OR IGNORE INTO sightings (article_id, source, url, outlet, published, title, first_seen) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)"
)


def stored_ids(connection: sqlite3.Connection, ids: Iterable[str]) -> set[str]:
    """Those of ``ids`` already stored as articles."""
    wanted = list(dict.fromkeys(ids))
    found: set[str] = set()
    for index in range(0, len(wanted), _CHUNK):
        chunk = wanted[index : index + _CHUNK]
        marks = ",".join("?" * len(chunk))
        found.update(
            row[0] for row in connection.execute(f"SELECT id FROM articles WHERE id IN ({marks})", chunk)
        )
    return found


def insert_articles(
    connection: sqlite3.Connection, articles: list[Article], now: str
) -> tuple[list[str], list[str]]:
    """Store ``articles`` (in the caller's transaction): returns the ids new to the store, and the
    ids that were already stored or came earlier in the batch (duplicates), in input order.

    A new article gets its row, its full-text row and a sighting; a duplicate only its sighting
    (where it was read this time), and the first copy's metadata stays the article's.
    """
    existing = stored_ids(connection, (article.id for article in articles))
    fresh: dict[str, Article] = {}
    new: list[str] = []
    duplicates: list[str] = []
    for article in articles:
        if article.id in existing or article.id in fresh:
            duplicates.append(article.id)
        else:
            fresh[article.id] = article
            new.append(article.id)
    if fresh:
        top = int(connection.execute("SELECT COALESCE(MAX(rowid), 0) FROM articles").fetchone()[0])
        connection.executemany(
            _INSERT_ARTICLE,
            (_article_row(top + n, article, now) for n, article in enumerate(fresh.values(), 1)),
        )
        connection.execute(
            "INSERT INTO articles_fts (rowid, title, text) "
            "SELECT rowid, title, text FROM articles WHERE rowid > ? AND rowid <= ?",
            (top, top + len(fresh)),
        )
    connection.executemany(
        _INSERT_SIGHTING,
        (
            (
                article.id,
                article.source or "",
                article.url or "",
                article.outlet or "",
                article.published,
                article.title,
                now,
            )
            for article in articles
        ),
    )
    return new, duplicates


def _article_row(rowid: int, article: Article, now: str) -> tuple[object, ...]:
    return (
        rowid,
        article.id,
        article.url,
        article.outlet,
        article.published,
        article.title,
        article.text,
        article.lang,
        article.lang_score,
        json.dumps([[p.start, p.end, p.lang, p.score] for p in article.paragraphs]),
        json.dumps(article.meta, ensure_ascii=False, default=str),
        article.source,
        article.format,
        len(article.text),
        now,
    )
