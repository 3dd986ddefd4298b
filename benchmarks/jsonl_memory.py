"""Peak memory of converting 10 000 and 100 000 JSON Lines records in one run each.

Run: python benchmarks/jsonl_memory.py [--small 10000] [--large 100000] [--jobs 2]
Records stream through a bounded window, so peak RSS must not grow with their number: the
script prints both peaks and their ratio, and exits 1 when the ratio reaches 1.2.
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


def write_feed(path: Path, count: int) -> None:
    rng = random.Random(count)
    lines = [nmjson.dumps(make_article(rng, words=300)) + "\n" for _ in range(50)]
    with path.open("w", encoding="utf-8") as feed:
        for number in range(count):
            feed.write(lines[number % len(lines)])


def convert(feed: Path, output: Path, jobs: int) -> tuple[float, float]:
    """Peak RSS in MiB of the run's largest process, and its seconds."""
    command = [sys.executable, "-m", "newsmodel", "convert", str(feed), "--to", "json"]
    return peak_rss([*command, "-o", str(output), "--jobs", str(jobs), "--quiet"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--large", type=int, default=100_000)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    peaks = []
    with tempfile.TemporaryDirectory() as scratch:
        for count in (args.small, args.large):
            feed, output = Path(scratch, f"feed-{count}.jsonl"), Path(scratch, f"out-{count}.jsonl")
            write_feed(feed, count)
            peak, seconds = convert(feed, output, args.jobs)
            with output.open("rb") as converted:
                lines = sum(1 for _ in converted)
            print(f"{count:>7} records: peak RSS {peak:6.1f} MiB, {seconds:5.1f} s, {lines} lines")
            peaks.append(peak)
    ratio = peaks[1] / peaks[0]
    print(f"peak RSS ratio {args.large} / {args.small}: {ratio:.3f} (must stay below 1.20)")
    return 0 if ratio < 1.2 else 1


if __name__ == "__main__":
    raise SystemExit(main())
