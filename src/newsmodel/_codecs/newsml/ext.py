"""newsmodel's extension namespace: model objects written and read as ``nm:`` elements.

Shared by the writer (``_newsml_write``) and the reader (``_newsml_read``) of NewsML-G2.
"""

from __future__ import annotations

import datetime as dt
import enum
import typing
from collections.abc import Callable
from typing import Any, TypeVar

import attrs
from lxml import etree

from ... import _model as m
from ..._codegen import FunctionTable, generated
from ..._converter import parse_when
from ..._model import camel_case
from ..._structure import Failure, structurer
from ...errors import InvalidArticleError, ParseError
from ..xmltext import XmlText, attribute_value, character_data
from .names import NAMESPACE, local, nm, source_line

_T = TypeVar("_T")

# One element per item of a tuple field, named in the singular: nm:quote, nm:span, nm:reply…
_ITEM_NAMES = {
    "comments": "comment",
    "corrections": "correction",
    "quotes": "quote",
    "replies": "reply",
    "spans": "span",
}


def write_object(
    out: XmlText, name: str, value: object, text: Callable[[str], str] | None = None
) -> None:
    """Write a model object exactly, as nm elements (fields as attributes and children).

    Fields are written in model order, defaults left out, as the JSON format writes them:
    scalars as attributes, then objects and arrays as child elements (an array's items named
    in the singular). ``text``, when given, prepares each string for XML
    (``write._Writer.text``); without it strings are written as they are.
    """
    if text is None:
        out.raw(_writers((type(value), False))(value, name))
    else:
        out.raw(_writers((type(value), True))(value, name, text))


def write_objects(
    out: XmlText, name: str, values: tuple[Any, ...], text: Callable[[str], str] | None = None
) -> None:
    """Write model objects of one class (an article's quotes), as :func:`write_object` does."""
    if not values:
        return
    if text is None:
        write = _writers((type(values[0]), False))
        out.raw("".join([write(value, name) for value in values]))
    else:
        write = _writers((type(values[0]), True))
        out.raw("".join([write(value, name, text) for value in values]))


def _make_writer(wanted: tuple[type[Any], bool]) -> Callable[..., str]:
    """Generate the function that writes a ``cls`` as the nm element ``name``.

    Each run of attributes that are always written is one f-string; with ``cleaned``, every
    string goes through ``text`` first.
    """
    cls, cleaned = wanted
    passed = ", text" if cleaned else ""
    namespace: dict[str, Any] = {
        "escape": attribute_value,
        "character_data": character_data,
        "BOOLEAN": {True: "true", False: "false"},
    }
    head: list[str] = []
    run = "<nm:{name}"  # the f-string of attributes not yet written to h
    children: list[str] = []
    for number, field in enumerate(attrs.fields(attrs.resolve_types(cls))):
        key, value = camel_case(field.name), f"v{number}"
        kind = _optional(field.type)
        required = field.default is attrs.NOTHING
        if field.default is not attrs.NOTHING:
            namespace[f"d{number}"] = field.default
        if typing.get_origin(kind) is tuple:
            item = typing.get_args(kind)[0]
            name = _ITEM_NAMES.get(key, key)
            if item is str:
                string = "text(x)" if cleaned else "x"
                element = f"f'<nm:{name}>{{character_data({string})}}</nm:{name}>'"
                part = f"''.join([{element} for x in {value}])"
            else:
                namespace[f"w{number}"] = _writers((item, cleaned))
                part = f"''.join([w{number}(x, {name!r}{passed}) for x in {value}])"
        elif attrs.has(kind):
            namespace[f"w{number}"] = _writers((kind, cleaned))
            part = f"w{number}({value}, {key!r}{passed})"
        else:
            if required:
                written = _attribute_text(kind, f"o.{field.name}", cleaned)
                run += f' {key}="{{{written}}}"'
            else:
                if run:
                    head.append(f"h {'+' if head else ''}= f'{run}'")
                    run = ""
                written = _attribute_text(kind, value, cleaned)
                head += [
                    f"{value} = o.{field.name}",
                    f"if {_given(field, value, number)}:",
                    f"    h += f' {key}=\"{{{written}}}\"'",
                ]
            continue
        children.append(f"{value} = o.{field.name}")
        if required:
            children.append(f"b += {part}")
        else:
            children += [f"if {_given(field, value, number)}:", f"    b += {part}"]
    if run:
        head.append(f"h {'+' if head else ''}= f'{run}'")
    if children:
        lines = [
            *head,
            "b = ''",
            *children,
            "if b:",
            "    return h + '>' + b + '</nm:' + name + '>'",
            "return h + '/>'",
        ]
    else:
        lines = [*head, "return h + '/>'"]
    return generated(f"write_{cls.__name__}", cls, lines, namespace, "o, name" + passed)


def _given(field: Any, value: str, number: int) -> str:
    """A condition on ``value``: whether it differs from the field's default."""
    if field.default is None:
        return f"{value} is not None"
    if field.default == ():
        return value  # a tuple: whether it has items
    if isinstance(field.default, enum.Enum):
        return f"{value} is not d{number}"
    return f"{value} != d{number}"


def _attribute_text(kind: Any, value: str, cleaned: bool) -> str:
    """An expression for the attribute text of a scalar ``value`` of type ``kind``."""
    if kind is bool:
        return f"BOOLEAN[{value}]"
    if kind is int:
        return value  # formatted by the f-string, as str() would
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        # _value_ is the member's own attribute; .value and hashing a member run Python code.
        if all(attribute_value(member.value) == member.value for member in kind):
            return f"{value}._value_"
        return f"escape({value}._value_)"
    if kind is str:
        return f"escape(text({value}))" if cleaned else f"escape({value})"
    return f"{value}.isoformat()"  # a date, or a datetime with its offset


_writers = FunctionTable(_make_writer)


def _fields_of(cls: type[Any]) -> dict[str, Any]:
    """Each field's resolved type, by field name."""
    types = _FIELD_TYPES.get(cls)
    if types is None:
        resolved = attrs.fields(attrs.resolve_types(cls))
        types = _FIELD_TYPES[cls] = {field.name: field.type for field in resolved}
    return types


_FIELD_TYPES: dict[type[Any], dict[str, Any]] = {}


def read_object(element: etree._Element, cls: type[_T]) -> _T:
    """Build a model object from an nm element written by :func:`write_object`."""
    try:
        built: _T = structurer(cls)(_tree_reader(cls, None)(element))
    except (Failure, ValueError):
        return _read_object_exactly(element, cls)  # which says what is wrong, and where
    return built


def read_fields(element: etree._Element, cls: type[Any], names: tuple[str, ...]) -> dict[str, Any]:
    """The named fields of ``cls`` that ``element`` holds, as model values."""
    types = _fields_of(cls)
    try:
        tree = _tree_reader(cls, names)(element)
        return {
            name: structurer(types[name])(tree[camel_case(name)])
            for name in names
            if camel_case(name) in tree
        }
    except (Failure, ValueError):
        return _read_fields_exactly(element, cls, names)


def _tree_reader(cls: type[Any], names: tuple[str, ...] | None) -> Callable[[Any], Any]:
    """The generated function from an nm element to the JSON-ready tree of its fields.

    Attributes become scalars (numbers and booleans converted, raising ValueError), child
    elements objects and arrays; what the element holds beyond the fields is passed over.
    """
    return _TREE_READERS((cls, names))


def _make_tree_reader(wanted: tuple[type[Any], tuple[str, ...] | None]) -> Callable[[Any], Any]:
    cls, names = wanted
    types = _fields_of(cls)
    namespace: dict[str, Any] = {"read_int": _read_int, "read_bool": _read_bool}
    lines = ["t = {}"]
    children: list[str] = []
    for number, name in enumerate(types if names is None else names):
        key, kind = camel_case(name), types[name]
        inner = _optional(kind)
        if typing.get_origin(kind) is tuple:
            item = typing.get_args(kind)[0]
            if item is str:
                value = "c.text or ''"
            else:
                namespace[f"r{number}"] = _tree_reader(item, None)
                value = f"r{number}(c)"
            tag = nm(_ITEM_NAMES.get(key, key))
            children += [f"elif k == {tag!r}:", f"    t.setdefault({key!r}, []).append({value})"]
        elif attrs.has(inner):
            namespace[f"r{number}"] = _tree_reader(inner, None)
            children += [
                f"elif k == {nm(key)!r}:",
                f"    if {key!r} not in t:",  # the first such child, as find() picks
                f"        t[{key!r}] = r{number}(c)",
            ]
        else:
            reader = _scalar_reader(kind)
            value = _CONVERTED.get(reader, "v")
            lines += [f"v = o.get({key!r})", "if v is not None:", f"    t[{key!r}] = {value}"]
    if children:
        children[0] = children[0][2:]  # the first "elif" is an "if"
        lines += ["for c in o:", "    k = c.tag", *(f"    {line}" for line in children)]
    return generated(f"tree_{cls.__name__}", cls, [*lines, "return t"], namespace)


_TREE_READERS = FunctionTable(_make_tree_reader)


def _read_object_exactly(element: etree._Element, cls: type[_T]) -> _T:
    """:func:`read_object` the slow way, every failure a ParseError that says where."""
    try:
        built: _T = cls(**_read_fields_exactly(element, cls, tuple(_fields_of(cls))))
    except InvalidArticleError as error:
        raise ParseError(
            error.message, path=xml_path(element), line=source_line(element)
        ) from error
    except TypeError as error:
        raise ParseError(str(error), path=xml_path(element), line=source_line(element)) from error
    return built


_TEXTS, _OBJECTS, _OBJECT, _SCALAR = range(4)
_Plan = tuple[tuple[str, str, int, Any], ...]
_PLANS: dict[tuple[type[Any], tuple[str, ...]], _Plan] = {}


def _read_fields_exactly(
    element: etree._Element, cls: type[Any], names: tuple[str, ...]
) -> dict[str, Any]:
    """:func:`read_fields` the slow way, every failure a ParseError that says where."""
    plan = _PLANS.get((cls, names))
    if plan is None:
        plan = _PLANS[cls, names] = _plan(cls, names)
    fields: dict[str, Any] = {}
    for name, key, how, target in plan:
        if how == _SCALAR:
            value = element.get(key)
            if value is not None:
                try:
                    fields[name] = target(value)
                except ValueError as error:
                    raise ParseError(
                        str(error), path=f"{xml_path(element)}/@{key}", line=source_line(element)
                    ) from error
        elif how == _OBJECT:
            child = element.find(key)
            if child is not None:
                fields[name] = _read_object_exactly(child, target)
        else:
            children = element.findall(key)
            if children:
                if how == _TEXTS:
                    fields[name] = tuple(child.text or "" for child in children)
                else:
                    fields[name] = tuple(_read_object_exactly(child, target) for child in children)
    return fields


def _plan(cls: type[Any], names: tuple[str, ...]) -> _Plan:
    """How to read each field: which attribute or child, and what to make of it."""
    plan = []
    types = _fields_of(cls)
    for name in names:
        key = camel_case(name)
        kind = types[name]
        inner = _optional(kind)
        if typing.get_origin(kind) is tuple:
            item_type = typing.get_args(kind)[0]
            how = _TEXTS if item_type is str else _OBJECTS
            plan.append((name, nm(_ITEM_NAMES.get(key, key)), how, item_type))
        elif attrs.has(inner):
            plan.append((name, nm(key), _OBJECT, inner))
        else:
            plan.append((name, key, _SCALAR, _scalar_reader(kind)))
    return tuple(plan)


def _optional(kind: Any) -> Any:
    args = [arg for arg in typing.get_args(kind) if arg is not type(None)]
    return args[0] if len(args) == 1 else kind


def _scalar_reader(kind: Any) -> Callable[[str], object]:
    """A function from an attribute's text to a field's value, raising ValueError."""
    args = set(typing.get_args(kind)) - {type(None)} or {kind}
    if dt.datetime in args:
        return parse_when
    if dt.date in args:
        return _read_day
    if bool in args:
        return _read_bool
    if int in args:
        return _read_int
    (only,) = args
    if isinstance(only, type) and issubclass(only, enum.Enum):
        return typing.cast(Callable[[str], object], only)
    return str


def _read_day(value: str) -> dt.date:
    day = parse_when(value)
    if isinstance(day, dt.datetime):
        raise ValueError(f"expected a date, got {value!r}")
    return day


def _read_bool(value: str) -> bool:
    if value not in ("true", "false"):
        raise ValueError(f"expected true or false, got {value!r}")
    return value == "true"


def _read_int(value: str) -> int:
    if not (value.isascii() and value.isdigit()):
        raise ValueError(f"expected a whole number, got {value!r}")
    return int(value)


def xml_path(element: etree._Element) -> str:
    names = []
    node: etree._Element | None = element
    while node is not None:
        prefix = (
            "nm:" if isinstance(node.tag, str) and node.tag.startswith(f"{{{NAMESPACE}}}") else ""
        )
        names.append(prefix + local(node))
        node = node.getparent()
    return "/" + "/".join(reversed(names))


# Made at import, where no other thread can see the table half filled.
for _written in (
    m.Organization,
    m.Image,
    m.Byline,
    m.Dateline,
    m.Quote,
    m.CommentThread,
    m.Correction,
):
    _writers((_written, False))
    _writers((_written, True))

# Attributes the JSON tree holds as numbers or booleans; the rest stay strings.
_CONVERTED: dict[Callable[[str], object], str] = {
    _read_int: "read_int(v)",
    _read_bool: "read_bool(v)",
}
