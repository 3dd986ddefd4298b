"""Frames inside a relative clause set off by commas: "Doe, who said X, said Y".

The clause's content ends at its closing comma, and the sentence's own frame after it is a
quote of its own rather than speech reported within the first.
"""

from __future__ import annotations

from .boundaries import Field, Found, frame_comma
from .word_counts import WORD, count_words

__all__ = ["after_relative", "relative_clause_end"]


#: A source that opens a relative clause: "Doe, who has refused to ..., said".
_RELATIVE = frozenset(("who", "which"))


def after_relative(field: Field, prior: Found, found: Found) -> bool:
    """Whether ``found`` is the main clause's frame after a relative clause that held
    ``prior``: "Doe, who said X, said Y"."""
    if prior.source is None or found.cue is None or found.pieces[0].start < prior.pieces[-1].end:
        return False
    if not _in_relative_clause(field.text, prior.source.end):
        return False
    gap_start = prior.pieces[-1].end
    gap = field.text[gap_start : found.cue.start]
    return gap.lstrip().startswith(",") and count_words(field.text, gap_start, found.cue.start) <= 3


def relative_clause_end(field: Field, source: tuple[int, int, int], start: int, end: int) -> int:
    """Where a content ends when its frame is a relative clause set off by commas.

    "Doe, who has refused to endorse him, said ...": the clause, and the content with it,
    ends at its closing comma; the sentence's own frame follows.
    """
    if not _in_relative_clause(field.text, source[1]):
        return end
    comma = frame_comma(field, start, end)
    return comma if comma is not None and field.text[comma] == "," else end


def _in_relative_clause(text: str, at: int) -> bool:
    """Whether the clause that runs up to ``at`` opens with "who" or "which" after a comma."""
    comma = text.rfind(",", max(0, at - 120), at)
    if comma < 0:
        return False
    clause = text[comma:at].lower()
    if "who" not in clause and "which" not in clause:
        return False  # most clauses: no word of them to read
    return any(word.group().lower() in _RELATIVE for word in WORD.finditer(text, comma, at))
