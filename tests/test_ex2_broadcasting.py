"""Exercise 2's checkers: correct answers (and their alternatives) pass, every
catalogued mistake is named, every blank asks to fill in, the find-the-bug
questions reject the code they hand out and the plausible wrong fixes, and the
thought question keeps its discussion back until it is answered.

The correct answers are written here, not read from the notebook; only the
buggy starter code of the find-the-bug questions is read from the solutions
notebook, since that is exactly what a learner receives.
"""
import json
import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import learntools_lite.ex2_broadcasting as ex2
from learntools_lite.core import Status, ____
from learntools_lite.core.solutions import MARKERS

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "solutions" / "ex2_broadcasting" / "ex2_broadcasting.ipynb"


def standardize_features(X):
    return (X - X.mean(axis=(0, 1), keepdims=True)) / X.std(axis=(0, 1), keepdims=True)


def add_bias(Z, b):
    return Z + b[:, None, None]


def binary_cross_entropy(y, p):
    y, p = np.ravel(y).astype(float), np.clip(np.ravel(p).astype(float), 1e-7, 1 - 1e-7)
    return np.mean(-(y * np.log(p) + (1 - y) * np.log(1 - p)))


def softmax(Z):
    e = np.exp(Z - Z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


ANSWERS = {"shape_a": (4, 2, 1, 6), "shape_b": (7, 7), "shape_c": "error",
           "predicted_loss": 40 / 16, "standardize_features": standardize_features,
           "add_bias": add_bias, "binary_cross_entropy": binary_cross_entropy,
           "diff_bytes": 2_000 * 3_000 * 128 * 4, "softmax": softmax,
           "answer_8": "Broadcasting hides bugs when shapes fit by accident: (n,) with (n, 1) "
                       "gives an (n, n) table. I assert shapes and test with unequal sizes."}

QUESTIONS = [ex2.q_1a, ex2.q_1b, ex2.q_1c, ex2.q_2, ex2.q_3, ex2.q_4, ex2.q_5, ex2.q_6,
             ex2.q_7, ex2.q_8]
CHECKED = QUESTIONS[:-1]  # every question but the thought question has one right answer


def test_the_module_exports_its_questions_in_order():
    """Does `from learntools_lite.ex2_broadcasting import *` give q_1a ... q_8 and the blank?"""
    namespace = {}
    exec("from learntools_lite.ex2_broadcasting import *", namespace)
    names = [n for n in ex2.__all__ if n.startswith("q_")]
    assert names == ["q_1a", "q_1b", "q_1c", "q_2", "q_3", "q_4", "q_5", "q_6", "q_7", "q_8"]
    assert all(namespace[n].qid == n and namespace[n].assignment == "ex2_broadcasting"
               for n in names)
    assert "____" in namespace


@pytest.mark.parametrize("q", QUESTIONS, ids=repr)
def test_correct_answers_pass(q):
    """Does each question accept the reference answer, in check and assert mode?"""
    assert q.verdict(ANSWERS).passed, q.verdict(ANSWERS).message
    q.assert_check_passed(ANSWERS)


def test_expected_values_agree_with_numpy():
    """Are the expected shapes NumPy's own, and the predicted values what NumPy computes?"""
    for qid, (s1, s2) in ex2.predictions.PAIRS.items():
        try:
            want = np.broadcast_shapes(s1, s2)
        except ValueError:
            want = "error"
        assert ANSWERS[ex2.predictions.SHAPE_VARS[qid]] == want
    y = np.array(ex2.predictions.TARGETS)
    assert math.isclose(ex2.q_2.expected(), np.mean((y[:, None] - y) ** 2))
    small = np.zeros((20, 1, 128), np.float32) - np.zeros((1, 30, 128), np.float32)
    assert ex2.q_6.expected() == small.nbytes * 100 * 100


def test_alternative_correct_answers():
    """Are other spellings and other correct methods accepted (newaxis, reshape, keepdims ...)?"""
    from scipy.special import softmax as scipy_softmax

    def bce_columns(y, p):
        y, p = np.reshape(y, (-1, 1)), np.reshape(p, (-1, 1))
        return float(np.mean(-(y * np.log(p) + (1 - y) * np.log(1 - p))))

    def softmax_newaxis(Z):
        e = np.exp(Z - np.max(Z, axis=-1)[:, np.newaxis])
        return e / np.sum(e, axis=-1)[:, np.newaxis]

    def softmax_logsumexp(Z):
        from scipy.special import logsumexp
        return np.exp(Z - logsumexp(Z, axis=1, keepdims=True))

    ok = [
        (ex2.q_1a, [4, 2, 1, 6]),
        (ex2.q_1a, np.broadcast_shapes((2, 1, 6), (4, 1, 1, 6))),
        (ex2.q_1b, (np.zeros(7) + np.zeros((7, 1))).shape),
        (ex2.q_1b, [7, 7]),
        (ex2.q_1c, "Error"),
        (ex2.q_1c, " ERROR "),
        (ex2.q_2, 2.5),
        (ex2.q_2, 5 / 2),
        (ex2.q_2, np.float32(2.5)),
        # q_3: a tuple of axes without keepdims (the features axis is last), reshaping
        # to a table of rows, np functions with the axes in another order
        (ex2.q_3, lambda X: (X - X.mean(axis=(0, 1))) / X.std(axis=(0, 1))),
        (ex2.q_3, lambda X: ((X.reshape(-1, X.shape[-1]) - X.reshape(-1, X.shape[-1]).mean(0))
                             / X.reshape(-1, X.shape[-1]).std(0)).reshape(X.shape)),
        (ex2.q_3, lambda X: (X - np.mean(X, axis=(1, 0), keepdims=True))
         / np.sqrt(np.var(X, axis=(1, 0), keepdims=True))),
        (ex2.q_4, lambda Z, b: Z + b.reshape(-1, 1, 1)),
        (ex2.q_4, lambda Z, b: Z + b[np.newaxis, :, np.newaxis, np.newaxis]),
        (ex2.q_4, lambda Z, b: np.moveaxis(np.moveaxis(Z, 1, -1) + b, -1, 1)),
        (ex2.q_5, bce_columns),
        (ex2.q_5, lambda y, p: binary_cross_entropy(np.squeeze(y), np.squeeze(p))),
        (ex2.q_5, lambda y, p: binary_cross_entropy(y.reshape(-1), p.reshape(len(y), -1))),
        (ex2.q_6, 3_072_000_000),
        (ex2.q_6, 3.072e9),
        (ex2.q_6, np.int64(2000) * 3000 * 128 * np.dtype(np.float32).itemsize),
        (ex2.q_7, softmax_newaxis),
        (ex2.q_7, softmax_logsumexp),
        (ex2.q_7, lambda Z: scipy_softmax(Z, axis=1)),
    ]
    for q, value in ok:
        v = q.check_value(value)
        assert v.passed, (q, v.message)


def _starters():
    """The find-the-bug functions as a learner receives them: the starter in the solution's place."""
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    out = {}
    for cell in cells:
        starter = cell["metadata"].get("learntools", {}).get("starter")
        if starter is None:
            continue
        source = "".join(cell["source"])
        begin, end = source.index(MARKERS[0]), source.index(MARKERS[1]) + len(MARKERS[1])
        indent = source[:begin].rsplit("\n", 1)[-1]
        released = source[:begin - len(indent)] + "\n".join(
            indent + line for line in starter.splitlines()) + source[end:]
        namespace = {"np": np}
        exec(released, namespace)
        out[cell["metadata"]["nbgrader"]["grade_id"]] = namespace
    return out


def _mistake(q, key, **fields):
    """The message of q's catalogued mistake `key` (with those fields), as the learner reads it."""
    for m in q.mistakes:
        if m.description.key == f"ex2_broadcasting.{key}" and m.description.fields == fields:
            return m.message(q.name)
    raise AssertionError(f"{q} has no mistake {key} {fields}")


def test_find_the_bug_rejects_the_code_it_hands_out():
    """Are q_3's and q_5's released functions (the buggy starters) rejected, by name?"""
    starters = _starters()
    assert sorted(starters) == ["q_3", "q_5"]
    v3 = ex2.q_3.check_value(starters["q_3"]["standardize_features"])
    assert v3.status is Status.INCORRECT and v3.message == _mistake(ex2.q_3, "q_3.mistake.unfixed")
    v5 = ex2.q_5.check_value(starters["q_5"]["binary_cross_entropy"])
    assert v5.status is Status.INCORRECT and v5.message == _mistake(ex2.q_5, "q_5.mistake.unfixed")


def test_the_handed_out_bug_is_silent():
    """Does the released code run without error and give a wrong number (so the bug must be found)?"""
    starters = _starters()
    bce = starters["q_5"]["binary_cross_entropy"]
    y, p = np.array([1.0, 0.0, 0.0, 1.0, 1.0]), np.array([0.9, 0.2, 0.3, 0.6, 0.8])
    assert math.isclose(bce(y, p), binary_cross_entropy(y, p))
    assert not math.isclose(bce(y, p[:, None]), binary_cross_entropy(y, p))
    X = np.random.default_rng(0).normal(size=(4, 5, 3)) + np.arange(4.0)[:, None, None]
    out = starters["q_3"]["standardize_features"](X)
    assert out.shape == X.shape and not np.allclose(out, standardize_features(X))


def _bce_as_given(y, p):
    return np.mean(-(y * np.log(p) + (1 - y) * np.log(1 - p)))


def _fix_p(change):
    return lambda y, p: _bce_as_given(np.asarray(y, dtype=float), change(np.asarray(p, dtype=float)))


def _fix_y(change):
    return lambda y, p: _bce_as_given(change(np.asarray(y, dtype=float)), np.asarray(p, dtype=float))


def _std_over(mean_axes, std_axes):
    return lambda X: ((X - X.mean(axis=mean_axes, keepdims=True))
                      / X.std(axis=std_axes, keepdims=True))


def _exp_over(shift, axis):
    def f(Z):
        with np.errstate(all="ignore"):
            e = np.exp(Z - shift(Z))
            return e / e.sum(axis=axis, keepdims=True)
    return f


# (question, wrong answer, key of the mistake it must be named as, that mistake's fields)
MISTAKES = [
    # q_1: the trap read as element-wise, aligned from the left, "error" for shapes that
    # broadcast and back; anything else is answered with the rule, not with the answer
    (ex2.q_1a, "error", "shapes.mistake.left_aligned", {}),
    (ex2.q_1a, (4, 2, 6), "shapes.mistake.rule", {}),
    (ex2.q_1b, (7,), "shapes.mistake.outer", {}),
    (ex2.q_1b, [7, 1], "shapes.mistake.outer", {}),
    (ex2.q_1b, "error", "shapes.mistake.does_broadcast", {}),
    (ex2.q_1b, (1, 7), "shapes.mistake.rule", {}),
    (ex2.q_1c, (8, 3, 4), "shapes.mistake.left_aligned", {}),
    (ex2.q_1c, (8, 8, 4), "shapes.mistake.should_error", {}),
    (ex2.q_1c, "no", "shapes.mistake.rule", {}),
    # q_2
    (ex2.q_2, 0, "q_2.mistake.zero", {}),
    (ex2.q_2, 40, "q_2.mistake.sum", {}),
    (ex2.q_2, 10.0, "q_2.mistake.divided_by_n", {}),
    # q_3: the bug as handed out, half fixes and wrong fixes
    (ex2.q_3, _std_over(1, 1), "q_3.mistake.unfixed", {}),
    (ex2.q_3, _std_over((0, 1), 1), "q_3.mistake.std_unfixed", {}),
    (ex2.q_3, _std_over(1, (0, 1)), "q_3.mistake.mean_unfixed", {}),
    (ex2.q_3, _std_over(0, 0), "q_3.mistake.per_timestep", {}),
    (ex2.q_3, lambda X: (X - X.mean(axis=0)) / X.std(axis=0), "q_3.mistake.per_timestep", {}),
    (ex2.q_3, _std_over((1, 2), (1, 2)), "q_3.mistake.per_sample", {}),
    (ex2.q_3, _std_over(-1, -1), "q_3.mistake.across_features", {}),
    (ex2.q_3, lambda X: (X - X.mean()) / X.std(), "q_3.mistake.whole_array", {}),
    # q_4
    (ex2.q_4, lambda Z, b: Z + b, "q_4.mistake.last_axis", {}),
    (ex2.q_4, lambda Z, b: Z + b[:, None], "q_4.mistake.height_axis", {}),
    # q_5: the bug as handed out, and fixes that work for one layout only
    (ex2.q_5, _fix_p(lambda p: p), "q_5.mistake.unfixed", {}),
    (ex2.q_5, _fix_p(lambda p: p.T), "q_5.mistake.only_one_flat", {"arg": "p", "other": "y"}),
    (ex2.q_5, _fix_p(np.ravel), "q_5.mistake.only_one_flat", {"arg": "p", "other": "y"}),
    (ex2.q_5, _fix_y(lambda y: y.T), "q_5.mistake.only_one_flat", {"arg": "y", "other": "p"}),
    (ex2.q_5, _fix_y(lambda y: y.reshape(-1)), "q_5.mistake.only_one_flat",
     {"arg": "y", "other": "p"}),
    (ex2.q_5, _fix_p(lambda p: p[:, None] if p.ndim == 1 else p), "q_5.mistake.only_one_column",
     {"arg": "p", "other": "y"}),
    (ex2.q_5, _fix_y(lambda y: y.reshape(len(y), 1)), "q_5.mistake.only_one_column",
     {"arg": "y", "other": "p"}),
    (ex2.q_5, lambda y, p: binary_cross_entropy(y, p) * len(y), "q_5.mistake.sum", {}),
    # q_6
    (ex2.q_6, 2_000 * 3_000 * 128 * 8, "q_6.mistake.float64", {}),
    (ex2.q_6, 2_000 * 3_000 * 128, "q_6.mistake.entries", {}),
    (ex2.q_6, 2_000 * 3_000 * 128 * 32, "q_6.mistake.bits", {}),
    (ex2.q_6, 2_000 * 3_000 * 4, "q_6.mistake.answer_size", {}),
    (ex2.q_6, (2_000 + 3_000) * 128 * 4, "q_6.mistake.inputs_size", {}),
    # q_7
    (ex2.q_7, lambda Z: np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True), "q_7.mistake.no_shift", {}),
    (ex2.q_7, _exp_over(np.max, 1), "q_7.mistake.whole_array_max", {}),
    (ex2.q_7, _exp_over(lambda Z: Z.max(axis=0), 1), "q_7.mistake.column_max", {}),
    (ex2.q_7, _exp_over(lambda Z: Z.max(axis=0), 0), "q_7.mistake.columns", {}),
    (ex2.q_7, _exp_over(lambda Z: Z.max(axis=1, keepdims=True), 0), "q_7.mistake.columns", {}),
    (ex2.q_7, lambda Z: np.exp(Z) / np.exp(Z).sum(axis=0), "q_7.mistake.columns", {}),
    (ex2.q_7, lambda Z: np.exp(Z - Z.max(axis=1, keepdims=True)), "q_7.mistake.not_normalised", {}),
    (ex2.q_7, lambda Z: np.exp(Z - Z.max(axis=1, keepdims=True))
     / np.exp(Z - Z.max(axis=1, keepdims=True)).sum(), "q_7.mistake.whole_sum", {}),
]


@pytest.mark.parametrize("q, value, key, fields", MISTAKES,
                         ids=[f"{q.qid}-{key.split('.')[-1]}-{i}"
                              for i, (q, _, key, _f) in enumerate(MISTAKES)])
def test_each_mistake_gets_its_named_message(q, value, key, fields):
    """Does a wrong answer making a catalogued mistake get that mistake's message?"""
    v = q.check_value(value)
    assert v.status is Status.INCORRECT, (v.status, v.message)
    assert v.message == _mistake(q, key, **fields), v.message


def test_every_catalogued_mistake_has_a_test():
    """Is every Mistake of every ex2 question exercised by MISTAKES above?"""
    covered = {(id(q), key, tuple(sorted(f.items()))) for q, _, key, f in MISTAKES}
    for q in CHECKED:
        for m in q.mistakes:
            key = m.description.key.removeprefix("ex2_broadcasting.")
            assert (id(q), key, tuple(sorted(m.description.fields.items()))) in covered, (q, key)


def test_feedback_does_not_give_the_answer_away():
    """Does a wrong prediction get the rule or the mistake, never the expected value?"""
    for q, value in [(ex2.q_1a, (4, 2, 6)), (ex2.q_1b, (7,)), (ex2.q_1b, (1, 7)),
                     (ex2.q_1c, "no"), (ex2.q_2, 0), (ex2.q_2, 3.0), (ex2.q_6, 1)]:
        message = q.check_value(value).message
        expected = q.expected() if callable(q.expected) else q.expected
        for text in {str(expected), repr(expected), f"{expected:,}" if isinstance(expected, int)
                     else str(expected)}:
            assert text not in message, (q, message)


def test_other_wrong_answers_are_still_described():
    """Are wrong answers outside the catalogue reported specifically, without a crash?"""
    raised = ex2.q_7.check_value(lambda Z: np.exp(Z - Z.max(axis=1)) / 1.0).message
    assert "raised" in raised and "broadcast" in raised
    assert "raised" in ex2.q_4.check_value(lambda Z, b: Z + b[:, None, None, None]).message

    def in_place(Z, b):
        Z += b[:, None, None]
        return Z

    assert "in place" in ex2.q_4.check_value(in_place).message
    assert ex2.q_5.check_value(lambda y, p: None).status is Status.INCORRECT
    assert ex2.q_3.check_value(42).status is Status.INCORRECT
    assert ex2.q_6.check_value("3 GB").status is Status.INCORRECT
    assert "NaN" in ex2.q_7.check_value(lambda Z: np.full(Z.shape, np.nan)).message


def test_every_blank_asks_to_fill_in():
    """Do ____ values, functions whose body is ____ and undefined names say 'Fill in'?"""
    def stub(*args):
        ____  # YOUR CODE HERE

    def half_fixed(y, p):
        y, p = ____, ____
        return np.mean(y - p)

    blanks = {"shape_a": ____, "shape_b": (7, ____), "shape_c": ____, "predicted_loss": ____,
              "standardize_features": stub, "add_bias": stub, "binary_cross_entropy": half_fixed,
              "diff_bytes": ____ * 4, "softmax": stub, "answer_8": ____}
    for q in QUESTIONS:
        for namespace in (blanks, {}):
            v = q.verdict(namespace)
            assert v.status is Status.BLANK and f"`{q.name}`" in v.message, (q, v.message)
        assert str(q.feedback(blanks)).startswith("Fill in"), q


def test_the_thought_question_waits_for_an_answer(capsys):
    """Does q_8 ask for an answer (blank, empty, too short) without showing the discussion,
    and show the discussion once one is written?"""
    discussion = str(ex2.q_8.discussion)
    assert len(discussion) > 1000 and "assert" in discussion
    for unanswered in [{}, {"answer_8": ____}, {"answer_8": ""}, {"answer_8": "  idk  "}]:
        ex2.q_8.check(unanswered)
        shown = capsys.readouterr().out
        assert "Fill in" in shown and discussion[:60] not in shown, shown
    assert ex2.q_8.check_value(42).status is Status.INCORRECT
    ex2.q_8.check(ANSWERS)
    assert discussion[:60] in capsys.readouterr().out


def test_hints_lead_from_idea_to_skeleton_without_the_solution():
    """Has every question three hints, the third a skeleton with a blank, and does no
    hint hold a line of the solution?"""
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    solution_lines = set()
    for cell in cells:
        source = "".join(cell["source"])
        if MARKERS[0] in source:
            body = source.split(MARKERS[0])[1].split(MARKERS[1])[0]
            solution_lines |= {line.strip() for line in body.splitlines() if len(line.strip()) > 12}
    assert len(solution_lines) >= 8
    for q in QUESTIONS:
        hints = [q.hint_text(n) for n in (1, 2, 3)]
        assert len(q.hints) == 3 and len(set(hints)) == 3, q
        assert "____" in hints[2] or q is ex2.q_8, q
        for hint in hints:
            for line in solution_lines:
                assert line not in hint, (q, line)


def test_chinese_texts_are_used_when_asked(monkeypatch):
    """With LEARNTOOLS_LANG=zh_CN, are ex2's mistakes, hints and discussion Chinese?"""
    monkeypatch.setenv("LEARNTOOLS_LANG", "zh_CN")
    assert "广播" in ex2.q_5.check_value(_fix_p(lambda p: p)).message
    assert "转置" in ex2.q_5.check_value(_fix_p(lambda p: p.T)).message
    assert "列向量" in ex2.q_5.check_value(_fix_y(lambda y: y.reshape(-1, 1))).message
    assert "右端对齐" in ex2.q_1a.hint_text(2)
    assert "习惯" in str(ex2.q_8.discussion)


def test_test_cell_grades_like_check_after_monkeypatching():
    """Does fresh("ex2_broadcasting") grade as check() does, even if a learner patched the classes?"""
    from learntools_lite.core import questions
    from learntools_lite.testcell import fresh, question

    saved = {k: v for k, v in sys.modules.items() if k.split(".")[0] == "learntools_lite"}
    wrong = dict(ANSWERS, binary_cross_entropy=_fix_p(lambda p: p.T))
    seen = str(ex2.q_5.verdict(wrong))
    original = questions.FunctionQuestion._check
    try:
        questions.FunctionQuestion._check = lambda self, func: None  # "always correct"
        mod = fresh("ex2_broadcasting")
        assert str(mod.q_5.verdict(wrong)) == seen
        assert mod.q_5.verdict(ANSWERS).passed
        assert question("ex2_broadcasting", "q_1a").verdict(ANSWERS).passed
    finally:
        questions.FunctionQuestion._check = original
        for k in [k for k in sys.modules if k.split(".")[0] == "learntools_lite"]:
            del sys.modules[k]
        sys.modules.update(saved)  # later tests keep using the modules they imported


def test_graded_inputs_from_a_secret_seed_still_name_the_mistakes():
    """With the grader's secret random cases, do right answers pass and wrong fixes still fail?"""
    from learntools_lite.testcell import for_grading

    for seed in (1, 2, 3):
        for q in (ex2.q_3, ex2.q_4, ex2.q_5, ex2.q_7):
            graded = for_grading(q, seed)
            assert graded.verdict(ANSWERS).passed, (q, seed, graded.verdict(ANSWERS).message)
        assert not for_grading(ex2.q_5, seed).check_value(_fix_p(lambda p: p.T)).passed
        assert not for_grading(ex2.q_7, seed).check_value(_exp_over(np.max, 1)).passed


def test_importing_ex2_stays_cheap():
    """Does importing the exercise module leave SciPy and TensorFlow unimported?"""
    code = ("import sys, learntools_lite.ex2_broadcasting; "
            "print('scipy' in sys.modules, 'tensorflow' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["False", "False"]
