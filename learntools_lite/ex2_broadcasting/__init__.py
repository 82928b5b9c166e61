"""Exercise 2, "Broadcasting": the questions and their checkers.

    from learntools_lite.core import binder; binder.bind(globals())
    from learntools_lite.ex2_broadcasting import *

The questions, and the module that holds each one:

- q_1a, q_1b, q_1c: predict the result shape of two shapes, or "error" (predictions)
- q_2: predict the value of a loss that broadcasts (n,) against (n, 1) (predictions)
- q_3: find the bug: a batch of sequences standardised over the wrong axes (find_the_bug)
- q_4: add one bias per channel to channels-first feature maps (layers)
- q_5: find the bug: a binary cross-entropy that silently builds an (n, n) table (find_the_bug)
- q_6: derive the memory of the (n, m, d) intermediate of pairwise distances (predictions)
- q_7: a numerically stable softmax over the rows (layers)
- q_8: thought question: when broadcasting hides a bug, and what habits catch it (discussion)

Every text a learner reads is in the message catalogue,
`learntools_lite/messages/<language>/ex2_broadcasting.py`.
"""
from ..core import register
from ..core.blank import ____  # noqa: F401  (exported for the notebook)
from .discussion import q_8
from .find_the_bug import q_3, q_5
from .layers import q_4, q_7
from .predictions import q_1a, q_1b, q_1c, q_2, q_6

__all__ = register(globals(), "ex2_broadcasting")
