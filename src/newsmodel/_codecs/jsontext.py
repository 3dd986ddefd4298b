"""Decode JSON text for the JSON codecs, every failure a ParseError with line and column."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from .._extract.common.cleantext import LONE_SURROGATE_ESCAPE, SURROGATE
from ..errors import ParseError
from .limits import check_size

__all__ = ["load_json", "parse_json"]


def parse_json(data: str | bytes, *, lone_surrogates: bool = False) -> object:
    """The JSON value of ``data`` (``str``, or UTF-8/16/32 ``bytes``).

    ``lone_surrogates=True`` accepts strings holding half of a surrogate pair: only for the
    exact copy newsmodel's own NewsML-G2 writer makes of an article built in Python, which
    may hold one.

    Raises:
        ParseError: malformed JSON (with line and column), bytes that are not UTF-8, NaN or
            Infinity (not JSON), nesting deeper than Python's recursion limit, or a string
            holding half of a surrogate pair (with its JSON path).
    """
    try:
        value = json.loads(data, parse_constant=_refuse_constant)
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
    if not lone_surrogates and _may_hold_surrogate(data):
        _refuse_lone_surrogates(value)
    return value


def _refuse_constant(name: str) -> object:
    raise ValueError(f"{name} is not valid JSON")


def load_json(data: str | bytes, max_bytes: int) -> object:
    """:func:`parse_json` for a codec's reader: inputs over ``max_bytes`` refused first.

    Raises:
        ParseError: as :func:`parse_json`, or the input is over ``max_bytes``.
    """
    check_size(data, max_bytes)
    return parse_json(data)


# JSON may spell half of a surrogate pair ("\\ud800"), which Python decodes into a string that
# no UTF-8 writer can encode: refused here, where the path can still be named. The cheap
# pattern rules out nearly every document before the exact one runs.
_SURROGATE_ESCAPE_TEXT = re.compile(r"\\u[dD]")
_SURROGATE_ESCAPE_BYTES = re.compile(rb"\\u[dD]")
_LONE_ESCAPE_BYTES = re.compile(LONE_SURROGATE_ESCAPE.pattern.encode("ascii"))


def _may_hold_surrogate(data: str | bytes) -> bool:
    """Whether the decoded value can hold a lone surrogate, judged from the raw text.

    A ``str`` holding a surrogate code point itself is the caller's own text and is not
    looked for.
    """
    if isinstance(data, str):
        return bool(_SURROGATE_ESCAPE_TEXT.search(data) and LONE_SURROGATE_ESCAPE.search(data))
    if not json.detect_encoding(data).startswith("utf-8"):
        return True  # UTF-16 or UTF-32: rare enough to walk the value
    return bool(_SURROGATE_ESCAPE_BYTES.search(data) and _LONE_ESCAPE_BYTES.search(data))


def _refuse_lone_surrogates(value: object) -> None:
    for path, text in _strings(value):
        if SURROGATE.search(text):
            raise ParseError("not valid Unicode: a lone surrogate (half of a pair)", path=path)


def _strings(value: object) -> Iterator[tuple[str, str]]:
    """Every string of a JSON value, keys included, with its JSON path (no recursion: the
    value may be nested as deep as the decoder allows)."""
    stack: list[tuple[str, object]] = [("$", value)]
    while stack:
        path, item = stack.pop()
        if isinstance(item, str):
            yield path, item
        elif isinstance(item, list):
            stack.extend(
                (f"{path}[{index}]", child) for index, child in reversed(list(enumerate(item)))
            )
        elif isinstance(item, dict):
            for key, child in reversed(item.items()):
                stack.append((f"{path}.{key}", child))
                stack.append((f"{path}.{key}", key))
