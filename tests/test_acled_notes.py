"""ACLED's note conventions: "Town (District, Region)" places and sentence words refining the
sub-event type (:mod:`tidings.events.acled_notes`, :func:`tidings.events.acled.refine`).

Every note below was written for these tests in ACLED's style (invented events, real place names).
"""

from __future__ import annotations

from typing import Any

import pytest

from conftest import acled_coded as _coded
from tidings.analyze import analyze
from tidings.eval.geo import haversine_km
from tidings.events.acled import refine
from tidings.events.acled_notes import Hierarchy, _lookup, hierarchy_mentions, place_events, resolve
from tidings.geo.gazetteer import load
from tidings.models import Article


def _events(text: str, day: str = "2023-05-02") -> list[dict[str, Any]]:
    return analyze(Article.create(text, published=day)).events


# -- "Town (District, Region)" ---------------------------------------------------------------------


def test_hierarchy_mentions_read_the_name_before_the_parentheses() -> None:
    text = (
        "On 2 May 2023, gunmen attacked a bus near Gao (Gao, Gao). Later, fighting spread to "
        "Kherson city (Khersonskyi, Kherson) and Mexico City (Cuauhtemoc, Ciudad de Mexico)."
    )
    found = hierarchy_mentions(text)
    assert [(m.name, m.areas) for m in found] == [
        ("Gao", ("Gao", "Gao")),
        ("Kherson", ("Khersonskyi", "Kherson")),
        ("Mexico City", ("Cuauhtemoc", "Ciudad de Mexico")),
    ]
    assert all(text[m.start : m.end] == m.name for m in found)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "((((",
        "(, ,)",
        "a ( b",
        "killed 3 (2 soldiers, 1 civilian)",
        "(Mopti, Mopti) at the start",
        "x" * 50_000,
    ],
)
def test_hierarchy_mentions_survive_text_that_has_none(text: str) -> None:
    assert hierarchy_mentions(text) == []


def test_the_areas_choose_among_places_of_the_same_name() -> None:
    gaz = load()
    # the larger Hyderabad is in India; Sindh puts this one in Pakistan
    place = resolve(Hierarchy(0, 9, "Hyderabad", ("Hyderabad", "Sindh")), gaz)
    assert place is not None and place["country"] == "PAK" and place["geo_precision"] == 1
    assert haversine_km(place["lat"], place["lon"], 25.39, 68.37) < 25


def test_an_unknown_village_falls_back_to_its_district_then_region() -> None:
    gaz = load()
    district = resolve(Hierarchy(0, 10, "Kobbozirra", ("Douentza", "Mopti")), gaz)
    assert district is not None and district["country"] == "MLI" and district["geo_precision"] == 2
    assert haversine_km(district["lat"], district["lon"], 15.0, -2.95) < 60
    region = resolve(Hierarchy(0, 10, "Kobbozirra", ("Qwzxv", "Mopti")), gaz)
    assert region is not None and region["geo_precision"] == 3 and region["country"] == "MLI"
    assert resolve(Hierarchy(0, 7, "BAGHDAD", ("Reuters",)), gaz) is None  # a dateline, no areas


def test_a_name_every_level_repeats_is_the_prominent_place_of_that_name() -> None:
    gaz = load()
    # hamlets called Buenos Aires in several countries sit in districts of the same name; the
    # capital bears the name itself and is by far the largest
    place = resolve(Hierarchy(0, 12, "Buenos Aires", ("Buenos Aires", "Buenos Aires")), gaz)
    assert place is not None and place["country"] == "ARG"
    assert haversine_km(place["lat"], place["lon"], -34.61, -58.38) < 25
    # an old name of another city counts for less than the city that bears the name
    place = resolve(Hierarchy(0, 9, "Islamabad", ("Islamabad", "Islamabad Capital Territory")), gaz)
    assert place is not None and place["country"] == "PAK"


def test_a_transliterated_town_beats_an_area_that_has_the_spelling_as_alias() -> None:
    gaz = load()
    place = resolve(Hierarchy(0, 9, "Kabkabiya", ("Kabkabiya", "North Darfur")), gaz)
    assert place is not None and place["geo_precision"] == 1 and place["country"] == "SDN"
    assert haversine_km(place["lat"], place["lon"], 13.65, 24.09) < 25
    # an exact town name is never traded for a look-alike abroad
    place = resolve(Hierarchy(0, 8, "Belgorod", ("Belgorod", "Belgorod")), gaz)
    assert place is not None and place["country"] == "RUS"


def test_an_initialism_among_the_areas_is_no_evidence_and_articles_in_names_are_read() -> None:
    gaz = load()
    # "D.C." would pull Bogota to the small Bogota of New Jersey near Washington
    place = resolve(Hierarchy(0, 6, "Bogota", ("Bogota", "D.C.")), gaz)
    assert place is not None and place["country"] == "COL"
    # the Arabic article written into the name ("As-Sweida") is read as GeoNames' variants are
    place = resolve(Hierarchy(0, 9, "As-Sweida", ("As-Sweida", "As-Sweida")), gaz)
    assert place is not None and place["country"] == "SYR"
    assert haversine_km(place["lat"], place["lon"], 32.71, 36.57) < 25
    # a full area name is still evidence
    place = resolve(Hierarchy(0, 10, "Washington", ("District of Columbia",)), gaz)
    assert place is not None and place["country"] == "USA"


def test_events_take_the_place_of_their_sentence() -> None:
    text = "On 4 May 2023, militants attacked a market in Hyderabad (Hyderabad, Sindh). 2 people were killed."
    events = [
        {"evidence": [[0, 74]], "location": {"name": "India"}},
        {"evidence": [[75, 98]], "location": None},
    ]
    place_events(text, events, load())
    assert [e["location"]["country"] for e in events] == ["PAK", "PAK"]  # one place: the toll too


def test_a_note_is_placed_where_its_hierarchy_says() -> None:
    event = _coded(
        "On 9 May 2023, militants ambushed a police patrol in the market of Bosaso (Bosaso, Bari). "
        "3 police officers were killed."
    )
    assert event["country"] == "Somalia"
    assert haversine_km(float(event["latitude"]), float(event["longitude"]), 11.28, 49.18) < 25


# -- sentence words (ACLED's sub-event definitions) ------------------------------------------------


def _refined(
    current: tuple[str, str] | None, plover: str, actors: list[str], recipients: list[str], **kw: Any
) -> Any:
    row = (
        None
        if current is None
        else {"event_type": current[0], "sub_event_type": current[1], "disorder_type": "x"}
    )
    out = refine(row, plover, actors, recipients, **kw)
    return None if out is None else (out["event_type"], out["sub_event_type"])


def test_refine_force_against_a_protest_is_its_intervention() -> None:
    assert _refined(
        ("Violence against civilians", "Attack"),
        "ASSAULT",
        ["POL"],
        ["CVL"],
        sentence_cues={"protest", "tear", "gas"},
    ) == ("Protests", "Protest with intervention")
    assert _refined(
        ("Violence against civilians", "Attack"),
        "ASSAULT",
        ["MIL"],
        ["CVL"],
        killed=4,
        sentence_cues={"demonstrator", "fire"},
    ) == ("Protests", "Excessive force against protesters")
    assert _refined(
        ("Strategic developments", "Arrests"),
        "COERCE",
        ["POL"],
        [],
        trigger_cues={"arrest"},
        sentence_cues={"march"},
    ) == ("Protests", "Protest with intervention")
    # no protest in the sentence: the police attack stays an attack
    assert _refined(
        ("Violence against civilians", "Attack"), "ASSAULT", ["POL"], ["CVL"], sentence_cues={"market"}
    ) == ("Violence against civilians", "Attack")


def test_refine_weapons_named_anywhere_in_the_sentence() -> None:
    vac = ("Violence against civilians", "Attack")
    assert (
        _refined(vac, "ASSAULT", ["UNK"], ["CVL"], sentence_cues={"throw", "grenade", "bar"})[1] == "Grenade"
    )
    assert (
        _refined(vac, "ASSAULT", ["MIL"], ["CVL"], sentence_cues={"chlorine", "gas"})[1] == "Chemical weapon"
    )
    assert (
        _refined(vac, "ASSAULT", ["MIL"], ["CVL"], sentence_cues={"helicopter", "bomb"})[1]
        == "Air/drone strike"
    )
    assert _refined(vac, "ASSAULT", ["MIL"], ["CVL"], sentence_cues={"rifle"}) == vac
    assert _refined(
        ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        "ASSAULT",
        ["MIL"],
        [],
        trigger_cues={"shoot", "down"},
    ) == ("Strategic developments", "Disrupted weapons use")


def test_refine_clashes_riots_abductions_and_property() -> None:
    attack = ("Violence against civilians", "Attack")
    assert _refined(attack, "ASSAULT", ["REB"], [], trigger_cues={"clash"}) == ("Battles", "Armed clash")
    assert _refined(attack, "ASSAULT", ["REB"], ["CVL"], trigger_cues={"clash"}) == attack
    riot = ("Riots", "Violent demonstration")
    assert (
        _refined(riot, "ASSAULT", ["CVL"], ["CVL"], sentence_cues={"mob", "lynch", "thief"})[1]
        == "Mob violence"
    )
    mob = ("Riots", "Mob violence")
    assert _refined(mob, "ASSAULT", ["CVL"], ["POL"], sentence_cues={"protester", "stone"})[1] == (
        "Violent demonstration"
    )
    arrests = ("Strategic developments", "Arrests")
    assert _refined(arrests, "COERCE", ["REB"], ["CVL"])[1] == "Abduction/forced disappearance"
    assert _refined(arrests, "COERCE", ["POL"], ["CVL"]) == arrests
    assert _refined(attack, "ASSAULT", ["UNK"], [], trigger_cues={"burn"}, sentence_cues={"house"})[1] == (
        "Looting/property destruction"
    )
    assert _refined(attack, "ASSAULT", ["UNK"], ["CVL"], trigger_cues={"burn"}, killed=2) == attack


@pytest.mark.parametrize("current", [None, {}, {"event_type": "Protests"}])
def test_refine_never_crashes_on_odd_input(current: Any) -> None:
    out = refine(current or None, "", [None, ""], [None], killed=None, trigger_cues=(), sentence_cues=())
    assert out is None or isinstance(out, dict)


def test_notes_end_to_end() -> None:
    grenade = _coded(
        "On 3 May 2023, unidentified men threw a grenade into a bar in Gitega (Gitega, Gitega). "
        "3 civilians were wounded."
    )
    assert grenade["sub_event_type"] == "Grenade"
    dispersed = _coded(
        "On 5 May 2023, police fired tear gas to disperse students protesting outside the university in "
        "Lilongwe (Lilongwe, Central). [size=hundreds]"
    )
    assert (dispersed["event_type"], dispersed["sub_event_type"]) == ("Protests", "Protest with intervention")
    clash = _coded(
        "On 6 May 2023, soldiers clashed with rebels near Beni (Beni, Nord-Kivu). Casualties unknown."
    )
    assert clash["sub_event_type"] == "Armed clash" and clash["fatalities"] == 0


def test_a_month_in_a_date_is_no_march() -> None:
    events = _events("On 12 March 2023, the governor opened a new road in Kano (Kano, Kano).", "2023-03-12")
    assert not [e for e in events if e["type"] == "PROTEST"]


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("On 7 May 2023, armed men shot dead a trader outside his shop in Kaduna (Kaduna North, Kaduna).", 1),
        ("On 7 May 2023, gunmen killed a family of five in their home in Zaria (Zaria, Kaduna).", 5),
        (
            "On 7 May 2023, militants shelled an army post near Kidal (Kidal, Kidal) with mortars. "
            "3 soldiers were killed.",
            3,
        ),
    ],
)
def test_fatalities_in_note_style(text: str, killed: int) -> None:
    assert _coded(text, "2023-05-07")["fatalities"] == killed


def test_refine_attacks_on_military_objects_are_battles() -> None:
    attack = ("Violence against civilians", "Attack")
    clash = ("Battles", "Armed clash")
    assert _refined(attack, "ASSAULT", ["REB"], [], trigger_cues={"attack", "base"}) == clash
    assert _refined(attack, "ASSAULT", [None], [], trigger_cues={"attack", "checkpoint"}) == clash
    assert _refined(attack, "ASSAULT", ["UNK"], [], sentence_cues={"soldier", "repel"}) == clash
    # soldiers doing the killing: the victims are civilians, no battle
    assert _refined(attack, "ASSAULT", ["MIL"], ["CVL"], trigger_cues={"execute", "soldier"}) == attack


def test_refine_groups_restrictions_and_seized_weapons() -> None:
    assert _refined(None, "COERCE", [None], [], trigger_cues={"close", "road"}) == (
        "Strategic developments",
        "Change to group/activity",
    )
    assert _refined(None, "COERCE", ["GOV"], [], trigger_cues={"close", "road"}) is None
    assert _refined(
        ("Strategic developments", "Arrests"),
        "COERCE",
        ["POL"],
        [],
        sentence_cues={"seize", "explosive", "car"},
    ) == ("Strategic developments", "Disrupted weapons use")


def test_refine_riots_without_a_mob_word_stay_riots() -> None:
    riot = ("Riots", "Violent demonstration")
    assert _refined(riot, "PROTEST", ["CVL"], [], sentence_cues={"road", "tyre"}) == riot
    assert _refined(riot, "ASSAULT", ["CVL"], [], trigger_cues={"burn"}, sentence_cues={"house"}) == (
        "Strategic developments",
        "Looting/property destruction",
    )


def test_an_unnamed_attack_beside_a_riot_is_the_riot() -> None:
    event = _coded(
        "On 8 May 2023, a mob attacked a wedding party with sticks and set cars on fire in Kano "
        "(Kano, Kano). "
        "3 people were killed."
    )
    assert (event["event_type"], event["sub_event_type"]) == ("Riots", "Mob violence")


def test_arrests_at_a_protest_and_arrests_for_one() -> None:
    at_protest = _coded(
        "On 10 May 2023, police arrested 25 teachers who gathered outside the ministry in Accra "
        "(Accra, Greater Accra) to protest unpaid allowances. [size=around 100]"
    )
    assert at_protest["sub_event_type"] == "Protest with intervention"
    for_protest = _coded(
        "On 11 May 2023, police arrested a musician at his home in Accra (Accra, Greater Accra) for "
        "supporting the protests."
    )
    assert for_protest["sub_event_type"] == "Arrests"
    dispersed = _coded(
        "On 12 May 2023, police dispersed nurses marching in Kumasi (Kumasi, Ashanti) with tear gas. "
        "[size=hundreds]"
    )
    assert dispersed["sub_event_type"] == "Protest with intervention"


def test_refine_a_riot_against_the_police_is_a_violent_demonstration() -> None:
    mob = ("Riots", "Mob violence")
    assert _refined(mob, "ASSAULT", ["CVL"], ["POL"], sentence_cues={"stone", "clash"}) == (
        "Riots",
        "Violent demonstration",
    )
    assert _refined(mob, "ASSAULT", ["CVL"], ["CVL"], sentence_cues={"stick", "faction"}) == mob


def test_a_number_hung_on_a_name_in_the_noun_phrase() -> None:
    event = _coded(
        "On 14 May 2023, troops raided a camp near Bama (Bama, Borno) and killed 7 ISWAP fighters.",
        "2023-05-14",
    )
    assert event["fatalities"] == 7


def test_the_development_notes_cover_acled_s_codebook() -> None:
    from pathlib import Path

    from tidings.eval.acled import read_acled

    found = read_acled(Path(__file__).parent / "data" / "acled_notes_dev.csv")
    assert len(found.rows) >= 120 and not found.skipped
    assert len({r.event_types[0] for r in found.rows}) == 6
    assert len({r.sub_event_type for r in found.rows}) == 25
    assert all(r.lat is not None and r.fatalities is not None for r in found.rows)
    assert len({r.row for r in found.rows}) == len(found.rows)


@pytest.mark.parametrize(
    "events",
    [
        [],
        [{}],
        [{"trigger": "x", "evidence": "y", "acled": 3, "size": "many", "actors": None}],
        [{"type": "ASSAULT", "trigger": [10**9, 10**9 + 5], "evidence": [[-5, 2], [3]], "acled": None}],
    ],
)
def test_refine_events_survives_broken_records(events: list[dict[str, Any]]) -> None:
    from tidings.events.acled_notes import refine_events
    from tidings.nlp.model import parse_text

    doc = parse_text("On 2 May 2023, gunmen attacked a bus near Gao (Gao, Gao).")
    refine_events(doc, events, {})
    assert all(isinstance(e, dict) for e in events)


def test_a_text_full_of_parentheses_is_bounded() -> None:
    import time

    text = "On 2 May 2023, gunmen attacked " + ", ".join("Gao (Gao, Gao)" for _ in range(3000)) + "."
    started = time.process_time()
    found = hierarchy_mentions(text)
    assert 0 < len(found) < 3000
    events = [{"evidence": [[0, len(text)]], "location": None}]
    place_events(text, events, load())
    assert time.process_time() - started < 20
    assert events[0]["location"] is not None and events[0]["location"]["country"] == "MLI"


def test_refine_territory_named_in_the_sentence() -> None:
    clash = ("Battles", "Armed clash")
    assert _refined(clash, "ASSAULT", ["UNK"], ["REB"], sentence_cues={"retake", "town", "insurgent"}) == (
        "Battles",
        "Government regains territory",
    )
    assert _refined(clash, "ASSAULT", ["REB"], ["MIL"], sentence_cues={"take", "control", "village"}) == (
        "Battles",
        "Non-state actor overtakes territory",
    )
    # prisoners captured are no territory
    assert _refined(clash, "ASSAULT", ["REB"], ["MIL"], sentence_cues={"capture", "soldier"}) == clash


@pytest.mark.parametrize(
    ("text", "plover", "mode"),
    [
        (
            "On 4 June 2023, armed men looted a clinic in Kadugli (Kadugli, South Kordofan).",
            "ASSAULT",
            "destroy",
        ),
        ("On 4 June 2023, bandits ransacked a school near Kano (Kano, Kano).", "ASSAULT", "destroy"),
        ("On 4 June 2023, rebels established a base outside Beni (Beni, North Kivu).", "MOBILIZE", "troops"),
        (
            "On 4 June 2023, a helicopter dropped bombs on a market in Mopti (Mopti, Mopti).",
            "ASSAULT",
            "explosives",
        ),
        ("On 4 June 2023, soldiers defused a roadside bomb near Gao (Gao, Gao).", "COERCE", "seize"),
    ],
)
def test_note_verbs_for_looting_bases_dropped_bombs_and_defusing(text: str, plover: str, mode: str) -> None:
    found = [e for e in _events(text) if e["type"] == plover]
    assert found, text
    assert mode in found[0]["modes"]


def test_refine_defused_devices_are_disrupted_weapons_use() -> None:
    row = refine(None, "COERCE", ["MIL"], [], trigger_cues={"defuse"}, sentence_cues={"explosive", "device"})
    assert row is not None and row["sub_event_type"] == "Disrupted weapons use"
    assert refine(None, "COERCE", ["MIL"], [], trigger_cues={"defuse"}, sentence_cues={"tension"}) is None


# -- ACLED's own area names, generic words, digits -------------------------------------------------


def test_a_region_with_a_compass_suffix_is_the_region() -> None:
    gaz = load()
    # "Shan-North" is ACLED's split of Shan State: the town is found inside Shan
    place = resolve(Hierarchy(0, 6, "Hsenwi", ("Hsenwi", "Shan-North")), gaz)
    assert place is not None and place["country"] == "MMR"
    assert haversine_km(place["lat"], place["lon"], 23.30, 97.97) < 25
    # the township of the town's name, not a look-alike town 190 km away
    place = resolve(Hierarchy(0, 9, "Laukkaing", ("Laukkaing", "Shan-North")), gaz)
    assert place is not None and haversine_km(place["lat"], place["lon"], 23.70, 98.76) < 25
    # only an area is read through its compass part, and an unknown region stays unknown
    assert {p.feature[:3] for p in _lookup(gaz, "Bago-East")} == {"ADM"}
    assert _lookup(gaz, "Qwzxvb-North") == []
    place = resolve(Hierarchy(0, 4, "Goma", ("Nyiragongo", "North Kivu")), gaz)
    assert place is not None and place["country"] == "COD"


def test_a_town_beats_the_district_named_after_it() -> None:
    gaz = load()
    # the district carries the town's name (or the town's other spelling as alias)
    place = resolve(Hierarchy(0, 6, "Baidoa", ("Baydhaba", "Bay")), gaz)
    assert place is not None and place["geo_precision"] == 1
    assert haversine_km(place["lat"], place["lon"], 3.11, 43.65) < 25
    place = resolve(Hierarchy(0, 10, "Harardhere", ("Harardhere", "Mudug")), gaz)
    assert place is not None and place["geo_precision"] == 1
    assert haversine_km(place["lat"], place["lon"], 4.65, 47.86) < 25


def test_an_alias_of_a_large_city_outweighs_a_hamlet_of_the_exact_name() -> None:
    gaz = load()
    place = resolve(Hierarchy(0, 5, "Basra", ("Basra", "Basra")), gaz)
    assert place is not None and place["country"] == "IRQ"
    assert haversine_km(place["lat"], place["lon"], 30.51, 47.81) < 25


def test_hierarchy_names_with_particles_generic_words_and_numbered_areas() -> None:
    text = (
        "On 3 June 2024, tribesmen clashed with the SDF in Deir ez-Zor (Deir ez-Zor, Deir ez-Zor). "
        "On 4 June 2024, an airstrike hit the Jabalya refugee camp (Jabalya, North Gaza). "
        "On 5 June 2024, teachers marched to the ministry in Buenos Aires (Comuna 1, Ciudad de "
        "Buenos Aires). Traffic stopped on Mexico City (Cuauhtemoc, Ciudad de Mexico) avenues."
    )
    names = [(m.name, m.areas) for m in hierarchy_mentions(text)]
    assert ("Deir ez-Zor", ("Deir ez-Zor", "Deir ez-Zor")) in names
    assert ("Jabalya", ("Jabalya", "North Gaza")) in names
    assert ("Buenos Aires", ("Comuna 1", "Ciudad de Buenos Aires")) in names
    assert any(name == "Mexico City" for name, _ in names)  # a capitalised "City" is the name's
    gaz = load()
    mention = next(m for m in hierarchy_mentions(text) if m.name == "Buenos Aires")
    assert text[mention.start : mention.end] == "Buenos Aires"
    place = resolve(mention, gaz)
    assert place is not None and haversine_km(place["lat"], place["lon"], -34.61, -58.38) < 25
    # a parenthesis of a source and a date names no area
    assert all(resolve(m, gaz) is None for m in hierarchy_mentions("KABUL (Reuters, May 3) - Talks"))


def test_hierarchy_mentions_survive_odd_parentheses() -> None:
    for text in ("(", "( , )", "a (B 1, C 22, D 333)", "x ez-Zor (Qq)", "-" * 500 + " (A, B)"):
        for mention in hierarchy_mentions(text):
            assert 0 <= mention.start <= mention.end <= len(text)
            resolve(mention, load())
