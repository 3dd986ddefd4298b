"""Batch conversion as tasks on Dask: the same pure functions as ``newsmodel convert``.

Install with ``pip install 'newsmodel[dask]'``. Dask was chosen because news ETL users already
run it beside pandas, it needs no JVM or cluster service to start (a laptop runs the same code
in local mode), and a ``dask.bag`` over JSON Lines shards fits articles that are independent
records. newsmodel ships no scheduler of its own::

    import newsmodel.dask as nmdask

    results = nmdask.convert(nmdask.jsonl_records("shards/*.jsonl"), to="json")
    nmdask.outputs(results).to_textfiles("converted/*.jsonl", last_endline=True)
    nmdask.failures(results).map(json.dumps).to_textfiles("errors/*.jsonl", last_endline=True)

Each record is converted by :func:`newsmodel.batch.convert_one`, so a shard converted here
gives the same lines as ``newsmodel convert shard.jsonl --to json -o out.jsonl``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import PurePath
from typing import Any

import attrs
import dask.bag as db

from .batch import Record, Result, convert_one

__all__ = ["convert", "failures", "jsonl_records", "outputs"]


def jsonl_records(pattern: str | list[str]) -> db.Bag:
    """A bag of records, one per non-blank line of the JSON Lines files ``pattern`` names.

    Each file is one partition, so line numbers (and the sources reported for failures) are
    the same as the command line's: ``shard-003.jsonl:17``.
    """
    lines = db.read_text(pattern, include_path=True, blocksize=None, encoding="utf-8")
    return lines.map_partitions(_number_lines)


def convert(records: db.Bag, *, to: str, source_format: str | None = None) -> db.Bag:
    """A bag of :class:`~newsmodel.batch.Result`, each output one JSON Lines line."""
    return records.map(convert_one, to=to, source_format=source_format, lines=True)


def outputs(results: db.Bag) -> db.Bag:
    """The converted lines (text) of the successful results, in order."""
    return results.filter(_succeeded).map(_decoded)


def failures(results: db.Bag) -> db.Bag:
    """One dict per failed record: source, stage, error class and message."""
    return results.filter(_failed).map(_report)


def _number_lines(partition: Iterable[tuple[str, str]]) -> Iterator[Record]:
    for number, (line, path) in enumerate(partition, start=1):
        if line.strip():
            name = PurePath(PurePath(path).stem) / f"{number:06d}"
            data = line.rstrip("\n").encode("utf-8")
            yield Record(source=f"{path}:{number}", name=name, data=data)


def _succeeded(result: Result) -> bool:
    return result.failure is None and result.output is not None


def _failed(result: Result) -> bool:
    return result.failure is not None


def _decoded(result: Result) -> str:
    assert result.output is not None  # filtered by _succeeded
    return result.output.decode("utf-8")


def _report(result: Result) -> dict[str, Any]:
    assert result.failure is not None  # filtered by _failed
    return {"source": result.source, **attrs.asdict(result.failure)}
