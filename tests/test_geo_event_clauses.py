"""Event location and toponyms: other events named in time clauses, cities tagged as peoples."""

from __future__ import annotations

from typing import Any

import pytest

from tidings.geo import event_location, resolve_places, resolve_spans
from tidings.geo.resolve import Mention
from tidings.models import Article
from tidings.nlp.model import parse_text


def _locate(text: str, trigger: str) -> dict[str, Any] | None:
    doc = parse_text(text)
    places = resolve_places(Article.create(text), doc)
    start = text.index(trigger)
    return event_location(doc, None, (start, start + len(trigger)), places)


def _resolve(text: str, name: str, label: str) -> dict[str, Any] | None:
    start = text.index(name)
    places = resolve_spans(text, [Mention(start, start + len(name), name, label)])
    return places[0] if places else None


def test_an_event_noun_after_before_or_since_is_another_event() -> None:
    chosen = _locate("A day after the Mosul bombings, gunmen killed six people in Tikrit.", "killed")
    assert chosen is not None and chosen["text"] == "Tikrit"
    assert _locate("Hours after the Herat attack, police arrested three men.", "arrested") is None


def test_when_tells_the_same_scene() -> None:
    chosen = _locate("Five people were killed when a car bomb exploded in Kirkuk.", "killed")
    assert chosen is not None and chosen["text"] == "Kirkuk"


def test_a_city_the_tagger_took_for_a_people_is_still_the_city() -> None:
    text = "In Mosul, a shopkeeper was killed by gunmen on Sunday."
    place = _resolve(text, "Mosul", "NORP")
    assert place is not None and place["resolved"] and place["country"] == "IRQ"
    assert place["feature"].startswith("PPL")


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [("Iraqi troops advanced.", "Iraqi", "IRQ"), ("Canadian officials said so.", "Canadian", "CAN")],
)
def test_a_peoples_adjective_still_names_its_country(text: str, name: str, country: str) -> None:
    place = _resolve(text, name, "NORP")
    assert place is not None and place["feature"] == "PCLI" and place["country"] == country


@pytest.mark.parametrize("name", ["Christians", "Sunni", "Democrats", "", "x" * 5000])
def test_groups_tagged_as_peoples_name_no_city(name: str) -> None:
    text = f"The {name} gathered."
    place = _resolve(text, name, "NORP") if name else None
    assert place is None or not place["resolved"] or place["feature"] in ("PCLI", "CONT", "ADM1", "RGN")


def test_an_after_clause_is_another_clause_a_when_clause_the_same_scene() -> None:
    from tidings.geo.location_syntax import relation

    doc = parse_text("Two soldiers were killed in Gao after rebels seized Kidal.")
    killed = next(t for t in doc if t.text == "killed")
    kidal = next(t for t in doc if t.text == "Kidal")
    assert relation(killed, kidal).clause == 2
    doc = parse_text("Two soldiers were killed when rebels stormed Kidal.")
    killed = next(t for t in doc if t.text == "killed")
    kidal = next(t for t in doc if t.text == "Kidal")
    assert relation(killed, kidal).clause == 1


def test_an_unknown_name_tagged_as_a_place_scores_as_a_place() -> None:
    from tidings.geo.query import unresolved

    text = "Rebels shelled Qarawil on Friday."
    start = text.index("Qarawil")
    doc = parse_text(text)
    trigger = (text.index("shelled"), text.index("shelled") + 7)
    scores = {}
    for label in ("GPE", "PERSON"):
        place = unresolved(
            Mention(start, start + 7, "Qarawil", label), "no place of this name in the gazetteer"
        )
        chosen = event_location(doc, None, trigger, [place])
        scores[label] = chosen["score"] if chosen else 0.0
    assert scores["GPE"] > scores["PERSON"] > 0.0
