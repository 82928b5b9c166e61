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
"""
from __future__ import annotations

import math
import re
import sys
from collections.abc import Mapping, Sequence
from typing import Any

from .core import tolerance
from .core.question import Question
from .core.safe import describe_error, safe_repr, type_name
from .core.verdict import Blank, Incorrect, Uncheckable
from .messages import text

__all__ = ["KerasCompileQuestion", "KerasFitQuestion", "KerasModelQuestion",
           "canonical_loss", "canonical_optimizer"]

_ALIASES = {
    "mae": "mean_absolute_error",
    "mse": "mean_squared_error",
    "mape": "mean_absolute_percentage_error",
    "msle": "mean_squared_logarithmic_error",
    "huber_loss": "huber",
    "logcosh": "log_cosh",
    "kld": "kl_divergence",
    "kullback_leibler_divergence": "kl_divergence",
    "acc": "accuracy",
    "rmse": "root_mean_squared_error",
}


def _snake(name: str) -> str:
    """MeanAbsoluteError -> mean_absolute_error, KLDivergence -> kl_divergence."""
    s = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", name)
    return s.lower()


def _canonical(thing) -> str | None:
    """A loss or metric as one canonical snake_case name (None if unknown)."""
    if thing is None:
        return None
    if isinstance(thing, str):
        name = thing.strip()
        name = _snake(name) if any(c.isupper() for c in name) else name.lower()
    elif isinstance(thing, Mapping):  # a serialized object from get_compile_config()
        if thing.get("class_name") == "function" or thing.get("registered_name") == "function":
            return _canonical(str(thing.get("config", "")))
        config = thing.get("config")
        if thing.get("class_name") in ("LossFunctionWrapper", "MeanMetricWrapper") \
                and isinstance(config, Mapping) and "name" in config:
            return _canonical(str(config["name"]))
        name = _snake(str(thing.get("class_name", "")))
    elif isinstance(thing, type):
        name = _snake(thing.__name__)
    elif callable(thing) and hasattr(thing, "__name__") and not hasattr(thing, "get_config"):
        name = thing.__name__.lower()  # a loss function such as keras.losses.mae
    else:
        cls = type(thing).__name__
        if cls in ("LossFunctionWrapper", "MeanMetricWrapper"):
            try:
                name = _canonical(str(thing.get_config()["name"]))
            except Exception:
                name = _snake(cls)
        else:
            name = _snake(cls)
    return _ALIASES.get(name, name)


canonical_loss = _canonical


def canonical_optimizer(thing) -> str | None:
    """"adam", keras.optimizers.Adam(), the class, or its serialized dict -> "adam"."""
    if thing is None:
        return None
    if isinstance(thing, str):
        return thing.strip().lower()
    if isinstance(thing, Mapping):
        return str(thing.get("class_name", "")).lower()
    if isinstance(thing, type):
        return thing.__name__.lower()
    return type(thing).__name__.lower()


def _keras():
    """The loaded keras module, or None (then no value can be a Keras object)."""
    return sys.modules.get("keras")


# Metric names that `compile` resolves itself before keras.metrics.get is asked.
_COMPILE_METRIC_NAMES = {"acc", "accuracy", "crossentropy", "ce"}


def keras_rejects(kind: str, value) -> str | None:
    """Keras's own error for a string `value` of setting `kind`, or None if Keras takes it.

    `kind` is "loss", "optimizer" or "metric"; only strings are tried (an
    object or a function was accepted by Keras when it was passed).
    """
    keras = _keras()
    if keras is None or not isinstance(value, str):
        return None
    if kind == "metric" and value in _COMPILE_METRIC_NAMES:
        return None
    getter = {"loss": keras.losses.get, "optimizer": keras.optimizers.get,
              "metric": keras.metrics.get}[kind]
    try:
        if getter(value) is None:
            return describe_error(ValueError(value))
    except Exception as exc:
        return describe_error(exc)
    return None


def _is_model(value) -> bool:
    keras = _keras()
    return keras is not None and isinstance(value, keras.Model)


def _is_history(value) -> bool:
    keras = _keras()
    return keras is not None and isinstance(value, keras.callbacks.History)


def _show(values) -> str:
    return ", ".join(repr(v) for v in values) if values else "none"


class KerasCompileQuestion(Question):
    """model.compile(optimizer=..., loss=..., metrics=...) with the asked settings."""

    var = "model"
    optimizer: Any = "adam"
    loss: Any = "mae"
    metrics: Sequence | None = None
    learning_rate: float | None = None

    def _compile_config(self, model) -> dict:
        try:
            config = model.get_compile_config()
        except Exception:
            config = None
        if not config:
            optimizer = getattr(model, "optimizer", None)
            if optimizer is None:
                # Not compiled yet: the compile cell still holds its blank. That is
                # an unanswered question ("fill in"), not a wrong answer.
                raise Blank(text("keras.not_compiled", name=self.name))
            config = {"optimizer": optimizer, "loss": getattr(model, "loss", None),
                      "metrics": None}
        return config

    def _check(self, model):
        name = self.name
        if not _is_model(model):
            raise Incorrect(text("keras.not_model", name=name, actual=type_name(model)))
        config = self._compile_config(model)
        if self.optimizer is not None:
            self._accepted_by_keras("optimizer", config.get("optimizer"), self.optimizer)
            got = canonical_optimizer(config.get("optimizer"))
            want = canonical_optimizer(self.optimizer)
            if got != want:
                raise Incorrect(text("keras.compile", name=name,
                                     what=text("keras.what.optimizer"), actual=got,
                                     expected=want))
        if self.loss is not None:
            self._accepted_by_keras("loss", config.get("loss"), self.loss)
            got, want = _canonical(config.get("loss")), _canonical(self.loss)
            if got != want:
                raise Incorrect(text("keras.compile", name=name, what=text("keras.what.loss"),
                                     actual=got, expected=want))
        if self.learning_rate is not None:
            self._check_learning_rate(model, config)
        if self.metrics:
            self._check_metrics(config)
        return None

    def _accepted_by_keras(self, kind, given, asked):
        for value in given if kind == "metric" else [given]:
            error = keras_rejects(kind, value)
            if error is not None:
                what = {"loss": text("keras.what.loss"), "metric": text("keras.what.metric"),
                        "optimizer": text("keras.what.optimizer")}[kind]
                if kind == "metric":
                    expected = _show([_canonical(m) for m in asked])
                elif kind == "optimizer":
                    expected = canonical_optimizer(asked)
                else:
                    expected = _canonical(asked)
                raise Incorrect(text("keras.rejected", name=self.name, what=what,
                                     actual=value, error=error, expected=expected))

    def _check_learning_rate(self, model, config):
        rate = None
        optimizer = config.get("optimizer")
        if isinstance(optimizer, Mapping):
            rate = (optimizer.get("config") or {}).get("learning_rate")
        if not isinstance(rate, (int, float)):
            try:
                rate = float(model.optimizer.learning_rate)
            except Exception:
                rate = None
        if rate is None or not tolerance.close(float(rate), float(self.learning_rate)):
            shown = f"{float(rate):g}" if isinstance(rate, (int, float)) else safe_repr(rate)
            raise Incorrect(text("keras.compile", name=self.name,
                                 what=text("keras.what.learning_rate"), actual=shown,
                                 expected=f"{float(self.learning_rate):g}"))

    def _check_metrics(self, config):
        given = config.get("metrics") or []
        if isinstance(given, (str, Mapping)) or not isinstance(given, Sequence):
            given = [given]
        self._accepted_by_keras("metric", given, self.metrics)
        got = [_canonical(m) for m in given]
        want = [_canonical(m) for m in self.metrics]
        if not set(want) <= set(got):
            raise Incorrect(text("keras.metrics", name=self.name, actual=_show(got),
                                 expected=_show(want)))


class KerasFitQuestion(Question):
    """history = model.fit(..., epochs=..., batch_size=...) with the asked settings."""

    var = "history"
    epochs: int | None = None
    batch_size: int | None = None
    num_samples: int | None = None
    validation_split: float | None = None
    validation: bool | None = None
    metrics: Sequence[str] | None = None

    def _check(self, history):
        name = self.name
        if not _is_history(history):
            raise Incorrect(text("keras.no_history", name=name, actual=type_name(history)))
        params = dict(getattr(history, "params", None) or {})
        logs = dict(getattr(history, "history", None) or {})
        if self.epochs is not None:
            ran = params.get("epochs")
            if ran != self.epochs:
                raise Incorrect(text("keras.fit.epochs", actual=ran, expected=self.epochs))
            recorded = len(logs.get("loss", ()))
            if recorded != self.epochs:
                raise Incorrect(text("keras.fit.stopped", name=name, actual=recorded,
                                     expected=self.epochs))
        if self.batch_size is not None:
            self._check_batch_size(params, validated="val_loss" in logs)
        if (self.validation or self.validation_split) and "val_loss" not in logs:
            raise Incorrect(text("keras.fit.no_validation", name=name))
        for metric in self.metrics or ():
            if metric not in logs:
                raise Incorrect(text("keras.fit.metric", name=name, metric=metric))
        return None

    def _train_sizes(self) -> list[int]:
        """Training-set sizes that a right answer can have trained on."""
        n = int(self.num_samples)
        if self.validation_split:
            # Keras keeps floor(n * (1 - split)) samples for training; a learner
            # who passed validation_data instead trains on all n.
            return [_kept_for_training(n, self.validation_split), n]
        return [n]

    def _check_batch_size(self, params, validated: bool = False):
        if "batch_size" in params and params["batch_size"] is not None:
            if params["batch_size"] != self.batch_size:  # older Keras records it
                raise Incorrect(text("keras.fit.batch_size", steps=params.get("steps", "?"),
                                     samples=self.num_samples or "?",
                                     actual=params["batch_size"], expected=self.batch_size,
                                     expected_steps="?"))
            return
        steps = params.get("steps")
        if not isinstance(steps, int) or self.num_samples is None:
            raise Uncheckable(text("keras.fit.no_steps", name=self.name))
        sizes = self._train_sizes()
        if any(steps == math.ceil(n / self.batch_size) for n in sizes):
            return
        n = sizes[0]
        if self.validation_split:
            raise Incorrect(text("keras.fit.batch_size_split", steps=steps, kept=n,
                                 samples=self.num_samples, expected=self.batch_size,
                                 split=self.validation_split,
                                 expected_steps=math.ceil(n / self.batch_size)))
        if validated:
            raise Incorrect(text("keras.fit.batch_size_unasked_split", steps=steps,
                                 samples=n, expected=self.batch_size,
                                 expected_steps=math.ceil(n / self.batch_size)))
        raise Incorrect(text("keras.fit.batch_size", steps=steps, samples=n,
                             actual=math.ceil(n / max(steps, 1)), expected=self.batch_size,
                             expected_steps=math.ceil(n / self.batch_size)))


def _kept_for_training(n: int, split: float) -> int:
    """The samples Keras trains on for fit(..., validation_split=split): the first
    floor(n * (1 - split)) (keras.utils.split_dataset's rule for arrays)."""
    return max(1, int(math.floor(n * (1.0 - split))))


def _activation_name(value) -> str:
    if value is None:
        return "linear"
    if isinstance(value, str):
        return value.lower()
    if isinstance(value, Mapping):
        return str(value.get("config", value.get("class_name", ""))).lower()
    return str(getattr(value, "__name__", type(value).__name__)).lower()


def _same(key: str, actual, expected) -> bool:
    if key == "activation":
        return _activation_name(actual) == _activation_name(expected)
    if isinstance(expected, (list, tuple)):
        return isinstance(actual, (list, tuple)) and len(actual) == len(expected) and all(
            _same(key, a, e) for a, e in zip(actual, expected))
    if isinstance(expected, int) and isinstance(actual, (list, tuple)) and actual:
        return all(_same(key, a, expected) for a in actual)  # kernel_size=3 == (3, 3)
    if isinstance(expected, float) and isinstance(actual, (int, float)):
        return tolerance.close(actual, expected)
    return actual == expected


def _describe(class_name: str, config: Mapping, keys) -> str:
    shown = ", ".join(f"{k}={config.get(k)!r}" for k in keys if k in config)
    return f"{class_name}({shown})"


class KerasModelQuestion(Question):
    """A model with the asked layers (and input shape, and parameter count)."""

    var = "model"
    layers: Sequence[tuple[str, Mapping]] = ()
    input_shape: tuple | None = None
    params: int | None = None

    def _learner_layers(self, model) -> list[tuple[str, dict]]:
        out = []
        fold = not any(spec[0] == "Activation" for spec in self.layers)
        for layer in model.layers:
            cls = type(layer).__name__
            if cls == "InputLayer":
                continue
            config = dict(layer.get_config())
            if (fold and cls == "Activation" and out
                    and _activation_name(out[-1][1].get("activation", "")) == "linear"
                    and "activation" in out[-1][1]):
                out[-1][1]["activation"] = _activation_name(config.get("activation"))
                continue
            out.append((cls, config))
        return out

    def _check(self, model):
        name = self.name
        if not _is_model(model):
            raise Incorrect(text("keras.not_model", name=name, actual=type_name(model)))
        if self.layers:
            got = self._learner_layers(model)
            for index, ((want_cls, want_cfg), (cls, cfg)) in enumerate(zip(self.layers, got)):
                wrong = cls != want_cls or any(
                    not _same(k, cfg.get(k), v) for k, v in dict(want_cfg).items())
                if wrong:
                    raise Incorrect(text("keras.layer", index=index + 1,
                                         expected=_describe(want_cls, want_cfg, want_cfg),
                                         actual=_describe(cls, cfg, want_cfg)))
            if len(got) != len(self.layers):
                raise Incorrect(text("keras.layers", expected=len(self.layers), actual=len(got)))
        if self.input_shape is not None or self.params is not None:
            try:
                shape = tuple(model.input_shape)[1:]
                count = model.count_params()
            except Exception:
                raise Incorrect(text("keras.not_built", name=name))
            if self.input_shape is not None and not _same("input_shape", shape,
                                                          tuple(self.input_shape)):
                raise Incorrect(text("keras.input_shape", actual=shape,
                                     expected=tuple(self.input_shape)))
            if self.params is not None and count != self.params:
                raise Incorrect(text("keras.params", actual=count, expected=self.params))
        return None
