"""q_3a, q_3b: steps per epoch and the last batch, predicted before `fit` shows them.

The numbers are those of the exercise's Keras training (q_7): the fuel
data's training part with the asked batch size. Each expected value is
counted by cutting the rows into batches (`np.array_split` at multiples
of the batch size), not by the formula the learner writes.
"""
import numpy as np

from ..core import Mistake, ValueQuestion
from ..messages import catalogue

_ = catalogue("ex3_sgd")

# Rows of the fuel data in the exercise's set-up cell: 392 complete cars (8 lack
# the MPG, 6 the horsepower); 75 % of them, `sample(frac=0.75, random_state=0)`,
# train. tests/test_ex3_sgd.py recomputes both numbers from the data.
N_CARS = 392
N_TRAIN = 294
BATCH_SIZE = 64
NUM_EPOCHS = 100


def batches(num_samples=N_TRAIN, batch_size=BATCH_SIZE):
    """The batches of one epoch, as index arrays: consecutive slices of batch_size rows."""
    cuts = np.arange(batch_size, num_samples, batch_size)
    return np.array_split(np.arange(num_samples), cuts)


def _steps_per_epoch(num_samples=N_TRAIN):
    return len(batches(num_samples))


def _last_batch_size(num_samples=N_TRAIN):
    return len(batches(num_samples)[-1])


q_3a = ValueQuestion(
    var="steps_per_epoch",
    reveal=False,  # a prediction: feedback never shows the answer
    expected=_steps_per_epoch,
    mistakes=[
        Mistake(_("q_3a.mistake.floor"), wrong=lambda e: N_TRAIN // BATCH_SIZE),
        Mistake(_("q_3a.mistake.fraction"), wrong=lambda e: N_TRAIN / BATCH_SIZE),
        Mistake(_("q_3a.mistake.samples"), wrong=lambda e: N_TRAIN),
        Mistake(_("q_3a.mistake.all_cars"), wrong=lambda e: _steps_per_epoch(N_CARS)),
    ],
    hints=[_("q_3a.hint.1"), _("q_3a.hint.2"), _("q_3a.hint.3")],
)

q_3b = ValueQuestion(
    var="last_batch_size",
    reveal=False,  # a prediction: feedback never shows the answer
    expected=_last_batch_size,
    mistakes=[
        Mistake(_("q_3b.mistake.full"), wrong=lambda e: BATCH_SIZE),
        Mistake(_("q_3b.mistake.missing"), wrong=lambda e: BATCH_SIZE - e),
        Mistake(_("q_3b.mistake.all_cars"), wrong=lambda e: _last_batch_size(N_CARS)),
        Mistake(_("q_3b.mistake.whole"), wrong=lambda e: N_TRAIN),
        Mistake(_("q_3b.mistake.fraction"), wrong=lambda e: e / BATCH_SIZE),
    ],
    hints=[_("q_3b.hint.1"), _("q_3b.hint.2"), _("q_3b.hint.3")],
)
