"""Publication dates of the HTML reader against htmldate's MediaCloud 2020 test set.

The gold is ``tests/eval_mediacloud_2020.json`` (``{url: {"file": …, "date": "YYYY-MM-DD"}}``) beside
``tests/test_set/FILE``. Each page goes through the same function the HTML reader uses, with its URL,
and the date it finds is compared with the gold date (exact day).
"""

from __future__ import annotations

import json
from pathlib import Path

from tidings.eval.common import parallel_map, require
from tidings.ingest.dates import parse_date
from tidings.ingest.htmltext import extract_page


def _find_gold(folder: Path) -> Path:
    for candidate in (folder / "eval_mediacloud_2020.json", folder / "tests" / "eval_mediacloud_2020.json"):
        if candidate.exists():
            return candidate
    return require(folder / "tests" / "eval_mediacloud_2020.json", "tests/eval_mediacloud_2020.json")


def _date_of(job: tuple[Path, str]) -> str | None:
    path, url = job
    page = extract_page(path.read_bytes(), url=url)
    return parse_date(page.date) if page else None


def evaluate_pubdate(folder: Path, workers: int | None = None) -> dict[str, object]:
    """Share of pages whose publication date is found exactly; misses broken down."""
    gold_path = _find_gold(folder)
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    pages = gold_path.parent / "test_set"
    items = sorted(gold.items(), key=lambda item: item[1]["file"])
    jobs = [(pages / entry["file"], url) for url, entry in items]
    found = list(parallel_map(_date_of, jobs, workers))
    correct = sum(1 for (_, entry), date in zip(items, found, strict=True) if date == entry["date"])
    missing = sum(1 for date in found if date is None)
    n = len(items)
    return {
        "dataset": str(folder),
        "pages": n,
        "accuracy": round(correct / n, 4) if n else 0.0,
        "correct": correct,
        "wrong": n - correct - missing,
        "no_date": missing,
    }
