"""What nbgrader test cells call: a checker the learner's cells cannot have touched.

A test cell reads::

    from learntools_lite.testcell import fresh, grading
    _verdict = fresh("ex1").q_1.verdict(globals())
    assert _verdict.passed or not grading(), _verdict

* `fresh("ex1")` drops every loaded learntools_lite module and imports the
  exercise again from disk. A learner's cell can rebind `q_1` or `____`, or
  monkeypatch a checker class; the test cell still grades with the package
  as installed, using the very checker (and message) the learner saw.
* The assert fails only when nbgrader grades or validates the notebook. A
  learner who runs all cells of an unfinished exercise is not stopped at the
  first test cell: every `q_n.check()` below it still runs and says what to
  do. The assert stands in the cell itself, so a failure's traceback shows
  the test cell, not the checker's internals.
"""
from __future__ import annotations

import importlib
import os
import sys


def fresh(exercise: str):
    """The exercise module `learntools_lite.<exercise>`, imported anew."""
    for name in [m for m in sys.modules if m.split(".")[0] == "learntools_lite"]:
        del sys.modules[name]
    return importlib.import_module(f"learntools_lite.{exercise}")


def grading() -> bool:
    """True while nbgrader autogrades or validates (it sets NBGRADER_EXECUTION)."""
    return bool(os.environ.get("NBGRADER_EXECUTION"))
