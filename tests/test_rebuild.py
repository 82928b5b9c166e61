"""Keras objects in the grader (learntools_lite/grading/rebuild.py): a model or History as the
kernel describes it (answerer.py's own reply) is judged by the same checks as the real object,
without Keras where the check reads settings; a model is rebuilt in safe mode where a check uses
it, and a config that would run code is refused."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np
import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
keras = pytest.importorskip("keras")

from learntools_lite.grading import answerer, wire  # noqa: E402
from learntools_lite.grading.rebuild import RecordedHistory, RecordedModel  # noqa: E402
from learntools_lite.keras_checks import (KERAS_ACCEPTS, KerasCompileQuestion,  # noqa: E402
                                          KerasFitQuestion, KerasModelQuestion)
from learntools_lite.keras_checks.names import keras_rejects  # noqa: E402
from notebooks import ROOT  # noqa: E402


def described(value, monkeypatch) -> dict:
    """The reply the kernel's answerer gives about `value` (published as display data)."""
    import IPython.display

    sent = []
    monkeypatch.setattr(IPython.display, "publish_display_data",
                        lambda data, **_: sent.append(data))
    answerer._ltl_answer({"op": "describe", "name": "value"}, {"value": value})
    (data,) = sent
    return json.loads(next(iter(data.values())))


def _model():
    return keras.Sequential([keras.Input((3,)), keras.layers.Dense(4, activation="relu"),
                             keras.layers.Dense(1)])


COMPILES = [("adam", "mae"), ("Adam", "MeanAbsoluteError"), ("sgd", "mae"), ("adam", "mse"),
            ("adam", "MAE"), (None, None)]


@pytest.mark.parametrize("optimizer,loss", COMPILES)
def test_compile_check_says_the_same_on_the_recorded_model(optimizer, loss, monkeypatch):
    """Does the compile question give the recorded model exactly the real model's verdict?"""
    model = _model()
    if optimizer:
        model.compile(optimizer=optimizer, loss=loss)
    question = KerasCompileQuestion(var="model", optimizer="adam", loss="mae")
    recorded = RecordedModel(described(model, monkeypatch))
    real, seen = question.check_value(model), question.check_value(recorded)
    assert (seen.status, seen.message) == (real.status, real.message)


def test_fit_check_says_the_same_on_the_recorded_history(monkeypatch):
    """Does the fit question give the recorded History exactly the real History's verdict?"""
    rng = np.random.default_rng(0)
    x, y = rng.normal(size=(20, 3)).astype("float32"), rng.normal(size=(20,)).astype("float32")
    model = _model()
    model.compile(optimizer="adam", loss="mae")
    history = model.fit(x, y, epochs=2, batch_size=5, validation_split=0.2, verbose=0)
    reply = described(history, monkeypatch)
    recorded = RecordedHistory(wire.decode(reply["params"]), wire.decode(reply["history"]))
    for question in (KerasFitQuestion(epochs=2, batch_size=5, num_samples=20, validation=True),
                     KerasFitQuestion(epochs=3, batch_size=5, num_samples=20)):
        real, seen = question.check_value(history), question.check_value(recorded)
        assert (seen.status, seen.message) == (real.status, real.message)


def test_a_model_question_gets_the_model_rebuilt_with_its_weights(monkeypatch):
    """Is a model rebuilt (safe mode) with the kernel's weights, predicting what the kernel's did?"""
    model = _model()
    model.compile(optimizer="adam", loss="mae")
    recorded = RecordedModel(described(model, monkeypatch))
    rebuilt = recorded.rebuilt()
    assert isinstance(rebuilt, keras.Model) and rebuilt.get_compile_config()["loss"] == "mae"
    x = np.ones((2, 3), "float32")
    assert np.allclose(rebuilt.predict(x, verbose=0), model.predict(x, verbose=0), atol=1e-6)
    question = KerasModelQuestion(layers=[("Dense", {"units": 4, "activation": "relu"}),
                                          ("Dense", {"units": 1})], params=21)
    assert question.reads_keras_objects and question.check_value(rebuilt).passed


def test_a_model_that_would_run_code_is_refused(monkeypatch):
    """Is a Lambda layer (code from the submission) refused by the safe-mode rebuild?"""
    model = keras.Sequential([keras.Input((3,)), keras.layers.Lambda(lambda t: t * 2)])
    recorded = RecordedModel(described(model, monkeypatch))
    with pytest.raises(ValueError, match="Keras refused the model's config"):
        recorded.rebuilt()


def test_recorded_data_that_is_not_a_model_or_history_is_refused():
    """Are a config that is not a JSON object and logs that are not numbers refused as bad data?"""
    with pytest.raises(ValueError, match="not a JSON object"):
        RecordedModel({"config": "[1, 2]"})
    with pytest.raises(ValueError, match="not a list of numbers"):
        RecordedHistory({"epochs": 1}, {"loss": ["x"]})


@pytest.mark.parametrize("kind", sorted(KERAS_ACCEPTS))
def test_every_string_taken_without_asking_keras_is_taken_by_keras(kind):
    """Does Keras's own getter take every string that keras_rejects lets through unasked?"""
    getter = {"loss": keras.losses.get, "optimizer": keras.optimizers.get, "metric": keras.metrics.get}[kind]
    for name in sorted(KERAS_ACCEPTS[kind]):
        assert getter(name) is not None, name
    assert keras_rejects(kind, "no_such_" + kind) is not None  # any other string is put to Keras


def test_judging_settings_does_not_import_keras():
    """Does checking a recorded model's compile config and a recorded History leave Keras unimported?"""
    code = ("import sys, json\n"
            "from learntools_lite.grading.rebuild import RecordedModel, RecordedHistory\n"
            "from learntools_lite.keras_checks import KerasCompileQuestion, KerasFitQuestion\n"
            "m = RecordedModel({'config': json.dumps({'class_name': 'Sequential', 'config': {}}),\n"
            "                   'compile_config': json.dumps({'optimizer': 'adam', 'loss': 'mae'})})\n"
            "h = RecordedHistory({'epochs': 2, 'steps': 4}, {'loss': [1.0, 0.5], 'val_loss': [1.0, 0.6]})\n"
            "print(KerasCompileQuestion(optimizer='adam', loss='mae').check_value(m).passed,\n"
            "      KerasFitQuestion(epochs=2).check_value(h).passed, 'keras' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.stdout.split() == ["True", "True", "False"], done.stderr[-2000:]
