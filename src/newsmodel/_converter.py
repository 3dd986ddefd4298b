"""The one converter between model objects and JSON-ready trees.

Keys are camelCase, defaults are left out, body blocks carry a ``type`` tag, datetimes are
ISO 8601 with their offset and days are plain dates. Writing goes through a cattrs converter;
reading through functions generated per class (:mod:`newsmodel._structure`). Reading is
strict: a number where a string belongs is an error rather than a silent ``str(1)``, and
unknown keys are errors. Every failure becomes one :class:`~newsmodel.errors.ParseError` with
the JSON path of the culprit.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.gen import make_dict_unstructure_fn, override

from . import _model as m
from ._model import camel_case as camel
from ._structure import BLOCK_TAGS, Failure, json_type, parse_when, structurer
from .errors import ParseError

__all__ = [
    "BLOCK_TAGS",
    "converter",
    "format_when",
    "json_type",
    "parse_when",
    "structure",
    "unstructure",
]

_T = TypeVar("_T")


def format_when(value: dt.date) -> str:
    """Write a datetime or date as ISO 8601 (datetimes keep their offset)."""
    return value.isoformat()


# --- the converter (writing) ------------------------------------------------------------------

converter = cattrs.Converter(omit_if_default=True)
converter.register_unstructure_hook(dt.date, format_when)
converter.register_unstructure_hook(dt.datetime, format_when)


def _attrs_unstructure_factory(cls: type[Any]) -> Any:
    renames = {f.name: override(rename=camel(f.name)) for f in attrs.fields(cls)}
    return make_dict_unstructure_fn(cls, converter, _cattrs_omit_if_default=True, **renames)  # type: ignore[arg-type]


converter.register_unstructure_hook_factory(attrs.has, _attrs_unstructure_factory)


def _unstructure_block(block: m.Block) -> dict[str, Any]:
    fields: dict[str, Any] = converter.unstructure(block, unstructure_as=type(block))
    return {"type": BLOCK_TAGS[type(block)], **fields}


converter.register_unstructure_hook_func(lambda t: t == m.Block, _unstructure_block)


# --- entry points -----------------------------------------------------------------------------


def unstructure(value: object) -> Any:
    """A model object as a tree of dicts, lists, strings, numbers and booleans."""
    return converter.unstructure(value)


def structure(data: object, cls: type[_T], *, path: str = "$") -> _T:
    """Build a model object from a JSON-ready tree.

    Raises:
        ParseError: the tree does not describe a valid ``cls``; ``path`` names the culprit.
    """
    try:
        built: _T = structurer(cls)(data)
    except Failure as failure:
        raise ParseError(failure.message, path=failure.path(path)) from None
    except RecursionError:
        raise ParseError("nested too deeply", path=path) from None
    return built
