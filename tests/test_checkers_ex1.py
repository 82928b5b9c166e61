"""Exercise 1's checkers: correct answers (and their alternatives) pass, every
catalogued mistake is named, every blank asks to fill in, test cells grade alike.

The correct answers are written here, not read from the notebooks.
"""
import numpy as np
import pytest

from learntools_lite import ex1
from learntools_lite.core import Status, ____
from learntools_lite.datasets import load_mnist


@pytest.fixture(scope="module")
def images():
    (train_images, _), _ = load_mnist()
    return train_images


@pytest.fixture(scope="module")
def answers(images):
    batch = images[:4].astype("float32") / 255

    def naive_relu(x):
        x = x.copy()
        for i in range(x.shape[0]):
            for j in range(x.shape[1]):
                x[i, j] = max(x[i, j], 0.0)
        return x

    def dense_forward(X, W, b):
        return np.maximum(X @ W + b, 0.0)

    return {"batch": batch, "series_shape": (250, 390, 3), "naive_relu": naive_relu,
            "dense_forward": dense_forward, "flat": batch.reshape(len(batch), -1),
            "answer_6": "a"}


QUESTIONS = [f"q_{i}" for i in range(1, 8)]


@pytest.mark.parametrize("qid", QUESTIONS)
def test_correct_answers_pass(qid, answers):
    """Does each question accept the reference answer, in check and assert mode?"""
    q = getattr(ex1, qid)
    assert q.verdict(answers).passed, q.verdict(answers).message
    q.assert_check_passed(answers)


def test_alternative_correct_answers(images, answers):
    """Are float64 vs float32, list vs tuple and equivalent formulas all accepted?"""
    ok = [
        (ex1.q_1, images[:4] / 255.0),
        (ex1.q_1, np.asarray(images[:4], dtype=np.float64) * (1 / 255)),
        (ex1.q_2, [250, 390, 3]),
        (ex1.q_2, np.zeros((250, 390, 3)).shape),
        (ex1.q_3, lambda x: np.maximum(x, 0.0)),
        (ex1.q_3, lambda x: np.where(x > 0, x, 0)),
        (ex1.q_3, lambda x: x * (x > 0)),
        (ex1.q_4, lambda X, W, b: np.maximum(np.dot(X, W) + b[None, :], 0)),
        (ex1.q_4, lambda X, W, b: np.clip(np.einsum("nd,dk->nk", X, W) + b, 0, None)),
        (ex1.q_5, answers["batch"].reshape(4, 784)),
        (ex1.q_5, answers["batch"].reshape(4, -1).tolist()),
        (ex1.q_6, "A"),
        (ex1.q_6, "(a)"),
    ]
    for q, value in ok:
        v = q.check_value(value)
        assert v.passed, (q, v.message)


def _mistakes(images, answers):
    batch = answers["batch"]
    return [
        (ex1.q_1, images[:4].astype("float32"), "divide by 255"),
        (ex1.q_1, images[-4:] / 255, "last four images"),
        (ex1.q_1, images[-4:].astype(float), "last four images"),
        (ex1.q_2, (250, 3, 390), "Features go on the last axis"),
        (ex1.q_2, (390, 250, 3), "first axis is the samples axis"),
        (ex1.q_2, (250, 3), "keep the timestep axis"),
        (ex1.q_3, np.abs, "returns |x|"),
        (ex1.q_3, lambda x: np.minimum(x, 0.0), "returns min(x, 0)"),
        (ex1.q_4, lambda X, W, b: np.maximum(X @ W, 0), "leaves out the bias"),
        (ex1.q_4, lambda X, W, b: X @ W + b, "leaves out the ReLU"),
        (ex1.q_4, lambda X, W, b: np.maximum(X @ W, 0) + b, "adds the bias after the ReLU"),
        (ex1.q_5, batch.reshape(-1), "flattened the batch axis too"),
    ]


def test_every_catalogued_mistake_is_named(images, answers):
    """Does a wrong answer making each Mistake of ex1 get that Mistake's message?"""
    cases = _mistakes(images, answers)
    catalogued = sum(len(getattr(ex1, q).mistakes) for q in ("q_1", "q_2", "q_3", "q_4", "q_5"))
    named = {(id(q), m) for q, _, m in cases}
    assert len(named) >= catalogued
    for q, value, phrase in cases:
        v = q.check_value(value)
        assert v.status is Status.INCORRECT and phrase in v.message, (q, v.message)


def test_generic_mistakes_in_ex1(answers):
    """Are mistakes outside the catalogue still described specifically?"""
    batch = answers["batch"]
    assert "integer dtype" in ex1.q_1.check_value((batch * 255).astype(np.uint8)).message
    assert "shape (28, 28, 4)" in ex1.q_1.check_value(batch.transpose(1, 2, 0)).message
    assert "should be one of" in ex1.q_6.check_value("e").message
    assert "frames axis is missing" in ex1.q_6.check_value("b").message

    def transposed(X, W, b):
        return np.maximum(X @ W + b, 0).T

    assert "raised" in ex1.q_4.check_value(lambda X, W, b: np.maximum(W @ X + b, 0)).message
    assert "transposed" in ex1.q_4.check_value(transposed).message


def test_every_blank_asks_to_fill_in():
    """Do ____ values, functions whose body is ____ and undefined names say 'Fill in'?"""
    def relu_stub(x):
        return ____

    def dense_stub(X, W, b):
        return np.maximum(____, 0.0)

    blanks = {"batch": ____, "series_shape": (250, ____, 3), "naive_relu": relu_stub,
              "dense_forward": dense_stub, "flat": ____.reshape(4, 784), "answer_6": ____}
    for qid in QUESTIONS[:6]:
        q = getattr(ex1, qid)
        assert q.verdict(blanks).status is Status.BLANK, qid
        assert q.verdict({}).status is Status.BLANK, qid
        assert str(q.verdict(blanks)).startswith("Fill in: Fill in the blank in `")


def test_test_cell_grades_like_check_after_monkeypatching(answers):
    """Does fresh("ex1") grade as check() does, even if a learner patched the classes?"""
    from learntools_lite.core import questions
    from learntools_lite.testcell import fresh

    import sys
    saved = {k: v for k, v in sys.modules.items() if k.split(".")[0] == "learntools_lite"}
    wrong = dict(answers, series_shape=(250, 3, 390))
    seen = str(ex1.q_2.verdict(wrong))
    original = questions.ValueQuestion._check
    try:
        questions.ValueQuestion._check = lambda self, value: None  # "always correct"
        mod = fresh("ex1")
        assert str(mod.q_2.verdict(wrong)) == seen
        assert mod.q_2.verdict(answers).passed
    finally:
        questions.ValueQuestion._check = original
        for k in [k for k in sys.modules if k.split(".")[0] == "learntools_lite"]:
            del sys.modules[k]
        sys.modules.update(saved)  # later tests keep using the modules they imported
