"""The state a handler sees (:class:`Context`), what it returns (:class:`Result`), and helpers.

:class:`Context` carries the article date, the parse and the narrative state (last mentioned day and
quarter) for one call of ``find_timexes``; it lives only for that call.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from tidings.time.lexicon import (
    DAY_PARTS,
    MONTHS,
    UNITS,
    words,
)
from tidings.time.normalize import (
    day_value,
    parse_date,
)
from tidings.time.tense import tense_near

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(slots=True)
class Result:
    """A resolved match; ``start``/``end`` override the match's span when set."""

    type: str
    value: str | None
    precision: str | None = None
    mod: str | None = None
    start: int | None = None
    end: int | None = None
    quantity: bool = False  # the expression starts with a quantity ("nearly" may qualify it)
    anchor: bool = True  # may become the narrative's reference time


@dataclass(slots=True)
class Context:
    """Everything a handler may look at; ``ref_*`` follow the narrative.

    ``ref_day`` is the last mentioned day (the article date at first), ``ref_quarter`` the last
    mentioned quarter; ``ref_year``/``ref_month`` the year and month of the last expression that
    named one at any granularity ("in 1995", "last June", "the fourth quarter of 1994"), with the
    offsets where they ended, so that "later that year", "that month" or "in June" later in the
    same sentence can follow them.

    ``report_quarter`` is the quarter a report is about, which "a year earlier" compares with: of
    the quarters of the last year that had ended by the article date (or the article's own
    quarter, a fiscal one, unless looked forward to), the one mentioned most, the first of equals;
    None once the text moves on to a longer period ("for the nine months, …").
    """

    text: str
    dct: date | None
    doc: Doc | None = None
    ref_day: date | None = None
    ref_quarter: tuple[int, int] | None = None
    report_quarter: tuple[int, int] | None = None
    _reported: dict[tuple[int, int], int] = field(default_factory=dict)
    ref_year: int | None = None
    ref_year_end: int = -1
    ref_year_named: bool = False  # the year was written ("1995", "last year"), not inferred from tense
    ref_month: tuple[int, int] | None = None
    ref_month_end: int = -1
    ref_day_end: int = -1
    _tenses: dict[tuple[int, int], str | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.ref_day = self.dct
        if self.dct is not None:
            self.ref_year = self.dct.year
            self.ref_month = (self.dct.year, self.dct.month)

    def tense(self, start: int, end: int) -> str | None:
        """The governing tense, cached per span."""
        key = (start, end)
        if key not in self._tenses:
            self._tenses[key] = tense_near(self.text, start, end, self.doc)
        return self._tenses[key]

    def direction(self, start: int, end: int) -> str | None:
        """``past`` / ``future`` / None from the tense (present counts as no direction)."""
        tense = self.tense(start, end)
        return tense if tense in ("past", "future") else None

    def remember(self, result: Result, start: int = -1, end: int = -1) -> None:
        """Let a resolved expression (``text[start:end]``) become the narrative's reference time.

        A day or week resolved from the article date ("Friday", "last week") does not name a
        year: only expressions at a coarser granularity or with a written year set ``ref_year``.
        """
        if (
            result.type == "DURATION"
            and result.value in _PERIODS
            and _PERIOD_PHRASE.search(self.text, max(0, start - 8), end)
        ):
            self.report_quarter = None  # "for the nine months, …": comparisons are now of that period
            return
        if not result.anchor or result.value is None or result.type not in ("DATE", "TIME"):
            return
        value = result.value
        year = _YEAR_PREFIX.match(value)
        if year is None:
            return
        written = _WRITTEN_YEAR.search(self.text, max(0, start), end) is not None
        if result.precision not in ("day", "week", "hour", "minute") or written:
            named = written or _YEAR_WORD.search(self.text, max(0, start), end) is not None
            # "In 2015, … in June": the month keeps the year named before it.
            self.ref_year_named = named or (self.ref_year_named and self.ref_year == int(year.group(1)))
            self.ref_year, self.ref_year_end = int(year.group(1)), end
        day = parse_date(value)
        if day is not None:
            self.ref_day, self.ref_day_end = day, end
            self.ref_month, self.ref_month_end = (day.year, day.month), end
            return
        month = _MONTH_VALUE.fullmatch(value)
        if month:
            self.ref_month, self.ref_month_end = (int(month.group(1)), int(month.group(2))), end
            return
        q = _QUARTER_VALUE.fullmatch(value)
        if q:
            self.ref_quarter = (int(q.group(1)), int(q.group(2)))
            current = (self.dct.year, (self.dct.month - 1) // 3 + 1) if self.dct else None
            if current is None or (
                shift_quarter(current, -4) < self.ref_quarter < current
                or (self.ref_quarter == current and self.direction(start, end) != "future")
            ):
                # The quarter mentioned most, the first of equals (the lead names the report's
                # quarter): "after a flat second quarter" in a report on the third does not change
                # what "a year earlier" compares with.
                count = self._reported[self.ref_quarter] = self._reported.get(self.ref_quarter, 0) + 1
                held = self._reported.get(self.report_quarter, 0) if self.report_quarter else 0
                if count > held:
                    self.report_quarter = self.ref_quarter
                elif self.report_quarter is None:
                    self.report_quarter = max(self._reported, key=lambda q: self._reported[q])

    def sentence_year(self, start: int) -> int | None:
        """The year named earlier in the sentence that holds ``start`` (None: none named there).

        Only a year the text wrote ("in 1995", "last year") counts: the year a bare month was
        given from the tense ("in January" in a future sentence) names nothing.
        """
        if not self.ref_year_named or self.ref_year is None or not 0 <= self.ref_year_end <= start:
            return None
        if start - self.ref_year_end > 250 or _SENTENCE_BREAK.search(self.text, self.ref_year_end, start):
            return None
        return self.ref_year

    def month_is_newer(self) -> bool:
        """The last mentioned month is more recent than the last mentioned day."""
        return self.ref_month_end > self.ref_day_end


_QUARTER_VALUE = re.compile(r"(\d{4})-Q([1-4])")
_MONTH_VALUE = re.compile(r"(\d{4})-([01]\d)")
_YEAR_PREFIX = re.compile(r"(\d{4})(?!\d)")
_WRITTEN_YEAR = re.compile(r"\d{4}|['’]\d\d\b")
_PERIODS = frozenset({"P6M", "P9M", "P1Y", "P2Q", "P3Q"})
#: "the nine months", "the first six months", "the latest two quarters", "the year": a report's period.
_PERIOD_PHRASE = re.compile(
    r"\bthe\s{1,3}(?:(?:first|latest|past|full)\s{1,3})?(?:[\w-]+\s{1,3}(?:months|quarters)|year)\b",
    re.IGNORECASE,
)
_YEAR_WORD = re.compile(r"\byears?\b|\bnineteen\b|\bthousand\b", re.IGNORECASE)
#: A sentence break: end punctuation before a capital or a quote, or a blank line.
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]{0,2}\s{1,4}[\"“‘(]?[A-Z]|\n\s*\n")
_PREV_WORD = re.compile(r"([A-Za-z]+)[\s,]{1,3}$")
_NEXT_WORD = re.compile(r"\s{1,3}([A-Za-z]+)")
MONTH_PREPS = words(
    """
    in since until till by through from to of during before after early late mid last next
    this that end beginning start middle between and or until within around
    """
)
YEAR_PREPS = words(
    """
    in since until till by during before after from through early late mid fiscal year calendar
    """
)
SEASON_PREPS = words(
    """
    in since until by through during before after early late mid over this last next the of
    for
    """
)
BARE_PREPS = words(
    """
    for over within in after took take takes taking lasted lasting last lasts spent spend
    spends spending waited wait ahead
    """
)


def int_or_none(s: str | None) -> int | None:
    if not s:
        return None
    try:
        return int(s)
    except ValueError:
        return None


def prev_word(ctx: Context, pos: int) -> str:
    m = _PREV_WORD.search(ctx.text, max(0, pos - 30), pos)
    return m.group(1).lower() if m else ""


def next_word(ctx: Context, pos: int) -> str:
    m = _NEXT_WORD.match(ctx.text, pos)
    return m.group(1) if m else ""


def month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def unit_of(word: str) -> tuple[str, bool, int]:
    w = word.lower()
    if w == "centuries":
        w = "century"
    elif w.endswith("s") and w[:-1] in UNITS:
        w = w[:-1]
    return UNITS[w]


def day_result(d: date | None, mod_part: str | None = None) -> Result:
    if d is None:
        return Result("DATE", None)
    if mod_part:
        return Result("TIME", f"{day_value(d)}T{DAY_PARTS[mod_part.lower()]}", "day")
    return Result("DATE", day_value(d), "day")


def century_year(yy: int, dct: date | None) -> int:
    base = dct.year if dct else 2000
    year = base // 100 * 100 + yy
    if year > base + 10:
        year -= 100
    return year


# -- absolute dates -----------------------------------------------------------------------------------


def shift_quarter(yq: tuple[int, int], k: int) -> tuple[int, int]:
    index = yq[0] * 4 + yq[1] - 1 + k
    return index // 4, index % 4 + 1
