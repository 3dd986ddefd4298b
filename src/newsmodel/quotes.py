"""Quotes and attributions: who said what, in direct, mixed and reported speech.

:func:`extract` reads an :class:`~newsmodel.Article`'s headline, standfirst and body and returns
the quotes it finds, each with an :class:`~newsmodel.Attribution` (source, cue, kind of source,
role, resolved name) and spans that point exactly at the quoted words; :func:`with_quotes` fills
:attr:`Article.quotes <newsmodel.Article.quotes>`. The rules are fast and use the standard
library only::

    >>> from newsmodel import Article, Paragraph
    >>> from newsmodel.quotes import extract
    >>> article = Article(headline="Bridge to reopen",
    ...                   body=[Paragraph(text='"It is safe," the mayor said on Monday.')])
    >>> [(q.text, q.kind.value, q.attribution.source) for q in extract(article)]
    [('It is safe', 'direct', 'the mayor')]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import attrs

from ._extract.quotes import rules as _rules
from ._extract.quotes import speakers as _speakers
from ._extract.quotes.coreference import Coreference
from ._model import (
    Article,
    Attribution,
    BylineKind,
    Heading,
    Paragraph,
    Quote,
    QuoteKind,
    SourceKind,
    Span,
    TextPart,
    block_texts,
)
from ._structure import builder

__all__ = ["QuoteOptions", "extract", "with_quotes"]

_ALL_KINDS = frozenset(QuoteKind)

#: Each kind of source by its value; a dictionary look-up, not the enum's call.
_SOURCE_KINDS = {kind.value: kind for kind in SourceKind}

#: The model's classes, built as its readers build them: a check that would only repeat the
#: type of a value of that type is skipped, every other check runs (quotes come in tens of
#: thousands per corpus, three spans each).
_new_span: Callable[..., Span] = builder(Span)
_new_attribution: Callable[..., Attribution] = builder(Attribution)
_new_quote: Callable[..., Quote] = builder(Quote)
_new_article: Callable[..., Article] = builder(Article)

#: Each field of an article by its name and its ``__init__`` argument.
_ARTICLE_FIELDS = tuple((field.name, field.alias or field.name) for field in attrs.fields(Article))

#: A party-and-state tag before an appositive: "(D-Va.), ranking member of ...".
_PARENTHESIS = re.compile(r"^\s*\([^)]*\)")


def _kind_set(kinds: Iterable[QuoteKind]) -> frozenset[QuoteKind]:
    return frozenset(kinds)


@attrs.frozen(kw_only=True)
class QuoteOptions:
    """What :func:`extract` returns.

    Args:
        kinds: The kinds of quote to keep; all three by default.
        resolve_names: Whether to resolve pronouns and surnames to the fullest earlier
            mention of a name (:attr:`Attribution.name <newsmodel.Attribution.name>`).
    """

    kinds: frozenset[QuoteKind] = attrs.field(default=_ALL_KINDS, converter=_kind_set)
    resolve_names: bool = True


_DEFAULT = QuoteOptions()


#: Where a field sits in the article: the ``part``, ``block`` and ``item`` of its spans.
_Place = tuple[TextPart, int | None, int | None]


def _fields(article: Article) -> tuple[list[str], list[_Place]]:
    """The article's text fields in reading order, each with where it sits."""
    texts: list[str] = [article.headline]
    places: list[_Place] = [(TextPart.HEADLINE, None, None)]
    if article.standfirst is not None:
        texts.append(article.standfirst)
        places.append((TextPart.STANDFIRST, None, None))
    for index, block in enumerate(article.body):
        # Paragraphs and headings are one text; block quotes and lists are addressed by item.
        whole = isinstance(block, (Paragraph, Heading))
        for item, text in enumerate(block_texts(block)):
            texts.append(text)
            places.append((TextPart.BODY, index, None if whole else item))
    return texts, places


def _author(article: Article) -> str | None:
    """The one person the byline names: the "I" of the narration."""
    people = [b.name for b in article.bylines if b.kind is BylineKind.PERSON]
    return people[0] if len(people) == 1 else None


def _span(places: list[_Place], piece: _rules.Piece) -> Span:
    part, block, item = places[piece.field]
    return _new_span(part=part, start=piece.start, end=piece.end, block=block, item=item)


#: The punctuation that closes a quoted piece before its closing mark: 'office," she said'.
_CLOSING_PUNCTUATION = re.compile(r"[,;:.!?…—–]+(?=\s*[\"”’'»」]|\s*$)")


def _joined(texts: list[str], pieces: tuple[_rules.Piece, ...]) -> str:
    """The pieces' texts joined by single spaces, each but the last keeping the punctuation
    that closed it: '"X," she said, "Y."' reads "X, Y."."""
    parts = []
    for index, piece in enumerate(pieces):
        part = texts[piece.field][piece.start : piece.end]
        if index < len(pieces) - 1 and part and part[-1] not in ",;:.!?…—–":
            closing = _CLOSING_PUNCTUATION.match(texts[piece.field], piece.end)
            if closing is not None:
                part += closing.group()
        parts.append(part)
    return " ".join(parts)


def _kind(found: _rules.Found) -> QuoteKind:
    if not found.direct_words:
        return QuoteKind.INDIRECT
    # A few framing words left outside the marks ("that", "he said he") do not make a quote
    # mixed: it is direct when at most one word, or under a fifth of its words, are unquoted.
    unquoted = found.total_words - found.direct_words
    if unquoted <= 1 or found.direct_words >= 4 * unquoted:
        return QuoteKind.DIRECT
    return QuoteKind.MIXED


def extract(article: Article, options: QuoteOptions = _DEFAULT) -> tuple[Quote, ...]:
    """Find the quotes in an article's headline, standfirst and body.

    Args:
        article: The article to read; its existing :attr:`~newsmodel.Article.quotes` are
            ignored.
        options: Which kinds to keep and whether to resolve names.

    Returns:
        The quotes in reading order. Each span's text (:meth:`Article.quoted
        <newsmodel.Article.quoted>`) is exactly the quoted words, and each quote's text is
        its spans' texts joined by single spaces, each keeping the punctuation that closed it
        in the text ('"X," she said, "Y."' is "X, Y.").
    """
    texts, places = _fields(article)
    quotes: list[Quote] = []
    publisher = article.publisher.name if article.publisher is not None else None
    names = Coreference(texts, author=_author(article), publisher=publisher)

    for found in _rules.find_quotes(texts, headline=0):
        kind = _kind(found)
        if kind not in options.kinds:
            continue
        spans = tuple(_span(places, piece) for piece in found.pieces)
        text = _joined(texts, found.pieces)
        quotes.append(
            _new_quote(
                text=text,
                kind=kind,
                attribution=_attribution(texts, places, found, options, names),
                spans=spans,
            )
        )
    return tuple(quotes)


def _attribution(
    texts: list[str],
    places: list[_Place],
    found: _rules.Found,
    options: QuoteOptions,
    names: Coreference,
) -> Attribution | None:
    if found.source is None and found.cue is None:
        return None
    source = role = name = head = None
    kind = SourceKind.UNKNOWN
    if found.source is not None:
        written = texts[found.source.field][found.source.start : found.source.end].strip()
        if written:
            source = written
            bare, role = _speakers.split_role(written)
            head = _speakers.source_core(bare).split()[-1].strip(".,") or None
            if head is not None and head.lower() in ("’s", "'s"):
                head = None
            kind = _SOURCE_KINDS[_speakers.source_kind(written)]
            if options.resolve_names:
                name = names.resolve(bare, kind.value, found.source.field, found.source.start)
    if found.role is not None:
        appositive = texts[found.role.field][found.role.start : found.role.end]
        appositive = _PARENTHESIS.sub("", appositive).strip(" ,.—–-")
        # A relative clause ("who chairs the committee") describes, but is not a role.
        if appositive and appositive.split()[0].lower() not in ("who", "which", "whose", "that"):
            role = appositive
    cue = None
    if found.cue is not None:
        cue = texts[found.cue.field][found.cue.start : found.cue.end].strip() or None
    return _new_attribution(
        source=source,
        head=head,
        kind=kind,
        cue=cue,
        role=role,
        name=name,
        source_span=_span(places, found.source) if source and found.source else None,
        cue_span=_span(places, found.cue) if cue and found.cue else None,
    )


def with_quotes(article: Article, options: QuoteOptions = _DEFAULT) -> Article:
    """Return the article with :attr:`~newsmodel.Article.quotes` filled by :func:`extract`.

    Args:
        article: The article to read.
        options: Passed to :func:`extract`.

    Returns:
        A new article; the given one is unchanged.
    """
    quotes = extract(article, options)
    if type(article) is not Article:
        return attrs.evolve(article, quotes=quotes)  # a subclass keeps its class
    # Built as attrs.evolve builds it, but without checking again the types of the values of
    # an article (and of quotes) that are already of those types.
    values = {alias: getattr(article, name) for name, alias in _ARTICLE_FIELDS}
    values["quotes"] = quotes
    return _new_article(**values)
