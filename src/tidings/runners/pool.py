"""A streaming process pool: batches in, outcomes out in input order, with bounded memory.

Each worker loads the model and the gazetteer once (its initializer). At most ``2 × workers``
batches are in flight, so memory stays bounded whatever the input size; each batch goes out as
tasks of at most ``TASK_SIZE`` articles, so that the workers share the last one. A worker that dies
(killed, out of memory) breaks the pool: the pool is replaced, and the batches that were in flight
are analysed again one article at a time, one article in flight, so the article that kills a worker
again is found and recorded as failed ("worker died") — every other article is retried once and
stored.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Collection, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from tidings.models import Article
from tidings.runners.work import DEFAULT_TIME_LIMIT, TASK_SIZE, Outcome, analyze_batch, tasks, warm_up

Batch = list[Article]
Work = Callable[[Batch, float | None, tuple[str, ...]], list[Outcome]]


class PoolRunner:
    """Analyse batches on ``workers`` processes."""

    def __init__(
        self,
        workers: int,
        time_limit_s: float | None = DEFAULT_TIME_LIMIT,
        skip: Collection[str] = (),
        work: Work = analyze_batch,
        task_size: int = TASK_SIZE,
    ) -> None:
        """``work`` is what a worker runs on a batch (a module-level function, so that it can be
        sent to the workers); the default is the analysis. Each batch is sent as tasks of at most
        ``task_size`` articles."""
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self.workers = workers
        self.time_limit_s = time_limit_s
        self.skip = tuple(skip)
        self.work = work
        self.task_size = task_size
        self.replaced = 0  # pools replaced after a worker died
        self._pool: ProcessPoolExecutor | None = None

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            context = multiprocessing.get_context("forkserver")
            self._pool = ProcessPoolExecutor(self.workers, mp_context=context, initializer=warm_up)
        return self._pool

    def _replace(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = None
        self.replaced += 1

    def close(self) -> None:
        """Stop the workers."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> PoolRunner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _submit(self, batch: Batch) -> Future[list[Outcome]]:
        try:
            return self._executor().submit(self.work, batch, self.time_limit_s, self.skip)
        except BrokenProcessPool as exc:  # a worker died since the last result: fail like the rest
            broken: Future[list[Outcome]] = Future()
            broken.set_exception(exc)
            return broken

    def run(self, batches: Iterable[Batch]) -> Iterator[tuple[Batch, list[Outcome]]]:
        """Each batch with its outcomes, in input order."""
        window: deque[tuple[Batch, list[Future[list[Outcome]]]]] = deque()
        source = iter(batches)
        exhausted = False
        while True:
            while not exhausted and len(window) < 2 * self.workers:
                batch = next(source, None)
                if batch is None:
                    exhausted = True
                    break
                window.append((batch, [self._submit(task) for task in tasks(batch, self.task_size)]))
            if not window:
                return
            batch, futures = window[0]
            try:
                outcomes = [outcome for future in futures for outcome in future.result()]
            except BrokenProcessPool:
                # every batch in flight was lost with the pool: retry them, article by article
                lost = [b for b, _ in window]
                window.clear()
                self._replace()
                for retried in lost:
                    yield retried, self._one_by_one(retried)
                continue
            window.popleft()
            yield batch, outcomes

    def _one_by_one(self, batch: Batch) -> list[Outcome]:
        outcomes = []
        for article in batch:
            try:
                outcomes += self._submit([article]).result()
            except BrokenProcessPool:
                self._replace()
                outcomes.append(
                    Outcome(article.id, error="worker died twice on this article (killed or out of memory)")
                )
        return outcomes
