"""Who fights whom in ACLED notes: reciprocal fighting between groups is an armed clash, its toll
is its result (not a second event), non-state armed groups are known by name, and a country's
soldiers are exported under ACLED's name for its forces.

Every note below was written for these tests in ACLED's style (invented events, real place names).
"""

from __future__ import annotations

from typing import Any

import pytest

from conftest import acled_coded as _coded
from tidings.eval.acled import predicted_events
from tidings.events.acled import refine
from tidings.nlp.roles import org_sector

_ATTACK = {"event_type": "Violence against civilians", "sub_event_type": "Attack"}


def _sub(**kwargs: Any) -> str | None:
    row = refine(dict(_ATTACK), "ASSAULT", kwargs.pop("actors", []), kwargs.pop("recipients", []), **kwargs)
    return row["sub_event_type"] if row else None


def test_groups_of_unknown_kind_fighting_each_other_are_an_armed_clash() -> None:
    # two named groups the actor lexicon cannot place: fighting each other is still a battle
    assert _sub(actors=[None, None], trigger_cues={"fight", "member"}) == "Armed clash"
    # unarmed crowds that clash are no armed clash
    assert _sub(actors=[None], trigger_cues={"clash", "student"}) == "Attack"
    assert _sub(actors=[None], trigger_cues={"clash"}, sentence_cues={"protester"}) == "Violent demonstration"
    # a toll of "people" among the recipients does not make a clash between fighters an attack
    assert _sub(actors=["REB"], recipients=["REB", "CVL"], trigger_cues={"clash"}) == "Armed clash"
    assert _sub(actors=["REB"], recipients=["CVL"], trigger_cues={"clash"}) == "Attack"


def test_a_casualty_participle_is_the_result_of_its_clash() -> None:
    row = _coded(
        "On 9 March 2024, ELN guerrillas clashed with FARC dissidents near El Tarra "
        "(El Tarra, Norte de Santander), killing at least 6 people.",
        "2024-03-09",
    )
    assert (row["event_type"], row["sub_event_type"]) == ("Battles", "Armed clash")
    assert row["fatalities"] == 6
    events = predicted_events(
        "On 9 March 2024, ELN guerrillas clashed with FARC dissidents near El Tarra "
        "(El Tarra, Norte de Santander), killing at least 6 people.",
        "2024-03-09",
    )
    assert len([e for e in events if e.get("event_type")]) == 1


def test_a_gun_battle_between_cartels_is_a_battle() -> None:
    row = _coded(
        "On 2 May 2024, gunmen of the Sinaloa Cartel and the CJNG fought a gun battle in "
        "Chicomuselo (Chicomuselo, Chiapas), leaving 4 people dead.",
        "2024-05-02",
    )
    assert (row["event_type"], row["sub_event_type"]) == ("Battles", "Armed clash")
    assert row["fatalities"] == 4


@pytest.mark.parametrize(
    ("name", "sector"),
    [
        ("RSF", "REB"),
        ("Rapid Support Forces", "REB"),
        ("Kachin Independence Army", "REB"),
        ("Baloch Liberation Army", "REB"),
        ("Sinaloa Cartel", "REB"),
        ("JNIM", "REB"),
        ("Sudanese Armed Forces", "MIL"),
        ("Israeli Army", "MIL"),
        ("Liberation Party", "PTY"),
        ("Ministry of Finance", "GOV"),
    ],
)
def test_armed_groups_are_known_by_name(name: str, sector: str) -> None:
    assert org_sector(name) == sector


def test_soldiers_of_a_country_take_acled_s_name_for_its_forces() -> None:
    row = _coded(
        "On 6 June 2024, Nigerian troops repelled an attack by ISWAP fighters on their base in "
        "Marte (Marte, Borno), killing 9 insurgents.",
        "2024-06-06",
    )
    assert "Military Forces of Nigeria" in (row["actor1"], row["actor2"])
    assert "troops" in (row["assoc_actor_1"] + row["assoc_actor_2"])
    named = _coded(
        "On 7 June 2024, the Sudanese Armed Forces shelled RSF positions in Omdurman "
        "(Um Durman, Khartoum). 3 fighters were killed.",
        "2024-06-07",
    )
    assert named["actor1"] == "Sudanese Armed Forces"  # a force's own name is kept


def test_the_town_of_a_hierarchy_is_a_place_not_a_victim() -> None:
    from tidings.analyze import analyze
    from tidings.models import Article

    text = (
        "On 2 February 2024, Malian troops entered and took control of Kidal (Kidal, Kidal) after "
        "the rebels withdrew from the town."
    )
    record = analyze(Article.create(text, published="2024-02-02"))
    assert "Kidal" not in {a.name for a in record.actors}
    assert any(e.text == "Kidal" and e.label == "LOC" for e in record.entities)
    row = _coded(text, "2024-02-02")
    assert (row["event_type"], row["sub_event_type"]) == ("Battles", "Government regains territory")
    # a person's name before a parenthesis that names no place of its own stays a person
    text = "On 2 February 2024, Senator John Smith (R, Texas) criticised the deployment."
    record = analyze(Article.create(text, published="2024-02-02"))
    assert any(e.text == "John Smith" and e.label == "PERSON" for e in record.entities)


def test_the_force_behind_its_aircraft_acts() -> None:
    row = _coded(
        "On 3 May 2024, Sudanese army warplanes bombed a market in Kabkabiya (Kabkabiya, North Darfur), "
        "killing 9 civilians.",
        "2024-05-03",
    )
    assert (row["actor1"], row["inter1"]) == ("Military Forces of Sudan", 1)
    assert row["sub_event_type"] == "Air/drone strike"
    # a weapon with no force named stays unattributed
    row = _coded(
        "On 3 May 2024, warplanes bombed a market in Kabkabiya (Kabkabiya, North Darfur), "
        "killing 9 civilians.",
        "2024-05-03",
    )
    assert "Military Forces" not in row["actor1"]


def test_armed_men_no_name_identifies_are_an_unidentified_armed_group() -> None:
    row = _coded(
        "On 8 May 2024, unidentified gunmen shot dead two traders near Bokkos (Bokkos, Plateau).",
        "2024-05-08",
    )
    assert (row["actor1"], row["inter1"]) == ("Unidentified Armed Group (Nigeria)", 3)
    assert "gunmen" in row["assoc_actor_1"]
    row = _coded(
        "On 8 May 2024, ISWAP fighters shot dead two traders near Bokkos (Bokkos, Plateau).",
        "2024-05-08",
    )
    assert "Unidentified" not in row["actor1"]  # a named group keeps its name
