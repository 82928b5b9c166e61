"""Questions 8 and 9: a diagnosis (multiple choice) and a thought question in the
learner's own words."""
from ..core import MultipleChoice, ThoughtQuestion
from ..messages import catalogue

_ = catalogue("ex4_backprop")

q_8 = MultipleChoice(
    var="answer_8",
    options={letter: _(f"q_8.option.{letter}") for letter in "abcd"},
    answer="a",
    explanations={letter: _(f"q_8.explain.{letter}") for letter in "abcd"},
    hints=[_("q_8.hint.1"), _("q_8.hint.2"), _("q_8.hint.3")],
)

q_9 = ThoughtQuestion(
    var="answer_9",
    discussion=_("q_9.discussion"),
    hints=[_("q_9.hint.1"), _("q_9.hint.2"), _("q_9.hint.3")],
)
