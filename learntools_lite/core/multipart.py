"""Multipart: a question with parts (`q_2.a.check()`), kept while exercises still use it.

New exercises name each part as its own question (`q_2a`, `q_2b`); this
class stays until no exercise module builds one.
"""
from __future__ import annotations

from ..messages import text
from .display import Feedback, show
from .question import Question
from .verdict import Status, Verdict


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
