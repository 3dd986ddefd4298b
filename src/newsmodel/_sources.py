"""Turn the inputs a user names into a lazy stream of records, one article each.

An input is a file, a folder (walked recursively, in sorted order), a glob pattern, or ``-``
for standard input. Containers hold many articles: a JSON Lines file gives one record per
non-blank line, a WARC file one record per HTML response. Nothing is read ahead: files are
read when their record is converted, so memory stays flat however many inputs there are.
"""

from __future__ import annotations

import glob
import gzip
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePath
from typing import IO

import attrs

from ._formats import available_formats
from .errors import NewsModelError, ParseError

__all__ = ["JSONL_EXTENSIONS", "WARC_EXTENSIONS", "Record", "count_records", "records"]

STDIN = "-"
JSONL_EXTENSIONS = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
WARC_EXTENSIONS = (".warc", ".warc.gz")
_GLOB_CHARACTERS = frozenset("*?[")


@attrs.frozen(kw_only=True)
class Record:
    """One article to convert: a whole file, a line of JSON Lines, or a WARC response."""

    source: str
    """Where it comes from, for reports: ``a/b.html``, ``feed.jsonl:17``, ``crawl.warc.gz@5120``."""
    name: PurePath
    """Its output name without extension, relative to an output folder."""
    path: str | None = None
    """The file to read, when the record is a whole file (read lazily, by whoever converts)."""
    data: bytes | None = None
    """The record's bytes, when it comes from inside a container."""
    format: str | None = None
    """The format, when the container says what it is (a WARC response is ``html``)."""
    url: str | None = None
    """The URL the record was fetched from, when known."""
    problem: NewsModelError | OSError | None = attrs.field(default=None, eq=False)
    """Why the input could not even be walked (a damaged container); reading raises it."""

    def read(self) -> bytes:
        """The record's bytes.

        Raises:
            OSError: the file cannot be read.
            NewsModelError: the container it comes from is damaged.
        """
        if self.problem is not None:
            raise self.problem
        if self.data is not None:
            return self.data
        if self.path is None:
            return sys.stdin.buffer.read()
        return Path(self.path).read_bytes()


def records(inputs: Iterable[str | os.PathLike[str]]) -> Iterator[Record]:
    """Every record of the named inputs, lazily, in order.

    Never raises for a bad input: a missing file or a damaged container becomes a record
    whose :meth:`Record.read` raises, so it is reported in its turn and the rest carry on.
    """
    for entry in inputs:
        name = os.fspath(entry)
        try:
            yield from _entry_records(name)
        except (NewsModelError, OSError) as error:
            if isinstance(error, NewsModelError):
                error.with_source(name)
            yield Record(source=name, name=PurePath(_stem(Path(name).name)), problem=error)


def _entry_records(name: str) -> Iterator[Record]:
    if name == STDIN:
        yield Record(source="<stdin>", name=PurePath("stdin"))
    elif _is_pattern(name):
        for match in sorted(glob.glob(name, recursive=True)):
            yield from _path_records(Path(match), PurePath(_stem(Path(match).name)))
    elif Path(name).is_dir():
        yield from _folder_records(Path(name))
    else:
        yield from _path_records(Path(name), PurePath(_stem(Path(name).name)))


def count_records(inputs: Iterable[str | os.PathLike[str]]) -> int | None:
    """How many records :func:`records` will give, or ``None`` when it cannot tell cheaply.

    Counts files and JSON Lines lines; a WARC file or standard input makes it ``None``.
    """
    total = 0
    try:
        for record in _shallow(inputs):
            if record is None:
                return None
            total += record
    except OSError:
        return None
    return total


def _shallow(inputs: Iterable[str | os.PathLike[str]]) -> Iterator[int | None]:
    for entry in inputs:
        name = os.fspath(entry)
        if name == STDIN:
            yield None
            continue
        if _is_pattern(name):
            paths: Iterable[Path] = (Path(match) for match in glob.glob(name, recursive=True))
        elif Path(name).is_dir():
            paths = (path for path, _ in _walk(Path(name)))
        else:
            paths = (Path(name),)
        for path in paths:
            lowered = path.name.lower()
            if lowered.endswith(WARC_EXTENSIONS):
                yield None
            elif lowered.endswith(JSONL_EXTENSIONS):
                with _open_text(path) as lines:
                    yield sum(1 for line in lines if line.strip())
            else:
                yield 1


def _is_pattern(name: str) -> bool:
    return bool(_GLOB_CHARACTERS.intersection(name)) and not Path(name).exists()


def _readable_extensions() -> tuple[str, ...]:
    extensions = {ext for fmt in available_formats() if fmt.read for ext in fmt.extensions}
    return (*sorted(extensions), *JSONL_EXTENSIONS, *WARC_EXTENSIONS)


def _walk(root: Path) -> Iterator[tuple[Path, PurePath]]:
    """The readable files below ``root`` in sorted order, each with its path relative to it."""
    extensions = _readable_extensions()
    for folder, subfolders, filenames in os.walk(root):
        subfolders.sort()
        for filename in sorted(filenames):
            if filename.lower().endswith(extensions) and not filename.startswith("."):
                path = Path(folder, filename)
                relative = path.relative_to(root)
                yield path, relative.parent / _stem(relative.name)


def _folder_records(root: Path) -> Iterator[Record]:
    for path, name in _walk(root):
        yield from _path_records(path, name)


def _stem(filename: str) -> str:
    """A file name without its extension; double ones (``.warc.gz``) count as one."""
    lowered = filename.lower()
    for extension in (*JSONL_EXTENSIONS, *WARC_EXTENSIONS):
        if lowered.endswith(extension):
            return filename[: -len(extension)]
    return PurePath(filename).stem


def _path_records(path: Path, name: PurePath) -> Iterator[Record]:
    lowered = path.name.lower()
    if lowered.endswith(JSONL_EXTENSIONS):
        yield from _jsonl_records(path, name)
    elif lowered.endswith(WARC_EXTENSIONS):
        yield from _warc_records(path, name)
    else:
        yield Record(source=str(path), name=name, path=str(path))


def _open_text(path: Path) -> IO[str]:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8", errors="strict", newline="\n")
    return path.open(encoding="utf-8", errors="strict", newline="\n")


def _jsonl_records(path: Path, name: PurePath) -> Iterator[Record]:
    """One record per non-blank line; line numbers name both the source and the output."""
    with _open_text(path) as lines:
        number = 0
        try:
            for number, line in enumerate(lines, start=1):
                if line.strip():
                    yield Record(
                        source=f"{path}:{number}",
                        name=name / f"{number:06d}",
                        data=line.encode("utf-8"),
                    )
        except (UnicodeDecodeError, EOFError, gzip.BadGzipFile) as error:
            raise ParseError(
                f"cannot read JSON Lines: {error}", source=str(path), line=number + 1
            ) from error


def _warc_records(path: Path, name: PurePath) -> Iterator[Record]:
    """One record per HTML response, through warcio (the ``warc`` extra)."""
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError as error:
        raise ParseError(
            "reading WARC files needs warcio: pip install 'newsmodel[warc]'", source=str(path)
        ) from error
    with path.open("rb") as stream:
        archive = ArchiveIterator(stream)
        number = 0
        try:
            for warc_record in archive:
                if warc_record.rec_type != "response" or warc_record.http_headers is None:
                    continue
                content_type = warc_record.http_headers.get_header("Content-Type") or ""
                if "html" not in content_type.lower():
                    continue
                number += 1
                payload = warc_record.content_stream().read()  # before the offset: warcio
                offset = archive.get_record_offset()  # reads nothing after asking for it
                yield Record(
                    source=f"{path}@{offset}",
                    name=name / f"{number:06d}",
                    data=payload,
                    format="html",
                    url=warc_record.rec_headers.get_header("WARC-Target-URI"),
                )
        except Exception as error:  # warcio raises its own and zlib's errors on damaged files
            raise ParseError(f"cannot read WARC: {error}", source=str(path)) from error
