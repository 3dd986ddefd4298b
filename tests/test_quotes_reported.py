"""Reported (indirect) speech: where its frames are found and where their contents end.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from newsmodel._model import Article, Attribution, Paragraph
from newsmodel.quotes import extract

#: (text, source, cue) of a quote.
Row = tuple[str, "str | None", "str | None"]


def _rows(*paragraphs: str) -> list[Row]:
    article = Article(headline="Harbour plan stalls", body=[Paragraph(text=p) for p in paragraphs])
    out = []
    for quote in extract(article):
        a = quote.attribution or Attribution()
        out.append((quote.text, a.source, a.cue))
    return out


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "The dredging stopped in May. According to the port authority, the channel is "
            "still too shallow for tankers.",
            ("the channel is still too shallow for tankers", "the port authority", "According to"),
        ),
        (
            "Hours later, the ferry company said the crossing was cancelled.",
            ("the crossing was cancelled", "the ferry company", "said"),
        ),
    ],
)
def test_frame_inside_a_paragraph(paragraph: str, expected: Row) -> None:
    """A frame is found wherever its sentence stands in the paragraph, and a short adverbial
    before "SOURCE said" is not mistaken for the content of an inverted frame."""
    assert _rows(paragraph) == [expected]


def test_inverted_frame_still_takes_a_hearer() -> None:
    """After "told", a determiner opens the hearer, not the content: the inversion holds."""
    rows = _rows("The channel is too shallow, the harbour master told the council.")
    assert rows == [("The channel is too shallow", "the harbour master", "told")]
