"""What an input's bytes are before any format reads them: compressed, binary, or text.

Compression is recognised by its magic bytes, whatever the file is called, so that
``page.html.gz``, a ``.gz`` piped to standard input and a folder of compressed pages all read
alike. Expansion is capped: a small archive that unpacks to gigabytes is refused, not resolved.
Binary files that are not articles (images, PDFs, archives) are named, so a user learns what
they handed over instead of reading a parser's confusion.
"""

from __future__ import annotations

import bz2
import gzip
import lzma
import zlib
from typing import IO, Any, cast

from .errors import ParseError

__all__ = [
    "COMPRESSED_EXTENSIONS",
    "MAX_EXPANDED_BYTES",
    "binary_kind",
    "compression",
    "expand",
    "open_expanded",
    "without_compression_suffix",
]

#: The most bytes one compressed input may expand to.
MAX_EXPANDED_BYTES = 256 * 1024 * 1024
#: File name endings of the compressions recognised (by magic bytes; the name is a hint).
COMPRESSED_EXTENSIONS = (".gz", ".bz2", ".xz")

_MAGIC = ((b"\x1f\x8b", "gzip"), (b"BZh", "bz2"), (b"\xfd7zXZ\x00", "xz"))

#: Leading bytes of common non-article files, and what to call them.
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an executable program"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"OggS", "an Ogg audio or video file"),
    (b"ID3", "an MP3 audio file"),
    (b"\x28\xb5\x2f\xfd", "a Zstandard-compressed file (not supported; decompress it first)"),
)
_TEXT_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
#: Bytes that never occur in text documents (tab, newlines, form feed and escape aside).
_CONTROL = bytes(set(range(32)) - {9, 10, 12, 13, 27})


def compression(head: bytes) -> str | None:
    """The compression the leading bytes announce (``gzip``, ``bz2``, ``xz``), or ``None``."""
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    return None


def expand(data: bytes, *, limit: int = MAX_EXPANDED_BYTES) -> bytes:
    """``data`` decompressed when its magic bytes say it is compressed, else ``data`` itself.

    Raises:
        ParseError: the compressed data is damaged, or expands past ``limit`` bytes.
    """
    kind = compression(data[:8])
    if kind is None:
        return data
    try:
        if kind == "gzip":
            return _expand_gzip(data, limit)
        decompressor: Any = bz2.BZ2Decompressor() if kind == "bz2" else lzma.LZMADecompressor()
        parts, size = [], 0
        while data:
            expanded = decompressor.decompress(data, max_length=limit + 1 - size)
            parts.append(expanded)
            size += len(expanded)
            _check_size(size, limit, kind)
            if not decompressor.eof:
                if decompressor.needs_input:
                    raise EOFError("the compressed data ends early")
                data = b""
                continue
            # Concatenated streams (as ``cat a.bz2 b.bz2`` makes) expand one after another.
            data = decompressor.unused_data
            if data:
                decompressor = bz2.BZ2Decompressor() if kind == "bz2" else lzma.LZMADecompressor()
        return b"".join(parts)
    except (OSError, EOFError, ValueError, zlib.error, lzma.LZMAError) as error:
        raise ParseError(f"damaged {kind} data: {error}") from error


def _expand_gzip(data: bytes, limit: int) -> bytes:
    parts, size = [], 0
    while data.startswith(b"\x1f\x8b"):
        # wbits 16+: one gzip member with its header; members follow one another.
        decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
        expanded = decompressor.decompress(data, limit + 1 - size)
        size += len(expanded)
        _check_size(size, limit, "gzip")
        parts.append(expanded)
        if decompressor.unconsumed_tail:
            _check_size(limit + 1, limit, "gzip")
        if not decompressor.eof:
            raise EOFError("the compressed data ends early")
        data = decompressor.unused_data.lstrip(b"\x00")  # some writers pad with zeros
    return b"".join(parts)


def _check_size(size: int, limit: int, kind: str) -> None:
    if size > limit:
        raise ParseError(f"{kind} data expands past {limit // (1024 * 1024)} MiB; refused")


def open_expanded(stream: IO[bytes]) -> IO[bytes]:
    """A binary stream that reads ``stream`` decompressed (by its magic bytes), or ``stream``.

    ``stream`` must be seekable: its first bytes are looked at, then it is rewound.
    """
    head = stream.read(8)
    stream.seek(0)
    kind = compression(head)
    if kind == "gzip":
        return cast(IO[bytes], gzip.GzipFile(fileobj=stream, mode="rb"))
    if kind == "bz2":
        return cast(IO[bytes], bz2.BZ2File(stream, mode="rb"))
    if kind == "xz":
        return cast(IO[bytes], lzma.LZMAFile(stream, mode="rb"))
    return stream


def without_compression_suffix(name: str) -> str:
    """``page.html.gz`` → ``page.html``: the name that says what the content is."""
    lowered = name.lower()
    for extension in COMPRESSED_EXTENSIONS:
        if lowered.endswith(extension):
            return name[: -len(extension)]
    return name


def binary_kind(head: bytes) -> str | None:
    """What the leading bytes look like when they are not text (``a PNG image``), else None.

    Text in UTF-16 or UTF-32 (with a byte-order mark, or JSON's NUL pattern) is text.
    """
    for signature, name in _SIGNATURES:
        if head.startswith(signature):
            return name
    if compression(head) is not None:
        return f"{compression(head)} data inside compressed data"
    if not head or head.startswith(_TEXT_BOMS) or _wide_text(head):
        return None
    controls = len(head) - len(head.translate(None, _CONTROL))
    if controls > max(1, len(head) // 100):
        return "binary data, not text"
    return None


def _wide_text(head: bytes) -> bool:
    """UTF-16 or UTF-32 without a byte-order mark: ASCII text with NULs between the letters."""
    sample = head[:64]
    if len(sample) < 4:
        return False
    for width in (2, 4):
        for offset in range(width):
            letters = sample[offset::width]
            zeros = [byte for index, byte in enumerate(sample) if index % width != offset]
            if not any(zeros) and all(32 <= byte < 127 or byte in b"\t\n\r" for byte in letters):
                return True
    return False
