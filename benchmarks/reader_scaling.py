"""Do the readers stay linear on pathological inputs? Time each at N and 4N.

Usage::

    .venv/bin/python benchmarks/reader_scaling.py [--scale 1] [--repeat 2]

Each shape is an input that once took super-linear time in one reader: a page title with
hundreds of separators, a byline of thousands of inline elements, a long "Related:" list at
the end of a text article, a ninjs paragraph with thousands of children, one paragraph of
thousands of attributed quotes (word counts over long ranges), a name repeated in thousands
of paragraphs (looking up its fullest form). For each, the
script builds the input at size N and 4N, prints the best of ``--repeat`` runs and the
ratio: linear work gives about 4, quadratic about 16, cubic about 64.
Quote extraction has its own benchmark, ``quotes_scaling.py``.
"""

from __future__ import annotations

import argparse
import json
import warnings
from collections.abc import Callable

from _measure import Case, print_scaling
from newsmodel import GuessWarning, html, ninjs, text

_BODY = "<p>" + "The council voted to approve the new budget on Monday. " * 6 + "</p>"


def _title_parts(n: int) -> Callable[[], object]:
    title = " | ".join(["Site Name"] * n)
    page = f"<html><head><title>{title}</title></head><body><article>{_BODY}</article></body>"
    return lambda: html.parse(page + "</html>")


def _byline_children(n: int) -> Callable[[], object]:
    byline = "<p class='byline'>By " + "<b>Jane</b> Doe, " * n + "</p>"
    page = f"<html><head><title>Bridge</title></head><body><article>{_BODY}{byline}</article>"
    return lambda: html.parse(page + "</body></html>")


def _related_bullets(n: int) -> Callable[[], object]:
    article = "Bridge\n\nThe bridge reopened.\n\nRelated:\n" + "- Another story\n" * n
    return lambda: text.parse_text(article)


def _ninjs_children(n: int) -> Callable[[], object]:
    body = {"contentType": "application/xhtml+xml", "value": "<p>" + "<b>w</b> " * n + "</p>"}
    document = json.dumps(
        {
            "profile": "newsmodel-text",
            "type": "text",
            "headlines": [{"role": "main", "value": "Bridge"}],
            "bodies": [body],
        }
    )
    return lambda: ninjs.loads(document)


_SAID = '"We will build it," Ana Ruiz said, according to officials. '


def _html_quote_paragraph(n: int) -> Callable[[], object]:
    page = f"<html><head><title>Bridge</title></head><body><article><p>{_SAID * n}</p>"
    return lambda: html.parse(page + "</article></body></html>")


def _text_quote_paragraph(n: int) -> Callable[[], object]:
    article = "Bridge\n\n" + _SAID * n
    return lambda: text.parse(article)


def _text_one_name_repeated(n: int) -> Callable[[], object]:
    paragraph = "Florida Senator Marco Rubio spoke on Friday. Senator Rubio said it was fine.\n\n"
    article = "Bridge\n\n" + paragraph * n
    return lambda: text.parse(article)


#: Shape name, how to build its reader call for a size, and N at ``--scale 1``.
SHAPES: list[Case] = [
    ("html title separators", _title_parts, 400),
    ("html byline children", _byline_children, 10_000),
    ("text related bullets", _related_bullets, 3_000),
    ("ninjs paragraph children", _ninjs_children, 8_000),
    ("html paragraph of quotes", _html_quote_paragraph, 1_000),
    ("text paragraph of quotes", _text_quote_paragraph, 1_000),
    ("text one name repeated", _text_one_name_repeated, 1_000),
]


def main(argv: list[str] | None = None) -> int:
    """Print, per shape, the time at N and 4N and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every N by this")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore", GuessWarning)
    cases = [(name, build, max(1, int(size * args.scale))) for name, build, size in SHAPES]
    print_scaling(cases, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
