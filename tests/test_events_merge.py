"""Within-article event coreference (tidings.events.merge) and the dates of events told elsewhere.

Records and sentences below were written for these tests (none is copied from ../shared/data).
"""

from __future__ import annotations

from typing import Any

import pytest

from tidings.analyze import analyze
from tidings.events.attributes_time import sequence_offset, told_elsewhere
from tidings.events.merge import PRIVATE_KEYS, merge
from tidings.models import Actor, Article
from tidings.nlp.langid import annotate
from tidings.nlp.model import parse_text

ACTORS = [
    Actor("a1", "unidentified attackers", [], None, "UNK", None, "group"),
    Actor("a2", "Leila Haddad", [(200, 212)], "IRQ", "GOV", "governor", "person"),
    Actor("a3", "Omar Saleh", [(300, 310)], "IRQ", "GOV", "mayor", "person"),
    Actor("a4", "five of her bodyguards", [(400, 420)], None, "GOV", None, "group"),
    Actor("a5", "the Northern Brigade", [(500, 520)], "IRQ", "REB", None, "organization"),
    Actor("a6", "police", [(600, 606)], "IRQ", "POL", None, "group"),
    Actor("a7", "the foreign ministry", [(700, 720)], "FRA", "GOV", None, "organization"),
]
MOSUL = {"geonameid": 99072, "name": "Mosul", "country": "IRQ", "admin1": "Nineveh", "precision": "city"}
BASRA = {"geonameid": 99532, "name": "Basra", "country": "IRQ", "admin1": "Basra", "precision": "city"}
NINEVEH = {
    "geonameid": 99071,
    "name": "Nineveh",
    "country": "IRQ",
    "admin1": "Nineveh",
    "precision": "admin1",
}


def _mention(sentence: int, actors: list[str], recipients: list[str], **extra: Any) -> dict[str, Any]:
    """An ASSAULT mention record as the detector builds it (text-dated in its own clause)."""
    start = sentence * 100
    record: dict[str, Any] = {
        "id": "", "type": "ASSAULT", "modes": [], "contexts": [], "acled": None, "actors": actors,
        "recipients": recipients, "location": None, "date": "2024-03-04", "date_precision": "day",
        "date_source": "text", "status": "completed", "aux": None, "certainty": "asserted",
        "size": {"killed": None, "injured": None, "arrested": None}, "claimed_by": None, "sources": [],
        "evidence": [[start, start + 50]], "confidence": 0.7, "trigger": [start + 10, start + 16],
        "_cues": [], "_sentences": [[start, start + 90]], "_anchored": True, "_sentence_no": sentence,
        "_casualty": False, "_date_level": "clause", "_definite": False, "_reaction": False,
    }  # fmt: skip
    record.update(extra)
    return record


# -- merged -----------------------------------------------------------------------------------------


def test_a_definite_description_joins_the_attack_it_refers_to() -> None:
    first = _mention(0, ["a1"], ["a2"], location=MOSUL, modes=["drone"])
    later = _mention(
        4, ["a5"], [], date="2024-03-05", _date_level="narrative", _definite=True, modes=["explosives"]
    )
    [event] = merge([first, later], ACTORS)
    assert event["date"] == "2024-03-04"  # the narrative's date of "the attack" does not move it
    assert event["evidence"] == [[0, 50], [400, 450]]
    assert event["modes"] == ["drone", "explosives"]
    assert set(event["actors"]) == {"a1", "a5"} and event["recipients"] == ["a2"]
    assert event["location"] == MOSUL
    assert not set(PRIVATE_KEYS) & set(event)


def test_a_person_and_a_group_attacked_are_one_attack() -> None:
    leader = _mention(0, ["a1"], ["a2"], status="attempted")
    guards = _mention(1, ["a1"], ["a4"], size={"killed": None, "injured": 5, "arrested": None})
    [event] = merge([leader, guards], ACTORS)
    assert event["recipients"] == ["a2", "a4"]
    assert event["status"] == "attempted" and event["size"]["injured"] == 5


def test_the_subject_of_a_reaction_is_not_the_attacker() -> None:
    attack = _mention(0, ["a1"], ["a2"], location=MOSUL)
    condemned = _mention(
        3, ["a7"], [], date="2024-03-05", _date_level="narrative", _reaction=True, _definite=True,
        _phrase=[310, 320],
    )  # fmt: skip
    [event] = merge([attack, condemned], ACTORS)
    assert event["actors"] == ["a1"] and event["date"] == "2024-03-04"


def test_the_most_specific_place_and_date_are_kept() -> None:
    vague = _mention(0, ["a5"], [], location=NINEVEH, date="2024-03", date_precision="month")
    exact = _mention(2, ["a5"], [], location=MOSUL, _date_level="phrase")
    [event] = merge([vague, exact], ACTORS)
    assert event["location"] == MOSUL
    assert (event["date"], event["date_precision"]) == ("2024-03-04", "day")


def test_a_weak_date_in_the_same_sentence_joins() -> None:
    escaped = _mention(0, ["a1"], ["a2"])
    hit = _mention(0, [], [], date="2024-W09", date_precision="week", _date_level="narrative")
    assert len(merge([escaped, hit], ACTORS)) == 1


# -- kept apart -------------------------------------------------------------------------------------


def test_role_reversal_is_another_event() -> None:
    attack = _mention(0, ["a1"], ["a2"])
    response = _mention(1, ["a6"], ["a1"])  # police fire back at the attackers
    assert len(merge([attack, response], ACTORS)) == 2


def test_different_people_attacked_are_different_attacks() -> None:
    one = _mention(0, ["a1"], ["a2"])
    other = _mention(3, ["a1"], ["a3"], _definite=True)
    assert len(merge([one, other], ACTORS)) == 2


def test_different_perpetrators_and_places_keep_apart() -> None:
    assert len(merge([_mention(0, ["a5"], []), _mention(1, ["a6"], [])], ACTORS)) == 2
    assert len(merge([_mention(0, ["a1"], [], location=MOSUL), _mention(1, ["a1"], [], location=BASRA)])) == 2


def test_own_dates_that_differ_keep_apart_even_for_definite_descriptions() -> None:
    monday = _mention(0, ["a1"], [], _date_level="phrase")
    friday = _mention(2, ["a1"], [], date="2024-03-01", _date_level="phrase", _definite=True)
    assert len(merge([monday, friday], ACTORS)) == 2


def test_a_narrative_date_alone_does_not_join_an_attack_of_another_day() -> None:
    attack = _mention(0, ["a1"], ["a2"])
    friday = _mention(5, ["a1"], ["a4"], date="2024-03-01", _date_level="narrative")
    assert len(merge([attack, friday], ACTORS)) == 2


def test_a_placeholder_perpetrator_does_not_absorb_a_named_one_without_a_link() -> None:
    bombing = _mention(0, ["a1"], [])
    raid = _mention(3, ["a5"], [])  # neither refers back nor names the same victim
    assert len(merge([bombing, raid], ACTORS)) == 2


def test_bad_records_do_not_crash() -> None:
    assert merge([]) == []
    odd = _mention(0, [], [], date=None, date_source=None, date_precision=None, location={})
    del odd["_date_level"], odd["_sentences"], odd["_definite"]
    assert len(merge([odd, _mention(1, [], [], date="not a date")], [])) == 1


# -- from text --------------------------------------------------------------------------------------


def _assaults(text: str, published: str) -> list[dict[str, Any]]:
    analysis = analyze(annotate(Article.create(text, published=published)))
    return [e for e in analysis.events if e["type"] == "ASSAULT"]


@pytest.mark.parametrize(
    ("sentence", "noun", "expected"),
    [
        ("The governor condemned the attack on Monday.", "attack", True),
        ("Police opened an inquiry into the bombing.", "bombing", True),
        ("Traffic was diverted a day after the bombing.", "bombing", True),
        ("The bombing killed four people on Monday.", "bombing", False),
        ("A bombing on Monday killed four people.", "bombing", False),
    ],
)
def test_event_nouns_told_elsewhere(sentence: str, noun: str, expected: bool) -> None:
    doc = parse_text(sentence)
    [token] = [t for t in doc if t.text == noun]
    assert told_elsewhere(token) is expected


def test_an_attack_condemned_the_next_day_is_one_event_of_its_own_day() -> None:
    text = (
        "Gunmen attacked a police checkpoint in Mosul early on Sunday, killing two officers.\n\n"
        "The governor of Nineveh condemned the attack on Monday and promised an inquiry."
    )
    [event] = _assaults(text, "2024-03-04")  # a Monday
    assert event["date"] == "2024-03-03"
    assert len(event["evidence"]) >= 3


def test_two_attacks_on_two_days_in_two_cities_stay_two() -> None:
    text = (
        "Gunmen attacked a police checkpoint in Mosul on Sunday, killing two officers.\n\n"
        "On Friday, a roadside bomb hit an army convoy near Basra, wounding three soldiers."
    )
    assert len(_assaults(text, "2024-03-04")) == 2


def test_a_word_inside_an_organisation_name_places_no_district() -> None:
    """ "Federal" in "Federal Supreme Court" is an alias of Washington: it must not place the
    Green Zone there (the wrong place the linker then saw as a clash with Baghdad)."""
    text = (
        "Iraq's Federal Supreme Court ratified the results on Monday. Protesters kept up a sit-in "
        "near the Green Zone, and a drone attack hit the prime minister's residence in November."
    )
    analysis = analyze(annotate(Article.create(text, published="2021-12-27")))
    zone = [p for p in analysis.places if "Green Zone" in p["text"]]
    assert all(p.get("country") in (None, "IRQ") for p in zone)


@pytest.mark.parametrize(
    ("sentence", "noun", "days"),
    [
        ("The governor resigned on Thursday, eleven days after a bomb attack.", "attack", 11),
        ("Police closed the bridge on Tuesday, a day after a bomb attack.", "attack", 1),
        ("The president spoke to reporters hours after the attack.", "attack", 0),
        ("Two weeks before the vote, gunmen attacked a polling station.", "vote", -14),
        ("Police closed the bridge after the attack.", "attack", None),
        ("Police closed the bridge months after the attack.", "attack", None),
    ],
)
def test_measured_sequences(sentence: str, noun: str, days: int | None) -> None:
    doc = parse_text(sentence)
    [token] = [t for t in doc if t.text == noun]
    found = sequence_offset(token)
    assert (found[0] if found else None) == days


def test_a_day_after_the_attack_dates_the_attack_the_day_before() -> None:
    text = (
        "Police closed the main bridge in Mosul on Tuesday, a day after a bomb attack on the city's market."
    )
    [event] = _assaults(text, "2024-03-06")  # a Wednesday
    assert event["date"] == "2024-03-04"


def test_a_series_of_attacks_is_not_the_attack_the_article_tells() -> None:
    assert merge([_mention(1, ["a1"], ["a2"]), _mention(2, ["a1"], [], _series=True)], ACTORS)[1:]
    assert len(merge([_mention(1, ["a1"], ["a2"]), _mention(2, ["a1"], [])], ACTORS)) == 1
    text = (
        "Gunmen attacked the governor's convoy near Mosul on Sunday, officials said.\n\n"
        "Rockets have been used in attacks that the government has blamed on militias close to Tehran."
    )
    events = [
        e for e in analyze(Article.create(text, published="2021-11-08")).events if e["type"] == "ASSAULT"
    ]
    assert len(events) == 2  # the indefinite plural is another happening, kept apart


def test_a_headline_run_into_the_first_paragraph_does_not_hide_its_date() -> None:
    text = (
        "Leaders condemn attack on governor as police vow to find culprits\n\n"
        "Governments condemned Sunday's attack on the governor of Nineveh.\n\n"
        "The United States called the attack an act of terrorism."
    )
    events = [
        e for e in analyze(Article.create(text, published="2021-11-08")).events if e["type"] == "ASSAULT"
    ]
    assert events and all(e["date"] == "2021-11-07" for e in events)
