"""The running text of an XML element and the offsets of its links, for the reader that turns
every format's body markup into paragraphs (:mod:`newsmodel._codecs.markup`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from lxml import etree

__all__ = ["InlineText"]

_WHITE_SPACE = re.compile(r"\s+")


class InlineText:
    """Collects running text, walking an element's children, and where its links are.

    Args:
        name_of: The reader's element naming (``""`` for comments and the like).
        normalize: Runs of white space become one space, dropped at the start and end (others'
            markup); without it the text is kept exactly (our own items).
        line_break: What a ``<br>`` reads as.
        skipped: Names whose content is not text (scripts, styles); their tails are.
        max_depth: How deep to walk; a deeper subtree is read as its text alone, so that no
            recursion runs away on deeply nested markup.
    """

    def __init__(
        self,
        name_of: Callable[[etree._Element], str],
        *,
        normalize: bool = True,
        line_break: str = " ",
        skipped: frozenset[str] = frozenset(),
        max_depth: int | None = None,
    ) -> None:
        self._name_of = name_of
        self._normalize = normalize
        self._line_break = line_break
        self._skipped = skipped
        self._max_depth = max_depth
        self._parts: list[str] = []
        self._length = 0
        self._space = True  # at the start, leading white space is dropped when normalising
        self._links: list[tuple[int, int, str, str | None]] = []

    def add(self, text: str | None) -> None:
        if not text:
            return
        if self._normalize:
            text = _WHITE_SPACE.sub(" ", text)
            if self._space and text.startswith(" "):
                text = text[1:]
            if not text:
                return
            self._space = text.endswith(" ")
        self._parts.append(text)
        self._length += len(text)

    def walk(self, element: etree._Element, *, in_link: bool = False, depth: int = 0) -> None:
        """Add ``element``'s text and its descendants' (not the element's own tail)."""
        self.add(element.text)
        for child in element:
            name = self._name_of(child)
            if not name or name in self._skipped:
                pass
            elif name == "a" and child.get("href") and not in_link:
                start = self._length
                self.walk(child, in_link=True, depth=depth + 1)
                self._links.append((start, self._length, child.get("href", ""), child.get("title")))
            elif name == "br":
                self.add(self._line_break)
            elif self._max_depth is None or depth < self._max_depth:
                self.walk(child, in_link=in_link, depth=depth + 1)
            else:
                self.add("".join(text for text in child.itertext() if isinstance(text, str)))
            self.add(child.tail)

    def text(self) -> str:
        """What was collected (its trailing white space dropped when normalising)."""
        text = "".join(self._parts)
        return text.rstrip() if self._normalize else text

    def links(self, text: str) -> Iterator[tuple[int, int, str, str | None]]:
        """Start, end, URL and title of each link that still lies inside ``text``."""
        for start, end, url, title in self._links:
            end = min(end, len(text))
            if start < end:
                yield start, end, url, title
