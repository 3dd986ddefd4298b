"""Faster forms of quote finding's searches find exactly what the plain forms find.

:class:`WordStarts` looks for a pattern after a space and after any other separator and merges
the two; it is held to ``re``'s own ``finditer`` over generated texts that reach the edge cases
(a match at the start of the range, after a non-ASCII letter, a digit or an underscore, matches
that end in a separator, ranges that cut a word) and over the quotes corpus with the cue
pattern itself. :func:`source_before` reads the last few dozen characters before a cue first;
it is held to the walk over its whole reach. The other shortcuts (tries split by case, patterns
that start with a set of characters, words counted between spaces, quick tests before a search,
a field's cues matched only where their first words stand and read sentence by sentence,
capitalised cues and "according" ruled out from a field's UTF-8, paragraphs passed over) are
each held to the plain form they stand for.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsmodel._extract.quotes import sources
from newsmodel._extract.quotes.cue_search import CUE
from newsmodel._extract.quotes.word_starts import WordStarts

#: Words, a phrase with inner spaces, and a match that ends in a separator ("no-").
_BODY = r"said\b|says\b|no-|according\s+to\b|sa\b"
_PIECES = ["said", "says", "sa", "no-", "no", "according", "to", "x", "é", "_", "1", "-", " ",
           "  ", "\n", ",", '"', "“", "(", "’", "no-said", "saidx"]  # fmt: skip


def _spans(matches: list[re.Match[str]]) -> list[tuple[int, int]]:
    return [match.span() for match in matches]


def _generated(count: int = 20000) -> list[str]:
    rnd = random.Random(14)
    return ["".join(rnd.choice(_PIECES) for _ in range(rnd.randint(0, 10))) for _ in range(count)]


def _paragraphs(shared: Path) -> Iterator[str]:
    """Every paragraph of the quotes corpus; the test skips when the corpus is absent."""
    corpus = shared / "corpus" / "quotes-dev.jsonl"
    if not corpus.is_file():
        pytest.skip("the quotes corpus is absent from ../shared/corpus")
    with corpus.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield from json.loads(line)["text"].split("\n")


def _random_ranges(
    pieces: list[str], seed: int, count: int, most: int = 8
) -> Iterator[tuple[str, int, int]]:
    """Texts of up to ``most`` pieces, each with a range that starts and ends anywhere in it."""
    rnd = random.Random(seed)
    for _ in range(count):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, most)))
        start = rnd.randint(0, len(text))
        yield text, start, rnd.randint(start, len(text))


def test_word_starts_finds_what_the_plain_search_finds_in_generated_texts() -> None:
    """Over whole texts and over ranges that start and end anywhere, the same matches."""
    words = WordStarts(_BODY)
    rnd = random.Random(3)
    for text in _generated():
        assert _spans(words.find_all(text)) == _spans(list(words.pattern.finditer(text))), text
        start = rnd.randint(0, len(text))
        end = rnd.randint(start, len(text))
        assert _spans(words.find_all(text, start, end)) == _spans(
            list(words.pattern.finditer(text, start, end))
        ), (text, start, end)


def test_word_starts_needs_a_word_boundary_where_the_range_starts() -> None:
    """A range that starts inside a word finds nothing there, as ``re`` does."""
    words = WordStarts(_BODY)
    assert _spans(words.find_all("xsaid said", 1)) == [(6, 10)]
    assert _spans(words.find_all("said said", 0)) == [(0, 4), (5, 9)]


def test_word_starts_refuses_letters_and_underscores_before_a_match() -> None:
    """Non-ASCII letters, digits and underscores are word characters: no boundary after them."""
    words = WordStarts(_BODY)
    assert words.find_all("ésaid 1said _said") == []
    assert _spans(words.find_all("—said (said")) == [(1, 5), (7, 11)]


def test_word_starts_finds_a_match_right_after_one_that_ends_in_a_separator() -> None:
    words = WordStarts(_BODY)
    assert _spans(words.find_all("no-said")) == [(0, 3), (3, 7)]


def test_the_cue_search_finds_what_the_plain_search_finds_in_the_quotes_corpus(
    shared: Path,
) -> None:
    """Every paragraph of the quotes corpus, whole and cut into halves: the same cues."""
    corpus = shared / "corpus" / "quotes-dev.jsonl"
    if not corpus.is_file():
        pytest.skip("the quotes corpus is absent from ../shared/corpus")
    with corpus.open(encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            for text in json.loads(line)["text"].split("\n"):
                half = len(text) // 2
                for start, end in ((0, len(text)), (0, half), (half, len(text))):
                    assert _spans(CUE.find_all(text, start, end)) == _spans(
                        list(CUE.pattern.finditer(text, start, end))
                    )


#: Pieces of the phrases a walk left from a cue steps over: names, appositives, parentheses,
#: times, adverbs, shares of a poll, documents and the words that stop a walk.
_SOURCE_PIECES = ["Jane", "Doe", ",", "a", "spokeswoman", "for", "the", "ministry", "(", ")",
                  "D-Va.", "and", "officials", "on", "Monday", "last", "week", "also", "has",
                  "—", "who", "42", "%", "two", "in", "three", "those", "surveyed", "of", "'s",
                  "said", "issued", "statement", "all", "Sen.", "Smith", "reportedly", "that",
                  "quickly", "x" * 30]  # fmt: skip


def test_a_source_read_from_near_the_cue_is_the_one_read_from_the_whole_reach() -> None:
    """Whether the walk left stays within the characters read first or goes past them, the
    source is the one the walk over every token in reach finds."""
    rnd = random.Random(9)
    for _ in range(20000):
        text = " ".join(rnd.choice(_SOURCE_PIECES) for _ in range(rnd.randint(0, 70)))
        lo = rnd.randint(0, 20)
        for participle in (False, True):
            start = lo
            if len(text) - start > sources._SOURCE_REACH:
                start = text.find(" ", len(text) - sources._SOURCE_REACH) + 1
            whole = sources._source_in(sources.tokens(text, start, len(text)), participle)
            assert sources.source_before(text, lo, len(text), participle) == whole, text


def test_genders_looked_for_when_asked_are_those_read_field_by_field() -> None:
    """Coreference reads the genders fields mark only when one is asked for; at every moment
    asked about, a surname's gender is the one that reading each field's marks as the field is
    reached, with what resolutions learnt in between, gives (the first known stands)."""
    from newsmodel._extract.quotes import coreference

    marks = ["Mr. Doe", "Ms. Doe", "Mrs. Roe", "spokeswoman Jane Roe", "father Bob Doe",
             "Dame Ann Poe", "the Doe", "Sir Poe"]  # fmt: skip
    surnames = ["Doe", "Roe", "Poe"]
    rnd = random.Random(11)
    for _ in range(2000):
        texts = [" and ".join(rnd.sample(marks, rnd.randint(0, 3))) for _ in range(5)]
        genders = coreference._Genders(texts)
        eager: dict[str, str] = {}
        done = -1
        moments: list[tuple[tuple[int, int], dict[str, str]]] = []
        for _ in range(8):
            if rnd.random() < 0.4 and done < len(texts) - 1:
                done += 1
                text = texts[done]
                for match in (
                    *coreference._HONORIFIC_NAME.finditer(text),
                    *coreference._GENDER_NOUN_NAME.pattern.finditer(text),
                ):
                    word = match.group(1).lower().rstrip(".")
                    gender = coreference._HONORIFIC_GENDER.get(word)
                    eager.setdefault(match.group(2), gender or coreference._GENDER_NOUNS[word])
            else:
                surname, gender = rnd.choice(surnames), rnd.choice("mf")
                genders.learn(surname, gender, done)
                eager.setdefault(surname, gender)
            moments.append((genders.now(done), dict(eager)))
        for moment, known in moments:
            for surname in surnames:
                assert genders.of(surname, moment) == known.get(surname), (texts, surname)


def test_tokens_are_the_matches_of_the_token_pattern() -> None:
    """Words taken whole between spaces are exactly the tokens the pattern matches: letters,
    digits and underscores of any script, stops, marks, and ranges that cut a word."""
    pieces = ["said", "Doe", "U.S.", "3", ",", ".", "3.5", "20,000", "_x", "x_", "é", "²",
              "Ø", "’s", "-", "—", "(", ")", '"', "“", "&", "D-Va.", "a.", "..", " ", "  ",
              "\n", "\u00a0", "\t", "\u2009", "\u200b", "\u00ad"]  # fmt: skip
    for text, start, end in _random_ranges(pieces, 7, 20000, most=12):
        plain = [(m.start(), m.end(), m.group()) for m in sources.TOKEN.finditer(text, start, end)]
        assert sources.tokens(text, start, end) == plain, (text, start, end)


def test_the_quotation_mark_pattern_matches_what_its_plain_form_matches() -> None:
    """A mark or a doubled ASCII quote, never a single one: as ``<two>|<two>|[marks]``, and
    ``is_quote_mark`` tells the same without matching longer texts."""
    from newsmodel._extract.quotes.marks import _ONE_CHARACTER_MARKS, QUOTE_MARK, is_quote_mark

    plain = re.compile(r"``|''|[" + _ONE_CHARACTER_MARKS + "]")
    rnd = random.Random(4)
    for _ in range(20000):
        text = "".join(rnd.choice("`'\"“”«»‘’a ") for _ in range(rnd.randint(0, 10)))
        assert [m.span() for m in QUOTE_MARK.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ], text
        assert bool(QUOTE_MARK.fullmatch(text)) == bool(plain.fullmatch(text)), text
        assert is_quote_mark(text) == bool(plain.fullmatch(text)), text


def test_the_word_pattern_split_by_case_matches_a_plain_list_of_the_words() -> None:
    """Tries of lowercase, capitalised and other words, each behind a lookahead for its case,
    match what ``\\b(?:w1|w2|...)\\b`` matches, over generated texts and the cue words."""
    from newsmodel._extract.quotes.cue_search import _CUE_WORDS
    from newsmodel._extract.quotes.cues import cue_pattern

    words = ["say", "says", "said", "Say", "Said", "según", "Über", "9am", "sa"]
    pieces = [*words, "x", "S", "s", "é", "_", "1", " ", ",", '"', "-", "ing"]
    rnd = random.Random(5)
    for forms in (words, sorted(_CUE_WORDS)):
        split = re.compile(cue_pattern(forms))
        plain = re.compile(r"\b(?:" + "|".join(map(re.escape, forms)) + r")\b")
        for _ in range(5000):
            text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 10)))
            assert _spans(list(split.finditer(text))) == _spans(list(plain.finditer(text))), text


def test_the_follow_on_pattern_matches_what_its_plain_form_matches() -> None:
    """A follow-on after a stop, a dash, a closing mark or "and": the same matches as the
    pattern that begins with its alternatives, over generated texts and ranges."""
    from newsmodel._extract.quotes import follow_on

    plain = re.compile(
        r"(?:(?:(?:[,;—–]|(?<=[,;—–][\"”’']))[\"”’']?\s+(?:and\s+)?|\s+(?:and|before)\s+)"
        r"(?:also\s+)?" + follow_on._ING_CUE + r"|(?:,\s+|\s+)(?:and|but)\s+"
        r"(?:also\s+|then\s+|later\s+)?" + follow_on._PAST_CUE + r")"
    )
    words = ["and", "but", "before", "also", "then", "adding", "added", "said", "saying", "Doe",
             "x", "é"]  # fmt: skip
    marks = [" "] * 12 + [",", ";", "—", "–", '"', "”", "’", "'", "  ", "\n", ", ", ',"', ' "',
                          " — ", ";” ", ',""']  # fmt: skip
    found = 0
    rnd = random.Random(6)
    for _ in range(30000):
        text = "".join(rnd.choice(words) + rnd.choice(marks) for _ in range(rnd.randint(0, 10)))
        start = rnd.randint(0, len(text) // 2)
        end = rnd.randint(start, len(text))
        for method in ("search", "match"):
            fast = getattr(follow_on.FOLLOW_ON, method)(text, start, end)
            slow = getattr(plain, method)(text, start, end)
            assert (fast and fast.span()) == (slow and slow.span()), (text, start, end, method)
            found += fast is not None
    assert found > 1000, found


def test_whether_a_stretch_holds_words_is_what_counting_them_says() -> None:
    """``has_words`` reads only the first words of a range, and agrees with the full count."""
    from newsmodel._extract.quotes.word_counts import count_words, has_words

    pieces = ["Doe", "said", "’s", "'", "don't", "-", " ", ",", "_", "é", "3.5"]
    rnd = random.Random(8)
    for _ in range(20000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 8)))
        start = rnd.randint(0, len(text))
        end = rnd.randint(start, len(text))
        least = rnd.randint(1, 3)
        assert has_words(text, start, end, least) == (count_words(text, start, end) >= least)


def test_words_counted_between_spaces_are_the_matches_of_the_word_pattern() -> None:
    """Chunks taken whole, or with their closing mark, count as the pattern's matches do:
    apostrophes inside and at the ends, underscores, digits and letters of any script."""
    from newsmodel._extract.quotes.word_counts import WORD, _count_between_spaces

    pieces = ["said", "Doe", "’s", "'", "’", "don't", "-", ".", ",", " ", "\n", "\u00a0", "_",
              "é", "²", "3.5", "U.S.", "(", '"']  # fmt: skip
    for text, start, end in _random_ranges(pieces, 10, 20000, most=10):
        expected = len(WORD.findall(text, start, end))
        assert _count_between_spaces(text, start, end) == expected, (text, start, end)


def test_a_stop_after_no_abbreviation_is_told_without_the_abbreviation_search() -> None:
    """Wherever the abbreviation pattern matches a text that ends in a stop, the quick test
    lets it be searched for."""
    from newsmodel._extract.quotes.marks import ABBREVIATION, _may_abbreviate

    pieces = ["Mr", "Sen", "Gov't", "etc", "U", "S", "s", "x", "Doe", "No", "é", "É", ".", "..",
              "?", "!", "…", " ", "\n", "'", "-", "1"]  # fmt: skip
    rnd = random.Random(12)
    matched = 0
    for _ in range(30000):
        stem = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 5))) + rnd.choice(".!?…")
        if ABBREVIATION.search(stem):
            matched += 1
            assert _may_abbreviate(stem), stem
    assert matched > 1000


def test_capitalised_cues_outside_a_headline_are_looked_for_only_where_a_range_starts(
    shared: Path,
) -> None:
    """The cue candidates are the cue pattern's matches, less the capitalised ones after the
    range's start outside a headline: over generated texts and the quotes corpus."""
    from newsmodel._extract.quotes.boundaries import Field
    from newsmodel._extract.quotes.cue_search import _candidates
    from newsmodel._extract.quotes.marks import quote_regions

    def plain(text: str, start: int, end: int, headline: bool) -> list[tuple[int, int]]:
        return [
            m.span()
            for m in CUE.pattern.finditer(text, start, end)
            if headline or m.start() == start or not m.group()[0].isupper()
        ]

    def check(text: str, start: int, end: int) -> None:
        for headline in (False, True):
            field = Field(text, *quote_regions(text), headline)
            found = _spans(_candidates(field, start, end))
            assert found == plain(text, start, end, headline), (text, start, end, headline)

    pieces = ["said ", "Said ", "says ", "According ", "according ", "to ", "made ", "Made ",
              "it ", "clear ", "that ", "Speaking ", "x", "é", " ", ",", '"', "(", "-"]  # fmt: skip
    for text, start, end in _random_ranges(pieces, 13, 10000):
        check(text, start, end)
    for text in _paragraphs(shared):
        check(text, 0, len(text))
        check(text, len(text) // 3, len(text))


def test_a_ranges_cues_read_from_its_fields_are_the_ones_its_own_search_finds(
    shared: Path,
) -> None:
    """Matches of the field's search within a range, matched again up to its end, or a search
    of the range where they cannot tell: the range's own matches, over generated texts (phrases
    cut by the range, lookaheads past its end, words cut at either end) and the corpus."""
    from newsmodel._extract.quotes.boundaries import Field
    from newsmodel._extract.quotes.cue_search import _LOWER_CUE, _lower_cues, field_cues
    from newsmodel._extract.quotes.marks import quote_regions

    def check(text: str, start: int, end: int) -> None:
        field = Field(text, *quote_regions(text), False, field_cues(text))
        expected = _spans(_LOWER_CUE.find_all(text, start, end))
        assert _spans(_lower_cues(field, start, end)) == expected, (text, start, end)

    pieces = ["said", "saidx", "says", "according", "to", "made", "it", "clear", "that", "thatx",
              "characterizing", "characterizingx", "acknowledg", "x", "é", " ", " ", " ", "\n",
              ",", '"', "-"]  # fmt: skip
    for text, start, end in _random_ranges(pieces, 15, 20000):
        check(text, start, end)
    for text in _paragraphs(shared):
        check(text, 0, len(text))
        check(text, len(text) // 3, 2 * len(text) // 3)


def test_a_fields_cues_found_where_their_first_words_stand_are_the_ones_its_search_finds(
    shared: Path,
) -> None:
    """``field_cues`` matches the cue pattern only where a word that can start a match stands
    whole among the ASCII words of the text: the same matches as the search over the whole
    text, over generated texts (words joined to letters of other scripts, digits and "_",
    phrases cut short, overlapping phrases, lone surrogates, white space of any kind) and
    the corpus."""
    from newsmodel._extract.quotes.cue_search import _LOWER_CUE, field_cues

    def check(text: str) -> None:
        expected = [(m.span(), m.group(), m.pos, m.endpos) for m in _LOWER_CUE.find_all(text)]
        found = [(m.span(), m.group(), m.pos, m.endpos) for m in field_cues(text)]
        assert found == expected, text

    pieces = ["said", "Said", "saidx", "xsaid", "says", "according", "to", "made", "make",
              "making", "it", "very", "clear", "that", "acknowledg", "added", "add", "é", "ß",
              "_", "1", "²", "x", " ", " ", " ", "\n", "\u00a0", "\u2009", "\ud800", ",", ".",
              '"', "“", "’", "-", "—", "(", " according to ", "according\tto", " according tox",
              " made it clear that", "makes it very clear that", " making clear that",
              " made it clear thatx", "made clear"]  # fmt: skip
    rnd = random.Random(18)
    phrases = 0
    for _ in range(20000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12)))
        check(text)
        phrases += any(" " in match.group() for match in field_cues(text))
    assert phrases > 100, phrases
    for text in _paragraphs(shared):
        check(text)


def test_what_a_fields_words_tell_is_what_searching_its_text_tells(shared: Path) -> None:
    """``read_field`` finds the field's cues as ``field_cues`` does, rules out a capitalised
    cue only where the searches for one (alone, and among all cues) find none, and tells "ccord" in any case as
    ``text.lower()`` holds it: over generated texts (capitals joined to other letters, case
    mixed, letters whose lower case is longer, lone surrogates) and the corpus."""
    from newsmodel._extract.quotes.cue_search import (
        _CAPITAL_CUE,
        field_cues,
        holds_accord,
        read_field,
    )
    from newsmodel._extract.quotes.marks import quote_regions

    def check(text: str) -> bool:
        field = read_field(text, *quote_regions(text), False)
        assert _spans(list(field.cues or ())) == _spans(list(field_cues(text))), text
        capitalised = _CAPITAL_CUE.search(text) is not None or any(
            match.group()[0].isupper() for match in CUE.pattern.finditer(text)
        )
        assert field.capitalised_cue or not capitalised, text
        assert field.accords == ("ccord" in text.lower()), text
        field.accords = None
        assert holds_accord(field) == ("ccord" in text.lower()), text
        return capitalised

    pieces = ["Said", "said", "Says", "According", "according", "ACCORDING", "aCcOrD", "ccor",
              "d", "C", "Accord", "xSaid", "Saidx", "İ", "ß", "ǅ", "K", "é", "_", "1", " ",
              "\n", "\ud800", ",", '"', "“", "-"]  # fmt: skip
    rnd = random.Random(19)
    capitalised = 0
    for _ in range(20000):
        capitalised += check("".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 10))))
    assert capitalised > 1000, capitalised
    for text in _paragraphs(shared):
        check(text)


def test_no_character_but_an_ascii_letter_lowercases_to_one_of_ccord() -> None:
    """What lets ``holds_accord`` read "ccord" from the UTF-8's ASCII lower case."""
    letters = set("cord")
    others = [
        hex(point)
        for point in range(0x110000)
        if chr(point) not in "cordCORD" and not letters.isdisjoint(chr(point).lower())
    ]
    assert others == []


def test_a_field_passed_over_has_no_frame_in_any_of_its_sentences(shared: Path) -> None:
    """Every field of the quotes corpus that ``may_frame`` passes over gives no quote in any
    sentence, whichever frame is tried; and most fields are passed over or not for a reason."""
    from newsmodel._extract.quotes.attribution import sentence_quotes
    from newsmodel._extract.quotes.boundaries import Field
    from newsmodel._extract.quotes.cue_search import field_cues
    from newsmodel._extract.quotes.frameless import may_frame
    from newsmodel._extract.quotes.marks import quote_regions, sentences

    passed_over = 0
    for text in _paragraphs(shared):
        regions, starts_open, dangling = quote_regions(text)
        if may_frame(Field(text, regions, starts_open, dangling, False, field_cues(text))):
            continue
        passed_over += 1
        # Each sentence searched on its own, not read from the field's search.
        alone = Field(text, regions, starts_open, dangling, False)
        for start, end in sentences(text, regions):
            assert sentence_quotes(0, alone, start, end) == [], text[start:end]
    assert passed_over > 100


def test_a_text_read_for_its_quotations_only_when_it_holds_an_opening_mark_has_the_same_ones(
    shared: Path,
) -> None:
    """``quote_regions`` reads a text's marks only when one that can open a quotation stands in
    it: over generated texts of every mark (closing ones alone, apostrophes, doubled marks) and
    the quotes corpus, its regions are those of reading every mark."""
    from newsmodel._extract.quotes.marks import _paired_regions, quote_regions

    pieces = ["said", "x", " ", "  ", "\n", ",", ".", '"', "“", "”", "‘", "’", "'", "''", "`",
              "``", "«", "»", "„", "「", "」", "don’t", "'90s"]  # fmt: skip
    rnd = random.Random(16)
    without = 0
    for _ in range(30000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 8)))
        regions = _paired_regions(text)
        assert quote_regions(text) == regions, text
        without += not regions[0]
    for text in _paragraphs(shared):
        assert quote_regions(text) == _paired_regions(text), text
    assert without > 1000


def test_a_relative_clause_is_told_as_its_words_tell_it() -> None:
    """Whether the clause before a frame opens with "who" or "which" after a comma, told
    without reading its words when it holds neither: as reading each word says, in any case."""
    from newsmodel._extract.quotes.relative import _in_relative_clause
    from newsmodel._extract.quotes.word_counts import WORD

    def plain(text: str, at: int) -> bool:
        comma = text.rfind(",", max(0, at - 120), at)
        return comma >= 0 and any(
            word.group().lower() in ("who", "which") for word in WORD.finditer(text, comma, at)
        )

    pieces = ["Doe", ", ", ",", "who", "Who", "WHICH", "which", "whom", "whose", "somewho",
              "x", " ", "İ", "WHİCH", "said", "-"]  # fmt: skip
    rnd = random.Random(17)
    for _ in range(20000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 10)))
        at = rnd.randint(0, len(text))
        assert _in_relative_clause(text, at) == plain(text, at), (text, at)


def test_a_sentence_of_a_field_without_a_frames_word_finds_what_trying_the_frame_finds(
    shared: Path,
) -> None:
    """Frames named by a word ("asked", "poll", "quoted as", "sees ... as", "is expected
    to") are tried only in fields that hold one of their words: every sentence of the quotes
    corpus finds the same quotes as when they are tried in every field."""
    from newsmodel._extract.quotes.attribution import sentence_quotes
    from newsmodel._extract.quotes.boundaries import Field
    from newsmodel._extract.quotes.cue_search import field_cues
    from newsmodel._extract.quotes.marks import quote_regions, sentences

    without = 0
    for text in _paragraphs(shared):
        regions, starts_open, dangling = quote_regions(text)
        gated = Field(text, regions, starts_open, dangling, False, field_cues(text))
        tried = Field(text, regions, starts_open, dangling, False, field_cues(text), True)
        for start, end in sentences(text, regions):
            found = sentence_quotes(0, gated, start, end)
            assert found == sentence_quotes(0, tried, start, end), text[start:end]
        without += gated.word_frames is False
    assert without > 100


def test_a_sentence_of_a_field_without_according_finds_what_searching_for_it_finds(
    shared: Path,
) -> None:
    """The phrase "according to" is looked for, before a sentence's frames and after each quote found,
    only in fields that hold "ccord" in some case: every sentence of the quotes corpus finds
    the same quotes as when it is looked for in every field."""
    import attrs

    from newsmodel._extract.quotes.attribution import sentence_quotes
    from newsmodel._extract.quotes.cue_search import read_field
    from newsmodel._extract.quotes.marks import quote_regions, sentences

    without = found = 0
    for text in _paragraphs(shared):
        gated = read_field(text, *quote_regions(text), False)
        searched = attrs.evolve(gated, accords=True)
        for start, end in sentences(text, gated.regions):
            quotes = sentence_quotes(0, gated, start, end)
            assert quotes == sentence_quotes(0, searched, start, end), text[start:end]
            found += len(quotes) if gated.accords is False else 0
        without += gated.accords is False
    assert without > 100, without
    assert found > 100, found
