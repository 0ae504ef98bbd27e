"""Name forms for gazetteer keys: one normalisation used both when the gazetteer is built and when
a name from the text is looked up.

``normalize("Al-Najaf")`` → ``"al najaf"``; :func:`variants` adds the forms a name is also written
in ("najaf" without the Arabic article, "saint" ↔ "st"), and :func:`skeleton` a coarse
transliteration-insensitive key ("Qandahar" and "Kandahar" share one) used only as a last resort.
"""

from __future__ import annotations

import re
import unicodedata

#: Longest name (in characters) that is ever looked up; longer strings are not place names.
MAX_NAME = 80

_APOSTROPHES = "'’‘`´ʼʻʿʾ"
_DASHES = "-‐‑‒–—―"
#: Arabic definite article in its assimilated forms ("al-", "el-", "ad-", "as-", "an-" …).
_ARTICLE = re.compile(r"^(?:al|el|ul|ad|ed|an|en|ar|er|as|es|at|et|az|ash|sh|ath|adh|dh)\s+(?=\w{3})")
_SAINT = re.compile(r"\b(?:saint|sankt|st|ste|sainte)\b")
_MOUNT = re.compile(r"\b(?:mount|mt)\b")
_FORT = re.compile(r"\b(?:fort|ft)\b")
#: Generic words that follow a name ("Diyala province", "Orange County").
ADMIN_WORDS = frozenset(
    {
        "province",
        "governorate",
        "state",
        "county",
        "district",
        "region",
        "oblast",
        "prefecture",
        "department",
        "municipality",
        "parish",
        "territory",
        "emirate",
        "division",
        "canton",
        "krai",
        "republic",
        "wilaya",
        "subdistrict",
        "borough",
        "shire",
    }
)
CITY_WORDS = frozenset({"city", "town", "village", "township", "capital"})
_SUFFIX = re.compile(r"\s+(?:" + "|".join(sorted(ADMIN_WORDS | CITY_WORDS)) + r")$")
_PREFIX_OF = re.compile(
    r"^(?:(?:" + "|".join(sorted(ADMIN_WORDS | CITY_WORDS)) + r"|city|state|republic|kingdom) of\s+)"
)


_TRANSLATE = str.maketrans(
    {
        **dict.fromkeys(_APOSTROPHES + ".", ""),
        **dict.fromkeys(_DASHES, " "),
        "ß": "ss",
        "ø": "o",
        "æ": "ae",
        "ł": "l",
        "đ": "d",
        "ı": "i",
        "_": " ",
    }
)
_NON_WORD = re.compile(r"\W+", re.UNICODE)
_ARTICLE_HEADS = frozenset(("al", "el", "ul", "ad", "ed", "an", "en", "ar", "er", "as", "es", "at", "et",
                            "az", "ash", "sh", "ath", "adh", "dh"))  # fmt: skip


def strip_accents(text: str) -> str:
    """``text`` without combining marks (``"Baghdād"`` → ``"Baghdad"``); other scripts are kept."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalize(name: str) -> str:
    """The lookup key of a name: lower case, no accents, apostrophes, dots or hyphens."""
    if not name:
        return ""
    text = strip_accents(name[: MAX_NAME * 2]).casefold().translate(_TRANSLATE)
    if text.isalnum():
        return text
    return " ".join(_NON_WORD.sub(" ", text).split())


def variants(key: str) -> list[str]:
    """Other keys a normalised name is also found under (first = ``key`` itself)."""
    out = [key]
    if key.startswith("the "):
        out.append(key[4:])
    for form in list(out):
        head, _, rest = form.partition(" ")
        if head in _ARTICLE_HEADS and len(rest) >= 3:
            out.append(rest)
    if " " not in key and not key.startswith(("st", "mt", "ft", "fort", "mount", "sa")):
        return out
    for form in list(out):
        for pattern, repl in ((_SAINT, "st"), (_MOUNT, "mount"), (_FORT, "fort")):
            value = pattern.sub(repl, form)
            if value not in out:
                out.append(value)
    return out


def strip_generic(key: str) -> tuple[str, str | None]:
    """``("diyala", "province")`` for ``"diyala province"``; ``(key, None)`` when no generic word."""
    match = _SUFFIX.search(key)
    if match and match.start() > 0:
        return key[: match.start()], match.group(0).strip()
    match = _PREFIX_OF.match(key)
    if match and match.end() < len(key):
        word = match.group(0).split()[0]
        return key[match.end() :], word
    return key, None


_SKELETON_RULES = (
    ("kh", "k"),
    ("gh", "g"),
    ("dh", "d"),
    ("th", "t"),
    ("sh", "s"),
    ("ch", "c"),
    ("ph", "f"),
    ("q", "k"),
    ("c", "k"),
    ("z", "s"),
    ("w", "v"),
)


def skeleton(key: str) -> str:
    """A coarse key: Arabic article, vowels after the first letter and doubled letters removed,
    common transliteration pairs merged (``"qandahar"`` and ``"kandahar"`` → ``"kndhr"``-like)."""
    key = _ARTICLE.sub("", key)
    if not key.isascii():
        return ""
    out = []
    for word in key.split():
        for a, b in _SKELETON_RULES:
            word = word.replace(a, b)
        head, tail = word[:1], re.sub(r"[aeiou]", "", word[1:])
        word = re.sub(r"(.)\1+", r"\1", head + tail)
        out.append(word)
    return " ".join(out)
