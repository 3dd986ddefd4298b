"""What decoding HTML pages and text files shares: byte-order marks and trial decoding.

Each decoder keeps its own guesses: :mod:`.html_encoding` reads a page's declared charset,
:mod:`.text_encoding` tells UTF-16 by its zero bytes in its own way and repairs mojibake.
"""

from __future__ import annotations

import codecs
from typing import Final

__all__ = ["decode_bom", "try_decode"]

#: Byte-order marks and their codecs, UTF-32 first: its little-endian mark begins with
#: UTF-16's.
_BOMS: Final = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode_bom(data: bytes) -> str | None:
    """The text after a byte-order mark, decoded as the mark says (bad bytes replaced).

    Returns:
        The text, or ``None`` when ``data`` does not start with a byte-order mark.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, "replace")
    return None


def try_decode(data: bytes, codec: str) -> str | None:
    """``data`` decoded with ``codec``, or ``None`` when it does not decode or no such codec."""
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None
