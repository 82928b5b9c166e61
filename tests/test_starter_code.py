"""Find-the-bug starter code: the released answer cell shows the buggy code from its
metadata, every other solution region still becomes the blank, and the solutions
notebook keeps the fixed code (real nbgrader generate_assignment on a temporary course)."""
import shutil

import nbformat

from notebooks import ROOT, nbgrader

STARTER = "    db = output_error[0]"


def _cell(source, grade_id, starter=None):
    cell = nbformat.v4.new_code_cell(source)
    cell.metadata["nbgrader"] = {"grade": False, "grade_id": grade_id, "locked": False,
                                 "schema_version": 3, "solution": True}
    if starter is not None:
        cell.metadata["learntools"] = {"starter": starter.strip()}
    return cell


def test_released_cell_shows_the_starter_and_other_regions_the_blank(tmp_path):
    course = tmp_path / "course"
    (course / "solutions" / "demo").mkdir(parents=True)
    shutil.copy(ROOT / "nbgrader_config.py", course)
    buggy = _cell("def bias_gradient(output_error):\n    ### BEGIN SOLUTION\n"
                  "    db = output_error.sum(axis=0)\n    ### END SOLUTION\n    return db",
                  "q_1", starter=STARTER)
    plain = _cell("answer = (\n    ### BEGIN SOLUTION\n    42\n    ### END SOLUTION\n)", "q_2")
    nb = nbformat.v4.new_notebook(cells=[buggy, plain])
    nb.metadata["kernelspec"] = {"name": "python3", "language": "python",
                                 "display_name": "Python 3"}
    source = course / "solutions" / "demo" / "demo.ipynb"
    nbformat.write(nb, source)

    nbgrader("generate_assignment", "demo", "--force", "--no-db", cwd=course)

    released = nbformat.read(course / "exercises" / "demo" / "demo.ipynb", 4)
    first, second = released.cells
    assert first.source == ("def bias_gradient(output_error):\n    db = output_error[0]\n"
                            "    return db")
    assert "learntools" not in first.metadata
    assert "sum(axis=0)" not in first.source and "SOLUTION" not in first.source
    assert "42" not in second.source and "____" in second.source
    assert "sum(axis=0)" in nbformat.read(source, 4).cells[0].source
