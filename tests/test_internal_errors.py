"""A reader that fails with anything but a NewsModelError is a bug: the command line and batch
runs name the reader and the file, ask for a report, count it apart, and show no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsmodel import Format, _formats, batch
from newsmodel.cli import main


def _broken_read(data: bytes, url: str | None) -> object:
    return {frozenset(): None}[{}]  # type: ignore[index]  # TypeError: unhashable type: 'dict'


@pytest.fixture
def broken_format(monkeypatch: pytest.MonkeyPatch) -> str:
    """A registered format whose reader has a bug."""
    fmt = Format(
        name="broken", description="a reader with a bug", extensions=(".broken",), read=_broken_read
    )
    monkeypatch.setitem(_formats._registry, fmt.name, fmt)
    return fmt.name


def test_validate_reports_a_reader_bug_as_an_internal_error(
    broken_format: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``validate`` names the file and the reader, asks for a report, exits 1."""
    path = tmp_path / "story.broken"
    path.write_bytes(b"anything")
    assert main(["validate", "--from", broken_format, str(path)]) == 1
    error = capsys.readouterr().err
    assert f"{path}: internal error in the broken reader, please report it" in error
    assert "unhashable type" in error
    assert "1 internal errors" in error  # counted apart in the closing summary
    assert "Traceback" not in error


def test_convert_counts_internal_errors_apart(
    broken_format: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``convert`` reports each internal error and says how many failures they were."""
    for name in ("a", "b"):
        (tmp_path / f"{name}.broken").write_bytes(b"anything")
    out = tmp_path / "out"
    argv = ["convert", "--from", broken_format, "--to", "json", "-o", str(out)]
    assert main([*argv, str(tmp_path / "a.broken"), str(tmp_path / "b.broken")]) == 1
    error = capsys.readouterr().err
    assert error.count("internal error in the broken reader, please report it") == 2
    assert "2 failed (2 by internal errors, please report them)" in error
    assert "Traceback" not in error


@pytest.mark.usefixtures("broken_format")
def test_batch_results_mark_internal_errors() -> None:
    """A batch result tells a reader bug from bad input."""
    bug = batch.convert_one(
        batch.Record(source="x.broken", name=Path("x"), data=b"x", format="broken"), to="json"
    )
    bad = batch.convert_one(
        batch.Record(source="x.json", name=Path("x"), data=b"{", format="json"), to="json"
    )
    assert bug.failure is not None
    assert bug.failure.internal
    assert bug.failure.error == "TypeError"
    assert bad.failure is not None
    assert not bad.failure.internal


@pytest.mark.usefixtures("broken_format")
def test_batch_load_raises_internal_error_for_a_reader_bug() -> None:
    """``batch.load`` wraps a reader bug in InternalError, naming the reader."""
    record = batch.Record(source="x.broken", name=Path("x"), data=b"x", format="broken")
    with pytest.raises(batch.InternalError, match="broken reader") as caught:
        batch.load(record)
    assert isinstance(caught.value.error, TypeError)
