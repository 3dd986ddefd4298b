"""Model objects from JSON-ready trees: fast on good input, exact and cheap on bad input.

One function per model class is generated from its attrs fields, the way attrs and cattrs
generate their own ``__init__`` and hooks: straight-line code that reads each key once, checks
its JSON type and calls the class, whose validators then check the values. There is no error
bookkeeping on the way down. The first problem stops the work -- a string is never read as an
array, and an array of half a million bad blocks costs one error, not half a million -- and its
JSON path is assembled as the failure rises.

For one object, problems are reported in this order: a value that is not an object; an array
field holding something else (every array field is looked at first); then field by field, a
missing required key or a wrong value (for an array, its first bad item); then an unknown key
(the first in sorted order); then whatever the model's constructor refuses.
"""

from __future__ import annotations

import datetime as dt
import enum
import inspect
import re
import types
from collections.abc import Callable, Mapping
from typing import Any, Union, get_args, get_origin

import attrs

from . import _model as m
from . import _validators as checks
from ._codegen import FunctionTable, generated
from .errors import InvalidArticleError

__all__ = ["BLOCK_TAGS", "Failure", "builder", "json_type", "parse_when", "structurer"]

#: The ``type`` tag of each body block in the JSON format.
BLOCK_TAGS: dict[type[Any], str] = {
    m.Paragraph: "paragraph",
    m.Heading: "heading",
    m.BlockQuote: "blockquote",
    m.ListBlock: "list",
    m.Figure: "figure",
}

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(
    r"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(?:\.(\d{1,6}))?(Z|[+-]\d{2}:\d{2}(?::\d{2})?)$"
)


class Failure(Exception):
    """Why a tree is not a model object, and where: path segments gathered as it rises."""

    def __init__(self, message: str, *segments: str) -> None:
        super().__init__(message)
        self.message = message
        self.segments = list(segments)

    def at(self, segment: str) -> Failure:
        """The failure one level up, below ``segment`` (``.name`` or ``[index]``)."""
        self.segments.append(segment)
        return self

    def path(self, base: str = "$") -> str:
        """The JSON path of the culprit under ``base``."""
        return base + "".join(reversed(self.segments))


# --- scalars ----------------------------------------------------------------------------------


def json_type(value: object) -> str:
    """What a JSON value is, as an error message says it: "a string", "null"…"""
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
        raise TypeError(f"expected an ISO 8601 date or datetime string, got {json_type(value)}")
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


def _exactly(kind: type[Any], name: str) -> Callable[[object], Any]:
    def structure_exactly(value: object) -> Any:
        # bool is an int to Python but never in our format.
        if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
            return value
        raise Failure(f"expected {name}, got {json_type(value)}")

    return structure_exactly


def _structure_when(value: object) -> dt.datetime | dt.date:
    try:
        return parse_when(value)
    except (TypeError, ValueError) as error:
        raise Failure(str(error)) from None


def _structure_date(value: object) -> dt.date:
    parsed = _structure_when(value)
    if isinstance(parsed, dt.datetime):
        raise Failure(f"expected a date (YYYY-MM-DD), got a datetime: {value!r}")
    return parsed


def _enum_structurer(kind: type[enum.Enum]) -> Callable[[object], Any]:
    members = {member.value: member for member in kind}
    choices = ", ".join(str(member.value) for member in kind)

    def structure_enum(value: object) -> Any:
        try:
            return members[value]
        except (KeyError, TypeError):  # TypeError: a list or an object is no dict key
            raise Failure(f"expected one of {choices}, got {value!r}") from None

    return structure_enum


# --- containers -------------------------------------------------------------------------------


def _tuple_structurer(item: Callable[[object], Any]) -> Callable[[object], tuple[Any, ...]]:
    def structure_tuple(value: object) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise Failure(f"expected an array, got {json_type(value)}")
        return _items(item, value)

    return structure_tuple


def _items(item: Callable[[object], Any], values: list[Any]) -> tuple[Any, ...]:
    """Every item structured, or the first failure at its index."""
    try:
        return tuple([item(value) for value in values])
    except Failure as failure:
        # Found again rather than counted on the way: counting would slow every good array.
        for index, value in enumerate(values):
            try:
                item(value)
            except Failure:
                raise failure.at(f"[{index}]") from None
        raise  # pragma: no cover - item() is deterministic


def _optional_structurer(inner: Callable[[object], Any]) -> Callable[[object], Any]:
    def structure_optional(value: object) -> Any:
        return None if value is None else inner(value)

    return structure_optional


def _structure_block(value: object) -> m.Block:
    if not isinstance(value, dict):
        raise Failure(f"expected a block object, got {json_type(value)}")
    tag = value.get("type")
    structure = _BLOCK_STRUCTURERS.get(tag) if isinstance(tag, str) else None
    if structure is None:
        raise Failure(
            f"unknown block type {tag!r}; expected one of {', '.join(sorted(_BLOCK_STRUCTURERS))}"
        )
    block: m.Block = structure(value)
    return block


# --- model classes ----------------------------------------------------------------------------

_ABSENT = object()


def structurer(kind: Any) -> Callable[[object], Any]:
    """A function from a JSON-ready tree to a ``kind``, raising :class:`Failure`."""
    return _STRUCTURERS(kind)


def _make_structurer(kind: Any) -> Callable[[object], Any]:
    if kind is str:
        return _exactly(str, "a string")
    if kind is int:
        return _exactly(int, "an integer")
    if kind is bool:
        return _exactly(bool, "true or false")
    if kind is dt.date:
        return _structure_date
    if kind == m.Block:
        return _structure_block
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return _enum_structurer(kind)
    if attrs.has(kind):
        return _class_structurer(kind, ())
    args = get_args(kind)
    if get_origin(kind) is tuple and len(args) == 2 and args[1] is Ellipsis:
        return _tuple_structurer(structurer(args[0]))
    if get_origin(kind) in (Union, types.UnionType):
        rest = tuple(arg for arg in args if arg is not type(None))
        inner: Callable[[object], Any]
        if set(rest) == {dt.datetime, dt.date}:
            inner = _structure_when
        elif len(rest) == 1:
            inner = structurer(rest[0])
        else:
            raise TypeError(f"no structurer for {kind}")
        return _optional_structurer(inner) if len(rest) < len(args) else inner
    raise TypeError(f"no structurer for {kind}")


def _class_structurer(cls: type[Any], ignored: tuple[str, ...]) -> Callable[[object], Any]:
    """Generate the structuring function of an attrs class (``ignored``: keys passed over)."""
    fields = attrs.fields(attrs.resolve_types(cls))
    keys = [m.camel_case(field.name) for field in fields]
    namespace: dict[str, Any] = {
        "Mapping": Mapping,
        "Failure": Failure,
        "InvalidArticleError": InvalidArticleError,
        "json_type": json_type,
        "items": _items,
        "ABSENT": _ABSENT,
        "new": object.__new__,
        "cls": cls,
        "known": frozenset(keys) | frozenset(ignored),
        "unknown": _unknown_key,
    }
    lines = [
        "if type(o) is not dict and not isinstance(o, Mapping):",
        "    raise Failure(f'expected an object, got {json_type(o)}')",
    ]
    for number, (field, key) in enumerate(zip(fields, keys, strict=True)):
        if get_origin(field.type) is tuple:
            # Every array is looked at before anything else, as in the order of errors above.
            lines += [
                f"v{number} = o.get({key!r}, ABSENT)",
                f"if v{number} is not ABSENT and not isinstance(v{number}, list):",
                f"    raise Failure(f'expected an array, got {{json_type(v{number})}}', '.{key}')",
            ]
    for number, (field, key) in enumerate(zip(fields, keys, strict=True)):
        lines += _field_lines(field, key, number, namespace)
    arguments = ", ".join(f"{field.alias}=v{number}" for number, field in enumerate(fields))
    lines += [
        "if not known.issuperset(o):",
        "    raise unknown(o, known)",
        "try:",
        *_indented(_trusted_build(cls, fields, namespace)),
        # The constructor says exactly what is wrong.
        f"    return cls({arguments})",
        "except InvalidArticleError as error:",
        "    raise Failure(error.message, (error.path or '$')[1:]) from None",
        "except (TypeError, ValueError) as error:",
        "    raise Failure(str(error)) from None",
    ]
    return generated(f"structure_{cls.__name__}", cls, lines, namespace)


def builder(cls: type[Any]) -> Callable[..., Any]:
    """A function from every field value of ``cls`` (by position in field order, or by name),
    each of its field's type, to a ``cls``: for readers that type the values themselves
    (NewsML-G2's extension elements, body markup).

    It builds as the structurers do: checks that would only repeat the type are skipped, the
    other checks, the converters and ``__attrs_post_init__`` run, and a value that a check
    refuses goes through the constructor, which raises the model's own error.
    """
    return _BUILDERS(cls)


def _make_builder(cls: type[Any]) -> Callable[..., Any]:
    fields = attrs.fields(attrs.resolve_types(cls))
    namespace: dict[str, Any] = {"new": object.__new__, "cls": cls}
    names = [field.alias for field in fields]
    lines = [f"v{number} = {name}" for number, name in enumerate(names)]
    arguments = ", ".join(f"{name}={name}" for name in names)
    lines += [*_trusted_build(cls, fields, namespace), f"return cls({arguments})"]
    return generated(f"build_{cls.__name__}", cls, lines, namespace, ", ".join(names))


def _field_lines(field: Any, key: str, number: int, namespace: dict[str, Any]) -> list[str]:
    """Lines that read the field's key into ``v<number>``: checked, converted, or defaulted."""
    value, where = f"v{number}", f"'.{key}'"
    if isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]  # a class at runtime
        raise TypeError(f"{field.name}: a default factory is not supported")
    if get_origin(field.type) is tuple:
        namespace[f"s{number}"] = structurer(get_args(field.type)[0])
        fetch: list[str] = []  # done with the other arrays
        check = _guarded([f"{value} = items(s{number}, {value})"], where)
    else:
        fetch = [f"{value} = o.get({key!r}, ABSENT)"]
        check = _value_check(field.type, value, where, number, namespace)
    if field.default is attrs.NOTHING:
        return [
            *fetch,
            f"if {value} is ABSENT:",
            f"    raise Failure('required key is missing', {where})",
            *check,
        ]
    if field.default is None and check[0].startswith(f"if {value} is not None"):
        # Absent and null are the same here: both leave the default, None.
        return [f"{value} = o.get({key!r})", *check]
    namespace[f"d{number}"] = field.default
    default = [f"if {value} is ABSENT:", f"    {value} = d{number}", "else:"]
    return [*fetch, *default, *_indented(check)]


# Checks written into the generated code rather than called: (JSON name, failing condition).
_INLINE_SCALARS = {
    str: ("a string", "not isinstance({v}, str)"),
    int: (
        "an integer",
        "type({v}) is not int and (not isinstance({v}, int) or isinstance({v}, bool))",
    ),
    bool: ("true or false", "not isinstance({v}, bool)"),
}


def _value_check(
    kind: Any, value: str, where: str, number: int, namespace: dict[str, Any]
) -> list[str]:
    """Lines that check ``value`` as a ``kind`` (converting it where needed)."""
    args = get_args(kind) if get_origin(kind) in (Union, types.UnionType) else ()
    optional = len(args) == 2 and type(None) in args
    inner = next(arg for arg in args if arg is not type(None)) if optional else kind
    if inner in _INLINE_SCALARS:
        name, failing = _INLINE_SCALARS[inner]
        condition = failing.format(v=value)
        if optional:
            condition = f"{value} is not None and ({condition})"
        return [
            f"if {condition}:",
            f"    raise Failure(f'expected {name}, got {{json_type({value})}}', {where})",
        ]
    if isinstance(inner, type) and issubclass(inner, enum.Enum):
        namespace[f"e{number}"] = {member.value: member for member in inner}
        namespace[f"s{number}"] = _enum_structurer(inner)
        lines = [
            "try:",
            f"    {value} = e{number}[{value}]",
            "except (KeyError, TypeError):",  # TypeError: a list or an object is no dict key
            f"    {value} = s{number}({value})",  # raises, with the message
        ]
    else:
        namespace[f"s{number}"] = structurer(inner)
        lines = [f"{value} = s{number}({value})"]
    if optional:
        return [f"if {value} is not None:", *_indented(_guarded(lines, where))]
    return _guarded(lines, where)


def _guarded(lines: list[str], where: str) -> list[str]:
    """``lines``, with a failure inside them placed under the field ``where``."""
    return [
        "try:",
        *_indented(lines),
        "except Failure as failure:",
        f"    raise failure.at({where}) from None",
    ]


def _trusted_build(cls: type[Any], fields: Any, namespace: dict[str, Any]) -> list[str]:
    """Lines that build the object without ``__init__`` when its cheap checks pass.

    The values have the types the field checks above made sure of, so a validator that would
    only check the type again is skipped, and the usual value checks are written inline
    (:data:`_PREDICATES`). Every other validator, the converters and ``__attrs_post_init__``
    run as ``__init__`` would run them. When an inline check fails, the lines fall through to
    the constructor, which raises the model's own error.
    """
    predicates: list[str] = []
    sets: list[str] = []
    checks: list[str] = []
    for number, field in enumerate(fields):
        value = f"v{number}"
        slot: Any = cls.__dict__.get(field.name)
        if not hasattr(slot, "__set__"):
            return []  # not a slotted attrs class: always through __init__
        namespace[f"set{number}"] = slot.__set__
        if field.converter is not None:
            namespace[f"c{number}"] = field.converter
            sets.append(f"{value} = c{number}({value})")
        sets.append(f"set{number}(self, {value})")
        for index, validator in enumerate(_validators(field.validator)):
            if _checks_only_the_type(validator, field.type):
                continue
            predicate = _PREDICATES.get((validator, field.type))
            if predicate is not None and field.converter is None:
                predicates.append(predicate.format(v=value))
                continue
            namespace[f"validate{number}_{index}"], namespace[f"f{number}"] = validator, field
            checks.append(f"validate{number}_{index}(self, f{number}, {value})")
    build = ["self = new(cls)", *sets, *checks]
    if hasattr(cls, "__attrs_post_init__"):
        build.append("self.__attrs_post_init__()")
    return [f"if {' and '.join(predicates) or 'True'}:", *_indented([*build, "return self"])]


def _validators(validator: Any) -> tuple[Any, ...]:
    """A field's validators, in the order attrs runs them."""
    if validator is None:
        return ()
    return tuple(getattr(validator, "_validators", (validator,)))


def _checks_only_the_type(validator: Any, kind: Any) -> bool:
    """Whether ``validator`` checks only that a value is of the field's type ``kind``.

    Such a validator is the model's ``_instance`` (of the field's type) or ``_each`` (of the
    items' type); what the generated code hands it was built as that type, so it cannot fail.
    """
    code = getattr(validator, "__code__", None)
    if code not in _TYPE_CHECK_CODES:
        return False
    checked: object = inspect.getclosurevars(validator).nonlocals["kind"]
    if code is _EACH_CODE:
        (item,) = get_args(kind)[:1]
        return bool(checked == (get_args(item) if item == m.Block else item))
    optional = [arg for arg in get_args(kind) if arg is not type(None)]
    return bool(checked == (optional[0] if len(optional) == 1 else kind))


_EACH_CODE = checks._each(object, "").__code__
_TYPE_CHECK_CODES = {_EACH_CODE, checks._instance(object).__code__}

#: Inline stand-ins for the model's validators, by (validator, field type): for a value the
#: field check has already typed, true exactly when the validator would pass.
_PREDICATES: dict[tuple[Any, Any], str] = {
    (checks._text, str): "{v}.strip()",
    (checks._optional_text, str | None): "({v} is None or {v}.strip())",
    (checks._non_negative, int): "{v} >= 0",
    (checks._non_negative, int | None): "({v} is None or {v} >= 0)",
    (checks._heading_level, int): "1 <= {v} <= 6",
}


def _indented(lines: list[str]) -> list[str]:
    return [f"    {line}" for line in lines]


def _unknown_key(tree: Mapping[str, Any], known: frozenset[str]) -> Failure:
    first = min(key for key in tree if key not in known)
    return Failure("unknown key", f".{first}")


_STRUCTURERS = FunctionTable(_make_structurer)
_BUILDERS = FunctionTable(_make_builder)
# A block's "type" tag is read by _structure_block, so its class passes over it.
_BLOCK_STRUCTURERS = {tag: _class_structurer(cls, ("type",)) for cls, tag in BLOCK_TAGS.items()}
# Built at import, where no other thread can see a half-built table.
structurer(m.Article)
