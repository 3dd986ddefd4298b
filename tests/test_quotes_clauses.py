"""Where one attributed clause ends and the next begins inside a sentence.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from newsmodel._model import Article, Attribution, Paragraph
from newsmodel.quotes import extract

#: (text, source, cue) of a quote.
Row = tuple[str, "str | None", "str | None"]


def _rows(*paragraphs: str) -> list[Row]:
    article = Article(headline="Bridge tolls rise", body=[Paragraph(text=p) for p in paragraphs])
    out = []
    for quote in extract(article):
        a = quote.attribution or Attribution()
        out.append((quote.text, a.source, a.cue))
    return out


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "The engineers said the cables were sound, the mayor said she would order a "
            "second inspection.",
            [
                ("the cables were sound", "The engineers", "said"),
                ("she would order a second inspection", "the mayor", "said"),
            ],
        ),
        (
            "Funding was the main reason for the delay, Okafor also noted the crews had "
            "been short of steel.",
            [("the crews had been short of steel", "Okafor", "noted")],
        ),
        (
            "Drivers say the toll is too high, they say the ferry is cheaper.",
            [
                ("the toll is too high", "Drivers", "say"),
                ("the ferry is cheaper", "they", "say"),
            ],
        ),
    ],
)
def test_a_second_frame_after_a_bare_comma_is_a_quote_of_its_own(
    paragraph: str, expected: list[Row]
) -> None:
    """A comma splice joins two reports: the first content ends at the comma and the
    second frame names its own speaker."""
    assert _rows(paragraph) == expected


def test_a_parenthetical_frame_inside_a_content_splits_nothing() -> None:
    """", Doe said," set off by commas on both sides belongs to the clause around it."""
    rows = _rows("The council said the repairs, the engineers agreed, would take a year.")
    assert rows[0][1:] == ("The council", "said")
    assert rows[0][0].startswith("the repairs") and rows[0][0].endswith("would take a year")


def test_a_cue_inside_an_asked_question_is_the_questions_own() -> None:
    """"Asked whether X wanted Y, Doe said Z": the verb in the question frames nothing; the
    answer is Doe's."""
    rows = _rows(
        "Asked whether the council wanted higher tolls, Mayor Lena Ortiz said she would "
        "wait for the audit."
    )
    assert rows == [
        ("whether the council wanted higher tolls", None, "Asked"),
        ("she would wait for the audit", "Mayor Lena Ortiz", "said"),
    ]
