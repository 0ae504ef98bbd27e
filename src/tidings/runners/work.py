"""What every runner runs on a batch of articles: analysis with a per-article time limit.

A batch is analysed with spaCy's batched parse (``analyze_many``); if anything in it fails or runs
past the batch's time budget, its articles are analysed one at a time, each within its own limit,
so that only the article at fault is recorded as failed, with its reason.
"""

from __future__ import annotations

import contextlib
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from tidings.models import Article
from tidings.runners.limits import ArticleTimeout, time_limit

#: Default limit for one article's analysis, in seconds.
DEFAULT_TIME_LIMIT = 120.0
#: Articles per task sent to a worker. The ingest job's batches (one store transaction each, 500
#: articles by default) are cut into tasks of this size, so that all workers share the last batch
#: instead of one working through it while the others wait. It matches ``analyze_many``'s spaCy
#: batch.
TASK_SIZE = 64


def tasks(batch: list[Article], size: int = TASK_SIZE) -> list[list[Article]]:
    """``batch`` cut into consecutive tasks of at most ``size`` articles (none for an empty batch)."""
    size = max(1, size)
    return [batch[i : i + size] for i in range(0, len(batch), size)]


@dataclass(frozen=True, slots=True)
class Outcome:
    """The result of analysing one article: its record, or why there is none."""

    article_id: str
    record: dict[str, Any] | None = None
    error: str | None = None


def analyze_batch(
    articles: list[Article], time_limit_s: float | None = DEFAULT_TIME_LIMIT, skip: Collection[str] = ()
) -> list[Outcome]:
    """Outcomes for ``articles``, in order (pure: the same input gives the same output)."""
    if not articles:
        return []
    try:
        from tidings.analyze import analyze, analyze_many
    except Exception as exc:  # noqa: BLE001 - a broken installation: every article says why
        return [Outcome(a.id, error=f"analysis unavailable ({type(exc).__name__}: {exc})") for a in articles]
    budget = time_limit_s * len(articles) if time_limit_s else None
    try:
        with time_limit(budget):
            return [Outcome(a.article.id, a.to_dict()) for a in analyze_many(articles, skip=skip)]
    except Exception:  # noqa: BLE001 - retried one by one below, so that one bad article is named
        pass
    outcomes = []
    for article in articles:
        try:
            with time_limit(time_limit_s):
                outcomes.append(Outcome(article.id, analyze(article, skip=skip).to_dict()))
        except ArticleTimeout:
            outcomes.append(Outcome(article.id, error=f"analysis took longer than {time_limit_s:g} s"))
        except Exception as exc:  # noqa: BLE001 - one article's failure must not sink the batch
            outcomes.append(Outcome(article.id, error=f"analysis failed ({type(exc).__name__}: {exc})"))
    return outcomes


def warm_up() -> None:
    """Load the model and open the gazetteer once in this process (a worker's initializer).

    A failure here is not raised: a pool whose initializer fails is broken with no reason given,
    whereas the same failure met by the analysis itself is recorded with each article it stops.
    """
    with contextlib.suppress(Exception):  # see the docstring: analyze_batch reports it per article
        from tidings.analyze import analyze

        analyze(Article.create("Officials met in Baghdad on Sunday.", published="2021-11-07"))
