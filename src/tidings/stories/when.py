"""Dates of events as windows: the days a TIMEX3 date value covers, widened by its precision."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from tidings.time.periods import period

#: Days a date stands for at each precision (the window around it).
PRECISION_DAYS = {"day": 0, "week": 7, "month": 31, "quarter": 92, "year": 366, "decade": 3653}
_ONE_DAY = timedelta(days=1)


def parse_span(value: str) -> tuple[date, date] | None:
    """The first and last day a TIMEX3 date value covers (None when it is no date)."""
    found = period(value)
    return (found[0], found[1]) if found else None


@lru_cache(maxsize=65536)
def window(value: str | None, precision: str | None) -> tuple[date, date] | None:
    """The days a date can stand for, from its value and precision (None when it is no date).

    ``day``: the day ± 1 (time zones, late-night reports); ``week``: ± 7 days (the week's first
    day is unknown); ``month``, ``quarter``, ``year``, ``decade``: the whole period the value falls
    in (``2021-11-07`` at month precision is November 2021), ± 1 day.
    """
    found = period(value)
    if found is None:
        return None
    first, last, own = found
    coarser = _RANK.get(precision or "", 0) > _RANK.get(own, 0)
    if precision == "week":
        first, last = first - timedelta(days=7), last + timedelta(days=7)
    elif precision in _WIDER and coarser and (wider := period(_WIDER[precision](first))):
        first, last = wider[0], wider[1]
    try:
        return first - _ONE_DAY, last + _ONE_DAY
    except OverflowError:
        return first, last


#: Precisions from fine to coarse: a date is widened only to a coarser precision than its value's.
_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "season": 3, "half": 4, "year": 5}
_RANK |= {"decade": 6, "century": 7}
#: The value of the period of a precision that holds a day.
_WIDER = {
    "month": lambda d: f"{d.year:04d}-{d.month:02d}",
    "quarter": lambda d: f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}",
    "year": lambda d: f"{d.year:04d}",
    "decade": lambda d: f"{d.year // 10:03d}",
}


def dates_compatible(a: str | None, pa: str | None, b: str | None, pb: str | None) -> bool | None:
    """Whether two dates can name the same happening (None: unknown): the periods they stand for
    overlap or are at most a day apart (late-night reports, time zones) — two days dated to the
    day match when they are the same or next to each other, not two days apart."""
    wa, wb = window(a, pa), window(b, pb)
    if wa is None or wb is None:
        return None
    # each window carries a day of slack on both sides: one day of slack in all is allowed
    return wa[0] + _ONE_DAY <= wb[1] and wb[0] + _ONE_DAY <= wa[1]
