"""Hardened XML parsing for newsmodel's XML readers.

Every XML reader goes through :func:`parse_xml`, which refuses hostile input before and while
lxml parses it, and turns every refusal into a :class:`~newsmodel.errors.ParseError` that names
the reason (and the line, where known):

- input larger than ``max_bytes`` (checked before parsing, and again after gzip expansion);
- gzip-compressed bytes are inflated only up to ``max_bytes``, so a gzip bomb costs at most
  that much memory;
- a ``<!DOCTYPE`` with an internal subset (``[...]``): without declarations there are no
  entities to expand (billion laughs), no external entity to fetch (XXE) and no parameter
  entities. A DOCTYPE that only names an external DTD (``<!DOCTYPE nitf SYSTEM "nitf.dtd">``,
  common in agency archives) is blanked out and ignored: the DTD is never loaded or fetched, and
  the HTML named entities such DTDs define (``&eacute;``) are read as the characters they name;
- too many namespace declarations (libxml2 takes seconds over hundreds of thousands);
- nothing is refused that only a sloppy writer got wrong: bytes that are not the UTF-8 they
  declare are read as windows-1252, and HTML named entities used without a DTD from the same
  fixed table, each with a :class:`~newsmodel.GuessWarning`;
- XInclude elements (never processed: refused, so nobody mistakes them for included content);
- nesting deeper than libxml2's limit of 256 levels, and text nodes over its 10 MB limit
  (``huge_tree`` stays off).

The lxml parser itself never resolves entities, loads no DTD and uses no network.
"""

from __future__ import annotations

import html.entities
import re
import threading
import zlib

from lxml import etree

from .. import _guesses
from ..errors import GuessWarning, ParseError
from .limits import DEFAULT_MAX_BYTES, check_size

__all__ = ["DEFAULT_MAX_BYTES", "MAX_NAMESPACE_DECLARATIONS", "parse_xml"]

#: More ``xmlns`` declarations than this are refused before parsing.
MAX_NAMESPACE_DECLARATIONS = 10_000

_GZIP_MAGIC = b"\x1f\x8b"
_UTF8_BOM = b"\xef\xbb\xbf"
# Whitespace, processing instructions (the XML declaration) and comments: what may come before
# a DOCTYPE. Scanning only this prolog keeps the check cheap on large documents.
_PROLOG_BYTES = re.compile(rb"(?:\s+|<\?.*?\?>|<!--.*?-->)*", re.DOTALL)
_PROLOG_TEXT = re.compile(r"(?:\s+|<\?.*?\?>|<!--.*?-->)*", re.DOTALL)
_DECLARATION_TEXT = re.compile(r"\A\ufeff?\s*<\?xml\s[^>]*\?>")
_QUOTED = r"(?:\"[^\"]*\"|'[^']*')"
# A DOCTYPE naming only an external DTD: a name, then SYSTEM "uri" or PUBLIC "id" ["uri"].
_EXTERNAL_DOCTYPE = re.compile(
    rf"<!DOCTYPE\s+[^\s\[>]+(?:\s+(?:SYSTEM\s+{_QUOTED}|PUBLIC\s+{_QUOTED}(?:\s+{_QUOTED})?))?\s*>",
    re.IGNORECASE,
)
_EXTERNAL_DOCTYPE_BYTES = re.compile(_EXTERNAL_DOCTYPE.pattern.encode("ascii"), re.IGNORECASE)
# Named entities besides XML's five; their DTDs define them, and without the DTD they are
# read from this fixed table (never from the document).
_NAMED_ENTITY = re.compile(r"&([A-Za-z][A-Za-z0-9]{1,31});")
_NAMED_ENTITY_BYTES = re.compile(_NAMED_ENTITY.pattern.encode("ascii"))
_UNDEFINED_ENTITY = "not defined"
_WRONG_ENCODING = "Invalid bytes in character encoding"
_XML_ENTITIES = frozenset({"amp", "lt", "gt", "quot", "apos"})
_XINCLUDE_ELEMENTS = ("{http://www.w3.org/2001/XInclude}*", "{http://www.w3.org/2003/XInclude}*")
# libxml2's messages for its own limits, said more plainly.
_LIMIT_MESSAGES = (
    ("Excessive depth", "the document is nested too deeply (libxml2 allows 256 levels)"),
    ("Text node too long", "a text node is too large (libxml2 allows 10 MB)"),
    ("huge text node", "a text node is too large (libxml2 allows 10 MB)"),
    ("Huge input lookup", "the input is too large for the parser"),
)

_local = threading.local()


def _parser() -> etree.XMLParser:
    # lxml parsers must not be shared between threads; one per thread is reused.
    parser: etree.XMLParser | None = getattr(_local, "parser", None)
    if parser is None:
        parser = etree.XMLParser(
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            dtd_validation=False,
            huge_tree=False,
            collect_ids=False,
        )
        _local.parser = parser
    return parser


def parse_xml(data: bytes | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> etree._Element:
    """Parse an XML document defensively and return its root element.

    Args:
        data: The document: bytes in any encoding XML allows (gzip-compressed bytes are
            inflated first), or text.
        max_bytes: The largest input accepted, in bytes (characters for ``str``), counted
            after gzip expansion.

    Raises:
        ParseError: the input is too large, hostile (a DOCTYPE, XInclude, a flood of namespace
            declarations, excessive depth), or not well-formed XML.
        TypeError: ``data`` is neither bytes nor str.
    """
    if isinstance(data, str):
        return _parse_text(data, max_bytes)
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"expected bytes or str, got {type(data).__name__}")
    raw = bytes(data)
    check_size(raw, max_bytes)
    if raw.startswith(_GZIP_MAGIC):
        raw = _gunzip(raw, max_bytes)
    if _is_wide(raw):
        return _parse_text(_decode_wide(raw), max_bytes)
    start = len(_UTF8_BOM) if raw.startswith(_UTF8_BOM) else 0
    raw = _without_external_doctype_bytes(raw, start)
    if raw.count(b"xmlns") > MAX_NAMESPACE_DECLARATIONS:
        raise _too_many_namespaces()
    try:
        return _parse_repairing(raw)
    except ParseError as error:
        if _WRONG_ENCODING not in error.message:
            raise
    # Bytes that are not the UTF-8 they declare (or default to) are nearly always
    # windows-1252 in news archives; every byte decodes, so this cannot fail in turn.
    _guess("the document is not in the encoding it declares; read it as windows-1252")
    text = raw[start:].decode("cp1252", errors="replace")
    return _parse_repairing(_DECLARATION_TEXT.sub("", text, count=1))


def _parse_text(text: str, max_bytes: int) -> etree._Element:
    check_size(text, max_bytes)
    # lxml refuses str input that declares an encoding; the declaration says nothing useful
    # about a str, so it goes (and line numbers stay as they were: it holds no newline).
    text = _DECLARATION_TEXT.sub("", text, count=1).lstrip("\ufeff")
    text = _without_external_doctype_text(text)
    if text.count("xmlns") > MAX_NAMESPACE_DECLARATIONS:
        raise _too_many_namespaces()
    return _parse_repairing(text)


def _parse_repairing(data: bytes | str) -> etree._Element:
    """:func:`_parse`, once more with HTML's named entities (``&nbsp;``) read as the
    characters they name when the document uses them undeclared, as sloppy exports do."""
    try:
        return _parse(data)
    except ParseError as error:
        if _UNDEFINED_ENTITY not in error.message:
            raise
        if isinstance(data, bytes):
            repaired: bytes | str = _NAMED_ENTITY_BYTES.sub(_entity_bytes, data)
        else:
            repaired = _NAMED_ENTITY.sub(_entity_text, data)
        if repaired == data:
            raise
    _guess("read undeclared HTML entities (such as &nbsp;) as the characters they name")
    return _parse(repaired)


def _guess(message: str) -> None:
    _guesses.warn(message, GuessWarning, stacklevel=4)


def _parse(data: bytes | str) -> etree._Element:
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as error:
        raise _syntax_error(error) from None
    except ValueError:
        # lxml refuses text that still opens with an encoding declaration: one the prolog
        # pattern did not take away because it never closes with "?>".
        raise ParseError("not well-formed XML: a malformed XML declaration", line=1) from None
    if getattr(
        root.getroottree().docinfo, "doctype", None
    ):  # the prolog check should have caught it already
        raise _doctype_refused(None)
    include = next(root.iter(*_XINCLUDE_ELEMENTS), None)  # one walk for every namespace
    if include is not None:
        raise ParseError(
            "XInclude is refused: included content is never fetched",
            line=include.sourceline,
        )
    return root


def _gunzip(raw: bytes, max_bytes: int) -> bytes:
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        # max_length bounds the memory a gzip bomb can take to max_bytes + 1.
        inflated = inflater.decompress(raw, max_bytes + 1)
    except zlib.error as error:
        raise ParseError(f"corrupt gzip-compressed input: {error}") from None
    if len(inflated) > max_bytes:
        raise ParseError(
            f"gzip-compressed input expands past the limit of {max_bytes:,} bytes (max_bytes)"
        )
    if not inflater.eof:
        raise ParseError("truncated gzip-compressed input")
    return inflated


def _is_wide(raw: bytes) -> bool:
    """UTF-16 or UTF-32: a byte-order mark, or a NUL byte among the first four."""
    return raw.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in raw[:4]


def _decode_wide(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        codec = "utf-32"
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        codec = "utf-16"
    elif raw.startswith(b"\x00\x00\x00<"):
        codec = "utf-32-be"
    elif raw.startswith(b"<\x00\x00\x00"):
        codec = "utf-32-le"
    elif raw.startswith(b"\x00<"):
        codec = "utf-16-be"
    else:
        codec = "utf-16-le"
    try:
        return raw.decode(codec)
    except UnicodeDecodeError as error:
        raise ParseError(
            f"not valid {codec.upper()} at byte {error.start}: {error.reason}"
        ) from None


def _without_external_doctype_bytes(raw: bytes, start: int) -> bytes:
    """The document with a DOCTYPE that only names an external DTD blanked out; any other
    DOCTYPE is refused."""
    prolog = _PROLOG_BYTES.match(raw, start)
    end = prolog.end() if prolog is not None else start
    if raw[end : end + 9].upper() != b"<!DOCTYPE":
        return raw
    external = _EXTERNAL_DOCTYPE_BYTES.match(raw, end)
    if external is None:
        raise _doctype_refused(raw.count(b"\n", 0, end) + 1)
    # Spaces keep every line and column where it was, for error messages.
    blank = re.sub(rb"[^\n]", b" ", external.group())
    rest = _NAMED_ENTITY_BYTES.sub(_entity_bytes, raw[external.end() :])
    return raw[:end] + blank + rest


def _without_external_doctype_text(text: str) -> str:
    prolog = _PROLOG_TEXT.match(text)
    end = prolog.end() if prolog is not None else 0
    if text[end : end + 9].upper() != "<!DOCTYPE":
        return text
    external = _EXTERNAL_DOCTYPE.match(text, end)
    if external is None:
        raise _doctype_refused(text.count("\n", 0, end) + 1)
    blank = re.sub(r"[^\n]", " ", external.group())
    rest = _NAMED_ENTITY.sub(_entity_text, text[external.end() :])
    return text[:end] + blank + rest


def _character_reference(name: str) -> str | None:
    """``&#233;`` for ``eacute``; ``None`` for XML's own entities and unknown names, which
    are left to the parser (an unknown name is then an error, never a lookup)."""
    if name in _XML_ENTITIES:
        return None
    codepoint = html.entities.name2codepoint.get(name)
    return None if codepoint is None else f"&#{codepoint};"


def _entity_text(match: re.Match[str]) -> str:
    return _character_reference(match.group(1)) or match.group()


def _entity_bytes(match: re.Match[bytes]) -> bytes:
    reference = _character_reference(match.group(1).decode("ascii"))
    return reference.encode("ascii") if reference else match.group()


def _doctype_refused(line: int | None) -> ParseError:
    return ParseError(
        "DOCTYPE declarations with an internal subset are refused: newsmodel never loads DTDs"
        " or expands declared entities",
        line=line,
    )


def _too_many_namespaces() -> ParseError:
    return ParseError(
        f"more than {MAX_NAMESPACE_DECLARATIONS:,} namespace declarations (xmlns) are refused"
    )


def _syntax_error(error: etree.XMLSyntaxError) -> ParseError:
    last = getattr(error.error_log, "last_error", None)  # missing from lxml-stubs
    message = str(getattr(last, "message", "") or error.msg)
    line, column = error.position if error.position else (None, None)
    for needle, plain in _LIMIT_MESSAGES:
        if needle in message:
            return ParseError(plain, line=line, column=column)
    return ParseError(f"not well-formed XML: {message}", line=line, column=column)
