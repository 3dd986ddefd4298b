"""A stance with no source: "Obama is expected to join her", "New Hampshire seems stable",
"The agency is reportedly preparing ...". The sentence reports a view that no one is named
as holding; its content is the subject and what follows the cue.
"""

from __future__ import annotations

import re

from .boundaries import Field, Found, make_found
from .marks import in_region
from .sources import source_before
from .word_counts import has_words, holds_any

__all__ = ["UNSOURCED_WORDS", "unsourced_stance"]

#: Stance cues that have no source: "X is expected to ...", "X seems (to be) ...", "X
#: reportedly ...".
UNSOURCED_CUE = re.compile(
    r"\b(?:is|are|was|were)\s+(?:widely\s+|also\s+|now\s+)?expected\b"
    r"|\b(?:seems|seemed|appears|appeared)\b"
    # "The agency is reportedly preparing ...": a report with its source left unnamed.
    r"|\breportedly\b"
)
#: A word in every match of UNSOURCED_CUE, looked for first: the search tries every offset.
UNSOURCED_WORDS = ("expected", "seem", "appear", "reportedly")


def unsourced_stance(fi: int, field: Field, start: int, end: int) -> Found | None:
    """'Obama is expected to join her', 'New Hampshire seems stable': a stance with no source.

    The content is the subject and what follows the cue; there is no speaker to name.
    """
    text = field.text
    if not holds_any(text, UNSOURCED_WORDS, start, end):
        return None
    cue = UNSOURCED_CUE.search(text, start, end)
    if cue is None or in_region(field.regions, cue.start()):
        return None
    subject = source_before(text, start, cue.start())
    if subject is None or not has_words(text, cue.end(), end):
        return None
    pieces = [(subject[0], subject[1]), (cue.end(), end)]
    return make_found(fi, field, pieces, None, (cue.start(), cue.end()))
