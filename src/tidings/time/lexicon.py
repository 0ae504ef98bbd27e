"""Word lists and regular-expression building blocks for English time expressions.

Everything here is an immutable module constant: the extractor is a pure function of its input.
The regex fragments are written so that every repetition is bounded by a literal word, which keeps
matching linear in the length of the text (no nested unbounded quantifiers).
"""

from __future__ import annotations

import re
from types import MappingProxyType

MONTHS = MappingProxyType(
    {
        "january": 1,
        "jan": 1,
        "february": 2,
        "feb": 2,
        "march": 3,
        "mar": 3,
        "april": 4,
        "apr": 4,
        "may": 5,
        "june": 6,
        "jun": 6,
        "july": 7,
        "jul": 7,
        "august": 8,
        "aug": 8,
        "september": 9,
        "sept": 9,
        "sep": 9,
        "october": 10,
        "oct": 10,
        "november": 11,
        "nov": 11,
        "december": 12,
        "dec": 12,
    }
)

WEEKDAYS = MappingProxyType(
    {
        "monday": 0,
        "mon": 0,
        "tuesday": 1,
        "tues": 1,
        "tue": 1,
        "wednesday": 2,
        "wed": 2,
        "thursday": 3,
        "thurs": 3,
        "thur": 3,
        "thu": 3,
        "friday": 4,
        "fri": 4,
        "saturday": 5,
        "sat": 5,
        "sunday": 6,
        "sun": 6,
    }
)

#: TIMEX3 codes of the parts of a day.
DAY_PARTS = MappingProxyType(
    {
        "morning": "MO",
        "afternoon": "AF",
        "evening": "EV",
        "night": "NI",
        "overnight": "NI",
        "midday": "MI",
        "daytime": "DT",
        "dawn": "MO",
        "daybreak": "MO",
        "dusk": "EV",
        "nightfall": "EV",
    }
)

SEASONS = MappingProxyType({"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"})

_SMALL = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
#: Number words up to nineteen, and the tens, with their values.
SMALL_NUMBERS = MappingProxyType(_SMALL)
TENS = MappingProxyType(_TENS)
#: Number words that stand for a vague quantity (TIMEX3 writes them as ``X``).
VAGUE = frozenset({"several", "few", "a few", "some", "many", "numerous"})

ORDINALS = MappingProxyType(
    {
        "first": 1,
        "1st": 1,
        "second": 2,
        "2nd": 2,
        "third": 3,
        "3rd": 3,
        "fourth": 4,
        "4th": 4,
        "fifth": 5,
        "5th": 5,
        "sixth": 6,
        "6th": 6,
        "seventh": 7,
        "7th": 7,
        "eighth": 8,
        "8th": 8,
        "ninth": 9,
        "9th": 9,
        "tenth": 10,
        "10th": 10,
        "eleventh": 11,
        "twelfth": 12,
        "thirteenth": 13,
        "fourteenth": 14,
        "fifteenth": 15,
        "sixteenth": 16,
        "seventeenth": 17,
        "eighteenth": 18,
        "nineteenth": 19,
        "twentieth": 20,
        "twenty-first": 21,
        "thirtieth": 30,
    }
)

#: Duration units → (TIMEX3 letter, is a time unit needing the ``T`` designator, multiplier).
UNITS = MappingProxyType(
    {
        "second": ("S", True, 1),
        "sec": ("S", True, 1),
        "minute": ("M", True, 1),
        "min": ("M", True, 1),
        "hour": ("H", True, 1),
        "hr": ("H", True, 1),
        "day": ("D", False, 1),
        "night": ("D", False, 1),
        "week": ("W", False, 1),
        "fortnight": ("W", False, 2),
        "month": ("M", False, 1),
        "quarter": ("Q", False, 1),
        "year": ("Y", False, 1),
        "yr": ("Y", False, 1),
        "decade": ("DE", False, 1),
        "century": ("CE", False, 1),
        "centurie": ("CE", False, 1),
        "millennium": ("L", False, 1),
        "millennia": ("L", False, 1),
        "weekend": ("WE", False, 1),
    }
)

DECADE_WORDS = MappingProxyType(
    {
        "twenties": 2,
        "thirties": 3,
        "forties": 4,
        "fifties": 5,
        "sixties": 6,
        "seventies": 7,
        "eighties": 8,
        "nineties": 9,
    }
)


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text`` as a frozenset (for word lists in source)."""
    return frozenset(text.split())


def words_to_number(phrase: str) -> float | None:
    """``"twenty four"`` → 24, ``"a dozen"`` → 12, ``"1.5"`` → 1.5; vague words and failures → None."""
    p = " ".join(phrase.lower().replace("-", " ").split())
    if not p:
        return None
    p = p.replace(",", "")
    for half in (" and a half", " 1/2", "½"):
        if p.endswith(half) and p != half.strip():
            whole = words_to_number(p[: -len(half)])
            return None if whole is None else whole + 0.5
    try:
        return float(p)
    except ValueError:
        pass
    if p in ("a", "an", "one", "a single", "single"):
        return 1.0
    if p in ("a dozen", "dozen", "one dozen"):
        return 12.0
    if p in ("a couple", "a couple of", "couple", "couple of"):
        return 2.0  # TimeML reads "a couple of years" as two years
    if p in ("half a", "half an", "a half"):
        return 0.5
    if p.startswith(("a hundred", "one hundred")):
        return 100.0
    if p in ("a thousand", "one thousand"):
        return 1000.0
    total = 0
    for part in p.split():
        if part == "and":
            continue
        if part in _SMALL:
            total += _SMALL[part]
        elif part in _TENS:
            total += _TENS[part]
        elif part == "hundred":
            total = max(total, 1) * 100
        elif part == "thousand":
            total = max(total, 1) * 1000
        else:
            return None
    return float(total)


def _alt(words: list[str] | tuple[str, ...] | frozenset[str]) -> str:
    """A non-capturing alternation, longest words first (so ``Sept`` beats ``Sep``)."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


# -- regex fragments (used by extract.py inside patterns compiled with re.IGNORECASE) -----------------

#: Month names must be capitalised (``may`` is a modal verb, ``march`` a verb); abbreviations may
#: carry a dot.
MONTH = (
    "(?-i:(?:January|February|March|April|May|June|July|August|September|October|November|December"
    "|JANUARY|FEBRUARY|MARCH|APRIL|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER"
    r"|Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.|Jul\.|Aug\.?|Sept\.?|Sep\.|Oct\.?|Nov\.?|Dec\.?)(?![a-z]))"
)
WEEKDAY = (
    "(?-i:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY|Tues\.|Wed\.|Thurs\.|Fri\.)(?![a-z]))"
)
DAYPART = r"(?:morning|afternoon|evening|night|overnight)"
SEASON = r"(?:spring|summer|fall|autumn|winter)"
_UNIT_WORDS = r"(?:a|one|two|three|four|five|six|seven|eight|nine)"
_TEEN_WORDS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENS_WORDS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
NUMWORD = (
    rf"(?:{_TENS_WORDS}(?:[\s-]{{1,3}}(?:one|two|three|four|five|six|seven|eight|nine)\b)?"
    rf"|{_TEEN_WORDS}|one|two|three|four|five|six|seven|eight|nine"
    r"|(?:a|one)\s{1,3}(?:hundred|thousand)|a\s{1,3}dozen|dozen|(?:a\s{1,3})?couple(?:\s{1,3}of)?"
    r"|a\s{1,3}few|few|several|some|many|numerous|half\s{1,3}an?|a\s{1,3}half|a\s{1,3}single|an?)"
)
DIGITS = r"(?:\d{1,3}(?:,\d{3}){0,3}(?:\.\d{1,3})?)"
NUMBER = rf"(?:{DIGITS}|{NUMWORD})(?:\s{{1,3}}and\s{{1,3}}a\s{{1,3}}half|\s{{1,3}}1/2|\s?½)?(?![\w/])"
UNIT = (
    r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|fortnights?|months?"
    r"|quarters?|years?|yrs?|decades?|century|centuries|millennium|millennia|weekends?)(?![\w])"
)
ORDINAL = _alt(tuple(ORDINALS))
