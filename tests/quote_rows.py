"""The quotes of a short article as ``(text, source, cue)`` rows, for the quote tests."""

from __future__ import annotations

from newsmodel._model import Article, Attribution, Paragraph
from newsmodel.quotes import extract

#: (text, source, cue) of a quote.
Row = tuple[str, "str | None", "str | None"]


def quote_rows(*paragraphs: str) -> list[Row]:
    """The quotes :func:`~newsmodel.quotes.extract` finds in an article of ``paragraphs``."""
    article = Article(headline="Harbour plan stalls", body=[Paragraph(text=p) for p in paragraphs])
    out = []
    for quote in extract(article):
        a = quote.attribution or Attribution()
        out.append((quote.text, a.source, a.cue))
    return out
