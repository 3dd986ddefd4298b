"""The format registry: every format the command line can read or write, by name.

A format is a name, the file extensions it uses, a reader and/or a writer of bytes, and
optionally a sniffer that recognises its content. New formats register here, and the command
line offers them without any change of its own. Built-in formats import their modules only
when used, so ``import newsmodel`` stays light.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import attrs

from ._model import Article
from .errors import FormatError

__all__ = ["Format", "available_formats", "detect_format", "get_format", "register_format"]

#: Bytes (and the URL they came from, when known) to an Article.
Reader = Callable[[bytes, "str | None"], Article]
#: An Article to bytes.
Writer = Callable[[Article], bytes]
Sniffer = Callable[[bytes], bool]

#: How much of an input the sniffers look at.
SNIFF_BYTES = 4096


@attrs.frozen(kw_only=True)
class Format:
    """A file format newsmodel can read, write, or both."""

    name: str
    """The name used on the command line (``--to json``)."""
    description: str
    """One line for ``newsmodel formats``."""
    extensions: tuple[str, ...]
    """File extensions, with the dot, the first one used for output (``(".json",)``)."""
    read: Reader | None = None
    """Bytes and their URL (or ``None``) to an Article; ``None`` for a write-only format."""
    write: Writer | None = None
    """An Article to bytes; ``None`` for a read-only format."""
    write_line: Writer | None = None
    """An Article to one line of bytes, without the newline, for JSON Lines streams."""
    sniff: Sniffer | None = None
    """Recognises the format from the first bytes of an input."""


_registry: dict[str, Format] = {}


def register_format(fmt: Format, *, replace: bool = False) -> None:
    """Make ``fmt`` available by name; refuses to shadow a registered name unless ``replace``."""
    if fmt.name in _registry and not replace:
        raise FormatError(f"a format named {fmt.name!r} is already registered")
    _registry[fmt.name] = fmt


def get_format(name: str) -> Format:
    """The format registered as ``name``.

    Raises:
        FormatError: no such format.
    """
    try:
        return _registry[name]
    except KeyError:
        known = ", ".join(sorted(_registry))
        raise FormatError(f"unknown format {name!r}; known formats: {known}") from None


def available_formats() -> tuple[Format, ...]:
    """Every registered format, in registration order."""
    return tuple(_registry.values())


def detect_format(data: bytes, filename: str | None = None) -> Format:
    """The readable format of an input: by its content first, then by its file extension.

    Raises:
        FormatError: nothing recognises it.
    """
    head = data[:SNIFF_BYTES]
    readable = [fmt for fmt in _registry.values() if fmt.read is not None]
    for fmt in readable:
        if fmt.sniff is not None and fmt.sniff(head):
            return fmt
    if filename:
        lowered = filename.lower()
        for fmt in readable:
            if lowered.endswith(fmt.extensions):
                return fmt
    raise FormatError("cannot tell the input's format; name it with --from")


# --- built-in formats -------------------------------------------------------------------------


def _read_json(data: bytes, url: str | None) -> Article:
    from . import json

    return json.loads(data)


def _write_json(article: Article) -> bytes:
    from . import json

    return (json.dumps(article, indent=2) + "\n").encode("utf-8")


def _write_json_line(article: Article) -> bytes:
    from . import json

    return json.dumps(article).encode("utf-8")


_NEWSMODEL_JSON = re.compile(rb'^(?:\xef\xbb\xbf)?\s*\{\s*"newsmodel"\s*:')

register_format(
    Format(
        name="json",
        description="newsmodel's own JSON: lossless and versioned",
        extensions=(".json",),
        read=_read_json,
        write=_write_json,
        write_line=_write_json_line,
        sniff=lambda head: _NEWSMODEL_JSON.match(head) is not None,
    )
)


def _read_newsml(data: bytes, url: str | None) -> Article:
    from . import newsml

    return newsml.loads(data)


def _write_newsml(article: Article) -> bytes:
    from . import newsml

    return newsml.dumps(article)


def _sniff_newsml(head: bytes) -> bool:
    from . import newsml

    return newsml.sniff(head)


# Before html: a newsItem's XHTML body would look like a web page to an HTML sniffer.
register_format(
    Format(
        name="newsml",
        description="IPTC NewsML-G2 2.35 newsItem, XSD-valid, lossless",
        extensions=(".xml",),
        read=_read_newsml,
        write=_write_newsml,
        sniff=_sniff_newsml,
    )
)


def _read_jsonld(data: bytes, url: str | None) -> Article:
    from . import jsonld

    return jsonld.loads(data)


def _write_jsonld(article: Article) -> bytes:
    from . import jsonld

    return (jsonld.dumps(article, indent=2) + "\n").encode("utf-8")


def _write_jsonld_line(article: Article) -> bytes:
    from . import jsonld

    return jsonld.dumps(article).encode("utf-8")


def _sniff_jsonld(head: bytes) -> bool:
    from . import jsonld

    return jsonld.sniff(head)


register_format(
    Format(
        name="jsonld",
        description="schema.org JSON-LD NewsArticle, lossless with nm: extension terms",
        extensions=(".jsonld",),
        read=_read_jsonld,
        write=_write_jsonld,
        write_line=_write_jsonld_line,
        sniff=_sniff_jsonld,
    )
)


def _read_ninjs(data: bytes, url: str | None) -> Article:
    from . import ninjs

    return ninjs.loads(data)


def _write_ninjs(article: Article) -> bytes:
    from . import ninjs

    return (ninjs.dumps(article, indent=2) + "\n").encode("utf-8")


def _write_ninjs_line(article: Article) -> bytes:
    from . import ninjs

    return ninjs.dumps(article).encode("utf-8")


def _sniff_ninjs(head: bytes) -> bool:
    from . import ninjs

    return ninjs.sniff(head)


register_format(
    Format(
        name="ninjs",
        description="IPTC ninjs 3.1 JSON (quotes, comments, corrections left out)",
        extensions=(".ninjs.json",),
        read=_read_ninjs,
        write=_write_ninjs,
        write_line=_write_ninjs_line,
        sniff=_sniff_ninjs,
    )
)


def _read_html(data: bytes, url: str | None) -> Article:
    from . import html

    return html.parse(data, url=url)


def _write_html(article: Article) -> bytes:
    from . import html

    return html.dumps(article).encode("utf-8")


_HTML = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|meta|title)\b",
    re.IGNORECASE | re.DOTALL,
)

register_format(
    Format(
        name="html",
        description="HTML pages: read by heuristic extraction, written as a readable page",
        extensions=(".html", ".htm"),
        read=_read_html,
        write=_write_html,
        sniff=lambda head: _HTML.match(head) is not None,
    )
)


def _read_text(data: bytes, url: str | None) -> Article:
    from . import text

    return text.parse(data)


def _write_text(article: Article) -> bytes:
    from . import text

    return text.dumps(article).encode("utf-8")


# Last, and without a sniffer: almost anything could be plain text.
register_format(
    Format(
        name="text",
        description="plain text: read heuristically, written in the same conventions",
        extensions=(".txt", ".text"),
        read=_read_text,
        write=_write_text,
    )
)
