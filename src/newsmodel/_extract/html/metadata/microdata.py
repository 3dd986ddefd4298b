"""Metadata from microdata: the ``itemscope`` of an article type and the ``itemprop`` values
it owns.
"""

from __future__ import annotations

from collections.abc import Mapping

from lxml import etree

from ...._model import Byline
from ...common.cleantext import clean_text
from ...common.counts import lenient_count
from ..index import PageIndex, element_text, is_markup
from .fields import _PAGE_ARTICLE_TYPES, _Fields, _split

__all__ = ["item_properties", "itemprop_value", "properties_by_item"]


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


def properties_by_item(
    props: list[etree._Element],
) -> dict[etree._Element | None, list[etree._Element]]:
    """The ``itemprop`` elements of a page by the item that owns each (``None``: none does),
    in document order.

    Each property's owner is found once: finding an item's properties by walking up from
    every property of the page, item after item, is quadratic on a page of many items (a
    comment section in microdata).
    """
    owned: dict[etree._Element | None, list[etree._Element]] = {}
    for el in props:
        owned.setdefault(_owner(el), []).append(el)
    return owned


def item_properties(
    scope: etree._Element, owned: Mapping[etree._Element | None, list[etree._Element]]
) -> dict[str, list[etree._Element]]:
    """The ``itemprop`` elements an item owns (``owned``: the page's
    :func:`properties_by_item`), by property name."""
    properties: dict[str, list[etree._Element]] = {}
    for el in owned.get(scope, ()):
        for name in (el.get("itemprop") or "").split():
            properties.setdefault(name, []).append(el)
    return properties


def _from_microdata(elements: PageIndex) -> tuple[_Fields, int | None, bool]:
    fields = _Fields()
    scopes = elements.itemscopes
    article = next((el for el in scopes if _itemtype(el) & _PAGE_ARTICLE_TYPES), None)
    if article is None:
        return fields, None, False
    props = properties_by_item(elements.itemprops)
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
