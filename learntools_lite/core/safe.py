"""Call learner code without letting it hang or crash the checker."""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any


class CallTimeout(Exception):
    """The learner's code ran longer than allowed."""


@dataclass
class CallResult:
    value: Any = None
    error: BaseException | None = None
    timed_out: bool = False


@contextmanager
def time_limit(seconds: float):
    """Interrupt the block after `seconds` (main thread only; elsewhere no limit).

    Uses a real-time interval timer, which stops pure-Python loops. It
    restores any timer and handler that were set before.
    """
    if threading.current_thread() is not threading.main_thread() or seconds <= 0:
        yield
        return

    def _alarm(signum, frame):
        raise CallTimeout()

    previous = signal.signal(signal.SIGALRM, _alarm)
    remaining, interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if remaining:
            signal.setitimer(signal.ITIMER_REAL, remaining, interval)


def call_safely(func, args=(), kwargs=None, timeout: float = 5.0) -> CallResult:
    """Call func(*args, **kwargs); capture its exception or a timeout."""
    try:
        with time_limit(timeout):
            return CallResult(value=func(*args, **(kwargs or {})))
    except CallTimeout:
        return CallResult(timed_out=True)
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # SystemExit from learner code is a result too
        return CallResult(error=exc)


def describe_error(exc: BaseException) -> str:
    """`TypeError: message`, cut to one readable line."""
    message = safe_str(exc)
    name = type(exc).__name__
    return f"{name}: {message}" if message else name


def safe_str(value, limit: int = 200) -> str:
    """str(value) that never raises and never floods the screen."""
    try:
        s = str(value)
    except Exception:
        s = f"<{type(value).__name__} object>"
    s = " ".join(s.split())
    return s if len(s) <= limit else s[: limit - 3] + "..."


def safe_repr(value, limit: int = 80) -> str:
    try:
        import numpy as np

        if isinstance(value, np.ndarray):
            with np.printoptions(threshold=8, edgeitems=2, precision=4):
                r = repr(value)
        else:
            r = repr(value)
    except Exception:
        r = f"<{type(value).__name__} object>"
    r = " ".join(r.split())
    return r if len(r) <= limit else r[: limit - 3] + "..."


def type_name(value) -> str:
    """'a list', 'an int', 'a numpy array of shape (2, 3)' ..."""
    try:
        import numpy as np

        if isinstance(value, np.ndarray):
            return f"a NumPy array of shape {value.shape} and dtype {value.dtype}"
    except Exception:
        pass
    if value is None:
        return "None"
    name = type(value).__name__
    article = "an" if name[:1].lower() in "aeiou" else "a"
    return f"{article} {name}"
