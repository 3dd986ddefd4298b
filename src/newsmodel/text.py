"""Plain-text articles in and out.

:func:`parse` reads an article from plain text as people write, paste and export it, without
configuration: the headline (first non-empty line), an optional standfirst, byline and date
lines, a dateline opening the first paragraph, paragraphs one per line, separated by blank lines
or hard-wrapped, subheadings, lists, and at the end wire credits, a copyright line and a comment
section. Page furniture ("Advertisement", "Share this article", "Read more", "Related:" lists)
is dropped. Wherever it guesses (a date without a zone, the charset of bytes, repaired
mojibake) it says so with a :class:`~newsmodel.errors.GuessWarning`.

:func:`dumps` writes an article in the same conventions, so that :func:`parse` reads back its
headline, standfirst, bylines, dateline, dates, body blocks and comments::

    >>> from newsmodel import text
    >>> article = text.parse("Bridge to reopen\\n\\nBy JANE DOE, Reuters\\n\\n"
    ...                      "LONDON (Reuters) - The bridge reopens on Monday.")
    >>> article.bylines[0].name, article.dateline.place, article.body[0].text
    ('Jane Doe', 'LONDON', 'The bridge reopens on Monday.')
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ._codecs.limits import DEFAULT_MAX_PAGE_BYTES, check_size
from ._extract.common.cleantext import replace_surrogates
from ._extract.common.datelines import dateline_text
from ._extract.text.encoding import clean_text, decode_text, repair_mojibake
from ._extract.text.parse import parse_article
from ._model import (
    Article,
    Block,
    BlockQuote,
    Byline,
    BylineKind,
    Comment,
    CommentThread,
    Figure,
    Heading,
    ListBlock,
    Paragraph,
)
from .errors import ParseError

if TYPE_CHECKING:
    from .quotes import QuoteOptions

__all__ = ["dumps", "loads", "parse", "parse_text"]


def parse(
    data: str | bytes,
    *,
    max_bytes: int = DEFAULT_MAX_PAGE_BYTES,
    quote_options: QuoteOptions | None = None,
) -> Article:
    """Read an article from plain text.

    Args:
        data: The text, or its bytes (UTF-8 with or without a byte-order mark; other encodings
            are detected, with a :class:`~newsmodel.errors.GuessWarning`).
        max_bytes: The largest input accepted (characters for ``str``).
        quote_options: Which quotes to find (:class:`~newsmodel.quotes.QuoteOptions`);
            every kind, names resolved, by default.

    Returns:
        The article, with :attr:`~newsmodel.Article.quotes` filled in by
        :func:`newsmodel.quotes.with_quotes`.

    Raises:
        ParseError: the input is empty or only white space, or is over ``max_bytes``.
    """
    from .quotes import with_quotes

    article = parse_text(data, max_bytes=max_bytes)
    return with_quotes(article) if quote_options is None else with_quotes(article, quote_options)


def parse_text(data: str | bytes, *, max_bytes: int = DEFAULT_MAX_PAGE_BYTES) -> Article:
    """Like :func:`parse`, without the quote extraction (the fast part alone)."""
    check_size(data, max_bytes)
    text = decode_text(data) if isinstance(data, bytes) else replace_surrogates(data)
    text = clean_text(repair_mojibake(text))
    if not text.strip():
        raise ParseError("the text is empty or only white space", line=1)
    return parse_article(text)


def loads(data: str | bytes) -> Article:
    """Deprecated: the same as :func:`parse`, under the codecs' name.

    Text is read by heuristics, so its reader is a parser; use :func:`parse`.
    """
    warnings.warn(
        "newsmodel.text.loads is deprecated; use newsmodel.text.parse",
        DeprecationWarning,
        stacklevel=2,
    )
    return parse(data)


# --- the writer -------------------------------------------------------------------------------


def _when(value: dt.datetime | dt.date) -> str:
    return value.isoformat()


def _line(text: str) -> str:
    # A line break inside a one-line field would start a new block when read back.
    return " ".join(text.split())


def _credit_role(byline: Byline) -> bool:
    return byline.role is not None and byline.role.lower().endswith(" by")


def _join_names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _byline_lines(bylines: tuple[Byline, ...]) -> Iterator[str]:
    group: list[Byline] = []

    def flush() -> str:
        first = group[0]
        parts = [_join_names([b.name for b in group])]
        if first.role:
            parts.append(first.role)
        if first.affiliation:
            parts.append(first.affiliation)
        if first.email:
            parts.append(first.email)
        return _line("By " + ", ".join(parts))

    for byline in bylines:
        if _credit_role(byline):
            continue
        key = (byline.kind, byline.role, byline.affiliation, byline.email)
        joinable = (
            group
            and byline.kind is BylineKind.PERSON
            and byline.email is None
            and (group[0].kind, group[0].role, group[0].affiliation, group[0].email) == key
        )
        if group and not joinable:
            yield flush()
            group = []
        group.append(byline)
    if group:
        yield flush()


def _credits_line(bylines: tuple[Byline, ...]) -> str | None:
    clauses: list[tuple[str, list[str]]] = []
    for byline in bylines:
        if not _credit_role(byline):
            continue
        assert byline.role is not None
        if clauses and clauses[-1][0] == byline.role:
            clauses[-1][1].append(byline.name)
        else:
            clauses.append((byline.role, [byline.name]))
    if not clauses:
        return None
    return _line("; ".join(f"{role} {_join_names(names)}" for role, names in clauses))


def _block_lines(block: Block) -> list[str]:
    if isinstance(block, Paragraph):
        return [block.text]
    if isinstance(block, Heading):
        return ["#" * block.level + " " + _line(block.text)]
    if isinstance(block, ListBlock):
        if block.ordered:
            return [f"{n}. {_line(item)}" for n, item in enumerate(block.items, 1)]
        return [f"- {_line(item)}" for item in block.items]
    if isinstance(block, BlockQuote):
        lines = [f"> {_line(paragraph)}" for paragraph in block.paragraphs]
        if block.source:
            lines.append(f"> — {_line(block.source)}")
        return lines
    assert isinstance(block, Figure)
    image = block.image
    line = f"[Image: {image.url}]"
    if image.caption:
        line += f" {image.caption}"
    if image.credit:
        line += f" (Credit: {image.credit})"
    return [_line(line)]


def _comment_lines(comment: Comment, depth: int) -> Iterator[str]:
    indent = "    " * depth
    if comment.author:
        yield indent + _line(comment.author)
    if comment.published:
        yield indent + _when(comment.published)
    for line in comment.text.split("\n"):
        if line.strip():
            yield indent + line.strip()
    for reply in comment.replies:
        yield ""
        yield from _comment_lines(reply, depth + 1)


def _comments(thread: CommentThread) -> Iterator[str]:
    if thread.total is not None:
        yield f"{thread.total} comment" + ("" if thread.total == 1 else "s")
    else:
        yield "Comments"
    if thread.open is False:
        yield ""
        yield "Comments are closed."
    for comment in thread.comments:
        yield ""
        yield from _comment_lines(comment, 0)
    if thread.open is True:
        yield ""
        yield "Leave a comment"


def dumps(article: Article) -> str:
    """Render an article as plain text, in the conventions :func:`parse` reads.

    The header (headline, standfirst, "By" lines, "Published:" and "Updated:" lines) comes
    first, then the body, blocks separated by blank lines -- the dateline opening the first
    paragraph, ``#`` headings, ``-`` and ``1.`` lists, ``>`` quotations, ``[Image: …]``
    figures -- then corrections, credits ("Reporting by …; Editing by …"), tags, the rights
    line and the comment section.
    """
    header = [_line(article.headline)]
    if article.standfirst:
        header.append(_line(article.standfirst))
    header.extend(_byline_lines(article.bylines))
    if article.published is not None:
        header.append(f"Published: {_when(article.published)}")
    if article.modified is not None:
        header.append(f"Updated: {_when(article.modified)}")
    sections = ["\n".join(header)]

    body = [_block_lines(block) for block in article.body]
    if article.dateline is not None:
        opener = dateline_text(article.dateline) + " —"
        if article.body and isinstance(article.body[0], Paragraph):
            body[0] = [f"{opener} {article.body[0].text}"]
        else:
            body.insert(0, [opener])
    sections.extend("\n".join(lines) for lines in body)

    for correction in article.corrections:
        when = f" ({_when(correction.published)})" if correction.published else ""
        sections.append(_line(f"Correction{when}: {correction.text}"))
    credits = _credits_line(article.bylines)
    if credits:
        sections.append(credits)
    if article.keywords and not any(re.search(r"[,;|]", k) for k in article.keywords):
        sections.append("Tags: " + ", ".join(article.keywords))
    if article.rights:
        sections.append(_line(article.rights))
    if article.comments is not None:
        sections.append("\n".join(_comments(article.comments)))
    return "\n\n".join(sections) + "\n"
