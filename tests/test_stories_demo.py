"""The demo corpus (examples/, ours): the reports of the 7 November 2021 drone attack on the Iraqi
prime minister's residence become one merged event, told by several outlets, with their
disagreements listed — and the clash of 5 November stays another event."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import EXAMPLES, Run

Tidings = Callable[..., Run]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo corpus ingested (and linked) once for this module."""
    if not EXAMPLES.is_dir():
        pytest.skip(f"the demo corpus is absent: {EXAMPLES}")
    root = tmp_path_factory.mktemp("demo_stories")
    corpus = root / "examples"
    shutil.copytree(EXAMPLES, corpus)
    db = root / "demo.db"
    from tidings.cli import main

    try:
        main(["ingest", str(corpus), "--db", str(db), "-q"])
    except SystemExit as exc:
        assert exc.code in (0, None)
    return db


def _rows(db: Path, sql: str, params: tuple[object, ...] = ()) -> list[sqlite3.Row]:
    with sqlite3.connect(db) as connection:
        connection.row_factory = sqlite3.Row
        return connection.execute(sql, params).fetchall()


def test_the_seventh_of_november_attack_is_one_merged_event(demo_db: Path) -> None:
    reports = _rows(
        demo_db,
        "SELECT e.id, e.article_id, l.merged_id FROM events e JOIN event_links l ON l.event_id = e.id "
        "WHERE e.type = 'ASSAULT' AND e.date = '2021-11-07' AND e.recipients LIKE '%Kadhimi%'",
    )
    # every article that reports an attack on Kadhimi that day
    assert len({r["article_id"] for r in reports}) >= 6
    assert len({r["merged_id"] for r in reports}) == 1
    [merged] = _rows(demo_db, "SELECT * FROM merged_events WHERE id = ?", (reports[0]["merged_id"],))
    assert merged["type"] == "ASSAULT" and merged["date"] == "2021-11-07"
    assert merged["n_sources"] >= 3 and merged["n_articles"] >= 6
    assert merged["location"] == "Baghdad"
    assert "Mustafa al-Kadhimi" in json.loads(merged["names"])
    # the reports disagree (attempted or completed, how many were hurt, which weapons): listed
    # side by side, each value with the reports that give it
    details = json.loads(merged["details"])
    assert details, "the reports' differing details are listed"
    for values in details.values():
        assert len(values) >= 2
        linked = {r["id"] for r in reports} | {
            row["event_id"]
            for row in _rows(demo_db, "SELECT event_id FROM event_links WHERE merged_id = ?", (merged["id"],))
        }
        assert all(set(ids) <= linked for ids in values.values())


def test_the_clash_two_days_earlier_is_another_event(demo_db: Path) -> None:
    [attack] = _rows(
        demo_db,
        "SELECT merged_id FROM event_links l JOIN events e ON e.id = l.event_id WHERE e.type = 'ASSAULT' "
        "AND e.date = '2021-11-07' AND e.recipients LIKE '%Kadhimi%' GROUP BY merged_id",
    )
    members = _rows(
        demo_db,
        "SELECT e.date FROM events e JOIN event_links l ON l.event_id = e.id WHERE l.merged_id = ?",
        (attack["merged_id"],),
    )
    assert {m["date"] for m in members} == {"2021-11-07"}
    clashes = _rows(demo_db, "SELECT id FROM merged_events WHERE type = 'ASSAULT' AND date = '2021-11-05'")
    assert clashes and attack["merged_id"] not in {c["id"] for c in clashes}


def test_each_article_tells_the_attack_once(demo_db: Path) -> None:
    """Within-article coreference: no article keeps two events for the attack on Kadhimi."""
    per_article = _rows(
        demo_db,
        "SELECT article_id, COUNT(*) AS n FROM events WHERE type = 'ASSAULT' AND date = '2021-11-07' "
        "AND recipients LIKE '%Kadhimi%' GROUP BY article_id",
    )
    assert per_article and all(row["n"] == 1 for row in per_article)
