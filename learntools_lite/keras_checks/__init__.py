"""Question kinds that check Keras 3 models, their compile and fit settings.

Only public APIs are read: `model.get_compile_config()`, `model.optimizer`,
`model.loss`, `model.layers`, `layer.get_config()`, `model.input_shape`,
`model.count_params()`, `history.params`, `history.history`. Keras itself is
never imported here: a learner who has a model has Keras loaded already, and
a value is recognised as a Keras object only if `keras` is in `sys.modules`
(so importing this module, or checking a wrong value, stays cheap).

KerasCompileQuestion(var="model", optimizer="adam", loss="mae",
                     metrics=None, learning_rate=None, hints=...)
    The model in `var` was compiled with this optimizer and loss. Strings,
    objects, classes and functions are equivalent: "adam" ==
    keras.optimizers.Adam(); "mae" == "mean_absolute_error" ==
    keras.losses.MeanAbsoluteError() == keras.losses.mean_absolute_error.
    A string is first resolved as Keras itself would (`keras.losses.get`,
    `keras.optimizers.get`, `keras.metrics.get`): a setting Keras rejects,
    such as loss="Mean_Absolute_Error" (compile accepts it; fit fails), is
    Incorrect, with a message naming the setting and Keras's error.
    `metrics`: metrics that must be among the compiled ones (aliases too:
    "mae", "acc"). `learning_rate`: the optimizer's learning rate (the
    tolerance policy of core/tolerance.py; it is stored as float32). Any
    argument left None is not checked.

KerasFitQuestion(var="history", epochs=200, batch_size=128, num_samples=None,
                 validation_split=None, validation=None, metrics=None)
    `var` holds the History returned by `model.fit(...)`. Checks the epochs
    asked for (`history.params["epochs"]`) and that every epoch ran
    (`len(history.history["loss"])`). Keras 3 does not record the batch
    size, so it is checked through the steps per epoch:
    steps == ceil(n_train / batch_size), where n_train is `num_samples`
    (the size of the training arrays the exercise gives to `fit`), reduced
    as Keras does when `validation_split` is asked for. When the history
    has `val_loss` (the learner may have held out samples with a
    `validation_split` the question did not ask for) and the steps do not
    fit `num_samples`, the message names both `batch_size` and
    `validation_split`, never the batch size alone: the steps cannot tell
    batch_size=256 on all 294 samples from batch_size=128 on the 235 that
    validation_split=0.2 leaves. Give `num_samples`
    whenever `batch_size` is asked (batch sizes with the same number of
    steps cannot be told apart, e.g. 100 and 128 for 294 samples; 32, the
    default, and 999 can). `validation=True` asks for `val_loss` in the
    history (implied by `validation_split`); `metrics` names history keys
    that must be present (e.g. ["mae"]).

KerasModelQuestion(var="model", layers=[("Dense", {"units": 128, "activation": "relu"}),
                                        ...], input_shape=None, params=None)
    Architecture, layer by layer: class name and every config key given
    (activation "relu" == keras.activations.relu; kernel_size 3 == (3, 3);
    a Dense followed by an Activation layer counts as a Dense with that
    activation unless the spec lists Activation layers itself). InputLayer
    is skipped. The first differing layer is named. `input_shape`: without
    the batch axis, e.g. (9,) or (28, 28, 1). `params`: the total count.

The package: names.py (one canonical name per setting, what Keras rejects),
compile.py, fit.py, architecture.py (one question kind each).
"""
from .architecture import KerasModelQuestion
from .compile import KerasCompileQuestion
from .fit import KerasFitQuestion, _kept_for_training  # noqa: F401
from .names import (KERAS_ACCEPTS, _canonical, _is_history, _is_model, canonical_loss,  # noqa: F401
                    canonical_optimizer, is_history, is_model, keras_rejects)

__all__ = ["KerasCompileQuestion", "KerasFitQuestion", "KerasModelQuestion",
           "KERAS_ACCEPTS", "canonical_loss", "canonical_optimizer", "is_history", "is_model",
           "keras_rejects"]
