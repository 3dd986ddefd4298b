"""Faster forms of the HTML readers' text work give exactly what the plain forms give.

Each is held to the plain form over generated inputs that reach the edge cases: white space of
every kind at the edges of pieces and between them, pieces of white space only, empty pieces,
non-ASCII letters and digits, letters whose lower case is longer or depends on its neighbours.
"""

from __future__ import annotations

import random
import re

from lxml import etree

from newsmodel import Link
from newsmodel._extract.html.blocks import (
    _CAPTION_NAME,
    _CREDIT_NAME,
    _MEDIA_NAME,
    _assemble,
    _run_text,
)
from newsmodel._extract.html.language import (
    _EDGE_MARKS,
    _UNEVEN_LOWER_CASE,
    _WORD,
    _lower_case_words,
)
from newsmodel._extract.html.metadata.microdata import item_properties, properties_by_item
from newsmodel._extract.html.metadata.visible_date import _DATE, _DATE_OPENING
from newsmodel._extract.html.tree import _Run

_PIECES = ["Jane", "Doe", "é", "ß", "1", "_", ",", " ", "  ", "\n", "\t", "\u00a0", "\u2003", ""]


def _generated_texts(count: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(_PIECES) for _ in range(rnd.randint(0, 6))) for _ in range(count)]


def _plain_assembly(pieces: list[tuple[str, str | None]]) -> tuple[str, tuple[Link, ...]]:
    """Pieces assembled one by one: each one-spaced, a space not written after another, each
    link piece a span, joined to the span before it when they point to the same place and
    only white space separates them; the text's trailing space cut, with the spans."""
    parts: list[str] = []
    links: list[Link] = []
    length = 0
    space = True
    for raw, href in pieces:
        text = re.sub(r"\s+", " ", raw)
        if space:
            text = text.lstrip(" ")
        if not text:
            continue
        start = length + (1 if text.startswith(" ") else 0)
        parts.append(text)
        length += len(text)
        space = text.endswith(" ")
        end = length - (1 if space else 0)
        if href is not None and href != "#" and end > start:
            if links and links[-1].url == href and links[-1].end >= start - 1:
                start = links.pop().start
            links.append(Link(start=start, end=end, url=href))
    joined = "".join(parts)
    cut = len(joined.rstrip(" "))
    kept = [Link(start=k.start, end=min(k.end, cut), url=k.url) for k in links if k.start < cut]
    return joined[:cut], tuple(kept)


def test_pieces_with_links_assemble_as_they_do_one_by_one() -> None:
    """Text and link spans, over pieces of every kind, with and without link targets."""
    rnd = random.Random(17)
    texts = _generated_texts(40000, 17)
    targets = [None, None, "#", "https://example.com/a", "https://example.com/b"]
    for start in range(0, len(texts), 5):
        pieces = [(text, rnd.choice(targets)) for text in texts[start : start + rnd.randint(1, 5)]]
        assert _assemble(pieces) == _plain_assembly(pieces), pieces


def test_a_run_without_link_text_reads_as_its_pieces_assembled() -> None:
    """A run whose links hold no text (or that has none) gives the text the piece-by-piece
    assembly gives, and no link spans."""
    rnd = random.Random(18)
    texts = _generated_texts(20000, 18)
    for start in range(0, len(texts), 4):
        run = _Run()
        for text in texts[start : start + rnd.randint(1, 4)]:
            # A link whose text is white space only still adds no link text.
            run.add(
                text, "https://example.com/" if text.strip() == "" and rnd.random() < 0.3 else None
            )
        assert run.link_chars == 0
        assert _run_text(run) == _assemble(run.pieces())


def test_a_run_with_link_text_keeps_its_link_spans() -> None:
    """A run with link text is assembled piece by piece, its spans kept."""
    run = _Run()
    run.add("Read ", None)
    run.add(" the report ", "https://example.com/report")
    run.add("\u00a0today. ", None)
    text, links = _run_text(run)
    assert text == "Read the report today."
    assert [(link.start, link.end, link.url) for link in links] == [
        (5, 15, "https://example.com/report")
    ]


def test_lower_casing_keeps_each_character_s_kind_but_for_the_uneven_ones() -> None:
    """Every character but the listed ones lowers to one character of its own kind, which is
    what lets the language guess lower-case a text before reading its words."""
    word = re.compile(r"[^\W\d_]")
    for point in range(0x110000):
        char = chr(point)
        lower = char.lower()
        if lower == char or char in _UNEVEN_LOWER_CASE:
            continue
        assert len(lower) == 1, hex(point)
        assert bool(word.match(lower)) == bool(word.match(char)), hex(point)
        assert lower.isspace() == char.isspace(), hex(point)


def test_the_marks_taken_off_tokens_are_no_part_of_a_word() -> None:
    """Taking the marks off a token's ends cannot cut a word."""
    assert not any(re.match(r"[^\W\d_]", mark) for mark in _EDGE_MARKS)


def test_the_language_guess_reads_the_words_the_plain_search_reads() -> None:
    """Lower-cased words, ASCII or not, with letters whose lower case is uneven among them."""
    pieces = ["The", "and", "DER", "über", "İstanbul", "ΟΔΟΣ", "σ", "ς", "x²", "1", "_", ",",
              "’", "-", " ", "\n", "\u00a0", "日本", "Ёж", "“", "(", ".", "…", "'"]  # fmt: skip
    rnd = random.Random(19)
    for _ in range(20000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 8)))
        plain = [word.lower() for word in _WORD.findall(text)]
        assert _lower_case_words(text) == plain, text


def test_the_printed_date_search_finds_what_it_finds_without_its_opening_test() -> None:
    """The lookahead that turns places away before the date alternatives are tried changes no
    match: dates in every case, long s and dotless letters, Arabic-Indic digits."""
    plain = re.compile(_DATE.pattern.removeprefix(_DATE_OPENING), re.IGNORECASE)
    pieces = ["December", "DEC.", "dez", "Mai", "ſeptember", "août", "AOÛT", "18", "2025",
              "١٨", "1/2/2025", "2025-12-18", "of", "de", " ", ", ", ".", "x", "Updated:",
              "3rd", "18th"]  # fmt: skip
    rnd = random.Random(20)
    for _ in range(20000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 8)))
        assert [m.groupdict() for m in _DATE.finditer(text)] == [
            m.groupdict() for m in plain.finditer(text)
        ], text


def test_an_item_s_properties_are_those_its_own_scope_holds_nearest() -> None:
    """Grouped by owner once, an item's properties are still those whose nearest ``itemscope``
    ancestor it is: not its nested items' properties, not its own ``itemscope`` element."""
    page = """<html><body><div itemscope itemtype="https://schema.org/Article">
    <h1 itemprop="headline">Bridge reopens</h1>
    <div itemprop="comment" itemscope itemtype="https://schema.org/Comment">
      <span itemprop="author" itemscope itemtype="https://schema.org/Person">
        <b itemprop="name">Ann</b></span><p itemprop="text">Finally.</p>
      <div itemprop="comment" itemscope itemtype="https://schema.org/Comment">
        <p itemprop="text">About time.</p><meta itemprop="dateCreated" content="2026-01-02">
      </div></div><span itemprop="author name">Jane Doe</span></div></body></html>"""
    root = etree.fromstring(page, etree.HTMLParser())
    props = [el for el in root.iter() if el.get("itemprop") is not None]
    owned = properties_by_item(props)
    for scope in (el for el in root.iter() if el.get("itemscope") is not None):
        plain: dict[str, list[etree._Element]] = {}
        for el in props:
            owner = next((a for a in el.iterancestors() if a.get("itemscope") is not None), None)
            if owner is scope:
                for name in (el.get("itemprop") or "").split():
                    plain.setdefault(name, []).append(el)
        assert item_properties(scope, owned) == plain


def test_words_in_names_are_found_as_their_pattern_finds_them() -> None:
    """ASCII names in any case, and names with letters that fold to ASCII ones."""
    pieces = ["Photo", "IMG", "imAge", "pic", "ture", "media", "Figure", "caption", "Credit",
              "sOurce", "by", "line", "AUTHOR", "copy", "right", "-", "_", " ", "x", "ımage",
              "İMG", "ſource", "K", "hero"]  # fmt: skip
    rnd = random.Random(21)
    for _ in range(20000):
        name = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 6)))
        for words in (_MEDIA_NAME, _CREDIT_NAME, _CAPTION_NAME):
            assert words.in_name(name) == (words.pattern.search(name) is not None), name
