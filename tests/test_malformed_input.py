"""Malformed input that once escaped as a bare Python exception: each reader now either reads
what it can or raises a NewsModelError that says where.

Every case is the smallest input a fuzz campaign found for its class.
"""

from __future__ import annotations

import datetime as dt
import json
import warnings

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmodel import GuessWarning, ParseError, html, jsonld, newsml, ninjs, text
from newsmodel._extract.common.cleantext import unescape
from newsmodel._extract.common.dates import parse_date
from newsmodel._extract.quotes.word_counts import WORD, count_words

IMPOSSIBLE_OFFSETS = ["2024-05-01T10:00:00+99:99", "2024-05-01T10:00:00+24:00"]
NEWSML_ITEM = (
    '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g" version="1"'
    ' standard="NewsML-G2" standardversion="2.35"><itemMeta><itemClass qcode="ninat:text"/>'
    '<provider literal="x"/><versionCreated>{when}</versionCreated></itemMeta>'
    "<contentMeta><headline>Bridge</headline><contentCreated>{when}</contentCreated>"
    "</contentMeta></newsItem>"
)
HEADLINE = {"headlines": [{"role": "main", "value": "Bridge"}]}
BODY = (
    "<p>The bridge over the river reopened on Monday after two years of repairs, and the first"
    " buses crossed it before dawn.</p>"
) * 4


def _page(head: str) -> str:
    return f"<html><head><title>Bridge</title>{head}</head><body><article><h1>Bridge</h1>{BODY}</article></body></html>"


@pytest.fixture(autouse=True)
def _quiet_guesses() -> None:
    warnings.simplefilter("ignore", GuessWarning)


# --- dates --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [*IMPOSSIBLE_OFFSETS, "Tue, 01 May 2024 10:00:00 +9999", "May 1, 2024 10:00 +99:99"],
)
def test_a_date_with_an_impossible_offset_is_not_a_date(written: str) -> None:
    """An offset no clock has (+24:00, +99:99, +9999) makes the whole date untrustworthy."""
    assert parse_date(written) is None


def test_real_offsets_still_read() -> None:
    """The bounds are the real ones: ±23:59 reads."""
    expected = dt.datetime(2024, 5, 1, 10, tzinfo=dt.timezone(dt.timedelta(hours=23, minutes=59)))
    assert expected == parse_date("2024-05-01T10:00:00+23:59")
    assert expected == parse_date("Tue, 01 May 2024 10:00:00 +2359")


@pytest.mark.parametrize("written", IMPOSSIBLE_OFFSETS)
def test_jsonld_drops_a_published_date_with_an_impossible_offset(written: str) -> None:
    """A page's JSON-LD with a broken offset reads without a date."""
    document = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Bridge"}
    article = jsonld.loads(json.dumps({**document, "datePublished": written}))
    assert article.published is None


@pytest.mark.parametrize("written", IMPOSSIBLE_OFFSETS)
def test_ninjs_from_others_drops_a_date_with_an_impossible_offset(written: str) -> None:
    """Another producer's ninjs with a broken offset reads without a date."""
    article = ninjs.loads(json.dumps({**HEADLINE, "firstCreated": written}))
    assert article.published is None


@pytest.mark.parametrize("written", IMPOSSIBLE_OFFSETS)
def test_newsml_from_others_drops_a_date_with_an_impossible_offset(written: str) -> None:
    """Another producer's NewsML-G2 item with a broken offset reads without a date."""
    assert newsml.loads(NEWSML_ITEM.format(when=written)).published is None


@pytest.mark.parametrize("written", [*IMPOSSIBLE_OFFSETS, "Tue, 01 May 2024 10:00:00 +9999"])
def test_text_drops_a_date_line_with_an_impossible_offset(written: str) -> None:
    """A text article's date line with a broken offset gives no date."""
    article = text.parse(f"Bridge\n\nPublished {written}\n\nThe bridge reopened on Monday.")
    assert article.published is None


@pytest.mark.parametrize("written", [*IMPOSSIBLE_OFFSETS, "Tue, 01 May 2024 10:00:00 +9999"])
def test_html_drops_a_meta_date_with_an_impossible_offset(written: str) -> None:
    """A page's meta date with a broken offset gives no date."""
    meta = f'<meta property="article:published_time" content="{written}">'
    assert html.parse(_page(meta)).published is None


# --- JSON-LD ------------------------------------------------------------------------------------


def test_jsonld_quote_extension_that_is_not_an_object_is_a_parse_error() -> None:
    """In newsmodel's own JSON-LD, ``nm:quote`` must be an object; the error says where."""
    from importlib.resources import files

    from newsmodel import json as newsmodel_json

    sample = newsmodel_json.loads(files("newsmodel").joinpath("data/sample.json").read_bytes())
    document = json.loads(jsonld.dumps(sample))
    part = next(p for p in document["hasPart"] if "nm:quote" in p)
    part["nm:quote"] = "Jane Doe"
    with pytest.raises(ParseError, match="expected an object") as caught:
        jsonld.loads(json.dumps(document))
    assert caught.value.path is not None
    assert caught.value.path.endswith(".nm:quote")


def test_a_jsonld_block_with_a_huge_number_is_skipped() -> None:
    """A number past Python's 4,300-digit limit is valid JSON Python refuses: the block is
    skipped with a warning and the page still reads."""
    block = '{"@type": "NewsArticle", "headline": "Bridge", "wordCount": ' + "1" * 5000 + "}"
    page = _page(f'<script type="application/ld+json">{block}</script>')
    with pytest.warns(GuessWarning, match="JSON-LD block"):
        article = html.parse(page)
    assert article.headline == "Bridge"


# --- ninjs --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "extra",
    [
        {"altIds": [{"role": ["url"], "value": "https://example.org/a"}]},
        {"people": [{"name": "Jane Doe", "rel": {"author": True}}]},
        {
            "people": [
                {
                    "name": "Jane Doe",
                    "rel": "author",
                    "contactInfo": [{"type": ["email"], "value": "x"}],
                }
            ]
        },
        {"associations": [{"type": ["picture"], "uri": "https://example.org/a.jpg"}]},
        {
            "associations": [
                {
                    "type": "picture",
                    "uri": "https://example.org/a.jpg",
                    "descriptions": [{"role": {"caption": 1}, "value": "x"}],
                }
            ]
        },
    ],
    ids=["altIds role", "people rel", "contactInfo type", "association type", "description role"],
)
def test_ninjs_reads_past_a_list_or_object_where_a_name_belongs(extra: dict[str, object]) -> None:
    """A role, relation or type that is not a string matches nothing, as an unknown name would."""
    article = ninjs.loads(json.dumps({**HEADLINE, **extra}))
    assert article.headline == "Bridge"
    assert article.url is None
    assert all(byline.email is None for byline in article.bylines)


def test_ninjs_html_body_with_a_tag_name_xml_refuses() -> None:
    """lxml's HTML parser accepts the tag ``a&b``; reading the body must not ask XML about it,
    and reads the unknown element as running text, as a browser shows it."""
    body = {"role": "richtext", "contentType": "text/html", "value": "<p>One<a&b>two</a&b></p>"}
    article = ninjs.loads(json.dumps({**HEADLINE, "bodies": [body]}))
    assert [block.text for block in article.body] == ["Onetwo"]  # type: ignore[union-attr]


@pytest.mark.parametrize("aside", ["<!-- ad -->", "<?>"], ids=["comment", "bogus PI"])
def test_ninjs_of_our_own_profile_reads_past_a_comment_inside_a_paragraph(aside: str) -> None:
    """A comment inside a paragraph holds no text (lxml's HTML parser makes ``<?>`` one too):
    reading our own profile must not walk it as an element. The text is what the parser
    leaves outside the comment, which differs between libxml2 versions for ``<?>``."""
    markup = f"<p>One{aside}two</p><p>Three</p>"
    body = {"contentType": "text/html", "value": markup}
    article = ninjs.loads(json.dumps({**HEADLINE, "profile": ninjs.PROFILE, "bodies": [body]}))
    expected = [p.text_content() for p in lxml.html.fragments_fromstring(markup)]
    assert expected[0] in ("Onetwo", "One>two")
    assert [block.text for block in article.body] == expected  # type: ignore[union-attr]


# --- XML ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "document",
    [
        '<?xml version="1.0" encoding="UTF-8"<newsItem/>',
        '<?xml version="1.0" encoding="UTF-8"<newsItem/>'.encode("utf-16"),
    ],
    ids=["text", "UTF-16 bytes"],
)
@pytest.mark.parametrize("load", [newsml.loads, newsml.loads_all])
def test_an_unclosed_xml_declaration_is_a_parse_error(document: str | bytes, load: object) -> None:
    """A declaration without ``?>`` is malformed XML, reported at line 1."""
    with pytest.raises(ParseError, match="XML declaration") as caught:
        load(document)  # type: ignore[operator]
    assert caught.value.line == 1


def test_a_date_whose_seconds_overflow_dateutil_is_not_a_date() -> None:
    """dateutil reads "1:999…" through Decimal, which raises InvalidOperation."""
    assert parse_date("3-8-22 1:99999999999999999999999999953") is None


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("&#" + "1" * 5000 + ";x", "\ufffdx"),
        ("&#x" + "f" * 5000 + ";", "\ufffd"),
        ("&#" + "0" * 5000 + "65;", "A"),
        ("&#x00000041", "A"),
        ("&#65;&amp;", "A&"),
    ],
)
def test_character_references_past_the_digit_limit_decode(written: str, expected: str) -> None:
    """A numeric reference of thousands of digits decodes as html.unescape decodes any
    reference out of range, instead of raising Python's digit-limit ValueError."""
    assert unescape(written) == expected


def test_a_jsonld_text_with_a_huge_character_reference_reads() -> None:
    """A headline holding ``&#`` and 5,000 digits beside an entity reads, the reference
    replaced."""
    document = {"@context": "https://schema.org", "@type": "NewsArticle"}
    article = jsonld.loads(
        json.dumps({**document, "headline": "A &#" + "1" * 5000 + "; B &amp; C"})
    )
    assert article.headline == "A \ufffd B & C"


def test_a_text_repeating_one_name_resolves_it_from_one_entry() -> None:
    """Coreference keeps one entry per distinct name: a text that repeats "Senator Rubio"
    thousands of times looks up its fullest form among distinct names, not every mention
    (the fuzz campaign's 900 KB text took over 20 s; ``benchmarks/reader_scaling.py``)."""
    from newsmodel._extract.quotes.coreference import Coreference

    paragraph = "Florida Senator Marco Rubio spoke on Friday. Senator Rubio said it was fine."
    resolver = Coreference([paragraph] * 3000)
    resolver._may_read_until(2999)
    assert resolver._fullest("Rubio", (2999, 0)) == "Florida Senator Marco Rubio"
    assert len(resolver._by_surname["Rubio"]) == 2  # two distinct names, 6,000 mentions


@given(
    text=st.text(alphabet="ab c'’.\n\"xé1 ", min_size=2_000, max_size=4_000),
    start=st.integers(0, 4_000),
    length=st.integers(0, 4_000),
)
def test_word_counts_from_the_index_equal_a_direct_count(
    text: str, start: int, length: int
) -> None:
    """Long texts answer word counts from an index; they must equal ``WORD.findall``."""
    start = min(start, len(text))
    end = min(start + length, len(text))
    assert count_words(text, start, end) == len(WORD.findall(text, start, end))


def test_a_newsmodel_nitf_byline_without_a_name_is_a_parse_error() -> None:
    """In newsmodel's own NITF an empty ``<byline>`` is an error at its line, not a TypeError
    (the fuzz campaign's smallest input)."""
    from newsmodel import nitf

    document = (
        '<nitf><head><title></title><meta name="generator" content="newsmodel"/><docdata>'
        "</docdata></head><body><body.head><hedline><hl1>s</hl1></hedline>\n<byline></byline>"
        "</body.head><body.content></body.content></body></nitf>"
    )
    with pytest.raises(ParseError, match="byline names no one") as caught:
        nitf.loads(document)
    assert caught.value.line == 2


@pytest.mark.parametrize("aside", ["<!-- c -->", "<?pi x?>"], ids=["comment", "PI"])
def test_nitf_dateline_reads_past_a_comment_or_processing_instruction(aside: str) -> None:
    """A comment or processing instruction in a ``<dateline>`` adds no text and is not walked
    as an element (the fuzz campaign's smallest input)."""
    from newsmodel import nitf

    document = (
        "<nitf><body><body.head><hedline><hl1>Bridge</hl1></hedline>"
        f'<dateline>SPRINGVALE, {aside}<story.date norm="20260412">April 12</story.date>'
        "</dateline></body.head></body></nitf>"
    )
    dateline = nitf.loads(document).dateline
    assert dateline is not None
    assert (dateline.place, dateline.date) == ("SPRINGVALE", dt.date(2026, 4, 12))
