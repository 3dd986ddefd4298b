"""Articles per second through newsmodel.json, against plain json on the same dicts.

Run: python benchmarks/json_throughput.py [--articles N] [--rounds R]
The floor is the standard library's json.dumps / json.loads of the very dicts newsmodel
writes: the ratio is what the typed model, strict checks and tree conversion cost on top.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import newsmodel.json as nmjson
from _articles import make_article
from _measure import best_seconds


def rate(function: Callable[[object], object], items: Sequence[object], rounds: int) -> float:
    """Best-of-``rounds`` items per second."""

    def run() -> None:
        for item in items:
            function(item)

    return len(items) / best_seconds(run, rounds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    rng = random.Random(0)
    articles = [make_article(rng) for _ in range(args.articles)]
    texts = [nmjson.dumps(article) for article in articles]
    trees = [nmjson.to_dict(article) for article in articles]
    words = sum(len(article.text.split()) for article in articles) / len(articles)
    print(f"{len(articles)} articles, {words:.0f} words and {len(texts[0]) / 1024:.1f} KiB each")

    rows = [
        ("dumps", rate(nmjson.dumps, articles, args.rounds), rate(json.dumps, trees, args.rounds)),
        ("loads", rate(nmjson.loads, texts, args.rounds), rate(json.loads, texts, args.rounds)),
    ]
    print(f"{'':6} {'newsmodel/s':>12} {'plain json/s':>13} {'ratio':>7}")
    for name, ours, floor in rows:
        print(f"{name:6} {ours:12.0f} {floor:13.0f} {floor / ours:6.1f}x")


if __name__ == "__main__":
    main()
