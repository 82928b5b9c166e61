"""The math behind animate_sgd: fit y = w x + b by mini-batch gradient descent.

Pure NumPy, no plotting, so it can be tested against a step-by-step
reference and timed on its own. `simulate(...)` returns a whole `Trajectory`
at once; the explorer redraws from it as fast as a slider moves.

Why it is fast: the mean squared error of a line depends on the data only
through five averages (mean of x, x^2, y, x*y, y^2), so

    L(w, b) = w^2 <xx> + 2 w b <x> + b^2 - 2 w <xy> - 2 b <y> + <yy>
    dL/dw   = 2 (w <xx> + b <x> - <xy>)
    dL/db   = 2 (w <x>  + b     - <y>)

The averages of every mini-batch are computed in one vectorised pass; what
is left for the sequential update loop is arithmetic on a few floats, and
the losses along the path, the loss surface and the least-squares optimum
are vectorised formulas in the same averages.
"""
from __future__ import annotations

import itertools
import math
import numbers
from dataclasses import dataclass

import numpy as np

from .messages import text

OPTIMIZERS = ("sgd", "momentum", "adam")
START = (-1.0, -1.0)          # (w, b) before the first step, as in Kaggle Learn
MOMENTUM = 0.9                # Keras' SGD(momentum=0.9)
ADAM_BETAS = (0.9, 0.999)     # Kingma & Ba (2015), Algorithm 1
ADAM_EPSILON = 1e-8
# A loss this many times the start loss has diverged. 1e4, not more: learning
# rate 0.5 with batches of 1 climbs to ~3e4 times its start and stays there;
# and no run of the book's grid that passes 1e4 comes back below 10 times.
DIVERGENCE_FACTOR = 1e4
NOISE_STD = 1.0
MAX_EXAMPLES = 100_000        # keeps a slider or a typo from exhausting memory
MAX_STEPS = 2_000             # keeps the static animation a page, not a film

# Every text a learner can read from this module (kept together so it can move
# into the message catalogue with the other course messages).


@dataclass(frozen=True)
class Settings:
    """One run of the explorer, validated. Field names follow Kaggle Learn."""

    learning_rate: float = 0.05
    batch_size: int = 32
    num_examples: int = 256
    steps: int = 50
    true_w: float = 3.0
    true_b: float = 2.0
    seed: int = 0
    optimizer: str = "sgd"

    def __post_init__(self):
        check_number("learning_rate", self.learning_rate, "0.05", positive=True)
        check_number("true_w", self.true_w, "3.0")
        check_number("true_b", self.true_b, "2.0")
        check_whole_number("num_examples", self.num_examples, "256", 2, MAX_EXAMPLES)
        check_whole_number("batch_size", self.batch_size, "32", 1, MAX_EXAMPLES)
        check_whole_number("steps", self.steps, "50", 1, MAX_STEPS)
        check_whole_number("seed", self.seed, "0", 0, 2**63 - 1)
        if self.batch_size > self.num_examples:
            raise ValueError(text("sgd.batch_too_large", 
                batch_size=self.batch_size, num_examples=self.num_examples))
        optimizer = self.optimizer.lower() if isinstance(self.optimizer, str) else None
        if optimizer not in OPTIMIZERS:
            raise ValueError(text("sgd.unknown_optimizer", 
                choices=", ".join(map(repr, OPTIMIZERS)), value=self.optimizer))
        # Plain Python numbers from here on: NumPy scalars would warn on the
        # overflow of a diverging run instead of quietly becoming inf.
        for name, kind in (("learning_rate", float), ("true_w", float),
                           ("true_b", float), ("num_examples", int),
                           ("batch_size", int), ("steps", int), ("seed", int)):
            object.__setattr__(self, name, kind(getattr(self, name)))
        object.__setattr__(self, "optimizer", optimizer)


def check_number(name, value, example, positive=False):
    """Raise a ValueError a learner can act on unless `value` is a finite
    (and, if asked, positive) real number."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ValueError(text("sgd.not_number", 
            name=name, example=example, value=value))
    if not math.isfinite(value):
        raise ValueError(text("sgd.not_finite", name=name, value=value))
    if positive and value <= 0:
        raise ValueError(text("sgd.not_positive", name=name, value=value))


def check_whole_number(name, value, example, low, high):
    """Raise a ValueError a learner can act on unless `value` is an integer
    in [low, high]."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        if isinstance(value, numbers.Real) and not math.isfinite(value):
            raise ValueError(text("sgd.not_finite", name=name, value=value))
        raise ValueError(text("sgd.not_whole", 
            name=name, example=example, value=value))
    if value < low:
        key = "not_positive" if low == 1 else "too_small"
        raise ValueError(text(f"sgd.{key}", name=name, low=low, value=value))
    if value > high:
        raise ValueError(text("sgd.too_large", name=name, high=high, value=value))


@dataclass(frozen=True)
class Trajectory:
    """Everything the three panels show, for frames 0 .. n_steps.

    Frame i shows the parameters after i steps, (w[i], b[i]). Step i
    (1-based) used the examples `batches[i - 1]`; its mini-batch loss,
    `batch_loss[i - 1]`, is the loss that step took the gradient of, at
    (w[i - 1], b[i - 1]) -- what Keras reports during `fit`.
    `full_loss[i]` is the loss on all examples at (w[i], b[i]).
    If the run diverged at step k, the arrays stop before it (n_steps = k - 1)
    and `diverged_at` is k.
    """

    settings: Settings
    x: np.ndarray
    y: np.ndarray
    batches: tuple[np.ndarray, ...]
    w: np.ndarray
    b: np.ndarray
    batch_loss: np.ndarray
    full_loss: np.ndarray
    optimum: tuple[float, float]
    diverged_at: int | None

    @property
    def n_steps(self) -> int:
        return len(self.w) - 1

    @property
    def message(self) -> str:
        """What the plot says about the run ('' when nothing went wrong)."""
        if self.diverged_at is None:
            return ""
        return text("sgd.diverged", step=self.diverged_at)

    def loss_surface(self, w_grid, b_grid):
        """Full-data loss at every (w, b) of two broadcastable grids."""
        return mse(w_grid, b_grid, moments(self.x, self.y))


def make_data(num_examples, true_w, true_b, seed):
    """x ~ N(0, 1) and y = true_w x + true_b + N(0, 1) noise.

    x, the noise and the shuffling come from three separate streams, so
    growing num_examples adds points without moving the old ones, and every
    optimizer and batch size sees the same data.
    """
    x = np.random.default_rng([seed, 0]).standard_normal(num_examples)
    noise = np.random.default_rng([seed, 1]).standard_normal(num_examples)
    return x, true_w * x + true_b + NOISE_STD * noise


def epoch_batches(num_examples, batch_size, steps, seed):
    """Index arrays of the first `steps` mini-batches.

    Each epoch is a fresh permutation of all examples cut into batches of
    batch_size; its last batch is smaller when batch_size does not divide
    num_examples (like Keras' `fit`), so every example is used exactly once
    per epoch.
    """
    per_epoch = -(-num_examples // batch_size)
    epochs = -(-steps // per_epoch)
    rng = np.random.default_rng([seed, 2])
    order = rng.permuted(np.tile(np.arange(num_examples), (epochs, 1)), axis=1)
    batches = (epoch[start:start + batch_size]
               for epoch in order for start in range(0, num_examples, batch_size))
    return tuple(itertools.islice(batches, steps))


def moments(x, y, axis=None):
    """The five averages <x>, <xx>, <y>, <xy>, <yy> that fix the MSE of a line."""
    return tuple(np.mean(v, axis=axis) for v in (x, x * x, y, x * y, y * y))


def batch_moments(x, y, batches):
    """`moments` of every mini-batch in one vectorised pass (batches may differ in size)."""
    flat = np.concatenate(batches)
    starts = np.cumsum([0] + [len(batch) for batch in batches[:-1]])
    sizes = np.array([len(batch) for batch in batches], dtype=float)
    xb, yb = x[flat], y[flat]
    return tuple(np.add.reduceat(v, starts) / sizes
                 for v in (xb, xb * xb, yb, xb * yb, yb * yb))


def mse(w, b, stats):
    """Mean squared error of y ~ w x + b, from the averages in `stats`."""
    mx, mxx, my, mxy, myy = stats
    with np.errstate(over="ignore", invalid="ignore"):
        return w * w * mxx + 2 * w * b * mx + b * b - 2 * w * mxy - 2 * b * my + myy


def least_squares(stats):
    """The (w, b) with the smallest full-data loss: the target of every optimizer."""
    mx, mxx, my, mxy, _ = stats
    w = (mxy - mx * my) / (mxx - mx * mx)
    return float(w), float(my - w * mx)


def descend(stats, learning_rate, optimizer):
    """(w, b) after each step, starting from START, as two arrays of len(stats[0]) + 1.

    The loop is over steps only, on Python floats: a diverging run just
    becomes inf or nan (float +, -, *, / and math.sqrt do not raise or warn
    on those here), and `simulate` detects and cuts it.
    """
    update = {"sgd": _sgd, "momentum": _momentum, "adam": _adam}[optimizer]()
    w, b = START
    ws, bs = [w], [b]
    for t, (mx, mxx, my, mxy, _) in enumerate(zip(*(v.tolist() for v in stats)), 1):
        gw = 2.0 * (w * mxx + b * mx - mxy)
        gb = 2.0 * (w * mx + b - my)
        dw, db = update(t, gw, gb, learning_rate)
        w, b = w + dw, b + db
        ws.append(w)
        bs.append(b)
    return np.array(ws), np.array(bs)


def _sgd():
    """theta <- theta - lr g."""
    def update(t, gw, gb, lr):
        return -lr * gw, -lr * gb
    return update


def _momentum():
    """Keras' SGD(momentum=0.9): v <- 0.9 v - lr g; theta <- theta + v."""
    vw = vb = 0.0

    def update(t, gw, gb, lr):
        nonlocal vw, vb
        vw = MOMENTUM * vw - lr * gw
        vb = MOMENTUM * vb - lr * gb
        return vw, vb
    return update


def _adam():
    """Adam as in Kingma & Ba (2015), Algorithm 1, with bias-corrected moments."""
    beta1, beta2 = ADAM_BETAS
    m = [0.0, 0.0]
    v = [0.0, 0.0]

    def update(t, gw, gb, lr):
        steps = []
        for i, g in enumerate((gw, gb)):
            m[i] = beta1 * m[i] + (1 - beta1) * g
            v[i] = beta2 * v[i] + (1 - beta2) * g * g
            m_hat = m[i] / (1 - beta1**t)
            v_hat = v[i] / (1 - beta2**t)
            steps.append(-lr * m_hat / (math.sqrt(v_hat) + ADAM_EPSILON))
        return tuple(steps)
    return update


def first_divergent_step(full_loss):
    """The first step whose full-data loss is non-finite or DIVERGENCE_FACTOR
    times the start loss, or None."""
    with np.errstate(invalid="ignore"):
        bad = ~(full_loss[1:] <= DIVERGENCE_FACTOR * full_loss[0])
    return int(np.argmax(bad)) + 1 if bad.any() else None


def simulate(settings: Settings) -> Trajectory:
    """The whole run for `settings`, cut before the step where it diverged."""
    s = settings
    x, y = make_data(s.num_examples, s.true_w, s.true_b, s.seed)
    batches = epoch_batches(s.num_examples, s.batch_size, s.steps, s.seed)
    stats_per_batch = batch_moments(x, y, batches)
    w, b = descend(stats_per_batch, s.learning_rate, s.optimizer)
    full_stats = moments(x, y)
    full_loss = mse(w, b, full_stats)
    diverged_at = first_divergent_step(full_loss)
    kept = len(w) if diverged_at is None else diverged_at
    return Trajectory(
        settings=s, x=x, y=y,
        batches=batches[:kept - 1],
        w=w[:kept], b=b[:kept],
        batch_loss=mse(w[:kept - 1], b[:kept - 1],
                       tuple(v[:kept - 1] for v in stats_per_batch)),
        full_loss=full_loss[:kept],
        optimum=least_squares(full_stats),
        diverged_at=diverged_at,
    )
