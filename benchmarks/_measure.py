"""Run a command and measure the peak RSS of its largest process, workers included."""

from __future__ import annotations

import subprocess
import sys
import time

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
