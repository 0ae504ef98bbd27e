"""Handlers for calendar expressions: dates, months, years, decades, seasons, quarters, holidays."""

from __future__ import annotations

import re
from types import MappingProxyType

from tidings.time.context import (
    MONTH_PREPS,
    SEASON_PREPS,
    YEAR_PREPS,
    Context,
    Result,
    century_year,
    int_or_none,
    month_number,
    next_word,
    prev_word,
    shift_quarter,
)
from tidings.time.lexicon import MONTH, MONTHS, ORDINALS, SEASONS, TENS, WEEKDAYS, words, words_to_number
from tidings.time.normalize import (
    day_value,
    decade_value,
    holiday,
    month_value,
    quarter_of,
    resolve_month_year,
    safe_date,
)


def iso(m: re.Match[str], ctx: Context) -> Result | None:
    """E.g. "2021-11-07", "2021-11-07T02:30"."""
    d = safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    if d is None:
        return None
    if m["h"]:
        return Result("TIME", f"{day_value(d)}T{m['h']}:{m['mi']}", "minute")
    return Result("DATE", day_value(d), "day")


def numdate(m: re.Match[str], ctx: Context) -> Result | None:
    """E.g. "11/07/2021" (US order; day first when the first number cannot be a month)."""
    a, b = int(m["a"]), int(m["b"])
    month, day = (a, b) if a <= 12 else (b, a)
    year = int(m["y"])
    if len(m["y"]) == 2:
        year = century_year(year, ctx.dct)
    d = safe_date(year, month, day)
    return Result("DATE", day_value(d), "day") if d else None


def _day_of(m: re.Match[str]) -> int | None:
    if m["d"]:
        return int_or_none(re.sub(r"\D", "", m["d"]))
    if m["dw"]:
        return ORDINALS.get(m["dw"].lower())
    return None


def dated(m: re.Match[str], ctx: Context) -> Result | None:
    """E.g. "November 7, 2021", "7 November", "Sunday, Nov. 7": the year from the text, else by tense."""
    month = month_number(m["mon"])
    day = _day_of(m)
    if day is None or not 1 <= day <= 31:
        return None
    rel = " ".join((m.groupdict().get("rel") or "").lower().split())
    if m["y"]:
        d = safe_date(int(m["y"]), month, day)
        return Result("DATE", day_value(d), "day") if d else None
    if ctx.dct is None:
        return Result("DATE", f"XXXX-{month:02d}-{day:02d}", "day")
    if rel:
        # "last Oct. 23": the latest such day before the article; "next March 3": the first after.
        back = rel in ("last", "this past")
        d = safe_date(ctx.dct.year, month, day)
        if d is not None and (d >= ctx.dct if back else d <= ctx.dct):
            d = safe_date(ctx.dct.year + (-1 if back else 1), month, day)
        return Result("DATE", day_value(d), "day") if d else None
    year = _sentence_year(ctx, m.start(), m.end(), month, with_month=True)
    if year is None:
        # "effective Feb. 1" names when a change takes effect, whatever the tense of the
        # announcement ("created an office, effective Feb. 1"): the nearest such day.
        effective = _EFFECTIVE.search(ctx.text, max(0, m.start() - 16), m.start()) is not None
        direction = None if effective else ctx.direction(m.start(), m.end())
        year = resolve_month_year(ctx.dct, month, day, direction)
    if m["wd"]:
        weekday = WEEKDAYS[m["wd"].lower().rstrip(".")]
        for candidate in (year, year - 1, year + 1):
            d = safe_date(candidate, month, day)
            if d and d.weekday() == weekday:
                year = candidate
                break
    d = safe_date(year, month, day)
    return Result("DATE", day_value(d), "day") if d else None


def month_year(m: re.Match[str], ctx: Context) -> Result | None:
    """E.g. "October 2021", "Oct. '21", "January nineteen ninety-seven" (broadcast transcripts)."""
    month = month_number(m["mon"])
    if m["tens"]:
        year = 1900 + TENS[m["tens"].lower()] + int(words_to_number(m["unit"] or "zero") or 0)
    else:
        year = int(m["y"]) if m["y"] else century_year(int(m["yy"]), ctx.dct)
    return Result("DATE", month_value(year, month), "month")


def month(m: re.Match[str], ctx: Context) -> Result | None:
    """E.g. "October", "last December", "May" only after a preposition (it is also a modal verb)."""
    word = m["mon"]
    month = month_number(word)
    rel = (m["rel"] or "").lower().split()
    yrel = (m["yrel"] or "").lower()
    if not rel and not yrel:
        prev = prev_word(ctx, m.start())
        if word.lower() in ("may", "march") and prev not in MONTH_PREPS and not _month_modifier(ctx, m):
            return None
        if len(word) <= 4 and not word.endswith(".") and word.lower() not in ("may", "june", "july"):
            return None  # "Jan" without a dot is often a name
        if word.isupper() and prev not in MONTH_PREPS:
            return None
    if ctx.dct is None:
        return Result("DATE", f"XXXX-{month:02d}", "month")
    dct = ctx.dct
    if yrel:
        year = dct.year + {"this": 0, "last": -1, "next": 1}[yrel]
    elif (rel and rel[-1] == "past") or rel == ["last"]:
        year = dct.year if month < dct.month else dct.year - 1
    elif (rel and rel[-1] == "coming") or rel == ["next"]:
        year = dct.year if month > dct.month else dct.year + 1
    elif rel == ["this"]:
        year = dct.year
    elif rel == ["that"]:
        year = ctx.ref_year or dct.year
    elif (named := _sentence_year(ctx, m.start(), m.end(), month)) is not None:
        year = named  # "In 1995, sales rose in June": the year the sentence names
    else:
        year = resolve_month_year(dct, month, None, ctx.direction(m.start(), m.end()))
    return Result("DATE", month_value(year, month), "month")


def conjday(m: re.Match[str], ctx: Context) -> Result | None:
    """The second day of "on April 24 and 25": the month and year of the date just before it.

    Only right after a month and day that was itself found as a date, and only before a
    punctuation mark or a preposition ("April 24 and 25 people" is a count).
    """
    if ctx.ref_day is None:
        return None
    before = _CONJ_DAY_BEFORE.search(ctx.text, max(0, m.start() - 40), m.start())
    if before is None or ctx.ref_day_end != before.end("first"):
        return None
    month = month_number(before["mon"])
    if ctx.ref_day.month != month:
        return None
    d = safe_date(ctx.ref_day.year, month, int(m["d"]))
    return Result("DATE", day_value(d), "day", anchor=False) if d else None


_CONJ_DAY_BEFORE = re.compile(
    rf"(?P<mon>{MONTH})\s{{1,3}}(?P<first>[0-3]?\d(?:st|nd|rd|th)?),?\s{{1,3}}(?:and|or|&)\s{{1,3}}$"
)
_EFFECTIVE = re.compile(r"\beffective\s{1,3}(?:on\s{1,3}|from\s{1,3}|as\s{1,3}of\s{1,3})?$", re.IGNORECASE)
#: Group nouns after a surname: "the May government".
_AFTER_SURNAME = frozenset(
    {"family", "families", "government", "administration", "cabinet", "team", "household", "camp"}
)
_NOUN_PHRASE_ENDERS = frozenset({"of", "on", "to", "for", "against", "in", "from", "through", "and", "or"})


def _month_modifier(ctx: Context, m: re.Match[str]) -> bool:
    """A capitalised "March"/"May" between "the" and a lower-case noun: "the March accession".

    The noun "march" is written in lower case; a name ("the March of Dimes", "the March on
    Washington") goes on with a preposition, and a surname with a group noun ("the May
    government", "the May family").
    """
    word = m["mon"]
    if not word[:1].isupper() or word.isupper() or prev_word(ctx, m.start()) != "the":
        return False
    nxt = next_word(ctx, m.end())
    return nxt.isalpha() and nxt.islower() and nxt not in _NOUN_PHRASE_ENDERS and nxt not in _AFTER_SURNAME


_RANGE_END = frozenset({"to", "until", "till", "through", "and", "thru"})


def _sentence_year(
    ctx: Context, start: int, end: int, month: int | None = None, *, with_month: bool = False
) -> int | None:
    """The year an earlier expression of the same sentence named, for a month or quarter without one.

    "From June 1995 to March": a month before the named one after "to"/"until" is in the next year.
    ``with_month``: only a year named with its month ("on June 3, 1995, … and on June 10") counts,
    for a day of a month (a bare "1987" earlier in the sentence is often in another clause).
    """
    year = ctx.sentence_year(start)
    if year is None or ctx.dct is None:
        return None
    if with_month and ctx.ref_month_end != ctx.ref_year_end:
        return None
    # Only when the tense agrees: a past year for a past event, a later year for a future one
    # ("since its launch in 2003 and that as of February, the store accounts for" is this year's).
    direction = ctx.direction(start, end)
    if not ((direction == "past" and year < ctx.dct.year) or (direction == "future" and year > ctx.dct.year)):
        return None
    if (
        month is not None
        and ctx.ref_month is not None
        and ctx.ref_month_end == ctx.ref_year_end
        and month < ctx.ref_month[1]
        and prev_word(ctx, start) in _RANGE_END
    ):
        return year + 1
    return year


def year(m: re.Match[str], ctx: Context) -> Result | None:
    """E.g. "2019", "fiscal 1989"; numbers that look like amounts ("$2019", "2000 tons") are not years."""
    text = ctx.text
    start = m.start("y")
    if not m["pre"]:
        before = text[max(0, start - 2) : start]
        if before.endswith(("$", "#", "€", "£", "No")) or re.search(r"\d[\s,.-]?$", before):
            return None
        after = text[m.end() : m.end() + 12]
        if re.match(r"\s?(?:%|percent|per\b|-\d|\.\d|°)", after, re.IGNORECASE):
            return None
        nxt = next_word(ctx, m.end())
        prev = prev_word(ctx, m.start())
        if (
            nxt
            and nxt.islower()
            and nxt.endswith("s")
            and nxt not in ("was", "is", "has", "as", "sales", "earnings", "levels", "results", "figures")
            and prev not in YEAR_PREPS
        ):
            return None
        if _part_of_a_name(ctx, m):
            return None
    return Result("DATE", m["y"], "year")


#: A title-case word right before a year, mid-sentence (not after a sentence break or a quote).
_NAME_BEFORE_YEAR = re.compile(r"(?<=[a-z,;] )(?P<w>[A-Z][a-z][A-Za-z-]*) $")
_NOT_NAME_WORDS = (
    frozenset(MONTHS)
    | frozenset(SEASONS)
    | frozenset(WEEKDAYS)
    | words(
        """
    christmas easter thanksgiving hanukkah ramadan eid fiscal calendar year years spring summer fall
    autumn winter since until in by from after before during through of
    """
    )
)


def _part_of_a_name(ctx: Context, m: re.Match[str]) -> bool:
    """A year closing a name: "a venture called Orion 1980,", "the Expo 2000 fair" is not.

    Only a mid-sentence title-case word that is not a month, season, weekday or holiday, and
    only when the name ends with the year (punctuation or a capital follows): "Microsoft 1998
    results" and "Kopp's 1987 car" keep the year.
    """
    before = _NAME_BEFORE_YEAR.search(ctx.text, max(0, m.start() - 30), m.start())
    if before is None or before["w"].lower() in _NOT_NAME_WORDS:
        return False
    after = ctx.text[m.end() : m.end() + 3]
    return not after or after[0] in ",;:.)!?" or (after[0] == " " and after[1:2].isupper())


def spelledyear(m: re.Match[str], ctx: Context) -> Result | None:
    """Years in words, as in broadcast transcripts: "nineteen ninety-one", "the year two thousand"."""
    if m["tens"]:
        year = 1900 + TENS[m["tens"].lower()] + int(words_to_number(m["unit"] or "zero") or 0)
    else:
        year = 2000 + int(words_to_number(m["unit2"] or "zero") or 0)
        if not m["unit2"] and not m.group().lower().startswith("the"):
            return None  # "two thousand" alone is a number
    return Result("DATE", f"{year}", "year")


_FISCAL_SHIFT = MappingProxyType(
    {
        "last": -1,
        "previous": -1,
        "prior": -1,
        "the previous": -1,
        "the prior": -1,
        "the past": -1,
        "the last": -1,
        "next": 1,
        "the next": 1,
        "the coming": 1,
    }
)


def fiscal_year(m: re.Match[str], ctx: Context) -> Result | None:
    """E.g. "the fiscal year", "last fiscal year", "the 1990 fiscal year", "fiscal year 1991".

    A company's fiscal year is named by the calendar year it ends in; "the fiscal year" is the
    one of the narrative (the article's year unless another was named), and "the fiscal year
    ended June 30" is a span of one year, like "the year ended …".
    """
    named = m["y"] or m["y2"]
    if named:
        return Result("DATE", named, "year")
    rel = " ".join(m["rel"].lower().split())
    if rel in ("the", "the last", "the past") and next_word(ctx, m.end()).lower() in (
        "ended",
        "ending",
        "through",
        "to",
    ):
        return Result("DURATION", "P1Y", None)
    if rel in ("the past", "the last"):
        return Result("DURATION", "P1Y", None)
    if ctx.dct is None:
        return Result("DATE", None)
    if rel in _FISCAL_SHIFT:
        return Result("DATE", f"{ctx.dct.year + _FISCAL_SHIFT[rel]:04d}", "year")
    if rel in ("that", "the same"):
        return Result("DATE", f"{ctx.ref_year or ctx.dct.year:04d}", "year")
    return Result("DATE", f"{ctx.dct.year:04d}", "year")


def full_year(m: re.Match[str], ctx: Context) -> Result | None:
    """E.g. "sales for the full year", "the entire year": the article's year, or the one just ended
    when a past-tense sentence of the first quarter reports it ("GM lost $10 billion for the entire
    year", written in January)."""
    if ctx.dct is None:
        return Result("DATE", None, "year")
    year = ctx.dct.year
    if ctx.dct.month <= 3 and ctx.direction(m.start(), m.end()) == "past":
        year -= 1
    return Result("DATE", f"{year:04d}", "year")


def fyshort(m: re.Match[str], ctx: Context) -> Result | None:
    """E.g. "FY21", "fiscal '98"."""
    return Result("DATE", f"{century_year(int(m['yy']), ctx.dct):04d}", "year")


def yshort(m: re.Match[str], ctx: Context) -> Result | None:
    """``'82`` after "in", "since", "summer" …: a year of the anchor's century (or the last)."""
    if prev_word(ctx, m.start()) not in YEAR_PREPS | SEASON_PREPS:
        return None
    return Result("DATE", f"{century_year(int(m['yy']), ctx.dct):04d}", "year")


def decade(m: re.Match[str], ctx: Context) -> Result | None:
    """E.g. "the 1990s", "the '90s", "the nineties" → ``199``."""
    raw = m["dd"] or m["d2"] or m["dw"] or (m["d3"] and f"'{m['d3']}")
    value = decade_value(raw, ctx.dct)
    return Result("DATE", value, "decade") if value else None


def century(m: re.Match[str], ctx: Context) -> Result | None:
    """E.g. "the 19th century" → ``18``."""
    raw = m["n"].lower().replace(" ", "-")
    n = 21 if raw == "twenty-first" else ORDINALS.get(raw) or int_or_none(re.sub(r"\D", "", raw))
    if not n or n > 21:
        return None
    return Result("DATE", f"{n - 1:02d}", "century")


_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def season(m: re.Match[str], ctx: Context) -> Result | None:
    """E.g. "the summer of 2019", "last winter", "this fall" (a bare "fall" is not a season)."""
    word = m["s"].lower()
    code = SEASONS[word]
    rel = " ".join((m["rel"] or "").lower().split())
    if m["y"]:
        return Result("DATE", f"{m['y']}-{code}", "quarter")
    if m["tens"]:  # "the winter of nineteen ninety-four", as in broadcast transcripts
        year = 1900 + TENS[m["tens"].lower()] + int(words_to_number(m["unit"] or "zero") or 0)
        return Result("DATE", f"{year}-{code}", "quarter")
    if word == "fall" and rel in ("", "the"):
        return None
    if not rel and prev_word(ctx, m.start()) not in SEASON_PREPS:
        return None
    if ctx.dct is None:
        return Result("DATE", f"XXXX-{code}", "quarter")
    dct = ctx.dct
    year = dct.year
    start_month = _SEASON_START[code]
    if rel in ("last", "this past", "the past"):
        year = dct.year if start_month + 2 < dct.month else dct.year - 1
    elif rel in ("next", "this coming", "the coming"):
        year = dct.year if start_month > dct.month else dct.year + 1
    elif rel == "that" and ctx.ref_year:
        year = ctx.ref_year
    elif rel == "this":  # "this summer" is the article year's; "this winter" in March began in December
        year = dct.year - 1 if code == "WI" and dct.month <= 3 else dct.year
    elif rel in ("", "the") and (named := _sentence_year(ctx, m.start(), m.end())) is not None:
        year = named
    else:
        direction = ctx.direction(m.start(), m.end())
        if direction == "past" and start_month > dct.month:
            year -= 1
        elif direction == "future" and start_month + 2 < dct.month:
            year += 1
    return Result("DATE", f"{year}-{code}", "quarter")


_QUARTER_WORDS = MappingProxyType(
    {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4}
)


def _current_quarter(ctx: Context) -> tuple[int, int] | None:
    if ctx.dct is None:
        return None
    return ctx.dct.year, quarter_of(ctx.dct.month)


def quarter(m: re.Match[str], ctx: Context) -> Result | None:
    """E.g. "the third quarter", "third-quarter", "the year-ago quarter", "the latest period"."""
    q = (m["q"] or "").lower()
    word = m["word"].lower()
    explicit = m["yr"] or m["y2"] or m["y3"]
    if word == "period" and (q in _QUARTER_WORDS or not q or q in ("first", "fiscal")):
        return None
    current = _current_quarter(ctx)
    yrel = m["yrel"] or m["yrel0"]
    back = -1 if (m["ya"] and "-" in m["ya"]) or m["ago"] else 0  # "the quarter a year ago"
    if (
        word == "quarter"
        and not explicit
        and not yrel
        and not m["ya"]
        and not back
        and q not in ("year-earlier", "year-ago")
    ):
        ended = _quarter_ended(m, ctx, q)
        if ended is not None:
            return ended
    if q in _QUARTER_WORDS:
        n = _QUARTER_WORDS[q]
        if explicit:
            year = int(explicit)
        elif yrel and ctx.dct:
            year = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[yrel.lower()]
        elif ctx.dct is None:
            return Result("DATE", f"XXXX-Q{n}", "quarter")
        elif (named := _sentence_year(ctx, m.start(), m.end())) is not None and not back:
            year = named  # "In 1994, sales fell in the fourth quarter"
        else:
            year = ctx.dct.year
            if m["ythe"] and ctx.ref_quarter:
                year = ctx.ref_quarter[0]
            direction = ctx.direction(m.start(), m.end())
            cq = quarter_of(ctx.dct.month)
            if n > cq and direction != "future":
                year -= 1
            elif n < cq - 1 and direction == "future":
                year += 1
        return Result("DATE", f"{year + back}-Q{n}", "quarter", anchor=not back)
    if current is None:
        return Result("DATE", None, "quarter")
    ref = ctx.ref_quarter
    if explicit:  # "the 1988 quarter": the quarter under discussion, in that year
        n = 4 if q == "last" else (ref or shift_quarter(current, -1))[1]
        return Result("DATE", f"{int(explicit)}-Q{n}", "quarter", anchor=False)
    if back or m["ya"]:
        q = "year-earlier"
    if q in ("last", "latest", "previous", "prior", "past", "recent"):
        yq = shift_quarter(current, -1)
    elif q in ("current", "this"):
        yq = current
    elif q in ("next", "coming"):
        yq = shift_quarter(current, 1)
    elif q in ("year-earlier", "year-ago"):
        yq = shift_quarter(ctx.report_quarter or ref or shift_quarter(current, -1), -4)
        return Result("DATE", f"{yq[0]}-Q{yq[1]}", "quarter", anchor=False)
    else:
        yq = ref or shift_quarter(current, -1)
    if yrel and yrel.lower() in ("last", "next") and q in ("", "same", "that", "fiscal"):
        # "the same period last year": the quarter under discussion, a year away
        yq = shift_quarter(yq, -4 if yrel.lower() == "last" else 4)
        return Result("DATE", f"{yq[0]}-Q{yq[1]}", "quarter", anchor=False)
    return Result("DATE", f"{yq[0]}-Q{yq[1]}", "quarter")


_ENDED = re.compile(
    rf"\s{{1,3}}end(?:ed|ing)\s{{1,3}}(?P<mon>{MONTH})\s{{1,3}}(?P<d>[0-3]?\d)(?!\d)(?:,?\s{{1,3}}(?P<y>(?:19|20)\d\d)(?!\d))?"
)


def _quarter_ended(m: re.Match[str], ctx: Context, q: str) -> Result | None:
    """ "the fourth quarter ended Sept. 30", "the quarter ended July 31": a quarter named by its end.

    An ordinal names the (fiscal) quarter; without one, the calendar quarter holding most of the
    three months up to the end date (the quarter of the month before it). The year is the end
    date's.
    """
    ended = _ENDED.match(ctx.text, m.end())
    if ended is None:
        return None
    end_month = month_number(ended["mon"])
    if ended["y"]:
        year = int(ended["y"])
    elif ctx.dct is not None:
        year = resolve_month_year(ctx.dct, end_month, int(ended["d"]), "past")
    else:
        return None
    if q in _QUARTER_WORDS:
        return Result("DATE", f"{year}-Q{_QUARTER_WORDS[q]}", "quarter")
    if q not in ("", "the", "latest", "recent", "fiscal", "same", "current", "this", "that"):
        return None
    middle = end_month - 1 or 12
    if middle == 12:
        year -= 1
    return Result("DATE", f"{year}-Q{quarter_of(middle)}", "quarter")


def qcode(m: re.Match[str], ctx: Context) -> Result | None:
    """E.g. "Q3", "Q3 2019", "3Q"."""
    n = int(m["q"] or m["q2"])
    y = m["y"]
    if y:
        year = century_year(int(y[1:]), ctx.dct) if y.startswith("'") else int(y)
    elif ctx.dct:
        year = ctx.dct.year
    else:
        return Result("DATE", f"XXXX-Q{n}", "quarter")
    return Result("DATE", f"{year}-Q{n}", "quarter")


def half(m: re.Match[str], ctx: Context) -> Result | None:
    """E.g. "the first half of 2020" → ``2020-H1``."""
    h = m["h"].lower()
    if h == "last" and not m.group().lower().endswith("year") and not m["y"]:
        return None  # "the last half hour"; "the last half of 1989" is the second half
    n = 1 if h in ("first", "1st") else 2
    if m["y"]:
        year = int(m["y"])
    elif ctx.dct is None:
        return Result("DATE", f"XXXX-H{n}", "year")
    elif m["yrel"]:
        year = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[m["yrel"].lower()]
    else:
        year = ctx.dct.year
        if n == 2 and ctx.dct.month <= 6 and ctx.direction(m.start(), m.end()) == "past":
            year -= 1
    return Result("DATE", f"{year}-H{n}", "year")


def yearend(m: re.Match[str], ctx: Context) -> Result | None:
    """E.g. "year-end", "year's end", "year-earlier" (as in "year-earlier results")."""
    low = m.group().lower()
    if ctx.dct is None:
        return Result("DATE", None)
    if "end" in low:
        return Result("DATE", f"{ctx.dct.year}", "year", mod="END")
    if ctx.report_quarter:
        yq = shift_quarter(ctx.report_quarter, -4)
        return Result("DATE", f"{yq[0]}-Q{yq[1]}", "quarter", anchor=False)
    return Result("DATE", f"{ctx.dct.year - 1}", "year", anchor=False)


# -- days relative to the article date ------------------------------------------------------------------


def holiday_rule(m: re.Match[str], ctx: Context) -> Result | None:
    """E.g. "Christmas Day 2020", "last Thanksgiving", "Easter"."""
    name = m["h"]
    if m["y"]:
        d = holiday(name, int(m["y"]))
        return Result("DATE", day_value(d), "day") if d else None
    if ctx.dct is None:
        return Result("DATE", None, "day")
    rel = " ".join((m["rel"] or "").lower().split())
    direction = {"last": "past", "the last": "past", "next": "future", "the next": "future"}.get(rel)
    if direction is None and rel != "this":
        direction = ctx.direction(m.start(), m.end())
    options = [d for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1) if (d := holiday(name, y))]
    if not options:
        return None
    if direction == "past":
        pick = [d for d in options if d <= ctx.dct] or options
        d = max(pick)
    elif direction == "future":
        pick = [d for d in options if d >= ctx.dct] or options
        d = min(pick)
    else:
        d = min(options, key=lambda x: abs((x - ctx.dct).days))  # type: ignore[operator]
    return Result("DATE", day_value(d), "day")


# -- relative units, durations, sets ---------------------------------------------------------------------
