"""The days a TIMEX3 date value covers (``tidings.time.periods``), shared by events, store and stories."""

from __future__ import annotations

from datetime import date

import pytest

from tidings.events.attributes_time import period as events_period
from tidings.store.events import date_range
from tidings.stories.when import dates_compatible, parse_span, window
from tidings.time.periods import period


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-11-07", ("2021-11-07", "2021-11-07", "day")),
        ("2021-11-07TMO", ("2021-11-07", "2021-11-07", "day")),
        ("2024-02", ("2024-02-01", "2024-02-29", "month")),
        ("2021-W44", ("2021-11-01", "2021-11-07", "week")),
        ("2021-W44-WE", ("2021-11-06", "2021-11-07", "week")),
        ("2020-W53", ("2020-12-28", "2021-01-03", "week")),
        ("2019-Q4", ("2019-10-01", "2019-12-31", "quarter")),
        ("2020-H2", ("2020-07-01", "2020-12-31", "half")),
        ("2021-SP", ("2021-03-01", "2021-05-31", "season")),
        ("2021-AU", ("2021-09-01", "2021-11-30", "season")),
        ("2021-WI", ("2021-12-01", "2022-02-28", "season")),
        ("2019", ("2019-01-01", "2019-12-31", "year")),
        ("199", ("1990-01-01", "1999-12-31", "decade")),
        ("199X", ("1990-01-01", "1999-12-31", "decade")),
        ("19", ("1900-01-01", "1999-12-31", "century")),
    ],
)
def test_periods(value: str, expected: tuple[str, str, str]) -> None:
    found = period(value)
    assert found is not None
    assert (found[0].isoformat(), found[1].isoformat(), found[2]) == expected
    # the three stages that read dates agree on it
    assert date_range(value) == expected[:2]
    assert events_period(value) == found
    assert parse_span(value) == found[:2]


@pytest.mark.parametrize(
    "value",
    [
        *("", None, "P1M", "PRESENT_REF", "XXXX-10", "2021-02-30", "2021-W54", "2021-Q5", "0000"),
        *("2021-11-07x", "1", "2021-11-07 ", "20211107"),
    ],
)
def test_not_dates(value: str | None) -> None:
    assert period(value) is None
    assert date_range(value) == (None, None)


def test_windows_widen_only_to_a_coarser_precision() -> None:
    # a day known to the month stands for its whole month
    assert window("2021-11-07", "month") == (date(2021, 10, 31), date(2021, 12, 1))
    # a season keeps its own months at quarter precision (not the calendar quarter of its first day)
    assert window("2021-SU", "quarter") == (date(2021, 5, 31), date(2021, 9, 1))
    # weeks and quarters compare with days inside them
    assert dates_compatible("2021-W44", "week", "2021-11-03", "day") is True
    assert dates_compatible("2021-Q3", "quarter", "2021-08-15", "day") is True
    assert dates_compatible("2021-Q3", "quarter", "2021-12-15", "day") is False
    assert dates_compatible("PRESENT_REF", None, "2021-12-15", "day") is None
    # days: the same day or the next (a late-night report), not two days apart (a clash on the
    # 5th and a drone attack on the 7th in the same city are two happenings)
    assert dates_compatible("2021-11-06", "day", "2021-11-07", "day") is True
    assert dates_compatible("2021-11-05", "day", "2021-11-07", "day") is False
    assert dates_compatible("2021-11", "month", "2021-12-01", "day") is True
