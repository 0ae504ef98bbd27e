"""Four ingest processes on overlapping inputs into one database at once: every article stored and
analysed exactly once, and the web app answering all the while."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from fastapi.testclient import TestClient

from tidings.web import create_app

SUBJECTS = ["Police", "Protesters", "Officials", "Soldiers", "Farmers", "Teachers", "Doctors", "Students"]
PLACES = ["Basra", "Mosul", "Erbil", "Najaf", "Kirkuk"]


def _articles(n: int) -> list[dict[str, str]]:
    return [
        {
            "text": f"{SUBJECTS[i % len(SUBJECTS)]} gathered in {PLACES[i % len(PLACES)]} on Monday, "
            f"local reporters said in dispatch number {i}.",
            "date": f"2022-03-{1 + i % 28:02d}",
            "source": f"outlet-{i % 3}",
        }
        for i in range(n)
    ]


def test_four_writers_store_each_article_once_while_the_api_answers(tmp_path: Path) -> None:
    articles = _articles(40)
    inputs = []
    for k in range(4):  # each input holds 20 articles, overlapping its neighbours by 10
        path = tmp_path / f"in{k}.jsonl"
        chosen = articles[(k * 10) % 40 :][:20] + articles[: max(0, (k * 10) % 40 + 20 - 40)]
        path.write_text("".join(json.dumps(a) + "\n" for a in chosen), encoding="utf-8")
        inputs.append(path)
    db = tmp_path / "shared.db"
    raw = [sys.executable, "-m", "tidings", "ingest", str(inputs[0]), "--db", str(db), "--no-analyze", "-q"]
    subprocess.run(raw, check=True, timeout=300)  # half of it stored raw first: analysed by the writers
    client = TestClient(create_app(str(db)))
    writers = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tidings",
                "ingest",
                str(path),
                "--db",
                str(db),
                "--batch-size",
                "3",
                "-q",
            ],
            stderr=subprocess.PIPE,
            text=True,
        )
        for path in inputs
    ]
    answers = []
    while any(w.poll() is None for w in writers):
        answers.append(client.get("/api/events?limit=5").status_code)
        answers.append(client.get("/api/facets").status_code)
        time.sleep(0.2)
    for writer in writers:
        assert writer.wait(timeout=600) == 0, writer.stderr.read()
    assert answers and set(answers) == {200}
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 40
        assert connection.execute("SELECT COUNT(*) FROM analyses").fetchone()[0] == 40
        duplicated = connection.execute(
            "SELECT COUNT(*) FROM (SELECT article_id, event FROM events "
            "GROUP BY article_id, event HAVING COUNT(*) > 1)"
        ).fetchone()[0]
        assert duplicated == 0
        fts = connection.execute("SELECT COUNT(*) FROM articles_fts").fetchone()[0]
        assert fts == 40
