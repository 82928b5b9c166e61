"""Question 4: find the bug in a Conv2D forward pass (it flips the kernel).

The released cell shows a whole `conv2d_forward` whose kernel is flipped (a
true convolution); Keras's Conv2D computes a cross-correlation. The oracle
is `scipy.signal.correlate2d`, one channel pair at a time; each plausible
wrong fix is named.
"""
import numpy as np

from ..core import FunctionQuestion, Mistake
from ..messages import catalogue
from .oracles import conv2d, correlate

_ = catalogue("ex5_cnn")


def _conv_case(rng):
    n, c_in, c_out = int(rng.integers(1, 3)), int(rng.integers(2, 4)), int(rng.integers(1, 4))
    k, stride, padding = int(rng.integers(2, 4)), int(rng.integers(1, 3)), int(rng.integers(0, 2))
    h, w = (int(v) for v in rng.integers(k + 1, 9, size=2))
    return (rng.normal(size=(n, h, w, c_in)), rng.normal(size=(k, k, c_in, c_out)),
            rng.normal(size=c_out), stride, padding)


def _conv_cases():
    rng = np.random.default_rng(5)
    return [(rng.normal(size=(2, 5, 5, 2)), rng.normal(size=(3, 3, 2, 3)), rng.normal(size=3),
             1, 0),
            (rng.normal(size=(1, 6, 7, 3)), rng.normal(size=(3, 3, 3, 2)), rng.normal(size=2),
             2, 1),
            (rng.normal(size=(1, 5, 6, 2)), rng.normal(size=(2, 3, 2, 2)), rng.normal(size=2),
             1, 1)]


q_4 = FunctionQuestion(
    var="conv2d_forward",
    oracle=conv2d,
    cases=_conv_cases,
    random_cases=_conv_case,
    rtol=1e-4, atol=1e-6,
    mistakes=[
        Mistake(_("q_4.mistake.flipped"),
                wrong=lambda X, K, b, s, p: conv2d(X, K[::-1, ::-1], b, s, p)),
        Mistake(_("q_4.mistake.flip_rows_only"),
                wrong=lambda X, K, b, s, p: conv2d(X, K[::-1], b, s, p)),
        Mistake(_("q_4.mistake.flip_columns_only"),
                wrong=lambda X, K, b, s, p: conv2d(X, K[:, ::-1], b, s, p)),
        Mistake(_("q_4.mistake.flip_every_axis"),
                wrong=lambda X, K, b, s, p: conv2d(X, np.flip(K), b, s, p)),
        Mistake(_("q_4.mistake.transposed"),
                wrong=lambda X, K, b, s, p: conv2d(X, K.transpose(1, 0, 2, 3), b, s, p)),
        Mistake(_("q_4.mistake.bias_per_input_channel"),
                wrong=lambda X, K, b, s, p: conv2d(X, K, b * K.shape[2], s, p)),
        Mistake(_("q_4.mistake.no_bias"),
                wrong=lambda X, K, b, s, p: conv2d(X, K, 0 * b, s, p)),
        Mistake(_("q_4.mistake.one_side"),
                wrong=lambda X, K, b, s, p: correlate(X, K, b, s, ((p, 0), (p, 0)))),
        Mistake(_("q_4.mistake.one_side"),
                wrong=lambda X, K, b, s, p: correlate(X, K, b, s, ((0, p), (0, p)))),
        Mistake(_("q_4.mistake.no_stride"),
                wrong=lambda X, K, b, s, p: conv2d(X, K, b, 1, p)),
    ],
    hints=[_("q_4.hint.1"), _("q_4.hint.2"), _("q_4.hint.3")],
)
