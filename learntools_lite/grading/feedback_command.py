"""`feedback`: nbgrader's generate_feedback, one student at a time, safe to send.

- Hidden tests: the course config shortens test tracebacks and clears hidden
  tests from the source; this adds `RedactHiddenTests` before
  `ClearHiddenTests` (hidden-test text a submission printed) and
  `NeutraliseStudentMarkers` first (marker text a student typed, which made
  ClearHiddenTests fail).
- Manual grading: a submission whose hand-graded answers have no grade yet
  gets no feedback (its score would leave them out), and is listed; with
  `allow_pending` it gets feedback that says so at the top.
- One student's failure is reported and does not stop the others.
"""
from __future__ import annotations

import sys
from pathlib import Path

from nbconvert.preprocessors import Preprocessor
from nbformat.v4 import new_markdown_cell
from traitlets import Bool, Unicode

from .course import Course, load_config
from .export import waiting_for_manual_grade

_NEUTRALISE = "learntools_lite.grading.feedback.NeutraliseStudentMarkers"
_REDACT = "learntools_lite.grading.feedback.RedactHiddenTests"
_PENDING = "learntools_lite.grading.feedback_command.PendingManualNote"
_CLEAR = "nbgrader.preprocessors.ClearHiddenTests"
_DEFAULT = ["nbgrader.preprocessors.GetGrades", "learntools_lite.grading.feedback.ShortenTestTracebacks",
            _CLEAR, "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor"]
PENDING_NOTE = ("**Manual grading of this assignment is not finished.** The score on this page leaves "
                "out the answers that are graded by hand; they will be added later.")


class PendingManualNote(Preprocessor):
    """Put a note at the top of the feedback when manual grading is pending."""

    enabled = Bool(True, help="Whether to use this preprocessor.").tag(config=True)
    note = Unicode("", help="Markdown put at the top of the notebook; empty: nothing.").tag(config=True)

    def preprocess(self, nb, resources):
        if self.note:
            nb.cells.insert(0, new_markdown_cell(self.note))
        return nb, resources


def feedback_preprocessors(configured: list) -> list:
    names = [p if isinstance(p, str) else f"{p.__module__}.{p.__name__}" for p in configured]
    order = list(configured)
    if _REDACT not in names:
        at = names.index(_CLEAR) if _CLEAR in names else len(names)
        order = order[:at] + [_REDACT] + order[at:]
    if _NEUTRALISE not in names:
        order = [_NEUTRALISE] + order
    return order + ([_PENDING] if _PENDING not in names else [])


def pending_manual(gradebook: Path, assignment: str) -> dict[str, int]:
    """{student: hand-graded answers without a grade} for submissions that wait for manual grading."""
    from nbgrader.api import Gradebook, MissingEntry

    pending = {}
    with Gradebook(f"sqlite:///{gradebook}") as gb:
        try:
            submissions = gb.assignment_submissions(assignment)
        except MissingEntry:
            return {}
        for sub in submissions:
            waiting = waiting_for_manual_grade(sub)
            if waiting:
                pending[sub.student_id] = waiting
    return pending


def generate_feedback(root: Path, assignment: str, students: list[str] | None = None,
                      allow_pending: bool = False, stream=None) -> int:
    """Write feedback/; returns the number of students who got none (pending or failed)."""
    from nbgrader.converters import GenerateFeedback
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.utils import capture_log

    out = stream or sys.stderr
    course = Course(root)
    graded = sorted(d.parent.name for d in course.autograded.glob(f"*/{assignment}") if d.is_dir())
    students = [s for s in (students or graded)]
    pending = pending_manual(course.gradebook, assignment)
    skipped = 0
    for student in students:
        if student not in graded:
            out.write(f"{student}: no feedback: not autograded yet\n")
            skipped += 1
            continue
        if student in pending and not allow_pending:
            out.write(f"{student}: no feedback yet: {pending[student]} answer(s) wait for manual grading "
                      "(grade them in the formgrader, or pass --allow-pending)\n")
            skipped += 1
            continue
        cfg = load_config(root)
        cfg.GenerateFeedback.preprocessors = feedback_preprocessors(
            cfg.GenerateFeedback.get("preprocessors") or _DEFAULT)
        cfg.PendingManualNote.note = PENDING_NOTE if student in pending else ""
        coursedir = CourseDirectory(config=cfg)
        coursedir.assignment_id = assignment
        coursedir.student_id = student
        app = GenerateFeedback(coursedir=coursedir, config=cfg)
        app.force = True
        result = capture_log(app)
        if result["success"]:
            note = " (manual grading pending, said at the top)" if student in pending else ""
            out.write(f"{student}: feedback written{note}\n")
        else:
            lines = [l for l in result.get("log", "").splitlines() if l.strip()]
            out.write(f"{student}: no feedback: generate_feedback failed: {lines[-1] if lines else '?'}\n")
            skipped += 1
    out.write(f"Feedback for {len(students) - skipped} of {len(students)} student(s) in {course.feedback}\n")
    return skipped
