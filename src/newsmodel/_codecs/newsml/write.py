"""Writing NewsML-G2: one ``newsItem`` built from an article (see :mod:`newsmodel.newsml`)."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
import re
import threading
from urllib.parse import quote as percent_encode

import attrs
from lxml import etree

from ... import json as nm_json
from ..._converter import format_when
from ..._model import (
    Article,
    Block,
    BlockQuote,
    Byline,
    BylineKind,
    Dateline,
    Figure,
    Heading,
    Link,
    ListBlock,
    Paragraph,
    Quote,
    QuoteKind,
    TextPart,
)
from .ext import write_object
from .names import NAMESPACE, NAR, XHTML, XML_LANG, nar, nm, sub, xh

_CATALOG = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml"
_STANDARD_VERSION = "2.35"

# Characters XML 1.0 cannot carry at all. An article holding any of them (or line breaks in the
# schema's normalised strings, see _LINE_BREAKS) is written with its exact JSON in nm:json as
# well, so that the round trip stays lossless; the standard elements get a cleaned copy.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_URI_CHARACTER = r"(?:[A-Za-z0-9\-._~:/?@!$&'()*+,;=]|%[0-9A-Fa-f]{2})"
_PLAIN_URI = re.compile(f"{_URI_CHARACTER}*(?:#{_URI_CHARACTER}*)?")
_BAD_PERCENT = re.compile("%(?![0-9A-Fa-f]{2})")
_LINE_BREAKS = re.compile("[\t\n\r]")

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
_MONTHS = "Jan. Feb. March April May June July Aug. Sept. Oct. Nov. Dec.".split()


def write_item(article: Article, version_created: dt.datetime | None) -> etree._Element:
    """The newsItem element for ``article``."""
    try:
        item = _Writer(article, version_created, exact=True).item()
    except (ValueError, _Inexpressible):
        # lxml refuses characters XML cannot hold (ValueError); the writer itself stops at
        # line breaks in normalised strings, links that cross and URIs anyURI refuses.
        item = _Writer(article, version_created, exact=False).item()
    return item


class _Inexpressible(Exception):
    """The article holds something the XML elements cannot carry exactly."""


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
        item = etree.Element(nar("newsItem"), nsmap={None: NAR, "nm": NAMESPACE})  # type: ignore[dict-item]  # lxml takes None
        item.set("guid", self.text(article.id) if article.id else _derived_guid(article))
        item.set("version", "1")
        item.set("standard", "NewsML-G2")
        item.set("standardversion", _STANDARD_VERSION)
        item.set("conformance", "power")
        if article.language:
            item.set(XML_LANG, article.language)
        sub(item, nar("catalogRef"), href=_CATALOG)
        if article.rights:
            rights = sub(item, nar("rightsInfo"))
            sub(rights, nar("copyrightNotice"), self.text(article.rights))
        self.item_meta(item)
        self.content_meta(item)
        content = sub(sub(item, nar("contentSet")), nar("inlineXML"))
        content.set("contenttype", "application/xhtml+xml")
        self.xhtml(content)
        return item

    # -- itemMeta

    def item_meta(self, item: etree._Element) -> None:
        article = self.article
        meta = sub(item, nar("itemMeta"))
        sub(meta, nar("itemClass"), qcode="ninat:text")
        provider = sub(meta, nar("provider"))
        if article.publisher is None:
            provider.set("literal", "unknown")
        else:
            if article.publisher.url:
                provider.set("uri", self.uri(article.publisher.url))
            sub(provider, nar("name"), self.line(article.publisher.name))
            self.extension(provider, "publisher", article.publisher)
        latest = article.modified or article.published
        if latest is None:
            latest = self.version_created or dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
        sub(meta, nar("versionCreated"), _xsd_datetime(_as_datetime(latest)))
        if isinstance(article.published, dt.datetime):
            sub(meta, nar("firstCreated"), _xsd_datetime(article.published))
        sub(meta, nar("pubStatus"), qcode="stat:usable")
        for image in article.images:
            link = sub(meta, nar("link"), rel="irel:associatedWith", href=self.uri(image.url))
            self.extension(link, "image", image)

    # -- contentMeta

    def content_meta(self, item: etree._Element) -> None:
        article = self.article
        meta = sub(item, nar("contentMeta"))
        if article.published is not None:
            sub(meta, nar("contentCreated"), _xsd_when(article.published))
        if article.modified is not None:
            sub(meta, nar("contentModified"), _xsd_when(article.modified))
        if article.dateline is not None and article.dateline.place:
            located = sub(meta, nar("located"))
            sub(located, nar("name"), self.line(article.dateline.place))
        for byline in article.bylines:
            self.creator(meta, byline)
        if article.language:
            sub(meta, nar("language"), tag=article.language)
        if article.genre:
            genre = sub(meta, nar("genre"))
            code = _GENRES.get(article.genre.strip().lower())
            if code:
                genre.set("qcode", f"genre:{code}")
            sub(genre, nar("name"), self.line(article.genre))
        for keyword in article.keywords:
            sub(meta, nar("keyword"), self.line(keyword))
        if article.section:
            subject = sub(meta, nar("subject"), type="cpnat:abstract")
            sub(subject, nar("name"), self.line(article.section))
        sub(meta, nar("headline"), self.text(article.headline))
        if article.dateline is not None:
            dateline = sub(meta, nar("dateline"), self.text(_dateline_text(article.dateline)))
            self.extension(dateline, "dateline", article.dateline)
        if article.bylines:
            sub(meta, nar("by"), self.text(_by_text(article.bylines)))
        if article.standfirst:
            sub(meta, nar("description"), self.text(article.standfirst), role="drol:summary")
        extra = sub(meta, nm("article"))
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
            sub(extra, nm("json"), exact)

    def creator(self, meta: etree._Element, byline: Byline) -> None:
        person = byline.kind is BylineKind.PERSON
        creator = sub(meta, nar("creator"), role="crol:author")
        creator.set("type", "cpnat:person" if person else "cpnat:organisation")
        if byline.url:
            creator.set("uri", self.uri(byline.url))
        if byline.role:
            # jobtitle must be a QCode; the title's words ride in its code, percent-encoded.
            creator.set("jobtitle", "nmjob:" + percent_encode(self.text(byline.role), safe=""))
        sub(creator, nar("name"), self.line(byline.name))
        if byline.affiliation or byline.email:
            details = sub(creator, nar("personDetails" if person else "organisationDetails"))
            if byline.affiliation and person:
                affiliation = sub(details, nar("affiliation"))
                sub(affiliation, nar("name"), self.line(byline.affiliation))
            if byline.email:
                contact = sub(details, nar("contactInfo"))
                sub(contact, nar("email"), self.text(byline.email))
        self.extension(creator, "byline", byline)

    def extension(self, parent: etree._Element, name: str, value: object) -> None:
        """Write a model object exactly, as nm elements (see :func:`write_object`)."""
        write_object(parent, name, value, self.text)

    # -- the body

    def xhtml(self, content: etree._Element) -> None:
        article = self.article
        html = etree.SubElement(content, xh("html"), nsmap={None: XHTML})  # type: ignore[dict-item]  # lxml takes None
        if article.language:
            html.set("lang", article.language)
            html.set(XML_LANG, article.language)
        head = sub(html, xh("head"))
        sub(head, xh("title"), self.text(article.headline))
        body = sub(html, xh("body"))
        marks = _quote_marks(article.quotes)
        for index, block in enumerate(article.body):
            self.block(body, index, block, marks)

    def block(
        self,
        body: etree._Element,
        index: int,
        block: Block,
        marks: dict[tuple[int, int | None], list[_Mark]],
    ) -> None:
        if isinstance(block, Paragraph):
            if self.exact and not _links_nest(block.links):
                raise _Inexpressible
            links = [
                _Mark(link.start, link.end, 0, i, "a", _link_attributes(link, self), "")
                for i, link in enumerate(_nested_links(block.links))
            ]
            self.inline(sub(body, xh("p")), block.text, links + marks.get((index, None), []))
        elif isinstance(block, Heading):
            self.inline(sub(body, xh(f"h{block.level}")), block.text, marks.get((index, None), []))
        elif isinstance(block, BlockQuote):
            quote = sub(body, xh("blockquote"))
            if block.cite:
                quote.set("cite", self.body_uri(block.cite))
            for item, text in enumerate(block.paragraphs):
                self.inline(sub(quote, xh("p")), text, marks.get((index, item), []))
            if block.source:
                sub(
                    sub(quote, xh("p"), **{"class": "source"}),
                    xh("cite"),
                    self.text(block.source),
                )
        elif isinstance(block, ListBlock):
            items = sub(body, xh("ol" if block.ordered else "ul"))
            for item, text in enumerate(block.items):
                self.inline(sub(items, xh("li")), text, marks.get((index, item), []))
        else:
            self.figure(body, block)

    def figure(self, body: etree._Element, figure: Figure) -> None:
        image = figure.image
        box = sub(body, xh("div"), **{"class": "figure"})
        # XHTML requires alt; an empty one stands for "none given" (the model has no empty text).
        img = sub(box, xh("img"), src=self.body_uri(image.url), alt=self.text(image.alt or ""))
        if image.width is not None:
            img.set("width", str(image.width))
        if image.height is not None:
            img.set("height", str(image.height))
        if image.caption:
            sub(box, xh("p"), self.text(image.caption), **{"class": "caption"})
        if image.credit:
            sub(box, xh("p"), self.text(image.credit), **{"class": "credit"})

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
                element = etree.SubElement(parent, xh(mark.tag), mark.attributes)
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
