"""newsmodel's own JSON format: lossless, versioned, validated by a shipped JSON Schema.

A document is one JSON object: the format version under ``"newsmodel"`` first, then the
article's fields in camelCase, in model order, with defaults left out::

    {"newsmodel": "1.0", "headline": "…", "bylines": [{"name": "Jane Doe"}], …}

Datetimes are ISO 8601 with their UTC offset; a day alone is ``YYYY-MM-DD``. Body blocks carry
a ``"type"`` tag (``paragraph``, ``heading``, ``blockquote``, ``list``, ``figure``).

Versions: a reader of format 1.N reads every 1.x document. Minor versions only ever add
optional keys, so a newer document that uses none of them loads as it is; a key this version
does not know is an error that names its path (and, for a newer document, says so), never
silently dropped. A different major version is refused.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib.resources import files
from typing import Any

from ._codecs.jsontext import load_json
from ._codecs.limits import DEFAULT_MAX_BYTES
from ._converter import structure, unstructure
from ._model import Article
from .errors import ParseError

__all__ = [
    "FORMAT_VERSION",
    "dumps",
    "from_dict",
    "loads",
    "loads_all",
    "schema",
    "schema_text",
    "sniff",
    "to_dict",
]

FORMAT_MAJOR = 1
FORMAT_MINOR = 0
#: The version of the JSON format this release writes.
FORMAT_VERSION = f"{FORMAT_MAJOR}.{FORMAT_MINOR}"

_VERSION_KEY = "newsmodel"
_SNIFF = re.compile(rb'^(?:\xef\xbb\xbf)?\s*\{\s*"newsmodel"\s*:')


def to_dict(article: Article) -> dict[str, Any]:
    """The article as a JSON-ready dict, the format version first."""
    fields: dict[str, Any] = unstructure(article)
    return {_VERSION_KEY: FORMAT_VERSION, **fields}


def from_dict(data: object) -> Article:
    """Build an article from a dict such as :func:`to_dict` returns.

    Raises:
        ParseError: the dict is not a valid document; ``error.path`` names the culprit.
    """
    if not isinstance(data, dict):
        raise ParseError(f"expected a JSON object, got {type(data).__name__}", path="$")
    minor = _check_version(data.get(_VERSION_KEY))
    fields = {key: value for key, value in data.items() if key != _VERSION_KEY}
    try:
        return structure(fields, Article)
    except ParseError as error:
        if minor > FORMAT_MINOR and error.message == "unknown key":
            error.message = (
                f"unknown key: the document is format {FORMAT_MAJOR}.{minor} and this"
                f" newsmodel reads {FORMAT_VERSION}; a newer newsmodel reads it"
            )
        raise


def dumps(article: Article, *, indent: int | None = None) -> str:
    """Serialise an article to newsmodel JSON (one line unless ``indent`` is given)."""
    separators = (",", ": ") if indent is not None else (",", ":")
    return json.dumps(to_dict(article), ensure_ascii=False, indent=indent, separators=separators)


def loads(data: str | bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Read an article from newsmodel JSON text (``str``, or UTF-8/16/32 ``bytes``).

    Args:
        data: The document.
        max_bytes: The largest input accepted (characters for ``str``).

    Raises:
        ParseError: malformed JSON (with line and column), an invalid document (with the
            JSON path of the culprit), or an input over ``max_bytes``.
    """
    return from_dict(load_json(data, max_bytes))


def loads_all(data: str | bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[Article, ...]:
    """Every article of a newsmodel JSON document: a document holds one.

    Raises:
        ParseError: as :func:`loads`.
    """
    return (loads(data, max_bytes=max_bytes),)


def sniff(head: bytes) -> bool:
    """Whether the first bytes of an input look like newsmodel JSON (the version key first)."""
    return _SNIFF.match(head) is not None


def schema() -> dict[str, Any]:
    """The JSON Schema (Draft 2020-12) that every :func:`dumps` output satisfies."""
    parsed: dict[str, Any] = json.loads(schema_text())
    return parsed


@cache
def schema_text() -> str:
    """The JSON Schema as the package ships it."""
    return files("newsmodel").joinpath("data/newsmodel.schema.json").read_text("utf-8")


def _check_version(version: object) -> int:
    """The document's minor version; raise for a missing or foreign major version."""
    if not isinstance(version, str):
        raise ParseError(
            f'not a newsmodel document: "{_VERSION_KEY}" must give the format version as a string',
            path=f"$.{_VERSION_KEY}",
        )
    major, _, minor = version.partition(".")
    if not (major.isdigit() and minor.isdigit()):
        raise ParseError(f"malformed format version {version!r}", path=f"$.{_VERSION_KEY}")
    if int(major) != FORMAT_MAJOR:
        raise ParseError(
            f"format version {version} is not readable by this newsmodel,"
            f" which reads {FORMAT_MAJOR}.x",
            path=f"$.{_VERSION_KEY}",
        )
    return int(minor)
