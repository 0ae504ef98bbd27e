"""Tolls and dates of ACLED notes: coordinated victims add up, a zero said of one group
does not cancel another group's dead, a lynching kills, and "the day before <event>" is measured
from that event, not from the note's date.

Every note below was written for these tests in ACLED's style (invented events, real place names).
"""

from __future__ import annotations

from conftest import acled_coded as _coded
from tidings.eval.acled import predicted_events


def _fatalities(text: str, day: str = "2024-03-12") -> int:
    return int(_coded(text, day)["fatalities"])


def test_coordinated_named_victims_add_up() -> None:
    note = "On 12 March 2024, gunmen fired on a minibus near Quetta (Quetta, Balochistan), killing 4 {}."
    assert _fatalities(note.format("Hazara miners and 2 Pashtuns")) == 6
    # a single victim joined by a possessive counts one
    assert _fatalities(note.format("labourers and their Baloch driver")) == 5
    # without a coordinated victim, only the number
    assert _fatalities(note.format("labourers from Punjab")) == 4


def test_a_zero_said_of_one_group_does_not_cancel_another_groups_dead() -> None:
    note = "On 12 March 2024, militants attacked a police post in Bannu (Bannu, Khyber Pakhtunkhwa). {}"
    assert _fatalities(note.format("Police said 5 attackers were killed; no policemen died.")) == 5
    # "no one" covers everyone: the lower figure wins as before
    assert _fatalities(note.format("Police said 5 attackers were killed; no one died.")) == 0
    assert _fatalities(note.format("No policemen died.")) == 0


def test_a_lynching_kills_but_a_beating_does_not() -> None:
    assert _fatalities("On 12 March 2024, a mob lynched a trader in Kano (Kano Municipal, Kano).") == 1
    assert _fatalities("On 12 March 2024, a mob beat a trader in Kano (Kano Municipal, Kano).") == 0


def test_the_day_before_another_event_is_not_the_day_before_the_note() -> None:
    text = (
        "On 4 May 2024, a mayoral candidate was shot dead in Tlapa (Tlapa de Comonfort, Guerrero)"
        " the day before {}."
    )
    assert _coded(text.format("a campaign rally"), "2024-05-04")["event_date"] == "2024-05-04"
    # with nothing named after it, "the day before" is the day before the note's date
    bare = (
        "On 4 May 2024, police found the body of a mayoral candidate in Tlapa (Tlapa de Comonfort,"
        " Guerrero). He had been shot dead the day before."
    )
    assert _coded(bare, "2024-05-04")["event_date"] != "2024-05-04"


def test_bad_notes_do_not_crash() -> None:
    for text in ("", "killing 3 and", "no soldiers died; no one", "the day before", "lynched."):
        events = predicted_events(text, "2024-03-12")
        assert isinstance(events, list)
