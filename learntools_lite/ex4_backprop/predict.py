"""Questions 1 and 5: values the learner works out before running anything.

q_1 asks for the shapes of a layer's gradients (predict, then a cell
measures them); q_5 for one backward pass through a tiny network done by
hand, judged against central differences of the network's loss.
"""
import numpy as np

from ..core import Mistake, Question, ValueQuestion
from ..core import compare as cmp
from ..core.safe import safe_repr
from ..core.verdict import Incorrect
from ..messages import catalogue
from ..oracles import numerical_gradient

_ = catalogue("ex4_backprop")


# ---- 1. predict the shapes ---------------------------------------------------------
# The network of the question: X (16, 5) -> Dense(5, 4) -> ReLU -> Dense(4, 2) -> loss.
BATCH, FEATURES, HIDDEN, OUTPUTS = 16, 5, 4, 2


def _as_shape(value):
    """A tuple of ints from a tuple/list of whole numbers (an int n means (n,)), else None."""
    if cmp.is_number(value) and not isinstance(value, bool):
        value = (value,)
    if not isinstance(value, (tuple, list)):
        return None
    shape = []
    for n in value:
        if isinstance(n, bool) or not cmp.is_number(n) or float(n) != int(n) or int(n) < 0:
            return None
        shape.append(int(n))
    return tuple(shape)


class ShapesQuestion(Question):
    """The learner writes a dict of predicted shapes.

    `expected`: key -> the shape; `also_right`: key -> other shapes accepted;
    `mistakes`: key -> [(shape, Msg)], the named wrong predictions; a wrong
    shape with no name gets `wrong[key]`, which explains without giving it away.
    """

    expected = {}
    also_right = {}
    mistakes = {}
    wrong = {}

    def _check(self, value):
        keys = list(self.expected)
        if type(value) is not dict or set(value) != set(keys):
            raise Incorrect(_("q_1.not_dict").format(name=self.name,
                                                     keys=", ".join(f"`{k}`" for k in keys)))
        for key in keys:
            shape = _as_shape(value[key])
            if shape is None:
                raise Incorrect(_("q_1.not_shape").format(name=self.name, entry=key,
                                                          actual=safe_repr(value[key], 40)))
            if shape == self.expected[key] or shape in self.also_right.get(key, ()):
                continue
            for wrong_shape, message in self.mistakes.get(key, ()):
                if shape == wrong_shape:
                    raise Incorrect(message.format(shape=shape))
            raise Incorrect(self.wrong[key].format(shape=shape))
        return None


q_1 = ShapesQuestion(
    var="predicted_shapes",
    expected={"output_error": (BATCH, HIDDEN), "dW": (FEATURES, HIDDEN), "db": (HIDDEN,),
              "dX": (BATCH, FEATURES)},
    also_right={"db": [(1, HIDDEN)]},
    mistakes={
        "output_error": [((BATCH, OUTPUTS), _("q_1.mistake.network_output_error")),
                         ((BATCH, FEATURES), _("q_1.mistake.error_is_input"))],
        "dW": [((HIDDEN, FEATURES), _("q_1.mistake.dW_transposed")),
               ((HIDDEN, OUTPUTS), _("q_1.mistake.dW_second_layer")),
               ((BATCH, HIDDEN), _("q_1.mistake.dW_per_sample"))],
        "db": [((BATCH, HIDDEN), _("q_1.mistake.db_per_sample")),
               ((BATCH,), _("q_1.mistake.db_per_sample")),
               ((OUTPUTS,), _("q_1.mistake.db_second_layer"))],
        "dX": [((BATCH, HIDDEN), _("q_1.mistake.dX_output_shape")),
               ((FEATURES, BATCH), _("q_1.mistake.dX_transposed"))],
    },
    wrong={key: _(f"q_1.wrong.{key}") for key in ("output_error", "dW", "db", "dX")},
    hints=[_("q_1.hint.1"), _("q_1.hint.2"), _("q_1.hint.3")],
)


# ---- 5. one backward pass by hand ----------------------------------------------------
# x (1, 2) -> Dense(2, 2) -> ReLU -> Dense(2, 1) -> E = 0.5 * (y_hat - t) ** 2

HAND_NET = {
    "x": np.array([[1.0, 2.0]]),
    "W1": np.array([[0.5, -0.3], [0.25, -0.4]]),
    "b1": np.array([0.1, 0.2]),
    "W2": np.array([[0.8], [-0.5]]),
    "b2": np.array([0.3]),
    "t": np.array([[0.5]]),
}


def hand_net_loss(W1, x, b1, W2, b2, t):
    """E of the question's network for first-layer weights W1."""
    hidden = np.maximum(x @ W1 + b1, 0.0)
    return float(0.5 * np.sum((hidden @ W2 + b2 - t) ** 2))


def _hand_dW1():
    n = HAND_NET
    return numerical_gradient(lambda W: hand_net_loss(W, n["x"], n["b1"], n["W2"], n["b2"],
                                                      n["t"]), n["W1"], 1e-6)


def _hand_variant(relu_slope=True, factor=1.0):
    """dW1 with one step of the chain changed (each catalogued mistake is one such change)."""
    n = HAND_NET
    z = n["x"] @ n["W1"] + n["b1"]
    y_hat = np.maximum(z, 0.0) @ n["W2"] + n["b2"]
    delta = factor * (y_hat - n["t"]) @ n["W2"].T
    if relu_slope:
        delta = delta * (z > 0)
    return n["x"].T @ delta


class HandValueQuestion(ValueQuestion):
    """A ValueQuestion whose unnamed wrong answer does not show the expected entries:
    the learner derives them, so the message says which entry is wrong, not its value."""

    def _check(self, value):
        try:
            return super()._check(value)
        except Incorrect as failure:
            arr, expected = cmp.as_array(value), self.expected()
            if str(failure) in {m.message(self.name) for m in self.mistakes} or arr is None \
                    or arr.shape != expected.shape or not np.all(np.isfinite(arr)):
                raise
            bad = ~np.isclose(arr, expected, rtol=self.rtol, atol=self.atol)
            index = tuple(int(i) for i in np.argwhere(bad)[0])
            raise Incorrect(_("q_5.wrong").format(name=self.name, index=index)) from None


q_5 = HandValueQuestion(
    var="dW1_by_hand",
    expected=_hand_dW1,
    rtol=1e-4,
    atol=1e-6,
    mistakes=[
        Mistake(_("q_5.mistake.no_relu_slope"), wrong=lambda e: _hand_variant(relu_slope=False)),
        Mistake(_("q_5.mistake.transposed"), wrong=lambda e: e.T),
        Mistake(_("q_5.mistake.sign"), wrong=lambda e: -e),
        Mistake(_("q_5.mistake.factor_two"), wrong=lambda e: 2 * e),
        Mistake(_("q_5.mistake.delta_only"), matches=lambda v: np.shape(v) in [(2,), (1, 2)]),
        Mistake(_("q_5.mistake.dW2"), matches=lambda v: np.shape(v) == (2, 1)),
    ],
    hints=[_("q_5.hint.1"), _("q_5.hint.2"), _("q_5.hint.3")],
)
