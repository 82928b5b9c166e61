"""Fast checks of the sandbox's limits and the records' parts: nested user namespaces, tmpfs sizes,
the working folder, CPU priority, the totals' verdicts, progress estimates, failure reasons,
copied graded cells and students' hidden-test markers."""
from __future__ import annotations

import io
import subprocess
import sys

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook
from nbgrader.preprocessors import ClearHiddenTests

from learntools_lite.grading.feedback import NeutraliseStudentMarkers
from learntools_lite.grading.progress import Progress
from learntools_lite.grading.sandbox import Limits, Sandbox
from learntools_lite.grading.totals import Usage, over_limit
from learntools_lite.grading.triage import failure_reason, repair_notebooks

needs_bwrap = pytest.mark.skipif(not Sandbox().bwrap, reason="bubblewrap not installed")

PROBE = r"""
import ctypes, os
libc = ctypes.CDLL(None, use_errno=True)
print("userns", libc.unshare(0x10000000), os.strerror(ctypes.get_errno()))
for d in ("/tmp", "/dev/shm", "."):
    st = os.statvfs(d)
    print("size", d, st.f_blocks * st.f_frsize >> 20)
print("nice", os.getpriority(os.PRIO_PROCESS, 0))
print("files", sorted(os.listdir(".")))
open("written-inside.txt", "w").write("x")
"""


@needs_bwrap
def test_sandbox_limits_in_place(tmp_path):
    """Are user namespaces refused, the tmpfs sized, the working folder a copy, the priority lowered?"""
    (tmp_path / "data.csv").write_text("1,2\n")
    tmp_path.chmod(0o755)  # readable by the sandbox's own uid (the grader chowns its scratch folders)
    sandbox = Sandbox(Limits(scratch_bytes=32 << 20, nice=7))
    cwd = "/tmp/grading/work"
    proc = subprocess.run(sandbox.wrap([sys.executable, "-c", PROBE], cwd=cwd, writable=[(str(tmp_path), cwd)],
                                       uid=sandbox.kernel_uid()),
                          capture_output=True, text=True, preexec_fn=sandbox.preexec, timeout=120)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("userns -1")
    assert lines[1:4] == ["size /tmp 32", "size /dev/shm 32", "size . 32"]
    assert lines[4] == "nice 7"
    assert lines[5] == "files ['data.csv']"
    assert not (tmp_path / "written-inside.txt").exists()  # the working folder is a copy in RAM


def test_over_limit_names_the_total():
    """Does each total give its own reason, and usage under every limit none?"""
    limits = Limits(memory_bytes=100 << 20, cpu_seconds=10, processes=5, scratch_bytes=8 << 20)
    assert over_limit(Usage(memory_bytes=50 << 20, cpu_seconds=5, processes=4), limits) is None
    assert "memory: 120 MB" in over_limit(Usage(memory_bytes=120 << 20, tmpfs_bytes=20 << 20), limits)
    assert "CPU time: 11 s" in over_limit(Usage(cpu_seconds=11), limits)
    assert "processes: 5" in over_limit(Usage(processes=5), limits)
    assert "/tmp full" in over_limit(Usage(full=("/tmp",)), limits)
    assert "written to disk" in over_limit(Usage(disk_bytes=9 << 20), limits)


def test_estimate_counts_running_cells():
    """Does the estimate move while submissions run, before any has finished?"""
    progress = Progress(4, io.StringIO())
    assert progress.estimate() == "estimating time left"
    progress.started(0, "ann")
    progress.started(1, "bob")
    progress.cell(0, {"cell": 5, "cells": 10, "grade_id": "q_2"})
    progress.cell(1, {"cell": 5, "cells": 10})
    assert progress.fraction_done() == 1.0
    assert progress.estimate().startswith("~")
    assert progress.now_running()[0].startswith("worker 1: ann, cell 5/10 (q_2)")
    progress.update("ann: graded", "ann")
    assert progress.fraction_done() == 1.5
    text = progress.stream.getvalue()
    assert "worker 1: grading ann" in text and "[1/4] ann: graded" in text


def test_failure_reason_is_the_real_exception():
    """Is the reason nbgrader's underlying error, not its 'see the above traceback' wrapper?"""
    log = ("[ERROR] There was an error processing assignment\nTraceback (most recent call last):\n"
           "  File ...\nValueError: Cell 'q_1' has an invalid source\n"
           "nbgrader.converters.base.NbGraderException: Please see the the above traceback for details")
    assert failure_reason(log) == "ValueError: Cell 'q_1' has an invalid source"


def test_copied_graded_cell_keeps_the_first(tmp_path):
    """Does a copied graded cell lose its nbgrader role while the first keeps it, and is it said?"""
    meta = {"nbgrader": {"grade": True, "grade_id": "q_1_test", "points": 1, "locked": True,
                         "solution": False, "schema_version": 3}}
    nb = new_notebook(cells=[new_code_cell("assert True", metadata=meta),
                             new_code_cell("assert True  # copy", metadata=meta)])
    nbformat.write(nb, tmp_path / "ex.ipynb")
    flags = repair_notebooks(tmp_path)
    repaired = nbformat.read(tmp_path / "ex.ipynb", as_version=4)
    assert repaired.cells[0].metadata["nbgrader"]["grade_id"] == "q_1_test"
    assert "nbgrader" not in repaired.cells[1].metadata
    assert flags == ["ex.ipynb: copied graded cell(s) q_1_test (cell 2): the first of each id is graded, "
                     "the copy ran as an ordinary cell"]


def test_student_marker_does_not_stop_clear_hidden_tests():
    """Does a student's `BEGIN HIDDEN TESTS` text pass ClearHiddenTests, and the real tests still go?"""
    test = new_code_cell("assert f(2) == 4\n### BEGIN HIDDEN TESTS\nassert f(3) == 9\n### END HIDDEN TESTS",
                         metadata={"nbgrader": {"grade": True, "solution": False, "grade_id": "t",
                                                "points": 1}})
    answer = new_markdown_cell("I typed ### BEGIN HIDDEN TESTS here",
                               metadata={"nbgrader": {"grade": True, "solution": True, "grade_id": "a",
                                                      "points": 1}})
    plain = new_code_cell("print('### BEGIN HIDDEN TESTS')")
    nb = new_notebook(cells=[answer, plain, test])
    with pytest.raises(RuntimeError):
        ClearHiddenTests()(nbformat.from_dict(nbformat.writes(nb) and nb), {})
    nb = new_notebook(cells=[answer, plain, test])
    nb, _ = NeutraliseStudentMarkers()(nb, {})
    nb, _ = ClearHiddenTests()(nb, {})
    assert "BEGIN_HIDDEN_TESTS" in nb.cells[0].source and "BEGIN_HIDDEN_TESTS" in nb.cells[1].source
    assert nb.cells[2].source == "assert f(2) == 4"


def _msg(msg_type, **content):
    return {"msg_type": msg_type, "header": {"msg_type": msg_type}, "content": content, "parent_header": {}}


def test_output_cap_counts_tracebacks_and_display_updates():
    """Do tracebacks and display updates count towards the output cap, and is a late error kept short?"""
    from learntools_lite.grading.kernel import EVENTS, SafeExecute

    executor = SafeExecute(output_bytes=1000)
    executor.reset_execution_trackers()
    executor.clear_before_next_output = False  # set per cell by execute_cell
    executor._output_seen, executor._output_capped = 0, False
    cell = new_code_cell("x")
    EVENTS.clear()
    update = _msg("update_display_data", data={"text/plain": "y" * 600}, metadata={},
                  transient={"display_id": "d"})
    assert executor.process_message(update, cell, 0) is None
    assert executor._output_seen == 600 and not executor._output_capped
    error = _msg("error", ename="AssertionError", evalue="wrong " * 100, traceback=["line " * 100] * 5)
    executor.output(cell.outputs, error, None, 0)
    assert executor._output_capped and any("output over 1000 bytes" in e for e in EVENTS)
    kept = [o for o in cell.outputs if o.output_type == "error"]
    assert len(kept) == 1 and kept[0].traceback == [] and len(kept[0].evalue) <= 200  # a failed test stays failed
    assert executor.process_message(update, cell, 0) is None  # past the cap: dropped
    assert executor.output(cell.outputs, _msg("stream", name="stdout", text="more"), None, 0) is None
