"""NITF documents: reading 2.x-3.6, with or without the 2006 namespace, and NITF's names.

Shared by the NITF codec (:mod:`newsmodel.nitf`) and NewsML 1, whose content items carry NITF.

Documents newsmodel wrote (``head/meta[@name="generator"]``) are read exactly: texts as
written, every field from the place the writer put it. Others' documents are read leniently:
white space tidied, double-encoding repaired, each field from the first place that has it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from lxml import etree

from .. import _guesses
from .._model import (
    LANGUAGE_TAG,
    Article,
    Block,
    Byline,
    BylineKind,
    Correction,
    Dateline,
    Organization,
    Paragraph,
)
from ..errors import GuessWarning, InvalidArticleError, ParseError
from .compact_dates import parse_norm
from .markup import MarkupReader, local, tidy
from .printed import credits, printed_dateline

__all__ = ["GENERATOR", "NITF", "VERSION", "is_nitf", "n", "read_document", "strip_namespace"]

#: NITF 3.6's namespace (3.5 and earlier, and many 3.x files, have none).
NITF = "http://iptc.org/std/NITF/2006-10-18/"
VERSION = "-//IPTC//DTD NITF 3.6//EN"
#: ``head/meta[@name="generator"]/@content`` of documents newsmodel wrote: they are read exactly.
GENERATOR = "newsmodel"
_PREFIX = f"{{{NITF}}}"


def n(name: str) -> str:
    """An element name in NITF 3.6's namespace."""
    return f"{_PREFIX}{name}"


def strip_namespace(root: etree._Element) -> etree._Element:
    """Rename the NITF-namespace elements of a freshly parsed tree to their bare names, so
    that NITF with and without the namespace is read by the same paths."""
    for element in root.iter(f"{_PREFIX}*"):
        element.tag = element.tag[len(_PREFIX) :]
    return root


def is_nitf(element: etree._Element) -> bool:
    return local(element) == "nitf"


def read_document(root: etree._Element) -> Article:
    """The article of an ``nitf`` element (namespaced or not).

    Raises:
        ParseError: the document breaks the model (the error says where).
    """
    strip_namespace(root)
    meta = root.find("head/meta[@name='generator']")
    exact = meta is not None and meta.get("content") == GENERATOR
    try:
        return (_Exact(root) if exact else _Lenient(root)).article()
    except InvalidArticleError as error:
        raise ParseError(error.message, path=error.path, line=_line(root)) from error


def _line(element: etree._Element) -> int | None:
    line: object = element.sourceline
    return line if isinstance(line, int) else None


class _Document:
    """What both readings share: where each field lives."""

    def __init__(self, root: etree._Element) -> None:
        self.root = root
        self.head = root.find("head")
        self.docdata = root.find("head/docdata")
        self.pubdata = root.find("head/pubdata")
        self.body_head = root.find("body/body.head")

    def article(self) -> Article:
        fields: dict[str, Any] = {
            "headline": self.headline(),
            "standfirst": self.standfirst(),
            "body": self.body(),
            "bylines": self.bylines(),
            "dateline": self.dateline(),
            "published": self.published(),
            "modified": self.modified(),
            "language": self.language(),
            "url": self.url(),
            "id": self.id(),
            "section": self.section(),
            "genre": self.text(self.root.find("head/tobject"), "tobject.type"),
            "keywords": self.keywords(),
            "publisher": self.publisher(),
            "rights": self.rights(),
            "corrections": self.corrections(),
        }
        return Article(**fields)

    # overridden by each reading
    def clean(self, text: str | None) -> str | None:
        raise NotImplementedError

    def text(self, element: etree._Element | None, attribute: str | None = None) -> str | None:
        if element is None:
            return None
        if attribute is not None:
            return self.clean(element.get(attribute))
        return self.clean("".join(t for t in element.itertext() if isinstance(t, str)))

    def headline(self) -> str:
        raise NotImplementedError

    def standfirst(self) -> str | None:
        abstract = self.find_head("abstract")
        if abstract is None:
            return None
        paragraphs = [self.text(p) for p in abstract.iter("p")] or [self.text(abstract)]
        return self.clean(" ".join(p for p in paragraphs if p)) if any(paragraphs) else None

    def find_head(self, name: str) -> etree._Element | None:
        return None if self.body_head is None else self.body_head.find(name)

    def body(self) -> tuple[Block, ...]:
        raise NotImplementedError

    def bylines(self) -> tuple[Byline, ...]:
        raise NotImplementedError

    def dateline(self) -> Dateline | None:
        raise NotImplementedError

    def when(self, element: etree._Element | None, attribute: str) -> dt.datetime | dt.date | None:
        if element is None:
            return None
        return parse_norm(element.get(attribute))

    def published(self) -> dt.datetime | dt.date | None:
        return self.when(self.root.find("head/docdata/date.issue"), "norm")

    def modified(self) -> dt.datetime | dt.date | None:
        revisions = self.root.findall("head/revision-history")
        return self.when(revisions[-1], "norm") if revisions else None

    def language(self) -> str | None:
        tag = self.root.get("baselang")
        return tag if tag and LANGUAGE_TAG.match(tag) else None

    def url(self) -> str | None:
        return self.text(self.pubdata, "ex-ref")

    def id(self) -> str | None:
        return self.text(self.root.find("head/docdata/doc-id"), "id-string")

    def section(self) -> str | None:
        return self.text(self.pubdata, "position.section")

    def keywords(self) -> tuple[str, ...]:
        keys = (self.text(k, "key") for k in self.root.iterfind("head/docdata/key-list/keyword"))
        return tuple(key for key in keys if key)

    def publisher(self) -> Organization | None:
        name = self.text(self.pubdata, "name")
        return Organization(name=name) if name else None

    def rights(self) -> str | None:
        return self.text(self.root.find("head/docdata/doc.copyright"), "holder")

    def corrections(self) -> tuple[Correction, ...]:
        texts = (
            self.text(element, "info") for element in self.root.iterfind("head/docdata/correction")
        )
        return tuple(Correction(text=text) for text in texts if text)


class _Exact(_Document):
    """A document newsmodel wrote: every text exactly as written."""

    def clean(self, text: str | None) -> str | None:
        return text or None

    def headline(self) -> str:
        hl1 = self.root.find("body/body.head/hedline/hl1")
        if hl1 is None or not (text := self.text(hl1)):
            raise ParseError("the document has no headline", path="body.head/hedline/hl1")
        return text

    def bylines(self) -> tuple[Byline, ...]:
        if self.body_head is None:
            return ()
        return tuple(self.byline(element) for element in self.body_head.iterfind("byline"))

    def byline(self, element: etree._Element) -> Byline:
        fields: dict[str, Any] = {}
        organization = element.get("class") == "organization"
        if organization:
            fields["kind"] = BylineKind.ORGANIZATION
        for child in element:
            name = child.tag
            org = child.find("org")
            if name == "person":
                fields["name"] = child.text or ""
            elif name == "byttl" and org is not None:
                key = "affiliation" if org.get("class") == "affiliation" else "name"
                fields[key] = org.text or ""
            elif name == "byttl":
                fields["role"] = child.text
            elif name == "virtloc" and child.get("class") in ("email", "url"):
                fields[child.get("class", "")] = child.text
        if "name" not in fields:
            raise ParseError(
                "a byline names no one (no <person> or <byttl><org>)",
                path="body.head/byline",
                line=_line(element),
            )
        return Byline(**fields)

    def dateline(self) -> Dateline | None:
        element = self.find_head("dateline")
        if element is None:
            return None
        place = element.find("location")
        date = element.find("story.date")
        day = parse_norm(date.get("norm")) if date is not None else None
        return Dateline(
            place=place.text if place is not None else None,
            date=day if isinstance(day, dt.date) and not isinstance(day, dt.datetime) else None,
            agency=self.text(self.root.find("body/body.head/distributor/org")),
        )

    def body(self) -> tuple[Block, ...]:
        content = self.root.find("body/body.content")
        return () if content is None else MarkupReader(exact=True).blocks(content)


class _Lenient(_Document):
    """Someone else's NITF: each field from the first place that has it."""

    def clean(self, text: str | None) -> str | None:
        return tidy(text)

    def headline(self) -> str:
        for path in (
            "body/body.head/hedline/hl1",
            "head/title",
            "body/body.head/hedline/hl2",
            "head/docdata/du-key",
        ):
            element = self.root.find(path)
            text = self.text(element, "key" if path.endswith("du-key") else None)
            if text:
                return text
        name = self.id() or "untitled"
        _guesses.warn(
            f"the NITF document has no hl1, title or du-key; named it {name!r}",
            GuessWarning,
            stacklevel=4,
        )
        return name

    def standfirst(self) -> str | None:
        abstract = super().standfirst()
        if abstract:
            return abstract
        subheads = self.root.findall("body/body.head/hedline/hl2")
        return self.clean(" ".join(filter(None, map(self.text, subheads)))) if subheads else None

    def bylines(self) -> tuple[Byline, ...]:
        found: list[Byline] = []
        if self.body_head is None:
            return ()
        for element in self.body_head.iterfind("byline"):
            found.extend(self.byline(element))
        return tuple(found)

    def byline(self, element: etree._Element) -> tuple[Byline, ...]:
        people = [text for person in element.iterfind("person") if (text := self.text(person))]
        titles = [text for title in element.iterfind("byttl") if (text := self.text(title))]
        if people:
            role = ", ".join(titles) or None
            return tuple(Byline(name=name, role=role) for name in people)
        printed = self.text(element)
        if not printed:
            return ()
        return credits(printed)

    def dateline(self) -> Dateline | None:
        element = self.find_head("dateline")
        if element is None:
            return None
        story_date = element.find("story.date")
        day = None
        if story_date is not None:
            when = parse_norm(story_date.get("norm"), warn=False)
            day = when.date() if isinstance(when, dt.datetime) else when
        location = element.find("location")
        printed = printed_dateline(_without_date(element))
        place = self.text(location) if location is not None else None
        place = place or (printed.place if printed is not None else None)
        agency = self.text(self.root.find("body/body.head/distributor"))
        agency = agency or (printed.agency if printed is not None else None)
        if not (place or day or agency):
            return None
        return Dateline(place=place, date=day, agency=agency)

    def published(self) -> dt.datetime | dt.date | None:
        issued = super().published()
        if issued is not None:
            return issued
        for pubdata in self.root.iterfind("head/pubdata"):
            when = self.when(pubdata, "date.publication")
            if when is not None:
                return when
        return None

    def language(self) -> str | None:
        for element in (self.root, self.root.find("body"), self.root.find("head")):
            if element is None:
                continue
            for attribute in ("baselang", "{http://www.w3.org/XML/1998/namespace}lang"):
                tag = (element.get(attribute) or "").strip().replace("_", "-")
                if tag and LANGUAGE_TAG.match(tag):
                    return tag
        return None

    def url(self) -> str | None:
        for pubdata in self.root.iterfind("head/pubdata"):
            url = self.text(pubdata, "ex-ref")
            if url and url.startswith(("http:", "https:")):
                return url
        return None

    def id(self) -> str | None:
        return super().id() or self.clean(self.root.get("uno"))

    def section(self) -> str | None:
        section = super().section()
        if section:
            return section
        subject = self.root.find("head/tobject/tobject.subject")
        return self.text(subject, "tobject.subject.type")

    def keywords(self) -> tuple[str, ...]:
        keys = list(super().keywords())
        for subject in self.root.iterfind("head/tobject/tobject.subject"):
            for attribute in ("tobject.subject.matter", "tobject.subject.detail"):
                text = self.text(subject, attribute)
                if text and text not in keys:
                    keys.append(text)
        return tuple(keys)

    def rights(self) -> str | None:
        copyright_ = self.root.find("head/docdata/doc.copyright")
        holder = self.text(copyright_, "holder")
        year = self.text(copyright_, "year")
        if holder:
            return holder if not year or year in holder else f"© {year} {holder}"
        copyrite = self.root.find(".//copyrite")
        return self.text(copyrite)

    def body(self) -> tuple[Block, ...]:
        blocks: list[Block] = []
        reader = MarkupReader()
        for content in self.root.iterfind("body/body.content"):
            blocks.extend(reader.blocks(content))
        tagline = self.root.find("body/body.end/tagline")
        text = self.text(tagline)
        if text:
            blocks.append(Paragraph(text=text))
        return tuple(blocks)


def _without_date(dateline: etree._Element) -> str:
    """A dateline's text without its ``story.date`` (whose ``norm`` gives the day whole)."""
    parts = [dateline.text or ""]
    for child in dateline:
        # A comment or processing instruction adds no text (and lxml will not walk one).
        if isinstance(child.tag, str) and child.tag != "story.date":
            parts.extend(text for text in child.itertext() if isinstance(text, str))
        parts.append(child.tail or "")
    return "".join(parts)
