"""Keras objects rebuilt in the grader from the data a kernel sent (safe mode: no code runs).

A model comes as its serialized config (JSON), its weights (.npy arrays,
already validated by `wire`) and its compile config. It is deserialized with
`safe_mode=True`, so a Lambda layer or any other object that would run
code from the submission is refused, then given the weights and compiled
from the compile config. The grader evaluates that model itself.
"""
from __future__ import annotations

import json

from . import wire


def _keras():
    import os
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    import keras
    return keras


def keras_model(reply: dict):
    keras = _keras()
    config = json.loads(str(reply["config"]))
    weights = [wire.decode({"$nd": w}) for w in reply.get("weights", [])]
    try:
        model = keras.saving.deserialize_keras_object(config, safe_mode=True)
    except Exception as err:
        raise ValueError(f"Keras refused the model's config ({type(err).__name__}: {str(err)[:200]})")
    if not isinstance(model, keras.Model):
        raise ValueError("the config is not a Keras model")
    if weights:
        model.set_weights(weights)
    compile_config = reply.get("compile_config")
    if compile_config:
        try:
            model.compile_from_config(json.loads(str(compile_config)))
        except Exception as err:
            raise ValueError(f"Keras refused the compile config ({type(err).__name__}: {str(err)[:200]})")
    return model


def keras_history(params, history):
    keras = _keras()
    if not isinstance(params, dict) or not isinstance(history, dict):
        raise ValueError("a History's params and history must be dicts")
    for key, values in history.items():
        if not isinstance(values, list) or not all(isinstance(v, (int, float)) for v in values):
            raise ValueError(f"history[{key!r}] is not a list of numbers")
    rebuilt = keras.callbacks.History()
    rebuilt.params = params
    rebuilt.history = history
    return rebuilt
