"""What nbgrader test cells call. One text, two readers: the learner's kernel and the grader.

A test cell reads::

    from learntools_lite.testcell import grade, answer
    _verdict = grade("ex1_tensors", "q_1")
    assert _verdict, _verdict
    ### BEGIN HIDDEN TESTS
    import numpy as np
    batch = answer("batch")
    assert np.shape(batch) == (4, 28, 28)
    ### END HIDDEN TESTS

* In the learner's kernel (JupyterLab, `nbgrader validate`), `grade` judges
  the answer with the question as installed (`fresh`: a learner's cell may
  have rebound `q_1` or patched a checker) and shows the verdict the way
  `q_1.check()` does. It raises only while nbgrader validates (then the
  cell must fail, with the one-line TestCellFailed: "q_1: Incorrect: ...");
  a learner's Run All is never stopped at a test cell.
  `answer(name)` is the learner's variable.
* At grading time the cell never runs in the kernel. The trusted grader
  (`grading/verdicts.py`) runs the cell's text as restored from the
  gradebook, in its own process, inside `trusted(answers)`: `grade` judges
  the data the kernel returns with the same question definition (and
  extra inputs drawn from a secret seed), and raises AssertionError with
  the verdict when it fails; `answer(name)` is the learner's value fetched
  as data, a learner function that runs in the kernel on inputs sent from
  here, or a Keras model rebuilt from its config and weights.
"""
from __future__ import annotations

import copy
import importlib
import os
import secrets
import sys
from contextlib import contextmanager

_answers = None          # set by the grader while it judges a test cell
_secret_seed: int | None = None


def fresh(exercise: str):
    """The exercise module `learntools_lite.<exercise>`, imported anew."""
    for name in [m for m in sys.modules if m.split(".")[0] == "learntools_lite"
                 and not m.startswith("learntools_lite.grading")]:
        del sys.modules[name]
    return importlib.import_module(f"learntools_lite.{exercise}")


def grading() -> bool:
    """True while nbgrader autogrades or validates (it sets NBGRADER_EXECUTION)."""
    return bool(os.environ.get("NBGRADER_EXECUTION"))


@contextmanager
def trusted(answers, seed: int | None = None):
    """Inside: `grade` and `answer` read `answers` (the grader's LearnerAnswers)."""
    global _answers, _secret_seed
    _answers, _secret_seed = answers, seed if seed is not None else secrets.randbits(63)
    try:
        yield
    finally:
        _answers, _secret_seed = None, None


def question(exercise: str, qid: str):
    """`q_1` or `q_2.a` of `learntools_lite.<exercise>`, as installed."""
    module = importlib.import_module(f"learntools_lite.{exercise}")
    found = module
    for part in qid.split("."):
        found = getattr(found, part)
    return found


def grade(exercise: str, qid: str):
    """Judge question `qid`; where the grader runs it, fail the cell unless it passed."""
    if _answers is None:
        return _grade_here(exercise, qid, sys._getframe(1).f_globals)
    from .core.verdict import Status

    graded = for_grading(question(exercise, qid), _secret_seed)
    for part in graded.parts.values() if hasattr(graded, "parts") else [graded]:
        for name in part.var_names:  # fetched (a model rebuilt) before the check's own time limit starts
            _answers.prepare(name, keras_objects=part.reads_keras_objects)
    verdict = graded.verdict(_answers)
    if verdict.status is not Status.CORRECT:
        raise AssertionError(str(verdict))
    print(str(verdict))
    return Shown(verdict, True)


class Shown:
    """A verdict as a test cell's assert sees it: true unless it must fail the cell."""

    def __init__(self, verdict, ok: bool):
        self.verdict, self.ok = verdict, ok

    def __bool__(self):
        return self.ok

    def __str__(self):
        return str(self.verdict)

    __repr__ = __str__


class TestCellFailed(AssertionError):
    """A failed test cell, shown as one line of plain text: "q_3: Incorrect: ...".

    IPython shows an exception that has `_render_traceback_` as the lines that
    method returns, in place of a traceback. So where nbgrader runs the cell in
    the learner's kernel (`nbgrader validate`, the Validate button of its
    JupyterLab extension), the failed cell's error, which is what the Validate
    dialog quotes, is the question and its verdict, not a traceback.
    """

    __test__ = False  # not a pytest test class

    def __init__(self, qid: str, verdict):
        super().__init__(str(verdict))
        self.qid, self.verdict = qid, verdict

    def summary(self) -> str:
        """The verdict on one line, without the backticks that mark code in notebooks."""
        return f"{self.qid}: " + " ".join(str(self.verdict).replace("`", "").split())

    def _render_traceback_(self) -> list[str]:
        return [self.summary()]


def _grade_here(exercise, qid, namespace):
    from .core.display import Feedback, show

    found = fresh(exercise)
    for part in qid.split("."):
        found = getattr(found, part)
    verdict = found.verdict(namespace)
    show(Feedback(verdict.status.value, verdict.message))
    if grading() and not verdict.passed:
        raise TestCellFailed(qid, verdict)
    return Shown(verdict, verdict.passed or not grading())


def answer(name: str):
    """The learner's answer `name` (a variable, or `net.predict`)."""
    if _answers is not None:
        return _answers[name]
    namespace = sys._getframe(1).f_globals
    head, *rest = name.split(".")
    value = namespace[head]
    for attr in rest:
        value = getattr(value, attr)
    return value


def for_grading(q, seed: int | None):
    """The question as graded: the public inputs the learner saw, plus as many secret ones.

    A FunctionQuestion's `random_cases` are drawn again from `seed`, which
    only the grader knows, so an answer that special-cases the public inputs
    fails. Multipart questions get this for every part.
    """
    from .core.questions import FunctionQuestion, Multipart

    if isinstance(q, Multipart):
        return Multipart(**{k: for_grading(p, seed) for k, p in q.parts.items()})
    if not isinstance(q, FunctionQuestion) or q.random_cases is None or seed is None:
        return q
    import numpy as np

    graded = copy.copy(q)
    public = q.all_cases

    def all_cases():
        rng = np.random.default_rng([seed, sum(map(ord, q.qid))])
        return public() + [tuple(q.random_cases(rng)) for _ in range(q.n_random)]

    graded.all_cases = all_cases
    graded.check_timeout = q.check_timeout + q.timeout * q.n_random
    return graded


class TestFunction:
    """A test function given as source (`"lambda x: np.sum(x ** 3)"`), so the kernel can rebuild it.

    A hidden test that hands a function to the learner's code (a gradient
    checker's f) uses this: the grader sends the source and `env` (arrays)
    as data, and the kernel evaluates it with NumPy as `np`. `cast="float"`
    returns float(f(x)).
    """

    __test__ = False  # not a pytest test class

    def __init__(self, code: str, cast: str | None = None, **env):
        import numpy as np

        self.code, self.cast, self.env = code, cast, env
        self._f = eval(code, {"np": np, **env})  # instructor-written source

    def __call__(self, x):
        import numpy as np

        y = self._f(np.asarray(x, dtype=float))
        return float(y) if self.cast == "float" else y

    def wire_spec(self):
        return self.code, self.env, self.cast

    def __repr__(self):
        return self.code
