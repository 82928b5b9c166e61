"""The checker core: binder, blank, question kinds, verdicts and display.

Imports neither TensorFlow nor matplotlib, and NumPy only on first use, so
`import learntools_lite.core` stays cheap.

Where things are: question.py (the check contract every kind shares),
value.py, function.py, choice.py, thought.py, multipart.py (the kinds),
mistakes.py (named mistakes), compare.py and tolerance.py (comparing
values, one tolerance policy), safe.py (calling learner code with time
limits), triage.py (learner code or ours?), registry.py (naming an
exercise's questions), display.py, verdict.py, blank.py, binder.py.
"""
from ..messages import set_language
from . import compare
from .binder import binder
from .blank import ____
from .choice import MultipleChoice
from .function import Call, FunctionQuestion
from .mistakes import Mistake, axis_mistakes
from .multipart import Multipart
from .question import Question
from .registry import register
from .thought import ThoughtQuestion
from .value import ValueQuestion
from .verdict import Status, Verdict

__all__ = ["binder", "____", "Question", "ValueQuestion", "FunctionQuestion",
           "MultipleChoice", "ThoughtQuestion", "Multipart", "Mistake", "Call",
           "axis_mistakes", "register", "Status", "Verdict", "compare", "set_language"]
