"""The one converter between model objects and JSON-ready trees.

Keys are camelCase, defaults are left out, body blocks carry a ``type`` tag, datetimes are
ISO 8601 with their offset and days are plain dates. Both directions go through functions
generated per model class from its attrs fields: writing here, reading in
:mod:`newsmodel._structure`. Reading is strict: a number where a string belongs is an error
rather than a silent ``str(1)``, and unknown keys are errors. Every failure becomes one
:class:`~newsmodel.errors.ParseError` with the JSON path of the culprit.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
from collections.abc import Callable
from typing import Any, TypeVar, Union, get_args, get_origin

import attrs

from . import _model as m
from ._codegen import FunctionTable, generated
from ._problems import Unread
from ._structure import BLOCK_TAGS, Failure, json_type, parse_when, structurer
from .errors import ParseError

__all__ = [
    "BLOCK_TAGS",
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


def unstructure(value: object, kind: Any = None) -> Any:
    """A model value as a tree of dicts, lists, strings, numbers and booleans.

    ``kind`` is the type to write ``value`` as, where its own class does not say enough:
    ``tuple[Block, ...]`` for a body (whose blocks then carry their ``type`` tag).
    """
    return _unstructurer(type(value) if kind is None else kind)(value)


def _make_unstructurer(kind: Any) -> Callable[[Any], Any]:
    if kind == m.Block:
        return _unstructure_block
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return _enum_value
    if isinstance(kind, type) and issubclass(kind, dt.date):
        return format_when
    if attrs.has(kind):
        return _class_unstructurer(kind)
    args = get_args(kind)
    if get_origin(kind) is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = _unstructurer(args[0])
        return lambda values: [item(value) for value in values]
    if get_origin(kind) in (Union, types.UnionType) or kind in (str, int, bool):
        return _by_value  # what the value is says how to write it
    raise TypeError(f"no unstructurer for {kind}")


def _enum_value(member: enum.Enum) -> Any:
    return member.value


def _by_value(value: object) -> Any:
    if value is None or isinstance(value, (str, int)):  # bool is an int
        return value
    return _unstructurer(type(value))(value)


def _unstructure_block(block: m.Block) -> dict[str, Any]:
    tree: dict[str, Any] = _BLOCK_UNSTRUCTURERS[type(block)](block)
    return tree


def _class_unstructurer(cls: type[Any], tag: str | None = None) -> Callable[[Any], Any]:
    """Generate the writing function of an attrs class: fields in order, defaults left out.

    ``tag``: the ``type`` a body block's tree starts with.
    """
    namespace: dict[str, Any] = {}
    lines = ["tree = {}" if tag is None else f"tree = {{'type': {tag!r}}}"]
    for number, field in enumerate(attrs.fields(attrs.resolve_types(cls))):
        key, value = m.camel_case(field.name), f"v{number}"
        write = [f"tree[{key!r}] = {_written(field.type, value, number, namespace)}"]
        lines.append(f"{value} = o.{field.name}")
        if field.default is attrs.NOTHING:
            lines += write
        else:
            namespace[f"d{number}"] = field.default
            skip = f"{value} is not None" if field.default is None else f"{value} != d{number}"
            lines += [f"if {skip}:", *(f"    {line}" for line in write)]
    return generated(f"unstructure_{cls.__name__}", cls, [*lines, "return tree"], namespace)


def _written(kind: Any, value: str, number: int, namespace: dict[str, Any]) -> str:
    """An expression for the non-null ``value`` of a field of type ``kind``, as JSON."""
    args = [arg for arg in get_args(kind) if arg is not type(None)]
    if get_origin(kind) in (Union, types.UnionType):
        if set(args) == {dt.datetime, dt.date}:
            return f"{value}.isoformat()"
        if len(args) == 1:
            kind = args[0]
    if kind in (str, int, bool):
        return value
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return f"{value}.value"
    if get_origin(kind) is tuple:
        if get_args(kind)[0] is str:
            return f"list({value})"
        namespace[f"w{number}"] = _unstructurer(get_args(kind)[0])
        return f"[w{number}(item) for item in {value}]"
    namespace[f"w{number}"] = _unstructurer(kind)
    return f"w{number}({value})"


_unstructurer = FunctionTable(_make_unstructurer)
_BLOCK_UNSTRUCTURERS = {cls: _class_unstructurer(cls, tag) for cls, tag in BLOCK_TAGS.items()}
_unstructurer(m.Article)  # at import, as the structurers


def structure(data: object, cls: type[_T], *, path: str = "$") -> _T:
    """Build a model object from a JSON-ready tree.

    Raises:
        ParseError: the tree does not describe a valid ``cls``; ``path`` names the culprit.
    """
    try:
        built: _T = structurer(cls)(data)
    except Failure as failure:
        # The tree rides along (not read again unless a report asks for every problem).
        raise ParseError(failure.message, path=failure.path(path)) from Unread(data, cls)
    except RecursionError:
        raise ParseError("nested too deeply", path=path) from None
    return built
