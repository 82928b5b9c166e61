"""Does every notebook a launch button opens start with the current set-up cell?

The cell is inserted by scripts/setup_cell.py into book/ and solutions/;
exercises/ gets it from solutions/ (`make exercises`). What the cell does
where the course is missing is tested in test_install.py.
"""
from __future__ import annotations

import shutil
import subprocess
import sys

import nbformat
import pytest

from notebooks import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import setup_cell  # noqa: E402

SOURCE = setup_cell.snippet(ROOT)
STUDENT = sorted((ROOT / "exercises").glob("*/*.ipynb"))


def first_code_cell(path):
    nb = nbformat.read(path, as_version=4)
    return next(c for c in nb.cells if c.cell_type == "code")


@pytest.mark.parametrize("path", setup_cell.notebooks() + STUDENT, ids=lambda p: str(p.relative_to(ROOT)))
def test_notebook_starts_with_the_current_setup_cell(path):
    cell = first_code_cell(path)
    assert cell.source == SOURCE, (f"{path.relative_to(ROOT)}: the first code cell is not the current set-up "
                                   "cell; run `python scripts/setup_cell.py` then `make exercises`")
    assert "remove-cell" in cell.metadata.get("tags", [])


def test_the_check_mode_agrees():
    done = subprocess.run([sys.executable, ROOT / "scripts" / "setup_cell.py", "--check"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_the_cell_installs_from_the_configured_repository():
    assert "git+https://github.com/dl-from-the-math-up/course@main" in SOURCE
    assert 'find_spec("learntools_lite") is None' in SOURCE
    compile(SOURCE, "setup-cell", "exec")


@pytest.fixture
def course(tmp_path):
    """A copy of the course's config and notebooks to run the script on."""
    shutil.copy(ROOT / "_config.yml", tmp_path)
    for path in setup_cell.notebooks():
        target = tmp_path / path.relative_to(ROOT)
        target.parent.mkdir(parents=True, exist_ok=True)
        nb = nbformat.read(path, as_version=4)
        i = setup_cell.find(nb)
        if i is not None:
            del nb.cells[i]  # as before the script first ran
        nbformat.write(nb, target)
    return tmp_path


def run_script(course, *args):
    return subprocess.run([sys.executable, ROOT / "scripts" / "setup_cell.py", "--root", course, *args],
                          capture_output=True, text=True)


def test_the_script_inserts_once_and_a_second_run_changes_nothing(course):
    assert run_script(course, "--check").returncode == 1
    assert run_script(course).returncode == 0
    files = sorted(p for p in course.rglob("*.ipynb"))
    before = {p: p.read_bytes() for p in files}
    again = run_script(course)
    assert again.returncode == 0 and again.stdout == ""
    assert {p: p.read_bytes() for p in files} == before
    assert run_script(course, "--check").returncode == 0
    for path in files:
        nb = nbformat.read(path, as_version=4)
        assert sum(setup_cell.TAG in c.metadata.get("tags", []) for c in nb.cells) == 1
        assert nbformat.validate(nb) is None
        # The cell comes before every other code cell, after a leading title in Markdown.
        assert first_code_cell(path).source == setup_cell.snippet(course)


def test_a_changed_repository_updates_the_cell_in_place(course):
    run_script(course)
    config = course / "_config.yml"
    config.write_text(config.read_text().replace("github.com/dl-from-the-math-up/course",
                                                 "github.com/a-fork/course"))
    assert run_script(course, "--check").returncode == 1
    run_script(course)
    for path in setup_cell.notebooks(course):
        nb = nbformat.read(path, as_version=4)
        assert sum(setup_cell.TAG in c.metadata.get("tags", []) for c in nb.cells) == 1
        assert "git+https://github.com/a-fork/course@main" in first_code_cell(path).source


def test_a_repository_that_is_not_https_is_refused_with_the_reason(course):
    config = course / "_config.yml"
    config.write_text(config.read_text().replace("url: https://github.com/dl-from-the-math-up/course",
                                                 "url: github.com/x"))
    done = run_script(course)
    assert done.returncode != 0 and "repository.url must be the course's https URL" in done.stderr
