"""What nbgrader test cells call: a checker the learner's cells cannot have touched.

A learner's cell can rebind `q_1` or `____`, or monkeypatch a checker class.
`fresh("ex1")` drops every loaded learntools_lite module and imports the
exercise again from disk, so the test cell grades with the package as
installed, using the very checker the learner saw (same messages).
"""
from __future__ import annotations

import importlib
import sys


def fresh(exercise: str):
    """The exercise module `learntools_lite.<exercise>`, imported anew."""
    for name in [m for m in sys.modules if m.split(".")[0] == "learntools_lite"]:
        del sys.modules[name]
    return importlib.import_module(f"learntools_lite.{exercise}")
