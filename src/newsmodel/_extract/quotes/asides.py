"""What stands around a frame besides its source and content: words after it that describe
the speaker or the moment, content that goes on after it, and a participle of saying that opens
the sentence before it.
"""

from __future__ import annotations

import re

from .boundaries import MOMENT_OPENERS, Field, Found, frame_comma, make_found
from .cues import SPEECH_FORMS
from .follow_on import COORDINATED_FRAME, FOLLOW_ON
from .subjects import subject_at
from .word_counts import WORD, count_words

__all__ = ["FINITE", "conjoined_clause", "describes_frame", "leading_participle"]

#: What may close a frame that follows its content, describing the speaker or the moment
#: rather than saying more: '"...," said Doe, a professor, who has studied it', '..., he said,
#: wiping his brow', '..., lawmakers said Friday, as they left the chamber'.
_FRAME_DESCRIPTION = re.compile(
    r"\s*(?:,\s*(?:who|whose|"
    + "|".join(sorted(MOMENT_OPENERS | {"because", "amid"}))
    + r"|(?P<participle>[a-z]{2,}ing))"
    r"|\s+(?:who|whose))\b"
)
#: A finite verb, which makes a clause of words after a frame: "replacing her would be ...".
FINITE = re.compile(r"\b(?:is|are|was|were|would|will|could|can|should|may|might|has|have|had)\b")

#: "and" or "but" after a frame that follows its content: "X, she said, and Y" goes on with
#: the same content.
_CONJOINED = re.compile(r"\s*,\s*(?:and|but)\s+(?=\S)")


def describes_frame(text: str, at: int, end: int) -> bool:
    """Whether the words after a frame that follows its content describe the speaker or the
    moment ("..., said Doe, who ...", "..., she said, wiping her brow") rather than say more."""
    match = _FRAME_DESCRIPTION.match(text, at, end)
    if match is None:
        return False
    # "..., he said, replacing her would be harder": a gerund opening a clause goes on.
    return match.group("participle") is None or not FINITE.search(text, match.end(), end)


def conjoined_clause(text: str, at: int, end: int) -> tuple[int, int] | None:
    """'X, she said, and Y' and 'X, he said, replacing her would be Y': where the content goes
    on after a frame, unless a frame of its own follows (", and added ...", ", but the mayor
    said ..."). The caller checks that no other cue stands in it."""
    match = _CONJOINED.match(text, at, end)
    if match is None:
        gerund = _FRAME_DESCRIPTION.match(text, at, end)
        if (
            gerund is not None
            and gerund.group("participle") is not None
            and FINITE.search(text, gerund.end(), end)
        ):
            return gerund.start("participle"), end
        return None
    if FOLLOW_ON.match(text, at, end) or COORDINATED_FRAME.match(text, at, end):
        return None
    if count_words(text, match.end(), end) < 3:
        return None
    return match.end(), end


#: Words that open a clause: what an opening participle of saying reports.
_CLAUSE_OPENING = frozenset("that he she they we i it there".split())

#: A participle of saying that opens a sentence: "Noting that the bill failed, Doe said ...",
#: "After saying he was nervous, the man asked ...".
_LEADING_PARTICIPLE = re.compile(
    r"\W*(?:(?:After|While|Before|By|In)\s+(?P<low>[a-z]+ing)|(?P<cue>[A-Z][a-z]+ing))\s+(?=\S)"
)


def leading_participle(
    fi: int, field: Field, start: int, end: int, results: list[Found]
) -> Found | None:
    """'Noting he had studied law, Doe said ...': what the opening participle of saying
    reports, spoken by the source of the frame after it."""
    text = field.text
    match = _LEADING_PARTICIPLE.match(text, start, end)
    if match is None:
        return None
    group = "cue" if match.group("cue") is not None else "low"
    if match.group(group).lower() not in SPEECH_FORMS:
        return None
    comma = frame_comma(field, match.end(), end)
    if comma is None or count_words(text, match.end(), comma) < 3:
        return None
    first = WORD.match(text, match.end())
    if first is None or not (
        first.group().lower() in _CLAUSE_OPENING or FINITE.search(text, match.end(), comma)
    ):
        return None  # "Emphasizing the cost, Doe said ...": an object, not what was said
    framed = next((f for f in results if f.source is not None and f.source.start > comma), None)
    if framed is not None and framed.source is not None:
        source = (framed.source.start, framed.source.end, framed.source.end)
    else:
        # "After saying he was nervous, the man asked ...": the clause's subject said it.
        subject = subject_at(text, comma + 1, end)
        if subject is None:
            return None
        source = (subject.start(1), subject.end(1), subject.end(1))
    return make_found(
        fi, field, [(match.end(), comma)], source, (match.start(group), match.end(group))
    )
