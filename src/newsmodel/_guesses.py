"""Where a parser's guesses go: to the caller's collector when one is open, else to warnings.

``warnings.catch_warnings`` swaps the process's warning filters, so two threads that use it
at once lose or leak each other's warnings. Batch runs instead open a :func:`collecting`
block, which is local to the thread (and to the asyncio task): every guess made inside it is
kept there, once per message, and nothing process-wide changes.
"""

from __future__ import annotations

import contextlib
import contextvars
import warnings
from collections.abc import Iterator

__all__ = ["collecting", "warn"]

_collector: contextvars.ContextVar[list[str] | None] = contextvars.ContextVar(
    "newsmodel_guesses", default=None
)


def warn(message: str, category: type[Warning], stacklevel: int = 1) -> None:
    """:func:`warnings.warn`, unless a :func:`collecting` block is open in this context.

    ``stacklevel`` counts as for :func:`warnings.warn` from the caller's frame.
    """
    collected = _collector.get()
    if collected is None:
        warnings.warn(message, category, stacklevel=stacklevel + 1)
    elif message not in collected:
        collected.append(message)


@contextlib.contextmanager
def collecting() -> Iterator[list[str]]:
    """Keep the messages of the guesses made inside the block, in order and once each."""
    messages: list[str] = []
    token = _collector.set(messages)
    try:
        yield messages
    finally:
        _collector.reset(token)
