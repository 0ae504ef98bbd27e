"""ingest/dates.py: parse_date turns the many ways inputs write dates into YYYY-MM-DD."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from tidings.ingest.dates import parse_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-11-07", "2021-11-07"),
        ("  2021-11-07  ", "2021-11-07"),
        ("2021-11-07T10:15:00", "2021-11-07"),
        ("2021-11-07T10:15:00Z", "2021-11-07"),
        ("2021-11-07 18:10:00", "2021-11-07"),
    ],
)
def test_iso_dates(value: str, expected: str) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # 01:30 in Baghdad is still the 6th in UTC: the publisher's local date is kept.
        ("2021-11-07T01:30:00+03:00", "2021-11-07"),
        # 23:30 in New York is already the 7th in UTC: still the 6th locally.
        ("2021-11-06T23:30:00-05:00", "2021-11-06"),
    ],
)
def test_iso_with_timezone_keeps_the_local_date(value: str, expected: str) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Sun, 07 Nov 2021 10:00:00 GMT", "2021-11-07"),
        ("Sun, 07 Nov 2021 01:00:00 +0300", "2021-11-07"),
        ("Tue, 13 Sep 2022 23:30:00 -0400", "2022-09-13"),
        ("07 Nov 2021 10:00:00 +0000", "2021-11-07"),
    ],
)
def test_rfc_822(value: str, expected: str) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("26-FEB-1987 15:01:01.79", "1987-02-26"),
        ("3-MAR-1987 09:12:44.20", "1987-03-03"),
        ("November 7, 2021", "2021-11-07"),
        ("Nov. 7, 2021", "2021-11-07"),
        ("November 7th, 2021", "2021-11-07"),
        ("7 November 2021", "2021-11-07"),
    ],
)
def test_written_dates(value: str, expected: str) -> None:
    assert parse_date(value) == expected


def test_epoch_seconds_and_milliseconds() -> None:
    seconds = int(datetime(2021, 11, 7, 12, 0, tzinfo=UTC).timestamp())
    assert parse_date(seconds) == "2021-11-07"
    assert parse_date(seconds * 1000) == "2021-11-07"
    assert parse_date(float(seconds) + 0.5) == "2021-11-07"
    assert parse_date(str(seconds)) == "2021-11-07"
    assert parse_date(str(seconds * 1000)) == "2021-11-07"


def test_struct_time_date_and_datetime() -> None:
    assert parse_date(time.strptime("2021-11-07", "%Y-%m-%d")) == "2021-11-07"
    assert parse_date(date(2021, 11, 7)) == "2021-11-07"
    local = datetime(2021, 11, 7, 1, 30, tzinfo=timezone(timedelta(hours=3)))
    assert parse_date(local) == "2021-11-07"


@pytest.mark.parametrize(
    "value",
    ["garbage", "not a date at all", "yesterday", "Monday", "12:30", "Nov 7", "", "   ", None, True, [], {}],
)
def test_garbage_is_none(value: object) -> None:
    assert parse_date(value) is None


@pytest.mark.parametrize(
    "value", ["2021-02-30", "2021-13-01", "2021-00-10", "2021-04-31", "31-FEB-2021", "February 30, 2021"]
)
def test_impossible_dates_are_none(value: str) -> None:
    assert parse_date(value) is None


@pytest.mark.parametrize("value", ["1799-12-31", "0001-01-01", "2201-01-01", "9999-12-31", date(1700, 1, 1)])
def test_out_of_range_years_are_none(value: object) -> None:
    assert parse_date(value) is None


def test_range_limits_are_inclusive() -> None:
    assert parse_date("1800-01-01") == "1800-01-01"
    assert parse_date("2200-12-31") == "2200-12-31"


def test_overlong_and_huge_values_are_none() -> None:
    assert parse_date("2021-11-07 " + "x" * 200) is None
    assert parse_date(10**30) is None
    assert parse_date(float("inf")) is None


def test_basic_iso_date_without_dashes() -> None:
    assert parse_date("20211107") == "2021-11-07"


def test_a_bare_year_is_not_a_day() -> None:
    assert parse_date("2021") is None


def test_dotted_dates_are_day_first() -> None:
    assert parse_date("07.11.2021") == "2021-11-07"
