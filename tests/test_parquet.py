"""Parquet export and load: a store rebuilt from its export has the same rows; bad parts are refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

import webdata
from tidings.cli import cli


def _rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as connection:
        return connection.execute(sql).fetchall()


def test_export_then_load_rebuilds_the_same_store(tmp_path: Path) -> None:
    source = webdata.build(tmp_path / "source.db")
    out = tmp_path / "parts"
    result = CliRunner().invoke(cli, ["export", "--db", str(source), str(out)])
    assert result.exit_code == 0, result.output
    partitions = sorted(p.relative_to(out / "events").parts[:2] for p in (out / "events").rglob("*.parquet"))
    assert ("year=2021", "month=11") in partitions and ("year=2021", "month=09") not in partitions
    events = pq.read_table(out / "events").to_pylist()
    assert len(events) == 8 and {e["type"] for e in events} >= {"ASSAULT", "PROTEST"}
    target = tmp_path / "target.db"
    for _ in range(2):  # loading twice changes nothing
        result = CliRunner().invoke(cli, ["load", str(out / "articles"), "--db", str(target)])
        assert result.exit_code == 0, result.output
    for sql in (
        "SELECT id, text, title, published, outlet, paragraphs FROM articles ORDER BY id",
        "SELECT article_id, record FROM analyses ORDER BY article_id",
        "SELECT id, type, date, lat, lon, actors, recipients FROM events ORDER BY id",
    ):
        assert _rows(source, sql) == _rows(target, sql)
    assert "0 new articles (6 already stored)" in result.output


@pytest.mark.parametrize("case", ["missing", "not-parquet", "wrong-columns", "empty-folder"])
def test_bad_parts_are_refused_with_a_hint(tmp_path: Path, case: str) -> None:
    part = tmp_path / "part.parquet"
    if case == "not-parquet":
        part.write_text("this is not parquet", encoding="utf-8")
    elif case == "wrong-columns":
        pq.write_table(pa.table({"a": [1, 2]}), part)
    elif case == "empty-folder":
        part = tmp_path / "nothing"
        part.mkdir()
    db = tmp_path / "t.db"
    result = CliRunner().invoke(cli, ["load", str(part), "--db", str(db)], standalone_mode=False)
    assert result.exception is not None
    assert getattr(result.exception, "hint", None)


def test_export_refuses_a_folder_with_files(tmp_path: Path) -> None:
    source = webdata.build(tmp_path / "source.db")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "keep.txt").write_text("mine", encoding="utf-8")
    result = CliRunner().invoke(cli, ["export", "--db", str(source), str(tmp_path / "out")])
    assert result.exit_code != 0 and (tmp_path / "out" / "keep.txt").read_text(encoding="utf-8") == "mine"
