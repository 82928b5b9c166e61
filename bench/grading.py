"""Autograding speed: plain sequential `nbgrader autograde` against our sandboxed, parallel grading.

    .venv/bin/python bench/grading.py [--submissions 6] [--rounds 2] [--assignments ex1_tensors ex3_sgd]
                                      [--workers 2] [--harness-off "CONFIG LINE"] [--ceiling]

For each assignment (default: ex1_tensors, NumPy only, and ex3_sgd, Keras),
the same submissions (copies of the solution) are graded by both sides,
INTERLEAVED: A B A B ... for `--rounds` rounds, each run on a fresh copy of
the released course, so a change in the shared machine's load hits both
sides alike. Printed: each run's wall time, the medians, the ratio
plain / ours, and the load average.

The trusted harness (verdicts decided outside the kernel) has its cost
measured the same way: pass `--harness-off "CONFIG LINE"`, the line of
nbgrader_config.py that turns the trusted verdict step off (for example
`--harness-off "c.SafeExecute.judge_outside = False"`), and a third side,
ours with that line added to its course copy's config, is interleaved with
the other two; the per-submission cost of the harness is the difference of
the medians divided by the number of submissions.

How much parallel grading can gain on this machine at all is measured with
`--ceiling`: one more side, plain nbgrader run as `--workers` processes at
once, each on its own course copy holding its share of the submissions (no
sandbox, no harness, no shared gradebook). Its ratio to plain sequential
nbgrader is what the machine gives `--workers` copies of the same work.
"""
from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ["PATH"] = str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


CPU: dict[str, list[float]] = {}  # CPU seconds of every process a run started, per side
BUSY: dict[str, list[float]] = {}  # busy CPU seconds of the whole machine during each run, per side


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _machine_busy() -> float:
    """CPU seconds the whole machine has spent busy (all cores, /proc/stat), since boot."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = fields[:8]
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def run(cmd: list, cwd: Path, side: str | None = None) -> float:
    """Wall seconds of `cmd`; with `side`, its CPU seconds are kept in CPU[side] and the
    machine's busy CPU seconds over the run in BUSY[side]. A loaded machine stretches wall
    time, CPU time much less, so CPU shows what each side costs. The first counts the
    processes `cmd` waited for; a sandboxed kernel is reaped inside its own PID namespace,
    so only the second (valid on an otherwise quiet machine) counts our kernels."""
    cpu, busy, start = _children_cpu(), _machine_busy(), time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    took = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"{' '.join(map(str, cmd))} failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-4000:]}")
    if side:
        CPU.setdefault(side, []).append(_children_cpu() - cpu)
        BUSY.setdefault(side, []).append(_machine_busy() - busy)
    return took


def released_course(tmp: Path, assignment: str, n: int) -> Path:
    """A course copy with `assignment` released and `n` submissions (the solution) in submitted/."""
    course = tmp / f"{assignment}-template"
    course.mkdir()
    shutil.copy(ROOT / "nbgrader_config.py", course)
    shutil.copytree(ROOT / "solutions" / assignment, course / "solutions" / assignment)
    run([sys.executable, "-m", "nbgrader", "generate_assignment", assignment, "--force"], course)
    source = next((course / "solutions" / assignment).glob("*.ipynb"))
    for i in range(n):
        folder = course / "submitted" / f"s{i:02d}" / assignment
        folder.mkdir(parents=True)
        shutil.copy(source, folder / source.name)
    return course


# Run the command given as arguments in every part-* folder of the working directory at once;
# fail if any run fails.
TOGETHER = """
import subprocess, sys
from pathlib import Path
runs = [subprocess.Popen(sys.argv[1:], cwd=part, stdout=subprocess.DEVNULL)
        for part in sorted(Path.cwd().glob("part-*"))]
sys.exit(max(run.wait() for run in runs))
"""


def split_course(course: Path, parts: int) -> None:
    """Move `course` into part-0 ... part-(parts-1), each a copy with its share of submitted/."""
    students = sorted(p.name for p in (course / "submitted").iterdir())
    whole = course.with_name(course.name + "-whole")
    course.rename(whole)
    course.mkdir()
    for i in range(parts):
        part = course / f"part-{i}"
        shutil.copytree(whole, part)
        for index, student in enumerate(students):
            if index % parts != i:
                shutil.rmtree(part / "submitted" / student)
    shutil.rmtree(whole)


def sides(assignment: str, workers: int, harness_off: str, ceiling: bool) -> dict[str, tuple[list, str]]:
    """{name: (command, config line added to the course copy)}; a ceiling side's command runs
    in each part of a split course at once (its config line is "split")."""
    ours = [sys.executable, "-m", "learntools_lite.grading", "autograde", assignment, "--workers", str(workers)]
    found = {"plain nbgrader, sequential": ([sys.executable, "-m", "nbgrader", "autograde", assignment,
                                             "--force"], ""),
             f"ours, sandboxed, {workers} workers": (ours, "")}
    if harness_off:
        found[f"ours without the trusted harness ({harness_off})"] = (ours, harness_off)
    if ceiling:
        found[f"plain nbgrader, {workers} processes at once (a share each)"] = (
            [sys.executable, "-c", TOGETHER, sys.executable, "-m", "nbgrader", "autograde", assignment,
             "--force"], "split")
    return found


def bench(tmp: Path, assignment: str, n: int, rounds: int, workers: int, harness_off: str,
          ceiling: bool) -> dict:
    template = released_course(tmp, assignment, n)
    commands = sides(assignment, workers, harness_off, ceiling)
    times: dict[str, list[float]] = {name: [] for name in commands}
    order = list(commands)
    for r in range(rounds):
        for name in (order if r % 2 == 0 else order[::-1]):  # A B, then B A: no side always goes first
            course = tmp / f"{assignment}-{r}-{order.index(name)}"
            shutil.copytree(template, course)
            cmd, config_line = commands[name]
            if config_line == "split":
                split_course(course, workers)
            elif config_line:
                with open(course / "nbgrader_config.py", "a") as f:
                    f.write("\n" + config_line + "\n")
            times[name].append(run(cmd, course, f"{assignment}/{name}"))
            shutil.rmtree(course)
            print(f"  {assignment} round {r + 1}: {name}: {times[name][-1]:.1f} s "
                  f"(CPU {CPU[f'{assignment}/{name}'][-1]:.1f} s, machine busy "
                  f"{BUSY[f'{assignment}/{name}'][-1]:.1f} CPU-s)", flush=True)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=6)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--assignments", nargs="+", default=["ex1_tensors", "ex3_sgd"])
    parser.add_argument("--harness-off", default="",
                        help="nbgrader_config.py line that turns the trusted harness off")
    parser.add_argument("--ceiling", action="store_true",
                        help="also time plain nbgrader as --workers processes at once, a share of the "
                             "submissions each: what the machine gives parallel grading at best")
    args = parser.parse_args()
    harness_off = args.harness_off
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"load average at start {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory(prefix="bench-grading-") as tmp:
        for assignment in args.assignments:
            times = bench(Path(tmp), assignment, args.submissions, args.rounds, args.workers, harness_off,
                          args.ceiling)
            medians = {name: statistics.median(t) for name, t in times.items()}
            plain, ours = list(medians.values())[:2]
            print(f"{assignment}, {args.submissions} submissions, medians of {args.rounds}:")
            for name, m in medians.items():
                cpu = statistics.median(CPU[f"{assignment}/{name}"])
                busy = statistics.median(BUSY[f"{assignment}/{name}"])
                print(f"  {name:<60} {m:7.1f} s  ({m / args.submissions:.2f} s/submission; "
                      f"CPU {cpu / args.submissions:.2f} s/submission, machine busy "
                      f"{busy / args.submissions:.2f} CPU-s/submission)")
            print(f"  speed-up plain / ours: {plain / ours:.2f}x")
            if harness_off:
                off = list(medians.values())[2]
                print(f"  trusted harness: {(ours - off) / args.submissions:+.2f} s/submission "
                      f"({(ours - off) / off * 100:+.0f}%)")
            if args.ceiling:
                best = list(medians.values())[-1]
                print(f"  ceiling: plain nbgrader in {args.workers} processes at once, "
                      f"{plain / best:.2f}x plain sequential")
    print(f"load average at end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
