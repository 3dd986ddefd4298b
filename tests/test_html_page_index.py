"""The shared element lists that the content walk fills in for the other page readers, and the
class and id name hints it reads on the way."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from newsmodel._extract.html.content import ContentTree
from newsmodel._extract.html.index import PageIndex
from newsmodel._extract.html.names import name_hints

_PARSER = etree.HTMLParser(remove_comments=True, remove_pis=True)

#: Microdata in every kind of region the walk treats differently: the root, the head, an SVG,
#: a hidden box, a script-free skipped element, a menu without paragraphs, a menu with one,
#: a link, a block and an inline element.
MICRODATA_PAGE = """<!DOCTYPE html>
<html itemscope itemtype="https://schema.org/WebPage" lang="en">
<head><meta itemprop="name" content="Page"><title>T</title>
<script type="application/ld+json">{}</script></head>
<body class="home">
<nav class="menu"><ul><li itemscope itemtype="https://schema.org/SiteNavigationElement">
<a itemprop="url" href="/a" rel="home">A</a></li></ul></nav>
<aside id="side"><p itemprop="description">A paragraph in furniture.</p></aside>
<div hidden><span itemprop="hiddenProp">x</span><i class="icon">i</i><a rel="author">B</a></div>
<svg viewBox="0 0 1 1"><title>Logo</title><g itemprop="logo"><path d="M0 0"/></g></svg>
<noscript><img itemprop="image" src="/n.png"></noscript>
<article itemscope itemtype="https://schema.org/NewsArticle" class="story">
<h1 itemprop="headline">Headline</h1>
<p>By <span itemprop="author" itemscope itemtype="https://schema.org/Person">
<a itemprop="url" href="/ann"><span itemprop="name" class="Author-Name">Ann</span></a></span></p>
<div itemprop="articleBody" id="Body"><p>Text of the story, long enough to be read as prose.</p>
<select><option itemprop="x">o</option></select></div>
<footer><time itemprop="datePublished" datetime="2025-01-02">2 Jan</time></footer>
</article>
</body></html>"""

_MICRODATA = etree.XPath("descendant-or-self::*[@itemprop or @itemscope]")
_NAMED = etree.XPath("//*[@class or @id]")


def _walked(text: str) -> PageIndex:
    root = etree.fromstring(text, parser=_PARSER)
    index = PageIndex(root)
    ContentTree(root, index)
    return index


def test_the_walk_lists_microdata_as_the_whole_page_search_does() -> None:
    """Every itemprop and itemscope is listed in document order, in skipped regions too."""
    index = _walked(MICRODATA_PAGE)
    found = _MICRODATA(index.root)
    assert isinstance(found, list)
    expected_props = [el for el in found if el.get("itemprop") is not None]
    expected_scopes = [el for el in found if el.get("itemscope") is not None]
    assert len(expected_props) == 13
    assert index.itemprops == expected_props
    assert index.itemscopes == expected_scopes
    fresh = PageIndex(index.root)
    assert fresh.itemprops == expected_props
    assert fresh.itemscopes == expected_scopes


def test_the_walk_lists_the_elements_metadata_is_read_from() -> None:
    """Meta, link, script, title, time and h1 elements and links with a rel, wherever they
    stand, in document order, as a search of the whole page finds them."""
    index = _walked(MICRODATA_PAGE)
    fresh = PageIndex(index.root)
    assert index.metadata_elements == fresh.metadata_elements
    assert [el.tag for el in index.metadata_elements] == [
        "meta", "title", "script", "a", "a", "title", "h1", "time",
    ]  # fmt: skip


def test_the_walk_lists_named_elements_with_lower_cased_names() -> None:
    """Named elements come in document order with their names lower-cased; only the head's,
    scripts' and SVGs' are left out."""
    index = _walked(MICRODATA_PAGE)
    listed = [(item.el.tag, item.classes, item.id) for item in index.named]
    assert listed == [
        ("body", "home", ""),
        ("nav", "menu", ""),
        ("aside", "", "side"),
        ("i", "icon", ""),
        ("article", "story", ""),
        ("span", "author-name", ""),
        ("div", "", "body"),
    ]


# --- name hints -------------------------------------------------------------------------------

_SPLIT_NAME = re.compile(r"[\s_\-:/.]+|(?<=[a-z])(?=[A-Z])")
_BODY_NAME = re.compile(
    r"(?:article|story|entry|post|news|main)[-_ ]?(?:body|content|text)"
    r"|(?:body|content)[-_ ]?(?:article|story|text)"
    r"|articlebody|storybody|rich[-_]?text",
    re.IGNORECASE,
)


def _reference_hints(name: str) -> tuple[bool, bool, bool, bool]:
    """The hints as the rules state them, with one regex for the words."""
    from newsmodel._extract.html import names

    words = {w.lower() for w in _SPLIT_NAME.split(name) if w}
    compact = {w.replace("-", "") for w in name.lower().split()}
    body = _BODY_NAME.search(name) is not None
    positive = body or bool(words & names._POSITIVE_WORDS)
    found = words & names._NEGATIVE_WORDS or compact & names._NEGATIVE_WORDS
    strong = not body and bool(found & names._STRONG_NEGATIVE_WORDS)
    negative = not body and bool(found) and (not positive or strong)
    return negative, positive, body, strong


_NAME_PIECES = st.sampled_from(
    [
        "share", "Share", "bar", "Bar", "comment", "Comment", "body", "BODY", "content",
        "article", "entry", "text", "rich", "story", "ad", "AD", "x", "Q", "9", "é", "É",
        "İ", "ı", "K", "ſ", "news", "letter", "side", "widget", "card", "main", "related",
        "-", "_", ":", "/", ".", " ", "  ", "\t", "\xa0", "--",
    ]
)  # fmt: skip


@given(st.lists(_NAME_PIECES, max_size=8).map("".join))
def test_name_hints_read_names_as_the_rules_state(name: str) -> None:
    """The fast word cutting gives the hints the plain regex reading gives."""
    assert name_hints.__wrapped__(name) == _reference_hints(name)


def test_name_hints_of_common_names() -> None:
    """Boilerplate, article and neutral names, camel-cased and dashed ones included."""
    assert name_hints("shareBar") == (True, False, False, True)
    assert name_hints("share-bar") == (True, False, False, True)
    assert name_hints("entry-content") == (False, True, True, False)
    assert name_hints("comment-content") == (True, True, False, True)
    assert name_hints("sidebar-widget") == (True, False, False, False)
    assert name_hints("col-md-8 clearfix") == (False, False, False, False)


def test_named_holding_finds_every_element_whose_names_hold_a_part() -> None:
    """Every element whose class or id holds a part is found, in document order; names that
    only hold a part across two elements add no element the callers would keep."""
    index = _walked(
        '<html><body><div class="da"></div><div class="te post-date" id="x"></div>'
        '<span class="Author"></span><p id="respond"></p><p class="comment-respond"></p>'
        '<b class="d"></b><b class="ate"></b></body></html>'
    )
    found = index.named_holding(("date", "author"), ("respond",))
    exact = [
        item
        for item in index.named
        if "date" in item.classes or "author" in item.classes or "respond" in item.id
    ]
    assert [item.el.get("class") for item in exact] == ["te post-date", "Author", None]
    assert [item for item in found if item in exact] == exact
    assert index.named_holding(("nothing",)) == []
    assert index.named_holding() == []


def test_named_holding_finds_names_after_one_that_lengthens_when_lower_cased() -> None:
    """A name whose lower case is longer ("İ" lowers to two characters) does not shift where
    the names after it are looked for."""
    index = _walked(
        '<html><body><div class="İİİİ-box"></div><div class="x"></div>'
        '<div class="post-author"></div></body></html>'
    )
    found = index.named_holding(("author",))
    assert [item.el.get("class") for item in found] == ["post-author"]
    assert found[0].classes == "post-author"


BY_LINES_PAGE = (
    """<html><body><div>By the river</div>
<nav><ul><li>by Menu</li></ul></nav><p hidden>By Hidden Writer</p>
<div class="story"><p>  By Ann Lee and <b>Bo Chan</b></p><span>by</span><p>Bylaws</p>
<p>Written by nobody</p><address>By Post</address><footer><span>By Foot</span></footer>
<noscript><p>By Script</p></noscript><p>By """
    + "x" * 130
    + """</p></div></body></html>"""
)


def test_the_walk_lists_the_lines_that_open_with_by() -> None:
    """Short elements whose own text opens with "By", hidden and skipped ones included, in
    document order, as a search of the whole page finds them."""
    index = _walked(BY_LINES_PAGE)
    fresh = PageIndex(index.root)
    assert index.by_lines == fresh.by_lines
    assert [(el.text or "").strip() for el in index.by_lines] == [
        "By the river", "by Menu", "By Hidden Writer", "By Ann Lee and", "by", "By Post",
        "By Foot", "By Script",
    ]  # fmt: skip
