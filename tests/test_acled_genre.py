"""ACLED-genre wordings: gatherings with a purpose, crowd-control weapons, engaging fighters,
exchanging fire, seizing a town, suspending a group's activities, ramming suicide bombers, and
deaths told as "perished" or "lost their lives"."""

from __future__ import annotations

import pytest

from conftest import acled_coded as _coded
from tidings.eval.acled import predicted_events, primary_event


@pytest.mark.parametrize(
    ("text", "event_type", "sub"),
    [
        ("On 4 March 2024, hundreds of nurses gathered in Lagos (Lagos) to demand unpaid salaries.", "Protests", "Peaceful protest"),  # noqa: E501
        ("On 4 March 2024, retirees and teachers assembled in Lima (Lima) against the pension reform.", "Protests", "Peaceful protest"),  # noqa: E501
        ("On 4 March 2024, police fired tear gas at students in Dakar (Dakar).", "Protests", "Protest with intervention"),  # noqa: E501
        ("On 4 March 2024, soldiers engaged rebel fighters near Goma (Nyiragongo, North Kivu).", "Battles", "Armed clash"),  # noqa: E501
        ("On 4 March 2024, militants and troops exchanged fire near Kidal (Kidal).", "Battles", "Armed clash"),  # noqa: E501
        ("On 4 March 2024, insurgents seized the town of Palma (Palma, Cabo Delgado).", "Battles", "Non-state actor overtakes territory"),  # noqa: E501
        ("On 4 March 2024, the junta in Niamey (Niamey) suspended the activities of three parties.", "Strategic developments", "Change to group/activity"),  # noqa: E501
        ("On 4 March 2024, a suicide bomber rammed a truck into an army post in Mogadishu (Banadir).", "Explosions/Remote violence", "Suicide bomb"),  # noqa: E501
    ],
)  # fmt: skip
def test_genre_wordings_are_coded(text: str, event_type: str, sub: str) -> None:
    row = _coded(text)
    assert (row["event_type"], row["sub_event_type"]) == (event_type, sub)


@pytest.mark.parametrize(
    "text",
    [
        "On 4 March 2024, the colonel took over as president in Niamey (Niamey).",
        "On 4 March 2024, the two ministers exchanged letters in Accra (Accra).",
        "On 4 March 2024, the mayor engaged residents in a dialogue in Kumasi (Ashanti).",
        "On 4 March 2024, families gathered in Cotonou (Littoral) for a wedding.",
    ],
)
def test_ordinary_uses_are_not_conflict_events(text: str) -> None:
    event = primary_event(predicted_events(text, "2024-03-04"))
    assert event is None or event.get("type") not in ("ASSAULT", "PROTEST")


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("On 4 March 2024, gunmen attacked a village near Beni (Beni, North Kivu). 6 villagers perished.", 6),
        (
            "On 4 March 2024, gunmen attacked a village near Beni (Beni, North Kivu), where 5 residents lost their lives.",  # noqa: E501
            5,
        ),
    ],
)
def test_other_words_for_death_count_as_fatalities(text: str, killed: int) -> None:
    assert int(_coded(text)["fatalities"]) == killed


def test_ramming_without_a_suicide_attacker_is_no_bombing() -> None:
    row = _coded("On 4 March 2024, a driver rammed a car into a crowd in Nice (Alpes-Maritimes).")
    assert row["sub_event_type"] != "Suicide bomb"
