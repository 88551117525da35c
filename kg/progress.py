"""Progress of a long build: a bar on a terminal, plain lines in a pipe, or nothing.

A corpus of 100,000 articles takes minutes; the user should see the rate and the
time left.  On a terminal that is a tqdm bar on stderr; in a pipe or a log file
a bar's carriage returns are noise, so a plain line is printed every few seconds.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """Counts articles done; call ``update`` per article and ``close`` at the end."""

    def __init__(self, total: int | None, *, quiet: bool = False, stream: TextIO | None = None,
                 every: float = 5.0, label: str = "articles") -> None:
        self.total, self.quiet, self.every, self.label = total, quiet, every, label
        self.stream = stream if stream is not None else sys.stderr
        self.done = 0
        self.started = self.last = time.monotonic()
        self.bar = None
        if not quiet and _is_terminal(self.stream):
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit=" art", file=self.stream, dynamic_ncols=True,
                            smoothing=0.1, desc="extracting")

    def update(self, n: int = 1) -> None:
        self.done += n
        if self.quiet:
            return
        if self.bar is not None:
            self.bar.update(n)
            return
        now = time.monotonic()
        if now - self.last >= self.every:
            self.last = now
            print(self.line(now), file=self.stream, flush=True)

    def line(self, now: float | None = None) -> str:
        """``1200/10000 articles, 85.3/s, ETA 1m43s`` (no ETA when the total is unknown)."""
        elapsed = max((now or time.monotonic()) - self.started, 1e-9)
        rate = self.done / elapsed
        text = f"{self.done}{f'/{self.total}' if self.total else ''} {self.label}, {rate:.1f}/s"
        if self.total and rate > 0 and self.done < self.total:
            text += f", ETA {_duration((self.total - self.done) / rate)}"
        return text

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _duration(seconds: float) -> str:
    """``95`` -> ``1m35s``; ``3725`` -> ``1h02m``.

    >>> _duration(95), _duration(3725), _duration(7)
    ('1m35s', '1h02m', '7s')
    """
    s = int(round(seconds))
    if s >= 3600:
        return f"{s // 3600}h{s % 3600 // 60:02d}m"
    if s >= 60:
        return f"{s // 60}m{s % 60:02d}s"
    return f"{s}s"
