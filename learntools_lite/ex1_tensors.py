"""Exercise 1, "Tensors": the questions and their checkers.

    from learntools_lite.core import binder; binder.bind(globals())
    from learntools_lite.ex1_tensors import *

Questions (texts in messages/<lang>/ex1_tensors.py):

    q_1   batch               slice and scale the first four MNIST images (value)
    q_2   series_shape        the layout of a time-series data set (value)
    q_3   predicted_shape     predict the shape of a slice, then run it (value)
    q_4   dense_forward       a Dense layer whose W is stored (units, features) (function)
    q_5a  dense_output_shape  a small network's output shape, on new sizes (value)
    q_5b  dense_params        the same network's parameter count (value)
    q_6   answer_6            the layout of a batch of videos (multiple choice)
    q_7   to_channels_last    find the bug: channels-first to channels-last (function)
    q_8   answer_8            the geometric view of Dense + ReLU, in your words (thought)

Every question is judged on its own inputs: data loaded here or arguments
made here, never the learner's answer to an earlier question.
"""
import numpy as np

from .core import (FunctionQuestion, Mistake, MultipleChoice, ThoughtQuestion,
                   ValueQuestion, register)
from .core.blank import ____  # noqa: F401  (exported for the notebook)
from .messages import catalogue

_ = catalogue("ex1_tensors")


def _first_images():
    from .datasets import load_mnist

    (train_images, _labels), _test = load_mnist()
    return np.divide(train_images[:4], 255, dtype=np.float32)  # the scaled batch, as data


def _is_last_four(value):
    from .datasets import load_mnist

    (train_images, _labels), _test = load_mnist()
    last = train_images[-4:].astype("float32")
    v = np.asarray(value, dtype=float)
    return v.shape == last.shape and (np.allclose(v, last / 255) or np.allclose(v, last))


def _is_floor_divided(value):
    """`// 255` keeps only the pixels equal to 255 (as 1) and turns the rest into 0."""
    v = np.asarray(value, dtype=float)
    raw = np.round(_first_images() * 255)
    return v.shape == raw.shape and np.array_equal(v, raw // 255)


q_1 = ValueQuestion(
    var="batch",
    expected=_first_images,
    mistakes=[
        Mistake(_("q_1.mistake.unscaled"), wrong=lambda e: e * 255),
        Mistake(_("q_1.mistake.floor_division"), matches=_is_floor_divided),
        Mistake(_("q_1.mistake.last_four"), matches=_is_last_four),
    ],
    hints=[_("q_1.hint.1"), _("q_1.hint.2"), _("q_1.hint.3")],
)

# The data set of question 2, as the notebook describes it.
_SERIES = {"samples": 250, "timesteps": 390, "features": 3}
_S, _T, _F = _SERIES.values()

q_2 = ValueQuestion(
    var="series_shape",
    reveal=False,  # a prediction: feedback never shows the answer
    expected=(_S, _T, _F),
    mistakes=[
        Mistake(_("q_2.mistake.features_last"), wrong=(_S, _F, _T)),
        Mistake(_("q_2.mistake.samples_first"), wrong=(_T, _S, _F)),
        Mistake(_("q_2.mistake.no_timesteps"), wrong=(_S, _F)),
    ],
    hints=[_("q_2.hint.1"), _("q_2.hint.2"), _("q_2.hint.3")],
)


# Question 3 slices the (60000, 28, 28) training images with this index.
_WINDOW = np.s_[100:164, 4:-4, ::2]


def _window_shape():
    # A read-only view of one zero broadcast to MNIST's shape: slicing it costs no memory.
    return np.broadcast_to(np.uint8(0), (60000, 28, 28))[_WINDOW].shape


def _axis_is(value, axis, wrong):
    return isinstance(value, (tuple, list)) and len(value) == 3 and value[axis] in wrong


q_3 = ValueQuestion(
    var="predicted_shape",
    reveal=False,  # a prediction: feedback never shows the answer
    expected=_window_shape,
    mistakes=[
        Mistake(_("q_3.mistake.stop_included"), matches=lambda v: _axis_is(v, 0, (65, 164))),
        Mistake(_("q_3.mistake.negative_stop"), matches=lambda v: _axis_is(v, 1, (19, 21, 24))),
        Mistake(_("q_3.mistake.step"), matches=lambda v: _axis_is(v, 2, (13, 28))),
        Mistake(_("q_3.mistake.rank"), matches=lambda v: isinstance(v, (tuple, list))
                and len(v) != 3),
    ],
    hints=[_("q_3.hint.1"), _("q_3.hint.2"), _("q_3.hint.3")],
)


def _relu(z):
    return np.maximum(z, 0.0)


def _dense_by_loops(X, W, b):
    """relu of every unit's weighted sum, one sample and one unit at a time."""
    out = np.zeros((X.shape[0], W.shape[0]))
    for i in range(X.shape[0]):
        for u in range(W.shape[0]):
            out[i, u] = max(sum(X[i, f] * W[u, f] for f in range(X.shape[1])) + b[u], 0.0)
    return out


def _square_dense_case(rng):
    # units == features, so that a W used without its transpose still runs and can be named
    n, d = (int(v) for v in rng.integers(2, 6, size=2))
    return rng.normal(size=(n, d)), rng.normal(size=(d, d)), rng.normal(size=(d,))


q_4 = FunctionQuestion(
    var="dense_forward",
    oracle=_dense_by_loops,
    cases=lambda: [(np.array([[1.0, 2.0]]), np.array([[1.0, 0.5], [-1.0, 2.0]]),
                    np.array([0.1, -5.0]))],
    random_cases=_square_dense_case,
    mistakes=[
        Mistake(_("q_4.mistake.no_transpose"), wrong=lambda X, W, b: _relu(X @ W + b)),
        Mistake(_("q_4.mistake.no_bias"), wrong=lambda X, W, b: _relu(X @ W.T)),
        Mistake(_("q_4.mistake.no_relu"), wrong=lambda X, W, b: X @ W.T + b),
        Mistake(_("q_4.mistake.bias_after_relu"), wrong=lambda X, W, b: _relu(X @ W.T) + b),
    ],
    hints=[_("q_4.hint.1"), _("q_4.hint.2"), _("q_4.hint.3")],
)

# Question 5's network: 20 features in, Dense(64, relu), Dense(3, softmax); a batch of 32.
_BATCH, _LAYER_SIZES = 32, (20, 64, 3)
_WEIGHT_SHAPES = [shape for n_in, n_out in zip(_LAYER_SIZES, _LAYER_SIZES[1:])
                  for shape in ((n_in, n_out), (n_out,))]


def _count(shapes):
    return int(sum(np.prod(s) for s in shapes))


q_5a = ValueQuestion(
    var="dense_output_shape",
    reveal=False,  # a prediction: feedback never shows the answer
    expected=(_BATCH, _LAYER_SIZES[-1]),
    mistakes=[
        Mistake(_("q_5a.mistake.first_layer"), wrong=(_BATCH, _LAYER_SIZES[1])),
        Mistake(_("q_5a.mistake.no_batch"), wrong=(_LAYER_SIZES[-1],)),
        Mistake(_("q_5a.mistake.transposed"), wrong=(_LAYER_SIZES[-1], _BATCH)),
    ],
    hints=[_("q_5a.hint.1"), _("q_5a.hint.2"), _("q_5a.hint.3")],
)

q_5b = ValueQuestion(
    var="dense_params",
    reveal=False,  # a prediction: feedback never shows the answer
    expected=lambda: _count(_WEIGHT_SHAPES),
    mistakes=[
        Mistake(_("q_5b.mistake.no_biases"), wrong=lambda e: _count(_WEIGHT_SHAPES[::2])),
        Mistake(_("q_5b.mistake.first_layer"), wrong=lambda e: _count(_WEIGHT_SHAPES[:2])),
        Mistake(_("q_5b.mistake.last_layer"), wrong=lambda e: _count(_WEIGHT_SHAPES[2:])),
        Mistake(_("q_5b.mistake.batch"), wrong=lambda e: _BATCH * _count(_WEIGHT_SHAPES)),
    ],
    hints=[_("q_5b.hint.1"), _("q_5b.hint.2"), _("q_5b.hint.3")],
)

q_6 = MultipleChoice(
    var="answer_6",
    options={"a": "(32, 60, 144, 256, 3)", "b": "(32, 144, 256, 3)",
             "c": "(60, 32, 144, 256, 3)", "d": "(32, 60, 3, 144, 256)"},
    answer="a",
    explanations={letter: _(f"q_6.explain.{letter}") for letter in "abcd"},
    hints=[_("q_6.hint.1"), _("q_6.hint.2"), _("q_6.hint.3")],
)


def _channels_case(rng):
    # every axis a different length (and more than one channel), so no mix-up goes unseen
    n, c, h, w = (int(v) for v in rng.permutation(np.arange(2, 8))[:4])
    return (rng.normal(size=(n, c, h, w)),)


q_7 = FunctionQuestion(
    var="to_channels_last",
    oracle=lambda images: np.einsum("nchw->nhwc", images),
    cases=lambda: [(np.arange(2 * 3 * 4 * 5, dtype=float).reshape(2, 3, 4, 5),)],
    random_cases=_channels_case,
    mistakes=[
        Mistake(_("q_7.mistake.reshape"),
                wrong=lambda x: x.reshape(x.shape[0], x.shape[2], x.shape[3], x.shape[1])),
        Mistake(_("q_7.mistake.inverse_permutation"), wrong=lambda x: np.transpose(x, (0, 3, 1, 2))),
        Mistake(_("q_7.mistake.height_width_swapped"), wrong=lambda x: np.transpose(x, (0, 3, 2, 1))),
        Mistake(_("q_7.mistake.all_axes_reversed"), wrong=lambda x: x.T),
    ],
    hints=[_("q_7.hint.1"), _("q_7.hint.2"), _("q_7.hint.3")],
)

q_8 = ThoughtQuestion(
    var="answer_8",
    discussion=_("q_8.discussion"),
    hints=[_("q_8.hint.1"), _("q_8.hint.2"), _("q_8.hint.3")],
)

__all__ = register(globals(), "ex1_tensors")
