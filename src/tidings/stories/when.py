"""Dates of events as windows: a (possibly partial) ISO date widened by its precision."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

#: Days a date stands for at each precision (the window around it).
PRECISION_DAYS = {"day": 0, "week": 7, "month": 31, "quarter": 92, "year": 366, "decade": 3653}
_ONE_DAY = timedelta(days=1)


@lru_cache(maxsize=65536)
def parse_span(value: str) -> tuple[date, date] | None:
    """The first and last day a (possibly partial) ISO date covers (None when it is no date)."""
    parts = value.split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return date(year, 1, 1), date(year, 12, 31)
        month = int(parts[1])
        if len(parts) == 2:
            last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
            return date(year, month, 1), date(year, month, last)
        day = date(year, month, int(parts[2][:2]))
        return day, day
    except (ValueError, IndexError, OverflowError):
        return None


@lru_cache(maxsize=65536)
def window(value: str | None, precision: str | None) -> tuple[date, date] | None:
    """The days a date can stand for, from its value and precision (None when it is no date).

    ``day``: the day ± 1 (time zones, late-night reports); ``week``: ± 7 days (the week's first
    day is unknown); ``month``, ``quarter``, ``year``, ``decade``: the whole period the value falls
    in (``2021-11-07`` at month precision is November 2021), ± 1 day.
    """
    span = parse_span(value) if value else None
    if span is None:
        return None
    first, last = span
    if precision == "week":
        first, last = first - timedelta(days=7), last + timedelta(days=7)
    elif precision == "month":
        first, last = first.replace(day=1), parse_span(f"{first.year:04d}-{first.month:02d}")[1]  # type: ignore[index]
    elif precision == "quarter":
        month = 3 * ((first.month - 1) // 3) + 1
        first = date(first.year, month, 1)
        last = parse_span(f"{first.year:04d}-{month + 2:02d}")[1]  # type: ignore[index]
    elif precision == "year":
        first, last = date(first.year, 1, 1), date(first.year, 12, 31)
    elif precision == "decade":
        start = first.year - first.year % 10
        first, last = date(max(1, start), 1, 1), date(min(9999, start + 9), 12, 31)
    try:
        return first - _ONE_DAY, last + _ONE_DAY
    except OverflowError:
        return first, last


def dates_compatible(a: str | None, pa: str | None, b: str | None, pb: str | None) -> bool | None:
    """Whether two dates can name the same happening: their windows overlap (None: unknown)."""
    wa, wb = window(a, pa), window(b, pb)
    if wa is None or wb is None:
        return None
    return wa[0] <= wb[1] and wb[0] <= wa[1]
