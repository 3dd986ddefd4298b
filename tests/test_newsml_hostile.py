"""Hostile XML input: each attack is refused with a ParseError, in little memory, by every XML
reader (NewsML-G2, NITF, NewsML 1, feeds and WordPress exports).

Memory is measured twice: Python's allocations with tracemalloc, and the process's peak
resident size, which also sees libxml2. How fast the refusals are is measured by
``benchmarks/newsml_hostile.py``, side by side with parsing honest input, not here.
"""

from __future__ import annotations

import gzip
import resource
import sys
import tracemalloc
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from newsmodel import ParseError, feeds, newsml, newsml1, nitf, wxr

SECRET = "TOP-SECRET-7f3a9c"
MEGABYTE = 1024 * 1024
ITEM = (
    '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g" version="1"'
    ' standard="NewsML-G2" standardversion="2.35"><itemMeta><itemClass qcode="ninat:text"/>'
    '<provider literal="x"/><versionCreated>2020-01-01T00:00:00Z</versionCreated></itemMeta>'
    "<contentMeta><headline>{}</headline></contentMeta></newsItem>"
)


class Reader:
    """One XML reader and a small document of its format with ``{}`` for the headline."""

    def __init__(self, name: str, load: Callable[..., object], template: str) -> None:
        self.name, self._load, self.template = name, load, template

    def __repr__(self) -> str:
        return self.name

    def loads(self, data: bytes | str, **options: int) -> object:
        return self._load(data, **options)

    def headline(self, data: bytes | str, **options: int) -> str:
        loaded = self._load(data, **options)
        article = loaded[0] if isinstance(loaded, tuple) else loaded
        return str(getattr(article, "headline"))  # noqa: B009  # the readers share no type


READERS = [
    Reader("newsml", newsml.loads, ITEM),
    Reader(
        "nitf",
        nitf.loads,
        "<nitf><body><body.head><hedline><hl1>{}</hl1></hedline></body.head></body></nitf>",
    ),
    Reader(
        "newsml1",
        newsml1.loads_all,
        "<NewsML><NewsItem><NewsComponent><NewsLines><HeadLine>{}</HeadLine></NewsLines>"
        "</NewsComponent></NewsItem></NewsML>",
    ),
    Reader(
        "feed",
        feeds.loads_all,
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        "<item><title>{}</title><content:encoded>Text.</content:encoded></item></channel></rss>",
    ),
    Reader(
        "wxr",
        wxr.loads_all,
        '<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><item>'
        "<title>{}</title><wp:post_type>post</wp:post_type></item></channel></rss>",
    ),
]
every_reader = pytest.mark.parametrize("reader", READERS, ids=repr)


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
    """``load`` raises a ParseError matching ``reason`` within 100 MB, leaking no secret."""
    rss_before = _peak_rss()
    tracemalloc.start()
    try:
        with pytest.raises(ParseError, match=reason) as caught:
            load()
        _, python_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert python_peak < 100 * MEGABYTE, f"Python allocated {python_peak / MEGABYTE:.0f} MB"
    assert _peak_rss() - rss_before < 100 * MEGABYTE
    assert SECRET not in str(caught.value)
    assert SECRET not in repr(caught.value.args)
    return caught.value


@every_reader
def test_billion_laughs(reader: Reader) -> None:
    """Nested entity definitions are never expanded: the DOCTYPE is refused up front."""
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    ]
    data = (
        f'<?xml version="1.0"?>\n<!DOCTYPE lolz [{"".join(entities)}]>\n'
        + reader.template.format("&lol9;")
    )
    error = assert_refused(lambda: reader.loads(data.encode()), "DOCTYPE")
    assert error.line == 2


@every_reader
def test_xxe_to_a_local_file(reader: Reader, secret_file: Path) -> None:
    """An external entity pointing at a local file is refused and nothing of it leaks."""
    data = (
        f'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file://{secret_file}">]>'
        + reader.template.format("&xxe;")
    ).encode()
    assert_refused(lambda: reader.loads(data), "DOCTYPE")


@every_reader
def test_external_dtd_is_ignored_and_never_loaded(reader: Reader, tmp_path: Path) -> None:
    """A DOCTYPE that only names an external DTD is ignored: the DTD is neither fetched nor
    read, so the entity it declares stays undefined, and nothing of it leaks."""
    dtd = tmp_path / "evil.dtd"
    dtd.write_text(f'<!ENTITY leak "{SECRET}">')
    for system in ("http://127.0.0.1:9/evil.dtd", f"file://{dtd}", str(dtd)):
        doctype = (
            f'<?xml version="1.0"?><!-- a comment first -->\n<!DOCTYPE root SYSTEM "{system}">'
        )
        assert reader.headline((doctype + reader.template.format("Plain")).encode()) == "Plain"
        data = doctype + reader.template.format("&leak;")
        error = assert_refused(lambda: reader.loads(data), "leak")  # noqa: B023  # called at once
        assert error.line == 2


@every_reader
def test_public_doctype_with_html_entities(reader: Reader) -> None:
    """A PUBLIC DOCTYPE is ignored alike, and the HTML entities its DTD would define are read
    as the characters they name."""
    doctype = '<!DOCTYPE root PUBLIC "-//IPTC//DTD NITF 3.2//EN" "nitf-3-2.dtd">\n'
    headline = reader.headline(
        doctype + reader.template.format("D&eacute;c&egrave;s &amp; caf&#233;")
    )
    assert headline == "Décès & café"


@every_reader
def test_parameter_entities(reader: Reader, secret_file: Path) -> None:
    """Parameter entities, the out-of-band XXE trick, are refused with the DOCTYPE."""
    data = (
        f'<!DOCTYPE x [<!ENTITY % p SYSTEM "file://{secret_file}"> %p;]>'
        + reader.template.format("x")
    ).encode()
    assert_refused(lambda: reader.loads(data), "DOCTYPE")


@every_reader
def test_entity_reference_without_a_doctype(reader: Reader) -> None:
    """An entity reference without a declaration is malformed XML, not a lookup."""
    assert_refused(lambda: reader.loads(reader.template.format("&xxe;").encode()), "not defined")


@every_reader
def test_xinclude(reader: Reader, secret_file: Path) -> None:
    """XInclude is never processed; an xi:include element is refused with its line."""
    include = (
        '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude"'
        f' href="file://{secret_file}" parse="text"/>'
    )
    error = assert_refused(lambda: reader.loads(reader.template.format(include)), "XInclude")
    assert error.line == 1


@every_reader
def test_twenty_megabyte_text_node(reader: Reader) -> None:
    """A 20 MB text node is over the default size cap; above a raised cap libxml2's own
    10 MB text limit still refuses it."""
    data = reader.template.format("a" * 20_000_000).encode()
    assert_refused(lambda: reader.loads(data), "max_bytes")
    assert_refused(lambda: reader.loads(data, max_bytes=50_000_000), "text node is too large")


@every_reader
def test_ten_thousand_deep_nesting(reader: Reader) -> None:
    """10 000 nested elements are refused at libxml2's depth limit."""
    data = "<a>" * 10_000 + "</a>" * 10_000
    assert_refused(lambda: reader.loads(data.encode()), "nested too deeply")
    assert_refused(lambda: reader.loads(data), "nested too deeply")


@every_reader
def test_gzip_bomb_as_bytes(reader: Reader) -> None:
    """A gzip bomb (64 MB of spaces in about 64 KB) is inflated only up to max_bytes."""
    deflate = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    chunk = b" " * MEGABYTE
    bomb = deflate.compress(b"<a>") + b"".join(deflate.compress(chunk) for _ in range(64))
    bomb += deflate.compress(b"</a>") + deflate.flush()
    assert len(bomb) < MEGABYTE
    assert_refused(lambda: reader.loads(bomb), "gzip-compressed input expands past")


@every_reader
def test_small_gzip_input_is_read(reader: Reader) -> None:
    """Honest gzip-compressed input under the cap is simply read."""
    data = gzip.compress(reader.template.format("Compressed").encode())
    assert reader.headline(data) == "Compressed"


@every_reader
def test_two_hundred_thousand_namespace_declarations(reader: Reader) -> None:
    """A flood of xmlns declarations is refused before libxml2 spends seconds on it."""
    declarations = " ".join(f'xmlns:n{i}="urn:n{i}"' for i in range(200_000))
    data = f"<a {declarations}/>".encode()
    assert_refused(lambda: reader.loads(data), "namespace declarations")


@every_reader
def test_doctype_in_utf16_and_in_text(reader: Reader) -> None:
    """The DOCTYPE check sees through UTF-16 bytes and str input alike."""
    document = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a "b">]><a>&a;</a>'
    assert_refused(lambda: reader.loads(document.encode("utf-16")), "DOCTYPE")
    assert_refused(lambda: reader.loads(document), "DOCTYPE")


@every_reader
def test_size_cap_is_configurable(reader: Reader) -> None:
    """max_bytes applies to every input, small caps included."""
    data = reader.template.format("x" * 2000).encode()
    assert_refused(lambda: reader.loads(data, max_bytes=1000), "over the limit of 1,000")
    assert reader.headline(data) == "x" * 2000


def test_deeply_nested_html_inside_a_feed_item() -> None:
    """HTML nested 100 000 deep inside content:encoded is cut at libxml2's depth limit: no
    recursion error, no hang."""
    deep = "<div>" * 100_000 + "x" + "</div>" * 100_000
    data = READERS[3].template.replace("Text.", f"<![CDATA[{deep}]]>").format("Deep")
    assert [article.headline for article in feeds.loads_all(data)] == ["Deep"]
