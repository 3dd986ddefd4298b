"""Functions generated per model class, and the tables that build them once, on first use.

The converter writes and reads model objects through straight-line code generated from each
attrs class's fields, the way attrs generates ``__init__``: much faster than walking the
fields at run time.
"""

from __future__ import annotations

import itertools
import linecache
from collections.abc import Callable
from typing import Any

__all__ = ["FunctionTable", "generated"]


class FunctionTable:
    """Functions by type, each made once by ``make`` when first asked for.

    A type that holds itself (a comment's replies are comments) needs its own function
    while that function is being made: it gets a forwarder, filled in once the function
    exists. Tables are filled at import (see the modules that own them), where no other
    thread can see one half made.
    """

    def __init__(self, make: Callable[[Any], Callable[..., Any]]) -> None:
        self.make = make
        self.made: dict[Any, Callable[..., Any]] = {}
        self.pending: dict[Any, Callable[..., Any]] = {}

    def __call__(self, kind: Any) -> Callable[..., Any]:
        found = self.made.get(kind) or self.pending.get(kind)
        if found is None:
            made: list[Callable[..., Any]] = []
            self.pending[kind] = lambda *arguments: made[0](*arguments)
            try:
                found = self.make(kind)
            finally:
                del self.pending[kind]
            made.append(found)
            self.made[kind] = found
        return found


def generated(
    name: str,
    cls: type[Any],
    lines: list[str],
    namespace: dict[str, Any],
    parameters: str = "o",
) -> Callable[..., Any]:
    """Compile ``def name(o):`` with ``lines`` as its body, for ``cls``, in ``namespace``."""
    source = f"def {name}({parameters}):\n" + "".join(f"    {line}\n" for line in lines)
    filename = f"<newsmodel {name} {cls.__module__}.{cls.__qualname__}-{next(_GENERATED)}>"
    exec(compile(source, filename, "exec"), namespace)
    # Tracebacks through generated code show its lines, as attrs does for its own.
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    function: Callable[..., Any] = namespace[name]
    return function


_GENERATED = itertools.count()
