"""The model's invariants, checked at construction, and the cross-field checks of validate()."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from newsmodel import (
    Article,
    Attribution,
    BlockQuote,
    Byline,
    Comment,
    CommentThread,
    Dateline,
    Heading,
    InvalidArticleError,
    Link,
    ListBlock,
    Paragraph,
    Quote,
    Span,
    TextPart,
    validate,
)

UTC = dt.timezone.utc


def body_span(block: int, start: int, end: int, item: int | None = None) -> Span:
    return Span(part=TextPart.BODY, block=block, item=item, start=start, end=end)


def test_headline_is_required_and_not_blank() -> None:
    """An empty or blank headline is refused, and the error names the field."""
    for headline in ("", "   \n"):
        with pytest.raises(InvalidArticleError) as caught:
            Article(headline=headline)
        assert caught.value.path == "$.headline"


def test_empty_strings_do_not_stand_in_for_missing() -> None:
    """Optional text is None when absent, never an empty string."""
    with pytest.raises(InvalidArticleError, match="must not be empty"):
        Article(headline="H", standfirst="")
    with pytest.raises(InvalidArticleError):
        Byline(name="Jane", role=" ")
    with pytest.raises(InvalidArticleError):
        Article(headline="H", keywords=["ok", ""])


def test_naive_datetimes_are_refused_and_days_are_dates() -> None:
    """A datetime without a zone is ambiguous; a day alone is a date."""
    with pytest.raises(InvalidArticleError, match="timezone-aware"):
        Article(headline="H", published=dt.datetime(2026, 11, 26, 10, 0))
    day = Article(headline="H", published=dt.date(2026, 11, 26))
    assert dt.date(2026, 11, 26) == day.published
    with pytest.raises(InvalidArticleError):
        Dateline(date=dt.datetime(2026, 11, 26, tzinfo=UTC))


def test_heading_levels_are_one_to_six() -> None:
    """Heading levels follow HTML."""
    assert Heading(text="x", level=6).level == 6
    for level in (0, 7, True):
        with pytest.raises(InvalidArticleError, match="1 to 6"):
            Heading(text="x", level=level)


def test_counts_are_not_negative() -> None:
    """Declared counts and sizes cannot be negative."""
    with pytest.raises(InvalidArticleError, match="negative"):
        CommentThread(total=-1)


def test_collections_become_tuples_and_articles_are_hashable() -> None:
    """Lists are accepted and stored as tuples, so articles are immutable and hashable."""
    article = Article(headline="H", bylines=[Byline(name="A")], keywords=["k"])
    assert (Byline(name="A"),) == article.bylines
    assert hash(article) == hash(
        Article(headline="H", bylines=(Byline(name="A"),), keywords=("k",))
    )
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        article.headline = "changed"  # type: ignore[misc]


def test_spans_must_point_inside_their_text() -> None:
    """A quote span past the end of its paragraph, or into a missing block, is refused."""
    body = [Paragraph(text="He said yes.")]
    Article(headline="H", body=body, quotes=[Quote(text="yes", spans=[body_span(0, 8, 11)])])
    with pytest.raises(InvalidArticleError, match="past the end") as caught:
        Article(headline="H", body=body, quotes=[Quote(text="x", spans=[body_span(0, 8, 40)])])
    assert caught.value.path == "$.quotes[0].spans[0]"
    with pytest.raises(InvalidArticleError, match="no text"):
        Article(headline="H", body=body, quotes=[Quote(text="x", spans=[body_span(3, 0, 1)])])
    with pytest.raises(InvalidArticleError, match="no text"):
        Article(
            headline="H",
            quotes=[Quote(text="x", spans=[Span(part=TextPart.STANDFIRST, start=0, end=1)])],
        )


def test_spans_address_list_items_and_block_quote_paragraphs() -> None:
    """Inside a list or block quote, ``item`` picks the text; it is required there."""
    article = Article(
        headline="H", body=[ListBlock(items=["one", "two"]), BlockQuote(paragraphs=["a", "bee"])]
    )
    assert article.quoted(body_span(0, 0, 3, item=1)) == "two"
    assert article.quoted(body_span(1, 0, 3, item=1)) == "bee"
    assert article.text_of(body_span(0, 0, 1)) is None


def test_span_shape() -> None:
    """A span runs forward, and has a block index exactly when it is in the body."""
    with pytest.raises(InvalidArticleError):
        Span(part=TextPart.BODY, start=0, end=1)
    with pytest.raises(InvalidArticleError):
        Span(part=TextPart.HEADLINE, block=0, start=0, end=1)
    with pytest.raises(InvalidArticleError):
        body_span(0, 5, 2)


def test_links_lie_inside_their_paragraph() -> None:
    """Stand-off links point into their own paragraph's text."""
    Paragraph(text="Read the report.", links=[Link(start=9, end=15, url="https://example.org")])
    with pytest.raises(InvalidArticleError, match="outside the paragraph"):
        Paragraph(text="Short", links=[Link(start=0, end=9, url="https://example.org")])


def test_language_is_a_bcp47_tag() -> None:
    """Language tags are checked for shape."""
    assert Article(headline="H", language="pt-BR").language == "pt-BR"
    with pytest.raises(InvalidArticleError, match="BCP 47"):
        Article(headline="H", language="English (US)")


def test_text_joins_every_block_text_in_reading_order() -> None:
    """``Article.text`` is the body's text, a newline between blocks and list items."""
    article = Article(headline="H", body=[Paragraph(text="One."), ListBlock(items=["a", "b"])])
    assert article.text == "One.\na\nb"


def test_validate_finds_cross_field_problems() -> None:
    """validate() lists what is only wrong in combination, without raising."""
    body = [Paragraph(text="She said the plan works.")]
    article = Article(
        headline="H",
        body=body,
        bylines=[Byline(name="Jane Doe"), Byline(name="jane doe")],
        published=dt.datetime(2026, 11, 26, 12, tzinfo=UTC),
        modified=dt.datetime(2026, 11, 26, 11, tzinfo=UTC),
        quotes=[
            Quote(
                text="the plan fails",
                spans=[body_span(0, 9, 23)],
                attribution=Attribution(source="He", source_span=body_span(0, 0, 3)),
            )
        ],
        comments=CommentThread(
            total=1,
            comments=[
                Comment(
                    text="a",
                    published=dt.datetime(2026, 11, 27, tzinfo=UTC),
                    replies=[Comment(text="b", published=dt.date(2026, 11, 26))],
                )
            ],
        ),
    )
    problems = [str(problem) for problem in validate(article)]
    assert [problem.split(": ")[0] for problem in problems] == [
        "$.modified",
        "$.bylines[1].name",
        "$.quotes[0].text",
        "$.quotes[0].attribution.source",
        "$.comments.total",
        "$.comments.comments[0].replies[0].published",
    ]
    assert "declares 1 comments but 2 are loaded" in problems[4]


def test_validate_is_quiet_on_a_consistent_article() -> None:
    """A consistent article has no problems; a day compares with a datetime by the day."""
    article = Article(
        headline="H",
        published=dt.date(2026, 11, 26),
        modified=dt.datetime(2026, 11, 26, 8, tzinfo=UTC),
    )
    assert validate(article) == []


@pytest.mark.parametrize(
    ("fields", "path", "message"),
    [
        ({"bylines": ["Jane Doe"]}, "$.bylines[0]", "expected Byline, got str"),
        ({"body": [Paragraph(text="a"), "b"]}, "$.body[1]", "expected a block, got str"),
        ({"quotes": [Byline(name="J")]}, "$.quotes[0]", "expected Quote, got Byline"),
        ({"keywords": ["a", 3]}, "$.keywords[1]", "expected a string, got int"),
        ({"keywords": "storm"}, "$.keywords", "expected a sequence, got str"),
        ({"images": 5}, "$.images", "expected a sequence, got int"),
        ({"dateline": "WASHINGTON"}, "$.dateline", "expected Dateline, got str"),
        ({"comments": [Comment(text="hi")]}, "$.comments", "expected CommentThread, got list"),
    ],
)
def test_fields_refuse_values_of_the_wrong_type(
    fields: dict[str, object], path: str, message: str
) -> None:
    """A wrong element or value type is an InvalidArticleError naming its path, at once."""
    with pytest.raises(InvalidArticleError) as caught:
        Article(headline="x", **fields)  # type: ignore[arg-type]
    assert (caught.value.path, caught.value.message) == (path, message)


def test_nested_collections_check_their_elements() -> None:
    """Replies, thread comments, spans and links refuse what is not theirs."""
    with pytest.raises(InvalidArticleError, match=r"expected Comment, got str"):
        Comment(text="a", replies=["b"])  # type: ignore[list-item]
    with pytest.raises(InvalidArticleError, match=r"\$\.comments\[0\]"):
        CommentThread(comments=[{"text": "a"}])  # type: ignore[list-item]
    with pytest.raises(InvalidArticleError, match=r"\$\.spans\[0\]: expected Span, got tuple"):
        Quote(text="a", spans=[(0, 1)])  # type: ignore[list-item]
    with pytest.raises(InvalidArticleError, match=r"expected QuoteKind, got str"):
        Quote(text="a", kind="direct")  # type: ignore[arg-type]


def test_validate_never_meets_a_badly_typed_article() -> None:
    """What once slipped through to crash validate() and the codecs is refused at construction."""
    with pytest.raises(InvalidArticleError):
        Article(headline="x", bylines=["Jane Doe"])  # type: ignore[list-item]
    assert validate(Article(headline="x", bylines=[Byline(name="Jane Doe")])) == []
