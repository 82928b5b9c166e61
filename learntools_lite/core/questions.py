"""Question kinds: small declarative classes with one shared check contract.

A question reads one or more of the learner's variables (from the bound
notebook globals, or from a namespace/value handed to it directly), decides a
Verdict, and shows it. `verdict()` never raises: whatever the learner wrote,
an exception inside checking becomes "Could not check: <why>".
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._lazy import np

from ..messages import resolve, text
from . import compare as cmp
from .binder import NotBound, binder
from .blank import contains_blank, function_has_blank, is_blank  # noqa: F401
from .display import Feedback, show
from .safe import (CallTimeout, CheckTimeout, call_safely, copy_args, describe_error, quiet,
                   safe_repr, time_limit, type_name)
from .verdict import Blank, Incorrect, Status, Uncheckable, Verdict

_MISSING = object()
_PACKAGE_DIR = str(Path(__file__).resolve().parent.parent)


@dataclass(frozen=True)
class Mistake:
    """A common mistake, named for the learner.

    `wrong` describes the mistaken answer: for a value question, the wrong
    value or a function of the expected value that produces it; for a
    function question, a function with the learner's signature that makes
    the mistake. `matches`, if given, is a predicate on the learner's value
    (for a function question: on (args, output) of every call) instead.

    The message is `description` with `{name}` filled in, or, when `key` is
    given, the catalogue message `key` with `name` and `fields` (so generic
    mistakes are translated).
    """

    description: str = ""
    wrong: Any = None
    matches: Callable[..., bool] | None = None
    key: str | None = None
    fields: Mapping[str, Any] = field(default_factory=dict)

    def message(self, name: str) -> str:
        if self.key:
            return text(self.key, name=name, **self.fields)
        try:
            return self.description.format(name=name)
        except (KeyError, IndexError, ValueError, AttributeError):
            return resolve(self.description)


def axis_mistakes(reduce, axis, ndim: int, source=None, arg: int = 0) -> list[Mistake]:
    """Mistakes of a reduction: the wrong axis, and a sum where a mean is asked (or back).

    For a ValueQuestion whose expected value is `reduce(source, axis=axis)`,
    give `source` (the array, or a function returning it). For a
    FunctionQuestion that reduces its argument number `arg`, leave `source`
    out. `ndim` is the number of axes of the array being reduced.
    """
    def wrong(op, ax):
        if source is not None:
            return lambda expected: op(_resolve(source), axis=ax)
        return lambda *args: op(args[arg], axis=ax)

    def where(ax):
        return text("axis.all") if ax is None else text("axis.n", n=ax)

    mistakes = []
    for other in [None, *range(ndim)]:
        if other != axis:
            mistakes.append(Mistake(key="mistake.axis", wrong=wrong(reduce, other),
                                    fields={"used": where(other), "expected": where(axis)}))
    partner = {np.mean: (np.sum, "mistake.sum_not_mean"),
               np.sum: (np.mean, "mistake.mean_not_sum")}.get(reduce)
    if partner is not None:
        mistakes.insert(0, Mistake(key=partner[1], wrong=wrong(partner[0], axis)))
    return mistakes


def _raised_in_learner_code(exc: BaseException) -> bool:
    """True when the innermost Python frame of `exc` is outside this package.

    Then a learner object (its __eq__, __array__, __len__ ...) raised while
    the checker used it: the learner's problem, reported plainly. When the
    innermost frame is ours, it is a checker bug.
    """
    tb, last = exc.__traceback__, None
    while tb is not None:
        last = tb
        tb = tb.tb_next
    if last is None:
        return False
    filename = last.tb_frame.f_code.co_filename
    return not filename.startswith(_PACKAGE_DIR) and "site-packages" not in filename


class Question:
    """The check contract shared by every kind.

    Subclasses implement `_check(*values)`: return None (correct) or a
    message, or raise Incorrect / Blank / Uncheckable. `verdict()` turns
    anything else (an exception, a check that runs longer than
    `check_timeout` seconds) into UNCHECKABLE and never raises.
    """

    var: str | tuple[str, ...] | None = None
    hints: Sequence[str] = ()
    qid: str = "q"              # set by `register`, e.g. "q_1" or "q_2.a"
    assignment: str | None = None
    check_timeout: float = 30.0

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

    @property
    def name(self) -> str:
        """The learner's variable as named in messages."""
        return self.var_names[0] if self.var_names else self.qid

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
        """Judge the learner's answer; never raises (except KeyboardInterrupt)."""
        try:
            with quiet(), time_limit(self._time_limit(), CheckTimeout):
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
        except CheckTimeout:
            return Verdict.uncheckable(text("check_timeout", name=self.name,
                                            seconds=self._time_limit()))
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # never reaches the learner raw
            if _raised_in_learner_code(exc):
                return Verdict.uncheckable(text("learner_raised", name=self.name,
                                                error=describe_error(exc)))
            return Verdict(Status.UNCHECKABLE, text("internal_error", error=describe_error(exc)),
                           internal=True)
        if message:
            return Verdict.incorrect(message)
        return Verdict.correct(self._correct_message())

    def _time_limit(self) -> float:
        return self.check_timeout

    def check_value(self, *values) -> Verdict:
        """Judge values handed in directly (for tests and tools)."""
        return self.verdict(dict(zip(self.var_names, values)))

    def _check(self, *values):
        raise NotImplementedError

    def _correct_message(self) -> str:
        return ""

    # ---- what learners call ----------------------------------------------
    def feedback(self, namespace: Mapping | None = None) -> Feedback:
        """The Feedback that `check()` shows."""
        v = self.verdict(namespace)
        return Feedback(v.status.value, v.message)

    def check(self, namespace: Mapping | None = None) -> None:
        show(self.feedback(namespace))

    def hint(self, n: int = 1) -> None:
        label, body = self._hint(n)
        show(Feedback("hint", body, label=label))

    def hint_text(self, n: int = 1) -> str:
        return self._hint(n)[1]

    def _hint(self, n) -> tuple[str | None, str]:
        """(label, body) of hint n; a hint that does not exist is answered politely."""
        if not self.hints:
            return None, text("hint.none")
        count = len(self.hints)
        try:
            n = int(n)
        except (TypeError, ValueError, OverflowError):
            n = 1
        if n < 1 or n > count:
            note = text("hint.out_of_range", count=count, n=n if n > count else 1)
            n = count if n > count else 1
            return self._hint_label(n, count), note + " " + resolve(self.hints[n - 1])
        return self._hint_label(n, count), resolve(self.hints[n - 1])

    @staticmethod
    def _hint_label(n, count):
        return text("hint.label_n", n=n, count=count) if count > 1 else None

    def solution(self) -> None:
        show(self.solution_feedback())

    def solution_feedback(self) -> Feedback:
        from .solutions import solution_code

        code, note = solution_code(self.assignment, self.qid)
        return Feedback("solution", note, code=code)

    def assert_check_passed(self, namespace: Mapping | None = None) -> None:
        """For nbgrader test cells: raise AssertionError with the very text the learner saw."""
        v = self.verdict(namespace)
        if not v.passed:
            raise AssertionError(str(Feedback(v.status.value, v.message)))

    def __repr__(self):
        return f"<{type(self).__name__} {self.qid}>"


def _resolve(value):
    """Expected values may be given lazily, as a function of no arguments."""
    return value() if callable(value) else value


class ValueQuestion(Question):
    """The learner assigns a value; compare it with `expected`.

    `expected`: the value (number, array, string, set, tuple) or a function
    returning it. `mistakes`: Mistake(description, wrong=value or
    f(expected)) checked in order once the answer is found wrong (see also
    `axis_mistakes`).
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
        reason = cmp.compare(self.name, value, expected, **self._tolerances(expected))
        if reason is None:
            return None
        for mistake in self.mistakes:
            if self._makes(mistake, value, expected):
                raise Incorrect(mistake.message(self.name))
        raise Incorrect(reason)

    def _makes(self, mistake: Mistake, value, expected) -> bool:
        try:
            if mistake.matches is not None:
                return bool(mistake.matches(value))
            wrong = mistake.wrong(expected) if callable(mistake.wrong) else mistake.wrong
            return cmp.compare("_", value, wrong, **self._tolerances(wrong)) is None
        except (KeyboardInterrupt, CallTimeout, CheckTimeout):
            raise
        except BaseException:
            return False


class MultipleChoice(Question):
    """The learner assigns the letter of an option ("a", "(b)", " C " all work)."""

    options: Mapping[str, str] = {}
    answer: str = ""
    explanations: Mapping[str, str] = {}

    def _check(self, value):
        name = self.name
        letter = None
        if isinstance(value, str):
            letter = str.__str__(value).strip().strip("()").strip().lower()
        if letter not in self.options:
            raise Incorrect(text("choice.invalid", name=name, options=sorted(self.options),
                                 actual=cmp._SafeRepr(value)))
        if letter == self.answer:
            return None
        explanation = resolve(self.explanations.get(letter)) or text(
            "choice.other", name=name, actual=letter)
        raise Incorrect(text("choice.wrong", explanation=explanation))

    def _correct_message(self) -> str:
        return resolve(self.explanations.get(self.answer, ""))


class ThoughtQuestion(Question):
    """No single right answer: check() reveals the discussion.

    With `var`, the learner's own words come first: while that string is
    blank (or a few characters), check() asks for it and keeps the
    discussion back.
    """

    discussion: str = ""
    min_chars: int = 10

    def verdict(self, namespace=None) -> Verdict:
        if self.var is not None:
            try:
                (value,) = self._values(namespace)
            except NotBound:
                return Verdict.uncheckable(text("not_bound"))
            except Blank as exc:
                return Verdict.blank(str(exc))
            if not isinstance(value, str) or len(value.strip()) < self.min_chars:
                return Verdict.blank(text("blank", where=text("blank.where_var", name=self.name)))
        return Verdict.correct(resolve(self.discussion))

    def feedback(self, namespace=None) -> Feedback:
        v = self.verdict(namespace)
        if not v.passed:
            return Feedback(v.status.value, v.message)
        return Feedback("discussion", text("thought") + "\n\n" + resolve(self.discussion))


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
    mistake it is. Each call is stopped after `timeout` seconds; the
    learner's prints are dropped; an argument changed in place is reported.
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

    def _time_limit(self) -> float:
        return self.check_timeout + self.timeout * (len(_resolve(self.cases)) + self.n_random)

    def _compare(self, label, actual, expected):
        if self.compare_output is not None:
            return self.compare_output(label, actual, expected)
        if isinstance(expected, tuple):
            if not isinstance(actual, (tuple, list)) or len(actual) != len(expected):
                return text("wrong_type", name=label,
                            expected=text("type.tuple_of", n=len(expected)),
                            actual=type_name(actual))
            for i, (a, e) in enumerate(zip(actual, expected)):
                reason = self._compare(f"{label}[{i}]", a, e)
                if reason:
                    return reason
            return None
        tol = {} if isinstance(expected, (str, set, list, bool)) else {"rtol": self.rtol,
                                                                      "atol": self.atol}
        return cmp.compare(label, actual, expected, **tol)

    def _check(self, func):
        name = self.name
        if not callable(func):
            raise Incorrect(text("not_callable", name=name, actual=type_name(func)))
        outputs = []
        for args in self.all_cases():
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
                    raise Incorrect(text("call.mutated", call=call,
                                         arg=text("call.arg", n=i + 1)))
            outputs.append((args, call, result.value))
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


class Multipart:
    """A question with parts: `q_2.a.check()`, `q_2.b.check()`.

    `q_2.check()`, `q_2.hint()` and `q_2.solution()` say which parts there are.
    """

    def __init__(self, **parts: Question):
        self._parts = parts
        for key, part in parts.items():
            setattr(self, key, part)

    @property
    def parts(self) -> dict[str, Question]:
        return dict(self._parts)

    def _say_parts(self, *args, **kwargs):
        names = list(self._parts)
        qid = getattr(self, "qid", "q")
        show(Feedback("hint", text("multipart.parts", parts=", ".join(names),
                                   example=f"{qid}.{names[0]}")))

    check = hint = solution = _say_parts

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
    module_globals.setdefault("____", __import__(
        "learntools_lite.core.blank", fromlist=["____"]).____)
    return sorted(names, key=_natural) + ["____"]


def _natural(name: str) -> list:
    """Sort key: q_2 before q_10, q_3a before q_3b."""
    import re

    return [(0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.findall(r"\d+|\D+", name)]
