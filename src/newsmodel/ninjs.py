"""IPTC ninjs 3.1 ("News in JSON"): export for systems that speak IPTC JSON, and import.

:func:`dumps` writes one ninjs object that validates against the ninjs 3.1 JSON Schema: the
headline, the standfirst as a summary description, the body twice (plain text, and XHTML that
keeps its structure: headings, block quotes, lists, figures and inline links), authors as
``people`` and ``organisations``, the publisher as an ``infoSource``, keywords and the section as
``subjects``, images as picture ``associations``. :func:`loads` reads it back, and reads the
ninjs that other systems write (IPTC's own examples among them).

ninjs 3.1 has no extension mechanism: every object in its schema forbids properties it does not
define. What it has no place for is **not written**, and does not come back:

- quotes and their attributions, the comment section, corrections;
- a byline's role and affiliation; the order of person bylines relative to organisation
  bylines (people come back first);
- the date and agency of a dateline (its place is ``located``); the publisher's logo;
- days without a time: ninjs dates are date-times, so a publication or modification *day* is
  left out, and an article with a modification time but no publication time comes back
  published at that time; a modification time equal to the publication time comes back as
  none.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterator, Mapping
from html import escape
from typing import Any

import lxml.html
from lxml import etree

from . import _model as m
from . import json as _nmjson
from ._codecs.jsontext import parse_json
from ._converter import format_when, parse_when
from ._extract.common.bylines import bylines_from_text
from ._extract.common.cleantext import clean_text
from ._extract.common.counts import lenient_count
from ._extract.common.dates import parse_date
from ._model import Article, Byline, BylineKind
from .errors import NewsModelError, ParseError

__all__ = ["PROFILE", "SCHEMA_URI", "dumps", "from_dict", "loads", "sniff", "to_dict"]

#: The ``profile`` of the ninjs objects newsmodel writes; such objects are read exactly.
PROFILE = "newsmodel-text"
#: The ninjs schema the output conforms to.
SCHEMA_URI = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#"

_XHTML = "http://www.w3.org/1999/xhtml"
_IRI = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$")
_SPACES = re.compile(r"\s+")
_SNIFF = re.compile(rb'^(?:\xef\xbb\xbf)?\s*\{[\s\S]*"(?:headlines|bodies|versionCreated)"')
_AUTHOR_RELATIONS = frozenset({"author", "creator", "writer", "contributor", "byline", "by"})
_SKIPPED_TAGS = frozenset({"head", "script", "style", "template", "noscript", "title"})
_CONTAINER_TAGS = frozenset(
    {"html", "body", "div", "section", "article", "main", "header", "span"}
)  # fmt: skip
#: A parser that never resolves entities or fetches anything.
_XML_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
)


# --- writing ----------------------------------------------------------------------------------


def dumps(article: Article, *, indent: int | None = None) -> str:
    """Serialise an article to a ninjs 3.1 object (keys sorted).

    What ninjs cannot carry is left out: quotes, comments, corrections, byline roles and
    affiliations, the dateline's date and agency, the publisher's logo, and dates without a
    time (see the module documentation).
    """
    separators = (",", ": ") if indent is not None else (",", ":")
    return json.dumps(
        to_dict(article), ensure_ascii=False, sort_keys=True, indent=indent, separators=separators
    )


def sniff(head: bytes) -> bool:
    """Whether the first bytes of an input look like a ninjs object."""
    return (
        _SNIFF.match(head) is not None
        and b'"uri"' in head
        and b'"@context"' not in head
        and b'"newsmodel"' not in head
    )


def to_dict(article: Article) -> dict[str, Any]:
    """The article as a ninjs 3.1 tree (see :func:`dumps` for what is left out)."""
    a = article
    doc: dict[str, Any] = {
        "uri": _uri(a),
        "type": "text",
        "representationType": "full",
        "profile": PROFILE,
        "standard": {"name": "ninjs", "version": "3.1", "schema": SCHEMA_URI},
        "headlines": [{"role": "main", "value": a.headline}],
    }
    alt_ids = []
    if a.id is not None:
        alt_ids.append({"role": "id", "value": a.id})
    if a.url is not None:
        alt_ids.append({"role": "url", "value": a.url})
    _put(doc, "altIds", alt_ids)
    published = a.published if isinstance(a.published, dt.datetime) else None
    modified = a.modified if isinstance(a.modified, dt.datetime) else None
    if published is not None:
        doc["firstCreated"] = format_when(published)
    version = modified or published
    if version is not None:
        doc["versionCreated"] = format_when(version)
    _put(doc, "language", a.language)
    _put(doc, "copyrightNotice", a.rights)
    if a.standfirst is not None:
        doc["descriptions"] = [{"role": "summary", "value": a.standfirst}]
    if a.body:
        text = a.text
        doc["bodies"] = [
            {
                "role": "main",
                "contentType": "text/plain",
                "value": text,
                "charCount": len(text),
                "wordCount": len(text.split()),
            },
            {"role": "richtext", "contentType": "application/xhtml+xml", "value": _xhtml(a.body)},
        ]
    people = [_party(b) for b in a.bylines if b.kind is BylineKind.PERSON]
    organisations = [_party(b) for b in a.bylines if b.kind is BylineKind.ORGANIZATION]
    _put(doc, "people", people)
    _put(doc, "organisations", organisations)
    if a.bylines:
        doc["by"] = _by(a.bylines)
    if a.publisher is not None:
        source = {"name": a.publisher.name, "role": "publisher"}
        _put(source, "uri", a.publisher.url if _is_iri(a.publisher.url) else None)
        doc["infoSources"] = [source]
    if a.dateline is not None and a.dateline.place is not None:
        doc["located"] = a.dateline.place
    if a.genre is not None:
        doc["genres"] = [{"name": a.genre}]
    subjects = [{"name": keyword, "rel": "keyword"} for keyword in a.keywords]
    if a.section is not None:
        subjects.append({"name": a.section, "rel": "section"})
    _put(doc, "subjects", subjects)
    _put(doc, "associations", [_association(i, image) for i, image in enumerate(a.images, 1)])
    return doc


def _put(doc: dict[str, Any], key: str, value: object) -> None:
    if value is not None and value != []:
        doc[key] = value


def _is_iri(value: str | None) -> bool:
    return value is not None and _IRI.match(value) is not None


def _uri(article: Article) -> str:
    """The object's identifier: the article's id or URL, else a hash of its content."""
    for candidate in (article.id, article.url):
        if candidate is not None and _is_iri(candidate):
            return candidate
    # The hash is of the lossless form, so any change to the article changes it.
    digest = hashlib.sha256(_nmjson.dumps(article).encode("utf-8")).hexdigest()[:32]
    return f"urn:newsmodel:{digest}"


def _party(byline: Byline) -> dict[str, Any]:
    party: dict[str, Any] = {"name": byline.name, "rel": "author"}
    contacts = []
    if byline.url is not None:
        if _is_iri(byline.url):
            party["uri"] = byline.url
        else:
            contacts.append({"type": "web", "value": byline.url})
    if byline.email is not None:
        contacts.append({"type": "email", "value": byline.email})
    _put(party, "contactInfo", contacts)
    return party


def _by(bylines: tuple[Byline, ...]) -> str:
    names = [byline.name for byline in bylines]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _association(number: int, image: m.Image) -> dict[str, Any]:
    rendition: dict[str, Any] = {"name": "original", "href": image.url}
    _put(rendition, "width", image.width)
    _put(rendition, "height", image.height)
    association: dict[str, Any] = {
        "name": f"image{number}",
        "uri": image.url,
        "type": "picture",
        "representationType": "partial",
        "renditions": [rendition],
    }
    descriptions = []
    if image.caption is not None:
        descriptions.append({"role": "caption", "value": image.caption})
    if image.alt is not None:
        descriptions.append({"role": "alt", "value": image.alt})
    _put(association, "descriptions", descriptions)
    _put(association, "by", image.credit)
    return association


def _xhtml(body: tuple[m.Block, ...]) -> str:
    """The body as an XHTML fragment: one element per block."""
    return "".join(_block_xhtml(block) for block in body)


def _attributes(**values: object) -> str:
    return "".join(
        f' {name}="{escape(str(value))}"' for name, value in values.items() if value is not None
    )


def _paragraph_xhtml(paragraph: m.Paragraph) -> str:
    text, parts, position = paragraph.text, [], 0
    for link in paragraph.links:
        parts.append(escape(text[position : link.start], quote=False))
        inner = escape(text[link.start : link.end], quote=False)
        parts.append(f"<a{_attributes(href=link.url, title=link.title)}>{inner}</a>")
        position = link.end
    parts.append(escape(text[position:], quote=False))
    return f"<p>{''.join(parts)}</p>"


def _block_xhtml(block: m.Block) -> str:
    if isinstance(block, m.Paragraph):
        return _paragraph_xhtml(block)
    if isinstance(block, m.Heading):
        return f"<h{block.level}>{escape(block.text, quote=False)}</h{block.level}>"
    if isinstance(block, m.BlockQuote):
        inner = "".join(f"<p>{escape(text, quote=False)}</p>" for text in block.paragraphs)
        if block.source is not None:
            inner += f"<footer>{escape(block.source, quote=False)}</footer>"
        return f"<blockquote{_attributes(cite=block.cite)}>{inner}</blockquote>"
    if isinstance(block, m.ListBlock):
        tag = "ol" if block.ordered else "ul"
        items = "".join(f"<li>{escape(item, quote=False)}</li>" for item in block.items)
        return f"<{tag}>{items}</{tag}>"
    image = block.image
    img = (
        f"<img{_attributes(src=image.url, alt=image.alt, width=image.width, height=image.height)}/>"
    )
    if image.caption is not None:
        img += f"<figcaption>{escape(image.caption, quote=False)}</figcaption>"
    if image.credit is not None:
        img += f"<small>{escape(image.credit, quote=False)}</small>"
    return f"<figure>{img}</figure>"


# --- reading ----------------------------------------------------------------------------------


def loads(data: str | bytes) -> Article:
    """Read an article from a ninjs object (``str``, or UTF-8/16/32 ``bytes``).

    Raises:
        ParseError: malformed JSON (with line and column), or an object that is not a ninjs
            text item with a headline.
    """
    tree = parse_json(data)
    return from_dict(tree)


def from_dict(data: object) -> Article:
    """Build an article from a decoded ninjs object.

    An object this module wrote (``profile`` :data:`PROFILE`) is read exactly; any other is
    read leniently (white space tidied, bylines split from ``by`` when no author is listed).

    Raises:
        ParseError: not a ninjs object, or one without a headline; ``error.path`` says where.
    """
    if not isinstance(data, dict):
        raise ParseError(f"expected a ninjs object, got {type(data).__name__}", path="$")
    reader = _Reader(exact=data.get("profile") == PROFILE)
    try:
        return reader.article(data)
    except NewsModelError as error:
        raise ParseError(error.message, path=error.path) from error


class _Reader:
    def __init__(self, *, exact: bool) -> None:
        self.exact = exact

    def text(self, value: object) -> str | None:
        if not isinstance(value, str):
            return None
        if self.exact:
            return value if value.strip() else None
        return clean_text(value)

    def when(self, value: object, key: str) -> dt.datetime | dt.date | None:
        if not isinstance(value, str):
            return None
        try:
            return parse_when(value.strip())
        except ValueError as error:
            if self.exact:
                raise ParseError(str(error), path=f"$.{key}") from error
            return parse_date(value)

    def article(self, doc: Mapping[str, Any]) -> Article:
        headline = self.first_value(doc.get("headlines"), ("main", None)) or self.text(
            doc.get("title")
        )
        if headline is None:
            raise ParseError("the ninjs object has no headline", path="$.headlines")
        alt_ids = {
            item.get("role"): item.get("value")
            for item in _dicts(doc.get("altIds"))
            if isinstance(item.get("value"), str)
        }
        published = self.when(doc.get("firstCreated"), "firstCreated") or self.when(
            doc.get("contentCreated"), "contentCreated"
        )
        modified = self.when(doc.get("versionCreated"), "versionCreated")
        if published is None:
            published, modified = modified, None
        elif modified == published:
            modified = None
        subjects = list(_dicts(doc.get("subjects")))
        genre = next((self.text(g.get("name")) for g in _dicts(doc.get("genres"))), None)
        located = self.text(doc.get("located"))
        return Article(
            headline=headline,
            standfirst=self.first_value(doc.get("descriptions"), ("summary", "abstract", None)),
            body=self.body(doc.get("bodies")),
            bylines=self.bylines(doc),
            dateline=None if located is None else m.Dateline(place=located),
            published=published,
            modified=modified,
            language=self.language(doc.get("language")),
            url=alt_ids.get("url"),
            id=alt_ids.get("id") if self.exact else self.text(doc.get("uri")),
            section=next(
                (self.text(s.get("name")) for s in subjects if s.get("rel") == "section"), None
            ),
            genre=genre,
            keywords=[
                name
                for s in subjects
                if s.get("rel") == "keyword" and (name := self.text(s.get("name")))
            ],
            publisher=self.publisher(doc),
            images=[image for a in _dicts(doc.get("associations")) if (image := self.image(a))],
            rights=self.text(doc.get("copyrightNotice")),
        )

    def first_value(self, items: object, roles: tuple[str | None, ...]) -> str | None:
        """The value of the first item with one of ``roles`` (in order of preference)."""
        candidates = list(_dicts(items))
        for role in roles:
            for item in candidates:
                if item.get("role") == role:
                    value = self.text(item.get("value"))
                    if value is not None:
                        return value
        return next((v for item in candidates if (v := self.text(item.get("value")))), None)

    def language(self, value: object) -> str | None:
        text = self.text(value)
        if text is None or self.exact:
            return text
        tag = text.replace("_", "-")
        return tag if m.LANGUAGE_TAG.match(tag) else None

    def bylines(self, doc: Mapping[str, Any]) -> tuple[Byline, ...]:
        bylines: list[Byline] = []
        for key, kind in (
            ("people", BylineKind.PERSON),
            ("organisations", BylineKind.ORGANIZATION),
        ):
            for party in _dicts(doc.get(key)):
                if party.get("rel") not in _AUTHOR_RELATIONS:
                    continue  # people the story is about, not by
                byline = self.party(party, kind)
                if byline is not None:
                    bylines.append(byline)
        if bylines or self.exact:
            return tuple(bylines)
        by = self.text(doc.get("by"))
        if by is None:
            return ()
        return bylines_from_text(by)

    def party(self, party: Mapping[str, Any], kind: BylineKind) -> Byline | None:
        name = self.text(party.get("name"))
        if name is None:
            return None
        contacts = {
            item.get("type"): item.get("value")
            for item in _dicts(party.get("contactInfo"))
            if isinstance(item.get("value"), str)
        }
        url = party.get("uri") if isinstance(party.get("uri"), str) else contacts.get("web")
        return Byline(name=name, kind=kind, url=url, email=contacts.get("email"))

    def publisher(self, doc: Mapping[str, Any]) -> m.Organization | None:
        for source in _dicts(doc.get("infoSources")):
            name = self.text(source.get("name"))
            if source.get("role") == "publisher" and name is not None:
                uri = source.get("uri")
                return m.Organization(name=name, url=uri if isinstance(uri, str) else None)
        holder = None if self.exact else self.text(doc.get("copyrightHolder"))
        return None if holder is None else m.Organization(name=holder)

    def image(self, association: Mapping[str, Any]) -> m.Image | None:
        if association.get("type") not in ("picture", "graphic"):
            return None
        renditions = list(_dicts(association.get("renditions")))
        original = next((r for r in renditions if r.get("name") == "original"), None)
        if original is None and renditions:
            # The largest rendition stands for the picture.
            original = max(renditions, key=lambda r: lenient_count(r.get("width")) or 0)
        url = original.get("href") if original is not None else None
        if not isinstance(url, str):
            url = association.get("uri")
        if not isinstance(url, str) or not url.strip():
            return None
        descriptions = {
            item.get("role"): item.get("value") for item in _dicts(association.get("descriptions"))
        }
        caption = descriptions.get("caption", None if self.exact else descriptions.get(None))
        return m.Image(
            url=url,
            caption=self.text(caption),
            credit=self.text(association.get("by")),
            alt=self.text(descriptions.get("alt")),
            width=lenient_count(original.get("width")) if original is not None else None,
            height=lenient_count(original.get("height")) if original is not None else None,
        )

    # -- bodies ----------------------------------------------------------------------------

    def body(self, bodies: object) -> tuple[m.Block, ...]:
        items = [item for item in _dicts(bodies) if isinstance(item.get("value"), str)]
        marked_up = [item for item in items if "html" in str(item.get("contentType", ""))]
        for item in marked_up:
            blocks = self.markup(item["value"], xhtml="xhtml" in str(item.get("contentType")))
            if blocks:
                return blocks
        for item in items:
            text = item["value"]
            if self.exact:
                return tuple(m.Paragraph(text=line) for line in text.split("\n") if line.strip())
            lines = (clean_text(line) for line in text.splitlines())
            return tuple(m.Paragraph(text=line) for line in lines if line)
        return ()

    def markup(self, value: str, *, xhtml: bool) -> tuple[m.Block, ...]:
        root: etree._Element | None = None
        if xhtml:
            try:
                root = etree.fromstring(f'<div xmlns="{_XHTML}">{value}</div>', _XML_PARSER)
            except etree.XMLSyntaxError as error:
                if self.exact:
                    message = f"the XHTML body is not well-formed: {error}"
                    raise ParseError(message, path="$.bodies") from error
        if root is None:
            try:
                root = lxml.html.fromstring(value)
            except (etree.ParserError, ValueError):
                return ()
        return tuple(self.blocks(root))

    def blocks(self, element: etree._Element) -> Iterator[m.Block]:
        for child in element:
            tag = _tag(child)
            if tag in _SKIPPED_TAGS or not isinstance(tag, str):
                continue
            block = self.block(child, tag)
            if block is not None:
                yield block
            elif tag in _CONTAINER_TAGS:
                yield from self.blocks(child)

    def block(self, element: etree._Element, tag: str) -> m.Block | None:
        if tag == "p":
            return self.paragraph(element)
        if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            text = self.inner(element)
            return None if text is None else m.Heading(text=text, level=int(tag[1]))
        if tag == "blockquote":
            paragraphs = [t for p in element if _tag(p) == "p" and (t := self.inner(p))]
            if not paragraphs:
                text = self.inner(element)
                paragraphs = [text] if text else []
            footer = next((f for f in element if _tag(f) in ("footer", "cite")), None)
            if not paragraphs:
                return None
            return m.BlockQuote(
                paragraphs=paragraphs,
                cite=element.get("cite"),
                source=None if footer is None else self.inner(footer),
            )
        if tag in ("ul", "ol"):
            items = [t for li in element if _tag(li) == "li" and (t := self.inner(li))]
            return m.ListBlock(items=items, ordered=tag == "ol") if items else None
        if tag == "figure":
            img = next((e for e in element.iter() if _tag(e) == "img"), None)
            src = img.get("src") if img is not None else None
            if img is None or not src:
                return None
            caption = next((e for e in element if _tag(e) == "figcaption"), None)
            credit = next((e for e in element if _tag(e) == "small"), None)
            return m.Figure(
                image=m.Image(
                    url=src,
                    alt=self.text(img.get("alt")),
                    width=lenient_count(img.get("width")),
                    height=lenient_count(img.get("height")),
                    caption=None if caption is None else self.inner(caption),
                    credit=None if credit is None else self.inner(credit),
                )
            )
        return None

    def inner(self, element: etree._Element) -> str | None:
        return self.text(_all_text(element))

    def paragraph(self, element: etree._Element) -> m.Paragraph | None:
        if not self.exact:
            text = self.inner(element)
            return None if text is None else m.Paragraph(text=text)
        parts: list[str] = [element.text or ""]
        start = len(parts[0])  # where the next child's text begins
        links: list[m.Link] = []
        for child in element:
            inner = _all_text(child)
            parts.append(inner)
            if _tag(child) == "a" and inner and child.get("href"):
                end = start + len(inner)
                links.append(
                    m.Link(
                        start=start, end=end, url=child.get("href", ""), title=child.get("title")
                    )
                )
            parts.append(child.tail or "")
            start += len(inner) + len(parts[-1])
        text = "".join(parts)
        return m.Paragraph(text=text, links=links) if text.strip() else None


def _tag(element: etree._Element) -> str | None:
    """An element's local name in lower case; ``None`` for a comment or processing instruction."""
    tag: object = element.tag
    if not isinstance(tag, str):
        return None
    return etree.QName(tag).localname.lower()


def _all_text(element: etree._Element) -> str:
    return "".join(str(text) for text in element.itertext())


def _dicts(value: object) -> Iterator[Mapping[str, Any]]:
    if isinstance(value, list):
        yield from (item for item in value if isinstance(item, dict))
