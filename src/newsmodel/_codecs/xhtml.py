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
"""

from __future__ import annotations

import itertools

import attrs

from .. import _model as m
from .xmltext import Attributes, XmlText

__all__ = ["BodyWriter", "Mark", "Marks", "block_xhtml", "body_xhtml", "nested_links"]


def body_xhtml(body: tuple[m.Block, ...]) -> str:
    """The body as an XHTML fragment: one element per block."""
    out = XmlText()
    BodyWriter(out).body(body)
    return out.document()


def block_xhtml(block: m.Block) -> str:
    """One block as an XHTML element."""
    out = XmlText()
    BodyWriter(out).block(0, block)
    return out.document()


@attrs.define(eq=False)
class Mark:
    """An inline element to wrap around ``text[start:end]``.

    ``rank`` orders marks from the outermost (links, 0) in; ``id``, when given, names the
    element, and the fragments of a mark split to nest get ``-2``, ``-3``… after it.
    """

    start: int
    end: int
    rank: int
    index: int
    tag: str
    attributes: dict[str, str]
    id: str

    def order(self) -> tuple[int, int, int, int]:
        return (self.rank, self.start, -self.end, self.index)


#: Marks by the text they go into: ``(block index, item index)``, the item ``None`` for a
#: paragraph's or heading's own text.
Marks = dict[tuple[int, "int | None"], list[Mark]]


class BodyWriter:
    """Writes body blocks as XHTML elements into ``out``.

    The text and URIs go out as they are; a writer with stricter needs (NewsML-G2 replaces
    what XML cannot hold and checks URIs against anyURI) overrides :meth:`text`, :meth:`uri`
    and :meth:`links`. ``marks`` are inline elements to add beside the links.
    """

    #: Whether to keep to XHTML 1.0 Strict (see the module's documentation).
    strict = False

    def __init__(self, out: XmlText, marks: Marks | None = None) -> None:
        self.out = out
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

    def body(self, body: tuple[m.Block, ...]) -> None:
        for index, block in enumerate(body):
            self.block(index, block)

    def block(self, index: int, block: m.Block) -> None:
        out, marks = self.out, self.marks
        if isinstance(block, m.Paragraph):
            quoted = marks.get((index, None))
            if not block.links and not quoted:  # most paragraphs: the text alone
                out.leaf("p", self.text(block.text))
                return
            links = [
                Mark(link.start, link.end, 0, number, "a", self.link_attributes(link), "")
                for number, link in enumerate(self.links(block))
            ]
            self.inline("p", (), block.text, links + (quoted or []))
        elif isinstance(block, m.Heading):
            self.inline(f"h{block.level}", (), block.text, marks.get((index, None), []))
        elif isinstance(block, m.BlockQuote):
            out.start("blockquote", [("cite", self.uri(block.cite))] if block.cite else ())
            for item, text in enumerate(block.paragraphs):
                self.inline("p", (), text, marks.get((index, item), []))
            if block.source:
                if self.strict:
                    out.start("p", [("class", "source")])
                    out.leaf("cite", self.text(block.source))
                    out.end("p")
                else:
                    out.leaf("footer", self.text(block.source))
            out.end("blockquote")
        elif isinstance(block, m.ListBlock):
            tag = "ol" if block.ordered else "ul"
            out.start(tag)
            for item, text in enumerate(block.items):
                self.inline("li", (), text, marks.get((index, item), []))
            out.end(tag)
        else:
            self.figure(block.image)

    def link_attributes(self, link: m.Link) -> dict[str, str]:
        attributes = {"href": self.uri(link.url)}
        if link.title:
            attributes["title"] = self.text(link.title)
        return attributes

    def figure(self, image: m.Image) -> None:
        out, strict = self.out, self.strict
        box = "div" if strict else "figure"
        out.start(box, [("class", "figure")] if strict else ())
        attributes = [("src", self.uri(image.url))]
        if strict:
            # XHTML 1.0 requires alt; an empty one stands for "none given" (the model has no
            # empty text).
            attributes.append(("alt", self.text(image.alt or "")))
        elif image.alt:
            attributes.append(("alt", self.text(image.alt)))
        if image.width is not None:
            attributes.append(("width", str(image.width)))
        if image.height is not None:
            attributes.append(("height", str(image.height)))
        out.leaf("img", None, attributes)
        if image.caption:
            if strict:
                out.leaf("p", self.text(image.caption), [("class", "caption")])
            else:
                out.leaf("figcaption", self.text(image.caption))
        if image.credit:
            tag = "p" if strict else "small"
            out.leaf(tag, self.text(image.credit), [("class", "credit")])
        out.end(box)

    def inline(self, tag: str, attributes: Attributes, text: str, marks: list[Mark]) -> None:
        """Write ``tag`` holding ``text``, with marks as nested elements.

        Marks that cross are split into fragments so the elements nest; links come outermost
        and never cross one another, so each link stays one ``a`` element.
        """
        out = self.out
        text = self.text(text)
        marks = [mark for mark in marks if mark.start < mark.end <= len(text)]
        if not marks:
            out.leaf(tag, text, attributes)
            return
        out.start(tag, attributes)
        if len(marks) == 1:  # the common case: one quote or one link in the paragraph
            (mark,) = marks
            if mark.start:
                out.text(text[: mark.start])
            mark_attributes = list(mark.attributes.items())
            if mark.id:
                mark_attributes.append(("id", mark.id))
            out.start(mark.tag, mark_attributes)
            out.text(text[mark.start : mark.end])
            out.end(mark.tag)
            if mark.end < len(text):
                out.text(text[mark.end :])
            out.end(tag)
            return
        marks.sort(key=Mark.order)
        points = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
        stack: list[Mark] = []
        opened: dict[int, int] = {}
        for start, end in itertools.pairwise(points):
            active = [mark for mark in marks if mark.start <= start and end <= mark.end]
            keep = 0
            while keep < len(stack) and keep < len(active) and stack[keep] is active[keep]:
                keep += 1
            for mark in reversed(stack[keep:]):
                out.end(mark.tag)
            del stack[keep:]
            for mark in active[keep:]:
                mark_attributes = list(mark.attributes.items())
                if mark.id:
                    count = opened.get(id(mark), 0)
                    opened[id(mark)] = count + 1
                    mark_id = mark.id if count == 0 else f"{mark.id}-{count + 1}"
                    mark_attributes.append(("id", mark_id))
                out.start(mark.tag, mark_attributes)
                stack.append(mark)
            out.text(text[start:end])
        for mark in reversed(stack):
            out.end(mark.tag)
        out.end(tag)


def nested_links(links: tuple[m.Link, ...]) -> list[m.Link]:
    """The links in order, dropping any that overlap an earlier one."""
    kept: list[m.Link] = []
    for link in sorted(links, key=lambda one: (one.start, one.end)):
        if not kept or link.start >= kept[-1].end:
            kept.append(link)
    return kept
