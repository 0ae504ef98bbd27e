"""ACLED wordings: homes bulldozed, shells landing on a place, devices going off or
hitting a vehicle, captives carried off or seized, a charter signed, supporters parading."""

from __future__ import annotations

import pytest

from conftest import acled_coded as _coded
from tidings.eval.acled import predicted_events, primary_event


@pytest.mark.parametrize(
    ("text", "event_type", "sub"),
    [
        ("On 9 June 2024, troops bulldozed the homes of herders in Malakal (Malakal, Upper Nile).", "Strategic developments", "Looting/property destruction"),  # noqa: E501
        ("On 9 June 2024, rockets slammed into a depot in Kramatorsk (Kramatorsk, Donetsk).", "Explosions/Remote violence", "Shelling/artillery/missile attack"),  # noqa: E501
        ("On 9 June 2024, an explosive device struck a patrol car near Mopti (Mopti).", "Explosions/Remote violence", "Remote explosive/landmine/IED"),  # noqa: E501
        ("On 9 June 2024, a bomb hidden in a cart went off at a bus stop in Quetta (Quetta, Balochistan).", "Explosions/Remote violence", "Remote explosive/landmine/IED"),  # noqa: E501
        ("On 9 June 2024, gunmen halted a minibus near Katsina (Katsina) and carried off its passengers.", "Violence against civilians", "Abduction/forced disappearance"),  # noqa: E501
        ("On 9 June 2024, militiamen seized five villagers near Bunia (Djugu, Ituri).", "Violence against civilians", "Abduction/forced disappearance"),  # noqa: E501
        ("On 9 June 2024, separatists snatched a nurse in Buea (Fako, South-West).", "Violence against civilians", "Abduction/forced disappearance"),  # noqa: E501
        ("On 9 June 2024, the rival factions signed a charter in Tripoli (Tripoli).", "Strategic developments", "Agreement"),  # noqa: E501
        ("On 9 June 2024, students paraded through Dhaka (Dhaka) with banners.", "Protests", "Peaceful protest"),  # noqa: E501
    ],
)  # fmt: skip
def test_damage_shelling_abduction_wordings_are_coded(text: str, event_type: str, sub: str) -> None:
    row = _coded(text)
    assert (row["event_type"], row["sub_event_type"]) == (event_type, sub)


@pytest.mark.parametrize(
    "text",
    [
        "On 9 June 2024, the army paraded new tanks in Pyongyang (Pyongyang).",
        "On 9 June 2024, porters carried off the furniture in Accra (Accra).",
        "On 9 June 2024, heavy rain fell on Nairobi (Nairobi).",
    ],
)
def test_these_wordings_do_not_fire_on_ordinary_uses(text: str) -> None:
    event = primary_event(predicted_events(text, "2024-06-09"))
    assert event is None or event.get("type") not in ("PROTEST", "ASSAULT")


def test_signing_a_book_is_no_agreement() -> None:
    from tidings.store.exports import acled_row

    event = primary_event(
        predicted_events("On 9 June 2024, the mayor signed a visitor book in Kumasi (Ashanti).", "2024-06-09")
    )
    assert event is None or acled_row(event).get("sub_event_type") != "Agreement"


@pytest.mark.parametrize("text", ["", "went off.", "((( carried off", "On 9 June 2024, mortars landed."])
def test_bad_input_does_not_crash(text: str) -> None:
    primary_event(predicted_events(text, "2024-06-09"))
