"""Convert many articles at once: streaming, in parallel, one result per record.

:func:`convert` is what ``newsmodel convert`` runs, for scripts that want the same without a
shell::

    from newsmodel import batch

    for result in batch.convert(["archive/"], to="json", output="out/", jobs=4):
        if result.failure:
            print(result.source, result.failure.message)

Inputs are streamed: a bounded number of records is in flight at any time, so memory does not
grow with the size of the archive. Results come in input order unless ``ordered=False``. A bad
record is a :class:`Failure` in its result, never an exception that stops the run. Output files
are written to a temporary name and renamed, so an interrupted run leaves only complete files,
and ``resume=True`` skips the outputs that already exist.
"""

from __future__ import annotations

import contextlib
import functools
import os
import signal
import stat
import tempfile
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from pathlib import Path
from typing import BinaryIO, TypeVar

import attrs

from . import _guesses
from ._formats import SNIFF_BYTES, Format, detect_format, get_format
from ._model import Article
from ._payload import binary_kind
from ._sources import JSONL_EXTENSIONS, WARC_EXTENSIONS, Notes, Record, count_records, records
from .errors import FormatError, NewsModelError, ParseError

__all__ = [
    "JSONL_EXTENSIONS",
    "WARC_EXTENSIONS",
    "Failure",
    "InternalError",
    "Notes",
    "Record",
    "Result",
    "convert",
    "convert_one",
    "count_records",
    "guesses",
    "load",
    "load_all",
    "located",
    "open_atomically",
    "records",
    "write_atomically",
]

_Read = TypeVar("_Read")

#: Records sent to a worker at once: enough to make the hand-over cheap for small articles.
CHUNK_RECORDS = 8
#: Chunks in flight per worker: enough to keep every worker busy, few enough to bound memory.
CHUNKS_PER_JOB = 4


@attrs.frozen(kw_only=True)
class Failure:
    """Why a record was not converted."""

    stage: str
    """Where it failed: ``read``, ``detect`` (the format), ``parse`` or ``write``."""
    error: str
    """The exception's class name (``ParseError``, ``OSError``…)."""
    message: str
    """What went wrong, with its location."""
    internal: bool = False
    """A bug in newsmodel rather than a problem with the input: worth reporting."""


class InternalError(Exception):
    """A reader or writer failed with something other than a NewsModelError: a bug in
    newsmodel (or in a registered format), not a problem with the input.

    Args:
        part: What failed, such as ``html reader`` or ``ninjs writer``.
        error: The exception it raised.
    """

    def __init__(self, part: str, error: Exception) -> None:
        super().__init__(
            f"internal error in the {part}, please report it ({type(error).__name__}: {error})"
        )
        self.part = part
        self.error = error


@attrs.frozen(kw_only=True)
class Result:
    """What became of one record."""

    source: str
    """The record's source (file name, ``file.jsonl:LINE``, ``file.warc.gz@OFFSET``)."""
    destination: str | None = None
    """The file written, when converting to a folder or file."""
    output: bytes | None = None
    """The converted bytes, when no destination was given (one line for JSON Lines)."""
    failure: Failure | None = None
    """Why it failed; ``None`` on success."""
    skipped: bool = False
    """Not converted again because its output already existed (``resume=True``)."""
    warnings: tuple[str, ...] = ()
    """What the parser guessed: the messages of the warnings it issued."""

    @property
    def ok(self) -> bool:
        """Converted, or skipped as already done."""
        return self.failure is None


@attrs.frozen(kw_only=True)
class _Plan:
    """What every worker needs to know, sent once with each chunk (small and picklable)."""

    target: str
    source_format: str | None
    folder: str | None
    lines: bool


def convert(
    inputs: Iterable[str | os.PathLike[str] | Record],
    *,
    to: str,
    source_format: str | None = None,
    output: str | os.PathLike[str] | None = None,
    lines: bool = False,
    jobs: int = 1,
    ordered: bool = True,
    resume: bool = False,
    notes: Notes | None = None,
) -> Generator[Result, None, None]:
    """Convert every record of ``inputs`` to the format ``to``, yielding one result each.

    Args:
        inputs: Files, folders, glob patterns, JSON Lines or WARC files (see :func:`records`),
            or records already made.
        to: The name of the output format.
        source_format: The input format; detected per record when ``None``.
        output: A folder to write one file per record into (mirroring input folders). With
            ``None`` the converted bytes come back in :attr:`Result.output`.
        lines: Return each output as one line for a JSON Lines stream (with ``output=None``).
        jobs: Worker processes; 1 converts in this process.
        ordered: Yield results in input order; ``False`` yields them as they finish.
        resume: Skip records whose output file already exists.
        notes: Counts what the walk over ``inputs`` passed over, and receives its warnings
            (see :func:`records`).

    Raises:
        FormatError: ``to`` or ``source_format`` is unknown, or cannot write lines.
    """
    target = get_format(to)
    if target.write is None or (lines and target.write_line is None):
        raise FormatError(f"format {to!r} cannot be written{' as lines' if lines else ''}")
    if source_format is not None:
        get_format(source_format)
    plan = _Plan(
        target=to,
        source_format=source_format,
        folder=os.fspath(output) if output is not None else None,
        lines=lines,
    )
    stream = records(inputs, source_format=source_format, notes=notes)
    if jobs <= 1:
        return _inline(plan, stream, resume)
    return _parallel(plan, stream, resume, jobs, ordered)


def convert_one(
    record: Record, *, to: str, source_format: str | None = None, lines: bool = False
) -> Result:
    """Convert one record, returning the converted bytes in :attr:`Result.output`.

    The unit of work for a distributed engine: pure, picklable, and it never raises for bad
    input — every failure is described in the result. An input holding several articles (a
    feed, an export) gives one line per article with ``lines=True``.
    """
    plan = _Plan(target=to, source_format=source_format, folder=None, lines=lines)
    results = _convert_record(plan=plan, record=record)
    failed = next((result for result in results if not result.ok), None)
    if len(results) == 1 or failed is not None:
        return failed or results[0]
    if not lines:
        message = (
            f"{record.source}: holds {len(results)} articles; convert it with lines=True"
            " (one line each) or to a folder"
        )
        failure = Failure(stage="write", error="NewsModelError", message=message)
        return Result(source=record.source, failure=failure)
    return Result(
        source=record.source,
        output=b"\n".join(result.output or b"" for result in results),
        warnings=tuple(warning for result in results for warning in result.warnings),
    )


def _convert_record(record: Record, plan: _Plan) -> list[Result]:
    """Read, parse, serialise and (with an output folder) write one record: one result per
    article it holds (``file@1``, ``file@2``… when it holds several)."""
    try:
        data = record.read()
    except NewsModelError as error:  # the container it comes from is damaged
        return [_failed(record, "read", error)]
    except OSError as error:
        return [_failed(record, "read", error, f"{record.source}: {error.strerror or error}")]
    try:
        fmt = _reader(record, plan.source_format, data)
    except NewsModelError as error:
        return [_failed(record, "detect", error)]
    try:
        with guesses() as guessed:
            articles = _parse_all(fmt, data, record)
    except NewsModelError as error:
        return [_failed(record, "parse", error)]
    except RecursionError as error:
        return [_failed(record, "parse", error, f"{record.source}: nested too deeply")]
    except InternalError as error:  # a parser bug must not stop a run of a million files
        return [_failed(record, "parse", error.error, f"{record.source}: {error}", internal=True)]
    if len(articles) == 1:
        return [_write_article(record, plan, articles[0], tuple(guessed))]
    # Guesses about the container (skipped entries, a repaired encoding) go with the first.
    return [
        _write_article(_part(record, number), plan, article, tuple(guessed) if number == 1 else ())
        for number, article in enumerate(articles, start=1)
    ]


def _part(record: Record, number: int) -> Record:
    """The record of one article of a multi-article input: ``feed.xml@3``, output ``feed@3``."""
    return attrs.evolve(
        record,
        source=f"{record.source}@{number}",
        name=record.name.with_name(f"{record.name.name}@{number}"),
    )


def _write_article(
    record: Record, plan: _Plan, article: Article, guessed: tuple[str, ...]
) -> Result:
    target = get_format(plan.target)
    try:
        if plan.lines:
            assert target.write_line is not None  # convert() checks
            converted = target.write_line(article)
        else:
            assert target.write is not None  # convert() checks
            converted = target.write(article)
    except Exception as error:  # a writer bug is reported like a parser bug
        bug = InternalError(f"{target.name} writer", error)
        return _failed(record, "write", error, f"{record.source}: {bug}", internal=True)
    destination = _destination(record, plan)
    if destination is None:
        return Result(source=record.source, output=converted, warnings=guessed)
    try:
        write_atomically(destination, converted)
    except OSError as error:
        return _failed(record, "write", error, f"{destination}: {error.strerror or error}")
    return Result(source=record.source, destination=str(destination), warnings=guessed)


@contextlib.contextmanager
def guesses() -> Iterator[list[str]]:
    """Collect the messages of the guesses (:class:`~newsmodel.GuessWarning`) made inside the
    block, once each, instead of issuing them: a batch reports guesses per record.

    The collection is local to the thread (and asyncio task), and the process's warning
    filters are left alone, so threads may convert at once.
    """
    with _guesses.collecting() as messages:
        yield messages


def write_atomically(destination: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` through a temporary file and a rename: no reader ever sees half a file,
    and an interrupted write leaves nothing behind."""
    with open_atomically(destination) as stream:
        stream.write(data)


@contextlib.contextmanager
def open_atomically(destination: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """A binary file to write that appears under ``destination`` whole, once closed.

    It gets the permissions a new file would get from the umask (or those of the file it
    replaces), not the private ones of a temporary file. Interrupted, it leaves nothing.
    """
    path = Path(destination)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as stream:
            yield stream
        os.chmod(temporary, _mode_for(path))
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return 0o666 & ~_umask()


@functools.cache
def _umask() -> int:
    # The umask can only be read by setting it; done once, before any worker thread exists.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# --- internals --------------------------------------------------------------------------------


def load(record: Record, *, source_format: str | None = None) -> Article:
    """Read and parse one record into an Article.

    Raises:
        OSError: the record's file cannot be read.
        NewsModelError: its format is unknown, or it is not a valid article.
        InternalError: the reader failed in some other way: a bug to report.
    """
    data = record.read()
    return _parse(_reader(record, source_format, data), data, record)


def load_all(
    record: Record, *, source_format: str | None = None
) -> tuple[tuple[Record, Article], ...]:
    """Read and parse every article of one record, each with the record that names it:
    the record itself, or ``file@1``, ``file@2``… when it holds several (a feed, an export).

    Raises:
        OSError: the record's file cannot be read.
        NewsModelError: its format is unknown, or it holds no valid article.
    """
    data = record.read()
    articles = _parse_all(_reader(record, source_format, data), data, record)
    if len(articles) == 1:
        return ((record, articles[0]),)
    return tuple((_part(record, n), article) for n, article in enumerate(articles, start=1))


def _reader(record: Record, source_format: str | None, data: bytes) -> Format:
    """The format to read ``data`` with: named, or recognised; never for binary junk."""
    name = source_format or record.format
    head = data[:SNIFF_BYTES]
    if name:
        fmt = get_format(name)
        recognised = fmt.sniff is not None and fmt.sniff(head)
    else:
        try:
            fmt = detect_format(data, record.filename)
        except FormatError:
            _refuse_binary(head)
            if record.line is not None:
                _refuse_broken_json(data)
                raise FormatError(
                    "a JSON value of no known article format; name it with --from"
                ) from None
            raise
        recognised = fmt.sniff is not None and fmt.sniff(head)
    if not recognised:
        _refuse_binary(head)
    if fmt.read is None:
        raise FormatError(f"format {fmt.name!r} cannot be read")
    return fmt


def _refuse_broken_json(line: bytes) -> None:
    """A line of JSON Lines that no format recognises: if it is not JSON, say where it breaks."""
    reader = get_format("json").read
    assert reader is not None  # the built-in json format reads
    try:
        reader(line, None)
    except ParseError as error:
        if error.line is not None:  # a syntax error, with its line and column
            raise


def _refuse_binary(head: bytes) -> None:
    kind = binary_kind(head)
    if kind is not None:
        raise ParseError(f"not an article: this looks like {kind}")


def located(error: NewsModelError, record: Record) -> NewsModelError:
    """``error`` with the record's place filled in: ``feed.jsonl:4:17`` for a line's column."""
    if record.line is not None and error.source is None and error.line is not None:
        error.source = record.source.rsplit(":", 1)[0]
        error.line += record.line - 1
    return error.with_source(record.source)


def _parse(fmt: Format, data: bytes, record: Record) -> Article:
    assert fmt.read is not None  # _reader checks
    return _calling(fmt, fmt.read, data, record)


def _parse_all(fmt: Format, data: bytes, record: Record) -> tuple[Article, ...]:
    if fmt.read_all is None:
        return (_parse(fmt, data, record),)
    articles = _calling(fmt, fmt.read_all, data, record)
    if not articles:
        raise ParseError(f"the {fmt.name} input holds no article")
    return articles


def _calling(
    fmt: Format, read: Callable[[bytes, str | None], _Read], data: bytes, record: Record
) -> _Read:
    """``read(data, url)``, with anything but a NewsModelError (or RecursionError, which deep
    input causes) raised as the reader's InternalError."""
    try:
        return read(data, record.url)
    except (NewsModelError, RecursionError):
        raise
    except Exception as error:
        raise InternalError(f"{fmt.name} reader", error) from error


def _destination(record: Record, plan: _Plan) -> Path | None:
    if plan.folder is None:
        return None
    extension = get_format(plan.target).extensions[0]
    return Path(plan.folder) / record.name.with_name(record.name.name + extension)


def _failed(
    record: Record,
    stage: str,
    error: BaseException,
    message: str | None = None,
    *,
    internal: bool = False,
) -> Result:
    if isinstance(error, NewsModelError):
        message = str(located(error, record))
    failure = Failure(
        stage=stage, error=type(error).__name__, message=message or str(error), internal=internal
    )
    return Result(source=record.source, failure=failure)


class _Outputs:
    """Decides, before a record is converted, whether it is skipped or collides.

    Only one output folder's names are remembered at a time: folders are walked one after
    another, so memory stays flat however many files a run converts.
    """

    def __init__(self, plan: _Plan, resume: bool) -> None:
        self.plan, self.resume = plan, resume
        self.folder: Path | None = None
        self.names: dict[str, str] = {}

    def settled(self, record: Record) -> Result | None:
        """A result for a record that needs no conversion, else ``None``."""
        destination = _destination(record, self.plan)
        if destination is None:
            return None
        if destination.parent != self.folder:
            self.folder, self.names = destination.parent, {}
        if destination.name in self.names:
            message = (
                f"{record.source}: its output {destination} would overwrite that of"
                f" {self.names[destination.name]}"
            )
            failure = Failure(stage="write", error="NewsModelError", message=message)
            return Result(source=record.source, failure=failure)
        self.names[destination.name] = record.source
        if self.resume and destination.exists():
            return Result(source=record.source, destination=str(destination), skipped=True)
        return None


def _inline(plan: _Plan, stream: Iterator[Record], resume: bool) -> Generator[Result, None, None]:
    outputs = _Outputs(plan, resume)
    for record in stream:
        settled = outputs.settled(record)
        yield from [settled] if settled is not None else _convert_record(record, plan)


def _convert_chunk(plan: _Plan, chunk: list[Record]) -> list[Result]:
    return [result for record in chunk for result in _convert_record(record, plan)]


def _ignore_interrupts() -> None:
    # Ctrl-C reaches every process of the group; the parent alone decides how to stop, and
    # workers finish the file they are writing.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _chunks(
    plan: _Plan, stream: Iterator[Record], resume: bool
) -> Iterator[tuple[list[Record], list[Result]]]:
    """Records grouped for the workers, or (alone, in order) results settled without them."""
    outputs = _Outputs(plan, resume)
    chunk: list[Record] = []
    for record in stream:
        settled = outputs.settled(record)
        if settled is None:
            chunk.append(record)
            if len(chunk) < CHUNK_RECORDS:
                continue
        if chunk:
            yield chunk, []
            chunk = []
        if settled is not None:
            yield [], [settled]
    if chunk:
        yield chunk, []


def _parallel(
    plan: _Plan, stream: Iterator[Record], resume: bool, jobs: int, ordered: bool
) -> Generator[Result, None, None]:
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_interrupts)
    in_flight: deque[Future[list[Result]] | list[Result]] = deque()
    done: deque[Result] = deque()  # of a finished chunk, not handed over yet
    limit = jobs * CHUNKS_PER_JOB
    try:
        for todo, settled in _chunks(plan, stream, resume):
            in_flight.append(pool.submit(_convert_chunk, plan, todo) if todo else settled)
            while len(in_flight) >= limit:
                done.extend(_next_done(in_flight, ordered))
                while done:
                    yield done.popleft()
        while in_flight:
            done.extend(_next_done(in_flight, ordered))
            while done:
                yield done.popleft()
    except KeyboardInterrupt:
        # Chunks already running finish and write their files: their results are still
        # handed over, so that what a summary counts is what was written.
        pool.shutdown(wait=True, cancel_futures=True)
        yield from done
        for item in in_flight:
            if isinstance(item, list):
                yield from item
            elif item.done() and not item.cancelled() and item.exception() is None:
                yield from item.result()
        raise
    finally:
        # On Ctrl-C or an abandoned generator, drop what has not started; running chunks
        # finish, so every file they write is whole.
        pool.shutdown(wait=True, cancel_futures=True)


def _next_done(
    in_flight: deque[Future[list[Result]] | list[Result]], ordered: bool
) -> list[Result]:
    if ordered:
        # Left in place until done: interrupted while waiting, it is still drained.
        head = in_flight[0]
        results = head if isinstance(head, list) else head.result()
        in_flight.popleft()
        return results
    for item in in_flight:
        if isinstance(item, list):
            in_flight.remove(item)
            return item
    futures = [item for item in in_flight if isinstance(item, Future)]
    done, _ = wait(futures, return_when=FIRST_COMPLETED)
    finished = next(iter(done))
    in_flight.remove(finished)
    return finished.result()
