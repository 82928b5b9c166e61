"""ValueQuestion: the learner assigns a value; it is compared with the expected one."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from . import compare as cmp
from .mistakes import Mistake, resolve_expected
from .question import Question
from .safe import CallTimeout, CheckTimeout
from .verdict import Incorrect


class ValueQuestion(Question):
    """The learner assigns a value; compare it with `expected`.

    `expected`: the value (number, array, string, set, tuple) or a function
    returning it. `mistakes`: Mistake(description, wrong=value or
    f(expected)) checked in order once the answer is found wrong (see also
    `axis_mistakes`). Numbers follow the tolerance policy (tolerance.py);
    `rtol`/`atol` left None use it.
    """

    expected: Any = None
    mistakes: Sequence[Mistake] = ()
    rtol: float | None = None
    atol: float | None = None

    def _check(self, value):
        expected = resolve_expected(self.expected)
        reason = cmp.compare(self.name, value, expected, rtol=self.rtol, atol=self.atol)
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
            return cmp.compare("_", value, wrong, rtol=self.rtol, atol=self.atol) is None
        except (KeyboardInterrupt, CallTimeout, CheckTimeout):
            raise
        except BaseException:
            return False
