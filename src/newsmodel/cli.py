"""The ``newsmodel`` command line: convert, validate and show article files.

Thin by design: it reads bytes, hands them to the formats of the public registry, and reports
each failure as ``file: location: message`` without a traceback. Exit status: 0 when every
input succeeded, 1 when some failed, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import stat
import sys
import threading
from collections.abc import Generator, Iterator, Sequence
from importlib.resources import files
from pathlib import Path
from typing import Any, BinaryIO, TextIO

import attrs

from . import (
    Article,
    NewsModelError,
    QuoteKind,
    __version__,
    _report,
    available_formats,
    batch,
    get_format,
)
from . import json as newsmodel_json
from ._progress import Progress

__all__ = ["main"]

STDIO = "-"
SAMPLE_NAME = "sample.txt"
STREAM_EXTENSIONS = (".jsonl", ".ndjson")
INTERRUPTED = 130  # the shell's status for a run stopped by SIGINT


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    parser = _parser()
    if "_ARGCOMPLETE" in os.environ:
        _complete(parser)
    args = parser.parse_args(argv)
    try:
        status: int = args.run(args, args.command_parser)
    except BrokenPipeError:
        # The reader went away (``newsmodel show … | head``): not an error of ours.
        sys.stderr.close()
        return 1
    return status


def _complete(parser: argparse.ArgumentParser) -> None:
    """Answer the shell's tab completion, through argcomplete (the ``completion`` extra)."""
    try:
        import argcomplete
    except ImportError:
        return
    argcomplete.autocomplete(parser)


def _parser() -> argparse.ArgumentParser:
    """The command line's parser; the docs' reference page is generated from it."""
    parser = argparse.ArgumentParser(
        prog="newsmodel", description="Convert, validate and inspect news article files."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    names = [fmt.name for fmt in available_formats()]

    def command(name: str, run: object, help: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help, description=help[0].upper() + help[1:] + ".")
        sub.set_defaults(run=run, command_parser=sub)
        return sub

    def with_inputs(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "inputs",
            nargs="*",
            metavar="INPUT",
            help="files (compressed or not), folders, glob patterns, JSON Lines, WARC or ARC"
            " files, http(s):// URLs; - for standard input (read when piped and no INPUT"
            " is given)",
        )
        sub.add_argument(
            "--from",
            dest="source_format",
            choices=names,
            help="input format (default: recognised from the content, then the extension);"
            " in folders, read every file as this format",
        )
        sub.add_argument(
            "--url", help="the URL the page was published at, for one file or standard input"
        )
        sub.add_argument(
            "--sample", action="store_true", help="use the sample article bundled with newsmodel"
        )

    convert = command("convert", _convert, "convert articles to another format")
    with_inputs(convert)
    convert.add_argument(
        "--to", dest="target_format", choices=names, required=True, help="output format"
    )
    convert.add_argument(
        "-o",
        "--output",
        help="output file (one input); a folder (one file per article; end a new folder's"
        " name with /); a .jsonl file (one line per article); - or absent for standard output",
    )
    convert.add_argument(
        "-j", "--jobs", type=_positive, default=1, metavar="N", help="worker processes"
    )
    convert.add_argument(
        "--unordered", action="store_true", help="write results as they finish, not in order"
    )
    convert.add_argument(
        "--resume", action="store_true", help="skip articles whose output file already exists"
    )
    convert.add_argument(
        "--errors", metavar="REPORT", help="write one JSON line per failed article to REPORT"
    )
    convert.add_argument(
        "--warnings", action="store_true", help="report what the parsers guessed, per article"
    )
    convert.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no progress, no summary; with --errors, failures go to the report only",
    )

    check = command("validate", _validate, "report every problem in article files")
    with_inputs(check)
    check.add_argument(
        "--format",
        dest="report_format",
        choices=("text", "json"),
        default="text",
        help="text: one problem a line; json: a JSON array with one object per article",
    )

    show = command("show", _show, "print a readable summary of articles")
    with_inputs(show)

    command("schema", _schema, "print the JSON Schema of newsmodel JSON")
    command("formats", _formats, "list the formats newsmodel reads and writes")
    return parser


def _positive(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, got {number}")
    return number


# --- convert ----------------------------------------------------------------------------------


def _convert(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    target = get_format(args.target_format)
    if target.write is None:
        parser.error(f"format {target.name!r} cannot be written")
    inputs = _inputs(args, parser)
    notes = batch.Notes(say=_say)
    if STDIO in args.inputs:
        # Read now: whether it holds one article or many decides how the output is written.
        inputs = list(batch.records(inputs, source_format=args.source_format, notes=notes))
    output: str | None = None if args.output in (None, STDIO) else args.output
    several = len(inputs) > 1 or any(_is_collection(name) for name in args.inputs)
    stream = (output is None and several) or (output or "").lower().endswith(STREAM_EXTENSIONS)
    folder = output is not None and not stream and (several or _names_a_folder(output))
    if stream and target.write_line is None:
        parser.error(f"{target.name} cannot be written as JSON Lines: give -o FOLDER")
    if folder and output is not None and _names_a_file(output):
        parser.error(
            f"several inputs cannot be written to the one {target.name} file {output}:"
            " give a folder (-o OUT/, one file per article) or a .jsonl file (one line each)"
        )
    if args.resume and not folder:
        parser.error("--resume needs an output folder (-o FOLDER)")

    progress = Progress(
        sys.stderr,
        total=None,
        visible=several and not args.quiet and sys.stderr.isatty(),
    )
    if progress.visible:
        progress.total = batch.count_records(args.inputs)
    try:
        report = open(args.errors, "w", encoding="utf-8") if args.errors else None  # noqa: SIM115
    except OSError as error:
        parser.error(f"cannot write the error report {args.errors}: {error.strerror or error}")
    notes.say = progress.say
    results = batch.convert(
        inputs,
        to=target.name,
        source_format=args.source_format,
        output=output if folder else None,
        lines=stream,
        jobs=args.jobs,
        ordered=not args.unordered,
        resume=args.resume,
        notes=notes,
    )
    sink = _Sink(
        progress,
        report,
        quiet=args.quiet,
        warnings=args.warnings,
        lines=stream,
        output=None if folder else output,
    )
    interrupted = False
    try:
        with _FirstInterrupt() as first:
            try:
                for result in results:
                    sink.take(result)
                    if first.pressed:
                        break
            except KeyboardInterrupt:
                first.pressed = True  # raised before the handler was in place
            if first.pressed:
                interrupted = True
                for result in _drain(results):
                    sink.take(result)
    except KeyboardInterrupt:
        pass  # a second Ctrl-C: stop draining
    finally:
        sink.close()
        progress.close()
        if report:
            report.close()
    if progress.done == 0 and not interrupted:
        return _report.nothing_read(notes)
    if several and not args.quiet:
        print(progress.summary(interrupted=interrupted, skipped=str(notes)), file=sys.stderr)
    if interrupted:
        return INTERRUPTED
    return 1 if progress.failed else 0


class _FirstInterrupt:
    """While in place, the first Ctrl-C only sets :attr:`pressed`; the second raises.

    A Ctrl-C raised wherever the run happens to be can land between a result's hand-over and
    its count, and the summary would then miss files that were written. The loop instead
    stops at its next result, and the batch hands over what its running chunks wrote. Outside
    the main thread, where no handler can be set, Ctrl-C raises as usual.
    """

    def __init__(self) -> None:
        self.pressed = False
        self._installed = False
        self._previous: Any = None

    def __enter__(self) -> _FirstInterrupt:
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._press)
            self._installed = True
        return self

    def __exit__(self, *exc: object) -> None:
        if self._installed:
            # (None: a handler not set from Python; Python's own is the one to put back)
            signal.signal(signal.SIGINT, self._previous or signal.default_int_handler)

    def _press(self, number: int, frame: object) -> None:
        if self.pressed:
            raise KeyboardInterrupt
        self.pressed = True


def _drain(results: Generator[batch.Result, None, None]) -> Iterator[batch.Result]:
    """After Ctrl-C, the results of work that was running and finished: it was written."""
    try:
        yield results.throw(KeyboardInterrupt())
        yield from results
    except (KeyboardInterrupt, StopIteration):
        return


class _Sink:
    """Where results go: counted, reported, and written to standard output or one file."""

    def __init__(
        self,
        progress: Progress,
        report: TextIO | None,
        *,
        quiet: bool,
        warnings: bool,
        lines: bool,
        output: str | None,
    ) -> None:
        self.progress, self.report = progress, report
        self.quiet, self.warnings, self.lines = quiet, warnings, lines
        self.ending = b"\n" if lines else b""
        self.output = output
        self.single: list[batch.Result] = []  # what goes to one output file, written at close
        self.file: contextlib.AbstractContextManager[BinaryIO] | None = None
        self.stream: BinaryIO | None = None
        if output is None:
            self.stream = sys.stdout.buffer
        elif lines:
            # Whole lines only, under its name once closed, even when interrupted.
            self.file = batch.open_atomically(output)
            self.stream = self.file.__enter__()

    def take(self, result: batch.Result) -> None:
        if self.warnings:
            for message in result.warnings:
                self.progress.say(f"{result.source}: warning: {message}")
        self.progress.count(failed=result.failure is not None, skipped=result.skipped)
        if result.failure is not None:
            self.progress.internal += result.failure.internal
            if not (self.quiet and self.report is not None):
                self.progress.say(result.failure.message)
            if self.report is not None:
                entry = {"source": result.source, **attrs.asdict(result.failure)}
                self.report.write(json.dumps(entry, ensure_ascii=False) + "\n")
                self.report.flush()
        if result.output is None:
            return
        if self.stream is not None:
            self.stream.write(result.output + self.ending)
            if self.output is None:
                self.stream.flush()
        else:
            self.single.append(result)

    def close(self) -> None:
        if self.file is not None:
            self.file.__exit__(None, None, None)
        if self.output is None or not self.single:
            return
        if len(self.single) > 1:  # one input holding several articles (a feed, an export)
            self.progress.failed += 1
            source = self.single[0].source.rsplit("@", 1)[0]
            self.progress.say(
                f"{source}: holds {len(self.single)} articles; write them to a folder"
                " (-o FOLDER/) or one per line (-o FILE.jsonl)"
            )
            return
        try:
            batch.write_atomically(self.output, self.single[0].output or b"")
        except OSError as error:
            self.progress.failed += 1
            self.progress.converted -= 1
            self.progress.say(f"{self.output}: {error.strerror or error}")


# --- validate, show, schema, formats ----------------------------------------------------------


def _validate(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    notes = batch.Notes(say=_say)
    records = batch.records(_inputs(args, parser), source_format=args.source_format, notes=notes)
    return _report.report(
        records,
        source_format=args.source_format,
        as_json=args.report_format == "json",
        notes=notes,
    )


def _show(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    failures = 0
    first = True
    notes = batch.Notes(say=_say)
    count = 0
    for record, article in _articles(args, parser, notes):
        count += 1
        if article is None:
            failures += 1
            continue
        if not first:
            print()
        first = False
        print(summary(article, name=record.source))
    if count == 0:
        return _report.nothing_read(notes)
    return 1 if failures else 0


def _schema(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    sys.stdout.write(newsmodel_json.schema_text())
    return 0


def _formats(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    for fmt in available_formats():
        modes = "read/write" if fmt.read and fmt.write else "read" if fmt.read else "write"
        print(f"{fmt.name:<8} {modes:<10} {' '.join(fmt.extensions):<14} {fmt.description}")
    return 0


# --- inputs -----------------------------------------------------------------------------------


def _inputs(args: argparse.Namespace, parser: argparse.ArgumentParser) -> list[str | batch.Record]:
    """The inputs named on the command line, records when ``--url`` names their page."""
    if args.sample:
        if args.inputs:
            parser.error("--sample takes no INPUT")
        args.inputs = [str(files("newsmodel").joinpath(f"data/{SAMPLE_NAME}"))]
    elif not args.inputs:
        if not _stdin_is_piped():
            parser.error("give at least one INPUT, - for standard input, or --sample")
        args.inputs = [STDIO]
    if args.inputs.count(STDIO) > 1:
        parser.error("standard input can be read only once")
    names: list[str | batch.Record] = list(args.inputs)
    if args.url is not None:
        if len(args.inputs) != 1 or _is_collection(args.inputs[0]):
            parser.error("--url names the page of one file or of standard input")
        found = batch.records(args.inputs, source_format=args.source_format)
        names = [attrs.evolve(record, url=args.url) for record in found]
    return names


def _stdin_is_piped() -> bool:
    """Standard input comes from a pipe or a file (not a terminal, not /dev/null)."""
    try:
        mode = os.fstat(sys.stdin.fileno()).st_mode
    except (OSError, ValueError, AttributeError):
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISREG(mode)


def _is_collection(name: str) -> bool:
    """Whether an input names many articles: a folder, a pattern, or a container file."""
    lowered = name.lower()
    return (
        Path(name).is_dir()
        or (any(char in name for char in "*?[") and not Path(name).exists())
        or lowered.endswith(batch.JSONL_EXTENSIONS + batch.WARC_EXTENSIONS)
    )


def _names_a_folder(output: str) -> bool:
    return output.endswith(("/", os.sep)) or Path(output).is_dir()


def _names_a_file(output: str) -> bool:
    """An existing file, or a new name with a format's extension (``both.json``)."""
    if output.endswith(("/", os.sep)) or Path(output).is_dir():
        return False
    if Path(output).exists():
        return True
    extensions = tuple(ext for fmt in available_formats() for ext in fmt.extensions)
    return output.lower().endswith(extensions)


def _say(line: str) -> None:
    print(line, file=sys.stderr)


def _articles(
    args: argparse.Namespace, parser: argparse.ArgumentParser, notes: batch.Notes
) -> Iterator[tuple[batch.Record, Article | None]]:
    """Each record with its article, or with ``None`` once the reason is reported."""
    for record in batch.records(
        _inputs(args, parser), source_format=args.source_format, notes=notes
    ):
        try:
            with batch.guesses() as guessed:
                articles = batch.load_all(record, source_format=args.source_format)
            for message in guessed:
                print(f"{record.source}: warning: {message}", file=sys.stderr)
            yield from articles
        except NewsModelError as error:
            print(batch.located(error, record), file=sys.stderr)
            yield record, None
        except batch.InternalError as error:
            print(f"{record.source}: {error}", file=sys.stderr)
            yield record, None
        except OSError as error:
            print(f"{record.source}: {error.strerror or error}", file=sys.stderr)
            yield record, None


# --- show -------------------------------------------------------------------------------------


def summary(article: Article, *, name: str | None = None) -> str:
    """A few readable lines about an article: what ``newsmodel show`` prints."""
    lines = [f"== {name}"] if name else []
    lines.append(f"Headline:   {article.headline}")
    if article.standfirst:
        lines.append(f"Standfirst: {article.standfirst}")
    if article.bylines:
        credits = []
        for byline in article.bylines:
            details = ", ".join(part for part in (byline.role, byline.affiliation) if part)
            credits.append(f"{byline.name} ({details})" if details else byline.name)
        lines.append(f"By:         {'; '.join(credits)}")
    if article.dateline:
        place = article.dateline
        parts = [place.place, place.date.isoformat() if place.date else None, place.agency]
        lines.append(f"Dateline:   {', '.join(part for part in parts if part)}")
    for label, value in (("Published", article.published), ("Modified", article.modified)):
        if value:
            lines.append(f"{label + ':':<12}{value.isoformat()}")
    for label, text in (
        ("Language", article.language),
        ("Section", article.section),
        ("URL", article.url),
    ):
        if text:
            lines.append(f"{label + ':':<12}{text}")
    kinds: dict[str, int] = {}
    for block in article.body:
        kind = type(block).__name__
        kinds[kind] = kinds.get(kind, 0) + 1
    words = sum(len(text.split()) for text in article.paragraphs())
    detail = ", ".join(f"{count} {kind}" for kind, count in kinds.items())
    lines.append(f"Body:       {len(article.body)} blocks ({detail or 'empty'}), {words} words")
    by_kind = dict.fromkeys(QuoteKind, 0)
    for quote in article.quotes:
        by_kind[quote.kind] += 1
    quote_detail = ", ".join(f"{n} {kind.value}" for kind, n in by_kind.items() if n)
    lines.append(
        f"Quotes:     {len(article.quotes)}" + (f" ({quote_detail})" if quote_detail else "")
    )
    thread = article.comments
    if thread is None:
        lines.append("Comments:   unknown")
    else:
        declared = f" of {thread.total} declared" if thread.total is not None else ""
        lines.append(f"Comments:   {thread.loaded} loaded{declared}")
    return "\n".join(lines)
