"""Web archives as crawlers leave them: WARC and ARC files, through warcio (the ``warc`` extra).

Each HTML page in an archive is one record: a ``response`` whose HTTP headers say HTML, or a
``resource`` (a page stored without its HTTP exchange) whose WARC headers do. Every other record
is counted as skipped, by kind. Archives are read as far as they go: a truncated or damaged
file gives the records before the damage and one warning, and a file gzipped whole instead of
record by record is read all the same. warcio's own complaints come back as warnings that name
the file, never as text printed on standard error.
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from typing import IO, Any

from .errors import ParseError

__all__ = ["ARCHIVE_EXTENSIONS", "archive_pages", "stem"]

ARCHIVE_EXTENSIONS = (".warc", ".warc.gz", ".arc", ".arc.gz")

#: Called with what an archive read passed over (``WARC request records``) and how many.
Skip = Callable[[str, int], None]
#: Called with a warning about an archive, already naming the file.
Warn = Callable[[str], None]


class _NotFollowedByBlankLine:
    """Stands in for warcio's message template to collect, not print, its one warning."""

    def __init__(self) -> None:
        self.offsets: list[int] = []

    def format(self, offset: int, line: object) -> str:
        self.offsets.append(offset)
        return ""


def archive_pages(
    stream: IO[bytes], name: str, *, skip: Skip, warn: Warn
) -> Iterator[tuple[int, bytes, str | None]]:
    """Each HTML page of a WARC or ARC file as ``(offset, payload, url)``, in file order.

    ``stream`` must be seekable; ``name`` names the file in warnings.

    Raises:
        ParseError: warcio is missing, or the file is no archive at all.
    """
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError as error:
        raise ParseError(
            "reading WARC and ARC files needs warcio: pip install 'newsmodel[warc]'"
        ) from error
    pages = 0
    try:
        for offset, payload, url in _pages(ArchiveIterator, stream, name, skip, warn):
            pages += 1
            yield offset, payload, url
    except _WholeFileGzip:
        stream.seek(0)
        warn(
            f"{name}: warning: gzipped as one whole file rather than record by record;"
            " the pages after the first are named by their offset in the uncompressed archive"
        )
        with gzip.open(stream, "rb") as whole:
            again = _pages(ArchiveIterator, whole, name, skip, warn)
            for seen, found in enumerate(again):
                if seen >= pages:
                    yield found


class _WholeFileGzip(Exception):
    """warcio met a gzip file holding several records in one member."""


def _pages(
    archive_iterator: Any,
    stream: IO[bytes] | gzip.GzipFile,
    name: str,
    skip: Skip,
    warn: Warn,
) -> Iterator[tuple[int, bytes, str | None]]:
    archive = archive_iterator(stream, arc2warc=True)
    unfollowed = _NotFollowedByBlankLine()
    archive.INC_RECORD = unfollowed
    skipped: Counter[str] = Counter()
    read = 0
    record = None
    try:
        for record in archive:
            kind = record.rec_type
            if kind == "response" and record.http_headers is not None:
                content_type = record.http_headers.get_header("Content-Type") or ""
            elif kind == "resource":
                content_type = record.rec_headers.get_header("Content-Type") or ""
            else:
                skipped[f"{kind} records"] += 1
                continue
            if "html" not in content_type.lower():
                skipped[f"{kind} records that are not HTML"] += 1
                continue
            payload = record.content_stream().read()  # before the offset: warcio reads
            offset = archive.get_record_offset()  # nothing more after asking for it
            if record.raw_stream.limit > 0:
                break  # the file ends inside this record: said below
            read += 1
            yield offset, payload, record.rec_headers.get_header("WARC-Target-URI")
    except Exception as error:  # warcio raises its own, zlib's and EOF errors on damage
        message = " ".join(str(error).split())
        if "non-chunked gzip" in message:
            raise _WholeFileGzip from error
        if read == 0 and not skipped:
            raise ParseError(f"not a readable WARC or ARC file: {_reason(error)}") from error
        warn(
            f"{name}: warning: truncated or damaged after {read} pages and"
            f" {sum(skipped.values())} other records: {_reason(error)}"
        )
    else:
        cut = record is not None and record.raw_stream.limit > 0
        if cut or _unread_tail(archive.offset, stream):
            warn(
                f"{name}: warning: truncated: the file ends inside a record, after"
                f" {read} pages and {sum(skipped.values())} other records"
            )
    for reason, count in skipped.items():
        skip(f"WARC/ARC {reason}", count)
    if unfollowed.offsets:
        offsets = ", ".join(str(offset) for offset in unfollowed.offsets[:3])
        more = ", …" if len(unfollowed.offsets) > 3 else ""
        warn(
            f"{name}: warning: {len(unfollowed.offsets)} records not followed by a blank line"
            f" (at offsets {offsets}{more}); their Content-Length may be wrong"
        )


def _unread_tail(offset: int, stream: IO[bytes] | gzip.GzipFile) -> bool:
    """Bytes after the last whole record: a gzip member cut short, which warcio passes over."""
    if isinstance(stream, gzip.GzipFile):
        return False  # read whole, through the gzip module, which refuses a cut member
    try:
        return offset < stream.seek(0, io.SEEK_END)
    except (OSError, ValueError):
        return False


def _reason(error: Exception) -> str:
    """What a damaged archive's error says, in one line, when it says something useful."""
    if isinstance(error, (EOFError, OSError, zlib.error)) or type(error).__module__.startswith(
        "warcio"
    ):
        text = " ".join(str(error).split()).split(". ")[0].rstrip(".")
        return text or "the data ends early"
    return "the rest cannot be read"


def stem(filename: str) -> str | None:
    """The name of an archive without its extension, or ``None`` when it is no archive."""
    lowered = filename.lower()
    for extension in ARCHIVE_EXTENSIONS:
        if lowered.endswith(extension):
            return filename[: -len(extension)]
    return None
