"""Work functions for the runner tests, importable by pool workers.

``die_on_marker`` is the real analysis, except that a worker given an article containing
``KILL-THE-WORKER`` dies the way an out-of-memory kill would (no exception, no cleanup), so that the
tests can check what the pool does when a worker disappears.
"""

from __future__ import annotations

import os

from tidings.models import Article
from tidings.runners.work import Outcome, analyze_batch

MARKER = "KILL-THE-WORKER"


def die_on_marker(batch: list[Article], time_limit_s: float | None, skip: tuple[str, ...]) -> list[Outcome]:
    if any(MARKER in article.text for article in batch):
        os._exit(137)
    return analyze_batch(batch, time_limit_s, skip)
