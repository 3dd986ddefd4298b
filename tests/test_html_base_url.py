"""The body and comments are read with their URLs as the page wrote them; the relative ones are
resolved afterwards against the page's base, which is looked for only when a URL needs it."""

from __future__ import annotations

from lxml import etree

from newsmodel import Block, Figure, html
from newsmodel._extract.html.blocks import with_absolute_urls
from newsmodel._extract.html.comments import absolute_comment_urls, extract_comments
from newsmodel._extract.html.content import ContentTree

BASE = "https://news.example/2026/bridge/"
PROSE = " ".join(["The council voted to reopen the bridge after three years of works."] * 3)
PAGE = f"""<html lang="en"><head><title>Bridge reopens</title><base href="{BASE}"></head><body>
<article><h1>Bridge reopens</h1>
<p>{PROSE} See <a href="../map.html">the map</a>, <a href="https://other.example/x">a
report</a>, <a href="#notes">the notes</a> and <a href="//cdn.example/y">the data</a>.</p>
<p>{PROSE} <a href="https://other.example/z">Read more</a> about it.</p>
<figure><img src="photos/bridge.jpg" alt="The bridge"><figcaption>The bridge</figcaption>
</figure><figure><img src="https://img.example/b.jpg"></figure>
<p>{PROSE}</p></article>
<div id="comments"><ol class="comment-list"><li id="comment-1" class="comment">
<div class="comment-author"><a href="/u/ann">Ann</a></div><a href="#comment-1"><time
datetime="2026-01-02T10:00:00Z">2 Jan</time></a><div class="comment-content"><p>Finally.</p>
</div></li></ol></div></body></html>"""


def _root() -> etree._Element:
    return html._tree(PAGE)


def test_relative_links_and_images_are_resolved_against_the_base() -> None:
    """Relative and scheme-relative URLs are joined to the base; absolute ones and fragments
    stay as written."""
    read = ContentTree(_root()).blocks()
    resolved = with_absolute_urls(read, lambda: BASE)
    assert _urls(read) == [
        "../map.html",
        "https://other.example/x",
        "#notes",
        "//cdn.example/y",
        "https://other.example/z",
        "photos/bridge.jpg",
        "https://img.example/b.jpg",
    ]
    assert _urls(resolved) == [
        "https://news.example/2026/map.html",
        "https://other.example/x",
        "#notes",
        "https://cdn.example/y",
        "https://other.example/z",
        BASE + "photos/bridge.jpg",
        "https://img.example/b.jpg",
    ]


def _urls(blocks: tuple[Block, ...]) -> list[str]:
    urls = []
    for block in blocks:
        urls += [link.url for link in getattr(block, "links", ())]
        if isinstance(block, Figure):
            urls.append(block.image.url)
    return urls


def test_comment_permalinks_are_resolved_against_the_base() -> None:
    thread = extract_comments(_root())
    assert thread is not None
    assert thread.comments[0].url == "#comment-1"
    resolved = absolute_comment_urls(thread, BASE)
    assert resolved.comments[0].url == BASE + "#comment-1"
    assert resolved.comments[0].text == thread.comments[0].text


def test_the_base_is_not_looked_for_when_every_url_is_absolute() -> None:
    """A body whose links and images are all absolute (once resolved) never asks for its
    base."""

    def no_base() -> str | None:
        raise AssertionError("the base was looked for")

    resolved = with_absolute_urls(ContentTree(_root()).blocks(), lambda: BASE)
    assert with_absolute_urls(resolved, no_base) is resolved


def test_a_page_with_a_base_resolves_its_links_against_it() -> None:
    """Through ``parse``: the ``<base href>`` wins over the page's own URL."""
    article = html.parse(PAGE, url="https://news.example/page")
    links = [link.url for block in article.body for link in getattr(block, "links", ())]
    assert "https://news.example/2026/map.html" in links
    assert "https://other.example/x" in links
    assert article.comments is not None
    assert article.comments.comments[0].url == BASE + "#comment-1"
