"""What a check concludes, kept apart from how it is shown.

Every check ends in exactly one Verdict. The contract, stated once:

* CORRECT      the answer passes every test;
* INCORRECT    the answer was judged and is wrong; `message` says why;
* BLANK        the learner has not answered yet (a `____` is left, or the
               variable is not defined);
* UNCHECKABLE  the answer could not be judged (e.g. the notebook is not
               bound, or using the learner's value raised); `message` says
               why. `internal` is True only when the checker itself failed
               (a bug: the fuzz tests look for these).
"""
from __future__ import annotations

import enum
from dataclasses import dataclass


class Status(enum.Enum):
    CORRECT = "correct"
    INCORRECT = "incorrect"
    BLANK = "blank"
    UNCHECKABLE = "uncheckable"


@dataclass(frozen=True)
class Verdict:
    status: Status
    message: str = ""
    internal: bool = False

    def __str__(self) -> str:
        """What the learner saw, e.g. "Incorrect: `x` has shape (3,) ..." (used in asserts)."""
        from ..messages import text

        label = text(f"label.{self.status.value}")
        return f"{label}: {self.message}" if self.message else label

    @property
    def passed(self) -> bool:
        return self.status is Status.CORRECT

    @classmethod
    def correct(cls, message: str = "") -> "Verdict":
        return cls(Status.CORRECT, message)

    @classmethod
    def incorrect(cls, message: str) -> "Verdict":
        return cls(Status.INCORRECT, message)

    @classmethod
    def blank(cls, message: str) -> "Verdict":
        return cls(Status.BLANK, message)

    @classmethod
    def uncheckable(cls, message: str) -> "Verdict":
        return cls(Status.UNCHECKABLE, message)


class Incorrect(Exception):
    """Raised inside a check to end it with an INCORRECT verdict."""


class Blank(Exception):
    """Raised inside a check to end it with a BLANK verdict."""


class Uncheckable(Exception):
    """Raised inside a check to end it with an UNCHECKABLE verdict."""
