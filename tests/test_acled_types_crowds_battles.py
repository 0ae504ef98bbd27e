"""ACLED event and sub-event types of crowds, battles and territory (ACLED codebook definitions):
crowd formations and gatherings with a demand are protests and the violence they denounce is their
topic; stones answered by tear gas are a violent demonstration; exchanges of fire, gunfights and
overwhelmed guards make an attack an armed clash; engaging armed units is fighting; a place handed
back is a non-violent transfer and a place taken amid fighting is overtaken; people seized by an
armed group are abducted; an act "without" happening and "no fighting" are no events.

Each rule has a positive note and a nearby negative. All notes were invented for these tests
(none is copied from ../shared/data).
"""

from __future__ import annotations

import pytest

from conftest import acled_all_types as _types
from conftest import acled_types as _row
from tidings.eval.acled import predicted_events

# -- protests found -------------------------------------------------------------------------------


def test_human_chain_with_a_demand_is_a_protest_and_the_grievance_no_event() -> None:
    note = (
        "On 4 May 2024, nurses formed a human chain outside the district hospital in Mombasa "
        "demanding the prosecution of the men behind the beatings of two colleagues."
    )
    assert _row(note) == ("Protests", "Peaceful protest")


def test_chain_without_people_or_demand_is_no_protest() -> None:
    note = "On 4 May 2024, the company formed a chain of supply depots along the coast near Mombasa."
    assert ("Protests", "Peaceful protest") not in _types(note)


def test_hunger_strike_demanding_justice_is_not_the_crime_it_denounces() -> None:
    note = (
        "On 4 May 2024, teachers continued a hunger strike outside the ministry in Lusaka, demanding "
        "justice for a pupil beaten and killed in March."
    )
    assert _row(note) == ("Protests", "Peaceful protest")


def test_a_killing_with_its_author_after_a_protest_stays_an_event() -> None:
    note = (
        "On 4 May 2024, teachers marched in Lusaka demanding higher pay, and police shot dead "
        "two of the marchers."
    )
    assert _row(note) != ("Protests", "Peaceful protest")


def test_gathering_calling_on_the_government_is_a_protest() -> None:
    note = (
        "On 4 May 2024, relatives of missing sailors gathered outside the port authority in Odesa "
        "holding photographs and calling on the government to resume the search."
    )
    assert _row(note) == ("Protests", "Peaceful protest")


def test_officials_gathering_and_calling_for_talks_is_no_protest() -> None:
    note = "On 4 May 2024, ministers gathered in Doha and called for new talks on the border dispute."
    assert ("Protests", "Peaceful protest") not in _types(note)


def test_motorcade_against_a_policy_is_a_protest() -> None:
    note = (
        "On 4 May 2024, farmers drove a motorcade of hundreds of tractors into Warsaw against the "
        "import of cheap grain."
    )
    assert _row(note) == ("Protests", "Peaceful protest")


# -- crowds and the police ------------------------------------------------------------------------


def test_stones_answered_with_tear_gas_is_a_violent_demonstration() -> None:
    note = (
        "On 4 May 2024, students protesting a fee rise marched on the governor's office in Kano, "
        "burning tyres and hurling stones. Police responded with tear gas."
    )
    assert _row(note) == ("Riots", "Violent demonstration")


def test_tear_gas_on_a_peaceful_march_is_an_intervention() -> None:
    note = (
        "On 4 May 2024, students protesting a fee rise marched on the governor's office in Kano. "
        "Police fired tear gas to disperse them."
    )
    assert _row(note) == ("Protests", "Protest with intervention")


def test_crowd_cleared_by_police_is_an_intervention() -> None:
    note = (
        "On 4 May 2024, people protesting evictions gathered outside the city hall in Durban. "
        "Police declared the gathering illegal and used rubber bullets to clear the crowd."
    )
    assert _row(note) == ("Protests", "Protest with intervention")


def test_burning_tyres_told_peaceful_is_a_peaceful_protest() -> None:
    note = (
        "On 4 May 2024, residents blocked a highway near Basra with burning tyres to protest water "
        "shortages. The police reopened the road without incident."
    )
    assert _row(note) == ("Protests", "Peaceful protest")


def test_burning_tyres_otherwise_stay_violent() -> None:
    note = (
        "On 4 May 2024, residents protesting water shortages blocked a highway near Basra with "
        "burning tyres and rocks."
    )
    assert _row(note) == ("Riots", "Violent demonstration")


# -- battles ----------------------------------------------------------------------------------------


def test_raid_followed_by_an_exchange_of_fire_is_an_armed_clash() -> None:
    note = (
        "On 4 May 2024, armed raiders attacked herders near Lodwar and stole 200 goats. The herders "
        "pursued them and the two groups exchanged fire; four people were killed."
    )
    assert _row(note) == ("Battles", "Armed clash")


def test_raid_on_herders_without_fire_returned_is_an_attack() -> None:
    note = "On 4 May 2024, armed raiders attacked herders near Lodwar and killed four of them."
    assert _row(note) == ("Violence against civilians", "Attack")


def test_shootouts_in_a_police_operation_are_an_armed_clash() -> None:
    note = (
        "On 4 May 2024, police carried out an operation against a drug gang in a favela of Recife. "
        "Shootouts lasted for hours; six suspects were killed."
    )
    assert _row(note) == ("Battles", "Armed clash")


def test_overwhelming_the_guards_is_an_armed_clash() -> None:
    note = (
        "On 4 May 2024, armed gangs attacked the central prison in Cap-Haitien, overwhelming the "
        "guards. Two inmates were killed."
    )
    assert _row(note) == ("Battles", "Armed clash")


def test_storming_a_base_armed_with_rifles_and_grenades_is_an_armed_clash() -> None:
    note = (
        "On 4 May 2024, militants armed with rifles and grenades tried to storm an army base near "
        "Bannu (Bannu, Khyber Pakhtunkhwa)."
    )
    assert _row(note) == ("Battles", "Armed clash")


def test_a_grenade_thrown_at_a_base_is_a_grenade_attack() -> None:
    note = (
        "On 4 May 2024, a militant attacked an army base near Bannu (Bannu, Khyber Pakhtunkhwa) with a "
        "grenade."
    )
    assert _row(note) == ("Explosions/Remote violence", "Grenade")


def test_engaging_assault_groups_is_fighting() -> None:
    note = "On 4 May 2024, Ukrainian forces engaged Russian assault groups near Pokrovsk."
    assert _row(note) == ("Battles", "Armed clash")


def test_engaging_a_consultancy_is_no_fighting() -> None:
    note = "On 4 May 2024, the ministry engaged a consultancy group near Pokrovsk."
    assert _row(note)[0] != "Battles"


# -- territory ---------------------------------------------------------------------------------------


def test_town_handed_back_is_a_non_violent_transfer() -> None:
    note = (
        "On 4 May 2024, the rebels handed Kalehe (Kalehe, Sud-Kivu) back to the army under a "
        "negotiated deal, six months after capturing the town. No fighting was reported."
    )
    assert _row(note) == ("Strategic developments", "Non-violent transfer of territory")


def test_suspects_handed_over_are_no_territory() -> None:
    note = "On 4 May 2024, the rebels handed over two suspects to the army in Kalehe (Kalehe, Sud-Kivu)."
    assert ("Strategic developments", "Non-violent transfer of territory") not in _types(note)


def test_town_taken_after_a_withdrawal_amid_fighting_is_overtaken() -> None:
    note = (
        "On 4 May 2024, militiamen took control of the town of Dessie after federal troops "
        "withdrew from their positions. Fighting had gone on for three days."
    )
    assert _row(note) == ("Battles", "Non-state actor overtakes territory")
    assert ("Strategic developments", "Non-violent transfer of territory") not in _types(note)


def test_town_taken_after_a_withdrawal_without_fighting_is_a_transfer() -> None:
    note = (
        "On 4 May 2024, militiamen took control of the town of Dessie after federal troops "
        "withdrew from their positions."
    )
    assert _row(note) == ("Strategic developments", "Non-violent transfer of territory")


# -- abductions and weapons ----------------------------------------------------------------------------


def test_elders_seized_by_militants_are_abducted() -> None:
    note = "On 4 May 2024, Al Shabaab militants seized 3 elders on the road near Baidoa."
    assert _row(note) == ("Violence against civilians", "Abduction/forced disappearance")


def test_weapons_seized_by_militants_are_no_abduction() -> None:
    note = "On 4 May 2024, Al Shabaab militants seized 3 trucks on the road near Baidoa."
    assert ("Violence against civilians", "Abduction/forced disappearance") not in _types(note)


def test_defused_shell_that_fell_without_exploding_is_disrupted_weapons_use() -> None:
    note = (
        "On 4 May 2024, deminers defused a Russian artillery shell that had landed without "
        "exploding in a school yard in Kherson."
    )
    assert _row(note) == ("Strategic developments", "Disrupted weapons use")


def test_shell_that_exploded_is_a_shelling() -> None:
    note = "On 4 May 2024, a Russian artillery shell landed and exploded in a school yard in Kherson."
    assert _row(note)[0] == "Explosions/Remote violence"


@pytest.mark.parametrize(
    "note",
    [
        "",
        "(((",
        "On 4 May 2024, no fighting.",
        "On 4 May 2024, burning tyres. Without incident.",
        "handed back. " * 30,
        "On 4 May 2024, students formed a human chain demanding",
    ],
)
def test_bad_notes_do_not_crash(note: str) -> None:
    assert isinstance(predicted_events(note, "2024-05-06"), list)


def test_march_of_strikers_stays_a_peaceful_protest() -> None:
    note = (
        "On 4 May 2024, striking nurses marched through Leeds (Leeds, England) as part of a national "
        "strike over pay."
    )
    assert _row(note) == ("Protests", "Peaceful protest")


def test_march_broken_up_in_the_next_sentence_is_an_intervention() -> None:
    note = (
        "On 4 May 2024, hundreds of teachers marched in Thies (Thies, Thies) against unpaid wages. "
        "Gendarmes broke up the march and arrested several teachers."
    )
    assert _row(note) == ("Protests", "Protest with intervention")


def test_march_followed_by_a_separate_sentence_without_police_stays_peaceful() -> None:
    note = (
        "On 4 May 2024, hundreds of teachers marched in Thies (Thies, Thies) against unpaid wages. "
        "The union said it would march again next week."
    )
    assert _row(note) == ("Protests", "Peaceful protest")


def test_officers_firing_into_the_crowd_of_a_rally_is_excessive_force() -> None:
    note = (
        "On 4 May 2024, young people rallied in central Kampala (Kampala, Kampala) against "
        "corruption. Officers fired live bullets into the crowd, killing 2."
    )
    assert _row(note) == ("Protests", "Excessive force against protesters")


def test_town_taken_after_clashing_with_troops_is_overtaken() -> None:
    note = (
        "On 4 May 2024, Fano militiamen took control of Dessie (Dessie, Amhara) after clashing with "
        "army troops."
    )
    assert _row(note) == ("Battles", "Non-state actor overtakes territory")


def test_camp_taken_over_after_peacekeepers_withdrew_without_fighting_is_a_transfer() -> None:
    note = (
        "On 4 May 2024, rebel fighters took over the former UN camp in Tessalit (Tessalit, Kidal) "
        "after the peacekeepers withdrew without fighting."
    )
    assert _row(note) == ("Strategic developments", "Non-violent transfer of territory")


def test_camp_captured_after_soldiers_withdrew_is_overtaken() -> None:
    note = (
        "On 4 May 2024, JNIM militants captured the army camp at Hombori (Douentza, Mopti) after "
        "soldiers withdrew."
    )
    assert _row(note) == ("Battles", "Non-state actor overtakes territory")


def test_town_taken_without_a_fight_is_a_transfer() -> None:
    note = (
        "On 4 May 2024, Al Shabaab took over the town of Mahaday (Jowhar, Middle Shabelle) without a "
        "fight after government troops pulled out."
    )
    assert _row(note) == ("Strategic developments", "Non-violent transfer of territory")


def test_town_recaptured_by_the_army_without_a_fight_is_regained() -> None:
    note = (
        "On 4 May 2024, army troops recaptured the town of Mahaday (Jowhar, Middle Shabelle) from "
        "Al Shabaab without a fight."
    )
    assert _row(note) == ("Battles", "Government regains territory")


def test_youths_clashing_with_police_and_torching_cars_are_rioters() -> None:
    note = (
        "On 4 May 2024, youths clashed with police and torched cars in Sevran (Le Raincy, "
        "Seine-Saint-Denis) after a man died in custody."
    )
    assert _row(note) == ("Riots", "Violent demonstration")


def test_gunmen_clashing_with_police_are_an_armed_clash() -> None:
    note = "On 4 May 2024, gunmen clashed with police in Sevran (Le Raincy, Seine-Saint-Denis)."
    assert _row(note) == ("Battles", "Armed clash")


def test_groups_pelting_police_with_stones_are_rioters() -> None:
    note = (
        "On 4 May 2024, rival groups pelted police with stones in Nagpur (Nagpur, Maharashtra) "
        "after a dispute over a procession."
    )
    assert _row(note) == ("Riots", "Violent demonstration")


def test_students_ransacking_a_party_office_are_rioters() -> None:
    note = (
        "On 4 May 2024, a mob of students ransacked the office of the ruling party in Imphal "
        "(Imphal West, Manipur) after two students were killed."
    )
    assert _row(note) == ("Riots", "Violent demonstration")


def test_a_crowd_burning_a_suspected_thief_is_mob_violence() -> None:
    note = (
        "On 4 May 2024, a crowd set fire to the house of a suspected thief in Kisumu (Kisumu "
        "Central, Kisumu)."
    )
    assert _row(note) == ("Riots", "Mob violence")


def test_armed_men_burning_empty_houses_is_property_destruction() -> None:
    note = (
        "On 4 May 2024, unidentified armed men set fire to 9 empty houses in Kangpokpi (Kangpokpi, Manipur)."
    )
    assert _row(note) == ("Strategic developments", "Looting/property destruction")


def test_armed_men_burning_houses_and_shooting_villagers_is_an_attack() -> None:
    note = (
        "On 4 May 2024, armed men torched houses and shot at villagers in a hamlet near Moreh "
        "(Tengnoupal, Manipur)."
    )
    assert _row(note) == ("Violence against civilians", "Attack")


def test_a_crowd_burning_captured_suspects_is_mob_violence() -> None:
    note = (
        "On 4 May 2024, a crowd caught 4 suspected robbers in a market and burnt them in Gonaives "
        "(Gonaives, Artibonite)."
    )
    assert _row(note) == ("Riots", "Mob violence")


def test_an_act_someone_is_accused_of_is_no_event() -> None:
    note = (
        "On 4 May 2024, a crowd dragged a man accused of kidnapping a boy out of his house in Taxco "
        "(Taxco de Alarcon, Guerrero) and beat him to death."
    )
    assert _row(note) == ("Riots", "Mob violence")


def test_a_kidnapping_itself_is_an_abduction() -> None:
    note = "On 4 May 2024, gunmen kidnapped a boy from his house in Taxco (Taxco de Alarcon, Guerrero)."
    assert _row(note) == ("Violence against civilians", "Abduction/forced disappearance")


def test_sexually_assaulted_is_sexual_violence() -> None:
    note = (
        "On 4 May 2024, a group of men sexually assaulted two women in a village of Kangpokpi "
        "district (Kangpokpi, Manipur)."
    )
    assert _row(note) == ("Violence against civilians", "Sexual violence")


def test_party_supporters_storming_and_burning_an_officers_house_are_rioters() -> None:
    note = (
        "On 4 May 2024, PTI supporters stormed and set fire to the house of an army general in "
        "Rawalpindi (Rawalpindi, Punjab)."
    )
    assert _row(note) == ("Riots", "Violent demonstration")


def test_base_established_after_taking_a_garrison_is_the_event() -> None:
    note = (
        "On 4 May 2024, RSF forces established a headquarters in Nyala (Nyala, South Darfur) after "
        "taking over the army garrison."
    )
    assert _row(note) == ("Strategic developments", "Headquarters or base established")


def test_rioters_answered_by_arrests_stay_rioters() -> None:
    note = (
        "On 4 May 2024, rioters set fire to cars and looted shops in Sevran (Le Raincy, "
        "Seine-Saint-Denis). Police arrested 20 people."
    )
    assert _row(note) == ("Riots", "Violent demonstration")


def test_road_blocked_and_cleared_by_riot_police_is_an_intervention() -> None:
    note = (
        "On 4 May 2024, opposition supporters blocked a main avenue in Tbilisi (Tbilisi, Tbilisi) "
        "and riot police removed them, detaining about 15."
    )
    assert _row(note) == ("Protests", "Protest with intervention")


def test_town_stormed_and_garrison_driven_out_is_overtaken() -> None:
    note = (
        "On 4 May 2024, the RSF stormed the town of Mellit (Mellit, North Darfur) and drove out the "
        "army garrison."
    )
    assert _row(note) == ("Battles", "Non-state actor overtakes territory")


def test_intelligence_officers_detaining_journalists_is_an_arrest() -> None:
    note = "On 4 May 2024, Taliban intelligence officers detained two journalists in Herat (Herat, Herat)."
    assert _row(note) == ("Strategic developments", "Arrests")


def test_bandits_detaining_farmers_is_an_abduction() -> None:
    note = "On 4 May 2024, bandits detained nine farmers near Gusau (Gusau, Zamfara)."
    assert _row(note) == ("Violence against civilians", "Abduction/forced disappearance")
