"""The blank `____` that learners replace, and how to tell it was left in."""
from __future__ import annotations

import functools
import itertools
import sys
import types

BLANK_NAME = "____"


class _Blank:
    """The placeholder `____`.

    Arithmetic, comparisons, calls, indexing and attribute access on it give
    the blank back, so an expression like `np.sqrt(____) * 2`,
    `np.zeros(3) + ____` or `____.reshape(3, 4)` evaluates to the blank
    instead of raising, and `check()` can say "fill in the blank" rather
    than show a traceback. NumPy hands any ufunc or array function that
    meets the blank to the blank (`__array_ufunc__`, `__array_function__`),
    so arrays do not swallow it into an object array. Iterating gives the
    blank once, so `list(____)` returns at once (`[____]`, still blank).
    """

    _instance = None
    _learntools_blank = True  # identifies the blank across re-imports of this module

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self):
        return BLANK_NAME

    def __bool__(self):
        return False

    def _same(self, *args, **kwargs):
        return self

    def __iter__(self):
        return iter((self,))

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        return self

    def __array_function__(self, func, types, args, kwargs):
        return self

    __call__ = __getitem__ = _same
    __lt__ = __le__ = __gt__ = __ge__ = _same
    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = _same
    __truediv__ = __rtruediv__ = __floordiv__ = __rfloordiv__ = _same
    __matmul__ = __rmatmul__ = __pow__ = __rpow__ = __mod__ = __rmod__ = _same
    __neg__ = __pos__ = __abs__ = _same

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return self


____ = _Blank()


def is_blank(value) -> bool:
    try:
        return getattr(type(value), "_learntools_blank", False) is True
    except Exception:  # a metaclass with a hostile __getattr__
        return False


def _code_names(code: types.CodeType) -> set[str]:
    names = set(code.co_names) | set(code.co_varnames)
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            names |= _code_names(const)
    return names


def function_has_blank(func) -> bool:
    """True when the function's code still mentions `____`.

    Looks only at real functions (and methods and partials of them): a
    learner's callable object is never asked for attributes it might not
    survive.
    """
    for _ in range(3):
        if isinstance(func, types.MethodType):
            func = func.__func__
        elif isinstance(func, functools.partial):
            func = func.func
        else:
            break
    if not isinstance(func, types.FunctionType):
        return False
    defaults = (func.__defaults__ or ()) + tuple((func.__kwdefaults__ or {}).values())
    if any(contains_blank(d) for d in defaults):  # def f(x, y=____)
        return True
    return BLANK_NAME in _code_names(func.__code__)


def contains_blank(value, depth: int = 0) -> bool:
    """True when `value` is the blank or a list/tuple/dict/object array holding it.

    Looks at no more than 1000 items per level and 4 levels deep, so huge or
    recursive containers stay cheap.
    """
    if is_blank(value):
        return True
    if depth > 3:
        return False
    if type(value) in (list, tuple, set, frozenset):
        items = itertools.islice(value, 1000)
    elif type(value) is dict:
        items = itertools.islice(value.values(), 1000)
    elif _is_object_array(value):  # np.array([1, ____])
        items = itertools.islice(value.flat, 1000)
    else:
        return False
    return any(contains_blank(v, depth + 1) for v in items)


def _is_object_array(value) -> bool:
    np = sys.modules.get("numpy")
    return np is not None and type(value) is np.ndarray and value.dtype.kind == "O"
