"""Typed usage of the public API, checked by ``mypy --strict`` in CI (never run by pytest).

If a change makes everyday code like this fail to type-check, users' code fails too.
"""

from __future__ import annotations

import datetime as dt

import attrs

import newsmodel
import newsmodel.json
from newsmodel import batch

article = newsmodel.Article(
    headline="Storm closes schools",
    bylines=[newsmodel.Byline(name="Jane Doe", role="Staff Writer")],
    body=(newsmodel.Paragraph(text="All schools closed."), newsmodel.Heading(text="Why", level=2)),
    published=dt.datetime(2026, 11, 26, 10, 32, tzinfo=dt.timezone.utc),
    modified=dt.date(2026, 11, 27),
    comments=newsmodel.CommentThread(comments=[newsmodel.Comment(text="First!")], total=1),
)
changed: newsmodel.Article = attrs.evolve(article, headline="Storm closes all schools")
names: list[str] = [byline.name for byline in changed.bylines]
when: dt.date | None = article.published
text: str = newsmodel.json.dumps(article)
again: newsmodel.Article = newsmodel.json.loads(text.encode("utf-8"))
problems: list[newsmodel.Problem] = newsmodel.validate(again)

try:
    newsmodel.json.loads("{}")
except newsmodel.ParseError as error:
    where: str | None = error.path

for result in batch.convert(["articles/"], to="json", jobs=2):
    failure: batch.Failure | None = result.failure

# A collection of the wrong element type is refused by the type checker as at run time
# (an unused ignore would fail mypy --strict, so this checks that mypy sees the mistake).
newsmodel.Article(headline="x", bylines=["Jane Doe"])  # type: ignore[list-item]
