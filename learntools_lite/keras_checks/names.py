"""Keras settings as one canonical name each, and what Keras itself rejects."""
from __future__ import annotations

import re
import sys
from collections.abc import Mapping

from ..core.safe import describe_error
from ..messages import text

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


# Strings Keras's getters take (tests/test_keras_checks.py asks Keras about each), so that the
# grader, which reads a compile config as data, need not import Keras to know they are fine.
KERAS_ACCEPTS = {
    "loss": {"mae", "mse", "mape", "msle", "kld", "MAE", "MSE", "mean_absolute_error", "mean_squared_error",
             "mean_absolute_percentage_error", "mean_squared_logarithmic_error", "kl_divergence",
             "huber", "log_cosh", "hinge", "binary_crossentropy", "categorical_crossentropy",
             "sparse_categorical_crossentropy", "MeanAbsoluteError", "MeanSquaredError", "Huber",
             "BinaryCrossentropy", "CategoricalCrossentropy", "SparseCategoricalCrossentropy"},
    "optimizer": {"adam", "sgd", "rmsprop", "adamw", "adagrad", "adadelta", "adamax", "nadam", "ftrl",
                  "lion", "Adam", "SGD", "RMSprop", "AdamW"},
    "metric": {"mae", "mse", "accuracy", "mean_absolute_error", "mean_squared_error",
               "root_mean_squared_error", "binary_accuracy", "categorical_accuracy", "sparse_categorical_accuracy",
               "top_k_categorical_accuracy", "auc", "AUC", "precision", "recall", "MeanAbsoluteError"},
}


def keras_rejects(kind: str, value) -> str | None:
    """Keras's own error for a string `value` of setting `kind`, or None if Keras takes it.

    `kind` is "loss", "optimizer" or "metric"; only strings are tried (an
    object or a function was accepted by Keras when it was passed). A string
    not in KERAS_ACCEPTS is put to Keras itself, imported if need be.
    """
    if not isinstance(value, str) or value in KERAS_ACCEPTS[kind]:
        return None
    if kind == "metric" and value in _COMPILE_METRIC_NAMES:
        return None
    import keras
    getter = {"loss": keras.losses.get, "optimizer": keras.optimizers.get,
              "metric": keras.metrics.get}[kind]
    try:
        if getter(value) is None:
            return describe_error(ValueError(value))
    except Exception as exc:
        return describe_error(exc)
    return None


def _stand_in(value) -> str | None:
    """"model" or "history" for the grader's data stand-ins (grading/rebuild.py), else None.
    Read from the class, which a learner's object sent as data never is."""
    return getattr(type(value), "keras_stand_in", None)


def _is_model(value) -> bool:
    keras = _keras()
    return _stand_in(value) == "model" or (keras is not None and isinstance(value, keras.Model))


def _is_history(value) -> bool:
    keras = _keras()
    return _stand_in(value) == "history" or (keras is not None and isinstance(value, keras.callbacks.History))


is_model, is_history = _is_model, _is_history  # public names (exercise modules use them)


def _show(values) -> str:
    return ", ".join(repr(v) for v in values) if values else text("keras.metrics.none")
