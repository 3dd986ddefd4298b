"""Reading NewsML-G2 written by anyone: newsItems with XHTML or NITF bodies.

Items newsmodel wrote come back exactly; others keep what maps to the model (see
:mod:`newsmodel.newsml`).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import attrs
from lxml import etree

from ... import _guesses
from ... import json as nm_json
from ..._converter import parse_when
from ..._extract.common.dates import parse_date
from ..._extract.text.encoding import repair_mojibake
from ..._model import (
    LANGUAGE_TAG,
    Article,
    Block,
    Byline,
    BylineKind,
    Dateline,
    Image,
    Organization,
)
from ..._structure import builder
from ...errors import GuessWarning, InvalidArticleError, ParseError
from ..jsontext import parse_json
from ..markup import MarkupReader
from .ext import ARTICLE_FIELDS, read_fields, read_object, xml_path
from .names import NITF, XML_LANG, local, nar, nm, source_line, xh

_ORGANISATION_TYPES = {"cpnat:organisation", "cpnat:organization"}


def news_items(root: etree._Element) -> list[etree._Element]:
    if root.tag == nar("newsItem"):
        return [root]
    if root.tag == nar("newsMessage"):
        items = list(root.iterfind(f"{nar('itemSet')}/{nar('newsItem')}"))
        packages = root.findall(f"{nar('itemSet')}/{nar('packageItem')}")
        if not items and packages:
            raise _package_refused(packages)
        return items
    if root.tag == nar("packageItem"):
        raise _package_refused([root])
    name = etree.QName(root).localname
    if root.tag in {nar(other) for other in _OTHER_ITEMS}:
        raise ParseError(
            f"a NewsML-G2 {name} describes {_OTHER_ITEMS[name]}, not an article;"
            " only newsItems hold articles",
            line=source_line(root),
        )
    raise ParseError(
        f"not NewsML-G2: the root element is <{name}>, not a newsItem or newsMessage",
        line=source_line(root),
    )


#: The NewsML-G2 items that are not news, and what they hold instead.
_OTHER_ITEMS = {
    "conceptItem": "a concept",
    "knowledgeItem": "a set of concepts",
    "planningItem": "planned coverage",
    "catalogItem": "a catalogue of schemes",
}


def _package_refused(packages: list[etree._Element]) -> ParseError:
    """A package lists items by reference; say which, since they are what holds articles."""
    references = [
        reference
        for package in packages
        for ref in package.iter(nar("itemRef"))
        if (reference := ref.get("residref") or ref.get("href"))
    ]
    shown = ", ".join(references[:5]) + (
        f" and {len(references) - 5} more" if len(references) > 5 else ""
    )
    listed = f"the {len(references)} items it references ({shown})" if references else "no item"
    return ParseError(
        f"a NewsML-G2 packageItem holds no article itself, and this document carries none of"
        f" {listed}: read those newsItems, or a newsMessage that carries them inline",
        line=source_line(packages[0]),
    )


def read_item(item: etree._Element) -> Article:
    reader = _Reader(item)
    carried = _first(reader.extra, _JSON)
    if carried is not None:
        try:
            return nm_json.from_dict(parse_json(carried.text or "", lone_surrogates=True))
        except ParseError as error:
            # The JSON reader's path and line are inside the element's text: keep the path
            # under the element's, and give the line the element has in the item.
            error.line, error.column = source_line(carried), None
            raise error.with_path_prefix(f"{xml_path(carried)} $") from None
    try:
        return reader.article()
    except InvalidArticleError as error:
        raise ParseError(error.message, path=error.path, line=source_line(item)) from error


_JSON = nm("json")
# The article is built from values typed here, without the checks of their types.
_article = builder(Article)
_ARTICLE_DEFAULTS = {
    field.name: field.default
    for field in attrs.fields(Article)
    if field.default is not attrs.NOTHING
}
_NOTHING: tuple[etree._Element, ...] = ()


def _children(parent: etree._Element | None) -> dict[object, list[etree._Element]]:
    """The children of ``parent`` by tag, in order: one walk instead of a search per field."""
    found: dict[object, list[etree._Element]] = {}
    if parent is not None:
        for child in parent:
            tag = child.tag
            if tag in found:
                found[tag].append(child)
            else:
                found[tag] = [child]
    return found


class _Reader:
    """Reads one newsItem: exactly when newsmodel wrote it, leniently otherwise."""

    def __init__(self, item: etree._Element) -> None:
        self.item = item
        self.item_children = _children(item)
        self.meta = self.child(self.item_children, nar("itemMeta"))
        self.content = self.child(self.item_children, nar("contentMeta"))
        self.meta_children = _children(self.meta)
        self.content_children = _children(self.content)
        self.extra = self.child(self.content_children, nm("article"))
        self.exact = self.extra is not None

    @staticmethod
    def child(children: dict[object, list[etree._Element]], tag: str) -> etree._Element | None:
        """The first child named ``tag`` (of the element whose ``children`` these are)."""
        found = children.get(tag)
        return found[0] if found else None

    def in_content(self, tag: str) -> etree._Element | None:
        return self.child(self.content_children, tag)

    def in_meta(self, tag: str) -> etree._Element | None:
        return self.child(self.meta_children, tag)

    def clean(self, text: str | None) -> str | None:
        """Text as the model holds it: exact for our own items, white space tidied otherwise."""
        if text is None:
            return None
        if not self.exact:
            text = repair_mojibake(" ".join(text.split()))
        return text or None

    def text_of(self, element: etree._Element | None) -> str | None:
        if element is None:
            return None
        return self.clean(_joined(element))

    def find(self, parent: etree._Element | None, path: str) -> etree._Element | None:
        return None if parent is None else parent.find(path)

    def article(self) -> Article:
        fields: dict[str, Any] = {
            "headline": self.headline(),
            "standfirst": self.text_of(
                next(
                    (
                        description
                        for description in self.content_children.get(nar("description"), ())
                        if description.get("role") == "drol:summary"
                    ),
                    None,
                )
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
                _first(self.child(self.item_children, nar("rightsInfo")), nar("copyrightNotice"))
            ),
        }
        fields.update(self.dates())
        if self.extra is not None:
            if self.extra.get("generatedGuid") == "true":
                fields["id"] = None
            fields.update(read_fields(self.extra, Article, ARTICLE_FIELDS))
        article: Article = _article(**{**_ARTICLE_DEFAULTS, **fields})
        return article

    def headline(self) -> str:
        if self.exact:
            headline = self.in_content(nar("headline"))
            if headline is None:
                raise ParseError("the item has no headline", path="contentMeta/headline")
            return _joined(headline)
        candidates = [
            self.in_content(nar("headline")),
            self.in_content(nar("slugline")),
            self.in_meta(nar("title")),
            self.in_content(nar("description")),
            self.item.find(f".//{{{NITF}}}hl1"),
        ]
        for candidate in candidates:
            text = self.text_of(candidate)
            if text:
                return text
        # Every newsItem has a guid; an item without any title-like text is named by it.
        guid = self.item.get("guid") or "untitled"
        _guesses.warn(
            f"the item has no headline, slugline, title or description; named it {guid!r}",
            GuessWarning,
            stacklevel=2,
        )
        return guid

    def dates(self) -> dict[str, dt.date | None]:
        created = self.when(self.in_content(nar("contentCreated")))
        modified = self.when(self.in_content(nar("contentModified")))
        if self.exact:
            return {"published": created, "modified": modified}
        published = self.when(self.in_meta(nar("firstCreated"))) or created
        version = self.when(self.in_meta(nar("versionCreated")))
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
                raise ParseError(str(error), line=source_line(element)) from error
        # Others' items: a time without a zone keeps its day (with a GuessWarning), as on web
        # pages; a year or a month alone is no model value.
        return parse_date(element.text.strip())

    def language(self) -> str | None:
        language = self.in_content(nar("language"))
        tag = language.get("tag") if language is not None else None
        if tag is None and not self.exact:
            tag = self.item.get(XML_LANG)
        return tag if tag and LANGUAGE_TAG.match(tag) else None

    def genre(self) -> str | None:
        genre = self.in_content(nar("genre"))
        if genre is None:
            return None
        name = self.text_of(genre.find(nar("name")))
        if name or self.exact:
            return name
        code = (genre.get("qcode") or "").partition(":")[2]
        return code or None

    def keywords(self) -> tuple[str, ...]:
        texts = (
            self.text_of(keyword) for keyword in self.content_children.get(nar("keyword"), _NOTHING)
        )
        return tuple(text for text in texts if text)

    def bylines(self) -> tuple[Byline, ...]:
        creators = self.content_children.get(nar("creator"), _NOTHING)
        if self.exact:
            return tuple(
                read_object(exact, Byline)
                for creator in creators
                if (exact := _first(creator, nm("byline"))) is not None
            )
        bylines = []
        for creator in creators:
            name = self.text_of(creator.find(nar("name"))) or self.clean(creator.get("literal"))
            if not name:
                continue
            kind = (
                BylineKind.ORGANIZATION
                if creator.get("type") in _ORGANISATION_TYPES
                else BylineKind.PERSON
            )
            url = creator.get("uri")
            email = self.text_of(creator.find(f".//{nar('email')}"))
            affiliation = self.text_of(
                creator.find(f"{nar('personDetails')}/{nar('affiliation')}/{nar('name')}")
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
            by = self.text_of(self.in_content(nar("by")))
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
        dateline = self.in_content(nar("dateline"))
        if self.exact:
            exact = _first(dateline, nm("dateline"))
            return read_object(exact, Dateline) if exact is not None else None
        place = self.text_of(self.find(self.content, f"{nar('located')}/{nar('name')}"))
        place = place or self.text_of(dateline)
        return Dateline(place=place) if place else None

    def publisher(self) -> Organization | None:
        provider = self.in_meta(nar("provider"))
        if provider is None:
            return None
        if self.exact:
            exact = _first(provider, nm("publisher"))
            return read_object(exact, Organization) if exact is not None else None
        name = self.text_of(provider.find(nar("name")))
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
        for link in self.meta_children.get(nar("link"), _NOTHING):
            if link.get("rel") != "irel:associatedWith":
                continue
            exact = _first(link, nm("image"))
            if exact is not None:
                images.append(read_object(exact, Image))
            elif (
                not self.exact
                and (link.get("contenttype") or "").startswith("image/")
                and link.get("href")
            ):
                images.append(Image(url=link.get("href", "")))
        return tuple(images)

    # -- the body

    def body(self) -> tuple[Block, ...]:
        content = _first(self.child(self.item_children, nar("contentSet")), nar("inlineXML"))
        if content is None:
            return ()
        root = _first(_first(content, _XHTML_ROOT), _XHTML_BODY)
        if root is None:
            root = content.find(_NITF_BODY)
        if root is None:
            only = len(content) == 1 and local(content[0]) in ("html", "body", "nitf")
            root = content[0] if only else content
        return MarkupReader(exact=self.exact).blocks(root)


_XHTML_ROOT, _XHTML_BODY = xh("html"), xh("body")
_NITF_BODY = f"{{{NITF}}}nitf/{{{NITF}}}body/{{{NITF}}}body.content"


def _first(parent: etree._Element | None, tag: str) -> etree._Element | None:
    """The first child of ``parent`` named ``tag`` (a search in C, not an ElementPath)."""
    return None if parent is None else next(parent.iterchildren(tag), None)


def _own_fields(value: object) -> dict[str, Any]:
    return {name: getattr(value, name) for name in _field_names(type(value))}


def _joined(element: etree._Element) -> str:
    if not len(element):  # most elements: their text alone
        return element.text or ""
    return "".join(str(text) for text in element.itertext())


def _field_names(cls: type[Any]) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(field.name for field in attrs.fields(cls))
    return names


_FIELD_NAMES: dict[type[Any], tuple[str, ...]] = {}
