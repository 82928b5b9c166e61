"""`python -m learntools_lite.grading <command>`: one command per step of the instructor's work.

    release ASSIGNMENT            check the solutions earn full marks, then generate exercises/
                                  (--language zh_CN: the Chinese edition, into exercises/zh_CN/)
    collect ASSIGNMENT PATH       copy students' notebooks (folder or .zip) into submitted/
    autograde ASSIGNMENT          grade all submissions, sandboxed, in parallel, into gradebook.db
    feedback ASSIGNMENT           write feedback/ (HTML) without hidden tests
    export [--to grades.csv]      write the grades as CSV, with manual-grading and status columns
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from .sandbox import Limits, SandboxUnavailable


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m learntools_lite.grading", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--course", type=Path, default=Path("."), help="course directory (default: .)")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("release", help="check solutions earn full marks, then generate the student version")
    p.add_argument("assignment")
    p.add_argument("--no-sandbox", action="store_true", help="check the solutions without the sandbox")
    p.add_argument("--language", default=None,
                   help="release this language's edition (e.g. zh_CN), made from the exercise page's catalogue")

    p = sub.add_parser("collect", help="copy submissions into submitted/<student>/<assignment>/")
    p.add_argument("assignment")
    p.add_argument("path", type=Path, help="folder of <student>.ipynb or <student>/ folders, or a .zip")

    p = sub.add_parser("autograde", help="grade submissions, sandboxed and in parallel")
    p.add_argument("assignment")
    p.add_argument("--student", action="append", help="grade only this student (repeatable)")
    p.add_argument("--workers", type=int, default=None, help="parallel workers (default: CPU cores)")
    p.add_argument("--no-sandbox", action="store_true",
                   help="run student code WITHOUT the sandbox (only for code you trust)")
    p.add_argument("--time-limit", type=float, default=None,
                   help="wall-clock seconds per submission (default: c.GradingTimes in nbgrader_config.py)")
    p.add_argument("--cell-timeout", type=int, default=None,
                   help="seconds per cell (default: c.GradingTimes, else c.Execute.timeout)")
    d = Limits()
    p.add_argument("--cpu", type=int, default=d.cpu_seconds, help="CPU seconds, all processes of a submission")
    p.add_argument("--memory-mb", type=int, default=d.memory_bytes >> 20,
                   help="memory of a submission, MB: all its processes plus its /tmp, /dev/shm, working folder")
    p.add_argument("--processes", type=int, default=d.processes, help="processes+threads of a submission")
    p.add_argument("--scratch-mb", type=int, default=d.scratch_bytes >> 20,
                   help="size of each of /tmp, /dev/shm and the working folder, MB")
    p.add_argument("--output-kb", type=int, default=d.output_bytes >> 10, help="output kept per notebook, KB")
    p.add_argument("--threads", type=int, default=d.threads,
                   help="compute threads (NumPy, TensorFlow) of each kernel (default: the cores shared "
                        "out among the workers)")

    p = sub.add_parser("feedback", help="generate feedback/ without hidden tests")
    p.add_argument("assignment")
    p.add_argument("--student", action="append", help="only this student (repeatable)")
    p.add_argument("--allow-pending", action="store_true",
                   help="also for submissions whose manual grading is not done (the page says so)")

    p = sub.add_parser("export", help="write grades as CSV")
    p.add_argument("--to", default="grades.csv", help="CSV file (default: grades.csv)")

    args = parser.parse_args(argv)
    # nbgrader runs `alembic` by name: make it this environment's, also without an activated venv.
    bin_dir = os.path.dirname(sys.executable)
    if os.environ.get("PATH", "").split(os.pathsep)[0] != bin_dir:
        os.environ["PATH"] = bin_dir + os.pathsep + os.environ.get("PATH", "")
    root = args.course.resolve()
    try:
        if args.command == "release":
            from .release import release
            release(root, args.assignment, sandbox=not args.no_sandbox, language=args.language)
        elif args.command == "collect":
            from .collect import collect
            collect(root, args.assignment, args.path.resolve())
        elif args.command == "autograde":
            from .autograde import autograde
            limits = Limits(cpu_seconds=args.cpu, memory_bytes=args.memory_mb << 20,
                            processes=args.processes, scratch_bytes=args.scratch_mb << 20,
                            output_bytes=args.output_kb << 10, threads=args.threads)
            statuses = autograde(root, args.assignment, args.student, args.workers,
                                 sandbox=not args.no_sandbox, limits=limits, time_limit=args.time_limit,
                                 cell_timeout=args.cell_timeout)
            return 0 if all(s.graded for s in statuses) else 1
        elif args.command == "feedback":
            from .feedback_command import generate_feedback
            return 1 if generate_feedback(root, args.assignment, args.student, args.allow_pending) else 0
        elif args.command == "export":
            return subprocess.run([sys.executable, "-m", "nbgrader", "export", "--to", args.to,
                                   "--ExportApp.plugin_class=learntools_lite.grading.export.StatusCsvExport"],
                                  cwd=root).returncode
    except SandboxUnavailable as err:
        sys.stderr.write(f"Refusing to grade: {err}\n")
        return 2
    return 0
