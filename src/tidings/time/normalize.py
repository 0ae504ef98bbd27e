"""Calendar arithmetic that turns resolved pieces into TIMEX3 values.

Pure functions over :class:`datetime.date`; nothing here looks at text. A *direction* is
``"past"``, ``"future"`` or ``None`` (nearest), usually derived from the governing verb's tense.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from tidings.time.lexicon import DECADE_WORDS

Direction = str | None
_SLACK_DAYS = 60


def parse_date(value: str | None) -> date | None:
    """``YYYY-MM-DD`` (a longer ISO timestamp is cut) → date; anything else → None."""
    if not value or len(value) < 10:
        return None
    try:
        return date(int(value[0:4]), int(value[5:7]), int(value[8:10]))
    except ValueError:
        return None


def day_value(d: date) -> str:
    """``2021-11-07``."""
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def month_value(year: int, month: int) -> str:
    """``2021-11``."""
    return f"{year:04d}-{month:02d}"


def week_value(d: date) -> str:
    """The ISO week holding ``d``: ``2021-W44``."""
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def quarter_of(month: int) -> int:
    """1…4."""
    return (month - 1) // 3 + 1


def add_months(year: int, month: int, k: int) -> tuple[int, int]:
    """(year, month) moved by ``k`` months."""
    index = year * 12 + (month - 1) + k
    return index // 12, index % 12 + 1


def safe_date(year: int, month: int, day: int) -> date | None:
    """A valid date or None (``February 30``, year 0 …)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def shift_day(d: date, unit: str, n: int) -> date:
    """``d`` moved by ``n`` days/weeks/months/years (``unit`` D W M Y Q DE), clamping the day."""
    if unit == "D":
        return d + timedelta(days=n)
    if unit in ("W", "WE"):
        return d + timedelta(weeks=n)
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}.get(unit)
    if months is None:
        return d
    y, m = add_months(d.year, d.month, n * months)
    if not 1 <= y <= 9999:
        raise OverflowError("date value out of range")
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def value_at_unit(d: date, unit: str) -> tuple[str, str]:
    """The TIMEX3 value of ``d`` at the granularity of ``unit`` and that precision name."""
    if unit == "D":
        return day_value(d), "day"
    if unit in ("W", "WE"):
        return week_value(d), "week"
    if unit == "M":
        return month_value(d.year, d.month), "month"
    if unit == "Q":
        return f"{d.year:04d}-Q{quarter_of(d.month)}", "quarter"
    if unit == "DE":
        return f"{d.year // 10:03d}", "decade"
    if unit == "CE":
        return f"{d.year // 100:02d}", "century"
    return f"{d.year:04d}", "year"


def resolve_weekday(anchor: date, weekday: int, direction: Direction, strict: bool = False) -> date:
    """The ``weekday`` (Monday = 0) nearest ``anchor`` in ``direction``.

    Past: 0–6 days back (1–7 when ``strict``); future: 0–6 ahead (1–7 when ``strict``); no
    direction: the past one unless the future one is clearly closer (news mostly reports what
    happened: with an article of Monday, a bare "Thursday" is last Thursday, "Tuesday" tomorrow's).
    """
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if strict:
        back = back or 7
        ahead = ahead or 7
    if direction == "past":
        return anchor - timedelta(days=back)
    if direction == "future":
        return anchor + timedelta(days=ahead)
    if ahead and ahead + 2 < back:
        return anchor + timedelta(days=ahead)
    return anchor - timedelta(days=back)


def resolve_month_year(anchor: date, month: int, day: int | None, direction: Direction) -> int:
    """The year of ``month`` (``day``) mentioned without one, seen from ``anchor``.

    Past: the latest such date at most two months after the anchor (news announces dates a few
    weeks ahead even in past-tense sentences); future: the earliest at most two months before it;
    no direction: the nearest of the three candidates, a later one counting 1.5 times as far.
    """
    d = day or 15
    best_year = anchor.year
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        when = safe_date(year, month, min(d, calendar.monthrange(year, month)[1]))
        if when is not None:
            candidates.append((year, (when - anchor).days))
    if direction == "past":
        ok = [(y, diff) for y, diff in candidates if diff <= _SLACK_DAYS]
        if ok:
            return max(ok, key=lambda item: item[1])[0]
    elif direction == "future":
        ok = [(y, diff) for y, diff in candidates if diff >= -_SLACK_DAYS]
        if ok:
            return min(ok, key=lambda item: item[1])[0]
    if candidates:
        # News mostly reports what happened: a date ahead counts half again as far as one behind.
        best_year = min(candidates, key=lambda item: -item[1] if item[1] <= 0 else 1.5 * item[1])[0]
    return best_year


def duration_value(amount: float | None, unit: str, is_time: bool) -> str:
    """``P3D``, ``PT24H``, ``P1.5Y``, ``PXM`` (``amount`` None = vague)."""
    if amount is None:
        number = "X"
    elif amount == int(amount):
        number = str(int(amount))
    else:
        number = f"{amount:g}"
    return f"PT{number}{unit}" if is_time else f"P{number}{unit}"


def decade_value(text: str, anchor: date | None) -> str | None:
    """``1990s``/``'90s``/``nineties`` → ``199``; two-digit decades take the anchor's century."""
    t = text.lower().lstrip("'’").rstrip("s").rstrip("'’")
    if t in {w[:-1] for w in DECADE_WORDS} or t + "s" in DECADE_WORDS:
        digit = DECADE_WORDS.get(t + "s", 0)
        return f"19{digit}"
    if len(t) == 4 and t.isdigit():
        return t[:3]
    if len(t) == 2 and t.isdigit():
        decade = int(t)
        base = (anchor.year if anchor else 2000) // 100 * 100
        year = base + decade
        if anchor and year > anchor.year:
            year -= 100
        return f"{year // 10:03d}"
    return None


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date | None:
    """The ``n``-th (1-based; -1 = last) ``weekday`` of a month."""
    days = [d for d in range(1, calendar.monthrange(year, month)[1] + 1)]
    matching = [d for d in days if date(year, month, d).weekday() == weekday]
    try:
        return date(year, month, matching[n - 1 if n > 0 else n])
    except IndexError:
        return None


def easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    day = (h + ell - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def holiday(name: str, year: int) -> date | None:
    """The date of a (mostly US) holiday in ``year``; unknown names → None."""
    key = " ".join(name.lower().replace("’", "'").split())
    fixed = {
        "christmas": (12, 25),
        "christmas day": (12, 25),
        "christmas eve": (12, 24),
        "new year's day": (1, 1),
        "new year's eve": (12, 31),
        "new year's": (1, 1),
        "independence day": (7, 4),
        "halloween": (10, 31),
        "valentine's day": (2, 14),
        "veterans day": (11, 11),
        "boxing day": (12, 26),
        "st. patrick's day": (3, 17),
    }
    if key in fixed:
        return safe_date(year, *fixed[key])
    if key in ("thanksgiving", "thanksgiving day"):
        return nth_weekday(year, 11, 3, 4)
    if key == "election day":  # US: the Tuesday after the first Monday of November
        first_monday = nth_weekday(year, 11, 0, 1)
        return first_monday + timedelta(days=1) if first_monday else None
    if key == "labor day":
        return nth_weekday(year, 9, 0, 1)
    if key == "memorial day":
        return nth_weekday(year, 5, 0, -1)
    if key in ("easter", "easter sunday"):
        return easter(year)
    if key == "good friday":
        return easter(year) - timedelta(days=2)
    return None
