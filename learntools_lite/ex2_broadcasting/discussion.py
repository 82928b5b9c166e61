"""The thought question q_8: when broadcasting hides a bug, and which habits catch it.

The learner writes an answer in their own words (`answer_8`); the check asks
for one until it is written and then shows the discussion.
"""
from ..core import ThoughtQuestion
from ..messages import catalogue

_ = catalogue("ex2_broadcasting")

q_8 = ThoughtQuestion(
    var="answer_8",
    discussion=_("q_8.discussion"),
    hints=[_("q_8.hint.1"), _("q_8.hint.2"), _("q_8.hint.3")],
)
