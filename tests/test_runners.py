"""Runners: the same outcomes in process, on a process pool and on Dask; time limits; dead workers."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import runner_work
from tidings.models import Article
from tidings.nlp.langid import annotate
from tidings.runners.limits import ArticleTimeout, time_limit
from tidings.runners.local import LocalRunner
from tidings.runners.pool import PoolRunner
from tidings.runners.work import analyze_batch

TEXTS = [
    "Police arrested three men in Basra on Monday after a shooting at a market, officials said.",
    "Protesters gathered outside parliament in Baghdad on Friday to demand new elections.",
    "The foreign minister met his Turkish counterpart in Ankara on Tuesday to discuss water rights.",
    "A roadside bomb wounded two soldiers near Kirkuk late on Wednesday, the army said.",
    "Heavy rain flooded streets in Erbil, and schools were closed for two days.",
    "The central bank said on Thursday it would keep interest rates unchanged.",
]


def _batches(texts: list[str], size: int = 2) -> list[list[Article]]:
    articles = [
        annotate(Article.create(t, published="2021-11-07", source=f"t{i}")) for i, t in enumerate(texts)
    ]
    return [articles[i : i + size] for i in range(0, len(articles), size)]


def _records(results: list) -> list[tuple[str, dict | None, str | None]]:
    return [(o.article_id, o.record, o.error) for _batch, outcomes in results for o in outcomes]


@pytest.fixture(scope="module")
def local_outcomes() -> list:
    return _records(list(LocalRunner().run(_batches(TEXTS))))


def test_pool_gives_the_same_outcomes_in_the_same_order(local_outcomes: list) -> None:
    with PoolRunner(2) as pool:
        pooled = _records(list(pool.run(_batches(TEXTS))))
    assert pooled == local_outcomes
    assert all(record is not None and error is None for _, record, error in pooled)


def test_a_killed_worker_is_replaced_and_its_articles_retried(local_outcomes: list) -> None:
    batches = _batches(TEXTS)
    pool = PoolRunner(2)

    def feed():
        for n, batch in enumerate(batches):
            if n == 2:  # kill a live worker while batches are in flight
                victim = next(iter(pool._executor()._processes.values()))
                os.kill(victim.pid, signal.SIGKILL)
                time.sleep(0.2)
            yield batch

    with pool:
        results = _records(list(pool.run(feed())))
    assert results == local_outcomes
    assert pool.replaced >= 1


def test_an_article_that_kills_its_worker_twice_is_recorded_as_failed(local_outcomes: list) -> None:
    texts = [*TEXTS[:3], f"{runner_work.MARKER} This article takes its worker down.", *TEXTS[3:]]
    with PoolRunner(2, work=runner_work.die_on_marker) as pool:
        results = _records(list(pool.run(_batches(texts))))
    failed = [(aid, error) for aid, record, error in results if record is None]
    assert len(failed) == 1 and "worker died" in failed[0][1]
    assert [r for r in results if r[1] is not None] == local_outcomes


def test_time_limit_in_the_main_thread_and_in_other_threads() -> None:
    def spin() -> None:
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            pass

    started = time.monotonic()
    with pytest.raises(ArticleTimeout), time_limit(0.2):
        spin()
    assert time.monotonic() - started < 2

    caught: list[BaseException] = []

    def in_thread() -> None:
        try:
            with time_limit(0.2):
                spin()
        except ArticleTimeout as exc:
            caught.append(exc)

    thread = threading.Thread(target=in_thread)
    thread.start()
    thread.join(timeout=10)
    assert caught and isinstance(caught[0], ArticleTimeout)
    with time_limit(1.0):  # a body that ends in time is untouched, and nothing fires later
        sum(range(1000))
    time.sleep(1.2)


def test_an_article_over_its_time_limit_is_named_and_the_rest_analysed() -> None:
    slow = "The council met. " * 20000  # long enough to take well over a millisecond
    batch = _batches([TEXTS[0], slow, TEXTS[1]], size=3)[0]
    outcomes = analyze_batch(batch, time_limit_s=0.001)
    assert [o.error is None for o in outcomes].count(True) <= 2
    slow_outcome = outcomes[1]
    assert slow_outcome.record is None and "longer than" in slow_outcome.error
    generous = analyze_batch(batch[:1], time_limit_s=60)
    assert generous[0].record is not None


def test_dask_local_cluster_gives_the_same_outcomes_and_survives_a_lost_worker(local_outcomes: list) -> None:
    pytest.importorskip("distributed")
    from tidings.runners.dask import DaskRunner

    batches = _batches(TEXTS, size=1)
    with DaskRunner("local:2") as runner:
        assert _records(list(runner.run(batches))) == local_outcomes
        nanny = next(iter(runner.cluster.workers.values()))

        def feed():
            for n, batch in enumerate(batches):
                if n == 3:
                    os.kill(nanny.process.process.pid, signal.SIGKILL)
                yield batch

        again = _records(list(runner.run(feed())))
    assert again == local_outcomes


def test_ingest_with_workers_stores_what_one_process_stores(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        # every text twice: the repeats come while their first copies' batches are still in flight
        "".join(f'{{"text": "{t}", "date": "2021-11-0{i + 1}"}}\n' for i, t in enumerate(TEXTS)) * 2,
        encoding="utf-8",
    )
    rows = {}
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.db"
        done = subprocess.run(
            [sys.executable, "-m", "tidings", "ingest", str(source), "--db", str(db),
             "--workers", str(workers), "--batch-size", "2", "-q"],
            capture_output=True, text=True, timeout=600,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        with sqlite3.connect(db) as connection:
            groups: dict[str, set[str]] = {}
            for event, merged in connection.execute("SELECT event_id, merged_id FROM event_links"):
                groups.setdefault(merged, set()).add(event)
            # each text analysed once, however many batches a pool holds at a time
            run = connection.execute("SELECT n_new, n_duplicate, n_analyzed FROM ingest_runs").fetchone()
            assert run == (len(TEXTS), len(TEXTS), len(TEXTS))
            rows[workers] = (
                connection.execute("SELECT article_id, record FROM analyses ORDER BY article_id").fetchall(),
                connection.execute("SELECT id, record FROM events ORDER BY id").fetchall(),
                sorted(sorted(group) for group in groups.values()),  # the same merged events
            )
    assert rows[1] == rows[2] and len(rows[1][0]) == len(TEXTS)
    assert rows[1][2], "the texts' events were linked"


def test_ctrl_c_stops_cleanly_and_a_rerun_completes(tmp_path: Path) -> None:
    source = tmp_path / "many.jsonl"
    # enough short articles that the run cannot finish between two looks at the store (analysis
    # of a one-sentence article takes a few milliseconds)
    n = 3000
    lines = [f'{{"text": "{TEXTS[i % len(TEXTS)]} Report {i}.", "date": "2021-11-07"}}\n' for i in range(n)]
    source.write_text("".join(lines), encoding="utf-8")
    db = tmp_path / "c.db"
    command = [sys.executable, "-m", "tidings", "ingest", str(source), "--db", str(db), "--workers", "2",
               "--batch-size", "10", "-q"]  # fmt: skip
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        time.sleep(0.1)
        if db.exists():
            with sqlite3.connect(db) as connection:
                try:
                    if connection.execute("SELECT COUNT(*) FROM analyses").fetchone()[0] >= 20:
                        break
                except sqlite3.OperationalError:
                    continue
    os.killpg(process.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole process group
    _, err = process.communicate(timeout=120)
    assert process.returncode == 130, err
    assert "interrupted" in err
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        analysed = connection.execute("SELECT COUNT(*) FROM analyses").fetchone()[0]
    assert 0 < stored < n and analysed == stored  # whole batches only
    done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == n
        assert connection.execute("SELECT COUNT(*) FROM analyses").fetchone()[0] == n
