"""RSS items, as feeds (RSS 2.0 and 0.9x, RSS 1.0) and WordPress exports carry them.

Shared by the feed reader and the WordPress export reader, whose file is an RSS 2.0 channel.
Item fields come from RSS's core elements and the modules feeds use for more:
``content:encoded`` for the full text, ``dc:creator`` and ``dc:date``, ``media:content`` and
``enclosure`` for images, ``slash:comments`` and ``comments`` for the comment section. An item
that carries only a summary gives an article whose standfirst is that summary, with a
:class:`~newsmodel.GuessWarning`. The channel lends each item its language, rights and
publisher.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import Any

from lxml import etree

from .. import _guesses
from .._extract.common.dates import parse_date
from .._model import (
    LANGUAGE_TAG,
    Article,
    Block,
    Byline,
    CommentThread,
    Image,
    Organization,
    block_texts,
)
from ..errors import GuessWarning
from .markup import html_blocks, local, tidy
from .printed import credits

__all__ = [
    "ATOM",
    "CONTENT",
    "DC",
    "RDF",
    "RSS090",
    "RSS1",
    "XML_LANG",
    "RssItems",
    "child",
    "children",
    "http_url",
    "language_tag",
    "line_of",
    "plain",
    "text_of",
    "when",
    "with_summary",
]

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: A description of this many blocks or more is the article's text rather than a summary.
_BODY_BLOCKS = 3
# "jane@example.com (Jane Doe)", RSS 2.0's author form.
_EMAIL_AND_NAME = re.compile(r"^\s*(\S+@\S+)\s*\((.+)\)\s*$")

ATOM = "http://www.w3.org/2005/Atom"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
DC = "http://purl.org/dc/elements/1.1/"
MEDIA = "http://search.yahoo.com/mrss/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RSS1 = "http://purl.org/rss/1.0/"
RSS090 = "http://my.netscape.com/rdf/simple/0.9/"
SLASH = "http://purl.org/rss/1.0/modules/slash/"
WFW = "http://wellformedweb.org/CommentAPI/"


def _tag(namespace: str | None, name: str) -> str:
    return f"{{{namespace}}}{name}" if namespace else name


def child(parent: etree._Element, namespace: str | None, name: str) -> etree._Element | None:
    return parent.find(_tag(namespace, name))


def children(parent: etree._Element, namespace: str | None, name: str) -> list[etree._Element]:
    return parent.findall(_tag(namespace, name))


def text_of(parent: etree._Element, namespace: str | None, name: str) -> str | None:
    """The raw text of the first such child (CDATA included), or ``None``."""
    element = child(parent, namespace, name)
    if element is None:
        return None
    return "".join(text for text in element.itertext() if isinstance(text, str))


def line_of(element: etree._Element) -> int | None:
    line: object = element.sourceline
    return line if isinstance(line, int) else None


def plain(markup: str | None) -> str | None:
    """Text from a field that may hold escaped HTML (titles and descriptions often do)."""
    if markup is None:
        return None
    if "<" in markup:
        blocks = html_blocks(markup)
        return tidy(" ".join(text for block in blocks for text in block_texts(block)))
    return tidy(html.unescape(markup))


def when(text: str | None) -> dt.datetime | dt.date | None:
    text = (text or "").strip()
    return parse_date(text) if text else None


def language_tag(text: str | None) -> str | None:
    tag = (text or "").strip().replace("_", "-")
    return tag if tag and LANGUAGE_TAG.match(tag) else None


def http_url(url: str | None) -> str | None:
    url = (url or "").strip()
    return url if url.startswith(("http:", "https:")) else None


def with_summary(fields: dict[str, Any], body: tuple[Block, ...], summary: str | None) -> None:
    """The body, and the summary as standfirst unless it only repeats the body's start."""
    fields["body"] = body
    if summary is None:
        return
    if not body:
        _guesses.warn(
            f"the item {fields['headline']!r} has only a summary; kept it as the standfirst",
            GuessWarning,
            stacklevel=2,
        )
        fields["standfirst"] = summary
        return
    start = " ".join(text for block in body[:3] for text in block_texts(block))
    # Feeds often cut the body's first words short as the summary ("The ferry sails […]").
    excerpt = summary.rstrip(" .…[]")[:80]
    if not start.startswith(excerpt):
        fields["standfirst"] = summary


class RssItems:
    """RSS 2.0 and 0.9x (core elements without a namespace) and RSS 1.0 (in its namespace)."""

    def __init__(self, root: etree._Element, *, max_bytes: int) -> None:
        self.root = root
        self.max_bytes = max_bytes
        self.core: str | None = None
        if root.tag == f"{{{RDF}}}RDF":
            self.core = RSS1 if root.find(f"{{{RSS090}}}item") is None else RSS090
        self.channel = child(root, self.core, "channel")
        self.scope = self.channel if self.core is None and self.channel is not None else root
        self.common = self.channel_fields()

    def items(self) -> list[etree._Element]:
        return children(self.scope, self.core, "item")

    def channel_fields(self) -> dict[str, Any]:
        channel = self.channel
        if channel is None:
            return {}
        name = tidy(text_of(channel, self.core, "title"))
        url = http_url(text_of(channel, self.core, "link"))
        return {
            "language": language_tag(
                text_of(channel, self.core, "language") or text_of(channel, DC, "language")
            ),
            "rights": tidy(text_of(channel, None, "copyright") or text_of(channel, DC, "rights")),
            "publisher": Organization(name=name, url=url) if name else None,
        }

    def article(self, item: etree._Element, index: int) -> Article:
        return Article(**self.fields(item, index))

    def fields(self, item: etree._Element, index: int) -> dict[str, Any]:
        core = self.core
        fields: dict[str, Any] = dict(self.common)
        guid = child(item, None, "guid")
        guid_text = tidy(guid.text) if guid is not None else None
        about = tidy(item.get(f"{{{RDF}}}about"))
        url = http_url(text_of(item, core, "link"))
        if url is None and guid is not None and guid.get("isPermaLink", "true") != "false":
            url = http_url(guid_text)
        fields["url"] = url or http_url(about)
        fields["id"] = guid_text or about
        fields["headline"] = self.headline(item, index, fields)
        published = when(text_of(item, None, "pubDate")) or when(text_of(item, DC, "date"))
        fields["published"] = published
        modified = when(text_of(item, None, "updated"))
        fields["modified"] = modified if modified != published else None
        fields["bylines"] = self.bylines(item)
        keywords: list[str] = []
        for category in (*children(item, None, "category"), *children(item, DC, "subject")):
            text = tidy(category.text)
            if text and text not in keywords:
                keywords.append(text)
        fields["keywords"] = tuple(keywords)
        fields["language"] = language_tag(text_of(item, DC, "language")) or fields.get("language")
        fields["images"] = self.images(item)
        fields["comments"] = self.comments(item)
        encoded = text_of(item, CONTENT, "encoded")
        description = text_of(item, core, "description")
        body = html_blocks(encoded, max_bytes=self.max_bytes) if encoded else ()
        if not body and description and "<" in description:
            # Many feeds put the whole article in the description: several paragraphs are
            # a body, not a summary.
            blocks = html_blocks(description, max_bytes=self.max_bytes)
            if len(blocks) >= _BODY_BLOCKS:
                fields["body"] = blocks
                return fields
        with_summary(fields, body, plain(description))
        return fields

    def headline(self, item: etree._Element, index: int, fields: dict[str, Any]) -> str:
        title = plain(text_of(item, self.core, "title")) or plain(text_of(item, DC, "title"))
        if title:
            return title
        # RSS 2.0 allows an item with a description alone; its first words stand in.
        description = plain(text_of(item, self.core, "description"))
        fallback = (description or "")[:80].rsplit(" ", 1)[0] if description else None
        name = fallback or fields.get("id") or fields.get("url") or f"item {index}"
        _guesses.warn(f"item {index} has no title; named it {name!r}", GuessWarning, stacklevel=4)
        return str(name)

    def bylines(self, item: etree._Element) -> tuple[Byline, ...]:
        found: list[Byline] = []
        for creator in children(item, DC, "creator"):
            text = tidy(creator.text)
            if text:
                found.extend(credits(text))
        if not found:
            author = tidy(text_of(item, None, "author"))
            if author:
                paired = _EMAIL_AND_NAME.match(author)
                if paired:
                    found.append(Byline(name=paired.group(2).strip(), email=paired.group(1)))
                elif "@" not in author:
                    found.extend(credits(author))
        return tuple(found)

    def images(self, item: etree._Element) -> tuple[Image, ...]:
        urls: list[str] = []
        for enclosure in children(item, None, "enclosure"):
            if (enclosure.get("type") or "").startswith("image/"):
                urls.append(enclosure.get("url") or "")
        for element in item.iter(f"{{{MEDIA}}}content", f"{{{MEDIA}}}thumbnail"):
            medium = element.get("medium") or (element.get("type") or "").partition("/")[0]
            if local(element) == "thumbnail" or medium == "image":
                urls.append(element.get("url") or "")
        unique = dict.fromkeys(url.strip() for url in urls if url.strip())
        return tuple(Image(url=url) for url in unique)

    def comments(self, item: etree._Element) -> CommentThread | None:
        url = http_url(text_of(item, None, "comments"))
        count = (text_of(item, SLASH, "comments") or "").strip()
        total = int(count) if count.isascii() and count.isdigit() and len(count) < 10 else None
        if url is None and total is None:
            return None
        return CommentThread(url=url, total=total)
