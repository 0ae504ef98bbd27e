"""Publication dates from the many ways inputs write them.

The date kept is the calendar date *as the publisher wrote it* (its local date): a timestamp of
``2021-11-07T01:30:00+03:00`` is the 7th, not the 6th in UTC, since that is the day the article
calls "today".
"""

from __future__ import annotations

import re
import time
from datetime import UTC, date, datetime
from email.utils import parsedate_tz

from dateutil import parser as dateutil_parser

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTHS = {name: number for number, name in enumerate(_MONTH_NAMES, 1)}
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?[- ]([A-Za-z]{3,9})\.?[- ,]+(\d{4})\b")
_NUMERIC = re.compile(r"(\d{1,2})([./])(\d{1,2})\2(\d{4})\b")
_MONTH_DAY_YEAR = re.compile(r"([A-Za-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b")
_EARLIEST = date(1800, 1, 1)
_LATEST_YEAR = 2200


def parse_date(value: object) -> str | None:
    """Return ``YYYY-MM-DD`` for a date-like value, or ``None`` when it is not a usable date.

    Accepts ``date``/``datetime``, ``time.struct_time``, epoch seconds or milliseconds, ISO 8601,
    RFC 822 (``Sun, 07 Nov 2021 10:00:00 GMT``) and the free forms dateutil understands
    (``26-FEB-1987 15:01:01.79``, ``November 7, 2021``).
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return _checked(value.date())
    if isinstance(value, date):
        return _checked(value)
    if isinstance(value, time.struct_time):
        return _from_parts(value.tm_year, value.tm_mon, value.tm_mday)
    if isinstance(value, int | float):
        return _from_epoch(float(value))
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > 100:
        return None
    match = _ISO_DATE.match(text)
    if match:
        return _from_parts(*(int(part) for part in match.groups()))
    if text.isdigit():
        if len(text) == 8:  # 20211107
            return _from_parts(int(text[:4]), int(text[4:6]), int(text[6:]))
        if len(text) in (9, 10, 12, 13):  # epoch seconds or milliseconds
            return _from_epoch(float(text))
        return None  # a bare year or a number is not a publication date
    rfc = parsedate_tz(text)
    if rfc is not None:
        return _from_parts(rfc[0], rfc[1], rfc[2])
    written = _written_date(text)
    if written is not None:
        return written
    try:
        parsed = dateutil_parser.parse(text, default=datetime(1, 1, 1), dayfirst="." in text)
    except (ValueError, OverflowError, TypeError):
        return None
    if parsed.year == 1:  # no year in the text: not a publication date
        return None
    return _checked(parsed.date())


def _written_date(text: str) -> str | None:
    """``26-FEB-1987 …``, ``7 November 2021``, ``November 7th, 2021``: no need for dateutil."""
    match = _DAY_MONTH_YEAR.match(text)
    if match and match.group(2)[:3].lower() in _MONTHS:
        day, month, year = match.groups()
        return _from_parts(int(year), _MONTHS[month[:3].lower()], int(day))
    match = _MONTH_DAY_YEAR.match(text)
    if match and match.group(1)[:3].lower() in _MONTHS:
        month, day, year = match.groups()
        return _from_parts(int(year), _MONTHS[month[:3].lower()], int(day))
    match = _NUMERIC.match(text)
    if match:
        first, separator, second, year = match.groups()
        # dots are day-first everywhere (07.11.2021); slashes are month-first unless impossible
        day_first = separator == "." or int(first) > 12
        day, month = (first, second) if day_first else (second, first)
        return _from_parts(int(year), int(month), int(day))
    return None


def _from_epoch(seconds: float) -> str | None:
    if seconds > 1e11:  # milliseconds
        seconds /= 1000
    try:
        return _checked(datetime.fromtimestamp(seconds, tz=UTC).date())
    except (OverflowError, OSError, ValueError):
        return None


def _from_parts(year: int, month: int, day: int) -> str | None:
    try:
        return _checked(date(year, month, day))
    except ValueError:
        return None


def _checked(value: date) -> str | None:
    if value < _EARLIEST or value.year > _LATEST_YEAR:
        return None
    return value.isoformat()
