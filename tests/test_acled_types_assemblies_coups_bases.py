"""ACLED event and sub-event types (ACLED codebook definitions): stayaways and mass
assemblies are protests; a march dispersed with water cannon, or police answering with tear gas, is
a protest with intervention, and state troops firing on marchers who die excessive force; a crowd
storming a building unopposed is a violent demonstration, mobs burning houses mob violence; a
motorcade in support of a cause is a protest and people backing a pact no agreement; a rally that
"ended without incident" is peaceful whatever riots came before; a missile strike is shelling; a
sexual assault outweighs the abduction; armed groups clashing among themselves fight (armed clash);
a raid that kills is violence; a force entering a town takes it, or receives it unopposed; guards
who detain the president and remove him from power stage a coup (change to group/activity); a base
handed over is a base established; a ceasefire coming into force is an agreement.

Each rule has a positive note and a nearby negative. All notes were invented for these tests
(none is copied from ../shared/data).
"""

from __future__ import annotations

from conftest import acled_all_types as _types
from conftest import acled_types as _row

# -- protests found and their interventions -------------------------------------------------------


def test_stayaway_is_a_protest() -> None:
    note = "On 6 May 2024, minibus owners held a stayaway in Durban over new licence fees."
    assert _row(note) == ("Protests", "Peaceful protest")


def test_holding_a_meeting_is_no_protest() -> None:
    note = "On 6 May 2024, minibus owners held a meeting in Durban over new licence fees."
    assert ("Protests", "Peaceful protest") not in _types(note)


def test_march_dispersed_with_water_cannon_is_an_intervention() -> None:
    note = "On 6 May 2024, a march by nurses in Lusaka was dispersed with water cannon near the ministry."
    assert _row(note) == ("Protests", "Protest with intervention")


def test_march_not_dispersed_is_peaceful() -> None:
    note = "On 6 May 2024, a march by nurses in Lusaka ended near the ministry."
    assert _row(note) == ("Protests", "Peaceful protest")


def test_police_responding_with_tear_gas_is_an_intervention() -> None:
    note = (
        "On 6 May 2024, teachers rallied outside the education ministry in Lusaka against pay cuts, "
        "and police responded with tear gas."
    )
    assert _row(note) == ("Protests", "Protest with intervention")


def test_stones_answered_by_tear_gas_stay_a_riot() -> None:
    note = (
        "On 6 May 2024, party supporters burned tyres and threw stones at police in Lusaka. "
        "Police responded with tear gas."
    )
    assert _row(note) == ("Riots", "Violent demonstration")


def test_troops_firing_on_marchers_who_die_is_excessive_force() -> None:
    note = (
        "On 6 May 2024, army troops fired on residents marching in Maracay against the price of "
        "bread. Three protesters were killed."
    )
    assert _row(note) == ("Protests", "Excessive force against protesters")


def test_rebels_firing_on_marchers_is_no_excessive_force() -> None:
    note = (
        "On 6 May 2024, rebel fighters fired on residents marching in Maracay against the price of "
        "bread. Three protesters were killed."
    )
    assert _row(note)[1] != "Excessive force against protesters"


# -- crowds ---------------------------------------------------------------------------------------


def test_supporters_storming_an_embassy_is_a_violent_demonstration() -> None:
    note = (
        "On 6 May 2024, supporters of a cleric stormed the Danish embassy in Beirut in anger at a "
        "cartoon, and left after an hour. No injuries were reported."
    )
    assert _row(note) == ("Riots", "Violent demonstration")


def test_gunmen_storming_an_embassy_are_no_demonstration() -> None:
    note = "On 6 May 2024, gunmen stormed the Danish embassy in Beirut and left after an hour."
    assert _row(note)[0] != "Riots"


def test_mobs_torching_houses_after_a_march_is_mob_violence() -> None:
    note = "On 6 May 2024, after a solidarity march, mobs torched houses and a school in Kangpokpi."
    assert ("Riots", "Mob violence") in _types(note)


def test_marchers_torching_houses_is_no_mob_violence() -> None:
    note = "On 6 May 2024, protesters marching against a new law torched a ministry office in Kangpokpi."
    assert ("Riots", "Mob violence") not in _types(note)


def test_motorcade_in_support_of_a_pact_is_a_protest_not_an_agreement() -> None:
    note = (
        "On 6 May 2024, hundreds of people in a motorcade of cars drove through Kismayo to support "
        "the security pact with Kenya."
    )
    types = _types(note)
    assert ("Protests", "Peaceful protest") in types
    assert ("Strategic developments", "Agreement") not in types


def test_officials_backing_a_pact_is_still_an_agreement_reading() -> None:
    note = "On 6 May 2024, the governments of Kenya and Somalia signed a security pact in Nairobi."
    assert ("Strategic developments", "Agreement") in _types(note)


def test_rally_ending_without_incident_after_riots_is_peaceful() -> None:
    note = (
        "On 6 May 2024, several hundred people took part in a counter-protest in Leeds against "
        "racism, following days of riots across the region. The rally ended without incident."
    )
    assert _row(note) == ("Protests", "Peaceful protest")


def test_riot_stays_a_riot() -> None:
    note = "On 6 May 2024, youths rioted in Leeds, burning cars and throwing stones at police."
    assert _row(note)[0] == "Riots"


# -- violence and battles -------------------------------------------------------------------------


def test_missile_strike_is_shelling() -> None:
    note = (
        "On 6 May 2024, Russian forces launched a missile strike on Odesa city, hitting a port "
        "warehouse. 4 people were killed."
    )
    assert _row(note) == ("Explosions/Remote violence", "Shelling/artillery/missile attack")


def test_workers_strike_is_no_shelling() -> None:
    note = "On 6 May 2024, dock workers launched a strike in Odesa over unpaid wages."
    assert _row(note) == ("Protests", "Peaceful protest")


def test_sexual_assault_outweighs_abduction() -> None:
    note = "On 6 May 2024, militiamen abducted and sexually assaulted four women near Kalemie."
    assert _row(note) == ("Violence against civilians", "Sexual violence")


def test_abduction_alone_is_abduction() -> None:
    note = "On 6 May 2024, militiamen abducted four women near Kalemie."
    assert _row(note) == ("Violence against civilians", "Abduction/forced disappearance")


def test_militias_clashing_among_themselves_is_an_armed_clash() -> None:
    note = "On 6 May 2024, rival clan militias clashed over a well near Dhusamareb. 3 people were killed."
    assert _row(note) == ("Battles", "Armed clash")


def test_raid_that_kills_is_an_attack() -> None:
    note = "On 6 May 2024, armed youths raided a cattle camp near Pibor, killing two herders."
    assert _row(note) == ("Violence against civilians", "Attack")


def test_police_raid_without_deaths_is_no_attack() -> None:
    note = "On 6 May 2024, police raided a warehouse near Pibor."
    assert _row(note) != ("Violence against civilians", "Attack")


# -- territory, coups, bases, agreements ----------------------------------------------------------


def test_rebels_entering_and_taking_a_city_overtake_it() -> None:
    note = (
        "On 6 May 2024, M23 rebels, backed by Burundian troops, entered Uvira (Uvira, Sud-Kivu) "
        "and claimed to have taken the town. Fatalities unknown."
    )
    assert _row(note) == ("Battles", "Non-state actor overtakes territory")


def test_entering_unopposed_is_a_non_violent_transfer() -> None:
    note = (
        "On 6 May 2024, rebel forces entered Homs without resistance after government troops "
        "abandoned their positions."
    )
    assert _row(note) == ("Strategic developments", "Non-violent transfer of territory")


def test_entering_a_town_on_patrol_takes_nothing() -> None:
    note = "On 6 May 2024, rebel forces entered Homs for a patrol."
    assert _row(note)[0] != "Battles"


def test_guards_removing_the_president_is_a_coup() -> None:
    note = (
        "On 6 May 2024, soldiers of the presidential guard detained President Kante in Bamako; "
        "officers later announced on television that they had removed him from power."
    )
    assert _row(note) == ("Strategic developments", "Change to group/activity")


def test_detaining_coup_plotters_is_an_arrest() -> None:
    note = (
        "On 6 May 2024, police detained three officers in Bamako accused of plotting to remove "
        "the president from power."
    )
    assert _row(note) == ("Strategic developments", "Arrests")


def test_base_handed_over_is_a_base_established() -> None:
    note = (
        "On 6 May 2024, French troops completed the handover of the air base near Gao to the "
        "Malian army, as part of the agreed withdrawal of French forces."
    )
    assert _row(note) == ("Strategic developments", "Headquarters or base established")


def test_camp_left_and_handed_over_is_a_transfer() -> None:
    note = (
        "On 6 May 2024, MINUSMA withdrew from its camp in Aguelhok (Tessalit, Kidal) and handed it "
        "over to the Malian army."
    )
    assert _row(note) == ("Strategic developments", "Non-violent transfer of territory")


def test_ceasefire_coming_into_force_is_an_agreement() -> None:
    note = "On 6 May 2024, a ceasefire agreement between the army and the RSF came into force."
    assert _row(note) == ("Strategic developments", "Agreement")


def test_law_coming_into_force_is_no_agreement() -> None:
    note = "On 6 May 2024, a new tax law came into force in Khartoum."
    assert ("Strategic developments", "Agreement") not in _types(note)


# -- bad input ------------------------------------------------------------------------------------


def test_bad_notes_do_not_crash() -> None:
    for note in ("", "came into force", "entered", "mobs", "a ceasefire came into force.", "\x00 raided"):
        assert isinstance(_types(note), list)
