"""The format modules' common surface, and the registry of formats by name.

:class:`Codec`, :class:`Decoder` and :class:`Parser` are the surfaces every format module
offers: a codec (``json``, ``jsonld``, ``newsml``, ``ninjs``, ``nitf``) reads and writes a
document exactly, a decoder (``newsml1``, ``feeds``, ``wxr``) reads the articles of files
newsmodel does not write, a parser (``text``, ``html``) extracts an article from a document
written for people. A new format module satisfies one of them, and type checkers hold it to
that.

A registered :class:`Format` is a name, the file extensions it uses, a reader and/or a writer
of bytes, and optionally a sniffer that recognises its content. New formats register here,
and the command line offers them without any change of its own. Built-in formats import their
modules only when used, so ``import newsmodel`` stays light.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

import attrs

from ._model import Article
from .errors import FormatError

if TYPE_CHECKING:
    from .quotes import QuoteOptions

__all__ = [
    "Codec",
    "Decoder",
    "Format",
    "Parser",
    "available_formats",
    "detect_format",
    "get_format",
    "register_format",
]


class Decoder(Protocol):
    """What every module that reads a file format offers; codecs add ``dumps``. Read-only
    formats are decoders: :mod:`newsmodel.newsml1`, :mod:`~newsmodel.feeds`,
    :mod:`~newsmodel.wxr`.
    """

    def loads(self, data: str | bytes, /, *, max_bytes: int = ...) -> Article:
        """The one article of a document; a ``ParseError`` that says where when it is
        malformed, holds several articles, or is larger than ``max_bytes``."""
        ...

    def loads_all(self, data: str | bytes, /, *, max_bytes: int = ...) -> tuple[Article, ...]:
        """Every article of a document, in document order."""
        ...

    def sniff(self, head: bytes, /) -> bool:
        """Whether the first bytes of an input look like this format."""
        ...


class Codec(Decoder, Protocol):
    """What every codec module offers: a :class:`Decoder` that also writes
    (:mod:`newsmodel.json`, :mod:`~newsmodel.jsonld`, :mod:`~newsmodel.newsml`,
    :mod:`~newsmodel.ninjs`, :mod:`~newsmodel.nitf`).

    A module satisfies it structurally; ``codecs: dict[str, Codec] = {"json": newsmodel.json}``
    type-checks. Modules may take more keyword arguments than these (``indent``…).
    """

    def dumps(self, article: Article, /) -> str:
        """The article as a document of this format; ``loads`` reads it back."""
        ...


class Parser(Protocol):
    """What every parser module offers: :mod:`newsmodel.text`, :mod:`newsmodel.html`.

    Parsers guess: what they guess they report with a :class:`~newsmodel.errors.GuessWarning`.
    Modules may take more keyword arguments than these (``url``…).
    """

    def parse(
        self,
        data: str | bytes,
        /,
        *,
        max_bytes: int = ...,
        quote_options: QuoteOptions | None = ...,
    ) -> Article:
        """The article a document holds, its quotes found with ``quote_options``."""
        ...

    def dumps(self, article: Article, /) -> str:
        """The article as a readable document of this kind."""
        ...


#: Bytes (and the URL they came from, when known) to an Article.
Reader = Callable[[bytes, "str | None"], Article]
#: Bytes (and their URL) to every article they hold, in order.
AllReader = Callable[[bytes, "str | None"], "tuple[Article, ...]"]
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
    read_all: AllReader | None = None
    """Every article of an input that may hold several (a feed, an export, a news message);
    batch runs then write one output per article."""


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
# Each module is imported on first use, so that ``import newsmodel`` stays light.


def _module(name: str) -> Any:
    return importlib.import_module(f"newsmodel.{name}")


def _codec_format(
    name: str,
    description: str,
    extension: str,
    *,
    indent: bool,
    module: str | None = None,
    writes: bool = True,
) -> Format:
    """A codec (or, without ``writes``, a decoder) module as a format: its ``loads``,
    ``loads_all``, ``dumps`` and ``sniff``.

    Files get the module's ``to_bytes`` where it has one (XML with its declaration), else
    ``dumps`` indented (where ``indent``) and encoded as UTF-8; JSON Lines get one line each.
    """
    source = module or name

    def read(data: bytes, url: str | None) -> Article:
        article: Article = _module(source).loads(data)
        return article

    def read_all(data: bytes, url: str | None) -> tuple[Article, ...]:
        articles: tuple[Article, ...] = _module(source).loads_all(data)
        return articles

    def write(article: Article) -> bytes:
        codec = _module(source)
        if hasattr(codec, "to_bytes"):
            return bytes(codec.to_bytes(article))
        text = codec.dumps(article, indent=2) if indent else codec.dumps(article)
        return (str(text) + "\n").encode("utf-8")

    def write_line(article: Article) -> bytes:
        return str(_module(source).dumps(article)).encode("utf-8")

    return Format(
        name=name,
        description=description,
        extensions=(extension,),
        read=read,
        read_all=read_all,
        write=write if writes else None,
        write_line=write_line if indent and writes else None,
        sniff=lambda head: bool(_module(source).sniff(head)),
    )


def _read_html(data: bytes, url: str | None) -> Article:
    article: Article = _module("html").parse(data, url=url)
    return article


def _read_text(data: bytes, url: str | None) -> Article:
    article: Article = _module("text").parse(data)
    return article


# In the order detection tries them: the XML formats before html, since a newsItem's XHTML body
# looks like a page; text last and without a sniffer, since almost anything could be plain text.
# The XML sniffers look at the root element, so their order among themselves does not matter.
for _builtin in (
    _codec_format("json", "newsmodel's own JSON: lossless and versioned", ".json", indent=True),
    _codec_format(
        "jsonld",
        "schema.org JSON-LD NewsArticle, lossless with nm: extension terms",
        ".jsonld",
        indent=True,
    ),
    _codec_format(
        "ninjs",
        "IPTC ninjs 3.1 JSON (quotes, comments, corrections left out)",
        ".ninjs.json",
        indent=True,
    ),
    _codec_format(
        "newsml", "IPTC NewsML-G2 2.35 newsItem, XSD-valid, lossless", ".xml", indent=False
    ),
    _codec_format(
        "nitf", "IPTC NITF 2.x-3.6, written as NITF 3.6 (XSD-valid)", ".xml", indent=False
    ),
    _codec_format(
        "newsml1",
        "IPTC NewsML 1.x: every NewsItem, with NITF, XHTML or text content",
        ".xml",
        indent=False,
        writes=False,
    ),
    _codec_format(
        "feed",
        "RSS 2.0, RSS 1.0 and Atom 1.0 feeds: every item an article",
        ".xml",
        indent=False,
        module="feeds",
        writes=False,
    ),
    _codec_format(
        "wxr", "WordPress export (WXR): every post an article", ".xml", indent=False, writes=False
    ),
    Format(
        name="html",
        description="HTML pages: read by heuristic extraction, written as a readable page",
        extensions=(".html", ".htm"),
        read=_read_html,
        write=lambda article: str(_module("html").dumps(article)).encode("utf-8"),
        sniff=lambda head: bool(_module("html").sniff(head)),
    ),
    Format(
        name="text",
        description="plain text: read heuristically, written in the same conventions",
        extensions=(".txt", ".text"),
        read=_read_text,
        write=lambda article: str(_module("text").dumps(article)).encode("utf-8"),
    ),
):
    register_format(_builtin)
