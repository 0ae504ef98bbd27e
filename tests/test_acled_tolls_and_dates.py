"""ACLED fatality conventions read by the size rules, and earlier happenings told in a clause.

Each rule has a positive sentence and a nearby negative, all written for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest

from tidings.events.attributes import describe
from tidings.events.attributes_size import find_sizes
from tidings.events.model import Attributes, EventContext

PUBLISHED = "2024-05-06"


def _context(text: str) -> EventContext:
    from tidings.nlp.model import parse_text
    from tidings.time import find_timexes

    doc = parse_text(text)
    return EventContext(doc=doc, published=PUBLISHED, timexes=find_timexes(text, PUBLISHED, doc))


def _trigger(ctx: EventContext, word: str) -> Any:
    tokens = [t for t in ctx.doc if t.text == word]
    assert tokens, f"{word!r} not in the parse"
    return tokens[0]


def _killed(text: str, word: str) -> int | None:
    ctx = _context(text)
    return find_sizes(_trigger(ctx, word)).counts["killed"]


def _describe(text: str, word: str) -> Attributes:
    ctx = _context(text)
    return describe(ctx, _trigger(ctx, word))


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # a toll clause before a semicolon in the next sentence
        (
            "Rockets struck a market in the port town. 14 people died; state media blamed the rebels.",
            "struck",
            14,
        ),
        ("Rockets struck a market in the port town. State media blamed the rebels for it.", "struck", None),
        # bodies found are deaths
        ("Two gangs fought in the hills near the quarry. Three bodies were found there.", "fought", 3),
        ("Two gangs fought in the hills near the quarry. Three rifles were found there.", "fought", None),
        # the death toll as a noun phrase, whatever its verb, not the date number
        ("Bandits raided a farming village at dawn. The death toll was put at 41 on 9 May.", "raided", 41),
        ("Bandits raided a farming village at dawn. The death toll stood at 27 by Friday.", "raided", 27),
        ("Bandits raided a farming village at dawn. Fears grew in nearby towns.", "raided", None),
        # "neutralised" fighters are killed, a neutralised device is not
        (
            "Soldiers clashed with rebels near the dam. The army said five insurgents were neutralised.",
            "clashed",
            5,
        ),
        (
            "Soldiers clashed with rebels near the dam. The army said two mines were neutralised.",
            "clashed",
            None,
        ),
        # coordinated counts add up
        ("Gunmen attacked the jail at night. At least 6 inmates and 2 wardens were killed.", "attacked", 8),
        ("A rocket hit a camp, killing a local commander and another fighter of the unit.", "hit", 2),
        ("A rocket hit a camp, killing a local commander of the unit.", "hit", 1),
    ],
)
def test_fatality_conventions(text: str, word: str, expected: int | None) -> None:
    assert _killed(text, word) == expected


def test_acled_coded_as_sentence() -> None:
    text = "Rebels attacked an army post near the river; the number of fatalities is unclear, coded as 10."
    assert _killed(text, "attacked") == 10
    # "coded as" without a casualty word says nothing of fatalities
    other = "Rebels attacked an army post near the river; the incident was coded as 3 separate events."
    assert _killed(other, "attacked") is None


def test_death_in_an_earlier_clause_does_not_count() -> None:
    text = "Hundreds marched to the town hall, two days after a boy was shot dead by a guard."
    assert _killed(text, "marched") is None
    same = "Hundreds marched to the town hall after a boy was shot dead by a guard."
    assert _killed(same, "marched") is None  # an "after" clause is another happening
    main = "A boy was shot dead by a guard after hundreds marched to the town hall."
    assert _killed(main, "marched") == 1


def test_measured_after_clause_is_historical() -> None:
    earlier = _describe(
        "Hundreds marched to the town hall, two days after a boy was shot dead by a guard.", "shot"
    )
    assert earlier.aux == "historical"
    same_day = _describe("Police fired tear gas after protesters threw stones at the town hall.", "threw")
    assert same_day.aux != "historical"


@pytest.mark.parametrize(
    "text",
    [
        "coded as",
        "The death toll.",
        "; ; ;",
        "Gunmen attacked. The toll was put at -5.",
        "Gunmen attacked. coded as 999999999 fatalities.",
        " and ".join(["3 soldiers"] * 200) + " were killed.",
    ],
)
def test_bad_input_does_not_crash(text: str) -> None:
    ctx = _context(text)
    for token in ctx.doc:
        counts = find_sizes(token).counts
        assert all(v is None or 0 <= v <= 100_000 for v in counts.values())


def test_relative_clause_time_does_not_date_the_main_verb() -> None:
    text = (
        "On 2 May 2024, relatives of the miners who died in the shaft five years ago marched to the ministry."
    )
    assert _describe(text, "marched").date == "2024-05-02"
    own = "Relatives of the miners marched to the ministry five years ago."
    assert _describe(own, "marched").date != "2024-05-06"  # the verb's own time still dates it


def test_purpose_clause_time_does_not_carry_to_the_next_sentence() -> None:
    text = (
        "On 3 May 2024, crowds gathered in the square to mourn the victims of a fire the previous night. "
        "Some also chanted against the mayor."
    )
    assert _describe(text, "chanted").date == "2024-05-03"
    plain = "Crowds gathered in the square on 1 May 2024. Some also chanted against the mayor."
    assert _describe(plain, "chanted").date == "2024-05-01"  # a main clause's date carries on
