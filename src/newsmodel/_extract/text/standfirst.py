"""Whether the line under a plain-text headline is a standfirst or the first paragraph.

With no byline or date between them, layout alone cannot tell a summary line from a lead
paragraph. A standfirst restates the story: most of its content words come back in the body,
it shares a word with the headline, it opens with no dateline and it is no longer than the
paragraphs after it. :func:`standfirst_evidence` weighs that evidence.
"""

from __future__ import annotations

import enum
import re
import statistics
from collections.abc import Sequence

__all__ = ["Evidence", "standfirst_evidence"]

_WORD = re.compile(r"[^\W\d_]{4,}")

#: Common words of four letters or more that say nothing about a story's subject.
_STOP = frozenset(
    "that this with from have will would could should their there they them than then "
    "been were what when where which while about after before into over under also more "
    "most some such only other just said says year years week says told like made make "
    "many much very your ours last first next".split()
)

#: A standfirst is one or two sentences.
_MOST_WORDS = 60
_FEWEST_WORDS = 6

#: How many of its content words come back in the body, for each verdict.
_RESTATES = 0.6
_MAY_RESTATE = 0.4

#: How many of the headline's content words make a line that restates less a standfirst.
_ECHOES = 3

#: How many body paragraphs the comparison reads.
_BODY_SAMPLE = 12


class Evidence(enum.Enum):
    """What the evidence says about the line under the headline."""

    STANDFIRST = "standfirst"
    UNSURE = "unsure"
    PARAGRAPH = "paragraph"


def _stems(text: str) -> set[str]:
    return {word.lower()[:5] for word in _WORD.findall(text) if word.lower() not in _STOP}


def standfirst_evidence(headline: str, line: str, body: Sequence[str]) -> Evidence:
    """Weigh whether ``line``, under ``headline`` and above ``body``, is a standfirst.

    Args:
        headline: The headline.
        line: The line under it, with no dateline (the caller checks).
        body: The paragraphs after the line.

    Returns:
        ``STANDFIRST`` when the line restates the body and the headline and is short;
        ``UNSURE`` when it is short but restates less; else ``PARAGRAPH``.
    """
    words = len(line.split())
    sample = [text for text in body[:_BODY_SAMPLE] if text.strip()]
    if len(sample) < 2 or not _FEWEST_WORDS <= words <= _MOST_WORDS:
        return Evidence.PARAGRAPH
    if words > statistics.median(len(text.split()) for text in sample):
        return Evidence.PARAGRAPH
    stems = _stems(line)
    if len(stems) < 3:
        return Evidence.PARAGRAPH
    share = len(stems & _stems(" ".join(sample))) / len(stems)
    echoed = len(stems & _stems(headline))
    if (share >= _RESTATES and echoed) or (share >= _MAY_RESTATE and echoed >= _ECHOES):
        return Evidence.STANDFIRST
    if share >= _MAY_RESTATE:
        return Evidence.UNSURE
    return Evidence.PARAGRAPH
