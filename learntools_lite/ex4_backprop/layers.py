"""Questions 2 and 3: a fully connected layer's backward pass (find the bug)
and a sigmoid layer's backward pass from its cached output.

The oracles share no code with a solution: gradients come from central
differences of a scalar error (exact up to rounding for the linear layer).
"""
import numpy as np

from ..core import Mistake
from ..core import compare as cmp
from ..messages import catalogue
from ..oracles import numerical_gradient
from ._backward import BackwardQuestion, distinct_sizes, same

_ = catalogue("ex4_backprop")


# ---- 2. the fully connected layer's backward pass: find the bug --------------------

def _fc_gradients(X, W, output_error):
    """(dW, db, dX) of E = sum(output_error * (X W + b)), whose dE/dY is output_error."""
    b = np.zeros(W.shape[1])

    def E(X_, W_, b_):
        return np.sum(output_error * (X_ @ W_ + b_))

    h = 1e-4  # E is linear in each argument: central differences are exact up to rounding
    return (numerical_gradient(lambda W_: E(X, W_, b), W, h),
            numerical_gradient(lambda b_: E(X, W, b_), b, h),
            numerical_gradient(lambda X_: E(X_, W, b), X, h))


def _fc_case(rng, n=None, d=None, k=None):
    if n is None:
        n, d, k = distinct_sizes(rng, 3)
    return rng.normal(size=(n, d)), rng.normal(size=(d, k)), rng.normal(size=(n, k))


def _fc_square_cases():
    rng = np.random.default_rng(4)
    return [_fc_case(rng, 3, 3, 3) for _ in range(2)]


def _db_as_vector(result):
    """A bias gradient of shape (1, units) (a sum with keepdims=True) is as good as (units,)."""
    if isinstance(result, (tuple, list)) and len(result) == 3:
        db = cmp.as_array(result[1])
        if db is not None and db.ndim == 2 and db.shape[0] == 1:
            return (result[0], db[0], result[2])
    return result


q_2 = BackwardQuestion(
    var="fc_backward",
    oracle=_fc_gradients,
    cases=lambda: [(np.array([[1.0, 2.0, 0.5], [-1.0, 0.0, 3.0]]),
                    np.array([[0.1, -0.2, 0.3, 0.0], [0.5, 0.4, -0.6, 1.0],
                              [-1.0, 0.2, 0.7, -0.3]]),
                    np.array([[1.0, -1.0, 0.5, 2.0], [0.0, 3.0, -2.0, 1.0]]))],
    random_cases=_fc_case,
    square_cases=_fc_square_cases,
    output_names=("dW", "db", "dX"),
    normalise=_db_as_vector,
    mistakes=[
        Mistake(_("q_2.mistake.bias_one_sample"), wrong=lambda X, W, E: (X.T @ E, E[0], E @ W.T)),
        Mistake(_("q_2.mistake.bias_last_sample"),
                wrong=lambda X, W, E: (X.T @ E, E[-1], E @ W.T)),
        Mistake(_("q_2.mistake.bias_per_sample"), wrong=lambda X, W, E: (X.T @ E, E, E @ W.T)),
        Mistake(_("q_2.mistake.bias_mean"),
                wrong=lambda X, W, E: (X.T @ E, E.mean(axis=0), E @ W.T)),
        Mistake(_("q_2.mistake.bias_wrong_axis"),
                wrong=lambda X, W, E: (X.T @ E, E.sum(axis=1), E @ W.T)),
        Mistake(_("q_2.mistake.bias_total"),
                matches=lambda args, v: _bias_is_total(args, v)),
        Mistake(_("q_2.mistake.no_transpose_X"), wrong=lambda X, W, E: (X @ E, E.sum(0), E @ W.T)),
        Mistake(_("q_2.mistake.no_transpose_W"),
                wrong=lambda X, W, E: (X.T @ E, E.sum(0), E @ W)),
        Mistake(_("q_2.mistake.sign"),
                wrong=lambda X, W, E: (-(X.T @ E), -E.sum(axis=0), -(E @ W.T))),
    ],
    hints=[_("q_2.hint.1"), _("q_2.hint.2"), _("q_2.hint.3")],
)


def _bias_is_total(args, value):
    """db is one number, the sum of every entry of output_error (or that number repeated)."""
    X, W, E = args
    db = cmp.as_array(value[1]) if isinstance(value, (tuple, list)) and len(value) == 3 else None
    return db is not None and db.size in (1, E.shape[1]) and np.allclose(db, E.sum())


# ---- 3. a sigmoid layer's backward pass from its cached output ----------------------

def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def _sigmoid_backward(Y, output_error):
    """dE/dZ of E = sum(output_error * sigmoid(Z)) where Y = sigmoid(Z), by central differences."""
    Z = np.log(Y) - np.log1p(-Y)
    return numerical_gradient(lambda Z_: np.sum(output_error * _sigmoid(Z_)), Z, 1e-5)


def _sigmoid_case(rng, n=None, k=None):
    if n is None:
        n, k = distinct_sizes(rng, 2)
    return _sigmoid(rng.normal(scale=1.5, size=(n, k))), rng.normal(size=(n, k))


def _sigmoid_square_cases():
    rng = np.random.default_rng(5)
    return [_sigmoid_case(rng, 3, 3) for _ in range(2)]


def _matrix_product(args, value):
    Y, E = args
    d = Y * (1 - Y)
    return same(value, E @ d) or same(value, d @ E) or same(value, E @ d.T)


q_3 = BackwardQuestion(
    var="sigmoid_backward",
    oracle=_sigmoid_backward,
    cases=lambda: [(np.array([[0.5, 0.2, 0.9], [0.7, 0.05, 0.4]]),
                    np.array([[1.0, 2.0, -1.0], [0.5, -0.5, 3.0]]))],
    random_cases=_sigmoid_case,
    square_cases=_sigmoid_square_cases,
    mistakes=[
        Mistake(_("q_3.mistake.sigmoid_of_output"),
                wrong=lambda Y, E: E * _sigmoid(Y) * (1 - _sigmoid(Y))),
        Mistake(_("q_3.mistake.no_output_error"), wrong=lambda Y, E: Y * (1 - Y)),
        Mistake(_("q_3.mistake.tanh_derivative"), wrong=lambda Y, E: E * (1 - Y ** 2)),
        Mistake(_("q_3.mistake.missing_factor"), wrong=lambda Y, E: E * (1 - Y)),
        Mistake(_("q_3.mistake.missing_factor"), wrong=lambda Y, E: E * Y),
        Mistake(_("q_3.mistake.output_itself"), wrong=lambda Y, E: E * Y * Y),
        Mistake(_("q_3.mistake.sign"), wrong=lambda Y, E: E * Y * (Y - 1)),
        Mistake(_("q_3.mistake.matrix_product"), matches=_matrix_product),
    ],
    hints=[_("q_3.hint.1"), _("q_3.hint.2"), _("q_3.hint.3")],
)
