"""WordPress exports in: every post of a WXR file (Tools → Export) an article.

:func:`loads_all` reads each post: its title, link, guid, dates (``wp:post_date_gmt``,
``wp:post_modified_gmt``), authors by display name (from the channel's ``wp:author``
entries), categories (the first is the section) and tags as keywords, the excerpt as
standfirst, the featured image, and the approved ``wp:comment``s as a comment thread with
replies. The text of ``content:encoded`` loses WordPress's block-editor comments and
shortcodes and gets paragraphs from blank lines, as WordPress shows it. Pages, attachments
and other objects are skipped; a :class:`~newsmodel.NewsModelWarning` counts them.

Reading is hardened as for every XML format (see :mod:`newsmodel.newsml`). See
``docs/feeds.md``.
"""

from __future__ import annotations

from ._codecs.safety import DEFAULT_MAX_BYTES, parse_xml
from ._codecs.sniffing import root_element
from ._codecs.wxr.read import read_export
from ._model import Article
from .errors import ParseError

__all__ = ["loads", "loads_all", "sniff"]


def loads_all(data: bytes | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[Article, ...]:
    """Every post of a WordPress export, as articles in document order.

    Args:
        data: The export, as bytes (any XML encoding, or gzip-compressed) or text.
        max_bytes: The largest input accepted (after gzip expansion), and the largest text
            of one post.

    Raises:
        ParseError: the input is hostile, too large, not well-formed, not a WordPress
            export, holds no post, or a post breaks the model (the message names it).
    """
    return read_export(parse_xml(data, max_bytes=max_bytes), max_bytes=max_bytes)


def loads(data: bytes | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """The one post of an export that holds a single post.

    Raises:
        ParseError: as :func:`loads_all`, or the export holds several posts.
    """
    articles = loads_all(data, max_bytes=max_bytes)
    if len(articles) != 1:
        raise ParseError(f"the export holds {len(articles)} posts; loads_all reads every post")
    return articles[0]


def sniff(head: bytes) -> bool:
    """Whether the first bytes of an input look like a WordPress export: an ``rss`` root
    that declares WordPress's export namespace."""
    root = root_element(head)
    return root is not None and root[1] == "rss" and b"wordpress.org/export/" in head
