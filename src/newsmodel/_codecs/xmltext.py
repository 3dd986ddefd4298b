"""XML written straight to text, element by element in document order.

The NewsML-G2 writer and the body renderer (:mod:`.xhtml`) know every element's attributes
before its content, so they need no tree: building one with lxml costs several times what
serialising it does. The text is what ``lxml.etree.tostring`` writes for the same elements:
the same escaping, attributes in the order given, ``<empty/>`` elements, double quotes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = [
    "NOT_XML",
    "XmlText",
    "attribute_value",
    "character_data",
    "needs_escaping",
    "xml_utf8",
]

#: Characters XML 1.0 cannot carry at all (lxml refuses them with a ValueError).
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


# Each character checked before it is replaced: most text holds none of them, and a check
# costs less than a replace or a regular expression. "&" goes first, before any is written.
def character_data(text: str) -> str:
    """``text`` escaped for element content."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    return text


def needs_escaping(text: str) -> bool:
    """Whether :func:`character_data` would change ``text``."""
    return "&" in text or "<" in text or ">" in text or "\r" in text


def attribute_value(text: str) -> str:
    """``text`` escaped for a double-quoted attribute value."""
    if "&" in text or "<" in text or ">" in text or "\r" in text:
        text = character_data(text)
    if '"' in text or "\n" in text or "\t" in text:
        text = text.replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")
    return text


# Every byte of a control character XML refuses read as NUL, the others as themselves: in
# UTF-8, bytes under 0x20 stand only for those characters.
_REFUSED_AS_NUL = bytes(0 if byte < 0x20 and byte not in b"\t\n\r" else byte for byte in range(256))


def xml_utf8(text: str) -> bytes | None:
    """``text`` as UTF-8, or ``None`` when it holds a character XML cannot carry (NOT_XML).

    The same answer as searching for NOT_XML, at a fraction of the cost on long text.
    """
    if "\ufffe" in text or "\uffff" in text:
        return None
    try:
        data = text.encode("utf-8")  # refuses lone surrogates
    except UnicodeEncodeError:
        return None
    return None if b"\0" in data.translate(_REFUSED_AS_NUL) else data


Attributes = Iterable[tuple[str, str]]


class XmlText:
    """A document being written: start tags, text and end tags appended in order.

    Names are written as given (``nm:quote``, ``xml:lang``): the caller declares the
    namespaces it uses with ``xmlns`` attributes. An element closed right after it was
    opened is written ``<empty/>``.
    """

    __slots__ = ("empty", "parts")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.empty = False  # whether the last part is a start tag

    def start(self, tag: str, attributes: Attributes = ()) -> None:
        """Open ``tag``."""
        self.parts.append(f"<{tag}{_attributes(attributes)}>" if attributes else f"<{tag}>")
        self.empty = True

    def end(self, tag: str) -> None:
        """Close ``tag``."""
        if self.empty:
            self.parts[-1] = self.parts[-1][:-1] + "/>"
            self.empty = False
        else:
            self.parts.append(f"</{tag}>")

    def leaf(self, tag: str, text: str | None = None, attributes: Attributes = ()) -> None:
        """A whole element: ``tag`` holding ``text`` (or nothing)."""
        head = f"<{tag}{_attributes(attributes)}" if attributes else f"<{tag}"
        if text is not None:
            self.parts.append(f"{head}>{character_data(text)}</{tag}>")
        else:
            self.parts.append(f"{head}/>")
        self.empty = False

    def text(self, text: str) -> None:
        """Character data inside the open element."""
        self.parts.append(character_data(text))
        self.empty = False

    def raw(self, markup: str) -> None:
        """Markup written elsewhere, as it is (nothing leaves an open element empty)."""
        if markup:
            self.parts.append(markup)
            self.empty = False

    def document(self) -> str:
        """Everything written so far."""
        return "".join(self.parts)


def _attributes(attributes: Attributes) -> str:
    return "".join([f' {name}="{attribute_value(value)}"' for name, value in attributes])
