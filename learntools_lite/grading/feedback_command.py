"""`feedback`: nbgrader's generate_feedback, with hidden tests redacted from outputs too.

The course config already shortens test tracebacks and clears hidden tests
from the source; this adds `RedactHiddenTests` before `ClearHiddenTests`, for
hidden-test text that a submission managed to print.
"""
from __future__ import annotations

import sys
from pathlib import Path

from .course import load_config

_REDACT = "learntools_lite.grading.feedback.RedactHiddenTests"
_CLEAR = "nbgrader.preprocessors.ClearHiddenTests"
_DEFAULT = ["nbgrader.preprocessors.GetGrades", "learntools_lite.grading.feedback.ShortenTestTracebacks",
            _CLEAR, "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor"]


def feedback_preprocessors(configured: list) -> list:
    names = [p if isinstance(p, str) else f"{p.__module__}.{p.__name__}" for p in configured]
    if _REDACT in names:
        return list(configured)
    at = names.index(_CLEAR) if _CLEAR in names else len(names)
    return list(configured[:at]) + [_REDACT] + list(configured[at:])


def generate_feedback(root: Path, assignment: str, students: list[str] | None = None) -> None:
    from nbgrader.converters import GenerateFeedback
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.utils import capture_log

    cfg = load_config(root)
    configured = cfg.GenerateFeedback.get("preprocessors") or _DEFAULT
    cfg.GenerateFeedback.preprocessors = feedback_preprocessors(configured)
    for student in students or ["*"]:
        coursedir = CourseDirectory(config=cfg)
        coursedir.assignment_id = assignment
        coursedir.student_id = student
        app = GenerateFeedback(coursedir=coursedir, config=cfg)
        app.force = True
        result = capture_log(app)
        if not result["success"]:
            raise SystemExit(f"generate_feedback failed:\n{result.get('log', '')[-3000:]}")
    sys.stderr.write(f"Feedback written to {Path(cfg.CourseDirectory.root) / 'feedback'}\n")
