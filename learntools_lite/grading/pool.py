"""Run grading jobs on N worker processes, each job with a wall-clock limit.

A worker is a long-lived `python -m learntools_lite.grading.worker` (so
nbgrader is imported once per worker, not once per submission). A job that
overruns its limit gets its worker killed (its sandboxed kernels die with it:
bwrap --die-with-parent) and a fresh worker takes the next job, so one
hostile submission costs at most its own time limit.
"""
from __future__ import annotations

import json
import os
import queue
import select
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Callable, Iterable


class _Worker:
    def __init__(self, log: Path):
        self.log = open(log, "ab")
        self.proc = subprocess.Popen([sys.executable, "-m", "learntools_lite.grading.worker"],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.log,
                                     start_new_session=True)

    def run(self, job: dict, limit: float) -> dict | None:
        """The job's result, or None if it did not finish within `limit` seconds."""
        self.proc.stdin.write((json.dumps(job) + "\n").encode())
        self.proc.stdin.flush()
        deadline = time.monotonic() + limit
        out = self.proc.stdout
        buf = b""
        while not buf.endswith(b"\n"):
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([out], [], [], left)[0]:
                return None
            chunk = os.read(out.fileno(), 1 << 16)
            if not chunk:  # the worker itself died
                return {"success": False, "score": None, "flags": ["the grading worker died"]}
            buf += chunk
        return json.loads(buf)

    def kill(self) -> None:
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait()
        self.log.close()

    def close(self) -> None:
        self.proc.stdin.close()
        try:
            self.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.kill()
        self.log.close()


def run_jobs(jobs: Iterable[dict], workers: int, limit: float, log_dir: Path,
             on_result: Callable[[dict, dict], None]) -> None:
    """Grade every job on `workers` processes; call `on_result(job, result)` in this thread."""
    todo: queue.Queue = queue.Queue()
    for job in jobs:
        todo.put(job)
    done: queue.Queue = queue.Queue()

    def serve(slot: int) -> None:
        worker = None
        while True:
            try:
                job = todo.get_nowait()
            except queue.Empty:
                break
            worker = worker or _Worker(log_dir / f"worker-{slot}.log")
            start = time.monotonic()
            result = worker.run(job, limit)
            if result is None or result.get("flags") == ["the grading worker died"]:
                worker.kill()
                worker = None
                if result is None:
                    result = {"success": False, "score": None,
                              "flags": [f"stopped after the submission time limit ({limit:.0f} s)"]}
            result["seconds"] = time.monotonic() - start
            done.put((job, result))
        if worker:
            worker.close()
        done.put(None)

    threads = [threading.Thread(target=serve, args=(i,), daemon=True) for i in range(workers)]
    for t in threads:
        t.start()
    running = len(threads)
    while running:
        item = done.get()
        if item is None:
            running -= 1
        else:
            on_result(*item)
