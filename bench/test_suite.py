"""Wall time of the whole test suite, serial against parallel (pytest-xdist), on fresh clones.

    .venv/bin/python bench/test_suite.py [--workers 3] [--order AB]

Each side runs in its own fresh clone of the committed HEAD (no _build/, so
the book is built and its chapters executed, as in CI) with this environment's
Python: A is `pytest -p no:xdist` (how `make test` ran before), B is
`pytest -n WORKERS --dist loadgroup --no-loadscope-reorder --book-in-background`
(how `make test` runs now: modules in tests/conftest.py's order, the book built
meanwhile). The runs
are long, so each side runs once; the machine's load average is printed
before and after each, since other work on a shared machine changes the
figures. Logs go to bench/_out/.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "_out"


def loadavg() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def run_suite(name: str, args: list[str]) -> dict:
    clone = Path(tempfile.mkdtemp(prefix=f"suite-{name}-")) / "course"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
    OUT.mkdir(parents=True, exist_ok=True)
    log = OUT / f"test_suite_{name}.log"
    before_load = loadavg()
    cpu0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with log.open("w") as out:
        done = subprocess.run([sys.executable, "-m", "pytest", *args], cwd=clone, stdout=out,
                              stderr=subprocess.STDOUT, env=dict(os.environ, CI="true"))
    wall = time.perf_counter() - start
    cpu1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)
    summary = log.read_text().strip().splitlines()[-1]
    shutil.rmtree(clone.parent, ignore_errors=True)
    return {"name": name, "wall": wall, "cpu": cpu, "rc": done.returncode, "summary": summary,
            "load": f"{before_load} -> {loadavg()}"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", default="3")
    parser.add_argument("--order", default="AB", choices=["AB", "BA", "A", "B"],
                        help="the sides to run, in this order (one letter: that side only)")
    opts = parser.parse_args()
    sides = {"A": ("serial", ["-p", "no:xdist"]),
             "B": (f"xdist-n{opts.workers}", ["-n", opts.workers, "--dist", "loadgroup", "--no-loadscope-reorder",
                                              "--book-in-background"])}
    cores = os.cpu_count()
    print(f"{cores} cores, Python {sys.version.split()[0]}, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    results = {}
    for side in opts.order:
        name, args = sides[side]
        r = results[side] = run_suite(name, args)
        print(f"{side} {name:12s} wall {r['wall'] / 60:6.1f} min  CPU {r['cpu'] / 60:6.1f} min "
              f"({100 * r['cpu'] / r['wall'] / cores:3.0f}% of {cores} cores)  load {r['load']}  "
              f"exit {r['rc']}: {r['summary']}", flush=True)
    if len(results) == 2:
        print(f"serial / parallel wall time: {results['A']['wall'] / results['B']['wall']:.2f}x")


if __name__ == "__main__":
    main()
