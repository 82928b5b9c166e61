"""Question 6: a gradient checker, judged against the exact gradients of its test functions.

Each test function knows its gradient in closed form (the oracle); the
catalogued mistakes are wrong ways of estimating the numerical gradient,
written out in `_estimate`.
"""
import numpy as np

from ..core import FunctionQuestion, Mistake
from ..messages import catalogue

_ = catalogue("ex4_backprop")


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
_X = np.array([[0.5, -1.0], [1.0, 2.0], [0.3, 0.1]])
_SIN = _TestFunction("lambda x: np.sum(np.sin(x) * x)", lambda x: np.sum(np.sin(x) * x),
                     lambda x: np.sin(x) + x * np.cos(x))
_EXP = _TestFunction("lambda x: np.sum(np.exp(x))", lambda x: np.sum(np.exp(x)),
                     lambda x: np.exp(x))
_QUAD = _TestFunction("lambda x: x @ A @ x", lambda x: x @ _A @ x,
                      lambda x: (_A + _A.T) @ x, env={"A": _A})
_TANH = _TestFunction("lambda W: np.sum(np.tanh(X @ W) ** 2)",
                      lambda W: np.sum(np.tanh(_X @ W) ** 2),
                      lambda W: _X.T @ (2 * np.tanh(_X @ W) * (1 - np.tanh(_X @ W) ** 2)),
                      env={"X": _X})


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


q_6 = FunctionQuestion(
    var="grad_check",
    oracle=_relative_error,
    cases=_grad_check_cases,
    random_cases=_grad_check_random,
    rtol=1e-4,
    atol=1e-7,
    mistakes=[
        Mistake(_("q_6.mistake.forward_differences"),
                wrong=lambda f, x, g: _rel(g, _estimate(f, x, kind="forward"))),
        Mistake(_("q_6.mistake.no_two"),
                wrong=lambda f, x, g: _rel(g, _estimate(f, x, kind="no_two"))),
        Mistake(_("q_6.mistake.not_restored"),
                wrong=lambda f, x, g: _rel(g, _estimate(f, x, restore=False))),
        Mistake(_("q_6.mistake.absolute"),
                wrong=lambda f, x, g: float(np.linalg.norm(g - _estimate(f, x)))),
        Mistake(_("q_6.mistake.numeric_norm_only"),
                wrong=lambda f, x, g: float(np.linalg.norm(g - _estimate(f, x))
                                            / np.linalg.norm(_estimate(f, x)))),
    ],
    hints=[_("q_6.hint.1"), _("q_6.hint.2"), _("q_6.hint.3")],
)
