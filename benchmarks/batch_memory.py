"""Peak memory of one ``newsmodel convert`` call over 1 000 and over 10 000 articles.

Run: python benchmarks/batch_memory.py [--small 1000] [--large 10000] [--to FORMAT]
Conversion streams one file at a time, so peak RSS must not grow with the number of files:
the script prints both peaks and their ratio, and exits 1 when they differ by 20% or more.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import newsmodel.json as nmjson
from _articles import make_article
from _measure import peak_rss


def write_inputs(folder: Path, count: int) -> None:
    rng = random.Random(count)
    templates = [nmjson.dumps(make_article(rng, words=400)) for _ in range(50)]
    for number in range(count):
        (folder / f"{number:06d}.json").write_text(templates[number % len(templates)], "utf-8")


def convert(inputs: Path, outputs: Path, to: str) -> tuple[float, float]:
    """Peak RSS in MiB of one CLI run, and its seconds."""
    command = [sys.executable, "-m", "newsmodel", "convert", str(inputs), "--to", to]
    return peak_rss([*command, "-o", str(outputs), "--quiet"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=1_000)
    parser.add_argument("--large", type=int, default=10_000)
    parser.add_argument("--to", default="json", help="the output format (default: json)")
    args = parser.parse_args()

    peaks = []
    with tempfile.TemporaryDirectory() as scratch:
        for count in (args.small, args.large):
            inputs, outputs = Path(scratch, f"in-{count}"), Path(scratch, f"out-{count}")
            inputs.mkdir()
            write_inputs(inputs, count)
            peak, seconds = convert(inputs, outputs, args.to)
            written = sum(1 for path in outputs.rglob("*") if path.is_file())
            print(f"{count:>6} articles: peak RSS {peak:6.1f} MiB, {seconds:4.1f} s, {written} out")
            peaks.append(peak)
    ratio = peaks[1] / peaks[0]
    print(f"peak RSS ratio {args.large} / {args.small}: {ratio:.3f} (must stay below 1.20)")
    return 0 if abs(ratio - 1) < 0.20 else 1


if __name__ == "__main__":
    raise SystemExit(main())
