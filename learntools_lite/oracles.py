"""Independent oracles the checkers compare learners' answers with.

A checker that asks for a gradient compares it with one computed here by
central differences, never with a copy of the solution.
"""
import numpy as np


def numerical_gradient(f, x, h=1e-6):
    """Central differences of the scalar function f at x, one entry at a time.

    Each entry is moved by +h and -h and put back, so f always sees a
    float copy of x with at most one entry changed.
    """
    x = np.array(x, dtype=float)
    grad = np.empty_like(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + h
        up = f(x)
        x[i] = old - h
        down = f(x)
        x[i] = old
        grad[i] = (up - down) / (2 * h)
    return grad
