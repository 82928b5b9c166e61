"""Autograder test cells judged in the trusted grader, their verdicts written as the cell's outputs.

`TestCellJudge.judge(cell)` takes the test cell's text from the gradebook
(the instructor's source, hidden tests included; never the submission's
copy), runs it in THIS process inside `testcell.trusted(...)`, where
`grade(...)` and `answer(...)` read the learner's answers as data through
`remote.LearnerAnswers`, and returns nbgrader outputs:

* passed: a stream output with the verdict ("Correct: ..."): full points;
* failed: an error output whose message is the visible check's verdict
  (what `q_n.check()` says), or "a hidden test failed" with no detail, so
  feedback never shows hidden tests; a kernel that gave no usable answer
  is named as the reason. nbgrader scores a test cell with an error 0.

One secret seed per submission draws the extra inputs of function questions.
"""
from __future__ import annotations

import io
import secrets
import traceback
from contextlib import redirect_stderr, redirect_stdout

import numpy as np
from nbformat.v4 import new_output

from .. import testcell
from ..core.safe import time_limit
from .queries import KernelQueries, QueryFailed
from .remote import LearnerAnswers

HIDDEN_BEGIN, HIDDEN_END = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"
FILENAME = "<test cell>"
MAX_MESSAGE = 4000


def hidden_lines(source: str) -> set[int]:
    """1-based line numbers of the hidden-test region (markers included)."""
    lines, inside = set(), False
    for number, line in enumerate(source.splitlines(), 1):
        if line.strip().startswith(HIDDEN_BEGIN):
            inside = True
        if inside:
            lines.add(number)
        if line.strip().startswith(HIDDEN_END):
            inside = False
    return lines


def _failing_line(exc: BaseException) -> int | None:
    """The line of the test cell where `exc` was raised (its frame in the cell)."""
    line = None
    for frame, lineno in traceback.walk_tb(exc.__traceback__):
        if frame.f_code.co_filename == FILENAME:
            line = lineno
    return line


class JudgeTimeout(BaseException):
    """A test cell ran past its time (a BaseException: the checks' own handlers let it through)."""


class TestCellJudge:
    """Judges the test cells of one notebook against one kernel (`connect()` -> KernelQueries)."""

    def __init__(self, connect, events: list[str], seed: int | None = None,
                 call_timeout: float | None = None, cell_timeout: float = 600):
        self.connect, self.events, self.cell_timeout = connect, events, cell_timeout
        self.broken: str | None = None
        self.seed = secrets.randbits(63) if seed is None else seed
        self.call_timeout = call_timeout

    def judge(self, grade_id: str, source: str) -> list:
        """The outputs of one test cell. Its queries use sockets of their own, opened now:
        they receive nothing the learner's cells printed before (a flood would drown the answers)."""
        if self.broken:
            self.events.append(f"{grade_id}: not judged, {self.broken}; scored 0")
            return [new_output("error", ename="QueryFailed", evalue=f"not judged: {self.broken}",
                               traceback=[f"QueryFailed: not judged: {self.broken}"])]
        self.queries: KernelQueries = self.connect()
        try:
            return self._judge(grade_id, source)
        finally:
            self.broken = self.queries.broken
            self.queries.close()

    def _judge(self, grade_id: str, source: str) -> list:
        answers = LearnerAnswers(self.queries, self.call_timeout)
        failures_before = len(self.queries.failures)
        printed = io.StringIO()
        outcome = None
        try:
            code = compile(source, FILENAME, "exec")
            with testcell.trusted(answers, self.seed), redirect_stdout(printed), \
                    redirect_stderr(io.StringIO()), time_limit(self.cell_timeout, JudgeTimeout):
                exec(code, {"__name__": "__test_cell__", "np": np})  # as after the setup cell
        except JudgeTimeout:
            outcome = ("TimeoutError", f"the test took longer than {self.cell_timeout:g} s")
            self.events.append(f"{grade_id}: the test ran past {self.cell_timeout:g} s; scored 0")
        except QueryFailed as exc:
            outcome = ("QueryFailed", f"the kernel gave no usable answer: {exc}")
        except Exception as exc:  # an assert of the test cell, or an error in it
            hidden = _failing_line(exc) in hidden_lines(source)
            if hidden:
                outcome = ("AssertionError", "a hidden test failed")
            elif isinstance(exc, AssertionError):
                outcome = ("AssertionError", str(exc) or "the test failed")
            else:
                outcome = (type(exc).__name__, f"{type(exc).__name__}: {exc}")
        for reason in self.queries.failures[failures_before:]:
            self.events.append(f"{grade_id}: the kernel gave no usable answer ({reason}); scored 0")
        if outcome is None:
            text = printed.getvalue()[:MAX_MESSAGE] or "Correct\n"
            return [new_output("stream", name="stdout", text=text)]
        ename, message = outcome
        message = message[:MAX_MESSAGE]
        return [new_output("error", ename=ename, evalue=message, traceback=[f"{ename}: {message}"])]
