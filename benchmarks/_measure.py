"""Measuring helpers for the benchmarks: best-of-N timing, N-vs-4N scaling, peak RSS."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable, Sequence

#: A scaling case: its name, a builder of the call to time for a size, and the size N.
Case = tuple[str, Callable[[int], Callable[[], object]], int]


def best_seconds(
    run: Callable[[], object], repeat: int, clock: Callable[[], float] = time.perf_counter
) -> float:
    """The fastest of ``repeat`` runs of ``run``, in seconds of ``clock``."""
    best = float("inf")
    for _ in range(repeat):
        start = clock()
        run()
        best = min(best, clock() - start)
    return best


def print_scaling(cases: Sequence[Case], repeat: int) -> float:
    """Time each case at N and 4N, print both and their ratio, and return the worst ratio.

    Linear work gives a ratio near 4, quadratic near 16, cubic near 64.
    """
    width = max(len(name) for name, _, _ in cases)
    print(f"{'case':{width}} {'N':>8} {'N s':>8} {'4N s':>8} {'ratio':>6}")
    worst = 0.0
    for name, build, size in cases:
        at_n = best_seconds(build(size), repeat)
        at_4n = best_seconds(build(4 * size), repeat)
        worst = max(worst, at_4n / at_n)
        print(f"{name:{width}} {size:>8} {at_n:>8.3f} {at_4n:>8.3f} {at_4n / at_n:>6.1f}")
    print(f"worst ratio: {worst:.1f} (linear is 4, quadratic 16)")
    return worst


# A go-between process: its RUSAGE_CHILDREN covers the command and every worker the command
# started and reaped, and ru_maxrss there is the largest of them.
_GO_BETWEEN = (
    "import resource, subprocess, sys;"
    "status = subprocess.run(sys.argv[1:]).returncode;"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss);"
    "sys.exit(status)"
)


def peak_rss(command: list[str]) -> tuple[float, float]:
    """Peak RSS in MiB of the largest process of ``command``, and the seconds it took."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _GO_BETWEEN, *command], capture_output=True, text=True, check=False
    )
    elapsed = time.perf_counter() - start
    if done.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr}")
    return int(done.stdout.split()[-1]) / 1024, elapsed  # ru_maxrss is in KiB on Linux
