"""Decode JSON text for the JSON codecs, every failure a ParseError with line and column."""

from __future__ import annotations

import json

from ..errors import ParseError
from .limits import check_size

__all__ = ["load_json", "parse_json"]


def parse_json(data: str | bytes) -> object:
    """The JSON value of ``data`` (``str``, or UTF-8/16/32 ``bytes``).

    Raises:
        ParseError: malformed JSON (with line and column), bytes that are not UTF-8, NaN or
            Infinity (not JSON), or nesting deeper than Python's recursion limit.
    """
    try:
        return json.loads(data, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        raise ParseError(
            f"not valid JSON: {error.msg}", line=error.lineno, column=error.colno
        ) from error
    except UnicodeDecodeError as error:
        raise ParseError(f"not valid UTF-8 at byte {error.start}: {error.reason}") from error
    except RecursionError as error:
        raise ParseError("JSON nested too deeply") from error
    except ValueError as error:  # raised by _refuse_constant
        raise ParseError(str(error)) from error


def _refuse_constant(name: str) -> object:
    raise ValueError(f"{name} is not valid JSON")


def load_json(data: str | bytes, max_bytes: int) -> object:
    """:func:`parse_json` for a codec's reader: inputs over ``max_bytes`` refused first.

    Raises:
        ParseError: as :func:`parse_json`, or the input is over ``max_bytes``.
    """
    check_size(data, max_bytes)
    return parse_json(data)
