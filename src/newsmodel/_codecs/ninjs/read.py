"""Reading ninjs 3.1 into articles: the reader behind :mod:`newsmodel.ninjs`."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from typing import Any

from lxml import etree

from ... import _model as m
from ..._converter import parse_when
from ..._extract.common.bylines import bylines_from_text
from ..._extract.common.cleantext import clean_text
from ..._extract.common.counts import lenient_count
from ..._extract.common.dates import parse_date
from ..._model import Article, Byline, BylineKind
from ...errors import NewsModelError, ParseError
from ..jsontext import load_json
from ..limits import DEFAULT_MAX_BYTES
from ..markup import MarkupReader, html_blocks
from .write import PROFILE

__all__ = ["from_dict", "loads", "loads_all", "sniff"]


_XHTML = "http://www.w3.org/1999/xhtml"
_SNIFF = re.compile(rb'^(?:\xef\xbb\xbf)?\s*\{[\s\S]*"(?:headlines|bodies|versionCreated)"')
_AUTHOR_RELATIONS = frozenset({"author", "creator", "writer", "contributor", "byline", "by"})
#: A parser that never resolves entities or fetches anything.
_XML_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
)


def sniff(head: bytes) -> bool:
    """Whether the first bytes of an input look like a ninjs object."""
    return (
        _SNIFF.match(head) is not None
        and b'"uri"' in head
        and b'"@context"' not in head
        and b'"newsmodel"' not in head
    )


def loads(data: str | bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Read an article from a ninjs object (``str``, or UTF-8/16/32 ``bytes``).

    Args:
        data: The document.
        max_bytes: The largest input accepted (characters for ``str``).

    Raises:
        ParseError: malformed JSON (with line and column), an object that is not a ninjs
            text item with a headline, or an input over ``max_bytes``.
    """
    return from_dict(load_json(data, max_bytes))


def loads_all(data: str | bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[Article, ...]:
    """Every article of a ninjs document: a ninjs object is one item.

    Raises:
        ParseError: as :func:`loads`.
    """
    return (loads(data, max_bytes=max_bytes),)


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
            _name(item.get("role")): item.get("value")
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
                if _name(party.get("rel")) not in _AUTHOR_RELATIONS:
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
            _name(item.get("type")): item.get("value")
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
        if _name(association.get("type")) not in ("picture", "graphic"):
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
            _name(item.get("role")): item.get("value")
            for item in _dicts(association.get("descriptions"))
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
        if xhtml:
            try:
                root = etree.fromstring(f'<div xmlns="{_XHTML}">{value}</div>', _XML_PARSER)
            except etree.XMLSyntaxError as error:
                if self.exact:
                    message = f"the XHTML body is not well-formed: {error}"
                    raise ParseError(message, path="$.bodies") from error
            else:
                return MarkupReader(exact=self.exact).blocks(root)
        return html_blocks(value)


def _name(value: object) -> str | None:
    """A role, relation or type as a dictionary key: partners send lists and objects there too."""
    return value if isinstance(value, str) else None


def _dicts(value: object) -> Iterator[Mapping[str, Any]]:
    if isinstance(value, list):
        yield from (item for item in value if isinstance(item, dict))
