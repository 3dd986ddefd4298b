"""Follow-on frames: a quotation that continues the previous one's speaker ("He added…",
"…, and"), and coordinated clauses sharing one frame.
"""

from __future__ import annotations

import re

from .boundaries import CLAUSE_END, CLAUSE_END_MARKS, PAST_CUES, Field, Found, make_found
from .cue_search import holds_cue_word
from .cues import CUE_FORMS, SPEECH_FORMS, cue_pattern
from .word_counts import count_words, holds_any

_ING_CUE = cue_pattern(form for form in CUE_FORMS if form.endswith("ing"))
_PAST_CUE = cue_pattern(form for form in CUE_FORMS if form.endswith("ed") or form in PAST_CUES)

#: Participles that start a new attributed clause after a comma: ", adding that ...", also
#: when the comma closes a quotation ('"...," adding that ...'), or after "before" ('"X,"
#: Doe replied before adding that ...'); or a past form after "and" or "but". (Every match
#: begins with a stop, a dash, a quotation mark or a space: one of those first, so that a
#: search skips ahead to them, and each alternative checks by looking back which it began
#: with. Alternatives first would be tried at every offset: a search three times as long.)
FOLLOW_ON = re.compile(
    r"[,;—–\"”’'\s](?:"
    r"(?:(?<=[,;—–])[\"”’']?\s+(?:and\s+)?"  # ", adding", ',” adding'
    # After a stop and a closing mark before the search's start: a mark or a space.
    r"|(?<=[,;—–][\"”’'][\"”’'])\s+(?:and\s+)?"
    r"|(?<=[,;—–][\"”’']\s)\s*(?:and\s+)?"
    r"|(?<=\s)\s*(?:and|before)\s+)"  # " and adding", " before adding"
    r"(?:also\s+)?" + _ING_CUE + r"|(?:(?<=,)\s+|(?<=\s)\s*)(?:and|but)\s+"
    r"(?:also\s+|then\s+|later\s+)?" + _PAST_CUE + r")"
)
#: Words in every match of FOLLOW_ON (its cue ends in "ing", or follows "and" or "but"),
#: looked for first: the search tries every offset.
FOLLOW_ON_WORDS = ("ing", "and", "but")

#: A clause of its own with its own speaker after a content: "..., and three-quarters said",
#: "... but the mayor told reporters". The content before it ends at the conjunction.
COORDINATED_FRAME = re.compile(
    r"(?:,\s+|\s+)(?:and|but)\s+(?:(?!(?:that|which|who|what|if|whether|to)\b)[\w'’.-]+\s+){1,6}"
    r"(?:also\s+|later\s+|then\s+)?"
    + cue_pattern(form for form in SPEECH_FORMS if not form.endswith("ing"))
)

#: Words in every match of COORDINATED_FRAME, looked for first.
COORDINATED_WORDS = ("and", "but")

#: A second frame joined to a content by a bare comma, a dash or a subordinator: "X, Clinton
#: said she would not Y", "X, as engineers warned that Y", "X — critics said Y". A subject of
#: a few words and a speech verb, then words of its own content, not a comma (", Doe said,
#: ..." is a parenthetical frame of the first content).
SPLICED_FRAME = re.compile(
    r"(?:,\s+(?:(?:even\s+)?(?:as|after|before|because|since|when|while|until|once)\s+)?"
    # A dash that a second one closes sets off an aside: "X — as Doe says — Y".
    r"|\s+(?:[—–]|--)\s+(?![^—–]*[—–]))"
    r"(?:(?!(?:that|which|who|what|if|whether|to|and|or|but|it|is|was|be|of|in|on|for|with|at|by|from|about|than|not|no)\b)[\w'’.-]+\s+){1,6}"
    r"(?:also\s+|later\s+)?"
    + cue_pattern(form for form in SPEECH_FORMS if not form.endswith("ing"))
    + r"(?=\s+\w)"
)

#: Marks in every match of SPLICED_FRAME (a comma or a dash), looked for first.
SPLICED_MARKS = (",", "—", "–", "--")

#: What ends a content a cue introduces, in the order tried, each with the words that every
#: match of it holds.
CONTENT_ENDS = (
    (FOLLOW_ON, FOLLOW_ON_WORDS),
    (CLAUSE_END, CLAUSE_END_MARKS),
    (COORDINATED_FRAME, COORDINATED_WORDS),
    (SPLICED_FRAME, SPLICED_MARKS),
)

#: The content ends that every match of holds a cue form in lower case as a word (see
#: :func:`~newsmodel._extract.quotes.cue_search.holds_cue_word`): a second frame's verb.
CUED_ENDS = (FOLLOW_ON, COORDINATED_FRAME, SPLICED_FRAME)

#: Words a frame's own setting may take before its follow-on: '"X," Doe said at a rally in
#: San Diego on Monday, adding Y'.
_FRAME_TAIL = 8

#: What joins two attributed clauses of one sentence: "X, and he said Y", "X; she added Y".
_COORDINATION = re.compile(
    r"\W*(?:;|(?:and|but|though|although|while|whereas|as|after|before|because|since|when|"
    r"until|once)\s*$)"
)


def is_coordinated(field: Field, prior: Found, found: Found) -> bool:
    """Whether a second frame in a sentence is a clause of its own: "X, and he said Y",
    "X, though Doe said Y", "X, said Doe, who added Y".

    Anything else after a first frame ("said Doe, with a passion that suggested ...") is
    the frame's own description, not a new quote.
    """
    if found.source is None or found.pieces[0].start < prior.pieces[-1].end:
        return False
    prior_end = max(prior.pieces[-1].end, prior.cue_end)
    if prior.source is not None and prior.source.end > prior_end:
        # '"X," said Doe, who ...', "X was criticised by Doe, who ...": the frame ends last.
        prior_end = prior.source.end
    if found.source.start < prior_end:
        return False
    gap = field.text[prior_end : found.source.start]
    if SPLICED_FRAME.match(field.text, prior_end):
        return True
    if field.text[found.source.start : found.source.end].lower() == "who":
        # A relative clause on the first frame's source: "..., said Doe, who added that Y".
        return gap.strip() == ","
    if _COORDINATION.match(gap):
        return True
    # "X, but he was copied on the questions and Gates said Y": a clause of the first
    # frame's sentence, then a second frame joined by "and" or "but".
    return gap.rstrip().endswith((" and", " but")) and count_words(gap, 0, len(gap)) <= 12


def follow_on_quote(fi: int, field: Field, prior: Found, end: int) -> Found | None:
    """', adding that Y' after a quote: a second quote from the same source."""
    text = field.text
    last = prior.pieces[-1]
    if last.field != prior.pieces[0].field:
        return None
    if not holds_any(text, FOLLOW_ON_WORDS, last.end, end) or not holds_cue_word(
        field, last.end, end
    ):
        return None
    match = FOLLOW_ON.search(text, last.end, end)
    if match is None:
        return None
    # The follow-on comes right after the content or right after the frame ("she said,").
    frame_end = max(last.end, prior.cue_end, prior.role.end if prior.role else 0)
    if prior.source is not None:
        frame_end = max(frame_end, prior.source.end)
    if count_words(text, frame_end, match.start()) > _FRAME_TAIL or any(
        last.end <= rstart < match.start()
        for rstart, _ in field.regions.near(last.end, match.start())
    ):
        return None
    cue_start = match.end() - len(match.group().split()[-1])
    content_at = match.end()
    source = (prior.source.start, prior.source.end, prior.source.end) if prior.source else None
    return make_found(fi, field, [(content_at, end)], source, (cue_start, match.end()))
