"""Deterministic, realistic-looking articles for the benchmarks (no Hypothesis: fixed sizes)."""

from __future__ import annotations

import datetime as dt
import random

from newsmodel import (
    Article,
    Attribution,
    Byline,
    Comment,
    CommentThread,
    Dateline,
    Heading,
    Paragraph,
    Quote,
    QuoteKind,
    SourceKind,
    Span,
    TextPart,
)

WORDS = (
    "the city council approved plan budget officials said residents transport new bridge "
    "river road week million year people government report minister election vote public "
    "school health water police court state national local market prices workers union"
).split()
NAMES = ("Jane Doe", "John Roe", "Ana Ruiz", "Sam Lee", "Olu Ade", "Mia Chen")
ZONE = dt.timezone(dt.timedelta(hours=-5))


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def make_article(rng: random.Random, words: int = 600) -> Article:
    """An article of about ``words`` words with bylines, a quote per paragraph and comments."""
    body: list[Paragraph | Heading] = []
    quotes = []
    while sum(len(getattr(block, "text", "").split()) for block in body) < words:
        if body and len(body) % 6 == 0:
            body.append(Heading(text=sentence(rng, 4).rstrip(".")))
            continue
        said = sentence(rng, 12)
        speaker = rng.choice(NAMES)
        text = f"\u201c{said}\u201d {speaker} said. {sentence(rng, 20)} {sentence(rng, 15)}"
        index = len(body)
        body.append(Paragraph(text=text))
        start = text.index(speaker)
        quotes.append(
            Quote(
                text=said,
                kind=QuoteKind.DIRECT,
                spans=[Span(part=TextPart.BODY, block=index, start=1, end=1 + len(said))],
                attribution=Attribution(
                    source=speaker,
                    kind=SourceKind.PERSON,
                    cue="said",
                    source_span=Span(
                        part=TextPart.BODY, block=index, start=start, end=start + len(speaker)
                    ),
                ),
            )
        )
    published = dt.datetime(2026, 1, 1, tzinfo=ZONE) + dt.timedelta(minutes=rng.randrange(500_000))
    return Article(
        headline=sentence(rng, 9).rstrip("."),
        standfirst=sentence(rng, 20),
        body=body,
        bylines=[Byline(name=name, role="Staff Writer") for name in rng.sample(NAMES, 2)],
        dateline=Dateline(place="WASHINGTON", agency="Reuters"),
        published=published,
        modified=published + dt.timedelta(hours=3),
        language="en",
        url=f"https://example.org/news/{rng.randrange(10**9)}",
        keywords=tuple(rng.sample(WORDS, 4)),
        quotes=quotes,
        comments=CommentThread(
            total=3,
            comments=[
                Comment(text=sentence(rng, 10), author="reader", replies=[Comment(text="Agreed.")]),
                Comment(text=sentence(rng, 8), author="another reader"),
            ],
        ),
    )
