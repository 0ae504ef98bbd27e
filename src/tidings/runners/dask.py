"""Dask distributed: the same pure batch analysis mapped over a cluster's workers.

``address`` is a scheduler address (``tcp://host:8786``) or ``local:N`` for a ``LocalCluster`` of N
single-threaded worker processes on this machine. Tasks have deterministic keys (the batch's
article ids), so a batch resubmitted after a lost worker is the same task, and results are taken
once each, in input order: a worker lost mid-run costs time, never articles, and never duplicates
one (the scheduler reruns its tasks elsewhere; the store ignores what it already has).
"""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Collection, Iterable, Iterator
from typing import Any

from tidings.errors import TidingsError
from tidings.models import Article
from tidings.runners.work import DEFAULT_TIME_LIMIT, Outcome, analyze_batch

Batch = list[Article]


def _task_key(batch: Batch) -> str:
    digest = hashlib.sha256("\n".join(a.id for a in batch).encode("ascii")).hexdigest()[:24]
    return f"tidings-analyze-{digest}"


class DaskRunner:
    """Analyse batches on a Dask cluster (``address``: scheduler address or ``local:N``)."""

    def __init__(
        self, address: str, time_limit_s: float | None = DEFAULT_TIME_LIMIT, skip: Collection[str] = ()
    ) -> None:
        self.address = address
        self.time_limit_s = time_limit_s
        self.skip = tuple(skip)
        self.cluster: Any = None
        self.client: Any = self._connect(address)

    def _connect(self, address: str) -> Any:
        from distributed import Client, LocalCluster

        if address.startswith("local"):
            _, _, count = address.partition(":")
            try:
                workers = int(count or 2)
            except ValueError:
                raise TidingsError(
                    f"--dask {address}: expected local:N", hint="e.g. --dask local:2", code=2
                ) from None
            if workers < 1:
                raise TidingsError(
                    f"--dask {address}: N must be at least 1", hint="e.g. --dask local:2", code=2
                )
            self.cluster = LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
            )
            return Client(self.cluster)
        try:
            return Client(address, timeout=30)
        except (OSError, TimeoutError) as exc:
            raise TidingsError(
                f"cannot reach the Dask scheduler at {address}: {exc}",
                hint="start one with `dask scheduler` and workers with `dask worker ADDRESS`, "
                "or use --dask local:N",
            ) from exc

    @property
    def workers(self) -> int:
        """Worker count of the cluster now."""
        return max(1, len(self.client.scheduler_info().get("workers", {})))

    def run(self, batches: Iterable[Batch]) -> Iterator[tuple[Batch, list[Outcome]]]:
        """Each batch with its outcomes, in input order (at most 2 × workers batches in flight)."""
        window: deque[tuple[Batch, Any]] = deque()
        source = iter(batches)
        exhausted = False
        while True:
            while not exhausted and len(window) < 2 * self.workers:
                batch = next(source, None)
                if batch is None:
                    exhausted = True
                    break
                future = self.client.submit(
                    analyze_batch, batch, self.time_limit_s, self.skip, key=_task_key(batch), retries=1
                )
                window.append((batch, future))
            if not window:
                return
            batch, future = window.popleft()
            try:
                outcomes = future.result()
            except Exception as exc:  # noqa: BLE001 - the cluster gave up on the batch: name why
                reason = f"the Dask task failed ({type(exc).__name__}: {exc})"
                outcomes = [Outcome(article.id, error=reason) for article in batch]
            future.release()
            yield batch, outcomes

    def close(self) -> None:
        """Disconnect (and stop a local cluster)."""
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def __enter__(self) -> DaskRunner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
