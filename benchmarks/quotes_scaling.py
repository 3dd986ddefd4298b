"""Does quote extraction stay linear on dense and run-on paragraphs? Time at N and 4N.

Usage::

    .venv/bin/python benchmarks/quotes_scaling.py [--size 20000] [--repeat 3]

Real paragraphs are short, but a transcript on one line, a list of slogans or hostile input
can put thousands of quotations or cues into one paragraph, and the attribution rules look
around every one of them. For each shape below, one paragraph is built at about ``--size``
characters and one at four times that; the script prints the best of ``--repeat`` runs of
each and their ratio. Linear work gives a ratio near 4; a ratio near 16 is quadratic.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from _measure import print_scaling
from newsmodel._model import Article, Paragraph
from newsmodel.quotes import extract

#: Paragraph shapes: a name and the unit repeated to fill it, or the unit and what ends the
#: paragraph.
SHAPES: dict[str, str | tuple[str, str]] = {
    "framed quotes": '"We will rebuild the bridge," Doe said. ',
    "run-on, no full stops": '"we will rebuild the bridge," Doe said and ',
    "continued quotes": 'Doe said: "We will rebuild it." "It takes a year." ',
    "unframed quotations": '"We will rebuild the bridge." ',
    "bare cues": "said told warned ",
    "wire-style marks": "''We will rebuild it,'' Doe said. ",
    "unclosed marks": "“We will ",
    # Every cue looks ahead for a quotation after a colon; the only one is at the far end.
    "cues, one far quotation": ("Doe said the bridge will reopen. ", '"It is safe," he said.'),
}


def _extraction(shape: str | tuple[str, str]) -> Callable[[int], Callable[[], object]]:
    """For a size in characters, the extraction of one paragraph of a unit repeated."""
    unit, tail = (shape, "") if isinstance(shape, str) else shape

    def build(size: int) -> Callable[[], object]:
        paragraph = unit * max(1, size // len(unit)) + tail
        article = Article(headline="Bridge", body=[Paragraph(text=paragraph)])
        return lambda: extract(article)

    return build


def main(argv: list[str] | None = None) -> int:
    """Print, per shape, the time at N and 4N characters and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=20_000, help="characters at N")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    print_scaling(
        [(name, _extraction(unit), args.size) for name, unit in SHAPES.items()], args.repeat
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
