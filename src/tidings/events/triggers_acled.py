"""Conflict-report wordings read as acts (ACLED codebook), called from :mod:`triggers`.

- **Engaging armed groups.** "Forces engaged Russian assault groups": "engage" with an armed
  object is fighting, even when the object is a "group" or "unit" named by its kind of arms.
- **Crowd formations.** "Students formed a human chain demanding …", "farmers drove a motorcade of
  tractors … against …": a chain, cordon or motorcade formed by people is a demonstration.
- **Barricades of fire.** "Blocked a road with burning tyres": the burning is the obstruction's
  means, not an attack on anyone (ACLED: obstruction without violence against people).
- **Agreements taking effect.** "A ceasefire agreement … came into force": an accord that enters
  into force or takes effect is an agreement event on that day.
- **Acts that did not happen.** "A warhead that had fallen without exploding": an act under
  "without" did not take place.

Each function returns a PLOVER ``(type, mode)`` or a yes/no; :mod:`triggers` builds the mention.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Nouns that name an armed unit only with an armed modifier ("assault groups", "armed units").
_UNIT_NOUNS = frozenset({"group", "unit", "column", "detachment", "squad", "formation", "battalion"})
_ARMED_MODIFIERS = frozenset(
    {"assault", "armed", "sabotage", "infantry", "mechanised", "mechanized", "militant", "rebel",
     "armoured", "armored", "enemy", "attack", "combat", "reconnaissance", "strike"}
)  # fmt: skip
#: Formations a crowd makes to demonstrate.
_FORMATIONS = frozenset({"chain", "cordon", "motorcade", "cavalcade", "caravan", "convoy"})
_FORM_VERBS = frozenset({"form", "make", "stage", "hold", "drive", "lead", "organise", "organize", "mount"})
#: Purposes that make a formation a demonstration ("demanding …", "against …").
_AIMS = frozenset({"demand", "protest", "denounce", "condemn", "oppose", "call", "decry", "press"})
_BARRICADES = frozenset({"tyre", "tire", "tyres", "tires", "barricade", "barrier", "roadblock"})
_PEOPLE = frozenset(
    {"supporter", "protester", "demonstrator", "activist", "student", "worker", "resident", "people",
     "villager", "farmer", "teacher", "doctor", "nurse", "driver", "trader", "relative", "family",
     "mother", "youth", "employee", "union", "citizen", "woman", "man", "parent", "pensioner"}
)  # fmt: skip


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def armed_units(things: list[Token]) -> bool:
    """Whether one of ``things`` is an armed unit named by its kind ("Russian assault groups")."""
    for thing in things:
        if _lemma(thing) not in _UNIT_NOUNS:
            continue
        if any(_lemma(c) in _ARMED_MODIFIERS for c in thing.children if c.dep_ in ("compound", "amod")):
            return True
    return False


def purpose_ahead(token: Token) -> bool:
    """A demand, protest or "against" after ``token`` before the end of its sentence as written
    (at most 40 words; the parser may split a sentence at a parenthesis)."""
    doc = token.doc
    for word in doc[token.i + 1 : min(len(doc), token.i + 41)]:
        if word.text in (".", "!", "?", ";"):
            return False
        if _lemma(word) == "against" and word.pos_ == "ADP":
            return True
        if word.pos_ == "VERB" and _lemma(word) in _AIMS:
            return True
    return False


def crowd_formation(token: Token, things: list[Token]) -> tuple[str, str] | None:
    """PROTEST for a chain, cordon or motorcade formed by people with a demand or "against"."""
    if _lemma(token) not in _FORM_VERBS:
        return None
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    riding = [  # "hundreds of people in a motorcade drove through …"
        p for s in subjects for c in s.children if c.dep_ == "prep" and _lemma(c) == "in" for p in c.children
    ]
    if not any(_lemma(t) in _FORMATIONS for t in [*things, *riding]):
        return None
    people = any(_lemma(s) in _PEOPLE or any(_lemma(c) in _PEOPLE for c in s.subtree) for s in subjects)
    backing = any(c.dep_ in ("advcl", "xcomp") and _lemma(c) in _BACKING for c in token.children)
    if people and (purpose_ahead(token) or backing):
        return ("PROTEST", "demo")
    return None


#: Purposes of a crowd formation besides demands: backing or rejecting a cause ("to support …").
_BACKING = frozenset({"support", "reject", "back", "denounce", "oppose"})


def burning_barricade(token: Token) -> bool:
    """Whether ``token`` is "burning" said of tyres or barricades in an account that calls the
    action peaceful ("… without incident", "remained peaceful"): the obstruction's means, not
    violence. Without such words burning barricades stay a violent demonstration (ACLED)."""
    if _lemma(token) not in ("burn", "burning", "blaze"):
        return False
    if not (token.dep_ == "amod" and _lemma(token.head) in _BARRICADES):
        return False
    return _told_peaceful(token.doc)


def _told_peaceful(doc: Doc) -> bool:
    """Whether the text says the action passed peacefully or without incident."""
    for token in doc:
        lower = token.lower_
        if lower in ("peaceful", "peacefully") and not any(
            c.lower_ in ("not", "never") for c in token.head.children
        ):
            return True
        if lower == "incident" and token.i > 0 and doc[token.i - 1].lower_ == "without":
            return True
    return False


_LABOUR = frozenset(
    {"worker", "employee", "teacher", "doctor", "nurse", "miner", "driver", "docker", "pilot", "staff",
     "lawyer", "student", "farmer", "union", "workforce"}
)  # fmt: skip


def strikers(token: Token) -> bool:
    """Whether ``token`` is "striking" said of workers ("striking teachers"): a labour strike's
    participants, no blow struck."""
    return _lemma(token) == "strike" and token.dep_ == "amod" and _lemma(token.head) in _LABOUR


def did_not_happen(token: Token) -> bool:
    """Whether ``token`` is the act of a "without …" phrase ("fell without exploding", "withdrew
    without fighting")."""
    return token.dep_ in ("pcomp", "pobj") and _lemma(token.head) == "without"


_ACCORDS = frozenset(
    {"ceasefire", "cease-fire", "truce", "agreement", "accord", "deal", "treaty", "pact", "armistice"}
)
_EFFECT = frozenset({"force", "effect", "operation"})


def took_effect(token: Token) -> Token | None:
    """The accord ``token`` says came into force or took effect ("a ceasefire agreement came into
    force", "the truce took effect at dawn"), or ``None``."""
    lemma = _lemma(token)
    if lemma not in ("come", "enter", "go", "take"):
        return None
    if lemma == "take":
        effect = any(c.dep_ == "dobj" and _lemma(c) == "effect" for c in token.children)
    else:
        effect = any(
            c.dep_ == "prep" and _lemma(c) == "into" and any(_lemma(p) in _EFFECT for p in c.children)
            for c in token.children
        )
    if not effect or any(c.dep_ == "neg" for c in token.children):
        return None
    for subj in (c for c in token.children if c.dep_ == "nsubj"):
        if _lemma(subj) in _ACCORDS or any(
            c.dep_ == "compound" and _lemma(c) in _ACCORDS for c in subj.children
        ):
            return subj
    return None
