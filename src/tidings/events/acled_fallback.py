"""A note's event when the parse finds none: ACLED-style notes report one event each.

An ACLED note ("On 3 May 2024, a taxi council held a stayaway in Cape Town …") always describes
an event, but its wording may be one the clause-level detector does not know. Rather than code
nothing — and lose the row's date, place and toll along with its type — a note that opens the
ACLED way (``On``/``Around`` + a full date) and yields no event with an ACLED type at all (an
ACLED row always has one, so a reading as a search or a statement is the parse's miss) gets one
event coded from its words: the first cue of ACLED's event vocabulary in the opening
sentence (a weapon named anywhere in that sentence decides the explosion sub-type), its toll read
from that cue's clause. Such an event says where it came from: confidence 0.3, the cue as its
trigger, the opening sentence as evidence, the article's date (``date_source`` "article"). Other
texts are never given such an event.
"""

# ruff: noqa: E501 -- the cue tables keep one ACLED sub-event type per row

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: ACLED's opening: "On 3 May 2024,", "On the night of 2 March 2024,", "Around 1 September 2024,".
OPENING = re.compile(
    r"^\s*(?:On|Around)\s+(?:the\s+night\s+of\s+)?(?:\d{1,2}(?:-\d{1,2})?\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2}),?"
    r"\s+\d{4}\b"
)
CONFIDENCE = 0.3

_REMOTE = "Explosions/Remote violence"
_SD = "Strategic developments"
#: Weapons named in the opening sentence decide the sub-type wherever they stand.
_WEAPONS: tuple[tuple[frozenset[str], str, str], ...] = (
    (frozenset({"suicide"}), "suicide-attack", "Suicide bomb"),
    (frozenset({"airstrike", "warplane", "drone", "helicopter", "jet", "bomber", "aircraft"}), "aerial", "Air/drone strike"),
    (frozenset({"shell", "shelling", "artillery", "missile", "rocket", "mortar"}), "heavy-weapons", "Shelling/artillery/missile attack"),
    (frozenset({"ied", "landmine", "mine", "roadside", "explosive"}), "explosives", "Remote explosive/landmine/IED"),
    (frozenset({"grenade"}), "explosives", "Grenade"),
)  # fmt: skip
#: Otherwise the first cue of the sentence: (lemmas, PLOVER type, mode, event type, sub-event type).
_CUES: tuple[tuple[frozenset[str], str, str | None, str, str], ...] = (
    (frozenset({"rape", "sexual"}), "ASSAULT", "sexual", "Violence against civilians", "Sexual violence"),
    (frozenset({"abduct", "kidnap", "abduction", "kidnapping", "hostage"}), "ASSAULT", "abduct", "Violence against civilians", "Abduction/forced disappearance"),
    (frozenset({"clash", "fighting", "firefight", "gunfight", "battle", "skirmish", "ambush", "shootout"}), "ASSAULT", None, "Battles", "Armed clash"),
    (frozenset({"lynch", "mob"}), "PROTEST", "riot", "Riots", "Mob violence"),
    (frozenset({"riot", "rioter"}), "PROTEST", "riot", "Riots", "Violent demonstration"),
    (frozenset({"protest", "protester", "protestor", "demonstrate", "demonstration", "demonstrator", "rally",
                "march", "marcher", "sit-in", "strike", "picket", "vigil", "boycott", "chant", "petition",
                "motorcade", "stayaway", "walkout"}), "PROTEST", "demo", "Protests", "Peaceful protest"),
    (frozenset({"kill", "shoot", "murder", "stab", "attack", "behead", "massacre", "execute", "assassinate"}),
     "ASSAULT", None, "Violence against civilians", "Attack"),
    (frozenset({"arrest", "detain", "custody"}), "COERCE", "arrest", _SD, "Arrests"),
    (frozenset({"loot", "burn", "torch", "destroy", "demolish", "raze", "bulldoze", "vandalise", "vandalize"}), "ASSAULT", "destroy", _SD, "Looting/property destruction"),
    (frozenset({"ceasefire", "truce", "agreement", "accord"}), "AGREE", None, _SD, "Agreement"),
    (frozenset({"defuse", "dismantle", "intercept"}), "COERCE", "seize", _SD, "Disrupted weapons use"),
)  # fmt: skip
_DISORDER = {
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    _SD: _SD,
}


def add_note_event(doc: Doc, events: list[dict[str, Any]], max_chars: int) -> None:
    """Append one cue-coded event to ``events`` when ``doc`` is an ACLED-style note (at most
    ``max_chars`` long, opening with a full date) and none of its events has an ACLED type (in
    place)."""
    text = doc.text
    if len(text) > max_chars or not OPENING.match(text):
        return
    if any((e.get("acled") or {}).get("event_type") for e in events):
        return  # coded events, even background or planned ones, are the parse's reading: kept
    sentence = next(iter(doc.sents), None)
    if sentence is None:
        return
    opening = OPENING.match(text)
    found = _cue(sentence, opening.end() if opening else 0)
    if found is None:
        return
    token, plover, mode, event_type, sub = found
    taken = {str(e.get("id")) for e in events}
    number = len(events) + 1
    while f"e{number}" in taken:
        number += 1
    events.append(
        {
            "id": f"e{number}",
            "type": plover,
            "modes": [mode] if mode else [],
            "contexts": [],
            "acled": {
                "event_type": event_type,
                "sub_event_type": sub,
                "disorder_type": _DISORDER.get(event_type, "Political violence"),
            },
            "actors": [],
            "recipients": [],
            "location": None,
            "date": None,
            "date_precision": None,
            "date_source": "article",
            "status": "completed",
            "aux": None,
            "certainty": "asserted",
            "size": _size(token),
            "claimed_by": None,
            "sources": [],
            "evidence": [[sentence.start_char, sentence.end_char]],
            "confidence": CONFIDENCE,
            "trigger": [token.idx, token.idx + len(token.text)],
        }
    )


def _cue(sentence: Any, after: int) -> tuple[Token, str, str | None, str, str] | None:
    lemmas = [
        (t, t.lemma_.lower(), t.lower_)
        for t in sentence
        if t.idx >= after  # not the opening date's "March"
        and (t.is_alpha or "-" in t.text)
        and t.ent_type_ not in ("DATE", "TIME")
    ]
    first: tuple[Token, str, str | None, str, str] | None = None
    for token, lemma, lower in lemmas:
        for words, plover, mode, event_type, sub in _CUES:
            if lemma in words or lower in words:
                first = (token, plover, mode, event_type, sub)
                break
        if first is not None:
            break
    for words, mode, sub in _WEAPONS:
        for token, lemma, lower in lemmas:
            if (lemma in words or lower in words) and (first is None or first[3] != "Protests"):
                anchor = first[0] if first is not None else token
                return anchor, "ASSAULT", mode, _REMOTE, sub
    return first


def _size(token: Token) -> dict[str, int | None]:
    from tidings.events.attributes_size import find_sizes

    try:
        counts = dict(find_sizes(token).counts)
    except (ValueError, IndexError, AttributeError):
        counts = {}
    return {key: counts.get(key) for key in ("killed", "injured", "arrested")}
