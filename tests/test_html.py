"""The HTML parser on small hand-made pages, one construction at a time."""

from __future__ import annotations

import datetime as dt
import json as std_json
import warnings

import pytest

from newsmodel import (
    Article,
    BlockQuote,
    Byline,
    BylineKind,
    Dateline,
    ExtractionError,
    Figure,
    GuessWarning,
    Heading,
    ListBlock,
    Paragraph,
    html,
)
from newsmodel import json as news_json
from newsmodel._extract.common.ldjson import load_block
from newsmodel._extract.html.encoding import decode_html
from newsmodel._extract.html.metadata.read import merge_bylines

PROSE = (
    "The city council voted on Tuesday to reopen the old river bridge to cyclists and"
    " pedestrians, ending a closure that had lasted almost three years."
)
PROSE_2 = (
    "Engineers said the repairs, which cost more than four million dollars, had made the"
    " structure safer than at any time since it was first built in the last century."
)
PROSE_3 = (
    "Residents who had campaigned for the reopening gathered at the east end of the bridge,"
    " where the mayor thanked them for their patience during the long works."
)


def page(head: str = "", body: str = "", *, lang: str = "en") -> str:
    """A page with the given head and an article of three paragraphs plus ``body``."""
    return f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">
<title>Bridge reopens to cyclists | The Daily Example</title>{head}</head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<article><h1>Bridge reopens to cyclists</h1>
<div class="article-body"><p>{PROSE}</p><p>{PROSE_2}</p>{body}<p>{PROSE_3}</p></div>
</article>
<aside class="related"><h3>Related</h3><ul><li><a href="/a">Another story</a></li></ul></aside>
<footer><p>Copyright The Daily Example. All rights reserved.</p></footer></body></html>"""


def parse(text: str | bytes, url: str | None = None) -> Article:
    """Parse, failing the test on any warning."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return html.parse(text, url=url)


# --- body --------------------------------------------------------------------------------------


def test_body_keeps_paragraphs_and_drops_boilerplate() -> None:
    """The article's paragraphs come out; navigation, related links and footer do not."""
    article = parse(page())
    assert [p.text for p in article.body if isinstance(p, Paragraph)] == [PROSE, PROSE_2, PROSE_3]
    assert "Home" not in article.text
    assert "Another story" not in article.text
    assert "Copyright" not in article.text


def test_body_structure() -> None:
    """Subheadings, block quotes, lists, figures and inline links are kept as structure."""
    body = """
<h2>What changes</h2>
<blockquote cite="https://example.org/speech"><p>We kept our promise.</p><p>It is safe.</p>
</blockquote>
<ul><li>Cyclists may ride both ways.</li><li>Pedestrians keep the north walk.</li></ul>
<figure><img src="/bridge.jpg" alt="The bridge"><figcaption>The bridge at dawn.
<span class="credit">Photo: Jane Roe</span></figcaption></figure>
<p>Read the <a href="https://example.org/report" title="the report">full engineering report</a>
for the details of the works and the new lighting.</p>"""
    article = parse(page(body=body))
    assert Heading(text="What changes", level=2) in article.body
    assert (
        BlockQuote(
            paragraphs=("We kept our promise.", "It is safe."), cite="https://example.org/speech"
        )
        in article.body
    )
    assert (
        ListBlock(items=("Cyclists may ride both ways.", "Pedestrians keep the north walk."))
        in article.body
    )
    figure = next(b for b in article.body if isinstance(b, Figure))
    assert figure.image.url == "/bridge.jpg"
    assert figure.image.caption == "The bridge at dawn."
    assert figure.image.credit == "Photo: Jane Roe"
    assert figure.image.alt == "The bridge"
    linked = next(b for b in article.body if isinstance(b, Paragraph) and b.links)
    link = linked.links[0]
    assert linked.text[link.start : link.end] == "full engineering report"
    assert link.url == "https://example.org/report"


@pytest.mark.parametrize(
    "inside",
    [
        '<img src="/bridge.jpg" alt="The bridge">',
        '<noscript><img src="/bridge.jpg" alt="The bridge"></noscript>',
        '<div><div><noscript><img src="/bridge.jpg" alt="The bridge"></noscript></div></div>',
        '<div><img hidden src="/bridge.jpg" alt="The bridge"></div>',
        '<div><nav><img src="/bridge.jpg" alt="The bridge"></nav></div>',
    ],
)
def test_a_figure_without_text_is_kept_for_its_image(inside: str) -> None:
    """A box with no text keeps its image, wherever in the box the image sits (a lazy-loading
    fallback in ``<noscript>``, a hidden one, wrappers around it); an empty box is dropped."""
    article = parse(page(body=f"<figure>{inside}</figure><div><span></span></div>"))
    figures = [b for b in article.body if isinstance(b, Figure)]
    assert [figure.image.url for figure in figures] == ["/bridge.jpg"]
    assert len(article.body) == 4


def test_relative_urls_resolved_against_the_page() -> None:
    """Relative link and image URLs become absolute when the page's URL is known."""
    body = """<figure><img src="/img/bridge.jpg"></figure>
<p>Read the <a href="../report.html">full engineering report</a> for the details of the works
and of the new lighting on the bridge.</p>"""
    article = parse(page(body=body), url="https://example.org/news/bridge.html")
    figure = next(b for b in article.body if isinstance(b, Figure))
    assert figure.image.url == "https://example.org/img/bridge.jpg"
    linked = next(b for b in article.body if isinstance(b, Paragraph) and b.links)
    assert linked.links[0].url == "https://example.org/report.html"


def test_dateline_read_and_kept_in_the_text() -> None:
    """A dateline opening the first paragraph is read; the paragraph keeps its words."""
    article = parse(page().replace(f"<p>{PROSE}", f"<p>WASHINGTON (AP) — {PROSE}"))
    assert article.dateline == Dateline(place="WASHINGTON", agency="AP")
    assert article.text.startswith("WASHINGTON (AP) — The city council")


def test_body_ignores_scripts_styles_templates_and_hidden() -> None:
    """Nothing from scripts, styles, templates or hidden elements reaches the text."""
    body = """<script>var secret = "script text";</script><style>p { color: red }</style>
<template><p>Template text that is never shown to readers of the page at all.</p></template>
<p hidden>Hidden paragraph that readers never see on the page at all, by attribute.</p>
<p style="display: none">Styled away paragraph that nobody sees on the page either.</p>
<noscript>Please enable JavaScript to read the rest of this page properly.</noscript>"""
    text = parse(page(body=body)).text
    for fragment in ("script text", "color", "Template", "Hidden", "Styled", "JavaScript"):
        assert fragment not in text


def test_body_drops_share_bars_and_newsletter_boxes() -> None:
    """Regions named like boilerplate inside the article are left out."""
    body = """<div class="share-bar"><a href="#">Share on Facebook</a> <span>Share this story
with your friends and family today by email</span></div>
<div class="newsletter-signup"><p>Sign up for our morning newsletter and get the news
delivered to your inbox every single day of the week.</p></div>
<p>Advertisement</p>"""
    text = parse(page(body=body)).text
    assert "Share" not in text
    assert "newsletter" not in text
    assert "Advertisement" not in text


def test_article_split_by_an_ad_is_whole() -> None:
    """Text on both sides of an advertisement in the middle of the article is kept."""
    body = f"""<div class="ad-slot"><p>Advertisement</p><a href="/buy">Buy now</a></div>
</div><div class="article-body"><p>{PROSE_2} Second part.</p><p>{PROSE} Second part.</p>"""
    text = parse(page(body=body)).text
    assert PROSE_2 + " Second part." in text
    assert PROSE_3 in text
    assert "Buy now" not in text


def test_long_comment_section_does_not_win() -> None:
    """A comment section with more text than the article is still not the article."""
    comment = (
        "<li class='comment'><div class='comment-body'><p>I have lived near this bridge for"
        " forty years and I can tell you that the works were loud, slow and far too expensive"
        " for what they achieved, but I am glad it is open again.</p></div></li>"
    )
    section = f"<section id='comments'><ol class='comment-list'>{comment * 12}</ol></section>"
    article = parse(page().replace("</article>", "</article>" + section))
    assert PROSE in article.text
    assert "forty years" not in article.text


def test_teaser_feed_does_not_win() -> None:
    """A feed of teaser cards, each with a summary, does not beat the article."""
    card = (
        "<div class='card'><div class='card-inner'><h3><a href='/x'>Another story title"
        "</a></h3><div class='summary'><p>A summary of another story that is long enough to"
        " read like prose, with a clause or two, and a full stop at the end.</p></div></div>"
        "</div>"
    )
    feed = f"<section><div class='grid'>{card * 8}</div></section>"
    article = parse(page().replace("</article>", "</article>" + feed))
    assert article.text == "\n".join([PROSE, PROSE_2, PROSE_3])


def test_table_layout_with_line_breaks() -> None:
    """Old table layouts with ``<br>``-separated text are read."""
    text = (
        "<html lang='en'><head><title>Old page</title></head><body><table><tr><td><a href='/'>Home</a>"
        f"</td><td>{PROSE}<br><br>{PROSE_2}<br><br>{PROSE_3}</td></tr></table></body></html>"
    )
    article = parse(text)
    assert PROSE in article.text
    assert PROSE_3 in article.text
    assert "Home" not in article.text


def test_article_body_in_metadata_is_only_a_fallback() -> None:
    """A teaser ``articleBody`` does not replace the page's full text."""
    ld = {"@type": "NewsArticle", "headline": "Bridge reopens", "articleBody": "Teaser only."}
    head = f'<script type="application/ld+json">{std_json.dumps(ld)}</script>'
    article = parse(page(head))
    assert PROSE_3 in article.text
    assert "Teaser only." not in article.text


def test_article_body_in_metadata_fills_a_page_rendered_by_script() -> None:
    """When the page shows no text, a long ``articleBody`` is used, with a warning."""
    text_body = "\n".join([PROSE, PROSE_2, PROSE_3, PROSE])
    node = {"@type": "NewsArticle", "headline": "Bridge reopens", "articleBody": text_body}
    text = (
        '<html lang="en"><head><title>Bridge reopens</title>'
        f'<script type="application/ld+json">{std_json.dumps(node)}</script></head>'
        '<body><div id="app"></div><script>render()</script></body></html>'
    )
    with pytest.warns(GuessWarning, match="articleBody"):
        article = html.parse(text)
    assert article.text == text_body


# --- JSON-LD -----------------------------------------------------------------------------------


GRAPH = {
    "@context": "https://schema.org",
    "@graph": [
        {"@type": "WebSite", "@id": "https://example.org/#site", "name": "The Daily Example"},
        {
            "@type": ["NewsArticle", "Article"],
            "@id": "https://example.org/bridge#article",
            "headline": "Bridge reopens to cyclists after three years",
            "author": {"@id": "https://example.org/#jane"},
            "datePublished": "2019-11-19T10:00:00-05:00",
            "dateModified": "2019-11-19T12:30:00-05:00",
            "publisher": {"@id": "https://example.org/#org"},
            "commentCount": 12,
            "inLanguage": "en-US",
        },
        {"@type": "Person", "@id": "https://example.org/#jane", "name": "Jane Doe"},
        {
            "@type": "Organization",
            "@id": "https://example.org/#org",
            "name": "The Daily Example",
            "logo": {"@type": "ImageObject", "url": "https://example.org/logo.png"},
        },
    ],
}


def ld(value: object) -> str:
    return f'<script type="application/ld+json">{std_json.dumps(value)}</script>'


def test_jsonld_graph_and_id_references() -> None:
    """``@graph`` nodes and ``@id`` references across them are followed."""
    article = parse(page(ld(GRAPH)))
    assert article.headline == "Bridge reopens to cyclists after three years"
    assert article.bylines == (Byline(name="Jane Doe"),)
    assert article.published == dt.datetime(
        2019, 11, 19, 10, tzinfo=dt.timezone(dt.timedelta(hours=-5))
    )
    assert article.modified is not None
    assert article.publisher is not None
    assert article.publisher.name == "The Daily Example"
    assert article.publisher.logo == "https://example.org/logo.png"
    assert article.comments is not None
    assert article.comments.total == 12
    assert article.language == "en"


def test_jsonld_references_across_blocks_and_aliases() -> None:
    """An ``@id`` in another block resolves; ``type``/lower-case types and http contexts work."""
    person = {"@context": "http://schema.org", "@type": "Person", "@id": "#p", "name": "Ann Lee"}
    node = {
        "@context": "http://schema.org",
        "type": "newsarticle",
        "headline": "Aliased article",
        "author": [{"@id": "#p"}],
        "datePublished": "2019-11-19",
    }
    article = parse(page(ld([node]) + ld(person)))
    assert article.headline == "Aliased article"
    assert article.bylines == (Byline(name="Ann Lee"),)
    assert article.published == dt.date(2019, 11, 19)


def test_broken_jsonld_block_is_repaired_with_a_warning() -> None:
    """Trailing commas, comments, control characters and entities are repaired, with a warning."""
    broken = """<script type="application/ld+json">
{"@type": "NewsArticle", /* generated */ "headline": "Caf&eacute; owners\tprotest",
 "author": {"@type": "Person", "name": "Jane Doe",},}
</script>"""
    with pytest.warns(GuessWarning, match="repaired"):
        article = html.parse(page(broken))
    assert article.headline == "Café owners protest"
    assert article.bylines[0].name == "Jane Doe"


def test_one_broken_block_does_not_hide_its_siblings() -> None:
    """A block that cannot be read is skipped; the valid one beside it is used."""
    junk = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>'
    good = ld({"@type": "NewsArticle", "headline": "The valid one"})
    with pytest.warns(GuessWarning, match="skipped"):
        article = html.parse(page(junk + good))
    assert article.headline == "The valid one"


def test_load_jsonld_double_encoded_entities() -> None:
    """Entities encoded twice in values are decoded by the metadata reader."""
    value = load_block('{"headline": "Tom &amp;amp; Jerry"}')
    assert value == {"headline": "Tom &amp;amp; Jerry"}
    node = {"@type": "NewsArticle", "headline": "Tom &amp;amp; Jerry"}
    assert parse(page(ld(node))).headline == "Tom & Jerry"


def test_main_article_chosen_by_canonical_url() -> None:
    """With several article nodes, the one for the canonical URL is the page's article."""
    other = {"@type": "NewsArticle", "headline": "A related story", "url": "https://x.org/other"}
    main = {"@type": "NewsArticle", "headline": "The main story", "url": "https://x.org/main"}
    head = '<link rel="canonical" href="https://x.org/main">' + ld([other, main])
    assert parse(page(head)).headline == "The main story"


# --- other metadata sources --------------------------------------------------------------------


def test_opengraph_and_meta() -> None:
    """Without JSON-LD, OpenGraph, article:* and plain meta fill the metadata."""
    head = """<meta property="og:site_name" content="The Daily Example">
<meta property="article:published_time" content="2019-11-19T15:00:00Z">
<meta property="article:section" content="Local">
<meta name="author" content="By TOM KRISHER, AP Auto Writer">
<meta name="keywords" content="bridges, cycling">
<meta property="og:locale" content="en_GB">
<meta name="description" content="The river bridge is open again.">"""
    article = parse(page(head), url="https://example.org/bridge")
    assert article.headline == "Bridge reopens to cyclists"
    assert article.published == dt.datetime(2019, 11, 19, 15, tzinfo=dt.timezone.utc)
    assert article.section == "Local"
    assert article.keywords == ("bridges", "cycling")
    assert article.standfirst == "The river bridge is open again."
    assert article.bylines == (Byline(name="Tom Krisher", role="Auto Writer", affiliation="AP"),)


def test_microdata_article() -> None:
    """schema.org microdata names the headline, author and date."""
    text = f"""<html lang="en"><head><title>x</title></head><body>
<div itemscope itemtype="https://schema.org/NewsArticle">
<h1 itemprop="headline">Microdata headline</h1>
<span itemprop="author" itemscope itemtype="https://schema.org/Person">
<span itemprop="name">Maria Silva</span></span>
<time itemprop="datePublished" datetime="2019-11-20T08:00:00+01:00">20 Nov</time>
<div itemprop="articleBody"><p>{PROSE}</p><p>{PROSE_2}</p></div></div></body></html>"""
    article = parse(text)
    assert article.headline == "Microdata headline"
    assert article.bylines[0].name == "Maria Silva"
    assert article.published == dt.datetime(
        2019, 11, 20, 8, tzinfo=dt.timezone(dt.timedelta(hours=1))
    )


# --- the headline without structured data -------------------------------------------------------


def titled(title: str | None, head: str = "", header: str = "", heading: str = "") -> str:
    """A page with the given ``<title>``, extra head, site header and article ``<h1>``."""
    title_tag = f"<title>{title}</title>" if title is not None else ""
    h1 = f"<h1>{heading}</h1>" if heading else ""
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">{title_tag}{head}</head>
<body><header class="masthead"><div class="brand">{header}</div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav></header>
<main><article>{h1}<div class="article-body"><p>{PROSE}</p><p>{PROSE_2}</p><p>{PROSE_3}</p>
</div></article></main></body></html>"""


@pytest.mark.parametrize("separator", [" | ", " - ", " – ", " — ", " :: "])
def test_title_loses_the_site_name_after_any_separator(separator: str) -> None:
    """The part of the ``<title>`` that is the ``og:site_name`` goes, whatever the separator."""
    head = '<meta property="og:site_name" content="Harbour Gazette">'
    headline = "Ferry fares frozen for winter"
    for title in (f"{headline}{separator}Harbour Gazette", f"Harbour Gazette{separator}{headline}"):
        assert parse(titled(title, head)).headline == headline


def test_title_loses_the_domain_as_site_name() -> None:
    """Without a declared site name, a part that is the page's domain name goes."""
    url = "https://www.harbourgazette.co.uk/2021/ferry-fares"
    for site in ("HarbourGazette", "harbourgazette.co.uk"):
        assert parse(titled(f"Ferry fares up | {site}"), url=url).headline == "Ferry fares up"


def test_og_title_loses_the_site_name_too() -> None:
    """With no ``<title>`` and no ``<h1>``, ``og:title`` is used without its site name."""
    head = """<meta property="og:title" content="Harbour Gazette :: Ferry fares frozen for winter">
<meta property="og:site_name" content="Harbour Gazette">"""
    assert parse(titled(None, head)).headline == "Ferry fares frozen for winter"


def test_title_sections_dropped_around_the_printed_headline() -> None:
    """Section names beside the site name go: the run of parts the ``<h1>`` repeats stays."""
    headline = "Ferry fares frozen – ‘a relief’ say islanders"
    title = f"{headline} | Travel | Local | Harbour Gazette"
    head = '<meta property="og:site_name" content="Harbour Gazette">'
    assert parse(titled(title, head, heading=headline)).headline == headline


def test_title_kept_whole_when_the_h1_prints_it_whole() -> None:
    """A separator inside the headline itself is no site-name boundary."""
    title = "Tides rise - and so do the rents"
    assert parse(titled(title, heading=title)).headline == title


def test_h1_wins_over_a_title_that_og_title_only_echoes() -> None:
    """``<title>`` and ``og:title`` as one SEO title: the article's ``<h1>`` is its headline."""
    head = """<meta property="og:title" content="Winter ferry timetable | Harbour Gazette">
<meta name="twitter:title" content="Winter ferry timetable | Harbour Gazette">
<meta property="og:site_name" content="Harbour Gazette">"""
    text = titled(
        "Winter ferry timetable | Harbour Gazette",
        head,
        header="<h1>Harbour Gazette</h1>",
        heading="Islanders welcome the new winter ferry timetable",
    )
    assert parse(text).headline == "Islanders welcome the new winter ferry timetable"


def test_title_wins_over_h1_when_og_title_differs() -> None:
    """A distinct social title means the ``<title>`` was written as the headline: it stays."""
    head = """<meta property="og:title" content="Islanders welcome the new winter ferry timetable">
<meta property="og:site_name" content="Harbour Gazette">"""
    text = titled(
        "Winter ferry timetable published | Harbour Gazette",
        head,
        heading="Islanders welcome the new winter ferry timetable",
    )
    assert parse(text).headline == "Winter ferry timetable published"


def test_h1_on_another_subject_does_not_replace_the_title() -> None:
    """An ``<h1>`` sharing no word with the echoed title (a section label) is not the headline."""
    head = '<meta property="og:title" content="Winter ferry timetable | Harbour Gazette">'
    text = titled("Winter ferry timetable | Harbour Gazette", head, heading="Travel")
    assert parse(text).headline == "Winter ferry timetable"


def test_h1_agreeing_with_the_title_keeps_it() -> None:
    """When one ``<h1>`` prints the title, another (a linked teaser in the text) does not win."""
    head = '<meta property="og:title" content="Winter ferry timetable | Harbour Gazette">'
    teaser = '<h1><a href="/older">Ferry timetable changes angered islanders last winter</a></h1>'
    text = titled(
        "Winter ferry timetable | Harbour Gazette", head, heading="Winter ferry timetable"
    )
    text = text.replace(f"<p>{PROSE_2}</p>", f"{teaser}<p>{PROSE_2}</p>")
    assert parse(text).headline == "Winter ferry timetable"


def test_h1_nearest_the_prose_is_the_headline_without_a_title() -> None:
    """Of several ``<h1>``, the one beside the article's paragraphs wins, not the site's."""
    text = titled(
        None, header="<h1>Harbour Gazette Online</h1>", heading="Ferry fares frozen for winter"
    )
    assert parse(text).headline == "Ferry fares frozen for winter"


def test_markup_byline_time_and_language() -> None:
    """A byline class, ``<time datetime>`` and ``<html lang>`` are read from the markup."""
    body = """<p class="byline">By Jane Doe and John Roe</p>
<time datetime="2019-11-19T09:30:00+00:00">Nov. 19</time>"""
    text = page().replace("<article>", f"<article>{body}").replace('lang="en"', 'lang="en-US"')
    article = parse(text)
    assert [b.name for b in article.bylines] == ["Jane Doe", "John Roe"]
    assert article.published == dt.datetime(2019, 11, 19, 9, 30, tzinfo=dt.timezone.utc)
    assert article.language == "en-US"
    assert "Jane Doe" not in article.text


def test_language_guessed_when_undeclared_or_contradicted() -> None:
    """No ``lang`` gives a light guess; a ``lang`` the text clearly contradicts is corrected."""
    with pytest.warns(GuessWarning, match="declares no language"):
        assert html.parse(page().replace(' lang="en"', "")).language == "en"
    with pytest.warns(GuessWarning, match="reads as 'en'"):
        assert html.parse(page(lang="de")).language == "en"
    assert parse(page(lang="en-GB")).language == "en-GB"


def test_bylines_deduplicated_across_sources() -> None:
    """The same person from JSON-LD and meta is one byline, with the details of both."""
    node = {
        "@type": "NewsArticle",
        "headline": "h",
        "author": {"@type": "Person", "name": "Jane Doe"},
    }
    head = ld(node) + '<meta name="author" content="JANE DOE">'
    assert parse(page(head)).bylines == (Byline(name="Jane Doe"),)
    merged = merge_bylines(
        [Byline(name="Jane Doe")], [Byline(name="JANE DOE", role="Staff Writer", url="https://x")]
    )
    assert merged == (Byline(name="Jane Doe", role="Staff Writer", url="https://x"),)


def test_organization_author() -> None:
    """An Organization author is an organisation byline."""
    node = {
        "@type": "NewsArticle",
        "headline": "h",
        "author": {"@type": "Organization", "name": "Reuters"},
    }
    assert parse(page(ld(node))).bylines == (Byline(name="Reuters", kind=BylineKind.ORGANIZATION),)


def test_zoneless_date_is_kept_as_a_day_with_a_warning() -> None:
    """A time without a zone keeps its day and warns; no zone is invented."""
    node = {"@type": "NewsArticle", "headline": "h", "datePublished": "2019-11-19T10:00:00"}
    with pytest.warns(GuessWarning):
        article = html.parse(page(ld(node)))
    assert article.published == dt.date(2019, 11, 19)


def test_modified_before_published_is_left_out_with_a_warning() -> None:
    """A modification date earlier than the publication date is dropped, with a warning."""
    node = {
        "@type": "NewsArticle",
        "headline": "h",
        "datePublished": "2019-11-19T10:00:00Z",
        "dateModified": "2019-11-18T10:00:00Z",
    }
    with pytest.warns(GuessWarning, match="before it was published"):
        article = html.parse(page(ld(node)))
    assert article.published == dt.datetime(2019, 11, 19, 10, tzinfo=dt.timezone.utc)
    assert article.modified is None


def test_date_from_url_alone_warns() -> None:
    """A date found only in the URL is used as a day, with a warning."""
    with pytest.warns(GuessWarning, match="URL"):
        article = html.parse(page(), url="https://example.org/2019/11/19/bridge-reopens")
    assert article.published == dt.date(2019, 11, 19)


# --- comments ----------------------------------------------------------------------------------

WORDPRESS = """<div id="comments" class="comments-area"><h2>2 thoughts</h2>
<ol class="comment-list">
<li id="comment-1" class="comment even thread-even depth-1">
 <article id="div-comment-1" class="comment-body">
  <footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Ann</b>
   <span class="says">says:</span></div>
   <div class="comment-metadata"><a href="https://example.org/bridge#comment-1">
   <time datetime="2019-11-19T12:00:00+00:00">November 19, 2019</time></a></div></footer>
  <div class="comment-content"><p>Finally! I have waited years for this.</p></div>
 </article>
 <ol class="children">
  <li id="comment-2" class="comment odd alt depth-2">
   <article id="div-comment-2" class="comment-body">
    <footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Bob</b></div>
    </footer>
    <div class="comment-content"><p>Me too.</p></div>
   </article>
  </li>
 </ol>
</li>
</ol>
<div id="respond"><form><textarea name="comment"></textarea></form></div></div>"""


def test_wordpress_comments_with_replies() -> None:
    """A WordPress comment list becomes a thread with nested replies, authors and times."""
    text = page().replace("</article>", "</article>" + WORDPRESS)
    article = parse(text)
    thread = article.comments
    assert thread is not None
    assert len(thread.comments) == 1
    first = thread.comments[0]
    assert first.author == "Ann"
    assert first.text == "Finally! I have waited years for this."
    assert first.published == dt.datetime(2019, 11, 19, 12, tzinfo=dt.timezone.utc)
    assert first.url == "https://example.org/bridge#comment-1"
    assert [(r.author, r.text) for r in first.replies] == [("Bob", "Me too.")]
    assert thread.loaded == 2
    assert thread.open is True
    assert "waited years" not in article.text


def test_microdata_comments() -> None:
    """schema.org Comment items in microdata, nested by scope."""
    comments = """<section><div itemscope itemtype="https://schema.org/Comment" id="c1">
<span itemprop="author">Ann</span><p itemprop="text">Great news.</p>
<div itemscope itemtype="https://schema.org/Comment" id="c2">
<span itemprop="author">Bob</span><p itemprop="text">Agreed.</p></div></div></section>"""
    thread = parse(page().replace("</article>", "</article>" + comments)).comments
    assert thread is not None
    assert [(c.author, c.text) for c in thread.comments] == [("Ann", "Great news.")]
    assert [(c.author, c.text) for c in thread.comments[0].replies] == [("Bob", "Agreed.")]


def test_jsonld_comments_and_declared_total() -> None:
    """JSON-LD ``comment`` nodes become the thread; ``commentCount`` its total."""
    node = {
        "@type": "NewsArticle",
        "headline": "h",
        "commentCount": 40,
        "comment": [
            {
                "@type": "Comment",
                "text": "First!",
                "author": {"@type": "Person", "name": "Ann"},
                "dateCreated": "2019-11-19T12:00:00Z",
                "comment": [{"@type": "Comment", "text": "Second.", "author": "Bob"}],
            }
        ],
    }
    thread = parse(page(ld(node))).comments
    assert thread is not None
    assert thread.total == 40
    assert thread.comments[0].author == "Ann"
    assert thread.comments[0].replies[0].text == "Second."


def test_closed_comment_section_without_comments() -> None:
    """A "comments are closed" notice alone is an empty, closed thread."""
    closed = '<div id="comments"><p class="no-comments">Comments are closed.</p></div>'
    thread = parse(page().replace("</article>", "</article>" + closed)).comments
    assert thread is not None
    assert thread.comments == ()
    assert thread.open is False


def test_no_comment_section_is_unknown() -> None:
    """A page without comments or a declared count leaves ``comments`` as ``None``."""
    assert parse(page()).comments is None


# --- encodings ---------------------------------------------------------------------------------


def test_utf8_bom() -> None:
    """A UTF-8 byte-order mark decides the encoding."""
    data = b"\xef\xbb\xbf" + page().replace("Bridge reopens", "Brücke öffnet").encode("utf-8")
    assert parse(data).headline == "Brücke öffnet to cyclists"


def test_utf16_with_and_without_bom() -> None:
    """UTF-16 is read by its byte-order mark, or by its zero bytes (with a warning)."""
    text = page().replace("Bridge reopens", "Мост")
    assert parse(b"\xff\xfe" + text.encode("utf-16-le")).headline == "Мост to cyclists"
    with pytest.warns(GuessWarning, match="utf-16-be"):
        assert html.parse(text.encode("utf-16-be")).headline == "Мост to cyclists"


def test_meta_charset() -> None:
    """A declared single-byte charset is used to decode."""
    text = page().replace('charset="utf-8"', 'charset="windows-1251"')
    text = text.replace("Bridge reopens to cyclists", "Мост открыт для велосипедистов")
    article = parse(text.encode("cp1251"))
    assert article.headline == "Мост открыт для велосипедистов"


def test_http_equiv_charset() -> None:
    """``http-equiv`` Content-Type charsets are read too."""
    text = page().replace(
        '<meta charset="utf-8">',
        '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-15">',
    )
    text = text.replace("Bridge reopens", "Pont rouvert à €")
    assert parse(text.encode("iso-8859-15")).headline.startswith("Pont rouvert à €")


def test_a_page_given_as_text_ignores_the_charset_it_declares() -> None:
    """Text is already decoded: its ``<meta>`` charset no longer applies to it."""
    text = page().replace('charset="utf-8"', 'charset="windows-1251"')
    text = text.replace("Bridge reopens", "Brücke „öffnet“ 日本")
    assert parse(text).headline.startswith("Brücke „öffnet“ 日本")


def test_declared_latin1_but_utf8_is_recovered() -> None:
    """A page that declares ISO-8859-1 but is UTF-8 is read as UTF-8, with a warning."""
    text = page().replace('charset="utf-8"', 'charset="iso-8859-1"')
    text = text.replace("Bridge reopens", "Ponte reaberta à população")
    with pytest.warns(GuessWarning, match="UTF-8"):
        article = html.parse(text.encode("utf-8"))
    assert article.headline.startswith("Ponte reaberta à população")


def test_undeclared_legacy_bytes_are_detected() -> None:
    """Undeclared bytes that are not UTF-8 are read as windows-1252, with a warning."""
    data = page().replace('<meta charset="utf-8">', "").replace("Bridge", "Café").encode("cp1252")
    with pytest.warns(GuessWarning, match="windows-1252"):
        assert decode_html(data).count("Café") >= 2


def test_declared_utf8_but_broken_bytes() -> None:
    """A page that claims UTF-8 but holds windows-1252 bytes still decodes, with a warning."""
    data = page().replace("Bridge", "Café").encode("cp1252")
    with pytest.warns(GuessWarning):
        assert "Café" in decode_html(data)


# --- errors and robustness ---------------------------------------------------------------------


def test_empty_page_is_an_extraction_error() -> None:
    """An empty page raises ExtractionError saying it is empty."""
    with pytest.raises(ExtractionError, match="empty"):
        html.parse(b"")
    with pytest.raises(ExtractionError, match="empty"):
        html.parse("   \n ")


def test_non_article_page_is_an_extraction_error() -> None:
    """A page of links (a home page) holds no article text."""
    links = "".join(f'<li><a href="/s{i}">Story number {i} headline</a></li>' for i in range(40))
    text = f"<html><head><title>Home</title></head><body><ul>{links}</ul></body></html>"
    with pytest.raises(ExtractionError, match="article text"):
        html.parse(text)


def test_short_page_without_article_metadata_is_an_extraction_error() -> None:
    """A page with a sentence or two and no article metadata is not taken for an article."""
    text = "<html><head><title>Log in</title></head><body><p>Please log in to continue to your account settings.</p></body></html>"
    with pytest.raises(ExtractionError, match="too little"):
        html.parse(text)


def test_broken_markup_parses() -> None:
    """Unclosed tags and stray end tags do not stop the parser."""
    text = f"<html lang=en><title>Broken</title><div class=content><p>{PROSE}<p>{PROSE_2}</span></div></b><p>{PROSE_3}"
    article = parse(text)
    assert PROSE_2 in article.text
    assert PROSE_3 in article.text


def test_deep_nesting_parses() -> None:
    """Thousands of nested elements parse without recursion errors."""
    text = page(body="<div>" * 5000 + "<p>Deep.</p>" + "</div>" * 5000)
    assert PROSE in html.parse(text).text


def test_large_page_parses() -> None:
    """A page of several megabytes parses."""
    filler = "".join(f"<p>{PROSE} Paragraph {i}.</p>" for i in range(20000))
    article = parse(page(body=filler))
    assert len(article.body) > 20000


def test_xml_declaration_in_text_input() -> None:
    """An XHTML page given as text with an XML declaration parses."""
    assert parse('<?xml version="1.0" encoding="utf-8"?>\n' + page()).headline


# --- round trips -------------------------------------------------------------------------------


def test_parsed_article_round_trips_through_json() -> None:
    """What the parser returns survives newsmodel's JSON codec unchanged."""
    text = page(ld(GRAPH), body="<h2>Sub</h2><ul><li>One item here</li></ul>")
    text = text.replace("</article>", "</article>" + WORDPRESS)
    article = parse(text)
    assert news_json.loads(news_json.dumps(article)) == article


def test_short_article_dumps_and_reads_back() -> None:
    """A short article survives ``dumps``: the page says it is an article."""
    short = Article(headline="Brief", body=[Paragraph(text="Roads are closed today.")])
    again = parse(html.dumps(short))
    assert (again.headline, again.text) == ("Brief", "Roads are closed today.")


def test_dumps_reads_back() -> None:
    """The HTML rendering parses back to the same headline, text and date."""
    article = parse(
        page(
            ld(GRAPH),
            body='<p>See <a href="https://x.org/r">the report</a> for the full details of the works.</p>',
        )
    )
    again = parse(html.dumps(article))
    assert again.headline == article.headline
    assert again.text == article.text
    assert again.published == article.published
    assert again.bylines == article.bylines
