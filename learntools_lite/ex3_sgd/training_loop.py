"""q_2: find the bug in a mini-batch SGD training loop (linear model, mean squared error).

The learner is given `train_linear_sgd(X, y, lr, batch_size, num_epochs,
seed=0)` whose gradient is averaged over the whole data set instead of the
mini-batch. The checker runs the learner's loop on data it makes and
compares the weights with a reference loop that shuffles the same way
(`default_rng(seed).permutation` once per epoch, the part of the loop that
is given) but takes each batch's gradient by the complex step, an
independent method exact to rounding. Each named mistake is the same loop
with the gradient scaled as that mistake scales it.
"""
import numpy as np

from ..core import FunctionQuestion, Mistake
from ..core import compare as cmp
from ..messages import catalogue

_ = catalogue("ex3_sgd")


def _unit(size, k):
    e = np.zeros(size)
    e[k] = 1.0
    return e


def _mse_gradient(w, b, X, y):
    """(d/dw, d/db) of mean((X w + b - y)^2) by the complex step: Im L(theta + i t e_k) / t."""
    theta = np.append(np.asarray(w, dtype=float), float(b))
    t = 1e-30

    def loss(theta):
        return np.mean((X @ theta[:-1] + theta[-1] - y) ** 2)

    grad = np.array([loss(theta + 1j * t * _unit(len(theta), k)).imag / t
                     for k in range(len(theta))])
    return grad[:-1], grad[-1]


def _training(scale_w=lambda rows, n, batch_size: 1.0, scale_b=None, full_data=False):
    """The given loop, with the batch gradient of w (and b) multiplied by scale(rows, n, B)."""
    scale_b = scale_b or scale_w

    def train(X, y, lr, batch_size, num_epochs, seed=0):
        X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
        rng = np.random.default_rng(seed)
        w, b = np.zeros(X.shape[1]), 0.0
        for _epoch in range(num_epochs):
            order = rng.permutation(len(y))
            for start in range(0, len(y), batch_size):
                rows = order[start:start + batch_size]
                where = (X, y) if full_data else (X[rows], y[rows])
                grad_w, grad_b = _mse_gradient(w, b, *where)
                w = w - lr * scale_w(len(rows), len(y), batch_size) * grad_w
                b = b - lr * scale_b(len(rows), len(y), batch_size) * grad_b
        return w, b
    return train


def _all_samples(rows, n, batch_size):
    """The mean taken over all n samples: the batch's sum divided by n, not by its rows."""
    return rows / n


# The batch's sum without any division, with or without the factor 2 (the mean
# gradient is 2/m X^T e: the sum 2 X^T e is m times it, X^T e m/2 times).
_SUMS = (_training(lambda rows, n, batch_size: rows),
         _training(lambda rows, n, batch_size: rows / 2))


def _sums_the_batch(args, value):
    return isinstance(value, (tuple, list)) and len(value) == 2 and any(
        all(cmp.compare("_", a, e) is None for a, e in zip(value, wrong(*args)))
        for wrong in _SUMS)


def _cases():
    rng = np.random.default_rng(3)
    X = rng.normal(size=(50, 3))
    y = X @ np.array([1.5, -2.0, 0.5]) + 0.7 + 0.1 * rng.normal(size=50)
    # 50 = 3 * 16 + 2 and 7 = 2 * 3 + 1: the last batch of each epoch is smaller.
    return [(X, y, 0.05, 16, 3), (X[:7], y[:7], 0.1, 3, 2, 4), (X, y, 0.02, 8, 2, 1)]


def _random_case(rng):
    n, d = int(rng.integers(6, 40)), int(rng.integers(1, 5))
    X = rng.normal(size=(n, d))
    y = X @ rng.normal(size=d) + rng.normal() + 0.1 * rng.normal(size=n)
    return (X, y, float(rng.uniform(0.01, 0.1)), int(rng.integers(2, n)),
            int(rng.integers(1, 4)), int(rng.integers(0, 1000)))


q_2 = FunctionQuestion(
    var="train_linear_sgd",
    oracle=_training(),
    cases=_cases,
    random_cases=_random_case,
    output_names=("w", "b"),
    mistakes=[
        Mistake(_("q_2.mistake.unfixed"), wrong=_training(_all_samples)),
        Mistake(_("q_2.mistake.batch_size"),
                wrong=_training(lambda rows, n, batch_size: rows / batch_size)),
        Mistake(_("q_2.mistake.bias_unfixed"),
                wrong=_training(lambda rows, n, batch_size: 1.0, _all_samples)),
        Mistake(_("q_2.mistake.weights_unfixed"),
                wrong=_training(_all_samples, lambda rows, n, batch_size: 1.0)),
        Mistake(_("q_2.mistake.full_data"), wrong=_training(full_data=True)),
        Mistake(_("q_2.mistake.no_factor_2"),
                wrong=_training(lambda rows, n, batch_size: 0.5)),
        Mistake(_("q_2.mistake.sum"), matches=_sums_the_batch),
    ],
    hints=[_("q_2.hint.1"), _("q_2.hint.2"), _("q_2.hint.3")],
)
