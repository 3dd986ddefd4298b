"""The chosen container's text as blocks: paragraphs, headings, block quotes, lists and figures,
with inline links as stand-off spans, boilerplate regions and lines left out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import cast

import attrs
from lxml import etree

from ..._model import (
    Block,
    BlockQuote,
    Figure,
    Heading,
    Image,
    Link,
    ListBlock,
    Paragraph,
    block_texts,
)
from ..._structure import builder
from ..common.urls import join_url
from .index import element_text, is_markup
from .tree import _WORD, _Node, _Run

_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
#: Lines that are page furniture wherever they appear, matched against the whole line.
_BOILERPLATE_LINE = re.compile(
    r"^\W*(?:advertisement|advertising|advert|anzeige|publicidade|publicité|реклама|ad|sponsored"
    r"|don'?t miss|must read|you (?:may|might) also like|also read|see also|watch|listen"
    r"|story continues(?: below)?(?: advertisement)?|continue reading(?: below)?"
    r"|read more|see more|show more|load more|read next|more on this|related|related articles?"
    r"|recommended|share(?: this)?(?: article| story)?|share on \w+|tweet|email|print"
    r"|comments?|\d+ comments?|leave a comment|sign up|subscribe(?: now)?|follow us"
    r"|click here|skip to content|back to top|image|photo|video|close|menu)\W*$",
    re.IGNORECASE,
)

_ABSOLUTE_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^#")

# The emitter makes its values of the right types: building skips only the checks that would
# repeat the types (a page has thousands of paragraphs and links).
_paragraph = builder(Paragraph)
_link = builder(Link)


class _NameWords:
    """Words looked for, in any case, inside class and id names."""

    def __init__(self, *words: str) -> None:
        self.words = words
        self.pattern = re.compile("|".join(map(re.escape, words)), re.IGNORECASE)

    def in_name(self, name: str | None) -> bool:
        """Whether ``name`` holds one of the words, as :attr:`pattern` finds them.

        Names in ASCII (nearly all, and many of them long lists of utility classes) are
        lower-cased and searched for each word, several times faster than the pattern. The
        two agree on them: the characters the pattern also folds to an ASCII letter (the
        dotless ı, the long ſ, the Kelvin sign) are not ASCII.
        """
        if not name:
            return False
        if name.isascii():
            name = name.lower()
            return any(word in name for word in self.words)
        return self.pattern.search(name) is not None


_CREDIT_NAME = _NameWords("credit", "copyright", "source", "byline", "author", "photographer")
_CAPTION_NAME = _NameWords("caption")
_MEDIA_NAME = _NameWords("photo", "image", "img", "picture", "media", "figure", "caption")
#: A box with an image and more text than this is not a figure with its caption.
_MAX_CAPTION_CHARS = 300


def _assemble(pieces: Iterable[tuple[str, str | None]]) -> tuple[str, tuple[Link, ...]]:
    """Join inline pieces into one whitespace-normalised text with link spans into it.

    Each piece's white space is made one space, and none is written after another; a link
    spans its piece's words, and a link's next piece with the same target (or white space
    between them) extends it. The spans are made links once they are complete.
    """
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    urls: list[str] = []
    length = 0
    space = True  # at the start, leading white space is dropped
    for raw, href in pieces:
        words = raw.split()
        if not words:
            if raw and not space:
                parts.append(" ")
                length += 1
                space = True
            continue
        if raw[0].isspace() and not space:
            parts.append(" ")
            length += 1
        start = length
        text = " ".join(words)
        parts.append(text)
        length += len(text)
        if href is not None and href != "#":
            if urls and urls[-1] == href and ends[-1] >= start - 1:
                ends[-1] = length
            else:
                starts.append(start)
                ends.append(length)
                urls.append(href)
        space = raw[-1].isspace()
        if space:
            parts.append(" ")
            length += 1
    # A link ends at its last word: taking the white space off the text's end cuts none.
    links = tuple(
        _link(start=a, end=b, url=url, title=None)
        for a, b, url in zip(starts, ends, urls, strict=True)
    )
    return "".join(parts).rstrip(" "), links


def _run_text(run: _Run) -> tuple[str, tuple[Link, ...]]:
    """A run's text with its link spans, as :func:`_assemble` makes them."""
    if run.link_chars == 0:
        # No link holds any text, so no span can be made, and the run's text is its pieces
        # joined with each stretch of white space made one space: done at once rather than
        # piece by piece, as most runs of an article hold no link.
        texts = cast("list[str]", run[0::2])  # (a run's even places hold its texts)
        return " ".join("".join(texts).split()), ()
    return _assemble(run.pieces())


def _flat_text(node: _Node) -> str:
    """All the text inside a node, white space made one space, a space around each inner node."""
    texts: list[str] = []
    _add_flat_texts(node, texts)
    return " ".join("".join(texts).split())


def _add_flat_texts(node: _Node, texts: list[str]) -> None:
    for item in node:
        if isinstance(item, _Run):
            texts += cast("list[str]", item[0::2])  # (a run's even places hold its texts)
        else:
            texts.append(" ")
            _add_flat_texts(item, texts)
            texts.append(" ")


def _is_boilerplate_line(text: str) -> bool:
    return len(text) < 60 and _BOILERPLATE_LINE.match(text) is not None


def _link_dense(chars: int, link_chars: int, limit: float) -> bool:
    return chars > 0 and link_chars > limit * chars


class _Emitter:
    """Turns the chosen container's nodes into model blocks."""

    def __init__(self, skip_texts: frozenset[str]) -> None:
        self.blocks: list[Block] = []
        self.skip_texts = skip_texts

    def emit(self, node: _Node) -> None:
        for item in node:
            if isinstance(item, _Run):
                self._paragraph(item)
            else:
                self._node(item)

    def _paragraph(self, run: _Run) -> None:
        if _link_dense(run.chars, run.link_chars, 0.5):
            return
        text, spans = _run_text(run)
        if not text or _is_boilerplate_line(text) or text in self.skip_texts:
            return
        if not _WORD.search(text):
            return
        self.blocks.append(_paragraph(text=text, links=spans))

    def _node(self, node: _Node) -> None:
        if node.negative and not node.body:
            if node.tag == "figure":
                self._figure(node)
            return
        tag = node.tag
        if tag in ("figure", "img", "picture") or self._is_media_box(node):
            self._figure(node)
            return
        if node.chars == 0:
            return
        if _link_dense(node.chars, node.link_chars, 0.5):
            return
        if tag in _HEADINGS:
            text = _flat_text(node)
            if text and text not in self.skip_texts and not _is_boilerplate_line(text):
                self.blocks.append(Heading(text=text, level=_HEADINGS[tag]))
        elif tag == "blockquote":
            paragraphs = self._texts(node)
            if paragraphs:
                self.blocks.append(BlockQuote(paragraphs=paragraphs, cite=node.el.get("cite")))
        elif tag in ("ul", "ol"):
            items = self._list_items(node)
            if items:
                self.blocks.append(ListBlock(items=items, ordered=tag == "ol"))
        elif tag == "tr":
            cells = [t for t in (_flat_text(c) for c in node if isinstance(c, _Node)) if t]
            if cells:
                self.blocks.append(_paragraph(text=" ".join(cells), links=()))
        else:
            self.emit(node)

    @staticmethod
    def _is_media_box(node: _Node) -> bool:
        """A ``<div class="photo">``-like box: an image with at most a caption's worth of text."""
        if node.chars > _MAX_CAPTION_CHARS:
            return False
        # (no media word holds a space: the class and the id are searched apart)
        named = _MEDIA_NAME.in_name(node.el.get("class")) or _MEDIA_NAME.in_name(node.el.get("id"))
        return named and next(node.el.iter("img"), None) is not None

    def _texts(self, node: _Node) -> tuple[str, ...]:
        sub = _Emitter(self.skip_texts)
        sub.emit(node)
        return tuple(text for block in sub.blocks for text in block_texts(block))

    def _list_items(self, node: _Node) -> tuple[str, ...]:
        items: list[str] = []
        for item in node:
            if isinstance(item, _Node):
                if item.negative or _link_dense(item.chars, item.link_chars, 0.5):
                    continue
                text = _flat_text(item)
            else:
                text = _run_text(item)[0]
            if text and not _is_boilerplate_line(text):
                items.append(text)
        return tuple(items)

    def _figure(self, node: _Node) -> None:
        img = node.el if node.tag == "img" else next(node.el.iter("img"), None)
        if img is None:
            return
        url = _image_url(img)
        if url is None:
            return
        caption, credit = _caption_and_credit(node.el)
        alt = (img.get("alt") or "").strip() or None
        self.blocks.append(Figure(image=Image(url=url, caption=caption, credit=credit, alt=alt)))


def with_absolute_urls(
    blocks: tuple[Block, ...], base_url: Callable[[], str | None]
) -> tuple[Block, ...]:
    """The blocks with their relative link and image URLs resolved against ``base_url()``;
    fragments and absolute URLs stay as written, and so does a URL that cannot be resolved.

    ``base_url`` is called only when some URL is relative: finding a page's base can cost a
    search of the whole page, and most pages' links and images are absolute.
    """
    if not any(map(_has_relative_url, blocks)):
        return blocks
    base = base_url()
    if base is None:
        return blocks
    return tuple(_with_base(block, base) for block in blocks)


def _has_relative_url(block: Block) -> bool:
    if isinstance(block, Paragraph):
        return not all(_ABSOLUTE_URL.match(link.url) for link in block.links)
    if isinstance(block, Figure):
        return not _ABSOLUTE_URL.match(block.image.url)
    return False


def _with_base(block: Block, base_url: str) -> Block:
    if isinstance(block, Paragraph) and block.links:
        links = _absolute_links(base_url, block.links)
        return block if links == block.links else attrs.evolve(block, links=links)
    if isinstance(block, Figure):
        url = _absolute_url(base_url, block.image.url)
        if url != block.image.url:
            return attrs.evolve(block, image=attrs.evolve(block.image, url=url))
    return block


def _absolute_url(base_url: str, url: str) -> str:
    if _ABSOLUTE_URL.match(url):
        return url
    # A link that cannot be resolved is kept as the page wrote it.
    return join_url(base_url, url) or url


def _absolute_links(base_url: str, links: tuple[Link, ...]) -> tuple[Link, ...]:
    """The links with their URLs made absolute; each link itself when it already is (most
    are), rather than a copy."""
    return tuple(
        link
        if (url := _absolute_url(base_url, link.url)) == link.url
        else Link(start=link.start, end=link.end, url=url)
        for link in links
    )


def _caption_and_credit(figure: etree._Element) -> tuple[str | None, str | None]:
    """A figure's caption and its credit, the credit taken out of the caption."""
    caption: str | None = None
    credit: str | None = None
    for el in figure.iter():
        if el is figure or not is_markup(el):
            continue
        # (no word holds a space: the class and the id are searched apart)
        classes, ident = el.get("class"), el.get("id")
        if credit is None and (_CREDIT_NAME.in_name(classes) or _CREDIT_NAME.in_name(ident)):
            credit = " ".join(element_text(el).split()) or None
        elif caption is None and (
            el.tag == "figcaption" or _CAPTION_NAME.in_name(classes) or _CAPTION_NAME.in_name(ident)
        ):
            caption = " ".join(element_text(el).split()) or None
    if caption and credit:
        caption = " ".join(caption.replace(credit, " ").split()) or None
    return caption, credit


def _image_url(img: etree._Element) -> str | None:
    for attr in ("src", "data-src", "data-original", "data-lazy-src", "data-url"):
        value = (img.get(attr) or "").strip()
        if value and not value.startswith("data:"):
            return value
    srcset = (img.get("srcset") or img.get("data-srcset") or "").strip()
    if srcset:
        return srcset.split(",")[0].split()[0]
    return None
