"""ISO 8601 dates in the compact form IPTC's older formats use (NITF ``norm`` attributes,
NewsML 1's ``FirstCreated``).

NITF asks for ``YYYYMMDDTHHMMSS-HHMM`` (or ``…Z``); files in the wild also use the extended
form (``2014-08-29T13:50:06Z``), leave out the seconds or the zone, or give a day alone.
"""

from __future__ import annotations

import datetime as dt
import re

from .. import _guesses
from ..errors import GuessWarning

__all__ = ["format_norm", "format_norm_day", "parse_norm"]

_NORM = re.compile(
    r"(\d{4})-?(\d{2})-?(\d{2})"
    r"(?:[T ](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d{1,9}))?)?)?"
    r"\s*(Z|[+-]\d{2}(?::?\d{2})?)?",
    re.IGNORECASE,
)


def format_norm(value: dt.datetime | dt.date) -> str:
    """The compact form NITF prefers: ``20260829T135006-0500``, or ``20260829`` for a day."""
    if not isinstance(value, dt.datetime):
        return format_norm_day(value)
    offset = value.utcoffset() or dt.timedelta(0)
    if offset.seconds % 60 or offset.microseconds:
        # ±HHMM cannot say seconds of offset: the same moment in UTC compares equal.
        value, offset = value.astimezone(dt.timezone.utc), dt.timedelta(0)
    text = value.strftime("%Y%m%dT%H%M%S")
    if value.microsecond:
        text += f".{value.microsecond:06d}"
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return f"{text}{sign}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"


def format_norm_day(value: dt.date) -> str:
    return f"{value.year:04d}{value.month:02d}{value.day:02d}"


def parse_norm(text: str | None, *, warn: bool = True) -> dt.datetime | dt.date | None:
    """A normalised date, or ``None`` when ``text`` is not one.

    A time without a zone keeps only its day (with a :class:`~newsmodel.GuessWarning`):
    newsmodel does not guess zones.
    """
    match = _NORM.fullmatch((text or "").strip())
    if match is None:
        return None
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    try:
        date = dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
    if date.year < 1000:
        return None  # a content system's "no date" (00000000)
    if hour is None:
        return date
    if zone is None:
        if warn:
            _guesses.warn(
                f"{text!r} gives a time without a time zone; kept the day only",
                GuessWarning,
                stacklevel=3,
            )
        return date
    try:
        return dt.datetime(
            date.year,
            date.month,
            date.day,
            int(hour),
            int(minute),
            int(second or 0),
            int((fraction or "0")[:6].ljust(6, "0")),
            tzinfo=_zone(zone),
        )
    except ValueError:
        return None


def _zone(text: str) -> dt.timezone:
    if text.upper() == "Z":
        return dt.timezone.utc
    digits = text[1:].replace(":", "")
    minutes = int(digits[:2]) * 60 + int(digits[2:4] or 0)
    if minutes >= 24 * 60:
        raise ValueError("offset out of range")
    return dt.timezone(dt.timedelta(minutes=-minutes if text[0] == "-" else minutes))
