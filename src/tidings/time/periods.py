"""The days a TIMEX3 date value covers: one parser for every stage that compares or stores dates.

``period("2021-11")`` is November 2021 (``2021-11-01`` … ``2021-11-30``, precision ``month``).
Handled: days (a time of day is its day), months, ISO weeks and their weekends (``2021-W44-WE``:
Saturday and Sunday), quarters, halves, seasons (spring March–May, summer June–August, autumn
September–November, winter December to February of the next year, as the time stage writes
them), years, decades (``199`` or ``199X``) and centuries (``19``: 1900–1999). Anything else —
durations, ``PRESENT_REF``, values with unknown digits (``XXXX-10``), impossible days — is not a
date: ``None``.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

_VALUE = re.compile(
    r"(?P<y>\d{4})(?:-(?:(?P<m>\d\d)(?:-(?P<d>\d\d)(?:T.*)?)?|W(?P<w>\d\d)(?P<we>-WE)?|Q(?P<q>[1-4])"
    r"|H(?P<h>[12])|(?P<s>SP|SU|FA|AU|WI)))?"
    r"|(?P<decade>\d{3})X?|(?P<century>\d\d)(?:XX)?"
)
_SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "AU": 9, "WI": 12}


@lru_cache(maxsize=65536)
def period(value: str | None) -> tuple[date, date, str] | None:
    """``(first day, last day, precision)`` of a TIMEX3 date value (None: not a date).

    Precision is one of ``day``, ``week``, ``month``, ``quarter``, ``half``, ``season``,
    ``year``, ``decade``, ``century``.
    """
    if not value:
        return None
    m = _VALUE.fullmatch(value)
    if m is None:
        return None
    try:
        if m["decade"]:
            start = int(m["decade"]) * 10
            return date(start, 1, 1), date(start + 9, 12, 31), "decade"
        if m["century"]:
            start = int(m["century"]) * 100
            return date(max(1, start), 1, 1), date(start + 99, 12, 31), "century"
        year = int(m["y"])
        if m["d"]:
            day = date(year, int(m["m"]), int(m["d"]))
            return day, day, "day"
        if m["m"]:
            return _months(year, int(m["m"]), 1, "month")
        if m["w"]:
            monday = date.fromisocalendar(year, int(m["w"]), 1)
            if m["we"]:
                return monday + timedelta(days=5), monday + timedelta(days=6), "week"
            return monday, monday + timedelta(days=6), "week"
        if m["q"]:
            return _months(year, 3 * int(m["q"]) - 2, 3, "quarter")
        if m["h"]:
            return _months(year, 6 * int(m["h"]) - 5, 6, "half")
        if m["s"]:
            return _months(year, _SEASON_MONTHS[m["s"]], 3, "season")
        return date(year, 1, 1), date(year, 12, 31), "year"
    except (ValueError, OverflowError):
        return None


def _months(year: int, month: int, count: int, precision: str) -> tuple[date, date, str]:
    """``count`` months from ``month`` of ``year`` (running into the next year if need be)."""
    index = year * 12 + month - 1 + count
    return date(year, month, 1), date(index // 12, index % 12 + 1, 1) - timedelta(days=1), precision
