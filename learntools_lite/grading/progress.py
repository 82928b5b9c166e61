"""Progress of a batch: a bar on a terminal, one plain line per submission otherwise."""
from __future__ import annotations

import sys
import time


class Progress:
    def __init__(self, total: int, stream=None):
        self.total, self.done, self.start = total, 0, time.monotonic()
        self.stream = stream or sys.stderr
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()

    def update(self, line: str) -> None:
        """One submission finished: `line` is its status line."""
        self.done += 1
        elapsed = time.monotonic() - self.start
        eta = elapsed / self.done * (self.total - self.done)
        head = f"[{self.done}/{self.total}]"
        if self.tty:
            width = 30
            fill = int(width * self.done / max(self.total, 1))
            bar = "#" * fill + "." * (width - fill)
            self.stream.write(f"\r\x1b[K{head} {line}\n\x1b[K[{bar}] {elapsed:.0f}s elapsed, ~{eta:.0f}s left")
        else:
            self.stream.write(f"{head} {line} ({elapsed:.0f}s elapsed, ~{eta:.0f}s left)\n")
        self.stream.flush()

    def close(self) -> None:
        if self.tty:
            self.stream.write("\r\x1b[K")
        self.stream.flush()
