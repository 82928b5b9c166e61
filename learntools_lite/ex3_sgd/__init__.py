"""Exercise 3, "Stochastic gradient descent": the questions and their checkers.

    from learntools_lite.core import binder; binder.bind(globals())
    from learntools_lite.ex3_sgd import *

Questions (module that holds each):

    q_1a  factors: what one step multiplies each coordinate by      learning_rate.py
    q_1b  largest_stable_lr: the limit set by the largest curvature learning_rate.py
    q_2   train_linear_sgd: find the bug in a mini-batch SGD loop   training_loop.py
    q_3a  steps_per_epoch of the Keras training                     epochs.py
    q_3b  last_batch_size: the smaller batch that ends an epoch     epochs.py
    q_4   w_after_adam: one Adam step worked out by hand            adam.py
    q_5   warmup_cosine: a warm-up plus cosine-decay schedule       schedule.py
    q_6   model compiled with Adam and the mean absolute error      keras_training.py
    q_7   history of `fit` with the asked batch size and epochs     keras_training.py
    q_8   answer_8: reading the loss curves (own words)             discussions.py
    q_9   answer_9: exploring SGD with animate_sgd (own words)      discussions.py

Every text a learner reads is in learntools_lite/messages/<lang>/ex3_sgd.py.
"""
from ..core import register
from ..core.blank import ____  # noqa: F401  (exported for the notebook)
from .adam import q_4
from .discussions import q_8, q_9
from .epochs import BATCH_SIZE, N_TRAIN, NUM_EPOCHS, q_3a, q_3b  # noqa: F401
from .keras_training import q_6, q_7
from .learning_rate import q_1a, q_1b
from .schedule import q_5
from .training_loop import q_2

__all__ = register(globals(), "ex3_sgd")
