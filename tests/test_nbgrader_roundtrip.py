"""Does an instructor's whole nbgrader cycle work on a copy of the course?

Generate, submit the solution (alice) and the untouched release (bob),
autograde, generate feedback, export grades: real nbgrader commands on a
temporary course directory.
"""
import csv
import shutil

import pytest
from nbgrader.api import Gradebook

from notebooks import ROOT, assignment_of, nbgrader, solution_notebooks

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", params=solution_notebooks(), ids=assignment_of)
def graded_course(request, tmp_path_factory):
    path = request.param
    assignment = assignment_of(path)
    course = tmp_path_factory.mktemp(assignment)
    shutil.copy(ROOT / "nbgrader_config.py", course)
    shutil.copytree(ROOT / "solutions", course / "solutions")
    nbgrader("generate_assignment", assignment, "--force", cwd=course)
    for student, source in (("alice", course / "solutions"), ("bob", course / "exercises")):
        target = course / "submitted" / student / assignment
        target.mkdir(parents=True)
        shutil.copy(source / assignment / path.name, target / path.name)
    nbgrader("autograde", assignment, "--create", "--force", cwd=course)
    nbgrader("generate_feedback", assignment, "--force", cwd=course)
    nbgrader("export", cwd=course)
    return course, assignment, path.stem


def auto_scores(course, assignment, notebook, student):
    """(score, max) over autograded test cells, and whether manual grading is pending."""
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        nb = gb.find_submission_notebook(notebook, assignment, student)
        auto = [g for g in nb.grades if g.auto_score is not None]
        score = sum(g.auto_score for g in auto)
        max_score = sum(g.max_score for g in auto)
        return score, max_score, nb.needs_manual_grade


def test_solution_earns_every_autograded_point(graded_course):
    course, assignment, notebook = graded_course
    score, max_score, _ = auto_scores(course, assignment, notebook, "alice")
    assert max_score > 0 and score == max_score


def test_blank_release_earns_zero(graded_course):
    course, assignment, notebook = graded_course
    score, max_score, _ = auto_scores(course, assignment, notebook, "bob")
    assert max_score > 0 and score == 0


def test_feedback_is_written_without_hidden_tests(graded_course):
    course, assignment, notebook = graded_course
    for student in ("alice", "bob"):
        html = (course / "feedback" / student / assignment / f"{notebook}.html").read_text()
        assert "BEGIN HIDDEN TESTS" not in html
        assert "learntools_lite.testcell" in html  # the visible test is there


def test_export_lists_both_students(graded_course):
    course, assignment, _ = graded_course
    with open(course / "grades.csv", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["assignment"] == assignment]
    assert {r["student_id"] for r in rows} == {"alice", "bob"}
