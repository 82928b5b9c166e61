"""Does every broken submission get its real reason, in the report, the CSV and the feedback?

Real submissions of ex1_tensors graded end to end on a temporary course copy
(sandboxed) with the course's own per-assignment time limits: a copied
graded cell (duplicate grade_id), the text `BEGIN HIDDEN TESTS` in a
student's cell, a notebook under another name, an infinite loop. Then
`export` (status and manual-grading columns) and `feedback` (waits for
manual grading, one student's oddity stops nobody).
"""
from __future__ import annotations

import copy
import csv
import subprocess
import sys
import uuid

import pytest
from nbgrader.api import Gradebook

from learntools_lite.grading.time_limits import times_for
from notebooks import ROOT
from system_packages import available
from test_grading_hostile import ASSIGNMENT, cell, make_course, solution, submit, with_code

pytestmark = [pytest.mark.slow, pytest.mark.skipif(
    not available("bwrap", "bubblewrap"), reason="bubblewrap is not installed (apt-get install -y bubblewrap)")]


def _duplicate(grade_id: str):
    nb = solution()
    original = cell(nb, grade_id)
    pasted = copy.deepcopy(original)
    pasted.id = uuid.uuid4().hex[:8]  # Jupyter gives a pasted cell an id of its own
    nb.cells.insert(nb.cells.index(original) + 1, pasted)
    return nb


def _marker_in_answer():
    nb = solution()
    cell(nb, "q_6").source += "\n# ### BEGIN HIDDEN TESTS (I wonder what is here)"
    return nb


CASES = {
    "good": (lambda c: submit(c, "good", solution())),
    "dup_test": (lambda c: submit(c, "dup_test", _duplicate("q_1_test"))),
    "dup_answer": (lambda c: submit(c, "dup_answer", _duplicate("q_2"))),
    "marker": (lambda c: submit(c, "marker", _marker_in_answer())),
    "renamed": (lambda c: submit(c, "renamed", solution(), name="ex1_tensors (1).ipynb")),
    "looping": (lambda c: submit(c, "looping", with_code("q_3", "while True:\n    pass"))),
}


def run(course, *args, check=False):
    return subprocess.run([sys.executable, "-m", "learntools_lite.grading", "--course", str(course), *args],
                          capture_output=True, text=True, timeout=1800, check=check)


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    course = make_course(tmp_path_factory.mktemp("records"))
    for build in CASES.values():
        build(course)
    proc = run(course, "autograde", ASSIGNMENT, "--workers", "2")
    with open(course / "autograded" / f"{ASSIGNMENT}-report.tsv", newline="") as f:
        report = {r["student"]: r for r in csv.DictReader(f, delimiter="\t")}
    return course, report, proc


def test_duplicate_test_cell_is_graded_once(graded):
    """Is a copied test cell graded once (the first), with the copy recorded, not NOT GRADED?"""
    _, report, proc = graded
    row = report["dup_test"]
    assert row["state"] == "flagged", (row, proc.stderr[-2000:])
    assert float(row["score"]) == 11 and "copied graded cell(s) q_1_test" in row["flags"]


def test_duplicate_answer_cell_is_graded_once(graded):
    """Is a copied answer cell recorded and the submission graded normally?"""
    _, report, _ = graded
    row = report["dup_answer"]
    assert row["state"] == "flagged" and float(row["score"]) == 11
    assert "copied graded cell(s) q_2" in row["flags"]


def test_marker_text_is_recorded(graded):
    """Is the hidden-test marker in a student's cell recorded, the submission graded normally?"""
    _, report, _ = graded
    row = report["marker"]
    assert row["state"] == "flagged" and float(row["score"]) == 11
    assert "BEGIN/END HIDDEN TESTS" in row["flags"]


def test_renamed_notebook_is_graded_and_flagged(graded):
    """Is a notebook under another name graded as the assignment's and flagged?"""
    _, report, _ = graded
    row = report["renamed"]
    assert row["state"] == "flagged" and float(row["score"]) == 11
    assert "notebook submitted as ex1_tensors (1).ipynb" in row["flags"]


def test_infinite_loop_cut_at_the_assignments_limit(graded):
    """Is an infinite loop in ex1 cut at ex1's own cell limit (from nbgrader_config.py), and recorded?"""
    course, report, _ = graded
    cell_timeout, _ = times_for(course, ASSIGNMENT)
    assert cell_timeout == times_for(ROOT, ASSIGNMENT)[0] < 300  # the course's ex1 limit, not the global one
    row = report["looping"]
    assert row["state"] == "flagged" and float(row["score"]) == 10, row
    assert f"a cell ran past the {cell_timeout} s time limit" in row["flags"]


def test_progress_is_shown_from_the_start(graded):
    """Does autograde say which worker grades whom before any submission finishes?"""
    _, _, proc = graded
    lines = proc.stderr.splitlines()
    first_done = next(i for i, line in enumerate(lines) if line.startswith("[1/"))
    assert any("worker 1: grading" in line for line in lines[:first_done]), proc.stderr[:2000]
    assert "s per cell" in lines[0]


@pytest.fixture(scope="module")
def exported(graded):
    course, _, _ = graded
    run(course, "export", "--to", str(course / "grades.csv"), check=True)
    with open(course / "grades.csv", newline="") as f:
        return {r["student_id"]: r for r in csv.DictReader(f)}


def test_csv_has_status_and_reason(exported):
    """Does grades.csv say graded / flagged and why, for every submission?"""
    assert exported["good"]["status"] == "graded" and exported["good"]["reason"] == ""
    for student in ("dup_test", "dup_answer", "marker", "renamed", "looping"):
        assert exported[student]["status"] == "flagged" and exported[student]["reason"], exported[student]
    assert "copied graded cell(s) q_1_test" in exported["dup_test"]["reason"]


def test_csv_shows_manual_grading_pending(exported):
    """Is the hand-graded written answer of ex1 shown as pending for every submission?"""
    assert {r["needs_manual_grade"] for r in exported.values()} == {"yes"}


def test_feedback_waits_for_manual_grading_and_stops_nobody(graded):
    """Does feedback wait for manual grades, send it once graded, and survive the marker text?"""
    course, _, _ = graded
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        for student in ("good", "marker"):
            for nb in gb.find_submission(ASSIGNMENT, student).notebooks:
                for grade in nb.grades:
                    if grade.needs_manual_grade:
                        grade.manual_score = grade.max_score
            gb.db.commit()
    proc = run(course, "feedback", ASSIGNMENT)
    assert proc.returncode == 1  # some students still wait for manual grading
    assert "dup_test: no feedback yet: 1 answer(s) wait for manual grading" in proc.stderr, proc.stderr
    for student in ("good", "marker"):
        assert f"{student}: feedback written" in proc.stderr, proc.stderr
        html = (course / "feedback" / student / ASSIGNMENT / f"{ASSIGNMENT}.html").read_text()
        assert "BEGIN HIDDEN TESTS" not in html
    assert "BEGIN_HIDDEN_TESTS" in (course / "feedback" / "marker" / ASSIGNMENT / f"{ASSIGNMENT}.html").read_text()
    assert not (course / "feedback" / "dup_test").exists()

    proc = run(course, "feedback", ASSIGNMENT, "--allow-pending")
    assert proc.returncode == 0, proc.stderr
    html = (course / "feedback" / "dup_test" / ASSIGNMENT / f"{ASSIGNMENT}.html").read_text()
    assert "Manual grading of this assignment is not finished" in html
