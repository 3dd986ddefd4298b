"""XML written straight to text, element by element in document order.

The NewsML-G2 writer and the body renderer (:mod:`.xhtml`) know every element's attributes
before its content, so they need no tree: building one with lxml costs several times what
serialising it does. The text is what ``lxml.etree.tostring`` writes for the same elements:
the same escaping, attributes in the order given, ``<empty/>`` elements, double quotes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["NOT_XML", "XmlText", "attribute_value", "character_data"]

#: Characters XML 1.0 cannot carry at all (lxml refuses them with a ValueError).
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


# Checked and replaced one by one: for text, mostly without any of these characters, much
# faster than a regular expression substitution. "&" goes first, before any is written.
_TEXT_ENTITIES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\r", "&#13;"))
_ATTRIBUTE_ENTITIES = (*_TEXT_ENTITIES, ('"', "&quot;"), ("\n", "&#10;"), ("\t", "&#9;"))


def character_data(text: str) -> str:
    """``text`` escaped for element content."""
    return _escaped(text, _TEXT_ENTITIES)


def attribute_value(text: str) -> str:
    """``text`` escaped for a double-quoted attribute value."""
    return _escaped(text, _ATTRIBUTE_ENTITIES)


def _escaped(text: str, entities: tuple[tuple[str, str], ...]) -> str:
    for character, entity in entities:
        if character in text:
            text = text.replace(character, entity)
    return text


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
        self.parts.append(f"<{tag}{_attributes(attributes)}>")
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
        if text is not None:
            self.parts.append(f"<{tag}{_attributes(attributes)}>{character_data(text)}</{tag}>")
        else:
            self.parts.append(f"<{tag}{_attributes(attributes)}/>")
        self.empty = False

    def text(self, text: str) -> None:
        """Character data inside the open element."""
        self.parts.append(character_data(text))
        self.empty = False

    def raw(self, markup: str) -> None:
        """Markup written elsewhere, as it is."""
        self.parts.append(markup)
        self.empty = False

    def document(self) -> str:
        """Everything written so far."""
        return "".join(self.parts)


def _attributes(attributes: Attributes) -> str:
    if not attributes:
        return ""
    return "".join([f' {name}="{attribute_value(value)}"' for name, value in attributes])
