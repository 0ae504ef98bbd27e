"""ACLED projection of a PLOVER-coded event: event type, sub-event type and disorder type.

Spelled exactly as ACLED's codebook (GUIDE §2). ASSAULT splits by weapon (drone and aircraft → Air/
drone strike; artillery and missiles → Shelling/artillery/missile attack; mines, IEDs, car bombs →
Remote explosive/landmine/IED; suicide attacks; grenades; chemical weapons), by the sides (armed
against armed → Armed clash; against civilians → Violence against civilians) and by what was
taken (territory). PROTEST splits by violence and by the authorities' response; arrests,
agreements, troop moves and property destruction are strategic developments. Verbal events
(consultations, statements, accusations…) have no ACLED equivalent: ``None``.
"""

from __future__ import annotations

from collections.abc import Collection

POLITICAL_VIOLENCE = "Political violence"
DEMONSTRATIONS = "Demonstrations"
STRATEGIC = "Strategic developments"
BOTH = "Political violence; Demonstrations"

_ARMED = frozenset({"MIL", "REB", "POL"})
_AGREEMENTS = frozenset(
    {"ceasefire", "cease-fire", "truce", "agreement", "accord", "deal", "treaty", "pact", "charter"}
)
_TERRITORY_GOV = frozenset({"retake", "recapture", "regain", "liberate", "reclaim", "retook", "retaken"})
_TERRITORY_TAKE = frozenset({"capture", "overrun", "seize", "occupy", "take", "control"})


def project(
    plover: str,
    modes: Collection[str],
    actor_sectors: Collection[str | None],
    recipient_sectors: Collection[str | None],
    *,
    killed: int | None = None,
    status: str = "completed",
    cues: Collection[str] = (),
    intervention: bool = False,
) -> dict[str, str] | None:
    """ACLED ``{"event_type", "sub_event_type", "disorder_type"}`` for one event, or ``None``.

    ``cues`` are lemmas of the trigger and weapon words ("grenade", "retake"); ``intervention``
    says the authorities acted against a protest in the same account (dispersal, arrests, force).
    """
    modes = set(modes)
    cues = set(cues)
    actors = {s for s in actor_sectors if s}
    recipients = {s for s in recipient_sectors if s}
    if plover == "ASSAULT":
        return _assault(modes, actors, recipients, killed, status, cues)
    if plover == "PROTEST":
        if "riot" in modes:
            return _row("Riots", "Violent demonstration", DEMONSTRATIONS)
        if intervention and killed:
            return _row("Protests", "Excessive force against protesters", BOTH)
        if intervention:
            return _row("Protests", "Protest with intervention", DEMONSTRATIONS)
        return _row("Protests", "Peaceful protest", DEMONSTRATIONS)
    if plover == "COERCE":
        if "arrest" in modes:
            return _row(STRATEGIC, "Arrests", STRATEGIC)
        if "seize" in modes and cues & {"weapon", "arm", "explosive", "bomb", "ammunition"}:
            return _row(STRATEGIC, "Disrupted weapons use", STRATEGIC)
        if "seize" in modes and killed and cues & {"raid"}:  # "raided a camp, killing 3": violence
            return _assault(modes - {"seize"}, actors, recipients, killed, status, cues)
        return None
    if (
        plover in ("AGREE", "SUPPORT", "CONCEDE")
        and cues & _AGREEMENTS
        and not (plover == "SUPPORT" and actors and actors <= {"CVL"})  # people backing a pact
    ):
        return _row(STRATEGIC, "Agreement", STRATEGIC)
    if plover == "RETREAT" and "withdraw" in modes:
        return _row(STRATEGIC, "Non-violent transfer of territory", STRATEGIC)
    if plover == "MOBILIZE":
        if cues & {"base", "headquarters", "outpost"}:
            return _row(STRATEGIC, "Headquarters or base established", STRATEGIC)
        return _row(STRATEGIC, "Other", STRATEGIC)
    return None


def _row(event_type: str, sub_event_type: str, disorder: str) -> dict[str, str]:
    return {"event_type": event_type, "sub_event_type": sub_event_type, "disorder_type": disorder}


def _assault(
    modes: set[str],
    actors: set[str],
    recipients: set[str],
    killed: int | None,
    status: str,
    cues: set[str],
) -> dict[str, str]:
    if status == "foiled" and modes & {"explosives", "suicide-attack"}:
        return _row(STRATEGIC, "Disrupted weapons use", STRATEGIC)
    remote = "Explosions/Remote violence"
    if "unconventional" in modes:
        return _row(remote, "Chemical weapon", POLITICAL_VIOLENCE)
    if modes & {"drone", "aerial"}:
        return _row(remote, "Air/drone strike", POLITICAL_VIOLENCE)
    if "suicide-attack" in modes:
        return _row(remote, "Suicide bomb", POLITICAL_VIOLENCE)
    if "heavy-weapons" in modes and not cues & (_TERRITORY_GOV | _TERRITORY_TAKE):
        return _row(remote, "Shelling/artillery/missile attack", POLITICAL_VIOLENCE)
    if "explosives" in modes:
        if "grenade" in cues:
            return _row(remote, "Grenade", POLITICAL_VIOLENCE)
        return _row(remote, "Remote explosive/landmine/IED", POLITICAL_VIOLENCE)
    if "sexual" in modes:
        return _row("Violence against civilians", "Sexual violence", POLITICAL_VIOLENCE)
    if "abduct" in modes:
        return _row("Violence against civilians", "Abduction/forced disappearance", POLITICAL_VIOLENCE)
    if cues & _TERRITORY_GOV and actors & {"MIL", "GOV", "POL"}:
        return _row("Battles", "Government regains territory", POLITICAL_VIOLENCE)
    if cues & _TERRITORY_TAKE and actors & {"REB", "UNK"} and not actors & {"MIL", "GOV"}:
        return _row("Battles", "Non-state actor overtakes territory", POLITICAL_VIOLENCE)
    if "destroy" in modes and not killed:
        return _row(STRATEGIC, "Looting/property destruction", STRATEGIC)
    if "crowd-control" in modes and "primitive" in modes and "CVL" in actors and not actors & _SECURITY:
        return _row("Riots", "Violent demonstration", DEMONSTRATIONS)  # stones answered by tear gas
    if "crowd-control" in modes:
        if killed:
            return _row("Protests", "Excessive force against protesters", BOTH)
        return _row("Protests", "Protest with intervention", DEMONSTRATIONS)
    if actors & {"CVL"} and not actors & _ARMED and modes & {"beat", "primitive"}:
        return _row("Riots", "Mob violence", POLITICAL_VIOLENCE)
    if recipients & _ARMED and (actors & _ARMED or actors & {"UNK"} or not actors):
        return _row("Battles", "Armed clash", POLITICAL_VIOLENCE)
    if actors & _ARMED and len(actors & _ARMED) > 1 and not recipients:
        return _row("Battles", "Armed clash", POLITICAL_VIOLENCE)
    return _row("Violence against civilians", "Attack", POLITICAL_VIOLENCE)


# -- refinement by the words of the event's sentences (ACLED's sub-event definitions) -------------

_PROTEST_WORDS = frozenset(
    {"protest", "protester", "protestor", "demonstrate", "demonstration", "demonstrator", "rally",
     "march", "marcher", "sit", "picket", "marching", "protesting", "demonstrating", "rallying"}
)  # fmt: skip
#: Crowds punishing people outside any demonstration (ACLED's mob violence).
_MOB_WORDS = frozenset(
    {"mob", "lynch", "lynching", "vigilante", "witchcraft", "witch", "sorcery", "thief", "theft",
     "blasphemy"}
)  # fmt: skip
#: Military objects: an attack on them is a battle even when no defender is named.
_MILITARY_OBJECTS = frozenset(
    {"base", "post", "position", "checkpoint", "convoy", "patrol", "camp", "barracks", "outpost",
     "garrison", "cantonment"}
)  # fmt: skip
_DEFENDERS = _MILITARY_OBJECTS | {"troop", "soldier", "army", "force", "police", "policeman", "guard"}
_FIGHT_BACK = frozenset(
    {"repel", "repulse", "exchange", "return", "firefight", "gunbattle", "clash", "gunfight",
     "shootout", "overwhelm", "overpower"}
)  # fmt: skip
#: Fighting nouns: told of an attack, the attacked fought back (ACLED: an armed clash).
_GUNFIGHTS = frozenset({"gunfight", "shootout", "firefight", "gunbattle"})
_WEAPONS_HELD = frozenset(
    {"explosive", "bomb", "ied", "weapon", "ammunition", "grenade", "rocket", "mine", "arm", "detonator",
     "device", "shell", "missile", "warhead", "mortar", "ordnance", "munition"}
)  # fmt: skip
_SMALL_ARMS = frozenset({"rifle", "gun", "firearm", "kalashnikov", "pistol", "machine"})
_SEIZE = frozenset({"seize", "confiscate", "recover", "intercept", "defuse", "dismantle", "discover"})
_CHEMICAL = frozenset({"chlorine", "sarin", "chemical", "mustard", "nerve", "toxic", "phosgene"})
_AIR = frozenset(
    {
        "airstrike",
        "warplane",
        "jet",
        "aircraft",
        "helicopter",
        "drone",
        "bomber",
        "airplane",
        "plane",
        "glide",
    }
)
_RECIPROCAL = frozenset({"clash", "fight", "battle", "skirmish", "exchange", "engage", "confront"})
#: Nouns naming non-state armed men, and state agents: who "detained" someone decides the coding.
_NONSTATE_MEN = frozenset(
    {
        "fighter",
        "militant",
        "gunman",
        "jihadist",
        "insurgent",
        "bandit",
        "rebel",
        "militiaman",
        "militia",
        "kidnapper",
        "guerrilla",
        "gang",
    }
)
_STATE_MEN = frozenset(
    {
        "police",
        "policeman",
        "officer",
        "soldier",
        "troop",
        "army",
        "agent",
        "authority",
        "force",
        "gendarme",
        "security",
        "intelligence",
    }
)
#: Shooting nouns that, said to happen "between" two sides, are an exchange of fire.
#: Unarmed crowds: when they clash, it is a riot or mob violence, not an armed clash.
_CROWDS = frozenset(
    {"villager", "resident", "student", "youth", "supporter", "crowd", "mob", "rioter", "fan",
     "worker", "trader", "vendor", "worshipper", "people", "civilian"}
)  # fmt: skip
_EXCHANGED = _RECIPROCAL | {
    "gunfire",
    "fighting",
    "firefight",
    "gunbattle",
    "gunfight",
    "shooting",
    "shootout",
    "combat",
}
_INTERCEPT = frozenset({"intercept", "defuse", "dismantle", "deactivate", "neutralise", "neutralize"})
_PROPERTY = frozenset(
    {"burn", "torch", "loot", "raze", "destroy", "vandalize", "vandalise", "pillage", "fire"}
)
_SECURITY = frozenset({"POL", "MIL", "GOV"})
_SUICIDE = frozenset({"suicide", "self-detonate", "kamikaze"})
_GROUP_ACTIVITY = frozenset({"activity", "operation", "party", "association", "organisation", "organization"})
#: What changes hands in ACLED's territorial battles.
_PLACES_TAKEN = frozenset(
    {"town", "village", "city", "base", "camp", "area", "district", "control", "locality"}
)
_WITHDRAWN = frozenset({"withdraw", "withdrew", "withdrawn", "abandon", "vacate", "handover"})
_DISPERSE = frozenset({"arrest", "detain", "disperse", "break", "round", "apprehend", "teargas"})
_RESTRICT = frozenset({"blockade", "close", "ban", "besiege", "impose", "restrict", "prohibit", "forbid"})
_VAC = "Violence against civilians"


def refine(
    current: dict[str, str] | None,
    plover: str,
    actor_sectors: Collection[str | None],
    recipient_sectors: Collection[str | None],
    *,
    killed: int | None = None,
    status: str = "completed",
    trigger_cues: Collection[str] = (),
    sentence_cues: Collection[str] = (),
    phrase_cues: Collection[str] | None = None,
) -> dict[str, str] | None:
    """The projection ``current`` corrected by the words of the event's sentences.

    ``trigger_cues`` are lemmas of the trigger and its dependents, ``phrase_cues`` those of the
    trigger's phrase (without reasons and adverbial clauses; default: the sentence's), and
    ``sentence_cues`` the lemmas of the event's sentences. The rules are ACLED's sub-event
    definitions: force used by the authorities against a protest is the protest's intervention
    (excessive when people died);
    crowds attacking people outside any demonstration are mob violence, demonstrators turning
    violent a violent demonstration; grenades, chemical agents and aircraft decide the weapon
    wherever the sentence names them; intercepted or defused weapons are disrupted weapons use;
    "clashed with" between armed groups is an armed clash; detention by a non-state group is an
    abduction; burning or looting property with nobody killed is property destruction.
    """
    if not isinstance(current, dict):
        current = None
    if current is None and plover not in ("ASSAULT", "COERCE"):
        return None
    trigger = set(trigger_cues)
    words = set(sentence_cues) | trigger
    phrase_cues = words if phrase_cues is None else set(phrase_cues) | trigger
    any_actor = bool(list(actor_sectors))
    actors = {s for s in actor_sectors if s}
    recipients = {s for s in recipient_sectors if s}
    event_type = current.get("event_type") if current else None
    sub = current.get("sub_event_type") if current else None
    protest = bool(words & _PROTEST_WORDS) and not words & {"lynch", "lynching"}
    if (
        plover in ("SANCTION", "RETREAT")
        and words & _WITHDRAWN
        and {"take", "over"} <= words
        and words & _PLACES_TAKEN
    ):  # "took over the camp after the peacekeepers withdrew"
        return _row(STRATEGIC, "Non-violent transfer of territory", STRATEGIC)
    remote = "Explosions/Remote violence"
    if plover == "ASSAULT" and (trigger & _INTERCEPT or {"shoot", "down"} <= trigger):
        return _row(STRATEGIC, "Disrupted weapons use", STRATEGIC)
    state = actors & _SECURITY or (  # "National Guard troops … fired on residents marching"
        plover == "ASSAULT" and trigger & _STATE_MEN and not actors & {"REB", "CVL", "PTY"}
    )
    if plover in ("ASSAULT", "COERCE") and state and protest and not recipients & _ARMED:
        if plover == "COERCE" and not (trigger & _DISPERSE and set(phrase_cues) & _PROTEST_WORDS):
            return current  # arrested "for supporting the protests": no protest at hand
        if killed:
            return _row("Protests", "Excessive force against protesters", BOTH)
        return _row("Protests", "Protest with intervention", DEMONSTRATIONS)
    if (
        plover == "COERCE"
        and current is None
        and trigger & _RESTRICT
        and any_actor
        and not actors & _SECURITY
    ):
        return _row(STRATEGIC, "Change to group/activity", STRATEGIC)  # a group's blockade or ban
    if (
        plover == "COERCE"
        and current is None
        and trigger & {"suspend", "dissolve"}
        and trigger & _GROUP_ACTIVITY
    ):
        return _row(STRATEGIC, "Change to group/activity", STRATEGIC)  # "suspended the activities of"
    if plover == "COERCE" and current is None and trigger & _INTERCEPT and words & _WEAPONS_HELD:
        return _row(STRATEGIC, "Disrupted weapons use", STRATEGIC)  # "defused 3 explosive devices"
    if current is None:
        return None
    if sub == "Arrests" and _removed_from_power(words):  # guards detained the president: a coup
        return _row(STRATEGIC, "Change to group/activity", STRATEGIC)
    if sub == "Non-violent transfer of territory" and words & {"handover", "hand"} and words & _BASES:
        return _row(STRATEGIC, "Headquarters or base established", STRATEGIC)  # a base handed over
    if plover == "MOBILIZE" and "enter" in trigger:
        entered = _entered(words, actors, killed)
        if entered:
            return entered
    if plover == "COERCE" and words & _SEIZE and words & _WEAPONS_HELD:
        return _row(STRATEGIC, "Disrupted weapons use", STRATEGIC)
    if plover == "ASSAULT" and event_type in ("Battles", _VAC, remote):
        if status == "foiled" and words & ({"grenade"} | _CHEMICAL):
            return _row(STRATEGIC, "Disrupted weapons use", STRATEGIC)
        if words & _CHEMICAL and words & {"gas", "weapon", "agent", "attack", "bomb"}:
            return _row(remote, "Chemical weapon", POLITICAL_VIOLENCE)
        armament = "arm" in words and bool(words & _SMALL_ARMS)  # "armed with rifles and grenades"
        if (
            armament
            and sub in ("Grenade", "Remote explosive/landmine/IED", "Attack")
            and (recipients & _ARMED or trigger & _MILITARY_OBJECTS)
        ):  # gunmen carrying grenades who stormed a base: the weapons they carried, not used
            return _row("Battles", "Armed clash", POLITICAL_VIOLENCE)
        if "grenade" in words and sub not in ("Suicide bomb", "Air/drone strike") and not armament:
            return _row(remote, "Grenade", POLITICAL_VIOLENCE)
        if (
            words & _SUICIDE or (words & {"himself", "herself", "themselves"} and "blow" in trigger)
        ) and sub in ("Attack", "Remote explosive/landmine/IED", "Air/drone strike"):
            return _row(remote, "Suicide bomb", POLITICAL_VIOLENCE)  # a suicide bomber rammed …
        aerial_bomb = "aerial" in words and bool(words & {"bomb", "bombing", "bombardment"})
        if (words & _AIR or aerial_bomb) and sub in (
            "Attack",
            "Armed clash",
            "Remote explosive/landmine/IED",
        ):
            return _row(remote, "Air/drone strike", POLITICAL_VIOLENCE)
    armed_side = bool((actors | recipients) & _ARMED)
    if (
        plover == "ASSAULT"
        and {"sexually", "assault"} <= words
        and sub in ("Attack", "Mob violence", "Abduction/forced disappearance")
    ):  # "abducted and sexually assaulted women": the sexual violence decides (ACLED)
        return _row(_VAC, "Sexual violence", POLITICAL_VIOLENCE)  # "sexually assaulted them"
    if (
        plover == "ASSAULT"
        and sub == "Protest with intervention"
        and trigger & (_THROWN | _DAMAGE)
        and not trigger & _STATE_MEN
    ):  # "supporters burned tyres and threw stones …; security forces responded with tear gas"
        return _row("Riots", "Violent demonstration", DEMONSTRATIONS)
    if (
        plover == "PROTEST"
        and sub == "Violent demonstration"
        and not trigger & {"riot", "unrest", "uprising", "rioting"}
        and _told_calm(words)
    ):  # "a counter-protest following a week of riots … ended without incident": the riots are past
        return _row("Protests", "Peaceful protest", DEMONSTRATIONS)
    if (
        sub == "Looting/property destruction" and "CVL" in recipients and trigger & _HARMED
    ):  # "torched houses and shot at villagers": the people were attacked too
        return _row(_VAC, "Attack", POLITICAL_VIOLENCE)
    if sub == "Mob violence" and words & _ARMED_WORDS and not words & _MOB_WORDS and "CVL" in recipients:
        return _row(_VAC, "Attack", POLITICAL_VIOLENCE)  # "armed men torched houses": no mob
    if (
        plover == "ASSAULT"
        and sub in ("Attack", "Armed clash")
        and trigger & {"storm", "overrun", "attack", "raid"}
        and {"drive", "out"} <= words
        and words & _PLACES_TAKEN
        and not actors & _SECURITY
    ):  # "stormed the town and drove out the army garrison": the place changed hands
        return _row("Battles", "Non-state actor overtakes territory", POLITICAL_VIOLENCE)
    if (
        plover == "ASSAULT"
        and sub == "Attack"
        and "storm" in trigger
        and not killed
        and (actors & {"CVL", "PTY"} or words & {"supporter", "protester", "demonstrator"})
        and not actors & (_ARMED | {"UNK"})
        and not words & (_ARMED_WORDS | _MOB_WORDS)
        and "CVL" not in recipients
    ):  # "supporters stormed the embassy in anger at …": a crowd breaking in, nobody hurt
        return _row("Riots", "Violent demonstration", DEMONSTRATIONS)
    crowd = _crowd_violence(actors, recipients, trigger, words) if plover == "ASSAULT" else None
    if crowd and sub in _CROWD_CODED:
        if crowd == "mob" or words & (_MOB_WORDS - {"mob"}):  # a crowd punishing a thief or a "witch"
            return _row("Riots", "Mob violence", POLITICAL_VIOLENCE)
        return _row("Riots", "Violent demonstration", DEMONSTRATIONS)
    if (
        sub == "Non-state actor overtakes territory"
        and "without" in words
        and words & {"fight", "fighting", "resistance"}
        and not killed
    ):  # "took over the town without a fight after the troops pulled out"
        return _row(STRATEGIC, "Non-violent transfer of territory", STRATEGIC)
    if (
        plover == "ASSAULT"
        and sub == "Attack"
        and ("CVL" not in recipients or "control" in trigger)  # "took control of Kidal": the town
        and (
            {"take", "control"} <= trigger
            or {"take", "over"} <= trigger
            or trigger & {"seize", "capture", "overrun", "overran"}
        )
        and trigger & _PLACES_TAKEN
    ):  # "Fano militiamen took control of Lalibela": territory, not an attack on people
        if actors & _SECURITY or words & _TERRITORY_GOV:
            return _row("Battles", "Government regains territory", POLITICAL_VIOLENCE)
        if words & _WITHDRAWN and not killed:
            return _row(STRATEGIC, "Non-violent transfer of territory", STRATEGIC)
        return _row("Battles", "Non-state actor overtakes territory", POLITICAL_VIOLENCE)
    if (
        plover == "ASSAULT"
        and sub == "Attack"
        and (actors - {"CVL"} or not actors)
        and (words & _GUNFIGHTS or {"exchange", "fire"} <= words or {"exchange", "gunfire"} <= words)
    ):  # "raiders attacked herders …; the two groups exchanged fire": both sides armed
        return _row("Battles", "Armed clash", POLITICAL_VIOLENCE)
    if (
        sub == "Attack"
        and (
            "CVL" not in recipients
            or (trigger & _RECIPROCAL and recipients & _ARMED)
            or (  # "militias from two clans clashed": the sides fought each other
                trigger & _RECIPROCAL
                and "with" not in trigger
                and actors & _ARMED
                and len(list(actor_sectors)) > 1
            )
            or (words & {"overwhelm", "overpower"} and words & _DEFENDERS)  # "overwhelming the guards"
        )
        and (not actors or actors - {"CVL"})
        and (
            (trigger & _RECIPROCAL and (armed_side or not (protest or trigger & _CROWDS)))
            or (trigger & _EXCHANGED and "between" in words)  # "gunfire erupted between"
            or trigger & _MILITARY_OBJECTS
            or (words & _FIGHT_BACK and words & _DEFENDERS)
        )
    ):
        return _row("Battles", "Armed clash", POLITICAL_VIOLENCE)
    if event_type == "Battles" and sub == "Armed clash" and words & _PLACES_TAKEN:
        if words & _TERRITORY_GOV and not actors & {"REB"}:  # "retook the town from insurgents"
            return _row("Battles", "Government regains territory", POLITICAL_VIOLENCE)
        taken = (
            words & {"overrun", "overran", "seize", "capture"}
            or {"take", "control"} <= words
            or {"take", "over"} <= trigger
        )
        if taken and words & _WITHDRAWN and not killed and not actors & _SECURITY:
            return _row(STRATEGIC, "Non-violent transfer of territory", STRATEGIC)  # after they left
        if taken and not words & _TERRITORY_GOV and not actors & _SECURITY:
            return _row("Battles", "Non-state actor overtakes territory", POLITICAL_VIOLENCE)
    unarmed = not actors & (_ARMED | {"UNK"})
    if event_type == "Riots" or (sub == "Attack" and unarmed and (protest or words & _MOB_WORDS)):
        if trigger & {"mob", "mobs"} and not trigger & _PROTEST_WORDS:  # "mobs torched houses" after a march
            return _row("Riots", "Mob violence", POLITICAL_VIOLENCE)
        if protest or (event_type == "Riots" and recipients & _SECURITY):  # crowds against the police
            return _row("Riots", "Violent demonstration", DEMONSTRATIONS)
        if words & _MOB_WORDS:
            return _row("Riots", "Mob violence", POLITICAL_VIOLENCE)
    if (
        sub == "Arrests"
        and not actors & (_SECURITY | {"IGO"})
        and (actors or trigger & _NONSTATE_MEN)
        and not trigger & _STATE_MEN  # "Taliban intelligence officers detained": a de facto state's
    ):  # "bandits detained 9 farmers": held by an armed group, not arrested
        return _row(_VAC, "Abduction/forced disappearance", POLITICAL_VIOLENCE)
    if sub in ("Arrests", "Attack") and ("whereabouts" in words or {"unknown", "location"} <= words):
        return _row(_VAC, "Abduction/forced disappearance", POLITICAL_VIOLENCE)
    if (
        plover == "ASSAULT"
        and trigger & _PROPERTY
        and "exchange" not in trigger
        and not ("CVL" in recipients and trigger & _HARMED)  # "torched houses and shot at villagers"
        and not killed
        and not protest
        and not words & _MOB_WORDS
        and sub in ("Attack", "Mob violence", "Violent demonstration", "Armed clash")
    ):
        return _row(STRATEGIC, "Looting/property destruction", STRATEGIC)
    return current


_HARMED = frozenset({"shoot", "shot", "stab", "hack"})
_BASES = frozenset({"base", "airbase", "headquarters", "barracks"})  # installations, not camps in towns
_UNSEATED = frozenset({"overthrow", "oust", "depose", "topple"})
_PLOTTED = frozenset({"plot", "accuse", "charge", "suspect", "attempt", "alleged", "allegedly"})


def _told_calm(words: set[str]) -> bool:
    """Whether the account says the action passed without incident or peacefully."""
    return {"without", "incident"} <= words or bool(words & {"peaceful", "peacefully"})


def _removed_from_power(words: set[str]) -> bool:
    """Whether the account says the head of state was removed ("announced they had removed him from
    power", "ousted the president"): a coup, not an arrest (ACLED: change to group/activity)."""
    if words & _PLOTTED:  # "detained for plotting a coup": an arrest
        return False
    return bool(words & _UNSEATED) or ("power" in words and bool(words & {"remove", "seize"}))


def _entered(words: set[str], actors: set[str], killed: int | None) -> dict[str, str] | None:
    """A force that "entered" a town: without resistance or after the other side left, a
    non-violent transfer; told to have taken it, a territorial battle (ACLED)."""
    unopposed = "without" in words and bool(words & {"resistance", "fight", "fighting", "opposition"})
    if (unopposed or words & _WITHDRAWN) and not killed:
        return _row(STRATEGIC, "Non-violent transfer of territory", STRATEGIC)
    if words & _PLACES_TAKEN and (words & (_TERRITORY_TAKE - {"control"}) or {"take", "control"} <= words):
        if actors & _SECURITY and "REB" not in actors:
            return _row("Battles", "Government regains territory", POLITICAL_VIOLENCE)
        return _row("Battles", "Non-state actor overtakes territory", POLITICAL_VIOLENCE)
    return None


_CROWD_CODED = frozenset({"Armed clash", "Attack", "Looting/property destruction", "Mob violence"})
_THROWN = frozenset({"pelt", "hurl", "throw", "lob", "fling", "stone"})
_DAMAGE = _PROPERTY | {"vandalise", "vandalize", "ransack", "smash"}
#: Words of a demonstration (its demands, its students) and of a rioting crowd.
_DEMO_WORDS = frozenset({"student", "demonstrator", "protester", "protestor", "demand", "demanding"})
_CROWD_WORDS = frozenset({"mob", "crowd", "rioter", "youth"})
_ARMED_WORDS = frozenset(
    {"armed", "gunman", "gunmen", "militant", "militia", "militiaman", "fighter", "herder", "herdsman",
     "bandit", "insurgent"}
)  # fmt: skip


def _crowd_violence(actors: set[str], recipients: set[str], trigger: set[str], words: set[str]) -> str | None:
    """Rioters as ACLED has them: ``"demo"`` for civilians who throw stones at, burn or clash with
    the police, or students or workers with a demand who burn and vandalise (a violent
    demonstration); ``"mob"`` for a crowd that burns or loots and hurts people outside any
    demonstration (mob violence). ``None`` for armed men, herders or party supporters destroying
    property (looting/property destruction) and for everything else."""
    if "REB" in actors or words & _ARMED_WORDS:
        return None
    if recipients & _SECURITY and (trigger & (_THROWN | {"clash"}) or (trigger | words) & _DAMAGE):
        supporters = not actors and bool(words & {"supporter", "activist"})  # "PTI supporters stormed"
        if actors & {"CVL", "PTY"} or supporters or (trigger & _THROWN and not actors & _ARMED):
            return "demo"
        return None
    if trigger & _DAMAGE and "CVL" in actors and not actors & _SECURITY:
        if words & _DEMO_WORDS:
            return "demo"
        if words & _CROWD_WORDS:
            hurt = recipients & {"CVL", "REB"} or trigger & {"they", "he", "she", "them", "him", "her"}
            return "mob" if hurt else "demo"  # "burnt them": people, not property
    return None
