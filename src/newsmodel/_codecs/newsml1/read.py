"""Reading NewsML 1.x: IPTC's older envelope, one article per ``NewsItem``.

The envelope gives the headline and credits (``NewsLines``), the dates (``NewsManagement``),
the language and genre (``DescriptiveMetadata``) and the identifier; the text comes from the
item's text ``ContentItem``s, inline as NITF, XHTML, HTML or plain text. An NITF content item
also lends what the envelope leaves out (an abstract, structured bylines, a dateline).
Photos referenced by ``Href`` become the article's images. Content held only by reference
(``Href`` to another file) is never fetched.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from lxml import etree

from ... import _guesses
from ..._model import LANGUAGE_TAG, Article, Block, Byline, Dateline, Image, Organization
from ...errors import GuessWarning, InvalidArticleError, ParseError
from ..compact_dates import parse_norm
from ..itemerror import item_error
from ..markup import MarkupReader, html_blocks, local, text_blocks, tidy
from ..nitf_document import read_document
from ..printed import credits, printed_dateline

__all__ = ["is_newsml1", "read_envelope"]

#: The namespace some NewsML 1.2 files put their elements in; most use none.
NEWSML1 = "http://iptc.org/std/NewsML/2003-10-10/"
_PREFIX = f"{{{NEWSML1}}}"
_NITF_TYPES = ("nitf",)
#: Roles of text components that hold something other than the story.
_NOT_BODY_ROLES = frozenset({"caption", "editornote", "editor note", "advisory"})
_HTML_TYPES = ("html", "xhtml")


def is_newsml1(root: etree._Element) -> bool:
    return local(root) == "newsml" and root.tag in ("NewsML", f"{_PREFIX}NewsML")


def read_envelope(root: etree._Element, *, max_bytes: int) -> tuple[Article, ...]:
    """Every ``NewsItem`` of a ``NewsML`` document, as articles in document order.

    Raises:
        ParseError: no NewsItem, or one that breaks the model (the error names it).
    """
    for element in root.iter(f"{_PREFIX}*"):
        element.tag = element.tag[len(_PREFIX) :]
    items = root.findall("NewsItem")
    if not items:
        raise ParseError("the NewsML document holds no NewsItem", line=_line(root))
    articles = []
    for index, item in enumerate(items, start=1):
        try:
            articles.append(_Item(item, max_bytes).article(index))
        except (InvalidArticleError, ParseError) as error:
            raise item_error(error, f"NewsItem {index}", item) from error
    return tuple(articles)


def _line(element: etree._Element) -> int | None:
    line: object = element.sourceline
    return line if isinstance(line, int) else None


def _formal(element: etree._Element | None) -> str | None:
    return tidy(element.get("FormalName")) if element is not None else None


class _Item:
    def __init__(self, item: etree._Element, max_bytes: int) -> None:
        self.item = item
        self.max_bytes = max_bytes

    def first(self, path: str) -> etree._Element | None:
        """The first element at ``path`` below any NewsComponent, outermost first."""
        return self.item.find(f".//{path}")

    def text(self, path: str) -> str | None:
        element = self.first(path)
        if element is None:
            return None
        return tidy("".join(t for t in element.itertext() if isinstance(t, str)))

    def article(self, index: int) -> Article:
        nitf, body, images = self.content()
        fields: dict[str, Any] = {
            "headline": self.text("NewsLines/HeadLine"),
            "standfirst": self.text("NewsLines/SubHeadLine"),
            "body": body,
            "bylines": self.bylines(),
            "dateline": self.dateline(),
            "language": self.language(),
            "genre": _formal(self.first("DescriptiveMetadata/Genre")),
            "keywords": tuple(
                dict.fromkeys(
                    text
                    for line in self.item.iterfind(".//NewsLines/KeywordLine")
                    if (text := tidy(line.text))
                )
            ),
            "rights": self.text("NewsLines/CopyrightLine")
            or self.text("RightsMetadata/Copyright/CopyrightHolder"),
            "id": self.text("Identification/NewsIdentifier/PublicIdentifier")
            or self.text("Identification/NewsIdentifier/NewsItemId"),
            "publisher": self.publisher(),
            "images": images,
        }
        fields.update(self.dates())
        if nitf is not None:
            for name, value in _fields(nitf).items():
                if not fields.get(name):
                    fields[name] = value
        if not fields["headline"]:
            fields["headline"] = self.text("NewsLines/SlugLine") or self.untitled(
                fields["id"], index
            )
        return Article(**fields)

    def untitled(self, identifier: str | None, index: int) -> str:
        name = identifier or f"NewsItem {index}"
        _guesses.warn(
            f"the NewsItem has no HeadLine or SlugLine; named it {name!r}",
            GuessWarning,
            stacklevel=4,
        )
        return name

    def dates(self) -> dict[str, dt.datetime | dt.date | None]:
        management = self.item.find("NewsManagement")
        if management is None:
            return {}
        first = parse_norm(_text(management.find("FirstCreated")))
        revised = parse_norm(_text(management.find("ThisRevisionCreated")))
        return {
            "published": first or revised,
            "modified": revised if first is not None and revised != first else None,
        }

    def language(self) -> str | None:
        tag = (_formal(self.first("DescriptiveMetadata/Language")) or "").replace("_", "-")
        return tag if tag and LANGUAGE_TAG.match(tag) else None

    def publisher(self) -> Organization | None:
        party = self.first("AdministrativeMetadata/Provider/Party")
        name = _formal(party) or self.text("Identification/NewsIdentifier/ProviderId")
        return Organization(name=name) if name else None

    def bylines(self) -> tuple[Byline, ...]:
        found: list[Byline] = []
        for line in self.item.iterfind(".//NewsLines/ByLine"):
            text = tidy("".join(t for t in line.itertext() if isinstance(t, str)))
            if text:
                found.extend(credits(text))
        return tuple(found)

    def dateline(self) -> Dateline | None:
        text = self.text("NewsLines/DateLine")
        if not text:
            return None
        return printed_dateline(text)

    def content(self) -> tuple[Article | None, tuple[Block, ...], tuple[Image, ...]]:
        """The first NITF document (read whole), every text block, and the photos."""
        nitf: Article | None = None
        blocks: list[Block] = []
        images: list[Image] = []
        for item in self.item.iter("ContentItem"):
            media = (_formal(item.find("MediaType")) or "").lower()
            mime = (_formal(item.find("MimeType")) or "").lower()
            href = tidy(item.get("Href"))
            if media in ("photo", "graphic") or mime.startswith("image/"):
                if href:
                    images.append(Image(url=href))
                continue
            if media not in ("", "text") and not mime.startswith("text/"):
                continue
            component = item.getparent()
            role = _formal(component.find("Role")) if component is not None else None
            if (role or "").lower() in _NOT_BODY_ROLES:
                continue  # a photo's caption or a note to editors is not the story's text
            data = item.find("DataContent")
            if data is None:
                continue  # held by reference (Href): never fetched
            encoding = item.find("Encoding")
            if encoding is not None and (_formal(encoding) or "").lower() == "base64":
                continue
            inline = [child for child in data if local(child)]
            if inline and local(inline[0]) in _NITF_TYPES:
                article = read_document(inline[0])
                nitf = nitf or article
                blocks.extend(article.body)
            elif inline:
                blocks.extend(MarkupReader().blocks(data))
            elif "html" in mime:
                blocks.extend(html_blocks(data.text or "", max_bytes=self.max_bytes))
            else:
                blocks.extend(text_blocks(data.text or ""))
        return nitf, tuple(blocks), tuple(images)


def _text(element: etree._Element | None) -> str | None:
    return element.text if element is not None else None


def _fields(article: Article) -> dict[str, Any]:
    """What an NITF content item can lend the envelope."""
    return {
        "headline": article.headline,
        "standfirst": article.standfirst,
        "bylines": article.bylines,
        "dateline": article.dateline,
        "published": article.published,
        "modified": article.modified,
        "language": article.language,
        "keywords": article.keywords,
        "rights": article.rights,
        "section": article.section,
        "url": article.url,
    }
