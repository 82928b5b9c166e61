"""Call learner code without letting it hang, flood or crash the checker.

Also: descriptions of learner values (repr, str, type) that never raise, never
take long and never flood the screen, whatever the value is (a recursive list,
a 10^7-element array, an object whose `__repr__` raises ...).
"""
from __future__ import annotations

import copy
import io
import reprlib
import signal
import sys
import threading
import time
import types
import warnings
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from ..messages import text


class CallTimeout(BaseException):
    """The learner's code ran longer than allowed.

    A BaseException, so a learner's `except Exception:` cannot swallow it.
    """


class CheckTimeout(BaseException):
    """The whole check (e.g. comparing a hostile value) ran too long."""


@dataclass
class CallResult:
    value: Any = None
    error: BaseException | None = None
    timed_out: bool = False
    skipped: bool = False   # not called: it timed out before in this check


# Active limits, outermost first: [deadline on the monotonic clock, exception,
# when it was last raised]. One interval timer serves them all, armed for the
# nearest deadline, so a call's limit is charged against the check's: a call
# gets at most what is left of the check's budget, and the check's clock keeps
# running meanwhile. Once a limit has expired the timer keeps ticking, and the
# exception is raised again every RERAISE seconds until its block is left: a
# timeout swallowed by learner code (`except BaseException: pass`) or raised
# where Python cannot deliver it (a garbage-collector callback) still ends it.
# No limit interrupts an import: the exception waits until the import is done.
_limits: list[list] = []
_saved: dict = {}
TICK, RERAISE = 0.1, 0.5


def _arm() -> None:
    wait = min(entry[0] for entry in _limits) - time.monotonic()
    signal.setitimer(signal.ITIMER_REAL, max(wait, 1e-4), TICK)


def _importing(frame) -> bool:
    """Is a module being imported? (Interrupting an import leaves the library half
    imported: TensorFlow then fails in every later check of the kernel.)"""
    depth = 0
    while frame is not None and depth < 300:
        if frame.f_code.co_filename.startswith("<frozen importlib"):
            return True
        frame, depth = frame.f_back, depth + 1
    return False


def _alarm(signum, frame):
    if _importing(frame):
        return  # the next tick tries again, once the import is done
    now = time.monotonic()
    for entry in _limits:  # the outermost expired limit wins
        deadline, exc, raised = entry
        if deadline <= now + 1e-4:
            if raised is None or now - raised >= RERAISE:
                entry[2] = now
                raise exc()
            return
    _arm()  # early wake-up: wait for the nearest deadline again


def remaining() -> float | None:
    """Seconds left before the nearest active limit (None: no limit is active)."""
    if not _limits:
        return None
    return max(0.0, min(entry[0] for entry in _limits) - time.monotonic())


@contextmanager
def time_limit(seconds: float, exc: type[BaseException] = CallTimeout):
    """Raise `exc` in the block after `seconds` (main thread only; elsewhere no limit).

    Limits nest: an inner limit never outlasts an outer one (when the outer
    deadline comes first, the outer exception is raised), and time spent in
    the inner block counts for the outer one. Uses one real-time interval
    timer, which stops pure-Python loops (not a single long C call); any
    timer and handler set before the outermost limit are restored after it.
    """
    if (seconds is None or seconds <= 0
            or threading.current_thread() is not threading.main_thread()):
        yield
        return
    outermost = not _limits
    if outermost:
        try:
            previous = signal.signal(signal.SIGALRM, _alarm)
        except (ValueError, OSError):  # no signals here (e.g. embedded interpreter)
            yield
            return
        _saved.update(handler=previous, timer=signal.getitimer(signal.ITIMER_REAL),
                      since=time.monotonic())
    entry = [time.monotonic() + seconds, exc, None]
    _limits.append(entry)
    leaving_with = None
    try:
        _arm()
        yield
    except BaseException as raised:
        leaving_with = raised
        raise
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        _limits[:] = [e for e in _limits if e is not entry]
        if _limits:
            # An outer limit that has already fired is on its way out: no second alarm.
            if not any(isinstance(leaving_with, e[1]) for e in _limits):
                _arm()
        elif outermost:
            signal.signal(signal.SIGALRM, _saved["handler"])
            (left, interval), since = _saved["timer"], _saved["since"]
            if left:
                left = max(left - (time.monotonic() - since), 1e-4)
                signal.setitimer(signal.ITIMER_REAL, left, interval)


class _CheckScope:
    """What one check remembers about the learner's functions: which timed out."""

    def __init__(self):
        self.timed_out: list = []

    @staticmethod
    def _same(a, b) -> bool:
        if a is b:
            return True
        return (isinstance(a, types.MethodType) and isinstance(b, types.MethodType)
                and a.__func__ is b.__func__ and a.__self__ is b.__self__)

    def has_timed_out(self, func) -> bool:
        return any(self._same(func, f) for f in self.timed_out)


_scope: _CheckScope | None = None


@contextmanager
def check_scope():
    """One check: a learner function that times out inside is not called again."""
    global _scope
    outer, _scope = _scope, _CheckScope()
    try:
        yield _scope
    finally:
        _scope = outer


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
    scope = _scope
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
