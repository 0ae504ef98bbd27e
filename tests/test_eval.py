"""eval/: the scoring of the evaluators, and the measured figures on the shared gold data."""

from __future__ import annotations

import gzip
import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import MUSEUM, Run, html_page, requires_shared, run_subprocess
from tidings.eval.html import PageScore, evaluate_html, score_text, tokens
from tidings.eval.pubdate import evaluate_pubdate

Tidings = Callable[..., Run]


def test_tokens_are_a_bag_of_lower_cased_words() -> None:
    assert tokens("The bridge, the BRIDGE! Bridge-works; 2022") == Counter(
        {"the": 2, "bridge": 3, "works": 1, "2022": 1}
    )
    assert tokens("") == Counter()
    assert tokens("— … !") == Counter()


def test_a_perfect_match_scores_one() -> None:
    score = score_text("p1", "The ferry strike ended on Wednesday.", "the ferry strike ended on wednesday")
    assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0)
    assert (score.overlap, score.predicted, score.gold) == (6, 6, 6)


def test_an_empty_prediction_has_no_recall() -> None:
    score = score_text("p2", "", "The ferry strike ended on Wednesday.")
    assert (score.recall, score.precision, score.f1) == (0.0, 0.0, 0.0)


def test_extra_boilerplate_lowers_precision_only() -> None:
    gold = "The ferry strike ended on Wednesday"
    score = score_text("p3", gold + " subscribe to our newsletter now", gold)
    assert score.recall == 1.0
    assert score.precision == pytest.approx(6 / 11)
    assert score.f1 == pytest.approx(2 * (6 / 11) / (6 / 11 + 1))


def test_missing_words_lower_recall_only() -> None:
    score = score_text("p4", "ferry strike ended", "The ferry strike ended on Wednesday")
    assert score.precision == 1.0
    assert score.recall == pytest.approx(3 / 6)


def test_repeated_words_count_as_often_as_they_occur() -> None:
    score = score_text("p5", "strike strike strike", "strike")
    assert (score.overlap, score.precision, score.recall) == (1, pytest.approx(1 / 3), 1.0)


def test_empty_gold_and_empty_prediction() -> None:
    assert PageScore("p6", 0, 0, 0).f1 == 1.0
    assert PageScore("p7", 0, 5, 0).precision == 0.0


def _mini_benchmark(root: Path) -> Path:
    """A two-page benchmark in the article-extraction layout, with pages written for the test."""
    (root / "html").mkdir(parents=True)
    paragraphs = MUSEUM.split("\n\n")
    truth = {
        "a1": {"articleBody": "\n".join(paragraphs), "url": "https://hilltop.example/museum"},
        "a2": {"articleBody": paragraphs[0] + " Officials declined to comment.", "url": None},
    }
    (root / "html" / "a1.html.gz").write_bytes(gzip.compress(html_page("Museum", paragraphs).encode()))
    (root / "html" / "a2.html.gz").write_bytes(gzip.compress(html_page("Museum", paragraphs[:1]).encode()))
    (root / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return root


def test_evaluate_html_on_a_tiny_benchmark(tmp_path: Path) -> None:
    figures = evaluate_html(_mini_benchmark(tmp_path / "bench"), workers=1)
    assert figures["pages"] == 2
    assert figures["empty_pages"] == 0
    # page a1 is extracted completely; page a2 misses the sentence only the gold has
    assert figures["recall"] < 1.0
    assert 0.8 < figures["f1"] <= 1.0
    assert set(figures) >= {"precision", "recall", "f1", "precision_se", "recall_se", "f1_se", "micro_f1"}


def test_evaluate_pubdate_on_a_tiny_test_set(tmp_path: Path) -> None:
    root = tmp_path / "htmldate"
    pages = root / "tests" / "test_set"
    pages.mkdir(parents=True)
    paragraphs = MUSEUM.split("\n\n")
    (pages / "one.html").write_text(html_page("Museum", paragraphs, published="2022-08-15"), encoding="utf-8")
    (pages / "two.html").write_text(html_page("Museum", paragraphs, published="2021-03-02"), encoding="utf-8")
    gold = {
        "https://hilltop.example/one": {"file": "one.html", "date": "2022-08-15"},
        "https://hilltop.example/two": {
            "file": "two.html",
            "date": "2021-03-03",
        },  # deliberately off by a day
    }
    (root / "tests" / "eval_mediacloud_2020.json").write_text(json.dumps(gold), encoding="utf-8")
    figures = evaluate_pubdate(root, workers=1)
    assert (figures["pages"], figures["correct"], figures["wrong"], figures["no_date"]) == (2, 1, 1, 0)
    assert figures["accuracy"] == 0.5


def test_eval_on_a_missing_folder_is_a_clear_error(tmp_path: Path, tidings: Tidings) -> None:
    run = tidings("eval", "html", tmp_path / "nothing")
    assert run.code == 1
    assert run.err_lines == [
        f"Error: {tmp_path}/nothing/ground-truth.json: not found",
        "Hint: give the folder that holds ground-truth.json and html/",
    ]
    run = tidings("eval", "pubdate", tmp_path / "nothing")
    assert run.code == 1
    assert run.err_lines[0] == f"Error: {tmp_path}/nothing/tests/eval_mediacloud_2020.json: not found"


@pytest.mark.slow
def test_html_body_extraction_on_the_article_extraction_benchmark() -> None:
    folder = requires_shared("data", "article-extraction")
    run = run_subprocess("eval", "html", folder, "--json", timeout=170)
    assert run.code == 0, run.err
    figures = json.loads(run.out)
    assert figures["pages"] >= 100
    assert figures["f1"] >= 0.90


@pytest.mark.slow
def test_publication_dates_on_htmldates_test_set() -> None:
    folder = requires_shared("data", "htmldate")
    run = run_subprocess("eval", "pubdate", folder, "--json", timeout=170)
    assert run.code == 0, run.err
    figures = json.loads(run.out)
    assert figures["pages"] >= 100
    assert figures["accuracy"] >= 0.85
