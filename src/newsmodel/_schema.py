"""Generate the JSON Schema (Draft 2020-12) of newsmodel's JSON format from the model.

The package ships the generated file (``data/newsmodel.schema.json``) so that other tools can
use it without running Python; a test checks that the file matches the model. Regenerate it
with ``python -m newsmodel._schema > src/newsmodel/data/newsmodel.schema.json``.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import types
from typing import Any, Union, get_args, get_origin

import attrs

from . import _model as m
from ._converter import BLOCK_TAGS
from ._model import camel_case
from .json import FORMAT_MAJOR, FORMAT_VERSION

__all__ = ["generate"]

SCHEMA_ID = f"https://newsmodel.invalid/schema/article-{FORMAT_VERSION}.json"

_DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
_DATETIME_PATTERN = (
    r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d{1,6})?(Z|[+-]\d{2}:\d{2}(:\d{2})?)$"
)
_TEXT = {"type": "string", "pattern": r"\S"}

# Ranges the model enforces beyond "a non-negative integer".
_INTEGER_RANGES = {(m.Heading, "level"): {"minimum": 1, "maximum": 6}}
_STRING_PATTERNS = {(m.Article, "language"): m.LANGUAGE_TAG.pattern}


def generate() -> dict[str, Any]:
    """The JSON Schema of a newsmodel JSON document, generated from the model classes."""
    definitions: dict[str, Any] = {}
    _define(m.Article, definitions)
    article = definitions.pop("Article")
    article["properties"] = {
        "newsmodel": {
            "description": f"The format version: {FORMAT_MAJOR}.x (this schema: {FORMAT_VERSION}).",
            "type": "string",
            "pattern": rf"^{FORMAT_MAJOR}\.\d+$",
        },
        **article["properties"],
    }
    article["required"] = ["newsmodel", *article["required"]]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "newsmodel article",
        **article,
        "$defs": dict(sorted(definitions.items())),
    }


def _define(cls: type[Any], definitions: dict[str, Any]) -> dict[str, Any]:
    name = cls.__name__
    if name not in definitions:
        definitions[name] = {}  # reserve the name first: comments nest recursively
        properties: dict[str, Any] = {}
        required: list[str] = []
        if cls in BLOCK_TAGS:
            properties["type"] = {"const": BLOCK_TAGS[cls]}
            required.append("type")
        for field in attrs.fields(attrs.resolve_types(cls)):
            key = camel_case(field.name)
            properties[key] = _type_schema(field.type, definitions)
            properties[key].update(_INTEGER_RANGES.get((cls, field.name), {}))
            if (cls, field.name) in _STRING_PATTERNS:
                properties[key] = {"type": "string", "pattern": _STRING_PATTERNS[cls, field.name]}
            if field.default is attrs.NOTHING:
                required.append(key)
        definitions[name] = {
            "description": (cls.__doc__ or name).strip().splitlines()[0],
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }
    return {"$ref": f"#/$defs/{name}"}


def _type_schema(kind: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    origin, args = get_origin(kind), get_args(kind)
    if origin in (Union, types.UnionType):
        options = [arg for arg in args if arg is not type(None)]
        if set(options) == {dt.datetime, dt.date}:
            inner = {
                "anyOf": [
                    {"type": "string", "pattern": _DATE_PATTERN},
                    {"type": "string", "pattern": _DATETIME_PATTERN},
                ]
            }
        elif set(options) == set(BLOCK_TAGS):
            inner = {"oneOf": [_define(block, definitions) for block in BLOCK_TAGS]}
        else:
            (single,) = options
            inner = _type_schema(single, definitions)
        return {"anyOf": [inner, {"type": "null"}]} if type(None) in args else inner
    if origin is tuple:
        return {"type": "array", "items": _type_schema(args[0], definitions)}
    if kind is str:
        return dict(_TEXT)
    if kind is bool:
        return {"type": "boolean"}
    if kind is int:
        return {"type": "integer", "minimum": 0}
    if kind is dt.date:
        return {"type": "string", "pattern": _DATE_PATTERN}
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return {"enum": [member.value for member in kind]}
    if attrs.has(kind):
        return _define(kind, definitions)
    raise TypeError(f"no JSON Schema for {kind!r}")  # a new field type needs a rule here


if __name__ == "__main__":
    print(json.dumps(generate(), indent=2, ensure_ascii=False))
