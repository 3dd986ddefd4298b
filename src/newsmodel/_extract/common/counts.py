"""Counts as publishers write them."""

from __future__ import annotations

__all__ = ["lenient_count"]


def lenient_count(value: object) -> int | None:
    """A non-negative count from a JSON value as publishers write it (``12`` or ``"12"``)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None
