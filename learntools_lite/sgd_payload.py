"""The explorer's data for the browser: runs of `sgd_trajectory`, packed small.

The front end (static/sgd_explorer.js) only draws; everything it draws comes
from here, as one "bundle": a JSON object with the settings on each axis of
a grid (learning rates, batch sizes, optimizers), the data set, the views and
their loss-surface pictures, and one base64-encoded blob of binary arrays.
The book embeds the bundle of a whole grid, its blob zlib-compressed
(`"compression": "deflate"`); the live widget sends a bundle of a grid of
one, for whatever setting the learner picked, uncompressed (`"none"`): a
browser inflates only asynchronously, which took more time on each request
than the run's few kilobytes take to travel.

Only what is drawn is sent, quantised where the eye cannot tell:

- per data set: x and y (float32), and the mini-batches of each batch size
  (the same for every learning rate and optimizer), as a bit mask per step
  or as index lists, whichever is smaller;
- per run: w, b and the log10 of both losses, each as 11-bit codes of its
  own range (a step of 1/2047 of the range: under a pixel of its panel),
  plus the view index, the loss decades and the step at which it diverged.

Sections of the blob for the runs (little-endian), in grid order
(optimizer, then batch size, then learning rate):
    `runs`: one header per run, RUN_HEADER: uint16 frames, uint16
        diverged_at (0: did not diverge), uint16 view, int8 lowest and
        highest loss decade, float32 x 8 (lo, hi of w, b, log10 full loss,
        log10 batch loss);
    `codes`: for each run in turn the codes of w, b, full loss (frames
        each) and batch loss (frames - 1), each array stored as differences
        from its previous code (mod 2^16; the first from 0), as uint16 split
        into all low bytes, then all high bytes. Differences of a smooth
        path are small numbers, and split bytes compress twice as well.
"""
from __future__ import annotations

import base64
import dataclasses
import struct
import zlib

import numpy as np

from .messages import text
from .sgd_trajectory import OPTIMIZERS, START, Settings, epoch_batches, simulate
from .sgd_views import data_uri, loss_decades, nice_limits, parameter_view, surface_png

FORMAT_VERSION = 1
# Learning rates of the book's slider: eight per decade, values a person
# would type (the call's own value is added, so it is on the slider exactly).
MANTISSAS = (1, 1.2, 1.5, 2, 3, 4, 5, 7)
LEARNING_RATES = tuple(float(f"{m}e{e}") for e in (-3, -2, -1) for m in MANTISSAS) + (
    1.0, 1.2, 1.5, 2.0)
CODE_BITS = 11              # 2048 levels across each array's range
CODE_MAX = 2**CODE_BITS - 1
RUN_HEADER = struct.Struct("<HHHbb8f")


def learning_rate_grid(settings: Settings):
    return tuple(sorted(set(LEARNING_RATES) | {settings.learning_rate}))


def batch_size_grid(settings: Settings):
    """Powers of two up to the number of examples, the full batch and the call's own."""
    n = settings.num_examples
    powers = {2**k for k in range(n.bit_length()) if 2**k <= n}
    return tuple(sorted(powers | {n, settings.batch_size}))


def grid_bundle(settings: Settings, interval=100):
    """Every run of the grid around `settings` (what the book embeds), with
    `settings` as the one shown first."""
    return _bundle(settings, learning_rate_grid(settings), batch_size_grid(settings),
                   OPTIMIZERS, interval)


def run_bundle(trajectory, interval=100, views=None):
    """The one run `trajectory` (what the live widget sends for each change).
    `views` caches surface pictures between calls: {(data set, view): data URI}."""
    s = trajectory.settings
    return _bundle(s, (s.learning_rate,), (s.batch_size,), (s.optimizer,), interval,
                   views, trajectory, compress=False)


def _bundle(settings, learning_rates, batch_sizes, optimizers, interval, cache=None,
            known=None, compress=True):
    blob = _Blob()
    s = settings
    batches = {}
    for batch_size in batch_sizes:
        batches[str(batch_size)] = _encode_batches(
            blob, epoch_batches(s.num_examples, batch_size, s.steps, s.seed), s.num_examples)
    views, view_index, records, first = [], {}, [], None
    cache = {} if cache is None else cache
    for optimizer in optimizers:
        for batch_size in batch_sizes:
            for learning_rate in learning_rates:
                run = dataclasses.replace(s, learning_rate=learning_rate,
                                          batch_size=batch_size, optimizer=optimizer)
                t = known if known is not None and known.settings == run else simulate(run)
                first = first or t
                view = parameter_view(t)
                if view not in view_index:
                    view_index[view] = len(views)
                    key = (s.num_examples, s.true_w, s.true_b, s.seed, view)
                    if key not in cache:
                        cache[key] = data_uri(surface_png(t, *view))
                    views.append({"w": list(view[0]), "b": list(view[1]), "image": cache[key]})
                records.append(encode_run(t, view_index[view]))
    runs = blob.add(b"".join(header for header, _ in records))
    codes = blob.add(_split_bytes(np.concatenate([c for _, c in records])))
    dataset = {
        "num_examples": s.num_examples, "steps": s.steps, "seed": s.seed,
        "true_w": s.true_w, "true_b": s.true_b, "start": list(START),
        "optimum": list(first.optimum),
        "x": blob.add(first.x.astype("<f4").tobytes()),
        "y": blob.add(first.y.astype("<f4").tobytes()),
        "x_limits": list(nice_limits(first.x)), "y_limits": list(nice_limits(first.y)),
    }
    return {
        "version": FORMAT_VERSION,
        "learning_rates": list(learning_rates), "batch_sizes": list(batch_sizes),
        "optimizers": list(optimizers),
        # The sliders' positions: the grid around the run, also for a bundle of one.
        "slider": {"learning_rates": list(learning_rate_grid(s)),
                   "batch_sizes": list(batch_size_grid(s)), "optimizers": list(OPTIMIZERS)},
        "initial": {"learning_rate": s.learning_rate, "batch_size": s.batch_size,
                    "optimizer": s.optimizer},
        "interval": interval,
        "dataset": dataset, "batches": batches, "views": views,
        "runs": runs, "codes": codes, "run_count": len(records), "code_max": CODE_MAX,
        "diverged_message": text("sgd.diverged", step="{step}"),
        "compression": "deflate" if compress else "none",
        "blob": base64.b64encode(zlib.compress(blob.bytes(), 9) if compress else blob.bytes()).decode("ascii"),
    }


def encode_run(t, view):
    """(header, delta codes) of one run (see the module docstring)."""
    arrays = [t.w, t.b, np.log10(t.full_loss), np.log10(t.batch_loss)]
    ranges, codes = [], []
    for values in arrays:
        lo, hi = (float(values.min()), float(values.max())) if len(values) else (0.0, 0.0)
        lo32, hi32 = np.float32(lo), np.float32(hi)
        ranges += [lo32, hi32]
        codes.append(quantise(values, lo32, hi32))
    low, high = loss_decades(t)
    header = RUN_HEADER.pack(t.n_steps + 1, t.diverged_at or 0, view, low, high, *ranges)
    deltas = [np.diff(c.astype(np.int64), prepend=0) % 2**16 for c in codes]
    return header, np.concatenate(deltas).astype(np.uint16)


def _split_bytes(values):
    """uint16 values as all their low bytes, then all their high bytes."""
    pairs = values.astype("<u2").view(np.uint8).reshape(-1, 2)
    return pairs[:, 0].tobytes() + pairs[:, 1].tobytes()


def quantise(values, lo, hi):
    """uint16 codes of `values` in [lo, hi]; `dequantise` is the inverse."""
    span = float(hi) - float(lo)
    if span <= 0:
        return np.zeros(len(values), np.uint16)
    return np.clip(np.rint((values - float(lo)) / span * CODE_MAX), 0, CODE_MAX).astype(np.uint16)


def dequantise(codes, lo, hi):
    return float(lo) + codes.astype(float) * ((float(hi) - float(lo)) / CODE_MAX)


def _encode_batches(blob, batches, num_examples):
    """The examples of each step's mini-batch: a bit mask per step (bit i of
    a step's row says whether example i is in its batch) or the index lists
    with their starts, whichever takes fewer bytes."""
    steps = len(batches)
    row = -(-num_examples // 8)
    flat = np.concatenate(batches)
    index_type = "<u2" if num_examples <= 65536 else "<u4"
    index_bytes = flat.size * np.dtype(index_type).itemsize + 4 * (steps + 1)
    if steps * row <= index_bytes:
        mask = np.zeros((steps, num_examples), bool)
        for i, batch in enumerate(batches):
            mask[i, batch] = True
        bits = np.packbits(mask, axis=1, bitorder="little")
        return {"kind": "mask", "row_bytes": row, "data": blob.add(bits.tobytes())}
    starts = np.cumsum([0] + [len(batch) for batch in batches]).astype("<u4")
    return {"kind": "index", "index_bytes": np.dtype(index_type).itemsize,
            "data": blob.add(flat.astype(index_type).tobytes()),
            "starts": blob.add(starts.tobytes())}


class _Blob:
    """Byte sections appended one after another; `add` returns [offset, length]."""

    def __init__(self):
        self._parts, self._size = [], 0

    def add(self, data: bytes):
        # 4-byte alignment, so the browser can view float32 sections in place.
        pad = -self._size % 4
        if pad:
            self._parts.append(b"\0" * pad)
            self._size += pad
        self._parts.append(data)
        self._size += len(data)
        return [self._size - len(data), len(data)]

    def bytes(self):
        return b"".join(self._parts)
