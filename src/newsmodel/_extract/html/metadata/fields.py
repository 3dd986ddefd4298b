"""What one metadata source says (``_Fields``), the page's head gathered once, and the helpers
every source shares.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

import attrs
from lxml import etree

from ...._model import Byline, Image, Organization
from ...common.bylines import BY_PREFIX, looks_like_name, name_case, split_bylines
from ...common.cleantext import clean_text
from ...common.schemaorg import ARTICLE_TYPES, Graph
from ..index import PageIndex, element_text

#: schema.org types (lower-cased) whose node or item is a page's article: the JSON-LD
#: codec's article types, and a ``Review`` (a film or book review page), which the codec does
#: not read as an article.
_PAGE_ARTICLE_TYPES = ARTICLE_TYPES | {"review"}
_CLASS_WORDS = re.compile(r"[\s_\-]+")


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


def _list(value: object) -> list[object]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


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
    #: Dates as written, or already read (JSON-LD).
    published: list[str | dt.date] = attrs.Factory(list)
    modified: list[str | dt.date] = attrs.Factory(list)
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


def _gather(root: etree._Element, elements: PageIndex) -> _Page:
    page = _Page()
    page.root = root
    page.html_lang = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    rel_links: list[etree._Element] = []
    meta = page.meta
    for el in elements.metadata_elements:
        tag = el.tag
        if tag == "a":
            rel_links.append(el)
        elif tag == "meta":
            # The content first: a <meta> without one (charset, viewport…) needs no key.
            content = el.get("content")
            if content and (content := content.strip()):
                key = (
                    el.get("property")
                    or el.get("name")
                    or el.get("itemprop")
                    or el.get("http-equiv")
                )
                if key:
                    meta.setdefault(key.strip().lower(), []).append(content)
        elif tag == "script":
            kind = (el.get("type") or "").lower()
            if "ld+json" in kind and el.text:
                page.jsonld.append(el.text)
        elif tag == "link":
            rel = (el.get("rel") or "").lower().split()
            # Most links are stylesheets, icons and preloads: their href is not read.
            if "canonical" not in rel and "author" not in rel:
                continue
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
    for el in rel_links:
        if "author" in (el.get("rel") or "").lower().split():
            text = clean_text(element_text(el))
            if text:
                page.rel_authors.append(text)
    return page


def _compact(name: str) -> str:
    return _NON_WORD.sub("", name).casefold()


_NON_WORD = re.compile(r"\W+")


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
    stripped = BY_PREFIX.sub("", text).strip()
    if stripped != text:
        # Without a "By" label taken off, the splitter would refuse the same text again.
        bylines = list(split_bylines(stripped))
        if bylines:
            return bylines
    text = stripped
    if text and len(text) <= 80 and looks_like_name(text):
        return [Byline(name=name_case(text))]
    return []


def _class_words(classes: str) -> set[str]:
    """The words of lower-cased class names, split at spaces, hyphens and underscores."""
    return {w for w in _CLASS_WORDS.split(classes) if w}


#: How many ``<h1>`` elements are weighed as the headline, and how far above one the article's
#: prose may start for it to count as the article's own heading.
_MAX_H1 = 8
_H1_REACH = 4


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
