"""How fast :func:`newsmodel.html.parse` is, against bare ``lxml.html.fromstring``.

Both run in the same process over the same decoded pages of ``../shared/corpus/html-dev``
(or the folder given as the first argument): the full parse (decoding excepted: both get the
same strings) with metadata, body, bylines, comments and quotes, and lxml's parse alone. The
ratio of their best-of-N times is printed; the target is at most 8x, on html-dev and on
``../shared/corpus/html-modern-dev`` alike. Times are the process's CPU time (``--wall`` for
the wall clock), which other work on a shared machine does not inflate. When trafilatura is
installed, its ``extract`` (metadata on) is timed the same way and printed beside ours.

Usage: ``python benchmarks/html_speed.py [CORPUS_DIR] [--repeat N] [--wall]``
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import time
import warnings
from pathlib import Path

import lxml.html

from _measure import best_seconds
from newsmodel import Article, html
from newsmodel.errors import GuessWarning, ParseError
from newsmodel.quotes import with_quotes

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "html-dev"


def _load(corpus: Path) -> list[tuple[str, str]]:
    pages = []
    for path in sorted((corpus / "html").glob("*.html.gz")):
        text = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        pages.append((path.name, text))
    return pages


def main() -> int:
    """Time both parsers and print the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--wall",
        action="store_true",
        help="time by the wall clock rather than by the process's CPU time",
    )
    args = parser.parse_args()
    clock = time.perf_counter if args.wall else time.process_time
    pages = _load(args.corpus)
    texts = [text for _, text in pages]

    def bare() -> None:
        for text in texts:
            lxml.html.fromstring(text)

    def full() -> None:
        for text in texts:
            with contextlib.suppress(ParseError):
                html.parse(text)

    warnings.simplefilter("ignore", GuessWarning)
    full()  # warm caches and imports
    # Interleaved, so that both see the same load on a shared machine; the best run of each.
    lxml_time = ours = float("inf")
    for _ in range(args.repeat):
        lxml_time = min(lxml_time, best_seconds(bare, 1, clock))
        ours = min(ours, best_seconds(full, 1, clock))
    print(f"{len(texts)} pages, {'wall clock' if args.wall else 'CPU time'}")
    print(f"lxml.html.fromstring: {lxml_time * 1000:8.1f} ms")
    print(f"newsmodel.html.parse: {ours * 1000:8.1f} ms  ratio {ours / lxml_time:.1f}x")
    # The quote extractor's share of the full parse, timed on its own over the same articles.
    articles: list[Article] = []
    for text in texts:
        with contextlib.suppress(ParseError):
            articles.append(html.parse(text))

    def quotes() -> None:
        for article in articles:
            with_quotes(article)

    quote_time = best_seconds(quotes, args.repeat, clock)
    # (the quote time is measured apart from the full parse, so under load the two figures
    # can disagree a little)
    print(
        f"  of which quotes:    {quote_time * 1000:8.1f} ms"
        f"  (without them {(ours - quote_time) / lxml_time:.1f}x)"
    )
    try:
        import trafilatura  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        return 0

    def competitor() -> None:
        for text in texts:
            trafilatura.extract(text, with_metadata=True)

    theirs = best_seconds(competitor, max(1, args.repeat // 2), clock)
    print(f"trafilatura.extract:  {theirs * 1000:8.1f} ms  ratio {theirs / lxml_time:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
