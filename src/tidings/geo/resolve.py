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

import re
from collections import Counter
from typing import Any

from tidings.geo.build import ALIAS, ALTERNATE, CODE, DEMONYM, PRIMARY, SKELETON
from tidings.geo.gazetteer import Candidate, Gazetteer, Place
from tidings.geo.normalize import normalize, variants
from tidings.geo.query import (
    PLACE_LABELS,
    Mention,
    Query,
    area_named_like_city,
    best_candidate,
    make_query,
    norp_names_city,
    place_dict,
    unresolved,
)
from tidings.geo.subcity import focus_country, sub_city

__all__ = ["PLACE_LABELS", "Mention", "resolve_mentions"]


def resolve_mentions(text: str, mentions: list[Mention], gaz: Gazetteer) -> list[dict[str, Any]]:
    """Place dicts for ``mentions`` of ``text`` (same order; NORP mentions that name no place dropped)."""
    queries = [make_query(text, m, gaz) for m in mentions]
    _link_containers(text, queries)
    for q in queries:
        if q.reason is None:
            q.scores = list(q.priors)
    for _ in range(2):
        _contextual(queries, gaz)
    _one_sense_per_name(queries)
    places: list[dict[str, Any]] = []
    embedded: list[dict[str, Any]] = []
    focus = focus_country(queries)
    for i, q in enumerate(queries):
        place = _decide(text, q, queries, i, gaz, focus)
        if place is not None:
            (embedded if q.mention.label == "EMBED" else places).append(place)
    # of the places inside one organisation's name, the longest; none overlapping another mention
    for place in sorted(embedded, key=lambda p: p["start"] - p["end"]):
        if not any(p["start"] < place["end"] and place["start"] < p["end"] for p in places):
            places.append(place)
    return sorted(places, key=lambda p: (p["start"], p["end"]))


# -- context ---------------------------------------------------------------------------------------


def _one_sense_per_name(queries: list[Query]) -> None:
    """One place per name in an article: every mention of a name takes the scores of its most
    decided mention (the widest margin: "Parkland, Florida" decides the later "Parkland")."""
    groups: dict[str, list[Query]] = {}
    for q in queries:
        if q.reason is None and q.scores and q.mention.label != "EMBED":
            groups.setdefault(q.key, []).append(q)
    for group in groups.values():
        if len(group) < 2:
            continue
        leader = max(group, key=_decidedness)
        for q in group:
            if q is not leader and q.candidates == leader.candidates:
                q.scores = list(leader.scores)


def _decidedness(q: Query) -> float:
    ranked = sorted(q.scores, reverse=True)
    return ranked[0] - ranked[1] if len(ranked) > 1 else 99.0


_CONTAINER_AFTER = re.compile(r"^\s*,\s*((?:[A-Z][\w.'’-]*\.?)(?:\s+[A-Z][\w.'’-]*){0,2})")
_POSSESSIVE_GAP = re.compile(r"^\s*(?:'s|’s|'|’)\s+(?:\w+\s+){0,2}$")


#: After "X, Y": more items of a list ("…, New York and Boston", "…, New York, Boston").
_LIST_GOES_ON = re.compile(
    r"^\s*(?:,\s*)?(?:and|or|&)\s+(?:the\s+)?[A-Z]|^\s*,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*\s*(?:,|and\b)"
)


def _link_containers(text: str, queries: list[Query]) -> None:
    """ "X, Y" and "Y's X": Y is written as X's container — unless X and Y are items of a list
    ("Washington, New York and Boston")."""
    for i, q in enumerate(queries):
        m = q.mention
        if i + 1 < len(queries):
            nxt = queries[i + 1].mention
            gap = text[m.end : nxt.start]
            if re.fullmatch(r"\s*,\s*", gap):
                in_list = _LIST_GOES_ON.match(text[nxt.end : nxt.end + 40]) or (
                    i > 0 and re.fullmatch(r"\s*,\s*", text[queries[i - 1].mention.end : m.start])
                )
                if not in_list:
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


def _contextual(queries: list[Query], gaz: Gazetteer) -> None:
    """Re-score every candidate with the article's focus and its hierarchy links.

    Each distinct name counts once (ten mentions of "Mexico" are one vote), and a name never votes
    for its own candidates.
    """
    gaz.prefetch_ancestors([c.place for q in queries for c in q.candidates])
    tops: list[Candidate | None] = [best_candidate(q) for q in queries]
    by_key: dict[str, Candidate] = {}
    for q, top in zip(queries, tops, strict=True):
        if top is not None and top.kind != SKELETON and q.key not in by_key:
            by_key[q.key] = top
    countries: Counter[str] = Counter(t.place.country for t in by_key.values() if t.place.country)
    admins: Counter[int] = Counter(t.place.admin1 for t in by_key.values() if t.place.admin1)
    # first-level areas named together ("England and Wales", "Utah, Colorado and Idaho")
    siblings: Counter[str] = Counter(t.place.country for t in by_key.values() if t.place.feature == "ADM1")
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
            # two mentions of one name may keep different candidates ("US" and a lower-case "Us")
            tuple(c.place.id for c in q.candidates),
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
        capital_named = any(c.place.feature == "PPLC" and c.kind <= ALIAS for c in q.candidates)

        famous = _has_famous_namesake(q)
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
            elif place.feature == "ADM1" and _sibling_named(place, siblings, own, capital_named, q, cand):
                score += 2.5  # "England and Wales"; but "Washington" next to "Utah" is still the capital
            chain, areas = gaz.chain_ids(place) if place.feature != "CONT" else _NO_CHAIN
            in_container = place.country in container_countries or not chain.isdisjoint(container_ids)
            if any(_others(top_keys.get(a), key) for a in areas):
                score += 3.0  # an area above it is another mention (countries count as focus)
            if _others(ancestor_keys.get(place.id), key):
                score += 2.0
            if famous and place.feature == "PPL" and place.population < _SMALL_TOWN:
                score = prior + _FOCUS_DAMPING * (score - prior)  # "China" is not China, Japan
            if container_ids and in_container:
                score += 8.0
            scores.append(score)
        q.scores = scores
        memo[signature] = scores


_NO_CHAIN: tuple[frozenset[int], tuple[int, ...]] = (frozenset(), ())
#: Share of the article's focus a small town keeps against a famous namesake.
_FOCUS_DAMPING = 0.5


def _has_famous_namesake(q: Query) -> bool:
    """Whether the name is, by its own name, a country, continent, first-level area or a city of a
    million: a small town of that name then needs more than the article's focus (an explicit
    container still suffices: "Melbourne, Derbyshire")."""
    return any(
        c.kind == PRIMARY and (c.place.feature in ("PCLI", "CONT", "ADM1") or c.place.population >= 1_000_000)
        for c in q.candidates
    )


def _sibling_named(
    place: Place,
    siblings: Counter[str],
    own: Candidate | None,
    capital_named: bool,
    q: Query,
    cand: Candidate,
) -> bool:
    """Whether another name of the article is a first-level area of the same country as ``place``
    (itself a first-level area), unless the name is also a national capital or a large city's."""
    own_counts = own is not None and own.place.feature == "ADM1" and own.place.country == place.country
    if siblings[place.country or ""] <= own_counts or capital_named:
        return False
    return not area_named_like_city(q, cand)


def _others(keys: set[str] | None, key: str) -> bool:
    """Whether ``keys`` holds a name other than ``key``."""
    return keys is not None and (len(keys) > 1 or key not in keys)


def _container_lookup(gaz: Gazetteer, key: str) -> list[Candidate]:
    out = []
    for form in variants(key):
        out.extend(c for c in gaz.lookup(form) if c.place.feature in ("ADM1", "ADM2", "PCLI"))
    return out


# -- decisions ---------------------------------------------------------------------------------------


def _decide(
    text: str, q: Query, queries: list[Query], index: int, gaz: Gazetteer, focus: str | None
) -> dict[str, Any] | None:
    m = q.mention
    if q.reason is None and q.scores:
        best = max(range(len(q.scores)), key=q.scores.__getitem__)
        cand = q.candidates[best]
        if (
            m.label == "NORP"
            and cand.place.feature not in ("PCLI", "CONT", "ADM1")
            and not norp_names_city(q, cand)
        ):
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
            weak = _weak(q, cand, best, focus)
            if weak is None:
                ranked = sorted(q.scores, reverse=True)
                margin = ranked[0] - ranked[1] if len(ranked) > 1 else 5.0
                return place_dict(m, cand.place, gaz, q, margin=margin)
            q.reason = weak
    if m.label in ("NORP", "EMBED") or (m.label == "PROPN" and not m.strong):
        return None
    inner = sub_city(text, q, queries, index, gaz)
    if inner is not None:
        return inner
    return unresolved(m, q.reason or "no place of this name in the gazetteer", q.direction)


def _well_known(cand: Candidate, surface: str) -> bool:
    """A country, continent, first-level area or large city, named by its own name or code (an
    alias only as an acronym, "EU"; a demonym only for a country, region or continent: "Canadian
    Press"): "Amazon" in "Amazon Web Services" is not Amazonas."""
    place = cand.place
    if cand.kind == DEMONYM:
        return place.feature in ("PCLI", "CONT", "RGN") and surface[:1].isupper()
    if cand.kind not in (PRIMARY, CODE) and not (cand.kind == ALIAS and surface.isupper()):
        return False
    return place.feature in ("PCLI", "CONT", "ADM1", "PPLC") or place.population >= 100_000


def _weak(q: Query, cand: Candidate, best: int, focus: str | None) -> str | None:
    """Why the best candidate is too weak to be trusted, or ``None`` (``focus``: the country the
    article's places lie in)."""
    supported = q.scores[best] - q.priors[best] >= 2.0
    if cand.kind == SKELETON and not supported:
        return "only a loose spelling match, without support from the context"
    if cand.kind == ALTERNATE and cand.place.population < 5000 and not supported:
        return "only a foreign-language name of a small place, without support from the context"
    small_village = cand.place.feature == "PPL" and cand.place.population < 1000
    ambiguous = cand.kind != PRIMARY or len(q.candidates) > 1
    if q.mention.label == "FAC" and small_village and not supported and ambiguous:
        return "a facility name that matches only a small village elsewhere"
    small_town = cand.place.feature == "PPL" and cand.place.population < _SMALL_TOWN
    if small_town and not supported and focus is not None and cand.place.country != focus:
        return "only a small place in another country than the article's, without support from the context"
    return None


#: Population below which a town abroad needs support from the context.
_SMALL_TOWN = 10_000
