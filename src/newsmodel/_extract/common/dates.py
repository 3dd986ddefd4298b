"""Dates and times as news pages write them, read into aware datetimes or days.

:func:`parse_date` accepts ISO 8601 (with ``T`` or a space), RFC 2822, prose dates ("Nov. 26,
2026", "26 November 2026 at 2:05 pm"), JavaScript ``Date`` strings, East Asian dates
("2026년 11월 26일 오후 2:05") and a leading label ("Published", "Updated:"). Zone
abbreviations map to offsets (``ET`` and the other US generic names follow daylight saving time).
It never invents: a day alone stays a :class:`~datetime.date`, and a time without a zone is
dropped to its day with a :class:`~newsmodel.errors.GuessWarning`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from dateutil import parser as _dateutil_parser
from dateutil import tz

from ... import _guesses
from ..._converter import parse_when
from ...errors import GuessWarning

__all__ = [
    "EARLIEST_YEAR",
    "parse_date",
    "read_date",
    "strip_date_label",
    "structured_date",
    "zone_for",
]


def _fixed(hours: float) -> dt.tzinfo:
    return dt.timezone(dt.timedelta(hours=hours))


def _zone(name: str, fallback_hours: float) -> dt.tzinfo:
    # A generic name ("ET") means whichever of standard or daylight time was in force; fall
    # back to the standard offset only when no time zone database is installed.
    return tz.gettz(name) or _fixed(fallback_hours)


#: Zone abbreviations news sites print, upper case, to the zone they stand for. Where an
#: abbreviation is ambiguous the reading most common in English-language news wins: CST is
#: US Central, IST is India, BST is British Summer Time.
_ZONES: Final[dict[str, dt.tzinfo]] = {
    **dict.fromkeys(("UTC", "GMT", "Z", "UT", "WET"), dt.timezone.utc),
    "ET": _zone("America/New_York", -5),
    "CT": _zone("America/Chicago", -6),
    "MT": _zone("America/Denver", -7),
    "PT": _zone("America/Los_Angeles", -8),
    "EST": _fixed(-5),
    "EDT": _fixed(-4),
    "CST": _fixed(-6),
    "CDT": _fixed(-5),
    "MST": _fixed(-7),
    "MDT": _fixed(-6),
    "PST": _fixed(-8),
    "PDT": _fixed(-7),
    "AKST": _fixed(-9),
    "AKDT": _fixed(-8),
    "HST": _fixed(-10),
    "AST": _fixed(-4),
    "ADT": _fixed(-3),
    "NST": _fixed(-3.5),
    "NDT": _fixed(-2.5),
    "BRT": _fixed(-3),
    "ART": _fixed(-3),
    "WEST": _fixed(1),
    "BST": _fixed(1),
    "CET": _fixed(1),
    "MEZ": _fixed(1),
    "WAT": _fixed(1),
    "CEST": _fixed(2),
    "MESZ": _fixed(2),
    "EET": _fixed(2),
    "SAST": _fixed(2),
    "CAT": _fixed(2),
    "EEST": _fixed(3),
    "MSK": _fixed(3),
    "TRT": _fixed(3),
    "EAT": _fixed(3),
    "GST": _fixed(4),
    "PKT": _fixed(5),
    "IST": _fixed(5.5),
    "NPT": _fixed(5.75),
    "ICT": _fixed(7),
    "WIB": _fixed(7),
    "HKT": _fixed(8),
    "SGT": _fixed(8),
    "PHT": _fixed(8),
    "AWST": _fixed(8),
    "KST": _fixed(9),
    "JST": _fixed(9),
    "ACST": _fixed(9.5),
    "ACDT": _fixed(10.5),
    "AEST": _fixed(10),
    "AEDT": _fixed(11),
    "NZST": _fixed(12),
    "NZDT": _fixed(13),
}


#: Older dates are placeholders: no news was printed before the first newspapers.
EARLIEST_YEAR = 1600


def zone_for(name: str) -> dt.tzinfo | None:
    """The zone a printed abbreviation ("ET", "KST", "CEST") stands for, or ``None``."""
    return _ZONES.get(name.upper())


# --- patterns ---------------------------------------------------------------------------------

_LABEL: Final = re.compile(
    r"^\s*(?:(?:first|originally|last|date)\s+)?"
    r"(?:published|posted|updated|modified|created|issued|filed|released|dated?|time|"
    r"updated\s+at|updated\s+on|last\s+update|입력|수정|최종\s*수정|업데이트)"
    r"(?:\s+(?:on|at))?\s*(?::|-|–|—|\s)\s*",
    re.IGNORECASE,
)
_ISO: Final = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})"
    r"(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,6})\d*)?)?"
    r"\s*(Z|[+-]\d{2}(?::?\d{2})?|[A-Za-z]{2,5})?)?$"
)
_AMPM: Final = re.compile(r"\b([ap])\.?\s?m\b\.?", re.IGNORECASE)
_NOON: Final = re.compile(r"\b(noon|midnight)\b", re.IGNORECASE)
#: "GMT-0500", "UTC+9", "UTC +09:00": dateutil would read the sign POSIX-style (reversed).
_GMT_OFFSET: Final = re.compile(r"\b(?:GMT|UTC|UT)\s*([+-])(\d{1,2})(?::?(\d{2}))?\b")
_PAREN: Final = re.compile(r"\(([^()]*)\)")
_CJK_DATE: Final = re.compile(r"(\d{4})\s*[년年]\s*(\d{1,2})\s*[월月]\s*(\d{1,2})\s*[일日]")
_CJK_AMPM: Final = re.compile(r"(오전|오후|午前|午後|上午|下午)\s*(\d{1,2}(?::\d{2})?(?::\d{2})?)")
_CJK_TIME: Final = re.compile(r"(\d{1,2})\s*[시時]\s*(?:(\d{1,2})\s*[분分])?")
_YEAR: Final = re.compile(
    r"(?<!\d)(?:1[89]|2[01])\d\d(?!\d)|(?<!\d)\d{1,2}[/.-]\d{1,2}[/.-]\d{2}(?!\d)"
)
_MONTH_WORD: Final = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b\.?|\d{1,4}[/.-]\d{1,2}",
    re.IGNORECASE,
)
_SPACES: Final = re.compile(r"\s+")
#: "04.12.2025": a numeric day written with dots, day first wherever it is written so.
_DOTTED_DAY: Final = re.compile(r"(?<![\d.])\d{1,2}\.\d{1,2}\.\d{2,4}(?![\d.])")
#: "09.15 GMT" (the Guardian's clock), but not the parts of "26.11.2026".
_DOTTED_TIME: Final = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{2})(?![\d.])")

_PM: Final = frozenset({"오후", "午後", "下午"})

_EARLY: Final = dt.datetime(1904, 1, 1, 0, 0, 0)
_LATE: Final = dt.datetime(1908, 2, 2, 1, 1, 1)


def strip_date_label(text: str) -> str:
    """``text`` without a leading label such as "Published", "Updated:" or "Last modified on"."""
    match = _LABEL.match(text)
    return text[match.end() :] if match else text


def _tzinfos(name: str | None, offset: int | None) -> dt.tzinfo | None:
    if name is not None:
        zone = _ZONES.get(name.upper())
        if zone is not None:
            return zone
    if offset is not None:
        return dt.timezone.utc if offset == 0 else dt.timezone(dt.timedelta(seconds=offset))
    # An unknown abbreviation: say nothing here, the caller treats the time as zoneless.
    return None


def _gmt_offset(match: re.Match[str]) -> str:
    sign, hours, minutes = match.groups()
    return f" {sign}{int(hours):02d}{minutes or '00'}"


def _paren(match: re.Match[str]) -> str:
    inner = match.group(1).strip()
    # "(UTC)", "(KST)" carry a zone; "(Eastern Standard Time)" repeats the offset beside it.
    return f" {inner} " if inner.upper() in _ZONES else " "


def _cjk_ampm(match: re.Match[str]) -> str:
    clock = match.group(2) if ":" in match.group(2) else match.group(2) + ":00"
    return f"{clock} {'PM' if match.group(1) in _PM else 'AM'}"


def _normalise(text: str) -> str:
    # Each rewrite runs only when its trigger is present: dates are read in hot loops.
    if not text.isascii():
        text = _CJK_DATE.sub(lambda m: f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}", text)
        text = _CJK_TIME.sub(lambda m: f"{m[1]}:{m[2] or '00'}", text)
        text = _CJK_AMPM.sub(_cjk_ampm, text)
    if "(" in text:
        text = _PAREN.sub(_paren, text)
    if "." in text:
        text = _DOTTED_TIME.sub(r"\1:\2", text)
    if "GMT" in text or "UT" in text:
        text = _GMT_OFFSET.sub(_gmt_offset, text)
    lowered = text.lower()
    if "noon" in lowered or "midnight" in lowered:
        text = _NOON.sub(lambda m: "12:00 PM" if m[1].lower() == "noon" else "12:00 AM", text)
    if "m" in lowered:
        text = _AMPM.sub(lambda m: m[1].upper() + "M", text)
    return _SPACES.sub(" ", text.replace("|", " ").replace(",", ", ")).strip(" ,")


def _from_iso(match: re.Match[str], source: str, warn: bool) -> dt.datetime | dt.date | None:
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    try:
        day_only = dt.date(int(year), int(month), int(day))
        if hour is None:
            return day_only
        moment = dt.datetime(
            int(year),
            int(month),
            int(day),
            int(hour),
            int(minute),
            int(second or 0),
            int((fraction or "0").ljust(6, "0")),
        )
    except ValueError:
        return None
    if zone is None:
        return _zoneless(day_only, source, warn)
    if zone[0] in "+-":
        fixed = _numeric_offset(zone)
        return None if fixed is None else moment.replace(tzinfo=fixed)
    named = _ZONES.get(zone.upper())
    if named is None:
        return _zoneless(day_only, source, warn)
    named_offset = moment.replace(tzinfo=named).utcoffset()
    assert named_offset is not None  # every zone in the table has an offset
    return moment.replace(tzinfo=dt.timezone(named_offset))


_MONTH_NUMBERS: Final = {
    name: number
    for number, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")],
        start=1,
    )
    for name in names
}  # fmt: skip
_CLOCK: Final = r"\d{1,2}(?::\d{2}){1,2}(?:\s?[AP]M)?|\d{1,2}\s?[AP]M"
_ZONE_TOKEN: Final = r"[A-Z]{1,5}|[+-]\d{2}:?\d{2}"
_MONTH_NAME: Final = r"[A-Za-z]{3,9}"
#: The prose dates pages print most ("10:32 AM ET Nov 26, 2026", "Thursday, 26 November
#: 2026, 09:15 GMT", "Nov 26, 2026 at 3:15 PM CST"), read without dateutil's general parser.
_PROSE: Final = re.compile(
    rf"^(?:(?P<clock1>{_CLOCK})\s+(?:(?P<zone1>{_ZONE_TOKEN}),?\s+)?)?"
    rf"(?:[A-Za-z]{{3,9}}\.?,?\s+)??"
    rf"(?:(?P<month>{_MONTH_NAME})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month2>{_MONTH_NAME})\.?),?\s+(?P<year>\d{{4}})"
    rf"(?:,?\s+(?:at\s+)?(?P<clock2>{_CLOCK})(?:\s+(?P<zone2>{_ZONE_TOKEN}))?)?$"
)


def _from_prose(match: re.Match[str], source: str, warn: bool) -> dt.datetime | dt.date | None:
    month = _MONTH_NUMBERS.get((match["month"] or match["month2"]).lower())
    if month is None:
        return None
    try:
        day = dt.date(int(match["year"]), month, int(match["day"] or match["day2"]))
    except ValueError:
        return None
    clock = match["clock1"] or match["clock2"]
    if clock is None:
        return day
    if match["clock1"] and match["clock2"]:
        return None
    digits = clock.replace(" ", "").partition("M")[0]
    pm = digits.endswith("P")
    parts = [int(part) for part in digits.rstrip("AP").split(":")]
    hour, minute, second = [*parts, 0, 0][:3]
    if clock.endswith("M"):
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if pm else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    zone = match["zone1"] or match["zone2"]
    if zone is None:
        return _zoneless(day, source, warn)
    if zone[0] in "+-":
        numeric = _numeric_offset(zone)
        if numeric is None:
            return None
        tzinfo: dt.tzinfo = numeric
    else:
        named = _ZONES.get(zone)
        if named is None:
            return _zoneless(day, source, warn)
        tzinfo = named
    moment = dt.datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=tzinfo)
    fixed = moment.utcoffset()
    assert fixed is not None  # every zone in the table has an offset
    return moment.replace(tzinfo=dt.timezone(fixed))


def _numeric_offset(zone: str) -> dt.timezone | None:
    """``+05:30``, ``-0800`` or ``+09`` as a fixed zone; ``None`` for an impossible offset
    (``+24:00``, ``+99:99``), which says the whole date cannot be trusted."""
    digits = zone[1:].replace(":", "").ljust(4, "0")
    hours, minutes = int(digits[:2]), int(digits[2:])
    if hours > 23 or minutes > 59:
        return None
    offset = dt.timedelta(hours=hours, minutes=minutes)
    return dt.timezone(-offset if zone[0] == "-" else offset)


def _zoneless(day: dt.date, source: str, warn: bool) -> dt.date:
    if warn:
        _guesses.warn(
            f"{source!r} gives a time without a time zone; kept the day only",
            GuessWarning,
            stacklevel=5,
        )
    return day


def parse_date(text: str) -> dt.datetime | dt.date | None:
    """Read a date or a moment from ``text`` as a news page prints it.

    Args:
        text: One date, optionally after a label ("Published 10:32 a.m. ET Nov. 26, 2026",
            "Updated: 2026-11-26 14:05 KST", "Tue Nov 19 2019 10:00:00 GMT-0500 (Eastern
            Standard Time)", "November 19, 2019").

    Returns:
        A timezone-aware datetime when the text gives a time and a zone; a date when it gives a
        day (a time without a zone is dropped, with a :class:`GuessWarning`); ``None`` when the
        text is not a complete date (no year, no day, a sentence, a relative "2 hours ago").
    """
    return read_date(text, warn=True)


def read_date(
    text: str, *, warn: bool, day_first: bool | None = None
) -> dt.datetime | dt.date | None:
    """:func:`parse_date`, optionally without the warning for a dropped zoneless time.

    ``warn=False`` is for callers that only ask whether a line *is* a date; ``day_first`` is
    as for :func:`structured_date`.
    """
    return _real(_read(text, warn, day_first))


def structured_date(text: str, *, day_first: bool | None = None) -> dt.datetime | dt.date | None:
    """Read a date from structured data (JSON-LD, microdata, ``<meta>``, ``<time datetime>``).

    ISO 8601 with an offset is read as it is; a Unix timestamp (10 digits of seconds or 13 of
    milliseconds) as a UTC moment; anything else as :func:`parse_date` reads prose.

    Args:
        text: The date as written.
        day_first: How an all-numeric day such as ``04/12/2025`` reads: ``True`` day first
            (most of Europe, British English), ``False`` month first (American English);
            either way a dotted one (``04.12.2025``) reads day first, as nobody writes a month
            first with dots. ``None`` reads it month first whatever the separator.

    Returns:
        The date or moment; ``None`` when the text is none, or a placeholder year.
    """
    text = text.strip()
    if text.isdigit() and len(text) in (10, 13):
        seconds = int(text) / (1000 if len(text) == 13 else 1)
        return _real(dt.datetime.fromtimestamp(seconds, tz=dt.timezone.utc))
    try:
        return _real(parse_when(text))
    except ValueError:
        return read_date(text, warn=True, day_first=day_first)


def _real(when: dt.datetime | dt.date | None) -> dt.datetime | dt.date | None:
    """``when``, unless it is a content system's "no date" (0001-01-01, a year before news)."""
    return None if when is None or when.year < EARLIEST_YEAR else when


def _read(text: str, warn: bool, day_first: bool | None = None) -> dt.datetime | dt.date | None:
    source = text.strip()
    body = strip_date_label(source).strip()
    if not body or len(body) > 120:
        return None
    iso = _ISO.match(body)
    if iso is not None:
        return _from_iso(iso, source, warn)
    if not _YEAR.search(body):
        return None
    body = _normalise(body)
    iso = _ISO.match(body)
    if iso is not None:
        return _from_iso(iso, source, warn)
    prose = _PROSE.match(body)
    if prose is not None:
        return _from_prose(prose, source, warn)
    # dateutil fills whatever is missing from a default; refuse texts that lack a month
    # before asking it, and compare two different defaults to see what else was given.
    if not _MONTH_WORD.search(body):
        return None
    dayfirst = day_first is not None and (day_first or _DOTTED_DAY.search(body) is not None)
    try:
        early = _dateutil_parser.parse(body, default=_EARLY, tzinfos=_tzinfos, dayfirst=dayfirst)
        late = _dateutil_parser.parse(body, default=_LATE, tzinfos=_tzinfos, dayfirst=dayfirst)
    except (ValueError, ArithmeticError):
        # ArithmeticError: dateutil reads "1:999…9" seconds through Decimal, which overflows.
        return None
    if (early.year, early.month, early.day) != (late.year, late.month, late.day):
        return None
    day = early.date()
    if (early.hour, early.minute) != (late.hour, late.minute):
        return day
    offset = early.utcoffset()
    if offset is None:
        return _zoneless(day, source, warn)
    if abs(offset) >= dt.timedelta(days=1):
        return None  # "+9999": dateutil keeps an offset no clock has
    # A fixed offset keeps the value portable (no tie to the system's zone files) and equal
    # to the same moment read from any other format.
    return early.replace(tzinfo=dt.timezone(offset))
