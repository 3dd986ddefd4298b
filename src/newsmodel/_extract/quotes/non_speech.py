"""Tell frames that report speech from look-alikes that report actions, plans or scenery.

A frame matched by the cue lexicon is dropped when its words show it is no saying:

- a participial clause of action after a comma ("..., seeking firmer commitments"): only
  verbs of saying and writing report content in that position ("..., adding that ...");
- a cue used as a noun ("the board's thinking", "his support");
- a cue that reports emphasis or duration rather than speech ("the figures underscore
  the limits", "talks continue") unless it frames a quotation;
- generic "you" ("if you want a deal") and a situation's "it" ("it feels like");
- a verb that reports speech only with a that-clause or a quotation, given a plain object
  ("Clinton maintains a wide lead", "charged with fraud", "remarks he had made").
"""

from __future__ import annotations

import re

from .boundaries import Field, Found
from .cues import BELIEF_FORMS, CUE_FORMS, GROUP_NOUNS, cue_pattern, inflect
from .speakers import source_core, source_kind

__all__ = ["is_speech"]

#: Cues that say how something stands out, or that it goes on, not that anyone said it.
_EMPHASIS_FORMS = frozenset(
    form for lemma in "underscore underline highlight continue".split() for form in inflect(lemma)
)

#: Verbs of doing or wanting that the lexicon keeps for "the union sought a raise" but that
#: describe an action, not a saying, in a participial clause ("..., seeking new guarantees").
_ACTION_PARTICIPLES = frozenset(
    inflect(lemma)[-1]
    for lemma in (
        "seek offer support oppose threaten show welcome endorse refuse decline "
        "want raise continue underscore underline highlight"
    ).split()
)

#: Verbs that report a saying only before "that" or a quotation ("maintained that the server
#: was secure"); with anything else they keep, accuse or name ("maintains a lead", "was
#: charged with fraud", "the remarks he made").
_CLAUSE_ONLY_FORMS = frozenset(
    form for lemma in "maintain charge remark".split() for form in inflect(lemma)
)

#: What makes the word after it a noun: "the board's thinking", "their support".
_NOUN_BEFORE = re.compile(
    r"(?:(?<!\bhe)(?<!\bshe)(?<!\bit)(?<!\bwho)(?<!\bthat)(?<!\bthere)(?<!\bwhat)['’]s"
    r"|\b(?:the|a|an|his|her|their|its|our|my|your|this))\s+$",
    re.IGNORECASE,
)

#: How far before the end of the words before a cue a match of _NOUN_BEFORE can start: "their".
_NOUN_BEFORE_REACH = 5

#: "continued to argue": going on saying is still saying.
_GOES_ON_SAYING = re.compile(r"\s+to\s+" + cue_pattern(CUE_FORMS))


def _source(text: str, found: Found) -> str:
    return text[found.source.start : found.source.end] if found.source is not None else ""


def _speaker(source: str) -> bool:
    """Whether a source is people who can make a point by saying it, not a thing that makes
    it plain ("the closures highlight ...")."""
    kind = source_kind(source)
    if kind in ("person", "anonymous"):
        return True
    words = source_core(source).split()
    return kind == "group" and bool(words) and words[-1].lower() in GROUP_NOUNS


def _reports_a_clause(text: str, found: Found, cue_start: int) -> bool:
    """Whether the content comes before the cue ("X, she maintained") or is a that-clause
    after it: the shapes in which a clause-only verb reports what was said."""
    first = found.pieces[0]
    return first.start < cue_start or text.startswith("that ", first.start)


def is_speech(field: Field, found: Found, start: int, end: int) -> bool:
    """Whether a frame found in the sentence ``field.text[start:end]`` reports a saying.

    Args:
        field: The field the frame is in.
        found: The frame's quote, with its source and cue.
        start: Where its sentence starts.
        end: Where its sentence ends.

    Returns:
        ``False`` for the look-alikes this module describes.
    """
    if found.cue is None:
        return True
    text = field.text
    cue = text[found.cue.start : found.cue.end].lower()
    quoted = found.direct_words > 0
    before = text[max(start, found.cue.start - 40) : found.cue.start]
    if cue in _ACTION_PARTICIPLES and before.rstrip().endswith(","):
        return quoted
    # Searched from where a match can start: the pattern ends with the words before the cue.
    if cue in CUE_FORMS and _NOUN_BEFORE.search(
        before, max(0, len(before.rstrip()) - _NOUN_BEFORE_REACH)
    ):
        return False
    if (
        cue in _CLAUSE_ONLY_FORMS
        and not quoted
        and not _reports_a_clause(text, found, found.cue.start)
    ):
        return False
    if cue in _EMPHASIS_FORMS and not quoted:
        if cue.startswith("continu"):
            if not _GOES_ON_SAYING.match(text, found.cue.end):
                return False
        elif not _speaker(_source(text, found)):
            return False
    if found.source is not None:
        source = text[found.source.start : found.source.end].strip().lower()
        asked = text[start:end].rstrip().endswith("?")
        if source == "you" and not quoted and not asked:
            # Generic "you" ("if you want a deal"); an interviewer's "Do you think" is asked.
            return False
        if source == "it" and cue in BELIEF_FORMS and not quoted:
            return False
    return True
