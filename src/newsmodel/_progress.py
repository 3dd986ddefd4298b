"""A one-line progress display for batch runs on a terminal: done/total, rate, ETA, errors."""

from __future__ import annotations

import time
from typing import TextIO

__all__ = ["Progress"]

#: Redraws per second at most: a run over tiny records must not spend its time drawing.
REDRAWS_PER_SECOND = 8


class Progress:
    """Counts a run's outcomes and, when ``visible``, redraws one status line on ``stream``."""

    def __init__(self, stream: TextIO, *, total: int | None, visible: bool) -> None:
        self.stream, self.total, self.visible = stream, total, visible
        self.converted = self.failed = self.skipped = 0
        self.internal = 0  # failures that are bugs in newsmodel, also counted in ``failed``
        self.started = time.monotonic()
        self._drawn_at = 0.0

    @property
    def done(self) -> int:
        """Records finished so far, whatever their outcome."""
        return self.converted + self.failed + self.skipped

    def count(self, *, failed: bool = False, skipped: bool = False) -> None:
        """Record one outcome, and redraw when it is time."""
        if failed:
            self.failed += 1
        elif skipped:
            self.skipped += 1
        else:
            self.converted += 1
        now = time.monotonic()
        if self.visible and now - self._drawn_at >= 1 / REDRAWS_PER_SECOND:
            self._drawn_at = now
            self._draw(now)

    def say(self, line: str) -> None:
        """Print a line (an error) above the status line."""
        if self.visible:
            self.stream.write("\r\x1b[K")
        self.stream.write(line + "\n")
        if self.visible:
            self._draw(time.monotonic())
        self.stream.flush()

    def summary(self, *, interrupted: bool = False, skipped: str = "") -> str:
        """The closing line: outcomes, time and rate, and what the inputs held that was not
        read (``skipped``, as :class:`~newsmodel.batch.Notes` says it)."""
        elapsed = time.monotonic() - self.started
        rate = self.done / elapsed if elapsed > 0 else 0.0
        parts = [f"{self.converted} converted", f"{self.failed} failed"]
        if self.internal:
            parts[-1] += f" ({self.internal} by internal errors, please report them)"
        if self.skipped:
            parts.append(f"{self.skipped} skipped (already done)")
        ending = f"; skipped {skipped}" if skipped else ""
        if interrupted:
            ending += "; interrupted, rerun with --resume to finish"
        return f"newsmodel: {', '.join(parts)} in {elapsed:.1f} s ({rate:.1f}/s){ending}"

    def close(self) -> None:
        """Clear the status line."""
        if self.visible:
            self.stream.write("\r\x1b[K")
            self.stream.flush()

    def _draw(self, now: float) -> None:
        elapsed = now - self.started
        rate = self.done / elapsed if elapsed > 0 else 0.0
        if self.total:
            share = f"{self.done}/{self.total} {100 * self.done / self.total:5.1f}%"
            remaining = (self.total - self.done) / rate if rate else 0.0
            eta = f"  ETA {_clock(remaining)}"
        else:
            share, eta = f"{self.done}", ""
        errors = f"  {self.failed} errors" if self.failed else ""
        self.stream.write(f"\r\x1b[K{share}  {rate:.1f}/s{eta}{errors}")
        self.stream.flush()


def _clock(seconds: float) -> str:
    minutes, second = divmod(int(seconds), 60)
    hours, minute = divmod(minutes, 60)
    return f"{hours}:{minute:02d}:{second:02d}"
