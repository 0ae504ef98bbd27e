"""The in-process runner: batches analysed one after another in this process."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator

from tidings.models import Article
from tidings.runners.work import DEFAULT_TIME_LIMIT, Outcome, analyze_batch

Batch = list[Article]


class LocalRunner:
    """Analyse batches here, in order."""

    workers = 1

    def __init__(self, time_limit_s: float | None = DEFAULT_TIME_LIMIT, skip: Collection[str] = ()) -> None:
        self.time_limit_s = time_limit_s
        self.skip = tuple(skip)

    def run(self, batches: Iterable[Batch]) -> Iterator[tuple[Batch, list[Outcome]]]:
        """Each batch with its outcomes."""
        for batch in batches:
            yield batch, analyze_batch(batch, self.time_limit_s, self.skip)

    def close(self) -> None:
        """Nothing to release."""

    def __enter__(self) -> LocalRunner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
