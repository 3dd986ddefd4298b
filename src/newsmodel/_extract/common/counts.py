"""Counts as publishers write them."""

from __future__ import annotations

import re

__all__ = ["lenient_count"]

#: A count opening a string: "12", "1,204 comments".
_COUNT = re.compile(r"^\s*(\d{1,3}(?:,\d{3})+(?!\d)|\d{1,9})")


def lenient_count(value: object) -> int | None:
    """A non-negative count from a value as publishers write it.

    Accepts ``12``, ``12.0``, ``"12"``, ``"1,204 comments"`` and schema.org's
    ``{"@value": 12}``; anything else (a negative or fractional number, a boolean, text
    without a leading number) is ``None``.
    """
    if isinstance(value, dict):
        value = value.get("@value", value.get("value"))
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, float):
        return int(value) if value.is_integer() and value >= 0 else None
    if isinstance(value, str):
        match = _COUNT.match(value)
        return int(match.group(1).replace(",", "")) if match else None
    return None
