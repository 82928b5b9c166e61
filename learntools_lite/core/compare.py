"""Compare a learner's value with the expected one and say what differs.

Each function returns None when the values agree and otherwise the message
to show. None of them raises on odd input: that is the caller's guarantee to
the learner, and the fuzz tests hold us to it.
"""
from __future__ import annotations

import math
import numbers

import numpy as np

from ..messages import text
from .safe import safe_repr, type_name


def as_array(value):
    """np.asarray(value) for numeric data; None when it is not array-like."""
    if value is None or isinstance(value, (str, bytes, dict, set, frozenset)):
        return None
    try:
        if hasattr(value, "numpy") and callable(value.numpy):  # TensorFlow tensors
            value = value.numpy()
        arr = np.asarray(value)
    except Exception:
        return None
    if arr.dtype == object or arr.dtype.kind not in "biufc":
        return None
    return arr


def is_number(value) -> bool:
    return isinstance(value, numbers.Number) and not isinstance(value, bool) or (
        isinstance(value, np.ndarray) and value.ndim == 0 and value.dtype.kind in "iuf"
    )


def compare_number(name, actual, expected, rtol=1e-6, atol=1e-9):
    if not is_number(actual):
        arr = as_array(actual)
        if arr is None or arr.size != 1:
            return text("wrong_type", name=name, expected="a number", actual=type_name(actual))
        actual = arr.reshape(()).item()
    actual = complex(actual).real if isinstance(actual, complex) else float(actual)
    if not math.isfinite(actual):
        return text("not_finite", name=name)
    if math.isclose(actual, float(expected), rel_tol=rtol, abs_tol=atol):
        return None
    detail = ""
    if expected != 0 and actual != 0:
        factor = actual / float(expected)
        if abs(factor - round(factor)) < 1e-6 or abs(1 / factor - round(1 / factor)) < 1e-6:
            detail = text("values.factor", factor=factor)
    return text("wrong_number", name=name, actual=f"{actual:.6g}", detail=detail)


def compare_array(name, actual, expected, rtol=1e-5, atol=1e-8, check_dtype=True):
    """Shape, then dtype kind, then values (naming a constant factor or offset)."""
    expected = np.asarray(expected)
    arr = as_array(actual)
    if arr is None:
        return text("wrong_type", name=name, expected="a NumPy array", actual=type_name(actual))
    if arr.shape != expected.shape:
        if arr.ndim >= 2 and arr.shape[::-1] == expected.shape and expected.ndim == arr.ndim:
            return text("shape.transposed", name=name, actual=arr.shape, expected=expected.shape)
        return text("shape", name=name, actual=arr.shape, expected=expected.shape)
    if check_dtype and expected.dtype.kind == "f" and arr.dtype.kind in "biu":
        return text("dtype.integer", name=name, actual=arr.dtype)
    if arr.dtype.kind == "c" and expected.dtype.kind != "c":
        return text("dtype", name=name, actual=arr.dtype, expected="real")
    with np.errstate(all="ignore"):
        a = arr.astype(np.float64) if arr.dtype.kind != "c" else arr
        e = expected.astype(np.float64) if expected.dtype.kind != "c" else expected
        if not np.all(np.isfinite(a)) and np.all(np.isfinite(e)):
            return text("not_finite", name=name)
        if np.allclose(a, e, rtol=rtol, atol=atol, equal_nan=True):
            return None
        return text("values", name=name, detail=_value_detail(a, e, rtol, atol))


def _value_detail(a, e, rtol, atol) -> str:
    """Name a constant factor or offset between a and e, else the first difference."""
    if a.size == 0:
        return ""
    nonzero = np.abs(e) > atol
    if nonzero.any():
        ratios = a[nonzero] / e[nonzero]
        factor = ratios.flat[0]
        if np.isfinite(factor) and factor != 0 and np.allclose(ratios, factor, rtol=1e-6) \
                and np.allclose(a[~nonzero], 0, atol=atol * 10):
            return text("values.factor", factor=float(factor.real))
    offsets = a - e
    if a.size > 1 and np.allclose(offsets, offsets.flat[0], rtol=0, atol=max(atol, 1e-9) * 10):
        return text("values.offset", offset=float(offsets.flat[0].real))
    bad = ~np.isclose(a, e, rtol=rtol, atol=atol, equal_nan=True)
    index = np.unravel_index(int(np.argmax(bad)), a.shape) if a.ndim else ()
    index = tuple(int(i) for i in index)
    return text("values.first_diff", index=index if len(index) != 1 else index[0],
                actual=_short(a[index]), expected=_short(e[index]))


def _short(x):
    x = complex(x)
    return float(f"{x.real:.6g}") if x.imag == 0 else complex(f"{x:.6g}")


def compare_string(name, actual, expected, case_sensitive=False):
    if not isinstance(actual, str):
        return text("wrong_type", name=name, expected="a string", actual=type_name(actual))
    norm = (lambda s: " ".join(s.split())) if case_sensitive else (lambda s: " ".join(s.split()).lower())
    if norm(actual) == norm(expected):
        return None
    return text("wrong_value", name=name, expected=expected, actual=safe_repr(actual))


def compare_set(name, actual, expected):
    if not isinstance(actual, (set, frozenset, list, tuple)):
        return text("wrong_type", name=name, expected="a set", actual=type_name(actual))
    try:
        got = set(actual)
    except TypeError:
        return text("wrong_type", name=name, expected="a set of simple values", actual=type_name(actual))
    expected = set(expected)
    if got == expected:
        return None
    detail = ""
    missing, extra = expected - got, got - expected
    if missing:
        detail += text("set.missing", missing=sorted(map(repr, missing)))
    if extra:
        detail += text("set.extra", extra=sorted(map(safe_repr, extra))[:5])
    return text("set", name=name, detail=detail)


def compare_sequence(name, actual, expected):
    """Tuples and lists of simple values; a list is as good as a tuple."""
    if not isinstance(actual, (list, tuple)) and as_array(actual) is None:
        return text("wrong_type", name=name, expected=f"a {type(expected).__name__}",
                    actual=type_name(actual))
    try:
        got = tuple(np.asarray(actual).tolist()) if not isinstance(actual, (list, tuple)) else tuple(actual)
    except Exception:
        return text("wrong_type", name=name, expected=f"a {type(expected).__name__}",
                    actual=type_name(actual))
    try:
        same = len(got) == len(expected) and all(_equal_item(g, e) for g, e in zip(got, expected))
    except Exception:
        same = False
    if same:
        return None
    return text("wrong_value", name=name, expected=tuple(expected), actual=_SafeRepr(actual))


def _equal_item(got, expected) -> bool:
    if isinstance(expected, numbers.Number) and not isinstance(expected, bool):
        return is_number(got) and math.isclose(float(got), float(expected), rel_tol=1e-9, abs_tol=1e-12)
    return bool(got == expected)


class _SafeRepr:
    def __init__(self, value):
        self.value = value

    def __repr__(self):
        return safe_repr(self.value)


def compare(name, actual, expected, **tolerances):
    """Pick the comparison that fits the expected value's type."""
    if isinstance(expected, str):
        return compare_string(name, actual, expected)
    if isinstance(expected, (set, frozenset)):
        return compare_set(name, actual, expected)
    if isinstance(expected, (list, tuple)):
        return compare_sequence(name, actual, expected)
    if isinstance(expected, bool):
        if isinstance(actual, (bool, np.bool_)) and bool(actual) == expected:
            return None
        return text("wrong_value", name=name, expected=expected, actual=_SafeRepr(actual))
    if isinstance(expected, numbers.Number):
        return compare_number(name, actual, expected, **tolerances)
    return compare_array(name, actual, expected, **tolerances)
