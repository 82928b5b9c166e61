"""Does a class work on the course's JupyterHub, end to end, in a browser?

A real JupyterHub (hub/jupyterhub_config.py: PAM logins, local users'
servers, configurable-http-proxy) on free ports of 127.0.0.1, one instructor
and two students created as local users for this run, nbgrader's exchange in
a temporary folder. In headless Chromium, as each person: the instructor
releases exercise 1 into the exchange from a terminal of their
JupyterLab; each student logs in on the hub's page, fetches it in the
Assignments panel, answers (one everything right, one partly), validates and
submits; the instructor collects, autogrades with the course's sandboxed
grading, writes and releases feedback; each student fetches feedback.
Then, as each student (commands run as that user): no reading others'
submissions, the instructor's course directory or the gradebook.

Runs as root (it creates users and the hub checks passwords with PAM);
removes its users, their homes and processes, the hub and the proxy.
"""
from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import pytest

import hub_pages as ui
from browser import ARTIFACTS, chromium, screenshot
from hub import PROXY, Hub, as_user, can_read, local_users, user_prefix
from notebooks import ROOT
from system_packages import ensure

pytestmark = [
    pytest.mark.browser, pytest.mark.slow, pytest.mark.hub, pytest.mark.xdist_group("hub"),
    pytest.mark.timeout(2400),  # the whole class runs in the first test's set-up; a busy machine is slow
    pytest.mark.skipif(os.geteuid() != 0, reason="creates local users and runs JupyterHub with PAM: needs root"),
]

ASSIGNMENT = "ex1_tensors"
TIMINGS = ARTIFACTS.parent / "hub" / "timings.json"


def solution_cells() -> dict[str, str]:
    """grade_id -> the solution cell's source without nbgrader's solution markers."""
    nb = nbformat.read(ROOT / "solutions" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    found = {}
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "code" and meta.get("solution"):
            lines = [line for line in cell.source.splitlines() if "### BEGIN SOLUTION" not in line
                     and "### END SOLUTION" not in line]
            found[meta["grade_id"]] = "\n".join(lines)
    return found


def test_points() -> dict[str, float]:
    """grade_id of each autograded test cell -> its points."""
    nb = nbformat.read(ROOT / "solutions" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    return {c.metadata["nbgrader"]["grade_id"]: float(c.metadata["nbgrader"]["points"]) for c in nb.cells
            if c.metadata.get("nbgrader", {}).get("grade") and c.cell_type == "code"
            and not c.metadata["nbgrader"].get("solution")}  # a graded answer is graded by hand


test_points.__test__ = False  # a helper, not a test


def answers(plan: str) -> dict[str, str]:
    """What a student types: every question right, or the first two right and the third wrong."""
    right = solution_cells()
    if plan == "right":
        return right
    return {"q_1": right["q_1"], "q_2": right["q_2"],
            "q_3": "predicted_shape = (65, 20, 14)"}


EXPECTED_SCORE = {"right": sum(test_points().values()),
                  "partly": test_points()["q_1_test"] + test_points()["q_2_test"]}


@pytest.fixture(scope="module")
def run(request):
    """The whole class, once: users, hub, browser; yields what each person saw and where things are."""
    if not PROXY.exists():
        pytest.fail(f"configurable-http-proxy is not installed at {PROXY}: run `make proxy`")
    ensure("patchelf", "patchelf")  # to share a Python that lives in a private home (hub/shared_python.py)
    for parent in Path(sys.prefix).resolve().parents:
        if not os.stat(parent).st_mode & 0o001:
            pytest.fail(f"the hub's users cannot use this environment: {parent} is not searchable by others")
    work = Path(tempfile.mkdtemp(prefix="ltl-hub-"))
    os.chmod(work, 0o755)
    prefix = user_prefix()
    instructor = f"{prefix}i"
    students = {f"{prefix}s1": "right", f"{prefix}s2": "partly"}
    password = secrets.token_urlsafe(16)
    seen = {"instructor": instructor, "students": students, "exchange": work / "exchange",
            "seconds": {}, "menus": {}, "validate": {}, "feedback": {}, "formgrader": {},
            "create_assignment": {}}
    try:
        with local_users([instructor, *students], password), \
                Hub(work, {"instructors": [instructor], "students": list(students)}, work / "exchange") as hub, \
                chromium() as browser:
            try:
                _class_session(browser, hub, password, seen)
            except BaseException:
                for i, context in enumerate(browser.contexts):
                    for j, page in enumerate(context.pages):
                        screenshot(page, f"hub-failed-{i}-{j}", full_page=True)
                (ARTIFACTS.parent / "hub").mkdir(parents=True, exist_ok=True)
                (ARTIFACTS.parent / "hub" / "jupyterhub.log").write_text(hub.log())
                (ARTIFACTS.parent / "hub" / "seen.txt").write_text(repr(seen))
                raise
            yield seen
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _timed(seen, key):
    class _Timer:
        def __enter__(self):
            self.start = time.perf_counter()

        def __exit__(self, *exc):
            seen["seconds"][key] = round(time.perf_counter() - self.start, 1)
    return _Timer()


def _class_session(browser, hub, password, seen):
    instructor = seen["instructor"]
    home = Path(os.path.expanduser(f"~{instructor}"))
    with _timed(seen, "instructor_release"):
        teacher = ui.log_in(browser, hub.url, instructor, password)
        seen["menus"][instructor] = ui.menu_items(teacher, "Nbgrader")
        seen["formgrader"][instructor] = teacher.request.get(f"{hub.url}/user/{instructor}/formgrader").status
        seen["create_assignment"][instructor] = ui.side_panels(teacher).count("Create Assignment")
        # exercises/ of the course copy is generated already (its checked release is tested
        # elsewhere); generating again records the assignment in the instructor's gradebook.
        seen["release_rc"] = ui.run_in_terminal(
            teacher, f"cd ~/course && (nbgrader generate_assignment {ASSIGNMENT} --force"
                     f" && nbgrader release_assignment {ASSIGNMENT}) > ~/release.log 2>&1",
            home / ".release.rc")
        seen["release_log"] = (home / "release.log").read_text()
        if seen["release_rc"] != 0:
            raise RuntimeError(f"the instructor's release failed:\n{seen['release_log']}")
        screenshot(teacher, "hub-instructor-release")

    for student, plan in seen["students"].items():
        with _timed(seen, f"student_{plan}_submit"):
            page = ui.log_in(browser, hub.url, student, password)
            seen["menus"][student] = ui.menu_items(page, "Nbgrader")
            seen["formgrader"][student] = page.request.get(f"{hub.url}/user/{student}/formgrader").status
            ui.open_assignments(page)
            ui.fetch_released(page, ASSIGNMENT)
            ui.open_notebook(page, student, f"{ASSIGNMENT}/{ASSIGNMENT}.ipynb")
            seen.setdefault("validate_button", {})[student] = page.locator(
                ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Toolbar").get_by_text("Validate").count()
            seen["create_assignment"][student] = ui.side_panels(page).count("Create Assignment")
            released = nbformat.read(ROOT / "exercises" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
            first_lines = {c.metadata.get("nbgrader", {}).get("grade_id"): c.source.splitlines()[0]
                           for c in released.cells if c.cell_type == "code" and c.source}
            for grade_id, source in answers(plan).items():
                ui.replace_cell(page, first_lines[grade_id], source)
            ui.save(page)
            _wait_saved(Path(os.path.expanduser(f"~{student}")) / ASSIGNMENT / f"{ASSIGNMENT}.ipynb",
                        answers(plan)["q_2"])
            seen["validate"][student] = ui.validate(page)
            screenshot(page, f"hub-{plan}-validated")
            ui.open_assignments(page)
            ui.submit_fetched(page, ASSIGNMENT)
            screenshot(page, f"hub-{plan}-submitted")
            page.context.close()

    with _timed(seen, "instructor_grade_and_feedback"):
        grading = "python -m learntools_lite.grading"
        seen["grade_rc"] = ui.run_in_terminal(
            teacher, f"cd ~/course && (nbgrader collect {ASSIGNMENT} && {grading} autograde {ASSIGNMENT}"
                     f" && {grading} feedback {ASSIGNMENT} --allow-pending"
                         f" && nbgrader release_feedback {ASSIGNMENT})"
                     " > ~/grade.log 2>&1", home / ".grade.rc")
        seen["grade_log"] = (home / "grade.log").read_text()
        if seen["grade_rc"] != 0:
            raise RuntimeError(f"the instructor's grading failed:\n{seen['grade_log']}")
        screenshot(teacher, "hub-instructor-graded")
        teacher.context.close()

    for student, plan in seen["students"].items():
        with _timed(seen, f"student_{plan}_feedback"):
            page = ui.log_in(browser, hub.url, student, password)
            ui.open_assignments(page)
            ui.fetch_feedback(page, ASSIGNMENT)
            screenshot(page, f"hub-{plan}-feedback")
            feedback = Path(os.path.expanduser(f"~{student}")) / ASSIGNMENT / "feedback"
            seen["feedback"][student] = sorted(feedback.rglob("*.html")) if feedback.is_dir() else []
            page.context.close()
    TIMINGS.parent.mkdir(parents=True, exist_ok=True)
    TIMINGS.write_text(json.dumps({"students": len(seen["students"]), "seconds": seen["seconds"]}, indent=1))


def _wait_saved(path: Path, text: str, timeout: float = 60) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if path.exists() and text.splitlines()[1].strip() in path.read_text():
            return
        time.sleep(0.5)
    raise AssertionError(f"the answers never reached {path}")


def _score(run, student) -> float:
    from nbgrader.api import Gradebook

    db = Path(os.path.expanduser(f"~{run['instructor']}")) / "course" / "gradebook.db"
    with Gradebook(f"sqlite:///{db}") as gb:
        return gb.find_submission(ASSIGNMENT, student).score


def test_the_instructor_releases_into_the_exchange(run):
    assert run["release_rc"] == 0, run["release_log"]
    outbound = run["exchange"] / "dl-from-the-math-up" / "outbound" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    assert outbound.is_file(), run["release_log"]


def test_each_student_validates_and_the_verdict_matches_the_answers(run):
    """Right code passes every test (only the written answer, left for the instructor, is missing);
    the partly right notebook fails the test of its wrong answer."""
    for student, plan in run["students"].items():
        verdict = run["validate"][student]
        if plan == "right":
            assert "Autograder test" not in verdict, (student, verdict)
            assert verdict.startswith("success") or "You did not provide a response" in verdict, verdict
        else:
            assert verdict.startswith("error") and "Autograder test for q_3" in verdict, (student, verdict)
            assert "Autograder test for q_1" not in verdict and "Autograder test for q_2" not in verdict


def test_autograde_scores_each_submission_by_its_answers(run):
    assert run["grade_rc"] == 0, run["grade_log"]
    for student, plan in run["students"].items():
        assert _score(run, student) == pytest.approx(EXPECTED_SCORE[plan]), (student, plan, run["grade_log"])
    assert "sandbox" in run["grade_log"].lower(), run["grade_log"]


def test_each_student_fetches_only_their_own_feedback(run):
    for student, plan in run["students"].items():
        files = run["feedback"][student]
        assert len(files) == 1, (student, files)
        html = files[0].read_text()
        total = re.search(r"Score:\s*([\d.]+)\s*/\s*([\d.]+)", html)
        assert total and float(total.group(1)) == pytest.approx(EXPECTED_SCORE[plan]), (student, total)
        assert "### BEGIN HIDDEN TESTS" not in html
        others = [s for s in run["students"] if s != student]
        for other in others:
            assert not can_read(student, run["feedback"][other][0]), f"{student} reads {other}'s feedback"
        assert can_read(student, files[0])  # the check itself can see a readable file


def test_students_cannot_read_submissions_course_or_gradebook(run):
    course_exchange = run["exchange"] / "dl-from-the-math-up"
    course_dir = Path(os.path.expanduser(f"~{run['instructor']}")) / "course"
    for student in run["students"]:
        assert can_read(student, course_exchange / "outbound" / ASSIGNMENT), "released files are readable"
        for private in (course_exchange / "inbound", course_exchange / "feedback", course_dir,
                        course_dir / "gradebook.db", course_dir / "solutions" / ASSIGNMENT,
                        course_dir / "submitted"):
            assert not can_read(student, private), f"{student} can read {private}"
        for other in run["students"]:
            if other != student:
                other_home = Path(os.path.expanduser(f"~{other}"))
                assert not can_read(student, other_home / ASSIGNMENT), f"{student} reads {other}'s work"
                assert not can_read(student, other_home / ".local"), f"{student} reads {other}'s cache"
        # Nor plant a file among the released assignments.
        probe = as_user(student, ["touch", str(course_exchange / "outbound" / "planted")], check=False)
        assert probe.returncode != 0, "a student can write into the released assignments"


def test_students_see_learner_tools_only_and_the_instructor_sees_the_formgrader(run):
    instructor = run["instructor"]
    assert "Formgrader" in run["menus"][instructor], run["menus"][instructor]
    assert run["formgrader"][instructor] == 200
    assert run["create_assignment"][instructor] >= 1, "the instructor has no Create Assignment panel"
    for student in run["students"]:
        menu = run["menus"][student]
        assert "Assignment List" in menu, menu
        assert "Formgrader" not in menu and "Course List" not in menu, menu
        assert run["formgrader"][student] == 404, "the formgrader answers in a student's server"
        assert run["validate_button"][student] >= 1, "no Validate button"
        assert run["create_assignment"][student] == 0, "Create Assignment is offered to a student"
