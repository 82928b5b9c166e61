"""Exercise 3's checkers: correct answers (and their alternatives) pass, every
catalogued mistake is named, every blank asks to fill in, the find-the-bug
question rejects the bug and a plausible wrong fix by name.

The answers are written here, not read from the notebooks, and the wrong ones
are written the way a learner would write them (not taken from the module's
own mistake functions). The Keras questions use small real models and
History objects built through Keras's public API; the tests that need Keras
are marked slow.
"""
import math
import os

import numpy as np
import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from learntools_lite import ex3_sgd  # noqa: E402
from learntools_lite.core import Status, ____  # noqa: E402
from learntools_lite.messages import Msg, en, zh_CN  # noqa: E402

QUESTIONS = [ex3_sgd.q_1a, ex3_sgd.q_1b, ex3_sgd.q_2, ex3_sgd.q_3a, ex3_sgd.q_3b, ex3_sgd.q_4,
             ex3_sgd.q_5, ex3_sgd.q_6, ex3_sgd.q_7, ex3_sgd.q_8, ex3_sgd.q_9]


# ------------------------------------------------------------ reference answers
def train_linear_sgd(X, y, lr, batch_size, num_epochs, seed=0, divide_w=None, divide_b=None,
                     full_data=False, factor=2.0):
    """The exercise's loop, fixed; the keyword arguments make it one of the learner's mistakes."""
    rng = np.random.default_rng(seed)
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(num_epochs):
        order = rng.permutation(len(y))
        for start in range(0, len(y), batch_size):
            rows = order[start:start + batch_size]
            X_batch, y_batch = (X, y) if full_data else (X[rows], y[rows])
            error = X_batch @ w + b - y_batch
            m_w = divide_w(len(y_batch), len(y), batch_size) if divide_w else len(y_batch)
            m_b = divide_b(len(y_batch), len(y), batch_size) if divide_b else len(y_batch)
            w = w - lr * factor / m_w * X_batch.T @ error
            b = b - lr * factor / m_b * np.sum(error)
    return w, b


def warmup_cosine(t, lr0, warmup_steps, total_steps):
    if t < warmup_steps:
        return lr0 * t / warmup_steps
    progress = min(1.0, (t - warmup_steps) / (total_steps - warmup_steps))
    return 0.5 * lr0 * (1 + math.cos(math.pi * progress))


def adam_once(w, g, lr=0.01, beta_1=0.9, beta_2=0.999, eps=1e-7, correct_m=True,
              correct_v=True, root=True, direction=-1.0):
    """One Adam step from zero state, written from the update rule (switches make mistakes)."""
    m = (1 - beta_1) * g
    v = (1 - beta_2) * g ** 2
    m_hat = m / (1 - beta_1) if correct_m else m
    v_hat = v / (1 - beta_2) if correct_v else v
    scale = np.sqrt(v_hat) if root else v_hat
    return w + direction * lr * m_hat / (scale + eps)


W0, G = np.array([1.0, -2.0]), np.array([0.002, -50.0])

ANSWERS = {"factors": (-1.5, 0.5), "largest_stable_lr": 0.4,
           "train_linear_sgd": train_linear_sgd, "steps_per_epoch": 5, "last_batch_size": 38,
           "w_after_adam": adam_once(W0, G), "warmup_cosine": warmup_cosine,
           "answer_8": "The losses fall fast, then flatten; validation stays above training.",
           "answer_9": "Small batches are noisy; above a learning rate of 1 the runs diverge."}

NUMPY_QUESTIONS = [ex3_sgd.q_1a, ex3_sgd.q_1b, ex3_sgd.q_2, ex3_sgd.q_3a, ex3_sgd.q_3b,
                   ex3_sgd.q_4, ex3_sgd.q_5]


def test_exercise_exports_its_questions_in_order():
    """Does `from learntools_lite.ex3_sgd import *` give q_1a ... q_9 (natural order) and ____?"""
    assert ex3_sgd.__all__ == ["q_1a", "q_1b", "q_2", "q_3a", "q_3b", "q_4", "q_5", "q_6",
                               "q_7", "q_8", "q_9", "____"]
    assert all(q.assignment == "ex3_sgd" for q in QUESTIONS)


def test_fuel_training_set_has_n_train_rows():
    """Are N_CARS and N_TRAIN the sizes the set-up cell makes from the fuel data?"""
    from learntools_lite.datasets import load_fuel

    fuel = load_fuel().dropna(subset=["Miles_per_Gallon", "Horsepower"])
    assert len(fuel) == ex3_sgd.epochs.N_CARS == 392
    assert len(fuel.sample(frac=0.75, random_state=0)) == ex3_sgd.N_TRAIN


@pytest.mark.parametrize("q", NUMPY_QUESTIONS + [ex3_sgd.q_8, ex3_sgd.q_9], ids=lambda q: q.qid)
def test_correct_answers_pass(q):
    """Does each question accept the reference answer, in check and in assert mode?"""
    v = q.verdict(ANSWERS)
    assert v.passed, v.message
    q.assert_check_passed(ANSWERS)


def test_every_question_has_three_hints_in_both_languages():
    """Concept, shapes, skeleton: three catalogued hints, each translated."""
    for q in QUESTIONS:
        assert len(q.hints) == 3, q
        for hint in q.hints:
            assert isinstance(hint, Msg) and hint.key in en.MESSAGES and hint.key in zh_CN.MESSAGES


def test_every_text_of_the_exercise_is_catalogued():
    """Are hints, mistakes and discussions catalogue messages (so a language switch is complete)?"""
    keys = set()
    for q in QUESTIONS:
        texts = list(q.hints) + [m.description for m in getattr(q, "mistakes", ())]
        texts += [q.discussion] if hasattr(q, "discussion") else []
        assert all(isinstance(t, Msg) for t in texts), q
        keys |= {t.key for t in texts}
    ours = {k for k in en.MESSAGES if k.startswith("ex3_sgd.")}
    assert keys == ours  # every catalogued text is used, every used one catalogued
    assert ours == {k for k in zh_CN.MESSAGES if k.startswith("ex3_sgd.")}


def test_chinese_feedback(monkeypatch):
    """With LEARNTOOLS_LANG=zh_CN, do hints, named mistakes and discussions read in Chinese?"""
    monkeypatch.setenv("LEARNTOOLS_LANG", "zh_CN")
    assert "曲率" in ex3_sgd.q_1a.hint_text(1)
    assert "批量" in ex3_sgd.q_2.check_value(starter_loop).message
    assert "学习率" in ex3_sgd.q_9.feedback(ANSWERS).body


# ------------------------------------------------------------ alternatives
def sgd_with_means(X, y, lr, batch_size, num_epochs, seed=0):
    rng = np.random.default_rng(seed)
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(num_epochs):
        order = rng.permutation(len(y))
        for start in range(0, len(y), batch_size):
            rows = order[start:start + batch_size]
            error = X[rows] @ w + b - y[rows]
            w = w - lr * 2 * np.mean(error[:, None] * X[rows], axis=0)
            b = b - lr * 2 * error.mean()
    return [w, np.float64(b)]


def sgd_dividing_by_rows(X, y, lr, batch_size, num_epochs, seed=0):
    rng = np.random.default_rng(seed)
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(num_epochs):
        order = rng.permutation(len(y))
        for start in range(0, len(y), batch_size):
            rows = order[start:start + batch_size]
            error = X[rows] @ w + b - y[rows]
            w = w - lr * (X[rows].T @ error) * 2 / rows.size
            b = b - lr * error.sum() * 2 / rows.size
    return w, b


def schedule_with_numpy(t, lr0, warmup_steps, total_steps):
    p = np.clip((t - warmup_steps) / (total_steps - warmup_steps), 0.0, 1.0)
    decay = lr0 * (1 + np.cos(np.pi * p)) / 2
    return np.where(t < warmup_steps, lr0 * t / warmup_steps, decay)


def schedule_by_cases(t, lr0, warmup_steps, total_steps):
    if t >= total_steps:
        return 0
    if t >= warmup_steps:
        angle = math.pi * (t - warmup_steps) / (total_steps - warmup_steps)
        return lr0 / 2 + lr0 / 2 * math.cos(angle)
    return t * (lr0 / warmup_steps)


ALTERNATIVES = [
    (ex3_sgd.q_1a, [-1.5, 0.5]), (ex3_sgd.q_1a, np.array([-1.5, 0.5])),
    (ex3_sgd.q_1a, (np.float64(1 - 0.5 * 5), 1 - 0.5)),
    (ex3_sgd.q_1b, 2 / 5), (ex3_sgd.q_1b, np.float64(0.4)),
    (ex3_sgd.q_2, sgd_with_means), (ex3_sgd.q_2, sgd_dividing_by_rows),
    (ex3_sgd.q_3a, np.int64(5)), (ex3_sgd.q_3a, -(-294 // 64)), (ex3_sgd.q_3a, 5.0),
    (ex3_sgd.q_3b, np.int64(38)), (ex3_sgd.q_3b, 294 - 4 * 64),
    (ex3_sgd.q_4, [0.99, -1.99]), (ex3_sgd.q_4, (0.9900005, -1.99)),
    (ex3_sgd.q_4, adam_once(W0, G, eps=0.0)),
    (ex3_sgd.q_5, schedule_with_numpy), (ex3_sgd.q_5, schedule_by_cases),
    (ex3_sgd.q_8, "曲线先快速下降，然后变平；验证损失略高于训练损失，开始过拟合。"),
    (ex3_sgd.q_9, "  a long enough answer\nover two lines  "),
]


@pytest.mark.parametrize("q, value", ALTERNATIVES, ids=lambda x: getattr(x, "qid", ""))
def test_alternative_correct_answers(q, value):
    """Are other correct ways (lists, NumPy scalars, vectorised code, other formulas) accepted?"""
    v = q.check_value(value)
    assert v.passed, (q, v.message)


# ------------------------------------------------------------ mistakes
def starter_loop(X, y, lr, batch_size, num_epochs, seed=0):
    """The released, buggy loop: the mean over all samples, `len(y)`."""
    return train_linear_sgd(X, y, lr, batch_size, num_epochs, seed,
                            divide_w=lambda m, n, B: n, divide_b=lambda m, n, B: n)


def no_offset(t, lr0, warmup_steps, total_steps):
    if t < warmup_steps:
        return lr0 * t / warmup_steps
    return 0.5 * lr0 * (1 + math.cos(math.pi * min(1.0, t / total_steps)))


def no_clamp(t, lr0, warmup_steps, total_steps):
    if t < warmup_steps:
        return lr0 * t / warmup_steps
    return 0.5 * lr0 * (1 + math.cos(math.pi * (t - warmup_steps) / (total_steps - warmup_steps)))


def warmup_shifted(t, lr0, warmup_steps, total_steps):
    if t < warmup_steps:
        return lr0 * (t + 1) / warmup_steps
    return warmup_cosine(t, lr0, warmup_steps, total_steps)


def plain_cosine(t, lr0, warmup_steps, total_steps):
    if t < warmup_steps:
        return lr0 * t / warmup_steps
    return lr0 * math.cos(math.pi * min(1.0, (t - warmup_steps) / (total_steps - warmup_steps)))


def no_warmup(t, lr0, warmup_steps, total_steps):
    return warmup_cosine(max(t, warmup_steps), lr0, warmup_steps, total_steps)


def loop(**mistake):
    return lambda X, y, lr, B, epochs, seed=0: train_linear_sgd(X, y, lr, B, epochs, seed,
                                                                **mistake)


MISTAKES = [
    (ex3_sgd.q_1a, (-0.25, 0.75), "coefficients 2.5 and 0.5"),
    (ex3_sgd.q_1a, (2.5, 0.5), "how much of w_i one step takes away"),
    (ex3_sgd.q_1a, (3.5, 1.5), "adds the gradient"),
    (ex3_sgd.q_1a, (1.5, 0.5), "drops a sign"),
    (ex3_sgd.q_1a, (0.5, -1.5), "the wrong way round"),
    (ex3_sgd.q_1b, 0.2, "reaches the minimum of w1 in one step"),
    (ex3_sgd.q_1b, 2, "limit of the flat direction"),
    (ex3_sgd.q_1b, 0.8, "coefficient 2.5 as the curvature"),
    (ex3_sgd.q_1b, 1, "minimum of the flat direction w2 in one step"),
    (ex3_sgd.q_2, starter_loop, "still has the bug of the loop as given"),
    (ex3_sgd.q_2, loop(divide_w=lambda m, n, B: B, divide_b=lambda m, n, B: B),
     "divides by `batch_size`"),
    (ex3_sgd.q_2, loop(divide_b=lambda m, n, B: n), "but `grad_b` still divides"),
    (ex3_sgd.q_2, loop(divide_w=lambda m, n, B: n), "but `grad_w` still divides"),
    (ex3_sgd.q_2, loop(full_data=True), "on all the data"),
    (ex3_sgd.q_2, loop(factor=1.0), "drops the factor 2"),
    (ex3_sgd.q_2, loop(divide_w=lambda m, n, B: 1, divide_b=lambda m, n, B: 1),
     "no longer divides at all"),
    (ex3_sgd.q_3a, 4, "leaves out the last, smaller batch"),
    (ex3_sgd.q_3a, 294 / 64, "not a whole number"),
    (ex3_sgd.q_3a, 294, "number of cars in an epoch"),
    (ex3_sgd.q_3a, math.ceil(392 / 64), "counts all 392 cars"),
    (ex3_sgd.q_3b, 64, "is the full batch size"),
    (ex3_sgd.q_3b, 64 - 38, "lacks to be full"),
    (ex3_sgd.q_3b, 392 % 64, "last batch of all 392 cars"),
    (ex3_sgd.q_3b, 294, "the whole training set"),
    (ex3_sgd.q_3b, (294 / 64) % 1, "fraction of a batch"),
    (ex3_sgd.q_4, W0 - 0.01 * G, "plain SGD step"),
    (ex3_sgd.q_4, adam_once(W0, G, correct_m=False, correct_v=False), "leaves out the bias"),
    (ex3_sgd.q_4, adam_once(W0, G, correct_v=False), "corrects m but not v"),
    (ex3_sgd.q_4, adam_once(W0, G, correct_m=False), "corrects v but not m"),
    (ex3_sgd.q_4, adam_once(W0, G, direction=1.0), "in the direction of its gradient"),
    (ex3_sgd.q_4, adam_once(W0, G, root=False), "instead of its square root"),
    (ex3_sgd.q_5, no_offset, "runs the cosine from step 0"),
    (ex3_sgd.q_5, no_clamp, "keeps following the cosine"),
    (ex3_sgd.q_5, warmup_shifted, "warms up with (t + 1) / W"),
    (ex3_sgd.q_5, plain_cosine, "ends at -lr0"),
    (ex3_sgd.q_5, no_warmup, "has no warm-up"),
]


@pytest.mark.parametrize("q, value, phrase", MISTAKES, ids=lambda x: getattr(x, "qid", ""))
def test_mistake_is_named(q, value, phrase):
    """Does a hand-written answer making a catalogued mistake get exactly that message?"""
    v = q.check_value(value)
    assert v.status is Status.INCORRECT and phrase in v.message, (q, phrase, v.message)


def test_every_catalogued_mistake_has_a_test():
    """Is each Mistake of the NumPy questions made by one of the answers above, and only one?"""
    catalogued = {(q.qid, m.description.key) for q in NUMPY_QUESTIONS for m in q.mistakes}
    named = set()
    for q, _, phrase in MISTAKES:
        hits = [m for m in q.mistakes if phrase in m.message(q.name)]
        assert len(hits) == 1, phrase
        named.add((q.qid, hits[0].description.key))
    assert named == catalogued


def test_find_the_bug_rejects_the_bug_and_wrong_fixes_by_name():
    """The released loop and the `batch_size` fix fail with their names; the real fix passes."""
    assert "len(y) / m times smaller" in ex3_sgd.q_2.check_value(starter_loop).message
    by_batch_size = loop(divide_w=lambda m, n, B: B, divide_b=lambda m, n, B: B)
    assert "last batch" in ex3_sgd.q_2.check_value(by_batch_size).message
    assert ex3_sgd.q_2.check_value(train_linear_sgd).passed


def test_the_batch_size_fix_differs_only_on_a_partial_last_batch():
    """Is the canonical data one where `batch_size` and the batch's rows differ (50 = 3 * 16 + 2)?"""
    X, y, lr, B, epochs = ex3_sgd.q_2.all_cases()[0][:5]
    by_batch_size = loop(divide_w=lambda m, n, B: B, divide_b=lambda m, n, B: B)
    assert len(y) % B != 0
    assert not np.allclose(by_batch_size(X, y, lr, B, epochs)[0],
                           train_linear_sgd(X, y, lr, B, epochs)[0])
    assert np.allclose(by_batch_size(X[:48], y[:48], lr, B, epochs)[0],
                       train_linear_sgd(X[:48], y[:48], lr, B, epochs)[0])


def test_training_oracle_matches_a_plain_loop():
    """Does the complex-step reference loop agree with the loop written out here?"""
    from learntools_lite.ex3_sgd.training_loop import _training

    rng = np.random.default_rng(8)
    for _ in range(5):
        case = ex3_sgd.q_2.random_cases(rng)
        w, b = _training()(*case)
        w_ref, b_ref = train_linear_sgd(*case)
        assert np.allclose(w, w_ref, rtol=1e-12, atol=1e-14) and math.isclose(b, b_ref,
                                                                             rel_tol=1e-12,
                                                                             abs_tol=1e-14)


def test_other_wrong_answers_are_described():
    """Wrong types and shapes get a specific, uncatalogued message, never an internal error."""
    for q, value in [(ex3_sgd.q_1a, -1.5), (ex3_sgd.q_1a, (1, 2, 3)), (ex3_sgd.q_1b, "0.4"),
                     (ex3_sgd.q_3a, 6), (ex3_sgd.q_4, [0.99]), (ex3_sgd.q_2, 3),
                     (ex3_sgd.q_5, lambda t, lr0, W, T: lr0),
                     (ex3_sgd.q_2, lambda X, y, lr, B, epochs, seed=0: X)]:
        v = q.check_value(value)
        assert v.status is Status.INCORRECT and not v.internal, (q, v)


# ------------------------------------------------------------ blanks and thought questions
def test_every_blank_asks_to_fill_in():
    """Do ____ values, stub functions and undefined names say 'Fill in'?"""
    def schedule_stub(t, lr0, warmup_steps, total_steps):
        ____  # YOUR CODE HERE

    for q in QUESTIONS:
        assert q.verdict({}).status is Status.BLANK, q
        value = schedule_stub if q is ex3_sgd.q_5 else ____
        v = q.check_value(value)
        assert v.status is Status.BLANK and str(v).startswith("Fill in"), (q, v)


@pytest.mark.parametrize("q", [ex3_sgd.q_8, ex3_sgd.q_9], ids=lambda q: q.qid)
def test_thought_question_asks_for_an_answer_before_the_discussion(q, capsys):
    """Blank, empty or very short: asked to fill in, no discussion. Written: the discussion."""
    discussion = str(q.discussion)
    assert len(discussion) > 600
    for unanswered in (____, "", "   ", "ok"):
        feedback = q.feedback({q.var: unanswered})
        assert feedback.kind == "blank" and discussion[:80] not in str(feedback), unanswered
    assert q.check_value(42).status is Status.INCORRECT
    q.check(ANSWERS)
    assert discussion[:80] in capsys.readouterr().out


# ------------------------------------------------------------ data the module ships
@pytest.mark.slow
def test_adam_step_is_what_keras_does():
    """Is the expected value of q_4 what keras.optimizers.Adam does (and the rule written here)?"""
    keras = pytest.importorskip("keras")
    variable = keras.Variable(W0, dtype="float64")
    keras.optimizers.Adam(learning_rate=0.01).apply_gradients(
        [(keras.ops.convert_to_tensor(G, dtype="float64"), variable)])
    after = keras.ops.convert_to_numpy(variable)
    # Keras keeps its constants in float32: its step is within 1e-4 of the exact one
    assert np.allclose(after - W0, ex3_sgd.adam.AFTER_ONE_STEP - W0, rtol=1e-2)
    assert np.allclose(adam_once(W0, G), ex3_sgd.adam.AFTER_ONE_STEP, rtol=1e-12)
    assert ex3_sgd.q_4.check_value(after).passed  # a learner who copies Keras's numbers


@pytest.mark.slow
def test_schedule_oracle_is_keras_cosine_decay_with_warmup():
    """Does q_5's oracle give Keras's CosineDecay(warmup_target=..., warmup_steps=...) rates?"""
    keras = pytest.importorskip("keras")
    from learntools_lite.ex3_sgd.schedule import _oracle

    for lr0, warmup, total in [(0.1, 10, 100), (0.002, 4, 20), (0.7, 1, 2)]:
        schedule = keras.optimizers.schedules.CosineDecay(
            0.0, decay_steps=total - warmup, warmup_target=lr0, warmup_steps=warmup)
        for t in range(total + 10):
            assert math.isclose(_oracle(t, lr0, warmup, total), float(schedule(t)),
                                rel_tol=1e-5, abs_tol=1e-6 * lr0), (lr0, warmup, total, t)


# ------------------------------------------------------------ Keras questions
@pytest.fixture(scope="module")
def keras():
    return pytest.importorskip("keras")


def _model(keras):
    keras.utils.set_random_seed(0)
    return keras.Sequential([keras.Input(shape=(9,)), keras.layers.Dense(4, activation="relu"),
                             keras.layers.Dense(1)])


@pytest.mark.slow
def test_compile_accepts_strings_and_objects(keras):
    ways = [("adam", "mae"), ("Adam", "mean_absolute_error"), ("ADAM", "MAE"),
            (keras.optimizers.Adam(), keras.losses.MeanAbsoluteError()),
            (keras.optimizers.Adam(learning_rate=0.01), keras.losses.mean_absolute_error)]
    for optimizer, loss in ways:
        model = _model(keras)
        model.compile(optimizer=optimizer, loss=loss)
        v = ex3_sgd.q_6.check_value(model)
        assert v.passed, (optimizer, loss, v.message)


@pytest.mark.slow
def test_compile_names_the_wrong_setting(keras):
    model = _model(keras)
    assert ex3_sgd.q_6.check_value(model).status is Status.BLANK  # not compiled yet
    model.compile(optimizer="sgd", loss="mae")
    v = ex3_sgd.q_6.check_value(model)
    assert v.status is Status.INCORRECT and "optimizer" in v.message and "sgd" in v.message
    model.compile(optimizer="adam", loss="mse")
    v = ex3_sgd.q_6.check_value(model)
    assert v.status is Status.INCORRECT and "loss" in v.message
    assert ex3_sgd.q_6.check_value("adam").status is Status.INCORRECT


@pytest.mark.slow
@pytest.mark.parametrize("loss", ["Mean_Absolute_Error", "Mae", "mean absolute error", "mae "])
def test_compile_with_a_loss_keras_rejects_is_never_correct(keras, loss):
    """A loss name `fit` would refuse is named as unknown to Keras, however close to "mae"."""
    model = _model(keras)
    model.compile(optimizer="adam", loss=loss)
    with pytest.raises(ValueError):
        keras.losses.get(loss)  # Keras itself refuses it
    v = ex3_sgd.q_6.check_value(model)
    assert v.status is Status.INCORRECT and "Keras does not accept" in v.message, v.message


def _history(keras, epochs=100, steps=5, validation=True):
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


@pytest.mark.slow
def test_fit_checks_epochs_and_batch_size(keras):
    assert ex3_sgd.q_7.check_value(_history(keras)).passed
    v = ex3_sgd.q_7.check_value(_history(keras, epochs=200))
    assert v.status is Status.INCORRECT and "epochs=200" in v.message
    for steps in (10, 3, 2):  # batch sizes 32 (the default), 128, 256
        v = ex3_sgd.q_7.check_value(_history(keras, steps=steps))
        assert v.status is Status.INCORRECT and "batch_size=64" in v.message, v.message
        assert "validation_split" not in v.message
    v = ex3_sgd.q_7.check_value(_history(keras, validation=False))
    assert v.status is Status.INCORRECT and "val_loss" in v.message
    assert ex3_sgd.q_7.check_value(_model(keras)).status is Status.INCORRECT


@pytest.mark.slow
def test_fit_with_validation_split_names_it_and_never_blames_the_batch_size(keras):
    """A real fit with validation_split=0.2, the asked batch size and epochs: validation_split is named."""
    rng = np.random.default_rng(0)
    X = rng.normal(size=(ex3_sgd.N_TRAIN, 9)).astype("float32")
    y = rng.normal(size=ex3_sgd.N_TRAIN).astype("float32")
    model = keras.Sequential([keras.Input(shape=(9,)), keras.layers.Dense(1)])
    model.compile(optimizer="adam", loss="mae")
    history = model.fit(X, y, validation_split=0.2, batch_size=ex3_sgd.BATCH_SIZE,
                        epochs=ex3_sgd.NUM_EPOCHS, verbose=0)
    v = ex3_sgd.q_7.check_value(history)
    assert v.status is Status.INCORRECT, v
    assert "validation_split" in v.message and "validation_data" in v.message
    assert "batch size of about" not in v.message and "batch_size=" not in v.message
