"""Fields that no frame can match in, told without cutting them into sentences.

Every frame that :func:`~newsmodel._extract.quotes.attribution.sentence_quotes` matches needs a
word of its own in its sentence: a cue, "according to", or a word of the frames that name a
source without a verb of saying ("in the words of", "quoted as saying", "asked", a poll, "sees
X as", "is expected to"). Most paragraphs hold none of them, and no quotation: finding that out
costs less than cutting them into sentences and trying each frame on each.
"""

from __future__ import annotations

from .attribution import holds_word_frame
from .boundaries import Field
from .cue_search import holds_accord, holds_cue
from .marks import LONGEST_NARRATION

__all__ = ["may_frame"]


def may_frame(field: Field) -> bool:
    """Whether a frame may match in one of the field's sentences.

    A headline (its colon names a speaker), a quotation and a cue make the field worth
    reading; so does each frame's own word. A field long enough to hold a run-on sentence is
    always read: it may be cut inside a word, where part of one may match as a cue.
    """
    text = field.text
    if field.headline or field.regions or holds_cue(field):
        return True
    if len(text) > LONGEST_NARRATION:
        return True
    # "according to" opens a sentence in any case.
    return holds_accord(field) or holds_word_frame(field)
