"""How fast is quote extraction? Megabytes of text per second over the quotes corpus.

Usage::

    .venv/bin/python benchmarks/quotes_speed.py [../shared/corpus/quotes-dev.jsonl] [--repeat 3]
        [--cpu]

Times :func:`newsmodel.quotes.extract` alone (articles are built before the clock starts) and,
over the same texts, a bare regex scan for quotation marks, the floor any quote finder pays.
Prints the best of ``--repeat`` runs of each, and their ratio.

The clock is the wall clock by default. ``--cpu`` times with :func:`time.process_time`, the CPU
time of this process, instead: on a machine that other work shares, wall-clock time counts the
time the process waits for a core, and CPU time does not, so runs agree more closely.

Then it parses the HTML dev pages (``../shared/corpus/html-dev``, or ``--html DIR``) as users
do and prints how many of their quotes' attributions name only a pronoun ("he", "they",
"who") with no resolved :attr:`~newsmodel.Attribution.name`: the share a reader of the
quotes cannot tell who spoke. The target is at most 3%.

Last, it times quote extraction as :func:`newsmodel.html.parse` runs it:
:func:`~newsmodel.quotes.with_quotes` over the articles of those pages (parsed, their quotes
cleared, before the clock starts), side by side with ``lxml.html.fromstring`` of the same
decoded pages, the floor ``benchmarks/codec_speed.py`` holds ``html.parse`` to. The ratio is
the share of that budget the quotes take.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import re
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import attrs
import lxml.html

from _measure import best_seconds
from newsmodel import html
from newsmodel._model import Article, Paragraph
from newsmodel.errors import GuessWarning, ParseError
from newsmodel.quotes import extract, with_quotes

#: The shared corpus beside the checkout.
DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "quotes-dev.jsonl"

#: What the baseline scans for: every quotation mark the extractor knows.
QUOTE_MARKS = re.compile(r"``|''|[\"“”«»„「」‘’]")

_PARAGRAPH_BREAK = re.compile(r"\n\s*")

#: The HTML pages whose attributions are counted.
DEFAULT_HTML = DEFAULT_CORPUS.parent / "html-dev"

#: Sources that say nothing about who spoke unless resolved.
PRONOUNS = frozenset("he she it they we i you who whom which him her them us".split())


def _article(text: str) -> Article:
    """The first paragraph as headline, the others as body paragraphs."""
    paragraphs = [p for p in _PARAGRAPH_BREAK.split(text) if p.strip()] or ["(untitled)"]
    return Article(headline=paragraphs[0], body=[Paragraph(text=p) for p in paragraphs[1:]])


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print MB/s and the ratio to the regex scan."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--html", type=Path, default=DEFAULT_HTML, help="HTML corpus folder")
    parser.add_argument(
        "--cpu", action="store_true", help="time CPU time (time.process_time), not wall time"
    )
    args = parser.parse_args(argv)
    if not args.corpus.is_file():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    with args.corpus.open(encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line in lines if line.strip()]
    articles = [_article(text) for text in texts]
    megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6

    def run_extract() -> None:
        for article in articles:
            extract(article)

    def run_scan() -> None:
        for text in texts:
            for _ in QUOTE_MARKS.finditer(text):
                pass

    clock = time.process_time if args.cpu else time.perf_counter
    extract_seconds = best_seconds(run_extract, args.repeat, clock=clock)
    scan_seconds = best_seconds(run_scan, args.repeat, clock=clock)
    if args.cpu:
        print("clock:            CPU time of this process (time.process_time)")
    print(f"documents:        {len(texts)} ({megabytes:.2f} MB of UTF-8 text)")
    print(f"extract:          {extract_seconds:.3f} s = {megabytes / extract_seconds:.2f} MB/s")
    print(f"quote-mark regex: {scan_seconds:.3f} s = {megabytes / scan_seconds:.2f} MB/s")
    print(f"ratio:            extract takes {extract_seconds / scan_seconds:.1f}x the regex scan")
    if args.html.is_dir():
        attributed, bare = pronoun_sources(args.html)
        share = 100 * bare / attributed if attributed else 0.0
        print(
            f"pronoun only:     {bare} of {attributed} attributions on {args.html.name} "
            f"({share:.1f}%) name a pronoun with no resolved name"
        )
        quotes_seconds, lxml_seconds, count = html_quotes_seconds(args.html, args.repeat, clock)
        print(
            f"html quotes:      with_quotes over {count} {args.html.name} articles "
            f"{quotes_seconds:.3f} s; lxml.html.fromstring of the pages {lxml_seconds:.3f} s; "
            f"ratio {quotes_seconds / lxml_seconds:.2f}x"
        )
    return 0


def html_quotes_seconds(
    corpus: Path, repeat: int, clock: Callable[[], float]
) -> tuple[float, float, int]:
    """The best time of with_quotes over the articles of an HTML corpus, that of
    ``lxml.html.fromstring`` over its pages, and how many articles there are."""
    pages = [
        gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        for path in sorted((corpus / "html").glob("*.html.gz"))
    ]
    articles = []
    for page in pages:
        with warnings.catch_warnings(), contextlib.suppress(ParseError):
            warnings.simplefilter("ignore", GuessWarning)
            articles.append(attrs.evolve(html.parse(page), quotes=()))

    def run_quotes() -> None:
        for article in articles:
            with_quotes(article)

    def run_lxml() -> None:
        for page in pages:
            lxml.html.fromstring(page)

    quotes_seconds = best_seconds(run_quotes, repeat, clock=clock)
    lxml_seconds = best_seconds(run_lxml, repeat, clock=clock)
    return quotes_seconds, lxml_seconds, len(articles)


def pronoun_sources(corpus: Path) -> tuple[int, int]:
    """Parse every page of an HTML corpus; count attributions with a source, and those whose
    source is a pronoun left unresolved."""
    attributed = bare = 0
    for path in sorted((corpus / "html").glob("*.html.gz")):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", GuessWarning)
            article = html.parse(gzip.decompress(path.read_bytes()))
        for quote in article.quotes:
            attribution = quote.attribution
            if attribution is None or attribution.source is None:
                continue
            attributed += 1
            if attribution.source.lower() in PRONOUNS and attribution.name is None:
                bare += 1
    return attributed, bare


if __name__ == "__main__":
    sys.exit(main())
