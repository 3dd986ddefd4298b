"""The line under a plain-text headline, with no byline or date to tell: standfirst or lead?

Every article here is written for these tests.
"""

from __future__ import annotations

import warnings

import pytest

from newsmodel import Article, text
from newsmodel.errors import GuessWarning

BODY = (
    "The harbor board will vote on the ferry toll in March, after two years of hearings.\n"
    "Island residents have asked the harbor board to freeze the toll until a second ferry "
    "arrives next spring.\n"
    "The operator says the toll covers fuel and crew, and that a freeze would cut sailings "
    "to the island in winter.\n"
)


def _parse(source: str) -> Article:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return text.parse(source)


def test_summary_line_under_the_headline_is_the_standfirst() -> None:
    """A short line that repeats the headline's and the body's words is a standfirst."""
    article = _parse(
        "Ferry Toll Vote Set for March\n"
        "The harbor board will vote on the ferry toll that island residents want frozen.\n" + BODY
    )
    assert article.standfirst == (
        "The harbor board will vote on the ferry toll that island residents want frozen."
    )
    assert len(article.body) == 3


def test_line_that_restates_little_stays_a_paragraph_with_a_warning() -> None:
    """A short line that shares some words with the body but not the headline's is kept as
    the first paragraph, and the reader is told."""
    source = (
        "Ferry Toll Vote Set for March\n"
        "Island residents want sailings kept in winter, whatever the harbor decides.\n" + BODY
    )
    with pytest.warns(GuessWarning, match="may be a standfirst"):
        article = text.parse(source)
    assert article.standfirst is None
    assert len(article.body) == 4


@pytest.mark.parametrize(
    "line",
    [
        "HALIFAX (Reuters) - The harbor board will vote on the ferry toll in March.",
        "A reporter spent a cold morning counting cars waiting at the dock for the first boat "
        "of the day, and found more trucks than anyone had predicted.",
    ],
)
def test_lead_paragraph_stays_a_paragraph(line: str) -> None:
    """A dateline, or a line that does not restate the story, opens the body."""
    article = _parse("Ferry Toll Vote Set for March\n" + line + "\n" + BODY)
    assert article.standfirst is None
    assert len(article.body) == 4


def test_blank_line_after_the_headline_keeps_the_first_paragraph() -> None:
    """With blank lines between paragraphs, the first one is the body's, as text.dumps
    writes an article without a standfirst."""
    paragraphs = BODY.strip().split("\n")
    article = _parse("Ferry Toll Vote Set for March\n\n" + "\n\n".join(paragraphs) + "\n")
    assert article.standfirst is None
    assert len(article.body) == 3
