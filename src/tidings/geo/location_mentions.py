"""Place names the place stage missed, found where an event's parse expects a place.

The small English model often tags an unfamiliar town as a person or an organisation ("rebels
captured Birao", "patrolled Lhokseumawe", "outside the regional capital, Grozny"), and the place
stage keeps such names only in a few surface frames. Here a proper noun that the dependency parse
puts in the event's own locative slot (the object of "in/at/near", the captured or patrolled
place, the name of a "X crossing") is looked up in the gazetteer too. It is kept only when the
gazetteer knows it well: a name tagged as a person must be a sizeable town when it is the event's
object ("captured Morton" is a man, not the Illinois town).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tidings.geo.location_syntax import PLACE_NOUNS, relation
from tidings.nlp.model import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: NER labels a missed town may carry (or none at all).
_MISLABELS = frozenset({"PERSON", "ORG", "", "WORK_OF_ART", "PRODUCT", "EVENT", "FAC", "GPE", "LOC"})
_SLOT_ROLES = frozenset({"site", "patient", "near", "located"})
#: Last words of a named feature ("X Square", "X Palace", "X Strip"); not words that also end
#: organisations' names ("Front", "Center", "Bank").
_FEATURE_NOUNS = frozenset(
    {
        "square", "street", "road", "highway", "avenue", "bridge", "airport", "stadium", "school",
        "hospital", "mosque", "market", "palace", "university", "strip", "peninsula", "valley", "gorge",
        "mountains", "mountain", "camp", "crossing", "checkpoint", "junction", "prison", "hotel",
        "church", "temple", "shrine", "quarter", "district", "neighborhood", "neighbourhood", "village",
        "island", "islands", "lake", "river", "plateau", "desert", "heights", "pass", "canal", "port",
    }
)  # fmt: skip
#: Least population of the gazetteer town, by slot; a name tagged as a person needs more when it
#: is the event's object.
_MIN_POPULATION = {"site": 1_000, "near": 1_000, "patient": 5_000, "located": 5_000}
_PERSON_MIN_POPULATION = {"site": 1_000, "near": 1_000, "patient": 100_000, "located": 100_000}


def missed_places(
    doc: Doc, trigger: Token, sentence: tuple[int, int], places: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Resolved place dicts for proper nouns in the event's locative slots that ``places`` lacks."""
    covered = set()
    for place in places:
        try:
            covered.update(range(int(place["start"]), int(place["end"])))
        except (KeyError, TypeError, ValueError):
            continue
    found: list[tuple[int, int, str, bool, str]] = []  # start, end, text, named feature, role
    seen: set[int] = set()
    for token in trigger.sent:
        if token.i in seen or token.tag_ not in ("NNP", "NNPS") or token.idx in covered:
            continue
        if not sentence[0] <= token.idx < sentence[1]:
            continue
        start_tok, end_tok = _name_tokens(doc, token)
        seen.update(range(start_tok, end_tok))
        span = doc[start_tok:end_tok]
        if any(t.idx in covered for t in span) or span.root.ent_type_ not in _MISLABELS:
            continue
        if span[0].lower_ == "the" and len(span) > 1 and span[-1].lower_ in _FEATURE_NOUNS:
            span = span[1:]  # "the X Valley", "the X School"
        if span.text.isupper() or span[0].lower_ == "the" or sum(not t.is_punct for t in span) > 3:
            continue  # an acronym or a titled name ("the United Nations"): an organisation
        rel = relation(trigger, span.root)
        if rel.role not in _SLOT_ROLES or rel.clause > 1:
            continue
        if span.root.dep_ == "appos" and span.root.head.lower_ not in PLACE_NOUNS:
            continue  # "Alwahabi, aka Halawa,": another name of a person
        # a named feature ("X Square", "the X hospital") is a place even when the gazetteer lacks it;
        # a name qualifying a place noun ("the X crossing") is one if the gazetteer knows it
        feature = (span[-1].lower_ in _FEATURE_NOUNS and len(span) > 1) or named_by_noun(span.root)
        found.append((span.start_char, span.end_char, span.text, feature, rel.role))
    if not found:
        return []
    from tidings.geo import resolve_spans
    from tidings.geo.resolve import Mention

    mentions = [Mention(s, e, text, "PROPN", strong=feature) for s, e, text, feature, _ in found]
    # the sentence's other places as context: "X Square in nearby Y" is placed in Y
    mentions += [
        Mention(int(p["start"]), int(p["end"]), str(p.get("text") or ""), p.get("label"))
        for p in places
        if isinstance(p.get("start"), int) and sentence[0] <= p["start"] < sentence[1] and p.get("text")
    ]
    roles = {
        (s, e): (role, doc.char_span(s, e, alignment_mode="expand"), feature)
        for s, e, _, feature, role in found
    }
    out = []
    for place in resolve_spans(doc_text(doc), mentions):
        role, span, feature = roles.get((int(place["start"]), int(place["end"])), (None, None, False))
        if role is None or span is None:
            continue
        table = _PERSON_MIN_POPULATION if span.root.ent_type_ == "PERSON" else _MIN_POPULATION
        if not feature and not _sizeable(place, table[role]):
            continue
        out.append(
            {**place, "label": "PROPN", "reason": place.get("reason") or "found in the event's locative slot"}
        )
    return out


#: Nouns that make the name qualifying them, or named after "the … of", a place: "the X outpost",
#: "X villages", "the towns of A and B".
_NAMING_NOUNS = _FEATURE_NOUNS | frozenset(
    {"town", "towns", "villages", "city", "outpost", "settlement", "settlements", "neighborhoods",
     "neighbourhoods", "districts", "suburb", "hamlet", "hamlets"}
)  # fmt: skip
_OF_NOUNS = frozenset(
    {"town", "towns", "village", "villages", "city", "cities", "district", "districts", "hamlet",
     "hamlets", "settlement", "settlements", "neighborhood", "neighborhoods", "neighbourhood",
     "neighbourhoods", "suburb", "suburbs", "province", "region", "governorate", "county", "area"}
)  # fmt: skip


def named_by_noun(token: Token) -> bool:
    """Whether a proper noun is named as a place by a place noun it qualifies or follows: "the X
    outpost", "X and Y villages", "the town of X", "the towns of X and Y" (an unknown name too)."""
    for _ in range(4):
        head = token.head
        if token.dep_ in ("compound", "nmod", "amod") and head.lower_ in _NAMING_NOUNS:
            return True
        if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in _OF_NOUNS:
            return True
        if any(c.dep_ == "conj" and c.lower_ in _NAMING_NOUNS and c.i > token.i for c in token.children):
            return True  # "the X and Y villages": X is the first of the named places
        if token.dep_ != "conj" or head.i == token.i:
            return False
        token = head  # "the towns of X and Y": Y is named like X
    return False


def _name_tokens(doc: Doc, token: Token) -> tuple[int, int]:
    """The proper-noun name around ``token``: its entity, or its run of capitalised tokens."""
    if token.ent_type_:
        for ent in doc.ents:
            if ent.start <= token.i < ent.end:
                return ent.start, ent.end
    start = token.i
    while (
        start > token.sent.start
        and doc[start - 1].tag_ in ("NNP", "NNPS", "HYPH")
        and not doc[start - 1].ent_type_
    ):
        start -= 1
    end = token.i + 1
    while end < token.sent.end and doc[end].tag_ in ("NNP", "NNPS", "HYPH") and not doc[end].ent_type_:
        end += 1
    while start < end and doc[start].tag_ == "HYPH":
        start += 1
    while end > start and doc[end - 1].tag_ == "HYPH":
        end -= 1
    return start, end


def _sizeable(place: dict[str, Any], least: int) -> bool:
    """Whether the gazetteer entry is a town of at least ``least`` people (or a wider area)."""
    if not place.get("resolved"):
        return False
    if place.get("precision") in ("country", "admin1", "continent"):
        return True
    from tidings.geo.gazetteer import load

    entry = load().place(int(place["geonameid"])) if place.get("geonameid") else None
    return entry is not None and int(entry.population or 0) >= least
