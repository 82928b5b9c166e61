"""Installing the course's environment: pip against uv, offline, from one wheelhouse.

    .venv/bin/python bench/install_env.py [--rounds 2]

Fills a wheelhouse once with every pin of constraints.txt (as
tests/test_install.py does), then installs requirements.txt into fresh venvs,
alternating A B A B: A `pip install` (byte-compiling, pip's default), B
`uv pip install --compile-bytecode` (what scripts/install_env.sh runs), both
`--no-index --find-links WHEELHOUSE -c constraints.txt`, each uv round with an
empty cache of its own (so uv unpacks every wheel, as on a new machine). Prints
each install's wall and CPU time and the ratio of the medians.
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
sys.path.insert(0, str(ROOT / "tests"))
from test_install import CONSTRAINTS, pins  # noqa: E402


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(cmd: list, env: dict) -> tuple[float, float]:
    cpu, start = children_cpu(), time.perf_counter()
    subprocess.run([str(c) for c in cmd], env=env, check=True, capture_output=True)
    return time.perf_counter() - start, children_cpu() - cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "UV_"))}
    env.update(PIP_CONFIG_FILE=os.devnull, PIP_DISABLE_PIP_VERSION_CHECK="1")
    load_before = os.getloadavg()
    times: dict[str, list[tuple[float, float]]] = {"A: pip install": [], "B: uv pip install": []}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        house = tmp / "wheelhouse"
        wanted = [f"{name}=={version}" for name, version in pins(CONSTRAINTS.read_text()).items()]
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--dest", str(house),
                        *wanted], check=True)
        offline = ["--no-index", "--find-links", house, "-c", CONSTRAINTS, "-r", ROOT / "requirements.txt"]
        for r in range(args.rounds):
            for side in (list(times) if r % 2 == 0 else list(times)[::-1]):
                venv = tmp / f"venv-{r}-{side[0]}"
                subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
                python = venv / "bin" / "python"
                if side.startswith("A"):
                    cmd = [python, "-m", "pip", "install", "--quiet", *offline]
                    run_env = env
                else:
                    cmd = [sys.executable, "-m", "uv", "pip", "install", "--quiet", "--python", python,
                           "--compile-bytecode", *offline]
                    run_env = dict(env, UV_CACHE_DIR=str(tmp / f"uv-cache-{r}"))
                times[side].append(timed(cmd, run_env))
                print(f"  round {r + 1}, {side}: {times[side][-1][0]:.1f} s wall, "
                      f"{times[side][-1][1]:.1f} CPU-s", flush=True)
                shutil.rmtree(venv)
                shutil.rmtree(tmp / f"uv-cache-{r}", ignore_errors=True)
    print(f"install of requirements.txt ({len(wanted)} pins), offline, byte-compiled: "
          f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"load average (1/5/15 min) before: {' / '.join(f'{v:.2f}' for v in load_before)}; "
          f"after: {' / '.join(f'{v:.2f}' for v in os.getloadavg())}")
    medians = {}
    for side, runs in times.items():
        medians[side] = statistics.median(w for w, _ in runs)
        print(f"  {side}: median {medians[side]:.1f} s wall, "
              f"{statistics.median(c for _, c in runs):.1f} CPU-s")
    a, b = medians.values()
    print(f"  ratio pip / uv (wall): {a / b:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
