"""The light tree a page is read into: block nodes and the inline text runs they hold."""

from __future__ import annotations

import re

from lxml import etree

_WORD = re.compile(r"\w+")
#: How much good text counts by how deep below a candidate container it sits: an article's
#: paragraphs are its children or grandchildren, while a page's teaser cards each hold one
#: paragraph deep inside their own wrappers, so that a far ancestor does not win by summing
#: a whole feed of them.
_DEPTH_WEIGHTS = (1.0, 1.0, 1.0, 0.8, 0.6, 0.45, 0.35)


class _Run:
    """Inline content between two block boundaries: text pieces with their link targets."""

    __slots__ = ("chars", "link_chars", "pieces")

    def __init__(self) -> None:
        self.pieces: list[tuple[str, str | None]] = []
        self.chars = 0
        self.link_chars = 0

    def add(self, text: str, href: str | None) -> None:
        self.pieces.append((text, href))
        n = len(text.strip())
        if n:
            self.chars += n
            if href is not None:
                self.link_chars += n


class _Node:
    """A block element with its content in reading order and its text statistics."""

    __slots__ = (
        "body", "chars", "el", "good", "items", "levels", "link_chars", "negative", "noise",
        "parent", "positive", "shadow", "strong", "tag",
    )  # fmt: skip

    def __init__(self, el: etree._Element, tag: str, parent: _Node | None = None) -> None:
        self.el = el
        self.tag = tag
        self.parent = parent
        self.items: list[_Node | _Run] = []
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
        #: Good characters by depth below this node (the last entry: all deeper ones).
        self.levels = [0] * len(_DEPTH_WEIGHTS)
