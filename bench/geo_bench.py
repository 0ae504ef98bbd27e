"""Toponym resolution speed and memory, against a plain dict lookup of the same names, in one run.

    python bench/geo_bench.py [--data ../shared/data/geoparsing] [--repeat 3] [--json]

Input: the gold toponym spans of GeoWebNews and GeoVirus (every ``.ann`` folder or Gritta XML file
under ``--data``), resolved document by document with their context, exactly as
``tidings eval geo`` does. The process is pinned to one core.

(a) baseline: a dict ``normalised name → first gazetteer place`` built beforehand from the same
gazetteer for exactly these names, then one lookup per toponym — the floor any resolver pays;
(b) tidings: ``resolve_mentions`` per document on a freshly opened gazetteer (cold caches: the
first pass), then again with the per-process caches warm. Times are CPU seconds of the process
(robust to other processes sharing the machine), the median of ``--repeat`` runs of each.

Memory: resident set size (VmRSS) after loading the gazetteer and resolving everything, minus the
RSS before the gazetteer was opened (Python and tidings' modules already imported).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "geoparsing"


def _rss_mb() -> float:
    """Current resident set size in MB (Linux /proc; 0.0 elsewhere)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _documents(folder: Path) -> list[Any]:
    from tidings.eval.geo import read_brat_folder, read_gritta_xml

    docs = []
    for path in sorted(folder.iterdir()):
        if path.is_dir() and any(path.glob("*.ann")):
            docs.extend(read_brat_folder(path))
        elif path.suffix == ".xml":
            docs.extend(read_gritta_xml(path))
    return [d for d in docs if d.toponyms]


def run(folder: Path, repeat: int) -> dict[str, Any]:
    """Measure; returns the figures as a dict."""
    from tidings.geo.gazetteer import Gazetteer, gazetteer_path, open_gazetteer
    from tidings.geo.normalize import normalize
    from tidings.geo.resolve import Mention, resolve_mentions

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    docs = _documents(folder)
    if not docs:
        raise SystemExit(f"no GeoWebNews folder or Gritta XML file with toponyms under {folder}")
    work = [(d.text, [Mention(t.start, t.end, d.text[t.start : t.end]) for t in d.toponyms]) for d in docs]
    names = [m.text for _text, mentions in work for m in mentions]
    path = gazetteer_path()
    open_gazetteer(path)  # build it first if missing: not part of the measure

    rss_before = _rss_mb()
    started = time.perf_counter()
    gaz = Gazetteer(path)
    load_seconds = time.perf_counter() - started

    # (a) the baseline: a ready dict, one lookup per toponym
    table: dict[str, Any] = {}
    for name in names:
        key = normalize(name)
        if key not in table:
            hits = gaz.lookup(key)
            table[key] = hits[0].place if hits else None
    dict_runs = []
    for _ in range(max(repeat, 1)):
        started = time.process_time()
        found = 0
        for name in names:
            found += table.get(normalize(name)) is not None
        dict_runs.append(time.process_time() - started)
    dict_seconds = statistics.median(dict_runs)

    # (b) tidings: cold caches (a freshly opened gazetteer), then warm
    def one_pass(gaz: Gazetteer) -> tuple[float, int]:
        started = time.process_time()
        resolved = 0
        for text, mentions in work:
            resolved += sum(p["resolved"] for p in resolve_mentions(text, mentions, gaz))
        return time.process_time() - started, resolved

    cold_runs, warm_runs = [], []
    for _ in range(max(repeat, 1)):
        gaz = Gazetteer(path)
        seconds, resolved = one_pass(gaz)
        cold_runs.append(seconds)
        warm_runs.append(one_pass(gaz)[0])
    cold_seconds, warm_seconds = statistics.median(cold_runs), statistics.median(warm_runs)
    rss_after = _rss_mb()
    n = len(names)
    return {
        "documents": len(docs),
        "toponyms": n,
        "distinct_names": len(table),
        "resolved": resolved,
        "gazetteer_load_s": round(load_seconds, 4),
        "dict_lookup_per_s": round(n / dict_seconds),
        "tidings_cold_per_s": round(n / cold_seconds),
        "tidings_warm_per_s": round(n / warm_seconds),
        "cold_vs_dict": round(cold_seconds / dict_seconds, 1),
        "warm_vs_dict": round(warm_seconds / dict_seconds, 1),
        "dict_found": found,
        "rss_before_mb": round(rss_before, 1),
        "rss_after_mb": round(rss_after, 1),
        "added_mb": round(rss_after - rss_before, 1),
    }


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with GeoWebNews/ and *.xml")
    parser.add_argument("--repeat", type=int, default=3, help="warm passes (median reported)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"no data folder at {args.data}", file=sys.stderr)
        return 1
    result = run(args.data, args.repeat)
    if args.json:
        print(json.dumps(result))
        return 0
    print(
        f"{result['toponyms']} toponyms ({result['distinct_names']} distinct names) in "
        f"{result['documents']} documents, one core; gazetteer opened in {result['gazetteer_load_s']} s"
    )
    print(f"  (a) dict lookup          {result['dict_lookup_per_s']:>10,} toponyms/s")
    print(
        f"  (b) tidings, cold caches {result['tidings_cold_per_s']:>10,} toponyms/s  "
        f"({result['cold_vs_dict']}x the dict's time)"
    )
    print(
        f"      tidings, warm caches {result['tidings_warm_per_s']:>10,} toponyms/s  "
        f"({result['warm_vs_dict']}x the dict's time)"
    )
    print(
        f"  memory: {result['rss_before_mb']} MB before the gazetteer, {result['rss_after_mb']} MB after "
        f"loading and resolving: +{result['added_mb']} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
