"""Datelines: the place, date and agency opening a story ("WASHINGTON, Nov. 26 (Reuters) —"),
read from text and written back."""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from ..._model import Dateline

__all__ = ["DATELINE", "dateline_day", "dateline_text"]

_MONTH: Final = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY_DATE: Final = (
    rf"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)[a-z]*\.?,?\s+)?"
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?"
    rf"|\d{{4}}-\d{{2}}-\d{{2}})"
)
_PLACE_WORD: Final = r"[A-Z][\w.'’&-]*"
#: A dateline opening a paragraph: "WASHINGTON (Reuters) -", "KYIV, Ukraine, Nov. 26 (AP) —",
#: "LONDON, 26 November 2026 –". The place starts with a word in capitals unless an agency or
#: date follows it.
DATELINE: Final = re.compile(
    rf"^(?:(?P<place>[A-Z][A-Z.'’&-]+(?:\s[A-Z][A-Z.'’&-]*)*(?:,\s{_PLACE_WORD}(?:\s{_PLACE_WORD}){{0,3}}){{0,2}})"
    rf"|(?P<mixed>{_PLACE_WORD}(?:\s{_PLACE_WORD}){{0,3}}(?:,\s{_PLACE_WORD}(?:\s{_PLACE_WORD}){{0,3}}){{0,2}})(?=,?\s(?:{_DAY_DATE}|\())|(?=\())"
    rf"(?:,?\s(?P<date>{_DAY_DATE}))?"
    rf"(?:\s?\((?P<agency>[^()\d]{{1,40}})\))?"
    rf"\s*(?:--?|–|—|:)(?:\s+(?=\S)|\s*$)"
)

#: Month names as datelines print them (AP style).
_MONTHS: Final = "Jan. Feb. March April May June July Aug. Sept. Oct. Nov. Dec.".split()


def dateline_text(dateline: Dateline) -> str:
    """A dateline as printed, without the dash that ends it: ``WASHINGTON, Nov. 26, 2026
    (Reuters)``, or ``(Reuters)`` for an agency alone."""
    parts = [dateline.place] if dateline.place else []
    if dateline.date is not None:
        parts.append(dateline_day(dateline.date))
    text = ", ".join(parts)
    if dateline.agency:
        text = f"{text} ({dateline.agency})" if text else f"({dateline.agency})"
    return text


def dateline_day(day: dt.date) -> str:
    """A day as a dateline prints it: ``Nov. 26, 2026``."""
    return f"{_MONTHS[day.month - 1]} {day.day}, {day.year}"
