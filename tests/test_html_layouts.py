"""Main-content selection on the page layouts that used to lose part or all of the article."""

from __future__ import annotations

import warnings

from newsmodel import Article, Heading, html

#: Ten distinct sentences, long enough each to read as prose.
SENTENCES = tuple(
    f"Paragraph {word} of the report describes how the harbour authority rebuilt the {thing},"
    " what it cost the town, and why the work took far longer than anyone had planned."
    for word, thing in zip(
        ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
        ("pier", "lighthouse", "sea wall", "slipway", "fish market", "ferry ramp", "crane",
         "boathouse", "breakwater", "customs house"),
        strict=True,
    )
)  # fmt: skip

NAV = "<nav><ul>" + "".join(f'<li><a href="/s{i}">Section {i}</a></li>' for i in range(8))
NAV += "</ul></nav>"
FOOTER = "<footer><p>Copyright The Harbour Gazette. All rights reserved.</p></footer>"


def page(body: str, *, head: str = "") -> str:
    """A page titled "Harbour works end" with ``body`` between navigation and footer."""
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>Harbour works end</title>{head}</head><body>{NAV}{body}{FOOTER}</body></html>"
    )


def parse(text: str) -> Article:
    """Parse, ignoring the parser's guesses (a missing date, a guessed language)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return html.parse(text, url="https://gazette.example/harbour")


def test_card_per_paragraph_layout_is_read_whole() -> None:
    """Every paragraph in its own "card" wrapper inside the article body is kept."""
    cards = "".join(
        f'<div class="card"><div class="card-body"><p>{s}</p></div></div>' for s in SENTENCES
    )
    article = parse(
        page(f'<article><h1>Harbour works end</h1><div class="content">{cards}</div></article>')
    )
    assert article.text == "\n".join(SENTENCES)


def test_listicle_keeps_every_item() -> None:
    """A round-up of short sections under headings, each in a "widget" box, is kept whole."""
    items = "".join(
        f'<div class="product-widget"><h2>{n}. Item {n}</h2><div class="widget-text">'
        f'<p>{s}</p></div><a class="button" href="/buy/{n}">Buy now</a></div>'
        for n, s in enumerate(SENTENCES[1:9], start=1)
    )
    body = (
        f"<main><h1>Harbour works end</h1><p>{SENTENCES[0]}</p>{items}<p>{SENTENCES[9]}</p></main>"
    )
    article = parse(page(body))
    for sentence in SENTENCES:
        assert sentence in article.text
    assert [b.text for b in article.body if isinstance(b, Heading)][:2] == [
        "1. Item 1",
        "2. Item 2",
    ]
    assert "Buy now" not in article.text


def test_article_split_over_sibling_boxes_is_read_whole() -> None:
    """An article split by a page builder over several text boxes comes out whole."""
    parts = (SENTENCES[:2], SENTENCES[2:8], SENTENCES[8:])
    boxes = "".join(
        f'<section class="section"><div class="row"><div class="column"><div class="module">'
        f'<div class="text-module">{"".join(f"<p>{s}</p>" for s in part)}</div></div></div>'
        '</div></section><figure><img src="/harbour.jpg" alt=""></figure>'
        for part in parts
    )
    article = parse(page(f"<div class='builder'><h1>Harbour works end</h1>{boxes}</div>"))
    assert article.text == "\n".join(SENTENCES)


def test_after_the_article_a_box_of_another_kind_is_left_out() -> None:
    """Widening to the sibling boxes does not take in a different box after the article."""
    boxes = "".join(f'<div class="text-module"><p>{s}</p></div>' for s in SENTENCES[:8])
    teasers = "".join(
        f'<div class="teaser"><a href="/t{i}"><h3>Other story {i}</h3>'
        f"<p>{SENTENCES[8]}</p></a></div>"
        for i in range(6)
    )
    article = parse(page(f"<div class='page'><h1>Harbour works end</h1>{boxes}{teasers}</div>"))
    assert article.text == "\n".join(SENTENCES[:8])


def test_page_closed_early_keeps_the_article_after_the_end_tags() -> None:
    """Templates that close ``</body></html>`` before the article do not lose it."""
    body = "".join(f"<p>{s}</p>" for s in SENTENCES)
    text = page("").replace(
        "</body></html>", f"</body></html><div class='post'><h1>Harbour works end</h1>{body}</div>"
    )
    assert parse(text).text == "\n".join(SENTENCES)


def test_unclosed_button_does_not_swallow_the_article() -> None:
    """An unclosed ``<button>`` in the header, which nests the page inside it, is no loss."""
    body = "".join(f"<p>{s}</p>" for s in SENTENCES)
    text = page(f"<header><button class='menu'>Menu<main><article>{body}</article></main></header>")
    assert parse(text).text == "\n".join(SENTENCES)


def test_post_inside_a_fieldset_is_read() -> None:
    """Old blogs that frame each post in a ``<fieldset>`` still give their text."""
    body = "".join(f"<p>{s}</p>" for s in SENTENCES[:4])
    text = page(f"<fieldset><legend>Harbour works end</legend>{body}</fieldset>")
    assert parse(text).text == "\n".join(SENTENCES[:4])
