"""Question kinds: small declarative classes with one shared check contract.

A question reads one or more of the learner's variables (from the bound
notebook globals, or from a namespace/value handed to it directly), decides a
Verdict, and shows it. `verdict()` never raises: whatever the learner wrote,
an exception inside checking becomes "Could not check: <why>".
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..messages import text
from . import compare as cmp
from .binder import NotBound, binder
from .blank import contains_blank, function_has_blank, is_blank
from .display import Feedback, show
from .safe import call_safely, describe_error, safe_repr, type_name
from .verdict import Blank, Incorrect, Status, Uncheckable, Verdict

_MISSING = object()


@dataclass(frozen=True)
class Mistake:
    """A common mistake, named for the learner.

    `wrong` describes the mistaken answer: for a value question, the wrong
    value or a function of the expected value that produces it; for a
    function question, a function with the learner's signature that makes
    the mistake. `matches`, if given, is a predicate on the learner's value
    (or function outputs) instead.
    """

    description: str
    wrong: Any = None
    matches: Callable[[Any], bool] | None = None


class Question:
    """The check contract shared by every kind.

    Subclasses implement `_check(*values)`: return None (correct) or a
    message, or raise Incorrect / Blank / Uncheckable.
    """

    var: str | tuple[str, ...] | None = None
    hints: Sequence[str] = ()
    qid: str = "q"              # set by `register`, e.g. "q_1" or "q_2.a"
    assignment: str | None = None

    def __init__(self, var=None, hints=(), **settings):
        if var is not None:
            self.var = var
        self.hints = tuple(hints)
        for key, value in settings.items():
            if not hasattr(self, key):
                raise TypeError(f"{type(self).__name__} has no setting {key!r}")
            setattr(self, key, value)

    # ---- reading the learner's values ---------------------------------
    @property
    def var_names(self) -> tuple[str, ...]:
        if self.var is None:
            return ()
        return (self.var,) if isinstance(self.var, str) else tuple(self.var)

    def _values(self, namespace: Mapping | None):
        if namespace is None:
            namespace = binder.namespace  # raises NotBound
        values = []
        for name in self.var_names:
            if name not in namespace:
                raise Blank(text("undefined", name=name))
            value = namespace[name]
            if contains_blank(value) or (callable(value) and function_has_blank(value)):
                raise Blank(text("blank", where=text("blank.where_var", name=name)))
            values.append(value)
        return values

    # ---- the contract ----------------------------------------------------
    def verdict(self, namespace: Mapping | None = None) -> Verdict:
        """Judge the learner's answer; never raises."""
        try:
            values = self._values(namespace)
            message = self._check(*values)
        except NotBound:
            return Verdict.uncheckable(text("not_bound"))
        except Blank as exc:
            return Verdict.blank(str(exc))
        except Incorrect as exc:
            return Verdict.incorrect(str(exc))
        except Uncheckable as exc:
            return Verdict.uncheckable(text("could_not_check", why=str(exc)))
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # a checker bug must never reach the learner raw
            return Verdict.uncheckable(text("internal_error", error=describe_error(exc)))
        if message:
            return Verdict.incorrect(message)
        return Verdict.correct(self._correct_message())

    def check_value(self, *values) -> Verdict:
        """Judge values handed in directly (for tests and tools)."""
        return self.verdict(dict(zip(self.var_names, values)))

    def _check(self, *values):
        raise NotImplementedError

    def _correct_message(self) -> str:
        return ""

    # ---- what learners call ----------------------------------------------
    def check(self, namespace: Mapping | None = None) -> None:
        v = self.verdict(namespace)
        show(Feedback(v.status.value, v.message))

    def hint(self, n: int = 1) -> None:
        show(Feedback("hint", self.hint_text(n)))

    def hint_text(self, n: int = 1) -> str:
        if not self.hints:
            return text("hint.none")
        try:
            n = int(n)
        except (TypeError, ValueError):
            n = 1
        count = len(self.hints)
        if n < 1 or n > count:
            return text("hint.out_of_range", count=count) + " " + self.hints[-1]
        prefix = text("hint.first", n=n, count=count) + " " if count > 1 else ""
        return prefix + self.hints[n - 1]

    def solution(self) -> None:
        from .solutions import solution_code

        code, note = solution_code(self.assignment, self.qid)
        if code is None:
            show(Feedback("solution", note))
        else:
            show(Feedback("solution", note, code=code))

    def assert_check_passed(self, namespace: Mapping | None = None) -> None:
        """For nbgrader test cells: raise AssertionError with the learner's message."""
        v = self.verdict(namespace)
        if not v.passed:
            label = text(f"label.{v.status.value}")
            raise AssertionError(f"{label}: {v.message}" if v.message else label)

    def __repr__(self):
        return f"<{type(self).__name__} {self.qid}>"


def _resolve(value):
    """Expected values may be given lazily, as a function of no arguments."""
    return value() if callable(value) else value


class ValueQuestion(Question):
    """The learner assigns a value; compare it with `expected`.

    `expected`: the value (number, array, string, set, tuple) or a function
    returning it. `mistakes`: Mistake(description, wrong=value or
    f(expected)) checked in order once the answer is found wrong.
    """

    expected: Any = None
    mistakes: Sequence[Mistake] = ()
    rtol: float = 1e-5
    atol: float = 1e-8

    def _tolerances(self, expected):
        if isinstance(expected, (str, set, frozenset, list, tuple, bool)):
            return {}
        return {"rtol": self.rtol, "atol": self.atol}

    def _check(self, value):
        expected = _resolve(self.expected)
        reason = cmp.compare(self.var_names[0], value, expected, **self._tolerances(expected))
        if reason is None:
            return None
        for mistake in self.mistakes:
            if self._makes(mistake, value, expected):
                raise Incorrect(mistake.description.format(name=self.var_names[0]))
        raise Incorrect(reason)

    def _makes(self, mistake: Mistake, value, expected) -> bool:
        try:
            if mistake.matches is not None:
                return bool(mistake.matches(value))
            wrong = mistake.wrong(expected) if callable(mistake.wrong) else mistake.wrong
            return cmp.compare("_", value, wrong, **self._tolerances(wrong)) is None
        except Exception:
            return False


class MultipleChoice(Question):
    """The learner assigns the letter of an option."""

    options: Mapping[str, str] = {}
    answer: str = ""
    explanations: Mapping[str, str] = {}

    def _check(self, value):
        name = self.var_names[0]
        letter = value.strip().strip("()").lower() if isinstance(value, str) else None
        if letter not in self.options:
            raise Incorrect(text("choice.invalid", name=name, options=sorted(self.options),
                                 actual=_SafeValue(value)))
        if letter == self.answer:
            return None
        explanation = self.explanations.get(letter) or text(
            "wrong_value", name=name, expected="another option", actual=letter)
        raise Incorrect(text("choice.wrong", explanation=explanation))

    def _correct_message(self) -> str:
        return self.explanations.get(self.answer, "")


class _SafeValue:
    def __init__(self, value):
        self.value = value

    def __repr__(self):
        return safe_repr(self.value)


class ThoughtQuestion(Question):
    """No single right answer: check() reveals the discussion."""

    discussion: str = ""

    def verdict(self, namespace=None) -> Verdict:
        return Verdict.correct(self.discussion)

    def check(self, namespace=None) -> None:
        show(Feedback("discussion", text("thought") + "\n\n" + self.discussion))


@dataclass
class Call:
    """One call of the learner's function: its arguments and how to show it."""

    args: tuple

    def describe(self, name: str) -> str:
        return f"{name}({', '.join(safe_repr(a, 40) for a in self.args)})"


class FunctionQuestion(Question):
    """The learner writes a function; call it and compare with an oracle.

    `oracle`: an independent implementation (or a check of the result's
    mathematical property) used for expected outputs. `cases`: argument
    tuples (or a function returning them); `random_cases(rng)`: more argument
    tuples drawn at check time. `mistakes`: Mistake(description,
    wrong=function making the mistake); a learner whose outputs equal that
    function's on every case is told which mistake it is.
    """

    oracle: Callable | None = None
    cases: Any = ()
    random_cases: Callable | None = None
    n_random: int = 3
    seed: int = 0
    mistakes: Sequence[Mistake] = ()
    rtol: float = 1e-5
    atol: float = 1e-8
    timeout: float = 5.0
    compare_output: Callable | None = None   # (name, actual, expected) -> message | None

    def all_cases(self) -> list[tuple]:
        cases = [tuple(c) for c in _resolve(self.cases)]
        if self.random_cases is not None:
            rng = np.random.default_rng(self.seed)
            cases += [tuple(self.random_cases(rng)) for _ in range(self.n_random)]
        return cases

    def _compare(self, label, actual, expected):
        if self.compare_output is not None:
            return self.compare_output(label, actual, expected)
        if isinstance(expected, tuple):
            if not isinstance(actual, (tuple, list)) or len(actual) != len(expected):
                return text("wrong_type", name=label, expected=f"a tuple of {len(expected)} values",
                            actual=type_name(actual))
            for i, (a, e) in enumerate(zip(actual, expected)):
                reason = self._compare(f"{label}[{i}]", a, e)
                if reason:
                    return reason
            return None
        tol = {} if isinstance(expected, (str, set, list, bool)) else {"rtol": self.rtol, "atol": self.atol}
        return cmp.compare(label, actual, expected, **tol)

    def _check(self, func):
        name = self.var_names[0]
        if not callable(func):
            raise Incorrect(text("not_callable", name=name, actual=type_name(func)))
        outputs = []
        for args in self.all_cases():
            call = Call(args).describe(name)
            copies = tuple(np.copy(a) if isinstance(a, np.ndarray) else a for a in args)
            result = call_safely(func, copies, timeout=self.timeout)
            if result.timed_out:
                raise Incorrect(text("call.timeout", call=call, seconds=self.timeout))
            if result.error is not None:
                raise Incorrect(text("call.raised", call=call, error=describe_error(result.error)))
            if contains_blank(result.value):
                raise Blank(text("blank", where=text("blank.where_var", name=name)))
            for i, (before, after) in enumerate(zip(args, copies)):
                if isinstance(before, np.ndarray) and not np.array_equal(before, after, equal_nan=True):
                    raise Incorrect(text("call.mutated", call=call, arg=f"argument {i + 1}"))
            outputs.append((args, call, result.value))
        for args, call, value in outputs:
            expected = self.oracle(*args)
            if value is None and expected is not None:
                raise Incorrect(text("call.returned_none", call=call))
            reason = self._compare("the result", value, expected)
            if reason:
                named = self._named_mistake(outputs)
                raise Incorrect(named or text("call.wrong", call=call, why=reason))
        return None

    def _named_mistake(self, outputs) -> str | None:
        for mistake in self.mistakes:
            try:
                if mistake.matches is not None:
                    if all(mistake.matches(args, value) for args, _, value in outputs):
                        return mistake.description.format(name=self.var_names[0])
                    continue
                if all(self._compare("_", value, mistake.wrong(*args)) is None
                       for args, _, value in outputs):
                    return mistake.description.format(name=self.var_names[0])
            except Exception:
                continue
        return None


class Multipart:
    """A question with parts: `q_2.a.check()`, `q_2.b.check()`."""

    def __init__(self, **parts: Question):
        self._parts = parts
        for key, part in parts.items():
            setattr(self, key, part)

    @property
    def parts(self) -> dict[str, Question]:
        return dict(self._parts)

    def _say_parts(self):
        names = list(self._parts)
        qid = getattr(self, "qid", "q")
        show(Feedback("hint", text("multipart.parts", parts=", ".join(names),
                                   example=f"{qid}.{names[0]}")))

    def check(self):
        self._say_parts()

    hint = solution = check

    def verdict(self, namespace=None) -> Verdict:
        verdicts = [p.verdict(namespace) for p in self._parts.values()]
        for status in (Status.UNCHECKABLE, Status.BLANK, Status.INCORRECT):
            for v in verdicts:
                if v.status is status:
                    return v
        return Verdict.correct()

    def assert_check_passed(self, namespace=None):
        for part in self._parts.values():
            part.assert_check_passed(namespace)

    def __repr__(self):
        return f"<Multipart {getattr(self, 'qid', 'q')} {list(self._parts)}>"


def register(module_globals: dict, assignment: str) -> list[str]:
    """Name the questions q_1 ... q_n of an exercise module and export them.

    Sets each question's `qid` (and each part's, `q_2.a`) and `assignment`,
    and returns the names for `__all__`, blank included.
    """
    names = []
    for key, value in list(module_globals.items()):
        if not key.startswith("q_"):
            continue
        if isinstance(value, Question):
            value.qid, value.assignment = key, assignment
        elif isinstance(value, Multipart):
            value.qid = key
            for part_name, part in value.parts.items():
                part.qid, part.assignment = f"{key}.{part_name}", assignment
        else:
            continue
        names.append(key)
    return sorted(names, key=lambda n: [int(p) if p.isdigit() else p for p in n.split("_")]) + ["____"]
