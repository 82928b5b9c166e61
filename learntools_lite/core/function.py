"""FunctionQuestion: the learner writes a function; it is called and compared with an oracle."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ..messages import text
from . import compare as cmp
from ._lazy import np
from .blank import contains_blank
from .mistakes import Mistake, resolve_expected
from .question import Question
from .safe import (CallTimeout, CheckTimeout, call_safely, copy_args, describe_error,
                   safe_repr, type_name)
from .verdict import Blank, Incorrect


class _Described:
    """A call's description, built only if a message shows it (repr of arrays is slow)."""

    def __init__(self, call, name):
        self.call, self.name = call, name

    def __format__(self, spec):
        return format(self.call.describe(self.name), spec)

    __str__ = lambda self: self.call.describe(self.name)  # noqa: E731


@dataclass
class Call:
    """One call of the learner's function: its arguments and how to show it."""

    args: tuple

    def describe(self, name: str) -> str:
        return f"{name}({', '.join(safe_repr(a, 40) for a in self.args)})"


def _changed(before, after) -> bool:
    """Did learner code change an argument in place? (arrays and lists)"""
    try:
        if isinstance(before, np.ndarray):
            return not (isinstance(after, np.ndarray) and before.shape == after.shape
                        and np.array_equal(before, after, equal_nan=before.dtype.kind in "fc"))
        if type(before) is list and all(type(b) in (int, float, str, bool) for b in before):
            return type(after) is not list or before != after
    except (KeyboardInterrupt, CallTimeout, CheckTimeout):
        raise
    except BaseException:
        return True
    return False


class FunctionQuestion(Question):
    """The learner writes a function; call it and compare with an oracle.

    `oracle`: an independent implementation (or a check of the result's
    mathematical property) used for expected outputs. `cases`: argument
    tuples (or a function returning them); `random_cases(rng)`: more argument
    tuples drawn at check time (seeded: the same for every check).
    `mistakes`: Mistake(description, wrong=function making the mistake); a
    learner whose outputs equal that function's on every case is told which
    mistake it is. Each call is stopped after `timeout` seconds (or when the
    check's budget `check_timeout` runs out, if sooner); a function that
    timed out is not called again in the same check. The learner's prints
    are dropped; an argument changed in place is reported. Outputs follow
    the tolerance policy (tolerance.py); `rtol`/`atol` left None use it.
    A tuple result is compared part by part, each part named in messages by
    `output_names` (when given for every part) or as `result[i]`.
    """

    oracle: Callable | None = None
    cases: Any = ()
    random_cases: Callable | None = None
    n_random: int = 3
    seed: int = 0
    mistakes: Sequence[Mistake] = ()
    rtol: float | None = None
    atol: float | None = None
    timeout: float = 5.0
    output_names: Sequence[str] = ()   # names of a tuple result's parts in messages, e.g. ("dW", "db", "dX")
    check_timeout: float = 60.0
    compare_output: Callable | None = None   # (name, actual, expected) -> message | None

    def all_cases(self) -> list[tuple]:
        cases = [tuple(c) for c in resolve_expected(self.cases)]
        if self.random_cases is not None:
            rng = np.random.default_rng(self.seed)
            cases += [tuple(self.random_cases(rng)) for _ in range(self.n_random)]
        return cases

    def _compare(self, label, actual, expected):
        if self.compare_output is not None:
            return self.compare_output(label, actual, expected)
        if isinstance(expected, tuple):
            if not isinstance(actual, (tuple, list)) or len(actual) != len(expected):
                got = (text("type.sequence", kind=type(actual).__name__, n=len(actual))
                       if isinstance(actual, (tuple, list)) else type_name(actual))
                return text("wrong_type", name=label,
                            expected=text("type.tuple_of", n=len(expected)), actual=got)
            names = (self.output_names if len(self.output_names) == len(expected)
                     else [f"{label}[{i}]" for i in range(len(expected))])
            for name, a, e in zip(names, actual, expected):
                reason = self._compare(name, a, e)
                if reason:
                    return reason
            return None
        return cmp.compare(label, actual, expected, rtol=self.rtol, atol=self.atol)

    def _call(self, func, args):
        """One learner call: (result, described call); raises Incorrect/Blank on a bad call."""
        name = self.name
        call = _Described(Call(args), name)
        given = copy_args(args)
        result = call_safely(func, given, timeout=self.timeout)
        if result.timed_out:
            raise Incorrect(text("call.timeout", call=call, seconds=self.timeout))
        if result.error is not None:
            raise Incorrect(text("call.raised", call=call, error=describe_error(result.error)))
        if contains_blank(result.value):
            raise Blank(text("blank", where=text("blank.where_var", name=name)))
        for i, (before, after) in enumerate(zip(args, given)):
            if _changed(before, after):
                raise Incorrect(text("call.mutated", call=call, arg=text("call.arg", n=i + 1)))
        return result.value, call

    def _check(self, func):
        __tracebackhide__ = True  # noqa: F841
        if not callable(func):
            raise Incorrect(text("not_callable", name=self.name, actual=type_name(func)))
        outputs = []
        for args in self.all_cases():
            value, call = self._call(func, args)
            outputs.append((args, call, value))
        for args, call, value in outputs:
            expected = self.oracle(*args)
            if value is None and expected is not None:
                raise Incorrect(text("call.returned_none", call=call))
            reason = self._compare(text("call.result"), value, expected)
            if reason:
                named = self._named_mistake(outputs)
                raise Incorrect(named or text("call.wrong", call=call, why=reason))
        return None

    def _named_mistake(self, outputs) -> str | None:
        for mistake in self.mistakes:
            try:
                if mistake.matches is not None:
                    if all(mistake.matches(args, value) for args, _, value in outputs):
                        return mistake.message(self.name)
                    continue
                if all(self._compare("_", value, mistake.wrong(*args)) is None
                       for args, _, value in outputs):
                    return mistake.message(self.name)
            except (KeyboardInterrupt, CallTimeout, CheckTimeout):
                raise
            except BaseException:
                continue
        return None
