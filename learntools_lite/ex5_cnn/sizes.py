"""Questions 1-3: the output-size formula (find the bug), a layer's shape and
parameter count (predict, then Keras confirms), one output value by hand.

Oracles: window positions are counted with `range`; the layer's shape and
parameter count are what Keras reports, shipped as data (a test asks Keras);
the hand-computed value comes from `scipy.signal.correlate2d`, one channel at
a time.
"""
import math

import numpy as np

from ..core import FunctionQuestion, Mistake, ValueQuestion
from ..messages import catalogue
from .oracles import correlate

_ = catalogue("ex5_cnn")

# ---- q_1: find the bug in conv_output_size -----------------------------------


def count_positions(n, k, s, p):
    """Where can a k-wide window start on n + 2p pixels, moving s at a time?"""
    return len(range(0, n + 2 * p - k + 1, s))


def _size_case(rng):
    k, s, p = (int(v) for v in (rng.integers(1, 8), rng.integers(2, 5), rng.integers(0, 3)))
    return int(rng.integers(max(k, 5), 40)), k, s, p


q_1 = FunctionQuestion(
    var="conv_output_size",
    oracle=count_positions,
    cases=[(28, 3, 1, 0), (28, 3, 1, 1), (28, 5, 2, 2), (5, 5, 1, 0), (224, 7, 2, 3),
           (32, 4, 3, 0), (10, 3, 3, 0)],
    random_cases=_size_case,
    mistakes=[
        Mistake(_("q_1.mistake.no_plus_one"), wrong=lambda n, k, s, p: (n + 2 * p - k) // s),
        Mistake(_("q_1.mistake.plus_one_inside"),
                wrong=lambda n, k, s, p: (n + 2 * p - k + 1) // s),
        Mistake(_("q_1.mistake.one_side"), wrong=lambda n, k, s, p: (n + p - k) // s + 1),
        Mistake(_("q_1.mistake.ceil"),
                wrong=lambda n, k, s, p: math.ceil((n + 2 * p - k) / s) + 1),
        Mistake(_("q_1.mistake.true_division"),
                wrong=lambda n, k, s, p: (n + 2 * p - k) / s + 1),
        Mistake(_("q_1.mistake.no_stride"), wrong=lambda n, k, s, p: n + 2 * p - k + 1),
    ],
    hints=[_("q_1.hint.1"), _("q_1.hint.2"), _("q_1.hint.3")],
)

# ---- q_2a, q_2b: predict a layer's output shape and parameter count ----------------

# ZeroPadding2D(PAD) then Conv2D(FILTERS, KERNEL, strides=STRIDE) on SIDE x SIDE x CHANNELS
SIDE, CHANNELS, PAD, FILTERS, KERNEL, STRIDE = 30, 3, 4, 8, 7, 2
# What Keras reports for that layer (output_shape[1:], count_params()), shipped as data
# so that checking needs no TensorFlow; tests/test_ex5_cnn.py asks Keras and compares.
KERAS_SHAPE, KERAS_PARAMS = (16, 16, 8), 1184


def layer_under_test():
    """The layer of question 2, built by Keras (for the tests and the notebook's verify cell)."""
    import keras

    return keras.Sequential([
        keras.Input(shape=(SIDE, SIDE, CHANNELS)),
        keras.layers.ZeroPadding2D(PAD),
        keras.layers.Conv2D(FILTERS, KERNEL, strides=STRIDE),
    ])


def _square(side, channels=FILTERS):
    return (side, side, channels)


q_2a = ValueQuestion(
    var="predicted_shape",
    reveal=False,  # a prediction: feedback never shows the answer
    expected=KERAS_SHAPE,
    mistakes=[
        Mistake(_("q_2a.mistake.no_padding"),
                wrong=_square(count_positions(SIDE, KERNEL, STRIDE, 0))),
        Mistake(_("q_2a.mistake.one_side"),
                wrong=_square((SIDE + PAD - KERNEL) // STRIDE + 1)),
        Mistake(_("q_2a.mistake.ceil"),
                wrong=_square(math.ceil((SIDE + 2 * PAD - KERNEL) / STRIDE) + 1)),
        Mistake(_("q_2a.mistake.no_plus_one"),
                wrong=_square((SIDE + 2 * PAD - KERNEL) // STRIDE)),
        Mistake(_("q_2a.mistake.no_stride"), wrong=_square(SIDE + 2 * PAD - KERNEL + 1)),
        Mistake(_("q_2a.mistake.input_channels"),
                wrong=lambda e: (e[0], e[1], CHANNELS)),
        Mistake(_("q_2a.mistake.channels_first"), wrong=lambda e: (e[2], e[0], e[1])),
        Mistake(_("q_2a.mistake.batch_axis"), wrong=lambda e: (None, *e)),
    ],
    hints=[_("q_2a.hint.1"), _("q_2a.hint.2"), _("q_2a.hint.3")],
)

_WEIGHTS = KERNEL * KERNEL * CHANNELS * FILTERS

q_2b = ValueQuestion(
    var="predicted_params",
    reveal=False,  # a prediction: feedback never shows the answer
    expected=KERAS_PARAMS,
    mistakes=[
        Mistake(_("q_2b.mistake.no_bias"), wrong=_WEIGHTS),
        Mistake(_("q_2b.mistake.no_input_channels"),
                wrong=KERNEL * KERNEL * FILTERS + FILTERS),
        Mistake(_("q_2b.mistake.bias_per_input_channel"), wrong=_WEIGHTS + CHANNELS * FILTERS),
        Mistake(_("q_2b.mistake.padding_counted"),
                wrong=(KERNEL + 2 * PAD) ** 2 * CHANNELS * FILTERS + FILTERS),
    ],
    hints=[_("q_2b.hint.1"), _("q_2b.hint.2"), _("q_2b.hint.3")],
)

# ---- q_3: one output value of a two-channel convolution, by hand -------------------

# one image (1, 5, 5, 2), a kernel (2, 2, 2, 1) and a bias, stride 2, no padding
HAND_X = np.stack([np.array([[1, 0, 2, 1, 0],
                             [0, 3, 1, 0, 2],
                             [2, 1, 0, 1, 1],
                             [1, 2, 3, 0, 1],
                             [0, 1, 1, 2, 0]]),
                   np.array([[2, 1, 0, 0, 1],
                             [1, 0, 1, 2, 0],
                             [0, 2, 1, 1, 3],
                             [3, 1, 0, 2, 1],
                             [1, 0, 2, 1, 1]])], axis=-1)[None].astype(float)
HAND_K = np.stack([np.array([[1, -1], [2, 0]]),
                   np.array([[0, 1], [-1, 3]])], axis=-1)[:, :, :, None].astype(float)
HAND_B = np.array([4.0])
HAND_STRIDE, HAND_AT = 2, (1, 0)         # the value asked for: Y[0, 1, 0, 0]


def _hand_value(X=HAND_X, K=HAND_K, b=HAND_B, stride=HAND_STRIDE, at=HAND_AT):
    return float(correlate(X, K, b, stride, ((0, 0), (0, 0)))[(0, *at, 0)])


def _hand_mistake(key, **change):
    """A mistake of q_3: the value with one thing done wrong (computed when checked)."""
    return Mistake(_(f"q_3.mistake.{key}"), wrong=lambda expected: _hand_value(**change))


q_3 = ValueQuestion(
    var="y_10",
    reveal=False,  # a prediction: feedback never shows the answer
    expected=_hand_value,
    mistakes=[
        _hand_mistake("no_stride", stride=1),
        _hand_mistake("one_channel", X=HAND_X[..., :1], K=HAND_K[:, :, :1]),
        _hand_mistake("one_channel", X=HAND_X[..., 1:], K=HAND_K[:, :, 1:]),
        _hand_mistake("no_bias", b=0 * HAND_B),
        _hand_mistake("bias_per_channel", b=2 * HAND_B),
        _hand_mistake("flipped", K=HAND_K[::-1, ::-1]),
        _hand_mistake("row_column", at=HAND_AT[::-1]),
    ],
    hints=[_("q_3.hint.1"), _("q_3.hint.2"), _("q_3.hint.3")],
)
