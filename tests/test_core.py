"""The checker core: contract, binder, blanks, display, assert mode, solutions,
hostile values and learner functions, generic mistake detectors, import cost."""
import json
import os
import subprocess
import sys

import numpy as np
import pytest

from learntools_lite.core import (FunctionQuestion, Mistake, Multipart, MultipleChoice, Status,
                                  ThoughtQuestion, ValueQuestion, binder, register, ____)
from learntools_lite.core import compare as cmp
from learntools_lite.core import display
from learntools_lite.core.display import Feedback
from learntools_lite.core import axis_mistakes
from learntools_lite.core.safe import call_safely, safe_repr, safe_str, type_name
from learntools_lite.grading.kernel_package import exercise_modules

PY = sys.executable


@pytest.fixture(autouse=True)
def _unbind(monkeypatch):
    """Each test starts with the binder unbound and English messages."""
    monkeypatch.setattr(binder, "_namespace", None)
    monkeypatch.delenv("LEARNTOOLS_LANG", raising=False)


def _q(expected, **kw):
    kw.setdefault("var", "x")
    return ValueQuestion(expected=expected, **kw)


# ---------------------------------------------------------------- binder, API
def test_forgetting_bind_gives_a_one_line_instruction(capsys):
    """Does check() without binder.bind say how to bind, in one line?"""
    q = _q(3.0)
    q.check()
    out = capsys.readouterr().out.strip()
    assert out.startswith("Could not check: Run `from learntools_lite.core import binder")
    assert "\n" not in out


def test_bind_globals_reads_the_notebook_variables():
    """Does binder.bind(globals()) make check() read the learner's variables?"""
    ns = {"x": 3.0}
    binder.bind(ns)
    q = _q(3.0)
    assert q.verdict().passed
    ns["x"] = 4.0
    assert q.verdict().status is Status.INCORRECT


@pytest.mark.parametrize("exercise", exercise_modules())
def test_star_import_defines_questions_and_blank(exercise):
    """Does `from learntools_lite.<exercise> import *` define its q_ questions and ____?"""
    ns = {}
    exec(f"from learntools_lite.{exercise} import *", ns)
    assert len([k for k in ns if k.startswith("q_")]) >= 4
    assert repr(ns["____"]) == "____"


def test_register_names_parts_and_exports_blank():
    """Does register() give multipart parts ids like q_2.a and export ____?"""
    g = {"q_1": _q(1.0), "q_2": Multipart(a=_q(1.0), b=_q(2.0)), "other": 5}
    names = register(g, "exX")
    assert names == ["q_1", "q_2", "____"]
    assert g["q_2"].a.qid == "q_2.a" and g["q_2"].b.assignment == "exX"


def test_multipart_parts_check_and_overview(capsys):
    """Can parts be checked as q_2.a.check(), and does q_2.check()/hint(2) list the parts?"""
    q = Multipart(a=_q(1.0, var="a"), b=_q(2.0, var="b"))
    register({"q_2": q}, "exX")
    q.a.check({"a": 1.0})
    q.check()
    q.hint(2)
    q.solution()
    out = capsys.readouterr().out
    assert out.startswith("Correct")
    assert out.count("`q_2.a.check()`") == 3
    assert q.verdict({"a": 1.0, "b": 3.0}).status is Status.INCORRECT
    assert q.verdict({"a": 1.0, "b": 2.0}).passed


@pytest.mark.parametrize("n", [0, -1, 3, 99, "x", None])
def test_a_hint_that_does_not_exist_says_so_without_repeating_a_hint(n, capsys):
    """Does hint(n) for a hint that does not exist say so, name the hints there
    are, and show none of them?"""
    q = _q(1.0, hints=["first", "second"])
    register({"q_4": q}, "exX")
    q.hint(n)
    out = capsys.readouterr().out
    assert "There is no hint" in out and "2 hints, `q_4.hint(1)` to `q_4.hint(2)`" in out
    assert "first" not in out and "second" not in out and "Traceback" not in out
    one = _q(1.0, hints=["only"])
    register({"q_5": one}, "exX")
    one.hint(2)
    out = capsys.readouterr().out
    assert out.strip() == "Hint: There is no hint 2: this question has one hint, `q_5.hint()`."
    assert "hints" not in out and "(s)" not in out


def test_hints_are_numbered_and_missing_hints_said(capsys):
    """Do hints show 'Hint 2 of 2' and a question without hints say it has none?"""
    _q(1.0, hints=["a", "b"]).hint(2)
    _q(1.0).hint()
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Hint 2 of 2: b"
    assert out[1] == "Hint: This question has no hints."


# --------------------------------------------------------------------- blanks
def test_blank_value_variable_and_function_body_ask_to_fill_in():
    """Do `x = ____`, a list holding ____, a function whose body is ____ and an
    undefined variable all give 'Fill in'?"""
    def stub(x):
        return ____

    def stub2(x):
        y = ____ * 2
        return y

    assert _q(1.0).check_value(____).status is Status.BLANK
    assert _q((1, 2)).check_value([1, ____]).status is Status.BLANK
    assert _q(1.0).verdict({}).status is Status.BLANK
    f = FunctionQuestion(var="f", oracle=lambda x: x, cases=[(1.0,)])
    assert f.check_value(stub).status is Status.BLANK
    assert f.check_value(stub2).status is Status.BLANK
    assert str(f.check_value(stub)) == ("Fill in: replace `____` in `f` with your answer, "
                                        "then check again.")
    assert "not defined" in f.verdict({}).message


def test_blank_survives_arithmetic():
    """Does an expression built on ____ still count as blank?"""
    assert _q(1.0).check_value(np.sqrt(____) * 2 if False else ____ * 2 + 1).status \
        is Status.BLANK


# ------------------------------------------------------------- value checks
def test_numbers_tolerance_nan_inf_and_factor():
    """Are numbers compared with tolerance, NaN/inf named, and a factor named?"""
    q = _q(2.5)
    assert q.check_value(2.5 + 1e-9).passed
    assert q.check_value(np.float32(2.5)).passed
    assert q.check_value(np.array([2.5])).passed
    assert "NaN" in q.check_value(float("nan")).message
    assert "NaN" in q.check_value(float("inf")).message
    assert "factor of about 2" in q.check_value(5.0).message
    assert "should be a number" in q.check_value("2.5").message
    assert "should be a number" in q.check_value(True).message
    assert q.check_value(10 ** 400).status is Status.INCORRECT
    assert q.check_value(2.5 + 1j).status is Status.INCORRECT
    assert q.check_value(1e-320).status is Status.INCORRECT


def test_arrays_shape_dtype_values_and_named_mistakes():
    """Are transposed shapes, keepdims, integer dtypes, offsets and factors named?"""
    e = np.arange(6, dtype=float).reshape(2, 3) + 1
    q = _q(e)
    assert q.check_value(e.astype(np.float32)).passed
    assert q.check_value(e.tolist()).passed
    assert "transposed" in q.check_value(e.T).message
    assert "length 1" in q.check_value(e[None]).message
    assert "right number of values" in q.check_value(e.reshape(3, 2)[:, ::-1].reshape(6)).message
    assert "integer dtype" in q.check_value(e.astype(int)).message
    assert "booleans" in q.check_value(e > 2).message
    assert "factor of about 3" in q.check_value(e * 3).message
    assert "off by a constant 0.5" in q.check_value(e + 0.5).message
    bad = e.copy()
    bad[1, 2] = 0
    assert "index (1, 2)" in q.check_value(bad).message
    assert "NaN" in q.check_value(e * np.nan).message
    assert "NumPy array of numbers" in q.check_value(np.array(["a"] * 6).reshape(2, 3)).message


def test_strings_sets_sequences_and_bools():
    """Are strings (case/space-insensitive), sets, list-vs-tuple and bools compared?"""
    assert _q("Mean Squared Error").check_value("  mean squared   error ").passed
    assert _q("mse").check_value("mae").status is Status.INCORRECT
    s = _q({"a", "b"})
    assert s.check_value(["b", "a"]).passed
    msg = s.check_value({"a", "c"}).message
    assert "missing 'b'" in msg and "unexpected" in msg
    t = _q((250, 390, 3))
    assert t.check_value([250, 390, 3]).passed
    assert t.check_value(np.array([250, 390, 3])).passed
    assert t.check_value((250.0, 390.0, 3.0)).passed
    assert t.check_value((250, 390)).status is Status.INCORRECT
    b = _q(True)
    assert b.check_value(np.bool_(True)).passed and not b.check_value(1).passed


def test_reduction_axis_and_sum_mean_mistakes_are_named():
    """Does axis_mistakes name the wrong axis and a sum where a mean is asked?"""
    data = np.arange(12, dtype=float).reshape(3, 4) ** 1.5
    q = _q(lambda: data.mean(axis=0), mistakes=axis_mistakes(np.mean, 0, 2, source=data))
    assert q.check_value(data.mean(axis=0)).passed
    assert "reduces over axis 1; the question asks for axis 0" in q.check_value(
        data.mean(axis=1)).message
    assert "all axes" in q.check_value(data.mean()).message
    assert "sums where it should average" in q.check_value(data.sum(axis=0)).message
    f = FunctionQuestion(var="f", oracle=lambda x: x.sum(axis=1),
                         cases=[(data,), (data[:2] + 1,)],
                         mistakes=axis_mistakes(np.sum, 1, 2))
    assert f.check_value(lambda x: np.sum(x, axis=1)).passed
    assert "reduces over axis 0" in f.check_value(lambda x: x.sum(axis=0)).message
    assert "averages where it should sum" in f.check_value(lambda x: x.mean(axis=1)).message


def test_multiple_choice_and_thought_questions(capsys):
    """Is a letter accepted in any case/brackets, a wrong one explained, a thought
    question without `var` revealed at once?"""
    mc = MultipleChoice(var="ans", options={"a": "A", "b": "B"}, answer="a",
                        explanations={"a": "because", "b": "no: B is wrong"})
    assert mc.check_value(" (A) ").passed
    assert mc.check_value("b").message == "no: B is wrong"
    assert "should be one of ['a', 'b']" in mc.check_value(3).message
    t = ThoughtQuestion(discussion="Think of folding paper.")
    t.check()
    assert "folding paper" in capsys.readouterr().out
    t.assert_check_passed()


# --------------------------------------------------------- function checks
def _fq(**kw):
    kw.setdefault("cases", [(np.array([1.0, -2.0]),), (np.array([[3.0, -1.0]]),)])
    return FunctionQuestion(var="f", oracle=lambda x: np.maximum(x, 0), timeout=0.2, **kw)


def test_function_correct_alternatives_and_errors():
    """Are equivalent functions accepted, and a raising call reported with its inputs?"""
    q = _fq()
    assert q.check_value(lambda x: np.maximum(x, 0)).passed
    assert q.check_value(lambda x: np.where(x > 0, x, 0.0)).passed
    assert q.check_value(lambda x: (x + abs(x)) / 2).passed
    msg = q.check_value(lambda x: 1 / 0).message
    assert msg.startswith("Calling `f(array([ 1., -2.]))` raised ZeroDivisionError")
    assert "did you forget a `return`" in q.check_value(lambda x: None).message
    assert "should be a function" in q.check_value(5).message


def test_function_that_loops_is_stopped_and_reported():
    """Is an endless loop stopped after the timeout and reported as such?"""
    def loop(x):
        while True:
            pass

    def stubborn(x):  # `except Exception` cannot swallow the timeout
        while True:
            try:
                while True:
                    pass
            except Exception:
                pass

    q = _fq()
    for f in (loop, stubborn):
        v = q.check_value(f)
        assert "did not finish within 0.2 s" in v.message


def test_function_prints_exits_raises_baseexception_mutates(capsys):
    """Do print floods, sys.exit(), BaseException subclasses and in-place changes give
    clean verdicts?"""
    class Weird(BaseException):
        pass

    def chatty(x):
        for _ in range(20_000):
            print("spam" * 10)
        return np.maximum(x, 0)

    def exits(x):
        sys.exit(3)

    def weird(x):
        raise Weird("odd")

    def mutates(x):
        x[x < 0] = 0
        return x

    class BadEq:
        def __eq__(self, other):
            raise RuntimeError("no")

        __array__ = __eq__

    q = _fq()
    assert q.check_value(chatty).passed
    assert capsys.readouterr().out == ""
    assert "SystemExit: 3" in q.check_value(exits).message
    assert "Weird: odd" in q.check_value(weird).message
    assert "changed its input (argument 1) in place" in q.check_value(mutates).message
    v = q.check_value(lambda x: BadEq())
    assert v.status is Status.INCORRECT and "BadEq" in v.message


def test_named_mistake_of_a_function():
    """Is a function making a catalogued mistake told which one?"""
    q = _fq(mistakes=[Mistake("`{name}` returns |x|.", wrong=np.abs)])
    assert q.check_value(np.abs).message == "`f` returns |x|."


# ----------------------------------------------------------- hostile values
class _Hostile:
    def __init__(self, *raising):
        self.raising = set(raising)

    def _maybe(self, name):
        if name in object.__getattribute__(self, "raising"):
            raise RuntimeError(f"{name} says no")

    def __eq__(self, o):
        self._maybe("__eq__")
        return False

    def __array__(self, *a, **k):
        self._maybe("__array__")
        return np.zeros(3)

    def __len__(self):
        self._maybe("__len__")
        return 3

    def __repr__(self):
        self._maybe("__repr__")
        return "H"

    def __str__(self):
        self._maybe("__str__")
        return "H"

    def __bool__(self):
        self._maybe("__bool__")
        return True

    def __getattr__(self, name):
        self._maybe("__getattr__")
        raise AttributeError(name)

    __hash__ = object.__hash__


ALL = ["__eq__", "__array__", "__len__", "__repr__", "__str__", "__bool__", "__getattr__"]
EXPECTEDS = [2.5, np.ones((2, 3)), "adam", {"a", "b"}, (1, 2, 3), True]


def _recursive():
    a = [1]
    a.append(a)
    return a


@pytest.mark.parametrize("expected", EXPECTEDS, ids=lambda e: type(e).__name__)
@pytest.mark.parametrize("value", [
    _Hostile(*ALL), _Hostile("__array__", "__len__"), _Hostile("__eq__"),
    (i for i in range(3)), _recursive(), float("nan"), [float("inf")] * 6,
    np.full((2, 3), np.nan), object(), type, print, Ellipsis, b"bytes", {1: 2},
    np.array([1, 2], dtype=object), [[1, 2], [3]], 10 ** 500, -0.0, "",
], ids=lambda v: type(v).__name__)
def test_hostile_and_odd_values_get_clean_verdicts(value, expected):
    """Does any odd or hostile value get a verdict that is not a checker failure?"""
    v = _q(expected).check_value(value)
    assert not v.internal, v.message
    assert v.status in (Status.INCORRECT, Status.UNCHECKABLE, Status.CORRECT)
    str(v)


def test_huge_arrays_and_lists_get_a_clean_verdict():
    """Is a 10^7-element answer judged (speed is measured in bench/checks.py, not here)?"""
    q = _q(np.ones((4, 28, 28)))
    for value in (np.zeros(10 ** 7), np.zeros((10 ** 7, 1)).T, list(range(10 ** 7))):
        v = q.check_value(value)
        assert v.status is Status.INCORRECT
    big = np.random.default_rng(0).normal(size=(100, 100, 1000))
    assert _q(big).check_value(big + 1).status is Status.INCORRECT


def test_safe_descriptions_never_raise():
    """Do safe_repr/safe_str/type_name survive hostile and huge values?"""
    h = _Hostile(*ALL)
    assert safe_repr(h) == "<_Hostile object>" and safe_str(h) == "<_Hostile object>"
    assert len(safe_repr(list(range(10 ** 6)))) <= 80
    assert "[...]" in safe_repr(_recursive()) or "..." in safe_repr(_recursive())
    assert type_name(np.zeros((2, 3))) == "a NumPy array of shape (2, 3) and dtype float64"
    assert type_name(h) == "a _Hostile"
    assert call_safely(lambda: 1 / 0).error.__class__ is ZeroDivisionError


def test_a_checker_bug_is_reported_as_internal_not_raised():
    """Is an exception in the checker's own code turned into 'Could not check' (internal)?"""
    import functools
    import math
    q = _q(functools.partial(math.sqrt, -1))  # an expected value that cannot be computed
    v = q.check_value(1.0)
    assert v.status is Status.UNCHECKABLE and v.internal
    assert "the checker failed (ValueError" in v.message


def test_a_check_that_runs_too_long_is_stopped():
    """Is a comparison that never ends (a hostile __array__) stopped by check_timeout?"""
    class Slow:
        def __array__(self, *a, **k):
            while True:
                pass

    v = _q(np.ones(3), check_timeout=0.3).check_value(Slow())
    assert v.status is Status.UNCHECKABLE and "took longer than 0.3 s" in v.message


# ------------------------------------------------------- display and assert
def test_display_plain_text_and_coloured_html():
    """Is feedback plain text in a terminal and a coloured label in HTML?"""
    labels = {"correct": "Correct", "incorrect": "Incorrect", "blank": "Fill in",
              "uncheckable": "Could not check", "hint": "Hint", "solution": "Solution"}
    for kind, label in labels.items():
        fb = Feedback(kind, "use `np.mean` <here>", code="x = 1" if kind == "solution" else None)
        assert str(fb).startswith(f"{label}: use `np.mean` <here>")
        html = fb._repr_html_()
        assert f'background-color:{display.COLOURS[kind]}' in html and f">{label}</span>" in html
        assert "<code>np.mean</code>" in html and "&lt;here&gt;" in html
    assert not display.in_notebook()


def test_assert_mode_raises_the_message_the_learner_saw(capsys):
    """Does assert_check_passed raise AssertionError with exactly the text check() prints?"""
    q = _q(np.ones((2, 3)))
    ns = {"x": np.ones((3, 2))}
    q.check(ns)
    shown = capsys.readouterr().out.strip()
    with pytest.raises(AssertionError) as info:
        q.assert_check_passed(ns)
    assert str(info.value) == shown
    q.assert_check_passed({"x": np.ones((2, 3))})
    with pytest.raises(AssertionError, match="^Fill in"):
        q.assert_check_passed({"x": ____})


# -------------------------------------------------------------- solutions
def _fake_solutions(folder):
    nb = {"cells": [
        {"cell_type": "code", "metadata": {"nbgrader": {"solution": True, "grade_id": "q_1",
                                                        "grade": False, "locked": False}},
         "source": ["x = (\n", "    ### BEGIN SOLUTION\n", "    42\n",
                    "    ### END SOLUTION\n", ")"]},
        {"cell_type": "code", "metadata": {"nbgrader": {"solution": True, "grade_id": "q_2_a"}},
         "source": "y = 1"},
    ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    path = folder / "solutions" / "exT" / "exT.ipynb"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(nb))


def test_solution_from_the_solutions_notebook(tmp_path, monkeypatch, capsys):
    """Does solution() show the solution cell without markers, parts included?"""
    _fake_solutions(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LEARNTOOLS_NO_SOLUTIONS", raising=False)
    q1, q2 = _q(42), Multipart(a=_q(1, var="y"))
    register({"q_1": q1, "q_2": q2}, "exT")
    q1.solution()
    assert capsys.readouterr().out == "Solution\nx = (\n    42\n)\n"
    assert q2.a.solution_feedback().code == "y = 1"
    q3 = _q(1)
    register({"q_3": q3}, "exT")
    assert q3.solution_feedback().body == "No solution was found for this question."


def test_no_solutions_handed_out(tmp_path, monkeypatch):
    """Without solutions (env switch, or none on disk), does solution() explain why?"""
    _fake_solutions(tmp_path)
    monkeypatch.chdir(tmp_path)
    q = _q(42)
    register({"q_1": q}, "exT")
    monkeypatch.setenv("LEARNTOOLS_NO_SOLUTIONS", "1")
    fb = q.solution_feedback()
    assert fb.code is None and "not handed out for graded work" in fb.body
    monkeypatch.delenv("LEARNTOOLS_NO_SOLUTIONS")
    register({"q_1": q}, "ex_not_on_disk")
    assert "not handed out" in q.solution_feedback().body


def test_no_solutions_from_a_temp_folder_with_an_installed_copy(tmp_path):
    """Run from a folder outside the repo with a copy of the package: no solution shown."""
    import shutil

    import learntools_lite
    pkg = os.path.dirname(learntools_lite.__file__)
    shutil.copytree(pkg, tmp_path / "site" / "learntools_lite",
                    ignore=shutil.ignore_patterns("__pycache__", "data"))
    code = ("import learntools_lite.core.solutions as s;"
            "assert 'site' in s.__file__;"
            "print(s.solution_code('ex1_tensors', 'q_2')[1])")
    out = subprocess.run([PY, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(tmp_path / "site")})
    assert "not handed out" in out.stdout, out.stderr


# ------------------------------------------------------------------ import
def test_importing_core_and_keras_checks_is_tensorflow_free():
    """Does importing the core (and keras_checks) leave TensorFlow, Keras and matplotlib
    unloaded? (Import time is measured in bench/checks.py.)"""
    code = ("import sys; import learntools_lite.core; import learntools_lite.keras_checks;"
            + "".join(f"import learntools_lite.{e};" for e in exercise_modules()) +
            "print([m for m in ('tensorflow', 'keras', 'matplotlib') if m in sys.modules])")
    out = subprocess.run([PY, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_compare_functions_never_raise_on_hostile_input():
    """Do the compare_* functions return a message (not raise) for hostile values?"""
    h = _Hostile(*ALL)
    for fn, e in [(cmp.compare_number, 1.0), (cmp.compare_array, np.ones(3)),
                  (cmp.compare_string, "a"), (cmp.compare_set, {1}),
                  (cmp.compare_sequence, (1, 2))]:
        assert isinstance(fn("x", h, e), str)


# ------------------------------------------------------- thought questions
def _thought():
    t = ThoughtQuestion(var="answer_7", discussion="Folding paper halves the area.",
                        hints=["think of paper"])
    register({"q_7": t}, "exX")
    return t


@pytest.mark.parametrize("answer", [____, None, "", "   \n ", "maybe", "I think"])
def test_an_unanswered_thought_question_asks_for_words_and_hides_the_discussion(answer):
    """Do a blank, None, whitespace or a too-short answer say Fill in, without
    showing the discussion?"""
    shown = str(_thought().feedback({"answer_7": answer}))
    assert shown.startswith("Fill in: "), shown
    assert "own words" in shown and "Folding paper" not in shown


def test_an_undefined_thought_answer_asks_for_words():
    """Is a thought answer variable that is not defined yet a Fill in, without discussion?"""
    shown = str(_thought().feedback({}))
    assert shown.startswith("Fill in: ") and "Folding paper" not in shown


@pytest.mark.parametrize("answer", ["The area halves each time it is folded.",
                                    "每折一次，面积减半。"])
def test_a_written_thought_answer_shows_the_discussion(answer, capsys):
    """Does a written answer (English, or Chinese without spaces) show the discussion,
    labelled Discussion?"""
    t = _thought()
    t.check({"answer_7": answer})
    out = capsys.readouterr().out
    assert out.startswith("Discussion: ") and "Folding paper halves the area." in out
    assert t.verdict({"answer_7": answer}).passed


def test_a_thought_answer_that_is_not_text_is_named():
    """Is a number where words are expected answered plainly (and no discussion)?"""
    v = _thought().verdict({"answer_7": 42})
    assert v.status is Status.INCORRECT and "your own words" in v.message
    assert "Folding" not in v.message


# -------------------------------------------------------- tolerance policy
def test_one_tolerance_policy_for_scalars_tuples_and_arrays():
    """Are floats compared with the same rtol/atol as scalars, tuple items and arrays,
    and integers exactly?"""
    from learntools_lite.core.tolerance import ATOL, RTOL

    near, far = 1.0 + 0.5 * RTOL, 1.0 + 3 * RTOL
    for expected, wrap in [(1.0, lambda v: v), ((1.0, 2.0), lambda v: (v, 2.0)),
                           (np.array([1.0, 2.0]), lambda v: np.array([v, 2.0]))]:
        q = _q(expected)
        assert q.check_value(wrap(near)).passed, expected
        assert q.check_value(wrap(far)).status is Status.INCORRECT, expected
    assert _q(0.0).check_value(ATOL / 2).passed
    assert _q(0.0).check_value(ATOL * 3).status is Status.INCORRECT
    for expected, wrap in [(3, lambda v: v), ((3, 4), lambda v: (v, 4)),
                           (np.array([3, 4]), lambda v: np.array([v, 4.0]))]:
        q = _q(expected)
        assert q.check_value(wrap(3.0)).passed, expected
        assert q.check_value(wrap(3 + 1e-9)).status is Status.INCORRECT, expected
    f = FunctionQuestion(var="f", oracle=lambda x: x * 1.0, cases=[(np.ones(3),)])
    assert f.check_value(lambda x: x * near).passed
    assert f.check_value(lambda x: x * far).status is Status.INCORRECT


def test_a_mistake_is_matched_with_the_same_policy():
    """Is a named mistake recognised within the policy's tolerance (not exactly only)?"""
    from learntools_lite.core.tolerance import RTOL

    q = _q(2.0, mistakes=[Mistake("`{name}` is doubled.", wrong=lambda e: 2 * e)])
    assert q.check_value(4.0 * (1 + RTOL / 2)).message == "`x` is doubled."


# ------------------------------------------------------------- languages
def test_set_language_switches_the_kernel_visibly(monkeypatch, capsys):
    """Does learntools_lite.set_language("zh_CN") print one line in Chinese, switch
    later messages, keep LEARNTOOLS_LANG in agreement, and switch back?"""
    import learntools_lite
    from learntools_lite.core import set_language

    monkeypatch.delenv("LEARNTOOLS_LANG", raising=False)
    learntools_lite.set_language("zh_CN")
    line = capsys.readouterr().out
    assert line.count("\n") == 1 and "简体中文" in line
    assert os.environ["LEARNTOOLS_LANG"] == "zh_CN"
    assert str(_q(1.0).check_value(____)).startswith("请填空")
    set_language("en")
    assert "English" in capsys.readouterr().out
    assert str(_q(1.0).check_value(____)).startswith("Fill in")


def test_an_unknown_language_lists_the_available_ones(monkeypatch, capsys):
    """Does set_language("fr") say which languages exist and change nothing?"""
    from learntools_lite import set_language

    monkeypatch.setenv("LEARNTOOLS_LANG", "en")
    set_language("fr")
    out = capsys.readouterr().out
    assert "'fr'" in out and '"en", "zh_CN"' in out
    assert os.environ["LEARNTOOLS_LANG"] == "en"
    set_language(None)
    assert '"en", "zh_CN"' in capsys.readouterr().out


def test_display_renders_bold_outside_code_but_not_arithmetic():
    """Is **emphasis** in a catalogue text bold in HTML, in English and Chinese, while
    `size**2` or code stays as written?"""
    from learntools_lite.core.display import Feedback

    html = Feedback("incorrect", "the **shape** is right; 只用**一个**样本; "
                    "1 / size**2 of it; `a**b**c`")._repr_html_()
    assert "the <strong>shape</strong> is right" in html
    assert "只用<strong>一个</strong>样本" in html
    assert "size**2 of it" in html and "<code>a**b**c</code>" in html


def test_a_tuple_of_the_wrong_length_says_how_many_values_it_has():
    """Does a function returning 2 of 3 asked parts hear "a tuple of 2 values", not
    "should be a tuple of 3 values, but it is a tuple"?"""
    f = FunctionQuestion(var="f", oracle=lambda x: (x, x, x), cases=[(1.0,)],
                         output_names=("dX", "dK", "db"))
    v = f.check_value(lambda x: (x, x))
    assert v.status is Status.INCORRECT
    assert "a tuple of 3 values" in v.message and "a tuple of 2 values" in v.message, v.message
    v = f.check_value(lambda x: [x, x, x, x])
    assert "a list of 4 values" in v.message, v.message
    assert "a float" in f.check_value(lambda x: x).message


def test_a_value_slightly_off_everywhere_is_not_called_a_factor_of_about_1():
    """Is a result 2e-5 too large everywhere (beyond the tolerance) reported by its first
    difference, not as "off by a constant factor of about 1"? A real factor is still named."""
    msg = cmp.compare("a", np.array([1.00002, 2.00004]), np.array([1.0, 2.0]))
    assert "factor" not in msg and "first difference" in msg, msg
    assert "factor of about 1.01" in cmp.compare("a", np.array([1.01, 2.02]), np.array([1.0, 2.0]))
    assert "factor of about 2" in cmp.compare("a", np.array([2.0, 4.0]), np.array([1.0, 2.0]))


def test_a_question_that_must_not_reveal_its_answer_does_not():
    """With `reveal=False`, is an unnamed wrong tuple or array told it is not right, without
    the expected value or an expected entry, while a wrong form is still described?"""
    q = ValueQuestion(var="shape", expected=(64, 20, 14), reveal=False)
    msg = q.check_value((64, 10, 14)).message
    assert msg == "`shape` = (64, 10, 14) is not right.", msg
    msg = q.check_value((64, 20)).message
    assert "a tuple of 3 values" in msg and "a tuple of 2 values" in msg and "20, 14" not in msg
    assert "a tuple of 3 values" in q.check_value("64x20x14").message
    assert q.check_value([64, 20, 14]).passed and q.check_value(np.array([64, 20, 14])).passed
    a = ValueQuestion(var="w", expected=np.array([0.99, 1.99]), reveal=False)
    msg = a.check_value(np.array([0.5, 1.0])).message
    assert "0.99" not in msg and "instead of" not in msg and "not right" in msg, msg
    assert "should be (64, 20, 14)" in ValueQuestion(var="shape", expected=(64, 20, 14)) \
        .check_value((64, 10, 14)).message  # the default still says what is expected


@pytest.mark.parametrize("module, qid", [("ex1_tensors", "q_2"), ("ex1_tensors", "q_3"),
                                         ("ex1_tensors", "q_5a"), ("ex3_sgd", "q_1a"),
                                         ("ex3_sgd", "q_4"), ("ex5_cnn", "q_2a")])
def test_prediction_questions_do_not_give_the_answer_away(module, qid):
    """Does a wrong prediction with no named mistake leave the expected numbers out?"""
    import importlib

    from learntools_lite.core.mistakes import resolve_expected

    q = getattr(importlib.import_module(f"learntools_lite.{module}"), qid)
    expected = resolve_expected(q.expected)
    wrong = tuple(float(v) * 7 + 1 for v in np.ravel(expected))
    msg = q.check_value(wrong).message
    assert msg == f"`{q.name}` = {safe_repr(wrong, 80)} is not right.", msg
