"""Benchmark animate_sgd against the naive way, side by side in one run.

(a) Live, kernel side: median time from a request (what a slider move or a
    typed value sends) to the answer the widget sends back (the run computed
    and packed), 50 steps and 256 examples. Naive: re-simulate step by step in
    a Python loop and re-create the figure (pyplot, contourf) for every
    change, then render it to PNG.
(b) Static: time to make chapter 3's explorer (a grid of runs) when the book
    is built; the fixed player it replaced (--before: one PNG per step) and
    FuncAnimation(...).to_jshtml() on a new figure.
(c) Page weight: the HTML of chapter 3's four animate_sgd calls, now and with
    the fixed players they replaced, and the built chapter page if present.
(d) In the browser (headless Chromium, 2x pixel ratio): median time from a
    slider's input event to the frame that shows the answer, for the book's
    explorer and for the replaced player's step slider, alternated.

The replaced player is the package as of commit BEFORE, read from git into a
temporary folder and run in a subprocess, so both sides are measured now, on
this machine, at this load. The live explorer in JupyterLab (kernel round
trip included) is timed by tests/test_browser_explorer.py, which prints it.

Run: .venv/bin/python bench/animate_sgd.py   (Agg backend, no display needed)
"""
import io
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.animation import FuncAnimation  # noqa: E402

from learntools_lite.sgd_explorer import animate_sgd  # noqa: E402
from learntools_lite.sgd_trajectory import make_data  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BEFORE = "3bce02f"       # the last commit with the fixed PNG player
CHAPTER_CALLS = [dict(learning_rate=0.05, batch_size=32), dict(learning_rate=1.2, batch_size=32),
                 dict(learning_rate=0.05, batch_size=1), dict(learning_rate=0.05, batch_size=256)]
STEPS, NUM_EXAMPLES, BATCH_SIZE = 50, 256, 32
# Learning rates a learner reaches by dragging the slider (its exponent moves
# in steps of 0.05) from 0.01 up to 0.5 and back.
LEARNING_RATES = [10 ** e for e in np.arange(-2.0, -0.3, 0.05)]
LEARNING_RATES += LEARNING_RATES[::-1]


def timed(action):
    """(wall-clock seconds, CPU seconds of this process) for one call. On a
    shared machine the CPU time is what the call would take on an idle one."""
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - wall, time.process_time() - cpu


def ms(seconds):
    return f"{1000 * seconds:7.1f} ms"


def summary(samples):
    """Median wall-clock and median CPU time of (wall, cpu) samples."""
    wall, cpu = zip(*samples)
    return f"median {ms(statistics.median(wall))} (CPU {ms(statistics.median(cpu))})"


def ratio(slow, fast):
    return " / ".join(f"{statistics.median(a) / statistics.median(b):.1f}x"
                      for a, b in zip(zip(*slow), zip(*fast)))


# -- the naive way -------------------------------------------------------------

def naive_simulate(learning_rate, seed=0):
    """One step at a time, like Kaggle's (minus TensorFlow)."""
    x, y = make_data(NUM_EXAMPLES, 3.0, 2.0, seed)
    rng = np.random.default_rng(seed)
    w, b, order = -1.0, -1.0, []
    ws, bs, batches, losses = [w], [b], [], []
    for _ in range(STEPS):
        if len(order) < BATCH_SIZE:
            order = list(rng.permutation(NUM_EXAMPLES))
        idx, order = np.array(order[:BATCH_SIZE]), order[BATCH_SIZE:]
        residual = w * x[idx] + b - y[idx]
        w -= learning_rate * 2 * np.mean(residual * x[idx])
        b -= learning_rate * 2 * np.mean(residual)
        ws.append(w)
        bs.append(b)
        batches.append(idx)
        losses.append(np.mean((w * x + b - y) ** 2))
    return x, y, ws, bs, batches, losses


def naive_figure(run):
    """A new pyplot figure with the same three panels; returns it and a
    function that shows step i."""
    x, y, ws, bs, batches, losses = run
    fig, (ax1, ax2, ax3) = plt.subplots(1, 3, figsize=(10, 3.4), dpi=80)
    ax1.scatter(x, y, s=4, c="0.7")
    batch = ax1.scatter([], [], s=9, c="C3")
    line, = ax1.plot([], [], "k")
    ax1.set_xlim(-4, 4)
    ax1.set_ylim(-12, 14)
    loss_line, = ax2.plot([], [])
    ax2.set_xlim(0, STEPS)
    ax2.set_yscale("log")
    ax2.set_ylim(0.5, 100)
    W, B = np.meshgrid(np.linspace(-2, 5, 96), np.linspace(-2, 5, 96))
    surface = ((W[..., None] * x + B[..., None] - y) ** 2).mean(axis=-1)
    ax3.contourf(W, B, np.log10(surface), 12)
    path, = ax3.plot([], [], "w-o", ms=2)
    for ax, title in zip((ax1, ax2, ax3), ("data", "loss", "path")):
        ax.set_title(title)
    fig.tight_layout()

    def show(i):
        batch.set_offsets(np.c_[x[batches[i]], y[batches[i]]])
        line.set_data([-4, 4], [ws[i + 1] * -4 + bs[i + 1], ws[i + 1] * 4 + bs[i + 1]])
        loss_line.set_data(range(i + 1), losses[:i + 1])
        path.set_data(ws[:i + 2], bs[:i + 2])
        return batch, line, loss_line, path
    return fig, show


def naive_slider_change(learning_rate):
    fig, show = naive_figure(naive_simulate(learning_rate))
    show(STEPS - 1)
    fig.savefig(io.BytesIO(), format="png")
    plt.close(fig)


def naive_static():
    fig, show = naive_figure(naive_simulate(0.05))
    html = FuncAnimation(fig, show, frames=STEPS, interval=100).to_jshtml()
    plt.close(fig)
    return html


# -- measurements --------------------------------------------------------------

def live_latency():
    explorer = animate_sgd(learning_rate=0.05, batch_size=BATCH_SIZE,
                           num_examples=NUM_EXAMPLES, steps=STEPS, live=True)

    def request(**values):
        explorer.request = {**values, "id": len(LEARNING_RATES)}
    ours = [timed(lambda: request(learning_rate=lr)) for lr in LEARNING_RATES]
    others = {
        "batch size 16..64": [timed(lambda: request(batch_size=v))
                              for v in list(range(16, 65, 2)) + [BATCH_SIZE]],
        "optimizer menu": [timed(lambda: request(optimizer=v))
                           for v in ["momentum", "adam", "sgd"] * 5],
        "steps 40..60": [timed(lambda: request(steps=v)) for v in list(range(40, 61)) + [STEPS]],
        "examples 200..300": [timed(lambda: request(num_examples=v))
                              for v in list(range(200, 301, 5)) + [NUM_EXAMPLES]],
    }
    naive = [timed(lambda: naive_slider_change(lr)) for lr in LEARNING_RATES[::6]]
    return ours, others, naive


BEFORE_SCRIPT = """
import sys, time
from learntools_lite.sgd_explorer import animate_sgd
calls = {calls!r}
start = time.perf_counter(); animate_sgd(steps={steps}, live=False)
print("cold", time.perf_counter() - start)
for _ in range(3):
    start, cpu = time.perf_counter(), time.process_time()
    animate_sgd(steps={steps}, live=False)
    print("warm", time.perf_counter() - start, time.process_time() - cpu)
for i, call in enumerate(calls):
    html = animate_sgd(**call, live=False).to_html()
    print("size", len(html.encode()))
    open(sys.argv[1] + f"/before{{i}}.html", "w").write(html)
"""


def before_package(folder):
    """The package as of BEFORE, unpacked from git into `folder`."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", BEFORE, "learntools_lite"],
                             check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)


def run_before(folder):
    """(cold seconds, warm seconds, sizes) of the fixed player, measured in a subprocess."""
    result = subprocess.run(
        [sys.executable, "-c", BEFORE_SCRIPT.format(calls=CHAPTER_CALLS, steps=STEPS), str(folder)],
        env=dict(os.environ, PYTHONPATH=str(folder)), cwd=folder,
        capture_output=True, text=True, check=True)
    rows = [line.split() for line in result.stdout.splitlines()]
    cold = [float(r[1]) for r in rows if r[0] == "cold"][0]
    warm = [(float(r[1]), float(r[2])) for r in rows if r[0] == "warm"]
    return cold, warm, [int(r[1]) for r in rows if r[0] == "size"]


def static_render(folder):
    """Ours and the replaced player alternated (A B A B), then FuncAnimation."""
    ours, before_warm, before_cold = [], [], []
    for _ in range(2):
        ours += [timed(lambda: animate_sgd(steps=STEPS, live=False)) for _ in range(2)]
        cold, warm, sizes = run_before(folder)
        before_cold.append(cold)
        before_warm += warm
    naive = [timed(naive_static) for _ in range(2)]
    return ours, before_warm, before_cold, sizes, naive


def page_weights(folder):
    ours = []
    for i, call in enumerate(CHAPTER_CALLS):
        html = animate_sgd(**call, live=False).to_html()
        (folder / f"after{i}.html").write_text(html)
        ours.append(len(html.encode()))
    return ours


BROWSER_TIMING = """
async ([selector, count]) => {
  const input = document.querySelector(selector);
  const times = [], draws = [], nextFrame = [];
  const phase = Array.from({ length: 16 }, (_, i) => i);  // 0..15 ms, the same for both sides
  for (let k = 0; k < count; k++) {
    const max = Number(input.max), now = Number(input.value);
    input.value = String(now > 0 && (k % 20 < 10 || now === max) ? now - 1 : now + 1);
    // A person's input lands anywhere within a frame, not just after one:
    // wait a random part of a frame first (a loop that always fires right after
    // a frame would measure the frame interval, ~16.7 ms, for any page).
    await new Promise((done) => setTimeout(done, phase[k % phase.length]));
    const start = performance.now();
    const root = input.closest(".sgd-explorer");
    input.dispatchEvent(new Event("input", { bubbles: true }));
    // Our frame callback is queued after the explorer's (if it asked for one), so
    // by then the explorer has drawn, if it answers in the next frame at all.
    await new Promise((done) => requestAnimationFrame(() => {
      if (root) nextFrame.push(root.drawnAt > start);
      setTimeout(done, 0);
    }));
    times.push(performance.now() - start);
    if (root) draws.push(root.drawTook);
  }
  const median = (a) => a.length ? a.sort((x, y) => x - y)[Math.floor(a.length / 2)] : null;
  const share = nextFrame.length ? nextFrame.filter(Boolean).length / nextFrame.length : null;
  return [median(times), median(draws), share];
}
"""


def browser_latency(folder, rounds=3, count=40):
    """Median ms from input event to after the next painted frame, for the
    explorer's learning-rate slider and the replaced player's step slider."""
    sys.path.insert(0, str(ROOT / "tests"))
    from browser import chromium, serve

    page_html = "<!doctype html><meta charset=utf-8><body style='max-width:800px'>{}</body>"
    (folder / "after.html").write_text(page_html.format((folder / "after0.html").read_text()))
    (folder / "before.html").write_text(page_html.format((folder / "before0.html").read_text()))
    ours, theirs = [], []
    with serve(folder) as url, chromium() as browser:
        page = browser.new_page(viewport={"width": 1024, "height": 900}, device_scale_factor=2)
        for _ in range(rounds):
            page.goto(f"{url}/after.html")
            page.wait_for_selector(".sgd-explorer-host[data-ready=true]")
            ours.append(page.evaluate(BROWSER_TIMING, [".sgd-explorer input[type=range]", count]))
            page.goto(f"{url}/before.html")
            page.wait_for_selector(".sgd-animation img")
            theirs.append(page.evaluate(BROWSER_TIMING, [".sgd-animation input[type=range]", count]))
    return ours, theirs


def main():
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        before_package(folder)
        ours, others, naive = live_latency()
        static_ours, before_warm, before_cold, before_sizes, static_naive = static_render(folder)
        after_sizes = page_weights(folder)
        browser_ours, browser_before = browser_latency(folder)
    print(f"animate_sgd benchmark: {platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, matplotlib {matplotlib.__version__}, "
          f"NumPy {np.__version__}")
    print(f"load average (1 min) before/after: {load_before:.2f} / {os.getloadavg()[0]:.2f}"
          " (CPU times are what an idle machine would show)")
    print(f"\n(a) live explorer, request -> answer sent by the kernel, {STEPS} steps, "
          f"{NUM_EXAMPLES} examples")
    walls = [wall for wall, _ in ours]
    print(f"  ours, learning rate ({len(ours)} requests): {summary(ours)}"
          f"  p90 {ms(np.percentile(walls, 90))}, max {ms(max(walls))}")
    print(f"  naive, re-simulate + new figure ({len(naive)} moves): {summary(naive)}")
    print(f"  ratio naive / ours (wall / CPU): {ratio(naive, ours)}")
    for name, times in others.items():
        print(f"  ours, {name:28s} {summary(times)}")
    print(f"\n(b) static explorer for the book ({STEPS} steps), made at build time")
    print(f"  ours, grid of runs, animate_sgd(live=False): {summary(static_ours)}")
    print(f"  replaced fixed player ({len(before_warm)} runs): {summary(before_warm)} "
          f"(first call in its process {ms(statistics.median(before_cold))})")
    print(f"  ratio ours / replaced player (wall / CPU): {ratio(static_ours, before_warm)}")
    print(f"  naive, re-simulate + FuncAnimation.to_jshtml: {summary(static_naive)}")
    print("\n(c) page weight of chapter 3's four animate_sgd outputs (KB of HTML)")
    for call, after, before in zip(CHAPTER_CALLS, after_sizes, before_sizes):
        print(f"  {call}: explorer {after / 1000:6.0f} KB, fixed player {before / 1000:6.0f} KB")
    print(f"  total: explorers {sum(after_sizes) / 1000:.0f} KB, fixed players "
          f"{sum(before_sizes) / 1000:.0f} KB; target < 300 KB each")
    page = ROOT / "_build" / "html" / "book" / "03_gradient_descent.html"
    if page.is_file():
        print(f"  built page {page.relative_to(ROOT)}: {page.stat().st_size / 1e6:.2f} MB")
    print("\n(d) browser, input event (at a random point of a frame) -> after the next painted"
          " frame (median of medians, 2x pixel ratio)")
    total = [t for t, _, _ in browser_ours]
    print(f"  book explorer, learning-rate slider: {statistics.median(total):.1f} ms "
          f"(rounds: {', '.join(f'{v:.1f}' for v in total)}); target < 16 ms; of which "
          f"its drawing code {statistics.median(d for _, d, _ in browser_ours):.1f} ms; "
          f"answered in the next frame: "
          f"{statistics.median(f for _, _, f in browser_ours) * 100:.0f} % of inputs")
    total = [t for t, _, _ in browser_before]
    print(f"  fixed player, step slider:           {statistics.median(total):.1f} ms "
          f"(rounds: {', '.join(f'{v:.1f}' for v in total)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
