"""Reading schema.org JSON-LD into articles: the reader behind :mod:`newsmodel.jsonld`.

Documents come in two kinds. One that declares newsmodel's extension namespace in its context
was written by :func:`newsmodel.jsonld.dumps` and is read *exactly*: every string as it is,
``nm:`` extension terms trusted, malformed values an error with their path. Any other
document is read *leniently*, as real pages publish it: white space tidied, HTML entities
decoded, bylines written into author names split, dates in any common form, values that make
no sense skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ... import _guesses
from ..._extract.common.ldjson import load_block
from ..._extract.common.nodes import NodeReader
from ..._extract.common.schemaorg import Graph
from ..._model import Article
from ...errors import ExtractionError, GuessWarning, NewsModelError, ParseError
from ..jsontext import load_json
from ..limits import DEFAULT_MAX_BYTES

__all__ = ["articles_from_blocks", "from_dict", "from_nodes", "loads", "loads_all", "sniff"]


#: The start of a JSON-LD document: a JSON object or array naming "@context" or "@graph".
_SNIFF = re.compile(rb'^(?:\xef\xbb\xbf)?\s*[\[{][\s\S]*"@(?:context|graph)"')


def loads(data: str | bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Read the article of a JSON-LD document (``str``, or UTF-8/16/32 ``bytes``).

    Args:
        data: The document.
        max_bytes: The largest input accepted (characters for ``str``).

    Raises:
        ParseError: malformed JSON (with line and column), a malformed article node, or an
            input over ``max_bytes``.
        ExtractionError: the document holds no article node.
    """
    return from_dict(load_json(data, max_bytes))


def loads_all(data: str | bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[Article, ...]:
    """Every article of a JSON-LD document, one per article node.

    Nodes sharing an ``@id`` are merged first; those at the top level or in ``@graph`` come
    first, then nested ones, each in document order. A document without an article node
    gives none.

    Raises:
        ParseError: as :func:`loads`; a node that cannot be read is an error here, where
            :func:`from_nodes` skips it.
    """
    graph = Graph([load_json(data, max_bytes)])
    try:
        return tuple(NodeReader(graph, exact).article(node) for node, exact in graph.articles)
    except RecursionError as error:
        raise ParseError("an article node is nested too deeply") from error


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
        return NodeReader(graph, exact).article(node)
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
            articles.append(NodeReader(graph, exact).article(node))
        except (NewsModelError, ValueError, TypeError, RecursionError) as error:
            _guesses.warn(
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


def sniff(head: bytes) -> bool:
    """Whether the first bytes of an input look like a JSON-LD document."""
    return _SNIFF.match(head) is not None and b"schema.org" in head
