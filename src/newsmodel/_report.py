"""What ``newsmodel validate`` reports: every problem of each article, as text or JSON.

A file that cannot be read reports every bad value its structuring found (not only the first);
a file that reads reports its parser's guesses as warnings and then the cross-field problems of
:func:`newsmodel.validate`. A summary line on standard error closes the run.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from typing import TextIO

import attrs

from . import NewsModelError, batch, validate
from ._validate import every_error

__all__ = ["nothing_read", "report"]

#: A problem as a JSON object: ``path``, ``message``, ``severity``, and for a file that could
#: not be read, its ``line`` and ``column``.
Entry = dict[str, object]


@attrs.frozen
class _Outcome:
    problems: list[Entry]
    readable: bool
    lines: list[tuple[str, bool]]
    """The text report: each line, and whether it is an error (standard output for those of
    a readable file)."""
    internal: bool = False
    """The reader failed with a bug of newsmodel's rather than a problem of the input."""

    @property
    def errors(self) -> int:
        return sum(problem["severity"] == "error" for problem in self.problems)


def report(
    records: Iterable[batch.Record],
    *,
    source_format: str | None,
    as_json: bool,
    notes: batch.Notes,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Check every record, print the report to ``out`` and ``err`` (standard output and
    error by default), and return the exit status: 0 when every article is valid."""
    out, err = out or sys.stdout, err or sys.stderr
    counts = {"valid": 0, "with problems": 0, "unreadable": 0, "internal errors": 0}
    warned = 0
    if as_json:
        out.write("[")
    for number, (record, outcome) in enumerate(_outcomes(records, source_format)):
        warned += len(outcome.problems) - outcome.errors
        state = (
            "internal errors"
            if outcome.internal
            else "unreadable"
            if not outcome.readable
            else "with problems"
            if outcome.errors
            else "valid"
        )
        counts[state] += 1
        if as_json:
            entry = {
                "source": record.source,
                "valid": state == "valid",
                "readable": outcome.readable,
                "problems": outcome.problems,
            }
            out.write(("\n" if number == 0 else ",\n") + json.dumps(entry, ensure_ascii=False))
        else:
            for line, error in outcome.lines:
                print(line, file=out if error and outcome.readable else err)
    if as_json:
        out.write("\n]\n" if sum(counts.values()) else "]\n")
    total = sum(counts.values())
    if total == 0:
        return nothing_read(notes, err)
    detail = ", ".join(f"{count} {state}" for state, count in counts.items() if count)
    extra = f"; {warned} warnings" if warned else ""
    skipped = f"; skipped {notes}" if notes.skipped else ""
    print(f"newsmodel: {total} checked: {detail}{extra}{skipped}", file=err)
    return 0 if counts["valid"] == total else 1


def nothing_read(notes: batch.Notes, err: TextIO | None = None) -> int:
    """A run that read no input is no success: say what was passed over and why; return 1."""
    why = f"skipped {notes}" if notes.skipped else "the inputs named no file"
    print(f"newsmodel: no input read: {why}", file=err or sys.stderr)
    return 1


def _outcomes(
    records: Iterable[batch.Record], source_format: str | None
) -> Iterator[tuple[batch.Record, _Outcome]]:
    for record in records:
        try:
            with batch.guesses() as guessed:
                articles = batch.load_all(record, source_format=source_format)
        except NewsModelError as error:
            found = [batch.located(each, record) for each in every_error(error)]
            entries: list[Entry] = [_error_entry(each) for each in found]
            yield record, _Outcome(entries, False, [(str(each), True) for each in found])
            continue
        except batch.InternalError as error:
            bug: Entry = {"path": None, "message": str(error), "severity": "error"}
            yield record, _Outcome([bug], False, [(f"{record.source}: {error}", True)], True)
            continue
        except OSError as error:
            reason = str(error.strerror or error)
            entry: Entry = {"path": None, "message": reason, "severity": "error"}
            yield record, _Outcome([entry], False, [(f"{record.source}: {reason}", True)])
            continue
        for number, (part, article) in enumerate(articles):
            problems: list[Entry] = []
            lines: list[tuple[str, bool]] = []
            # The guesses about the whole input go with its first article.
            for message in guessed if number == 0 else ():
                problems.append({"path": None, "message": message, "severity": "warning"})
                lines.append((f"{part.source}: warning: {message}", False))
            for problem in validate(article):
                problems.append(attrs.asdict(problem))
                serious = problem.severity == "error"
                lines.append((f"{part.source}: {'' if serious else 'warning: '}{problem}", serious))
            yield part, _Outcome(problems, True, lines)


def _error_entry(error: NewsModelError) -> Entry:
    return {
        "path": error.path,
        "line": error.line,
        "column": error.column,
        "message": error.message,
        "severity": "error",
    }
