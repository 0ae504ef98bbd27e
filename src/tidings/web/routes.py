"""The JSON API: events (``.json``, ``.jsonl``, ``.csv``, ``.geojson``), articles, stories, facets."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse

from tidings.store.events import EventFilter, date_range
from tidings.web import queries
from tidings.web.app import ApiError

router = APIRouter(prefix="/api")

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_ID = re.compile(r"^[\w.:-]{1,200}$")
FORMATS = ("json", "jsonl", "csv", "geojson")
CSV_COLUMNS = (
    "id", "date", "date_precision", "type", "event_type", "sub_event_type", "location", "country",
    "admin1", "lat", "lon", "actors", "recipients", "status", "aux", "certainty", "killed", "injured",
    "arrested", "sources", "article_id", "title",
)  # fmt: skip

Text = Annotated[str | None, Query(max_length=200)]


def _date(name: str, value: str | None) -> str | None:
    """A ``since`` (first day of the period given) or ``until`` (its last day) bound."""
    if value is None or value == "":
        return None
    first, last = date_range(value) if _DATE.match(value) else (None, None)
    if first is None or last is None:
        raise ApiError(400, f"{name}: expected a date YYYY-MM-DD (or YYYY-MM, YYYY), got {value[:40]!r}")
    return first if name == "since" else last


def _event_query(
    since: str | None,
    until: str | None,
    type: str | None,
    acled_type: str | None,
    country: str | None,
    actor: str | None,
    place: str | None,
    q: str | None,
    bbox: str | None,
    story: str | None,
    cursor: str | None,
    limit: int,
    merged: bool = False,
) -> queries.EventQuery:
    try:
        box = queries.parse_bbox(bbox)
    except queries.BadRequest as exc:
        raise ApiError(400, str(exc)) from None
    filters = EventFilter(
        type=type or None,
        acled_type=acled_type or None,
        country=country or None,
        since=_date("since", since),
        until=_date("until", until),
        actor=actor or None,
        place=place or None,
    )
    words = (q or "").strip() or None
    return queries.EventQuery(
        filters=filters, bbox=box, story=story or None, text=words, cursor=cursor, limit=limit, merged=merged
    )


#: Properties of a listed event (``.geojson`` features carry the place's name as ``location``).
EVENT_FIELDS = frozenset(queries.summary({"id": "", "article_id": ""}))


def _fields(value: str | None) -> frozenset[str] | None:
    """The property names of ``fields=`` (None: all); an unknown name is a 400."""
    if not value:
        return None
    names = frozenset(n.strip() for n in value.split(",") if n.strip())
    unknown = sorted(names - EVENT_FIELDS)
    if unknown:
        known = ", ".join(sorted(EVENT_FIELDS))
        raise ApiError(400, f"unknown field {unknown[0][:40]!r}; fields are: {known}")
    return names


def _db(request: Request) -> Any:
    return request.app.state.db.connect()


@router.get("/events", summary="Events matching the filters, latest first (JSON, one page)")
@router.get("/events.{fmt}", summary="Events in JSON, JSON Lines, CSV or GeoJSON")
def events(
    request: Request,
    fmt: str = "json",
    since: Text = None,
    until: Text = None,
    type: Text = None,
    acled_type: Text = None,
    country: Text = None,
    actor: Text = None,
    place: Text = None,
    q: Text = None,
    bbox: Text = None,
    story: Text = None,
    cursor: Annotated[str | None, Query(max_length=400)] = None,
    limit: Annotated[int, Query(ge=1, le=queries.MAX_LIMIT)] = 100,
    merged: bool = False,
    exact_total: bool = False,
    fields: Text = None,
) -> Response:
    """Filters: date range (``since``, ``until``), PLOVER ``type``, ACLED ``acled_type`` (event or
    sub-event type), ``country`` (ISO3), ``actor`` and ``place`` (names, substring), ``q`` (words
    in the article), ``bbox`` (west,south,east,north), ``story``; ``merged=true`` lists one row per
    happening (its first report, with n_articles and n_sources); ``cursor`` from the previous page.

    ``total`` is the number of matching events counted up to 10,000: past that it is 10,000 and
    ``total_exact`` is false (the total is at least that). Counting also stops after a few
    milliseconds on a large store: ``total`` is then the events counted so far (at least those
    listed) and ``total_exact`` false. ``exact_total=true`` counts them all, which takes longer.
    The ``.jsonl`` and ``.csv`` forms give the same in the ``X-Total-Count`` and ``X-Total-Exact``
    headers. Pages follow ``next`` (a keyset cursor on date and row): every page costs the same
    however deep, and no event repeats or is skipped.

    ``fields`` (``.geojson`` only): the feature properties to keep, comma-separated (e.g.
    ``id,type,date,location`` for a map); all of them by default."""
    if fmt not in FORMATS:
        raise ApiError(404, f"unknown format .{fmt[:20]}; use one of: {', '.join('.' + f for f in FORMATS)}")
    query = _event_query(
        since, until, type, acled_type, country, actor, place, q, bbox, story, cursor, limit, merged
    )
    keep = _fields(fields)
    lean = fmt == "geojson" and keep is not None and keep <= queries.LEAN_FIELDS.keys()
    with _db(request) as connection:
        try:
            page = queries.list_events(
                connection, query, exact_total=exact_total, features=keep if lean else None
            )
        except queries.BadRequest as exc:
            raise ApiError(400, str(exc)) from None
    if fmt == "json":
        return JSONResponse({"ok": True, **page})
    if fmt == "jsonl":
        body = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in page["events"])
        return Response(body, media_type="application/x-ndjson", headers=_next_header(page))
    if fmt == "csv":
        return StreamingResponse(
            _csv(page["events"]), media_type="text/csv; charset=utf-8", headers=_next_header(page)
        )
    features = (
        page["features"]
        if lean
        else [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [e["location"]["lon"], e["location"]["lat"]]},
                "properties": {
                    k: v
                    for k, v in {**e, "location": e["location"]["name"]}.items()
                    if keep is None or k in keep
                },
            }
            for e in page["events"]
            if e["location"]
        ]
    )
    return JSONResponse(
        {
            "type": "FeatureCollection",
            "features": features,
            "total": page["total"],
            "total_exact": page["total_exact"],
            "next": page["next"],
        },
        media_type="application/geo+json",
    )


def _next_header(page: dict[str, Any]) -> dict[str, str]:
    headers = {"X-Total-Count": str(page["total"]), "X-Total-Exact": str(page["total_exact"]).lower()}
    if page["next"]:
        headers["X-Next-Cursor"] = page["next"]
    return headers


def _csv(events: list[dict[str, Any]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for event in events:
        location = event["location"] or {}
        flat = {
            **event,
            "location": location.get("name"),
            "country": location.get("country"),
            "admin1": location.get("admin1"),
            "lat": location.get("lat"),
            "lon": location.get("lon"),
            "actors": "; ".join(event["actors"]),
            "recipients": "; ".join(event["recipients"]),
            "sources": "; ".join(event["sources"]),
            **event["size"],
        }
        writer.writerow(["" if flat.get(c) is None else flat.get(c) for c in CSV_COLUMNS])
    yield buffer.getvalue()


def _check_id(name: str, value: str) -> str:
    if not _ID.match(value):
        raise ApiError(400, f"{name}: not a valid id")
    return value


@router.get("/events/{event_id}", summary="One event with its evidence spans, sources and reports")
def event(request: Request, event_id: str) -> JSONResponse:
    with _db(request) as connection:
        found = queries.event_detail(connection, _check_id("event id", event_id))
    if found is None:
        raise ApiError(404, f"no event {event_id}")
    return JSONResponse({"ok": True, **found})


@router.get("/articles/{article_id}", summary="One article with every annotation")
def article(request: Request, article_id: str) -> JSONResponse:
    with _db(request) as connection:
        found = queries.article(connection, _check_id("article id", article_id))
    if found is None:
        raise ApiError(404, f"no article {article_id}")
    return JSONResponse({"ok": True, **found})


@router.get("/facets", summary="Counts of the matching events by type, ACLED type, country and day")
def facets(
    request: Request,
    since: Text = None,
    until: Text = None,
    type: Text = None,
    acled_type: Text = None,
    country: Text = None,
    actor: Text = None,
    place: Text = None,
    q: Text = None,
    bbox: Text = None,
    story: Text = None,
    merged: bool = False,
) -> JSONResponse:
    """The filters of ``/api/events``. Counts cover every matching event when at most 20,000
    match; past that they cover the latest 20,000 (``partial`` true, ``counted`` how many), so the
    answer comes as fast on any store. ``total`` is counted as in ``/api/events`` (up to 10,000,
    ``total_exact`` false past it)."""
    query = _event_query(
        since, until, type, acled_type, country, actor, place, q, bbox, story, None, 1, merged
    )
    with _db(request) as connection:
        return JSONResponse({"ok": True, **queries.facets(connection, query)})


@router.get("/stories", summary="Stories, most recent first")
def stories(request: Request) -> JSONResponse:
    with _db(request) as connection:
        return JSONResponse({"ok": True, "stories": queries.stories(connection)})


@router.get("/stories/{story_id}/timeline", summary="A story's events in date order")
def timeline(request: Request, story_id: str) -> JSONResponse:
    with _db(request) as connection:
        found = queries.timeline(connection, _check_id("story id", story_id))
    if found is None:
        raise ApiError(404, f"no story {story_id}")
    return JSONResponse({"ok": True, **found})
