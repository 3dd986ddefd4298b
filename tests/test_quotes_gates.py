"""The cheap tests that let quote finding skip a search must hold wherever the search matches.

Before a rule searches a stretch of text with a pattern that is tried at every offset, it asks
``str.find`` whether the stretch holds one of the words every match of that pattern holds, and
skips the search when it does not. A pattern that gains an alternative must keep its words
right; these tests check every such pair over the quotes corpus, where the rules are worked
out, and over generated texts that reach the alternatives.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsmodel._extract.quotes import attribution, follow_on, non_speech, unsourced
from newsmodel._extract.quotes.boundaries import Field
from newsmodel._extract.quotes.cue_search import field_cues, holds_cue_word
from newsmodel._extract.quotes.marks import quote_regions
from newsmodel._extract.quotes.word_counts import holds_any

#: Every pattern that is searched only when a stretch holds one of its words.
GATED: list[tuple[re.Pattern[str], tuple[str, ...]]] = [
    *follow_on.CONTENT_ENDS,
    (unsourced.UNSOURCED_CUE, unsourced.UNSOURCED_WORDS),
]

#: Pieces that reach every alternative of the gated patterns.
_PIECES = [
    " ", "  ", "\n", ",", ";", ":", ".", "—", "–", "-", "--", '"', "”", "’", "'",
    "and", "but", "also", "then", "later", "as", "while", "though", "even", "when",
    "he", "she", "they", "the", "his", "Doe", "Jane", "Officials", "critics",
    "said", "says", "added", "adding", "told", "warned", "warning", "noted", "noting",
    "is", "was", "were", "widely", "expected", "seems", "appeared", "reportedly",
    "that", "it", "to", "vote", "rise",
]  # fmt: skip


def _generated(count: int = 20000) -> Iterator[str]:
    rnd = random.Random(18)
    for _ in range(count):
        pieces = [rnd.choice(_PIECES) for _ in range(rnd.randint(1, 14))]
        yield "".join(
            piece if not index or piece in " \n" else " " * rnd.randint(0, 1) + piece
            for index, piece in enumerate(pieces)
        )


def _paragraphs(shared: Path) -> Iterator[str]:
    with (shared / "corpus" / "quotes-dev.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield from json.loads(line)["text"].split("\n")


def _misses(texts: Iterator[str]) -> list[tuple[str, str]]:
    misses = []
    for text in texts:
        for pattern, words in GATED:
            for match in pattern.finditer(text):
                if not holds_any(text, words, match.start(), match.end()):
                    misses.append((pattern.pattern[:40], match.group()))
    return misses


def test_every_gated_match_holds_one_of_its_words_in_generated_texts() -> None:
    """Generated sentences that reach each alternative: no match lacks its gate's words."""
    assert _misses(_generated()) == []


def test_every_gated_match_holds_one_of_its_words_in_the_quotes_corpus(shared: Path) -> None:
    """Over every paragraph of the quotes corpus, no match lacks its gate's words."""
    if not (shared / "corpus" / "quotes-dev.jsonl").is_file():
        pytest.skip("the quotes corpus is absent from ../shared/corpus")
    assert _misses(_paragraphs(shared)) == []


def test_a_determiner_before_a_cue_is_found_from_near_the_end_as_from_the_start() -> None:
    """The noun-before-cue test searches only the last few characters; it finds what a search
    of the whole stretch finds, lookbehinds included ("there's" is no possessive)."""
    pieces = ["the", "their", "a", "an", "his", "he", "she", "there", "what", "This",
              "'s", "’s", "x", "s", " ", "  ", "\t", ",", "THEIR"]  # fmt: skip
    rnd = random.Random(5)
    for _ in range(20000):
        before = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 8)))
        whole = non_speech._NOUN_BEFORE.search(before)
        near = non_speech._NOUN_BEFORE.search(
            before, max(0, len(before.rstrip()) - non_speech._NOUN_BEFORE_REACH)
        )
        assert (whole is None) == (near is None), before


def _uncued(texts: Iterator[str]) -> list[tuple[str, str]]:
    """Matches of the patterns built on cue forms in a stretch the field's cues say holds no
    cue word: each text searched from every word start, to its end and to the match's end."""
    misses = []
    for text in texts:
        field = Field(text, *quote_regions(text), False, field_cues(text))
        starts = [0, *(space + 1 for space in range(len(text)) if not text[space].isalnum())]
        for pattern in follow_on.CUED_ENDS:
            for start in starts:
                match = pattern.search(text, start)
                if match is None:
                    break
                for end in (len(text), match.end()):
                    if pattern.search(text, start, end) and not holds_cue_word(field, start, end):
                        misses.append((pattern.pattern[:40], text[start:end]))
    return misses


def test_every_match_built_on_cue_forms_holds_one_of_the_fields_cues_in_generated_texts() -> None:
    """Follow-ons, coordinated and spliced frames are searched only where the field's cues
    say a cue word stands: generated sentences that reach each alternative have none
    elsewhere."""
    assert _uncued(_generated(5000)) == []


def test_every_match_built_on_cue_forms_holds_one_of_the_fields_cues_in_the_corpus(
    shared: Path,
) -> None:
    """Over every paragraph of the quotes corpus, no search for a follow-on, coordinated or
    spliced frame that the field's cues pass over would have found one."""
    if not (shared / "corpus" / "quotes-dev.jsonl").is_file():
        pytest.skip("the quotes corpus is absent from ../shared/corpus")
    assert _uncued(_paragraphs(shared)) == []


def test_a_sentence_opening_with_according_to_holds_ccord_in_lower_case() -> None:
    """The "according to" frame is matched only in a sentence whose lowered text holds
    "ccord": every match of its pattern, which ignores case, does, whatever the case of its
    letters or the letters taken for an "i"."""
    pattern = attribution.ACCORDING_FIRST
    pieces = ["according", "ACCORDING", "AcCoRdInG", "accordİng", "accordıng", "to", "TO",
              "To", " ", "  ", ",", '"', "But", "and", "Also", "x", "é"]  # fmt: skip
    rnd = random.Random(19)
    matched = 0
    for _ in range(30000):
        text = ""
        for _ in range(rnd.randint(0, 7)):
            text += rnd.choice(pieces) + rnd.choice(("", " ", " ", "\n"))
        for start in range(len(text) + 1):
            if pattern.match(text, start):
                matched += 1
                assert "ccord" in text[start:].lower(), text
    assert matched > 1000
