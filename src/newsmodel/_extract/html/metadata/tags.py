"""Metadata from ``<meta>`` tags: OpenGraph, Twitter cards, Dublin Core and plain names."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...._model import Image, Organization
from .fields import _author_text, _compact, _Fields, _first, _keywords, _Page

#: ``<meta>`` names and properties, by field, most specific first.
_META_HEADLINE = ("og:title", "twitter:title", "dc.title", "dcterms.title", "title", "headline")
_META_DESCRIPTION = (
    "og:description", "twitter:description", "description", "dc.description",
    "dcterms.description", "dcterms.abstract",
)  # fmt: skip
_META_PUBLISHED = (
    "article:published_time", "og:article:published_time", "article:published",
    "dc.date.issued", "dcterms.issued", "dcterms.created", "dc.date", "dc.date.created",
    "dcterms.date", "citation_publication_date", "citation_date", "pubdate", "publishdate",
    "publish-date", "publish_date", "published_time", "published-date", "date",
    "sailthru.date", "parsely-pub-date", "article.published", "article_date_original",
    "original-publish-date", "datepublished", "displaydate", "cxenseparse:recs:publishtime",
    "og:published_time", "release_date", "creation_date",
)  # fmt: skip
_PUBLISHED_NAMES = frozenset(_META_PUBLISHED)
#: Other meta names that carry a publication date ("published_time_telegram", "pub-date").
_PUBLISHED_KEY = re.compile(r"publish(?!er)|pub[-_.]?date|issued|release[-_]?date", re.IGNORECASE)


def _may_name_publication(key: str) -> bool:
    """Whether a lower-cased meta name holds a part every :data:`_PUBLISHED_KEY` match holds
    (letters the regex's case folding maps no other character to), before the regex is run."""
    return "pub" in key or "ued" in key or "date" in key


_META_MODIFIED = (
    "article:modified_time", "og:updated_time", "og:article:modified_time", "dcterms.modified",
    "dc.date.modified", "last-modified", "lastmod", "article.updated", "modified_time",
    "datemodified", "revised",
)  # fmt: skip
_META_AUTHOR = (
    "article:author", "og:article:author", "author", "dc.creator", "dcterms.creator",
    "citation_author", "sailthru.author", "parsely-author", "byl", "twitter:creator",
)  # fmt: skip
_META_SECTION = ("article:section", "og:article:section", "section", "parsely-section")
_META_SITE = ("og:site_name", "application-name", "dc.publisher", "dcterms.publisher")
_META_IMAGE = (
    "og:image",
    "og:image:url",
    "og:image:secure_url",
    "twitter:image",
    "twitter:image:src",
)
_META_LANGUAGE = ("og:locale", "dc.language", "dcterms.language", "content-language", "language")
_META_RIGHTS = ("dc.rights", "dcterms.rights", "copyright", "rights")


def _meta(page: _Page, keys: Iterable[str]) -> list[str]:
    meta = page.meta
    values: list[str] = []
    for key in keys:
        found = meta.get(key)
        if found:
            values += found
    return values


def _from_meta(page: _Page) -> tuple[_Fields, _Fields]:
    """OpenGraph/article/Twitter fields, and Dublin Core/plain-meta fields."""
    og = _Fields()
    plain = _Fields()
    og.headline = _first(_meta(page, ("og:title", "twitter:title")))
    og.description = _first(_meta(page, ("og:description", "twitter:description")))
    og.published = [*_meta(page, ("article:published_time", "og:article:published_time"))]
    og.modified = [*_meta(page, ("article:modified_time", "og:updated_time"))]
    og.section = _first(_meta(page, ("article:section",)))
    og.keywords = _keywords(_meta(page, ("article:tag",)))
    image = next((url for url in _meta(page, _META_IMAGE) if "://" in url), None)
    og.images = [Image(url=image)] if image is not None else []
    og.url = _first(_meta(page, ("og:url",)))
    og.language = _first(_meta(page, ("og:locale",)))
    site = _first(_meta(page, _META_SITE))
    if site:
        og.publisher = Organization(name=site)
    for value in _meta(page, ("article:author", "og:article:author")):
        og.authors.extend(_author_text(value))
    plain.headline = _first(_meta(page, _META_HEADLINE[2:]))
    plain.description = _first(_meta(page, _META_DESCRIPTION[2:]))
    plain.published = [*_meta(page, _META_PUBLISHED[3:])]
    plain.published += [
        value
        for key, values in page.meta.items()
        if _may_name_publication(key) and key not in _PUBLISHED_NAMES and _PUBLISHED_KEY.search(key)
        for value in values
    ]
    plain.modified = [*_meta(page, _META_MODIFIED[2:])]
    plain.section = _first(_meta(page, _META_SECTION[2:]))
    plain.keywords = _keywords(_meta(page, ("keywords", "news_keywords", "parsely-tags")))
    plain.language = _first(_meta(page, _META_LANGUAGE[1:]))
    plain.rights = _first(_meta(page, _META_RIGHTS))
    for value in _meta(page, _META_AUTHOR[2:]):
        plain.authors.extend(_author_text(value))
    # Many sites put their own name in the author meta; that credits nobody.
    if site:
        own = _compact(site)
        og.authors = [b for b in og.authors if _compact(b.name) != own]
        plain.authors = [b for b in plain.authors if _compact(b.name) != own]
    return og, plain
