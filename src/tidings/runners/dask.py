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
from tidings.runners.work import DEFAULT_TIME_LIMIT, TASK_SIZE, Outcome, analyze_batch, tasks

Batch = list[Article]

#: Settings for the workers of a ``local:N`` cluster. Dask's defaults poll every process of the
#: cluster many times a second (event-loop tick every 20 ms, memory every 100 ms, a statistical
#: profiler sampling the working thread every 10 ms); on a small machine whose cores all analyse,
#: that polling takes CPU time from the analysis itself (measured on 200 Reuters articles: the
#: cluster's CPU time fell by about a fifth). Memory limits still apply, checked every 2 s. Dask
#: also has glibc hand freed memory back to the system at every 64 kB, which costs the allocation-
#: heavy parse system time (the workers' system time halved without it).
LOCAL_CLUSTER_CONFIG: dict[str, object] = {
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    "distributed.worker.profile.enabled": False,
    "distributed.worker.memory.monitor-interval": "2s",
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.scheduler.work-stealing": False,
}


def _task_key(batch: Batch) -> str:
    digest = hashlib.sha256("\n".join(a.id for a in batch).encode("ascii")).hexdigest()[:24]
    return f"tidings-analyze-{digest}"


class DaskRunner:
    """Analyse batches on a Dask cluster (``address``: scheduler address or ``local:N``)."""

    def __init__(
        self,
        address: str,
        time_limit_s: float | None = DEFAULT_TIME_LIMIT,
        skip: Collection[str] = (),
        task_size: int = TASK_SIZE,
    ) -> None:
        self.address = address
        self.task_size = task_size
        self.time_limit_s = time_limit_s
        self.skip = tuple(skip)
        self.cluster: Any = None
        self.client: Any = self._connect(address)

    def _connect(self, address: str) -> Any:
        import dask
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
            with dask.config.set(LOCAL_CLUSTER_CONFIG):  # the nannies hand it to their workers
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
        """Each batch with its outcomes, in input order (at most 2 × workers batches in flight, each
        sent as tasks of at most ``task_size`` articles)."""
        window: deque[tuple[Batch, list[tuple[Batch, Any]]]] = deque()
        source = iter(batches)
        exhausted = False
        while True:
            while not exhausted and len(window) < 2 * self.workers:
                batch = next(source, None)
                if batch is None:
                    exhausted = True
                    break
                window.append((batch, [(task, self._submit(task)) for task in tasks(batch, self.task_size)]))
            if not window:
                return
            batch, submitted = window.popleft()
            outcomes: list[Outcome] = []
            for task, future in submitted:
                outcomes += self._result(task, future)
            yield batch, outcomes

    def _submit(self, task: Batch) -> Any:
        return self.client.submit(
            analyze_batch, task, self.time_limit_s, self.skip, key=_task_key(task), retries=1
        )

    @staticmethod
    def _result(task: Batch, future: Any) -> list[Outcome]:
        try:
            outcomes: list[Outcome] = future.result()
        except Exception as exc:  # noqa: BLE001 - the cluster gave up on the task: name why
            reason = f"the Dask task failed ({type(exc).__name__}: {exc})"
            outcomes = [Outcome(article.id, error=reason) for article in task]
        future.release()
        return outcomes

    def close(self) -> None:
        """Disconnect (and stop a local cluster)."""
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def __enter__(self) -> DaskRunner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
