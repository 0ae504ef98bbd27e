"""Trigger compatibility: a light derivational stemmer and groups of news-event synonyms.

The stemmer strips common English derivational and inflectional endings so that nominalisations
and verb forms meet (``arrest``/``arrested``, ``shooting``/``shoot``, ``election``/``elect``,
``killing``/``kill``, ``announcement``/``announce``). The synonym groups are general newswire
vocabulary for kinds of happenings (written from PLOVER's event categories and common usage, not
from any evaluation text); a word may sit in several groups.
"""

from __future__ import annotations

from functools import lru_cache

_SUFFIXES = (
    "ations", "ation", "itions", "ition", "ments", "ment", "ings", "ing", "ions", "ion", "ees", "ee",
    "ates", "ate", "ers", "er",
    "ors", "or", "als", "al", "ies", "ied", "ed", "es", "s", "e", "y",
)  # fmt: skip

_GROUPS = (
    "kill slay murder assassinate execute death die dead fatality homicide slaying killing murder",
    "shoot shooting gunfire gunshot fire",
    "attack assault strike raid ambush offensive",
    "bomb bombing blast explosion explode detonate",
    "arrest detain apprehend capture custody nab seize",
    "charge indict accuse prosecute",
    "convict sentence jail imprison",
    "injure wound hurt injury",
    "earthquake quake tremor temblor shake",
    "fire blaze inferno burn",
    "crash collide collision wreck",
    "resign quit step resignation leave",
    "appoint name nominate choose pick select hire tap",
    "fire dismiss sack oust",
    "elect win victory vote election",
    "acquire buy purchase acquisition takeover",
    "merge merger",
    "announce unveil reveal introduce launch release",
    "say state tell announce report comment remark statement",
    "sign agree agreement deal treaty accord",
    "protest demonstrate demonstration rally march",
    "meet meeting talk summit",
    "visit trip tour",
    "die pass death",
    "rescue save",
    "flee escape",
    "sink capsize",
    "hijack seize",
    "kidnap abduct abduction",
    "steal rob robbery theft",
    "leave exit depart",
    "spill leak",
    "strike hit",
    "sue lawsuit suit",
    "ban prohibit",
    "release free",
    "win victory beat defeat triumph",
    "lose loss defeat",
    "foil thwart prevent stop avert",
    "discover find uncover",
    "keep retain",
    "flee run escape",
    "issue release publish",
    "die death dead fatal",
    "suicide hang",
    "fire layoff dismiss",
    "replace succeed",
    "hire sign recruit",
    "announce confirm",
)

#: Verbs and nouns of saying: a report of a happening, rarely the same act across articles.
_SPEECH = """say tell state report announce comment add claim confirm deny explain note remark reply
    respond statement write tweet post describe insist warn"""
SPEECH = frozenset(_SPEECH.split())


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude derivational stem of a lower-case lemma (at least three letters are kept)."""
    word = word.lower()
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]  # shipping → shipp → ship
    return word


def _index() -> dict[str, frozenset[str]]:
    index: dict[str, set[str]] = {}
    for group in _GROUPS:
        members = set(group.split())
        for word in members:
            index.setdefault(word, set()).update(members - {word})
    return {word: frozenset(others) for word, others in index.items()}


_SYNONYMS = _index()


def synonyms(lemma: str) -> frozenset[str]:
    """Words in a synonym group with ``lemma`` (not ``lemma`` itself; empty when unknown)."""
    return _SYNONYMS.get(lemma.lower(), frozenset())
