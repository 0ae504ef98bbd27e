"""Handlers for expressions relative to the article date or the narrative: weekdays, "yesterday",
times of day, "last week", "the following month" (durations: :mod:`duration_rules`; references and
sets: :mod:`ref_rules`)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from tidings.time.context import (
    Context,
    Result,
    day_result,
    int_or_none,
    month_number,
    next_word,
    prev_word,
)
from tidings.time.duration_rules import dur_value
from tidings.time.lexicon import (
    DAY_PARTS,
    MONTH,
    SMALL_NUMBERS,
    UNITS,
    WEEKDAY,
    WEEKDAYS,
)
from tidings.time.normalize import (
    day_value,
    resolve_month_year,
    resolve_weekday,
    safe_date,
    shift_day,
    value_at_unit,
)


def weekday(m: re.Match[str], ctx: Context) -> Result | None:
    """E.g. "Friday", "last Tuesday", "Sunday morning", "Mondays" (a set)."""
    wd = WEEKDAYS[m["wd"].lower().rstrip(".")]
    rel = " ".join((m["rel"] or "").lower().split())
    part = m["part"]
    if not part and not m["plural"] and not rel:
        shared = _SHARED_PARTS.match(ctx.text, m.end())
        if shared:  # "on Monday and Tuesday nights": the plural part is said of both days
            return Result("SET", f"XXXX-WXX-{wd + 1}T{DAY_PARTS[shared['part'].lower()]}", None)
    if m["plural"] or m["parts"]:
        if rel:
            return None
        suffix = f"T{DAY_PARTS[part.lower()]}" if part else ""
        return Result("SET", f"XXXX-WXX-{wd + 1}{suffix}", None)  # "Mondays", "Tuesday nights"
    if rel in ("the", "the past", "the last", "the current", "the latest", "the recent", "the present"):
        return None
    if ctx.dct is None:
        value = f"XXXX-WXX-{wd + 1}"
        return Result(
            "TIME" if part else "DATE", value + (f"T{DAY_PARTS[part.lower()]}" if part else ""), "day"
        )
    if rel in ("last", "this past", "past", "previous", "the previous", "the preceding", "the prior"):
        anchor = ctx.dct if rel in ("last", "this past", "past", "previous") else ctx.ref_day or ctx.dct
        d = resolve_weekday(anchor, wd, "past", strict=True)
    elif rel in ("next", "this coming", "the coming", "coming"):
        d = resolve_weekday(ctx.dct, wd, "future", strict=True)
    elif rel in ("the following", "the next"):
        d = resolve_weekday(ctx.ref_day or ctx.dct, wd, "future", strict=True)
    elif rel == "that":
        d = resolve_weekday(ctx.ref_day or ctx.dct, wd, None)
    else:
        # "Wednesday's ruling" is a noun phrase: the clause's verb ("would appeal Wednesday's
        # ruling") says nothing about when the ruling was; the nearest day decides.
        possessive = not part and ctx.text.startswith(("'s", "’s"), m.end())
        d = resolve_weekday(ctx.dct, wd, None if possessive else ctx.direction(m.start(), m.end()))
    return day_result(d, part)


_SHARED_PARTS = re.compile(
    rf"\s{{1,3}}(?:and|or|&)\s{{1,3}}{WEEKDAY}\s{{1,3}}(?P<part>morning|afternoon|evening|night)s(?!\w)"
)

DAYREL = {
    "yesterday": -1,
    "today": 0,
    "tomorrow": 1,
    "tonight": 0,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
}


def dayrel(m: re.Match[str], ctx: Context) -> Result | None:
    """E.g. "yesterday", "today", "tomorrow", "tonight", "yesterday morning"."""
    w = " ".join(m["w"].lower().split())
    part = m["part"] or ("night" if w == "tonight" else None)
    if ctx.dct is None:
        return Result("TIME" if part else "DATE", None)
    return day_result(ctx.dct + timedelta(days=DAYREL[w]), part)


def partrel(m: re.Match[str], ctx: Context) -> Result | None:
    """E.g. "this morning", "last night", "that evening"."""
    rel = " ".join(m["rel"].lower().split())
    part = m["part"]
    if ctx.dct is None:
        return Result("TIME", None)
    if rel == "this":
        d = ctx.dct
    elif rel in ("last", "yesterday"):
        d = ctx.dct - timedelta(days=1)
    elif rel == "tomorrow":
        d = ctx.dct + timedelta(days=1)
    else:
        d = ctx.ref_day or ctx.dct
    return day_result(d, part)


def partday(m: re.Match[str], ctx: Context) -> Result | None:
    """E.g. "mid-afternoon" (of the day under discussion), "afternoon yesterday", "morning on Friday"."""
    part = m["part"]
    word = (m["w"] or "").lower().rstrip(".")
    if not word and not m["mid"]:
        return _narrative_part(m, ctx, part)  # a bare "morning" is left to the patterns naming the day
    if ctx.dct is None:
        return Result("TIME", None, mod="MID" if m["mid"] else None)
    if word in WEEKDAYS:
        d = resolve_weekday(ctx.dct, WEEKDAYS[word], ctx.direction(m.start(), m.end()))
    elif word:
        d = ctx.dct + timedelta(days=DAYREL[word])
    else:
        d = ctx.ref_day or ctx.dct
    found = day_result(d, part)
    if m["mid"]:
        found.mod = "MID"
    found.anchor = bool(word)
    return found


_IN_THE = re.compile(r"\b(?:in|during|by|throughout)\s{1,3}(?P<the>the)\s{1,3}$", re.IGNORECASE)


def _narrative_part(m: re.Match[str], ctx: Context, part: str) -> Result | None:
    """ "in the morning" in a past-tense narrative: that part of the day the text last named.

    Only when a day was named earlier in the text and the sentence tells what happened; "he
    works in the morning" (a habit) or a text naming no day is left alone.
    """
    before = _IN_THE.search(ctx.text, max(0, m.start() - 20), m.start())
    if before is None or ctx.ref_day is None or ctx.ref_day_end < 0:
        return None
    if (m.end() < len(ctx.text) and ctx.text[m.end()] in "-'’") or next_word(ctx, m.end()).lower() == "of":
        return None  # "in the morning's session", "in the morning of June 3" (found from the date)
    if ctx.direction(m.start(), m.end()) != "past":
        return None
    found = day_result(ctx.ref_day, part)
    found.start = before.start("the")
    found.anchor = False
    return found


_HOUR_WORDS = {word: n for word, n in SMALL_NUMBERS.items() if 1 <= n <= 12}


def time_rule(m: re.Match[str], ctx: Context) -> Result | None:
    """E.g. "2 a.m.", "2:30 local time", "noon", "5 p.m. EST Nov. 9", "9:15 on Monday"."""
    minute = 0
    precision = "minute"
    if m["nm"]:
        name = m["nm"].lower()
        if prev_word(ctx, m.start()) == "high":
            return None  # "high noon": a moment of confrontation (or a film), not a clock time
        hour = 24 if name == "midnight" else 12
    elif m["h"]:
        hour = int(m["h"])
        minute = int(m["mi"] or 0)
        ap = m["ap"].lower().replace(".", "").replace(" ", "")
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ap == "pm" else 0)
        precision = "minute" if m["mi"] else "hour"
    elif m["h2"]:
        hour, minute = int(m["h2"]), int(m["mi2"])
        if m["ap2"]:
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if m["ap2"].lower().startswith("p") else 0)
        elif hour > 24:
            return None
    elif m["h5"]:  # "0800 UTC"
        hour, minute = int(m["h5"]), int(m["mi5"])
    elif m["hw"]:
        hour = _HOUR_WORDS.get(m["hw"].lower()) or int_or_none(m["hw"]) or 0
        if not 1 <= hour <= 12:
            return None
        precision = "hour"
    else:
        hour = int(m["h4"])
        if not 1 <= hour <= 12:
            return None
        if m["part4"].lower() != "morning":
            hour = hour % 12 + 12
        precision = "hour"
    clock = f"T{hour:02d}:{minute:02d}"
    if m["tz"] and m["tz"].upper() in ("UTC", "GMT"):
        clock += "Z"
    day: date | None
    if m["day"]:
        word = m["day"].lower().rstrip(".")
        if ctx.dct is None:
            day = None
        elif word in WEEKDAYS:
            day = resolve_weekday(ctx.dct, WEEKDAYS[word], ctx.direction(m.start(), m.end()))
        else:
            day = ctx.dct + timedelta(days=DAYREL.get(word, 0))
    elif m["mon"]:
        month, mday = month_number(m["mon"]), int(re.sub(r"\D", "", m["md"]))
        if m["my"]:
            day = safe_date(int(m["my"]), month, mday)
        elif ctx.dct is None:
            return Result("TIME", f"XXXX-{month:02d}-{mday:02d}{clock}", precision, quantity=True)
        else:
            year = resolve_month_year(ctx.dct, month, mday, ctx.direction(m.start(), m.end()))
            day = safe_date(year, month, mday)
        if day is None:
            return None
    else:
        day = ctx.ref_day
    if day is None:
        return Result("TIME", f"XXXX-XX-XX{clock}", precision, quantity=True)
    return Result(
        "TIME", f"{day_value(day)}{clock}", precision, quantity=True, anchor=bool(m["day"] or m["mon"])
    )


_PAST_RELS = frozenset(
    {"last", "previous", "the previous", "the preceding", "the prior", "past", "this past"}
)
_NEXT_RELS = frozenset({"next", "coming", "the coming", "this coming"})
_REF_NEXT = frozenset({"the following", "the next"})
_REF_SAME = frozenset({"that", "the same", "that same", "the very same"})
_DUR_RELS = frozenset({"the past", "the last", "the recent", "recent"})
_CURRENT_RELS = frozenset({"this", "the current", "current", "the present", "the latest"})


_NAMED_DAYS = frozenset(w for w in WEEKDAYS if w.endswith("day")) | frozenset(
    {"yesterday", "today", "tomorrow"}
)


def relunit(m: re.Match[str], ctx: Context) -> Result | None:
    """E.g. "last week", "this year", "the next day", "the following week", "the past year" (a duration)."""
    rel = " ".join(m["rel"].lower().split())
    unit_word = m["u"].lower()
    yrel = (m["yrel"] or "").lower()
    end = None
    if yrel in ("before", "after") and rel in _PAST_RELS | _NEXT_RELS | {"this"}:
        # "met last week after holding talks": "after" starts a clause; the expression is "last week".
        yrel, end = "", m.end("u")
    if _is_title(ctx, m):
        return None  # ABC's "This Week": a programme's name
    if unit_word in DAY_PARTS:
        if rel not in _REF_NEXT | _REF_SAME | {"the previous", "the preceding", "the prior"}:
            return None
        if ctx.ref_day is None:
            return Result("TIME", None)
        shift = 1 if rel in _REF_NEXT else -1 if rel in ("the previous", "the preceding", "the prior") else 0
        return day_result(ctx.ref_day + timedelta(days=shift), unit_word)
    unit, _, mult = UNITS[unit_word]
    if unit_word == "fortnight":
        unit = "W"
    if unit == "W" and rel == "the" and not yrel:
        week_of = _week_of(m, ctx)
        if week_of is not None:
            return week_of
    if rel == "the" and next_word(ctx, m.end()).lower() in ("ended", "ending", "through", "to"):
        return Result("DURATION", dur_value(1, unit_word), None)  # "the year ended Sept. 30"
    if unit == "W" and rel == "the last" and not yrel and ctx.dct is not None:
        last_week = _last_week_of(m, ctx)
        if last_week is not None:
            return last_week
    if rel in _REF_SAME and not yrel and unit in ("D", "W", "M") and ctx.dct is not None:
        year_ago = _YEAR_AGO.match(ctx.text, m.end())
        if year_ago is not None:  # "the same month a year ago": the narrative's month, a year back
            d = shift_day(_narrative_anchor(ctx, unit), "Y", -1)
            return Result("DATE", *value_at_unit(d, unit), end=year_ago.end(), anchor=False)
    if rel in _DUR_RELS and not yrel:
        if unit == "WE":
            return None
        return Result("DURATION", dur_value(1, unit_word), None)
    if unit == "D" and rel == "the" and not yrel and next_word(ctx, m.end()).lower() in _NAMED_DAYS:
        return None  # "during the day Friday": the daytime of the day named next, which is the expression
    if unit == "D" and rel not in _REF_NEXT | _REF_SAME | {
        "the previous",
        "the preceding",
        "the prior",
        "the",
    }:
        return None
    if rel in ("the", "the latest") and not yrel and unit in ("DE", "CE"):
        return None
    dct = ctx.dct
    if dct is None:
        return Result("DATE", None)
    if (
        rel == "the"
        and yrel in ("before", "after")
        and unit == "D"
        and ctx.ref_day is not None
        and ctx.ref_day_end >= 0
        and ctx.text[ctx.ref_day_end : m.start()].strip() in (",", "--", "-", "—")
        and _STARTS_WORD.match(ctx.text, m.end())
    ):
        # "Oct. 12, the day before the crash": "before" introduces an event, not a time; the
        # expression is "the day", in apposition to the date just named.
        return Result("DATE", day_value(ctx.ref_day), "day", end=m.end("u"), anchor=False)
    ref = _narrative_anchor(ctx, unit)
    if unit == "D" and rel in _REF_SAME and not yrel and ctx.month_is_newer() and ctx.ref_month:
        # "last October … that same day": a day of the month the narrative is in.
        return Result("DATE", f"{ctx.ref_month[0]:04d}-{ctx.ref_month[1]:02d}-XX", "day", anchor=False)
    if unit == "WE" and rel == "the":
        ref = dct  # "over the weekend" is the weekend next to the article date
    shift = 0
    anchor_day = dct
    if yrel:
        anchor_day = ref
        shift = -mult if yrel in ("before", "earlier", "previous", "prior") else mult
    elif rel in _PAST_RELS:
        shift = -mult
        if rel.startswith("the "):
            anchor_day = ref
    elif rel in _NEXT_RELS:
        shift = mult
    elif rel in _REF_NEXT:
        anchor_day, shift = ref, mult
    elif rel in _REF_SAME or rel == "the":
        anchor_day = ref
    elif rel not in _CURRENT_RELS:
        return None
    # On a Sunday, "this week" is the one starting tomorrow (and "this weekend" the next one,
    # unless the sentence looks back).
    if (
        unit in ("W", "WE")
        and anchor_day == dct
        and dct.weekday() == 6
        and (unit == "W" or ctx.direction(m.start(), m.end()) != "past")
    ):
        anchor_day = dct + timedelta(days=1)
    if unit == "WE":
        d = shift_day(anchor_day, "W", shift)
        if not shift and rel not in _REF_SAME:
            direction = ctx.direction(m.start(), m.end())
            if direction == "past" and d.weekday() < 5:
                d -= timedelta(days=7)
        return Result("DATE", f"{value_at_unit(d, 'W')[0]}-WE", "week", end=end)
    d = shift_day(anchor_day, unit, shift)
    value, precision = value_at_unit(d, unit)
    return Result("DATE", value, precision, anchor=unit == "D", end=end)


def _is_title(ctx: Context, m: re.Match[str]) -> bool:
    """A capitalised "This Week" inside quotation marks in mid-sentence names a show or a column."""
    words = m.group().split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return False
    before = ctx.text[max(0, m.start() - 2) : m.start()]
    return bool(before) and before[-1] in "\"“'‘`"


_STARTS_WORD = re.compile(r"\s{1,3}[\w$'\"“]")
_WEEK_OF = re.compile(
    rf"\s{{1,3}}of\s{{1,3}}(?P<mon>{MONTH})\s{{1,3}}(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])"
    rf"(?:,?\s{{1,3}}(?P<y>(?:1[5-9]|20)\d\d)(?!\d))?"
)


_YEAR_AGO = re.compile(r"\s{1,3}(?:a\s{1,3}year\s{1,3}(?:ago|earlier|before)|last\s{1,3}year)(?!\w)", re.I)
_OF_MONTH = re.compile(rf"\s{{1,3}}of\s{{1,3}}(?P<mon>{MONTH})(?:,?\s{{1,3}}(?P<y>(?:1[5-9]|20)\d\d)(?!\d))?")


def _last_week_of(m: re.Match[str], ctx: Context) -> Result | None:
    """ "the last week of March": the (ISO) week holding the month's last days, the month included."""
    found = _OF_MONTH.match(ctx.text, m.end())
    if found is None or ctx.dct is None:
        return None
    month = month_number(found["mon"])
    if found["y"]:
        year = int(found["y"])
    else:
        year = resolve_month_year(ctx.dct, month, None, ctx.direction(m.start(), found.end()))
    last = shift_day(safe_date(year, month, 1) or ctx.dct, "M", 1) - timedelta(days=4)
    return Result("DATE", value_at_unit(last, "W")[0], "week", end=found.end())


def _week_of(m: re.Match[str], ctx: Context) -> Result | None:
    """ "the week of March 6": the (ISO) week holding that day, the date included in the span."""
    found = _WEEK_OF.match(ctx.text, m.end())
    if found is None:
        return None
    month, mday = month_number(found["mon"]), int(found["d"])
    if found["y"]:
        year = int(found["y"])
    elif ctx.dct is not None:
        year = resolve_month_year(ctx.dct, month, mday, ctx.direction(m.start(), found.end()))
    else:
        return Result("DATE", None, end=found.end())
    d = safe_date(year, month, mday)
    if d is None:
        return None
    return Result("DATE", value_at_unit(d, "W")[0], "week", end=found.end())


def _narrative_anchor(ctx: Context, unit: str) -> date:
    """The narrative's reference time at the granularity of ``unit``, as a day inside it.

    "that year", "the following year" follow the last year the text named even when no day was
    named since ("in June 1998 … later that year"); "that month" the last named month.
    """
    assert ctx.dct is not None
    day = ctx.ref_day or ctx.dct
    if unit in ("Y", "DE", "CE") and ctx.ref_year is not None and ctx.ref_year_end > ctx.ref_day_end:
        if (
            ctx.ref_month is not None
            and ctx.ref_month[0] == ctx.ref_year
            and ctx.ref_month_end >= ctx.ref_year_end
        ):
            return safe_date(ctx.ref_year, ctx.ref_month[1], 15) or day
        return safe_date(ctx.ref_year, 7, 1) or day
    if unit in ("M", "Q") and ctx.ref_month is not None and ctx.month_is_newer():
        return safe_date(ctx.ref_month[0], ctx.ref_month[1], 15) or day
    return day
