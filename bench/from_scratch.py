"""How fast is the book's from-scratch code? Side-by-side timings, one comparison each.

    .venv/bin/python bench/from_scratch.py            # every comparison
    .venv/bin/python bench/from_scratch.py mlp        # only those whose name contains "mlp"

The code under test is the chapters' own: `load_library` executes the code
cells tagged "library" of a chapter notebook, so the benchmark times exactly
what the reader sees (there is no second copy of that code in the package).

Each comparison is one function that prints its timings and ratios measured
in this run; add new ones (e.g. `conv2d_...`) to COMPARISONS. Results are
recorded by hand in bench/RESULTS.md.

Threads: NumPy (OpenBLAS) and TensorFlow each get THREADS threads, 1 unless
BENCH_THREADS says otherwise. On our shared 2-core machine, multi-threaded
OpenBLAS spin-waits for busy cores and a 128x784 @ 784x128 product took
10-100 times longer than on one thread; one thread each is the fair setting.
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

THREADS = int(os.environ.get("BENCH_THREADS", "1"))
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = str(THREADS)      # before NumPy is imported
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import nbformat  # noqa: E402
import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BACKPROP_CHAPTER = ROOT / "book" / "04_backpropagation.ipynb"


def load_library(path: Path) -> dict:
    """The chapter's reusable code: its cells tagged "library", executed in one namespace.

    Library cells use `np` from the chapter's import cell, so it is provided here.
    """
    nb = nbformat.read(path, as_version=4)
    namespace = {"__name__": f"chapter_{path.stem}", "np": np}
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and "library" in cell.metadata.get("tags", []):
            exec(compile(cell.source, f"{path.name}, cell {index}", "exec"), namespace)
    return namespace


def best_time(run, repeat: int = 3) -> tuple[float, object]:
    """(fastest wall time in seconds, result of that run) of `repeat` calls of run()."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        out = run()
        seconds = time.perf_counter() - start
        if seconds < best:
            best, result = seconds, out
    return best, result


# ---- MLP: the chapter's vectorised mini-batch epoch vs a per-sample loop vs Keras ----

def _scratch_mlp(lib: dict, sizes, seed: int):
    """The chapter's mlp(): tanh hidden layers, linear output, MSE; float32 weights."""
    net = lib["mlp"](sizes, np.random.default_rng(seed), last_activation=False)
    for layer in net.layers:
        if isinstance(layer, lib["FCLayer"]):
            layer.W = layer.W.astype(np.float32)
            layer.b = layer.b.astype(np.float32)
    return net


def _keras():
    """Keras on TensorFlow, limited to THREADS threads (set before TensorFlow starts)."""
    import keras
    import tensorflow as tf

    if not getattr(_keras, "configured", False):
        tf.config.threading.set_intra_op_parallelism_threads(THREADS)
        tf.config.threading.set_inter_op_parallelism_threads(THREADS)
        _keras.configured = True
    return keras


def _keras_mlp(sizes, initial_weights, lr: float):
    """The same network in Keras, started from the same weights, plain SGD on MSE."""
    keras = _keras()

    model = keras.Sequential([keras.Input(shape=(sizes[0],))])
    for k, units in enumerate(sizes[1:]):
        last = k == len(sizes) - 2
        model.add(keras.layers.Dense(units, activation=None if last else "tanh"))
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=lr), loss="mse")
    model.set_weights(initial_weights)
    return model


def compare_mlp(name: str, X, y, sizes, num_epochs: int, batch_size: int, lr: float,
                repeat: int = 3) -> dict:
    """Time fit() of the same network on the same data for the same epochs, three ways."""
    keras = _keras()

    lib = load_library(BACKPROP_CHAPTER)
    X, y = np.asarray(X, np.float32), np.asarray(y, np.float32)
    initial = [p for layer in _scratch_mlp(lib, sizes, 0).layers
               if isinstance(layer, lib["FCLayer"]) for p in (layer.W, layer.b)]

    def scratch(batch):
        net = _scratch_mlp(lib, sizes, 0)
        return net.fit(X, y, num_epochs, lr, batch_size=batch)[-1]

    t_batch, loss_batch = best_time(lambda: scratch(batch_size), repeat)
    t_loop, loss_loop = best_time(lambda: scratch(1), 1)   # long enough to time once

    keras.utils.set_random_seed(0)
    model = _keras_mlp(sizes, initial, lr)
    model.fit(X[:batch_size], y[:batch_size], epochs=1, batch_size=batch_size,
              verbose=0)  # warm-up: tracing and compiling are not counted

    def keras_fit():
        model.set_weights(initial)
        history = model.fit(X, y, epochs=num_epochs, batch_size=batch_size, verbose=0)
        return history.history["loss"][-1]

    t_keras, loss_keras = best_time(keras_fit, repeat)

    arch = "-".join(map(str, sizes))
    print(f"\n{name}: {arch} tanh MLP, {len(X)} samples, {num_epochs} epochs, "
          f"lr {lr}, float32 (best of {repeat}; the loop once)")
    rows = [(f"chapter code, mini-batch {batch_size}", t_batch, loss_batch),
            ("chapter code, per-sample loop", t_loop, loss_loop),
            (f"Keras {keras.__version__}, mini-batch {batch_size}", t_keras, loss_keras)]
    for label, seconds, loss in rows:
        print(f"  {label:34s} {seconds:8.3f} s   final epoch loss {loss:.4f}")
    ratios = {"loop / mini-batch": t_loop / t_batch, "keras / mini-batch": t_keras / t_batch}
    for label, ratio in ratios.items():
        print(f"  {label:34s} {ratio:8.2f}x")
    return ratios


def mlp_red_wine():
    """A small network on a small table: Python overhead per step dominates."""
    from learntools_lite.datasets import load_red_wine

    wine = load_red_wine()
    X = wine.drop(columns="quality").to_numpy(float)
    y = wine[["quality"]].to_numpy(float)
    X = (X - X.mean(axis=0)) / X.std(axis=0)
    y = (y - y.mean()) / y.std()
    return compare_mlp("red wine", X, y, [11, 16, 16, 1], num_epochs=20, batch_size=32,
                       lr=0.01)


def mlp_mnist():
    """MNIST-sized dense layers: the matrix products dominate."""
    from learntools_lite.datasets import load_mnist

    (images, labels), _ = load_mnist()
    n = 5_000
    X = images[:n].reshape(n, 28 * 28).astype(np.float32) / 255
    y = np.eye(10, dtype=np.float32)[labels[:n]]     # one-hot targets for MSE
    return compare_mlp("MNIST", X, y, [784, 128, 64, 10], num_epochs=3, batch_size=128,
                       lr=0.1)


# ---- Conv2D: the chapter's vectorised layer vs a per-channel scipy.signal loop ----

CONVNETS_CHAPTER = ROOT / "book" / "05_convnets.ipynb"


def _conv2d_scipy_loop(X, K, b, G):
    """Forward and backward with one 2-D SciPy call per (image, input, output channel).

    The loop a from-scratch tutorial writes: Y by correlate2d, dE/dK by
    correlating the input with dE/dY, dE/dX by a full convolve2d of dE/dY with K.
    """
    from scipy.signal import convolve2d, correlate2d

    n_images, (kh, kw, c_in, c_out) = len(X), K.shape
    Y = np.empty((n_images, X.shape[1] - kh + 1, X.shape[2] - kw + 1, c_out))
    dX, dK = np.zeros_like(X), np.zeros_like(K)
    for n in range(n_images):
        for d in range(c_out):
            Y[n, :, :, d] = b[d] + sum(correlate2d(X[n, :, :, c], K[:, :, c, d], mode="valid")
                                       for c in range(c_in))
            for c in range(c_in):
                dK[:, :, c, d] += correlate2d(X[n, :, :, c], G[n, :, :, d], mode="valid")
                dX[n, :, :, c] += convolve2d(G[n, :, :, d], K[:, :, c, d], mode="full")
    return Y, dX, dK, G.sum(axis=(0, 1, 2))


def conv2d_vs_scipy_loop(n_images: int = 32, size: int = 28, c_in: int = 8, c_out: int = 16,
                         kernel_size: int = 3, repeat: int = 5) -> dict:
    """Conv2D forward + backward on one batch: chapter 5's layer vs the SciPy loop.

    float32 (as Keras and the MLP comparisons use) and float64 (the chapter's
    default), both sides on the same arrays in the same precision.
    """
    lib = load_library(CONVNETS_CHAPTER)
    out = size - kernel_size + 1
    calls = 3 * n_images * c_in * c_out
    print(f"\nConv2D: batch {n_images} x {size} x {size} x {c_in} -> {c_out} channels, "
          f"{kernel_size}x{kernel_size}, stride 1 (best of {repeat}); the SciPy loop makes "
          f"{calls} correlate2d/convolve2d calls; Y, dX, dK, db agree")
    ratios = {}
    for dtype in (np.float32, np.float64):
        rng = np.random.default_rng(0)
        X = rng.normal(size=(n_images, size, size, c_in)).astype(dtype)
        G = rng.normal(size=(n_images, out, out, c_out)).astype(dtype)
        layer = lib["Conv2D"](c_in, c_out, kernel_size, rng=rng)
        layer.K = layer.K.astype(dtype)
        layer.b = rng.normal(size=c_out).astype(dtype)

        def chapter():
            Y = layer.forward(X)
            dX = layer.backward(G, lr=0.0)       # lr=0: K and b stay as they are
            return Y, dX, layer.dK, layer.db

        t_forward, _ = best_time(lambda: layer.forward(X), repeat)
        t_chapter, ours = best_time(chapter, repeat)
        t_loop, theirs = best_time(lambda: _conv2d_scipy_loop(X, layer.K, layer.b, G), repeat)
        for name, a, b in zip(["Y", "dX", "dK", "db"], ours, theirs):
            assert a.dtype == dtype and np.allclose(a, b, rtol=1e-4, atol=1e-3), name
        name = np.dtype(dtype).name
        print(f"  {name}: chapter forward {t_forward * 1e3:6.1f} ms | chapter forward + "
              f"backward {t_chapter * 1e3:6.1f} ms | SciPy loop forward + backward "
              f"{t_loop * 1e3:6.0f} ms | loop / chapter {t_loop / t_chapter:5.1f}x")
        ratios[f"scipy loop / chapter ({name})"] = t_loop / t_chapter
    return ratios

COMPARISONS = [mlp_red_wine, mlp_mnist, conv2d_vs_scipy_loop]


def main(argv: list[str]) -> None:
    import platform

    wanted = [c for c in COMPARISONS if not argv or any(a in c.__name__ for a in argv)]
    print(f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"NumPy {np.__version__}, {THREADS} thread(s) each for NumPy and TensorFlow")
    for comparison in wanted:
        comparison()


if __name__ == "__main__":
    main(sys.argv[1:])
