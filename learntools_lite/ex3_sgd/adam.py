"""q_4: one Adam step worked out by hand, for a gradient whose entries differ 25,000-fold.

w = (1, -2), g = (0.002, -50), learning rate 0.01, Keras's defaults
(beta_1 = 0.9, beta_2 = 0.999, epsilon = 1e-7). The expected result is
shipped as data: it is what `keras.optimizers.Adam(0.01)` does to a
variable with this gradient (tests/test_ex3_sgd.py checks it against
Keras). Each mistake is the arithmetic of the rule with one part left out,
for these numbers only.
"""
import numpy as np

from ..core import Mistake, ValueQuestion
from ..core.compare import compare
from ..messages import catalogue

_ = catalogue("ex3_sgd")

W_START = np.array([1.0, -2.0])
GRADIENT = np.array([0.002, -50.0])
LEARNING_RATE = 0.01

# Keras: 1 - 0.01 * 0.002 / (0.002 + 1e-7) and -2 + 0.01 * 50 / (50 + 1e-7).
AFTER_ONE_STEP = np.array([0.9900005, -1.99])

# One step without a part of the rule, with and without epsilon (learners drop
# it either way): m = 0.1 g and v = 0.001 g^2 are the first averages before the
# bias correction, |g| and g itself what the corrections make of them.
_M, _V, _EPS = 0.1 * GRADIENT, 0.001 * GRADIENT ** 2, 1e-7
WRONG = {
    "sgd": lambda eps: W_START - LEARNING_RATE * GRADIENT,
    "no_correction": lambda eps: W_START - LEARNING_RATE * _M / (np.sqrt(_V) + eps),
    "m_only": lambda eps: W_START - LEARNING_RATE * GRADIENT / (np.sqrt(_V) + eps),
    "v_only": lambda eps: W_START - LEARNING_RATE * _M / (np.abs(GRADIENT) + eps),
    "ascent": lambda eps: W_START + LEARNING_RATE * GRADIENT / (np.abs(GRADIENT) + eps),
    "no_sqrt": lambda eps: W_START - LEARNING_RATE * GRADIENT / (GRADIENT ** 2 + eps),
}


def _makes(wrong):
    """A predicate: the learner's value is this mistake's result, with or without epsilon."""
    candidates = [wrong(_EPS), wrong(0.0)]
    return lambda value: any(compare("_", value, c) is None for c in candidates)


q_4 = ValueQuestion(
    var="w_after_adam",
    reveal=False,  # a prediction: feedback never shows the answer
    expected=AFTER_ONE_STEP,
    rtol=1e-4,  # Keras's own step (float32 constants) is 1.6e-5 off; a mistake is 1e-2 off
    mistakes=[Mistake(_(f"q_4.mistake.{key}"), matches=_makes(wrong))
              for key, wrong in WRONG.items()],
    hints=[_("q_4.hint.1"), _("q_4.hint.2"), _("q_4.hint.3")],
)
