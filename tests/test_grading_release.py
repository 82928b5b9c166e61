"""Does `release` generate the student version only when the solutions earn full marks?"""
from __future__ import annotations

import shutil
import subprocess
import sys

import nbformat
import pytest

from notebooks import ROOT
from system_packages import available

pytestmark = [pytest.mark.slow, pytest.mark.skipif(
    not available("bwrap", "bubblewrap"), reason="bubblewrap is not installed (apt-get install -y bubblewrap)")]
ASSIGNMENT = "ex1_tensors"


def course_copy(tmp_path):
    course = tmp_path / "course"
    course.mkdir()
    shutil.copy(ROOT / "nbgrader_config.py", course)
    shutil.copytree(ROOT / "solutions" / ASSIGNMENT, course / "solutions" / ASSIGNMENT)
    return course


def release(course):
    return subprocess.run([sys.executable, "-m", "learntools_lite.grading", "--course", str(course),
                           "release", ASSIGNMENT], capture_output=True, text=True, timeout=900)


def test_release_generates_exercises(tmp_path):
    """Are the solutions checked and the student notebook written, without hidden tests?"""
    course = course_copy(tmp_path)
    proc = release(course)
    assert proc.returncode == 0, proc.stderr[-3000:]
    student = (course / "exercises" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").read_text()
    assert "BEGIN HIDDEN TESTS" not in student and (course / "gradebook.db").exists()
    # It says what it is doing while it does it, with the assignment's own cell limit.
    assert "grading the solutions as a submission (sandboxed, 30 s per cell)" in proc.stderr, proc.stderr
    assert "running cell" in proc.stderr and "(q_1_test)" in proc.stderr


def test_release_refuses_a_solution_that_fails_its_tests(tmp_path):
    """Is nothing released when a test fails against its own solution?"""
    course = course_copy(tmp_path)
    path = course / "solutions" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    nb = nbformat.read(path, as_version=4)
    q2 = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "q_2")
    q2.source = "series_shape = (\n    ### BEGIN SOLUTION\n    (1, 2, 3)\n    ### END SOLUTION\n)"
    nbformat.write(nb, path)
    proc = release(course)
    assert proc.returncode != 0
    assert "q_2_test scores 0/1" in proc.stderr
    assert not (course / "exercises").exists()
