"""Exercise 3, "Stochastic gradient descent": the questions and their checkers.

    from learntools_lite.core import binder; binder.bind(globals())
    from learntools_lite.ex3 import *

The NumPy questions are checked against oracles that share no code with a
solution: the exact gradient of quadratic and trigonometric test functions
(q_1) and complex-step derivatives of the batch loss (q_2).
"""
import math

import numpy as np

from .core import FunctionQuestion, Mistake, Multipart, ThoughtQuestion, ValueQuestion, register
from .core.blank import ____  # noqa: F401  (exported for the notebook)
from .keras_checks import KerasCompileQuestion, KerasFitQuestion

# Rows of the fuel data's training part in the exercise's setup cell: the 392
# complete cars (8 lack the MPG, 6 the horsepower), 75 % of them sampled with
# pandas' `sample(frac=0.75, random_state=0)`. tests/test_ex3.py recomputes it.
N_TRAIN = 294
BATCH_SIZE = 128
NUM_EPOCHS = 200


# ---------------------------------------------------------------- q_1
class _TestFunction:
    """A function of a vector for the learner's numerical_gradient, with its exact gradient."""

    def __init__(self, formula, f, grad, code, env=None):
        self.formula, self.f, self.grad = formula, f, grad
        self.code, self.env = code, env or {}

    def __call__(self, x):
        return self.f(np.asarray(x, dtype=float))

    def wire_spec(self):
        """(source, arrays, cast): how the grader sends this function to the learner's kernel."""
        return self.code, self.env, None

    def __repr__(self):
        return f"f(x) = {self.formula}"


def _quadratic(A, c):
    """f(x) = x.A.x / 2 + c.x: central differences are exact for it, for any h."""
    A = (A + A.T) / 2
    return _TestFunction("x @ A @ x / 2 + c @ x", lambda x: x @ A @ x / 2 + c @ x,
                         lambda x: A @ x + c, "lambda x: x @ A @ x / 2 + c @ x", {"A": A, "c": c})


def _gradient_cases():
    trig = _TestFunction("sum(sin(x)) + x[0] * x[-1]",
                         lambda x: np.sum(np.sin(x)) + x[0] * x[-1],
                         lambda x: np.cos(x) + _ends(x),
                         "lambda x: np.sum(np.sin(x)) + x[0] * x[-1]")
    A = np.array([[2.0, 1.0, 0.0], [1.0, 4.0, -1.0], [0.0, -1.0, 6.0]])
    c = np.array([1.0, -2.0, 0.5])
    return [(_quadratic(A, c), np.array([1.0, -0.5, 2.0]), 0.1),
            (trig, np.array([0.3, -1.2, 2.0, 0.7])),          # the default h
            (_quadratic(np.array([[3.0]]), np.array([0.0])), np.array([2.0]), 0.01)]


def _ends(x):
    """Gradient of x[0] * x[-1]."""
    g = np.zeros_like(x)
    g[0] += x[-1]
    g[-1] += x[0]
    return g


def _random_quadratic_case(rng):
    d = int(rng.integers(2, 6))
    A = rng.normal(size=(d, d))
    A = A @ A.T + np.eye(d)  # curved in every direction: forward differences show
    return (_quadratic(A, rng.normal(size=d)), rng.normal(size=d),
            float(rng.choice([0.1, 0.05, 0.01])))


def _unit(x, i):
    e = np.zeros_like(x)
    e[i] = 1.0
    return e


def _forward(f, x, h=1e-5):
    return np.array([(f(x + h * _unit(x, i)) - f(x)) / h for i in range(len(x))])


def _central_over(divisor):
    """Central differences divided by divisor(h) instead of 2h."""
    def gradient(f, x, h=1e-5):
        return np.array([(f(x + h * _unit(x, i)) - f(x - h * _unit(x, i))) / divisor(h)
                         for i in range(len(x))])
    return gradient


def _all_at_once(f, x, h=1e-5):
    return np.full(len(x), (f(x + h) - f(x - h)) / (2 * h))


q_1 = FunctionQuestion(
    var="numerical_gradient",
    oracle=lambda f, x, h=1e-5: f.grad(x),
    cases=_gradient_cases,
    random_cases=_random_quadratic_case,
    mistakes=[
        Mistake("`{name}` uses the forward difference (f(x + h) - f(x)) / h, whose error "
                "is about h/2 times the curvature: visible with h = 0.1. Use the central "
                "difference (f(x + h e_i) - f(x - h e_i)) / (2h).", wrong=_forward),
        Mistake("`{name}` divides by h instead of 2h: the central difference spans a "
                "distance of 2h, from x - h to x + h.", wrong=_central_over(lambda h: h)),
        Mistake("`{name}` does not divide by 2h at all: it returns differences of f, "
                "not slopes.", wrong=_central_over(lambda h: 1.0)),
        Mistake("`{name}` moves all coordinates at once (x + h instead of x + h e_i), so "
                "every entry is the same slope along (1, 1, ...). Move only entry i for "
                "the i-th partial derivative.", wrong=_all_at_once),
    ],
    hints=[
        "Loop over `range(len(x))`. For entry i, build `e = np.zeros_like(x)` with "
        "`e[i] = h`, then `(f(x + e) - f(x - e)) / (2 * h)` is the i-th partial derivative.",
        "Work on floats and don't change the caller's array: start with "
        "`x = np.array(x, dtype=float)` and `grad = np.zeros_like(x)`; `x + e` makes a new "
        "array, so x itself never changes.",
    ],
)


# ---------------------------------------------------------------- q_2
def _batch_loss_gradient(w, b, X, y):
    """Gradient of mean((X w + b - y)^2) by the complex step: Im L(theta + i t e_k) / t.

    Exact to rounding for any analytic loss, with no subtraction of nearly
    equal numbers, and unrelated to the formula the learner writes.
    """
    theta = np.append(np.asarray(w, dtype=float), float(b))
    t = 1e-30

    def loss(theta):
        return np.mean((X @ theta[:-1] + theta[-1] - y) ** 2)

    return np.array([loss(theta + 1j * t * _unit(theta, k)).imag / t
                     for k in range(len(theta))])


def _sgd_oracle(w, b, X, y, lr):
    grad = _batch_loss_gradient(w, b, X, y)
    return np.asarray(w, dtype=float) - lr * grad[:-1], float(b) - lr * grad[-1]


def _mistaken_step(scale_w=1.0, scale_b=1.0, b_from_w=False):
    """An SGD step whose gradients are scaled (or b's replaced by w's)."""
    def step(w, b, X, y, lr):
        grad = _batch_loss_gradient(w, b, X, y)
        grad_w, grad_b = grad[:-1], grad[-1]
        new_b = b - lr * scale_w * grad_w if b_from_w else b - lr * scale_b * grad_b
        return w - lr * scale_w * grad_w, new_b
    return step


def _sgd_cases():
    X = np.array([[1.0, 2.0], [0.5, -1.0], [-1.5, 0.0], [2.0, 1.0]])
    y = np.array([3.0, -1.0, 0.5, 2.0])
    return [(np.array([0.5, -1.0]), 0.2, X, y, 0.1),
            (np.array([0.0]), 0.0, np.array([[1.0], [2.0], [3.0]]), np.array([2.0, 4.0, 7.0]),
             0.05)]


def _random_sgd_case(rng):
    n, d = int(rng.integers(3, 10)), int(rng.integers(1, 5))  # n = 2 would hide 1/n vs 2
    return (rng.normal(size=d), float(rng.normal()), rng.normal(size=(n, d)),
            rng.normal(size=n), float(rng.uniform(0.01, 0.3)))


def _forgot_mean(w, b, X, y, lr):
    return _mistaken_step(len(y), len(y))(w, b, X, y, lr)


q_2 = FunctionQuestion(
    var="sgd_step",
    oracle=_sgd_oracle,
    cases=_sgd_cases,
    random_cases=_random_sgd_case,
    mistakes=[
        Mistake("`{name}` sums the gradient over the batch instead of averaging it: divide "
                "by the batch size, `len(y_batch)` (the loss is a *mean* squared error).",
                wrong=_forgot_mean),
        Mistake("`{name}` forgets the factor 2: the derivative of (y_hat - y)^2 is "
                "2 (y_hat - y).", wrong=_mistaken_step(0.5, 0.5)),
        Mistake("`{name}` climbs the loss instead of descending: subtract the gradient, "
                "`w - lr * grad_w`, with grad_w = 2/n X^T (y_hat - y) (mind the order "
                "y_hat - y).", wrong=_mistaken_step(-1.0, -1.0)),
        Mistake("`{name}` updates `b` with the gradient of `w`; b has its own gradient, "
                "2/n times the sum of the errors (y_hat - y).",
                wrong=_mistaken_step(b_from_w=True)),
        Mistake("`{name}` leaves `b` unchanged: the bias is a parameter too, with "
                "gradient 2/n times the sum of the errors.", wrong=_mistaken_step(1.0, 0.0)),
    ],
    hints=[
        "Predict with `y_hat = X_batch @ w + b`; the errors are `y_hat - y_batch`. The "
        "loss is their mean square, L = mean((y_hat - y)^2).",
        "grad_w = 2 / n * X_batch.T @ (y_hat - y_batch) and grad_b = 2 / n * "
        "np.sum(y_hat - y_batch), with n = len(y_batch). Return "
        "`(w - lr * grad_w, b - lr * grad_b)`.",
    ],
)


# ---------------------------------------------------------------- q_3
q_3 = Multipart(
    a=ValueQuestion(
        var="steps_per_epoch",
        expected=lambda: math.ceil(N_TRAIN / BATCH_SIZE),
        mistakes=[
            Mistake("`{name}` leaves out the last, smaller batch: an epoch uses every "
                    "sample, so round up (`math.ceil`), not down.",
                    wrong=lambda e: N_TRAIN // BATCH_SIZE),
            Mistake("`{name}` is not a whole number: a step processes one whole batch, and "
                    "the last, smaller batch is one step too. Round up with `math.ceil`.",
                    wrong=lambda e: N_TRAIN / BATCH_SIZE),
            Mistake("`{name}` is the number of samples in an epoch; a step processes a "
                    "whole batch of `batch_size` samples.", wrong=lambda e: N_TRAIN),
        ],
        hints=[
            "One epoch shows the network every training sample once, `batch_size` samples "
            "per step. How many batches does it take to cover `len(X_train)` samples?",
            "`math.ceil(len(X_train) / batch_size)`: the last batch is smaller but still "
            "one step.",
        ],
    ),
    b=ValueQuestion(
        var="total_steps",
        expected=lambda: NUM_EPOCHS * math.ceil(N_TRAIN / BATCH_SIZE),
        mistakes=[
            Mistake("`{name}` counts samples, not steps: each step processes a whole batch.",
                    wrong=lambda e: NUM_EPOCHS * N_TRAIN),
            Mistake("`{name}` divides all the samples of all epochs by the batch size, as if "
                    "batches ran on across epochs; every epoch ends with its own, smaller "
                    "last batch. Multiply the steps per epoch by the epochs.",
                    matches=lambda v: _is_close(v, NUM_EPOCHS * N_TRAIN / BATCH_SIZE)
                    or _is_close(v, math.ceil(NUM_EPOCHS * N_TRAIN / BATCH_SIZE))),
            Mistake("`{name}` leaves out the last, smaller batch of each epoch.",
                    wrong=lambda e: NUM_EPOCHS * (N_TRAIN // BATCH_SIZE)),
            Mistake("`{name}` is the number of epochs; each epoch makes several steps.",
                    wrong=lambda e: NUM_EPOCHS),
        ],
        hints=[
            "Every epoch makes the same number of steps.",
            "`num_epochs * steps_per_epoch`.",
        ],
    ),
)


def _is_close(value, target):
    try:
        return math.isclose(float(value), float(target), rel_tol=1e-9)
    except (TypeError, ValueError, OverflowError):
        return False


# ---------------------------------------------------------------- q_4
q_4 = KerasCompileQuestion(
    var="model",
    optimizer="adam",
    loss="mae",
    hints=[
        "`model.compile(optimizer=..., loss=...)`: Keras accepts the names as strings.",
        "`model.compile(optimizer=\"adam\", loss=\"mae\")`; "
        "`keras.optimizers.Adam()` and `keras.losses.MeanAbsoluteError()` work too.",
    ],
)

# ---------------------------------------------------------------- q_5
q_5 = KerasFitQuestion(
    var="history",
    epochs=NUM_EPOCHS,
    batch_size=BATCH_SIZE,
    num_samples=N_TRAIN,
    validation=True,
    hints=[
        "`model.fit(X_train, y_train, validation_data=(X_valid, y_valid), ...)` returns "
        "the History; give it `batch_size` and `epochs`.",
        "`model.fit(X_train, y_train, validation_data=(X_valid, y_valid), "
        "batch_size=128, epochs=200, verbose=0)`. If you ran `fit` before, run the cell "
        "that builds the model and the compile cell again first, so training starts "
        "afresh.",
    ],
)

# ---------------------------------------------------------------- q_6
q_6 = ThoughtQuestion(
    discussion=(
        "Both losses fall steeply during the first few dozen epochs: the network starts "
        "with outputs near 0 while log(MPG) is about 3, so it first learns the overall "
        "level, then how weight, horsepower, year and origin move it. After that the "
        "curves flatten. The training loss keeps creeping down (with small wiggles: "
        "every step sees only 128 cars), while the validation loss levels off a little "
        "above it. That growing gap is the start of **overfitting**: the network gets "
        "better at the 294 training cars than at cars it has not seen. Here the "
        "validation loss does not climb much, so the extra epochs waste time rather than "
        "ruin the model; stopping where the validation loss stops improving (early "
        "stopping, `keras.callbacks.EarlyStopping`) would give the same model in a "
        "fraction of the epochs. Because the target is log(MPG), a mean absolute error "
        "of 0.1 means the predictions are off by about 10 % of the fuel economy "
        "(exp(0.1) - 1 is about 0.105), whatever the car; compare with the baseline "
        "printed below the plot, which predicts the median for every car. If the "
        "validation loss were far above the training loss from the start, or went up "
        "early, the model would be too large for 294 cars or would need regularisation; "
        "if both stayed high, the model would be too small or the learning rate wrong."
    ),
    hints=[
        "Look at three things: how fast the losses fall at first, whether they flatten, "
        "and whether the validation loss stays close to the training loss.",
        "What does an absolute error of 0.1 in log(MPG) mean for the MPG itself? "
        "(log(a) - log(b) = log(a / b).)",
    ],
)

# ---------------------------------------------------------------- q_7
q_7 = ThoughtQuestion(
    discussion=(
        "**Learning rate.** A small learning rate (0.005) moves the line slowly: after 50 "
        "steps it is still far from the data, and the loss curve is a slow slope. Around "
        "0.05 to 0.5 the line settles within a few dozen steps. For this data the mean "
        "squared error is curved about equally in w and b (curvature about 2, since x has "
        "mean 0 and variance 1), so from a learning rate of about 1 each step overshoots "
        "the minimum by more than it started away from it: the (w, b) path zig-zags "
        "outwards, the loss grows by orders of magnitude and the run **diverges**. "
        "**Batch size.** The gradient of a mini-batch is an estimate of the gradient on "
        "all the data, and the smaller the batch the noisier it is: with batch size 1 the "
        "line jumps from step to step and the path wanders around the minimum instead of "
        "settling; with the full batch (batch size = number of examples) the path is "
        "smooth and the loss falls every step. Noise and learning rate go together: a "
        "noisy gradient needs a smaller step to settle. "
        "**Epochs and steps.** `steps` counts updates, one per mini-batch. An epoch is "
        "num_examples / batch_size steps (rounded up), so 50 steps with 256 examples are "
        "about 6 epochs at batch size 32, 50 epochs at batch size 256, and a fifth of an "
        "epoch at batch size 1. More examples with the same batch size give more steps "
        "per epoch, not less noise per step: the noise depends on the batch size. Each "
        "step costs about batch_size examples of computation, so batch size 1 makes cheap "
        "noisy steps and the full batch expensive exact ones; mini-batches of a few dozen "
        "are the usual compromise."
    ),
    hints=[
        "Change one setting at a time, and watch the loss curve and the (w, b) path: is "
        "it smooth or jittery, does it settle, does it blow up?",
        "How many steps make one epoch? Compute num_examples / batch_size for the batch "
        "sizes you tried.",
    ],
)

__all__ = register(globals(), "ex3_sgd")
