"""The body as XHTML: the one renderer of blocks as markup, for NewsML-G2's ``inlineXML``,
ninjs' rich text and the pages ``html.dumps`` writes.

One element per block: ``<p>`` with its links as ``<a>``, ``<h1>``…``<h6>``, ``<blockquote>``
with its paragraphs and the source it credits, ``<ul>``/``<ol>`` with ``<li>`` items, and a
figure. Figures and sources have two spellings, because XHTML 1.0 Strict (the only XHTML the
NewsML-G2 schema admits) has no ``figure``, ``figcaption`` or ``footer``:

- pages and ninjs: ``<figure><img/><figcaption>caption</figcaption><small class="credit">
  credit</small></figure>`` and ``<footer>source</footer>``, which the ninjs reader and the
  HTML parser read back;
- NewsML-G2 (``strict``): ``<div class="figure"><img alt=""/><p class="caption">caption</p>
  <p class="credit">credit</p></div>`` and ``<p class="source"><cite>source</cite></p>``.

Inline elements beyond links (NewsML-G2 marks quotes with ``<q>`` and ``<span>``) are
:class:`Mark` s; marks that cross are split so that the elements nest. The output is
well-formed XML with :mod:`.xmltext`'s escaping, so it is also valid where HTML is expected.
It is built as text: the writers that use it are in the hot path of bulk conversion.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from .. import _model as m
from .xmltext import attribute_value, character_data, needs_escaping

__all__ = ["BodyWriter", "Mark", "Marks", "block_xhtml", "body_xhtml", "nested_links"]


def body_xhtml(body: tuple[m.Block, ...]) -> str:
    """The body as an XHTML fragment: one element per block."""
    return BodyWriter().body(body)


def block_xhtml(block: m.Block) -> str:
    """One block as an XHTML element."""
    return BodyWriter().body((block,))


#: An inline element to wrap around ``text[start:end]``, as a plain tuple (there are
#: thousands per batch of articles): ``(start, end, rank, index, tag, attributes, id)``.
#: ``rank`` orders marks from the outermost (links, 0) in, then ``index``; ``attributes`` is
#: the start tag's attribute text, escaped (`` href="…"``); ``id``, when not empty, names the
#: element, and the fragments of a mark split to nest get ``-2``, ``-3``… after it.
Mark = tuple[int, int, int, int, str, str, str]


#: Marks by the text they go into: ``(block index, item index)``, the item ``None`` for a
#: paragraph's or heading's own text.
Marks = dict[tuple[int, "int | None"], list[Mark]]


class BodyWriter:
    """Writes body blocks as XHTML elements.

    The text and URIs go out as they are; a writer with stricter needs (NewsML-G2 replaces
    what XML cannot hold and checks URIs against anyURI) overrides :meth:`text`, :meth:`uri`
    and :meth:`links`. ``marks`` are inline elements to add beside the links.
    """

    #: Whether to keep to XHTML 1.0 Strict (see the module's documentation).
    strict = False

    def __init__(self, marks: Marks | None = None) -> None:
        self.marks: Marks = marks or {}

    def text(self, value: str) -> str:
        """Text for element content and attributes."""
        return value

    def uri(self, value: str) -> str:
        """A URI attribute: a link's target, an image's source, a quotation's citation."""
        return value

    def links(self, paragraph: m.Paragraph) -> list[m.Link]:
        """The links to write as ``a`` elements: those that do not cross an earlier one."""
        return nested_links(paragraph.links)

    def body(self, body: tuple[m.Block, ...]) -> str:
        """The blocks' elements, in order."""
        parts: list[str] = []
        append, marks, text = parts.append, self.marks, self.text
        for index, block in enumerate(body):
            if isinstance(block, m.Paragraph):
                quoted = marks.get((index, None)) if marks else None
                if block.links:
                    links: list[Mark] = [
                        (link.start, link.end, 0, number, "a", self.link_attributes(link), "")
                        for number, link in enumerate(self.links(block))
                    ]
                    append(self.inline("p", block.text, links + quoted if quoted else links))
                elif quoted:
                    append(self.inline("p", block.text, quoted))
                else:  # most paragraphs: the text alone
                    append("<p>" + character_data(text(block.text)) + "</p>")
            elif isinstance(block, m.Heading):
                tag = _HEADINGS[block.level]
                append(self.inline(tag, block.text, marks.get((index, None))))
            elif isinstance(block, m.ListBlock):
                tag = "ol" if block.ordered else "ul"
                items = [
                    self.inline("li", item_text, marks.get((index, item)))
                    for item, item_text in enumerate(block.items)
                ]
                append(f"<{tag}>{''.join(items)}</{tag}>")
            elif isinstance(block, m.BlockQuote):
                append(self.block_quote(index, block))
            else:
                append(self.figure(block.image))
        return "".join(parts)

    def block_quote(self, index: int, block: m.BlockQuote) -> str:
        marks = self.marks
        cite = f' cite="{attribute_value(self.uri(block.cite))}"' if block.cite else ""
        parts = [f"<blockquote{cite}>"]
        for item, text in enumerate(block.paragraphs):
            parts.append(self.inline("p", text, marks.get((index, item))))
        if block.source:
            source = character_data(self.text(block.source))
            parts.append(
                f'<p class="source"><cite>{source}</cite></p>'
                if self.strict
                else f"<footer>{source}</footer>"
            )
        parts.append("</blockquote>")
        return "".join(parts)

    def link_attributes(self, link: m.Link) -> str:
        href = f' href="{attribute_value(self.uri(link.url))}"'
        if link.title:
            return f'{href} title="{attribute_value(self.text(link.title))}"'
        return href

    def figure(self, image: m.Image) -> str:
        strict, text = self.strict, self.text
        img = f'<img src="{attribute_value(self.uri(image.url))}"'
        if strict:
            # XHTML 1.0 requires alt; an empty one stands for "none given" (the model has no
            # empty text).
            img += f' alt="{attribute_value(text(image.alt or ""))}"'
        elif image.alt:
            img += f' alt="{attribute_value(text(image.alt))}"'
        if image.width is not None:
            img += f' width="{image.width}"'
        if image.height is not None:
            img += f' height="{image.height}"'
        img += "/>"
        if image.caption:
            caption = character_data(text(image.caption))
            if strict:
                img += f'<p class="caption">{caption}</p>'
            else:
                img += f"<figcaption>{caption}</figcaption>"
        if image.credit:
            tag = "p" if strict else "small"
            img += f'<{tag} class="credit">{character_data(text(image.credit))}</{tag}>'
        return f'<div class="figure">{img}</div>' if strict else f"<figure>{img}</figure>"

    def inline(self, tag: str, text: str, marks: list[Mark] | None) -> str:
        """``tag`` holding ``text``, with marks as nested elements.

        Marks that cross are split into fragments so the elements nest; links come outermost
        and never cross one another, so each link stays one ``a`` element.
        """
        text = self.text(text)
        if marks:
            length = len(text)
            marks = [mark for mark in marks if mark[0] < mark[1] <= length]
        if not marks:
            return f"<{tag}>{character_data(text)}</{tag}>"
        # Most text holds nothing to escape: then its pieces need no look either.
        escape = character_data if needs_escaping(text) else str
        return f"<{tag}>{_side_by_side(text, marks, escape) or _split(text, marks, escape)}</{tag}>"


_HEADINGS = {level: f"h{level}" for level in range(1, 7)}


def _side_by_side(text: str, marks: list[Mark], escape: Callable[[str], str]) -> str:
    """``text`` with its marks when none overlaps another (most paragraphs), else ``""``."""
    marks.sort()  # by start
    parts: list[str] = []
    position = 0
    for start, end, _, _, tag, attributes, mark_id in marks:
        if start < position:
            return ""
        if mark_id:
            attributes += f' id="{mark_id}"'
        parts.append(
            f"{escape(text[position:start])}<{tag}{attributes}>{escape(text[start:end])}</{tag}>"
        )
        position = end
    parts.append(escape(text[position:]))
    return "".join(parts)


def _split(text: str, marks: list[Mark], escape: Callable[[str], str]) -> str:
    """``text`` with its marks, links outermost, the others split where they cross."""
    marks.sort(key=_outermost_first)
    ranges = [(mark[0], mark[1]) for mark in marks]
    points = sorted({0, len(text), *itertools.chain.from_iterable(ranges)})
    parts: list[str] = []
    stack: list[int] = []  # the marks open, by number, outermost first
    fragments = [0] * len(marks)
    for start, end in itertools.pairwise(points):
        active = [number for number, (first, last) in enumerate(ranges) if first <= start < last]
        keep, limit = 0, min(len(stack), len(active))
        while keep < limit and stack[keep] == active[keep]:
            keep += 1
        for number in reversed(stack[keep:]):
            parts.append(f"</{marks[number][4]}>")
        del stack[keep:]
        for number in active[keep:]:
            _, _, _, _, tag, attributes, mark_id = marks[number]
            if mark_id:
                fragments[number] += 1
                count = fragments[number]
                attributes += f' id="{mark_id if count == 1 else f"{mark_id}-{count}"}"'
            parts.append(f"<{tag}{attributes}>")
            stack.append(number)
        parts.append(escape(text[start:end]))
    for number in reversed(stack):
        parts.append(f"</{marks[number][4]}>")
    return "".join(parts)


def _outermost_first(mark: Mark) -> tuple[int, int, int, int]:
    start, end, rank, index = mark[:4]
    return (rank, start, -end, index)


def nested_links(links: tuple[m.Link, ...]) -> list[m.Link]:
    """The links in order, dropping any that overlap an earlier one."""
    if len(links) < 2:
        return list(links)
    kept: list[m.Link] = []
    for link in sorted(links, key=lambda one: (one.start, one.end)):
        if not kept or link.start >= kept[-1].end:
            kept.append(link)
    return kept
