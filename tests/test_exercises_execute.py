"""Do the exercises behave for learners: solutions all Correct, blanks all "Fill in"?"""
import re

import pytest

from notebooks import ROOT, assignment_of, errors, execute, output_text, solution_notebooks

pytestmark = pytest.mark.slow

CHECK_CALL = re.compile(r"^(q_\d+(?:\.\w+)?)\.check\(\)\s*$", re.M)


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
    for qid, cell in check_cells(nb):
        shown = output_text(cell).strip()
        assert shown.startswith(("Fill in", "Discussion")), f"{qid}.check() said: {shown[:300]}"
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for err in errors(cell):
            assert is_test_cell(cell), f"cell {i} is not a test cell but raised {err.ename}: {err.evalue}"
            assert err.ename == "AssertionError" and err.evalue.startswith("Fill in"), err.evalue
            frames = output_text(cell)
            assert "learntools_lite/" not in frames, f"cell {i} shows a traceback into learntools_lite"
