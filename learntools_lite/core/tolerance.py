"""The one tolerance policy of every check, in one place.

* Integers are compared exactly: an expected `int`, NumPy integer or
  integer array (shapes, counts, indices, labels) must be met exactly
  (`3.0` equals `3`; `3.0001` does not).
* Floating-point values (scalars, tuple items, arrays, Keras settings such
  as a learning rate stored as float32) agree when
  `|actual - expected| <= ATOL + RTOL * |expected|` (NumPy's `isclose`
  rule), with the two numbers below.

RTOL = 1e-5 passes float32 rounding of a float64 result (about 6e-8
relative) and the re-ordered sums of an equivalent vectorised answer;
ATOL = 1e-8 keeps values that should be exactly zero close to zero.
A question may pass its own `rtol`/`atol` when its mathematics needs it
(e.g. a finite-difference oracle); everything else uses these.
"""
from __future__ import annotations

import math
import numbers

from ._lazy import np

RTOL = 1e-5
ATOL = 1e-8


def is_integer_valued(expected) -> bool:
    """Is `expected` an integer (or an integer array), so compared exactly?"""
    if isinstance(expected, bool):
        return False
    if isinstance(expected, numbers.Integral):
        return True
    dtype = getattr(expected, "dtype", None)
    kind = getattr(dtype, "kind", None) if dtype is not None else None
    return type(expected).__module__ == "numpy" and kind in ("i", "u")


def tolerances(expected, rtol: float | None = None, atol: float | None = None) -> dict:
    """{"rtol": ..., "atol": ...} for comparing with `expected`: zeros for integers."""
    if is_integer_valued(expected):
        return {"rtol": 0.0, "atol": 0.0}
    return {"rtol": RTOL if rtol is None else rtol, "atol": ATOL if atol is None else atol}


def close(actual: float, expected: float, rtol: float | None = None,
          atol: float | None = None) -> bool:
    """The policy for two real numbers (NumPy's isclose rule, not math.isclose's)."""
    tol = tolerances(expected, rtol, atol)
    if isinstance(expected, numbers.Integral) and not isinstance(expected, bool):
        return actual == expected
    actual, expected = float(actual), float(expected)
    if math.isinf(expected) or math.isinf(actual):
        return actual == expected
    return abs(actual - expected) <= tol["atol"] + tol["rtol"] * abs(expected)


def array_close(actual, expected, rtol: float | None = None, atol: float | None = None) -> bool:
    """The policy for arrays of equal shape (NaN equals NaN)."""
    tol = tolerances(expected, rtol, atol)
    return bool(np.allclose(actual, expected, equal_nan=True, **tol))
