"""Handlers for amounts of time: "three years", "the past two weeks", "two days ago", "for years",
"a day-long meeting", and the TIMEX3 duration values they take."""

from __future__ import annotations

import re

from tidings.time.context import (
    BARE_PREPS,
    Context,
    Result,
    prev_word,
    shift_quarter,
    unit_of,
)
from tidings.time.lexicon import (
    VAGUE,
    words,
    words_to_number,
)
from tidings.time.normalize import (
    day_value,
    duration_value,
    shift_day,
    value_at_unit,
)


def dur_value(amount: float | None, unit_word: str) -> str:
    unit, is_time, mult = unit_of(unit_word)
    if unit in ("DE", "CE"):
        factor = 10 if unit == "DE" else 100
        return duration_value(None if amount is None else amount * factor, "Y", False)
    if amount is not None and amount != int(amount):
        mixed = _mixed_units(amount * mult, unit, is_time)
        if mixed is not None:
            return mixed
    return duration_value(None if amount is None else amount * mult, unit, is_time)


#: The next smaller unit and how many of it make one: a fraction is written in whole smaller units.
_SMALLER = {("Y", False): ("M", 12), ("M", False): ("D", 30), ("W", False): ("D", 7), ("D", False): ("H", 24)}
_SMALLER_TIME = {"H": ("M", 60), "M": ("S", 60)}


def _mixed_units(amount: float, unit: str, is_time: bool) -> str | None:
    """``2.5`` years → ``P2Y6M``, ``5.5`` hours → ``PT5H30M`` (as "an hour and a half"); None if inexact."""
    smaller = _SMALLER_TIME.get(unit) if is_time else _SMALLER.get((unit, False))
    if smaller is None:
        return None
    small_unit, factor = smaller
    whole = int(amount)
    rest = round((amount - whole) * factor, 6)
    if rest != int(rest):
        return None
    if small_unit == "H":  # days and hours: "P2DT12H"
        return f"P{whole}DT{int(rest)}H" if whole else f"PT{int(rest)}H"
    head = f"{whole}{unit}" if whole else ""
    return f"PT{head}{int(rest)}{small_unit}" if is_time else f"P{head}{int(rest)}{small_unit}"


_QUANTITY_BEFORE = re.compile(
    r"(?:\d(?:[\d,.]*\d)?\s{0,2}(?:%|percent|million|billion|trillion|thousand|cents?|dollars?|pounds|euros"
    r"|barrels|tons|miles|hundred)?|\b(?:million|billion|thousand|hundred|dozen|cents|dollars|percent)"
    r"|(?:\d[\d,.]*|\b(?:two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|hundreds|thousands"
    r"|dozens|millions))\s{1,3}(?:[a-z]{2,15}\s{1,3})?[a-z]{2,15}s)\s{1,3}$",
    re.IGNORECASE,
)


def _after_a_quantity(ctx: Context, start: int) -> bool:
    """Whether "a day" at ``start`` follows an amount ("$5 million", "300 cars", "hundreds of interviews")."""
    if _QUANTITY_BEFORE.search(ctx.text, max(0, start - 40), start):
        return True
    if ctx.doc is None:
        return False
    token = ctx.doc.char_span(start, start + 1, alignment_mode="expand")
    if token is None or token.start == 0:
        return False
    before = ctx.doc[token.start - 1]
    return before.tag_ == "NNS"


def _and_a_half(unit_word: str) -> str:
    """ "an hour and a half" → ``PT1H30M``; "a year and a half" → ``P1Y6M`` (whole smaller units)."""
    unit, is_time, mult = unit_of(unit_word)
    smaller = {"H": "30M", "M": "30S" if is_time else "15D", "Y": "6M", "D": "T12H", "DE": None, "CE": None}
    if unit in ("DE", "CE"):
        return duration_value(15 if unit == "DE" else 150, "Y", False)
    if unit in smaller and smaller[unit] is not None:
        number = f"{mult}{unit}{smaller[unit]}"
        return f"PT{number}" if is_time else f"P{number}"
    return duration_value(1.5 * mult, unit, is_time)


#: Subjects and modals before an adverbial "one day" ("she could one day lead the party").
_BEFORE_SOMEDAY = words(
    """
    i you he she we they it will would could might may can shall should must also still
    """
)
_SET_BEFORE = re.compile(r"(?:\b(?:once|twice|thrice|\w{1,12}\s{1,3}times)\s{1,3})$", re.IGNORECASE)


def dur(m: re.Match[str], ctx: Context) -> Result | None:
    """E.g. "three years", "24-hour", "the past two weeks", "two days ago", "twice a week"."""
    n_raw = " ".join(m["n"].lower().split())
    unit_word = m["u"].lower()
    unit, is_time, mult = unit_of(unit_word)
    amount = None if n_raw in VAGUE else words_to_number(n_raw)
    plural = unit_word.endswith("s") and unit_word not in ("hrs", "secs", "mins", "yrs")
    if m["half"]:
        if plural or amount is None or amount != 1:
            return None
        return Result("DURATION", _and_a_half(unit_word), None, end=m.end("half"), quantity=True)
    if amount is None and n_raw not in VAGUE:
        return None
    if n_raw in VAGUE and not plural and ctx.text[m.end("n") : m.start("u")] != "-":
        return None  # "several year" is not an expression; "a several-year tenure" is
    if n_raw in ("a", "an") and plural:
        return None
    if m["long"] and "old" in m["long"].lower():
        return None  # "a 10-year-old": an age
    if re.match(r"-(?:earlier|ago|before)\b", ctx.text[m.end("u") : m.end("u") + 8], re.IGNORECASE):
        return None  # "a year-earlier period" is a date, found from "year"
    after = ctx.text[m.end() : m.end() + 4]
    if unit == "Q" and not m["more"] and n_raw not in VAGUE and re.match(r"\s{1,3}of", after):
        return None  # "three quarters of the vote" is a fraction; "several quarters of losses" is time
    if n_raw in ("a", "an", "a single") and unit_word in ("second", "minute", "quarter"):
        return None
    if n_raw == "second" or re.fullmatch(r"\d+(?:st|nd|rd|th)", n_raw):
        return None
    someday = n_raw == "one" and unit_word == "day" and not m["dir"]
    if someday and prev_word(ctx, m.start()) in _BEFORE_SOMEDAY:
        return None  # "he hopes he will one day fly": "some day", an indefinite time, not an amount
    direction = " ".join((m["dir"] or "").lower().split())
    rel = (m["rel"] or "").lower()
    unit_end = m.end("long") if m["long"] else m.end("u")
    if m["orso"]:
        unit_end = m.end("orso")
    starts_with_number = not rel
    set_prefix = _SET_BEFORE.search(ctx.text, max(0, m.start() - 20), m.start())
    if set_prefix and n_raw in ("a", "an") and not direction:
        return Result("SET", dur_value(1, unit_word), None, start=set_prefix.start(), end=unit_end)
    if n_raw in ("a", "an") and not direction and not m["more"] and _after_a_quantity(ctx, m.start()):
        # "$2 million a year", "300 cars a day", "24 hours a day": "a" means "each" — a set.
        return Result("SET", dur_value(1, unit_word), None, end=unit_end)
    mod = "APPROX" if m["orso"] else None  # "a week or so ago"
    if direction in ("ago", "earlier", "later", "from now", "hence", "previously", "back"):
        shifted = _shifted(ctx, amount, unit, mult, is_time, direction)
        shifted.mod = mod
        return shifted
    return Result(
        "DURATION", dur_value(amount, unit_word), None, mod=mod, end=unit_end, quantity=starts_with_number
    )


def _shifted(
    ctx: Context, amount: float | None, unit: str, mult: int, is_time: bool, direction: str
) -> Result:
    past = direction in ("ago", "earlier", "previously", "back")
    if amount is None:
        return Result("DATE", "PAST_REF" if past else "FUTURE_REF", None, quantity=True)
    if ctx.dct is None:
        return Result("DATE", None, quantity=True)
    anchor = ctx.dct if direction in ("ago", "from now", "hence", "back") else ctx.ref_day or ctx.dct
    steps = round(amount * mult) * (-1 if past else 1)
    if is_time:
        return Result("DATE", day_value(anchor), "day", quantity=True, anchor=False)
    if unit in ("DE", "CE"):
        d = shift_day(anchor, "Y", steps * (10 if unit == "DE" else 100))
        return Result("DATE", f"{d.year:04d}", "year", quantity=True, anchor=False)
    if unit == "Y" and abs(steps) == 1 and ctx.report_quarter and direction in ("ago", "earlier"):
        yq = shift_quarter(ctx.report_quarter, -4)
        return Result("DATE", f"{yq[0]}-Q{yq[1]}", "quarter", quantity=True, anchor=False)
    d = shift_day(anchor, unit if unit != "WE" else "W", steps)
    if unit == "D" or (unit == "W" and (abs(steps) == 1 or direction in ("earlier", "later", "previously"))):
        return Result("DATE", day_value(d), "day", quantity=True)
    value, precision = value_at_unit(d, unit)
    return Result("DATE", value, precision, quantity=True, anchor=False)


def bare(m: re.Match[str], ctx: Context) -> Result | None:
    """E.g. "for years", "in recent months", "decades-long", "weeks ago", "months ahead"."""
    unit_word = m["u"].lower()
    rel = " ".join((m["rel"] or "").lower().split())
    direction = (m["dir"] or "").lower()
    if direction in ("ago", "earlier", "back"):
        return Result("DATE", "PAST_REF", None)
    if direction == "later":
        return Result("DATE", "FUTURE_REF", None)
    if rel in ("recent", "the recent"):
        return Result("DATE", "PAST_REF", None, anchor=False)
    if rel in ("coming", "the coming"):
        return Result("DATE", "FUTURE_REF", None, anchor=False)
    if rel == "the early" and _OF_AFTER.match(ctx.text, m.end("u")):
        return None  # "the early hours of Thursday", "the early years of the war": a part, not an amount
    if rel == "the":
        # "over the years", "in the months that followed": a vague stretch of time; "in the
        # weeks before the shooting" is anchored on an event and left alone.
        if direction or m["long"]:
            return None
        if prev_word(ctx, m.start()) not in _STRETCH_PREPS and not _STRETCH_AFTER.match(ctx.text, m.end("u")):
            return None
        return Result("DURATION", dur_value(None, unit_word), None, end=m.end("u"), anchor=False)
    if m["long"]:
        return Result("DURATION", dur_value(None, unit_word), None)  # "decades-long"
    if not rel and prev_word(ctx, m.start()) not in BARE_PREPS and direction not in ("ahead",):
        return None
    return Result("DURATION", dur_value(None, unit_word), None, end=m.end("u"))


_OF_AFTER = re.compile(r"\s{1,3}of\b", re.IGNORECASE)
_STRETCH_PREPS = frozenset({"over", "through", "throughout", "during"})
_STRETCH_AFTER = re.compile(r"\s{1,3}(?:that|which)\s{1,3}followed\b|\s{1,3}to\s{1,3}come\b", re.IGNORECASE)


def unitlong(m: re.Match[str], ctx: Context) -> Result | None:
    """E.g. "a day-long meeting", "a year-long inquiry": one unit."""
    return Result("DURATION", dur_value(1, m["u"]), None)
