"""The format modules' common surface and the format registry."""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Iterator

import attrs
import pytest

import newsmodel
from newsmodel import (
    Article,
    BlockQuote,
    Figure,
    Format,
    FormatError,
    Heading,
    Image,
    Link,
    ListBlock,
    Paragraph,
    ParseError,
    QuoteKind,
    jsonld,
    newsml,
    ninjs,
)
from newsmodel import html as news_html
from newsmodel import json as news_json
from newsmodel import text as news_text
from newsmodel.quotes import QuoteOptions

CODECS = {"json": news_json, "jsonld": jsonld, "newsml": newsml, "ninjs": ninjs}
PARSERS = {"text": news_text, "html": news_html}

ARTICLE = Article(
    headline="Bridge to reopen",
    body=(
        Paragraph(text='"We are ready," the mayor said on Monday.'),
        Paragraph(text="Officials said the bridge would reopen next week."),
    ),
    published=dt.datetime(2026, 11, 24, 10, 32, tzinfo=dt.timezone.utc),
    language="en",
)


@pytest.fixture
def scratch_format() -> Iterator[Format]:
    """A format registered for one test and removed after it."""
    fmt = Format(
        name="scratch",
        description="a test format",
        extensions=(".scratch",),
        read=lambda data, url: Article(headline=data.decode("utf-8").strip()),
        write=lambda article: article.headline.encode("utf-8"),
        sniff=lambda head: head.startswith(b"SCRATCH:"),
    )
    newsmodel.register_format(fmt)
    yield fmt
    from newsmodel import _formats

    del _formats._registry["scratch"]


@pytest.mark.parametrize("name", sorted(CODECS))
def test_codec_dumps_text_that_loads_and_loads_all_read_back(name: str) -> None:
    """Every codec's ``dumps`` gives ``str``; ``loads`` and ``loads_all`` read it back."""
    codec = CODECS[name]
    document = codec.dumps(ARTICLE)
    assert isinstance(document, str)
    again = codec.loads(document)
    assert codec.loads_all(document) == (again,)
    assert again.headline == ARTICLE.headline


@pytest.mark.parametrize("name", sorted(CODECS))
def test_codec_sniffs_its_own_output_and_no_other(name: str) -> None:
    """``sniff`` recognises the codec's own output and none of the other codecs'."""
    for other, codec in CODECS.items():
        head = codec.dumps(ARTICLE).encode("utf-8")[:4096]
        assert CODECS[name].sniff(head) is (other == name), other


@pytest.mark.parametrize("name", sorted(CODECS))
def test_codec_refuses_input_over_max_bytes(name: str) -> None:
    """Every codec reader takes ``max_bytes`` and refuses a larger input before reading it."""
    codec = CODECS[name]
    document = codec.dumps(ARTICLE)
    with pytest.raises(ParseError, match="max_bytes"):
        codec.loads(document, max_bytes=len(document) - 1)
    with pytest.raises(ParseError, match="max_bytes"):
        codec.loads_all(document.encode("utf-8"), max_bytes=10)
    assert codec.loads(document, max_bytes=len(document.encode("utf-8"))).headline


@pytest.mark.parametrize("name", sorted(PARSERS))
def test_parser_refuses_input_over_max_bytes(name: str) -> None:
    """The parsers take ``max_bytes`` too."""
    page = PARSERS[name].dumps(ARTICLE)
    with pytest.raises(ParseError, match="max_bytes"):
        PARSERS[name].parse(page, max_bytes=len(page) - 1)


@pytest.mark.parametrize("name", sorted(PARSERS))
def test_parser_passes_quote_options_to_quote_extraction(name: str) -> None:
    """``quote_options`` selects the kinds of quote a parser keeps."""
    page = PARSERS[name].dumps(ARTICLE)
    everything = PARSERS[name].parse(page)
    direct_only = PARSERS[name].parse(page, quote_options=QuoteOptions(kinds={QuoteKind.DIRECT}))
    assert {quote.kind for quote in everything.quotes} == {QuoteKind.DIRECT, QuoteKind.INDIRECT}
    assert {quote.kind for quote in direct_only.quotes} == {QuoteKind.DIRECT}


def test_newsml_to_bytes_is_dumps_with_the_xml_declaration() -> None:
    """``newsml.to_bytes`` is what a file holds: the same item, UTF-8, declared."""
    when = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    data = newsml.to_bytes(ARTICLE, version_created=when)
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    assert newsml.loads(data) == newsml.loads(newsml.dumps(ARTICLE, version_created=when))


def test_jsonld_loads_all_reads_every_article_node_in_order() -> None:
    """``jsonld.loads_all`` gives one article per article node of the document."""
    document = (
        '{"@context": "https://schema.org", "@graph": ['
        '{"@type": "NewsArticle", "headline": "First"},'
        '{"@type": "WebPage", "name": "page"},'
        '{"@type": "BlogPosting", "headline": "Second"}]}'
    )
    assert [article.headline for article in jsonld.loads_all(document)] == ["First", "Second"]
    assert jsonld.loads_all('{"@type": "WebPage"}') == ()


def test_text_loads_still_parses_but_is_deprecated() -> None:
    """``text.loads``, the old name of ``text.parse``, warns and gives the same article."""
    page = news_text.dumps(ARTICLE)
    with pytest.warns(DeprecationWarning, match=r"text\.parse"):
        article = news_text.loads(page)
    assert article == news_text.parse(page)


def test_register_format_makes_a_format_available_by_name(scratch_format: Format) -> None:
    """A registered format is found by name and listed after the built-in ones."""
    assert newsmodel.get_format("scratch") is scratch_format
    assert newsmodel.available_formats()[-1] is scratch_format
    assert {"json", "jsonld", "newsml", "ninjs", "html", "text"} <= {
        fmt.name for fmt in newsmodel.available_formats()
    }


def test_register_format_refuses_to_shadow_a_name_unless_told(scratch_format: Format) -> None:
    """Registering a taken name is an error; ``replace=True`` swaps the format."""
    other = Format(name="scratch", description="another", extensions=(".other",))
    with pytest.raises(FormatError, match="already registered"):
        newsmodel.register_format(other)
    newsmodel.register_format(other, replace=True)
    assert newsmodel.get_format("scratch") is other


def test_get_format_names_the_known_formats_when_asked_for_an_unknown_one() -> None:
    """An unknown name is a ``FormatError`` listing what is registered."""
    with pytest.raises(FormatError, match=r"unknown format 'nope'; known formats: .*json"):
        newsmodel.get_format("nope")


@pytest.mark.parametrize("name", ["json", "jsonld", "newsml", "ninjs", "html"])
def test_detect_format_recognises_each_builtin_output_by_content(name: str) -> None:
    """Detection sniffs the content first: every built-in writer's output is recognised."""
    fmt = newsmodel.get_format(name)
    assert fmt.write is not None
    assert newsmodel.detect_format(fmt.write(ARTICLE), "misleading.txt").name == name


def test_detect_format_falls_back_on_the_file_extension(scratch_format: Format) -> None:
    """Content no sniffer knows is told by its file name; neither is a ``FormatError``."""
    assert newsmodel.detect_format(b"plain words", "story.txt").name == "text"
    assert newsmodel.detect_format(b"SCRATCH: Headline").name == "scratch"
    assert newsmodel.detect_format(b"Headline", "x.scratch").name == "scratch"
    with pytest.raises(FormatError, match="cannot tell"):
        newsmodel.detect_format(b"plain words", "story.unknown")


def test_every_registered_writer_round_trips_through_its_reader() -> None:
    """Bytes a built-in format writes are read back by the same format."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name in ("json", "jsonld", "newsml", "ninjs", "text", "html"):
            fmt = newsmodel.get_format(name)
            assert fmt.read is not None
            assert fmt.write is not None
            assert fmt.read(fmt.write(ARTICLE), None).headline == ARTICLE.headline, name


def test_newsml_body_is_the_shared_markup_for_text_blocks() -> None:
    """Paragraphs with links, headings, lists and block quotes: the NewsML-G2 body is, element
    for element, ninjs' rich text (figures and sources differ: XHTML 1.0 Strict lacks them)."""
    body = (
        Paragraph(
            text="Read the report & the <notes>.",
            links=(Link(start=9, end=15, url="https://example.org/r?a=1&b=2", title='"R"'),),
        ),
        Heading(text="Next", level=3),
        ListBlock(items=("one", "two"), ordered=True),
        BlockQuote(paragraphs=("We are ready.",), cite="https://example.org/speech"),
    )
    article = attrs.evolve(ARTICLE, body=body)
    item = newsml.dumps(article)
    newsml_body = item[item.index("<body>") + len("<body>") : item.index("</body>")]
    rich = next(
        body["value"] for body in ninjs.to_dict(article)["bodies"] if body["role"] == "richtext"
    )
    assert newsml_body == rich


def test_pages_and_ninjs_keep_the_text_of_links_that_cross() -> None:
    """Of two links that cross, the first is written and the text appears once."""
    paragraph = Paragraph(
        text="overlapping links",
        links=(
            Link(start=0, end=11, url="https://example.org/1"),
            Link(start=5, end=17, url="https://example.org/2"),
        ),
    )
    article = attrs.evolve(ARTICLE, body=(paragraph, *ARTICLE.body))
    expected = '<p><a href="https://example.org/1">overlapping</a> links</p>'
    rich = next(
        body["value"] for body in ninjs.to_dict(article)["bodies"] if body["role"] == "richtext"
    )
    assert rich.startswith(expected)
    assert expected in news_html.dumps(article)


def test_html_and_ninjs_write_the_body_with_one_renderer_and_read_figures_back() -> None:
    """``html.dumps`` and ninjs' rich text carry the same body markup, and both readers get
    a figure's caption and credit back apart."""
    figure = Figure(
        image=Image(
            url="https://example.com/bridge.jpg",
            caption="The old bridge",
            credit="Photo: Jane Roe",
            alt="A bridge",
        )
    )
    article = attrs.evolve(ARTICLE, body=(*ARTICLE.body, figure, ARTICLE.body[1]))
    page = news_html.dumps(article)
    rich = next(
        body["value"] for body in ninjs.to_dict(article)["bodies"] if body["role"] == "richtext"
    )
    assert "".join(line for line in page.splitlines() if line in rich) == rich
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from_page = news_html.parse(page)
    assert figure in from_page.body
    assert figure in ninjs.loads(ninjs.dumps(article)).body
