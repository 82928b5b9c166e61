"""q_6, q_7: compile and train the fuel-economy network with Keras.

Checked through Keras's public API only (see keras_checks.py): the compile
config for q_6, the History's params and logs for q_7. The batch size is
seen through the steps per epoch, which is why the exercise's batch size
is one whose steps also tell a `validation_split` apart (see q_7's test).
"""
from ..keras_checks import KerasCompileQuestion, KerasFitQuestion
from ..messages import catalogue
from .epochs import BATCH_SIZE, N_TRAIN, NUM_EPOCHS

_ = catalogue("ex3_sgd")

q_6 = KerasCompileQuestion(
    var="model",
    optimizer="adam",
    loss="mae",
    hints=[_("q_6.hint.1"), _("q_6.hint.2"), _("q_6.hint.3")],
)

q_7 = KerasFitQuestion(
    var="history",
    epochs=NUM_EPOCHS,
    batch_size=BATCH_SIZE,
    num_samples=N_TRAIN,
    validation=True,
    hints=[_("q_7.hint.1"), _("q_7.hint.2"), _("q_7.hint.3")],
)
