"""Event mentions in one sentence: trigger words coded into PLOVER types from the parse.

A *mention* is a predicate — a verb, a verb + particle or object ("opened fire", "imposed a
curfew"), or an eventive noun ("the attack", "a hunger strike") — coded with a PLOVER type and
mode from :mod:`tidings.events.lexicon`. Mentions that only fill another mention's complement
("threatened *to shell*", "accused X *of violating*", "condemns *the attack*") are absorbed into it
as its content, as PLOVER codes the governing act. Reporting verbs ("said", "told") are not events;
the act they report is ("said Sudan must return…" is a REQUEST). Intentions and promises of
cooperation are AGREE, of force THREATEN, of a retreat CONCEDE (manual, AGREE and CONCEDE).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tidings.events import lexicon as lx
from tidings.events import refine as rf
from tidings.events import triggers_acled as ta
from tidings.events.filters import drop_reason

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

#: At most this many mentions per sentence (a run-on sentence of 500 clauses stays bounded).
MAX_PER_SENTENCE = 12
_UP = 5  # longest walk up the tree from a complement to the act that governs it
_ABSORB_DEPS = frozenset(
    {"xcomp", "ccomp", "dobj", "pobj", "prep", "pcomp", "compound", "amod", "acl", "nsubjpass", "attr",
     "oprd", "dative", "advcl", "npadvmod", "appos", "nmod", "poss", "agent"}
)  # fmt: skip
_CONDITION_MARKS = frozenset({"if", "unless", "until", "lest"})
_COMPOUND_HEADS = frozenset(
    {"attempt", "plot", "campaign", "camp", "operation", "wave", "series", "spree", "bid", "movement",
     "threat", "attack", "incident", "site", "action", "mission", "effort", "process", "initiative"}
)  # fmt: skip
_PEOPLE_SUBJECT = frozenset(
    {"supporter", "protester", "protestor", "demonstrator", "activist", "student", "worker", "resident",
     "people", "villager", "follower", "crowd", "member", "farmer", "teacher", "doctor", "union",
     "employee", "refugee", "pensioner", "retiree", "nurse", "miner",
     "lawyer", "youth", "opponent", "citizen", "women", "woman", "man", "men", "trader"}
)  # fmt: skip
_CAMP = frozenset(
    {"camp", "encamp", "gather", "assemble", "occupy", "sit", "congregate", "converge", "mass", "throng",
     "chant"}
)  # fmt: skip
_PROTEST_AIMS = frozenset(
    {"demand", "protest", "denounce", "condemn", "oppose", "call", "demonstrate", "decry"}
)
_OFFICIALS = frozenset(
    {"leader", "minister", "official", "delegate", "president", "representative", "diplomat", "envoy",
     "lawmaker", "legislator", "commander", "general", "head", "chief", "delegation", "mediator"}
)  # fmt: skip
_QUANTITIES = frozenset({"thousand", "hundred", "dozen", "score", "crowd", "group", "number", "million"})
_CROWD_VERBS = frozenset(
    {"push", "drive", "disperse", "fire", "use", "spray", "repel", "fight", "respond", "answer", "meet"}
)
_CROWD_WEAPONS = frozenset({"cannon", "gas", "spray"})
_CROWD_KINDS = frozenset({"water", "tear", "pepper"})
_THROW = frozenset({"hurl", "throw", "pelt", "lob", "fling"})
_MISSILES = frozenset({"stone", "brick", "rock", "bottle", "molotov", "cocktail", "projectile", "firebomb"})
_COMBATANTS = frozenset(
    {"fighter", "militant", "rebel", "insurgent", "troop", "soldier", "jihadist", "gunman", "militia",
     "militiaman", "army", "terrorist", "combatant", "unit", "force", "position"}
)  # fmt: skip
_PLACES = frozenset(
    {"town", "village", "city", "camp", "base", "district", "locality", "garrison", "outpost",
     "headquarters", "barracks", "airport"}
)  # fmt: skip
_GROUP_ACTIVITY = frozenset({"activity", "operation", "party", "association", "organisation", "organization"})
_PROJECTILES = frozenset({"shell", "mortar", "rocket", "missile"})
_DEVICES = frozenset({"bomb", "device", "ied", "mine", "landmine", "explosive"})
_IMPACT = frozenset({"land", "hit", "strike", "slam", "fall", "crash", "explode", "detonate"})
_CAPTIVES = frozenset(
    {"passenger", "worshipper", "villager", "student", "pupil", "people", "resident", "traveller",
     "traveler", "farmer", "child", "woman", "man", "teacher", "principal", "worker", "hostage",
     "nurse", "doctor", "journalist", "official", "pastor", "priest", "chief", "trader", "reporter",
     "broadcaster", "activist", "businessman", "civilian", "boy", "girl", "leader", "politician", "mayor",
     "candidate", "person", "son", "daughter", "elder", "herder", "driver", "motorist"}
)  # fmt: skip
_TAKING = frozenset({"carry", "seize", "snatch", "grab", "whisk", "march", "take", "drag", "lead", "haul"})
_TAKEN_AWAY = frozenset({"carry", "take", "drag", "lead", "haul"})
_HOMES = frozenset({"home", "house", "dwelling", "shop", "shelter", "structure", "building"})
_MARCH = frozenset({"parade", "march", "rally", "walk"})
_TRUCES = frozenset({"ceasefire", "cease-fire", "truce", "armistice"})
#: Verbs of consent whose negation is a refusal ("did not accept", "would not agree", "never allowed").
_ACCEPTING = frozenset(
    {
        "accept",
        "agree",
        "allow",
        "permit",
        "approve",
        "endorse",
        "recognize",
        "recognise",
        "ratify",
        "consent",
    }
)
_DIRECTIVE_NOUNS = frozenset(
    {"reminder", "demand", "call", "statement", "message", "letter", "warning", "appeal"}
)
_PARTICLES = frozenset({"out", "off", "away", "back", "down", "over", "up"})
#: Workers who strike (PROTEST `strike`), unlike attackers who strike a target.
_LABOUR = frozenset(
    {"worker", "employee", "teacher", "doctor", "nurse", "union", "miner", "driver", "staff", "docker",
     "pilot", "lawyer", "trader", "shopkeeper", "merchant", "farmer", "student", "workforce"}
)  # fmt: skip
_ADJ_INTENT = frozenset({"willing", "ready", "prepared", "eager", "determined", "keen", "poised", "open"})


@dataclass(slots=True)
class Mention:
    """One coded predicate: ``head`` is the trigger token whose clause the attribute rules read;
    ``tokens`` every trigger token (verb, particle, eventive object); ``content`` the mentions it
    absorbed (its complement)."""

    head: Token
    type: str
    mode: str | None
    tokens: list[Token] = field(default_factory=list)
    content: list[Mention] = field(default_factory=list)
    absorbed: bool = False
    reporter: Token | None = None  # the verb reporting a demand ("said Sudan must return…")

    @property
    def span(self) -> tuple[int, int]:
        """Characters of the trigger words (first to last trigger token)."""
        first = min(t.idx for t in self.tokens)
        last = max(t.idx + len(t.text) for t in self.tokens)
        return (first, last)


def sentence_mentions(sent: SpacySpan) -> list[Mention]:
    """The event mentions of ``sent`` that are not absorbed into another one, in text order."""
    candidates: dict[int, Mention] = {}
    consumed: set[int] = set()
    for token in sent:
        if token.i in consumed:
            continue
        mention = _verb_mention(token) if token.pos_ == "VERB" else None
        if mention is None and token.pos_ == "ADJ" and token.lemma_.lower() in ("opposed",):
            mention = Mention(token, "REJECT", None, [token])
        if mention is None and token.pos_ == "ADJ":
            mention = _shot_dead(token)
        if mention is None and token.pos_ in ("NOUN", "PROPN") and token.ent_type_ != "DATE":
            mention = _noun_mention(token)  # a month in a date ("On 3 March 2023") is no march
        if mention is None:
            continue
        for extra in mention.tokens:
            consumed.add(extra.i)
        candidates[token.i] = mention
        for extra in mention.tokens:
            candidates.setdefault(extra.i, mention)
    unique = list({id(m): m for m in candidates.values()}.values())
    unique.sort(key=lambda m: m.head.i)
    for mention in unique:
        governor = _governor(mention, candidates)
        if governor is not None:
            mention.absorbed = True
            governor.content.append(mention)
    top = [m for m in unique if not m.absorbed]
    for mention in top:
        _retype(mention)
    return [m for m in top if m.type and drop_reason(m) is None][:MAX_PER_SENTENCE]


# -- finding triggers -------------------------------------------------------------------------------


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def _verb_mention(token: Token) -> Mention | None:
    """A verb's mention: its phrase, object or lemma decides, then what it acts on refines it."""
    stance = rf.stance(token)
    if stance is not None:  # "expressed concern", "sent condolences"
        return Mention(token, stance[0], stance[1], [token, stance[2]])
    if (tested := rf.weapons_test(token)) is not None:  # "test-fired a missile"
        return Mention(token, tested[0], tested[1], [token, tested[2]])
    if (found := rf.custody(token) or rf.ousted_forces(token)) is not None:
        return Mention(token, found[0], found[1], [token, found[2]])  # into custody; units driven out
    mention = _traded_fire(token) or _verb_phrase_mention(token)
    if mention is None and (found := rf.object_event(token)) is not None:
        return Mention(token, found[0], found[1], [token, found[2]])
    if mention is not None:
        rf.refine(mention)
    return mention


def _verb_phrase_mention(token: Token) -> Mention | None:
    lemma = _lemma(token)
    objects = _children(token, "dobj") or [
        c for c in _children(token, "nsubjpass") if c.pos_ in ("NOUN", "PROPN")
    ]
    # phrase: verb + particle, preposition or object
    for child in token.children:
        if child.dep_ in ("prt", "prep", "dobj", "advmod", "acomp", "nsubjpass"):
            if child.dep_ == "prep" and not (0 < child.i - token.i <= 3) and _lemma(child) not in _PARTICLES:
                continue  # a particle may follow the object: "forced the agency out of the country"
            if child.dep_ == "prep" and any(p.ent_type_ in ("DATE", "TIME") for p in child.children):
                continue
            entry = lx.PHRASES.get((lemma, _lemma(child)))
            if entry is None and child.dep_ == "prep":
                for pobj in _children(child, "pobj"):
                    entry = lx.PHRASES.get((lemma, _lemma(pobj)))
                    if entry:
                        child = pobj
                        break
            if entry:
                return Mention(token, entry[0], entry[1], [token, child])
    if lemma == "find" and any(
        _lemma(c) in ("guilty", "liable")
        for c in token.children
        if c.dep_ in ("oprd", "acomp", "ccomp", "xcomp")
    ):
        return Mention(token, "SANCTION", "convict", [token])  # found guilty (manual, SANCTION convict)
    # the object decides: impose/lift a restriction, cut relations, light verb + eventive noun
    for obj in objects:
        if _lemma(obj) in ("state", "imposition", "period", "form"):
            obj = next((p for c in _children(obj, "prep") for p in _children(c, "pobj")), obj)
        olemma = _lemma(obj)
        if olemma in lx.RESTRICTIONS or _compound_key(obj) in lx.NOUNS:
            restriction = lx.RESTRICTIONS.get(olemma) or lx.NOUNS.get(_compound_key(obj))
            if restriction and lemma in lx.IMPOSE and restriction[0] in ("COERCE", "SANCTION"):
                return Mention(token, restriction[0], restriction[1], [token, obj])
            if restriction and lemma in lx.LIFT and restriction[0] in ("COERCE", "SANCTION"):
                return Mention(token, "CONCEDE", None, [token, obj])
        if lemma in lx.REDUCE:
            if olemma in lx.RELATIONS:
                return Mention(token, "SANCTION", "discontinue", [token, obj])
            if olemma in lx.MEETINGS:
                return Mention(token, "REJECT", "meet", [token, obj])
            if olemma in lx.HOSTILITIES:
                return Mention(token, "RETREAT", "ceasefire", [token, obj])
        if olemma in _TRUCES and lemma in ("declare", "announce", "proclaim", "call"):
            return Mention(token, "CONCEDE", None, [token, obj])  # a declared ceasefire (CONCEDE)
        if olemma in _TRUCES and lemma in ("observe", "implement", "respect", "hold", "enforce"):
            return Mention(token, "RETREAT", "ceasefire", [token, obj])  # one carried out (RETREAT)
        if lemma in lx.LIGHT and any(_lemma(c) in ("joint", "combined") for c in obj.children):
            return Mention(token, "COOPERATE", None, [token, obj])  # "launched a joint operation"
        if lemma in lx.LIGHT:
            entry = lx.NOUNS.get(_compound_key(obj)) or lx.NOUNS.get(olemma)
            if entry:
                return Mention(token, entry[0], _noun_mode(obj, entry), [token, obj])
    if (genre := _acled_genre(token, lemma)) is not None:
        return genre
    if lemma in _CAMP and (
        _people_subject(token)
        or _protest_purpose(token)
        or (ta.purpose_ahead(token) and _plain_subject(token))  # relatives gathered … calling on
    ):
        return Mention(token, "PROTEST", "demo", [token])
    if lemma in lx.OBSTRUCT and _people_subject(token):
        return Mention(token, "PROTEST", "obstruct", [token])
    if lemma in lx.MOVE:
        for obj in objects:
            force = lx.FORCES.get(_lemma(obj))
            if force:
                return Mention(token, "MOBILIZE", force, [token, obj])
    if lemma in ("arrive", "enter", "land") and (force := _forces_subject(token)):
        return Mention(
            token,
            "AID" if force == "peacekeeping" else "MOBILIZE",
            None if force == "peacekeeping" else force,
            [token],
        )
    if lemma == "welcome" and objects and all(o.ent_type_ not in ("PERSON", "GPE", "NORP") for o in objects):
        return Mention(token, "SUPPORT", None, [token])  # welcomed the decision: approval, not a visit
    if lemma in ("strike", "walk") and not _children(token, "dobj") and _labour_subject(token):
        return Mention(token, "PROTEST", "strike", [token])
    entry = lx.VERBS.get(lemma)
    if entry is None:
        return None
    if lemma == "protest" and _children(token, "dobj"):
        return Mention(token, "ACCUSE", "disapprove", [token])
    return Mention(token, entry[0], entry[1], [token])


def _traded_fire(token: Token) -> Mention | None:
    """ "troops traded fire with militants": trading fire or shots is exchanging it (the verb
    alone is the trigger, as the lexicon's "trade" is COOPERATE for goods)."""
    if _lemma(token) == "trade" and any(
        _lemma(o) in ("fire", "gunfire", "shot") for o in _children(token, "dobj")
    ):
        return Mention(token, "ASSAULT", "firearms", [token])
    return None


def _shot_dead(token: Token) -> Mention | None:
    """ "two gunmen on a motorcycle shot dead a broadcaster": the parser may read "motorcycle shot"
    as a noun and make "dead" the predicate that keeps the subject and object; it is a shooting."""
    if _lemma(token) != "dead" or token.i == 0 or not _children(token, "dobj"):
        return None
    shot = token.doc[token.i - 1]
    if shot.lower_ not in ("shot", "gunned"):
        return None
    return Mention(token, "ASSAULT", "firearms", [shot, token])


def _compound_key(token: Token) -> str:
    """ "air strike", "hunger strike", "martial law": the noun with its compound modifier."""
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text == "-" and not doc[token.i - 2].whitespace_:
        joined = f"{doc[token.i - 2].lower_}-{_lemma(token)}"  # "sit-in" parsed as sit - in
        if joined in lx.NOUNS and not doc[token.i - 1].whitespace_:
            return joined
    mods = [c for c in token.children if c.dep_ in ("compound", "amod") and c.i == token.i - 1]
    if mods:
        return f"{_lemma(mods[0])} {_lemma(token)}"
    return _lemma(token)


def _noun_mode(token: Token, entry: lx.Entry) -> str | None:
    mod = _compound_key(token).split(" ")[0]
    if entry[0] == "PROTEST" and mod in lx.PROTEST_MODES:
        return lx.PROTEST_MODES[mod]
    return entry[1]


def _noun_mention(token: Token) -> Mention | None:
    key = _compound_key(token)
    lemma = _lemma(token)
    entry = lx.NOUNS.get(key) or lx.NOUNS.get(lemma) or lx.NOUNS.get(token.text.lower())
    if entry is None:
        return None
    if lemma == "strike" and key.split(" ")[0] in ("air", "drone", "missile", "rocket", "military"):
        entry = ("ASSAULT", lx.WEAPONS.get(key.split(" ")[0], "aerial"))
    if token.dep_ == "compound" and token.head.pos_ in ("NOUN", "PROPN"):
        head_key = _lemma(token.head)
        if head_key not in _COMPOUND_HEADS:
            return None
    if lemma in lx.WEAK_NOUNS and not _eventive(token):
        return None
    mention = Mention(token, entry[0], _noun_mode(token, entry), [token])
    rf.exercise(mention)
    return mention


def _eventive(token: Token) -> bool:
    """A weak noun ("talks", "aid", "deal") is an event when it has participants of its own."""
    for child in token.children:
        if child.dep_ in ("poss",) or (
            child.dep_ == "prep"
            and _lemma(child) in ("with", "between", "by", "to", "for", "against", "on", "from")
        ):
            return True
        if child.dep_ in ("amod", "compound") and child.ent_type_ in ("NORP", "GPE", "ORG"):
            return True
    return False


def _objects_and_instruments(token: Token) -> list[Token]:
    """Direct objects and the nouns of "with …" (pelted police with stones)."""
    found = _children(token, "dobj")
    for prep in _children(token, "prep"):
        if _lemma(prep) == "with":
            found += _children(prep, "pobj")
    return [t for o in found for t in (o, *o.conjuncts)]


def _acled_genre(token: Token, lemma: str) -> Mention | None:
    """Conflict-report wordings (ACLED codebook acts): crowd-control weapons, thrown missiles,
    engaging or exchanging fire with fighters, seizing a place, suspending a group's activities,
    ramming (a vehicle bomb when a suicide attacker is named)."""
    things = _objects_and_instruments(token)
    lemmas = {_lemma(t) for t in things}
    if lemma in _CROWD_VERBS and any(
        _lemma(t) == "teargas"
        or (_lemma(t) in _CROWD_WEAPONS and any(_lemma(c) in _CROWD_KINDS for c in t.children))
        for t in things
    ):
        return Mention(token, "ASSAULT", "crowd-control", [token])  # fired tear gas, water cannon
    if lemma in _THROW and lemmas & _MISSILES:
        return Mention(token, "ASSAULT", "primitive", [token])  # hurled stones, pelted with bricks
    if lemma == "engage" and (lemmas & _COMBATANTS or ta.armed_units(things)):
        return Mention(token, "ASSAULT", None, [token])  # engaged militants
    if lemma == "exchange" and lemmas & {"fire", "gunfire", "shot"}:
        return Mention(token, "ASSAULT", "firearms", [token])
    if lemma in ("seize", "capture") and lemmas & _PLACES:
        return Mention(token, "ASSAULT", None, [token])  # seized the town (territory)
    if lemma == "take" and lemmas & _PLACES and any(_lemma(c) == "over" for c in token.children):
        return Mention(token, "ASSAULT", None, [token])  # took over the camp, not "as president"
    if lemma in ("suspend", "dissolve") and lemmas & _GROUP_ACTIVITY:
        return Mention(token, "COERCE", "ban", [token])  # suspended the activities of parties
    subjects = {_lemma(t) for t in _children(token, "nsubj", "nsubjpass")}
    if lemma in _IMPACT and subjects & _PROJECTILES:
        return Mention(token, "ASSAULT", "heavy-weapons", [token])  # mortars landed on a market
    if (lemma in _IMPACT or (lemma == "go" and _has_particle(token, "off"))) and subjects & _DEVICES:
        return Mention(token, "ASSAULT", "explosives", [token])  # a roadside bomb hit a vehicle
    if lemma in _TAKING and _captives(token, lemmas):
        return Mention(token, "ASSAULT", "abduct", [token])  # carried off 12 passengers
    if lemma in ("bulldoze", "demolish", "flatten") and lemmas & _HOMES:
        return Mention(token, "ASSAULT", "destroy", [token])  # bulldozed homes
    if lemma in _MARCH and _people_subject(token) and not lemmas & _CAPTIVES:
        return Mention(token, "PROTEST", "demo", [token])  # supporters paraded through the city
    if (formed := ta.crowd_formation(token, things)) is not None:
        return Mention(token, formed[0], formed[1], [token])  # formed a human chain demanding …
    if ta.took_effect(token) is not None:
        return Mention(token, "AGREE", None, [token])  # a ceasefire came into force
    if lemma == "ram":
        suicide = any(t.lower_.startswith("suicide") for t in token.sent)
        return Mention(token, "ASSAULT", "suicide-attack" if suicide else None, [token])
    return None


def _has_particle(token: Token, word: str) -> bool:
    return any(c.dep_ == "prt" and _lemma(c) == word for c in token.children)


def _captives(token: Token, lemmas: set[str]) -> bool:
    """People taken away: "carried off passengers", "marched worshippers into the bush"."""
    if not lemmas & _CAPTIVES:
        return False
    if _lemma(token) in _TAKEN_AWAY:  # "took a journalist away from his home", not "took a teacher"
        return any(c.dep_ in ("prt", "advmod") and _lemma(c) in ("off", "away") for c in token.children)
    if _lemma(token) == "march":
        return any(_lemma(c) == "into" for c in token.children)
    return True


def _protest_purpose(token: Token) -> bool:
    """A gathering "against" something or "to demand / to protest" it is a demonstration."""
    for child in token.children:
        if child.dep_ == "prep" and _lemma(child) == "against":
            return True
        if child.dep_ in ("advcl", "xcomp") and _lemma(child) in _PROTEST_AIMS:
            return True
        if child.dep_ == "conj" and _lemma(child) in _PROTEST_AIMS and _plain_subject(token):
            return True  # "relatives gathered … and called on the government to …"
    return False


def _plain_subject(token: Token) -> bool:
    """A subject of common people: no named entity, no office holders ("ministers gathered")."""
    subjects = _children(token, "nsubj")
    return bool(subjects) and all(
        s.ent_type_ == "" and _lemma(s) not in _OFFICIALS and s.pos_ == "NOUN" for s in subjects
    )


def _forces_subject(token: Token) -> str | None:
    """ "peacekeeping" when peacekeepers arrive, a MOBILIZE mode when troops or weapons do."""
    for subj in _children(token, "nsubj"):
        words = [subj, *[t for t in subj.subtree if t.i < subj.i + 6]]
        if any("peacekeep" in t.lower_ or "peace-keep" in t.lower_ for t in words):
            return "peacekeeping"
        for word in words:
            if _lemma(word) in lx.FORCES:
                return lx.FORCES[_lemma(word)]
    return None


def _labour_subject(token: Token) -> bool:
    return any(_lemma(s) in _LABOUR for s in _children(token, "nsubj"))


def _people_subject(token: Token) -> bool:
    subjects = _children(token, "nsubj", "nsubjpass")
    if not subjects and token.dep_ == "conj":  # "young people answered a call and chanted …"
        subjects = _children(token.head, "nsubj")
    if not subjects and token.dep_ == "acl" and token.head.dep_ == "ROOT" and token.head.pos_ == "NOUN":
        subjects = [token.head]  # "Hundreds of nurses massed outside …" parsed as a noun phrase
    subjects += [c for s in list(subjects) for c in s.conjuncts]  # "pensioners and union members"
    for subj in list(subjects):  # "thousands of young people"
        if _lemma(subj) in _QUANTITIES or subj.like_num:
            subjects += [
                p for c in _children(subj, "prep") if _lemma(c) == "of" for p in _children(c, "pobj")
            ]
    for subj in subjects:
        if _lemma(subj) in _PEOPLE_SUBJECT:
            return True
        if any(_lemma(c) in _PEOPLE_SUBJECT for c in subj.children if c.dep_ in ("compound", "amod")):
            return True
    return False


# -- absorption and retyping --------------------------------------------------------------------------


def _governor(mention: Mention, candidates: dict[int, Mention]) -> Mention | None:
    """The mention whose complement ``mention`` is, if any (bounded walk up the tree)."""
    token = mention.head
    for _ in range(_UP):
        if token.head.i == token.i:
            return None
        if token.dep_ == "conj" and token.head.i not in candidates:
            token = token.head  # "allow planes to land and evacuate": the conjunct shares the frame
            continue
        if token.dep_ not in _ABSORB_DEPS:
            return None
        if token.dep_ == "advcl" and not _conditional(token) and not _purpose(token):
            return None
        parent = token.head
        if token.dep_ == "advcl" and _conditional(token) and parent.i in candidates:
            return candidates[parent.i]  # "would meet him if he gave them a veto": a condition
        if _lemma(parent) in lx.REPORTING and parent.i not in candidates:
            return None
        governor = candidates.get(parent.i)
        if governor is not None and governor is not mention:
            if (
                governor.type in lx.VERBAL and mention.type not in ("ASSAULT",)
            ) or governor.type == mention.type:
                return governor
            if governor.type in lx.VERBAL and token.dep_ in (
                "xcomp",
                "ccomp",
                "dobj",
                "pobj",
                "pcomp",
                "advcl",
            ):
                return governor
            if governor.type == "PROTEST" and mention.type in ("REQUEST", "ACCUSE", "REJECT"):
                return governor
            return None
        token = parent
    return None


def _conditional(token: Token) -> bool:
    return any(c.dep_ == "mark" and _lemma(c) in _CONDITION_MARKS for c in token.children)


def _purpose(token: Token) -> bool:
    """ "… to demand reforms" (an infinitive of purpose)."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children)


def _aux_lemmas(token: Token) -> set[str]:
    """Modal and future auxiliaries of a verb ("will", "would", "must"; not perfect "have")."""
    return (
        {c.text.lower() for c in token.children if c.dep_ == "aux" and c.tag_ in ("MD",)}
        | {_lemma(c) for c in token.children if c.dep_ == "aux" and c.tag_ == "MD"}
        | {"going" for c in token.children if c.dep_ == "aux" and c.text.lower() == "going"}
    )


def _negated(token: Token) -> bool:
    return any(
        c.dep_ == "neg" or (c.dep_ == "advmod" and _lemma(c) in ("never", "longer")) for c in token.children
    )


def _governing_verbs(token: Token) -> list[Token]:
    """The clause's verb and the verbs/adjectives that govern it through xcomp/ccomp (nearest first)."""
    out = []
    current = token
    if current.pos_ != "VERB" and current.dep_ in ("dobj", "pobj", "nsubjpass", "attr"):
        current = current.head if current.dep_ != "pobj" else current.head.head
        out.append(current)
    for _ in range(4):
        if current.dep_ not in ("xcomp", "ccomp", "acomp", "acl") or current.head.i == current.i:
            break
        current = current.head
        out.append(current)
    return out


def _retype(mention: Mention) -> None:
    """Final PLOVER type of a top-level mention: intentions, reported obligations and refusals."""
    head = mention.head
    chain = [head, *_governing_verbs(head)]
    lemmas = {_lemma(t) for t in chain}
    governors = lemmas - {_lemma(head)}  # "set fire" is no intention of its own ("set to attack" is)
    aux: set[str] = set()
    for verb in chain:
        aux |= _aux_lemmas(verb)
    intended = (
        bool(governors & lx.INTENT)
        or any(_lemma(t) in _ADJ_INTENT for t in chain[1:])
        or any(_lemma(c) in _ADJ_INTENT for t in chain for c in t.children if c.dep_ == "acomp")
    )
    future = bool(aux & lx.FUTURE_AUX) or intended
    reporters = [t for t in chain[1:] if _lemma(t) in lx.REPORTING or _lemma(t) in _DIRECTIVE_NOUNS]
    reported = bool(reporters)
    negated = any(_negated(t) for t in chain)
    kind = mention.type
    if negated and (future or reported) and kind in (lx.COOPERATIVE | {"AGREE", "CONCEDE", "RETREAT"}):
        mention.type, mention.mode = "REJECT", None
    elif negated and _lemma(head) in _ACCEPTING and head.pos_ == "VERB":
        mention.type, mention.mode = "REJECT", None  # "did not accept the proposal": a refusal
    elif kind in lx.COOPERATIVE and future and (head.pos_ == "VERB" or _willing_to(head)):
        mention.type = "AGREE"  # "ready to resume talks", "open to talks" (willingness, manual AGREE)
    elif kind == "RETREAT" and future and head.pos_ == "VERB" and (reported or intended):
        # an announced, offered or intended retreat is an intent to yield (CAMEO2PLOVER 035x: AGREE);
        # one the writer states will happen ("the premier will resign") stays the retreat itself
        mention.type = "AGREE"
    elif kind == "CONCEDE" and _lemma(head) in ("allow", "permit") and future:
        mention.type = "AGREE"
    elif kind in lx.FORCEFUL and future and (reported or governors & lx.INTENT) and head.pos_ == "VERB":
        mention.type = "THREATEN"
    if reported and aux & lx.OBLIGATION and mention.type not in ("THREATEN", "REJECT"):
        mention.type, mention.mode = "REQUEST", None
        mention.reporter = reporters[0]
    if mention.type == "AGREE" and mention.content:
        inner = mention.content[0]
        # vowing force, or further protest (CAMEO 133 "threaten with political dissent, protest")
        if (inner.type in lx.FORCEFUL or inner.type == "PROTEST") and _lemma(head) in (
            "vow",
            "pledge",
            "promise",
        ):
            mention.type = "THREATEN"
        elif _negated(inner.head) and inner.type in lx.COOPERATIVE | {"AGREE", "CONCEDE", "RETREAT"}:
            mention.type, mention.mode = "REJECT", None  # "vowed never to negotiate" (a refusal)
    if mention.type == "THREATEN" and mention.mode is None:
        mention.mode = _threat_mode(mention)


def _willing_to(noun: Token) -> bool:
    """An event noun after an adjective of willingness: "open to talks", "ready for dialogue"."""
    return noun.dep_ == "pobj" and _lemma(noun.head.head) in _ADJ_INTENT


def _threat_mode(mention: Mention) -> str | None:
    """THREATEN's mode is the content of the threat (manual, THREATEN modes)."""
    for inner in mention.content:
        if inner.type == "ASSAULT":
            return "violence"
        if inner.type == "COERCE":
            return "arrest" if inner.mode == "arrest" else "restrict"
        if inner.type in ("SANCTION", "REJECT"):
            return "relations"
        if inner.type == "PROTEST":
            return "restrict"
    for child in mention.head.children:
        if child.dep_ == "dobj" and _lemma(child) in ("violence", "war", "attack", "retaliation", "force"):
            return "violence"
    return None
