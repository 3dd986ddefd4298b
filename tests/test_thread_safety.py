"""Parsing from many threads at once gives what parsing one after the other gives, and never
touches the process's warning filters."""

from __future__ import annotations

import ast
import threading
import warnings
from concurrent.futures import ThreadPoolExecutor
from importlib.resources import files
from pathlib import Path, PurePath

import pytest

from newsmodel import batch, html, json, text
from newsmodel.batch import Record

THREADS = 8
DATA = Path(__file__).parent / "data"


def _records() -> list[Record]:
    """Pages and texts that make the parsers guess (charsets, zoneless dates, languages)."""
    sample = json.loads(files("newsmodel").joinpath("data/sample.json").read_bytes())
    page = html.dumps(sample)
    pages = [
        page.encode("utf-8"),
        page.replace("charset=utf-8", "").encode("windows-1252", "replace"),
        page.replace('lang="en"', "").encode("utf-8"),
        page.replace("+00:00", "").replace("Z", "").encode("utf-8"),
    ]
    records = [
        Record(source=f"page{n}.html", name=PurePath(f"page{n}"), data=data, format="html")
        for n, data in enumerate(pages)
    ]
    for path in sorted((DATA / "text").glob("*.txt")):
        records.append(
            Record(
                source=path.name, name=PurePath(path.stem), data=path.read_bytes(), format="text"
            )
        )
    records.append(
        Record(
            source="sample.txt",
            name=PurePath("sample"),
            data=text.dumps(sample).encode(),
            format="text",
        )
    )
    return records


@pytest.fixture
def no_catch_warnings(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any code that swaps the process's warning filters while the test runs."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("warnings.catch_warnings used while parsing")

    monkeypatch.setattr(warnings, "catch_warnings", refuse)


def test_parallel_parsing_equals_sequential_and_leaves_warning_filters_alone(
    no_catch_warnings: None,
) -> None:
    """Eight threads convert the same records (several times over) as one thread does: same
    articles, same guesses per record; ``warnings.filters`` is the same list throughout."""
    records = _records() * 3
    filters, snapshot = warnings.filters, list(warnings.filters)
    sequential = [batch.convert_one(record, to="json") for record in records]
    assert sum(bool(result.warnings) for result in sequential) >= 3  # the records do guess

    swapped: list[object] = []
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            if warnings.filters is not filters:
                swapped.append(warnings.filters)
            done.wait(0.001)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        with ThreadPoolExecutor(THREADS) as pool:
            parallel = list(pool.map(lambda r: batch.convert_one(r, to="json"), records))
    finally:
        done.set()
        watcher.join()

    assert sequential == parallel
    assert swapped == []
    assert warnings.filters is filters
    assert warnings.filters == snapshot


def test_guesses_outside_a_batch_are_still_warnings() -> None:
    """Called directly, a parser warns as before: the collector is only for batch runs."""
    page = html.dumps(json.loads(files("newsmodel").joinpath("data/sample.json").read_bytes()))
    with pytest.warns(UserWarning, match="declares no language"):
        html.parse(page.replace('lang="en"', ""))


def test_a_guess_is_collected_once_per_record() -> None:
    """The same guess made twice in one record is reported once."""
    from newsmodel import _guesses

    with batch.guesses() as messages:
        _guesses.warn("kept the day only", UserWarning)
        _guesses.warn("kept the day only", UserWarning)
    assert messages == ["kept the day only"]


def _warning_calls(path: Path) -> list[int]:
    """Lines where ``path`` calls ``warnings.warn``/``catch_warnings``/``simplefilter`` with
    anything but a DeprecationWarning."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        owner = node.func.value
        if not (isinstance(owner, ast.Name) and owner.id == "warnings"):
            continue
        names = {n.id for arg in node.args for n in ast.walk(arg) if isinstance(n, ast.Name)}
        if "DeprecationWarning" not in names:
            lines.append(node.lineno)
    return lines


def test_parsers_report_guesses_only_through_the_collector() -> None:
    """Every guess goes through ``newsmodel._guesses.warn`` (so batch runs collect it per
    thread), and no module swaps the warning filters."""
    package = Path(__file__).resolve().parents[1] / "src" / "newsmodel"
    offenders = {
        str(path.relative_to(package)): lines
        for path in sorted(package.rglob("*.py"))
        if path.name != "_guesses.py" and (lines := _warning_calls(path))
    }
    assert offenders == {}
