"""One happening, one event: within-article coreference of the event mentions of one article.

Two mentions are the same event when they have the same PLOVER type and auxiliary mode and nothing
tells them apart:

- participants: no role reversal (one's actor is the other's recipient: "security forces shot down
  the drones" is not the drone attack); the perpetrators agree, or one side's are unknown (PLOVER's
  "unidentified attackers" placeholder, or the subject of a reaction: in "the UN condemned the
  attack" the UN did not attack); the named people attacked agree, or one side names none (a
  prime minister and "seven of his guards" are victims of one attack);
- places: the same place or one place hierarchy (country, admin1), or one side has none;
- dates: both read from the mention's own sentence (:data:`STRONG_LEVELS`) and different days, or
  one not inside the other, keep them apart; a date from the narrative, the article or a reaction's
  clause never does ("the attack" in "the council condemned the attack on Monday").

A definite description ("the attack", "Sunday's strike", "this assassination attempt") refers back
to the most recent compatible event of its type; other mentions join the first compatible one. A
merged event keeps every evidence span, source, mode and context, the best supported date (own
sentence over narrative, then the most specific), the most specific place, a specific status
(attempted, foiled) over "completed", and ACLED's conservative (lowest) casualty counts. A casualty
report next to an attack is that attack's toll.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Token

    from tidings.models import Actor

#: Mentions compared with each earlier event at most (bounded cost on long articles).
MAX_EVENTS = 200
#: A casualty report joins an attack at most this many sentences earlier (0: the same sentence).
TOLL_SENTENCES = 2
#: Date levels read from the mention's own sentence (see :mod:`tidings.events.attributes_time`).
STRONG_LEVELS = frozenset({"phrase", "clause", "above"})
_LEVEL_RANK = {"phrase": 4, "clause": 3, "above": 2, "narrative": 1, "article": 0}
_PRECISION_RANK = {"day": 5, "week": 4, "month": 3, "quarter": 2, "year": 1, "decade": 0}
_PLACE_RANK = {"sub-city": 5, "city": 4, "admin2": 3, "admin1": 2, "country": 1, "continent": 0}
#: Determiners and possessives that make an event noun a definite description.
_DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "his", "her", "their", "'s", "’s"})
#: Placeholder actors that say nothing about who acted (roles.UNIDENTIFIED).
_UNKNOWN_NAMES = frozenset({"unidentified attackers"})
_LISTS = ("actors", "recipients", "modes", "contexts", "sources", "_cues", "_sentences", "_vague_actors")
#: An event record (GUIDE §2) with the detector's private keys.
Record = dict[str, Any]
#: Keys this module adds to a record for its own use (removed from the events it returns).
PRIVATE_KEYS = ("_date_level", "_definite", "_reaction", "_phrase", "_vague_actors", "_series")


def coref_cues(trigger: Token) -> dict[str, Any]:
    """What the merging needs from the parse: whether the trigger is a definite event noun
    ("the attack", "Sunday's attack") and whether its clause tells another happening ("condemned
    the attack", "a day after the attack": the clause's subject and date are not the event's)."""
    from tidings.events.attributes_time import told_elsewhere

    definite = False
    if trigger.pos_ in ("NOUN", "PROPN"):
        for child in trigger.children:
            if child.dep_ in ("det", "poss") and child.lower_ in _DEFINITE:
                definite = True
            elif child.dep_ == "poss" or (child.dep_ == "case" and child.lower_ in _DEFINITE):
                definite = True  # "Sunday's attack", "Kadhimi's assassination attempt"
    # "in attacks that Washington has blamed on militias": an indefinite plural names a series of
    # happenings, not the one the article tells
    series = trigger.tag_ in ("NNS", "NNPS") and not definite
    series = series and not any(c.dep_ == "nummod" for c in trigger.children)
    cues: dict[str, Any] = {"_definite": definite, "_reaction": told_elsewhere(trigger), "_series": series}
    if cues["_reaction"]:  # the noun's own phrase: who it names there acted ("the attack by X")
        words = list(trigger.subtree)
        cues["_phrase"] = [words[0].idx, words[-1].idx + len(words[-1])]
    return cues


def merge(records: list[dict[str, Any]], actors: Iterable[Actor] = ()) -> list[dict[str, Any]]:
    """Mentions merged into events, in order of first mention. ``actors`` (the article's, with the
    detector's own) tell people from groups and placeholders; without them every recipient counts
    as named (two different ones keep mentions apart)."""
    known = list(actors)
    people = {a.id for a in known if a.kind == "person"} if known else None
    unknown = {a.id for a in known if a.name in _UNKNOWN_NAMES}
    spans = {a.id: a.mentions for a in known}
    events: list[dict[str, Any]] = []
    for record in records:
        if record.get("_reaction"):
            record["_vague_actors"] = _outside(record, spans)
        compatible = [event for event in events if _compatible(event, record, people, unknown)]
        if not compatible:
            if len(events) < MAX_EVENTS:
                events.append(record)
            continue
        if record.get("_definite"):
            target = max(compatible, key=lambda e: int(e.get("_sentence_no", 0)))
        else:
            target = compatible[0]
        _absorb(target, record)
    for event in events:
        vague = set(event.get("_vague_actors") or [])
        event["actors"] = [a for a in event["actors"] if a not in vague]  # a reaction's subject
        for key in PRIVATE_KEYS:
            event.pop(key, None)
    return events


def _outside(record: dict[str, Any], spans: dict[str, list[Any]]) -> list[str]:
    """The actors of a mention told elsewhere that its own phrase does not name (the subject of
    "the UN condemned the attack" did not attack)."""
    start, end = record.get("_phrase") or (0, 0)
    return [
        a
        for a in record.get("actors") or []
        if not any(start <= int(m[0]) and int(m[1]) <= end for m in spans.get(a, []))
    ]


def _overlap_or_empty(a: Iterable[str], b: Iterable[str]) -> bool:
    a, b = set(a), set(b)
    return not a or not b or bool(a & b)


def _agents(event: dict[str, Any], unknown: set[str]) -> set[str]:
    """The actors that say who acted (not placeholders, not a reaction's subject)."""
    vague = set(event.get("_vague_actors") or []) | unknown
    return {a for a in event.get("actors") or [] if a not in vague}


def _anaphoric(event: dict[str, Any]) -> bool:
    """A definite description or what a reaction is about: it refers to a happening told elsewhere
    and names neither who acted nor when (all of a merged event's mentions must be)."""
    return bool(event.get("_definite") or event.get("_reaction"))


def _shared(event: Record, record: Record, people: set[str] | None, unknown: set[str]) -> bool:
    """They name one actor or one person attacked in common."""
    if _agents(event, unknown) & _agents(record, unknown):
        return True
    return bool(_named(event["recipients"], people) & _named(record["recipients"], people))


def _named(ids: Iterable[str], people: set[str] | None) -> set[str]:
    return set(ids) if people is None else set(ids) & people


def _participants_agree(event: Record, record: Record, people: set[str] | None, unknown: set[str]) -> bool:
    if set(event["actors"]) & set(record["recipients"]) or set(record["actors"]) & set(event["recipients"]):
        return False  # one's actor is the other's target
    ours, theirs = _agents(event, unknown), _agents(record, unknown)
    if ours and theirs and not ours & theirs:
        return False
    if bool(ours) != bool(theirs):
        # who acted is known on one side only (the other names a placeholder): one of them must
        # refer back ("militias carried out the attack") or both name the same victim
        other = record if ours else event
        linked = _anaphoric(event) or _anaphoric(record) or _shared(event, record, people, unknown)
        if other["actors"] and not linked:
            return False
    return _overlap_or_empty(_named(event["recipients"], people), _named(record["recipients"], people))


def _compatible(event: Record, record: Record, people: set[str] | None, unknown: set[str]) -> bool:
    if event["type"] != record["type"]:
        return False
    if bool(event.get("_series")) != bool(record.get("_series")):
        return False  # a series of attacks is not the attack the article tells
    if _toll(event, record):
        return True
    restated = event["aux"] != record["aux"] and _restated(event, record)
    if event["aux"] != record["aux"] and not restated:
        return False
    if not _participants_agree(event, record, people, unknown):
        return False
    if not _same_area(event.get("location"), record.get("location")):
        return False
    return restated or _dates_agree(event, record, people, unknown)


def _strong(record: dict[str, Any]) -> bool:
    """The date was read from the mention's own sentence (the level defaults to that for records
    built without one, as the date source "text" used to mean); a clause above a definite
    description dates what is said about it, not the happening it refers to."""
    if record.get("date_source") != "text":
        return False
    level = record.get("_date_level", "clause")
    if level == "above" and record.get("_definite"):
        return False  # "the aircraft used in the assault, officials said on Tuesday"
    return level in STRONG_LEVELS


def _same_sentence(event: dict[str, Any], record: dict[str, Any]) -> bool:
    """One of their mentions is in the same sentence ("escaped unharmed when a drone hit his home")."""
    ours = {tuple(s) for s in event.get("_sentences") or []}
    return any(tuple(s) in ours for s in record.get("_sentences") or [])


def _dates_agree(
    event: Record, record: Record, people: set[str] | None = None, unknown: set[str] | None = None
) -> bool:
    """Their dates nest, or the differing one is weak (not from the mention's own sentence) and
    refers back, or shares a sentence or a participant with the other."""
    a, b = str(event.get("date") or ""), str(record.get("date") or "")
    if not a or not b or a.startswith(b) or b.startswith(a):
        return True
    for weak, other in ((event, record), (record, event)):
        if _strong(weak):
            continue
        if _anaphoric(weak) or _same_sentence(weak, other):
            return True
        if unknown is not None and _shared(weak, other, people, unknown):
            return True
    return False


def _toll(event: dict[str, Any], record: dict[str, Any]) -> bool:
    """A casualty report next to an attack is that attack's toll: "a protester was killed as
    supporters clashed with police", "the drone hit his home … seven guards were wounded" (within
    ``TOLL_SENTENCES`` sentences, same auxiliary mode and compatible dates and places)."""
    if not (record.get("_casualty") or event.get("_casualty")) or event["aux"] != record["aux"]:
        return False
    distance = int(record.get("_sentence_no", 0)) - int(event.get("_sentence_no", 0))
    if not 0 <= distance <= TOLL_SENTENCES or not _same_area(event.get("location"), record.get("location")):
        return False
    if event.get("date_source") == "text" and record.get("date_source") == "text":
        a, b = str(event.get("date") or ""), str(record.get("date") or "")
        return not (a and b and not (a.startswith(b) or b.startswith(a)))
    return True


def _restated(event: dict[str, Any], record: dict[str, Any]) -> bool:
    """Background restating an ongoing happening: the same named actors, one mention current and
    the other read as historical ("pitched tents … after the vote" under "Background"); the
    historical mention's date is then the happening's start, not a different day."""
    auxes = {event["aux"], record["aux"]}
    return auxes == {None, "historical"} and bool(set(event["actors"]) & set(record["actors"]))


def _same_area(here: dict[str, Any] | None, there: dict[str, Any] | None) -> bool:
    """Unknown, the same place, or places of one country and admin1 (the place hierarchy)."""
    if not here or not there or here.get("geonameid") == there.get("geonameid"):
        return True
    if here.get("country") != there.get("country"):
        return False
    return not (here.get("admin1") and there.get("admin1") and here.get("admin1") != there.get("admin1"))


def _union(into: list[Any], more: list[Any]) -> None:
    for item in more:
        if item not in into:
            into.append(item)


def _date_rank(record: dict[str, Any]) -> tuple[int, int, int]:
    if record.get("date") is None:
        return (-1, -1, -1)
    level = _LEVEL_RANK.get(str(record.get("_date_level")), 3 if record.get("date_source") == "text" else 0)
    return (int(_strong(record)), _PRECISION_RANK.get(str(record.get("date_precision")), 0), level)


def _place_rank(location: dict[str, Any] | None) -> int:
    return -1 if not location else _PLACE_RANK.get(str(location.get("precision")), 4)


def _absorb(event: dict[str, Any], record: dict[str, Any]) -> None:
    vague = set(record.get("_vague_actors") or [])
    if vague and set(event.get("actors") or []) - vague:
        record = {**record, "actors": [a for a in record["actors"] if a not in vague]}
    elif not vague:
        event["_vague_actors"] = [a for a in event.get("_vague_actors") or [] if a not in record["actors"]]
    for key in _LISTS:
        _union(event.setdefault(key, []), record.get(key, []))
    event["evidence"] = sorted({tuple(e) for e in event["evidence"]} | {tuple(e) for e in record["evidence"]})
    event["evidence"] = [list(e) for e in event["evidence"]]
    if event["status"] == "completed" and record["status"] != "completed":
        event["status"] = record["status"]
    if event["certainty"] != "asserted" and record["certainty"] == "asserted":
        event["certainty"] = "asserted"
    if _place_rank(record.get("location")) > _place_rank(event.get("location")):
        event["location"] = record["location"]
    if _date_rank(record) > _date_rank(event) and _dates_nest(event, record):
        for key in ("date", "date_precision", "date_source", "_date_level"):
            event[key] = record.get(key)
    event["claimed_by"] = event.get("claimed_by") or record.get("claimed_by")
    event["_anchored"] = bool(event.get("_anchored") or record.get("_anchored"))
    event["_sentence_no"] = max(int(event.get("_sentence_no", 0)), int(record.get("_sentence_no", 0)))
    event["_casualty"] = bool(event.get("_casualty") and record.get("_casualty"))
    event["_definite"] = bool(event.get("_definite") and record.get("_definite"))
    event["_reaction"] = bool(event.get("_reaction") and record.get("_reaction"))
    size = event.setdefault("size", {})
    for key, value in (record.get("size") or {}).items():
        if value is None:
            continue
        current = size.get(key)
        size[key] = value if current is None else min(current, value)
    event["confidence"] = round(min(0.99, max(event["confidence"], record["confidence"]) + 0.05), 2)


def _dates_nest(event: dict[str, Any], record: dict[str, Any]) -> bool:
    """A better date replaces the event's unless both are the mentions' own and disagree (a toll
    or a restated happening keeps its first date then)."""
    a, b = str(event.get("date") or ""), str(record.get("date") or "")
    return not _strong(event) or not a or not b or a.startswith(b) or b.startswith(a)
