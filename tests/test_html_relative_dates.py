"""Dates written relative to the moment the page was fetched ("3 hours ago", "yesterday")."""

from __future__ import annotations

import datetime as dt
import warnings

import pytest

from newsmodel import GuessWarning, InvalidArticleError, html

PROSE = " ".join(["The harbour works ended on time and under budget, the council said."] * 6)
#: When the page was fetched: a WARC-Date or an HTTP Date.
FETCHED = dt.datetime(2026, 3, 10, 12, 0, tzinfo=dt.timezone.utc)


def page(header: str, lang: str = "en") -> str:
    return (
        f"<html lang='{lang}'><head><title>Harbour works end</title></head><body>"
        f"<article><header><h1>Harbour works end</h1>{header}</header>"
        f"<div class='article-body'><p>{PROSE}</p><p>{PROSE}</p></div></article></body></html>"
    )


def published(text: str, reference: dt.datetime | None = FETCHED) -> dt.datetime | dt.date | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", GuessWarning)
        return html.parse(text, reference_time=reference).published


@pytest.mark.parametrize(
    ("header", "lang", "when"),
    [
        ("<span class='date'>3 hours ago</span>", "en", FETCHED - dt.timedelta(hours=3)),
        ("<time>an hour ago</time>", "en", FETCHED - dt.timedelta(hours=1)),
        (
            "<span class='date'>Updated 45 mins ago</span>",
            "en",
            dt.datetime(2026, 3, 10, 11, 15, tzinfo=dt.timezone.utc),
        ),
        ("<span class='date'>Yesterday</span>", "en", dt.date(2026, 3, 9)),
        ("<span class='date'>2 days ago</span>", "en", dt.date(2026, 3, 8)),
        ("<span class='date'>1 week ago</span>", "en", dt.date(2026, 3, 3)),
        ("<span class='date'>vor 2 Stunden</span>", "de", FETCHED - dt.timedelta(hours=2)),
        ("<span class='date'>gestern</span>", "de", dt.date(2026, 3, 9)),
        ("<span class='date'>il y a 3 jours</span>", "fr", dt.date(2026, 3, 7)),
        ("<span class='date'>hace 5 minutos</span>", "es", FETCHED - dt.timedelta(minutes=5)),
        ("<span class='date'>há 2 dias</span>", "pt", dt.date(2026, 3, 8)),
        ("<span class='date'>3 ore fa</span>", "it", FETCHED - dt.timedelta(hours=3)),
        ("<span class='date'>2 dagen geleden</span>", "nl", dt.date(2026, 3, 8)),
    ],
)
def test_relative_date_in_date_markup_is_read_against_the_reference_time(
    header: str, lang: str, when: dt.datetime | dt.date
) -> None:
    """A date element saying "3 hours ago" dates the article from the fetch time: a moment
    for a distance under a day, a day for days and weeks."""
    assert published(page(header, lang)) == when


def test_relative_date_printed_beside_the_headline_gives_its_day() -> None:
    """A by-line such as "By Ann Lee · 3 hours ago" under the headline dates the article."""
    assert published(page("<p>By Ann Lee · 3 hours ago</p>")) == dt.date(2026, 3, 10)


def test_relative_date_read_against_the_reference_time_warns() -> None:
    """Reading a relative date is a guess, and says against what it was read."""
    with pytest.warns(GuessWarning, match="read against the reference time"):
        html.parse(page("<span class='date'>Yesterday</span>"), reference_time=FETCHED)


def test_relative_date_without_reference_time_is_not_guessed() -> None:
    """Without a reference time, "3 hours ago" dates nothing."""
    assert published(page("<span class='date'>3 hours ago</span>"), reference=None) is None
    assert published(page("<p>By Ann Lee · 3 hours ago</p>"), reference=None) is None


@pytest.mark.parametrize("text", ["2 months ago", "a year ago", "He said yesterday it was done"])
def test_vague_or_embedded_relative_words_are_not_dates(text: str) -> None:
    """Months and years ago name no day; "yesterday" inside a sentence is no date line."""
    assert published(page(f"<span class='date'>{text}</span>")) is None


def test_reference_time_without_zone_is_refused() -> None:
    """A naive reference time would make naive dates: it is refused, naming the argument."""
    with pytest.raises(InvalidArticleError, match="reference_time"):
        html.parse(page("<p>3 hours ago</p>"), reference_time=dt.datetime(2026, 3, 10, 12))


def test_metadata_date_wins_over_a_relative_one() -> None:
    """A page that states its date in metadata keeps it; the relative text is not needed."""
    head = '<meta property="article:published_time" content="2026-03-01T09:00:00Z">'
    text = page("<span class='date'>3 hours ago</span>").replace("</head>", f"{head}</head>")
    assert published(text) == dt.datetime(2026, 3, 1, 9, tzinfo=dt.timezone.utc)
