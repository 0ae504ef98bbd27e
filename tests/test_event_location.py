"""geo/location*.py: where an event happened, from the dependency parse of its sentence.

Every sentence here was written for these tests. They need the English model and the gazetteer
(built once into the user cache by the geo tests, or here on first use).
"""

from __future__ import annotations

from typing import Any

import pytest

from tidings.geo import event_location, resolve_places
from tidings.geo.location_mentions import missed_places
from tidings.geo.location_syntax import relation
from tidings.models import Article
from tidings.nlp.model import parse_text


def _locate(text: str, trigger: str, nth: int = 0) -> dict[str, Any] | None:
    doc = parse_text(text)
    places = resolve_places(Article.create(text), doc)
    start = -1
    for _ in range(nth + 1):
        start = text.index(trigger, start + 1)
    return event_location(doc, None, (start, start + len(trigger)), places)


def _token(doc: Any, word: str) -> Any:
    return next(t for t in doc if t.text == word)


# -- the role of a place in the parse ----------------------------------------------------------------


def test_relation_roles_follow_the_parse() -> None:
    doc = parse_text("Kenyan troops captured Kismayo on Friday after heavy fighting near Afmadow.")
    captured = _token(doc, "captured")
    assert relation(captured, _token(doc, "Kismayo")).role == "patient"
    assert relation(captured, _token(doc, "Kenyan")).role == "people"  # whose troops
    doc = parse_text("A bomb exploded in a crowded bus in Peshawar on Monday.")
    rel = relation(_token(doc, "exploded"), _token(doc, "Peshawar"))
    assert (rel.role, rel.clause, rel.depth) == ("site", 0, 1)


def test_relation_marks_other_clauses_and_sentences() -> None:
    doc = parse_text("Gunmen shot a driver on Sunday. Officials met in Nairobi later.")
    rel = relation(_token(doc, "shot"), _token(doc, "Nairobi"))
    assert rel.clause == 3
    doc = parse_text("Rebels attacked the convoy, a spokesman who lives in Nairobi said.")
    assert relation(_token(doc, "attacked"), _token(doc, "Nairobi")).clause >= 2


# -- choosing the place ------------------------------------------------------------------------------


def test_the_object_of_a_locative_preposition_is_the_site() -> None:
    chosen = _locate("Iranian officials said a car bomb exploded in Kirkuk on Monday.", "exploded")
    assert chosen is not None and chosen["text"] == "Kirkuk"
    assert chosen["precision"] == 1 and chosen["country"] == "IRQ" and chosen["role"] == "site"


def test_the_subjects_country_is_not_the_site() -> None:
    chosen = _locate("Kenyan troops captured Kismayo on Friday.", "captured")
    assert chosen is not None and chosen["text"] == "Kismayo"
    assert _locate("Kenya condemned the attack on Friday.", "attack") is None


def test_a_city_qualifying_people_places_them_a_country_does_not() -> None:
    chosen = _locate("Mombasa police shot a suspect on Friday.", "shot")
    assert chosen is not None and chosen["text"] == "Mombasa" and chosen["role"] == "located"
    assert _locate("Kenyan police shot a suspect on Friday.", "shot") is None


def test_the_most_specific_place_of_the_event_wins() -> None:
    chosen = _locate("Militants stormed a police post in Mosul in Nineveh province on Sunday.", "stormed")
    assert chosen is not None and chosen["text"] == "Mosul"
    chosen = _locate("Jets bombed a bakery in Syria's Idlib province on Tuesday.", "bombed")
    assert chosen is not None and chosen["text"].startswith("Idlib")
    assert chosen["precision"] == 3


def test_a_reference_point_gives_precision_two() -> None:
    chosen = _locate("A roadside bomb killed two soldiers near Kandahar on Sunday.", "killed")
    assert chosen is not None and chosen["text"] == "Kandahar"
    assert chosen["precision"] == 2 and chosen["role"] == "near"


def test_a_target_or_topic_is_not_a_site() -> None:
    assert _locate("Students protested against Uganda's new tax on Monday.", "protested") is None


def test_a_place_in_another_sentence_is_not_the_site() -> None:
    text = "Rebels attacked a convoy at dawn. Later, officials met in Cairo."
    assert _locate(text, "attacked") is None


def test_the_dateline_is_not_the_site() -> None:
    text = "NAIROBI (Wire) - Gunmen killed three people in Mandera on Sunday."
    chosen = _locate(text, "killed")
    assert chosen is not None and chosen["text"] == "Mandera"
    text = "NAIROBI (Wire) - Gunmen killed three people on Sunday."
    assert _locate(text, "killed") is None


def test_sentence_bounds_limit_the_places_and_the_old_call_still_works() -> None:
    text = "Officials in Cairo spoke on Monday. A blast hit a bus in Aswan."
    places = resolve_places(Article.create(text), parse_text(text))
    second = text.index("A blast")
    hit = text.index("hit")
    chosen = event_location(text, (second, len(text)), (hit, hit + 3), places)  # the text, not a parse
    assert chosen is not None and chosen["text"] == "Aswan"
    assert chosen["place"]["text"] == "Aswan" and chosen["geo_precision"] == chosen["precision"]
    assert event_location(text, (0, second), (hit, hit + 3), places) is None


def test_spacy_spans_are_accepted() -> None:
    text = "Police fired tear gas at protesters in Lagos on Saturday."
    doc = parse_text(text)
    places = resolve_places(Article.create(text), doc)
    trigger = doc[1:2]
    chosen = event_location(doc, next(iter(doc.sents)), trigger, places)
    assert chosen is not None and chosen["text"] == "Lagos"


# -- names the place stage missed --------------------------------------------------------------------


def test_a_missed_town_in_the_events_slot_is_looked_up() -> None:
    doc = parse_text("Peacekeepers patrolled Kakata on Tuesday.")
    found = missed_places(doc, _token(doc, "patrolled"), (0, len(doc.text)), [])
    assert [(p["text"], p["country"]) for p in found] == [("Kakata", "LBR")]


def test_a_missed_name_outside_the_events_slots_is_not_looked_up() -> None:
    doc = parse_text("Kakata officials thanked the peacekeepers on Tuesday.")
    assert missed_places(doc, _token(doc, "thanked"), (0, len(doc.text)), []) == []


# -- bad input ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "places",
    [
        [],
        [{"start": "x", "end": None}],
        [{"text": "Mosul"}],
        ["Mosul", None, 3],
        [{"start": 500, "end": 900, "text": "far away", "resolved": True}],
        [{"start": 9, "end": 3, "text": "reversed"}],
    ],
)
def test_bad_places_never_crash(places: list[Any]) -> None:
    text = "A bomb exploded in a market on Monday."
    doc = parse_text(text)
    assert event_location(doc, None, (7, 15), places) is None


@pytest.mark.parametrize(
    ("text", "sentence", "trigger"),
    [
        ("", None, None),
        ("   ", (0, 3), (0, 1)),
        ("A bomb exploded in Mosul.", None, (400, 410)),
        ("A bomb exploded in Mosul.", (30, 2), None),
        ("A bomb exploded in Mosul.", "nonsense", object()),
        ("A bomb exploded in Mosul.", (-5, -1), (-3, -2)),
    ],
)
def test_bad_offsets_and_empty_texts_never_crash(text: str, sentence: Any, trigger: Any) -> None:
    places = resolve_places(Article.create(text), parse_text(text)) if text.strip() else []
    chosen = event_location(text, sentence, trigger, places)
    assert chosen is None or chosen["text"] == "Mosul"


def test_a_long_sentence_full_of_names_still_answers() -> None:
    text = "Troops patrolled " + ", ".join(["Mosul", "Kirkuk", "Erbil", "Basra"] * 40) + " on Monday."
    chosen = _locate(text, "patrolled")
    assert chosen is None or chosen["text"] in ("Mosul", "Kirkuk", "Erbil", "Basra")


def test_a_named_feature_in_the_events_slot_is_a_place_even_unknown() -> None:
    doc = parse_text("Riot police patrolled Zorbanite Square in Kisumu on Friday.")
    found = missed_places(doc, _token(doc, "patrolled"), (0, len(doc.text)), [])
    assert [p["text"] for p in found] == ["Zorbanite Square", "Kisumu"]  # nothing given: both looked up
    chosen = event_location(doc, None, (11, 20), resolve_places(Article.create(doc.text), doc))
    assert chosen is not None and chosen["text"] == "Zorbanite Square"
    assert chosen["country"] == "KEN"  # placed in the town the sentence puts it in


def test_a_compound_qualifier_or_a_persons_origin_is_not_the_site() -> None:
    doc = parse_text("Mortars hit a Kenya-run camp on Tuesday.")
    assert relation(_token(doc, "hit"), _token(doc, "Kenya")).role == "people"
    assert _locate(doc.text, "hit") is None
    doc = parse_text("Omar Farah, 30, of a village near Garissa, detonated a bomb on Tuesday.")
    assert relation(_token(doc, "detonated"), _token(doc, "Garissa")).role == "origin"
    assert _locate(doc.text, "detonated") is None


def test_a_countrys_facility_abroad_is_placed_by_its_town() -> None:
    chosen = _locate("A rocket struck the US base in Bagram on Monday.", "struck")
    assert chosen is not None and chosen["text"] == "Bagram"


# -- the evaluator's row scoring ---------------------------------------------------------------------


def _row(text: str, verb: str, location: str | None) -> dict[str, Any]:
    tokens, spans = [], []
    position = 0
    for i, word in enumerate(text.replace(".", " .").split()):
        start = text.index(word, position)
        position = start + len(word)
        tokens.append({"id": i, "start": start, "end": position, "text": word})
    for label, word in (("VERB", verb), ("LOCATION", location)):
        if word is None:
            continue
        i = next(t["id"] for t in tokens if t["text"] == word)
        # char offsets deliberately broken (start == end): the token offsets must be used
        spans.append({"label": label, "start": 0, "end": 0, "token_start": i, "token_end": i, "text": word})
    return {"_id": "own", "text": text, "tokens": tokens, "spans": spans, "source": "RELABEL"}


def test_event_rows_are_scored_from_token_offsets() -> None:
    from tidings.eval.geo import _event_row, _event_summary

    placed = _event_row(_row("Gunmen attacked a bus in Garissa on Monday.", "attacked", "Garissa"))
    assert placed["correct"] and placed["chosen"] == "Garissa" and placed["located"]
    wrong = _event_row(_row("Gunmen attacked a bus in Garissa on Monday.", "attacked", "Monday"))
    assert not wrong["correct"]
    unplaced = _event_row(_row("Gunmen attacked a bus on Monday.", "attacked", None))
    assert unplaced["correct"] and unplaced["chosen"] is None and not unplaced["located"]
    summary = _event_summary([placed, wrong, unplaced])
    assert summary["events"] == 3 and summary["accuracy"] == round(2 / 3, 4)
    assert summary["accuracy_located"] == 0.5 and summary["accuracy_unlocated"] == 1.0
