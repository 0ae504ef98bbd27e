"""Toponym resolution: place-like mentions of an article → gazetteer entries, in context.

Each mention gets candidates by exact name, alias and normalised form (:mod:`tidings.geo.normalize`),
scored by a prior (population, feature type, how the name matched) and then by context, in two
passes: the countries and admin areas the article's other mentions point at (its focus), the
containers written next to a name ("Najaf, Iraq", "Paris, Texas", "Iraq's Anbar province"), other
mentions that are ancestors or descendants of a candidate, and generic words ("Diyala province",
"the city of X"). A name with no candidate, or only weak ones, stays unresolved with a reason; a named
feature inside a city that the gazetteer lacks (a zone, an airport) resolves to that city with
precision ``"sub-city"``.
"""

from __future__ import annotations

import difflib
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from tidings.geo.build import ALIAS, ALTERNATE, CODE, DEMONYM, PRIMARY, SKELETON
from tidings.geo.gazetteer import FEATURE_PRECISION, Candidate, Gazetteer, Place
from tidings.geo.normalize import (
    ADMIN_WORDS,
    CITY_WORDS,
    MAX_NAME,
    normalize,
    skeleton,
    strip_generic,
    variants,
)

#: NER labels whose mentions are looked up (NORP only when it names a country or continent).
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "NORP"})
_MAX_CANDIDATES = 40
_DIRECTION = re.compile(
    r"(?:^|\s)((?:north|south|east|west)(?:ern)?|(?:north|south)[-\s]?(?:east|west)(?:ern)?|central|"
    r"upper|lower|greater|outer|inner)[\s-]*$",
    re.IGNORECASE,
)
_DIRECTION_PREFIX = re.compile(
    r"^((?:north|south|east|west)(?:ern)?|(?:north|south)[-\s]?(?:east|west)(?:ern)?|central)\s+", re.I
)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_SUB_CITY_WORDS = frozenset(
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
_TERRAIN_WORDS = _NATURAL_WORDS | (_ORG_WORDS - _SUB_CITY_WORDS)
#: Words of buildings, streets and other features inside a city ("Collins Avenue", "Percy French
#: Hotel"): a person's name or a demonym in them says nothing about where they are.
_FACILITY_WORDS = (_SUB_CITY_WORDS - _ORG_WORDS) | frozenset(
    {"academy", "elementary", "estate", "farm", "farms", "office", "hall", "theatre", "theater", "house",
     "library", "museum", "restaurant", "club", "inn", "drive", "lane", "way", "place", "chapel"}
)  # fmt: skip
#: Words that are no place on their own inside a longer name ("South Kilburn Estate").
_NOT_ALONE = frozenset(
    {"north", "south", "east", "west", "central", "national", "northern", "southern", "eastern", "western",
     "upper", "lower", "new", "old", "great", "greater", "royal", "saint", "st", "mount", "fort", "port"}
)  # fmt: skip
_FEATURE_BONUS = {"PCLI": 3.0, "CONT": 2.5, "RGN": 2.0, "ADM1": 1.5, "PPLC": 3.0, "ADM2": 0.5, "PPL": 0.0}
_KIND_PENALTY = {PRIMARY: 0.0, ALIAS: -1.0, ALTERNATE: -2.0, DEMONYM: -0.5, CODE: 0.0, SKELETON: -3.0}


@dataclass(slots=True)
class Mention:
    """A place-like span of the text (``label`` the NER label, or ``None`` for a gold span)."""

    start: int
    end: int
    text: str
    label: str | None = None
    strong: bool = False  # a proper noun next to a place noun ("X district"): a place even if unknown


@dataclass(slots=True)
class _Query:
    mention: Mention
    key: str
    generic: str | None = None
    direction: str | None = None
    container: int | None = None  # index of a mention written as this one's container
    container_key: str | None = None  # a container written next to it that is not a mention
    candidates: list[Candidate] = field(default_factory=list)
    reason: str | None = None
    scores: list[float] = field(default_factory=list)
    priors: list[float] = field(default_factory=list)
    max_city_population: int = -1  # largest city among candidates matched by name or alias
    top: Candidate | None = None  # cache of _top(), valid while ``top_of is scores``
    top_of: list[float] | None = None


def resolve_mentions(text: str, mentions: list[Mention], gaz: Gazetteer) -> list[dict[str, Any]]:
    """Place dicts for ``mentions`` of ``text`` (same order; NORP mentions that name no place dropped)."""
    queries = [_query(text, m, gaz) for m in mentions]
    _link_containers(text, queries)
    for q in queries:
        if q.reason is None:
            q.scores = list(q.priors)
    for _ in range(2):
        _contextual(queries, gaz)
    places: list[dict[str, Any]] = []
    embedded: list[dict[str, Any]] = []
    for i, q in enumerate(queries):
        place = _decide(text, q, queries, i, gaz)
        if place is not None:
            (embedded if q.mention.label == "EMBED" else places).append(place)
    # of the places inside one organisation's name, the longest; none overlapping another mention
    for place in sorted(embedded, key=lambda p: p["start"] - p["end"]):
        if not any(p["start"] < place["end"] and place["start"] < p["end"] for p in places):
            places.append(place)
    return sorted(places, key=lambda p: (p["start"], p["end"]))


# -- queries -----------------------------------------------------------------------------------------


def _query(text: str, mention: Mention, gaz: Gazetteer) -> _Query:
    raw = mention.text
    if len(raw) > MAX_NAME:
        return _Query(mention, "", reason="name too long to be a place name")
    raw = _POSSESSIVE.sub("", _LEADING_THE.sub("", raw.strip()))
    memo_key = ("query", raw, mention.label)
    base = gaz.derived.get(memo_key)
    if base is None:
        base = _query_base(raw, mention.label, gaz)
        if len(gaz.derived) > 50_000:
            gaz.derived.clear()
        gaz.derived[memo_key] = base
    key, generic, direction, candidates, priors, reason = base
    q = _Query(mention, key, generic=generic, direction=direction, candidates=list(candidates), reason=reason)
    q.priors = list(priors)
    if direction is None and key:
        match = _DIRECTION.search(text[max(0, mention.start - 25) : mention.start])
        if match:
            q.direction = match.group(1).lower()
    return q


def _query_base(raw: str, label: str | None, gaz: Gazetteer) -> tuple[Any, ...]:
    """What a name alone (without its context) says: key, generic word, direction prefix ("Northern
    Nigeria"), candidates, their priors and the reason when there are none; cached per name."""
    key = normalize(raw)
    if not key:
        return "", None, None, (), (), "empty name"
    q = _Query(Mention(0, len(raw), raw, label), key)
    q.candidates = _candidates(gaz, key, raw)
    if not q.candidates:
        base, generic = strip_generic(key)
        if generic:
            q.generic = generic
            q.candidates = _candidates(gaz, base, raw)
    if not q.candidates:
        match = _DIRECTION_PREFIX.match(raw)
        if match:
            q.direction = match.group(1).lower()
            rest = raw[match.end() :]
            q.candidates = [c for c in _candidates(gaz, normalize(rest), rest) if c.kind != DEMONYM]
    else:
        _base, generic = strip_generic(key)
        q.generic = generic
    if not q.candidates:
        q.reason = "no place of this name in the gazetteer"
    priors = tuple(_prior(q, c) for c in q.candidates)
    return key, q.generic, q.direction, tuple(q.candidates), priors, q.reason


def _candidates(gaz: Gazetteer, key: str, raw: str) -> list[Candidate]:
    if not key:
        return []
    letters = re.sub(r"[^A-Za-z]", "", raw)
    upper = bool(letters) and letters.isupper() and len(letters) <= 5
    memo_key = (key, upper)
    hit = gaz.derived.get(memo_key)
    if hit is None:
        hit = _find_candidates(gaz, key, upper)
        if len(gaz.derived) > 20_000:
            gaz.derived.clear()
        gaz.derived[memo_key] = hit
    return list(hit)


def _find_candidates(gaz: Gazetteer, key: str, upper: bool) -> list[Candidate]:
    best: dict[int, Candidate] = {}
    forms = variants(key)
    hits = gaz.lookup_many(forms)
    for i, form in enumerate(forms):
        for cand in hits[form]:
            kind = cand.kind if i == 0 else max(cand.kind, ALIAS)
            if cand.place.id not in best or best[cand.place.id].kind > kind:
                best[cand.place.id] = Candidate(cand.place, kind)
    found = [c for c in best.values() if c.kind != CODE or upper]
    if not found and key.endswith("s") and len(key) > 4:  # plural demonyms: "Iraqis"
        found = [c for c in gaz.lookup(key[:-1]) if c.kind == DEMONYM]
    if not found:
        skel = skeleton(key)
        if len(skel.replace(" ", "")) >= 4:
            found = [
                Candidate(c.place, SKELETON)
                for c in gaz.lookup(skel)
                if _similar(key, normalize(c.place.name))
            ]
    found.sort(key=lambda c: (c.kind > ALIAS, -c.place.population))
    return found[:_MAX_CANDIDATES]


def _similar(a: str, b: str) -> bool:
    """Spellings close enough for a transliteration variant (same first letter, ratio ≥ 0.75)."""
    a, b = _ARTICLE.sub("", a), _ARTICLE.sub("", b)
    if not a or not b or a[0] != b[0]:
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.75


_ARTICLE = re.compile(r"^(?:al|el|an|ar|as|ad|at|az|ash)\s+")
_CONTAINER_AFTER = re.compile(r"^\s*,\s*((?:[A-Z][\w.'’-]*\.?)(?:\s+[A-Z][\w.'’-]*){0,2})")
_POSSESSIVE_GAP = re.compile(r"^\s*(?:'s|’s|'|’)\s+(?:\w+\s+){0,2}$")


def _link_containers(text: str, queries: list[_Query]) -> None:
    """ "X, Y" and "Y's X": Y is written as X's container."""
    for i, q in enumerate(queries):
        m = q.mention
        if i + 1 < len(queries):
            nxt = queries[i + 1].mention
            gap = text[m.end : nxt.start]
            if re.fullmatch(r"\s*,\s*", gap):
                q.container = i + 1
                continue
        if i > 0:
            prev = queries[i - 1].mention
            if _POSSESSIVE_GAP.match(text[prev.end : m.start]):
                q.container = i - 1
                continue
        match = _CONTAINER_AFTER.match(text[m.end : m.end + 40])
        if match:
            q.container_key = normalize(match.group(1))


# -- scoring -----------------------------------------------------------------------------------------


def _prior(q: _Query, cand: Candidate) -> float:
    place = cand.place
    score = math.log10(place.population + 10) + _FEATURE_BONUS.get(place.feature, 0.0)
    score += _KIND_PENALTY.get(cand.kind, 0.0)
    label = q.mention.label
    if label == "NORP":
        score += 2.0 if cand.kind == DEMONYM else 0.0
        if place.feature not in ("PCLI", "CONT", "ADM1"):
            score -= 6.0
    elif cand.kind == DEMONYM and label in ("GPE", "LOC", "FAC"):
        score -= 1.0
    if _area_named_like_city(q, cand):
        score -= 4.5
    if q.generic in ADMIN_WORDS:
        score += 3.0 if place.feature in ("ADM1", "ADM2") else -2.0
        if q.generic == "county" and place.feature == "ADM2":
            score += 1.0
    elif q.generic in CITY_WORDS:
        score += 2.0 if place.feature.startswith("PPL") else -1.0
    return score


def _area_named_like_city(q: _Query, cand: Candidate) -> bool:
    """An admin area sharing its name with a populous city among the candidates (the city is meant
    unless the text says "province", "county" …)."""
    area = cand.place
    if area.feature not in ("ADM1", "ADM2") or q.generic in ADMIN_WORDS:
        return False
    if q.max_city_population < 0:
        q.max_city_population = max(
            (
                c.place.population
                for c in q.candidates
                if c.place.feature.startswith("PPL") and c.kind <= ALIAS
            ),
            default=0,
        )
    return q.max_city_population > 0 and q.max_city_population >= 0.2 * area.population


def _top(q: _Query) -> Candidate | None:
    """The best-scored candidate (cached until the scores change)."""
    if q.top_of is not q.scores:
        q.top_of = q.scores
        if not q.scores:
            q.top = None
        else:
            q.top = q.candidates[max(range(len(q.scores)), key=q.scores.__getitem__)]
    return q.top


def _contextual(queries: list[_Query], gaz: Gazetteer) -> None:
    """Re-score every candidate with the article's focus and its hierarchy links.

    Each distinct name counts once (ten mentions of "Mexico" are one vote), and a name never votes
    for its own candidates.
    """
    gaz.prefetch_ancestors([c.place for q in queries for c in q.candidates])
    tops: list[Candidate | None] = [_top(q) for q in queries]
    by_key: dict[str, Candidate] = {}
    for q, top in zip(queries, tops, strict=True):
        if top is not None and top.kind != SKELETON and q.key not in by_key:
            by_key[q.key] = top
    countries: Counter[str] = Counter(t.place.country for t in by_key.values() if t.place.country)
    admins: Counter[int] = Counter(t.place.admin1 for t in by_key.values() if t.place.admin1)
    top_keys: dict[int, set[str]] = {}
    ancestor_keys: dict[int, set[str]] = {}
    for k, t in by_key.items():
        top_keys.setdefault(t.place.id, set()).add(k)
        for a in gaz.ancestors(t.place):
            ancestor_keys.setdefault(a.id, set()).add(k)
    n_c = max(sum(countries.values()) - 1, 1)
    n_a = max(sum(admins.values()) - 1, 1)
    memo: dict[tuple[Any, ...], list[float]] = {}
    for q in queries:
        if not q.candidates:
            continue
        signature = (
            q.key,
            q.generic,
            q.mention.label,
            queries[q.container].key if q.container is not None else None,
            q.container_key,
        )
        if signature in memo:
            q.scores = list(memo[signature])
            continue
        own = by_key.get(q.key)
        container_ids: set[int] = set()
        container_countries: set[str] = set()
        if q.container is not None:
            pool = queries[q.container].candidates[:20]
        elif q.container_key:
            pool = _container_lookup(gaz, q.container_key)
        else:
            pool = []
        for c in pool:
            container_ids.add(c.place.id)
            if c.place.feature == "PCLI" and c.place.country:
                container_countries.add(c.place.country)
        key = q.key
        own_country = own.place.country if own else None
        own_admin1 = own.place.admin1 if own else None

        scores = []
        for cand, prior in zip(q.candidates, q.priors, strict=True):
            place = cand.place
            score = prior
            if place.country:
                votes = countries[place.country] - (place.country == own_country)
                if votes > 0:
                    score += 4.0 * votes / n_c
            if place.admin1 and place.feature != "ADM1":
                votes = admins[place.admin1] - (place.admin1 == own_admin1)
                if votes > 0:
                    score += 2.5 * votes / n_a
            chain, areas = gaz.chain_ids(place) if place.feature != "CONT" else _NO_CHAIN
            in_container = place.country in container_countries or not chain.isdisjoint(container_ids)
            if container_ids and in_container:
                score += 8.0
            if any(_others(top_keys.get(a), key) for a in areas):
                score += 3.0  # an area above it is another mention (countries count as focus)
            if _others(ancestor_keys.get(place.id), key):
                score += 2.0
            scores.append(score)
        q.scores = scores
        memo[signature] = scores


_NO_CHAIN: tuple[frozenset[int], tuple[int, ...]] = (frozenset(), ())


def _others(keys: set[str] | None, key: str) -> bool:
    """Whether ``keys`` holds a name other than ``key``."""
    return keys is not None and (len(keys) > 1 or key not in keys)


def _container_lookup(gaz: Gazetteer, key: str) -> list[Candidate]:
    out = []
    for form in variants(key):
        out.extend(c for c in gaz.lookup(form) if c.place.feature in ("ADM1", "ADM2", "PCLI"))
    return out


# -- decisions ---------------------------------------------------------------------------------------


def _decide(text: str, q: _Query, queries: list[_Query], index: int, gaz: Gazetteer) -> dict[str, Any] | None:
    m = q.mention
    if q.reason is None and q.scores:
        best = max(range(len(q.scores)), key=q.scores.__getitem__)
        cand = q.candidates[best]
        if m.label == "NORP" and cand.place.feature not in ("PCLI", "CONT", "ADM1"):
            return None
        if m.label == "EMBED" and not _well_known(cand, m.text):
            return None
        if m.label == "PROPN" and (
            cand.kind > ALIAS or (cand.place.feature == "PPL" and cand.place.population < 1000)
        ):
            if not m.strong:
                return None
            cand = None  # type: ignore[assignment]
        if cand is None:
            q.reason = "no place of this name in the gazetteer"
        else:
            weak = _weak(q, cand, best)
            if weak is None:
                ranked = sorted(q.scores, reverse=True)
                margin = ranked[0] - ranked[1] if len(ranked) > 1 else 5.0
                return _place_dict(m, cand.place, gaz, q, margin=margin)
            q.reason = weak
    if m.label in ("NORP", "EMBED") or (m.label == "PROPN" and not m.strong):
        return None
    inner = _sub_city(text, q, queries, index, gaz)
    if inner is not None:
        return inner
    return _unresolved(m, q.reason or "no place of this name in the gazetteer", q.direction)


def _well_known(cand: Candidate, surface: str) -> bool:
    """A country, continent, first-level area or large city, named by its own name or code (an
    alias only as an acronym, "EU"): "Amazon" in "Amazon Web Services" is not Amazonas."""
    place = cand.place
    if cand.kind not in (PRIMARY, CODE) and not (cand.kind == ALIAS and surface.isupper()):
        return False
    return place.feature in ("PCLI", "CONT", "ADM1", "PPLC") or place.population >= 100_000


def _weak(q: _Query, cand: Candidate, best: int) -> str | None:
    """Why the best candidate is too weak to be trusted, or ``None``."""
    supported = q.scores[best] - q.priors[best] >= 2.0
    if cand.kind == SKELETON and not supported:
        return "only a loose spelling match, without support from the context"
    if cand.kind == ALTERNATE and cand.place.population < 5000 and not supported:
        return "only a foreign-language name of a small place, without support from the context"
    small_village = cand.place.feature == "PPL" and cand.place.population < 1000
    ambiguous = cand.kind != PRIMARY or len(q.candidates) > 1
    if q.mention.label == "FAC" and small_village and not supported and ambiguous:
        return "a facility name that matches only a small village elsewhere"
    return None


def _sub_city(
    text: str, q: _Query, queries: list[_Query], index: int, gaz: Gazetteer
) -> dict[str, Any] | None:
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
    if _TERRAIN_WORDS & set(words):
        return None
    subcity_word = bool(_SUB_CITY_WORDS & set(words)) or m.label in ("FAC", None) or m.strong
    if not subcity_word:
        return None
    # a city mentioned in the same sentence, nearest first
    sentence = _sentence_bounds(text, m.start, m.end)
    best: tuple[int, Place] | None = None
    for j, other in enumerate(queries):
        top = _top(other)
        if j == index or top is None or not top.place.feature.startswith("PPL"):
            continue
        if top.kind == SKELETON or not (sentence[0] <= other.mention.start < sentence[1]):
            continue
        distance = abs(other.mention.start - m.start)
        if best is None or distance < best[0]:
            best = (distance, top.place)
    if best is not None:
        reason = "named feature not in the gazetteer: placed in the city mentioned with it"
        return _place_dict(m, best[1], gaz, q, precision="sub-city", reason=reason)
    if facility and m.label in ("FAC", None) and not (_NATURAL_WORDS & set(words)):
        inside = _named_inside(q, queries, gaz, facility=True)  # "Baghdad International Airport"
        if inside is not None:
            return inside
    # the nearest city the article mentions, in the country the article is about
    focus = Counter(t.place.country for t in map(_top, queries) if t is not None and t.kind != SKELETON)
    if not focus:
        return None
    country = focus.most_common(1)[0][0]
    nearest: tuple[int, Place] | None = None
    for j, other in enumerate(queries):
        top = _top(other)
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
        return _place_dict(m, nearest[1], gaz, q, precision="sub-city", reason=reason)
    return None


_AREA_FEATURES = frozenset({"PCLI", "CONT", "RGN", "ADM1"})


def _named_inside(
    q: _Query, queries: list[_Query], gaz: Gazetteer, *, facility: bool
) -> dict[str, Any] | None:
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
    focus = _focus_country(queries)
    organisation = not facility and bool(_ORG_WORDS & set(q.key.split()))
    for size in range(len(raw_words) - 1, 0, -1):
        found: list[tuple[int, int, Candidate, str]] = []
        for startw in range(0, len(raw_words) - size + 1):
            sub = _POSSESSIVE.sub("", " ".join(raw_words[startw : startw + size]).strip(",.;:()"))
            key = normalize(sub)
            if not sub[:1].isupper() or not key or set(key.split()) <= _NOT_ALONE:
                continue
            if set(key.split()) & (_SUB_CITY_WORDS | _ORG_WORDS | _FACILITY_WORDS):
                continue
            for c in _candidates(gaz, key, sub):
                if _contained_ok(c, sub, focus, facility=facility, organisation=organisation):
                    found.append((c.kind == DEMONYM, startw, c, sub))
        if not found:
            continue
        demonym, startw, _c, sub = min(found, key=lambda f: f[:2])
        pool = [f[2] for f in found if f[:2] == (demonym, startw)]
        sq = _Query(Mention(m.start, m.end, sub, m.label), normalize(sub), candidates=pool)
        cand = max(pool, key=lambda c: _prior(sq, c) + (6.0 if c.place.country == focus else 0.0))
        city = cand.place.feature.startswith("PPL")
        reason = "named feature not in the gazetteer: placed in the " + (
            "city its name contains" if city else "place its name contains"
        )
        return _place_dict(m, cand.place, gaz, q, precision="sub-city" if city else None, reason=reason)
    return None


def _contained_ok(
    cand: Candidate, surface: str, focus: str | None, *, facility: bool, organisation: bool
) -> bool:
    """Whether a candidate of a part of a longer name may place the whole (see :func:`_named_inside`)."""
    place = cand.place
    if place.feature in _AREA_FEATURES:
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


def _focus_country(queries: list[_Query]) -> str | None:
    """The country most of the article's resolved names lie in (each name counted once)."""
    tops: dict[str, str] = {}
    for other in queries:
        top = _top(other)
        if top is not None and top.kind != SKELETON and top.place.country and other.key not in tops:
            tops[other.key] = top.place.country
    counts = Counter(tops.values())
    return counts.most_common(1)[0][0] if counts else None


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    right = min(right_candidates) if right_candidates else len(text)
    return left + 1, right


def _place_dict(
    m: Mention,
    place: Place,
    gaz: Gazetteer,
    q: _Query,
    *,
    precision: str | None = None,
    reason: str | None = None,
    margin: float | None = None,
) -> dict[str, Any]:
    if place.feature == "ADM1":
        admin1: str | None = place.name
    else:
        area = gaz.place(place.admin1)
        admin1 = area.name if area is not None else None
    confidence = None if margin is None else round(1 / (1 + math.exp(-(margin - 1.0))), 3)
    return {
        "start": m.start,
        "end": m.end,
        "text": m.text,
        "label": m.label,
        "geonameid": place.id if place.id > 0 else None,  # world regions have no GeoNames id
        "name": place.name,
        "lat": place.lat,
        "lon": place.lon,
        "country": place.country,
        "admin1": admin1,
        "feature": place.feature,
        "precision": precision or FEATURE_PRECISION.get(place.feature, "city"),
        "direction": q.direction,
        "resolved": True,
        "reason": reason,
        "confidence": confidence,
    }


def _unresolved(m: Mention, reason: str, direction: str | None = None) -> dict[str, Any]:
    return {
        "start": m.start,
        "end": m.end,
        "text": m.text,
        "label": m.label,
        "geonameid": None,
        "name": None,
        "lat": None,
        "lon": None,
        "country": None,
        "admin1": None,
        "feature": None,
        "precision": None,
        "direction": direction,
        "resolved": False,
        "reason": reason,
        "confidence": None,
    }
