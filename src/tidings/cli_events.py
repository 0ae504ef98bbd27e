"""``tidings events`` and ``tidings eval acled``: stored events out, and the coder against ACLED.

Registered on the command group in :mod:`tidings.cli`; the helpers shared with the other commands
(output switch, table, figures) are imported from there when a command runs.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import click

from tidings.errors import EXIT_USAGE, TidingsError

_DAY = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_TABLE = ("id", "date", "type", "acled", "place", "actors", "recipients", "killed", "status")


def _date_bound(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """``--since``/``--until``: a day, a month or a year (a month or year means its first or last day)."""
    from tidings.store.events import date_range

    if value is None:
        return None
    start, end = date_range(value) if _DAY.match(value) else (None, None)
    if start is None or end is None:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD, YYYY-MM or YYYY")
    return start if param.name == "since" else end


@click.command("events")
@click.option(
    "--db",
    default="tidings.db",
    show_default=True,
    envvar="TIDINGS_DB",
    type=click.Path(dir_okay=False),
    help="SQLite database file (env TIDINGS_DB).",
)
@click.option("--type", "plover_type", metavar="PLOVER", help="PLOVER event type, e.g. ASSAULT.")
@click.option("--acled-type", metavar="T", help="ACLED event type or sub-event type, e.g. Protests.")
@click.option("--country", metavar="ISO3", help="Country of the event's place (ISO3 code or name).")
@click.option("--since", callback=_date_bound, metavar="D", help="Events on or after D (YYYY[-MM[-DD]]).")
@click.option("--until", callback=_date_bound, metavar="D", help="Events on or before D (YYYY[-MM[-DD]]).")
@click.option("--actor", metavar="NAME", help="Actors or recipients whose name contains NAME.")
@click.option("--place", metavar="NAME", help="Place or first-level region whose name contains NAME.")
@click.option("--search", "-s", metavar="TEXT", help="Words that must all occur in the evidence or names.")
@click.option("--limit", "-n", type=click.IntRange(min=0), help="At most this many events.")
@click.option("--json", "output", flag_value="json", help="A JSON array.")
@click.option("--nl", "output", flag_value="nl", help="JSON Lines: one event per line.")
@click.option("--csv", "output", flag_value="csv", help="CSV with a header row.")
@click.option("--geojson", "output", flag_value="geojson", help="A GeoJSON FeatureCollection.")
@click.option("--acled", "output", flag_value="acled", help="ACLED-compatible CSV.")
@click.option("--table", "output", flag_value="table", default=True, help="A table (default).")
@click.option(
    "--all",
    "include_all",
    is_flag=True,
    help="With --acled, also historical, planned, hypothetical and negated events.",
)
def events_command(
    db: str,
    plover_type: str | None,
    acled_type: str | None,
    country: str | None,
    since: str | None,
    until: str | None,
    actor: str | None,
    place: str | None,
    search: str | None,
    limit: int | None,
    output: str,
    include_all: bool,
) -> None:
    """List stored events, latest first: date, type, ACLED types, place, actors, size, status.

    --acled writes ACLED's export columns, so scripts written for ACLED downloads read it unchanged;
    it leaves out events that did not happen as news (background, planned, hypothetical, negated:
    --all keeps them) and events with no ACLED type.
    """
    from tidings.store import EventFilter, Store
    from tidings.store.countries import to_iso3

    iso3 = None
    if country:
        iso3 = to_iso3(country)
        if iso3 is None:
            raise TidingsError(
                f"unknown country {country!r}",
                hint="give an ISO3 code (IRQ) or an English country name (Iraq)",
                code=EXIT_USAGE,
            )
    if since and until and since > until:
        raise TidingsError(f"--since {since} is after --until {until}", hint="swap them", code=EXIT_USAGE)
    filters = EventFilter(
        type=plover_type,
        acled_type=acled_type,
        country=iso3,
        since=since,
        until=until,
        actor=actor,
        place=place,
        search=search,
        limit=limit,
    )
    with Store.open(db, readonly=True) as store:
        _write_events(store.events(filters), output, include_all)


def _write_events(rows: Any, output: str, include_all: bool) -> None:
    from tidings.cli import _emit, _table
    from tidings.store.exports import EVENT_COLUMNS, event_json, write_acled_csv, write_geojson

    out = click.get_text_stream("stdout")
    rows = list(rows)  # run the query before writing anything, so an error leaves no output
    if output == "acled":
        write_acled_csv(rows, out, include_all=include_all)
    elif output == "geojson":
        write_geojson(rows, out)
    elif output in ("json", "nl"):
        _emit((event_json(row) for row in rows), output, table_columns=(), csv_columns=())
    elif output == "csv":
        _emit(rows, output, table_columns=(), csv_columns=EVENT_COLUMNS)
    else:
        _table([_table_cells(row) for row in rows], _TABLE, out)


def _table_cells(row: dict[str, Any]) -> list[str]:
    place = ", ".join(str(p) for p in (row.get("location"), row.get("country")) if p)
    acled = row.get("sub_event_type") or row.get("event_type") or ""
    status = "/".join(str(s) for s in (row.get("status"), row.get("aux"), row.get("certainty")) if s)
    values = [
        row["id"],
        row.get("date") or "",
        row.get("type") or "",
        acled,
        place,
        row.get("actors") or "",
        row.get("recipients") or "",
        "" if row.get("killed") is None else str(row["killed"]),
        status,
    ]
    return [v if len(v) <= 40 else v[:39] + "…" for v in (" ".join(str(x).split()) for x in values)]


@click.command("acled")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--workers", type=click.IntRange(min=1), help="Processes (default: all cores).")
@click.option("--details", is_flag=True, help="Also print one line per row: gold, predicted, verdicts.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures (and --details rows) as JSON.")
def eval_acled_command(file: Path, workers: int | None, details: bool, as_json: bool) -> None:
    """The event coder against an ACLED export FILE (CSV or TSV, current or older columns).

    Each row's notes are analysed as an article dated the row's event date, and the primary event
    is compared with the row: event and sub-event type, date, location within 25 km, fatalities,
    actor. Rows without notes, with an unreadable date or bad coordinates are counted, not scored.
    """
    from tidings.cli import _print_figures
    from tidings.eval.acled import evaluate_acled

    figures = evaluate_acled(file, workers, details=details)
    rows = figures.pop("details", [])
    if as_json:
        click.echo(json.dumps({**figures, **({"details": rows} if details else {})}, indent=2))
        return
    _print_figures(f"ACLED coding ({file.name})", figures, False)
    for row in rows:
        click.echo("  " + _detail_line(row))


def _detail_line(row: dict[str, Any]) -> str:
    def mark(value: bool | None) -> str:
        return "-" if value is None else ("ok" if value else "NO")

    if row.get("skipped"):
        return f"{row['row']}: skipped ({row['skipped']})"
    gold, pred = row["gold"], row["predicted"] or {}
    km = row.get("km")
    return (
        f"{row['row']}: type {mark(row['event_type'])} {gold['event_type']!r}→{pred.get('event_type')!r}"
        f" · sub {mark(row['sub_event_type'])} {gold['sub_event_type']!r}→{pred.get('sub_event_type')!r}"
        f" · date {mark(row['date'])} {gold['event_date']}→{pred.get('event_date')}"
        f" · place {mark(row['location'])} {'' if km is None else f'{km:.0f} km'}"
        f" · fatalities {mark(row['fatalities'])} {gold['fatalities']}→{pred.get('fatalities')}"
        f" · actor {mark(row['actor'])}"
    )
