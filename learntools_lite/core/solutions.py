"""Find a question's solution in the instructor's notebook, if it is here.

Solutions live once, in `solutions/<assignment>/<assignment>.ipynb` between
`### BEGIN SOLUTION` and `### END SOLUTION`, in the cell whose nbgrader
grade_id is the question's id ("q_1", "q_2_a" for part a of q_2). A learner
with the whole course (self-study) sees them; a released exercise folder
has no `solutions/`, so `solution()` says solutions are not handed out.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from ..messages import text

MARKERS = ("### BEGIN SOLUTION", "### END SOLUTION")


def grade_id(qid: str) -> str:
    return qid.replace(".", "_")


def _candidates(assignment: str):
    name = f"{assignment}/{assignment}.ipynb"
    starts = [Path.cwd(), Path(__file__).resolve().parent]
    seen = set()
    for start in starts:
        for folder in (start, *start.parents):
            if folder in seen:
                continue
            seen.add(folder)
            yield folder / "solutions" / name


def find_solutions_notebook(assignment: str) -> Path | None:
    if os.environ.get("LEARNTOOLS_NO_SOLUTIONS", "") not in ("", "0"):
        return None
    for path in _candidates(assignment):
        if path.is_file():
            return path
    return None


def strip_markers(source: str) -> str:
    """The solution cell as a learner would write it: markers removed, dedented."""
    lines = [line for line in source.splitlines() if line.strip() not in MARKERS]
    return "\n".join(lines).strip("\n")


def solution_code(assignment: str | None, qid: str) -> tuple[str | None, str]:
    """(code, note): the solution code, or None with a note saying why not."""
    path = find_solutions_notebook(assignment) if assignment else None
    if path is None:
        return None, text("solution.released")
    wanted = grade_id(qid)
    try:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        for cell in cells:
            meta = cell.get("metadata", {}).get("nbgrader", {})
            if meta.get("grade_id") == wanted and meta.get("solution"):
                source = cell.get("source", "")
                source = source if isinstance(source, str) else "".join(source)
                return strip_markers(source), ""
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass  # an unreadable notebook is reported like a missing solution
    return None, text("solution.missing")
