"""The ingest job: read every input, identify languages, analyse, store in batches, report.

:func:`ingest` is what ``tidings ingest`` runs; it is a plain function so that scripts, tests and
benchmarks run exactly what users run.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from tidings.ingest.base import ReadOptions
from tidings.ingest.sources import InputFailure, read_inputs
from tidings.models import Article, Notice, Rejection
from tidings.nlp.langid import annotate
from tidings.runners import Runner
from tidings.runners.local import LocalRunner
from tidings.runners.work import Outcome
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
    analyzed: int = 0
    failed_analyses: int = 0
    linked: int = 0
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
            "analyzed": self.analyzed,
        }


def ingest(
    paths: list[str],
    store: Store,
    options: ReadOptions | None = None,
    *,
    batch_size: int = DEFAULT_BATCH,
    analyze: bool = True,
    listener: Listener | None = None,
    progress: Callable[[IngestReport], None] | None = None,
    runner: Runner | None = None,
    link: bool = True,
) -> IngestReport:
    """Read ``paths`` into ``store``: one transaction per ``batch_size`` articles.

    With ``analyze``, each article not yet analysed is analysed (by ``runner``: in process by
    default, or a process pool or Dask cluster from :func:`tidings.runners.make_runner`) and its
    record stored with it, in the same transaction (the raw path, ``analyze=False``, stores
    articles only). Batches are stored in input order while later ones are being analysed, so
    memory stays bounded. Bad records, unreadable inputs and articles whose analysis failed are
    reported (to ``listener``) and counted, and everything else is stored. Rerunning on the same
    inputs stores nothing new and analyses nothing twice; an article stored without analysis is
    analysed on the next run. With ``link``, each batch's events then join the merged events and
    stories of the store (:meth:`Store.link`), so reports of one happening become one event.
    """
    options = options or ReadOptions()
    report = IngestReport()
    run_id = store.begin_run(paths)
    status = "failed"
    owned = runner is None and analyze
    if owned:
        runner = LocalRunner()
    try:
        batches = _batches(paths, options, batch_size, report, listener)
        if not analyze or runner is None:
            for batch in batches:
                _store(store, batch, None, report, progress)
        else:
            full: deque[list[Article]] = deque()

            def pending() -> Iterator[list[Article]]:
                for batch in batches:
                    # a text repeated in a batch still in flight is analysed there, not twice
                    in_flight = {article.id for earlier in full for article in earlier}
                    full.append(batch)
                    todo = store.unanalyzed(article.id for article in batch) - in_flight
                    yield list({a.id: a for a in batch if a.id in todo}.values())

            for _analysed, outcomes in runner.run(pending()):
                records = _records(outcomes, full[0], report, listener)
                stored = full.popleft()
                _store(store, stored, records, report, progress)
                if link:  # the batch's new events join merged events and stories as they are stored
                    report.linked += store.link(article.id for article in stored)["linked"]
        store.tidy_text_indexes()  # each batch added index segments: merge some of them
        status = "done"
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    finally:
        if owned and runner is not None:
            runner.close()
        store.finish_run(run_id, report.counts(), status)
    return report


def _batches(
    paths: list[str], options: ReadOptions, batch_size: int, report: IngestReport, listener: Listener | None
) -> Iterator[list[Article]]:
    """The articles of ``paths`` in batches, language-annotated; everything else counted."""
    batch: list[Article] = []
    for item in read_inputs(paths, options):
        if isinstance(item, Article):
            report.read += 1
            batch.append(annotate(item))
            if len(batch) >= batch_size:
                yield batch
                batch = []
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
        yield batch


def _store(
    store: Store,
    batch: list[Article],
    records: dict[str, dict[str, Any]] | None,
    report: IngestReport,
    progress: Callable[[IngestReport], None] | None,
) -> None:
    result = store.add_articles(batch, records)
    report.new += len(result.new)
    report.duplicate += len(result.duplicates)
    if progress:
        progress(report)


def _records(
    outcomes: list[Outcome], batch: list[Article], report: IngestReport, listener: Listener | None
) -> dict[str, dict[str, Any]]:
    """The analysis records of ``outcomes``; each failure reported with its reason."""
    sources = {article.id: article.source or article.id for article in batch}
    records: dict[str, dict[str, Any]] = {}
    for outcome in outcomes:
        if outcome.record is not None:
            records[outcome.article_id] = outcome.record
            continue
        report.notices += 1
        report.failed_analyses += 1
        if listener:
            where = sources.get(outcome.article_id, outcome.article_id)
            listener(Notice(where, f"{outcome.error}; stored without analysis, a rerun retries it"))
    report.analyzed += len(records)
    return records
