"""NewsML-G2: valid output, lossless round trips, reading IPTC's examples, and strict reading."""

from __future__ import annotations

import datetime as dt
import gzip
import subprocess
import sys
import warnings
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from lxml import etree

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
    GuessWarning,
    Heading,
    Image,
    Link,
    ListBlock,
    Organization,
    Paragraph,
    ParseError,
    Quote,
    QuoteKind,
    SourceKind,
    Span,
    TextPart,
    newsml,
)
from newsmodel._codecs.xmltext import NOT_XML, xml_utf8
from strategies import articles

NAR = "{http://iptc.org/std/nar/2006-10-01/}"
XH = "{http://www.w3.org/1999/xhtml}"
NM = f"{{{newsml.NAMESPACE}}}"
ZONE = dt.timezone(dt.timedelta(hours=-5))


# --- the schemas, loaded offline once -------------------------------------------------------


class _Offline(etree.Resolver):
    """Serves xml.xsd from ../shared and refuses every other remote address."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.xml_xsd = str(folder / "xml.xsd")

    def resolve(self, url: str | None, pubid: str | None, context: object) -> object:
        if url and url.endswith("/xml.xsd"):
            return self.resolve_filename(self.xml_xsd, context)
        if url and url.startswith(("http:", "https:", "ftp:")):
            raise OSError(f"refusing to fetch {url!r}")
        return None


@pytest.fixture(scope="session")
def schema(shared: Path) -> etree.XMLSchema:
    """NewsML-G2 2.35 All-Power plus XHTML 1.0 Strict, as ``tools/newsml-validate`` loads them."""
    folder = shared / "newsml-g2"
    parser = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False)
    parser.resolvers.add(_Offline(folder))
    return etree.XMLSchema(etree.parse(str(folder / "newsml-g2-with-xhtml.xsd"), parser))


def assert_valid(schema: etree.XMLSchema, data: bytes) -> None:
    document = etree.fromstring(data)
    if not schema.validate(document):
        errors = "\n".join(f"line {e.line}: {e.message}" for e in list(schema.error_log)[:5])
        raise AssertionError(f"invalid NewsML-G2:\n{errors}\n{data.decode()}")


# --- hand-written articles --------------------------------------------------------------------

FULL = Article(
    headline="Council approves the bridge",
    standfirst="A 40-year wait ends with a 7-2 vote.",
    body=[
        Paragraph(
            text='"It is done," the mayor said, according to the minutes.',
            links=[Link(start=43, end=55, url="https://example.org/minutes", title="Minutes")],
        ),
        Heading(text="What happens next", level=2),
        Heading(text="A level-one heading", level=1),
        BlockQuote(
            paragraphs=["We waited long enough.", "Now we build."],
            cite="https://example.org/speech",
            source="Jane Doe",
        ),
        ListBlock(items=["Design", "Tender", "Build"], ordered=True),
        ListBlock(items=["One bullet"]),
        Figure(
            image=Image(
                url="https://example.org/bridge.jpg",
                caption="The old bridge",
                credit="Photo: Ana Ruiz",
                alt="A rusty bridge",
                width=1200,
                height=800,
            )
        ),
        Figure(image=Image(url="https://example.org/plain.png")),
    ],
    bylines=[
        Byline(
            name="Jane Doe",
            role="Staff Writer",
            affiliation="Reuters",
            url="https://example.org/jane",
            email="jane@example.org",
        ),
        Byline(name="Reuters", kind=BylineKind.ORGANIZATION),
    ],
    dateline=Dateline(place="WASHINGTON", date=dt.date(2026, 11, 26), agency="Reuters"),
    published=dt.datetime(2026, 11, 26, 9, 30, tzinfo=ZONE),
    modified=dt.datetime(2026, 11, 26, 11, 0, 0, 250000, tzinfo=dt.timezone.utc),
    language="en-GB",
    url="https://example.org/news/bridge",
    id="urn:example:bridge-1",
    section="Local",
    genre="News",
    keywords=["bridge", "council"],
    publisher=Organization(
        name="Example Times", url="https://example.org", logo="https://example.org/logo.png"
    ),
    images=[Image(url="https://example.org/lead.jpg", caption="Lead", width=10)],
    quotes=[
        Quote(
            text="It is done,",
            attribution=Attribution(
                source="the mayor",
                head="mayor",
                kind=SourceKind.PERSON,
                cue="said",
                role="Mayor",
                name="Sam Lee",
                source_span=Span(part=TextPart.BODY, block=0, start=14, end=23),
                cue_span=Span(part=TextPart.BODY, block=0, start=24, end=28),
            ),
            spans=[Span(part=TextPart.BODY, block=0, start=1, end=12)],
        ),
        Quote(
            text="the mayor said, according to the minutes",
            kind=QuoteKind.INDIRECT,
            spans=[Span(part=TextPart.BODY, block=0, start=14, end=54)],
        ),
        Quote(
            text="We waited long enough. Now we build.",
            kind=QuoteKind.MIXED,
            spans=[
                Span(part=TextPart.BODY, block=3, item=0, start=0, end=22),
                Span(part=TextPart.BODY, block=3, item=1, start=0, end=13),
            ],
        ),
        Quote(text="approves", spans=[Span(part=TextPart.HEADLINE, start=8, end=16)]),
    ],
    comments=CommentThread(
        comments=[
            Comment(
                text="Finally!",
                id="c1",
                author="reader",
                author_url="https://example.org/u/reader",
                published=dt.date(2026, 11, 26),
                url="https://example.org/c1",
                replies=[Comment(text="Agreed.", published=dt.datetime(2026, 11, 27, tzinfo=ZONE))],
            )
        ],
        total=12,
        url="https://example.org/news/bridge#comments",
        open=False,
    ),
    rights="© 2026 Example Times",
    corrections=[
        Correction(text="An earlier version misstated the vote.", published=dt.date(2026, 11, 27))
    ],
)

HAND_WRITTEN = {
    "full": FULL,
    "minimal": Article(headline="Just a headline"),
    "date only": Article(
        headline="Day", published=dt.date(2026, 1, 2), modified=dt.date(2026, 1, 3)
    ),
    "empty comment thread": Article(headline="Quiet", comments=CommentThread()),
    "crossing marks": Article(
        headline="Crossing",
        body=[
            Paragraph(
                text="abcdefghij",
                links=[Link(start=2, end=6, url="https://example.org/a")],
            )
        ],
        quotes=[
            Quote(text="efghi", spans=[Span(part=TextPart.BODY, block=0, start=4, end=9)]),
            Quote(text="abcdefghij", spans=[Span(part=TextPart.BODY, block=0, start=0, end=10)]),
            Quote(text="d", spans=[Span(part=TextPart.BODY, block=0, start=3, end=4)]),
        ],
    ),
    "white space kept": Article(
        headline="  padded headline  ",
        standfirst="two  spaces\nand a line",
        body=[Paragraph(text=" lead\u00a0space "), ListBlock(items=["  x  "])],
    ),
    "offset with seconds": Article(
        headline="Odd zone",
        published=dt.datetime(1900, 1, 1, tzinfo=dt.timezone(dt.timedelta(seconds=3723))),
    ),
    # Characters XML cannot hold, tabs in names, overlapping links and URIs anyURI refuses:
    # the standard elements get cleaned copies and nm:json keeps the article exactly.
    "beyond XML": Article(
        headline="nul\x00 and bell\x07",
        keywords=["tab\tbed"],
        bylines=[Byline(name="Line\nBreak", url="http://a b/%zz")],
        body=[
            Paragraph(
                text="overlapping links",
                links=[
                    Link(start=0, end=11, url="https://example.org/1"),
                    Link(start=5, end=17, url="https://example.org/2"),
                ],
            ),
            Paragraph(text="bad uri", links=[Link(start=0, end=3, url="%zz#a#b")]),
            Figure(image=Image(url="[weird]")),
        ],
        comments=CommentThread(comments=[Comment(text="\ud800 lone surrogate")]),
    ),
    "odd uris in metadata": Article(
        headline="URIs",
        publisher=Organization(name="P", url="not a uri%"),
        images=[Image(url="a#b#c")],
    ),
}


@pytest.mark.parametrize("name", sorted(HAND_WRITTEN))
def test_hand_written_articles_round_trip(name: str) -> None:
    """Every hand-written article, including the awkward ones, comes back equal."""
    article = HAND_WRITTEN[name]
    assert article == newsml.loads(newsml.to_bytes(article))


@pytest.mark.parametrize("name", sorted(HAND_WRITTEN))
def test_hand_written_articles_validate(name: str, schema: etree.XMLSchema) -> None:
    """Every hand-written article's item is valid NewsML-G2 2.35 with a strict XHTML body."""
    assert_valid(schema, newsml.to_bytes(HAND_WRITTEN[name]))


@settings(max_examples=200)
@given(articles())
def test_round_trip(article: Article) -> None:
    """loads(dumps(a)) == a for every generated article, through the XML elements alone.

    Generated text is printable, so no article needs the nm:json copy: the round trip goes
    through the standard elements, the XHTML body and the nm extensions.
    """
    data = newsml.to_bytes(article)
    assert b"<nm:json>" not in data
    assert article == newsml.loads(data)


@settings(max_examples=200)
@given(article=articles())
def test_every_output_validates(schema: etree.XMLSchema, article: Article) -> None:
    """The schema (envelope and XHTML body) accepts whatever dumps writes."""
    assert_valid(schema, newsml.to_bytes(article))


def test_the_shared_validator_agrees(shared: Path, tmp_path: Path) -> None:
    """``tools/newsml-validate`` itself accepts the full hand-written article."""
    path = tmp_path / "full.xml"
    path.write_bytes(newsml.to_bytes(FULL))
    tool = shared / "tools" / "newsml-validate"
    result = subprocess.run(
        [sys.executable, str(tool), str(path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("VALID")


# --- what the standard elements say -----------------------------------------------------------


def test_standard_elements_carry_the_article() -> None:
    """Consumers that ignore our namespace still find the article in NewsML-G2's own elements."""
    item = etree.fromstring(newsml.to_bytes(FULL))
    meta, content = item.find(f"{NAR}itemMeta"), item.find(f"{NAR}contentMeta")
    assert meta is not None
    assert content is not None
    assert item.get("guid") == "urn:example:bridge-1"
    assert item.get("standardversion") == "2.35"
    assert item.get("conformance") == "power"
    assert item.get("{http://www.w3.org/XML/1998/namespace}lang") == "en-GB"
    assert meta.findtext(f"{NAR}versionCreated") == "2026-11-26T11:00:00.250000+00:00"
    assert meta.findtext(f"{NAR}firstCreated") == "2026-11-26T09:30:00-05:00"
    assert meta.findtext(f"{NAR}provider/{NAR}name") == "Example Times"
    link = meta.find(f"{NAR}link")
    assert link is not None
    assert (link.get("rel"), link.get("href")) == (
        "irel:associatedWith",
        "https://example.org/lead.jpg",
    )
    assert item.findtext(f"{NAR}rightsInfo/{NAR}copyrightNotice") == "© 2026 Example Times"
    assert content.findtext(f"{NAR}headline") == "Council approves the bridge"
    assert content.findtext(f"{NAR}description[@role='drol:summary']") == FULL.standfirst
    assert content.findtext(f"{NAR}contentCreated") == "2026-11-26T09:30:00-05:00"
    assert content.findtext(f"{NAR}located/{NAR}name") == "WASHINGTON"
    assert (
        "".join(content.find(f"{NAR}dateline").itertext()) == "WASHINGTON, Nov. 26, 2026 (Reuters)"
    )
    assert content.findtext(f"{NAR}by") == "By Jane Doe, Staff Writer and Reuters"
    creators = content.findall(f"{NAR}creator")
    assert [c.findtext(f"{NAR}name") for c in creators] == ["Jane Doe", "Reuters"]
    assert [c.get("type") for c in creators] == ["cpnat:person", "cpnat:organisation"]
    assert creators[0].get("jobtitle") == "nmjob:Staff%20Writer"
    assert creators[0].findtext(f".//{NAR}affiliation/{NAR}name") == "Reuters"
    assert content.find(f"{NAR}language").get("tag") == "en-GB"
    assert content.find(f"{NAR}genre").get("qcode") == "genre:Current"
    assert [k.text for k in content.findall(f"{NAR}keyword")] == ["bridge", "council"]
    assert content.findtext(f"{NAR}subject/{NAR}name") == "Local"
    assert content[-1].tag == f"{NM}article"


def test_body_is_xhtml_with_quote_ids() -> None:
    """The body uses p, h1-h6, blockquote, ol/ul, q with ids, a, and figures in divs."""
    item = etree.fromstring(newsml.to_bytes(FULL))
    body = item.find(f"{NAR}contentSet/{NAR}inlineXML/{XH}html/{XH}body")
    assert body is not None
    assert [etree.QName(child).localname for child in body] == [
        "p", "h2", "h1", "blockquote", "ol", "ul", "div", "div",
    ]  # fmt: skip
    first = body[0]
    assert "".join(first.itertext()) == FULL.body[0].text  # type: ignore[union-attr]
    q = first.find(f".//{XH}q")
    assert q is not None
    assert q.get("id") == "nm-q0-0"
    assert q.text == "It is done,"
    indirect = first.find(f".//{XH}span[@class='quote-indirect']")
    assert indirect is not None
    assert indirect.get("id") == "nm-q1-0"
    a = first.find(f".//{XH}a")
    assert a is not None
    assert a.get("href") == "https://example.org/minutes"
    img = body[6].find(f"{XH}img")
    assert img is not None
    assert img.get("alt") == "A rusty bridge"
    assert img.get("width") == "1200"
    assert body[7].find(f"{XH}img").get("alt") == ""


def test_crossing_marks_are_split_into_fragments() -> None:
    """Quote spans that cross a link become several q elements with distinct ids."""
    item = etree.fromstring(newsml.to_bytes(HAND_WRITTEN["crossing marks"]))
    ids = [q.get("id") for q in item.iter(f"{XH}q")]
    assert len(ids) == len(set(ids)) > 3
    p = next(item.iter(f"{XH}p"))
    assert "".join(p.itertext()) == "abcdefghij"


def test_json_copy_only_when_xml_cannot_hold_the_article() -> None:
    """nm:json appears for articles XML cannot carry exactly, and for no others."""
    for name, article in HAND_WRITTEN.items():
        item = etree.fromstring(newsml.to_bytes(article))
        carried = item.find(f"{NAR}contentMeta/{NM}article/{NM}json")
        assert (carried is not None) == (name == "beyond XML"), name
    beyond = etree.fromstring(newsml.to_bytes(HAND_WRITTEN["beyond XML"]))
    assert beyond.findtext(f"{NAR}contentMeta/{NAR}headline") == "nul\ufffd and bell\ufffd"
    assert beyond.findtext(f"{NAR}contentMeta/{NAR}keyword") == "tab bed"


@pytest.mark.parametrize("wide", ["", "\u00e9", "\u20ac", "\U0001f600"])
def test_every_character_xml_refuses_is_caught_in_text_of_any_width(wide: str) -> None:
    """The writer's check for characters XML cannot hold (on the encoded item) finds the
    same characters as the NOT_XML pattern, in text stored one, two or four bytes wide."""
    points = [*range(0x100), *range(0xD7F0, 0xE010), *range(0xFFF0, 0x10000), 0x10FFFF]
    for point in points:
        text = f"a{wide}{chr(point)}b"
        assert (xml_utf8(text) is None) == (NOT_XML.search(text) is not None), hex(point)
    assert xml_utf8(f"plain {wide}") == f"plain {wide}".encode()


def test_guid_without_an_id_is_stable_and_not_read_as_an_id() -> None:
    """An article without an id gets a derived URN guid, which loads back as no id."""
    article = Article(headline="h", url="https://example.org/x")
    first, second = newsml.to_bytes(article), newsml.to_bytes(article)
    assert etree.fromstring(first).get("guid") == etree.fromstring(second).get("guid")
    assert etree.fromstring(first).get("guid").startswith("urn:newsmodel:url:")
    assert newsml.loads(first).id is None


def test_version_created_defaults_to_now_or_the_given_time() -> None:
    """NewsML-G2 requires versionCreated: the article's time, else the caller's, else now."""
    when = dt.datetime(2020, 5, 5, tzinfo=dt.timezone.utc)
    item = etree.fromstring(newsml.to_bytes(Article(headline="h"), version_created=when))
    assert item.findtext(f"{NAR}itemMeta/{NAR}versionCreated") == "2020-05-05T00:00:00+00:00"


# --- reading others' NewsML-G2 ----------------------------------------------------------------


def _examples(shared: Path) -> list[Path]:
    return sorted((shared / "newsml-g2" / "examples").glob("*.xml"))


def test_every_iptc_example_loads(shared: Path) -> None:
    """Every news item among IPTC's examples loads into an article without error."""
    examples = _examples(shared)
    assert len(examples) >= 9
    for path in examples:
        with warnings.catch_warnings():
            # Two examples have no title-like text; that they warn is tested below.
            warnings.simplefilter("ignore", GuessWarning)
            articles_read = newsml.loads_all(path.read_bytes())
        assert len(articles_read) == 1, path.name
        assert articles_read[0].headline.strip(), path.name


def test_listing_1(shared: Path) -> None:
    """LISTING_1: headline, language from xml:lang, dates, the creator, no body (only comments)."""
    path = shared / "newsml-g2" / "examples" / "LISTING_1_A_NewsML-G2_News_Item.xml"
    article = newsml.loads(path.read_bytes())
    zone = dt.timezone(dt.timedelta(hours=-5))
    assert article.headline == 'Fed to halt QE to avert "bubble"'
    assert article.language == "en-GB"
    assert article.published == dt.datetime(2016, 10, 18, 13, 12, 21, tzinfo=zone)
    assert article.modified == dt.datetime(2018, 10, 21, 16, 22, 45, tzinfo=zone)
    assert article.bylines == (
        Byline(name="Meredith Jameson", url="http://www.example.com/staff/mjameson"),
    )
    assert article.dateline == Dateline(place="Berlin")
    assert article.genre == "Interview"
    assert article.id == "urn:newsml:acmenews.com:20161018:US-FINANCE-FED"
    assert article.rights == "Copyright 2017-18 Example Enews LLP, all rights reserved"
    assert article.body == ()


def test_listing_2(shared: Path) -> None:
    """LISTING_2: an NITF body, and the NITF byline's title joined to the creator."""
    path = shared / "newsml-g2" / "examples" / "LISTING_2_NewsML-G2_Text_Document.xml"
    article = newsml.loads(path.read_bytes())
    zone = dt.timezone(dt.timedelta(hours=-5))
    assert article.headline == 'Fed to halt QE to avert "bubble"'
    assert article.language == "en-US"
    assert article.published == dt.datetime(2016, 11, 21, 15, 21, 6, tzinfo=zone)
    assert article.modified == dt.datetime(2018, 11, 21, 16, 22, 45, tzinfo=zone)
    assert [(b.name, b.role) for b in article.bylines] == [("Meredith Jameson", "Staff Reporter")]
    assert article.dateline == Dateline(place="New York, NY")
    assert len(article.body) == 2
    assert all(isinstance(block, Paragraph) for block in article.body)
    assert article.text.startswith("(New York, NY - October 21) Et, sent luptat luptat, commy Nim")
    assert article.text.endswith("esto cons dolutpat, si.")
    assert "  " not in article.text


def test_listing_22(shared: Path) -> None:
    """LISTING_22: a sports preview with a summary, genre and six NITF paragraphs."""
    path = shared / "newsml-g2" / "examples" / "LISTING_22_Sports_story_in_NewsML-G2NITF.xml"
    article = newsml.loads(path.read_bytes())
    assert article.headline == (
        "Preview: Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05 p.m."
    )
    assert article.language == "en-US"
    assert article.published == dt.datetime(
        2016, 10, 19, 11, 15, tzinfo=dt.timezone(dt.timedelta(hours=-5))
    )
    assert article.modified == dt.datetime(
        2018, 10, 19, 11, 45, tzinfo=dt.timezone(dt.timedelta(hours=-4))
    )
    assert [b.name for b in article.bylines] == ["The Sports Network"]
    assert article.genre == "Game Preview"
    assert article.standfirst is not None
    assert article.standfirst.startswith("A pair of teams coming off")
    assert len(article.body) == 6
    assert article.body[0] == Paragraph(
        text="(Sports Network) - A pair of teams coming off big weekend sweeps will square off"
        " tonight at Citizens Bank Park, where the Philadelphia Phillies welcome the Arizona"
        " Diamondbacks for the start of a three-game series."
    )
    assert "Ryan Howard flashed some of the power" in article.text


def test_items_without_a_headline_fall_back(shared: Path) -> None:
    """An item with no headline, slugline or title is named by its guid, with a warning."""
    path = shared / "newsml-g2" / "examples" / "LISTING_29_Hop_History.xml"
    with pytest.warns(GuessWarning, match="no headline"):
        article = newsml.loads(path.read_bytes())
    assert article.headline == "urn:newsml:acmenews.com:20161019T1205:HOP-HISTORY-EXAMPLE"


def test_foreign_time_without_a_zone_keeps_its_day() -> None:
    """Another system's zoneless time keeps its day with a warning, as on web pages."""
    data = f"""<newsItem xmlns="{NAR[1:-1]}" guid="g" version="1" standard="NewsML-G2"
      standardversion="2.35"><itemMeta><itemClass qcode="ninat:text"/><provider literal="x"/>
      <versionCreated>2020-01-02T10:30:00</versionCreated><firstCreated>2020-01-01T09:00:00
      </firstCreated></itemMeta><contentMeta><headline>Bridge reopens</headline></contentMeta>
      </newsItem>"""
    with pytest.warns(GuessWarning, match="without a time zone"):
        article = newsml.loads(data)
    assert (article.published, article.modified) == (dt.date(2020, 1, 1), dt.date(2020, 1, 2))


def test_foreign_xhtml_body_with_links() -> None:
    """A bare XHTML body from another system: paragraphs, headings, lists and links, tidied."""
    data = f"""<newsItem xmlns="{NAR[1:-1]}" guid="g" version="1" standard="NewsML-G2"
      standardversion="2.35"><itemMeta><itemClass qcode="ninat:text"/><provider literal="x"/>
      <versionCreated>2020-01-01T00:00:00Z</versionCreated></itemMeta>
      <contentMeta><headline>  Spaced
      out </headline></contentMeta><contentSet><inlineXML>
      <html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head><body>
        <h2> Sub </h2><div><p>Read   <a href="https://e.org/x">the <b>report</b></a>  now.</p></div>
        <ul><li>one</li><li> two </li></ul><blockquote><p>Said it.</p></blockquote>
        <img src="https://e.org/i.jpg" alt="pic"/>
      </body></html></inlineXML></contentSet></newsItem>"""
    article = newsml.loads(data)
    assert article.headline == "Spaced out"
    assert article.modified == dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc)
    assert article.body == (
        Heading(text="Sub"),
        Paragraph(
            text="Read the report now.", links=[Link(start=5, end=15, url="https://e.org/x")]
        ),
        ListBlock(items=["one", "two"]),
        BlockQuote(paragraphs=["Said it."]),
        Figure(image=Image(url="https://e.org/i.jpg", alt="pic")),
    )


# --- messages, encodings, sniffing ------------------------------------------------------------


def _message(*items: bytes) -> bytes:
    inner = b"".join(item.split(b"?>", 1)[1] for item in items)
    return (
        b'<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><header>'
        b"<sent>2026-11-26T12:00:00Z</sent></header><itemSet>" + inner + b"</itemSet></newsMessage>"
    )


def test_loads_all_reads_every_item_of_a_message() -> None:
    """loads_all returns every newsItem of a newsMessage, in order."""
    first, second = Article(headline="One"), HAND_WRITTEN["date only"]
    message = _message(newsml.to_bytes(first), newsml.to_bytes(second))
    assert newsml.loads_all(message) == (first, second)
    assert newsml.loads_all(newsml.to_bytes(first)) == (first,)


def test_loads_refuses_a_message_with_several_items() -> None:
    """loads wants exactly one item and points to loads_all otherwise."""
    message = _message(
        newsml.to_bytes(Article(headline="One")), newsml.to_bytes(Article(headline="Two"))
    )
    with pytest.raises(ParseError, match="loads_all"):
        newsml.loads(message)
    assert newsml.loads(_message(newsml.to_bytes(Article(headline="One")))).headline == "One"


def test_text_gzip_and_utf16_inputs() -> None:
    """str, gzip-compressed bytes and UTF-16 bytes all read the same article."""
    data = newsml.to_bytes(FULL)
    assert newsml.loads(data.decode("utf-8")) == FULL
    assert newsml.loads(gzip.compress(data)) == FULL
    text = data.decode("utf-8").replace("encoding='UTF-8'", "encoding='UTF-16'")
    assert newsml.loads(text.encode("utf-16")) == FULL


def test_sniff() -> None:
    """sniff recognises items and messages, and nothing else."""
    assert newsml.sniff(newsml.to_bytes(Article(headline="h"))[:4096])
    assert newsml.sniff(_message(newsml.to_bytes(Article(headline="h")))[:200])
    assert not newsml.sniff(b'<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>')
    assert not newsml.sniff(b'{"newsmodel": "1.0"}')


# --- strict reading ---------------------------------------------------------------------------


def test_not_newsml_is_refused() -> None:
    """Another XML vocabulary is a ParseError naming the root element."""
    with pytest.raises(ParseError, match="<rss>"):
        newsml.loads(b"<rss><channel/></rss>")


def test_malformed_xml_names_the_line() -> None:
    """Broken XML is a ParseError with the line and column."""
    with pytest.raises(ParseError) as caught:
        newsml.loads(b"<newsItem>\n<itemMeta>\n</newsItem>")
    assert caught.value.line == 3


def test_bad_extension_values_are_errors_with_a_path() -> None:
    """A broken value in our own namespace is a ParseError with its XML path, never a guess."""
    data = newsml.to_bytes(FULL).replace(b'start="14" end="23"', b'start="x" end="23"', 1)
    with pytest.raises(ParseError) as caught:
        newsml.loads(data)
    assert caught.value.path is not None
    assert caught.value.path.endswith("nm:sourceSpan/@start")
    broken_span = newsml.to_bytes(FULL).replace(b'start="14" end="23"', b'start="30" end="23"', 1)
    with pytest.raises(ParseError, match="span ends"):
        newsml.loads(broken_span)


def test_output_is_deterministic() -> None:
    """The same article always gives the same bytes (when it has a time of its own)."""
    assert newsml.to_bytes(FULL) == newsml.to_bytes(attrs.evolve(FULL))


def test_a_broken_json_copy_is_an_error_at_its_element_and_json_path() -> None:
    """An error in the nm:json copy names the element's XML path and line, then the JSON path."""
    data = newsml.to_bytes(HAND_WRITTEN["beyond XML"])
    broken = data.replace(b'"headline":"nul', b'"headline":7,"x":"', 1)
    with pytest.raises(ParseError) as caught:
        newsml.loads(broken)
    line = next(
        number for number, text in enumerate(broken.splitlines(), start=1) if b"<nm:json>" in text
    )
    assert caught.value.path == "/newsItem/contentMeta/nm:article/nm:json $.headline"
    assert (caught.value.line, caught.value.column) == (line, None)
