"""q_5: a learning-rate schedule the chapter does not show, linear warm-up then cosine decay.

warmup_cosine(t, lr0, warmup_steps, total_steps): 0 at step 0 rising
linearly to lr0 at `warmup_steps`, then half a cosine down to 0 at
`total_steps`, and 0 after. It is what Keras's
`CosineDecay(0.0, total_steps - warmup_steps, warmup_target=lr0,
warmup_steps=warmup_steps)` computes (tests/test_ex3_sgd.py checks the
oracle against it). The oracle writes the decay as cos^2 of a quarter
turn, the same curve as the chapter's (1 + cos) / 2 by the half-angle
identity, and the warm-up by interpolation.
"""
import math

import numpy as np

from ..core import FunctionQuestion, Mistake
from ..messages import catalogue

_ = catalogue("ex3_sgd")


def _oracle(t, lr0, warmup_steps, total_steps):
    if t <= warmup_steps:
        return float(np.interp(t, [0, warmup_steps], [0.0, lr0]))
    done = min(1.0, (t - warmup_steps) / (total_steps - warmup_steps))
    return lr0 * math.cos(math.pi * done / 2) ** 2


def _with(warmup=None, decay=None, clamp=True):
    """The schedule with its warm-up or its decay replaced (a mistake)."""
    def schedule(t, lr0, warmup_steps, total_steps):
        warming_up = t - warmup_steps < 0
        if warming_up and warmup:
            return lr0 * warmup(t, warmup_steps)
        if warming_up:
            return _oracle(t, lr0, warmup_steps, total_steps)
        if decay:
            return lr0 * decay(t, warmup_steps, total_steps, clamp)
        if not clamp:
            done = (t - warmup_steps) / (total_steps - warmup_steps)
            return lr0 * math.cos(math.pi * done / 2) ** 2
        return _oracle(t, lr0, warmup_steps, total_steps)
    return schedule


def _from_step_zero(t, warmup_steps, total_steps, clamp):
    done = t / total_steps
    done = min(done, 1.0) if clamp else done
    return math.cos(math.pi * done / 2) ** 2


def _plain_cosine(t, warmup_steps, total_steps, clamp):
    done = min(1.0, (t - warmup_steps) / (total_steps - warmup_steps))
    return math.cos(math.pi * done)


def _cases():
    return [(t, 0.1, 10, 100) for t in (0, 4, 10, 11, 40, 55, 99, 100, 130)] + \
           [(t, 0.002, 4, 20) for t in (1, 3, 4, 12, 19, 25)]


def _random_case(rng):
    warmup = int(rng.integers(1, 30))
    total = warmup + int(rng.integers(1, 300))
    return (int(rng.integers(0, total + 50)), float(rng.uniform(1e-4, 1.0)), warmup, total)


q_5 = FunctionQuestion(
    var="warmup_cosine",
    oracle=_oracle,
    cases=_cases,
    random_cases=_random_case,
    n_random=6,
    mistakes=[
        Mistake(_("q_5.mistake.no_offset"), wrong=_with(decay=_from_step_zero)),
        Mistake(_("q_5.mistake.no_clamp"), wrong=_with(clamp=False)),
        Mistake(_("q_5.mistake.warmup_shift"),
                wrong=_with(warmup=lambda t, w: (t + 1) / w)),
        Mistake(_("q_5.mistake.plain_cos"), wrong=_with(decay=_plain_cosine)),
        Mistake(_("q_5.mistake.no_warmup"), wrong=_with(warmup=lambda t, w: 1.0)),
    ],
    hints=[_("q_5.hint.1"), _("q_5.hint.2"), _("q_5.hint.3")],
)
