"""Time limits for learner code: one budget per check, nested limits, one timer.

`time_limit(seconds, exc)` raises `exc` in its block after `seconds`; limits
nest, and an inner one never outlasts an outer one. `check_scope()` marks one
check, so a learner function that timed out inside it is not called again
(safe.call_safely reads it). Main thread only (signals); elsewhere no limit.
"""
from __future__ import annotations

import signal
import threading
import time
import types
from contextlib import contextmanager


class CallTimeout(BaseException):
    """The learner's code ran longer than allowed.

    A BaseException, so a learner's `except Exception:` cannot swallow it.
    """


class CheckTimeout(BaseException):
    """The whole check (e.g. comparing a hostile value) ran too long."""


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


def current_scope() -> _CheckScope | None:
    """The check in progress (None outside a check)."""
    return _scope
