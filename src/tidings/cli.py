"""The ``tidings`` command: a thin layer over the library.

Exit codes: 0 success (records that were skipped are counted on stderr), 1 error (an input that
could not be read, a database that could not be opened — the rest of the batch is still stored),
2 usage error.
"""

from __future__ import annotations

import csv
import itertools
import json
import os
import re
import sys
import traceback
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import click

from tidings import __version__
from tidings.cli_events import eval_acled_command, events_command
from tidings.cli_stories import link_command, stories_command, timeline_command
from tidings.errors import EXIT_ERROR, EXIT_OK, EXIT_USAGE, TidingsError
from tidings.ingest.base import DEFAULT_MAX_CHARS, ReadOptions
from tidings.ingest.sources import FORMATS, InputFailure
from tidings.models import Notice, Rejection
from tidings.pipeline import DEFAULT_BATCH, IngestReport, ingest
from tidings.runners import make_runner
from tidings.runners.work import DEFAULT_TIME_LIMIT
from tidings.store import Store

F = TypeVar("F", bound=Callable[..., Any])
_MAX_WARNINGS = 50
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _db_option(func: F) -> F:
    return click.option(
        "--db",
        "db",
        default="tidings.db",
        show_default=True,
        envvar="TIDINGS_DB",
        type=click.Path(dir_okay=False),
        help="SQLite database file (env TIDINGS_DB).",
    )(func)


def _validate_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from tidings.ingest.dates import parse_date

    if value is None:
        return None
    if not _DATE.match(value) or parse_date(value) != value:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD")
    return value


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "--version", prog_name="tidings")
def cli() -> None:
    """Read dated news and turn it into a traceable event database."""


@cli.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@_db_option
@click.option(
    "--date",
    callback=_validate_date,
    metavar="YYYY-MM-DD",
    help="Publication date for inputs that carry none (plain text).",
)
@click.option("--format", "fmt", type=click.Choice(FORMATS), help="Read every input as this format.")
@click.option(
    "--max-chars",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_CHARS,
    show_default=True,
    help="Reject articles whose text is longer.",
)
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=DEFAULT_BATCH,
    show_default=True,
    help="Articles stored per transaction.",
)
@click.option("--no-analyze", is_flag=True, help="Store articles only (the fast raw path): no analysis.")
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Analyse on this many processes (model and gazetteer loaded once per worker).",
)
@click.option(
    "--dask",
    "dask_address",
    metavar="ADDRESS",
    help="Analyse on a Dask cluster: a scheduler address (tcp://host:8786) or local:N.",
)
@click.option(
    "--time-limit",
    type=click.FloatRange(min=0),
    default=DEFAULT_TIME_LIMIT,
    show_default=True,
    help="Seconds one article's analysis may take before it is recorded as failed (0: no limit).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print errors only.")
def ingest_command(
    paths: tuple[str, ...],
    db: str,
    date: str | None,
    fmt: str | None,
    max_chars: int,
    batch_size: int,
    no_analyze: bool,
    workers: int,
    dask_address: str | None,
    time_limit: float,
    quiet: bool,
) -> None:
    """Read news from PATHS into the database and analyse each article.

    PATHS are files, folders (read recursively), glob patterns or - for standard input, in any
    format tidings reads: seed records and plain .txt, JSON Lines/JSON, CSV, HTML pages, RSS/Atom
    feeds, WARC archives, and gzip of each. Articles already stored are counted as duplicates and
    not analysed again.
    """
    options = ReadOptions(date=date, format=fmt, max_chars=max_chars)
    warnings = _WarningPrinter(quiet)
    show_progress = not quiet and sys.stderr.isatty()

    def progress(report: IngestReport) -> None:
        click.echo(
            f"\rread {report.read:,} · new {report.new:,} · duplicate {report.duplicate:,}"
            f" · rejected {report.rejected:,} · analysed {report.analyzed:,}",
            err=True,
            nl=False,
        )

    with Store.open(db) as store:
        runner = None if no_analyze else make_runner(workers, dask_address, time_limit or None)
        try:
            report = ingest(
                list(paths),
                store,
                options,
                analyze=not no_analyze,
                batch_size=batch_size,
                listener=warnings,
                progress=progress if show_progress else None,
                runner=runner,
            )
        finally:
            if runner is not None:
                runner.close()
    if show_progress:
        click.echo("", err=True)
    warnings.finish()
    if not quiet:
        click.echo(_summary(report, db), err=True)
    if report.failures:
        sys.exit(EXIT_ERROR)


class _WarningPrinter:
    """Prints input errors always, record warnings unless quiet, at most ``_MAX_WARNINGS`` of them."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.shown = 0
        self.hidden = 0

    def __call__(self, item: Rejection | Notice | InputFailure) -> None:
        if isinstance(item, InputFailure):
            _error(item.message, item.hint)
            return
        if self.quiet:
            return
        if self.shown >= _MAX_WARNINGS:
            self.hidden += 1
            return
        self.shown += 1
        text = item.reason if isinstance(item, Rejection) else item.message
        label = "skipped" if isinstance(item, Rejection) else "note"
        click.echo(f"Warning: {item.source}: {label}: {text}", err=True)

    def finish(self) -> None:
        if self.hidden:
            click.echo(f"Warning: {self.hidden:,} more warnings not shown", err=True)


def _summary(report: IngestReport, db: str) -> str:
    parts = [
        f"Stored {report.new:,} new article{'s' if report.new != 1 else ''} in {db}",
        f"{report.duplicate:,} already stored",
    ]
    if report.analyzed:
        parts.append(f"{report.analyzed:,} analysed")
    if report.rejected:
        reasons = ", ".join(f"{n:,} {reason}" for reason, n in report.reasons.most_common(5))
        parts.append(f"{report.rejected:,} skipped: {reasons}")
    if report.failures:
        parts.append(f"{len(report.failures):,} input{'s' if len(report.failures) != 1 else ''} failed")
    return parts[0] + " (" + "; ".join(parts[1:]) + ")."


@cli.command("analyze")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--date",
    callback=_validate_date,
    metavar="YYYY-MM-DD",
    help="Publication date for inputs that carry none (plain text).",
)
@click.option("--format", "fmt", type=click.Choice(FORMATS), help="Read every input as this format.")
@click.option(
    "--max-chars",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_CHARS,
    show_default=True,
    help="Reject articles whose text is longer.",
)
@click.option("--json", "as_json", is_flag=True, help="JSON Lines: one analysis record per article.")
def analyze_command(
    paths: tuple[str, ...], date: str | None, fmt: str | None, max_chars: int, as_json: bool
) -> None:
    """Analyse the articles of PATHS (any input format; - for standard input) and print them.

    Without --json, a readable view: the text with actor mentions marked [like this]{a1} and time
    expressions <like this>{2021-11-07}, then actors, time expressions, quotes and attributions.
    """
    from tidings.analyze import analyze
    from tidings.ingest.sources import read_inputs
    from tidings.models import Article
    from tidings.nlp.langid import annotate
    from tidings.render import render

    options = ReadOptions(date=date, format=fmt, max_chars=max_chars)
    warnings = _WarningPrinter(quiet=False)
    failed = False
    out = click.get_text_stream("stdout")
    for item in read_inputs(list(paths), options):
        if not isinstance(item, Article):
            warnings(item)
            failed = failed or isinstance(item, InputFailure)
            continue
        analysis = analyze(annotate(item))
        if as_json:
            out.write(json.dumps(analysis.to_dict(), ensure_ascii=False) + "\n")
        else:
            out.write(render(analysis) + "\n")
    warnings.finish()
    if failed:
        sys.exit(EXIT_ERROR)


# -- reading the store ---------------------------------------------------------------------------

_OUTPUT = [
    click.option("--json", "output", flag_value="json", help="A JSON array."),
    click.option("--nl", "output", flag_value="nl", help="JSON Lines: one object per line."),
    click.option("--csv", "output", flag_value="csv", help="CSV with a header row."),
    click.option("--table", "output", flag_value="table", default=True, help="A table (default)."),
]


def _output_options(func: F) -> F:
    for option in reversed(_OUTPUT):
        func = option(func)
    return func


@cli.command("articles")
@_db_option
@click.option("--search", "-s", metavar="QUERY", help="Full-text search over titles and texts.")
@click.option("--fts-syntax", is_flag=True, help="Pass QUERY to SQLite FTS5 as written.")
@click.option("--limit", "-n", type=click.IntRange(min=0), help="At most this many articles.")
@click.option("--analysis", is_flag=True, help="Include each article's analysis record (--json, --nl).")
@_output_options
def articles_command(
    db: str, search: str | None, fts_syntax: bool, limit: int | None, analysis: bool, output: str
) -> None:
    """List stored articles, newest first, or the best matches of a search."""
    with Store.open(db, readonly=True) as store:
        rows = store.articles(search, limit=limit, fts_syntax=fts_syntax)
        if analysis:
            rows = ({**row, "analysis": store.analysis(row["id"])} for row in rows)
        _emit(
            rows,
            output,
            table_columns=("id", "published", "outlet", "lang", "title"),
            csv_columns=(
                "id",
                "published",
                "outlet",
                "lang",
                "title",
                "url",
                "n_chars",
                "format",
                "source",
                "text",
            ),
        )


def _emit(
    rows: Iterable[dict[str, Any]],
    output: str,
    *,
    table_columns: tuple[str, ...],
    csv_columns: tuple[str, ...],
) -> None:
    out = click.get_text_stream("stdout")
    rows = iter(rows)
    first = next(rows, None)  # run the query before writing anything, so an error leaves no output
    if first is not None:
        rows = itertools.chain([first], rows)
    if output == "json":
        out.write("[")
        for index, row in enumerate(rows):
            out.write(("," if index else "") + "\n" + json.dumps(row, ensure_ascii=False))
        out.write("\n]\n")
    elif output == "nl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif output == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(csv_columns)
        for row in rows:
            writer.writerow(["" if row.get(c) is None else row.get(c) for c in csv_columns])
    else:
        _table([[_cell(row, c) for c in table_columns] for row in rows], table_columns, out)


def _cell(row: dict[str, Any], column: str) -> str:
    value = row.get(column)
    if value is None:
        return ""
    text = " ".join(str(value).split())
    if column == "id":
        return text[:12]
    return text if len(text) <= 70 else text[:69] + "…"


def _table(rows: list[list[str]], headers: tuple[str, ...], out: Any) -> None:
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(headers)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()
    out.write(line + "\n" + "  ".join("-" * w for w in widths) + "\n")
    for row in rows:
        out.write("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() + "\n")


@cli.command("stats")
@_db_option
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def stats_command(db: str, as_json: bool) -> None:
    """Counts, date range, languages, formats and outlets of the database."""
    with Store.open(db, readonly=True) as store:
        stats = store.stats()
    if as_json:
        click.echo(json.dumps(stats, indent=2, ensure_ascii=False))
        return
    for key, value in stats.items():
        if isinstance(value, dict):
            click.echo(f"{key}:")
            for name, count in value.items():
                click.echo(f"  {name:<30} {count:>10,}")
        else:
            shown = f"{value:,}" if isinstance(value, int) else ("" if value is None else str(value))
            click.echo(f"{key + ':':<22} {shown}")


@cli.command("serve")
@_db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option("--get", "get_path", metavar="PATH", help="Answer one GET request (e.g. /api/events) and exit.")
def serve_command(db: str, host: str, port: int, get_path: str | None) -> None:
    """Serve the database read-only: map, timeline, evidence and the JSON API (/docs)."""
    from tidings.web.serve import get, serve

    if get_path is not None:
        status, body = get(db, get_path)
        click.echo(body)
        if status >= 400:
            raise SystemExit(EXIT_ERROR)
        return
    serve(db, host, port, echo=click.echo)


@cli.command("export")
@_db_option
@click.option("--format", "fmt", type=click.Choice(["parquet"]), default="parquet", show_default=True)
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
def export_command(db: str, fmt: str, folder: Path) -> None:
    """Write the database's articles (with analyses) and events as Parquet under FOLDER,
    partitioned by year and month; `tidings load FOLDER/articles` rebuilds a store from it."""
    from tidings.store.parquet import export_parquet

    with Store.open(db, readonly=True) as store:
        counts = export_parquet(store, folder)
    click.echo(f"Wrote {counts['articles']:,} articles and {counts['events']:,} events to {folder}", err=True)


@cli.command("load")
@_db_option
@click.argument("parts", nargs=-1, required=True, type=click.Path(path_type=Path))
def load_command(db: str, parts: tuple[Path, ...]) -> None:
    """Load exported Parquet PARTS (files or articles/ folders, e.g. from other machines) into the
    database; what is already stored is skipped."""
    from tidings.store.parquet import load_parquet

    with Store.open(db) as store:
        counts = load_parquet(store, parts)
    click.echo(
        f"Loaded {counts['files']:,} files: {counts['new']:,} new articles "
        f"({counts['duplicate']:,} already stored) into {db}",
        err=True,
    )


# -- evaluation ----------------------------------------------------------------------------------


@cli.group("eval")
def eval_group() -> None:
    """Measure tidings against public gold data."""


cli.add_command(events_command)  # tidings events and tidings eval acled live in cli_events.py
eval_group.add_command(eval_acled_command)
for _command in (link_command, stories_command, timeline_command):  # they live in cli_stories.py
    cli.add_command(_command)


def _print_figures(title: str, figures: dict[str, Any], as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(figures, indent=2))
        return
    click.echo(title)
    for key, value in figures.items():
        click.echo(f"  {key:<16} {value}")


def _eval_options(func: F) -> F:
    func = click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")(func)
    func = click.option("--workers", type=click.IntRange(min=1), help="Processes (default: all cores).")(func)
    return click.argument("folder", type=click.Path(path_type=Path))(func)


@eval_group.command("html")
@_eval_options
def eval_html_command(folder: Path, workers: int | None, as_json: bool) -> None:
    """Body-text P/R/F1 of the HTML reader on the article-extraction benchmark in FOLDER."""
    from tidings.eval.html import evaluate_html

    _print_figures(
        "HTML body extraction (token P/R/F1, mean over pages)", evaluate_html(folder, workers), as_json
    )


@eval_group.command("pubdate")
@_eval_options
def eval_pubdate_command(folder: Path, workers: int | None, as_json: bool) -> None:
    """Publication-date accuracy of the HTML reader on htmldate's test set in FOLDER."""
    from tidings.eval.pubdate import evaluate_pubdate

    _print_figures("Publication date from HTML (exact day)", evaluate_pubdate(folder, workers), as_json)


@eval_group.command("entities")
@_eval_options
def eval_entities_command(folder: Path, workers: int | None, as_json: bool) -> None:
    """Person/organisation/location names against MEANTIME in FOLDER: P/R/F1, exact and overlap."""
    from tidings.eval.meantime import evaluate_meantime_entities

    _print_figures(
        "Named entities on MEANTIME (PER, ORG, LOC)", evaluate_meantime_entities(folder, workers), as_json
    )


@eval_group.command("timex")
@_eval_options
@click.option("--meantime", is_flag=True, help="FOLDER is MEANTIME rather than TimeBank/AQUAINT (TimeML).")
@click.option(
    "--half",
    type=click.Choice(["even", "odd"]),
    help="Score every other document in sorted order (error analysis on one half, check on the other).",
)
def eval_timex_command(
    folder: Path, workers: int | None, as_json: bool, meantime: bool, half: str | None
) -> None:
    """Time expressions against TempEval-3's TimeBank+AQUAINT (or MEANTIME) in FOLDER."""
    from tidings.eval.timeml import evaluate_meantime_timex, evaluate_timeml

    suffix = f", {half} half" if half else ""
    if meantime:
        figures = evaluate_meantime_timex(folder, workers, half=half)
        _print_figures(f"Time expressions on MEANTIME{suffix}", figures, as_json)
    else:
        _print_figures(
            f"Time expressions on TimeML (TempEval-3 measures){suffix}",
            evaluate_timeml(folder, workers, half=half),
            as_json,
        )


@eval_group.command("attributions")
@_eval_options
@click.option("--split", default="dev", show_default=True, help="PolNeAR split to score.")
def eval_attributions_command(folder: Path, workers: int | None, as_json: bool, split: str) -> None:
    """Sources, cues and contents of attributions against PolNeAR in FOLDER (overlap and exact F1)."""
    from tidings.eval.polnear import evaluate_polnear

    _print_figures(f"Attributions on PolNeAR {split}", evaluate_polnear(folder, split, workers), as_json)


@eval_group.command("geo")
@_eval_options
@click.option(
    "--mode",
    type=click.Choice(["gold", "e2e"]),
    default="gold",
    show_default=True,
    help="gold: resolve the gold toponym spans; e2e: NER + resolution from the raw text.",
)
def eval_geo_command(folder: Path, workers: int | None, as_json: bool, mode: str) -> None:
    """Toponym resolution: a Gritta XML file (GeoVirus, LGL, TR-News) or the GeoWebNews folder."""
    from tidings.eval.geo import evaluate_geo

    _print_figures(f"Toponym resolution ({mode})", evaluate_geo(folder, mode, workers), as_json)


@eval_group.command("event-location")
@_eval_options
def eval_event_location_command(folder: Path, workers: int | None, as_json: bool) -> None:
    """Event location on the event-location data (adjudicated RELABEL rows) in FOLDER."""
    from tidings.eval.geo import evaluate_event_location

    _print_figures(
        "Event location (share of events placed right)", evaluate_event_location(folder, workers), as_json
    )


@eval_group.command("factuality")
@_eval_options
def eval_factuality_command(folder: Path, workers: int | None, as_json: bool) -> None:
    """Polarity, certainty and tense of MEANTIME's gold event mentions in FOLDER, with a baseline."""
    from tidings.eval.factuality import evaluate_factuality, summary_lines

    result = evaluate_factuality(folder, workers)
    if as_json:
        click.echo(json.dumps(result, indent=2))
    else:
        click.echo("\n".join(summary_lines(result)))


@eval_group.command("plover")
@_eval_options
def eval_plover_command(folder: Path, workers: int | None, as_json: bool) -> None:
    """Event type accuracy and macro-F1, actor and recipient F1 on the PLOVER gold records in FOLDER."""
    from tidings.eval.plover import evaluate_plover

    _print_figures(
        "PLOVER gold records (event type, actors, recipients)", evaluate_plover(folder, workers), as_json
    )


@eval_group.command("ecb")
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--meantime", is_flag=True, help="FOLDER is MEANTIME: its cross-document event chains.")
@click.option("--test-only", is_flag=True, help="ECB+: score the test topics 36-45 only (faster).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def eval_ecb_command(folder: Path, meantime: bool, test_only: bool, as_json: bool) -> None:
    """Document clustering and cross-document event coreference on ECB+ (or MEANTIME) in FOLDER."""
    from tidings.eval.ecb import evaluate_ecb, evaluate_meantime_coref, summary_lines

    result = evaluate_meantime_coref(folder) if meantime else evaluate_ecb(folder, all_topics=not test_only)
    click.echo(json.dumps(result, indent=2) if as_json else "\n".join(summary_lines(result)))


# -- places --------------------------------------------------------------------------------------


@cli.group("gazetteer")
def gazetteer_group() -> None:
    """The offline gazetteer (GeoNames data from PyPI packages, compiled into SQLite)."""


@gazetteer_group.command("build")
@click.option(
    "--path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write it (default: $TIDINGS_GAZETTEER or ~/.cache/tidings/).",
)
def gazetteer_build_command(path: Path | None) -> None:
    """Compile the gazetteer (about a minute); an existing file is replaced atomically."""
    import time

    from tidings.geo import build_gazetteer
    from tidings.geo.gazetteer import Gazetteer

    started = time.monotonic()
    target = build_gazetteer(path)
    places = int(Gazetteer(target).meta()["places"])
    size = target.stat().st_size / 1e6
    click.echo(f"{target}: {places:,} places, {size:.0f} MB, built in {time.monotonic() - started:.0f} s")


@cli.command("geocode")
@click.argument("name")
@click.option("--country", help="Favour places in this country (ISO3 code or country name).")
@click.option("--json", "as_json", is_flag=True, help="Print the candidates as JSON.")
def geocode_command(name: str, country: str | None, as_json: bool) -> None:
    """Ranked gazetteer candidates for one place name, e.g. tidings geocode "Najaf"."""
    from tidings.geo import geocode

    rows = geocode(name, country_hint=country)
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        raise TidingsError(
            f"no place named {name!r} in the gazetteer",
            hint="check the spelling; a street or building is not in the gazetteer",
        )
    for row in rows:
        where = ", ".join(x for x in (row["name"], row["admin1"], row["country"]) if x)
        click.echo(
            f"{row['geonameid'] or '-':>9}  {where}  {row['feature']}  {row['lat']:.4f},{row['lon']:.4f}  "
            f"pop {row['population']:,}  ({row['match']})"
        )


# -- entry point ---------------------------------------------------------------------------------


def _error(message: str, hint: str | None) -> None:
    click.echo(f"Error: {message}", err=True)
    if hint:
        click.echo(f"Hint: {hint}", err=True)


#: Exit code after Ctrl-C (128 + SIGINT, as shells report it).
EXIT_INTERRUPTED = 130
_INTERRUPTED = "Error: interrupted; whole batches already stored are kept, rerun to complete"


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; turn every error into an ``Error:`` line and an exit code, never a traceback."""
    try:
        code = cli.main(args=argv, prog_name="tidings", standalone_mode=False)
    except click.exceptions.Exit as exc:
        code = exc.exit_code
    except click.Abort as exc:
        if isinstance(exc.__context__, KeyboardInterrupt):  # click turns Ctrl-C into Abort
            click.echo(_INTERRUPTED, err=True)
            code = EXIT_INTERRUPTED
        else:
            click.echo("Aborted.", err=True)
            code = EXIT_ERROR
    except click.UsageError as exc:
        exc.show()
        code = EXIT_USAGE
    except click.ClickException as exc:
        exc.show()
        code = exc.exit_code
    except TidingsError as exc:
        _error(exc.message, exc.hint)
        code = exc.code
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = EXIT_OK
    except KeyboardInterrupt:
        click.echo(_INTERRUPTED, err=True)
        code = EXIT_INTERRUPTED
    except Exception as exc:  # noqa: BLE001 - the last line of defence: never show a traceback
        _error(
            f"internal error: {type(exc).__name__}: {exc}",
            "please report this; set TIDINGS_DEBUG=1 to see the traceback",
        )
        if os.environ.get("TIDINGS_DEBUG"):
            traceback.print_exc()
        code = EXIT_ERROR
    sys.exit(code if isinstance(code, int) else EXIT_OK)
