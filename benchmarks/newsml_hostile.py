"""How fast hostile NewsML-G2 input is refused, beside reading an honest item of the same size.

Each attack (billion laughs, a gzip bomb, deep nesting, a namespace flood, an oversized text
node) should be refused in about the time lxml takes to parse an honest document of its size:
the refusals happen before or early in parsing. The gzip bomb is the exception by design: it
is inflated up to ``max_bytes`` (10 MB by default) before it is refused. Printed as seconds
and as the ratio to lxml parsing an honest item of the attack's size, side by side in one
process.

Usage: ``python benchmarks/newsml_hostile.py [--repeat N]``
"""

from __future__ import annotations

import argparse
import sys
import zlib

from lxml import etree

from _measure import best_seconds
from newsmodel import ParseError, newsml

ITEM = (
    '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g" version="1"'
    ' standard="NewsML-G2" standardversion="2.35"><itemMeta><itemClass qcode="ninat:text"/>'
    '<provider literal="x"/><versionCreated>2020-01-01T00:00:00Z</versionCreated></itemMeta>'
    "<contentMeta><headline>{}</headline></contentMeta></newsItem>"
)


def _attacks() -> dict[str, bytes]:
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    ]
    laughs = f"<!DOCTYPE lolz [{''.join(entities)}]>" + ITEM.format("&lol9;")
    deflate = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    bomb = deflate.compress(b"<a>") + b"".join(
        deflate.compress(b" " * 1024 * 1024) for _ in range(64)
    )
    bomb += deflate.compress(b"</a>") + deflate.flush()
    namespaces = " ".join(f'xmlns:n{i}="urn:n{i}"' for i in range(200_000))
    return {
        "billion laughs": laughs.encode(),
        "gzip bomb (64 MB)": bomb,
        "10,000-deep nesting": ("<a>" * 10_000 + "</a>" * 10_000).encode(),
        "200,000 xmlns": f"<a {namespaces}/>".encode(),
        "20 MB text node": ITEM.format("a" * 20_000_000).encode(),
    }


def _honest(size: int) -> bytes:
    """A well-formed item of about ``size`` bytes: paragraphs of a thousand characters."""
    paragraph = "<p>" + "a" * 1000 + "</p>"
    return ITEM.format(paragraph * max(size // len(paragraph), 1)).encode()


def _refuse(data: bytes) -> None:
    try:
        newsml.loads(data)
    except ParseError:
        return
    raise AssertionError("the attack was not refused")


def main() -> int:
    """Print each refusal's time and its ratio to lxml parsing an honest item of that size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{'attack':22} {'bytes':>12} {'refused s':>10} {'honest s':>10} {'ratio':>6}")
    for name, data in _attacks().items():
        honest = _honest(len(data))
        refused = best_seconds(lambda data=data: _refuse(data), args.repeat)
        parsed = best_seconds(lambda honest=honest: etree.fromstring(honest), args.repeat)
        print(
            f"{name:22} {len(data):>12,} {refused:>10.4f} {parsed:>10.4f} {refused / parsed:>6.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
