"""One body markup, every way in: each format that carries (X)HTML reads it to the same blocks.

NewsML-G2's inlineXML, ninjs' XHTML and HTML bodies, Atom's xhtml and html content, RSS's
``content:encoded``, WordPress exports and NewsML 1's XHTML content all go through one reader,
and NITF's ``body.content`` through the same rules in NITF's own element names. The markup
below uses each rule once: links, headings, a quote with its source and address, lists, a
table, a figure with caption and credit, a figure box as NewsML-G2 writes it, nested
containers and text loose between blocks.
"""

from __future__ import annotations

import html
import json
import warnings
from collections.abc import Callable

import pytest

from newsmodel import (
    Article,
    BlockQuote,
    Figure,
    Heading,
    Image,
    Link,
    ListBlock,
    Paragraph,
    feeds,
    newsml,
    newsml1,
    ninjs,
    nitf,
    wxr,
)

XHTML = "http://www.w3.org/1999/xhtml"

MARKUP = (
    '<p>The <a href="https://example.org/council" title="Council">council</a> met.</p>'
    "<h2>The vote</h2>"
    '<blockquote cite="https://example.org/speech"><p>We will build it.</p>'
    "<footer>\u2014 <cite>Mayor Jane Doe</cite></footer></blockquote>"
    "<ul><li>One</li><li>Two <b>more</b></li></ul>"
    "<ol><li>First</li></ol>"
    "<table><tr><th>Seats</th><td>12</td></tr><tr><td>Votes</td><td>9</td></tr></table>"
    '<figure><img src="https://example.org/a.jpg" alt="The bridge" width="640" height="480"/>'
    '<figcaption>The old bridge</figcaption><small class="credit">J. Roe</small></figure>'
    '<div class="figure"><img src="https://example.org/b.jpg" alt=""/>'
    '<p class="caption">The new bridge</p></div>'
    "<div><section><p>Deep inside.</p></section>Loose <i>words</i> here.</div>"
    "<hr/><pre>  kept   as one  </pre>"
)

EXPECTED = (
    Paragraph(
        text="The council met.",
        links=[Link(start=4, end=11, url="https://example.org/council", title="Council")],
    ),
    Heading(text="The vote", level=2),
    BlockQuote(
        paragraphs=["We will build it."],
        cite="https://example.org/speech",
        source="Mayor Jane Doe",
    ),
    ListBlock(items=["One", "Two more"]),
    ListBlock(items=["First"], ordered=True),
    Paragraph(text="Seats | 12"),
    Paragraph(text="Votes | 9"),
    Figure(
        image=Image(
            url="https://example.org/a.jpg",
            alt="The bridge",
            caption="The old bridge",
            credit="J. Roe",
            width=640,
            height=480,
        )
    ),
    Figure(image=Image(url="https://example.org/b.jpg", caption="The new bridge")),
    Paragraph(text="Deep inside."),
    Paragraph(text="Loose words here."),
    Paragraph(text="kept as one"),
)


def _newsml_g2(markup: str) -> Article:
    return newsml.loads(
        '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g" version="1"'
        ' standard="NewsML-G2" standardversion="2.35"><itemMeta><itemClass qcode="ninat:text"/>'
        '<provider literal="x"/><versionCreated>2020-01-01T00:00:00Z</versionCreated>'
        "</itemMeta><contentMeta><headline>H</headline></contentMeta><contentSet><inlineXML>"
        f'<html xmlns="{XHTML}"><head><title>H</title></head><body>{markup}</body></html>'
        "</inlineXML></contentSet></newsItem>"
    )


def _ninjs(content_type: str) -> Callable[[str], Article]:
    def read(markup: str) -> Article:
        body = {"role": "richtext", "contentType": content_type, "value": markup}
        document = {"uri": "urn:x", "headlines": [{"value": "H"}], "bodies": [body]}
        return ninjs.loads(json.dumps(document))

    return read


def _atom(kind: str) -> Callable[[str], Article]:
    def read(markup: str) -> Article:
        if kind == "xhtml":
            content = f'<content type="xhtml"><div xmlns="{XHTML}">{markup}</div></content>'
        else:
            content = f'<content type="html">{html.escape(markup)}</content>'
        (article,) = feeds.loads_all(
            '<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><id>urn:f</id>'
            "<updated>2026-05-02T10:00:00Z</updated><entry><title>H</title><id>urn:e</id>"
            f"<updated>2026-05-02T10:00:00Z</updated>{content}</entry></feed>"
        )
        return article

    return read


def _rss(markup: str) -> Article:
    (article,) = feeds.loads_all(
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        "<title>F</title><link>https://example.org/</link><description>d</description><item>"
        f"<title>H</title><content:encoded><![CDATA[{markup}]]></content:encoded>"
        "</item></channel></rss>"
    )
    return article


def _wxr(markup: str) -> Article:
    (article,) = wxr.loads_all(
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"'
        ' xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>B</title>'
        "<wp:wxr_version>1.2</wp:wxr_version><item><title>H</title>"
        f"<content:encoded><![CDATA[{markup}]]></content:encoded>"
        "<wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type>"
        "<wp:status>publish</wp:status></item></channel></rss>"
    )
    return article


def _newsml1(markup: str) -> Article:
    (article,) = newsml1.loads_all(
        '<NewsML Version="1.2"><NewsItem><NewsComponent><NewsLines><HeadLine>H</HeadLine>'
        '</NewsLines><ContentItem><MediaType FormalName="Text"/>'
        '<MimeType FormalName="application/xhtml+xml"/><DataContent>'
        f'<html xmlns="{XHTML}"><body>{markup}</body></html>'
        "</DataContent></ContentItem></NewsComponent></NewsItem></NewsML>"
    )
    return article


READERS: dict[str, Callable[[str], Article]] = {
    "newsml-g2 inlineXML": _newsml_g2,
    "ninjs xhtml": _ninjs("application/xhtml+xml"),
    "ninjs html": _ninjs("text/html"),
    "atom xhtml": _atom("xhtml"),
    "atom html": _atom("html"),
    "rss content:encoded": _rss,
    "wordpress export": _wxr,
    "newsml 1 xhtml": _newsml1,
}


@pytest.mark.parametrize("reader", READERS.values(), ids=list(READERS))
def test_every_format_reads_the_same_markup_to_the_same_blocks(
    reader: Callable[[str], Article],
) -> None:
    """The same (X)HTML body gives the same blocks whichever format carries it."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a feed item's missing dates and the like
        assert reader(MARKUP).body == EXPECTED


NITF_MARKUP = (
    '<p>The <a href="https://example.org/council" title="Council">council</a> met.</p>'
    "<hl2>The vote</hl2>"
    '<bq><block><p>We will build it.</p></block><credit><a href="https://example.org/speech">'
    "Mayor Jane Doe</a></credit></bq>"
    "<ul><li>One</li><li>Two <em>more</em></li></ul>"
    "<ol><li>First</li></ol>"
    "<table><tr><th>Seats</th><td>12</td></tr><tr><td>Votes</td><td>9</td></tr></table>"
    '<media media-type="image"><media-reference source="https://example.org/a.jpg"'
    ' alternate-text="The bridge" width="640" height="480"/>'
    "<media-caption>The old bridge</media-caption><media-producer>J. Roe</media-producer></media>"
    '<media media-type="image"><media-reference source="https://example.org/b.jpg"/>'
    "<media-caption>The new bridge</media-caption></media>"
    "<block><block><p>Deep inside.</p></block>Loose <em>words</em> here.</block>"
    "<hr/><pre>  kept   as one  </pre>"
)


def test_nitf_markup_reads_by_the_same_rules() -> None:
    """NITF's names for the same structure (hl2, bq with a credit, media, block) give the
    same blocks as the XHTML."""
    article = nitf.loads(
        "<nitf><head><title>H</title></head><body><body.head><hedline><hl1>H</hl1></hedline>"
        f"</body.head><body.content>{NITF_MARKUP}</body.content></body></nitf>"
    )
    assert article.body == EXPECTED


@pytest.mark.parametrize(
    ("name", "write", "read"),
    [
        ("newsml-g2", newsml.dumps, newsml.loads),
        ("ninjs", ninjs.dumps, ninjs.loads),
        ("nitf", nitf.dumps, nitf.loads),
    ],
)
def test_each_writer_output_reads_back_through_the_one_reader(
    name: str, write: Callable[[Article], str], read: Callable[[str], Article]
) -> None:
    """What each writer makes of these blocks, the shared reader gives back exactly."""
    article = Article(headline="H", body=EXPECTED)
    assert read(write(article)).body == EXPECTED, name
