"""Reading schema.org JSON-LD into articles: the reader behind :mod:`newsmodel.jsonld`.

Documents come in two kinds. One that declares newsmodel's extension namespace in its context
was written by :func:`newsmodel.jsonld.dumps` and is read *exactly*: every string as it is,
``nm:`` extension terms trusted, malformed values an error with their path. Any other
document is read *leniently*, as real pages publish it: white space tidied, HTML entities
decoded, bylines written into author names split, dates in any common form, values that make
no sense skipped.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import warnings
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs

from ... import _model as m
from ..._converter import parse_when, structure
from ..._extract.common.bylines import is_organization, name_case, split_bylines
from ..._extract.common.dates import parse_date
from ..._model import Article, Byline, BylineKind
from ...errors import ExtractionError, GuessWarning, NewsModelError, ParseError
from ..jsontext import parse_json

__all__ = [
    "ARTICLE_TYPES",
    "NAMESPACE",
    "PREFIX",
    "Graph",
    "articles_from_blocks",
    "bylines_from_text",
    "clean_text",
    "from_dict",
    "from_nodes",
    "load_block",
    "loads",
    "main_article_node",
    "node_id",
    "types_of",
]

#: The IRI newsmodel's JSON-LD extension terms (``nm:body``, ``nm:quote``…) expand under.
NAMESPACE = "urn:newsmodel:jsonld:"
#: The prefix of the extension terms.
PREFIX = "nm"

_SCHEMA_PREFIX = re.compile(r"^(?:https?://)?(?:www\.)?schema\.org/", re.IGNORECASE)
#: Author names that hold a whole byline rather than one name.
_BYLINE_TEXT = re.compile(r"^\s*by\b|,|;|\||·|&|\s(?:and|und|et|e|y|и)\s", re.IGNORECASE)
#: "By" in the languages of the corpus, opening a byline.
_BY_WORD = re.compile(r"^(?:by|von|par|por|di|door|av|af|oleh|от)\s*:?\s+", re.IGNORECASE)
_CREDIT_SEPARATOR = re.compile(r"\s*(?:[,;&|/]|\s(?:and|und|et|e|y|и)\s)\s*", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ABSOLUTE_URL = re.compile(r"^https?://", re.IGNORECASE)
_URL_SCHEME = re.compile(r"^https?://(?:www\.)?")
_TAG = re.compile(r"<[^<>]{0,300}>")
_SPACES = re.compile(r"\s+")
_NUMBER = re.compile(r"^\s*(\d{1,9})")
_MAX_DEPTH = 64
_MAX_REPAIRS = 20
#: Dates before this year, on a news page, are placeholders.
_FIRST_YEAR = 1800

_WRAPPER = re.compile(r"^(?:<!--|<!\[CDATA\[)|(?:-->|\]\]>)$")
_CONTROL = re.compile(r"[\x00-\x1f]")
_TRAILING_COMMA = re.compile(r",(\s*[}\]])")
#: A JSON string, kept as it is, or a comment outside strings, removed.
_JSON_COMMENT = re.compile(r'("(?:[^"\\]|\\.)*")|/\*.*?\*/|(?<![:\w"])//[^\n]*', re.DOTALL)

#: schema.org types of an article, lower-cased.
ARTICLE_TYPES = frozenset(
    {"article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle",
     "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle",
     "askpublicnewsarticle", "satiricalarticle", "scholarlyarticle", "techarticle",
     "medicalscholarlyarticle", "report", "blogposting", "liveblogposting",
     "socialmediaposting", "discussionforumposting", "advertisercontentarticle"}
)  # fmt: skip
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
    "askpublicnewsarticle": "ask the public",
    "satiricalarticle": "satire",
    "blogposting": "blog",
    "liveblogposting": "live blog",
}


# --- entry points -----------------------------------------------------------------------------


def loads(data: str | bytes) -> Article:
    """Read the article of a JSON-LD document (``str``, or UTF-8/16/32 ``bytes``).

    Raises:
        ParseError: malformed JSON (with line and column), or a malformed article node.
        ExtractionError: the document holds no article node.
    """
    tree = parse_json(data)
    return from_dict(tree)


def from_dict(data: object) -> Article:
    """The main article of a decoded JSON-LD document (an object or an array).

    The main article is the first article node at the top level (or in ``@graph``), else the
    first one nested anywhere.

    Raises:
        ParseError: the article node is malformed; ``error.path`` names the property.
        ExtractionError: the document holds no article node.
    """
    graph = Graph([data])
    if not graph.articles:
        raise ExtractionError(
            "no article node (NewsArticle, Article, BlogPosting…) in the JSON-LD document"
        )
    node, exact = graph.articles[0]
    try:
        return _Reader(graph, exact).article(node)
    except RecursionError as error:
        raise ParseError("the article node is nested too deeply") from error


def from_nodes(values: Iterable[object]) -> list[Article]:
    """Every article in decoded JSON-LD values (say, one per ``ld+json`` block of a page).

    ``@id`` references resolve across all the values. A node that cannot be read is skipped
    with a :class:`~newsmodel.errors.GuessWarning`; it never hides the others.

    Returns:
        The articles, one per article node (nodes sharing an ``@id`` merged first): those at
        the top level or in ``@graph`` first, then nested ones, each in document order.
    """
    graph = Graph(values)
    articles: list[Article] = []
    for node, exact in graph.articles:
        try:
            articles.append(_Reader(graph, exact).article(node))
        except (NewsModelError, ValueError, TypeError, RecursionError) as error:
            warnings.warn(
                f"skipped a JSON-LD article node that cannot be read: {error}",
                GuessWarning,
                stacklevel=2,
            )
    return articles


def articles_from_blocks(texts: Iterable[str]) -> list[Article]:
    """Every article in the text of a page's ``<script type="application/ld+json">`` blocks.

    A block that is not strict JSON is repaired leniently (comments, trailing commas, control
    characters, HTML entities) or skipped, with a :class:`~newsmodel.errors.GuessWarning`.
    """
    values = [value for text in texts if (value := load_block(text)) is not None]
    return from_nodes(values)


def load_block(text: str) -> object | None:
    """Decode one ``ld+json`` block, repairing it leniently when it is not strict JSON.

    Repairs, in order: HTML comment and CDATA wrappers, a trailing semicolon, ``//`` and
    ``/* */`` comments, control characters inside strings, trailing commas, quotation marks
    left unescaped inside strings, and HTML entities.

    Returns:
        The decoded value, or ``None`` (with a warning) when even the repaired text fails.

    Warns:
        GuessWarning: the block needed repair, or could not be read.
    """
    text = _WRAPPER.sub("", text.strip()).strip().rstrip(";").strip()
    if not text:
        return None
    try:
        value: object = json.loads(text)
    except RecursionError:
        warnings.warn("skipped a JSON-LD block nested too deeply", GuessWarning, stacklevel=2)
        return None
    except ValueError:
        pass
    else:
        return value
    # Comments go first, while the line ends that close "//" comments are still there.
    repaired = _JSON_COMMENT.sub(lambda match: match.group(1) or "", text)
    repaired = _CONTROL.sub(" ", repaired)
    repaired = _TRAILING_COMMA.sub(r"\1", repaired)
    for candidate in (repaired, html.unescape(repaired)):
        value = _escape_stray_quotes(candidate)
        if value is not None:
            warnings.warn("repaired a malformed JSON-LD block", GuessWarning, stacklevel=2)
            return value
    warnings.warn(
        "skipped a JSON-LD block that is not JSON even after repair", GuessWarning, stacklevel=2
    )
    return None


def _escape_stray_quotes(text: str) -> object | None:
    """Decode ``text``, escaping a quotation mark that ended a string too early, repeatedly."""
    for _ in range(_MAX_REPAIRS):
        try:
            value: object = json.loads(text)
        except RecursionError:
            return None
        except json.JSONDecodeError as error:
            # The parser stops just after the stray quote's string: the quote is the last
            # one before the error, and "she said "no" today" becomes one string again.
            quote = text.rfind('"', 0, error.pos)
            if quote <= 0 or text[quote - 1] == "\\" or error.msg.startswith("Extra data"):
                return None
            text = f"{text[:quote]}\\{text[quote:]}"
        else:
            return value
    return None


# --- the graph --------------------------------------------------------------------------------


def types_of(node: Mapping[str, Any]) -> frozenset[str]:
    """A node's types, lower-cased, without the schema.org prefix (``@type`` or ``type``)."""
    raw = node.get("@type", node.get("type"))
    values = raw if isinstance(raw, list) else [raw]
    return frozenset(
        _SCHEMA_PREFIX.sub("", value).strip().lower() for value in values if isinstance(value, str)
    )


def node_id(node: Mapping[str, Any]) -> str | None:
    """A node's ``@id`` (or ``id``), or ``None`` when it has none."""
    value = node.get("@id", node.get("id"))
    return value if isinstance(value, str) and value else None


def _declares_namespace(context: object) -> bool:
    items = context if isinstance(context, list) else [context]
    return any(isinstance(item, dict) and item.get(PREFIX) == NAMESPACE for item in items)


class Graph:
    """Every typed node of some JSON-LD values, nodes sharing an ``@id`` merged.

    ``@graph`` members, top-level arrays and nodes nested in properties all count;
    :meth:`resolve` follows ``@id`` references across all the values.

    Attributes:
        nodes: Every typed node, in document order (before merging).
        index: The typed nodes by ``@id``, those sharing one merged.
        articles: The article nodes and whether each is read exactly: those at the top level
            or in ``@graph`` first, then nested ones, each ``@id`` once (its merged node).
    """

    def __init__(
        self, values: Iterable[object], *, article_types: frozenset[str] = ARTICLE_TYPES
    ) -> None:
        """Walk the values.

        Args:
            values: Decoded JSON-LD values (say, one per ``ld+json`` block of a page).
            article_types: The types, lower-cased, that make a node an article.
        """
        self.nodes: list[dict[str, Any]] = []
        self.index: dict[str, dict[str, Any]] = {}
        self.articles: list[tuple[dict[str, Any], bool]] = []
        nested: list[tuple[dict[str, Any], bool]] = []
        seen: set[int] = set()
        for value in values:
            exact = any(_declares_namespace(node.get("@context")) for node in _top_nodes(value))
            for node, depth in self._walk(value):
                self.nodes.append(node)
                if not types_of(node) & article_types or id(node) in seen:
                    continue
                seen.add(id(node))
                (self.articles if depth == 0 else nested).append((node, exact))
        self.articles.extend(nested)
        # An article described twice (two blocks, one @id) is read once, from the merged node.
        unique: list[tuple[dict[str, Any], bool]] = []
        ids: set[str] = set()
        for node, exact in self.articles:
            ident = node_id(node)
            if ident is not None:
                if ident in ids:
                    continue
                ids.add(ident)
                node = self.index.get(ident, node)
            unique.append((node, exact))
        self.articles = unique

    def _walk(self, value: object) -> Iterator[tuple[dict[str, Any], int]]:
        """Typed nodes, with 0 for a top-level or ``@graph`` node and 1 for a nested one."""
        stack: list[tuple[object, int, int]] = [(value, 0, 0)]
        found: list[tuple[dict[str, Any], int]] = []
        while stack:
            item, level, nesting = stack.pop()
            if nesting > _MAX_DEPTH:
                continue
            if isinstance(item, list):
                stack.extend((child, level, nesting + 1) for child in reversed(item))
            elif isinstance(item, dict):
                if types_of(item):
                    found.append((item, level))
                    self._add(item)
                for key, child in reversed(list(item.items())):
                    if key == "@context" or key.startswith(f"{PREFIX}:"):
                        continue  # extension values are JSON literals, not nodes
                    if isinstance(child, (dict, list)):
                        inner = level if key == "@graph" else 1
                        stack.append((child, inner, nesting + 1))
        yield from found

    def _add(self, node: dict[str, Any]) -> None:
        ident = node_id(node)
        if ident is None:
            return
        known = self.index.get(ident)
        if known is None:
            self.index[ident] = node
        elif known is not node:
            merged = dict(known)
            for key, value in node.items():
                merged.setdefault(key, value)
            self.index[ident] = merged

    def resolve(self, value: object) -> object:
        """Follow an ``@id`` reference (a node with nothing but its id) to the node."""
        if isinstance(value, dict) and not types_of(value) and len(value) <= 2:
            ident = node_id(value)
            if ident is not None and ident in self.index:
                return self.index[ident]
        return value


#: Types of the node describing a web page; its ``mainEntity`` is the page's article.
_PAGE_TYPES = frozenset({"webpage", "itempage"})


def main_article_node(graph: Graph, url: str | None = None) -> dict[str, Any] | None:
    """The article node a page's JSON-LD describes the page itself with.

    Pages describe more than their own article (related stories, the site's latest posts).
    The page's article is the ``mainEntity`` of a ``WebPage`` node, else the article node whose
    ``url``, ``mainEntityOfPage`` or ``@id`` is ``url``, else the fullest one (the most
    properties, an ``articleBody`` breaking ties). Without any article node, a ``WebPage``
    with a headline stands for the page's article.

    Args:
        graph: The page's JSON-LD blocks.
        url: The page's URL (its canonical one, when it names one).

    Returns:
        The node, or ``None`` when there is no candidate.
    """
    articles = [node for node, _ in graph.articles]
    if not articles:
        articles = [
            node
            for node in graph.nodes
            if types_of(node) & _PAGE_TYPES and isinstance(node.get("headline"), str)
        ]
    if not articles:
        return None
    for node in graph.nodes:
        if types_of(node) & _PAGE_TYPES:
            main = graph.resolve(node.get("mainEntity"))
            if isinstance(main, dict):
                ident = node_id(main)
                main = graph.index.get(ident, main) if ident is not None else main
                if any(main is article for article in articles):
                    return main
    if url is not None:
        wanted = _comparable_url(url)
        for node in articles:
            for key in ("url", "mainEntityOfPage", "@id"):
                candidate = graph.resolve(node.get(key))
                if isinstance(candidate, dict):
                    candidate = node_id(candidate) or candidate.get("url")
                if isinstance(candidate, str) and _comparable_url(candidate) == wanted:
                    return node
    return max(articles, key=lambda node: (len(node), "articleBody" in node))


def _comparable_url(url: str) -> str:
    url = _URL_SCHEME.sub("", url.strip().lower())
    return url.split("#", 1)[0].split("?", 1)[0].rstrip("/")


def _top_nodes(value: object) -> list[dict[str, Any]]:
    if isinstance(value, dict):
        return [value]
    if isinstance(value, list):
        return [item for item in value if isinstance(item, dict)]
    return []


def _items(value: object) -> list[object]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


# --- one article node -------------------------------------------------------------------------


class _Reader:
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
        return html.unescape(value) if "&" in value and _ENTITY.search(value) else value

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
        if not isinstance(value, str):
            return None
        found: dt.datetime | dt.date | None
        try:
            found = parse_when(value.strip())
        except ValueError:
            found = parse_date(value)
        # "0001-01-01T00:00:00Z" and the like are a CMS's empty value, not a date.
        return None if found is None or found.year < _FIRST_YEAR else found

    def count(self, value: object) -> int | None:
        if isinstance(value, dict):
            value = value.get("@value", value.get("value"))
        if isinstance(value, bool):
            return None
        if isinstance(value, int):
            return value if value >= 0 else None
        if isinstance(value, float) and value.is_integer() and value >= 0:
            return int(value)
        if isinstance(value, str) and not self.exact:
            match = _NUMBER.match(value)
            return int(match.group(1)) if match else None
        return None

    def extension(self, node: Mapping[str, Any], term: str, kind: Any) -> Any:
        """An ``nm:`` extension value in newsmodel JSON form, as model objects."""
        return structure(node[f"{PREFIX}:{term}"], kind, path=f"$.{PREFIX}:{term}")

    def pending(self, node: Mapping[str, Any], name: str) -> object:
        """A pending schema.org property, or its ``nm:`` stand-in from a ``core_only`` writer."""
        return node.get(name, node.get(f"{PREFIX}:{name}"))

    # -- the article -----------------------------------------------------------------------

    def article(self, node: dict[str, Any]) -> Article:
        headline = (
            self.text(node.get("headline"))
            or self.text(node.get("name"))
            or self.text(node.get("alternativeHeadline"))
        )
        if headline is None:
            raise ParseError("the article node has no headline", path="$.headline")
        types = types_of(node)
        genre = self.text(node.get("genre"))
        if genre is None and not self.exact:
            genre = next(
                (_TYPE_GENRES[kind] for kind in sorted(types) if kind in _TYPE_GENRES), None
            )
        fields: dict[str, Any] = {
            "headline": headline,
            "standfirst": self.text(node.get("description"))
            or (None if self.exact else self.text(node.get("abstract"))),
            "body": self.body(node),
            "bylines": self.bylines(node.get("author", node.get("creator"))),
            "dateline": self.dateline(node),
            "published": self.when(node.get("datePublished"), "datePublished")
            or (None if self.exact else self.when(node.get("dateCreated"), "dateCreated")),
            "modified": self.when(node.get("dateModified"), "dateModified"),
            "language": self.language(node.get("inLanguage")),
            "url": self.article_url(node),
            "id": self.text(node.get("identifier")),
            "section": self.text(node.get("articleSection")),
            "genre": genre,
            "keywords": self.keywords(node.get("keywords")),
            "publisher": self.organization(node.get("publisher")),
            "images": self.images(node.get("image")),
            "quotes": self.quotes(node),
            "comments": self.comment_thread(node),
            "rights": self.text(self.pending(node, "copyrightNotice")),
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
        paragraphs = (clean_text(line) for line in re.split(r"\n|\r\n?|<br\s*/?>|</p>", text))
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
        if not typed_organization and _BYLINE_TEXT.search(name):
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
                tree = {"text": part.get("text"), **part.get(f"{PREFIX}:quote", {})}
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
        total = self.count(node.get("commentCount"))
        if total is None and not self.exact:
            for item in _items(self.graph.resolve(node.get("interactionStatistic"))):
                item = self.graph.resolve(item)
                if isinstance(item, dict) and "comment" in str(item.get("interactionType")).lower():
                    total = self.count(item.get("userInteractionCount"))
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


def bylines_from_text(text: str) -> tuple[Byline, ...]:
    """The people and organisations a printed byline credits ("By Jane Doe and AP").

    :func:`~newsmodel._extract.common.bylines.split_bylines` reads it when it can; when it finds no
    name, the text is cut at commas, semicolons and "and", each part a credit of its own.
    """
    found = split_bylines(text)
    if found:
        return found
    text = _BY_WORD.sub("", text.strip())
    parts = [part.strip(" .") for part in _CREDIT_SEPARATOR.split(text)]
    return tuple(
        Byline(
            name=part,
            kind=BylineKind.ORGANIZATION if is_organization(part) else BylineKind.PERSON,
        )
        for part in parts
        if part and not part.startswith(("http://", "https://"))
    )


def clean_text(value: str) -> str | None:
    """Text as a page means it: entities decoded (twice, for doubly encoded ones), tags
    dropped, white space collapsed; ``None`` when nothing is left."""
    for _ in range(2):
        if "&" not in value or not _ENTITY.search(value):
            break
        value = html.unescape(value)
    if "<" in value and ">" in value:
        value = _TAG.sub(" ", value)
    value = _SPACES.sub(" ", value).strip()
    return value or None
