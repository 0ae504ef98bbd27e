"""``tidings link``, ``tidings stories`` and ``tidings timeline``: merged events and stories."""

from __future__ import annotations

import json
from typing import Any

import click

from tidings.errors import EXIT_USAGE, TidingsError
from tidings.store import Store


def _db_option(func: Any) -> Any:
    return click.option(
        "--db", "db", default="tidings.db", show_default=True, envvar="TIDINGS_DB",
        type=click.Path(dir_okay=False), help="SQLite database file (env TIDINGS_DB).",
    )(func)  # fmt: skip


def _rows(store: Store, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cursor = store.connection.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


@click.command("link")
@_db_option
def link_command(db: str) -> None:
    """Link stored events not yet linked into merged events and stories (ingest does this itself)."""
    with Store.open(db) as store:
        counts = store.link()
    click.echo(f"Linked {counts['linked']:,} events in {db}", err=True)


@click.command("stories")
@_db_option
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per story (JSON Lines).")
def stories_command(db: str, limit: int, as_json: bool) -> None:
    """Stories: merged events linked over time by their reports, participants and places."""
    with Store.open(db, readonly=True) as store:
        rows = _rows(
            store,
            "SELECT id, title, first, last, n_events, n_articles FROM stories "
            "ORDER BY n_events DESC, last DESC, id LIMIT ?",
            [limit],
        )
    for row in rows:
        if as_json:
            click.echo(json.dumps(row, ensure_ascii=False))
        else:
            span = f"{row['first'] or '?'} … {row['last'] or '?'}"
            counts = f"{row['n_events']:>4} events {row['n_articles']:>4} articles"
            click.echo(f"{row['id']}  {span:<25} {counts}  {row['title']}")


@click.command("timeline")
@_db_option
@click.option("--story", "story", help="A story id (see tidings stories).")
@click.option("--actor", help="Events whose participants include this name (substring).")
@click.option("--place", help="Events at this place (substring of the place name or country code).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per merged event.")
@click.option("--markdown", is_flag=True, help="A Markdown timeline.")
def timeline_command(
    db: str, story: str | None, actor: str | None, place: str | None, as_json: bool, markdown: bool
) -> None:
    """Merged events in date order for a story, an actor or a place, each with its reports."""
    chosen = [name for name, value in (("--story", story), ("--actor", actor), ("--place", place)) if value]
    if len(chosen) != 1:
        raise TidingsError(
            "give exactly one of --story, --actor or --place", hint="e.g. --actor Kadhimi", code=EXIT_USAGE
        )
    if story:
        where, params = "m.story_id = ?", [story]
    elif actor:
        where, params = "lower(m.participants) LIKE ?", [f"%{actor.lower()}%"]
    else:
        where, params = (
            "(lower(m.location) LIKE ? OR m.country = ?)",
            [f"%{(place or '').lower()}%", (place or "").upper()],
        )
    with Store.open(db, readonly=True) as store:
        rows = _rows(
            store,
            "SELECT m.id, m.type, m.date, m.date_start, m.location, m.country, m.n_articles, m.n_sources, "
            "m.sources, m.details, m.story_id, e.notes FROM merged_events m "
            f"LEFT JOIN events e ON e.id = m.representative WHERE {where} "
            "ORDER BY m.date_start IS NULL, m.date_start, m.id",
            params,
        )
    if not rows and story:
        raise TidingsError(f"no story {story} in {db}", hint="list them with: tidings stories --db FILE")
    if markdown:
        click.echo(f"# Timeline ({chosen[0][2:]}: {story or actor or place})\n")
    for row in rows:
        row["sources"] = json.loads(row["sources"] or "{}")
        row["details"] = json.loads(row["details"] or "{}")
        if as_json:
            click.echo(json.dumps(row, ensure_ascii=False))
            continue
        where_text = f" in {row['location']}" if row["location"] else ""
        outlets = ", ".join(row["sources"].get("outlets", []))
        head = f"{row['date'] or 'undated'} · {row['type']}{where_text} · {row['n_articles']} article(s)"
        head += f": {outlets}" if outlets else ""
        note = " ".join((row["notes"] or "").split())[:200]
        if markdown:
            click.echo(f"- **{head}**  \n  {note}")
        else:
            click.echo(f"{head}\n    {note}")
