"""What `from learntools_lite.exN import *` gives inside the grading sandbox.

The kernel that runs a submission gets a build of the package in which each
exercise module holds only these stubs: the question names and parts, the
blank `____`, and no expected values, oracles, hints or solutions. Their
check, hint and solution say that grading happens outside the kernel.
"""
from __future__ import annotations

from ..messages import text
from .blank import ____  # noqa: F401
from .display import Feedback, show


class GradingStub:
    """A question's name, nothing more; its parts are stubs too."""

    def __init__(self, qid: str, parts=()):
        self.qid = qid
        for part in parts:
            setattr(self, part, GradingStub(f"{qid}.{part}"))

    def _say(self, *args, **kwargs):
        show(Feedback("hint", text("grading.outside", qid=self.qid)))

    check = hint = solution = _say

    def __repr__(self):
        return f"<{self.qid}: graded outside this kernel>"


def stubs(questions: dict) -> dict:
    """{"q_1": [], "q_2": ["a", "b"]} -> {"q_1": GradingStub, ...}."""
    return {qid: GradingStub(qid, parts) for qid, parts in questions.items()}
