"""The blank `____` found wherever a learner leaves it: in expressions with NumPy,
in containers, iterated, and as a default argument of a learner function."""
import time

import numpy as np
import pytest

from learntools_lite.core import FunctionQuestion, Status, ValueQuestion, ____
from learntools_lite.core.blank import contains_blank, function_has_blank, is_blank


@pytest.fixture(autouse=True)
def _english(monkeypatch):
    monkeypatch.delenv("LEARNTOOLS_LANG", raising=False)


EXPRESSIONS = {
    "array plus blank": lambda: np.zeros(3) + ____,
    "blank times array": lambda: ____ * np.ones((2, 2)),
    "array matmul blank": lambda: np.ones((2, 2)) @ ____,
    "ufunc of blank": lambda: np.sqrt(____) * 2,
    "array function of blank": lambda: np.mean(____, axis=0),
    "concatenate with blank": lambda: np.concatenate([np.ones(2), ____]),
    "comparison": lambda: np.where(____ > 0, 1.0, 0.0),
    "method chain": lambda: ____.reshape(3, 4).T,
    "list of blank": lambda: list(____),
    "array holding blank": lambda: np.array([1.0, ____], dtype=object),
    "tuple holding blank": lambda: (2, ____),
}


@pytest.mark.parametrize("name", EXPRESSIONS)
def test_a_blank_inside_an_expression_says_fill_in(name):
    """Does an answer computed from an expression that still holds ____ say Fill in?"""
    value = EXPRESSIONS[name]()
    assert contains_blank(value), (name, value)
    assert ValueQuestion(var="x", expected=np.ones(3)).check_value(value).status is Status.BLANK


def test_list_of_the_blank_returns_at_once():
    """Does list(____) return at once (no endless iteration over the blank)?"""
    start = time.monotonic()
    assert list(____) == [____]
    assert [x for x in ____] == [____]
    assert time.monotonic() - start < 1.0


def test_a_default_argument_left_blank_is_a_blank():
    """Is `def f(x, y=____)` (or a keyword-only default) a blank answer?"""
    def positional(x, y=____):
        return x

    def keyword(x, *, scale=____):
        return x

    def fine(x, y=2.0):
        return x

    assert function_has_blank(positional) and function_has_blank(keyword)
    assert not function_has_blank(fine)
    q = FunctionQuestion(var="f", oracle=lambda x: x, cases=[(1.0,)])
    assert q.check_value(positional).status is Status.BLANK
    assert q.check_value(keyword).status is Status.BLANK
    assert q.check_value(fine).passed


def test_a_function_that_returns_a_blank_expression_is_a_blank():
    """Does a function whose result comes from `np.zeros(3) + ____` say Fill in?"""
    q = FunctionQuestion(var="f", oracle=lambda x: x + 1, cases=[(np.ones(3),)])

    def f(x):
        return x + ____

    assert q.check_value(f).status is Status.BLANK
    assert q.check_value(lambda x: x + 1).passed


def test_the_blank_stays_falsy_and_one_object():
    """Is ____ falsy, a single object, and recognised after arithmetic?"""
    assert not ____ and is_blank(____ + 1) and (____ - 2) is ____
    assert not is_blank(np.zeros(2)) and not contains_blank([1, [2, (3,)]])
