"""Coding by what is acted on: types that a verb's object, complement or subject decides.

The manual defines several types by their objects rather than their verbs: withdrawing
non-military resources (observers, aid, diplomats) is SANCTION `withdraw`, letting observers or
aid in is RETREAT `access`, money and loans released or approved are AID, forgiven debt is AID,
ordering someone to stop or leave is COERCE, violence by a crowd is PROTEST `riot`, expelling
individuals from a country is COERCE `deport` (diplomats and party members: SANCTION `expel`);
relief goods flown in are AID, restored freedoms CONCEDE, and a stance voiced or sent ("expressed
concern", "sent condolences") takes its type from the stance noun.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tidings.events import lexicon as lx

if TYPE_CHECKING:
    from spacy.tokens import Token

    from tidings.events.triggers import Mention

#: A type and mode with the object token that decided them.
Found = tuple[str, "str | None", "Token"]

_DELIVERING = frozenset(
    {"fly", "ship", "truck", "airdrop", "distribute", "transport", "bring", "rush", "hand", "airlift", "drop"}
)
_RELIEF = frozenset(
    {"supply", "aid", "food", "medicine", "tent", "blanket", "water", "assistance", "relief", "vaccine",
     "fuel", "grain", "rice", "wheat", "flour", "shipment", "consignment", "equipment", "ration"}
)  # fmt: skip
_GRANTING = frozenset({"restore", "grant", "expand", "enhance", "extend", "guarantee", "broaden", "widen"})
_ACCESS_VERBS = frozenset({"visit", "enter", "inspect", "monitor", "observe", "access", "operate", "deliver"})
_AID_NOUNS = frozenset(
    {"loan", "grant", "aid", "assistance", "credit", "funding", "fund", "package", "relief", "money",
     "payment", "tranche", "installment", "instalment", "donation"}
)  # fmt: skip
_CROWDS = frozenset({"rioter", "protester", "protestor", "demonstrator", "mob", "crowd", "looter"})
_STOP_VERBS = frozenset(
    {"suspend", "close", "shut", "stop", "cease", "halt", "leave", "vacate", "evacuate", "quit", "disband",
     "dissolve", "abandon", "surrender", "end"}
)  # fmt: skip
_DIPLOMATS = frozenset({"ambassador", "envoy", "diplomat", "attache", "consul", "embassy", "charge"})
_UTILITIES = frozenset({"water", "power", "electricity", "fuel", "food", "internet", "phone", "gas"})
_AUTHORITIES = frozenset(
    {"government", "authority", "police", "army", "military", "ministry", "court", "regulator", "regime",
     "junta", "state", "troop", "soldier", "force", "censor", "official", "administration"}
)  # fmt: skip
_MEDIA = frozenset(
    {"media", "website", "site", "internet", "newspaper", "broadcast", "channel", "network", "platform",
     "information", "news", "twitter", "facebook", "youtube", "radio", "television", "tv", "press"}
)  # fmt: skip
_TESTED = frozenset({"missile", "rocket", "weapon", "bomb", "warhead", "device", "launcher", "torpedo"})
_CAPTIVES = frozenset({"hostage", "victim", "captive", "abductee"})
_SECURITY = frozenset(
    {"police", "army", "troop", "soldier", "force", "commando", "officer", "military", "navy", "marine",
     "policeman", "guard", "agent", "unit"}
)  # fmt: skip
_EXERCISES = frozenset({"exercise", "drill", "maneuver", "manoeuvre", "game"})
_JOINT = frozenset(
    {"joint", "combined", "bilateral", "trilateral", "multilateral", "multinational", "allied"}
)
_MEMBERSHIPS = frozenset(
    {"treaty", "agreement", "accord", "pact", "convention", "bloc", "alliance", "organization",
     "organisation", "union", "league", "coalition", "federation", "council", "commission", "court",
     "talk", "talks", "negotiation", "process", "deal", "protocol", "framework", "partnership",
     "community", "forum", "mediation"}
)  # fmt: skip
_PRESENCE = frozenset(
    {"observer", "monitor", "inspector", "peacekeeper", "mission", "agency", "ngo", "charity",
     "organization", "organisation"}
)  # fmt: skip
_STAFF = frozenset({"worker", "staff", "personnel", "official", "employee", "team"})
_AID_MODS = frozenset({"aid", "relief", "humanitarian", "un", "u.n.", "international"})
_CUSTODY_VERBS = frozenset({"take", "put", "place", "remand"})
_CUSTODY = frozenset({"custody", "detention"})
_OUSTING = frozenset({"push", "drive", "force", "chase", "flush", "dislodge", "rout", "clear"})
_ARMED_UNITS = frozenset(
    {"troop", "unit", "force", "fighter", "militant", "rebel", "insurgent", "soldier", "jihadist", "militia",
     "militiaman", "army", "terrorist", "combatant", "garrison", "gunman", "battalion", "brigade"}
)  # fmt: skip
_BODIES = frozenset(
    {"party", "organization", "organisation", "league", "union", "federation", "bloc", "alliance",
     "association", "club", "council", "parliament", "movement", "group", "coalition", "committee"}
)  # fmt: skip


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def stance(token: Token) -> Found | None:
    """A stance voiced, expressed or sent: the stance noun decides the type."""
    if _lemma(token) not in lx.STANCE_VERBS:
        return None
    for obj in _children(token, "dobj"):
        entry = lx.STANCE_NOUNS.get(_lemma(obj))
        if entry:
            return (entry[0], entry[1], obj)
    return None


def weapons_test(token: Token) -> Found | None:
    """A weapon tested or test-fired: increased readiness short of force (codebook, MOBILIZE
    `weapons`: "test weapons systems"), not an attack."""
    lemma = _lemma(token)
    tested = lemma in ("test", "test-fire") or (
        lemma in ("fire", "launch") and any(_lemma(c) == "test" and c.i < token.i for c in token.children)
    )
    if not tested:
        return None
    for obj in _children(token, "dobj", "nsubjpass"):
        if _lemma(obj) in _TESTED:
            return ("MOBILIZE", "weapons", obj)
    return None


def object_event(token: Token) -> Found | None:
    """A verb outside the lexicon whose object makes an event (restored freedoms, relief flown in)."""
    return _rights(token) or _delivery(token)


def custody(token: Token) -> Found | None:
    """Taking, putting or remanding someone "into custody" or "in detention" is an arrest
    (manual, COERCE `arrest`), unlike "took control of" or "took part in"."""
    if _lemma(token) not in _CUSTODY_VERBS:
        return None
    holders = [token, *_children(token, "dobj")]
    for prep in (p for h in holders for p in _children(h, "prep")):
        if _lemma(prep) in ("into", "in"):
            for place in _children(prep, "pobj"):
                if _lemma(place) in _CUSTODY:
                    return ("COERCE", "arrest", place)
    return None


def ousted_forces(token: Token) -> Found | None:
    """Armed units driven, pushed or forced out of a place ("pushed Russian units out of the
    village", "drove out the army garrison", "dislodged the rebels"): a battle over territory
    (ASSAULT), not a demand ("pushed for reforms") nor an expulsion of civilians."""
    lemma = _lemma(token)
    if lemma not in _OUSTING:
        return None
    armed = [o for o in _children(token, "dobj", "nsubjpass") if _lemma(o) in _ARMED_UNITS]
    if not armed:
        return None
    out = any(c.dep_ in ("prt", "prep", "advmod") and _lemma(c) in ("out", "from") for c in token.children)
    if out or lemma in ("dislodge", "rout"):
        return ("ASSAULT", None, armed[0])
    return None


def acted_on(token: Token) -> list[Token]:
    """What a verb acts on: its object, a passive subject, or the subject of an intransitive move."""
    found = _children(token, "dobj", "nsubjpass")
    if not found and _lemma(token) in ("withdraw", "pull", "leave", "ship", "move"):
        found = _children(token, "nsubj")
    return found


def refine(mention: Mention) -> None:
    """Types that depend on what is acted on (manual: SANCTION `withdraw` of non-military
    resources; RETREAT `access` for observers and aid let in; AID for forgiven debt; a stance
    expressed rather than an offer)."""
    head = mention.head
    lemma = _lemma(head)
    targets = {_lemma(t) for t in acted_on(head)}
    if mention.type == "RETREAT" and mention.mode == "withdraw" and targets & lx.RESOURCES:
        mention.type, mention.mode = "SANCTION", "withdraw"
    elif lemma in ("allow", "permit", "let", "admit", "accept", "receive") and (
        targets & lx.ACCESS or any(_lemma(c) in _ACCESS_VERBS for c in _children(head, "xcomp", "ccomp"))
    ):
        mention.type, mention.mode = "RETREAT", "access"  # "allowed Red Cross officials to visit"
    elif lemma in ("approve", "grant", "extend", "disburse", "release", "unfreeze") and (
        targets & _AID_NOUNS or any(t.ent_type_ == "MONEY" for t in acted_on(head))
    ):
        mention.type, mention.mode = "AID", None  # "approved a $2 billion loan" (manual, AID)
    elif lemma in ("forgive", "cancel", "write") and targets & {"debt", "loan", "obligation", "arrears"}:
        mention.type, mention.mode = "AID", None
    elif lemma in ("order", "force", "compel", "direct") and targets and _stopping(head):
        mention.type, mention.mode = "COERCE", "restrict"  # made to stop, close or leave (COERCE)
    elif mention.type == "ASSAULT" and mention.mode in (None, "primitive", "beat") and _rioters(head):
        mention.type, mention.mode = "PROTEST", "riot"  # violence by a crowd is a riot (manual, PROTEST)
    elif lemma == "expel" and not targets & _DIPLOMATS and not _from_body(head):
        mention.type, mention.mode = "COERCE", "deport"  # individuals or groups from a country
    elif mention.type == "RETREAT" and mention.mode == "release" and targets & _CAPTIVES and _rescuers(head):
        mention.type, mention.mode = "AID", None  # hostages freed by police or troops (manual, AID)
    elif (
        mention.type == "RETREAT"
        and (lemma == "quit" or mention.mode == "withdraw")
        and _leaves_body(mention)
    ):
        mention.type, mention.mode = "SANCTION", "withdraw"  # leaving a treaty, bloc or talks
    elif mention.type == "COERCE" and mention.mode == "withhold" and _relations(acted_on(head)):
        mention.type, mention.mode = "SANCTION", "discontinue"  # "cut off military aid" (not utilities)
    elif mention.type == "PROTEST" and mention.mode == "obstruct" and _authority(head):
        mention.type = "COERCE"  # access blocked by a government: a restriction (manual, COERCE)
        mention.mode = "censor" if _informational(mention) else "restrict"
    if mention.type == "COERCE" and mention.mode == "deport" and _presence(acted_on(head)):
        mention.type, mention.mode = "SANCTION", "expel"  # observers, agencies (CAMEO2PLOVER 166x)
    exercise(mention)


def exercise(mention: Mention) -> None:
    """Military exercises and drills: one side's are MOBILIZE, joint ones COOPERATE (manual,
    MOBILIZE ambiguities: "joint military operations are COOPERATE but single-country exercises
    should be coded as MOBILIZE")."""
    nouns = [t for t in mention.tokens if _lemma(t) in _EXERCISES]
    if not nouns or mention.type not in ("MOBILIZE", "COOPERATE"):
        return
    if _joint(nouns[0]):
        mention.type, mention.mode = "COOPERATE", None
    else:
        mention.type, mention.mode = "MOBILIZE", "troops"


def _joint(noun: Token) -> bool:
    """ "joint exercises", "exercises with Russia", "India and France held exercises"."""
    mods = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod")]
    if any(_lemma(c) in _JOINT for c in mods):
        return True
    if sum(1 for c in mods if c.ent_type_ in ("NORP", "GPE", "ORG")) >= 2 or any(
        _children(c, "conj") for c in mods
    ):
        return True
    verb = noun
    for _ in range(3):  # the verb the noun depends on ("held drills", "took part in exercises")
        if verb.pos_ == "VERB" or verb.head is verb:
            break
        verb = verb.head
    for owner in (noun, verb):
        if any(_lemma(p) in ("with", "between", "alongside") for p in _children(owner, "prep")):
            return True
    return any(_children(s, "conj") for s in _children(verb, "nsubj"))


def _relations(targets: list[Token]) -> bool:
    """Aid, trade or ties (SANCTION when cut), not public goods such as water or power supplies."""
    for target in targets:
        mods = {_lemma(c) for c in target.children if c.dep_ in ("compound", "amod")}
        if _lemma(target) in lx.RELATIONS and not mods & _UTILITIES:
            return True
    return False


def _authority(verb: Token) -> bool:
    """A government, its forces or a court as the doer (not protesters)."""
    for subject in _children(verb, "nsubj"):
        if _lemma(subject) in _AUTHORITIES or subject.ent_type_ in ("GPE", "ORG"):
            return True
    return False


def _informational(mention: Mention) -> bool:
    """Access to media, websites or information ("blocked access to social media")."""
    return any(_lemma(t) in _MEDIA for m in mention.tokens for t in m.subtree)


def _rescuers(verb: Token) -> bool:
    """Police, troops or commandos as the doer (a rescue), not the captors releasing captives."""
    return any(_lemma(s) in _SECURITY for s in _children(verb, "nsubj"))


def _leaves_body(mention: Mention) -> bool:
    """Withdrawing from (or quitting) a treaty, an organisation or talks: "withdrew from the
    treaty", "pulled out of the bloc", "quit the alliance" (SANCTION `withdraw`)."""
    objects = (
        [o for t in mention.tokens for o in _children(t, "dobj")] if _lemma(mention.head) == "quit" else []
    )
    preps = [p for t in mention.tokens for p in _children(t, "prep")]
    preps += [q for p in preps if _lemma(p) in ("out", "away") for q in _children(p, "prep")]
    objects += [o for p in preps if _lemma(p) in ("from", "of") for o in _children(p, "pobj")]
    return any(_lemma(o) in _MEMBERSHIPS or o.ent_type_ == "ORG" for o in objects)


def _presence(targets: list[Token]) -> bool:
    """An international presence: observers, peacekeepers, agencies, aid workers, organisations."""
    for target in targets:
        if _lemma(target) in _PRESENCE or target.ent_type_ == "ORG":
            return True
        mods = [c for c in target.children if c.dep_ in ("compound", "amod")]
        if _lemma(target) in _STAFF and any(_lemma(c) in _AID_MODS or c.ent_type_ == "ORG" for c in mods):
            return True
    return False


def _rioters(verb: Token) -> bool:
    """A crowd is the doer of an active violent verb ("rioters torched cars"; not "protester killed")."""
    if verb.tag_ == "VBN" or _children(verb, "auxpass"):
        return False
    return any(_lemma(s) in _CROWDS for s in _children(verb, "nsubj"))


def _stopping(verb: Token) -> bool:
    """ "ordered the paper to suspend publication", "forced the villagers to leave": an authority
    making someone else stop an activity or leave, a coercive use of power (manual, COERCE)."""
    return any(_lemma(c) in _STOP_VERBS for c in _children(verb, "xcomp"))


def _from_body(verb: Token) -> bool:
    """ "expelled from the party": from a group or organisation (SANCTION `expel`)."""
    for prep in _children(verb, "prep"):
        if _lemma(prep) == "from" and any(_lemma(p) in _BODIES for p in _children(prep, "pobj")):
            return True
    return False


def _delivery(token: Token) -> Found | None:
    """Relief goods flown, shipped or handed out: "supplies were flown into the city" (AID)."""
    if _lemma(token) not in _DELIVERING:
        return None
    for obj in _children(token, "dobj", "nsubjpass"):
        if _lemma(obj) in _RELIEF:
            return ("AID", None, obj)
    return None


def _rights(token: Token) -> Found | None:
    """Easing restrictions on freedoms: "restored press freedom", "expanded the rights of" (CONCEDE)."""
    if _lemma(token) not in _GRANTING:
        return None
    for obj in _children(token, "dobj", "nsubjpass"):
        if _lemma(obj) in ("freedom", "right", "liberty"):
            return ("CONCEDE", None, obj)
    return None
