"""The ``newsmodel`` command line: convert, validate and show article files.

Thin by design: it reads bytes, hands them to the formats of the public registry, and reports
each failure as ``file: location: message`` without a traceback. Exit status: 0 when every
input succeeded, 1 when some failed, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from importlib.resources import files
from pathlib import Path
from typing import TextIO

import attrs

from . import Article, NewsModelError, QuoteKind, available_formats, batch, get_format, validate
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
    args = parser.parse_args(argv)
    try:
        status: int = args.run(args, parser)
    except BrokenPipeError:
        # The reader went away (``newsmodel show … | head``): not an error of ours.
        sys.stderr.close()
        return 1
    return status


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsmodel", description="Convert, validate and inspect news article files."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    names = [fmt.name for fmt in available_formats()]

    def with_inputs(command: argparse.ArgumentParser) -> None:
        command.add_argument(
            "inputs",
            nargs="*",
            metavar="INPUT",
            help="files, folders, glob patterns, JSON Lines or WARC files; - for standard input",
        )
        command.add_argument("--from", dest="source_format", choices=names, help="input format")
        command.add_argument(
            "--sample", action="store_true", help="use the sample article bundled with newsmodel"
        )

    convert = commands.add_parser("convert", help="convert articles to another format")
    with_inputs(convert)
    convert.add_argument("--to", dest="target_format", choices=names, required=True)
    convert.add_argument(
        "-o",
        "--output",
        help="output file; a folder (one file per article); a .jsonl file (one line per"
        " article); - or absent for standard output",
    )
    convert.add_argument("-j", "--jobs", type=_positive, default=1, help="worker processes")
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
    convert.add_argument("-q", "--quiet", action="store_true", help="no progress, no summary")
    convert.set_defaults(run=_convert)

    check = commands.add_parser("validate", help="report every problem in article files")
    with_inputs(check)
    check.set_defaults(run=_validate)

    show = commands.add_parser("show", help="print a readable summary of articles")
    with_inputs(show)
    show.set_defaults(run=_show)

    schema = commands.add_parser("schema", help="print the JSON Schema of newsmodel JSON")
    schema.set_defaults(run=_schema)

    listing = commands.add_parser("formats", help="list the formats newsmodel reads and writes")
    listing.set_defaults(run=_formats)
    return parser


def _positive(text: str) -> int:
    number = int(text)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


# --- convert ----------------------------------------------------------------------------------


def _convert(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    target = get_format(args.target_format)
    if target.write is None:
        parser.error(f"format {target.name!r} cannot be written")
    names = _input_names(args, parser)
    output: str | None = None if args.output in (None, STDIO) else args.output
    several = len(names) > 1 or any(_is_collection(name) for name in names)
    stream = (output is None and several) or (output or "").lower().endswith(STREAM_EXTENSIONS)
    folder = output is not None and not stream and (several or Path(output).is_dir())
    if stream and target.write_line is None:
        parser.error(f"{target.name} cannot be written as JSON Lines: give -o FOLDER")
    if args.resume and not folder:
        parser.error("--resume needs an output folder (-o FOLDER)")

    progress = Progress(
        sys.stderr,
        total=None,
        visible=several and not args.quiet and sys.stderr.isatty(),
    )
    if progress.visible:
        progress.total = batch.count_records(names)
    try:
        report = open(args.errors, "w", encoding="utf-8") if args.errors else None  # noqa: SIM115
    except OSError as error:
        parser.error(f"cannot write the error report {args.errors}: {error.strerror or error}")
    results = batch.convert(
        names,
        to=target.name,
        source_format=args.source_format,
        output=output if folder else None,
        lines=stream,
        jobs=args.jobs,
        ordered=not args.unordered,
        resume=args.resume,
    )
    interrupted = False
    try:
        if args.warnings:
            results = _with_warnings_said(results, progress)
        if stream or output is None:
            _write_stream(results, output, progress, report, lines=stream)
        else:
            converted = []
            for result in results:
                _account(result, progress, report)
                if not folder and result.output is not None:
                    converted.append(result.output)
            if len(converted) == 1:
                _write_file(output, converted[0], progress)
            elif converted:  # one input holding several articles (a feed, an export)
                progress.failed += 1
                progress.say(
                    f"{names[0]}: holds {len(converted)} articles; write them to a folder"
                    " (-o FOLDER/) or one per line (-o FILE.jsonl)"
                )
    except KeyboardInterrupt:
        interrupted = True
    finally:
        progress.close()
        if report:
            report.close()
    if several and not args.quiet:
        print(progress.summary(interrupted=interrupted), file=sys.stderr)
    if interrupted:
        return INTERRUPTED
    return 1 if progress.failed else 0


def _write_stream(
    results: Iterator[batch.Result],
    output: str | None,
    progress: Progress,
    report: TextIO | None,
    *,
    lines: bool,
) -> None:
    """Write every output to standard output or, line by line, to a JSON Lines file that
    appears under its name only once closed (whole lines only, even when interrupted)."""
    ending = b"\n" if lines else b""
    if output is None:
        for result in results:
            _account(result, progress, report)
            if result.output is not None:
                sys.stdout.buffer.write(result.output + ending)
                sys.stdout.flush()
        return
    destination = Path(output)
    destination.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        dir=destination.parent, prefix=f".{destination.name}.", suffix=".part"
    )
    with os.fdopen(handle, "wb") as stream:
        try:
            for result in results:
                _account(result, progress, report)
                if result.output is not None:
                    stream.write(result.output + ending)
        finally:
            stream.flush()
            os.replace(temporary, destination)


def _write_file(path: str, data: bytes, progress: Progress) -> None:
    try:
        batch.write_atomically(path, data)
    except OSError as error:
        progress.failed += 1
        progress.say(f"{path}: {error.strerror or error}")


def _with_warnings_said(
    results: Iterator[batch.Result], progress: Progress
) -> Iterator[batch.Result]:
    for result in results:
        for message in result.warnings:
            progress.say(f"{result.source}: warning: {message}")
        yield result


def _account(result: batch.Result, progress: Progress, report: TextIO | None) -> None:
    progress.count(failed=result.failure is not None, skipped=result.skipped)
    if result.failure is None:
        return
    progress.say(result.failure.message)
    if report is not None:
        entry = {"source": result.source, **attrs.asdict(result.failure)}
        report.write(json.dumps(entry, ensure_ascii=False) + "\n")
        report.flush()


# --- validate, show, schema, formats ----------------------------------------------------------


def _validate(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    failures = 0
    for record, article in _articles(args, parser):
        if article is None:
            failures += 1
            continue
        problems = validate(article)
        for problem in problems:
            print(f"{record.source}: {problem}")
        failures += bool(problems)
    return 1 if failures else 0


def _show(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    failures = 0
    first = True
    for record, article in _articles(args, parser):
        if article is None:
            failures += 1
            continue
        if not first:
            print()
        first = False
        print(summary(article, name=record.source))
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


def _input_names(args: argparse.Namespace, parser: argparse.ArgumentParser) -> list[str]:
    if args.sample:
        if args.inputs:
            parser.error("--sample takes no INPUT")
        return [str(files("newsmodel").joinpath(f"data/{SAMPLE_NAME}"))]
    if not args.inputs:
        parser.error("give at least one INPUT (or --sample)")
    if args.inputs.count(STDIO) > 1:
        parser.error("standard input can be read only once")
    names: list[str] = args.inputs
    return names


def _is_collection(name: str) -> bool:
    """Whether an input names many articles: a folder, a pattern, or a container file."""
    lowered = name.lower()
    return (
        Path(name).is_dir()
        or (any(char in name for char in "*?[") and not Path(name).exists())
        or lowered.endswith(batch.JSONL_EXTENSIONS + batch.WARC_EXTENSIONS)
    )


def _articles(
    args: argparse.Namespace, parser: argparse.ArgumentParser
) -> Iterator[tuple[batch.Record, Article | None]]:
    """Each record with its article, or with ``None`` once the reason is reported."""
    for record in batch.records(_input_names(args, parser)):
        try:
            with batch.guesses() as guessed:
                article = batch.load(record, source_format=args.source_format)
            for message in guessed:
                print(f"{record.source}: warning: {message}", file=sys.stderr)
            yield record, article
        except NewsModelError as error:
            print(error.with_source(record.source), file=sys.stderr)
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
