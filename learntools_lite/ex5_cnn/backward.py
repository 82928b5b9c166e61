"""Question 6: a Conv2D backward pass (stride 1, no padding), returning (dX, dK, db).

The oracle computes the three gradients with `scipy.signal` (dK a correlation
of the input with dE/dY, dX a full convolution of dE/dY with the kernel);
tests/test_ex5_cnn.py checks it against finite differences and
`tf.GradientTape`. Messages name the part that is wrong (`dX`, `dK`, `db`)
and the usual bugs, the bias gradient scaled by a channel count among them.
"""
import numpy as np

from ..core import FunctionQuestion, Mistake
from ..messages import catalogue
from .oracles import conv_grads, dX_unflipped

_ = catalogue("ex5_cnn")

OUTPUT_NAMES = ("dX", "dK", "db")


def _grad_case(rng):
    n, c_in, c_out = int(rng.integers(1, 3)), int(rng.integers(2, 4)), int(rng.integers(2, 4))
    while c_out == c_in:            # so that a db scaled by C_in or by C_out can be told apart
        c_out = int(rng.integers(2, 5))
    kh, kw = (int(v) for v in rng.integers(1, 4, size=2))
    h, w = (int(v) for v in rng.integers(4, 7, size=2))
    return (rng.normal(size=(n, h, w, c_in)), rng.normal(size=(kh, kw, c_in, c_out)),
            rng.normal(size=(n, h - kh + 1, w - kw + 1, c_out)))


def _grad_cases():
    rng = np.random.default_rng(6)
    return [(rng.normal(size=(2, 5, 5, 2)), rng.normal(size=(3, 3, 2, 3)),
             rng.normal(size=(2, 3, 3, 3))),
            (rng.normal(size=(1, 4, 6, 3)), rng.normal(size=(2, 3, 3, 2)),
             rng.normal(size=(1, 3, 4, 2)))]


def _with(part, change):
    """A wrong conv2d_backward: the right gradients with one of them changed."""
    def wrong(X, K, G):
        grads = list(conv_grads(X, K, G))
        grads[part] = change(grads[part], X, K, G)
        return tuple(grads)
    return wrong


DX, DK, DB = range(3)

q_6 = FunctionQuestion(
    var="conv2d_backward",
    output_names=OUTPUT_NAMES,
    oracle=conv_grads,
    cases=_grad_cases,
    random_cases=_grad_case,
    rtol=1e-4, atol=1e-6,
    mistakes=[
        Mistake(_("q_6.mistake.db_times_c_out"),
                wrong=_with(DB, lambda db, X, K, G: db * K.shape[3])),
        Mistake(_("q_6.mistake.db_times_c_in"),
                wrong=_with(DB, lambda db, X, K, G: db * K.shape[2])),
        Mistake(_("q_6.mistake.db_batch_mean"),
                wrong=_with(DB, lambda db, X, K, G: db / len(X))),
        Mistake(_("q_6.mistake.db_position_mean"),
                wrong=_with(DB, lambda db, X, K, G: db / (G.shape[1] * G.shape[2]))),
        Mistake(_("q_6.mistake.db_mean"),
                wrong=_with(DB, lambda db, X, K, G: db / (len(X) * G.shape[1] * G.shape[2]))),
        Mistake(_("q_6.mistake.db_one_sample"),
                wrong=_with(DB, lambda db, X, K, G: G[0].sum(axis=(0, 1)))),
        Mistake(_("q_6.mistake.dK_batch_mean"),
                wrong=_with(DK, lambda dK, X, K, G: dK / len(X))),
        Mistake(_("q_6.mistake.dK_channels_swapped"),
                wrong=_with(DK, lambda dK, X, K, G: dK.transpose(0, 1, 3, 2))),
        Mistake(_("q_6.mistake.dK_flipped"),
                wrong=_with(DK, lambda dK, X, K, G: dK[::-1, ::-1])),
        Mistake(_("q_6.mistake.dX_unflipped"),
                wrong=_with(DX, lambda dX, X, K, G: dX_unflipped(K, G))),
    ],
    hints=[_("q_6.hint.1"), _("q_6.hint.2"), _("q_6.hint.3")],
)
