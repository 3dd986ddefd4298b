"""Addresses read from pages, which may be malformed: checked and joined without raising."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

__all__ = ["is_readable_url", "join_url"]


def is_readable_url(url: str) -> bool:
    """Whether ``urllib`` can split ``url`` (it raises on hosts like ``http://[::1/a``)."""
    try:
        urlsplit(url)
    except ValueError:
        return False
    return True


def join_url(base: str, href: str) -> str | None:
    """``href`` resolved against ``base``; ``None`` when either cannot be read as a URL.

    A page's malformed link or base must not end the parse.
    """
    try:
        joined = urljoin(base, href)
    except ValueError:
        return None
    return joined if is_readable_url(joined) else None
