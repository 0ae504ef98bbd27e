"""A note's event when the parse finds none (:mod:`tidings.events.acled_fallback`).

Every note below was written for these tests in ACLED's style (invented events, real place names).
"""

from __future__ import annotations

from typing import Any

import pytest

from tidings.analyze import analyze
from tidings.events.acled_fallback import CONFIDENCE, OPENING
from tidings.models import Article


def _events(text: str, day: str = "2024-03-09") -> list[dict[str, Any]]:
    return analyze(Article.create(text, published=day)).events


@pytest.mark.parametrize(
    ("text", "opens"),
    [
        ("On 9 March 2024, workers held a stayaway.", True),
        ("On the night of 9 March 2024, gunmen stormed a hotel.", True),
        ("Around 1 September 2024, fighters looted shops.", True),
        ("On Monday, the minister said the talks would resume.", False),
        ("Workers held a stayaway on 9 March 2024.", False),
    ],
)
def test_the_acled_opening(text: str, opens: bool) -> None:
    assert bool(OPENING.match(text)) is opens


def test_a_note_the_parse_cannot_code_still_reports_its_event() -> None:
    events = _events(
        "On 9 March 2024, members of the taxi association held a stayaway in Durban "
        "(eThekwini, KwaZulu-Natal) over fuel prices; commuters were stranded."
    )
    coded = [e for e in events if (e.get("acled") or {}).get("event_type")]
    assert len(coded) == 1
    event = coded[0]
    assert event["acled"]["event_type"] == "Protests"
    assert event["location"] and event["location"]["country"] == "ZAF"
    assert event["date_source"] in ("article", "text")


def test_a_cue_coded_note_says_so_and_reads_its_toll() -> None:
    events = _events(
        "On 9 March 2024, a cattle raid by armed youths near Bor (Bor South, Jonglei) left three "
        "herders dead and hundreds of cows taken."
    )
    coded = [e for e in events if (e.get("acled") or {}).get("event_type")]
    assert coded
    fallback = [e for e in coded if e["confidence"] == CONFIDENCE]
    for event in fallback:  # when the parse missed it, the words code it, and say so
        assert event["evidence"] and event["trigger"]


def test_no_event_is_made_up_for_news_or_for_notes_without_a_cue() -> None:
    assert not [
        e
        for e in _events("On Monday, the minister said the talks would resume in Geneva.")
        if e["confidence"] == CONFIDENCE
    ]
    assert not [
        e
        for e in _events(
            "On 9 March 2024, the minister thanked the donors in Durban (eThekwini, KwaZulu-Natal)."
        )
        if e["confidence"] == CONFIDENCE
    ]
    # a note whose own event the parse found gets no second one
    events = _events(
        "On 9 March 2024, militants attacked a market in Marte (Marte, Borno), killing 4 people."
    )
    assert not [e for e in events if e["confidence"] == CONFIDENCE]


@pytest.mark.parametrize(
    "text", ["On 9 March 2024,", "On 9 March 2024, " + "x " * 5000, "On 9 March 2024, ((("]
)
def test_odd_notes_do_not_crash(text: str) -> None:
    _events(text)
