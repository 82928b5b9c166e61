"""Compare a learner's value with the expected one and say what differs.

Each function returns None when the values agree and otherwise the message
to show. None of them raises on odd input (hostile objects, NaN, recursive
lists, huge arrays): that is the caller's guarantee to the learner, and the
fuzz tests hold us to it.

Generic mistakes named here, for any array question: a transposed shape,
extra or missing axes of length 1, the right values in the wrong shape, an
integer (or boolean) dtype where floats are needed, NaN/inf, values off by a
constant factor (e.g. a sum where a mean was asked: factor n) or by a
constant offset (e.g. a missing bias).

Numbers, tuple items and arrays are compared by one policy (tolerance.py):
integers exactly, floats within RTOL/ATOL; `rtol`/`atol` left None use it.
"""
from __future__ import annotations

import math
import numbers

from ._lazy import np

from ..messages import text
from . import tolerance
from .safe import CallTimeout, CheckTimeout, safe_repr, type_name

_PASS_THROUGH = (KeyboardInterrupt, CallTimeout, CheckTimeout)

# Converting a list of more than this many items to check its shape is
# skipped when its length alone shows the shape is wrong.
_BIG = 100_000


def as_array(value):
    """np.asarray(value) for numeric data; None when it is not array-like."""
    if value is None or isinstance(value, (str, bytes, dict, set, frozenset)):
        return None
    try:
        if type(value) is not np.ndarray:
            to_numpy = getattr(type(value), "numpy", None)  # TensorFlow/Keras tensors
            if callable(to_numpy):
                value = value.numpy()
        with np.errstate(all="ignore"):
            arr = np.asarray(value)
    except _PASS_THROUGH:
        raise
    except BaseException:
        return None
    if not isinstance(arr, np.ndarray) or arr.dtype.kind not in "biufc":
        return None
    return arr


def is_number(value) -> bool:
    if isinstance(value, (bool, np.bool_)):
        return False
    if isinstance(value, numbers.Number):
        return True
    return isinstance(value, np.ndarray) and value.ndim == 0 and value.dtype.kind in "iuf"


def _to_float(value):
    """float(value) for a real number; None when that is impossible."""
    try:
        if isinstance(value, (complex, np.complexfloating)):
            if value.imag != 0:
                return None
            value = value.real
        return float(value)
    except OverflowError:
        if isinstance(value, int):
            return math.inf if value > 0 else -math.inf
        return None
    except _PASS_THROUGH:
        raise
    except BaseException:
        return None


def _near_integer(x: float) -> int | None:
    """round(x) when x is (almost) a whole number between 2 and 10^9, else None."""
    if not math.isfinite(x) or abs(x) < 1.5 or abs(x) > 1e9:
        return None
    r = round(x)
    return r if abs(x - r) < 1e-6 * abs(r) else None


def compare_number(name, actual, expected, rtol=None, atol=None):
    if isinstance(actual, (bool, np.bool_)):
        return text("wrong_type", name=name, expected=text("type.number"), actual=type_name(actual))
    if not is_number(actual):
        arr = as_array(actual)
        if arr is None or arr.size != 1 or arr.dtype.kind == "b":
            return text("wrong_type", name=name, expected=text("type.number"),
                        actual=type_name(actual))
        actual = arr.reshape(()).item()
    value = _to_float(actual)
    if value is None:
        return text("wrong_type", name=name, expected=text("type.real_number"),
                    actual=type_name(actual))
    if not math.isfinite(value):
        return text("not_finite", name=name)
    if tolerance.close(value, expected, rtol, atol):
        return None
    expected = float(expected)
    detail = ""
    if expected != 0 and value != 0:
        factor = value / expected
        if _near_integer(factor) is not None or _near_integer(1 / factor) is not None:
            detail = text("values.factor", factor=factor)
    return text("wrong_number", name=name, actual=f"{value:.6g}", detail=detail)


def _list_length_mismatch(value, expected_shape) -> bool:
    """A huge list whose length already shows the shape is wrong (no conversion needed)."""
    return (type(value) in (list, tuple) and len(value) > _BIG
            and (not expected_shape or len(value) != expected_shape[0]))


def compare_array(name, actual, expected, rtol=None, atol=None, check_dtype=True):
    """Shape, then dtype kind, then values (naming a constant factor or offset)."""
    expected = np.asarray(expected)
    tol = tolerance.tolerances(expected, rtol, atol)
    rtol, atol = tol["rtol"], tol["atol"]
    if _list_length_mismatch(actual, expected.shape):
        return text("shape.length", name=name, length=len(actual), expected=expected.shape)
    arr = as_array(actual)
    if arr is None:
        return text("wrong_type", name=name, expected=text("type.array"), actual=type_name(actual))
    if arr.shape != expected.shape:
        return _shape_message(name, arr, expected)
    if check_dtype and expected.dtype.kind in "fc" and arr.dtype.kind in "biu":
        key = "dtype.bool" if arr.dtype.kind == "b" else "dtype.integer"
        return text(key, name=name, actual=arr.dtype)
    if arr.dtype.kind == "c" and expected.dtype.kind != "c" and np.any(arr.imag != 0):
        return text("dtype", name=name, actual=arr.dtype, expected=text("type.real"))
    with np.errstate(all="ignore"):
        a = arr.astype(np.complex128 if arr.dtype.kind == "c" else np.float64, copy=False)
        e = expected if expected.dtype.kind == "c" else expected.astype(np.float64, copy=False)
        if a.dtype.kind == "c" and e.dtype.kind != "c":
            a = a.real
        a_finite = np.isfinite(a)
        if not a_finite.all() and np.isfinite(e).all():
            return text("not_finite", name=name)
        if np.allclose(a, e, rtol=rtol, atol=atol, equal_nan=True):
            return None
        return text("values", name=name, detail=_value_detail(a, e, rtol, atol))


def _shape_message(name, arr, expected) -> str:
    shape, want = tuple(arr.shape), tuple(expected.shape)
    if arr.ndim >= 2 and shape[::-1] == want:
        return text("shape.transposed", name=name, actual=shape, expected=want)
    if arr.size == expected.size:
        squeezed = tuple(n for n in shape if n != 1) == tuple(n for n in want if n != 1)
        key = "shape.ones" if squeezed else "shape.reshape"
        return text(key, name=name, actual=shape, expected=want)
    return text("shape", name=name, actual=shape, expected=want)


def _value_detail(a, e, rtol, atol) -> str:
    """Name a constant factor or offset between a and e, else the first difference.

    Candidates are tried on the first 1000 values before the whole array, so a
    wrong 10^7-element answer stays fast.
    """
    if a.size == 0:
        return ""
    fa, fe = a.reshape(-1), e.reshape(-1)
    head_a, head_e = fa[:1000], fe[:1000]
    nonzero = np.abs(head_e) > atol
    if nonzero.any():
        factor = (head_a[nonzero] / head_e[nonzero])[0]
        # a factor that would read "about 1" says nothing: an offset or a first difference does
        if np.isfinite(factor) and factor != 0 and abs(factor - 1) >= 1e-3 \
                and _constant_factor(head_a, head_e, factor, atol) \
                and _constant_factor(fa, fe, factor, atol):
            return text("values.factor", factor=float(np.real(factor)))
    first = fa[0] - fe[0]
    if a.size > 1 and np.isfinite(first) and _constant_offset(head_a, head_e, first, atol) \
            and _constant_offset(fa, fe, first, atol):
        return text("values.offset", offset=float(np.real(first)))
    bad = ~np.isclose(a, e, rtol=rtol, atol=atol, equal_nan=True)
    index = np.unravel_index(int(np.argmax(bad)), a.shape) if a.ndim else ()
    index = tuple(int(i) for i in index)
    return text("values.first_diff", index=index if len(index) != 1 else index[0],
                actual=_short(a[index]), expected=_short(e[index]))


def _constant_factor(a, e, factor, atol) -> bool:
    return bool(np.allclose(a, e * factor, rtol=1e-6, atol=atol * 10))


def _constant_offset(a, e, offset, atol) -> bool:
    return bool(np.allclose(a - e, offset, rtol=0, atol=max(atol, 1e-9) * 10))


def _short(x):
    x = complex(x)
    if x.imag == 0:
        return float(f"{x.real:.6g}")
    return complex(float(f"{x.real:.6g}"), float(f"{x.imag:.6g}"))


def compare_string(name, actual, expected, case_sensitive=False):
    if not isinstance(actual, str):
        return text("wrong_type", name=name, expected=text("type.string"), actual=type_name(actual))
    actual = str.__str__(actual)  # a str subclass's own methods are not trusted

    def norm(s):
        s = " ".join(s.split())
        return s if case_sensitive else s.lower()

    if norm(actual) == norm(expected):
        return None
    return text("wrong_value", name=name, expected=expected, actual=SafeRepr(actual))


def compare_set(name, actual, expected):
    if not isinstance(actual, (set, frozenset, list, tuple)):
        return text("wrong_type", name=name, expected=text("type.set"), actual=type_name(actual))
    try:
        if len(actual) > _BIG:
            return text("set", name=name, detail=text("set.size", size=len(actual),
                                                      expected=len(expected)))
        got = set(actual)
        expected = set(expected)
        same = bool(got == expected)
        missing, extra = expected - got, got - expected
    except _PASS_THROUGH:
        raise
    except BaseException:
        return text("wrong_type", name=name, expected=text("type.set_simple"),
                    actual=type_name(actual))
    if same:
        return None
    detail = ""
    if missing:
        detail += text("set.missing", missing=", ".join(sorted(map(safe_repr, missing))))
    if extra:
        detail += text("set.extra", extra=", ".join(sorted(map(safe_repr, list(extra)[:20]))[:5]))
    return text("set", name=name, detail=detail)


def compare_sequence(name, actual, expected, rtol=None, atol=None):
    """Tuples and lists of simple values; a list is as good as a tuple."""
    want = text("type.sequence", kind=type(expected).__name__, n=len(expected))
    if isinstance(actual, (list, tuple)):
        got = actual
    else:
        arr = as_array(actual)
        if arr is None or arr.ndim != 1:
            return text("wrong_type", name=name, expected=want, actual=type_name(actual))
        got = arr
    try:
        same = len(got) == len(expected) and all(_equal_item(g, e, rtol, atol)
                                                 for g, e in zip(got, expected))
    except _PASS_THROUGH:
        raise
    except BaseException:
        same = False
    if same:
        return None
    return text("wrong_value", name=name, expected=tuple(expected), actual=SafeRepr(actual))


def _equal_item(got, expected, rtol=None, atol=None) -> bool:
    if isinstance(expected, (list, tuple)):
        return compare_sequence("_", got, expected, rtol, atol) is None
    if isinstance(expected, numbers.Number) and not isinstance(expected, bool):
        if not is_number(got):
            return False
        value = _to_float(got)
        return value is not None and tolerance.close(value, expected, rtol, atol)
    if isinstance(expected, str):
        return isinstance(got, str) and str.__str__(got) == expected
    return bool(got == expected)


class SafeRepr:
    """Formats with `{x!r}` as a bounded, never-raising repr."""

    def __init__(self, value):
        self.value = value

    def __repr__(self):
        return safe_repr(self.value)


def compare(name, actual, expected, rtol=None, atol=None):
    """Pick the comparison that fits the expected value's type (tolerances: tolerance.py)."""
    if isinstance(expected, str):
        return compare_string(name, actual, expected)
    if isinstance(expected, (set, frozenset)):
        return compare_set(name, actual, expected)
    if isinstance(expected, (list, tuple)):
        return compare_sequence(name, actual, expected, rtol, atol)
    if isinstance(expected, (bool, np.bool_)):
        if isinstance(actual, (bool, np.bool_)) and bool(actual) == bool(expected):
            return None
        return text("wrong_value", name=name, expected=bool(expected), actual=SafeRepr(actual))
    if isinstance(expected, numbers.Number):
        return compare_number(name, actual, expected, rtol, atol)
    return compare_array(name, actual, expected, rtol, atol)


_SafeRepr = SafeRepr  # the former name
