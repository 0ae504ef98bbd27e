"""Conflict-report wordings that must yield an event (and their near misses that must not):
trading fire, taking someone into custody, driving armed units out of a place, taking a person
away, crowds massing or chanting, "shot dead" misread by the parser.

All sentences were invented for these tests (none is copied from ../shared/data).
"""

from __future__ import annotations

from typing import Any

import pytest

from tidings.analyze import analyze
from tidings.models import Article


def _events(text: str, date: str = "2024-09-12") -> list[dict[str, Any]]:
    return analyze(Article.create(text, published=date)).to_dict()["events"]


def _kinds(text: str) -> list[tuple[str, list[str]]]:
    return [(e["type"], e["modes"]) for e in _events(text)]


def _sub(events: list[dict[str, Any]], kind: str) -> str | None:
    found = [e for e in events if e["type"] == kind]
    assert found, [(e["type"], e["modes"]) for e in events]
    return (found[0].get("acled") or {}).get("sub_event_type")


def test_traded_fire_is_an_exchange_of_fire() -> None:
    kinds = _kinds("Chadian soldiers traded fire with Boko Haram fighters outside Bol on Tuesday.")
    assert ("ASSAULT", ["firearms"]) in kinds
    assert all(k != "COOPERATE" for k, _ in kinds)


def test_traded_goods_is_no_fire() -> None:
    kinds = _kinds("Merchants from Kano traded cattle with herders near the border on Tuesday.")
    assert all(k != "ASSAULT" for k, _ in kinds)


def test_taken_into_custody_is_an_arrest() -> None:
    events = _events("Police officers took three student leaders into custody in Lagos on Monday.")
    assert _sub(events, "COERCE") == "Arrests"
    assert [e["modes"] for e in events if e["type"] == "COERCE"] == [["arrest"]]


def test_took_control_is_not_custody() -> None:
    kinds = _kinds("Rebel fighters took control of the town of Kiwanja on Monday.")
    assert all(k != "COERCE" for k, _ in kinds)
    assert any(k == "ASSAULT" for k, _ in kinds)


@pytest.mark.parametrize(
    "text",
    [
        "The army said its soldiers had pushed the insurgents out of the village of Darul on Friday.",
        "Government troops drove the rebels from the town of Mabanga on Friday.",
    ],
)
def test_armed_units_driven_out_is_territory(text: str) -> None:
    events = _events(text)
    assert _sub(events, "ASSAULT") == "Government regains territory"
    assert all(e["type"] != "REQUEST" for e in events)


def test_pushed_for_reforms_is_no_battle() -> None:
    kinds = _kinds("Opposition lawmakers pushed for electoral reforms in the capital on Friday.")
    assert all(k != "ASSAULT" for k, _ in kinds)


def test_taken_away_from_home_is_an_abduction() -> None:
    events = _events("Armed men took a local councillor's son away from his house in Iguala on Sunday.")
    assert _sub(events, "ASSAULT") == "Abduction/forced disappearance"


def test_taking_goods_away_is_no_abduction() -> None:
    kinds = _kinds("Workers took the rubbish away from the market in Iguala on Sunday.")
    assert all(m != ["abduct"] for _, m in kinds)


def test_people_chanting_after_another_verb_protest() -> None:
    events = _events("Students in Fez left their classes and chanted for cheaper bread on Saturday.")
    assert _sub(events, "PROTEST") == "Peaceful protest"


def test_a_choir_chanting_is_no_protest() -> None:
    kinds = _kinds("The monks chanted prayers in the temple at dawn on Saturday.")
    assert all(k != "PROTEST" for k, _ in kinds)


def test_demonstrators_massing_protest_troops_massing_mobilize() -> None:
    crowd = _kinds("Hundreds of nurses massed outside the health ministry in Lima on Monday.")
    assert ("PROTEST", ["demo"]) in crowd
    assert all(k != "MOBILIZE" for k, _ in crowd)
    troops = _kinds("Russian troops massed near the border with Finland on Monday.")
    assert any(k == "MOBILIZE" for k, _ in troops)
    assert all(k != "PROTEST" for k, _ in troops)


def test_shot_dead_misparsed_is_a_shooting_of_the_object() -> None:
    events = _events(
        "On 2 March 2024, three gunmen on a scooter shot dead a local councillor outside his shop "
        "in Tacloban city."
    )
    shootings = [e for e in events if e["type"] == "ASSAULT"]
    assert shootings and shootings[0]["modes"] == ["firearms"]
    assert shootings[0]["size"]["killed"] == 1  # the councillor, not the three gunmen


def test_dead_without_shot_is_no_shooting() -> None:
    kinds = _kinds("Two fishermen on a boat were found dead near Tacloban city.")
    assert all(m != ["firearms"] for _, m in kinds)


@pytest.mark.parametrize(
    "text",
    [
        "took into custody",
        "Dead a broadcaster shot.",
        "pushed out of out of out of",
        "chanted " * 200,
        "traded fire fire fire with with",
    ],
)
def test_fragments_do_not_crash(text: str) -> None:
    assert isinstance(_events(text), list)
