"""Decoding HTML bytes: byte-order mark, then the declared charset, then detection.

A declared charset is trusted only while it decodes: a page that declares ISO-8859-1 or
windows-1252 but is valid UTF-8 with non-ASCII text is read as UTF-8 (that label is the most
common lie on the web), and a declaration that fails to decode falls back to UTF-8 or, last,
windows-1252. Every such correction issues a :class:`~newsmodel.errors.GuessWarning`.
"""

from __future__ import annotations

import codecs
import re

from ... import _guesses
from ...errors import GuessWarning
from ..common.encoding import decode_bom, try_decode

__all__ = ["declared_charset", "decode_html"]

#: ``<meta charset=…>`` and ``<meta http-equiv=Content-Type content="…; charset=…">``; both
#: show up as ``charset=`` inside a meta tag. The XML declaration's ``encoding=`` too.
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""")

#: Labels that decode any byte sequence, so a wrong one never fails loudly.
_SINGLE_BYTE_LATIN = frozenset({"latin-1", "iso8859-1", "cp1252", "iso8859-15"})

#: How far into the page a charset declaration is looked for (the HTML standard says 1024
#: bytes; real pages put long scripts before it).
_SNIFF_BYTES = 4096


def declared_charset(head: bytes) -> str | None:
    """The Python codec name a page declares in its first bytes, or ``None``."""
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if match is None:
        return None
    label = match.group(1).decode("ascii", "replace").strip().lower()
    # The HTML standard reads ISO-8859-1 and US-ASCII as windows-1252.
    if label in ("iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii"):
        label = "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_html(data: bytes) -> str:
    """Decode an HTML page's bytes.

    Args:
        data: The page as received.

    Returns:
        The page's text.

    Warns:
        GuessWarning: when the declared charset was wrong or missing and the text was
            decoded by detection.
    """
    text = decode_bom(data)
    if text is not None:
        return text
    utf16 = _utf16_without_bom(data[:_SNIFF_BYTES])
    if utf16 is not None:
        _guesses.warn(
            f"page has no byte-order mark but reads as {utf16}", GuessWarning, stacklevel=3
        )
        return data.decode(utf16, "replace")
    declared = declared_charset(data[:_SNIFF_BYTES])
    if declared is not None and declared not in ("utf-8", "utf-16", "utf-32"):
        if declared in _SINGLE_BYTE_LATIN and not data.isascii():
            utf8 = try_decode(data, "utf-8")
            if utf8 is not None:
                _guesses.warn(
                    f"page declares {declared} but is valid UTF-8; read as UTF-8",
                    GuessWarning,
                    stacklevel=3,
                )
                return utf8
        text = try_decode(data, declared)
        if text is not None:
            return text
        _guesses.warn(
            f"page declares {declared} but does not decode with it; detecting instead",
            GuessWarning,
            stacklevel=3,
        )
    text = try_decode(data, "utf-8")
    if text is not None:
        return text
    if declared == "utf-8":
        _guesses.warn(
            "page declares UTF-8 but is not valid UTF-8; read as windows-1252",
            GuessWarning,
            stacklevel=3,
        )
    elif declared is None:
        _guesses.warn(
            "page declares no charset and is not UTF-8; read as windows-1252",
            GuessWarning,
            stacklevel=3,
        )
    return data.decode("cp1252", "replace")


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 by its zero bytes: markup is mostly ASCII, so every other byte is zero."""
    if len(head) < 8 or b"\x00" not in head[:64]:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > 0.6 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.6 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None
