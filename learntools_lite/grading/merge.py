"""Copy one graded submission from a worker's gradebook into the course gradebook.

Each worker grades in a copy of the gradebook (taken before grading began),
so nbgrader itself writes every grade, comment and flag; the parent process
then copies that submission's rows, unchanged, into `gradebook.db`, one
submission at a time. The course gradebook therefore ends up with exactly the
rows sequential `nbgrader autograde` would write (ids are nbgrader's own
uuids, so the copies cannot collide), and only one process ever writes it.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

# Child tables first when deleting; parents first when inserting.
_SUBMISSION_ROWS = {
    "submitted_assignment": "id IN ({sa})",
    "submitted_notebook": "assignment_id IN ({sa})",
    "grade": "notebook_id IN (SELECT id FROM {db}.submitted_notebook WHERE assignment_id IN ({sa}))",
    "comment": "notebook_id IN (SELECT id FROM {db}.submitted_notebook WHERE assignment_id IN ({sa}))",
}


def _submission_ids(db: str) -> str:
    return (f"SELECT s.id FROM {db}.submitted_assignment s JOIN {db}.assignment a "
            f"ON s.assignment_id = a.id WHERE a.name = :assignment AND s.student_id = :student")


def merge_submission(course_db: Path, worker_db: Path, assignment: str, student: str) -> None:
    """Replace `student`'s submission of `assignment` in `course_db` by the one in `worker_db`."""
    con = sqlite3.connect(course_db, timeout=60, isolation_level=None)
    try:
        con.execute("ATTACH DATABASE ? AS part", (str(worker_db),))
        args = {"assignment": assignment, "student": student}
        con.execute("BEGIN IMMEDIATE")
        con.execute("INSERT OR REPLACE INTO main.student SELECT * FROM part.student WHERE id = :student", args)
        for table, where in reversed(_SUBMISSION_ROWS.items()):
            con.execute(f"DELETE FROM main.{table} WHERE "
                        + where.format(db="main", sa=_submission_ids("main")), args)
        for table, where in _SUBMISSION_ROWS.items():
            con.execute(f"INSERT INTO main.{table} SELECT * FROM part.{table} WHERE "
                        + where.format(db="part", sa=_submission_ids("part")), args)
        con.execute("COMMIT")
    except BaseException:
        if con.in_transaction:
            con.execute("ROLLBACK")
        raise
    finally:
        con.close()
