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
import time

from newsmodel._model import Article, Paragraph
from newsmodel.quotes import extract

#: Paragraph shapes: a name and the unit repeated to fill it.
SHAPES = {
    "framed quotes": '"We will rebuild the bridge," Doe said. ',
    "run-on, no full stops": '"we will rebuild the bridge," Doe said and ',
    "continued quotes": 'Doe said: "We will rebuild it." "It takes a year." ',
    "unframed quotations": '"We will rebuild the bridge." ',
    "bare cues": "said told warned ",
    "wire-style marks": "''We will rebuild it,'' Doe said. ",
    "unclosed marks": "“We will ",
}


def _seconds(text: str, repeat: int) -> float:
    article = Article(headline="Bridge", body=[Paragraph(text=text)])
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        extract(article)
        best = min(best, time.perf_counter() - started)
    return best


def main(argv: list[str] | None = None) -> int:
    """Print, per shape, the time at N and 4N characters and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=20_000, help="characters at N")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    print(f"{'shape':24} {'N chars':>9} {'N s':>8} {'4N s':>8} {'ratio':>6}")
    worst = 0.0
    for name, unit in SHAPES.items():
        small = unit * max(1, args.size // len(unit))
        large = small * 4
        at_n = _seconds(small, args.repeat)
        at_4n = _seconds(large, args.repeat)
        ratio = at_4n / at_n
        worst = max(worst, ratio)
        print(f"{name:24} {len(small):>9} {at_n:>8.3f} {at_4n:>8.3f} {ratio:>6.1f}")
    print(f"worst ratio: {worst:.1f} (linear is 4, quadratic 16)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
