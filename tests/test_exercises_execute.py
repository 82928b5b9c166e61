"""Do the exercises behave for learners: blanks all "Fill in" (a find-the-bug question,
released with its buggy code, "Incorrect"), and no cell of the released notebook raising?

The solutions all Correct, and the test cells failing a blank release under
nbgrader, are read from the notebooks the nbgrader round trip executes
(tests/test_nbgrader_roundtrip.py): each notebook is run once for both."""
import pytest

from notebooks import (ROOT, assignment_of, check_cells, errors, execute, find_the_bug_questions,
                       output_text, solution_notebooks)

pytestmark = pytest.mark.slow


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
