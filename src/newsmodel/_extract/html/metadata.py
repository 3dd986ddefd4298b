"""An HTML page's metadata, from every source it offers, in a fixed order of trust.

For each field the first source that gives a usable value wins:

1. **JSON-LD**: the main article node of every ``application/ld+json`` block, as the
   schema.org codec's lenient reader (:mod:`newsmodel._codecs.jsonld.read`) loads, repairs and
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
import warnings
from collections.abc import Iterable, Iterator, Mapping
from typing import Any
from urllib.parse import urlsplit

import attrs
from lxml import etree

from ..._codecs.jsonld.read import (
    ARTICLE_TYPES,
    Graph,
    clean_text,
    load_block,
    main_article_node,
    node_id,
    types_of,
)
from ..._codecs.jsontext import lenient_count
from ..._model import Byline, BylineKind, Image, Organization
from ...errors import GuessWarning
from ..common.bylines import is_organization, looks_like_name, name_case, split_bylines
from ..common.dates import parse_date
from .index import Named, PageIndex, element_text, is_markup, xpath_elements

__all__ = [
    "PageMetadata",
    "merge_bylines",
    "read_metadata",
]

#: schema.org types (lower-cased) whose node or item is a page's article: the JSON-LD
#: codec's article types, and a ``Review`` (a film or book review page), which the codec does
#: not read as an article.
_PAGE_ARTICLE_TYPES = ARTICLE_TYPES | {"review"}

#: The genre an article subtype declares.
_GENRES = {
    "opinionnewsarticle": "opinion",
    "analysisnewsarticle": "analysis",
    "reviewnewsarticle": "review",
    "review": "review",
    "backgroundnewsarticle": "background",
    "reportagenewsarticle": "news",
    "satiricalarticle": "satire",
    "blogposting": "blog",
    "liveblogposting": "live blog",
}

_URL_DATE = re.compile(
    r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|[-_.]|$)"
    r"|/((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])/"
)
_TITLE_SEPARATORS = re.compile(r"\s+(?:[|\u2013\u2014·•»:]|::|-{1,2})\s+")
_BY_PREFIX = re.compile(
    r"^\s*(?:(?:posted|written|published|words|text|story|reported)\s+by|by|von|por|par|di|oleh"
    r"|от|автор)\s*:?\s+",
    re.IGNORECASE,
)
_LANGUAGE = re.compile(r"^([A-Za-z]{2,3})(?:[-_]([A-Za-z]{2}|\d{3}|[A-Za-z]{4}))?\b")
_CLASS_WORDS = re.compile(r"[\s_\-]+")

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
#: Other meta names that carry a publication date ("published_time_telegram", "pub-date").
_PUBLISHED_KEY = re.compile(r"publish(?!er)|pub[-_.]?date|issued|release[-_]?date", re.IGNORECASE)
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


# --- JSON-LD ----------------------------------------------------------------------------------


def _text(value: object, graph: Graph | None = None) -> str | None:
    """A clean string from a JSON-LD value (a string, a list's first string, a named node)."""
    if graph is not None:
        value = graph.resolve(value)
    if isinstance(value, list):
        for item in value:
            text = _text(item, graph)
            if text:
                return text
        return None
    if isinstance(value, dict):
        for key in ("name", "@value", "text", "headline", "url", "@id"):
            text = _text(value.get(key))
            if text:
                return text
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        return None
    return clean_text(value)


def _body_text(value: object) -> str | None:
    """An ``articleBody``: like :func:`clean_text`, but its paragraph breaks kept."""
    if not isinstance(value, str):
        return None
    lines = [clean_text(line) for line in re.split(r"\s*(?:\n|<br\s*/?>|</p>)\s*", value)]
    return "\n".join(line for line in lines if line) or None


def _list(value: object) -> list[object]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _jsonld_bylines(value: object, graph: Graph) -> list[Byline]:
    bylines: list[Byline] = []
    for item in _list(value):
        item = graph.resolve(item)
        if isinstance(item, str):
            text = clean_text(item)
            if text and not text.startswith(("http://", "https://")):
                bylines.extend(_split(text))
        elif isinstance(item, dict):
            name = _text(item.get("name"))
            if not name:
                given, family = _text(item.get("givenName")), _text(item.get("familyName"))
                name = " ".join(part for part in (given, family) if part) or None
            if not name or name.startswith(("http://", "https://")):
                continue
            organization = bool(types_of(item) & {"organization", "newsmediaorganization"})
            url = _text(item.get("url")) or _text(item.get("sameAs"))
            email = _text(item.get("email"))
            role = _text(item.get("jobTitle"))
            affiliation = _text(item.get("affiliation"), graph) or _text(
                item.get("worksFor"), graph
            )
            split = _split(name)
            if len(split) > 1 or (split and _BY_PREFIX.match(name)):
                # A whole printed byline in a name field ("By A and B, Associated Press").
                bylines.extend(split)
            elif organization or is_organization(name):
                bylines.append(Byline(name=name, kind=BylineKind.ORGANIZATION, url=url))
            else:
                person = split[0] if split else Byline(name=name_case(name))
                bylines.append(
                    _byline_with(
                        person,
                        role=role or person.role,
                        affiliation=affiliation or person.affiliation,
                        url=url if url and url.startswith(("http", "/")) else None,
                        email=email.removeprefix("mailto:") if email else person.email,
                    )
                )
    return bylines


def _jsonld_images(value: object, graph: Graph) -> list[Image]:
    images: list[Image] = []
    for item in _list(value):
        item = graph.resolve(item)
        if isinstance(item, str):
            if item.strip():
                images.append(Image(url=item.strip()))
        elif isinstance(item, dict):
            url = _text(item.get("url")) or _text(item.get("contentUrl"))
            if not url:
                continue
            images.append(
                Image(
                    url=url,
                    caption=_text(item.get("caption")) or _text(item.get("description")),
                    credit=_text(item.get("creditText"))
                    or _text(item.get("copyrightHolder"), graph)
                    or _text(item.get("author"), graph),
                    width=_dimension(item.get("width")),
                    height=_dimension(item.get("height")),
                )
            )
    return images


def _dimension(value: object) -> int | None:
    if isinstance(value, dict):
        value = value.get("value")
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, str):
        match = re.match(r"\s*(\d{1,6})", value)
        return int(match.group(1)) if match else None
    return None


def _keywords(values: Iterable[object]) -> list[str]:
    words: list[str] = []
    for value in values:
        for item in _list(value):
            text = _text(item)
            if text:
                words.extend(part.strip() for part in text.split(",") if part.strip())
    return _unique(words)


def _unique(values: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for value in values:
        key = value.casefold()
        if key not in seen:
            seen.add(key)
            out.append(value)
    return out


# --- collected sources ------------------------------------------------------------------------


@attrs.define
class _Fields:
    """Candidate values of one source; empty means the source does not say."""

    headline: str | None = None
    description: str | None = None
    authors: list[Byline] = attrs.Factory(list)
    published: list[str] = attrs.Factory(list)
    modified: list[str] = attrs.Factory(list)
    section: str | None = None
    keywords: list[str] = attrs.Factory(list)
    images: list[Image] = attrs.Factory(list)
    url: str | None = None
    language: str | None = None
    publisher: Organization | None = None
    rights: str | None = None
    comment_count: int | None = None
    genre: str | None = None
    id: str | None = None


def _from_jsonld(node: dict[str, Any], graph: Graph) -> _Fields:
    fields = _Fields()
    fields.headline = _text(node.get("headline")) or _text(node.get("name"))
    fields.description = _text(node.get("description")) or _text(node.get("abstract"))
    fields.authors = _jsonld_bylines(node.get("author"), graph) or _jsonld_bylines(
        node.get("creator"), graph
    )
    for key, target in (("datePublished", fields.published), ("dateCreated", fields.published)):
        text = _text(node.get(key))
        if text:
            target.append(text)
    modified = _text(node.get("dateModified"))
    if modified:
        fields.modified.append(modified)
    fields.section = _text(node.get("articleSection"))
    fields.keywords = _keywords([node.get("keywords")])
    fields.images = _jsonld_images(node.get("image"), graph) or _jsonld_images(
        node.get("thumbnailUrl"), graph
    )
    url = _text(node.get("url"), graph)
    if not url:
        entity = graph.resolve(node.get("mainEntityOfPage"))
        url = node_id(entity) if isinstance(entity, dict) else _text(entity)
    fields.url = url if url and url.startswith("http") else None
    fields.language = _text(node.get("inLanguage"), graph)
    publisher = graph.resolve(node.get("publisher"))
    if isinstance(publisher, list) and publisher:
        publisher = graph.resolve(publisher[0])
    if isinstance(publisher, dict):
        name = _text(publisher.get("name"))
        if name:
            logo = graph.resolve(publisher.get("logo"))
            fields.publisher = Organization(
                name=name,
                url=_text(publisher.get("url")),
                logo=_text(logo.get("url")) if isinstance(logo, dict) else _text(logo),
            )
    elif isinstance(publisher, str):
        name = clean_text(publisher)
        if name:
            fields.publisher = Organization(name=name)
    fields.rights = _text(node.get("copyrightNotice")) or _text(node.get("license"))
    statistic = graph.resolve(node.get("interactionStatistic"))
    fields.comment_count = lenient_count(node.get("commentCount"))
    if fields.comment_count is None:
        for item in _list(statistic):
            if isinstance(item, dict) and "comment" in str(item.get("interactionType", "")).lower():
                fields.comment_count = lenient_count(item.get("userInteractionCount"))
    for kind in types_of(node):
        if kind in _GENRES:
            fields.genre = _GENRES[kind]
            break
    identifier = _text(node.get("identifier"))
    fields.id = identifier if identifier and not identifier.startswith("http") else None
    return fields


@attrs.define
class _Page:
    """The parts of the tree metadata is read from, gathered in one pass."""

    meta: dict[str, list[str]] = attrs.Factory(dict)
    jsonld: list[str] = attrs.Factory(list)
    canonical: str | None = None
    title: str | None = None
    html_lang: str | None = None
    rel_authors: list[str] = attrs.Factory(list)
    times: list[etree._Element] = attrs.Factory(list)
    h1: list[str] = attrs.Factory(list)
    #: The first few ``<h1>`` elements that have text, with that text.
    h1_elements: list[tuple[etree._Element, str]] = attrs.Factory(list)
    root: etree._Element | None = None


def _gather(root: etree._Element) -> _Page:
    page = _Page()
    page.root = root
    page.html_lang = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    for el in root.iter("meta", "link", "script", "title", "time", "h1"):
        tag = el.tag
        if tag == "meta":
            key = el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv")
            content = el.get("content")
            if key and content and content.strip():
                page.meta.setdefault(key.strip().lower(), []).append(content.strip())
        elif tag == "script":
            kind = (el.get("type") or "").lower()
            if "ld+json" in kind and el.text:
                page.jsonld.append(el.text)
        elif tag == "link":
            rel = (el.get("rel") or "").lower().split()
            href = (el.get("href") or "").strip()
            if "canonical" in rel and href and page.canonical is None:
                page.canonical = href
            elif "author" in rel and href:
                page.rel_authors.append(href)
        elif tag == "title":
            if page.title is None:
                page.title = clean_text(element_text(el))
        elif tag == "time":
            page.times.append(el)
        elif tag == "h1" and len(page.h1_elements) < _MAX_H1:
            text = clean_text(element_text(el))
            if text:
                page.h1_elements.append((el, text))
                if len(page.h1) < 3:
                    page.h1.append(text)
    # Links are many; only those with a rel attribute are fetched from the tree.
    for el in xpath_elements(_REL_XPATH, root):
        if "author" in (el.get("rel") or "").lower().split():
            text = clean_text(element_text(el))
            if text:
                page.rel_authors.append(text)
    return page


_REL_XPATH = etree.XPath("//a[@rel]")


def _meta(page: _Page, keys: Iterable[str]) -> list[str]:
    values: list[str] = []
    for key in keys:
        values.extend(page.meta.get(key, ()))
    return values


def _from_meta(page: _Page) -> tuple[_Fields, _Fields]:
    """OpenGraph/article/Twitter fields, and Dublin Core/plain-meta fields."""
    og = _Fields()
    plain = _Fields()
    og.headline = _first(_meta(page, ("og:title", "twitter:title")))
    og.description = _first(_meta(page, ("og:description", "twitter:description")))
    og.published = _meta(page, ("article:published_time", "og:article:published_time"))
    og.modified = _meta(page, ("article:modified_time", "og:updated_time"))
    og.section = _first(_meta(page, ("article:section",)))
    og.keywords = _keywords(_meta(page, ("article:tag",)))
    og.images = [Image(url=url) for url in _unique(_meta(page, _META_IMAGE)) if "://" in url][:1]
    og.url = _first(_meta(page, ("og:url",)))
    og.language = _first(_meta(page, ("og:locale",)))
    site = _first(_meta(page, _META_SITE))
    if site:
        og.publisher = Organization(name=site)
    for value in _meta(page, ("article:author", "og:article:author")):
        og.authors.extend(_author_text(value))
    plain.headline = _first(_meta(page, _META_HEADLINE[2:]))
    plain.description = _first(_meta(page, _META_DESCRIPTION[2:]))
    plain.published = _meta(page, _META_PUBLISHED[3:]) + [
        value
        for key, values in page.meta.items()
        if _PUBLISHED_KEY.search(key) and key not in _META_PUBLISHED
        for value in values
    ]
    plain.modified = _meta(page, _META_MODIFIED[2:])
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


def _compact(name: str) -> str:
    return re.sub(r"\W+", "", name).casefold()


def _first(values: Iterable[str]) -> str | None:
    for value in values:
        text = clean_text(value)
        if text:
            return text
    return None


def _author_text(value: str) -> list[Byline]:
    """Bylines from a meta author value; profile URLs and handles name nobody."""
    text = clean_text(value)
    if not text or "://" in text or text.startswith(("@", "www.")):
        return []
    return _split(text)


def _split(text: str) -> list[Byline]:
    bylines = list(split_bylines(text))
    if bylines:
        return bylines
    text = _BY_PREFIX.sub("", text).strip()
    bylines = list(split_bylines(text))
    if bylines:
        return bylines
    if text and len(text) <= 80 and looks_like_name(text):
        return [Byline(name=name_case(text))]
    return []


# --- microdata --------------------------------------------------------------------------------


def _itemtype(el: etree._Element) -> frozenset[str]:
    return frozenset(
        value.rstrip("/").rsplit("/", 1)[-1].lower() for value in (el.get("itemtype") or "").split()
    )


def _owner(el: etree._Element) -> etree._Element | None:
    """The item an ``itemprop`` belongs to: its nearest ``itemscope`` ancestor."""
    parent = el.getparent()
    while parent is not None:
        if parent.get("itemscope") is not None:
            return parent
        parent = parent.getparent()
    return None


def itemprop_value(el: etree._Element) -> str | None:
    """A microdata property's value, by the element that carries it."""
    tag = el.tag if is_markup(el) else ""
    if tag == "meta":
        value = el.get("content")
    elif tag in ("a", "link", "area"):
        value = el.get("href")
    elif tag in ("img", "audio", "video", "source", "iframe", "embed"):
        value = el.get("src")
    elif tag == "time":
        value = el.get("datetime") or element_text(el)
    elif tag in ("data", "meter"):
        value = el.get("value")
    else:
        value = el.get("content") or element_text(el)
    return clean_text(value) if value else None


def item_properties(
    scope: etree._Element, props: list[etree._Element]
) -> dict[str, list[etree._Element]]:
    """The ``itemprop`` elements an item owns, by property name."""
    owned: dict[str, list[etree._Element]] = {}
    for el in props:
        if el is scope or _owner(el) is not scope:
            continue
        for name in (el.get("itemprop") or "").split():
            owned.setdefault(name, []).append(el)
    return owned


def _from_microdata(elements: PageIndex) -> tuple[_Fields, int | None, bool]:
    fields = _Fields()
    scopes = elements.itemscopes
    article = next((el for el in scopes if _itemtype(el) & _PAGE_ARTICLE_TYPES), None)
    props = elements.itemprops
    if article is None:
        return fields, None, False
    owned = item_properties(article, props)

    def first(name: str) -> str | None:
        for el in owned.get(name, ()):
            value = itemprop_value(el)
            if value:
                return value
        return None

    fields.headline = first("headline") or first("name")
    fields.description = first("description")
    fields.published = [v for el in owned.get("datePublished", ()) if (v := itemprop_value(el))]
    fields.modified = [v for el in owned.get("dateModified", ()) if (v := itemprop_value(el))]
    fields.section = first("articleSection")
    for el in [*owned.get("author", []), *owned.get("creator", [])]:
        if el.get("itemscope") is not None:
            sub = item_properties(el, props)
            names = [v for e in sub.get("name", ()) if (v := itemprop_value(e))]
            if names:
                fields.authors.extend(_split(names[0]) or [Byline(name=names[0])])
                continue
        text = clean_text(element_text(el)) if el.tag not in ("meta", "link") else None
        text = text or itemprop_value(el)
        if text and "://" not in text:
            fields.authors.extend(_split(text))
    count = first("commentCount")
    return fields, lenient_count(count) if count else None, True


# --- markup: time, rel=author, hNews ----------------------------------------------------------


def _class_words(el: etree._Element) -> set[str]:
    return {w.lower() for w in _CLASS_WORDS.split(el.get("class") or "") if w}


#: Class fragments of hNews/hAtom and of the usual byline and date markup.
_MARKUP_CLASSES = re.compile(r"byline|author|entry-title|published|updated|vcard|date")


def _from_markup(root: etree._Element, page: _Page, named: Iterable[Named]) -> _Fields:
    fields = _Fields()
    for el in page.times:
        value = el.get("datetime") or el.get("content") or clean_text(element_text(el))
        if not value:
            continue
        words = _class_words(el) | {w.lower() for w in (el.get("itemprop") or "").split()}
        if any("updated" in w or "modified" in w or "lastmod" in w for w in words):
            fields.modified.append(value)
        else:
            fields.published.append(value)
    search = _MARKUP_CLASSES.search
    hits = [n.el for n in named if n.classes and search(n.classes)]
    for el in hits:
        names = (el.get("class") or "").lower()
        if "entry-title" in names and fields.headline is None:
            fields.headline = clean_text(element_text(el))
        if el.tag == "time" or not ("date" in names or "publish" in names or "updated" in names):
            continue
        value = el.get("title") or el.get("datetime") or el.get("content")
        if value is None and len(el) <= 3:
            value = clean_text(element_text(el))
        if value and len(value) <= 80:
            (fields.modified if "updated" in names else fields.published).append(value)
    fields.authors = _markup_authors(hits, page)
    # Without an hAtom title, the headline is an <h1>: chosen with the other titles in
    # _unstructured_headline, by how near it stands to the article's prose.
    return fields


def _markup_authors(hits: list[etree._Element], page: _Page) -> list[Byline]:
    """Authors named by byline/author classes, a "By …" line, or ``rel=author`` links."""
    for el in hits:
        names = (el.get("class") or "").lower()
        if not ("byline" in names or "author" in names or "fn" in _class_words(el)):
            continue
        if any(word in names for word in _NOT_BYLINE_CLASSES):
            continue
        if el.tag in _NOT_BYLINE_TAGS or _in_comments(el):
            continue
        text = _byline_text(el)
        if not text or len(text) > 150:
            continue
        found = _split(text)
        if found:
            links = [a.get("href") for a in el.iter("a") if a.get("href", "").startswith("http")]
            if len(found) == 1 and len(links) == 1 and found[0].url is None:
                first = found[0]
                found = [
                    _byline_with(
                        first,
                        role=first.role,
                        affiliation=first.affiliation,
                        url=links[0],
                        email=first.email,
                    )
                ]
            return found
    for el in _by_lines(page.root) if page.root is not None else ():
        text = _byline_text(el)
        if text and len(text) <= 100:
            found = _split(text)
            if found:
                return found
    found = []
    for value in page.rel_authors:
        if "://" not in value and not value.startswith("/"):
            found.extend(_split(value))
    return found


def _byline_text(el: etree._Element) -> str | None:
    """A byline element's text, its lines joined by commas, its dates and times left out.

    "By A and B<br>Associated Press" reads "By A and B, Associated Press"; the "Monday,
    November 18" in a ``<span class="datetime">`` inside a byline is not part of it.
    """
    # Each line as a list of its pieces: appending to a string would copy the whole line for
    # every inline child, which is quadratic on a byline of thousands of them.
    lines: list[list[str]] = [[]]

    def walk(node: etree._Element) -> None:
        if node.text:
            lines[-1].append(node.text)
        for child in node:
            if is_markup(child):
                tag = child.tag
                names = (child.get("class") or "").lower()
                if tag == "br":
                    lines.append([])
                elif tag in ("time", "script", "style") or "date" in names or "time" in names:
                    pass
                elif tag in _LINE_TAGS:
                    lines.append([])
                    walk(child)
                    lines.append([])
                else:
                    walk(child)
            if child.tail:
                lines[-1].append(child.tail)

    walk(el)
    texts = ("".join(pieces).strip(" ,|") for pieces in lines)
    return clean_text(", ".join(text for text in texts if text))


_LINE_TAGS = frozenset(
    {"div", "p", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section"}
)


def _in_comments(el: etree._Element) -> bool:
    """Whether an element sits in a comment section (whose authors are not the article's)."""
    parent = el.getparent()
    while parent is not None:
        names = f"{parent.get('class') or ''} {parent.get('id') or ''}".lower()
        if "comment" in names or "respond" in names:
            return True
        parent = parent.getparent()
    return False


_NOT_BYLINE_CLASSES = ("bio", "avatar", "image", "img", "photo", "social", "follow", "twitter")
_NOT_BYLINE_TAGS = frozenset({"meta", "link", "script", "style", "img", "body", "article", "html"})


def _by_lines(root: etree._Element) -> Iterator[etree._Element]:
    """Short elements whose own text opens with "By": printed bylines without a telling class."""
    for el in root.iter("p", "span", "div", "address", "li"):
        text = el.text
        if text and text.lstrip()[:3] in ("By ", "by ", "By", "by") and len(text) < 120:
            yield el


#: How many ``<h1>`` elements are weighed as the headline, and how far above one the article's
#: prose may start for it to count as the article's own heading.
_MAX_H1 = 8
_H1_REACH = 4
#: A paragraph at least this long is article prose, not a caption, a label or a teaser.
_PROSE_CHARS = 80
#: Second-level domains under which a site's name is the label before them ("bbc.co.uk").
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "go"})


def _site_keys(names: Iterable[str], url: str | None) -> frozenset[str]:
    """The compacted forms under which a page's title may carry its site's name.

    They are the declared site names (``og:site_name``, ``application-name``, the
    publisher), each part of a site name that is itself a list ("Autoracing | F1 | Indy"),
    and the page's domain, whole ("livescience.com") and as its name label ("livescience").
    """
    keys: set[str] = set()
    for name in names:
        keys.add(_compact(name))
        keys.update(_compact(part) for part in _TITLE_SEPARATORS.split(name))
    host = ""
    if url and "://" in url:
        try:
            host = (urlsplit(url).hostname or "").removeprefix("www.")
        except ValueError:  # a malformed address names no site
            host = ""
    labels = [label for label in host.split(".") if label]
    if len(labels) >= 2:
        keys.add(_compact(host))
        name = labels[-2]
        if name in _SECOND_LEVEL and len(labels) >= 3:
            name = labels[-3]
        keys.add(_compact(name))
    keys.discard("")
    return frozenset(keys)


def _without_site(
    title: str | None, keys: frozenset[str], witnesses: Iterable[str], printed: Iterable[str]
) -> str | None:
    """A title (``<title>``, ``og:title``) without the site name and sections around it.

    The title is split at its separators (`` | ``, `` - ``, `` – ``, `` — ``, `` :: ``…).
    Parts that name the site are dropped from either end; when one part is left, it is the
    headline. Otherwise the shortest run of parts that another source gives as a whole is
    taken (another title, ``witnesses``, unless it merely repeats this one; or an ``<h1>``,
    ``printed``, which may print the whole title), else the longest part when it reads as a
    headline, else the title as written.
    """
    if not title:
        return None
    separators = list(_TITLE_SEPARATORS.finditer(title))
    if not separators:
        return title
    bounds = [0]
    for match in separators:
        bounds += [match.start(), match.end()]
    bounds.append(len(title))
    spans = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]
    spans = [(a, b) for a, b in spans if title[a:b].strip()]
    lo, hi = 0, len(spans)
    while hi - lo > 1 and _compact(title[slice(*spans[hi - 1])]) in keys:
        hi -= 1
    while hi - lo > 1 and _compact(title[slice(*spans[lo])]) in keys:
        lo += 1
    spans = spans[lo:hi]
    if len(spans) == 1:
        return title[slice(*spans[0])].strip()
    known = {_compact(text) for text in witnesses if text} - {_compact(title)}
    known.update(_compact(text) for text in printed)
    # Runs of at most a few parts: a headline with its site and sections has a handful, and
    # trying every run of a title with hundreds of separators would take cubic time.
    for size in range(1, min(len(spans), _LONGEST_TITLE_RUN) + 1):
        for first in range(len(spans) - size + 1):
            text = title[spans[first][0] : spans[first + size - 1][1]].strip()
            if _compact(text) in known:
                return text
    rest = [title[a:b].strip() for a, b in spans if _compact(title[a:b]) not in keys]
    best = max(rest or [title], key=len)
    return best if len(best) >= 15 else title


#: Most title parts :func:`_without_site` joins when it looks for a headline among them.
_LONGEST_TITLE_RUN = 8


def _prose_distance(el: etree._Element) -> int | None:
    """How many levels above an element its nearest ancestor holding article prose is.

    ``None`` when none is within reach: an ``<h1>`` in a site header or a navigation menu
    sits far from the article's paragraphs, the article's own heading right beside them.
    """
    ancestor = el.getparent()
    for level in range(1, _H1_REACH + 1):
        if ancestor is None:
            return None
        for paragraph in ancestor.iter("p"):
            if len(element_text(paragraph).strip()) >= _PROSE_CHARS:
                return level
        ancestor = ancestor.getparent()
    return None


def _body_h1(page: _Page, keys: frozenset[str]) -> str | None:
    """The ``<h1>`` nearest the article's prose, unless it only names the site."""
    best: tuple[int, str] | None = None
    for el, text in page.h1_elements:
        if _compact(text) in keys:
            continue
        distance = _prose_distance(el)
        if distance is not None and (best is None or distance < best[0]):
            best = (distance, text)
    return best[1] if best else None


_HEADLINE_WORD = re.compile(r"\w{4,}")


def _same_story(a: str, b: str) -> bool:
    """Whether two titles share a word of four letters or more (so are about one story)."""
    words = set(_HEADLINE_WORD.findall(a.casefold()))
    return any(word in words for word in _HEADLINE_WORD.findall(b.casefold()))


def _unstructured_headline(
    page: _Page,
    og: _Fields,
    plain: _Fields,
    markup: _Fields,
    site_names: Iterable[str],
    url: str | None,
) -> str | None:
    """The headline when neither JSON-LD nor microdata gives one.

    The ``<title>`` (the site's name removed) is the best witness: OpenGraph titles are often
    rewritten for social media, and the first ``<h1>`` is sometimes a section or site name.
    When ``og:title`` only repeats the ``<title>``, though, the two are one SEO title set once,
    and an ``<h1>`` beside the article's prose that differs from it but tells the same story
    is the headline the article is printed under.
    """
    keys = _site_keys(site_names, url)
    headings = [text for _, text in page.h1_elements]
    twitter = page.meta.get("twitter:title", [])
    others = [*(h for h in (og.headline,) if h), *twitter, *_meta(page, _META_HEADLINE[2:])]
    title = _without_site(page.title, keys, others, headings)
    social = _without_site(og.headline, keys, [title] if title else [], headings)
    if title:
        printed = {_compact(text) for text in headings}
        if social and _compact(social) == _compact(title) and _compact(title) not in printed:
            body_h1 = _body_h1(page, keys)
            if body_h1 and _compact(body_h1) != _compact(title) and _same_story(body_h1, title):
                return body_h1
        return title
    body_h1 = _body_h1(page, keys)
    first_h1 = page.h1[0] if page.h1 else None
    return markup.headline or body_h1 or first_h1 or social or plain.headline


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


def _byline_with(
    byline: Byline,
    *,
    role: str | None,
    affiliation: str | None,
    url: str | None,
    email: str | None,
) -> Byline:
    """The same person or organisation with these parts (every one given, kept or not)."""
    return Byline(
        name=byline.name,
        kind=byline.kind,
        role=role,
        affiliation=affiliation,
        url=url,
        email=email,
    )


def _name_key(name: str) -> str:
    return re.sub(r"\W+", " ", name).strip().casefold()


def _date(candidates: Iterable[str]) -> dt.datetime | dt.date | None:
    for text in candidates:
        text = text.strip()
        if not text:
            continue
        if text.isdigit() and len(text) in (10, 13):
            # A Unix timestamp (seconds or milliseconds).
            seconds = int(text) / (1000 if len(text) == 13 else 1)
            return dt.datetime.fromtimestamp(seconds, tz=dt.timezone.utc)
        value = parse_date(text)
        if value is not None:
            return value
    return None


def _earlier(a: dt.datetime | dt.date, b: dt.datetime | dt.date) -> bool:
    """Whether ``a`` is before ``b``; a day is compared with a moment by its day."""
    if isinstance(a, dt.datetime) and isinstance(b, dt.datetime):
        return a < b
    day_a = a.date() if isinstance(a, dt.datetime) else a
    day_b = b.date() if isinstance(b, dt.datetime) else b
    return day_a < day_b


def _walk_sources(sources: list[_Fields], name: str) -> Iterator[Any]:
    for source in sources:
        value = getattr(source, name)
        if value:
            yield value


def read_metadata(
    root: etree._Element, *, url: str | None = None, elements: PageIndex | None = None
) -> PageMetadata:
    """Read a page's metadata from all its sources, most trusted first.

    Args:
        root: The parsed page.
        url: Where the page was fetched from, when known.
        elements: The page's shared element lists, when the caller has them already.

    Returns:
        The metadata; fields no source gives are left empty.
    """
    page = _gather(root)
    if elements is None:
        elements = PageIndex(root)
    blocks = [value for text in page.jsonld if (value := load_block(text)) is not None]
    graph = Graph(blocks, article_types=_PAGE_ARTICLE_TYPES)
    canonical = page.canonical if page.canonical and "://" in page.canonical else None
    node = main_article_node(graph, canonical or url)
    sources: list[_Fields] = []
    if node is not None:
        sources.append(_from_jsonld(node, graph))
    microdata, microdata_count, microdata_is_article = _from_microdata(elements)
    sources.append(microdata)
    og, plain = _from_meta(page)
    sources += [og, plain]
    markup = _from_markup(root, page, elements.named)
    sources.append(markup)

    site = next(_walk_sources(sources, "publisher"), None)
    site_name = site.name if site else None
    headline = next(_walk_sources(sources[:-3], "headline"), None) or _unstructured_headline(
        page,
        og,
        plain,
        markup,
        [*(n for n in (site_name,) if n), *_meta(page, _META_SITE[:2])],
        canonical or url,
    )
    published_candidates = [text for source in sources for text in source.published]
    published = _date(published_candidates)
    url_day = _url_date(canonical or url)
    if published is None and url_day is not None:
        warnings.warn(
            f"the only publication date is the one in the URL ({url_day.isoformat()})",
            GuessWarning,
            stacklevel=2,
        )
        published = url_day
    modified = _date(text for source in sources for text in source.modified)
    if published is not None and modified is not None and _earlier(modified, published):
        warnings.warn(
            f"the page says it was modified ({modified.isoformat()}) before it was published"
            f" ({published.isoformat()})",
            GuessWarning,
            stacklevel=2,
        )
    bylines = merge_bylines(*(source.authors for source in sources))
    titles = {t for t in (headline, page.title, *page.h1) if t}
    for source in sources:
        if source.headline:
            titles.add(source.headline)
    article_body = _body_text(node.get("articleBody")) if node is not None else None
    comment_count = next(
        (s.comment_count for s in sources if s.comment_count is not None), microdata_count
    )
    images: list[Image] = next(_walk_sources(sources, "images"), [])
    return PageMetadata(
        headline=headline,
        standfirst=next(_walk_sources(sources, "description"), None),
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
        url=canonical or next(_walk_sources(sources, "url"), None) or url,
        id=next(_walk_sources(sources, "id"), None),
        section=next(_walk_sources(sources, "section"), None),
        genre=next(_walk_sources(sources, "genre"), None),
        keywords=tuple(next(_walk_sources(sources, "keywords"), [])),
        publisher=site,
        images=tuple(images),
        rights=next(_walk_sources(sources, "rights"), None),
        comment_count=comment_count,
        article_node=node,
        article_body=article_body,
        titles=frozenset(titles),
        declares_article=node is not None
        or microdata_is_article
        or any(kind.lower() == "article" for kind in page.meta.get("og:type", ())),
    )
