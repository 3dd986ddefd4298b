"""One schema.org article node into model values: the reader behind both ``jsonld.loads`` and
the JSON-LD source of ``html.parse``.

A node in a document newsmodel wrote is read *exactly* (``exact=True``): every string as it
is, ``nm:`` extension terms trusted, malformed values an error with their path. Any other node
is read *leniently*, as real pages publish it: white space tidied, HTML entities decoded,
bylines written into author names split, dates in any common form, values that make no sense
skipped.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

import attrs

from ... import _model as m
from ..._converter import parse_when, structure
from ..._model import Article, Byline, BylineKind
from ...errors import NewsModelError, ParseError
from .bylines import BYLINE_IN_NAME, bylines_from_text, is_organization, name_case
from .cleantext import _ENTITY, clean_text, unescape
from .counts import lenient_count
from .dates import structured_date
from .schemaorg import _MAX_DEPTH, PREFIX, Graph, _items, types_of

__all__ = ["NodeReader"]

_ABSOLUTE_URL = re.compile(r"^https?://", re.IGNORECASE)
_PARAGRAPH_BREAK = re.compile(r"\n|\r\n?|<br\s*/?>|</p>")
_ORGANIZATION_TYPES = frozenset(
    {"organization", "newsmediaorganization", "corporation", "governmentorganization",
     "ngo", "educationalorganization", "localbusiness", "onlinebusiness"}
)  # fmt: skip
#: The genre each article subtype implies, when the node names none.
_TYPE_GENRES = {
    "opinionnewsarticle": "opinion",
    "analysisnewsarticle": "analysis",
    "reviewnewsarticle": "review",
    "backgroundnewsarticle": "background",
    "reportagenewsarticle": "reportage",
    "review": "review",
    "askpublicnewsarticle": "ask the public",
    "satiricalarticle": "satire",
    "blogposting": "blog",
    "liveblogposting": "live blog",
}


class NodeReader:
    """Reads article nodes of one graph, exactly or leniently."""

    def __init__(self, graph: Graph, exact: bool) -> None:
        self.graph = graph
        self.exact = exact

    # -- values ----------------------------------------------------------------------------

    def text(self, value: object) -> str | None:
        """A string from a value: a string, the first of a list, a node's name or ``@value``."""
        value = self.graph.resolve(value)
        if isinstance(value, list):
            for item in value:
                text = self.text(item)
                if text is not None:
                    return text
            return None
        if isinstance(value, dict):
            for key in ("@value", "name", "value", "text"):
                if key in value:
                    return self.text(value[key])
            return None
        if isinstance(value, bool):
            return None
        if isinstance(value, (int, float)):
            return None if self.exact else str(value)
        if not isinstance(value, str):
            return None
        if self.exact:
            return value if value.strip() else None
        return clean_text(value)

    def url(self, value: object) -> str | None:
        """A URL: a string, or a node's ``url``, ``contentUrl`` or ``@id``."""
        value = self.graph.resolve(value)
        if isinstance(value, list):
            return next((url for item in value if (url := self.url(item)) is not None), None)
        if isinstance(value, dict):
            for key in ("url", "contentUrl", "@id", "id"):
                url = self.url(value.get(key))
                if url is not None:
                    return url
            return None
        if not isinstance(value, str) or not value.strip():
            return None
        if self.exact:
            return value
        value = value.strip()
        # Templates escape URLs for HTML ("?v&#x3D;1") inside JSON, where nothing decodes them.
        return unescape(value) if "&" in value and _ENTITY.search(value) else value

    def when(self, value: object, key: str) -> dt.datetime | dt.date | None:
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, dict):
            value = value.get("@value")
        if value is None:
            return None
        if self.exact:
            try:
                return parse_when(value)
            except (TypeError, ValueError) as error:
                raise ParseError(str(error), path=f"$.{key}") from error
        return structured_date(value) if isinstance(value, str) else None

    def count(self, value: object) -> int | None:
        if self.exact and isinstance(value, str):
            return None
        return lenient_count(value)

    def extension(self, node: Mapping[str, Any], term: str, kind: Any) -> Any:
        """An ``nm:`` extension value in newsmodel JSON form, as model objects."""
        return structure(node[f"{PREFIX}:{term}"], kind, path=f"$.{PREFIX}:{term}")

    def pending(self, node: Mapping[str, Any], name: str) -> object:
        """A pending schema.org property, or its ``nm:`` stand-in from a ``core_only`` writer."""
        return node.get(name, node.get(f"{PREFIX}:{name}"))

    # -- the article -----------------------------------------------------------------------

    def headline(self, node: Mapping[str, Any]) -> str | None:
        return (
            self.text(node.get("headline"))
            or self.text(node.get("name"))
            or self.text(node.get("alternativeHeadline"))
        )

    def standfirst(self, node: Mapping[str, Any]) -> str | None:
        return self.text(node.get("description")) or (
            None if self.exact else self.text(node.get("abstract"))
        )

    def genre(self, node: Mapping[str, Any]) -> str | None:
        """The ``genre`` the node names, else (read leniently) the one its subtype implies."""
        genre = self.text(node.get("genre"))
        if genre is None and not self.exact:
            types = types_of(node)
            genre = next(
                (_TYPE_GENRES[kind] for kind in sorted(types) if kind in _TYPE_GENRES), None
            )
        return genre

    def authors(self, node: Mapping[str, Any]) -> tuple[Byline, ...]:
        return self.bylines(node.get("author", node.get("creator")))

    def published(self, node: Mapping[str, Any]) -> dt.datetime | dt.date | None:
        return self.when(node.get("datePublished"), "datePublished") or (
            None if self.exact else self.when(node.get("dateCreated"), "dateCreated")
        )

    def modified(self, node: Mapping[str, Any]) -> dt.datetime | dt.date | None:
        return self.when(node.get("dateModified"), "dateModified")

    def comment_total(self, node: Mapping[str, Any]) -> int | None:
        """``commentCount``, else (read leniently) the comment ``interactionStatistic``."""
        total = self.count(node.get("commentCount"))
        if total is None and not self.exact:
            for item in _items(self.graph.resolve(node.get("interactionStatistic"))):
                item = self.graph.resolve(item)
                if isinstance(item, dict) and "comment" in str(item.get("interactionType")).lower():
                    total = self.count(item.get("userInteractionCount"))
        return total

    def rights(self, node: Mapping[str, Any]) -> str | None:
        return self.text(self.pending(node, "copyrightNotice")) or (
            None if self.exact else self.text(node.get("license"))
        )

    def article(self, node: dict[str, Any]) -> Article:
        headline = self.headline(node)
        if headline is None:
            raise ParseError("the article node has no headline", path="$.headline")
        fields: dict[str, Any] = {
            "headline": headline,
            "standfirst": self.standfirst(node),
            "body": self.body(node),
            "bylines": self.authors(node),
            "dateline": self.dateline(node),
            "published": self.published(node),
            "modified": self.modified(node),
            "language": self.language(node.get("inLanguage")),
            "url": self.article_url(node),
            "id": self.text(node.get("identifier")),
            "section": self.text(node.get("articleSection")),
            "genre": self.genre(node),
            "keywords": self.keywords(node.get("keywords")),
            "publisher": self.organization(node.get("publisher")),
            "images": self.images(node.get("image")),
            "quotes": self.quotes(node),
            "comments": self.comment_thread(node),
            "rights": self.rights(node),
            "corrections": self.corrections(node),
        }
        try:
            return Article(**fields)
        except NewsModelError as error:
            raise ParseError(error.message, path=error.path) from error

    def body(self, node: Mapping[str, Any]) -> tuple[m.Block, ...]:
        if self.exact and f"{PREFIX}:body" in node:
            blocks: tuple[m.Block, ...] = self.extension(node, "body", tuple[m.Block, ...])
            return blocks
        text = node.get("articleBody")
        if not isinstance(text, str):
            text = None if self.exact else self.text(node.get("text"))
        if text is None:
            return ()
        if self.exact:
            return tuple(m.Paragraph(text=line) for line in text.split("\n") if line.strip())
        paragraphs = (clean_text(line) for line in _PARAGRAPH_BREAK.split(text))
        return tuple(m.Paragraph(text=line) for line in paragraphs if line)

    def article_url(self, node: Mapping[str, Any]) -> str | None:
        url = self.url(node.get("url"))
        if self.exact:
            return url
        # A page's URL is absolute; a relative one or a "#webpage" id names something else.
        for candidate in (url, self.url(node.get("mainEntityOfPage"))):
            if candidate is not None and _ABSOLUTE_URL.match(candidate):
                return candidate.split("#", 1)[0]
        return None

    def language(self, value: object) -> str | None:
        value = self.graph.resolve(value)
        if isinstance(value, dict):
            value = value.get("alternateName", value.get("name"))
        text = self.text(value)
        if text is None or self.exact:
            return text
        tag = text.strip().replace("_", "-")
        return tag if m.LANGUAGE_TAG.match(tag) else None

    def keywords(self, value: object) -> tuple[str, ...]:
        words: list[str] = []
        for item in _items(value):
            text = self.text(item)
            if text is None:
                continue
            if self.exact and isinstance(value, list):
                words.append(text)
            else:
                words.extend(word.strip() for word in text.split(",") if word.strip())
        if self.exact:
            return tuple(words)
        unique: dict[str, str] = {}
        for word in words:
            unique.setdefault(word.casefold(), word)
        return tuple(unique.values())

    def dateline(self, node: Mapping[str, Any]) -> m.Dateline | None:
        if self.exact and f"{PREFIX}:dateline" in node:
            dateline: m.Dateline = self.extension(node, "dateline", m.Dateline)
            return dateline
        place = self.text(node.get("dateline"))
        return None if place is None else m.Dateline(place=place)

    # -- people ----------------------------------------------------------------------------

    def bylines(self, value: object) -> tuple[Byline, ...]:
        bylines: list[Byline] = []
        for item in _items(value):
            item = self.graph.resolve(item)
            if isinstance(item, str):
                text = self.text(item)
                if text is None or text.startswith(("http://", "https://")):
                    continue
                bylines.extend(bylines_from_text(text))
            elif isinstance(item, dict):
                bylines.extend(self.byline(item))
        return tuple(bylines)

    def byline(self, node: Mapping[str, Any]) -> tuple[Byline, ...]:
        name = self.text(node.get("name"))
        if name is None and not self.exact:
            parts = (self.text(node.get(key)) for key in ("givenName", "familyName"))
            name = " ".join(part for part in parts if part) or None
        if name is None or (not self.exact and name.startswith(("http://", "https://"))):
            return ()
        typed_organization = bool(types_of(node) & _ORGANIZATION_TYPES)
        role = self.text(self.pending(node, "jobTitle")) or self.text(node.get(f"{PREFIX}:role"))
        affiliation = None
        for key in ("affiliation", "parentOrganization", "worksFor"):
            affiliation = affiliation or self.text(node.get(key))
        url = self.url(node.get("url"))
        if url is None and not self.exact:
            url = self.url(node.get("sameAs"))
        email = self.text(node.get("email"))
        if self.exact:
            kind = BylineKind.ORGANIZATION if typed_organization else BylineKind.PERSON
            byline = Byline(
                name=name, kind=kind, role=role, affiliation=affiliation, url=url, email=email
            )
            return (byline,)
        email = None if email is None else email.removeprefix("mailto:")
        if not typed_organization and BYLINE_IN_NAME.search(name):
            split = bylines_from_text(name)
            if len(split) > 1:
                return split
            if split:
                # "By Jane Doe, Reuters": one person, the node's own details filling the gaps.
                found = split[0]
                return (
                    attrs.evolve(
                        found,
                        role=found.role or role,
                        affiliation=found.affiliation or affiliation,
                        url=url,
                        email=found.email or email,
                    ),
                )
        # Sites type agencies as people ("Person": "Reuters"); the name knows better.
        if typed_organization or is_organization(name):
            kind = BylineKind.ORGANIZATION
        else:
            kind, name = BylineKind.PERSON, name_case(name) if " " in name else name
        return (
            Byline(name=name, kind=kind, role=role, affiliation=affiliation, url=url, email=email),
        )

    def organization(self, value: object) -> m.Organization | None:
        value = self.graph.resolve(value)
        if isinstance(value, list):
            value = self.graph.resolve(value[0]) if value else None
        if isinstance(value, str):
            name = self.text(value)
            return None if name is None else m.Organization(name=name)
        if not isinstance(value, dict):
            return None
        name = self.text(value.get("name"))
        if name is None:
            return None
        return m.Organization(
            name=name, url=self.url(value.get("url")), logo=self.url(value.get("logo"))
        )

    # -- media -----------------------------------------------------------------------------

    def images(self, value: object) -> tuple[m.Image, ...]:
        images: list[m.Image] = []
        for item in _items(value):
            item = self.graph.resolve(item)
            if isinstance(item, str):
                url = self.url(item)
                if url is not None:
                    images.append(m.Image(url=url))
            elif isinstance(item, dict):
                image = self.image(item)
                if image is not None:
                    images.append(image)
        return tuple(images)

    def image(self, node: Mapping[str, Any]) -> m.Image | None:
        url = self.url(node.get("url")) or self.url(node.get("contentUrl"))
        if url is None:
            return None
        caption = self.text(node.get("caption"))
        credit = self.text(self.pending(node, "creditText"))
        alt = self.text(node.get("description"))
        if not self.exact:
            # On real pages the description of an image is its caption more often than not.
            caption, alt = caption or alt, None
            credit = credit or self.text(node.get("copyrightHolder"))
            credit = credit or self.text(node.get("author"))
        return m.Image(
            url=url,
            caption=caption,
            credit=credit,
            alt=alt,
            width=self.count(node.get("width")),
            height=self.count(node.get("height")),
        )

    # -- quotes, comments, corrections -----------------------------------------------------

    def quotes(self, node: Mapping[str, Any]) -> tuple[m.Quote, ...]:
        if self.exact and f"{PREFIX}:quotes" in node:
            quotes: tuple[m.Quote, ...] = self.extension(node, "quotes", tuple[m.Quote, ...])
            return quotes
        found: list[m.Quote] = []
        for index, part in enumerate(_items(node.get("hasPart"))):
            part = self.graph.resolve(part)
            if not isinstance(part, dict) or "quotation" not in types_of(part):
                continue
            text = self.text(part.get("text"))
            if self.exact:
                extension = part.get(f"{PREFIX}:quote", {})
                if not isinstance(extension, dict):
                    where = f"$.hasPart[{index}].{PREFIX}:quote"
                    raise ParseError("expected an object", path=where)
                tree = {"text": part.get("text"), **extension}
                found.append(structure(tree, m.Quote, path=f"$.hasPart[{index}]"))
            elif text is not None:
                found.append(m.Quote(text=text, attribution=self.speaker(part)))
        return tuple(found)

    def speaker(self, part: Mapping[str, Any]) -> m.Attribution | None:
        value = self.graph.resolve(part.get("spokenByCharacter", part.get("creator")))
        if isinstance(value, list):
            value = self.graph.resolve(value[0]) if value else None
        name = self.text(value)
        if name is None:
            return None
        kind = m.SourceKind.UNKNOWN
        if isinstance(value, dict):
            types = types_of(value)
            if "person" in types:
                kind = m.SourceKind.PERSON
            elif types & _ORGANIZATION_TYPES:
                kind = m.SourceKind.ORGANIZATION
        return m.Attribution(source=name, kind=kind)

    def comment_thread(self, node: Mapping[str, Any]) -> m.CommentThread | None:
        section = node.get(f"{PREFIX}:commentSection") if self.exact else None
        comments = self.comments(node.get("comment"))
        total = self.comment_total(node)
        url = self.url(node.get("discussionUrl"))
        if section is None and not comments and total is None and url is None:
            return None
        is_open = section.get("open") if isinstance(section, dict) else None
        if is_open is not None and not isinstance(is_open, bool):
            raise ParseError("expected true or false", path=f"$.{PREFIX}:commentSection.open")
        return m.CommentThread(comments=comments, total=total, url=url, open=is_open)

    def comments(self, value: object, depth: int = 0) -> tuple[m.Comment, ...]:
        if depth > _MAX_DEPTH:
            return ()
        found: list[m.Comment] = []
        for item in _items(value):
            item = self.graph.resolve(item)
            if not isinstance(item, dict):
                continue
            text = self.text(item.get("text"))
            if text is None:
                if self.exact:
                    raise ParseError("a comment has no text", path="$.comment")
                continue
            author = self.graph.resolve(item.get("author"))
            if isinstance(author, list):
                author = self.graph.resolve(author[0]) if author else None
            found.append(
                m.Comment(
                    text=text,
                    id=self.text(item.get("identifier")),
                    author=self.text(author),
                    author_url=self.url(author.get("url")) if isinstance(author, dict) else None,
                    published=self.when(item.get("dateCreated"), "comment.dateCreated")
                    or self.when(item.get("datePublished"), "comment.datePublished"),
                    url=self.url(item.get("url")),
                    replies=self.comments(item.get("comment"), depth + 1),
                )
            )
        return tuple(found)

    def corrections(self, node: Mapping[str, Any]) -> tuple[m.Correction, ...]:
        if self.exact and f"{PREFIX}:corrections" in node:
            corrections: tuple[m.Correction, ...] = self.extension(
                node, "corrections", tuple[m.Correction, ...]
            )
            return corrections
        found: list[m.Correction] = []
        for item in _items(self.pending(node, "correction")):
            item = self.graph.resolve(item)
            if isinstance(item, dict):  # a CorrectionComment
                text = self.text(item.get("text"))
                published = self.when(item.get("datePublished"), "correction.datePublished")
            else:
                text, published = self.text(item), None
            if text is not None:
                found.append(m.Correction(text=text, published=published))
        return tuple(found)
