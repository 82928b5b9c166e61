"""Grade one submission in a course copy of its own; as a process, grade jobs read from stdin.

The copy holds the course config, a copy of the gradebook taken before
grading began, the one submission and the non-notebook files of the
assignment's source folder (what nbgrader copies into autograded/). No
solution notebook: nbgrader restores hidden tests and locked cells from the
gradebook. nbgrader's own `Autograde` runs in this process (no CLI start-up
per submission), with `SafeExecute` in place of `Execute`; the kernel runs in
the sandbox.

Protocol (one JSON object per line): a job on stdin; on stdout, progress
lines (`{"progress": {...}}`, one per cell started) and then the job's
result. Everything else this process prints goes to stderr.
"""
from __future__ import annotations

import json
import os
import shutil
import sys
from contextlib import nullcontext
from pathlib import Path

from . import kernel, triage
from .course import CONFIG_FILE, Course, copy_plain, load_config
from .sandbox import Limits, Sandbox
from .totals import TotalsWatch


def grade_one(job: dict, on_progress=None) -> dict:
    """Autograde `job["student"]`'s `job["assignment"]` in the folder `job["work"]`.

    `on_progress({"cell": n, "cells": total, "grade_id": ...})` is called as each cell starts.
    """
    course, assignment, student = Course(job["course"]), job["assignment"], job["student"]
    work = Path(job["work"])
    root = work / "course"
    (root / "submitted" / student).mkdir(parents=True)
    shutil.copy(course.root / CONFIG_FILE, root / CONFIG_FILE)
    shutil.copy(job["base_db"], root / "gradebook.db")
    folder = root / "submitted" / student / assignment
    copy_plain(course.submitted / student / assignment, folder, course.ignore)
    copy_plain(course.source / assignment, root / "source" / assignment, course.ignore + ["*.ipynb"])

    flags = triage.rename_lone_notebook(folder, course.notebooks(assignment))
    flags += triage.repair_notebooks(folder)
    flags += triage.before_grading(folder, root / "gradebook.db", assignment)

    kernel.EVENTS.clear()
    limits = Limits(**job.get("limits", {}))
    sandbox = Sandbox(limits) if job.get("sandbox", True) else None
    kernel.SandboxedKernelManager.sandbox = sandbox
    kernel.SandboxedKernelManager.work_root = str(work)
    with TotalsWatch(limits, sandbox.bwrap, kernel.EVENTS.append) if sandbox else nullcontext():
        result = _autograde(root, assignment, student, job.get("cell_timeout"), limits,
                            _cell_hook(folder, on_progress))

    flags += triage.after_grading(result.get("log", ""), kernel.EVENTS, result["success"],
                                  result.get("error"))
    flags += triage.errors_seen(root / "autograded" / student / assignment)
    score = triage.scores(root / "gradebook.db", assignment, student)
    return {"student": student, "assignment": assignment, "work": str(work),
            "gradebook": str(root / "gradebook.db"),
            "autograded": str(root / "autograded" / student / assignment),
            "success": result["success"], "score": score, "flags": flags,
            "log": (result.get("log", "") + "\n" + (result.get("error") or ""))[-20000:]}


def _cell_hook(folder: Path, on_progress):
    """nbclient's on_cell_start hook that reports which cell of how many runs now."""
    if on_progress is None:
        return None
    import nbformat

    total = 0
    for path in folder.glob("*.ipynb"):
        try:
            total += len(nbformat.read(path, as_version=4).cells)
        except Exception:
            pass

    def hook(cell, cell_index, **_):
        on_progress({"cell": cell_index + 1, "cells": max(total, cell_index + 1),
                     "grade_id": cell.metadata.get("nbgrader", {}).get("grade_id", "")})
    return hook


def _autograde(root: Path, assignment: str, student: str, cell_timeout: int | None, limits: Limits,
               on_cell_start=None) -> dict:
    from nbconvert.preprocessors import ClearMetadataPreprocessor
    from nbgrader.converters import Autograde
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.preprocessors import (AssignLatePenalties, CheckCellMetadata, IgnorePattern,
                                        LimitOutput, SaveAutoGrades)
    from nbgrader.utils import capture_log

    cfg = load_config(root)
    cfg.CourseDirectory.source_directory = "source"
    cfg.CourseDirectory.submitted_directory = "submitted"
    cfg.CourseDirectory.autograded_directory = "autograded"
    cfg.Autograde.autograde_preprocessors = [
        kernel.SafeExecute, IgnorePattern, ClearMetadataPreprocessor, LimitOutput,
        SaveAutoGrades, AssignLatePenalties, CheckCellMetadata]
    cfg.SafeExecute.output_bytes = limits.output_bytes
    # A busy machine: a kernel may take more than nbclient's 60 s to start, and the last output of a
    # flood more than its 4 s to arrive after the reply (nbgrader then fails the whole notebook).
    cfg.SafeExecute.startup_timeout = 180
    cfg.SafeExecute.iopub_timeout = 30
    # Once the last cell has run, nothing the kernel does can change the record: stop it at once
    # (a graceful exit took 0.1 s per submission; the sandbox's PID namespace ends with it).
    cfg.SafeExecute.shutdown_kernel = "immediate"
    if on_cell_start:
        cfg.SafeExecute.on_cell_start = on_cell_start
    if cell_timeout:
        cfg.Execute.timeout = cell_timeout
    cfg.Autograde.create_student = True
    coursedir = CourseDirectory(config=cfg)
    coursedir.assignment_id = assignment
    coursedir.student_id = student
    app = Autograde(coursedir=coursedir, config=cfg)
    app.force = True
    return capture_log(app)


def preload() -> None:
    """Import what grading a submission imports, so that a worker forked afterwards starts ready."""
    import nbconvert.preprocessors  # noqa: F401
    import nbgrader.converters  # noqa: F401
    import nbgrader.preprocessors  # noqa: F401
    import nbgrader.utils  # noqa: F401

    from . import answerer, merge, queries, remote, verdicts  # noqa: F401


def main() -> None:
    """Serve jobs: one JSON line in, one JSON line out, until stdin closes."""
    replies = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)  # anything else printed goes to the log, not into the protocol
    def progress(info: dict) -> None:
        replies.write(json.dumps({"progress": info}) + "\n")

    for line in sys.stdin:
        job = json.loads(line)
        try:
            reply = grade_one(job, progress)
        except Exception as err:  # a bug or an unreadable folder: report it, keep serving
            import traceback
            reply = {"student": job.get("student"), "assignment": job.get("assignment"),
                     "work": job.get("work"), "success": False, "score": None,
                     "flags": [f"grading failed: {type(err).__name__}: {err}"],
                     "log": traceback.format_exc()}
        replies.write(json.dumps(reply) + "\n")


if __name__ == "__main__":
    main()
