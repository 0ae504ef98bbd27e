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


def object_event(token: Token) -> Found | None:
    """A verb outside the lexicon whose object makes an event (restored freedoms, relief flown in)."""
    return _rights(token) or _delivery(token)


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
