"""Cross-field checks: what each field allows alone but the article as a whole should not say.

Also, for reports that list everything: :func:`every_error` unfolds a structural
:class:`~newsmodel.ParseError` into one error per bad value of the document.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Literal

import attrs

from ._model import Article, Comment, Span
from ._problems import Unread, every_problem
from .errors import NewsModelError

__all__ = ["CLOCK_SKEW", "Problem", "every_error", "validate"]

#: How far a modification may seem to precede the publication before it is an error rather
#: than a warning: publishing systems stamp the two times from different clocks and steps.
CLOCK_SKEW = dt.timedelta(minutes=5)


@attrs.frozen(kw_only=True, slots=True)
class Problem:
    """One thing wrong with an article, and where."""

    path: str
    """The JSON path of the field at fault (``$.quotes[2].text``)."""
    message: str
    """What is wrong."""
    severity: Literal["error", "warning"] = "error"
    """``warning`` for what is likely harmless (a clock skew of seconds); else ``error``."""

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def validate(article: Article) -> list[Problem]:
    """Every cross-field problem of ``article``, in field order; empty when there is none.

    Problems of severity ``warning`` are likely harmless, such as a modification stamped a few
    seconds (at most :data:`CLOCK_SKEW`) before the publication.

    The model already refuses values that are wrong on their own (an empty headline, a naive
    datetime); this finds what is only wrong in combination: a modification before the
    publication, a quote whose text differs from the text its spans cover, a comment count
    below the comments loaded, and the like. It never raises.
    """
    return [
        *_dates(article),
        *_bylines(article),
        *_quotes(article),
        *_comments(article),
    ]


def _instant(value: dt.date) -> dt.date:
    """Datetimes and days compared at the resolution they share: the day."""
    return value.date() if isinstance(value, dt.datetime) else value


def _before(later: dt.date, earlier: dt.date) -> bool:
    if isinstance(later, dt.datetime) and isinstance(earlier, dt.datetime):
        return later < earlier
    return _instant(later) < _instant(earlier)


def _dates(article: Article) -> Iterator[Problem]:
    published, modified = article.published, article.modified
    if published and modified and _before(modified, published):
        skew = (
            isinstance(published, dt.datetime)
            and isinstance(modified, dt.datetime)
            and published - modified <= CLOCK_SKEW
        )
        yield Problem(
            path="$.modified",
            message=f"modified ({modified.isoformat()}) before published"
            f" ({published.isoformat()})" + (", a clock skew" if skew else ""),
            severity="warning" if skew else "error",
        )


def _bylines(article: Article) -> Iterator[Problem]:
    seen: set[str] = set()
    for index, byline in enumerate(article.bylines):
        key = byline.name.casefold()
        if key in seen:
            yield Problem(
                path=f"$.bylines[{index}].name", message=f"{byline.name!r} is credited twice"
            )
        seen.add(key)


def _covered(article: Article, spans: Sequence[Span]) -> str:
    return " ".join(article.quoted(span) for span in spans)


def _quotes(article: Article) -> Iterator[Problem]:
    for index, quote in enumerate(article.quotes):
        path = f"$.quotes[{index}]"
        covered = _covered(article, quote.spans) if quote.spans else quote.text
        if covered != quote.text:
            yield Problem(
                path=f"{path}.text", message=f"differs from the text its spans cover: {covered!r}"
            )
        attribution = quote.attribution
        if attribution is None:
            continue
        for name, text, span in (
            ("source", attribution.source, attribution.source_span),
            ("cue", attribution.cue, attribution.cue_span),
        ):
            if span is not None and article.quoted(span) != text:
                yield Problem(
                    path=f"{path}.attribution.{name}",
                    message=f"{text!r} differs from the text its span covers:"
                    f" {article.quoted(span)!r}",
                )


def _comments(article: Article) -> Iterator[Problem]:
    thread = article.comments
    if thread is None:
        return
    if thread.total is not None and thread.total < thread.loaded:
        yield Problem(
            path="$.comments.total",
            message=f"declares {thread.total} comments but {thread.loaded} are loaded",
        )
    yield from _replies(thread.comments, "$.comments.comments")


def _replies(comments: Sequence[Comment], path: str) -> Iterator[Problem]:
    for index, comment in enumerate(comments):
        here = f"{path}[{index}]"
        for number, reply in enumerate(comment.replies):
            parent, answer = comment.published, reply.published
            if parent and answer and _before(answer, parent):
                yield Problem(
                    path=f"{here}.replies[{number}].published",
                    message="a reply is dated before the comment it answers",
                )
        yield from _replies(comment.replies, f"{here}.replies")


def every_error(error: NewsModelError) -> list[NewsModelError]:
    """Every bad value behind a structural error, each with its path; else ``[error]``.

    A codec reports the first bad value of a document; the structuring that failed knew them
    all, and a report for people fixing a file shows them together.
    """
    cause = error.__cause__
    if not isinstance(cause, Unread) or error.path is None:
        return [error]
    leaves = every_problem(cause.tree, cause.kind)
    if not leaves or not error.path.endswith(leaves[0][0][1:]):
        return [error]
    base = error.path[: len(error.path) - len(leaves[0][0]) + 1]
    found = [error]
    for path, message in leaves[1:]:
        found.append(type(error)(message, source=error.source, path=base + path[1:]))
    return found
