"""The command line: convert, validate, show, schema; errors as ``file: location: message``."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import newsmodel.json as nmjson
from newsmodel import Article, Byline, Paragraph
from newsmodel.cli import main

ARTICLE = Article(
    headline="Storm closes schools",
    bylines=[Byline(name="Jane Doe")],
    body=[Paragraph(text="All schools closed.")],
)


def write(path: Path, article: Article = ARTICLE) -> Path:
    path.write_text(nmjson.dumps(article), "utf-8")
    return path


def run(*args: str) -> tuple[int, str, str]:
    """The CLI in a fresh process, as a user runs it."""
    done = subprocess.run(
        [sys.executable, "-m", "newsmodel", *args], capture_output=True, text=True, check=False
    )
    return done.returncode, done.stdout, done.stderr


def test_validate_names_the_json_path_of_a_bad_value(tmp_path: Path) -> None:
    """A number where bylines[1].name belongs: path printed, exit 1, no traceback."""
    tree = nmjson.to_dict(ARTICLE)
    tree["bylines"] = [{"name": "Jane Doe"}, {"name": 42}]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(tree), "utf-8")
    status, out, err = run("validate", str(bad))
    assert status == 1
    assert f"{bad}: $.bylines[1].name: expected a string, got a number" in err
    assert "Traceback" not in out + err


def test_validate_reports_a_truncated_file_with_its_position(tmp_path: Path) -> None:
    """A truncated file: file name, line and column, exit 1."""
    cut = tmp_path / "cut.json"
    cut.write_text(nmjson.dumps(ARTICLE, indent=2)[:60], "utf-8")
    status, out, err = run("validate", "--from", "json", str(cut))
    assert status == 1
    assert re.match(rf"{re.escape(str(cut))}:\d+:\d+: not valid JSON", err)
    assert "Traceback" not in out + err


def test_validate_reports_a_missing_file(tmp_path: Path) -> None:
    """A missing file is said to be missing, exit 1."""
    status, out, err = run("validate", str(tmp_path / "nowhere.json"))
    assert status == 1
    assert "nowhere.json: No such file or directory" in err
    assert "Traceback" not in out + err


def test_validate_passes_good_files_and_lists_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exit 0 when all are valid; cross-field problems are printed and make it 1."""
    good = write(tmp_path / "good.json")
    assert main(["validate", str(good)]) == 0
    twice = write(
        tmp_path / "twice.json", Article(headline="H", bylines=[Byline(name="A"), Byline(name="A")])
    )
    assert main(["validate", str(good), str(twice)]) == 1
    assert f"{twice}: $.bylines[1].name: 'A' is credited twice" in capsys.readouterr().out


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    """Unknown formats, missing arguments and several inputs without a folder are usage errors."""
    good = write(tmp_path / "a.json")
    assert run("convert", str(good), "--to", "nonsense")[0] == 2
    assert run("validate")[0] == 2
    assert run("convert", str(good), "--to", "json", "--resume")[0] == 2
    assert run("convert", str(good), "--to", "json", "--jobs", "0")[0] == 2


def test_convert_many_inputs_reports_bad_ones_and_writes_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bad file is reported and the others still convert; nothing half-written remains."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    for number in range(3):
        write(inputs / f"a{number}.json", Article(headline=f"Story {number}"))
    (inputs / "broken.json").write_text('{"newsmodel": "1.0", "headline": ', "utf-8")
    nested = inputs / "deeper"
    nested.mkdir()
    write(nested / "b.json")
    out = tmp_path / "out"
    assert main(["convert", str(inputs), "--to", "json", "-o", str(out)]) == 1
    written = sorted(str(path.relative_to(out)) for path in out.rglob("*"))
    assert written == ["a0.json", "a1.json", "a2.json", "deeper", "deeper/b.json"]
    assert "broken.json:1:" in capsys.readouterr().err
    assert nmjson.loads((out / "a1.json").read_bytes()).headline == "Story 1"


def test_convert_to_stdout_and_from_stdin(tmp_path: Path) -> None:
    """``-`` reads standard input; without -o one output goes to standard output."""
    done = subprocess.run(
        [sys.executable, "-m", "newsmodel", "convert", "-", "--to", "json"],
        input=nmjson.dumps(ARTICLE),
        capture_output=True,
        text=True,
        check=True,
    )
    assert nmjson.loads(done.stdout) == ARTICLE


def test_convert_refuses_to_overwrite_one_output_with_another(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two inputs that would write the same output file: the second is reported."""
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    first, second = write(tmp_path / "x" / "same.json"), write(tmp_path / "y" / "same.json")
    assert (
        main(["convert", str(first), str(second), "--to", "json", "-o", str(tmp_path / "out")]) == 1
    )
    assert "would overwrite" in capsys.readouterr().err


def test_show_and_sample(capsys: pytest.CaptureFixture[str]) -> None:
    """show prints a summary; --sample uses the bundled article."""
    assert main(["show", "--sample"]) == 0
    out = capsys.readouterr().out
    assert "Headline:" in out
    assert "By:         Jane Doe (The Riverside Courier); Sam Lee (The Riverside Courier)" in out
    assert "Published:  2026-11-24T10:32:00-05:00" in out
    assert "Comments:   3 loaded of 3 declared" in out


def test_schema_command_prints_the_shipped_schema(capsys: pytest.CaptureFixture[str]) -> None:
    """``newsmodel schema`` prints the JSON Schema."""
    assert main(["schema"]) == 0
    assert nmjson.schema() == json.loads(capsys.readouterr().out)


def test_formats_command_lists_json(capsys: pytest.CaptureFixture[str]) -> None:
    """``newsmodel formats`` lists what can be read and written."""
    assert main(["formats"]) == 0
    assert "json" in capsys.readouterr().out


def test_guesses_are_reported_as_warnings_not_python_warnings(tmp_path: Path) -> None:
    """A parser's guess is a ``file: warning: …`` line for validate, and for convert only
    with --warnings; never a Python warning with a source line."""
    story = tmp_path / "story.txt"
    story.write_text(
        "Storm closes schools\n\nBy Jane Doe\nPublished: 2026-11-26 10:00\n\n"
        "All schools in the county closed on Thursday as the storm reached the coast.\n",
        "utf-8",
    )
    checked = run("validate", str(story))
    assert checked[0] == 0
    assert checked[2].startswith(f"{story}: warning: ")
    assert run("convert", str(story), "--to", "json")[2] == ""
    assert f"{story}: warning: " in run("convert", str(story), "--to", "json", "--warnings")[2]


def test_an_unwritable_output_is_reported(tmp_path: Path) -> None:
    """An output that cannot be written is a reported failure, never a traceback."""
    blocker = tmp_path / "file"
    blocker.write_text("", "utf-8")
    status, _, err = run("convert", "--sample", "--to", "json", "-o", str(blocker / "out.json"))
    assert status == 1
    assert str(blocker / "out.json") in err
    assert "Traceback" not in err
    assert run("convert", "--sample", "--to", "json", "--errors", str(blocker / "e.jsonl"))[0] == 2
