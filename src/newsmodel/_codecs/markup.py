"""Body markup as model blocks: the one reader behind every format's body.

NewsML-G2's XHTML, ninjs' rich text, NITF's ``body.content``, and the XHTML and HTML
fragments of feeds, WordPress exports and NewsML 1 items are all read by one set of rules:

- ``p`` is a paragraph with its links (``a href``) as offsets into its text;
- ``h1``…``h6`` are headings of their level, NITF's ``hl1`` and ``hl2`` of level 2 (or of the
  level an ``hl2 class="h3"`` names, as newsmodel's NITF writes it);
- ``blockquote`` and NITF's ``bq`` are block quotes: their paragraphs, the source named by a
  ``credit``, ``cite``, ``footer`` or ``class="source"`` element, and the ``cite`` attribute,
  or else the address the source links to;
- ``ul`` and ``ol`` are lists of their ``li``; a table gives one paragraph per row, its cells
  joined by " | "; ``pre`` is one paragraph; ``hr`` is nothing;
- ``figure``, ``div class="figure"``, NITF's ``media`` of type image and a lone ``img`` are
  figures: the picture's address, alt text and size, the caption (``figcaption``,
  ``media-caption``, ``class="caption"``) and credit (``media-producer``, ``class="credit"``,
  a ``small`` of the figure);
- containers (``div``, ``section``, NITF ``block``…) are read through, text loose between blocks
  becomes paragraphs, and scripts, styles, navigation and the like are not text.

Element names are compared in lower case without their namespace, so XHTML, HTML and NITF with
or without its namespace read alike. Two readings: *exact*, for documents newsmodel wrote,
keeps text as written (a ``br`` is a line break) and refuses a figure without a picture or with
a size that is not a number, at its line; *lenient*, for everyone else's, tidies white space,
repairs double-encoded text ("DÃ©cÃ¨s") with a :class:`~newsmodel.GuessWarning` and passes such
figures and sizes over.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import cast

from lxml import etree

from .._extract.text.encoding import repair_mojibake
from .._model import (
    Block,
    BlockQuote,
    Figure,
    Heading,
    Image,
    Link,
    ListBlock,
    Paragraph,
)
from .._structure import builder
from ..errors import ParseError
from .inline import InlineText

__all__ = ["MarkupReader", "html_blocks", "local", "text_blocks", "tidy"]

_WHITE_SPACE = re.compile(r"\s+")
_BLANK_LINES = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_TAG = re.compile(r"<[^>]*>")
#: Elements whose text is never article text.
_SKIPPED = frozenset(
    {"head", "body.head", "body.end", "title", "script", "style", "noscript", "iframe",
     "form", "button", "nav", "aside", "footer", "template", "svg", "media-metadata"}
)  # fmt: skip
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "hl1", "hl2"})
_QUOTES = frozenset({"blockquote", "bq"})
_LISTS = frozenset({"ul", "ol"})
_FIGURES = frozenset({"figure", "media", "img"})
#: Elements read through: their blocks are the body's.
_CONTAINERS = frozenset(
    {"div", "block", "section", "article", "center", "main", "header", "body", "body.content",
     "html", "nitf", "dl"}
)  # fmt: skip
#: Elements that hold blocks rather than running text.
_BLOCK_LEVEL = _HEADINGS | _QUOTES | _LISTS | _FIGURES | _CONTAINERS | {"p", "table", "pre", "hr"}
#: Where a block quote names its source.
_SOURCES = frozenset({"credit", "cite", "footer"})
_CAPTIONS = frozenset({"figcaption", "media-caption"})
_PICTURES = frozenset({"img", "media-reference"})
#: Inline elements that are running text and nothing more (NewsML-G2 marks quotes with them).
_MARKS = frozenset({"q", "span", "b", "i", "em", "strong", "cite"})
#: Containers nested deeper than this are read as text: no recursion runs away on them.
_MAX_DEPTH = 100
# The commonest blocks built from values typed here, without the checks of their types.
_paragraph = builder(Paragraph)
_link = builder(Link)


def local(element: etree._Element) -> str:
    """An element's name without its namespace (``""`` for comments and the like)."""
    tag = element.tag
    name = _LOCAL_NAMES.get(tag)
    if name is None:
        name = tag.rpartition("}")[2].lower() if isinstance(tag, str) else ""
        if len(_LOCAL_NAMES) < _MAX_NAMES:  # bounded: hostile input may hold any names
            _LOCAL_NAMES[tag] = name
    return name


#: Local names by tag: a document uses few names, each many times.
_LOCAL_NAMES: dict[object, str] = {}
_MAX_NAMES = 4096


def tidy(text: str | None) -> str | None:
    """Runs of white space as one space, ends trimmed, double-encoding repaired; ``None``
    for nothing left."""
    if text is None:
        return None
    text = repair_mojibake(_WHITE_SPACE.sub(" ", text).strip())
    return text or None


def text_blocks(text: str) -> tuple[Block, ...]:
    """Plain text as paragraphs, one per run of lines between blank lines."""
    paragraphs = (tidy(part) for part in _BLANK_LINES.split(text.replace("\r\n", "\n")))
    return tuple(Paragraph(text=part) for part in paragraphs if part)


_HTML_PARSER = etree.HTMLParser(
    no_network=True, remove_comments=True, remove_pis=True, recover=True, huge_tree=False
)


def html_blocks(markup: str, *, max_bytes: int | None = None) -> tuple[Block, ...]:
    """An HTML fragment (as a feed, a CMS export or a ninjs body carries it) as blocks, read
    leniently.

    Raises:
        ParseError: the fragment is larger than ``max_bytes`` characters.
    """
    if max_bytes is not None and len(markup) > max_bytes:
        raise ParseError(
            f"an HTML body of {len(markup):,} characters is over the limit of {max_bytes:,}"
            " (max_bytes)"
        )
    if not markup.strip():
        return ()
    if "<" not in markup:
        return text_blocks(markup)
    try:
        root = etree.fromstring(f"<html><body>{markup}</body></html>", _HTML_PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return text_blocks(_TAG.sub(" ", markup))
    if root is None:
        return ()
    body = root.find("body")
    return MarkupReader().blocks(body if body is not None else root)


class MarkupReader:
    """Reads the blocks of an element tree by the rules of the module's docstring.

    Args:
        exact: Read a document newsmodel wrote: text as written, malformed figures refused.
    """

    def __init__(self, *, exact: bool = False) -> None:
        self.exact = exact

    def blocks(self, container: etree._Element) -> tuple[Block, ...]:
        """Every block below ``container``, in reading order.

        Raises:
            ParseError: (exact reading) a figure without a picture, or with a width or height
                that is not a number of pixels; the error has the element's line.
        """
        found: list[Block] = []
        self._walk(container, found, 0)
        return tuple(found)

    def clean(self, text: str | None) -> str | None:
        """A text value (an alt text, a caption) as the model holds it."""
        if not self.exact:
            return tidy(text)
        return text if text and not text.isspace() else None

    # -- blocks

    def _walk(self, container: etree._Element, found: list[Block], depth: int) -> None:
        loose: InlineText | None = None  # running text between blocks, made when there is some
        text = container.text
        if text and not text.isspace():
            loose = self._collector()
            loose.add(text)
        exact = self.exact
        for child in container:
            name = _LOCAL_NAMES.get(child.tag) or local(child)
            if name == "p" and exact and loose is None and not len(child):
                # The commonest block of our own items, read here without a call more.
                text = child.text
                if text and not text.isspace():
                    found.append(_paragraph(text=text, links=()))
            elif name in _BLOCK_LEVEL:
                if loose is not None:
                    self._add_paragraph(loose, found)
                    loose = None
                self._block(child, name, found, depth)
            elif name and name not in _SKIPPED:
                if loose is None:
                    loose = self._collector()
                loose.walk(child)
            tail = child.tail
            if tail and (loose is not None or not tail.isspace()):
                if loose is None:
                    loose = self._collector()
                loose.add(tail)
        if loose is not None:
            self._add_paragraph(loose, found)

    def _add_paragraph(self, collector: InlineText, found: list[Block]) -> None:
        text, links = self._result(collector)
        if text and not text.isspace():
            found.append(_paragraph(text=text, links=links))

    def _block(self, child: etree._Element, name: str, found: list[Block], depth: int) -> None:
        if name == "p":
            text, links = self._inline(child)
            if text and not text.isspace():
                found.append(_paragraph(text=text, links=links))
        elif name in _HEADINGS:
            text = self._inline(child)[0]
            if text and not text.isspace():
                found.append(Heading(text=text, level=_level(child, name)))
        elif name in _QUOTES:
            self._quote(child, found)
        elif name in _LISTS:
            items = [
                text
                for li in child
                if local(li) == "li" and (text := self._inline(li)[0]) and not text.isspace()
            ]
            if items:
                found.append(ListBlock(items=items, ordered=name == "ol"))
        elif name in _FIGURES or (name == "div" and "figure" in _classes(child)):
            image = self._image(child, name)
            if image is not None:
                found.append(Figure(image=image))
            elif name == "div" and depth < _MAX_DEPTH:
                self._walk(child, found, depth + 1)
        elif name == "table":
            for row in child.iter():
                if local(row) == "tr":
                    cells = [
                        cell_text
                        for cell in row
                        if (cell_text := self.clean(self._inline(cell)[0])) is not None
                    ]
                    if cells:
                        found.append(Paragraph(text=" | ".join(cells)))
        elif name == "hr":
            pass
        elif name != "pre" and depth < _MAX_DEPTH:
            self._walk(child, found, depth + 1)
        elif whole := self.clean(_joined(child)):
            found.append(Paragraph(text=whole))

    def _quote(self, element: etree._Element, found: list[Block]) -> None:
        paragraphs: list[str] = []
        sources: list[etree._Element] = []
        self._quote_parts(element, paragraphs, sources, 0)
        source = cite = None
        named = sources[0] if sources else next(element.iter("{*}cite"), None)
        if named is not None:
            # "<footer>— <cite>Name</cite></footer>": the cite names the source.
            inner = named if local(named) == "cite" else next(named.iter("{*}cite"), named)
            source = self.clean(_joined(inner))
            if source is not None and not self.exact:
                source = self.clean(source.lstrip("\u2014\u2013-~ "))
            link = next(named.iter("{*}a"), None)
            cite = link.get("href") if link is not None else None
        cite = self.clean(element.get("cite")) or self.clean(cite)
        if source is None:
            source = self.clean(element.get("quote-source"))
        if not paragraphs:
            whole = self.clean(_joined(element))
            if whole and whole != source:
                paragraphs.append(whole)
        if paragraphs:
            found.append(BlockQuote(paragraphs=paragraphs, cite=cite, source=source))

    def _quote_parts(
        self,
        element: etree._Element,
        paragraphs: list[str],
        sources: list[etree._Element],
        depth: int,
    ) -> None:
        """A block quote's paragraphs and the elements naming its source, in order."""
        for child in element:
            name = local(child)
            if name in _SOURCES or "source" in _classes(child):
                sources.append(child)
            elif name == "p":
                text = self._inline(child)[0]
                if text and not text.isspace():
                    paragraphs.append(text)
            elif name and depth < _MAX_DEPTH:
                self._quote_parts(child, paragraphs, sources, depth + 1)

    # -- figures

    def _image(self, element: etree._Element, name: str) -> Image | None:
        """The picture of an ``img``, a ``figure`` or ``div class="figure"``, or an NITF
        ``media`` of type image."""
        if name == "media" and (element.get("media-type") or "image").lower() != "image":
            return None
        picture = element if name == "img" else _picture(element, exact=self.exact)
        if picture is None:
            if self.exact:
                wanted = "a media-reference" if name == "media" else "an img"
                raise ParseError(f"a {name} without {wanted}", line=_line(element))
            return None
        url = picture.get("src") or picture.get("source")
        if not self.exact:
            url = (url or "").strip()
            if not url:
                return None
        elif url is None:
            attribute = "source" if local(picture) == "media-reference" else "src"
            raise ParseError(f"{local(picture)} without {attribute}", line=_line(picture))
        caption = credit = None
        for part in element.iter():
            part_name = local(part)
            classes = _classes(part)
            if caption is None and (part_name in _CAPTIONS or "caption" in classes):
                caption = self.clean(_joined(part))
            elif credit is None and (
                part_name == "media-producer"
                or "credit" in classes
                or (part_name == "small" and part.getparent() is element)
            ):
                credit = self.clean(_joined(part))
        return Image(
            url=url,
            alt=self.clean(picture.get("alt") or picture.get("alternate-text")),
            caption=caption,
            credit=credit,
            width=self._pixels(picture, "width"),
            height=self._pixels(picture, "height"),
        )

    def _pixels(self, picture: etree._Element, side: str) -> int | None:
        value = picture.get(side)
        if value is None:
            return None
        if self.exact:
            if not (value.isascii() and value.isdigit()):
                raise ParseError(
                    f"{local(picture)} {side} is not a number of pixels: {value!r}",
                    line=_line(picture),
                )
            return int(value)
        value = value.strip()
        return int(value) if value.isascii() and value.isdigit() and len(value) < 7 else None

    # -- running text

    def _collector(self) -> InlineText:
        if self.exact:
            return InlineText(
                local, normalize=False, line_break="\n", skipped=_SKIPPED, max_depth=_MAX_DEPTH
            )
        return InlineText(local, skipped=_SKIPPED, max_depth=_MAX_DEPTH)

    def _inline(self, element: etree._Element) -> tuple[str, Sequence[Link]]:
        if self.exact:
            if not len(element):  # most paragraphs: the text alone, as written
                return element.text or "", ()
            plain = _links_and_marks(element)
            if plain is not None:
                return plain
        collector = self._collector()
        collector.walk(element)
        return self._result(collector)

    def _result(self, collector: InlineText) -> tuple[str, Sequence[Link]]:
        text = collector.text()
        if self.exact:
            links = [
                _link(start=start, end=end, url=url, title=title or None)
                for start, end, url, title in collector.links(text)
            ]
            return text, links
        repaired = repair_mojibake(text)
        if repaired != text:
            return repaired, ()  # offsets no longer hold; the text matters more
        return text, [
            _link(start=start, end=end, url=url.strip(), title=tidy(title))
            for start, end, url, title in collector.links(text)
            if url.strip()
        ]


def _links_and_marks(element: etree._Element) -> tuple[str, list[Link]] | None:
    """The text and links of running text written as newsmodel writes it: links as children
    of the paragraph, quote marks anywhere, nothing else (``None`` for anything else, which
    the full walk reads). What the walk would make of it, in one pass over the children."""
    parts = [element.text or ""]
    length = len(parts[0])
    links: list[Link] = []
    for child in element:
        name = local(child)
        if name != "a" and name not in _MARKS:
            return None
        if not len(child):
            inner = child.text or ""  # most links: their text alone
        elif all(local(inner) in _MARKS for inner in child.iterdescendants()):
            inner = _joined(child)
        else:
            return None
        href = child.get("href") if name == "a" else None
        if href and inner:
            title = child.get("title") or None
            links.append(_link(start=length, end=length + len(inner), url=href, title=title))
        parts.append(inner)
        length += len(inner)
        tail = child.tail
        if tail:
            parts.append(tail)
            length += len(tail)
    return "".join(parts), links


def _picture(element: etree._Element, *, exact: bool) -> etree._Element | None:
    """The ``img`` or ``media-reference`` of a figure: the first with an address (the first
    at all, when reading exactly, so that one without is refused)."""
    for child in element.iter():
        if local(child) in _PICTURES and (exact or child.get("src") or child.get("source")):
            return child
    return None


def _level(element: etree._Element, name: str) -> int:
    if name[1].isdigit():
        return int(name[1])
    marked = element.get("class") or ""  # NITF's hl2 class="h3", as newsmodel writes it
    if len(marked) == 2 and marked[0] == "h" and marked[1] in "123456":
        return int(marked[1])
    return 2


def _classes(element: etree._Element) -> list[str]:
    return (element.get("class") or "").split()


def _joined(element: etree._Element) -> str:
    return "".join(cast("Iterator[str]", element.itertext()))  # lxml gives text as str


def _line(element: etree._Element) -> int | None:
    line: object = element.sourceline
    return line if isinstance(line, int) else None
