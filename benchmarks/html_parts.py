"""Where :func:`newsmodel.html.parse` spends its time outside quote extraction, piece by piece,
each against bare ``lxml.html.fromstring`` of the same pages.

The pieces are timed as ``parse`` runs them on each page of ``../shared/corpus/html-dev`` (or
the folder given): the tree parse (``_tree``: clean-up and lxml's parse), the content walk
(``ContentTree``, which also fills the shared element lists), metadata (``read_metadata``),
the body blocks and the comments (their relative URLs resolved), the language guess, and
the release of all of it once the page is done. Each piece's CPU time is summed over the
pages, per run; the best of
``--repeat`` runs is printed with its ratio to lxml's parse alone, timed in the same process
in the same runs.

The last rows: all pieces but the tree's (what the walk and the readers after it cost), and
how much of the pieces' time was spent in Python's cyclic garbage collector (its passes run
inside whichever piece happens to allocate when one is due; counted with ``gc.callbacks``).
The articles are not kept between pages, so collections are cheaper here than in a batch
that keeps its results, as ``codec_speed.py`` does.

Usage: ``python benchmarks/html_parts.py [CORPUS_DIR] [--repeat N]``
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gc
import gzip
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import lxml.html

from newsmodel import html
from newsmodel._extract.html.blocks import with_absolute_urls
from newsmodel._extract.html.comments import absolute_comment_urls, extract_comments
from newsmodel._extract.html.content import ContentTree
from newsmodel._extract.html.index import PageIndex
from newsmodel._extract.html.metadata.read import read_metadata
from newsmodel.errors import NewsModelError

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "html-dev"
PIECES = ("tree", "content walk", "metadata", "blocks", "comments", "language", "release")
GC = "garbage collector"


class _CollectorClock:
    """CPU seconds spent in the cyclic garbage collector while it is installed."""

    def __init__(self) -> None:
        self.spent = 0.0
        self._started = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.process_time()
        else:
            self.spent += time.process_time() - self._started


def _run(texts: list[str]) -> dict[str, float]:
    """One pass over the pages: CPU seconds per piece, and in the garbage collector."""
    spent = dict.fromkeys((*PIECES, GC), 0.0)
    clock = time.process_time
    collector = _CollectorClock()
    gc.callbacks.append(collector)
    try:
        for text in texts:
            _page(text, spent, clock)
    finally:
        gc.callbacks.remove(collector)
    spent[GC] = collector.spent
    return spent


def _page(text: str, spent: dict[str, float], clock: Callable[[], float]) -> None:
    """Read one page as ``parse`` does, adding each piece's time to ``spent``."""
    start = clock()
    try:
        root = html._tree(text)
    except NewsModelError:
        return
    parsed = clock()
    elements = PageIndex(root)
    content = ContentTree(root, elements)
    walked = clock()
    meta = read_metadata(root, elements=elements)
    read = clock()
    base_url = functools.cache(functools.partial(html._base_url, root, meta.url))
    blocks = content.blocks(skip_texts=meta.titles, short=meta.declares_article)
    blocks = with_absolute_urls(blocks, base_url)
    blocked = clock()
    comments = extract_comments(
        root,
        article_node=meta.article_node,
        declared_total=meta.comment_count,
        elements=elements,
    )
    if comments is not None and comments.comments and (base := base_url()):
        comments = absolute_comment_urls(comments, base)
    commented = clock()
    html._language(meta.language, blocks)
    guessed = clock()
    del root, elements, content, meta, blocks, comments
    released = clock()
    marks = (start, parsed, walked, read, blocked, commented, guessed, released)
    for piece, began, ended in zip(PIECES, marks, marks[1:], strict=False):
        spent[piece] += ended - began


def main() -> int:
    """Time every piece and lxml's parse, and print them side by side."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    texts = [
        gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        for path in sorted((args.corpus / "html").glob("*.html.gz"))
    ]
    if not texts:
        print(f"no pages under {args.corpus / 'html'}")
        return 1
    best = dict.fromkeys((*PIECES, GC), float("inf"))
    floor = float("inf")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for _ in range(args.repeat):
            start = time.process_time()
            for text in texts:
                with contextlib.suppress(ValueError):
                    lxml.html.fromstring(text)
            floor = min(floor, time.process_time() - start)
            for piece, seconds in _run(texts).items():
                best[piece] = min(best[piece], seconds)
    print(f"{len(texts)} pages of {args.corpus.name}; best of {args.repeat}, CPU time")
    print(f"{'piece':17} {'ms':>8} {'vs lxml':>8}")
    print(f"{'lxml parse':17} {floor * 1000:8.1f} {1:8.2f}")
    for piece in PIECES:
        print(f"{piece:17} {best[piece] * 1000:8.1f} {best[piece] / floor:8.2f}")
    outside = sum(best[piece] for piece in PIECES[1:])
    print(f"{'all but the tree':17} {outside * 1000:8.1f} {outside / floor:8.2f}")
    print(f"{GC:17} {best[GC] * 1000:8.1f} {best[GC] / floor:8.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
