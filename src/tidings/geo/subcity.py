"""Names the gazetteer lacks: a named feature inside a city (a zone, an airport, a street) placed in
that city with precision ``"sub-city"``, and an organisation or event placed by the place its name
contains ("Bank of Japan" → Japan).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from tidings.geo.build import ALIAS, CODE, DEMONYM, PRIMARY, SKELETON
from tidings.geo.gazetteer import Candidate, Gazetteer, Place
from tidings.geo.normalize import normalize
from tidings.geo.query import (
    AREA_FEATURES,
    POSSESSIVE,
    Mention,
    Query,
    best_candidate,
    candidates_for,
    place_dict,
    prior_score,
)

SUB_CITY_WORDS = frozenset(
    {
        "zone", "quarter", "square", "neighborhood", "neighbourhood", "street", "road", "avenue", "market",
        "camp", "bridge", "airport", "base", "compound", "hospital", "university", "mosque", "church",
        "palace", "stadium", "park", "station", "port", "harbor", "harbour", "prison", "embassy", "hotel",
        "suburb", "gate", "checkpoint", "refinery", "plaza", "boulevard", "centre", "center", "tower",
        "building", "complex", "school", "court", "mall", "highway", "junction", "roundabout", "island",
        "district",
    }
)  # fmt: skip
#: Words of natural features: such a name is not placed by a place its name contains ("Indian Ocean").
_NATURAL_WORDS = frozenset(
    {
        "river", "ocean", "sea", "lake", "gulf", "bay", "mountains", "mountain", "desert", "peninsula",
        "valley", "strait", "channel", "coast", "basin", "plateau", "range", "islands", "delta", "mount",
    }
)  # fmt: skip
#: Words of organisations and events: placed by a place their name contains ("Bank of Japan"), never
#: in a city merely mentioned next to them.
_ORG_WORDS = frozenset(
    {
        "union", "commission", "bank", "council", "court", "reserve", "committee", "college", "institute",
        "company", "ministry", "department", "agency", "party", "federal", "world", "cup", "league",
        "university", "senate", "parliament", "government", "police", "embassy", "consulate",
    }
)  # fmt: skip
TERRAIN_WORDS = _NATURAL_WORDS | (_ORG_WORDS - SUB_CITY_WORDS)
#: Words of buildings, streets and other features inside a city ("Collins Avenue", "Percy French
#: Hotel"): a person's name or a demonym in them says nothing about where they are.
_FACILITY_WORDS = (SUB_CITY_WORDS - _ORG_WORDS) | frozenset(
    {"academy", "elementary", "estate", "farm", "farms", "office", "hall", "theatre", "theater", "house",
     "library", "museum", "restaurant", "club", "inn", "drive", "lane", "way", "place", "chapel"}
)  # fmt: skip
#: Words that are no place on their own inside a longer name ("South Kilburn Estate").
_NOT_ALONE = frozenset(
    {"north", "south", "east", "west", "central", "national", "northern", "southern", "eastern", "western",
     "upper", "lower", "new", "old", "great", "greater", "royal", "saint", "st", "mount", "fort", "port"}
)  # fmt: skip


def sub_city(text: str, q: Query, queries: list[Query], index: int, gaz: Gazetteer) -> dict[str, Any] | None:
    """A named feature inside a city: by a place named inside it, or the city next to it."""
    m = q.mention
    words = q.key.split() if q.key else []
    if not words or len(words) > 8:
        return None
    facility = bool(_FACILITY_WORDS & set(words))
    inside_first = m.label in ("FAC", None) and not (_NATURAL_WORDS & set(words)) and not facility
    if inside_first:  # an organisation or event: by the place its name contains
        inside = _named_inside(q, queries, gaz, facility=False)
        if inside is not None:
            return inside
    if TERRAIN_WORDS & set(words):
        return None
    subcity_word = bool(SUB_CITY_WORDS & set(words)) or m.label in ("FAC", None) or m.strong
    if not subcity_word:
        return None
    # a city mentioned in the same sentence, nearest first
    sentence = _sentence_bounds(text, m.start, m.end)
    best: tuple[int, Place] | None = None
    for j, other in enumerate(queries):
        top = best_candidate(other)
        if j == index or top is None or not top.place.feature.startswith("PPL"):
            continue
        if top.kind == SKELETON or not (sentence[0] <= other.mention.start < sentence[1]):
            continue
        distance = abs(other.mention.start - m.start)
        if best is None or distance < best[0]:
            best = (distance, top.place)
    if best is not None:
        reason = "named feature not in the gazetteer: placed in the city mentioned with it"
        return place_dict(m, best[1], gaz, q, precision="sub-city", reason=reason)
    if facility and m.label in ("FAC", None) and not (_NATURAL_WORDS & set(words)):
        inside = _named_inside(q, queries, gaz, facility=True)  # "Baghdad International Airport"
        if inside is not None:
            return inside
    # the nearest city the article mentions, in the country the article is about
    # a word inside an organisation's name ("Federal" in "Federal Supreme Court") mentions no city
    mentioned = [other if other.mention.label != "EMBED" else None for other in queries]
    tops = [best_candidate(other) if other is not None else None for other in mentioned]
    focus = Counter(t.place.country for t in tops if t is not None and t.kind != SKELETON)
    if not focus:
        return None
    country = focus.most_common(1)[0][0]
    nearest: tuple[int, Place] | None = None
    for j, other in enumerate(queries):
        top = tops[j]
        if j == index or top is None or not top.place.feature.startswith("PPL") or top.kind == SKELETON:
            continue
        if top.place.country != country or top.place.population < 5000:
            continue
        distance = m.start - other.mention.start
        distance = distance if distance >= 0 else 3 * -distance  # earlier mentions first
        if nearest is None or distance < nearest[0]:
            nearest = (distance, top.place)
    if nearest is not None:
        reason = "named feature not in the gazetteer: placed in the nearest city the article mentions"
        return place_dict(m, nearest[1], gaz, q, precision="sub-city", reason=reason)
    return None


def _named_inside(q: Query, queries: list[Query], gaz: Gazetteer, *, facility: bool) -> dict[str, Any] | None:
    """A named feature or organisation placed by a well-known place its name contains: the longest
    part, a name before a demonym, the leftmost first. "Bank of Japan" → Japan, "University of
    Alberta" → Alberta, "European Commission" → Europe, "Baghdad International Airport" → Baghdad.

    A country, region or first-level area may be named by its name or alias, by a country code in
    capitals ("US Federal Reserve") and, outside a ``facility`` name, by a demonym ("British
    International School" is not in Britain). A city must be large, except for an organisation in
    the country the article is about ("Cavan County Council")."""
    m = q.mention
    raw_words = re.sub(r"^(?:the)\s+", "", m.text.strip(), flags=re.I).split()
    if len(raw_words) < 2:
        return None
    focus = focus_country(queries)
    organisation = not facility and bool(_ORG_WORDS & set(q.key.split()))
    for size in range(len(raw_words) - 1, 0, -1):
        found: list[tuple[int, int, Candidate, str]] = []
        for startw in range(0, len(raw_words) - size + 1):
            sub = POSSESSIVE.sub("", " ".join(raw_words[startw : startw + size]).strip(",.;:()"))
            key = normalize(sub)
            if not sub[:1].isupper() or not key or set(key.split()) <= _NOT_ALONE:
                continue
            if set(key.split()) & (SUB_CITY_WORDS | _ORG_WORDS | _FACILITY_WORDS):
                continue
            for c in candidates_for(gaz, key, sub):
                if _contained_ok(c, sub, focus, facility=facility, organisation=organisation):
                    found.append((c.kind == DEMONYM, startw, c, sub))
        if not found:
            continue
        demonym, startw, _c, sub = min(found, key=lambda f: f[:2])
        pool = [f[2] for f in found if f[:2] == (demonym, startw)]
        sq = Query(Mention(m.start, m.end, sub, m.label), normalize(sub), candidates=pool)
        cand = max(pool, key=lambda c: prior_score(sq, c) + (6.0 if c.place.country == focus else 0.0))
        city = cand.place.feature.startswith("PPL")
        reason = "named feature not in the gazetteer: placed in the " + (
            "city its name contains" if city else "place its name contains"
        )
        return place_dict(m, cand.place, gaz, q, precision="sub-city" if city else None, reason=reason)
    return None


def _contained_ok(
    cand: Candidate, surface: str, focus: str | None, *, facility: bool, organisation: bool
) -> bool:
    """Whether a candidate of a part of a longer name may place the whole (see :func:`_named_inside`)."""
    place = cand.place
    if place.feature in AREA_FEATURES:
        if cand.kind == PRIMARY:
            return True
        if cand.kind == DEMONYM:
            return not facility
        if cand.kind == CODE:
            return place.feature == "PCLI" and surface.isupper()
        return cand.kind == ALIAS and surface.isascii()
    if cand.kind == PRIMARY:
        if place.feature.startswith("PPL"):
            return place.population >= 50_000 or (
                organisation and place.country == focus and place.population >= 1000
            )
        return organisation and place.feature == "ADM2" and place.country == focus
    return cand.kind == ALIAS and place.feature.startswith("PPL") and place.population >= 500_000


def focus_country(queries: list[Query]) -> str | None:
    """The country most of the article's resolved names lie in (each name counted once)."""
    tops: dict[str, str] = {}
    for other in queries:
        top = best_candidate(other)
        if top is not None and top.kind != SKELETON and top.place.country and other.key not in tops:
            tops[other.key] = top.place.country
    counts = Counter(tops.values())
    return counts.most_common(1)[0][0] if counts else None


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    right = min(right_candidates) if right_candidates else len(text)
    return left + 1, right
