"""Show exercise pages as a learner needs them, not as the autograder does.

The book includes the student notebooks of `exercises/` unexecuted. Two
changes are made to each one while Sphinx reads it (the files on disk are
not touched):

* nbgrader's test cells (metadata `nbgrader.grade` true and
  `nbgrader.solution` false) get the `remove-cell` tag, so the autograder's
  code does not appear on the page; instructions, blanks, set-up and
  `q_n.check()` cells stay.
* The first `q_n.check()` cell gets, as its output, what that check prints
  for the untouched notebook (the blank still in place), computed here with
  the installed checkers, followed by a sentence saying so. The reader sees
  the feedback before running anything.
"""
from __future__ import annotations

import importlib
import re

import nbformat

REMOVE = "remove-cell"
CHECK_CALL = re.compile(r"^\s*(q_\d+[a-z]?(?:\.[a-z])?)\.check\(\)\s*$", re.MULTILINE)
SETUP_IMPORT = re.compile(r"from learntools_lite\.(ex\d+\w*) import \*")


def is_test_cell(cell) -> bool:
    """Is this an nbgrader autograder test cell (graded, and not a solution)?"""
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return cell.get("cell_type") == "code" and bool(meta.get("grade")) \
        and not meta.get("solution", False)


def hide_test_cells(nb) -> int:
    """Tag every test cell `remove-cell`; return how many were tagged."""
    count = 0
    for cell in nb.cells:
        if is_test_cell(cell):
            tags = cell.setdefault("metadata", {}).setdefault("tags", [])
            if REMOVE not in tags:
                tags.append(REMOVE)
            count += 1
    return count


def _question(exercise: str, qid: str):
    module = importlib.import_module(f"learntools_lite.{exercise}")
    question = getattr(module, qid.split(".")[0])
    for part in qid.split(".")[1:]:
        question = getattr(question, part)
    return question


def blank_feedback(exercise: str, qid: str):
    """The Feedback `qid.check()` gives while every variable it reads is the blank."""
    from learntools_lite.core.blank import ____

    question = _question(exercise, qid)
    return question.feedback({name: ____ for name in question.var_names})


def show_first_check(nb) -> str | None:
    """Give the first check cell the output it prints on a fresh notebook.

    Returns the question id shown, or None when the notebook has no check
    call or does not import an exercise module.
    """
    exercise = next((m.group(1) for c in nb.cells if c.cell_type == "code"
                     for m in [SETUP_IMPORT.search(c.source)] if m), None)
    if exercise is None:
        return None
    for index, cell in enumerate(nb.cells):
        match = CHECK_CALL.search(cell.source) if cell.cell_type == "code" else None
        if not match:
            continue
        qid = match.group(1)
        feedback = blank_feedback(exercise, qid)
        cell.outputs = [nbformat.v4.new_output(
            "display_data", data={"text/html": feedback._repr_html_(),
                                  "text/plain": str(feedback)})]
        note = nbformat.v4.new_markdown_cell(
            f"*Above: what `{qid}.check()` prints while the blank is still there. "
            "With a wrong answer it says what is wrong; with a right one, "
            "**Correct**.*")
        nb.cells.insert(index + 1, note)
        return qid
    return None


def _rewrite(app, docname, source):
    if not docname.startswith("exercises/"):
        return
    path = app.env.doc2path(docname)
    if not str(path).endswith(".ipynb"):
        return
    nb = nbformat.reads(source[0], as_version=4)
    hide_test_cells(nb)
    show_first_check(nb)
    source[0] = nbformat.writes(nb)


def setup(app):
    app.connect("source-read", _rewrite)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
