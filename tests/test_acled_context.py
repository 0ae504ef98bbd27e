"""Cross-sentence ACLED note conventions: tolls folded, police interventions, agreement topics."""

from __future__ import annotations

from typing import Any

from tidings.eval.acled import predicted_events, primary_event


def _primary(text: str) -> dict[str, Any]:
    event = primary_event(predicted_events(text, "2022-09-14"))
    assert event is not None, text
    return event


def test_a_passive_toll_in_the_next_sentence_joins_the_previous_attack() -> None:
    rows = predicted_events(
        "On 14 September 2022, armed men stormed a gendarmerie post in Sebba (Sebba, Yagha). "
        "4 gendarmes were shot dead.",
        "2022-09-14",
    )
    assault = [r for r in rows if r["type"] == "ASSAULT"]
    assert len(assault) == 1
    assert assault[0]["killed"] == 4


def test_a_raid_followed_by_a_toll_is_an_attack_with_that_toll() -> None:
    event = _primary(
        "On 14 September 2022, insurgents raided a military camp near Diffa (Diffa, Diffa). "
        "The army reported 7 soldiers killed."
    )
    assert event["event_type"] == "Battles"
    assert event["killed"] == 7


def test_a_toll_with_its_own_author_is_not_folded() -> None:
    rows = predicted_events(
        "On 14 September 2022, rebels attacked a convoy near Goma (Nyiragongo, North Kivu). "
        "Separately, a trader was shot dead by unknown gunmen.",
        "2022-09-14",
    )
    assert len([r for r in rows if r["type"] == "ASSAULT"]) == 2


def test_police_dispersing_a_march_in_the_next_sentence_is_an_intervention() -> None:
    event = _primary(
        "On 14 September 2022, nurses marched to the health ministry in Accra (Accra, Greater Accra). "
        "Police dispersed them with tear gas."
    )
    assert event["sub_event_type"] == "Protest with intervention"


def test_baton_charged_marchers_are_an_intervention_not_an_accusation() -> None:
    rows = predicted_events(
        "On 14 September 2022, students marched through Lahore (Lahore, Punjab). "
        "Police baton-charged the marchers.",
        "2022-09-14",
    )
    assert {r["sub_event_type"] for r in rows if r["event_type"]} == {"Protest with intervention"}


def test_marchers_intercepted_by_police_are_an_intervention() -> None:
    event = _primary(
        "On 14 September 2022, farmers marching to the capital were intercepted by police "
        "near Eldoret (Eldoret, Uasin Gishu)."
    )
    assert event["sub_event_type"] == "Protest with intervention"


def test_a_march_the_police_only_watched_stays_peaceful() -> None:
    event = _primary(
        "On 14 September 2022, nurses marched to the health ministry in Accra (Accra, Greater Accra). "
        "Police officers watched from a distance."
    )
    assert event["sub_event_type"] == "Peaceful protest"


def test_protesters_halting_traffic_is_no_intervention() -> None:
    event = _primary(
        "On 14 September 2022, taxi drivers protested in Kumasi (Kumasi, Ashanti) and halted traffic."
    )
    assert event["sub_event_type"] != "Protest with intervention"


def test_taking_control_of_a_town_is_territory_not_an_attack() -> None:
    event = _primary(
        "On 14 September 2022, Fano militiamen took control of Debre Tabor (Debre Tabor, Amhara)."
    )
    assert event["sub_event_type"] == "Non-state actor overtakes territory"


def test_killings_ended_by_a_peace_accord_are_no_attack() -> None:
    rows = predicted_events(
        "On 14 September 2022, the two clans signed a peace accord ending months of killings "
        "in Galkayo (Galkayo, Mudug).",
        "2022-09-14",
    )
    assert not [r for r in rows if r["sub_event_type"] == "Attack"]


def test_killings_outside_any_agreement_stay_an_attack() -> None:
    event = _primary("On 14 September 2022, gunmen killed 3 herders in Galkayo (Galkayo, Mudug).")
    assert event["sub_event_type"] == "Attack"


def test_a_toll_sentence_alone_or_empty_text_does_not_crash() -> None:
    assert isinstance(predicted_events("5 people were killed.", "2022-09-14"), list)
    assert isinstance(predicted_events(" ", "2022-09-14"), list)
    assert isinstance(predicted_events(". . . killed. died.", "2022-09-14"), list)


def test_the_dead_of_an_intervention_are_the_protest_s_fatalities() -> None:
    event = _primary(
        "On 14 September 2022, students demanding lower fees marched in Rangpur (Rangpur, Rangpur). "
        "Police opened fire on them and two students were killed."
    )
    assert (event["event_type"], event["sub_event_type"]) == (
        "Protests",
        "Excessive force against protesters",
    )
    assert event["killed"] == 2
    # a march the police only watch stays peaceful, with no toll
    event = _primary(
        "On 14 September 2022, students demanding lower fees marched in Rangpur (Rangpur, Rangpur). "
        "Police watched from a distance."
    )
    assert event["sub_event_type"] == "Peaceful protest" and not event["killed"]


def test_a_slain_toll_joins_the_clash_before_it() -> None:
    event = _primary(
        "On 14 September 2022, gunfire erupted between soldiers and militants in Jableh (Jableh, Latakia). "
        "Three soldiers were slain."
    )
    assert event["event_type"] == "Battles" and event["killed"] == 3
