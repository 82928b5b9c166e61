"""Run grading jobs on N worker processes, each job with a wall-clock limit.

A worker is a long-lived process running `learntools_lite.grading.worker`
(so nbgrader is imported once per worker, not once per submission). The
first workers are forked from this process once it has imported what a
worker needs (`worker.preload`): nbgrader's start-up, about 1.3 CPU-s, is
paid once per batch instead of once per worker, and the workers are ready
at once. That needs a process with one thread (a fork copies no other
thread, but whatever locks they hold); elsewhere, and for a worker that
replaces a killed one, a worker is a fresh `python -m
learntools_lite.grading.worker`. A job that overruns its limit gets its
worker killed (its sandboxed kernels die with it: bwrap --die-with-parent)
and a fresh worker takes the next job, so one hostile submission costs at
most its own time limit.

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


class _Forked:
    """What _Worker uses of a Popen (stdin, stdout, pid, wait) for a worker forked from here."""

    def __init__(self, log, env: dict[str, str]):
        job_r, job_w = os.pipe()
        out_r, out_w = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()  # else the child would write out this process's buffered text again
        pid = os.fork()
        if pid == 0:
            _become_worker(job_r, out_w, log.fileno(), env)
        os.close(job_r)
        os.close(out_w)
        self.pid = pid
        self.stdin, self.stdout = os.fdopen(job_w, "wb"), os.fdopen(out_r, "rb")
        self.returncode: int | None = None

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.returncode is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG if deadline else 0)
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
            elif time.monotonic() > deadline:
                raise subprocess.TimeoutExpired("grading worker", timeout)
            else:
                time.sleep(0.05)
        return self.returncode


def _become_worker(job_r: int, out_w: int, log_fd: int, env: dict[str, str]) -> None:
    """In the forked child: stdin the job pipe, stdout the reply pipe, stderr the log; serve; exit.

    Every other descriptor is closed (another worker's pipe held open here would keep that
    worker from ever seeing the end of its jobs), and the child never returns into the caller."""
    code = 1
    try:
        os.setsid()
        os.dup2(job_r, 0)
        os.dup2(out_w, 1)
        os.dup2(log_fd, 2)
        os.closerange(3, os.sysconf("SC_OPEN_MAX"))
        os.environ.update(env)
        from . import worker
        worker.main()
        code = 0
    except BaseException:
        import traceback
        traceback.print_exc()
    finally:
        os._exit(code)


def can_fork() -> bool:
    """Whether workers may be forked from this process: Linux-like, and one thread only."""
    return hasattr(os, "fork") and threading.active_count() == 1


class _Worker:
    def __init__(self, log: Path, env: dict[str, str] | None = None, fork: bool = False):
        self.log = open(log, "ab")
        if fork:
            self.proc = _Forked(self.log, env or {})
            return
        self.proc = subprocess.Popen([sys.executable, "-m", "learntools_lite.grading.worker"],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.log,
                                     start_new_session=True, env={**os.environ, **(env or {})})

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
        for kill in (os.killpg, os.kill):  # its group; itself, if it has not made its group yet
            try:
                kill(self.proc.pid, signal.SIGKILL)
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
             on_tick: Callable[[], None] = lambda: None, env: dict[str, str] | None = None) -> None:
    """Grade every job on `workers` processes; call back in this thread.

    `on_result(job, result)` when a job ends; `on_progress(slot, job, info)`
    when worker `slot` starts a job (info None) or reports a cell; `on_tick()`
    about once a second. A job may carry its own "time_limit" (seconds). `env`: variables
    added to the workers' environment.
    """
    todo: queue.Queue = queue.Queue()
    for job in jobs:
        todo.put(job)
    done: queue.Queue = queue.Queue()
    forked: list[_Worker] = []
    if can_fork():
        from . import worker as worker_module
        worker_module.preload()
        forked = [_Worker(log_dir / f"worker-{slot}.log", env, fork=True)
                  for slot in range(min(workers, todo.qsize()))]

    def serve(slot: int) -> None:
        worker = forked[slot] if slot < len(forked) else None
        while True:
            try:
                job = todo.get_nowait()
            except queue.Empty:
                break
            worker = worker or _Worker(log_dir / f"worker-{slot}.log", env)
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
