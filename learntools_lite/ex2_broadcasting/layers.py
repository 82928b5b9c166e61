"""The questions that write a piece of a network with broadcasting: q_4 (one bias per
channel of channels-first feature maps) and q_7 (a softmax over rows that does not
overflow).

Oracles: a plain loop over the channels for q_4, `scipy.special.softmax` for q_7.
"""
import numpy as np

from ..core import FunctionQuestion, Mistake
from ..messages import catalogue

_ = catalogue("ex2_broadcasting")

# ---- q_4: one bias per channel ---------------------------------------------------------


def bias_by_channel(Z, b):
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


q_4 = FunctionQuestion(
    var="add_bias",
    oracle=bias_by_channel,
    cases=lambda: [(np.arange(2 * 3 * 3 * 3, dtype=float).reshape(2, 3, 3, 3),
                    np.array([100.0, 200.0, 300.0]))],
    random_cases=_feature_maps,
    mistakes=[
        Mistake(_("q_4.mistake.last_axis"), wrong=lambda Z, b: Z + b),
        Mistake(_("q_4.mistake.height_axis"), wrong=lambda Z, b: Z + np.reshape(b, (-1, 1))),
    ],
    hints=[_("q_4.hint.1"), _("q_4.hint.2"), _("q_4.hint.3")],
)

# ---- q_7: a numerically stable softmax over the rows --------------------------------


def softmax_by_scipy(Z):
    from scipy.special import softmax

    return softmax(np.asarray(Z, dtype=float), axis=1)


def exp_normalised(shift, axis):
    """exp(Z - shift(Z)) divided by its sums along `axis` (kept): softmax and its slips."""
    def softmax(Z):
        Z = np.asarray(Z, dtype=float)
        with np.errstate(all="ignore"):
            e = np.exp(Z - shift(Z))
            return e / np.sum(e, axis=axis, keepdims=True)
    return softmax


def _no_shift(Z):
    return 0.0


def _whole_array_max(Z):
    return np.max(Z)


def _column_max(Z):
    return np.max(Z, axis=0, keepdims=True)


def _row_max(Z):
    return np.max(Z, axis=1, keepdims=True)


def _unnormalised(Z):
    with np.errstate(all="ignore"):
        return np.exp(np.asarray(Z, dtype=float) - _row_max(np.asarray(Z, dtype=float)))


def _whole_sum(Z):
    """Shifted by each row's maximum, but divided by the sum of the whole array."""
    e = _unnormalised(Z)
    with np.errstate(all="ignore"):
        return e / np.sum(e)


def _logits(rng):
    """(samples, classes) with samples != classes; each row has its own offset, some huge."""
    classes = int(rng.integers(3, 7))
    samples = classes + int(rng.integers(1, 4))
    offsets = rng.choice([-1500.0, -40.0, 0.0, 30.0, 1200.0], size=(samples, 1))
    return (rng.normal(0, 3, size=(samples, classes)) + offsets,)


def _softmax_cases():
    small = np.array([[1.0, 2.0, 3.0, 4.0, 0.0], [0.5, 0.5, 0.5, 0.5, 0.5],
                      [-2.0, 0.0, 2.0, 1.0, -1.0]])
    # a row of large logits (exp overflows) above rows of ordinary ones
    mixed = np.array([[1000.0, 1001.0, 1002.0, 999.0, 1000.5], [0.3, -0.1, 0.2, 0.0, 0.4],
                      [-3.0, 1.0, 0.0, 2.0, -1.0]])
    return [(small,), (mixed,)]


q_7 = FunctionQuestion(
    var="softmax",
    oracle=softmax_by_scipy,
    cases=_softmax_cases,
    random_cases=_logits,
    mistakes=[
        Mistake(_("q_7.mistake.no_shift"), wrong=exp_normalised(_no_shift, 1)),
        Mistake(_("q_7.mistake.whole_array_max"), wrong=exp_normalised(_whole_array_max, 1)),
        Mistake(_("q_7.mistake.column_max"), wrong=exp_normalised(_column_max, 1)),
        Mistake(_("q_7.mistake.columns"), wrong=exp_normalised(_column_max, 0)),
        Mistake(_("q_7.mistake.columns"), wrong=exp_normalised(_row_max, 0)),
        Mistake(_("q_7.mistake.columns"), wrong=exp_normalised(_no_shift, 0)),
        Mistake(_("q_7.mistake.not_normalised"), wrong=_unnormalised),
        Mistake(_("q_7.mistake.whole_sum"), wrong=_whole_sum),
    ],
    hints=[_("q_7.hint.1"), _("q_7.hint.2"), _("q_7.hint.3")],
)
