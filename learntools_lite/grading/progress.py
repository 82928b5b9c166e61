"""Progress of a batch, from the first second: what each worker runs now, and an estimate.

On a terminal, a status block is redrawn every second under the finished
submissions' lines; otherwise (a log, CI) a line per started and finished
submission, and a "running:" line every `every` seconds.

The estimate counts running submissions by the share of their cells already
run, so it moves while long cells run instead of waiting for whole
submissions to finish.
"""
from __future__ import annotations

import sys
import time


class Progress:
    def __init__(self, total: int, stream=None, every: float = 15.0):
        self.total, self.done, self.start = total, 0, time.monotonic()
        self.stream = stream or sys.stderr
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.every, self._last_line = every, time.monotonic()
        self.running: dict[int, dict] = {}  # worker slot -> {student, cell, cells, grade_id, since}
        self._drawn = 0

    # -- events --------------------------------------------------------------------
    def started(self, slot: int, student: str) -> None:
        self.running[slot] = {"student": student, "cell": 0, "cells": 0, "grade_id": "", "since": time.monotonic()}
        if not self.tty:
            self._write(f"[{self.done}/{self.total}] worker {slot + 1}: grading {student}\n")
        self.tick(force=True)

    def cell(self, slot: int, info: dict) -> None:
        if slot in self.running:
            self.running[slot].update({k: info[k] for k in ("cell", "cells", "grade_id") if k in info})

    def update(self, line: str, student: str | None = None) -> None:
        """One submission finished: `line` is its status line."""
        self.done += 1
        for slot in [s for s, r in self.running.items() if r["student"] == student]:
            del self.running[slot]
        self._clear()
        self._write(f"[{self.done}/{self.total}] {line} ({self.elapsed():.0f}s elapsed, {self.estimate()})\n")
        self.tick(force=True)

    # -- output --------------------------------------------------------------------
    def elapsed(self) -> float:
        return time.monotonic() - self.start

    def fraction_done(self) -> float:
        """Submissions done, counting each running one by the share of its cells already run."""
        partial = sum(r["cell"] / r["cells"] for r in self.running.values() if r["cells"])
        return self.done + min(partial, len(self.running))

    def estimate(self) -> str:
        done = self.fraction_done()
        if done <= 0:
            return "estimating time left"
        left = self.elapsed() / done * (self.total - done)
        return f"~{left:.0f}s left"

    def now_running(self) -> list[str]:
        lines = []
        for slot in sorted(self.running):
            r = self.running[slot]
            where = (f"cell {r['cell']}/{r['cells']}" + (f" ({r['grade_id']})" if r["grade_id"] else "")
                     if r["cells"] else "starting the kernel")
            lines.append(f"worker {slot + 1}: {r['student']}, {where}, {time.monotonic() - r['since']:.0f}s")
        return lines

    def tick(self, force: bool = False) -> None:
        """Called about once a second: redraw (terminal) or, every `every` s, one line (log)."""
        if self.tty:
            self._clear()
            width = 30
            fill = int(width * self.fraction_done() / max(self.total, 1))
            block = [f"[{'#' * fill}{'.' * (width - fill)}] {self.done}/{self.total} done, "
                     f"{self.elapsed():.0f}s elapsed, {self.estimate()}"] + self.now_running()
            self._write("".join(f"\x1b[K{line}\n" for line in block))
            self._drawn = len(block)
        elif self.running and not force and time.monotonic() - self._last_line >= self.every:
            self._last_line = time.monotonic()
            self._write(f"running: {'; '.join(self.now_running())} ({self.elapsed():.0f}s elapsed, "
                        f"{self.estimate()})\n")

    def close(self) -> None:
        self._clear()
        self.stream.flush()

    def _clear(self) -> None:
        if self.tty and self._drawn:
            self._write(f"\x1b[{self._drawn}F\x1b[J")
            self._drawn = 0

    def _write(self, text: str) -> None:
        self.stream.write(text)
        self.stream.flush()
