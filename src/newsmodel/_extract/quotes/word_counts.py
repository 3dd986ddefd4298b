"""Words counted and looked for in a stretch of a field's text: how many words it holds, whether
it holds any, and whether a pattern's search is worth running there at all.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Sequence

__all__ = ["WORD", "count_words", "gated_search", "has_words", "holds_any"]


#: A word in the sense the scorer and readers count: letters or digits, inner apostrophes kept.
WORD = re.compile(r"\w+(?:['’]\w+)*")


#: Shorter texts, and short ranges, are counted directly; the rest through a cached index of
#: the text's words.
_INDEXED_LENGTH = 2_000
_INDEXED_RANGE = 200


@functools.lru_cache(maxsize=64)
def count_words(text: str, start: int, end: int) -> int:
    """How many words ``WORD.findall(text, start, end)`` finds, in time independent of the
    range on long texts: quote finding asks this for many long ranges of one paragraph, and
    for nearly half of them more than once, within a few sentences, so the last counts are
    kept (only a few: a text stays in memory while it is a key)."""
    if len(text) < _INDEXED_LENGTH or end - start < _INDEXED_RANGE:
        return _count_between_spaces(text, start, end)
    starts, ends = _word_index(text)
    first = bisect.bisect_left(starts, start)  # the first word wholly after ``start``
    stop = bisect.bisect_right(ends, end)  # past the last word wholly before ``end``
    if first >= stop:
        return len(WORD.findall(text, start, end))
    # A word that straddles either end counts as the part of it inside the range, as the
    # scan from ``start`` would find it; between those, the scan agrees with the index.
    head = len(WORD.findall(text, start, starts[first]))
    tail = len(WORD.findall(text, ends[stop - 1], end))
    return head + (stop - first) + tail


def _count_between_spaces(text: str, start: int, end: int) -> int:
    """``len(WORD.findall(text, start, end))``, a chunk between spaces at a time.

    No word spans white space, and most chunks are one word ("said") or a word and a mark
    ("said,"): those count one without a match, which costs more than the split; only the
    rest ("U.S.-led", "(D-Va.)") are matched. Every chunk counts one to begin with, and the
    chunks of letters and digits alone, most of them, are passed over without a step of
    Python's each.
    """
    chunks = text[start:end].split()
    count = len(chunks)
    for chunk in itertools.filterfalse(str.isalnum, chunks):
        if not (chunk[:-1].isalnum() and not chunk[-1].isalnum() and chunk[-1] != "_"):
            count += len(WORD.findall(chunk)) - 1
    return count


def has_words(text: str, start: int, end: int, least: int = 1) -> bool:
    """Whether ``count_words(text, start, end) >= least``, reading only up to the words asked
    for: most frames ask whether a stretch holds any word, or two, not how many it holds."""
    for _ in range(least):
        word = WORD.search(text, start, end)
        if word is None:
            return False
        start = word.end()
    return True


@functools.lru_cache(maxsize=8)
def _word_index(text: str) -> tuple[list[int], list[int]]:
    starts: list[int] = []
    ends: list[int] = []
    for match in WORD.finditer(text):
        starts.append(match.start())
        ends.append(match.end())
    return starts, ends


def holds_any(text: str, words: Sequence[str], start: int, end: int) -> bool:
    """Whether any of ``words`` occurs in ``text[start:end]``.

    A pattern's search tries every offset of its range; a range without a word that every
    match holds is skipped at the speed of ``str.find``. The range is copied once and each
    word looked for with ``in``, which costs less than ``find``'s reading of its bounds for
    each; a long range is searched in place.
    """
    if end - start > _COPIED_RANGE:
        for word in words:  # noqa: SIM110
            if text.find(word, start, end) >= 0:
                return True
        return False
    window = text[start:end]  # the text itself when the range is all of it
    # A plain loop: any() over a generator costs as much as the search it saves.
    for word in words:  # noqa: SIM110
        if word in window:
            return True
    return False


#: The longest range :func:`holds_any` copies (a sentence fits many times over).
_COPIED_RANGE = 20_000


def gated_search(
    pattern: re.Pattern[str], words: Sequence[str], text: str, start: int, end: int
) -> re.Match[str] | None:
    """``pattern.search(text, start, end)``, skipped when the range holds none of ``words``
    (words that every match of ``pattern`` holds)."""
    return pattern.search(text, start, end) if holds_any(text, words, start, end) else None
