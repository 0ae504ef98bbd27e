"""What ACLED-style event notes say about their events beyond the parse: place and sentence cues.

ACLED writes its notes in a fixed register: "On 3 March 2023, militants attacked a checkpoint in
Boni (Douentza, Mopti). 5 soldiers were killed." Two conventions of that register are read here,
for any text that uses them:

- **Place with its administrative hierarchy.** A place name followed by a parenthesised list of
  the areas containing it, most specific first, "Boni (Douentza, Mopti)", names the event's place.
  The areas are context, not places of their own: the name is resolved among its gazetteer
  candidates in the areas' country, preferring the one inside (or nearest to) the named areas; a
  name the gazetteer lacks falls back to the most specific area that resolves (ACLED's own geo
  precision 2 or 3). Events whose sentences carry such a mention take that place; when the text
  names a single such place, events placed nowhere take it too (a note reports one location).
- **Sentence words.** ACLED's sub-event types turn on words that may sit outside the trigger's
  phrase ("threw a grenade into a bar", "a crowd protesting … was dispersed", "taken to an
  unknown location"): :func:`refine_events` passes the lemmas of each event's sentences to
  :func:`tidings.events.acled.refine`.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tidings.errors import TidingsError
from tidings.events.acled_context import char_span
from tidings.geo.normalize import normalize

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from tidings.geo.gazetteer import Gazetteer, Place

#: A parenthesised list of 1-3 area names ("(Douentza, Mopti)", "(Comuna 1, Ciudad de Buenos
#: Aires)"): each starts with a capital, digits only as a word of their own.
_AREA = r"[A-Z][^()\d\[\],]{0,60}?(?:\s\d{1,3})?"
_AREAS = re.compile(r"\(\s*(" + _AREA + r"(?:,\s*" + _AREA + r"){0,2})\s*\)")
_CONNECTORS = frozenset(
    {"de", "da", "do", "dos", "das", "del", "la", "le", "les", "al", "el", "des", "du", "di"}
)
_NAME_WORD = re.compile(r"[A-Z][\w'’.]*(?:-[\w'’.]+)*$")
#: A lower-case particle joined to a capitalised word inside a name: "Deir ez-Zor", "Tell al-Abyad".
_JOINED_WORD = re.compile(r"[a-z]{1,3}-[A-Z][\w'’.]*$")
#: Generic words between a name and its areas (at most two): "Kherson city (Khersonskyi, Kherson)",
#: "the Jabalya refugee camp (Jabalya, North Gaza)", "the Damboa road (Damboa, Borno)".
_GENERIC = frozenset(
    {"city", "town", "village", "township", "camp", "area", "district", "locality", "refugee",
     "road", "highway", "cantonment", "outskirts", "suburb", "neighbourhood", "neighborhood",
     "market", "commune"}
)  # fmt: skip
#: Compass parts of ACLED's split regions ("Shan-North", "Bago-East"), read as the region.
_COMPASS = re.compile(
    r"^(?:(?:north|south|east|west|central|nord|sud|est|ouest|centre|center)[\s-]+(?=\S))"
    r"|(?:[\s-]+(?:north|south|east|west|central|nord|sud|est|ouest|centre|center))$",
    re.IGNORECASE,
)
#: How much less a place bearing a name as an alias weighs than one bearing it as its name.
_ALIAS_DISCOUNT = 10
#: A named area yields to a town of the same name this close to it ("Baidoa (Baydhaba, Bay)").
_TOWN_OF_AREA_KM = 60.0
_MAX_WORDS = 6
#: Initials or a short capitalised code as an area ("D.C.", "NCR"): not looked up.
_ABBREVIATION = re.compile(r"(?:[A-Z]\.){1,4}|[A-Z]{1,3}")
#: A resolved name farther than this from its named areas is another place of the same name.
_NEAR_KM = 150.0
#: Most characters of a note scanned for hierarchy mentions (bounded work on huge inputs).
_SCAN = 20_000
_CASUALTY = frozenset({"kill", "die", "injure", "wound", "hurt", "dead", "fatality", "casualty"})
#: Consonant digraphs that transliterations write single or doubled ("zh" / "zhzh").
_DIGRAPH = re.compile(r"(?:zh|sh|kh|ch|ts)")
_DOUBLED_DIGRAPH = re.compile(r"(zh|sh|kh|ch|ts)\1")
_MAX_FORMS = 6
#: Longest text read as one note reporting one location (an article names many places).
NOTE_CHARS = 1200
_PPL = ("PPL", "PPLA", "PPLA2", "PPLA3", "PPLA4", "PPLC", "PPLX", "PPLL")


@dataclass(frozen=True, slots=True)
class Hierarchy:
    """A place name and the areas that follow it in parentheses, with the name's offsets."""

    start: int
    end: int
    name: str
    areas: tuple[str, ...]


def hierarchy_mentions(text: str) -> list[Hierarchy]:
    """Every "Name (Area, Area)" of ``text`` (the name: up to six capitalised words, "de"/"al"
    connectors allowed, one generic word such as "city" skipped before the parenthesis)."""
    found: list[Hierarchy] = []
    for match in _AREAS.finditer(text[:_SCAN]):
        areas = tuple(a.strip() for a in match.group(1).split(",") if a.strip())
        if not areas or any(len(a.split()) > 5 for a in areas):
            continue
        words = list(re.finditer(r"\S+", text[max(0, match.start() - 120) : match.start()]))
        offset = max(0, match.start() - 120)
        for _ in range(2):  # "Kherson city", not "Mexico City"
            if len(words) > 1 and words[-1].group() in _GENERIC:
                words.pop()
        taken: list[re.Match[str]] = []
        for word in reversed(words):
            token = word.group()
            if len(taken) >= _MAX_WORDS or (token.endswith((",", ";", ":", ".")) and taken):
                break
            if (
                _NAME_WORD.match(token)
                or _JOINED_WORD.match(token)
                or (taken and token.lower() in _CONNECTORS)
                or token == "-"
            ):
                taken.append(word)
                continue
            break
        while taken and not _NAME_WORD.match(taken[-1].group()):
            taken.pop()  # the name starts with a capitalised word
        if not taken:
            continue
        start, end = offset + taken[-1].start(), offset + taken[0].end()
        name = text[start:end].rstrip(",;:.")
        found.append(Hierarchy(start, start + len(name), name, areas))
    return found


def resolve(mention: Hierarchy, gaz: Gazetteer) -> dict[str, Any] | None:
    """The place ``mention`` names, as an event location dict, or ``None`` when neither the name
    nor any of its areas is in the gazetteer."""
    from tidings.eval.geo import haversine_km

    # an abbreviation ("D.C." after Bogota) is ambiguous across countries: it is no evidence
    areas: list[list[Place]] = [[] if _ABBREVIATION.fullmatch(a) else _lookup(gaz, a) for a in mention.areas]
    if not any(areas):
        return None  # "BAGHDAD (Reuters)": parentheses naming no area are no hierarchy
    named = _lookup(gaz, mention.name)
    if not named and " - " in mention.name:  # ACLED's sub-city name: "New York - Manhattan"
        city, _, part = mention.name.partition(" - ")
        named = _lookup(gaz, part.strip()) or _lookup(gaz, city.strip())
    texts = [mention.name, *mention.areas]
    countries = _shared_countries(areas, named, texts, gaz)
    anchors = [p for level in areas for p in level if not countries or p.country in countries]
    candidates = [p for p in named if not countries or p.country in countries]
    if candidates:
        ids = {p.id for p in anchors}
        towns = [p for p in candidates if p.feature in _PPL]
        # an area of the name with a town of the name close by is that town's district:
        # "Baidoa (Baydhaba, Bay)" is the town, not the centre of the district also called Baidoa
        yields = {p.id for p in candidates if p.feature not in _PPL and any(_town_of(t, p) for t in towns)}

        def rank(place: Place) -> tuple[bool, bool, float, bool, int]:
            inside = bool(ids & gaz.chain_ids(place)[0])
            near = min((haversine_km(place.lat, place.lon, a.lat, a.lon) for a in anchors), default=0.0)
            return (not inside, place.id in yields, near, place.feature not in _PPL, -place.population)

        best = min(candidates, key=rank)
        inside = bool(ids & gaz.chain_ids(best)[0])
        near = min((haversine_km(best.lat, best.lon, a.lat, a.lon) for a in anchors), default=0.0)
        if inside or near <= _NEAR_KM or not anchors:
            return _location(best, mention, gaz, 1 if best.feature in _PPL else 2)
    for level, found in enumerate(areas):  # the most specific area that resolves
        in_country = [p for p in found if not countries or p.country in countries]
        if in_country:
            area = min(in_country, key=lambda p: (p.feature in _PPL, -p.population))
            return _location(area, mention, gaz, 2 if level == 0 and len(areas) > 1 else 3)
    return None


def _lookup(gaz: Gazetteer, name: str) -> list[Place]:
    """Towns and areas named ``name``; when no town has the name exactly, towns whose name is a
    transliteration variant of it ("Kabkabiya" is GeoNames' "Kabkābīyah", while an area happens
    to have it as an exact alias)."""
    from tidings.geo.normalize import skeleton, variants
    from tidings.geo.query import _similar

    key = normalize(name)
    if not key:
        return []
    places = {c.place.id: c.place for c in gaz.lookup(key)}
    if not places:  # "As-Sweida": the Arabic article written into the name
        for form in variants(key)[1:]:
            places.update({c.place.id: c.place for c in gaz.lookup(form)})
    if not places:  # "Zaporizhia" for "Zaporizhzhia": a doubled or single digraph
        for form in _digraph_forms(key):
            places.update({c.place.id: c.place for c in gaz.lookup(form)})
    skel = skeleton(key)
    towns = any(p.feature in _PPL for p in places.values())
    if not towns:  # "Harardhere" is an alias of the Xarardheere district, named after its town
        for area in [p for p in places.values() if p.feature.startswith("ADM")][:5]:
            town_key = normalize(area.name)
            if town_key == key:
                continue
            for cand in gaz.lookup(town_key):
                town = cand.place
                if (
                    cand.kind == 0
                    and town.feature in _PPL
                    and town.country == area.country
                    and (area.id in gaz.chain_ids(town)[0] or _town_of(town, area))
                ):
                    places.setdefault(town.id, town)
        towns = any(p.feature in _PPL for p in places.values())
    if not towns and len(skel.replace(" ", "")) >= 4 and skel != key:
        for cand in gaz.lookup(skel):
            if cand.place.feature in _PPL and _similar(key, normalize(cand.place.name)):
                places.setdefault(cand.place.id, cand.place)
    if not places:  # "Shan-North", "Bago-East": ACLED's split of a region is the region
        bare = _COMPASS.sub("", name.strip())
        if bare != name.strip() and len(bare) >= 3:
            return [p for p in _lookup(gaz, bare) if p.feature.startswith("ADM")]
    return [p for p in places.values() if p.feature in _PPL or p.feature.startswith("ADM")]


def _digraph_forms(key: str) -> list[str]:
    """Spellings of ``key`` with one consonant digraph doubled or a doubled one single, as
    transliterations vary ("Zaporizhia" / "Zaporizhzhia")."""
    forms: list[str] = []
    for match in _DIGRAPH.finditer(key):
        a, b = match.start(), match.end()
        if key[b : b + 2] == match.group() or key[a - 2 : a] == match.group():
            continue  # doubled: its single form comes from the doubled match below
        forms.append(key[:b] + match.group() + key[b:])
    for match in _DOUBLED_DIGRAPH.finditer(key):
        forms.append(key[: match.start()] + match.group(1) + key[match.end() :])
    return [f for f in dict.fromkeys(forms) if f != key][:_MAX_FORMS]


def _town_of(town: Place, area: Place) -> bool:
    """Whether ``town`` may be the town an area of its name is named after: close to the area's
    centre, or in the same region and not farther than a name's usual spread."""
    from tidings.eval.geo import haversine_km

    km = haversine_km(town.lat, town.lon, area.lat, area.lon)
    same_region = town.admin1 is not None and town.admin1 in (area.admin1, area.parent)
    return km <= _TOWN_OF_AREA_KM or (same_region and km <= _NEAR_KM)


def _named_as(gaz: Gazetteer, texts: list[str]) -> set[int]:
    """Places that bear one of ``texts`` as their name or an alias (not an old or other-language
    name): "Basra" is Iraq's Basrah as an alias, not only the Pakistani hamlet named Basra."""
    out: set[int] = set()
    for text in texts:
        key = normalize(text)
        if key:
            out |= {c.place.id for c in gaz.lookup(key) if c.kind <= 1}
    return out


def _shared_countries(
    areas: list[list[Place]], names: list[Place], texts: list[str], gaz: Gazetteer
) -> set[str]:
    """The country of the hierarchy: the one most of its levels (the name included) can be in,
    the more specific level deciding ties ("Lilongwe (Lilongwe, Central)" is in Malawi although
    "Central" alone is a region of several countries)."""
    levels = [{p.country for p in level if p.country} for level in [names, *areas]]
    votes: dict[str, tuple[int, int]] = {}
    for depth, level in enumerate(levels):
        for country in level:
            count, first = votes.get(country, (0, depth))
            votes[country] = (count + 1, min(first, depth))
    if not votes:
        return set()
    best = max(votes.values(), key=lambda v: (v[0], -v[1]))
    tied = {c for c, v in votes.items() if v == best}
    if len(tied) > 1:
        # a name every level repeats ("Buenos Aires (Buenos Aires, Buenos Aires)") fits a hamlet of
        # that name abroad as well as the capital: the most populous place bearing the name itself
        # or as an alias (not as an old or alternate name) decides, as the gazetteer's prior does
        # for a bare name
        keys = {normalize(t) for t in texts}
        named_as = _named_as(gaz, texts)
        weight = dict.fromkeys(tied, 0)
        for level in [names, *areas]:
            for p in level:
                if p.country not in weight:
                    continue
                if normalize(p.name) in keys:
                    weight[p.country] = max(weight[p.country], p.population)
                elif p.id in named_as:  # an alias counts for less than the name itself
                    weight[p.country] = max(weight[p.country], p.population // _ALIAS_DISCOUNT)
        top = max(weight.values())
        tied = {c for c in tied if weight[c] == top}
    return tied


def _location(place: Place, mention: Hierarchy, gaz: Gazetteer, precision: int) -> dict[str, Any]:
    admin = gaz.place(place.admin1) if place.feature != "ADM1" else place
    return {
        "geonameid": place.id if place.id > 0 else None,
        "name": place.name,
        "lat": place.lat,
        "lon": place.lon,
        "country": place.country,
        "admin1": admin.name if admin is not None else None,
        "precision": "city" if precision == 1 else ("admin2" if precision == 2 else "admin1"),
        "geo_precision": precision,
        "start": mention.start,
        "end": mention.end,
    }


def place_events(text: str, events: list[dict[str, Any]], gaz: Gazetteer | None = None) -> None:
    """Give events the place of the hierarchy mention in their sentences (in place)."""
    mentions = hierarchy_mentions(text)
    if not mentions or not events:
        return
    if gaz is None:
        from tidings.geo.gazetteer import load

        gaz = load()
    resolved = [(m, resolve(m, gaz)) for m in mentions]
    resolved = [(m, loc) for m, loc in resolved if loc is not None]
    if not resolved:
        return
    distinct = {(loc["lat"], loc["lon"]) for _, loc in resolved}
    for event in events:
        spans = _sentences(event)
        own = [loc for m, loc in resolved if any(s <= m.start < e for s, e in spans)]
        if own:
            event["location"] = dict(own[0])
        elif not event.get("location") and len(distinct) == 1:
            event["location"] = dict(resolved[0][1])


def relabel_hierarchy_names(doc: Doc, gaz: Gazetteer | None = None) -> None:
    """Entities of a "Town (District, Region)" mention become ``LOC`` (in place; offsets kept):
    places, not actors (a town in a note is where the event happened, not its victim).

    The tagger reads "took control of Kidal (Kidal, Kidal)" as three peoples (``NORP``), which
    would make the town a civilian victim; a name whose hierarchy resolves is a place. Only
    mentions that :func:`resolve` places count (so "(Reuters)" or "(R, Texas)" after a person's
    name change nothing unless the name itself is a place of those areas).
    """
    mentions = hierarchy_mentions(doc.text)
    if not mentions or not doc.ents:
        return
    if gaz is None:
        from tidings.geo.gazetteer import load

        try:
            gaz = load()
        except (TidingsError, OSError, sqlite3.Error):
            return
    spans: list[tuple[int, int]] = []
    for mention in mentions:
        try:
            located = resolve(mention, gaz)
        except (TidingsError, sqlite3.Error):
            return
        if located is None or not _lookup(gaz, mention.name):
            continue
        close = doc.text.find(")", mention.end)
        spans.append((mention.start, close if close > 0 else mention.end))
    if not spans:
        return
    from spacy.tokens import Span as SpacySpan

    ents = list(doc.ents)
    changed = False
    for i, ent in enumerate(ents):
        if ent.label_ in ("NORP", "PERSON", "ORG") and any(s <= ent.start_char < e for s, e in spans):
            ents[i] = SpacySpan(doc, ent.start, ent.end, label="LOC")
            changed = True
    if changed:
        doc.ents = ents


def _sentences(event: dict[str, Any]) -> list[tuple[int, int]]:
    spans = event.get("_sentences") or event.get("evidence") or []
    out = []
    for span in spans:
        try:
            out.append((int(span[0]), int(span[1])))
        except (TypeError, ValueError, IndexError):
            continue
    return out


def phrase_words(doc: Doc, event: dict[str, Any]) -> set[str]:
    """Lemmas of the trigger's phrase: its subtree without the reasons and adverbial clauses of the
    trigger itself ("arrested … for supporting the protests", "over …", "after …"; "workers who
    gathered to protest" keeps its purpose), at most 40 tokens."""
    span = char_span(doc, event.get("trigger"))
    if span is None:
        return set()
    skip: set[int] = set()
    for token in span.root.children:
        if token.dep_ == "advcl" or (token.dep_ == "prep" and token.lower_ in ("for", "over", "after")):
            skip |= {t.i for t in token.subtree}
    return {t.lemma_.lower() for t in list(span.root.subtree)[:40] if t.i not in skip and t.is_alpha}


def sentence_words(doc: Doc, event: dict[str, Any]) -> tuple[set[str], set[str]]:
    """Lemmas of the event's trigger and its dependents, and lemmas of the event's sentences."""
    trigger: set[str] = set()
    span = char_span(doc, event.get("trigger"))
    if span is not None:
        for token in span:
            trigger.add(token.lemma_.lower())
            trigger |= {c.lemma_.lower() for c in token.children}
    spans = list(_sentences(event)[:8])
    if (
        span is not None
        and span.root.lemma_.lower() in _CASUALTY
        and span.root.tag_ in ("VBN", "NN", "NNS", "JJ")
    ):
        # "… threw a grenade into a bar. 2 civilians were injured.": a toll with no attacker of its
        # own reports the previous sentence's attack, whose words name the weapon
        sent = span.root.sent
        if sent.start > 0:
            before = doc[sent.start - 1].sent
            spans.append((before.start_char, before.end_char))
    words: set[str] = set()
    for start, end in spans:
        sent = char_span(doc, (start, end))
        if sent is not None:
            tokens = [t for t in sent[:150] if t.is_alpha and (t.pos_ != "PROPN" or t.is_lower)]
            words |= {t.lemma_.lower() for t in tokens} | {t.lower_ for t in tokens}  # "retook": no lemma
    return trigger, words


def refine_events(
    doc: Doc,
    events: list[dict[str, Any]],
    sectors: dict[str, str | None],
    places: list[dict[str, Any]] | None = None,
) -> None:
    """ACLED coding of the events of one analysed article corrected by their sentences' words
    (:func:`tidings.events.acled.refine`), and their places by hierarchy mentions (in place);
    events still placed nowhere take the note's own place among ``places`` (the article's
    resolved places, :func:`tidings.geo.location_note.place_unplaced`)."""
    from tidings.events.acled import refine
    from tidings.events.acled_context import (
        drop_agreement_topics,
        fold_result_clauses,
        fold_tolls,
        share_interventions_near,
    )
    from tidings.nlp.model import doc_text

    events[:] = [e for e in events if isinstance(e, dict)]
    drop_agreement_topics(doc, events)
    fold_result_clauses(doc, events)
    fold_tolls(doc, events)
    for event in events:
        trigger, words = sentence_words(doc, event)
        size = event.get("size") or {}
        killed = size.get("killed") if isinstance(size, dict) else None
        event["acled"] = refine(
            event.get("acled"),
            str(event.get("type") or ""),
            [sectors.get(a) for a in event.get("actors") or []],
            [sectors.get(r) for r in event.get("recipients") or []],
            killed=killed if isinstance(killed, int) else None,
            status=str(event.get("status") or "completed"),
            trigger_cues=trigger,
            sentence_cues=words,
            phrase_cues=phrase_words(doc, event),
        )
    _share_interventions(events)
    share_interventions_near(doc, events)
    _share_crowd_violence(events, sectors)
    from tidings.events.acled_fallback import add_note_event

    add_note_event(doc, events, NOTE_CHARS)  # a note always reports an event
    # no readable gazetteer: events keep the places the parse gave them
    with contextlib.suppress(TidingsError, OSError, sqlite3.Error):
        place_events(doc_text(doc), events)
        from tidings.geo.gazetteer import load
        from tidings.geo.location_note import city_of_region

        city_of_region(doc_text(doc), events, load())
    if places and len(doc_text(doc)) <= NOTE_CHARS:
        from tidings.geo.location_note import place_unplaced

        place_unplaced(events, places, _sentences)


_INTERVENED = frozenset({"Protest with intervention", "Excessive force against protesters"})


def _share_interventions(events: list[dict[str, Any]]) -> None:
    """A protest told in the same sentence as the authorities' intervention in it ("police fired
    tear gas to disperse students protesting …") is coded as that intervention."""
    for event in events:
        row = event.get("acled") or {}
        if event.get("type") != "PROTEST" or row.get("sub_event_type") != "Peaceful protest":
            continue
        spans = set(_sentences(event))
        for other in events:
            found = other.get("acled") or {}
            if (
                other is not event
                and found.get("sub_event_type") in _INTERVENED
                and spans & set(_sentences(other))
            ):
                event["acled"] = dict(found)
                break


def _share_crowd_violence(events: list[dict[str, Any]], sectors: dict[str, str | None]) -> None:
    """An attack by nobody named, told in the same sentence as a riot ("a mob attacked a
    procession and set vehicles on fire"), is the rioters' violence: it takes the riot's coding."""
    riots = [e for e in events if (e.get("acled") or {}).get("event_type") == "Riots"]
    if not riots:
        return
    for event in events:
        row = event.get("acled") or {}
        if row.get("sub_event_type") != "Attack" or event.get("type") != "ASSAULT":
            continue
        if any(sectors.get(a) not in (None, "UNK") for a in event.get("actors") or []):
            continue
        spans = set(_sentences(event))
        for riot in riots:
            if spans & set(_sentences(riot)):
                event["acled"] = dict(riot["acled"])
                break
