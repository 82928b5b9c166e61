"""q_8, q_9: questions answered in the learner's own words, then compared with a discussion.

q_8 reads the loss curves of the Keras training; q_9 explores learning
rate, batch size and epochs with `animate_sgd`.
"""
from ..core import ThoughtQuestion
from ..messages import catalogue

_ = catalogue("ex3_sgd")

q_8 = ThoughtQuestion(
    var="answer_8",
    discussion=_("q_8.discussion"),
    hints=[_("q_8.hint.1"), _("q_8.hint.2"), _("q_8.hint.3")],
)

q_9 = ThoughtQuestion(
    var="answer_9",
    discussion=_("q_9.discussion"),
    hints=[_("q_9.hint.1"), _("q_9.hint.2"), _("q_9.hint.3")],
)
