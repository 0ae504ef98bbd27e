"""Intended, announced and stated future acts (CAMEO2PLOVER 03x "express intent to…" is AGREE).

The sentences below were written for these tests (none is copied from ../shared/data).
"""

from __future__ import annotations

import pytest

from tidings.analyze import analyze
from tidings.models import Article
from tidings.nlp.langid import annotate


def _types(text: str) -> list[str]:
    analysis = analyze(annotate(Article.create(text, published="2024-03-05")))
    return [e["type"] for e in analysis.events]


@pytest.mark.parametrize(
    "text",
    [
        "The rebel army announced it would pull its fighters out of the northern towns.",
        "The militia said on Friday that it will hand back the trucks it captured in March.",
        "The junta plans to release the detained students before the holiday.",
    ],
)
def test_an_announced_or_intended_retreat_is_an_intent_to_yield(text: str) -> None:
    types = _types(text)
    assert "AGREE" in types, types
    assert "CONCEDE" not in types and "RETREAT" not in types, types


def test_a_retreat_the_writer_states_will_happen_is_the_retreat() -> None:
    types = _types("The finance minister of Peru will resign after the budget vote.")
    assert types == ["RETREAT"], types


# -- codebook acts by what is acted on (manual v2.0 and CAMEO2PLOVER; sentences written here) -------


@pytest.mark.parametrize(
    ("text", "kind", "wrong"),
    [
        ("North Korea test-fired two ballistic missiles into the sea on Sunday.", "MOBILIZE", "ASSAULT"),
        ("Iran tested a new long-range missile on Tuesday.", "MOBILIZE", None),
        ("The army staged military exercises along the border on Friday.", "MOBILIZE", "COOPERATE"),
        ("The Chinese navy held live-fire drills near the island on Monday.", "MOBILIZE", None),
        ("The navies of India and France held joint exercises in the Indian Ocean.", "COOPERATE", "MOBILIZE"),
        ("Militants shut off the water supply to the city on Monday.", "COERCE", None),
        ("The United States withdrew from the arms control treaty on Friday.", "SANCTION", "RETREAT"),
        ("Venezuela pulled out of the regional trade bloc last week.", "SANCTION", "RETREAT"),
        ("The government expelled the UN refugee agency from the country on Monday.", "SANCTION", "COERCE"),
        ("The junta expelled foreign aid workers and international observers.", "SANCTION", "COERCE"),
        ("Police freed twelve trafficking victims during a raid in the port on Monday.", "AID", "RETREAT"),
        ("The court issued an arrest warrant for the exiled opposition leader.", "THREATEN", None),
        ("The two foreign ministers spoke by telephone on Tuesday.", "CONSULT", None),
    ],
)
def test_codebook_acts_decided_by_their_object(text: str, kind: str, wrong: str | None) -> None:
    types = _types(text)
    assert kind in types, types
    assert wrong is None or wrong not in types, types


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The army withdrew its troops from the border town on Monday.", "RETREAT"),
        ("The government deported a French journalist on Monday.", "COERCE"),
        ("The rebels freed thirty hostages near the border on Monday.", "RETREAT"),
        ("Rebels fired rockets at the airport on Monday.", "ASSAULT"),
    ],
)
def test_the_same_verbs_keep_their_type_on_other_objects(text: str, kind: str) -> None:
    assert kind in _types(text)


def test_bad_input_to_the_object_rules_does_not_crash() -> None:
    for text in ("Withdrew from.", "Expelled", "test-fired", "held drills drills drills with with", ""):
        assert isinstance(_types(text), list)


@pytest.mark.parametrize(
    ("text", "kind", "wrong"),
    [
        ("Students staged a sit-in outside the ministry on Monday.", "PROTEST", None),
        ("The government did not accept the proposal for new talks.", "REJECT", "CONCEDE"),
        ("The ministry never allowed the opposition to register.", "REJECT", "CONCEDE"),
        ("The United States cut off military aid to the regime.", "SANCTION", "COERCE"),
        ("The government blocked access to social media sites.", "COERCE", "PROTEST"),
        ("Farmers blocked the main road into the capital on Monday.", "PROTEST", "COERCE"),
    ],
)
def test_hyphenated_nouns_refusals_and_who_blocks(text: str, kind: str, wrong: str | None) -> None:
    types = _types(text)
    assert kind in types, types
    assert wrong is None or wrong not in types, types


def test_the_government_accepting_stays_a_concession() -> None:
    assert "CONCEDE" in _types("The government accepted the demands of the striking miners.")


def _recipient_names(text: str, kind: str) -> list[str]:
    analysis = analyze(annotate(Article.create(text, published="2024-03-05")))
    actors = {a.id: a for a in analysis.actors}
    event = next(e for e in analysis.events if e["type"] == kind)
    return [actors[r].name for r in event["recipients"]]


def test_the_beneficiary_on_the_thing_given_is_the_recipient() -> None:
    text = "The European Union provided 40 million euros of aid for Chad and Mali on Monday."
    assert {"Chad", "Mali"} <= set(_recipient_names(text, "AID"))
