"""The find-the-bug questions: q_3 (statistics over the wrong axes) and q_5 (a loss
that broadcasts (n,) against (n, 1) into an (n, n) table and still returns a number).

The notebook hands out the buggy code; the learner fixes it. Oracles are
independent of any fix: a loop over the features, each one's values gathered
into one flat list, for q_3; a plain loop over the samples for q_5. Each
mistake is a function making that bug or that wrong fix, so the learner is
told which one they made.
"""
import math

import numpy as np

from ..core import FunctionQuestion, Mistake
from ..messages import catalogue

_ = catalogue("ex2_broadcasting")

# ---- q_3: standardise each feature of a batch of sequences ---------------------------


def zscore_per_feature(X):
    """Each feature (last axis) standardised over every sample and timestep, one feature
    at a time: its values gathered into one flat list, then (value - mean) / std."""
    X = np.asarray(X, dtype=float)
    out = np.empty_like(X)
    for f in range(X.shape[-1]):
        values = X[..., f].ravel()
        mean = math.fsum(values) / values.size
        std = math.sqrt(math.fsum((values - mean) ** 2) / values.size)
        out[..., f] = (X[..., f] - mean) / std
    return out


def standardized_over(mean_axes, std_axes):
    """(X - mean) / std with the statistics taken over the given axes (kept)."""
    def standardize(X):
        X = np.asarray(X, dtype=float)
        return ((X - np.mean(X, axis=mean_axes, keepdims=True))
                / np.std(X, axis=std_axes, keepdims=True))
    return standardize


def _sequences(rng):
    """(samples, timesteps, features), three different sizes; each sample has its own level."""
    samples, timesteps, features = rng.choice(np.arange(2, 9), size=3, replace=False)
    loc = rng.uniform(-20, 20, size=features)
    scale = rng.uniform(0.5, 5, size=features)
    level = rng.normal(0, 3, size=(samples, 1, features))
    return (rng.normal(loc, scale, size=(samples, timesteps, features)) + level,)


def _sensor_example():
    """4 recordings of 5 timesteps of 3 sensors: temperature, pressure, humidity."""
    base = np.array([21.0, 1013.0, 0.45])
    level = np.array([[0.0], [4.0], [-3.0], [8.0]])[:, :, None] * np.array([1.0, 2.0, 0.01])
    drift = np.linspace(-1, 1, 5)[None, :, None] * np.array([0.5, 3.0, 0.05])
    return [(base + level + drift + np.arange(60).reshape(4, 5, 3) % 7 * 0.1,)]


_TIME_AXIS = 1
q_3 = FunctionQuestion(
    var="standardize_features",
    oracle=zscore_per_feature,
    cases=_sensor_example,
    random_cases=_sequences,
    mistakes=[
        Mistake(_("q_3.mistake.unfixed"), wrong=standardized_over(_TIME_AXIS, _TIME_AXIS)),
        Mistake(_("q_3.mistake.std_unfixed"), wrong=standardized_over((0, 1), _TIME_AXIS)),
        Mistake(_("q_3.mistake.mean_unfixed"), wrong=standardized_over(_TIME_AXIS, (0, 1))),
        Mistake(_("q_3.mistake.per_timestep"), wrong=standardized_over(0, 0)),
        Mistake(_("q_3.mistake.per_sample"), wrong=standardized_over((1, 2), (1, 2))),
        Mistake(_("q_3.mistake.across_features"), wrong=standardized_over(2, 2)),
        Mistake(_("q_3.mistake.whole_array"), wrong=standardized_over(None, None)),
    ],
    hints=[_("q_3.hint.1"), _("q_3.hint.2"), _("q_3.hint.3")],
)

# ---- q_5: a binary cross-entropy that must not broadcast -----------------------------

CLIP = 1e-7  # the given code keeps log away from 0 like this; the test inputs never need it


def bce_by_loop(y, p):
    """Mean of -(y_i log p_i + (1 - y_i) log(1 - p_i)) over the samples, one at a time."""
    ys = [float(v) for v in np.ravel(y)]
    ps = [min(max(float(v), CLIP), 1 - CLIP) for v in np.ravel(p)]
    return sum(-(t * math.log(q) + (1 - t) * math.log(1 - q)) for t, q in zip(ys, ps)) / len(ys)


def bce_as_given(y, p):
    """The given code's formula on y and p exactly as they come (the bug: no reshaping)."""
    y, p = np.asarray(y, dtype=float), np.clip(np.asarray(p, dtype=float), CLIP, 1 - CLIP)
    return np.mean(-(y * np.log(p) + (1 - y) * np.log(1 - p)))


def _on_p(change):
    return lambda y, p: bce_as_given(y, change(np.asarray(p)))


def _on_y(change):
    return lambda y, p: bce_as_given(change(np.asarray(y)), p)


def _transposed(a):
    return a.T


def _column(a):
    return a.reshape(-1, 1)


def _labels_and_probabilities(rng):
    n = int(rng.integers(3, 10))
    y = rng.integers(0, 2, size=n).astype(float)
    p = rng.uniform(0.05, 0.95, size=n)
    shapes = [(n,), (n, 1)]
    return (y.reshape(shapes[int(rng.integers(2))]), p.reshape(shapes[int(rng.integers(2))]))


def _bce_cases():
    y = np.array([1.0, 0.0, 0.0, 1.0, 1.0])
    p = np.array([0.9, 0.2, 0.3, 0.6, 0.8])
    return [(y, p.reshape(-1, 1)),                 # as Keras gives them: labels (n,), predict (n, 1)
            (y.reshape(-1, 1), p),                 # the other way round
            (y, p),                                # both flat
            (y.reshape(-1, 1), p.reshape(-1, 1))]  # both columns


q_5 = FunctionQuestion(
    var="binary_cross_entropy",
    oracle=bce_by_loop,
    cases=_bce_cases,
    random_cases=_labels_and_probabilities,
    mistakes=[
        Mistake(_("q_5.mistake.unfixed"), wrong=bce_as_given),
        # .T, ravel or reshape(-1) on one argument behave alike: flat (or a row) against
        # a flat other argument is right, against a column it is the (n, n) table again
        Mistake(_("q_5.mistake.only_one_flat", arg="p", other="y"), wrong=_on_p(_transposed)),
        Mistake(_("q_5.mistake.only_one_flat", arg="y", other="p"), wrong=_on_y(_transposed)),
        Mistake(_("q_5.mistake.only_one_column", arg="p", other="y"), wrong=_on_p(_column)),
        Mistake(_("q_5.mistake.only_one_column", arg="y", other="p"), wrong=_on_y(_column)),
        Mistake(_("q_5.mistake.sum"), wrong=lambda y, p: bce_by_loop(y, p) * np.size(y)),
    ],
    hints=[_("q_5.hint.1"), _("q_5.hint.2"), _("q_5.hint.3")],
)
