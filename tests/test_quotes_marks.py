"""The text primitives of quote finding: word patterns, quotation marks, regions, white space.

Each faster form is checked against the plain one it replaces, over generated texts that
reach the edge cases (a word at the very start, after a digit or an underscore, doubled
ASCII marks in runs of any length).
"""

from __future__ import annotations

import random
import re

from newsmodel._extract.quotes.cues import capitalised_pattern, cue_pattern
from newsmodel._extract.quotes.marks import (
    QUOTE_MARK,
    Regions,
    inner_span,
    quote_regions,
    stripped_end,
    stripped_ends_with,
)

_WORDS = ["Mr", "Mrs", "Ms", "Sen", "Senator", "Ministry", "Ministries"]


def _texts(alphabet: str, count: int = 3000, longest: int = 12) -> list[str]:
    rnd = random.Random(15)
    return [
        "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, longest))) for _ in range(count)
    ]


def test_capitalised_pattern_finds_what_the_word_pattern_finds() -> None:
    fast = re.compile(capitalised_pattern(_WORDS))
    plain = re.compile(cue_pattern(_WORDS))
    pieces = [*_WORDS, "x", "9", "_", " ", ".", "é", "\n"]
    rnd = random.Random(14)
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 8)))
        start = rnd.randint(0, len(text))
        spans = [m.span() for m in fast.finditer(text, start)]
        assert spans == [m.span() for m in plain.finditer(text, start)], (text, start)


def test_capitalised_pattern_needs_a_word_boundary_before() -> None:
    pattern = re.compile(capitalised_pattern(["Mr"]))
    assert [m.start() for m in pattern.finditer("Mr. Doe and Mr Roe")] == [0, 12]
    assert pattern.search("xMr Doe") is None
    assert pattern.search("9Mr Doe") is None
    assert pattern.search("Mrs Doe") is None


def _inner_span_by_scanning(text: str, region: tuple[int, int]) -> tuple[int, int]:
    """The inner span found by scanning the whole quotation for its closing mark."""
    start, end = region
    mark = QUOTE_MARK.match(text, start)
    if mark:
        start = mark.end()
    closing = [m for m in QUOTE_MARK.finditer(text, start, end) if m.end() == end]
    if closing:
        end = closing[-1].start()
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def test_inner_span_drops_the_closing_mark_a_scan_finds() -> None:
    for text in _texts("ab '`\"”’,"):
        for start in range(len(text) + 1):
            for end in range(start, len(text) + 1):
                expected = _inner_span_by_scanning(text, (start, end))
                assert inner_span(text, (start, end)) == expected, (text, start, end)


def test_doubled_ascii_marks_pair_from_the_left() -> None:
    # "''" closes; of three, the last one is left over and closes nothing.
    assert inner_span("``We won''", (0, 10)) == (2, 8)
    assert inner_span("``We won'''", (0, 11)) == (2, 11)
    assert inner_span("“We won”", (0, 8)) == (1, 7)


def test_stripped_end_and_ends_with_agree_with_slicing() -> None:
    for text in _texts("ab :\n\t", count=2000):
        for start in range(len(text) + 1):
            for at in range(start, len(text) + 1):
                assert stripped_end(text, at) == len(text[:at].rstrip())
                expected = text[start:at].rstrip().endswith(":")
                assert stripped_ends_with(text, start, at, ":") == expected, (text, start, at)


def test_many_regions_are_looked_up_as_a_scan_would() -> None:
    text = " ".join(f'"q{index}" said' for index in range(40))
    regions, _, _ = quote_regions(text)
    assert len(regions) == 40
    for lo in range(0, len(text), 7):
        for hi in (lo, lo + 3, lo + 50):
            expected = [r for r in regions if r[1] >= lo and r[0] <= hi]
            assert list(regions.near(lo, hi)) == expected
        starting = next((r for r in regions if r[0] == lo), None)
        assert regions.starting_at(lo) == starting
    assert list(Regions().near(0, 10)) == []
