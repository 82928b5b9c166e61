"""Exercise 1's checkers: correct answers (and their alternatives) pass, every
catalogued mistake is named, every blank asks to fill in, the find-the-bug
question rejects the released code and wrong fixes by name, the thought
question waits for the learner's words, and test cells grade alike.

The correct answers are written here, not read from the notebooks.
"""
import sys

import numpy as np
import pytest

from learntools_lite import ex1_tensors as ex1
from learntools_lite.core import Status, ____
from learntools_lite.datasets import load_mnist


@pytest.fixture(scope="module")
def images():
    (train_images, _), _ = load_mnist()
    return train_images


def _dense_forward(X, W, b):
    return np.maximum(X @ W.T + b, 0.0)


def _to_channels_last(images):
    return np.transpose(images, (0, 2, 3, 1))


@pytest.fixture(scope="module")
def answers(images):
    return {"batch": images[:4].astype("float32") / 255, "series_shape": (250, 390, 3),
            "predicted_shape": (64, 20, 14), "dense_forward": _dense_forward,
            "dense_output_shape": (32, 3), "dense_params": 1539, "answer_6": "a",
            "to_channels_last": _to_channels_last,
            "answer_8": "W maps the points linearly, b shifts them, relu folds them."}


QUESTIONS = ["q_1", "q_2", "q_3", "q_4", "q_5a", "q_5b", "q_6", "q_7", "q_8"]


def test_the_module_defines_exactly_these_questions():
    """Does `from learntools_lite.ex1_tensors import *` give q_1 ... q_8 (q_5a, q_5b) and ____?"""
    ns = {}
    exec("from learntools_lite.ex1_tensors import *", ns)
    assert sorted(k for k in ns if k.startswith("q_")) == sorted(QUESTIONS)
    assert ex1.__all__ == QUESTIONS + ["____"]


@pytest.mark.parametrize("qid", QUESTIONS)
def test_correct_answers_pass(qid, answers):
    """Does each question accept the reference answer, in check and assert mode?"""
    q = getattr(ex1, qid)
    assert q.verdict(answers).passed, q.verdict(answers).message
    q.assert_check_passed(answers)


def test_alternative_correct_answers(images):
    """Do equivalent formulas, other dtypes and containers pass?"""
    ok = [
        (ex1.q_1, images[:4] / 255.0),
        (ex1.q_1, np.asarray(images[0:4], dtype=np.float64) * (1 / 255)),
        (ex1.q_2, [250, 390, 3]),
        (ex1.q_2, np.zeros((250, 390, 3)).shape),
        (ex1.q_3, [64, 20, 14]),
        (ex1.q_3, images[100:164, 4:-4, ::2].shape),
        (ex1.q_4, lambda X, W, b: np.maximum(np.dot(X, W.T) + b[None, :], 0)),
        (ex1.q_4, lambda X, W, b: np.clip(np.einsum("nf,uf->nu", X, W) + b, 0, None)),
        (ex1.q_4, lambda X, W, b: np.maximum((W @ X.T).T + b, 0.0)),
        (ex1.q_5a, [32, 3]),
        (ex1.q_5a, np.zeros((32, 3)).shape),
        (ex1.q_5b, (20 + 1) * 64 + (64 + 1) * 3),
        (ex1.q_5b, np.int64(1539)),
        (ex1.q_5b, 1539.0),
        (ex1.q_6, "A"),
        (ex1.q_6, "(a)"),
        (ex1.q_7, lambda x: np.moveaxis(x, 1, -1)),
        (ex1.q_7, lambda x: x.transpose(0, 2, 3, 1)),
        (ex1.q_7, lambda x: np.einsum("nchw->nhwc", x).copy()),
        (ex1.q_8, "Linear map, then a shift, then a fold; without the fold, layers merge."),
        (ex1.q_8, "X @ W gira y estira la nube; + b la traslada; relu la dobla."),
    ]
    for q, value in ok:
        v = q.check_value(value)
        assert v.passed, (q, value, v.message)


def _mistakes(images):
    batch = images[:4].astype("float32") / 255

    def reshaped(x):  # the released, buggy to_channels_last
        n, c, h, w = x.shape
        return x.reshape(n, h, w, c)

    return [
        (ex1.q_1, images[:4].astype("float32"), "raw pixel values"),
        (ex1.q_1, images[:4] // 255, "integer (floor) division"),
        (ex1.q_1, images[:4].astype("float32") // 255, "integer (floor) division"),
        (ex1.q_1, images[-4:] / 255, "last four images"),
        (ex1.q_1, images[-4:].astype(float), "last four images"),
        (ex1.q_2, (250, 3, 390), "Features go on the last axis"),
        (ex1.q_2, (390, 250, 3), "first axis is the samples axis"),
        (ex1.q_2, (250, 3), "keep the timestep axis"),
        (ex1.q_3, (65, 20, 14), "stops before 164"),
        (ex1.q_3, (64, 24, 14), "`-4` means 28 - 4"),
        (ex1.q_3, (64, 21, 14), "`-4` means 28 - 4"),
        (ex1.q_3, (64, 20, 28), "every second column"),
        (ex1.q_3, (64, 20), "three in all"),
        (ex1.q_4, lambda X, W, b: np.maximum(X @ W + b, 0), "use its transpose"),
        (ex1.q_4, lambda X, W, b: np.maximum(X @ W.T, 0), "leaves out the bias"),
        (ex1.q_4, lambda X, W, b: X @ W.T + b, "leaves out the ReLU"),
        (ex1.q_4, lambda X, W, b: np.maximum(X @ W.T, 0) + b, "adds the bias after the ReLU"),
        (ex1.q_5a, (32, 64), "first layer gives"),
        (ex1.q_5a, (3,), "passes through every layer"),
        (ex1.q_5a, (3, 32), "Samples come first"),
        (ex1.q_5b, 20 * 64 + 64 * 3, "weight matrices only"),
        (ex1.q_5b, 20 * 64 + 64, "first layer's count"),
        (ex1.q_5b, 64 * 3 + 3, "second layer's count"),
        (ex1.q_5b, 32 * 1539, "grows with the batch size"),
        (ex1.q_7, reshaped, "mixes the values"),
        (ex1.q_7, lambda x: np.transpose(x, (0, 3, 1, 2)), "inverse permutation"),
        (ex1.q_7, lambda x: np.transpose(x, (0, 3, 2, 1)), "swaps height and width"),
        (ex1.q_7, lambda x: x.swapaxes(1, 3), "swaps height and width"),
        (ex1.q_7, lambda x: x.T, "reverses every axis"),
    ]


def test_every_catalogued_mistake_is_named(images):
    """Does a wrong answer making each Mistake of ex1_tensors get that Mistake's message?"""
    cases = _mistakes(images)
    for qid in QUESTIONS:
        q = getattr(ex1, qid)
        named = {m.message(q.name) for m in getattr(q, "mistakes", ())}
        seen = set()
        for question, value, phrase in cases:
            if question is q:
                v = q.check_value(value)
                assert v.status is Status.INCORRECT and phrase in v.message, (qid, value, v.message)
                seen.add(next(m for m in named if phrase in m))
        assert seen == named, (qid, named - seen)


def test_find_the_bug_rejects_the_released_code_and_wrong_fixes():
    """Is q_7's released (buggy) code Incorrect, and so are plausible wrong fixes, each by name?"""
    released = "def to_channels_last(images):\n    n, c, h, w = images.shape\n" \
               "    return images.reshape(n, h, w, c)\n"
    ns = {"np": np}
    exec(released, ns)
    v = ex1.q_7.check_value(ns["to_channels_last"])
    assert v.status is Status.INCORRECT and "`reshape` keeps their order" in v.message, v.message
    for wrong_fix, name in [("np.transpose(images, (0, 3, 1, 2))", "inverse permutation"),
                            ("np.transpose(images, (0, 3, 2, 1))", "swaps height and width"),
                            ("images.reshape(n, c, h, w).T", "reverses every axis")]:
        exec(released.replace("images.reshape(n, h, w, c)", wrong_fix), ns)
        v = ex1.q_7.check_value(ns["to_channels_last"])
        assert v.status is Status.INCORRECT and name in v.message, (wrong_fix, v.message)


def test_generic_mistakes_are_still_described(answers):
    """Are mistakes outside the catalogue still described specifically?"""
    batch = answers["batch"]
    assert "integer dtype" in ex1.q_1.check_value((batch * 254).astype(np.uint8)).message
    assert "shape (28, 28, 4)" in ex1.q_1.check_value(batch.transpose(1, 2, 0)).message
    assert "should be one of" in ex1.q_6.check_value("e").message
    assert "frames axis is missing" in ex1.q_6.check_value("b").message
    assert "raised" in ex1.q_4.check_value(lambda X, W, b: np.maximum(W @ X + b, 0)).message
    assert "transposed" in ex1.q_4.check_value(lambda X, W, b: _dense_forward(X, W, b).T).message


def test_every_blank_asks_to_fill_in():
    """Do ____ values, functions whose body is ____ and undefined names say 'Fill in'?"""
    def dense_stub(X, W, b):
        return np.maximum(____, 0.0)

    def channels_stub(images):
        return ____

    blanks = {"batch": ____, "series_shape": (250, ____, 3), "predicted_shape": (____, 20, 14),
              "dense_forward": dense_stub, "dense_output_shape": ____, "dense_params": ____,
              "answer_6": ____, "to_channels_last": channels_stub, "answer_8": ____}
    for qid in QUESTIONS:
        q = getattr(ex1, qid)
        assert q.verdict(blanks).status is Status.BLANK, qid
        assert q.verdict({}).status is Status.BLANK, qid


@pytest.mark.parametrize("written", [____, "", "   ", "relu", 42])
def test_thought_question_without_an_answer_keeps_the_discussion_back(written):
    """Does q_8 ask for the learner's words, and show no discussion, until they are written?"""
    feedback = ex1.q_8.feedback({"answer_8": written})
    # no words yet: Fill in; not a text at all (42): Incorrect, saying a text is wanted
    assert feedback.kind == ("incorrect" if written == 42 else "blank"), feedback
    assert "uncrumpling" not in str(feedback) and "answer_8" in str(feedback)


def test_thought_question_with_an_answer_shows_the_discussion(answers):
    """Once answer_8 holds a sentence, does check() show the discussion?"""
    feedback = ex1.q_8.feedback(answers)
    assert feedback.kind == "discussion" and "uncrumpling" in str(feedback)


def test_each_question_is_judged_on_its_own_inputs(images, answers):
    """Does an unscaled q_1 leave every later question's verdict as it was?"""
    wrong_first = dict(answers, batch=images[:4])
    assert ex1.q_1.verdict(wrong_first).status is Status.INCORRECT
    for qid in QUESTIONS[1:]:
        assert getattr(ex1, qid).verdict(wrong_first).passed, qid


def test_three_hints_each_and_none_gives_the_solution():
    """Does every question have three hints, the last a skeleton that still holds a blank?"""
    solution_lines = ['train_images[:4].astype("float32") / 255', "X @ W.T + b",
                      "np.transpose(images, (0, 2, 3, 1))", "(64, 20, 14)", "(32, 3)", "1539"]
    for qid in QUESTIONS:
        q = getattr(ex1, qid)
        hints = [q.hint_text(n) for n in (1, 2, 3)]
        assert len(q.hints) == 3 and len(set(hints)) == 3, qid
        assert all(line not in h for line in solution_lines for h in hints), qid
        if qid not in ("q_6",):
            assert "____" in hints[2], (qid, hints[2])


def test_every_text_is_in_both_languages(monkeypatch):
    """Is every ex1_tensors message in the English and the Chinese catalogue, with the same fields?"""
    import string

    from learntools_lite.messages.en import ex1_tensors as en
    from learntools_lite.messages.zh_CN import ex1_tensors as zh

    assert set(en.MESSAGES) == set(zh.MESSAGES)
    fields = lambda t: {f for _, f, _, _ in string.Formatter().parse(t) if f}  # noqa: E731
    for key, text in en.MESSAGES.items():
        assert fields(text) == fields(zh.MESSAGES[key]), key
    monkeypatch.setenv("LEARNTOOLS_LANG", "zh_CN")
    assert "转置" in ex1.q_4.check_value(lambda X, W, b: np.maximum(X @ W + b, 0)).message
    assert "样本" in ex1.q_2.hint_text(1)


def test_test_cell_grades_like_check_after_monkeypatching(answers):
    """Does fresh("ex1_tensors") grade as check() does, even if a learner patched the classes?"""
    from learntools_lite.core import questions
    from learntools_lite.testcell import fresh

    saved = {k: v for k, v in sys.modules.items() if k.split(".")[0] == "learntools_lite"}
    wrong = dict(answers, series_shape=(250, 3, 390))
    seen = str(ex1.q_2.verdict(wrong))
    original = questions.ValueQuestion._check
    try:
        questions.ValueQuestion._check = lambda self, value: None  # "always correct"
        mod = fresh("ex1_tensors")
        assert str(mod.q_2.verdict(wrong)) == seen
        assert mod.q_2.verdict(answers).passed
    finally:
        questions.ValueQuestion._check = original
        for k in [k for k in sys.modules if k.split(".")[0] == "learntools_lite"]:
            del sys.modules[k]
        sys.modules.update(saved)  # later tests keep using the modules they imported
