"""`collect`: put students' notebooks where nbgrader expects them, submitted/<student>/<assignment>/.

Accepted: a folder (or a .zip of one) holding `<student>.ipynb` files, or
`<student>/` folders with the notebook (and any files next to it). A lone
notebook under another name (`Untitled.ipynb`, `ex1 (1).ipynb`) keeps its
name here and is reported; autograde grades it as the assignment's notebook
and flags it (report and grades.csv), so the instructor sees it where grades are. For nbgrader's own exchange
(JupyterHub), use `nbgrader collect` instead; this command is for
notebooks that arrive by LMS download or e-mail.
"""
from __future__ import annotations

import re
import shutil
import sys
import tempfile
import zipfile
from datetime import datetime, timezone
from pathlib import Path

from .course import Course, copy_plain

_STUDENT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.@+-]*$")


def collect(root: Path, assignment: str, source: Path, stream=None) -> list[str]:
    """Copy submissions from `source` into submitted/; returns one line per student."""
    out = stream or sys.stderr
    course = Course(root)
    expected = course.notebooks(assignment)
    if source.is_file() and source.suffix == ".zip":
        with tempfile.TemporaryDirectory(prefix="ltl-collect-") as tmp:
            with zipfile.ZipFile(source) as z:
                for member in z.infolist():  # no absolute paths or ../ out of the folder
                    if not member.filename.startswith("/") and ".." not in Path(member.filename).parts:
                        z.extract(member, tmp)
            entries = [p for p in Path(tmp).iterdir() if not p.name.startswith((".", "__MACOSX"))]
            base = entries[0] if len(entries) == 1 and entries[0].is_dir() and not _looks_like_student(
                entries[0], expected) else Path(tmp)
            return collect(root, assignment, base, stream)
    lines = []
    for entry in sorted(source.iterdir()):
        if entry.name.startswith(".") or entry.is_symlink():
            continue
        student = entry.stem if entry.is_file() else entry.name
        if not _STUDENT_ID.match(student):
            lines.append(f"skipped {entry.name}: not a usable student id")
            continue
        dest = course.submitted / student / assignment
        if dest.exists():
            shutil.rmtree(dest)
        dest.mkdir(parents=True)
        if entry.is_file() and entry.suffix == ".ipynb":
            mtime = entry.stat().st_mtime
            shutil.copy(entry, dest / f"{expected[0] if len(expected) == 1 else entry.stem}.ipynb")
            note = ""
        elif entry.is_dir():
            inner = entry / assignment if (entry / assignment).is_dir() else entry
            copy_plain(inner, dest)
            mtime = max((p.stat().st_mtime for p in inner.rglob("*") if p.is_file()), default=0)
            note = _lone_notebook_note(dest, expected)
        else:
            shutil.rmtree(dest)
            continue
        stamp = datetime.fromtimestamp(mtime, timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f %Z")
        (dest / "timestamp.txt").write_text(stamp)
        lines.append(f"{student}: collected{note}")
    for line in lines:
        out.write(line + "\n")
    return lines


def _looks_like_student(folder: Path, expected: list[str]) -> bool:
    return any((folder / f"{name}.ipynb").exists() for name in expected)


def _lone_notebook_note(dest: Path, expected: list[str]) -> str:
    """Say how a notebook under the student's own name will be graded (autograde renames and flags it)."""
    found = [p for p in dest.glob("*.ipynb")]
    if len(expected) == 1 and len(found) == 1 and found[0].stem != expected[0]:
        return f" ({found[0].name} will be graded as {expected[0]}.ipynb, flagged in the autograde report)"
    missing = [n for n in expected if not (dest / f"{n}.ipynb").exists()]
    return f" (missing: {', '.join(n + '.ipynb' for n in missing)})" if missing else ""
