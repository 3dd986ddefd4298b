"""Pages that are not articles, and input that is not a page, give errors that say so."""

from __future__ import annotations

import json
import pickle
import warnings

import pytest

from newsmodel import ExtractionError, GuessWarning, NotAnArticleError, ParseError, html

TEXT = " ".join(
    "The sandal is made of recycled rubber, weighs two hundred grams and comes in six colours."
    for _ in range(4)
)


def page(head: str = "", body: str = "", title: str = "Trail sandal") -> str:
    return (
        f"<html lang='en'><head><title>{title}</title>{head}</head><body>"
        f"<main><h1>{title}</h1><p>{TEXT}</p><p>{TEXT}</p>{body}</main></body></html>"
    )


def ld(node: dict[str, object]) -> str:
    return f'<script type="application/ld+json">{json.dumps(node)}</script>'


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (ld({"@type": "Product", "name": "Trail sandal"}), "product"),
        ('<meta property="og:type" content="product">', "product"),
        (ld({"@type": "QAPage", "name": "Which sandal?"}), "forum"),
        (ld({"@type": "DiscussionForumPosting", "headline": "Which sandal?"}), "forum"),
        (ld({"@type": "CollectionPage", "name": "Sandals"}), "listing"),
    ],
)
def test_declared_non_article_page_is_refused_with_its_kind(head: str, kind: str) -> None:
    """A page that declares itself a product, forum thread or listing is not an article."""
    with pytest.raises(NotAnArticleError) as caught:
        html.parse(page(head))
    assert caught.value.kind == kind
    assert "the page is" in caught.value.reason
    assert isinstance(caught.value, ExtractionError)


def test_article_that_marks_up_a_product_is_still_an_article() -> None:
    """A review that also describes the product it reviews is read as an article."""
    head = ld({"@type": "NewsArticle", "headline": "Trail sandal"}) + ld({"@type": "Product"})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", GuessWarning)
        article = html.parse(page(head))
    assert article.headline == "Trail sandal"


def test_error_page_is_refused() -> None:
    """A "page not found" page is refused as an error page."""
    with pytest.raises(NotAnArticleError) as caught:
        html.parse(page(title="404 - Page not found"))
    assert caught.value.kind == "error"


def test_page_without_running_text_is_not_an_article() -> None:
    """A page of links is refused with the "no-text" kind."""
    links = "".join(f'<li><a href="/s{i}">Story number {i} headline</a></li>' for i in range(40))
    with pytest.raises(NotAnArticleError) as caught:
        html.parse(f"<html><head><title>Home</title></head><body><ul>{links}</ul></body></html>")
    assert caught.value.kind == "no-text"


def test_non_article_page_kept_on_request_with_a_warning() -> None:
    """``keep_non_article`` returns what the page carries, with a GuessWarning saying why."""
    with pytest.warns(GuessWarning, match="product page"):
        article = html.parse(page(ld({"@type": "Product"})), keep_non_article=True)
    assert article.headline == "Trail sandal"
    assert TEXT in article.text


def test_not_an_article_error_survives_pickling() -> None:
    """Batch runs send errors between processes: the kind and source travel with it."""
    error = NotAnArticleError("the page is a product page", kind="product", source="a.html")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.kind, copy.source, str(copy)) == ("product", "a.html", str(error))


def test_short_page_of_short_lines_is_read_whole() -> None:
    """A page whose text is all short lines (a glossary entry) is read, not refused."""
    lines = "".join(
        f"<div class='sense'><span>noun</span><div>{word} meaning number {n}</div></div>"
        for n, word in enumerate(("a place", "a shop", "a room", "a hall", "a bar", "an inn"))
    )
    text = (
        "<html><head><title>restaurant</title>"
        '<meta property="og:type" content="article"></head>'
        f"<body><h1>restaurant</h1>{lines}{lines}</body></html>"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", GuessWarning)
        article = html.parse(text)
    assert "a place meaning number 0" in article.text


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8,
        b"GIF89a" + bytes(range(256)) * 8,
        b"%PDF-1.7\n" + bytes(range(256)) * 8,
        bytes(range(256)) * 16,
    ],
)
def test_binary_data_is_a_parse_error(data: bytes) -> None:
    """Bytes that are not a page (an image, a PDF, noise) give a ParseError, not "no headline"."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", GuessWarning)
        with pytest.raises(ParseError, match="not an HTML document"):
            html.parse(data)


def test_malformed_canonical_and_base_do_not_raise() -> None:
    """A canonical URL urllib cannot split, with a relative ``<base>``, is ignored."""
    head = '<link rel="canonical" href="http://[::1/a"><base href="/x/">'
    body = '<p><a href="y.html">A link</a> in a paragraph long enough to be kept as text.</p>'
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", GuessWarning)
        article = html.parse(page(head, body), url="https://shop.example/sandal")
        bare = html.parse(page(head, body))
    assert article.url == "https://shop.example/sandal"
    link = next(link for block in article.body for link in getattr(block, "links", ()))
    assert link.url == "https://shop.example/x/y.html"
    assert bare.url is None


def test_person_with_outlet_after_a_bar_is_split() -> None:
    """ "Name | Outlet" in a JSON-LD person's name is the person with an affiliation."""
    node = {
        "@type": "NewsArticle",
        "headline": "Trail sandal",
        "author": {"@type": "Person", "name": "Amy Kuperinsky | NJ Advance Media for NJ.com"},
    }
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", GuessWarning)
        article = html.parse(page(ld(node)))
    (byline,) = article.bylines
    assert (byline.name, byline.affiliation) == ("Amy Kuperinsky", "NJ Advance Media for NJ.com")
