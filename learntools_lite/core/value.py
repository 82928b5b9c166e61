"""ValueQuestion: the learner assigns a value; it is compared with the expected one."""
from __future__ import annotations

import numbers
from collections.abc import Sequence
from typing import Any

from ..messages import text
from . import compare as cmp
from .mistakes import Mistake, resolve_expected
from .question import Question
from .safe import CallTimeout, CheckTimeout, safe_repr
from .verdict import Incorrect


class ValueQuestion(Question):
    """The learner assigns a value; compare it with `expected`.

    `expected`: the value (number, array, string, set, tuple) or a function
    returning it. `mistakes`: Mistake(description, wrong=value or
    f(expected)) checked in order once the answer is found wrong (see also
    `axis_mistakes`). Numbers follow the tolerance policy (tolerance.py);
    `rtol`/`atol` left None use it. `reveal=False` (questions that ask for a
    prediction or a result worked out by hand): an unnamed wrong answer of the
    right form (a tuple of the right length, an array of the right shape) is
    told it is not right, never the expected value or an expected entry.
    """

    expected: Any = None
    mistakes: Sequence[Mistake] = ()
    rtol: float | None = None
    atol: float | None = None
    reveal: bool = True

    def _check(self, value):
        expected = resolve_expected(self.expected)
        reason = cmp.compare(self.name, value, expected, rtol=self.rtol, atol=self.atol)
        if reason is None:
            return None
        for mistake in self.mistakes:
            if self._makes(mistake, value, expected):
                raise Incorrect(mistake.message(self.name))
        if not self.reveal:
            reason = _without_the_answer(self.name, value, expected) or reason
        raise Incorrect(reason)

    def _makes(self, mistake: Mistake, value, expected) -> bool:
        try:
            if mistake.matches is not None:
                return bool(mistake.matches(value))
            wrong = mistake.wrong(expected) if callable(mistake.wrong) else mistake.wrong
            return cmp.compare("_", value, wrong, rtol=self.rtol, atol=self.atol) is None
        except (KeyboardInterrupt, CallTimeout, CheckTimeout):
            raise
        except BaseException:
            return False


def _without_the_answer(name, value, expected) -> str | None:
    """The message for a wrong `value` that shows neither `expected` nor any of its
    entries; None where the comparison's own message shows neither (numbers, a wrong
    type, an array's shape)."""
    if isinstance(expected, str):
        return (text("wrong_number", name=name, actual=safe_repr(value, 80), detail="")
                if isinstance(value, str) else None)
    if isinstance(expected, (tuple, list)):
        if not isinstance(value, (tuple, list)):
            arr = cmp.as_array(value)
            if arr is None or arr.ndim != 1:
                return None
        if len(value) != len(expected):
            kind = type(value).__name__ if isinstance(value, (tuple, list)) else "NumPy array"
            return text("wrong_type", name=name,
                        expected=text("type.sequence", kind=type(expected).__name__,
                                      n=len(expected)),
                        actual=text("type.sequence", kind=kind, n=len(value)))
        return text("wrong_number", name=name, actual=safe_repr(value, 80), detail="")
    if isinstance(expected, numbers.Number):
        return None
    arr = cmp.as_array(value)
    if arr is not None and arr.shape == cmp.np.shape(expected):
        return text("wrong_number", name=name, actual=safe_repr(value, 80), detail="")
    return None
