"""The light tree a page is read into: block nodes and the inline text runs they hold."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from lxml import etree

_WORD = re.compile(r"\w+")
#: How much good text counts by how deep below a candidate container it sits: an article's
#: paragraphs are its children or grandchildren, while a page's teaser cards each hold one
#: paragraph deep inside their own wrappers, so that a far ancestor does not win by summing
#: a whole feed of them.
_DEPTH_WEIGHTS = (1.0, 1.0, 1.0, 0.8, 0.6, 0.45, 0.35)


class _Run(list[str | None]):
    """Inline content between two block boundaries: its text pieces, each followed by its link
    target (``None`` outside links).

    The pieces sit in the run itself, flat, rather than as pairs in a list of their own: a
    page has thousands of them, and every container object kept while a page is read is one
    more for the garbage collector to trace.
    """

    __slots__ = ("chars", "link_chars")

    def __init__(self) -> None:
        # (the list's own initialiser would only empty a list that is new, so empty)
        self.chars = 0
        self.link_chars = 0

    def add(self, text: str, href: str | None) -> None:
        self.append(text)
        self.append(href)
        n = len(text.strip())
        if n:
            self.chars += n
            if href is not None:
                self.link_chars += n

    def pieces(self) -> Iterator[tuple[str, str | None]]:
        """The text pieces in order, each with its link target."""
        # One iterator zipped with itself pairs each text with the target after it.
        texts: Iterator[Any] = iter(self)
        return zip(texts, texts, strict=False)


class _Node(list["_Node | _Run"]):
    """A block element with its text statistics; the node itself is the list of its content in
    reading order, its child nodes and the runs between them (one object rather than a node
    and a list, as with :class:`_Run`)."""

    __slots__ = (
        "body", "chars", "el", "good", "levels", "link_chars", "negative", "noise", "number",
        "parent", "positive", "shadow", "strong", "tag",
    )  # fmt: skip

    def __init__(self, el: etree._Element, tag: str, number: int, parent: int = -1) -> None:
        self.el = el
        self.tag = tag
        #: Where this node and its parent (-1: none) sit among the page's nodes in the order
        #: they were opened, parents first. Numbers rather than the parent node itself, so
        #: that the tree holds no reference cycle: it is freed as soon as it is dropped,
        #: instead of being left for the garbage collector to find.
        self.number = number
        self.parent = parent
        self.negative = False
        self.positive = False
        self.body = False
        #: Named with a word that no amount of prose inside overrides ("related", "comments").
        self.strong = False
        #: Inside (or being) a boilerplate region: a candidate container of last resort.
        self.shadow = False
        self.chars = 0
        self.link_chars = 0
        #: Link text and the text of boilerplate-named regions: what is surely not article.
        self.noise = 0
        self.good = 0
        #: Good characters by depth below this node (the last entry: all deeper ones); made
        #: when the first good text arrives, as most nodes never get any.
        self.levels: list[int] | None = None

    def add_good(self, depth: int, chars: int) -> None:
        """Count good text ``depth`` levels below this node (deeper ones in the last level)."""
        if self.levels is None:
            self.levels = [0] * len(_DEPTH_WEIGHTS)
        self.levels[min(depth, len(_DEPTH_WEIGHTS) - 1)] += chars
