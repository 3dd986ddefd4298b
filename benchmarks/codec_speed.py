"""Every codec against its floor, side by side in one process, over real articles.

Run: python benchmarks/codec_speed.py [CORPUS_DIR] [--repeat N] [--only NAME ...]

The articles are what :func:`newsmodel.html.parse` makes of the pages of
``../shared/corpus/html-dev`` (or the folder given): real bodies, bylines, links, quotes and
comments. Each row times our call over all of them and its floor over the same inputs, best of
``--repeat`` runs, the two interleaved so that both see the same load on a shared machine, in
the process's CPU time (``--wall`` for the wall clock):

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


def side_by_side(
    ours: Callable[[], None], floor: Callable[[], None], repeat: int, clock: Callable[[], float]
) -> tuple[float, float]:
    """The best times of ``floor`` and ``ours``, interleaved run by run."""
    floor_best = ours_best = float("inf")
    for _ in range(repeat):
        floor_best = min(floor_best, best_seconds(floor, 1, clock))
        ours_best = min(ours_best, best_seconds(ours, 1, clock))
    return floor_best, ours_best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--only", nargs="*", choices=sorted(TARGETS), help="rows to run")
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

    rows: dict[str, tuple[Callable[[], None], Callable[[], None], str]] = {
        "json.loads": (over(nmjson.loads, json_texts), over(json.loads, json_texts), "json.loads"),
        "json.dumps": (over(nmjson.dumps, articles), over(json.dumps, json_trees), "json.dumps"),
        "newsml.loads": (
            over(newsml.loads, xml_bytes),
            over(etree.fromstring, xml_bytes),
            "etree.fromstring",
        ),
        "newsml.dumps": (
            over(newsml.dumps, articles),
            over(partial(etree.tostring, encoding="unicode"), xml_trees),
            "etree.tostring",
        ),
        "newsml.to_bytes": (
            over(newsml.to_bytes, articles),
            over(partial(etree.tostring, xml_declaration=True, encoding="UTF-8"), xml_trees),
            "etree.tostring",
        ),
        "html.parse": (over(_parse, pages), over(lxml.html.fromstring, pages), "html.fromstring"),
    }
    chosen = args.only or list(rows)
    print(
        f"{len(articles)} articles from {len(pages)} pages of {args.corpus.name};"
        f" Python {platform.python_version()}, lxml {etree.__version__},"
        f" {platform.machine()}, best of {args.repeat},"
        f" {'wall clock' if args.wall else 'CPU time'}"
    )
    print(f"{'row':15} {'floor':17} {'floor ms':>9} {'ours ms':>9} {'ratio':>7} {'target':>7}")
    # CPU time by default: on a machine shared with other work, the wall clock counts the time
    # spent waiting for a core, which has nothing to do with either side.
    clock = time.perf_counter if args.wall else time.process_time
    failed = False
    for name in chosen:
        ours, floor, floor_name = rows[name]
        ours()  # warm caches
        floor_time, ours_time = side_by_side(ours, floor, args.repeat, clock)
        ratio = ours_time / floor_time
        failed |= ratio > TARGETS[name]
        print(
            f"{name:15} {floor_name:17} {floor_time * 1000:9.1f} {ours_time * 1000:9.1f}"
            f" {ratio:6.1f}x {TARGETS[name]:6.1f}x"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
