"""Body-text quality of the HTML reader against the article-extraction benchmark.

The gold is ``ground-truth.json`` (``{id: {"articleBody": …, "url": …}}``) beside ``html/ID.html.gz``.
Each page is read by the same function the HTML reader uses; precision, recall and F1 are computed
on bags of lower-cased word tokens per page and averaged over pages (the benchmark's own
measure), with their standard error, and micro-averaged over all tokens.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from tidings.eval.common import parallel_map, require
from tidings.ingest.htmltext import extract_page

_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class PageScore:
    """Token overlap of one page: true positives, predicted and gold token counts."""

    page: str
    overlap: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.overlap / self.predicted if self.predicted else float(self.gold == 0)

    @property
    def recall(self) -> float:
        return self.overlap / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def tokens(text: str) -> Counter[str]:
    """Bag of lower-cased word tokens."""
    return Counter(_TOKEN.findall(text.lower()))


def score_text(page: str, predicted: str, gold: str) -> PageScore:
    """Token overlap of a predicted body against the gold body."""
    pred, true = tokens(predicted), tokens(gold)
    overlap = sum((pred & true).values())
    return PageScore(page, overlap, sum(pred.values()), sum(true.values()))


def _score_page(job: tuple[Path, str, str, str | None]) -> PageScore:
    html_path, page, gold, url = job
    html = gzip.decompress(html_path.read_bytes())
    extracted = extract_page(html, url=url)
    return score_text(page, extracted.text if extracted else "", gold)


def evaluate_html(folder: Path, workers: int | None = None) -> dict[str, object]:
    """Score every page of the benchmark in ``folder``; return the figures as a dict."""
    truth_path = require(folder / "ground-truth.json", "ground-truth.json and html/")
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    jobs = [
        (folder / "html" / f"{page}.html.gz", page, item.get("articleBody", ""), item.get("url"))
        for page, item in sorted(truth.items())
    ]
    scores = list(parallel_map(_score_page, jobs, workers))
    n = len(scores)
    result: dict[str, object] = {"dataset": str(folder), "pages": n}
    for name in ("precision", "recall", "f1"):
        values = [getattr(s, name) for s in scores]
        mean = sum(values) / n if n else 0.0
        var = sum((v - mean) ** 2 for v in values) / (n - 1) if n > 1 else 0.0
        result[name] = round(mean, 4)
        result[f"{name}_se"] = round(math.sqrt(var / n), 4) if n else 0.0
    overlap = sum(s.overlap for s in scores)
    predicted = sum(s.predicted for s in scores)
    gold = sum(s.gold for s in scores)
    micro_p = overlap / predicted if predicted else 0.0
    micro_r = overlap / gold if gold else 0.0
    result["micro_f1"] = round(2 * micro_p * micro_r / (micro_p + micro_r), 4) if overlap else 0.0
    result["empty_pages"] = sum(1 for s in scores if s.predicted == 0)
    return result
