"""Places: an offline gazetteer (GeoNames data from PyPI packages, compiled into SQLite), toponym
resolution in context, and the location of an event.

Public API::

    resolve_places(article, doc) -> list[dict]      # the analysis record's "places"
    geocode(text, country_hint=None) -> list[dict]  # ranked candidates for one name
    event_location(article_text, sentence, trigger, places) -> dict | None
    build_gazetteer(path=None) -> Path

The gazetteer is opened lazily, once per process, read-only; nothing else is global.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from tidings.geo.build import build_gazetteer, default_path
from tidings.geo.gazetteer import FEATURE_PRECISION, load
from tidings.geo.location import event_location
from tidings.geo.normalize import MAX_NAME, normalize
from tidings.geo.resolve import PLACE_LABELS, Mention, resolve_mentions
from tidings.nlp.model import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from tidings.models import Article

__all__ = [
    "build_gazetteer",
    "default_path",
    "event_location",
    "geocode",
    "place_mentions",
    "resolve_places",
    "resolve_spans",
]


_LOCATIVE_CUES = frozenset(
    {"in", "at", "near", "outside", "inside", "into", "across", "around", "toward", "towards", "on", "of",
     "from", "through", "throughout", "besieged", "entered", "stormed"}
)  # fmt: skip
_PLACE_NOUNS = frozenset(
    {"district", "province", "region", "city", "town", "village", "governorate", "county", "neighbourhood",
     "neighborhood", "area", "suburb", "countryside", "outskirts", "streets", "camp"}
)  # fmt: skip
_OTHER_LABELS = frozenset({"PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})
_EMBEDDING_LABELS = frozenset({"ORG", "PRODUCT", "EVENT"})


def place_mentions(doc: Doc) -> list[Mention]:
    """Place-like entities of a parse (GPE, LOC, FAC, NORP), possessives and "the" trimmed.

    The small English model often labels an unfamiliar town PERSON or ORG, or misses it: a proper
    noun in a locative frame ("in X", "X district", "X's streets") is added with label ``PROPN``,
    and kept later only when the gazetteer knows it well.
    """
    from tidings.nlp.actors import find_entities

    mentions = []
    covered: set[int] = set()
    for ent in find_entities(doc):
        if ent.label in PLACE_LABELS:
            mentions.append(Mention(ent.start, ent.end, ent.text, ent.label))
        elif ent.label in _OTHER_LABELS and (frame := _locative_frame(doc, ent.start, ent.end)):
            mentions.append(Mention(ent.start, ent.end, ent.text, "PROPN", strong=frame == "strong"))
            if ent.label in _EMBEDDING_LABELS:  # "from DeSmog Canada": the name may still hold a place
                mentions.extend(m for m in _embedded(ent.start, ent.text) if m.text != ent.text)
        elif ent.label in _EMBEDDING_LABELS:
            mentions.extend(_embedded(ent.start, ent.text))
            continue
        elif ent.label == "PERSON" and _names_a_known_place(ent.text):
            mentions.append(Mention(ent.start, ent.end, ent.text, "PROPN"))  # "Tamil Nadu" as PERSON
        else:
            continue
        covered.update(range(ent.start, ent.end))
    for ent in doc.ents:
        covered.update(range(ent.start_char, ent.end_char))
    i = 0
    tokens = list(doc)
    while i < len(tokens):
        tok = tokens[i]
        if tok.tag_ == "NNP" and tok.idx not in covered and tok.text[:1].isupper():
            j = i
            while j + 1 < len(tokens) and tokens[j + 1].tag_ == "NNP" and tokens[j + 1].idx not in covered:
                j += 1
            start, end = tok.idx, tokens[j].idx + len(tokens[j].text)
            frame = _locative_frame(doc, start, end) if i > 0 else None
            if frame:
                name = doc_text(doc)[start:end]
                mentions.append(Mention(start, end, name, "PROPN", strong=frame == "strong"))
            i = j + 1
        else:
            i += 1
    return sorted(mentions, key=lambda m: (m.start, m.end))


def _names_a_known_place(text: str) -> bool:
    """Whether a name of two or more capitalised words is, by its own name, a country, first-level
    area or city of 100,000 people ("Tamil Nadu", "Abu Dhabi": the small model sometimes takes them
    for persons; a one-word name such as "Jordan" or "Georgia" is too often a person's)."""
    words = text.split()
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return False
    from tidings.geo.build import PRIMARY

    for cand in load().lookup(normalize(text)):
        place = cand.place
        if cand.kind == PRIMARY and (
            place.feature in ("PCLI", "ADM1", "PPLC") or place.population >= 100_000
        ):
            return True
    return False


def _embedded(start: int, text: str) -> list[Mention]:
    """Places named inside an organisation's name ("EU", "Zimbabwe Electoral Commission", "DeSmog
    Canada", "University of California", "Canadian Press"), labelled ``EMBED``: every run of one to
    three capitalised words; kept later only for well-known places."""
    words = list(re.finditer(r"\S+", text))[:_EMBED_WORDS]
    if words and words[0].group(0).lower() == "the":
        words = words[1:]
    out = []
    for i, first in enumerate(words):
        for size in (1, 2, 3):
            if i + size > len(words):
                break
            last = words[i + size - 1]
            surface = text[first.start() : last.end()].rstrip(",.;:)’'")
            surface = re.sub(r"(?:'s|’s)$", "", surface).lstrip("(")
            if surface[:1].isupper() and surface.split()[-1][:1].isupper():
                s = start + text.index(surface, first.start())
                out.append(Mention(s, s + len(surface), surface, "EMBED"))
    return out


#: Longest stretch of an organisation's name searched for places (in words).
_EMBED_WORDS = 12


def _locative_frame(doc: Doc, start: int, end: int) -> str | None:
    """``"strong"`` next to a place noun ("X district", "the town of X"), ``"weak"`` after a
    locative preposition ("in X"), else ``None``."""
    text = doc_text(doc)
    before = [w.lower().strip(",") for w in text[max(0, start - 40) : start].split()]
    if before and before[-1] == "the":
        before = before[:-1]
    after = text[end : end + 30]
    words = after.replace("'s", " ").replace("’s", " ").split()
    if words and words[0].lower().strip(",.") in _PLACE_NOUNS:
        return "strong"
    if len(before) >= 2 and before[-1] == "of" and before[-2] in _PLACE_NOUNS | {"settlement", "settlements"}:
        return "strong"
    if before and before[-1] in _LOCATIVE_CUES and before[-1] != "of":
        return "weak"
    return None


def resolve_places(article: Article, doc: Doc) -> list[dict[str, Any]]:
    """The places of ``article``: one dict per place-like mention, resolved in the article's context.

    Keys: start, end, text, label, geonameid, name, lat, lon, country (ISO3), admin1, feature,
    precision (continent | country | admin1 | admin2 | city | sub-city), direction ("northern" …),
    resolved, reason (why unresolved, or how a sub-city feature was placed), confidence.
    NORP mentions appear only when they name a country or continent ("Iraqi" → Iraq).
    """
    return resolve_spans(article.text, place_mentions(doc))


def resolve_spans(text: str, mentions: list[Mention]) -> list[dict[str, Any]]:
    """Resolve given spans of ``text`` (e.g. gold toponyms) together, in document order."""
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    return resolve_mentions(text, ordered, load())


def geocode(text: str, country_hint: str | None = None) -> list[dict[str, Any]]:
    """Ranked candidates for one place name (best first), e.g. ``geocode("Najaf")``.

    ``country_hint`` (ISO3 or ISO2, or a country name) favours places in that country. Names longer
    than 80 characters, empty ones and names in no known script give an empty list.
    """
    from tidings.geo.query import Query, candidates_for, prior_score

    text = (text or "").strip()
    if not text or len(text) > MAX_NAME:
        return []
    gaz = load()
    key = normalize(text)
    if not key:
        return []
    hint = _country_hint(country_hint, gaz) if country_hint else None
    query = Query(Mention(0, len(text), text, None), key)
    cands = candidates_for(gaz, key, text)
    query.candidates = cands
    ranked = sorted(
        cands,
        key=lambda c: -(prior_score(query, c) + (6.0 if hint and c.place.country == hint else 0.0)),
    )
    out = []
    for cand in ranked[:10]:
        place = cand.place
        area = gaz.place(place.admin1)
        out.append(
            {
                "geonameid": place.id if place.id > 0 else None,
                "name": place.name,
                "lat": place.lat,
                "lon": place.lon,
                "country": place.country,
                "admin1": place.name if place.feature == "ADM1" else (area.name if area else None),
                "feature": place.feature,
                "precision": FEATURE_PRECISION.get(place.feature, "city"),
                "population": place.population,
                "match": ["name", "alias", "alternate", "demonym", "code", "spelling"][cand.kind],
            }
        )
    return out


def _country_hint(hint: str, gaz: Any) -> str | None:
    value = hint.strip()
    if len(value) == 3 and value.isalpha() and value.isupper():
        return value
    for cand in gaz.lookup(normalize(value)):
        if cand.place.feature == "PCLI":
            return str(cand.place.country)
    return None
