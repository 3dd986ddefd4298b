"""The typed model of a news article.

Every class is an immutable attrs value (frozen, slotted, keyword-only): safe to share between
threads and processes, hashable, changed with :func:`attrs.evolve`. The model knows nothing of
any file format. Collections are tuples (lists are accepted and turned into tuples), datetimes
are timezone-aware, and an empty string never stands in for "missing": absent is ``None``.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from ._validators import LANGUAGE_TAG as LANGUAGE_TAG
from ._validators import When as When
from ._validators import (
    _check_items,
    _day,
    _each,
    _heading_level,
    _instance,
    _language,
    _non_negative,
    _optional_text,
    _text,
    _texts,
    _when,
)
from ._validators import camel_case as camel_case
from .errors import InvalidArticleError

if TYPE_CHECKING:
    from ._validators import _Field

__all__ = [
    "Article",
    "Attribution",
    "Block",
    "BlockQuote",
    "Byline",
    "BylineKind",
    "Comment",
    "CommentThread",
    "Correction",
    "Dateline",
    "Figure",
    "Heading",
    "Image",
    "Link",
    "ListBlock",
    "Organization",
    "Paragraph",
    "Quote",
    "QuoteKind",
    "SourceKind",
    "Span",
    "TextPart",
]


def _tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    if isinstance(value, tuple):
        return value
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        # Left as it is for the field's validator, which refuses it with the field's path.
        return value  # type: ignore[return-value]
    return tuple(value)


# One converter per element type, so that type checkers see what each collection accepts:
# mypy's attrs plugin cannot solve a type variable in a converter.


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return _tuple(value)


def _links(value: Iterable[Link]) -> tuple[Link, ...]:
    return _tuple(value)


def _spans(value: Iterable[Span]) -> tuple[Span, ...]:
    return _tuple(value)


def _blocks(value: Iterable[Block]) -> tuple[Block, ...]:
    return _tuple(value)


def _bylines(value: Iterable[Byline]) -> tuple[Byline, ...]:
    return _tuple(value)


def _images(value: Iterable[Image]) -> tuple[Image, ...]:
    return _tuple(value)


def _quotes(value: Iterable[Quote]) -> tuple[Quote, ...]:
    return _tuple(value)


def _comments(value: Iterable[Comment]) -> tuple[Comment, ...]:
    return _tuple(value)


def _corrections(value: Iterable[Correction]) -> tuple[Correction, ...]:
    return _tuple(value)


# --- enums ------------------------------------------------------------------------------------


class BylineKind(enum.Enum):
    """Who a byline credits."""

    PERSON = "person"
    """A named person."""
    ORGANIZATION = "organization"
    """An agency, newsroom or desk ("Reuters", "Staff")."""


class QuoteKind(enum.Enum):
    """How a quote reports speech."""

    DIRECT = "direct"
    """The words as spoken, in quotation marks."""
    INDIRECT = "indirect"
    """Reported speech: the content paraphrased, without quotation marks."""
    MIXED = "mixed"
    """Reported speech with a quoted fragment inside it."""


class SourceKind(enum.Enum):
    """What kind of source a quote is attributed to."""

    PERSON = "person"
    """A named or described individual ("Jane Doe", "the mayor")."""
    GROUP = "group"
    """Several people ("analysts", "the experts", "residents")."""
    ORGANIZATION = "organization"
    """An institution ("the ministry", "Reuters", "the White House")."""
    ANONYMOUS = "anonymous"
    """An unnamed source ("a senior official", "people familiar with the matter")."""
    DOCUMENT = "document"
    """A text rather than a speaker ("the report", "a statement")."""
    UNKNOWN = "unknown"
    """Not determined."""


class TextPart(enum.Enum):
    """The part of an article a :class:`Span` points into."""

    HEADLINE = "headline"
    """:attr:`Article.headline`."""
    STANDFIRST = "standfirst"
    """:attr:`Article.standfirst`."""
    BODY = "body"
    """A block of :attr:`Article.body`."""


# --- text positions ---------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Span:
    """Where a piece of text sits in an article: ``text[start:end]`` of one text field.

    The field is the headline, the standfirst, or a body block; inside a :class:`BlockQuote`
    or :class:`ListBlock`, ``item`` picks the paragraph or list item. A quote that runs over
    several paragraphs has one span per paragraph.
    """

    part: TextPart = attrs.field(validator=_instance(TextPart))
    """Which part of the article."""
    start: int = attrs.field(validator=_non_negative)
    """Offset of the first character (Python code points)."""
    end: int = attrs.field(validator=_non_negative)
    """Offset just past the last character."""
    block: int | None = attrs.field(default=None, validator=_non_negative)
    """Index into :attr:`Article.body`; set exactly when ``part`` is body."""
    item: int | None = attrs.field(default=None, validator=_non_negative)
    """Paragraph of a block quote or item of a list; ``None`` for other blocks."""

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise InvalidArticleError(f"span ends ({self.end}) before it starts ({self.start})")
        if (self.part is TextPart.BODY) != (self.block is not None):
            raise InvalidArticleError(
                "a span has a block index exactly when it points into the body"
            )
        if self.item is not None and self.block is None:
            raise InvalidArticleError("a span's item index needs a block index")


@attrs.frozen(kw_only=True)
class Link:
    """An inline link, kept as a stand-off span on its paragraph."""

    start: int = attrs.field(validator=_non_negative)
    """Offset of the link text's first character in the paragraph."""
    end: int = attrs.field(validator=_non_negative)
    """Offset just past the link text."""
    url: str = attrs.field(validator=_text)
    """The link target."""
    title: str | None = attrs.field(default=None, validator=_optional_text)
    """The link's title attribute."""

    def __attrs_post_init__(self) -> None:
        if self.end <= self.start:
            raise InvalidArticleError(f"link at {self.start}-{self.end} covers no text")


# --- body blocks ------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Paragraph:
    """A paragraph of running text."""

    text: str = attrs.field(validator=_text)
    """The paragraph's text, without markup."""
    links: tuple[Link, ...] = attrs.field(
        default=(), converter=_links, validator=_each(Link, "Link")
    )
    """Inline links, each pointing into ``text``, in order."""

    def __attrs_post_init__(self) -> None:
        for link in self.links:
            if link.end > len(self.text):
                raise InvalidArticleError(
                    f"link at {link.start}-{link.end} lies outside the paragraph"
                    f" ({len(self.text)} characters)",
                    path="$.links",
                )


@attrs.frozen(kw_only=True)
class Heading:
    """A subheading inside the body."""

    text: str = attrs.field(validator=_text)
    """The heading's text."""
    level: int = attrs.field(default=2, validator=_heading_level)
    """Its level, 1 to 6 as in HTML (the headline itself is level 1)."""


@attrs.frozen(kw_only=True)
class BlockQuote:
    """A quotation set apart from the running text (``<blockquote>``)."""

    paragraphs: tuple[str, ...] = attrs.field(converter=_strings, validator=_texts)
    """The quoted paragraphs."""
    cite: str | None = attrs.field(default=None, validator=_optional_text)
    """Where the quotation comes from (a URL)."""
    source: str | None = attrs.field(default=None, validator=_optional_text)
    """Who or what is quoted, as credited under the quotation."""

    def __attrs_post_init__(self) -> None:
        if not self.paragraphs:
            raise InvalidArticleError(
                "a block quote needs at least one paragraph", path="$.paragraphs"
            )


@attrs.frozen(kw_only=True)
class ListBlock:
    """A bulleted or numbered list."""

    items: tuple[str, ...] = attrs.field(converter=_strings, validator=_texts)
    """The items' texts, in order."""
    ordered: bool = False
    """Numbered (``True``) or bulleted."""

    def __attrs_post_init__(self) -> None:
        if not self.items:
            raise InvalidArticleError("a list needs at least one item", path="$.items")


@attrs.frozen(kw_only=True)
class Image:
    """A picture: in the body as a :class:`Figure`, or attached to the article."""

    url: str = attrs.field(validator=_text)
    """Where the image file is."""
    caption: str | None = attrs.field(default=None, validator=_optional_text)
    """The caption shown with it."""
    credit: str | None = attrs.field(default=None, validator=_optional_text)
    """Photographer or agency credit."""
    alt: str | None = attrs.field(default=None, validator=_optional_text)
    """Alternative text for readers who cannot see it."""
    width: int | None = attrs.field(default=None, validator=_non_negative)
    """Width in pixels."""
    height: int | None = attrs.field(default=None, validator=_non_negative)
    """Height in pixels."""


@attrs.frozen(kw_only=True)
class Figure:
    """An image inside the body, with its caption and credit."""

    image: Image = attrs.field(validator=_instance(Image))
    """The image shown."""


#: One block of an article's body.
Block = Paragraph | Heading | BlockQuote | ListBlock | Figure
BLOCK_TYPES = (Paragraph, Heading, BlockQuote, ListBlock, Figure)


def block_texts(block: Block) -> tuple[str, ...]:
    """The text fields of a body block that spans can point into, by item index."""
    if isinstance(block, (Paragraph, Heading)):
        return (block.text,)
    if isinstance(block, BlockQuote):
        return block.paragraphs
    if isinstance(block, ListBlock):
        return block.items
    return ()


# --- people and places ------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Byline:
    """One credited person or organisation: "By Jane Doe and John Roe, Reuters" is two."""

    name: str = attrs.field(validator=_text)
    """The name, in name case ("Jane Doe", not "JANE DOE")."""
    kind: BylineKind = attrs.field(default=BylineKind.PERSON, validator=_instance(BylineKind))
    """A person or an organisation."""
    role: str | None = attrs.field(default=None, validator=_optional_text)
    """Job title or part played ("Staff Writer", "Editing by")."""
    affiliation: str | None = attrs.field(default=None, validator=_optional_text)
    """The organisation the person writes for ("Reuters", "AP")."""
    url: str | None = attrs.field(default=None, validator=_optional_text)
    """An author page."""
    email: str | None = attrs.field(default=None, validator=_optional_text)
    """A contact address."""


@attrs.frozen(kw_only=True)
class Dateline:
    """Where and when a story was filed, as in "WASHINGTON, Nov. 26 (Reuters) —"."""

    place: str | None = attrs.field(default=None, validator=_optional_text)
    """The place ("WASHINGTON", "Kyiv, Ukraine"), as written."""
    date: dt.date | None = attrs.field(default=None, validator=_day)
    """The day, when the dateline gives one."""
    agency: str | None = attrs.field(default=None, validator=_optional_text)
    """The agency credited in the dateline ("Reuters", "AP")."""

    def __attrs_post_init__(self) -> None:
        if self.place is None and self.date is None and self.agency is None:
            raise InvalidArticleError("a dateline needs a place, a date or an agency")


@attrs.frozen(kw_only=True)
class Organization:
    """An organisation, such as the article's publisher."""

    name: str = attrs.field(validator=_text)
    """Its name."""
    url: str | None = attrs.field(default=None, validator=_optional_text)
    """Its home page."""
    logo: str | None = attrs.field(default=None, validator=_optional_text)
    """The URL of its logo."""


# --- quotes -----------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Attribution:
    """Who said a quote and how: "U.S. security experts" + "say"."""

    source: str | None = attrs.field(default=None, validator=_optional_text)
    """The source as written ("U.S. security experts", "he")."""
    head: str | None = attrs.field(default=None, validator=_optional_text)
    """The head of the source phrase: the name or the noun ("experts")."""
    kind: SourceKind = attrs.field(default=SourceKind.UNKNOWN, validator=_instance(SourceKind))
    """What kind of source this is."""
    cue: str | None = attrs.field(default=None, validator=_optional_text)
    """The words that introduce the quote ("said", "according to")."""
    role: str | None = attrs.field(default=None, validator=_optional_text)
    """The source's role where stated ("President", "a spokeswoman for the ministry")."""
    name: str | None = attrs.field(default=None, validator=_optional_text)
    """The resolved name when the source is a pronoun or short form ("he" → "Jane Q. Doe")."""
    source_span: Span | None = attrs.field(default=None, validator=_instance(Span, optional=True))
    """Where the source phrase is."""
    cue_span: Span | None = attrs.field(default=None, validator=_instance(Span, optional=True))
    """Where the cue is."""


@attrs.frozen(kw_only=True)
class Quote:
    """Something said: the words, how they are reported, and who said them."""

    text: str = attrs.field(validator=_text)
    """The quoted words; for several spans, their texts joined by single spaces, each keeping
    the punctuation that closed it ('"X," she said, "Y."' is "X, Y.")."""
    kind: QuoteKind = attrs.field(default=QuoteKind.DIRECT, validator=_instance(QuoteKind))
    """Direct, indirect (reported) or mixed speech."""
    attribution: Attribution | None = attrs.field(
        default=None, validator=_instance(Attribution, optional=True)
    )
    """Who said it, when known."""
    spans: tuple[Span, ...] = attrs.field(
        default=(), converter=_spans, validator=_each(Span, "Span")
    )
    """Where the words are in the article; several for split or multi-paragraph quotes."""


# --- comments ---------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Comment:
    """A reader's comment, with its replies."""

    text: str = attrs.field(validator=_text)
    """What the commenter wrote."""
    id: str | None = attrs.field(default=None, validator=_optional_text)
    """The comment's identifier on the page or platform."""
    author: str | None = attrs.field(default=None, validator=_optional_text)
    """The commenter's display name."""
    author_url: str | None = attrs.field(default=None, validator=_optional_text)
    """A link to the commenter's profile."""
    published: dt.datetime | dt.date | None = attrs.field(default=None, validator=_when)
    """When it was posted."""
    url: str | None = attrs.field(default=None, validator=_optional_text)
    """A permalink to the comment."""
    replies: tuple[Comment, ...] = attrs.field(default=(), converter=_comments)
    """Replies to this comment, oldest first."""

    @replies.validator
    def _check_replies(self, field: _Field, value: tuple[Comment, ...]) -> None:
        _check_items(field, value, Comment, "Comment")


def _count_comments(comments: Iterable[Comment]) -> int:
    return sum(1 + _count_comments(comment.replies) for comment in comments)


@attrs.frozen(kw_only=True)
class CommentThread:
    """A comment section. An empty thread is a section with no comments yet."""

    comments: tuple[Comment, ...] = attrs.field(
        default=(), converter=_comments, validator=_each(Comment, "Comment")
    )
    """The top-level comments loaded, each with its replies."""
    total: int | None = attrs.field(default=None, validator=_non_negative)
    """The count the page declares; may exceed what was loaded."""
    url: str | None = attrs.field(default=None, validator=_optional_text)
    """Where the comments can be read."""
    open: bool | None = None
    """Whether new comments are accepted, when known."""

    @property
    def loaded(self) -> int:
        """How many comments were loaded, replies included."""
        return _count_comments(self.comments)


@attrs.frozen(kw_only=True)
class Correction:
    """A correction or editor's note published with the article."""

    text: str = attrs.field(validator=_text)
    """The correction as published."""
    published: dt.datetime | dt.date | None = attrs.field(default=None, validator=_when)
    """When the correction was made."""


# --- the article ------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Article:
    """A news article: what it says, who wrote it, when, and what was said in it."""

    headline: str = attrs.field(validator=_text)
    """The headline."""
    standfirst: str | None = attrs.field(default=None, validator=_optional_text)
    """The dek, summary or standfirst under the headline."""
    body: tuple[Block, ...] = attrs.field(
        default=(), converter=_blocks, validator=_each(BLOCK_TYPES, "a block")
    )
    """The text, as structured blocks."""
    bylines: tuple[Byline, ...] = attrs.field(
        default=(), converter=_bylines, validator=_each(Byline, "Byline")
    )
    """The people and organisations credited, in order."""
    dateline: Dateline | None = attrs.field(
        default=None, validator=_instance(Dateline, optional=True)
    )
    """Where and when the story was filed."""
    published: dt.datetime | dt.date | None = attrs.field(default=None, validator=_when)
    """When it was first published; a date when only the day is known."""
    modified: dt.datetime | dt.date | None = attrs.field(default=None, validator=_when)
    """When it was last changed."""
    language: str | None = attrs.field(default=None, validator=_language)
    """The language, as a BCP 47 tag ("en", "pt-BR")."""
    url: str | None = attrs.field(default=None, validator=_optional_text)
    """The canonical URL."""
    id: str | None = attrs.field(default=None, validator=_optional_text)
    """A stable identifier (GUID, URN) from the source system."""
    section: str | None = attrs.field(default=None, validator=_optional_text)
    """The section or desk ("Politics")."""
    genre: str | None = attrs.field(default=None, validator=_optional_text)
    """The kind of piece ("news", "opinion", "analysis", "review")."""
    keywords: tuple[str, ...] = attrs.field(default=(), converter=_strings, validator=_texts)
    """Keywords and tags."""
    publisher: Organization | None = attrs.field(
        default=None, validator=_instance(Organization, optional=True)
    )
    """Who published it."""
    images: tuple[Image, ...] = attrs.field(
        default=(), converter=_images, validator=_each(Image, "Image")
    )
    """Images attached to the article (lead image first), besides the body's figures."""
    quotes: tuple[Quote, ...] = attrs.field(
        default=(), converter=_quotes, validator=_each(Quote, "Quote")
    )
    """What was said in it, in reading order."""
    comments: CommentThread | None = attrs.field(
        default=None, validator=_instance(CommentThread, optional=True)
    )
    """The comment section: ``None`` when unknown, an empty thread when it has no comments."""
    rights: str | None = attrs.field(default=None, validator=_optional_text)
    """The copyright or usage line ("© 2026 Reuters")."""
    corrections: tuple[Correction, ...] = attrs.field(
        default=(), converter=_corrections, validator=_each(Correction, "Correction")
    )
    """Corrections and editor's notes."""

    def __attrs_post_init__(self) -> None:
        # Runs for every article read: the paths are spelled out only for a span that fails.
        text_of = self.text_of
        for q, quote in enumerate(self.quotes):
            for s, span in enumerate(quote.spans):
                target = text_of(span)
                if target is None or span.end > len(target):
                    raise _misplaced(span, target, f"$.quotes[{q}].spans[{s}]")
            attribution = quote.attribution
            if attribution is None:
                continue
            for key, told in (
                ("sourceSpan", attribution.source_span),
                ("cueSpan", attribution.cue_span),
            ):
                if told is not None:
                    target = text_of(told)
                    if target is None or told.end > len(target):
                        raise _misplaced(told, target, f"$.quotes[{q}].attribution.{key}")

    def text_of(self, span: Span) -> str | None:
        """The text field ``span`` points into, or ``None`` when there is no such field."""
        if span.part is TextPart.BODY and span.item is None:  # the common case, first
            assert span.block is not None  # guaranteed by Span
            body = self.body
            if span.block < len(body) and type(body[span.block]) in _ONE_TEXT_BLOCKS:
                return body[span.block].text  # type: ignore[union-attr]  # Paragraph or Heading
        if span.part is TextPart.HEADLINE:
            return self.headline if span.item is None else None
        if span.part is TextPart.STANDFIRST:
            return self.standfirst if span.item is None else None
        assert span.block is not None  # guaranteed by Span
        if span.block >= len(self.body):
            return None
        texts = block_texts(self.body[span.block])
        if span.item is None:
            return texts[0] if isinstance(self.body[span.block], (Paragraph, Heading)) else None
        return texts[span.item] if span.item < len(texts) else None

    def quoted(self, span: Span) -> str:
        """The exact text a span covers."""
        text = self.text_of(span)
        if text is None:
            raise InvalidArticleError("the span points to no text in this article")
        return text[span.start : span.end]

    def paragraphs(self) -> Iterator[str]:
        """Every text of the body in reading order: paragraphs, headings, quotes, list items."""
        for block in self.body:
            yield from block_texts(block)

    @property
    def text(self) -> str:
        """The body's text, blocks (and list items) separated by newlines."""
        return "\n".join(self.paragraphs())


_ONE_TEXT_BLOCKS = (Paragraph, Heading)


def _misplaced(span: Span, target: str | None, path: str) -> InvalidArticleError:
    if target is None:
        return InvalidArticleError("points to no text in this article", path=path)
    return InvalidArticleError(
        f"ends at {span.end}, past the end of its text ({len(target)} characters)", path=path
    )
