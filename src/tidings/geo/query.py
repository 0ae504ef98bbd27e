"""Toponym queries: one place-like mention, its gazetteer candidates and their prior scores.

Candidates come by exact name, alias and normalised form (:mod:`tidings.geo.normalize`); the prior
weighs population, feature type, how the name matched and generic words ("Diyala province"). What a
name alone says is cached per process (:func:`query_base`); the context is :mod:`tidings.geo.resolve`'s.
"""

from __future__ import annotations

import difflib
import math
import re
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
POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_FEATURE_BONUS = {"PCLI": 3.0, "CONT": 2.5, "RGN": 2.0, "ADM1": 1.5, "PPLC": 3.0, "ADM2": 0.5, "PPL": 0.0}
_KIND_PENALTY = {PRIMARY: 0.0, ALIAS: -1.5, ALTERNATE: -2.0, DEMONYM: -0.5, CODE: 0.0, SKELETON: -3.0}


#: Features of areas that a longer name may contain ("Bank of Japan").
AREA_FEATURES = frozenset({"PCLI", "CONT", "RGN", "ADM1"})


@dataclass(slots=True)
class Mention:
    """A place-like span of the text (``label`` the NER label, or ``None`` for a gold span)."""

    start: int
    end: int
    text: str
    label: str | None = None
    strong: bool = False  # a proper noun next to a place noun ("X district"): a place even if unknown


@dataclass(slots=True)
class Query:
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
    area_demonym: bool | None = None  # the name is the demonym of an area (computed once)
    top: Candidate | None = None  # cache of best_candidate(), valid while ``top_of is scores``
    top_of: list[float] | None = None


def make_query(text: str, mention: Mention, gaz: Gazetteer) -> Query:
    raw = mention.text
    if len(raw) > MAX_NAME:
        return Query(mention, "", reason="name too long to be a place name")
    raw = POSSESSIVE.sub("", _LEADING_THE.sub("", raw.strip()))
    memo_key = ("query", raw, mention.label)
    base = gaz.derived.get(memo_key)
    if base is None:
        base = query_base(raw, mention.label, gaz)
        if len(gaz.derived) > 50_000:
            gaz.derived.clear()
        gaz.derived[memo_key] = base
    key, generic, direction, candidates, priors, reason = base
    q = Query(mention, key, generic=generic, direction=direction, candidates=list(candidates), reason=reason)
    q.priors = list(priors)
    if direction is None and key:
        match = _DIRECTION.search(text[max(0, mention.start - 25) : mention.start])
        if match:
            q.direction = match.group(1).lower()
    return q


def query_base(raw: str, label: str | None, gaz: Gazetteer) -> tuple[Any, ...]:
    """What a name alone (without its context) says: key, generic word, direction prefix ("Northern
    Nigeria"), candidates, their priors and the reason when there are none; cached per name."""
    key = normalize(raw)
    if not key:
        return "", None, None, (), (), "empty name"
    q = Query(Mention(0, len(raw), raw, label), key)
    q.candidates = candidates_for(gaz, key, raw)
    if not q.candidates:
        base, generic = strip_generic(key)
        if generic:
            q.generic = generic
            q.candidates = candidates_for(gaz, base, raw)
    if not q.candidates:
        match = _DIRECTION_PREFIX.match(raw)
        if match:
            q.direction = match.group(1).lower()
            rest = raw[match.end() :]
            q.candidates = [c for c in candidates_for(gaz, normalize(rest), rest) if c.kind != DEMONYM]
    else:
        _base, generic = strip_generic(key)
        q.generic = generic
    if not q.candidates:
        q.reason = "no place of this name in the gazetteer"
    priors = tuple(prior_score(q, c) for c in q.candidates)
    return key, q.generic, q.direction, tuple(q.candidates), priors, q.reason


def candidates_for(gaz: Gazetteer, key: str, raw: str) -> list[Candidate]:
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
            kind = cand.kind if i == 0 or form.count(" ") == key.count(" ") else max(cand.kind, ALIAS)
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


def prior_score(q: Query, cand: Candidate) -> float:
    place = cand.place
    score = math.log10(place.population + 10) + _FEATURE_BONUS.get(place.feature, 0.0)
    score += _KIND_PENALTY.get(cand.kind, 0.0)
    label = q.mention.label
    if label == "NORP":
        score += 2.0 if cand.kind == DEMONYM else 0.0
        if place.feature not in ("PCLI", "CONT", "ADM1") and not norp_names_city(q, cand):
            score -= 6.0
    elif cand.kind == DEMONYM and label in ("GPE", "LOC", "FAC"):
        score -= 1.0
    if area_named_like_city(q, cand):
        score -= 4.5
    if cand.kind == PRIMARY and place.population < 100_000 and _names_an_area_as_demonym(q):
        score -= 3.0  # "Canadian": the adjective of Canada, not the town of Canadian, Texas
    if q.generic in ADMIN_WORDS:
        score += 3.0 if place.feature in ("ADM1", "ADM2") else -2.0
        if q.generic == "county" and place.feature == "ADM2":
            score += 1.0
    elif q.generic in CITY_WORDS:
        score += 2.0 if place.feature.startswith("PPL") else -1.0
    return score


#: Least population of a city that a mention tagged as a nationality or group may name by its own
#: name (the tagger often takes an unfamiliar city for a people: "In Samarra, …").
NORP_CITY_POPULATION = 50_000


def norp_names_city(q: Query, cand: Candidate) -> bool:
    """Whether a NORP mention names this city by its own name (not as a people's adjective)."""
    return (
        cand.kind == PRIMARY
        and cand.place.feature.startswith("PPL")
        and cand.place.population >= NORP_CITY_POPULATION
        and not _names_an_area_as_demonym(q)
    )


def _names_an_area_as_demonym(q: Query) -> bool:
    """Whether the name is the demonym of a country, region, continent or first-level area."""
    if q.area_demonym is None:
        q.area_demonym = any(c.kind == DEMONYM and c.place.feature in AREA_FEATURES for c in q.candidates)
    return q.area_demonym


def area_named_like_city(q: Query, cand: Candidate) -> bool:
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


def best_candidate(q: Query) -> Candidate | None:
    """The best-scored candidate (cached until the scores change)."""
    if q.top_of is not q.scores:
        q.top_of = q.scores
        if not q.scores:
            q.top = None
        else:
            q.top = q.candidates[max(range(len(q.scores)), key=q.scores.__getitem__)]
    return q.top


def place_dict(
    m: Mention,
    place: Place,
    gaz: Gazetteer,
    q: Query,
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


def unresolved(m: Mention, reason: str, direction: str | None = None) -> dict[str, Any]:
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
