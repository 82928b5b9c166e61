"""MultipleChoice: the learner assigns the letter of an option."""
from __future__ import annotations

from collections.abc import Mapping

from ..messages import resolve, text
from . import compare as cmp
from .question import Question
from .verdict import Incorrect


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
                                 actual=cmp.SafeRepr(value)))
        if letter == self.answer:
            return None
        explanation = resolve(self.explanations.get(letter)) or text(
            "choice.other", name=name, actual=letter)
        raise Incorrect(text("choice.wrong", explanation=explanation))

    def _correct_message(self) -> str:
        return resolve(self.explanations.get(self.answer, ""))
