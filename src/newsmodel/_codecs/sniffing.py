"""Telling XML formats apart by their root element, from the first bytes of an input."""

from __future__ import annotations

import re

from lxml import etree

from ..errors import ParseError

__all__ = ["root_element", "wrong_root"]

# The XML declaration, comments, processing instructions and a DOCTYPE (with or without an
# internal subset) may come before the root element.
_ROOT = re.compile(
    r"\A\ufeff?(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>)*<([\w.:-]+)",
    re.DOTALL | re.IGNORECASE,
)


def root_element(head: bytes) -> tuple[str, str] | None:
    """The root element's prefix and local name (``("rdf", "RDF")``, ``("", "rss")``), or
    ``None`` when the bytes do not start like XML."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head[:4]:
        text = head.decode(
            "utf-16" if head[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-16-le", "ignore"
        )
        if head[:2] == b"\x00<":
            text = head.decode("utf-16-be", "ignore")
    else:
        text = head.decode("utf-8", "ignore")
    match = _ROOT.match(text)
    if match is None:
        return None
    prefix, _, name = match.group(1).rpartition(":")
    return prefix, name


def wrong_root(root: etree._Element, format_name: str, expected: str) -> ParseError:
    """The error for a well-formed document of another kind, naming its root element: "not
    NITF: the root element is <rss>, not <nitf>"."""
    line: object = root.sourceline
    return ParseError(
        f"not {format_name}: the root element is <{etree.QName(root).localname}>, not {expected}",
        line=line if isinstance(line, int) else None,
    )
