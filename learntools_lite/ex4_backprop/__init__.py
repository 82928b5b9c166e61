"""Exercise 4, "Backpropagation": the questions and their checkers.

    from learntools_lite.core import binder; binder.bind(globals())
    from learntools_lite.ex4_backprop import *

The questions, and the module that holds each:

    q_1  predict the shapes of a hidden layer's gradients        predict.py
    q_2  find the bug in a fully connected layer's backward pass  layers.py
    q_3  a sigmoid layer's backward pass from its cached output  layers.py
    q_4  the derivative of the Huber loss                        losses.py
    q_5  one backward pass through a tiny network, by hand       predict.py
    q_6  a gradient checker (central differences)                gradient_check.py
    q_7  XOR trained with your own layers                        training.py
    q_8  why a batch of 256 diverges (multiple choice)           reasoning.py
    q_9  why gradient checks use central differences and float64 reasoning.py

Every text a learner reads is in messages/<language>/ex4_backprop.py.
"""
from ..core import register
from ..core.blank import ____  # noqa: F401  (exported for the notebook)
from .gradient_check import q_6
from .layers import q_2, q_3
from .losses import q_4
from .predict import q_1, q_5
from .reasoning import q_8, q_9
from .training import q_7

__all__ = register(globals(), "ex4_backprop")
