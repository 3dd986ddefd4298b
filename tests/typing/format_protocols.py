"""Every format module satisfies its protocol: checked by ``mypy --strict`` in CI, never run.

A user's table of codecs or parsers type-checks with the modules in it, and a module that
drifts from the common surface (a ``dumps`` returning bytes, a reader without ``max_bytes``)
fails here.
"""

from __future__ import annotations

import newsmodel
import newsmodel.feeds
import newsmodel.html
import newsmodel.json
import newsmodel.jsonld
import newsmodel.newsml
import newsmodel.newsml1
import newsmodel.ninjs
import newsmodel.nitf
import newsmodel.text
import newsmodel.wxr
from newsmodel.quotes import QuoteOptions

codecs: dict[str, newsmodel.Codec] = {
    "json": newsmodel.json,
    "jsonld": newsmodel.jsonld,
    "newsml": newsmodel.newsml,
    "ninjs": newsmodel.ninjs,
    "nitf": newsmodel.nitf,
}
decoders: dict[str, newsmodel.Decoder] = {
    "newsml1": newsmodel.newsml1,
    "feed": newsmodel.feeds,
    "wxr": newsmodel.wxr,
    **codecs,
}
parsers: dict[str, newsmodel.Parser] = {"text": newsmodel.text, "html": newsmodel.html}

article = newsmodel.Article(headline="Storm closes schools")
for codec in codecs.values():
    document: str = codec.dumps(article)
    again: newsmodel.Article = codec.loads(document, max_bytes=1_000_000)
    every: tuple[newsmodel.Article, ...] = codec.loads_all(document)
    known: bool = codec.sniff(document.encode("utf-8")[:4096])

for parser in parsers.values():
    page: str = parser.dumps(article)
    parsed: newsmodel.Article = parser.parse(
        page, max_bytes=1_000_000, quote_options=QuoteOptions(resolve_names=False)
    )

for decoder in decoders.values():
    read: tuple[newsmodel.Article, ...] = decoder.loads_all(b"<rss/>", max_bytes=1_000_000)
    single: newsmodel.Article = decoder.loads(b"<rss/>", max_bytes=1_000_000)
    recognised: bool = decoder.sniff(b"<rss/>")

xml_file: bytes = newsmodel.newsml.to_bytes(article)
nitf_file: bytes = newsmodel.nitf.to_bytes(article)
