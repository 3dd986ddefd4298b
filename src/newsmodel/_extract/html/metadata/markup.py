"""Metadata from markup: ``<time datetime>``, ``rel=author`` and hNews/hAtom classes."""

from __future__ import annotations

from lxml import etree

from ...._model import Byline
from ...common.cleantext import clean_text
from ..index import Named, PageIndex, element_text, is_markup
from .fields import _byline_with, _class_words, _Fields, _Page, _split


def _from_markup(root: etree._Element, page: _Page, elements: PageIndex) -> _Fields:
    fields = _Fields()
    for el in page.times:
        value = el.get("datetime") or el.get("content") or clean_text(element_text(el))
        if not value:
            continue
        words = _class_words((el.get("class") or "").lower()) | {
            w.lower() for w in (el.get("itemprop") or "").split()
        }
        if any("updated" in w or "modified" in w or "lastmod" in w for w in words):
            fields.modified.append(value)
        else:
            fields.published.append(value)
    candidates = elements.named_holding(_MARKUP_CLASS_PARTS)
    hits = [named for named in candidates if _has_markup_class(named.classes)]
    for el, names, _ in hits:
        if "entry-title" in names and fields.headline is None:
            fields.headline = clean_text(element_text(el))
        if el.tag == "time" or not ("date" in names or "publish" in names or "updated" in names):
            continue
        value = el.get("title") or el.get("datetime") or el.get("content")
        if value is None and len(el) <= 3:
            value = clean_text(element_text(el))
        if value and len(value) <= 80:
            (fields.modified if "updated" in names else fields.published).append(value)
    fields.authors = _markup_authors(hits, page, elements)
    # Without an hAtom title, the headline is an <h1>: chosen with the other titles in
    # _unstructured_headline, by how near it stands to the article's prose.
    return fields


#: What :func:`_has_markup_class` looks for.
_MARKUP_CLASS_PARTS = ("date", "author", "byline", "published", "vcard", "entry-title")


def _has_markup_class(classes: str) -> bool:
    """Whether class names hold a fragment of hNews/hAtom or of the usual byline and date
    markup ("updated" holds "date"); tested in turn, as it runs on every named element."""
    return (
        "date" in classes
        or "author" in classes
        or "byline" in classes
        or "published" in classes
        or "vcard" in classes
        or "entry-title" in classes
    )


def _markup_authors(hits: list[Named], page: _Page, elements: PageIndex) -> list[Byline]:
    """Authors named by byline/author classes, a "By …" line, or ``rel=author`` links."""
    for el, names, _ in hits:
        if not ("byline" in names or "author" in names or "fn" in _class_words(names)):
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
    # Short elements whose own text opens with "By": printed bylines without a telling class.
    for el in elements.by_lines:
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
    _byline_lines(el, lines)
    texts = ("".join(pieces).strip(" ,|") for pieces in lines)
    return clean_text(", ".join(text for text in texts if text))


def _byline_lines(node: etree._Element, lines: list[list[str]]) -> None:
    """Add ``node``'s text pieces to the last of ``lines``, starting a line at each break.

    (A module function rather than a closure: a closure that calls itself is a reference
    cycle, left for the garbage collector with everything it holds.)
    """
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
                _byline_lines(child, lines)
                lines.append([])
            else:
                _byline_lines(child, lines)
        if child.tail:
            lines[-1].append(child.tail)


_LINE_TAGS = frozenset(
    {"div", "p", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section"}
)


def _in_comments(el: etree._Element) -> bool:
    """Whether an element sits in a comment section (whose authors are not the article's)."""
    for parent in el.iterancestors():
        for name in (parent.get("class"), parent.get("id")):
            if name and ("comment" in (name := name.lower()) or "respond" in name):
                return True
    return False


_NOT_BYLINE_CLASSES = ("bio", "avatar", "image", "img", "photo", "social", "follow", "twitter")
_NOT_BYLINE_TAGS = frozenset({"meta", "link", "script", "style", "img", "body", "article", "html"})
