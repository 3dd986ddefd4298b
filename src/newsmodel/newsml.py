"""NewsML-G2 out and in: a ``newsItem`` valid against IPTC NewsML-G2 2.35, lossless for newsmodel.

:func:`dumps` writes one ``newsItem`` (power conformance, item class ``ninat:text``) whose
standard elements carry what NewsML-G2 has words for -- headline, summary, creators, dateline,
dates, language, keywords, genre, rights, images -- and an XHTML 1.0 Strict body inside
``inlineXML``. What NewsML-G2 has no element for (quotes and their attributions, comment
threads, corrections, structured byline parts, the URL, the section) goes into newsmodel's own
namespace (:data:`NAMESPACE`), only where the schema admits foreign elements: inside
``creator``, ``provider``, ``dateline`` and ``link``, and in one ``nm:article`` at the end of
``contentMeta``. :func:`loads` reads those back, so ``loads(dumps(article)) == article``.

:func:`loads` also reads NewsML-G2 written by others (XHTML or NITF bodies), keeping what maps
to the model and ignoring the rest; :func:`loads_all` returns every ``newsItem`` of a
``newsMessage``. Reading is hardened (see :mod:`newsmodel._xml_safety`): no DTDs, entities,
XInclude or network, and capped size and depth.

See ``docs/newsml.md`` for the field-by-field mapping.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import itertools
import json
import re
import threading
import typing
from collections.abc import Callable
from typing import Any, TypeVar
from urllib.parse import quote as percent_encode

import attrs
from lxml import etree

from . import json as nm_json
from ._converter import format_when, parse_when, unstructure
from ._model import (
    LANGUAGE_TAG,
    Article,
    BlockQuote,
    Byline,
    BylineKind,
    Dateline,
    Figure,
    Heading,
    Image,
    Link,
    ListBlock,
    Organization,
    Paragraph,
    Quote,
    QuoteKind,
    TextPart,
    camel_case,
)
from ._model import Block as _Block
from ._xml_safety import DEFAULT_MAX_BYTES, parse_xml
from .errors import InvalidArticleError, ParseError

__all__ = ["NAMESPACE", "dumps", "loads", "loads_all", "sniff"]

#: newsmodel's own XML namespace, for what NewsML-G2 has no element for.
NAMESPACE = "urn:newsmodel:newsml:1"

_T = TypeVar("_T")

NAR = "http://iptc.org/std/nar/2006-10-01/"
XHTML = "http://www.w3.org/1999/xhtml"
NITF = "http://iptc.org/std/NITF/2006-10-18/"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_CATALOG = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml"
_STANDARD_VERSION = "2.35"


def _nar(name: str) -> str:
    return f"{{{NAR}}}{name}"


def _nm(name: str) -> str:
    return f"{{{NAMESPACE}}}{name}"


def _xh(name: str) -> str:
    return f"{{{XHTML}}}{name}"


# Characters XML 1.0 cannot carry at all. An article holding any of them (or line breaks in the
# schema's normalised strings, see _LINE_BREAKS) is written with its exact JSON in nm:json as
# well, so that the round trip stays lossless; the standard elements get a cleaned copy.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_URI_CHARACTER = r"(?:[A-Za-z0-9\-._~:/?@!$&'()*+,;=]|%[0-9A-Fa-f]{2})"
_PLAIN_URI = re.compile(f"{_URI_CHARACTER}*(?:#{_URI_CHARACTER}*)?")
_BAD_PERCENT = re.compile("%(?![0-9A-Fa-f]{2})")
_LINE_BREAKS = re.compile("[\t\n\r]")
_WHITE_SPACE = re.compile(r"\s+")
_SNIFF = re.compile(rb"<(?:[\w.-]+:)?news(?:Item|Message)[\s>]")

_GENRES = {
    "analysis": "Analysis",
    "background": "Background",
    "feature": "Feature",
    "interview": "Interview",
    "news": "Current",
    "obituary": "Obituary",
    "opinion": "Opinion",
    "profile": "Profile",
    "review": "Review",
}
# One element per item of a tuple field, named in the singular: nm:quote, nm:span, nm:reply…
_ITEM_NAMES = {
    "comments": "comment",
    "corrections": "correction",
    "quotes": "quote",
    "replies": "reply",
    "spans": "span",
}
_MONTHS = "Jan. Feb. March April May June July Aug. Sept. Oct. Nov. Dec.".split()
_ORGANISATION_TYPES = {"cpnat:organisation", "cpnat:organization"}


# --- writing ----------------------------------------------------------------------------------


def dumps(article: Article, *, version_created: dt.datetime | None = None) -> bytes:
    """Write an article as a NewsML-G2 2.35 ``newsItem`` (UTF-8 bytes with an XML declaration).

    Args:
        article: The article.
        version_created: The ``itemMeta/versionCreated`` to write when the article has neither
            a modified nor a published time (NewsML-G2 requires one); defaults to now, in UTC.

    Returns:
        The item, valid against NewsML-G2 2.35 All-Power with an XHTML 1.0 Strict body.
    """
    try:
        item = _Writer(article, version_created, exact=True).item()
    except (ValueError, _Inexpressible):
        # lxml refuses characters XML cannot hold (ValueError); the writer itself stops at
        # line breaks in normalised strings, links that cross and URIs anyURI refuses.
        item = _Writer(article, version_created, exact=False).item()
    return etree.tostring(item, xml_declaration=True, encoding="UTF-8")


class _Inexpressible(Exception):
    """The article holds something the XML elements cannot carry exactly."""


def _sub(
    parent: etree._Element, element_tag: str, text: str | None = None, /, **attrib: str
) -> etree._Element:
    element = etree.SubElement(parent, element_tag, attrib)
    if text is not None:
        element.text = text
    return element


class _Writer:
    """Builds one newsItem; ``exact`` is false when nm:json must carry the article as well."""

    def __init__(
        self, article: Article, version_created: dt.datetime | None, *, exact: bool
    ) -> None:
        self.article = article
        self.version_created = version_created
        self.exact = exact

    def text(self, value: str) -> str:
        """Text for element content and attributes (XML-illegal characters replaced)."""
        return value if self.exact else _NOT_XML.sub("\ufffd", value)

    def uri(self, value: str) -> str:
        """A URI attribute outside the body: anyURI, repaired where needed (nm keeps it)."""
        return _repair_uri(self.text(value))

    def body_uri(self, value: str) -> str:
        """A URI attribute in the XHTML body, which has no room for an exact copy."""
        if self.exact and not _valid_uri(value):
            raise _Inexpressible
        return _repair_uri(self.text(value))

    def line(self, value: str) -> str:
        """Text for the schema's normalised strings, which refuse tabs and line breaks."""
        if self.exact:
            if _LINE_BREAKS.search(value):
                raise _Inexpressible
            return value
        return _LINE_BREAKS.sub(" ", self.text(value))

    def item(self) -> etree._Element:
        article = self.article
        item = etree.Element(_nar("newsItem"), nsmap={None: NAR, "nm": NAMESPACE})  # type: ignore[dict-item]  # lxml takes None
        item.set("guid", self.text(article.id) if article.id else _derived_guid(article))
        item.set("version", "1")
        item.set("standard", "NewsML-G2")
        item.set("standardversion", _STANDARD_VERSION)
        item.set("conformance", "power")
        if article.language:
            item.set(_XML_LANG, article.language)
        _sub(item, _nar("catalogRef"), href=_CATALOG)
        if article.rights:
            rights = _sub(item, _nar("rightsInfo"))
            _sub(rights, _nar("copyrightNotice"), self.text(article.rights))
        self.item_meta(item)
        self.content_meta(item)
        content = _sub(_sub(item, _nar("contentSet")), _nar("inlineXML"))
        content.set("contenttype", "application/xhtml+xml")
        self.xhtml(content)
        return item

    # -- itemMeta

    def item_meta(self, item: etree._Element) -> None:
        article = self.article
        meta = _sub(item, _nar("itemMeta"))
        _sub(meta, _nar("itemClass"), qcode="ninat:text")
        provider = _sub(meta, _nar("provider"))
        if article.publisher is None:
            provider.set("literal", "unknown")
        else:
            if article.publisher.url:
                provider.set("uri", self.uri(article.publisher.url))
            _sub(provider, _nar("name"), self.line(article.publisher.name))
            self.extension(provider, "publisher", article.publisher)
        latest = article.modified or article.published
        if latest is None:
            latest = self.version_created or dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
        _sub(meta, _nar("versionCreated"), _xsd_datetime(_as_datetime(latest)))
        if isinstance(article.published, dt.datetime):
            _sub(meta, _nar("firstCreated"), _xsd_datetime(article.published))
        _sub(meta, _nar("pubStatus"), qcode="stat:usable")
        for image in article.images:
            link = _sub(meta, _nar("link"), rel="irel:associatedWith", href=self.uri(image.url))
            self.extension(link, "image", image)

    # -- contentMeta

    def content_meta(self, item: etree._Element) -> None:
        article = self.article
        meta = _sub(item, _nar("contentMeta"))
        if article.published is not None:
            _sub(meta, _nar("contentCreated"), _xsd_when(article.published))
        if article.modified is not None:
            _sub(meta, _nar("contentModified"), _xsd_when(article.modified))
        if article.dateline is not None and article.dateline.place:
            located = _sub(meta, _nar("located"))
            _sub(located, _nar("name"), self.line(article.dateline.place))
        for byline in article.bylines:
            self.creator(meta, byline)
        if article.language:
            _sub(meta, _nar("language"), tag=article.language)
        if article.genre:
            genre = _sub(meta, _nar("genre"))
            code = _GENRES.get(article.genre.strip().lower())
            if code:
                genre.set("qcode", f"genre:{code}")
            _sub(genre, _nar("name"), self.line(article.genre))
        for keyword in article.keywords:
            _sub(meta, _nar("keyword"), self.line(keyword))
        if article.section:
            subject = _sub(meta, _nar("subject"), type="cpnat:abstract")
            _sub(subject, _nar("name"), self.line(article.section))
        _sub(meta, _nar("headline"), self.text(article.headline))
        if article.dateline is not None:
            dateline = _sub(meta, _nar("dateline"), self.text(_dateline_text(article.dateline)))
            self.extension(dateline, "dateline", article.dateline)
        if article.bylines:
            _sub(meta, _nar("by"), self.text(_by_text(article.bylines)))
        if article.standfirst:
            _sub(meta, _nar("description"), self.text(article.standfirst), role="drol:summary")
        extra = _sub(meta, _nm("article"))
        if article.id is None:
            extra.set("generatedGuid", "true")
        for name in ("url", "section"):
            value = getattr(article, name)
            if value is not None:
                extra.set(name, self.text(value))
        for quote in article.quotes:
            self.extension(extra, "quote", quote)
        if article.comments is not None:
            self.extension(extra, "comments", article.comments)
        for correction in article.corrections:
            self.extension(extra, "correction", correction)
        if not self.exact:
            # ASCII JSON escapes every character XML cannot hold.
            exact = json.dumps(nm_json.to_dict(article), ensure_ascii=True, separators=(",", ":"))
            _sub(extra, _nm("json"), exact)

    def creator(self, meta: etree._Element, byline: Byline) -> None:
        person = byline.kind is BylineKind.PERSON
        creator = _sub(meta, _nar("creator"), role="crol:author")
        creator.set("type", "cpnat:person" if person else "cpnat:organisation")
        if byline.url:
            creator.set("uri", self.uri(byline.url))
        if byline.role:
            # jobtitle must be a QCode; the title's words ride in its code, percent-encoded.
            creator.set("jobtitle", "nmjob:" + percent_encode(self.text(byline.role), safe=""))
        _sub(creator, _nar("name"), self.line(byline.name))
        if byline.affiliation or byline.email:
            details = _sub(creator, _nar("personDetails" if person else "organisationDetails"))
            if byline.affiliation and person:
                affiliation = _sub(details, _nar("affiliation"))
                _sub(affiliation, _nar("name"), self.line(byline.affiliation))
            if byline.email:
                contact = _sub(details, _nar("contactInfo"))
                _sub(contact, _nar("email"), self.text(byline.email))
        self.extension(creator, "byline", byline)

    def extension(self, parent: etree._Element, name: str, value: object) -> None:
        """Write a model object exactly, as nm elements (fields as attributes and children)."""
        self._put(parent, name, unstructure(value))

    def _put(self, parent: etree._Element, name: str, tree: dict[str, Any]) -> None:
        attributes: dict[str, str] = {}
        nested: list[tuple[str, Any]] = []
        for key, value in tree.items():
            if isinstance(value, (dict, list)):
                nested.append((key, value))
            elif isinstance(value, bool):
                attributes[key] = "true" if value else "false"
            else:
                attributes[key] = self.text(str(value))
        # One call with every attribute: much faster in lxml than setting them one by one.
        element = etree.SubElement(parent, _nm(name), attributes)
        for key, value in nested:
            if isinstance(value, dict):
                self._put(element, key, value)
                continue
            for entry in value:
                if isinstance(entry, dict):
                    self._put(element, _ITEM_NAMES.get(key, key), entry)
                else:
                    _sub(element, _nm(_ITEM_NAMES.get(key, key)), self.text(str(entry)))

    # -- the body

    def xhtml(self, content: etree._Element) -> None:
        article = self.article
        html = etree.SubElement(content, _xh("html"), nsmap={None: XHTML})  # type: ignore[dict-item]  # lxml takes None
        if article.language:
            html.set("lang", article.language)
            html.set(_XML_LANG, article.language)
        head = _sub(html, _xh("head"))
        _sub(head, _xh("title"), self.text(article.headline))
        body = _sub(html, _xh("body"))
        marks = _quote_marks(article.quotes)
        for index, block in enumerate(article.body):
            self.block(body, index, block, marks)

    def block(
        self,
        body: etree._Element,
        index: int,
        block: _Block,
        marks: dict[tuple[int, int | None], list[_Mark]],
    ) -> None:
        if isinstance(block, Paragraph):
            if self.exact and not _links_nest(block.links):
                raise _Inexpressible
            links = [
                _Mark(link.start, link.end, 0, i, "a", _link_attributes(link, self), "")
                for i, link in enumerate(_nested_links(block.links))
            ]
            self.inline(_sub(body, _xh("p")), block.text, links + marks.get((index, None), []))
        elif isinstance(block, Heading):
            self.inline(
                _sub(body, _xh(f"h{block.level}")), block.text, marks.get((index, None), [])
            )
        elif isinstance(block, BlockQuote):
            quote = _sub(body, _xh("blockquote"))
            if block.cite:
                quote.set("cite", self.body_uri(block.cite))
            for item, text in enumerate(block.paragraphs):
                self.inline(_sub(quote, _xh("p")), text, marks.get((index, item), []))
            if block.source:
                _sub(
                    _sub(quote, _xh("p"), **{"class": "source"}),
                    _xh("cite"),
                    self.text(block.source),
                )
        elif isinstance(block, ListBlock):
            items = _sub(body, _xh("ol" if block.ordered else "ul"))
            for item, text in enumerate(block.items):
                self.inline(_sub(items, _xh("li")), text, marks.get((index, item), []))
        else:
            self.figure(body, block)

    def figure(self, body: etree._Element, figure: Figure) -> None:
        image = figure.image
        box = _sub(body, _xh("div"), **{"class": "figure"})
        # XHTML requires alt; an empty one stands for "none given" (the model has no empty text).
        img = _sub(box, _xh("img"), src=self.body_uri(image.url), alt=self.text(image.alt or ""))
        if image.width is not None:
            img.set("width", str(image.width))
        if image.height is not None:
            img.set("height", str(image.height))
        if image.caption:
            _sub(box, _xh("p"), self.text(image.caption), **{"class": "caption"})
        if image.credit:
            _sub(box, _xh("p"), self.text(image.credit), **{"class": "credit"})

    def inline(self, container: etree._Element, text: str, marks: list[_Mark]) -> None:
        """Write ``text`` into ``container`` with links and quote marks as nested elements.

        Marks that cross are split into fragments so the elements nest; links come outermost
        and never cross one another, so each link stays one ``a`` element.
        """
        text = self.text(text)
        marks = [mark for mark in marks if mark.start < mark.end <= len(text)]
        if not marks:
            container.text = text
            return
        marks.sort(key=_Mark.order)
        points = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
        stack: list[tuple[_Mark, etree._Element]] = []
        opened: dict[int, int] = {}
        for start, end in itertools.pairwise(points):
            active = [mark for mark in marks if mark.start <= start and end <= mark.end]
            keep = 0
            while keep < len(stack) and keep < len(active) and stack[keep][0] is active[keep]:
                keep += 1
            del stack[keep:]
            for mark in active[keep:]:
                parent = stack[-1][1] if stack else container
                element = etree.SubElement(parent, _xh(mark.tag), mark.attributes)
                if mark.id:
                    count = opened.get(id(mark), 0)
                    opened[id(mark)] = count + 1
                    element.set("id", mark.id if count == 0 else f"{mark.id}-{count + 1}")
                stack.append((mark, element))
            _append_text(stack[-1][1] if stack else container, text[start:end])


@attrs.define(eq=False)
class _Mark:
    """An inline element to wrap around ``text[start:end]``."""

    start: int
    end: int
    rank: int
    index: int
    tag: str
    attributes: dict[str, str]
    id: str

    def order(self) -> tuple[int, int, int, int]:
        return (self.rank, self.start, -self.end, self.index)


def _link_attributes(link: Link, writer: _Writer) -> dict[str, str]:
    attributes = {"href": writer.body_uri(link.url)}
    if link.title:
        attributes["title"] = writer.text(link.title)
    return attributes


def _nested_links(links: tuple[Link, ...]) -> list[Link]:
    """The links in order, dropping any that overlap an earlier one (nm:json keeps those)."""
    kept: list[Link] = []
    for link in sorted(links, key=lambda one: (one.start, one.end)):
        if not kept or link.start >= kept[-1].end:
            kept.append(link)
    return kept


def _valid_uri(value: str) -> bool:
    """Whether XML Schema's anyURI (as libxml2 checks it) accepts ``value``."""
    if _PLAIN_URI.fullmatch(value):
        return True
    probe = etree.Element("uri")
    probe.text = value
    return _uri_schema().validate(probe)


def _uri_schema() -> etree.XMLSchema:
    # One per thread: a schema object keeps its error log, which threads must not share.
    schema: etree.XMLSchema | None = getattr(_per_thread, "uri_schema", None)
    if schema is None:
        schema = _per_thread.uri_schema = etree.XMLSchema(
            etree.XML(
                b'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
                b'<xs:element name="uri" type="xs:anyURI"/></xs:schema>'
            )
        )
    return schema


_per_thread = threading.local()


def _repair_uri(value: str) -> str:
    """A valid anyURI close to ``value``: stray ``%``, extra ``#`` and brackets escaped."""
    if _valid_uri(value):
        return value
    head, hash_mark, fragment = value.partition("#")
    repaired = (
        _BAD_PERCENT.sub("%25", head)
        + hash_mark
        + _BAD_PERCENT.sub("%25", fragment).replace("#", "%23")
    )
    repaired = repaired.replace("[", "%5B").replace("]", "%5D")
    return repaired if _valid_uri(repaired) else percent_encode(value, safe="")


def _links_nest(links: tuple[Link, ...]) -> bool:
    return all(a.end <= b.start for a, b in itertools.pairwise(links))


def _quote_marks(quotes: tuple[Quote, ...]) -> dict[tuple[int, int | None], list[_Mark]]:
    """``q`` (direct, mixed) and ``span`` (indirect) marks for every quote span in the body."""
    marks: dict[tuple[int, int | None], list[_Mark]] = {}
    order = itertools.count()
    for q, quote in enumerate(quotes):
        tag = "span" if quote.kind is QuoteKind.INDIRECT else "q"
        attributes = {"class": "quote-indirect"} if tag == "span" else {}
        for s, span in enumerate(quote.spans):
            if span.part is TextPart.BODY and span.block is not None:
                mark = _Mark(span.start, span.end, 1, next(order), tag, attributes, f"nm-q{q}-{s}")
                marks.setdefault((span.block, span.item), []).append(mark)
    return marks


def _append_text(element: etree._Element, text: str) -> None:
    if len(element):
        last = element[-1]
        last.tail = (last.tail or "") + text
    else:
        element.text = (element.text or "") + text


def _field_names(cls: type[Any]) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(field.name for field in attrs.fields(cls))
    return names


_FIELD_NAMES: dict[type[Any], tuple[str, ...]] = {}


def _derived_guid(article: Article) -> str:
    """A stable URN for an article without an id: from its URL, else from its content."""
    if article.url:
        digest = hashlib.sha256(article.url.encode("utf-8", "surrogatepass")).hexdigest()
        return f"urn:newsmodel:url:{digest[:32]}"
    parts = [article.headline, article.standfirst or "", *article.paragraphs()]
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
    return f"urn:newsmodel:content:{digest[:32]}"


def _as_datetime(value: dt.date) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime(value.year, value.month, value.day, tzinfo=dt.timezone.utc)


def _xsd_datetime(value: dt.datetime) -> str:
    offset = value.utcoffset()
    if offset is not None and offset % dt.timedelta(minutes=1):
        # XML Schema offsets have no seconds; the same instant in UTC compares equal.
        value = value.astimezone(dt.timezone.utc)
    return format_when(value)


def _xsd_when(value: dt.date) -> str:
    return _xsd_datetime(value) if isinstance(value, dt.datetime) else format_when(value)


def _dateline_text(dateline: Dateline) -> str:
    parts = [dateline.place] if dateline.place else []
    if dateline.date is not None:
        day = dateline.date
        parts.append(f"{_MONTHS[day.month - 1]} {day.day}, {day.year}")
    text = ", ".join(parts)
    if dateline.agency:
        text = f"{text} ({dateline.agency})" if text else f"({dateline.agency})"
    return text


def _by_text(bylines: tuple[Byline, ...]) -> str:
    names = [f"{b.name}, {b.role}" if b.role else b.name for b in bylines]
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"By {joined}"


# --- reading ----------------------------------------------------------------------------------


def loads(data: bytes | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Read one article from a NewsML-G2 ``newsItem`` (or a ``newsMessage`` holding one).

    Our own output comes back exactly; items from others keep what maps to the model (see
    ``docs/newsml.md``) and the rest is ignored.

    Args:
        data: The document, as bytes (any XML encoding, or gzip-compressed) or text.
        max_bytes: The largest input accepted (after gzip expansion).

    Raises:
        ParseError: the input is hostile, too large, not well-formed, not NewsML-G2, a message
            with several items (use :func:`loads_all`), or an item that breaks the model.
    """
    items = _news_items(parse_xml(data, max_bytes=max_bytes))
    if len(items) != 1:
        count = "no newsItem" if not items else f"{len(items)} newsItems"
        raise ParseError(f"the newsMessage holds {count}; loads_all reads every item")
    return _read_item(items[0])


def loads_all(data: bytes | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[Article, ...]:
    """Read every ``newsItem`` of a ``newsMessage`` (or the one item of a ``newsItem``).

    Raises:
        ParseError: as :func:`loads`; the message names the item that failed.
    """
    articles = []
    for index, item in enumerate(_news_items(parse_xml(data, max_bytes=max_bytes))):
        try:
            articles.append(_read_item(item))
        except ParseError as error:
            error.message = f"newsItem {index + 1} ({item.get('guid')}): {error.message}"
            raise
    return tuple(articles)


def sniff(head: bytes) -> bool:
    """Whether the first bytes of an input look like NewsML-G2 (a newsItem or newsMessage)."""
    return NAR.encode() in head and _SNIFF.search(head) is not None


def _news_items(root: etree._Element) -> list[etree._Element]:
    if root.tag == _nar("newsItem"):
        return [root]
    if root.tag == _nar("newsMessage"):
        return list(root.iterfind(f"{_nar('itemSet')}/{_nar('newsItem')}"))
    raise ParseError(
        f"not NewsML-G2: the root element is <{etree.QName(root).localname}>,"
        " not a newsItem or newsMessage",
        line=_line(root),
    )


def _read_item(item: etree._Element) -> Article:
    extra = item.find(f"{_nar('contentMeta')}/{_nm('article')}")
    if extra is not None:
        carried = extra.find(_nm("json"))
        if carried is not None:
            return nm_json.loads(carried.text or "")
    try:
        return _Reader(item, extra).article()
    except InvalidArticleError as error:
        raise ParseError(error.message, path=error.path, line=_line(item)) from error


def _local(element: etree._Element) -> str:
    tag = element.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _classes(element: etree._Element) -> list[str]:
    return (element.get("class") or "").split()


class _Reader:
    """Reads one newsItem: exactly when newsmodel wrote it, leniently otherwise."""

    def __init__(self, item: etree._Element, extra: etree._Element | None) -> None:
        self.item = item
        self.extra = extra
        self.exact = extra is not None
        self.meta = item.find(_nar("itemMeta"))
        self.content = item.find(_nar("contentMeta"))

    def clean(self, text: str | None) -> str | None:
        """Text as the model holds it: exact for our own items, white space tidied otherwise."""
        if text is None:
            return None
        if not self.exact:
            text = " ".join(text.split())
        return text or None

    def text_of(self, element: etree._Element | None) -> str | None:
        if element is None:
            return None
        return self.clean(_joined(element))

    def find(self, parent: etree._Element | None, path: str) -> etree._Element | None:
        return None if parent is None else parent.find(path)

    def findall(self, parent: etree._Element | None, path: str) -> list[etree._Element]:
        return [] if parent is None else parent.findall(path)

    def article(self) -> Article:
        fields: dict[str, Any] = {
            "headline": self.headline(),
            "standfirst": self.text_of(
                self.find(self.content, _nar("description[@role='drol:summary']"))
            ),
            "body": self.body(),
            "bylines": self.bylines(),
            "dateline": self.dateline(),
            "language": self.language(),
            "id": self.item.get("guid") or None,
            "genre": self.genre(),
            "keywords": self.keywords(),
            "publisher": self.publisher(),
            "images": self.images(),
            "rights": self.text_of(
                self.find(self.item, f"{_nar('rightsInfo')}/{_nar('copyrightNotice')}")
            ),
        }
        fields.update(self.dates())
        if self.extra is not None:
            if self.extra.get("generatedGuid") == "true":
                fields["id"] = None
            fields.update(
                _read_fields(
                    self.extra, Article, ("url", "section", "quotes", "comments", "corrections")
                )
            )
        return Article(**fields)

    def headline(self) -> str:
        if self.exact:
            headline = self.find(self.content, _nar("headline"))
            if headline is None:
                raise ParseError("the item has no headline", path="contentMeta/headline")
            return _joined(headline)
        candidates = [
            self.find(self.content, _nar("headline")),
            self.find(self.content, _nar("slugline")),
            self.find(self.meta, _nar("title")),
            self.find(self.content, _nar("description")),
            self.item.find(f".//{{{NITF}}}hl1"),
        ]
        for candidate in candidates:
            text = self.text_of(candidate)
            if text:
                return text
        # Every newsItem has a guid; an item without any title-like text is named by it.
        return self.item.get("guid") or "untitled"

    def dates(self) -> dict[str, dt.date | None]:
        created = self.when(self.find(self.content, _nar("contentCreated")))
        modified = self.when(self.find(self.content, _nar("contentModified")))
        if self.exact:
            return {"published": created, "modified": modified}
        published = self.when(self.find(self.meta, _nar("firstCreated"))) or created
        version = self.when(self.find(self.meta, _nar("versionCreated")))
        if modified is None and version is not None and version != published:
            modified = version
        return {"published": published, "modified": modified}

    def when(self, element: etree._Element | None) -> dt.date | None:
        if element is None or not element.text:
            return None
        try:
            return parse_when(element.text.strip())
        except (TypeError, ValueError) as error:
            if self.exact:
                raise ParseError(str(error), line=_line(element)) from error
            return None  # a year, a month, or a time without a zone: not a model value

    def language(self) -> str | None:
        language = self.find(self.content, _nar("language"))
        tag = language.get("tag") if language is not None else None
        if tag is None and not self.exact:
            tag = self.item.get(_XML_LANG)
        return tag if tag and LANGUAGE_TAG.match(tag) else None

    def genre(self) -> str | None:
        genre = self.find(self.content, _nar("genre"))
        if genre is None:
            return None
        name = self.text_of(genre.find(_nar("name")))
        if name or self.exact:
            return name
        code = (genre.get("qcode") or "").partition(":")[2]
        return code or None

    def keywords(self) -> tuple[str, ...]:
        texts = (self.text_of(keyword) for keyword in self.findall(self.content, _nar("keyword")))
        return tuple(text for text in texts if text)

    def bylines(self) -> tuple[Byline, ...]:
        creators = self.findall(self.content, _nar("creator"))
        if self.exact:
            return tuple(
                _read_object(exact, Byline)
                for creator in creators
                if (exact := creator.find(_nm("byline"))) is not None
            )
        bylines = []
        for creator in creators:
            name = self.text_of(creator.find(_nar("name"))) or self.clean(creator.get("literal"))
            if not name:
                continue
            kind = (
                BylineKind.ORGANIZATION
                if creator.get("type") in _ORGANISATION_TYPES
                else BylineKind.PERSON
            )
            url = creator.get("uri")
            email = self.text_of(creator.find(f".//{_nar('email')}"))
            affiliation = self.text_of(
                creator.find(f"{_nar('personDetails')}/{_nar('affiliation')}/{_nar('name')}")
            )
            bylines.append(
                Byline(
                    name=name,
                    kind=kind,
                    url=url if url and url.startswith(("http:", "https:")) else None,
                    email=email,
                    affiliation=affiliation,
                )
            )
        if not bylines:
            by = self.text_of(self.find(self.content, _nar("by")))
            if by:
                bylines.append(Byline(name=re.sub(r"^by\s+", "", by, flags=re.IGNORECASE) or by))
        return self.with_nitf_titles(tuple(bylines))

    def with_nitf_titles(self, bylines: tuple[Byline, ...]) -> tuple[Byline, ...]:
        """Give the one creator the job title of an NITF byline that names them."""
        byline = self.item.find(f".//{{{NITF}}}body.head/{{{NITF}}}byline")
        if byline is None or len(bylines) != 1 or bylines[0].role:
            return bylines
        title = self.text_of(byline.find(f"{{{NITF}}}byttl"))
        words = " ".join((byline.text or "").split())
        if title and bylines[0].name in words:
            return (Byline(**{**_own_fields(bylines[0]), "role": title}),)
        return bylines

    def dateline(self) -> Dateline | None:
        dateline = self.find(self.content, _nar("dateline"))
        if self.exact:
            exact = dateline.find(_nm("dateline")) if dateline is not None else None
            return _read_object(exact, Dateline) if exact is not None else None
        place = self.text_of(self.find(self.content, f"{_nar('located')}/{_nar('name')}"))
        place = place or self.text_of(dateline)
        return Dateline(place=place) if place else None

    def publisher(self) -> Organization | None:
        provider = self.find(self.meta, _nar("provider"))
        if provider is None:
            return None
        if self.exact:
            exact = provider.find(_nm("publisher"))
            return _read_object(exact, Organization) if exact is not None else None
        name = self.text_of(provider.find(_nar("name")))
        url = provider.get("uri")
        return (
            Organization(
                name=name,
                url=url if url and url.startswith(("http:", "https:")) else None,
            )
            if name
            else None
        )

    def images(self) -> tuple[Image, ...]:
        images = []
        for link in self.findall(self.meta, _nar("link")):
            if link.get("rel") != "irel:associatedWith":
                continue
            exact = link.find(_nm("image"))
            if exact is not None:
                images.append(_read_object(exact, Image))
            elif (
                not self.exact
                and (link.get("contenttype") or "").startswith("image/")
                and link.get("href")
            ):
                images.append(Image(url=link.get("href", "")))
        return tuple(images)

    # -- the body

    def body(self) -> tuple[_Block, ...]:
        content = self.item.find(f"{_nar('contentSet')}/{_nar('inlineXML')}")
        if content is None:
            return ()
        root = content
        html_body = content.find(f"{_xh('html')}/{_xh('body')}")
        nitf_body = content.find(f"{{{NITF}}}nitf/{{{NITF}}}body/{{{NITF}}}body.content")
        if html_body is not None:
            root = html_body
        elif nitf_body is not None:
            root = nitf_body
        elif len(content) == 1 and _local(content[0]) in ("html", "body", "nitf"):
            root = content[0]
        blocks: list[_Block] = []
        self.blocks(root, blocks)
        return tuple(blocks)

    def blocks(self, container: etree._Element, blocks: list[_Block]) -> None:
        for child in container:
            name = _local(child)
            if not name or name in ("head", "body.head", "body.end", "title", "script", "style"):
                continue
            if name == "p":
                text, links = self.inline(child)
                if text:
                    blocks.append(Paragraph(text=text, links=links))
            elif re.fullmatch(r"h[1-6]", name) or name in ("hl1", "hl2"):
                text, _ = self.inline(child)
                if text:
                    level = int(name[1]) if name[0] == "h" and name[1].isdigit() else 2
                    blocks.append(Heading(text=text, level=level))
            elif name in ("blockquote", "bq"):
                self.block_quote(child, blocks)
            elif name in ("ul", "ol"):
                items = [
                    text for li in child if _local(li) == "li" and (text := self.inline(li)[0])
                ]
                if items:
                    blocks.append(ListBlock(items=items, ordered=name == "ol"))
            elif name == "div" and "figure" in _classes(child) and self.exact:
                blocks.append(Figure(image=self.figure(child)))
            elif name == "img" and child.get("src"):
                blocks.append(
                    Figure(
                        image=Image(url=child.get("src", ""), alt=self.clean(child.get("alt"))),
                    )
                )
            else:
                self.blocks(child, blocks)

    def block_quote(self, element: etree._Element, blocks: list[_Block]) -> None:
        paragraphs: list[str] = []
        source: str | None = None
        for p in element.iter(_xh("p"), f"{{{NITF}}}p", _nar("p"), "p"):
            if "source" in _classes(p):
                source = self.text_of(p)
            elif said := self.inline(p)[0]:
                paragraphs.append(said)
        credit = element.find(f".//{{{NITF}}}credit")
        if credit is not None:
            source = self.text_of(credit)
        if not paragraphs and (text := self.text_of(element)):
            paragraphs.append(text)
        if paragraphs:
            blocks.append(
                BlockQuote(
                    paragraphs=paragraphs,
                    cite=element.get("cite") or None,
                    source=source,
                )
            )

    def figure(self, box: etree._Element) -> Image:
        img = box.find(_xh("img"))
        if img is None:
            raise ParseError("a figure without an img", line=_line(box))
        fields: dict[str, Any] = {"url": img.get("src", ""), "alt": img.get("alt") or None}
        for name in ("width", "height"):
            value = img.get(name)
            if value is not None:
                if not (value.isascii() and value.isdigit()):
                    raise ParseError(
                        f"img {name} is not a number of pixels: {value!r}", line=_line(img)
                    )
                fields[name] = int(value)
        for p in box.iterfind(_xh("p")):
            for name in ("caption", "credit"):
                if name in _classes(p):
                    fields[name] = _joined(p) or None
        return Image(**fields)

    def inline(self, element: etree._Element) -> tuple[str, list[Link]]:
        collector = _Inline(normalize=not self.exact)
        collector.walk(element, in_link=False)
        return collector.result()


class _Inline:
    """Collects an element's text and the offsets of its links."""

    def __init__(self, *, normalize: bool) -> None:
        self.normalize = normalize
        self.parts: list[str] = []
        self.length = 0
        self.space = True  # at the start, leading white space is dropped when normalising
        self.links: list[tuple[int, int, str, str | None]] = []

    def add(self, text: str) -> None:
        if self.normalize:
            text = _WHITE_SPACE.sub(" ", text)
            if self.space and text.startswith(" "):
                text = text[1:]
            if not text:
                return
            self.space = text.endswith(" ")
        self.parts.append(text)
        self.length += len(text)

    def walk(self, element: etree._Element, *, in_link: bool) -> None:
        if element.text:
            self.add(element.text)
        for child in element:
            name = _local(child)
            if name == "a" and child.get("href") and not in_link:
                start = self.length
                self.walk(child, in_link=True)
                self.links.append((start, self.length, child.get("href", ""), child.get("title")))
            elif name == "br":
                self.add("\n")
            elif name:
                self.walk(child, in_link=in_link)
            if child.tail:
                self.add(child.tail)

    def result(self) -> tuple[str, list[Link]]:
        text = "".join(self.parts)
        if self.normalize:
            text = text.rstrip()
        links = [
            Link(start=start, end=min(end, len(text)), url=url, title=title or None)
            for start, end, url, title in self.links
            if start < min(end, len(text))
        ]
        return text, links


def _own_fields(value: object) -> dict[str, Any]:
    return {name: getattr(value, name) for name in _field_names(type(value))}


def _line(element: etree._Element) -> int | None:
    line: object = element.sourceline  # lxml-stubs say int, lxml says int or None
    return line if isinstance(line, int) else None


def _joined(element: etree._Element) -> str:
    return "".join(str(text) for text in element.itertext())


# --- the extension namespace, generically -----------------------------------------------------


def _fields_of(cls: type[Any]) -> dict[str, Any]:
    """Each field's resolved type, by field name."""
    types = _FIELD_TYPES.get(cls)
    if types is None:
        resolved = attrs.fields(attrs.resolve_types(cls))
        types = _FIELD_TYPES[cls] = {field.name: field.type for field in resolved}
    return types


_FIELD_TYPES: dict[type[Any], dict[str, Any]] = {}


def _read_object(element: etree._Element, cls: type[_T]) -> _T:
    """Build a model object from an nm element written by ``_Writer.extension``."""
    try:
        built: _T = cls(**_read_fields(element, cls, tuple(_fields_of(cls))))
    except InvalidArticleError as error:
        raise ParseError(error.message, path=_xml_path(element), line=_line(element)) from error
    except TypeError as error:
        raise ParseError(str(error), path=_xml_path(element), line=_line(element)) from error
    return built


_TEXTS, _OBJECTS, _OBJECT, _SCALAR = range(4)
_Plan = tuple[tuple[str, str, int, Any], ...]
_PLANS: dict[tuple[type[Any], tuple[str, ...]], _Plan] = {}


def _read_fields(element: etree._Element, cls: type[Any], names: tuple[str, ...]) -> dict[str, Any]:
    """The named fields of ``cls`` that ``element`` holds, as model values."""
    plan = _PLANS.get((cls, names))
    if plan is None:
        plan = _PLANS[cls, names] = _plan(cls, names)
    fields: dict[str, Any] = {}
    for name, key, how, target in plan:
        if how == _SCALAR:
            value = element.get(key)
            if value is not None:
                try:
                    fields[name] = target(value)
                except ValueError as error:
                    raise ParseError(
                        str(error), path=f"{_xml_path(element)}/@{key}", line=_line(element)
                    ) from error
        elif how == _OBJECT:
            child = element.find(key)
            if child is not None:
                fields[name] = _read_object(child, target)
        else:
            children = element.findall(key)
            if children:
                if how == _TEXTS:
                    fields[name] = tuple(child.text or "" for child in children)
                else:
                    fields[name] = tuple(_read_object(child, target) for child in children)
    return fields


def _plan(cls: type[Any], names: tuple[str, ...]) -> _Plan:
    """How to read each field: which attribute or child, and what to make of it."""
    plan = []
    types = _fields_of(cls)
    for name in names:
        key = camel_case(name)
        kind = types[name]
        inner = _optional(kind)
        if typing.get_origin(kind) is tuple:
            item_type = typing.get_args(kind)[0]
            how = _TEXTS if item_type is str else _OBJECTS
            plan.append((name, _nm(_ITEM_NAMES.get(key, key)), how, item_type))
        elif attrs.has(inner):
            plan.append((name, _nm(key), _OBJECT, inner))
        else:
            plan.append((name, key, _SCALAR, _scalar_reader(kind)))
    return tuple(plan)


def _optional(kind: Any) -> Any:
    args = [arg for arg in typing.get_args(kind) if arg is not type(None)]
    return args[0] if len(args) == 1 else kind


def _scalar_reader(kind: Any) -> Callable[[str], object]:
    """A function from an attribute's text to a field's value, raising ValueError."""
    args = set(typing.get_args(kind)) - {type(None)} or {kind}
    if dt.datetime in args:
        return parse_when
    if dt.date in args:
        return _read_day
    if bool in args:
        return _read_bool
    if int in args:
        return _read_int
    (only,) = args
    if isinstance(only, type) and issubclass(only, enum.Enum):
        return typing.cast(Callable[[str], object], only)
    return str


def _read_day(value: str) -> dt.date:
    day = parse_when(value)
    if isinstance(day, dt.datetime):
        raise ValueError(f"expected a date, got {value!r}")
    return day


def _read_bool(value: str) -> bool:
    if value not in ("true", "false"):
        raise ValueError(f"expected true or false, got {value!r}")
    return value == "true"


def _read_int(value: str) -> int:
    if not (value.isascii() and value.isdigit()):
        raise ValueError(f"expected a whole number, got {value!r}")
    return int(value)


def _xml_path(element: etree._Element) -> str:
    names = []
    node: etree._Element | None = element
    while node is not None:
        prefix = (
            "nm:" if isinstance(node.tag, str) and node.tag.startswith(f"{{{NAMESPACE}}}") else ""
        )
        names.append(prefix + _local(node))
        node = node.getparent()
    return "/" + "/".join(reversed(names))
