"""Keras objects rebuilt in the grader from the data a kernel sent (safe mode: no code runs).

A model comes as its serialized config (JSON), its weights (.npy arrays,
already validated by `wire`) and its compile config. It is deserialized with
`safe_mode=True`, so a Lambda layer or any other object that would run
code from the submission is refused, then given the weights and compiled
from the compile config. The grader evaluates that model itself.

Importing Keras (and TensorFlow) costs a grading worker about 3 CPU-s, more
than a question about settings is worth. So the data first becomes a
`RecordedModel` or a `RecordedHistory`: what a compile or fit question reads
(the compile config, a History's params and logs) is answered from the data
as sent, with no Keras at all. A question that reads the model itself
(`Question.reads_keras_objects`: its layers, its predictions) has it rebuilt
before its check starts; any other attribute rebuilds it on first use.
"""
from __future__ import annotations

import json

from . import wire


class RecordedModel:
    """A Keras model as the kernel described it: configs from the data; the rest from `rebuilt()`."""

    keras_stand_in = "model"  # keras_checks.is_model takes it for a model

    def __init__(self, reply: dict):
        self.config = _json_object(reply["config"], "the model's config")
        compile_config = reply.get("compile_config")
        self.compile_config = _json_object(compile_config, "the compile config") if compile_config else None
        self.weights = [wire.decode({"$nd": w}) for w in reply.get("weights", [])]
        self._model = None

    @property
    def compiled(self) -> bool:
        return self.compile_config is not None

    def get_config(self) -> dict:
        return json.loads(json.dumps(self.config.get("config", {})))  # a copy: checks cannot change it

    def get_compile_config(self) -> dict | None:
        return None if self.compile_config is None else json.loads(json.dumps(self.compile_config))

    def rebuilt(self):
        """The real Keras model, rebuilt in safe mode (once)."""
        if self._model is None:
            self._model = keras_model(self.config, self.weights, self.compile_config)
        return self._model

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.rebuilt(), name)

    def __repr__(self):
        return f"<Keras model {self.config.get('class_name', '?')}, as sent by the kernel>"


class RecordedHistory:
    """A Keras History as data: `params` (epochs, steps) and `history` (logs per epoch)."""

    keras_stand_in = "history"  # keras_checks.is_history takes it for a History

    def __init__(self, params, history):
        if not isinstance(params, dict) or not isinstance(history, dict):
            raise ValueError("a History's params and history must be dicts")
        for key, values in history.items():
            if not isinstance(values, list) or not all(isinstance(v, (int, float)) for v in values):
                raise ValueError(f"history[{key!r}] is not a list of numbers")
        self.params, self.history = params, history

    def __repr__(self):
        epochs = len(next(iter(self.history.values()), []))
        return f"<Keras History of {epochs} epochs, as sent by the kernel>"


def _json_object(text, what: str) -> dict:
    value = json.loads(str(text))
    if not isinstance(value, dict):
        raise ValueError(f"{what} is not a JSON object")
    return value


def _keras():
    import os
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    import keras
    return keras


def keras_model(config: dict, weights: list, compile_config: dict | None):
    """The model deserialized in safe mode, given `weights` and compiled from `compile_config`."""
    keras = _keras()
    try:
        model = keras.saving.deserialize_keras_object(config, safe_mode=True)
    except Exception as err:
        raise ValueError(f"Keras refused the model's config ({type(err).__name__}: {str(err)[:200]})")
    if not isinstance(model, keras.Model):
        raise ValueError("the config is not a Keras model")
    if weights:
        model.set_weights(weights)
    if compile_config:
        try:
            model.compile_from_config(compile_config)
        except Exception as err:
            raise ValueError(f"Keras refused the compile config ({type(err).__name__}: {str(err)[:200]})")
    # A test calls it a few times on small data: running eagerly costs less than tracing a graph
    # for each call (0.12 against 0.18-0.4 CPU-s for a predict and an evaluate of ex3's network).
    model.run_eagerly = True
    return model
