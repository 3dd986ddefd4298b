"""NewsML-G2 out and in: a ``newsItem`` valid against IPTC NewsML-G2 2.35, lossless for newsmodel.

:func:`dumps` writes one ``newsItem`` (power conformance, item class ``ninat:text``) whose
standard elements carry what NewsML-G2 has words for -- headline, summary, creators, dateline,
dates, language, keywords, genre, rights, images -- and an XHTML 1.0 Strict body inside
``inlineXML``. What NewsML-G2 has no element for (quotes and their attributions, comment
threads, corrections, structured byline parts, the URL, the section) goes into newsmodel's own
namespace (:data:`NAMESPACE`), only where the schema admits foreign elements: inside
``creator``, ``provider``, ``dateline`` and ``link``, and in one ``nm:article`` at the end of
``contentMeta``. :func:`loads` reads those back, so ``loads(dumps(article)) == article``.
:func:`dumps` gives the item as text; :func:`to_bytes` as a file holds it (UTF-8, with the XML
declaration).

:func:`loads` also reads NewsML-G2 written by others (XHTML or NITF bodies), keeping what maps
to the model and ignoring the rest; :func:`loads_all` returns every ``newsItem`` of a
``newsMessage``. Reading is hardened (see :mod:`newsmodel._codecs.safety`): no DTDs, entities,
XInclude or network, and capped size and depth.

See ``docs/newsml.md`` for the field-by-field mapping.
"""

from __future__ import annotations

import datetime as dt
import re

from ._codecs.newsml import names as _newsml_names
from ._codecs.newsml.names import NAR
from ._codecs.newsml.names import NITF as NITF  # the namespaces, for users reading items
from ._codecs.newsml.names import XHTML as XHTML  # likewise
from ._codecs.newsml.read import news_items, read_item
from ._codecs.newsml.write import write_item, write_item_bytes
from ._codecs.safety import DEFAULT_MAX_BYTES, parse_xml
from ._model import Article
from .errors import ParseError

__all__ = ["NAMESPACE", "dumps", "loads", "loads_all", "sniff", "to_bytes"]

#: newsmodel's own XML namespace, for what NewsML-G2 has no element for.
NAMESPACE = _newsml_names.NAMESPACE

_SNIFF = re.compile(rb"<(?:[\w.-]+:)?(?:newsItem|newsMessage|packageItem)[\s>]")


def dumps(article: Article, *, version_created: dt.datetime | None = None) -> str:
    """Write an article as a NewsML-G2 2.35 ``newsItem``, as text without an XML declaration.

    Args:
        article: The article.
        version_created: The ``itemMeta/versionCreated`` to write when the article has neither
            a modified nor a published time (NewsML-G2 requires one); defaults to now, in UTC.

    Returns:
        The item, valid against NewsML-G2 2.35 All-Power with an XHTML 1.0 Strict body. For a
        file, :func:`to_bytes` gives the same item as UTF-8 with its XML declaration.
    """
    return write_item(article, version_created)


def to_bytes(article: Article, *, version_created: dt.datetime | None = None) -> bytes:
    """Write an article as a NewsML-G2 2.35 ``newsItem``: UTF-8 bytes with an XML declaration.

    Args:
        article: The article.
        version_created: As for :func:`dumps`.

    Returns:
        The item as a file holds it; :func:`loads` reads it back.
    """
    return write_item_bytes(article, version_created)


def loads(data: bytes | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Read one article from a NewsML-G2 ``newsItem`` (or a ``newsMessage`` holding one).

    Our own output comes back exactly; items from others keep what maps to the model (see
    ``docs/newsml.md``) and the rest is ignored.

    Args:
        data: The document, as bytes (any XML encoding, or gzip-compressed) or text.
        max_bytes: The largest input accepted (after gzip expansion).

    Raises:
        ParseError: the input is hostile, too large, not well-formed, not NewsML-G2, a message
            with several items (use :func:`loads_all`), a packageItem (the error lists the
            items it references), or an item that breaks the model.
    """
    items = news_items(parse_xml(data, max_bytes=max_bytes))
    if len(items) != 1:
        count = "no newsItem" if not items else f"{len(items)} newsItems"
        raise ParseError(f"the newsMessage holds {count}; loads_all reads every item")
    return read_item(items[0])


def loads_all(data: bytes | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[Article, ...]:
    """Read every ``newsItem`` of a ``newsMessage`` (or the one item of a ``newsItem``).

    Raises:
        ParseError: as :func:`loads`; the message names the item that failed.
    """
    articles = []
    for index, item in enumerate(news_items(parse_xml(data, max_bytes=max_bytes))):
        try:
            articles.append(read_item(item))
        except ParseError as error:
            error.message = f"newsItem {index + 1} ({item.get('guid')}): {error.message}"
            raise
    return tuple(articles)


def sniff(head: bytes) -> bool:
    """Whether the first bytes of an input look like NewsML-G2 (a newsItem, a newsMessage, or
    a packageItem, which :func:`loads` explains it cannot read as an article)."""
    return NAR.encode() in head and _SNIFF.search(head) is not None
