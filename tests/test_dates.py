"""Unit tests for newsmodel._extract.common.dates: dates as news pages print them."""

from __future__ import annotations

import datetime as dt
import warnings

import pytest

from newsmodel._extract.common.dates import parse_date, strip_date_label, zone_for
from newsmodel.errors import GuessWarning


def _tz(hours: float) -> dt.timezone:
    return dt.timezone(dt.timedelta(hours=hours))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-26T10:32:00Z", dt.datetime(2026, 11, 26, 10, 32, tzinfo=dt.timezone.utc)),
        ("2026-11-26 10:32:00+09:00", dt.datetime(2026, 11, 26, 10, 32, tzinfo=_tz(9))),
        ("2026-11-26T10:32:00.250-0500", dt.datetime(2026, 11, 26, 10, 32, 0, 250000, _tz(-5))),
        ("Updated: 2026-11-26 14:05 KST", dt.datetime(2026, 11, 26, 14, 5, tzinfo=_tz(9))),
        (
            "Published 10:32 a.m. ET Nov. 26, 2026",
            dt.datetime(2026, 11, 26, 10, 32, tzinfo=_tz(-5)),
        ),
        ("Published 10:32 a.m. ET July 26, 2026", dt.datetime(2026, 7, 26, 10, 32, tzinfo=_tz(-4))),
        ("Tue, 19 Nov 2019 10:00:00 -0500", dt.datetime(2019, 11, 19, 10, tzinfo=_tz(-5))),
        (
            "Tue Nov 19 2019 10:00:00 GMT-0500 (Eastern Standard Time)",
            dt.datetime(2019, 11, 19, 10, tzinfo=_tz(-5)),
        ),
        ("Thursday, 26 November 2026, 09:15 GMT", dt.datetime(2026, 11, 26, 9, 15, tzinfo=_tz(0))),
        ("Last updated on June 3, 2026 at 9:00 am PT", dt.datetime(2026, 6, 3, 9, tzinfo=_tz(-7))),
        (
            "Posted Nov. 26, 2026 at 3:15 p.m. CST",
            dt.datetime(2026, 11, 26, 15, 15, tzinfo=_tz(-6)),
        ),
        ("26 Nov 2026 18:00 CET", dt.datetime(2026, 11, 26, 18, tzinfo=_tz(1))),
        ("June 1, 2026 8:00 BST", dt.datetime(2026, 6, 1, 8, tzinfo=_tz(1))),
        ("2026년 11월 26일 오후 2:05 KST", dt.datetime(2026, 11, 26, 14, 5, tzinfo=_tz(9))),
        ("Nov 26, 2026 12:00 noon UTC", dt.datetime(2026, 11, 26, 12, tzinfo=_tz(0))),
        ("Sept. 3, 2026 10:00 p.m. EDT", dt.datetime(2026, 9, 3, 22, tzinfo=_tz(-4))),
    ],
)
def test_moments_are_aware(text: str, expected: dt.datetime) -> None:
    """A date with a time and a zone is an aware datetime at the right instant and offset."""
    actual = parse_date(text)
    assert isinstance(actual, dt.datetime)
    assert expected == actual
    assert expected.utcoffset() == actual.utcoffset()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("November 19, 2019", dt.date(2019, 11, 19)),
        ("2026-11-26", dt.date(2026, 11, 26)),
        ("Nov. 26, 2026", dt.date(2026, 11, 26)),
        ("26th November 2026", dt.date(2026, 11, 26)),
        ("Published: 26/11/2026", dt.date(2026, 11, 26)),
        ("2026년 11월 26일", dt.date(2026, 11, 26)),
    ],
)
def test_a_day_alone_is_a_date(text: str, expected: dt.date) -> None:
    """A day without a time stays a date: nothing is invented, nothing is warned."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert expected == parse_date(text)


@pytest.mark.parametrize("text", ["2026-11-26 14:05", "Nov 26, 2026 2:05 PM", "26.11.2026 14:05"])
def test_a_time_without_zone_keeps_the_day_and_warns(text: str) -> None:
    """A local time without a zone cannot be placed: the day is kept and the guess reported."""
    with pytest.warns(GuessWarning, match="without a time zone"):
        actual = parse_date(text)
    assert dt.date(2026, 11, 26) == actual


def test_an_unknown_zone_is_no_zone() -> None:
    """An abbreviation we do not know is treated as missing, not as UTC or local time."""
    with pytest.warns(GuessWarning):
        assert dt.date(2026, 11, 26) == parse_date("Nov 26, 2026 2:05 PM XYZ")


@pytest.mark.parametrize(
    "text",
    ["", "hello", "Nov. 26", "2 hours ago", "12:30 PM ET", "Reuters 2019", "November 2026",
     "By the time we got there in 2019 it was over", "2026-13-45", "Page 3 of 12"],
)  # fmt: skip
def test_not_a_date(text: str) -> None:
    """What is not a complete date (no year, no day, prose, relative times) is None."""
    assert parse_date(text) is None


def test_labels_and_zones() -> None:
    """Labels are stripped; zone abbreviations map to offsets, ET following daylight time."""
    assert strip_date_label("Last updated on: Nov 26") == "Nov 26"
    assert strip_date_label("Nov 26") == "Nov 26"
    assert zone_for("kst") == _tz(9)
    assert zone_for("XYZ") is None
    et = zone_for("ET")
    assert et is not None
    assert dt.datetime(2026, 7, 1, tzinfo=et).utcoffset() == dt.timedelta(hours=-4)
    assert dt.datetime(2026, 1, 1, tzinfo=et).utcoffset() == dt.timedelta(hours=-5)


def test_placeholder_dates_are_no_dates() -> None:
    """A content system's "no date" (year 1) is not a date; an old real one still is."""
    assert parse_date("0001-01-01T00:00:00Z") is None
    assert parse_date("1851-09-18") == dt.date(1851, 9, 18)
