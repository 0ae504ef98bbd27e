"""Event location: named sites inside a town, places named by a place noun, clauses of the scene,
aims and datelines."""

from __future__ import annotations

from typing import Any

import pytest

from tidings.geo import event_location, resolve_places
from tidings.geo.location_mentions import named_by_noun
from tidings.models import Article
from tidings.nlp.model import parse_text


def _locate(text: str, trigger: str) -> dict[str, Any] | None:
    doc = parse_text(text)
    places = resolve_places(Article.create(text), doc)
    start = text.index(trigger)
    return event_location(doc, None, (start, start + len(trigger)), places)


@pytest.mark.parametrize(
    ("text", "trigger", "site"),
    [
        (
            "A suicide bomber detonated his belt at the entrance of a polling station in al-Qudwa school "
            "in western Baghdad.",
            "detonated",
            "al-Qudwa",
        ),
        (
            "A roadside bomb detonated at 9 a.m. near al-Nasr Stadium in eastern Baghdad when a patrol "
            "passed by.",
            "detonated",
            "al-Nasr",
        ),
    ],
)
def test_a_named_site_in_a_town_beats_the_town(text: str, trigger: str, site: str) -> None:
    chosen = _locate(text, trigger)
    assert chosen is not None and site in chosen["text"]


def test_an_unknown_name_of_an_outpost_is_the_site() -> None:
    chosen = _locate(
        "Three soldiers were wounded while patrolling near the Tamarisk outpost at Har Zohar.", "patrolling"
    )
    assert chosen is not None and chosen["text"] == "Tamarisk"
    assert chosen["geo_precision"] == 2  # near it


def test_the_object_of_a_when_clause_is_the_place_acted_on() -> None:
    chosen = _locate("Two people were killed when gunmen stormed Tikrit on Monday.", "killed")
    assert chosen is not None and chosen["text"] == "Tikrit" and chosen["role"] == "patient"
    text = "Twelve villagers were killed when militants raided the Qarwiya and Dabsiya villages near Mosul."
    chosen = _locate(text, "killed")
    assert chosen is not None and chosen["text"] in ("Qarwiya", "Dabsiya")


def test_the_subject_of_a_when_clause_is_no_place_of_the_event() -> None:
    chosen = _locate("Two people were wounded when Syrian jets bombed a market.", "wounded")
    assert chosen is None


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("He shot a 65 on Sunday to win the Memphis Open by three strokes.", "shot"),
        ("She won the final on Sunday to claim the Springfield Open title.", "won"),
    ],
)
def test_what_an_infinitive_clause_aims_at_is_not_the_scene(text: str, trigger: str) -> None:
    assert _locate(text, trigger) is None


def test_a_double_dash_dateline_is_not_the_place() -> None:
    from tidings.text import dateline_end

    assert dateline_end("KABUL -- Gunmen killed two guards.") == len("KABUL -- ")
    assert dateline_end("BOMBING  KABUL -- Gunmen killed two guards.") == len("BOMBING  KABUL -- ")
    assert dateline_end("Gunmen killed two guards -- police said -- in Kandahar.") == 0
    chosen = _locate("KABUL -- Gunmen killed two guards in Kandahar on Sunday.", "killed")
    assert chosen is not None and chosen["text"] == "Kandahar"


@pytest.mark.parametrize(
    ("text", "name", "named"),
    [
        ("Rebels overran the towns of Kafr Dabil and Ain Qasra.", "Qasra", True),
        ("Rebels overran the town of Kafr Dabil.", "Dabil", True),
        ("Militants raided the Qarwiya and Dabsiya villages.", "Qarwiya", True),
        ("Soldiers guarded the Tamarisk outpost.", "Tamarisk", True),
        ("Rebels overran the army of Kafr Dabil.", "Dabil", False),
        ("Jonas Salk met Kafr Dabil.", "Dabil", False),
    ],
)
def test_names_named_as_places_by_a_place_noun(text: str, name: str, named: bool) -> None:
    doc = parse_text(text)
    token = next(t for t in doc if t.text == name)
    assert named_by_noun(token) is named


def test_a_site_in_another_clause_does_not_push_out_the_town_of_the_event() -> None:
    text = (
        "The champion captured her third title in Madrid last week to gain confidence ahead of the "
        "Wimbledon Championships."
    )
    chosen = _locate(text, "captured")
    assert chosen is not None and chosen["text"] == "Madrid"


@pytest.mark.parametrize("text", ["", " -- ", "KABUL --", "KABUL -- " + "x" * 3000 + " killed", "-- -- --"])
def test_odd_sentences_do_not_crash(text: str) -> None:
    assert event_location(text, None, None, []) is None
    assert event_location(text, (0, len(text)), (0, 5), [{"start": -4, "end": 10**6}]) is None


@pytest.mark.parametrize(
    ("text", "trigger", "town"),
    [
        ("Troops killed fighters who tried to break the siege of the city of Homs.", "killed", "Homs"),
        ("He was captured, beaten and his body left on the edge of Kandahar.", "captured", "Kandahar"),
        ("Rebels fired on troops, who returned fire in Hebron.", "fired", "Hebron"),
    ],
)  # fmt: skip
def test_the_town_where_a_neighbouring_clause_happens_when_nothing_better_is_named(
    text: str, trigger: str, town: str
) -> None:
    chosen = _locate(text, trigger)
    assert chosen is not None and chosen["text"] == town and chosen["score"] < 2.3


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Students were protesting against the operation in Gaza which left 50 dead.", "protesting"),
        ("Ten militants were killed in the shelling, including the governor of Raqqa Abu Omar.", "killed"),
        ("Government troops killed dozens of fighters who tried to break the siege of Syria.", "killed"),
        ("Two soldiers were killed by fighters who had trained in Raqqa.", "killed"),
    ],
)  # fmt: skip
def test_no_fallback_to_a_target_an_office_a_country_or_someone_elses_town(text: str, trigger: str) -> None:
    assert _locate(text, trigger) is None


def test_an_instrument_of_the_event_does_not_hide_its_place() -> None:
    chosen = _locate("The banker was shot with a pistol fitted with a silencer in central Moscow.", "shot")
    assert chosen is not None and chosen["text"] == "Moscow" and chosen["geo_precision"] == 2


@pytest.mark.parametrize("office", ["governor", "mayor"])
def test_the_town_an_official_governs_is_where_the_official_is_from(office: str) -> None:
    from tidings.geo.location_syntax import relation

    doc = parse_text(
        f"Ten militants were killed in the shelling, including the rebel {office} of Raqqa Abu Omar."
    )
    killed = next(t for t in doc if t.text == "killed")
    raqqa = next(t for t in doc if t.text == "Raqqa")
    assert relation(killed, raqqa).role == "origin"
