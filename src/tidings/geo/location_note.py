"""The note's place for events the parse placed nowhere.

An ACLED-style note reports one event at one location ("Russian forces struck Kharkiv city with
guided aerial bombs", "gangs attacked the National Penitentiary in Port-au-Prince"). When the
sentence parse gives an event no place although the note names one, the event takes the note's
most specific resolved place: a town before a district, a district before a region, a region
before a country. Demonyms ("Russian forces") name actors, not places, and are never taken.
Among equally specific places, one in the event's own sentences wins, else the first mentioned.
An event placed at a region whose name the note follows by "city" ("near Kherson city") is placed
at the town of that name inside the region.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from tidings.geo.normalize import normalize

if TYPE_CHECKING:
    from tidings.geo.gazetteer import Gazetteer

#: ACLED geo precision by the resolved place's precision: 1 a town, 2 a district, 3 wider.
_GEO = {"sub-city": 1, "city": 1, "admin2": 2, "admin1": 3, "country": 3}
_RANK = {"sub-city": 0, "city": 0, "admin2": 1, "admin1": 2, "country": 3}
#: Entity labels of names that stand for people, not places ("Russian forces").
_PEOPLE_LABELS = frozenset({"NORP", "PERSON", "ORG"})


def note_place(
    places: list[dict[str, Any]] | None, spans: list[tuple[int, int]] | None = None
) -> dict[str, Any] | None:
    """The event location (as :func:`tidings.geo.location.event_location` shapes it) of the
    note's most specific resolved place, preferring one inside ``spans`` (the event's sentences),
    or ``None`` when the note names no resolved place (demonyms and unresolved names don't
    count)."""
    best: tuple[tuple[int, int, int], dict[str, Any]] | None = None
    for place in places or []:
        if not isinstance(place, dict) or not place.get("resolved"):
            continue
        if place.get("label") in _PEOPLE_LABELS or place.get("precision") not in _RANK:
            continue
        lat, lon, start = place.get("lat"), place.get("lon"), place.get("start")
        if not isinstance(lat, int | float) or not isinstance(lon, int | float):
            continue
        if not isinstance(start, int):
            continue
        inside = any(s <= start < e for s, e in spans or [])
        key = (_RANK[place["precision"]], 0 if inside else 1, start)
        if best is None or key < best[0]:
            best = (key, place)
    if best is None:
        return None
    place = best[1]
    return {
        "geonameid": place.get("geonameid"),
        "name": place.get("name"),
        "lat": place["lat"],
        "lon": place["lon"],
        "country": place.get("country"),
        "admin1": place.get("admin1"),
        "precision": place["precision"],
        "geo_precision": _GEO[place["precision"]],
        "start": place["start"],
        "end": place.get("end"),
    }


def place_unplaced(
    events: list[dict[str, Any]],
    places: list[dict[str, Any]] | None,
    sentences: Any = None,
) -> None:
    """Give each event without a location the note's place (:func:`note_place`), in place.
    ``sentences`` maps an event to its sentence spans (default: none known)."""
    for event in events:
        if not isinstance(event, dict) or event.get("location"):
            continue
        spans = sentences(event) if callable(sentences) else None
        location = note_place(places, spans)
        if location is not None:
            event["location"] = location


#: "Kherson city", "Kharkiv city": the name before it is the town, not the region of its name.
_CITY_WORD = re.compile(r"\s+(?:city|town)\b", re.IGNORECASE)
_TOWN_FEATURES = ("PPL", "PPLA", "PPLA2", "PPLA3", "PPLA4", "PPLC", "PPLX", "PPLL")


def city_of_region(text: str, events: list[dict[str, Any]], gaz: Gazetteer) -> None:
    """Events placed at a region whose name the note follows by "city" ("a field near Kherson
    city") are placed at the town of that name inside the region (in place); without such a
    town, or without the word, the region stays."""
    for event in events:
        loc = event.get("location") if isinstance(event, dict) else None
        if not isinstance(loc, dict) or loc.get("precision") not in ("admin1", "admin2"):
            continue
        start, end, area_id = loc.get("start"), loc.get("end"), loc.get("geonameid")
        if not isinstance(start, int) or not isinstance(end, int) or not isinstance(area_id, int):
            continue
        if not 0 <= start < end <= len(text) or not _CITY_WORD.match(text, end):
            continue
        key = normalize(text[start:end])
        towns = (
            [
                c.place
                for c in gaz.lookup(key)
                if c.place.feature in _TOWN_FEATURES and area_id in gaz.chain_ids(c.place)[0]
            ]
            if key
            else []
        )
        if towns:
            town = max(towns, key=lambda p: p.population)
            event["location"] = {
                **loc,
                "geonameid": town.id,
                "name": town.name,
                "lat": town.lat,
                "lon": town.lon,
                "country": town.country,
                "precision": "city",
                "geo_precision": 1,
            }
