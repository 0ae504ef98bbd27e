"""Throughput and peak memory of `tidings ingest`'s raw path (read → language id → store).

Runs each case in a fresh subprocess (so peak RSS is that case's alone), several times, and reports
the median. The baseline, in the same run, is the least any ingest must do: read the JSON Lines,
parse each line and INSERT its text into a SQLite table, with no cleaning, language id or index.

    python bench/ingest_bench.py [--data ../shared/data/reuters21578/reuters21578.jsonl]
                                 [--repeat 3] [--scale 3]

``--scale N`` also ingests a file N times the size (the records repeated with a marker that makes
each copy distinct) to show that memory stays flat as the input grows.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "reuters21578" / "reuters21578.jsonl"


def _baseline(path: str, db: str) -> int:
    import sqlite3

    connection = sqlite3.connect(db, isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("CREATE TABLE raw (line INTEGER, text TEXT)")
    count = 0
    connection.execute("BEGIN")
    with open(path, "rb") as stream:
        for count, line in enumerate(stream, 1):
            record = json.loads(line)
            connection.execute("INSERT INTO raw VALUES (?, ?)", (count, record.get("body") or ""))
            if count % 500 == 0:
                connection.execute("COMMIT")
                connection.execute("BEGIN")
    connection.execute("COMMIT")
    connection.close()
    return count


def _tidings(path: str, db: str) -> int:
    from tidings.pipeline import ingest
    from tidings.store import Store

    with Store.open(db) as store:
        report = ingest([path], store, analyze=False)
    return report.read + report.rejected


def _child(case: str, path: str) -> None:
    """Run one case in this process and print its figures as JSON."""
    with tempfile.TemporaryDirectory() as folder:
        db = os.path.join(folder, "bench.db")
        start = time.perf_counter()
        records = (_baseline if case == "baseline" else _tidings)(path, db)
        seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"records": records, "seconds": seconds, "peak_mb": peak_mb}))


def _run(case: str, path: str, repeat: int) -> dict[str, float]:
    runs = []
    for _ in range(repeat):
        out = subprocess.run(
            [sys.executable, __file__, "--child", case, "--data", path],
            check=True,
            capture_output=True,
            text=True,
        )
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    seconds = statistics.median(r["seconds"] for r in runs)
    return {
        "records": runs[0]["records"],
        "seconds": seconds,
        "per_second": runs[0]["records"] / seconds,
        "peak_mb": max(r["peak_mb"] for r in runs),
    }


def _scaled(path: Path, factor: int, folder: str) -> str:
    target = os.path.join(folder, f"scaled-{factor}x.jsonl")
    with open(path, "rb") as source, open(target, "w", encoding="utf-8") as out:
        lines = source.readlines()
        for copy in range(factor):
            for line in lines:
                record = json.loads(line)
                if record.get("body"):
                    record["body"] += f"\n\n(copy {copy})"
                out.write(json.dumps(record) + "\n")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(DEFAULT_DATA))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--scale", type=int, default=3)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.data)
        return
    if not Path(args.data).exists():
        sys.exit(f"Error: {args.data}: not found\nHint: pass --data PATH to a JSON Lines file")
    rows = [("baseline: json.loads + INSERT", _run("baseline", args.data, args.repeat))]
    rows.append(
        (
            "tidings ingest --no-analyze (read, language id, store, index)",
            _run("tidings", args.data, args.repeat),
        )
    )
    if args.scale > 1:
        with tempfile.TemporaryDirectory() as folder:
            big = _scaled(Path(args.data), args.scale, folder)
            rows.append((f"tidings ingest --no-analyze, input ×{args.scale}", _run("tidings", big, 1)))
    print(f"data: {args.data}; median of {args.repeat} runs; one process (one core)")
    print("| case | records | seconds | records/s | peak RSS MB |\n|---|---:|---:|---:|---:|")
    for name, row in rows:
        print(
            f"| {name} | {row['records']:,} | {row['seconds']:.2f} | {row['per_second']:,.0f} "
            f"| {row['peak_mb']:.0f} |"
        )
    ratio = rows[1][1]["per_second"] / rows[0][1]["per_second"]
    print(f"\ntidings / baseline throughput: {ratio:.2f}")


if __name__ == "__main__":
    main()
