"""The ``newsmodel`` command line: convert, validate and show article files.

Thin by design: it reads bytes, hands them to the formats of the public registry, and reports
each failure as ``file: location: message`` without a traceback. Exit status: 0 when every
input succeeded, 1 when some failed, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from importlib.resources import files
from pathlib import Path

import attrs

from . import (
    Article,
    Format,
    NewsModelError,
    QuoteKind,
    available_formats,
    detect_format,
    get_format,
    validate,
)
from . import json as newsmodel_json

__all__ = ["main"]

STDIO = "-"
SAMPLE_NAME = "sample.json"


@attrs.frozen
class _Input:
    """One input: a name to report, how to read it, and where it sits below a folder input."""

    name: str
    path: Path | None  # None for standard input
    relative: Path | None = None  # set for files found inside a folder given as input

    def read(self) -> bytes:
        if self.path is None:
            return sys.stdin.buffer.read()
        return self.path.read_bytes()


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
            "inputs", nargs="*", metavar="INPUT", help="files or folders; - for standard input"
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
        help="output file, or folder for several inputs; - or absent for standard output",
    )
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


# --- commands ---------------------------------------------------------------------------------


def _convert(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    target = get_format(args.target_format)
    if target.write is None:
        parser.error(f"format {target.name!r} cannot be written")
    inputs = _inputs(args, parser)
    many = len(args.inputs) > 1 or any(Path(name).is_dir() for name in args.inputs)
    output = args.output
    if many and (output is None or output == STDIO):
        parser.error("several inputs need an output folder: -o FOLDER")
    failures = 0
    # Outputs written to the current output folder. Folders are walked one at a time, so
    # remembering one folder's names at once keeps memory flat however many files there are.
    folder: Path | None = None
    written_here: dict[str, str] = {}
    for item in inputs:
        try:
            article = _read(item, args.source_format)
            data = target.write(article)
            if output is None or output == STDIO:
                sys.stdout.buffer.write(data)
                sys.stdout.flush()
                continue
            destination = _destination(item, Path(output), target, many)
            if destination.parent != folder:
                folder, written_here = destination.parent, {}
            if destination.name in written_here:
                raise NewsModelError(
                    f"its output {destination} would overwrite that of"
                    f" {written_here[destination.name]}"
                )
            _write_atomically(destination, data)
            written_here[destination.name] = item.name
        except (NewsModelError, OSError) as error:
            failures += 1
            _report(item, error)
    return 1 if failures else 0


def _validate(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    failures = 0
    for item in _inputs(args, parser):
        try:
            problems = validate(_read(item, args.source_format))
        except (NewsModelError, OSError) as error:
            failures += 1
            _report(item, error)
            continue
        for problem in problems:
            print(f"{item.name}: {problem}")
        failures += bool(problems)
    return 1 if failures else 0


def _show(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    failures = 0
    for number, item in enumerate(_inputs(args, parser)):
        try:
            article = _read(item, args.source_format)
        except (NewsModelError, OSError) as error:
            failures += 1
            _report(item, error)
            continue
        if number:
            print()
        print(summary(article, name=item.name))
    return 1 if failures else 0


def _schema(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    sys.stdout.write(newsmodel_json.schema_text())
    return 0


def _formats(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    for fmt in available_formats():
        modes = "read/write" if fmt.read and fmt.write else "read" if fmt.read else "write"
        print(f"{fmt.name:<8} {modes:<10} {' '.join(fmt.extensions):<14} {fmt.description}")
    return 0


# --- reading and writing ----------------------------------------------------------------------


def _inputs(args: argparse.Namespace, parser: argparse.ArgumentParser) -> Iterator[_Input]:
    """The inputs named on the command line, folders walked lazily in sorted order."""
    if args.sample:
        if args.inputs:
            parser.error("--sample takes no INPUT")
        sample = files("newsmodel").joinpath(f"data/{SAMPLE_NAME}")
        return iter([_Input(name=f"<sample {SAMPLE_NAME}>", path=Path(str(sample)))])
    if not args.inputs:
        parser.error("give at least one INPUT (or --sample)")
    if args.inputs.count(STDIO) > 1:
        parser.error("standard input can be read only once")
    return _walk(args.inputs)


def _walk(names: Sequence[str]) -> Iterator[_Input]:
    extensions = tuple(ext for fmt in available_formats() if fmt.read for ext in fmt.extensions)
    for name in names:
        if name == STDIO:
            yield _Input(name="<stdin>", path=None)
            continue
        root = Path(name)
        if not root.is_dir():
            yield _Input(name=name, path=root)
            continue
        for folder, subfolders, filenames in os.walk(root):
            subfolders.sort()
            for filename in sorted(filenames):
                if filename.lower().endswith(extensions):
                    path = Path(folder, filename)
                    yield _Input(name=str(path), path=path, relative=path.relative_to(root))


def _read(item: _Input, source_format: str | None) -> Article:
    data = item.read()
    fmt = get_format(source_format) if source_format else detect_format(data, item.name)
    if fmt.read is None:
        raise NewsModelError(f"format {fmt.name!r} cannot be read")
    return fmt.read(data)


def _destination(item: _Input, output: Path, target: Format, many: bool) -> Path:
    if not many and not output.is_dir():
        return output
    relative = item.relative or Path(item.path.name if item.path else "stdin")
    return output / relative.with_suffix(target.extensions[0])


def _write_atomically(destination: Path, data: bytes) -> None:
    """Write through a temporary file and a rename, so no reader sees half a file."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        dir=destination.parent, prefix=f".{destination.name}.", suffix=".part"
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, destination)
    except BaseException:
        os.unlink(temporary)
        raise


def _report(item: _Input, error: NewsModelError | OSError) -> None:
    if isinstance(error, NewsModelError):
        message = str(error.with_source(item.name))
    else:
        message = f"{item.name}: {error.strerror or error}"
    print(message, file=sys.stderr)


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
