"""The checker core: binder, blank, question kinds, verdicts and display.

Imports neither TensorFlow nor matplotlib, and NumPy only on first use, so
`import learntools_lite.core` stays cheap.
"""
from .binder import binder
from .blank import ____
from .questions import (Call, FunctionQuestion, Mistake, Multipart, MultipleChoice,
                        Question, ThoughtQuestion, ValueQuestion, axis_mistakes, register)
from .verdict import Status, Verdict

__all__ = ["binder", "____", "Question", "ValueQuestion", "FunctionQuestion",
           "MultipleChoice", "ThoughtQuestion", "Multipart", "Mistake", "Call",
           "axis_mistakes", "register", "Status", "Verdict"]
