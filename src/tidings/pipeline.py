"""The ingest job: read every input, identify languages, store in batches, report.

:func:`ingest` is what ``tidings ingest`` runs; it is a plain function so that scripts, tests and
benchmarks run exactly what users run.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from tidings.ingest.base import ReadOptions
from tidings.ingest.sources import InputFailure, read_inputs
from tidings.models import Article, Notice, Rejection
from tidings.nlp.langid import annotate
from tidings.store import Store

DEFAULT_BATCH = 500

#: Called for every rejection, notice and input failure as it happens (e.g. to print a warning).
Listener = Callable[[Rejection | Notice | InputFailure], None]


@dataclass(slots=True)
class IngestReport:
    """Counts of one ingest run, and the inputs that failed."""

    read: int = 0
    new: int = 0
    duplicate: int = 0
    rejected: int = 0
    notices: int = 0
    failures: list[InputFailure] = field(default_factory=list)
    reasons: Counter[str] = field(default_factory=Counter)

    def counts(self) -> dict[str, int]:
        return {
            "read": self.read,
            "new": self.new,
            "duplicate": self.duplicate,
            "rejected": self.rejected,
            "failed_inputs": len(self.failures),
        }


def ingest(
    paths: list[str],
    store: Store,
    options: ReadOptions | None = None,
    *,
    batch_size: int = DEFAULT_BATCH,
    listener: Listener | None = None,
    progress: Callable[[IngestReport], None] | None = None,
) -> IngestReport:
    """Read ``paths`` into ``store``: one transaction per ``batch_size`` articles.

    Bad records and unreadable inputs are reported (to ``listener``) and counted, and everything
    else is stored. Rerunning on the same inputs stores nothing new.
    """
    options = options or ReadOptions()
    report = IngestReport()
    run_id = store.begin_run(paths)
    batch: list[Article] = []
    status = "failed"

    def flush() -> None:
        result = store.add_articles(batch)
        report.new += len(result.new)
        report.duplicate += len(result.duplicates)
        batch.clear()
        if progress:
            progress(report)

    try:
        for item in read_inputs(paths, options):
            if isinstance(item, Article):
                report.read += 1
                batch.append(annotate(item))
                if len(batch) >= batch_size:
                    flush()
                continue
            if isinstance(item, Rejection):
                report.rejected += 1
                report.reasons[item.kind] += 1
            elif isinstance(item, Notice):
                report.notices += 1
            else:
                report.failures.append(item)
            if listener:
                listener(item)
        if batch:
            flush()
        status = "done"
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    finally:
        store.finish_run(run_id, report.counts(), status)
    return report
