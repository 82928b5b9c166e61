"""Per-submission cost of the trusted harness: test cells judged in the grader vs run in the kernel.

    .venv/bin/python bench/trusted_harness.py [--assignments ex1_tensors ex4_backprop] [--rounds 2]

For each assignment, the same submissions (the solution and two with wrong
answers) are graded by `python -m learntools_lite.grading autograde
--workers 1`, sandboxed, on two copies of the course that differ in one
setting: `c.SafeExecute.judge_outside = True` (the trusted harness: data
queries, verdict in the grader, the kernel's package without answers) or
False (test cells executed in the kernel, as plain nbgrader does). The two
runs alternate (A B A B) and the script prints the seconds per submission
of each and their ratio.
"""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
os.environ["PATH"] = str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")

WRONG = {"ex1_tensors": {"q_1": "batch = train_images[:4]", "q_3": "predicted_shape = (65, 20, 14)"},
         "ex4_backprop": {"q_3": "def sigmoid_backward(Y, output_error):\n    return Y * (1 - Y)",
                          "q_4": "def huber_prime(y_true, y_pred, delta):\n    return y_pred - y_true"}}


def course_copy(tmp: Path, assignment: str, judge_outside: bool) -> Path:
    course = tmp / f"{assignment}-{'trusted' if judge_outside else 'in-kernel'}"
    course.mkdir()
    shutil.copy(ROOT / "nbgrader_config.py", course)
    with open(course / "nbgrader_config.py", "a") as f:
        f.write(f"\nc.SafeExecute.judge_outside = {judge_outside}\n")
    shutil.copytree(ROOT / "solutions" / assignment, course / "solutions" / assignment)
    subprocess.run([sys.executable, "-m", "nbgrader", "generate_assignment", assignment, "--force"],
                   cwd=course, check=True, capture_output=True)
    solution = ROOT / "solutions" / assignment / f"{assignment}.ipynb"
    for i, student in enumerate(["right", "wrong_a", "wrong_b"]):
        nb = nbformat.read(solution, as_version=4)
        for grade_id, source in (list(WRONG.get(assignment, {}).items())[: i] if i else []):
            next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id).source = source
        folder = course / "submitted" / student / assignment
        folder.mkdir(parents=True)
        nbformat.write(nb, folder / f"{assignment}.ipynb")
    return course


def grade(course: Path, assignment: str) -> tuple[float, str]:
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "learntools_lite.grading", "--course", str(course),
                           "autograde", assignment, "--workers", "1"], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    report = (course / "autograded" / f"{assignment}-report.tsv").read_text()
    scores = " ".join(f"{line.split(chr(9))[0]}={line.split(chr(9))[2]}" for line in report.splitlines()[1:])
    if proc.returncode:
        scores += f" (exit {proc.returncode})"
    return seconds, scores


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--assignments", nargs="+", default=["ex1_tensors", "ex4_backprop"])
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    print(f"{platform.node()} {platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load {open('/proc/loadavg').read().split()[:3]}")
    with tempfile.TemporaryDirectory(prefix="bench-harness-") as tmp:
        for assignment in args.assignments:
            courses = {mode: course_copy(Path(tmp), assignment, mode == "trusted")
                       for mode in ("in-kernel", "trusted")}
            times = {mode: [] for mode in courses}
            for r in range(args.rounds):
                for mode, course in courses.items():  # A B A B
                    seconds, scores = grade(course, assignment)
                    times[mode].append(seconds / 3)
                    print(f"  {assignment} round {r + 1} {mode:9s}: {seconds / 3:6.1f} s/submission  {scores}",
                          flush=True)
            a, b = statistics.median(times["in-kernel"]), statistics.median(times["trusted"])
            print(f"{assignment}: in-kernel {a:.1f} s, trusted {b:.1f} s per submission; "
                  f"trusted/in-kernel = {b / a:.2f} (harness {100 * (b - a) / a:+.0f}%)")
    print(f"load after: {open('/proc/loadavg').read().split()[:3]}")


if __name__ == "__main__":
    main()
