"""Where an event happened: one of the article's places, chosen for an event's trigger.

Each place mention of the trigger's sentence is related to the trigger through the dependency
parse (:mod:`tidings.geo.location_syntax`): its role (the object of "in/at/near", the captured or
shelled place, a name qualifying such a noun, the subject's or agent's qualifier, a target of
"against"), the clause it sits in, and the nouns crossed on the way. The role and clause make most
of the score; the place hierarchy then prefers the most specific of the places on the event's
path ("Lubumbashi in Shaba province", "Syria's Aleppo province"), and token distance breaks ties.
A sentence whose places all belong to actors, to other clauses or to the dateline gets ``None``.

The precision follows ACLED's ``geo_precision``: 1 a town (or a place in it), 2 near a town or a
part of a region ("northern X", a district, "40 km from X"), 3 a region or a country.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from tidings.geo.location_mentions import missed_places
from tidings.geo.location_syntax import Relation, anchor, relation
from tidings.geo.normalize import normalize
from tidings.nlp.model import doc_text
from tidings.text import dateline_end

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: Base score of each role (see :mod:`tidings.geo.location_syntax`).
_ROLE = {
    "site": 4.0,
    "patient": 3.5,
    "near": 3.5,
    "reference": 3.0,
    "described": 3.0,
    "modifier": 3.0,
    "located": 3.3,
    "origin": 0.5,
    "other": -1.0,
    "actor": -3.0,
}
#: Penalty by clause distance: same clause, shared scene, another clause, another sentence.
_CLAUSE = (0.0, -1.0, -2.0, -6.0)
_PLACE_ROLES = frozenset({"site", "near", "reference", "modifier", "patient", "described", "located"})
_RANK = {"sub-city": 0, "city": 1, "admin2": 2, "admin1": 3, "country": 4, "continent": 5}
_QUALIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
_NOUN_RANK = {
    "province": 3, "provinces": 3, "region": 3, "state": 3, "governorate": 3, "country": 4,
    "district": 2, "county": 2, "countryside": 2, "valley": 2,
}  # fmt: skip
#: A best score below this means the sentence does not say where the event happened.
THRESHOLD = 2.3


def event_location(
    source: Doc | str,
    sentence: tuple[int, int] | Span | None,
    trigger: tuple[int, int] | Span | None,
    places: list[dict[str, Any]],
) -> dict[str, Any] | None:
    """The place where the event with ``trigger`` happened, or ``None``.

    ``source`` is the spaCy parse of the article (character offsets = article offsets) or its text
    (then parsed here). ``sentence`` bounds the places considered (default: the trigger's
    sentence); ``trigger`` is the character span of the event word (default: the sentence's main
    verb); both may be ``(start, end)`` offsets or spaCy spans. ``places`` are the article's
    places (:func:`tidings.geo.resolve_places`); names they lack but the parse puts in the event's
    locative slots are looked up too (:mod:`tidings.geo.location_mentions`).

    Returns ``{start, end, text, geonameid, name, lat, lon, country, admin1, feature, precision,
    role, resolved, score, place, geo_precision}``: the span naming the site, its gazetteer entry
    (for an unresolved name, the resolved place the sentence situates it in, if any), the ACLED
    precision 1-3 (also as ``geo_precision``), and ``place``, the chosen place dict itself.
    """
    doc = _as_doc(source)
    if doc is None or not len(doc):
        return None
    sentence, trigger = _char_range(sentence), _char_range(trigger)
    anchor = _trigger_token(doc, sentence, trigger)
    if anchor is None:
        return None
    if sentence is None:
        sentence = (anchor.sent.start_char, anchor.sent.end_char)
    places = [p for p in (places or []) if isinstance(p, dict)]
    places = places + missed_places(doc, anchor, sentence, places)
    scored = _score_places(doc, anchor, sentence, places)
    if not scored:
        return None
    best_score, best, rel = max(scored, key=lambda item: item[0])
    if best_score < THRESHOLD and not _town_of_the_sentence(best_score, best, rel):
        return None
    return _result(best, rel, best_score, scored)


#: Least score of a town where the sentence tells something happened, when nothing scores better.
TOWN_FLOOR = 0.0


def _town_of_the_sentence(score: float, place: dict[str, Any], rel: Relation) -> bool:
    """A town (or a site in it) that is the object of "in/at/near" somewhere in the event's
    sentence, the best place it has: the event's town even when it is named in a neighbouring
    clause ("killed … who tried to break the siege of the city of X", "captured, shot and left in
    a compound on the edge of X")."""
    return (
        score >= TOWN_FLOOR
        and rel.role in ("site", "near")
        and rel.clause <= 2
        and rel.detour > -2.0  # not "protesting against the operation in X"
        and bool(place.get("resolved"))
        and place.get("precision") in ("city", "sub-city")
        and place.get("label") != "NORP"
    )


def _char_range(value: Any) -> tuple[int, int] | None:
    """``(start, end)`` from a pair of offsets or a spaCy span; ``None`` for anything else."""
    if value is None:
        return None
    if hasattr(value, "start_char") and hasattr(value, "end_char"):
        return int(value.start_char), int(value.end_char)
    try:
        start, end = value
        return int(start), int(end)
    except (TypeError, ValueError):
        return None


def _as_doc(source: Doc | str) -> Doc | None:
    if isinstance(source, str):
        if not source.strip():
            return None
        from tidings.nlp.model import parse_text

        return parse_text(source)
    return source


def _trigger_token(
    doc: Doc, sentence: tuple[int, int] | None, trigger: tuple[int, int] | None
) -> Token | None:
    size = len(doc_text(doc))
    if trigger is not None:
        start, end = max(0, int(trigger[0])), min(size, int(trigger[1]))
        span = doc.char_span(start, end, alignment_mode="expand") if start < end else None
        if span is not None and len(span):
            return span.root
    if sentence is not None:
        start, end = max(0, int(sentence[0])), min(size, int(sentence[1]))
        span = doc.char_span(start, end, alignment_mode="expand") if start < end else None
        if span is not None and len(span):
            first: Span = span[0].sent
            return first.root
    return None


def _head(doc: Doc, place: dict[str, Any], bounds: tuple[int, int]) -> Token | None:
    """The head token of a place inside ``bounds`` (``None`` outside, or for broken offsets)."""
    try:
        start, end = int(place["start"]), int(place["end"])
    except (KeyError, TypeError, ValueError):
        return None
    if not max(0, bounds[0]) <= start < end <= min(len(doc_text(doc)), bounds[1]):
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _entity_spans(doc: Doc) -> dict[tuple[int, int], str]:
    """Entity spans by label, a leading "the" left out ("the X School" names "X School")."""
    out = {}
    for ent in doc.ents:
        start = ent[1].idx if len(ent) > 1 and ent[0].lower_ == "the" else ent.start_char
        out[(start, ent.end_char)] = ent.label_
    return out


def _inside_name(place: dict[str, Any], entities: dict[tuple[int, int], str]) -> bool:
    """Whether the place is a strict part of a person's or organisation's name."""
    start, end = int(place["start"]), int(place["end"])
    return any(
        label in ("PERSON", "ORG") and s <= start and end <= e and (s, e) != (start, end)
        for (s, e), label in entities.items()
    )


def _score_places(
    doc: Doc, trigger: Token, sentence: tuple[int, int], places: list[dict[str, Any]]
) -> list[tuple[float, dict[str, Any], Relation]]:
    """Each eligible place of the sentence with its score and relation to the trigger."""
    s_start, s_end = sentence
    dateline = dateline_end(doc_text(doc))
    entities: dict[tuple[int, int], str] | None = None
    heads: list[tuple[dict[str, Any], Token, Relation]] = []
    for place in places:
        if not isinstance(place, dict):
            continue
        head = _head(doc, place, (s_start, s_end))
        if head is None:
            continue
        if int(place["start"]) < dateline:
            continue
        entities = _entity_spans(doc) if entities is None else entities
        if _inside_name(place, entities):
            continue  # "Aden" in "Aden Hashi Ayro", "Sham" in "the Islamic State in Iraq and Sham"
        rel = relation(trigger, head)
        if place.get("label") == "EMBED":
            # a place inside an organisation's name, unless the "organisation" is only the name of
            # a town the tagger mislabelled and the event acts on it ("rebels captured X")
            entities = _entity_spans(doc) if entities is None else entities
            whole = (int(place["start"]), int(place["end"])) in entities
            if not (whole and rel.role in ("site", "patient") and rel.clause == 0):
                continue
        heads.append((place, head, _people_role(rel, place)))
    scored = []
    for place, head, rel in heads:
        score = (
            _ROLE[rel.role]
            + _CLAUSE[rel.clause]
            + rel.detour
            - 0.25 * rel.depth
            - min(0.5, 0.01 * rel.distance)
        )
        country_level = _demonym(place) or place.get("precision") in ("country", "continent")
        if rel.qualifier and country_level and rel.role in _PLACE_ROLES:
            score = min(score, _ROLE["actor"])  # "US airstrike", "Iraqi police": whose, not where
        elif _demonym(place):
            score -= 1.5 if rel.role in _PLACE_ROLES else 2.5
        if not place.get("resolved") and place.get("label") not in ("GPE", "LOC"):
            score -= 0.5  # a name the tagger calls a place is one, even when the gazetteer lacks it
        precision = place.get("precision")
        if precision in ("city", "sub-city"):
            score += 0.3
        elif precision in ("country", "continent"):
            score -= 0.3
        score += _hierarchy(place, head, rel, heads)
        scored.append((round(score, 3), place, rel))
    return scored


def _demonym(place: dict[str, Any]) -> bool:
    """A people's name ("Iraqi", "Kurdish"), not a place's own name the tagger took for one."""
    if place.get("label") != "NORP":
        return False
    return normalize(str(place.get("text") or "")) != normalize(str(place.get("name") or ""))


def _people_role(rel: Relation, place: dict[str, Any]) -> Relation:
    """A name qualifying people ("Basra protesters", "London police") places them, unless it is a
    country's or a nation's ("Iraqi police", "US soldiers"): those are actors."""
    if rel.role != "people":
        return rel
    country_level = _demonym(place) or place.get("precision") in ("country", "continent")
    return replace(rel, role="actor" if country_level or not place.get("resolved") else "located")


def _hierarchy(
    place: dict[str, Any], head: Token, rel: Relation, heads: list[tuple[dict[str, Any], Token, Relation]]
) -> float:
    """A place that only situates another candidate of the event ("Shaba" in "Lubumbashi in Shaba
    province", "Jerusalem" in "Jerusalem's Old City") loses to it; so does a country or region
    that contains a finer place of the event's clause."""
    if rel.role not in _PLACE_ROLES:
        return 0.0
    own = anchor(head)
    rank = _rank(place, own)
    listed = _RANK.get(str(place.get("precision")), 1) if place.get("resolved") else 0
    penalty = 0.0
    for other, other_head, other_rel in heads:
        if other is place or other_head.i == head.i:
            continue
        if other_rel.role not in _PLACE_ROLES or other_rel.clause > 1 or _demonym(other):
            continue
        other_own = anchor(other_head)
        other_rank = _rank(other, other_own)
        other_listed = _RANK.get(str(other.get("precision")), 1) if other.get("resolved") else 0
        if own.i == other_own.i:  # two names of one phrase: "the X district of Y", "Y's X district"
            mine, theirs = _PHRASE_ORDER[_in_phrase(head, own)], _PHRASE_ORDER[_in_phrase(other_head, own)]
            if listed > other_listed or (listed == other_listed and mine > theirs):
                penalty = min(penalty, -1.5)  # the wider one ("the West Bank town of X") or the container
        elif _descends(own, other_own):  # this place situates the other one ("X in Y", "Y's X")
            if not (listed < other_listed and place.get("resolved") and other.get("resolved")):
                penalty = min(penalty, -2.0)
        elif _descends(other_own, own):  # the other situates this one, but may be finer
            if other_listed < listed and other.get("resolved") and place.get("resolved"):
                penalty = min(penalty, -1.0)  # "in Syria, in Aleppo": the finer one wins
        elif (
            place.get("resolved")
            and other.get("resolved")
            and other_rank < rank
            and _contains(place, other)
            and (other.get("precision") != "sub-city" or other_rel.clause <= rel.clause)
        ):
            penalty = min(penalty, -1.5)
        elif rank > other_rank and other_rel.clause <= rel.clause:
            # a wider area beside a town, or beside the place the event acted on ("patrolled X in Y")
            acted_on = other_rel.role == "patient" and bool(other.get("resolved"))
            wider = -1.5 if acted_on else max(-1.5, -0.6 * (rank - other_rank))
            penalty = min(penalty, wider)
        elif rel.role == "reference" and other_rel.role != "reference":
            penalty = min(penalty, -1.5)  # "40 km from X" only when nothing nearer is named
        elif other_head.i < head.i and rel.part and rank >= other_rank and rel.role in ("site", "near"):
            penalty = min(penalty, -1.0)  # "the village of X in western Y": Y is a wider area
        elif head.dep_ == "conj" and _descends(head, other_head) and rank >= other_rank:
            penalty = min(penalty, -0.5)  # "in X and Y": the first named
    return penalty


#: Which of two names of one phrase names the place (lower wins): its own compound name ("the X
#: district"), then the "of" name ("the town of X"), then a farther qualifier ("the Gulf coast city
#: of X"), then a possessor, which is the container ("Y's X district").
_PHRASE_ORDER = {"name": 0, "of": 1, "qualifier": 2, "container": 3}


def _in_phrase(head: Token, own: Token) -> str:
    if head.dep_ == "poss":
        return "container"
    if head.head.i == own.i and head.dep_ in ("compound", "amod", "nmod"):
        return "name"
    if head.dep_ == "pobj" and head.head.lower_ == "of":
        return "of"
    return "qualifier"


def _rank(place: dict[str, Any], own: Token) -> int:
    """How wide the place is (0 a site in a town … 5 a continent), from the gazetteer and from the
    noun it stands for ("X province" is a region whatever the gazetteer matched); a name the
    gazetteer lacks is most likely a small one (a neighbourhood, a village)."""
    rank = _RANK.get(str(place.get("precision")), 1) if place.get("resolved") else 0
    return max(rank, _NOUN_RANK.get(own.lower_, 0))


def _descends(token: Token, ancestor: Token) -> bool:
    return any(t.i == ancestor.i for t in token.ancestors)


def _contains(outer: dict[str, Any], inner: dict[str, Any]) -> bool:
    precision = outer.get("precision")
    if precision == "country":
        return bool(outer.get("country")) and outer.get("country") == inner.get("country")
    if precision == "admin1":
        return bool(outer.get("name")) and outer.get("name") == inner.get("admin1")
    if precision == "city" and inner.get("precision") == "sub-city":
        return outer.get("geonameid") is not None and outer.get("geonameid") == inner.get("geonameid")
    return False


def _result(
    place: dict[str, Any], rel: Relation, score: float, scored: list[tuple[float, dict[str, Any], Relation]]
) -> dict[str, Any]:
    """The output record; an unresolved site is placed in the best resolved place of the event."""
    geo = place
    via_other = False
    if not place.get("resolved"):
        others = [
            (s, p)
            for s, p, r in scored
            if p is not place and p.get("resolved") and r.clause <= 1 and r.role in _PLACE_ROLES
        ]
        if others:
            geo = max(others, key=lambda item: item[0])[1]
            via_other = True
    precision = _geo_precision(geo.get("precision") if geo.get("resolved") else None, rel, via_other, place)
    keys = ("geonameid", "name", "lat", "lon", "country", "admin1", "feature")
    out: dict[str, Any] = {k: geo.get(k) if geo.get("resolved") else None for k in keys}
    out.update(
        {
            "start": int(place["start"]),
            "end": int(place["end"]),
            "text": place.get("text"),
            "precision": precision,
            "geo_precision": precision,
            "role": rel.role,
            "resolved": bool(geo.get("resolved")),
            "score": score,
            "place": place,
        }
    )
    return out


def _geo_precision(precision: str | None, rel: Relation, via_other: bool, place: dict[str, Any]) -> int:
    near = rel.role == "near" or rel.part or bool(place.get("direction"))
    written = _NOUN_RANK.get(rel.noun, 0)  # "X province" is a region whatever the gazetteer matched
    if written >= 3:
        return 3
    if written == 2:
        return 2
    if via_other:
        return 2 if precision in ("city", "sub-city", "admin2") else 3
    if precision in ("city", "sub-city", None):
        return 2 if near else 1
    if precision == "admin2":
        return 2
    return 3
