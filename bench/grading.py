"""Autograding speed: plain sequential `nbgrader autograde` against our sandboxed, parallel
`python -m learntools_lite.grading autograde`, on 20 submissions of a TensorFlow exercise.

    .venv/bin/python bench/grading.py [--submissions 20] [--overhead 4]

Uses solutions/ex3_* or ex5_* if present, else builds a small TF assignment in a
temporary course (setup imports TensorFlow and fits a tiny Keras model; two
graded questions). Both runs grade the same submissions on separate copies of
the course. Then the per-submission sandbox overhead: one worker, sandboxed
vs --no-sandbox, on a few submissions.
"""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ROOT = Path(__file__).resolve().parent.parent
os.environ["PATH"] = str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


def meta(grade_id, grade=False, solution=False, locked=False, points=0):
    m = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": 3, "solution": solution}
    if grade:
        m["points"] = points
    return {"nbgrader": m}


def tf_assignment(course: Path) -> str:
    """A small exercise that imports TensorFlow and fits a Keras model (like ex3)."""
    name = "bench_tf"
    nb = new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                               "language": "python"}})
    nb.cells = [
        new_markdown_cell("# Fit a tiny model"),
        new_code_cell("import numpy as np\nimport keras\nrng = np.random.default_rng(0)\n"
                      "X = rng.normal(size=(512, 8)).astype('float32')\n"
                      "y = (X @ rng.normal(size=(8, 1))).astype('float32')",
                      metadata=meta("setup", locked=True)),
        new_code_cell("model = keras.Sequential([keras.Input((8,)), keras.layers.Dense(16, activation='relu'),\n"
                      "                          keras.layers.Dense(1)])\n"
                      "### BEGIN SOLUTION\nmodel.compile(optimizer='adam', loss='mse')\n### END SOLUTION",
                      metadata=meta("q_1", solution=True)),
        new_code_cell("assert model.get_compile_config()['loss'] == 'mse'\n"
                      "### BEGIN HIDDEN TESTS\nassert model.get_compile_config()['optimizer'] == 'adam'\n"
                      "### END HIDDEN TESTS", metadata=meta("q_1_test", grade=True, locked=True, points=1)),
        new_code_cell("### BEGIN SOLUTION\nhistory = model.fit(X, y, epochs=5, batch_size=32, verbose=0)\n"
                      "### END SOLUTION", metadata=meta("q_2", solution=True)),
        new_code_cell("assert len(history.history['loss']) == 5\n### BEGIN HIDDEN TESTS\n"
                      "assert history.history['loss'][-1] < history.history['loss'][0]\n### END HIDDEN TESTS",
                      metadata=meta("q_2_test", grade=True, locked=True, points=2)),
    ]
    (course / "solutions" / name).mkdir(parents=True)
    nbformat.write(nb, course / "solutions" / name / f"{name}.ipynb")
    return name


def tiny_assignment(course: Path) -> str:
    """One graded question and no TensorFlow: the time of grading is the fixed cost."""
    name = "bench_tiny"
    nb = new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                               "language": "python"}})
    nb.cells = [new_code_cell("### BEGIN SOLUTION\nx = 2\n### END SOLUTION", metadata=meta("q_1", solution=True)),
                new_code_cell("assert x == 2", metadata=meta("q_1_test", grade=True, locked=True, points=1))]
    (course / "solutions" / name).mkdir(parents=True)
    nbformat.write(nb, course / "solutions" / name / f"{name}.ipynb")
    return name


def run(cmd, cwd):
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    took = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"{' '.join(map(str, cmd))} failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-4000:]}")
    return took


def course_with(tmp: Path, label: str, n: int, tiny: bool = False) -> tuple[Path, str]:
    course = tmp / label
    course.mkdir()
    shutil.copy(ROOT / "nbgrader_config.py", course)
    ready = sorted(p for p in (ROOT / "solutions").glob("ex[35]_*") if list(p.glob("*.ipynb")))
    if tiny:
        name = tiny_assignment(course)
    elif ready:
        name = ready[0].name
        shutil.copytree(ready[0], course / "solutions" / name)
    else:
        name = tf_assignment(course)
    run([sys.executable, "-m", "nbgrader", "generate_assignment", name, "--force"], course)
    source = next((course / "solutions" / name).glob("*.ipynb"))
    for i in range(n):
        folder = course / "submitted" / f"s{i:02d}" / name
        folder.mkdir(parents=True)
        shutil.copy(source, folder / source.name)
    return course, name


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--submissions", type=int, default=20)
    parser.add_argument("--overhead", type=int, default=5, help="pairs for the overhead measurement")
    parser.add_argument("--only-overhead", action="store_true")
    args = parser.parse_args()
    ours_cmd = [sys.executable, "-m", "learntools_lite.grading", "autograde"]
    with tempfile.TemporaryDirectory(prefix="bench-grading-") as tmp:
        tmp = Path(tmp)
        if not args.only_overhead:
            compare(tmp, args.submissions, ours_cmd)
        overhead(tmp, args.overhead, ours_cmd)
        print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
              f"load average at end {os.getloadavg()[0]:.1f}")


def compare(tmp: Path, n: int, ours_cmd: list) -> None:
    """Wall time for n submissions: plain sequential nbgrader, then ours on all cores."""
    if True:
        args = argparse.Namespace(submissions=n)
        plain, name = course_with(tmp, "plain", args.submissions)
        ours, _ = course_with(tmp, "ours", args.submissions)
        print(f"assignment {name}, {args.submissions} submissions, {os.cpu_count()} cores")
        t_plain = run([sys.executable, "-m", "nbgrader", "autograde", name, "--force"], plain)
        print(f"plain nbgrader, sequential:           {t_plain:7.1f} s  ({t_plain / args.submissions:.2f} s/submission)")
        t_ours = run(ours_cmd + [name], ours)
        print(f"ours, sandboxed, {os.cpu_count()} workers:           {t_ours:7.1f} s  ({t_ours / args.submissions:.2f} s/submission)")
        print(f"speed-up: {t_plain / t_ours:.2f}x")



def overhead(tmp: Path, pairs: int, ours_cmd: list) -> None:
    """Per-submission cost of the sandbox: one tiny submission graded sandboxed and not, interleaved.

    Interleaving and the median keep the shared machine's changing load out of the difference.
    """
    diffs = []
    for i in range(pairs):
        times = {}
        for box in ((True, False) if i % 2 == 0 else (False, True)):
            course, name = course_with(tmp, f"tiny-{i}-{box}", 1, tiny=True)
            times[box] = run(ours_cmd + [name, "--workers", "1"] + ([] if box else ["--no-sandbox"]), course)
        diffs.append(times[True] - times[False])
        print(f"  tiny submission {i}: sandboxed {times[True]:.2f} s, --no-sandbox {times[False]:.2f} s")
    diffs.sort()
    print(f"sandbox overhead per submission (median of {pairs}): {diffs[len(diffs) // 2]:+.2f} s")


if __name__ == "__main__":
    main()
