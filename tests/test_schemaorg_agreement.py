"""One schema.org node, two ways in: ``jsonld.loads`` and ``html.parse`` of a page carrying it.

Both read the node with the same lenient reader, so they agree on what the node says: the
headline, the genre, who is credited (names and kinds), the dates, the comment total and the
publisher. The table covers the shapes real pages publish: article subtypes, authors typed
and untyped, strings and references, counts written as text, placeholder years.
"""

from __future__ import annotations

import datetime as dt
import html as html_module
import json
import warnings
from typing import Any

import pytest

from newsmodel import Article, jsonld
from newsmodel import html as news_html

UTC = dt.timezone.utc
PROSE = (
    "The council voted on Tuesday evening to close the old bridge for repairs, after engineers"
    " found cracks in two of its supporting piers during a routine inspection last month. "
)

#: (name, node, what both readers must find). ``None`` in an expectation means absent.
CASES: list[tuple[str, dict[str, Any], dict[str, Any]]] = [
    (
        "news article with typed author, publisher and count",
        {
            "@type": "NewsArticle",
            "headline": "Bridge to close for repairs",
            "author": {"@type": "Person", "name": "Jane Doe"},
            "datePublished": "2026-11-24T10:32:00Z",
            "dateModified": "2026-11-24T12:00:00+01:00",
            "publisher": {"@type": "NewsMediaOrganization", "name": "The Daily Example"},
            "commentCount": 12,
        },
        {
            "genre": None,
            "bylines": [("Jane Doe", "person")],
            "published": dt.datetime(2026, 11, 24, 10, 32, tzinfo=UTC),
            "modified": dt.datetime(2026, 11, 24, 11, 0, tzinfo=UTC),
            "comments": 12,
            "publisher": "The Daily Example",
        },
    ),
    (
        "reportage subtype",
        {"@type": "ReportageNewsArticle", "headline": "Inside the flooded town"},
        {"genre": "reportage"},
    ),
    (
        "opinion subtype",
        {"@type": "OpinionNewsArticle", "headline": "Keep the bridge open"},
        {"genre": "opinion"},
    ),
    (
        "explicit genre wins over the subtype",
        {"@type": "AnalysisNewsArticle", "headline": "What the vote means", "genre": "Column"},
        {"genre": "Column"},
    ),
    (
        "blog posting with a publisher named by a string",
        {"@type": "BlogPosting", "headline": "Notes from the council", "publisher": "Town Blog"},
        {"genre": "blog", "publisher": "Town Blog"},
    ),
    (
        "corporation author is an organisation",
        {
            "@type": "NewsArticle",
            "headline": "Quarterly results",
            "author": {"@type": "Corporation", "name": "Example Holdings"},
        },
        {"bylines": [("Example Holdings", "organization")]},
    ),
    (
        "agency typed as a person is an organisation",
        {
            "@type": "NewsArticle",
            "headline": "Storm warning",
            "author": {"@type": "Person", "name": "Reuters"},
        },
        {"bylines": [("Reuters", "organization")]},
    ),
    (
        "printed byline in an author string",
        {
            "@type": "NewsArticle",
            "headline": "Two reporters",
            "author": "By Jane Doe and John Roe",
        },
        {"bylines": [("Jane Doe", "person"), ("John Roe", "person")]},
    ),
    (
        "given and family names, and an author list",
        {
            "@type": "Article",
            "headline": "Names in parts",
            "author": [
                {"@type": "Person", "givenName": "Ana", "familyName": "Silva"},
                {"@type": "Organization", "name": "Associated Press"},
            ],
        },
        {"bylines": [("Ana Silva", "person"), ("Associated Press", "organization")]},
    ),
    (
        "author and publisher by @id reference in a graph",
        {
            "@graph": [
                {
                    "@type": "NewsArticle",
                    "headline": "References",
                    "author": {"@id": "#jane"},
                    "publisher": {"@id": "#paper"},
                },
                {"@id": "#jane", "@type": "Person", "name": "Jane Doe"},
                {"@id": "#paper", "@type": "Organization", "name": "The Paper"},
            ]
        },
        {"bylines": [("Jane Doe", "person")], "publisher": "The Paper"},
    ),
    (
        "count written as text",
        {"@type": "NewsArticle", "headline": "Counted", "commentCount": "1,204 comments"},
        {"comments": 1204},
    ),
    (
        "count in an interaction statistic",
        {
            "@type": "NewsArticle",
            "headline": "Discussed",
            "interactionStatistic": {
                "@type": "InteractionCounter",
                "interactionType": "https://schema.org/CommentAction",
                "userInteractionCount": "37",
            },
        },
        {"comments": 37},
    ),
    (
        "placeholder year falls back to the creation date",
        {
            "@type": "NewsArticle",
            "headline": "Placeholder",
            "datePublished": "0001-01-01T00:00:00Z",
            "dateCreated": "2020-05-04",
        },
        {"published": dt.date(2020, 5, 4)},
    ),
    (
        "year before newspapers is no date",
        {"@type": "NewsArticle", "headline": "Too old", "datePublished": "1599-12-31"},
        {"published": None},
    ),
    (
        "prose date and a Unix timestamp",
        {
            "@type": "NewsArticle",
            "headline": "Dates as written",
            "datePublished": "November 19, 2019",
            "dateModified": "1574172000",
        },
        {
            "published": dt.date(2019, 11, 19),
            "modified": dt.datetime(2019, 11, 19, 14, 0, tzinfo=UTC),
        },
    ),
]


def _page(node: dict[str, Any]) -> str:
    """A page whose only metadata is ``node``, with enough prose to be an article."""
    block = html_module.escape(json.dumps(node), quote=False)
    return (
        "<!doctype html><html><head>"
        f'<script type="application/ld+json">{block}</script>'
        "</head><body><article>" + f"<p>{PROSE * 3}</p>" * 3 + "</article></body></html>"
    )


def _facts(article: Article) -> dict[str, Any]:
    return {
        "headline": article.headline,
        "genre": article.genre,
        "bylines": [(byline.name, byline.kind.value) for byline in article.bylines],
        "published": article.published,
        "modified": article.modified,
        "comments": article.comments.total if article.comments else None,
        "publisher": article.publisher.name if article.publisher else None,
    }


def _headline(node: dict[str, Any]) -> str:
    article = node if "headline" in node else node["@graph"][0]
    return str(article["headline"])


@pytest.mark.parametrize(
    ("node", "expected"), [case[1:] for case in CASES], ids=[c[0] for c in CASES]
)
def test_html_and_jsonld_read_a_node_alike(node: dict[str, Any], expected: dict[str, Any]) -> None:
    """The node read from a JSON-LD document and from a page gives the same article facts."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from_document = _facts(jsonld.loads(json.dumps(node)))
        from_page = _facts(news_html.parse(_page(node)))
    assert from_page == from_document
    assert from_document["headline"] == _headline(node)
    assert {key: from_document[key] for key in expected} == expected
