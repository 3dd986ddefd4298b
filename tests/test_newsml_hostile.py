"""Hostile NewsML-G2 input: each attack is refused with a ParseError, fast, in little memory.

Times are measured generously (one second, on two shared cores) and memory twice: Python's
allocations with tracemalloc, and the process's peak resident size, which also sees libxml2.
"""

from __future__ import annotations

import gzip
import resource
import sys
import time
import tracemalloc
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from newsmodel import ParseError, newsml

SECRET = "TOP-SECRET-7f3a9c"
MEGABYTE = 1024 * 1024
ITEM = (
    '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g" version="1"'
    ' standard="NewsML-G2" standardversion="2.35"><itemMeta><itemClass qcode="ninat:text"/>'
    '<provider literal="x"/><versionCreated>2020-01-01T00:00:00Z</versionCreated></itemMeta>'
    "<contentMeta><headline>{}</headline></contentMeta></newsItem>"
)


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    """A local file whose content must never appear anywhere."""
    path = tmp_path / "secret.txt"
    path.write_text(SECRET)
    return path


def _peak_rss() -> int:
    """The process's peak resident size in bytes (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def assert_refused(load: Callable[[], object], reason: str) -> ParseError:
    """``load`` raises a ParseError matching ``reason`` within 1 s and 100 MB."""
    rss_before = _peak_rss()
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(ParseError, match=reason) as caught:
            load()
        elapsed = time.perf_counter() - started
        _, python_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert elapsed < 1.0, f"took {elapsed:.2f} s"
    assert python_peak < 100 * MEGABYTE, f"Python allocated {python_peak / MEGABYTE:.0f} MB"
    assert _peak_rss() - rss_before < 100 * MEGABYTE
    assert SECRET not in str(caught.value)
    assert SECRET not in repr(caught.value.args)
    return caught.value


def test_billion_laughs() -> None:
    """Nested entity definitions are never expanded: the DOCTYPE is refused up front."""
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    ]
    data = f'<?xml version="1.0"?>\n<!DOCTYPE lolz [{"".join(entities)}]>\n' + ITEM.format("&lol9;")
    error = assert_refused(lambda: newsml.loads(data.encode()), "DOCTYPE")
    assert error.line == 2


def test_xxe_to_a_local_file(secret_file: Path) -> None:
    """An external entity pointing at a local file is refused and nothing of it leaks."""
    data = (
        f'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file://{secret_file}">]>' + ITEM.format("&xxe;")
    ).encode()
    assert_refused(lambda: newsml.loads(data), "DOCTYPE")


def test_external_dtd() -> None:
    """A DOCTYPE naming an external DTD is refused (and nothing is fetched)."""
    data = (
        '<?xml version="1.0"?><!-- a comment first -->\n'
        '<!DOCTYPE newsItem SYSTEM "http://127.0.0.1:9/evil.dtd">' + ITEM.format("x")
    ).encode()
    error = assert_refused(lambda: newsml.loads(data), "DOCTYPE")
    assert error.line == 2


def test_parameter_entities(secret_file: Path) -> None:
    """Parameter entities, the out-of-band XXE trick, are refused with the DOCTYPE."""
    data = (
        f'<!DOCTYPE x [<!ENTITY % p SYSTEM "file://{secret_file}"> %p;]>' + ITEM.format("x")
    ).encode()
    assert_refused(lambda: newsml.loads(data), "DOCTYPE")


def test_entity_reference_without_a_doctype() -> None:
    """An entity reference without a declaration is malformed XML, not a lookup."""
    assert_refused(lambda: newsml.loads(ITEM.format("&xxe;").encode()), "not defined")


def test_xinclude(secret_file: Path) -> None:
    """XInclude is never processed; an xi:include element is refused with its line."""
    include = (
        '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude"'
        f' href="file://{secret_file}" parse="text"/>'
    )
    error = assert_refused(lambda: newsml.loads(ITEM.format(include)), "XInclude")
    assert error.line == 1


def test_twenty_megabyte_text_node() -> None:
    """A 20 MB text node is over the default size cap; above a raised cap libxml2's own
    10 MB text limit still refuses it."""
    data = ITEM.format("a" * 20_000_000).encode()
    assert_refused(lambda: newsml.loads(data), "max_bytes")
    assert_refused(lambda: newsml.loads(data, max_bytes=50_000_000), "text node is too large")


def test_ten_thousand_deep_nesting() -> None:
    """10 000 nested elements are refused at libxml2's depth limit."""
    data = "<a>" * 10_000 + "</a>" * 10_000
    assert_refused(lambda: newsml.loads(data.encode()), "nested too deeply")
    assert_refused(lambda: newsml.loads(data), "nested too deeply")


def test_gzip_bomb_as_bytes() -> None:
    """A gzip bomb (64 MB of spaces in about 64 KB) is inflated only up to max_bytes."""
    deflate = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    chunk = b" " * MEGABYTE
    bomb = deflate.compress(b"<a>") + b"".join(deflate.compress(chunk) for _ in range(64))
    bomb += deflate.compress(b"</a>") + deflate.flush()
    assert len(bomb) < MEGABYTE
    assert_refused(lambda: newsml.loads(bomb), "gzip-compressed input expands past")


def test_small_gzip_input_is_read() -> None:
    """Honest gzip-compressed input under the cap is simply read."""
    data = gzip.compress(ITEM.format("Compressed").encode())
    assert newsml.loads(data).headline == "Compressed"


def test_two_hundred_thousand_namespace_declarations() -> None:
    """A flood of xmlns declarations is refused before libxml2 spends seconds on it."""
    declarations = " ".join(f'xmlns:n{i}="urn:n{i}"' for i in range(200_000))
    data = f"<a {declarations}/>".encode()
    assert_refused(lambda: newsml.loads(data), "namespace declarations")


def test_doctype_in_utf16_and_in_text() -> None:
    """The DOCTYPE check sees through UTF-16 bytes and str input alike."""
    document = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a "b">]><a>&a;</a>'
    assert_refused(lambda: newsml.loads(document.encode("utf-16")), "DOCTYPE")
    assert_refused(lambda: newsml.loads(document), "DOCTYPE")


def test_size_cap_is_configurable() -> None:
    """max_bytes applies to every input, small caps included."""
    data = ITEM.format("x" * 2000).encode()
    assert_refused(lambda: newsml.loads(data, max_bytes=1000), "over the limit of 1,000")
    assert newsml.loads(data).headline == "x" * 2000
