"""Dates written relative to the moment a page was read: "3 hours ago", "yesterday".

Such a date means nothing without the moment it is relative to, so it is only read against a
reference time that the caller knows (the HTTP ``Date`` of the response, a WARC record's
``WARC-Date``); without one it is not guessed. The forms read are English, German, French,
Spanish, Portuguese, Italian and Dutch: a number (or "a", "ein", "un"…) of seconds, minutes,
hours, days or weeks "ago" in each language's word order, and the words for today and
yesterday. Months and years ago are not read: they do not name a day.

A distance under a day gives a moment (the reference time minus it); days and weeks, today
and yesterday give a day, counted in the reference time's zone.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

__all__ = ["RELATIVE_DATE", "relative_date", "relative_when"]

_SECOND, _MINUTE, _HOUR, _DAY, _WEEK = 1, 60, 3600, 86400, 604800
#: Unit words of every language read, and their length in seconds.
_UNITS: Final = {
    # English
    "s": _SECOND, "sec": _SECOND, "secs": _SECOND, "second": _SECOND, "seconds": _SECOND,
    "m": _MINUTE, "min": _MINUTE, "mins": _MINUTE, "minute": _MINUTE, "minutes": _MINUTE,
    "h": _HOUR, "hr": _HOUR, "hrs": _HOUR, "hour": _HOUR, "hours": _HOUR,
    "d": _DAY, "day": _DAY, "days": _DAY, "w": _WEEK, "wk": _WEEK, "wks": _WEEK,
    "week": _WEEK, "weeks": _WEEK,
    # German
    "sekunde": _SECOND, "sekunden": _SECOND, "minuten": _MINUTE, "stunde": _HOUR,
    "stunden": _HOUR, "tag": _DAY, "tagen": _DAY, "woche": _WEEK, "wochen": _WEEK,
    # French
    "seconde": _SECOND, "secondes": _SECOND, "heure": _HOUR, "heures": _HOUR,
    "jour": _DAY, "jours": _DAY, "semaine": _WEEK, "semaines": _WEEK,
    # Spanish, Portuguese
    "segundo": _SECOND, "segundos": _SECOND, "minuto": _MINUTE, "minutos": _MINUTE,
    "hora": _HOUR, "horas": _HOUR, "día": _DAY, "días": _DAY, "dia": _DAY, "dias": _DAY,
    "semana": _WEEK, "semanas": _WEEK,
    # Italian
    "secondi": _SECOND, "minuti": _MINUTE, "ora": _HOUR, "ore": _HOUR, "giorno": _DAY,
    "giorni": _DAY, "settimana": _WEEK, "settimane": _WEEK,
    # Dutch
    "seconden": _SECOND, "minuut": _MINUTE, "uur": _HOUR, "dag": _DAY, "dagen": _DAY,
    "weken": _WEEK,
}  # fmt: skip
#: Words that stand for the number one ("an hour ago", "vor einer Stunde", "il y a un jour").
_ONE: Final = frozenset(
    {"a", "an", "one", "ein", "eine", "einer", "einem", "un", "une", "una", "uno", "um", "uma",
     "een"}
)  # fmt: skip
#: Today and yesterday, by how many days they lie back.
_DAY_WORDS: Final = {
    "today": 0, "yesterday": 1, "heute": 0, "gestern": 1, "aujourd'hui": 0, "hier": 1,
    "hoy": 0, "ayer": 1, "hoje": 0, "ontem": 1, "oggi": 0, "ieri": 1, "vandaag": 0,
    "gisteren": 1,
}  # fmt: skip

_UNIT = "|".join(sorted(map(re.escape, _UNITS), key=len, reverse=True))
#: A count: digits ("5m ago" too) or a word for one, which a space must follow.
_COUNT = r"\d{1,3}|(?:" + "|".join(sorted(_ONE, key=len, reverse=True)) + r")(?=\s)"
#: A distance back in time, in the word order of each language read; the count and the unit
#: are in the groups ``n`` and ``u`` of one of the seven alternatives (``n1``…``n7``).
RELATIVE_DATE: Final = re.compile(
    rf"(?<!\w)(?:"
    rf"(?P<n1>{_COUNT})\s*(?P<u1>{_UNIT})\.?\s+ago"
    rf"|vor\s+(?P<n2>{_COUNT})\s+(?P<u2>{_UNIT})"
    rf"|il\s+y\s+a\s+(?P<n3>{_COUNT})\s*(?P<u3>{_UNIT})"
    rf"|hace\s+(?P<n4>{_COUNT})\s*(?P<u4>{_UNIT})"
    rf"|h[áa]\s+(?P<n5>{_COUNT})\s*(?P<u5>{_UNIT})"
    rf"|(?P<n6>{_COUNT})\s+(?P<u6>{_UNIT})\s+fa"
    rf"|(?P<n7>{_COUNT})\s+(?P<u7>{_UNIT})\s+geleden"
    rf")(?!\w)",
    re.IGNORECASE,
)
_DAY_WORD: Final = re.compile(
    "|".join(sorted(map(re.escape, _DAY_WORDS), key=len, reverse=True)), re.IGNORECASE
)
#: What may stand around a relative date that is an element's whole text: a label before it
#: ("Updated", "Publié"), a dot or a comma after it.
_LABEL: Final = re.compile(
    r"^(?:(?:last\s+)?(?:updated|modified|published|posted|aktualisiert|veröffentlicht"
    r"|mis\s+à\s+jour|publié|actualizado|publicado|atualizado|aggiornato|pubblicato"
    r"|bijgewerkt|gepubliceerd)(?:\s+(?:on|am|le|el|em|il|op))?\s*:?\s*)?",
    re.IGNORECASE,
)
_END: Final = re.compile(r"[\s.,;·|]*$")


def relative_when(match: re.Match[str], reference: dt.datetime) -> dt.datetime | dt.date | None:
    """The moment or day a :data:`RELATIVE_DATE` match names, counted back from
    ``reference``; ``None`` when its unit and count do not make a distance."""
    for group in range(1, 8):
        count = match[f"n{group}"]
        if count is None:
            continue
        unit = _UNITS.get(match[f"u{group}"].lower())
        if unit is None:
            return None
        number = 1 if count.lower() in _ONE else int(count)
        seconds = number * unit
        if seconds < _DAY:
            return reference - dt.timedelta(seconds=seconds)
        return (reference - dt.timedelta(seconds=seconds)).date()
    return None


def relative_date(text: str, reference: dt.datetime) -> dt.datetime | dt.date | None:
    """Read ``text`` as a date relative to ``reference`` when that is all it says.

    Args:
        text: An element's text: "3 hours ago", "Updated 2 days ago", "Yesterday",
            "vor 2 Stunden", "il y a 3 jours".
        reference: The timezone-aware moment the page was read at.

    Returns:
        A moment for a distance under a day, a day otherwise; ``None`` when the text is no
        relative date, or holds more than one (a sentence that mentions "yesterday").
    """
    label = _LABEL.match(text.strip())
    rest = text.strip()[label.end() if label else 0 :]
    match = RELATIVE_DATE.match(rest)
    if match is not None and _END.fullmatch(rest, match.end()):
        return relative_when(match, reference)
    word = _DAY_WORD.match(rest)
    if word is not None and _END.fullmatch(rest, word.end()):
        return (reference - dt.timedelta(days=_DAY_WORDS[word.group().lower()])).date()
    return None
