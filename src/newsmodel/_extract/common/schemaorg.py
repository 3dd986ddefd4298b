"""schema.org JSON-LD as a graph: nodes, their types and ``@id`` references across blocks, and
the page's main article node.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

__all__ = [
    "ARTICLE_TYPES",
    "NAMESPACE",
    "PREFIX",
    "Graph",
    "main_article_node",
    "node_id",
    "types_of",
]


#: The IRI newsmodel's JSON-LD extension terms (``nm:body``, ``nm:quote``…) expand under.
NAMESPACE = "urn:newsmodel:jsonld:"
#: The prefix of the extension terms.
PREFIX = "nm"

_SCHEMA_PREFIX = re.compile(r"^(?:https?://)?(?:www\.)?schema\.org/", re.IGNORECASE)
_URL_SCHEME = re.compile(r"^https?://(?:www\.)?")
_MAX_DEPTH = 64
_EXTENSION_KEY = f"{PREFIX}:"
#: schema.org types of an article, lower-cased.
ARTICLE_TYPES = frozenset(
    {"article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle",
     "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle",
     "askpublicnewsarticle", "satiricalarticle", "scholarlyarticle", "techarticle",
     "medicalscholarlyarticle", "report", "blogposting", "liveblogposting",
     "socialmediaposting", "discussionforumposting", "advertisercontentarticle"}
)  # fmt: skip


def types_of(node: Mapping[str, Any]) -> frozenset[str]:
    """A node's types, lower-cased, without the schema.org prefix (``@type`` or ``type``)."""
    raw = node.get("@type", node.get("type"))
    if isinstance(raw, str) and "/" not in raw:
        # The usual single bare name: no schema.org prefix to take off (it ends in a slash).
        return frozenset((raw.strip().lower(),))
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
            for node, depth, types in self._walk(value):
                self.nodes.append(node)
                if not types & article_types or id(node) in seen:
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

    def _walk(self, value: object) -> Iterator[tuple[dict[str, Any], int, frozenset[str]]]:
        """Typed nodes, with 0 for a top-level or ``@graph`` node and 1 for a nested one, and
        their types."""
        stack: list[tuple[object, int, int]] = [(value, 0, 0)]
        found: list[tuple[dict[str, Any], int, frozenset[str]]] = []
        while stack:
            item, level, nesting = stack.pop()
            if nesting > _MAX_DEPTH:
                continue
            if isinstance(item, list):
                stack.extend((child, level, nesting + 1) for child in reversed(item))
            elif isinstance(item, dict):
                types = types_of(item)
                if types:
                    found.append((item, level, types))
                    self._add(item)
                for key, child in reversed(item.items()):
                    if not isinstance(child, (dict, list)):
                        continue
                    if key == "@context" or key.startswith(_EXTENSION_KEY):
                        continue  # extension values are JSON literals, not nodes
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
