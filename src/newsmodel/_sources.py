"""Turn the inputs a user names into a lazy stream of records, one article each.

An input is a file, a folder (walked recursively, in sorted order), a glob pattern, an
``http(s)://`` URL, or ``-`` for standard input. Files may be compressed (gzip, bzip2, xz:
recognised by their magic bytes). Containers hold many articles: a JSON Lines file gives one
record per non-blank line, a WARC or ARC file one record per HTML page. Standard input is
recognised like a file: compressed, an archive, JSON Lines or one document. Nothing else is read
ahead: files are read when their record is converted, so memory stays flat however many inputs
there are. What a walk passes over (hidden files, unknown extensions, archive records that are
not pages) is counted in :class:`Notes`, so that a run that read nothing can say why.
"""

from __future__ import annotations

import contextlib
import glob
import io
import lzma
import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path, PurePath
from typing import IO

import attrs

from . import _archives, _fetch
from ._formats import available_formats, detect_format
from ._payload import COMPRESSED_EXTENSIONS, binary_kind, expand, open_expanded
from .errors import FormatError, NewsModelError, ParseError

__all__ = [
    "JSONL_EXTENSIONS",
    "WARC_EXTENSIONS",
    "Notes",
    "Record",
    "count_records",
    "records",
]

STDIN = "-"
_JSONL = (".jsonl", ".ndjson")
JSONL_EXTENSIONS = (
    *_JSONL,
    *(jsonl + zipped for jsonl in _JSONL for zipped in COMPRESSED_EXTENSIONS),
)
WARC_EXTENSIONS = _archives.ARCHIVE_EXTENSIONS
_GLOB_CHARACTERS = frozenset("*?[")
_JSON_LINE = re.compile(rb"^\s*\{.*\}\s*$")


class Notes:
    """What a walk over inputs passed over, by reason, and where its warnings go.

    Args:
        say: Called with each warning line (``crawl.warc.gz: warning: truncated…``);
            by default warnings are dropped.
    """

    def __init__(self, say: Callable[[str], None] | None = None) -> None:
        self.skipped: Counter[str] = Counter()
        self.say = say
        """Where warnings go; replaceable once a progress display exists."""

    def skip(self, reason: str, count: int = 1) -> None:
        """Count ``count`` things passed over for ``reason`` (``hidden files``)."""
        self.skipped[reason] += count

    def warn(self, message: str) -> None:
        """Pass on a warning about an input."""
        if self.say is not None:
            self.say(message)

    def __str__(self) -> str:
        return ", ".join(f"{reason}: {count}" for reason, count in self.skipped.items())


@attrs.frozen(kw_only=True)
class Record:
    """One article to convert: a whole file, a line of JSON Lines, or a page of an archive."""

    source: str
    """Where it comes from, for reports: ``a/b.html``, ``feed.jsonl:17``, ``crawl.warc.gz@5120``."""
    name: PurePath
    """Its output name without extension, relative to an output folder."""
    path: str | None = None
    """The file or ``http(s)://`` URL to read, when the record is a whole file (read lazily,
    by whoever converts)."""
    data: bytes | None = None
    """The record's bytes, when it comes from inside a container or from standard input."""
    format: str | None = None
    """The format, when the container says what it is (a WARC response is ``html``)."""
    url: str | None = None
    """The URL the record was fetched from, when known."""
    line: int | None = None
    """The line of its JSON Lines file, for a record that is one line."""
    problem: NewsModelError | OSError | None = attrs.field(default=None, eq=False)
    """Why the input could not even be walked (a damaged container); reading raises it."""

    def read(self) -> bytes:
        """The record's bytes, decompressed when the file is compressed.

        Raises:
            OSError: the file cannot be read.
            NewsModelError: the container it comes from is damaged, the compressed data is
                damaged, or a URL cannot be fetched.
        """
        if self.problem is not None:
            raise self.problem
        if self.data is not None:
            return self.data
        if self.path is None:
            return expand(sys.stdin.buffer.read())
        if _fetch.is_url(self.path):
            return _fetch.fetch(self.path)
        return expand(Path(self.path).read_bytes())

    @property
    def filename(self) -> str | None:
        """The name that tells the content's format by its extension (``.gz`` left out)."""
        name = self.path or (None if self.line is None else self.source.rsplit(":", 1)[0])
        if name is None:
            return None
        lowered = name.lower()
        for extension in COMPRESSED_EXTENSIONS:
            if lowered.endswith(extension):
                return name[: -len(extension)]
        return name


def records(
    inputs: Iterable[str | os.PathLike[str] | Record],
    *,
    source_format: str | None = None,
    notes: Notes | None = None,
) -> Iterator[Record]:
    """Every record of the named inputs, lazily, in order.

    Records among ``inputs`` pass as they are. Folders are walked for the files whose
    extension a format reads (compressed or not); with ``source_format`` every file but hidden
    ones is read as that format. ``notes`` counts what
    was passed over and receives warnings about damaged archives.

    Never raises for a bad input: a missing file or a damaged container becomes a record
    whose :meth:`Record.read` raises, so it is reported in its turn and the rest carry on.
    """
    walk = _Walk(source_format, notes or Notes())
    for entry in inputs:
        if isinstance(entry, Record):
            yield entry
            continue
        name = os.fspath(entry)
        try:
            yield from walk.entry(name)
        except (NewsModelError, OSError) as error:
            if isinstance(error, NewsModelError):
                error.with_source(name)
            yield Record(source=name, name=PurePath(_stem(Path(name).name)), problem=error)


def count_records(inputs: Iterable[str | os.PathLike[str]]) -> int | None:
    """How many records :func:`records` will give, or ``None`` when it cannot tell cheaply.

    Counts files and JSON Lines lines; an archive, a URL or standard input makes it ``None``.
    """
    total = 0
    try:
        for record in _shallow(inputs):
            if record is None:
                return None
            total += record
    except (OSError, EOFError, ValueError, lzma.LZMAError):
        return None
    return total


def _shallow(inputs: Iterable[str | os.PathLike[str]]) -> Iterator[int | None]:
    walk = _Walk(None, Notes())
    for entry in inputs:
        name = os.fspath(entry)
        if name == STDIN or _fetch.is_url(name):
            yield None
            continue
        for path, _ in walk.paths(name):
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
    plain = (*sorted(extensions), *_JSONL, *WARC_EXTENSIONS)
    return (*plain, *(ext + zipped for ext in plain for zipped in COMPRESSED_EXTENSIONS))


class _Walk:
    """Expands inputs to records, counting in ``notes`` what it passes over."""

    def __init__(self, source_format: str | None, notes: Notes) -> None:
        self.source_format, self.notes = source_format, notes
        self.extensions = _readable_extensions()

    def entry(self, name: str) -> Iterator[Record]:
        if name == STDIN:
            yield from self.stdin()
        elif _fetch.is_url(name):
            yield Record(source=name, name=PurePath(_fetch.stem(name)), path=name, url=name)
        else:
            for path, relative in self.paths(name):
                yield from self.path_records(path, relative)

    def paths(self, name: str) -> Iterator[tuple[Path, PurePath]]:
        """The files an input names, each with its output name."""
        if _is_pattern(name):
            matches = sorted(glob.glob(name, recursive=True))
            if not matches:
                self.notes.skip("patterns that matched no file")
            for match in matches:
                if Path(match).is_dir():
                    yield from self.folder(Path(match))
                else:
                    yield Path(match), PurePath(_stem(Path(match).name))
        elif Path(name).is_dir():
            yield from self.folder(Path(name))
        else:
            yield Path(name), PurePath(_stem(Path(name).name))

    def folder(self, root: Path) -> Iterator[tuple[Path, PurePath]]:
        """The readable files below ``root`` in sorted order, each with its output name."""
        found = False
        for folder, subfolders, filenames in os.walk(root):
            hidden = [name for name in subfolders if name.startswith(".")]
            if hidden:  # .git, .cache…: not walked at all
                found = True
                self.notes.skip("hidden folders", len(hidden))
                subfolders[:] = [name for name in subfolders if not name.startswith(".")]
            subfolders.sort()
            for filename in sorted(filenames):
                found = True
                if filename.startswith("."):
                    self.notes.skip("hidden files")
                elif self.source_format is None and not filename.lower().endswith(self.extensions):
                    self.notes.skip("files of no known extension (name their format with --from)")
                else:
                    relative = Path(folder, filename).relative_to(root)
                    yield Path(folder, filename), relative.parent / _stem(relative.name)
        if not found:
            self.notes.skip("empty folders")

    def path_records(self, path: Path, name: PurePath) -> Iterator[Record]:
        lowered = path.name.lower()
        if lowered.endswith(JSONL_EXTENSIONS):
            with _open_text(path) as lines:
                yield from _line_records(lines, str(path), name)
        elif lowered.endswith(WARC_EXTENSIONS):
            with path.open("rb") as stream:
                yield from self.archive(stream, str(path), name)
        else:
            yield Record(source=str(path), name=name, path=str(path))

    def archive(self, stream: IO[bytes], source: str, name: PurePath) -> Iterator[Record]:
        pages = _archives.archive_pages(stream, source, skip=self.notes.skip, warn=self.notes.warn)
        for number, (offset, payload, url) in enumerate(pages, start=1):
            yield Record(
                source=f"{source}@{offset}",
                name=name / f"{number:06d}",
                data=payload,
                format="html",
                url=url,
            )

    def stdin(self) -> Iterator[Record]:
        """Standard input, recognised as a file's content is: archive, JSON Lines, document."""
        data = expand(sys.stdin.buffer.read())
        source, name = "<stdin>", PurePath("stdin")
        # Containers whatever --from says, as for files: it names the format of each article.
        if data.startswith((b"WARC/", b"filedesc://")):
            yield from self.archive(io.BytesIO(data), source, name)
            return
        if _looks_like_json_lines(data):
            text = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", newline="\n")
            yield from _line_records(text, source, name)
            return
        yield Record(source=source, name=name, data=data, format=self._stdin_format(data))

    def _stdin_format(self, data: bytes) -> str | None:
        """Plain text is what a file named ``.txt`` would be: nothing else recognises it."""
        if self.source_format is not None or binary_kind(data[:4096]) is not None:
            return None
        try:
            detect_format(data)
        except FormatError:
            return "text"
        return None


def _looks_like_json_lines(data: bytes) -> bool:
    """At least two lines, each one JSON object: a pretty-printed document is not."""
    lines = [line for line in data[:65536].splitlines() if line.strip()]
    return len(lines) >= 2 and all(_JSON_LINE.match(line) for line in lines[:20])


def _stem(filename: str) -> str:
    """A file name without its extensions; ``.warc.gz`` and ``.html.gz`` count as one."""
    lowered = filename.lower()
    for extension in COMPRESSED_EXTENSIONS:
        if lowered.endswith(extension):
            filename, lowered = filename[: -len(extension)], lowered[: -len(extension)]
            break
    for extension in (*_JSONL, *WARC_EXTENSIONS):
        if lowered.endswith(extension):
            return filename[: -len(extension)]
    return PurePath(filename).stem


@contextlib.contextmanager
def _open_text(path: Path) -> Iterator[IO[str]]:
    with path.open("rb") as raw, open_expanded(raw) as expanded:
        yield io.TextIOWrapper(expanded, encoding="utf-8", errors="strict", newline="\n")


def _line_records(lines: IO[str], source: str, name: PurePath) -> Iterator[Record]:
    """One record per non-blank line; line numbers name both the source and the output."""
    number = 0
    try:
        for number, line in enumerate(lines, start=1):
            if line.strip():
                yield Record(
                    source=f"{source}:{number}",
                    name=name / f"{number:06d}",
                    data=line.encode("utf-8"),
                    line=number,
                )
    except (UnicodeDecodeError, EOFError, OSError, ValueError, lzma.LZMAError) as error:
        raise ParseError(
            f"cannot read JSON Lines: {error}", source=source, line=number + 1
        ) from error
