"""Peak memory of the JSON readers on the worst shapes of bad input, against the input's size.

Run: python benchmarks/bad_input_memory.py [--sizes 100000 1000000]

Each shape is a document that is wrong in a way that once cost memory per character or per
item (one exception each, kept until the end): a long string where an array of blocks
belongs, hundreds of thousands of numbers where blocks or keywords belong, a long array of
objects that each lack a required key. For each shape and size the script prints the input's
size, the peak of Python allocations while reading it (``tracemalloc``) beside the peak of
``json.loads`` alone on the same text, and the peak as a multiple of the input. The exit
status is 1 when a peak exceeds 20 times the input plus 1 MiB.
"""

from __future__ import annotations

import argparse
import json
import tracemalloc
from collections.abc import Callable

import newsmodel.json as nmjson
from newsmodel import Article, Paragraph, jsonld
from newsmodel.errors import ParseError

ALLOWED_FACTOR = 20
ALLOWED_CONSTANT = 1024 * 1024


def newsmodel_json(**fields: object) -> str:
    """A newsmodel JSON document with ``fields``."""
    return json.dumps({"newsmodel": "1.0", "headline": "H", **fields})


def jsonld_page(**fields: object) -> str:
    """A JSON-LD document as newsmodel writes it, with ``fields`` replaced."""
    tree = jsonld.to_dict(Article(headline="H", body=[Paragraph(text="x")]))
    return json.dumps({**tree, **fields})


# name: (reader, a builder of the document for a size in bytes)
SHAPES: dict[str, tuple[Callable[[str], object], Callable[[int], str]]] = {
    "json body: a string": (nmjson.loads, lambda size: newsmodel_json(body="x" * size)),
    "json body: numbers": (nmjson.loads, lambda size: newsmodel_json(body=[7] * (size // 3))),
    "json keywords: numbers": (
        nmjson.loads,
        lambda size: newsmodel_json(keywords=[7] * (size // 3)),
    ),
    "json body: unknown blocks": (
        nmjson.loads,
        lambda size: newsmodel_json(body=[{"type": "video"}] * (size // 18)),
    ),
    "json quotes: no text": (
        nmjson.loads,
        lambda size: newsmodel_json(quotes=[{"kind": "direct"}] * (size // 19)),
    ),
    "jsonld nm:body: a string": (jsonld.loads, lambda size: jsonld_page(**{"nm:body": "x" * size})),
    "jsonld nm:body: numbers": (
        jsonld.loads,
        lambda size: jsonld_page(**{"nm:body": [7] * (size // 3)}),
    ),
    "jsonld nm:quotes: a string": (
        jsonld.loads,
        lambda size: jsonld_page(**{"nm:quotes": "x" * size}),
    ),
}


def peak_bytes(read: Callable[[str], object], text: str) -> tuple[int, str]:
    """The peak of Python allocations while ``read(text)`` runs, and what it raised."""
    tracemalloc.start()
    try:
        read(text)
        outcome = "read"
    except ParseError as error:
        outcome = f"{error.path}: {error.message}"[:60]
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return peak, outcome


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    args = parser.parse_args()
    print(f"allowed: {ALLOWED_FACTOR}x the input + {ALLOWED_CONSTANT // 1024} KiB")
    header = f"{'shape':28} {'input KiB':>10} {'json.loads KiB':>15} {'ours KiB':>9} {'x input':>8}"
    print(f"{header}  error")
    failed = False
    for name, (read, build) in SHAPES.items():
        for size in args.sizes:
            text = build(size)
            floor, _ = peak_bytes(json.loads, text)
            ours, outcome = peak_bytes(read, text)
            failed |= ours > ALLOWED_FACTOR * len(text) + ALLOWED_CONSTANT
            print(
                f"{name:28} {len(text) / 1024:10.0f} {floor / 1024:15.0f} {ours / 1024:9.0f}"
                f" {ours / len(text):7.1f}x  {outcome}"
            )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
