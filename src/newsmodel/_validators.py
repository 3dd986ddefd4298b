"""The attrs validators of the model: every check a value passes at construction, each failure
an :class:`~newsmodel.errors.InvalidArticleError` naming the field (and item) at fault.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any, TypeAlias

import attrs

from .errors import InvalidArticleError

__all__ = ["LANGUAGE_TAG", "When", "camel_case"]

if TYPE_CHECKING:  # attrs.Attribute is generic only to type checkers
    _Field: TypeAlias = attrs.Attribute[Any]

#: A moment (timezone-aware :class:`~datetime.datetime`) or a day (:class:`~datetime.date`)
#: when only the day is known.
When = dt.datetime | dt.date

LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$")


def camel_case(name: str) -> str:
    """``source_span`` → ``sourceSpan``: a field's key in JSON and in error paths."""
    first, *rest = name.split("_")
    return first + "".join(part.title() for part in rest)


def _fail(field: _Field, message: str) -> InvalidArticleError:
    return InvalidArticleError(message, path=f"$.{camel_case(field.name)}")


def _text(_: object, field: _Field, value: str) -> None:
    """A required string: not empty, not only white space."""
    if not isinstance(value, str):
        raise _fail(field, f"expected a string, got {type(value).__name__}")
    if not value.strip():
        raise _fail(field, "must not be empty (absent values are None)")


def _optional_text(instance: object, field: _Field, value: str | None) -> None:
    if value is not None:
        _text(instance, field, value)


def _texts(_: object, field: _Field, value: tuple[str, ...]) -> None:
    _check_sequence(field, value)
    for index, item in enumerate(value):
        if not isinstance(item, str):
            raise _fail_item(field, index, f"expected a string, got {type(item).__name__}")
        if not item.strip():
            raise _fail_item(field, index, "must not be empty")


def _fail_item(field: _Field, index: int, message: str) -> InvalidArticleError:
    return InvalidArticleError(message, path=f"$.{camel_case(field.name)}[{index}]")


def _check_sequence(field: _Field, value: object) -> None:
    if not isinstance(value, tuple):
        raise _fail(field, f"expected a sequence, got {type(value).__name__}")


def _each(kind: type[Any] | tuple[type[Any], ...], what: str) -> Any:
    """A validator: every item of a tuple field is a ``kind`` (one isinstance per item)."""

    def check_items(_: object, field: _Field, value: tuple[Any, ...]) -> None:
        _check_items(field, value, kind, what)

    return check_items


def _check_items(
    field: _Field, value: tuple[Any, ...], kind: type[Any] | tuple[type[Any], ...], what: str
) -> None:
    _check_sequence(field, value)
    for item in value:
        if not isinstance(item, kind):
            index = next(i for i, each in enumerate(value) if not isinstance(each, kind))
            raise _fail_item(field, index, f"expected {what}, got {type(item).__name__}")


def _instance(kind: type[Any], *, optional: bool = False) -> Any:
    """A validator: the field holds a ``kind`` (or ``None`` when ``optional``)."""

    def check_instance(_: object, field: _Field, value: object) -> None:
        if not isinstance(value, kind) and not (optional and value is None):
            raise _fail(field, f"expected {kind.__name__}, got {type(value).__name__}")

    return check_instance


def _non_negative(_: object, field: _Field, value: int | None) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise _fail(field, f"expected an integer, got {type(value).__name__}")
    if value < 0:
        raise _fail(field, f"must not be negative, got {value}")


def _when(_: object, field: _Field, value: When | None) -> None:
    if value is None:
        return
    if not isinstance(value, dt.date):
        raise _fail(field, f"expected a datetime or date, got {type(value).__name__}")
    if isinstance(value, dt.datetime) and value.utcoffset() is None:
        raise _fail(field, "datetimes must be timezone-aware (a day alone is a date)")


def _day(_: object, field: _Field, value: dt.date | None) -> None:
    if value is not None and (not isinstance(value, dt.date) or isinstance(value, dt.datetime)):
        raise _fail(field, "expected a date")


def _heading_level(_: object, field: _Field, value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 6:
        raise _fail(field, f"a heading's level is 1 to 6, got {value!r}")


def _language(_: object, field: _Field, value: str | None) -> None:
    if value is not None and (not isinstance(value, str) or not LANGUAGE_TAG.match(value)):
        raise _fail(field, f"not a BCP 47 language tag: {value!r}")
