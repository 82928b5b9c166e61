"""Does a graded release, or the installed package, carry any solution code?

For each question of every solutions notebook, the distinctive lines of its
solution region (between `### BEGIN SOLUTION` and `### END SOLUTION`) are
searched for in (a) the folder a fresh, real `nbgrader generate_assignment`
writes from a temporary copy of the course, and (b) the files of the
package as installed from its built wheel. A hint, a mistake message, a
docstring or an oracle that quotes the solution is a leak. Short or trivial
lines (`return x`, brackets, comments), literal values (an expected result
shipped as data, e.g. `(250, 390, 3)`) and lines the released cell shows
too (starter code, a find-the-bug question's surrounding lines) are not
distinctive and are skipped.
"""
from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from notebooks import ROOT, assignment_of, nbgrader, solution_notebooks

BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
MIN_LENGTH = 12
TRIVIAL = re.compile(r"^(return|pass|else:|try:|finally:|break|continue)\b\s*\w*\s*$")
TEXT_SUFFIXES = {".py", ".ipynb", ".md", ".txt", ".json", ".js", ".css", ".html", ".cfg",
                 ".toml", ".yml", ".yaml", ".csv"}


def _squash(text: str) -> str:
    return " ".join(text.split())


def _source(cell) -> str:
    source = cell.get("source", "")
    return source if isinstance(source, str) else "".join(source)


def solution_regions(path: Path) -> dict[str, list[str]]:
    """{grade_id: lines inside the solution markers} of a solutions notebook."""
    out = {}
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if not meta.get("solution"):
            continue
        lines, inside = [], False
        for line in _source(cell).splitlines():
            if line.strip() == BEGIN:
                inside = True
            elif line.strip() == END:
                inside = False
            elif inside:
                lines.append(line)
        if lines:
            out[meta.get("grade_id", "?")] = lines
    return out


def _only_data(line: str) -> bool:
    """Is the line a literal value (`(250, 390, 3)`, `answer = "b"`)? An expected result
    shipped as data is how a checker may know the answer; it is not solution code."""
    try:
        node = ast.parse(line.strip().rstrip(","), mode="exec").body
    except SyntaxError:
        return False
    if len(node) != 1:
        return False
    value = getattr(node[0], "value", None)
    if not isinstance(node[0], (ast.Expr, ast.Assign)) or value is None:
        return False
    try:
        ast.literal_eval(value)
    except (ValueError, TypeError, SyntaxError, RecursionError):
        return False
    return True


def distinctive(line: str) -> bool:
    s = line.strip()
    if len(s) < MIN_LENGTH or s.startswith("#") or TRIVIAL.match(s) or _only_data(s):
        return False
    if s.endswith(("(", "[", "{")):  # an opener (`keras.Sequential([`): its items are the code
        return False
    return bool(re.search(r"[A-Za-z0-9]", re.sub(r"[\s()\[\]{},:]", "", s)))


def released_cells(path: Path) -> dict[str, str]:
    """{grade_id: released source} of a released notebook."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return {c.get("metadata", {}).get("nbgrader", {}).get("grade_id", ""): _squash(_source(c))
            for c in cells}


def text_files(folder: Path) -> dict[str, str]:
    """{relative path: whitespace-squashed text} of every text file under `folder`."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in TEXT_SUFFIXES:
            found[str(path.relative_to(folder))] = _squash(
                path.read_text(encoding="utf-8", errors="replace"))
    return found


@pytest.fixture(scope="module")
def release(tmp_path_factory) -> Path:
    """The release folder a real `nbgrader generate_assignment` writes, in a course copy."""
    course = tmp_path_factory.mktemp("course")
    shutil.copy(ROOT / "nbgrader_config.py", course)
    shutil.copytree(ROOT / "solutions", course / "solutions")
    for path in solution_notebooks():
        nbgrader("generate_assignment", assignment_of(path), "--force", "--no-db", cwd=course)
    return course / "exercises"


@pytest.fixture(scope="module")
def installed_package(tmp_path_factory) -> dict[str, str]:
    """The text files of learntools_lite as its built wheel installs them."""
    out = tmp_path_factory.mktemp("wheel")
    # Built from a copy of the sources: setuptools' build/ folder in the checkout keeps
    # files of earlier builds (modules since removed), which a wheel built there would carry.
    source = out / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        if (ROOT / name).is_file():
            shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "learntools_lite", source / "learntools_lite",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "--quiet", "--wheel-dir", str(out), str(source)], check=True, timeout=600)
    (wheel,) = out.glob("learntools_lite-*.whl")
    unpacked = out / "unpacked"
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(unpacked)
    files = text_files(unpacked / "learntools_lite")
    assert any(name.startswith("core") for name in files), "the wheel has no checker core"
    return files


def leaks(path: Path, released: dict[str, str], places: dict[str, str]) -> list[str]:
    found = []
    for grade_id, lines in solution_regions(path).items():
        shown = released.get(grade_id, "")
        for line in lines:
            needle = _squash(line)
            if not distinctive(line) or needle in shown:
                continue
            for where, content in places.items():
                if needle in content:
                    found.append(f"{grade_id}: {needle!r} in {where}")
    return found


def test_solution_regions_are_found():
    """Does every solutions notebook have solution regions with distinctive lines?"""
    for path in solution_notebooks():
        regions = solution_regions(path)
        assert regions, path
        assert any(distinctive(line) for lines in regions.values() for line in lines), path


def test_distinctive_lines_leave_out_trivia():
    """Are short, bracket-only, comment and `return x` lines left out, and code kept?"""
    assert not distinctive("    return dX")
    assert not distinctive("    ])")
    assert not distinctive("# sum over the batch axis first")
    assert not distinctive("x = 1")
    assert distinctive("dW = X.T @ output_error")
    assert distinctive("return np.maximum(x, 0.0) * grad")
    assert not distinctive("series_shape = (250, 390, 3)")  # an expected result as data
    assert not distinctive('answer_4 = "b"')
    assert not distinctive("model = keras.Sequential([")
    assert distinctive('keras.layers.Conv2D(16, 3, activation="relu"),')


@pytest.mark.parametrize("path", solution_notebooks(), ids=assignment_of)
def test_the_graded_release_carries_no_solution_line(path, release):
    """Does the folder nbgrader releases hold no distinctive line of any solution?"""
    name = assignment_of(path)
    released = released_cells(release / name / path.name)
    places = {str(Path(name) / k): v for k, v in text_files(release / name).items()}
    found = leaks(path, released, places)
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("path", solution_notebooks(), ids=assignment_of)
def test_the_installed_package_carries_no_solution_line(path, release, installed_package):
    """Do the package's installed files (hints, mistakes, docstrings, oracles) hold no
    distinctive line of any solution?"""
    name = assignment_of(path)
    released = released_cells(release / name / path.name)
    found = leaks(path, released, {f"learntools_lite/{k}": v
                                   for k, v in installed_package.items()})
    assert found == [], "\n".join(found)
