"""What is wrong with a submission, found before and after grading (for the status report).

nbgrader restores deleted and edited locked cells silently and fails a
notebook it cannot read with a traceback in its log. The instructor should
see each of these as one line next to the student's name.
"""
from __future__ import annotations

import re
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook, MissingEntry


def rename_lone_notebook(folder: Path, expected: list[str]) -> list[str]:
    """A single notebook under another name (Untitled.ipynb) is graded as the assignment's notebook."""
    found = sorted(folder.glob("*.ipynb"))
    if len(expected) == 1 and len(found) == 1 and found[0].stem != expected[0]:
        found[0].rename(folder / f"{expected[0]}.ipynb")
        return [f"notebook submitted as {found[0].name}: graded as {expected[0]}.ipynb"]
    return []


MARKERS = ("BEGIN HIDDEN TESTS", "END HIDDEN TESTS")


def written_by_student(cell) -> bool:
    """Everything but the instructor's test cells (graded, not a solution), which autograde restores."""
    meta = cell.metadata.get("nbgrader", {})
    return not (meta.get("grade") and not meta.get("solution"))


def repair_notebooks(folder: Path) -> list[str]:
    """Fix what would stop nbgrader from grading a notebook, and say what was fixed.

    - A graded or locked cell copied by the student (the same `grade_id` twice)
      makes nbgrader fail the whole notebook. The first cell of each id is kept
      as the graded one; each later copy loses its nbgrader role and runs as
      an ordinary cell (so it scores nothing and changes nothing else).
    - Hidden-test markers written by the student are only found, here: they
      are made harmless in the feedback (see `feedback.NeutraliseStudentMarkers`).
    """
    flags = []
    for path in sorted(folder.glob("*.ipynb")):
        try:
            nb = nbformat.read(path, as_version=4)
        except Exception:
            continue  # before_grading reports it
        seen, copies = set(), []
        for index, c in enumerate(nb.cells):
            grade_id = c.metadata.get("nbgrader", {}).get("grade_id")
            if not grade_id:
                continue
            if grade_id in seen:
                copies.append(f"{grade_id} (cell {index + 1})")
                del c.metadata["nbgrader"]
            seen.add(grade_id)
        if copies:
            nbformat.write(nb, path)
            flags.append(f"{path.name}: copied graded cell(s) {', '.join(copies)}: the first of each id "
                         "is graded, the copy ran as an ordinary cell")
        marked = [str(i + 1) for i, c in enumerate(nb.cells)
                  if written_by_student(c) and any(m in c.source for m in MARKERS)]
        if marked:
            flags.append(f"{path.name}: the text `BEGIN/END HIDDEN TESTS` in cell(s) {', '.join(marked)} "
                         "written by the student (shown with underscores in the feedback)")
    return flags


def errors_seen(folder: Path) -> list[str]:
    """Limits the submission ran into, from the error outputs of its graded notebooks."""
    flags = []
    for path in sorted(folder.glob("*.ipynb")) if folder.is_dir() else []:
        try:
            nb = nbformat.read(path, as_version=4)
        except Exception:
            continue
        names = {o.get("ename") for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"}
        if "MemoryError" in names:
            flags.append("ran out of memory (memory limit)")
        if "BlockingIOError" in names:
            flags.append("could not start more processes or threads (process limit)")
    return flags


def before_grading(folder: Path, gradebook: Path, assignment: str) -> list[str]:
    """Problems with the submitted notebooks in `folder`, compared with the gradebook's master copy."""
    flags = []
    with Gradebook(f"sqlite:///{gradebook}") as gb:
        try:
            notebooks = gb.find_assignment(assignment).notebooks
        except MissingEntry:
            return [f"assignment {assignment} is not in the gradebook (run release first)"]
        submitted = {p.stem for p in folder.glob("*.ipynb")}
        for nb in notebooks:
            path = folder / f"{nb.name}.ipynb"
            if not path.is_file():
                others = sorted(submitted - {n.name for n in notebooks})
                hint = f" (found {', '.join(o + '.ipynb' for o in others)})" if others else ""
                flags.append(f"missing {nb.name}.ipynb{hint}")
                continue
            try:
                student_nb = nbformat.read(path, as_version=4)
            except Exception as err:  # invalid JSON, not a notebook, wrong encoding...
                flags.append(f"{nb.name}.ipynb is not a readable notebook: {str(err).splitlines()[0][:120]}")
                continue
            cells = {c.metadata.get("nbgrader", {}).get("grade_id"): c for c in student_nb.cells
                     if c.metadata.get("nbgrader", {}).get("grade_id")}
            deleted = [c.name for c in nb.grade_cells if c.name not in cells]
            if deleted:
                flags.append(f"deleted graded cell(s) restored, scored 0: {', '.join(deleted)}")
            edited = [c.name for c in nb.source_cells
                      if c.locked and c.name in cells
                      and _visible(cells[c.name].source) != _visible(c.source)]
            if edited:
                flags.append(f"edited locked cell(s) restored: {', '.join(edited)}")
    return flags


def _visible(source: str) -> str:
    """A cell's source as released: without its hidden-test region."""
    return re.sub(r"### BEGIN HIDDEN TESTS.*?### END HIDDEN TESTS\n?", "", source, flags=re.S).strip()


def after_grading(log: str, events: list[str], success: bool, error: str | None) -> list[str]:
    """Problems seen while grading: kernel events, and nbgrader's own failure if any."""
    flags = list(dict.fromkeys(events))
    if not success:
        flags.append(f"nbgrader could not grade it: {failure_reason((log or '') + chr(10) + (error or ''))[:300]}")
    return flags


_EXCEPTION_LINE = re.compile(r"^\s*([A-Za-z_][\w.]*(Error|Exception|Exit|Interrupt))(: .*)?$")


def failure_reason(log: str) -> str:
    """The exception that made nbgrader fail, not its "see the above traceback" wrapper."""
    lines = [l for l in log.splitlines() if l.strip()]
    causes = [l.strip() for l in lines if _EXCEPTION_LINE.match(l) and "NbGraderException" not in l]
    if causes:
        return causes[-1]
    return next((l.strip() for l in reversed(lines) if "rror" in l), lines[-1].strip() if lines else "")


def scores(gradebook: Path, assignment: str, student: str) -> tuple[float, float] | None:
    """(auto score, max score) of the submission, or None if it has no grades."""
    with Gradebook(f"sqlite:///{gradebook}") as gb:
        try:
            sub = gb.find_submission(assignment, student)
        except MissingEntry:
            return None
        grades = [g for nb in sub.notebooks for g in nb.grades]
        if not grades or all(g.auto_score is None and g.manual_score is None for g in grades):
            return None
        return float(sum(g.score for g in grades)), float(sum(g.max_score for g in grades))
