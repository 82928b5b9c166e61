"""Helpers the tests share: find the course's notebooks, run them with a real kernel."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import nbclient
import nbformat

ROOT = Path(__file__).resolve().parent.parent
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def chapters() -> list[Path]:
    return sorted((ROOT / "book").glob("*.ipynb"))


def solution_notebooks() -> list[Path]:
    return sorted((ROOT / "solutions").glob("*/*.ipynb"))


def assignment_of(path: Path) -> str:
    return path.parent.name


def find_the_bug_questions(path: Path) -> set[str]:
    """The questions of a solutions notebook that are released with buggy starter code
    (an answer cell with `learntools.starter` metadata and no blank in it): unfixed, they
    are Incorrect, not blank."""
    nb = nbformat.read(path, as_version=4)
    return {cell.metadata["nbgrader"]["grade_id"] for cell in nb.cells
            if "____" not in cell.metadata.get("learntools", {}).get("starter", "____")
            and "nbgrader" in cell.metadata}


def execute(path: Path, allow_errors: bool = False, timeout: int = 900,
            kernel_name: str = "python3") -> nbformat.NotebookNode:
    """Run every cell of the notebook at `path` in a fresh kernel (python3: this environment's), in its own folder."""
    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=timeout, kernel_name=kernel_name, allow_errors=allow_errors,
        resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    return nb


def output_text(cell) -> str:
    """All text a code cell showed: streams, plain-text results, errors (ANSI removed)."""
    parts = []
    for out in cell.get("outputs", []):
        if out.output_type == "stream":
            parts.append(out.text)
        elif out.output_type in ("execute_result", "display_data"):
            parts.append(out.get("data", {}).get("text/plain", ""))
        elif out.output_type == "error":
            parts.append("\n".join(out.traceback))
    return ANSI.sub("", "\n".join(parts))


def errors(cell) -> list:
    return [o for o in cell.get("outputs", []) if o.output_type == "error"]


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


def nbgrader(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """Run a real nbgrader command in `cwd` (a course directory); fail loudly with its log."""
    proc = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=1800)
    if proc.returncode != 0:
        raise AssertionError(f"nbgrader {' '.join(args)} failed:\n{proc.stdout}\n{proc.stderr}")
    return proc
