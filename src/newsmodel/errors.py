"""The exceptions and warnings newsmodel raises.

Every exception derives from :class:`NewsModelError`; those caused by bad input also derive
from :class:`ValueError`, so ``except ValueError`` keeps working in code that predates
newsmodel::

    NewsModelError
    ├── InvalidArticleError (ValueError)   a model value breaks an invariant
    ├── ParseError (ValueError)            input could not be read
    │   └── ExtractionError                a page or text holds no article
    │       └── NotAnArticleError          the page is something else (a forum, a product…)
    └── FormatError (ValueError)           unknown format name, or one that cannot be detected

    NewsModelWarning (UserWarning)
    └── GuessWarning                       a parser guessed (a date without zone, a charset…)

Each error carries *where* it happened: a JSON path such as ``$.bylines[1].name``, a line and
column, and -- once a batch run has added it -- the file name.
"""

from __future__ import annotations

__all__ = [
    "ExtractionError",
    "FormatError",
    "GuessWarning",
    "InvalidArticleError",
    "NewsModelError",
    "NewsModelWarning",
    "NotAnArticleError",
    "ParseError",
]


class NewsModelError(Exception):
    """The root of every exception newsmodel raises.

    Args:
        message: What went wrong, without the location.
        source: The file (or other named input) it happened in.
        path: A JSON path (``$.bylines[1].name``) or XML path to the offending value.
        line: 1-based line number in the input.
        column: 1-based column number in the input.
    """

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.source = source
        self.path = path
        self.line = line
        self.column = column

    @property
    def location(self) -> str:
        """Where it happened, as ``file:line:column: path``, the unknown parts left out."""
        place = self.source or ""
        if self.line is not None:
            place = f"{place}:{self.line}" if place else f"line {self.line}"
            if self.column is not None:
                place += f":{self.column}"
        if self.path:
            place = f"{place}: {self.path}" if place else self.path
        return place

    def with_source(self, source: str) -> NewsModelError:
        """Return this error with the input's name filled in (kept if already set)."""
        if self.source is None:
            self.source = source
        return self

    def with_path_prefix(self, prefix: str) -> NewsModelError:
        """Return this error with its JSON path placed under ``prefix`` (e.g. ``$.article``)."""
        if self.path is None:
            self.path = prefix
        elif self.path.startswith("$"):
            self.path = prefix + self.path[1:]
        return self

    def __str__(self) -> str:
        where = self.location
        return f"{where}: {self.message}" if where else self.message

    def __reduce__(self) -> tuple[object, ...]:
        # Keyword-only arguments do not survive the default pickling, and batch runs send
        # errors between processes.
        return (
            _rebuild,
            (type(self), self.message, self.source, self.path, self.line, self.column),
        )


def _rebuild(
    cls: type[NewsModelError],
    message: str,
    source: str | None,
    path: str | None,
    line: int | None,
    column: int | None,
) -> NewsModelError:
    return cls(message, source=source, path=path, line=line, column=column)


class InvalidArticleError(NewsModelError, ValueError):
    """A model value breaks one of its invariants (an empty headline, a naive datetime…)."""


class ParseError(NewsModelError, ValueError):
    """Input could not be read: malformed syntax, wrong types, refused hostile content."""


class ExtractionError(ParseError):
    """A document was read, but it holds no article (an empty or non-article page)."""


class NotAnArticleError(ExtractionError):
    """The page was read and is not an article: a forum, product, listing or error page, or
    one with no running text.

    Batch reports can tell it from broken input by its class; :attr:`kind` says what the page
    is, for sorting, and the message says why it was judged so.

    Args:
        message: Why the page is not taken for an article.
        kind: What the page is: ``"forum"``, ``"product"``, ``"listing"``, ``"contact"``,
            ``"error"`` (a "page not found" page), or ``"no-text"`` when it simply holds too
            little running text.
    """

    def __init__(
        self,
        message: str,
        *,
        kind: str = "no-text",
        source: str | None = None,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message, source=source, path=path, line=line, column=column)
        self.kind = kind

    @property
    def reason(self) -> str:
        """Why the page is not taken for an article (the message without its location)."""
        return self.message

    def __reduce__(self) -> tuple[object, ...]:
        return (
            _rebuild_not_article,
            (self.message, self.kind, self.source, self.path, self.line, self.column),
        )


def _rebuild_not_article(
    message: str,
    kind: str,
    source: str | None,
    path: str | None,
    line: int | None,
    column: int | None,
) -> NotAnArticleError:
    return NotAnArticleError(message, kind=kind, source=source, path=path, line=line, column=column)


class FormatError(NewsModelError, ValueError):
    """A format name is unknown, or an input's format cannot be detected."""


class NewsModelWarning(UserWarning):
    """The root of the warnings newsmodel issues."""


class GuessWarning(NewsModelWarning):
    """A parser guessed: a date without a zone, a repaired encoding, a lenient JSON repair."""
