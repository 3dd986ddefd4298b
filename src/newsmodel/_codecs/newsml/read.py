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
from ...errors import GuessWarning, InvalidArticleError, ParseError
from ..markup import MarkupReader
from .ext import read_fields, read_object, xml_path
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
    extra = item.find(f"{nar('contentMeta')}/{nm('article')}")
    if extra is not None:
        carried = extra.find(nm("json"))
        if carried is not None:
            try:
                return nm_json.loads(carried.text or "")
            except ParseError as error:
                # The JSON reader's path and line are inside the element's text: keep the
                # path under the element's, and give the line the element has in the item.
                error.line, error.column = source_line(carried), None
                raise error.with_path_prefix(f"{xml_path(carried)} $") from None
    try:
        return _Reader(item, extra).article()
    except InvalidArticleError as error:
        raise ParseError(error.message, path=error.path, line=source_line(item)) from error


class _Reader:
    """Reads one newsItem: exactly when newsmodel wrote it, leniently otherwise."""

    def __init__(self, item: etree._Element, extra: etree._Element | None) -> None:
        self.item = item
        self.extra = extra
        self.exact = extra is not None
        self.meta = item.find(nar("itemMeta"))
        self.content = item.find(nar("contentMeta"))

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

    def findall(self, parent: etree._Element | None, path: str) -> list[etree._Element]:
        return [] if parent is None else parent.findall(path)

    def article(self) -> Article:
        fields: dict[str, Any] = {
            "headline": self.headline(),
            "standfirst": self.text_of(
                self.find(self.content, nar("description[@role='drol:summary']"))
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
                self.find(self.item, f"{nar('rightsInfo')}/{nar('copyrightNotice')}")
            ),
        }
        fields.update(self.dates())
        if self.extra is not None:
            if self.extra.get("generatedGuid") == "true":
                fields["id"] = None
            fields.update(
                read_fields(
                    self.extra, Article, ("url", "section", "quotes", "comments", "corrections")
                )
            )
        return Article(**fields)

    def headline(self) -> str:
        if self.exact:
            headline = self.find(self.content, nar("headline"))
            if headline is None:
                raise ParseError("the item has no headline", path="contentMeta/headline")
            return _joined(headline)
        candidates = [
            self.find(self.content, nar("headline")),
            self.find(self.content, nar("slugline")),
            self.find(self.meta, nar("title")),
            self.find(self.content, nar("description")),
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
        created = self.when(self.find(self.content, nar("contentCreated")))
        modified = self.when(self.find(self.content, nar("contentModified")))
        if self.exact:
            return {"published": created, "modified": modified}
        published = self.when(self.find(self.meta, nar("firstCreated"))) or created
        version = self.when(self.find(self.meta, nar("versionCreated")))
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
        language = self.find(self.content, nar("language"))
        tag = language.get("tag") if language is not None else None
        if tag is None and not self.exact:
            tag = self.item.get(XML_LANG)
        return tag if tag and LANGUAGE_TAG.match(tag) else None

    def genre(self) -> str | None:
        genre = self.find(self.content, nar("genre"))
        if genre is None:
            return None
        name = self.text_of(genre.find(nar("name")))
        if name or self.exact:
            return name
        code = (genre.get("qcode") or "").partition(":")[2]
        return code or None

    def keywords(self) -> tuple[str, ...]:
        texts = (self.text_of(keyword) for keyword in self.findall(self.content, nar("keyword")))
        return tuple(text for text in texts if text)

    def bylines(self) -> tuple[Byline, ...]:
        creators = self.findall(self.content, nar("creator"))
        if self.exact:
            return tuple(
                read_object(exact, Byline)
                for creator in creators
                if (exact := creator.find(nm("byline"))) is not None
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
            by = self.text_of(self.find(self.content, nar("by")))
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
        dateline = self.find(self.content, nar("dateline"))
        if self.exact:
            exact = dateline.find(nm("dateline")) if dateline is not None else None
            return read_object(exact, Dateline) if exact is not None else None
        place = self.text_of(self.find(self.content, f"{nar('located')}/{nar('name')}"))
        place = place or self.text_of(dateline)
        return Dateline(place=place) if place else None

    def publisher(self) -> Organization | None:
        provider = self.find(self.meta, nar("provider"))
        if provider is None:
            return None
        if self.exact:
            exact = provider.find(nm("publisher"))
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
        for link in self.findall(self.meta, nar("link")):
            if link.get("rel") != "irel:associatedWith":
                continue
            exact = link.find(nm("image"))
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
        content = self.item.find(f"{nar('contentSet')}/{nar('inlineXML')}")
        if content is None:
            return ()
        root = content
        html_body = content.find(f"{xh('html')}/{xh('body')}")
        nitf_body = content.find(f"{{{NITF}}}nitf/{{{NITF}}}body/{{{NITF}}}body.content")
        if html_body is not None:
            root = html_body
        elif nitf_body is not None:
            root = nitf_body
        elif len(content) == 1 and local(content[0]) in ("html", "body", "nitf"):
            root = content[0]
        return MarkupReader(exact=self.exact).blocks(root)


def _own_fields(value: object) -> dict[str, Any]:
    return {name: getattr(value, name) for name in _field_names(type(value))}


def _joined(element: etree._Element) -> str:
    return "".join(str(text) for text in element.itertext())


def _field_names(cls: type[Any]) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(field.name for field in attrs.fields(cls))
    return names


_FIELD_NAMES: dict[type[Any], tuple[str, ...]] = {}
