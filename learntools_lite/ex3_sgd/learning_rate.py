"""q_1a, q_1b: what a learning rate does on a quadratic, predicted from its curvatures.

The function is f(w) = 2.5 w1^2 + 0.5 w2^2 (curvatures 5 and 1) and the
learning rate 0.5: one gradient step multiplies w_i by 1 - lr * c_i. The
expected values are the eigenvalues of the step's matrix I - lr * H, taken
by NumPy from the Hessian, not a formula the learner writes.
"""
import numpy as np

from ..core import Mistake, ValueQuestion
from ..messages import catalogue

_ = catalogue("ex3_sgd")

COEFFICIENTS = np.array([2.5, 0.5])   # f(w) = 2.5 w1^2 + 0.5 w2^2
LEARNING_RATE = 0.5
HESSIAN = np.diag(2 * COEFFICIENTS)  # second derivatives: 5 and 1


def _step_factors():
    """The diagonal of I - lr H: what one step multiplies each coordinate by."""
    return np.diag(np.eye(2) - LEARNING_RATE * HESSIAN).copy()


def _largest_stable_rate():
    """|1 - lr c| < 1 for every eigenvalue c of H: lr < 2 / max(c)."""
    return float(2 / np.linalg.eigvalsh(HESSIAN).max())


q_1a = ValueQuestion(
    var="factors",
    reveal=False,  # a prediction: feedback never shows the answer
    expected=_step_factors,
    mistakes=[
        Mistake(_("q_1a.mistake.coefficient"), wrong=lambda e: 1 - LEARNING_RATE * COEFFICIENTS),
        Mistake(_("q_1a.mistake.step"), wrong=lambda e: 1 - e),
        Mistake(_("q_1a.mistake.ascent"), wrong=lambda e: 2 - e),
        Mistake(_("q_1a.mistake.magnitude"), wrong=lambda e: np.abs(e)),
        Mistake(_("q_1a.mistake.swapped"), wrong=lambda e: e[::-1]),
    ],
    hints=[_("q_1a.hint.1"), _("q_1a.hint.2"), _("q_1a.hint.3")],
)

q_1b = ValueQuestion(
    var="largest_stable_lr",
    reveal=False,  # a prediction: feedback never shows the answer
    expected=_largest_stable_rate,
    mistakes=[
        Mistake(_("q_1b.mistake.one_step"), wrong=lambda e: e / 2),
        Mistake(_("q_1b.mistake.flat"), wrong=lambda e: 2 / np.linalg.eigvalsh(HESSIAN).min()),
        Mistake(_("q_1b.mistake.coefficient"), wrong=lambda e: 2 / COEFFICIENTS.max()),
        Mistake(_("q_1b.mistake.flat_one_step"),
                wrong=lambda e: 1 / np.linalg.eigvalsh(HESSIAN).min()),
    ],
    hints=[_("q_1b.hint.1"), _("q_1b.hint.2"), _("q_1b.hint.3")],
)
