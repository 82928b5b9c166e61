"""Exercise 1, "Tensors": the questions and their checkers.

    from learntools_lite.core import binder; binder.bind(globals())
    from learntools_lite.ex1 import *
"""
import numpy as np

from .core import (FunctionQuestion, Mistake, MultipleChoice, ThoughtQuestion,
                   ValueQuestion, register)
from .core.blank import ____  # noqa: F401  (exported for the notebook)


def _first_images():
    from .datasets import load_mnist

    (train_images, _), _ = load_mnist()
    return train_images[:4].astype("float32") / 255


q_1 = ValueQuestion(
    var="batch",
    expected=_first_images,
    mistakes=[
        Mistake("`{name}` holds raw pixel values: divide by 255 so they lie in [0, 1].",
                wrong=lambda e: e * 255),
        Mistake("`{name}` holds the last four images; take the first four (`[:4]`).",
                matches=lambda v: _is_last_four(v)),
    ],
    hints=[
        "Slicing along the first axis (the batch axis) selects images: `train_images[:4]`.",
        "Pixels are integers in 0..255. Convert with `.astype('float32')` and divide by 255.",
    ],
)


def _is_last_four(value):
    from .datasets import load_mnist

    (train_images, _), _ = load_mnist()
    last = train_images[-4:].astype("float32")
    v = np.asarray(value, dtype=float)
    return v.shape == last.shape and (np.allclose(v, last / 255) or np.allclose(v, last))


q_2 = ValueQuestion(
    var="series_shape",
    expected=(250, 390, 3),
    mistakes=[
        Mistake("Features go on the last axis: (samples, timesteps, features).",
                wrong=(250, 3, 390)),
        Mistake("The first axis is the samples axis (one sample per day): "
                "(samples, timesteps, features).", wrong=(390, 250, 3)),
        Mistake("A time series is a rank-3 tensor: keep the timestep axis.", wrong=(250, 3)),
    ],
    hints=[
        "Each sample is one day; a day is a sequence of 390 minutes; each minute has 3 numbers.",
        "The convention is (samples, timesteps, features).",
    ],
)


def _random_matrix(rng):
    shape = tuple(int(n) for n in rng.integers(1, 6, size=2))
    return (rng.normal(size=shape),)


q_3 = FunctionQuestion(
    var="naive_relu",
    oracle=lambda x: np.maximum(x, 0.0),
    cases=lambda: [(np.array([[1.0, -2.0, 0.0], [-0.5, 3.0, -4.0]]),),
                   (np.zeros((1, 1)),)],
    random_cases=_random_matrix,
    mistakes=[
        Mistake("`{name}` returns |x|: negative entries must become 0, not change sign.",
                wrong=np.abs),
        Mistake("`{name}` returns min(x, 0); ReLU keeps the positive part: max(x, 0).",
                wrong=lambda x: np.minimum(x, 0.0)),
    ],
    hints=[
        "Start from a copy, `x = x.copy()`, so the caller's array is not changed, "
        "then loop over `range(x.shape[0])` and `range(x.shape[1])`.",
        "Inside the loops: `x[i, j] = max(x[i, j], 0.0)`.",
    ],
)


def _relu(z):
    return np.maximum(z, 0.0)


def _dense_case(rng):
    n, d, k = (int(v) for v in rng.integers(1, 6, size=3))
    if d == k:
        k += 1  # keep W non-square so a transposed W cannot pass by accident
    return rng.normal(size=(n, d)), rng.normal(size=(d, k)), rng.normal(size=(k,))


q_4 = FunctionQuestion(
    var="dense_forward",
    oracle=lambda X, W, b: _relu(X @ W + b),
    cases=lambda: [(np.array([[1.0, 2.0]]), np.array([[1.0, -1.0, 0.5], [0.5, 2.0, -1.0]]),
                    np.array([0.1, -5.0, 0.2]))],
    random_cases=_dense_case,
    mistakes=[
        Mistake("`{name}` leaves out the bias: add `b` before the activation.",
                wrong=lambda X, W, b: _relu(X @ W)),
        Mistake("`{name}` leaves out the ReLU: apply `np.maximum(..., 0)` to `X @ W + b`.",
                wrong=lambda X, W, b: X @ W + b),
        Mistake("`{name}` adds the bias after the ReLU; the bias goes inside: relu(X @ W + b).",
                wrong=lambda X, W, b: _relu(X @ W) + b),
    ],
    hints=[
        "A Dense layer is one matrix product, one broadcast addition and one element-wise max.",
        "`np.maximum(X @ W + b, 0.0)`: `X @ W` has shape (samples, units) and `b` "
        "(units,) is added to every row.",
    ],
)


def _flat():
    return _first_images().reshape(4, 28 * 28)


q_5 = ValueQuestion(
    var="flat",
    expected=_flat,
    mistakes=[
        Mistake("`{name}` flattened the batch axis too: keep one row per image, shape (4, 784).",
                matches=lambda v: np.shape(v) == (4 * 784,)),
    ],
    hints=[
        "`reshape` keeps the order of the values; keep the first axis and merge the other two.",
        "`batch.reshape(4, 784)` or `batch.reshape(len(batch), -1)`.",
    ],
)

q_6 = MultipleChoice(
    var="answer_6",
    options={
        "a": "(32, 60, 144, 256, 3)",
        "b": "(32, 144, 256, 3)",
        "c": "(60, 32, 144, 256, 3)",
        "d": "(32, 60, 3, 144, 256)",
    },
    answer="a",
    explanations={
        "a": "A video is a sequence of frames, each frame an image: "
             "(samples, frames, height, width, channels), a rank-5 tensor.",
        "b": "That is a batch of images: the frames axis is missing.",
        "c": "The batch (samples) axis comes first, then the frames.",
        "d": "Keras's default is channels-last: (samples, frames, height, width, channels).",
    },
    hints=[
        "Start from a batch of colour images, (samples, height, width, channels), "
        "and add one axis for time.",
        "Time (frames) goes right after the samples axis.",
    ],
)

q_7 = ThoughtQuestion(
    discussion=(
        "`X @ W` applies a linear map to every sample: it rotates, scales and shears the "
        "cloud of points (and may change its dimension). `+ b` translates the whole cloud. "
        "`relu` then folds space: every coordinate that is negative is flattened onto zero, "
        "so the result is no longer a linear function of the input. Stacking such layers "
        "composes many simple folds into a complicated one, like uncrumpling a paper ball "
        "one small move at a time. Without the `relu`, two stacked Dense layers would "
        "collapse into a single linear map: depth would add nothing."
    ),
    hints=["What does a matrix do to a vector geometrically? What does adding a vector do?"],
)

__all__ = register(globals(), "ex1_tensors")
