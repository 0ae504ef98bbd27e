"""Places of ACLED-style notes named in plain words: an event the parse placed nowhere takes the
note's own place (:mod:`tidings.geo.location_note`), and a region spelled with a single or doubled
digraph still anchors its town (:func:`tidings.events.acled_notes._lookup`).

Every note below was written for these tests (invented events, real place names).
"""

from __future__ import annotations

from functools import partial
from typing import Any

from conftest import acled_coded
from tidings.eval.geo import haversine_km
from tidings.events.acled_notes import _digraph_forms, _lookup
from tidings.geo.gazetteer import load
from tidings.geo.location_note import note_place, place_unplaced

_coded = partial(acled_coded, day="2024-03-05")


def _km(row: dict[str, Any], lat: float, lon: float) -> float:
    assert row["latitude"] and row["longitude"], row
    return haversine_km(float(row["latitude"]), float(row["longitude"]), lat, lon)


def _place(text: str, start: int, precision: str, label: str = "GPE", **extra: Any) -> dict[str, Any]:
    return {
        "start": start,
        "end": start + len(text),
        "text": text,
        "label": label,
        "name": text,
        "lat": 10.0 + start,
        "lon": 20.0,
        "country": "XXX",
        "precision": precision,
        "resolved": True,
        **extra,
    }


# -- the note's place for an event placed nowhere ----------------------------------------------------


def test_an_event_placed_nowhere_takes_the_most_specific_place_of_the_note() -> None:
    places = [
        _place("Ruritania", 0, "country"),
        _place("Strelsau", 30, "city"),
        _place("Zenda", 50, "admin1"),
    ]
    found = note_place(places)
    assert found is not None and found["name"] == "Strelsau" and found["geo_precision"] == 1


def test_demonyms_and_unresolved_names_are_not_the_note_place() -> None:
    places = [
        _place("Russian", 0, "country", label="NORP"),
        _place("Foo", 20, "city", resolved=False),
        _place("Bar", 30, "city", lat=None),
    ]
    assert note_place(places) is None
    assert note_place([*places, _place("Ukraine", 40, "country")])["name"] == "Ukraine"


def test_a_place_in_the_events_sentence_wins_among_equals() -> None:
    places = [_place("Alpha", 5, "city"), _place("Beta", 60, "city")]
    assert note_place(places)["name"] == "Alpha"
    assert note_place(places, [(50, 90)])["name"] == "Beta"


def test_only_events_without_a_location_are_placed() -> None:
    kept = {"location": {"name": "Kept"}}
    bare: dict[str, Any] = {"location": None}
    place_unplaced([kept, bare, "junk"], [_place("Alpha", 5, "city")])  # type: ignore[list-item]
    assert kept["location"] == {"name": "Kept"}
    assert bare["location"]["name"] == "Alpha"
    place_unplaced([bare], None)
    place_unplaced([], [{"bad": 1}, None])  # type: ignore[list-item]


def test_a_city_named_as_such_places_the_strike() -> None:
    row = _coded(
        "On 5 March 2024, Russian forces struck Odesa city with drones; a warehouse was hit and "
        "3 people were injured. No fatalities reported."
    )
    assert _km(row, 46.48, 30.73) <= 25.0


def test_a_facility_in_a_town_places_the_attack_in_the_town() -> None:
    row = _coded(
        "On 5 March 2024, gunmen attacked the central prison in Kananga and freed dozens of "
        "inmates after a gunfight with guards. At least 4 people were killed."
    )
    assert _km(row, -5.90, 22.42) <= 25.0


# -- digraph spellings of areas ------------------------------------------------------------------


def test_digraph_forms_double_or_single_a_digraph() -> None:
    assert "zaporizhzhia" in _digraph_forms("zaporizhia")
    assert "zaporizhia" in _digraph_forms("zaporizhzhia")
    assert _digraph_forms("gao") == []
    assert _digraph_forms("") == []


def test_a_region_spelled_with_a_single_digraph_anchors_its_town() -> None:
    gaz = load()
    assert any(p.country == "UKR" for p in _lookup(gaz, "Zaporizhia"))
    assert _lookup(gaz, "Zqxwv") == []
    row = _coded(
        "On 5 March 2024, Russian forces shelled Huliaipole (Polohivskyi, Zaporizhia). 1 civilian killed."
    )
    assert _km(row, 47.66, 36.26) <= 25.0


# -- ACLED's "City - District" sub-city names -----------------------------------------------------


def test_a_sub_city_name_is_placed_in_its_city() -> None:
    from tidings.events.acled_notes import hierarchy_mentions, resolve

    gaz = load()
    # the areas alone would give the state's centre, far from its capital
    text = "On 5 March 2024, students rallied in Sao Paulo - Pinheiros (Sao Paulo, Sao Paulo)."
    found = [resolve(m, gaz) for m in hierarchy_mentions(text)]
    assert found and found[0] is not None
    assert haversine_km(found[0]["lat"], found[0]["lon"], -23.55, -46.66) <= 25.0
    # a dash with no sub-city resolving falls back to the city before it
    text = "On 5 March 2024, students rallied in Nairobi - Qzxwv (Nairobi, Nairobi) against fees."
    found = [resolve(m, gaz) for m in hierarchy_mentions(text)]
    assert found and found[0] is not None
    assert haversine_km(found[0]["lat"], found[0]["lon"], -1.29, 36.82) <= 25.0


# -- "X city" after a region's name -----------------------------------------------------------------


def _region_event(text: str, name: str) -> dict[str, Any]:
    gaz = load()
    region = next(c.place for c in gaz.lookup(name.lower()) if c.place.feature == "ADM1")
    start = text.index(name)
    return {
        "location": {
            "geonameid": region.id,
            "name": region.name,
            "lat": region.lat,
            "lon": region.lon,
            "precision": "admin1",
            "start": start,
            "end": start + len(name),
        }
    }


def test_a_region_name_followed_by_city_is_the_city() -> None:
    from tidings.geo.location_note import city_of_region

    text = "A landmine exploded near Kherson city, killing a farmer."
    event = _region_event(text, "Kherson")
    city_of_region(text, [event, {}, "junk"], load())  # type: ignore[list-item]
    assert event["location"]["precision"] == "city"
    assert haversine_km(event["location"]["lat"], event["location"]["lon"], 46.64, 32.61) <= 25.0


def test_a_region_name_without_city_stays_the_region() -> None:
    from tidings.geo.location_note import city_of_region

    text = "A landmine exploded in Kherson region, killing a farmer."
    event = _region_event(text, "Kherson")
    before = dict(event["location"])
    city_of_region(text, [event], load())
    assert event["location"] == before


# -- "between X and Y": the ends of a stretch, not the site ------------------------------------------


def _role_of(text: str, trigger: str, name: str, nth: int = 0) -> str:
    from tidings.geo.location_syntax import relation
    from tidings.nlp.model import parse_text

    doc = parse_text(text)
    verb = next(t for t in doc if t.text == trigger)
    place = [t for t in doc if t.text == name][nth]
    return relation(verb, place).role


def _detour_of(text: str, trigger: str, name: str, nth: int = 0) -> float:
    from tidings.geo.location_syntax import relation
    from tidings.nlp.model import parse_text

    doc = parse_text(text)
    verb = next(t for t in doc if t.text == trigger)
    return relation(verb, [t for t in doc if t.text == name][nth]).detour


def test_the_ends_of_a_road_are_reference_points_not_the_site() -> None:
    text = "Soldiers defused a bomb on the road between Kano and Zaria."
    assert _role_of(text, "defused", "Kano") == "near"
    text = "Soldiers defused a bomb on the road between Kano and Zaria, just outside Zaria."
    assert _detour_of(text, "defused", "Kano") < _detour_of(text, "defused", "Zaria", 1)
    # a plain locative stays the site
    assert _role_of("Soldiers defused a bomb on a road in Kano.", "defused", "Kano") == "site"


# -- "residents of X": the people of a place act in it -------------------------------------------------


def test_residents_of_a_town_are_located_in_it() -> None:
    text = "Residents of Mekelle held a rally against the curfew."
    assert _role_of(text, "rally", "Mekelle") == "located"
    # people from a place are not placed there
    assert _role_of("Traders from Mekelle held a rally against the curfew.", "rally", "Mekelle") == "origin"


def test_a_town_of_residents_places_their_protest() -> None:
    row = _coded(
        "On 5 March 2024, residents of Dessie, Amhara region, held a demonstration against fuel "
        "shortages. [size=no report]"
    )
    assert _km(row, 11.13, 39.63) <= 25.0


# -- "marching towards X": a destination ---------------------------------------------------------------


def test_the_destination_of_a_march_is_not_its_place() -> None:
    text = "Farmers marching towards Lahore were stopped by police."
    assert _role_of(text, "marching", "Lahore") == "origin"
    # a shell fired towards a town still points at the town
    assert _role_of("Troops fired shells towards Lahore.", "fired", "Lahore") == "near"
