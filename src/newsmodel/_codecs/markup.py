"""Body text written by others, in any of the markups article files carry it in.

NITF ``body.content``, XHTML, an HTML fragment (a feed's ``content:encoded``) and plain text
all become model blocks here. Reading is lenient: white space is tidied, text that was
double-encoded ("DÃ©cÃ¨s") is repaired with a :class:`~newsmodel.GuessWarning`, containers
(``div``, NITF ``block``, ``section``) are read through, and text loose between blocks becomes
paragraphs. Element names are compared without their namespace, so NITF with or without the
2006 namespace reads alike.
"""

from __future__ import annotations

import re

from lxml import etree

from .._extract.common.bylines import split_bylines
from .._extract.common.datelines import DATELINE
from .._extract.text.encoding import repair_mojibake
from .._model import (
    Block,
    BlockQuote,
    Byline,
    Dateline,
    Figure,
    Heading,
    Image,
    Link,
    ListBlock,
    Paragraph,
)
from ..errors import ParseError
from .inline import InlineText

__all__ = [
    "MarkupReader",
    "credits",
    "html_blocks",
    "local",
    "printed_dateline",
    "text_blocks",
    "tidy",
]

_WHITE_SPACE = re.compile(r"\s+")
_BLANK_LINES = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_HEADING = re.compile(r"h[1-6]")
# "By" in the languages of the agencies whose files are read here; the byline splitter
# knows English forms.
_FOREIGN_BY = re.compile(r"^(?:par|von|por|di|da|door|av|af|przez|от)\s+(?=\w)", re.IGNORECASE)
_FOREIGN_AND = re.compile(r"\s(?:et|und|y|e|en|och|og|i|и)\s(?=[^\W\d_])")
# "BREST, 29 août (AFP) -": the agency in brackets at the end, in any language.
_AGENCY = re.compile(r"\s*\(([^()\d]{1,40})\)\s*[-\u2013\u2014:]?\s*$")
_DATELINE_END = re.compile(r"[\s,;:\u2013\u2014-]+$")
#: Elements whose text is never article text.
_SKIPPED = frozenset(
    {"head", "body.head", "body.end", "title", "script", "style", "noscript", "iframe",
     "form", "button", "nav", "aside", "footer", "template", "svg", "media-metadata"}
)  # fmt: skip
#: Elements that hold blocks rather than running text.
_BLOCK_LEVEL = frozenset(
    {"p", "hl1", "hl2", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "bq", "ul", "ol",
     "dl", "table", "figure", "media", "img", "div", "block", "section", "article", "pre",
     "hr", "center", "main", "header", "body", "body.content", "html", "nitf", "li"}
)  # fmt: skip
#: Containers nested deeper than this are read as text: no recursion runs away on them.
_MAX_DEPTH = 100


def local(element: etree._Element) -> str:
    """An element's name without its namespace (``""`` for comments and the like)."""
    tag = element.tag
    return tag.rpartition("}")[2].lower() if isinstance(tag, str) else ""


def tidy(text: str | None) -> str | None:
    """Runs of white space as one space, ends trimmed, double-encoding repaired; ``None``
    for nothing left."""
    if text is None:
        return None
    text = repair_mojibake(_WHITE_SPACE.sub(" ", text).strip())
    return text or None


def credits(printed: str) -> tuple[Byline, ...]:
    """A printed byline's people and organisations; the whole line as one name when it
    does not split."""
    text = _FOREIGN_BY.sub("", printed.strip())
    text = _FOREIGN_AND.sub(" and ", text)
    return split_bylines(text) or (Byline(name=text or printed),)


def printed_dateline(printed: str) -> Dateline | None:
    """A dateline as printed ("WASHINGTON, Nov. 26 (Reuters) -", "BREST, 29 août (AFP)"): the
    place, and the agency in brackets; the date is left to the fields that give it whole."""
    text = _DATELINE_END.sub("", printed.strip())
    agency = _AGENCY.search(text)
    if agency is not None:
        text = text[: agency.start()]
    match = DATELINE.match(text + " \u2014")
    place = (match["place"] or match["mixed"]) if match is not None else None
    place = tidy(place or text.split(",")[0])
    name = tidy(agency.group(1)) if agency is not None else None
    return Dateline(place=place, agency=name) if place or name else None


def text_blocks(text: str) -> tuple[Block, ...]:
    """Plain text as paragraphs, one per run of lines between blank lines."""
    paragraphs = (tidy(part) for part in _BLANK_LINES.split(text.replace("\r\n", "\n")))
    return tuple(Paragraph(text=part) for part in paragraphs if part)


_HTML_PARSER = etree.HTMLParser(
    no_network=True, remove_comments=True, remove_pis=True, recover=True, huge_tree=False
)


def html_blocks(markup: str, *, max_bytes: int) -> tuple[Block, ...]:
    """An HTML fragment (as a feed or a CMS export carries it) as blocks.

    Raises:
        ParseError: the fragment is larger than ``max_bytes`` characters.
    """
    if len(markup) > max_bytes:
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
        return text_blocks(re.sub(r"<[^>]*>", " ", markup))
    if root is None:
        return ()
    body = root.find("body")
    return MarkupReader().blocks(body if body is not None else root)


class MarkupReader:
    """Reads the blocks of an element tree leniently (see the module's docstring)."""

    def blocks(self, container: etree._Element) -> tuple[Block, ...]:
        """Every block below ``container``, in reading order."""
        found: list[Block] = []
        self._walk(container, found, 0)
        return tuple(found)

    def _walk(self, container: etree._Element, found: list[Block], depth: int) -> None:
        loose = _collector()
        loose.add(container.text)
        for child in container:
            name = local(child)
            if name in _BLOCK_LEVEL and name != "li":
                self._flush(loose, found)
                loose = _collector()
                self._block(child, name, found, depth)
            elif name and name not in _SKIPPED:
                loose.walk(child)
            loose.add(child.tail)
        self._flush(loose, found)

    def _flush(self, loose: InlineText, found: list[Block]) -> None:
        text, links = _result(loose)
        if text:
            found.append(Paragraph(text=text, links=links))

    def _block(self, child: etree._Element, name: str, found: list[Block], depth: int) -> None:
        if name == "p":
            text, links = _inline(child)
            if text:
                found.append(Paragraph(text=text, links=links))
        elif _HEADING.fullmatch(name) or name in ("hl1", "hl2"):
            text = _inline(child)[0]
            if text:
                level = int(name[1]) if name[0] == "h" and name[1].isdigit() else 2
                found.append(Heading(text=text, level=level))
        elif name in ("blockquote", "bq"):
            self._quote(child, found)
        elif name in ("ul", "ol"):
            items = [text for li in child if local(li) == "li" and (text := _inline(li)[0])]
            if items:
                found.append(ListBlock(items=items, ordered=name == "ol"))
        elif name == "table":
            for row in child.iter():
                if local(row) == "tr":
                    cells = [text for cell in row if (text := _inline(cell)[0])]
                    if cells:
                        found.append(Paragraph(text=" | ".join(cells)))
        elif name in ("figure", "media", "img"):
            image = _image(child, name)
            if image is not None:
                found.append(Figure(image=image))
        elif name == "hr":
            pass
        elif name != "pre" and depth < _MAX_DEPTH:
            self._walk(child, found, depth + 1)
        elif whole := tidy(_joined(child)):
            found.append(Paragraph(text=whole))

    def _quote(self, element: etree._Element, found: list[Block]) -> None:
        paragraphs: list[str] = []
        source = None
        for child in element.iter():
            name = local(child)
            if name == "credit" or name == "cite" or "source" in (child.get("class") or ""):
                source = source or tidy(_joined(child))
            elif name == "p" and (text := _inline(child)[0]):
                paragraphs.append(text)
        if source is None:
            source = tidy(element.get("quote-source"))
        if not paragraphs:
            whole = tidy(_joined(element))
            if whole and whole != source:
                paragraphs.append(whole)
        if paragraphs:
            found.append(
                BlockQuote(paragraphs=paragraphs, cite=tidy(element.get("cite")), source=source)
            )


def _image(element: etree._Element, name: str) -> Image | None:
    """An HTML ``img`` or ``figure``, or an NITF ``media`` of type image."""
    if name == "media" and (element.get("media-type") or "image").lower() != "image":
        return None
    img = element if name == "img" else None
    for child in element.iter():
        if local(child) in ("img", "media-reference") and (child.get("src") or child.get("source")):
            img = child
            break
    if img is None:
        return None
    url = (img.get("src") or img.get("source") or "").strip()
    if not url:
        return None
    caption = credit = None
    for child in element.iter():
        part = local(child)
        if part in ("figcaption", "media-caption"):
            caption = tidy(_joined(child))
        elif part == "media-producer":
            credit = tidy(_joined(child))
    width, height = (_pixels(img.get(side)) for side in ("width", "height"))
    return Image(
        url=url,
        alt=tidy(img.get("alt") or img.get("alternate-text")),
        caption=caption,
        credit=credit,
        width=width,
        height=height,
    )


def _pixels(value: str | None) -> int | None:
    value = (value or "").strip()
    return int(value) if value.isascii() and value.isdigit() and len(value) < 7 else None


def _joined(element: etree._Element) -> str:
    return "".join(text for text in element.itertext() if isinstance(text, str))


def _inline(element: etree._Element) -> tuple[str, list[Link]]:
    collector = _collector()
    collector.walk(element)
    return _result(collector)


def _collector() -> InlineText:
    return InlineText(local, skipped=_SKIPPED, max_depth=_MAX_DEPTH)


def _result(collector: InlineText) -> tuple[str, list[Link]]:
    text = collector.text()
    repaired = repair_mojibake(text)
    if repaired != text:
        return repaired, []  # offsets no longer hold; the text matters more
    links = [
        Link(start=start, end=end, url=url.strip(), title=tidy(title))
        for start, end, url, title in collector.links(text)
        if url.strip()
    ]
    return text, links
