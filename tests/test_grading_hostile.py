"""Do broken and hostile submissions get graded as far as possible, flagged, and harm nobody?

One batch of real submissions of ex1_tensors, each broken or hostile in one
way, graded end to end with `python -m learntools_lite.grading autograde` on
a temporary copy of the course. Each test checks one submission's outcome;
all of them check that the secrets of the course stayed secret.
"""
from __future__ import annotations

import copy
import csv
import json
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

import nbformat
import pytest
from nbgrader.api import Gradebook

from notebooks import ROOT, nbgrader
from system_packages import available

pytestmark = [pytest.mark.slow, pytest.mark.skipif(
    not available("bwrap", "bubblewrap"), reason="bubblewrap is not installed (apt-get install -y bubblewrap)")]

ASSIGNMENT = "ex1_tensors"
SOLUTION = ROOT / "solutions" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
HIDDEN_LINE = "assert np.allclose(np.asarray(batch) * 255, train_images[:4])"  # a hidden test of q_1


def make_course(tmp: Path) -> Path:
    """A released copy of the course (solutions/, exercises/, gradebook.db) in `tmp`."""
    course = tmp / "course"
    course.mkdir()
    shutil.copy(ROOT / "nbgrader_config.py", course)
    shutil.copytree(ROOT / "solutions" / ASSIGNMENT, course / "solutions" / ASSIGNMENT)
    nbgrader("generate_assignment", ASSIGNMENT, "--force", cwd=course)
    return course


def solution() -> nbformat.NotebookNode:
    return nbformat.read(SOLUTION, as_version=4)


def cell(nb, grade_id):
    return next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)


def with_code(grade_id: str, code: str) -> nbformat.NotebookNode:
    """The solution with `code` run at the top of the solution cell `grade_id`."""
    nb = solution()
    target = cell(nb, grade_id)
    target.source = code + "\n" + target.source
    return nb


def submit(course: Path, student: str, nb=None, name: str = f"{ASSIGNMENT}.ipynb", raw: str | None = None):
    folder = course / "submitted" / student / ASSIGNMENT
    folder.mkdir(parents=True, exist_ok=True)
    if raw is not None:
        (folder / name).write_text(raw)
    elif nb is not None:
        nbformat.write(nb, folder / name)


def probe_code(course: Path, port: int) -> str:
    """Code that tries every way out of the sandbox and prints what it got."""
    return f"""
import os, socket, sqlite3
_got = []
for _p in [{str(course / 'solutions' / ASSIGNMENT / (ASSIGNMENT + '.ipynb'))!r},
           '../../../solutions/{ASSIGNMENT}/{ASSIGNMENT}.ipynb', '../../solutions/{ASSIGNMENT}/{ASSIGNMENT}.ipynb',
           {str(course / 'gradebook.db')!r}, '../../../gradebook.db', '{ASSIGNMENT}.ipynb',
           '../../alice/{ASSIGNMENT}/{ASSIGNMENT}.ipynb', {str(course / 'submitted' / 'good' / ASSIGNMENT / (ASSIGNMENT + '.ipynb'))!r}]:
    try:
        _got.append('READ ' + open(_p, 'rb').read().decode('latin1'))
    except Exception as _e:
        _got.append('DENIED ' + type(_e).__name__)
try:
    _c = sqlite3.connect({str(course / 'gradebook.db')!r}); _c.execute('UPDATE grade SET auto_score = 200'); _c.commit()
    _got.append('DB WRITTEN')
except Exception as _e:
    _got.append('DB DENIED ' + type(_e).__name__)
for _w in [{str(course / 'pwned.txt')!r}, '../../../pwned.txt', '../../pwned.txt', '/tmp/pwned-ltl-test.txt']:
    try:
        open(_w, 'w').write('pwned')
    except Exception as _e:
        pass
try:
    socket.create_connection(('127.0.0.1', {port}), timeout=3).sendall(b'pwned')
    _got.append('NET OPEN')
except Exception as _e:
    _got.append('NET DENIED ' + type(_e).__name__)
print('\\n'.join(_got))
"""


CASES = {
    # student: (builder(course, port) -> None, expected state, expected score or None)
    "good": (lambda c, p: submit(c, "good", solution()), "graded", 11),
    "probe": (lambda c, p: submit(c, "probe", with_code("q_1", probe_code(c, p))), "graded", 11),
    "invalid_json": (lambda c, p: submit(c, "invalid_json", raw='{"cells": [ not json'), "NOT GRADED", None),
    "renamed": (lambda c, p: submit(c, "renamed", solution(), name="Untitled.ipynb"), "flagged", 11),
    "missing": (lambda c, p: (c / "submitted" / "missing" / ASSIGNMENT).mkdir(parents=True), "NOT GRADED", None),
    "deleted_cell": (lambda c, p: submit(c, "deleted_cell", _without(solution(), "q_1_test")), "flagged", 9),
    "edited_locked": (lambda c, p: submit(c, "edited_locked", _edit_locked(solution())), "flagged", 10),
    "infinite_loop": (lambda c, p: submit(c, "infinite_loop", with_code("q_3", "while True:\n    pass")),
                      "flagged", 10),
    "ignores_sigint": (lambda c, p: submit(c, "ignores_sigint", with_code(
        "q_3", "import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\nwhile True:\n    pass")), "flagged", 3),
    "os_exit": (lambda c, p: submit(c, "os_exit", with_code("q_3", "import os\nos._exit(1)")), "flagged", 3),
    "segfault": (lambda c, p: submit(c, "segfault", with_code("q_3", "import ctypes\nctypes.string_at(0)")),
                 "flagged", 3),
    "memory_bomb": (lambda c, p: submit(c, "memory_bomb", with_code(
        "q_3", "_hog = []\nwhile True:\n    _hog.append(bytearray(50_000_000))")), None, None),
    "fork_bomb": (lambda c, p: submit(c, "fork_bomb", with_code("q_3", "import os\nwhile True:\n    os.fork()")),
                  None, None),
    # Captures the hidden tests while they run (IPython's input history) and prints them.
    "spy": (lambda c, p: submit(c, "spy", with_code("q_6", "print('\\n'.join(In))")), "graded", 11),
    "output_flood": (lambda c, p: submit(c, "output_flood", with_code(
        "q_3", "for _ in range(100):\n    print('x' * 1_000_000)")), "flagged", 11),
}


def _without(nb, grade_id):
    nb.cells = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") != grade_id]
    return nb


def _edit_locked(nb):
    """A wrong answer to q_2 and its test cell replaced by `pass` (which would give the points)."""
    cell(nb, "q_2").source = "series_shape = (1, 2, 3)"
    cell(nb, "q_2_test").source = "pass"
    return nb


class Listener:
    """A TCP server on the grader's loopback that records whether anyone connected."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.sock.settimeout(0.5)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.running = True
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while self.running:
            try:
                conn, _ = self.sock.accept()
                self.connections += 1
                conn.close()
            except OSError:
                pass

    def close(self):
        self.running = False
        self.sock.close()


def grades(course: Path) -> dict:
    """{(student, cell): (auto_score, manual_score, needs_manual_grade)} of every graded cell."""
    out = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        for sub in gb.assignment_submissions(ASSIGNMENT):
            for nb in sub.notebooks:
                for g in nb.grades:
                    out[sub.student_id, g.name] = (g.auto_score, g.manual_score, g.needs_manual_grade)
    return out


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    course = make_course(tmp_path_factory.mktemp("hostile"))
    # Someone graded earlier: their grades must not move.
    submit(course, "alice", solution())
    nbgrader("autograde", ASSIGNMENT, "--force", cwd=course)
    before = grades(course)
    listener = Listener()
    for build, _, _ in CASES.values():
        build(course, listener.port)
    Path("/tmp/pwned-ltl-test.txt").unlink(missing_ok=True)
    proc = subprocess.run(
        [sys.executable, "-m", "learntools_lite.grading", "--course", str(course), "autograde", ASSIGNMENT,
         *[a for s in CASES for a in ("--student", s)], "--workers", "2", "--cell-timeout", "30",
         "--time-limit", "300", "--memory-mb", "2048", "--processes", "64"],
        capture_output=True, text=True, timeout=1800)
    listener.close()
    with open(course / "autograded" / f"{ASSIGNMENT}-report.tsv", newline="") as f:
        report = {r["student"]: r for r in csv.DictReader(f, delimiter="\t")}
    yield course, report, before, listener, proc


@pytest.mark.parametrize("student", list(CASES))
def test_submission_outcome(graded, student):
    """Is each broken or hostile submission graded as far as possible and flagged?"""
    course, report, _, _, proc = graded
    row = report[student]
    _, state, score = CASES[student]
    if state:
        assert row["state"] == state, (row, proc.stderr[-3000:])
    else:  # limits hit in a machine-dependent way: graded or flagged, never lost
        assert row["state"] in ("graded", "flagged"), row
    if score is not None:
        assert float(row["score"]) == score, row
    if state != "graded":
        assert row["flags"], row


def test_earlier_grades_unchanged(graded):
    """Are the grades of a student graded before the hostile batch untouched?"""
    course, _, before, _, _ = graded
    after = grades(course)
    assert {k: v for k, v in after.items() if k[0] == "alice"} == before


def test_no_secret_was_readable(graded):
    """Could the probe read solutions/, gradebook.db, the restored notebook or another student's work?"""
    course, _, _, _, _ = graded
    nb = nbformat.read(course / "autograded" / "probe" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    text = "".join(o.get("text", "") for o in cell(nb, "q_1").outputs)
    assert text.count("DENIED") == 8 + 1 + 1, text[:3000]  # 8 files, the gradebook, the network
    assert "READ" not in text and "DB WRITTEN" not in text and "NET OPEN" not in text
    assert HIDDEN_LINE not in text


def test_nothing_written_outside(graded):
    """Did any write of the probe land outside its sandbox?"""
    course, _, _, listener, _ = graded
    assert not list(course.rglob("pwned*")) and not list(course.parent.rglob("pwned*"))
    assert not Path("/tmp/pwned-ltl-test.txt").exists()
    assert listener.connections == 0


def test_gradebook_not_rewritten(graded):
    """Did the probe's UPDATE grade SET auto_score = 200 reach the gradebook?"""
    course, _, _, _, _ = graded
    assert all((v[0] or 0) <= 2 for v in grades(course).values())


def test_flood_did_not_reach_the_notebook(graded):
    """Is the 100 MB of output cut to the limit in the graded notebook?"""
    course, _, _, _, _ = graded
    path = course / "autograded" / "output_flood" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    assert path.stat().st_size < 5_000_000


def test_feedback_never_shows_hidden_tests(graded):
    """Does generated feedback leave out hidden tests, also when a submission printed them?"""
    course, _, _, _, _ = graded
    autograded = (course / "autograded" / "spy" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").read_text()
    assert HIDDEN_LINE in json.loads(json.dumps(autograded))  # the spy did capture it
    # ex1's written answer (q_8) is graded by hand: feedback is sent before that only when asked.
    students = ("spy", "good", "deleted_cell")
    subprocess.run([sys.executable, "-m", "learntools_lite.grading", "--course", str(course), "feedback",
                    ASSIGNMENT, "--allow-pending", *[a for s in students for a in ("--student", s)]],
                   check=True, capture_output=True, timeout=900)
    for student in students:
        html = (course / "feedback" / student / ASSIGNMENT / f"{ASSIGNMENT}.html").read_text()
        assert "BEGIN HIDDEN TESTS" not in html
        assert "train_images[:4])" not in html and "_x[i, ch, r, k]" not in html
