"""Exercise 2, "Broadcasting": the questions and their checkers.

    from learntools_lite.core import binder; binder.bind(globals())
    from learntools_lite.ex2 import *

Oracles are independent of the solutions: NumPy's own rule
(`np.broadcast_shapes`) for result shapes, `scipy.stats.zscore` for
standardising, `scipy.spatial.distance.cdist` for distances, and plain loops
over samples or channels for the loss and the bias.
"""
import numpy as np

from .core import (FunctionQuestion, Mistake, Multipart, MultipleChoice, ThoughtQuestion,
                   ValueQuestion, register)
from .core.blank import ____  # noqa: F401  (exported for the notebook)

# ---- q_1: result shapes -------------------------------------------------------


def broadcast_or_error(s1, s2):
    """NumPy's result shape for s1 with s2, or "error" when they do not broadcast."""
    try:
        return tuple(int(n) for n in np.broadcast_shapes(tuple(s1), tuple(s2)))
    except ValueError:
        return "error"


def left_aligned(s1, s2):
    """The (wrong) result of lining the shapes up from the left: pad with 1s on the right."""
    n = max(len(s1), len(s2))
    return broadcast_or_error(tuple(s1) + (1,) * (n - len(s1)),
                              tuple(s2) + (1,) * (n - len(s2)))


def _is_error_string(value):
    return isinstance(value, str) and str.__str__(value).strip().lower() == "error"


def _shape_part(var, s1, s2, hint):
    """A ValueQuestion: the shape of broadcasting s1 with s2 (or "error")."""
    expected = broadcast_or_error(s1, s2)
    left = left_aligned(s1, s2)
    mistakes = []
    if left != expected:
        mistakes.append(Mistake(
            "`{name}`: you lined the shapes up from the left. NumPy lines them up from "
            "the right (trailing axes first) and puts the missing axes in front.",
            wrong=left))
    if expected == "error":
        mistakes.append(Mistake(
            "`{name}`: these shapes do not broadcast. Set `{name}` to the string "
            "\"error\": some pair of axes differs and neither of the two is 1.",
            matches=lambda v: isinstance(v, (tuple, list))))
    elif left != "error":  # else the left-alignment mistake already names "error"
        mistakes.append(Mistake(
            "`{name}`: these shapes do broadcast. Compare them axis by axis from the "
            "right: each pair is equal, or one of the two is 1.",
            matches=_is_error_string))
    mistakes.append(Mistake(  # anything else: explain the rule, don't give the answer away
        "`{name}` is not what NumPy's rule gives. Write the shapes right-aligned, one "
        "above the other, and fill the missing axes with 1: each pair of axes must be "
        "equal or contain a 1, and the result takes the larger of the two.",
        matches=lambda v: True))
    return ValueQuestion(
        var=var, expected=expected, mistakes=mistakes,
        hints=[hint,
               "Check your answer with `np.broadcast_shapes(shape1, shape2)`, or "
               "`(np.zeros(shape1) + np.zeros(shape2)).shape`: it raises a ValueError when "
               "the shapes do not broadcast."])


PAIRS = {"shape_a": ((8, 1, 6, 1), (7, 1, 5)),
         "shape_b": ((3,), (3, 1)),
         "shape_c": ((2, 3), (2,))}

q_1 = Multipart(
    a=_shape_part("shape_a", *PAIRS["shape_a"],
                  "Right-align: (8, 1, 6, 1) over (_, 7, 1, 5). Axis by axis: 8 with a "
                  "missing axis (treated as 1), 1 with 7, 6 with 1, 1 with 5."),
    b=_shape_part("shape_b", *PAIRS["shape_b"],
                  "The vector (3,) becomes (1, 3) when a leading axis is added; then "
                  "(1, 3) meets (3, 1) axis by axis."),
    c=_shape_part("shape_c", *PAIRS["shape_c"],
                  "Right-align: (2, 3) over (_, 2). The last axes are 3 and 2."),
)

# ---- q_2: standardise the columns -------------------------------------------------


def _zscore(X):
    from scipy.stats import zscore

    return zscore(np.asarray(X, dtype=float), axis=0)


def _feature_table(rng):
    n, d = int(rng.integers(4, 9)), int(rng.integers(2, 5))
    loc, scale = rng.uniform(-5, 5, size=d), rng.uniform(0.5, 3, size=d)
    return (rng.normal(loc, scale, size=(n, d)),)


q_2 = FunctionQuestion(
    var="standardize",
    oracle=_zscore,
    cases=lambda: [(np.array([[1.0, 10.0, -2.0], [3.0, 30.0, 0.0], [5.0, 80.0, 5.0],
                              [7.0, 40.0, 1.0]]),)],
    random_cases=_feature_table,
    mistakes=[
        Mistake("`{name}` divides by the standard deviation of each row (axis=1); each "
                "column (feature) needs its own: `X.std(axis=0)`.",
                wrong=lambda X: (X - X.mean(axis=0)) / X.std(axis=1, keepdims=True)),
        Mistake("`{name}` standardises each row (sample) instead of each column "
                "(feature): reduce over axis=0, the samples axis.",
                wrong=lambda X: (X - X.mean(axis=1, keepdims=True))
                / X.std(axis=1, keepdims=True)),
        Mistake("`{name}` subtracts the mean of the whole array; subtract the mean of "
                "each column, `X.mean(axis=0)`.",
                wrong=lambda X: (X - X.mean()) / X.std(axis=0)),
        Mistake("`{name}` uses the mean and standard deviation of the whole array; each "
                "column needs its own (axis=0).",
                wrong=lambda X: (X - X.mean()) / X.std()),
        Mistake("`{name}` divides by the standard deviation of the whole array; divide "
                "by the standard deviation of each column, `X.std(axis=0)`.",
                wrong=lambda X: (X - X.mean(axis=0)) / X.std()),
        Mistake("`{name}` forgot to subtract the mean: (X - mean) / std.",
                wrong=lambda X: X / X.std(axis=0)),
        Mistake("`{name}` divides by the sample standard deviation (ddof=1, the default "
                "of pandas' `.std()`); use NumPy's `X.std(axis=0)` (ddof=0).",
                wrong=lambda X: (X - X.mean(axis=0)) / X.std(axis=0, ddof=1)),
    ],
    hints=[
        "`X.mean(axis=0)` has one mean per column, shape (features,); broadcasting "
        "subtracts it from every row.",
        "`(X - X.mean(axis=0, keepdims=True)) / X.std(axis=0, keepdims=True)`: "
        "keepdims=True keeps the shape (1, features), which makes the broadcast explicit.",
    ],
)

# ---- q_3: pairwise squared distances ---------------------------------------------------


def _sq_cdist(A, B):
    from scipy.spatial.distance import cdist

    return cdist(np.asarray(A, float), np.asarray(B, float), "sqeuclidean")


def _cdist(A, B):
    from scipy.spatial.distance import cdist

    return cdist(np.asarray(A, float), np.asarray(B, float))


def _two_clouds(rng):
    n, d = int(rng.integers(2, 7)), int(rng.integers(1, 5))
    m = n + int(rng.integers(1, 4))  # n != m: a transposed result has the wrong shape
    return rng.normal(size=(n, d)), rng.normal(size=(m, d)) + 1.0


q_3 = FunctionQuestion(
    var="pairwise_sq_dists",
    oracle=_sq_cdist,
    cases=lambda: [(np.array([[0.0, 0.0], [1.0, 2.0], [3.0, -1.0]]),
                    np.array([[1.0, 1.0], [0.0, 4.0]]))],
    random_cases=_two_clouds,
    mistakes=[
        Mistake("`{name}` returns the transposed matrix, shape (m, n): row i must belong "
                "to A[i] and column j to B[j]. Put the new axis of `A` second "
                "(`A[:, None, :]`) and that of `B` first (`B[None, :, :]`).",
                wrong=lambda A, B: _sq_cdist(B, A)),
        Mistake("`{name}` returns the distances, not the squared distances: drop the "
                "square root.",
                wrong=_cdist),
        Mistake("`{name}` is missing the factor 2: "
                "|a - b|^2 = |a|^2 - 2 a.b + |b|^2.",
                wrong=lambda A, B: (A ** 2).sum(axis=1)[:, None] - A @ B.T
                + (B ** 2).sum(axis=1)[None, :]),
    ],
    hints=[
        "`A[:, None, :] - B[None, :, :]` has shape (n, m, d): entry [i, j] is the "
        "difference vector A[i] - B[j].",
        "Square the differences and sum over the last axis (the features): "
        "`((A[:, None, :] - B[None, :, :]) ** 2).sum(axis=-1)`.",
    ],
)

# ---- q_4: a mean squared error that survives (n,) vs (n, 1) --------------------------


def _mse_by_loop(y, y_hat):
    """Mean over the samples of (y_i - y_hat_i)^2, one sample at a time."""
    y, y_hat = np.asarray(y, float).reshape(-1), np.asarray(y_hat, float).reshape(-1)
    return sum((float(a) - float(b)) ** 2 for a, b in zip(y, y_hat)) / len(y)


def _targets_and_predictions(rng):
    n = int(rng.integers(3, 9))
    y, y_hat = rng.normal(size=n), rng.normal(size=n)
    shapes = [(n,), (n, 1)]
    return (y.reshape(shapes[int(rng.integers(2))]), y_hat.reshape(shapes[int(rng.integers(2))]))


def _mse_cases():
    y = np.array([3.0, -0.5, 2.0, 7.0])
    y_hat = np.array([2.5, 0.0, 2.0, 8.0])
    return [(y, y_hat.reshape(-1, 1)),            # a Keras model's predictions: (n, 1)
            (y.reshape(-1, 1), y_hat),            # the other way round
            (y, y_hat),                           # both (n,)
            (y.reshape(-1, 1), y_hat.reshape(-1, 1))]


q_4 = FunctionQuestion(
    var="mse",
    oracle=_mse_by_loop,
    cases=_mse_cases,
    random_cases=_targets_and_predictions,
    mistakes=[
        Mistake("`{name}` still broadcasts (n,) against (n, 1) into an (n, n) matrix and "
                "averages all n * n differences: make both arrays the same shape first.",
                wrong=lambda y, y_hat: np.mean((y_hat - y) ** 2)),
        Mistake("`{name}` reshapes `y_hat` but not `y`: it fails when `y` has shape "
                "(n, 1). Flatten both (`np.ravel`).",
                wrong=lambda y, y_hat: np.mean((np.ravel(y_hat) - y) ** 2)),
        Mistake("`{name}` reshapes `y` but not `y_hat`: it fails when `y_hat` has shape "
                "(n, 1). Flatten both (`np.ravel`).",
                wrong=lambda y, y_hat: np.mean((y_hat - np.ravel(y)) ** 2)),
        Mistake("`{name}` returns the root of the mean squared error (RMSE): drop "
                "the square root.",
                wrong=lambda y, y_hat: np.sqrt(_mse_by_loop(y, y_hat))),
        Mistake("`{name}` sums the squared errors; the loss is their mean.",
                wrong=lambda y, y_hat: _mse_by_loop(y, y_hat) * np.size(y)),
    ],
    hints=[
        "Print `(y_hat - y).shape` for y of shape (4,) and y_hat of shape (4, 1): it is "
        "(4, 4), not (4,).",
        "Flatten both before subtracting: `np.mean((np.ravel(y_hat) - np.ravel(y)) ** 2)`.",
    ],
)

# ---- q_5: one bias per channel --------------------------------------------------------


def _bias_by_channel(Z, b):
    """Z + b with b[c] added to every entry of channel c, one channel at a time."""
    out = np.array(Z, dtype=float)
    for c in range(out.shape[1]):
        out[:, c] += b[c]
    return out


def _feature_maps(rng):
    channels = int(rng.integers(2, 6))
    batch = channels + int(rng.integers(1, 3))
    # square maps with as many pixels per side as channels: the case where a bias
    # added along the wrong axis broadcasts silently instead of raising
    shape = (batch, channels, channels, channels)
    return rng.normal(size=shape), rng.normal(size=channels) * 10


q_5 = FunctionQuestion(
    var="add_bias",
    oracle=_bias_by_channel,
    cases=lambda: [(np.arange(2 * 3 * 3 * 3, dtype=float).reshape(2, 3, 3, 3),
                    np.array([100.0, 200.0, 300.0]))],
    random_cases=_feature_maps,
    mistakes=[
        Mistake("`{name}` adds the bias along the last axis (the width): `Z + b` lines "
                "`b` up with the last axis. Give `b` the shape (channels, 1, 1).",
                wrong=lambda Z, b: Z + b),
        Mistake("`{name}` adds the bias along the height axis: `b[:, None]` has shape "
                "(channels, 1), which lines up with (height, width). Add one more axis: "
                "(channels, 1, 1).",
                wrong=lambda Z, b: Z + b[:, None]),
    ],
    hints=[
        "Right-align the shapes: (batch, channels, height, width) over (channels,). "
        "Which axis of `Z` does `b` meet?",
        "Give `b` two trailing axes of length 1: `Z + b[:, None, None]` "
        "(or `b.reshape(-1, 1, 1)`).",
    ],
)

# ---- q_6: which pair broadcasts to (4, 3, 2)? -----------------------------------------

CHOICES = {"a": ((4, 3, 2), (4,)), "b": ((4, 1, 2), (3, 1)),
           "c": ((4, 3), (2,)), "d": ((4, 1, 1), (3, 2, 1))}

q_6 = MultipleChoice(
    var="answer_6",
    options={k: f"{s1} and {s2}" for k, (s1, s2) in CHOICES.items()},
    answer="b",
    explanations={
        "a": "(4, 3, 2) and (4,) do not broadcast: right-aligned, the 4 meets the last "
             "axis, 2. Broadcasting lines shapes up from the right.",
        "b": "(4, 1, 2) and (3, 1): right-aligned, (4, 1, 2) over (1, 3, 1) gives "
             "(4, 3, 2).",
        "c": "(4, 3) and (2,) do not broadcast: the last axes are 3 and 2.",
        "d": "(4, 1, 1) and (3, 2, 1) do not broadcast: the first axes are 4 and 3.",
    },
    hints=[
        "For each pair, right-align the shapes and compare axis by axis: equal, or one "
        "of them is 1.",
        "Only one pair broadcasts at all; `np.broadcast_shapes` will tell you which.",
    ],
)

# ---- q_7: what broadcasting costs ------------------------------------------------------

q_7 = ThoughtQuestion(
    discussion=(
        "`X - mu` with `X` of shape (1_000_000, 100) and `mu` of shape (100,) never "
        "builds the repeated `mu`: NumPy walks over `mu` again for every row, as if it "
        "had stride 0 along the new axis (that is what `np.broadcast_to` shows: a view "
        "with strides 0 and no new memory). Only the result costs memory: 800 MB in "
        "float64, as large as `X`; `X -= mu` even writes in place. `np.tile(mu, "
        "(1_000_000, 1))` instead materialises 800 MB of copies before subtracting. "
        "Broadcasting costs memory when an intermediate result is larger than the "
        "inputs: for pairwise distances, `A[:, None, :] - B[None, :, :]` has n * m * d "
        "entries (10,000 x 10,000 x 100 float64 numbers is 80 GB), while the answer has "
        "only n * m. The expansion |a|^2 - 2 a.b + |b|^2 needs one matrix product and "
        "n * m memory, or process A in batches of rows."
    ),
    hints=[
        "Compare `np.broadcast_to(mu, X.shape).strides` and `.nbytes` with "
        "`np.tile(mu, (len(X), 1)).nbytes`.",
        "Count the entries of every intermediate array: which one is the largest?",
    ],
)

__all__ = register(globals(), "ex2_broadcasting")
