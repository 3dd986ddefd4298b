"""The one cattrs converter between model objects and JSON-ready trees.

Keys are camelCase, defaults are left out, body blocks carry a ``type`` tag, datetimes are
ISO 8601 with their offset and days are plain dates. Structuring is strict: a number where a
string belongs is an error rather than a silent ``str(1)``, and unknown keys are errors. Every
failure becomes one :class:`~newsmodel.errors.ParseError` with the JSON path of the culprit.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any, TypeVar, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from . import _model as m
from ._model import camel_case as camel
from .errors import InvalidArticleError, ParseError

__all__ = ["BLOCK_TAGS", "converter", "format_when", "parse_when", "structure", "unstructure"]

_T = TypeVar("_T")

#: The ``type`` tag of each body block in the JSON format.
BLOCK_TAGS: dict[type[Any], str] = {
    m.Paragraph: "paragraph",
    m.Heading: "heading",
    m.BlockQuote: "blockquote",
    m.ListBlock: "list",
    m.Figure: "figure",
}
_BLOCKS_BY_TAG = {tag: cls for cls, tag in BLOCK_TAGS.items()}

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(
    r"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(?:\.(\d{1,6}))?(Z|[+-]\d{2}:\d{2}(?::\d{2})?)$"
)


# --- strict scalars ---------------------------------------------------------------------------


def _exactly(kind: type[_T]) -> Callable[[object, type[Any]], _T]:
    def structure_exactly(value: object, _: type[Any]) -> _T:
        # bool is an int to Python but never in our format.
        if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
            return value
        raise TypeError(f"expected {_JSON_NAMES[kind]}, got {_json_type(value)}")

    return structure_exactly


_JSON_NAMES: dict[type[Any], str] = {str: "a string", int: "an integer", bool: "true or false"}


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def parse_when(value: object) -> dt.datetime | dt.date:
    """Read an ISO 8601 date (``2026-11-26``) or datetime with offset."""
    if not isinstance(value, str):
        raise TypeError(f"expected an ISO 8601 date or datetime string, got {_json_type(value)}")
    if _DATE.match(value):
        return dt.date.fromisoformat(value)
    match = _DATETIME.match(value)
    if match is None:
        raise ValueError(
            f"not an ISO 8601 date, or datetime with a UTC offset: {value!r}"
            " (a time without an offset is ambiguous)"
        )
    main, fraction, offset = match.groups()
    # Python 3.10's fromisoformat takes only its own output: 0, 3 or 6 fraction digits, no Z.
    text = main + (f".{fraction.ljust(6, '0')}" if fraction else "")
    text += "+00:00" if offset == "Z" else offset
    return dt.datetime.fromisoformat(text)


def format_when(value: dt.date) -> str:
    """Write a datetime or date as ISO 8601 (datetimes keep their offset)."""
    return value.isoformat()


def _structure_date(value: object, _: type[Any]) -> dt.date:
    parsed = parse_when(value)
    if isinstance(parsed, dt.datetime):
        raise ValueError(f"expected a date (YYYY-MM-DD), got a datetime: {value!r}")
    return parsed


def _is_when(kind: object) -> bool:
    args = set(get_args(kind))
    return args == {dt.datetime, dt.date} or args == {dt.datetime, dt.date, type(None)}


def _structure_when(value: object, kind: type[Any]) -> dt.datetime | dt.date | None:
    if value is None and type(None) in get_args(kind):
        return None
    return parse_when(value)


# --- the converter ----------------------------------------------------------------------------

converter = cattrs.Converter(omit_if_default=True, forbid_extra_keys=True)

for _scalar in (str, int, bool):
    converter.register_structure_hook(_scalar, _exactly(_scalar))
converter.register_structure_hook(dt.date, _structure_date)
converter.register_unstructure_hook(dt.date, format_when)
converter.register_unstructure_hook(dt.datetime, format_when)
converter.register_structure_hook_func(_is_when, _structure_when)


def _attrs_structure_factory(cls: type[Any]) -> Callable[[object, Any], Any]:
    renames = {f.name: override(rename=camel(f.name)) for f in attrs.fields(cls)}
    from_mapping = make_dict_structure_fn(
        cls,
        converter,
        _cattrs_forbid_extra_keys=True,
        **renames,  # type: ignore[arg-type]
    )

    # cattrs would happily iterate an object's keys or a string's letters as an array.
    arrays = [
        (f.name, camel(f.name), f.type)
        for f in attrs.fields(attrs.resolve_types(cls))
        if get_origin(f.type) is tuple
    ]

    def structure_object(value: object, kind: Any) -> Any:
        if not isinstance(value, Mapping):
            raise TypeError(f"expected an object, got {_json_type(value)}")
        for name, key, field_type in arrays:
            if key in value and not isinstance(value[key], list):
                error = TypeError(f"expected an array, got {_json_type(value[key])}")
                note = AttributeValidationNote(f"@ attribute {name}", name, field_type)
                error.__notes__ = [note]  # type: ignore[attr-defined]  # add_note() is 3.11+
                raise ClassValidationError(f"While structuring {cls.__name__}", [error], cls)
        return from_mapping(value, kind)

    return structure_object


def _structure_enum(value: object, kind: type[enum.Enum]) -> enum.Enum:
    for member in kind:
        if member.value == value:
            return member
    choices = ", ".join(str(member.value) for member in kind)
    raise ValueError(f"expected one of {choices}, got {value!r}")


def _attrs_unstructure_factory(cls: type[Any]) -> Callable[[Any], dict[str, Any]]:
    renames = {f.name: override(rename=camel(f.name)) for f in attrs.fields(cls)}
    return make_dict_unstructure_fn(cls, converter, _cattrs_omit_if_default=True, **renames)  # type: ignore[arg-type]


converter.register_structure_hook_factory(attrs.has, _attrs_structure_factory)
converter.register_structure_hook_func(
    lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _structure_enum
)
converter.register_unstructure_hook_factory(attrs.has, _attrs_unstructure_factory)


def _structure_block(value: object, _: type[Any]) -> m.Block:
    if not isinstance(value, dict):
        raise TypeError(f"expected a block object, got {_json_type(value)}")
    tag = value.get("type")
    cls = _BLOCKS_BY_TAG.get(tag) if isinstance(tag, str) else None
    if cls is None:
        raise ValueError(
            f"unknown block type {tag!r}; expected one of {', '.join(sorted(_BLOCKS_BY_TAG))}"
        )
    fields = {key: item for key, item in value.items() if key != "type"}
    block: m.Block = converter.structure(fields, cls)
    return block


def _unstructure_block(block: m.Block) -> dict[str, Any]:
    fields: dict[str, Any] = converter.unstructure(block, unstructure_as=type(block))
    return {"type": BLOCK_TAGS[type(block)], **fields}


converter.register_structure_hook_func(lambda t: t == m.Block, _structure_block)
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
        return converter.structure(data, cls)
    except (cattrs.BaseValidationError, ValueError, TypeError, KeyError) as error:
        where, message = next(_leaf_errors(error, path))
        raise ParseError(message, path=where) from error


def _leaf_errors(error: BaseException, path: str) -> Iterator[tuple[str, str]]:
    """The innermost errors of a cattrs error tree, each with its JSON path."""
    if isinstance(error, ClassValidationError):
        with_notes, without = error.group_exceptions()
        for inner, note in with_notes:
            yield from _leaf_errors(inner, f"{path}.{camel(note.name)}")
        for inner in without:
            yield from _leaf_errors(inner, path)
    elif isinstance(error, IterableValidationError):
        indexed, unindexed = error.group_exceptions()
        for inner, item in indexed:
            yield from _leaf_errors(inner, f"{path}[{item.index}]")
        for inner in unindexed:
            yield from _leaf_errors(inner, path)
    elif isinstance(error, ForbiddenExtraKeysError):
        for key in sorted(error.extra_fields):
            yield f"{path}.{key}", "unknown key"
    elif isinstance(error, InvalidArticleError):
        inner_path = error.path or "$"
        yield path + inner_path[1:], error.message
    elif isinstance(error, KeyError):
        # cattrs has already named the attribute in the path.
        yield path, "required key is missing"
    elif isinstance(error, cattrs.BaseValidationError):
        for inner in error.exceptions:
            yield from _leaf_errors(inner, path)
    else:
        yield path, str(error)
