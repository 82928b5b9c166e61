"""Benchmark animate_sgd against the naive way, side by side in one run.

(a) Live: median latency from a slider change to a redrawn figure (PNG bytes
    in the explorer's Image widget), 50 steps and 256 examples; target < 50 ms.
    Naive: re-simulate step by step in a Python loop and re-create the figure
    (pyplot, contourf) for every change, then render it to PNG.
(b) Static: time to render the 50-step HTML animation; target < 1.5 s.
    Naive: re-simulate, then FuncAnimation(...).to_jshtml() on a new figure.

Run: .venv/bin/python bench/animate_sgd.py   (Agg backend, no display needed)
"""
import io
import os
import platform
import statistics
import sys
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.animation import FuncAnimation  # noqa: E402

from learntools_lite.sgd_explorer import animate_sgd  # noqa: E402
from learntools_lite.sgd_trajectory import make_data  # noqa: E402

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
    lr_slider = explorer.controls["learning_rate"]
    ours = [timed(lambda: setattr(lr_slider, "value", lr)) for lr in LEARNING_RATES]
    others = {
        "batch size slider 16..64": [
            timed(lambda: setattr(explorer.controls["batch_size"], "value", v))
            for v in list(range(16, 65, 2)) + [BATCH_SIZE]],
        "optimizer dropdown": [
            timed(lambda: setattr(explorer.controls["optimizer"], "value", v))
            for v in ["momentum", "adam", "sgd"] * 5],
        "steps slider 40..60": [
            timed(lambda: setattr(explorer.controls["steps"], "value", v))
            for v in list(range(40, 61)) + [STEPS]],
        "examples slider 200..300": [
            timed(lambda: setattr(explorer.controls["num_examples"], "value", v))
            for v in list(range(200, 301, 5)) + [NUM_EXAMPLES]],
        "step scrubber 0..50 (Play)": [
            timed(lambda: setattr(explorer.step, "value", i)) for i in range(STEPS + 1)],
    }
    naive = [timed(lambda: naive_slider_change(lr)) for lr in LEARNING_RATES[::6]]
    from IPython.core.pylabtools import print_figure
    redisplay = [timed(lambda: print_figure(explorer.figure, "png", bbox_inches="tight"))
                 for _ in range(8)]
    return ours, others, naive, redisplay


def static_render():
    cold = timed(lambda: animate_sgd(steps=STEPS, live=False))
    ours = [timed(lambda: animate_sgd(steps=STEPS, live=False)) for _ in range(5)]
    naive = [timed(naive_static) for _ in range(2)]
    return cold, ours, naive


def main():
    load_before = os.getloadavg()[0]
    ours, others, naive, redisplay = live_latency()
    cold, static_ours, static_naive = static_render()
    print(f"animate_sgd benchmark: {platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, matplotlib {matplotlib.__version__}, "
          f"NumPy {np.__version__}")
    print(f"load average (1 min) before/after: {load_before:.2f} / {os.getloadavg()[0]:.2f}"
          " (CPU times are what an idle machine would show)")
    print(f"\n(a) slider change -> redrawn figure, {STEPS} steps, {NUM_EXAMPLES} examples")
    walls = [wall for wall, _ in ours]
    print(f"  ours, learning-rate slider ({len(ours)} moves): {summary(ours)}"
          f"  p90 {ms(np.percentile(walls, 90))}, max {ms(max(walls))}; target < 50 ms")
    print(f"  naive, re-simulate + new figure ({len(naive)} moves): {summary(naive)}")
    print(f"  ratio naive / ours (wall / CPU): {ratio(naive, ours)}")
    for name, times in others.items():
        print(f"  ours, {name:28s} {summary(times)}")
    print(f"  (re-displaying the figure in an Output widget, as the inline backend "
          f"does, alone: {summary(redisplay)})")
    print(f"\n(b) static HTML animation, {STEPS} steps ({STEPS + 1} frames)")
    print(f"  ours, animate_sgd(live=False): {summary(static_ours)}; first call in "
          f"the process {ms(cold[0])}; target < 1.5 s")
    print(f"  naive, re-simulate + FuncAnimation.to_jshtml: {summary(static_naive)}")
    print(f"  ratio naive / ours (wall / CPU): {ratio(static_naive, static_ours)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
