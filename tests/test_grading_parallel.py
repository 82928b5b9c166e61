"""Does parallel sandboxed grading leave the gradebook exactly as sequential nbgrader does?

13 mixed submissions of ex1_tensors (right, blank, wrong answers, edited
locked cells, a manual answer, invalid JSON) are graded by plain
`nbgrader autograde` on one copy of the course and by our
`autograde --workers 2` on another; every grade, comment and flag must match.
"""
from __future__ import annotations

import shutil
import subprocess
import sys

import nbformat
import pytest
from nbgrader.api import Gradebook

from notebooks import nbgrader
from system_packages import available
from test_grading_hostile import ASSIGNMENT, cell, make_course, solution, submit

pytestmark = [pytest.mark.slow, pytest.mark.skipif(
    not available("bwrap", "bubblewrap"), reason="bubblewrap is not installed (apt-get install -y bubblewrap)")]


def _answer(grade_id, source):
    def build():
        nb = solution()
        cell(nb, grade_id).source = source
        return nb
    return build


def _answers(**sources):
    def build():
        nb = solution()
        for grade_id, source in sources.items():
            cell(nb, grade_id).source = source
        return nb
    return build


def _blank(course):
    return nbformat.read(course / "exercises" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)


VARIANTS = [
    solution,
    _answer("q_1", "batch = train_images[:4]"),
    _answer("q_2", "series_shape = (390, 250, 3)"),
    _answer("q_3", "predicted_shape = (65, 20, 14)"),
    _answer("q_4", "def dense_forward(X, W, b):\n    return X @ W.T + b"),
    _answer("q_5a", "dense_output_shape = (32, 64)"),
    _answer("q_6", 'answer_6 = "b"'),
    _answer("q_7", "def to_channels_last(images):\n    return images.T"),
    _answer("q_8", "Relu is a nonlinearity."),
    _answer("q_2_test", "pass"),
    _answers(q_1="batch = train_images[:4]", q_3="predicted_shape = (65, 20, 14)",
             q_4="def dense_forward(X, W, b):\n    return X @ W.T + b"),  # three wrong at once
]


def grade_rows(course):
    rows = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        for sub in gb.assignment_submissions(ASSIGNMENT):
            for nb in sub.notebooks:
                rows[sub.student_id, nb.name] = (nb.flagged, nb.late_submission_penalty, nb.needs_manual_grade)
                for g in nb.grades:
                    rows[sub.student_id, g.name] = (g.auto_score, g.manual_score, g.extra_credit,
                                                    g.needs_manual_grade)
                for c in nb.comments:
                    rows[sub.student_id, "comment", c.name] = (c.auto_comment, c.manual_comment)
    return rows


SUBMISSIONS = len(VARIANTS) + 2   # every variant once, a blank notebook and invalid JSON


@pytest.fixture(scope="module")
def two_courses(tmp_path_factory):
    ours = make_course(tmp_path_factory.mktemp("parallel"))
    for i, build in enumerate(VARIANTS):
        submit(ours, f"s{i:02d}", build())
    submit(ours, f"s{len(VARIANTS):02d}", _blank(ours))
    submit(ours, f"s{len(VARIANTS) + 1:02d}", raw="{ broken")
    theirs = ours.parent / "sequential"
    shutil.copytree(ours, theirs)
    subprocess.run(
        [sys.executable, "-m", "nbgrader", "autograde", ASSIGNMENT, "--force"], cwd=theirs,
        capture_output=True, timeout=3600)  # exits 1: the invalid JSON cannot be read
    subprocess.run([sys.executable, "-m", "learntools_lite.grading", "--course", str(ours), "autograde",
                    ASSIGNMENT, "--workers", "2"], capture_output=True, timeout=3600)
    return ours, theirs


def test_same_grades_as_sequential_nbgrader(two_courses):
    """Are all grades, comments and flags identical to plain sequential nbgrader's?"""
    ours, theirs = two_courses
    expected = grade_rows(theirs)
    assert len({k[0] for k in expected}) == SUBMISSIONS
    assert grade_rows(ours) == expected


def test_scores_spread(two_courses):
    """Were the submissions really mixed (so the comparison means something)?"""
    ours, _ = two_courses
    totals = {}
    for key, value in grade_rows(ours).items():
        if len(key) == 2 and isinstance(value, tuple) and len(value) == 4:
            totals[key[0]] = totals.get(key[0], 0) + (value[0] or 0)
    assert len(set(totals.values())) >= 5
