"""The installed ``newsmodel`` command with the inputs real users hand it: compressed files,
empty folders, pipes, URLs, binary junk; the files it writes; the messages it prints."""

from __future__ import annotations

import bz2
import datetime as dt
import gzip
import json
import lzma
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import newsmodel.json as nmjson
from newsmodel import Article, Byline, Paragraph

#: The console script pip installed beside this Python, as a user runs it.
COMMAND = shutil.which("newsmodel", path=str(Path(sys.executable).parent)) or "newsmodel"

PARAGRAPH = (
    "<p>All schools in the county closed on Thursday as the storm reached the coast, officials"
    " said, and the roads were closed to all but emergency traffic.</p>\n"
)
PAGE = (
    "<!doctype html><html><head><meta charset='utf-8'><title>Storm closes schools</title>"
    "<meta property='article:published_time' content='2026-11-26T10:00:00Z'></head><body>"
    "<article><h1>Storm closes schools</h1><p class='byline'>By Jane Doe</p>"
    + PARAGRAPH * 4
    + "</article></body></html>"
).encode()
STORY = (
    "Storm closes schools\n\nBy Jane Doe\n\nAll schools in the county closed on Thursday as the"
    " storm reached the coast.\n"
)
ARTICLE = Article(
    headline="Storm closes schools",
    bylines=[Byline(name="Jane Doe")],
    body=[Paragraph(text="All schools closed.")],
)


def newsmodel(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the installed command; standard input is empty unless given."""
    done = subprocess.run(
        [COMMAND, *args],
        input=stdin.decode("latin-1") if stdin is not None else None,
        stdin=subprocess.DEVNULL if stdin is None else None,
        capture_output=True,
        text=True,
        encoding="latin-1",
        check=False,
        cwd=cwd,
        timeout=120,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done


def test_compressed_files_folders_globs_and_stdin_are_read(tmp_path: Path) -> None:
    """gzip, bzip2 and xz are recognised by their bytes wherever the input comes from."""
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(PAGE))
    done = newsmodel("convert", str(tmp_path / "page.html.gz"), "--to", "json")
    assert done.returncode == 0, done.stderr
    assert nmjson.loads(done.stdout).headline == "Storm closes schools"

    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.html.gz").write_bytes(gzip.compress(PAGE))
    (folder / "b.html.bz2").write_bytes(bz2.compress(PAGE))
    (folder / "c.html.xz").write_bytes(lzma.compress(PAGE))
    done = newsmodel(
        "convert", str(folder), "--from", "html", "--to", "json", "-o", str(tmp_path / "out")
    )
    assert done.returncode == 0, done.stderr
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == [
        "a.json",
        "b.json",
        "c.json",
    ]
    assert "3 converted, 0 failed" in done.stderr

    done = newsmodel("convert", str(tmp_path / "pages" / "*.gz"), "--to", "json")
    assert done.returncode == 0, done.stderr

    done = newsmodel("convert", "-", "--to", "json", stdin=gzip.compress(PAGE))
    assert done.returncode == 0, done.stderr
    assert nmjson.loads(done.stdout).headline == "Storm closes schools"


def test_from_reads_every_file_of_a_folder_whatever_its_extension(tmp_path: Path) -> None:
    """Without --from, unknown extensions are skipped and counted; with it, they are read."""
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "story.page").write_bytes(PAGE)
    (folder / "other.gz").write_bytes(gzip.compress(PAGE))
    done = newsmodel("convert", str(folder), "--to", "json", "-o", str(tmp_path / "a"))
    assert done.returncode == 1
    assert "no input read: skipped files of no known extension" in done.stderr
    assert ": 2" in done.stderr
    done = newsmodel(
        "convert", str(folder), "--from", "html", "--to", "json", "-o", str(tmp_path / "b")
    )
    assert done.returncode == 0, done.stderr
    assert sorted(path.name for path in (tmp_path / "b").iterdir()) == ["other.json", "story.json"]


def test_hidden_folders_are_not_walked(tmp_path: Path) -> None:
    """A checkout's .git is skipped whole, and counted once, not file by file."""
    folder = tmp_path / "articles"
    (folder / ".git" / "objects").mkdir(parents=True)
    (folder / ".git" / "objects" / "ab12").write_bytes(b"x" * 10)
    (folder / ".git" / "config.json").write_text("{}", "utf-8")
    (folder / "story.json").write_text(nmjson.dumps(ARTICLE), "utf-8")
    done = newsmodel("convert", str(folder), "--to", "json", "-o", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    assert "skipped hidden folders: 1" in done.stderr
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == ["story.json"]


def test_binary_junk_is_named_not_parsed(tmp_path: Path) -> None:
    """A PNG, with or without --from, is refused as what it is."""
    image = tmp_path / "photo.html"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    for extra in ((), ("--from", "html"), ("--from", "text")):
        done = newsmodel("convert", str(image), "--to", "json", *extra)
        assert done.returncode == 1
        assert f"{image}: not an article: this looks like a PNG image" in done.stderr
    noise = tmp_path / "noise.txt"
    noise.write_bytes(bytes(range(256)) * 8)
    done = newsmodel("validate", str(noise))
    assert "looks like binary data" in done.stderr


@pytest.mark.parametrize("kind", ["empty folder", "pattern", "unknown extensions"])
def test_a_run_that_reads_nothing_says_why_and_fails(tmp_path: Path, kind: str) -> None:
    """No input read is no success: non-zero exit and what was skipped."""
    folder = tmp_path / "in"
    folder.mkdir()
    if kind == "pattern":
        target = str(tmp_path / "nothing-*.json")
        reason = "patterns that matched no file: 1"
    elif kind == "unknown extensions":
        (folder / "notes.md").write_text("hello", "utf-8")
        (folder / ".hidden.json").write_text("{}", "utf-8")
        target = str(folder)
        reason = "hidden files: 1, files of no known extension (name their format with --from): 1"
    else:
        target = str(folder)
        reason = "empty folders: 1"
    for command in (
        ("validate",),
        ("show",),
        ("convert", "--to", "json", "-o", str(tmp_path / "o")),
    ):
        done = newsmodel(*command, target)
        assert done.returncode == 1, (command, done.stderr)
        assert f"newsmodel: no input read: skipped {reason}" in done.stderr


def test_validate_ends_with_a_summary_and_offers_json(tmp_path: Path) -> None:
    """A summary line on standard error; --format json gives one object per article."""
    good = tmp_path / "good.json"
    good.write_text(nmjson.dumps(ARTICLE), "utf-8")
    twice = tmp_path / "twice.json"
    twice.write_text(
        nmjson.dumps(Article(headline="H", bylines=[Byline(name="A"), Byline(name="A")])), "utf-8"
    )
    broken = tmp_path / "broken.json"
    broken.write_text('{"newsmodel": "1.0", "headline": ', "utf-8")
    done = newsmodel("validate", str(good), str(twice), str(broken))
    assert done.returncode == 1
    assert done.stderr.splitlines()[-1] == (
        "newsmodel: 3 checked: 1 valid, 1 with problems, 1 unreadable"
    )
    done = newsmodel("validate", "--format", "json", str(good), str(twice), str(broken))
    assert done.returncode == 1
    report = json.loads(done.stdout)
    assert [(entry["source"], entry["valid"], entry["readable"]) for entry in report] == [
        (str(good), True, True),
        (str(twice), False, True),
        (str(broken), False, False),
    ]
    assert report[1]["problems"] == [
        {"path": "$.bylines[1].name", "message": "'A' is credited twice", "severity": "error"}
    ]
    assert report[2]["problems"][0]["line"] == 1


def test_outputs_get_the_mode_the_umask_gives(tmp_path: Path) -> None:
    """Files written through a temporary file are not left private (-rw-------)."""
    previous = os.umask(0o022)
    try:
        source = tmp_path / "story.json"
        source.write_text(nmjson.dumps(ARTICLE), "utf-8")
        newsmodel("convert", str(source), "--to", "json", "-o", str(tmp_path / "one.json"))
        newsmodel(
            "convert", str(source), str(source), "--to", "json", "-o", str(tmp_path / "all.jsonl")
        )
        (tmp_path / "in").mkdir()
        shutil.copy(source, tmp_path / "in")
        newsmodel("convert", str(tmp_path / "in"), "--to", "json", "-o", str(tmp_path / "out"))
    finally:
        os.umask(previous)
    for written in (tmp_path / "one.json", tmp_path / "all.jsonl", tmp_path / "out" / "story.json"):
        assert oct(written.stat().st_mode & 0o777) == oct(0o644), written


def test_several_inputs_to_one_file_are_refused(tmp_path: Path) -> None:
    """-o both.json with two inputs is a usage error, not a folder named both.json."""
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    for path in (first, second):
        path.write_text(nmjson.dumps(ARTICLE), "utf-8")
    done = newsmodel(
        "convert", str(first), str(second), "--to", "json", "-o", str(tmp_path / "both.json")
    )
    assert done.returncode == 2
    assert "several inputs cannot be written to the one json file" in done.stderr
    assert not (tmp_path / "both.json").exists()
    done = newsmodel(
        "convert", str(first), str(second), "--to", "json", "-o", str(tmp_path / "out.d") + "/"
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out.d" / "a.json").is_file()


def test_json_lines_errors_read_file_line_column(tmp_path: Path) -> None:
    """A bad line is located as file:line:column; a line that is not JSON says where it breaks."""
    good = nmjson.dumps(ARTICLE)
    bad_value = good.replace('"headline":"Storm closes schools"', '"headline":7')
    feed = tmp_path / "mixed.jsonl"
    feed.write_text(f"{good}\n{bad_value}\n\nthis is no JSON\n{good}\n", "utf-8")
    done = newsmodel("convert", str(feed), "--to", "json", "-o", str(tmp_path / "out.jsonl"))
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert f"{feed}:2: $.headline: expected a string, got a number" in lines
    assert f"{feed}:4:1: not valid JSON: Expecting value" in lines
    assert "cannot tell" not in done.stderr


def test_version() -> None:
    """--version prints the version, exit 0."""
    done = newsmodel("--version")
    assert done.returncode == 0
    assert done.stdout.startswith("newsmodel ")


def test_url_names_the_page_of_a_file_or_of_standard_input(tmp_path: Path) -> None:
    """--url is the page's URL, for a saved page and for standard input; refused for many."""
    page = tmp_path / "saved.html"
    page.write_bytes(PAGE)
    url = "https://news.example/2026/storm"
    done = newsmodel("convert", str(page), "--to", "json", "--url", url)
    assert nmjson.loads(done.stdout).url == url
    done = newsmodel("convert", "-", "--to", "json", "--url", url, stdin=PAGE)
    assert nmjson.loads(done.stdout).url == url
    done = newsmodel("convert", str(page), str(page), "--to", "json", "--url", url)
    assert done.returncode == 2
    assert "--url names the page of one file or of standard input" in done.stderr


def test_piped_standard_input_is_recognised_like_a_file(tmp_path: Path) -> None:
    """Plain text on standard input reads as text, with or without ``-``; JSON Lines too."""
    for args in (("convert", "-", "--to", "json"), ("convert", "--to", "json")):
        done = newsmodel(*args, stdin=STORY.encode())
        assert done.returncode == 0, done.stderr
        assert nmjson.loads(done.stdout).headline == "Storm closes schools"
    lines = f"{nmjson.dumps(ARTICLE)}\n{nmjson.dumps(ARTICLE)}\n".encode()
    done = newsmodel("convert", "--to", "json", stdin=lines)
    assert done.returncode == 0, done.stderr
    assert [nmjson.loads(line) for line in done.stdout.splitlines()] == [ARTICLE, ARTICLE]
    assert newsmodel("validate").returncode == 2  # no INPUT and nothing piped


def test_validate_reports_every_structural_problem(tmp_path: Path) -> None:
    """A numeric headline and a bad date: both are reported, each with its path."""
    tree = nmjson.to_dict(ARTICLE)
    tree["headline"] = 42
    tree["published"] = "yesterday"
    tree["bylines"] = [{"name": 7}]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(tree), "utf-8")
    done = newsmodel("validate", str(bad))
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert f"{bad}: $.headline: expected a string, got a number" in lines
    assert any(line.startswith(f"{bad}: $.published: not an ISO 8601") for line in lines)
    assert f"{bad}: $.bylines[0].name: expected a string, got a number" in lines


def test_a_small_clock_skew_is_a_warning_for_validate_too(tmp_path: Path) -> None:
    """Modified a second before published warns in validate as in convert (exit 0), for a
    page and for a JSON file; an hour before is an error."""
    page = tmp_path / "page.html"
    page.write_bytes(
        PAGE.replace(
            b"</head>",
            b"<meta property='article:modified_time' content='2026-11-26T09:59:59Z'></head>",
        )
    )
    done = newsmodel("validate", str(page))
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"{page}: warning: " in done.stderr
    assert "09:59:59" in done.stderr
    assert "09:59:59" in newsmodel("convert", str(page), "--to", "json", "--warnings").stderr

    published = dt.datetime(2026, 11, 26, 10, 0, tzinfo=dt.timezone.utc)
    stamped = tmp_path / "stamped.json"
    for gap, status in ((dt.timedelta(seconds=1), 0), (dt.timedelta(hours=1), 1)):
        article = Article(headline="H", published=published, modified=published - gap)
        stamped.write_text(nmjson.dumps(article), "utf-8")
        done = newsmodel("validate", str(stamped))
        assert done.returncode == status, done.stdout + done.stderr
        line = f"$.modified: modified ({(published - gap).isoformat()}) before published"
        assert line in (done.stderr if status == 0 else done.stdout)
        assert ("warning: " + line in done.stderr) == (status == 0)


def test_quiet_with_an_error_report_prints_nothing(tmp_path: Path) -> None:
    """-q --errors REPORT: failures go to the report only."""
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(5):
        (folder / f"{number}.json").write_text('{"newsmodel": "1.0", "headline": ', "utf-8")
    report = tmp_path / "errors.jsonl"
    done = newsmodel(
        "convert",
        str(folder),
        "--to",
        "json",
        "-o",
        str(tmp_path / "out"),
        "-q",
        "--errors",
        str(report),
    )
    assert done.returncode == 1
    assert done.stderr == ""
    assert len(report.read_text("utf-8").splitlines()) == 5


def test_usage_errors_name_options_as_typed_and_show_the_subcommand(tmp_path: Path) -> None:
    """--jobs abc names --jobs and the subcommand's usage, not an internal function."""
    done = newsmodel("convert", "--sample", "--to", "json", "--jobs", "abc")
    assert done.returncode == 2
    assert "usage: newsmodel convert " in done.stderr
    assert "argument -j/--jobs: expected a whole number, got 'abc'" in done.stderr
    assert "_positive" not in done.stderr
    done = newsmodel("validate", "--sample", "extra")
    assert done.returncode == 2
    assert "usage: newsmodel validate " in done.stderr


def test_an_interrupted_summary_counts_what_was_written(tmp_path: Path) -> None:
    """After Ctrl-C, the converted count equals the files on disk."""
    folder = tmp_path / "in"
    for number in range(3000):
        sub = folder / f"part{number % 3}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{number:04d}.json").write_text(
            nmjson.dumps(Article(headline=f"Story {number}")), "utf-8"
        )
    out = tmp_path / "out"
    running = subprocess.Popen(
        [COMMAND, "convert", str(folder), "--to", "json", "-o", str(out), "--jobs", "2"],
        stdin=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(out.rglob("*.json"))) < 200:
        time.sleep(0.02)
    running.send_signal(signal.SIGINT)
    _, err = running.communicate(timeout=60)
    assert running.returncode == 130, err
    written = len(list(out.rglob("*.json")))
    assert f"newsmodel: {written} converted, 0 failed" in err


def test_the_first_ctrl_c_of_a_run_is_noted_and_the_second_stops() -> None:
    """During a conversion the first SIGINT only asks the loop to stop at its next result (so
    that no result is lost between its hand-over and its count); the second raises, and the
    handler before is put back afterwards."""
    from newsmodel.cli import _FirstInterrupt

    before = signal.getsignal(signal.SIGINT)
    with _FirstInterrupt() as first:
        _interrupt_self()
        assert first.pressed
        with pytest.raises(KeyboardInterrupt):
            _interrupt_self()
    assert signal.getsignal(signal.SIGINT) is before


def _interrupt_self() -> None:
    os.kill(os.getpid(), signal.SIGINT)
    time.sleep(0.01)  # the handler runs between two bytecodes of this thread


@pytest.mark.parametrize(
    ("line", "offered"),
    [
        ("newsmodel convert --un", ["--unordered"]),
        ("newsmodel convert --to jso", ["json", "jsonld"]),
    ],
)
def test_tab_completion_offers_options_and_formats(
    tmp_path: Path, line: str, offered: list[str]
) -> None:
    """With the completion extra, the shell's completion request gets options and formats."""
    pytest.importorskip("argcomplete")
    answer = tmp_path / "completion.txt"
    environment = {
        **os.environ,
        "_ARGCOMPLETE": "1",
        "COMP_LINE": line,
        "COMP_POINT": str(len(line)),
        "_ARGCOMPLETE_STDOUT_FILENAME": str(answer),
    }
    done = subprocess.run([COMMAND], env=environment, capture_output=True, check=False, timeout=60)
    assert done.returncode == 0, done.stderr
    assert sorted(answer.read_text("utf-8").replace("\x0b", " ").split()) == offered
