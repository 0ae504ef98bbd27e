"""The ingest job: read every input, identify languages, analyse, store in batches, report.

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
    analyzed: int = 0
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
    analyze: bool = True,
    listener: Listener | None = None,
    progress: Callable[[IngestReport], None] | None = None,
) -> IngestReport:
    """Read ``paths`` into ``store``: one transaction per ``batch_size`` articles.

    With ``analyze``, each article not yet analysed is analysed and its record stored with it
    (the raw path, ``analyze=False``, stores articles only). Bad records and unreadable inputs
    are reported (to ``listener``) and counted, and everything else is stored. Rerunning on the
    same inputs stores nothing new and analyses nothing twice.
    """
    options = options or ReadOptions()
    report = IngestReport()
    run_id = store.begin_run(paths)
    batch: list[Article] = []
    status = "failed"

    def flush() -> None:
        analyses = _analyze_batch(batch, store, report, listener) if analyze else None
        result = store.add_articles(batch, analyses)
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


def _analyze_batch(
    batch: list[Article], store: Store, report: IngestReport, listener: Listener | None
) -> dict[str, dict[str, object]]:
    """Analysis records for the articles of ``batch`` that the store has none for."""
    from tidings.analyze import analyze, analyze_many

    todo = store.unanalyzed(article.id for article in batch)
    pending = list({article.id: article for article in batch if article.id in todo}.values())
    records: dict[str, dict[str, object]] = {}
    try:
        for analysis in analyze_many(pending):
            records[analysis.article.id] = analysis.to_dict()
        pending = []
    except Exception:  # noqa: BLE001 - retried one by one below, so one bad article is named
        pending = [article for article in pending if article.id not in records]
    for article in pending:
        try:
            records[article.id] = analyze(article).to_dict()
        except Exception as exc:  # noqa: BLE001 - one article's failure must not sink the batch
            notice = Notice(
                article.source or article.id,
                f"analysis failed ({type(exc).__name__}: {exc}); stored without analysis, a rerun retries it",
            )
            report.notices += 1
            if listener:
                listener(notice)
    report.analyzed += len(records)
    return records
