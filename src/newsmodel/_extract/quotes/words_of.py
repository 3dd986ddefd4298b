"""Frames that name a source by its words rather than by a verb of saying.

- "In the words of Y, X" and "In Y's words, X": the content follows the phrase;
- "X, in the words of Y" and 'X is, in Y's words, "Z"': the content is the rest of the
  sentence, around the phrase;
- "Y was quoted as saying X": the source is before the phrase, the content after it;
- "Asked whether X, ..." and "... when asked about X": the question, whose asker is named
  only as "asked by Y";
- "In a Y poll released Monday, X": what a poll or survey found, the poll as its source.
"""

from __future__ import annotations

import re

from .boundaries import Field, Found, make_found
from .marks import in_region
from .sources import source_before
from .word_counts import count_words, holds_any

__all__ = ["MARKS", "asked", "in_poll", "quoted_as_saying", "words_of"]

#: A word every match of each frame here holds, looked for before its search (which is tried
#: at every offset): "words", "quoted as", "(A)sked", "poll" or "survey".
_WORDS_MARK = "words"
_QUOTED_MARK = "quoted as"
_ASKED_MARK = "sked"
_POLL_MARKS = ("poll", "survey")
#: Those words: a text that holds none has none of these frames.
MARKS = (_WORDS_MARK, _QUOTED_MARK, _ASKED_MARK, *_POLL_MARKS)

#: "in the words of Y", "in Y's words", "in her own words", with Y in a named group.
_WORDS_OF = re.compile(
    r"\b[Ii]n\s+(?:"
    r"(?P<cue_of>the\s+(?:own\s+)?words\s+of)\s+"
    r"(?P<of>[^,;:.!?\"“”()]{2,80}?)(?=\s*(?:[,;:—–)]|\.?$|\.\s))"
    r"|(?P<poss>(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w-]*)['’]s?\s+(?P<cue_poss>(?:own\s+)?words)\b"
    r"|(?P<pron>his|her|their|its)\s+(?P<cue_pron>(?:own\s+)?words)\b)"
)

#: "was quoted as saying", the cue of a source reported through another report.
_QUOTED_AS = re.compile(r"\b(?:is|are|was|were|has\s+been|had\s+been)\s+quoted\s+as\s+saying\b")

#: Punctuation that sets the phrase off from the content.
_SET_OFF = " ,;:—–"


def words_of(fi: int, field: Field, start: int, end: int) -> Found | None:
    """Match "in the words of Y" / "in Y's words" in the sentence ``text[start:end]``."""
    text = field.text
    if text.find(_WORDS_MARK, start, end) < 0:
        return None  # every frame says "words": skip the search, tried at each offset
    match = _WORDS_OF.search(text, start, end)
    if match is None or in_region(field.regions, match.start()):
        return None
    name = next(group for group in ("of", "poss", "pron") if match.group(group) is not None)
    cue = {"of": "cue_of", "poss": "cue_poss", "pron": "cue_pron"}[name]
    before = len(text[start : match.start()].rstrip(_SET_OFF)) + start
    after = match.end()
    while after < end and text[after] in _SET_OFF:
        after += 1
    pieces = [(a, b) for a, b in ((start, before), (after, end)) if count_words(text, a, b)]
    if sum(count_words(text, a, b) for a, b in pieces) < 3:
        return None
    source = (match.start(name), match.end(name), match.end(name))
    return make_found(fi, field, pieces, source, (match.start(cue), match.end(cue)))


def quoted_as_saying(fi: int, field: Field, start: int, end: int) -> Found | None:
    """Match "Y was quoted as saying X" in the sentence ``text[start:end]``."""
    text = field.text
    if text.find(_QUOTED_MARK, start, end) < 0:
        return None  # skip the search, tried at each offset
    match = _QUOTED_AS.search(text, start, end)
    if match is None or in_region(field.regions, match.start()):
        return None
    source = source_before(text, start, match.start())
    if source is None:
        return None
    content_start = match.end()
    while content_start < end and text[content_start] in _SET_OFF:
        content_start += 1
    if count_words(text, content_start, end) < 2:
        return None
    cue_at = text.index("quoted", match.start())
    return make_found(fi, field, [(content_start, end)], source, (cue_at, match.end()))


#: "Asked whether ...", "when asked about ...", "Asked by Y if ...": the question asked.
_ASKED_TAIL = (
    r"(?:\s+by\s+(?P<by>[^,;:.!?\"“”]{2,60}?))?"
    r"(?:\s+(?:again|repeatedly|directly|specifically|later|today|yesterday|last\s+week|"
    r"(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)))?"
    r"(?:\s+(?:on|in|at|during)\s+[^,;:.!?\"“”]{2,40}?)?"
    r"\s+(?=(?:about|if|whether|what|why|how|who|whom|which|when|where|for|to\s+[a-z]+\b)\b)"
)
_ASKED_FIRST = re.compile(r"\W*(?P<cue>Asked)" + _ASKED_TAIL)
_ASKED_WHEN = re.compile(
    r"\b(?:[Ww]hen|[Aa]fter|[Bb]efore|[Ww]hile)\s+(?:being\s+)?(?P<cue>asked)" + _ASKED_TAIL
)


def asked(fi: int, field: Field, start: int, end: int) -> Found | None:
    """Match a question reported by "Asked ..." or "when asked ..." in ``text[start:end]``."""
    text = field.text
    if text.find(_ASKED_MARK, start, end) < 0:
        return None  # both frames say "Asked" or "asked": skip the search, tried at each offset
    match = _ASKED_FIRST.match(text, start, end) or _ASKED_WHEN.search(text, start, end)
    if match is None or in_region(field.regions, match.start("cue")):
        return None
    content_end = end
    for comma in re.finditer(r",", text[match.end() : end]):
        at = match.end() + comma.start()
        if not in_region(field.regions, at):
            content_end = at
            break
    if count_words(text, match.end(), content_end) < 2:
        return None
    source = None
    if match.group("by") is not None:
        source = (match.start("by"), match.end("by"), match.end("by"))
    return make_found(
        fi, field, [(match.end(), content_end)], source, (match.start("cue"), match.end("cue"))
    )


#: "In a CBS News poll released Monday,", "In the latest polls,", "In exit polls,": a poll or
#: survey named at the start of a sentence, up to its comma.
_IN_POLL = re.compile(
    r"\W*(?:(?:And|But)\s+)?(?P<cue>In)\s+(?P<poll>(?:(?:a|an|the|this|that|its|their|our)\s+)?"
    r"(?:(?!(?:where|when|which|that|who)\b)[^,;:.!?\"“”(){}]){0,70}?\b(?:poll|polls|survey|surveys)\b"
    r"(?:(?!(?:where|when|which|that|who)\b)[^,;:.!?\"“”(){}]){0,50}?),\s+"
)


def in_poll(fi: int, field: Field, start: int, end: int) -> Found | None:
    """Match "In a Y poll ..., X" at the start of the sentence ``text[start:end]``."""
    text = field.text
    if not holds_any(text, _POLL_MARKS, start, end):
        return None  # skip the match, tried for every sentence
    match = _IN_POLL.match(text, start, end)
    if match is None or count_words(text, match.end(), end) < 3:
        return None
    content = match.end()
    aside = _POLL_ASIDE.match(text, content, end)
    if aside is not None:
        content = aside.end()  # "In the poll, conducted in May, X": X is what it found
    source = (match.start("poll"), match.end("poll"), match.end("poll"))
    return make_found(fi, field, [(content, end)], source, (match.start("cue"), match.end("cue")))


#: How a poll was made, set off after it: "conducted in early May,", "taken July 11-14,".
_POLL_ASIDE = re.compile(r"(?:conducted|released|taken|published|carried out)\b[^,;:.!?]{0,50},\s+")
