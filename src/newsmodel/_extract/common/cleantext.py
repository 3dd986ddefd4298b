"""Text values as pages write them, cleaned."""

from __future__ import annotations

import html
import re

__all__ = ["LONE_SURROGATE_ESCAPE", "SURROGATE", "clean_text", "replace_surrogates", "unescape"]


_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_TAG = re.compile(r"<[^<>]{0,300}>")
#: Half of a UTF-16 surrogate pair. Python strings can hold one (from a JSON escape or a
#: caller's text), but no UTF-8 writer can encode it.
SURROGATE = re.compile("[\ud800-\udfff]")
#: A JSON escape of a lone half: a high half with no low half after it, or a low half with no
#: high half before it. A whole pair decodes to one character and is fine.
LONE_SURROGATE_ESCAPE = re.compile(
    r"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])"
    r"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}"
)
#: A numeric character reference of eight digits or more, leading zeros included.
_LONG_REFERENCE = re.compile(r"&#(?:([xX])([0-9a-fA-F]{8,})|([0-9]{8,}));?")


def _shorten(match: re.Match[str]) -> str:
    marker, digits = (match[1], match[2]) if match[1] else ("", match[3])
    digits = digits.lstrip("0") or "0"
    # Past seven digits no reference names a code point: html.unescape would give U+FFFD.
    return "\ufffd" if len(digits) > 7 else f"&#{marker}{digits};"


def unescape(value: str) -> str:
    """:func:`html.unescape`, safe from Python's limit on the digits of an integer, which a
    reference such as ``&#`` and 5,000 digits runs into (a ``ValueError``)."""
    if "&#" in value:
        value = _LONG_REFERENCE.sub(_shorten, value)
    return html.unescape(value)


def replace_surrogates(value: str) -> str:
    """``value`` with every surrogate code point replaced by U+FFFD, as a decoder would."""
    if value.isascii() or not SURROGATE.search(value):
        return value
    return SURROGATE.sub("\ufffd", value)


def clean_text(value: str) -> str | None:
    """Text as a page means it: entities decoded (twice, for doubly encoded ones), tags
    dropped, white space collapsed; ``None`` when nothing is left."""
    for _ in range(2):
        if "&" not in value or not _ENTITY.search(value):
            break
        value = unescape(value)
    if "<" in value and ">" in value:
        value = _TAG.sub(" ", value)
    # Splitting at white space and joining with one space is what collapsing every run of
    # ``\s`` to one space and stripping the ends gives, and several times faster.
    value = " ".join(value.split())
    return value or None
