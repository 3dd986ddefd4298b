"""Find the cues of a stretch of a field: the verbs of saying and the phrases ("according
to", "made it clear") that the attribution frames are built around.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Set as AbstractSet

from .boundaries import Field
from .cues import CUE_FORMS, INTENT_VERBS, NOUNISH, capitalised_pattern, inflect, word_pattern
from .marks import Regions, in_region
from .present_cues import NOUNISH_PRESENT, subject_before
from .word_starts import WordStarts, cuts_word

__all__ = [
    "CUE",
    "field_cues",
    "find_cues",
    "holds_accord",
    "holds_cue",
    "holds_cue_word",
    "read_field",
]

#: Every cue verb form in lower case.
_LOWER_WORDS = CUE_FORMS | NOUNISH_PRESENT
#: Every cue verb form, in lower case and capitalised (headline "Say").
_CUE_WORDS = _LOWER_WORDS | {form.capitalize() for form in _LOWER_WORDS}

#: "made it clear that ...", "has made clear that ...": a verb phrase of asserting.
_MADE_CLEAR = (
    r"ma(?:de|kes?|king)\s+(?:it\s+)?(?:very\s+|abundantly\s+|perfectly\s+)?clear(?=\s+that\b)"
)

#: Any cue verb form as a whole word, or a phrase of attributing or asserting.
CUE = WordStarts(word_pattern(_CUE_WORDS) + r"|[Aa]ccording\s+to\b|" + _MADE_CLEAR)

#: The cues in lower case: what ``CUE`` matches but the capitalised words, which outside a
#: headline count only where a range starts ("Said Doe, ...") and are looked for there alone.
_LOWER_CUE = WordStarts(word_pattern(_LOWER_WORDS) + r"|according\s+to\b|" + _MADE_CLEAR)

#: The first word of each match of ``_LOWER_CUE``: a cue form, or the first word of a phrase.
_FIRST_WORDS = frozenset(
    form.encode("ascii") for form in _LOWER_WORDS | {"according", "made", "make", "makes", "making"}
)

#: The capitalised cue forms, each the whole of a match of ``_CAPITAL_CUE``.
_CAPITAL_WORDS = frozenset(
    form.capitalize().encode("ascii") for form in _LOWER_WORDS | {"according"}
)
_ANY_FIRST_WORDS = _FIRST_WORDS | _CAPITAL_WORDS

#: Each byte as itself if it is an ASCII letter, digit or "_" (a word character), else a space.
_ASCII_WORDS_ONLY = bytes(
    byte if chr(byte).isascii() and (chr(byte).isalnum() or chr(byte) == "_") else ord(" ")
    for byte in range(256)
)

#: The length of the longest cue form: a match of one reads no further past its start.
_LONGEST_LOWER_WORD = max(map(len, _LOWER_WORDS))

#: The capitalised words that begin a match of ``CUE``, searched for from capital to capital.
_CAPITAL_CUE = re.compile(
    capitalised_pattern({form.capitalize() for form in _LOWER_WORDS} | {"According"})
)


#: A possessive right before a word: "the port's", "his", "their", not "he's" (within a few
#: characters).
_POSSESSIVE_BEFORE = re.compile(
    r"(?:\b(?!(?:he|she|it|that|there|here|what|who|where|let)['’]s)\w+['’]s"
    r"|\b(?:his|her|their|its|our|my|your))\s+$",
    re.I,
)
_POSSESSIVE_REACH = 40

#: The -ing forms of the verbs whose present forms are mostly nouns ("planning", "reporting").
_NOUNISH_GERUNDS = frozenset(
    form for lemma in NOUNISH for form in inflect(lemma) if form.endswith("ing")
)


#: Forms of intending, cues only before the infinitive they report: "plans to run".
_INTENT_FORMS = frozenset(form for lemma in INTENT_VERBS for form in inflect(lemma))
_INFINITIVE_AFTER = re.compile(r"\s+to\s+[a-z]")


def read_field(
    text: str, regions: Regions, starts_open: bool, dangling: bool, headline: bool
) -> Field:
    """A field, with what its words tell read from its UTF-8 at once: its cues in lower case
    (:func:`field_cues`), whether a capitalised cue form stands in it (:func:`holds_cue`) and
    whether "according" may (:func:`holds_accord`)."""
    data = _utf8(text)
    held = _ANY_FIRST_WORDS.intersection(_ascii_words(data))
    return Field(
        text,
        regions,
        starts_open,
        dangling,
        headline,
        _cues_where(text, held.intersection(_FIRST_WORDS)),
        capitalised_cue=not _CAPITAL_WORDS.isdisjoint(held),
        accords=_accords(data),
    )


def field_cues(text: str) -> tuple[re.Match[str], ...]:
    """The matches of the cues in lower case in a whole field's text, for
    :attr:`Field.cues <newsmodel._extract.quotes.boundaries.Field.cues>`: found once, and
    each sentence's read from them.

    They are what ``_LOWER_CUE.find_all(text)`` finds, without entering the regex engine at
    each word: every match starts a run of word characters that is one of
    :data:`_FIRST_WORDS` (a cue form matches as a whole word, and a phrase starts with one of
    its first words). The runs of the text that are one of those are told by the split of its
    UTF-8 with every byte but an ASCII letter, digit or "_" made a space, which holds each run
    of ASCII word characters whole (and parts of runs with other letters, which only add
    places to try). The pattern is matched where each such word stands (see
    :func:`_cues_where`).
    """
    return _cues_where(text, _FIRST_WORDS.intersection(_ascii_words(_utf8(text))))


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def _ascii_words(data: bytes) -> list[bytes]:
    """The runs of ASCII word characters in UTF-8 ``data`` (and the ASCII parts of runs with
    other letters)."""
    return data.translate(_ASCII_WORDS_ONLY).split()


def _accords(data: bytes) -> bool:
    """Whether "ccord" stands in UTF-8 ``data`` in any case (see :func:`holds_accord`)."""
    # find, not "in": bytes' "in" first tries its operand as a byte value, and fails.
    return data.lower().find(b"ccord") >= 0


def _cues_where(text: str, held: AbstractSet[bytes]) -> tuple[re.Match[str], ...]:
    """The matches of ``_LOWER_CUE`` where the words ``held`` stand in ``text``, taken from
    the left, none overlapping the one before, as a search takes them."""
    if not held:
        return ()
    match = _LOWER_CUE.pattern.match
    at_start: dict[int, re.Match[str]] = {}
    for word in held:
        form = word.decode("ascii")
        at = text.find(form)
        while at >= 0:
            found = match(text, at)
            if found is not None:
                at_start[at] = found
            at = text.find(form, at + 1)
    out = []
    end = 0
    for at in sorted(at_start):
        if at >= end:
            found = at_start[at]
            out.append(found)
            end = found.end()
    return tuple(out)


def holds_cue(field: Field) -> bool:
    """Whether a cue may stand in a sentence of the field: a cue in lower case was found in
    it, or a capitalised one that may open a sentence (or the field's were not searched).
    The capitalised ones are searched for only when their words may stand in it."""
    if field.cues is None or field.cues:
        return True
    return field.capitalised_cue is not False and _CAPITAL_CUE.search(field.text) is not None


def holds_accord(field: Field) -> bool:
    """Whether "ccord" stands in the field's text in any case (as in ``text.lower()``), as
    "according" does, once told.

    Read from its UTF-8, whose ``lower`` changes only ASCII letters: no character but the
    ASCII letters themselves lowercases to anything that holds a c, o, r or d.
    """
    held = field.accords
    if held is None:
        held = field.accords = _accords(_utf8(field.text))
    return held


def holds_cue_word(field: Field, start: int, end: int) -> bool:
    """Whether a cue form in lower case stands whole in ``field.text[start:end]``, read from
    the field's cues (``True`` when they were not searched).

    A pattern built on lower-case cue forms (:func:`~newsmodel._extract.quotes.cues.cue_pattern`)
    matches only where one of them stands as a word, and the field's search finds every such
    word: each is letters alone, so it ends where its word ends and no match of another cue,
    before it, reaches over it (the phrases' other words, "to", "it", "clear", are no cue
    forms). A stretch without one of the field's cues is not searched for such a pattern.
    """
    cues = field.cues
    if cues is None:
        return True
    first = bisect.bisect_left(cues, start, key=re.Match.start)
    return first < len(cues) and cues[first].end() <= end


def _lower_cues(field: Field, start: int, end: int) -> list[re.Match[str]]:
    """What ``_LOWER_CUE.find_all(field.text, start, end)`` returns, read from the field's
    matches when they tell it.

    Unless one of them straddles an end of the range, or the range ends inside a word (where
    part of a word may match), the range's matches are the field's within it: a match of the
    range is one of the whole text, and the whole text's within the range are the range's
    when each matches again up to the range's end (a lookahead past it may fail). A single
    word that starts more than the longest cue form before the range's end matches again as
    it did: matching a word reads no further than that, so nothing past the end.
    """
    text, cues = field.text, field.cues
    if cues is None or cuts_word(text, end):
        return _LOWER_CUE.find_all(text, start, end)
    first = bisect.bisect_left(cues, start, key=re.Match.start)
    last = bisect.bisect_left(cues, end, key=re.Match.start)
    if (first and cues[first - 1].end() > start) or (last and cues[last - 1].end() > end):
        return _LOWER_CUE.find_all(text, start, end)
    found = []
    sure_before = end - _LONGEST_LOWER_WORD
    for cue in cues[first:last]:
        if cue.start() < sure_before and cue.group().isalpha():
            found.append(cue)
            continue
        again = _LOWER_CUE.pattern.match(text, cue.start(), end)
        if again is None or again.end() != cue.end():
            return _LOWER_CUE.find_all(text, start, end)
        found.append(again)
    return found


def _candidates(field: Field, start: int, end: int) -> list[re.Match[str]]:
    """The matches of ``CUE`` in ``field.text[start:end]``, but a capitalised one outside a
    headline only where the range starts: elsewhere "Say" is a name ("Jean Say") or a title.

    Capitalised matches are looked for at the start alone, and no match starts inside one.
    """
    if field.headline:
        return CUE.find_all(field.text, start, end)
    found = _lower_cues(field, start, end)
    # A match there starts with a capital, and is a capitalised cue form whole (or "According"
    # before "to"): none stands in a field that holds none of those words.
    if field.capitalised_cue is not False and field.text[start : start + 1].isupper():
        first = CUE.pattern.match(field.text, start, end)
        if first is not None:
            found.insert(0, first)
    return found


def find_cues(field: Field, start: int, end: int) -> list[re.Match[str]]:
    """The cues in ``field.text[start:end]`` outside quotations, in order, without the
    capitalised words and nouns that only look like cues."""
    out = []
    for match in _candidates(field, start, end):
        word = match.group()
        if field.regions and in_region(field.regions, match.start()):
            continue
        if (
            word[0].isupper()
            and word.endswith("ing")
            and not field.headline
            and word != "According"
        ):
            # "Speaking to reporters, Doe said ...": an adverbial clause, not a frame.
            continue
        lower = word.lower()
        if lower in NOUNISH_PRESENT and not subject_before(field.text, match.start(), lower):
            # "the report", "his claims", "percentage points": nouns, not cues.
            continue
        if lower in _INTENT_FORMS and not _INFINITIVE_AFTER.match(field.text, match.end()):
            # "careful planning", "no pun intended": an intention is a cue only with its "to".
            continue
        if word in _NOUNISH_GERUNDS and _POSSESSIVE_BEFORE.search(
            field.text, max(0, match.start() - _POSSESSIVE_REACH), match.start()
        ):
            # "the port's planning", "his reporting": the gerund of a noun-like verb, owned.
            continue
        out.append(match)
    return out
