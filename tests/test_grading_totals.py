"""Are a submission's resources bounded in total, not per process?

Real submissions of ex1_tensors that fork memory-hungry children, fill /tmp,
/dev/shm, the working folder or a disk folder, or burn CPU in many
processes, graded end to end (sandboxed, two workers) beside an honest
submission. Each hostile one must be stopped with a record that names the
total it went over; the honest one must get its normal grade.
"""
from __future__ import annotations

import csv
import subprocess
import sys

import pytest

from system_packages import available
from test_grading_hostile import ASSIGNMENT, make_course, solution, submit, with_code

pytestmark = [pytest.mark.slow, pytest.mark.skipif(
    not available("bwrap", "bubblewrap"), reason="bubblewrap is not installed (apt-get install -y bubblewrap)")]

MEMORY_MB, SCRATCH_MB, CPU_SECONDS = 2048, 64, 20


def _fill(folder: str) -> str:
    """Code that writes 8 MB files into `folder` until the writes fail, then waits to be stopped."""
    return f"""
import os, time
_n = 0
try:
    while _n < 10_000:
        with open(os.path.join({folder}, f'fill-{{_n}}.bin'), 'wb') as _f:
            _f.write(b'x' * (8 << 20))
        _n += 1
except OSError as _e:
    print('write failed:', _e)
time.sleep(20)
"""


# Each child takes a quarter of the total (touched pages), well within its own address-space
# rlimit: only the sum is over.
FORK_MEMORY = f"""
import os, time
for _ in range(4):
    if os.fork() == 0:
        try:
            _hold = bytearray(b'x') * (({MEMORY_MB} // 4) << 20)
            time.sleep(60)
        finally:
            os._exit(0)
time.sleep(60)
"""

CPU_BURNER = """
import os
for _ in range(6):
    if os.fork() == 0:
        try:
            while True:
                pass
        finally:
            os._exit(0)
while True:
    pass
"""

CASES = {
    "honest": (solution, "graded", None),
    "fork_memory": (lambda: with_code("q_3", FORK_MEMORY), "flagged", "over its memory"),
    "fill_tmp": (lambda: with_code("q_3", _fill("'/tmp'")), "flagged", "/tmp full"),
    "fill_shm": (lambda: with_code("q_3", _fill("'/dev/shm'")), "flagged", "/dev/shm full"),
    "fill_workdir": (lambda: with_code("q_3", _fill("os.getcwd()")), "flagged", "full"),
    "fill_disk": (lambda: with_code("q_3", "from ipykernel.connect import get_connection_file\n"
                                    + _fill("os.path.dirname(get_connection_file())")),
                  "flagged", "written to disk"),
    "cpu_burner": (lambda: with_code("q_3", CPU_BURNER), "flagged", "CPU time"),
}


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    course = make_course(tmp_path_factory.mktemp("totals"))
    for student, (build, _, _) in CASES.items():
        submit(course, student, build())
    proc = subprocess.run(
        [sys.executable, "-m", "learntools_lite.grading", "--course", str(course), "autograde", ASSIGNMENT,
         "--workers", "2", "--memory-mb", str(MEMORY_MB), "--scratch-mb", str(SCRATCH_MB),
         "--cpu", str(CPU_SECONDS), "--cell-timeout", "400", "--time-limit", "900"],
        capture_output=True, text=True, timeout=1800)
    with open(course / "autograded" / f"{ASSIGNMENT}-report.tsv", newline="") as f:
        rows = {r["student"]: r for r in csv.DictReader(f, delimiter="\t")}
    return rows, proc


@pytest.mark.parametrize("student", list(CASES))
def test_stopped_with_a_clear_record(report, student):
    """Is each hostile submission stopped with a record naming the total, and the honest one graded?"""
    rows, proc = report
    row = rows[student]
    _, state, record = CASES[student]
    assert row["state"] == state, (row, proc.stderr[-3000:])
    if record:
        assert "sandbox stopped, over its" in row["flags"] and record in row["flags"], row
    else:
        assert float(row["score"]) == 11 and not row["flags"], row


def test_earlier_answers_keep_their_points(report):
    """Do the tests that ran before the stop keep their points (q_1 and q_2 are answered right)?"""
    rows, _ = report
    for student in CASES:
        if student != "honest":
            assert float(rows[student]["score"]) >= 3, rows[student]
