"""Writing stored events out: flat rows (JSON, CSV, table), GeoJSON and ACLED-compatible CSV.

The ACLED CSV has ACLED's public export columns in their order, so a script written for an ACLED
download reads it unchanged. How the fields are filled:

- ``event_date`` is the first day the event's date covers (``2021-11`` → ``2021-11-01``), with
  ``time_precision`` 1 for a day, 2 for a week, 3 for anything coarser. An event without a date
  gets the article's date with precision 3 (the record contract dates such events by the article).
- ``actor1``/``assoc_actor_1`` are the first and the other actors, ``actor2``/``assoc_actor_2`` the
  recipients. As ACLED names them, the acting crowd of a protest is ``Protesters (Country)``, of a
  riot ``Rioters (Country)``, civilian victims ``Civilians (Country)`` (also when violence against
  civilians names no victim: ACLED's type says who they are), and unidentified
  perpetrators ``Unidentified Armed Group (Country)``, a country's soldiers or police named by
  their kind ("Nigerian troops", "riot police") ``Military Forces of Country`` or ``Police Forces of
  Country`` (without ACLED's regime years); the specific names move to the ``assoc_`` column.
- ``inter1``/``inter2`` follow ACLED's codes from the actor's sector (1 state forces, 2 rebel
  groups, 3 political militias, 4 identity militias, 5 rioters, 6 protesters, 7 civilians,
  8 external/other forces); ``interaction`` is ACLED's two-digit code (the smaller code first, ``X0``
  for an actor acting alone).
- ``fatalities`` is the killed count, 0 when not reported (as ACLED codes it); ``source`` the
  sources backing the event joined by "; " (the outlet when none is named); ``notes`` the evidence
  sentences.

Events that did not happen as reported news (``aux`` historical, future, hypothetical or negated)
are left out unless asked for, since ACLED codes only events that happened; events with no ACLED
event type cannot be coded and are always left out.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any, TextIO

from tidings.store.countries import country

#: ACLED's export columns, in ACLED's order.
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)  # fmt: skip

#: The columns of ``tidings events`` rows (CSV, JSON); JSON adds ``modes``, ``contexts``, ``event``.
EVENT_COLUMNS = (
    "id", "article_id", "published", "date", "date_precision", "date_source", "type", "event_type",
    "sub_event_type", "disorder_type", "location", "admin1", "country", "geonameid", "lat", "lon",
    "geo_precision", "actors", "actor_sectors", "recipients", "recipient_sectors", "killed",
    "injured", "arrested", "status", "aux", "certainty", "claimed_by", "sources", "confidence",
    "trigger", "notes",
)  # fmt: skip

#: ``aux`` values of events that ACLED would not code as having happened.
NOT_HAPPENED = frozenset({"historical", "future", "hypothetical", "negated"})

_STATE = {"GOV": 1, "MIL": 1, "POL": 1}
#: Words of armed men that no name identifies ("unidentified gunmen", "armed men", "bandits").
_ANONYMOUS = frozenset(
    {"gunmen", "gunman", "unidentified", "unknown", "armed", "assailants", "attackers", "bandits"}
)
#: ACLED's names of a country's state forces ("Military Forces of Nigeria", without the regime years).
_STATE_FORCES = {"MIL": "Military Forces of", "POL": "Police Forces of"}
_SECTOR_INTER = {**_STATE, "REB": 2, "PTY": 3, "UNK": 3, "CVL": 7, "MED": 7, "NGO": 7, "IGO": 8}
_IDENTITY = ("ethnic", "tribal", "tribe", "clan", "communal")
_MILITIA = ("militia", "militiamen", "vigilante")
_TIME_PRECISION = {"day": 1, "week": 2}
_TARGETING = frozenset({"Violence against civilians", "Explosions/Remote violence", "Riots"})
_DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
_DISORDER_SUB = {
    "Excessive force against protesters": "Political violence; Demonstrations",
    "Mob violence": "Political violence",
}


def event_row(row: dict[str, Any]) -> dict[str, Any]:
    """A stored event as a flat row of :data:`EVENT_COLUMNS`."""
    return {column: row.get(column) for column in EVENT_COLUMNS}


def event_json(row: dict[str, Any]) -> dict[str, Any]:
    """A stored event for JSON output: the flat row plus modes, contexts and the resolved event."""
    detail = row.get("detail") or {}
    return {
        **event_row(row),
        "modes": detail.get("modes") or [],
        "contexts": detail.get("contexts") or [],
        "event": detail,
    }


# -- ACLED ---------------------------------------------------------------------------------------


def happened(row: dict[str, Any]) -> bool:
    """Whether ACLED would code the event: not background, planned, hypothetical or negated."""
    return (row.get("aux") or None) not in NOT_HAPPENED


def acled_row(row: dict[str, Any]) -> dict[str, Any] | None:
    """The ACLED CSV row of a stored event, or ``None`` when it has no ACLED event type."""
    event_type = row.get("event_type")
    if not event_type:
        return None
    sub_event_type = row.get("sub_event_type") or ""
    detail = row.get("detail") or {}
    nation = country(row.get("country"))
    event_date, precision = _acled_date(row)
    doers = [a for a in detail.get("actors") or [] if isinstance(a, dict)]
    targets = [a for a in detail.get("recipients") or [] if isinstance(a, dict)]
    actor1, assoc1, inter1 = _acled_actor(doers, 1, event_type, nation.name if nation else None)
    actor2, assoc2, inter2 = _acled_actor(targets, 2, event_type, nation.name if nation else None)
    disorder = row.get("disorder_type") or _DISORDER_SUB.get(sub_event_type) or _DISORDER.get(event_type, "")
    lat, lon = row.get("lat"), row.get("lon")
    return {
        "event_id_cnty": f"{row.get('country') or 'XXX'}-{row['id']}",
        "event_date": event_date,
        "year": event_date[:4],
        "time_precision": precision,
        "disorder_type": disorder,
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor1": actor1,
        "assoc_actor_1": assoc1,
        "inter1": inter1 if inter1 is not None else "",
        "actor2": actor2,
        "assoc_actor_2": assoc2,
        "inter2": inter2 if inter2 is not None else "",
        "interaction": interaction(inter1, inter2) if inter1 is not None else "",
        "civilian_targeting": "Civilian targeting" if inter2 == 7 and event_type in _TARGETING else "",
        "iso": nation.numeric if nation and nation.numeric is not None else "",
        "region": nation.region if nation else "",
        "country": nation.name if nation else (row.get("country") or ""),
        "admin1": row.get("admin1") or "",
        "admin2": "",
        "admin3": "",
        "location": row.get("location") or "",
        "latitude": f"{lat:.4f}" if lat is not None else "",
        "longitude": f"{lon:.4f}" if lon is not None else "",
        "geo_precision": row.get("geo_precision") or "",
        "source": row.get("sources") or row.get("outlet") or "",
        "source_scale": "",
        "notes": row.get("notes") or "",
        "fatalities": row.get("killed") or 0,
        "tags": "",
        "timestamp": _timestamp(row.get("analyzed_at")),
    }


def write_acled_csv(rows: Iterable[dict[str, Any]], out: TextIO, *, include_all: bool = False) -> int:
    """Write events as ACLED CSV (header first); returns the number of rows written."""
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    written = 0
    for row in rows:
        if not include_all and not happened(row):
            continue
        coded = acled_row(row)
        if coded is not None:
            writer.writerow(coded)
            written += 1
    return written


def inter_code(actor: dict[str, Any], role: int, event_type: str) -> int | None:
    """ACLED's inter code of an actor acting as actor1 (``role`` 1) or actor2 (2), else ``None``."""
    if role == 1 and event_type == "Protests":
        return 6
    if role == 1 and event_type == "Riots":
        return 5
    if role == 2 and event_type == "Violence against civilians":
        return 7
    sector = str(actor.get("sector") or "").upper()
    words = f"{actor.get('name') or ''} {actor.get('role') or ''}".lower()
    if sector in ("REB", "UNK", "") and any(w in words for w in _IDENTITY):
        return 4
    if sector == "REB" and any(w in words for w in _MILITIA):
        return 3
    if sector in _SECTOR_INTER:
        return _SECTOR_INTER[sector]
    return None


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction code: the two inter codes, smaller first; ``X0`` for a sole actor."""
    if inter1 is None:
        return None
    if not inter2:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def _acled_actor(
    actors: list[dict[str, Any]], role: int, event_type: str, place_country: str | None
) -> tuple[str, str, int | None]:
    """``(actor, assoc_actor, inter)`` of one side of an event, named as ACLED names them."""
    if not actors:
        if role == 1 and event_type in ("Protests", "Riots"):
            crowd = "Protesters" if event_type == "Protests" else "Rioters"
            return _label(crowd, place_country), "", inter_code({}, 1, event_type)
        if role == 2 and event_type == "Violence against civilians":
            return _label("Civilians", place_country), "", 7
        return "", "", None
    first = actors[0]
    inter = inter_code(first, role, event_type)
    names = [str(a.get("name") or "") for a in actors]
    home = country(first.get("country"))
    where = home.name if home else place_country
    generic = {6: "Protesters", 5: "Rioters", 7: "Civilians"}.get(inter or 0)
    sector = str(first.get("sector") or "").upper()
    words = names[0].split()
    if sector == "UNK" and inter == 3:
        generic = "Unidentified Armed Group"
    elif sector == "REB" and inter == 2 and names[0] == names[0].lower() and _ANONYMOUS & set(words):
        # "gunmen", "armed men", "bandits": armed men no name identifies, as ACLED codes them
        generic, inter = "Unidentified Armed Group", 3
    if generic:
        return _label(generic, where), _joined(names), inter
    state = _STATE_FORCES.get(sector)
    if state and where and words and words[-1][:1].islower():
        # "Nigerian troops", "the Sudanese army", "police" (not "Sudanese Armed Forces", a force's
        # own name): ACLED's name for the country's forces, the words kept beside
        return f"{state} {where}", _joined(names), inter
    return names[0], _joined(names[1:]), inter


def _label(generic: str, where: str | None) -> str:
    return f"{generic} ({where})" if where else generic


def _joined(names: list[str]) -> str:
    return "; ".join(dict.fromkeys(n for n in names if n))


def _acled_date(row: dict[str, Any]) -> tuple[str, int | str]:
    start = row.get("date_start")
    if start:
        precision = _TIME_PRECISION.get(str(row.get("date_precision") or "").lower())
        if precision is None:
            precision = 1 if start == row.get("date_end") else 3
        return start, precision
    published = str(row.get("published") or "")[:10]
    return (published, 3) if published else ("", "")


def _timestamp(value: Any) -> int | str:
    try:
        return int(datetime.fromisoformat(str(value)).timestamp())
    except ValueError:
        return ""


# -- GeoJSON ---------------------------------------------------------------------------------------


def write_geojson(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Write events as one RFC 7946 FeatureCollection (``[lon, lat]``; no place → null geometry)."""
    out.write('{"type": "FeatureCollection", "features": [')
    written = 0
    for row in rows:
        lat, lon = row.get("lat"), row.get("lon")
        geometry = (
            {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]}
            if lat is not None and lon is not None
            else None
        )
        feature = {"type": "Feature", "id": row["id"], "geometry": geometry, "properties": event_row(row)}
        out.write(("," if written else "") + "\n" + json.dumps(feature, ensure_ascii=False))
        written += 1
    out.write("\n]}\n")
    return written
