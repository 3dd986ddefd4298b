"""How fast newsmodel.newsml writes and reads a 1 000-word article, against bare lxml.

Run: python benchmarks/newsml_speed.py [--words N] [--seconds S]

The floor for ``dumps`` is ``lxml.etree.tostring`` of the very tree newsmodel writes (already
built), and for ``loads`` it is ``lxml.etree.fromstring`` of the very bytes: the ratios are what
building the tree from the model, the hostile-input checks and the model's validation cost on
top of lxml's own serialising and parsing.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

from lxml import etree

sys.path.insert(0, str(Path(__file__).parent))

from _articles import make_article
from newsmodel import newsml


def per_second(function: Callable[[], object], seconds: float) -> float:
    """Calls per second: the best of five runs of about ``seconds / 5`` each."""
    calls = 1
    while True:  # find a batch size that takes about a tenth of a run
        start = time.perf_counter()
        for _ in range(calls):
            function()
        took = time.perf_counter() - start
        if took > seconds / 50:
            break
        calls *= 2
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(calls):
            function()
        best = min(best, (time.perf_counter() - start) / calls)
    return 1 / best


def main() -> int:
    """Print dumps and loads rates and their ratios to lxml's serialiser and parser."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=2.0, help="time per measurement")
    args = parser.parse_args()

    article = make_article(random.Random(7), words=args.words)
    data = newsml.to_bytes(article)
    tree = etree.fromstring(data)
    assert newsml.loads(data) == article

    words = len(article.text.split())
    print(f"article: {words} words, {len(article.quotes)} quotes, {len(data):,} bytes of NewsML-G2")
    rows = [
        ("newsml.to_bytes", per_second(lambda: newsml.to_bytes(article), args.seconds)),
        ("lxml.etree.tostring", per_second(lambda: etree.tostring(tree), args.seconds)),
        ("newsml.loads", per_second(lambda: newsml.loads(data), args.seconds)),
        ("lxml.etree.fromstring", per_second(lambda: etree.fromstring(data), args.seconds)),
    ]
    for name, rate in rows:
        print(f"{name:22} {rate:10,.0f} /s")
    (_, dumps), (_, tostring), (_, loads), (_, fromstring) = rows
    print(f"dumps is {tostring / dumps:.1f}x the time of lxml.etree.tostring")
    print(f"loads is {fromstring / loads:.1f}x the time of lxml.etree.fromstring")
    return 0


if __name__ == "__main__":
    sys.exit(main())
