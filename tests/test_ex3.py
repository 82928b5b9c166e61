"""Exercise 3's checkers: correct answers (and their alternatives) pass, every
catalogued mistake is named, every blank asks to fill in.

The correct answers are written here, not read from the notebooks. The Keras
questions are checked with small real models and with History objects built
through Keras's public API (a 200-epoch fit is left to the notebook tests).
"""
import math
import os

import numpy as np
import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from learntools_lite import ex3  # noqa: E402
from learntools_lite.core import Status, ____  # noqa: E402


# ------------------------------------------------------------ reference answers
def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=float)
    grad = np.zeros_like(x)
    for i in range(len(x)):
        e = np.zeros_like(x)
        e[i] = h
        grad[i] = (f(x + e) - f(x - e)) / (2 * h)
    return grad


def sgd_step(w, b, X_batch, y_batch, lr):
    n = len(y_batch)
    error = X_batch @ w + b - y_batch
    return w - lr * 2 / n * X_batch.T @ error, b - lr * 2 / n * np.sum(error)


ANSWERS = {"numerical_gradient": numerical_gradient, "sgd_step": sgd_step,
           "steps_per_epoch": 3, "total_steps": 600}


def test_fuel_training_set_has_n_train_rows():
    """Is ex3.N_TRAIN the size of the training part the setup cell makes?"""
    from learntools_lite.datasets import load_fuel

    fuel = load_fuel().dropna(subset=["Miles_per_Gallon", "Horsepower"])
    assert len(fuel) == 392
    assert len(fuel.sample(frac=0.75, random_state=0)) == ex3.N_TRAIN


@pytest.mark.parametrize("q, var", [(ex3.q_1, "numerical_gradient"), (ex3.q_2, "sgd_step"),
                                    (ex3.q_3.a, "steps_per_epoch"),
                                    (ex3.q_3.b, "total_steps")])
def test_correct_answers_pass(q, var):
    """Does each NumPy question accept the reference answer, in check and assert mode?"""
    v = q.verdict(ANSWERS)
    assert v.passed, v.message
    q.assert_check_passed(ANSWERS)


def test_thought_questions_show_the_discussion():
    for q in (ex3.q_6, ex3.q_7):
        assert q.verdict({}).passed
        assert len(q.discussion) > 400 and len(q.hints) >= 2


def test_every_question_has_two_hints():
    for q in (ex3.q_1, ex3.q_2, ex3.q_3.a, ex3.q_3.b, ex3.q_4, ex3.q_5, ex3.q_6, ex3.q_7):
        assert len(q.hints) >= 2, q


# ------------------------------------------------------------ alternatives
def gradient_with_eye(f, x, h=1e-5):
    steps = h * np.eye(len(x))
    return np.array([f(x + e) - f(x - e) for e in steps]) / (2 * h)


def gradient_restoring_entries(f, x, h=1e-5):
    x = x.copy()
    grad = []
    for i in range(x.size):
        old = x[i]
        x[i] = old + h
        up = f(x)
        x[i] = old - h
        down = f(x)
        x[i] = old
        grad.append((up - down) / (2 * h))
    return grad  # a list is fine


def sgd_step_with_means(w, b, X_batch, y_batch, lr):
    error = X_batch @ w + b - y_batch
    grad_w = 2 * np.mean(error[:, None] * X_batch, axis=0)
    return [w - lr * grad_w, np.float64(b - lr * 2 * error.mean())]


def sgd_step_with_bias_column(w, b, X_batch, y_batch, lr):
    X1 = np.hstack([X_batch, np.ones((len(X_batch), 1))])
    theta = np.append(w, b)
    theta = theta - lr * 2 / len(X1) * X1.T @ (X1 @ theta - y_batch)
    return theta[:-1], theta[-1:]  # b as an array of one number


def test_alternative_correct_answers():
    """Are other correct ways (vectorised, lists, numpy scalars, floats) accepted?"""
    ok = [
        (ex3.q_1, gradient_with_eye),
        (ex3.q_1, gradient_restoring_entries),
        (ex3.q_2, sgd_step_with_means),
        (ex3.q_2, sgd_step_with_bias_column),
        (ex3.q_3.a, np.int64(3)),
        (ex3.q_3.a, -(-294 // 128)),
        (ex3.q_3.a, 3.0),
        (ex3.q_3.b, 600.0),
        (ex3.q_3.b, np.int64(200) * 3),
    ]
    for q, value in ok:
        v = q.check_value(value)
        assert v.passed, (q, v.message)


# ------------------------------------------------------------ mistakes
def forward_difference(f, x, h=1e-5):
    grad = np.zeros(len(x))
    for i in range(len(x)):
        x_up = x.copy()
        x_up[i] += h
        grad[i] = (f(x_up) - f(x)) / h
    return grad


def divided_by_h(f, x, h=1e-5):
    grad = np.zeros(len(x))
    for i in range(len(x)):
        e = np.zeros(len(x))
        e[i] = h
        grad[i] = (f(x + e) - f(x - e)) / h
    return grad


def not_divided(f, x, h=1e-5):
    return divided_by_h(f, x, h) * h


def all_at_once(f, x, h=1e-5):
    grad = np.zeros(len(x))
    for i in range(len(x)):
        grad[i] = (f(x + h) - f(x - h)) / (2 * h)
    return grad


def summed(w, b, X, y, lr):
    error = X @ w + b - y
    return w - lr * 2 * X.T @ error, b - lr * 2 * error.sum()


def no_factor_2(w, b, X, y, lr):
    error = X @ w + b - y
    return w - lr * X.T @ error / len(y), b - lr * error.mean()


def ascent(w, b, X, y, lr):
    error = y - (X @ w + b)  # y - y_hat, then still subtracted
    return w - lr * 2 / len(y) * X.T @ error, b - lr * 2 * error.mean()


def bias_with_w_gradient(w, b, X, y, lr):
    grad_w = 2 / len(y) * X.T @ (X @ w + b - y)
    return w - lr * grad_w, b - lr * grad_w


def bias_unchanged(w, b, X, y, lr):
    grad_w = 2 / len(y) * X.T @ (X @ w + b - y)
    return w - lr * grad_w, b


MISTAKES = [
    (ex3.q_1, forward_difference, "forward difference"),
    (ex3.q_1, divided_by_h, "divides by h instead of 2h"),
    (ex3.q_1, not_divided, "does not divide by 2h at all"),
    (ex3.q_1, all_at_once, "moves all coordinates at once"),
    (ex3.q_2, summed, "sums the gradient over the batch"),
    (ex3.q_2, no_factor_2, "forgets the factor 2"),
    (ex3.q_2, ascent, "climbs the loss"),
    (ex3.q_2, bias_with_w_gradient, "updates `b` with the gradient of `w`"),
    (ex3.q_2, bias_unchanged, "leaves `b` unchanged"),
    (ex3.q_3.a, 2, "leaves out the last, smaller batch"),
    (ex3.q_3.a, 294 / 128, "is not a whole number"),
    (ex3.q_3.a, 294, "number of samples in an epoch"),
    (ex3.q_3.b, 200 * 294, "counts samples, not steps"),
    (ex3.q_3.b, 200 * 294 / 128, "as if batches ran on across epochs"),
    (ex3.q_3.b, 400, "leaves out the last, smaller batch of each epoch"),
    (ex3.q_3.b, 200, "is the number of epochs"),
]


def test_every_catalogued_mistake_is_named():
    """Does a hand-written wrong answer making each Mistake get exactly that message?"""
    catalogued = {(id(q), m.description) for q in (ex3.q_1, ex3.q_2, ex3.q_3.a, ex3.q_3.b)
                  for m in q.mistakes}
    named = set()
    for q, value, phrase in MISTAKES:
        v = q.check_value(value)
        assert v.status is Status.INCORRECT and phrase in v.message, (q, phrase, v.message)
        hits = [m for m in q.mistakes if phrase in m.description]
        assert len(hits) == 1, phrase
        named.add((id(q), hits[0].description))
    assert named == catalogued


def test_other_wrong_answers_are_described():
    """Wrong shapes and mutated inputs get a specific, uncatalogued message."""
    def scalar(f, x, h=1e-5):
        return float(np.sum(numerical_gradient(f, x, h)))

    def mutates(f, x, h=1e-5):
        grad = numerical_gradient(f, x, h)
        x += 1.0
        return grad

    def in_place(w, b, X, y, lr):
        new_w, new_b = sgd_step(w, b, X, y, lr)
        w[...] = new_w
        return w, new_b

    assert ex3.q_1.check_value(scalar).status is Status.INCORRECT
    assert "changed" in ex3.q_1.check_value(mutates).message
    assert "changed" in ex3.q_2.check_value(in_place).message
    assert ex3.q_2.check_value(lambda w, b, X, y, lr: w).status is Status.INCORRECT


# ------------------------------------------------------------ blanks
def test_every_blank_asks_to_fill_in():
    """Do ____ values, stub functions and undefined names say 'Fill in'?"""
    def gradient_stub(f, x, h=1e-5):
        ____  # YOUR CODE HERE

    def step_stub(w, b, X_batch, y_batch, lr):
        ____  # YOUR CODE HERE

    blanks = [(ex3.q_1, gradient_stub), (ex3.q_2, step_stub), (ex3.q_3.a, ____),
              (ex3.q_3.b, ____), (ex3.q_4, ____), (ex3.q_5, ____)]
    for q, value in blanks:
        v = q.check_value(value)
        assert v.status is Status.BLANK and str(v).startswith("Fill in"), (q, v)
    for q in (ex3.q_1, ex3.q_2, ex3.q_3.a, ex3.q_4, ex3.q_5):
        assert q.verdict({}).status is Status.BLANK
    assert ex3.q_3.verdict({}).status is Status.BLANK


# ------------------------------------------------------------ Keras questions
@pytest.fixture(scope="module")
def keras():
    return pytest.importorskip("keras")


def _model(keras):
    keras.utils.set_random_seed(0)
    return keras.Sequential([keras.Input(shape=(9,)), keras.layers.Dense(4, activation="relu"),
                             keras.layers.Dense(1)])


def test_compile_accepts_strings_and_objects(keras):
    ways = [("adam", "mae"), ("Adam", "mean_absolute_error"),
            (keras.optimizers.Adam(), keras.losses.MeanAbsoluteError()),
            (keras.optimizers.Adam(learning_rate=0.01), keras.losses.mean_absolute_error)]
    for optimizer, loss in ways:
        model = _model(keras)
        model.compile(optimizer=optimizer, loss=loss)
        v = ex3.q_4.check_value(model)
        assert v.passed, (optimizer, loss, v.message)


def test_compile_names_the_wrong_setting(keras):
    model = _model(keras)
    assert ex3.q_4.check_value(model).status is Status.BLANK  # not compiled yet
    model.compile(optimizer="sgd", loss="mae")
    v = ex3.q_4.check_value(model)
    assert v.status is Status.INCORRECT and "optimizer" in v.message and "sgd" in v.message
    model.compile(optimizer="adam", loss="mse")
    v = ex3.q_4.check_value(model)
    assert v.status is Status.INCORRECT and "loss" in v.message
    assert ex3.q_4.check_value("adam").status is Status.INCORRECT


def _history(keras, epochs=200, steps=3, validation=True):
    """A History as `fit` leaves it, built through Keras's public callback API."""
    history = keras.callbacks.History()
    history.set_model(_model(keras))
    history.set_params({"verbose": 0, "epochs": epochs, "steps": steps})
    history.on_train_begin()
    for epoch in range(epochs):
        logs = {"loss": 1.0 / (epoch + 1)}
        if validation:
            logs["val_loss"] = 1.2 / (epoch + 1)
        history.on_epoch_end(epoch, logs)
    return history


def test_fit_checks_epochs_and_batch_size(keras):
    assert ex3.q_5.check_value(_history(keras)).passed
    v = ex3.q_5.check_value(_history(keras, epochs=100))
    assert v.status is Status.INCORRECT and "epochs=100" in v.message
    v = ex3.q_5.check_value(_history(keras, steps=10))  # batch_size 32, the default
    assert v.status is Status.INCORRECT and "128" in v.message
    v = ex3.q_5.check_value(_history(keras, steps=2))  # batch_size 256
    assert v.status is Status.INCORRECT and "128" in v.message
    v = ex3.q_5.check_value(_history(keras, validation=False))
    assert v.status is Status.INCORRECT and "val_loss" in v.message
    assert ex3.q_5.check_value(_model(keras)).status is Status.INCORRECT


def test_fit_with_a_real_short_training(keras):
    """A real History from `fit`: the wrong number of epochs is named."""
    rng = np.random.default_rng(0)
    X = rng.normal(size=(ex3.N_TRAIN, 9)).astype("float32")
    y = rng.normal(size=ex3.N_TRAIN).astype("float32")
    model = _model(keras)
    model.compile(optimizer="adam", loss="mae")
    history = model.fit(X, y, validation_data=(X[:20], y[:20]), batch_size=128, epochs=2,
                        verbose=0)
    assert history.params["steps"] == math.ceil(ex3.N_TRAIN / 128)
    v = ex3.q_5.check_value(history)
    assert v.status is Status.INCORRECT and "epochs=2" in v.message
