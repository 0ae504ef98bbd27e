"""ACLED wordings: shooting or fighting "between" two sides is an armed clash, and men of
an armed group (not state agents) who "detained" people abducted them."""

from __future__ import annotations

import pytest

from conftest import acled_coded as _coded
from tidings.events.acled import refine

_ATTACK = {
    "event_type": "Violence against civilians",
    "sub_event_type": "Attack",
    "disorder_type": "Political violence",
}
_ARREST = {
    "event_type": "Strategic developments",
    "sub_event_type": "Arrests",
    "disorder_type": "Strategic developments",
}


@pytest.mark.parametrize(
    ("text", "event_type", "sub"),
    [
        ("On 4 May 2025, fighting broke out between police and a drug gang in Rosario (Rosario, Santa Fe). Two officers died.", "Battles", "Armed clash"),  # noqa: E501
        ("On 4 May 2025, gunfire erupted between two militias at a checkpoint near Zawiya (Zawiya, Zawiya).", "Battles", "Armed clash"),  # noqa: E501
        ("On 4 May 2025, bandits detained six travellers on the road near Funtua (Funtua, Katsina) and took them into the forest.", "Violence against civilians", "Abduction/forced disappearance"),  # noqa: E501
    ],
)  # fmt: skip
def test_clash_detention_and_air_wordings_are_coded(text: str, event_type: str, sub: str) -> None:
    row = _coded(text)
    assert (row["event_type"], row["sub_event_type"]) == (event_type, sub)


def test_gunfire_between_two_sides_is_a_clash_even_with_unknown_shooters() -> None:
    row = refine(
        _ATTACK, "ASSAULT", ["UNK"], [], trigger_cues={"gunfire"}, sentence_cues={"between", "erupt"}
    )
    assert row is not None and row["sub_event_type"] == "Armed clash"


def test_shooting_at_civilians_standing_between_places_stays_an_attack() -> None:
    row = refine(_ATTACK, "ASSAULT", ["UNK"], ["CVL"], trigger_cues={"gunfire"}, sentence_cues={"between"})
    assert row is not None and row["sub_event_type"] == "Attack"
    # one-sided fire with no "between" is not a clash either
    row = refine(_ATTACK, "ASSAULT", ["UNK"], [], trigger_cues={"gunfire"}, sentence_cues={"open"})
    assert row is not None and row["sub_event_type"] == "Attack"


def test_detained_by_armed_men_is_an_abduction_but_by_state_agents_an_arrest() -> None:
    held = refine(_ARREST, "COERCE", [None], [], trigger_cues={"detain", "fighter"}, sentence_cues=set())
    assert held is not None and held["sub_event_type"] == "Abduction/forced disappearance"
    arrested = refine(_ARREST, "COERCE", [None], [], trigger_cues={"detain", "police"}, sentence_cues=set())
    assert arrested is not None and arrested["sub_event_type"] == "Arrests"
    # the army detaining suspected fighters is still an arrest
    army = refine(
        _ARREST, "COERCE", [None], [], trigger_cues={"detain", "army", "fighter"}, sentence_cues=set()
    )
    assert army is not None and army["sub_event_type"] == "Arrests"
    nobody = refine(_ARREST, "COERCE", [None], [], trigger_cues={"detain"}, sentence_cues=set())
    assert nobody is not None and nobody["sub_event_type"] == "Arrests"


@pytest.mark.parametrize(
    "text",
    [
        "On 4 May 2025, police officers detained nine traders at a market in Kano (Kano, Kano).",
        "On 4 May 2025, talks between the two parties stalled in Geneva (Geneva).",
        "",
        "between between between",
    ],
)
def test_do_not_fire_and_bad_input(text: str) -> None:
    from tidings.eval.acled import predicted_events

    rows = predicted_events(text, "2025-05-04")
    assert all(r.get("sub_event_type") not in ("Armed clash", "Abduction/forced disappearance") for r in rows)


@pytest.mark.parametrize(
    "text",
    [
        "On 5 May 2025, a guided aerial bomb struck a warehouse in Kherson (Kherson, Kherson), killing 1.",
        "On 5 May 2025, a glide bomb hit a school in Kharkiv (Kharkiv, Kharkiv).",
    ],
)
def test_aerial_and_glide_bombs_are_air_strikes(text: str) -> None:
    row = _coded(text)
    assert (row["event_type"], row["sub_event_type"]) == ("Explosions/Remote violence", "Air/drone strike")


def test_aerial_without_a_bomb_does_not_make_an_air_strike() -> None:
    row = refine(
        {"event_type": "Explosions/Remote violence", "sub_event_type": "Remote explosive/landmine/IED"},
        "ASSAULT",
        ["UNK"],
        [],
        trigger_cues={"explode"},
        sentence_cues={"device", "aerial", "footage"},
    )
    assert row is not None and row["sub_event_type"] == "Remote explosive/landmine/IED"
