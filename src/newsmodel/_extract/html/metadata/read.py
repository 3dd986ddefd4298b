"""An HTML page's metadata, from every source it offers, in a fixed order of trust.

For each field the first source that gives a usable value wins:

1. **JSON-LD**: the main article node of every ``application/ld+json`` block, as the
   schema.org reader (:mod:`newsmodel._extract.common.schemaorg`) loads, repairs and
   flattens the blocks and chooses the node (``@graph``, top-level arrays, nested nodes and
   ``@id`` references across blocks resolved; ``type``/``id`` aliases, type lists and
   lower-case type names accepted). A broken block is repaired with a
   :class:`~newsmodel.errors.GuessWarning`, or skipped; it never hides its valid siblings.
2. **Microdata**: the ``itemscope`` of an article type and the ``itemprop`` values it owns.
3. **OpenGraph** and ``article:*`` meta, then Twitter cards.
4. **Dublin Core** and plain ``<meta>`` (``author``, ``description``, ``keywords``, the usual
   publication-date names).
5. **Markup**: ``<time datetime>``, ``rel=author``, hNews/hAtom classes (``entry-title``,
   ``byline``, ``author``/``fn``, ``published``/``updated``), then the first ``<h1>`` and the
   ``<title>``.
6. **The URL**: a date in its path (``/2019/11/19/``), with a warning.

Two fields bend that order, because measurement showed it pays. The headline without JSON-LD
or microdata comes from the ``<title>`` before the markup, OpenGraph and plain meta:
OpenGraph titles are often rewritten for social media. The site's name is taken off the
``<title>`` and ``og:title`` alike: the parts, split at `` | ``, `` - ``, `` – ``, `` — ``,
`` :: ``…, that match ``og:site_name``, ``application-name``, the publisher or the domain,
then sections around the run of parts another source (an ``<h1>``, another title) repeats.
When ``og:title`` only echoes the ``<title>`` (one SEO title, set once), the ``<h1>`` nearest
the article's prose wins over both if it differs but shares a word with them: it is the
headline the article is printed under. Of several ``<h1>``, the one nearest the prose is the
article's, not the site header's or a menu's. Bylines come from the first source that names
anyone, later sources only filling in their details; a meta author that is just the site's
own name credits nobody and is dropped.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import Any

import attrs
from lxml import etree

from .... import _guesses
from ...._model import Byline, Image, Organization
from ....errors import GuessWarning
from ...common.dates import structured_date
from ...common.ldjson import load_block
from ...common.relative_dates import relative_date
from ...common.schemaorg import Graph, main_article_node, types_of
from ...common.urls import is_readable_url
from ..index import PageIndex
from .fields import _PAGE_ARTICLE_TYPES, _byline_with, _Fields, _gather, _Page
from .headline import _unstructured_headline
from .jsonld import _body_text, _from_jsonld
from .markup import _from_markup
from .microdata import _from_microdata, _itemtype
from .pagekind import PageKind, declared_page_kind
from .tags import _META_SITE, _from_meta, _meta
from .visible_date import dated_by_print, printed_day, visible_dates

__all__ = ["PageMetadata", "merge_bylines", "read_metadata"]


_URL_DATE = re.compile(
    r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|[-_.+]|$)"
    r"|/((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])/"
)
_LANGUAGE = re.compile(r"^([A-Za-z]{2,3})(?:[-_]([A-Za-z]{2}|\d{3}|[A-Za-z]{4}))?\b")


@attrs.frozen(kw_only=True)
class PageMetadata:
    """What a page says about its article, each field from the most trusted source."""

    headline: str | None = None
    standfirst: str | None = None
    bylines: tuple[Byline, ...] = ()
    published: dt.datetime | dt.date | None = None
    modified: dt.datetime | dt.date | None = None
    language: str | None = None
    url: str | None = None
    id: str | None = None
    section: str | None = None
    genre: str | None = None
    keywords: tuple[str, ...] = ()
    publisher: Organization | None = None
    images: tuple[Image, ...] = ()
    rights: str | None = None
    comment_count: int | None = None
    #: The JSON-LD article node, for readers of its comments.
    article_node: Mapping[str, Any] | None = None
    #: The JSON-LD ``articleBody`` (often a teaser; a hint only).
    article_body: str | None = None
    #: Every title the page gives its article, to leave out of the body.
    titles: frozenset[str] = frozenset()
    #: Whether the page's metadata says it is an article (an article node, ``og:type``).
    declares_article: bool = False
    #: What the page says it is instead of an article (a forum, a product…), and why.
    non_article: PageKind | None = None


def _url_date(url: str | None) -> dt.date | None:
    if not url:
        return None
    match = _URL_DATE.search(url)
    if match is None:
        return None
    groups = [g for g in match.groups() if g is not None]
    try:
        return dt.date(int(groups[0]), int(groups[1]), int(groups[2]))
    except ValueError:
        return None


def _language(values: Iterable[str | None]) -> str | None:
    for value in values:
        if not value:
            continue
        match = _LANGUAGE.match(value.strip())
        if match is None:
            continue
        tag = match.group(1).lower()
        if match.group(2):
            region = match.group(2)
            tag += "-" + (region.upper() if len(region) == 2 else region.title())
        return tag
    return None


def merge_bylines(*sources: Iterable[Byline]) -> tuple[Byline, ...]:
    """Bylines from several sources, most trusted first, de-duplicated by name.

    The first source that names anyone decides who is credited, in its order; later sources
    only fill in the parts (role, affiliation, URL, e-mail) it lacks for the same names.
    """
    lists = [tuple(source) for source in sources]
    chosen = next((found for found in lists if found), ())
    merged: dict[str, Byline] = {}
    for byline in chosen:
        key = _name_key(byline.name)
        merged[key] = _fill(merged[key], byline) if key in merged else byline
    for found in lists:
        for byline in found:
            key = _name_key(byline.name)
            if key in merged and merged[key] is not byline:
                merged[key] = _fill(merged[key], byline)
    return tuple(merged.values())


def _fill(known: Byline, other: Byline) -> Byline:
    return _byline_with(
        known,
        role=known.role or other.role,
        affiliation=known.affiliation or other.affiliation,
        url=known.url or other.url,
        email=known.email or other.email,
    )


def _name_key(name: str) -> str:
    return _NON_WORD.sub(" ", name).strip().casefold()


_NON_WORD = re.compile(r"\W+")


def _date(
    candidates: Iterable[str | dt.date], *, month_first: bool, reference: dt.datetime | None
) -> dt.datetime | dt.date | None:
    """The first candidate that is a date: already read, text :func:`structured_date` reads
    (numeric days in the page's order), a day as pages print it in their language, or, with
    a reference time, a date relative to it ("3 hours ago")."""
    for candidate in candidates:
        if isinstance(candidate, dt.date):
            return candidate
        value = structured_date(candidate, day_first=not month_first)
        if value is None and len(candidate) <= _MAX_PRINTED_DATE:
            value = printed_day(candidate, month_first=month_first)
        if value is None and reference is not None:
            value = relative_date(candidate, reference)
            if value is not None:
                _guesses.warn(
                    f"the date {candidate.strip()!r} was read against the reference time"
                    f" ({reference.isoformat()})",
                    GuessWarning,
                    stacklevel=3,
                )
        if value is not None:
            return value
    return None


#: Longer date texts are sentences, not dates.
_MAX_PRINTED_DATE = 80


def _day(value: dt.datetime | dt.date) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _headline_element(page: _Page, headline: str | None) -> etree._Element | None:
    """The ``<h1>`` that prints the headline, else the first one."""
    if not page.h1_elements:
        return None
    wanted = (headline or "").casefold()
    for el, text in page.h1_elements:
        folded = text.casefold()
        if wanted and (folded in wanted or wanted in folded):
            return el
    return page.h1_elements[0][0]


def _month_first(page: _Page) -> bool:
    """Whether numeric dates read month first: English pages outside the Commonwealth."""
    lang = (page.html_lang or "en-US").replace("_", "-").lower()
    return lang.startswith("en") and lang[3:5] not in ("gb", "au", "nz", "ie", "in", "za")


def _earlier(a: dt.datetime | dt.date, b: dt.datetime | dt.date) -> bool:
    """Whether ``a`` is before ``b``; a day is compared with a moment by its day."""
    if isinstance(a, dt.datetime) and isinstance(b, dt.datetime):
        return a < b
    day_a = a.date() if isinstance(a, dt.datetime) else a
    day_b = b.date() if isinstance(b, dt.datetime) else b
    return day_a < day_b


def _first_given(sources: list[_Fields], name: str, default: Any) -> Any:
    """The first value a source gives for the field ``name``, else ``default``."""
    for source in sources:
        value = getattr(source, name)
        if value:
            return value
    return default


def read_metadata(
    root: etree._Element,
    *,
    url: str | None = None,
    elements: PageIndex | None = None,
    reference_time: dt.datetime | None = None,
) -> PageMetadata:
    """Read a page's metadata from all its sources, most trusted first.

    Args:
        root: The parsed page.
        url: Where the page was fetched from, when known.
        elements: The page's shared element lists, when the caller has them already.
        reference_time: When the page was fetched (timezone-aware), for dates it writes
            relative to that moment ("3 hours ago"); without it they are not read.

    Returns:
        The metadata; fields no source gives are left empty.
    """
    if elements is None:
        elements = PageIndex(root)
    page = _gather(root, elements)
    blocks = [value for text in page.jsonld if (value := load_block(text)) is not None]
    graph = Graph(blocks, article_types=_PAGE_ARTICLE_TYPES)
    canonical = page.canonical
    if not canonical or "://" not in canonical or not is_readable_url(canonical):
        canonical = None
    node = main_article_node(graph, canonical or url)
    sources: list[_Fields] = []
    if node is not None:
        sources.append(_from_jsonld(node, graph))
    microdata, microdata_count, microdata_is_article = _from_microdata(elements)
    sources.append(microdata)
    og, plain = _from_meta(page)
    sources += [og, plain]
    markup = _from_markup(root, page, elements)
    sources.append(markup)

    site = _first_given(sources, "publisher", None)
    site_name = site.name if site else None
    headline = _first_given(sources[:-3], "headline", None) or _unstructured_headline(
        page,
        og,
        plain,
        markup,
        [*(n for n in (site_name,) if n), *_meta(page, _META_SITE[:2])],
        canonical or url,
    )
    published_candidates = [text for source in sources for text in source.published]
    month_first = _month_first(page)
    published = _date(published_candidates, month_first=month_first, reference=reference_time)
    modified = _date(
        (text for source in sources for text in source.modified),
        month_first=month_first,
        reference=reference_time,
    )
    if published is None or (modified is not None and _day(modified) != _day(published)):
        printed = visible_dates(
            _headline_element(page, headline), month_first=month_first, reference=reference_time
        )
        published, reason = dated_by_print(published, modified, printed)
        if reason is not None:
            _guesses.warn(reason, GuessWarning, stacklevel=2)
    url_day = _url_date(canonical or url)
    if published is None and url_day is not None:
        _guesses.warn(
            f"the only publication date is the one in the URL ({url_day.isoformat()})",
            GuessWarning,
            stacklevel=2,
        )
        published = url_day
    if published is not None and modified is not None and _earlier(modified, published):
        # Schema.org consumers reject such a pair; the publication date is the one readers see.
        _guesses.warn(
            f"the page says it was modified ({modified.isoformat()}) before it was published"
            f" ({published.isoformat()}); the modification date is left out",
            GuessWarning,
            stacklevel=2,
        )
        modified = None
    bylines = merge_bylines(*(source.authors for source in sources))
    titles = {t for t in (headline, page.title, *page.h1) if t}
    for source in sources:
        if source.headline:
            titles.add(source.headline)
    article_body = _body_text(node.get("articleBody")) if node is not None else None
    comment_count = next(
        (s.comment_count for s in sources if s.comment_count is not None), microdata_count
    )
    images: list[Image] = _first_given(sources, "images", [])
    declares_article = (
        node is not None
        or microdata_is_article
        or any(kind.lower() == "article" for kind in page.meta.get("og:type", ()))
    )
    non_article = None
    if node is not None and "discussionforumposting" in types_of(node):
        # schema.org files forum posts under Article; a thread is no news article.
        non_article = declared_page_kind([types_of(node)], (), ())
    elif not declares_article:
        non_article = declared_page_kind(
            [*(types_of(item) for item in graph.nodes), *map(_itemtype, elements.itemscopes)],
            page.meta.get("og:type", ()),
            [t for t in (page.title, *page.h1) if t],
        )
    return PageMetadata(
        headline=headline,
        standfirst=_first_given(sources, "description", None),
        bylines=bylines,
        published=published,
        modified=modified,
        language=_language(
            [
                page.html_lang,
                *(s.language for s in sources),
                page.meta.get("content-language", [None])[0],
            ]
        ),
        url=canonical or _first_given(sources, "url", None) or url,
        id=_first_given(sources, "id", None),
        section=_first_given(sources, "section", None),
        genre=_first_given(sources, "genre", None),
        keywords=tuple(_first_given(sources, "keywords", [])),
        publisher=site,
        images=tuple(images),
        rights=_first_given(sources, "rights", None),
        comment_count=comment_count,
        article_node=node,
        article_body=article_body,
        titles=frozenset(titles),
        declares_article=declares_article,
        non_article=non_article,
    )
