"""Text values as pages write them, cleaned."""

from __future__ import annotations

import html
import re

__all__ = ["clean_text"]


_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_TAG = re.compile(r"<[^<>]{0,300}>")
_SPACES = re.compile(r"\s+")


def clean_text(value: str) -> str | None:
    """Text as a page means it: entities decoded (twice, for doubly encoded ones), tags
    dropped, white space collapsed; ``None`` when nothing is left."""
    for _ in range(2):
        if "&" not in value or not _ENTITY.search(value):
            break
        value = html.unescape(value)
    if "<" in value and ">" in value:
        value = _TAG.sub(" ", value)
    value = _SPACES.sub(" ", value).strip()
    return value or None
