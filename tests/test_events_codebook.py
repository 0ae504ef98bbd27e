"""PLOVER coding rules read from the codebook's definitions (manual v2.0, CAMEO2PLOVER table).

The sentences below were written for these tests (none is copied from ../shared/data).
"""

from __future__ import annotations

import pytest

from tidings.analyze import analyze
from tidings.models import Article
from tidings.nlp.langid import annotate


def _coded(text: str) -> list[tuple[str, str, list[str]]]:
    analysis = analyze(annotate(Article.create(text, published="2024-03-05")))
    body = analysis.article.text
    return [(e["type"], body[e["trigger"][0] : e["trigger"][1]], e["modes"]) for e in analysis.events]


def _types(text: str) -> set[str]:
    return {kind for kind, _, _ in _coded(text)}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # SANCTION `withdraw`: non-military resources; RETREAT `withdraw`: forces
        ("Sweden withdrew its observers from the border area on Monday.", "SANCTION"),
        ("The army withdrew its troops from the border town on Monday.", "RETREAT"),
        # RETREAT `access`: letting observers, inspectors or aid in
        ("The government allowed UN inspectors into the plant on Tuesday.", "RETREAT"),
        # AID: forgiven debt (manual, AID ambiguities)
        ("Japan forgave Zambia's debt on Friday.", "AID"),
        # stances voiced or conveyed
        ("The foreign minister expressed concern over the arrests in Minsk.", "ACCUSE"),
        ("King Abdullah sent condolences to the families of the victims.", "SUPPORT"),
        # strikes by workers are protests, strikes by weapons assaults
        ("Teachers struck in Erbil on Monday over unpaid wages.", "PROTEST"),
        ("A missile struck a fuel depot in Erbil on Monday.", "ASSAULT"),
        # easing restrictions on freedoms (CONCEDE)
        ("The Thai government restored press freedom in Bangkok on Monday.", "CONCEDE"),
        # newer wordings of the definitions
        ("Rebel fighters surrendered to the army near Kidal on Sunday.", "RETREAT"),
        ("The opposition repudiated the agreement on Sunday.", "REJECT"),
        ("Militiamen slaughtered nine villagers near Beni on Sunday.", "ASSAULT"),
        ("Police harassed reporters outside the court in Lagos on Monday.", "COERCE"),
    ],
)
def test_codebook_types(text: str, kind: str) -> None:
    assert kind in _types(text), _coded(text)


def test_particle_after_the_object_still_makes_the_phrase() -> None:
    coded = _coded("Police forced the activists out of the square in Minsk on Monday.")
    assert [c for c in coded if c[0] == "COERCE"], coded


def test_stance_noun_alone_is_no_event() -> None:
    assert _coded("Concern is growing in the capital.") == []


def test_lexicon_tables_are_consistent() -> None:
    from tidings.events import lexicon as lx

    for table in (lx.VERBS, lx.NOUNS, lx.PHRASES, lx.STANCE_NOUNS):
        for kind, _mode in table.values():
            assert kind in lx.TYPES


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("A court in Cairo found three journalists guilty of spreading false news.", "SANCTION"),
        ("Kenya expelled two British journalists on Monday.", "COERCE"),
        ("Iraq expelled the Turkish ambassador on Monday.", "SANCTION"),
        ("Kinshasa accepted UN peacekeepers in Ituri on Monday.", "RETREAT"),
        ("The rebels vowed to continue their protests in Goma.", "THREATEN"),
        ("The government acceded to the strikers' demands on Monday.", "CONCEDE"),
    ],
)
def test_codebook_types_by_what_is_acted_on(text: str, kind: str) -> None:
    assert kind in _types(text), _coded(text)


def test_unresolved_people_still_act_but_abstractions_do_not() -> None:
    assert "REQUEST" in _types("Yoruba elders urged calm in Ibadan on Monday.")
    assert "THREATEN" not in _types("Rising tensions threatened the fragile calm.")


def test_ordering_someone_to_stop_is_coercion_but_ordering_an_inquiry_is_not() -> None:
    assert "COERCE" in _types("The junta ordered the newspaper to suspend publication in Yangon on Monday.")
    assert "COERCE" not in _types("The governor ordered an inquiry into the fire in Basra on Monday.")


def test_vowing_never_to_cooperate_is_a_refusal() -> None:
    assert "REJECT" in _types("The government vowed never to negotiate with the rebels.")
    assert "AGREE" in _types("The government vowed to negotiate with the rebels.")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The Philippine government said it was ready to resume peace talks with the rebels.", "AGREE"),
        ("Both sides agreed to exchange prisoners next week, a mediator said.", "AGREE"),
        ("Colombian and Ecuadorian police launched a joint operation against drug traffickers.", "COOPERATE"),
        ("The IMF approved a $2 billion loan for Pakistan on Wednesday.", "AID"),
        ("The government allowed Red Cross officials to visit the prison.", "RETREAT"),
    ],
)
def test_intentions_joint_acts_loans_and_access(text: str, kind: str) -> None:
    assert kind in _types(text), _coded(text)


def test_talks_are_an_eventive_noun() -> None:
    from tidings.events import lexicon as lx

    assert lx.NOUNS["talk"][0] == "CONSULT" and lx.NOUNS["talks"][0] == "CONSULT"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Delegates of the warring factions gathered in Addis Ababa for a new round of negotiations.",
            "CONSULT",
        ),
        ("The president agreed to the opposition's demand for early elections.", "CONCEDE"),
        ("The junta lifted the state of emergency in the capital.", "CONCEDE"),
        ("The bank froze the assets of the former dictator.", "SANCTION"),
        ("Rioters set fire to cars and looted shops in the capital.", "PROTEST"),
    ],
)
def test_doers_of_nominal_events_concessions_and_riots(text: str, kind: str) -> None:
    assert kind in _types(text), _coded(text)


def test_a_killed_protester_is_a_victim_not_a_rioter() -> None:
    coded = _coded("A protester was killed by police in Basra on Friday.")
    assert [kind for kind, _, _ in coded] == ["ASSAULT"]


def test_released_money_is_aid_and_released_captives_a_retreat() -> None:
    assert "AID" in _types("The World Bank released $300 million in frozen funds to Sudan on Monday.")
    assert "RETREAT" in _types("The rebels released 30 hostages near Kidal on Monday.")


def test_relief_goods_flown_in_are_aid() -> None:
    assert "AID" in _types("Humanitarian supplies were flown into the besieged city by the Red Cross.")
    assert "AID" not in _types("The pilot flew the plane into Erbil on Monday.")


def test_willingness_to_talk_is_agree_but_opening_borders_is_no_intention() -> None:
    assert "AGREE" in _types("The rebel leader said he was open to talks with the government.")
    assert "AGREE" not in _types("Benin opened its borders to the refugees on Monday.")
