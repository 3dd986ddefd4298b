"""Writing NITF 3.6: one ``nitf`` document built from an article (see :mod:`newsmodel.nitf`)."""

from __future__ import annotations

import re

from lxml import etree

from ..._extract.common.datelines import dateline_day
from ..._model import (
    Article,
    Block,
    BlockQuote,
    Byline,
    BylineKind,
    Dateline,
    Figure,
    Heading,
    ListBlock,
    Paragraph,
)
from ..compact_dates import format_norm, format_norm_day
from ..nitf_document import GENERATOR, NITF, VERSION, n

__all__ = ["write_document"]

# Characters XML 1.0 cannot carry; an article holding one gets U+FFFD in its place.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def write_document(article: Article) -> etree._Element:
    """The ``nitf`` element for ``article``."""
    root = etree.Element(n("nitf"), nsmap={None: NITF})  # type: ignore[dict-item]  # lxml takes None
    root.set("version", VERSION)
    if article.language:
        root.set("baselang", article.language)
    _head(_sub(root, "head"), article)
    body = _sub(root, "body")
    _body_head(_sub(body, "body.head"), article)
    content = _sub(body, "body.content")
    for block in article.body:
        _block(content, block)
    return root


def _text(value: str) -> str:
    return _NOT_XML.sub("\ufffd", value)


def _sub(
    parent: etree._Element, tag: str, text: str | None = None, /, **attrib: str
) -> etree._Element:
    element = etree.SubElement(parent, n(tag), {key: _text(v) for key, v in attrib.items()})
    if text is not None:
        element.text = _text(text)
    return element


def _tail(element: etree._Element, text: str) -> None:
    element.tail = (element.tail or "") + text


def _head(head: etree._Element, article: Article) -> None:
    _sub(head, "title", article.headline)
    _sub(head, "meta", name="generator", content=GENERATOR)
    if article.genre:
        _sub(head, "tobject", **{"tobject.type": article.genre})
    docdata = _sub(head, "docdata")
    for correction in article.corrections:
        # NITF's correction has no date: its id-string names the corrected document.
        _sub(docdata, "correction", info=correction.text)
    if article.id:
        _sub(docdata, "doc-id", **{"id-string": article.id})
    if article.published is not None:
        _sub(docdata, "date.issue", norm=format_norm(article.published))
    if article.rights:
        _sub(docdata, "doc.copyright", holder=article.rights)
    if article.keywords:
        key_list = _sub(docdata, "key-list")
        for keyword in article.keywords:
            _sub(key_list, "keyword", key=keyword)
    publication: dict[str, str] = {}
    if article.publisher is not None:
        publication["name"] = article.publisher.name
    if article.published is not None:
        publication["date.publication"] = format_norm(article.published)
    if article.section:
        publication["position.section"] = article.section
    if article.url:
        publication["ex-ref"] = article.url
    if publication:
        _sub(head, "pubdata", type="web", **publication)
    if article.modified is not None:
        _sub(head, "revision-history", norm=format_norm(article.modified), comment="modified")


def _body_head(head: etree._Element, article: Article) -> None:
    _sub(_sub(head, "hedline"), "hl1", article.headline)
    for byline in article.bylines:
        _byline(head, byline)
    if article.dateline is not None:
        if article.dateline.agency:
            _sub(_sub(head, "distributor"), "org", article.dateline.agency)
        _dateline(head, article.dateline)
    if article.standfirst:
        _sub(_sub(head, "abstract"), "p", article.standfirst)


def _byline(head: etree._Element, byline: Byline) -> None:
    """``By <person>Name</person>, <byttl>Role</byttl>, <byttl><org>Agency</org></byttl>``;
    an organisation's name is the first ``byttl/org`` of a ``byline class="organization"``."""
    element = _sub(head, "byline")
    element.text = "By "
    if byline.kind is BylineKind.ORGANIZATION:
        element.set("class", "organization")
        last = _sub(element, "byttl")
        _sub(last, "org", byline.name)
    else:
        last = _sub(element, "person", byline.name)
    if byline.role:
        _tail(last, ", ")
        last = _sub(element, "byttl", byline.role)
    if byline.affiliation:
        _tail(last, ", ")
        last = _sub(element, "byttl")
        _sub(last, "org", byline.affiliation, **{"class": "affiliation"})
    for kind, value in (("email", byline.email), ("url", byline.url)):
        if value:
            _tail(last, " ")
            last = _sub(element, "virtloc", value, **{"class": kind})


def _dateline(head: etree._Element, dateline: Dateline) -> None:
    element = _sub(head, "dateline")
    last = None
    if dateline.place:
        last = _sub(element, "location", dateline.place)
    if dateline.date is not None:
        if last is not None:
            _tail(last, ", ")
        printed = dateline_day(dateline.date)
        _sub(element, "story.date", printed, norm=format_norm_day(dateline.date))


def _block(content: etree._Element, block: Block) -> None:
    if isinstance(block, Paragraph):
        p = _sub(content, "p")
        _inline(p, block)
    elif isinstance(block, Heading):
        _sub(content, "hl2", block.text, **{"class": f"h{block.level}"})
    elif isinstance(block, BlockQuote):
        bq = _sub(content, "bq")
        inner = _sub(bq, "block")
        for paragraph in block.paragraphs:
            _sub(inner, "p", paragraph)
        if block.source is not None or block.cite is not None:
            credit = _sub(bq, "credit")
            if block.cite is not None:
                _sub(credit, "a", block.source, href=block.cite)
            else:
                credit.text = _text(block.source or "")
    elif isinstance(block, ListBlock):
        listing = _sub(content, "ol" if block.ordered else "ul")
        for item in block.items:
            _sub(listing, "li", item)
    elif isinstance(block, Figure):
        _figure(content, block)


def _inline(p: etree._Element, paragraph: Paragraph) -> None:
    text = paragraph.text
    position = 0
    last: etree._Element | None = None
    for link in paragraph.links:
        if link.start < position:
            continue  # overlapping links cannot nest in NITF either: the first one stays
        before = text[position : link.start]
        if last is None:
            p.text = _text(before)
        else:
            _tail(last, _text(before))
        attributes = {"href": link.url}
        if link.title is not None:
            attributes["title"] = link.title
        last = _sub(p, "a", text[link.start : link.end], **attributes)
        position = link.end
    rest = _text(text[position:])
    if last is None:
        p.text = rest
    else:
        _tail(last, rest)


def _figure(content: etree._Element, figure: Figure) -> None:
    image = figure.image
    media = _sub(content, "media", **{"media-type": "image"})
    reference: dict[str, str] = {"source": image.url}
    if image.alt is not None:
        reference["alternate-text"] = image.alt
    if image.width is not None:
        reference["width"] = str(image.width)
    if image.height is not None:
        reference["height"] = str(image.height)
    _sub(media, "media-reference", **reference)
    if image.caption is not None:
        _sub(media, "media-caption", image.caption)
    if image.credit is not None:
        _sub(media, "media-producer", image.credit)
