"""Bylines and datelines as agencies print them, in the languages of the files read here.

Shared by the readers of NITF, NewsML 1 and feeds, whose files carry "Par Marie Dupont" or
"BREST, 29 août (AFP) -" as one printed line rather than as fields.
"""

from __future__ import annotations

import re

from .._extract.common.bylines import split_bylines
from .._extract.common.datelines import DATELINE
from .._model import Byline, Dateline
from .markup import tidy

__all__ = ["credits", "printed_dateline"]

# "By" in the languages of the agencies whose files are read here; the byline splitter
# knows English forms.
_FOREIGN_BY = re.compile(r"^(?:par|von|por|di|da|door|av|af|przez|от)\s+(?=\w)", re.IGNORECASE)
_FOREIGN_AND = re.compile(r"\s(?:et|und|y|e|en|och|og|i|и)\s(?=[^\W\d_])")
# "BREST, 29 août (AFP) -": the agency in brackets at the end, in any language.
_AGENCY = re.compile(r"\s*\(([^()\d]{1,40})\)\s*[-\u2013\u2014:]?\s*$")
_DATELINE_END = re.compile(r"[\s,;:\u2013\u2014-]+$")


def credits(printed: str) -> tuple[Byline, ...]:
    """A printed byline's people and organisations; the whole line as one name when it
    does not split."""
    text = _FOREIGN_BY.sub("", printed.strip())
    text = _FOREIGN_AND.sub(" and ", text)
    return split_bylines(text) or (Byline(name=text or printed),)


def printed_dateline(printed: str) -> Dateline | None:
    """A dateline as printed ("WASHINGTON, Nov. 26 (Reuters) -", "BREST, 29 août (AFP)"): the
    place, and the agency in brackets; the date is left to the fields that give it whole."""
    text = _DATELINE_END.sub("", printed.strip())
    agency = _AGENCY.search(text)
    if agency is not None:
        text = text[: agency.start()]
    match = DATELINE.match(text + " \u2014")
    place = (match["place"] or match["mixed"]) if match is not None else None
    place = tidy(place or text.split(",")[0])
    name = tidy(agency.group(1)) if agency is not None else None
    return Dateline(place=place, agency=name) if place or name else None
