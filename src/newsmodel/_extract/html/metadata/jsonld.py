"""Metadata from the page's JSON-LD article node."""

from __future__ import annotations

import re
from typing import Any

from ...common.cleantext import clean_text
from ...common.nodes import NodeReader
from ...common.schemaorg import Graph
from .fields import _Fields

_LINE_BREAK = re.compile(r"\s*(?:\n|<br\s*/?>|</p>)\s*")


def _body_text(value: object) -> str | None:
    """An ``articleBody``: like :func:`clean_text`, but its paragraph breaks kept."""
    if not isinstance(value, str):
        return None
    lines = [clean_text(line) for line in _LINE_BREAK.split(value)]
    return "\n".join(line for line in lines if line) or None


def _from_jsonld(node: dict[str, Any], graph: Graph) -> _Fields:
    """The fields of the page's article node, read as ``jsonld.loads`` reads a node."""
    reader = NodeReader(graph, exact=False)
    fields = _Fields()
    fields.headline = reader.headline(node)
    fields.description = reader.standfirst(node)
    fields.authors = list(reader.authors(node))
    fields.published = [when] if (when := reader.published(node)) is not None else []
    fields.modified = [when] if (when := reader.modified(node)) is not None else []
    fields.section = reader.text(node.get("articleSection"))
    fields.keywords = list(reader.keywords(node.get("keywords")))
    fields.images = list(
        reader.images(node.get("image")) or reader.images(node.get("thumbnailUrl"))
    )
    fields.url = reader.article_url(node)
    fields.language = reader.language(node.get("inLanguage"))
    fields.publisher = reader.organization(node.get("publisher"))
    fields.rights = reader.rights(node)
    fields.comment_count = reader.comment_total(node)
    fields.genre = reader.genre(node)
    identifier = reader.text(node.get("identifier"))
    fields.id = identifier if identifier and not identifier.startswith("http") else None
    return fields
