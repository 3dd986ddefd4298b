"""Every codec against its floor, side by side in one process, over real articles.

Run: python benchmarks/codec_speed.py [CORPUS_DIR] [--repeat N] [--only NAME ...] [--per-item]

The articles are what :func:`newsmodel.html.parse` makes of the pages of
``../shared/corpus/html-dev`` (or the folder given): real bodies, bylines, links, quotes and
comments. Each row times our call over all of them and its floor over the same inputs, best of
``--repeat`` runs, the two interleaved so that both see the same load on a shared machine, in
the process's CPU time (``--wall`` for the wall clock). The runs go round the rows, one run of
each row per round, so that a slow spell of a shared host hits one run of every row rather
than every run of one row:

- ``json.loads``: ``newsmodel.json.loads`` against ``json.loads`` of the same text;
- ``json.dumps``: ``newsmodel.json.dumps`` against ``json.dumps`` of the same dict;
- ``newsml.loads``: ``newsmodel.newsml.loads`` against ``lxml.etree.fromstring`` of the same bytes
  (as ``newsml.to_bytes`` writes them);
- ``newsml.dumps``: ``newsmodel.newsml.dumps`` against ``lxml.etree.tostring`` of the same tree
  to the same text, and ``newsml.to_bytes`` against it to the same UTF-8 bytes;
- ``html.parse``: the full parse, quotes included, against ``lxml.html.fromstring`` of the
  same decoded pages.

Each row prints the floor's and our time, the ratio and its target; the exit status is 1 when
a ratio is over its target.

``--per-item`` measures instead each input's best time over the runs, ours and the floor's
taken one after the other for that input, and sums those bests. On a host whose speed swings
from second to second (a shared virtual machine), a pass's total is hit by whatever slowed
any of its inputs, while each input's best is rarely hit at all: this estimate moves far less
from run to run, and is the one to compare two versions of the code by (run each with its own
``PYTHONPATH``). Its ratios are not held against the targets: each floor call runs right after
one of ours, with the processor's caches full of our work rather than lxml's, which slows the
floor a little and flatters the ratio.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import platform
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any, NamedTuple

import lxml.html
from lxml import etree

sys.path.insert(0, str(Path(__file__).parent))

import newsmodel.json as nmjson
from _measure import best_seconds
from newsmodel import Article, html, newsml
from newsmodel.errors import GuessWarning, ParseError

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "html-dev"

#: The ratio each row must stay under.
TARGETS = {
    "json.loads": 3.5,
    "json.dumps": 2.0,
    "newsml.loads": 4.0,
    "newsml.dumps": 6.0,
    "newsml.to_bytes": 6.0,
    "html.parse": 5.0,
}


def load_pages(corpus: Path) -> list[str]:
    """The corpus pages, decoded."""
    paths = sorted((corpus / "html").glob("*.html.gz"))
    if not paths:
        raise SystemExit(f"no pages under {corpus / 'html'}")
    return [gzip.decompress(path.read_bytes()).decode("utf-8", "replace") for path in paths]


def parse_articles(pages: Sequence[str]) -> list[Article]:
    """Every page that parses as an article."""
    articles = []
    for page in pages:
        with contextlib.suppress(ParseError):
            articles.append(html.parse(page))
    return articles


class Row(NamedTuple):
    """One row: our call over its inputs, and the floor's over the same inputs in its form."""

    ours: Callable[[Any], object]
    ours_items: Sequence[Any]
    floor: Callable[[Any], object]
    floor_items: Sequence[Any]
    floor_name: str


def _parse(page: object) -> None:
    # Pages that are no article raise ParseError, which belongs to the parse's cost.
    with contextlib.suppress(ParseError):
        html.parse(page)  # type: ignore[arg-type]


def over(function: Callable[[object], object], items: Sequence[object]) -> Callable[[], None]:
    """A run of ``function`` over every item."""

    def run() -> None:
        for item in items:
            function(item)

    return run


def round_by_round(
    rows: Sequence[Row], repeat: int, clock: Callable[[], float]
) -> list[tuple[float, float]]:
    """The best times of each row's floor and ours over ``repeat`` rounds, each round running
    every row once, the floor and ours one after the other."""
    runs = [(over(row.floor, row.floor_items), over(row.ours, row.ours_items)) for row in rows]
    best = [(float("inf"), float("inf"))] * len(rows)
    for _ in range(repeat):
        for index, (floor, ours) in enumerate(runs):
            floor_time = best_seconds(floor, 1, clock)
            ours_time = best_seconds(ours, 1, clock)
            best[index] = (min(best[index][0], floor_time), min(best[index][1], ours_time))
    return best


def item_by_item(row: Row, repeat: int, clock: Callable[[], float]) -> tuple[float, float]:
    """The sums over the inputs of each one's best time, for the floor and for ours, the two
    run one after the other on each input, ``repeat`` times."""
    floor_best = [float("inf")] * len(row.floor_items)
    ours_best = [float("inf")] * len(row.ours_items)
    for _ in range(repeat):
        for index, (theirs, mine) in enumerate(zip(row.floor_items, row.ours_items, strict=True)):
            started = clock()
            row.floor(theirs)
            floor_best[index] = min(floor_best[index], clock() - started)
            started = clock()
            row.ours(mine)
            ours_best[index] = min(ours_best[index], clock() - started)
    return sum(floor_best), sum(ours_best)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--only", nargs="*", choices=sorted(TARGETS), help="rows to run")
    parser.add_argument(
        "--per-item",
        action="store_true",
        help="sum each input's best time instead of taking the best pass (steadier)",
    )
    parser.add_argument(
        "--wall",
        action="store_true",
        help="time by the wall clock rather than by the process's CPU time",
    )
    args = parser.parse_args()
    warnings.simplefilter("ignore", GuessWarning)

    pages = load_pages(args.corpus)
    articles = parse_articles(pages)
    json_texts = [nmjson.dumps(article) for article in articles]
    json_trees = [nmjson.to_dict(article) for article in articles]
    xml_bytes = [newsml.to_bytes(article) for article in articles]
    xml_trees = [etree.fromstring(data) for data in xml_bytes]
    assert [nmjson.loads(text) for text in json_texts] == articles
    assert [newsml.loads(data) for data in xml_bytes] == articles

    rows = {
        "json.loads": Row(nmjson.loads, json_texts, json.loads, json_texts, "json.loads"),
        "json.dumps": Row(nmjson.dumps, articles, json.dumps, json_trees, "json.dumps"),
        "newsml.loads": Row(
            newsml.loads, xml_bytes, etree.fromstring, xml_bytes, "etree.fromstring"
        ),
        "newsml.dumps": Row(
            newsml.dumps,
            articles,
            partial(etree.tostring, encoding="unicode"),
            xml_trees,
            "etree.tostring",
        ),
        "newsml.to_bytes": Row(
            newsml.to_bytes,
            articles,
            partial(etree.tostring, xml_declaration=True, encoding="UTF-8"),
            xml_trees,
            "etree.tostring",
        ),
        "html.parse": Row(_parse, pages, lxml.html.fromstring, pages, "html.fromstring"),
    }
    chosen = args.only or list(rows)
    print(
        f"{len(articles)} articles from {len(pages)} pages of {args.corpus.name};"
        f" Python {platform.python_version()}, lxml {etree.__version__},"
        f" {platform.machine()}, best of {args.repeat}"
        f"{' for each input' if args.per_item else ''},"
        f" {'wall clock' if args.wall else 'CPU time'}"
    )
    print(f"{'row':15} {'floor':17} {'floor ms':>9} {'ours ms':>9} {'ratio':>7} {'target':>7}")
    # CPU time by default: on a machine shared with other work, the wall clock counts the time
    # spent waiting for a core, which has nothing to do with either side.
    clock = time.perf_counter if args.wall else time.process_time
    for name in chosen:
        over(rows[name].ours, rows[name].ours_items)()  # warm caches
    if args.per_item:
        times = [item_by_item(rows[name], args.repeat, clock) for name in chosen]
    else:
        times = round_by_round([rows[name] for name in chosen], args.repeat, clock)
    failed = False
    for name, (floor_time, ours_time) in zip(chosen, times, strict=True):
        row = rows[name]
        ratio = ours_time / floor_time
        failed |= ratio > TARGETS[name] and not args.per_item
        print(
            f"{name:15} {row.floor_name:17} {floor_time * 1000:9.1f} {ours_time * 1000:9.1f}"
            f" {ratio:6.1f}x {TARGETS[name]:6.1f}x"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
