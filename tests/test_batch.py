"""Batch conversion: folders, JSON Lines and WARC in; many files, streams and reports out;
parallel workers; clean interruption and resumption."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path, PurePath

import pytest

import newsmodel.json as nmjson
from newsmodel import Article, Paragraph, batch, newsml
from newsmodel.batch import Record, convert, convert_one


def article(number: int, paragraphs: int = 1) -> Article:
    return Article(
        headline=f"Story {number}",
        body=[Paragraph(text=f"Paragraph {n} of story {number}.") for n in range(paragraphs)],
    )


def make_folder(
    folder: Path, count: int, corrupt: tuple[int, ...] = (), paragraphs: int = 1
) -> Path:
    for number in range(count):
        sub = folder / f"part{number % 3}"
        sub.mkdir(parents=True, exist_ok=True)
        text = nmjson.dumps(article(number, paragraphs))
        if number in corrupt:
            text = text[: len(text) // 2]
        (sub / f"{number:04d}.json").write_text(text, "utf-8")
    return folder


def cli(*args: str, **options: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsmodel", *args],
        capture_output=True,
        text=True,
        check=False,
        **options,
    )


def leftovers(folder: Path) -> list[Path]:
    """Temporary files that a half-finished write would leave."""
    return [path for path in folder.rglob("*") if path.name.endswith(".part")]


def test_a_folder_with_corrupt_files(tmp_path: Path) -> None:
    """500 inputs, 3 corrupt: 497 outputs, 3 report lines, exit 1, no partial file."""
    inputs = make_folder(tmp_path / "in", 500, corrupt=(7, 250, 499))
    out, report = tmp_path / "out", tmp_path / "errors.jsonl"
    done = cli(
        "convert",
        str(inputs),
        "--to",
        "json",
        "-o",
        str(out),
        "--jobs",
        "2",
        "--errors",
        str(report),
    )
    assert done.returncode == 1
    assert len(list(out.rglob("*.json"))) == 497
    lines = [json.loads(line) for line in report.read_text("utf-8").splitlines()]
    assert [Path(line["source"]).name for line in lines] == ["0007.json", "0250.json", "0499.json"]
    assert {(line["stage"], line["error"]) for line in lines} == {("parse", "ParseError")}
    assert leftovers(out) == []
    assert "497 converted, 3 failed" in done.stderr
    assert nmjson.loads((out / "part1" / "0001.json").read_bytes()) == article(1)


def test_interrupt_then_resume(tmp_path: Path) -> None:
    """SIGINT mid-run leaves only complete files; --resume converts the rest."""
    count = 3000
    # Long articles keep the run going for seconds, so the interrupt lands mid-run however
    # late a loaded machine wakes this test's polling loop.
    inputs = make_folder(tmp_path / "in", count, paragraphs=60)
    out = tmp_path / "out"
    command = [
        sys.executable,
        "-m",
        "newsmodel",
        "convert",
        str(inputs),
        "--to",
        "json",
        "-o",
        str(out),
        "--jobs",
        "2",
    ]
    running = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(out.rglob("*.json"))) < 100:
        time.sleep(0.02)
    # Freeze the whole run while the interrupt is posted, so it cannot finish in between.
    os.killpg(running.pid, signal.SIGSTOP)
    running.send_signal(signal.SIGINT)
    os.killpg(running.pid, signal.SIGCONT)
    _, err = running.communicate(timeout=60)
    written = list(out.rglob("*.json"))
    assert running.returncode == 130, err
    assert "interrupted" in err
    assert "Traceback" not in err
    assert 100 <= len(written) < count
    assert leftovers(out) == []
    for path in written:  # every file that exists is whole
        nmjson.loads(path.read_bytes())
    resumed = cli("convert", str(inputs), "--to", "json", "-o", str(out), "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert len(list(out.rglob("*.json"))) == count
    assert f"{len(written)} skipped" in resumed.stderr


def test_json_lines_in_and_out_keep_the_order(tmp_path: Path) -> None:
    """A JSON Lines file converts to a JSON Lines stream, in input order with workers too."""
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        "".join(nmjson.dumps(article(n)) + "\n" + ("\n" if n == 5 else "") for n in range(40)),
        "utf-8",
    )
    for jobs in ("1", "2"):
        out = tmp_path / f"out-{jobs}.jsonl"
        done = cli("convert", str(feed), "--to", "json", "-o", str(out), "--jobs", jobs, "--quiet")
        assert done.returncode == 0, done.stderr
        headlines = [nmjson.loads(line).headline for line in out.read_text("utf-8").splitlines()]
        assert headlines == [f"Story {n}" for n in range(40)]
        assert done.stderr == ""


def test_bad_json_lines_are_reported_by_line(tmp_path: Path) -> None:
    """A bad line names its file and line; the other lines convert."""
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        nmjson.dumps(article(1)) + "\n{oops\n" + nmjson.dumps(article(3)) + "\n", "utf-8"
    )
    done = cli("convert", str(feed), "--to", "json")
    assert done.returncode == 1
    assert f"{feed}:2:" in done.stderr
    assert len(done.stdout.splitlines()) == 2


def test_python_api_yields_a_result_per_record(tmp_path: Path) -> None:
    """batch.convert streams results in order; failures are data, not exceptions."""
    inputs = make_folder(tmp_path / "in", 12, corrupt=(4,))
    results = list(batch.convert([inputs, tmp_path / "missing.json"], to="json", jobs=2))
    assert len(results) == 13
    assert [result.ok for result in results].count(False) == 2
    assert results[-1].failure is not None
    assert results[-1].failure.stage == "read"
    ok = [result for result in results if result.ok]
    assert [nmjson.loads(result.output or b"").headline for result in ok[:2]] == [
        "Story 0",
        "Story 3",
    ]


def test_unordered_gives_the_same_results(tmp_path: Path) -> None:
    """--unordered changes only the order."""
    inputs = make_folder(tmp_path / "in", 30)
    ordered = list(batch.convert([inputs], to="json", jobs=2))
    unordered = list(batch.convert([inputs], to="json", jobs=2, ordered=False))
    assert sorted(r.source for r in unordered) == sorted(r.source for r in ordered)


def test_warc_responses_become_html_records(tmp_path: Path) -> None:
    """Every HTML response of a WARC file is a record with its URL; other records are skipped."""
    warcio = pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for url, kind in (
            ("https://example.org/a", "text/html; charset=utf-8"),
            ("https://example.org/b.css", "text/css"),
            ("https://example.org/c", "text/html"),
        ):
            headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
            body = io.BytesIO(f"<html><h1>{url}</h1></html>".encode())
            writer.write_record(
                writer.create_warc_record(url, "response", payload=body, http_headers=headers)
            )
    found = list(batch.records([path]))
    assert [(r.url, r.format) for r in found] == [
        ("https://example.org/a", "html"),
        ("https://example.org/c", "html"),
    ]
    assert found[0].read() == b"<html><h1>https://example.org/a</h1></html>"
    assert warcio is not None


def test_damaged_container_is_reported_and_the_rest_carry_on(tmp_path: Path) -> None:
    """A damaged gzip container is one failure; inputs after it still convert."""
    broken = tmp_path / "broken.jsonl.gz"
    broken.write_bytes(b"\x1f\x8b\x08\x00garbage")
    good = tmp_path / "good.json"
    good.write_text(nmjson.dumps(article(9)), "utf-8")
    results = list(batch.convert([broken, good], to="json"))
    assert [r.ok for r in results] == [False, True]
    assert "broken.jsonl.gz" in (results[0].failure.message if results[0].failure else "")


def test_count_records_counts_files_and_lines(tmp_path: Path) -> None:
    """The progress total: files count one, JSON Lines count their lines."""
    make_folder(tmp_path / "in", 5)
    (tmp_path / "in" / "feed.jsonl").write_text("{}\n\n{}\n", "utf-8")
    assert batch.count_records([tmp_path / "in"]) == 7
    assert batch.count_records(["-"]) is None


def test_glob_patterns_are_expanded(tmp_path: Path) -> None:
    """A quoted glob pattern is expanded by newsmodel, recursively with **."""
    make_folder(tmp_path / "in", 6)
    names = [Path(r.source).name for r in batch.records([str(tmp_path / "in" / "**" / "*.json")])]
    assert sorted(names) == [f"{n:04d}.json" for n in range(6)]
    assert os.sep in str(tmp_path)


def test_an_input_with_several_articles_gives_one_output_each(tmp_path: Path) -> None:
    """A NewsML-G2 message of two items becomes two files named ``@1`` and ``@2``, and two
    lines of a JSON Lines stream."""
    items = [
        newsml.dumps(Article(headline=f"Item {n}", id=f"urn:x:{n}")).encode("utf-8") for n in (1, 2)
    ]
    message = (
        b'<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><header>'
        b"<sent>2026-01-01T00:00:00Z</sent></header><itemSet>" + b"".join(items) + b"</itemSet>"
        b"</newsMessage>"
    )
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "message.xml").write_bytes(message)
    results = list(convert([inputs], to="json", output=tmp_path / "out"))
    assert [Path(r.source).name for r in results] == ["message.xml@1", "message.xml@2"]
    headlines = [
        nmjson.loads((tmp_path / "out" / f"message@{n}.json").read_bytes()).headline for n in (1, 2)
    ]
    assert headlines == ["Item 1", "Item 2"]
    lines = list(convert([inputs / "message.xml"], to="json", lines=True))
    assert [nmjson.loads(r.output or b"").id for r in lines] == ["urn:x:1", "urn:x:2"]
    record = Record(source="m", name=PurePath("m"), data=message)
    one = convert_one(record, to="json", lines=True)
    assert len((one.output or b"").splitlines()) == 2
