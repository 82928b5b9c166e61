"""Do the exercises behave for learners: solutions all Correct, blanks all "Fill in"
(a find-the-bug question, released with its buggy code, "Incorrect")?"""
import re

import pytest

from notebooks import (ROOT, assignment_of, errors, execute, find_the_bug_questions, output_text,
                       solution_notebooks)

pytestmark = pytest.mark.slow

CHECK_CALL = re.compile(r"^(q_\d+\w*(?:\.\w+)?)\.check\(\)\s*$", re.M)


def check_cells(nb):
    """(question id, cell) for every cell that calls q_n.check()."""
    for cell in nb.cells:
        if cell.cell_type == "code":
            match = CHECK_CALL.search(cell.source)
            if match:
                yield match.group(1), cell


def is_test_cell(cell) -> bool:
    return bool(cell.metadata.get("nbgrader", {}).get("grade")) and cell.cell_type == "code"


@pytest.mark.parametrize("path", solution_notebooks(), ids=assignment_of)
def test_solutions_notebook_is_all_correct(path):
    nb = execute(path)
    checks = list(check_cells(nb))
    assert len(checks) >= 5, "an exercise has at least five questions"
    for qid, cell in checks:
        shown = output_text(cell).strip()
        assert shown.startswith(("Correct", "Discussion")), f"{qid}.check() said: {shown[:300]}"


@pytest.mark.parametrize("path", solution_notebooks(), ids=assignment_of)
def test_student_notebook_with_blanks_says_fill_in(path):
    student = ROOT / "exercises" / path.parent.name / path.name
    nb = execute(student, allow_errors=True)
    buggy = find_the_bug_questions(path)  # handed out with a bug to fix, not a blank
    for qid, cell in check_cells(nb):
        shown = output_text(cell).strip()
        want = ("Incorrect",) if qid in buggy else ("Fill in", "Discussion")
        assert shown.startswith(want), f"{qid}.check() said: {shown[:300]}"
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            shown = output_text(cell)
            assert not errors(cell), f"cell {i} raised (a learner's Run All would stop):\n{shown[-800:]}"
            assert "learntools_lite/" not in shown, f"cell {i} shows a traceback into learntools_lite"


@pytest.mark.parametrize("path", solution_notebooks(), ids=assignment_of)
def test_test_cells_fail_a_blank_notebook_under_nbgrader(path, monkeypatch):
    """Under nbgrader (NBGRADER_EXECUTION set) the visible tests fail a blank answer,
    with the checker's own message and a traceback that stays in the test cell."""
    monkeypatch.setenv("NBGRADER_EXECUTION", "validate")
    nb = execute(ROOT / "exercises" / path.parent.name / path.name, allow_errors=True)
    failed = [c for c in nb.cells if c.cell_type == "code" and errors(c)]
    assert failed and all(is_test_cell(c) for c in failed)
    buggy = find_the_bug_questions(path)
    for cell in failed:
        err, qid = errors(cell)[0], cell.metadata["nbgrader"]["grade_id"].removesuffix("_test")
        verdict = "Incorrect" if qid in buggy else "Fill in"
        assert err.ename == "TestCellFailed" and err.evalue.startswith(verdict), err.evalue
        # IPython shows it as one plain line (what nbgrader's Validate dialog quotes), no traceback
        assert err.traceback == [f"{qid}: " + " ".join(err.evalue.replace("`", "").split())], err
        assert "learntools_lite/" not in output_text(cell)
