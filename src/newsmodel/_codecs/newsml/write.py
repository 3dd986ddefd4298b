"""Writing NewsML-G2: one ``newsItem`` built from an article (see :mod:`newsmodel.newsml`)."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
import re
import threading
from urllib.parse import quote as percent_encode

from lxml import etree

from ... import json as nm_json
from ..._converter import format_when
from ..._extract.common.datelines import dateline_text
from ..._model import (
    Article,
    Byline,
    BylineKind,
    Link,
    Paragraph,
    Quote,
    QuoteKind,
    TextPart,
)
from ..xhtml import BodyWriter, Marks, nested_links
from ..xmltext import NOT_XML, XmlText, xml_utf8
from .ext import write_object, write_objects
from .names import NAMESPACE, NAR, XHTML

_CATALOG = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml"
_STANDARD_VERSION = "2.35"

# An article holding characters XML cannot carry (xmltext.NOT_XML), or line breaks in the
# schema's normalised strings (_LINE_BREAKS), is written with its exact JSON in nm:json as
# well, so that the round trip stays lossless; the standard elements get a cleaned copy.
# A plain URI: these characters only, "%" only before two hex digits, at most one "#".
_PLAIN_URI_CHARACTERS = re.compile(r"[A-Za-z0-9\-._~:/?@!$&'()*+,;=%#]*")
_BAD_PERCENT = re.compile("%(?![0-9A-Fa-f]{2})")
_LINE_BREAKS = re.compile("[\t\n\r]")

# Enum members looked up once: through their class, each lookup costs (on Python 3.11) about
# what writing a small element does.
_PERSON = BylineKind.PERSON
_INDIRECT = QuoteKind.INDIRECT
_IN_BODY = TextPart.BODY
_MINUTE = dt.timedelta(minutes=1)

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


def write_item(article: Article, version_created: dt.datetime | None) -> str:
    """The newsItem for ``article``, as text without an XML declaration."""
    return _written(article, version_created)[0]


def write_item_bytes(article: Article, version_created: dt.datetime | None) -> bytes:
    """The newsItem for ``article`` as a file holds it: UTF-8 with the XML declaration."""
    document, data = _written(article, version_created)
    return XML_DECLARATION + (document.encode("utf-8") if data is None else data)


def _written(article: Article, version_created: dt.datetime | None) -> tuple[str, bytes | None]:
    """The item as text, and as UTF-8 when the check that XML can hold it made that."""
    try:
        document = _Writer(article, version_created, exact=True).item()
        data = xml_utf8(document)
        if data is not None:
            return document, data
    except (ValueError, _Inexpressible):
        pass
    # Characters XML cannot hold (lxml's URI check refuses them too), line breaks in
    # normalised strings, links that cross and URIs anyURI refuses: the elements get a
    # cleaned copy, nm:json the exact one.
    return _Writer(article, version_created, exact=False).item(), None


#: What :func:`newsmodel.newsml.to_bytes` puts before the item, as lxml writes it.
XML_DECLARATION = b"<?xml version='1.0' encoding='UTF-8'?>\n"


class _Inexpressible(Exception):
    """The article holds something the XML elements cannot carry exactly."""


class _Writer:
    """Writes one newsItem; ``exact`` is false when nm:json must carry the article as well."""

    def __init__(
        self, article: Article, version_created: dt.datetime | None, *, exact: bool
    ) -> None:
        self.article = article
        self.version_created = version_created
        self.exact = exact
        self.out = XmlText()

    def text(self, value: str) -> str:
        """Text for element content and attributes (XML-illegal characters replaced)."""
        return value if self.exact else NOT_XML.sub("\ufffd", value)

    def uri(self, value: str) -> str:
        """A URI attribute outside the body: anyURI, repaired where needed (nm keeps it)."""
        return _repair_uri(self.text(value))

    def line(self, value: str) -> str:
        """Text for the schema's normalised strings, which refuse tabs and line breaks."""
        if self.exact:
            if _LINE_BREAKS.search(value):
                raise _Inexpressible
            return value
        return _LINE_BREAKS.sub(" ", self.text(value))

    def item(self) -> str:
        article, out = self.article, self.out
        attributes = [
            ("xmlns", NAR),
            ("xmlns:nm", NAMESPACE),
            ("guid", self.text(article.id) if article.id else _derived_guid(article)),
            ("version", "1"),
            ("standard", "NewsML-G2"),
            ("standardversion", _STANDARD_VERSION),
            ("conformance", "power"),
        ]
        if article.language:
            attributes.append(("xml:lang", article.language))
        out.start("newsItem", attributes)
        out.leaf("catalogRef", None, [("href", _CATALOG)])
        if article.rights:
            out.start("rightsInfo")
            out.leaf("copyrightNotice", self.text(article.rights))
            out.end("rightsInfo")
        self.item_meta()
        self.content_meta()
        out.start("contentSet")
        out.start("inlineXML", [("contenttype", "application/xhtml+xml")])
        self.xhtml()
        out.end("inlineXML")
        out.end("contentSet")
        out.end("newsItem")
        return out.document()

    # -- itemMeta

    def item_meta(self) -> None:
        article, out = self.article, self.out
        out.start("itemMeta")
        out.leaf("itemClass", None, [("qcode", "ninat:text")])
        if article.publisher is None:
            out.leaf("provider", None, [("literal", "unknown")])
        else:
            publisher = article.publisher
            out.start("provider", [("uri", self.uri(publisher.url))] if publisher.url else ())
            out.leaf("name", self.line(publisher.name))
            self.extension("publisher", publisher)
            out.end("provider")
        latest = article.modified or article.published
        if latest is None:
            latest = self.version_created or dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
        out.leaf("versionCreated", _xsd_datetime(_as_datetime(latest)))
        if isinstance(article.published, dt.datetime):
            out.leaf("firstCreated", _xsd_datetime(article.published))
        out.leaf("pubStatus", None, [("qcode", "stat:usable")])
        for image in article.images:
            out.start("link", [("rel", "irel:associatedWith"), ("href", self.uri(image.url))])
            self.extension("image", image)
            out.end("link")
        out.end("itemMeta")

    # -- contentMeta

    def content_meta(self) -> None:
        article, out = self.article, self.out
        out.start("contentMeta")
        if article.published is not None:
            out.leaf("contentCreated", _xsd_when(article.published))
        if article.modified is not None:
            out.leaf("contentModified", _xsd_when(article.modified))
        if article.dateline is not None and article.dateline.place:
            out.start("located")
            out.leaf("name", self.line(article.dateline.place))
            out.end("located")
        for byline in article.bylines:
            self.creator(byline)
        if article.language:
            out.leaf("language", None, [("tag", article.language)])
        if article.genre:
            code = _GENRES.get(article.genre.strip().lower())
            out.start("genre", [("qcode", f"genre:{code}")] if code else ())
            out.leaf("name", self.line(article.genre))
            out.end("genre")
        for keyword in article.keywords:
            out.leaf("keyword", self.line(keyword))
        if article.section:
            out.start("subject", [("type", "cpnat:abstract")])
            out.leaf("name", self.line(article.section))
            out.end("subject")
        out.leaf("headline", self.text(article.headline))
        if article.dateline is not None:
            out.start("dateline")
            out.text(self.text(dateline_text(article.dateline)))
            self.extension("dateline", article.dateline)
            out.end("dateline")
        if article.bylines:
            out.leaf("by", self.text(_by_text(article.bylines)))
        if article.standfirst:
            out.leaf("description", self.text(article.standfirst), [("role", "drol:summary")])
        self.article_extension()
        out.end("contentMeta")

    def article_extension(self) -> None:
        """nm:article: what the model holds beyond the standard elements."""
        article, out = self.article, self.out
        attributes = [("generatedGuid", "true")] if article.id is None else []
        for name in ("url", "section"):
            value = getattr(article, name)
            if value is not None:
                attributes.append((name, self.text(value)))
        out.start("nm:article", attributes)
        text = None if self.exact else self.text
        write_objects(out, "quote", article.quotes, text)
        if article.comments is not None:
            self.extension("comments", article.comments)
        write_objects(out, "correction", article.corrections, text)
        if not self.exact:
            # ASCII JSON escapes every character XML cannot hold.
            exact = json.dumps(nm_json.to_dict(article), ensure_ascii=True, separators=(",", ":"))
            out.leaf("nm:json", exact)
        out.end("nm:article")

    def creator(self, byline: Byline) -> None:
        out = self.out
        person = byline.kind is _PERSON
        attributes = [
            ("role", "crol:author"),
            ("type", "cpnat:person" if person else "cpnat:organisation"),
        ]
        if byline.url:
            attributes.append(("uri", self.uri(byline.url)))
        if byline.role:
            # jobtitle must be a QCode; the title's words ride in its code, percent-encoded.
            title = "nmjob:" + percent_encode(self.text(byline.role), safe="")
            attributes.append(("jobtitle", title))
        out.start("creator", attributes)
        out.leaf("name", self.line(byline.name))
        if byline.affiliation or byline.email:
            details = "personDetails" if person else "organisationDetails"
            out.start(details)
            if byline.affiliation and person:
                out.start("affiliation")
                out.leaf("name", self.line(byline.affiliation))
                out.end("affiliation")
            if byline.email:
                out.start("contactInfo")
                out.leaf("email", self.text(byline.email))
                out.end("contactInfo")
            out.end(details)
        self.extension("byline", byline)
        out.end("creator")

    def extension(self, name: str, value: object) -> None:
        """Write a model object exactly, as nm elements (see :func:`write_object`)."""
        write_object(self.out, name, value, None if self.exact else self.text)

    # -- the body

    def xhtml(self) -> None:
        article, out = self.article, self.out
        attributes = [("xmlns", XHTML)]
        if article.language:
            attributes += [("lang", article.language), ("xml:lang", article.language)]
        out.start("html", attributes)
        out.start("head")
        out.leaf("title", self.text(article.headline))
        out.end("head")
        out.start("body")
        out.raw(_Body(self, _quote_marks(article.quotes)).body(article.body))
        out.end("body")
        out.end("html")


class _Body(BodyWriter):
    """The body in XHTML 1.0 Strict, with the item's text rules and its quotes marked."""

    strict = True

    def __init__(self, writer: _Writer, marks: Marks) -> None:
        super().__init__(marks)
        self.exact = writer.exact

    def text(self, value: str) -> str:
        return value if self.exact else NOT_XML.sub("\ufffd", value)

    def uri(self, value: str) -> str:
        # The body has no room for an exact copy of a URI that anyURI refuses.
        if self.exact:
            if not _valid_uri(value):
                raise _Inexpressible
            return value  # valid as it is: nothing to repair
        return _repair_uri(self.text(value))

    def links(self, paragraph: Paragraph) -> list[Link]:
        if self.exact and len(paragraph.links) > 1 and not _links_nest(paragraph.links):
            raise _Inexpressible  # nm:json keeps the links that cross
        return nested_links(paragraph.links)


def _valid_uri(value: str) -> bool:
    """Whether XML Schema's anyURI (as libxml2 checks it) accepts ``value``."""
    if (
        _PLAIN_URI_CHARACTERS.fullmatch(value)
        and value.count("#") < 2
        and ("%" not in value or not _BAD_PERCENT.search(value))
    ):
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


def _quote_marks(quotes: tuple[Quote, ...]) -> Marks:
    """``q`` (direct, mixed) and ``span`` (indirect) marks for every quote span in the body."""
    marks: Marks = {}
    order = itertools.count()
    for q, quote in enumerate(quotes):
        tag = "span" if quote.kind is _INDIRECT else "q"
        attributes = ' class="quote-indirect"' if tag == "span" else ""
        for s, span in enumerate(quote.spans):
            if span.part is _IN_BODY and span.block is not None:
                mark = (span.start, span.end, 1, next(order), tag, attributes, f"nm-q{q}-{s}")
                marks.setdefault((span.block, span.item), []).append(mark)
    return marks


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
    if offset is not None and offset % _MINUTE:
        # XML Schema offsets have no seconds; the same instant in UTC compares equal.
        value = value.astimezone(dt.timezone.utc)
    return format_when(value)


def _xsd_when(value: dt.date) -> str:
    return _xsd_datetime(value) if isinstance(value, dt.datetime) else format_when(value)


def _by_text(bylines: tuple[Byline, ...]) -> str:
    names = [f"{b.name}, {b.role}" if b.role else b.name for b in bylines]
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"By {joined}"
