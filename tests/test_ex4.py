"""Exercise 4's checkers: right answers pass, blanks ask to fill in, and every
catalogued mistake, written by hand as a learner would, gets its own message."""
import numpy as np
import pytest

from learntools_lite import ex4
from learntools_lite.core import Status
from learntools_lite.core.blank import ____


def message_of(question, index, name=None):
    return question.mistakes[index].message(name or question.name)


def assert_correct(verdict):
    assert verdict.status is Status.CORRECT, verdict


def assert_mistake(verdict, question, index, name=None):
    assert verdict.status is Status.INCORRECT, verdict
    assert verdict.message == message_of(question, index, name), verdict


# ---- q_1: fc_backward ----------------------------------------------------------------

def fc_solution(X, W, output_error):
    return X.T @ output_error, output_error.sum(axis=0), output_error @ W.T


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


@pytest.mark.parametrize("answer", [fc_solution, fc_keepdims, fc_einsum, fc_loop])
def test_q1_accepts_right_answers(answer):
    assert_correct(ex4.q_1.check_value(answer))


FC_MISTAKES = [
    (0, lambda X, W, E: (X.T @ E, E, E @ W.T)),                     # db per sample
    (1, lambda X, W, E: (X.T @ E, np.mean(E, axis=0), E @ W.T)),     # db averaged
    (2, lambda X, W, E: (X.T @ E / X.shape[0], E.mean(0), E @ W.T)),  # both averaged
    (3, lambda X, W, E: (X.T @ E, E.sum(axis=1), E @ W.T)),          # wrong axis
    (4, lambda X, W, E: (X @ E, E.sum(0), E @ W.T)),                 # X not transposed
    (5, lambda X, W, E: (X.T @ E, E.sum(0), E @ W)),                 # W not transposed
    (6, lambda X, W, E: (np.dot(X, E), E.sum(0), np.dot(E, W))),     # neither
    (7, lambda X, W, E: ((X.T @ E).T, E.sum(0), E @ W.T)),           # dW transposed
    (8, lambda X, W, E: (X.T @ E, E.sum(0), W @ E.T)),               # dX transposed
    (9, lambda X, W, E: (-X.T @ E, -E.sum(0), -E @ W.T)),            # sign
]


@pytest.mark.parametrize("index, answer", FC_MISTAKES)
def test_q1_names_each_mistake(index, answer):
    assert_mistake(ex4.q_1.check_value(answer), ex4.q_1, index)


def test_q1_catalogue_is_covered():
    assert sorted(i for i, _ in FC_MISTAKES) == list(range(len(ex4.q_1.mistakes)))


def test_q1_a_missing_transpose_that_crashes_is_still_named():
    """Is `X @ output_error` named although it raises on the non-square cases?"""
    def answer(X, W, output_error):
        return X @ output_error, output_error.sum(axis=0), output_error @ W.T
    with pytest.raises(ValueError):
        answer(*ex4.q_1.all_cases()[0])
    assert_mistake(ex4.q_1.check_value(answer), ex4.q_1, 4)


def test_q1_other_failures_are_reported_plainly():
    def raises(X, W, output_error):
        raise RuntimeError("boom")
    v = ex4.q_1.check_value(raises)
    assert v.status is Status.INCORRECT and "boom" in v.message and not v.internal
    v = ex4.q_1.check_value(lambda X, W, E: None)
    assert v.status is Status.INCORRECT and not v.internal
    v = ex4.q_1.check_value(lambda X, W, E: (X.T @ E, E.sum(0)))
    assert v.status is Status.INCORRECT and not v.internal


# ---- q_2: activation_backward ----------------------------------------------------------

@pytest.mark.parametrize("answer", [
    lambda Z, E: E * (1 - np.tanh(Z) ** 2),
    lambda Z, E: E / np.cosh(Z) ** 2,
    lambda Z, E: np.multiply(E, (1 - np.tanh(Z)) * (1 + np.tanh(Z))),
])
def test_q2_accepts_right_answers(answer):
    assert_correct(ex4.q_2.check_value(answer))


def tanh_prime(x):
    return 1 - np.tanh(x) ** 2


ACT_MISTAKES = [
    (0, lambda Z, E: E * tanh_prime(np.tanh(Z))),      # derivative at the output
    (1, lambda Z, E: E * (1 - Z * Z)),                  # 1 - y**2 with y = Z
    (2, lambda Z, E: tanh_prime(Z)),                    # output_error forgotten
    (3, lambda Z, E: np.tanh(Z) * E),                   # tanh instead of tanh'
    (4, lambda Z, E: E * (1 - np.tanh(Z))),             # square forgotten
    (5, lambda Z, E: -E * tanh_prime(Z)),               # sign
    (6, lambda Z, E: E @ tanh_prime(Z)),                # matrix product
    (6, lambda Z, E: np.dot(tanh_prime(Z), E)),         # matrix product, other order
]


@pytest.mark.parametrize("index, answer", ACT_MISTAKES)
def test_q2_names_each_mistake(index, answer):
    assert_mistake(ex4.q_2.check_value(answer), ex4.q_2, index)


def test_q2_catalogue_is_covered():
    assert sorted({i for i, _ in ACT_MISTAKES}) == list(range(len(ex4.q_2.mistakes)))


# ---- q_3: mse_prime ---------------------------------------------------------------------

@pytest.mark.parametrize("answer", [
    lambda y_true, y_pred: 2 * (y_pred - y_true) / y_true.size,
    lambda y_true, y_pred: (2 / np.prod(y_pred.shape)) * np.subtract(y_pred, y_true),
    lambda y_true, y_pred: -2 * (y_true - y_pred) / len(y_true.ravel()),
])
def test_q3_accepts_right_answers(answer):
    assert_correct(ex4.q_3.check_value(answer))


MSE_MISTAKES = [
    (0, lambda t, p: np.mean(2 * (p - t))),             # one number
    (1, lambda t, p: (p - t) / t.size),                 # no 2
    (2, lambda t, p: 2 * (p - t)),                      # no 1/n
    (3, lambda t, p: p - t),                            # derivative of half the SSE
    (4, lambda t, p: 2 * (t - p) / t.size),             # sign
    (5, lambda t, p: 2 * (p - t) / t.shape[0]),         # divides by rows
]


@pytest.mark.parametrize("index, answer", MSE_MISTAKES)
def test_q3_names_each_mistake(index, answer):
    assert_mistake(ex4.q_3.check_value(answer), ex4.q_3, index)


def test_q3_catalogue_is_covered():
    assert sorted(i for i, _ in MSE_MISTAKES) == list(range(len(ex4.q_3.mistakes)))


# ---- q_4: grad_check ----------------------------------------------------------------------

def norm(v):
    return np.linalg.norm(v)


def gc_solution(f, x, analytic_grad, h=1e-5):
    x = x.astype(float)
    numeric = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + h
        f_plus = f(x)
        x[i] = old - h
        f_minus = f(x)
        x[i] = old
        numeric[i] = (f_plus - f_minus) / (2 * h)
    scale = norm(analytic_grad) + norm(numeric)
    return 0.0 if scale == 0 else norm(analytic_grad - numeric) / scale


def gc_flat(f, x, analytic_grad):
    # flat copy, unit vectors, reshape back
    h, flat = 1e-5, np.array(x, dtype=float).ravel()
    numeric = np.array([(f((flat + h * e).reshape(x.shape)) - f((flat - h * e).reshape(x.shape)))
                        / (2 * h) for e in np.eye(flat.size)]).reshape(x.shape)
    return float(norm(analytic_grad - numeric) / (norm(analytic_grad) + norm(numeric)))


def gc_h_1e6(f, x, analytic_grad):
    return gc_solution(f, x, analytic_grad, h=1e-6)


@pytest.mark.parametrize("answer", [gc_solution, gc_flat, gc_h_1e6])
def test_q4_accepts_right_answers(answer):
    assert_correct(ex4.q_4.check_value(answer))


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
def test_q4_names_each_mistake(index, answer):
    assert_mistake(ex4.q_4.check_value(answer), ex4.q_4, index)


def test_q4_catalogue_is_covered():
    assert sorted(i for i, _ in GC_MISTAKES) == list(range(len(ex4.q_4.mistakes)))


def test_q4_changing_the_callers_x_is_reported():
    def in_place(f, x, g, h=1e-5):
        numeric = np.zeros(x.shape)
        for i in np.ndindex(x.shape):
            x[i] += h
            up = f(x)
            x[i] -= 2 * h
            numeric[i] = (up - f(x)) / (2 * h)      # x is left shifted by -h
        return norm(g - numeric) / (norm(g) + norm(numeric))
    v = ex4.q_4.check_value(in_place)
    assert v.status is Status.INCORRECT and "in place" in v.message


# ---- q_5: XOR -----------------------------------------------------------------------------

class Dense:
    def __init__(self, n_in, n_out, rng):
        self.W = rng.normal(0.0, 1.0 / np.sqrt(n_in), size=(n_in, n_out))
        self.b = np.zeros(n_out)

    def forward(self, X):
        self.X = X
        return X @ self.W + self.b

    def backward(self, output_error, lr):
        dW, db, dX = fc_solution(self.X, self.W, output_error)
        self.W = self.W - lr * dW
        self.b = self.b - lr * db
        return dX


class Tanh:
    def forward(self, Z):
        self.Z = Z
        return np.tanh(Z)

    def backward(self, output_error, lr):
        return output_error * (1 - np.tanh(self.Z) ** 2)


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


def trained(sizes=(2, 3, 1), seed=0, num_epochs=1000, lr=0.5, hidden_activation=True):
    rng = np.random.default_rng(seed)
    layers = []
    for k, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        layers.append(Dense(n_in, n_out, rng))
        if hidden_activation or k == len(sizes) - 2:
            layers.append(Tanh())
    net = Network(layers)
    return net, net.fit(X_XOR, Y_XOR, num_epochs, lr)


class Fixed:
    """A 'network' whose predictions are given."""

    def __init__(self, outputs):
        self.outputs = np.asarray(outputs, dtype=float)

    def predict(self, X):
        return self.outputs


def test_q5_accepts_trained_networks():
    net, history = trained()
    assert_correct(ex4.q_5.check_value(net, history[-1]))
    net, history = trained(sizes=(2, 4, 3, 1), seed=1)
    assert_correct(ex4.q_5.check_value(net, np.float32(history[-1])))
    # a 1-D prediction is fine too
    assert_correct(ex4.q_5.check_value(Fixed([0.02, 0.97, 0.98, 0.01]), 0.001))


def test_q5_names_each_mistake():
    q = ex4.q_5
    linear, history = trained(hidden_activation=False)           # no tanh after hidden
    assert_mistake(q.check_value(linear, history[-1]), q, 0, "net")
    untrained, _ = trained(num_epochs=0)
    assert_mistake(q.check_value(Fixed([[0.5]] * 4), 0.25), q, 0, "net")
    good, good_history = trained()
    assert_mistake(q.check_value(untrained, good_history[-1]), q, 1, "net")
    assert_mistake(q.check_value(good, good_history[0]), q, 2, "net")
    assert_mistake(q.check_value(Fixed([[0.2], [0.8], [0.8], [0.2]]), 0.04), q, 3, "net")
    short, short_history = trained(num_epochs=30)
    assert_mistake(q.check_value(short, short_history[-1]), q, 4, "net")


def test_q5_odd_values_are_judged_not_crashed():
    q = ex4.q_5
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


# ---- q_6 ----------------------------------------------------------------------------------

@pytest.mark.parametrize("answer", ["a", "(a)", " A "])
def test_q6_accepts_the_answer(answer):
    assert_correct(ex4.q_6.check_value(answer))


@pytest.mark.parametrize("answer", ["b", "c", "d"])
def test_q6_explains_the_wrong_options(answer):
    v = ex4.q_6.check_value(answer)
    assert v.status is Status.INCORRECT
    assert ex4.q_6.explanations[answer] in v.message


# ---- every question ----------------------------------------------------------------------

def blank_function(*args):
    return ____


@pytest.mark.parametrize("question, values", [
    (ex4.q_1, [____]), (ex4.q_1, [blank_function]),
    (ex4.q_2, [____]), (ex4.q_2, [blank_function]),
    (ex4.q_3, [____]), (ex4.q_4, [blank_function]),
    (ex4.q_5, [____, ____]), (ex4.q_6, [____]),
], ids=lambda v: getattr(v, "qid", ""))
def test_blanks_ask_to_fill_in(question, values):
    assert question.check_value(*values).status is Status.BLANK


def test_undefined_variables_ask_to_fill_in():
    for question in (ex4.q_1, ex4.q_2, ex4.q_3, ex4.q_4, ex4.q_5, ex4.q_6):
        assert question.verdict({}).status is Status.BLANK


def test_every_question_has_two_hints():
    for question in (ex4.q_1, ex4.q_2, ex4.q_3, ex4.q_4, ex4.q_5, ex4.q_6):
        assert len(question.hints) >= 2


def test_importing_the_exercise_does_not_import_tensorflow():
    import subprocess
    import sys
    code = "import sys, learntools_lite.ex4; print('tensorflow' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "False"
