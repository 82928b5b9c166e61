"""`autograde`: grade every submission of an assignment, sandboxed and in parallel.

nbgrader's gradebook stays the one record: workers grade in copies of it and
the results are merged back one at a time (see merge.py). Each submission
gets one status line; the lines are also written to
`autograded/<assignment>-report.tsv`.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
import sys
import tempfile
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from .course import Course, copy_plain
from .merge import merge_submission
from .pool import run_jobs
from .progress import Progress
from .sandbox import Limits, Sandbox, thread_env, threads_per_worker
from .time_limits import times_for


@dataclass
class Status:
    """What happened to one submission."""

    student: str
    graded: bool
    score: tuple[float, float] | None
    flags: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def state(self) -> str:
        if not self.graded:
            return "NOT GRADED"
        return "flagged" if self.flags else "graded"

    def line(self) -> str:
        score = f"{self.score[0]:g}/{self.score[1]:g}" if self.score else "-"
        why = f": {'; '.join(self.flags)}" if self.flags else ""
        return f"{self.student}: {self.state} {score} ({self.seconds:.1f}s){why}"


def autograde(root: Path, assignment: str, students: list[str] | None = None,
              workers: int | None = None, sandbox: bool = True, limits: Limits | None = None,
              time_limit: float | None = None, cell_timeout: int | None = None, stream=None) -> list[Status]:
    """Grade `students` (default: all in submitted/) and merge their grades into gradebook.db.

    Time limits not given come from the course config (`time_limits.GradingTimes`).
    """
    course = Course(root)
    cell_timeout, time_limit = times_for(course.root, assignment, cell_timeout, time_limit)
    limits = limits or Limits()
    if sandbox:
        Sandbox(limits).check()  # raises SandboxUnavailable with the instructions
    if not course.gradebook.exists():
        raise SystemExit(f"no gradebook at {course.gradebook}: run `release {assignment}` first")
    students = students or course.students(assignment)
    if not students:
        raise SystemExit(f"no submissions of {assignment} in {course.submitted}: run `collect` first")
    workers = max(1, min(workers or os.cpu_count() or 1, len(students)))
    if not limits.threads:
        limits = replace(limits, threads=threads_per_worker(workers))

    tmp = Path(tempfile.mkdtemp(prefix="ltl-grade-"))
    os.chmod(tmp, 0o700)
    base_db = tmp / "base.db"
    with sqlite3.connect(course.gradebook) as src, sqlite3.connect(base_db) as dst:
        src.backup(dst)  # a consistent snapshot, even if the file is being written
    jobs = [{"course": str(course.root), "assignment": assignment, "student": s,
             "work": str(tmp / f"job-{i}"), "base_db": str(base_db), "sandbox": sandbox,
             "limits": asdict(limits), "cell_timeout": cell_timeout, "time_limit": time_limit}
            for i, s in enumerate(students)]

    out = stream or sys.stderr
    mode = "sandboxed" if sandbox else "NOT sandboxed (--no-sandbox)"
    out.write(f"Autograding {len(students)} submission(s) of {assignment} on {workers} worker(s), {mode}; "
              f"limits: {cell_timeout} s per cell, {time_limit:.0f} s per submission\n")
    progress = Progress(len(jobs), out)
    statuses: list[Status] = []

    def on_result(job: dict, result: dict) -> None:
        student = job["student"]
        graded = bool(result.get("gradebook")) and Path(result["gradebook"]).exists()
        if graded:
            merge_submission(course.gradebook, Path(result["gradebook"]), assignment, student)
            dest = course.autograded / student / assignment
            if dest.exists():
                shutil.rmtree(dest)
            if Path(result["autograded"]).is_dir():
                copy_plain(Path(result["autograded"]), dest)
        graded = graded and result.get("score") is not None
        flags = list(result.get("flags", []))
        if not result.get("success", True) and result.get("log"):
            flags.append(f"nbgrader's log: {_keep_log(course, assignment, student, result['log'])}")
        status = Status(student, graded, tuple(result["score"]) if result.get("score") else None,
                        flags, result.get("seconds", 0.0))
        statuses.append(status)
        progress.update(status.line(), student)
        shutil.rmtree(job["work"], ignore_errors=True)

    try:
        run_jobs(jobs, workers, time_limit, tmp, on_result,
                 on_progress=lambda slot, job, info: progress.started(slot, job["student"]) if info is None
                 else progress.cell(slot, info),
                 on_tick=progress.tick, env=thread_env(limits.threads))
    finally:
        progress.close()
        _keep_logs(tmp, course, assignment)
        shutil.rmtree(tmp, ignore_errors=True)

    statuses.sort(key=lambda s: s.student)
    course.autograded.mkdir(exist_ok=True)
    report = course.autograded / f"{assignment}-report.tsv"
    report.write_text("student\tstate\tscore\tmax\tseconds\tflags\n" + "".join(
        f"{s.student}\t{s.state}\t{s.score[0] if s.score else ''}\t{s.score[1] if s.score else ''}\t"
        f"{s.seconds:.1f}\t{'; '.join(s.flags)}\n" for s in statuses))
    bad = [s for s in statuses if s.state != "graded"]
    out.write(f"Done: {len(statuses) - len(bad)} graded cleanly, "
              f"{sum(s.state == 'flagged' for s in bad)} flagged, "
              f"{sum(s.state == 'NOT GRADED' for s in bad)} not graded. Report: {report}\n")
    return statuses


def _keep_log(course: Course, assignment: str, student: str, log: str) -> Path:
    """Keep the log of a submission nbgrader failed on: autograded/<assignment>-logs/<student>.log."""
    folder = course.autograded / f"{assignment}-logs"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{student}.log"
    path.write_text(log)
    return path.relative_to(course.root)


def _keep_logs(tmp: Path, course: Course, assignment: str) -> None:
    logs = sorted(tmp.glob("worker-*.log"))
    if logs:
        course.autograded.mkdir(exist_ok=True)
        with open(course.autograded / f"{assignment}-workers.log", "wb") as f:
            for log in logs:
                f.write(f"==> {log.name}\n".encode() + log.read_bytes()[-2_000_000:])
