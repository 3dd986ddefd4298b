"""The dates a page prints beside its headline, for pages whose metadata gives none or a
stale one.

Readers see the date under (or above) the headline: "December 18, 2025", "18. Dezember
2025", "Updated: 2025-12-18". The text around the page's headline (a few hundred characters
before it, a longer stretch after it, scripts and styles left out) is searched for dates in
the usual written forms of English, German, French, Spanish, Portuguese, Italian and Dutch,
ISO days, and numeric days (``18.12.2025`` day first; ``12/18/2025`` month first on English
pages unless the numbers say otherwise). A date after an "updated" label is kept apart from
the others, which are taken for the publication date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator

import attrs
from lxml import etree

from ...common.relative_dates import RELATIVE_DATE, relative_when

__all__ = ["VisibleDates", "dated_by_print", "printed_day", "visible_dates"]

_MONTHS = {
    # English
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
    # German, Dutch
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "mai": 5, "juni": 6, "juli": 7,
    "oktober": 10, "dezember": 12, "januari": 1, "februari": 2, "maart": 3, "mei": 5,
    "augustus": 8, "okt": 10, "dez": 12,
    # French
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
    # Spanish, Portuguese, Italian
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11,
    "diciembre": 12, "janeiro": 1, "fevereiro": 2, "março": 3, "maio": 5, "junho": 6,
    "julho": 7, "setembro": 9, "outubro": 10, "novembro": 11, "dezembro": 12,
    "gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7,
    "settembre": 9, "ottobre": 10, "dicembre": 12,
}  # fmt: skip
#: The month names dateutil reads (structured_date's domain).
_ENGLISH_MONTHS = frozenset(
    {"jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun",
     "june", "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october",
     "nov", "november", "dec", "december"}
)  # fmt: skip


def _month_pattern(names: Iterable[str]) -> str:
    """An alternation of month names, longest first, grouped by their first letter.

    Each name is tried only where its first letter stands (the regex engine tries the
    alternatives of a group one by one, at every word of the text searched), and a longer name
    wins over a shorter one it starts with, as in a plain alternation sorted by length.
    """
    by_letter: dict[str, list[str]] = {}
    for name in sorted(names, key=len, reverse=True):
        by_letter.setdefault(name[0], []).append(re.escape(name[1:]))
    return "|".join(
        f"{re.escape(letter)}(?:{'|'.join(rests)})" for letter, rests in sorted(by_letter.items())
    )


_MONTH = _month_pattern(_MONTHS)
#: A date opens with a digit or a month's first letter: the lookahead turns every other place
#: away before the alternatives are tried there (a few times faster over a page's text).
_DATE_OPENING = "(?=[\\d" + re.escape("".join(sorted({name[0] for name in _MONTHS}))) + "])"
_DATE = re.compile(
    _DATE_OPENING
    + rf"\b(?:(?P<m1>{_MONTH})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d\d)"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th|\.|er|º)?\s+(?:de\s+|of\s+)?(?P<m2>{_MONTH})\.?,?"
    rf"\s+(?:de\s+)?(?P<y2>(?:19|20)\d\d)"
    rf"|(?P<y3>(?:19|20)\d\d)-(?P<m3>[01]\d)-(?P<d3>[0-3]\d)(?![\d:])"
    rf"|(?P<a4>\d{{1,2}})(?P<s4>[./])(?P<b4>\d{{1,2}})(?P=s4)(?P<y4>(?:19|20)\d\d))(?!\d)",
    re.IGNORECASE,
)
#: A label just before a date: "Updated on", "Published:", "Zuletzt aktualisiert".
_LABEL = re.compile(
    r"(?:updated|modified|published|posted|aktualisiert|veröffentlicht|mis\s+à\s+jour|publié"
    r"|actualizado|publicado|atualizado|aggiornato|pubblicato)(?:\s+on)?\s*:?\s*$",
    re.IGNORECASE,
)
_UPDATE_LABEL = re.compile(r"updated|modified|aktualisiert|mis\s+à\s+jour|actualizado|atualizado"
                           r"|aggiornato", re.IGNORECASE)  # fmt: skip
_WORD_BEFORE = re.compile(r"\w$")
_LABEL_REACH = 30

#: How much text before and after the headline is searched.
_BEFORE = 400
_AFTER = 1500
_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "select", "option"})
#: How many levels above the headline's element the text before it is looked for.
_LEVELS = 3


@attrs.frozen
class VisibleDates:
    """The days printed near the headline."""

    #: The first date without an "updated" label (or with a "published" one).
    published: dt.date | None = None
    #: The first date after an "updated" label.
    updated: dt.date | None = None
    #: Every day found.
    days: frozenset[dt.date] = frozenset()


def visible_dates(
    headline_element: etree._Element | None,
    *,
    month_first: bool,
    reference: dt.datetime | None = None,
) -> VisibleDates:
    """The dates printed around a page's headline.

    Args:
        headline_element: The element that prints the headline (its ``<h1>``); nothing is
            found without one.
        month_first: Whether ``3/4/2025`` means March 4 (English pages) rather than April 3.
        reference: When the page was read; with it, dates written relative to that moment
            ("3 hours ago", "vor 2 Tagen") are read too (see
            :mod:`~newsmodel._extract.common.relative_dates`).
    """
    if headline_element is None:
        return VisibleDates()
    text = _text_before(headline_element) + " " + _text_after(headline_element)
    published: dt.date | None = None
    updated: dt.date | None = None
    days: set[dt.date] = set()
    found = [(match.start(), _matched_day(match, month_first)) for match in _DATE.finditer(text)]
    if reference is not None:
        for match in RELATIVE_DATE.finditer(text):
            when = relative_when(match, reference)
            found.append((match.start(), _day(when) if when is not None else None))
        found.sort(key=lambda item: item[0])
    for start, day in found:
        label = _LABEL.search(text, max(0, start - _LABEL_REACH), start)
        if start and _WORD_BEFORE.search(text, start - 1, start) and label is None:
            continue
        if day is None:
            continue
        days.add(day)
        if label is not None and _UPDATE_LABEL.search(label.group()):
            updated = updated or day
        else:
            published = published or day
    return VisibleDates(published=published, updated=updated, days=frozenset(days))


def printed_day(text: str, *, month_first: bool) -> dt.date | None:
    """The first day written in ``text`` with a month name of a language other than English
    ("4. Dezember 2025", "18 de diciembre de 2025"), for date markup that
    :func:`~newsmodel._extract.common.dates.structured_date` cannot read. Numeric, ISO and
    English dates are left to it: what it refused (an impossible offset) gives no day."""
    for match in _DATE.finditer(text):
        start = match.start()
        month = (match["m1"] or match["m2"] or "").lower()
        if not month or month in _ENGLISH_MONTHS:
            continue
        if start and _WORD_BEFORE.search(text, start - 1, start):
            continue
        day = _matched_day(match, month_first)
        if day is not None:
            return day
    return None


def dated_by_print(
    published: dt.datetime | dt.date | None,
    modified: dt.datetime | dt.date | None,
    printed: VisibleDates,
) -> tuple[dt.datetime | dt.date | None, str | None]:
    """The publication date once the dates printed near the headline are heard, and the
    reason, for a warning, when they changed it.

    A page without date metadata takes its printed date (an "updated" one when it prints no
    other). A page whose first publication date is not printed, while the page shows readers
    its modification date or a date between the two (a rewritten guide, a refreshed ranking),
    is dated by that revision: that is the version the article is.
    """
    shown = printed.published or printed.updated
    if published is None:
        if shown is None:
            return None, None
        return shown, f"the publication date was read from the page's text ({shown.isoformat()})"
    first = _day(published)
    if modified is None or first in printed.days:
        return published, None
    revised: dt.datetime | dt.date | None = modified if _day(modified) in printed.days else None
    if revised is None and shown is not None and first < shown < _day(modified):
        revised = shown
    if revised is None:
        return published, None
    return revised, (
        f"the page shows a revision's date ({_day(revised).isoformat()}), not its first"
        f" publication date ({first.isoformat()}); used the former"
    )


def _day(value: dt.datetime | dt.date) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _texts(el: etree._Element) -> Iterator[str]:
    """The text of ``el`` in reading order (scripts and styles left out), then its tail."""
    skipping = 0
    for event, sub in etree.iterwalk(el, events=("start", "end")):
        skipped = sub.tag in _SKIP or not isinstance(sub.tag, str)
        if event == "start":
            skipping += skipped
            if not skipping and sub.text:
                yield sub.text
        else:
            skipping -= skipped
            yield " "
            if not skipping and sub.tail and sub is not el:
                yield sub.tail
    if el.tail:
        yield el.tail


def _text_after(headline: etree._Element) -> str:
    """Up to ``_AFTER`` characters from the headline's element on, through its following
    siblings and those of its ancestors."""
    pieces: list[str] = []
    size = 0
    el: etree._Element | None = headline
    first = True
    while el is not None:
        for sub in (el, *el.itersiblings()) if first else el.itersiblings():
            for piece in _texts(sub):
                pieces.append(piece)
                size += len(piece)
                if size >= _AFTER:
                    return "".join(pieces)
        first = False
        el = el.getparent()
    return "".join(pieces)


def _text_before(headline: etree._Element) -> str:
    """The last ``_BEFORE`` characters before the headline's element, from its preceding
    siblings and those of its nearest ancestors."""
    parts: list[str] = []
    size = 0
    el: etree._Element | None = headline
    for _ in range(_LEVELS):
        if el is None or size >= _BEFORE:
            break
        for sibling in el.itersiblings(preceding=True):
            text = "".join(_texts(sibling))
            parts.append(text)
            size += len(text)
            if size >= _BEFORE:
                break
        el = el.getparent()
    return "".join(reversed(parts))[-_BEFORE:]


def _matched_day(match: re.Match[str], month_first: bool) -> dt.date | None:
    try:
        if match["y1"]:
            return dt.date(int(match["y1"]), _MONTHS[match["m1"].lower()], int(match["d1"]))
        if match["y2"]:
            return dt.date(int(match["y2"]), _MONTHS[match["m2"].lower()], int(match["d2"]))
        if match["y3"]:
            return dt.date(int(match["y3"]), int(match["m3"]), int(match["d3"]))
        a, b, year = int(match["a4"]), int(match["b4"]), int(match["y4"])
        if match["s4"] == "." or a > 12 or (not month_first and b <= 12):
            return dt.date(year, b, a)
        return dt.date(year, a, b)
    except (ValueError, KeyError):
        return None
