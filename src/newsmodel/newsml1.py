"""NewsML 1.x in: IPTC's older envelope, as agency archives still hold it.

:func:`loads_all` reads every ``NewsItem`` of a ``NewsML`` document: the headline, subheadline,
byline, dateline, keywords and copyright of its ``NewsLines``; ``FirstCreated`` and
``ThisRevisionCreated`` from ``NewsManagement``; the language and genre of its
``DescriptiveMetadata``; its ``PublicIdentifier``; and the text of its ``ContentItem``s,
whether they carry NITF, XHTML, HTML or plain text. Photos referenced by ``Href`` become
images; content held only by reference is never fetched.

Reading is hardened as for every XML format (see :mod:`newsmodel.newsml`); a DOCTYPE that
only names NewsML's DTD is ignored. See ``docs/newsml1.md``.
"""

from __future__ import annotations

from ._codecs.newsml1.read import is_newsml1, read_envelope
from ._codecs.safety import DEFAULT_MAX_BYTES, parse_xml
from ._codecs.sniffing import root_element, wrong_root
from ._model import Article
from .errors import ParseError

__all__ = ["loads", "loads_all", "sniff"]


def loads_all(data: bytes | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[Article, ...]:
    """Every ``NewsItem`` of a NewsML 1.x document, as articles in document order.

    Args:
        data: The document, as bytes (any XML encoding, or gzip-compressed) or text.
        max_bytes: The largest input accepted (after gzip expansion).

    Raises:
        ParseError: the input is hostile, too large, not well-formed, not NewsML 1, holds no
            NewsItem, or an item breaks the model (the message names it).
    """
    root = parse_xml(data, max_bytes=max_bytes)
    if not is_newsml1(root):
        raise wrong_root(root, "NewsML 1", "<NewsML>")
    return read_envelope(root, max_bytes=max_bytes)


def loads(data: bytes | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """The one article of a NewsML 1.x document that holds a single ``NewsItem``.

    Raises:
        ParseError: as :func:`loads_all`, or the document holds several items.
    """
    articles = loads_all(data, max_bytes=max_bytes)
    if len(articles) != 1:
        raise ParseError(
            f"the NewsML document holds {len(articles)} NewsItems; loads_all reads every item"
        )
    return articles[0]


def sniff(head: bytes) -> bool:
    """Whether the first bytes of an input look like NewsML 1 (a ``NewsML`` root element)."""
    root = root_element(head)
    return root is not None and root[1] == "NewsML"
