"""Fast checks of the grading package's parts: feedback preprocessors, gradebook merge,
collect, the CLI, and the refusal to grade without a sandbox."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook, new_output

from learntools_lite.grading.feedback import RedactHiddenTests, ShortenTestTracebacks
from learntools_lite.grading.feedback_command import feedback_preprocessors
from learntools_lite.grading.merge import merge_submission
from learntools_lite.grading.sandbox import Sandbox, SandboxUnavailable
from notebooks import ROOT

TEST = "assert f(2) == 4\n### BEGIN HIDDEN TESTS\nassert f(3) == 9, 'secret check'\n### END HIDDEN TESTS"


def graded_notebook():
    test = new_code_cell(TEST, metadata={"nbgrader": {"grade": True, "grade_id": "t", "points": 1}})
    test.outputs = [new_output("error", ename="AssertionError", evalue="secret check", traceback=[
        "----", "assert f(3) == 9, 'secret check'", "AssertionError: secret check"])]
    spy = new_code_cell("print(In)")
    spy.outputs = [new_output("stream", name="stdout", text="x = 1\n" + TEST + "\n")]
    return new_notebook(cells=[spy, test])


def test_feedback_preprocessors_are_enabled():
    """Do our feedback preprocessors run when nbgrader registers them (nbconvert's default is off)?"""
    assert ShortenTestTracebacks().enabled and RedactHiddenTests().enabled


def test_redact_removes_hidden_lines_from_every_output():
    """Is a hidden test printed by the submission, or quoted in a traceback, blanked?"""
    nb, _ = RedactHiddenTests()(graded_notebook(), {})
    text = nbformat.writes(nb)
    outputs = "".join(nbformat.writes(new_notebook(cells=[c])) for c in nb.cells if c.get("outputs"))
    assert "f(3) == 9" in text  # still in the test cell's source, which ClearHiddenTests removes next
    assert "f(3) == 9" not in "".join(o.get("text", "") + "".join(o.get("traceback", []))
                                      for c in nb.cells for o in c.outputs)
    assert "BEGIN HIDDEN TESTS" not in nb.cells[0].outputs[0].text
    assert "x = 1" in outputs


def test_shorten_keeps_only_the_last_line():
    """Does a failing test cell's traceback shrink to its message?"""
    nb, _ = ShortenTestTracebacks()(graded_notebook(), {})
    assert nb.cells[1].outputs[0].traceback[0] == "AssertionError: secret check"


def test_redaction_goes_before_clear_hidden_tests():
    """Is RedactHiddenTests inserted just before ClearHiddenTests (which removes the markers it needs),
    the students' marker text neutralised first, and the pending-manual note added last?"""
    order = feedback_preprocessors(["a.GetGrades", "nbgrader.preprocessors.ClearHiddenTests", "z.CSS"])
    assert order == ["learntools_lite.grading.feedback.NeutraliseStudentMarkers", "a.GetGrades",
                     "learntools_lite.grading.feedback.RedactHiddenTests",
                     "nbgrader.preprocessors.ClearHiddenTests", "z.CSS",
                     "learntools_lite.grading.feedback_command.PendingManualNote"]


def _db(path: Path, score: float, student="bob"):
    con = sqlite3.connect(path)
    con.executescript("""
        CREATE TABLE IF NOT EXISTS student (id PRIMARY KEY, first_name, last_name, email, lms_user_id);
        CREATE TABLE IF NOT EXISTS assignment (id PRIMARY KEY, name);
        CREATE TABLE IF NOT EXISTS submitted_assignment (id PRIMARY KEY, assignment_id, student_id, timestamp);
        CREATE TABLE IF NOT EXISTS submitted_notebook (id PRIMARY KEY, assignment_id, notebook_id);
        CREATE TABLE IF NOT EXISTS grade (id PRIMARY KEY, notebook_id, cell_id, auto_score);
        CREATE TABLE IF NOT EXISTS comment (id PRIMARY KEY, notebook_id, cell_id, auto_comment);
        INSERT OR IGNORE INTO assignment VALUES ('A', 'ex1');""")
    sid = f"{student}-{score}"
    con.execute("INSERT INTO student VALUES (?, NULL, NULL, NULL, NULL)", (student,))
    con.execute("INSERT INTO submitted_assignment VALUES (?, 'A', ?, NULL)", ("sa" + sid, student))
    con.execute("INSERT INTO submitted_notebook VALUES (?, ?, 'N')", ("sn" + sid, "sa" + sid))
    con.execute("INSERT INTO grade VALUES (?, ?, 'C', ?)", ("g" + sid, "sn" + sid, score))
    con.execute("INSERT INTO comment VALUES (?, ?, 'C', 'ok')", ("c" + sid, "sn" + sid))
    con.commit()
    con.close()


def test_merge_replaces_only_that_submission(tmp_path):
    """Does merging bob's regraded submission replace his rows and leave alice's alone?"""
    course, part = tmp_path / "course.db", tmp_path / "part.db"
    _db(course, 1.0, "alice")
    _db(course, 1.0, "bob")
    _db(part, 5.0, "bob")
    merge_submission(course, part, "ex1", "bob")
    con = sqlite3.connect(course)
    rows = sorted(con.execute("SELECT s.student_id, g.auto_score FROM grade g JOIN submitted_notebook n "
                              "ON g.notebook_id = n.id JOIN submitted_assignment s ON n.assignment_id = s.id"))
    assert rows == [("alice", 1.0), ("bob", 5.0)]
    assert con.execute("SELECT count(*) FROM comment").fetchone() == (2,)


def test_collect_accepts_files_folders_and_zip(tmp_path):
    """Are <student>.ipynb, <student>/ folders and a zip all put into submitted/, odd names reported?"""
    course = tmp_path / "course"
    (course / "solutions" / "ex1_tensors").mkdir(parents=True)
    (course / "solutions" / "ex1_tensors" / "ex1_tensors.ipynb").write_text("{}")
    (course / "nbgrader_config.py").write_text((ROOT / "nbgrader_config.py").read_text())
    inbox = tmp_path / "inbox"
    (inbox / "bob").mkdir(parents=True)
    (inbox / "ann.ipynb").write_text("{}")
    (inbox / "bob" / "Untitled.ipynb").write_text("{}")
    (inbox / "bob" / "data.csv").write_text("1")
    os.symlink(ROOT / "solutions", inbox / "bob" / "link")
    with zipfile.ZipFile(tmp_path / "more.zip", "w") as z:
        z.writestr("cat.ipynb", "{}")
    cli = [sys.executable, "-m", "learntools_lite.grading", "--course", str(course), "collect", "ex1_tensors"]
    out = subprocess.run(cli + [str(inbox)], capture_output=True, text=True, check=True).stderr
    subprocess.run(cli + [str(tmp_path / "more.zip")], capture_output=True, text=True, check=True)
    sub = course / "submitted"
    for student in ("ann", "bob", "cat"):
        assert (sub / student / "ex1_tensors" / "timestamp.txt").is_file()
    for student in ("ann", "cat"):
        assert (sub / student / "ex1_tensors" / "ex1_tensors.ipynb").is_file()
    # A student's own file name is kept: autograde grades it as ex1_tensors.ipynb and flags it.
    assert (sub / "bob" / "ex1_tensors" / "Untitled.ipynb").is_file()
    assert (sub / "bob" / "ex1_tensors" / "data.csv").is_file()
    assert not (sub / "bob" / "ex1_tensors" / "link").exists()
    assert "Untitled.ipynb will be graded as ex1_tensors.ipynb" in out


def test_refuses_without_bubblewrap(tmp_path):
    """Without bwrap, does autograde refuse to start and say how to fix it?"""
    with pytest.raises(SandboxUnavailable, match="apt-get install -y bubblewrap"):
        Sandbox(bwrap=None).check()
    env = dict(os.environ, PATH=str(tmp_path))  # no bwrap on PATH
    proc = subprocess.run([sys.executable, "-m", "learntools_lite.grading", "--course", str(ROOT),
                           "autograde", "ex1_tensors"], capture_output=True, text=True, env=env)
    assert proc.returncode == 2
    assert "Refusing to grade" in proc.stderr and "--no-sandbox" in proc.stderr


@pytest.mark.skipif(not Sandbox().bwrap, reason="bubblewrap not installed")
def test_sandbox_hides_the_course_and_the_network():
    """Inside the sandbox, are the course directory and the network out of reach?"""
    sandbox = Sandbox()
    code = ("import os, socket\nprint(sorted(os.listdir(%r)))\n"
            "try:\n    socket.create_connection(('127.0.0.1', 22), timeout=2)\nexcept OSError as e:\n"
            "    print('net', type(e).__name__)\n") % str(ROOT)
    proc = subprocess.run(sandbox.wrap([sys.executable, "-c", code], cwd=None, writable=[],
                                       uid=sandbox.kernel_uid()),
                          capture_output=True, text=True, preexec_fn=sandbox.preexec, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "solutions" not in proc.stdout and "gradebook.db" not in proc.stdout
    assert "net" in proc.stdout
