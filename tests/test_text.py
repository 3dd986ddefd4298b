"""Tests for newsmodel.text: plain-text articles in and out.

The golden files in ``tests/data/text/`` are realistic articles, each ``NAME.txt`` with the
expected fields in ``NAME.json`` beside it. The expected format is this test's own, small and
readable: only the fields the text parser reads (quotes belong to the quote extractor's tests),
dates as ISO 8601, blocks as one-key objects (``{"paragraph": …}``, ``{"heading": …}``,
``{"list": […]}``…), plus ``guesses``, the number of :class:`GuessWarning`\\ s the parse issues.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import newsmodel.json
from newsmodel import (
    Article,
    Block,
    BlockQuote,
    Byline,
    BylineKind,
    Comment,
    CommentThread,
    Dateline,
    Figure,
    GuessWarning,
    Heading,
    Image,
    ListBlock,
    Paragraph,
    ParseError,
)
from newsmodel import text as text_format

DATA = Path(__file__).parent / "data" / "text"
GOLDEN = sorted(DATA.glob("*.txt"))


# --- the expected-fields format ---------------------------------------------------------------


def _when(value: dt.datetime | dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _byline(byline: Byline) -> dict[str, Any]:
    fields: dict[str, Any] = {"name": byline.name}
    if byline.kind is not BylineKind.PERSON:
        fields["kind"] = byline.kind.value
    for key in ("role", "affiliation", "email"):
        if getattr(byline, key) is not None:
            fields[key] = getattr(byline, key)
    return fields


def _block(block: Block) -> dict[str, Any]:
    if isinstance(block, Paragraph):
        return {"paragraph": block.text}
    if isinstance(block, Heading):
        return {"heading": block.text, "level": block.level}
    if isinstance(block, ListBlock):
        return {"list": list(block.items), "ordered": block.ordered}
    if isinstance(block, BlockQuote):
        return {"quote": list(block.paragraphs), "source": block.source}
    assert isinstance(block, Figure)
    image = block.image
    return {"figure": image.url, "caption": image.caption, "credit": image.credit}


def _comment(comment: Comment) -> dict[str, Any]:
    fields: dict[str, Any] = {"author": comment.author, "text": comment.text}
    if comment.published is not None:
        fields["published"] = _when(comment.published)
    if comment.replies:
        fields["replies"] = [_comment(reply) for reply in comment.replies]
    return fields


def _thread(thread: CommentThread | None) -> dict[str, Any] | None:
    if thread is None:
        return None
    return {
        "total": thread.total,
        "open": thread.open,
        "comments": [_comment(comment) for comment in thread.comments],
    }


def _dateline(dateline: Dateline | None) -> dict[str, Any] | None:
    if dateline is None:
        return None
    return {"place": dateline.place, "date": _when(dateline.date), "agency": dateline.agency}


def fields(article: Article) -> dict[str, Any]:
    """The fields the text parser reads, in the golden files' format."""
    return {
        "headline": article.headline,
        "standfirst": article.standfirst,
        "bylines": [_byline(byline) for byline in article.bylines],
        "dateline": _dateline(article.dateline),
        "published": _when(article.published),
        "modified": _when(article.modified),
        "body": [_block(block) for block in article.body],
        "comments": _thread(article.comments),
        "rights": article.rights,
        "keywords": list(article.keywords),
        "corrections": [
            {"text": c.text, "published": _when(c.published)} for c in article.corrections
        ],
    }


def _parse_counting(data: bytes) -> tuple[Article, int]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        article = text_format.parse(data)
    return article, sum(issubclass(w.category, GuessWarning) for w in caught)


# --- golden files -----------------------------------------------------------------------------


def test_golden_set_has_at_least_25_articles_each_with_expectations() -> None:
    """The golden set covers at least 25 realistic articles, each with its expectations."""
    assert len(GOLDEN) >= 25
    assert all(path.with_suffix(".json").is_file() for path in GOLDEN)


@pytest.mark.parametrize("path", GOLDEN, ids=[path.stem for path in GOLDEN])
def test_golden(path: Path) -> None:
    """Each golden article parses to the expected fields, compared one field at a time."""
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    article, guesses = _parse_counting(path.read_bytes())
    actual = fields(article)
    actual["guesses"] = guesses
    assert expected.keys() == actual.keys()
    for key, value in expected.items():
        assert value == actual[key], f"{path.name}: {key}"


@pytest.mark.parametrize("path", GOLDEN, ids=[path.stem for path in GOLDEN])
def test_golden_round_trip(path: Path) -> None:
    """What the writer makes of a golden article parses back to the same fields."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", GuessWarning)
        article = text_format.parse(path.read_bytes())
        again = text_format.parse(text_format.dumps(article))
    assert fields(article) == fields(again)


# --- input handling ---------------------------------------------------------------------------


@pytest.mark.parametrize("data", ["", "   \n\t\n", b"", b"\xef\xbb\xbf  \r\n", "\x00\x01"])
def test_empty_input_is_a_parse_error(data: str | bytes) -> None:
    """Empty or white-space-only input is refused, not turned into an article."""
    with pytest.raises(ParseError):
        text_format.parse(data)


def test_bytes_and_text_agree() -> None:
    """UTF-8 bytes, with or without a byte-order mark, read like the text itself."""
    source = "Headline\n\nBy JANE DOE\n\nLONDON (Reuters) - Café prices rose on Monday.\n"
    expected = fields(text_format.parse(source))
    assert expected == fields(text_format.parse(source.encode("utf-8")))
    assert expected == fields(text_format.parse(b"\xef\xbb\xbf" + source.encode("utf-8")))
    assert expected == fields(text_format.parse(source.replace("\n", "\r\n").encode("utf-8")))


def test_a_headline_alone() -> None:
    """A single line is an article with a headline and nothing else."""
    article = text_format.parse("Just a headline\n")
    assert (article.headline, article.body, article.standfirst) == ("Just a headline", (), None)


def test_deeply_nested_comments_are_kept_at_a_bounded_depth() -> None:
    """A reply chain deeper than any real thread parses, and round-trips through JSON."""
    replies = "".join(" " * level + "jane: I agree\n\n" for level in range(500))
    article = text_format.parse_text(
        "Bridge reopens\n\nThe bridge reopened.\n\nComments\n\n" + replies
    )
    assert article.comments is not None
    depth, comment = 0, article.comments.comments[0]
    while comment.replies:
        depth, comment = depth + 1, comment.replies[0]
    assert depth == 63
    kept, pending = 0, list(article.comments.comments)
    while pending:
        kept += 1
        pending.extend(pending.pop().replies)
    assert kept == 500
    assert newsmodel.json.loads(newsmodel.json.dumps(article)) == article


_PIECES = [
    *"abc ABC\n\n\t.,:;-—–()[]#>*•0123456789|·↳@é©\r\x00\ufeff",
    "By ", "Reporting by ", "Comments", "WASHINGTON", "(Reuters)", " - ", "Nov. 26, 2026",
    "10:32 a.m. ET", "Published ", "- ", "1. ", "> ", "[Image: http://x] ", "    ", "Jane Doe",
    "12 comments", "Reply", "Ã©", "â€™",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.lists(st.sampled_from(_PIECES), max_size=60).map("".join), st.binary()))
def test_never_crashes(data: str | bytes) -> None:
    """Whatever the input, the parser returns an article or raises a ParseError."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", GuessWarning)
        try:
            article = text_format.parse_text(data)
        except ParseError:
            return
    assert article.headline.strip()


# --- the writer, as a property ----------------------------------------------------------------

_FIRST = ["Jane", "John", "Maria", "Kenji", "Amara", "Luis", "Sophie", "Ahmed", "Olga", "Tom"]
_LAST = ["Doe", "Roe", "Gonzalez", "Watanabe", "Okafor", "Silva", "Martin", "Hassan", "Novak"]
_ROLES = ["Staff Writer", "Chief Economics Correspondent", "Health Reporter", "Senior Editor"]
_OUTLETS = ["Reuters", "NJ Advance Media", "The Washington Post", "Bloomberg News", "AFP"]
_AGENCIES = ["Reuters", "AP", "AFP", "Yonhap"]
_CREDITS = ["Reporting by", "Additional reporting by", "Editing by", "Writing by"]
_PLACES = ["WASHINGTON", "KYIV, Ukraine", "SAN FRANCISCO", "LONDON", "RIO DE JANEIRO, Brazil"]
_WORDS = (
    "the council said on monday that prices rose again while officials expected a slower "
    "year for exports and analysts warned of risks to jobs growth in the region"
).split()

names = st.builds(lambda f, last: f"{f} {last}", st.sampled_from(_FIRST), st.sampled_from(_LAST))


@st.composite
def sentences(draw: st.DrawFn, min_words: int = 6, end: str = ".") -> str:
    """A plausible single-line sentence: capitalised, words from a news vocabulary."""
    words = draw(st.lists(st.sampled_from(_WORDS), min_size=min_words, max_size=30))
    text = " ".join(words)
    return text[0].upper() + text[1:] + end


@st.composite
def titles(draw: st.DrawFn) -> str:
    """A short line for headings and headlines, without final punctuation."""
    words = draw(st.lists(st.sampled_from(_WORDS), min_size=2, max_size=8))
    text = " ".join(words)
    return text[0].upper() + text[1:]


moments = st.datetimes(
    min_value=dt.datetime(1995, 1, 1),
    max_value=dt.datetime(2040, 12, 31),
    timezones=st.sampled_from(
        [dt.timezone.utc, dt.timezone(dt.timedelta(hours=-5)), dt.timezone(dt.timedelta(hours=9))]
    ),
)
whens = st.one_of(moments, st.dates(min_value=dt.date(1995, 1, 1), max_value=dt.date(2040, 1, 1)))

person_bylines = st.builds(
    Byline,
    name=names,
    role=st.none() | st.sampled_from(_ROLES),
    affiliation=st.none() | st.sampled_from(_OUTLETS),
)
agency_bylines = st.builds(
    Byline, name=st.sampled_from(_AGENCIES), kind=st.just(BylineKind.ORGANIZATION)
)
credit_bylines = st.builds(Byline, name=names, role=st.sampled_from(_CREDITS))

blocks: st.SearchStrategy[Block] = st.one_of(
    st.builds(Paragraph, text=sentences()),
    st.builds(Heading, text=titles(), level=st.integers(2, 4)),
    st.builds(
        ListBlock, items=st.lists(sentences(2), min_size=1, max_size=4), ordered=st.booleans()
    ),
    st.builds(
        BlockQuote,
        paragraphs=st.lists(sentences(), min_size=1, max_size=2),
        source=st.none() | names,
    ),
    st.builds(
        Figure,
        image=st.builds(
            Image,
            url=st.sampled_from(["https://example.com/a.jpg", "https://img.example.org/p/2.png"]),
            caption=st.none() | sentences(3),
            credit=st.none() | st.builds(lambda n: f"{n}/Reuters", names),
        ),
    ),
)


def _separable(body: list[Block]) -> bool:
    # Two lists (or two quotations) in a row are one in plain text: the writer cannot keep
    # them apart, so the property leaves such bodies out.
    return all(
        not (type(a) is type(b) and isinstance(a, (ListBlock, BlockQuote)))
        for a, b in itertools.pairwise(body)
    )


@st.composite
def comments(draw: st.DrawFn, depth: int = 0) -> Comment:
    """A comment with an author or not, a time or not, and (two levels deep) replies."""
    replies = draw(st.lists(comments(depth + 1), max_size=2)) if depth < 2 else []
    return Comment(
        text=draw(sentences(3)),
        author=draw(st.none() | names),
        published=draw(st.none() | moments),
        replies=replies,
    )


threads = st.builds(
    CommentThread,
    comments=st.lists(comments(), max_size=3),
    total=st.none() | st.integers(0, 500),
    open=st.sampled_from([None, True, False]),
)


@st.composite
def text_safe_articles(draw: st.DrawFn) -> Article:
    """Articles whose text fields are plausible single lines, as plain text can carry them."""
    body = draw(st.lists(blocks, max_size=8).filter(_separable))
    standfirst = draw(st.none() | sentences())
    header = draw(st.lists(st.one_of(person_bylines, agency_bylines), max_size=3))
    credits = draw(st.lists(credit_bylines, max_size=3))
    bylines: dict[str, Byline] = {}
    for byline in header + credits:
        # One credit per name: the parser merges a name credited twice.
        bylines.setdefault(byline.name, byline)
    dateline = draw(
        st.none()
        | st.builds(
            Dateline,
            place=st.sampled_from(_PLACES),
            date=st.none() | st.dates(dt.date(1995, 1, 1), dt.date(2060, 12, 31)),
            agency=st.none() | st.sampled_from(_AGENCIES),
        )
    )
    if standfirst is not None and not body:
        # A lone line under the headline reads as the body, not as a standfirst.
        body = [Paragraph(text=draw(sentences()))]
    return Article(
        headline=draw(titles()),
        standfirst=standfirst,
        body=body,
        bylines=tuple(bylines.values()),
        dateline=dateline,
        published=draw(st.none() | whens),
        modified=draw(st.none() | whens),
        comments=draw(st.none() | threads),
    )


_ROUND_TRIP = ("headline", "standfirst", "bylines", "dateline", "published", "modified", "body")


# Once read as hard-wrapped text: a standfirst, list items and a quotation all nearly as long
# as the longest line.
_NEARLY_WRAPPED = Article(
    headline="The the",
    standfirst="The the the the the the the the the the council.",
    body=[
        BlockQuote(
            paragraphs=["The the the the the the the the the the the the."], source="Jane Doe"
        ),
        ListBlock(items=["The the the the the the the the the the council."] * 2 + ["The the."]),
    ],
    bylines=[Byline(name="Jane Doe")],
)


def _reply(text: str, when: dt.datetime, *replies: Comment) -> Comment:
    return Comment(text=text, published=when, replies=replies)


# Once read as hard-wrapped at 42 characters: the header's longest line, then three indented
# comment timestamps, each "full" before the reply text under it. The header's lines were
# joined, and the byline's role and the published date lost.
_TIMESTAMPS_LOOK_WRAPPED = Article(
    headline="The the",
    bylines=[Byline(name="Jane Roe", role="Chief Economics Correspondent")],
    published=dt.date(2000, 1, 1),
    comments=CommentThread(
        comments=[
            Comment(
                text="The the the.",
                replies=(
                    _reply(
                        "Council the the.", dt.datetime(2000, 1, 1, 0, 0, 0, 5344, dt.timezone.utc)
                    ),
                    _reply(
                        "Council the the.",
                        dt.datetime(2000, 1, 1, 0, 0, 0, 1, dt.timezone.utc),
                        _reply(
                            "Council the council council council the council of region.",
                            dt.datetime(2000, 1, 2, 0, 2, 0, 5, dt.timezone(dt.timedelta(hours=9))),
                        ),
                    ),
                ),
            )
        ]
    ),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example(_NEARLY_WRAPPED)
@example(_TIMESTAMPS_LOOK_WRAPPED)
@given(text_safe_articles())
def test_round_trip(article: Article) -> None:
    """``parse(dumps(a))`` gives back headline, standfirst, bylines, dateline, dates, body
    blocks and comments of a text-safe article."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", GuessWarning)
        again = text_format.parse_text(text_format.dumps(article))
    for name in _ROUND_TRIP:
        assert getattr(article, name) == getattr(again, name), name
    assert _thread(article.comments) == _thread(again.comments)
