"""Keras checks on tiny real models: compile (strings, objects, aliases), fit (every
parameter asked for, batch size included), architecture, and cheap imports."""
import os
import subprocess
import sys

import numpy as np
import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
keras = pytest.importorskip("keras")

from learntools_lite.core import Status  # noqa: E402
from learntools_lite.keras_checks import (KerasCompileQuestion, KerasFitQuestion,  # noqa: E402
                                          KerasModelQuestion)

N = 20  # training samples used by the fit tests


def _model(units=(4,), inputs=3, activation="relu"):
    return keras.Sequential([keras.Input((inputs,))]
                            + [keras.layers.Dense(u, activation=activation) for u in units]
                            + [keras.layers.Dense(1)])


@pytest.fixture(scope="module")
def data():
    rng = np.random.default_rng(0)
    return rng.normal(size=(N, 3)).astype("float32"), rng.normal(size=(N,)).astype("float32")


COMPILE = KerasCompileQuestion(var="model", optimizer="adam", loss="mae")


@pytest.mark.parametrize("optimizer,loss", [
    ("adam", "mae"),
    ("adam", "mean_absolute_error"),
    ("Adam", "MeanAbsoluteError"),
    (lambda: keras.optimizers.Adam(), lambda: keras.losses.MeanAbsoluteError()),
    (lambda: keras.optimizers.Adam(learning_rate=0.01), lambda: keras.losses.mean_absolute_error),
    ("adam", lambda: keras.losses.get("mae")),
], ids=["strings", "long-name", "class-names", "objects", "function", "alias-function"])
def test_compile_with_strings_objects_and_aliases_passes(optimizer, loss):
    """Is compile(optimizer="adam", loss="mae") accepted in all its equivalent spellings
    (Kaggle's checker marks the plain strings wrong under Keras 3)?"""
    m = _model()
    m.compile(optimizer=optimizer() if callable(optimizer) else optimizer,
              loss=loss() if callable(loss) else loss)
    v = COMPILE.check_value(m)
    assert v.passed, v.message


def test_question_given_as_objects_accepts_strings():
    """Does a question that names the loss by object accept the string answer?"""
    q = KerasCompileQuestion(optimizer=keras.optimizers.Adam,
                             loss=keras.losses.MeanAbsoluteError())
    m = _model()
    m.compile(optimizer="adam", loss="mae")
    assert q.check_value(m).passed


def test_compile_mistakes_are_named():
    """Are a wrong loss, a wrong optimizer, no compile and a non-model each named?"""
    m = _model()
    verdict = COMPILE.check_value(m)
    assert verdict.status is Status.BLANK and "has not been compiled yet" in verdict.message
    m.compile(optimizer="adam", loss="mse")
    assert COMPILE.check_value(m).message == ("`model` was compiled with loss mean_squared_error,"
                                              " but the question asks for mean_absolute_error.")
    m.compile(optimizer=keras.optimizers.SGD(), loss="mae")
    assert "optimizer sgd, but the question asks for adam" in COMPILE.check_value(m).message
    assert "should be a Keras model, but it is a str" in COMPILE.check_value("adam").message


def test_compile_learning_rate_and_metrics():
    """Are the learning rate and the metrics checked when asked for?"""
    q = KerasCompileQuestion(loss="mse", learning_rate=0.01, metrics=["mae"])
    m = _model()
    m.compile(optimizer=keras.optimizers.Adam(0.01), loss="mse",
              metrics=[keras.metrics.MeanAbsoluteError()])
    assert q.check_value(m).passed
    m.compile(optimizer=keras.optimizers.Adam(0.01), loss="mse", metrics=["mean_absolute_error"])
    assert q.check_value(m).passed
    m.compile(optimizer="adam", loss="mse", metrics=["mae"])
    assert "learning rate 0.001" in q.check_value(m).message
    m.compile(optimizer=keras.optimizers.Adam(0.01), loss="mse")
    assert "metrics none" in q.check_value(m).message


@pytest.fixture(scope="module")
def histories(data):
    x, y = data
    m = _model()
    m.compile(optimizer="adam", loss="mae", metrics=["mae"])
    return {
        "bs4": m.fit(x, y, epochs=2, batch_size=4, verbose=0),
        "default": m.fit(x, y, epochs=2, verbose=0),
        "bs999": m.fit(x, y, epochs=2, batch_size=999, verbose=0),
        "one_epoch": m.fit(x, y, epochs=1, batch_size=4, verbose=0),
        "split": m.fit(x, y, epochs=1, batch_size=4, validation_split=0.25, verbose=0),
        "split_0.2": m.fit(x, y, epochs=2, batch_size=4, validation_split=0.2, verbose=0),
        "split_0.2_bs999": m.fit(x, y, epochs=2, batch_size=999, validation_split=0.2,
                                 verbose=0),
        "val_data": m.fit(x, y, epochs=1, batch_size=4, validation_data=(x, y), verbose=0),
    }


def test_fit_checks_every_parameter(histories):
    """Are epochs AND batch size checked, so batch_size=999 or the default fail?"""
    q = KerasFitQuestion(epochs=2, batch_size=4, num_samples=N)
    assert q.check_value(histories["bs4"]).passed
    msg = q.check_value(histories["bs999"]).message
    assert "steps_per_epoch=1 on 20 samples" in msg and "batch_size=4" in msg
    assert "1 steps" not in msg
    assert "batch size of about 20" in msg
    assert "batch size of about 20" in q.check_value(histories["default"]).message
    assert "epochs=1, but the question asks for epochs=2" in q.check_value(
        histories["one_epoch"]).message


def test_fit_validation_and_metrics(histories):
    """Are validation_split (Keras's own rounding), validation data and metrics checked?"""
    q = KerasFitQuestion(epochs=1, batch_size=4, num_samples=N, validation_split=0.25)
    assert q.check_value(histories["split"]).passed
    assert q.check_value(histories["val_data"]).passed
    assert "no `val_loss`" in q.check_value(histories["one_epoch"]).message
    assert KerasFitQuestion(metrics=["mae"]).check_value(histories["bs4"]).passed
    assert "has no `accuracy`" in KerasFitQuestion(metrics=["accuracy"]).check_value(
        histories["bs4"]).message


def test_an_unasked_validation_split_never_blames_the_batch_size(histories):
    """Is fit(..., validation_split=0.2) Correct where the question asks for that split,
    and, where it asks for none, answered with a message that names validation_split
    (the steps cannot tell a held-out part from a bigger batch), never blaming the
    batch size alone?"""
    q = KerasFitQuestion(epochs=2, batch_size=4, num_samples=N)
    v = q.check_value(histories["split_0.2"])  # the asked batch size, a split: name the split
    assert v.status is Status.INCORRECT
    assert "validation_split" in v.message and "validation_data" in v.message
    assert "batch_size=" not in v.message and "means a batch size" not in v.message
    v = q.check_value(histories["split_0.2_bs999"])  # no usual split explains it: the batch size
    assert v.status is Status.INCORRECT and "batch_size=4" in v.message
    asked = KerasFitQuestion(epochs=2, batch_size=4, num_samples=N, validation_split=0.2)
    assert asked.check_value(histories["split_0.2"]).passed
    assert "validation_split" in asked.check_value(histories["split_0.2_bs999"]).message


def test_fit_steps_follow_keras_own_split_rule(data):
    """Does the training size the checker assumes for validation_split match what
    Keras trains on (floor(n * (1 - split)))?"""
    from learntools_lite.keras_checks import _kept_for_training

    x, y = data
    m = _model()
    m.compile(optimizer="adam", loss="mae")
    for split, batch in [(0.2, 3), (0.3, 4), (0.15, 5), (1 / 3, 2)]:
        h = m.fit(x, y, epochs=1, batch_size=batch, validation_split=split, verbose=0)
        assert h.params["steps"] == -(-_kept_for_training(N, split) // batch), split


@pytest.mark.parametrize("setting,value", [
    ("loss", "Mean_Absolute_Error"), ("loss", "mean absolute error"), ("loss", "mae "),
    ("metrics", ["Mean_Absolute_Error"]), ("metrics", ["maee"]),
])
def test_a_setting_keras_rejects_is_never_correct(setting, value):
    """Is a compile setting that Keras itself rejects (its `get` raises) Incorrect, with
    a message naming the setting, even where lower-casing would make it look right?"""
    q = KerasCompileQuestion(loss="mae", metrics=["mae"])
    m = _model()
    kwargs = {"optimizer": "adam", "loss": "mae", "metrics": ["mae"]}
    kwargs[setting] = value
    m.compile(**kwargs)
    with pytest.raises(Exception):  # Keras itself refuses it once it is used
        m.fit(np.zeros((4, 3)), np.zeros(4), epochs=1, verbose=0)
    v = q.check_value(m)
    assert v.status is Status.INCORRECT, v.message
    shown = value[0] if isinstance(value, list) else value
    assert repr(shown) in v.message and "Keras does not accept" in v.message


def test_settings_keras_accepts_stay_correct():
    """Are the spellings Keras resolves (class names, "acc", aliases) still Correct?"""
    q = KerasCompileQuestion(optimizer="adam", loss="mae", metrics=["accuracy"])
    for optimizer, loss, metrics in [("Adam", "MeanAbsoluteError", ["acc"]),
                                     ("adam", "mean_absolute_error", ["accuracy"])]:
        m = _model()
        m.compile(optimizer=optimizer, loss=loss, metrics=metrics)
        v = q.check_value(m)
        assert v.passed, (optimizer, loss, metrics, v.message)


def test_fit_wrong_values(histories):
    """Is a model or a number where a History is expected named plainly?"""
    q = KerasFitQuestion(epochs=2)
    assert "History returned by `model.fit(...)`" in q.check_value(5).message
    assert q.check_value(_model()).status is Status.INCORRECT
    v = KerasFitQuestion(epochs=2, batch_size=4).check_value(histories["bs4"])
    assert v.status is Status.UNCHECKABLE and not v.internal  # the question lacks num_samples


FUEL = KerasModelQuestion(
    layers=[("Dense", {"units": 8, "activation": "relu"}),
            ("Dense", {"units": 8, "activation": "relu"}),
            ("Dense", {"units": 4, "activation": "relu"}),
            ("Dense", {"units": 1})],
    input_shape=(3,), params=(3 * 8 + 8) + (8 * 8 + 8) + (8 * 4 + 4) + (4 + 1))


def test_architecture_passes_in_equivalent_forms():
    """Are Sequential, functional and Dense+Activation forms all accepted?"""
    assert FUEL.check_value(_model(units=(8, 8, 4))).passed
    i = keras.Input((3,))
    h = keras.layers.Dense(8, activation=keras.activations.relu)(i)
    h = keras.layers.Dense(8, activation="relu")(h)
    h = keras.layers.Activation("relu")(keras.layers.Dense(4)(h))
    assert FUEL.check_value(keras.Model(i, keras.layers.Dense(1)(h))).passed


def test_architecture_names_the_first_differing_layer():
    """Is the first wrong layer named, then a wrong count, input shape or params?"""
    msg = FUEL.check_value(_model(units=(8, 16, 4))).message
    assert msg == ("Layer 2 should be Dense(units=8, activation='relu'), "
                   "but it is Dense(units=16, activation='relu').")
    assert "activation='sigmoid'" in FUEL.check_value(_model((8, 8, 4), activation="sigmoid")).message
    assert "Layer 3 should be Dense(units=4" in FUEL.check_value(_model(units=(8, 8))).message
    extra = _model(units=(8, 8, 4))
    extra.add(keras.layers.Dense(1))
    assert "should have 4 layers, but it has 5" in FUEL.check_value(extra).message
    assert "input shape is (5,)" in FUEL.check_value(_model((8, 8, 4), inputs=5)).message
    unbuilt = keras.Sequential([keras.layers.Dense(u, activation="relu") for u in (8, 8, 4)]
                               + [keras.layers.Dense(1)])
    assert "keras.Input(shape=...)" in FUEL.check_value(unbuilt).message


def test_small_cnn_with_kernel_size_as_int_or_tuple():
    """Does a CNN spec with kernel_size=3 accept (3, 3) and reject (5, 5)?"""
    q = KerasModelQuestion(layers=[("Conv2D", {"filters": 4, "kernel_size": 3,
                                               "activation": "relu"}),
                                   ("MaxPooling2D", {"pool_size": 2}), ("Flatten", {}),
                                   ("Dense", {"units": 10, "activation": "softmax"})],
                           input_shape=(8, 8, 1))

    def cnn(k):
        return keras.Sequential([keras.Input((8, 8, 1)),
                                 keras.layers.Conv2D(4, k, activation="relu"),
                                 keras.layers.MaxPooling2D(), keras.layers.Flatten(),
                                 keras.layers.Dense(10, activation="softmax")])

    assert q.check_value(cnn((3, 3))).passed
    assert "kernel_size=(5, 5)" in q.check_value(cnn(5)).message


def test_importing_keras_checks_does_not_import_keras():
    """Does `import learntools_lite.keras_checks` leave TensorFlow and Keras unloaded?"""
    code = ("import sys, learntools_lite.keras_checks as k;"
            "v = k.KerasCompileQuestion().check_value(3);"
            "print(v.status.value, 'keras' in sys.modules, 'tensorflow' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["incorrect", "False", "False"]
