"""The check contract shared by every question kind.

A question reads one or more of the learner's variables (from the bound
notebook globals, or from a namespace/value handed to it directly), decides
a Verdict, and shows it. `verdict()` never raises (except KeyboardInterrupt,
how a learner stops the kernel, whose traceback keeps only the learner's
frames): whatever the learner wrote, an exception inside checking becomes
"Could not check: <why>".

A check has one time budget, `check_timeout` seconds: each call of learner
code inside it gets its own limit or what is left of the budget, whichever
is less, and a learner function that timed out is not called again in the
same check (see safe.call_safely).
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..messages import plural, resolve, text
from .binder import NotBound, binder
from .blank import contains_blank, function_has_blank
from .display import Feedback, show
from .safe import CheckTimeout, check_scope, describe_error, quiet, time_limit
from .triage import learner_traceback, raised_in_learner_code
from .verdict import Blank, Incorrect, Status, Uncheckable, Verdict


class Question:
    """The check contract shared by every kind.

    Subclasses implement `_check(*values)`: return None (correct) or a
    message, or raise Incorrect / Blank / Uncheckable. `verdict()` turns
    anything else (an exception, a check that runs longer than
    `check_timeout` seconds) into UNCHECKABLE and never raises.
    """

    var: str | tuple[str, ...] | None = None
    hints: Sequence[str] = ()
    qid: str = "q"              # set by `register`, e.g. "q_1" or "q_3a"
    assignment: str | None = None
    check_timeout: float = 30.0
    # Does the check use a Keras model itself (its layers, its predictions)? Then the grader
    # rebuilds the model before the check; otherwise it reads the model's configs as sent.
    reads_keras_objects: bool = False

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
        __tracebackhide__ = True  # noqa: F841  (IPython and pytest hide this frame)
        try:
            with quiet(), check_scope(), time_limit(self._time_limit(), CheckTimeout):
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
        except KeyboardInterrupt as exc:
            raise exc.with_traceback(learner_traceback(exc.__traceback__)) from None
        except BaseException as exc:  # never reaches the learner raw
            if raised_in_learner_code(exc):
                return Verdict.uncheckable(text("learner_raised", name=self.name,
                                                error=describe_error(exc)))
            return Verdict(Status.UNCHECKABLE, text("internal_error", error=describe_error(exc)),
                           internal=True)
        if message:
            return Verdict.incorrect(message)
        return Verdict.correct(self._correct_message())

    def _time_limit(self) -> float:
        """The whole check's budget in seconds."""
        return self.check_timeout

    def check_value(self, *values) -> Verdict:
        """Judge values handed in directly (for tests and tools)."""
        __tracebackhide__ = True  # noqa: F841
        return self.verdict(dict(zip(self.var_names, values)))

    def _check(self, *values):
        raise NotImplementedError

    def _correct_message(self) -> str:
        return ""

    # ---- what learners call ----------------------------------------------
    def feedback(self, namespace: Mapping | None = None) -> Feedback:
        """The Feedback that `check()` shows."""
        __tracebackhide__ = True  # noqa: F841
        v = self.verdict(namespace)
        return Feedback(v.status.value, v.message)

    def check(self, namespace: Mapping | None = None) -> None:
        __tracebackhide__ = True  # noqa: F841
        show(self.feedback(namespace))

    def hint(self, n: int = 1) -> None:
        label, body = self._hint(n)
        show(Feedback("hint", body, label=label))

    def hint_text(self, n: int = 1) -> str:
        return self._hint(n)[1]

    def _hint(self, n) -> tuple[str | None, str]:
        """(label, body) of hint n; a hint that does not exist is said so, and nothing else."""
        if not self.hints:
            return None, text("hint.none")
        count = len(self.hints)
        try:
            n = int(n)
        except (TypeError, ValueError, OverflowError):
            n = None
        if n is None or n < 1 or n > count:
            shown = n if n is not None else "?"
            return None, plural("hint.out_of_range", count, n=shown, qid=self.qid)
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
        __tracebackhide__ = True  # noqa: F841
        v = self.verdict(namespace)
        if not v.passed:
            raise AssertionError(str(Feedback(v.status.value, v.message)))

    def __repr__(self):
        return f"<{type(self).__name__} {self.qid}>"
