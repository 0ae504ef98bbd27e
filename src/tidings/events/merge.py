"""One happening, one event: merging the mentions of an article that report the same event.

Two mentions are the same event when they have the same PLOVER type and auxiliary mode and nothing
tells them apart: their actors and their recipients overlap or one side is unknown, their places
are the same or one is unknown, and their dates agree (a date read from the text beats the article
date). "The attack" three paragraphs after "a drone attacked his residence" joins it. Merged
events keep all evidence, sources, modes and contexts; a specific status (attempted, foiled) wins
over "completed"; counts keep ACLED's conservative reading (the lowest reported figure).
"""

from __future__ import annotations

from typing import Any

#: Mentions compared with each earlier event at most (bounded cost on long articles).
MAX_EVENTS = 200
#: A casualty report joins an attack at most this many sentences earlier (0: the same sentence).
TOLL_SENTENCES = 2


def merge(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Mentions merged into events, in order of first mention."""
    events: list[dict[str, Any]] = []
    for record in records:
        target = next((event for event in events if _compatible(event, record)), None)
        if target is None:
            if len(events) < MAX_EVENTS:
                events.append(record)
            continue
        _absorb(target, record)
    return events


def _overlap_or_empty(a: list[str], b: list[str]) -> bool:
    return not a or not b or bool(set(a) & set(b))


def _compatible(event: dict[str, Any], record: dict[str, Any]) -> bool:
    if event["type"] != record["type"]:
        return False
    if _toll(event, record):
        return True
    restated = event["aux"] != record["aux"] and _restated(event, record)
    if event["aux"] != record["aux"] and not restated:
        return False
    if not _overlap_or_empty(event["actors"], record["actors"]):
        return False
    if not _overlap_or_empty(event["recipients"], record["recipients"]):
        return False
    if not _same_area(event.get("location"), record.get("location")):
        return False
    if event.get("date_source") == "text" and record.get("date_source") == "text" and not restated:
        a, b = str(event.get("date") or ""), str(record.get("date") or "")
        if a and b and not (a.startswith(b) or b.startswith(a)):
            return False
    return True


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


def _absorb(event: dict[str, Any], record: dict[str, Any]) -> None:
    for key in ("actors", "recipients", "modes", "contexts", "sources", "_cues", "_sentences"):
        _union(event.setdefault(key, []), record.get(key, []))
    event["evidence"] = sorted({tuple(e) for e in event["evidence"]} | {tuple(e) for e in record["evidence"]})
    event["evidence"] = [list(e) for e in event["evidence"]]
    if event["status"] == "completed" and record["status"] != "completed":
        event["status"] = record["status"]
    if event["certainty"] != "asserted" and record["certainty"] == "asserted":
        event["certainty"] = "asserted"
    if not event.get("location") and record.get("location"):
        event["location"] = record["location"]
    if event.get("date_source") != "text" and record.get("date_source") == "text":
        for key in ("date", "date_precision", "date_source"):
            event[key] = record[key]
    event["claimed_by"] = event.get("claimed_by") or record.get("claimed_by")
    event["_anchored"] = bool(event.get("_anchored") or record.get("_anchored"))
    event["_sentence_no"] = max(int(event.get("_sentence_no", 0)), int(record.get("_sentence_no", 0)))
    event["_casualty"] = bool(event.get("_casualty") and record.get("_casualty"))
    size = event.setdefault("size", {})
    for key, value in (record.get("size") or {}).items():
        if value is None:
            continue
        current = size.get(key)
        size[key] = value if current is None else min(current, value)
    event["confidence"] = round(min(0.99, max(event["confidence"], record["confidence"]) + 0.05), 2)
