"""Web archives as crawlers leave them, through the installed command: WARC response and
resource records, ARC files, archives gzipped whole, truncated ones, warcio's complaints."""

from __future__ import annotations

import gzip
import io
import re
from pathlib import Path

import pytest

import newsmodel.json as nmjson
from test_cli_inputs import PAGE, newsmodel

warcio = pytest.importorskip("warcio")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402  (after the skip)
from warcio.warcwriter import WARCWriter  # noqa: E402

HTML = StatusAndHeaders(
    "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
)
CSS = StatusAndHeaders("200 OK", [("Content-Type", "text/css")], protocol="HTTP/1.1")


def write_warc(path: Path, *, compress: bool) -> Path:
    """A crawl: an HTML response, an HTML resource, a request, a CSS response, an HTML response."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=compress)
        for record in (
            writer.create_warc_record(
                "https://e.org/a", "response", payload=io.BytesIO(PAGE), http_headers=HTML
            ),
            writer.create_warc_record(
                "https://e.org/b",
                "resource",
                payload=io.BytesIO(PAGE),
                warc_content_type="text/html",
            ),
            writer.create_warc_record(
                "https://e.org/a",
                "request",
                payload=io.BytesIO(b"GET /a HTTP/1.1\r\n\r\n"),
                warc_content_type="application/http; msgtype=request",
            ),
            writer.create_warc_record(
                "https://e.org/d.css", "response", payload=io.BytesIO(b"p{}"), http_headers=CSS
            ),
            writer.create_warc_record(
                "https://e.org/e", "response", payload=io.BytesIO(PAGE), http_headers=HTML
            ),
        ):
            writer.write_record(record)
    return path


def urls(jsonl: Path) -> list[str | None]:
    return [nmjson.loads(line).url for line in jsonl.read_text("utf-8").splitlines()]


def test_response_and_resource_records_are_pages_and_the_rest_are_counted(tmp_path: Path) -> None:
    """HTML responses and resources convert, with their URLs; the others are counted by kind."""
    crawl = write_warc(tmp_path / "crawl.warc.gz", compress=True)
    done = newsmodel("convert", str(crawl), "--to", "json", "-o", str(tmp_path / "out.jsonl"))
    assert done.returncode == 0, done.stderr
    assert urls(tmp_path / "out.jsonl") == ["https://e.org/a", "https://e.org/b", "https://e.org/e"]
    assert (
        "skipped WARC/ARC request records: 1, WARC/ARC response records that are not HTML: 1"
        in done.stderr
    )


def test_an_arc_file_is_read(tmp_path: Path) -> None:
    """An ARC file (the format before WARC) gives its HTML pages, gzipped or not."""
    body = b"1 0 newsmodel\nURL IP-address Archive-date Content-type Archive-length\n"
    header = b"filedesc://old.arc 0.0.0.0 20261126100000 text/plain %d\n" % len(body)
    response = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + PAGE
    record = b"https://e.org/arc 1.2.3.4 20261126100000 text/html %d\n" % len(response)
    data = header + body + b"\n" + record + response + b"\n"
    (tmp_path / "old.arc").write_bytes(data)
    (tmp_path / "old.arc.gz").write_bytes(
        gzip.compress(header + body + b"\n") + gzip.compress(record + response + b"\n")
    )
    for name in ("old.arc", "old.arc.gz"):
        out = tmp_path / f"{name}.jsonl"
        done = newsmodel("convert", str(tmp_path / name), "--to", "json", "-o", str(out))
        assert done.returncode == 0, done.stderr
        assert urls(out) == ["https://e.org/arc"]


def test_an_archive_gzipped_whole_is_read_with_one_warning(tmp_path: Path) -> None:
    """A WARC gzipped as one file (not record by record) still gives every page."""
    plain = write_warc(tmp_path / "crawl.warc", compress=False)
    whole = tmp_path / "whole.warc.gz"
    whole.write_bytes(gzip.compress(plain.read_bytes()))
    done = newsmodel("convert", str(whole), "--to", "json", "-o", str(tmp_path / "out.jsonl"))
    assert done.returncode == 0, done.stderr
    assert urls(tmp_path / "out.jsonl") == ["https://e.org/a", "https://e.org/b", "https://e.org/e"]
    assert done.stderr.count(f"{whole}: warning: gzipped as one whole file") == 1
    assert "warcio recompress" not in done.stderr


@pytest.mark.parametrize("compress", [False, True])
def test_a_truncated_archive_is_read_as_far_as_it_goes(tmp_path: Path, compress: bool) -> None:
    """The pages before the cut convert; one warning says the file is truncated; exit 0."""
    name = "crawl.warc.gz" if compress else "crawl.warc"
    full = write_warc(tmp_path / name, compress=compress).read_bytes()
    cut = tmp_path / f"cut-{name}"
    cut.write_bytes(full[: len(full) - 300])
    done = newsmodel("convert", str(cut), "--to", "json", "-o", str(tmp_path / "out.jsonl"))
    assert done.returncode == 0, done.stderr
    assert urls(tmp_path / "out.jsonl") == ["https://e.org/a", "https://e.org/b"]
    warnings = [line for line in done.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1
    assert warnings[0].startswith(f"{cut}: warning: truncated")


def test_warcio_complaints_name_the_file(tmp_path: Path) -> None:
    """A wrong Content-Length: one warning line with the file name, not warcio's raw text."""
    warc = write_warc(tmp_path / "crawl.warc", compress=False)
    data = warc.read_bytes()
    length = int(re.search(rb"Content-Length: (\d+)", data).group(1))  # type: ignore[union-attr]
    data = data.replace(b"Content-Length: %d" % length, b"Content-Length: %d" % (length - 2), 1)
    warc.write_bytes(data)
    done = newsmodel("convert", str(warc), "--to", "json", "-o", str(tmp_path / "out.jsonl"))
    assert "WARNING: Record not followed by newline" not in done.stderr
    assert re.search(
        rf"^{re.escape(str(warc))}: warning: 1 records not followed by a blank line \(at offsets \d+\)",
        done.stderr,
        re.MULTILINE,
    ), done.stderr


def test_an_archive_on_standard_input_is_read(tmp_path: Path) -> None:
    """A gzipped WARC piped in is recognised like a .warc.gz file."""
    crawl = write_warc(tmp_path / "crawl.warc.gz", compress=True)
    done = newsmodel("convert", "--to", "json", stdin=crawl.read_bytes())
    assert done.returncode == 0, done.stderr
    assert [nmjson.loads(line).url for line in done.stdout.splitlines()] == [
        "https://e.org/a",
        "https://e.org/b",
        "https://e.org/e",
    ]
