"""The size limit every reader applies before it reads anything."""

from __future__ import annotations

from ..errors import ParseError

__all__ = ["DEFAULT_MAX_BYTES", "DEFAULT_MAX_PAGE_BYTES", "check_size"]

#: The default cap on a codec's input (JSON, JSON-LD, NewsML-G2, ninjs), in bytes.
DEFAULT_MAX_BYTES = 10_000_000
#: The default cap on a page or text the parsers read: pages carry inline scripts, styles
#: and images, and the largest real news pages run to several megabytes.
DEFAULT_MAX_PAGE_BYTES = 50_000_000


def check_size(data: str | bytes, max_bytes: int) -> None:
    """Refuse an input larger than ``max_bytes`` (bytes, or characters for ``str``).

    Raises:
        ParseError: the input is too large.
    """
    size = len(data)
    if size > max_bytes:
        raise ParseError(
            f"the input is {size:,} bytes, over the limit of {max_bytes:,} (max_bytes)"
        )
