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
from ..._structure import builder
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


#: The article's fields that only newsmodel's ``nm:article`` element carries.
ARTICLE_FIELDS = ("url", "section", "quotes", "comments", "corrections")


def read_object(element: etree._Element, cls: type[_T]) -> _T:
    """Build a model object from an nm element written by :func:`write_object`."""
    try:
        built: _T = _reader(cls, None)(element)
    except (KeyError, TypeError, ValueError):
        return _read_object_exactly(element, cls)  # which says what is wrong, and where
    return built


def read_fields(element: etree._Element, cls: type[Any], names: tuple[str, ...]) -> dict[str, Any]:
    """The named fields of ``cls`` that ``element`` holds, as model values."""
    try:
        fields: dict[str, Any] = _reader(cls, names)(element)
    except (KeyError, TypeError, ValueError):
        return _read_fields_exactly(element, cls, names)
    return fields


def _reader(cls: type[Any], names: tuple[str, ...] | None) -> Callable[[Any], Any]:
    """The generated function from an nm element to a ``cls`` (given ``names``, to a
    dictionary of those fields that the element holds).

    It reads each attribute and child once, types each value as the slow path does
    (:func:`_scalar_reader`) and builds through :func:`~newsmodel._structure.builder`; any
    failure (KeyError, TypeError, ValueError) sends the caller to the slow path, which says
    what is wrong, and where. What the element holds beyond the fields is passed over.
    """
    return _READERS((cls, names))


def _make_reader(wanted: tuple[type[Any], tuple[str, ...] | None]) -> Callable[[Any], Any]:
    cls, names = wanted
    plan = _plan(cls, tuple(_fields_of(cls)) if names is None else names)
    namespace: dict[str, Any] = {"ABSENT": _ABSENT, "read_int": _read_int}
    lines: list[str] = []
    children: list[str] = []
    for number, (_, key, how, target) in enumerate(plan):
        value = f"v{number}"
        if how == _SCALAR:
            lines.append(f"{value} = get({key!r})")
            if target is _read_int:  # the commonest: offsets of spans
                typed = (
                    f"int({value}) if {value}.isdigit() and {value}.isascii()"
                    f" else read_int({value})"
                )
            elif isinstance(target, type) and issubclass(target, enum.Enum):
                namespace[f"e{number}"] = {member.value: member for member in target}
                typed = f"e{number}[{value}]"
            elif target is not str:
                namespace[f"r{number}"] = target
                typed = f"r{number}({value})"
            else:
                continue
            lines += [f"if {value} is not None:", f"    {value} = {typed}"]
            continue
        lines.append(f"{value} = ABSENT")
        if how != _TEXTS:
            namespace[f"r{number}"] = _reader(target, None)
        if how == _OBJECT:
            children += [
                f"elif k == {key!r}:",
                f"    if {value} is ABSENT:",  # the first such child, as find() picks
                f"        {value} = r{number}(c)",
            ]
            continue
        item = "c.text or ''" if how == _TEXTS else f"r{number}(c)"
        children += [
            f"elif k == {key!r}:",
            f"    if {value} is ABSENT:",
            f"        {value} = [{item}]",
            "    else:",
            f"        {value}.append({item})",
        ]
    if children:
        children[0] = children[0][2:]  # the first "elif" is an "if"
        lines += ["for c in o:", "    k = c.tag", *(f"    {line}" for line in children)]
    lines.insert(0, "get = o.get")  # looked up once: most elements are read for attributes
    if names is None:
        lines += _built(cls, plan, namespace)
    else:
        lines.append("f = {}")
        for number, (name, _, how, _) in enumerate(plan):
            value = f"v{number}"
            absent = "None" if how == _SCALAR else "ABSENT"
            kept = value if how in (_SCALAR, _OBJECT) else f"tuple({value})"
            lines += [f"if {value} is not {absent}:", f"    f[{name!r}] = {kept}"]
        lines.append("return f")
    return generated(f"read_{cls.__name__}", cls, lines, namespace)


def _built(cls: type[Any], plan: _Plan, namespace: dict[str, Any]) -> list[str]:
    """Lines that give absent fields their defaults (a required one absent is a TypeError)
    and build the object."""
    namespace["build"] = builder(cls)
    namespace["Missing"] = TypeError
    lines = []
    for number, (field, (name, _, how, _)) in enumerate(zip(attrs.fields(cls), plan, strict=True)):
        value = f"v{number}"
        absent = "None" if how == _SCALAR else "ABSENT"
        if field.default is attrs.NOTHING:
            lines += [f"if {value} is {absent}:", f"    raise Missing({name!r})"]
        elif how in (_TEXTS, _OBJECTS):
            namespace[f"d{number}"] = field.default
            lines += [
                f"{value} = d{number} if {value} is ABSENT else tuple({value})",
            ]
        elif field.default is not None or how == _OBJECT:
            namespace[f"d{number}"] = field.default
            lines += [f"if {value} is {absent}:", f"    {value} = d{number}"]
    lines.append(f"return build({', '.join(f'v{number}' for number in range(len(plan)))})")
    return lines


_ABSENT = object()
_READERS = FunctionTable(_make_reader)


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
    _reader(_written, None)
_reader(m.Article, ARTICLE_FIELDS)
