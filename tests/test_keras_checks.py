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


@pytest.mark.parametrize("loss", ["Mean_Absolute_Error", "Mae", "mean absolute error"])
def test_compile_with_a_loss_name_keras_rejects_is_never_correct(loss):
    """Is a loss string that `compile` keeps but `fit` refuses named, never accepted?"""
    m = _model()
    m.compile(optimizer="adam", loss=loss)
    v = COMPILE.check_value(m)
    assert v.status is Status.INCORRECT and "Keras does not know" in v.message, v.message
    assert "`mae`" in v.message  # Keras's own spelling of what the question asks


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
        "val_data": m.fit(x, y, epochs=1, batch_size=4, validation_data=(x, y), verbose=0),
    }


def test_fit_checks_every_parameter(histories):
    """Are epochs AND batch size checked, so batch_size=999 or the default fail?"""
    q = KerasFitQuestion(epochs=2, batch_size=4, num_samples=N)
    assert q.check_value(histories["bs4"]).passed
    msg = q.check_value(histories["bs999"]).message
    assert "ran 1 steps per epoch on 20 samples" in msg and "batch_size=4" in msg
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


def test_fit_with_validation_split_instead_of_validation_data_names_it(data):
    """Asked for validation data but given validation_split: named, the batch size not blamed."""
    x, y = data
    m = _model()
    m.compile(optimizer="adam", loss="mae")
    split = m.fit(x, y, epochs=1, batch_size=4, validation_split=0.25, verbose=0)
    q = KerasFitQuestion(epochs=1, batch_size=4, num_samples=N, validation=True)
    msg = q.check_value(split).message
    assert "`validation_split`" in msg and "validation_data" in msg
    assert "batch size of about" not in msg and "batch_size=" not in msg
    wrong_batch = m.fit(x, y, epochs=1, batch_size=10, validation_data=(x, y), verbose=0)
    msg = q.check_value(wrong_batch).message
    assert "batch_size=4" in msg and "validation_split" not in msg


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
