"""Feeds in: RSS 2.0 (and 0.9x), RSS 1.0 and Atom 1.0, every item or entry an article.

:func:`loads_all` reads every item: its title, link, guid, dates (``pubDate``, ``dc:date``,
Atom ``published`` and ``updated``), authors (``dc:creator``, ``author``, Atom ``author``),
categories, the full text from ``content:encoded`` or Atom ``content`` (HTML, XHTML or text,
as blocks), images (``enclosure``, ``media:content``) and the comment count and page. An item
that carries only a summary becomes an article with that summary as its standfirst and an
empty body, with a :class:`~newsmodel.GuessWarning`. The channel gives every item its
language, rights and publisher unless the item says otherwise.

Feeds are read with newsmodel's hardened XML parser (see :mod:`newsmodel.newsml`): no DTDs,
entities, XInclude or network, capped size and depth. HTML inside items is parsed by lxml's
HTML parser, which loads nothing either. See ``docs/feeds.md``.
"""

from __future__ import annotations

from ._codecs.feeds.read import read_feed
from ._codecs.safety import DEFAULT_MAX_BYTES, parse_xml
from ._codecs.sniffing import root_element
from ._model import Article
from .errors import ParseError

__all__ = ["loads", "loads_all", "sniff"]

_WORDPRESS_EXPORT = b"wordpress.org/export/"


def loads_all(data: bytes | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[Article, ...]:
    """Every item (RSS) or entry (Atom) of a feed, as articles in document order.

    Args:
        data: The feed, as bytes (any XML encoding, or gzip-compressed) or text.
        max_bytes: The largest input accepted (after gzip expansion), and the largest HTML
            body of one item.

    Raises:
        ParseError: the input is hostile, too large, not well-formed, not a feed, holds no
            item, or an item breaks the model (the message names the item).
    """
    return read_feed(parse_xml(data, max_bytes=max_bytes), max_bytes=max_bytes)


def loads(data: bytes | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """The one article of a feed that holds a single item or entry.

    Raises:
        ParseError: as :func:`loads_all`, or the feed holds several items (use
            :func:`loads_all`).
    """
    articles = loads_all(data, max_bytes=max_bytes)
    if len(articles) != 1:
        raise ParseError(f"the feed holds {len(articles)} items; loads_all reads every item")
    return articles[0]


def sniff(head: bytes) -> bool:
    """Whether the first bytes of an input look like a feed: an ``rss`` root (not a WordPress
    export), an Atom ``feed`` or ``entry``, or an ``rdf:RDF`` root of RSS 1.0."""
    root = root_element(head)
    if root is None:
        return False
    name = root[1]
    if name == "rss":
        return _WORDPRESS_EXPORT not in head
    if name in ("feed", "entry"):
        return b"http://www.w3.org/2005/Atom" in head
    return name == "RDF" and (b"purl.org/rss/1.0/" in head or b"rdf/simple/0.9/" in head)
