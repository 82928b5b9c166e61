"""How long the class-hub flow takes per student: the browser test of tests/test_hub.py, timed.

    .venv/bin/python bench/hub_flow.py [--runs 1]

Runs the hub test (as root: it creates local users) and reads the phase
timings it records in test-artifacts/hub/timings.json: the instructor's login
and release, each student's login-fetch-answer-validate-submit, the
instructor's collect-autograde-feedback-release, each student's
feedback fetch. Prints them with the machine's load, for bench/RESULTS.md.
There is no other side to compare with: this is a measurement, not a speed-up.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIMINGS = ROOT / "test-artifacts" / "hub" / "timings.json"


def one_run() -> dict:
    TIMINGS.unlink(missing_ok=True)
    load_before = Path("/proc/loadavg").read_text().split()[:3]
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "pytest", "tests/test_hub.py", "-q", "-p", "no:cacheprovider"],
                          cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if proc.returncode != 0 or not TIMINGS.exists():
        sys.exit(f"the hub test failed:\n{proc.stdout[-4000:]}{proc.stderr[-2000:]}")
    timings = json.loads(TIMINGS.read_text())
    timings.update(wall=round(wall, 1), load_before=load_before,
                   load_after=Path("/proc/loadavg").read_text().split()[:3])
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    if os.geteuid() != 0:
        sys.exit("run as root: the hub test creates local users")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    for run in range(args.runs):
        t = one_run()
        s = t["seconds"]
        students = t["students"]
        per_student = [v for k, v in s.items() if k.startswith("student_")]
        print(f"run {run + 1}: whole test {t['wall']} s (load {' '.join(t['load_before'])} -> "
              f"{' '.join(t['load_after'])})")
        for phase, seconds in s.items():
            print(f"  {phase:34s} {seconds:7.1f} s")
        print(f"  per student (their own steps)      {sum(per_student) / students:7.1f} s")
        print(f"  per student (whole flow / {students})        "
              f"{sum(s.values()) / students:7.1f} s")


if __name__ == "__main__":
    main()
