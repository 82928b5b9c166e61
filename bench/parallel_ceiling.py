"""How well this machine runs several copies of the same work at once: pure Python and a Keras fit.

    .venv/bin/python bench/parallel_ceiling.py [--copies 2] [--rounds 2]

Each workload runs alone, then as `--copies` processes at once, alternating
(alone, together, alone, together ...). Printed per run: each process's wall
and CPU time; then, from the medians, how many cores' worth of work the copies
got done at once (copies x alone / together). 2.0 on 2 cores is perfect
scaling; for grading, it is the most that parallel workers can gain over one.
The Keras fit uses one compute thread, as a grading kernel on 2 workers does.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys

WORKLOADS = {
    "pure Python loop": "x = 0\nfor i in range(30_000_000):\n    x += i * i\n",
    "Keras fit (one compute thread)": (
        "import keras, numpy as np\n"
        "x = np.random.default_rng(0).normal(size=(300, 9)).astype('float32')\n"
        "model = keras.Sequential([keras.Input((9,)), keras.layers.Dense(64, activation='relu'),\n"
        "                          keras.layers.Dense(64, activation='relu'), keras.layers.Dense(1)])\n"
        "model.compile(optimizer='adam', loss='mae')\n"
        "model.fit(x, x[:, 0], epochs=60, batch_size=32, verbose=0)\n"),
}
TIMED = ("import time\nstart, cpu = time.perf_counter(), time.process_time()\n{body}"
         "print(time.perf_counter() - start, time.process_time() - cpu)\n")
ENV = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1",
           TF_NUM_INTRAOP_THREADS="1", TF_NUM_INTEROP_THREADS="2")


def run_at_once(body: str, copies: int) -> list[tuple[float, float]]:
    """(wall, CPU) seconds of each of `copies` processes started together."""
    procs = [subprocess.Popen([sys.executable, "-c", TIMED.format(body=body)], env=ENV, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL) for _ in range(copies)]
    results = []
    for proc in procs:
        out, _ = proc.communicate()
        if proc.returncode != 0:
            sys.exit(f"a {body[:30]!r} process failed")
        wall, cpu = map(float, out.split())
        results.append((wall, cpu))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores, load average at start {os.getloadavg()[0]:.1f}")
    for name, body in WORKLOADS.items():
        alone, together = [], []
        for r in range(args.rounds):
            for copies, kept in ((1, alone), (args.copies, together))[:: 1 if r % 2 == 0 else -1]:
                runs = run_at_once(body, copies)
                kept.append(max(wall for wall, _ in runs))
                print(f"  {name}, {copies} at once: " + ", ".join(f"{w:.2f} s wall / {c:.2f} s CPU"
                                                               for w, c in runs), flush=True)
        one, many = statistics.median(alone), statistics.median(together)
        print(f"{name}: alone {one:.2f} s, {args.copies} at once {many:.2f} s: "
              f"{args.copies * one / many:.2f} cores' worth of work at once")
    print(f"load average at end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
