"""Hypothesis strategies for every model class.

``articles()`` draws complete, valid articles: quotes and attributions point into the text
the article really has. Format tests narrow the alphabet where a format needs it.
"""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import assume
from hypothesis import strategies as st

from newsmodel import (
    Article,
    Attribution,
    BlockQuote,
    Byline,
    BylineKind,
    Comment,
    CommentThread,
    Correction,
    Dateline,
    Figure,
    Heading,
    Image,
    Link,
    ListBlock,
    Organization,
    Paragraph,
    Quote,
    QuoteKind,
    SourceKind,
    Span,
    TextPart,
)

# Printable text of any script; no control characters, surrogates or unassigned code points,
# which no text format can carry.
CHARACTERS = st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn"))


def texts(max_size: int = 20) -> st.SearchStrategy[str]:
    """Non-empty text with at least one visible character."""
    return st.text(CHARACTERS, min_size=1, max_size=max_size).filter(lambda s: bool(s.strip()))


def optional(strategy: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.none() | strategy


urls = st.builds(
    "https://example.{}/{}".format,
    st.sampled_from(["com", "org", "news"]),
    st.text("abcdefghijklmnopqrstuvwxyz0123456789-/", min_size=1, max_size=20),
)

timezones = st.builds(
    dt.timezone,
    st.integers(min_value=-14 * 60, max_value=14 * 60).map(lambda m: dt.timedelta(minutes=m)),
)
datetimes = st.datetimes(
    min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2100, 1, 1), timezones=timezones
)
dates = st.dates(min_value=dt.date(1900, 1, 2), max_value=dt.date(2099, 12, 30))
whens = datetimes | dates
languages = st.sampled_from(["en", "en-GB", "pt-BR", "ru", "ko", "it", "id", "de", "ja", "zh-Hant"])
counts = st.integers(min_value=0, max_value=10_000)


@st.composite
def paragraphs(draw: st.DrawFn) -> Paragraph:
    text = draw(texts(60))
    links = []
    position = 0
    for _ in range(draw(st.integers(0, 2))):
        if position >= len(text):
            break
        start = draw(st.integers(position, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        links.append(Link(start=start, end=end, url=draw(urls), title=draw(optional(texts()))))
        position = end
    return Paragraph(text=text, links=links)


images = st.builds(
    Image,
    url=urls,
    caption=optional(texts()),
    credit=optional(texts()),
    alt=optional(texts()),
    width=optional(counts),
    height=optional(counts),
)
headings = st.builds(Heading, text=texts(), level=st.integers(1, 6))
block_quotes = st.builds(
    BlockQuote,
    paragraphs=st.lists(texts(40), min_size=1, max_size=2),
    cite=optional(urls),
    source=optional(texts()),
)
list_blocks = st.builds(
    ListBlock, items=st.lists(texts(), min_size=1, max_size=3), ordered=st.booleans()
)
figures = st.builds(Figure, image=images)
blocks = st.one_of(paragraphs(), headings, block_quotes, list_blocks, figures)

bylines = st.builds(
    Byline,
    name=texts(),
    kind=st.sampled_from(BylineKind),
    role=optional(texts()),
    affiliation=optional(texts()),
    url=optional(urls),
    email=optional(st.emails()),
)


@st.composite
def datelines(draw: st.DrawFn) -> Dateline:
    place, date, agency = draw(optional(texts())), draw(optional(dates)), draw(optional(texts()))
    assume(place is not None or date is not None or agency is not None)
    return Dateline(place=place, date=date, agency=agency)


organizations = st.builds(Organization, name=texts(), url=optional(urls), logo=optional(urls))
corrections = st.builds(Correction, text=texts(), published=optional(whens))

comments = st.recursive(
    st.builds(
        Comment,
        text=texts(40),
        id=optional(texts(10)),
        author=optional(texts()),
        author_url=optional(urls),
        published=optional(whens),
        url=optional(urls),
    ),
    lambda children: st.builds(
        Comment,
        text=texts(80),
        id=optional(texts(10)),
        author=optional(texts()),
        published=optional(whens),
        replies=st.lists(children, max_size=3),
    ),
    max_leaves=4,
)


@st.composite
def comment_threads(draw: st.DrawFn) -> CommentThread:
    loaded = draw(st.lists(comments, max_size=2))
    thread = CommentThread(
        comments=loaded,
        url=draw(optional(urls)),
        open=draw(optional(st.booleans())),
    )
    total = draw(optional(st.integers(thread.loaded, thread.loaded + 500)))
    return CommentThread(
        comments=thread.comments,
        url=thread.url,
        open=thread.open,
        total=total,
    )


def _targets(article: Article) -> list[tuple[Span, str]]:
    """Every text field a span can point into, as a zero-length span and its text."""
    targets = [(Span(part=TextPart.HEADLINE, start=0, end=0), article.headline)]
    if article.standfirst:
        targets.append((Span(part=TextPart.STANDFIRST, start=0, end=0), article.standfirst))
    for index, block in enumerate(article.body):
        if isinstance(block, (Paragraph, Heading)):
            targets.append((Span(part=TextPart.BODY, block=index, start=0, end=0), block.text))
        elif isinstance(block, (BlockQuote, ListBlock)):
            items = block.paragraphs if isinstance(block, BlockQuote) else block.items
            for item, text in enumerate(items):
                span = Span(part=TextPart.BODY, block=index, item=item, start=0, end=0)
                targets.append((span, text))
    return targets


@st.composite
def spans_in(draw: st.DrawFn, article: Article) -> tuple[Span, str]:
    """A span over visible text somewhere in ``article``, and the text it covers."""
    template, text = draw(st.sampled_from(_targets(article)))
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, len(text)))
    assume(text[start:end].strip())
    span = Span(part=template.part, block=template.block, item=template.item, start=start, end=end)
    return span, text[start:end]


@st.composite
def quotes_in(draw: st.DrawFn, article: Article) -> Quote:
    """A quote whose spans, source and cue all point into ``article``."""
    located = draw(st.lists(spans_in(article), min_size=0, max_size=2))
    text = " ".join(covered for _, covered in located) if located else draw(texts())
    attribution = None
    if draw(st.booleans()):
        source_span, source = draw(spans_in(article))
        cue_span, cue = draw(spans_in(article))
        anchored = draw(st.booleans())
        attribution = Attribution(
            source=source,
            head=draw(optional(texts())),
            kind=draw(st.sampled_from(SourceKind)),
            cue=cue,
            role=draw(optional(texts())),
            name=draw(optional(texts())),
            source_span=source_span if anchored else None,
            cue_span=cue_span if anchored else None,
        )
    return Quote(
        text=text,
        kind=draw(st.sampled_from(QuoteKind)),
        attribution=attribution,
        spans=[span for span, _ in located],
    )


@st.composite
def articles(draw: st.DrawFn) -> Article:
    """A complete article; quotes point into its own text."""
    article = Article(
        headline=draw(texts(40)),
        standfirst=draw(optional(texts(60))),
        body=draw(st.lists(blocks, max_size=5)),
        bylines=draw(st.lists(bylines, max_size=2)),
        dateline=draw(optional(datelines())),
        published=draw(optional(whens)),
        modified=draw(optional(whens)),
        language=draw(optional(languages)),
        url=draw(optional(urls)),
        id=draw(optional(texts(20))),
        section=draw(optional(texts())),
        genre=draw(optional(texts())),
        keywords=draw(st.lists(texts(), max_size=3)),
        publisher=draw(optional(organizations)),
        images=draw(st.lists(images, max_size=2)),
        comments=draw(optional(comment_threads())),
        rights=draw(optional(texts())),
        corrections=draw(st.lists(corrections, max_size=2)),
    )
    quotes = draw(st.lists(quotes_in(article), max_size=3))
    return attrs.evolve(article, quotes=quotes)
