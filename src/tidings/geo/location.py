"""Where an event happened: one of the article's places, chosen for an event's sentence.

The place must be in the event's sentence, and is scored by how the text ties it to the event: a
locative phrase ("in", "near", "the town of", "on the outskirts of"), closeness to the trigger, and
a finer precision. Not chosen: the dateline ("BAGHDAD (Reuters) -"), and a country or demonym that
only qualifies an actor ("the Iranian foreign minister said", "US officials condemned"). The
precision follows ACLED's ``geo_precision``: 1 a town (or a place in it), 2 near a town, part of a
region or a district, 3 a region or a country.
"""

from __future__ import annotations

import re
from typing import Any

_DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Za-z'’.-]+(?:[ ,]+[A-Z][A-Za-z'’.-]+){0,3})\s*(?:,\s*[A-Z][a-z]+\.?\s+\d{1,2})?"
    r"\s*(?:\((?:[A-Za-z .]+)\))?\s*(?:-|—|–|:)\s"
)
_LOCATIVE = frozenset(
    {
        "in", "at", "near", "outside", "inside", "across", "around", "into", "throughout", "toward",
        "towards", "between", "off", "nearby", "within", "through", "along", "on", "over",
        "onto", "against", "besieged", "entered", "reached", "hit", "struck", "stormed", "patrolled",
    }
)  # fmt: skip
_PLACE_NOUNS = frozenset(
    {
        "town", "city", "village", "province", "district", "region", "area", "outskirts", "suburb",
        "suburbs", "capital", "county", "state", "governorate", "neighborhood", "neighbourhood",
        "countryside", "outskirt", "vicinity", "north", "south", "east", "west", "center", "centre",
        "heart", "part",
        "parts", "streets", "island", "coast", "border", "municipality", "settlement", "settlements",
        "areas", "villages", "towns", "cities", "regions", "provinces", "districts", "enclave", "port",
    }
)  # fmt: skip
_NEAR = frozenset(
    {"near", "outside", "outskirts", "nearby", "vicinity", "around", "off", "toward", "towards"}
)
_ACTOR_AFTER = re.compile(
    r"^(?:'s|’s)?\s+(?:[a-z-]+\s+){0,2}(?:officials?|minister|ministry|government|president|"
    r"spokes(?:man|woman|person)|embassy|ambassador|envoy|authorities|leaders?|diplomats?|counterparts?|"
    r"premier|chancellor|king|administration|parliament|lawmakers|senators?|state\s+media|media|"
    r"foreign|prime|defen[cs]e|interior|cabinet|delegation|negotiators?|presidency|army|military|"
    r"forces|troops|soldiers|police|navy|air\s+force|jets|warplanes|aircraft|militants?|fighters|"
    r"rebels|citizens?|nationals?|people|air\s*strikes?|strikes?|drones?|bombers?|helicopters?|"
    r"missiles?|planes?|-led|coalition|woman|man|men|women|residents?|natives?|couple|family|boy|girl|"
    r"teens?|students?|television|station|newspaper|radio|daily|broadcaster|agency)\b"
)
#: Words that open another clause: a place beyond one belongs to that clause, not to the event.
_CLAUSE_BREAK = re.compile(
    r"\b(?:which|who|whom|whose|where|when|while|after|before|since|as|because|although|though|"
    r"according\s+to|but|said|says|until|whereas)\b|;|--|—|\(",
    re.IGNORECASE,
)
#: "30 km from X", "north of X", "not far from X": X is a reference point, not the event's place.
_REFERENCE_BEFORE = re.compile(
    r"(?:\b(?:km|kms|kilometers?|kilometres?|miles?|meters?|metres?)\s+(?:\w+\s+)?(?:from|of|outside)|"
    r"\b(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+of|"
    r"\bnot\s+far\s+from|\bfrom|\bnear(?:by)?|\boutside|\btoward|\btowards)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_SPEECH_AFTER = re.compile(
    r"^\s+(?:has\s+|had\s+|have\s+)?(?:said|says|condemned|denied|warned|urged|called|"
    r"welcomed|criticized|criticised|accused|announced|demanded|rejected)\b"
)
_WORD = re.compile(r"[\w'’-]+")


def event_location(
    article_text: str,
    sentence: tuple[int, int],
    trigger: tuple[int, int] | None,
    places: list[dict[str, Any]],
) -> dict[str, Any] | None:
    """The place where the event of ``sentence`` (with ``trigger``) happened, or ``None``.

    Returns ``{"place": <place dict>, "geo_precision": 1|2|3, "score": float}``.
    """
    s_start, s_end = sentence
    dateline_end = _dateline_end(article_text)
    best: tuple[float, dict[str, Any], int] | None = None
    inside = [
        p
        for p in places
        if s_start <= int(p["start"]) < int(p["end"]) <= s_end
        and int(p["start"]) >= dateline_end
        and p.get("label") != "EMBED"  # a place inside an organisation's name
    ]
    for place in inside:
        scored = _score(article_text, s_start, place, trigger)
        if scored is None:
            continue
        score, precision = scored
        score += _specificity(article_text, place, inside)
        if best is None or score > best[0]:
            best = (score, place, precision)
    if best is None or best[0] < _THRESHOLD:
        return None
    return {"place": best[1], "geo_precision": best[2], "score": round(best[0], 3)}


_THRESHOLD = 0.75


def _dateline_end(text: str) -> int:
    match = _DATELINE.match(text[:120])
    return match.end() if match else 0


def _score(
    text: str, s_start: int, place: dict[str, Any], trigger: tuple[int, int] | None
) -> tuple[float, int] | None:
    start, end = int(place["start"]), int(place["end"])
    before_words = [w.lower() for w in _WORD.findall(text[max(s_start, start - 50) : start])][-5:]
    after = text[end : end + 60]
    label = place.get("label")
    precision_name = place.get("precision")
    demonym = label == "NORP"
    score = 0.0
    near = False
    # locative phrase right before the place
    if len(before_words) > 1 and before_words[-1].endswith(("'s", "’s")):
        before_words = before_words[:-1]  # "in Iraq's Diyala province": the container is part of the phrase
    if before_words:
        last = before_words[-1]
        window = before_words[-3:]
        after_locative = last == "the" and len(before_words) > 1 and before_words[-2] in _LOCATIVE
        of_place = last == "of" and any(w in _PLACE_NOUNS for w in window)
        # "near the Syrian capital Damascus", "in the town of X": a locative phrase ending in a place noun
        apposition = last in _PLACE_NOUNS and any(w in _LOCATIVE for w in before_words[-5:-1])
        if last in _LOCATIVE or after_locative or of_place or apposition:
            score += 3.0
        elif any(w in _LOCATIVE for w in window):
            score += 1.5
        near = any(w in _NEAR for w in before_words[-4:])
    if place.get("direction"):
        score += 0.5
    if _ACTOR_AFTER.match(after) or _SPEECH_AFTER.match(after):
        score -= 4.0
    if demonym:
        score -= 3.0
    if re.match(r"^\s*(?:-|–)?(?:based|born|backed|led|controlled|held|allied)\b", after):
        score -= 2.0
    if trigger is not None:
        distance = start - trigger[1] if start >= trigger[1] else trigger[0] - end
        score += max(0.0, 2.5 - distance / 40.0)
        if start >= trigger[1]:
            score += 0.3
        elif re.fullmatch(r"\s*(?:\w+\s+)?", text[end : trigger[0]]):
            score -= 3.0  # the subject of the event verb: an actor ("Eritrea captured …")
        between = text[trigger[1] : start] if start >= trigger[1] else text[end : trigger[0]]
        if _CLAUSE_BREAK.search(between):
            score -= 2.0
    if before_words and before_words[-1] == "from":
        score -= 1.5  # an origin ("a driver from X")
    if not place.get("resolved"):
        score -= 0.3
    if precision_name in ("city", "sub-city"):
        score += 0.4
    elif precision_name == "admin2":
        score += 0.2
    elif precision_name in ("country", "continent"):
        score -= 0.6
    if score <= -100:
        return None
    return score, _geo_precision(precision_name, near, bool(place.get("direction")))


_RANK = {"sub-city": 0, "city": 1, "admin2": 2, "admin1": 3, "country": 4, "continent": 5}


def _specificity(text: str, place: dict[str, Any], inside: list[dict[str, Any]]) -> float:
    """Prefer the most specific of several places: a place that only situates another ("Taji, north
    of Baghdad", "Dagestan's capital Makhachkala", "Belarus capital Minsk") loses to it."""
    if len(inside) < 2:
        return 0.0
    start, end = int(place["start"]), int(place["end"])
    score = 0.0
    others = [p for p in inside if p is not place and p.get("label") != "NORP"]
    if not others:
        return 0.0
    if _REFERENCE_BEFORE.search(text[max(0, start - 40) : start]) and any(
        int(p["start"]) < start for p in others
    ):
        score -= 2.0
    after = text[end : end + 40]
    if re.match(
        r"^(?:'s|’s)?\s+(?:\w+\s+){0,2}(?:capital|city|town|neighbou?rhood|district|province|"
        r"region|village|suburb|area)\b",
        after,
    ) and any(int(p["start"]) > end for p in others):
        score -= 2.0
    previous = [p for p in others if int(p["end"]) <= start]
    if previous:
        gap = text[max(int(p["end"]) for p in previous) : start]
        if re.fullmatch(r"\s*,?\s*(?:in|of|near)?\s*(?:the\s+)?(?:[\w-]+\s+)?", gap) and "," in gap + "in":
            score -= 1.5  # a container written after its part ("Lubumbashi in Shaba province")
    rank = _RANK.get(str(place.get("precision")), 1)
    finer = [
        p
        for p in others
        if _RANK.get(str(p.get("precision")), 1) < rank and abs(int(p["start"]) - start) <= 60
    ]
    if finer and place.get("resolved"):
        score -= 0.5 * (rank - min(_RANK.get(str(p.get("precision")), 1) for p in finer))
    return score


def _geo_precision(precision: str | None, near: bool, direction: bool) -> int:
    if precision in ("city", "sub-city", None):
        return 2 if (near or direction) else 1
    if precision == "admin2":
        return 2
    return 3
