"""NITF in and out: IPTC's News Industry Text Format, 2.x to 3.6.

:func:`dumps` writes one NITF 3.6 document (in the 2006 namespace) valid against IPTC's
``nitf-3-6.xsd``: ``head`` (title, ``docdata`` with the id, issue date, copyright and key list,
``pubdata``, ``revision-history``), ``body.head`` (``hedline``, one ``byline`` per credit,
``distributor``, ``dateline``, ``abstract``) and ``body.content`` (``p`` with links, ``hl2``,
``bq``, ``ol``/``ul``, ``media``). :func:`loads` reads it back to the same headline, bylines,
dates, body blocks and every other field NITF can carry; what it cannot carry (quotes, comment
threads, attached images, publisher URLs) is listed in ``docs/nitf.md``.

:func:`loads` also reads NITF written by others, 2.x to 3.6 with or without the namespace,
leniently: white space tidied, double-encoded text repaired, dates in NITF's compact form
(``20140829T135006Z``). Reading is hardened as for every XML format (see
:mod:`newsmodel.newsml`); a DOCTYPE that only names the NITF DTD is ignored.
"""

from __future__ import annotations

from lxml import etree

from ._codecs.nitf.write import write_document
from ._codecs.nitf_document import is_nitf, read_document
from ._codecs.safety import DEFAULT_MAX_BYTES, parse_xml
from ._codecs.sniffing import root_element, wrong_root
from ._model import Article

__all__ = ["NAMESPACE", "dumps", "loads", "loads_all", "sniff", "to_bytes"]

#: NITF 3.6's namespace; documents without one are read alike.
NAMESPACE = "http://iptc.org/std/NITF/2006-10-18/"


def dumps(article: Article) -> str:
    """Write an article as an NITF 3.6 document (text, without an XML declaration).

    Returns:
        The document, valid against NITF 3.6's XML Schema.
    """
    return etree.tostring(write_document(article), encoding="unicode")


def to_bytes(article: Article) -> bytes:
    """The NITF document as a file holds it: UTF-8 with an XML declaration."""
    return etree.tostring(write_document(article), xml_declaration=True, encoding="UTF-8")


def loads(data: bytes | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Read the article of an NITF document.

    Args:
        data: The document, as bytes (any XML encoding, or gzip-compressed) or text.
        max_bytes: The largest input accepted (after gzip expansion).

    Raises:
        ParseError: the input is hostile, too large, not well-formed, not NITF, or breaks
            the model.
    """
    root = parse_xml(data, max_bytes=max_bytes)
    if not is_nitf(root):
        raise wrong_root(root, "NITF", "<nitf>")
    return read_document(root)


def loads_all(data: bytes | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[Article, ...]:
    """The one article of an NITF document, as a tuple (the surface every reader shares)."""
    return (loads(data, max_bytes=max_bytes),)


def sniff(head: bytes) -> bool:
    """Whether the first bytes of an input look like NITF (an ``nitf`` root element)."""
    root = root_element(head)
    return root is not None and root[1] == "nitf"
