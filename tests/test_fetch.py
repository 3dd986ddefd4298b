"""``http(s)://`` inputs, served by a local ``http.server`` (never the network)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

import newsmodel.json as nmjson
from newsmodel import ParseError
from newsmodel._fetch import fetch
from test_cli_inputs import PAGE, newsmodel

#: The page as a Windows-1252 server sends it, its own <meta> wrongly claiming UTF-8.
LATIN_PAGE = PAGE.replace(b"Storm closes schools", "Tempête sur l'école".encode("cp1252"))


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/slow":
            time.sleep(2)
        routes = {
            "/2026/storm.html": (200, "text/html; charset=utf-8", PAGE),
            "/latin": (200, "text/html; charset=windows-1252", LATIN_PAGE),
            "/big": (200, "text/html", b"<p>" + b"x" * 5000 + b"</p>"),
            "/slow": (200, "text/html", PAGE),
        }
        status, content_type, body = routes.get(self.path, (404, "text/plain", b"gone"))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass  # quiet test output


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """The base URL of a local server, for the module's tests."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_a_url_input_is_fetched_and_keeps_its_url(server: str) -> None:
    """``newsmodel convert http://…`` reads the page and the article keeps the URL."""
    url = f"{server}/2026/storm.html"
    done = newsmodel("convert", url, "--to", "json")
    assert done.returncode == 0, done.stderr
    article = nmjson.loads(done.stdout)
    assert (article.headline, article.url) == ("Storm closes schools", url)


def test_the_servers_charset_outranks_the_pages(server: str) -> None:
    """A Windows-1252 page whose <meta> says UTF-8 decodes by the HTTP header."""
    done = newsmodel("convert", f"{server}/latin", "--to", "json")
    assert done.returncode == 0, done.stderr
    assert nmjson.loads(done.stdout.encode("latin-1")).headline == "Tempête sur l'école"


def test_http_errors_are_reported_with_the_url(server: str) -> None:
    """A 404 is a failure naming the URL and the status, exit 1, no traceback."""
    url = f"{server}/missing"
    done = newsmodel("convert", url, "--to", "json")
    assert done.returncode == 1
    assert f"{url}: cannot fetch: HTTP 404" in done.stderr


def test_fetching_is_capped_in_size_and_time(server: str) -> None:
    """A page past the size cap, or a server slower than the timeout, is refused."""
    with pytest.raises(ParseError, match="larger than 1000 bytes"):
        fetch(f"{server}/big", max_bytes=1000)
    with pytest.raises(ParseError, match="cannot fetch"):
        fetch(f"{server}/slow", timeout=0.3)
