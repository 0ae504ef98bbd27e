"""World regions in the gazetteer: placed where their people live, named apart from countries."""

from __future__ import annotations

import math

import pytest

from tidings.geo.build import build_gazetteer, region_shaped
from tidings.geo.gazetteer import Gazetteer
from tidings.geo.normalize import normalize


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


@pytest.fixture(scope="module")
def regions(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    """A slice of Eastern Europe (with Russia's large empty area) and of Middle Africa."""
    path = tmp_path_factory.mktemp("regions") / "g.sqlite"
    return Gazetteer(build_gazetteer(path, limit_countries=["RU", "PL", "UA", "BY", "CF", "CM", "CD"]))


def test_a_region_sits_where_its_people_live_not_in_its_largest_empty_area(regions: Gazetteer) -> None:
    (cand,) = [c for c in regions.lookup(normalize("Eastern Europe")) if c.place.feature == "RGN"]
    place = cand.place
    assert place.lon < 45.0 and place.lat < 58.0  # not in Siberia
    assert _km(place.lat, place.lon, 50.45, 30.52) < 1200  # within reach of Kyiv


def test_a_regions_name_is_no_alias_of_a_country(regions: Gazetteer) -> None:
    found = regions.lookup(normalize("Central Africa"))
    assert found and all(c.place.feature == "RGN" for c in found)
    assert found[0].place.name == "Middle Africa"
    car = [c for c in regions.lookup(normalize("Central African Republic")) if c.place.feature == "PCLI"]
    assert car and car[0].place.country == "CAF"


@pytest.mark.parametrize(
    ("name", "shaped"),
    [
        ("Central Africa", True),
        ("Eastern  Europe", True),
        ("south asia", True),
        ("South Africa", True),  # region-shaped: kept only as a country's own name, never an alias
        ("Central African Republic", False),
        ("East Timor", False),
        ("", False),
        ("x" * 10_000, False),
    ],
)
def test_region_shaped_names(name: str, shaped: bool) -> None:
    assert region_shaped(name) is shaped


def test_the_real_gazetteer_keeps_south_africa_a_country() -> None:
    from tidings.geo import geocode

    assert geocode("South Africa")[0]["country"] == "ZAF"
    assert geocode("Southern Africa")[0]["feature"] == "RGN"
