"""Faster forms of the HTML readers' text work give exactly what the plain forms give.

Each is held to the plain form over generated inputs that reach the edge cases: white space of
every kind at the edges of pieces and between them, pieces of white space only, empty pieces,
non-ASCII letters and digits.
"""

from __future__ import annotations

import random

from newsmodel._extract.html.blocks import _assemble, _run_text
from newsmodel._extract.html.tree import _Run

_PIECES = ["Jane", "Doe", "é", "ß", "1", "_", ",", " ", "  ", "\n", "\t", "\u00a0", "\u2003", ""]


def _generated_texts(count: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(_PIECES) for _ in range(rnd.randint(0, 6))) for _ in range(count)]


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
