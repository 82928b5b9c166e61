"""Exercise 5, "Convolutional networks": the questions and their checkers.

    from learntools_lite.core import binder; binder.bind(globals())
    from learntools_lite.ex5_cnn import *

Questions (texts, hints and messages: messages/<lang>/ex5_cnn.py):

- q_1  find the bug: the output-size formula `conv_output_size` ........ sizes.py
- q_2a predict a padded, strided Conv2D's output shape ................... sizes.py
- q_2b predict its parameter count (Keras's count_params confirms) ........ sizes.py
- q_3  one output value of a two-channel convolution, by hand ............ sizes.py
- q_4  find the bug: a Conv2D forward pass that flips the kernel ......... forward.py
- q_5  average pooling backward, any stride (overlapping windows) ........ pooling.py
- q_6  a Conv2D backward pass, (dX, dK, db) ............................... backward.py
- q_7  your own CNN: 97% on held-out MNIST test images .................... trained_cnn.py
- q_8  thought question: why weight sharing generalises ................. trained_cnn.py

The oracles (oracles.py) are independent of every solution: SciPy's
correlate2d/convolve2d, plain loops and central differences; question 2's
answers are what Keras reports, shipped as data (tests/test_ex5_cnn.py asks
Keras). SciPy and Keras are imported only when a check needs them.
"""
from ..core import register
from ..core.blank import ____  # noqa: F401  (exported for the notebook)
from .backward import q_6
from .forward import q_4
from .pooling import q_5
from .sizes import q_1, q_2a, q_2b, q_3
from .trained_cnn import q_7, q_8

__all__ = register(globals(), "ex5_cnn")
