"""Runners cut ingest batches into worker tasks; results never depend on how the work is cut or
ordered (per-process caches must not leak one article's analysis into another's)."""

from __future__ import annotations

import pytest

from tidings.models import Article
from tidings.nlp.langid import annotate
from tidings.runners.local import LocalRunner
from tidings.runners.pool import PoolRunner
from tidings.runners.work import analyze_batch, tasks

TEXTS = [
    "Troops shelled a village near Mosul on Saturday, killing four people, the governor said.",
    "Paris police detained 12 protesters after clashes near the Louvre on Thursday.",
    "The minister of Jordan visited Paris, Texas, in early March to sign a water agreement.",
    "Rebels seized the town of Goma last week, a United Nations spokesman told Reuters.",
    "Shares in the company rose 5 pct to 12.50 dlrs after it reported higher profits.",
    "Georgia said on Monday that Russian aircraft had bombed a base near Tbilisi.",
    "Officials in Georgia's Atlanta said the governor would sign the bill on Friday.",
]


def _articles() -> list[Article]:
    return [annotate(Article.create(t, published="2008-08-11", source=f"t{i}")) for i, t in enumerate(TEXTS)]


def _by_id(outcomes: list) -> dict[str, tuple]:
    return {o.article_id: (o.record, o.error) for o in outcomes}


def test_tasks_cut_a_batch_in_order_and_keep_every_article() -> None:
    batch = _articles()
    cut = tasks(batch, 3)
    assert [len(task) for task in cut] == [3, 3, 1]
    assert [a for task in cut for a in task] == batch
    assert tasks([], 3) == []
    assert tasks(batch, 0) == [[a] for a in batch]  # a silly size still keeps every article


@pytest.fixture(scope="module")
def together() -> dict[str, tuple]:
    return _by_id(analyze_batch(_articles()))


def test_the_same_records_in_any_order_and_any_cut(together: dict[str, tuple]) -> None:
    articles = _articles()
    backwards = _by_id(analyze_batch(list(reversed(articles))))
    alone = _by_id([o for a in articles for o in analyze_batch([a])])
    assert backwards == together
    assert alone == together
    assert all(record is not None for record, _ in together.values())


def test_pool_with_small_tasks_gives_the_batches_back_whole_and_in_order(together: dict[str, tuple]) -> None:
    articles = _articles()
    batches = [articles[:5], articles[5:]]
    with PoolRunner(2, task_size=2) as pool:
        results = list(pool.run(iter(batches)))
    assert [batch for batch, _ in results] == batches
    for batch, outcomes in results:
        assert [o.article_id for o in outcomes] == [a.id for a in batch]
    assert _by_id([o for _, outcomes in results for o in outcomes]) == together


def test_an_empty_batch_passes_through_every_runner() -> None:
    assert list(LocalRunner().run([[]])) == [([], [])]
    with PoolRunner(2) as pool:
        empty, one = list(pool.run([[], _articles()[:1]]))
    assert empty == ([], [])
    assert [o.record is not None for o in one[1]] == [True]
