"""A killed ingest leaves whole batches and nothing half-written; rerunning completes it."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from conftest import run_subprocess

N_ARTICLES = 3000
BATCH = 50
KILLS = 40  # raw path; the analysing path adds ANALYSING_KILLS more
ANALYSING_KILLS = 12


def _generate(path: Path) -> None:
    rng = random.Random(2024)
    towns = ["Ashford", "Brookvale", "Cedar Bay", "Dunmore", "Eastwick", "Fairhaven", "Glenrock"]
    topics = [
        "a new bus route",
        "the library budget",
        "repairs to the harbour wall",
        "a school extension",
        "the summer festival",
        "parking charges",
        "a flood barrier",
    ]
    with open(path, "w", encoding="utf-8") as stream:
        for i in range(N_ARTICLES):
            town, topic = rng.choice(towns), rng.choice(topics)
            text = (
                f"Councillors in {town} voted {rng.randint(3, 12)} to {rng.randint(0, 6)} on Tuesday "
                f"to approve {topic}, notice number {i}.\n\nThe decision follows a consultation that drew "
                f"{rng.randint(20, 900)} responses from residents."
            )
            record = {
                "title": f"{town} approves {topic} ({i})",
                "text": text,
                "date": f"2022-05-{i % 28 + 1:02d}",
            }
            stream.write(json.dumps(record) + "\n")


def _check(db: Path) -> int:
    """Integrity checks on the database left by a killed process; returns the article count."""
    if not db.exists():
        return 0
    connection = sqlite3.connect(db)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "articles" not in tables:
            return 0
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        # the full-text index holds exactly the stored articles, under the same rowids
        connection.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        articles = {row[0] for row in connection.execute("SELECT rowid FROM articles")}
        indexed = {row[0] for row in connection.execute("SELECT id FROM articles_fts_docsize")}
        assert articles == indexed
        # every article has its sighting
        unsighted = connection.execute(
            "SELECT COUNT(*) FROM articles WHERE id NOT IN (SELECT article_id FROM sightings)"
        ).fetchone()[0]
        assert unsighted == 0
        count = connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        # a search through the index finds what is stored
        if count:
            hits = connection.execute(
                "SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH 'councillors'"
            ).fetchone()[0]
            assert hits == count
        return int(count)
    finally:
        connection.close()


def _stored(db: Path) -> int:
    """Articles committed so far (read while another process writes: WAL lets readers in)."""
    try:
        connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
        finally:
            connection.close()
    except sqlite3.Error:
        return 0


def test_killed_ingest_leaves_whole_batches_and_a_rerun_completes(tmp_path: Path) -> None:
    big = tmp_path / "big.jsonl"
    _generate(big)
    db = tmp_path / "crash.db"
    # --no-analyze: the raw ingest path, so that the ~3,000 articles go through in seconds; what is
    # tested is that each batch is one transaction of articles, index rows and sightings.
    args = ["ingest", str(big), "--db", str(db), "--batch-size", str(BATCH), "--no-analyze"]
    env = {k: v for k, v in os.environ.items() if k != "TIDINGS_DB"}
    rng = random.Random(11)
    # kill once the store holds at least `target` articles, plus a random short delay
    step = (N_ARTICLES - 300) // KILLS
    targets = [rng.randint(k * step + 1, (k + 1) * step) for k in range(KILLS)]
    counts = []
    for target in targets:
        process = subprocess.Popen(
            [sys.executable, "-m", "tidings", *args],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        deadline = time.monotonic() + 120
        while process.poll() is None and time.monotonic() < deadline and _stored(db) < target:
            time.sleep(0.002)
        time.sleep(rng.uniform(0, 0.05))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        count = _check(db)
        assert count % BATCH == 0 or count == N_ARTICLES, (target, count)
        counts.append(count)
    assert counts == sorted(counts)  # nothing stored is ever lost
    assert any(0 < count < N_ARTICLES for count in counts), f"no kill landed in the middle: {counts}"

    finish = run_subprocess(*args, timeout=300)
    assert finish.code == 0, finish.err
    assert finish.err.startswith(f"Stored {N_ARTICLES - counts[-1]:,} new article")
    assert _check(db) == N_ARTICLES

    again = run_subprocess(*args, timeout=300)
    assert again.code == 0, again.err
    assert again.err.startswith(f"Stored 0 new articles in {db} ({N_ARTICLES:,} already stored")
    assert _check(db) == N_ARTICLES


def _consistent(db: Path) -> int:
    """No article without its analysis, no analysis without the events its record lists."""
    connection = sqlite3.connect(db)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        orphans = connection.execute(
            "SELECT COUNT(*) FROM articles WHERE id NOT IN (SELECT article_id FROM analyses)"
        ).fetchone()[0]
        assert orphans == 0
        for article_id, record in connection.execute("SELECT article_id, record FROM analyses"):
            stored = connection.execute("SELECT COUNT(*) FROM events WHERE article_id = ?", (article_id,))
            assert stored.fetchone()[0] == len(json.loads(record)["events"]), article_id
        return int(connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    finally:
        connection.close()


def _content(db: Path) -> tuple[list[tuple], ...]:
    """What a run stored, without its timestamps."""
    connection = sqlite3.connect(db)
    try:
        return (
            connection.execute("SELECT id, text, title, published FROM articles ORDER BY id").fetchall(),
            connection.execute("SELECT article_id, record FROM analyses ORDER BY article_id").fetchall(),
            connection.execute("SELECT id, type, date, record FROM events ORDER BY id").fetchall(),
            connection.execute("SELECT article_id, source FROM sightings ORDER BY article_id").fetchall(),
        )
    finally:
        connection.close()


def test_killed_analysing_ingest_never_leaves_an_article_without_its_analysis(tmp_path: Path) -> None:
    """With analysis on, articles, analysis records and events are written in one transaction; after
    many kills a rerun ends with exactly the rows of an uninterrupted run."""
    source = tmp_path / "small.jsonl"
    rng = random.Random(7)
    n = 240
    with open(source, "w", encoding="utf-8") as stream:
        for i in range(n):
            text = (
                f"Mayor Jo Reed of Port Elm said on Monday that {rng.randint(2, 40)} homes were flooded, "
                f"bulletin {i}. Police arrested two men for looting shops in the town centre."
            )
            stream.write(json.dumps({"title": f"Floods {i}", "text": text, "date": "2022-06-06"}) + "\n")
    reference = tmp_path / "reference.db"
    done = run_subprocess("ingest", str(source), "--db", str(reference), "--batch-size", "10", timeout=600)
    assert done.code == 0, done.err
    db = tmp_path / "analysed.db"
    args = ["ingest", str(source), "--db", str(db), "--batch-size", "10"]
    env = {k: v for k, v in os.environ.items() if k != "TIDINGS_DB"}
    counts = []
    for k in range(ANALYSING_KILLS):
        target = (k + 1) * n // (ANALYSING_KILLS + 2)
        process = subprocess.Popen(
            [sys.executable, "-m", "tidings", *args],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        deadline = time.monotonic() + 120
        while process.poll() is None and time.monotonic() < deadline and _stored(db) < target:
            time.sleep(0.005)
        time.sleep(rng.uniform(0, 0.3))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        counts.append(_consistent(db))
    assert counts == sorted(counts) and any(0 < c < n for c in counts), counts
    finish = run_subprocess(*args, timeout=600)
    assert finish.code == 0, finish.err
    assert _consistent(db) == n
    assert _content(db) == _content(reference)
