"""The question kinds under their former module name (older imports keep working).

The kinds live one per module: question.py (the contract), value.py,
choice.py, thought.py, function.py, multipart.py; mistakes.py names
mistakes, triage.py tells learner code from ours, registry.py names an
exercise's questions.
"""
from .choice import MultipleChoice
from .function import Call, FunctionQuestion
from .mistakes import Mistake, axis_mistakes
from .multipart import Multipart
from .question import Question
from .registry import register
from .thought import ThoughtQuestion
from .triage import raised_in_learner_code
from .value import ValueQuestion

__all__ = ["Call", "FunctionQuestion", "Mistake", "Multipart", "MultipleChoice", "Question",
           "ThoughtQuestion", "ValueQuestion", "axis_mistakes", "raised_in_learner_code",
           "register"]
