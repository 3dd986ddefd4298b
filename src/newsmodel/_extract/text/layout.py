"""The layout of a plain-text article: lines into paragraphs, whatever the wrapping.

Plain text comes in three layouts, often mixed: one paragraph per line, paragraphs separated by
blank lines, and paragraphs hard-wrapped at a fixed width. :func:`units` turns lines into
*units* -- one per paragraph-sized piece of text -- joining wrapped lines only when the text is
wrapped: a line is a wrapped one when the next line's first word would not have fitted on it.
"""

from __future__ import annotations

import itertools
import re
from typing import Final, NamedTuple

__all__ = ["BULLET", "Unit", "units", "wrap_width"]

#: A list item's marker: a bullet, or a number or letter with a dot or parenthesis.
BULLET: Final = re.compile(r"^(?:[-*•◦▪‣●]|\d{1,3}[.)]|[a-z][.)])\s+(?=\S)")
_STRUCTURE: Final = re.compile(r"^(?:[-*•◦▪‣●]\s|\d{1,3}[.)]\s|#{1,6}\s|>|\[)")


class Unit(NamedTuple):
    """A paragraph-sized piece of text and where it stood."""

    text: str
    """The text, wrapped lines joined with single spaces, outer white space removed."""
    line: int
    """0-based index of its first line in the input."""
    blank_before: bool
    """Whether a blank line (or the start of the text) comes right before it."""
    indent: int
    """Columns of indentation of its first line."""


def _indent(line: str) -> int:
    if "\t" not in line:
        return len(line) - len(line.lstrip())
    expanded = line.expandtabs(4)
    return len(expanded) - len(expanded.lstrip())


def wrap_width(lines: list[str]) -> int | None:
    """The width a text was hard-wrapped at, or ``None`` when it was not wrapped.

    In wrapped text nearly every long line is *full*: it was broken because the next line's
    first word would not have fitted. Unwrapped text has long lines that end where their
    paragraph ends, with room to spare or none at all.
    """
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if not lengths:
        return None
    # The width is the longest line but for a few outliers (a long link, a table row).
    widest = lengths[(len(lengths) - 1) * 49 // 50]
    if not 40 <= widest <= 120:
        return None
    long_lines = 0
    full = 0
    for current, following in itertools.pairwise(lines):
        current = current.rstrip()
        stripped = following.strip()
        # Lists, quotations and headings are laid out line by line whatever the width, and
        # a line of one or two tokens (a timestamp, a URL) is a field, not wrapped prose.
        if (
            len(current) < widest * 0.7
            or len(current.split(None, 2)) < 3
            or not stripped
            or _STRUCTURE.match(stripped)
            or _STRUCTURE.match(current.lstrip())
        ):
            continue
        long_lines += 1
        if len(current) + 1 + len(stripped.split(None, 1)[0]) > widest:
            full += 1
    return widest if full >= 4 and full >= long_lines * 0.8 else None


def units(
    lines: list[str], start: int = 0, width: int | None = None, *, blank: bool = True
) -> list[Unit]:
    """Group ``lines`` (without line ends) into units, numbering lines from ``start``.

    Args:
        lines: The lines of the text.
        start: The index of ``lines[0]`` in the whole text.
        width: The wrap width from :func:`wrap_width`; ``None`` keeps every line a unit.
        blank: Whether what comes before ``lines`` counts as a blank line.
    """
    result: list[Unit] = []
    pending: list[str] = []
    first = 0
    pending_blank = True
    indent = 0
    for index, raw in enumerate(lines):
        stripped = raw.strip()
        if not stripped:
            if pending:
                result.append(Unit(" ".join(pending), start + first, pending_blank, indent))
                pending = []
            blank = True
            continue
        if pending:
            previous = lines[index - 1].rstrip()
            continues = (
                width is not None
                and len(previous) + 1 + len(stripped.split(None, 1)[0]) > width
                and not _STRUCTURE.match(stripped)
                and (_indent(raw) <= indent or bool(BULLET.match(pending[0])))
            )
            if continues:
                pending.append(stripped)
                continue
            result.append(Unit(" ".join(pending), start + first, pending_blank, indent))
            pending = []
        pending = [stripped]
        first = index
        pending_blank = blank
        indent = _indent(raw)
        blank = False
    if pending:
        result.append(Unit(" ".join(pending), start + first, pending_blank, indent))
    return result
