"""Every problem of a tree that failed to structure, for reports that list them all.

Reading stops at the first problem (:mod:`newsmodel._structure`). A report for people fixing
a file shows more: this walks the tree again, field by field, and gathers each field's
problems in the order reading meets them. It stays bounded on hostile input: an array gives
at most its first :data:`ITEMS_REPORTED` bad items, a tree at most :data:`LIMIT` problems.
"""

from __future__ import annotations

import types
from collections.abc import Mapping
from typing import Any, Union, get_args, get_origin

import attrs

from . import _model as m
from ._structure import BLOCK_TAGS, Failure, json_type, structurer

__all__ = ["ITEMS_REPORTED", "LIMIT", "Unread", "every_problem"]

#: Bad items reported per array.
ITEMS_REPORTED = 10
#: Problems reported per tree.
LIMIT = 100

_BLOCKS = {tag: cls for cls, tag in BLOCK_TAGS.items()}


class Unread(Exception):
    """The tree a structuring failed on, kept so that a report can list every problem."""

    def __init__(self, tree: object, kind: Any) -> None:
        super().__init__("the tree that failed to structure")
        self.tree = tree
        self.kind = kind


def every_problem(tree: object, kind: Any) -> list[tuple[str, str]]:
    """Each problem of ``tree`` as a ``kind``: (JSON path under ``$``, message)."""
    found: list[tuple[str, str]] = []
    _collect(tree, kind, "$", found)
    return found


def _collect(value: object, kind: Any, path: str, found: list[tuple[str, str]]) -> None:
    if len(found) >= LIMIT:
        return
    try:
        structurer(kind)(value)
        return
    except Failure as failure:
        first = (failure.path(path), failure.message)
    except RecursionError:
        found.append((path, "nested too deeply"))
        return
    args = get_args(kind)
    if get_origin(kind) is tuple and isinstance(value, list):
        _collect_items(value, args[0], path, found)
        return
    inner = kind
    if get_origin(kind) in (Union, types.UnionType):
        rest = [arg for arg in args if arg is not type(None)]
        inner = rest[0] if len(rest) == 1 else kind
    ignored: tuple[str, ...] = ()
    tag = value.get("type") if isinstance(value, dict) else None
    if inner == m.Block and isinstance(tag, str) and tag in _BLOCKS:
        inner, ignored = _BLOCKS[tag], ("type",)
    if attrs.has(inner) and isinstance(value, Mapping):
        before = len(found)
        _collect_fields(value, inner, ignored, path, found)
        if len(found) > before:
            return
    found.append(first)  # a scalar, or what the constructor refused


def _collect_items(values: list[Any], kind: Any, path: str, found: list[tuple[str, str]]) -> None:
    bad = 0
    for index, item in enumerate(values):
        before = len(found)
        _collect(item, kind, f"{path}[{index}]", found)
        bad += len(found) > before
        if bad >= ITEMS_REPORTED or len(found) >= LIMIT:
            return


def _collect_fields(
    tree: Mapping[str, Any],
    cls: type[Any],
    ignored: tuple[str, ...],
    path: str,
    found: list[tuple[str, str]],
) -> None:
    fields = attrs.fields(attrs.resolve_types(cls))
    keys = [m.camel_case(field.name) for field in fields]
    for field, key in zip(fields, keys, strict=True):
        # As in reading: an array field holding something else is the one problem reported.
        value = tree.get(key)
        if get_origin(field.type) is tuple and key in tree and not isinstance(value, list):
            found.append((f"{path}.{key}", f"expected an array, got {json_type(value)}"))
            return
    for field, key in zip(fields, keys, strict=True):
        if key in tree:
            _collect(tree[key], field.type, f"{path}.{key}", found)
        elif field.default is attrs.NOTHING:
            found.append((f"{path}.{key}", "required key is missing"))
    known = set(keys) | set(ignored)
    unknown = sorted(key for key in tree if key not in known)
    found.extend((f"{path}.{key}", "unknown key") for key in unknown)
