"""Event detection and coding: PLOVER types, modes, roles, merging, ACLED projection, bad input.

The sentences below were written for these tests (none is copied from ../shared/data).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from tidings.analyze import analyze
from tidings.events.acled import project
from tidings.events.merge import merge
from tidings.ingest.textfile import ReadOptions, read_seed
from tidings.models import Analysis, Article
from tidings.nlp.langid import annotate

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_0cbdc410b123fccd.txt"
ACLED_EVENT_TYPES = {
    "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
    "Strategic developments",
}  # fmt: skip


def _analysis(text: str, date: str = "2024-03-05") -> Analysis:
    return analyze(annotate(Article.create(text, published=date)))


def _names(analysis: Analysis, ids: list[str]) -> list[str]:
    actors = {a.id: a for a in analysis.actors}
    return [actors[i].name for i in ids]


def _only(analysis: Analysis, kind: str) -> dict[str, Any]:
    found = [e for e in analysis.events if e["type"] == kind]
    assert len(found) == 1, [(e["type"], e["trigger"]) for e in analysis.events]
    return found[0]


# -- coding single sentences ---------------------------------------------------------------------------


def test_drone_attack_by_unknown_perpetrators() -> None:
    analysis = _analysis("An explosive-laden drone attacked the governor's residence in Mosul on Tuesday.")
    event = _only(analysis, "ASSAULT")
    assert {"drone", "explosives"} <= set(event["modes"])
    [actor] = [a for a in analysis.actors if a.id in event["actors"]]
    assert actor.sector == "UNK"
    assert any("governor" in name for name in _names(analysis, event["recipients"]))
    assert event["acled"]["event_type"] == "Explosions/Remote violence"
    assert event["acled"]["sub_event_type"] == "Air/drone strike"
    assert event["acled"]["disorder_type"] == "Political violence"
    text = analysis.article.text
    assert text[event["trigger"][0] : event["trigger"][1]] == "attacked"
    assert all(0 <= s < e <= len(text) for s, e in event["evidence"])


@pytest.mark.parametrize(
    ("text", "kind", "mode"),
    [
        (
            "The rebels threatened to shell the northern villages if the army advanced.",
            "THREATEN",
            "violence",
        ),
        ("Police arrested forty students outside the university on Monday.", "COERCE", "arrest"),
        ("The governor lifted the nightly curfew in the port city on Friday.", "CONCEDE", None),
        ("The interior ministry imposed a curfew on the border town.", "COERCE", "curfew"),
        ("The foreign minister of Chile condemned the bombing of the embassy.", "ACCUSE", "disapprove"),
        ("Peru rejected the request from Bolivia for new border talks.", "REJECT", None),
        ("The two presidents held talks in Lisbon on trade and fishing rights.", "CONSULT", None),
        ("Norway said it would send doctors and medicine to the flooded region.", "AGREE", None),
        ("The union demanded that the company restore the old pay scale.", "REQUEST", None),
        ("Japan halted economic aid to the military government.", "SANCTION", "discontinue"),
        ("Army units were deployed along the eastern frontier overnight.", "MOBILIZE", "troops"),
        ("The defence minister resigned on Thursday after the budget vote.", "RETREAT", "resign"),
        ("The rebel command declared a ceasefire in the southern hills on Sunday.", "CONCEDE", None),
        ("Protesters blocked the main highway into the capital for six hours.", "PROTEST", "obstruct"),
        ("The navy moved two warships toward the disputed islands.", "MOBILIZE", "weapons"),
    ],
)
def test_plover_type_from_the_definitions(text: str, kind: str, mode: str | None) -> None:
    analysis = _analysis(text)
    types = [e["type"] for e in analysis.events]
    assert kind in types, types
    event = next(e for e in analysis.events if e["type"] == kind)
    if mode is not None:
        assert mode in event["modes"]


def test_a_reported_demand_is_a_request_from_the_speaker_to_the_subject() -> None:
    analysis = _analysis("The Kenyan president said on Monday that Uganda must return the seized trucks.")
    event = _only(analysis, "REQUEST")
    assert [a.country for a in analysis.actors if a.id in event["actors"]] == ["KEN"]
    assert [a.country for a in analysis.actors if a.id in event["recipients"]] == ["UGA"]


def test_reporting_verbs_alone_are_not_events() -> None:
    analysis = _analysis("The spokesman said the weather in the capital was mild, officials told reporters.")
    assert analysis.events == []


def test_protest_topic_is_not_a_separate_request() -> None:
    analysis = _analysis("Thousands of nurses marched through the capital on Sunday to demand higher wages.")
    assert [e["type"] for e in analysis.events] == ["PROTEST"]
    event = analysis.events[0]
    assert event["acled"] == {
        "event_type": "Protests",
        "sub_event_type": "Peaceful protest",
        "disorder_type": "Demonstrations",
    }


def test_possessed_object_makes_the_possessor_the_recipient() -> None:
    analysis = _analysis("Gunmen attacked the mayor's convoy near the market.")
    event = _only(analysis, "ASSAULT")
    assert any("mayor" in name for name in _names(analysis, event["recipients"]))
    assert "firearms" not in event["modes"] or "Gunmen" in analysis.article.text


def test_mentions_of_one_attack_merge_into_one_event() -> None:
    text = (
        "A car bomb exploded outside the police station in Kirkuk on Tuesday. "
        "The attack wounded three officers, the provincial governor said. "
        "The bombing was the second this month."
    )
    analysis = _analysis(text)
    assaults = [e for e in analysis.events if e["type"] == "ASSAULT"]
    assert len(assaults) == 1
    assert len(assaults[0]["evidence"]) >= 3
    assert "explosives" in assaults[0]["modes"]


# -- ACLED projection ------------------------------------------------------------------------------------


def test_acled_projection_follows_the_weapon_and_the_sides() -> None:
    assert project("ASSAULT", ["heavy-weapons"], ["MIL"], ["REB"])["sub_event_type"] == (  # type: ignore[index]
        "Shelling/artillery/missile attack"
    )
    clash = project("ASSAULT", ["firearms"], ["MIL"], ["REB"])
    assert clash == {
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "disorder_type": "Political violence",
    }
    civilians = project("ASSAULT", ["firearms"], ["REB"], ["CVL"])
    assert civilians is not None and civilians["event_type"] == "Violence against civilians"
    assert project("ASSAULT", ["abduct"], ["REB"], ["CVL"])["sub_event_type"] == (  # type: ignore[index]
        "Abduction/forced disappearance"
    )
    assert project("PROTEST", ["riot"], ["CVL"], [])["event_type"] == "Riots"  # type: ignore[index]
    excessive = project("PROTEST", ["demo"], ["CVL"], [], killed=2, intervention=True)
    assert excessive is not None and excessive["disorder_type"] == "Political violence; Demonstrations"
    assert project("COERCE", ["arrest"], ["POL"], ["CVL"])["sub_event_type"] == "Arrests"  # type: ignore[index]
    assert project("CONSULT", [], ["GOV"], ["GOV"]) is None
    assert project("ACCUSE", ["disapprove"], ["GOV"], []) is None
    foiled = project("ASSAULT", ["explosives"], ["UNK"], [], status="foiled")
    assert foiled is not None and foiled["sub_event_type"] == "Disrupted weapons use"


def test_every_acled_projection_uses_acled_spelling() -> None:
    for kind in ("ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "RETREAT", "AGREE"):
        for modes in ([], ["drone"], ["riot"], ["arrest"], ["withdraw"], ["suicide-attack"], ["destroy"]):
            row = project(kind, modes, ["REB"], ["CVL"], cues=["ceasefire", "grenade"])
            if row is not None:
                assert row["event_type"] in ACLED_EVENT_TYPES


# -- merging ---------------------------------------------------------------------------------------------


def _record(kind: str, actors: list[str], recipients: list[str], **extra: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "type": kind, "modes": [], "contexts": [], "actors": actors, "recipients": recipients,
        "location": None, "date": "2024-03-05", "date_precision": "day", "date_source": "article",
        "status": "completed", "aux": None, "certainty": "asserted",
        "size": {"killed": None, "injured": None, "arrested": None}, "claimed_by": None,
        "sources": [], "evidence": [[0, 5]], "confidence": 0.6, "trigger": [0, 5],
    }  # fmt: skip
    record.update(extra)
    return record


def test_merge_keeps_distinct_participants_and_dates_apart() -> None:
    same = merge([_record("ASSAULT", ["a1"], ["a2"]), _record("ASSAULT", [], ["a2"], evidence=[[9, 12]])])
    assert len(same) == 1 and same[0]["evidence"] == [[0, 5], [9, 12]]
    other_victim = merge([_record("ASSAULT", ["a1"], ["a2"]), _record("ASSAULT", ["a1"], ["a3"])])
    assert len(other_victim) == 2
    other_day = merge(
        [
            _record("ASSAULT", ["a1"], [], date="2024-03-01", date_source="text"),
            _record("ASSAULT", ["a1"], [], date="2024-03-04", date_source="text"),
        ]
    )
    assert len(other_day) == 2
    other_type = merge([_record("ASSAULT", ["a1"], []), _record("PROTEST", ["a1"], [])])
    assert len(other_type) == 2
    attempted = merge([_record("ASSAULT", [], []), _record("ASSAULT", [], [], status="attempted")])
    assert attempted[0]["status"] == "attempted"


def test_merged_counts_keep_the_lowest_report() -> None:
    events = merge(
        [
            _record("ASSAULT", ["a1"], [], size={"killed": 5, "injured": None, "arrested": None}),
            _record("ASSAULT", ["a1"], [], size={"killed": 3, "injured": 2, "arrested": None}),
        ]
    )
    assert events[0]["size"] == {"killed": 3, "injured": 2, "arrested": None}


# -- the founding article ----------------------------------------------------------------------------


@pytest.mark.skipif(not SEED.exists(), reason="the seed article is in ../shared/seed")
def test_founding_article_events() -> None:
    [article] = [
        a
        for a in read_seed(SEED.read_text(encoding="utf-8"), "seed", ReadOptions())
        if isinstance(a, Article)
    ]
    analysis = analyze(article)
    text = analysis.article.text
    actors = {a.id: a for a in analysis.actors}
    events = analysis.events
    assert [e["id"] for e in events] == [f"e{i}" for i in range(1, len(events) + 1)]

    # exactly one attack: ASSAULT by an unidentified actor on al-Kadhimi, drone and explosives
    [attack] = [e for e in events if e["type"] == "ASSAULT"]
    assert {"drone", "explosives"} <= set(attack["modes"])
    assert attack["status"] == "attempted" and attack["aux"] is None
    assert [actors[a].sector for a in attack["actors"]] == ["UNK"]
    assert any("Kadhimi" in actors[r].name for r in attack["recipients"])
    assert attack["location"] is not None and attack["location"]["name"] == "Baghdad"
    assert attack["date"] == "2021-11-07" and attack["date_precision"] == "day"
    assert {"Reuters", "Al Arabiya"} <= set(attack["sources"])
    assert any("military" in source for source in attack["sources"])
    assert attack["claimed_by"] is None
    assert attack["acled"] == {
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "disorder_type": "Political violence",
    }
    assert len(attack["evidence"]) >= 5  # every sentence reporting it

    # the condemnation by the United States
    condemnations = [e for e in events if e["type"] == "ACCUSE" and "disapprove" in e["modes"]]
    assert len(condemnations) == 1
    [condemnation] = condemnations
    assert any(actors[a].country == "USA" for a in condemnation["actors"])
    assert "Ned Price" in condemnation["sources"]
    assert "condemns" in text[condemnation["trigger"][0] : condemnation["trigger"][1]]

    # the protest camp: an ongoing protest by the militias' supporters; their conditional threat
    protests = [e for e in events if e["type"] == "PROTEST"]
    ongoing = [e for e in protests if e["aux"] is None]
    assert len(ongoing) == 1 and any("supporters" in actors[a].name for a in ongoing[0]["actors"])
    [threat] = [e for e in events if e["type"] == "THREATEN"]
    assert threat["aux"] == "hypothetical" and "violence" in threat["modes"]
    assert text[threat["trigger"][0] : threat["trigger"][1]] == "threatened"

    # background: the 2019 protests and the praise of the October 10 election are historical
    background = text.index("Background")
    for event in events:
        if event["trigger"][0] > background and event["type"] != "THREATEN":
            assert event["aux"] == "historical" or event in ongoing, event
    late_2019 = [e for e in protests if e["aux"] == "historical" and str(e["date"]).startswith("2019")]
    assert late_2019
    praise = [e for e in events if e["type"] == "SUPPORT"]
    assert praise and all(e["aux"] == "historical" for e in praise)
    assert all(e["date"] != "2021-11-07" for e in praise if e["date_source"] == "text")


# -- bad input -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["", "   ", "Baghdad. Tuesday morning. Heavy rain.", "كنت في بغداد أمس وشاهدت الاحتفالات في الشوارع"],
    ids=["empty", "blank", "no-verb", "arabic-only"],
)
def test_texts_without_english_events_give_none(text: str) -> None:
    analysis = _analysis(text)
    assert analysis.events == []


def test_five_hundred_coordinated_clauses_are_bounded() -> None:
    clause = "the rebels attacked a village and the army arrested a farmer"
    text = ", and ".join([clause] * 250) + "."
    started = time.perf_counter()
    analysis = _analysis(text)
    assert time.perf_counter() - started < 60
    assert 0 < len(analysis.events) <= 400
    for event in analysis.events:
        assert event["type"] in ("ASSAULT", "COERCE")


def test_events_can_be_skipped() -> None:
    text = "Soldiers shot two protesters in the main square on Friday."
    article = annotate(Article.create(text, published="2024-03-05"))
    full = analyze(article)
    bare = analyze(article, skip=["events"])
    assert full.events and bare.events == []
    assert [a.id for a in bare.actors] == [a.id for a in full.actors][: len(bare.actors)]
