"""Call learner code without letting it hang, flood or crash the checker.

Also: descriptions of learner values (repr, str, type) that never raise, never
take long and never flood the screen, whatever the value is (a recursive list,
a 10^7-element array, an object whose `__repr__` raises ...).
"""
from __future__ import annotations

import copy
import io
import reprlib
import sys
import warnings
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from ..messages import text
from .time_limits import (CallTimeout, CheckTimeout, check_scope, current_scope,  # noqa: F401
                          remaining, time_limit)


@dataclass
class CallResult:
    value: Any = None
    error: BaseException | None = None
    timed_out: bool = False
    skipped: bool = False   # not called: it timed out before in this check


class _Sink(io.TextIOBase):
    """Where a learner function's prints go during a check: kept short, dropped."""

    def __init__(self, limit: int = 10_000):
        self.limit, self.kept = limit, []
        self.size = 0

    def writable(self):
        return True

    def write(self, s):
        if self.size < self.limit:
            piece = str(s)[: self.limit - self.size]
            self.kept.append(piece)
            self.size += len(piece)
        return len(s) if isinstance(s, str) else 0


@contextmanager
def quiet():
    """Silence prints and warnings from learner code inside the block."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _Sink(), _Sink()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        sys.stdout, sys.stderr = out, err


def call_safely(func, args=(), kwargs=None, timeout: float = 5.0) -> CallResult:
    """Call func(*args, **kwargs); capture its exception, exit or timeout.

    The call gets `timeout` seconds, or what is left of the check's budget
    if that is less (the check's own limit then ends the check). A function
    that timed out earlier in the same check is not called again: the
    result says it timed out at once, so the learner waits once, for the
    limit the message states. The learner's prints are dropped (a function
    that prints a million lines must not flood the notebook).
    KeyboardInterrupt still stops the check: it is how the learner
    interrupts the kernel; its traceback keeps only the learner's frames.
    """
    __tracebackhide__ = True  # noqa: F841  (IPython and pytest hide this frame)
    scope = current_scope()
    if scope is not None and scope.has_timed_out(func):
        return CallResult(timed_out=True, skipped=True)
    try:
        with quiet(), time_limit(timeout):
            return CallResult(value=func(*args, **(kwargs or {})))
    except CallTimeout:
        if scope is not None:
            scope.timed_out.append(func)
        return CallResult(timed_out=True)
    except KeyboardInterrupt as exc:
        from .triage import learner_traceback

        raise exc.with_traceback(learner_traceback(exc.__traceback__)) from None
    except CheckTimeout:
        raise
    except BaseException as exc:  # SystemExit, GeneratorExit ... are results too
        return CallResult(error=exc)


def copy_args(args: tuple) -> tuple:
    """Copies of the arguments to hand to learner code (so we can detect mutation)."""
    out = []
    for a in args:
        try:
            out.append(copy.deepcopy(a))
        except Exception:
            out.append(a)
    return tuple(out)


def describe_error(exc: BaseException) -> str:
    """`TypeError: message`, cut to one readable line."""
    message = safe_str(exc)
    try:
        name = type(exc).__name__
    except Exception:
        name = "exception"
    return f"{name}: {message}" if message else name


def _fallback(value) -> str:
    try:
        return f"<{type(value).__name__} object>"
    except Exception:
        return "<object>"


def _shorten(s: str, limit: int) -> str:
    s = " ".join(s[: limit * 4].split())
    return s if len(s) <= limit else s[: limit - 3] + "..."


def _text_of(convert, value) -> str:
    """convert(value) (str or repr) as text, or a fallback when it raises or
    returns something else. Interrupts and our own time limits still propagate."""
    try:
        s = convert(value)
        if not isinstance(s, str):
            raise TypeError
    except BaseException as exc:
        if isinstance(exc, (KeyboardInterrupt, CallTimeout, CheckTimeout)):
            raise
        return _fallback(value)
    return s


def safe_str(value, limit: int = 200) -> str:
    """str(value) that never raises and never floods the screen."""
    return _shorten(_text_of(str, value), limit)


class _Repr(reprlib.Repr):
    """reprlib with bounded sizes; NumPy arrays printed compactly."""

    def __init__(self):
        super().__init__()
        self.maxlist = self.maxtuple = self.maxset = self.maxfrozenset = 6
        self.maxdict = 4
        self.maxlevel = 3
        self.maxstring = self.maxother = 60

    def repr_ndarray(self, value, level):
        import numpy as np

        with np.printoptions(threshold=8, edgeitems=2, precision=4):
            return repr(value)

    def repr_instance(self, value, level):
        return _shorten(_text_of(repr, value), self.maxother)


_REPR = _Repr()


def safe_repr(value, limit: int = 80) -> str:
    """repr(value), bounded, that never raises (recursive lists and hostile objects too)."""
    try:
        r = _REPR.repr(value)
    except BaseException as exc:
        if isinstance(exc, (KeyboardInterrupt, CallTimeout, CheckTimeout)):
            raise
        r = _fallback(value)
    return _shorten(r, limit)


def type_name(value) -> str:
    """'a list', 'an int', 'a NumPy array of shape (2, 3) and dtype int64' ..."""
    np = sys.modules.get("numpy")
    try:
        if np is not None and type(value) is np.ndarray or (
                np is not None and isinstance(value, np.ndarray)):
            return text("type.ndarray", shape=tuple(value.shape), dtype=str(value.dtype))
    except Exception:
        pass
    if value is None:
        return text("type.none")
    try:
        name = type(value).__name__
    except Exception:
        name = "object"
    return text("type.other", name=name,
                article="an" if name[:1].lower() in "aeiou" else "a")
