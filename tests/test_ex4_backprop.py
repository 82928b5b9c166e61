"""Exercise 4's checkers (learntools_lite/ex4_backprop/): right answers pass, blanks
ask to fill in, and every catalogued mistake, written by hand as a learner would,
gets its own message."""
import os
import subprocess
import sys

import numpy as np
import pytest

from learntools_lite import ex4_backprop
from learntools_lite.core import Status
from learntools_lite.core.blank import ____
from learntools_lite.messages import resolve

QUESTIONS = [getattr(ex4_backprop, f"q_{n}") for n in range(1, 10)]


def message_of(question, index, name=None):
    return question.mistakes[index].message(name or question.name)


def assert_correct(verdict):
    assert verdict.status is Status.CORRECT, verdict


def assert_mistake(verdict, question, index, name=None):
    assert verdict.status is Status.INCORRECT, verdict
    assert verdict.message == message_of(question, index, name), verdict


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


# ---- q_1: predict the shapes ----------------------------------------------------------

RIGHT_SHAPES = {"output_error": (16, 4), "dW": (5, 4), "db": (4,), "dX": (16, 5)}


@pytest.mark.parametrize("answer", [
    RIGHT_SHAPES,
    {"output_error": [16, 4], "dW": [5, 4], "db": 4, "dX": (16, 5)},      # lists, an int
    {"dX": (16, 5), "db": (1, 4), "dW": (5, 4), "output_error": (16, 4)},  # keepdims bias
    {k: tuple(np.int64(n) for n in v) for k, v in RIGHT_SHAPES.items()},   # NumPy integers
])
def test_q1_accepts_right_predictions(answer):
    assert_correct(ex4_backprop.q_1.check_value(answer))


WRONG_PREDICTIONS = [
    ("output_error", (16, 2), "network_output_error"),
    ("output_error", (16, 5), "error_is_input"),
    ("dW", (4, 5), "dW_transposed"),
    ("dW", (4, 2), "dW_second_layer"),
    ("dW", (16, 4), "dW_per_sample"),
    ("db", (16, 4), "db_per_sample"),
    ("db", (16,), "db_per_sample"),
    ("db", (2,), "db_second_layer"),
    ("dX", (16, 4), "dX_output_shape"),
    ("dX", (5, 16), "dX_transposed"),
]


@pytest.mark.parametrize("key, shape, message_key", WRONG_PREDICTIONS)
def test_q1_names_each_wrong_prediction(key, shape, message_key):
    v = ex4_backprop.q_1.check_value({**RIGHT_SHAPES, key: shape})
    mistake = next(m for s, m in ex4_backprop.q_1.mistakes[key] if s == shape)
    assert mistake.key == f"ex4_backprop.q_1.mistake.{message_key}"
    assert v.status is Status.INCORRECT and v.message == mistake.format(shape=shape), v


def test_q1_catalogue_is_covered():
    catalogued = {(key, shape) for key, named in ex4_backprop.q_1.mistakes.items()
                  for shape, _ in named}
    assert catalogued == {(key, shape) for key, shape, _ in WRONG_PREDICTIONS}


def test_q1_unnamed_wrong_shape_does_not_give_the_answer_away():
    v = ex4_backprop.q_1.check_value({**RIGHT_SHAPES, "dW": (3, 3)})
    assert v.status is Status.INCORRECT and "(3, 3)" in v.message and "(5, 4)" not in v.message


@pytest.mark.parametrize("answer", [
    [(16, 4), (5, 4), (4,), (16, 5)], {"dW": (5, 4)}, {**RIGHT_SHAPES, "dX": "16, 5"},
    {**RIGHT_SHAPES, "db": (4.5,)}, {**RIGHT_SHAPES, "db": (-4,)}, {**RIGHT_SHAPES, "db": True},
])
def test_q1_malformed_predictions_are_told_the_format(answer):
    v = ex4_backprop.q_1.check_value(answer)
    assert v.status is Status.INCORRECT and not v.internal, v


def test_q1_blank_inside_the_dict_asks_to_fill_in():
    v = ex4_backprop.q_1.check_value({**RIGHT_SHAPES, "db": ____})
    assert v.status is Status.BLANK


# ---- q_2: fc_backward, find the bug -------------------------------------------------------

def fc_fixed(X, W, output_error):
    dW = X.T @ output_error
    db = output_error.sum(axis=0)
    dX = output_error @ W.T
    return dW, db, dX


def fc_keepdims(X, W, output_error):
    return (np.dot(X.T, output_error), np.sum(output_error, axis=0, keepdims=True),
            np.dot(output_error, W.T))


def fc_einsum(X, W, output_error):
    return (np.einsum("ik,ij->kj", X, output_error), np.einsum("ij->j", output_error),
            np.einsum("ij,kj->ik", output_error, W))


def fc_loop(X, W, output_error):
    # one sample at a time, contributions summed: slow but right
    dW, db = np.zeros_like(W), np.zeros(W.shape[1])
    for x, e in zip(X, output_error):
        dW += np.outer(x, e)
        db += e
    return dW, db, output_error @ W.T


def fc_ones(X, W, output_error):
    return X.T @ output_error, np.ones(len(X)) @ output_error, output_error @ W.T


@pytest.mark.parametrize("answer", [fc_fixed, fc_keepdims, fc_einsum, fc_loop, fc_ones])
def test_q2_accepts_right_answers(answer):
    assert_correct(ex4_backprop.q_2.check_value(answer))


def fc_unfixed(X, W, output_error):
    # the released code: the bias gradient of one sample
    dW = X.T @ output_error
    db = output_error[0]
    dX = output_error @ W.T
    return dW, db, dX


FC_MISTAKES = [
    (0, fc_unfixed),
    (1, lambda X, W, E: (X.T @ E, E[len(E) - 1], E @ W.T)),               # another single sample
    (2, lambda X, W, E: (X.T @ E, E, E @ W.T)),                          # not summed at all
    (3, lambda X, W, E: (X.T @ E, np.mean(E, axis=0), E @ W.T)),          # "fixed" by averaging
    (4, lambda X, W, E: (X.T @ E, E.sum(axis=1), E @ W.T)),               # wrong axis
    (5, lambda X, W, E: (X.T @ E, np.sum(E), E @ W.T)),                   # one number
    (6, lambda X, W, E: (X @ E, E.sum(0), E @ W.T)),                      # X not transposed
    (7, lambda X, W, E: (X.T @ E, E.sum(0), E @ W)),                      # W not transposed
    (8, lambda X, W, E: (-(X.T @ E), -E.sum(0), -(E @ W.T))),             # sign
]


@pytest.mark.parametrize("index, answer", FC_MISTAKES)
def test_q2_names_each_mistake(index, answer):
    assert_mistake(ex4_backprop.q_2.check_value(answer), ex4_backprop.q_2, index)


def test_q2_catalogue_is_covered():
    assert sorted(i for i, _ in FC_MISTAKES) == list(range(len(ex4_backprop.q_2.mistakes)))


def test_q2_unfixed_code_is_named_as_the_one_sample_bias():
    v = ex4_backprop.q_2.check_value(fc_unfixed)
    assert v.status is Status.INCORRECT and "`output_error[0]`" in v.message


def test_q2_labels_the_wrong_output():
    v = ex4_backprop.q_2.check_value(lambda X, W, E: (X.T @ E, E.sum(0), 2 * E @ W.T))
    assert v.status is Status.INCORRECT and "`dX`" in v.message


def test_q2_odd_answers_are_judged():
    def raises(X, W, E):
        raise ValueError("boom")
    assert "ValueError" in ex4_backprop.q_2.check_value(raises).message
    v = ex4_backprop.q_2.check_value(lambda X, W, E: None)
    assert v.status is Status.INCORRECT and "None" in v.message
    v = ex4_backprop.q_2.check_value(lambda X, W, E: (X.T @ E, E.sum(0)))
    assert v.status is Status.INCORRECT and not v.internal


# ---- q_3: sigmoid from its cached output ----------------------------------------------------

@pytest.mark.parametrize("answer", [
    lambda Y, E: E * Y * (1 - Y),
    lambda Y, E: E * (Y - Y ** 2),
    lambda Y, E: np.multiply(E, Y * (1.0 - Y)),
    lambda Y, E: E * sigmoid(np.log(Y / (1 - Y))) * (1 - Y),              # recovers Z: slow, right
])
def test_q3_accepts_right_answers(answer):
    assert_correct(ex4_backprop.q_3.check_value(answer))


SIG_MISTAKES = [
    (0, lambda Y, E: E * sigmoid(Y) * (1 - sigmoid(Y))),    # the output treated as the input
    (1, lambda Y, E: Y * (1 - Y)),
    (2, lambda Y, E: E * (1 - Y ** 2)),                     # tanh's derivative
    (3, lambda Y, E: E * (1 - Y)),
    (4, lambda Y, E: E * Y),
    (5, lambda Y, E: E * Y ** 2),
    (6, lambda Y, E: E * (Y ** 2 - Y)),
    (7, lambda Y, E: E @ (Y * (1 - Y)).T),                  # raises on non-square, named anyway
]


@pytest.mark.parametrize("index, answer", SIG_MISTAKES)
def test_q3_names_each_mistake(index, answer):
    verdict = ex4_backprop.q_3.check_value(answer)
    assert verdict.status is Status.INCORRECT
    assert verdict.message == message_of(ex4_backprop.q_3, index), verdict


def test_q3_catalogue_is_covered():
    assert sorted(i for i, _ in SIG_MISTAKES) == list(range(len(ex4_backprop.q_3.mistakes)))


# ---- q_4: Huber ------------------------------------------------------------------------------

def huber_clip(y_true, y_pred, delta):
    residual = y_pred - y_true
    return np.clip(residual, -delta, delta) / residual.size


def huber_where(y_true, y_pred, delta):
    r = y_pred - y_true
    return np.where(np.abs(r) <= delta, r, delta * np.sign(r)) / y_true.size


def huber_minmax(y_true, y_pred, delta):
    return np.maximum(-delta, np.minimum(delta, y_pred - y_true)) / np.size(y_true)


@pytest.mark.parametrize("answer", [huber_clip, huber_where, huber_minmax])
def test_q4_accepts_right_answers(answer):
    assert_correct(ex4_backprop.q_4.check_value(answer))


def _c(t, p, d):
    return np.clip(p - t, -d, d)


HUBER_MISTAKES = [
    (0, lambda t, p, d: float(np.mean(_c(t, p, d)))),
    (1, lambda t, p, d: _c(t, p, d)),
    (2, lambda t, p, d: _c(t, p, d) / t.shape[0]),
    (3, lambda t, p, d: _c(p, t, d) / t.size),
    (4, lambda t, p, d: (p - t) / t.size),
    (5, lambda t, p, d: 2 * (p - t) / t.size),
    (6, lambda t, p, d: np.minimum(np.abs(p - t), d) * np.where(np.abs(p - t) <= d,
                                                                 np.sign(p - t), 1) / t.size),
    (7, lambda t, p, d: np.where(np.abs(p - t) <= d, 1.0, d) * (p - t) / t.size),
    (8, lambda t, p, d: np.where(np.abs(p - t) > d, p - t, d * np.sign(p - t)) / t.size),
]


@pytest.mark.parametrize("index, answer", HUBER_MISTAKES)
def test_q4_names_each_mistake(index, answer):
    assert_mistake(ex4_backprop.q_4.check_value(answer), ex4_backprop.q_4, index)


def test_q4_catalogue_is_covered():
    assert sorted(i for i, _ in HUBER_MISTAKES) == list(range(len(ex4_backprop.q_4.mistakes)))


def test_q4_cases_stay_away_from_the_kink():
    for y_true, y_pred, delta in ex4_backprop.q_4.all_cases():
        assert np.all(np.abs(np.abs(y_pred - y_true) - delta) > 0.05)


# ---- q_5: by hand ----------------------------------------------------------------------------

def by_hand():
    """The chain rule written out step by step on the question's numbers."""
    n = ex4_backprop.predict.HAND_NET
    z1 = n["x"] @ n["W1"] + n["b1"]
    g = (np.maximum(z1, 0) @ n["W2"] + n["b2"]) - n["t"]
    return n["x"].T @ ((g @ n["W2"].T) * (z1 > 0))


def test_q5_accepts_the_numbers_worked_out_by_hand():
    assert_correct(ex4_backprop.q_5.check_value(by_hand()))
    assert_correct(ex4_backprop.q_5.check_value([[0.544, 0.0], [1.088, 0.0]]))  # a list
    assert_correct(ex4_backprop.q_5.check_value(np.array([[0.544, -0.0], [1.088, 0]])))


def test_q5_oracle_is_finite_differences_of_the_loss():
    n = ex4_backprop.predict.HAND_NET
    loss = ex4_backprop.predict.hand_net_loss
    W = n["W1"].copy()
    W[0, 0] += 1e-6
    up = loss(W, n["x"], n["b1"], n["W2"], n["b2"], n["t"])
    W[0, 0] -= 2e-6
    down = loss(W, n["x"], n["b1"], n["W2"], n["b2"], n["t"])
    assert np.isclose((up - down) / 2e-6, by_hand()[0, 0])


HAND_MISTAKES = [
    (0, lambda: np.array([[0.544, -0.34], [1.088, -0.68]])),   # through the ReLU unchanged
    (1, lambda: by_hand().T),
    (2, lambda: -by_hand()),
    (3, lambda: 2 * by_hand()),
    (4, lambda: np.array([0.544, 0.0])),                       # delta1, not dW1
    (5, lambda: np.array([[0.748], [0.0]])),                   # dW2
]


@pytest.mark.parametrize("index, answer", HAND_MISTAKES)
def test_q5_names_each_mistake(index, answer):
    assert_mistake(ex4_backprop.q_5.check_value(answer()), ex4_backprop.q_5, index)


def test_q5_catalogue_is_covered():
    assert sorted(i for i, _ in HAND_MISTAKES) == list(range(len(ex4_backprop.q_5.mistakes)))


def test_q5_unnamed_mistake_names_the_entry_not_its_value():
    v = ex4_backprop.q_5.check_value(np.array([[0.544, 0.0], [1.0, 0.0]]))
    assert v.status is Status.INCORRECT and "(1, 0)" in v.message and "1.088" not in v.message


# ---- q_6: grad_check -----------------------------------------------------------------------

def norm(v):
    return np.linalg.norm(v)


def gc_flat_view(f, x, analytic_grad, h=1e-5):
    x = np.asarray(x, dtype=float).copy()
    flat = x.reshape(-1)
    numeric = np.zeros(flat.size)
    for k in range(flat.size):
        saved = flat[k]
        flat[k] = saved + h
        f_plus = f(x)
        flat[k] = saved - h
        f_minus = f(x)
        flat[k] = saved
        numeric[k] = (f_plus - f_minus) / (2 * h)
    numeric = numeric.reshape(x.shape)
    denominator = norm(analytic_grad) + norm(numeric)
    return 0.0 if denominator == 0 else float(norm(analytic_grad - numeric) / denominator)


def gc_ndindex(f, x, analytic_grad, h=1e-5):
    x = x.astype(float)
    numeric = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + h
        up = f(x)
        x[i] = old - h
        down = f(x)
        x[i] = old
        numeric[i] = (up - down) / (2 * h)
    scale = norm(analytic_grad) + norm(numeric)
    return 0.0 if scale == 0 else norm(analytic_grad - numeric) / scale


def gc_unit_vectors(f, x, analytic_grad):
    h, flat = 1e-5, np.array(x, dtype=float).ravel()
    numeric = np.array([(f((flat + h * e).reshape(x.shape)) - f((flat - h * e).reshape(x.shape)))
                        / (2 * h) for e in np.eye(flat.size)]).reshape(x.shape)
    return float(norm(analytic_grad - numeric) / (norm(analytic_grad) + norm(numeric)))


def gc_h_1e6(f, x, analytic_grad):
    return gc_ndindex(f, x, analytic_grad, h=1e-6)


@pytest.mark.parametrize("answer", [gc_flat_view, gc_ndindex, gc_unit_vectors, gc_h_1e6])
def test_q6_accepts_right_answers(answer):
    assert_correct(ex4_backprop.q_6.check_value(answer))


def gc_forward(f, x, g, h=1e-5):
    x, numeric = x.astype(float), np.zeros(x.shape)
    f0 = f(x)
    for i in np.ndindex(x.shape):
        x[i] += h
        numeric[i] = (f(x) - f0) / h
        x[i] -= h
    return norm(g - numeric) / (norm(g) + norm(numeric))


def gc_no_two(f, x, g, h=1e-5):
    x, numeric = x.astype(float), np.zeros(x.shape)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + h
        up = f(x)
        x[i] = old - h
        down = f(x)
        x[i] = old
        numeric[i] = (up - down) / h
    return norm(g - numeric) / (norm(g) + norm(numeric))


def gc_not_restored(f, x, g, h=1e-5):
    x, numeric = x.astype(float), np.zeros(x.shape)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + h
        up = f(x)
        x[i] = old - h
        numeric[i] = (up - f(x)) / (2 * h)     # x[i] stays at old - h
    return norm(g - numeric) / (norm(g) + norm(numeric))


def gc_absolute(f, x, g):
    numeric = np.zeros(x.shape)
    for i in np.ndindex(x.shape):
        e = np.zeros(x.shape)
        e[i] = 1e-5
        numeric[i] = (f(x + e) - f(x - e)) / 2e-5
    return norm(g - numeric)


def gc_over_numeric(f, x, g):
    numeric = np.zeros(x.shape)
    for i in np.ndindex(x.shape):
        e = np.zeros(x.shape)
        e[i] = 1e-5
        numeric[i] = (f(x + e) - f(x - e)) / 2e-5
    return norm(g - numeric) / norm(numeric)


GC_MISTAKES = [(0, gc_forward), (1, gc_no_two), (2, gc_not_restored), (3, gc_absolute),
               (4, gc_over_numeric)]


@pytest.mark.parametrize("index, answer", GC_MISTAKES)
def test_q6_names_each_mistake(index, answer):
    assert_mistake(ex4_backprop.q_6.check_value(answer), ex4_backprop.q_6, index)


def test_q6_catalogue_is_covered():
    assert sorted(i for i, _ in GC_MISTAKES) == list(range(len(ex4_backprop.q_6.mistakes)))


def test_q6_changing_the_callers_x_is_reported():
    def in_place(f, x, g, h=1e-5):
        numeric = np.zeros(x.shape)
        for i in np.ndindex(x.shape):
            x[i] += h
            up = f(x)
            x[i] -= 2 * h
            numeric[i] = (up - f(x)) / (2 * h)      # x is left shifted by -h
        return norm(g - numeric) / (norm(g) + norm(numeric))
    v = ex4_backprop.q_6.check_value(in_place)
    assert v.status is Status.INCORRECT and "in place" in v.message


# ---- q_7: XOR --------------------------------------------------------------------------------

class Dense:
    def __init__(self, n_in, n_out, rng):
        self.W = rng.normal(0.0, 1.0 / np.sqrt(n_in), size=(n_in, n_out))
        self.b = np.zeros(n_out)

    def forward(self, X):
        self.X = X
        return X @ self.W + self.b

    def backward(self, output_error, lr):
        dW, db, dX = fc_fixed(self.X, self.W, output_error)
        self.W = self.W - lr * dW
        self.b = self.b - lr * db
        return dX


class Tanh:
    def forward(self, Z):
        self.Z = Z
        return np.tanh(Z)

    def backward(self, output_error, lr):
        return output_error * (1 - np.tanh(self.Z) ** 2)


class Sigmoid:
    def forward(self, Z):
        self.Y = sigmoid(Z)
        return self.Y

    def backward(self, output_error, lr):
        return output_error * self.Y * (1 - self.Y)


class Network:
    def __init__(self, layers):
        self.layers = list(layers)

    def predict(self, X):
        for layer in self.layers:
            X = layer.forward(X)
        return X

    def fit(self, X, y, num_epochs, lr):
        history = []
        for _ in range(num_epochs):
            y_hat = self.predict(X)
            history.append(float(np.mean((y - y_hat) ** 2)))
            error = 2 * (y_hat - y) / y.size
            for layer in reversed(self.layers):
                error = layer.backward(error, lr)
        return history


X_XOR = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
Y_XOR = np.array([[0.0], [1.0], [1.0], [0.0]])


def trained(sizes=(2, 3, 1), seed=0, num_epochs=1500, lr=1.0, hidden_activation=True):
    rng = np.random.default_rng(seed)
    layers = []
    for k, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        layers.append(Dense(n_in, n_out, rng))
        if k == len(sizes) - 2:
            layers.append(Sigmoid())
        elif hidden_activation:
            layers.append(Tanh())
    net = Network(layers)
    return net, net.fit(X_XOR, Y_XOR, num_epochs, lr)


class Fixed:
    """A 'network' whose predictions are given."""

    def __init__(self, outputs):
        self.outputs = np.asarray(outputs, dtype=float)

    def predict(self, X):
        return self.outputs


def test_q7_accepts_trained_networks():
    net, history = trained()
    assert_correct(ex4_backprop.q_7.check_value(net, history[-1]))
    net, history = trained(sizes=(2, 4, 3, 1), seed=1, num_epochs=2000)
    assert_correct(ex4_backprop.q_7.check_value(net, np.float32(history[-1])))
    assert_correct(ex4_backprop.q_7.check_value(Fixed([0.02, 0.97, 0.98, 0.01]), 0.001))


def test_q7_names_each_mistake():
    q = ex4_backprop.q_7
    linear, history = trained(hidden_activation=False, num_epochs=300)   # no tanh after hidden
    assert_mistake(q.check_value(linear, history[-1]), q, 0, "net")
    untrained, _ = trained(num_epochs=0)
    assert_mistake(q.check_value(Fixed([[0.5]] * 4), 0.25), q, 0, "net")
    good, good_history = trained()
    assert_mistake(q.check_value(untrained, good_history[-1]), q, 1, "net")
    assert_mistake(q.check_value(good, good_history[0]), q, 2, "net")
    assert_mistake(q.check_value(Fixed([[0.2], [0.8], [0.8], [0.2]]), 0.04), q, 3, "net")
    assert_mistake(q.check_value(Fixed([[0.6], [0.9], [0.4], [0.1]]), 0.2), q, 4, "net")


def test_q7_odd_values_are_judged_not_crashed():
    q = ex4_backprop.q_7
    for net, final_loss in [(object(), 0.001), (Fixed([np.nan] * 4), 0.001),
                            (Fixed([1.0, 2.0]), 0.001), (Fixed([0, 1, 1, 0]), [0.1, 0.001]),
                            (Fixed([0, 1, 1, 0]), "small")]:
        v = q.check_value(net, final_loss)
        assert v.status is Status.INCORRECT and not v.internal, v

    class Raises:
        def predict(self, X):
            raise ValueError("shapes")
    v = q.check_value(Raises(), 0.001)
    assert v.status is Status.INCORRECT and "shapes" in v.message


# ---- q_8: diagnosis ----------------------------------------------------------------------------

@pytest.mark.parametrize("answer", ["a", "(a)", " A "])
def test_q8_accepts_the_answer(answer):
    assert_correct(ex4_backprop.q_8.check_value(answer))


@pytest.mark.parametrize("answer", ["b", "c", "d"])
def test_q8_explains_the_wrong_options(answer):
    v = ex4_backprop.q_8.check_value(answer)
    assert v.status is Status.INCORRECT
    assert resolve(ex4_backprop.q_8.explanations[answer]) in v.message


# ---- q_9: thought question ---------------------------------------------------------------------

def test_q9_blank_or_too_short_asks_for_an_answer_without_the_discussion():
    discussion = resolve(ex4_backprop.q_9.discussion)
    for value in [____, "", "   ", "central"]:
        v = ex4_backprop.q_9.check_value(value)
        assert v.status is Status.BLANK, (value, v)
        assert discussion not in v.message
    not_words = ex4_backprop.q_9.check_value(42)  # not a text: says so, no discussion
    assert not_words.status is Status.INCORRECT and discussion not in not_words.message
    assert ex4_backprop.q_9.verdict({}).status is Status.BLANK


def test_q9_an_answer_shows_the_discussion():
    discussion = resolve(ex4_backprop.q_9.discussion)
    v = ex4_backprop.q_9.check_value("Central differences cancel the h**2 term; float32 rounds.")
    assert v.status is Status.CORRECT and discussion in v.message
    assert "float32" in discussion and "eps" in discussion


# ---- every question -----------------------------------------------------------------------------

def blank_function(*args):
    return ____


@pytest.mark.parametrize("question, values", [
    (ex4_backprop.q_1, [____]), (ex4_backprop.q_2, [____]), (ex4_backprop.q_2, [blank_function]),
    (ex4_backprop.q_3, [____]), (ex4_backprop.q_3, [blank_function]),
    (ex4_backprop.q_4, [blank_function]), (ex4_backprop.q_5, [____]),
    (ex4_backprop.q_6, [blank_function]), (ex4_backprop.q_7, [____, ____]),
    (ex4_backprop.q_8, [____]), (ex4_backprop.q_9, [____]),
], ids=lambda v: getattr(v, "qid", ""))
def test_blanks_ask_to_fill_in(question, values):
    assert question.check_value(*values).status is Status.BLANK


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.qid)
def test_undefined_variables_ask_to_fill_in(question):
    assert question.verdict({}).status is Status.BLANK


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.qid)
def test_every_question_has_three_hints_from_the_catalogue(question):
    assert len(question.hints) == 3
    assert all(type(h).__name__ == "Msg" and h.key.startswith(f"ex4_backprop.{question.qid}.")
               for h in question.hints)


def test_questions_are_registered_in_order():
    assert ex4_backprop.__all__ == [f"q_{n}" for n in range(1, 10)] + ["____"]
    assert all(q.assignment == "ex4_backprop" for q in QUESTIONS)


def test_messages_follow_the_language_at_check_time(monkeypatch):
    monkeypatch.setenv("LEARNTOOLS_LANG", "zh_CN")
    v = ex4_backprop.q_2.check_value(fc_unfixed)
    assert "一个" in v.message and "`output_error[0]`" in v.message
    assert any("\u4e00" <= ch <= "\u9fff" for ch in ex4_backprop.q_6.hint_text(3))
    monkeypatch.setenv("LEARNTOOLS_LANG", "en")
    assert ex4_backprop.q_2.check_value(fc_unfixed).message.startswith("`fc_backward` takes")


def test_importing_the_exercise_does_not_import_tensorflow():
    code = "import sys, learntools_lite.ex4_backprop; print('tensorflow' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={**os.environ}).stdout.strip()
    assert out == "False"


def released_cell(grade_id):
    import nbformat

    from notebooks import ROOT
    nb = nbformat.read(ROOT / "exercises" / "ex4_backprop" / "ex4_backprop.ipynb", as_version=4)
    return next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)


def test_q2_released_code_is_the_buggy_layer_and_its_check_names_the_bug():
    source = released_cell("q_2").source
    assert "db = output_error[0]" in source and "sum(axis=0)" not in source
    namespace = {"np": np}
    exec(source, namespace)                      # the learner's untouched cell, run for real
    v = ex4_backprop.q_2.verdict(namespace)
    assert v.status is Status.INCORRECT and v.message == message_of(ex4_backprop.q_2, 0)


def test_q1_released_cell_leaves_every_shape_blank():
    namespace = {"____": ____}
    exec(released_cell("q_1").source, namespace)
    assert ex4_backprop.q_1.verdict(namespace).status is Status.BLANK
