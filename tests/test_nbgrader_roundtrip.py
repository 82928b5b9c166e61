"""Does an instructor's whole nbgrader cycle work on a copy of the course?

Generate, submit the solution (alice) and the untouched release (bob),
autograde, generate feedback, export grades: real nbgrader commands on a
temporary course directory. The notebooks nbgrader executed also show what
a learner and an instructor see: every check of the solution Correct, and
the release's test cells failing with the checker's own one-line message.
"""
import csv
import shutil

import nbformat
import pytest
from nbgrader.api import Gradebook

from notebooks import (ROOT, assignment_of, check_cells, errors, find_the_bug_questions, is_test_cell,
                       nbgrader, output_text, solution_notebooks)

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


def autograded(course, assignment, notebook, student):
    return nbformat.read(course / "autograded" / student / assignment / f"{notebook}.ipynb", as_version=4)


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


def test_every_check_of_the_solution_says_correct(graded_course):
    course, assignment, notebook = graded_course
    checks = list(check_cells(autograded(course, assignment, notebook, "alice")))
    assert len(checks) >= 5, "an exercise has at least five questions"
    for qid, cell in checks:
        shown = output_text(cell).strip()
        assert shown.startswith(("Correct", "Discussion")), f"{qid}.check() said: {shown[:300]}"


def test_test_cells_fail_the_blank_release_with_the_checkers_message(graded_course):
    """Under nbgrader (NBGRADER_EXECUTION set) the test cells fail a blank answer, with the
    checker's own message and a traceback that stays in the test cell."""
    course, assignment, notebook = graded_course
    nb = autograded(course, assignment, notebook, "bob")
    failed = [c for c in nb.cells if c.cell_type == "code" and errors(c)]
    assert failed and all(is_test_cell(c) for c in failed)
    buggy = find_the_bug_questions(ROOT / "solutions" / assignment / f"{notebook}.ipynb")
    for cell in failed:
        err, qid = errors(cell)[0], cell.metadata["nbgrader"]["grade_id"].removesuffix("_test")
        verdict = "Incorrect" if qid in buggy else "Fill in"
        assert err.ename == "TestCellFailed" and err.evalue.startswith(verdict), err.evalue
        # IPython shows it as one plain line (what nbgrader's Validate dialog quotes), no traceback
        assert err.traceback == [f"{qid}: " + " ".join(err.evalue.replace("`", "").split())], err
        assert "learntools_lite/" not in output_text(cell)
