"""The questions answered with a prediction or a derivation: q_1a-q_1c, q_2, q_6.

Each expected value is recomputed here by an independent method: NumPy's
own rule (`np.broadcast_shapes`) for result shapes, a plain loop over every
pair of entries for the value of the broken loss, and the broadcast shape
times the dtype's itemsize for the memory of an intermediate array.
"""
import numpy as np

from ..core import Mistake, ValueQuestion
from ..messages import catalogue

_ = catalogue("ex2_broadcasting")

# ---- q_1a-q_1c: result shapes ------------------------------------------------------


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


def _is_shape(value):
    return isinstance(value, (tuple, list))


def _same_shape(shape):
    """A predicate: the learner's value is this shape (as a tuple or a list)."""
    return lambda v: _is_shape(v) and tuple(v) == tuple(shape)


# The three pairs of q_1: none of them is in the chapter. (7,) with (7, 1) is
# the silent outer product; (8, 3, 4) with (8, 1) is "one number per sample"
# without keepdims.
PAIRS = {"q_1a": ((2, 1, 6), (4, 1, 1, 6)),
         "q_1b": ((7,), (7, 1)),
         "q_1c": ((8, 3, 4), (8, 1))}
SHAPE_VARS = {"q_1a": "shape_a", "q_1b": "shape_b", "q_1c": "shape_c"}


def _shape_question(qid):
    s1, s2 = PAIRS[qid]
    expected, left = broadcast_or_error(s1, s2), left_aligned(s1, s2)
    mistakes, trap = [], ()
    if qid == "q_1b":  # the vector read as a column, or the result read as element-wise
        trap = (s1, s2)
        mistakes.append(Mistake(_("shapes.mistake.outer"),
                                matches=lambda v: _same_shape(s2)(v) or _same_shape(s1)(v)))
    if left != expected and left not in trap:  # (here left-aligning gives the trap's (7, 1))
        mistakes.append(Mistake(_("shapes.mistake.left_aligned"), wrong=left))
    if expected == "error":
        mistakes.append(Mistake(_("shapes.mistake.should_error"), matches=_is_shape))
    elif left != "error":  # else the left-alignment mistake already names "error"
        mistakes.append(Mistake(_("shapes.mistake.does_broadcast"), matches=_is_error_string))
    # anything else: explain the rule, don't give the answer away
    mistakes.append(Mistake(_("shapes.mistake.rule"), matches=lambda v: True))
    return ValueQuestion(
        var=SHAPE_VARS[qid], expected=expected, mistakes=mistakes,
        hints=[_("shapes.hint.1"), _(f"{qid}.hint.2"), _(f"{qid}.hint.3")])


q_1a = _shape_question("q_1a")
q_1b = _shape_question("q_1b")
q_1c = _shape_question("q_1c")

# ---- q_2: the value of a loss that broadcasts (n,) against (n, 1) ---------------------

# A perfect model: its predictions are the targets, as the (n, 1) column a
# Keras model's predict returns.
TARGETS = (0.0, 1.0, 2.0, 3.0)


def mean_over_all_pairs(y, y_hat):
    """The mean of (y_hat[i] - y[j]) ** 2 over every pair (i, j), one pair at a time."""
    total = sum((float(p) - float(t)) ** 2 for p in y_hat for t in y)
    return total / (len(y_hat) * len(y))


_N = len(TARGETS)
q_2 = ValueQuestion(
    var="predicted_loss",
    expected=lambda: mean_over_all_pairs(TARGETS, TARGETS),
    mistakes=[
        Mistake(_("q_2.mistake.zero"), wrong=0.0),
        Mistake(_("q_2.mistake.sum"), wrong=lambda e: e * _N * _N),
        Mistake(_("q_2.mistake.divided_by_n"), wrong=lambda e: e * _N),
    ],
    hints=[_("q_2.hint.1"), _("q_2.hint.2"), _("q_2.hint.3")],
)

# ---- q_6: the memory of the (n, m, d) intermediate of pairwise differences ------------

DIST_SIZES = {"n": 2_000, "m": 3_000, "d": 128}
DIST_DTYPE = "float32"


def intermediate_bytes(n, m, d, dtype):
    """Bytes of an array of the broadcast shape of (n, 1, d) and (1, m, d)."""
    shape = np.broadcast_shapes((n, 1, d), (1, m, d))
    return int(np.prod(shape, dtype=np.int64)) * np.dtype(dtype).itemsize


def _sizes_bytes(*shapes):
    return sum(int(np.prod(s, dtype=np.int64)) for s in shapes) * np.dtype(DIST_DTYPE).itemsize


_n, _m, _d = DIST_SIZES["n"], DIST_SIZES["m"], DIST_SIZES["d"]
q_6 = ValueQuestion(
    var="diff_bytes",
    expected=lambda: intermediate_bytes(_n, _m, _d, DIST_DTYPE),
    mistakes=[
        Mistake(_("q_6.mistake.float64"), wrong=lambda e: 2 * e),
        Mistake(_("q_6.mistake.entries"), wrong=lambda e: e // np.dtype(DIST_DTYPE).itemsize),
        Mistake(_("q_6.mistake.bits"), wrong=lambda e: 8 * e),
        Mistake(_("q_6.mistake.answer_size"), wrong=lambda e: _sizes_bytes((_n, _m))),
        Mistake(_("q_6.mistake.inputs_size"), wrong=lambda e: _sizes_bytes((_n, _d), (_m, _d))),
    ],
    hints=[_("q_6.hint.1"), _("q_6.hint.2"), _("q_6.hint.3")],
)
