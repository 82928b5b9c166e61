"""`export`: nbgrader's grades CSV, plus what an instructor must know before using a grade.

nbgrader's CSV exporter writes a score per student and assignment, and a
submission that could not be graded, or that waits for manual grading,
looks like any other score. This exporter (an nbgrader export plugin, run by
`nbgrader export`) adds three columns:

- `needs_manual_grade`: `yes` while a hand-graded answer has no grade yet
  (the score then leaves it out);
- `status`: `graded`, `flagged` (graded as far as possible, look at the
  reason), `not graded`, or `not submitted`, from autograde's report
  (`autograded/<assignment>-report.tsv`); a submission autograded by plain
  nbgrader has no report line and shows `graded`;
- `reason`: the report's flags, word for word.
"""
from __future__ import annotations

import csv
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.plugins import CsvExportPlugin

COLUMNS = ["assignment", "duedate", "timestamp", "student_id", "last_name", "first_name", "email",
           "raw_score", "late_submission_penalty", "score", "max_score", "needs_manual_grade", "status", "reason"]


def waiting_for_manual_grade(submission) -> int:
    """Hand-graded answers of an nbgrader submission that have no manual grade yet.

    The formgrader clears `needs_manual_grade` when it saves a grade; a grade
    written with nbgrader's API may only set `manual_score`: either counts.
    """
    return sum(1 for nb in submission.notebooks for g in nb.grades
               if g.needs_manual_grade and g.manual_score is None)


def read_report(path: Path) -> dict[str, dict]:
    """{student: row} of an autograde report, or {} if there is none."""
    if not path.is_file():
        return {}
    with open(path, newline="") as f:
        return {row["student"]: row for row in csv.DictReader(f, delimiter="\t")}


def status_of(report_row: dict | None, submitted: bool) -> tuple[str, str]:
    if report_row is None:
        return ("graded", "") if submitted else ("not submitted", "")
    state = report_row["state"]
    return ("not graded" if state == "NOT GRADED" else state), report_row.get("flags", "")


class StatusCsvExport(CsvExportPlugin):
    """nbgrader's CSV export with needs_manual_grade, status and reason columns."""

    def export(self, gradebook: Gradebook) -> None:
        dest = self.to or "grades.csv"
        students = {str(s) for s in self.student}
        assignments = {str(a) for a in self.assignment}
        reports_dir = Path(self.parent.coursedir.root) / self.parent.coursedir.autograded_directory \
            if self.parent is not None else Path("autograded")
        self.log.info("Exporting grades to %s", dest)
        with open(dest, "w", newline="") as fh:
            out = csv.DictWriter(fh, COLUMNS)
            out.writeheader()
            for assignment in gradebook.assignments:
                if assignments and assignment.name not in assignments:
                    continue
                report = read_report(reports_dir / f"{assignment.name}-report.tsv")
                for student in gradebook.students:
                    if students and student.id not in students:
                        continue
                    out.writerow(self._row(gradebook, assignment, student, report.get(student.id)))

    @staticmethod
    def _row(gradebook: Gradebook, assignment, student, report_row: dict | None) -> dict:
        row = {"assignment": assignment.name, "duedate": assignment.duedate or "", "student_id": student.id,
               "last_name": student.last_name or "", "first_name": student.first_name or "",
               "email": student.email or "", "max_score": assignment.max_score}
        try:
            sub = gradebook.find_submission(assignment.name, student.id)
        except MissingEntry:
            row.update(timestamp="", raw_score=0.0, late_submission_penalty=0.0, score=0.0,
                       needs_manual_grade="")
            submitted = False
        else:
            penalty = sub.late_submission_penalty or 0.0
            row.update(timestamp=sub.timestamp or "", raw_score=sub.score, late_submission_penalty=penalty,
                       score=max(0.0, sub.score - penalty),
                       needs_manual_grade="yes" if waiting_for_manual_grade(sub) else "no")
            submitted = True
        row["status"], row["reason"] = status_of(report_row, submitted)
        return row
