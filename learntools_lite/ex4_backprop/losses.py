"""Question 4: the derivative of the Huber loss, a loss the chapter does not derive.

The oracle is central differences of the loss itself; the cases keep every
residual away from +-delta, where the Huber loss has no second derivative
and a finite difference would straddle the two pieces.
"""
import numpy as np

from ..core import FunctionQuestion, Mistake
from ..messages import catalogue
from ..oracles import numerical_gradient

_ = catalogue("ex4_backprop")


def huber_loss(y_true, y_pred, delta):
    """The mean over every entry of 0.5 r**2 (|r| <= delta) or delta * (|r| - delta / 2)."""
    r = np.abs(np.asarray(y_pred, dtype=float) - y_true)
    return np.mean(np.where(r <= delta, 0.5 * r ** 2, delta * (r - 0.5 * delta)))


def _huber_gradient(y_true, y_pred, delta):
    return numerical_gradient(lambda p: huber_loss(y_true, p, delta), y_pred, 1e-6)


def _huber_case(rng):
    shape = (int(rng.integers(3, 7)), int(rng.integers(2, 4)))
    delta = float(rng.choice([0.5, 1.0, 1.5]))
    # residuals on both pieces, never within 0.1 of the kink at +-delta
    size = rng.uniform(0.05, 3.0, size=shape)
    size = np.where(np.abs(size - delta) < 0.1, size + 0.25, size)
    r = size * rng.choice([-1.0, 1.0], size=shape)
    y_true = rng.normal(size=shape)
    return y_true, y_true + r, delta


def _clip(t, p, d):
    return np.clip(p - t, -d, d)


q_4 = FunctionQuestion(
    var="huber_prime",
    oracle=_huber_gradient,
    cases=lambda: [(np.array([[0.0], [1.0], [2.0], [0.5]]),
                    np.array([[0.3], [-1.5], [2.2], [3.0]]), 1.0),
                   (np.array([[1.0, 0.0], [0.0, 1.0], [0.5, 0.5]]),
                    np.array([[0.8, 2.0], [-0.9, 0.6], [0.5, 0.9]]), 0.5)],
    random_cases=_huber_case,
    atol=1e-7,
    mistakes=[
        Mistake(_("q_4.mistake.scalar"), matches=lambda args, v: np.ndim(v) == 0),
        Mistake(_("q_4.mistake.no_mean"), wrong=lambda t, p, d: _clip(t, p, d)),
        Mistake(_("q_4.mistake.rows"), wrong=lambda t, p, d: _clip(t, p, d) / len(t)),
        Mistake(_("q_4.mistake.sign"), wrong=lambda t, p, d: -_clip(t, p, d) / t.size),
        Mistake(_("q_4.mistake.no_clip"), wrong=lambda t, p, d: (p - t) / t.size),
        Mistake(_("q_4.mistake.no_clip"), wrong=lambda t, p, d: 2 * (p - t) / t.size),
        Mistake(_("q_4.mistake.lost_sign"),
                wrong=lambda t, p, d: np.where(np.abs(p - t) <= d, p - t, d) / t.size),
        Mistake(_("q_4.mistake.delta_times_r"),
                wrong=lambda t, p, d: np.where(np.abs(p - t) <= d, p - t, d * (p - t)) / t.size),
        Mistake(_("q_4.mistake.pieces_swapped"),
                wrong=lambda t, p, d: np.where(np.abs(p - t) > d, p - t,
                                               d * np.sign(p - t)) / t.size),
    ],
    hints=[_("q_4.hint.1"), _("q_4.hint.2"), _("q_4.hint.3")],
)
