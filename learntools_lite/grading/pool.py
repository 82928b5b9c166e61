"""Run grading jobs on N worker processes, each job with a wall-clock limit.

A worker is a long-lived `python -m learntools_lite.grading.worker` (so
nbgrader is imported once per worker, not once per submission). A job that
overruns its limit gets its worker killed (its sandboxed kernels die with it:
bwrap --die-with-parent) and a fresh worker takes the next job, so one
hostile submission costs at most its own time limit.

While it grades, a worker also writes progress lines (`{"progress": ...}`:
which cell of which submission runs now); they reach `on_progress` in the
calling thread, as do the results.
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

    def run(self, job: dict, limit: float, on_progress: Callable[[dict], None]) -> dict | None:
        """The job's result, or None if it did not finish within `limit` seconds."""
        self.proc.stdin.write((json.dumps(job) + "\n").encode())
        self.proc.stdin.flush()
        deadline = time.monotonic() + limit
        out = self.proc.stdout
        buf = b""
        while True:
            while b"\n" in buf:
                line, buf = buf.split(b"\n", 1)
                message = json.loads(line)
                if "progress" not in message:
                    return message
                on_progress(message["progress"])
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([out], [], [], left)[0]:
                return None
            chunk = os.read(out.fileno(), 1 << 16)
            if not chunk:  # the worker itself died
                return {"success": False, "score": None, "flags": ["the grading worker died"]}
            buf += chunk

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
             on_result: Callable[[dict, dict], None],
             on_progress: Callable[[int, dict, dict | None], None] = lambda slot, job, info: None,
             on_tick: Callable[[], None] = lambda: None) -> None:
    """Grade every job on `workers` processes; call back in this thread.

    `on_result(job, result)` when a job ends; `on_progress(slot, job, info)`
    when worker `slot` starts a job (info None) or reports a cell; `on_tick()`
    about once a second. A job may carry its own "time_limit" (seconds).
    """
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
            done.put(("progress", slot, job, None))
            job_limit = job.get("time_limit") or limit
            result = worker.run(job, job_limit, lambda info: done.put(("progress", slot, job, info)))
            if result is None or result.get("flags") == ["the grading worker died"]:
                worker.kill()
                worker = None
                if result is None:
                    result = {"success": False, "score": None,
                              "flags": [f"stopped after the submission time limit ({job_limit:.0f} s)"]}
            result["seconds"] = time.monotonic() - start
            done.put(("result", job, result))
        if worker:
            worker.close()
        done.put(None)

    threads = [threading.Thread(target=serve, args=(i,), daemon=True) for i in range(workers)]
    for t in threads:
        t.start()
    running = len(threads)
    last_tick = time.monotonic()
    while running:
        try:
            item = done.get(timeout=1.0)
        except queue.Empty:
            item = ()
        if time.monotonic() - last_tick >= 1.0:
            last_tick = time.monotonic()
            on_tick()
        if item == ():
            continue
        if item is None:
            running -= 1
        elif item[0] == "progress":
            on_progress(*item[1:])
        else:
            on_result(*item[1:])
