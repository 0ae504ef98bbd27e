"""Ways to run ``analyze`` over many articles: in this process, on a process pool, on Dask.

Every runner maps the same pure function, :func:`tidings.runners.work.analyze_batch`, over batches
of articles and yields each batch's outcomes in input order, so the stored result is the same
whatever runs it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from typing import Protocol

from tidings.models import Article
from tidings.runners.work import DEFAULT_TIME_LIMIT, Outcome


class Runner(Protocol):
    """What the ingest job needs from a runner."""

    def run(self, batches: Iterable[list[Article]]) -> Iterator[tuple[list[Article], list[Outcome]]]: ...

    def close(self) -> None: ...


def make_runner(
    workers: int = 1,
    dask: str | None = None,
    time_limit_s: float | None = DEFAULT_TIME_LIMIT,
    skip: Collection[str] = (),
) -> Runner:
    """In process (``workers == 1``), a process pool (``workers > 1``) or Dask (``dask`` address)."""
    if dask:
        from tidings.runners.dask import DaskRunner

        return DaskRunner(dask, time_limit_s, skip)
    if workers > 1:
        from tidings.runners.pool import PoolRunner

        return PoolRunner(workers, time_limit_s, skip)
    from tidings.runners.local import LocalRunner

    return LocalRunner(time_limit_s, skip)
