"""How fast ``newsmodel.text`` reads plain-text articles.

Builds 1 000 articles of about 1 000 words each (header lines, a dateline, paragraphs, a
subheading, a list, wire credits, a comment section), then times
:func:`newsmodel.text.parse_text` (the parser without quote extraction) and, for scale,
``str.splitlines()`` over the same texts. Prints articles per second, milliseconds per
article and the ratio between the two (CPU time of this process)::

    .venv/bin/python benchmarks/text_parse.py [--articles 1000] [--quotes]
"""

from __future__ import annotations

import argparse
import random
import time
import warnings

from newsmodel import text as text_format
from newsmodel.errors import GuessWarning

_WORDS = (
    "the council said on Monday that prices rose again while officials expected a slower year "
    "for exports and analysts warned of risks to jobs growth in the region as ministers met "
    "to discuss a budget plan that would cut spending on roads schools and hospitals"
).split()
_NAMES = ["Jane Doe", "JOHN ROE", "Maria Gonzalez", "Kenji Watanabe", "Amara Okafor"]


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(_WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def article(rng: random.Random, words: int = 1000) -> str:
    """A plain-text article of about ``words`` words in the usual conventions."""
    lines = [
        _sentence(rng, 9).rstrip("."),
        _sentence(rng, 18),
        f"By {rng.choice(_NAMES)} and {rng.choice(_NAMES)}, Reuters",
        f"Published 10:{rng.randrange(10, 60)} a.m. ET Nov. 26, 2026",
        "",
    ]
    written = 30
    first = True
    while written < words:
        size = rng.randrange(25, 60)
        paragraph = _sentence(rng, size)
        if first:
            paragraph = "WASHINGTON, Nov. 26 (Reuters) - " + paragraph
            first = False
        lines += [paragraph, ""]
        written += size
        if rng.random() < 0.08:
            lines += ["What happens next", ""]
        if rng.random() < 0.05:
            lines += [f"- {_sentence(rng, 6)}" for _ in range(3)] + [""]
    lines += ["(Reporting by Jane Doe; Editing by John Roe)", "", "3 comments", ""]
    for n in range(3):
        lines += [f"Reader {n}", "2 hours ago", _sentence(rng, 12), ""]
    return "\n".join(lines)


def main() -> None:
    """Time the parser against ``str.splitlines()`` and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--quotes", action="store_true", help="time parse() with quotes too")
    args = parser.parse_args()
    rng = random.Random(2026)
    texts = [article(rng) for _ in range(args.articles)]
    parse = text_format.parse if args.quotes else text_format.parse_text
    words = sum(len(t.split()) for t in texts) / len(texts)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", GuessWarning)
        parse(texts[0])  # imports and compiled patterns outside the timing
        # CPU time, not wall time: on a shared machine other processes only add noise.
        started = time.process_time()
        for text in texts:
            parse(text)
        parsing = time.process_time() - started

    started = time.process_time()
    for _ in range(20):
        for text in texts:
            text.splitlines()
    splitting = (time.process_time() - started) / 20

    name = "parse (with quotes)" if args.quotes else "parse_text (no quotes)"
    print(f"{len(texts)} articles, {words:.0f} words each on average")
    print(
        f"{name}: {len(texts) / parsing:,.0f} articles/s, {parsing / len(texts) * 1000:.3f} ms each"
    )
    print(f"str.splitlines(): {len(texts) / splitting:,.0f} articles/s")
    print(f"ratio parse / splitlines: {parsing / splitting:,.0f}x")


if __name__ == "__main__":
    main()
