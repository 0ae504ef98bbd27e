"""Parquet: moving results between machines, and handing events to analysts' tools.

``export_parquet`` writes two datasets partitioned by ``year=/month=`` of the article's date (Hive
style, readable by pandas, DuckDB, Spark and Dask): ``articles/`` (every article with its analysis
record, enough to rebuild a store) and ``events/`` (one flat row per event). ``load_parquet``
reads ``articles/`` parts — files or folders, from any number of machines — into a store through
its ordinary write path, so loading the same parts twice changes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from tidings.errors import InputError
from tidings.models import Article, Paragraph
from tidings.store.db import Store

ARTICLE_COLUMNS = (
    "id", "published", "title", "outlet", "url", "lang", "lang_score", "text", "paragraphs", "meta",
    "source", "format", "record",
)  # fmt: skip
EVENT_COLUMNS = (
    "id", "article_id", "date", "date_precision", "date_source", "type", "event_type", "sub_event_type",
    "disorder_type", "country", "admin1", "location", "geonameid", "lat", "lon", "geo_precision", "status",
    "aux", "certainty", "killed", "injured", "arrested", "actors", "recipients", "claimed_by", "sources",
    "confidence", "notes",
)  # fmt: skip
_BATCH = 2000


def _partition(published: str | None) -> tuple[str, str]:
    if published and len(published) >= 7 and published[:4].isdigit() and published[5:7].isdigit():
        return published[:4], published[5:7]
    return "unknown", "unknown"


def export_parquet(store: Store, folder: str | Path) -> dict[str, int]:
    """Write ``articles/`` and ``events/`` datasets under ``folder``; returns row counts."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    root = Path(folder)
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise InputError(f"{root}: exists and is not an empty folder", hint="export into a new folder")
    connection = store.connection
    counts = {"articles": 0, "events": 0}
    article_sql = (
        "SELECT a.id, a.published, a.title, a.outlet, a.url, a.lang, a.lang_score, a.text, a.paragraphs, "
        "a.meta, a.source, a.format, n.record FROM articles a LEFT JOIN analyses n ON n.article_id = a.id "
        "ORDER BY a.rowid"
    )
    event_sql = (
        f"SELECT {', '.join('e.' + c for c in EVENT_COLUMNS)}, a.published AS published "
        "FROM events e JOIN articles a ON a.id = e.article_id ORDER BY e.rowid"
    )
    for name, sql, columns in (
        ("articles", article_sql, ARTICLE_COLUMNS),
        ("events", event_sql, (*EVENT_COLUMNS, "published")),
    ):
        cursor = connection.execute(sql)
        part = 0
        while rows := cursor.fetchmany(_BATCH):
            table: dict[str, list[Any]] = {c: [] for c in columns}
            table["year"], table["month"] = [], []
            for row in rows:
                for column, value in zip(columns, row, strict=True):
                    table[column].append(value)
                year, month = _partition(row[columns.index("published")])
                table["year"].append(year)
                table["month"].append(month)
            pq.write_to_dataset(
                pa.table(table),
                root_path=str(root / name),
                partition_cols=["year", "month"],
                basename_template=f"part-{part:05d}-{{i}}.parquet",
            )
            counts[name] += len(rows)
            part += 1
    return counts


def _files(parts: Iterable[str | Path]) -> Iterator[Path]:
    for part in parts:
        path = Path(part)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*.parquet") if p.is_file())
            if not found:
                raise InputError(
                    f"{path}: no .parquet files in this folder", hint="pass an exported articles/ folder"
                )
            yield from found
        elif path.is_file():
            yield path
        else:
            raise InputError(f"{path}: no such file or folder", hint="pass Parquet files or folders")


def _article(row: dict[str, Any]) -> Article:
    spans = json.loads(row.get("paragraphs") or "[]")
    paragraphs = [Paragraph(start, end, lang, score) for start, end, lang, score in spans]
    return Article(
        id=row["id"],
        text=row["text"],
        title=row.get("title"),
        url=row.get("url"),
        outlet=row.get("outlet"),
        published=row.get("published"),
        lang=row.get("lang"),
        lang_score=row.get("lang_score"),
        paragraphs=paragraphs,
        source=row.get("source"),
        format=row.get("format"),
        meta=json.loads(row.get("meta") or "{}"),
    )


def load_parquet(store: Store, parts: Iterable[str | Path]) -> dict[str, int]:
    """Load exported ``articles/`` parts into ``store``; returns counts (new, duplicate, analyses)."""
    import pyarrow.parquet as pq

    counts = {"files": 0, "new": 0, "duplicate": 0, "analyses": 0}
    for path in _files(parts):
        try:
            table = pq.read_table(path)
        except (OSError, ValueError) as exc:
            raise InputError(f"{path}: not a readable Parquet file ({exc})", hint="re-export it") from exc
        missing = {"id", "text"} - set(table.column_names)
        if missing:
            raise InputError(
                f"{path}: not an exported articles part (no {', '.join(sorted(missing))} column)",
                hint="load the articles/ dataset written by tidings export --format parquet",
            )
        counts["files"] += 1
        for batch in table.to_batches(_BATCH):
            rows = batch.to_pylist()
            articles = [_article(row) for row in rows]
            records = {row["id"]: json.loads(row["record"]) for row in rows if row.get("record")}
            result = store.add_articles(articles, records)
            counts["new"] += len(result.new)
            counts["duplicate"] += len(result.duplicates)
            counts["analyses"] += len(records)
    return counts
