"""ThoughtQuestion: no single right answer; the learner's own words, then the discussion.

With `var` (the learner writes `answer_7 = "..."`), check() first asks for
an answer: a blank, None, a string of whitespace or one shorter than
`min_words` words says "Fill in" and does NOT show the discussion; a written
answer shows the discussion to compare with. A word is a run of letters
between spaces, or one CJK character (Chinese is written without spaces).
Without `var`, check() shows the discussion at once. Thought questions are
not graded automatically (the notebooks leave them to the instructor).
"""
from __future__ import annotations

import re

from ..messages import resolve, text
from .blank import is_blank
from .display import Feedback
from .question import Question
from .safe import type_name
from .verdict import Blank, Incorrect, Verdict

_WORD = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]|[^\s\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]+")


def word_count(answer: str) -> int:
    """Words in `answer`: space-separated runs, each CJK character counted as one."""
    return sum(1 for w in _WORD.findall(answer) if any(c.isalnum() for c in w))


class ThoughtQuestion(Question):
    """No single right answer: the learner writes theirs, then check() shows the discussion."""

    discussion: str = ""
    min_words: int = 3

    def _values(self, namespace):
        if not self.var_names:
            return []
        try:
            return super()._values(namespace)
        except Blank:
            raise Blank(text("thought.blank", name=self.name)) from None

    def _check(self, answer=None):
        if not self.var_names:
            return None
        if answer is None or is_blank(answer):
            raise Blank(text("thought.blank", name=self.name))
        if not isinstance(answer, str):
            raise Incorrect(text("wrong_type", name=self.name, expected=text("type.words"),
                                 actual=type_name(answer)))
        if word_count(str.__str__(answer)) < self.min_words:
            raise Blank(text("thought.too_short", name=self.name, n=self.min_words))
        return None

    def _correct_message(self) -> str:
        return resolve(self.discussion)

    def verdict(self, namespace=None) -> Verdict:
        __tracebackhide__ = True  # noqa: F841
        if not self.var_names:
            return Verdict.correct(resolve(self.discussion))
        return super().verdict(namespace)

    def feedback(self, namespace=None) -> Feedback:
        __tracebackhide__ = True  # noqa: F841
        v = self.verdict(namespace)
        if v.passed:
            return Feedback("discussion", text("thought") + "\n\n" + v.message)
        return Feedback(v.status.value, v.message)
