"""geo/: gazetteer build and loading, lookups, toponym resolution in context, event location.

Every sentence here was written for these tests. The full gazetteer is built once (into the user
cache, or ``$TIDINGS_GAZETTEER``) and reused; only a one-country slice is built per run.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from tidings.errors import TidingsError
from tidings.geo import event_location, geocode, resolve_places, resolve_spans
from tidings.geo.build import SCHEMA_VERSION, build_gazetteer, default_path
from tidings.geo.gazetteer import Gazetteer, open_gazetteer
from tidings.geo.normalize import normalize, variants
from tidings.geo.resolve import Mention


@pytest.fixture(scope="session", autouse=True)
def gazetteer() -> Gazetteer:
    """The real gazetteer: the cached one when it is valid, else built once into the cache."""
    path = default_path()
    try:
        gaz = open_gazetteer(path)
    except TidingsError:
        path.unlink(missing_ok=True)
        gaz = open_gazetteer(path)
    os.environ["TIDINGS_GAZETTEER"] = str(path)
    return gaz


def spans(text: str, *names: str, label: str | None = "GPE") -> list[Mention]:
    """Mentions of ``names`` in ``text`` (first occurrence of each, or "name@n" for the n-th)."""
    out = []
    for name in names:
        surface, _, nth = name.partition("@")
        pos = -1
        for _ in range(int(nth or 1)):
            pos = text.index(surface, pos + 1)
        out.append(Mention(pos, pos + len(surface), surface, label))
    return out


def by_text(places: list[dict]) -> dict[str, dict]:
    return {p["text"]: p for p in places}


# -- names -------------------------------------------------------------------------------------------


def test_normalize_folds_case_accents_punctuation_and_article() -> None:
    assert normalize("Baghdād") == "baghdad"
    assert normalize("U.S.") == "us"
    assert normalize("Tal Sha'rah") == "tal sharah"
    assert "najaf" in variants(normalize("al-Najaf"))
    assert "st louis" in variants(normalize("Saint Louis"))
    assert normalize("") == ""


# -- building and loading ----------------------------------------------------------------------------


def test_build_a_slice_atomically(tmp_path: Path) -> None:
    path = build_gazetteer(tmp_path / "g.sqlite", limit_countries=["IQ"])
    assert path.exists() and oct(path.stat().st_mode & 0o777) == "0o644"
    assert [p.name for p in tmp_path.iterdir()] == ["g.sqlite"]  # no temporary file left
    gaz = Gazetteer(path)
    assert 98182 in {c.place.id for c in gaz.lookup("baghdad")}
    assert gaz.meta()["schema"] == str(SCHEMA_VERSION)
    assert not gaz.lookup("paris")  # only Iraq was built


def test_real_gazetteer_loads_fast_and_knows_the_world(gazetteer: Gazetteer) -> None:
    import time

    started = time.perf_counter()
    fresh = Gazetteer(gazetteer.path)
    fresh.lookup("baghdad")
    assert time.perf_counter() - started < 0.5
    assert int(fresh.meta()["places"]) > 200_000
    assert gazetteer.path.stat().st_size < 150_000_000


def test_corrupt_gazetteer_says_how_to_rebuild(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"this is not a database" * 100)
    with pytest.raises(TidingsError) as info:
        Gazetteer(bad)
    assert "tidings gazetteer build" in (info.value.hint or "")
    empty = tmp_path / "empty.sqlite"
    sqlite3.connect(empty).close()
    with pytest.raises(TidingsError) as info:
        Gazetteer(empty)
    assert "rebuild" in (info.value.hint or "")


def test_gazetteer_that_cannot_be_built_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(TidingsError) as info:
        open_gazetteer(blocker / "sub" / "g.sqlite")
    assert "tidings gazetteer build" in (info.value.hint or "")


# -- lookups -----------------------------------------------------------------------------------------


def test_lookups() -> None:
    assert geocode("Baghdad")[0]["geonameid"] == 98182
    iraqi = geocode("Iraqi")[0]
    assert (iraqi["country"], iraqi["feature"], iraqi["match"]) == ("IRQ", "PCLI", "demonym")
    assert geocode("al-Najaf")[0]["geonameid"] == geocode("Najaf")[0]["geonameid"]
    assert geocode("Baghdād")[0]["geonameid"] == 98182
    assert geocode("بغداد")[0]["geonameid"] == 98182
    assert geocode("Mosul")[0]["feature"] == "PPL"  # the city, not the district named after it


def test_country_hint_reorders_candidates() -> None:
    assert geocode("Paris")[0]["country"] == "FRA"
    assert geocode("Paris", country_hint="USA")[0]["country"] == "USA"
    assert geocode("Paris", country_hint="United States")[0]["country"] == "USA"


@pytest.mark.parametrize("name", ["", "   ", "x" * 10_000, "ᐃᓄᒃᑎᑐᑦ ᓄᓇᕗᑦ", "!!!"])
def test_bad_names_give_no_candidates(name: str) -> None:
    assert geocode(name) == []


# -- resolution in context ---------------------------------------------------------------------------


def test_paris_texas_is_the_us_paris() -> None:
    text = "The storm flattened a barn outside Paris, Texas, late on Monday."
    place = by_text(resolve_spans(text, spans(text, "Paris", "Texas")))["Paris"]
    assert place["country"] == "USA" and place["admin1"] == "Texas"


def test_county_in_a_local_story_pulls_a_city_to_the_us() -> None:
    text = (
        "Orange County deputies arrested two men after a chase that ended in Santa Ana. "
        "The county sheriff said both would appear in court on Friday."
    )
    places = by_text(resolve_spans(text, spans(text, "Orange County", "Santa Ana")))
    assert places["Santa Ana"]["country"] == "USA"
    assert places["Santa Ana"]["admin1"] == "California"


def test_possessive_container_and_generic_word() -> None:
    text = "Gunmen attacked a checkpoint in Iraq's Diyala province overnight."
    places = by_text(resolve_spans(text, spans(text, "Iraq", "Diyala province")))
    assert places["Diyala province"]["feature"] == "ADM1"
    assert places["Diyala province"]["country"] == "IRQ"


def test_northern_x_keeps_the_direction() -> None:
    text = "Fighting spread across northern Syria on Tuesday."
    place = resolve_spans(text, spans(text, "Syria"))[0]
    assert place["country"] == "SYR" and place["direction"] == "northern"
    text = "Aid reached Northern Nigeria by road."
    place = resolve_spans(text, spans(text, "Northern Nigeria"))[0]
    assert place["country"] == "NGA" and place["direction"] == "northern"


def test_unknown_names_stay_unresolved_and_spoil_nothing() -> None:
    long_name = "Z" * 10_000
    text = f"Reporters travelled from Xqzvbland to Basra and then to {long_name}."
    mentions = spans(text, "Xqzvbland", "Basra", long_name)
    places = by_text(resolve_spans(text, mentions))
    assert places["Xqzvbland"]["resolved"] is False and places["Xqzvbland"]["reason"]
    assert places[long_name]["resolved"] is False and "too long" in places[long_name]["reason"]
    assert places["Basra"]["resolved"] is True and places["Basra"]["country"] == "IRQ"


def test_empty_and_foreign_script_spans_are_unresolved_with_a_reason() -> None:
    text = "ᐃᓄᒃᑎᑐᑦ and ... were named."
    places = resolve_spans(text, [Mention(0, 7, "ᐃᓄᒃᑎᑐᑦ", "GPE"), Mention(12, 15, "...", "GPE")])
    assert [p["resolved"] for p in places] == [False, False]
    assert all(p["reason"] for p in places)


def test_green_zone_resolves_to_its_city_as_sub_city() -> None:
    text = "Two rockets landed inside the Green Zone in Baghdad before dawn."
    places = resolve_places_for(text, [("Green Zone", "FAC"), ("Baghdad", "GPE")])
    zone = places["Green Zone"]
    assert zone["geonameid"] == 98182 and zone["precision"] == "sub-city" and zone["reason"]


def resolve_places_for(text: str, labelled: list[tuple[str, str]]) -> dict[str, dict]:
    mentions = [m for name, label in labelled for m in spans(text, name, label=label)]
    return by_text(resolve_spans(text, mentions))


def test_resolve_places_on_a_parsed_article() -> None:
    from tidings.models import Article
    from tidings.nlp.model import parse

    article = Article.create(
        "Iraqi police said a bomb exploded near a market in Kirkuk on Sunday. "
        "Officials in Baghdad said the army had sent reinforcements to the city."
    )
    places = resolve_places(article, parse(article))
    names = {p["text"]: p for p in places}
    assert names["Kirkuk"]["country"] == "IRQ" and names["Kirkuk"]["precision"] == "city"
    assert names["Baghdad"]["geonameid"] == 98182
    assert names["Iraqi"]["feature"] == "PCLI"
    for place in places:
        assert article.text[place["start"] : place["end"]] == place["text"]
        assert set(place) >= {
            "geonameid",
            "lat",
            "lon",
            "country",
            "admin1",
            "precision",
            "resolved",
            "reason",
        }


# -- event location ----------------------------------------------------------------------------------


def _located(text: str, sentence_text: str, trigger: str, labelled: list[tuple[str, str]]) -> dict | None:
    mentions = [m for name, label in labelled for m in spans(text, name, label=label)]
    places = resolve_spans(text, mentions)
    start = text.index(sentence_text)
    t = text.index(trigger, start)
    return event_location(text, (start, start + len(sentence_text)), (t, t + len(trigger)), places)


def test_event_location_skips_the_dateline() -> None:
    text = "BAGHDAD (Wire) - A car bomb exploded in Mosul on Sunday, killing five people."
    chosen = _located(text, text, "exploded", [("BAGHDAD", "GPE"), ("Mosul", "GPE")])
    assert chosen is not None and chosen["place"]["text"] == "Mosul" and chosen["geo_precision"] == 1


def test_event_location_skips_the_reacting_officials_country() -> None:
    text = "Iran's foreign minister said a drone struck a convoy near Kirkuk."
    chosen = _located(text, text, "struck", [("Iran", "GPE"), ("Kirkuk", "GPE")])
    assert chosen is not None and chosen["place"]["text"] == "Kirkuk"
    assert chosen["geo_precision"] == 2  # near a town


def test_event_location_prefers_the_specific_place_and_gives_region_precision() -> None:
    text = "Shelling hit villages in the countryside of Aleppo province, Syria, on Monday."
    chosen = _located(text, text, "hit", [("Aleppo province", "GPE"), ("Syria", "GPE")])
    assert chosen is not None and chosen["place"]["text"] == "Aleppo province"
    assert chosen["geo_precision"] == 3


def test_event_location_none_without_a_place_in_the_sentence() -> None:
    text = "Rebels attacked a convoy at dawn. Later, officials met in Cairo."
    chosen = _located(text, "Rebels attacked a convoy at dawn.", "attacked", [("Cairo", "GPE")])
    assert chosen is None


def test_places_inside_organisation_names_are_kept_but_never_an_event_location() -> None:
    from tidings.models import Article
    from tidings.nlp.model import parse

    article = Article.create(
        "The Zimbabwe Electoral Commission said on Friday that voting in Bulawayo went smoothly."
    )
    places = {p["text"]: p for p in resolve_places(article, parse(article))}
    embedded = [p for p in places.values() if p["label"] == "EMBED"]
    assert [p["country"] for p in embedded] == ["ZWE"]
    sentence = (0, len(article.text))
    chosen = event_location(article.text, sentence, None, list(places.values()))
    assert chosen is None or chosen["place"]["label"] != "EMBED"


# -- names inside longer names, world regions --------------------------------------------------------


def test_organisation_is_placed_by_the_place_its_name_contains() -> None:
    text = "The Bank of Japan left rates unchanged, and the Harare City Council met on Monday."
    places = by_text(resolve_spans(text, spans(text, "Bank of Japan", "Harare City Council", label=None)))
    bank = places["Bank of Japan"]
    assert bank["country"] == "JPN" and bank["precision"] == "country" and "contains" in bank["reason"]
    council = places["Harare City Council"]
    assert council["country"] == "ZWE" and council["precision"] == "sub-city"


def test_facility_demonym_is_not_its_location() -> None:
    text = "Pupils of the British International School in Cairo marched to the Indian Ocean Hotel."
    places = by_text(resolve_spans(text, spans(text, "British International School", "Cairo", label=None)))
    school = places["British International School"]
    assert school["country"] == "EGY" and school["precision"] == "sub-city"


def test_natural_feature_is_not_the_country_its_name_contains() -> None:
    text = "A cyclone formed over the Indian Ocean on Tuesday."
    (ocean,) = resolve_spans(text, spans(text, "Indian Ocean", label="LOC"))
    assert ocean["country"] != "IND"


def test_world_regions_and_split_demonyms() -> None:
    region = geocode("West Africa")[0]
    assert region["feature"] == "RGN" and region["geonameid"] is None and region["precision"] == "region"
    assert 0 < region["lat"] < 25 and -20 < region["lon"] < 15
    assert geocode("Southern Africa")[0]["name"] == "Southern Africa"  # not the country South Africa
    assert geocode("South Africa")[0]["country"] == "ZAF"
    assert geocode("Herzegovinian")[0]["country"] == "BIH"  # "Bosnian,Herzegovinian" in the source


def test_demonym_is_the_country_not_a_small_town_of_that_name() -> None:
    text = "Canadian officials met lawmakers from Texas in Austin on Friday."
    places = by_text(resolve_spans(text, spans(text, "Canadian", "Texas", "Austin", label=None)))
    assert places["Canadian"]["country"] == "CAN" and places["Canadian"]["feature"] == "PCLI"


def test_first_level_areas_named_together() -> None:
    text = "New rules for landlords apply in England and Wales from April."
    places = by_text(resolve_spans(text, spans(text, "England", "Wales")))
    assert places["Wales"]["feature"] == "ADM1" and places["Wales"]["country"] == "GBR"


def test_saint_spelled_st_is_still_the_name() -> None:
    best = geocode("St. Petersburg")[0]
    assert best["country"] == "RUS" and best["match"] == "name"


def test_gazetteer_of_an_older_schema_says_how_to_rebuild(tmp_path: Path) -> None:
    old = tmp_path / "old.sqlite"
    db = sqlite3.connect(old)
    db.executescript(
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT); INSERT INTO meta VALUES ('schema', '1');"
        "CREATE TABLE place (id INTEGER PRIMARY KEY); CREATE TABLE name (key TEXT, id INTEGER);"
    )
    db.close()
    with pytest.raises(TidingsError) as info:
        Gazetteer(old)
    assert f"expected {SCHEMA_VERSION}" in str(info.value) and "tidings gazetteer build" in (
        info.value.hint or ""
    )


def test_truncated_gazetteer_is_a_clear_error(tmp_path: Path) -> None:
    path = build_gazetteer(tmp_path / "g.sqlite", limit_countries=["LU"])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(TidingsError) as info:
        gaz = Gazetteer(path)
        for name in ("luxembourg", "esch sur alzette", "differdange", "dudelange", "ettelbruck"):
            gaz.lookup(name)
            gaz.lookup_many([name, name + " x"])
    assert "tidings gazetteer build" in (info.value.hint or "")


def test_an_article_naming_thousands_of_places_resolves(gazetteer: Gazetteer) -> None:
    names = [
        row[0]
        for row in gazetteer.db.execute(
            "SELECT name FROM place WHERE feature = 'PPL' AND population > 20000 ORDER BY id LIMIT 2500"
        )
        if row[0].isascii() and "," not in row[0]
    ]
    text = "Reports came from " + ", ".join(names) + "."
    mentions, pos = [], len("Reports came from ")
    for name in names:
        mentions.append(Mention(pos, pos + len(name), name, "GPE"))
        pos += len(name) + 2
    places = resolve_spans(text, mentions)
    assert len(places) == len(names)
    assert sum(p["resolved"] for p in places) > 0.9 * len(names)


def test_places_anywhere_inside_organisation_names() -> None:
    from tidings.models import Article
    from tidings.nlp.model import parse

    article = Article.create(
        "Reporters from DeSmog Canada and the Canadian Press asked the Amazon Web Services office in "
        "Seattle about the outage."
    )
    places = resolve_places(article, parse(article))
    embedded = {p["text"]: p for p in places if p["label"] == "EMBED"}
    assert embedded.get("Canada", {}).get("country") == "CAN"
    assert embedded.get("Canadian", {}).get("country") == "CAN"
    assert not any(p["text"].startswith("Amazon") for p in places)  # not the Brazilian state
    for place in places:
        assert article.text[place["start"] : place["end"]] == place["text"]


def test_geocode_command_prints_a_region_without_geonames_id() -> None:
    from click.testing import CliRunner

    from tidings.cli import cli

    result = CliRunner().invoke(cli, ["geocode", "West Africa"])
    assert result.exit_code == 0, result.output
    first = result.output.splitlines()[0].split()
    assert first[0] == "-" and "Western Africa" in result.output and "RGN" in first


def test_a_known_area_taken_for_a_person_is_still_a_place() -> None:
    from tidings.models import Article
    from tidings.nlp.model import parse

    article = Article.create("Tamil Nadu on Saturday moved the Supreme Court, John Smith said.")
    places = {p["text"]: p for p in resolve_places(article, parse(article))}
    assert places["Tamil Nadu"]["country"] == "IND" and places["Tamil Nadu"]["feature"] == "ADM1"
    assert "John Smith" not in places


def test_one_place_per_name_in_an_article() -> None:
    text = (
        "Paris, Texas, was named after the capital of France. Its festival draws visitors from Lyon "
        "and Marseille, and Paris hosts them every June."
    )
    places = resolve_spans(text, spans(text, "Paris", "Texas", "France", "Lyon", "Marseille", "Paris@2"))
    assert [p["country"] for p in places if p["text"] == "Paris"] == ["USA", "USA"]


def test_a_list_of_places_is_not_a_container() -> None:
    text = "Protests spread to Washington, New York and Boston over the weekend."
    places = by_text(resolve_spans(text, spans(text, "Washington", "New York", "Boston")))
    assert places["Washington"]["admin1"] == "District of Columbia"
    assert places["Boston"]["admin1"] == "Massachusetts"


def test_the_articles_country_alone_does_not_make_a_famous_name_a_village() -> None:
    text = "Storms hit Australia; flights to Toronto were cancelled."
    places = by_text(resolve_spans(text, spans(text, "Australia", "Toronto")))
    assert places["Toronto"]["country"] == "CAN"  # not the town of Toronto, New South Wales
