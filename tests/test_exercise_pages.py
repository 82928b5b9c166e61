"""Do the book's exercise pages show what a learner needs, and hide the autograder's code?"""
from __future__ import annotations

import sys

import nbformat
import pytest

from notebooks import ROOT

sys.path.insert(0, str(ROOT / "book" / "_ext"))
import exercise_pages  # noqa: E402  (a local Sphinx extension of the book)

EXERCISES = sorted((ROOT / "exercises").glob("*/*.ipynb"))


def _meta(grade, solution):
    return {"nbgrader": {"grade": grade, "solution": solution, "grade_id": "x",
                         "locked": True, "schema_version": 3}}


def test_only_graded_non_solution_cells_count_as_test_cells():
    """Does the rule key off nbgrader's metadata, not the cell's text?"""
    cells = {
        "test": nbformat.v4.new_code_cell("q_1.check()", metadata=_meta(True, False)),
        "graded answer": nbformat.v4.new_code_cell("x = 1", metadata=_meta(True, True)),
        "answer": nbformat.v4.new_code_cell("x = 1", metadata=_meta(False, True)),
        "setup": nbformat.v4.new_code_cell("import numpy", metadata=_meta(False, False)),
        "plain": nbformat.v4.new_code_cell("# Autograder test for q_1"),
        "graded markdown": nbformat.v4.new_markdown_cell("Explain", metadata=_meta(True, False)),
    }
    assert [k for k, c in cells.items() if exercise_pages.is_test_cell(c)] == ["test"]


@pytest.mark.parametrize("path", EXERCISES, ids=lambda p: p.stem)
def test_test_cells_are_removed_and_everything_else_stays(path):
    nb = nbformat.read(path, as_version=4)
    tests = [i for i, c in enumerate(nb.cells) if exercise_pages.is_test_cell(c)]
    assert tests, f"{path.name}: no nbgrader test cells found"
    # Cells the notebook itself already hides (the set-up cell) stay as they are.
    hidden_before = [i for i, c in enumerate(nb.cells)
                     if exercise_pages.REMOVE in c.metadata.get("tags", [])]
    assert exercise_pages.hide_test_cells(nb) == len(tests)
    removed = [i for i, c in enumerate(nb.cells)
               if exercise_pages.REMOVE in c.metadata.get("tags", []) and i not in hidden_before]
    assert removed == tests
    kept = "\n".join(c.source for i, c in enumerate(nb.cells)
                     if i not in removed and i not in hidden_before)
    assert ".check()" in kept and "____" in kept and "binder.bind" in kept
    assert exercise_pages.hide_test_cells(nb) == len(tests)  # idempotent
    assert all(c.metadata["tags"].count(exercise_pages.REMOVE) == 1
               for c in nb.cells if exercise_pages.REMOVE in c.metadata.get("tags", []))


@pytest.mark.parametrize("path", EXERCISES, ids=lambda p: p.stem)
def test_the_first_check_shows_what_it_prints_on_a_fresh_notebook(path):
    nb = nbformat.read(path, as_version=4)
    before = len(nb.cells)
    qid = exercise_pages.show_first_check(nb)
    assert qid is not None
    index = next(i for i, c in enumerate(nb.cells) if c.cell_type == "code" and c.outputs)
    cell = nb.cells[index]
    assert f"{qid}.check()" in cell.source
    [output] = cell.outputs
    text = output["data"]["text/plain"]
    assert "learntools-blank" in output["data"]["text/html"], text
    assert "blank" in text.lower() or "fill" in text.lower(), text
    assert len(nb.cells) == before + 1 and qid in nb.cells[index + 1].source
    nbformat.validate(nb)
