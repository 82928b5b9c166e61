"""Exercise 4, "Backpropagation": the questions and their checkers.

    from learntools_lite.core import binder; binder.bind(globals())
    from learntools_lite.ex4 import *

The oracles share no code with a solution: gradients come from central
differences of a scalar error (exact up to rounding for the linear and
quadratic cases), and the gradient checker is judged against the exact
gradients of the test functions.
"""
import numpy as np

from .core import FunctionQuestion, Mistake, MultipleChoice, Question, register
from .core import compare as cmp
from .core.blank import ____  # noqa: F401  (exported for the notebook)
from .core.safe import call_safely, copy_args, describe_error
from .core.verdict import Incorrect
from .oracles import numerical_gradient


# ---- oracles ------------------------------------------------------------------

def _same(value, wanted) -> bool:
    return cmp.compare("_", value, wanted, rtol=1e-5, atol=1e-7) is None


class _BackwardQuestion(FunctionQuestion):
    """A FunctionQuestion for backward passes.

    - `output_names` name the parts of a tuple result in messages (`dW`, `db`, `dX`);
    - `normalise(result)` turns an accepted alternative form into the expected one;
    - `square_cases`: a missing transpose raises on non-square arrays before
      its output can be compared with the catalogued mistakes; when the
      learner's function fails, it is run on square arrays, where that mistake
      runs (wrongly) and can be named.
    """

    output_names = ()
    normalise = None
    square_cases = ()
    atol = 1e-7

    def _compare(self, label, actual, expected):
        if self.normalise is not None:
            actual = self.normalise(actual)
        if (self.output_names and isinstance(expected, tuple)
                and isinstance(actual, (tuple, list)) and len(actual) == len(expected)):
            for part, a, e in zip(self.output_names, actual, expected):
                reason = super()._compare(part, a, e)
                if reason:
                    return reason
            return None
        return super()._compare(label, actual, expected)

    def _check(self, func):
        try:
            return super()._check(func)
        except Incorrect as failure:
            if str(failure) in {m.message(self.name) for m in self.mistakes}:
                raise
            named = self._diagnose(func)
            if named is None:
                raise
            raise Incorrect(named) from None

    def _diagnose(self, func):
        outputs = []
        for args in (self.square_cases() if callable(self.square_cases) else self.square_cases):
            result = call_safely(func, copy_args(args), timeout=self.timeout)
            if result.timed_out or result.error is not None:
                return None
            outputs.append((args, None, result.value))
        return self._named_mistake(outputs) if outputs else None


# ---- 1. the fully connected layer's backward pass --------------------------------

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
        n, d, k = (int(v) for v in rng.choice(np.arange(2, 7), size=3, replace=False))
    return rng.normal(size=(n, d)), rng.normal(size=(d, k)), rng.normal(size=(n, k))


def _fc_square_cases():
    rng = np.random.default_rng(4)
    return [_fc_case(rng, 3, 3, 3) for _ in range(2)]


def _db_as_vector(result):
    """A bias gradient of shape (1, units) (sum with keepdims=True) is as good as (units,)."""
    if isinstance(result, (tuple, list)) and len(result) == 3:
        db = cmp.as_array(result[1])
        if db is not None and db.ndim == 2 and db.shape[0] == 1:
            return (result[0], db[0], result[2])
    return result


q_1 = _BackwardQuestion(
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
        Mistake("`{name}` returns `output_error` itself as `db`, one row per sample: the "
                "bias gradient adds up the contributions of all samples, "
                "`db = output_error.sum(axis=0)`, shape (units,).",
                wrong=lambda X, W, E: (X.T @ E, E, E @ W.T)),
        Mistake("`{name}` averages `db` over the batch. In this exercise (as in the "
                "chapter) the loss's derivative already divides by n, so the layer SUMS: "
                "`db = output_error.sum(axis=0)`.",
                wrong=lambda X, W, E: (X.T @ E, E.mean(axis=0), E @ W.T)),
        Mistake("`{name}` averages `dW` and `db` over the batch. In this exercise (as in "
                "the chapter) the loss's derivative already divides by n, so the layer "
                "SUMS: `X.T @ output_error` and `output_error.sum(axis=0)`.",
                wrong=lambda X, W, E: (X.T @ E / len(X), E.mean(axis=0), E @ W.T)),
        Mistake("`{name}` sums `db` over the units (axis 1); the bias gradient sums over "
                "the samples: `output_error.sum(axis=0)`.",
                wrong=lambda X, W, E: (X.T @ E, E.sum(axis=1), E @ W.T)),
        Mistake("`{name}` computes `dW` as `X @ output_error`: X needs a transpose, "
                "`dW = X.T @ output_error`, shape (features, units) like W.",
                wrong=lambda X, W, E: (X @ E, E.sum(axis=0), E @ W.T)),
        Mistake("`{name}` computes `dX` as `output_error @ W`: W needs a transpose, "
                "`dX = output_error @ W.T`, shape (samples, features) like X.",
                wrong=lambda X, W, E: (X.T @ E, E.sum(axis=0), E @ W)),
        Mistake("`{name}` leaves out both transposes: `dW = X.T @ output_error` and "
                "`dX = output_error @ W.T`.",
                wrong=lambda X, W, E: (X @ E, E.sum(axis=0), E @ W)),
        Mistake("`{name}` returns `dW` transposed, shape (units, features): compute "
                "`X.T @ output_error`, which has the shape of W.",
                wrong=lambda X, W, E: (E.T @ X, E.sum(axis=0), E @ W.T)),
        Mistake("`{name}` returns `dX` transposed, shape (features, samples): compute "
                "`output_error @ W.T`, which has the shape of X.",
                wrong=lambda X, W, E: (X.T @ E, E.sum(axis=0), W @ E.T)),
        Mistake("`{name}` returns the gradients with the wrong sign. They are derivatives "
                "of the error; the minus sign belongs to the update `W -= lr * dW`.",
                wrong=lambda X, W, E: (-(X.T @ E), -E.sum(axis=0), -(E @ W.T))),
    ],
    hints=[
        "Check the shapes first: dW has the shape of W (features, units), db of the bias "
        "(units,), dX of X (samples, features). Which product of X (samples, features) "
        "and output_error (samples, units) has shape (features, units)?",
        "`dW = X.T @ output_error`, `db = output_error.sum(axis=0)` (a sum over the "
        "samples), `dX = output_error @ W.T`.",
    ],
)


# ---- 2. the tanh layer's backward pass --------------------------------------------

def _tanh_backward(Z, output_error):
    """dE/dZ of E = sum(output_error * tanh(Z)), by central differences."""
    return numerical_gradient(lambda Z_: np.sum(output_error * np.tanh(Z_)), Z, 1e-5)


def _act_case(rng, n=None, k=None):
    if n is None:
        n, k = (int(v) for v in rng.choice(np.arange(2, 7), size=2, replace=False))
    return rng.normal(scale=1.5, size=(n, k)), rng.normal(size=(n, k))


def _act_square_cases():
    rng = np.random.default_rng(5)
    return [_act_case(rng, 3, 3) for _ in range(2)]


def _tanh_d(Z):
    return 1.0 - np.tanh(Z) ** 2


def _matrix_product(args, value):
    Z, E = args
    return _same(value, E @ _tanh_d(Z)) or _same(value, _tanh_d(Z) @ E)


q_2 = _BackwardQuestion(
    var="activation_backward",
    oracle=_tanh_backward,
    cases=lambda: [(np.array([[0.5, -1.0, 2.0], [0.0, 1.5, -0.3]]),
                    np.array([[1.0, 2.0, -1.0], [0.5, -0.5, 3.0]]))],
    random_cases=_act_case,
    square_cases=_act_square_cases,
    mistakes=[
        Mistake("`{name}` evaluates the derivative at the layer's OUTPUT, "
                "`tanh_prime(tanh(Z))`. Z is the layer's input, and tanh' must be taken "
                "there: `output_error * (1 - np.tanh(Z) ** 2)`.",
                wrong=lambda Z, E: E * (1.0 - np.tanh(np.tanh(Z)) ** 2)),
        Mistake("`{name}` uses `1 - Z ** 2`: that is tanh' written in terms of the "
                "OUTPUT y = tanh(Z). Here you are given the input Z: "
                "`1 - np.tanh(Z) ** 2`.",
                wrong=lambda Z, E: E * (1.0 - Z ** 2)),
        Mistake("`{name}` returns tanh'(Z) alone: multiply it by the error arriving from "
                "the next layer, `output_error * (1 - np.tanh(Z) ** 2)`.",
                wrong=lambda Z, E: _tanh_d(Z)),
        Mistake("`{name}` uses tanh(Z) where its derivative, `1 - np.tanh(Z) ** 2`, "
                "is needed.",
                wrong=lambda Z, E: E * np.tanh(Z)),
        Mistake("`{name}` uses `1 - np.tanh(Z)`: the derivative of tanh is "
                "`1 - np.tanh(Z) ** 2` (squared).",
                wrong=lambda Z, E: E * (1.0 - np.tanh(Z))),
        Mistake("`{name}` has the sign flipped: tanh' = 1 - tanh^2 is positive.",
                wrong=lambda Z, E: E * (np.tanh(Z) ** 2 - 1.0)),
        Mistake("`{name}` uses a matrix product (`@`): an activation acts on every entry "
                "separately, so its backward pass is the element-wise product `*`.",
                matches=_matrix_product),
    ],
    hints=[
        "Each output entry depends only on the input entry at the same position, so the "
        "chain rule gives dE/dZ = dE/dY * f'(Z), entry by entry (`*`, not `@`).",
        "`return output_error * (1 - np.tanh(Z) ** 2)`: the derivative is evaluated at "
        "the layer's input Z, not at its output tanh(Z).",
    ],
)


# ---- 3. the derivative of MSE --------------------------------------------------------

def _mse_prime(y_true, y_pred):
    return numerical_gradient(lambda p: np.mean((p - y_true) ** 2), y_pred, 1e-4)


def _mse_case(rng):
    shape = (int(rng.integers(3, 7)), int(rng.integers(2, 5)))
    return rng.normal(size=shape), rng.normal(size=shape)


q_3 = FunctionQuestion(
    var="mse_prime",
    oracle=_mse_prime,
    cases=lambda: [(np.array([[0.0], [1.0], [1.0], [0.0]]),
                    np.array([[0.1], [0.7], [1.2], [-0.2]])),
                   (np.array([[1.0, 0.0], [0.0, 1.0], [0.5, 0.5]]),
                    np.array([[0.8, 0.1], [0.3, 0.6], [0.5, 0.9]]))],
    random_cases=_mse_case,
    atol=1e-7,
    mistakes=[
        Mistake("`{name}` returns one number: the derivative has one entry per "
                "prediction, the same shape as `y_pred`.",
                matches=lambda args, v: np.ndim(v) == 0),
        Mistake("`{name}` leaves out the 2: the derivative of (y_pred - y_true)**2 is "
                "2 * (y_pred - y_true).",
                wrong=lambda t, p: (p - t) / t.size),
        Mistake("`{name}` does not divide by n: MSE is a MEAN over all n = y_true.size "
                "entries, so its derivative is 2 * (y_pred - y_true) / n.",
                wrong=lambda t, p: 2 * (p - t)),
        Mistake("`{name}` returns y_pred - y_true, the derivative of "
                "0.5 * sum((y_pred - y_true) ** 2). MSE is the mean: "
                "2 * (y_pred - y_true) / y_true.size.",
                wrong=lambda t, p: p - t),
        Mistake("`{name}` has the sign flipped: it should be 2 * (y_pred - y_true) / n "
                "(the error grows when y_pred moves away from y_true).",
                wrong=lambda t, p: 2 * (t - p) / t.size),
        Mistake("`{name}` divides by the number of rows, `len(y_true)`; `np.mean` "
                "averages over every entry, so divide by `y_true.size`.",
                wrong=lambda t, p: 2 * (p - t) / len(t)),
    ],
    hints=[
        "MSE = np.mean((y_true - y_pred) ** 2) = (1/n) * sum of n squares, with n = "
        "y_true.size. Differentiate one square with respect to its y_pred entry.",
        "`return 2 * (y_pred - y_true) / y_true.size`",
    ],
)


# ---- 4. a gradient checker -------------------------------------------------------------

class _TestFunction:
    """A scalar function of an array for grad_check, with its exact gradient (the oracle's)."""

    def __init__(self, name, f, grad, env=None):
        self.name, self.f, self.grad, self.env = name, f, grad, env or {}

    def wire_spec(self):
        """(source, arrays, cast): how the grader sends this function to the learner's kernel."""
        return self.name, self.env, "float"

    def __call__(self, x):
        return float(self.f(np.asarray(x, dtype=float)))

    def __repr__(self):
        return self.name

    def __deepcopy__(self, memo):
        return self


_A = np.array([[2.0, 1.0, 0.0], [-1.0, 3.0, 0.5], [0.5, 0.0, 1.0]])
_SIN = _TestFunction("lambda x: np.sum(np.sin(x) * x)", lambda x: np.sum(np.sin(x) * x),
                     lambda x: np.sin(x) + x * np.cos(x))
_EXP = _TestFunction("lambda x: np.sum(np.exp(x))", lambda x: np.sum(np.exp(x)),
                     lambda x: np.exp(x))
_QUAD = _TestFunction("lambda x: x @ A @ x", lambda x: x @ _A @ x,
                      lambda x: (_A + _A.T) @ x, env={"A": _A})
_TANH = _TestFunction("lambda W: np.sum(np.tanh(X @ W) ** 2)",
                      lambda W: np.sum(np.tanh(np.array([[0.5, -1.0], [1.0, 2.0],
                                                          [0.3, 0.1]]) @ W) ** 2),
                      lambda W: _tanh_sq_grad(W),
                      env={"X": np.array([[0.5, -1.0], [1.0, 2.0], [0.3, 0.1]])})


def _tanh_sq_grad(W):
    X = np.array([[0.5, -1.0], [1.0, 2.0], [0.3, 0.1]])
    T = np.tanh(X @ W)
    return X.T @ (2 * T * (1 - T ** 2))


def _relative_error(f, x, analytic_grad):
    exact = f.grad(np.asarray(x, dtype=float))
    scale = np.linalg.norm(analytic_grad) + np.linalg.norm(exact)
    return 0.0 if scale == 0 else float(np.linalg.norm(analytic_grad - exact) / scale)


def _grad_check_cases():
    x3 = np.array([0.5, -1.0, 2.0])
    W = np.array([[0.2, -0.4, 0.1], [0.7, 0.3, -0.5]])
    x4 = np.array([[0.3, -0.2], [0.9, -0.7]])
    off = _EXP.grad(x4).copy()
    off[1, 0] += 0.05
    return [(_SIN, x3, _SIN.grad(x3)),                  # a correct gradient
            (_SIN, x3, 2 * _SIN.grad(x3)),              # twice too big: 1/3
            (_QUAD, x3, _A @ x3),                       # forgot the transpose term
            (_TANH, W, _TANH.grad(W)),                  # a matrix argument, correct
            (_EXP, x4, off)]                            # one entry wrong


def _grad_check_random(rng):
    f = [_SIN, _EXP, _QUAD][int(rng.integers(3))]
    x = rng.uniform(-1, 1, size=3 if f is _QUAD else (int(rng.integers(2, 4)), 2))
    g = f.grad(x)
    if rng.random() < 0.5:
        g = g + rng.normal(scale=0.1, size=g.shape)
    return f, x, g


def _estimate(f, x, h=1e-5, kind="central", restore=True):
    """The numerical gradient, done right (kind="central") or in a catalogued wrong way."""
    x = np.array(x, dtype=float)
    grad = np.empty_like(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + h
        up = f(x)
        if kind == "forward":
            x[i] = old
            grad[i] = (up - f(x)) / h
            continue
        x[i] = old - h
        down = f(x)
        if restore:
            x[i] = old
        grad[i] = (up - down) / (h if kind == "no_two" else 2 * h)
    return grad


def _rel(a, n):
    scale = np.linalg.norm(a) + np.linalg.norm(n)
    return 0.0 if scale == 0 else float(np.linalg.norm(a - n) / scale)


q_4 = FunctionQuestion(
    var="grad_check",
    oracle=_relative_error,
    cases=_grad_check_cases,
    random_cases=_grad_check_random,
    rtol=1e-4,
    atol=1e-7,
    mistakes=[
        Mistake("`{name}` uses forward differences, (f(x + h) - f(x)) / h, whose error is "
                "of order h; central differences (f(x + h) - f(x - h)) / (2h) are accurate "
                "to order h**2, and the question asks for them.",
                wrong=lambda f, x, g: _rel(g, _estimate(f, x, kind="forward"))),
        Mistake("`{name}` divides (f(x + h) - f(x - h)) by h: the two points are 2h apart, "
                "so divide by 2 * h.",
                wrong=lambda f, x, g: _rel(g, _estimate(f, x, kind="no_two"))),
        Mistake("`{name}` does not put x[i] back after nudging it, so later entries are "
                "estimated at a shifted point: restore the old value after each entry.",
                wrong=lambda f, x, g: _rel(g, _estimate(f, x, restore=False))),
        Mistake("`{name}` returns the absolute error ||a - n||; divide it by "
                "||a|| + ||n|| to make it relative.",
                wrong=lambda f, x, g: float(np.linalg.norm(g - _estimate(f, x)))),
        Mistake("`{name}` divides by ||n|| (the numerical gradient) only; the question "
                "asks for ||a - n|| / (||a|| + ||n||), which lies between 0 and 1.",
                wrong=lambda f, x, g: float(np.linalg.norm(g - _estimate(f, x))
                                            / np.linalg.norm(_estimate(f, x)))),
    ],
    hints=[
        "Loop over every entry with `for i in np.ndindex(x.shape):` on a float copy of x. "
        "For each entry: remember the old value, set it to old + h and evaluate f, set it "
        "to old - h and evaluate f, put the old value back.",
        "numeric[i] = (f_plus - f_minus) / (2 * h); then return "
        "np.linalg.norm(analytic_grad - numeric) / (np.linalg.norm(analytic_grad) + "
        "np.linalg.norm(numeric)).",
    ],
)


# ---- 5. training XOR with your layers -----------------------------------------------

XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_Y = np.array([[0.0], [1.0], [1.0], [0.0]])


class _TrainedXorQuestion(Question):
    """`net` (a trained network with predict) must fit XOR with a loss under `max_loss`.

    The loss is recomputed from `net.predict` on the four points (the checker's own
    copy); `final_loss` must agree with it. `mistakes` match a report dict with keys
    loss, y_hat (shape (4, 1)) and final_loss.
    """

    var = ("net", "final_loss")
    max_loss = 0.01
    mistakes = ()
    timeout = 5.0

    def _check(self, net, final_loss):
        predict = getattr(net, "predict", None)
        if not callable(predict):
            raise Incorrect("`net` has no `predict` method: keep the trained `Network` in "
                            "`net`.")
        result = call_safely(predict, (XOR_X.copy(),), timeout=self.timeout)
        if result.timed_out or result.error is not None:
            why = "took too long" if result.timed_out else f"raised {describe_error(result.error)}"
            raise Incorrect(f"`net.predict(X_xor)` {why}.")
        y_hat = cmp.as_array(result.value)
        if y_hat is None or y_hat.size != 4:
            raise Incorrect("`net.predict(X_xor)` should return 4 predictions, shape (4, 1).")
        y_hat = y_hat.reshape(4, 1).astype(float)
        if not np.all(np.isfinite(y_hat)):
            raise Incorrect("`net.predict(X_xor)` contains NaN or infinite values: training "
                            "diverged. Use a smaller `lr`.")
        final = cmp.as_array(final_loss)
        if final is None or final.size != 1 or not np.isfinite(final.item()):
            raise Incorrect("`final_loss` should be a number: the last entry of the loss "
                            "history that `fit` returns.")
        report = {"loss": float(np.mean((y_hat - XOR_Y) ** 2)), "y_hat": y_hat,
                  "final_loss": float(final.item())}
        if report["loss"] < self.max_loss and report["final_loss"] < self.max_loss:
            return None
        for mistake in self.mistakes:
            if mistake.matches(report):
                raise Incorrect(mistake.message("net"))
        raise Incorrect(f"The loss of `net` on XOR is {report['loss']:.4g} and `final_loss` "
                        f"is {report['final_loss']:.4g}; both must be below {self.max_loss}.")


def _solved(r):
    return np.array_equal((r["y_hat"] > 0.5).astype(float), XOR_Y)


q_5 = _TrainedXorQuestion(
    mistakes=[
        Mistake("`{name}` gives (almost) the same output for all four inputs: it has not "
                "learned. Check that there is a `Tanh()` after the hidden layer (without it "
                "the network is linear, and the best a linear model can do on XOR is a "
                "loss of 0.25) and that `fit` ran with a positive `lr`.",
                matches=lambda r: np.ptp(r["y_hat"]) < 0.05),
        Mistake("`final_loss` is below 0.01 but `net` does not fit XOR that well: did you "
                "train another network after setting `final_loss`? Set both from the same "
                "run.",
                matches=lambda r: r["final_loss"] < 0.01 <= r["loss"]),
        Mistake("`net` fits XOR, but `final_loss` is far above its loss: use the LAST "
                "entry of the history, `history[-1]`.",
                matches=lambda r: r["loss"] < 0.01 and r["final_loss"] > 0.05),
        Mistake("`{name}` classifies all four points correctly, but its loss is still "
                "above 0.01: train for more epochs (or with a larger `lr`).",
                matches=lambda r: _solved(r)),
        Mistake("`{name}` has not fit XOR yet. Train longer or with a larger `lr` (0.5 "
                "works), or try another seed. If the loss hardly goes down at all, make "
                "sure questions 1 to 3 are correct first.",
                matches=lambda r: True),
    ],
    hints=[
        "A 2-3-1 network: `Network([Dense(2, 3, rng), Tanh(), Dense(3, 1, rng), Tanh()])` "
        "(2 inputs, 3 hidden units, 1 output, a tanh after each Dense layer).",
        "`num_epochs = 1000` and `lr = 0.5` work. If the loss stalls around 0.12, that "
        "start got stuck: change the seed of `rng` or add hidden units.",
    ],
)


# ---- 6. batch size and the mean ------------------------------------------------------

q_6 = MultipleChoice(
    var="answer_6",
    options={
        "a": "mse_prime does not divide by n, so the gradient is a sum over the batch: "
             "with 256 samples each step is about 256 times larger.",
        "b": "X.T @ output_error is only right for one sample; a batch needs a loop over "
             "the samples.",
        "c": "tanh saturates when the batch is large.",
        "d": "db must be averaged over the batch instead of summed.",
    },
    answer="a",
    explanations={
        "a": "Without the 1/n, the loss is a sum over the samples, and so are its "
             "gradients: the step grows with the batch size and a learning rate that was "
             "fine for one sample overshoots. Dividing by n (a mean) makes the step size "
             "independent of the batch size.",
        "b": "X.T @ output_error already sums over the samples: that is what the matrix "
             "product does. No loop is needed.",
        "c": "Saturation depends on the size of each input to tanh, not on how many "
             "samples are in the batch.",
        "d": "With mse_prime dividing by n, the column sum is exactly the gradient of the "
             "mean loss. Averaging db alone would leave dW as large as before.",
    },
    hints=[
        "Which of these makes the size of a gradient step depend on the number of samples "
        "in the batch?",
        "Compare 2 * (y_pred - y_true) with 2 * (y_pred - y_true) / n, summed over a batch "
        "by X.T @ output_error.",
    ],
)

__all__ = register(globals(), "ex4_backprop")
