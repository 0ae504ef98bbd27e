"""Grammar-driven time rules: reduced participles, passive infinitives, discourse "Now,".

Sentences written for these tests. The article date is a Sunday.
"""

from __future__ import annotations

import pytest

from tidings.models import Timex
from tidings.time import find_timexes

SUNDAY = "2021-11-07"


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    pytest.importorskip("spacy")
    from tidings.nlp.model import load

    return load()


def parsed(nlp, text: str, dct: str = SUNDAY) -> list[Timex]:  # type: ignore[no-untyped-def]
    return find_timexes(text, dct, nlp(text))


def test_reduced_passive_participle_looks_back(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Holders will get a dividend under the new terms, announced Friday by the two firms."
    assert [(t.text, t.value) for t in parsed(nlp, text)] == [("Friday", "2021-11-05")]
    text = "They will appeal the ruling, issued on Wednesday by the agency."
    assert [(t.text, t.value) for t in parsed(nlp, text)] == [("Wednesday", "2021-11-03")]


def test_participle_with_its_own_auxiliary_keeps_its_tense(nlp) -> None:  # type: ignore[no-untyped-def]
    assert [t.value for t in parsed(nlp, "The new terms will be announced Friday.")] == ["2021-11-12"]
    # a participle opened by a subordinator is a condition, not a done deed
    assert [t.value for t in parsed(nlp, "Once approved on Wednesday, the plan will take effect.")] == [
        "2021-11-10"
    ]


def test_passive_infinitive_looks_ahead_and_perfect_infinitive_back(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The plan, to be announced Friday, will cut costs."
    assert [t.value for t in parsed(nlp, text)] == ["2021-11-12"]
    text = "The hostage, said to have been killed on Friday, was a teacher."
    assert [t.value for t in parsed(nlp, text)] == ["2021-11-05"]
    # an active infinitive takes the tense of its clause
    assert [t.value for t in parsed(nlp, "He wanted to leave on Friday.")] == ["2021-11-05"]


def test_sentence_opening_now_with_a_comma_is_a_discourse_marker() -> None:
    assert find_timexes("The talks failed. Now, he says, the plan looks different.", SUNDAY) == []
    assert find_timexes('"Now, we will see," she said.', SUNDAY) == []
    assert find_timexes("Now, the real work begins.", SUNDAY) == []


def test_now_inside_a_clause_or_without_comma_is_the_present() -> None:
    found = find_timexes("Iraq now controls the port, and now, after the vote, it waits.", SUNDAY)
    assert [(t.text, t.value) for t in found] == [("now", "PRESENT_REF"), ("now", "PRESENT_REF")]
    assert [t.value for t in find_timexes("Now is the time to act.", SUNDAY)] == ["PRESENT_REF"]
    assert [t.value for t in find_timexes("Until now, nobody knew.", SUNDAY)] == ["PRESENT_REF"]


@pytest.mark.parametrize("text", ["Now,", ",Now,", "now", ". Now", "Now,\x00", "\u200bNow, x"])
def test_short_and_odd_inputs_around_now_do_not_crash(text: str) -> None:
    assert isinstance(find_timexes(text, SUNDAY), list)


# -- parts of a period, month modifiers, "effective" dates -------------------------------------------

OCT_1989 = "1989-10-26"  # a Thursday


def test_the_early_hours_of_a_day_is_not_a_duration() -> None:
    found = find_timexes("Police arrested him in the early hours of Thursday morning.", OCT_1989)
    assert [(t.text, t.type) for t in found] == [("Thursday morning", "TIME")]
    # without "of", a vague stretch of time is still found
    assert [t.type for t in find_timexes("Talks ran on for days.", OCT_1989)] == ["DURATION"]


def test_capitalised_march_or_may_between_the_and_a_noun_is_the_month() -> None:
    found = find_timexes("The March accession will let them join.", OCT_1989)
    assert [(t.text, t.value) for t in found] == [("March", "1990-03")]
    assert find_timexes("The march organizers met.", OCT_1989) == []
    assert find_timexes("He joined the March on Washington.", OCT_1989) == []
    assert find_timexes("She met the May family.", OCT_1989) == []
    assert find_timexes("Critics of the May government spoke.", OCT_1989) == []


def test_effective_date_is_the_nearest_whatever_the_tense() -> None:
    found = find_timexes("The bank created an office of the chairman, effective Feb. 1.", OCT_1989)
    assert [(t.text, t.value) for t in found] == [("Feb. 1", "1990-02-01")]
    assert [t.value for t in find_timexes("He resigned, effective Oct. 1.", OCT_1989)] == ["1989-10-01"]
    # without "effective", a past sentence keeps the past date
    assert [t.value for t in find_timexes("The bank created an office on Feb. 1.", OCT_1989)] == [
        "1989-02-01"
    ]


# -- a second day after "and", a part of the narrative's day -----------------------------------------


def test_second_day_of_a_month_and_day_pair() -> None:
    found = find_timexes("The summit will be held on April 24 and 25.", "1999-02-10")
    assert [(t.text, t.value) for t in found] == [("April 24", "1999-04-24"), ("25", "1999-04-25")]
    found = find_timexes("Votes on May 3rd and 4th, in the city.", "1999-02-10")
    assert [t.value for t in found] == ["1999-05-03", "1999-05-04"]


def test_a_number_after_a_date_and_and_is_not_always_a_day() -> None:
    found = find_timexes("On April 24 and 25 people died.", "1999-02-10")
    assert [t.text for t in found] == ["April 24"]
    assert find_timexes("Markets rose 24 and 25 percent.", "1999-02-10") == []
    assert [t.text for t in find_timexes("Sales in 1998 and 25 stores.", "1999-02-10")] == ["1998"]
    assert [t.text for t in find_timexes("On April 30 and 31.", "1999-02-10")] == ["April 30"]  # no April 31


def test_in_the_morning_of_a_past_narrative_is_the_day_it_last_named(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Prices fell on Friday. Dealers placed heavy orders in the morning to start trading."
    found = parsed(nlp, text, "1989-10-30")
    assert [(t.text, t.type, t.value) for t in found] == [
        ("Friday", "DATE", "1989-10-27"),
        ("the morning", "TIME", "1989-10-27TMO"),
    ]


def test_in_the_morning_as_a_habit_or_ahead_or_without_a_day_is_left_alone(nlp) -> None:  # type: ignore[no-untyped-def]
    assert parsed(nlp, "He works in the morning.", "1989-10-30") == []
    assert parsed(nlp, "Dealers placed heavy orders in the morning.", "1989-10-30") == []
    text = "Prices fell on Friday. He will call in the morning."
    assert [t.text for t in parsed(nlp, text, "1989-10-30")] == ["Friday"]


# -- vague quarters, "one day" as "some day" -----------------------------------------------------------


def test_vague_number_of_quarters_of_something_is_a_duration() -> None:
    found = find_timexes("It turned a profit after several quarters of losses.", OCT_1989)
    assert [(t.text, t.value) for t in found] == [("several quarters", "PXQ")]
    # a number of quarters "of" something is a fraction
    assert find_timexes("Two quarters of the vote went to him.", OCT_1989) == []


def test_one_day_after_a_subject_or_modal_is_not_an_amount() -> None:
    assert find_timexes("She could one day lead the party.", OCT_1989) == []
    assert find_timexes("He hopes he one day follows his father.", OCT_1989) == []
    assert [t.value for t in find_timexes("He had been in the job one day.", OCT_1989)] == ["P1D"]
    assert [t.value for t in find_timexes("It will take one day to finish.", OCT_1989)] == ["P1D"]


# -- a year that closes a name -------------------------------------------------------------------------


def test_year_closing_a_name_is_not_a_date() -> None:
    text = "Farkas set up a joint venture called Orion 1980, making space technology."
    assert find_timexes(text, "1998-04-18") == []
    assert find_timexes("The plan, known as Agenda 2000, was adopted.", "1998-04-18") == []


def test_year_after_a_capitalised_word_that_is_not_a_name_stays() -> None:
    for text in (
        "Analysts cut Microsoft 1998 results.",  # the name does not end with the year
        "Kopp's 1987 Chevrolet was found.",  # a possessive
        "Since 1993, three doctors died.",  # a sentence's first word
        "He was born in Ohio in 1950.",
        "Sales rose in Spring 1998.",
    ):
        assert find_timexes(text, "1998-04-18"), text


def test_the_day_followed_by_a_day_name_leaves_the_day_name() -> None:
    found = find_timexes("During the day Friday, he played in the yard.", "2000-01-07")
    assert [(t.text, t.value) for t in found] == [("Friday", "2000-01-07")]
    found = find_timexes("Late in the day, lawyers emerged.", "2000-01-07")
    assert [(t.text, t.value) for t in found] == [("the day", "2000-01-07")]
