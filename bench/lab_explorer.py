"""The live animate_sgd explorer in JupyterLab: input -> painted frame, with and without TCP_NODELAY.

    .venv/bin/python bench/lab_explorer.py [--rounds 4] [--inputs 12]

Two JupyterLab servers with the learner's config (lab/, as `make lab`): A as
the course runs it (learntools_lite.kernel_websocket: TCP_NODELAY on each
kernel websocket), B with jupyter_server's own connection class (Nagle's
algorithm on). In headless Chromium, each round opens the explorer notebook on
A, then on B (A B A B ...), types `--inputs` learning rates that are on no
grid (the kernel computes each run), and records the time from the input
event to the first task after the frame that drew the answer (the same
measure as tests/test_browser_explorer.py). Prints the median per round and
overall for each side, and their ratio.
"""
from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from browser import chromium, jupyter_lab  # noqa: E402
from test_browser_explorer import TIMING, drawn, wait_for_redraw  # noqa: E402
from test_browser_lab import NOTEBOOK, open_notebook, run_all  # noqa: E402

DEFAULT_CONNECTION = "jupyter_server.services.kernels.connection.channels.ZMQChannelsWebsocketConnection"
SIDES = {"A: the course's config (TCP_NODELAY)": (),
         "B: jupyter_server's default (Nagle on)":
             (f"--ServerApp.kernel_websocket_connection_class={DEFAULT_CONNECTION}",)}


def one_round(browser, lab, inputs: int) -> list[float]:
    """ms from input to painted, for `inputs` typed off-grid learning rates."""
    page = open_notebook(browser, lab, "explore_sgd.ipynb")
    try:
        page.evaluate(TIMING)
        run_all(page)
        explorer = page.locator(f"{NOTEBOOK} .sgd-explorer").first
        page.wait_for_function("e => Number(e.dataset.drawn) > 0", arg=explorer.element_handle(),
                               timeout=60000)
        typed = explorer.locator("input[type=number]").first
        page.evaluate("() => { window.sgdTimes = []; }")
        for k in range(inputs):
            count = drawn(explorer)
            typed.fill(f"0.0{k + 11}7")
            typed.press("Enter")
            wait_for_redraw(page, explorer, count, timeout=30000)
        page.wait_for_timeout(200)
        return [t["painted"] for t in page.evaluate("() => window.sgdTimes")]
    finally:
        page.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--inputs", type=int, default=12)
    args = parser.parse_args()
    load_before = os.getloadavg()
    rounds = {side: [] for side in SIDES}
    with tempfile.TemporaryDirectory() as tmp, ExitStack() as stack:
        labs = {}
        for i, (side, extra) in enumerate(SIDES.items()):
            home = Path(tmp) / f"side{i}"
            work = home / "work"
            work.mkdir(parents=True)
            nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
                "from learntools_lite import animate_sgd\nanimate_sgd(steps=30, live=True)")])
            nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                         "language": "python"}
            nbformat.write(nb, work / "explore_sgd.ipynb")
            url, token, _ = stack.enter_context(jupyter_lab(home, work, *extra))
            labs[side] = (url, token, work)
        browser = stack.enter_context(chromium())
        for _ in range(args.rounds):
            for side, lab in labs.items():
                rounds[side].append(one_round(browser, lab, args.inputs))
    print(f"JupyterLab explorer, typed off-grid learning rate -> painted frame: {platform.machine()}, "
          f"{os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"load average (1/5/15 min) before: {' / '.join(f'{v:.2f}' for v in load_before)}; "
          f"after: {' / '.join(f'{v:.2f}' for v in os.getloadavg())}")
    medians = {}
    for side, times in rounds.items():
        per_round = [statistics.median(t) for t in times]
        medians[side] = statistics.median([v for t in times for v in t])
        print(f"  {side}: median {medians[side]:.1f} ms over {sum(map(len, times))} inputs "
              f"(rounds: {', '.join(f'{v:.1f}' for v in per_round)})")
    a, b = medians.values()
    print(f"  ratio B / A: {b / a:.2f}x; target for A: under 50 ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
