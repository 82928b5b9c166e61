"""Is exercises/ exactly what nbgrader generates from solutions/, with nothing secret in it?"""
import json
import shutil

import pytest

from notebooks import ROOT, assignment_of, nbgrader, solution_notebooks

SECRETS = ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS")


def hidden_test_lines(path):
    """The lines between the hidden-test markers of a solutions notebook."""
    lines, inside = [], False
    for cell in json.loads(path.read_text())["cells"]:
        for line in "".join(cell["source"]).splitlines():
            if "BEGIN HIDDEN TESTS" in line:
                inside = True
            elif "END HIDDEN TESTS" in line:
                inside = False
            elif inside and line.strip():
                lines.append(line.strip())
    return lines


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory):
    """exercises/ generated afresh by nbgrader from a copy of solutions/."""
    course = tmp_path_factory.mktemp("course")
    shutil.copy(ROOT / "nbgrader_config.py", course)
    shutil.copytree(ROOT / "solutions", course / "solutions")
    for path in solution_notebooks():
        nbgrader("generate_assignment", assignment_of(path), "--force", "--no-db", cwd=course)
    return course / "exercises"


@pytest.mark.parametrize("path", solution_notebooks(), ids=assignment_of)
def test_exercises_match_a_fresh_generate(path, regenerated):
    name = f"{assignment_of(path)}/{path.name}"
    committed = ROOT / "exercises" / name
    assert committed.is_file(), f"exercises/{name} is missing: run `make exercises`"
    assert json.loads(committed.read_text()) == json.loads((regenerated / name).read_text()), (
        f"exercises/{name} is out of date with solutions/: run `make exercises`")


@pytest.mark.parametrize("path", solution_notebooks(), ids=assignment_of)
def test_release_has_no_solutions_or_hidden_tests(path):
    released = (ROOT / "exercises" / assignment_of(path) / path.name).read_text()
    for marker in SECRETS:
        assert marker not in released
    hidden = hidden_test_lines(path)
    assert hidden, "every exercise has hidden tests"
    for line in hidden:
        if len(line) > 12:  # short lines like `import numpy as np` also appear legitimately
            assert line not in released, f"hidden test line leaked into the release: {line}"
