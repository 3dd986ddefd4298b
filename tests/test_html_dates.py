"""Publication dates printed beside the headline, when the metadata gives none or a stale one."""

from __future__ import annotations

import datetime as dt
import json
import re
import warnings

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmodel import GuessWarning, html
from newsmodel._extract.html.metadata import visible_date

PROSE = " ".join(["The harbour works ended on time and under budget, the council said."] * 6)


def page(header: str, head: str = "", lang: str = "en") -> str:
    return (
        f"<html lang='{lang}'><head><title>Harbour works end</title>{head}</head><body>"
        f"<article><header><h1>Harbour works end</h1>{header}</header>"
        f"<div class='article-body'><p>{PROSE}</p><p>{PROSE}</p></div></article></body></html>"
    )


def published(text: str) -> dt.date | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", GuessWarning)
        value = html.parse(text).published
    return value.date() if isinstance(value, dt.datetime) else value


@pytest.mark.parametrize(
    ("header", "lang", "day"),
    [
        ("<p class='meta'>By Ann Lee · December 18, 2025</p>", "en", dt.date(2025, 12, 18)),
        ("<span>Posted on Dec. 3rd, 2025</span>", "en", dt.date(2025, 12, 3)),
        ("<div>18. Dezember 2025, 10:15 Uhr</div>", "de", dt.date(2025, 12, 18)),
        ("<div>Publié le 4 décembre 2025</div>", "fr", dt.date(2025, 12, 4)),
        ("<div>18 de diciembre de 2025</div>", "es", dt.date(2025, 12, 18)),
        ("<div>04.12.2025</div>", "de", dt.date(2025, 12, 4)),
        ("<div>12/04/2025</div>", "en-US", dt.date(2025, 12, 4)),
        ("<div>12/04/2025</div>", "en-GB", dt.date(2025, 4, 12)),
        ("<time>2025-12-18</time>", "en", dt.date(2025, 12, 18)),
        # date markup: numeric days in the page's order, dotted ones day first, month names
        ("<time>04.12.2025</time>", "en-US", dt.date(2025, 12, 4)),
        ("<span class='date'>04/12/2025</span>", "de", dt.date(2025, 12, 4)),
        ("<span class='date'>04/12/2025</span>", "en-GB", dt.date(2025, 12, 4)),
        ("<span class='date'>04/12/2025</span>", "en-US", dt.date(2025, 4, 12)),
        ("<span class='date'>4. Dezember 2025</span>", "de", dt.date(2025, 12, 4)),
        ("<time>18 de diciembre de 2025</time>", "es", dt.date(2025, 12, 18)),
    ],
)
def test_date_printed_under_the_headline(header: str, lang: str, day: dt.date) -> None:
    """A page without date metadata gets the date it prints near its headline."""
    assert published(page(header, lang=lang)) == day


def test_date_from_the_text_warns() -> None:
    """Reading the date from the page's text is a guess, and says so."""
    with pytest.warns(GuessWarning, match="read from the page's text"):
        html.parse(page("<p>December 18, 2025</p>"))


def test_metadata_date_wins_over_the_text() -> None:
    """Date metadata is trusted over a date in the text when the page shows it too."""
    head = '<meta property="article:published_time" content="2025-12-01T09:00:00Z">'
    assert published(page("<p>December 1, 2025 · 3 min read</p>", head)) == dt.date(2025, 12, 1)


#: JSON-LD of a guide first published in 2019 and rewritten in 2025.
REVISED_GUIDE = (
    '<script type="application/ld+json">'
    + json.dumps(
        {
            "@type": "Article",
            "headline": "Harbour works end",
            "datePublished": "2019-08-14T13:00:00Z",
            "dateModified": "2025-09-17T08:00:00Z",
        }
    )
    + "</script>"
)


def test_page_showing_only_its_update_date_is_dated_by_it() -> None:
    """A guide republished under "Updated" shows readers that date, not its first one."""
    head = REVISED_GUIDE
    with pytest.warns(GuessWarning, match="shows a revision"):
        article = html.parse(page("<p>Updated Sep 17, 2025</p>", head))
    assert article.published == dt.datetime(2025, 9, 17, 8, tzinfo=dt.timezone.utc)


def test_page_showing_both_dates_keeps_its_publication_date() -> None:
    """When the page prints its publication date too, that date stays."""
    head = REVISED_GUIDE
    header = "<p>Published Aug 14, 2019 · Updated Sep 17, 2025</p>"
    assert published(page(header, head)) == dt.date(2019, 8, 14)


def test_numbers_inside_words_are_not_dates() -> None:
    """Version numbers and codes are not read as days."""
    assert published(page("<p>Release v1.12.2025 notes</p>")) is None


def test_only_an_updated_date_printed_is_the_date() -> None:
    """A page that prints only "Last updated: <day>" is dated by it."""
    assert published(page("<p>Last Updated: August 1, 2025</p>")) == dt.date(2025, 8, 1)


def headline(title: str, h1: str, head: str) -> str:
    """The headline parsed from a page with this title, ``<h1>`` and head."""
    text = (
        f"<html lang='en'><head><title>{title}</title>{head}</head><body>"
        f"<article><h1>{h1}</h1><p>{PROSE}</p><p>{PROSE}</p></article></body></html>"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", GuessWarning)
        return html.parse(text).headline


def test_site_name_opening_the_title_before_a_colon_is_dropped() -> None:
    """ "Example Blog: Headline" loses the site name that og:site_name declares."""
    head = '<meta property="og:site_name" content="Harbour Blog">'
    assert headline("Harbour Blog: Harbour works end", "Harbour Blog", head) == "Harbour works end"


def test_heading_that_only_adds_a_date_to_the_title_is_not_the_headline() -> None:
    """An <h1> printing "Dec 18 2025 <title>" leaves the title as the headline."""
    head = '<meta property="og:title" content="Harbour works end">'
    title = "Harbour works end | Harbour Blog"
    assert headline(title, "Dec 18 2025 Harbour works end", head) == "Harbour works end"


_DATE_PIECES = st.sampled_from(
    [
        "Jan", "JANUARY", "jänner", "Juni", "juin", "June", "Mai", "may", "März", "mar",
        "Sept", "September", "septiembre", "août", "Aug.", "dez", "Dezember", "décembre",
        "3", "03", "21st", "1.", "de", "of", "2024", "1999", "2024-03-05", "5/6/2023", ",",
        " ", "  ", "\n", "x", "updated", "ſep", "·",
    ]
)  # fmt: skip


@given(st.lists(_DATE_PIECES, max_size=14).map(" ".join))
def test_printed_dates_are_found_as_a_plain_month_alternation_finds_them(text: str) -> None:
    """Month names grouped by first letter match exactly as one alternation of all the names,
    longest first, does."""
    plain = "|".join(
        sorted((re.escape(name) for name in visible_date._MONTHS), key=len, reverse=True)
    )
    reference = re.compile(visible_date._DATE.pattern.replace(visible_date._MONTH, plain), re.I)
    assert visible_date._DATE.flags == reference.flags
    found = [(m.span(), m.groupdict()) for m in visible_date._DATE.finditer(text)]
    assert found == [(m.span(), m.groupdict()) for m in reference.finditer(text)]
