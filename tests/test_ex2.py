"""Exercise 2's checkers: correct answers (and their alternatives) pass, every
catalogued mistake is named, every blank asks to fill in, test cells grade alike.

The correct answers are written here, not read from the notebooks.
"""
import sys

import numpy as np
import pytest

from learntools_lite import ex2
from learntools_lite.core import Status, ____


def standardize(X):
    return (X - X.mean(axis=0, keepdims=True)) / X.std(axis=0, keepdims=True)


def pairwise_sq_dists(A, B):
    return ((A[:, None, :] - B[None, :, :]) ** 2).sum(axis=-1)


def mse(y, y_hat):
    return np.mean((np.ravel(y_hat) - np.ravel(y)) ** 2)


def add_bias(Z, b):
    return Z + b[:, None, None]


ANSWERS = {"shape_a": (8, 7, 6, 5), "shape_b": (3, 3), "shape_c": "error",
           "standardize": standardize, "pairwise_sq_dists": pairwise_sq_dists, "mse": mse,
           "add_bias": add_bias, "answer_6": "b"}

QUESTIONS = [ex2.q_1.a, ex2.q_1.b, ex2.q_1.c, ex2.q_2, ex2.q_3, ex2.q_4, ex2.q_5, ex2.q_6,
             ex2.q_7]


@pytest.mark.parametrize("q", QUESTIONS, ids=repr)
def test_correct_answers_pass(q):
    """Does each question accept the reference answer, in check and assert mode?"""
    assert q.verdict(ANSWERS).passed, q.verdict(ANSWERS).message
    q.assert_check_passed(ANSWERS)


def test_multipart_passes_as_a_whole():
    """Does q_1 as a whole pass when all its parts do?"""
    assert ex2.q_1.verdict(ANSWERS).passed
    ex2.q_1.assert_check_passed(ANSWERS)


def test_answers_agree_with_numpy():
    """Are the expected shapes and the multiple-choice answer NumPy's own?"""
    for var, (s1, s2) in ex2.PAIRS.items():
        try:
            want = np.broadcast_shapes(s1, s2)
        except ValueError:
            want = "error"
        assert ANSWERS[var] == want
    broadcasting = [k for k, (s1, s2) in ex2.CHOICES.items()
                    if ex2.broadcast_or_error(s1, s2) != "error"]
    assert broadcasting == ["b"] and np.broadcast_shapes(*ex2.CHOICES["b"]) == (4, 3, 2)


def test_alternative_correct_answers():
    """Are lists, other spellings and equivalent formulas all accepted?"""
    from scipy.spatial.distance import cdist

    ok = [
        (ex2.q_1.a, [8, 7, 6, 5]),
        (ex2.q_1.a, np.broadcast_shapes((8, 1, 6, 1), (7, 1, 5))),
        (ex2.q_1.b, (np.zeros(3) + np.zeros((3, 1))).shape),
        (ex2.q_1.b, [3, 3]),
        (ex2.q_1.c, "Error"),
        (ex2.q_1.c, " ERROR "),
        (ex2.q_2, lambda X: (X - X.mean(axis=0)) / X.std(axis=0)),
        (ex2.q_2, lambda X: (X - np.mean(X, 0)) / np.sqrt(np.var(X, 0))),
        (ex2.q_2, lambda X: ((X.T - X.T.mean(axis=1, keepdims=True))
                             / X.T.std(axis=1, keepdims=True)).T),
        (ex2.q_3, lambda A, B: (A ** 2).sum(1)[:, None] - 2 * A @ B.T + (B ** 2).sum(1)),
        (ex2.q_3, lambda A, B: np.square(A[:, np.newaxis] - B).sum(axis=2)),
        (ex2.q_3, lambda A, B: cdist(A, B) ** 2),
        (ex2.q_4, lambda y, y_hat: float(np.mean((y_hat.reshape(-1) - y.reshape(-1)) ** 2))),
        (ex2.q_4, lambda y, y_hat: np.square(np.squeeze(y) - np.squeeze(y_hat)).mean()),
        (ex2.q_4, lambda y, y_hat: np.mean((y_hat.reshape(y.shape) - y) ** 2)),
        (ex2.q_5, lambda Z, b: Z + b.reshape(-1, 1, 1)),
        (ex2.q_5, lambda Z, b: Z + b[None, :, None, None]),
        (ex2.q_5, lambda Z, b: np.moveaxis(np.moveaxis(Z, 1, -1) + b, -1, 1)),
        (ex2.q_6, "B"),
        (ex2.q_6, "(b)"),
    ]
    for q, value in ok:
        v = q.check_value(value)
        assert v.passed, (q, v.message)


def _in_place_bias(Z, b):
    Z += b[:, None, None]
    return Z


MISTAKES = [
    # q_1: aligned from the left; claimed "error" for shapes that broadcast and back;
    # anything else is answered with the rule, not with the answer
    (ex2.q_1.a, "error", "lined the shapes up from the left"),
    (ex2.q_1.a, (8, 7, 6, 1), "not what NumPy's rule gives"),
    (ex2.q_1.b, (3, 1), "lined the shapes up from the left"),
    (ex2.q_1.b, "error", "these shapes do broadcast"),
    (ex2.q_1.b, (3,), "not what NumPy's rule gives"),
    (ex2.q_1.c, (2, 3), "lined the shapes up from the left"),
    (ex2.q_1.c, (2, 2), "these shapes do not broadcast"),
    (ex2.q_1.c, "no", "not what NumPy's rule gives"),
    # q_2
    (ex2.q_2, lambda X: (X - X.mean(0)) / X.std(1)[:, None], "standard deviation of each row"),
    (ex2.q_2, lambda X: ((X.T - X.mean(1)) / X.std(1)).T, "standardises each row"),
    (ex2.q_2, lambda X: (X - np.mean(X)) / np.std(X, axis=0), "mean of the whole array"),
    (ex2.q_2, lambda X: (X - X.mean()) / X.std(), "mean and standard deviation of the whole"),
    (ex2.q_2, lambda X: (X - X.mean(axis=0)) / np.std(X), "standard deviation of the whole"),
    (ex2.q_2, lambda X: X / X.std(axis=0), "forgot to subtract the mean"),
    (ex2.q_2, lambda X: (X - X.mean(0)) / np.std(X, axis=0, ddof=1), "ddof=1"),
    # q_3
    (ex2.q_3, lambda A, B: ((B[:, None, :] - A[None, :, :]) ** 2).sum(-1), "transposed"),
    (ex2.q_3, lambda A, B: np.sqrt(((A[:, None] - B[None]) ** 2).sum(-1)), "square root"),
    (ex2.q_3, lambda A, B: (A * A).sum(1)[:, None] - A @ B.T + (B * B).sum(1), "factor 2"),
    # q_4
    (ex2.q_4, lambda y, y_hat: ((y_hat - y) ** 2).mean(), "(n, n) matrix"),
    (ex2.q_4, lambda y, y_hat: ((y_hat.ravel() - y) ** 2).mean(), "reshapes `y_hat` but not"),
    (ex2.q_4, lambda y, y_hat: ((y_hat - y.ravel()) ** 2).mean(), "reshapes `y` but not"),
    (ex2.q_4, lambda y, y_hat: np.sqrt(((y_hat.ravel() - y.ravel()) ** 2).mean()), "RMSE"),
    (ex2.q_4, lambda y, y_hat: ((y_hat.ravel() - y.ravel()) ** 2).sum(), "sums the squared"),
    # q_5
    (ex2.q_5, lambda Z, b: Z + b, "along the last axis"),
    (ex2.q_5, lambda Z, b: Z + b.reshape(-1, 1), "along the height axis"),
]


def test_every_catalogued_mistake_is_named():
    """Does a wrong answer making each Mistake of ex2 get that Mistake's message?"""
    parts = [ex2.q_1.a, ex2.q_1.b, ex2.q_1.c, ex2.q_2, ex2.q_3, ex2.q_4, ex2.q_5]
    catalogued = sum(len(q.mistakes) for q in parts)
    named = {(id(q), phrase) for q, _, phrase in MISTAKES}
    assert len(named) >= catalogued
    for q, value, phrase in MISTAKES:
        v = q.check_value(value)
        assert v.status is Status.INCORRECT and phrase in v.message, (q, phrase, v.message)


def test_feedback_does_not_give_the_shapes_away():
    """Does a wrong shape answer get the rule rather than the expected shape?"""
    for q, value in [(ex2.q_1.a, (8, 7, 6, 1)), (ex2.q_1.b, (3,)), (ex2.q_1.c, "no")]:
        message = q.check_value(value).message
        assert str(q.expected) not in message, message


def test_other_mistakes_are_still_described():
    """Are wrong answers outside the catalogue reported specifically, without a crash?"""
    assert "should be one of" in ex2.q_6.check_value("e").message
    assert "first axes are 4 and 3" in ex2.q_6.check_value("d").message
    assert "changed" in ex2.q_5.check_value(_in_place_bias).message or \
        "argument" in ex2.q_5.check_value(_in_place_bias).message
    raised = ex2.q_5.check_value(lambda Z, b: Z + b[:, None, None, None]).message
    assert "raised" in raised or "wrong result" in raised
    assert ex2.q_3.check_value(lambda A, B: A @ B.T).status is Status.INCORRECT
    assert ex2.q_4.check_value(lambda y, y_hat: None).status is Status.INCORRECT
    assert ex2.q_2.check_value(42).status is Status.INCORRECT


def test_every_blank_asks_to_fill_in():
    """Do ____ values, functions whose body is ____ and undefined names say 'Fill in'?"""
    def stub1(X):
        return ____

    def stub2(A, B):
        return ____

    def stub_mse(y, y_hat):
        return np.mean((____ - ____) ** 2)

    blanks = {"shape_a": ____, "shape_b": (3, ____), "shape_c": ____, "standardize": stub1,
              "pairwise_sq_dists": stub2, "mse": stub_mse, "add_bias": stub2,
              "answer_6": ____}
    for q in QUESTIONS[:-1]:
        assert q.verdict(blanks).status is Status.BLANK, q
        assert q.verdict({}).status is Status.BLANK, q
        assert str(q.verdict(blanks)).startswith("Fill in: Fill in the blank in `"), q
    assert ex2.q_1.verdict(blanks).status is Status.BLANK


def test_test_cell_grades_like_check_after_monkeypatching():
    """Does fresh("ex2") grade as check() does, even if a learner patched the classes?"""
    from learntools_lite.core import questions
    from learntools_lite.testcell import fresh

    saved = {k: v for k, v in sys.modules.items() if k.split(".")[0] == "learntools_lite"}
    wrong = dict(ANSWERS, mse=lambda y, y_hat: np.mean((y_hat - y) ** 2))
    seen = str(ex2.q_4.verdict(wrong))
    original = questions.FunctionQuestion._check
    try:
        questions.FunctionQuestion._check = lambda self, func: None  # "always correct"
        mod = fresh("ex2")
        assert str(mod.q_4.verdict(wrong)) == seen
        assert mod.q_4.verdict(ANSWERS).passed
    finally:
        questions.FunctionQuestion._check = original
        for k in [k for k in sys.modules if k.split(".")[0] == "learntools_lite"]:
            del sys.modules[k]
        sys.modules.update(saved)  # later tests keep using the modules they imported


def test_importing_ex2_stays_cheap():
    """Does importing the exercise module leave SciPy and TensorFlow unimported?"""
    import subprocess

    code = ("import sys, learntools_lite.ex2; "
            "print('scipy' in sys.modules, 'tensorflow' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["False", "False"]
