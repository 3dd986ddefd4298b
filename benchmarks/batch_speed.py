"""Pages per second of ``newsmodel convert`` over HTML pages with one and with two workers.

Run: python benchmarks/batch_speed.py [--pages 2000] [--jobs 2]
The dev pages of ../shared/corpus/html-dev are repeated to --pages files and converted to
newsmodel JSON by one CLI run per setting; the script prints pages per second, the speed-up
over --jobs 1, and the peak RSS of the largest process. Measure on an otherwise idle machine.
"""

from __future__ import annotations

import argparse
import gzip
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _measure import peak_rss

SHARED = Path(os.environ.get("NEWSMODEL_SHARED", Path(__file__).resolve().parents[2] / "shared"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    sources = sorted((SHARED / "corpus" / "html-dev" / "html").glob("*.html.gz"))
    if not sources:
        raise SystemExit(f"no dev pages in {SHARED}/corpus/html-dev: set NEWSMODEL_SHARED")
    pages = [gzip.decompress(path.read_bytes()) for path in sources]
    with tempfile.TemporaryDirectory() as scratch:
        inputs = Path(scratch, "in")
        inputs.mkdir()
        for number in range(args.pages):
            (inputs / f"{number:05d}.html").write_bytes(pages[number % len(pages)])
        rates = {}
        for jobs in (1, args.jobs):
            command = [sys.executable, "-m", "newsmodel", "convert", str(inputs), "--from", "html"]
            output = Path(scratch, f"out-{jobs}")
            peak, seconds = peak_rss(
                [*command, "--to", "json", "-o", str(output), "--jobs", str(jobs), "--quiet"]
            )
            rates[jobs] = args.pages / seconds
            print(f"--jobs {jobs}: {rates[jobs]:7.1f} pages/s, peak RSS {peak:6.1f} MiB")
    speedup = rates[args.jobs] / rates[1]
    print(f"speed-up with {args.jobs} jobs: {speedup:.2f}x on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
