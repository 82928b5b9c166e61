"""`release`: prove each solution earns full marks, then generate the student version.

The check autogrades the solutions notebook itself, sandboxed like a real
submission, in a temporary course copy: a test that fails against its own
solution, or an exercise that needs a file or package the sandbox lacks,
is found before students see the exercise, not after they submit.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

from nbgrader.api import Gradebook

from .course import CONFIG_FILE, Course
from .time_limits import times_for
from .worker import grade_one

CHECK_STUDENT = "solution-check"


def check_solutions(root: Path, assignment: str, sandbox: bool = True, stream=None,
                    source: Path | None = None) -> list[str]:
    """Problems found grading the solutions of `assignment` (empty: every autograded point earned).

    `source`: the folder of the solutions notebooks to grade (default: solutions/<assignment>),
    e.g. a translated one."""
    out = stream or open(os.devnull, "w")
    course = Course(root)
    source = source or course.source / assignment
    if not source.is_dir():
        return [f"no folder {source}"]
    cell_timeout, _ = times_for(course.root, assignment)
    start = time.monotonic()

    def say(text: str) -> None:
        out.write(f"  [{time.monotonic() - start:5.0f}s] {text}\n")
        out.flush()

    def cell_started(info: dict) -> None:
        if info.get("grade_id"):
            say(f"running cell {info['cell']}/{info['cells']} ({info['grade_id']})")

    with tempfile.TemporaryDirectory(prefix="ltl-release-") as tmp:
        copy = Path(tmp) / "course"
        copy.mkdir()
        shutil.copy(course.root / CONFIG_FILE, copy / CONFIG_FILE)
        shutil.copytree(source, copy / course.source.name / assignment)
        say("generating the student version in a temporary copy of the course")
        nbgrader(["generate_assignment", assignment, "--force"], copy)
        target = copy / course.submitted.name / CHECK_STUDENT / assignment
        shutil.copytree(source, target)
        base = Path(tmp) / "base.db"
        shutil.copy(copy / "gradebook.db", base)
        say(f"grading the solutions as a submission ({'sandboxed' if sandbox else 'NOT sandboxed'}, "
            f"{cell_timeout} s per cell)")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # SQLAlchemy's autoflush notes from nbgrader
            result = grade_one({"course": str(copy), "assignment": assignment, "student": CHECK_STUDENT,
                                "work": str(Path(tmp) / "work"), "base_db": str(base), "sandbox": sandbox,
                                "cell_timeout": cell_timeout}, cell_started)
        say("comparing the solutions' scores with the maximum")
        problems = list(result["flags"])
        with Gradebook(f"sqlite:///{result['gradebook']}") as gb:
            for nb in gb.find_submission(assignment, CHECK_STUDENT).notebooks:
                for grade in nb.grades:
                    if grade.auto_score is not None and grade.auto_score < grade.max_score:
                        problems.append(f"{nb.name}: {grade.name} scores {grade.auto_score:g}"
                                        f"/{grade.max_score:g} with the solution")
        return problems


def release(root: Path, assignment: str, sandbox: bool = True, stream=None, language: str | None = None) -> None:
    """Check the solutions, then generate the student version; `language` (e.g. "zh_CN"): its edition.

    An edition's source is generated from solutions/ and the exercise page's catalogue
    (translated_source.py) and released into exercises/<language>/, with the same
    assignment name and grade ids, so one gradebook grades both."""
    out = stream or sys.stderr
    course = Course(root)
    source, release_args, released = None, [], course.release / assignment
    if language:
        from .translated_source import UntranslatedBlocks, generate, source_dir
        out.write(f"Generating the {language} source of {assignment} from its catalogue...\n")
        try:
            generate(course.root, assignment, language)
        except (UntranslatedBlocks, FileNotFoundError, ValueError) as err:
            raise SystemExit(f"Not released: the {language} version of {assignment} cannot be made: {err}")
        source = course.root / source_dir(language) / assignment
        release_args = edition_args(course, language)
        released = course.release / language / assignment
    out.write(f"Checking that the solutions of {assignment} earn full marks...\n")
    problems = check_solutions(root, assignment, sandbox, out, source)
    if problems:
        raise SystemExit("Not released: grading the solutions found problems:\n  " + "\n  ".join(problems))
    out.write(f"Solutions earn full marks. Generating the student version (nbgrader generate_assignment)...\n")
    nbgrader(["generate_assignment", assignment, "--force", *release_args], course.root)
    out.write(f"Released {assignment}: {released}\n")


def edition_args(course: Course, language: str) -> list[str]:
    """nbgrader options that read solutions_<language>/ and write exercises/<language>/."""
    from .translated_source import source_dir

    return [f"--CourseDirectory.source_directory={source_dir(language)}",
            f"--CourseDirectory.release_directory={course.release.name}/{language}"]


def nbgrader(args: list[str], cwd: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=cwd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"nbgrader {' '.join(args)} failed:\n{proc.stdout[-3000:]}{proc.stderr[-3000:]}")
